# Shared by the engine benches (points.sh, lines.sh): an earlier commit built beside this tree, and one
# timed `kuril tiles` run as a table row. Sourced, not run.

# build_base COMMIT WORK -> prints the path of that commit's kuril, built once per commit in WORK.
build_base() {
  local commit=$1 work=$2
  local dir="$work/base-$(git rev-parse --short "$commit")"
  if [ ! -x "$dir/build/kuril" ]; then
    echo "building $commit in $dir" >&2
    rm -rf "$dir"
    git worktree add --detach -f "$dir" "$commit" > /dev/null
    cmake -S "$dir" -B "$dir/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE=-O2 \
      -DBUILD_TESTING=OFF > "$dir/configure.log"
    cmake --build "$dir/build" --target kuril > "$dir/build.log"
  fi
  echo "$dir/build/kuril"
}

# tiles_row NAME KURIL OUT INPUT ARGS... -> one table row (wall s, CPU s, peak MiB, tiles, bytes, largest
# tile); NAME's wall time and peak memory kept in OUT.figures. Every output checked with check-tiles.
tiles_row() {
  local name=$1 bin=$2 out=$3 input=$4
  shift 4
  rm -rf "$out"
  /usr/bin/time -f "%e %U %S %M" -o "$out.time" "$bin" tiles -q "$@" -o "$out" "$input"
  local wall user sys peak check largest
  read -r wall user sys peak < "$out.time"
  check=$("$kuril" check-tiles "$out")
  largest=$(python3 bench/pmtiles_largest.py "$out" | sed -E 's/largest ([0-9]+) bytes \(([^)]*)\).*/\1 (\2)/')
  printf '| %s | %.1f | %.1f | %.0f | %s | %s | %s |\n' "$name" "$wall" "$(echo "$user + $sys" | bc -l)" \
    "$(echo "$peak / 1024" | bc -l)" "$(echo "$check" | sed -E 's/.*: ([0-9]+) tiles, .*/\1/')" "$(stat -c %s "$out")" \
    "${largest:-?}"
  echo "$wall $peak $(stat -c %s "$out")" > "$out.figures"
  echo "$check" | grep -q ' 0 tiles with problems' || { echo "$check"; echo "FAILED: $name has invalid tiles"; return 1; }
}

# ratio_row HEAD_OUT BASE_OUT -> the head over the base: wall time, peak memory, bytes.
ratio_row() {
  local hw hp hb bw bp bb
  read -r hw hp hb < "$1.figures"
  read -r bw bp bb < "$2.figures"
  printf '| head / base | %.2fx | | %.2fx | | %.2fx | |\n' "$(echo "$hw / $bw" | bc -l)" "$(echo "$hp / $bp" | bc -l)" \
    "$(echo "$hb / $bb" | bc -l)"
}
