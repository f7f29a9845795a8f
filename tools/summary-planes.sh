#!/usr/bin/env bash
# PBC summaries of the particle-model planes with no computed bound of their own beyond BBN:
#   BC4 (dark scalar), BC10 (fermion-coupled ALP), BC11 (gluon-coupled ALP): lines of constant c*tau
#     (fipbounds) and the bundled published limits (limits/bundled/bc4, bc11; none exist for BC10:
#     FORESEE's ALP-W folder is the SU(2)_L-coupled ALP, not BC10);
#   BC4, BC6-BC8, BC10 and BC11 also get their SN1987A band (inputs/<bc>_sn1987a.ini, resampled by merge);
#   BC6, BC7, BC8 (HNL mixing with one flavour): c*tau, the BBN and N_eff bounds of bc6/7/8_bbn
#     (fipbounds; default 16 x 17 grid of inputs/bc6_bbn.ini over m_N = 10 MeV-1 GeV,
#     |U|^2 = 1e-14-1e-6, resampled onto the plane by merge) and the bundled Heavy-Neutrino-Limits
#     curves (limits/bundled/bc6, bc7, bc8), and the photodisintegration band of bc6/7/8_photodis
#     (inputs/bc6_photodis.ini etc., tau > 1e5 s, below the BBN band).
#   BC4, BC10, BC11 also get their BBN and N_eff bands (inputs/<bc>_bbn.ini, resampled by merge).
# Writes out/<bc>_default.h5 (and out/<bc>_bbn.h5), out/<bc>_summary.png and .pdf.
#   tools/summary-planes.sh [bc4 bc6 ...]   (default: all six; FB_BUILD_DIR, FB_NP as the main job)
# FB_BBN_GRID="n_mass n_coupling" refines the BBN grid (default 16 17, about 30 s per flavour on 2 ranks).
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/mpi-env.sh
NP=${FB_NP:-2}
EXE=${FB_BUILD_DIR:-build}/src/app/fipbounds
run() { mpirun -n "$NP" "$EXE" run "$@" --overwrite --set run.log_level=warning; }
mkdir -p out
planes=("$@")
[ ${#planes[@]} -gt 0 ] || planes=(bc4 bc6 bc7 bc8 bc10 bc11)
read -r bbn_nm bbn_nc <<< "${FB_BBN_GRID:-16 17}"
for bc in "${planes[@]}"; do
  run "inputs/${bc}_default.ini" -o "out/${bc}_default.h5"
  merge=("$EXE" merge "out/${bc}_default.h5" --quiet)
  case $bc in
    bc6 | bc7 | bc8)
      # the BBN plane of this flavour: inputs/bc6_bbn.ini with its model and section renamed
      sed -e "s/bc6_bbn/${bc}_bbn/g" inputs/bc6_bbn.ini > "out/${bc}_bbn.ini"
      run "out/${bc}_bbn.ini" -o "out/${bc}_bbn.h5" --set grid.n_mass="$bbn_nm" --set grid.n_coupling="$bbn_nc"
      merge+=(--bounds "out/${bc}_bbn.h5")
      # photodisintegration below the BBN band (tau > 1e5 s; inputs/bc6_photodis.ini etc., 16 x 25)
      run "inputs/${bc}_photodis.ini" -o "out/${bc}_photodis.h5"
      merge+=(--bounds "out/${bc}_photodis.h5")
      ;;
    bc4 | bc10 | bc11)
      # the BBN and N_eff bands on the shipped grid of inputs/<bc>_bbn.ini (abundance with the production by
      # scatterings of src/production), resampled by merge
      run "inputs/${bc}_bbn.ini" -o "out/${bc}_bbn.h5"
      merge+=(--bounds "out/${bc}_bbn.h5")
      ;;
  esac
  case $bc in
    bc4 | bc6 | bc7 | bc8 | bc10 | bc11)
      # the SN1987A band (default, cold and hot profiles) on its own grid, resampled by merge
      run "inputs/${bc}_sn1987a.ini" -o "out/${bc}_sn1987a.h5"
      merge+=(--bounds "out/${bc}_sn1987a.h5")
      ;;
  esac
  [ -d "limits/bundled/$bc" ] && merge+=(--limits "limits/bundled/$bc")
  [ ${#merge[@]} -gt 4 ] && "${merge[@]}" > /dev/null
  case $bc in
    bc4) title="BC4: dark scalar mixing with the Higgs: c*tau, BBN, SN1987A and published limits (FORESEE)" ;;
    bc6) title="BC6: HNL mixing with nu_e: c*tau, BBN, N_eff, photodisintegration, SN1987A and published limits" ;;
    bc7) title="BC7: HNL mixing with nu_mu: c*tau, BBN, N_eff, photodisintegration, SN1987A and published limits" ;;
    bc8) title="BC8: HNL mixing with nu_tau: c*tau, BBN, N_eff, photodisintegration, SN1987A and published limits" ;;
    bc10) title="BC10: ALP with universal fermion couplings: c*tau, BBN and SN1987A (no published limits bundled)" ;;
    bc11) title="BC11: gluon-coupled ALP: c*tau, BBN, SN1987A and published limits (FORESEE)" ;;
    *) title=$bc ;;
  esac
  for ext in png pdf; do
    /usr/bin/python3 tools/plot_summary.py "out/${bc}_default.h5" -o "out/${bc}_summary.$ext" --ctau --title "$title" > /dev/null
  done
  echo "summary-planes: out/${bc}_summary.png, .pdf"
done
