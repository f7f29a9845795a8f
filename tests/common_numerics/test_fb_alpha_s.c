/**
 * @file test_fb_alpha_s.c
 * @brief Check suite for the strong coupling of the code (src/common/fb_alpha_s.h).
 *
 * References:
 *  - alpha_s(M_Z) = 0.1180 (PDG 2024 world average; the input, exact at M_Z at every order);
 *  - alpha_s(m_tau) = 0.314 +- 0.014 (PDG 2024 QCD review, from hadronic tau decays), alpha_s(10 GeV) ~ 0.178
 *    and alpha_s(1 TeV) ~ 0.0885 (PDG 2024 QCD review Fig. 9.5, the values test_thermo uses);
 *  - one loop: the closed form 1/alpha(mu) = 1/alpha(mu0) + beta_0/(4 pi) ln(mu^2/mu0^2) per flavour segment;
 *  - three loops: an independent integration (Python, 20000 RK4 steps per segment, same beta function
 *    and thresholds, run once by the issue-16 review): alpha_s(m_b = 4.183) = 0.2242914664, alpha_s(2 GeV)
 *    = 0.2997846811, alpha_s(m_c = 1.273) = 0.3822184085, alpha_s(1.1 GeV) = 0.4266465708, alpha_s(1 GeV)
 *    = 0.4627875641.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fb_alpha_s.h"
#include "fb_constants.h"

START_TEST(test_mz_and_pdg) {
  for (int L = 1; L <= 4; L++) {
    ck_assert_double_eq_tol(fb_alpha_s(FB_MZ_GEV, L), FB_ALPHAS_MZ, 1e-14);
    ck_assert_double_eq_tol(fb_alpha_s_nfmax(FB_MZ_GEV, L, 5), FB_ALPHAS_MZ, 1e-14);
  }
  /* alpha_s(m_tau): PDG 2024 0.314 +- 0.014, at 3 and 4 loops within one sigma; 4 - 3 loops < 1 % */
  const double t3 = fb_alpha_s(FB_MTAU_GEV, 3), t4 = fb_alpha_s(FB_MTAU_GEV, 4);
  printf("alpha_s(m_tau): 1 loop %.4f, 2 loops %.4f, 3 loops %.4f, 4 loops %.4f (PDG 2024: 0.314 +- 0.014)\n",
         fb_alpha_s(FB_MTAU_GEV, 1), fb_alpha_s(FB_MTAU_GEV, 2), t3, t4);
  ck_assert_msg(fabs(t3 - 0.314) < 0.014 && fabs(t4 - 0.314) < 0.014, "alpha_s(m_tau) %g, %g", t3, t4);
  ck_assert_msg(fabs(t4 / t3 - 1.0) < 0.01, "4 vs 3 loops at m_tau: %g", t4 / t3 - 1.0);
  ck_assert_double_eq_tol(fb_alpha_s(10.0, 3), 0.178, 0.02 * 0.178);
  ck_assert_double_eq_tol(fb_alpha_s(1000.0, 3), 0.0885, 0.02 * 0.0885);
  /* plasma coupling: frozen below mu = 2 pi T = 1 GeV */
  ck_assert_double_eq_tol(fb_alpha_s_plasma(0.01), fb_alpha_s(1.0, 3), 1e-15);
  ck_assert_double_eq_tol(fb_alpha_s_plasma(1.0), fb_alpha_s(2.0 * FB_PI, 3), 1e-15);
}
END_TEST

START_TEST(test_one_loop_closed_form) {
  const double mz = FB_MZ_GEV, b5 = 23.0 / (12.0 * FB_PI), b4 = 25.0 / (12.0 * FB_PI), b3 = 27.0 / (12.0 * FB_PI);
  const double mus[4] = {0.9, 2.0, 10.0, 150.0};
  for (int i = 0; i < 4; i++) {
    const double mu = mus[i];
    /* fixed nf = 5 (fb_hadronize.c) */
    const double f5 = 1.0 / (1.0 / FB_ALPHAS_MZ + b5 * log(mu * mu / (mz * mz)));
    ck_assert_double_eq_tol(fb_alpha_s_fixed_nf(mu, 1, 5) / f5, 1.0, 1e-13);
  }
  /* with thresholds: segment by segment down to 2 GeV and 0.9 GeV */
  const double ib = 1.0 / FB_ALPHAS_MZ + b5 * log(pow(FB_MB_QUARK_GEV / mz, 2));
  const double ic = ib + b4 * log(pow(FB_MC_QUARK_GEV / FB_MB_QUARK_GEV, 2));
  ck_assert_double_eq_tol(fb_alpha_s(2.0, 1) * (ib + b4 * log(pow(2.0 / FB_MB_QUARK_GEV, 2))), 1.0, 1e-13);
  ck_assert_double_eq_tol(fb_alpha_s(0.9, 1) * (ic + b3 * log(pow(0.9 / FB_MC_QUARK_GEV, 2))), 1.0, 1e-13);
}
END_TEST

START_TEST(test_three_loop_independent) {
  const double mu[5] = {FB_MB_QUARK_GEV, 2.0, FB_MC_QUARK_GEV, 1.1, 1.0};
  const double ref[5] = {0.2242914664, 0.2997846811, 0.3822184085, 0.4266465708, 0.4627875641};
  for (int i = 0; i < 5; i++)
    ck_assert_msg(fabs(fb_alpha_s(mu[i], 3) / ref[i] - 1.0) < 1e-8, "alpha_s(%g) = %.10f vs %.10f", mu[i],
                  fb_alpha_s(mu[i], 3), ref[i]);
  /* continuity across the thresholds, monotonic fall */
  const double th[3] = {FB_MC_QUARK_GEV, FB_MB_QUARK_GEV, FB_MT_QUARK_GEV};
  for (int k = 0; k < 3; k++) {
    const double lo = fb_alpha_s(th[k] * (1 - 1e-9), 4), hi = fb_alpha_s(th[k] * (1 + 1e-9), 4);
    ck_assert_msg(lo > hi && lo - hi < 1e-8, "jump at %g: %g %g", th[k], lo, hi);
  }
}
END_TEST

START_TEST(test_effective_theories) {
  /* equal to the full coupling below the removed threshold, smaller running above (fewer flavours screen) */
  ck_assert_double_eq_tol(fb_alpha_s_nfmax(3.0, 3, 4), fb_alpha_s_nfmax(3.0, 3, 6), 1e-15);
  ck_assert(fb_alpha_s_nfmax(20.0, 3, 4) < fb_alpha_s(20.0, 3));
  ck_assert_double_eq_tol(fb_alpha_s_nfmax(100.0, 3, 5), fb_alpha_s_nfmax(100.0, 3, 6), 1e-15);
  ck_assert(fb_alpha_s_nfmax(1000.0, 3, 5) < fb_alpha_s(1000.0, 3));
  ck_assert_int_eq(fb_alpha_s_nf(1.0, 6), 3);
  ck_assert_int_eq(fb_alpha_s_nf(3.0, 6), 4);
  ck_assert_int_eq(fb_alpha_s_nf(10.0, 6), 5);
  ck_assert_int_eq(fb_alpha_s_nf(500.0, 6), 6);
  ck_assert_int_eq(fb_alpha_s_nf(500.0, 5), 5);
}
END_TEST

START_TEST(test_table) {
  static fb_alpha_s_table t;
  fb_err err;
  fb_err_clear(&err);
  const int nfm[3] = {6, 4, 5};
  for (int k = 0; k < 3; k++) {
    ck_assert_int_eq(fb_alpha_s_table_init(&t, 0.8, 2e4, 3, nfm[k], &err), FB_OK);
    double worst = 0.0;
    for (int i = 0; i <= 20000; i++) {
      const double mu = 0.8 * pow(2e4 / 0.8, i / 20000.0);
      const double d = fabs(fb_alpha_s_table_eval(&t, mu) / fb_alpha_s_nfmax(mu, 3, nfm[k]) - 1.0);
      if (d > worst) worst = d;
    }
    /* the thresholds themselves */
    const double th[3] = {FB_MC_QUARK_GEV, FB_MB_QUARK_GEV, FB_MT_QUARK_GEV};
    for (int j = 0; j < 3; j++) {
      const double d = fabs(fb_alpha_s_table_eval(&t, th[j]) / fb_alpha_s_nfmax(th[j], 3, nfm[k]) - 1.0);
      if (d > worst) worst = d;
    }
    printf("alpha_s table (nf_max %d) vs direct: worst %.2e\n", nfm[k], worst);
    ck_assert_msg(worst < 1e-8, "table vs direct %g (nf_max %d)", worst, nfm[k]);
  }
  /* fb_alpha_s (process-wide table at 2-4 loops) = the direct integration */
  for (int L = 2; L <= 4; L++)
    for (int i = 0; i <= 400; i++) {
      const double mu = 0.5 * pow(4e5 / 0.5, i / 400.0);
      ck_assert_msg(fabs(fb_alpha_s(mu, L) / fb_alpha_s_nfmax(mu, L, 6) - 1.0) < 1e-8, "fb_alpha_s(%g, %d)", mu, L);
    }
  /* frozen below, exact above */
  ck_assert(fb_alpha_s_table_eval(&t, 0.3) == t.a[0]);
  ck_assert_double_eq_tol(fb_alpha_s_table_eval(&t, 5e4), fb_alpha_s_nfmax(5e4, 3, 5), 1e-15);
  ck_assert(fb_alpha_s_table_covers(&t, 1.0) && !fb_alpha_s_table_covers(&t, 0.5));
}
END_TEST

START_TEST(test_bad_input) {
  static fb_alpha_s_table t;
  fb_err err;
  fb_err_clear(&err);
  ck_assert(isnan(fb_alpha_s(-1.0, 3)));
  ck_assert(isnan(fb_alpha_s(2.0, 0)));
  ck_assert(isnan(fb_alpha_s(2.0, 5)));
  ck_assert(isnan(fb_alpha_s_nfmax(2.0, 3, 2)));
  ck_assert_int_eq(fb_alpha_s_table_init(&t, 2.0, 1.0, 3, 6, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "mu_min < mu_max"));
  fb_err_clear(&err);
  ck_assert_int_eq(fb_alpha_s_table_init(&t, 1.0, 10.0, 7, 6, &err), FB_ERR_INPUT);
  fb_err_clear(&err);
  /* alpha_s leaves (0, 1) below ~0.5 GeV at 3 loops */
  ck_assert_int_eq(fb_alpha_s_table_init(&t, 0.2, 10.0, 3, 6, &err), FB_ERR_NUMERIC);
}
END_TEST

static Suite *alpha_s_suite(void) {
  Suite *s = suite_create("fb_alpha_s");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_mz_and_pdg);
  tcase_add_test(tc, test_one_loop_closed_form);
  tcase_add_test(tc, test_three_loop_independent);
  tcase_add_test(tc, test_effective_theories);
  tcase_add_test(tc, test_table);
  tcase_add_test(tc, test_bad_input);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(alpha_s_suite());
  srunner_set_fork_status(sr, CK_NOFORK);
  srunner_run_all(sr, CK_NORMAL);
  int nfail = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nfail == 0 ? 0 : 1;
}
