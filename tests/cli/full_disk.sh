#!/usr/bin/env bash
# A full disk, as the kernel reports it to a writer: `ulimit -f` (RLIMIT_FSIZE) makes every write past N KB
# fail with EFBIG ("File too large"; SIGXFSZ ignored, so the write returns the error as ENOSPC would). Each
# writer is made to fail part-way — GeoJSON, GeoPackage (GDAL/SQLite), the viewer's files, the print maps
# (Cairo), PMTiles, MBTiles (SQLite), z/x/y tiles, a snapshot — and each time:
#   - kuril exits non-zero and its message names the file and the OS error;
#   - the previous output is exactly as it was (byte for byte);
#   - no staging file or directory is left, and the next run that can write succeeds.
# Usage: full_disk.sh KURIL SOURCE_DIR
set -euo pipefail
kuril=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/tests/cli/fixtures/tiny/geodata" "$work/geodata"
cd "$work"

sums() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }
sum_of() { if [ -d "$1" ]; then sums "$1"; else sha256sum "$1" | cut -c1-16; fi; }
build() { "$kuril" build -q --geodata geodata --styles "$src/styles" --web "$src/web" --output out "$@"; }
fail=0
problem() { echo "FAIL: $*"; fail=1; }

# Runs "$@" with writes limited to $1 KB; checks the exit code, the message, the target and the staging.
#   expect_full LIMIT_KB TARGET MESSAGE_PATTERN COMMAND...
expect_full() {
  local limit=$1 target=$2 pattern=$3
  shift 3
  local before code
  before=$(sum_of "$target")
  set +e
  (trap '' XFSZ; ulimit -f "$limit"; "$@") > stdout 2> stderr
  code=$?
  set -e
  local what="$* (writes limited to ${limit} KB)"
  if [ "$code" = 0 ]; then problem "$what: exit 0 on a full disk"; fi
  if ! grep -q -- "$pattern" stderr; then problem "$what: the message does not name $pattern"; cat stderr; fi
  if ! grep -q "File too large\|disk I/O error" stderr; then problem "$what: the message does not give the error"; cat stderr; fi
  if [ "$(sum_of "$target")" != "$before" ]; then problem "$what: $target was changed"; fi
  if ls -a | grep -q 'kuril-tmp-'; then problem "$what: staging left behind: $(ls -a | grep kuril-tmp-)"; fi
  echo "limit ${limit} KB, exit $code: $(head -c 300 stderr)"
}

# kuril build: the previous output (another "today") must survive each failed build.
build --today 2026-01-01
previous=$(sums out)
size() { stat -c %s "$1"; }
largest_geojson=$(find out/geojson -type f -printf '%s\n' | sort -n | tail -1)
# The premises of the limits below, so that each failure is where it is meant to be.
[ "$largest_geojson" -gt 20480 ] || problem "premise: a GeoJSON layer should exceed 20 KB"
[ "$largest_geojson" -lt 102400 ] && [ "$(size out/kuril.gpkg)" -gt 102400 ] || problem "premise: GeoJSON < 100 KB < GeoPackage"
[ "$(size out/kuril.gpkg)" -lt 614400 ] && [ "$(size out/viewer/maplibre-gl.js)" -gt 614400 ] || problem "premise: GeoPackage < 600 KB < maplibre-gl.js"
# The print maps come after the GeoJSON and before the GeoPackage.
[ "$(find out/maps -type f -size +100k | wc -l)" -gt 0 ] && [ "$(find out/maps -type f -size +600k | wc -l)" = 0 ] &&
  [ "$largest_geojson" -lt 102400 ] || problem "premise: every GeoJSON layer < 100 KB < a print map, none 600 KB"
expect_full 20 out '/geojson/.*\.geojson' build --today 2026-11-21
expect_full 100 out 'kuril.gpkg' build --today 2026-11-21 --no-maps
expect_full 600 out 'viewer/maplibre-gl.js' build --today 2026-11-21
expect_full 100 out '/maps/' build --today 2026-11-21 --no-viewer
[ "$(sums out)" = "$previous" ] || problem "out/ is not the previous build"
build --today 2026-11-21
[ "$(sums out)" != "$previous" ] || problem "the build after the failures did not replace out/"
if ls -a | grep -q 'kuril-tmp-'; then problem "staging left after a good build"; fi

# kuril tiles, into each container; the limit is just under the largest file of a good run.
for target in t.pmtiles t.mbtiles txyz; do
  "$kuril" tiles -q -z 12 -o "$target" geodata/land.geojsonl out/geojson/sovereignty.geojson
  largest=$(if [ -d "$target" ]; then find "$target" -type f -printf '%s\n'; else size "$target"; fi | sort -n | tail -1)
  limit=$(( (largest - 1) / 1024 ))
  [ "$limit" -ge 1 ] || { problem "premise: $target's largest file is only $largest bytes"; continue; }
  expect_full "$limit" "$target" "$target" "$kuril" tiles -q -z 12 -l other -o "$target" geodata/land.geojsonl out/geojson/sovereignty.geojson
done

# kuril snapshot to a file.
"$kuril" snapshot --geodata geodata --today 2026-11-21 --date 1860-01-01 -o snap.geojson
limit=$(( ($(size snap.geojson) - 1) / 1024 ))
expect_full "$limit" snap.geojson 'snap.geojson' "$kuril" snapshot --geodata geodata --today 2026-11-21 --date 1960-01-01 -o snap.geojson

exit $fail
