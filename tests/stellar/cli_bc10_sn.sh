#!/usr/bin/env bash
# The shipped BC10/BC11 SN1987A inputs (inputs/bc10_sn1987a.ini, inputs/bc11_sn1987a.ini) through the executable on a
# coarse grid: /bounds/sn1987a/edges equal `fipbounds eval sn1987a model=bc10|bc11` at the grid masses (1e-6
# relative), the systematic masks nest (weak within nominal within strong), the excluded mask agrees with the
# edges; the pion-induced and muon switches ([sn1987a] alpn_pion_induced, alpn_muons) reach the scan as they reach
# eval, and a bad choice names its key. Usage: cli_bc10_sn.sh FIPBOUNDS SOURCE_DIR
set -uo pipefail
exe=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src" || exit 1
for b in 10 11; do
  if ! "$exe" run inputs/bc${b}_sn1987a.ini --set run.output="$tmp/bc$b.h5" --set grid.n_mass=4 \
       --set grid.mass_min_GeV=0.003 --set grid.mass_max_GeV=0.3 --set grid.n_coupling=12 \
       --set sn1987a.band_csv="$tmp/bc$b.csv" > "$tmp/bc$b.log" 2>&1; then
    echo "FAIL: run bc${b}_sn"; cat "$tmp/bc$b.log"; exit 1
  fi
  for m in 0.003 0.3; do
    "$exe" eval sn1987a model=bc$b mass_GeV=$m --json > "$tmp/eval_${b}_$m.json" || { echo "FAIL: eval bc$b $m"; exit 1; }
  done
done
/usr/bin/python3 - "$tmp" <<'PY'
import h5py, json, sys
import numpy as np
tmp = sys.argv[1]
for b in (10, 11):
    with h5py.File("%s/bc%d.h5" % (tmp, b), "r") as f:
        e = f["/bounds/sn1987a/edges"][...]
        nom, weak, strong = (f["/bounds/sn1987a/" + k][...].astype(bool) for k in ("nominal", "weak", "strong"))
        assert (weak <= nom).all() and (nom <= strong).all(), "bc%d: systematic masks do not nest" % b
        assert nom.any() and not nom.all(), "bc%d: nothing or everything excluded" % b
        assert strong.sum() > weak.sum(), "bc%d: the three profiles give the same band" % b
        c = f["/grid/coupling"][...]
        ex = f["/bounds/sn1987a/excluded"][...].astype(bool)
        for i, m in enumerate(f["/grid/mass"][...]):
            lo, hi = e[i, 1], e[i, 2]
            inside = (c > lo) & (c < hi) if np.isfinite(lo) else np.zeros_like(c, bool)
            assert (inside == ex[i]).all(), "bc%d: mask and edges disagree at m = %g" % (b, m)
        for m, row in ((0.003, 0), (0.3, -1)):
            d = json.load(open("%s/eval_%d_%g.json" % (tmp, b, m)))
            lo, hi = e[row, 1], e[row, 2]
            if d["coupling_low"] is None:
                assert not np.isfinite(lo), "bc%d: eval closed at %g but scan edge %g" % (b, m, lo)
            else:
                assert abs(lo / d["coupling_low"] - 1) < 1e-6 and abs(hi / d["coupling_high"] - 1) < 1e-6, \
                    "bc%d m = %g: scan (%g, %g) vs eval (%g, %g)" % (b, m, lo, hi, d["coupling_low"], d["coupling_high"])
        print("bc%d_sn: edges = eval, masks nest; excluded %d of %d (weak %d, strong %d)" %
              (b, nom.sum(), nom.size, weak.sum(), strong.sum()))
PY
# the switches of the pion-induced and muon emission: scan with --set equals eval with the same choice
if ! "$exe" run inputs/bc10_sn1987a.ini --set run.output="$tmp/off.h5" --set grid.n_mass=2 \
     --set grid.mass_min_GeV=0.003 --set grid.mass_max_GeV=0.1 --set grid.n_coupling=6 \
     --set sn1987a.alpn_pion_induced=off --set sn1987a.alpn_muons=false > "$tmp/off.log" 2>&1; then
  echo "FAIL: run bc10_sn with the pions and muons off"; cat "$tmp/off.log"; exit 1
fi
"$exe" eval sn1987a model=bc10 mass_GeV=0.003 pion_induced=off muons=off --json > "$tmp/off.json" || { echo "FAIL: eval off"; exit 1; }
"$exe" eval sn1987a model=bc10 mass_GeV=0.003 --json > "$tmp/on.json" || { echo "FAIL: eval on"; exit 1; }
if "$exe" eval sn1987a model=bc10 mass_GeV=0.003 pion_induced=maybe > "$tmp/bad.log" 2>&1; then
  echo "FAIL: eval accepted pion_induced=maybe"; exit 1
fi
if "$exe" run inputs/bc10_sn1987a.ini --set run.output="$tmp/bad.h5" --set sn1987a.alpn_pion_induced=maybe \
     > "$tmp/badrun.log" 2>&1; then
  echo "FAIL: run accepted alpn_pion_induced = maybe"; exit 1
fi
grep -q alpn_pion_induced "$tmp/badrun.log" || { echo "FAIL: bad alpn_pion_induced not named"; cat "$tmp/badrun.log"; exit 1; }
/usr/bin/python3 - "$tmp" <<'PY'
import h5py, json, sys
tmp = sys.argv[1]
with h5py.File(tmp + "/off.h5", "r") as f:
    e = f["/bounds/sn1987a/edges"][...]
off, on = (json.load(open("%s/%s.json" % (tmp, k))) for k in ("off", "on"))
assert abs(e[0, 1] / off["coupling_low"] - 1) < 1e-6, "scan off %g vs eval off %g" % (e[0, 1], off["coupling_low"])
assert off["L_f2_pion_induced_erg_s_GeV2"] == 0 and off["L_f2_muon_erg_s_GeV2"] == 0
assert on["L_f2_pion_induced_erg_s_GeV2"] > 0 and on["L_f2_muon_erg_s_GeV2"] > 0
assert on["coupling_low"] < off["coupling_low"], "pions and muons must strengthen the bound"
print("bc10_sn with pions and muons off: edge %.4e = eval; on: %.4e" % (e[0, 1], on["coupling_low"]))
PY
