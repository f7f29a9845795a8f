/**
 * @file test_bc4_bands.c
 * @brief The BC4/BC5 (Higgs-mixed scalar) BBN bands (scan models bc4_bbn, bc5_bbn) and their
 *        production (src/production/fb_prod_bc4.c), issue 14.
 *
 * References and tolerances (fixed before the comparison; docs/validation.md "BC4/BC5 BBN bands"):
 *  - Fradette & Pospelov arXiv:1706.01920, abstract: for a scalar produced through h -> S S (a
 *    thermal population, the BC5 set-up) "throughout the most part of the parameter space,
 *    2 m_mu < m_S < m_h/2, the lifetimes ... has to be less than 0.1 seconds, while below 2 m_mu it
 *    could grow to about a second". Our number: the lifetime at the upper (short-lifetime) edge of
 *    the excluded band (Delta chi^2 > 5.99 or |N_eff - 2.99| > 0.34), at m_S = 0.15 GeV (reference
 *    1 s) and 0.3, 0.5, 1.0 GeV (reference 0.1 s). Tolerance: a factor 3 in tau (the paper's bound is
 *    an order-of-magnitude statement: "less than 0.1 s", "about a second"; criterion and meson
 *    treatment differ). Rows outside it are "gap" rows: the test then checks that the ratio stays
 *    in the documented range (GAP_LO, GAP_HI), so a change of the physics that moves it is noticed.
 *  - BC4 (no h S S coupling): the same lifetime edges are printed and held in their documented range;
 *    the abundance is then freeze-in (far below thermal), so the 1706.01920 statement does not apply
 *    (arXiv:1812.07585 computes this case; its figures are not readable here: docs/validation.md).
 *  - the standard limit: a bc4 decay record with n_X/n_gamma -> 0 gives standard BBN to 1e-6;
 *  - BC5's abundance is thermal: independent of theta and of T_RH to 1%;
 *  - the Yukawa production rate at T = 2 MeV (electrons only) against an independent adaptive
 *    integration (GSL QAG) of the same reduced cross sections, 1e-4 (the matrix elements
 *    themselves are checked against explicit Dirac traces in tests/production/test_bc4_msq.py).
 * `test_bc4_bands report` prints the validation table instead of running the checks; `test_bc4_bands quick`
 * checks the edges at m_S = 0.5 GeV only (the default suite; the full run is labelled long).
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_bessel.h>

#include "bbn.h"
#include "bbn_decay_record.h"
#include "fb_config.h"
#include "fb_constants.h"
#include "fb_fip.h"
#include "fb_model.h"
#include "fb_production.h"

extern const fb_model_ops fb_model_bc4_bbn, fb_model_bc5_bbn, fb_model_bc4_photodis, fb_model_bc1_photodis;
extern const fb_model_ops fb_model_bc4_cmb, fb_model_bc1_cmb;

typedef struct plane {
  const fb_model_ops *ops;
  fb_config cfg;
  void *state;
  int i_dchi2, i_neff, i_tau, i_ng, i_trh;
  double out[64];
} plane;

static int qidx(const fb_model_ops *ops, const char *name) {
  for (size_t i = 0; i < ops->n_quantities; ++i)
    if (strcmp(ops->quantities[i].name, name) == 0) return (int)i;
  return -1;
}

/* keys_ops: the model that declares the keys (bc4_photodis, bc4_cmb read those of bc1_photodis, bc1_cmb) */
static int plane_init_keys(plane *p, const fb_model_ops *ops, const fb_model_ops *keys_ops, const char *assignment,
                           fb_err *err) {
  memset(p, 0, sizeof *p);
  p->ops = ops;
  const fb_key_spec *const schemas[1] = {keys_ops->keys};
  const size_t n[1] = {keys_ops->n_keys};
  FB_CALL(err, fb_config_init(&p->cfg, schemas, n, 1, err));
  if (assignment) FB_CALL(err, fb_config_set(&p->cfg, assignment, err));
  p->i_dchi2 = qidx(ops, "delta_chi2");
  p->i_neff = qidx(ops, "Neff");
  p->i_tau = qidx(ops, "tau_s");
  p->i_ng = qidx(ops, "n_over_ngamma_T0");
  p->i_trh = qidx(ops, "abundance_TRH_change");
  return ops->init(&p->state, &p->cfg, err);
}

static int plane_init(plane *p, const fb_model_ops *ops, const char *assignment, fb_err *err) {
  return plane_init_keys(p, ops, ops, assignment, err);
}

static void plane_free(plane *p) {
  p->ops->free(p->state);
  fb_config_free(&p->cfg);
}

/* 1 excluded, 0 allowed, -1 not computed */
static int excluded(plane *p, double m, double s2) {
  fb_err err;
  fb_err_clear(&err);
  const int rc = p->ops->eval(p->state, m, s2, p->out, &err);
  if (rc != FB_OK) {
    if (rc != FB_ERR_RANGE) fprintf(stderr, "%s at m = %g GeV, sin2theta = %g: %s\n", p->ops->name, m, s2, err.msg);
    return -1;
  }
  return p->out[p->i_dchi2] > FB_CHI2_2DOF_95 || fabs(p->out[p->i_neff] - FB_NEFF_PLANCK18) > FB_NEFF_PLANCK18_95;
}

/* lifetime at the short-lifetime edge: start at sin2theta with tau ~ 1e-4 s (allowed), step down by 10
 * until excluded, bisect in ln sin2theta to 2%; 0 if no edge down to tau ~ 1e4 s */
static double tau_edge(plane *p, double m) {
  fb_err err;
  fb_err_clear(&err);
  /* tau at sin2theta = 1 from the model (tau ~ 1/sin2theta) */
  if (p->ops->eval(p->state, m, 1e-6, p->out, &err) != FB_OK) return 0.0;
  const double tau1 = p->out[p->i_tau] * 1e-6;
  double a = log(tau1 / 1e-4), b = 0.0; /* a: allowed */
  int found = 0;
  for (int k = 1; k <= 8; ++k) {
    const double c = a - k * log(10.0);
    const int v = excluded(p, m, exp(c));
    if (v == 1) {
      b = c;
      a = c + log(10.0);
      found = 1;
      break;
    }
  }
  if (!found) return 0.0;
  while (fabs(a - b) > 0.02) {
    const double c = 0.5 * (a + b);
    if (excluded(p, m, exp(c)) == 1) b = c;
    else a = c;
  }
  return tau1 / exp(0.5 * (a + b));
}

/* rows: model, m_S, reference tau [s], and the documented gap range of tau_ours/tau_ref (0 0: within
 * the factor-3 tolerance) */
typedef struct edge_row {
  const char *model;
  double m_GeV, tau_ref_s, gap_lo, gap_hi;
} edge_row;

#define TOL_FACTOR 3.0
static const edge_row ROWS[] = {
    /* measured 2026-12-07: all stricter than the 1706.01920 statements (docs/validation.md: the meson-driven
     * conversion of arXiv:2008.00749 gives 0.02 s, as for the HNLs; below 2 m_mu N_eff and eta) */
    {"bc5_bbn", 0.15, 1.0, 0.02, 0.12}, {"bc5_bbn", 0.3, 0.1, 0.1, 0.33}, {"bc5_bbn", 0.5, 0.1, 0.1, 0.33},
    {"bc5_bbn", 1.0, 0.1, 0.1, 0.33},   {"bc4_bbn", 0.15, 1.0, 0.02, 0.12}, {"bc4_bbn", 0.3, 0.1, 0.1, 0.33},
    {"bc4_bbn", 0.5, 0.1, 0.1, 0.33},   {"bc4_bbn", 1.0, 0.1, 0.1, 0.33},
};
#define N_ROWS (sizeof ROWS / sizeof ROWS[0])

/* `test_bc4_bands quick` (the default suite): the edges at m_S = 0.5 GeV only; the full table under label long */
static int QUICK;

static void our_edges(double *tau) {
  fb_err err;
  fb_err_clear(&err);
  plane p4, p5;
  if (plane_init(&p4, &fb_model_bc4_bbn, NULL, &err) != FB_OK || plane_init(&p5, &fb_model_bc5_bbn, NULL, &err) != FB_OK) {
    fprintf(stderr, "plane set-up: %s\n", err.msg);
    for (size_t i = 0; i < N_ROWS; ++i) tau[i] = 0.0;
    return;
  }
  for (size_t i = 0; i < N_ROWS; ++i)
    tau[i] = QUICK && ROWS[i].m_GeV != 0.5 ? NAN : tau_edge(strcmp(ROWS[i].model, "bc4_bbn") == 0 ? &p4 : &p5, ROWS[i].m_GeV);
  plane_free(&p4);
  plane_free(&p5);
}

static const char *row_status(const edge_row *r, double ratio, char *buf, size_t n) {
  if (r->gap_hi > 0.0) snprintf(buf, n, "gap: x%.2g", ratio);
  else snprintf(buf, n, "ok");
  return buf;
}

START_TEST(test_edges_vs_1706_01920) {
  double tau[N_ROWS];
  our_edges(tau);
  for (size_t i = 0; i < N_ROWS; ++i) {
    const edge_row *r = &ROWS[i];
    if (isnan(tau[i])) continue; /* quick mode */
    const double ratio = tau[i] / r->tau_ref_s;
    char st[32];
    printf("%s m_S = %.2f GeV: tau at the edge %.3g s, reference %.3g s (arXiv:1706.01920), ratio %.3g [%s]\n", r->model,
           r->m_GeV, tau[i], r->tau_ref_s, ratio, row_status(r, ratio, st, sizeof st));
    ck_assert_msg(tau[i] > 0.0, "%s m = %g: no edge found", r->model, r->m_GeV);
    if (r->gap_hi > 0.0)
      ck_assert_msg(ratio > r->gap_lo && ratio < r->gap_hi, "%s m = %g: gap x%g left its documented range [%g, %g]",
                    r->model, r->m_GeV, ratio, r->gap_lo, r->gap_hi);
    else
      ck_assert_msg(ratio > 1.0 / TOL_FACTOR && ratio < TOL_FACTOR, "%s m = %g: tau edge %g s vs %g s", r->model,
                    r->m_GeV, tau[i], r->tau_ref_s);
  }
}
END_TEST

/* BC5: thermal abundance (h -> S S keeps S in equilibrium until T ~ m_h/30): the same n/n_gamma at two
 * mixings and T_RH-independent, 1%; BC4 at the same point: far below it (freeze-in) */
START_TEST(test_bc5_thermal) {
  fb_err err;
  fb_err_clear(&err);
  plane p5, p4;
  ck_assert_int_eq(plane_init(&p5, &fb_model_bc5_bbn, NULL, &err), FB_OK);
  ck_assert_int_eq(plane_init(&p4, &fb_model_bc4_bbn, NULL, &err), FB_OK);
  const double m = 0.5;
  ck_assert_int_eq(p5.ops->eval(p5.state, m, 1e-18, p5.out, &err), FB_OK);
  const double r1 = p5.out[p5.i_ng], trh = p5.out[p5.i_trh];
  ck_assert_int_eq(p5.ops->eval(p5.state, m, 1e-17, p5.out, &err), FB_OK);
  const double r2 = p5.out[p5.i_ng];
  ck_assert_int_eq(p4.ops->eval(p4.state, m, 1e-18, p4.out, &err), FB_OK);
  const double r4 = p4.out[p4.i_ng];
  printf("n_S/n_gamma at T0: bc5 %.4g (sin2theta 1e-18), %.4g (1e-17), T_RH change %.2g; bc4 %.3g\n", r1, r2, trh, r4);
  ck_assert_msg(fabs(r2 / r1 - 1.0) < 0.01, "%g %g", r1, r2);
  ck_assert_msg(fabs(trh) < 0.01, "%g", trh);
  ck_assert_msg(r4 < 1e-2 * r1, "%g %g", r4, r1);
  /* relativistic MB equilibrium at decoupling (T_dec ~ m_h/30 ~ 4 GeV, g_*s ~ 75), diluted to T0 (g_*s = 10.75):
   * n/n_gamma = 1/(2 zeta3) x 10.75/75 = 0.06; g_*s(T_dec) from 60 to 90 */
  ck_assert_msg(r1 > 0.416 * 10.75 / 90.0 && r1 < 0.416 * 10.75 / 60.0, "%g", r1);
  plane_free(&p5);
  plane_free(&p4);
}
END_TEST

/* standard limit: the bc4 decay record at m = 0.5 GeV (pions, kaons, muons) with n/n_gamma = 1e-30 */
START_TEST(test_standard_limit) {
  fb_err err;
  fb_err_clear(&err);
  const fb_fip_ops *ops = fb_fip_find("bc4", NULL);
  fb_config cfg;
  ck_assert_int_eq(fb_fip_config_default(ops, &cfg, &err), FB_OK);
  void *st = NULL;
  ck_assert_int_eq(ops->init(&st, &cfg, &err), FB_OK);
  fb_decay rec;
  ck_assert_int_eq(ops->decay(st, 0.9, 1e-17, &rec, &err), FB_OK);
  bbn_decay d;
  memset(&d, 0, sizeof d);
  double f_other;
  ck_assert_int_eq(bbn_decay_from_record(&rec, &d, &f_other, &err), FB_OK);
  d.mesons = 1;
  d.n_over_ngamma = 1e-30;
  bbn_tables tab;
  ck_assert_int_eq(bbn_tables_init(&tab, &err), FB_OK);
  bbn_params p;
  bbn_params_default(&p);
  p.T_start_MeV = 10.0;
  bbn_result r0, r;
  ck_assert_int_eq(bbn_solve(&tab, &p, &r0, &err), FB_OK);
  p.sbbn_nb_ref = r0.nb_comoving;
  p.decay = &d;
  ck_assert_int_eq(bbn_solve(&tab, &p, &r, &err), FB_OK);
  printf("standard limit (tau %.3g s, n/n_gamma 1e-30): Yp %.8f vs %.8f, D/H %.6e vs %.6e\n", d.tau_s, r.Yp_mass,
         r0.Yp_mass, r.D_H, r0.D_H);
  ck_assert(fabs(r.Yp_mass / r0.Yp_mass - 1.0) < 1e-6 && fabs(r.D_H / r0.D_H - 1.0) < 1e-6);
  ck_assert(fabs(r.Li7_H / r0.Li7_H - 1.0) < 1e-6 && fabs(r.Neff / r0.Neff - 1.0) < 1e-6);
  bbn_tables_free(&tab);
  ops->free(st);
  fb_config_free(&cfg);
}
END_TEST

/* Yukawa rate at T = 2 MeV (electrons only: muons e^-53, quarks switched off) vs an adaptive
 * integration of gamma = T/(64 pi^4) int ds sqrt(s) K1 sigma_hat, sigma_hat = (1/8 pi s) 4 e^2 y_e^2
 * [ (s^2+m^4)(2/a) L + 2 (1/s)((a^2+m^4) L - 3a^2/2)_+ ] r_e^2 / r_e, L = ln(1 + a/m_th^2); adaptive
 * Gauss-Kronrod (GSL QAG) in z = sqrt(s)/T on [m/T, m/T + 100] */
typedef struct yk {
  double T, m, mth2, re;
} yk;
static double yk_integrand(double z, void *user) {
  const yk *c = user;
  const double s = c->T * c->T * z * z, jac = 2.0 * c->T * c->T * z; /* ds = 2 T^2 z dz */
  const double a = s - c->m * c->m, L = log1p(a / c->mth2), m4 = pow(c->m, 4);
  const double ann = (s * s + m4) * 2.0 / a * L * c->re * c->re;
  const double comp = 2.0 * fmax((a * a + m4) * L - 1.5 * a * a, 0.0) / s * c->re;
  const double e2 = 4.0 * FB_PI * FB_ALPHA_EM, y2 = FB_ME_GEV * FB_ME_GEV / (FB_HIGGS_VEV_GEV * FB_HIGGS_VEV_GEV);
  return jac * sqrt(s) * gsl_sf_bessel_K1(z) * 4.0 * e2 * y2 * (ann + comp) / (8.0 * FB_PI * s);
}
START_TEST(test_yukawa_rate) {
  gsl_set_error_handler_off();
  const double T = 2e-3, m = 1e-3, x = FB_ME_GEV / T;
  yk c = {T, m, 4.0 * FB_PI * FB_ALPHA_EM * T * T / 8.0 + FB_ME_GEV * FB_ME_GEV, 0.5 * x * x * gsl_sf_bessel_Kn(2, x)};
  gsl_integration_workspace *w = gsl_integration_workspace_alloc(2000);
  gsl_function F = {yk_integrand, &c};
  double I, abserr;
  ck_assert_int_eq(gsl_integration_qag(&F, m / T * (1.0 + 1e-12), m / T + 100.0, 0.0, 1e-9, 2000, GSL_INTEG_GAUSS21, w, &I,
                                       &abserr), GSL_SUCCESS);
  gsl_integration_workspace_free(w);
  const double neq = m * m * T * gsl_sf_bessel_Kn(2, m / T) / (2.0 * FB_PI * FB_PI);
  const double ref = T / (64.0 * pow(FB_PI, 4)) * I / neq;
  const double ours = fb_prod_bc4_mixing_rate(m, 1.0, T);
  printf("Yukawa rate at T = 2 MeV, m_S = 1 MeV: %.6g GeV (QAG %.6g, ratio %.6f)\n", ours, ref, ours / ref);
  ck_assert_msg(fabs(ours / ref - 1.0) < 1e-4, "%g %g", ours, ref);
  /* sin^2 theta scaling; BC5 adds a theta-independent part that vanishes far below m_h */
  ck_assert(fabs(fb_prod_bc4_mixing_rate(m, 3e-7, T) / (3e-7 * ours) - 1.0) < 1e-12);
  ck_assert(fb_prod_bc5_higgs_rate(m, 1e-2, T) == 0.0);
  ck_assert(fb_prod_bc5_higgs_rate(m, 1e-2, 20.0) > 0.0);
  /* the mixing production is off deep in the symmetric phase */
  ck_assert(fb_prod_bc4_mixing_rate(m, 1.0, 2.0 * FB_T_EW_GEV) == 0.0);
}
END_TEST

/* The long-lived BC4 planes (issue 15): bc4_photodis integrates the abundance with the production in the
 * Boltzmann equation (bbn_thermal_abundance, CVODE), bc4_cmb in the freeze-in limit by Simpson's rule in
 * ln T (scattering_yield): in the freeze-in regime both must give the same m Y (2%: decays before
 * T0 = m/25 are < 1e-4 at tau > 1e6 s; the quadratures differ by < 1%); and the planes exclude where the
 * abundance is large: photodisintegration at tau = 1.5e8 s, mu distortion at tau = 1.5e10 s
 * (m_S = 25.7 MeV: S -> e+ e-). */
START_TEST(test_late_planes) {
  fb_err err;
  fb_err_clear(&err);
  plane pd, cm;
  ck_assert_int_eq(plane_init_keys(&pd, &fb_model_bc4_photodis, &fb_model_bc1_photodis, NULL, &err), FB_OK);
  ck_assert_int_eq(plane_init_keys(&cm, &fb_model_bc4_cmb, &fb_model_bc1_cmb, NULL, &err), FB_OK);
  const double m = 0.0257;
  const int pd_my = qidx(pd.ops, "mY_GeV"), cm_my = qidx(cm.ops, "mY_GeV"), pd_dchi2 = qidx(pd.ops, "delta_chi2");
  const int cm_mu = qidx(cm.ops, "mu");
  const double s2[2] = {1e-20, 1e-18};
  for (int k = 0; k < 2; ++k) {
    ck_assert_int_eq(pd.ops->eval(pd.state, m, s2[k], pd.out, &err), FB_OK);
    ck_assert_int_eq(cm.ops->eval(cm.state, m, s2[k], cm.out, &err), FB_OK);
    printf("m_S = %g GeV, sin2theta = %g: m Y bc4_photodis %.5g GeV, bc4_cmb %.5g GeV; photodis delta_chi2 %.3g, mu %.3g\n",
           m, s2[k], pd.out[pd_my], cm.out[cm_my], pd.out[pd_dchi2], cm.out[cm_mu]);
    ck_assert_msg(fabs(pd.out[pd_my] / cm.out[cm_my] - 1.0) < 0.02, "%g %g", pd.out[pd_my], cm.out[cm_my]);
  }
  ck_assert(pd.out[pd_dchi2] > FB_CHI2_2DOF_95);  /* 1e-18: tau 1.5e8 s */
  ck_assert_int_eq(cm.ops->eval(cm.state, m, 1e-20, cm.out, &err), FB_OK);
  ck_assert(fabs(cm.out[cm_mu]) > 9e-5);           /* 1e-20: tau 1.5e10 s, COBE/FIRAS |mu| < 9e-5 */
  plane_free(&pd);
  plane_free(&cm);
}
END_TEST

static void report(void) {
  double tau[N_ROWS];
  our_edges(tau);
  printf("| quantity | ours | reference | source | tolerance | status |\n|---|---|---|---|---|---|\n");
  for (size_t i = 0; i < N_ROWS; ++i) {
    const edge_row *r = &ROWS[i];
    char st[32];
    printf("| %s: tau at the short-lifetime edge, m_S = %.2f GeV | %.3g s | %s %.3g s | arXiv:1706.01920 abstract | "
           "x%.0f | %s |\n",
           r->model, r->m_GeV, tau[i], r->tau_ref_s > 0.5 ? "~" : "<", r->tau_ref_s, TOL_FACTOR,
           row_status(r, tau[i] / r->tau_ref_s, st, sizeof st));
  }
}

int main(int argc, char **argv) {
  QUICK = argc > 1 && strcmp(argv[1], "quick") == 0;
  if (argc > 1 && strcmp(argv[1], "report") == 0) {
    report();
    return 0;
  }
  Suite *s = suite_create("bc4_bands");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, test_yukawa_rate);
  tcase_add_test(tc, test_standard_limit);
  tcase_add_test(tc, test_bc5_thermal);
  tcase_add_test(tc, test_edges_vs_1706_01920);
  tcase_add_test(tc, test_late_planes);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf ? 1 : 0;
}
