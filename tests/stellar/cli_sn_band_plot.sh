#!/usr/bin/env bash
# The shipped band inputs through the executable on a coarse grid (BC1, BC9 and BC4 SN1987A, BC9 HB),
# then tools/plot_sn_band.py on each file: the excluded mask is non-empty, the edges lie inside the
# grid, and the plot is a non-empty PNG. Usage: cli_sn_band_plot.sh FIPBOUNDS SOURCE_DIR
set -uo pipefail
exe=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
cd "$src" || exit 1
for input in bc1_sn1987a bc9_sn1987a bc4_sn1987a bc9_hb; do
  # every file the run writes goes to $tmp (the band CSV into a directory the run must create)
  extra=()
  case $input in *sn1987a) extra=(--set sn1987a.band_csv="$tmp/csv/$input/band.csv");; esac
  if ! "$exe" run "inputs/$input.ini" --set run.output="$tmp/$input.h5" --set grid.n_mass=8 \
       --set grid.n_coupling=10 "${extra[@]}" > "$tmp/$input.log" 2>&1; then
    echo "FAIL: run $input"; cat "$tmp/$input.log"; fails=$((fails+1)); continue
  fi
  case $input in *sn1987a)
    if [ "$(grep -cv '^#' "$tmp/csv/$input/band.csv" 2>/dev/null)" -lt 2 ]; then
      echo "FAIL: $input band CSV missing or empty"; fails=$((fails+1)); fi;;
  esac
  /usr/bin/python3 - "$tmp/$input.h5" <<'PY' || fails=$((fails+1))
import h5py, sys
import numpy as np
with h5py.File(sys.argv[1], "r") as f:
    name = "hb" if "/bounds/hb" in f else "sn1987a"
    ex = f["/bounds/%s/excluded" % name][...]
    st = f["/status"][...]
    assert (st == 0).all(), st
    assert ex.any(), "nothing excluded in %s" % sys.argv[1]
    assert not ex.all(), "everything excluded in %s" % sys.argv[1]
    print(sys.argv[1], name, "excluded", int(ex.sum()), "of", ex.size)
PY
  if ! /usr/bin/python3 tools/plot_sn_band.py "$tmp/$input.h5" -o "$tmp/$input.png" > "$tmp/plot.log" 2>&1 \
     || [ ! -s "$tmp/$input.png" ]; then echo "FAIL: plot $input"; cat "$tmp/plot.log"; fails=$((fails+1)); fi
done
[ $fails -eq 0 ] && echo "all band scans and plots ok"
exit $fails
