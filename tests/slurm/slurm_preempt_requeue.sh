#!/usr/bin/env bash
# Preemption-safe restarts on a real Slurm (tests/slurm/harness.sh): jobs/scan-requeue.sbatch runs
# a 2-rank scan (with srun, then with mpirun); mid-scan the batch shell gets SIGUSR1 (scancel --signal=USR1 --batch, what
# --signal=B:USR1@120 sends before a time limit); the template forwards it, fipbounds writes its
# checkpoint and exits 3, the job requeues itself and resumes. Checks: the job ends COMPLETED after
# exactly one restart; the final file equals an uninterrupted run's; no point is computed twice or
# lost: the first start computed K1 points, the restart found exactly K1 done and computed the
# other N - K1.
set -euo pipefail
exe=$(readlink -f "$1"); src=$(cd "$2" && pwd)
. "$src/tests/slurm/harness.sh"
. "$src/tests/slurm/common.sh"
slurm_start
. "$src/tools/mpi-env.sh"
export FIPBOUNDS=$exe
cd "$SLURM_TMP/work"
n_mass=3000; n_coupling=1000; total=$((n_mass * n_coupling))
grid=(--set "grid.n_mass=$n_mass" --set "grid.n_coupling=$n_coupling" --set run.log_level=info)
mpirun -n 2 "$exe" run "$src/inputs/bc1_default.ini" -o ref.h5 "${grid[@]}" 2>ref.log
# BC1 points take ~30 ns: one-point chunks (one request per point, ~1 us each) stretch the run
# to several seconds so that the signal, sent as soon as the scan has started, lands mid-scan.
slow=(--set run.chunk_size=1)
run_case() {  # $1 = launcher of jobs/scan-requeue.sbatch (FB_LAUNCHER)
  local launcher=$1 out j log restarts n1 d1 n2 d2 k1 k2
  out=out-$launcher.h5
  j=$(FB_LAUNCHER=$launcher sbatch --parsable -n 2 "$src/jobs/scan-requeue.sbatch" "$src/inputs/bc1_default.ini" "$out" "${grid[@]}" "${slow[@]}")
  log=fipbounds-$j.log
  for _ in $(seq 1 1200); do
    grep -qs "to compute now" "$log" && break
    sleep 0.05
  done
  grep -qs "to compute now" "$log" || { echo "FAIL ($launcher): the scan did not start within 60 s"; cat "$log"; scontrol show job "$j"; exit 1; }
  scancel --signal=USR1 --batch "$j"
  slurm_wait "$j" 300 || { cat "$log"; exit 1; }
  slurm_expect_completed "$j" || { cat "$log"; exit 1; }
  cat "$log"
  restarts=$(scontrol show job "$j" | sed -n -e 's/.*Restarts=\([0-9]*\).*/\1/p')
  expect_eq "Slurm restart count" "$restarts" 1
  expect_eq "/code slurm_restart_count" "$(h5attr "$out" /code slurm_restart_count)" 1
  expect_eq "/code slurm_job_id" "$(h5attr "$out" /code slurm_job_id)" "$j"
  expect_eq "complete" "$(h5attr "$out" / complete)" 1
  grep -q "SIGUSR1, asking the ranks to checkpoint" "$log" || { echo "FAIL: the batch shell did not get SIGUSR1"; exit 1; }
  grep -q "requeueing to resume" "$log" || { echo "FAIL: the job did not requeue itself"; exit 1; }
  # the two starts: "N to compute now, D done before" and "this invocation computed K points"
  mapfile -t todo < <(sed -n -e 's/.*points, \([0-9]*\) to compute now, \([0-9]*\) done before.*/\1 \2/p' "$log")
  mapfile -t computed < <(sed -n -e 's/.*this invocation computed \([0-9]*\) points.*/\1/p' "$log")
  [ ${#todo[@]} -eq 2 ] && [ ${#computed[@]} -eq 2 ] || { echo "FAIL: expected 2 starts, got ${#todo[@]}/${#computed[@]}"; exit 1; }
  read -r n1 d1 <<<"${todo[0]}"; read -r n2 d2 <<<"${todo[1]}"
  k1=${computed[0]}; k2=${computed[1]}
  expect_eq "first start: points to compute" "$n1 $d1" "$total 0"
  [ "$k1" -gt 0 ] && [ "$k1" -lt "$total" ] || { echo "FAIL: the signal did not land mid-scan (K1 = $k1 of $total)"; exit 1; }
  expect_eq "restart: points found done (= computed by the first start, none lost)" "$d2" "$k1"
  expect_eq "restart: points to compute (none twice)" "$n2" "$((total - k1))"
  expect_eq "restart: points computed" "$k2" "$n2"
  compare_scan ref.h5 "$out" "requeued run" || exit 1
  echo "ok ($launcher): job $j signalled after $k1 of $total points, requeued once, resumed $k2 points; identical to the uninterrupted run"
}

run_case srun
run_case mpirun
