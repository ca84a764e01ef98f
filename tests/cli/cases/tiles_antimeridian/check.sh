# A polygon (with a hole) and a line drawn across the antimeridian are split there (RFC 7946 §3.1.9):
# tiles on both edges of the world and none in between (read naively, they would span 356° the
# other way round).
set -e
"$KURIL" check-tiles xyz > /dev/null
for z in 2 3 4 5; do
  n=$((1 << z))
  test -d "xyz/$z/0" && test -d "xyz/$z/$((n - 1))"
  for x in $(ls "xyz/$z"); do
    if [ "$x" != 0 ] && [ "$x" != $((n - 1)) ]; then echo "z$z: tile column $x drawn"; exit 1; fi
  done
done
# Both halves read back through GDAL's MVT reader, each with the polygon and the line.
for tile in xyz/5/0/10.pbf xyz/5/31/10.pbf; do
  test "$(ogrinfo -ro -al -q "$tile" | grep -c 'POLYGON')" -ge 1
done
test "$(ogrinfo -ro -al -q xyz/5/0/11.pbf | grep -c 'LINESTRING')" -ge 1
test "$(ogrinfo -ro -al -q xyz/5/31/11.pbf | grep -c 'LINESTRING')" -ge 1
