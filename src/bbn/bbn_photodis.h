/**
 * @file bbn_photodis.h
 * @brief Photodisintegration of the light nuclei by the electromagnetic cascade of a late decay
 *        (issue 15, after BBN; uses bbn_cascade.h).
 *
 * What it does: given the abundances at the end of BBN (this project's bbn_solve for the same
 * history) and a particle X (mass, lifetime, abundance n_X/s, branching ratios into gamma gamma and
 * e+ e-), evolves Y_i = n_i/n_b of n, p, d, t, 3He, 4He, 6Li, 7Li, 7Be from T_start = 10 keV (the
 * nuclear network is frozen; the cascade cannot break d before E_C = me^2/(22 T) > 2.2 MeV,
 * T < 5 keV) to t = 40 tau with
 *   dY_A/dt = sum_B Y_B Gamma_{B->A}(t) - Y_A sum Gamma_{A->..}(t) + decays (n -> p, t -> 3He),
 *   Gamma_r(t) = n_X(t)/tau * int dE f_gamma(E; T(t)) sigma_r(E)
 * (Hufnagel, Schmidt-Hoberg, Wild arXiv:1808.09324 eqs. 2.1-2.4 and 3.1; Kawasaki & Moroi
 * astro-ph/9412055 sec. 4), with f_gamma the cascade spectrum per unit injection rate
 * (bbn_cascade_solve) for the lines E0 = m/2 of X -> gamma gamma and X -> e+ e-.
 * The spectrum depends on (T, E0) only: it is solved on a fixed grid in ln T (n_T_per_decade
 * nodes per decade from T_start down) and the reaction integrals are interpolated linearly in
 * (ln T, ln R); bbn_photodis_table keeps them for reuse across lifetimes and abundances.
 *
 * Cosmology after e+e- annihilation: radiation (photons + N_eff = 3.044 neutrinos) and matter
 * (Omega_m h^2 of Planck 2018, scaled with eta), X's own energy density neglected (valid while
 * rho_X << rho_rad; reported as rhoX_over_rhorad_max).
 * Units: MeV, s.
 */
#ifndef BBN_PHOTODIS_H
#define BBN_PHOTODIS_H

#include "bbn.h"
#include "bbn_cascade.h"
#include "bbn_em_injection.h"
#include "fb_error.h"

/** Number of photodisintegration reactions (Cyburt et al. astro-ph/0211258 Table 3 set). */
#define BBN_PD_NREAC 17

typedef struct bbn_photodis_params {
  double mass_GeV;     /**< m_X */
  double tau_s;        /**< lifetime */
  double nX_over_s;    /**< n_X / s before decay (= mY_GeV / mass_GeV of bbn_result) */
  double br_photon;    /**< BR(X -> gamma gamma) */
  double br_ee;        /**< BR(X -> e+ e-) */
  const bbn_em_injection *inj; /**< NULL: the lines of br_photon, br_ee (+ FSR); else this injected
                                    spectrum per decay (br_photon, br_ee then unused; issue 15) */
  double eta;          /**< n_b / n_gamma after e+e- annihilation (today's eta) */
  double T_start_MeV;  /**< default 1e-2 */
  double t_end_over_tau; /**< default 40 */
  int n_T_per_decade;  /**< spectrum nodes per decade in T, default 8 */
  bbn_cascade_opts casc; /**< energy grid of the cascade */
  int decay_window;    /**< BBN_PD_WINDOW_FULL (default): decays from T_start (or t = tau/1e3 if later) to
                            t_end_over_tau tau; BBN_PD_WINDOW_ACROPOLIS: a comparison convention, only the decays
                            at T in [T_d 10^-1.5, T_d 10^0.5], T_d = T(t = tau) (ACROPOLIS v1.2.2 DecayModel,
                            arXiv:1808.09324 / 2011.06518), the earlier decays omitted, the end no later than t_end_over_tau tau
                            (see bbn_photodis_acropolis_window) */
} bbn_photodis_params;

/** Values of bbn_photodis_params.decay_window. */
enum { BBN_PD_WINDOW_FULL = 0, BBN_PD_WINDOW_ACROPOLIS = 1 };

typedef struct bbn_photodis_result {
  double Y[BBN_N_NUC];     /**< final n_i/n_b (n decayed into p, t into 3He) */
  double Yp, D_H, He3_H, Li7_H, Li6_H; /**< conventions of bbn_result */
  double rhoX_over_rhorad_max; /**< largest rho_X / rho_radiation while photodisintegration runs */
  double t_start_s, t_end_s; /**< the integration window (time of its first and last temperature) */
  double decays_counted;   /**< fraction of the X present at t = 0 that decay inside the window, accumulated
                                along the steps (closed form exp(-t_start/tau) - exp(-t_end/tau)) */
  int n_spectra;           /**< cascade solves */
  double time_s;           /**< CPU time */
} bbn_photodis_result;

void bbn_photodis_params_default(bbn_photodis_params *p);

/** Cross section [mb] of reaction r (0 .. BBN_PD_NREAC-1) at photon energy E [MeV]. */
double bbn_photodis_sigma_mb(int r, double E_MeV);
/** Name ("d(g,n)p", ...) and threshold [MeV] of reaction r. */
const char *bbn_photodis_name(int r);
double bbn_photodis_threshold_MeV(int r);

/** Time [s] at photon temperature T after e+e- annihilation (radiation + matter, eta). */
double bbn_photodis_time_s(double T_MeV, double eta);
/** exp(+t(T0)/tau) on the clock of bbn_photodis_time_s: turns an abundance at T0 that already lost the
 *  decays before T0 into the "before decay" n_X/s that bbn_photodis_evolve (and the CMB stage) decay
 *  from t = 0, so that each decay is counted once. */
double bbn_photodis_before_decay_factor(double T0_MeV, double tau_s, double eta);

/** The time window of ACROPOLIS's decay model (v1.2.2 DecayModel._temperature_range: T in [T_d 10^-1.5,
 *  T_d 10^0.5] around T_d = T(t = tau), "the main part happens after t = tau"), with T(t) on the clock of
 *  bbn_photodis_time_s: T_lo_MeV, T_hi_MeV and T_d_MeV (any may be NULL). In the radiation era t ~ T^-2, so the
 *  window starts at t ~ tau/10: a fraction 1 - exp(-t_start/tau) ~ 9.5% of the decays is not counted. */
void bbn_photodis_acropolis_window(double tau_s, double eta, double *T_lo_MeV, double *T_hi_MeV, double *T_d_MeV);

/**
 * Reaction-rate table of one injection: R_r(T) = int dE f_gamma(E; T) sigma_r(E) per unit injection
 * rate for the lines E0 = m/2 with 2 br_photon photons and 2 br_ee e+- per decay, on the fixed grid
 * T_k = T_start 10^(-k / n_T_per_decade), k = 0 .. n_nodes-1 (down to 1e-10 MeV), filled lazily.
 * The cascade is linear in the injected number and its spectrum depends on (T, E0) only, so one
 * table serves every lifetime and every abundance at this mass (issue 15, scan planes): build it
 * once per mass, evolve many (tau, n_X) with bbn_photodis_evolve_table.
 */
typedef struct bbn_photodis_table {
  double mass_GeV, br_photon, br_ee, eta, Y_H, Y_He4, T_top_MeV;
  int n_T_per_decade, n_nodes, universal, n_per_decade;
  int has_inj;              /**< 1: built for the injected spectrum inj (a copy), 0: for the lines */
  bbn_em_injection inj;
  double *lnR;              /**< [n_nodes][BBN_PD_NREAC] */
  unsigned char *done;      /**< [n_nodes] node computed */
  int n_spectra;            /**< cascade solves so far */
  double *src;              /**< has_inj: [3 src_n] S_gamma, S_e, E of inj binned on the cascade grid (T-independent:
                                 binned at the first node, reused at the others; NULL before) */
  int src_n;                /**< its grid size */
  double src_dy, src_E_min_MeV; /**< and grid spacing and bottom, checked before reuse */
} bbn_photodis_table;

/** A table for the injection of p (mass, BRs or inj, eta, T_start, n_T_per_decade, casc) on the background
 *  of Y0 (Y_H = Y0[BBN_P], Y_He4 = Y0[BBN_HE4]). No cascade is solved here. */
int bbn_photodis_table_init(bbn_photodis_table *t, const bbn_photodis_params *p, const double Y0[BBN_N_NUC],
                            fb_err *err);
void bbn_photodis_table_free(bbn_photodis_table *t);

/** bbn_photodis_evolve with the reaction rates from t (computing missing nodes); p must have t's
 *  mass, BRs, eta, T_start and grids (FB_ERR_INPUT otherwise); Y0 the starting abundances.
 *  Identical results to bbn_photodis_evolve whatever was computed before (res->n_spectra counts the
 *  solves done by this call). */
int bbn_photodis_evolve_table(const bbn_cascade_ws *ws, bbn_photodis_table *t, const bbn_photodis_params *p,
                              const double Y0[BBN_N_NUC], bbn_photodis_result *res, fb_err *err);

/** Evolve Y0 (bbn_result.Y at the end of BBN) through the cascade photodisintegration. */
int bbn_photodis_evolve(const bbn_cascade_ws *ws, const bbn_photodis_params *p,
                        const double Y0[BBN_N_NUC], bbn_photodis_result *res, fb_err *err);

/** The whole late-decay evaluation with ACROPOLIS-style inputs (used by `eval late-decay` and the
 *  tests): BBN for the same history (tau_s <= 1e5 s: bbn_solve with X, f_em = br_photon + br_ee,
 *  the rest invisible; longer: standard BBN, X frozen through BBN), n_X/s from n_over_ngamma at
 *  T0_MeV (g_*s(T0) of fb_thermo), then bbn_photodis_evolve. */
typedef struct bbn_late_decay_in {
  double mass_GeV, tau_s, n_over_ngamma, T0_MeV, br_photon, br_ee, omega_b_h2;
  int universal;         /**< 1: universal spectrum */
  int decay_window;      /**< bbn_photodis_params.decay_window (BBN_PD_WINDOW_FULL by default) */
} bbn_late_decay_in;

typedef struct bbn_late_decay_out {
  bbn_result sbbn;       /**< standard BBN at the same Omega_b h^2 */
  bbn_result before;     /**< BBN for the same history (tau_s > 1e5 s: the abundances of sbbn, X frozen through BBN,
                              with Neff and Neff_rec of the decay from bbn_decay_neff, as `eval bbn-decay` has them) */
  bbn_result after;      /**< after photodisintegration (abundance fields updated) */
  bbn_photodis_result pd;
  double nX_over_s;
  int bbn_with_decay;
} bbn_late_decay_out;

/** n_X/s from n_X/n_gamma at T0 in [0.1, 30] MeV (ACROPOLIS's input convention; g_*s(T0) of fb_thermo;
 *  decays before T0 neglected). */
int bbn_late_decay_nX_over_s(double n_over_ngamma, double T0_MeV, double *nX_over_s, fb_err *err);

/** The BBN result after photodisintegration: `before` with the abundances of pd (Yp_mass scaled
 *  with n_He4) and chi2 of the final abundances. */
void bbn_photodis_apply(const bbn_result *before, const bbn_photodis_result *pd, bbn_result *after);

/** The photodisintegration verdict (/bounds/photodisintegration, `eval late-decay`): a computed point (tau_range 0)
 *  with delta_chi2(Yp, D/H) > 5.99 (bbn_verdict_eval) or, if use_he3_d, (3He + 3H)/D > FB_HE3_D_MAX. 3He/D can only
 *  grow after BBN (stars burn D into 3He), so the protosolar ratio bounds the primordial one from above; the
 *  photodisintegration of 4He makes more 3He than D and raises it (FB_HE3_D_MAX: the observable of Kawasaki et al.
 *  arXiv:1709.01211 and Hufnagel, Schmidt-Hoberg, Wild arXiv:1808.09324). */
int bbn_photodis_excluded(double tau_range, double delta_chi2, double he3_d_ratio, int use_he3_d);

int bbn_late_decay_eval(const bbn_tables *tab, const bbn_cascade_ws *ws, const bbn_late_decay_in *in,
                        bbn_late_decay_out *out, fb_err *err);

#endif
