#!/usr/bin/env bash
# Installs what building and running need (not the test clients), builds kuril, and runs the main job on
# the shipped data: output/. scripts/test.sh adds what the tests need.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --only-packages
# The viewer's npm packages download while kuril compiles (the network and the CPU at once).
mkdir -p build
bash scripts/setup.sh --only-npm > build/setup-npm.log 2>&1 &
npm_setup=$!
# Release at -O2: the code the tests run, without debug information (a third of the compile time).
cmake -S . -B build -G Ninja -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE=-O2
cmake --build build
if ! wait "$npm_setup"; then
  cat build/setup-npm.log >&2
  echo "build.sh: the npm packages of web/ could not be installed (above)" >&2
  exit 1
fi
cat build/setup-npm.log
build/kuril build "$@"
