/**
 * @file test_rg_mcp.c
 * @brief BC3 millicharged fermion: plasmon-decay energy loss of a one-zone red-giant / HB core
 *        (fb_rg_mcp). References: closed forms (Braaten-Segel degenerate and non-degenerate limits of
 *        omega_p and v_*, the (2 zeta(3)/3 pi^2) eps^2 alpha omega_p^2 T^3 limit of transverse plasmon
 *        decay), and the statement of Vinyoles & Vogel arXiv:1511.01122 (abstract) that their solar bound
 *        eps < 2.2e-14 (m_chi < 25 eV) is "comparable to previous limits from the cooling of globular
 *        cluster stars" (factor 1.5 here); regression of the one-zone values (docs/validation.md).
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_zeta.h>
#include <math.h>

#include "fb_constants.h"
#include "fb_rg_mcp.h"

/* v_* -> 0: omega_T^2 = k^2 + omega_p^2, Z_T = 1, K^2 = omega_p^2, so for m = 0
 * Q_T = (alpha omega_p^2/(3 pi^2)) int_0^inf k^2 f_B(sqrt(k^2 + omega_p^2)) dk (GSL QAGIU here), which tends
 * to (2 zeta(3)/(3 pi^2)) alpha omega_p^2 T^3 for T >> omega_p */
static double kint(double k, void *p) {
  double wp = ((double *)p)[0], T = ((double *)p)[1];
  return k * k / expm1(sqrt(k * k + wp * wp) / T);
}

START_TEST(test_transverse_classical_limit) {
  fb_err err;
  fb_err_clear(&err);
  const double T = 1e-5, v = 1e-3;
  const double wps[3] = {1e-5, 3e-6, 1e-6}; /* T/omega_p = 1, 3.3, 10 */
  for (int i = 0; i < 3; i++) {
    double wp = wps[i], Q;
    ck_assert_msg(fb_rg_mcp_plasmon_Q_GeV5(0, wp, v, T, 0.0, &Q, &err) == FB_OK, "%s", err.msg);
    double par[2] = {wp, T}, I, ae;
    gsl_integration_workspace *w = gsl_integration_workspace_alloc(200);
    gsl_function F = {kint, par};
    gsl_integration_qagiu(&F, 0.0, 0.0, 1e-10, 200, w, &I, &ae);
    gsl_integration_workspace_free(w);
    double ref = FB_ALPHA_EM * wp * wp / (3.0 * FB_PI * FB_PI) * I;
    /* 2e-4 at T = omega_p: K^2 = omega^2 - k^2 cancels, amplifying the precision of the dispersion root */
    ck_assert_msg(fabs(Q / ref - 1) < 1e-3, "T/omega_p = %g: Q_T = %g, v -> 0 integral %g (ratio %g)", T / wp, Q, ref,
                  Q / ref);
    if (i == 2) {
      double lim = 2.0 * gsl_sf_zeta_int(3) / (3.0 * FB_PI * FB_PI) * FB_ALPHA_EM * wp * wp * T * T * T;
      ck_assert_msg(fabs(Q / lim - 1) < 0.02, "T/omega_p = 10: Q_T/closed form = %g", Q / lim);
    }
  }
  const double wp = 1e-6;
  double Q;
  ck_assert_int_eq(fb_rg_mcp_plasmon_Q_GeV5(0, wp, v, T, 0.0, &Q, &err), FB_OK);
  /* the longitudinal part is suppressed by (omega_p/T)^2 */
  double QL;
  ck_assert_msg(fb_rg_mcp_plasmon_Q_GeV5(1, wp, v, T, 0.0, &QL, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(QL < 0.2 * (wp / T) * (wp / T) * Q, "Q_L/Q_T = %g", QL / Q); /* 6.6e-4 at T = 10 omega_p */
}
END_TEST

START_TEST(test_electron_gas_limits) {
  fb_err err;
  fb_err_clear(&err);
  fb_rg_mcp_options o;
  fb_rg_mcp_options_default(&o, 0);
  /* degenerate: T = 1e6 K (86 eV, 6e-4 of the Fermi kinetic energy) at 1e6 g/cm^3:
   * omega_p^2 = (4 alpha/3 pi) mu^2 v_F^3, v_* = v_F */
  o.T_K = 1e6;
  o.rho_g_cm3 = 1e6;
  double mu, wp, v;
  ck_assert_msg(fb_rg_mcp_plasma(&o, &mu, &wp, &v, &err) == FB_OK, "%s", err.msg);
  double n = o.Y_e * o.rho_g_cm3 / (FB_AMU_GEV * FB_GEV_G) * pow(FB_HBARC_GEV_CM, 3);
  double pF = cbrt(3.0 * FB_PI * FB_PI * n), EF = sqrt(pF * pF + FB_ME_GEV * FB_ME_GEV), vF = pF / EF;
  ck_assert_msg(fabs(mu / EF - 1) < 1e-6, "mu = %g, E_F = %g", mu, EF);
  double wp2 = 4.0 * FB_ALPHA_EM / (3.0 * FB_PI) * EF * EF * vF * vF * vF;
  ck_assert_msg(fabs(wp * wp / wp2 - 1) < 1e-4, "omega_p^2 = %g, degenerate limit %g", wp * wp, wp2);
  ck_assert_msg(fabs(v / vF - 1) < 1e-4, "v_* = %g, v_F = %g", v, vF);
  /* non-degenerate, non-relativistic: omega_p^2 = (4 pi alpha n_e/m_e)(1 - 5T/(2 m_e)) */
  o.T_K = 1e6;
  o.rho_g_cm3 = 1e-3; /* n_e/n_Q ~ 1e-4: Maxwell-Boltzmann */
  ck_assert_msg(fb_rg_mcp_plasma(&o, &mu, &wp, &v, &err) == FB_OK, "%s", err.msg);
  n = o.Y_e * o.rho_g_cm3 / (FB_AMU_GEV * FB_GEV_G) * pow(FB_HBARC_GEV_CM, 3);
  double T = o.T_K * FB_K_TO_GEV;
  wp2 = 4.0 * FB_PI * FB_ALPHA_EM * n / FB_ME_GEV * (1.0 - 2.5 * T / FB_ME_GEV);
  ck_assert_msg(fabs(wp * wp / wp2 - 1) < 1e-5, "omega_p^2 = %g, classical %g", wp * wp, wp2);
  /* v_*^2 = (5/3) <v^2> = 5 T/m_e for a Maxwell-Boltzmann gas */
  ck_assert_msg(fabs(v * v / (5.0 * T / FB_ME_GEV) - 1) < 1e-3, "v_*^2 = %g vs 5T/m = %g", v * v, 5.0 * T / FB_ME_GEV);
}
END_TEST

START_TEST(test_rg_bound) {
  fb_err err;
  fb_err_clear(&err);
  fb_rg_mcp_options o;
  fb_rg_mcp_options_default(&o, 0);
  double e0, e3, e5;
  ck_assert_msg(fb_rg_mcp_eps_max(&o, 0.0, &e0, &err) == FB_OK, "%s", err.msg);
  /* "comparable" to the solar 2.2e-14 (Vinyoles & Vogel arXiv:1511.01122 abstract): factor 1.5 */
  ck_assert_msg(e0 > 2.2e-14 / 1.5 && e0 < 2.2e-14 * 1.5, "RG eps_max(m = 0) = %g", e0);
  ck_assert_msg(fabs(e0 / 1.6701e-14 - 1) < 0.02, "RG eps_max(m = 0) = %g (regression 1.6701e-14)", e0);
  ck_assert_int_eq(fb_rg_mcp_eps_max(&o, 3e-6, &e3, &err), FB_OK);
  ck_assert_msg(e3 > e0 && fabs(e3 / 1.7974e-14 - 1) < 0.02, "eps_max(3 keV) = %g", e3);
  /* above m_T,inf/2 (4.4 keV for omega_p = 8.6 keV, v_* = 0.44) no plasmon decays (plasmon decay alone; the
   * default adds the Compton-like channel, test_rg_mcp_compton, and bremsstrahlung, test_rg_mcp_brems) */
  o.compton = o.brems = 0;
  ck_assert_int_eq(fb_rg_mcp_eps_max(&o, 5e-6, &e5, &err), FB_OK);
  ck_assert(isinf(e5));
  /* the HB core bound */
  fb_rg_mcp_options_default(&o, 1);
  double eh;
  ck_assert_int_eq(fb_rg_mcp_eps_max(&o, 0.0, &eh, &err), FB_OK);
  ck_assert_msg(fabs(eh / 2.4819e-14 - 1) < 0.02, "HB eps_max(m = 0) = %g (regression 2.4819e-14)", eh);
  o.Y_e = 2.0;
  ck_assert_int_eq(fb_rg_mcp_eps_max(&o, 0.0, &eh, &err), FB_ERR_RANGE);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  Suite *s = suite_create("rg_mcp");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_transverse_classical_limit);
  tcase_add_test(tc, test_electron_gas_limits);
  tcase_add_test(tc, test_rg_bound);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? 0 : 1;
}
