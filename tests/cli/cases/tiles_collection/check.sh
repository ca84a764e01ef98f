# A GeometryCollection of a polygon, a line and a point keeps every part (MVT 2.1 §4.3.4: one geometry type
# per feature, so three features), each with all the attributes and its own id in the layer (§4.2), read
# back through GDAL's MVT reader at z0, z4 and z8 (-r 1: every point at every zoom).
set -e
"$KURIL" check-tiles mixed.mbtiles > /dev/null
/usr/bin/python3 - <<'PY'
import gzip, os, sqlite3
from osgeo import gdal, ogr
gdal.UseExceptions()
db = sqlite3.connect("mixed.mbtiles")
for z in (0, 4, 8):
    parts, polonsky = [], False
    for x, y, blob in db.execute("SELECT tile_column, tile_row, tile_data FROM tiles WHERE zoom_level=?", (z,)):
        os.makedirs(f"tile/{z}/{x}", exist_ok=True)
        path = f"tile/{z}/{x}/{(1 << z) - 1 - y}.pbf"  # MBTiles rows count from the south
        with open(path, "wb") as out:
            out.write(gzip.decompress(blob))
        ds = gdal.OpenEx(path, gdal.OF_VECTOR)
        for f in ds.GetLayerByName("mixed"):
            if f.GetField("name") == "Shikotan":
                assert f.GetField("kind") == "mixed", f.ExportToJson()
                parts.append((ogr.GeometryTypeToName(f.GetGeometryRef().GetGeometryType()), f.GetField("mvt_id")))
            polonsky |= f.GetField("name") == "Polonsky"
    kinds = sorted(k for k, _ in parts)
    assert kinds == ["Line String", "Point", "Polygon"], (z, parts)
    ids = {k: i for k, i in parts}
    assert len(set(ids.values())) == 3, (z, parts)  # three ids, one per kind
    assert ids["Line String"] - ids["Polygon"] == 2**50 and ids["Point"] - ids["Polygon"] == 2**51, (z, parts)
    assert polonsky, z
print("ok")
PY
