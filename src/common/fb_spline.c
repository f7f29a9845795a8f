/**
 * @file fb_spline.c
 * @brief GSL gsl_interp wrapper with log axes and an out-of-range policy; see fb_spline.h.
 */
#include "fb_spline.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_interp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const gsl_interp_type *fb_spline_gsl_type(fb_spline_type t) {
  switch (t) {
    case FB_SPLINE_CUBIC: return gsl_interp_cspline;
    case FB_SPLINE_STEFFEN: return gsl_interp_steffen;
    case FB_SPLINE_LINEAR: return gsl_interp_linear;
    default: return NULL;
  }
}

void fb_spline_free(fb_spline *s) {
  if (!s) return;
  if (s->interp) gsl_interp_free((gsl_interp *)s->interp);
  if (s->acc) gsl_interp_accel_free((gsl_interp_accel *)s->acc);
  free(s->x);
  free(s->y);
  memset(s, 0, sizeof *s);
}

int fb_spline_init(fb_spline *s, fb_spline_type type, const double *x, const double *y, size_t n,
                   unsigned flags, fb_spline_out out, fb_err *err) {
  FB_TEST(err, !s, FB_ERR_INPUT, "spline struct is NULL");
  memset(s, 0, sizeof *s);
  FB_TEST(err, !x || !y, FB_ERR_INPUT, "data pointer is NULL");
  const gsl_interp_type *gt = fb_spline_gsl_type(type);
  FB_TEST(err, !gt, FB_ERR_INPUT, "unknown spline type %d", (int)type);
  FB_TEST(err, out != FB_SPLINE_OUT_ERROR && out != FB_SPLINE_OUT_CLAMP, FB_ERR_INPUT,
          "unknown out-of-range policy %d", (int)out);
  FB_TEST(err, flags & ~(FB_SPLINE_LOG_X | FB_SPLINE_LOG_Y), FB_ERR_INPUT, "unknown flags 0x%x",
          flags);
  size_t nmin = gsl_interp_type_min_size(gt);
  FB_TEST(err, n < nmin, FB_ERR_RANGE, "%s spline needs n >= %zu points, got %zu",
          gt->name, nmin, n);
  const int lx = (flags & FB_SPLINE_LOG_X) != 0, ly = (flags & FB_SPLINE_LOG_Y) != 0;
  for (size_t i = 0; i < n; ++i) {
    FB_TEST(err, !isfinite(x[i]) || !isfinite(y[i]), FB_ERR_INPUT,
            "non-finite data point %zu: (x, y) = (%g, %g)", i, x[i], y[i]);
    FB_TEST(err, i > 0 && !(x[i] > x[i - 1]), FB_ERR_INPUT,
            "x not strictly increasing at %zu: x[%zu] = %.17g, x[%zu] = %.17g", i, i - 1, x[i - 1],
            i, x[i]);
    FB_TEST(err, lx && !(x[i] > 0.0), FB_ERR_RANGE, "log x axis needs x > 0: x[%zu] = %g", i, x[i]);
    FB_TEST(err, ly && !(y[i] > 0.0), FB_ERR_RANGE, "log y axis needs y > 0: y[%zu] = %g", i, y[i]);
  }

  int rc = FB_OK;
  s->x = malloc(n * sizeof(double));
  s->y = malloc(n * sizeof(double));
  FB_TEST_GOTO(err, rc, !s->x || !s->y, FB_ERR_MEMORY, fail, "spline copy of %zu points failed", n);
  for (size_t i = 0; i < n; ++i) {
    s->x[i] = lx ? log(x[i]) : x[i];
    s->y[i] = ly ? log(y[i]) : y[i];
  }
  /* ln of distinct positive doubles can coincide only for extremely close neighbours */
  for (size_t i = 1; i < n; ++i)
    FB_TEST_GOTO(err, rc, !(s->x[i] > s->x[i - 1]), FB_ERR_INPUT, fail,
                 "ln x not strictly increasing at %zu (x = %.17g, %.17g too close)", i, x[i - 1],
                 x[i]);
  s->interp = gsl_interp_alloc(gt, n);
  FB_TEST_GOTO(err, rc, !s->interp, FB_ERR_MEMORY, fail, "gsl_interp_alloc(%s, %zu) failed",
               gt->name, n);
  s->acc = gsl_interp_accel_alloc();
  FB_TEST_GOTO(err, rc, !s->acc, FB_ERR_MEMORY, fail, "gsl_interp_accel_alloc failed");
  int st = gsl_interp_init((gsl_interp *)s->interp, s->x, s->y, n);
  FB_TEST_GOTO(err, rc, st != GSL_SUCCESS, FB_ERR_GSL, fail, "gsl_interp_init(%s, n = %zu): %s",
               gt->name, n, gsl_strerror(st));
  s->n = n;
  s->type = type;
  s->log_x = lx;
  s->log_y = ly;
  s->out = out;
  s->x_lo = x[0];
  s->x_hi = x[n - 1];
  s->y_lo = y[0];
  s->y_hi = y[n - 1];
  return FB_OK;

fail:
  fb_spline_free(s);
  return rc;
}

/* Shared evaluation; acc may be NULL (binary search, thread-safe). */
static int fb_spline_eval_impl(const fb_spline *s, gsl_interp_accel *acc, double x, double *y,
                               double *dydx, fb_err *err) {
  FB_TEST(err, !s || !s->interp, FB_ERR_INPUT, "spline not initialised");
  FB_TEST(err, isnan(x), FB_ERR_INPUT, "spline evaluated at x = NaN");
  if (!(x >= s->x_lo && x <= s->x_hi)) {
    FB_TEST(err, s->out == FB_SPLINE_OUT_ERROR, FB_ERR_RANGE,
            "x = %.10g outside the tabulated range [%.10g, %.10g]", x, s->x_lo, s->x_hi);
    if (y) *y = x < s->x_lo ? s->y_lo : s->y_hi;
    if (dydx) *dydx = 0.0;
    return FB_OK;
  }
  const gsl_interp *gi = (const gsl_interp *)s->interp;
  /* ln(x_hi) may round above s->x[n-1]; clamp the interpolation variable into the table */
  double X = s->log_x ? log(x) : x;
  if (X < s->x[0]) X = s->x[0];
  if (X > s->x[s->n - 1]) X = s->x[s->n - 1];
  double Y = 0.0, dY = 0.0;
  int st = gsl_interp_eval_e(gi, s->x, s->y, X, acc, &Y);
  FB_TEST(err, st != GSL_SUCCESS, FB_ERR_GSL, "gsl_interp_eval_e(x = %g): %s", x, gsl_strerror(st));
  double yv = s->log_y ? exp(Y) : Y;
  if (y) *y = yv;
  if (dydx) {
    st = gsl_interp_eval_deriv_e(gi, s->x, s->y, X, acc, &dY);
    FB_TEST(err, st != GSL_SUCCESS, FB_ERR_GSL, "gsl_interp_eval_deriv_e(x = %g): %s", x,
            gsl_strerror(st));
    double d = dY;
    if (s->log_x) d /= x;  /* dX/dx = 1/x */
    if (s->log_y) d *= yv; /* dy/dY = y */
    *dydx = d;
  }
  return FB_OK;
}

int fb_spline_eval(const fb_spline *s, double x, double *y, fb_err *err) {
  FB_TEST(err, !y, FB_ERR_INPUT, "output pointer is NULL");
  return fb_spline_eval_impl(s, NULL, x, y, NULL, err);
}

int fb_spline_eval_deriv(const fb_spline *s, double x, double *dydx, fb_err *err) {
  FB_TEST(err, !dydx, FB_ERR_INPUT, "output pointer is NULL");
  return fb_spline_eval_impl(s, NULL, x, NULL, dydx, err);
}

int fb_spline_eval2(const fb_spline *s, double x, double *y, double *dydx, fb_err *err) {
  return fb_spline_eval_impl(s, NULL, x, y, dydx, err);
}

int fb_spline_eval_acc(fb_spline *s, double x, double *y, double *dydx, fb_err *err) {
  FB_TEST(err, !s, FB_ERR_INPUT, "spline is NULL");
  return fb_spline_eval_impl(s, (gsl_interp_accel *)s->acc, x, y, dydx, err);
}
