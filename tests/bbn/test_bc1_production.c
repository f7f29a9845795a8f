/**
 * @file test_bc1_production.c
 * @brief BC1 dark-photon production by resonant conversion and 2 -> 2 scatterings
 *        (src/production/fb_prod_bc1.c) and the abundance it gives (src/bbn/bbn_abundance.c):
 *  - the plasma frequency of relativistic e+- (omega_p = e T/3, v_* = 1; Braaten & Segel hep-ph/9302213);
 *  - detailed balance: a thermalised A' (large eps) sits at n_eq; the rate scales as eps^2;
 *  - the freeze-in yield by inverse decays against the closed form of Fradette, Pospelov, Pradler, Ritz
 *    arXiv:1407.0993 eq. for Y_f^e = (9/(4 pi)) m^3 Gamma_ee/(H s)|_{T=m} (e+e- only, m = 10 MeV);
 *  - the resonant contribution against the same paper's Delta Y_f^r ~ 0.17 m^3 Gamma_ee/(H s)|_{T=m}
 *    (ratio to inverse decays 0.17/(9/(4 pi)) = 0.237) and against Xu & Zhou arXiv:2512.08528 (abstract:
 *    on/off-resonance ratio 4 pi e/27 = 0.14 for heavy dark photons): tolerance factor 2 on each, fixed
 *    before comparing;
 *  - the 2 -> 2 scatterings are a correction of order alpha x logarithms to inverse decays (< 50 %).
 */
#include <check.h>
#include <math.h>
#include <stdio.h>

#include "bbn.h"
#include "fb_constants.h"
#include "fb_production.h"
#include "fb_thermo.h"

static fb_thermo g_th;
static fb_production g_p;

static void setup(void) {
  fb_err err = {0};
  ck_assert_int_eq(fb_thermo_init(&g_th, &err), FB_OK);
  ck_assert_int_eq(fb_production_init(&g_p, "bc1", NULL, &err), FB_OK);
}
static void teardown(void) {
  fb_production_free(&g_p);
  fb_thermo_free(&g_th);
}

START_TEST(test_plasma_frequency) {
  /* T = 5 MeV: e+- relativistic to (m_e/T)^2 ~ 1 %, muons absent (e^{-21}) */
  double wp, v;
  fb_prod_bc1_plasma(g_p.state, 5e-3, &wp, &v);
  const double want = sqrt(4.0 * FB_PI * FB_ALPHA_EM) * 5e-3 / 3.0;
  printf("omega_p(5 MeV) = %.6g GeV (e T/3 = %.6g), v_* = %.5f\n", wp, want, v);
  ck_assert_msg(fabs(wp / want - 1.0) < 0.02, "omega_p = %g vs %g", wp, want);
  ck_assert_msg(v > 0.98 && v <= 1.0, "v_* = %g", v);
}
END_TEST

typedef struct part_ctx {
  const fb_production *p;
  double m;
  int which; /* 0 total, 1 resonant, 2 2->2 */
} part_ctx;

static double part_cb(double T, void *user) {
  const part_ctx *c = user;
  double res, scat;
  const double tot = fb_prod_bc1_rate_parts(c->p->state, c->m, T, &res, &scat);
  const double eps2 = 1e-24; /* eps = 1e-12 */
  return eps2 * (c->which == 0 ? tot : (c->which == 1 ? res : scat));
}

/* Y at T0 = m/50 from T_RH = 1000 m: inverse decays with Gamma_ee only, plus a part of the production */
static double yield(double m, int which) {
  fb_err err = {0};
  const double eps = 1e-12, a = FB_ALPHA_EM;
  const double me2 = FB_ME_GEV * FB_ME_GEV / (m * m);
  const double Gee = a * eps * eps * m / 3.0 * (1.0 + 2.0 * me2) * sqrt(1.0 - 4.0 * me2);
  part_ctx c = {&g_p, m, which};
  const bbn_abundance_opts o = {0, part_cb, &c};
  double Y, r;
  ck_assert_int_eq(bbn_thermal_abundance(&g_th, m, 3.0, Gee, which < 0 ? NULL : &o, 1000.0 * m, m / 50.0, &Y, &r, &err),
                   FB_OK);
  return Y;
}

START_TEST(test_yield_vs_1407_0993) {
  const double ms[] = {0.01, 0.03, 0.1};
  for (int i = 0; i < 3; ++i) {
    const double m = ms[i];
    const double Yid = yield(m, -1), Yres = yield(m, 1) - Yid, Y22 = yield(m, 2) - Yid;
    /* Fradette et al.: Y = (9/(4 pi)) m^3 Gamma_ee/(H s) at T = m, with g_* = g_*s at T = m */
    const double eps = 1e-12, Gee = FB_ALPHA_EM * eps * eps * m / 3.0;
    const double gs = fb_thermo_gstar_s(&g_th, m), g = fb_thermo_gstar_rho(&g_th, m);
    const double H = sqrt(8.0 * FB_PI * FB_PI * FB_PI * g / 90.0) * m * m / FB_MPL_GEV;
    const double s = 2.0 * FB_PI * FB_PI / 45.0 * gs * m * m * m;
    const double Yf = 9.0 / (4.0 * FB_PI) * m * m * m * Gee / (H * s);
    printf("m = %g GeV: Y_ID = %.4g (1407.0993 closed form %.4g, ratio %.3f); Y_res/Y_ID = %.3f (1407.0993: 0.237, "
           "2512.08528: 0.141); Y_2to2/Y_ID = %.3f\n", m, Yid, Yf, Yid / Yf, Yres / Yid, Y22 / Yid);
    if (m == 0.01) ck_assert_msg(fabs(Yid / Yf - 1.0) < 0.2, "Y_ID/Y_closed = %g", Yid / Yf);
    ck_assert_msg(Yres / Yid > 0.237 / 2.0 && Yres / Yid < 0.237 * 2.0, "m = %g: Y_res/Y_ID = %g", m, Yres / Yid);
    ck_assert_msg(Y22 / Yid > 0.0 && Y22 / Yid < 0.5, "m = %g: Y_2to2/Y_ID = %g", m, Y22 / Yid);
  }
}
END_TEST

/* The 2 -> 2 cross sections: at m_A' -> 0 the annihilation is twice e+e- -> gamma gamma, (2 pi alpha^2/s)
 * (ln(s/m_e^2) - 1), and the Compton-like one the high-energy Klein-Nishina (2 pi alpha^2/s)(ln(s/m_e^2) + 1/2)
 * (Berestetskii, Lifshitz, Pitaevskii, QED, secs. 86-88); at m_A' > 0 the closed forms equal the numerical
 * integral of the angular distribution dsigma/dcos(theta) = (2 pi alpha^2/s)(1 - m^2/s)[(1 + c^2) +
 * 4 m^2 s/(s - m^2)^2]/(1 - c^2) (e+e- -> gamma A', the e+e- -> gamma Z form of the same |M|^2) with the
 * same cut |t| > m_eff^2 (s - m^2)/s at the collinear ends. Tolerances 1e-6 (limits) and 2 % (the closed
 * form drops O(m_eff^2/s) terms at the cut). */
START_TEST(test_cross_sections) {
  const double a = FB_ALPHA_EM, me2 = FB_ME_GEV * FB_ME_GEV, s = 0.37;
  const double ann0 = a * a * fb_prod_bc1_sigma_GeV2(1, s, 1e-9, me2), c0 = a * a * fb_prod_bc1_sigma_GeV2(0, s, 1e-9, me2);
  const double want_ann = 2.0 * 2.0 * FB_PI * a * a / s * (log(s / me2) - 1.0);
  const double want_c = 2.0 * FB_PI * a * a / s * (log(s / me2) + 0.5);
  ck_assert_msg(fabs(ann0 / want_ann - 1.0) < 1e-6, "annihilation, m -> 0: %g vs %g", ann0, want_ann);
  ck_assert_msg(fabs(c0 / want_c - 1.0) < 1e-6, "Compton, m -> 0: %g vs %g", c0, want_c);
  const double ms[] = {0.1, 0.3, 0.5};
  for (int i = 0; i < 3; ++i) {
    const double m = ms[i], d = s - m * m, meff2 = 1e-4;
    /* |t| = d (1 - c)/2 > meff2 d/s  <=>  c < 1 - 2 meff2/s (and symmetrically for u) */
    const double cmax = 1.0 - 2.0 * meff2 / s;
    const int n = 200000;
    double I = 0.0;
    for (int k = 0; k < n; ++k) { /* midpoint rule in y = atanh(c) to resolve the collinear peaks */
      const double ymax = atanh(cmax), y = -ymax + (k + 0.5) * 2.0 * ymax / n, c = tanh(y), dc = (1.0 - c * c) * 2.0 * ymax / n;
      I += 2.0 * FB_PI / s * (1.0 - m * m / s) * ((1.0 + c * c) + 4.0 * m * m * s / (d * d)) / (1.0 - c * c) * dc;
    }
    const double closed = fb_prod_bc1_sigma_GeV2(1, s, m, meff2);
    printf("sigma(e+e- -> gamma A')/alpha^2 at s = %g, m = %g: closed %.6g, angular integral %.6g\n", s, m, closed, I);
    ck_assert_msg(fabs(closed / I - 1.0) < 0.02, "m = %g: %g vs %g", m, closed, I);
  }
}
END_TEST

/* the resonant rate's bin integral (delta function solved for T at each k) against dense midpoint sampling of
 * the point rate (delta function solved for k at each T), across the opening of the T window at m = 4.86 MeV
 * (a sharp peak of the point rate near T = 36.8 MeV) and inside the L window: two independent evaluations
 * of the same narrow-resonance integral; tolerance 3 %. */
START_TEST(test_resonant_bin) {
  const double m = 0.00486, bins[3][2] = {{0.0355, 0.0385}, {0.045, 0.05}, {0.08, 0.1}};
  for (int b = 0; b < 3; ++b) {
    const double lo = log(bins[b][0]), hi = log(bins[b][1]);
    const int n = 10000;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
      double res;
      fb_prod_bc1_rate_parts(g_p.state, m, exp(lo + (i + 0.5) * (hi - lo) / n), &res, NULL);
      sum += res * (hi - lo) / n;
    }
    const double bin = fb_prod_bc1_resonant_bin(g_p.state, m, bins[b][0], bins[b][1]);
    printf("resonant bin [%g, %g] GeV at m = %g GeV: %.5g (k form) vs %.5g (sampled T), ratio %.4f\n", bins[b][0],
           bins[b][1], m, bin, sum, bin / sum);
    ck_assert_msg(fabs(bin / sum - 1.0) < 0.03, "bin %d: %g vs %g", b, bin, sum);
  }
}
END_TEST

/* the per-mass table (FB_PRODUCTION_TABLE_PER_EFOLD points per e-fold, bin averages) against the direct rate
 * in the abundance ODE, T_RH = 1000 GeV -> T0 = 10 MeV as bc1_bbn, eps = 1e-12: tolerance 2 % */
START_TEST(test_table_vs_direct) {
  const double ms[] = {0.00486, 0.0118, 0.07, 0.41};
  for (int i = 0; i < 4; ++i) {
    fb_err err = {0};
    const double m = ms[i], eps = 1e-12, Gamma = FB_ALPHA_EM * eps * eps * m / 3.0;
    fb_production_table t = {0};
    ck_assert_int_eq(fb_production_table_build(&t, &g_p, m, 2.0, 5e-3, 1010.0, FB_PRODUCTION_TABLE_PER_EFOLD, &err), FB_OK);
    fb_production_point pt = {&g_p, m, eps};
    fb_production_table_point tpt = {&t, eps};
    const bbn_abundance_opts od = {0, fb_production_callback, &pt}, ot = {0, fb_production_table_callback, &tpt};
    double Yd, Yt, r;
    ck_assert_int_eq(bbn_thermal_abundance(&g_th, m, 3.0, Gamma, &od, 1000.0, 1e-2, &Yd, &r, &err), FB_OK);
    ck_assert_int_eq(bbn_thermal_abundance(&g_th, m, 3.0, Gamma, &ot, 1000.0, 1e-2, &Yt, &r, &err), FB_OK);
    printf("m = %g GeV: Y(table)/Y(direct) = %.4f\n", m, Yt / Yd);
    ck_assert_msg(fabs(Yt / Yd - 1.0) < 0.02, "m = %g: %g", m, Yt / Yd);
    fb_production_table_free(&t);
  }
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("bc1_production");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_plasma_frequency);
  tcase_add_test(tc, test_cross_sections);
  tcase_add_test(tc, test_yield_vs_1407_0993);
  tcase_add_test(tc, test_resonant_bin);
  tcase_add_test(tc, test_table_vs_direct);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(suite());
  srunner_run_all(sr, CK_VERBOSE);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? 0 : 1;
}
