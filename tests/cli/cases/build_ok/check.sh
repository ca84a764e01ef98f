# The build replaced output/ whole: the previous file is gone, every layer is there, and the records
# and the derived line are exactly the expected ones.
set -e
case_dir=$(dirname "$0")
test ! -e output/geojson/previous.geojson
for l in islands labels territories sovereignty views places epochs boundaries snapshot_1855 snapshot_1875 snapshot_today; do
  test -s "output/geojson/$l.geojson"
done
test -s output/kuril.gpkg
diff -u "$case_dir/expected_sovereignty.geojson" output/geojson/sovereignty.geojson
diff -u "$case_dir/expected_boundaries.geojson" output/geojson/boundaries.geojson
# Vector tiles in all three containers, every tile valid MVT 2.1.
for t in output/tiles/kuril.pmtiles output/tiles/kuril.mbtiles output/tiles/xyz; do
  "$KURIL" check-tiles "$t" > /dev/null
done
test -s output/tiles/xyz/tiles.json
# Print maps: one per epoch of events.csv and today's in each point of view, PDF and SVG.
for m in kuril-1855-02-07-neutral kuril-1875-08-22-neutral kuril-today-neutral kuril-today-japan kuril-today-russia; do
  test -s "output/maps/$m.pdf" && test -s "output/maps/$m.svg" && test -s "output/maps/$m.labels.json"
done
