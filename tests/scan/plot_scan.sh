#!/usr/bin/env bash
# tools/plot_scan.py turns a scan file into a PNG that is not blank: right size, a good fraction
# of non-background pixels, and an error (non-zero exit) for a quantity the file does not have.
set -euo pipefail
exe=$1; src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$exe" run "$src/inputs/bc1_default.ini" -o "$tmp/s.h5" --set grid.n_mass=60 --set grid.n_coupling=40 \
  --set run.log_level=warning
/usr/bin/python3 "$src/tools/plot_scan.py" "$tmp/s.h5" -q ctau_m -o "$tmp/ctau.png"
/usr/bin/python3 - "$tmp/ctau.png" <<'PY'
import sys
import matplotlib.image as mpimg
import numpy as np
img = mpimg.imread(sys.argv[1])
h, w = img.shape[:2]
assert w >= 800 and h >= 600, (w, h)
rgb = img[..., :3]
nonwhite = np.mean(np.any(rgb < 0.95, axis=-1))
colours = len(np.unique((rgb * 255).astype(int).reshape(-1, 3), axis=0))
assert nonwhite > 0.3, f"only {nonwhite:.2f} of the pixels are not background"
assert colours > 50, f"only {colours} colours"
print(f"plot ok: {w}x{h}, {nonwhite:.2f} non-background, {colours} colours")
PY
if /usr/bin/python3 "$src/tools/plot_scan.py" "$tmp/s.h5" -q no_such_quantity -o "$tmp/x.png" 2>"$tmp/err"; then
  echo "FAIL: plotting a missing quantity succeeded"; exit 1
fi
grep -q "no quantity 'no_such_quantity'" "$tmp/err"
echo "ok: missing quantity rejected"
