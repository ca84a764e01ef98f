#!/usr/bin/env bash
# Same inputs, byte-identical outputs: two builds of the shipped geodata, at different wall-clock
# times, must give the same bytes in every file (GeoJSON and GeoPackage alike).
# Usage: reproducible.sh KURIL SOURCE_DIR
set -euo pipefail
kuril=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for run in 1 2; do
  "$kuril" build -q --geodata "$src/geodata" --styles "$src/styles" --web "$src/web" --today 2026-11-21 --output "$work/out$run"
  (cd "$work/out$run" && find . -type f -print0 | sort -z | xargs -0 sha256sum) > "$work/sums$run"
  sleep 1
done
if ! diff -u "$work/sums1" "$work/sums2"; then
  echo "two builds of the same inputs differ"
  exit 1
fi
echo "reproducible: $(wc -l < "$work/sums1") files identical"
