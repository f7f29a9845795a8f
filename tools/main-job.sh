#!/usr/bin/env bash
# README command 1: install what is missing, build, run the main job on 2 MPI ranks and draw its
# figures. With no download it produces the summaries of three PBC planes (out/):
#   BC1 dark photon: out/bc1_default.h5 (lifetime, c*tau, BRs; inputs/bc1_default.ini), its SN1987A
#       band (model bc1_sn on the same grid) and the bundled accelerator limits (limits/bundled/bc1)
#       merged in; out/bc1_default.png (c*tau), out/bc1_default_summary.png (PBC style).
#   BC2 light dark matter (alpha_D = 0.5 and 0.1, m_A' = 3 m_chi): the Dirac relic map with the
#       CMB p_ann bound and thermal target (out/bc2_dirac_aD0p5_summary.png, ..._aD0p1_...), the
#       invisible-A' searches of limits/bundled/bc2 and FB_DARKCAST_DIR converted onto it (below), and
#       the thermal targets of every spin on one figure (out/bc2_targets_aD0p5.png, ..._aD0p1.png).
#   BC9 photon-coupled ALP: out/bc9_default.h5 (inputs/bc9_default.ini) with the SN1987A band
#       (bc9_sn), the HB bound (bc9_hb) on the same grid and the bundled limits
#       (limits/bundled/bc9); out/bc9_default_summary.png.
#   BC4, BC6-BC8, BC10, BC11 (tools/summary-planes.sh): lines of constant c*tau with the bundled
#       published limits (FORESEE BC4/BC11, Heavy-Neutrino-Limits BC6-8; none for BC10) and, for the
#       HNL planes, the BBN and N_eff bounds of bc6/7/8_bbn; out/<bc>_summary.png and .pdf; BC10 with its
#       red-giant and white-dwarf bounds, BC11 with its HB bound; BC3 (millicharged): red giants, HB,
#       white dwarfs and SN1987A, out/bc3_summary.png and .pdf.
# FB_LIMITS_DIR=DIR merges the limit files in DIR (see `fipbounds limits import`) instead of the
# bundled BC1 limits. Extra arguments go to the BC1 run; the `--set grid.*=...` among them also go to
# its bc1_sn run, so that the two grids stay identical. The output names are fixed (out/...): do not
# pass -o. FB_BUILD_DIR selects the build directory (as tools/build.sh), FB_NP the number of MPI
# ranks (default 2). Under 10 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
. tools/mpi-env.sh
mkdir -p out
NP=${FB_NP:-2}
EXE=${FB_BUILD_DIR:-build}/src/app/fipbounds
# each scan's wall time is printed (docs/performance.md uses it to find where the main job's time goes)
run() {
  local t0 t1
  t0=$(date +%s.%N)
  mpirun -n "$NP" "$EXE" run "$@" --overwrite
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v f="$1" 'BEGIN { printf "main-job: %s %.1f s\n", f, b - a }'
}
t0=$(date +%s)

# ---------------------------------------------------------------- BC1
BC1_LIMITS=${FB_LIMITS_DIR:-limits/bundled/bc1}
GRID=()
args=("$@")
for ((i = 0; i + 1 < ${#args[@]}; i++)); do
  if [ "${args[i]}" = --set ] && [[ "${args[i + 1]}" == grid.* ]]; then GRID+=(--set "${args[i + 1]}"); fi
done
run inputs/bc1_default.ini -o out/bc1_default.h5 "$@"
run inputs/bc1_sn1987a_default.ini -o out/bc1_sn1987a_default.h5 "${GRID[@]}"
"$EXE" merge out/bc1_default.h5 --bounds out/bc1_sn1987a_default.h5 --limits "$BC1_LIMITS" --quiet
/usr/bin/python3 tools/plot_scan.py out/bc1_default.h5 -q ctau_m -o out/bc1_default.png
"$EXE" plot out/bc1_default.h5 -o out/bc1_default_summary.png --title "BC1: dark photon, SN1987A and accelerator limits"

# ---------------------------------------------------------------- BC2
# Accelerator limits on the BC2 plane: searches for invisible A' decays (epsilon at m_A'), which merge
# converts to m_chi = m_A'/3, y = alpha_D eps^2/81 with each map's own alpha_D (docs/limits-format.md).
# Gathered in out/limits_bc2 from limits/bundled/bc2 (or FB_BC2_LIMITS_DIR) and, with FB_DARKCAST_DIR
# (the limits/ folder of a Darkcast clone: GPL, imported here on your machine, never bundled), its
# invisible searches (BaBar 2017, NA64 2019, ...). No permissively licensed collection we know of holds
# such curves yet, so without FB_DARKCAST_DIR the BC2 summaries show the relic target and CMB only.
BC2_LIMITS=out/limits_bc2
rm -rf "$BC2_LIMITS"
mkdir -p "$BC2_LIMITS"
bc2_src=${FB_BC2_LIMITS_DIR:-limits/bundled/bc2}
if compgen -G "$bc2_src/*.limit" > /dev/null; then cp "$bc2_src"/*.limit "$BC2_LIMITS/"; fi
if [ -n "${FB_DARKCAST_DIR:-}" ]; then
  "$EXE" limits import darkcast "$FB_DARKCAST_DIR" -o "$BC2_LIMITS" --benchmark BC2 --keep-going > /dev/null
fi
for aD in 0p5 0p1; do
  run "inputs/bc2_dirac_aD${aD}.ini" -o "out/bc2_dirac_aD${aD}.h5"
  what="thermal target and CMB"
  if compgen -G "$BC2_LIMITS/*.limit" > /dev/null; then
    "$EXE" merge "out/bc2_dirac_aD${aD}.h5" --limits "$BC2_LIMITS" --quiet
    what="thermal target, CMB and accelerator limits"
  fi
  "$EXE" plot "out/bc2_dirac_aD${aD}.h5" -o "out/bc2_dirac_aD${aD}_summary.png" \
    --title "BC2: Dirac DM, \$\\alpha_D = ${aD/p/.}\$, \$m_{A'} = 3\\,m_\\chi\$: ${what}"
  targets=()
  for spin in dirac majorana scalar pseudodirac; do
    run "inputs/bc2_target_${spin}_aD${aD}.ini" -o "out/bc2_target_${spin}_aD${aD}.h5"
    targets+=("out/bc2_target_${spin}_aD${aD}.h5")
  done
  /usr/bin/python3 tools/plot_targets.py "${targets[@]}" -o "out/bc2_targets_aD${aD}.png"
done

# ---------------------------------------------------------------- BC9
BC9_GRID=(--set grid.mass_min_GeV=1e-6 --set grid.mass_max_GeV=10 --set grid.n_mass=300
          --set grid.coupling_min=1e-12 --set grid.coupling_max=1e-2 --set grid.n_coupling=200)
run inputs/bc9_default.ini -o out/bc9_default.h5
run inputs/bc9_sn1987a.ini -o out/bc9_sn1987a.h5 "${BC9_GRID[@]}"
run inputs/bc9_hb.ini -o out/bc9_hb.h5 "${BC9_GRID[@]}"
"$EXE" merge out/bc9_default.h5 --bounds out/bc9_sn1987a.h5 --bounds out/bc9_hb.h5 \
  --limits limits/bundled/bc9 --quiet
"$EXE" plot out/bc9_default.h5 -o out/bc9_default_summary.png --title "BC9: photon-coupled ALP, SN1987A, HB and accelerator limits"

# ---------------------------------------------------------------- BC1 and BC9: cosmology summaries
# The planes down to coupling 1e-18 (inputs/bc1_cosmology.ini, bc9_cosmology.ini) with the
# photodisintegration (30 x 30 of inputs/bc*_photodis.ini), CMB (mu, y, anisotropies; freeze-in
# abundance) and, for BC9, BBN / N_eff bands, each on its own grid and resampled by merge, plus the
# SN1987A (and BC9 HB) bands of the runs above and the bundled limits.
# BC1 BBN / N_eff bands (inputs/bc1_bbn.ini, 40 x 43): the exclusive hadronic channels give the
# pions and kaons of the meson-driven p <-> n conversion (2 m_pi to ~2 GeV; above, the unresolved pQCD
# continuum gives none: docs/validation.md), the abundance includes resonant and 2 -> 2 production.
PD_GRID=(--set grid.n_mass=30 --set grid.n_coupling=30)
run inputs/bc1_cosmology.ini -o out/bc1_cosmology.h5
run inputs/bc1_bbn.ini -o out/bc1_bbn.h5
run inputs/bc1_photodis.ini -o out/bc1_photodis.h5 "${PD_GRID[@]}"
run inputs/bc1_cmb_freezein.ini -o out/bc1_cmb_freezein.h5
"$EXE" merge out/bc1_cosmology.h5 --bounds out/bc1_bbn.h5 --bounds out/bc1_photodis.h5 \
  --bounds out/bc1_cmb_freezein.h5 --bounds out/bc1_sn1987a_default.h5 --limits "$BC1_LIMITS" --quiet
/usr/bin/python3 tools/plot_summary.py out/bc1_cosmology.h5 -o out/bc1_cosmology_summary.png --ctau \
  --title "BC1: dark photon, BBN, photodisintegration, CMB, SN1987A and accelerator limits" > /dev/null
run inputs/bc9_cosmology.ini -o out/bc9_cosmology.h5
run inputs/bc9_bbn.ini -o out/bc9_bbn.h5
run inputs/bc9_photodis.ini -o out/bc9_photodis.h5 "${PD_GRID[@]}"
run inputs/bc9_cmb_freezein.ini -o out/bc9_cmb_freezein.h5
"$EXE" merge out/bc9_cosmology.h5 --bounds out/bc9_bbn.h5 --bounds out/bc9_photodis.h5 \
  --bounds out/bc9_cmb_freezein.h5 --bounds out/bc9_sn1987a.h5 --bounds out/bc9_hb.h5 \
  --limits limits/bundled/bc9 --quiet
/usr/bin/python3 tools/plot_summary.py out/bc9_cosmology.h5 -o out/bc9_cosmology_summary.png --ctau \
  --title "BC9: photon-coupled ALP, BBN, photodisintegration, CMB, SN1987A, HB and accelerator limits" > /dev/null

# ---------------------------------------------------------------- BC4, BC6-BC8, BC10, BC11
# c*tau lines and the bundled published limits; for the HNL planes also the BBN and N_eff bounds
# (tools/summary-planes.sh): out/bc4_summary.png, ..., out/bc11_summary.png (and .pdf)
tools/summary-planes.sh > /dev/null

echo "main job done in $(( $(date +%s) - t0 )) s: out/bc1_default_summary.png, out/bc2_*_summary.png," \
     "out/bc2_targets_aD0p5.png, out/bc2_targets_aD0p1.png, out/bc9_default_summary.png," \
     "out/bc1_cosmology_summary.png, out/bc9_cosmology_summary.png," \
     "out/bc{3,4,6,7,8,10,11}_summary.png, out/bc{4,11}_cosmology_summary.png (and their .h5 files)"
