#!/usr/bin/env bash
# Whole-program test of the relic interface: the eval modules relic, relic-target and wimp-swave
# (JSON keys, consistency between them, a bad value rejected with exit status 2) and a small bc2
# scan whose postprocess writes /targets/<spin>, /bounds/cmb_pann and the CSV, drawn by
# tools/plot_targets.py.
set -euo pipefail
exe=$1; src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$exe" eval relic-target model=bc2 spin=dirac mass_GeV=0.0371 --json > "$tmp/t.json"
y=$(/usr/bin/python3 -c "import json,sys; print(json.load(open('$tmp/t.json'))['y'])")
"$exe" eval relic model=bc2 spin=dirac mass_GeV=0.0371 y="$y" --json > "$tmp/r.json"
"$exe" eval wimp-swave mass_GeV=100 --json > "$tmp/w.json"
/usr/bin/python3 - "$tmp" <<'PY'
import json, sys
d = sys.argv[1]
t, r, w = (json.load(open(f"{d}/{n}.json")) for n in "trw")
# Omega h^2 at the target y must be 0.120 (root tolerance and ODE tolerance: 5e-4)
assert abs(r["omega_h2"] / 0.120 - 1) < 5e-4, r
assert 10 < r["x_freezeout"] < 30 and r["cmb_swave"] == "yes", r
assert 1.5e-26 < w["sigmav_cm3_s"] < 3e-26, w
print("eval ok: y =", t["y"], "Omega h^2 =", r["omega_h2"], "sigmav(100 GeV) =", w["sigmav_cm3_s"])
PY
# m_A' < m_chi: chi chi -> A'A' is open and s-wave for every spin (CMB-relevant); with alpha_D = 0.5
# it alone depletes chi, so relic-target reports that no y gives the target (FB_ERR_RANGE: status 2)
"$exe" eval relic model=bc2 spin=scalar mass_GeV=0.1 y=1e-10 ratio=0.5 --json > "$tmp/a.json"
/usr/bin/python3 - "$tmp/a.json" <<'PY'
import json, sys, math
a = json.load(open(sys.argv[1]))
# scalar a(r = 1/4) = sqrt(3/4) (8 - 2 + 3/16)/(7/4)^2 = 1.7497248 in units pi alpha_D^2/m^2
ref = math.pi * 0.5**2 / 0.1**2 * 1.7497248 * 1.16733e-17
assert a["cmb_swave"] == "yes" and abs(a["sigmav_cmb_cm3_s"] / ref - 1) < 1e-4, (a, ref)
assert a["omega_h2"] < 1e-6, a
print("A'A' ok: sigma v_CMB =", a["sigmav_cmb_cm3_s"], "Omega h^2 =", a["omega_h2"])
PY
if "$exe" eval relic-target model=bc2 spin=dirac mass_GeV=0.1 ratio=0.5 2>"$tmp/err"; then
  echo "FAIL: a thermal target where A'A' alone depletes chi"; exit 1
else
  test $? -eq 2
fi
grep -q "no thermal target" "$tmp/err"
if "$exe" eval relic model=bc2 spin=vector mass_GeV=0.1 y=1e-10 2>"$tmp/err"; then
  echo "FAIL: unknown spin accepted"; exit 1
else
  test $? -eq 2
fi
grep -q "allowed scalar|majorana|pseudodirac|dirac" "$tmp/err"
"$exe" run "$src/inputs/bc2_pseudodirac_aD0p1.ini" -o "$tmp/s.h5" --set grid.n_mass=6 --set grid.n_coupling=5 \
  --set run.log_level=warning --set bc2.target_csv="$tmp/line.csv"
/usr/bin/python3 - "$tmp" <<'PY'
import sys
import h5py, numpy as np
d = sys.argv[1]
with h5py.File(f"{d}/s.h5", "r") as f:
    g = f["targets/pseudodirac"]
    y, m = g["y"][:], g["mass_GeV"][:]
    assert len(y) == 6 and np.all(np.isfinite(y)) and np.all(np.diff(y) > 0), y
    assert g.attrs["alpha_D"] == 0.1 and g.attrs["ratio"] == 3.0 and g.attrs["delta"] == 0.1
    ex = f["bounds/cmb_pann/excluded"][:]
    assert ex.shape == (6, 5) and ex.sum() == 0  # pseudodirac: not s-wave at recombination
    om = f["quantities/omega_h2"][:]
    assert np.all(om[:, :-1] > om[:, 1:])  # Omega h^2 falls with y
csv = np.genfromtxt(f"{d}/line.csv", delimiter=",", names=True, skip_header=2)
assert np.allclose(csv["y"], y, rtol=1e-9)
print("scan ok: target y", y)
PY
/usr/bin/python3 "$src/tools/plot_targets.py" "$tmp/s.h5" --omega -o "$tmp/t.png"
test -s "$tmp/t.png"
echo "ok"
