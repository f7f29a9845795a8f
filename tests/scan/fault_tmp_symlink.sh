#!/usr/bin/env bash
# Issue 18 item 4: a planted symbolic link at the old temporary name (OUT.h5.tmp) or any other name
# beside the output is never followed: checkpoints, the final write and --resume create their
# temporary file exclusively (mkstemp) and leave the link's target untouched and no temporary behind.
set -euo pipefail
exe=$1; src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tools/mpi-env.sh"
cd "$tmp"
printf 'precious\n' > victim
ln -s victim out.h5.tmp
ln -s victim out.h5.tmp.XXXXXX
common=(--set grid.n_mass=6 --set grid.n_coupling=5 --set run.log_level=warning)
# interrupted by max_points (checkpoint), then resumed (final write), on 2 ranks
"$exe" run "$src/inputs/bc1_default.ini" -o out.h5 "${common[@]}" --set run.max_points=7 && rc=0 || rc=$?
[ "$rc" = 3 ] || { echo "FAIL: partial run exit $rc, expected 3"; exit 1; }
mpirun -n 2 "$exe" run "$src/inputs/bc1_default.ini" -o out.h5 "${common[@]}" --resume
[ "$(cat victim)" = precious ] || { echo "FAIL: the link target was written"; exit 1; }
[ -L out.h5.tmp ] && [ -L out.h5.tmp.XXXXXX ] || { echo "FAIL: a planted link was replaced"; exit 1; }
left=$(find . -name 'out.h5.tmp.*' ! -name 'out.h5.tmp.XXXXXX' | wc -l)
[ "$left" = 0 ] || { echo "FAIL: $left temporary file(s) left behind"; ls -la; exit 1; }
# the output is a regular, complete file; the link is not the output
[ -f out.h5 ] && [ ! -L out.h5 ] || { echo "FAIL: out.h5 is not a regular file"; exit 1; }
/usr/bin/python3 - out.h5 <<'PY'
import sys, h5py
with h5py.File(sys.argv[1], "r") as f:
    assert int(f.attrs["complete"]) == 1, "not complete"
    st = f["status"][:]
    assert (st >= 0).all() and (st == 0).sum() >= 24, st
print("planted links untouched; output complete")
PY
