#!/usr/bin/env bash
# Benchmark: `kuril serve` under wrk on 127.0.0.1, keep-alive, 2 threads and 64 connections (the figure
# README gives), RUNS runs of SECONDS each per URL: one z/x/y tile from the MBTiles (/tiles/...), the same
# tile from the PMTiles (/tilesets/kuril.pmtiles/...), and a 16 KB Range of the PMTiles file itself.
# Prints requests/s, p50 and p99 per run, and the worst p99. Needs a built output/ (kuril build).
# Usage: bench/serve.sh [RUNS] [SECONDS] [OUTPUT_DIR]      (default 3, 5, output)
set -euo pipefail
cd "$(dirname "$0")/.."
kuril=${KURIL:-build/kuril}
runs=${1:-3} secs=${2:-5} out=${3:-output}
log=$(mktemp)
"$kuril" serve -d "$out" -p 0 -q > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2> /dev/null; rm -f "$log" "$log.lua"' EXIT
for _ in $(seq 50); do grep -q "http://" "$log" && break; sleep 0.1; done
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$log")
printf 'wrk.headers["Range"] = "bytes=16384-32767"\n' > "$log.lua"
worst=0
measure() {  # NAME URL [wrk args]
  local name=$1 url=$2; shift 2
  for i in $(seq "$runs"); do
    local r
    r=$(wrk -t2 -c64 -d"${secs}s" --latency "$@" "$url")
    local rps p50 p99
    rps=$(echo "$r" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$r" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$r" | awk '$1 == "99%" {print $2}')
    printf '%-34s run %d: %10s req/s  p50 %8s  p99 %8s\n' "$name" "$i" "$rps" "$p50" "$p99"
    ms=$(echo "$p99" | sed -E 's/us$/ 0.001/; s/ms$/ 1/; s/s$/ 1000/' | awk '{print $1 * $2}')
    worst=$(echo "$worst $ms" | awk '{print ($2 > $1) ? $2 : $1}')
  done
}
measure "tile from the MBTiles" "$base/tiles/10/925/372.pbf"
measure "tile from the PMTiles" "$base/tilesets/kuril.pmtiles/10/925/372.pbf"
measure "16 KB Range of kuril.pmtiles" "$base/tiles/kuril.pmtiles" -s "$log.lua"
echo "worst p99: ${worst} ms ($(nproc) cores, 64 connections, wrk on the same machine)"
