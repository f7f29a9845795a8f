/**
 * @file test_bbn_decay_flight.c
 * @brief Decays in flight of a moving FIP in the network's p <-> n sources (src/bbn/bbn_mesons.c,
 *        bbn_kaons.c, bbn_nu_conversion.c, with the boost of bbn_em_injection.c; review finding 4 of session 8).
 *
 * References (closed forms derived here, independent of the code's formulas):
 *  - isotropic boost of a massless daughter of energy E*: E = gamma E* (1 + beta c), c uniform in [-1, 1], so
 *    <E> = gamma <E*> (energy conservation), <E^2> = gamma^2 (1 + beta^2/3) <E*^2>, <E^3> = gamma^3 (1 + beta^2)
 *    <E*^3>; the V-A moments <x^k> = int f(x) x^k dx: 2 x^2 (3 - 2x): 2 [3/(k+3) - 2/(k+4)] = 7/10, 8/15, 3/7;
 *    12 x^2 (1 - x): 12/((k+3)(k+4)) = 3/5, 2/5, 2/7; a massive daughter's box [gamma (E* - beta p*), gamma (E* + beta p*)] has mean gamma E*;
 *  - the cumulative lab spectrum P(E_lab < E) = int dx f(x) (1 + c*(x))/2, c* = clamp((E/(gamma x W) - 1)/beta),
 *    a one-dimensional quadrature here, against the integral of the closed-form dN/dE (bbn_boosted_va_dnde);
 *  - gamma -> 1: the boosted integrals equal the rest-frame sums (relative 1e-10 at gamma - 1 = 1e-11);
 *  - X's optical depth: the background's stored proper-time depth against the trapezoid rule of
 *    int (m/E(t)) dt/tau over the background's own a(t), and its end value against the background's
 *    X_left_end (the ODE's own state); the network source's decay rate: in flight / at rest =
 *    exp(t/tau - depth) / gamma_X exactly (pions only: the rates are linear in it).
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>

#include "bbn.h"
#include "bbn_em_injection.h"
#include "bbn_internal.h"
#include "fb_constants.h"

typedef struct { int k; double scale; } pow_ctx;
static void f_pow(double E, void *ctx, double out[2]) {
  const pow_ctx *c = ctx;
  out[0] = pow(E / c->scale, c->k);
  out[1] = exp(-E / c->scale); /* a non-polynomial function */
}

START_TEST(test_boost_moments) {
  const double gam = 1.7, b = sqrt(1.0 - 1.0 / (gam * gam));
  /* massless and massive boxes */
  double lo, hi;
  bbn_boost_flat_range(gam, 50.0, 0.0, &lo, &hi);
  ck_assert_double_eq_tol(0.5 * (lo + hi), gam * 50.0, 1e-12);
  ck_assert_double_eq_tol(hi / lo, (1.0 + b) / (1.0 - b), 1e-12);
  const double mK = FB_MK0_GEV * 1e3, Es = 1.3 * mK, ps = sqrt(Es * Es - mK * mK);
  bbn_boost_flat_range(gam, Es, mK, &lo, &hi);
  ck_assert_double_eq_tol(0.5 * (lo + hi) / (gam * Es), 1.0, 1e-14);
  ck_assert_double_eq_tol(0.5 * (hi - lo) / (gam * b * ps), 1.0, 1e-14);
  bbn_boost_flat_range(1.0, Es, mK, &lo, &hi); /* at rest */
  ck_assert(lo == Es && hi == Es);
  /* moments of the boosted spectra: line, V-A nu_mu-like (mean 0.7 E_max), anti-nu_e-like (0.6) */
  const int shapes[3] = {BBN_NU_LINE, BBN_NU_MICHEL_NUMU, BBN_NU_MICHEL_NUE};
  const double xm[3][3] = {{1.0, 1.0, 1.0}, {0.7, 8.0 / 15.0, 3.0 / 7.0}, {0.6, 0.4, 2.0 / 7.0}};
  const double Emean = 42.0, boost[3] = {1.0, gam, gam * gam * (1.0 + b * b / 3.0)};
  for (int s = 0; s < 3; ++s) {
    const double Wmax = shapes[s] == BBN_NU_LINE ? Emean : Emean / xm[s][0];
    for (int k = 0; k <= 3; ++k) {
      pow_ctx c = {k, Wmax};
      double out[2];
      bbn_nu_spectrum_integrate(shapes[s], Emean, gam, f_pow, &c, out);
      const double want = k == 0 ? 1.0 : k == 3 ? gam * gam * gam * (1.0 + b * b) * xm[s][2] : boost[k] * xm[s][k - 1];
      printf("shape %d <(E/W)^%d>: %.15f (closed form %.15f)\n", s, k, out[0], want);
      ck_assert_double_eq_tol(out[0] / want, 1.0, 1e-12);
    }
  }
}
END_TEST

/* the rest limit: gamma - 1 = 1e-11 against the rest-frame sums (gamma = 1), a non-polynomial integrand */
START_TEST(test_rest_limit) {
  const int shapes[3] = {BBN_NU_LINE, BBN_NU_MICHEL_NUMU, BBN_NU_MICHEL_NUE};
  for (int s = 0; s < 3; ++s) {
    pow_ctx c = {2, 30.0};
    double r[2], f[2];
    bbn_nu_spectrum_integrate(shapes[s], 42.0, 1.0, f_pow, &c, r);
    bbn_nu_spectrum_integrate(shapes[s], 42.0, 1.0 + 1e-11, f_pow, &c, f);
    printf("shape %d: rest %.15g %.15g, gamma - 1 = 1e-11: %.15g %.15g\n", s, r[0], r[1], f[0], f[1]);
    ck_assert_double_eq_tol(f[0] / r[0], 1.0, 1e-10);
    ck_assert_double_eq_tol(f[1] / r[1], 1.0, 1e-10);
  }
  /* the kaon fluxes: gamma_X = 1 + 1e-12 against gamma_X = 1 (bbn_kaons.c) */
  bbn_kaon_data k;
  ck_assert_int_eq(bbn_kaon_init(&k), 0);
  bbn_decay d;
  memset(&d, 0, sizeof d);
  d.n_K_L = 1.0;
  d.gamma_K_L = 2.0;
  bbn_kaon_flux a, bfl;
  bbn_kaon_flux_eval(&k, &d, 1.0, 1e20, 1.0, 0.75, 0.25, 1.0, &a);
  bbn_kaon_flux_eval(&k, &d, 1.0, 1e20, 1.0, 0.75, 0.25, 1.0 + 1e-12, &bfl);
  ck_assert_double_eq_tol(bfl.pn_per_Yp / a.pn_per_Yp, 1.0, 1e-10);
  ck_assert_double_eq_tol(bfl.np_per_Yn / a.np_per_Yn, 1.0, 1e-10);
  /* in flight: the faster K_L decay less often, so convert more (the rate is concave in gamma_K, so the
   * box average lies below the value at its mean gamma_K = gamma_X gamma_K_L) */
  bbn_kaon_flux_eval(&k, &d, 1.0, 1e20, 1.0, 0.75, 0.25, 1.5, &bfl);
  bbn_decay dm = d;
  dm.gamma_K_L = 3.0;
  bbn_kaon_flux_eval(&k, &dm, 1.0, 1e20, 1.0, 0.75, 0.25, 1.0, &a);
  bbn_kaon_flux rest;
  bbn_kaon_flux_eval(&k, &d, 1.0, 1e20, 1.0, 0.75, 0.25, 1.0, &rest);
  printf("K_L p -> n per Y_p: rest %.6e, gamma_X = 1.5 %.6e, at the mean gamma_K %.6e\n", rest.pn_per_Yp, bfl.pn_per_Yp,
         a.pn_per_Yp);
  ck_assert(bfl.pn_per_Yp > rest.pn_per_Yp && bfl.pn_per_Yp <= a.pn_per_Yp * (1.0 + 1e-12));
}
END_TEST

/* P(E_lab < E) by a 1-d quadrature over the rest-frame x of the uniform cos theta fraction */
typedef struct { int shape; double W, g, b, E; } cdf_ctx;
static double cdf_integrand(double x, void *p) {
  const cdf_ctx *c = p;
  const double f = c->shape == 0 ? 2.0 * x * x * (3.0 - 2.0 * x) : 12.0 * x * x * (1.0 - x);
  double cs = (c->E / (c->g * x * c->W) - 1.0) / c->b;
  if (cs > 1.0) cs = 1.0;
  if (cs < -1.0) cs = -1.0;
  return f * 0.5 * (1.0 + cs);
}
static double dnde_integrand(double E, void *p) {
  const cdf_ctx *c = p;
  return bbn_boosted_va_dnde(c->shape, c->W, c->g, E);
}

START_TEST(test_boosted_cdf) {
  gsl_integration_workspace *w = gsl_integration_workspace_alloc(2000);
  for (int shape = 0; shape < 2; ++shape)
    for (int ig = 0; ig < 2; ++ig) {
      const double g = ig ? 3.0 : 1.1, W = 50.0;
      cdf_ctx c = {shape, W, g, sqrt(1.0 - 1.0 / (g * g)), 0.0};
      const double Es[4] = {0.1 * W, 0.5 * g * (1.0 - c.b) * W, g * W, 0.97 * g * (1.0 + c.b) * W};
      for (int i = 0; i < 4; ++i) {
        c.E = Es[i];
        gsl_function F1 = {cdf_integrand, &c}, F2 = {dnde_integrand, &c};
        double p1, p2, e1, e2;
        const double kink = g * (1.0 - c.b) * W;
        double pts[3] = {0.0, fmin(kink, c.E), c.E};
        gsl_integration_qag(&F1, 0.0, 1.0, 1e-13, 1e-12, 2000, GSL_INTEG_GAUSS61, w, &p1, &e1);
        if (c.E > kink)
          gsl_integration_qagp(&F2, pts, 3, 1e-13, 1e-12, 2000, w, &p2, &e2);
        else
          gsl_integration_qag(&F2, 0.0, c.E, 1e-13, 1e-12, 2000, GSL_INTEG_GAUSS61, w, &p2, &e2);
        ck_assert_msg(fabs(p1 - p2) < 1e-8, "shape %d gamma %g E %g: CDF %.12f vs %.12f", shape, g, c.E, p1, p2);
      }
    }
  gsl_integration_workspace_free(w);
}
END_TEST

/* X's optical depth and the dilated decay rate of the network source */
START_TEST(test_dilated_decays) {
  fb_err err;
  fb_err_clear(&err);
  bbn_tables tab;
  ck_assert_msg(bbn_tables_init(&tab, &err) == FB_OK, "%s", err.msg);
  bbn_decay d;
  memset(&d, 0, sizeof d);
  d.mass_GeV = 0.3;
  d.tau_s = 0.05;
  d.n_over_ngamma = 1e-6;
  d.f_em = 1.0;
  d.p0_MeV = 600.0; /* gamma = 2.2 at the start (T = 10 MeV) */
  d.n_pi_minus = d.n_pi_plus = 0.5;
  d.mesons = 1;
  bbn_params p;
  bbn_params_default(&p);
  p.decay = &d;
  bbn_background bg;
  double eta_ratio, Tdec;
  ck_assert_msg(bbn_decay_background(&tab, &p, &bg, &eta_ratio, &Tdec, &err) == FB_OK, "%s", err.msg);
  /* end value against the ODE's own state (a lifetime beyond the grid, so that X is left at the end) */
  {
    bbn_decay dl = d;
    dl.tau_s = 3e5;
    bbn_params pl = p;
    pl.decay = &dl;
    bbn_background bl;
    ck_assert_msg(bbn_decay_background(&tab, &pl, &bl, &eta_ratio, &Tdec, &err) == FB_OK, "%s", err.msg);
    const double dend = bbn_background_X_depth(&bl, bl.t_end_s);
    printf("tau = 3e5 s: depth at t_end = %.6g s: %.12g, -ln X_left_end %.12g\n", bl.t_end_s, dend, -log(bl.X_left_end));
    ck_assert_double_eq_tol(dend / -log(bl.X_left_end), 1.0, 1e-9);
    bbn_background_free(&bl);
  }
  /* trapezoid in ln t of t (m/E)/tau from the start, on the background's own a(t) */
  const double m = d.mass_GeV * 1e3;
  const double t0 = bg.t_start_s, t1 = 10.0 * d.tau_s;
  const int N = 20000;
  double s = 0.0, prev = 0.0;
  for (int i = 0; i <= N; ++i) {
    const double t = t0 * pow(t1 / t0, (double)i / N);
    double x, dx;
    bbn_background_x_at(&bg, t, &x, &dx);
    const double pp = d.p0_MeV * exp(-x), v = t * m / sqrt(m * m + pp * pp) / d.tau_s;
    if (i) s += 0.5 * (v + prev) * log(t1 / t0) / N;
    prev = v;
  }
  const double dep0 = bbn_background_X_depth(&bg, t0), dep1 = bbn_background_X_depth(&bg, t1);
  printf("depth from t_start = %.4g s to 10 tau: stored %.10g, trapezoid %.10g (rest frame %.4g); start %.10g (t0/tau %.10g)\n",
         t0, dep1 - dep0, s, (t1 - t0) / d.tau_s, dep0, t0 / d.tau_s);
  ck_assert_double_eq_tol((dep1 - dep0) / s, 1.0, 1e-6);
  ck_assert_double_eq_tol(dep0 / (t0 / d.tau_s), 1.0, 1e-12);
  ck_assert((dep1 - dep0) < 0.95 * (t1 - t0) / d.tau_s); /* dilated (by 9% here: p redshifts) */
  /* the network source: in flight / at rest = exp(t/tau - depth) / gamma_X (pions only, linear in the decays) */
  const double t = 0.03, Y[2] = {0.2, 0.8};
  double T, Tn, nb;
  bbn_background_at(&bg, t, &T, &Tn, &nb);
  double np1, pn1, np0, pn0, x, dx;
  bbn_decay_network_source(&tab, &d, &bg, NULL, t, T, nb, Y, &np1, &pn1, NULL, NULL, NULL, NULL);
  bbn_decay dr = d;
  dr.decays_at_rest = 1;
  bbn_decay_network_source(&tab, &dr, &bg, NULL, t, T, nb, Y, &np0, &pn0, NULL, NULL, NULL, NULL);
  bbn_background_x_at(&bg, t, &x, &dx);
  const double pm = d.p0_MeV * exp(-x) / m, gX = sqrt(1.0 + pm * pm);
  const double want = exp(t / d.tau_s - bbn_background_X_depth(&bg, t)) / gX;
  printf("t = %g s: gamma_X = %.5f, source in flight / at rest %.12g (expected %.12g)\n", t, gX, pn1 / pn0, want);
  ck_assert_double_eq_tol(pn1 / pn0 / want, 1.0, 1e-12);
  ck_assert_double_eq_tol(np1 / np0 / want, 1.0, 1e-12);
  bbn_background_free(&bg);
  bbn_tables_free(&tab);
}
END_TEST

static Suite *flight_suite(void) {
  Suite *s = suite_create("bbn_decay_flight");
  TCase *tc = tcase_create("flight");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_boost_moments);
  tcase_add_test(tc, test_rest_limit);
  tcase_add_test(tc, test_boosted_cdf);
  tcase_add_test(tc, test_dilated_decays);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  gsl_set_error_handler_off();
  SRunner *sr = srunner_create(flight_suite());
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? 0 : 1;
}
