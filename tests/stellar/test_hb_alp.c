/**
 * @file test_hb_alp.c
 * @brief HB Primakoff bound on BC9 ALPs: the light-ALP bound reproduces g < 0.66e-10 GeV^-1
 *        (Ayala et al. arXiv:1406.6053) within 30%; eps ~ g^2 exactly; the massless limit of the
 *        massive rate; Boltzmann weakening above a few keV; range errors.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>

#include "fb_hb_alp.h"

START_TEST(test_light_alp_bound) {
  fb_hb_options o;
  fb_hb_options_default(&o);
  fb_err err;
  fb_err_clear(&err);
  double g;
  ck_assert_int_eq(fb_hb_alp_g_max_GeV(&o, 0.0, &g, &err), FB_OK);
  ck_assert_msg(fabs(g / 0.66e-10 - 1) < 0.30, "g_max = %g GeV^-1 vs 0.66e-10 (arXiv:1406.6053)", g);
  /* massive rate -> massless rate */
  double e0, e1;
  ck_assert_int_eq(fb_hb_alp_eps_erg_g_s(&o, 0.0, 2.385e-10, &e0, &err), FB_OK);
  ck_assert_int_eq(fb_hb_alp_eps_erg_g_s(&o, 1e-9, 2.385e-10, &e1, &err), FB_OK);
  ck_assert_double_eq_tol(e1, e0, 1e-5 * e0);
  /* eps ~ g^2 */
  ck_assert_int_eq(fb_hb_alp_eps_erg_g_s(&o, 0.0, 2.385e-10 * 3.1, &e1, &err), FB_OK);
  ck_assert_double_eq_tol(e1, e0 * 3.1 * 3.1, 1e-7 * e1);
}
END_TEST

START_TEST(test_boltzmann_weakening) {
  fb_hb_options o;
  fb_hb_options_default(&o);
  fb_err err;
  double g0, g, prev;
  ck_assert_int_eq(fb_hb_alp_g_max_GeV(&o, 0.0, &g0, &err), FB_OK);
  /* below ~1 keV (<< T = 6 keV) the bound is mass-independent within 1% */
  ck_assert_int_eq(fb_hb_alp_g_max_GeV(&o, 1e-6, &g, &err), FB_OK);
  ck_assert_double_eq_tol(g, g0, 0.01 * g0);
  prev = g;
  for (double m = 5e-6; m <= 2e-4; m *= 2) {
    ck_assert_int_eq(fb_hb_alp_g_max_GeV(&o, m, &g, &err), FB_OK);
    ck_assert_msg(g > prev, "g_max not increasing at m = %g GeV", m);
    prev = g;
  }
  /* at 100 keV ~ 17 T the bound is weaker by more than 100 (e^{-m/T} suppression) */
  ck_assert_int_eq(fb_hb_alp_g_max_GeV(&o, 1e-4, &g, &err), FB_OK);
  ck_assert_msg(g > 100 * g0, "g_max(100 keV)/g_max(0) = %g", g / g0);
  o.T_K = -1;
  ck_assert_int_eq(fb_hb_alp_g_max_GeV(&o, 0.0, &g, &err), FB_ERR_RANGE);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  Suite *s = suite_create("hb_alp");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_light_alp_bound);
  tcase_add_test(tc, test_boltzmann_weakening);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
