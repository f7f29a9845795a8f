#!/usr/bin/env bash
# The low-entropy-core / hot-mantle profiles (docs/sn-profile.md 1c) through the executable: a bc9_sn scan with
# [sn1987a] profile_file = inputs/sn_profile_mantle.dat and profiles_systematic = mantle_cold, mantle_hot gives
# /bounds/sn1987a/edges equal to `eval sn1987a model=bc9 profile=mantle` at the grid masses (1e-6 relative), the
# masks nest, and the measured edges of docs/validation.md ("SN1987A with the low-entropy-core / hot-mantle
# profile") hold: at 0.2 GeV the band is closed with the parametric profile (profile=parametric) and open with the mantle one (the default)
# (g = 4.2e-9 - 2.9e-8 GeV^-1, 5%); BC1 at 0.1 GeV eps_high = 9.39e-9 (5%). An unknown profile name is refused.
# Usage: cli_sn_profile_mantle.sh FIPBOUNDS SOURCE_DIR
set -uo pipefail
exe=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src" || exit 1
if ! "$exe" run inputs/bc9_sn1987a.ini --set run.output="$tmp/m.h5" --set grid.n_mass=3 --set grid.mass_min_GeV=0.01 \
     --set grid.mass_max_GeV=0.2 --set grid.n_coupling=10 --set sn1987a.profile_file=inputs/sn_profile_mantle.dat \
     --set sn1987a.profiles_systematic=inputs/sn_profile_mantle_cold.dat,inputs/sn_profile_mantle_hot.dat > "$tmp/run.log" 2>&1; then
  echo "FAIL: run"; cat "$tmp/run.log"; exit 1
fi
"$exe" eval sn1987a model=bc9 mass_GeV=0.2 profile=parametric --json > "$tmp/d_0.2.json" || { echo "FAIL: eval parametric"; exit 1; }
"$exe" eval sn1987a model=bc1 mass_GeV=0.1 profile=mantle --json > "$tmp/bc1.json" || { echo "FAIL: eval bc1"; exit 1; }
if "$exe" eval sn1987a model=bc1 mass_GeV=0.1 profile=warm > "$tmp/bad.txt" 2>&1; then echo "FAIL: profile=warm accepted"; exit 1; fi
grep -q "profile" "$tmp/bad.txt" || { echo "FAIL: error does not name the key"; cat "$tmp/bad.txt"; exit 1; }
/usr/bin/python3 - "$tmp" "$exe" <<'PY'
import h5py, json, subprocess, sys
import numpy as np
tmp, exe = sys.argv[1], sys.argv[2]
with h5py.File(tmp + "/m.h5", "r") as f:
    e = f["/bounds/sn1987a/edges"][...]
    nom, weak, strong = (f["/bounds/sn1987a/" + k][...].astype(bool) for k in ("nominal", "weak", "strong"))
assert (weak <= nom).all() and (nom <= strong).all(), "systematic masks do not nest"
assert len(e) == 3, e
for row in e:
    out = subprocess.run([exe, "eval", "sn1987a", "model=bc9", "mass_GeV=%.17g" % row[0], "profile=mantle", "--json"],
                         capture_output=True, text=True, check=True).stdout
    j = json.loads(out)
    for k, key in ((1, "coupling_low"), (2, "coupling_high")):
        a, b = row[k], j[key]
        assert b is not None and abs(a / b - 1) < 1e-6, "mass %g %s: scan %r eval %r" % (row[0], key, a, b)
j = json.loads(subprocess.run([exe, "eval", "sn1987a", "model=bc9", "mass_GeV=0.2", "profile=mantle", "--json"],
                              capture_output=True, text=True, check=True).stdout)
assert abs(j["coupling_low"] / 4.156e-9 - 1) < 0.05 and abs(j["coupling_high"] / 2.944e-8 - 1) < 0.05, j
d = json.load(open(tmp + "/d_0.2.json"))
assert d["coupling_low"] is None and d["coupling_high"] is None, "parametric profile band open at 0.2 GeV: %r" % d
b = json.load(open(tmp + "/bc1.json"))
assert abs(b["eps_high"] / 9.387e-9 - 1) < 0.05, b
print("ok: scan = eval with profile=mantle; masks nest; 0.2 GeV open (mantle) / closed (parametric); bc1 eps_high")
PY
