# Tiles over the size limit (here 400 bytes gzip'd, so that the two islands of the fixture exceed it) are simplified
# further, then lose their smallest features until they fit: no tile is over it, every tile stays valid,
# and what was reduced is in the metadata, zoom by zoom. The same run again gives the same bytes.
set -e
"$KURIL" check-tiles limited.mbtiles > /dev/null
test "$(sqlite3 limited.mbtiles 'SELECT max(length(tile_data)) FROM tiles')" -le 400
/usr/bin/python3 - <<'PY'
import json, sqlite3
db = sqlite3.connect("limited.mbtiles")
meta = json.loads(db.execute("SELECT value FROM metadata WHERE name='json'").fetchone()[0])["kuril:size_limit"]
assert meta["max_tile_bytes"] == 400, meta
zooms = {r["zoom"]: r for r in meta["reduced"]}
assert len(zooms) >= 3, meta
assert sum(r["features_dropped"] for r in zooms.values()) > 0, meta  # some tile had to lose features
assert all(r["tiles_with_features_dropped"] <= r["tiles"] for r in zooms.values()), meta
print("ok")
PY
"$KURIL" tiles -q -z 10 --max-tile-bytes 400 -j 1 -o again.mbtiles geodata/land.geojsonl
test "$(sqlite3 limited.mbtiles 'SELECT zoom_level, tile_column, tile_row, hex(tile_data) FROM tiles ORDER BY 1, 2, 3' | sha256sum)" = \
     "$(sqlite3 again.mbtiles 'SELECT zoom_level, tile_column, tile_row, hex(tile_data) FROM tiles ORDER BY 1, 2, 3' | sha256sum)"
