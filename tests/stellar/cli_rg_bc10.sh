#!/usr/bin/env bash
# The bc10_rg, bc10_wd and bc11_hb scans through the executable on coarse grids: every point ok, the edges
# equal `fipbounds eval rg|wd|hb` at a grid mass (relative 1e-9), the masks agree with the edges, and
# strong contains nominal contains weak.
# Usage: cli_rg_bc10.sh FIPBOUNDS SOURCE_DIR
set -euo pipefail
exe=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
for m in bc10_rg bc10_wd bc11_hb; do
  "$exe" run inputs/$m.ini --set run.output="$tmp/$m.h5" --set grid.n_mass=7 --set grid.n_coupling=9 \
    --set run.log_level=warning
done
erg=$("$exe" eval rg model=bc10 mass_GeV=1e-6 --json)
ewd=$("$exe" eval wd model=bc10 mass_GeV=1e-7 --json)
ehb=$("$exe" eval hb model=bc11 mass_GeV=1e-6 --json)
/usr/bin/python3 - "$tmp" "$erg" "$ewd" "$ehb" <<'PY'
import h5py, json, math, sys
import numpy as np
tmp = sys.argv[1]
for model, group, ev in (("bc10_rg", "rg", sys.argv[2]), ("bc10_wd", "wd", sys.argv[3]), ("bc11_hb", "hb", sys.argv[4])):
    ev = json.loads(ev)
    with h5py.File(f"{tmp}/{model}.h5", "r") as f:
        assert (f["/status"][...] == 0).all(), model
        e = f[f"/bounds/{group}/edges"][...]
        assert abs(e[0, 0] / ev["mass_GeV"] - 1) < 1e-12, (model, e[0], ev)
        assert abs(e[0, 1] / ev["coupling_max"] - 1) < 1e-9, (model, e[0], ev)
        c = f["/grid/coupling"][...]
        nom, weak, strong = (f[f"/bounds/{group}/{k}"][...].astype(bool) for k in ("nominal", "weak", "strong"))
        assert (nom == f[f"/bounds/{group}/excluded"][...].astype(bool)).all()
        assert (weak <= nom).all() and (nom <= strong).all(), model
        for i in range(e.shape[0]):
            if math.isfinite(e[i, 1]):
                # coupling grid points clearly above / below the edge are excluded / allowed
                assert nom[i][c > 1.001 * e[i, 1]].all() and not nom[i][c < 0.999 * e[i, 1]].any(), (model, i)
        print(model, "edges", e[:, 1], "excluded per mass", nom.sum(axis=1))
        assert nom[0].sum() > 0
PY
echo "ok"
