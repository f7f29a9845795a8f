/**
 * @file fb_roots.h
 * @brief One-dimensional root finding: bracket expansion + GSL Brent (gsl_root_fsolver_brent).
 *
 * What it does: finds x with f(x) = 0. Starting from a guess interval [a, b], the interval is
 * widened geometrically (in x, or in log x for positive quantities spanning decades such as a
 * freeze-out temperature or a coupling) until f changes sign, never leaving the allowed domain
 * [x_min, x_max] and at most max_expand times. The bracket is then refined with Brent's method
 * (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 4), in log x if log_space.
 *
 * Call order:
 *   fb_roots_options o; fb_roots_options_default(&o); o.x_min = ...; o.log_space = 1;
 *   fb_roots r; fb_roots_init(&r, &o, err);                      // allocates the GSL solver once
 *   fb_roots_solve(&r, f, params, a, b, &root, err);              // any number of times
 *   fb_roots_free(&r);
 * or the one-shot fb_roots_find(f, params, a, b, &o, &root, err).
 *
 * Convergence: the final bracket [lo, hi] satisfies |hi - lo| < xtol_abs + xtol_rel*min(|lo|,|hi|)
 * (gsl_root_test_interval), measured in x even when the search runs in log x.
 *
 * Errors: no sign change within the domain / expansion budget -> FB_ERR_NUMERIC listing the
 * points tried and f there; f returning NaN/inf -> FB_ERR_NUMERIC with x; no convergence within
 * max_iter -> FB_ERR_NUMERIC; invalid options -> FB_ERR_INPUT/FB_ERR_RANGE; a GSL failure ->
 * FB_ERR_GSL.
 *
 * Thread safety: one fb_roots per thread.
 */
#ifndef FB_ROOTS_H
#define FB_ROOTS_H

#include "fb_error.h"

/** Function whose root is sought. Return NaN to signal failure. */
typedef double (*fb_roots_fn)(double x, void *params);

/** Number of (x, f) pairs of the bracket search remembered for the error message. */
#define FB_ROOTS_TRIED_MAX 48

typedef struct fb_roots_options {
  double xtol_abs;     /**< absolute x tolerance (>= 0) */
  double xtol_rel;     /**< relative x tolerance (>= 0; xtol_abs + xtol_rel > 0) */
  int max_iter;        /**< max Brent iterations (>= 1) */
  int max_expand;      /**< max bracket expansions (>= 0) */
  double expand_factor;/**< width growth per expansion (> 0), in x or in log x */
  double x_min;        /**< allowed domain lower end (may be -inf; > 0 if log_space) */
  double x_max;        /**< allowed domain upper end (may be +inf) */
  int log_space;       /**< 1: expand and solve in ln x (requires x > 0) */
} fb_roots_options;

typedef struct fb_roots {
  fb_roots_options opt;
  void *solver;        /* gsl_root_fsolver* (Brent) */
  int iterations;      /**< Brent iterations of the last solve */
  int expansions;      /**< bracket expansions of the last solve */
  int f_evals;         /**< f evaluations of the last solve */
  int n_tried;         /* (x, f) pairs of the bracket search */
  double tried_x[FB_ROOTS_TRIED_MAX];
  double tried_f[FB_ROOTS_TRIED_MAX];
} fb_roots;

/** Defaults: xtol_abs = 0, xtol_rel = 1e-10, max_iter = 200, max_expand = 50,
 *  expand_factor = 1.6 (Numerical Recipes zbrac), domain (-inf, inf), linear. */
void fb_roots_options_default(fb_roots_options *opt);

/** Validate and copy the options, allocate the Brent solver. */
int fb_roots_init(fb_roots *r, const fb_roots_options *opt, fb_err *err);

/** Find a root starting from the guess interval [a, b] (any order, a != b, inside the domain). */
int fb_roots_solve(fb_roots *r, fb_roots_fn f, void *params, double a, double b, double *root,
                   fb_err *err);

/** Free the solver (safe on a zeroed or already freed struct). */
void fb_roots_free(fb_roots *r);

/** init + solve + free in one call (allocates; avoid in hot loops). */
int fb_roots_find(fb_roots_fn f, void *params, double a, double b, const fb_roots_options *opt,
                  double *root, fb_err *err);

#endif /* FB_ROOTS_H */
