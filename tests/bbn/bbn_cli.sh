#!/usr/bin/env bash
# `fipbounds eval bbn`: JSON keys named by the issue, defaults, range errors; a 2 x 2 sbbn scan.
set -uo pipefail
exe=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
out=$("$exe" eval bbn --json) || { echo "FAIL: eval bbn exited $?"; exit 1; }
echo "$out"
for key in Yp Yp_mass_fraction D_H He3_H Li7_H Li6_H Neff eta chi2; do
  grep -q "\"$key\": [0-9]" <<<"$out" || { echo "FAIL: key $key missing or not a number"; fails=$((fails+1)); }
done
# Yp in [0.24, 0.25] at the defaults, D/H in [2.3e-5, 2.7e-5]
/usr/bin/python3 - "$out" <<'PY' || fails=$((fails+1))
import json, sys
d = json.loads(sys.argv[1])
assert 0.24 < d["Yp"] < 0.25, d["Yp"]
assert d["Yp_mass_fraction"] < d["Yp"], d
assert 2.3e-5 < d["D_H"] < 2.7e-5, d["D_H"]
assert 3.0 < d["Neff"] < 3.1, d["Neff"]
print("eval bbn values ok")
PY
out2=$("$exe" eval bbn omega_b_h2=0.0245 delta_neff=1 tau_n_s=880 --json) || { echo "FAIL: eval with args"; fails=$((fails+1)); }
/usr/bin/python3 - "$out" "$out2" <<'PY' || fails=$((fails+1))
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
assert b["D_H"] < a["D_H"] * 1.2 and b["Yp"] > a["Yp"] + 0.01, (a, b)
print("eval bbn arguments ok")
PY
msg=$("$exe" eval bbn omega_b_h2=0.5 2>&1); rc=$?
if [ $rc -ne 2 ] || ! grep -q "omega_b_h2" <<<"$msg"; then echo "FAIL: bad omega_b_h2 -> $rc: $msg"; fails=$((fails+1)); fi
msg=$("$exe" eval bbn delta_neff=-7 2>&1); rc=$?
if [ $rc -ne 2 ] || ! grep -q "delta_neff" <<<"$msg"; then echo "FAIL: bad delta_neff -> $rc: $msg"; fails=$((fails+1)); fi
# a 2 x 2 scan with the sbbn model (serial run, no mpirun)
cat > "$tmp/s.ini" <<INI
[run]
output = $tmp/s.h5
[model]
name = sbbn
[grid]
mass_min_GeV = 0.020
mass_max_GeV = 0.024
n_mass = 2
mass_spacing = linear
coupling_min = -0.5
coupling_max = 0.5
n_coupling = 2
coupling_spacing = linear
INI
if ! "$exe" run "$tmp/s.ini" > "$tmp/run.log" 2>&1; then echo "FAIL: sbbn scan"; cat "$tmp/run.log"; fails=$((fails+1)); fi
/usr/bin/python3 - "$tmp/s.h5" <<'PY' || fails=$((fails+1))
import h5py, sys
with h5py.File(sys.argv[1], "r") as f:
    yp = f["/quantities/Yp"][...]; dh = f["/quantities/D_H"][...]; st = f["/status"][...]
    assert (st == 0).all(), st
    assert yp.shape == (2, 2), yp.shape
    assert dh[1, 0] < dh[0, 0] and yp[0, 1] > yp[0, 0], (yp, dh)
    print("sbbn scan ok:", yp.tolist())
PY
# the band plot from the scan file (tools/plot_bbn_band.py), a non-empty PNG
src_dir=$(cd "$(dirname "$0")/../.." && pwd)
if ! /usr/bin/python3 "$src_dir/tools/plot_bbn_band.py" "$tmp/s.h5" -o "$tmp/band.png" > "$tmp/plot.log" 2>&1 \
   || [ ! -s "$tmp/band.png" ]; then echo "FAIL: plot_bbn_band.py"; cat "$tmp/plot.log"; fails=$((fails+1)); fi
# issue 14: eval bbn's default tau_n is the library's (878.4 s, PDG 2024)
out3=$("$exe" eval bbn tau_n_s=878.4 --json) || { echo "FAIL: eval bbn tau_n_s=878.4"; fails=$((fails+1)); }
out4=$("$exe" eval bbn tau_n_s=879.4 --json) || { echo "FAIL: eval bbn tau_n_s=879.4"; fails=$((fails+1)); }
/usr/bin/python3 - "$out" "$out3" "$out4" <<'PY' || fails=$((fails+1))
import json, sys
a, b, c = (json.loads(x) for x in sys.argv[1:4])
assert a["Yp"] == b["Yp"] and a["D_H"] == b["D_H"], (a, b)
assert c["Yp"] > a["Yp"], (a, c)
print("eval bbn default tau_n = 878.4 s ok")
PY
# eval bbn-decay: keys, standard limit, an excluded point, input errors
d0=$("$exe" eval bbn-decay mass_GeV=1 tau_s=1 mY_GeV=1e-20 --json) || { echo "FAIL: eval bbn-decay"; fails=$((fails+1)); }
d1=$("$exe" eval bbn-decay mass_GeV=1 tau_s=1 mY_GeV=1e-9 f_nu=0.5 n_pi_minus=1 n_pi_plus=1 --json) || { echo "FAIL: eval bbn-decay mesons"; fails=$((fails+1)); }
d2=$("$exe" eval bbn-decay mass_GeV=0.1 tau_s=100 n_over_ngamma=1e-3 T0_MeV=10 --json) || { echo "FAIL: eval bbn-decay n_over_ngamma"; fails=$((fails+1)); }
/usr/bin/python3 - "$d0" "$d1" "$d2" <<'PY' || fails=$((fails+1))
import json, sys
d0, d1, d2 = (json.loads(x) for x in sys.argv[1:4])
for k in ["Yp", "Yp_mass_fraction", "D_H", "He3_H", "Li7_H", "Neff", "eta_bbn_over_eta_cmb", "chi2", "delta_chi2",
          "excluded", "excluded_neff", "T_decay_MeV", "mY_GeV", "criterion"]:
    assert k in d0, k
# the network reproduces standard BBN to ~3e-5 at its default rtol = 1e-6 (test_bbn_decay: 1e-6 at rtol 1e-9)
assert abs(d0["Yp"] / d0["Yp_sbbn"] - 1) < 1e-4 and d0["excluded"] == 0, d0
assert 0.8 < d0["T_decay_MeV"] < 0.95, d0["T_decay_MeV"]
assert d1["Yp"] > d0["Yp"] + 0.01 and d1["excluded"] == 1, d1
assert d2["Neff"] < d0["Neff"] - 0.1 and d2["eta_bbn_over_eta_cmb"] > 1.01 and d2["mY_GeV"] > 0, d2
print("eval bbn-decay ok")
PY
# likelihood=joint (option; bbn_joint_fit.c): the standard limit gives Delta chi^2_joint ~ 0, the meson point is
# excluded, separate stays the default; the (tau, mY) edge moves down by ~35% (docs/validation.md)
j0=$("$exe" eval bbn-decay mass_GeV=1 tau_s=1 mY_GeV=1e-20 likelihood=joint --json) || { echo "FAIL: joint d0"; fails=$((fails+1)); }
j1=$("$exe" eval bbn-decay mass_GeV=1 tau_s=1 mY_GeV=1e-9 f_nu=0.5 n_pi_minus=1 n_pi_plus=1 likelihood=joint --json) \
  || { echo "FAIL: joint d1"; fails=$((fails+1)); }
/usr/bin/python3 - "$j0" "$j1" "$d0" <<'PY' || fails=$((fails+1))
import json, sys
j0, j1, d0 = (json.loads(x) for x in sys.argv[1:4])
assert "delta_chi2_joint" not in d0 and "joint" in j0["criterion"], j0
assert abs(j0["delta_chi2_joint"]) < 0.05 and j0["excluded"] == 0 and j0["omega_b_at_edge"] == 0, j0
assert j1["excluded"] == j1["excluded_joint"] == 1 and j1["delta_chi2_joint"] > 3.84, j1
assert j0["Yp"] == d0["Yp"] and 0.021 < j0["omega_b_h2_joint"] < 0.023, j0
print("eval bbn-decay likelihood=joint ok: Delta chi2 %.4f (standard limit), %.1f" % (j0["delta_chi2_joint"], j1["delta_chi2_joint"]))
PY
# model=bc9: tau and fractions from the ALP's decay record (a -> gamma gamma: f_em = 1, no pions)
d3=$("$exe" eval bbn-decay model=bc9 mass_GeV=0.05 coupling=1e-9 mY_GeV=1e-5 --json) || { echo "FAIL: eval bbn-decay model=bc9"; fails=$((fails+1)); }
/usr/bin/python3 - "$d3" <<'PY' || fails=$((fails+1))
import json, sys, math
d = json.loads(sys.argv[1])
# Gamma(a -> gamma gamma) = g^2 m^3 / (64 pi): tau = hbar / Gamma
tau = 6.582119569e-25 / (1e-18 * 0.05**3 / (64 * math.pi))
assert abs(d["tau_s"] / tau - 1) < 1e-3, (d["tau_s"], tau)
assert d["f_em"] == 1 and d["n_pi_charged"] == 0 and d["Neff"] < d["Neff_sbbn"] - 0.02, d
print("eval bbn-decay model=bc9 ok: tau = %.4g s" % d["tau_s"])
PY
msg=$("$exe" eval bbn-decay model=bc1 mass_GeV=0.5 coupling=1e-11 mY_GeV=1e-9 tau_s=3 2>&1); rc=$?
if [ $rc -eq 0 ] || ! grep -q "do not give tau_s" <<<"$msg"; then echo "FAIL: model= with tau_s -> $rc: $msg"; fails=$((fails+1)); fi
msg=$("$exe" eval bbn-decay mass_GeV=1 tau_s=1 mY_GeV=1e-9 n_over_ngamma=1e-3 2>&1); rc=$?
if [ $rc -eq 0 ] || ! grep -q "either" <<<"$msg"; then echo "FAIL: both abundances -> $rc: $msg"; fails=$((fails+1)); fi
msg=$("$exe" eval bbn-decay mass_GeV=1 tau_s=1e13 mY_GeV=1e-9 2>&1); rc=$?
if [ $rc -ne 2 ] || ! grep -q "tau_s" <<<"$msg"; then echo "FAIL: bad tau_s -> $rc: $msg"; fails=$((fails+1)); fi
# a 2 x 2 bbn_decay scan with its /bounds
cat > "$tmp/d.ini" <<INI
[run]
output = $tmp/d.h5
[model]
name = bbn_decay
[grid]
mass_min_GeV = 1
mass_max_GeV = 100
n_mass = 2
mass_spacing = log
coupling_min = 1e-12
coupling_max = 1e-5
n_coupling = 2
coupling_spacing = log
[bbn_decay]
mass_GeV = 1
f_em = 1
INI
if ! "$exe" run "$tmp/d.ini" > "$tmp/drun.log" 2>&1; then echo "FAIL: bbn_decay scan"; cat "$tmp/drun.log"; fails=$((fails+1)); fi
/usr/bin/python3 - "$tmp/d.h5" <<'PY' || fails=$((fails+1))
import h5py, sys
with h5py.File(sys.argv[1], "r") as f:
    st = f["/status"][...]; ex = f["/bounds/bbn/excluded"][...]; en = f["/bounds/neff/excluded"][...]
    assert (st == 0).all(), st
    assert ex.shape == (2, 2) and en.shape == (2, 2)
    assert ex[0, 0] == 0 and ex[1, 1] == 1, ex   # m Y = 1e-12 allowed; 1e-5 GeV at 100 s excluded
    assert "criterion" in f["/bounds/bbn"].attrs and "criterion" in f["/bounds/neff"].attrs
    print("bbn_decay scan ok:", ex.tolist(), en.tolist())
PY
# bc1_bbn: a 2 x 2 plane with the dark photon's own abundance (decays + inverse decays)
cat > "$tmp/b1.ini" <<INI
[run]
output = $tmp/b1.h5
[model]
name = bc1_bbn
[grid]
mass_min_GeV = 0.05
mass_max_GeV = 0.2
n_mass = 2
mass_spacing = log
coupling_min = 1e-12
coupling_max = 1e-9
n_coupling = 2
coupling_spacing = log
INI
if ! "$exe" run "$tmp/b1.ini" > "$tmp/b1.log" 2>&1; then echo "FAIL: bc1_bbn scan"; cat "$tmp/b1.log"; fails=$((fails+1)); fi
/usr/bin/python3 - "$tmp/b1.h5" <<'PY' || fails=$((fails+1))
import h5py, sys, numpy as np
with h5py.File(sys.argv[1], "r") as f:
    st = f["/status"][...]; tau = f["/quantities/tau_s"][...]; ng = f["/quantities/n_over_ngamma_T0"][...]
    assert (st == 0).all(), st
    # tau ~ 1/eps^2: the lifetime falls by 1e6 from eps = 1e-12 to 1e-9
    assert np.allclose(tau[:, 0] / tau[:, 1], 1e6, rtol=1e-6), tau
    # n/n_gamma grows with eps (~ eps^2 in freeze-in, saturating towards equilibrium)
    assert (ng[:, 1] > 1e3 * ng[:, 0]).all(), ng
    assert f["/bounds/bbn/excluded"].shape == (2, 2) and "note" in f["/bounds/bbn"].attrs
    print("bc1_bbn scan ok: tau", tau.tolist(), "n/n_gamma", ng.tolist())
PY
# the (tau, m Y) figure of the bbn_decay scan (tools/plot_bbn_decay.py), a non-empty PNG
if ! /usr/bin/python3 "$src_dir/tools/plot_bbn_decay.py" "$tmp/d.h5" -o "$tmp/decay.png" > "$tmp/dplot.log" 2>&1 \
   || [ ! -s "$tmp/decay.png" ]; then echo "FAIL: plot_bbn_decay.py"; cat "$tmp/dplot.log"; fails=$((fails+1)); fi
[ $fails -eq 0 ] && echo "all bbn CLI checks passed"
exit $fails
