#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, real-data, golden CLI, reproducibility).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DBUILD_TESTING=ON
cmake --build build
ctest --test-dir build --output-on-failure -j "$(nproc)"
