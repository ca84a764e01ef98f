#!/usr/bin/env bash
# The engine on the whole world: GSHHG full-resolution land (level 1), imported in 30°x30° cells with
# `kuril import-coastline --region`, then `kuril tiles` z0-8. Reports the import time, and the tiling's
# wall time, CPU time, peak memory, tiles and bytes. Needs gmt and gmt-gshhg-full (scripts/setup.sh).
# Usage: bench/world.sh [MAXZOOM]     (default 8)
set -euo pipefail
cd "$(dirname "$0")/.."
kuril=${KURIL:-build/kuril}
maxzoom=${1:-8}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work/cells"
start=$(date +%s)
if [ ! -s "$work/world.geojsonl" ]; then
  for west in $(seq -180 30 150); do
    for south in $(seq -90 30 60); do
      cell="$work/cells/$west.$south.geojsonl"
      [ -s "$cell" ] || "$kuril" import-coastline -q --region "$west/$((west + 30))/$south/$((south + 30))" -o "$cell"
    done
  done
  # Ids restart in every cell: drop them (the tiler numbers features itself).
  cat "$work"/cells/*.geojsonl | sed 's/"id":[0-9]*,//' > "$work/world.geojsonl"
fi
echo "import: $(( $(date +%s) - start )) s, $(wc -l < "$work/world.geojsonl") polygons, $(stat -c %s "$work/world.geojsonl") bytes of GeoJSON"
/usr/bin/time -f "%e %U %S %M" -o "$work/time" "$kuril" tiles -q -Z 0 -z "$maxzoom" -o "$work/world.pmtiles" "$work/world.geojsonl"
read -r wall user sys peak < "$work/time"
tiles=$("$kuril" check-tiles "$work/world.pmtiles" | sed -E 's/.*: ([0-9]+) tiles, .*/\1/')
printf 'world z0-%s: wall %s s, cpu %.2f s, peak %.0f MiB, %s tiles, %s bytes PMTiles\n' "$maxzoom" "$wall" \
  "$(echo "$user + $sys" | bc -l)" "$(echo "$peak / 1024" | bc -l)" "$tiles" "$(stat -c %s "$work/world.pmtiles")"
"$kuril" check-tiles "$work/world.pmtiles"
