#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for SECONDS (default 60).
# Exits non-zero if any target finds a crash; the input is kept in build-fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
command -v clang++ > /dev/null || { echo "fuzz: needs clang and libclang-rt-14-dev (apt-get install clang libclang-rt-14-dev)"; exit 2; }
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DKURIL_FUZZ=ON -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build build-fuzz --target fuzz_csv fuzz_land fuzz_tile fuzz_pmtiles fuzz_vector
mkdir -p build-fuzz/crashes
status=0
for t in csv land tile pmtiles vector; do
  work=build-fuzz/corpus-$t
  mkdir -p "$work"
  echo "fuzz_$t: ${seconds}s"
  dict=()
  if [ -f "tests/fuzz/$t.dict" ]; then dict=(-dict="tests/fuzz/$t.dict"); fi
  if ! build-fuzz/fuzz_$t -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 "${dict[@]}" \
       -artifact_prefix=build-fuzz/crashes/$t- "$work" "tests/fuzz/corpus/$t" 2> "build-fuzz/fuzz_$t.log"; then
    echo "fuzz_$t: CRASH, see build-fuzz/fuzz_$t.log and build-fuzz/crashes/"; status=1
  fi
  grep -E "stat::number_of_executed_units|DONE" "build-fuzz/fuzz_$t.log" | tail -2
done
exit $status
