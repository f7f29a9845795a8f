/**
 * @file bbn_cascade.h
 * @brief Non-thermal photon and e+- spectra of an electromagnetic cascade after BBN (issue 15).
 *
 * What it does: for a decay at photon temperature T that injects photons and/or e+- of energy E0
 * (monochromatic lines, bbn_cascade_solve) or any spectrum up to E0 (bbn_cascade_solve_source, with
 * the sources of bbn_em_injection.h), solves the steady-state cascade equation on the thermal background
 * (Kawasaki & Moroi astro-ph/9412055 sec. 3; Hufnagel, Schmidt-Hoberg, Wild arXiv:1808.09324
 * sec. 3 and eq. 3.1):
 *   Gamma_X(E) F_X(E) = S_X(E) + sum_X' int_E^E0 dE' K_XX'(E, E') F_X'(E'),   X = gamma, e (e+ + e-)
 * with the processes
 *   photons:   double-photon pair creation on the thermal photons (gamma gamma_th -> e+ e-),
 *              photon-photon scattering, Compton scattering on thermal electrons, Bethe-Heitler
 *              pair creation on the ions (H and 4He);
 *   electrons: inverse Compton scattering on the thermal photons.
 * The spectra are steady because every rate above ~1.5 MeV exceeds H by many orders of magnitude.
 *
 * Numerics: a logarithmic energy grid from E_min (default 1.5 MeV, below every photodisintegration
 * threshold) to E0; the unknowns are the particle numbers per bin, N_X,i = F_X(E_i) E_i dy; the
 * kernels are integrated over each output bin with a tent (cloud-in-cell) weight, so the number of
 * products is conserved and small energy losses (inverse Compton in the Thomson regime) leave a bin
 * at the rate mean-loss / bin-width, as a finite-volume upwind scheme of continuous losses would.
 * The system is lower triangular in energy: back-substitution from E0 down with a 2 x 2 solve per
 * bin. The top bin holds the injected lines.
 *
 * Units: MeV for energies and T, MeV^3 for densities, MeV for rates (natural units; divide by
 * hbar for 1/s). The spectrum is per unit injection rate: for a source of S particles per volume
 * per time (natural units, MeV^4), the number density of photons per MeV is S * F_gamma(E).
 */
#ifndef BBN_CASCADE_H
#define BBN_CASCADE_H

#include "fb_error.h"

/** Particle species of the cascade. */
enum bbn_cascade_species { BBN_CASC_GAMMA = 0, BBN_CASC_E = 1, BBN_CASC_NX = 2 };

/** Individual processes (for tests and diagnostics). */
enum bbn_cascade_process {
  BBN_CASC_DP = 0,  /**< gamma gamma_th -> e+ e- */
  BBN_CASC_PP,      /**< gamma gamma_th -> gamma gamma */
  BBN_CASC_COMPTON, /**< gamma e_th -> gamma e */
  BBN_CASC_BH,      /**< gamma N -> N e+ e- */
  BBN_CASC_ICS,     /**< e gamma_th -> e gamma */
  BBN_CASC_NPROC
};

/** Thermal background at one temperature. */
typedef struct bbn_cascade_bg {
  double T_MeV;        /**< photon temperature */
  double n_e_MeV3;     /**< thermal electron density (Y_H + 2 Y_He4) n_b */
  double n_NZ2_MeV3;   /**< sum over ions of n Z^2 = (Y_H + 4 Y_He4) n_b (Bethe-Heitler targets) */
} bbn_cascade_bg;

/** Grid options. */
typedef struct bbn_cascade_opts {
  double E_min_MeV;    /**< lower end of the grid, default 1.5 MeV */
  int n_per_decade;    /**< grid points per decade in E, default 50 (photon spectrum converged to ~1%) */
  int universal;       /**< 1: the "universal" photon spectrum instead of solving (option only) */
  int fsr;             /**< 1 (default): final-state radiation photons of the e+e- line (X -> e+ e- gamma,
                            arXiv:1808.09324 eq. 2.9), S_e/2 decays per unit rate */
} bbn_cascade_opts;

/** A solved cascade: numbers per bin per unit injection rate. */
typedef struct bbn_cascade_spec {
  int n;               /**< grid points */
  double dy;           /**< ln-energy step */
  double *E_MeV;       /**< [n] bin centres, E_MeV[n-1] = E0 */
  double *N_gamma;     /**< [n] photons in bin i per unit source rate [MeV^-1] (F_gamma = N/(E dy)) */
  double *N_e;         /**< [n] e+ + e- in bin i per unit source rate [MeV^-1] */
} bbn_cascade_spec;

/** Workspace (Gauss-Legendre tables); create once, reuse. */
typedef struct bbn_cascade_ws {
  void *gl_eps;        /* Gauss-Legendre rule (bbn_cascade.c: casc_gl) for thermal-photon integrals */
  void *gl_inner;      /* for inner integrals */
  void *gl_bin;        /* for the per-bin output integrals */
} bbn_cascade_ws;

void bbn_cascade_opts_default(bbn_cascade_opts *o);
int bbn_cascade_ws_init(bbn_cascade_ws *ws, fb_err *err);
void bbn_cascade_ws_free(bbn_cascade_ws *ws);

/** Background at T from eta = n_b/n_gamma and Y_H = n_p/n_b, Y_He4 = n_He4/n_b. */
int bbn_cascade_background(double T_MeV, double eta, double Y_H, double Y_He4, bbn_cascade_bg *bg,
                           fb_err *err);

/** Total interaction rate [MeV] of one process for an incoming particle of energy E. */
double bbn_cascade_rate(const bbn_cascade_ws *ws, int process, double E_MeV,
                        const bbn_cascade_bg *bg);
/** Total photon rate (DP + PP + Compton + BH) [MeV]. */
double bbn_cascade_rate_photon(const bbn_cascade_ws *ws, double E_MeV, const bbn_cascade_bg *bg);

/**
 * Differential kernel [dimensionless: MeV rate per MeV] of one process: products of species
 * `out` at energy E from an incoming particle of energy Ep (photon for DP, PP, Compton, BH;
 * electron for ICS). Electrons are counted as e+ + e- (pair processes give two).
 */
double bbn_cascade_kernel(const bbn_cascade_ws *ws, int process, int out, double E_MeV,
                          double Ep_MeV, const bbn_cascade_bg *bg);

/** Solve for lines of S_gamma photons and S_e electrons (e+ + e-) per unit rate at E0. */
int bbn_cascade_solve(const bbn_cascade_ws *ws, const bbn_cascade_bg *bg, double E0_MeV,
                      double S_gamma, double S_e, const bbn_cascade_opts *o,
                      bbn_cascade_spec *sp, fb_err *err);
void bbn_cascade_spec_free(bbn_cascade_spec *sp);

/** The energy grid of a solve up to E0: n nodes E_i = E_min e^{i dy}, i = 0 .. n-1 (E_{n-1} = E0). */
int bbn_cascade_grid(double E0_MeV, const bbn_cascade_opts *o, int *n, double *dy, fb_err *err);

/**
 * Solve for an arbitrary injected spectrum (issue 15: bbn_em_injection.h): S_gamma[i], S_e[i] are
 * the photons and e+- injected per unit rate in node i of the grid of bbn_cascade_grid(E0, o)
 * (o->fsr is not used: FSR is part of the source). bbn_cascade_solve is this with the lines in the
 * top node and the FSR photons below it (identical results).
 */
int bbn_cascade_solve_source(const bbn_cascade_ws *ws, const bbn_cascade_bg *bg, double E0_MeV,
                             const double *S_gamma, const double *S_e, const bbn_cascade_opts *o,
                             bbn_cascade_spec *sp, fb_err *err);

/** Photon density per MeV per unit source rate at grid point i: N_gamma[i] / (E_i dy). */
double bbn_cascade_fgamma(const bbn_cascade_spec *sp, int i);

#endif
