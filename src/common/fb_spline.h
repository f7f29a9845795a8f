/**
 * @file fb_spline.h
 * @brief One-dimensional interpolation of tabulated data (GSL gsl_interp), optionally in log space.
 *
 * What it does: builds an interpolant y(x) through (x_i, y_i), i < n, x strictly increasing:
 *   - FB_SPLINE_CUBIC   natural cubic spline (gsl_interp_cspline; second derivative 0 at the ends)
 *   - FB_SPLINE_STEFFEN monotone piecewise cubic (gsl_interp_steffen; M. Steffen, A&A 239 (1990)
 *                       443): no overshoot, local extrema only at data points
 *   - FB_SPLINE_LINEAR  piecewise linear (gsl_interp_linear)
 * With FB_SPLINE_LOG_X / FB_SPLINE_LOG_Y the interpolation runs in ln x / ln y (power laws become
 * straight lines); values and derivatives are returned in the original variables:
 *   dy/dx = (dY/dX) * (y / x) for log-log, (dY/dX) / x for log x, (dY/dX) * y for log y.
 *
 * Call order:
 *   fb_spline s; fb_spline_init(&s, FB_SPLINE_CUBIC, x, y, n, FB_SPLINE_LOG_X, FB_SPLINE_OUT_ERROR, err);
 *   fb_spline_eval(&s, x, &y, err); fb_spline_eval_deriv(&s, x, &dydx, err);  // const, thread-safe
 *   fb_spline_eval_acc(&s, x, &y, err);   // faster for ordered look-ups; NOT thread-safe
 *   fb_spline_free(&s);
 * Init copies the data: the caller's arrays can be freed afterwards.
 *
 * Out of range [x_0, x_{n-1}]: FB_SPLINE_OUT_ERROR returns FB_ERR_RANGE; FB_SPLINE_OUT_CLAMP
 * returns the end value y_0 or y_{n-1} and derivative 0 (y is held constant outside).
 *
 * Errors: n below the method's minimum (3 for cubic/Steffen, 2 for linear), x not strictly
 * increasing, NaN/inf data, non-positive data in a log axis -> FB_ERR_INPUT / FB_ERR_RANGE.
 * Units: those of the data.
 */
#ifndef FB_SPLINE_H
#define FB_SPLINE_H

#include <stddef.h>

#include "fb_error.h"

typedef enum fb_spline_type {
  FB_SPLINE_CUBIC = 0,   /**< natural cubic spline */
  FB_SPLINE_STEFFEN = 1, /**< monotone (Steffen 1990) */
  FB_SPLINE_LINEAR = 2   /**< piecewise linear */
} fb_spline_type;

/** Flags: interpolate in log of x and/or y. */
#define FB_SPLINE_LOG_X 1u
#define FB_SPLINE_LOG_Y 2u

typedef enum fb_spline_out {
  FB_SPLINE_OUT_ERROR = 0, /**< out-of-range x is an FB_ERR_RANGE error */
  FB_SPLINE_OUT_CLAMP = 1  /**< out-of-range x returns the end value (derivative 0) */
} fb_spline_out;

typedef struct fb_spline {
  size_t n;
  double *x;        /* abscissae in interpolation variable (ln x if log_x) */
  double *y;        /* ordinates in interpolation variable (ln y if log_y) */
  void *interp;     /* gsl_interp* */
  void *acc;        /* gsl_interp_accel* used only by the *_acc functions */
  fb_spline_type type;
  int log_x, log_y;
  fb_spline_out out;
  double x_lo, x_hi; /**< range in original units */
  double y_lo, y_hi; /**< end values in original units (for clamping) */
} fb_spline;

/** Build the interpolant (copies x and y). */
int fb_spline_init(fb_spline *s, fb_spline_type type, const double *x, const double *y, size_t n,
                   unsigned flags, fb_spline_out out, fb_err *err);

/** y(x). Thread-safe (no accelerator). */
int fb_spline_eval(const fb_spline *s, double x, double *y, fb_err *err);

/** dy/dx at x. Thread-safe. */
int fb_spline_eval_deriv(const fb_spline *s, double x, double *dydx, fb_err *err);

/** y(x) and dy/dx (either pointer may be NULL). Thread-safe. */
int fb_spline_eval2(const fb_spline *s, double x, double *y, double *dydx, fb_err *err);

/** Like fb_spline_eval2 but with the internal accelerator (cached interval): faster for
 *  nearby successive x, NOT thread-safe (mutates s). */
int fb_spline_eval_acc(fb_spline *s, double x, double *y, double *dydx, fb_err *err);

/** Free (safe on a zeroed or already freed struct). */
void fb_spline_free(fb_spline *s);

#endif /* FB_SPLINE_H */
