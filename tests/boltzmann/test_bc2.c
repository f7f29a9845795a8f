/* Tests of the BC2 relic abundance and thermal targets (src/boltzmann/fb_bc2.c): analytic
 * cross-section limits, widths, the pseudo-Dirac -> Dirac limit, Omega h^2 ~ 1/y, exactness of
 * the table cache, resonance robustness, smooth and monotone target lines, error paths. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_bc2.h"
#include "fb_constants.h"
#include "fb_darkphoton.h"

static fb_bc2 g_m;

static void setup(void) {
  gsl_set_error_handler_off();
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(fb_bc2_init(&g_m, NULL, &err) == FB_OK, "%s", err.msg);
}
static void teardown(void) { fb_bc2_free(&g_m); }

static fb_bc2_point point(fb_bc2_spin spin, double m, double ratio, double aD, double delta, double eps) {
  fb_bc2_point p = {spin, m, ratio, aD, delta, eps};
  return p;
}

/* Dirac, below the muon threshold: sigma v(v -> 0) = 16 pi alpha alpha_D eps^2 m^2 F /
 * ((4 m^2 - m_A'^2)^2 + m_A'^2 Gamma^2), F = beta_e (1 + 2 m_e^2/s) (e.g. arXiv:1807.01730
 * in the massless-electron limit). Majorana and scalar are p-wave: 0. */
START_TEST(test_cmb_sigmav) {
  fb_err err;
  fb_err_clear(&err);
  const double m = 0.0317, ratio = 2.73, aD = 0.31, eps = 3.3e-5;
  fb_bc2_point p = point(FB_BC2_DIRAC, m, ratio, aD, 0.0, eps);
  double sv = 0.0, vis = 0.0, inv = 0.0;
  ck_assert_msg(fb_bc2_sigmav_cmb_cm3_s(&g_m, &p, &sv, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_bc2_widths(&g_m, &p, &vis, &inv, &err) == FB_OK, "%s", err.msg);
  const double mA = ratio * m, s = 4.0 * m * m, z = 4.0 * FB_ME_GEV * FB_ME_GEV / s;
  const double F = sqrt(1.0 - z) * (1.0 + z / 2.0);
  const double G = vis + inv;
  const double ref = 16.0 * FB_PI * FB_ALPHA_EM * aD * eps * eps * m * m * F /
                     ((s - mA * mA) * (s - mA * mA) + mA * mA * G * G) * FB_INV_GEV2_TO_CM3_S;
  printf("Dirac sigma v (v->0) = %.6e cm^3/s, analytic %.6e\n", sv, ref);
  ck_assert_msg(fabs(sv / ref - 1.0) < 1e-6, "%.8e vs %.8e", sv, ref);
  p.spin = FB_BC2_SCALAR;
  ck_assert_msg(fb_bc2_sigmav_cmb_cm3_s(&g_m, &p, &sv, &err) == FB_OK, "%s", err.msg);
  ck_assert(sv == 0.0);
  ck_assert(fb_bc2_is_swave(FB_BC2_DIRAC) && !fb_bc2_is_swave(FB_BC2_MAJORANA));
}
END_TEST

/* Invisible widths: Dirac alpha_D m/3 (1 + 2r) sqrt(1 - 4r); pseudo-Dirac with delta = 0 equals
 * Dirac; closed below threshold; visible width equals fb_darkphoton's. */
START_TEST(test_widths) {
  fb_err err;
  fb_err_clear(&err);
  const double m = 0.0713, ratio = 3.17, aD = 0.27, eps = 1.3e-4;
  fb_bc2_point p = point(FB_BC2_DIRAC, m, ratio, aD, 0.0, eps);
  double vis = 0.0, inv = 0.0, vis2 = 0.0, inv2 = 0.0;
  ck_assert_msg(fb_bc2_widths(&g_m, &p, &vis, &inv, &err) == FB_OK, "%s", err.msg);
  const double mA = ratio * m, r = m * m / (mA * mA);
  ck_assert(fabs(inv / (aD * mA / 3.0 * (1.0 + 2.0 * r) * sqrt(1.0 - 4.0 * r)) - 1.0) < 1e-12);
  fb_darkphoton_decay d;
  ck_assert(fb_darkphoton_decay_compute(&g_m.R, mA, eps, &d, &err) == FB_OK);
  ck_assert(fabs(vis / d.width_GeV - 1.0) < 1e-12);
  p.spin = FB_BC2_PSEUDODIRAC;
  ck_assert_msg(fb_bc2_widths(&g_m, &p, &vis2, &inv2, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fabs(inv2 / inv - 1.0) < 1e-12, "pseudo-Dirac delta = 0: %g vs %g", inv2, inv);
  p.spin = FB_BC2_SCALAR;
  ck_assert(fb_bc2_widths(&g_m, &p, &vis2, &inv2, &err) == FB_OK);
  ck_assert(fabs(inv2 / (aD * mA / 12.0 * pow(1.0 - 4.0 * r, 1.5)) - 1.0) < 1e-12);
  p.ratio = 1.9; /* m_A' < 2 m_chi: invisible channel closed */
  ck_assert(fb_bc2_widths(&g_m, &p, &vis2, &inv2, &err) == FB_OK);
  ck_assert(inv2 == 0.0);
}
END_TEST

/* The pseudo-Dirac model with delta -> 0 is the Dirac fermion written in Majorana components. */
START_TEST(test_pseudodirac_limit) {
  fb_err err;
  fb_err_clear(&err);
  fb_relic_result a, b;
  fb_bc2_point p = point(FB_BC2_DIRAC, 0.0521, 3.0, 0.5, 0.0, 2.1e-5);
  ck_assert_msg(fb_bc2_omega_h2(&g_m, &p, &a, &err) == FB_OK, "%s", err.msg);
  p.spin = FB_BC2_PSEUDODIRAC;
  p.delta = 1e-7;
  ck_assert_msg(fb_bc2_omega_h2(&g_m, &p, &b, &err) == FB_OK, "%s", err.msg);
  printf("Dirac Omega h^2 %.6g, pseudo-Dirac (delta 1e-7) %.6g\n", a.omega_h2, b.omega_h2);
  ck_assert_msg(fabs(b.omega_h2 / a.omega_h2 - 1.0) < 1e-4, "%g vs %g", b.omega_h2, a.omega_h2);
}
END_TEST

/* Away from resonances Omega h^2 ~ 1/y up to the logarithmic growth of x_f: Omega ~ x_f/<sv>
 * (s-wave) or x_f^2/b (p-wave), so Omega(y)/Omega(10 y) = 10 (x_f(y)/x_f(10y))^k, k = 1..2; we
 * require 0.9 x 10 (x_f ratio)^2 < ratio < 10. The table cache (eps rescaling) must agree with a
 * fresh model to 1e-6. */
START_TEST(test_y_scaling_and_cache) {
  fb_err err;
  fb_err_clear(&err);
  const fb_bc2_spin spins[4] = {FB_BC2_SCALAR, FB_BC2_MAJORANA, FB_BC2_PSEUDODIRAC, FB_BC2_DIRAC};
  for (int k = 0; k < 4; k++) {
    const double m = 0.0271, aD = 0.1, ratio = 3.0;
    const double y1 = 3e-11;
    fb_bc2_point p = point(spins[k], m, ratio, aD, 0.1, fb_bc2_epsilon_from_y(y1, aD, ratio));
    fb_relic_result a, b, c;
    ck_assert_msg(fb_bc2_omega_h2(&g_m, &p, &a, &err) == FB_OK, "%s", err.msg);
    const long tab = g_m.n_tabulations;
    p.epsilon = fb_bc2_epsilon_from_y(10.0 * y1, aD, ratio);
    ck_assert_msg(fb_bc2_omega_h2(&g_m, &p, &b, &err) == FB_OK, "%s", err.msg);
    ck_assert_msg(g_m.n_tabulations == tab, "cache not used for a new eps");
    const double ratio_om = a.omega_h2 / b.omega_h2;
    printf("%s: Omega(y)/Omega(10y) = %.4f, x_f %.3f -> %.3f\n", fb_bc2_spin_name(spins[k]), ratio_om,
           a.x_freezeout, b.x_freezeout);
    const double xr = a.x_freezeout / b.x_freezeout;
    /* pseudo-Dirac: the chi_2 fraction at freeze-out, ~ e^{-x_f delta}, shrinks as x_f grows */
    const double coan = spins[k] == FB_BC2_PSEUDODIRAC ? exp(-p.delta * (b.x_freezeout - a.x_freezeout)) : 1.0;
    ck_assert_msg(ratio_om > 9.0 * xr * xr * coan && ratio_om < 10.0, "ratio %.4f", ratio_om);
    fb_bc2 fresh;
    ck_assert_msg(fb_bc2_init(&fresh, NULL, &err) == FB_OK, "%s", err.msg);
    ck_assert_msg(fb_bc2_omega_h2(&fresh, &p, &c, &err) == FB_OK, "%s", err.msg);
    fb_bc2_free(&fresh);
    ck_assert_msg(fabs(c.omega_h2 / b.omega_h2 - 1.0) < 1e-6, "cache %.10g vs fresh %.10g", b.omega_h2,
                  c.omega_h2);
  }
}
END_TEST

/* Near the resonance m_A' ~ 2 m_chi: Omega h^2 must be independent of the quadrature and spline
 * precision (1e-5 -> 1e-8, 64 -> 256 nodes) to 1e-3, and the resonance must raise <sigma v>:
 * the target y at ratio 2.05 is far below the one at ratio 3. */
START_TEST(test_resonance) {
  fb_err err;
  fb_err_clear(&err);
  fb_bc2_point p = point(FB_BC2_SCALAR, 0.0347, 2.05, 0.1, 0.0, 1e-5);
  fb_relic_result a, b;
  ck_assert_msg(fb_bc2_omega_h2(&g_m, &p, &a, &err) == FB_OK, "%s", err.msg);
  fb_relic_params par;
  fb_relic_params_default(&par);
  par.quad_epsrel = 1e-8;
  par.n_nodes = 256;
  par.rtol = 1e-9;
  par.atol = 1e-9;
  fb_bc2 fine;
  ck_assert_msg(fb_bc2_init(&fine, &par, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_bc2_omega_h2(&fine, &p, &b, &err) == FB_OK, "%s", err.msg);
  fb_bc2_free(&fine);
  printf("resonance (ratio 2.05): Omega h^2 %.8g (default) vs %.8g (fine)\n", a.omega_h2, b.omega_h2);
  ck_assert_msg(fabs(a.omega_h2 / b.omega_h2 - 1.0) < 1e-3, "%g vs %g", a.omega_h2, b.omega_h2);
  double y_res = 0.0, y_off = 0.0;
  ck_assert_msg(fb_bc2_target_y(&g_m, &p, FB_OMEGA_C_H2_PLANCK, &y_res, NULL, &err) == FB_OK, "%s", err.msg);
  p.ratio = 3.0;
  ck_assert_msg(fb_bc2_target_y(&g_m, &p, FB_OMEGA_C_H2_PLANCK, &y_off, NULL, &err) == FB_OK, "%s", err.msg);
  printf("target y: ratio 2.05 -> %.4e, ratio 3 -> %.4e\n", y_res, y_off);
  ck_assert(y_res < 0.1 * y_off);
}
END_TEST

/* Target lines: Omega h^2 at the target equals 0.120 to 3e-4 (root tolerance 1e-5 in y plus the
 * ODE tolerance of Omega, ~1e-4); below the muon threshold
 * (only e+e-) y(m) rises monotonically and smoothly (no wiggles: log-log second differences
 * small) for all four spins. */
START_TEST(test_target_line) {
  fb_err err;
  fb_err_clear(&err);
  const fb_bc2_spin spins[4] = {FB_BC2_SCALAR, FB_BC2_MAJORANA, FB_BC2_PSEUDODIRAC, FB_BC2_DIRAC};
  for (int k = 0; k < 4; k++) {
    double ly[16];
    for (int i = 0; i < 16; i++) {
      const double m = 1.1e-3 * pow(80.0, i / 15.0); /* 1.1 - 88 MeV, 8 points per decade */
      fb_bc2_point p = point(spins[k], m, 3.0, 0.5, 0.1, 1e-5);
      double y = 0.0;
      fb_relic_result res;
      ck_assert_msg(fb_bc2_target_y(&g_m, &p, FB_OMEGA_C_H2_PLANCK, &y, &res, &err) == FB_OK, "%s", err.msg);
      ck_assert_msg(fabs(res.omega_h2 / FB_OMEGA_C_H2_PLANCK - 1.0) < 3e-4, "Omega at target %g", res.omega_h2);
      ly[i] = log(y);
      if (i > 0) ck_assert_msg(ly[i] > ly[i - 1], "%s: y not increasing at m = %g", fb_bc2_spin_name(spins[k]), m);
    }
    double worst = 0.0;
    for (int i = 1; i < 15; i++) worst = fmax(worst, fabs(ly[i + 1] - 2.0 * ly[i] + ly[i - 1]));
    printf("%s: y(1.1 MeV) = %.3e, y(88 MeV) = %.3e, max |second difference of ln y| = %.3f\n",
           fb_bc2_spin_name(spins[k]), exp(ly[0]), exp(ly[15]), worst);
    /* the physical curvature of ln y(ln m) at this spacing (ln 1.34) is ~0.05 (from x_f(m) and, for
     * pseudodirac, e^{x_f delta}); numerical noise or spline overshoot would exceed 0.08 */
    ck_assert_msg(worst < 0.08, "target line not smooth: %.3f", worst);
  }
}
END_TEST

START_TEST(test_errors) {
  fb_err err;
  fb_err_clear(&err);
  fb_bc2_spin s;
  ck_assert_int_eq(fb_bc2_spin_parse("vector", &s, &err), FB_ERR_INPUT);
  ck_assert_msg(strstr(err.msg, "scalar|majorana|pseudodirac|dirac") != NULL, "%s", err.msg);
  ck_assert_int_eq(fb_bc2_spin_parse("majorana", &s, &err), FB_OK);
  ck_assert_int_eq(s, FB_BC2_MAJORANA);
  fb_relic_result r;
  fb_bc2_point p = point(FB_BC2_DIRAC, 0.01, 3.0, 1.5, 0.1, 1e-5);
  ck_assert_int_eq(fb_bc2_omega_h2(&g_m, &p, &r, &err), FB_ERR_RANGE);
  ck_assert_msg(strstr(err.msg, "alpha_D") != NULL, "%s", err.msg);
  p.alpha_D = 0.5;
  p.mass_GeV = -1.0;
  ck_assert_int_eq(fb_bc2_omega_h2(&g_m, &p, &r, &err), FB_ERR_RANGE);
  ck_assert(fabs(fb_bc2_y_from_epsilon(fb_bc2_epsilon_from_y(2.7e-10, 0.3, 2.5), 0.3, 2.5) / 2.7e-10 - 1.0) < 1e-14);
}
END_TEST

int main(void) {
  Suite *s = suite_create("bc2");
  TCase *tc = tcase_create("bc2");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, test_cmb_sigmav);
  tcase_add_test(tc, test_widths);
  tcase_add_test(tc, test_pseudodirac_limit);
  tcase_add_test(tc, test_y_scaling_and_cache);
  tcase_add_test(tc, test_resonance);
  tcase_add_test(tc, test_target_line);
  tcase_add_test(tc, test_errors);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_VERBOSE);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
