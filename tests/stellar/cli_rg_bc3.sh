#!/usr/bin/env bash
# The bc3_rg scan through the executable on a coarse grid: every point ok, /bounds/rg/edges at the first
# grid mass equals `fipbounds eval rg model=bc3` (relative 1e-9), at the last grid mass (1e-5 GeV, above the plasmon-decay
# threshold) equal to the eval Compton-like bound (issue 16, branch bc3stars),
# and the excluded mask agrees with eps > eps_max.
# Usage: cli_rg_bc3.sh FIPBOUNDS SOURCE_DIR
set -euo pipefail
exe=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
"$exe" run inputs/bc3_rg.ini --set run.output="$tmp/rg.h5" --set grid.n_mass=6 --set grid.n_coupling=8 \
  --set run.log_level=warning
e1=$("$exe" eval rg model=bc3 mass_GeV=1e-9 --json)
e2=$("$exe" eval rg model=bc3 mass_GeV=1e-5 --json)
/usr/bin/python3 - "$tmp/rg.h5" "$e1" "$e2" <<'PY'
import h5py, json, math, sys
with h5py.File(sys.argv[1], "r") as f:
    assert (f["/status"][...] == 0).all()
    e = f["/bounds/rg/edges"][...]
    ev = json.loads(sys.argv[2])
    assert abs(e[0, 0] / ev["mass_GeV"] - 1) < 1e-12, (e[0], ev)
    assert abs(e[0, 1] / ev["eps_max"] - 1) < 1e-9, (e[0], ev)
    ev2 = json.loads(sys.argv[3])  # 1e-5 GeV: above the plasmon threshold, the Compton-like bound
    assert abs(e[-1, 1] / ev2["eps_max"] - 1) < 1e-9 and ev2["eps_max_plasmon"] is None, (e[-1], ev2)
    x = f["/bounds/rg/excluded"][...]
    print("edges", e[:, 1], "excluded per mass", x.sum(axis=1))
    assert x[0].sum() > 0 and x[-1].sum() > 0 and x[0].sum() > x[-1].sum()
    # the range (issue 16): weak within nominal within strong, ratios 4.5/1.5 and 1.2/1.5 (TRGB mu_nu bounds)
    g = f["/bounds/rg"]
    nom, weak, strong = (g[k][...].astype(bool) for k in ("nominal", "weak", "strong"))
    assert (nom == x.astype(bool)).all() and (weak <= nom).all() and (nom <= strong).all()
    assert abs(g.attrs["coupling_ratio_weak"] / 3.0 - 1) < 1e-12 and abs(g.attrs["coupling_ratio_strong"] / 0.8 - 1) < 1e-12
# the summary figure draws the range from the edges (tools/summary_outline.py)
sys.path.insert(0, "tools")
import summary_outline
for which in ("weak", "strong"):
    o = summary_outline.outline(sys.argv[1], "rg", which)
    assert o is not None and o["method"] == "edges", (which, o and o["method"])
PY
echo "ok"
