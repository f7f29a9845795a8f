#!/usr/bin/env bash
# Review fix (issue 15): the benchmark photodisintegration planes count each decay once. The abundance
# of bc1_photodis is Y(T0) at T0 = m/25 (its Boltzmann equation already has the decays before T0); the
# cascade stage decays n_X/s "before decay" from t = 0, so the plane must pass Y(T0) exp(+t(T0)/tau).
# Check: `eval late-decay model=bc1` at m = 5 MeV, tau ~ 2e3 s (T0 = 0.2 MeV, t(T0) ~ 33 s: a 1.5 %
# effect) equals the generic scan model photodis_decay (same e+e- line, mY_GeV given) with
# mY = m Y(T0) exp(t(T0)/tau), t(T0) = 1/(2H) in the radiation era after e+e- annihilation, computed
# here independently (closed form; g_rho = 2 + 7/4 N_eff (4/11)^(4/3), N_eff = 3.044; the matter term,
# ~1e-5 of rho at 0.2 MeV, changes t by < 1e-5 and the exponent by < 1e-7). rho_X/rho_rad is linear in
# the abundance: relative 1e-6 (before the fix: off by exp(-t(T0)/tau) = 0.985); D/H: relative 1e-9.
# Usage: photodis_decay_once.sh FIPBOUNDS SOURCE_DIR
set -euo pipefail
exe=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
e=$("$exe" eval late-decay model=bc1 mass_GeV=0.005 coupling=5e-12 --json)
read -r tau mY < <(/usr/bin/python3 - "$e" <<'PY'
import json, math, sys
e = json.loads(sys.argv[1])
assert e["tau_range"] == 0 and abs(e["T0_MeV"] - 0.2) < 1e-12 and e["br_ee"] == 1.0, e
g = 2.0 + 1.75 * 3.044 * (4.0 / 11.0) ** (4.0 / 3.0)
T = 0.2e-3  # GeV
H = math.sqrt(math.pi ** 2 / 30.0 * g * T ** 4 / 3.0) / 2.435323e18  # GeV
t0 = 0.5 / H * 6.582119569e-25
print(repr(e["tau_s"]), repr(e["mY_GeV"] * math.exp(t0 / e["tau_s"])))
PY
)
"$exe" run inputs/photodis_decay.ini --set run.output="$tmp/g.h5" --set grid.n_mass=1 --set grid.mass_min_GeV=0.005 \
  --set grid.mass_max_GeV=0.005 --set grid.n_coupling=1 --set grid.coupling_min="$tau" --set grid.coupling_max="$tau" \
  --set photodis_decay.mY_GeV="$mY" --set photodis_decay.br_photon=0 --set photodis_decay.br_ee=1 --set run.log_level=warning
/usr/bin/python3 - "$tmp" "$e" <<'PY'
import h5py, json, sys
tmp, e = sys.argv[1], json.loads(sys.argv[2])
with h5py.File(tmp + "/g.h5", "r") as f:
    assert (f["/status"][...] == 0).all()
    r = f["/quantities/rhoX_over_rhorad_max"][0, 0]
    dh = f["/quantities/D_H"][0, 0]
print("rhoX/rhorad max: bc1 plane", e["rhoX_over_rhorad_max"], "generic (before-decay abundance)", r,
      "ratio", e["rhoX_over_rhorad_max"] / r)
print("D/H: bc1 plane", e["D_H"], "generic", dh, "sbbn", e.get("D_H_sbbn"))
assert r > 0 and abs(e["rhoX_over_rhorad_max"] / r - 1) < 1e-6, "decays before T0 counted twice?"
assert abs(e["D_H"] / dh - 1) < 1e-9
PY
echo "ok"
