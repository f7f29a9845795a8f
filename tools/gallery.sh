#!/usr/bin/env bash
# Regenerate the figure gallery in docs/figures/gallery/ (docs/figures/README.md lists it):
#   - the PBC summary of every plane the main job computes (BC1, BC2 for alpha_D = 0.5 and 0.1,
#     BC9, BC3, BC4, BC6-BC8, BC10, BC11; PNG and, for the latter seven, PDF): runs tools/main-job.sh unless
#     out/ already holds its files and FB_GALLERY_REUSE=1;
#   - for every particle model (bc1, bc4 ... bc11): its c*tau map and branching ratios versus mass
#     from a 200 x 60 scan of its default plane;
#   - the BBN diagnostic figure (tools/plot_bbn_diagnostic.py) of every BBN plane the main job runs;
#   - the standard BBN-photodisintegration figure of a generic decaying X (tools/plot_photodis_tau.py).
# Usage: tools/gallery.sh   (FB_BUILD_DIR, FB_NP as for the main job)
set -euo pipefail
cd "$(dirname "$0")/.."
EXE=${FB_BUILD_DIR:-build}/src/app/fipbounds
NP=${FB_NP:-2}
g=docs/figures/gallery
mkdir -p "$g" out/gallery
if [ "${FB_GALLERY_REUSE:-0}" != 1 ] || [ ! -f out/bc9_default.h5 ] || [ ! -f out/bc11_summary.pdf ]; then
  tools/main-job.sh
fi
. tools/mpi-env.sh
cp out/bc1_default_summary.png "$g/bc1_summary.png"
cp out/bc2_dirac_aD0p5_summary.png "$g/bc2_aD0p5_summary.png"
cp out/bc2_dirac_aD0p1_summary.png "$g/bc2_aD0p1_summary.png"
cp out/bc2_targets_aD0p5.png "$g/bc2_targets_aD0p5.png"
cp out/bc2_targets_aD0p1.png "$g/bc2_targets_aD0p1.png"
cp out/bc9_default_summary.png "$g/bc9_summary.png"
cp out/bc1_cosmology_summary.png "$g/bc1_cosmology_summary.png"
cp out/bc9_cosmology_summary.png "$g/bc9_cosmology_summary.png"
for m in bc3 bc4 bc6 bc7 bc8 bc10 bc11; do
  cp "out/${m}_summary.png" "out/${m}_summary.pdf" "$g/"
done
for m in bc4 bc11; do
  cp "out/${m}_cosmology_summary.png" "out/${m}_cosmology_summary.pdf" "$g/"
done
# BBN diagnostic figures (Yp and D/H versus coupling at a few masses, observed bands) of the BBN planes
for m in bc1 bc4 bc6 bc9 bc10 bc11; do
  [ -f "out/${m}_bbn.h5" ] && /usr/bin/python3 tools/plot_bbn_diagnostic.py "out/${m}_bbn.h5" -o "$g/${m}_bbn_diagnostic.png" > /dev/null
done
for m in bc1 bc4 bc6 bc7 bc8 bc10 bc11; do
  in=inputs/${m}_default.ini
  [ -f "$in" ] || continue
  mpirun -n "$NP" "$EXE" run "$in" -o "out/gallery/$m.h5" --overwrite --set grid.n_mass=200 --set grid.n_coupling=60 \
    --set run.log_level=warning
  /usr/bin/python3 tools/plot_scan.py "out/gallery/$m.h5" -q ctau_m -o "$g/${m}_ctau.png"
  /usr/bin/python3 tools/plot_br.py "out/gallery/$m.h5" -o "$g/${m}_br.png"
done
# the standard BBN-photodisintegration figure (issue 15): the (tau, m Y) plane of a generic X at m = 10 and
# 100 MeV, X -> gamma gamma and X -> e+ e- (model photodis_decay_tau, inputs/photodis_decay_tau.ini grid;
# ~6 s of CPU per plane: docs/performance.md)
pd=()
for c in "0.01 1 0 g10" "0.1 1 0 g100" "0.01 0 1 e10" "0.1 0 1 e100"; do
  set -- $c
  mpirun -n "$NP" "$EXE" run inputs/photodis_decay_tau.ini -o "out/gallery/photodis_tau_$4.h5" --overwrite \
    --set photodis_decay_tau.mass_GeV="$1" --set photodis_decay_tau.br_photon="$2" --set photodis_decay_tau.br_ee="$3" \
    --set run.log_level=warning
  pd+=("out/gallery/photodis_tau_$4.h5")
done
/usr/bin/python3 tools/plot_photodis_tau.py "${pd[@]}" -o "$g/photodis_tau.png" > /dev/null
echo "gallery: $(ls "$g" | wc -l) figures in $g"
