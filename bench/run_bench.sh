#!/usr/bin/env bash
# Scan-driver benchmark: throughput on 1 and 2 ranks, parallel efficiency, per-rank busy time,
# driver overhead per point, checkpoint (full file write) cost, and the coordinator's request rate
# under oversubscription (many ranks on few cores, one-point chunks).
# Usage: bench/run_bench.sh [BUILD_DIR] [--quick]   (default build/; build it first with tools/build.sh)
# Each configuration is repeated 5 times (3 with --quick); the median is reported
# (docs/performance.md, docs/scaling-model.md).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}; build=$(cd "$build" && pwd)
reps=5; [ "${2:-}" = --quick ] && reps=3
. "$src/tools/mpi-env.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
# 1. strong scaling on 1 and 2 ranks: bc1 (cheap points: driver overhead) and the benchmark model
#    `work` whose cost per point varies 16x with the mass (load balance), with fixed chunks of 16
#    points and with guided self-scheduling ([run] chunk_schedule = guided, at least 16 points)
for model in bc1:400:240:fixed work:400:200:fixed work:400:200:guided; do
  IFS=: read -r name nm nc sched <<<"$model"
  for np in 1 2; do
    mpirun -n "$np" --bind-to none "$build/bench/bench_scan" "$name" "$nm" "$nc" "$reps" 16 "$sched" | grep '^median' | tee -a results.txt
  done
done
# 2. coordinator stress: one-point chunks of the cheapest model on 2..16 ranks on this machine's
#    cores; every point is one request/reply, so points/s bounds the requests rank 0 can serve
for np in 2 4 8 16; do
  mpirun -n "$np" --bind-to none "$build/bench/bench_scan" bc1 200 240 "$reps" 1 | grep '^median' | tee -a coord.txt
done
/usr/bin/python3 - results.txt coord.txt <<'PY'
import sys
def rows(path):
    return [dict(kv.split("=") for kv in line.split()[1:]) for line in open(path)]
res = rows(sys.argv[1])
for name, chunk in (("bc1", "16"), ("work", "16"), ("work", "16g")):
    r = {int(x["ranks"]): x for x in res if x["model"] == name and x["chunk"] == chunk}
    if 1 in r and 2 in r:
        t1, t2 = float(r[1]["seconds"]), float(r[2]["seconds"])
        b1, b2 = float(r[1]["min_seconds"]), float(r[2]["min_seconds"])
        print(f"{name} ({'guided' if chunk.endswith('g') else 'fixed'} chunks): parallel efficiency on 2 ranks {b1/(2*b2):.0%} (fastest repeats), {t1/(2*t2):.0%} (medians); "
              f"per-rank busy time spread (max-min)/mean {float(r[2]['best_busy_spread']):.1%} (fastest), "
              f"{float(r[2]['busy_spread']):.1%} (median); busy fraction {float(r[2]['best_busy_fraction']):.0%}; "
              f"cost ratio of the mass rows {float(r[1]['row_cost_ratio']):.1f}; full write "
              f"{float(r[1]['write_s'])*1e3:.1f} ms for {float(r[1]['points']):.0f} points")
for x in rows(sys.argv[2]):
    print(f"coordinator, one-point chunks, {x['ranks']:>2} ranks: {float(x['points_per_s']):.3g} points/s "
          f"(= requests/s served by rank 0, upper bound)")
PY
