/**
 * @file test_photodis.c
 * @brief Photodisintegration after BBN (src/bbn/bbn_photodis.c, issue 15).
 *
 * References: the measured deuteron photodisintegration peak (~2.4 mb near 4.4 MeV, e.g. the data
 * compiled by Cyburt et al. astro-ph/0211258 fig. 1); thresholds from the AME2020 masses
 * (Q = B(target) - sum B(products)); the radiation-era time t = 1/(2H); the standard limit (no X:
 * only n -> p and t -> 3He decays); and ACROPOLIS v1.2.2 (arXiv:2011.06518, run side by side, see
 * docs/validation.md) for the change of D/H, 3He/H, 7Li/H relative to standard BBN.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "bbn.h"
#include "bbn_photodis.h"
#include "fb_constants.h"

static bbn_cascade_ws WS;

START_TEST(test_cross_sections) {
  /* deuteron: peak */
  double smax = 0, Emax = 0;
  for (double E = 2.23; E < 30; E *= 1.001) {
    const double s = bbn_photodis_sigma_mb(0, E);
    if (s > smax) { smax = s; Emax = E; }
  }
  printf("d(g,n)p peak %.3f mb at %.2f MeV\n", smax, Emax);
  ck_assert_msg(smax > 2.2 && smax < 2.7 && Emax > 3.8 && Emax < 5.0, "%g mb at %g MeV", smax, Emax);
  /* thresholds: binding energies (AME2020, MeV): d 2.224566, t 8.481798, 3He 7.718043, 4He 28.295673 */
  ck_assert(fabs(bbn_photodis_threshold_MeV(0) - 2.224566) < 1e-4);
  ck_assert(fabs(bbn_photodis_threshold_MeV(2) - 8.481798) < 1e-4);
  ck_assert(fabs(bbn_photodis_threshold_MeV(4) - 7.718043) < 1e-4);
  ck_assert(fabs(bbn_photodis_threshold_MeV(5) - (28.295673 - 8.481798)) < 1e-4);
  ck_assert(fabs(bbn_photodis_threshold_MeV(8) - (28.295673 - 2.224566)) < 1e-4);
  for (int r = 0; r < BBN_PD_NREAC; r++) {
    const double Q = bbn_photodis_threshold_MeV(r);
    ck_assert_msg(bbn_photodis_sigma_mb(r, 0.999 * Q) == 0.0, "%s below threshold", bbn_photodis_name(r));
    ck_assert_msg(bbn_photodis_sigma_mb(r, 1.3 * Q + 1.0) > 0.0, "%s above threshold", bbn_photodis_name(r));
  }
}
END_TEST

START_TEST(test_time) {
  const double eta = 6.14e-10;
  /* radiation era: t = 1/(2H) with g_rho = 2 + (7/4) 3.044 (4/11)^{4/3} */
  const double T = 2.0e-3, g = 2.0 + 1.75 * FB_NEFF_SM * pow(4.0 / 11.0, 4.0 / 3.0);
  const double H = sqrt(FB_PI * FB_PI / 30.0 * g * pow(T, 4) / 3.0) / (FB_MPL_REDUCED_GEV * 1e3);
  const double t_rad = 0.5 / H * FB_HBAR_GEV_S * 1e3;
  const double t = bbn_photodis_time_s(T, eta);
  printf("t(2 keV) = %.5e s, radiation era %.5e s\n", t, t_rad);
  ck_assert_msg(fabs(t / t_rad - 1) < 3e-3, "%g", t / t_rad);
  /* matter era: t grows faster than T^-2 */
  const double t1 = bbn_photodis_time_s(1e-6, eta), t2 = bbn_photodis_time_s(0.5e-6, eta);
  ck_assert(t2 / t1 > 3.0 && t2 / t1 < 4.0);
}
END_TEST

static bbn_result sbbn(void) {
  fb_err err;
  bbn_tables tab;
  ck_assert(bbn_tables_init(&tab, &err) == FB_OK);
  bbn_params p;
  bbn_params_default(&p);
  bbn_result r;
  ck_assert_msg(bbn_solve(&tab, &p, &r, &err) == FB_OK, "%s", err.msg);
  bbn_tables_free(&tab);
  return r;
}

START_TEST(test_standard_limit) {
  fb_err err;
  const bbn_result r = sbbn();
  bbn_photodis_params p;
  bbn_photodis_params_default(&p);
  p.mass_GeV = 0.1;
  p.tau_s = 1e7;
  p.nX_over_s = 0.0;
  p.br_photon = 1.0;
  p.eta = r.eta;
  bbn_photodis_result q;
  ck_assert_msg(bbn_photodis_evolve(&WS, &p, r.Y, &q, &err) == FB_OK, "%s", err.msg);
  ck_assert(fabs(q.D_H / r.D_H - 1) < 1e-10);
  ck_assert(fabs(q.He3_H / r.He3_H - 1) < 1e-10);
  ck_assert(fabs(q.Li7_H / r.Li7_H - 1) < 1e-10);
  ck_assert_int_eq(q.n_spectra, 0);
  /* below the deuteron threshold (E0 = 1 MeV): nothing happens either */
  p.mass_GeV = 2.0e-3;
  p.nX_over_s = 1e-3;
  ck_assert(bbn_photodis_evolve(&WS, &p, r.Y, &q, &err) == FB_OK);
  ck_assert(fabs(q.D_H / r.D_H - 1) < 1e-10);
  /* errors */
  p.tau_s = 1.0;
  ck_assert_int_eq(bbn_photodis_evolve(&WS, &p, r.Y, &q, &err), FB_ERR_RANGE);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  fb_err err;
  if (bbn_cascade_ws_init(&WS, &err) != FB_OK) return 1;
  Suite *s = suite_create("bbn_photodis");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, test_cross_sections);
  tcase_add_test(tc, test_time);
  tcase_add_test(tc, test_standard_limit);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  bbn_cascade_ws_free(&WS);
  return nf == 0 ? 0 : 1;
}
