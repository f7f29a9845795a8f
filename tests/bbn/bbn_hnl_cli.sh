#!/usr/bin/env bash
# The HNL BBN path: `fipbounds eval bbn-decay model=bc6` (abundance from the HNL's thermal history),
# a 2 x 2 bc6_bbn scan with /bounds/bbn, and the figure script tools/plot_bbn_hnl.py.
set -uo pipefail
exe=$1
src_dir=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
# tau = 0.0375 s (> 0.02 s: excluded by the meson-driven conversion) and tau = 3.75e-3 s (allowed)
a=$("$exe" eval bbn-decay model=bc6 mass_GeV=0.5 coupling=1e-9 --json) || { echo "FAIL: eval bc6"; exit 1; }
b=$("$exe" eval bbn-decay model=bc6 mass_GeV=0.5 coupling=1e-8 --json) || { echo "FAIL: eval bc6 (2)"; exit 1; }
/usr/bin/python3 - "$a" "$b" <<'PY' || fails=$((fails+1))
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
assert abs(a["tau_s"] / b["tau_s"] - 10.0) < 1e-6, (a["tau_s"], b["tau_s"])   # tau ~ 1/|U|^2
assert a["excluded"] == 1 and b["excluded"] == 0, (a["delta_chi2"], b["delta_chi2"])
assert 0.05 < a["n_over_ngamma_T0"] < 0.2 and a["T_dec_GeV"] > 0.5 and a["gamma_over_H_max"] > 10, a
assert a["n_pi_charged"] > 0.3, a["n_pi_charged"]
print("eval bbn-decay model=bc6 ok: tau", a["tau_s"], "dchi2", a["delta_chi2"], b["delta_chi2"])
PY
# an abundance given by hand replaces the thermal one
c=$("$exe" eval bbn-decay model=bc6 mass_GeV=0.5 coupling=1e-9 n_over_ngamma=1e-6 --json) || { echo "FAIL: eval bc6 n/ngamma"; exit 1; }
grep -q '"T_dec_GeV"' <<<"$c" && { echo "FAIL: T_dec_GeV reported with a given abundance"; fails=$((fails+1)); }
cat > "$tmp/h.ini" <<INI
[run]
output = $tmp/h.h5
[model]
name = bc6_bbn
[grid]
mass_min_GeV = 0.3
mass_max_GeV = 0.6
n_mass = 2
mass_spacing = log
coupling_min = 1e-10
coupling_max = 1e-7
n_coupling = 2
coupling_spacing = log
INI
if ! "$exe" run "$tmp/h.ini" > "$tmp/h.log" 2>&1; then echo "FAIL: bc6_bbn scan"; cat "$tmp/h.log"; fails=$((fails+1)); fi
/usr/bin/python3 - "$tmp/h.h5" <<'PY' || fails=$((fails+1))
import h5py, sys, numpy as np
with h5py.File(sys.argv[1], "r") as f:
    st = f["/status"][...]; tau = f["/quantities/tau_s"][...]; ex = f["/bounds/bbn/excluded"][...]
    td = f["/quantities/T_dec_GeV"][...]
    assert (st == 0).all(), st
    # |U|^2 = 1e-10: tau ~ 0.1-2 s, excluded; 1e-7: tau < 2e-3 s, standard BBN
    assert ex[:, 0].all() and not ex[:, 1].any(), (tau, ex)
    assert (td > 0).all(), td
    print("bc6_bbn scan ok: tau", tau.tolist())
PY
if ! /usr/bin/python3 "$src_dir/tools/plot_bbn_hnl.py" "$tmp/h.h5" -o "$tmp/h.png" > "$tmp/p.log" 2>&1 \
   || [ ! -s "$tmp/h.png" ]; then echo "FAIL: plot_bbn_hnl.py"; cat "$tmp/p.log"; fails=$((fails+1)); fi
# the attributes of the criterion (for plots) and the diagnostic figure (tools/plot_bbn_diagnostic.py)
/usr/bin/python3 - "$tmp/h.h5" <<'PY' || fails=$((fails+1))
import h5py, sys
with h5py.File(sys.argv[1], "r") as f:
    a = f["/bounds/bbn"].attrs
    assert abs(a["Yp_obs"] - 0.245) < 1e-12 and abs(a["D_H_obs"] - 2.547e-5) < 1e-15, dict(a)
    assert 0.24 < a["Yp_sbbn"] < 0.25 and 2.3e-5 < a["D_H_sbbn"] < 2.7e-5, dict(a)
PY
if ! /usr/bin/python3 "$src_dir/tools/plot_bbn_diagnostic.py" "$tmp/h.h5" -o "$tmp/d.png" > "$tmp/d.log" 2>&1 \
   || [ ! -s "$tmp/d.png" ] || [ ! -s "$tmp/d.pdf" ]; then echo "FAIL: plot_bbn_diagnostic.py"; cat "$tmp/d.log"; fails=$((fails+1)); fi
# the non-thermal neutrinos' keys are refused where they would be ignored (review 2026-12-07)
for args in "model=bc1 mass_GeV=0.05 coupling=1e-10 nu_cascade=off" \
            "model=generic mass_GeV=0.1 tau_s=1 mY_GeV=1e-9 nu_conversion=off" \
            "model=bc9 mass_GeV=0.1 coupling=1e-10 nu_oscillations=off"; do
  # shellcheck disable=SC2086
  msg=$("$exe" eval bbn-decay $args 2>&1); rc=$?
  key=$(sed -E 's/.* (nu_[a-z]+)=off/\1/' <<<"$args")
  if [ $rc -ne 2 ] || ! grep -q "$key is for model=bc6|bc7|bc8" <<<"$msg"; then
    echo "FAIL: eval bbn-decay $args -> $rc: $msg"; fails=$((fails+1)); fi
done
[ $fails -eq 0 ] && echo "all HNL BBN CLI checks passed"
exit $fails
