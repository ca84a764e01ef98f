#!/usr/bin/env bash
# Golden CLI test. Runs `kuril` with the case's arguments in a scratch copy of the tiny fixture (the
# case's own geodata/ files replace the fixture's), then compares exit code, stdout and stderr with the
# expected files beside the case. A missing expected_stderr means stderr must be empty. When the
# expected exit code is not 0, a previous output/ must be left exactly as it was.
# Usage: run_case.sh KURIL CASE_DIR FIXTURE_DIR STYLES_DIR   (KURIL_UPDATE_GOLDEN=1 rewrites the goldens)
set -euo pipefail
kuril=$1 case=$2 fixture=$3 styles=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$fixture"/. "$work"/
cp -r "$styles" "$work/styles"
if [ -d "$case/geodata" ]; then cp -r "$case/geodata"/. "$work/geodata"/; fi
if [ -x "$case/prepare.sh" ]; then (cd "$work" && "$case/prepare.sh"); fi
# A previous build that a failed run must not touch.
mkdir -p "$work/output/geojson"
echo "previous build" > "$work/output/geojson/previous.geojson"
before=$(cd "$work/output" && find . -type f -exec sha256sum {} + | sort)

read -r -a args < "$case/args"
set +e
(cd "$work" && "$kuril" "${args[@]}" > stdout 2> stderr)
code=$?
set -e
expected_exit=$(cat "$case/expected_exit" 2>/dev/null || echo 0)

if [ "${KURIL_UPDATE_GOLDEN:-0}" = 1 ]; then
  echo "$code" > "$case/expected_exit"
  cp "$work/stdout" "$case/expected_stdout"
  if [ -s "$work/stderr" ]; then cp "$work/stderr" "$case/expected_stderr"; else rm -f "$case/expected_stderr"; fi
  echo "updated $case"
  exit 0
fi

fail=0
if [ "$code" != "$expected_exit" ]; then echo "exit code $code, expected $expected_exit"; fail=1; fi
if ! diff -u "$case/expected_stdout" "$work/stdout"; then echo "stdout differs"; fail=1; fi
if [ -f "$case/expected_stderr" ]; then
  if ! diff -u "$case/expected_stderr" "$work/stderr"; then echo "stderr differs"; fail=1; fi
elif [ -s "$work/stderr" ]; then
  echo "unexpected stderr:"; cat "$work/stderr"; fail=1
fi
if [ "$expected_exit" != 0 ]; then
  after=$(cd "$work/output" && find . -type f -exec sha256sum {} + | sort)
  if [ "$before" != "$after" ]; then echo "output/ was changed by a failed run"; diff <(echo "$before") <(echo "$after") || true; fail=1; fi
  if ls "$work" | grep -q '\.kuril-tmp-'; then echo "a staging directory was left behind"; fail=1; fi
fi
if [ -f "$case/check.sh" ]; then
  if ! (cd "$work" && KURIL="$kuril" bash "$case/check.sh"); then echo "check.sh failed"; fail=1; fi
fi
exit $fail
