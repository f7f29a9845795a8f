#!/usr/bin/env bash
# Issue 13 speed target: a 400 x 240 plane of every particle model on 2 MPI ranks.
# Prints, per model, the median over N runs of the scan's own wall time ("done in", from MPI_Init
# to the closed output file) and of the whole command including the mpirun launch.
#   bench/bench_planes.sh [BUILD_DIR] [N]     (from the source root)
set -euo pipefail
build=${1:-build}
n=${2:-5}
. tools/mpi-env.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : 0.5 * (a[NR / 2] + a[NR / 2 + 1])}'; }
printf '%-6s %-22s %-22s\n' model "scan median [s]" "with mpirun [s]"
for m in bc1 bc4 bc5 bc6 bc7 bc8 bc9 bc10 bc11; do
  in=inputs/${m}_default.ini
  [ -f "$in" ] || in=inputs/bc4_default.ini
  : > "$tmp/scan"; : > "$tmp/wall"
  for ((i = 0; i < n; i++)); do
    t0=$(date +%s.%N)
    out=$(mpirun -n 2 "$build/src/app/fipbounds" run "$in" -o "$tmp/p.h5" --overwrite --set model.name=$m \
          --set grid.n_mass=400 --set grid.n_coupling=240 --set run.checkpoint_interval_s=3600 2>&1)
    t1=$(date +%s.%N)
    grep -o 'done in [0-9.]* s' <<<"$out" | awk '{print $3}' >> "$tmp/scan"
    awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}' >> "$tmp/wall"
  done
  printf '%-6s %-22s %-22s\n' "$m" "$(median < "$tmp/scan")" "$(printf '%.2f' "$(median < "$tmp/wall")")"
done
