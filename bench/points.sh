#!/usr/bin/env bash
# `kuril tiles` on points, against an earlier commit built beside this tree in the same run.
# Input: every sixth vertex of the world's GSHHG full-resolution shorelines (levels 1-4, through
# `gmt coast`), 1.77 M points with two attributes (level, segment), as GeoJSONSeq (made once; kept in
# $WORK). Each build tiles it to z0-10 with its defaults: wall time, CPU time, peak memory, tiles,
# PMTiles bytes, the largest tile; then this tree with -r1 (no thinning) and with clusters, and the
# input at 5x (each point five times, shifted) to show that memory follows the tiles, not the points.
# Needs gmt and gmt-gshhg-full (scripts/setup.sh --tests).
# Usage: bench/points.sh                 BASE=<commit> WORK=<dir> KURIL=build/kuril bench/points.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/peers.sh
kuril=$(realpath "${KURIL:-build/kuril}")
base=${BASE:-6ddb67e}
work=${WORK:-$HOME/.cache/kuril-bench-points}
mkdir -p "$work"
base_kuril=$(build_base "$base" "$work")

input="$work/points.geojsonl"
if [ ! -s "$input" ]; then
  gmt coast -R-180/180/-90/90 -Df -W -M -A0/1/4 |
    awk -F'\t' '/^>/ { seg++; h = $0; sub(/.*Level /, "", h); level = h + 0; next }
                (n++ % 6) == 0 { printf "{\"type\":\"Feature\",\"properties\":{\"level\":%d,\"segment\":%d},\"geometry\":{\"type\":\"Point\",\"coordinates\":[%s,%s]}}\n", level, seg, $1, $2 }' \
    > "$input.part"
  mv "$input.part" "$input"
fi
echo "input: $(wc -l < "$input") points, $(stat -c %s "$input") bytes of GeoJSONSeq"

echo "| build | wall s | CPU s | peak MiB | tiles | PMTiles bytes | largest tile (gzip) |"
echo "|---|---|---|---|---|---|---|"
tiles_row "base $base, z0-10" "$base_kuril" "$work/base.pmtiles" "$input" -Z 0 -z 10
tiles_row "head, z0-10 (defaults: -B 10 -r 2.5)" "$kuril" "$work/head.pmtiles" "$input" -Z 0 -z 10
ratio_row "$work/head.pmtiles" "$work/base.pmtiles"
tiles_row "head, z0-10 --drop-densest-as-needed" "$kuril" "$work/densest.pmtiles" "$input" -Z 0 -z 10 --drop-densest-as-needed
tiles_row "head, z0-10 -r1 --cluster-distance 10" "$kuril" "$work/cluster.pmtiles" "$input" -Z 0 -z 10 -r 1 --cluster-distance 10
tiles_row "head, -zg -r g" "$kuril" "$work/guess.pmtiles" "$input" -Z 0 -zg -r g

# Memory follows the tiles: the same points five times over, each copy shifted by a few metres.
input5="$work/points5.geojsonl"
if [ ! -s "$input5" ]; then
  for k in 0 1 2 3 4; do
    awk -v k="$k" -F'"coordinates":\\[' '{ split($2, c, /[],]/); printf "%s\"coordinates\":[%.7f,%s]}}\n", $1, c[1] + k * 0.0001, c[2] }' "$input"
  done > "$input5.part"
  mv "$input5.part" "$input5"
fi
tiles_row "head, z0-10, 5x the points" "$kuril" "$work/head5.pmtiles" "$input5" -Z 0 -z 10
read -r _ p1 _ < "$work/head.pmtiles.figures"
read -r _ p5 _ < "$work/head5.pmtiles.figures"
printf 'peak memory, 5x the points over 1x: %.2fx\n' "$(echo "$p5 / $p1" | bc -l)"
