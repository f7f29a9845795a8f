#!/usr/bin/env bash
# Checkpoint/restart with a real signal: a 2-rank run is sent SIGUSR1 (which mpirun and srun
# forward to the ranks) after its first checkpoint; it must exit with status 3 leaving a resumable
# file; `--resume` computes exactly the missing points; the final file equals an uninterrupted
# run's bit for bit. Then the same with SIGTERM sent
# to a single rank started without mpirun (as Slurm signals each task).
set -euo pipefail
exe=$1; src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tools/mpi-env.sh"
# A grid large enough that, with a checkpoint after every poll, the run lasts seconds.
grid=(--set grid.n_mass=2000 --set grid.n_coupling=1000 --set run.log_level=info --set run.progress_interval_s=100)

mpirun -n 2 "$exe" run "$src/inputs/bc1_default.ini" -o "$tmp/ref.h5" "${grid[@]}" 2>"$tmp/ref.log"

check_interrupted_and_resume() {  # $1 = label, $2 = file, $3 = number of ranks
  local file=$2 np=$3
  /usr/bin/python3 - "$file" > "$tmp/n_done" <<'PY'
import sys, h5py
with h5py.File(sys.argv[1], "r") as f:
    st = f["status"][:]
    done = int((st != -1).sum())
    assert int(f.attrs["complete"]) == 0, "file claims to be complete"
    assert 0 < done < st.size, f"{done} of {st.size} done: the signal did not land mid-run"
    assert int(f.attrs["n_done"]) == done
print(done)
PY
  local n_done; n_done=$(cat "$tmp/n_done")
  mpirun -n "$np" "$exe" run "$src/inputs/bc1_default.ini" -o "$file" "${grid[@]}" --resume 2>"$tmp/resume.log"
  # the resumed run computes exactly the points that were missing
  local total=$((2000 * 1000))
  grep -q "$((total - n_done)) to compute now, $n_done done before" "$tmp/resume.log" || {
    echo "FAIL ($1): resume did not compute exactly the missing points"; cat "$tmp/resume.log"; exit 1; }
  for obj in /status /status_messages /quantities; do
    h5diff -q "$tmp/ref.h5" "$file" "$obj" "$obj" || { echo "FAIL ($1): $obj differs from the uninterrupted run"; exit 1; }
  done
  echo "ok ($1): interrupted after $n_done of $total points, resumed, identical to the uninterrupted run"
}

run_and_signal() {  # $1 = signal, $2 = output file, $3 = number of ranks
  local sig=$1 file=$2 np=$3 pid rc launcher=(mpirun -n "$3")
  # SIGTERM is what Slurm sends to every task at a time limit or scancel; mpirun itself treats
  # SIGTERM as "abort the job", so that case signals a single rank started without mpirun.
  [ "$np" -eq 1 ] && launcher=()
  "${launcher[@]}" "$exe" run "$src/inputs/bc1_default.ini" -o "$file" "${grid[@]}" \
    --set run.checkpoint_interval_s=0.01 2>"$file.log" &
  pid=$!
  for _ in $(seq 1 600); do [ -e "$file" ] && break; sleep 0.05; done
  kill -s "$sig" "$pid"
  set +e; wait "$pid"; rc=$?; set -e
  if [ "$rc" -ne 3 ]; then echo "FAIL: run signalled with $sig exited $rc, expected 3"; cat "$file.log"; exit 1; fi
  grep -q "signal" "$file.log" || { echo "FAIL: no signal message"; cat "$file.log"; exit 1; }
}

run_and_signal USR1 "$tmp/usr1.h5" 2
check_interrupted_and_resume "SIGUSR1, 2 ranks" "$tmp/usr1.h5" 2
run_and_signal TERM "$tmp/term.h5" 1
check_interrupted_and_resume "SIGTERM, 1 rank" "$tmp/term.h5" 1
