#!/usr/bin/env bash
# Installs what is missing, builds kuril, and runs the main job on the shipped data: output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DBUILD_TESTING=ON
cmake --build build
build/kuril build "$@"
