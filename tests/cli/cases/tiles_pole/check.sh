# A ring round a pole is closed along the pole, at the edge of Web Mercator's range, instead of being
# refused: the southern cap fills the bottom row of tiles from edge to edge, the northern the top row.
set -e
"$KURIL" check-tiles xyz > /dev/null
for x in 0 1 2 3 4 5 6 7; do
  test "$(ogrinfo -ro -al -q "xyz/3/$x/7.pbf" | grep -c POLYGON)" -ge 1
  test "$(ogrinfo -ro -al -q "xyz/3/$x/0.pbf" | grep -c POLYGON)" -ge 1
done
# The bottom-left tile at z3 is wholly inside the southern cap: its polygon covers the tile.
/usr/bin/python3 - <<'PY'
from osgeo import ogr
ds = ogr.Open("MVT:xyz/3/0/7.pbf")
area = sum(f.GetGeometryRef().GetArea() for layer in ds for f in layer)
lon_per_tile = 360 / 8
# GDAL gives the tile in EPSG:3857 metres; a full tile is (2 * 20037508.34 / 8) squared.
full = (2 * 20037508.342789244 / 8) ** 2
assert area > 0.99 * full, (area, full)
print("ok")
PY
