#!/usr/bin/env bash
# Issue 18 item 3: a full disk. On a small tmpfs (needs root to mount; skipped otherwise, exit 77):
#  - a --resume whose writes all fail exits 1 with a message naming the path and the cause, no
#    crash (the old code segfaulted in MPI_Finalize after a failed H5Fclose), the previous file
#    byte for byte unchanged and no temporary file left behind; the points it computed are written
#    beside (FB_RESCUE_DIR) and that file, moved over the output, resumes to the full result;
#  - a failed checkpoint does not stop the scan: the points stay in memory and the next write,
#    once space is free again, holds every point (equal to a run on a normal disk).
set -uo pipefail
exe=$1; src=$2
tmp=$(mktemp -d)
disk=$tmp/disk
mkdir -p "$disk"
cleanup() { umount "$disk" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
if ! mount -t tmpfs -o size=256k tmpfs "$disk" 2>/dev/null; then
  echo "SKIP: cannot mount a small tmpfs (needs root)"; exit 77
fi
. "$src/tools/mpi-env.sh"
input=$src/inputs/bc2_dirac_aD0p1.ini
opts=(--set grid.n_mass=30 --set grid.n_coupling=6 --set bc2.target_csv=none --set run.chunk_size=1 --set run.log_level=info)
"$exe" run "$input" -o "$tmp/ref.h5" "${opts[@]}" --set run.log_level=warning || { echo "FAIL: reference run"; exit 1; }

"$exe" run "$input" -o "$disk/out.h5" "${opts[@]}" --set run.max_points=40 2>/dev/null
rc=$?; [ $rc = 3 ] || { echo "FAIL: partial run exited $rc, expected 3"; exit 1; }
sum0=$(md5sum < "$disk/out.h5")
dd if=/dev/zero of="$disk/filler" bs=4k 2>/dev/null   # fills the disk (dd stops with ENOSPC)
mkdir -p "$tmp/rescue"
FB_RESCUE_DIR=$tmp/rescue "$exe" run "$input" -o "$disk/out.h5" "${opts[@]}" --resume 2>"$tmp/full.log"
rc=$?
[ $rc = 1 ] || { echo "FAIL: --resume on a full disk exited $rc, expected 1"; cat "$tmp/full.log"; exit 1; }
grep -q "error (FB_ERR_IO, rank 0): cannot write '$disk/out.h5' (write of [0-9]* bytes to '$disk/out.h5.tmp.[A-Za-z0-9]*' failed: No space left on device)" "$tmp/full.log" \
  || { echo "FAIL: message does not name the path and the cause"; cat "$tmp/full.log"; exit 1; }
[ "$(md5sum < "$disk/out.h5")" = "$sum0" ] || { echo "FAIL: the previous file changed"; exit 1; }
ls "$disk" | grep -q '\.tmp\.' && { echo "FAIL: temporary file left:"; ls -la "$disk"; exit 1; }
# the points computed by the failed run were written beside, to FB_RESCUE_DIR: moved over the
# output, --resume only post-processes them
rescue=$(ls "$tmp"/rescue/out.h5.rescue-*.h5 2>/dev/null | head -1)
[ -n "$rescue" ] && grep -q "the 180 points done are saved in $rescue" "$tmp/full.log" \
  || { echo "FAIL: no rescue file for the points computed on the full disk"; cat "$tmp/full.log"; exit 1; }
cp "$rescue" "$tmp/rescued.h5"
"$exe" run "$input" -o "$tmp/rescued.h5" "${opts[@]}" --resume 2>"$tmp/rescued.log" \
  || { echo "FAIL: --resume of the rescue file"; cat "$tmp/rescued.log"; exit 1; }
grep -q "0 to compute now, 180 done before" "$tmp/rescued.log" || { echo "FAIL: rescue file incomplete"; cat "$tmp/rescued.log"; exit 1; }
for obj in /status /quantities /targets /bounds; do
  h5diff -q "$tmp/ref.h5" "$tmp/rescued.h5" "$obj" "$obj" || { echo "FAIL: rescued $obj differs"; exit 1; }
done
FB_RESCUE_DIR=$disk mpirun -n 2 "$exe" run "$input" -o "$disk/out.h5" "${opts[@]}" --resume 2>"$tmp/full2.log" >/dev/null
rc=$?
[ $rc = 1 ] || { echo "FAIL: --resume on 2 ranks on a full disk exited $rc, expected 1"; cat "$tmp/full2.log"; exit 1; }
[ "$(md5sum < "$disk/out.h5")" = "$sum0" ] || { echo "FAIL: the previous file changed (2 ranks)"; exit 1; }
grep -q "could not be saved elsewhere either" "$tmp/full2.log" || { echo "FAIL: no message when the rescue fails too"; cat "$tmp/full2.log"; exit 1; }
echo "ok: full disk -> exit 1 (1 and 2 ranks), message names path and cause, previous file unchanged, nothing left behind; the points saved beside and resumed"

# the disk is full while the scan runs; space comes back before the final write
"$exe" run "$input" -o "$disk/out.h5" "${opts[@]}" --resume --set run.checkpoint_interval_s=0.05 2>"$tmp/retry.log" &
pid=$!
for _ in $(seq 1 1000); do grep -q "checkpoint failed" "$tmp/retry.log" && break; sleep 0.01; done
rm -f "$disk/filler"
wait $pid; rc=$?
[ $rc = 0 ] || { echo "FAIL: run with space freed mid-way exited $rc"; cat "$tmp/retry.log"; exit 1; }
grep -q "checkpoint failed, the scan goes on" "$tmp/retry.log" || grep -q "checkpoint before the post-processing failed" "$tmp/retry.log" \
  || { echo "FAIL: no failed checkpoint was seen (the disk was not full?)"; cat "$tmp/retry.log"; exit 1; }
for obj in /status /quantities /targets /bounds; do
  h5diff -q "$tmp/ref.h5" "$disk/out.h5" "$obj" "$obj" || { echo "FAIL: $obj differs from the run on a normal disk"; exit 1; }
done
echo "ok: checkpoints failed while the disk was full, the scan went on and the final file holds every point"
