/**
 * @file fb_relic.h
 * @brief Freeze-out relic abundance of a dark sector of 1..FB_RELIC_MAX_STATES states
 *        (coannihilation included) from the integrated Boltzmann equation.
 *
 * Physics (citations next to the formulas in fb_relic.c):
 *  - Boltzmann equation for the total yield Y = sum_i n_i / s in x = m_1/T (Gondolo & Gelmini,
 *    Nucl. Phys. B360 (1991) 145; Edsjo & Gondolo hep-ph/9704361 for coannihilation):
 *      dY/dx = -(s <sigma_eff v> / (H x)) (1 + (1/3) d ln g_*s / d ln T) (Y^2 - Y_eq^2),
 *    with H(T), s(T), g_*s(T) of the SM plasma (fb_thermo / fb_cosmo). It is integrated for
 *    u = ln(Y/Y_eq) (no cancellation near equilibrium) until freeze-out (Y = 2 Y_eq), then for
 *    ln Y, in the variable ln x with CVODE BDF (fb_ode, analytic Jacobian) from x_start to x_end.
 *  - Thermal average (Edsjo & Gondolo hep-ph/9704361, reducing to Gondolo-Gelmini for one state):
 *      <sigma_eff v> = int_0^inf dp p^2 W_eff(s) K_1(sqrt(s)/T)
 *                      / ( m_1^4 T [sum_i (g_i/g_1)(m_i/m_1)^2 K_2(m_i/T)]^2 ),
 *    p = p_eff = sqrt(s/4 - m_1^2), with the caller's W_eff(s) = sum_ij (p_ij/p_11)(g_i g_j/g_1^2)
 *    W_ij(s), W_ij = 4 p_ij sqrt(s) sigma_ij (sum over ORDERED pairs i, j).
 *    Computed with exponentially scaled GSL Bessel functions in the variable t = sqrt(s)/(2 m_1) - 1,
 *    split at the caller's break points (thresholds, narrow peaks) and at the s-channel pole
 *    +- (1, 10, 100) half-widths, each piece by QAGS (fb_quad_finite) or, where QAGS gives up,
 *    GSL CQUAD (QAGP over the whole range reported round-off near the narrow R(s) peaks in most
 *    calls); tabulated at n_nodes values of x and interpolated (Steffen, log-log).
 *
 * Factor-2 conventions (explicit, because they differ across the literature):
 *  - Y is the yield of ALL dark states together (particles AND antiparticles), and
 *    Omega h^2 = m_1 Y_inf s_0 / (rho_crit/h^2): the relic is entirely in the lightest state.
 *  - A self-conjugate particle (Majorana fermion, real scalar) is ONE state with its spin
 *    degeneracy g (2 for Majorana): W_eff = W_11 with sigma_11 the ordinary cross section of
 *    chi chi -> X (no 1/2 for identical initial particles).
 *  - A particle that is not self-conjugate (Dirac fermion, complex scalar) is TWO states chi and
 *    chibar of equal mass, each with its spin degeneracy (2 for Dirac, 1 for a complex scalar),
 *    and W_eff = W_{chi chibar} + W_{chibar chi} = 2 W_{chi chibar}. Then <sigma_eff v> =
 *    <sigma v>_{chi chibar} / 2 and Y = Y_chi + Y_chibar; this is identical to the common
 *    convention "dY_chi/dx with <sigma v>_{chi chibar} and Omega = 2 m Y_chi".
 *  - A constant s-wave cross section can be given directly (sigmav_const_GeVm2 > 0): then
 *    <sigma_eff v> = that constant for the self-conjugate convention (the convention of
 *    Steigman, Dasgupta & Beacom arXiv:1204.3622) and no quadrature is done.
 *
 * Call order: fb_relic_params_default -> fb_relic_init (needs an initialised fb_thermo that
 * outlives it) -> fb_relic_solve / fb_relic_thermal_average any number of times -> fb_relic_free.
 * Units: GeV; <sigma v> in GeV^-2 (FB_INV_GEV2_TO_CM3_S converts to cm^3/s). Not collective;
 * one fb_relic per thread.
 */
#ifndef FB_RELIC_H
#define FB_RELIC_H

#include <gsl/gsl_integration.h>
#include <stddef.h>

#include "fb_error.h"
#include "fb_ode.h"
#include "fb_quad.h"
#include "fb_spline.h"
#include "fb_thermo.h"

#define FB_RELIC_MAX_STATES 4
#define FB_RELIC_MAX_BREAKS 48
#define FB_RELIC_MAX_NODES 512

/** W_eff(s) (dimensionless, see the file comment) for s in GeV^2. Return NaN on failure. */
typedef double (*fb_relic_weff_fn)(double s_GeV2, void *user);

/** The dark sector whose abundance is computed. State 0 is the lightest (the relic). */
typedef struct fb_relic_problem {
  size_t n_states;                        /**< 1..FB_RELIC_MAX_STATES */
  double mass_GeV[FB_RELIC_MAX_STATES];   /**< masses, mass_GeV[0] the smallest */
  double g[FB_RELIC_MAX_STATES];          /**< internal degrees of freedom of each state */
  fb_relic_weff_fn weff;                  /**< W_eff(s); ignored if sigmav_const_GeVm2 > 0 */
  void *user;                             /**< passed to weff */
  double sigmav_const_GeVm2;              /**< > 0: use this constant <sigma_eff v> instead */
  size_t n_breaks;                        /**< break points of W_eff in sqrt(s) */
  double breaks_sqrts_GeV[FB_RELIC_MAX_BREAKS]; /**< thresholds, kinks (any order) */
  double res_mass_GeV;                    /**< s-channel resonance mass (0: none) */
  double res_width_GeV;                   /**< its total width; the quadrature splits at the peak
                                               and at peak +- (1, 10, 100) half-widths */
} fb_relic_problem;

/** Precision parameters (one place; documented defaults). */
typedef struct fb_relic_params {
  double x_start;      /**< start of the integration, x = m_1/T (default 1) */
  double x_end;        /**< end of the integration (default 1000) */
  double rtol;         /**< CVODE relative tolerance on ln Y (default 1e-6) */
  double atol;         /**< CVODE absolute tolerance on ln Y (default 1e-6) */
  double quad_epsrel;  /**< relative tolerance of each thermal average (default 1e-5) */
  size_t n_nodes;      /**< nodes of the <sigma v>(ln x) spline (default 40, 8..FB_RELIC_MAX_NODES) */
  double t_max_exp;    /**< thermal-average cut: e^{-2 x t} >= e^{-t_max_exp} (default 50) */
  double h_max_lnx;    /**< largest CVODE step in ln x (default 0.05) */
  double x_loose;      /**< below this x (deep equilibrium) the thermal average uses ... (default 3) */
  double quad_epsrel_loose; /**< ... this looser relative tolerance (default 1e-3) */
} fb_relic_params;

/** Result of one freeze-out integration. */
typedef struct fb_relic_result {
  double omega_h2;         /**< Omega h^2 of the relic (all states, mass m_1) */
  double Y_end;            /**< total yield today (at x_end, with the analytic tail beyond) */
  double tail_correction;  /**< relative change of Y from annihilation after x_end (analytic) */
  double x_freezeout;      /**< x where Y = 2 Y_eq (Y - Y_eq = Y_eq), NaN if not reached */
  double sigmav_xf_GeVm2;  /**< <sigma_eff v> at x_freezeout [GeV^-2] */
  long ode_steps;          /**< CVODE steps */
} fb_relic_result;

/** The solver: workspaces reused across calls. Members are private. */
typedef struct fb_relic {
  const fb_thermo *th;
  fb_relic_params par;
  fb_quad quad;
  gsl_integration_cquad_workspace *cquad; /* fallback quadrature (see fb_relic.c) */
  fb_ode ode;
  /* per-solve state, read by the right-hand side */
  const fb_relic_problem *prob;
  fb_spline sv;                   /* <sigma_eff v>(x), Steffen in (ln x, ln <sigma v>) */
  int have_sv;                    /* 1 if sv holds the current problem's table */
  int phase;                      /* 1: state u = ln(Y/Y_eq) until freeze-out; 2: state ln Y */
  /* W_eff memo during one fb_relic_tabulate (fb_relic.c): the pieces between fixed break points
   * are the same at every node, so their quadrature abscissae repeat; exact (same values). */
  double *wc_t, *wc_w;            /* [FB_RELIC_WCACHE] keys t (< 0: empty) and W_eff(s(t)) */
  int wc_on;                      /* 1 inside fb_relic_tabulate */
} fb_relic;

/** Defaults documented in fb_relic_params. */
void fb_relic_params_default(fb_relic_params *par);

/** Validate the parameters and allocate the quadrature and CVODE workspaces. th is borrowed. */
int fb_relic_init(fb_relic *r, const fb_thermo *th, const fb_relic_params *par, fb_err *err);

/** Free the workspaces (safe on a zeroed or freed struct). */
void fb_relic_free(fb_relic *r);

/** <sigma_eff v> [GeV^-2] at x = m_1/T by the relativistic single integral (no spline). */
int fb_relic_thermal_average(fb_relic *r, const fb_relic_problem *p, double x, double *sigmav_GeVm2,
                             fb_err *err);

/** Total equilibrium yield sum_i n_eq,i / s at x (Maxwell-Boltzmann statistics). */
double fb_relic_yield_eq(const fb_relic *r, const fb_relic_problem *p, double x);

/** Integrate the Boltzmann equation and return Omega h^2 and the freeze-out point
 *  (= fb_relic_tabulate + fb_relic_solve_tabulated). */
int fb_relic_solve(fb_relic *r, const fb_relic_problem *p, fb_relic_result *res, fb_err *err);

/** Number of x nodes of the <sigma v> table and node i (log-spaced from x_start to x_end). */
size_t fb_relic_n_nodes(const fb_relic *r);
double fb_relic_node_x(const fb_relic *r, size_t i);

/** <sigma_eff v> [GeV^-2] at the fb_relic_n_nodes() nodes (the expensive part of a solve). */
int fb_relic_tabulate(fb_relic *r, const fb_relic_problem *p, double *sigmav_nodes_GeVm2, fb_err *err);

/** Solve with a given table (e.g. a cached one rescaled by the caller); p supplies the states. */
int fb_relic_solve_tabulated(fb_relic *r, const fb_relic_problem *p, const double *sigmav_nodes_GeVm2,
                             fb_relic_result *res, fb_err *err);

/**
 * Required constant s-wave <sigma v> [cm^3/s] of a self-conjugate state of mass mass_GeV with g
 * internal degrees of freedom (g = 2: Majorana, the convention of Steigman, Dasgupta & Beacom
 * arXiv:1204.3622) for Omega h^2 = omega_h2_target. Brent root finding on ln <sigma v>.
 * (For a particle that is not self-conjugate the required <sigma v>_{chi chibar} is twice this.)
 */
int fb_relic_required_sigmav_swave(fb_relic *r, double mass_GeV, double g, double omega_h2_target,
                                   double *sigmav_cm3_s, fb_relic_result *res, fb_err *err);

#endif /* FB_RELIC_H */
