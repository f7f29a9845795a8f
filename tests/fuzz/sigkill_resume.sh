#!/usr/bin/env bash
# Issue 18 interruption trials with SIGKILL (no checkpoint can be written at the moment of death):
# a 2-rank bc2 scan (about 10 s) checkpoints every 0.5 s; at a random moment either one rank or the
# whole mpirun process group gets SIGKILL. The last checkpoint must be a valid file from which
# `--resume` completes the run, and the result must equal an uninterrupted run (h5diff on
# /quantities and /status). Usage: sigkill_resume.sh EXE SOURCE_DIR [TRIALS] (seeded by FB_SEED).
set -u
exe=$1 src=$2 trials=${3:-4}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
RANDOM=${FB_SEED:-18}
common=(--set grid.n_mass=60 --set grid.n_coupling=40 --set run.log_level=warning --set run.checkpoint_interval_s=0.5
        --set bc2.target_csv=none)
in=$src/inputs/bc2_dirac_aD0p5.ini
mpirun -n 2 "$exe" run "$in" -o ref.h5 "${common[@]}" || { echo "FAIL: reference run"; exit 1; }
fails=0
for ((t = 1; t <= trials; t++)); do
  rm -f k.h5 k.h5.tmp*
  delay=$(awk -v r=$RANDOM 'BEGIN {printf "%.2f", 1.5 + 5.0 * r / 32767}')
  setsid mpirun -n 2 "$exe" run "$in" -o k.h5 "${common[@]}" > log 2>&1 &
  pid=$!
  sleep "$delay"
  if (( t % 2 )); then
    victim=$(pgrep -f "$exe run $in -o k.h5" | head -1)
    what="SIGKILL to one rank ($victim)"
    [ -n "$victim" ] && kill -KILL "$victim"
  else
    what="SIGKILL to the whole mpirun process group"
    kill -KILL -- -"$pid" 2>/dev/null
  fi
  wait "$pid" 2>/dev/null
  sleep 0.5
  pkill -KILL -f "$exe run $in -o k.h5" 2>/dev/null
  if [ ! -f k.h5 ]; then
    # killed before the first checkpoint: nothing to resume, the run starts again
    echo "trial $t ($what at ${delay} s): no checkpoint yet"
    mpirun -n 2 "$exe" run "$in" -o k.h5 "${common[@]}" || { echo "FAIL: trial $t rerun"; fails=$((fails + 1)); continue; }
  else
    mpirun -n 2 "$exe" run "$in" -o k.h5 --resume "${common[@]}" ||
      { echo "FAIL: trial $t ($what at ${delay} s): resume failed"; fails=$((fails + 1)); continue; }
  fi
  if h5diff -d 0 k.h5 ref.h5 /quantities /quantities >/dev/null && h5diff k.h5 ref.h5 /status /status >/dev/null; then
    echo "ok: trial $t ($what at ${delay} s): resumed run identical to the uninterrupted one"
  else
    echo "FAIL: trial $t ($what at ${delay} s): resumed run differs"; fails=$((fails + 1))
  fi
  ls k.h5.tmp* 2>/dev/null && echo "note: a temporary file was left by the killed run (never read)"
done
echo "$((trials - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
