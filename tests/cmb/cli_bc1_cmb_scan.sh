#!/usr/bin/env bash
# The bc1_cmb plane (inputs/bc1_cmb_freezein.ini) on a coarse grid through the executable: every
# point ok; the abundance assumption is in each /bounds/cmb_* group; thermalised points are never
# excluded; each group's edges are the mask's lowest/highest excluded coupling per mass; the anisotropy band is not empty; at one excluded point, `fipbounds eval cmb-decay
# model=bc1` with the scan's m Y_X gives the same tau, f_em, mu, y and R (relative 1e-6).
# Usage: cli_bc1_cmb_scan.sh FIPBOUNDS SOURCE_DIR
set -euo pipefail
exe=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
"$exe" run inputs/bc1_cmb_freezein.ini --set run.output="$tmp/b.h5" --set grid.n_mass=7 --set grid.n_coupling=13 \
  --set run.log_level=warning
pt=$(/usr/bin/python3 - "$tmp/b.h5" <<'PY'
import h5py, sys
import numpy as np
with h5py.File(sys.argv[1], "r") as f:
    assert (f["/status"][...] == 0).all()
    th = f["/quantities/thermalised"][...] == 1
    for name in ("cmb_mu", "cmb_y", "cmb_anisotropies"):
        g = f["/bounds/" + name]
        assert g.attrs["abundance"].decode().startswith("ASSUMPTION"), name
        ex = g["excluded"][...].astype(bool)
        assert not (ex & th).any(), name
        # the outline: per mass the lowest and highest excluded coupling of the mask (NaN where none)
        ed, c = g["edges"][...], f["/grid/coupling"][...]
        for i in range(ex.shape[0]):
            js = np.nonzero(ex[i])[0]
            assert ed[i, 0] == f["/grid/mass"][i]
            assert (np.isnan(ed[i, 1:]).all() if len(js) == 0 else (ed[i, 1] == c[js[0]] and ed[i, 2] == c[js[-1]])), name
    ex = f["/bounds/cmb_anisotropies/excluded"][...].astype(bool)
    assert ex.sum() > 0
    i, j = np.argwhere(ex)[0]
    m, e = f["/grid/mass"][i], f["/grid/coupling"][j]
    q = {n: f["/quantities/" + n][i, j] for n in ("tau_s", "f_em", "mY_GeV", "mu", "y", "R_aniso")}
    print(m, e, q["mY_GeV"], q["tau_s"], q["f_em"], q["mu"], q["y"], q["R_aniso"])
PY
)
read -r m e mY tau fem mu y R <<<"$pt"
ev=$("$exe" eval cmb-decay model=bc1 mass_GeV="$m" coupling="$e" mY_GeV="$mY" --json)
/usr/bin/python3 - "$ev" "$tau" "$fem" "$mu" "$y" "$R" <<'PY'
import json, sys
ev = json.loads(sys.argv[1])
for k, v in zip(("tau_s", "f_em", "mu", "y", "R_aniso"), map(float, sys.argv[2:])):
    assert abs(ev[k] - v) <= 1e-6 * abs(v) + 1e-300, (k, ev[k], v)
    print(k, ev[k], v)
assert ev["excluded_anisotropies"] == 1
PY
echo "ok"
