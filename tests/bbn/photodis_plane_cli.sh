#!/usr/bin/env bash
# Photodisintegration planes (issue 15): photodis_decay on a coarse (m_X, tau) grid in ACROPOLIS's
# inputs equals `fipbounds eval late-decay` at grid points with tau > 1e5 s (where both start from
# standard BBN; relative 1e-9: the per-mass table reuse changes nothing); /bounds/photodisintegration
# equals delta_chi2 > 5.99 on computed points; tau outside 1e2-1e13 s is flagged and never excluded.
# bc1_photodis / bc9_photodis: lifetimes equal `eval bc1` / `eval bc9`, the lines are e+e- for the
# dark photon below 2 m_mu and gamma gamma for the ALP, the abundance note is written, and every plane's
# /bounds/photodisintegration/edges are the lowest / highest excluded coupling of its mask per mass.
# Usage: photodis_plane_cli.sh FIPBOUNDS SOURCE_DIR
set -euo pipefail
exe=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
"$exe" run inputs/photodis_decay.ini --set run.output="$tmp/g.h5" --set grid.n_mass=2 --set grid.mass_min_GeV=0.03 \
  --set grid.mass_max_GeV=0.1 --set grid.n_coupling=3 --set grid.coupling_min=1e6 --set grid.coupling_max=1e14 \
  --set photodis_decay.abundance=n_over_ngamma --set photodis_decay.n_over_ngamma=1e-10 \
  --set photodis_decay.br_photon=0.4 --set photodis_decay.br_ee=0.6 --set run.log_level=warning
e1=$("$exe" eval late-decay mass_GeV=0.03 tau_s=1e6 n_over_ngamma=1e-10 T0_MeV=10 br_photon=0.4 br_ee=0.6 --json)
e2=$("$exe" eval late-decay mass_GeV=0.1 tau_s=1e10 n_over_ngamma=1e-10 T0_MeV=10 br_photon=0.4 br_ee=0.6 --json)
"$exe" run inputs/bc1_photodis.ini --set run.output="$tmp/b1.h5" --set grid.n_mass=2 --set grid.mass_min_GeV=0.02 \
  --set grid.mass_max_GeV=0.1 --set grid.n_coupling=3 --set grid.coupling_min=1e-15 --set grid.coupling_max=1e-13 \
  --set run.log_level=warning
"$exe" run inputs/bc9_photodis.ini --set run.output="$tmp/b9.h5" --set grid.n_mass=2 --set grid.mass_min_GeV=0.02 \
  --set grid.mass_max_GeV=0.1 --set grid.n_coupling=3 --set grid.coupling_min=1e-13 --set grid.coupling_max=1e-11 \
  --set run.log_level=warning
t1=$("$exe" eval bc1 mass_GeV=0.1 coupling=1e-14 --json)
t9=$("$exe" eval bc9 mass_GeV=0.02 coupling=1e-12 --json)
/usr/bin/python3 - "$tmp" "$e1" "$e2" "$t1" "$t9" <<'PY'
import h5py, json, sys
import numpy as np
tmp = sys.argv[1]
txt = lambda a: a.decode() if isinstance(a, bytes) else str(a)
e1, e2, t1, t9 = (json.loads(a) for a in sys.argv[2:6])
with h5py.File(tmp + "/g.h5", "r") as f:
    assert (f["/status"][...] == 0).all()
    m, tau = f["/grid/mass"][...], f["/grid/coupling"][...]
    assert np.allclose(tau, [1e6, 1e10, 1e14]) and np.allclose(m, [0.03, 0.1])
    q = {n: f["/quantities/" + n][...] for n in ("D_H", "He3_H", "Li7_H", "delta_chi2", "tau_range", "He3_D", "Neff_rec")}
    for (i, j, e) in ((0, 0, e1), (1, 1, e2)):
        for k in ("D_H", "He3_H", "Li7_H", "He3_D"):
            assert abs(q[k][i, j] / e[k] - 1) < 1e-8, (k, q[k][i, j], e[k])
        assert abs(q["delta_chi2"][i, j] - e["delta_chi2"]) < 1e-6 * max(1, abs(e["delta_chi2"]))
        # N_eff at recombination: the one computation (bbn_decay_neff) of eval late-decay / bbn-decay (session 11)
        assert abs(q["Neff_rec"][i, j] / e["Neff_rec"] - 1) < 1e-10, (q["Neff_rec"][i, j], e["Neff_rec"])
    assert (q["tau_range"][:, 2] == 1).all() and (q["tau_range"][:, :2] == 0).all()
    assert (q["Neff_rec"][:, 2] == 0).all()  # tau = 1e14 s: outside [1e-3, 1e12] s, not computed
    ex = f["/bounds/photodisintegration/excluded"][...].astype(bool)
    # the criterion with he3_d = true (default): delta_chi2 > 5.99 or 3He/D > 1.10 (session 11)
    assert (ex == (((q["delta_chi2"] > 5.991) | (q["He3_D"] > 1.10)) & (q["tau_range"] == 0))).all()
    assert "3He/D > 1.10" in txt(f["/bounds/photodisintegration"].attrs["criterion"])
    assert not ex[:, 2].any()
    g = f["/bounds/photodisintegration"]
    assert "criterion" in g.attrs and "reference" in g.attrs and "n_X/n_gamma = 1e-10" in txt(g.attrs["note"])
    print("photodis_decay: D/H ratios", q["D_H"][0, 0] / e1["D_H_sbbn"], q["D_H"][1, 1] / e2["D_H_sbbn"],
          "excluded", int(ex.sum()), "of", ex.size)
for fn, t, m_i, c_i, line in (("b1.h5", t1, 1, 1, "br_ee"), ("b9.h5", t9, 0, 1, "br_photon")):
    with h5py.File(tmp + "/" + fn, "r") as f:
        assert (f["/status"][...] == 0).all()
        tau = f["/quantities/tau_s"][...]
        assert abs(tau[m_i, c_i] / t["tau_s"] - 1) < 1e-8, (fn, tau[m_i, c_i], t["tau_s"])
        assert np.allclose(f["/quantities/" + line][...], 1.0)
        assert (f["/quantities/nX_over_s"][...] > 0).all()
        # bc1: also resonant conversion and 2 -> 2 scatterings ([photodis_fip] production, src/production/fb_prod_bc1.c);
        # bc9: also Primakoff production (src/production/fb_prod_bc9.c)
        assert ("production by scatterings" if fn == "b1.h5" else "Primakoff") in txt(f["/bounds/photodisintegration"].attrs["note"])
        # the outline of every photodisintegration plane: lowest / highest excluded coupling per mass (NaN: none)
        ex, ed, c = f["/bounds/photodisintegration/excluded"][...], f["/bounds/photodisintegration/edges"][...], f["/grid/coupling"][...]
        for i in range(ex.shape[0]):
            js = np.nonzero(ex[i])[0]
            assert np.isnan(ed[i, 1:]).all() if len(js) == 0 else (ed[i, 1] == c[js[0]] and ed[i, 2] == c[js[-1]]), fn
        print(fn, "tau", tau[m_i, c_i], "mY", f["/quantities/mY_GeV"][m_i, c_i])
PY
echo "ok"
