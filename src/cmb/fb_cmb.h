/**
 * @file fb_cmb.h
 * @brief CMB bounds on a decaying particle X: spectral distortions (mu, y) against COBE/FIRAS and
 *        energy injection at recombination against Planck, from the electromagnetic heating history.
 *
 * What is computed
 *  - Background (z <~ 1e7, after e+e- annihilation): photons at T0 = FB_TCMB_K, three massless
 *    neutrinos with N_eff = FB_NEFF_SM, baryons + CDM and Lambda with Planck 2018 parameters
 *    (FB_H_PLANCK, FB_OMEGA_B_H2_PLANCK, FB_OMEGA_C_H2_PLANCK; arXiv:1807.06209):
 *      H(z) = H0 sqrt(Omega_r (1+z)^4 + Omega_m (1+z)^3 + Omega_L),
 *    and the cosmic time of a radiation + matter universe in closed form (with u = Omega_r + Omega_m a):
 *      t(a) = [ (2/3) u^{3/2} - 2 Omega_r u^{1/2} + (4/3) Omega_r^{3/2} ] / (H0 Omega_m^2)
 *    (Lambda changes t by < 1e-6 relative at z > 200, where this module uses it).
 *  - Heating history of a particle with initial yield Y_X = n_X/s (before decays), mass m, lifetime
 *    tau and electromagnetic energy fraction f_em (the rest goes to neutrinos / invisible states):
 *      d(Delta rho_gamma/rho_gamma)/dt = f_em m Y_X s(z) exp(-t/tau) / (tau rho_gamma(z)),
 *    i.e. dQ/dz = f_em (m Y_X s0 / rho_gamma0) exp(-t(z)/tau) / (tau (1+z)^2 H(z)) (per unit z,
 *    positive going back in time). Energy is assumed to reach the photon-baryon plasma at once
 *    ("on the spot"; valid for injection well above the plasma temperature before recombination).
 *  - Spectral distortions, default (`dist` FB_CMB_DIST_FIRAS, issue 15): the heating Green's function
 *    G_th(x, z) ~ J_bb K(x, y_gamma(z)) + (1 - J_bb) G/4, K the y-type distortion evolved by Compton
 *    scattering (linearised Kompaneets equation, fb_cmb_green.c), projected by least squares onto G, Y, M
 *    over the 43 FIRAS channels (Chluba & Jeong arXiv:1306.5751; what CLASS v3's `exact` mode does with
 *    CosmoTherm's Green's function): mu = int J_bb p_mu dQ/dz dz, y = int J_bb p_y dQ/dz dz. mu and y so
 *    defined are those a fit of the measured spectrum returns, and depend on the band in the mu-y
 *    transition (residual era). Option FB_CMB_DIST_BRANCHING, the branching ratios
 *    (Chluba & Sunyaev arXiv:1109.6552; Chluba arXiv:1304.6120, arXiv:1603.02496):
 *      mu = 1.401 int J_bb(z) J_mu(z) dQ/dz dz,   y = (1/4) int J_y(z) dQ/dz dz,
 *      J_bb = exp(-(z/z_mu)^{5/2}), z_mu = 1.98e6 (double Compton + bremsstrahlung),
 *      J_mu = 1 - exp(-[(1+z)/5.8e4]^{1.88}), J_y = (1 + [(1+z)/6.0e4]^{2.58})^{-1};
 *    optionally the improved J_bb* = 0.983 J_bb (1 - 0.0381 (z/z_mu)^{2.29}) (arXiv:1506.06582).
 *    The integrals run from z_min (default 1100: after recombination the photons no longer take up
 *    the heat through Compton scattering) to z_max (default 1e7, where J_bb < 1e-8).
 *    Bound: COBE/FIRAS |mu| < 9e-5, |y| < 1.5e-5 at 95% CL (Fixsen et al. astro-ph/9605054).
 *  - Energy injection at recombination (CMB anisotropies), redshift-resolved. The deposited power
 *    density of the decay, eps(z) = f_eff f_em m Y_X s(z) exp(-t(z)/tau)/tau with f_eff = 1 (on the
 *    spot: the injected energy is deposited when it is released; stated uncertainty: with the
 *    delayed deposition of the cascade (f_c(z), Slatyer arXiv:1506.03812) the effective efficiency of
 *    photons is 0.14-0.87 between 5 keV and 6 TeV (arXiv:1506.03811 fig. 3, annihilation weighting,
 *    as digitised in Hazma's cmb_data/f_eff_g.dat), and Acharya & Khatri arXiv:1910.06272 find
 *    that relaxing on-the-spot changes pre-recombination bounds by a factor of a few to ten; option
 *    photon_E_GeV > 0 (fb_cmb_set_photon_energy): photons of that energy with the delayed, energy-dependent
 *    deposition of fb_cmb_dep.h replace eps(z) by the deposited power; the benchmark planes use it for
 *    two-photon lines, [cmb_fip] deposition = auto), ionises
 *    and excites hydrogen with the Chen & Kamionkowski fractions chi_i = chi_alpha = (1 - x_e)/3
 *    (astro-ph/0310473; CLASS chi_type = CK_2004; option `chi_type` galli2013: the tabulated
 *    chi_ionH(x_e), chi_lya(x_e) of Galli et al. arXiv:1306.0563); the change Delta x_e(z) follows from the
 *    linearised Peebles/RECFAST three-level atom (fb_cmb_xe, fb_cmb_xe.c) on a grid in ln(1+z)
 *    from the Saha start (x_H = 0.99, z ~ 1550) down to z = FB_CMB_XE_Z_LO = 200.
 *    Default (`aniso_method` visibility): the CMB's sensitivity to Delta x_e(z) is taken as that of
 *    the Thomson opacity it changes, weighted by the visibility function g = tau' e^{-tau}:
 *      S_vis = int g(L) Delta x_e/x_e dL = int e^{-tau(z)} d(Delta tau)   (L = ln(1+z)),
 *    i.e. the extra optical depth, each scattering counted with the probability e^{-tau} that the
 *    photon it rescatters is not scattered again before today. Stated approximation: to first order
 *    an extra optical depth Delta tau at a redshift after the anisotropies formed suppresses them by
 *    e^{-2 Delta tau} at l >> 1 (the reionisation damping; for injected energy: Padmanabhan &
 *    Finkbeiner astro-ph/0503486, Chen & Kamionkowski astro-ph/0310473), and
 *    the sensitivity to a perturbation of ln x_e is localised at the (differential) visibility peak
 *    (Farhang, Bond & Chluba arXiv:1110.4608, whose x_e eigenmodes are weighted by the fiducial
 *    history); one projection stands for the principal components (Finkbeiner et al.
 *    arXiv:1109.6322; Slatyer & Wu arXiv:1610.06933 show that a decay is described by one number);
 *    the opposite effect of extra scattering before last scattering (less diffusion damping) and
 *    the partial degeneracy of late Delta tau with A_s and tau_reio are not modelled; z < 200 is
 *    left out (conservative for tau >~ 1e15 s). chi^2 = 4 (S_vis/S_vis,ann)^2 with S_vis,ann the
 *    same projection for s-wave annihilation at the Planck 2018 bound p_ann = f_eff <sigma v>/m
 *    < 3.2e-28 cm^3/s/GeV (arXiv:1807.06209; eps_ann = p_ann rho_c^2(z) c^2), the only
 *    normalisation; R = S_vis/S_vis,ann, excluded if R > 1 (95% CL).
 *    Measured (tests/cmb/test_cmb_window.c): x_e(z) and Delta x_e agree with CLASS v3/HyRec (CK_2004,
 *    on the spot) to 1-3 % at tau = 3e12-1e16 s; against a Planck-like Fisher estimate from CLASS
 *    C_l (six LCDM parameters marginalised, tools/cmb_class_fisher.py) f_max is 0.88 / 0.32 / 0.078
 *    / 0.38 / 0.42 / 0.67 / 0.98 / 1.21 / 1.40 / 2.08 / 2.54 of it at tau = 5e11 / 1e12 / 1.5e12 /
 *    2e12 / 3e12 / 5e12 / 1e13 / 3e13 / 1e14 / 1e15 / 1e16 s (too strong by 13x at 1.5e12 s, 1.4x in
 *    lifetime at fixed f: there the CLASS response shows the cancellation this projection leaves
 *    out); a particle that is all of the CDM is excluded up to tau = 1.5e25 s (Poulin et al.
 *    arXiv:1610.10051: ~1e25 s).
 *    Other methods (options; same Delta x_e):
 *    `window`: S_late = Delta x_e(z_eff), z_eff = 600 (the peak of the first principal component,
 *      arXiv:1109.6322), over its annihilation value; 130x weaker than the Fisher estimate at
 *      1e12 s (energy released at z ~ 1100-1300 barely survives to z_eff), within a factor 2.1 at
 *      3e12-1e14 s.
 *    `window_max`: max(R_late, R_ls), R_ls = Delta x_e/x_e at the visibility peak z_star over its
 *      annihilation value (aggressive: annihilation's bound is set by its late effect; 23x stronger
 *      than the estimate at 1e12 s).
 *    `power`: R = injected power at z_eff over p_ann,max rho_c^2(z_eff), i.e.
 *      f_em m Y_X s(z_eff) exp(-t(z_eff)/tau)/tau / (p_ann rho_c^2(z_eff)); collapses below
 *      tau ~ 5e12 s (exp(-t(z_eff)/tau)).
 *    `fisher` (issue 15, branch cmbfisher): Delta chi^2 = a^T F a in deposition-redshift bins with a kernel made
 *      from CLASS runs (fb_cmb_fisher.h); R = sqrt(Delta chi^2/4).
 *    `visibility_post` (issue 15, 2026-12-07): S_post = int_{z < z_star} e^{-tau} d(Delta tau), the visibility
      projection restricted to the extra optical depth after the visibility peak z_star. Physical argument
      (stated before it was measured): the e^{-2 Delta tau} suppression holds for scatterings after the
      acoustic sources have frozen; a photon rescattered during the visibility peak is re-emitted by a
      baryon-photon fluid that still carries the acoustic pattern (tight coupling until the drag epoch,
      z_d ~ 1060), so extra optical depth there redistributes the visibility (a signed shift / damping
      effect, partly degenerate with the LCDM parameters) rather than erasing anisotropy; the cut at the
      peak is sharp (the freezing is spread over the visibility width, Delta z ~ 80). Measured against the
      CLASS Fisher estimate (docs/validation.md "Published decaying-particle bounds and the 1.5e12 s gap"):
      0.119 instead of 0.078 at 1.5e12 s, rms of log10(ours/estimate) 0.38 instead of 0.44 over
      5e11-1e16 s, 2.8x weaker at 5e11 s; not the default.
    All four window projections are reported (R_late, R_ls, R_vis, R_post) whatever the method.
 *
 * Call order: fb_cmb_params_default() (optional edits) -> fb_cmb_init() -> any number of
 * fb_cmb_decay_eval() / helper calls (not thread safe: one fb_cmb per thread, it owns a quadrature
 * workspace) -> fb_cmb_free().
 *
 * Units: z dimensionless, times in s, masses and m Y_X in GeV, densities in GeV cm^-3, rates in s^-1.
 */
#ifndef FB_CMB_H
#define FB_CMB_H

#include "fb_decay.h"
#include "fb_error.h"
#include "fb_quad.h"
#include "fb_thermo.h"

/** Thermalisation visibility variants. */
typedef enum { FB_CMB_JBB_SIMPLE = 0, FB_CMB_JBB_IMPROVED = 1 } fb_cmb_jbb;

/** How mu and y follow from the heating history (issue 15):
 *  FB_CMB_DIST_FIRAS (default): the Green's function of heating G_th(x, z) ~ J_bb K(x, y_gamma(z)) + (1 - J_bb) G/4
 *    (K the Compton-evolved y-type distortion, linearised Kompaneets equation; fb_cmb_green.c) projected by least
 *    squares onto the G, Y, M shapes over the 43 FIRAS channels (Chluba & Jeong arXiv:1306.5751; the mu and y
 *    that a fit of the FIRAS spectrum measures, including the residual era's distortion):
 *      mu = int J_bb(z) p_mu(z) dQ/dz dz,   y = int J_bb(z) p_y(z) dQ/dz dz;
 *  FB_CMB_DIST_BRANCHING: the branching ratios of Chluba arXiv:1304.6120 (1.401 J_bb J_mu, J_y/4; previous
 *    default, the `soft_soft` approximation of CLASS v3), which leave out the residual (r-type) energy. */
typedef enum { FB_CMB_DIST_BRANCHING = 0, FB_CMB_DIST_FIRAS = 1 } fb_cmb_dist;
/** The method named `name` ("firas", "branching"); FB_ERR_INPUT naming the allowed values otherwise. */
int fb_cmb_dist_from_name(const char *name, fb_cmb_dist *out, fb_err *err);

/** Nodes (uniform in ln(1+z) over [z_min, z_max]) and step control of the FIRAS Green's-function tables. */
#define FB_CMB_GREEN_NZ 1201
#ifndef FB_CMB_GREEN_DY_REL
#define FB_CMB_GREEN_DY_REL 4e-3
#endif
#define FB_CMB_GREEN_DY_MAX 2e-2

/** Projections onto the FIRAS band of the Compton-evolved heating distortion K(x, y_gamma(z)) per unit
 *  Delta rho/rho (before J_bb): coefficients of G (temperature), Y and M (mu) on a grid in ln(1+z). */
typedef struct fb_cmb_gth {
  size_t n;
  double L0, dL;                 /**< ln(1+z) of node 0, node spacing */
  double *y_gamma;               /**< Compton parameter from z to today */
  double *pg, *py, *pm;          /**< projections (G, Y, M coefficients) */
} fb_cmb_gth;

/** Split of the deposited energy into hydrogen ionisation and Lyman-alpha excitation (fb_cmb_xe.c):
 *  Chen & Kamionkowski chi_i = chi_alpha = (1 - x_e)/3 (astro-ph/0310473) or the table of Galli,
 *  Slatyer, Valdes & Iocco arXiv:1306.0563 (chi_ionH(x_e), chi_lya(x_e)). */
typedef enum { FB_CMB_CHI_CK2004 = 0, FB_CMB_CHI_GALLI2013 = 1 } fb_cmb_chi;

/** Anisotropy-bound methods (see the file comment). */
typedef enum {
  FB_CMB_ANISO_WINDOW = 0,
  FB_CMB_ANISO_POWER = 1,
  FB_CMB_ANISO_WINDOW_MAX = 2,
  FB_CMB_ANISO_VISIBILITY = 3,
  FB_CMB_ANISO_VISIBILITY_POST = 4,
  FB_CMB_ANISO_FISHER = 5 /**< Delta chi^2 = a^T F a in deposition-redshift bins (fb_cmb_fisher.h; issue 15) */
} fb_cmb_aniso;

/** The anisotropy method named `name` ("window", "window_max", "power", "visibility", "visibility_post", "fisher"); FB_ERR_INPUT
 *  naming the allowed values otherwise. */
int fb_cmb_aniso_from_name(const char *name, fb_cmb_aniso *out, fb_err *err);
/** The z_eff range of the methods that project Delta x_e at z_eff (all but FB_CMB_ANISO_POWER; fb_cmb_window_setup). */
#define FB_CMB_Z_EFF_WINDOW_MIN 100.0
#define FB_CMB_Z_EFF_WINDOW_MAX 1200.0
/** The split named `name` ("ck2004", "galli2013"); FB_ERR_INPUT naming the allowed values otherwise. */
int fb_cmb_chi_from_name(const char *name, fb_cmb_chi *out, fb_err *err);
/** Ionisation and Lyman-alpha fractions chi_i, chi_alpha of the deposited energy at x_e (0..1). */
void fb_cmb_chi_fractions(fb_cmb_chi chi, double x_e, double *chi_ion, double *chi_alpha);
/** The name of an anisotropy method (inverse of fb_cmb_aniso_from_name). */
const char *fb_cmb_aniso_name(fb_cmb_aniso a);

/** Standard hydrogen recombination on a grid in L = ln(1+z) and its linear response (fb_cmb_xe.c). */
typedef struct fb_cmb_xe {
  size_t n;          /**< grid points, L ascending from ln(1+z_lo) to the Saha switch */
  double nH0_cm3;    /**< hydrogen density today (Y_He = FB_YHE_MASS_FRACTION) */
  double *L;         /**< ln(1+z) */
  double *x;         /**< background x_e = n_e/n_H (hydrogen electrons only) */
  double *J;         /**< d(dx_e/dL)/dx_e on the background */
  double *src;       /**< Delta x_e source per unit L per deposited power density [cm^3 s eV^-1] */
  double *t_s;       /**< cosmic time [s] */
  double *g;         /**< Thomson visibility exp(-tau) dtau/dL (tau from z_lo; shape only) */
  size_t i_star;     /**< grid index of the visibility peak (z_star, last scattering) */
  double *step_decay, *step_gain; /**< exact response step from L[k+1] to L[k]: e^{-J dL}, (1 - e^{-J dL})/J */
} fb_cmb_xe;

/** Parameters (fb_cmb_params_default gives the cited defaults). */
typedef struct fb_cmb_params {
  double h;                 /**< H0 / (100 km/s/Mpc) */
  double omega_b_h2;        /**< Omega_b h^2 */
  double omega_c_h2;        /**< Omega_c h^2 (also the CDM density of the p_ann bound) */
  double T0_K;              /**< CMB temperature today [K] */
  double Neff;              /**< effective number of (massless) neutrinos */
  double z_mu;              /**< thermalisation redshift of J_bb */
  fb_cmb_jbb jbb;           /**< which J_bb */
  fb_cmb_dist dist;         /**< mu, y from the FIRAS projection (default) or the branching ratios */
  double sd_nu_lo_GHz, sd_nu_hi_GHz; /**< band of the projection (dist == FB_CMB_DIST_FIRAS): default FIRAS, */
  int sd_n_channels;        /**<   68.05-639.5 GHz, 43 channels uniform in frequency, uniform weights */
  double z_min, z_max;      /**< heating integrated over z_min < z < z_max */
  double mu_max, y_max;     /**< FIRAS 95% CL */
  double z_eff;             /**< redshift of the late projection (window; also checked for visibility) / of the injected power (power) */
  fb_cmb_aniso aniso;       /**< anisotropy-bound method */
  fb_cmb_chi chi;           /**< ionisation/excitation split of the deposited energy (default CK2004) */
  double pann_max_cm3_s_GeV;/**< Planck p_ann bound [cm^3 s^-1 GeV^-1] */
  double rtol;              /**< relative tolerance of the redshift integrals */
  double photon_E_GeV;      /**< deposition: 0 = on the spot (f_eff = 1, default); > 0 = photons of this energy
                                 at injection, delayed energy-dependent deposition of fb_cmb_dep.h (window methods) */
  double pair_E_GeV;        /**< > 0: instead, e+e- pairs whose leptons carry this total energy (fb_cmb_dep_set_pair) */
  int compton_continuous;   /**< deposition kernels: 1 = Compton scattering as a continuous loss (the model before
                                 branch compton, comparison option), 0 = discrete Klein-Nishina scattering (default;
                                 fb_cmb_dep.h "Discrete Compton scattering"); read when the kernel nodes are set up */
  int dep_grid[5];          /**< layout of the deposition kernels' secondary photon grid (fb_cmb_dep_grid_setup: units of
                                 10^(1/12) per bin below / in / above a band, band start / end in units from 13.6 eV);
                                 all 0: the default (branch feffgrid); for the resolution tests and benchmarks */
  int dep_no_tracks;        /**< 0 (fb_cmb_params_default, since session 12): the grid photons below 51 keV follow exact
                                 tracks (fb_cmb_dep.h "Exact tracks below 51 keV"; photon_grid = tracks); 1: they advect
                                 on the grid (photon_grid = advected, as before branch cmbgrid) */
  int fisher_kernel;        /**< aniso == FISHER: which kernel (fb_cmb_fisher_kernel: 0 = ideal, the default;
                                 1 = planck_lowl, branch fisherlowl; fb_cmb_fisher.h) */
} fb_cmb_params;

typedef struct fb_cmb {
  fb_cmb_params par;
  double H0_inv_s;          /**< H0 [1/s] */
  double Omega_g, Omega_r, Omega_m, Omega_L;
  double rho_gamma0_GeV_cm3;/**< photon energy density today */
  double s0_cm3;            /**< entropy density today (photons + neutrinos at T_nu = (4/11)^(1/3) T) */
  double n_gamma0_cm3;      /**< photon number density today */
  double rho_c0_GeV_cm3;    /**< CDM density today */
  fb_quad q;
  fb_cmb_xe xe;             /**< recombination grid (aniso == WINDOW) */
  double *eps, *dxe;        /**< scratch on the xe grid */
  double S_late_ann, S_ls_ann; /**< the two window projections for annihilation at the Planck bound */
  double S_vis_ann;         /**< the visibility-weighted projection for annihilation at the Planck bound */
  double S_post_ann;        /**< the same restricted to z < z_star (visibility_post) for annihilation at the bound */
  double *w_vis;            /**< weights of the visibility projection on the xe grid (fb_cmb_window_setup) */
  size_t k_eff;             /**< xe grid index just below z_eff (lowest point the projections need) */
  double *x3;               /**< (1+z)^3 on the xe grid */
  struct fb_cmb_dep *dep;   /**< photon deposition kernel (photon_E_GeV > 0; fb_cmb_dep.h), else NULL */
  int dep_spectrum;         /**< 1: dep holds the kernel of an injected spectrum (fb_cmb_set_spectrum, branch cmbmix) */
  fb_cmb_gth green;         /**< FIRAS projections (dist == FB_CMB_DIST_FIRAS) */
  struct fb_cmb_fisher *fisher; /**< the Fisher kernel (aniso == FB_CMB_ANISO_FISHER; fb_cmb_fisher.h), else NULL */
} fb_cmb;

/** Result of one (tau, m Y_X, f_em) point. */
typedef struct fb_cmb_result {
  double drho_rho;          /**< int dQ/dz over [z_min, z_max]: EM energy injected / rho_gamma, no thermalisation */
  double mu, y;             /**< distortion amplitudes */
  double z_decay;           /**< redshift where t = tau (radiation + matter t(a); < 0 if tau exceeds the
                                 age: a continuation, used only for the low-energy flag) */
  double R_aniso;           /**< anisotropy ratio (excluded if > 1): R_late (window), max(R_late, R_ls) (window_max) or the power ratio */
  double R_late, R_ls;      /**< the two window projections over their annihilation values (0 for power) */
  double R_vis;             /**< the visibility-weighted projection over its annihilation value (0 for power) */
  double R_post;            /**< the same restricted to z < z_star, over its annihilation value (0 for power) */
  double chi2_fisher;       /**< Delta chi^2 = a^T F a of the Fisher kernel (aniso == FISHER only, else 0); R_aniso = sqrt(chi2/4) */
  int excluded_mu, excluded_y, excluded_aniso;
  double f_residual;        /**< dist FIRAS: the share of drho_rho left in the residual (r-type) distortion of the
                                 mu-y transition, int dQ J_bb (1 - 4 p_g - 4 p_y - p_mu/1.401) / int dQ (fb_cmb_green.c;
                                 the part of the heat that a fit with G, Y, M does not capture); NaN for branching */
  double E_dep_rec_eV_per_H;/**< energy deposited into the plasma per hydrogen nucleus [eV] over the recombination grid
                                 (Saha start z ~ 1550 down to z_lo = 200, fb_cmb_xe): int eps_dep dt / n_H with the
                                 deposition of the anisotropy bound (on the spot f_em, or the delayed kernel); NaN for
                                 aniso = power */
} fb_cmb_result;

void fb_cmb_params_default(fb_cmb_params *p);
/** The deposition kernels' secondary photon grid named `name` into p->dep_grid, p->dep_no_tracks (branch cmbgrid):
 *  tracks (layout {4, 1, 4, 40, 60}, exact tracks below 51 keV: converged upper edges, +20 % CPU), advected (the
 *  default, the grid before branch cmbgrid: {4, 1, 4, 44, 60}, every bin advected), fine_tracks / fine_advected (the
 *  uniform 10^(1/12) reference grid with / without the tracks); FB_ERR_INPUT naming the allowed values otherwise. */
int fb_cmb_photon_grid_from_name(const char *name, fb_cmb_params *p, fb_err *err);
/** Set up the background (validates the parameters: FB_ERR_INPUT naming the bad one). */
int fb_cmb_init(fb_cmb *c, const fb_cmb_params *p, fb_err *err);
void fb_cmb_free(fb_cmb *c);

/** Switch the deposition to photons of energy E_GeV at injection (fb_cmb_dep.h; rebuilds the kernel when E
 *  changes) or back to on the spot (E_GeV = 0). Needs a window method (not FB_CMB_ANISO_POWER). */
int fb_cmb_set_photon_energy(fb_cmb *c, double E_GeV, fb_err *err);
/** The same for e+e- pairs whose leptons each carry total energy E_GeV (fb_cmb_dep_set_pair); 0: on the spot. */
int fb_cmb_set_pair_energy(fb_cmb *c, double E_GeV, fb_err *err);

/** Switch the deposition to the kernel of an injected spectrum of photons and e+- (fb_cmb_dep_set_spectrum; the
 *  mixed-channel kernel of branch cmbmix); set_photon_energy / set_pair_energy switch back. */
struct fb_cmb_dep_spectrum;
int fb_cmb_set_spectrum(fb_cmb *c, const struct fb_cmb_dep_spectrum *s, fb_err *err);
/** The injected e.m. spectrum of a decay record (fb_cmb_mix.c): lines at their energies, continua (pi0 photons in
 *  flight, Michel e+- of muons and charged pions, kaon products) of src/bbn/bbn_em_injection.h binned on a grid of
 *  FB_CMB_MIX_PER_DECADE nodes per decade; neutrinos, invisible states and the classes bbn_em_injection does not
 *  cascade (tau, nucleons, other hadrons) are left out. f_casc: the share of the mass in the spectrum (photons and
 *  e+-, before normalising the weights to 1). FB_ERR_RANGE if nothing is left (f_casc = 0). */
int fb_cmb_spectrum_from_decay(const fb_decay *d, struct fb_cmb_dep_spectrum *s, double *f_casc, fb_err *err);
#define FB_CMB_MIX_PER_DECADE 6
#define FB_CMB_MIX_W_DROP 1e-4 /**< nodes with a smaller energy share are dropped (the rest renormalised) */
/** The same with per_decade grid nodes per decade (1..12) and the drop share w_drop (0 keeps every node; tests). */
int fb_cmb_spectrum_from_decay_opts(const fb_decay *d, int per_decade, double w_drop, struct fb_cmb_dep_spectrum *s,
                                    double *f_casc, fb_err *err);
/** The same for a benchmark FIP (model "bc1", "bc4", ...) at mass_GeV: its decay record at coupling 1 with the model's
 *  default options (the branching ratios do not depend on the coupling). */
int fb_cmb_fip_spectrum(const char *model, double mass_GeV, struct fb_cmb_dep_spectrum *s, double *f_casc, fb_err *err);

/** Effective efficiency of the current kernel (photon or pair) for s-wave annihilation: the visibility
 *  projection of the kernel's deposition of eps_inj ~ (1+z)^6 over that of on-the-spot deposition (the
 *  quantity Slatyer arXiv:1506.03811 calls f_eff, there weighted by Planck's principal components). Needs a
 *  kernel (fb_cmb_set_photon_energy / fb_cmb_set_pair_energy); FB_ERR_INPUT otherwise. */
int fb_cmb_feff_annihilation(fb_cmb *c, double *f_eff, fb_err *err);

/** H(z) [1/s]. */
double fb_cmb_hubble_inv_s(const fb_cmb *c, double z);
/** t(z) [s] (radiation + matter, closed form). */
double fb_cmb_time_s(const fb_cmb *c, double z);
/** z(t), inverse of fb_cmb_time_s (Newton on the cubic in sqrt(u); relative accuracy 1e-12). */
double fb_cmb_redshift_at_time(const fb_cmb *c, double t_s);
/** Visibility functions (dimensionless). */
double fb_cmb_J_bb(const fb_cmb *c, double z);
double fb_cmb_J_mu(double z);
double fb_cmb_J_y(double z);

/** 1 if a daughter of energy m/2 released at redshift z has x = (m/2)/T(z) < FB_CMB_XINJ_MIN (the
 *  heating treatment of the distortions does not hold: flagged, see fb_cmb.h), else 0. */
int fb_cmb_low_energy_injection(const fb_cmb *c, double mass_GeV, double z);

/** Distortions of a delta-function release Delta rho/rho = drho at redshift z: with the branching ratios
 *  mu = 1.401 J_bb J_mu drho, y = J_y drho / 4; with the FIRAS projection mu = J_bb p_mu drho, y = J_bb p_y drho. */
void fb_cmb_green(const fb_cmb *c, double z, double drho, double *mu, double *y);

/**
 * mu, y, Delta rho/rho and the anisotropy ratio of a decaying particle; the excluded flags use
 * mu_max, y_max and R > 1.
 * @param tau_s lifetime [s] (> 0); mY_GeV m Y_X with Y_X the yield before decays (>= 0);
 *        f_em fraction of m released electromagnetically (0..1).
 */
int fb_cmb_decay_eval(fb_cmb *c, double tau_s, double mY_GeV, double f_em, fb_cmb_result *r, fb_err *err);

/** m Y_X [GeV] for which mu (which = 0), y (1) or R (2) equals its bound at (tau, f_em): the
 *  observables are linear in m Y_X, so this is bound / (value at m Y_X = 1 GeV). +inf if zero. */
int fb_cmb_decay_bound_mY(fb_cmb *c, double tau_s, double f_em, int which, double *mY_GeV, fb_err *err);

/**
 * The electromagnetic energy fraction of a decay record: photons, e+-, pi0 (-> gamma gamma) count
 * fully; mu+- deposit the Michel mean e+- share 7/20; pi+- the share of their muon,
 * (m_pi^2 + m_mu^2)/(2 m_pi^2) * 7/20 (pi -> mu nu at rest); kaons, other hadrons and tau+- the
 * share of an isospin-symmetric pion mix, 1/3 * 1 + 2/3 * (pi+- share) (assumption: their decays end
 * in pions; tau+- counts half of that, its neutrinos take about half its energy: assumption);
 * nucleons, neutrinos and invisible states count zero. Returns the sum (0..1).
 */
double fb_cmb_f_em_from_decay(const fb_decay *d);

/** Share of a class's energy that ends up electromagnetic, as used by fb_cmb_f_em_from_decay. */
double fb_cmb_em_share(int decay_class);

/** n_X/s from n_X/n_gamma at T0 (T0 above ~ 1 keV, g_*s from src/common/fb_thermo):
 *  Y = (n/n_gamma) (2 zeta(3)/pi^2) / ((2 pi^2/45) g_*s(T0)) exp(t(T0)/tau), the exponential
 *  undoing the decays before T0 (t from fb_cosmo_time_s). */
int fb_cmb_yield_from_n_over_ngamma(double n_over_ngamma, double T0_MeV, double tau_s, double *Y, fb_err *err);

/** Lifetime and f_em of a benchmark FIP (src/models/fb_fip.h, model "bc1", "bc9", ...) at
 *  (mass, coupling), with the model's default options. FB_ERR_INPUT for an unknown model or one
 *  without decays; FB_ERR_RANGE outside its validity range. */
int fb_cmb_fip_tau_f_em(const char *model, double mass_GeV, double coupling, double *tau_s, double *f_em, fb_err *err);

/* ------------------------------------------------------------------ abundance assumptions
 * (fb_cmb_abundance.c) for the benchmark planes; each is an assumption, labelled as such in output. */

/**
 * Freeze-in yield by inverse decays of a boson X (g_X internal states, total width Gamma into
 * bath particles light compared with m) from a plasma in equilibrium, X never in equilibrium:
 *   dY/dT = -C (1 + dln g_*s/dln T / 3)/(s H T),  C = g_X m^2 Gamma T K_1(m/T) / (2 pi^2)   (Maxwell-Boltzmann,
 *   detailed balance),
 * integrated over ln T from m/50 to min(50 m, table end) with g_*(T), s(T), H(T) of fb_thermo /
 * fb_cosmo. For constant g_* this is Y = 135 g_X M_Pl Gamma / (8 pi^3 1.66 g_*s sqrt(g_*rho) m^2)
 * (Hall, Jedamzik, March-Russell, West arXiv:0911.1120; for dark photons the inverse-decay term
 * (9/(4 pi)) m^3 Gamma/(H s)|_{T=m} of Fradette et al. arXiv:1407.0993). Not included: in-medium
 * (resonant) production, 2 -> 2 processes (Primakoff for ALPs), hadronic inverse decays near the
 * QCD crossover beyond the vacuum width. Yields a lower estimate of the abundance. The ln T measure
 * carries the entropy-conservation Jacobian (1 + dln g_*s/dln T / 3) (since branch bc1papers).
 */
int fb_cmb_freezein_yield(const fb_thermo *th, double mass_GeV, double width_GeV, double g_dof, double *Y, fb_err *err);

/** Relativistic equilibrium yield of a boson with g_dof states at T: 45 zeta(3) g / (2 pi^4 g_*s(T)). */
double fb_cmb_equilibrium_yield_boson(const fb_thermo *th, double T_GeV, double g_dof);

/* ------------------------------------------------------------------ recombination window (fb_cmb_xe.c) */

/** Background x_e(z) from the Saha switch (x_H = FB_CMB_XE_SAHA_SWITCH) down to z_lo (100..1200)
 *  with CVODE, and the response coefficients; c must have its background set up. */
int fb_cmb_xe_init(fb_cmb_xe *xe, const fb_cmb *c, double z_lo, fb_err *err);
void fb_cmb_xe_free(fb_cmb_xe *xe);
/** Set up the recombination grid, the visibility weights and the annihilation projections (called
 *  by fb_cmb_init for every method but FB_CMB_ANISO_POWER). */
int fb_cmb_window_setup(fb_cmb *c, fb_err *err);
/** R_late, R_ls, R_vis and R_post of a decay with f_em m Y_X = fmY_GeV [GeV] and lifetime tau_s (uses c's
 *  scratch; R_vis and R_post may be NULL, R_post is set only with R_vis). */
void fb_cmb_window_ratios(fb_cmb *c, double tau_s, double fmY_GeV, double *R_late, double *R_ls, double *R_vis,
                          double *R_post);
/** Delta x_e on the grid points k >= k_min for a deposited power density eps [eV cm^-3 s^-1]
 *  given on the grid (linear response, Delta x_e = 0 at the Saha switch). */
void fb_cmb_xe_response(const fb_cmb_xe *xe, const double *eps_eV_cm3_s, size_t k_min, double *dx);

/* ------------------------------------------------------------------ FIRAS Green's function (fb_cmb_green.c) */

/** Build the tables (c's background and z range must be set up); about 0.1 s. */
int fb_cmb_green_init(fb_cmb_gth *g, const fb_cmb *c, fb_err *err);
void fb_cmb_green_free(fb_cmb_gth *g);
/** Projections p_g, p_y, p_mu of K(x, y_gamma(z)) per unit Delta rho/rho and y_gamma(z) (any may be NULL). */
void fb_cmb_green_eval(const fb_cmb_gth *g, double z, double *p_g, double *p_y, double *p_mu, double *y_gamma);
/** Frequency [GHz] of FIRAS channel j = 0..FB_FIRAS_N_CHANNELS-1 (uniform in 2.27-21.33 cm^-1). */
double fb_cmb_firas_nu_GHz(int j);

#endif /* FB_CMB_H */
