#!/usr/bin/env bash
# The bc8_sn (HNL, tau mixing) SN1987A scan through the executable on a coarse grid: every point ok,
# /bounds/sn1987a/edges at the first grid mass equals `fipbounds eval sn1987a model=bc8` (relative 1e-9,
# |U|^2), the band is closed at 0.3 GeV, the excluded mask agrees with the edges, and the systematic band
# nests (weak within nominal within strong; nominal = excluded).
# Usage: cli_sn_hnl.sh FIPBOUNDS SOURCE_DIR
set -euo pipefail
exe=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
"$exe" run inputs/bc8_sn1987a.ini --set run.output="$tmp/hnl.h5" --set grid.n_mass=3 --set grid.n_coupling=12 \
  --set grid.mass_min_GeV=0.02 --set grid.mass_max_GeV=0.3 --set sn1987a.band_csv=none --set run.log_level=warning
e1=$("$exe" eval sn1987a model=bc8 mass_GeV=0.02 --json)
/usr/bin/python3 - "$tmp/hnl.h5" "$e1" <<'PY'
import h5py, json, math, sys
import numpy as np
with h5py.File(sys.argv[1], "r") as f:
    assert (f["/status"][...] == 0).all()
    e = f["/bounds/sn1987a/edges"][...]
    ev = json.loads(sys.argv[2])
    assert abs(e[0, 0] / ev["mass_GeV"] - 1) < 1e-12, (e[0], ev)
    assert abs(e[0, 1] / ev["U2_low"] - 1) < 1e-9 and abs(e[0, 2] / ev["U2_high"] - 1) < 1e-9, (e[0], ev)
    assert math.isnan(e[-1, 1]) and math.isnan(e[-1, 2]), e[-1]
    x = f["/bounds/sn1987a/excluded"][...]
    cpl = f["/grid/coupling"][...] if "/grid/coupling" in f else None
    nom, weak, strong = (f["/bounds/sn1987a/" + k][...] for k in ("nominal", "weak", "strong"))
    assert (nom == x).all() and (weak <= nom).all() and (nom <= strong).all()
    assert x[0].sum() > 0 and x[-1].sum() == 0, x.sum(axis=1)
    if cpl is not None:
        inside = (cpl > e[0, 1]) & (cpl < e[0, 2])
        assert (x[0].astype(bool) == inside).all(), (x[0], inside)
    print("edges", e.tolist(), "excluded per mass", x.sum(axis=1), "weak/strong", weak.sum(), strong.sum())
PY
echo "ok"
