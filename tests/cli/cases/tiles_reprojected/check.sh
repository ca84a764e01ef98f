# A declared CRS is reprojected to WGS 84: the square lands in the right z10 tile (near Cape Nosappu).
set -e
"$KURIL" check-tiles reprojected.pmtiles > /dev/null
"$KURIL" tiles -q -z 10 -o xyz geodata/mercator.geojson
test -s xyz/10/926/374.pbf
