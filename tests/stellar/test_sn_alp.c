/**
 * @file test_sn_alp.c
 * @brief SN1987A band of the BC9 ALP (fb_sn_alp): the massive Primakoff rate reduces to Raffelt's
 *        massless formula; L ~ g^2 at small g and exactly g^2 L0 without absorption and decays;
 *        light ALPs (m << T) have a mass-independent band; decays shrink the band from above only
 *        where they matter (tens of MeV); the band closes below 0.3 GeV (no photon coalescence).
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_sn_alp.h"

#define DEFAULT_PROFILE FB_SOURCE_DIR "/inputs/sn_profile_default.dat"

static void alp_edges(const fb_sn_options *o, double mass, double *lo, double *hi, fb_sn_table *keep) {
  fb_sn_profile p;
  fb_sn_medium m;
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(fb_sn_profile_read(&p, DEFAULT_PROFILE, NULL, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_sn_medium_init(&m, &p, o, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_sn_alp_table_compute(&t, &m, mass, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_sn_table_edges(&t, o->L_nu_erg_s, lo, hi, NULL, &err) == FB_OK, "%s", err.msg);
  if (keep) *keep = t; else fb_sn_table_free(&t);
  fb_sn_medium_free(&m);
  fb_sn_profile_free(&p);
}

START_TEST(test_primakoff_massless_limit) {
  const double T = 0.02385, n = 3.1e-4, K = 4.0 * FB_PI * FB_ALPHA_EM * n / T;
  for (double om = 0.003; om < 0.3; om *= 2.7) {
    double raffelt = T * K / (32.0 * FB_PI) * ((1.0 + K / (4.0 * om * om)) * log(1.0 + 4.0 * om * om / K) - 1.0);
    double ours = fb_sn_alp_primakoff_GeV(om, om, 1e-9, n, T);
    ck_assert_msg(fabs(ours / raffelt - 1) < 1e-6, "omega = %g: %g vs %g", om, ours, raffelt);
  }
  ck_assert_double_eq(fb_sn_alp_primakoff_GeV(0.01, 0.01, 0.02, n, T), 0.0); /* omega < m */
}
END_TEST

START_TEST(test_alp_scaling_and_switches) {
  fb_sn_options o;
  fb_sn_options_default(&o);
  fb_sn_table t;
  double lo, hi, lo2, hi2;
  alp_edges(&o, 1e-6, &lo, &hi, &t);
  for (double g = 1e-14; g <= 1e-12; g *= 3.3)
    ck_assert_msg(fabs(fb_sn_table_luminosity_erg_s(&t, g) / (g * g) / t.L0_T - 1) < 1e-6, "g = %g", g);
  fb_sn_table_free(&t);
  /* light ALPs: mass-independent band (1 keV vs 100 keV within 1%) */
  alp_edges(&o, 1e-4, &lo2, &hi2, NULL);
  ck_assert_double_eq_tol(lo2, lo, 0.01 * lo);
  ck_assert_double_eq_tol(hi2, hi, 0.01 * hi);
  /* decays are negligible for light ALPs, dominant for tens of MeV */
  o.decays = 0;
  alp_edges(&o, 1e-6, &lo2, &hi2, NULL);
  ck_assert_double_eq_tol(hi2, hi, 0.01 * hi);
  alp_edges(&o, 0.03, &lo2, &hi2, NULL);
  double lo3, hi3;
  o.decays = 1;
  alp_edges(&o, 0.03, &lo3, &hi3, NULL);
  ck_assert_msg(hi2 > 2.0 * hi3, "g_high at 30 MeV without decays %g, with %g", hi2, hi3);
  ck_assert_double_eq_tol(lo2, lo3, 0.02 * lo3);
  /* no absorption, no decays: exactly g^2 L0, no upper edge */
  o.decays = o.absorption = 0;
  alp_edges(&o, 0.01, &lo2, &hi2, &t);
  for (double g = 1e-9; g <= 1e-5; g *= 10)
    ck_assert_double_eq_tol(fb_sn_table_luminosity_erg_s(&t, g) / (g * g), t.L0_T, 1e-12 * t.L0_T);
  ck_assert_double_eq(hi2, 1.0);
  fb_sn_table_free(&t);
}
END_TEST

START_TEST(test_alp_band_closes) {
  fb_sn_options o;
  fb_sn_options_default(&o);
  double lo, hi;
  alp_edges(&o, 0.3, &lo, &hi, NULL);
  ck_assert(isnan(lo) && isnan(hi));
  alp_edges(&o, 1e-3, &lo, &hi, NULL);
  ck_assert(isfinite(lo) && hi > 10 * lo);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  Suite *s = suite_create("sn_alp");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_primakoff_massless_limit);
  tcase_add_test(tc, test_alp_scaling_and_switches);
  tcase_add_test(tc, test_alp_band_closes);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
