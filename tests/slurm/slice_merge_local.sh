#!/usr/bin/env bash
# Mass-index slices and --merge without Slurm (what jobs/scan-array.sbatch and jobs/merge.sbatch
# run): 3 slices on 1 and 2 ranks merge into a file identical to a single run; the merge computes
# nothing itself; overlapping inputs are refused (exit 2); a missing slice is computed by the
# merge run (exactly its points); bad slice keys are input errors (exit 2) naming the key.
set -euo pipefail
exe=$(readlink -f "$1"); src=$(cd "$2" && pwd)
. "$src/tests/slurm/common.sh"
. "$src/tools/mpi-env.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
in=$src/inputs/bc1_default.ini
grid=(--set grid.n_mass=50 --set grid.n_coupling=40 --set run.log_level=info)
total=2000
"$exe" run "$in" -o ref.h5 "${grid[@]}" 2>ref.log
for k in 0 1 2; do
  np=$((k % 2 + 1))  # slices on 1 and 2 ranks
  mpirun -n $np "$exe" run "$in" -o s$k.h5 "${grid[@]}" --set run.n_slices=3 --set run.slice_index=$k 2>s$k.log
  expect_eq "slice $k: complete flag (a slice file is not the whole grid)" "$(h5attr s$k.h5 / complete)" 0
done
"$exe" run "$in" -o merged.h5 "${grid[@]}" --merge s0.h5 --merge s1.h5 --merge s2.h5 2>merge.log
grep -q "0 to compute now, $total done before" merge.log || { echo "FAIL: the merge computed points"; cat merge.log; exit 1; }
compare_scan ref.h5 merged.h5 "3 slices merged"
# overlap
set +e
"$exe" run "$in" -o bad.h5 "${grid[@]}" --merge s0.h5 --merge s1.h5 --merge s1.h5 2>bad.log; rc=$?
set -e
expect_eq "overlapping merge: exit status" "$rc" 2
grep -q "computed in both 's1.h5' and 's1.h5'" bad.log || { echo "FAIL: overlap message"; cat bad.log; exit 1; }
[ ! -e bad.h5 ] || { echo "FAIL: a refused merge wrote its output"; exit 1; }
# a missing slice: the merge run computes exactly its points
"$exe" run "$in" -o partial.h5 "${grid[@]}" --merge s0.h5 --merge s2.h5 2>partial.log
n1=$(( (2 * 50 / 3 - 50 / 3) * 40 ))
grep -q "$n1 to compute now, $((total - n1)) done before" partial.log || { echo "FAIL: merge with a missing slice"; cat partial.log; exit 1; }
compare_scan ref.h5 partial.h5 "2 slices merged + 1 computed"
# bad slice keys
for bad in "run.n_slices=51:n_slices" "run.slice_index=3:slice_index"; do
  set +e
  "$exe" run "$in" -o x.h5 "${grid[@]}" --set run.n_slices=3 --set "${bad%%:*}" 2>x.log; rc=$?
  set -e
  expect_eq "--set ${bad%%:*}: exit status" "$rc" 2
  grep -q "${bad#*:}" x.log || { echo "FAIL: message does not name ${bad#*:}"; cat x.log; exit 1; }
done
echo "ok: 3 slices (1 and 2 ranks) merged identical to a single run; overlap refused; missing slice computed; bad keys rejected"
