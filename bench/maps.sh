#!/usr/bin/env bash
# Benchmark: what the print maps cost. `kuril build` (no tiles, no viewer) with and without output/maps/,
# alternated RUNS times in the same run on the same machine; prints each run and the medians, the time the
# maps add, and the cost per sheet. Then one `kuril map` per format, whole (reading geodata/, deriving the
# layers and drawing one map).
# Usage: bench/maps.sh [RUNS]      (default 5; KURIL=build/kuril)
set -euo pipefail
cd "$(dirname "$0")/.."
kuril=${KURIL:-build/kuril}
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
secs() { /usr/bin/time -f "%e" -o "$work/t" "$@" > /dev/null 2>&1; cat "$work/t"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
: > "$work/with"; : > "$work/without"
for i in $(seq "$runs"); do
  a=$(secs "$kuril" build -q --no-tiles --no-viewer -o "$work/out")
  b=$(secs "$kuril" build -q --no-tiles --no-viewer --no-maps -o "$work/out")
  echo "run $i: build with maps ${a} s, without ${b} s"
  echo "$a" >> "$work/with"; echo "$b" >> "$work/without"
done
sheets=$("$kuril" build -q --no-tiles --no-viewer -o "$work/out" && ls "$work/out/maps" | grep -c -E '\.(pdf|svg)$')
pages=$(pdfinfo "$work/out/maps/kuril-atlas.pdf" | awk '/^Pages:/ {print $2}')
w=$(median < "$work/with"); wo=$(median < "$work/without")
echo "median: with maps $w s, without $wo s: the maps add $(echo "$w - $wo" | bc -l | xargs printf '%.2f') s" \
     "for $sheets files ($((sheets - 1)) maps and a $pages-page atlas), $(nproc) cores"
total=$((sheets - 1 + pages))
echo "per sheet: $(echo "($w - $wo) / $total" | bc -l | xargs printf '%.3f') s of wall time ($total sheets drawn on $(nproc) threads)"
for fmt in pdf svg png; do
  t=$(for i in 1 2 3; do secs "$kuril" map -q --date 1910-01-01 -o "$work/m.$fmt"; done | median)
  echo "kuril map --date 1910-01-01 -o m.$fmt (300 dpi for PNG): $t s in all, median of 3"
done
