#!/usr/bin/env bash
# A large input is streamed, with bounded memory: `kuril tiles --partition-zoom 4` reads the input
# feature by feature into partition files and tiles one partition at a time. Asserts, on inputs of
# 16 MB and 64 MB (real GSHHG polygons copied over the globe by bench/replicate.py):
#   - the streamed run's peak memory grows far less than the input (64 MB peak < 1.5 x 16 MB peak),
#     and is under half of the all-in-memory run's on the same input;
#   - both runs give the same tiles (count), all valid by kuril check-tiles (MVT 2.1);
#   - no temporary partition file is left behind.
# Memory is not compared under the sanitizers (ASan's quarantine and shadow memory dominate there).
# Usage: streamed.sh KURIL SOURCE_DIR SANITIZE(ON|OFF)
set -euo pipefail
kuril=$1 src=$2 sanitize=${3:-OFF}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail=0
python3 "$src/bench/replicate.py" "$src/geodata/land.geojsonl" 16 small.geojsonl > /dev/null
python3 "$src/bench/replicate.py" "$src/geodata/land.geojsonl" 64 large.geojsonl > /dev/null
peak() { /usr/bin/time -f %M -o "$1.time" "$kuril" tiles -q -z 5 "${@:2}" && cat "$1.time"; }
small=$(peak small --partition-zoom 4 -o small.pmtiles small.geojsonl)
large=$(peak large --partition-zoom 4 -o large.pmtiles large.geojsonl)
inmem=$(peak inmem --partition-zoom 0 -o inmem.pmtiles large.geojsonl)
echo "peak memory (KiB): streamed 16 MB $small, streamed 64 MB $large, in memory 64 MB $inmem"
if [ "$sanitize" != ON ]; then
  if [ $((large * 2)) -ge $((small * 3)) ]; then echo "FAIL streamed peak grew with the input: $small -> $large KiB"; fail=1; fi
  if [ $((large * 2)) -ge "$inmem" ]; then echo "FAIL streamed peak $large KiB not under half of in-memory $inmem KiB"; fail=1; fi
fi
count() { "$kuril" check-tiles "$1" | sed -E 's/.*: ([0-9]+) tiles, .* ([0-9]+) tiles with problems/\1 \2/'; }
read -r n_large bad_large < <(count large.pmtiles)
read -r n_inmem bad_inmem < <(count inmem.pmtiles)
echo "tiles: streamed $n_large ($bad_large with problems), in memory $n_inmem ($bad_inmem with problems)"
if [ "$n_large" != "$n_inmem" ] || [ "$bad_large" != 0 ] || [ "$bad_inmem" != 0 ]; then echo "FAIL tiles differ or are invalid"; fail=1; fi
if ls -a | grep -q 'kuril-tmp'; then echo "FAIL temporary files left: $(ls -a | grep kuril-tmp)"; fail=1; fi
exit $fail
