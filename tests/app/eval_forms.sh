#!/usr/bin/env bash
# Every eval form the issues name (14: bbn-decay; 15: late-decay, cmb-decay; 16: sn1987a for each benchmark,
# rg model=bc10, hb, wd) runs and prints its named keys: one table row per form, "module args | keys",
# a key ending in '?' may be null (a closed band). The benchmark forms of late-decay, bbn-decay and cmb-decay
# are also checked against their scan points by eval_scan_points.sh.
# Usage: eval_forms.sh FIPBOUNDS
set -uo pipefail
exe=$1
read -r -d '' table <<'TABLE'
bbn | Yp Yp_mass_fraction D_H He3_H Li7_H Neff chi2
bbn-decay mass_GeV=1 tau_s=1 mY_GeV=1e-9 f_nu=0.5 n_pi_minus=1 n_pi_plus=1 | Yp D_H He3_H Li7_H Neff chi2 delta_chi2 excluded excluded_neff T_decay_MeV tau_s
bbn-decay mass_GeV=0.1 tau_s=100 n_over_ngamma=1e-3 T0_MeV=10 | Yp D_H chi2 delta_chi2 excluded mY_GeV
bbn-decay model=bc9 mass_GeV=0.05 coupling=1e-9 mY_GeV=1e-5 | Yp D_H chi2 delta_chi2 excluded tau_s f_em
bbn-decay model=bc4 mass_GeV=0.5 coupling=1e-16 | Yp D_H chi2 delta_chi2 excluded tau_s n_over_ngamma_T0 assumption
late-decay mass_GeV=0.01 tau_s=1e6 n_over_ngamma=1e-7 T0_MeV=10 br_photon=1 br_ee=0 | Yp D_H He3_H Li7_H He3_D Neff Neff_rec chi2 delta_chi2 excluded excluded_He3_D excluded_neff excluded_includes mu y drho_rho f_residual E_dep_rec_eV_per_H excluded_cmb
late-decay model=bc1 mass_GeV=0.5 coupling=1e-14 | Yp D_H He3_H Li7_H He3_D Neff_rec chi2 delta_chi2 excluded excluded_He3_D excluded_neff excluded_includes tau_s br_photon br_ee mY_GeV n_over_ngamma assumption mu y drho_rho f_residual E_dep_rec_eV_per_H excluded_cmb
cmb-decay mass_GeV=0.1 tau_s=1e8 mY_GeV=1e-10 | mu y R_aniso drho_rho f_residual E_dep_rec_eV_per_H excluded_mu excluded_y excluded_anisotropies excluded
cmb-decay mass_GeV=0.1 tau_s=1e8 n_over_ngamma=1e-9 T0_MeV=10 | mu y R_aniso excluded mY_GeV
cmb-decay model=bc11 mass_GeV=0.01 coupling=1e-9 | mu y R_aniso excluded tau_s f_em mY_GeV thermalised assumption
sn1987a model=bc1 mass_GeV=0.02 | coupling_low coupling_high eps_low eps_high
sn1987a model=bc3 mass_GeV=0.01 | coupling_low coupling_high eps_low eps_high
sn1987a model=bc4 mass_GeV=0.01 | coupling_low coupling_high sin2theta_low sin2theta_high
sn1987a model=bc5 mass_GeV=0.3 | coupling_low? coupling_high? sin2theta_low? sin2theta_high?
sn1987a model=bc6 mass_GeV=0.1 | coupling_low coupling_high U2_low U2_high
sn1987a model=bc7 mass_GeV=0.1 | coupling_low coupling_high U2_low U2_high
sn1987a model=bc8 mass_GeV=0.1 | coupling_low coupling_high U2_low U2_high
sn1987a model=bc9 mass_GeV=1e-4 | coupling_low coupling_high g_low_GeV g_high_GeV
sn1987a model=bc9 mass_GeV=0.3 | coupling_low? coupling_high? g_low_GeV? g_high_GeV?
sn1987a model=bc10 mass_GeV=0.01 | coupling_low coupling_high inv_fl_low_GeV inv_fl_high_GeV
sn1987a model=bc11 mass_GeV=0.01 | coupling_low coupling_high inv_fG_low_GeV inv_fG_high_GeV
rg model=bc10 mass_GeV=1e-6 | g_ae_max g_ae_max_weak g_ae_max_strong coupling_max inv_fl_max
rg model=bc3 mass_GeV=0 | eps_max coupling_max
hb model=bc9 mass_GeV=1e-5 | g_max_GeV coupling_max
hb model=bc11 mass_GeV=1e-5 | g_max_GeV inv_fG_max coupling_max
hb model=bc3 mass_GeV=0 | eps_max coupling_max
wd model=bc10 mass_GeV=1e-6 | g_ae_max coupling_max inv_fl_max
wd model=bc3 mass_GeV=0 | eps_max coupling_max
TABLE
fails=0
n=0
while IFS='|' read -r cmd keys; do
  n=$((n+1))
  # shellcheck disable=SC2086
  out=$("$exe" eval $cmd --json 2>&1 </dev/null) || { echo "FAIL: eval $cmd: $out"; fails=$((fails+1)); continue; }
  /usr/bin/python3 - "$out" "$keys" "$cmd" <<'PY' || fails=$((fails+1))
import json, numbers, sys
ev, keys, cmd = json.loads(sys.argv[1]), sys.argv[2].split(), sys.argv[3].strip()
bad = []
for k in keys:
    nullable = k.endswith("?")
    k = k.rstrip("?")
    if k not in ev:
        bad.append(k + " missing")
    elif ev[k] is None:
        if not nullable:
            bad.append(k + " null")
    elif not isinstance(ev[k], (numbers.Number, str)):
        bad.append(k + " neither number nor text")
assert not bad, ("eval " + cmd, bad)
print("ok: eval %s (%d keys)" % (cmd, len(keys)))
PY
done <<<"$table"
# inputs of the other form are refused with a message naming the key (exit 2)
read -r -d '' errors <<'TABLE'
late-decay model=bc1 mass_GeV=0.5 coupling=1e-14 tau_s=1e6 | tau_s
late-decay mass_GeV=0.01 n_over_ngamma=1e-7 | tau_s
late-decay mass_GeV=0.01 tau_s=1e6 n_over_ngamma=1e-7 T_RH_GeV=100 | T_RH_GeV
late-decay model=bc1 mass_GeV=0.5 coupling=1e-14 decay_window=acropolis | decay_window
cmb-decay mass_GeV=0.1 tau_s=1e8 mY_GeV=1e-10 abundance=thermal | abundance
cmb-decay model=bc1 mass_GeV=0.01 | coupling
bbn-decay model=bc6 mass_GeV=0.5 coupling=1e-9 production=off | production
bbn-decay model=bc1 mass_GeV=0.05 coupling=1e-10 T0_MeV=5 | T0_MeV
TABLE
while IFS='|' read -r cmd key; do
  n=$((n+1))
  key=${key// /}
  # shellcheck disable=SC2086
  msg=$("$exe" eval $cmd --json 2>&1 </dev/null); rc=$?
  if [ $rc -eq 2 ] && grep -q "$key" <<<"$msg"; then echo "ok: eval $cmd refused ($key)"
  else echo "FAIL: eval $cmd: exit $rc, message '$msg' should name $key"; fails=$((fails+1)); fi
done <<<"$errors"
echo "$n forms, $fails failed"
[ $fails -eq 0 ] && [ $n -ge 35 ]
