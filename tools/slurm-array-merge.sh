#!/usr/bin/env bash
# Submit a scan as a Slurm job array of N slices (jobs/scan-array.sbatch) and the dependent merge
# job (jobs/merge.sbatch) that assembles OUT.h5. Prints "ARRAY_JOB_ID MERGE_JOB_ID".
#   tools/slurm-array-merge.sh INPUT.ini OUT.h5 N [SBATCH_OPTIONS ...] [-- RUN_OPTIONS ...]
# SBATCH_OPTIONS (e.g. -A ACCOUNT -p PARTITION -n 16 -t 01:00:00) apply to the array tasks;
# the merge job gets the account and partition options only (-A/--account, -p/--partition,
# -q/--qos). RUN_OPTIONS go to fipbounds run in every task and in the merge.
set -euo pipefail
jobs_dir=$(cd "$(dirname "$0")/../jobs" && pwd)
input=${1:?usage: tools/slurm-array-merge.sh INPUT.ini OUT.h5 N [SBATCH_OPTIONS] [-- RUN_OPTIONS]}
output=${2:?usage}; n=${3:?usage}; shift 3
sb=(); shared=(); run=()
while [ $# -gt 0 ]; do
  case $1 in
    --) shift; run=("$@"); break ;;
    -A|--account|-p|--partition|-q|--qos) sb+=("$1" "$2"); shared+=("$1" "$2"); shift 2 ;;
    --account=*|--partition=*|--qos=*) sb+=("$1"); shared+=("$1"); shift ;;
    *) sb+=("$1"); shift ;;
  esac
done
array=$(sbatch --parsable "${sb[@]}" --array=0-$((n - 1)) "$jobs_dir/scan-array.sbatch" "$input" "$output" "${run[@]}")
array=${array%%;*}
merge=$(sbatch --parsable "${shared[@]}" --dependency=afterok:"$array" "$jobs_dir/merge.sbatch" "$input" "$output" "$n" "${run[@]}")
echo "$array ${merge%%;*}"
