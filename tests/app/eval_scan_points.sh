#!/usr/bin/env bash
# `fipbounds eval <module> model=bcN mass_GeV= coupling=` gives the numbers of the scan point of the
# benchmark's plane (issues 14, 15: the eval runs the scan model itself, src/app/eval_scan_point.c):
# for each benchmark of a family, a one-point scan (n_mass = n_coupling = 1) and the eval at the same
# (mass, coupling) must agree on every shared quantity to 1e-10 relative (the JSON prints 15 significant
# digits), and the eval must carry the keys the issues name.
# Usage: eval_scan_points.sh FIPBOUNDS late-decay|bbn-decay|cmb-decay [bcN ...] (default: every benchmark of the family)
set -uo pipefail
exe=$1
family=$2
shift 2
only=" $* "
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# benchmark | mass_GeV | coupling: points with an effect (tau 1e4-1e7 s for photodisintegration, BBN-era
# lifetimes for bbn-decay (bc5: tau < 1e-3 s, standard BBN), CMB-era for cmb-decay) where the abundance
# comes from the model
case $family in
  late-decay) suffix=photodis
    points="bc1:0.5:1e-14 bc4:0.01:1e-16 bc6:0.1:1e-10 bc7:0.1:1e-10 bc8:0.1:1e-10 bc9:0.05:1e-12 bc11:0.05:1e-9"
    shared="tau_s br_photon br_ee br_not_cascaded f_em_cascaded f_not_cascaded nX_over_s mY_GeV Yp_mass_fraction D_H He3_H Li7_H He3_D delta_chi2 tau_range rhoX_over_rhorad_max Yp chi2 Neff_rec"
    keys="Yp D_H He3_H Li7_H He3_D Neff_rec chi2 delta_chi2 excluded excluded_He3_D excluded_neff excluded_includes tau_s br_photon br_ee mY_GeV n_over_ngamma T0_MeV T_RH_GeV assumption f_residual E_dep_rec_eV_per_H" ;;
  bbn-decay) suffix=bbn
    points="bc1:0.05:1e-10 bc4:0.5:1e-16 bc5:0.5:1e-9 bc6:0.5:1e-9 bc7:0.5:1e-9 bc8:0.5:1e-9 bc9:0.05:1e-9 bc10:0.5:1e-10 bc11:0.5:3e-9"
    shared="tau_s n_over_ngamma_T0 mY_GeV abundance_TRH_change Yp_mass_fraction D_H He3_H Li7_H Neff eta_bbn_over_eta_cmb delta_chi2 flag_photodisintegration flag_hadrodissociation f_other flag_inverse_decays_after_T0 T_handover_MeV p_mean_T0_MeV"
    keys="Yp D_H He3_H Li7_H Neff chi2 delta_chi2 excluded excluded_neff tau_s mY_GeV n_over_ngamma_T0 T_RH_GeV assumption" ;;
  cmb-decay) suffix=cmb
    points="bc1:0.01:1e-15 bc4:0.01:1e-18 bc9:0.01:1e-12 bc11:0.01:1e-9"
    shared="tau_s f_em mY_GeV mu y R_aniso thermalised low_energy_injection"
    keys="mu y R_aniso drho_rho f_residual E_dep_rec_eV_per_H excluded_mu excluded_y excluded_anisotropies excluded tau_s f_em mY_GeV assumption" ;;
  *) echo "unknown family $family"; exit 2 ;;
esac
fails=0
ran=0
for b in $only; do  # every requested benchmark must be in the table
  [[ " $points " == *" $b:"* ]] || { echo "FAIL: no $family point for $b"; fails=$((fails+1)); }
done
for p in $points; do
  IFS=: read -r bc m c <<<"$p"
  [ "$only" = "  " ] || [[ "$only" == *" $bc "* ]] || continue
  ran=$((ran+1))
  cat >"$tmp/in.ini" <<INI
[run]
output = $tmp/$bc.h5
log_level = warning
[model]
name = ${bc}_$suffix
[grid]
mass_min_GeV = $m
mass_max_GeV = $m
n_mass = 1
coupling_min = $c
coupling_max = $c
n_coupling = 1
INI
  "$exe" run "$tmp/in.ini" >"$tmp/run.log" 2>&1 || { echo "FAIL: scan ${bc}_$suffix"; cat "$tmp/run.log"; fails=$((fails+1)); continue; }
  ev=$("$exe" eval "$family" model="$bc" mass_GeV="$m" coupling="$c" --json) \
    || { echo "FAIL: eval $family model=$bc"; fails=$((fails+1)); continue; }
  /usr/bin/python3 - "$tmp/$bc.h5" "$ev" "$shared" "$keys" "$bc" "$family" <<'PY' || fails=$((fails+1))
import h5py, json, math, sys
path, ev, shared, keys, bc, family = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3].split(), sys.argv[4].split(), sys.argv[5], sys.argv[6]
missing = [k for k in keys if k not in ev]
assert not missing, (bc, "keys missing", missing)
worst = 0.0
with h5py.File(path, "r") as f:
    assert f["/status"][0, 0] == 0, (bc, "scan point failed")
    for k in shared:
        s, e = float(f["/quantities/" + k][0, 0]), ev[k]
        e = math.nan if e is None else float(e)
        if math.isnan(s) and math.isnan(e):
            continue
        rel = abs(e - s) / max(abs(s), 1e-300) if s != 0 else abs(e)
        assert rel <= 1e-10, (bc, k, "eval", e, "scan", s, "relative", rel)
        worst = max(worst, rel)
    # the verdicts equal the scan's masks under /bounds
    masks = {"late-decay": {"excluded": "photodisintegration"},
             "bbn-decay": {"excluded": "bbn", "excluded_neff": "neff"},
             "cmb-decay": {"excluded_mu": "cmb_mu", "excluded_y": "cmb_y", "excluded_anisotropies": "cmb_anisotropies"}}[family]
    for k, g in masks.items():
        assert int(f["/bounds/%s/excluded" % g][0, 0]) == int(ev[k]), (bc, k, ev[k], "mask /bounds/%s" % g)
    if family == "cmb-decay":
        a = f["/bounds/cmb_mu"].attrs["abundance"]
        assert (a.decode() if isinstance(a, bytes) else str(a)) == ev["assumption"], (bc, "assumption")
print("%s model=%s: %d quantities equal the scan point (worst relative %.1e), tau_s = %.4g s, excluded = %s"
      % (family, bc, len(shared), worst, ev["tau_s"], ev["excluded"]))
PY
done
echo "$ran points, $fails failed"
[ $fails -eq 0 ] && [ $ran -gt 0 ]
