/**
 * @file test_hb_alp.c
 * @brief HB Primakoff bound on BC9 ALPs: the light-ALP bound reproduces g < 0.66e-10 GeV^-1
 *        (Ayala et al. arXiv:1406.6053) within 30%; eps ~ g^2 exactly; the massless limit of the
 *        massive rate; Boltzmann weakening above a few keV; photon coalescence (Carenza et al.
 *        arXiv:2004.08399) slows the weakening; the shape g_max(m)/g_max(0) against the published
 *        globular-cluster curve up to 47 keV; range errors.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
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
  /* at 100 keV ~ 17 T the Primakoff-only bound is weaker by more than 100 (e^{-m/T} suppression);
   * coalescence (growing as m^4) makes it > 5 times stronger there, still > 10 g0 */
  double gP;
  ck_assert_int_eq(fb_hb_alp_g_max_GeV(&o, 1e-4, &g, &err), FB_OK);
  o.coalescence = 0;
  ck_assert_int_eq(fb_hb_alp_g_max_GeV(&o, 1e-4, &gP, &err), FB_OK);
  o.coalescence = 1;
  ck_assert_msg(gP > 100 * g0, "Primakoff only: g_max(100 keV)/g_max(0) = %g", gP / g0);
  ck_assert_msg(g > 10 * g0 && gP > 5 * g, "g_max(100 keV)/g_max(0) = %g with coalescence, %g without", g / g0, gP / g0);
  /* below the coalescence threshold 2 omega_p (~3.2 keV) the switch changes nothing */
  ck_assert_int_eq(fb_hb_alp_g_max_GeV(&o, 2e-6, &g, &err), FB_OK);
  o.coalescence = 0;
  ck_assert_int_eq(fb_hb_alp_g_max_GeV(&o, 2e-6, &gP, &err), FB_OK);
  o.coalescence = 1;
  ck_assert_double_eq_tol(g, gP, 1e-12 * g);
  o.T_K = -1;
  ck_assert_int_eq(fb_hb_alp_g_max_GeV(&o, 0.0, &g, &err), FB_ERR_RANGE);
}
END_TEST

/* Shape of the bound against the published globular-cluster (HB) curve with coalescence, as distributed in
 * C. O'Hare's AxionLimits, github.com/cajohare/AxionLimits, limit_data/AxionPhoton/GlobularClusters.txt at
 * commit 0906ec62debfae4fe905ff128c190771270dcdfb (header "Globular cluster R and R2 parameter combined";
 * columns m_a [eV], g [GeV^-1]; light-ALP value 0.47e-10; the massive-ALP shape includes coalescence,
 * Carenza et al. arXiv:2004.08399 - the file itself does not name the paper). Normalisations differ
 * (0.47e-10 there, 0.66e-10 Ayala et al. here), so the ratio g_max(m)/g_max(0) is compared: within 30% up
 * to 47 keV. Above ~60 keV our one-zone core (T = 0.7e8 K everywhere) underestimates the emission of heavy
 * ALPs, dominated by the hotter centre of real HB cores: measured 30 vs 5.3 at 100 keV (printed, not
 * asserted; docs/validation.d/sn_bc9.md). */
START_TEST(test_shape_vs_published) {
  static const double ref[][2] = {{1.0925167325530183e4, 6.33175840475231e-11}, {2.11214733702803e4, 7.62550887299646e-11},
                                  {3.019971426123157e4, 8.264753436285443e-11}, {4.673790384402794e4, 9.7914222670683e-11},
                                  {7.072198029932911e4, 1.5270770917027732e-10}, {1.0018933590959445e5, 2.4846117925641894e-10}};
  const double ref0 = 0.47e-10;
  fb_hb_options o;
  fb_hb_options_default(&o);
  fb_err err;
  fb_err_clear(&err);
  double g0, g;
  ck_assert_int_eq(fb_hb_alp_g_max_GeV(&o, 0.0, &g0, &err), FB_OK);
  for (size_t i = 0; i < sizeof ref / sizeof ref[0]; i++) {
    double m = ref[i][0] * 1e-9;
    ck_assert_int_eq(fb_hb_alp_g_max_GeV(&o, m, &g, &err), FB_OK);
    double ours = g / g0, pub = ref[i][1] / ref0;
    printf("HB shape: m = %.1f keV, g_max(m)/g_max(0) = %.3f, published %.3f\n", m * 1e6, ours, pub);
    if (m < 5e-5) ck_assert_msg(fabs(ours / pub - 1) < 0.30, "m = %g GeV: %g vs %g", m, ours, pub);
  }
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  Suite *s = suite_create("hb_alp");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_light_alp_bound);
  tcase_add_test(tc, test_boltzmann_weakening);
  tcase_add_test(tc, test_shape_vs_published);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
