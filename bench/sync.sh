#!/usr/bin/env bash
# Benchmark: what syncing the outputs to disk costs (fsync of each staged file, syncfs(2) of a staged
# directory tree, fsync of the directory after the rename): bench/build.sh against 368938b, the commit
# before the sync. Usage: bench/sync.sh [RUNS]
exec bash "$(dirname "$0")/build.sh" "${1:-5}" 368938b
