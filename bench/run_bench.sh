#!/usr/bin/env bash
# Scan-driver benchmark: throughput on 1 and 2 ranks, parallel efficiency, driver overhead per
# point. Usage: bench/run_bench.sh [BUILD_DIR]   (default build/; build it first with tools/build.sh)
# Each configuration is repeated 5 times; the median is reported (docs/performance.md).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
. "$src/tools/mpi-env.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for model in bc1:400:240 work:200:100; do
  IFS=: read -r name nm nc <<<"$model"
  for np in 1 2; do
    mpirun -n "$np" --bind-to none "$build/bench/bench_scan" "$name" "$nm" "$nc" 5 | grep '^median' | tee -a results.txt
  done
done
/usr/bin/python3 - results.txt <<'PY'
import sys
rows = [dict(kv.split("=") for kv in line.split()[1:]) for line in open(sys.argv[1])]
for name in ("bc1", "work"):
    r = {int(x["ranks"]): float(x["seconds"]) for x in rows if x["model"] == name}
    if 1 in r and 2 in r:
        print(f"{name}: speed-up {r[1]/r[2]:.2f} on 2 ranks, parallel efficiency {r[1]/(2*r[2]):.0%}")
PY
