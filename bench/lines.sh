#!/usr/bin/env bash
# `kuril tiles` on lines, against an earlier commit built beside this tree in the same run.
# Input: the world's rivers and borders from GSHHG's WDBII at full resolution (`gmt coast -I a -N a`),
# each segment a LineString with its kind, as GeoJSONSeq (made once; kept in $WORK). Both builds tile it
# to each maximum zoom: wall time, CPU time, peak memory, tiles, PMTiles bytes, the largest tile.
# Needs gmt and gmt-gshhg-full (scripts/setup.sh --tests).
# Usage: bench/lines.sh [MAXZOOM ...]    (default 10)    BASE=<commit> WORK=<dir> KURIL=build/kuril
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/peers.sh
kuril=$(realpath "${KURIL:-build/kuril}")
base=${BASE:-6ddb67e}
work=${WORK:-$HOME/.cache/kuril-bench-points}
zooms=("$@")
[ ${#zooms[@]} -gt 0 ] || zooms=(10)
mkdir -p "$work"
base_kuril=$(build_base "$base" "$work")

input="$work/lines.geojsonl"
if [ ! -s "$input" ]; then
  for kind in river border; do
    flag=$([ "$kind" = river ] && echo "-Ia" || echo "-Na")
    gmt coast -R-180/180/-90/90 -Df "$flag" -M |
      awk -v kind="$kind" -F'\t' '
        function flush() { if (n >= 2) printf "{\"type\":\"Feature\",\"properties\":{\"kind\":\"%s\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[%s]}}\n", kind, coords; n = 0; coords = "" }
        /^>/ { flush(); next }
        { coords = coords (n++ ? "," : "") "[" $1 "," $2 "]" }
        END { flush() }'
  done > "$input.part"
  mv "$input.part" "$input"
fi
echo "input: $(wc -l < "$input") lines, $(stat -c %s "$input") bytes of GeoJSONSeq"
echo "| build | wall s | CPU s | peak MiB | tiles | PMTiles bytes | largest tile (gzip) |"
echo "|---|---|---|---|---|---|---|"
for z in "${zooms[@]}"; do
  tiles_row "base $base, z0-$z" "$base_kuril" "$work/lines-base-z$z.pmtiles" "$input" -Z 0 -z "$z"
  tiles_row "head, z0-$z" "$kuril" "$work/lines-head-z$z.pmtiles" "$input" -Z 0 -z "$z"
  ratio_row "$work/lines-head-z$z.pmtiles" "$work/lines-base-z$z.pmtiles"
done
