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

/* chi chi -> A'A' (m_A' < m_chi) for all four spins: the s-wave coefficient at v -> 0 against
 * (scalar: the formula derived in fb_bc2.c, checked by tools/xsec_aa_check.py; others:) Pospelov, Ritz & Voloshin arXiv:0711.4866 (vector: pi alpha_D^2/m^2 (1 - r)^{3/2}/(1 - r/2)^2,
 * r = m_A'^2/m^2), equal for the axial (majorana) coupling and per state for pseudodirac; the
 * complex scalar tends to the scalar-QED phi phi* -> gamma gamma value 2 pi alpha_D^2/m^2 as r -> 0
 * and vanishes as (1 - r)^{1/2} at r -> 1. The channel is absent at m_A' >= m_chi; it lowers
 * Omega h^2 for every spin; Omega h^2(ratio) is smooth and monotone for ratio < 1. */
START_TEST(test_aa_channel) {
  fb_err err;
  fb_err_clear(&err);
  const double m = 0.113, aD = 0.17, eps = 1e-6;
  const fb_bc2_spin spins[4] = {FB_BC2_SCALAR, FB_BC2_MAJORANA, FB_BC2_PSEUDODIRAC, FB_BC2_DIRAC};
  for (int k = 0; k < 4; k++) {
    const double ratios[3] = {0.1, 0.5, 0.999};
    for (int j = 0; j < 3; j++) {
      fb_bc2_point p = point(spins[k], m, ratios[j], aD, 0.1, eps);
      double sv = 0.0;
      ck_assert_msg(fb_bc2_sigmav_cmb_cm3_s(&g_m, &p, &sv, &err) == FB_OK, "%s", err.msg);
      const double r = ratios[j] * ratios[j], unit = FB_PI * aD * aD / (m * m) * FB_INV_GEV2_TO_CM3_S;
      double ref = pow(1.0 - r, 1.5) / ((1.0 - r / 2.0) * (1.0 - r / 2.0));
      if (spins[k] == FB_BC2_SCALAR) ref = sqrt(1.0 - r) * (8.0 - 8.0 * r + 3.0 * r * r) / ((2.0 - r) * (2.0 - r));
      double got = sv / unit;
      if (spins[k] == FB_BC2_DIRAC) {
        /* dirac adds the SM s-wave channel: subtract it (same point at ratio where A'A' is closed
         * is not comparable, so compare the total with the sum) */
        fb_bc2_point q = p;
        q.epsilon = 1e-12; /* SM channel scaled down by 1e12 */
        ck_assert_msg(fb_bc2_sigmav_cmb_cm3_s(&g_m, &q, &sv, &err) == FB_OK, "%s", err.msg);
        got = sv / unit;
      }
      printf("A'A' s-wave %s ratio %.3f: %.8e (pi alpha_D^2/m^2), reference %.8e\n", fb_bc2_spin_name(spins[k]),
             ratios[j], got, ref);
      ck_assert_msg(fabs(got / ref - 1.0) < 1e-6, "%s ratio %g: %.8e vs %.8e", fb_bc2_spin_name(spins[k]), ratios[j],
                    got, ref);
      ck_assert(fb_bc2_point_is_swave(&p));
      if (j == 0) {
        /* r = 0.01: within O(r) = 1% of the massless limits (1 - r/2 for both) */
        const double limit = spins[k] == FB_BC2_SCALAR ? 2.0 : 1.0;
        ck_assert_msg(fabs(got / limit - 1.0) < 0.01, "r -> 0 limit %g vs %g", got, limit);
      }
    }
    /* closed at ratio >= 1: no s-wave A'A' (the non-dirac spins have sigma v_CMB = 0) */
    fb_bc2_point c = point(spins[k], m, 1.0, aD, 0.1, eps);
    double sv = 0.0;
    ck_assert_msg(fb_bc2_sigmav_cmb_cm3_s(&g_m, &c, &sv, &err) == FB_OK, "%s", err.msg);
    ck_assert_msg(spins[k] == FB_BC2_DIRAC || sv == 0.0, "%s: %g at ratio 1", fb_bc2_spin_name(spins[k]), sv);
    ck_assert(fb_bc2_point_is_swave(&c) == (spins[k] == FB_BC2_DIRAC));
    /* Omega h^2 over ratio 0.4 .. 1.2: monotone increasing with ratio (phase space closes, then
     * the thermally open channel is Boltzmann suppressed), below the value without A'A' (ratio
     * 3.2 is beyond FB_BC2_AA_RATIO_MAX: compare at the same ratio is not possible, so only
     * monotonicity and smoothness are tested); continuous across m_A' = m_chi */
    fb_relic_result res;
    fb_bc2_point p = point(spins[k], m, 0.4, aD, 0.1, 1e-4);
    double lo[17];
    for (int i = 0; i < 17; i++) {
      p.ratio = 0.4 + 0.05 * i;
      ck_assert_msg(fb_bc2_omega_h2(&g_m, &p, &res, &err) == FB_OK, "%s", err.msg);
      lo[i] = log(res.omega_h2);
      if (i > 0) ck_assert_msg(lo[i] > lo[i - 1], "%s: not monotone at ratio %g", fb_bc2_spin_name(spins[k]), p.ratio);
    }
    double d2max = 0.0;
    for (int i = 1; i < 11; i++) d2max = fmax(d2max, fabs(lo[i + 1] - 2.0 * lo[i] + lo[i - 1]));
    double jump[2];
    for (int q = 0; q < 2; q++) {
      const double h = q == 0 ? 1e-4 : 1e-6;
      p.ratio = 1.0 - h;
      ck_assert_msg(fb_bc2_omega_h2(&g_m, &p, &res, &err) == FB_OK, "%s", err.msg);
      const double below = res.omega_h2;
      p.ratio = 1.0 + h;
      ck_assert_msg(fb_bc2_omega_h2(&g_m, &p, &res, &err) == FB_OK, "%s", err.msg);
      jump[q] = fabs(log(res.omega_h2 / below));
    }
    printf("%s: Omega h^2 ratio 0.40 / 0.95 / 1.20: %.4e / %.4e / %.4e, max |d2 ln Omega| (0.4-0.95) %.3f; "
           "|ln Omega(1+h)/Omega(1-h)| = %.2e (h = 1e-4), %.2e (h = 1e-6)\n",
           fb_bc2_spin_name(spins[k]), exp(lo[0]), exp(lo[11]), exp(lo[16]), d2max, jump[0], jump[1]);
    /* continuity across m_A' = m_chi: the difference shrinks with h at least as sqrt(h) (the
     * scalar's s-wave A'A' opens as sqrt(1 - r)), i.e. no jump */
    ck_assert_msg(jump[1] < 0.2 * jump[0] + 1e-6 && jump[1] < 5e-3, "%s: jump at ratio 1 (%g, %g)",
                  fb_bc2_spin_name(spins[k]), jump[0], jump[1]);
    ck_assert_msg(d2max < 0.1 * (lo[11] - lo[0]) + 0.05, "%s: not smooth (%g)", fb_bc2_spin_name(spins[k]), d2max);
  }
}
END_TEST

/* The exact chi chi -> A'A' cross section (numerical helicity amplitudes): at small v it equals the
 * independently derived expansion (beta_f/beta_f0)(a + b v^2) of fb_bc2.c (to O(v^4)); the table
 * used in the thermal average reproduces the direct evaluation; the inclusion limit
 * FB_BC2_AA_RATIO_MAX = 3 leaves no visible step in Omega h^2. */
START_TEST(test_aa_exact) {
  fb_err err;
  fb_err_clear(&err);
  const fb_bc2_spin spins[4] = {FB_BC2_SCALAR, FB_BC2_MAJORANA, FB_BC2_PSEUDODIRAC, FB_BC2_DIRAC};
  const double rs[4] = {0.0123, 0.25, 0.5, 0.81};
  double worst_nr = 0.0, worst_tab = 0.0;
  for (int k = 0; k < 4; k++)
    for (int j = 0; j < 4; j++) {
      const double r = rs[j], v = 0.02, u = 1.0 / (1.0 - v * v / 4.0) - 1.0, s = 4.0 * (1.0 + u);
      double a = 0.0, b = 0.0;
      fb_bc2_aa_nr_coeffs(spins[k], r, &a, &b);
      const double bf = sqrt(1.0 - r / (1.0 + u)) / sqrt(1.0 - r);
      const double nr = bf * (a + b * v * v), ex = fb_bc2_aa_what(spins[k], u, r) / (s * FB_PI);
      /* O(v^4) remainder: c v^4 with |c| <~ b/r (axial: ~1/r^3) */
      const double tol = 1e-6 + fabs(b) * v * v * v * v / (r * r) * 4.0 / (a + fabs(b) * v * v);
      worst_nr = fmax(worst_nr, fabs(nr / ex - 1.0));
      ck_assert_msg(fabs(nr / ex - 1.0) < tol, "%s r %g: NR %.10g vs exact %.10g (tol %g)", fb_bc2_spin_name(spins[k]),
                    r, nr, ex, tol);
      for (int i = 0; i < 30; i++) {
        const double uu = fmax(0.0, r - 1.0) + exp(-13.0 + 0.6 * i);
        double wt = 0.0;
        ck_assert_msg(fb_bc2_aa_what_table(&g_m, spins[k], uu, r, &wt, &err) == FB_OK, "%s", err.msg);
        worst_tab = fmax(worst_tab, fabs(wt / fb_bc2_aa_what(spins[k], uu, r) - 1.0));
      }
    }
  printf("A'A' exact vs NR expansion at v = 0.02: worst %.2e; table vs direct (u 2e-6 .. 1e2): worst %.2e\n", worst_nr,
         worst_tab);
  ck_assert_msg(worst_tab < 5e-4, "table %g", worst_tab);
  /* forbidden regime r > 1: open only above s = 4 m_A'^2 */
  ck_assert(fb_bc2_aa_what(FB_BC2_DIRAC, 0.2, 1.3) == 0.0 && fb_bc2_aa_what(FB_BC2_DIRAC, 0.4, 1.3) > 0.0);
  /* no visible step at the inclusion limit ratio = 3 (the A'A' rate is ~e^-40 there): the change of
   * ln Omega over 2.999 -> 3.001 equals the mean of its neighbours 2.997 -> 2.999, 3.001 -> 3.003 */
  fb_relic_result res;
  fb_bc2_point p = point(FB_BC2_SCALAR, 0.1, 2.997, 0.1, 0.1, 1e-5);
  double lo[4];
  for (int i = 0; i < 4; i++) {
    p.ratio = 2.997 + 0.002 * i;
    ck_assert_msg(fb_bc2_omega_h2(&g_m, &p, &res, &err) == FB_OK, "%s", err.msg);
    lo[i] = log(res.omega_h2);
  }
  const double step = lo[2] - lo[1], neigh = 0.5 * (lo[1] - lo[0] + lo[3] - lo[2]);
  printf("ln Omega steps at ratio 2.997/2.999/3.001/3.003: %.3e, %.3e (across 3), %.3e\n", lo[1] - lo[0], step,
         lo[3] - lo[2]);
  /* the solver's own noise on such steps is +-1.5e-4 (self-consistency 1e-4 per Omega h^2) */
  ck_assert_msg(fabs(step - neigh) < 3e-4, "step at ratio 3: %g vs neighbours %g", step, neigh);
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
 * require 0.9 x 10 (x_f ratio)^2 < ratio < 10. The table cache (eps rescaling) must give exactly
 * what a fresh model gives. */
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
    /* a point's value does not depend on the points computed before it (issue 18 item 5) */
    ck_assert_msg(c.omega_h2 == b.omega_h2 && c.x_freezeout == b.x_freezeout,
                  "cache %.17g vs fresh %.17g (x_f %.17g vs %.17g)", b.omega_h2, c.omega_h2, b.x_freezeout,
                  c.x_freezeout);
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

/* The target lines against the ESPP 2026 PBC BC2 input (P. Crivelli; tests/boltzmann/data/
 * espp2026_bc2_targets.txt: 21 points, scalar, Majorana, pseudo-Dirac, 1.2 MeV - 1 GeV, m_A' = 3 m_chi).
 * Their method, g_* and hadronic treatment are not documented, and their alpha_D and pseudo-Dirac
 * splitting are not stated: compared at alpha_D = 0.5 and, for the pseudo-Dirac line, delta = 0 (their
 * line lies there; at our default delta = 0.1 it is 4x lower). Tolerance: a factor 1.4 either way,
 * set after the first comparison (measured ref/ours 0.72-0.92, median 0.85): a consistency check of
 * the scale and shape, not a precision target (docs/validation.md states the ~15 % offset as open). */
START_TEST(test_espp_targets) {
  char path[512];
  snprintf(path, sizeof path, "%s/tests/boltzmann/data/espp2026_bc2_targets.txt", FB_SOURCE_DIR);
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  char line[256], spin[32];
  int n = 0;
  double lo = 1e9, hi = 0;
  fb_err err;
  fb_err_clear(&err);
  while (fgets(line, sizeof line, f)) {
    double m, y_ref;
    if (line[0] == '#' || sscanf(line, "%31s %lf %lf", spin, &m, &y_ref) != 3) continue;
    fb_bc2_spin sp;
    ck_assert_int_eq(fb_bc2_spin_parse(spin, &sp, &err), FB_OK);
    fb_bc2_point p = point(sp, m, 3.0, 0.5, 0.0, 1e-5);
    double y = 0.0;
    ck_assert_msg(fb_bc2_target_y(&g_m, &p, FB_OMEGA_C_H2_PLANCK, &y, NULL, &err) == FB_OK, "%s", err.msg);
    const double r = y_ref / y;
    printf("ESPP target %-11s m = %.4g GeV: y_ref/y_ours = %.3f\n", spin, m, r);
    ck_assert_msg(r > 1.0 / 1.4 && r < 1.4, "%s at %g GeV: ref/ours = %.3f outside 1/1.4 .. 1.4", spin, m, r);
    lo = fmin(lo, r);
    hi = fmax(hi, r);
    n++;
  }
  fclose(f);
  ck_assert_int_eq(n, 21);
  printf("ESPP 2026 BC2 targets: %d points, ref/ours %.3f .. %.3f\n", n, lo, hi);
}
END_TEST

/* Issue 17: the CMB p_ann bound of a thermal relic uses chi's own freeze-out density. Dirac,
 * alpha_D = 0.5, m_A' = 3 m_chi, m_chi = 100 MeV: on the target line (Omega = 0.120) p_ann is ~400x
 * Planck's bound (arXiv:1807.06209), so the target is excluded whatever the convention; at 1e4 x the
 * target y, chi is ~1e-4 of the dark matter: p_ann grows by ~1e4 but p_ann (Omega/Omega_c)^2 falls by
 * 1e4 (x_f'/x_f)^2 (Omega ~ x_f/<sigma v>, standard freeze-out, Kolb & Turner 1990 eq. 5.43; x_f ~ 15
 * grows by ln 1e4 = 9.2: (x_f'/x_f)^2 ~ 2.6; accepted 1-4) and the point is allowed, where the
 * all-DM mask excludes it.
 * Below the target (overabundant) the fraction is capped at 1. */
START_TEST(test_cmb_thermal_density) {
  fb_err err;
  fb_err_clear(&err);
  const double m = 0.1, f_eff = 0.6;
  fb_bc2_point p = point(FB_BC2_DIRAC, m, 3.0, 0.5, 0.0, 1e-5);
  double y_t = 0.0;
  fb_relic_result res;
  ck_assert_msg(fb_bc2_target_y(&g_m, &p, FB_OMEGA_C_H2_PLANCK, &y_t, &res, &err) == FB_OK, "%s", err.msg);
  double pann[3], pth[3], om[3];
  const double mult[3] = {1.0, 1e4, 1e-2};
  for (int k = 0; k < 3; k++) {
    p.epsilon = fb_bc2_epsilon_from_y(mult[k] * y_t, p.alpha_D, p.ratio);
    double sv = 0.0;
    ck_assert_msg(fb_bc2_omega_h2(&g_m, &p, &res, &err) == FB_OK, "%s", err.msg);
    ck_assert_msg(fb_bc2_sigmav_cmb_cm3_s(&g_m, &p, &sv, &err) == FB_OK, "%s", err.msg);
    om[k] = res.omega_h2;
    pann[k] = f_eff * fb_bc2_cmb_pair_factor(p.spin) * sv / m;
    pth[k] = fb_bc2_cmb_pann_thermal(pann[k], om[k], FB_OMEGA_C_H2_PLANCK);
    printf("CMB, dirac m = 0.1 GeV, y = %g y_target: Omega h^2 = %.4g, p_ann = %.3e, x (Omega/Omega_c)^2 = %.3e "
           "(bound %.1e)\n", mult[k], om[k], pann[k], pth[k], FB_PANN_MAX_PLANCK_CM3_S_GEV);
  }
  ck_assert(pth[0] > FB_PANN_MAX_PLANCK_CM3_S_GEV);              /* target: excluded */
  ck_assert_double_eq_tol(pth[0] / pann[0], 1.0, 2e-3);            /* f = 1 on the target */
  ck_assert(pann[1] > FB_PANN_MAX_PLANCK_CM3_S_GEV);             /* all-DM: excluded */
  ck_assert(pth[1] < FB_PANN_MAX_PLANCK_CM3_S_GEV);              /* own density: allowed */
  const double r = pth[1] / pth[0];
  ck_assert_msg(r > 1e-4 && r < 4e-4, "p_ann f^2 ratio %g, expected 1e-4 (x_f'/x_f)^2 = 1e-4 .. 4e-4", r);
  ck_assert(om[2] > FB_OMEGA_C_H2_PLANCK && pth[2] == pann[2]);  /* overabundant: f capped at 1 */
  ck_assert(isnan(fb_bc2_cmb_pann_thermal(1e-27, NAN, FB_OMEGA_C_H2_PLANCK)));
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
  tcase_add_test(tc, test_aa_channel);
  tcase_add_test(tc, test_aa_exact);
  tcase_add_test(tc, test_widths);
  tcase_add_test(tc, test_pseudodirac_limit);
  tcase_add_test(tc, test_y_scaling_and_cache);
  tcase_add_test(tc, test_resonance);
  tcase_add_test(tc, test_target_line);
  tcase_add_test(tc, test_espp_targets);
  tcase_add_test(tc, test_cmb_thermal_density);
  tcase_add_test(tc, test_errors);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_VERBOSE);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
