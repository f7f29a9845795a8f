/**
 * @file fb_cmb_dep.h
 * @brief Energy-dependent, delayed deposition of photons injected after the Saha era (issue 15): the
 *        fraction of a photon's energy that ends up as ionisation / excitation / heating of the gas,
 *        redshift by redshift, for the recombination-era bound of fb_cmb.h (`deposition = photon`).
 *
 * Model (the photon transport of Chen & Kamionkowski astro-ph/0310473 and Slatyer, Padmanabhan & Finkbeiner
 * arXiv:0906.1197, reduced to one photon followed in the continuous-loss approximation;
 * the result is a transfer kernel of the kind of Slatyer arXiv:1506.03812's f_c(z)):
 *  - A photon of energy E0 injected at z_j is followed down in L = ln(1+z) (s = L_j - L) with its energy E
 *    and survival probability P:
 *      dln E/ds = -(1 + b),     b = n_e,tot sigma_KN(E) c eta(E) / H       (redshift + Compton loss),
 *      dln P/ds = -a,           a = c [n_HI sigma_HI + n_HeI sigma_HeI + n_HeII sigma_HeII + sum_Z n_Z sigma_BH,Z] / H,
 *    Compton scattering on all electrons, free and bound (n_e,tot = n_H (1 + 2 f_He); binding neglected,
 *    E >> 25 eV where Compton matters), taken as a continuous loss with the mean fractional loss per
 *    scattering eta(E) = <1 - E'/E> of the Klein-Nishina cross section (approximation: the discrete
 *    steps, up to 2k/(1+2k) per scattering, are averaged; since branch compton only below 51 keV or with
 *    compton_continuous = 1: see "Discrete Compton scattering" below); photoionisation (Verner et al. astro-ph/9601009
 *    fits) and Bethe-Heitler pair production remove the photon.
 *  - Deposited per unit s, as a fraction of the photon's current energy P E:
 *      d = a_pi f_e(E - I) + b f_e(eta E) + a_BH (1 - 2 m_e/E) f_e((E - 2 m_e)/2),
 *    f_e(T, z) the share of an electron's kinetic energy T that goes into the gas (below).
 *    The photon stops counting below 13.6 eV (cannot ionise; its energy is lost to the spectrum) and
 *    deposits below z_lo = FB_CMB_XE_Z_LO are not followed (the visibility projection ends there).
 *  - Electrons (Compton recoils, photo-electrons, pairs): f_e(T) = (1/T) int_0^T b_gas/(b_gas + b_ICS) dT',
 *    with b_gas = Bethe ionisation/excitation of H and He (4 pi r_e^2 m_e c^3/beta n_i Z_i
 *    [ln(2 m_e c^2 beta^2 gamma^2/I_i) - beta^2], I_H = 15.0 eV, I_He = 41.8 eV; PDG "Passage of particles
 *    through matter", Workman et al. PTEP 2022 083C01, without shell/density corrections) plus Coulomb
 *    losses on free electrons (4 pi r_e^2 m_e c^3 n_e ln Lambda / beta, ln Lambda of Furlanetto & Stoever
 *    arXiv:0910.4410), and b_ICS = (4/3) sigma_T c beta^2 gamma^2 u_CMB(z) (Thomson limit, Blumenthal &
 *    Gould, Rev. Mod. Phys. 42, 237 (1970)). [Since branch secphot the ICS part is the "Secondary cascade"
 *    below: f_e(T) keeps b_gas plus the ICS power in the Lyman band [10.2, 13.6) eV of the full ICS spectrum, and
 *    the ICS photons above 13.6 eV are followed; the Compton recoils are spread over the Klein-Nishina recoil
 *    spectrum. The rest of this item describes the first version, kept as history.] ICS energy counted as
 *    deposited in the share that lands above
 *    Lyman alpha (10.2 eV: ionising, or absorbed in a Lyman line after redshifting) when each CMB photon's
 *    energy is boosted by the mean factor (4/3) gamma^2 (the black-body energy fraction above
 *    x = 10.2 eV/((4/3) gamma^2 T_CMB); the first version used a step at (4/3) gamma^2 2.70 T_CMB = 13.6 eV and
 *    was replaced after the comparison with Slatyer's f_eff showed a deficit at 3-9 MeV; no parameter was
 *    fitted); the rest goes into sub-ionising CMB photons (a distortion, not ionisation: the "photons below the
 *    threshold for excitation and ionization" of Slatyer arXiv:1506.03812, abstract); the ICS photons above
 *    10.2 eV are counted as absorbed (upper estimate for gamma >~ 30, whose keV photons partly escape: their own
 *    transport is not followed). Below 11 eV the electron heats the gas (f_e = 1 there).
 *  - Stated approximations (first version; the secondaries are followed since branch secphot, see below):
 *    no secondary photons followed (ICS photons; for photon injection the positron
 *    of a Bethe-Heitler pair and its annihilation photons: the pairs' rest energy 2 m_e counts as lost); photon-photon processes on the CMB (E >~ 100 GeV at z ~ 1000)
 *    absent, hence E <= FB_CMB_DEP_E_MAX_GEV; He neutral below the hydrogen Saha start, He II above it,
 *    He III above FB_CMB_DEP_Z_HEIII; hydrogen fully ionised above the Saha start; each coarse cell uses
 *    the rates of its node.
 *  - Numerics: nodes L_k = ln(1+z_lo) + k h (h = FB_CMB_DEP_DL) up to z = FB_CMB_DEP_Z_TOP; in each cell the
 *    rates are constant and the steps exact (P E decays by exp(-(1 + a + b) ds), of which the fraction
 *    d/(1 + a + b) is deposited), steps of at most 10 % in E; a photon is dropped when P E/E0 < 1e-7
 *    (against 5 % and 1e-9: f_eff and the Capozzi ratios change by <= 1.2 %, the BC9 plane runs 1.35x faster).
 *
 *
 * Secondary cascade (issue 15, branch secphot; fb_cmb_casc.c), after the cascade of Slatyer, Padmanabhan & Finkbeiner
 * arXiv:0906.1197 and Slatyer arXiv:1506.03811 (secondaries followed in energy at each redshift until they deposit,
 * escape into the transparency window or fall below 13.6 eV):
 *  - Every electron (Compton recoil, photo-electron, Bethe-Heitler pair, injected lepton) cools at once (against the
 *    Hubble rate) and splits its kinetic energy T into: the gas share f_e(T) (Bethe/Coulomb losses plus the ICS power
 *    emitted in the Lyman band [10.2, 13.6) eV, counted absorbed as before), the ICS photons above 13.6 eV, binned on
 *    a photon energy grid (13.6 eV - 1.36 TeV; bins of ratio 10^(1/3), since branch feffgrid 10^(1/12) at 13.6 keV -
 *    1.36 MeV: "Non-uniform secondary grid" below), and the ICS power below
 *    10.2 eV (lost to the spectrum). The ICS spectrum is the Thomson-limit black-body one of Blumenthal & Gould
 *    (Rev. Mod. Phys. 42, 237 (1970) eq. 2.42) with its full spread in energy (the first version used the mean boost
 *    and counted every ICS photon above 10.2 eV as absorbed: the two documented gaps against Slatyer's f_eff);
 *    photons it would put above T (Klein-Nishina regime, gamma T_CMB >~ m_e/4, E_e >~ 250 GeV at z = 1000) are
 *    put in the bin of T and the ICS loss keeps its Thomson rate (approximation).
 *  - Compton recoil electrons: the energy given to recoils is spread over the Klein-Nishina recoil spectrum
 *    (energy share dsigma/dln eps (1 - eps), FB_CMB_DEP_NQ midpoint cells in ln eps; against 8 cells f_eff changes
 *    by <= 1.3 %) above k = E/m_e = 0.01, instead of one electron at the mean recoil eta E (which, with the steep
 *    gamma^2 of ICS, put too little ICS power above 10.2 eV for MeV photons).
 *  - Bethe-Heitler positrons annihilate at rest: the pair's 2 m_e goes into 511 keV photons on the grid (was lost).
 *  - The grid photons are transported cell by cell (cell = node spacing h) with the same processes as the primary:
 *    in each cell a photon of bin g leaves it with probability P = 1 - exp(-R h), R = a + (1 + b)/(1 - 1/rho)
 *    (absorption, and advection to bin g-1 at the rate that loses energy at the continuous rate 1 + b), its absorbed
 *    and Compton shares deposit / make secondaries as above, and photons arriving in lower bins during the cell are
 *    processed in the same cell (immediate cascade: exact in the thick and thin limits). This gives one transfer
 *    matrix M_k (NG x NG, lower triangular) and one deposit vector per cell, built once in fb_cmb_dep_init; a
 *    primary's secondaries are marched through them (cost per injection energy ~ n^2 NG^2/4 multiply-adds).
 *  - Not followed in branch secphot (added in branch secphot2, below): photon-photon pair production and photon-photon
 *    scattering on the CMB, the Klein-Nishina ICS regime, the 3-photon continuum of ortho-positronium.
 *
 * Photon-photon processes, Klein-Nishina ICS, positronium (issue 15, branch secphot2; fb_cmb_casc.c):
 *  - Photon-photon pair production on the CMB: Breit-Wheeler cross section averaged over angle and the Planck spectrum
 *    (Gould & Schreder 1967 phibar; Zdziarski & Svensson ApJ 344, 551 (1989); Slatyer, Padmanabhan & Finkbeiner
 *    arXiv:0906.1197), rate c r_e^2 T^3/(pi (hbar c)^3) G(E T/m_e^2) from a table of G; an absorption channel a_gg whose
 *    pairs are treated as the Bethe-Heitler ones (each lepton (E - 2 m_e)/2, the CMB photon's energy neglected). Rate = H
 *    at E = 42 GeV for z = 1000.
 *  - Photon-photon scattering (Euler-Heisenberg low-energy cross section, Svensson & Zdziarski ApJ 349, 415 (1990)):
 *    closed-form rate propto E^3 T^6 (= H at 12.6 GeV for z = 1000), the two outgoing photons share E with
 *    dN/dx propto (1 - x + x^2)^2 (8 cells) onto the secondary grid. The low-energy form is used up to the pair
 *    threshold (approximation where omega ~ m_e). Both switched off by no_gg (comparisons).
 *  - Klein-Nishina ICS: the spectrum of Blumenthal & Gould eq. 2.48 on the black body, tabulated in b = 4 gamma T/m_e
 *    (1e-3 - 1e4) and w = E1/(gamma m_e), replaces the Thomson spectrum above b = 1e-3 (E_e > 0.5 GeV at z = 1000) for
 *    the photon shares, and multiplies the Thomson ICS loss rate by F(b) in the gas share.
 *  - Positronium: every positron at rest (Bethe-Heitler, photon-photon and injected pairs) forms positronium: 1/4 para
 *    -> 2 photons of 511 keV, 3/4 ortho -> 3 photons with the Ore-Powell spectrum (Phys. Rev. 75, 1696 (1949)); for the
 *    pair kernel by exact photon kernels at 4 Gauss-Legendre nodes (kept in D_ann), for the secondary positrons as lines
 *    on the grid. (Assumption: no direct free annihilation; the positronium formation fraction is taken as 1.)
 *
 * Mixed-channel kernel (issue 15, branch cmbmix; fb_cmb_dep_set_spectrum, spectra from fb_cmb_mix.c): the kernel of an
 * injected spectrum of photon and e+- nodes is the energy-weighted sum of the nodes' photon / pair kernels, built in one
 * pass: line photons marched exactly with their weight, continuum photon nodes (a fixed grid) from a per-fb_cmb_dep cache
 * of photon kernels, e+- as in fb_cmb_dep_set_pair (kinetic share at once, annihilation by D_ann), and the secondaries of
 * all nodes marched once through the cascade matrices. Linear to 1e-9 in the kernel elements (test_cmb_mix).
 *
 * Discrete Compton scattering (issue 15, branch compton; fb_cmb_compton.c; the default, compton_continuous = 0):
 *  - Above k = E/m_e = FB_CMB_DEP_K_DISC = 0.1 (51 keV) a photon's Compton scattering is a discrete event, as in the
 *    photon transfer functions of Slatyer, Padmanabhan & Finkbeiner arXiv:0906.1197 and Slatyer arXiv:1506.03811
 *    (which follow the scattered photon spectrum) instead of the continuous loss above: the primary leaves its track at
 *    the scattering rate s_c = n_e,tot sigma_KN c/H (dln P/ds = -(a + s_c), dln E/ds = -1), and each scattering gives
 *    a photon E' = E eps, eps = 1/(1 + k (1 - cos theta)), distributed by the Klein-Nishina cross section (Klein &
 *    Nishina 1929; Rybicki & Lightman eq. 7.4), and a recoil electron E - E'. The kernel: FB_CMB_DEP_NC = 8 equal cells
 *    in ln eps over [-ln(1+2k), 0] (8-point Gauss-Legendre each), with number shares and number-weighted mean eps
 *    per cell (so photon + electron = E exactly, and the mean transfer is exact: it equals the continuous-loss eta,
 *    now the closed form 1 - sigma_s/sigma_KN of Evans' scattered-energy cross section above k = 0.01), tabulated on
 *    128 points in ln k (0.1 - 1e6) with the mean rescaled to the closed form. The recoil electrons deposit through
 *    fb_cmb_dep_electron_out (their ICS photons to the grid), the scattered photons go onto the secondary grid.
 *  - On the secondary grid, bins above k = 0.1 advect with the redshift alone (rate 1/(1 - 1/rho)) and leave by
 *    scattering (rate s_c) through the same kernel (the scattered photons split over neighbouring bins keeping number
 *    and energy; those back in the same bin are processed again in the cell, the immediate cascade of fb_cmb_casc_build).
 *  - Below k = 0.1 the continuous loss is kept (eta < 0.082 and the kernel's whole spread, eps in [0.83, 1], lies
 *    within one grid bin of ratio 2.15).
 *  - Stated approximations: the scattered photons are on the coarse grid (10^(1/3) bins): against a grid of 10^(1/6) /
 *    10^(1/12) the f_eff of 0.1-1 MeV photons is 5-8 % higher (validation.md); 8 kernel cells (16 cells: <= 2 %).
 *    [Since branch feffgrid the grid is fine where this mattered: next section.]
 *  - compton_continuous = 1 ([cmb_fip] compton = continuous; fb_cmb_params.compton_continuous) restores the
 *    continuous-loss model (cache keys carry the mode, 1 + no_secondaries + 2 no_gg + 4 discrete).
 *
 * Non-uniform secondary grid (issue 15, branch feffgrid; fb_cmb_dep_grid_setup in fb_cmb_casc.c):
 *  - The grid is built of units of 10^(1/12) from 13.6 eV to 1.36 TeV (FB_CMB_DEP_NU = 132); a bin spans a whole number
 *    of units: 4 (10^(1/3), the previous uniform grid) below 63 keV and above 1.36 MeV, 1 (10^(1/12)) in between
 *    (layout {4, 1, 4, 44, 60}: 45 bins instead of 33; since branch cmbgrid the band starts at 29 keV, {4, 1, 4, 40, 60}, 48 bins). Each bin's energy is the geometric centre of its edges;
 *    a line is split between the two neighbouring bin energies keeping number and energy (as before; exact also across
 *    unequal bins), and the advection to the next bin down uses that bin pair's own ratio, so that the energy loss
 *    rate stays exactly 1 + b.
 *  - Why: photons that Compton scatter lose ~10-30 % of their energy per scattering at 0.05-1 MeV, a fraction of a
 *    10^(1/3) bin, so on the coarse grid a scattering moves the energy by whole bins with a probability (energy kept on
 *    average, but the spread of energies grows by up to a bin per scattering), and the deposited fraction of 0.1-0.4 MeV
 *    photons came out 7-10 % below the converged (uniform 10^(1/12)) grid, where f_eff(E) is steep. Measured (validation.md
 *    "Non-uniform secondary grid"): with this layout f_eff is within 0.6 % of the converged grid at 0.1 - 1 MeV and
 *    within 2 % at all the table's energies (5 keV - 409 GeV, photons and e+e-); the CMB planes cost 7-21 % more
 *    (docs/performance.md) instead of ~10x for the uniform fine grid.
 *  - Stated gap of branch feffgrid (fixed in branch cmbgrid, next section): the upper edges of the CMB bands were not
 *    converged in the grid (R_aniso 3-110x too large at upper-edge points; still so with the default photon_grid).
 *  - The runtime layout (fb_cmb_params.dep_grid) is for the resolution tests and benchmarks; kernels cached on disk
 *    carry the layout in their key.
 *
 * Exact tracks below 51 keV (issue 15, branch cmbgrid; fb_cmb_dep_tracks_setup, fb_cmb_casc_run; the default since
 * session 12, photon_grid = tracks / fb_cmb_params.dep_no_tracks = 0: it costs +23 % CPU on the CMB planes, accepted
 * because the advected grid's upper edges were off by up to 62 % in coupling; docs/performance.md "Exact tracks"):
 *  - Cause of the upper-edge gap: photons injected at z ~ 2000-5000 Compton-cool on the ionised gas (b = n_e sigma c eta/H
 *    ~ 10-100 at 10-50 keV) towards E ~ m_e/(int tau ds), which lies below the He II photoabsorption threshold of the
 *    moment (a_HeII ~ 1 at ~20 keV, z ~ 3000): physically almost none of them survives to the recombination era. On the
 *    grid a photon leaves a bin after an exponentially distributed time (first-order advection), so a small fraction
 *    lingers in a bin for many e-folds of its mean residence and escapes the absorption; R_aniso at the upper edges,
 *    where it is a tail exp(-t/tau) times this survival, is dominated by that leak: with the advected grid it fell
 *    4.98 -> 0.042 -> 0.0026 -> 7.9e-5 (bc11 2 MeV, tau = 1.6e11 s) for bins of 10^(1/3) -> 10^(1/12) -> 10^(1/24) ->
 *    10^(1/48) (and not towards a limit: with bins finer than the per-cell energy loss the immediate cascade of
 *    fb_cmb_casc_build moves photons through many bins in one cell), i.e. no grid resolution was converged.
 *  - Fix: below FB_CMB_DEP_K_DISC m_e (51 keV) a photon only loses energy continuously and is absorbed, so its fate from
 *    (node, energy) is deterministic: the primary march of fb_cmb_dep_set_energy. The bins whose centres lie between
 *    FB_CMB_DEP_TRK_E_MIN_EV = 1 keV and 51 keV (7 of the default layout; below 1 keV the photons are absorbed at once
 *    after recombination and by He II before: tracks from 13.6 eV change R_aniso by < 0.3 %) are exact-track bins: one
 *    kernel per bin and node (the march from the bin's energy, secondaries not followed), and fb_cmb_casc_run hands
 *    their photons to these kernels at each node instead of advecting them; after FB_CMB_DEP_TRK_CELLS = 48 cells (0.48
 *    in ln(1+z)) what is left goes back onto the grid at its energy (two-point split) and starts a new track (cost:
 *    uncut tracks doubled the kernels' time; 16 cells gave R_aniso 1.4-6.3x off at the upper-edge points, 48 cells
 *    within 0.2 % of uncut tracks). The band of 10^(1/12) bins
 *    starts at 29 keV (layout {4, 1, 4, 40, 60}, 48 bins): the 29-63 keV bin of the old layout straddled 51 keV (a track
 *    from 43 keV for photons up to 63 keV). With the tracks the upper-edge R_aniso agrees between the default, the
 *    uniform 10^(1/12) and 10^(1/24) grids to 0.2-3.4 % (docs/validation.md "Exact tracks below 51 keV").
 *  - Stated approximations: a track's own secondaries (the ICS photons above 13.6 eV of its photo- and Compton
 *    electrons) are dropped: measured 0.23 / 0.06 / 4e-5 of a 51 keV electron's energy at z = 5000 / 3000 / 1000
 *    (before recombination these 13.6-100 eV photons redshift out or ionise He II far from the era the anisotropy
 *    bound weighs); a photon is handed to its track one cell after it reached the bin within a cell.
 *  - Remaining grid dependence (measured, not fixed): the coarse bins above 1.36 MeV move the bc11 upper edges at
 *    m = 29-170 MeV by +5-6 % against the uniform 10^(1/12) grid (10^(1/6) bins above the band remove most of it at
 *    ~2x the kernel cost).
 *
 * Call order: fb_cmb_dep_init() -> fb_cmb_dep_set_energy() (any number of times) -> fb_cmb_dep_apply()
 * -> fb_cmb_dep_free(). Units: E in GeV (eV inside), densities cm^-3, rates s^-1.
 */
#ifndef FB_CMB_DEP_H
#define FB_CMB_DEP_H

#include <stddef.h>

#include "fb_error.h"

struct fb_cmb;

#define FB_CMB_DEP_DL 0.01         /**< node spacing in ln(1+z) */
#define FB_CMB_DEP_Z_TOP 2.0e4     /**< highest injection node (photons from above deposit before z ~ 1550) */
#define FB_CMB_DEP_E_MAX_GEV 1.0e3 /**< highest photon energy (the secondary grid ends at 1.7 TeV) */
#define FB_CMB_DEP_E_MIN_GEV 1.0e-9 /**< lowest photon energy (1 eV; below 13.6 eV nothing is deposited) */
#define FB_CMB_DEP_NT 160          /**< electron kinetic-energy grid (log, 11 eV - 10 TeV) */
#define FB_CMB_DEP_NK 256          /**< Klein-Nishina eta table (log k, 1e-6 - 1e6) */
#ifndef FB_CMB_DEP_NU
#define FB_CMB_DEP_NU 132          /**< the photon grid of the secondary cascade is built of steps ("units") of 10^(1/12) from
                                        13.6 eV to 1.36 TeV (branch feffgrid; "Non-uniform secondary grid" above) */
#endif
#define FB_CMB_DEP_NG_MAX FB_CMB_DEP_NU /**< most bins (one unit each: the converged reference grid) */
#define FB_CMB_DEP_TRK_E_MIN_EV 1.0e3 /**< lowest bin centre of the exact tracks (below, the bins advect on the grid: their
                                        photons are absorbed at once after recombination and by He II before) */
#ifndef FB_CMB_DEP_TRK_CELLS
#define FB_CMB_DEP_TRK_CELLS 48    /**< longest exact track (cells) before its photon goes back onto the grid (branch
                                        cmbgrid; "Exact tracks below 51 keV" above) */
#endif
#define FB_CMB_DEP_NQ 4            /**< cells of the Compton recoil spectrum (fb_cmb_dep_compton_out) */
#ifndef FB_CMB_DEP_NC
#define FB_CMB_DEP_NC 8            /**< cells in ln(E'/E) of the discrete Klein-Nishina kernel (fb_cmb_compton.c) */
#endif
#define FB_CMB_DEP_NKC 128         /**< ln k points of the discrete kernel's table (K_DISC - 1e6) */
#ifndef FB_CMB_DEP_K_DISC
#define FB_CMB_DEP_K_DISC 0.1      /**< discrete Compton scattering above k = E/m_e = 0.1 (51 keV), continuous loss below */
#endif
#define FB_CMB_DEP_NY 300          /**< ICS share table (ln y, y = E1/(4 gamma^2 T_CMB) in 1e-5 - 80) */
#define FB_CMB_DEP_NKB 43          /**< Klein-Nishina ICS tables: b = 4 gamma T_CMB/m_e, ln b in [ln 1e-3, ln 1e4] */
#define FB_CMB_DEP_NKW 241         /**< ... and xi = ln(w/(1 - w)), w = E1/(gamma m_e), in [ln 1e-12, ln 1e9] */
#define FB_CMB_DEP_NOP 4           /**< nodes of the ortho-positronium continuum (Gauss-Legendre in x = E/m_e; each an
                                        exact photon kernel in fb_cmb_dep_set_pair, grid lines in fb_cmb_casc_add_positronium) */
#define FB_CMB_DEP_NGG 161         /**< photon-photon pair rate table G(nu), ln nu in [ln 0.01, ln 1000] */

#define FB_CMB_DEP_CACHE_MAX 64 /**< photon kernels kept for continuum nodes (1.7 MB each at 461 nodes) */

/** Photon rates per unit s = -ln(1+z) at a node (fb_cmb_dep_photon_rates). */
typedef struct fb_cmb_dep_rates {
  double a_pi[3]; /**< photoionisation of H I, He I, He II */
  double a_bh;    /**< Bethe-Heitler pair production on H and He */
  double a_gg;    /**< photon-photon pair production on the CMB (branch secphot2) */
  double a_pp;    /**< photon-photon scattering on the CMB (branch secphot2; its photons are secondaries) */
  double a;       /**< total absorption */
  double b;       /**< Compton continuous loss rate */
  double s_c;     /**< Compton scatterings (b = s_c eta; branch compton) */
  double eta;     /**< Klein-Nishina mean fractional loss per scattering */
} fb_cmb_dep_rates;

typedef struct fb_cmb_dep {
  size_t n;           /**< nodes */
  double L_lo, h;     /**< L_k = L_lo + k h */
  double E_GeV;       /**< injection energy of the kernel (0: none built) */
  int pair;           /**< 1: the kernel is that of an e+e- pair (fb_cmb_dep_set_pair), 0: of a photon */
  int no_secondaries; /**< 1: secondary photons not followed (the first version's primary-only kernel with the
                           Lyman-band ICS share; for tests and comparisons; reset E_GeV = 0 after changing it) */
  int compton_continuous; /**< 1: Compton scattering as a continuous energy loss on one track (the model before branch
                           compton; comparison option); 0 (default): discrete Klein-Nishina scattering above k = 0.1
                           (set with fb_cmb_dep_set_compton, which rebuilds the cascade matrices) */
  int no_gg;          /**< 1: photon-photon pair production and scattering off (for the before/after comparison; set before
                           fb_cmb_casc_build, i.e. rebuild the matrices with fb_cmb_casc_build after changing it) */
  int ng;             /**< bins of the secondary photon grid (fb_cmb_dep_grid_setup) */
  int grid[5];        /**< its layout (units per bin below / in / above the band, band start / end in units) */
  double gE[FB_CMB_DEP_NG_MAX];        /**< representative (geometric-centre) energy of each bin [eV] */
  double gEdge[FB_CMB_DEP_NG_MAX + 1]; /**< bin edges [eV] (gEdge[0] = 13.6 eV) */
  int ubin[FB_CMB_DEP_NU];             /**< bin of each 10^(1/12) unit */
  int g_trk0, g_trk;  /**< bins g_trk0..g_trk-1 (centres from FB_CMB_DEP_TRK_E_MIN_EV to FB_CMB_DEP_K_DISC m_e: continuous
                           loss only) follow exact tracks (branch cmbgrid, "Exact tracks below 51 keV"); g_trk = 0: none */
  double *Ktrk;       /**< their track kernels: Ktrk[((g - g_trk0) n + k) (FB_CMB_DEP_TRK_CELLS + 1) + k' - trk_lo], the energy
                           fraction deposited
                           in cell k' by a photon of bin g's energy at node k (as D; no secondaries) */
  int *trk_lo;        /**< (g_trk - g_trk0) x n, index (g - g_trk0) n + k: lowest cell k' of each track */
  int *trk_out;       /**< the same index: a track ends after FB_CMB_DEP_TRK_CELLS cells; what is left goes back onto the grid
                           at node trk_lo, into bins trk_out and trk_out + 1 (-1: nothing left) ... */
  double *trk_w;      /**< ... with these energy fractions (2 per track) */
  double *pend;       /**< scratch of fb_cmb_casc_run: photons going back onto the grid per node and bin (n x ng), then
                           the tracks' deposits of one column (n); zero between calls */
  double *z, *H_s, *t_s;    /**< redshift, H [1/s], cosmic time [s] at the nodes */
  double *nH, *xHI, *ne_free; /**< hydrogen density, neutral fraction, free electrons at the nodes */
  int *he_state;      /**< 0 He I, 1 He II, 2 He III */
  double *u_cmb_eV;   /**< CMB energy density [eV cm^-3] */
  double *Fe;         /**< cumulative electron deposition int_0^T r dT' on the T grid, n x FB_CMB_DEP_NT */
  double *Fy;         /**< cumulative ICS energy above 13.6 eV per photon bin, n x FB_CMB_DEP_NT x ng */
  double *M, *depg;   /**< cascade transfer matrices (n x ng x ng, column-major per cell) and deposits (n x ng) */
  double *src;        /**< scratch: secondary photons of one primary per cell and bin (n x ng) */
  double Tg[FB_CMB_DEP_NT];     /**< the electron kinetic-energy grid [eV] */
  int Fy_top[FB_CMB_DEP_NT];    /**< highest photon bin with ICS energy of an electron of Tg[i] (rows of Fy are zero above) */
  double ics_C[FB_CMB_DEP_NY]; /**< share of the ICS power above y (Thomson, black body) */
  double *D;          /**< D[k*n + j]: fraction of the energy injected at node j deposited in cell k (k <= j) */
  double *eps, *q;    /**< scratch: deposited power density, injection shape at the nodes */
  double f_He;        /**< n_He/n_H */
  double kn_eta[FB_CMB_DEP_NK]; /**< Klein-Nishina mean fractional loss on the ln k grid */
  double kn_ceps[FB_CMB_DEP_NKC][FB_CMB_DEP_NC]; /**< discrete Klein-Nishina kernel (fb_cmb_kn_cells) on the ln k grid
                                                      K_DISC .. 1e6: mean E'/E per cell ... */
  double kn_cwn[FB_CMB_DEP_NKC][FB_CMB_DEP_NC];  /**< ... and number shares (fb_cmb_kn_table; branch compton) */
  double T_cmb0_eV;   /**< CMB temperature today [eV] */
  double gg_G[FB_CMB_DEP_NGG]; /**< photon-photon pair rate G(nu) e^{1/nu} on the black body (fb_cmb_gg_G) */
  double kn_F[FB_CMB_DEP_NKB]; /**< Klein-Nishina ICS power / Thomson power on the ln b grid (fb_cmb_kn_ics_F) */
  double *kn_C;       /**< Klein-Nishina ICS: share of the power above w, NKB x NKW (fb_cmb_kn_ics_table) */
  double *D_ann;      /**< kernel of one positron's annihilation at rest (positronium photons), n x n, built at the
                           first fb_cmb_dep_set_pair and reused (independent of the pair energy) */
  int D_ann_mode;     /**< 0: D_ann not built; else 1 + no_secondaries + 2 no_gg (+ 4 discrete Compton) at its build */
  int cont_on_grid;   /**< 1: continuum photon nodes of fb_cmb_dep_set_spectrum enter the secondary grid at injection
                           (no exact primary march) instead of the cached exact kernels (comparison option) */
  int n_cache;        /**< photon kernels kept for the continuum nodes of fb_cmb_dep_set_spectrum (branch cmbmix) */
  double cache_E_GeV[FB_CMB_DEP_CACHE_MAX];
  int cache_mode[FB_CMB_DEP_CACHE_MAX]; /**< 1 + no_secondaries + 2 no_gg (+ 4 discrete Compton) at the build */
  double *cache_D[FB_CMB_DEP_CACHE_MAX];
} fb_cmb_dep;

/** Node data (densities, x_e from c's recombination grid, CMB energy density) and the electron table;
 *  c must have its recombination grid (fb_cmb_window_setup); the secondary grid's layout from c->par.dep_grid. */
int fb_cmb_dep_init(fb_cmb_dep *d, const struct fb_cmb *c, fb_err *err);
void fb_cmb_dep_free(fb_cmb_dep *d);
/** Build the transfer kernel for photons injected with energy E_GeV (FB_CMB_DEP_E_MIN_GEV..FB_CMB_DEP_E_MAX_GEV;
 *  FB_ERR_INPUT outside). No-op if the kernel of that energy exists. */
int fb_cmb_dep_set_energy(fb_cmb_dep *d, double E_GeV, fb_err *err);
/** Deposited power density on c's recombination grid points k >= k_min, for the injected power density
 *  eps_inj = amp (1+z)^3 exp(-t/tau_s) (amp in eV cm^-3 s^-1), written to eps_out. */
void fb_cmb_dep_apply(fb_cmb_dep *d, const struct fb_cmb *c, double tau_s, double amp, size_t k_min, double *eps_out);
/** Build the kernel of an e+e- pair whose leptons each carry total energy E_GeV (m_e < E_GeV <= FB_CMB_DEP_E_MAX_GEV):
 *  each lepton's kinetic energy T = E - m_e deposits the share f_e(T) at once (cooling is fast against the
 *  Hubble rate; its ICS photons as in the photon kernel), and the positron annihilates at rest with an ambient
 *  electron into two 511 keV photons (positronium's 3/4 ortho 3-photon continuum neglected), which follow the
 *  photon kernel of 511 keV: D_pair[k][j] = [T f_e(T, z_j) delta_kj + m_e D_511[k][j]] / E (the pair's 2E
 *  equals 2T plus the 2 m_e of the annihilation photons). */
int fb_cmb_dep_set_pair(fb_cmb_dep *d, double E_GeV, fb_err *err);
/** Maximum number of nodes of an injected spectrum (fb_cmb_dep_set_spectrum). */
#define FB_CMB_DEP_SPEC_MAX 160
/** An injected electromagnetic spectrum as nodes (branch cmbmix, issue 15): photons (pair = 0) of energy E_GeV, or
 *  charge-symmetric e+- (pair = 1) of TOTAL energy E_GeV each, carrying the share w of the injected energy (sum 1). */
typedef struct fb_cmb_dep_spectrum {
  int n;
  int pair[FB_CMB_DEP_SPEC_MAX];
  int cont[FB_CMB_DEP_SPEC_MAX];  /**< 1: a node of a continuum on a fixed energy grid (its photon kernel is kept in the
                                       kernel cache of fb_cmb_dep and reused by every later spectrum), 0: a line */
  double E_GeV[FB_CMB_DEP_SPEC_MAX];
  double w[FB_CMB_DEP_SPEC_MAX];
} fb_cmb_dep_spectrum;
/** The kernel of a spectrum (mixed-channel kernel, branch cmbmix): D = sum_i w_i D_i, D_i the photon kernel of
 *  fb_cmb_dep_set_energy or the pair kernel of fb_cmb_dep_set_pair at E_i (a lepton of E <= m_e: all annihilation),
 *  built in one pass (the photons' primary marches scaled by w_i, the secondaries of all nodes summed and marched
 *  once through the cascade matrices: the cost of one kernel plus one primary march per photon node). A one-node
 *  spectrum reproduces set_energy / set_pair bit for bit. FB_ERR_INPUT for energies out of range or weights not
 *  summing to 1. */
int fb_cmb_dep_set_spectrum(fb_cmb_dep *d, const fb_cmb_dep_spectrum *s, fb_err *err);
/** The same for any injection history: q[j] = eps_inj(z_j)/(1+z_j)^3 at the nodes [eV cm^-3 s^-1]. */
void fb_cmb_dep_apply_shape(fb_cmb_dep *d, const struct fb_cmb *c, const double *q, size_t k_min, double *eps_out);
/** Fraction of the energy of a photon injected at node j that is deposited down to z_lo (sum over cells). */
double fb_cmb_dep_total_fraction(const fb_cmb_dep *d, size_t j);
/** Index of the node nearest to redshift z. */
size_t fb_cmb_dep_node(const fb_cmb_dep *d, double z);

/* Cross sections and rates (exposed for the tests). */
/** Klein-Nishina total cross section [cm^2] at k = E/m_e (closed form). */
double fb_cmb_sigma_kn_cm2(double k);
/** Mean fractional energy loss <1 - E'/E> per Compton scattering at k = E/m_e (numerical, 400-point
 *  Simpson over ln(E'/E)). */
double fb_cmb_kn_mean_loss(double k);
/** Verner et al. astro-ph/9601009 photoionisation cross sections [cm^2] of H I (species 0), He I (1),
 *  He II (2) at photon energy E_eV (0 below threshold). */
double fb_cmb_sigma_photoion_cm2(int species, double E_eV);
/** Exact hydrogenic ground-state photoionisation cross section [cm^2] (nuclear charge Z, E in eV). */
double fb_cmb_sigma_hydrogenic_cm2(double Z, double E_eV);
/** Bethe-Heitler pair production on a nucleus of charge Z [cm^2] at k = E/m_e (0 below k = 2). */
double fb_cmb_sigma_bh_cm2(double Z, double k);
/** Share f_e of an electron's kinetic energy T_eV deposited into the gas at node k. */
double fb_cmb_dep_electron_fraction(const fb_cmb_dep *d, size_t k, double T_eV);

/* Secondary cascade (fb_cmb_casc.c; exposed for the tests). */
/** Universal ICS power spectrum P(y) on a black body (Thomson limit, arbitrary normalisation int P dy = pi^4/135). */
double fb_cmb_ics_power_y(double y);
/** Fill d->ics_C (called by fb_cmb_dep_init). */
void fb_cmb_ics_table(fb_cmb_dep *d);
/** Share of the ICS power emitted above y = E1/(4 gamma^2 T_CMB). */
double fb_cmb_ics_share_above(const fb_cmb_dep *d, double y);
/** ICS power shares of an electron of Lorentz factor gamma at node k: returns the Lyman-band [10.2, 13.6) eV share,
 *  adds the share of each grid bin to vec (if not NULL). */
double fb_cmb_ics_shares(const fb_cmb_dep *d, size_t k, double gamma, double *vec);
/** The default layout of the secondary photon grid (branch feffgrid) into layout[5] (see fb_cmb_dep.grid). */
void fb_cmb_dep_grid_default(int *layout);
/** Set up d's secondary photon grid (ng, gE, gEdge, ubin) from layout[5] = {units per bin below the band, in it, above
 *  it, band start, band end} (units of 10^(1/12) counted from 13.6 eV, 0..FB_CMB_DEP_NU; bins never straddle the band
 *  edges); all zero (or NULL): the default layout. FB_ERR_INPUT for a layout out of range. Called by fb_cmb_dep_init. */
int fb_cmb_dep_grid_setup(fb_cmb_dep *d, const int *layout, fb_err *err);
/** Representative energy of grid bin g [eV]; bin of an energy (-1 below 13.6 eV). */
double fb_cmb_casc_E_eV(const fb_cmb_dep *d, int g);
int fb_cmb_casc_bin(const fb_cmb_dep *d, double E_eV);
/** Add a photon line (energy fraction w) to the grid vector, split to keep number and energy. */
void fb_cmb_casc_add_line(const fb_cmb_dep *d, double E_eV, double w, double *vec);
/** Photon rates at node k and energy E_eV. */
void fb_cmb_dep_photon_rates(const fb_cmb_dep *d, size_t k, double E_eV, fb_cmb_dep_rates *r);
/** Deposited energy fraction (returned) and secondary photons (added to vec if not NULL) of the energy fraction w
 *  carried by an electron of kinetic energy T_eV at node k. */
double fb_cmb_dep_electron_out(const fb_cmb_dep *d, size_t k, double T_eV, double w, double *vec);
/** The same for the Compton recoil electrons of a photon of energy E_eV (mean fractional loss eta) carrying the
 *  energy fraction w, spread over the Klein-Nishina recoil spectrum (FB_CMB_DEP_NQ cells; fb_cmb_dep.c). */
double fb_cmb_dep_compton_out(const fb_cmb_dep *d, size_t k, double E_eV, double eta, double w, double *vec);
/** Deposit (returned) and secondaries (vec) of the absorbed (x_abs) and Compton (x_comp) energy fractions. */
double fb_cmb_dep_outcome(const fb_cmb_dep *d, size_t k, double E, const fb_cmb_dep_rates *r, double x_abs,
                          double x_comp, double *vec);
/** Breit-Wheeler: phibar(s0) = int_1^s0 s sigmabar(s) ds, sigmabar = 2 sigma_gg/(pi r_e^2) (Gould & Schreder 1967),
 *  s = E eps (1 - cos theta)/(2 m_e^2); numerical (trapezoid in ln(s - 1)). */
double fb_cmb_gg_phibar(double s0);
/** Dimensionless photon-photon pair rate on a black body: Gamma = c r_e^2 T^3/(pi (hbar c)^3) G(nu), nu = E T/m_e^2,
 *  G(nu) = nu^-2 int_0^inf dx phibar(nu x)/(e^x - 1) (numerical). */
double fb_cmb_gg_G(double nu);
/** Photon-photon scattering rate on the CMB [1/s] of a photon E_eV at CMB temperature T_eV (low-energy
 *  Euler-Heisenberg cross section; closed form, fb_cmb_casc.c). */
double fb_cmb_pp_rate_s(double E_eV, double T_eV);
/** Ore & Powell (1949) photon spectrum of ortho-positronium's 3-photon decay, x = E/m_e in (0, 1)
 *  (int f dx = pi^2 - 9, mean x = 2/3). */
double fb_cmb_ore_powell(double x);
/** The ortho continuum's FB_CMB_DEP_NOP nodes x_i and energy shares s_i (sum 1): 4-point Gauss-Legendre on (0, 1) of
 *  x f(x). */
void fb_cmb_ortho_nodes(double *x, double *s);
/** Positronium annihilation of a positron at rest carrying the energy fraction w (its 2 m_e with an ambient electron):
 *  1/4 para -> a 511 keV line (para = 1: added; 0: left out), 3/4 ortho -> the Ore-Powell continuum
 *  (FB_CMB_DEP_NOP cells), onto the grid vector vec. */
void fb_cmb_casc_add_positronium(const fb_cmb_dep *d, double w, int para, double *vec);
/** Fill d->gg_G (called by fb_cmb_dep_init; FB_ERR_MEMORY if its scratch cannot be allocated). */
int fb_cmb_gg_table(fb_cmb_dep *d, fb_err *err);
/** Photon-photon pair production rate per unit s = -ln(1+z) of a photon E_eV at node k (table, 0 below nu = 0.01). */
double fb_cmb_gg_rate(const fb_cmb_dep *d, size_t k, double E_eV);
/** Klein-Nishina ICS on a black body (Blumenthal & Gould 1970 eq. 2.48): emitted power per unit w = E1/(gamma m_e)
 *  of an electron gamma >> 1, b = 4 gamma T/m_e, normalised so that its integral is b^2 pi^4/135 in the Thomson limit. */
double fb_cmb_kn_ics_power_w(double b, double w);
/** Its integral over w divided by the Thomson value b^2 pi^4/135 (direct; the loss-rate factor). */
double fb_cmb_kn_ics_F(double b);
/** Fill d->kn_F, d->kn_C (called by fb_cmb_dep_init; FB_ERR_MEMORY if kn_C cannot be allocated). */
int fb_cmb_kn_ics_table(fb_cmb_dep *d, fb_err *err);
/** Table lookups: loss-rate factor at b (1 below b = 1e-3), share of the power above w. */
double fb_cmb_kn_F(const fb_cmb_dep *d, double b);
double fb_cmb_kn_share_above(const fb_cmb_dep *d, double b, double w);
/** Persistent cache of the continuum photon kernels (fb_cmb_dep_cache.c, fb_cache.h): load the kernel of E_GeV and mode
 *  (1 + no_secondaries + 2 no_gg) into K (n x n, lower triangle zero): 1 on a hit, 0 otherwise; store it (best effort). */
int fb_cmb_dep_disk_load(const fb_cmb_dep *d, double E_GeV, int mode, double *K);
void fb_cmb_dep_disk_store(const fb_cmb_dep *d, double E_GeV, int mode, const double *K);
/** Discrete Klein-Nishina scattering (fb_cmb_compton.c, branch compton). Energy-weighted (scattered-energy) cross
 *  section sigma_s = int (E'/E) dsigma [cm^2] at k = E/m_e (closed form). */
double fb_cmb_kn_sigma_scat_cm2(double k);
/** The Klein-Nishina kernel on nc equal cells in ln(E'/E) over [-ln(1+2k), 0]: number shares wn (sum 1) and
 *  number-weighted mean E'/E per cell (eps). */
void fb_cmb_kn_cells(double k, int nc, double *eps, double *wn);
/** Fill d->kn_ceps, d->kn_cwn (called by fb_cmb_dep_init). */
void fb_cmb_kn_table(fb_cmb_dep *d);
/** The kernel at k >= FB_CMB_DEP_K_DISC from the table (linear in ln k), its mean transfer sum wn (1 - eps) rescaled to
 *  the closed form 1 - sigma_s/sigma_KN (so the table keeps the exact mean and sum wn = 1). */
void fb_cmb_kn_cells_at(const fb_cmb_dep *d, double k, double *eps, double *wn);
/** Deposit (returned) and secondaries (vec: the scattered photons and the recoils' ICS photons) of the energy fraction
 *  w carried by photons of E_eV that Compton scatter at node k (FB_CMB_DEP_NC kernel cells). */
double fb_cmb_dep_scatter_out(const fb_cmb_dep *d, size_t k, double E_eV, double w, double *vec);
/** Choose the Compton treatment (continuous = 1: continuous loss; 0: discrete, the default) and rebuild the cascade
 *  matrices and drop the built kernels if it changed. */
void fb_cmb_dep_set_compton(fb_cmb_dep *d, int continuous);
/** Build the exact-track kernels of the bins below FB_CMB_DEP_K_DISC m_e (branch cmbgrid; on = 0: none, g_trk = 0);
 *  called by fb_cmb_dep_init before fb_cmb_casc_build. FB_ERR_MEMORY. */
int fb_cmb_dep_tracks_setup(fb_cmb_dep *d, int on, fb_err *err);
/** Build the cascade transfer matrices (called by fb_cmb_dep_init). */
void fb_cmb_casc_build(fb_cmb_dep *d);
/** March secondaries src (cells k_lo..j) of a primary injected at node j and add their deposits to D[k][j]. */
void fb_cmb_casc_run(fb_cmb_dep *d, size_t j, size_t k_lo, const double *src, double *D);

#endif /* FB_CMB_DEP_H */
