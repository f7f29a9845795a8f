/**
 * @file fb_ode.h
 * @brief Thin wrapper around SUNDIALS CVODE (6.x SUNContext API) for stiff ODE systems.
 *
 * What it does: integrates dy/dt = f(t, y), y in R^n, with CVODE's variable-order BDF method,
 * a dense SUNMatrix and the dense direct linear solver (Newton iteration). The caller never sees
 * an N_Vector: the right-hand side, the optional analytic Jacobian and the optional event
 * functions work on plain `double *` arrays of length n.
 *
 * Call order:
 *   fb_ode_options opt; fb_ode_options_default(&opt); opt.rtol = ...; opt.atol = ...;
 *   fb_ode ode;
 *   fb_ode_init(&ode, n, rhs, jac_or_NULL, user, &opt, err);   // allocates everything once
 *   fb_ode_set_events(&ode, n_events, g, err);                 // optional root finding
 *   for each scan point / initial condition:
 *     fb_ode_reset(&ode, t0, y0, err);                         // no reallocation
 *     fb_ode_solve(&ode, t_out, y_out, err);                   // as often as needed, t monotone
 *     (or fb_ode_solve_grid / fb_ode_solve_event)
 *     fb_ode_get_stats(&ode, &stats);
 *   fb_ode_free(&ode);
 *
 * Callback conventions (SUNDIALS): the right-hand side and the Jacobian return 0 on success,
 * a positive value for a recoverable failure (CVODE cuts the step and retries) and a negative
 * value to stop the integration. The last non-zero return code and the time at which it occurred
 * are kept in the struct and reported in the error message; a callback that wants to explain
 * itself can call fb_ode_set_reason() (it needs the fb_ode pointer in its user data). A
 * right-hand side that returns 0 but writes a non-finite dydt is treated as a recoverable
 * failure (return 1) with the offending component recorded.
 *
 * Units: whatever the caller's t and y are; the wrapper is unit-agnostic. Tolerances follow
 * CVODE's weighted RMS norm: the local error in y_i is kept below rtol*|y_i| + atol_i.
 *
 * Errors: every CVODE/SUNDIALS return flag becomes FB_ERR_CVODE with the flag name from
 * CVodeGetReturnFlagName(), CVODE's own message text and the time reached. Invalid arguments are
 * FB_ERR_INPUT (NaN, NULL) or FB_ERR_RANGE (non-positive tolerance, n < 1, ...).
 *
 * Forward sensitivities (optional, CVODES; fb_ode_sens_init): s_j = dy/dp_j for n_s parameters, from
 * ds_j/dt = (df/dy) s_j + df/dp_j, which the caller's fb_ode_sens_fn evaluates; CVODES integrates them
 * with the state (simultaneous corrector, block-diagonal Newton matrix: the state's reused; Hindmarsh et
 * al., ACM TOMS 31 (2005) 363; SUNDIALS CVODES user guide "Forward sensitivity analysis"). The
 * sensitivities are NOT in the local error test (CVodeSetSensErrCon false): the steps are chosen for the
 * state (the corrector's convergence test includes them, with the state's tolerances: CVodeSensEEtolerances,
 * parameter scales 1). With error control the BBN network took 5x the time for the same sensitivities to 0.1% (docs/performance.md "BBN theory errors"); a caller needing
 * certified sensitivities compares with differences (tests/bbn/test_bbn_theory_err.c does).
 *
 * Thread safety: one fb_ode per thread; the struct owns its SUNContext.
 */
#ifndef FB_ODE_H
#define FB_ODE_H

#include "fb_error.h"

/** Right-hand side: dydt[i] = f_i(t, y). Return 0 ok, >0 recoverable (step cut), <0 stop. */
typedef int (*fb_ode_rhs_fn)(double t, const double *y, double *dydt, void *user);

/** Dense Jacobian, row-major: jac[i*n + j] = d f_i / d y_j. jac is zeroed before the call.
 *  dydt holds f(t, y) already evaluated. Same return convention as the right-hand side. */
typedef int (*fb_ode_jac_fn)(double t, const double *y, const double *dydt, double *jac_rowmajor,
                             void *user);

/** Event functions: g[k](t, y) for k < n_events; an event is a sign change of g[k].
 *  Return 0 ok, non-zero stops the integration with an error. */
typedef int (*fb_ode_event_fn)(double t, const double *y, double *g, void *user);

/** Sensitivity right-hand side: ds[j][i] = sum_k (d f_i / d y_k)(t, y) s[j][k] + d f_i / d p_j, j < n_s.
 *  dydt holds f(t, y). Same return convention as the right-hand side. */
typedef int (*fb_ode_sens_fn)(double t, const double *y, const double *dydt, int n_s, const double *const *s,
                              double *const *ds, void *user);

/** Integration options. Zero-initialised fields beyond rtol/atol mean "CVODE default". */
typedef struct fb_ode_options {
  double rtol;            /**< relative tolerance, 0 < rtol < 1 (and >= 1e-15) */
  double atol;            /**< scalar absolute tolerance (>= 0), used if atol_vec == NULL */
  const double *atol_vec; /**< per-component absolute tolerance (length n, copied at init) or NULL */
  long max_steps;         /**< max internal steps per output interval; 0 = CVODE default (500) */
  double h_init;          /**< initial step size; 0 = CVODE's estimate */
  double t_stop;          /**< integration never steps past t_stop if have_t_stop */
  int have_t_stop;        /**< 1 to use t_stop (re-applied at every fb_ode_reset) */
  double h_max;           /**< max |step|; 0 = unlimited */
  double h_min;           /**< min |step|; 0 = none */
  int max_order;          /**< max BDF order 1..5; 0 = 5 */
  int jac_every_step;     /**< 1: new Jacobian and linear-solver set-up at every step (for
                               Jacobians that change fast, e.g. -2 lambda Y_eq in freeze-out);
                               0: CVODE's modified Newton default (up to 20 steps) */
} fb_ode_options;

/** Solver statistics since the last fb_ode_reset (CVODE counters). */
typedef struct fb_ode_stats {
  long steps;             /**< internal steps taken */
  long rhs_evals;         /**< right-hand side evaluations by the integrator */
  long rhs_evals_jac;     /**< right-hand side evaluations for difference-quotient Jacobians */
  long jac_evals;         /**< Jacobian evaluations (analytic or difference quotient) */
  long err_test_fails;    /**< local error test failures */
  long nonlin_conv_fails; /**< nonlinear solver convergence failures */
  long event_evals;       /**< event function evaluations */
  double h_last;          /**< last step size used */
  double t_current;       /**< current internal time of the integrator */
} fb_ode_stats;

/** The integrator. Treat members as private; use the functions below. */
typedef struct fb_ode {
  int n;
  void *sunctx;           /* SUNContext (opaque pointer type in SUNDIALS 6) */
  void *cvode_mem;
  void *y;                /* N_Vector: state, also the output buffer of CVode */
  void *abstol;           /* N_Vector of absolute tolerances, or NULL */
  void *A;                /* SUNMatrix (dense) */
  void *LS;               /* SUNLinearSolver (dense) */
  fb_ode_rhs_fn rhs;
  fb_ode_jac_fn jac;
  fb_ode_event_fn event;
  int n_events;
  int *roots_found;       /* length n_events */
  double *jac_rowmajor;   /* n*n scratch for the user Jacobian */
  void *user;
  fb_ode_options opt;
  double t;               /* time of the last output (or t0 after reset) */
  int ready;              /* 1 after a successful fb_ode_reset */
  int cb_rc;              /* last non-zero callback return code */
  double cb_t;            /* time at which it occurred */
  char cb_reason[256];    /* reason recorded by fb_ode_set_reason or the NaN check */
  char cv_msg[512];       /* last message CVODE sent to its error handler */
  int n_s;                /* forward sensitivities (0: none) */
  fb_ode_sens_fn sens;
  void *yS;               /* N_Vector[n_s] */
  const double **s_in;    /* n_s pointers for the callback */
  double **s_out;
} fb_ode;

/** Fill opt with defaults: rtol = 1e-8, atol = 1e-12, everything else CVODE's default. */
void fb_ode_options_default(fb_ode_options *opt);

/**
 * Allocate the integrator for a system of n equations. Copies opt (and opt->atol_vec).
 * jac == NULL uses CVODE's difference-quotient dense Jacobian. On failure everything
 * allocated is freed and ode is left in a state that fb_ode_free accepts.
 */
int fb_ode_init(fb_ode *ode, int n, fb_ode_rhs_fn rhs, fb_ode_jac_fn jac, void *user,
                const fb_ode_options *opt, fb_err *err);

/** Enable root finding on n_events functions (call after init, before reset). n_events = 0
 *  disables it. Allocates once. */
int fb_ode_set_events(fb_ode *ode, int n_events, fb_ode_event_fn g, fb_err *err);

/** Start a new problem at (t0, y0) reusing the workspace (CVodeReInit); statistics restart. */
int fb_ode_reset(fb_ode *ode, double t0, const double *y0, fb_err *err);

/** Change the stop time for the current problem (have_t_stop becomes 1). */
int fb_ode_set_t_stop(fb_ode *ode, double t_stop, fb_err *err);

/** Integrate from the current time to t_out and write y(t_out) into y_out (length n).
 *  Events, if enabled, are located but do not stop the integration. */
int fb_ode_solve(fb_ode *ode, double t_out, double *y_out, fb_err *err);

/** Integrate through n_out output times (monotone in the direction of integration);
 *  y_out is row-major [n_out][n]. */
int fb_ode_solve_grid(fb_ode *ode, int n_out, const double *t_out, double *y_out, fb_err *err);

/**
 * Integrate towards t_out but stop at the first event. On return *t_reached is t_out or the
 * event time, y_out holds y(*t_reached), *event is 1 if an event stopped the integration (then
 * roots_found[k] = +1/-1 for g[k] crossing upwards/downwards, 0 otherwise, if roots_found is
 * not NULL; length n_events). A later call continues from *t_reached.
 */
int fb_ode_solve_event(fb_ode *ode, double t_out, double *y_out, double *t_reached, int *event,
                       int *roots_found, fb_err *err);

/** Current time of the last output (t0 after reset). */
double fb_ode_time(const fb_ode *ode);

/** Counters since the last reset. */
int fb_ode_get_stats(const fb_ode *ode, fb_ode_stats *stats, fb_err *err);

/** For callbacks: record why the next non-zero return happens (printf format). */
void fb_ode_set_reason(fb_ode *ode, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/** Enable n_s forward sensitivities (call after init; CVODES simultaneous corrector, sensitivities not
 *  error-controlled, see above). s0 is row-major [n_s][n]: s_j at the next fb_ode_reset's t0
 *  (fb_ode_reset does not reset them: call fb_ode_sens_reset after it for a new problem). */
int fb_ode_sens_init(fb_ode *ode, int n_s, fb_ode_sens_fn sens, const double *s0, fb_err *err);

/** New initial sensitivities (row-major [n_s][n]) for the problem just started by fb_ode_reset. */
int fb_ode_sens_reset(fb_ode *ode, const double *s0, fb_err *err);

/** The sensitivities at the last output time (row-major [n_s][n]). */
int fb_ode_sens_get(fb_ode *ode, double *s_out, fb_err *err);

/** Free everything (safe on a zeroed or already freed struct). */
void fb_ode_free(fb_ode *ode);

#endif /* FB_ODE_H */
