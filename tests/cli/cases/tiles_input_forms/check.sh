# Every form users pass reaches the tiles, read back through GDAL's MVT reader at z6: a gzip'd
# FeatureCollection (.geojson.gz, never unpacked to disk), a bare pretty-printed Feature, a bare geometry,
# an RFC 8142 sequence (RS before each text, one of them over several lines), gzip'd newline-delimited
# features with a blank line, and FlatGeobuf through GDAL. One layer per input, named after it.
set -e
"$KURIL" check-tiles forms.mbtiles > /dev/null
test ! -e geodata/collection.geojson  # read compressed, not unpacked beside it
/usr/bin/python3 - <<'PY'
import gzip, os, sqlite3
from osgeo import gdal
gdal.UseExceptions()
db = sqlite3.connect("forms.mbtiles")
names = {}
for x, y, blob in db.execute("SELECT tile_column, tile_row, tile_data FROM tiles WHERE zoom_level=6"):
    path = f"t-{x}-{y}.pbf"
    with open(path, "wb") as out:
        out.write(gzip.decompress(blob))
    ds = gdal.OpenEx(path, gdal.OF_VECTOR)
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayer(i)
        for f in layer:
            key = f.GetField("name") if "name" in f.keys() else f.GetField("cell") if "cell" in f.keys() else "?"
            names.setdefault(layer.GetName(), set()).add(key)
expected = {
    "collection": {"Shikotan", "Polonsky"},
    "feature": {"Kunashir"},
    "geometry": {"?"},
    "sequence": {"Urup", "Simushir"},
    "lines": {"Shimoda line", "1875 line"},
    "cells": {"a", "b"},
}
assert names == expected, names
print("ok")
PY
# The array property is kept as its JSON text; the integer id as the feature's id + 1 (as GDAL numbers).
/usr/bin/python3 - <<'PY'
import gzip, sqlite3
from osgeo import gdal
db = sqlite3.connect("forms.mbtiles")
for x, y, blob in db.execute("SELECT tile_column, tile_row, tile_data FROM tiles WHERE zoom_level=0"):
    open("z0.pbf", "wb").write(gzip.decompress(blob))
ds = gdal.OpenEx("z0.pbf", gdal.OF_VECTOR)
shikotan = [f for f in ds.GetLayerByName("collection") if f.GetField("name") == "Shikotan"][0]
assert shikotan.GetField("tags") == '["island","south"]', shikotan.GetField("tags")
assert shikotan.GetField("mvt_id") == 8, shikotan.GetField("mvt_id")
PY
