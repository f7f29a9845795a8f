/**
 * @file fb_quad.c
 * @brief GSL QUADPACK wrappers with status translation; see fb_quad.h.
 */
#include "fb_quad.h"

#include <float.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <math.h>
#include <string.h>

/* GSL refuses epsabs <= 0 together with epsrel < 50 DBL_EPSILON (qags.c, "tolerance cannot be
 * achieved with given epsabs and epsrel"); we check it up front to give a clear message. */
#define FB_QUAD_EPSREL_MIN (50.0 * DBL_EPSILON)

/* Integrand wrapper: records the first non-finite value and then returns 0 so that GSL does not
 * waste its subdivision budget on NaN; the call is reported as failed afterwards. */
typedef struct fb_quad_call {
  fb_quad_fn f;
  void *params;
  int bad;
  double bad_x, bad_f;
} fb_quad_call;

static double fb_quad_eval(double x, void *p) {
  fb_quad_call *c = (fb_quad_call *)p;
  double v = c->f(x, c->params);
  if (!isfinite(v)) {
    if (!c->bad) {
      c->bad = 1;
      c->bad_x = x;
      c->bad_f = v;
    }
    return 0.0;
  }
  return v;
}

static int fb_quad_check_tol(double epsabs, double epsrel, fb_err *err) {
  FB_TEST(err, isnan(epsabs) || isnan(epsrel), FB_ERR_INPUT, "NaN tolerance (epsabs = %g, epsrel = %g)",
          epsabs, epsrel);
  FB_TEST(err, epsabs < 0.0 || epsrel < 0.0 || !isfinite(epsabs) || !isfinite(epsrel), FB_ERR_RANGE,
          "tolerances must be finite and >= 0 (epsabs = %g, epsrel = %g)", epsabs, epsrel);
  FB_TEST(err, epsabs == 0.0 && epsrel < FB_QUAD_EPSREL_MIN, FB_ERR_RANGE,
          "with epsabs = 0, epsrel = %g must be >= 50*DBL_EPSILON = %g", epsrel, FB_QUAD_EPSREL_MIN);
  return FB_OK;
}

int fb_quad_init(fb_quad *q, size_t limit, double epsabs, double epsrel, fb_err *err) {
  FB_TEST(err, !q, FB_ERR_INPUT, "quadrature struct is NULL");
  memset(q, 0, sizeof *q);
  FB_TEST(err, limit < 1, FB_ERR_RANGE, "limit = %zu must be >= 1", limit);
  FB_CALL(err, fb_quad_check_tol(epsabs, epsrel, err));
  q->work = gsl_integration_workspace_alloc(limit);
  FB_TEST(err, !q->work, FB_ERR_MEMORY, "gsl_integration_workspace_alloc(%zu) failed", limit);
  q->qaws = gsl_integration_qaws_table_alloc(0.0, 0.0, 0, 0);
  if (!q->qaws) {
    fb_quad_free(q);
    FB_FAIL(err, FB_ERR_MEMORY, "gsl_integration_qaws_table_alloc failed");
  }
  q->limit = limit;
  q->epsabs = epsabs;
  q->epsrel = epsrel;
  return FB_OK;
}

int fb_quad_set_tolerances(fb_quad *q, double epsabs, double epsrel, fb_err *err) {
  FB_TEST(err, !q || !q->work, FB_ERR_INPUT, "quadrature workspace not initialised");
  FB_CALL(err, fb_quad_check_tol(epsabs, epsrel, err));
  q->epsabs = epsabs;
  q->epsrel = epsrel;
  return FB_OK;
}

void fb_quad_free(fb_quad *q) {
  if (!q) return;
  if (q->work) gsl_integration_workspace_free((gsl_integration_workspace *)q->work);
  if (q->qaws) gsl_integration_qaws_table_free((gsl_integration_qaws_table *)q->qaws);
  memset(q, 0, sizeof *q);
}

/* Common tail: translate status / non-finite values into fb codes with context. */
static int fb_quad_finish(fb_quad *q, const char *routine, double a, double b, int status,
                          const fb_quad_call *c, double res, double abserr, double *result,
                          double *abserr_out, const char *func, int line, fb_err *err) {
  q->last_intervals = ((gsl_integration_workspace *)q->work)->size;
  q->last_abserr = abserr;
  q->last_roundoff = status == GSL_EROUND && !c->bad;
  *result = res;
  if (abserr_out) *abserr_out = abserr;
  if (c->bad)
    return fb_err_set(err, FB_ERR_NUMERIC, func, line,
                      "%s on [%.10g, %.10g]: integrand returned %g at x = %.17g", routine, a, b,
                      c->bad_f, c->bad_x);
  if (status != GSL_SUCCESS)
    return fb_err_set(err, FB_ERR_GSL, func, line,
                      "%s on [%.10g, %.10g] failed: %s (GSL status %d); estimate %.10g +- %.3g "
                      "after %zu subintervals (limit %zu, epsabs %g, epsrel %g)",
                      routine, a, b, gsl_strerror(status), status, res, abserr, q->last_intervals,
                      q->limit, q->epsabs, q->epsrel);
  if (!isfinite(res) || !isfinite(abserr))
    return fb_err_set(err, FB_ERR_NUMERIC, func, line,
                      "%s on [%.10g, %.10g]: non-finite result %g +- %g", routine, a, b, res, abserr);
  return FB_OK;
}

#define FB_QUAD_PRE(q, f, result, err)                                                         \
  do {                                                                                         \
    FB_TEST(err, !(q) || !(q)->work, FB_ERR_INPUT, "quadrature workspace not initialised");    \
    FB_TEST(err, !(f) || !(result), FB_ERR_INPUT, "integrand or result pointer is NULL");       \
  } while (0)

int fb_quad_finite(fb_quad *q, fb_quad_fn f, void *params, double a, double b, double *result,
                   double *abserr, fb_err *err) {
  FB_QUAD_PRE(q, f, result, err);
  FB_TEST(err, !isfinite(a) || !isfinite(b), FB_ERR_INPUT,
          "limits [%g, %g] must be finite (use fb_quad_upper/lower/whole)", a, b);
  if (a == b) {
    *result = 0.0;
    if (abserr) *abserr = 0.0;
    q->last_intervals = 0;
    q->last_abserr = 0.0;
    q->last_roundoff = 0;
    return FB_OK;
  }
  double sign = 1.0, lo = a, hi = b;
  if (a > b) {
    sign = -1.0;
    lo = b;
    hi = a;
  }
  fb_quad_call c = {f, params, 0, 0.0, 0.0};
  gsl_function F = {fb_quad_eval, &c};
  double res = 0.0, ae = 0.0;
  int status = gsl_integration_qags(&F, lo, hi, q->epsabs, q->epsrel, q->limit,
                                    (gsl_integration_workspace *)q->work, &res, &ae);
  return fb_quad_finish(q, "QAGS", a, b, status, &c, sign * res, ae, result, abserr, __func__,
                        __LINE__, err);
}

int fb_quad_upper(fb_quad *q, fb_quad_fn f, void *params, double a, double *result, double *abserr,
                  fb_err *err) {
  FB_QUAD_PRE(q, f, result, err);
  FB_TEST(err, !isfinite(a), FB_ERR_INPUT, "lower limit a = %g must be finite", a);
  fb_quad_call c = {f, params, 0, 0.0, 0.0};
  gsl_function F = {fb_quad_eval, &c};
  double res = 0.0, ae = 0.0;
  int status = gsl_integration_qagiu(&F, a, q->epsabs, q->epsrel, q->limit,
                                     (gsl_integration_workspace *)q->work, &res, &ae);
  return fb_quad_finish(q, "QAGIU", a, INFINITY, status, &c, res, ae, result, abserr, __func__,
                        __LINE__, err);
}

int fb_quad_lower(fb_quad *q, fb_quad_fn f, void *params, double b, double *result, double *abserr,
                  fb_err *err) {
  FB_QUAD_PRE(q, f, result, err);
  FB_TEST(err, !isfinite(b), FB_ERR_INPUT, "upper limit b = %g must be finite", b);
  fb_quad_call c = {f, params, 0, 0.0, 0.0};
  gsl_function F = {fb_quad_eval, &c};
  double res = 0.0, ae = 0.0;
  int status = gsl_integration_qagil(&F, b, q->epsabs, q->epsrel, q->limit,
                                     (gsl_integration_workspace *)q->work, &res, &ae);
  return fb_quad_finish(q, "QAGIL", -INFINITY, b, status, &c, res, ae, result, abserr, __func__,
                        __LINE__, err);
}

int fb_quad_whole(fb_quad *q, fb_quad_fn f, void *params, double *result, double *abserr,
                  fb_err *err) {
  FB_QUAD_PRE(q, f, result, err);
  fb_quad_call c = {f, params, 0, 0.0, 0.0};
  gsl_function F = {fb_quad_eval, &c};
  double res = 0.0, ae = 0.0;
  int status = gsl_integration_qagi(&F, q->epsabs, q->epsrel, q->limit,
                                    (gsl_integration_workspace *)q->work, &res, &ae);
  return fb_quad_finish(q, "QAGI", -INFINITY, INFINITY, status, &c, res, ae, result, abserr,
                        __func__, __LINE__, err);
}

int fb_quad_points(fb_quad *q, fb_quad_fn f, void *params, double a, double b,
                   const double *breaks, size_t n_breaks, double *result, double *abserr,
                   fb_err *err) {
  FB_QUAD_PRE(q, f, result, err);
  FB_TEST(err, !isfinite(a) || !isfinite(b) || !(a < b), FB_ERR_INPUT,
          "limits [%g, %g] must be finite with a < b", a, b);
  FB_TEST(err, n_breaks > 0 && !breaks, FB_ERR_INPUT, "breaks is NULL with n_breaks = %zu",
          n_breaks);
  /* keep the points strictly inside (a, b), sorted, without duplicates (insertion sort: n small) */
  size_t m = 0;
  q->pts[m++] = a;
  for (size_t k = 0; k < n_breaks; ++k) {
    double x = breaks[k];
    FB_TEST(err, isnan(x), FB_ERR_INPUT, "break point %zu is NaN", k);
    if (!(x > a && x < b)) continue;
    size_t pos = m;
    while (pos > 1 && q->pts[pos - 1] > x) --pos;
    if (q->pts[pos - 1] == x) continue; /* duplicate */
    FB_TEST(err, m - 1 >= FB_QUAD_MAX_POINTS, FB_ERR_RANGE,
            "more than %d break points inside [%g, %g]", FB_QUAD_MAX_POINTS, a, b);
    memmove(q->pts + pos + 1, q->pts + pos, (m - pos) * sizeof(double));
    q->pts[pos] = x;
    ++m;
  }
  if (m == 1) return fb_quad_finite(q, f, params, a, b, result, abserr, err);
  q->pts[m++] = b;
  FB_TEST(err, m - 1 > q->limit, FB_ERR_RANGE,
          "%zu subintervals from break points exceed limit = %zu", m - 1, q->limit);
  fb_quad_call c = {f, params, 0, 0.0, 0.0};
  gsl_function F = {fb_quad_eval, &c};
  double res = 0.0, ae = 0.0;
  int status = gsl_integration_qagp(&F, q->pts, m, q->epsabs, q->epsrel, q->limit,
                                    (gsl_integration_workspace *)q->work, &res, &ae);
  return fb_quad_finish(q, "QAGP", a, b, status, &c, res, ae, result, abserr, __func__, __LINE__,
                        err);
}

int fb_quad_algebraic(fb_quad *q, fb_quad_fn f, void *params, double a, double b, double alpha,
                      double beta, int mu, int nu, double *result, double *abserr, fb_err *err) {
  FB_QUAD_PRE(q, f, result, err);
  FB_TEST(err, !isfinite(a) || !isfinite(b) || !(a < b), FB_ERR_INPUT,
          "limits [%g, %g] must be finite with a < b", a, b);
  FB_TEST(err, !(alpha > -1.0) || !(beta > -1.0) || !isfinite(alpha) || !isfinite(beta),
          FB_ERR_RANGE, "QAWS needs alpha, beta > -1 (alpha = %g, beta = %g)", alpha, beta);
  FB_TEST(err, (mu != 0 && mu != 1) || (nu != 0 && nu != 1), FB_ERR_RANGE,
          "QAWS needs mu, nu in {0, 1} (mu = %d, nu = %d)", mu, nu);
  int st = gsl_integration_qaws_table_set((gsl_integration_qaws_table *)q->qaws, alpha, beta, mu, nu);
  FB_TEST(err, st != GSL_SUCCESS, FB_ERR_GSL, "gsl_integration_qaws_table_set: %s", gsl_strerror(st));
  fb_quad_call c = {f, params, 0, 0.0, 0.0};
  gsl_function F = {fb_quad_eval, &c};
  double res = 0.0, ae = 0.0;
  int status = gsl_integration_qaws(&F, a, b, (gsl_integration_qaws_table *)q->qaws, q->epsabs,
                                    q->epsrel, q->limit, (gsl_integration_workspace *)q->work, &res,
                                    &ae);
  return fb_quad_finish(q, "QAWS", a, b, status, &c, res, ae, result, abserr, __func__, __LINE__,
                        err);
}
