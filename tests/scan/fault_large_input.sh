#!/usr/bin/env bash
# Issue 18 item 2: an input file over 64 KiB (here about 100 KiB of comments) is stored verbatim in
# /input/text (a dataset: an HDF5 attribute holds at most 64 KiB) and the run succeeds with exit 0.
set -euo pipefail
exe=$1; src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
{ cat "$src/inputs/bc1_default.ini"
  for i in $(seq 1 1500); do printf '; padding comment %05d: an input file far larger than one HDF5 attribute.....\n' "$i"; done
} > big.ini
size=$(stat -c %s big.ini)
[ "$size" -gt 102400 ] || { echo "FAIL: test input only $size bytes"; exit 1; }
"$exe" run big.ini -o big.h5 --set grid.n_mass=4 --set grid.n_coupling=3 --set run.log_level=warning
/usr/bin/python3 - big.h5 big.ini <<'PY'
import sys, h5py
with h5py.File(sys.argv[1], "r") as f:
    text = f["input/text"][()]
    assert text == open(sys.argv[2], "rb").read(), "input text not stored verbatim"
    assert int(f.attrs["complete"]) == 1
    assert "grid.n_mass=4" in f["input/overrides"][()].decode()
print(f"{len(text)}-byte input stored verbatim")
PY
