#!/usr/bin/env bash
# The bc3_wd and bc3_sn scans through the executable on coarse grids: every point ok; /bounds/wd/edges at the
# first grid mass equals `fipbounds eval wd model=bc3` (relative 1e-9) and is NaN above the plasmon threshold;
# /bounds/sn1987a/edges at the first mass equals `fipbounds eval sn1987a model=bc3` (1e-6), the systematic band
# is ordered (weak within nominal within strong) and the band is closed at the last mass (0.3 GeV). With charges up to
# 1e-3 the WD region stops at the trapping charge (edges column 3 = eval's eps_trap; nothing excluded at or above it,
# in nominal, weak or strong) and trapping = false removes that cut.
# Usage: cli_bc3_wd_sn.sh FIPBOUNDS SOURCE_DIR
set -euo pipefail
exe=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
"$exe" run inputs/bc3_wd.ini --set run.output="$tmp/wd.h5" --set grid.n_mass=6 --set grid.n_coupling=26 \
  --set run.log_level=warning
"$exe" run inputs/bc3_sn1987a.ini --set run.output="$tmp/sn.h5" --set grid.n_mass=5 --set grid.n_coupling=12 \
  --set sn1987a.band_csv=none --set run.log_level=warning
"$exe" run inputs/bc3_wd.ini --set run.output="$tmp/wdt.h5" --set grid.n_mass=4 --set grid.n_coupling=30 \
  --set grid.coupling_max=1e-3 --set run.log_level=warning
"$exe" run inputs/bc3_wd.ini --set run.output="$tmp/wdn.h5" --set grid.n_mass=4 --set grid.n_coupling=30 \
  --set grid.coupling_max=1e-3 --set bc3_wd.trapping=false --set run.log_level=warning
e1=$("$exe" eval wd model=bc3 mass_GeV=1e-9 --json)
e2=$("$exe" eval sn1987a model=bc3 mass_GeV=1e-4 --json)
/usr/bin/python3 - "$tmp/wd.h5" "$tmp/sn.h5" "$e1" "$e2" <<'PY'
import h5py, json, math, sys
import numpy as np
with h5py.File(sys.argv[1], "r") as f:
    assert (f["/status"][...] == 0).all()
    e = f["/bounds/wd/edges"][...]
    ev = json.loads(sys.argv[3])
    assert abs(e[0, 1] / ev["eps_max"] - 1) < 1e-9, (e[0], ev)
    assert math.isnan(e[-1, 1]), e[-1]
    x = f["/bounds/wd/excluded"][...]
    assert x[0].sum() > 0 and x[-1].sum() == 0
    n, w, s = (f["/bounds/wd/" + k][...] for k in ("nominal", "weak", "strong"))
    assert (n == x).all() and ((w <= n) & (n <= s)).all() and s.sum() > n.sum() > w.sum(), (w.sum(), n.sum(), s.sum())
    print("wd edges", e[:, 1], "excluded per mass", x.sum(axis=1))
    assert abs(e[0, 2] / ev["eps_trap"] - 1) < 1e-9, (e[0], ev["eps_trap"])
for name, trapped in (("wdt.h5", True), ("wdn.h5", False)):
    with h5py.File(sys.argv[1].replace("wd.h5", name), "r") as f:
        c, e = f["/grid/coupling"][...], f["/bounds/wd/edges"][...]
        above = c[None, :] >= e[:, 2:3]
        # strong = excluded by any core: below the largest of the three cores' trapping charges
        tmax = np.maximum(e[:, 2], np.maximum(f["/bounds/wd/core_rho_weak/edges"][:, 2], f["/bounds/wd/core_rho_strong/edges"][:, 2]))
        for k in ("excluded", "nominal", "weak", "strong"):
            m = f["/bounds/wd/" + k][...].astype(bool)
            ab = c[None, :] >= tmax[:, None] if k == "strong" else above
            assert not (m & ab).any() if trapped else True, (name, k)
        x = f["/bounds/wd/excluded"][...].astype(bool)
        if trapped:
            assert above.any() and x.any(), "the grid must reach the trapping charge"
        else:
            assert math.isinf(e[0, 2]) and x[0, -1], (e[0], x[0])
        print(name, "eps_trap", e[:, 2], "excluded per mass", x.sum(axis=1))
with h5py.File(sys.argv[2], "r") as f:
    assert (f["/status"][...] == 0).all()
    e = f["/bounds/sn1987a/edges"][...]
    ev = json.loads(sys.argv[4])
    assert abs(e[0, 1] / ev["eps_low"] - 1) < 1e-6 and abs(e[0, 2] / ev["eps_high"] - 1) < 1e-6, (e[0], ev)
    assert math.isnan(e[-1, 1]), e[-1]
    n, w, s = (f["/bounds/sn1987a/" + k][...] for k in ("nominal", "weak", "strong"))
    assert ((w <= n) & (n <= s)).all() and s.sum() > n.sum() > 0
    print("sn edges", e[:, 1:], "nominal/weak/strong", n.sum(), w.sum(), s.sum())
PY
echo "ok"
