#!/usr/bin/env bash
# PBC summaries of the particle-model planes with no computed bound of their own beyond BBN:
#   BC4 (dark scalar), BC10 (fermion-coupled ALP), BC11 (gluon-coupled ALP): lines of constant c*tau
#     (fipbounds) and the bundled published limits (limits/bundled/bc4, bc11; none exist for BC10:
#     FORESEE's ALP-W folder is the SU(2)_L-coupled ALP, not BC10);
#   BC4, BC6-BC8, BC10 and BC11 also get their SN1987A band (inputs/<bc>_sn1987a.ini, resampled by merge);
#   BC6, BC7, BC8 (HNL mixing with one flavour): c*tau, the BBN and N_eff bounds of bc6/7/8_bbn
#     (fipbounds; 24 x 25 grid (FB_BBN_GRID) of inputs/bc6_bbn.ini over m_N = 10 MeV-1 GeV,
#     |U|^2 = 1e-14-1e-6, resampled onto the plane by merge) and the bundled Heavy-Neutrino-Limits
#     curves (limits/bundled/bc6, bc7, bc8), and the photodisintegration band of bc6/7/8_photodis
#     (inputs/bc6_photodis.ini etc., tau > 1e5 s, below the BBN band).
#   BC4, BC10, BC11 also get their BBN and N_eff bands (inputs/<bc>_bbn.ini, resampled by merge).
#   BC4 and BC11 also get a cosmology summary down to their long-lived region (inputs/<bc>_cosmology.ini:
#     sin^2 theta from 1e-28, 1/f_G from 1e-16 GeV^-1): BBN, N_eff, photodisintegration
#     (inputs/<bc>_photodis.ini; for BC11 extended to 1 GeV and 1/f_G = 1e-16 GeV^-1: a -> gamma gamma is
#     its only channel below 3 m_pi), CMB mu / y / anisotropies (inputs/bc4_cmb.ini, inputs/bc11_cmb.ini:
#     freeze-in abundance, a lower estimate), SN1987A and the bundled limits, as BC1 and BC9 in the main
#     job: out/<bc>_cosmology_summary.png and .pdf.
#   BC10 also gets its red-giant and white-dwarf bounds (bc10_rg, bc10_wd) and BC11 its HB bound (bc11_hb), each with
#     its observational range (/bounds/<star>/{nominal,weak,strong}, src/stellar/fb_stellar_range.h): their planes
#     (and SN1987A grids) start at m_a = 1 keV (BC10) and 10 keV (BC11), where these bounds close.
#   BC3 (millicharged fermion; no particle model, the plane is that of its red-giant scan): red giants, HB stars,
#     white dwarfs (bc3_rg, bc3_hb, bc3_wd, with their ranges) and SN1987A (bc3_sn, four profiles) on
#     m_chi = 1 keV - 1 GeV, eps = 1e-15 - 1e-4: out/bc3_summary.png and .pdf.
#   BC5 has no summary: no input file or scan of the main job computes a BC5 bound (its SN1987A band is BC4's).
# Writes out/<bc>_default.h5 (and out/<bc>_bbn.h5), out/<bc>_summary.png and .pdf.
#   tools/summary-planes.sh [bc3 bc4 bc6 ...]   (default: all seven; FB_BUILD_DIR, FB_NP as the main job)
# FB_BBN_GRID="n_mass n_coupling" sets the HNL BBN grid (default 24 25); FB_BBN_GRID_BC4, FB_BBN_GRID_BC10,
# FB_BBN_GRID_BC11 the BC4, BC10, BC11 BBN grids (defaults below: finer than the shipped inputs' coarse
# grids, chosen for the main job's ~8-minute budget on 2 cores; docs/performance.md). The figures draw
# the bands from the delta_chi2 and Neff of these scans (tools/summary_outline.py), not from their cells.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/mpi-env.sh
NP=${FB_NP:-2}
EXE=${FB_BUILD_DIR:-build}/src/app/fipbounds
# each scan's wall time is printed (docs/performance.md uses it to find where the main job's time goes)
run() {
  local t0 t1
  t0=$(date +%s.%N)
  mpirun -n "$NP" "$EXE" run "$@" --overwrite --set run.log_level=warning
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v f="$1" 'BEGIN { printf "summary-planes: %s %.1f s\n", f, b - a }' >&2 # stderr: main-job.sh drops stdout
}
mkdir -p out
planes=("$@")
[ ${#planes[@]} -gt 0 ] || planes=(bc3 bc4 bc6 bc7 bc8 bc10 bc11)
read -r bbn_nm bbn_nc <<< "${FB_BBN_GRID:-24 25}"
# BC4: sin^2 theta = 1e-20 - 1e-8 (as inputs/bc4_bbn.ini; below the default plane's 1e-14, so that the
# cosmology summary shows the band's lower edge, and the points with tau > 1e5 s, handed over to
# photodisintegration, as not computed), 0.5 decades per point, m_S = 10 MeV - 5 GeV
read -r bc4_nm bc4_nc <<< "${FB_BBN_GRID_BC4:-16 19}" # 16 x 19 since session 8 (was 16 x 25: the main job reached 603 s of 600)
read -r bc10_nm bc10_nc <<< "${FB_BBN_GRID_BC10:-30 30}"
# BC11: 1/f_G = 1e-14 - 1e-3 GeV^-1 (inputs/bc11_bbn.ini starts at 1e-9, above the band's lower edge at 1-3 GeV)
read -r bc11_nm bc11_nc <<< "${FB_BBN_GRID_BC11:-30 45}"
bbn_grid() {
  case $1 in
    bc4) echo "--set grid.n_mass=$bc4_nm --set grid.n_coupling=$bc4_nc --set grid.coupling_min=1e-20 --set grid.coupling_max=1e-8" ;;
    bc10) echo "--set grid.n_mass=$bc10_nm --set grid.n_coupling=$bc10_nc" ;;
    bc11) echo "--set grid.n_mass=$bc11_nm --set grid.n_coupling=$bc11_nc --set grid.coupling_min=1e-14" ;;
  esac
}
# the plane of a summary where it differs from inputs/<bc>_default.ini (same number of points): BC10 and BC11 down to
# the masses where their stellar bounds close; and their SN1987A grids down to the same mass (the band is flat there)
plane_grid() {
  case $1 in
    bc10) echo "--set grid.mass_min_GeV=1.000000001e-6" ;; # the bc10 model allows m > 1e-6 GeV (merge's tolerance)
    bc11) echo "--set grid.mass_min_GeV=1e-5" ;;
  esac
}
sn_grid() {
  case $1 in
    bc10) echo "--set grid.mass_min_GeV=1.000000001e-6 --set grid.n_mass=80" ;;
    bc11) echo "--set grid.mass_min_GeV=1e-5 --set grid.n_mass=75" ;;
  esac
}
# BC3: the red-giant scan on the whole plane, the HB and white-dwarf scans where those bounds can exclude, SN1987A
# (bc3_sn allows m > 1e-6 GeV: its grid starts a rounding above the plane's first mass, within merge's tolerance)
bc3_summary() {
  local c=(--set grid.coupling_min=1e-15 --set grid.coupling_max=1e-4 --set grid.n_coupling=110 --set grid.mass_min_GeV=1e-6)
  run inputs/bc3_rg.ini -o out/bc3_summary.h5 "${c[@]}" --set grid.mass_max_GeV=1 --set grid.n_mass=120
  run inputs/bc3_hb.ini -o out/bc3_hb.h5 "${c[@]}" --set grid.mass_max_GeV=3e-4 --set grid.n_mass=50
  run inputs/bc3_wd.ini -o out/bc3_wd.h5 "${c[@]}" --set grid.mass_max_GeV=1e-4 --set grid.n_mass=80
  run inputs/bc3_sn1987a.ini -o out/bc3_sn1987a.h5 --set grid.mass_min_GeV=1.000000001e-6 --set grid.mass_max_GeV=1 \
    --set grid.n_mass=60 --set grid.n_coupling=80
  "$EXE" merge out/bc3_summary.h5 --quiet --bounds out/bc3_hb.h5 --bounds out/bc3_wd.h5 --bounds out/bc3_sn1987a.h5 \
    > /dev/null
  local title='BC3: millicharged fermion: red giants, HB stars, white dwarfs (plasmon decay, Compton, bremsstrahlung) and SN1987A'
  /usr/bin/python3 tools/plot_summary.py out/bc3_summary.h5 -o out/bc3_summary.png -o out/bc3_summary.pdf --title "$title" \
    > /dev/null
  echo "summary-planes: out/bc3_summary.png, .pdf"
}
for bc in "${planes[@]}"; do
  if [ "$bc" = bc3 ]; then
    bc3_summary
    continue
  fi
  # shellcheck disable=SC2046
  run "inputs/${bc}_default.ini" -o "out/${bc}_default.h5" $(plane_grid "$bc")
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
      # the BBN and N_eff bands of inputs/<bc>_bbn.ini on the grid of bbn_grid (abundance with the production
      # by scatterings of src/production), resampled by merge
      # shellcheck disable=SC2046
      run "inputs/${bc}_bbn.ini" -o "out/${bc}_bbn.h5" $(bbn_grid "$bc")
      merge+=(--bounds "out/${bc}_bbn.h5")
      ;;
  esac
  case $bc in
    bc4 | bc6 | bc7 | bc8 | bc10 | bc11)
      # the SN1987A band (nominal, cold, hot and compact profiles) on its own grid, resampled by merge
      # shellcheck disable=SC2046
      run "inputs/${bc}_sn1987a.ini" -o "out/${bc}_sn1987a.h5" $(sn_grid "$bc")
      merge+=(--bounds "out/${bc}_sn1987a.h5")
      ;;
  esac
  # stellar cooling bounds with their observational range, on the plane's couplings where they can exclude
  case $bc in
    bc10)
      run inputs/bc10_rg.ini -o out/bc10_rg.h5 --set grid.mass_min_GeV=1e-6 --set grid.mass_max_GeV=5e-4 --set grid.n_mass=90 \
        --set grid.coupling_min=1e-10 --set grid.coupling_max=1e-2 --set grid.n_coupling=100
      run inputs/bc10_wd.ini -o out/bc10_wd.h5 --set grid.mass_min_GeV=1e-6 --set grid.mass_max_GeV=1e-4 \
        --set grid.coupling_min=1e-10 --set grid.coupling_max=1e-2 --set grid.n_coupling=100
      merge+=(--bounds out/bc10_rg.h5 --bounds out/bc10_wd.h5)
      ;;
    bc11)
      run inputs/bc11_hb.ini -o out/bc11_hb.h5 --set grid.mass_min_GeV=1e-5 --set grid.mass_max_GeV=1e-3 \
        --set grid.n_mass=60 --set grid.coupling_min=1e-9 --set grid.coupling_max=1e-1 --set grid.n_coupling=100
      merge+=(--bounds out/bc11_hb.h5)
      ;;
  esac
  [ -d "limits/bundled/$bc" ] && merge+=(--limits "limits/bundled/$bc")
  [ ${#merge[@]} -gt 4 ] && "${merge[@]}" > /dev/null
  case $bc in
    bc4) title='BC4: dark scalar mixing with the Higgs: $c\tau$, BBN, $N_{\rm eff}$, SN1987A and published limits (FORESEE)' ;;
    bc6) title='BC6: HNL mixing with $\nu_e$: $c\tau$, BBN, $N_{\rm eff}$, photodisintegration, SN1987A and published limits' ;;
    bc7) title='BC7: HNL mixing with $\nu_\mu$: $c\tau$, BBN, $N_{\rm eff}$, photodisintegration, SN1987A and published limits' ;;
    bc8) title='BC8: HNL mixing with $\nu_\tau$: $c\tau$, BBN, $N_{\rm eff}$, photodisintegration, SN1987A and published limits' ;;
    bc10) title='BC10: ALP with universal fermion couplings: $c\tau$, BBN, $N_{\rm eff}$, SN1987A, red giants and white dwarfs (no published limits bundled)' ;;
    bc11) title='BC11: gluon-coupled ALP: $c\tau$, BBN, $N_{\rm eff}$, SN1987A, HB stars and published limits (FORESEE)' ;;
    *) title=$bc ;;
  esac
  /usr/bin/python3 tools/plot_summary.py "out/${bc}_default.h5" -o "out/${bc}_summary.png" -o "out/${bc}_summary.pdf" --ctau \
    --title "$title" > /dev/null
  echo "summary-planes: out/${bc}_summary.png, .pdf"
  case $bc in
    bc4 | bc11)
      # the long-lived region: photodisintegration and CMB bands on their own grids, with the BBN, SN1987A
      # bands and limits above, on the cosmology plane
      pd_grid=()
      [ "$bc" = bc11 ] && pd_grid=(--set grid.mass_max_GeV=1 --set grid.n_mass=16 --set grid.coupling_min=1e-16
                                   --set grid.n_coupling=16)
      run "inputs/${bc}_cosmology.ini" -o "out/${bc}_cosmology.h5"
      run "inputs/${bc}_photodis.ini" -o "out/${bc}_photodis.h5" "${pd_grid[@]}"
      run "inputs/${bc}_cmb.ini" -o "out/${bc}_cmb.h5"
      cosmo=("$EXE" merge "out/${bc}_cosmology.h5" --quiet --bounds "out/${bc}_bbn.h5" --bounds "out/${bc}_photodis.h5"
             --bounds "out/${bc}_cmb.h5" --bounds "out/${bc}_sn1987a.h5")
      [ -d "limits/bundled/$bc" ] && cosmo+=(--limits "limits/bundled/$bc")
      "${cosmo[@]}" > /dev/null
      if [ "$bc" = bc4 ]; then
        title='BC4: dark scalar, BBN, $N_{\rm eff}$, photodisintegration, CMB (freeze-in), SN1987A and published limits'
      else
        title='BC11: gluon-coupled ALP, BBN, $N_{\rm eff}$, photodisintegration, CMB (freeze-in), SN1987A and published limits'
      fi
      /usr/bin/python3 tools/plot_summary.py "out/${bc}_cosmology.h5" -o "out/${bc}_cosmology_summary.png" \
        -o "out/${bc}_cosmology_summary.pdf" --ctau --title "$title" > /dev/null
      echo "summary-planes: out/${bc}_cosmology_summary.png, .pdf"
      ;;
  esac
done
