#!/usr/bin/env bash
# README command 2: install what is missing, build, and run the whole default test suite (ctest).
# Long validations carry the ctest label 'long', fuzzing the label 'fuzz' (issue 18); both are
# excluded; run them with
#   ctest --test-dir build -L long
#   ctest --test-dir build -L fuzz
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
. tools/mpi-env.sh
ctest --test-dir "${FB_BUILD_DIR:-build}" --output-on-failure -j 2 -LE 'long|fuzz' "$@"
