#!/usr/bin/env bash
# Issue 15 speed (main job's time budget): process CPU time (user + sys, /usr/bin/time) of the four
# photodisintegration planes at the main job's settings (tools/main-job.sh: bc1/bc9 30 x 30;
# tools/summary-planes.sh: bc4 16 x 16 as in its input, bc11 16 x 16 to 1 GeV and 1/f_G = 1e-16), each on
# ONE rank (no mpirun: the CPU time of the same points, without MPI start-up). With a second binary
# (e.g. a build of an older commit) the two are run alternately, plane by plane, so that the machine's
# load affects both alike; the median of N runs is printed per plane and binary, with the load average.
#   bench/bench_photodis_planes.sh [BUILD_DIR] [N] [OTHER_FIPBOUNDS]   (from the source root)
set -euo pipefail
build=${1:-build}
n=${2:-3}
other=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bins=("$build/src/app/fipbounds")
[ -n "$other" ] && bins=("$other" "${bins[@]}")
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : 0.5 * (a[NR / 2] + a[NR / 2 + 1])}'; }
echo "machine: $(nproc) cores, load average before $(cut -d' ' -f1-3 /proc/loadavg)"
for bc in bc1 bc9 bc4 bc11; do
  case $bc in
    bc1 | bc9) grid=(--set grid.n_mass=30 --set grid.n_coupling=30) ;;
    bc4) grid=() ;;
    bc11) grid=(--set grid.mass_max_GeV=1 --set grid.n_mass=16 --set grid.coupling_min=1e-16 --set grid.n_coupling=16) ;;
  esac
  for ((i = 0; i < n; i++)); do
    for b in "${!bins[@]}"; do
      /usr/bin/time -f '%U %S' -o "$tmp/cpu" "${bins[b]}" run "inputs/${bc}_photodis.ini" -o "$tmp/p.h5" --overwrite \
        --set run.log_level=warning --set run.checkpoint_interval_s=3600 "${grid[@]}" > /dev/null 2>&1
      awk '{print $1 + $2}' "$tmp/cpu" >> "$tmp/$bc.$b"
    done
  done
  for b in "${!bins[@]}"; do
    echo "$bc ${bins[b]}: CPU s $(tr '\n' ' ' < "$tmp/$bc.$b")median $(median < "$tmp/$bc.$b") (load $(cut -d' ' -f1 /proc/loadavg))"
  done
done
echo "load average after $(cut -d' ' -f1-3 /proc/loadavg)"
