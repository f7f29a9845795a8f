/**
 * @file test_cascade.c
 * @brief Tests of the electromagnetic cascade after BBN (src/bbn/bbn_cascade.c, issue 15).
 *
 * References independent of the code's own construction:
 *  - Bethe-Heitler: the integral of the differential cross section (Motz, Olsen, Koch 3D-0000)
 *    against Maximon's separate expansion of the total cross section (J. Res. NBS 72B (1968) 79).
 *  - Compton: number and energy conservation of the Klein-Nishina kernels against the analytic
 *    Klein-Nishina total cross section.
 *  - Double-photon pair creation: the rate against an independent angle-averaged integral
 *    Gamma = int d eps n(eps) int dmu (1 - mu)/2 sigma_BW(2 E eps (1 - mu)); the e+- spectrum
 *    (Aharonian et al. 1983) against 2 Gamma (two leptons per pair) and energy conservation.
 *  - Inverse Compton: the Thomson limit sigma_T n_gamma, energy conservation of its two kernels.
 *  - Cascade: grid convergence, and the "universal" spectrum shape (Kawasaki & Moroi
 *    astro-ph/9412055; Cyburt et al. astro-ph/0211258) in its regime E_X < E < E_C.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>

#include "bbn_cascade.h"
#include "fb_constants.h"

#define ME (FB_ME_GEV * 1e3)

static bbn_cascade_ws WS;

typedef struct { const bbn_cascade_bg *bg; int proc, out; double Ep; int weight_E; } kq;

static double kq_f(double E, void *p) {
  const kq *c = p;
  const double k = bbn_cascade_kernel(&WS, c->proc, c->out, E, c->Ep, c->bg);
  return c->weight_E ? E * k : k;
}

static double integ(kq *c, double a, double b) {
  gsl_integration_workspace *w = gsl_integration_workspace_alloc(4000);
  gsl_function F = {kq_f, c};
  double r = NAN, e;
  gsl_integration_qags(&F, a, b, 0.0, 1e-6, 4000, w, &r, &e);
  gsl_integration_workspace_free(w);
  return r;
}

static bbn_cascade_bg background(double T) {
  fb_err err;
  bbn_cascade_bg bg;
  ck_assert_msg(bbn_cascade_background(T, 6.14e-10, 0.753, 0.0618, &bg, &err) == FB_OK, "%s", err.msg);
  return bg;
}

START_TEST(test_bethe_heitler_total) {
  const bbn_cascade_bg bg = background(2.3e-4);
  const double k[] = {2.5, 5.3, 31.0, 207.0, 2900.0};
  for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
    kq c = {&bg, BBN_CASC_BH, BBN_CASC_E, k[i], 0};
    const double num = integ(&c, ME * (1 + 1e-12), k[i] - ME * (1 + 1e-12));
    const double tot = bbn_cascade_rate(&WS, BBN_CASC_BH, k[i], &bg);
    printf("BH k = %g MeV: int dsigma / (2 sigma_Maximon) = %.6f\n", k[i], num / (2.0 * tot));
    ck_assert_msg(fabs(num / (2.0 * tot) - 1.0) < 1e-3, "k = %g: %g", k[i], num / (2 * tot));
  }
}
END_TEST

START_TEST(test_compton_conservation) {
  const bbn_cascade_bg bg = background(4.1e-5);
  const double Ep[] = {1.7, 13.0, 420.0};
  for (size_t i = 0; i < 3; i++) {
    const double lo = Ep[i] / (1.0 + 2.0 * Ep[i] / ME), G = bbn_cascade_rate(&WS, BBN_CASC_COMPTON, Ep[i], &bg);
    kq g = {&bg, BBN_CASC_COMPTON, BBN_CASC_GAMMA, Ep[i], 0}, e = {&bg, BBN_CASC_COMPTON, BBN_CASC_E, Ep[i], 0};
    const double ng = integ(&g, lo, Ep[i]), ne = integ(&e, ME, Ep[i] + ME - lo);
    g.weight_E = e.weight_E = 1;
    const double en = integ(&g, lo, Ep[i]) + integ(&e, ME, Ep[i] + ME - lo);
    ck_assert_msg(fabs(ng / G - 1) < 1e-5 && fabs(ne / G - 1) < 1e-5, "%g %g", ng / G, ne / G);
    ck_assert_msg(fabs(en / ((Ep[i] + ME) * G) - 1) < 1e-5, "energy %g", en / ((Ep[i] + ME) * G));
  }
}
END_TEST

/* independent DP rate: Gamma = int d eps n(eps) int_{-1}^{1} dmu (1 - mu)/2 sigma(2 E eps (1 - mu)) */
typedef struct { double E, T, eps; } dpi;
static double sig_bw(double s) {
  if (s <= 4 * ME * ME) return 0.0;
  const double b2 = 1 - 4 * ME * ME / s, b = sqrt(b2), re2 = pow(FB_ALPHA_EM / ME, 2);
  return 0.5 * M_PI * re2 * (1 - b2) * ((3 - b2 * b2) * log((1 + b) / (1 - b)) - 2 * b * (2 - b2));
}
static double dp_mu(double mu, void *p) {
  const dpi *c = p;
  return 0.5 * (1 - mu) * sig_bw(2 * c->E * c->eps * (1 - mu));
}
static double dp_eps(double leps, void *p) {
  dpi *c = p;
  c->eps = exp(leps);
  const double mu_max = 1 - 2 * ME * ME / (c->E * c->eps);
  if (mu_max <= -1) return 0.0;
  gsl_integration_workspace *w = gsl_integration_workspace_alloc(1000);
  gsl_function F = {dp_mu, c};
  double r, e;
  gsl_integration_qags(&F, -1, mu_max, 0, 1e-8, 1000, w, &r, &e);
  gsl_integration_workspace_free(w);
  return c->eps * c->eps * c->eps / (M_PI * M_PI * expm1(c->eps / c->T)) * r;
}

START_TEST(test_double_photon_pair) {
  const double T = 1.3e-4, EC = ME * ME / (22 * T);
  const bbn_cascade_bg bg = background(T);
  const double x[] = {0.7, 1.5, 4.0, 17.0};
  for (size_t i = 0; i < 4; i++) {
    const double E = x[i] * EC, G = bbn_cascade_rate(&WS, BBN_CASC_DP, E, &bg);
    dpi c = {E, T, 0};
    gsl_integration_workspace *w = gsl_integration_workspace_alloc(1000);
    gsl_function F = {dp_eps, &c};
    double ref, e;
    gsl_integration_qags(&F, log(ME * ME / E), log(200 * T), 0, 1e-7, 1000, w, &ref, &e);
    gsl_integration_workspace_free(w);
    printf("DP E/E_C = %g: rate / independent = %.6f\n", x[i], G / ref);
    ck_assert_msg(fabs(G / ref - 1) < 2e-3, "E/EC = %g: %g", x[i], G / ref);
    if (x[i] >= 1.5) { /* the lepton spectrum uses the soft-photon limit: checked away from threshold */
      kq k = {&bg, BBN_CASC_DP, BBN_CASC_E, E, 0};
      const double num = integ(&k, ME, E);
      k.weight_E = 1;
      const double en = integ(&k, ME, E);
      printf("   leptons / 2 Gamma = %.5f, energy / (E Gamma) = %.5f\n", num / (2 * G), en / (E * G));
      ck_assert_msg(fabs(num / (2 * G) - 1) < 0.02 && fabs(en / (E * G) - 1) < 0.02, "%g %g", num / (2 * G), en / (E * G));
    }
  }
}
END_TEST

START_TEST(test_inverse_compton) {
  /* Thomson limit: gamma eps / me << 1 and gamma >> 1 */
  const double T = 1.1e-6;
  const bbn_cascade_bg bg = background(T);
  const double sT = 8 * M_PI / 3 * pow(FB_ALPHA_EM / ME, 2), ng = 2 * FB_ZETA3 / (M_PI * M_PI) * T * T * T;
  const double G = bbn_cascade_rate(&WS, BBN_CASC_ICS, 12.0, &bg);
  printf("ICS rate / (sigma_T n_gamma) = %.5f\n", G / (sT * ng));
  ck_assert_msg(fabs(G / (sT * ng) - 1) < 0.01, "%g", G / (sT * ng));
  /* energy conservation in the Klein-Nishina regime */
  const bbn_cascade_bg bg2 = background(2.0e-4);
  const double Ee[] = {3.0, 60.0, 900.0};
  for (size_t i = 0; i < 3; i++) {
    const double Gi = bbn_cascade_rate(&WS, BBN_CASC_ICS, Ee[i], &bg2);
    kq g = {&bg2, BBN_CASC_ICS, BBN_CASC_GAMMA, Ee[i], 1}, e = {&bg2, BBN_CASC_ICS, BBN_CASC_E, Ee[i], 1};
    const double en = integ(&g, 1e-12, Ee[i]) + integ(&e, ME, Ee[i]);
    printf("ICS Ee = %g: energy out / in = %.6f\n", Ee[i], en / (Ee[i] * Gi));
    ck_assert_msg(fabs(en / (Ee[i] * Gi) - 1) < 3e-3, "%g", en / (Ee[i] * Gi));
    g.weight_E = 0;
    ck_assert_msg(fabs(integ(&g, 1e-12, Ee[i]) / Gi - 1) < 1e-3, "photon number");
  }
}
END_TEST

static void solve(double T, double E0, int npd, int univ, int photon, bbn_cascade_spec *s) {
  fb_err err;
  const bbn_cascade_bg bg = background(T);
  bbn_cascade_opts o;
  bbn_cascade_opts_default(&o);
  o.n_per_decade = npd;
  o.universal = univ;
  ck_assert_msg(bbn_cascade_solve(&WS, &bg, E0, photon ? 2.0 : 0.0, photon ? 0.0 : 2.0, &o, s, &err) == FB_OK, "%s", err.msg);
}

static double interp_f(const bbn_cascade_spec *s, double E) {
  for (int i = 0; i + 1 < s->n; i++)
    if (E >= s->E_MeV[i] && E <= s->E_MeV[i + 1]) {
      const double u = log(E / s->E_MeV[i]) / log(s->E_MeV[i + 1] / s->E_MeV[i]);
      return exp((1 - u) * log(bbn_cascade_fgamma(s, i)) + u * log(bbn_cascade_fgamma(s, i + 1)));
    }
  return NAN;
}

START_TEST(test_cascade_convergence) {
  for (int photon = 0; photon < 2; photon++) {
    bbn_cascade_spec a, b;
    solve(3.3e-5, 300.0, 30, 0, photon, &a);
    solve(3.3e-5, 300.0, 90, 0, photon, &b);
    const double E[] = {2.3, 6.7, 19.0, 55.0};
    for (int i = 0; i < 4; i++) {
      const double r = interp_f(&a, E[i]) / interp_f(&b, E[i]);
      printf("%s: F(30/dec)/F(90/dec) at %g MeV = %.4f\n", photon ? "gamma" : "e+e-", E[i], r);
      ck_assert_msg(fabs(r - 1) < 0.03, "E = %g: %g", E[i], r);
    }
    bbn_cascade_spec_free(&a);
    bbn_cascade_spec_free(&b);
  }
}
END_TEST

START_TEST(test_universal_regime) {
  /* E0 >> E_C: the full solution follows the universal shape between E_X/3 and E_C/2 */
  const double T = 1.0e-4, EC = ME * ME / (22 * T), EX = ME * ME / (80 * T);
  bbn_cascade_spec f, u;
  solve(T, 800.0, 40, 0, 1, &f);
  solve(T, 800.0, 40, 1, 1, &u);
  double rmin = 1e300, rmax = 0;
  for (int i = 0; i < f.n; i++) {
    if (f.E_MeV[i] < EX / 3 || f.E_MeV[i] > EC / 2) continue;
    const double r = bbn_cascade_fgamma(&f, i) / bbn_cascade_fgamma(&u, i);
    rmin = fmin(rmin, r);
    rmax = fmax(rmax, r);
  }
  printf("full / universal in [E_X/3, E_C/2]: %.3f - %.3f\n", rmin, rmax);
  ck_assert_msg(rmax / rmin < 1.3, "shape differs: %g - %g", rmin, rmax);
  ck_assert_msg(rmin > 0.5 && rmax < 3.0, "normalisation: %g - %g", rmin, rmax);
  /* above E_C the full spectrum is cut off by pair creation */
  const int top = f.n - 3;
  ck_assert(bbn_cascade_fgamma(&f, top) < 1e-6 * interp_f(&f, EC / 2));
  bbn_cascade_spec_free(&f);
  bbn_cascade_spec_free(&u);
}
END_TEST

START_TEST(test_errors) {
  fb_err err;
  bbn_cascade_bg bg = background(1e-4);
  bbn_cascade_opts o;
  bbn_cascade_opts_default(&o);
  bbn_cascade_spec s;
  ck_assert_int_eq(bbn_cascade_solve(&WS, &bg, 1.2, 1.0, 0.0, &o, &s, &err), FB_ERR_RANGE);
  o.n_per_decade = 3;
  ck_assert_int_eq(bbn_cascade_solve(&WS, &bg, 100.0, 1.0, 0.0, &o, &s, &err), FB_ERR_RANGE);
  ck_assert_int_eq(bbn_cascade_background(-1.0, 6e-10, 0.75, 0.06, &bg, &err), FB_ERR_RANGE);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  fb_err err;
  if (bbn_cascade_ws_init(&WS, &err) != FB_OK) return 1;
  Suite *s = suite_create("bbn_cascade");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, test_bethe_heitler_total);
  tcase_add_test(tc, test_compton_conservation);
  tcase_add_test(tc, test_double_photon_pair);
  tcase_add_test(tc, test_inverse_compton);
  tcase_add_test(tc, test_cascade_convergence);
  tcase_add_test(tc, test_universal_regime);
  tcase_add_test(tc, test_errors);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  bbn_cascade_ws_free(&WS);
  return nf == 0 ? 0 : 1;
}
