#!/usr/bin/env bash
# The bc4 and bc5 scan models through the executable: inputs/bc4_default.ini on a reduced grid, the
# [bc4] keys reach the model (hadronic = switch changes c*tau inside the band only), BRs sum to 1 at
# every point, bc5 gives the same decays; tools/plot_br.py and tools/plot_scan.py draw non-trivial
# figures from the file.
set -euo pipefail
exe=$1; src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
common=(--set grid.n_mass=80 --set grid.n_coupling=12 --set run.log_level=warning)
"$exe" run "$src/inputs/bc4_default.ini" -o "$tmp/a.h5" "${common[@]}"
"$exe" run "$src/inputs/bc4_default.ini" -o "$tmp/b.h5" "${common[@]}" --set bc4.hadronic=switch
"$exe" run "$src/inputs/bc4_default.ini" -o "$tmp/c.h5" "${common[@]}" --set model.name=bc5
/usr/bin/python3 - "$tmp" <<'PY'
import sys
import h5py
import numpy as np
d = sys.argv[1]
with h5py.File(f"{d}/a.h5") as a, h5py.File(f"{d}/b.h5") as b, h5py.File(f"{d}/c.h5") as c:
    assert (a["status"][:] == 0).all(), "failed points"
    m = a["grid/mass"][:]
    br = sum(a[f"quantities/{k}"][:] for k in a["quantities"] if k.startswith("br_"))
    assert np.abs(br - 1).max() < 1e-12, np.abs(br - 1).max()
    ca, cb = a["quantities/ctau_m"][:], b["quantities/ctau_m"][:]
    inside = (m > 1.2) & (m < 2.45)
    outside = (m < 1.0) | (m > 2.5)
    assert np.array_equal(ca[outside], cb[outside])
    r = np.abs(ca[inside] / cb[inside] - 1)
    # with the coupled-channel form factors the exclusive and perturbative widths differ by 3-8 % here
    assert (r > 0.02).all() and r.max() > 0.05, ("hadronic = switch did not reach the model", m[inside], r)
    assert np.array_equal(ca, c["quantities/ctau_m"][:]), "bc5 decays differ from bc4"
    assert c.attrs["model"] in (b"bc5", "bc5")
print("scan ok: BRs sum to 1, [bc4] hadronic reaches the model, bc5 = bc4 decays")
PY
/usr/bin/python3 "$src/tools/plot_br.py" "$tmp/a.h5" -c 1e-8 -o "$tmp/br.png"
/usr/bin/python3 "$src/tools/plot_scan.py" "$tmp/a.h5" -q ctau_m -o "$tmp/ctau.png"
/usr/bin/python3 - "$tmp/br.png" "$tmp/ctau.png" <<'PY'
import sys
import matplotlib.image as mpimg
import numpy as np
for path, frac in ((sys.argv[1], 0.03), (sys.argv[2], 0.3)):
    img = mpimg.imread(path)
    h, w = img.shape[:2]
    assert w >= 800 and h >= 600, (path, w, h)
    rgb = img[..., :3]
    nonwhite = np.mean(np.any(rgb < 0.95, axis=-1))
    colours = len(np.unique((rgb * 255).astype(int).reshape(-1, 3), axis=0))
    assert nonwhite > frac and colours > 20, (path, nonwhite, colours)
    print(f"plot ok: {path.rsplit('/', 1)[1]} {w}x{h}, {nonwhite:.2f} non-background, {colours} colours")
PY
if /usr/bin/python3 "$src/tools/plot_br.py" "$tmp/a.h5" -c -1 -o "$tmp/x.png" 2>"$tmp/err"; then
  echo "FAIL: a negative coupling column was accepted"; exit 1
fi
grep -q "must be positive" "$tmp/err"
echo "ok: bad coupling rejected"
