/**
 * @file test_fb_quad.c
 * @brief Check suite for the GSL quadrature wrapper fb_quad.
 *
 * Closed forms used (Gradshteyn & Ryzhik, 7th ed.):
 *  - int_0^inf x^3/(e^x - 1) dx = Gamma(4) zeta(4) = pi^4/15          (GR 3.411.1)
 *  - int_a^b dx / ((x-M)^2 + (G/2)^2) = (2/G) [atan(2(b-M)/G) - atan(2(a-M)/G)]  (GR 2.172)
 *  - int_0^1 ln(x)/sqrt(x) dx = -4                                    (GR 4.272.6 type; by parts)
 *  - int_0^1 x^(-1/2) (1-x)^(-1/2) dx = B(1/2, 1/2) = pi              (GR 3.191.3)
 *  - int_-inf^inf exp(-x^2/2) dx = sqrt(2 pi)
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "fb_constants.h"
#include "fb_quad.h"

static double planck3(double x, void *p) {
  (void)p;
  if (x == 0.0) return 0.0;
  return x * x * x / expm1(x);
}

typedef struct bw {
  double M_GeV, Gamma_GeV;
  long n_calls;
} bw;

static double breit_wigner(double x, void *p) {
  bw *b = (bw *)p;
  b->n_calls++;
  double d = x - b->M_GeV, g = 0.5 * b->Gamma_GeV;
  return 1.0 / (d * d + g * g);
}

static double bw_exact(const bw *b, double lo, double hi) {
  double g = b->Gamma_GeV;
  return 2.0 / g * (atan(2.0 * (hi - b->M_GeV) / g) - atan(2.0 * (lo - b->M_GeV) / g));
}

static double log_over_sqrt(double x, void *p) {
  (void)p;
  return log(x) / sqrt(x);
}
static double one(double x, void *p) {
  (void)x;
  (void)p;
  return 1.0;
}
static double gauss(double x, void *p) {
  (void)p;
  return exp(-0.5 * x * x);
}
static double exp_pos(double x, void *p) {
  double k = *(double *)p;
  return exp(k * x);
}
static double inv_x(double x, void *p) {
  (void)p;
  return 1.0 / x;
}
static double wild(double x, void *p) {
  (void)p;
  return sin(1.0 / x) / x;
}
static double nan_at_half(double x, void *p) {
  (void)p;
  return x > 0.5 ? NAN : x;
}
static double cheap(double x, void *p) {
  double c = *(double *)p;
  return c * x * x + 0.3 * x;
}

#define REL(a, b) (fabs((a) - (b)) / fabs(b))

START_TEST(test_planck_upper) {
  fb_quad q;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_quad_init(&q, 200, 0.0, 1e-11, &err), FB_OK);
  double r, e;
  ck_assert_msg(fb_quad_upper(&q, planck3, NULL, 0.0, &r, &e, &err) == FB_OK, "%s", err.msg);
  const double exact = pow(FB_PI, 4) / 15.0;
  printf("int x^3/(e^x-1) = %.16g exact %.16g rel %.2e (est. err %.2e, %zu intervals)\n", r, exact,
         REL(r, exact), e, q.last_intervals);
  ck_assert_msg(REL(r, exact) < 1e-10, "rel. dev. %.3e", REL(r, exact));
  ck_assert(e <= 1e-11 * fabs(r) * 1.0001);
  fb_quad_free(&q);
}
END_TEST

START_TEST(test_breit_wigner_points) {
  fb_quad q;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_quad_init(&q, 500, 0.0, 1e-10, &err), FB_OK);
  /* J/psi-like narrow resonance: M = 3.0969 GeV, Gamma = 9.26e-5 GeV (PDG 2024) */
  bw b = {3.0969, 9.26e-5, 0};
  const double lo = 0.513, hi = 10.37;
  const double exact = bw_exact(&b, lo, hi);
  /* break points: the peak plus points outside the range and a duplicate, which are ignored */
  const double br[5] = {b.M_GeV, 12.0, b.M_GeV, -1.0, b.M_GeV + 3.0 * b.Gamma_GeV};
  double r, e;
  ck_assert_msg(fb_quad_points(&q, breit_wigner, &b, lo, hi, br, 5, &r, &e, &err) == FB_OK, "%s",
                err.msg);
  printf("Breit-Wigner with break points: %.16g exact %.16g rel %.2e, %ld calls, %zu intervals\n", r,
         exact, REL(r, exact), b.n_calls, q.last_intervals);
  ck_assert_msg(REL(r, exact) < 1e-9, "rel. dev. %.3e", REL(r, exact));
  /* without the break point QAGS may miss the peak or use many more evaluations: report it */
  b.n_calls = 0;
  fb_err_clear(&err);
  int rc = fb_quad_finite(&q, breit_wigner, &b, lo, hi, &r, &e, &err);
  printf("Breit-Wigner without break points: rc %d, %.16g rel %.2e, %ld calls\n", rc, r,
         REL(r, exact), b.n_calls);
  /* no break point inside -> plain QAGS path, also on a range that excludes the peak */
  const double lo2 = 3.2, hi2 = 7.7;
  ck_assert_int_eq(fb_quad_points(&q, breit_wigner, &b, lo2, hi2, br, 1, &r, &e, &err), FB_OK);
  ck_assert_msg(REL(r, bw_exact(&b, lo2, hi2)) < 1e-9, "rel. dev. %.3e", REL(r, bw_exact(&b, lo2, hi2)));
  fb_quad_free(&q);
}
END_TEST

START_TEST(test_endpoint_singularities) {
  fb_quad q;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_quad_init(&q, 200, 0.0, 1e-10, &err), FB_OK);
  double r, e;
  ck_assert_msg(fb_quad_finite(&q, log_over_sqrt, NULL, 0.0, 1.0, &r, &e, &err) == FB_OK, "%s",
                err.msg);
  printf("QAGS int ln x/sqrt x = %.16g (exact -4) rel %.2e\n", r, REL(r, -4.0));
  ck_assert_msg(REL(r, -4.0) < 1e-9, "QAGS rel. dev. %.3e", REL(r, -4.0));
  /* reversed limits give minus the integral */
  double r2;
  ck_assert_int_eq(fb_quad_finite(&q, log_over_sqrt, NULL, 1.0, 0.0, &r2, NULL, &err), FB_OK);
  ck_assert_double_eq(r2, -r);
  ck_assert_int_eq(fb_quad_finite(&q, log_over_sqrt, NULL, 0.7, 0.7, &r2, NULL, &err), FB_OK);
  ck_assert_double_eq(r2, 0.0);
  /* QAWS: same integral with the weight x^(-1/2) ln x treated analytically, f = 1 */
  ck_assert_int_eq(fb_quad_algebraic(&q, one, NULL, 0.0, 1.0, -0.5, 0.0, 1, 0, &r, &e, &err), FB_OK);
  printf("QAWS int x^-1/2 ln x = %.16g rel %.2e\n", r, REL(r, -4.0));
  ck_assert_msg(REL(r, -4.0) < 1e-12, "QAWS rel. dev. %.3e", REL(r, -4.0));
  ck_assert_int_eq(fb_quad_algebraic(&q, one, NULL, 0.0, 1.0, -0.5, -0.5, 0, 0, &r, &e, &err), FB_OK);
  ck_assert_msg(REL(r, FB_PI) < 1e-12, "Beta(1/2,1/2) rel. dev. %.3e", REL(r, FB_PI));
  fb_quad_free(&q);
}
END_TEST

START_TEST(test_infinite_ranges) {
  fb_quad q;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_quad_init(&q, 200, 1e-300, 1e-11, &err), FB_OK);
  double r, e, k = 1.37;
  ck_assert_int_eq(fb_quad_whole(&q, gauss, NULL, &r, &e, &err), FB_OK);
  ck_assert_msg(REL(r, sqrt(2.0 * FB_PI)) < 1e-10, "gauss rel %.3e", REL(r, sqrt(2.0 * FB_PI)));
  /* int_-inf^0.4 e^{k x} dx = e^{0.4 k}/k */
  ck_assert_int_eq(fb_quad_lower(&q, exp_pos, &k, 0.4, &r, &e, &err), FB_OK);
  ck_assert_msg(REL(r, exp(0.4 * k) / k) < 1e-10, "lower rel %.3e", REL(r, exp(0.4 * k) / k));
  fb_quad_free(&q);
}
END_TEST

START_TEST(test_error_paths) {
  fb_quad q;
  fb_err err;
  double r = 0.0, e = 0.0;
  /* invalid tolerances */
  fb_err_clear(&err);
  ck_assert_int_eq(fb_quad_init(&q, 100, 0.0, 1e-17, &err), FB_ERR_RANGE);
  ck_assert_ptr_nonnull(strstr(err.msg, "50*DBL_EPSILON"));
  ck_assert_int_eq(fb_quad_init(&q, 100, -1e-8, 1e-8, &err), FB_ERR_RANGE);
  ck_assert_int_eq(fb_quad_init(&q, 100, NAN, 1e-8, &err), FB_ERR_INPUT);
  ck_assert_int_eq(fb_quad_init(&q, 0, 0.0, 1e-8, &err), FB_ERR_RANGE);
  ck_assert_int_eq(fb_quad_init(&q, 100, 0.0, 1e-8, &err), FB_OK);
  ck_assert_int_eq(fb_quad_set_tolerances(&q, 0.0, 0.0, &err), FB_ERR_RANGE);

  /* divergent integral int_0^1 dx/x */
  fb_err_clear(&err);
  int rc = fb_quad_finite(&q, inv_x, NULL, 0.0, 1.0, &r, &e, &err);
  printf("divergent: %s\n", err.msg);
  ck_assert_int_eq(rc, FB_ERR_GSL);
  ck_assert_ptr_nonnull(strstr(err.msg, "QAGS on [0, 1]"));
  ck_assert_ptr_nonnull(strstr(err.msg, "GSL status"));

  /* tolerance that cannot be reached within the subdivision limit */
  fb_quad q3;
  ck_assert_int_eq(fb_quad_init(&q3, 3, 0.0, 1e-12, &err), FB_OK);
  fb_err_clear(&err);
  rc = fb_quad_finite(&q3, wild, NULL, 0.013, 1.0, &r, &e, &err);
  printf("limit: %s\n", err.msg);
  ck_assert_int_eq(rc, FB_ERR_GSL);
  ck_assert_ptr_nonnull(strstr(err.msg, "limit 3"));
  ck_assert(e > 0.0);
  fb_quad_free(&q3);

  /* NaN from the integrand */
  fb_err_clear(&err);
  ck_assert_int_eq(fb_quad_finite(&q, nan_at_half, NULL, 0.0, 1.0, &r, &e, &err), FB_ERR_NUMERIC);
  printf("nan: %s\n", err.msg);
  ck_assert_ptr_nonnull(strstr(err.msg, "integrand returned nan"));

  /* bad arguments */
  ck_assert_int_eq(fb_quad_finite(&q, one, NULL, 0.0, INFINITY, &r, &e, &err), FB_ERR_INPUT);
  ck_assert_int_eq(fb_quad_points(&q, one, NULL, 1.0, 0.0, NULL, 0, &r, &e, &err), FB_ERR_INPUT);
  double many[70];
  for (int k = 0; k < 70; ++k) many[k] = 0.01 + 0.0137 * k;
  ck_assert_int_eq(fb_quad_points(&q, one, NULL, 0.0, 1.0, many, 70, &r, &e, &err), FB_ERR_RANGE);
  const double nanpt = NAN;
  ck_assert_int_eq(fb_quad_points(&q, one, NULL, 0.0, 1.0, &nanpt, 1, &r, &e, &err), FB_ERR_INPUT);
  ck_assert_int_eq(fb_quad_algebraic(&q, one, NULL, 0.0, 1.0, -1.0, 0.0, 0, 0, &r, &e, &err),
                   FB_ERR_RANGE);
  ck_assert_int_eq(fb_quad_algebraic(&q, one, NULL, 0.0, 1.0, 0.5, 0.0, 2, 0, &r, &e, &err),
                   FB_ERR_RANGE);
  fb_quad_free(&q);
  fb_quad_free(&q);
  ck_assert_int_eq(fb_quad_finite(&q, one, NULL, 0.0, 1.0, &r, &e, &err), FB_ERR_INPUT);
}
END_TEST

static double elapsed_ns(struct timespec a, struct timespec b) {
  return (b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec);
}

/* Per-call overhead of the wrapper vs a direct GSL call on a cheap integrand (informational;
 * the only assertion is that both give the exact value). */
START_TEST(test_timing) {
  fb_quad q;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_quad_init(&q, 100, 0.0, 1e-10, &err), FB_OK);
  gsl_integration_workspace *w = gsl_integration_workspace_alloc(100);
  const int reps = 200000;
  double c = 2.385, acc = 0.0, r, e;
  struct timespec t0, t1, t2;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (int k = 0; k < reps; ++k) {
    c = 2.385 + 1e-7 * k;
    fb_quad_finite(&q, cheap, &c, 0.0, 1.3, &r, &e, &err);
    acc += r;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  gsl_function F = {cheap, &c};
  for (int k = 0; k < reps; ++k) {
    c = 2.385 + 1e-7 * k;
    gsl_integration_qags(&F, 0.0, 1.3, 0.0, 1e-10, 100, w, &r, &e);
    acc -= r;
  }
  clock_gettime(CLOCK_MONOTONIC, &t2);
  double exact = c * pow(1.3, 3) / 3.0 + 0.15 * 1.3 * 1.3;
  ck_assert_msg(REL(r, exact) < 1e-13, "cheap integral rel %.3e", REL(r, exact));
  ck_assert_msg(fabs(acc) < 1e-9 * reps, "wrapper and GSL differ: %.3e", acc);
  printf("TIMING fb_quad_finite (21-point QAGS, polynomial): %.1f ns/call; direct gsl_integration_qags: "
         "%.1f ns/call; overhead %.1f ns\n",
         elapsed_ns(t0, t1) / reps, elapsed_ns(t1, t2) / reps,
         (elapsed_ns(t0, t1) - elapsed_ns(t1, t2)) / reps);
  gsl_integration_workspace_free(w);
  fb_quad_free(&q);
}
END_TEST

static Suite *quad_suite(void) {
  Suite *s = suite_create("fb_quad");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_planck_upper);
  tcase_add_test(tc, test_breit_wigner_points);
  tcase_add_test(tc, test_endpoint_singularities);
  tcase_add_test(tc, test_infinite_ranges);
  tcase_add_test(tc, test_error_paths);
  tcase_add_test(tc, test_timing);
  tcase_set_timeout(tc, 60);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  gsl_set_error_handler_off();
  SRunner *sr = srunner_create(quad_suite());
  srunner_run_all(sr, CK_NORMAL);
  int nfail = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nfail == 0 ? 0 : 1;
}
