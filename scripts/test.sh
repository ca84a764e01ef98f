#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, real data, golden CLI, reproducibility,
# robustness, real clients). With --sanitize: the same in build-asan/ under ASan + UBSan, less the tests
# labelled client (real clients reading files already checked in the plain run), repro (two more builds)
# and kill (builds killed with SIGKILL: no code of ours runs at the kill, nothing for a sanitizer to see).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests
if [ "${1:-}" = "--sanitize" ]; then
  # -O1 as ASan recommends, assertions kept (Debug: no NDEBUG).
  cmake -S . -B build-asan -G Ninja -DBUILD_TESTING=ON -DKURIL_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g"
  cmake --build build-asan
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0 \
    ctest --test-dir build-asan --output-on-failure -j "$(nproc)" --label-exclude '^(client|repro|kill)$'
  exit
fi
cmake -S . -B build -G Ninja -DBUILD_TESTING=ON
cmake --build build
ctest --test-dir build --output-on-failure -j "$(nproc)"
