#!/usr/bin/env bash
# Issue 18 item 1 on a real Slurm: `scancel` (SIGTERM to every process of the job, then SIGKILL after
# KillWait) of a running 2-rank job from jobs/scan.sbatch (srun) and jobs/scan-mpirun.sbatch (mpirun)
# leaves a resumable output file; --resume outside Slurm then completes it, identical to an
# uninterrupted run (points, bc2's target line and CMB mask).
set -euo pipefail
exe=$(readlink -f "$1"); src=$(cd "$2" && pwd)
. "$src/tests/slurm/harness.sh"
. "$src/tests/slurm/common.sh"
slurm_start
. "$src/tools/mpi-env.sh"
export FIPBOUNDS=$exe
cd "$SLURM_TMP/work"
input=$src/inputs/bc2_dirac_aD0p1.ini
opts=(--set grid.n_mass=60 --set grid.n_coupling=6 --set bc2.target_csv=none --set run.chunk_size=1
      --set run.log_level=info)
"$exe" run "$input" -o ref.h5 "${opts[@]}" --set run.log_level=warning
for tmpl in scan scan-mpirun; do
  j=$(sbatch --parsable -n 2 "$src/jobs/$tmpl.sbatch" "$input" "$tmpl.h5" "${opts[@]}" --set run.checkpoint_interval_s=0.2)
  for _ in $(seq 1 600); do [ -e "$tmpl.h5" ] && break; sleep 0.1; done
  [ -e "$tmpl.h5" ] || { echo "FAIL ($tmpl): no checkpoint within 60 s"; cat "fipbounds-$j.log"; exit 1; }
  scancel "$j"
  slurm_wait "$j" 120 || { cat "fipbounds-$j.log"; exit 1; }
  state=$(slurm_job_state "$j")
  mpirun -n 2 "$exe" run "$input" -o "$tmpl.h5" "${opts[@]}" --resume 2>"$tmpl.resume.log" \
    || { echo "FAIL ($tmpl): --resume after scancel exited $?"; cat "fipbounds-$j.log" "$tmpl.resume.log"; exit 1; }
  compare_scan ref.h5 "$tmpl.h5" "$tmpl after scancel" || exit 1
  for obj in /targets /bounds; do
    h5diff -q ref.h5 "$tmpl.h5" "$obj" "$obj" || { echo "FAIL ($tmpl): $obj differs"; exit 1; }
  done
  echo "ok ($tmpl template): job $j cancelled ($state), $(grep -o '[0-9]* to compute now, [0-9]* done before' "$tmpl.resume.log"), resumed file identical to the uninterrupted run"
done
