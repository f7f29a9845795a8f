#!/usr/bin/env bash
# The cmb_decay scan (inputs/cmb_decay_generic.ini) on a coarse grid through the executable: every
# point ok; /bounds/cmb_{mu,y,anisotropies}/excluded equal (value > limit) and (m Y > mY_max) at every
# point; the mu value at one grid point equals `fipbounds eval cmb-decay` (relative 1e-6). With
# cmb_decay.aniso_method = visibility_post (fb_cmb.h): R_aniso at tau = 1e13 s equals eval's (1e-6) and the
# criterion names the cut at z_star.
# Usage: cli_cmb_decay_scan.sh FIPBOUNDS SOURCE_DIR
set -euo pipefail
exe=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
"$exe" run inputs/cmb_decay_generic.ini --set run.output="$tmp/s.h5" --set grid.n_mass=12 --set grid.n_coupling=11 \
  --set run.log_level=warning
ev=$("$exe" eval cmb-decay mass_GeV=0.1 tau_s=1e6 mY_GeV=1e-6 --json)
/usr/bin/python3 - "$tmp/s.h5" "$ev" <<'PY'
import h5py, json, sys
import numpy as np
with h5py.File(sys.argv[1], "r") as f:
    assert (f["/status"][...] == 0).all()
    tau, mY = f["/grid/mass"][...], f["/grid/coupling"][...]
    q = {n: f["/quantities/" + n][...] for n in ("mu", "y", "R_aniso")}
    for name, qn, lim in (("cmb_mu", "mu", 9e-5), ("cmb_y", "y", 1.5e-5), ("cmb_anisotropies", "R_aniso", 1.0)):
        g = f["/bounds/" + name]
        assert "criterion" in g.attrs and "reference" in g.attrs, name
        ex = g["excluded"][...].astype(bool)
        assert (ex == (np.abs(q[qn]) > lim)).all(), name
        line = g["mY_max_GeV"][...]
        with np.errstate(invalid="ignore"):
            off = ~(np.abs(mY[None, :] / line[:, None] - 1) <= 1e-9)  # points not on the outline itself
        assert (ex[off] == (mY[None, :] > line[:, None])[off]).all(), name
        print(name, "excluded points:", int(ex.sum()), "of", ex.size)
    assert q["mu"][0, -1] > 0
    assert (f["/quantities/low_energy_injection"][...] == 0).all()  # m = 0.1 GeV: x >> 100 everywhere
    ev = json.loads(sys.argv[2])
    assert abs(tau[0] / 1e6 - 1) < 1e-12 and abs(mY[-1] / 1e-6 - 1) < 1e-12
    assert abs(q["mu"][0, -1] / ev["mu"] - 1) < 1e-6, (q["mu"][0, -1], ev["mu"])
PY
"$exe" run inputs/cmb_decay_generic.ini --set run.output="$tmp/p.h5" --set grid.n_mass=3 --set grid.n_coupling=2 \
  --set grid.mass_min_GeV=1e13 --set grid.mass_max_GeV=1e15 --set cmb_decay.aniso_method=visibility_post \
  --set run.log_level=warning
evp=$("$exe" eval cmb-decay mass_GeV=0.1 tau_s=1e13 mY_GeV=1e-16 aniso_method=visibility_post --json)
/usr/bin/python3 - "$tmp/p.h5" "$evp" <<'PY'
import h5py, json, sys
with h5py.File(sys.argv[1], "r") as f:
    tau, mY = f["/grid/mass"][...], f["/grid/coupling"][...]
    assert abs(tau[0] / 1e13 - 1) < 1e-12 and abs(mY[0] / 1e-16 - 1) < 1e-12
    R = f["/quantities/R_aniso"][0, 0]
    crit = f["/bounds/cmb_anisotropies"].attrs["criterion"]
    assert "z_star" in (crit.decode() if isinstance(crit, bytes) else crit)
ev = json.loads(sys.argv[2])
assert abs(R / ev["R_aniso"] - 1) < 1e-6 and ev["R_aniso"] == ev["R_aniso_visibility_post"], (R, ev["R_aniso"])
print("visibility_post: R_aniso", R, "= eval")
PY
echo "ok"
