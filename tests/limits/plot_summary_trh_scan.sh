#!/usr/bin/env bash
# The reheating dependence end to end on real scans (issue 14 item 1; tools/summary_outline.py trh_sensitive,
# src/bbn/fb_model_bbn_fip.c, src/cmb/fb_model_cmb_fip.c, eval bbn-decay / cmb-decay):
#  - a 2 x 2 bc9_bbn scan (m_a = 20, 100 MeV; g = 1e-11, 3.16e-9 GeV^-1: UV-dominated Primakoff freeze-in at
#    g = 1e-11, thermalised at 20 MeV / 3.16e-9) and a 2 x 2 bc9_cmb freeze-in scan: the figure tool's
#    T_RH-sensitive mask equals excluded & |abundance_TRH_change| > 0.1 recomputed from the scan's quantities,
#    its count equals the scan's attribute n_excluded_TRH_sensitive, and both kinds of excluded points occur
#    (sensitive and not) on the BBN plane, so the comparison cannot pass vacuously;
#  - eval cmb-decay model=bc9: abundance_TRH_change (a by-product of the freeze-in integral) equals
#    mY(T_RH = 100) / mY(T_RH = 1000) - 1 of two evaluations to 1e-3, and T_RH_sensitive = 1;
#  - eval bbn-decay model=bc9 at 20 MeV, g = 1e-10: T_RH_sensitive = 1 with abundance_TRH_change = the ratio of
#    two evaluations' mY to 1e-2 (n/n_gamma at T0 versus m Y: the same ratio to the hand-over's precision).
# Usage: plot_summary_trh_scan.sh FIPBOUNDS SOURCE_DIR      (~15 s)
set -uo pipefail
exe=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tools/mpi-env.sh"
grid=(--set grid.n_mass=2 --set grid.mass_min_GeV=0.02 --set grid.mass_max_GeV=0.1 --set grid.n_coupling=2
      --set grid.coupling_min=1e-11 --set grid.coupling_max=3.16e-9 --set run.log_level=warning --overwrite)
"$exe" run "$src/inputs/bc9_bbn.ini" -o "$tmp/bbn.h5" "${grid[@]}" || { echo "FAIL: bc9_bbn scan"; exit 1; }
"$exe" run "$src/inputs/bc9_cmb_freezein.ini" -o "$tmp/cmb.h5" "${grid[@]}" --set grid.coupling_min=1e-16 \
  --set grid.coupling_max=1e-14 || { echo "FAIL: bc9_cmb scan"; exit 1; }
ev() { # family key=value... -> "mY change sensitive"
  "$exe" eval "$@" --json 2>/dev/null | /usr/bin/python3 -c '
import json, sys
t = sys.stdin.read(); d = json.loads(t[t.index("{"):t.rindex("}") + 1])
g = lambda k: d[k]["value"] if isinstance(d.get(k), dict) else d.get(k)
print(g("mY_GeV"), g("abundance_TRH_change"), g("T_RH_sensitive"))'
}
cmb_hi=$(ev cmb-decay model=bc9 mass_GeV=0.5 coupling=1e-14 T_RH_GeV=1000)
cmb_lo=$(ev cmb-decay model=bc9 mass_GeV=0.5 coupling=1e-14 T_RH_GeV=100)
bbn_hi=$(ev bbn-decay model=bc9 mass_GeV=0.02 coupling=1e-10 T_RH_GeV=1000)
bbn_lo=$(ev bbn-decay model=bc9 mass_GeV=0.02 coupling=1e-10 T_RH_GeV=100)
/usr/bin/python3 - "$src" "$tmp" "$cmb_hi" "$cmb_lo" "$bbn_hi" "$bbn_lo" <<'EOF'
import os, sys
import h5py
import numpy as np
src, tmp = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(src, "tools"))
import summary_outline
fails = []
def check(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        fails.append(what)
for path, names, need_mix in (("bbn.h5", ("bbn", "neff"), True),
                              ("cmb.h5", ("cmb_mu", "cmb_y", "cmb_anisotropies"), False)):
    p = os.path.join(tmp, path)
    with h5py.File(p, "r") as f:
        chg = f["quantities/abundance_TRH_change"][:]
        ok = f["status"][:] == 0
        for name in names:
            g = f["bounds/" + name]
            ex = (g["excluded"][:] != 0) & ok
            want = ex & (np.abs(chg) > 0.1)
            r = summary_outline.trh_sensitive(p, name)
            check(r is not None and r["mask"] is not None and np.array_equal(r["mask"], want),
                  f"{path} {name}: the tool's T_RH-sensitive mask = excluded & |abundance_TRH_change| > 0.1 "
                  f"({want.astype(int).tolist()})")
            check(r is not None and r["n_sensitive"] == int(g.attrs["n_excluded_TRH_sensitive"]) == int(want.sum())
                  and float(g.attrs["T_RH_GeV"]) == 1000.0, f"{path} {name}: count and T_RH as the attributes")
            if need_mix and name == "bbn":
                check(want.any() and (ex & ~want).any(), f"{path} {name}: sensitive and insensitive excluded points")
            if not need_mix and name == "cmb_anisotropies":
                check(want.any(), f"{path} {name}: the bc9 freeze-in band depends on T_RH")
(mh, ch, sh), (ml, cl, sl) = [[float(x) for x in a.split()] for a in sys.argv[3:5]]
check(abs(ch - (ml / mh - 1.0)) < 1e-3 and sh == 1.0,
      f"cmb-decay bc9 0.5 GeV: abundance_TRH_change {ch:.6f} vs mY ratio - 1 {ml / mh - 1.0:.6f}, T_RH_sensitive {sh:g}")
(mh, ch, sh), (ml, cl, sl) = [[float(x) for x in a.split()] for a in sys.argv[5:7]]
check(abs(ch - (ml / mh - 1.0)) < 1e-2 and sh == 1.0,
      f"bbn-decay bc9 20 MeV: abundance_TRH_change {ch:.6f} vs mY ratio - 1 {ml / mh - 1.0:.6f}, T_RH_sensitive {sh:g}")
if fails:
    print(f"{len(fails)} check(s) failed")
    sys.exit(1)
print("plot_summary_trh_scan: all checks passed")
EOF
