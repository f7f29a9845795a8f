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
[ $fails -eq 0 ] && echo "all bbn CLI checks passed"
exit $fails
