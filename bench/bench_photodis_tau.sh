#!/usr/bin/env bash
# Issue 15 speed: the (tau, m Y) photodisintegration plane (model photodis_decay_tau,
# inputs/photodis_decay_tau.ini: 33 lifetimes x 28 abundances) on ONE rank: one cascade table for the
# whole plane (it depends on the mass and channels only), then the nuclide network per point.
# Prints per run: CPU of the process (user + sys, /usr/bin/time), the model's busy time from /timing,
# the number of points and CPU per point (including start-up: BBN tables, standard BBN, the table),
# and the postprocess's bisection points (mY_min_GeV).
#   bench/bench_photodis_tau.sh [BUILD_DIR] [N] [--set key=value ...]  (from the source root)
set -euo pipefail
build=${1:-build}
n=${2:-3}
shift $(( $# > 2 ? 2 : $# ))
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for ((i = 0; i < n; i++)); do
  load0=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%U %S %e' -o "$tmp/cpu" "$build/src/app/fipbounds" run inputs/photodis_decay_tau.ini \
    -o "$tmp/p.h5" --overwrite --set run.checkpoint_interval_s=3600 "$@" > "$tmp/log" 2>&1
  /usr/bin/python3 - "$tmp/p.h5" "$(cat "$tmp/cpu")" "$load0" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import sys, h5py
f = h5py.File(sys.argv[1], "r")
u, s, e = (float(x) for x in sys.argv[2].split())
busy = f["timing/busy_s"][:].sum(); n = f["status"].size
nb = int(f["bounds/photodisintegration"].attrs["mY_min_bisection_points"])
print(f"points={n} cpu_s={u + s:.2f} wall_s={e:.2f} busy_s={busy:.2f} cpu_per_point_ms={1e3 * (u + s) / n:.2f} "
      f"busy_per_point_ms={1e3 * busy / n:.2f} bisection_points={nb} load={sys.argv[3]}->{sys.argv[4]}")
PY
done
