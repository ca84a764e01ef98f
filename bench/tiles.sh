#!/usr/bin/env bash
# Benchmark: `kuril tiles` against GDAL's MVT writer (`ogr2ogr -f MBTiles`, the peer in Debian) on the
# same input and zoom range, in the same run. Prints wall time, CPU time, peak memory, tiles and bytes
# for each, and the ratios. Tippecanoe is not packaged in Debian: its figures are quoted, not re-run.
# Usage: bench/tiles.sh [MAXZOOM ...]        (default: 10 12 14)
#        INPUT=file KURIL=build/kuril SKIP_OGR=1 bench/tiles.sh 8
set -euo pipefail
cd "$(dirname "$0")/.."
kuril=${KURIL:-build/kuril}
input=${INPUT:-geodata/land.geojsonl}
zooms=("$@")
[ ${#zooms[@]} -gt 0 ] || zooms=(10 12 14)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {  # measure NAME COMMAND... -> "wall cpu peak_kib"
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" "$@" > /dev/null 2> "$work/$name.err" || {
    echo "$name failed:"; cat "$work/$name.err"; exit 1; }
  awk '{printf "%.2f %.2f %d\n", $1, $2 + $3, $4}' "$work/$name.time"
}
count_tiles() { sqlite3 "$1" "SELECT count(*) FROM tiles"; }

printf '%-4s %-8s %8s %8s %10s %8s %11s\n' zoom tool wall_s cpu_s peak_MiB tiles bytes
for z in "${zooms[@]}"; do
  read -r kw kc km < <(measure kuril "$kuril" tiles -q -Z 0 -z "$z" -o "$work/k$z.mbtiles" "$input")
  "$kuril" tiles -q -Z 0 -z "$z" -o "$work/k$z.pmtiles" "$input"
  kt=$(count_tiles "$work/k$z.mbtiles"); kb=$(stat -c %s "$work/k$z.mbtiles"); pb=$(stat -c %s "$work/k$z.pmtiles")
  printf '%-4s %-8s %8s %8s %10.1f %8s %11s  (PMTiles %s bytes)\n' "z$z" kuril "$kw" "$kc" "$(echo "$km/1024" | bc -l)" "$kt" "$kb" "$pb"
  if [ "${SKIP_OGR:-0}" != 1 ]; then
    read -r ow oc om < <(measure ogr "ogr2ogr" -f MBTiles "$work/o$z.mbtiles" "$input" -dsco MINZOOM=0 -dsco MAXZOOM="$z")
    ot=$(count_tiles "$work/o$z.mbtiles"); ob=$(stat -c %s "$work/o$z.mbtiles")
    printf '%-4s %-8s %8s %8s %10.1f %8s %11s\n' "z$z" ogr2ogr "$ow" "$oc" "$(echo "$om/1024" | bc -l)" "$ot" "$ob"
    printf '%-4s ratio ogr2ogr/kuril: wall %.1fx, cpu %.1fx, peak memory %.2fx, bytes %.2fx\n' "z$z" \
      "$(echo "$ow/$kw" | bc -l)" "$(echo "$oc/$kc" | bc -l)" "$(echo "$om/$km" | bc -l)" "$(echo "$ob/$kb" | bc -l)"
  fi
done
echo "reference (same input, a machine like this one): tippecanoe 2.82 z0-14 about 6.5 s, 67,380 tiles, 2.1 MB PMTiles"
