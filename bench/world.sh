#!/usr/bin/env bash
# The engine on the whole world, against an earlier commit built beside it in the same run.
# Input: GSHHG full-resolution land (level 1, 180,537 polygons, 263 MB of GeoJSONSeq), imported in
# 30°x30° cells with `kuril import-coastline --region` (once; kept in $WORK). For each maximum zoom, the
# base commit's `kuril tiles` and this tree's run one after the other on the same input: wall time, CPU
# time, peak memory, tiles, PMTiles bytes, the largest tile (gzip'd), and this tree's over the base's.
# Every output is checked with `kuril check-tiles` (MVT 2.1 §4) and its largest tiles with GDAL's MVT
# reader (bench/gdal_mvt_check.py). Needs gmt and gmt-gshhg-full (scripts/setup.sh --tests).
# Usage: bench/world.sh [MAXZOOM ...]           (default: 8 10)
#        BASE=<commit> WORK=<dir> KURIL=build/kuril bench/world.sh 8
set -euo pipefail
cd "$(dirname "$0")/.."
kuril=$(realpath "${KURIL:-build/kuril}")
base=${BASE:-3d5030d}
work=${WORK:-$HOME/.cache/kuril-bench-world}
zooms=("$@")
[ ${#zooms[@]} -gt 0 ] || zooms=(8 10)
mkdir -p "$work/cells"

# The base commit, built beside this tree (once per commit), as the user's build is made.
base_dir="$work/base-$(git rev-parse --short "$base")"
if [ ! -x "$base_dir/build/kuril" ]; then
  echo "building $base in $base_dir"
  rm -rf "$base_dir"
  git worktree add --detach -f "$base_dir" "$base" > /dev/null
  cmake -S "$base_dir" -B "$base_dir/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE=-O2 \
    -DBUILD_TESTING=OFF > "$base_dir/configure.log"
  cmake --build "$base_dir/build" --target kuril > "$base_dir/build.log"
fi
base_kuril="$base_dir/build/kuril"

input="$work/world.geojsonl"
if [ ! -s "$input" ]; then
  start=$(date +%s)
  for west in $(seq -180 30 150); do
    for south in $(seq -90 30 60); do
      cell="$work/cells/$west.$south.geojsonl"
      [ -s "$cell" ] || "$kuril" import-coastline -q --region "$west/$((west + 30))/$south/$((south + 30))" -o "$cell"
    done
  done
  # Ids restart in every cell: drop them (the tiler numbers features itself).
  cat "$work"/cells/*.geojsonl | sed 's/"id":[0-9]*,//' > "$input.part" && mv "$input.part" "$input"
  echo "import: $(( $(date +%s) - start )) s"
fi
echo "input: $(wc -l < "$input") polygons, $(stat -c %s "$input") bytes of GeoJSONSeq"

run() {  # run NAME KURIL MAXZOOM -> one table row; the output stays in $work/NAME-zMAXZOOM.pmtiles
  local name=$1 bin=$2 z=$3 out="$work/$1-z$3.pmtiles"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" tiles -q -Z 0 -z "$z" -o "$out" "$input"
  read -r wall user sys peak < "$work/time"
  local check largest
  check=$("$kuril" check-tiles "$out")
  largest=$(python3 bench/pmtiles_largest.py "$out" | sed -E 's/largest ([0-9]+) bytes \(([^)]*)\).*/\1 (\2)/')
  printf '| z0-%s | %s | %.1f | %.1f | %.0f | %s | %s | %s |\n' "$z" "$name" "$wall" "$(echo "$user + $sys" | bc -l)" \
    "$(echo "$peak / 1024" | bc -l)" "$(echo "$check" | sed -E 's/.*: ([0-9]+) tiles, .*/\1/')" "$(stat -c %s "$out")" \
    "${largest:-?}"
  echo "$wall $peak" > "$work/$name-z$z.figures"
  echo "$check" | grep -q ' 0 tiles with problems' || { echo "$check"; echo "FAILED: $name z0-$z has invalid tiles"; return 1; }
}

echo "| zoom | build | wall s | CPU s | peak MiB | tiles | PMTiles bytes | largest tile (gzip) |"
echo "|---|---|---|---|---|---|---|---|"
for z in "${zooms[@]}"; do
  run "base-$base" "$base_kuril" "$z"
  run head "$kuril" "$z"
  read -r bw bp < "$work/base-$base-z$z.figures"
  read -r hw hp < "$work/head-z$z.figures"
  printf '| z0-%s | head / base | %.2fx | | %.2fx | | %.2fx | |\n' "$z" "$(echo "$hw / $bw" | bc -l)" "$(echo "$hp / $bp" | bc -l)" \
    "$(echo "$(stat -c %s "$work/head-z$z.pmtiles") / $(stat -c %s "$work/base-$base-z$z.pmtiles")" | bc -l)"
done
# GDAL's MVT reader on this tree's output of the first zoom range, as z/x/y files: every tile of z0-5 and
# the 40 largest of each deeper zoom.
z=${zooms[0]}
rm -rf "$work/head-xyz"
"$kuril" tiles -q -Z 0 -z "$z" -o "$work/head-xyz" "$input"
/usr/bin/python3 bench/gdal_mvt_check.py "$work/head-xyz" 40
