#!/usr/bin/env bash
# The merge on the ../shared FORESEE dark-photon set (MIT, Kling & Trojanowski) into the BC1
# default output (inputs/bc1_default.ini: 400 x 240 points, m_A' = 1 MeV - 10 GeV, eps = 1e-10 - 1e-2):
# masks of the grid's shape, the union and the bit field agree, hand-checked grid points, a
# computed bound added under /bounds/<any name>/excluded is picked up by /combined without code
# changes, contour files are two-column, `run` with [limits] dir gives the same masks, and
# `plot` draws non-trivial PNG and PDF figures. Skips (exit 77) without ../shared.
set -euo pipefail
exe=$1; src=$2; shared=$3
dp="$shared/data/limits/foresee/DarkPhoton"
if [ ! -d "$dp" ]; then
  echo "SKIP: $dp is absent (reference data in ../shared)"; exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tools/mpi-env.sh" 2>/dev/null || true
"$exe" limits import foresee "$dp" -o "$tmp/lim" >/dev/null
test "$(ls "$tmp/lim"/*.limit | wc -l)" -eq 18
"$exe" run "$src/inputs/bc1_default.ini" -o "$tmp/bc1.h5" --set run.log_level=warning
# a computed bound with a name no code knows: a band eps in [1e-9, 1e-8] for m < 0.1 GeV
/usr/bin/python3 - "$tmp/bc1.h5" <<'PY'
import sys, h5py, numpy as np
with h5py.File(sys.argv[1], "r+") as f:
    m, e = f["grid/mass"][:], f["grid/coupling"][:]
    M, E = np.meshgrid(m, e, indexing="ij")
    mask = ((M < 0.1) & (E >= 1e-9) & (E <= 1e-8)).astype(np.uint8)
    d = f.create_dataset("bounds/zz_test_band/excluded", data=mask)
    d.attrs["units"] = ""; d.attrs["description"] = "test band"
PY
"$exe" merge "$tmp/bc1.h5" --limits "$tmp/lim" --contours "$tmp/contours" --quiet
/usr/bin/python3 - "$tmp/bc1.h5" "$tmp/contours" <<'PY'
import sys, glob, h5py, numpy as np
f = h5py.File(sys.argv[1], "r")
m, e = f["grid/mass"][:], f["grid/coupling"][:]
shape = (len(m), len(e))
assert shape == (400, 240), shape
names = [n.decode() for n in f["combined/source_names"][:]]
assert len(names) == 19 and names[-1] == "bounds.zz_test_band", names
bits = f["combined/excluded_by"][:]
assert bits.dtype == np.uint64 and bits.shape == shape
acc = np.zeros(shape, np.uint8)
for k, n in enumerate(names):
    mask = f["combined/masks/" + n][:]
    assert mask.shape == shape and mask.dtype == np.uint8, (n, mask.shape, mask.dtype)
    assert np.array_equal(((bits >> np.uint64(k)) & np.uint64(1)).astype(np.uint8), mask), n
    if n.startswith("limits."):
        acc |= mask
        g = f["limits/" + n[7:]]
        for key in ("experiment", "reference", "benchmark", "kind", "provenance", "licence", "cl_percent"):
            assert key in g.attrs, (n, key)
assert np.array_equal(acc, f["limits/accelerator_excluded"][:])
assert np.array_equal(f["combined/excluded"][:], (bits != 0).astype(np.uint8))
assert np.array_equal(f["combined/bounds_excluded"][:], f["bounds/zz_test_band/excluded"][:])
def at(mass, eps):
    i, j = np.argmin(abs(np.log(m / mass))), np.argmin(abs(np.log(e / eps)))
    return {n[7:] if n.startswith("limits.") else n for k, n in enumerate(names) if (int(bits[i, j]) >> k) & 1}
# Hand-checked against the polygons of ../shared FORESEE DarkPhoton/bounds_*.txt, interpolated in
# log-log between the two rows around the mass (docs/validation.md lists the rows):
checks = [
    ((0.01, 2e-10), set()),                                  # below every beam dump (E137 from 2.9e-8)
    ((0.01, 1e-7), {"E137"}),                                # E137 2.9e-8..4.1e-5; NuCal from 2.2e-7, CHARM 3.6e-7
    ((0.05, 1e-6), {"CHARM", "E137", "NA62ee", "NuCal"}),    # CHARM 1.6e-7..6.0e-6, E137 4.1e-8..6.7e-6,
                                                             # NA62ee 5.5e-7..3.2e-5, NuCal 1.0e-7..1.8e-5, Orsay from 1.6e-6
    ((1.0, 3e-5), set()),                                    # DD from 6.1e-5; BaBar from 9e-4 around 1 GeV
    ((5.0, 5e-3), {"BaBar", "DD", "LHCb1"}),                 # BaBar from 9.6e-4, DD 8.0e-5..1, LHCb1 from 1.3e-3
    ((0.3, 1e-9), set()),
    ((0.05, 5e-9), {"bounds.zz_test_band"}),                 # the computed bound only
]
for (mass, eps), want in checks:
    got = at(mass, eps)
    assert got == want, f"m = {mass} GeV, eps = {eps}: sources {sorted(got)}, expected {sorted(want)}"
# contours: two-column files readable by numpy, closed, inside the plane
files = sorted(glob.glob(sys.argv[2] + "/*.txt"))
assert len(files) >= 19, len(files)
for p in files:
    c = np.loadtxt(p)
    assert c.ndim == 2 and c.shape[1] == 2 and len(c) >= 4, p
    assert np.allclose(c[0], c[-1]), p
    assert c[:, 0].min() >= m[0] * (1 - 1e-12) and c[:, 0].max() <= m[-1] * (1 + 1e-12), p
print(f"merge ok: {shape}, {len(names)} sources, {int((bits != 0).sum())} points excluded, {len(files)} contour files")
PY
# run with [limits] dir merges by itself and gives the same masks
"$exe" run "$src/inputs/bc1_default.ini" -o "$tmp/run.h5" --set run.log_level=warning --set "limits.dir=$tmp/lim"
/usr/bin/python3 - "$tmp/bc1.h5" "$tmp/run.h5" <<'PY'
import sys, h5py, numpy as np
a, b = h5py.File(sys.argv[1], "r"), h5py.File(sys.argv[2], "r")
assert np.array_equal(a["limits/accelerator_excluded"][:], b["limits/accelerator_excluded"][:])
assert "bounds.zz_test_band" not in [n.decode() for n in b["combined/source_names"][:]]
print("run + [limits] dir ok")
PY
# the summary figure, PNG and PDF
"$exe" plot "$tmp/bc1.h5" -o "$tmp/fig.png"
"$exe" plot "$tmp/bc1.h5" -o "$tmp/fig.pdf"
/usr/bin/python3 - "$tmp/fig.png" "$tmp/fig.pdf" <<'PY'
import os, sys
import matplotlib.image as mpimg
import numpy as np
img = mpimg.imread(sys.argv[1])
h, w = img.shape[:2]
assert w >= 1200 and h >= 900, (w, h)
rgb = img[..., :3]
nonwhite = np.mean(np.any(rgb < 0.95, axis=-1))
colours = len(np.unique((rgb * 255).astype(int).reshape(-1, 3), axis=0))
assert nonwhite > 0.25, f"only {nonwhite:.2f} of the pixels are not background"
assert colours > 50, f"only {colours} colours"
pdf = open(sys.argv[2], "rb").read()
assert pdf.startswith(b"%PDF") and len(pdf) > 10000, len(pdf)
print(f"plot ok: {w}x{h}, {nonwhite:.2f} non-background, {colours} colours, PDF {len(pdf)} bytes")
PY
if "$exe" plot "$tmp/missing.h5" -o "$tmp/x.png" 2>"$tmp/err"; then echo "FAIL: plot of a missing file succeeded"; exit 1; fi
grep -q "does not exist" "$tmp/err"

# command-line errors: exit status 2 with a message naming the problem
expect_fail() { # expected-status expected-message command...
  local want=$1 msg=$2; shift 2
  set +e; "$@" >"$tmp/out" 2>"$tmp/err"; local st=$?; set -e
  if [ "$st" -ne "$want" ]; then echo "FAIL: '$*' exited with $st, expected $want"; cat "$tmp/err"; exit 1; fi
  if ! grep -q -- "$msg" "$tmp/err"; then echo "FAIL: '$*': no '$msg' in:"; cat "$tmp/err"; exit 1; fi
}
expect_fail 2 "format 'nosuch' is not known" "$exe" limits import nosuch "$dp" -o "$tmp/x"
expect_fail 2 "no output directory" "$exe" limits import foresee "$dp"
printf '0.01 1e-6\n0.02 oops\n0.03 1e-5\n' > "$tmp/bounds_Bad.txt"
mkdir -p "$tmp/DarkPhoton" && mv "$tmp/bounds_Bad.txt" "$tmp/DarkPhoton/"
expect_fail 2 "bounds_Bad.txt:2: non-numeric row" "$exe" limits import foresee "$tmp/DarkPhoton/bounds_Bad.txt" -o "$tmp/x"
# --keep-going: the good files are imported with exit 0, but not when every file failed
expect_fail 2 "not one of the 1 file(s) was imported" "$exe" limits import foresee "$tmp/DarkPhoton/bounds_Bad.txt" -o "$tmp/x" --keep-going
cp "$dp/bounds_E137.txt" "$tmp/DarkPhoton/"
"$exe" limits import foresee "$tmp/DarkPhoton" -o "$tmp/x" --keep-going >/dev/null 2>&1
test -s "$tmp/x/E137.limit"
expect_fail 2 "cannot open limits directory" "$exe" merge "$tmp/bc1.h5" --limits "$tmp/no_such_dir"
printf '1e-10 1e-10\n1e-2 1e-10\n1e-2 1e-5\n' > "$tmp/Helio.txt"
"$exe" limits import axionlimits "$tmp/Helio.txt" -o "$tmp/alp" >/dev/null
expect_fail 2 "--fill-to 0 must be a finite coupling > 0" "$exe" limits import axionlimits "$tmp/Helio.txt" -o "$tmp/x" --fill-to 0
"$exe" limits import axionlimits "$tmp/Helio.txt" -o "$tmp/alp_fill" --fill-to 1 >/dev/null
grep -q "closed through g_agamma = 1" "$tmp/alp_fill/Helio.limit"
expect_fail 2 "benchmark BC9 does not match the benchmark BC1 of '$tmp/bc1.h5'" "$exe" merge "$tmp/bc1.h5" --limits "$tmp/alp"
expect_fail 2 "\[limits\] dir = $tmp/alp_none cannot be merged" \
  "$exe" run "$src/inputs/bc1_default.ini" -o "$tmp/r3.h5" --set grid.n_mass=10 --set grid.n_coupling=10 --set "limits.dir=$tmp/alp_none"
# a limit of another benchmark is refused before the scan starts
expect_fail 2 "benchmark BC9 does not match the benchmark BC1 of the model" \
  "$exe" run "$src/inputs/bc1_default.ini" -o "$tmp/r4.h5" --set grid.n_mass=10 --set grid.n_coupling=10 --set "limits.dir=$tmp/alp"
test ! -e "$tmp/r4.h5"
# merging again replaces /limits and /combined
"$exe" merge "$tmp/bc1.h5" --limits "$tmp/lim" --quiet >/dev/null
/usr/bin/python3 -c "
import h5py, sys; f = h5py.File(sys.argv[1], 'r')
assert len(f['combined/source_names']) == 19 and f['limits'].attrs['n_limits'] == 18
print('second merge ok')" "$tmp/bc1.h5"
echo "ok"
