#!/usr/bin/env bash
# Installs what building and running need (not the test clients), builds kuril, and runs the main job on
# the shipped data: output/. scripts/test.sh adds what the tests need.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DBUILD_TESTING=OFF
cmake --build build
build/kuril build "$@"
