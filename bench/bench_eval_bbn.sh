#!/usr/bin/env bash
# Whole-process cost of the BBN evals (issue 14 "Speed and scale": `fipbounds eval bbn` as a whole process not
# slower than primat-c, 0.066 s): eval bbn (propagated theory errors, default; and theory_errors=primat),
# eval bbn-decay generic and model=bc1. Median of N runs of wall time and of process CPU time (user + sys from getrusage,
# which a shared machine distorts less); the load average is printed. A second binary (e.g. an older build) and a
# primat-c executable, if given, are timed side by side in the same loop. This build is timed with its persistent
# cache off, cold and warm (below).
#   bench/bench_eval_bbn.sh [BUILD_DIR] [N] [OTHER_FIPBOUNDS] [PRIMAT_C_CMD]   (from the source root)
set -euo pipefail
build=${1:-build}
n=${2:-5}
other=${3:-}
primat=${4:-}
# one run: wall and CPU (user + sys of the child, getrusage: microseconds, finer than /usr/bin/time's 10 ms)
run1() {
  /usr/bin/python3 -c '
import resource, subprocess, sys, time
t0 = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
w = time.perf_counter() - t0
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{w:.4f} {r.ru_utime + r.ru_stime:.4f}")' "$@"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : 0.5 * (a[NR / 2] + a[NR / 2 + 1])}'; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "machine: $(nproc) cores, load average before $(cut -d' ' -f1-3 /proc/loadavg)"
cases=("eval bbn --json" "eval bbn theory_errors=primat --json"
       "eval bbn-decay mass_GeV=1 tau_s=1 mY_GeV=1e-5 --json"
       "eval bbn-decay model=bc1 mass_GeV=0.01 coupling=1e-10 --json")
bins=("$build/src/app/fipbounds")
[ -n "$other" ] && bins+=("$other")
# The persistent cache of the BBN tables and theory-error nodes (bbn_cache.c): each command of this build is
# timed with the cache off (FIPBOUNDS_CACHE_DIR=off), cold (an empty cache directory before every run: build
# and store) and warm (the directory filled by one run before the timed ones). The other binary runs as it is
# (a build before the cache ignores the variable).
cdir="$tmp/cache"
printf '%-62s %-12s %-12s %-12s\n' command binary "wall [s]" "cpu [s]"
for c in "${cases[@]}"; do
  for b in "${bins[@]}"; do
    modes=(off cold warm)
    [ "$b" != "${bins[0]}" ] && modes=(as-is)
    for m in "${modes[@]}"; do
      : > "$tmp/w"; : > "$tmp/c"
      rm -rf "$cdir"
      case $m in
        off) export FIPBOUNDS_CACHE_DIR=off ;;
        as-is) export FIPBOUNDS_CACHE_DIR=off ;;
        *) export FIPBOUNDS_CACHE_DIR="$cdir" ;;
      esac
      [ "$m" = warm ] && $b $c > /dev/null
      for ((i = 0; i < n; i++)); do
        [ "$m" = cold ] && rm -rf "$cdir"
        read -r w u < <(run1 $b $c)
        echo "$w" >> "$tmp/w"
        echo "$u" >> "$tmp/c"
      done
      tag=this-$m; [ "$b" != "${bins[0]}" ] && tag=other
      printf '%-62s %-12s %-12s %-12s\n' "$c" "$tag" "$(median < "$tmp/w")" "$(median < "$tmp/c")"
    done
  done
done
unset FIPBOUNDS_CACHE_DIR
if [ -n "$primat" ]; then
  : > "$tmp/w"; : > "$tmp/c"
  for ((i = 0; i < n; i++)); do
    read -r w u < <(run1 $primat)
    echo "$w" >> "$tmp/w"
    echo "$u" >> "$tmp/c"
  done
  printf '%-62s %-10s %-12s %-12s\n' "$primat" primat-c "$(median < "$tmp/w")" "$(median < "$tmp/c")"
fi
echo "load average after $(cut -d' ' -f1-3 /proc/loadavg)"
