#!/usr/bin/env bash
# The bc9_hb scan with the polytrope core ([hb] core = polytrope) through the executable: every point
# ok, /bounds/hb/edges (g_low, g_high) at the first and last grid masses equal `fipbounds eval hb core=polytrope`
# (relative 1e-9; at 1 MeV the region has closed: NaN and null), and the polytrope bound differs from the one-zone one (the key is read).
# Usage: cli_hb_polytrope.sh FIPBOUNDS SOURCE_DIR
set -euo pipefail
exe=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
poly=(--set hb.core=polytrope --set hb.T_K=1.2e8 --set hb.rho_g_cm3=1e4 --set hb.polytrope_n=1.5)
"$exe" run inputs/bc9_hb.ini --set run.output="$tmp/poly.h5" --set grid.n_mass=5 --set grid.n_coupling=6 \
  --set run.log_level=warning "${poly[@]}"
"$exe" run inputs/bc9_hb.ini --set run.output="$tmp/one.h5" --set grid.n_mass=5 --set grid.n_coupling=6 \
  --set run.log_level=warning
e1=$("$exe" eval hb model=bc9 mass_GeV=1e-6 core=polytrope T_K=1.2e8 rho_g_cm3=1e4 polytrope_n=1.5 --json)
e2=$("$exe" eval hb model=bc9 mass_GeV=1e-3 core=polytrope T_K=1.2e8 rho_g_cm3=1e4 polytrope_n=1.5 --json)
/usr/bin/python3 - "$tmp/poly.h5" "$tmp/one.h5" "$e1" "$e2" <<'PY'
import h5py, json, sys
with h5py.File(sys.argv[1], "r") as f, h5py.File(sys.argv[2], "r") as g:
    assert (f["/status"][...] == 0).all()
    ep, eo = f["/bounds/hb/edges"][...], g["/bounds/hb/edges"][...]
    for row, js in ((0, sys.argv[3]), (-1, sys.argv[4])):
        ev = json.loads(js)
        assert abs(ep[row, 0] / ev["mass_GeV"] - 1) < 1e-12, (ep[row], ev)
        for col, key in ((1, "g_max_GeV"), (2, "g_high_GeV")):  # null (closed region) = NaN in the file
            if ev[key] is None:
                assert ep[row, col] != ep[row, col] or ep[row, col] == float("inf"), (ep[row], ev)
            else:
                assert abs(ep[row, col] / ev[key] - 1) < 1e-9, (ep[row], ev)
    assert abs(ep[0, 1] / eo[0, 1] - 1) > 0.05, (ep[0], eo[0])
    print("polytrope g_max", ep[:, 1], "one-zone", eo[:, 1])
PY
echo "ok"
