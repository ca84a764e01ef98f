#!/usr/bin/env bash
# Installs what building and running need (not the test clients), builds kuril, and runs the main job on
# the shipped data: output/. scripts/test.sh adds what the tests need.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Release at -O2: the code the tests run, without debug information (a third of the compile time).
cmake -S . -B build -G Ninja -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE=-O2
cmake --build build
build/kuril build "$@"
