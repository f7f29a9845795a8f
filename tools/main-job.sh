#!/usr/bin/env bash
# README command 1: install what is missing, build, run the main job (the default BC1 input on
# 2 MPI ranks) and plot it. Output: out/bc1_default.h5, out/bc1_default.png (c*tau) and
# out/bc1_default_summary.png (every bound and limit in the file, PBC style).
# FB_LIMITS_DIR=DIR (a directory of *.limit files, see `fipbounds limits import`) merges those
# limits into the file (the same as --set limits.dir=DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
. tools/mpi-env.sh
mkdir -p out
NP=${FB_NP:-2}
LIMITS=()
if [ -n "${FB_LIMITS_DIR:-}" ]; then
  LIMITS=(--set "limits.dir=$FB_LIMITS_DIR")
fi
mpirun -n "$NP" build/src/app/fipbounds run inputs/bc1_default.ini -o out/bc1_default.h5 --overwrite \
  "${LIMITS[@]}" "$@"
/usr/bin/python3 tools/plot_scan.py out/bc1_default.h5 -q ctau_m -o out/bc1_default.png
build/src/app/fipbounds plot out/bc1_default.h5 -o out/bc1_default_summary.png
echo "main job done: out/bc1_default.h5, out/bc1_default.png, out/bc1_default_summary.png"
