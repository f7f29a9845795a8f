#!/usr/bin/env bash
# Photodisintegration with the injected spectra of every channel class (issue 15, bbn_em_injection.h):
# bc6_photodis / bc7_photodis / bc8_photodis run (HNL planes: lifetimes equal `eval bc6` etc., the
# abundance note names the thermal production through mixing, f_em_cascaded in (0, 1], the mask equals
# the criterion), photodis_decay with br_mumu = 1 (range error below 2 m_mu, D/H changed above), and
# bc1_photodis above 2 m_mu injects the muons' and pions' e+- (f_em_cascaded between the e+e- BR and 1,
# br_not_cascaded at most the hadronic BR).
# Usage: photodis_hnl_cli.sh FIPBOUNDS SOURCE_DIR
set -euo pipefail
exe=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
"$exe" run inputs/bc6_photodis.ini --set run.output="$tmp/h6.h5" --set grid.n_mass=2 --set grid.mass_min_GeV=0.05 \
  --set grid.mass_max_GeV=0.3 --set grid.n_coupling=2 --set grid.coupling_min=1e-14 --set grid.coupling_max=1e-12 \
  --set run.log_level=warning
for b in 7 8; do # one point each (test time)
  "$exe" run inputs/bc${b}_photodis.ini --set run.output="$tmp/h$b.h5" --set grid.n_mass=1 --set grid.mass_min_GeV=0.3 \
    --set grid.mass_max_GeV=0.3 --set grid.n_coupling=1 --set grid.coupling_min=1e-13 --set grid.coupling_max=1e-13 \
    --set run.log_level=warning
done
"$exe" run inputs/bc1_photodis.ini --set run.output="$tmp/b1.h5" --set grid.n_mass=1 --set grid.mass_min_GeV=0.5 \
  --set grid.mass_max_GeV=0.5 --set grid.n_coupling=2 --set grid.coupling_min=1e-15 --set grid.coupling_max=1e-14 \
  --set run.log_level=warning
"$exe" run inputs/photodis_decay.ini --set run.output="$tmp/g.h5" --set grid.n_mass=2 --set grid.mass_min_GeV=0.1 \
  --set grid.mass_max_GeV=0.6 --set grid.n_coupling=2 --set grid.coupling_min=1e6 --set grid.coupling_max=1e8 \
  --set photodis_decay.br_photon=0 --set photodis_decay.br_mumu=1 --set photodis_decay.mY_GeV=1e-9 \
  --set run.log_level=error
t6=$("$exe" eval bc6 mass_GeV=0.3 coupling=1e-14 --json)
t1=$("$exe" eval bc1 mass_GeV=0.5 coupling=1e-14 --json)
/usr/bin/python3 - "$tmp" "$t6" "$t1" <<'PY'
import h5py, json, sys
import numpy as np
tmp = sys.argv[1]
t6, t1 = json.loads(sys.argv[2]), json.loads(sys.argv[3])
txt = lambda a: a.decode() if isinstance(a, bytes) else str(a)
for b in (6, 7, 8):
    with h5py.File(f"{tmp}/h{b}.h5", "r") as f:
        assert (f["/status"][...] == 0).all(), f["/status"][...]
        q = lambda n: f["/quantities/" + n][...]
        if b == 6:
            assert abs(q("tau_s")[1, 0] / t6["tau_s"] - 1) < 1e-8, (q("tau_s")[1, 0], t6["tau_s"])
        fem = q("f_em_cascaded")
        assert ((fem > 0) & (fem <= 1 + 1e-9)).all(), fem
        assert (q("nX_over_s") > 0).all()
        ex = f["/bounds/photodisintegration/excluded"][...].astype(bool)
        assert (ex == ((q("delta_chi2") > 5.991) & (q("tau_range") == 0))).all()
        note = txt(f["/bounds/photodisintegration"].attrs["note"])
        assert "mixing" in note and "INJECTION" in note, note
        print(f"bc{b}_photodis: tau", q("tau_s").ravel(), "f_em", fem.ravel(), "D/H", q("D_H").ravel())
with h5py.File(f"{tmp}/b1.h5", "r") as f:
    assert (f["/status"][...] == 0).all()
    q = lambda n: f["/quantities/" + n][...]
    assert abs(q("tau_s")[0, 1] / t1["tau_s"] - 1) < 1e-8
    bree = t1["width_ee_GeV"] / t1["width_GeV"]
    fem = q("f_em_cascaded")[0, 0]
    # e+e- line (its BR) + the muons' and pions' e+- (about a third of their energy)
    assert abs(q("br_ee")[0, 0] / bree - 1) < 1e-8 and fem > bree + 0.05 and fem < 1, (fem, bree)
    # not cascaded: at most the hadronic channels (since the exclusive channels and the hadronisation of the
    # dark photon record, pi pi / 3 pi / K K are resolved and cascaded: none left at 0.5 GeV)
    assert 0 <= q("br_not_cascaded")[0, 0] <= t1["width_hadrons_GeV"] / t1["width_GeV"] * (1 + 1e-9), q("br_not_cascaded")
    print("bc1_photodis m = 0.5 GeV: br_ee", bree, "f_em_cascaded", fem, "br_not_cascaded", q("br_not_cascaded")[0, 0])
# photodis_decay with br_mumu = 1: below 2 m_mu a range error per point; above, D/H changed
with h5py.File(f"{tmp}/g.h5", "r") as f:
    st, D = f["/status"][...], f["/quantities/D_H"][...]
    assert (st[0] == 2).all() and (st[1] == 0).all(), st
    assert (D[1] < 0.5 * 2.44e-5).all() or (D[1] > 2 * 2.44e-5).all() or (abs(D[1] / 2.44e-5 - 1) > 0.05).any(), D
    assert "br_mumu = 1" in txt(f["/bounds/photodisintegration"].attrs["note"])
    print("photodis_decay br_mumu = 1, m = 0.6 GeV: D/H", D[1])
PY
echo "ok"
