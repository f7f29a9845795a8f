#!/usr/bin/env bash
# Job array + dependent merge on a real Slurm (tests/slurm/harness.sh): tools/slurm-array-merge.sh
# submits jobs/scan-array.sbatch as a 3-task array (each task one slice of mass indices, 1 rank)
# and jobs/merge.sbatch with --dependency=afterok on it. Checks: every task and the merge complete;
# each slice file records its array job and task id and holds exactly its slice; the merge computes
# no point itself; the merged file equals a single-job run bit for bit; merging overlapping files
# is refused (exit 2).
set -euo pipefail
exe=$(readlink -f "$1"); src=$(cd "$2" && pwd)
. "$src/tests/slurm/harness.sh"
. "$src/tests/slurm/common.sh"
slurm_start
. "$src/tools/mpi-env.sh"
export FIPBOUNDS=$exe
cd "$SLURM_TMP/work"
n_mass=100; n_coupling=60; n=3
grid=(--set "grid.n_mass=$n_mass" --set "grid.n_coupling=$n_coupling" --set run.log_level=info)
"$exe" run "$src/inputs/bc1_default.ini" -o ref.h5 "${grid[@]}" 2>ref.log

read -r array merge < <("$src/tools/slurm-array-merge.sh" "$src/inputs/bc1_default.ini" out.h5 $n -n 1 -- "${grid[@]}")
slurm_wait "$merge" 240 || { cat ./*.log; exit 1; }
slurm_expect_completed "$array" || { cat ./*.log; exit 1; }
slurm_expect_completed "$merge" || { cat ./*.log; exit 1; }
for ((k = 0; k < n; k++)); do
  f=out.slice-$k-of-$n.h5
  expect_eq "slice $k: /code slurm_array_job_id" "$(h5attr "$f" /code slurm_array_job_id)" "$array"
  expect_eq "slice $k: /code slurm_array_task_id" "$(h5attr "$f" /code slurm_array_task_id)" "$k"
  # exactly the mass rows [k*n_mass/n, (k+1)*n_mass/n) are done
  /usr/bin/python3 - "$f" "$k" "$n" "$n_mass" <<'PY'
import sys, h5py, numpy as np
f, k, n, nm = sys.argv[1], *map(int, sys.argv[2:])
with h5py.File(f, "r") as h:
    done = (h["status"][:] != -1).all(axis=1)
    partial = ((h["status"][:] != -1).any(axis=1)) & ~done
lo, hi = k * nm // n, (k + 1) * nm // n
want = np.zeros(nm, bool); want[lo:hi] = True
assert not partial.any(), f"{f}: partially computed mass rows"
assert (done == want).all(), f"{f}: rows done {np.flatnonzero(done)[[0, -1]]}, expected {lo}..{hi - 1}"
PY
done
mlog=fipbounds-merge-$merge.log
grep -q "0 to compute now, $((n_mass * n_coupling)) done before" "$mlog" || { echo "FAIL: the merge computed points itself"; cat "$mlog"; exit 1; }
compare_scan ref.h5 out.h5 "merged array" || exit 1
expect_eq "merged: complete" "$(h5attr out.h5 / complete)" 1
# overlapping slices must be refused
set +e
"$exe" run "$src/inputs/bc1_default.ini" -o bad.h5 "${grid[@]}" --merge out.slice-0-of-$n.h5 --merge out.h5 2>bad.log
rc=$?
set -e
expect_eq "merge of overlapping files: exit status" "$rc" 2
grep -q "computed in both" bad.log || { echo "FAIL: no overlap message"; cat bad.log; exit 1; }
echo "ok: array job $array ($n slices) + merge job $merge: merged file identical to the single-job run"
