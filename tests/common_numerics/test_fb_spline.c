/**
 * @file test_fb_spline.c
 * @brief Check suite for the spline wrapper fb_spline.
 *
 * Error bounds: for a cubic spline interpolating f in C^4 with exact end conditions,
 * |f - s| <= (5/384) h^4 max|f''''| and |f' - s'| <= (sqrt(3)/216 + 1/24) h^3 max|f''''|
 * (C. A. Hall & W. W. Meyer, J. Approx. Theory 16 (1976) 105). For sin on [0, 4 pi] the natural
 * end condition s'' = 0 is exact (sin'' = 0 at both ends), so the bounds apply.
 * Monotonicity: Steffen, A&A 239 (1990) 443.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_interp.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "fb_constants.h"
#include "fb_spline.h"

#define NSIN 57

START_TEST(test_sin_value_and_derivative) {
  double x[NSIN], y[NSIN];
  const double L = 4.0 * FB_PI, h = L / (NSIN - 1);
  for (int i = 0; i < NSIN; ++i) {
    x[i] = i * h;
    y[i] = sin(x[i]);
  }
  fb_spline s;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_spline_init(&s, FB_SPLINE_CUBIC, x, y, NSIN, 0, FB_SPLINE_OUT_ERROR, &err),
                   FB_OK);
  const double bound_val = 5.0 / 384.0 * pow(h, 4);              /* max|sin''''| = 1 */
  const double bound_der = (sqrt(3.0) / 216.0 + 1.0 / 24.0) * pow(h, 3);
  double worst_v = 0.0, worst_d = 0.0, xv = 0.0, xd = 0.0;
  for (int k = 0; k <= 20000; ++k) {
    double xx = L * k / 20000.0 * 0.99999999999 + 1e-12, v, d;
    ck_assert_int_eq(fb_spline_eval2(&s, xx, &v, &d, &err), FB_OK);
    if (fabs(v - sin(xx)) > worst_v) {
      worst_v = fabs(v - sin(xx));
      xv = xx;
    }
    if (fabs(d - cos(xx)) > worst_d) {
      worst_d = fabs(d - cos(xx));
      xd = xx;
    }
  }
  printf("sin, h = %.4f: max |s - f| = %.3e at x = %.4f (bound %.3e); max |s' - f'| = %.3e at x = "
         "%.4f (bound %.3e)\n",
         h, worst_v, xv, bound_val, worst_d, xd, bound_der);
  ck_assert_msg(worst_v <= bound_val, "value error %.3e > %.3e", worst_v, bound_val);
  ck_assert_msg(worst_d <= bound_der, "derivative error %.3e > %.3e", worst_d, bound_der);
  /* nodes are reproduced; the accelerated path agrees bit-for-bit */
  for (int i = 0; i < NSIN; ++i) {
    double v, va, da, d;
    ck_assert_int_eq(fb_spline_eval(&s, x[i], &v, &err), FB_OK);
    ck_assert_msg(fabs(v - y[i]) < 1e-15, "node %d", i);
    ck_assert_int_eq(fb_spline_eval_acc(&s, x[i] * 0.999 + 0.001, &va, &da, &err), FB_OK);
    ck_assert_int_eq(fb_spline_eval2(&s, x[i] * 0.999 + 0.001, &v, &d, &err), FB_OK);
    ck_assert_double_eq(va, v);
    ck_assert_double_eq(da, d);
  }
  /* init copied the data */
  y[NSIN / 2] = 1e6;
  double v;
  ck_assert_int_eq(fb_spline_eval(&s, x[NSIN / 2], &v, &err), FB_OK);
  ck_assert_msg(fabs(v - sin(x[NSIN / 2])) < 1e-15, "data not copied");
  fb_spline_free(&s);
}
END_TEST

START_TEST(test_monotone_step) {
  /* smoothed step: flat, steep rise over one interval, flat */
  const double x[10] = {0.0, 1.1, 2.05, 3.2, 4.0, 4.9, 6.1, 7.0, 8.3, 9.5};
  const double y[10] = {0.2, 0.2, 0.2, 0.21, 1.37, 1.37, 1.38, 1.38, 1.38, 1.38};
  fb_spline c, m;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_spline_init(&c, FB_SPLINE_CUBIC, x, y, 10, 0, FB_SPLINE_OUT_ERROR, &err), FB_OK);
  ck_assert_int_eq(fb_spline_init(&m, FB_SPLINE_STEFFEN, x, y, 10, 0, FB_SPLINE_OUT_ERROR, &err), FB_OK);
  double cmin = 1e300, cmax = -1e300, mmin = 1e300, mmax = -1e300, prev = -1e300, worst_decr = 0.0;
  double dmin = 1e300;
  for (int k = 0; k <= 9500; ++k) {
    double xx = 9.5 * k / 9500.0, vc, vm, dm;
    ck_assert_int_eq(fb_spline_eval(&c, xx, &vc, &err), FB_OK);
    ck_assert_int_eq(fb_spline_eval2(&m, xx, &vm, &dm, &err), FB_OK);
    cmin = fmin(cmin, vc);
    cmax = fmax(cmax, vc);
    mmin = fmin(mmin, vm);
    mmax = fmax(mmax, vm);
    dmin = fmin(dmin, dm);
    if (prev - vm > worst_decr) worst_decr = prev - vm;
    prev = vm;
  }
  printf("step data in [0.2, 1.38]: cubic range [%.5f, %.5f], Steffen range [%.5f, %.5f], Steffen "
         "largest decrease %.2e, min slope %.2e\n",
         cmin, cmax, mmin, mmax, worst_decr, dmin);
  ck_assert_msg(cmin < 0.2 - 0.01 || cmax > 1.38 + 0.01, "cubic should overshoot by > 0.01");
  ck_assert_msg(mmin >= 0.2 - 1e-14 && mmax <= 1.38 + 1e-14, "Steffen left the data range");
  ck_assert_msg(worst_decr <= 1e-14, "Steffen not monotone: decrease %.3e", worst_decr);
  ck_assert_msg(dmin >= -1e-13, "Steffen negative slope %.3e", dmin);
  fb_spline_free(&c);
  fb_spline_free(&m);
}
END_TEST

START_TEST(test_log_log_power_law) {
  /* y = 3.7 x^-2.5 over 6 decades: a straight line in log-log, so reproduced to rounding */
  double x[13], y[13];
  for (int i = 0; i < 13; ++i) {
    x[i] = 1e-3 * pow(10.0, 0.5 * i) * (1.0 + 0.013 * (i % 3));
    y[i] = 3.7 * pow(x[i], -2.5);
  }
  fb_spline s;
  fb_err err;
  fb_err_clear(&err);
  const fb_spline_type types[3] = {FB_SPLINE_CUBIC, FB_SPLINE_STEFFEN, FB_SPLINE_LINEAR};
  for (int t = 0; t < 3; ++t) {
    ck_assert_int_eq(fb_spline_init(&s, types[t], x, y, 13, FB_SPLINE_LOG_X | FB_SPLINE_LOG_Y,
                                    FB_SPLINE_OUT_ERROR, &err),
                     FB_OK);
    double worst_v = 0.0, worst_d = 0.0;
    for (int k = 0; k <= 600; ++k) {
      double xx = x[0] * pow(x[12] / x[0], k / 600.0), v, d;
      ck_assert_msg(fb_spline_eval2(&s, xx, &v, &d, &err) == FB_OK, "%s", err.msg);
      double ve = 3.7 * pow(xx, -2.5), de = -2.5 * ve / xx;
      worst_v = fmax(worst_v, fabs(v / ve - 1.0));
      worst_d = fmax(worst_d, fabs(d / de - 1.0));
    }
    printf("log-log power law (type %d): max rel. error value %.2e, derivative %.2e\n", t, worst_v,
           worst_d);
    ck_assert_msg(worst_v < 1e-12 && worst_d < 1e-10, "type %d: %.3e %.3e", t, worst_v, worst_d);
    fb_spline_free(&s);
  }
  /* log x only: y = 2.2 ln x + 0.7 is linear in ln x; dy/dx = 2.2/x */
  for (int i = 0; i < 13; ++i) y[i] = 2.2 * log(x[i]) + 0.7;
  ck_assert_int_eq(fb_spline_init(&s, FB_SPLINE_CUBIC, x, y, 13, FB_SPLINE_LOG_X, FB_SPLINE_OUT_ERROR,
                                  &err),
                   FB_OK);
  double v, d;
  ck_assert_int_eq(fb_spline_eval2(&s, 0.0317, &v, &d, &err), FB_OK);
  ck_assert_msg(fabs(v - (2.2 * log(0.0317) + 0.7)) < 1e-12, "log-x value %.17g", v);
  ck_assert_msg(fabs(d / (2.2 / 0.0317) - 1.0) < 1e-10, "log-x derivative %.17g", d);
  fb_spline_free(&s);
  /* log y only: y = 0.4 exp(1.9 x) on linear x; dy/dx = 1.9 y */
  double xl[7], yl[7];
  for (int i = 0; i < 7; ++i) {
    xl[i] = -1.3 + 0.71 * i;
    yl[i] = 0.4 * exp(1.9 * xl[i]);
  }
  ck_assert_int_eq(fb_spline_init(&s, FB_SPLINE_STEFFEN, xl, yl, 7, FB_SPLINE_LOG_Y, FB_SPLINE_OUT_ERROR,
                                  &err),
                   FB_OK);
  ck_assert_int_eq(fb_spline_eval2(&s, 1.234, &v, &d, &err), FB_OK);
  ck_assert_msg(fabs(v / (0.4 * exp(1.9 * 1.234)) - 1.0) < 1e-12, "log-y value %.17g", v);
  ck_assert_msg(fabs(d / (1.9 * v) - 1.0) < 1e-10, "log-y derivative %.17g", d);
  fb_spline_free(&s);
}
END_TEST

START_TEST(test_out_of_range_and_errors) {
  const double x[5] = {0.5, 1.25, 2.0, 3.5, 4.75};
  const double y[5] = {1.9, 0.3, -0.8, 2.2, 5.1};
  fb_spline s;
  fb_err err;
  double v = 0.0, d = 7.0;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_spline_init(&s, FB_SPLINE_CUBIC, x, y, 5, 0, FB_SPLINE_OUT_ERROR, &err), FB_OK);
  ck_assert_int_eq(fb_spline_eval(&s, 4.76, &v, &err), FB_ERR_RANGE);
  ck_assert_ptr_nonnull(strstr(err.msg, "outside the tabulated range"));
  ck_assert_int_eq(fb_spline_eval_deriv(&s, 0.49, &d, &err), FB_ERR_RANGE);
  ck_assert_int_eq(fb_spline_eval(&s, NAN, &v, &err), FB_ERR_INPUT);
  ck_assert_int_eq(fb_spline_eval(&s, 4.75, &v, &err), FB_OK); /* end points are inside */
  ck_assert_double_eq_tol(v, 5.1, 1e-15);
  fb_spline_free(&s);
  ck_assert_int_eq(fb_spline_init(&s, FB_SPLINE_CUBIC, x, y, 5, 0, FB_SPLINE_OUT_CLAMP, &err), FB_OK);
  ck_assert_int_eq(fb_spline_eval2(&s, 9.0, &v, &d, &err), FB_OK);
  ck_assert_double_eq(v, 5.1);
  ck_assert_double_eq(d, 0.0);
  ck_assert_int_eq(fb_spline_eval_acc(&s, -3.0, &v, &d, &err), FB_OK);
  ck_assert_double_eq(v, 1.9);
  fb_spline_free(&s);

  /* construction errors */
  ck_assert_int_eq(fb_spline_init(&s, FB_SPLINE_CUBIC, x, y, 2, 0, FB_SPLINE_OUT_ERROR, &err),
                   FB_ERR_RANGE);
  ck_assert_ptr_nonnull(strstr(err.msg, "n >= 3"));
  ck_assert_int_eq(fb_spline_init(&s, FB_SPLINE_LINEAR, x, y, 2, 0, FB_SPLINE_OUT_ERROR, &err), FB_OK);
  fb_spline_free(&s);
  const double xbad[5] = {0.5, 1.25, 1.25, 3.5, 4.75};
  ck_assert_int_eq(fb_spline_init(&s, FB_SPLINE_STEFFEN, xbad, y, 5, 0, FB_SPLINE_OUT_ERROR, &err),
                   FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "strictly increasing at 2"));
  const double ynan[5] = {1.9, 0.3, NAN, 2.2, 5.1};
  ck_assert_int_eq(fb_spline_init(&s, FB_SPLINE_CUBIC, x, ynan, 5, 0, FB_SPLINE_OUT_ERROR, &err),
                   FB_ERR_INPUT);
  ck_assert_int_eq(fb_spline_init(&s, FB_SPLINE_CUBIC, x, y, 5, FB_SPLINE_LOG_Y, FB_SPLINE_OUT_ERROR,
                                  &err),
                   FB_ERR_RANGE); /* y[2] < 0 */
  const double xneg[5] = {-0.5, 1.25, 2.0, 3.5, 4.75};
  ck_assert_int_eq(fb_spline_init(&s, FB_SPLINE_CUBIC, xneg, y, 5, FB_SPLINE_LOG_X, FB_SPLINE_OUT_ERROR,
                                  &err),
                   FB_ERR_RANGE);
  ck_assert_int_eq(fb_spline_init(&s, (fb_spline_type)7, x, y, 5, 0, FB_SPLINE_OUT_ERROR, &err),
                   FB_ERR_INPUT);
  ck_assert_int_eq(fb_spline_init(&s, FB_SPLINE_CUBIC, x, y, 5, 8u, FB_SPLINE_OUT_ERROR, &err),
                   FB_ERR_INPUT);
  ck_assert_int_eq(fb_spline_eval(&s, 1.0, &v, &err), FB_ERR_INPUT); /* not initialised */
  fb_spline_free(&s);
}
END_TEST

static double elapsed_ns(struct timespec a, struct timespec b) {
  return (b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec);
}

/* ns/call of the const path (binary search), the accelerated path and raw GSL (informational). */
START_TEST(test_timing) {
  enum { N = 200 };
  double x[N], y[N];
  for (int i = 0; i < N; ++i) {
    x[i] = 1e-2 * pow(1e4, i / (double)(N - 1));
    y[i] = 1.0 / (1.0 + x[i] * x[i]);
  }
  fb_spline s, sl;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_spline_init(&s, FB_SPLINE_CUBIC, x, y, N, 0, FB_SPLINE_OUT_ERROR, &err), FB_OK);
  ck_assert_int_eq(fb_spline_init(&sl, FB_SPLINE_CUBIC, x, y, N, FB_SPLINE_LOG_X | FB_SPLINE_LOG_Y,
                                  FB_SPLINE_OUT_ERROR, &err),
                   FB_OK);
  gsl_interp *gi = gsl_interp_alloc(gsl_interp_cspline, N);
  gsl_interp_init(gi, x, y, N);
  gsl_interp_accel *acc = gsl_interp_accel_alloc();
  const int reps = 2000000;
  double sum1 = 0.0, sum2 = 0.0, sum3 = 0.0, sum4 = 0.0, v;
  struct timespec t0, t1, t2, t3, t4;
  /* pseudo-random abscissae (LCG) so that the accelerator does not always hit */
  unsigned long long st = 12345;
#define NEXT_X() (st = st * 6364136223846793005ULL + 1442695040888963407ULL, \
                  1e-2 + (99.99 - 1e-2) * ((st >> 11) * (1.0 / 9007199254740992.0)))
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (int k = 0; k < reps; ++k) {
    fb_spline_eval(&s, NEXT_X(), &v, &err);
    sum1 += v;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  st = 12345;
  for (int k = 0; k < reps; ++k) {
    fb_spline_eval_acc(&s, NEXT_X(), &v, NULL, &err);
    sum2 += v;
  }
  clock_gettime(CLOCK_MONOTONIC, &t2);
  st = 12345;
  for (int k = 0; k < reps; ++k) sum3 += gsl_interp_eval(gi, x, y, NEXT_X(), NULL);
  clock_gettime(CLOCK_MONOTONIC, &t3);
  st = 12345;
  for (int k = 0; k < reps; ++k) {
    fb_spline_eval(&sl, NEXT_X(), &v, &err);
    sum4 += v;
  }
  clock_gettime(CLOCK_MONOTONIC, &t4);
#undef NEXT_X
  /* ordered sweep: here the accelerator's cached interval pays off */
  struct timespec t5, t6, t7;
  double sum5 = 0.0, sum6 = 0.0;
  clock_gettime(CLOCK_MONOTONIC, &t5);
  for (int k = 0; k < reps; ++k) {
    fb_spline_eval(&s, 1e-2 + 99.98 * k / (double)reps, &v, &err);
    sum5 += v;
  }
  clock_gettime(CLOCK_MONOTONIC, &t6);
  for (int k = 0; k < reps; ++k) {
    fb_spline_eval_acc(&s, 1e-2 + 99.98 * k / (double)reps, &v, NULL, &err);
    sum6 += v;
  }
  clock_gettime(CLOCK_MONOTONIC, &t7);
  ck_assert_msg(fabs(sum5 - sum6) < 1e-12 * fabs(sum5), "ordered sweep paths disagree");
  printf("TIMING spline n=%d ordered x: fb_spline_eval %.1f ns/call, fb_spline_eval_acc %.1f ns/call\n",
         N, elapsed_ns(t5, t6) / reps, elapsed_ns(t6, t7) / reps);
  ck_assert_msg(fabs(sum1 - sum3) < 1e-9 * fabs(sum3) && fabs(sum2 - sum3) < 1e-9 * fabs(sum3),
                "paths disagree");
  ck_assert(sum4 > 0.0);
  printf("TIMING spline n=%d random x: fb_spline_eval %.1f ns/call, fb_spline_eval_acc %.1f ns/call, "
         "raw gsl_interp_eval %.1f ns/call, log-log fb_spline_eval %.1f ns/call\n",
         N, elapsed_ns(t0, t1) / reps, elapsed_ns(t1, t2) / reps, elapsed_ns(t2, t3) / reps,
         elapsed_ns(t3, t4) / reps);
  gsl_interp_accel_free(acc);
  gsl_interp_free(gi);
  fb_spline_free(&s);
  fb_spline_free(&sl);
}
END_TEST

static Suite *spline_suite(void) {
  Suite *s = suite_create("fb_spline");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_sin_value_and_derivative);
  tcase_add_test(tc, test_monotone_step);
  tcase_add_test(tc, test_log_log_power_law);
  tcase_add_test(tc, test_out_of_range_and_errors);
  tcase_add_test(tc, test_timing);
  tcase_set_timeout(tc, 60);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  gsl_set_error_handler_off();
  SRunner *sr = srunner_create(spline_suite());
  srunner_run_all(sr, CK_NORMAL);
  int nfail = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nfail == 0 ? 0 : 1;
}
