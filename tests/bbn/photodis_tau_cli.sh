#!/usr/bin/env bash
# The (tau_X, m Y_X) photodisintegration plane at fixed mass (model photodis_decay_tau, issue 15
# Interfaces "the standard BBN-photodisintegration figure"):
#  1. every point equals `fipbounds eval late-decay` at the same inputs (tau > 1e5 s, where both start
#     from standard BBN): m = 30 MeV, br_photon 0.4, br_ee 0.6, 3 lifetimes x 3 abundances, D/H, 3He/H,
#     7Li/H, Yp to 1e-8 relative, delta_chi2 to 1e-6 (JSON precision); the abundances are given to eval as
#     n_X/n_gamma at T0 = 10 MeV and converted by eval (its mY_GeV output sets the plane's grid);
#  2. tau outside 1e2-1e13 s keeps standard BBN (tau_range -1/+1) and is never excluded;
#  3. the late-time edge does not depend on tau where the injected photons are below every threshold but
#     the deuteron's and below E_C (10 MeV X -> gamma gamma, tau = 1e8-1e12 s: mY_min within 2%);
#     small injections act linearly: the change of D/H from standard BBN at m Y and 2 m Y (both < 2%)
#     in ratio 2 within 2% (the network is linear in the injected photons while abundances change little);
#  4. /bounds/photodisintegration: excluded = ((delta_chi2 > 5.99 or 3He/D > 1.10) and tau_range = 0), edges = its lowest /
#     highest excluded m Y per lifetime, the layers excluded_Yp / excluded_D_H equal eval's
#     excluded_Yp / excluded_D_H; mY_min_GeV lies between the grid values around the first excluded
#     point and `eval late-decay` is allowed at 0.995 mY_min and excluded at 1.005 mY_min; each layer's
#     mask equals its margin > 0; tools/plot_photodis_tau.py draws the plane.
# Usage: photodis_tau_cli.sh FIPBOUNDS SOURCE_DIR
set -euo pipefail
exe=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
ev() { "$exe" eval late-decay mass_GeV=0.03 tau_s="$1" n_over_ngamma="$2" T0_MeV=10 br_photon=0.4 br_ee=0.6 --json; }
# the grid's m Y values from eval's own conversion (n/n_gamma 1e-12, 1e-10, 1e-8 at 10 MeV)
read -r mY1 mY3 < <(/usr/bin/python3 -c 'import json,sys; a=json.loads(sys.argv[1]); b=json.loads(sys.argv[2]); print(repr(a["mY_GeV"]), repr(b["mY_GeV"]))' \
  "$(ev 1e6 1e-12)" "$(ev 1e6 1e-8)")
"$exe" run inputs/photodis_decay_tau.ini --set run.output="$tmp/t.h5" --set grid.n_mass=3 --set grid.mass_min_GeV=1e6 \
  --set grid.mass_max_GeV=1e10 --set grid.n_coupling=3 --set grid.coupling_min="$mY1" --set grid.coupling_max="$mY3" \
  --set photodis_decay_tau.mass_GeV=0.03 --set photodis_decay_tau.br_photon=0.4 --set photodis_decay_tau.br_ee=0.6 \
  --set run.log_level=warning
# out of range and linearity: tau = 10 s, 1e8 s, 1e15 s at two small abundances
"$exe" run inputs/photodis_decay_tau.ini --set run.output="$tmp/r.h5" --set grid.n_mass=3 --set grid.mass_min_GeV=10 \
  --set grid.mass_max_GeV=1e15 --set grid.n_coupling=2 --set grid.coupling_min=1e-14 --set grid.coupling_max=2e-14 \
  --set run.log_level=warning
# tau-independence of the late-time edge: X -> gamma gamma at m = 10 MeV (E0 = 5 MeV: only D can be broken, below the
# 3He and 4He thresholds); once E0 < E_C = m_e^2/(22 T) (T < 2.4 keV, t > ~2e5 s) the photon is not cascaded and
# every rate that degrades or absorbs it (Compton, Bethe-Heitler, D(g,n)p) scales with n_b, so the D destroyed per
# photon, and the lowest excluded m Y, must not depend on when it is injected: tau = 1e8, 1e10, 1e12 s within 2%
"$exe" run inputs/photodis_decay_tau.ini --set run.output="$tmp/p.h5" --set grid.n_mass=3 --set grid.mass_min_GeV=1e8 \
  --set grid.mass_max_GeV=1e12 --set grid.n_coupling=4 --set grid.coupling_min=1e-14 --set grid.coupling_max=1e-11 \
  --set run.log_level=warning
evals=()
for tau in 1e6 1e8 1e10; do for n in 1e-12 1e-10 1e-8; do evals+=("$(ev $tau $n)"); done; done
/usr/bin/python3 - "$tmp" "$exe" "${evals[@]}" <<'PY'
import h5py, json, subprocess, sys
import numpy as np
tmp, exe = sys.argv[1], sys.argv[2]
E = [json.loads(a) for a in sys.argv[3:]]
with h5py.File(tmp + "/t.h5", "r") as f:
    assert (f["/status"][...] == 0).all()
    tau, mY = f["/grid/mass"][...], f["/grid/coupling"][...]
    assert np.allclose(tau, [1e6, 1e8, 1e10]) and f["/grid/mass"].attrs["name"] in (b"tau_s", "tau_s")
    q = {k: f["/quantities/" + k][...] for k in ("D_H", "He3_H", "Li7_H", "Yp", "delta_chi2", "tau_range", "He3_D")}
    g = f["/bounds/photodisintegration"]
    ex = g["excluded"][...].astype(bool)
    lay = {k: g[k][...].astype(bool) for k in ("excluded_Yp", "excluded_D_H", "excluded_He3_H", "Li7_H_obs_band")}
    for k in lay:
        assert (lay[k] == (np.nan_to_num(g[k + "_margin"][...], nan=-1.0) > 0)).all(), k
    edges, ymin = g["edges"][...], g["mY_min_GeV"][...]
    assert g.attrs["mass_GeV"] == 0.03 and "criterion" in g.attrs
worst = 0.0
for i in range(3):
    for j in range(3):
        e = E[3 * i + j]
        assert abs(mY[j] / e["mY_GeV"] - 1) < 1e-12, (mY[j], e["mY_GeV"])
        for k in ("D_H", "He3_H", "Li7_H", "Yp"):
            r = abs(q[k][i, j] / e[k] - 1)
            worst = max(worst, r)
            assert r < 1e-8, (k, tau[i], mY[j], q[k][i, j], e[k])
        assert abs(q["delta_chi2"][i, j] - e["delta_chi2"]) < 1e-6 * max(1, abs(e["delta_chi2"]))
        assert ex[i, j] == bool(e["excluded"]), (i, j)
        assert lay["excluded_Yp"][i, j] == bool(e["excluded_Yp"]) and lay["excluded_D_H"][i, j] == bool(e["excluded_D_H"])
print("photodis_decay_tau = eval late-decay at 9 points: worst relative difference %.2e; excluded %d of 9" % (worst, ex.sum()))
assert ex.any() and not ex.all(), ex
assert (ex == (((q["delta_chi2"] > 5.991) | (q["He3_D"] > 1.10)) & (q["tau_range"] == 0))).all()  # he3_d = true (default)
for i in range(3):
    js = np.nonzero(ex[i])[0]
    assert edges[i, 0] == tau[i]
    if len(js) == 0:
        assert np.isnan(edges[i, 1]) and np.isnan(ymin[i])
        continue
    assert edges[i, 1] == mY[js[0]] and edges[i, 2] == mY[js[-1]]
    j = js[0]
    if j == 0:
        assert ymin[i] == mY[0]
        continue
    assert mY[j - 1] < ymin[i] <= mY[j], (i, ymin[i])
    # eval just below / above the bisected edge (n/n_gamma scaled from the grid's conversion)
    n_per_mY = 1e-12 / mY[0]
    for fac, want in ((0.995, 0), (1.005, 1)):
        out = subprocess.run([exe, "eval", "late-decay", "mass_GeV=0.03", "tau_s=%r" % tau[i],
                              "n_over_ngamma=%r" % (fac * ymin[i] * n_per_mY), "T0_MeV=10", "br_photon=0.4", "br_ee=0.6",
                              "--json"], capture_output=True, text=True, check=True).stdout
        assert json.loads(out)["excluded"] == want, (tau[i], fac, ymin[i])
    print("tau = %.3g s: lowest excluded m Y = %.5g GeV (grid %.4g - %.4g); eval allowed at -0.5%%, excluded at +0.5%%"
          % (tau[i], ymin[i], mY[j - 1], mY[j]))
with h5py.File(tmp + "/r.h5", "r") as f:
    assert (f["/status"][...] == 0).all()
    tau = f["/grid/mass"][...]
    rng = f["/quantities/tau_range"][...]
    dh = f["/quantities/D_H"][...]
    ex = f["/bounds/photodisintegration/excluded"][...]
    assert np.allclose(tau, [10, 1e8, 1e15])
    assert (rng[0] == -1).all() and (rng[1] == 0).all() and (rng[2] == 1).all() and not ex.any()
    assert dh[0, 0] == dh[0, 1] == dh[2, 0] == dh[2, 1]  # standard BBN outside the range
    d1, d2 = dh[1, 0] / dh[0, 0] - 1, dh[1, 1] / dh[0, 0] - 1
    assert 0 < abs(d1) < abs(d2) < 0.02, (d1, d2)
    assert abs(d2 / d1 - 2) < 0.04, (d1, d2)
    print("linear regime at tau = 1e8 s: Delta(D/H)/(D/H) = %.4e at m Y = 1e-14 GeV, %.4e at 2e-14 (ratio %.4f)" % (d1, d2, d2 / d1))
with h5py.File(tmp + "/p.h5", "r") as f:
    y = f["/bounds/photodisintegration/mY_min_GeV"][...]
    assert np.isfinite(y).all() and y.max() / y.min() < 1.02, y
    print("m = 10 MeV, X -> gamma gamma: lowest excluded m Y at tau = 1e8, 1e10, 1e12 s: %s GeV (spread %.2f%%)"
          % (", ".join("%.4g" % v for v in y), 100 * (y.max() / y.min() - 1)))
PY
# the figure tool runs on the plane (it checks that the filled region equals the mask on the grid)
/usr/bin/python3 tools/plot_photodis_tau.py "$tmp/t.h5" -o "$tmp/f.png" > /dev/null
[ -s "$tmp/f.png" ] || { echo "FAIL: tools/plot_photodis_tau.py wrote no figure"; exit 1; }
echo "ok"
