/**
 * @file test_bbn_hnl.c
 * @brief The heavy neutral lepton before and during BBN (src/bbn/bbn_hnl.c, the scan models
 *        bc6_bbn - bc8_bbn of fb_model_bbn_fip.c).
 *
 * References:
 *  - relativistic decoupling of a thermalised N (entropy conservation, Kolb & Turner sec. 5.2):
 *    n/n_gamma(T0) = (3/4)(g/2) g_*s(T0)/g_*s(T_dec) exp(-t0/tau) for a sudden decoupling at T_dec;
 *  - the thermal potential's mixing suppression against its closed form at T >> m_l;
 *  - the published lifetime bound of Boyarsky, Ovchynnikov, Ruchayskiy, Syvolap arXiv:2008.00749
 *    (abstract: tau_N < 0.02 s for m_N > m_pi) and Sabti, Magalich, Filimonova arXiv:2006.07387
 *    (abstract: BBN constrains HNL lifetimes down to 0.03 - 0.05 s depending on the mixing pattern):
 *    the lifetime at the upper edge (smallest tau) of our excluded region at several masses.
 * `test_bbn_hnl report` prints the boundary table of docs/validation.md instead of running the tests.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "bbn.h"
#include "fb_config.h"
#include "fb_constants.h"
#include "fb_model.h"
#include "fb_thermo.h"

extern const fb_model_ops fb_model_bc6_bbn, fb_model_bc7_bbn, fb_model_bc8_bbn;

typedef struct hnl_plane {
  const fb_model_ops *ops;
  fb_config cfg;
  void *state;
  double out[64];
} hnl_plane;

/* the scan model with its default keys, up to two keys set ("section.key=value" or NULL) */
static int plane_init_set(hnl_plane *p, const fb_model_ops *ops, const char *assignment, const char *assignment2,
                          fb_err *err) {
  memset(p, 0, sizeof *p);
  p->ops = ops;
  const fb_key_spec *const schemas[1] = {ops->keys};
  const size_t n[1] = {ops->n_keys};
  FB_CALL(err, fb_config_init(&p->cfg, schemas, n, 1, err));
  if (assignment) FB_CALL(err, fb_config_set(&p->cfg, assignment, err));
  if (assignment2) FB_CALL(err, fb_config_set(&p->cfg, assignment2, err));
  return ops->init(&p->state, &p->cfg, err);
}

static int plane_init(hnl_plane *p, const fb_model_ops *ops, fb_err *err) {
  return plane_init_set(p, ops, NULL, NULL, err);
}

static void plane_free(hnl_plane *p) {
  p->ops->free(p->state);
  fb_config_free(&p->cfg);
}

/* quantity index by name */
static int qidx(const fb_model_ops *ops, const char *name) {
  for (size_t i = 0; i < ops->n_quantities; ++i)
    if (strcmp(ops->quantities[i].name, name) == 0) return (int)i;
  return -1;
}

static int eval_point(hnl_plane *p, double m, double U2, double *tau, double *dchi2, fb_err *err) {
  FB_CALL(err, p->ops->eval(p->state, m, U2, p->out, err));
  *tau = p->out[qidx(p->ops, "tau_s")];
  *dchi2 = p->out[qidx(p->ops, "delta_chi2")];
  return FB_OK;
}

/* the smallest excluded lifetime at mass m: bisection in ln tau between tau = 2e-3 s (allowed) and
 * tau_hi_s (must be excluded), U2 from tau ~ 1/U2 (all widths ~ U2); 0 if tau_hi_s is allowed */
static int tau_boundary(hnl_plane *p, double m, double tau_hi_s, double *tau_b, double *U2_b, fb_err *err) {
  double tau_ref, dc;
  FB_CALL(err, eval_point(p, m, 1e-9, &tau_ref, &dc, err));
  double lo = log(2e-3), hi = log(tau_hi_s), t, d;
  const double c = 1e-9 * tau_ref;
  FB_CALL(err, eval_point(p, m, c / exp(hi), &t, &d, err));
  if (!(d > 5.99)) {
    *tau_b = 0.0;
    *U2_b = 0.0;
    return FB_OK;
  }
  for (int i = 0; i < 11; ++i) {
    const double mid = 0.5 * (lo + hi);
    FB_CALL(err, eval_point(p, m, c / exp(mid), &t, &d, err));
    if (d > 5.99) hi = mid; else lo = mid;
  }
  *tau_b = exp(0.5 * (lo + hi));
  *U2_b = c / *tau_b;
  return FB_OK;
}

static const double MASSES[7] = {0.2, 0.3, 0.45, 0.6, 0.8, 0.95, 1.0};

static int report(void) {
  const fb_model_ops *ops[3] = {&fb_model_bc6_bbn, &fb_model_bc7_bbn, &fb_model_bc8_bbn};
  fb_err err;
  fb_err_clear(&err);
  for (int f = 0; f < 3; ++f) {
    hnl_plane p;
    if (plane_init(&p, ops[f], &err) != FB_OK) { fprintf(stderr, "%s\n", err.msg); return 1; }
    for (int i = 0; i < 7; ++i) {
      double tb = 0.0, Ub = 0.0;
      if (tau_boundary(&p, MASSES[i], f == 2 ? 10.0 : 0.2, &tb, &Ub, &err) != FB_OK) { fprintf(stderr, "%s\n", err.msg); return 1; }
      double t, d;
      eval_point(&p, MASSES[i], Ub, &t, &d, &err);
      printf("%s m = %.3f GeV: tau_b = %.4g s  U2_b = %.3g  n/ngamma(T0) = %.4g  T_dec = %.3g GeV  G/H_max = %.3g "
             "n_pi = %.3f reldec = %.4g\n", ops[f]->name, MASSES[i], tb, Ub, p.out[qidx(p.ops, "n_over_ngamma_T0")],
             p.out[qidx(p.ops, "T_dec_GeV")], p.out[qidx(p.ops, "gamma_over_H_max")],
             p.out[qidx(p.ops, "n_pi_charged")], p.out[qidx(p.ops, "n_over_ngamma_reldec")]);
      fflush(stdout);
    }
    plane_free(&p);
  }
  return 0;
}

/* thermalised N decoupling while relativistic: the Boltzmann solution against entropy conservation
 * (3/4) g_*s(T0)/g_*s(T_dec), times the decays before T0 (exp(-t0/tau), t0 = 1/(2H(T0)) in the
 * radiation era). Tolerance 10%: the reference assumes a sudden decoupling at T_dec (where
 * Gamma_prod = H), while g_*s changes by a factor ~2 across T = 0.3-3 GeV (QCD crossover). */
START_TEST(test_relativistic_decoupling) {
  fb_err err;
  fb_err_clear(&err);
  hnl_plane p;
  ck_assert_msg(plane_init(&p, &fb_model_bc6_bbn, &err) == FB_OK, "%s", err.msg);
  const double m[3] = {0.2, 0.45, 0.8}, U2[3] = {1e-8, 1e-10, 1e-10};
  for (int i = 0; i < 3; ++i) {
    double tau, d;
    ck_assert_msg(eval_point(&p, m[i], U2[i], &tau, &d, &err) == FB_OK, "%s", err.msg);
    const double ghmax = p.out[qidx(p.ops, "gamma_over_H_max")];
    const double ng = p.out[qidx(p.ops, "n_over_ngamma_T0")], rel = p.out[qidx(p.ops, "n_over_ngamma_reldec")];
    const double T0 = 0.01, H0 = sqrt(FB_PI * FB_PI / 30.0 * 10.75 / 3.0) * T0 * T0 / FB_MPL_REDUCED_GEV;
    const double t0_s = 1.0 / (2.0 * H0) * FB_HBAR_GEV_S;
    const double ref = rel * exp(-t0_s / tau);
    printf("relativistic decoupling m = %g GeV U2 = %g: Gamma/H max %.3g, T_dec %.3g GeV, n/ngamma %.5g, "
           "reference %.5g (ratio %.4f)\n", m[i], U2[i], ghmax, p.out[qidx(p.ops, "T_dec_GeV")], ng, ref, ng / ref);
    ck_assert_msg(ghmax > 10.0, "not thermalised: Gamma/H max = %g", ghmax);
    ck_assert_msg(fabs(ng / ref - 1.0) < 0.10, "n/n_gamma %g vs %g", ng, ref);
  }
  plane_free(&p);
}
END_TEST

/* never thermalised (Gamma_prod/H << 1): freeze-in, n ~ |U|^2 (1e-3 relative: the loss term
 * ~ n/n_eq ~ 3e-4 at |U|^2 = 1e-15 is the deviation from linearity) */
START_TEST(test_freeze_in_linear) {
  fb_err err;
  fb_err_clear(&err);
  fb_thermo th;
  ck_assert_int_eq(fb_thermo_init(&th, &err), FB_OK);
  bbn_hnl_state a, b;
  /* tiny widths (tau >> t(T0)): the decays do not matter before T0 */
  ck_assert_int_eq(bbn_hnl_abundance(&th, 0, 1, 0.5, 1e-15, 1e-41, 1000.0, 0.01, &a, &err), FB_OK);
  ck_assert_int_eq(bbn_hnl_abundance(&th, 0, 1, 0.5, 1e-16, 1e-42, 1000.0, 0.01, &b, &err), FB_OK);
  printf("freeze-in: Gamma/H max %.3g at T = %.3g GeV; n/ngamma %.4g, %.4g (ratio %.6f)\n", a.gamma_over_H_max,
         a.T_max_GeV, a.n_over_ngamma_T0, b.n_over_ngamma_T0, a.n_over_ngamma_T0 / b.n_over_ngamma_T0);
  ck_assert(a.gamma_over_H_max < 1e-2 && a.T_dec_GeV == 0.0);
  ck_assert_msg(fabs(a.n_over_ngamma_T0 / b.n_over_ngamma_T0 / 10.0 - 1.0) < 1e-3, "not linear");
  fb_thermo_free(&th);
}
END_TEST

/* the thermal potential: V_T ~ p T^4 and p ~ T, so far above the crossover the suppression falls as
 * (m^2/(2 p V_T))^2 ~ T^-12 (Notzold & Raffelt form); below ~1 GeV it is negligible for m >= 0.15 GeV */
START_TEST(test_mixing_suppression) {
  const double s1 = bbn_hnl_mixing_suppression(0, 0.1, 100.0), s2 = bbn_hnl_mixing_suppression(0, 0.1, 200.0);
  printf("suppression: %.4g at 100 GeV, %.4g at 200 GeV (ratio x 4096 = %.5f); 1 GeV, 0.15 GeV: %.6f; "
         "half at T: ", s1, s2, s2 / s1 * 4096.0, bbn_hnl_mixing_suppression(0, 0.15, 1.0));
  ck_assert_msg(fabs(s2 / s1 * 4096.0 - 1.0) < 1e-3, "not ~T^-12");
  ck_assert(bbn_hnl_mixing_suppression(0, 0.15, 1.0) > 0.99);
  const double ms[2] = {0.15, 1.0};
  for (int i = 0; i < 2; ++i) { /* where |U_eff|^2 = |U|^2/2 (bisection in ln T) */
    double lo = 0.0, hi = log(1e3);
    for (int k = 0; k < 60; ++k) {
      const double mid = 0.5 * (lo + hi);
      if (bbn_hnl_mixing_suppression(0, ms[i], exp(mid)) > 0.5) lo = mid; else hi = mid;
    }
    printf("m = %g GeV: %.3g GeV; ", ms[i], exp(lo));
  }
  printf("\n");
}
END_TEST

/* the lifetime at the short-lifetime edge of the excluded region against tau_N < 0.02 s (Boyarsky,
 * Ovchynnikov, Ruchayskiy, Syvolap arXiv:2008.00749, abstract: for m_N > m_pi): within a factor 2
 * where the HNL decays into charged pions (e mixing above m_pi + m_e, mu mixing above m_pi + m_mu);
 * masses below 1 GeV: at m_N >= 1 GeV the model's hadronic width is the inclusive quark width,
 * which carries no pion multiplicity (fb_fip_hnl.c; docs/validation.md) */
static void check_bound(const fb_model_ops *ops, const double *m, int n) {
  fb_err err;
  fb_err_clear(&err);
  hnl_plane p;
  ck_assert_msg(plane_init(&p, ops, &err) == FB_OK, "%s", err.msg);
  for (int i = 0; i < n; ++i) {
    double tb = 0.0, Ub = 0.0;
    ck_assert_msg(tau_boundary(&p, m[i], 0.2, &tb, &Ub, &err) == FB_OK, "%s", err.msg);
    printf("%s m = %g GeV: excluded for tau > %.4g s (|U|^2 < %.3g); 0.02 s (arXiv:2008.00749): ratio %.3f\n",
           ops->name, m[i], tb, Ub, tb / 0.02);
    ck_assert_msg(tb > 0.0 && fabs(log(tb / 0.02)) < log(2.0), "%s m = %g: tau boundary %g s", ops->name, m[i], tb);
  }
  plane_free(&p);
}

START_TEST(test_lifetime_bound_bc6) {
  const double m[6] = {0.2, 0.3, 0.45, 0.6, 0.8, 0.95};
  check_bound(&fb_model_bc6_bbn, m, 6);
}
END_TEST

START_TEST(test_lifetime_bound_bc7) {
  const double m[5] = {0.3, 0.45, 0.6, 0.8, 0.95};
  check_bound(&fb_model_bc7_bbn, m, 5);
}
END_TEST

/* the thermal potential cuts the production off above T ~ 6-11 GeV; at the tau = 0.02 s edge the HNLs
 * thermalise and decouple at 0.2-2 GeV anyway, so switching it off must not move the edge (5%).
 * Without it Gamma_prod/H ~ T^3 reaches ~1e7 at 200 GeV, where CVODE fails on the kinks of g_*(T)
 * (error test at h_min): T_RH = 30 GeV for that run (N is in equilibrium long before decoupling) */
START_TEST(test_thermal_potential_irrelevant_at_edge) {
  fb_err err;
  fb_err_clear(&err);
  hnl_plane on, off;
  ck_assert_msg(plane_init(&on, &fb_model_bc6_bbn, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(plane_init_set(&off, &fb_model_bc6_bbn, "bc6_bbn.thermal_potential=false", "bc6_bbn.T_RH_GeV=30", &err) == FB_OK, "%s",
                err.msg);
  const double m[2] = {0.3, 0.6};
  for (int i = 0; i < 2; ++i) {
    double t1, U1, t0, U0;
    ck_assert_int_eq(tau_boundary(&on, m[i], 0.2, &t1, &U1, &err), FB_OK);
    ck_assert_msg(tau_boundary(&off, m[i], 0.2, &t0, &U0, &err) == FB_OK, "%s", err.msg);
    printf("m = %g GeV: edge %.4g s with the thermal potential, %.4g s without\n", m[i], t1, t0);
    ck_assert_msg(fabs(t0 / t1 - 1.0) < 0.05, "edge moves: %g vs %g s", t0, t1);
  }
  /* where it matters: freeze-in at |U|^2 = 1e-14 (never thermalised) */
  double t, d;
  ck_assert_int_eq(eval_point(&off, 0.45, 1e-14, &t, &d, &err), FB_OK);
  const double ng_off = off.out[qidx(off.ops, "n_over_ngamma_T0")];
  ck_assert_int_eq(eval_point(&on, 0.45, 1e-14, &t, &d, &err), FB_OK);
  printf("m = 0.45 GeV, |U|^2 = 1e-14 (freeze-in): n/ngamma %.4g with, %.4g without the thermal potential\n",
         on.out[qidx(on.ops, "n_over_ngamma_T0")], ng_off);
  plane_free(&on);
  plane_free(&off);
}
END_TEST

static Suite *hnl_suite(void) {
  Suite *s = suite_create("bbn_hnl");
  TCase *tc = tcase_create("hnl");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, test_relativistic_decoupling);
  tcase_add_test(tc, test_freeze_in_linear);
  tcase_add_test(tc, test_mixing_suppression);
  tcase_add_test(tc, test_lifetime_bound_bc6);
  tcase_add_test(tc, test_lifetime_bound_bc7);
  tcase_add_test(tc, test_thermal_potential_irrelevant_at_edge);
  suite_add_tcase(s, tc);
  return s;
}

int main(int argc, char **argv) {
  gsl_set_error_handler_off();
  if (argc > 1 && strcmp(argv[1], "report") == 0) return report();
  SRunner *sr = srunner_create(hnl_suite());
  srunner_run_all(sr, CK_VERBOSE);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? 0 : 1;
}
