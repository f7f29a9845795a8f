/**
 * @file test_rg_alp.c
 * @brief BC10 red-giant / white-dwarf bounds on g_ae with the mass dependence (fb_rg_alp), and the BC11 HB
 *        conversion through the induced photon coupling (fb_stellar_fip).
 * References: the Bessel-series form of the suppression S(mu) (closed form, independent of the quadrature);
 * the massive red-giant curve of AxionLimits (C. O'Hare, cajohare/AxionLimits, file
 * limit_data/AxionElectron/RedGiants_HighMass.txt at commit 062845f1, labelled there "Red giants (omega Cen)"
 * with arXiv:2007.03694: g_ae = 1.3e-13 at m_a -> 0, the mass dependence of a stellar-model treatment);
 * the LO+NLO QCD-axion photon coupling C = -1.92(4) of Grilli di Cortona et al. arXiv:1511.02867 for BC11.
 * Numbers and status: docs/validation.md "BC10 red giants and white dwarfs".
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_bessel.h>
#include <math.h>

#include "fb_constants.h"
#include "fb_rg_alp.h"
#include "fb_stellar_fip.h"

/* S(mu) = (45/pi^4) mu^2 sum_n K_2(n mu)/n^2 (from 1/(e^x - 1) = sum_n e^{-n x} and
 * int_mu^inf (x^2 - mu^2)^{3/2} e^{-n x} dx = 3 mu^2 K_2(n mu)/n^2) */
static double S_bessel(double mu) {
  double sum = 0.0;
  for (int n = 1; n < 100000; n++) {
    double t = gsl_sf_bessel_Kn(2, n * mu) / ((double)n * n);
    sum += t;
    if (n * mu > 40.0 && t < 1e-17 * sum) break;
  }
  return 45.0 / pow(FB_PI, 4) * mu * mu * sum;
}

START_TEST(test_suppression_closed_form) {
  fb_err err;
  fb_err_clear(&err);
  double lS;
  ck_assert_msg(fb_rg_alp_log_suppression(0.0, &lS, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fabs(lS) < 1e-9, "ln S(0) = %g", lS);
  const double mus[6] = {0.1, 0.7, 2.385, 10.0, 31.4, 120.0};
  for (int i = 0; i < 6; i++) {
    ck_assert_msg(fb_rg_alp_log_suppression(mus[i], &lS, &err) == FB_OK, "%s", err.msg);
    const double ref = S_bessel(mus[i]);
    ck_assert_msg(fabs(exp(lS) / ref - 1) < 1e-7, "mu = %g: S = %.10g, Bessel series %.10g", mus[i], exp(lS), ref);
  }
  ck_assert_int_eq(fb_rg_alp_log_suppression(-1.0, &lS, &err), FB_ERR_RANGE);
  ck_assert_int_eq(fb_rg_alp_log_suppression(NAN, &lS, &err), FB_ERR_RANGE);
}
END_TEST

/* AxionLimits RedGiants_HighMass.txt (see the file comment): m_a [eV], g_ae. */
static const double axionlimits_rg[][2] = {
    {1.012838e4, 1.456120e-13}, {1.384440e4, 1.597701e-13}, {1.786807e4, 1.808119e-13}, {2.396080e4, 2.268477e-13},
    {3.275182e4, 3.356477e-13}, {4.391969e4, 5.979019e-13}, {5.420908e4, 1.076103e-12}, {7.086234e4, 3.017276e-12},
    {8.972399e4, 1.083525e-11}, {9.968159e4, 2.161916e-11},
};

START_TEST(test_published_massive_curve) {
  fb_err err;
  fb_err_clear(&err);
  fb_rg_alp_options o;
  fb_rg_alp_options_default(&o, FB_STAR_RG);
  const double g0 = FB_GAE_MAX_RG_OMEGACEN; /* the reference curve's m -> 0 value */
  /* m <= 33 keV (5 masses): the coupling within 7 % (measured: +4.7, +5.8, +6.3, +5.1, +0.4 %) */
  for (int i = 0; i < 5; i++) {
    double m = axionlimits_rg[i][0] * 1e-9, g;
    ck_assert_msg(fb_rg_alp_g_ae_max(&o, g0, m, &g, &err) == FB_OK, "%s", err.msg);
    const double r = g / axionlimits_rg[i][1];
    ck_assert_msg(fabs(r - 1) < 0.07, "m = %.1f keV: g_ae_max %g vs %g (ratio %.3f)", m * 1e6, g,
                  axionlimits_rg[i][1], r);
  }
  /* 44-100 keV (5 masses), where the bound is a steep wall: the mass at which our bound reaches the reference
   * coupling within 20 % (measured +5 % at 44 keV rising to +19 % at 100 keV: the one-zone T = 1e8 K core
   * emits more hard ALPs than the reference's stellar model; a documented gap, docs/validation.md) */
  for (int i = 5; i < 10; i++) {
    const double m_ref = axionlimits_rg[i][0] * 1e-9, g_ref = axionlimits_rg[i][1];
    double lo = 0.5 * m_ref, hi = 2.0 * m_ref, g;
    for (int it = 0; it < 60; it++) {
      double mid = sqrt(lo * hi);
      ck_assert_int_eq(fb_rg_alp_g_ae_max(&o, g0, mid, &g, &err), FB_OK);
      if (g < g_ref) lo = mid;
      else hi = mid;
    }
    const double r = lo / m_ref;
    ck_assert_msg(r > 1.0 && r < 1.20, "g = %g: our mass %.2f keV vs %.2f keV (ratio %.3f)", g_ref, lo * 1e6,
                  m_ref * 1e6, r);
  }
}
END_TEST

START_TEST(test_bc10_mapping_and_wd) {
  fb_err err;
  fb_err_clear(&err);
  /* the BC10 model's own production value g_ae (fb_fip_alp.c) equals the mapping used by the bound */
  fb_stellar_fip f;
  ck_assert_msg(fb_stellar_fip_init(&f, "bc10", NULL, &err) == FB_OK, "%s", err.msg);
  double gae1;
  ck_assert_msg(fb_stellar_fip_value(&f, "g_ae", 2.385e-5, &gae1, &err) == FB_OK, "%s", err.msg);
  fb_stellar_fip_free(&f);
  ck_assert_msg(fabs(gae1 / fb_rg_alp_bc10_g_ae(1.0) - 1) < 1e-14, "g_ae per inv_fl %g vs m_e", gae1);
  ck_assert(fabs(fb_rg_alp_bc10_g_ae(1.0) / FB_ME_GEV - 1) < 1e-15);
  /* the white-dwarf bound is weaker than the red-giant one at every mass (larger massless value, colder core) */
  fb_rg_alp_options rg, wd;
  fb_rg_alp_options_default(&rg, FB_STAR_RG);
  fb_rg_alp_options_default(&wd, FB_STAR_WD);
  for (double m = 0.0; m < 3e-4; m += 1.3e-5) {
    double grg, gwd;
    ck_assert_int_eq(fb_rg_alp_g_ae_max(&rg, rg.g_ae_max, m, &grg, &err), FB_OK);
    ck_assert_int_eq(fb_rg_alp_g_ae_max(&wd, wd.g_ae_max, m, &gwd, &err), FB_OK);
    ck_assert_msg(gwd >= grg, "m = %g: WD %g below RG %g", m, gwd, grg);
  }
  /* far above T the emission underflows: no bound */
  double g;
  ck_assert_int_eq(fb_rg_alp_g_ae_max(&wd, wd.g_ae_max, 0.1, &g, &err), FB_OK);
  ck_assert(isinf(g));
}
END_TEST

START_TEST(test_bc11_photon_coupling) {
  fb_err err;
  fb_err_clear(&err);
  fb_stellar_fip f;
  ck_assert_msg(fb_stellar_fip_init(&f, "bc11", NULL, &err) == FB_OK, "%s", err.msg);
  double c;
  ck_assert_msg(fb_stellar_fip_value(&f, "g_agamma", 1e-5, &c, &err) == FB_OK, "%s", err.msg);
  /* g_agamma f_G = alpha |C|/(2 pi), C = -1.92(4) (arXiv:1511.02867, E/N = 0); ours is the LO -2.01: 4.7 % */
  const double ref = FB_ALPHA_EM * 1.92 / (2.0 * FB_PI);
  ck_assert_msg(fabs(c / ref - 1) < 0.06, "g_agamma per inv_fG = %g vs %g (ratio %.4f)", c, ref, c / ref);
  ck_assert_int_eq(fb_stellar_fip_value(&f, "no_such_value", 1e-5, &c, &err), FB_ERR_INPUT);
  fb_stellar_fip_free(&f);
  ck_assert_int_eq(fb_stellar_fip_init(&f, "no_such_model", NULL, &err), FB_ERR_INPUT);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  Suite *s = suite_create("rg_alp");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_suppression_closed_form);
  tcase_add_test(tc, test_published_massive_curve);
  tcase_add_test(tc, test_bc10_mapping_and_wd);
  tcase_add_test(tc, test_bc11_photon_coupling);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? 0 : 1;
}
