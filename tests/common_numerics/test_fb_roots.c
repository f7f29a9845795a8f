/**
 * @file test_fb_roots.c
 * @brief Check suite for bracket expansion + Brent (fb_roots).
 *
 * References: Wallis's cubic x^3 - 2x - 5 = 0 has the real root 2.0945514815423265...
 * (the example Newton used, quoted in e.g. Press et al., Numerical Recipes, 3rd ed., sec. 9.4);
 * the other roots below are constructed in closed form.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fb_roots.h"

static double wallis(double x, void *p) {
  (void)p;
  return (x * x - 2.0) * x - 5.0;
}

/* (x - r)(x^2 + 2.1 x + 3.7): single real root r (discriminant 4.41 - 14.8 < 0) */
static double cubic_r(double x, void *p) {
  double r = *(double *)p;
  return (x - r) * (x * x + 2.1 * x + 3.7);
}

/* x^2 + 3x - c with c = x0^2 + 3 x0: positive root x0 */
static double quad_small(double x, void *p) {
  double x0 = *(double *)p;
  return x * x + 3.0 * x - (x0 * x0 + 3.0 * x0);
}

static double no_root(double x, void *p) {
  (void)p;
  return x * x + 1.0;
}

static double nan_left(double x, void *p) {
  (void)p;
  return sqrt(x) + 1.0; /* NaN for x < 0, no root */
}

static double linear_root2(double x, void *p) {
  (void)p;
  return x - 2.0;
}

START_TEST(test_wallis_cubic_with_expansion) {
  fb_roots_options o;
  fb_roots_options_default(&o);
  o.xtol_rel = 1e-14;
  fb_roots r;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_roots_init(&r, &o, &err), FB_OK);
  double x = 0.0;
  /* [0.3, 0.7]: f < 0 at both ends, the root lies to the right */
  ck_assert_msg(fb_roots_solve(&r, wallis, NULL, 0.3, 0.7, &x, &err) == FB_OK, "%s", err.msg);
  const double ref = 2.0945514815423265; /* Wallis's cubic */
  printf("Wallis cubic root %.17g ref %.17g rel %.2e (%d expansions, %d iterations, %d f evals)\n", x,
         ref, fabs(x - ref) / ref, r.expansions, r.iterations, r.f_evals);
  ck_assert_msg(fabs(x - ref) < 1e-13 * ref, "root %.17g", x);
  ck_assert_int_gt(r.expansions, 0);
  /* reuse the solver for several constructed roots, guess interval given reversed */
  const double roots[4] = {1.2345, -7.31, 0.00271, 41.9};
  for (int k = 0; k < 4; ++k) {
    double rr = roots[k];
    ck_assert_msg(fb_roots_solve(&r, cubic_r, &rr, 3.1, 2.5, &x, &err) == FB_OK, "%s", err.msg);
    ck_assert_msg(fabs(x - rr) < 1e-13 * fabs(rr) + 1e-300, "root %d: %.17g vs %.17g", k, x, rr);
  }
  /* exact zero at an end of the guess interval */
  ck_assert_int_eq(fb_roots_solve(&r, linear_root2, NULL, 2.0, 3.0, &x, &err), FB_OK);
  ck_assert_double_eq(x, 2.0);
  fb_roots_free(&r);
}
END_TEST

START_TEST(test_log_space_small_root) {
  fb_roots_options o;
  fb_roots_options_default(&o);
  o.log_space = 1;
  o.x_min = 0.0;
  o.xtol_rel = 1e-12;
  fb_roots r;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_roots_init(&r, &o, &err), FB_OK);
  double x0 = 1.7e-7, x = 0.0;
  ck_assert_msg(fb_roots_solve(&r, quad_small, &x0, 1e-3, 1e-2, &x, &err) == FB_OK, "%s", err.msg);
  printf("log-space root %.17g ref %.17g rel %.2e (%d expansions, %d iterations)\n", x, x0,
         fabs(x - x0) / x0, r.expansions, r.iterations);
  ck_assert_msg(fabs(x - x0) < 1e-10 * x0, "root %.17g", x);
  ck_assert_int_gt(r.expansions, 0);
  /* one-shot interface, root far above the guess */
  x0 = 3.3e5;
  ck_assert_int_eq(fb_roots_find(quad_small, &x0, 1e-3, 1e-2, &o, &x, &err), FB_OK);
  ck_assert_msg(fabs(x - x0) < 1e-10 * x0, "root %.17g", x);
  fb_roots_free(&r);
}
END_TEST

START_TEST(test_error_paths) {
  fb_roots_options o;
  fb_roots_options_default(&o);
  o.x_min = -10.0;
  o.x_max = 10.0;
  fb_err err;
  double x = 0.0;
  /* no root within the domain */
  fb_err_clear(&err);
  ck_assert_int_eq(fb_roots_find(no_root, NULL, 0.3, 0.5, &o, &x, &err), FB_ERR_NUMERIC);
  printf("no root: %s\n", err.msg);
  ck_assert_ptr_nonnull(strstr(err.msg, "no sign change"));
  ck_assert_ptr_nonnull(strstr(err.msg, "(-10, 101)")); /* the domain ends were tried */
  /* expansion budget exhausted */
  o.max_expand = 2;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_roots_find(wallis, NULL, 0.3, 0.7, &o, &x, &err), FB_ERR_NUMERIC);
  ck_assert_ptr_nonnull(strstr(err.msg, "after 2 expansions"));
  fb_roots_options_default(&o);
  /* NaN from f */
  fb_err_clear(&err);
  ck_assert_int_eq(fb_roots_find(nan_left, NULL, 0.5, 1.0, &o, &x, &err), FB_ERR_NUMERIC);
  printf("nan: %s\n", err.msg);
  ck_assert_ptr_nonnull(strstr(err.msg, "not finite"));
  /* Brent iteration budget */
  o.max_iter = 2;
  o.xtol_rel = 1e-15;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_roots_find(wallis, NULL, 1.0, 3.0, &o, &x, &err), FB_ERR_NUMERIC);
  ck_assert_ptr_nonnull(strstr(err.msg, "did not converge"));
  /* invalid options and arguments */
  fb_roots_options_default(&o);
  o.xtol_rel = 0.0;
  ck_assert_int_eq(fb_roots_find(wallis, NULL, 1.0, 3.0, &o, &x, &err), FB_ERR_RANGE);
  fb_roots_options_default(&o);
  o.log_space = 1;
  ck_assert_int_eq(fb_roots_find(wallis, NULL, 1.0, 3.0, &o, &x, &err), FB_ERR_RANGE); /* x_min=-inf */
  o.x_min = 0.0;
  ck_assert_int_eq(fb_roots_find(wallis, NULL, -1.0, 3.0, &o, &x, &err), FB_ERR_RANGE);
  fb_roots_options_default(&o);
  o.x_min = 0.0;
  o.x_max = 2.5;
  ck_assert_int_eq(fb_roots_find(wallis, NULL, 1.0, 3.0, &o, &x, &err), FB_ERR_RANGE);
  ck_assert_int_eq(fb_roots_find(wallis, NULL, 1.0, 1.0, &o, &x, &err), FB_ERR_INPUT);
  ck_assert_int_eq(fb_roots_find(wallis, NULL, NAN, 1.0, &o, &x, &err), FB_ERR_INPUT);
  o.expand_factor = -1.0;
  ck_assert_int_eq(fb_roots_find(wallis, NULL, 1.0, 2.0, &o, &x, &err), FB_ERR_RANGE);
  fb_roots r;
  fb_roots_free(NULL);
  memset(&r, 0, sizeof r);
  ck_assert_int_eq(fb_roots_solve(&r, wallis, NULL, 1.0, 3.0, &x, &err), FB_ERR_INPUT);
}
END_TEST

static Suite *roots_suite(void) {
  Suite *s = suite_create("fb_roots");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_wallis_cubic_with_expansion);
  tcase_add_test(tc, test_log_space_small_root);
  tcase_add_test(tc, test_error_paths);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  gsl_set_error_handler_off();
  SRunner *sr = srunner_create(roots_suite());
  srunner_run_all(sr, CK_NORMAL);
  int nfail = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nfail == 0 ? 0 : 1;
}
