#!/usr/bin/env bash
# The bc3_hb scan through the executable on a coarse grid: every point ok, /bounds/hb/edges at the first grid
# mass equals `fipbounds eval hb model=bc3` (relative 1e-9), at the last grid mass (1e-5 GeV, above the plasmon-decay
# threshold) equal to the eval Compton-like bound (issue 16, branch bc3stars).
# Usage: cli_hb_bc3.sh FIPBOUNDS SOURCE_DIR
set -euo pipefail
exe=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
"$exe" run inputs/bc3_hb.ini --set run.output="$tmp/hb.h5" --set grid.n_mass=6 --set grid.n_coupling=8 \
  --set run.log_level=warning
e1=$("$exe" eval hb model=bc3 mass_GeV=1e-9 --json)
e2=$("$exe" eval hb model=bc3 mass_GeV=1e-5 --json)
/usr/bin/python3 - "$tmp/hb.h5" "$e1" "$e2" <<'PY'
import h5py, json, math, sys
with h5py.File(sys.argv[1], "r") as f:
    assert (f["/status"][...] == 0).all()
    e = f["/bounds/hb/edges"][...]
    ev = json.loads(sys.argv[2])
    assert abs(e[0, 1] / ev["eps_max"] - 1) < 1e-9, (e[0], ev)
    ev2 = json.loads(sys.argv[3])  # 1e-5 GeV: above the plasmon threshold, the Compton-like bound
    assert abs(e[-1, 1] / ev2["eps_max"] - 1) < 1e-9, (e[-1], ev2)
    x = f["/bounds/hb/excluded"][...]
    assert x[0].sum() > 0 and x[-1].sum() > 0 and x[0].sum() > x[-1].sum()
    print("edges", e[:, 1], "excluded per mass", x.sum(axis=1))
PY
echo "ok"
