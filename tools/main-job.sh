#!/usr/bin/env bash
# README command 1: install what is missing, build, run the main job (the default BC1 input on
# 2 MPI ranks) and plot it. Output: out/bc1_default.h5 and out/bc1_default.png.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
. tools/mpi-env.sh
mkdir -p out
NP=${FB_NP:-2}
mpirun -n "$NP" build/src/app/fipbounds run inputs/bc1_default.ini -o out/bc1_default.h5 --overwrite "$@"
/usr/bin/python3 tools/plot_scan.py out/bc1_default.h5 -q ctau_m -o out/bc1_default.png
echo "main job done: out/bc1_default.h5, out/bc1_default.png"
