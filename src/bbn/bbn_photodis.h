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
 * The spectrum depends on (T, E0) only: it is solved on a grid in ln T (n_T_per_decade) and the
 * reaction integrals are interpolated in ln T.
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
#include "fb_error.h"

/** Number of photodisintegration reactions (Cyburt et al. astro-ph/0211258 Table 3 set). */
#define BBN_PD_NREAC 17

typedef struct bbn_photodis_params {
  double mass_GeV;     /**< m_X */
  double tau_s;        /**< lifetime */
  double nX_over_s;    /**< n_X / s before decay (= mY_GeV / mass_GeV of bbn_result) */
  double br_photon;    /**< BR(X -> gamma gamma) */
  double br_ee;        /**< BR(X -> e+ e-) */
  double eta;          /**< n_b / n_gamma after e+e- annihilation (today's eta) */
  double T_start_MeV;  /**< default 1e-2 */
  double t_end_over_tau; /**< default 40 */
  int n_T_per_decade;  /**< spectrum nodes per decade in T, default 8 */
  bbn_cascade_opts casc; /**< energy grid of the cascade */
} bbn_photodis_params;

typedef struct bbn_photodis_result {
  double Y[BBN_N_NUC];     /**< final n_i/n_b (n decayed into p, t into 3He) */
  double Yp, D_H, He3_H, Li7_H, Li6_H; /**< conventions of bbn_result */
  double rhoX_over_rhorad_max; /**< largest rho_X / rho_radiation while photodisintegration runs */
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
} bbn_late_decay_in;

typedef struct bbn_late_decay_out {
  bbn_result sbbn;       /**< standard BBN at the same Omega_b h^2 */
  bbn_result before;     /**< BBN for the same history (= sbbn for tau_s > 1e5 s) */
  bbn_result after;      /**< after photodisintegration (abundance fields updated) */
  bbn_photodis_result pd;
  double nX_over_s;
  int bbn_with_decay;
} bbn_late_decay_out;

int bbn_late_decay_eval(const bbn_tables *tab, const bbn_cascade_ws *ws, const bbn_late_decay_in *in,
                        bbn_late_decay_out *out, fb_err *err);

#endif
