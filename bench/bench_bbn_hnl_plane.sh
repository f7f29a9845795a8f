#!/usr/bin/env bash
# Issue 14 speed target: a 100 x 100 HNL BBN plane (bc6_bbn over the inputs/bc6_bbn.ini ranges) on
# 2 MPI ranks in under 5 minutes. Prints per run: the scan's own wall time ("done in"), the CPU time
# of the whole mpirun (both ranks, user + sys, /usr/bin/time), the per-rank busy (wall) time in the
# model's eval from /timing, and the parallel efficiency sum(busy)/(2 x wall). On a shared machine
# the CPU time is the load-independent number: on 2 idle cores the wall time is ~CPU/2 divided by
# the efficiency.
#   bench/bench_bbn_hnl_plane.sh [BUILD_DIR] [N] [--set key=value ...]   (from the source root; the
# --set options override the 100 x 100 grid, e.g. --set grid.n_mass=40 --set grid.n_coupling=40)
set -euo pipefail
build=${1:-build}
n=${2:-1}
shift $(( $# > 2 ? 2 : $# ))
. tools/mpi-env.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for ((i = 0; i < n; i++)); do
  load0=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%U %S' -o "$tmp/cpu" mpirun -n 2 "$build/src/app/fipbounds" run inputs/bc6_bbn.ini \
    -o "$tmp/p.h5" --overwrite --set grid.n_mass=100 --set grid.n_coupling=100 \
    --set run.checkpoint_interval_s=3600 "$@" > "$tmp/log" 2>&1
  scan=$(grep -o 'done in [0-9.]* s' "$tmp/log" | awk '{print $3}')
  cpu=$(awk '{print $1 + $2}' "$tmp/cpu")
  /usr/bin/python3 - "$tmp/p.h5" "$scan" "$cpu" "$load0" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import sys, h5py, numpy as np
f = h5py.File(sys.argv[1], "r")
busy = f["timing/busy_s"][:]; pts = f["timing/points"][:]; wall = float(sys.argv[2]); cpu = float(sys.argv[3])
print(f"scan_wall_s={wall:.1f} cpu_s={cpu:.1f} busy_s={'/'.join(f'{b:.1f}' for b in busy)} "
      f"points={'/'.join(str(p) for p in pts)} efficiency={busy.sum() / (2 * wall):.3f} "
      f"idle_2core_estimate_s={cpu / 2 / max(busy.sum() / (2 * wall), 1e-9):.1f} load={sys.argv[4]}->{sys.argv[5]}")
PY
done
