#!/usr/bin/env bash
# jobs/scan.sbatch (srun) and jobs/scan-mpirun.sbatch (mpirun) on a real single-node Slurm
# (tests/slurm/harness.sh): each runs a 2-rank scan; the jobs must complete, record the Slurm job
# id, node list and MPI size 2 in /code (2 means srun/mpirun started one 2-rank MPI job, not two
# singletons), and write the same datasets as a 2-rank mpirun outside Slurm.
set -euo pipefail
exe=$(readlink -f "$1"); src=$(cd "$2" && pwd)
. "$src/tests/slurm/harness.sh"
. "$src/tests/slurm/common.sh"
slurm_start
. "$src/tools/mpi-env.sh"
export FIPBOUNDS=$exe
cd "$SLURM_TMP/work"
grid=(--set grid.n_mass=120 --set grid.n_coupling=80 --set run.log_level=info)
mpirun -n 2 "$exe" run "$src/inputs/bc1_default.ini" -o ref.h5 "${grid[@]}" 2>ref.log

j_srun=$(sbatch --parsable -n 2 "$src/jobs/scan.sbatch" "$src/inputs/bc1_default.ini" srun.h5 "${grid[@]}")
j_mpirun=$(sbatch --parsable -n 2 "$src/jobs/scan-mpirun.sbatch" "$src/inputs/bc1_default.ini" mpirun.h5 "${grid[@]}")
for j in "$j_srun" "$j_mpirun"; do
  slurm_wait "$j" 120 || { cat fipbounds-"$j".log; exit 1; }
  slurm_expect_completed "$j" || { cat fipbounds-"$j".log; exit 1; }
done
for case in "srun:$j_srun" "mpirun:$j_mpirun"; do
  name=${case%%:*}; j=${case#*:}
  compare_scan ref.h5 "$name.h5" "$name template" || { cat fipbounds-"$j".log; exit 1; }
  expect_eq "$name: /code slurm_job_id" "$(h5attr "$name.h5" /code slurm_job_id)" "$j"
  expect_eq "$name: /code slurm_nodelist" "$(h5attr "$name.h5" /code slurm_nodelist)" "$SLURM_NODE"
  expect_eq "$name: /code mpi_size" "$(h5attr "$name.h5" /code mpi_size)" 2
  expect_eq "$name: complete" "$(h5attr "$name.h5" / complete)" 1
  grep -q "this invocation computed 9600 points" fipbounds-"$j".log || { echo "FAIL ($name): no point count in the log"; cat fipbounds-"$j".log; exit 1; }
  echo "ok ($name template): job $j on $SLURM_NODE, 2 ranks, identical to the 2-rank run outside Slurm"
done
