#!/usr/bin/env bash
# README command 1: install what is missing, build, run the main job (the default BC1 input on
# 2 MPI ranks) and plot it. Output: out/bc1_default.h5, out/bc1_default.png (c*tau) and
# out/bc1_default_summary.png (every bound and limit in the file, PBC style).
# The SN1987A band (model bc1_sn, inputs/bc1_sn1987a_default.ini: the same grid) is computed into
# out/bc1_sn1987a_default.h5 and its /bounds/sn1987a copied into out/bc1_default.h5 by
# `fipbounds merge --bounds`, which also rebuilds /combined.
# FB_LIMITS_DIR=DIR (a directory of *.limit files, see `fipbounds limits import`) merges those
# limits into the file in the same step. Extra arguments go to the bc1 run; the `--set grid.*=...`
# among them also go to the bc1_sn run, so that the two grids stay identical.
# The output names are fixed (out/...): do not pass -o. FB_BUILD_DIR selects the build directory (as
# tools/build.sh), FB_NP the number of MPI ranks (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
. tools/mpi-env.sh
mkdir -p out
NP=${FB_NP:-2}
EXE=${FB_BUILD_DIR:-build}/src/app/fipbounds
LIMITS=()
if [ -n "${FB_LIMITS_DIR:-}" ]; then
  LIMITS=(--limits "$FB_LIMITS_DIR")
fi
GRID=()
args=("$@")
for ((i = 0; i + 1 < ${#args[@]}; i++)); do
  if [ "${args[i]}" = --set ] && [[ "${args[i + 1]}" == grid.* ]]; then GRID+=(--set "${args[i + 1]}"); fi
done
mpirun -n "$NP" "$EXE" run inputs/bc1_default.ini -o out/bc1_default.h5 --overwrite "$@"
mpirun -n "$NP" "$EXE" run inputs/bc1_sn1987a_default.ini -o out/bc1_sn1987a_default.h5 --overwrite \
  "${GRID[@]}"
"$EXE" merge out/bc1_default.h5 --bounds out/bc1_sn1987a_default.h5 "${LIMITS[@]}" --quiet
/usr/bin/python3 tools/plot_scan.py out/bc1_default.h5 -q ctau_m -o out/bc1_default.png
"$EXE" plot out/bc1_default.h5 -o out/bc1_default_summary.png
echo "main job done: out/bc1_default.h5, out/bc1_default.png, out/bc1_default_summary.png"
