/**
 * @file fb_quad.h
 * @brief GSL adaptive quadrature (QUADPACK) behind one reusable workspace.
 *
 * What it does: integrals of a real function f(x, params) with the QUADPACK routines of GSL
 * (Piessens et al. 1983; GSL manual "Numerical Integration"):
 *   - fb_quad_finite     [a, b]           QAGS (21-point Gauss-Kronrod + epsilon extrapolation;
 *                                          copes with integrable endpoint singularities)
 *   - fb_quad_upper      [a, +inf)        QAGIU (x = a + (1-t)/t, then QAGS)
 *   - fb_quad_lower      (-inf, b]        QAGIL
 *   - fb_quad_whole      (-inf, +inf)     QAGI
 *   - fb_quad_points     [a, b] with known difficult points (narrow resonances, kinks)   QAGP
 *   - fb_quad_algebraic  [a, b] of (x-a)^alpha (b-x)^beta log^mu(x-a) log^nu(b-x) f(x)    QAWS
 *
 * Call order:
 *   fb_quad q; fb_quad_init(&q, limit, epsabs, epsrel, err);   // allocates once
 *   fb_quad_finite(&q, f, params, a, b, &result, &abserr, err);  // any number of times,
 *   ...                                                          // no allocation per call
 *   fb_quad_free(&q);
 *
 * Tolerances: the result satisfies |result - I| <= max(epsabs, epsrel*|I|) (GSL convention)
 * or the call fails. epsabs = 0 asks for a purely relative tolerance, which then must be
 * >= 50*DBL_EPSILON (GSL's floor).
 *
 * Errors: a GSL status (max subdivisions, roundoff, divergence, ...) becomes FB_ERR_GSL with
 * gsl_strerror() text, the interval, the best estimate and its error estimate; a non-finite
 * result (e.g. the integrand returned NaN) is FB_ERR_NUMERIC; invalid arguments are
 * FB_ERR_INPUT/FB_ERR_RANGE. The partial estimate is still written to *result / *abserr.
 *
 * Units: those of x and f. Thread safety: one fb_quad per thread.
 */
#ifndef FB_QUAD_H
#define FB_QUAD_H

#include <stddef.h>

#include "fb_error.h"

/** Integrand. Must not call exit(); return NaN to signal failure (reported as FB_ERR_NUMERIC). */
typedef double (*fb_quad_fn)(double x, void *params);

/** Largest number of break points fb_quad_points accepts inside (a, b). */
#define FB_QUAD_MAX_POINTS 64

/** Quadrature workspace and tolerances. Members are read-only for callers. */
typedef struct fb_quad {
  size_t limit;          /**< max number of subintervals */
  double epsabs;         /**< absolute tolerance */
  double epsrel;         /**< relative tolerance */
  void *work;            /**< gsl_integration_workspace* */
  void *qaws;            /**< gsl_integration_qaws_table* */
  double pts[FB_QUAD_MAX_POINTS + 2]; /**< scratch for QAGP break points */
  size_t last_intervals; /**< subintervals used by the last call */
  double last_abserr;    /**< error estimate of the last call */
  int last_roundoff;     /**< 1 when the last call failed on GSL's roundoff flag alone (GSL_EROUND) */
} fb_quad;

/** Allocate a workspace for up to `limit` subintervals (>= 1) with the given tolerances. */
int fb_quad_init(fb_quad *q, size_t limit, double epsabs, double epsrel, fb_err *err);

/** Change the tolerances (validated like fb_quad_init). */
int fb_quad_set_tolerances(fb_quad *q, double epsabs, double epsrel, fb_err *err);

/** Free the workspace (safe on a zeroed or already freed struct). */
void fb_quad_free(fb_quad *q);

/** int_a^b f dx with QAGS. a > b gives minus the integral over [b, a]; a == b gives 0. */
int fb_quad_finite(fb_quad *q, fb_quad_fn f, void *params, double a, double b, double *result,
                   double *abserr, fb_err *err);

/** int_a^inf f dx with QAGIU. */
int fb_quad_upper(fb_quad *q, fb_quad_fn f, void *params, double a, double *result, double *abserr,
                  fb_err *err);

/** int_-inf^b f dx with QAGIL. */
int fb_quad_lower(fb_quad *q, fb_quad_fn f, void *params, double b, double *result, double *abserr,
                  fb_err *err);

/** int_-inf^inf f dx with QAGI. */
int fb_quad_whole(fb_quad *q, fb_quad_fn f, void *params, double *result, double *abserr,
                  fb_err *err);

/**
 * int_a^b f dx with QAGP, splitting at the break points. `breaks` (n_breaks values, any order,
 * duplicates allowed) are the locations of peaks/singularities/kinks; those not strictly inside
 * (a, b) are ignored, so a resonance mass can be passed whether or not it lies in the range.
 * At most FB_QUAD_MAX_POINTS inside. Falls back to QAGS when none is inside. Requires a < b.
 */
int fb_quad_points(fb_quad *q, fb_quad_fn f, void *params, double a, double b,
                   const double *breaks, size_t n_breaks, double *result, double *abserr,
                   fb_err *err);

/**
 * int_a^b (x-a)^alpha (b-x)^beta log^mu(x-a) log^nu(b-x) f(x) dx with QAWS: an algebraic-
 * logarithmic endpoint weight treated analytically. alpha, beta > -1; mu, nu in {0, 1}; a < b.
 */
int fb_quad_algebraic(fb_quad *q, fb_quad_fn f, void *params, double a, double b, double alpha,
                      double beta, int mu, int nu, double *result, double *abserr, fb_err *err);

#endif /* FB_QUAD_H */
