#!/usr/bin/env bash
# Issue 18 items 1 and 3: a job always ends with exit 3 (resumable file) or 0 (complete file), also
# when the signal reaches mpirun itself and when it lands during the final post-processing and write.
# The mpirun template (jobs/scan-mpirun.sbatch, run here without Slurm) is started in its own
# process group and the whole group gets SIGTERM, as scancel or a time limit does: at a point of the
# computation, and right after the last point (during the post-processing of model bc2, which
# computes its target line then), and once the file is written. After exit 3, --resume must finish
# the file, equal to an uninterrupted run. FB_SIGNAL_TRIALS=N adds N trials at random moments (the fuzz label uses it).
set -euo pipefail
exe=$1; src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tools/mpi-env.sh"
# mpirun waits odls_base_sigkill_timeout in full after a SIGTERM: 3 s is enough for these points
export FIPBOUNDS=$exe FB_MPIRUN_ARGS="-n 2" FB_MPIRUN_SIGNAL_ARGS="--mca odls_base_sigkill_timeout 3"
opts=(--set grid.n_mass=30 --set grid.n_coupling=6 --set bc2.target_csv=none --set run.chunk_size=1
      --set run.checkpoint_interval_s=0.2)
input=$src/inputs/bc2_dirac_aD0p1.ini
"$exe" run "$input" -o "$tmp/ref.h5" "${opts[@]}" --set run.log_level=warning

# trial LABEL WHEN: WHEN = "final" (after the last point), or a delay in seconds
trial() {
  local label=$1 when=$2 out=$tmp/$1.h5 rc=0
  setsid bash "$src/jobs/scan-mpirun.sbatch" "$input" "$out" "${opts[@]}" --set run.log_level=debug \
    >"$tmp/$label.log" 2>&1 &
  local pid=$!
  if [ "$when" = final ] || [ "$when" = after ]; then
    # final: the last point is done (post-processing and final write follow); after: the file is
    # written and the ranks are finishing (a late signal must not kill them)
    local mark="progress 180/180"; [ "$when" = after ] && mark="done in"
    for _ in $(seq 1 1200); do
      grep -q "$mark" "$tmp/$label.log" && break; sleep 0.01; done
  else
    sleep "$when"
  fi
  kill -TERM -- "-$pid" 2>/dev/null || true  # every process of the job, as Slurm does
  wait "$pid" || rc=$?
  case $rc in
    0) ;;
    3) "$exe" run "$input" -o "$out" "${opts[@]}" --set run.log_level=warning --resume \
         || { echo "FAIL ($label): --resume exited $?"; cat "$tmp/$label.log"; exit 1; } ;;
    *) echo "FAIL ($label): the job exited $rc, expected 0 or 3"; cat "$tmp/$label.log"; exit 1 ;;
  esac
  for obj in /status /status_messages /quantities /targets /bounds; do
    h5diff -q "$tmp/ref.h5" "$out" "$obj" "$obj" || { echo "FAIL ($label): $obj differs"; exit 1; }
  done
  /usr/bin/python3 -c "import h5py,sys; assert int(h5py.File(sys.argv[1]).attrs['complete'])==1" "$out"
  [ -z "$(ls "$tmp" | grep '\.tmp\.')" ] || { echo "FAIL ($label): temporary files left"; ls "$tmp"; exit 1; }
  echo "ok ($label, signal at $when): job exit $rc, final file identical to the uninterrupted run"
}
trial compute 1.2
trial final final
trial after after
for k in $(seq 1 "${FB_SIGNAL_TRIALS:-0}"); do
  trial "random$k" "$(/usr/bin/python3 -c "import random; random.seed($k); print(round(random.uniform(0.2, 5.0), 2))")"
done
