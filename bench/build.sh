#!/usr/bin/env bash
# Benchmark: `kuril build` of the shipped data and `kuril tiles` of the coastline (into a PMTiles file and
# into a z/x/y directory), this build against an earlier commit (BASE). BASE is built beside this one in
# build-bench-BASE/, then both binaries run the same commands, alternated RUNS times in the same run.
# Prints the medians and their ratio, and the files and inodes a build writes.
# Usage: bench/build.sh [RUNS] [BASE]     (default 5 runs against 25cd6c8; 82fbce1: before the glyph
# ranges, containers and areas were reworked; 7955e64: before the build's stages ran side by side)
# "kuril build (replacing)" rebuilds into the same directory, as a user does: each binary replaces its own
# previous output (out.old, out.new), and this build links the z/x/y tiles that did not change to its files. "kuril build (new directory)" builds where
# nothing was before (the previous one removed, untimed, just before: ext4 then walks past its inodes).
# bench/sync.sh runs it against the commit before the outputs were synced to disk.
# BASE_DATA=own: the earlier build reads its own commit's geodata/, styles/ and web/ (kept beside it), for a
# BASE whose code cannot read today's records: the product as each commit ships it, not the same work.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
base=${2:-25cd6c8}
new=${KURIL:-build/kuril}
old_dir="build-bench-$base"
if [ ! -x "$old_dir/kuril" ]; then
  src=$(mktemp -d)
  git archive "$base" | tar -x -C "$src"
  cmake -S "$src" -B "$old_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF > /dev/null
  cmake --build "$old_dir" --target kuril
  mkdir -p "$old_dir/tree" && cp -r "$src/geodata" "$src/styles" "$src/web" "$old_dir/tree/"
  rm -rf "$src"
fi
old="$old_dir/kuril"
old_data=()
if [ "${BASE_DATA:-}" = own ]; then
  [ -d "$old_dir/tree/geodata" ] || { echo "build.sh: $old_dir/tree is missing: remove $old_dir and run again" >&2; exit 2; }
  [ -d "$old_dir/tree/web/node_modules" ] || cp -r web/node_modules "$old_dir/tree/web/"
  [ -d "$old_dir/tree/web/build" ] || (cd "$old_dir/tree/web" && npm run --silent build > /dev/null)
  old_data=(--geodata "$old_dir/tree/geodata" --styles "$old_dir/tree/styles" --web "$old_dir/tree/web")
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
secs() { /usr/bin/time -f "%e" -o "$work/t" "$@" > /dev/null 2>&1; cat "$work/t"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
n=0
own() {  # SUFFIX ARGS...: the arguments with every path under $work given the suffix (each binary its own output)
  local suffix=$1; shift
  for a in "$@"; do
    if [[ "$a" == "$work"/* ]]; then printf '%s\0' "$a$suffix"; else printf '%s\0' "$a"; fi
  done
}
measure() {  # NAME COMMAND... (run by the earlier build and by this one, alternately, each into its own output)
  local name=$1; shift
  n=$((n + 1))
  local key="$work/m$n"
  : > "$key.old"; : > "$key.new"
  local old_args new_args
  mapfile -d '' old_args < <(own .old "$@")
  mapfile -d '' new_args < <(own .new "$@")
  if [ "$1" = build ]; then old_args=(build "${old_data[@]}" "${old_args[@]:1}"); fi
  for i in $(seq "$runs"); do
    a=$(secs "$old" "${old_args[@]}"); b=$(secs "$new" "${new_args[@]}")
    echo "$a" >> "$key.old"; echo "$b" >> "$key.new"
  done
  local o s
  o=$(median < "$key.old"); s=$(median < "$key.new")
  printf '%-38s %s %6.2f s  this %6.2f s  ratio %.3f  (median of %d)\n' "$name" "$base" "$o" "$s" "$(echo "$s / $o" | bc -l)" "$runs"
}
measure "kuril build (replacing)" build -q --today 2026-11-21 -o "$work/out"
# The build without the print maps (dataset, tiles, viewer): the figure the build's time budget is about.
measure "kuril build --no-maps (replacing)" build -q --no-maps --today 2026-11-21 -o "$work/out-nomaps"
fresh() {  # BINARY: kuril build into a directory that does not exist yet
  rm -rf "$work/fresh"
  if [ "$1" = "$old" ]; then secs "$1" build "${old_data[@]}" -q --today 2026-11-21 -o "$work/fresh"
  else secs "$1" build -q --today 2026-11-21 -o "$work/fresh"; fi
}
: > "$work/fresh.old"; : > "$work/fresh.new"
for i in $(seq "$runs"); do
  fresh "$old" >> "$work/fresh.old"; fresh "$new" >> "$work/fresh.new"
done
o=$(median < "$work/fresh.old"); s=$(median < "$work/fresh.new")
printf '%-38s %s %6.2f s  this %6.2f s  ratio %.3f  (median of %d)\n' "kuril build (new directory)" "$base" "$o" "$s" "$(echo "$s / $o" | bc -l)" "$runs"
measure "kuril tiles -z 14 -> PMTiles" tiles -q -z 14 -o "$work/land.pmtiles" geodata/land.geojsonl
measure "kuril tiles -z 14 -> z/x/y" tiles -q -z 14 -o "$work/land-xyz" geodata/land.geojsonl
echo "files in a build: $(find "$work/out.new" -type f | wc -l), inodes: $(find "$work/out.new" -type f -printf '%i\n' | sort -u | wc -l); $(nproc) cores; disk: $(df -h "$work" | awk 'NR==2 {print $1}')"
