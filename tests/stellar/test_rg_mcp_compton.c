/**
 * @file test_rg_mcp_compton.c
 * @brief BC3 Compton-like production gamma e -> e chi chibar in red-giant / HB cores (fb_rg_mcp_compton, issue 16).
 *        References: the Thomson limit of the massive-vector cross section and its angular integral (GSL), the
 *        closed form of the emission rate for m_chi = 0, omega_p << T (fb_rg_mcp_compton.h; psi(4) from GSL, zeta'(4)
 *        summed here), the degenerate and Maxwell-Boltzmann limits of the Pauli-unblocked electron density, and
 *        the regression of the RG/HB band above the plasmon threshold (docs/validation.md, section "BC3 red giants,
 *        HB and white dwarfs against the readable papers"). Tolerances fixed before the comparison.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_psi.h>
#include <math.h>

#include "fb_constants.h"
#include "fb_rg_mcp.h"
#include "fb_rg_mcp_compton.h"

/* dsigma/dOmega / sigma_T = (3/8 pi) beta [1 - (beta^2/2) sin^2 theta], as a function of cos theta (x 2 pi) */
static double dsig(double c, void *p) {
  double b = *(double *)p;
  return 2.0 * FB_PI * 3.0 / (8.0 * FB_PI) * b * (1.0 - 0.5 * b * b * (1.0 - c * c));
}

START_TEST(test_sigma_ratio) {
  ck_assert(fabs(fb_rg_mcp_compton_sigma_ratio(1.0) - 1.0) < 1e-15); /* Thomson */
  ck_assert(fb_rg_mcp_compton_sigma_ratio(0.0) == 0.0);
  const double betas[3] = {0.2, 0.6, 0.95};
  gsl_integration_workspace *w = gsl_integration_workspace_alloc(100);
  for (int i = 0; i < 3; i++) {
    double b = betas[i], I, ae;
    gsl_function F = {dsig, &b};
    gsl_integration_qags(&F, -1.0, 1.0, 0.0, 1e-12, 100, w, &I, &ae);
    double r = fb_rg_mcp_compton_sigma_ratio(b);
    ck_assert_msg(fabs(I / r - 1) < 1e-10, "beta = %g: angular integral %g vs closed form %g", b, I, r);
  }
  gsl_integration_workspace_free(w);
}
END_TEST

/* zeta'(4) = -sum ln n / n^4 (tail int_N^inf ln x/x^4 dx = (3 ln N + 1)/(9 N^3)) */
static double zeta_prime4(void) {
  const int N = 100000;
  double s = 0.0;
  for (int n = N; n >= 2; n--) s += log((double)n) / pow((double)n, 4);
  return -(s + (3.0 * log((double)N) + 1.0) / (9.0 * pow((double)N, 3)));
}

START_TEST(test_closed_form) {
  fb_err err;
  fb_err_clear(&err);
  const double T = 1e-5, zeta4 = FB_PI * FB_PI * FB_PI * FB_PI / 90.0;
  const double c4 = 2.0 * (gsl_sf_psi_int(4) + zeta_prime4() / zeta4) + 2.0 * log(2.0) - 5.0 / 3.0;
  const double sigT = 8.0 * FB_PI * FB_ALPHA_EM * FB_ALPHA_EM / (3.0 * FB_ME_GEV * FB_ME_GEV);
  /* T/omega_p = 1e3: corrections O(omega_p^2/T^2) and O((omega_p/T)^3) -> 1e-3; T/omega_p = 30: 2e-2 */
  const double wps[2] = {1e-8, T / 30.0}, tol[2] = {1e-3, 2e-2};
  for (int i = 0; i < 2; i++) {
    double Q;
    ck_assert_msg(fb_rg_mcp_compton_Q_GeV5(wps[i], T, 0.0, 1.0, &Q, &err) == FB_OK, "%s", err.msg);
    double ref = sigT * FB_ALPHA_EM / (3.0 * FB_PI) * FB_PI * FB_PI * T * T * T * T / 15.0 *
                 (2.0 * log(T / wps[i]) + c4);
    ck_assert_msg(fabs(Q / ref - 1) < tol[i], "T/omega_p = %g: Q_C = %g, closed form %g (ratio %.6f)", T / wps[i], Q,
                  ref, Q / ref);
  }
  /* above the pair threshold the rate falls with the photons able to make the pair (Boltzmann tail) */
  double Q0, Q1, Q2;
  ck_assert_int_eq(fb_rg_mcp_compton_Q_GeV5(1e-6, T, 0.0, 1.0, &Q0, &err), FB_OK);
  ck_assert_int_eq(fb_rg_mcp_compton_Q_GeV5(1e-6, T, 2e-5, 1.0, &Q1, &err), FB_OK);
  ck_assert_int_eq(fb_rg_mcp_compton_Q_GeV5(1e-6, T, 3e-5, 1.0, &Q2, &err), FB_OK);
  ck_assert_msg(Q2 < Q1 && Q1 < Q0 && Q2 > 0, "Q(0 / 20 / 30 keV) = %g / %g / %g", Q0, Q1, Q2);
  ck_assert_int_eq(fb_rg_mcp_compton_Q_GeV5(-1.0, T, 0.0, 1.0, &Q1, &err), FB_ERR_RANGE);
}
END_TEST

START_TEST(test_neff_limits) {
  fb_err err;
  fb_err_clear(&err);
  fb_rg_mcp_options o;
  fb_rg_mcp_options_default(&o, 0);
  /* degenerate: n_eff = T dn/dmu = T p_F E_F/pi^2 */
  o.T_K = 1e6;
  o.rho_g_cm3 = 1e6;
  double neff, mu, wp, v;
  ck_assert_msg(fb_rg_mcp_neff_GeV3(&o, &neff, &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(fb_rg_mcp_plasma(&o, &mu, &wp, &v, &err), FB_OK);
  double n = o.Y_e * o.rho_g_cm3 / (FB_AMU_GEV * FB_GEV_G) * pow(FB_HBARC_GEV_CM, 3);
  double pF = cbrt(3.0 * FB_PI * FB_PI * n), EF = sqrt(pF * pF + FB_ME_GEV * FB_ME_GEV);
  double ref = o.T_K * FB_K_TO_GEV * pF * EF / (FB_PI * FB_PI);
  ck_assert_msg(fabs(neff / ref - 1) < 1e-3, "degenerate n_eff = %g vs T p_F E_F/pi^2 = %g", neff, ref);
  /* Maxwell-Boltzmann: no blocking, n_eff = n_e */
  o.T_K = 1e7;
  o.rho_g_cm3 = 1e-3;
  ck_assert_int_eq(fb_rg_mcp_neff_GeV3(&o, &neff, &err), FB_OK);
  n = o.Y_e * o.rho_g_cm3 / (FB_AMU_GEV * FB_GEV_G) * pow(FB_HBARC_GEV_CM, 3);
  ck_assert_msg(fabs(neff / n - 1) < 1e-4, "non-degenerate n_eff/n_e = %g", neff / n);
}
END_TEST

START_TEST(test_rg_hb_band) {
  fb_err err;
  fb_err_clear(&err);
  fb_rg_mcp_options o;
  /* regression of the measured band (docs/validation.md): RG at 0 / 5 / 10 / 20 / 50 / 100 keV, HB at
   * 0 / 1 / 3 / 10 / 20 / 50 keV; 2% */
  const double mrg[6] = {0.0, 5e-6, 1e-5, 2e-5, 5e-5, 1e-4};
  const double erg[6] = {1.6701e-14, 2.7401e-12, 4.5033e-12, 1.2158e-11, 2.8479e-10, 7.0e-8};
  const double mhb[6] = {0.0, 1e-6, 3e-6, 1e-5, 2e-5, 5e-5};
  const double ehb[6] = {2.4817e-14, 1.8943e-12, 2.7509e-12, 7.5982e-12, 3.2650e-11, 3.3007e-9};
  for (int star = 0; star < 2; star++) {
    fb_rg_mcp_options_default(&o, star);
    ck_assert_int_eq(o.compton, 1);
    /* the Compton-like band alone (bremsstrahlung, on by default, is pinned in test_rg_mcp_brems) */
    ck_assert_int_eq(o.brems, 1);
    o.brems = 0;
    double prev = 0.0;
    for (int i = 0; i < 6; i++) {
      double m = star ? mhb[i] : mrg[i], ref = star ? ehb[i] : erg[i], e;
      ck_assert_msg(fb_rg_mcp_eps_max(&o, m, &e, &err) == FB_OK, "%s", err.msg);
      ck_assert_msg(isfinite(e) && e > prev && fabs(e / ref - 1) < 0.02, "%s eps_max(%g keV) = %g (regression %g)",
                    star ? "HB" : "RG", m * 1e6, e, ref);
      prev = e;
    }
    /* below the plasmon threshold the Compton-like part is negligible (< 1e-3 of the loss) */
    double e1, e0;
    ck_assert_int_eq(fb_rg_mcp_eps_max(&o, 0.0, &e1, &err), FB_OK);
    o.compton = 0;
    ck_assert_int_eq(fb_rg_mcp_eps_max(&o, 0.0, &e0, &err), FB_OK);
    ck_assert_msg(e1 <= e0 && e1 > e0 * (1 - 1e-3), "%s: eps_max(0) with / without Compton %g / %g", star ? "HB" : "RG",
                  e1, e0);
  }
  /* the WD core leaves it off (the WD mapping is plasmon decay against plasmon decay, fb_rg_mcp.h) */
  fb_rg_mcp_options_default(&o, FB_RG_MCP_WD);
  ck_assert_int_eq(o.compton, 0);
  ck_assert_int_eq(o.brems, 0);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  Suite *s = suite_create("rg_mcp_compton");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_sigma_ratio);
  tcase_add_test(tc, test_closed_form);
  tcase_add_test(tc, test_neff_limits);
  tcase_add_test(tc, test_rg_hb_band);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? 0 : 1;
}
