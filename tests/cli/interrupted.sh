#!/usr/bin/env bash
# Interrupted builds: SIGKILL `kuril build` at several moments. output/ must always be exactly the
# previous complete build or exactly a complete new one, never a mix; the staging directory a killed
# run leaves behind is removed by the next run. The print maps, written into the same staging directory,
# are left out (--no-maps): they add minutes under the sanitizers, not another way to fail.
# Usage: interrupted.sh KURIL SOURCE_DIR
set -euo pipefail
kuril=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build() { "$kuril" build -q --geodata "$src/geodata" --styles "$src/styles" --web "$src/web" --output "$work/output" --no-maps "$@"; }
sums() { (cd "$work/output" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }

# The previous build (one "today") and the complete new one (another "today"): both known.
build --today 2026-01-01
old=$(sums)
build --today 2026-11-21
new=$(sums)
[ "$old" != "$new" ] || { echo "the two reference builds should differ"; exit 1; }

fail=0
saw_new=0
for delay in 0.05 0.5 1.5 3 5 8 12 end; do
  if [ "$(sums)" != "$old" ]; then build --today 2026-01-01; fi  # back to the previous output
  "$kuril" build -q --geodata "$src/geodata" --styles "$src/styles" --web "$src/web" --output "$work/output" --no-maps --today 2026-11-21 &
  pid=$!
  if [ "$delay" = end ]; then
    wait "$pid"  # and one that finishes, however long the build takes (sanitizer builds are slow)
  else
    sleep "$delay"
    kill -KILL "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
  fi
  now=$(sums)
  if [ "$now" = "$old" ]; then state=previous; elif [ "$now" = "$new" ]; then state=new; saw_new=1; else state=MIXED; fail=1; fi
  left=$(find "$work" -maxdepth 1 -name 'output.kuril-tmp-*' | wc -l)
  echo "killed after ${delay}s: output/ is the $state build; $left staging dir(s) left"
done
[ "$saw_new" = 1 ] || { echo "no run got to the end: the test did not see the new build swapped in"; fail=1; }
# The next run removes what killed runs left behind.
build --today 2026-11-21
left=$(find "$work" -maxdepth 1 -name 'output.kuril-tmp-*' | wc -l)
[ "$left" = 0 ] || { echo "$left stale staging dir(s) not cleaned by the next run"; fail=1; }
[ "$(sums)" = "$new" ] || { echo "the build after the kills is not the complete new one"; fail=1; }
exit $fail
