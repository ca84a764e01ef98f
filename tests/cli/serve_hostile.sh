#!/usr/bin/env bash
# kuril serve under hostile requests and load, on 127.0.0.1 only: path traversal (../, encoded, absolute),
# malformed and multi-range Range headers, a very long URL, bad tile addresses, then a bounded load from
# wrk (2 threads, 64 connections, 3 s). No crash, the right 4xx, every good request answered, a clean stop.
# Usage: serve_hostile.sh KURIL OUTPUT_DIR
set -uo pipefail
kuril=$1 out=$2
log=$(mktemp)
"$kuril" serve -d "$out" -p 0 -q > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 50); do grep -q "http://" "$log" && break; sleep 0.1; done
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$log")
passed=0 failed=0
expect() {  # expect CODE DESCRIPTION CURL-ARGS...
  local want=$1 what=$2; shift 2
  local got
  got=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@")
  if [[ "$got" =~ ^($want)$ ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $what: HTTP $got, expected $want"; fi
}
expect 200 "viewer" "$base/viewer/"
expect 200 "TileJSON" "$base/tiles.json"
expect 200 "a tile from the MBTiles" "$base/tiles/5/28/11.pbf"
expect 206 "a byte range of the PMTiles" -H "Range: bytes=0-126" "$base/tiles/kuril.pmtiles"
expect 206 "a multi-range request" -H "Range: bytes=0-9,100-109" "$base/tiles/kuril.pmtiles"
expect "400|404" "../ traversal" --path-as-is "$base/../../etc/passwd"
expect "400|404" "../ under a real folder" --path-as-is "$base/viewer/../../../etc/passwd"
expect "400|404" "encoded ../" "$base/%2e%2e/%2e%2e/etc/passwd"
expect "400|404" "encoded slash" "$base/viewer%2f..%2f..%2fetc%2fpasswd"
expect "400|404" "absolute path" --path-as-is "$base//etc/passwd"
expect 416 "malformed Range" -H "Range: bytes=abc" "$base/tiles/kuril.pmtiles"
expect 416 "reversed Range" -H "Range: bytes=100-50" "$base/tiles/kuril.pmtiles"
expect 416 "Range past the end" -H "Range: bytes=999999999-" "$base/tiles/kuril.pmtiles"
expect 414 "a 100 KB URL" "$base/$(head -c 100000 /dev/zero | tr '\0' a)"
expect 400 "tile x beyond 2^z" "$base/tiles/3/9/1.pbf"
expect 400 "zoom beyond 30" "$base/tiles/99/1/1.pbf"
expect 404 "no such file" "$base/nothing-here.txt"
# Every tileset in tiles/ by z/x/y: the PMTiles' tiles byte-equal to the MBTiles' (z0-z8), a TileJSON each,
# ETag revalidation (304), immutable caching for the versioned URLs the TileJSON gives, no traversal.
expect 200 "the tileset list" "$base/tilesets.json"
expect 200 "TileJSON of the PMTiles" "$base/tilesets/kuril.pmtiles.json"
expect 200 "TileJSON of the MBTiles" "$base/tilesets/kuril.mbtiles.json"
expect 404 "no such tileset" "$base/tilesets/none.pmtiles/0/0/0.pbf"
expect "400|404" "tileset traversal" --path-as-is "$base/tilesets/../kuril.gpkg/0/0/0.pbf"
expect 400 "tileset tile x beyond 2^z" "$base/tilesets/kuril.pmtiles/3/9/1.pbf"
compared=0 differ=0
while IFS='|' read -r z x row; do
  y=$(( (1 << z) - 1 - row ))
  a=$(curl -s --max-time 5 "$base/tilesets/kuril.pmtiles/$z/$x/$y.pbf" | sha256sum)
  b=$(curl -s --max-time 5 "$base/tiles/$z/$x/$y.pbf" | sha256sum)
  compared=$((compared + 1))
  [ "$a" = "$b" ] || { differ=$((differ + 1)); echo "FAIL tile $z/$x/$y: PMTiles and MBTiles differ"; }
done < <(sqlite3 "$out/tiles/kuril.mbtiles" "SELECT zoom_level, tile_column, tile_row FROM tiles WHERE zoom_level <= 8 ORDER BY 1, 2, 3")
if [ "$compared" -gt 20 ] && [ "$differ" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $compared tiles compared, $differ differ"; fi
echo "$compared tiles z0-z8 served from the PMTiles, byte-equal to the MBTiles"
tile_url=$(curl -s "$base/tilesets/kuril.pmtiles.json" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["tiles"][0])')
versioned=${tile_url/\{z\}\/\{x\}\/\{y\}/5/28/11}
headers=$(curl -s -D - -o /dev/null "$versioned")
etag=$(echo "$headers" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" {print $2}')
if echo "$headers" | grep -qi "cache-control: public, max-age=31536000, immutable"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: the versioned tile URL is not immutable: $headers"; fi
expect 304 "If-None-Match on a tile" -H "If-None-Match: $etag" "$versioned"
expect 200 "a stale ETag" -H 'If-None-Match: "old"' "$versioned"
# Bounded load on loopback: every response must be a 200. The load counts as passed only if wrk ran and
# reported its requests (a missing wrk, or one that fails, fails the test).
if wrk_out=$(wrk -t2 -c64 -d3s --latency "$base/tiles/10/925/372.pbf" 2>&1) && echo "$wrk_out" | grep -q "Requests/sec"; then
  echo "$wrk_out" | grep -E "Requests/sec|99%|Socket errors|Non-2xx"
  if echo "$wrk_out" | grep -qE "Non-2xx|Socket errors"; then failed=$((failed + 1)); echo "FAIL load: errors under wrk"; else passed=$((passed + 1)); fi
else
  failed=$((failed + 1)); echo "FAIL load: wrk did not run: $wrk_out"
fi
expect 200 "still answering after the load" "$base/tiles.json"
kill -INT $pid
wait $pid
code=$?
if [ "$code" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL exit $code on Ctrl-C"; fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
