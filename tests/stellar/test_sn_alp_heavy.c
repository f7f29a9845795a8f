/**
 * @file test_sn_alp_heavy.c
 * @brief Issue 16 (branch snalp): what separates the BC9 band from the published one (arXiv:2109.03244 via the
 *        AxionLimits copy in tests/stellar/data) and the BC10 trapping edge from AxionLimits' massless g_an band.
 *        docs/validation.md, section "BC9 heavy ALPs and the BC10 trapping edge: degenerate protons and the
 *        measured diagnosis".
 *
 * Checks (explicit tolerances):
 *  - degenerate-proton Primakoff targets (fb_sn_proton_degeneracy_factor, Payez et al. arXiv:1410.3747):
 *    S = n_eff/n against an independent quadrature of int x^{1/2} f(1 - f) / int x^{1/2} f (1e-6), the
 *    non-degenerate limit S -> 1 and the degenerate limit (3/2) T/E_F (leading order, 2% at T/E_F = 0.02);
 *    on the default profile 0.3 < S <= 1 everywhere, S < 0.95 in the dense core;
 *  - BC9: the degeneracy lowers the Primakoff luminosity by 2-15% (measured 5.9% at 1 MeV) and raises the lower
 *    edge by < 6% (measured +3.1%); above 100 MeV (coalescence-dominated) the edges move by < 1%;
 *  - the published band against our unattenuated emission: the published lower edge scales from 198 to 300 MeV
 *    like our emission without decay attenuation (ratio within 10%; measured 1.794 vs 1.704), although at the
 *    published 300 MeV lower edge the decay length (6.1 km, asserted < 7 km) is below half the 13-16 km from the hot shell to
 *    R_nu: the published lower edge is not attenuated by decays inside the neutrinosphere, ours is (the band
 *    closes at 0.262 GeV; the same emission without decays closes at 0.62 GeV);
 *  - the deposition boundary r_b at which the transfer criterion reproduces the published upper edge
 *    (bisection in r_emit_km) at 110, 151, 198, 241, 315 MeV lies between the hot shell (11 km) and 18 km and
 *    moves inward with the mass (measured 16.6 -> 13.3 km): a criterion or profile geometry ~10 km shorter
 *    than our 26.4 km neutrinosphere, not a rate;
 *  - BC10 g_an-only trapping edge at 1 MeV: decomposition of the gap to AxionLimits' 9.8e-7 (naive OPE) into the
 *    OPE corrections (corrected / naive 1.8-2.6, measured 2.15 with transfer) x the criterion (transfer / rays
 *    2.0-3.2, measured 2.6) x a residual (naive + rays / reference 0.8-2.0, measured 1.6).
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_sn_alp.h"
#include "sn_alpn_env.h"
#include "sn_bc9_env.h"

#define AXIONLIMITS_GAN_TRAP 9.8e-7 /* AxionLimits limit_data/AxionNeutron/SN1987A.txt (as test_sn_trapping) */

/* published rows (tests/stellar/data/axionlimits_SN1987A_HeavyALP_nu.tsv, arXiv:2109.03244 via AxionLimits) */
static const double PUB_LOW_198_GEV = 0.2029875099885245562, PUB_LOW_198 = 6.897790018577157226e-09;
static const double PUB_LOW_300_GEV = 0.3000119235533187389, PUB_LOW_300 = 1.237339054844797485e-08;
static const double PUB_HIGH_GEV[5] = {0.1099966124211084247, 0.1509704244624876380, 0.1976080164118835926,
                                       0.2413144256763114929, 0.3151547840842452645};
static const double PUB_HIGH[5] = {3.968342048534074961e-07, 1.708641328680730766e-07, 8.531046811976483843e-08,
                                   5.248948748379340356e-08, 2.687463449448990681e-08};

typedef struct fd_par {
  double eta;
  int blocked;
} fd_par;

static double fd_integrand(double x, void *p) {
  const fd_par *a = p;
  double f = 1.0 / (exp(x - a->eta) + 1.0);
  return sqrt(x) * f * (a->blocked ? 1.0 - f : 1.0);
}

/* independent S(eta) = int x^{1/2} f (1 - f) dx / int x^{1/2} f dx, and n(eta) from the same integral */
static double quad_fd(double eta, int blocked) {
  gsl_integration_workspace *w = gsl_integration_workspace_alloc(1000);
  fd_par a = {eta, blocked};
  gsl_function F = {fd_integrand, &a};
  double r, e;
  gsl_integration_qagiu(&F, 0.0, 0.0, 1e-11, 1000, w, &r, &e);
  gsl_integration_workspace_free(w);
  return r;
}

START_TEST(test_degeneracy_factor) {
  const double T = 0.02, m = FB_MP_GEV, nq = 2.0 * pow(m * T / (2.0 * FB_PI), 1.5);
  const double etas[] = {-5.0, -1.0, 0.0, 2.0, 8.0};
  for (int i = 0; i < 5; i++) {
    double I1 = quad_fd(etas[i], 0), I2 = quad_fd(etas[i], 1);
    double n = nq * I1 * 2.0 / sqrt(FB_PI); /* F_{1/2} = (2/sqrt(pi)) int x^{1/2} f */
    double S = fb_sn_proton_degeneracy_factor(n, T, m), Sq = I2 / I1;
    printf("eta = %4.1f: S = %.8f, quadrature %.8f\n", etas[i], S, Sq);
    ck_assert_msg(fabs(S / Sq - 1) < 1e-6, "eta = %g: S = %.10g vs quadrature %.10g", etas[i], S, Sq);
  }
  ck_assert_msg(fabs(fb_sn_proton_degeneracy_factor(1e-12 * nq, T, m) - 1) < 1e-6, "non-degenerate limit");
  /* degenerate: S -> (3/2) T/E_F, E_F = (3 pi^2 n)^{2/3}/(2 m) (leading Sommerfeld order; corrections (T/E_F)^2) */
  double nB = 0.16 * pow(FB_HBARC_GEV_CM * 1e13, 3), Td = 0.001; /* 0.16 fm^-3, T = 1 MeV */
  double EF = pow(3.0 * FB_PI * FB_PI * nB, 2.0 / 3.0) / (2.0 * m), S = fb_sn_proton_degeneracy_factor(nB, Td, m);
  printf("degenerate: S = %.6f, (3/2) T/E_F = %.6f (E_F = %.2f MeV)\n", S, 1.5 * Td / EF, 1e3 * EF);
  ck_assert_msg(fabs(S / (1.5 * Td / EF) - 1) < 0.02, "degenerate limit %g vs %g", S, 1.5 * Td / EF);
  ck_assert_msg(fb_sn_proton_degeneracy_factor(0.0, T, m) == 1.0 && fb_sn_proton_degeneracy_factor(nq, 0.0, m) == 1.0,
                "bad inputs give 1");
}
END_TEST

static void bc9_edges(bc9_env *s, double mass, int degenerate, double *lo, double *hi) {
  fb_sn_alp_options ao;
  fb_sn_alp_options_default(&ao);
  ao.proton_degeneracy = degenerate;
  bc9_env_edges(s, mass, &ao, lo, hi);
}

START_TEST(test_bc9_degeneracy) {
  bc9_env s;
  bc9_env_init(&s, 0.0, 1);
  /* the factor on the profile */
  double Smin = 1.0;
  for (size_t i = 0; i < s.m.n; i++)
    if (s.m.np_GeV3[i] > 0) Smin = fmin(Smin, s.m.npeff_GeV3[i] / s.m.np_GeV3[i]);
  fb_sn_point c = fb_sn_point_at(&s.m, 0.0), h = fb_sn_point_at(&s.m, 11.0 * s.m.r_far_invGeV / s.m.opt.r_far_km);
  printf("S_p: centre %.4f (T = %.2f MeV), 11 km %.4f (T = %.2f MeV), minimum %.4f\n", c.npeff / c.np, 1e3 * c.T,
         h.npeff / h.np, 1e3 * h.T, Smin);
  ck_assert_msg(Smin > 0.3 && Smin <= 1.0, "S_p minimum %g", Smin);
  ck_assert_msg(c.npeff / c.np < 0.95, "dense cold centre S_p %g not below 0.95", c.npeff / c.np);
  const double ms[] = {1e-3, 0.0507, 0.124, 0.203};
  for (int i = 0; i < 4; i++) {
    double l0, h0, l1, h1;
    bc9_edges(&s, ms[i], 0, &l0, &h0);
    double LP0 = s.t.L0_T;
    bc9_edges(&s, ms[i], 1, &l1, &h1);
    double LP1 = s.t.L0_T;
    printf("BC9 %.4g GeV: Primakoff L/g^2 degenerate / not %.4f; lower edge x%.4f, upper edge x%.4f\n", ms[i],
           LP1 / LP0, l1 / l0, h1 / h0);
    ck_assert_msg(LP1 / LP0 > 0.85 && LP1 / LP0 < 0.98, "Primakoff ratio %g", LP1 / LP0);
    ck_assert_msg(l1 / l0 >= 1.0 && l1 / l0 < 1.06, "lower edge ratio %g", l1 / l0);
    if (ms[i] > 0.1) ck_assert_msg(fabs(l1 / l0 - 1) < 0.01 && fabs(h1 / h0 - 1) < 0.01, "heavy ALP edges moved");
  }
  bc9_env_free(&s);
}
END_TEST

START_TEST(test_bc9_published_lower_unattenuated) {
  bc9_env off;
  bc9_env_init(&off, 0.0, 0);
  double l198, l300, h;
  bc9_edges(&off, PUB_LOW_198_GEV, 1, &l198, &h);
  bc9_edges(&off, PUB_LOW_300_GEV, 1, &l300, &h);
  double ours = l300 / l198, pub = PUB_LOW_300 / PUB_LOW_198;
  /* decay length at the published 300 MeV lower edge: vacuum width g^2 m^3/(64 pi), thermal momentum
   * p = sqrt(3 m T) at the hot shell (T = 40 MeV): lambda = (p/m) / Gamma */
  double m = PUB_LOW_300_GEV, G = PUB_LOW_300 * PUB_LOW_300 * fb_sn_alp_decay_width_GeV(m, 0.0);
  double lam_km = sqrt(3.0 * 0.040 / m) / G * FB_HBARC_GEV_CM * 1e-5;
  printf("lower edge 300/198 MeV: ours without decays %.4f, published %.4f; decay length at the published 300 MeV "
         "edge %.2f km\n", ours, pub, lam_km);
  ck_assert_msg(fabs(pub / ours - 1) < 0.10, "published scaling %g vs unattenuated %g", pub, ours);
  ck_assert_msg(lam_km < 7.0, "decay length %g km", lam_km);
  bc9_env_free(&off);
  bc9_env on;
  bc9_env_init(&on, 0.0, 1);
  double lo, hi;
  bc9_edges(&on, PUB_LOW_300_GEV, 1, &lo, &hi);
  printf("with decays (transfer): 300 MeV band %s\n", isnan(lo) || !(lo > 0) ? "closed" : "open");
  ck_assert_msg(!(lo > 0), "our 300 MeV band is closed by the decays inside R_nu (measured closing mass 0.262 GeV)");
  bc9_env_free(&on);
}
END_TEST

/* the deposition boundary r_b [km] at which the transfer upper edge equals the published one */
START_TEST(test_bc9_implied_boundary) {
  double rb_prev = 1e9;
  for (int i = 0; i < 5; i++) {
    double lo = 11.0, hi = 26.0;
    for (int it = 0; it < 9; it++) {
      double mid = 0.5 * (lo + hi), l, h;
      bc9_env s;
      bc9_env_init(&s, mid, 1);
      bc9_edges(&s, PUB_HIGH_GEV[i], 1, &l, &h);
      bc9_env_free(&s);
      if (h > PUB_HIGH[i]) lo = mid; else hi = mid;
    }
    double rb = 0.5 * (lo + hi);
    bc9_env s;
    bc9_env_init(&s, 0.0, 1);
    double T = fb_sn_point_at(&s.m, rb * s.m.r_far_invGeV / s.m.opt.r_far_km).T;
    printf("BC9 %.0f MeV: published upper edge %.3e reproduced with the boundary at %.2f km (T = %.1f MeV; R_nu = %.1f km)\n",
           1e3 * PUB_HIGH_GEV[i], PUB_HIGH[i], rb, 1e3 * T, s.m.r_nu_km);
    bc9_env_free(&s);
    ck_assert_msg(rb > 12.0 && rb < 18.0, "boundary %g km outside 12-18 km", rb);
    ck_assert_msg(rb < rb_prev + 0.1, "boundary not moving inward with the mass: %g after %g", rb, rb_prev);
    rb_prev = rb;
  }
}
END_TEST

static double gan_high(int criterion, const char *ope) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_alpn a;
  fb_sn_alpn_options bo;
  ck_assert_int_eq(fb_sn_alpn_options_parse(&bo, ope), 0);
  bo.pion_induced = bo.muons = 0;
  ck_assert_int_eq(fb_sn_alpn_init(&a, 10, &bo, &err), FB_OK);
  env e;
  env_init(&e, criterion);
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  a.gn = 1.0;
  a.gp = 0.0;
  double lo, hi;
  ck_assert_msg(fb_sn_alpn_table_compute(&t, &a, &e.m, e.ms, 1e-3, &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(fb_sn_table_edges(&t, e.m.opt.L_nu_erg_s, &lo, &hi, NULL, &err), FB_OK);
  fb_sn_table_free(&t);
  env_free(&e);
  fb_sn_alpn_free(&a);
  return hi;
}

START_TEST(test_bc10_trapping_decomposition) {
  double ct = gan_high(FB_SN_CRIT_TRANSFER, "corrected"), nt = gan_high(FB_SN_CRIT_TRANSFER, "naive");
  double cr = gan_high(FB_SN_CRIT_RAYS, "corrected"), nr = gan_high(FB_SN_CRIT_RAYS, "naive");
  double R = AXIONLIMITS_GAN_TRAP;
  printf("BC10 g_an only, 1 MeV: corrected transfer %.4e (x%.2f), naive transfer %.4e, corrected rays %.4e, "
         "naive rays %.4e (x%.2f of %.2e)\n", ct, ct / R, nt, cr, nr, nr / R, R);
  printf("  OPE corrections x%.3f (transfer) x%.3f (rays); criterion transfer/rays x%.3f (corrected) x%.3f (naive); "
         "residual naive rays / reference x%.3f\n", ct / nt, cr / nr, ct / cr, nt / nr, nr / R);
  ck_assert_msg(ct / nt > 1.8 && ct / nt < 2.6, "OPE factor %g", ct / nt);
  ck_assert_msg(ct / cr > 2.0 && ct / cr < 3.2, "criterion factor %g", ct / cr);
  ck_assert_msg(nr / R > 0.8 && nr / R < 2.0, "residual %g", nr / R);
  ck_assert_msg(fabs((ct / nt) * (nt / nr) * (nr / R) / (ct / R) - 1) < 1e-12, "decomposition");
}
END_TEST

/* the gravitational escape condition (fb_sn_alp_options.escape_boundary) and the largest excluded mass */
START_TEST(test_bc9_escape) {
  fb_err err;
  fb_err_clear(&err);
  bc9_env s;
  bc9_env_init(&s, 0.0, 1);
  fb_sn_alp_options a0, a1;
  fb_sn_alp_options_default(&a0);
  a1 = a0;
  a1.escape_boundary = 1;
  double m0, m1;
  ck_assert_msg(fb_sn_alp_mass_max_GeV(&s.m, &a0, 0.02, 3.0, 2e-3, &m0, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_sn_alp_mass_max_GeV(&s.m, &a1, 0.02, 3.0, 2e-3, &m1, &err) == FB_OK, "%s", err.msg);
  const double ms[] = {0.11, 0.241};
  double r[2][2];
  for (int i = 0; i < 2; i++) {
    double l0, h0, l1, h1;
    ck_assert_int_eq(fb_sn_alp_table_compute_opt(&s.t, &s.m, ms[i], &a0, &err), FB_OK);
    ck_assert_int_eq(fb_sn_table_edges(&s.t, s.m.opt.L_nu_erg_s, &l0, &h0, NULL, &err), FB_OK);
    ck_assert_int_eq(fb_sn_alp_table_compute_opt(&s.t, &s.m, ms[i], &a1, &err), FB_OK);
    ck_assert_int_eq(fb_sn_table_edges(&s.t, s.m.opt.L_nu_erg_s, &l1, &h1, NULL, &err), FB_OK);
    r[i][0] = l1 / l0;
    r[i][1] = h1 / h0;
  }
  printf("BC9 largest excluded mass: escape to r_far %.4f GeV (x%.3f of 0.3603), to R_nu %.4f GeV (x%.4f); edges "
         "110 MeV x%.4f / x%.4f, 241 MeV x%.4f / x%.4f\n", m0, m0 / 0.3603055506552355, m1, m1 / m0, r[0][0], r[0][1],
         r[1][0], r[1][1]);
  ck_assert_msg(m0 > 0.25 && m0 < 0.28, "closing mass %g (documented 0.262)", m0);
  ck_assert_msg(m1 / m0 > 1.01 && m1 / m0 < 1.06, "escape to R_nu moves the closing mass x%g", m1 / m0);
  ck_assert_msg(fabs(r[0][1] - 1) < 0.01 && fabs(r[1][1] - 1) < 0.03, "upper edges moved");
  ck_assert_msg(r[1][0] < 0.95 && r[0][0] < 1.0, "lower edges not lowered");
  bc9_env_free(&s);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("sn_alp_heavy");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_degeneracy_factor);
  tcase_add_test(tc, test_bc9_degeneracy);
  tcase_add_test(tc, test_bc9_published_lower_unattenuated);
  tcase_add_test(tc, test_bc9_implied_boundary);
  tcase_add_test(tc, test_bc9_escape);
  tcase_add_test(tc, test_bc10_trapping_decomposition);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  gsl_set_error_handler_off();
  SRunner *sr = srunner_create(suite());
  srunner_run_all(sr, CK_NORMAL);
  int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
