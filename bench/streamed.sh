#!/usr/bin/env bash
# Peak memory of `kuril tiles` on a large input, streamed through partitions (the default from 64 MB)
# and all in memory (--partition-zoom 0), same input, same zooms, same run. The input is made by
# bench/replicate.py: real GSHHG polygons of the Kuril land copied over the globe up to SIZE_MB.
# Usage: bench/streamed.sh [SIZE_MB] [MAXZOOM]     (default 500 MB, z8)
set -euo pipefail
cd "$(dirname "$0")/.."
kuril=${KURIL:-build/kuril}
size=${1:-500} maxzoom=${2:-8}
work=${WORK:-$(mktemp -d)}
input="$work/world-$size.geojsonl"
[ -s "$input" ] || python3 bench/replicate.py geodata/land.geojsonl "$size" "$input"
run() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" "$kuril" tiles -q -z "$maxzoom" "$@"
  read -r wall user sys peak < "$work/$name.time"
  printf '%-10s wall %7.1f s  cpu %7.1f s  peak %6.0f MiB  %s\n' "$name" "$wall" "$(echo "$user + $sys" | bc -l)" \
    "$(echo "$peak / 1024" | bc -l)" "$("$kuril" check-tiles "${@: -2:1}" | sed 's/^[^:]*: //')"
}
echo "input: $(stat -c %s "$input") bytes, $(wc -l < "$input") features; z0-$maxzoom"
run streamed -o "$work/streamed.pmtiles" "$input"
run in-memory --partition-zoom 0 -o "$work/in-memory.pmtiles" "$input"
s=$(cut -d' ' -f4 "$work/streamed.time"); m=$(cut -d' ' -f4 "$work/in-memory.time")
printf 'peak memory, streamed / in memory: %.2f\n' "$(echo "$s / $m" | bc -l)"
