/**
 * @file test_prod_alp.c
 * @brief The BC10/BC11 production rates (src/production/fb_prod_alp.c) against closed forms and published
 *        numbers (docs/validation.md "BC10 and BC11 BBN bands"):
 *  - t-integrated squared amplitudes of the Yukawa processes against a direct numerical t integral of
 *    sum|M|^2 (our trace results), and f gamma -> f a at low energy against the axion Compton cross
 *    section alpha y^2 omega^2/(3 m^4) (Raffelt, Stars as Laboratories (1996) sec. 3.2);
 *  - the gluon conversion against its leading-logarithm closed form at small alpha_s;
 *  - pi pi -> pi a for massless pions against the closed form 5.625/pi^3 c^2 T^5 (the direct phase-space
 *    Monte Carlo of tests/production/pion_rate_mc.py checks the same number independently, and gives the
 *    Bose-Einstein value 0.195 that our MB statistics leave out);
 *  - the axion thermalisation scale F_a < 1.2e12 GeV of Masso, Rota, Zsembinszki hep-ph/0203221 (abstract);
 *  - the b-quark Yukawa processes against Ferreira & Notari arXiv:1801.06090 (abstract: the b-quark coupling
 *    matters for 1e7 <~ f/c_b <~ 3e8 GeV, L = (c_b/f) d a bbar gamma gamma5 b, i.e. f/c_b = 2 f_l): our f/c_b
 *    where max_T Gamma_b/H = 1 (our reading of the upper end), and the same for the top (reported only: the
 *    electroweak-symmetric phase at T ~ m_t is not modelled, fb_prod_alp.c item 2).
 */
#include <check.h>
#include <math.h>
#include <stdio.h>

#include <gsl/gsl_integration.h>

#include "fb_constants.h"
#include "fb_prod_alp.h"
#include "fb_production.h"
#include "fb_thermo.h"

/* sum|M|^2 at m_a = 0, y = e = 1 (fb_prod_alp.c item 2) as functions of t */
typedef struct me_par {
  double s, m;
} me_par;
static double me_ann(double t, void *p) {
  const me_par *q = p;
  const double u = 2.0 * q->m * q->m - q->s - t, T = t - q->m * q->m, U = u - q->m * q->m;
  return 4.0 * q->s * q->s / (T * U);
}
static double me_compton(double t, void *p) { /* crossing s <-> t of me_ann */
  const me_par *q = p;
  const double u = 2.0 * q->m * q->m - q->s - t, S = q->s - q->m * q->m, U = u - q->m * q->m;
  return -4.0 * t * t / (S * U);
}
static double integrate(double (*f)(double, void *), me_par *p, double a, double b) {
  gsl_integration_workspace *w = gsl_integration_workspace_alloc(2000);
  gsl_function F = {f, p};
  double r, e;
  gsl_integration_qags(&F, a, b, 0.0, 1e-10, 2000, w, &r, &e);
  gsl_integration_workspace_free(w);
  return r;
}

START_TEST(test_yukawa_t_integrals) {
  const double m = 0.1;
  for (double rs = 0.25; rs < 30.0; rs *= 3.0) {
    me_par p = {rs * rs, m};
    /* annihilation: t = m^2 - (s/2)(1 - beta c) */
    const double b = sqrt(1.0 - 4.0 * m * m / p.s);
    const double ia = integrate(me_ann, &p, m * m - 0.5 * p.s * (1.0 + b), m * m - 0.5 * p.s * (1.0 - b));
    ck_assert_msg(fabs(ia / fb_prod_alp_yukawa_ann_I(p.s, m) - 1.0) < 1e-8, "ann sqrt s = %g: %g vs %g", rs, ia,
                  fb_prod_alp_yukawa_ann_I(p.s, m));
    /* Compton: t in [-(s - m^2)^2/s, 0] */
    const double S = p.s - m * m;
    const double ic = integrate(me_compton, &p, -S * S / p.s, 0.0);
    ck_assert_msg(fabs(ic / fb_prod_alp_yukawa_compton_I(p.s, m) - 1.0) < 1e-8, "Compton sqrt s = %g: %g vs %g", rs, ic,
                  fb_prod_alp_yukawa_compton_I(p.s, m));
  }
}
END_TEST

START_TEST(test_compton_nonrelativistic) {
  const double m = FB_ME_GEV, om = 1e-4 * m, s = m * m + 2.0 * m * om, p = (s - m * m) / (2.0 * sqrt(s));
  /* spin-averaged sigma = I / (64 pi s p^2) / 4 at y = 1, times e^2 = 4 pi alpha */
  const double sigma = fb_prod_alp_yukawa_compton_I(s, m) / (64.0 * FB_PI * s * p * p) / 4.0 * 4.0 * FB_PI * FB_ALPHA_EM;
  const double raffelt = FB_ALPHA_EM * om * om / (3.0 * pow(m, 4));
  fprintf(stderr, "Compton omega/m = 1e-4: sigma / (alpha omega^2/(3 m^4)) = %.6f\n", sigma / raffelt);
  ck_assert_msg(fabs(sigma / raffelt - 1.0) < 2e-3, "%g", sigma / raffelt);
}
END_TEST

START_TEST(test_gluon_leading_log) {
  for (double T = 1.0; T < 2e4; T *= 100.0) {
    const double as = 1e-4, r = fb_prod_alp_gluon_conversion_gamma(T, as) / fb_prod_alp_gluon_conversion_leadinglog(T, as);
    fprintf(stderr, "gluon conversion / leading log at alpha_s = 1e-4, T = %g GeV: %.5f\n", T, r);
    ck_assert_msg(fabs(r - 1.0) < 0.01, "T = %g: %g", T, r);
  }
}
END_TEST

START_TEST(test_pion_rate) {
  const double T = 0.1, g = fb_prod_alp_pion_gamma(T, 1e-9, 1e-9) * FB_PI * FB_PI / pow(T, 8);
  fprintf(stderr, "pi pi -> pi a, massless pions: Gamma/(c^2 T^5) = %.5f (closed form %.5f)\n", g, 5.625 / pow(FB_PI, 3));
  ck_assert(fabs(g / (5.625 / pow(FB_PI, 3)) - 1.0) < 1e-4);
  /* massive pions suppress the rate, monotonically towards low T */
  double prev = 2.0;
  for (double t = 0.3; t > 0.02; t /= 1.5) {
    const double h = fb_prod_alp_pion_gamma(t, FB_MPI_CHARGED_GEV, FB_MPI0_GEV) / fb_prod_alp_pion_gamma(t, 1e-9, 1e-9);
    ck_assert_msg(h > 0.0 && h < prev, "h(%g) = %g", t, h);
    prev = h;
  }
  ck_assert(fabs(fb_prod_alp_c_api() - (1.0 - FB_MU_QUARK_GEV / FB_MD_QUARK_GEV) / (3.0 * (1.0 + FB_MU_QUARK_GEV / FB_MD_QUARK_GEV))) < 1e-15);
}
END_TEST

/* F_a where Gamma(T = F_a) = H(T = F_a) (g_* = 106.75): our reading of the criterion of hep-ph/0203221 */
START_TEST(test_masso_threshold) {
  double lo = 1e10, hi = 1e15;
  for (int i = 0; i < 60; ++i) {
    const double F = sqrt(lo * hi);
    const double G = fb_prod_alp_gluon_gamma(F) * FB_PI * FB_PI / pow(F, 5);
    const double H = sqrt(FB_PI * FB_PI / 30.0 * 106.75 / 3.0) * F * F / FB_MPL_REDUCED_GEV;
    if (G > H) lo = F;
    else hi = F;
  }
  fprintf(stderr, "thermalisation scale F_a = %.3g GeV (hep-ph/0203221: 1.2e12 GeV; ratio %.2f)\n", lo, lo / 1.2e12);
  ck_assert_msg(lo / 1.2e12 > 1.0 / 3.0 && lo / 1.2e12 < 3.0, "%g", lo);
}
END_TEST

START_TEST(test_rates_positive_and_continuous) {
  double prev10 = 0.0, prev11 = 0.0;
  for (double T = 1e-3; T < 1e5; T *= 1.2) {
    const double r10 = fb_prod_bc10_rate_unit(T), r11 = fb_prod_bc11_rate_unit(T);
    ck_assert_msg(isfinite(r10) && r10 > 0.0 && isfinite(r11) && r11 > 0.0, "T = %g: %g %g", T, r10, r11);
    /* no jumps larger than the T^(1..3) growth, the crossover switch and the pions' Boltzmann factor
     * exp(-2 m_pi/T) allow on a 20% step */
    const double boltz = 30.0 * exp(2.0 * FB_MPI_CHARGED_GEV / T * (1.2 - 1.0));
    if (prev10 > 0.0)
      ck_assert_msg(r10 / prev10 < 30.0 && r10 / prev10 > 0.3 && r11 / prev11 < boltz && r11 / prev11 > 0.3,
                    "T = %g: %g %g", T, r10 / prev10, r11 / prev11);
    prev10 = r10;
    prev11 = r11;
  }
}
END_TEST

/* f/c_q (arXiv:1801.06090 convention) where the largest Gamma_q/H over T equals 1 */
static double yukawa_threshold(double mq, double Q2) {
  fb_err err = {0};
  fb_thermo th;
  if (fb_thermo_init(&th, &err) != FB_OK) return NAN;
  double best = 0.0;
  for (double T = mq / 30.0; T < 30.0 * mq; T *= 1.05) {
    const double gs2 = 4.0 * FB_PI * fb_prod_alp_alphas_T(T), e2 = 4.0 * FB_PI * FB_ALPHA_EM;
    const double mk = sqrt(mq * mq + gs2 * T * T / 3.0);
    const double G = mq * mq * fb_prod_alp_yukawa_gamma(mk, 3.0 * e2 * Q2 + 4.0 * gs2, T) * FB_PI * FB_PI / pow(T, 3);
    const double H = sqrt(FB_PI * FB_PI / 30.0 * fb_thermo_gstar_rho(&th, T) / 3.0) * T * T / FB_MPL_REDUCED_GEV;
    best = fmax(best, G / H);
  }
  fb_thermo_free(&th);
  return 2.0 * sqrt(best); /* Gamma ~ 1/f_l^2; f/c = 2 f_l */
}

/* The BC9 Primakoff rate below the e+e- era (fb_prod_bc9.c): with few charged targets the screening K2 is far
 * below (k - p)^2, where the old direct difference of the two O(1/K2) terms lost everything to rounding and went
 * negative (m = 46 keV at T = 1.8 keV: -7e-47 T), and with none (T < m_e/500) it was 0/0, which failed every
 * bc9_cmb point below 46 keV. The rate must be finite, >= 0 and non-decreasing in T (fewer targets and photons
 * at lower T), and 0 where no charged species is left. */
START_TEST(test_primakoff_weak_screening) {
  const double ms[3] = {1e-6, 4.6e-5, 1e-3};
  for (int j = 0; j < 3; ++j) {
    double prev = 0.0;
    for (double lT = -8.0; lT <= -2.0; lT += 0.125) {
      const double T = pow(10.0, lT), r = fb_prod_bc9_primakoff_rate(ms[j], 1e-10, T);
      ck_assert_msg(isfinite(r) && r >= 0.0, "m = %g GeV, T = %g GeV: rate %g", ms[j], T, r);
      ck_assert_msg(r >= prev * (1.0 - 1e-12), "m = %g GeV: rate falls from %g to %g at T = %g GeV", ms[j], prev, r,
                    T);
      prev = r;
    }
  }
  ck_assert(fb_prod_bc9_primakoff_rate(4.6e-5, 1e-10, 1e-8) == 0.0);
}
END_TEST

START_TEST(test_ferreira_notari) {
  const double fb = yukawa_threshold(FB_MB_QUARK_GEV, 1.0 / 9.0), ft = yukawa_threshold(FB_MT_QUARK_GEV, 4.0 / 9.0);
  fprintf(stderr, "max Gamma/H = 1 at f/c_b = %.3g GeV (arXiv:1801.06090: 3e8, ratio %.2f), f/c_t = %.3g GeV (4e8, ratio %.2f)\n",
          fb, fb / 3e8, ft, ft / 4e8);
  ck_assert_msg(fb / 3e8 > 1.0 / 3.0 && fb / 3e8 < 3.0, "f/c_b = %g", fb);
}
END_TEST

int main(void) {
  Suite *s = suite_create("prod_alp");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_yukawa_t_integrals);
  tcase_add_test(tc, test_compton_nonrelativistic);
  tcase_add_test(tc, test_gluon_leading_log);
  tcase_add_test(tc, test_pion_rate);
  tcase_add_test(tc, test_masso_threshold);
  tcase_add_test(tc, test_rates_positive_and_continuous);
  tcase_add_test(tc, test_ferreira_notari);
  tcase_add_test(tc, test_primakoff_weak_screening);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf ? 1 : 0;
}
