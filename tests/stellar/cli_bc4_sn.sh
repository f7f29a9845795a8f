#!/usr/bin/env bash
# The shipped BC4 input (inputs/bc4_sn1987a.ini) and its BC5 twin through the executable on a coarse grid:
# /bounds/sn1987a/edges equal `fipbounds eval sn1987a model=bc4` at the grid masses (1e-6 relative), the
# bc5_sn file equals the bc4_sn one, the systematic masks nest (weak within nominal within strong) and the
# excluded mask agrees with the edges. Usage: cli_bc4_sn.sh FIPBOUNDS SOURCE_DIR
set -uo pipefail
exe=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src" || exit 1
for model in bc4_sn bc5_sn; do
  if ! "$exe" run inputs/bc4_sn1987a.ini --set model.name=$model --set run.output="$tmp/$model.h5" \
       --set grid.n_mass=5 --set grid.mass_min_GeV=0.003 --set grid.mass_max_GeV=0.3 --set grid.n_coupling=12 \
       --set sn1987a.band_csv="$tmp/$model.csv" > "$tmp/$model.log" 2>&1; then
    echo "FAIL: run $model"; cat "$tmp/$model.log"; exit 1
  fi
done
for m in 0.003 0.3; do
  "$exe" eval sn1987a model=bc4 mass_GeV=$m --json > "$tmp/eval_$m.json" || { echo "FAIL: eval $m"; exit 1; }
done
/usr/bin/python3 - "$tmp" <<'PY'
import h5py, json, sys
import numpy as np
tmp = sys.argv[1]
with h5py.File(tmp + "/bc4_sn.h5", "r") as f, h5py.File(tmp + "/bc5_sn.h5", "r") as g:
    e = f["/bounds/sn1987a/edges"][...]
    assert np.array_equal(e, g["/bounds/sn1987a/edges"][...], equal_nan=True), "bc5_sn edges differ from bc4_sn"
    nom, weak, strong = (f["/bounds/sn1987a/" + k][...].astype(bool) for k in ("nominal", "weak", "strong"))
    assert (weak <= nom).all() and (nom <= strong).all(), "systematic masks do not nest"
    assert nom.any() and not nom.all(), "nothing or everything excluded"
    c = f["/grid/coupling"][...]
    ex = f["/bounds/sn1987a/excluded"][...].astype(bool)
    for i, m in enumerate(f["/grid/mass"][...]):
        lo, hi = e[i, 1], e[i, 2]
        inside = (c > lo) & (c < hi) if np.isfinite(lo) else np.zeros_like(c, bool)
        assert (inside == ex[i]).all(), "mask and edges disagree at m = %g" % m
    for m, row in ((0.003, 0), (0.3, -1)):
        d = json.load(open("%s/eval_%g.json" % (tmp, m)))
        lo, hi = e[row, 1], e[row, 2]
        if d["coupling_low"] is None:
            assert not np.isfinite(lo), "eval closed at %g but scan edge %g" % (m, lo)
        else:
            assert abs(lo / d["coupling_low"] - 1) < 1e-6 and abs(hi / d["coupling_high"] - 1) < 1e-6, \
                "m = %g: scan (%g, %g) vs eval (%g, %g)" % (m, lo, hi, d["coupling_low"], d["coupling_high"])
    print("bc4_sn / bc5_sn: edges = eval, bc5 = bc4, masks nest; excluded", int(nom.sum()), "of", nom.size)
PY
