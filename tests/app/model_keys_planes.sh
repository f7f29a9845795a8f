#!/usr/bin/env bash
# The particle model's keys reach every plane of its benchmark (review of session 6, finding 1: only the
# BBN planes read them, bc4_photodis / bc4_cmb / bc4_sn silently used the defaults). One point
# (m_S = 0.5 GeV, sin^2 theta = 1e-14) of bc4, bc4_bbn, bc4_photodis, bc4_cmb and bc4_sn with [bc4]
# light_hadrons = dispersive and = chiral_lo: tau_s must be the same on every plane for one choice and
# differ between the choices (chiral_lo: no pi pi final-state interaction, c*tau x1.8-x18 longer at
# 0.3-1 GeV, docs/validation.md); the SN1987A luminosity (decays inside the star) must differ too.
set -uo pipefail
exe=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
for m in bc4 bc4_bbn bc4_photodis bc4_cmb bc4_sn; do
  for lh in dispersive chiral_lo; do
    cat > "$tmp/$m-$lh.ini" <<INI
[run]
output = $tmp/$m-$lh.h5
[model]
name = $m
[grid]
mass_min_GeV = 0.5
mass_max_GeV = 0.5
n_mass = 1
coupling_min = 1e-14
coupling_max = 1e-14
n_coupling = 1
[bc4]
light_hadrons = $lh
INI
    if ! "$exe" run "$tmp/$m-$lh.ini" > "$tmp/$m-$lh.log" 2>&1; then
      echo "FAIL: $m with light_hadrons = $lh"; cat "$tmp/$m-$lh.log"; fails=$((fails+1))
    fi
  done
done
/usr/bin/python3 - "$tmp" <<'PY' || fails=$((fails+1))
import h5py, sys
t = sys.argv[1]
def q(m, lh, name):
    with h5py.File(f"{t}/{m}-{lh}.h5", "r") as f:
        assert (f["/status"][...] == 0).all(), (m, lh, f["/status"][...])
        return float(f["/quantities/" + name][...].ravel()[0])
planes = ["bc4", "bc4_bbn", "bc4_photodis", "bc4_cmb"]
tau = {lh: [q(m, lh, "tau_s") for m in planes] for lh in ("dispersive", "chiral_lo")}
for lh, v in tau.items():
    assert max(v) / min(v) - 1 < 1e-10, (lh, dict(zip(planes, v)))
r = tau["chiral_lo"][0] / tau["dispersive"][0]
assert r > 1.8, ("chiral_lo should give a longer lifetime", tau)
L = [q("bc4_sn", lh, "sn_luminosity_erg_s") for lh in ("dispersive", "chiral_lo")]
assert L[0] > 0 and abs(L[1] / L[0] - 1) > 0.05, ("bc4_sn ignores [bc4] light_hadrons", L)
print("tau_s on every bc4 plane:", tau, "ratio", r, "; bc4_sn L:", L)
PY
[ $fails -eq 0 ] && echo "model_keys_planes: ok" || { echo "model_keys_planes: $fails failure(s)"; exit 1; }
