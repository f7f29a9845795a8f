/**
 * @file test_bc1_literature.c
 * @brief The BC1 dark photon's cosmology against the published numbers that can be read
 *        (tests/bbn/data/bc1_dark_photon_published.tsv, each with its arXiv id and place; only abstracts and
 *        the formulas quoted in summaries are readable, so there is no point-by-point band comparison:
 *        docs/validation.md, section "BC1 dark photon against the published cosmology and SN1987A statements").
 *  - test_freezein_yield: the abundance the scan model bc1_bbn hands to BBN (m Y before decay) at 2, 5, 10,
 *    20 MeV against the freeze-in yield of Fradette, Pospelov, Pradler, Ritz arXiv:1407.0993 (sec. 2):
 *    (9/(4 pi) + 0.17) m^3 Gamma_ee/(H s)|_{T = m}, Gamma_ee = alpha eps^2 m/3. Tolerance 25 %: the terms the
 *    closed form does not have, each measured on its own elsewhere: the 2 -> 2 scatterings (8-13 % of the
 *    inverse decays, test_bc1_production) and g_*(T) below T = m (the closed form takes g_* at T = m; up to
 *    11 % at 2 MeV where e+- annihilate during the production). With production = off (inverse decays only)
 *    against (9/(4 pi)) alone: 15 % (g_* only). At 50, 100, 200 MeV printed, not asserted: g_* falls by x1.5-4
 *    between T = m and T ~ m/3 where the production happens (QCD crossover and muons), so the closed form at
 *    T = m is not the reference there (docs/validation.md gives both). Regression test of the hand-over fix in
 *    fb_model_bbn_fip.c: before it, the 5 MeV abundance was 0.20 of the reference (the freeze-in below T0 =
 *    10 MeV was missing).
 *  - test_trh_convention: Caputo, Park, Yun arXiv:2511.15785 take the minimal T_RH = 6 MeV (abstract); the
 *    project's default is 1000 GeV. The inverse-decay yield from T_RH = 6 MeV over that from 1000 GeV
 *    (bbn_inverse_decay_abundance) against the Maxwell-Boltzmann closed form F(x_RH) = int_{x_RH}^inf x^3
 *    K1(x) dx / (3 pi/2), x_RH = m/T_RH (constant g_*, Hall et al. arXiv:0911.1120 integrand), at 2, 5, 10,
 *    20, 50 MeV: tolerance 15 % (g_* varies below 6 MeV) for F > 1e-3; the ratio is the convention
 *    difference between their bands and ours (docs/validation.md).
 *  - test_cmb_reach: the smallest eps the bc1_cmb plane excludes (anisotropies) at m = 0.26 GeV, as
 *    alpha_eff = alpha eps^2, against 1407.0993's abstract "alpha_eff as small as 1e-38": within a factor 10
 *    (an order-of-magnitude statement; measured 6.3e-38 before branch bc1papers, see below for now).
 *  - test_cmb_abundance_consistency: bc1_cmb's m Y equals bc1_photodis's (2 %), regression of the bc1papers fix.
 *  - test_photodis_onset: the short-lifetime edge of the bc1_photodis band at 5 masses lies within an order of
 *    magnitude of the "around 10^4 s" of arXiv:2206.02802 (abstract).
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
#include "fb_config.h"
#include "fb_constants.h"
#include "fb_cosmo.h"
#include "fb_model.h"
#include "fb_thermo.h"

extern const fb_model_ops fb_model_bc1_bbn, fb_model_bc1_cmb, fb_model_bc1_photodis;
extern const fb_model_ops fb_model_bc9_cmb, fb_model_bc9_photodis;

/* the published numbers (column value) by name */
static double published(const char *name) {
  FILE *f = fopen(FB_SOURCE_DIR "/tests/bbn/data/bc1_dark_photon_published.tsv", "r");
  ck_assert_msg(f != NULL, "cannot open tests/bbn/data/bc1_dark_photon_published.tsv");
  char line[512], key[128];
  double v = NAN, lo, hi, x;
  while (fgets(line, sizeof line, f))
    if (line[0] != '#' && sscanf(line, "%127s %lf %lf %lf", key, &x, &lo, &hi) == 4 && strcmp(key, name) == 0) v = x;
  fclose(f);
  ck_assert_msg(isfinite(v), "%s not in bc1_dark_photon_published.tsv", name);
  return v;
}

/* the range lo, hi a published statement allows */
static void published_range(const char *name, double *lo, double *hi) {
  FILE *f = fopen(FB_SOURCE_DIR "/tests/bbn/data/bc1_dark_photon_published.tsv", "r");
  ck_assert_msg(f != NULL, "cannot open tests/bbn/data/bc1_dark_photon_published.tsv");
  char line[512], key[128];
  double x, l, h;
  *lo = *hi = NAN;
  while (fgets(line, sizeof line, f))
    if (line[0] != '#' && sscanf(line, "%127s %lf %lf %lf", key, &x, &l, &h) == 4 && strcmp(key, name) == 0) *lo = l, *hi = h;
  fclose(f);
  ck_assert_msg(isfinite(*lo) && isfinite(*hi), "%s not in bc1_dark_photon_published.tsv", name);
}

typedef struct plane {
  const fb_model_ops *ops;
  fb_config cfg;
  void *state;
  double out[64];
} plane;

static int qidx(const fb_model_ops *ops, const char *name) {
  for (size_t i = 0; i < ops->n_quantities; ++i)
    if (strcmp(ops->quantities[i].name, name) == 0) return (int)i;
  ck_abort_msg("quantity %s not in %s", name, ops->name);
  return -1;
}

/* keys_of: the model that declares the input section (the bcN_ planes of one family share the keys of
 * bc1_<family>, as in the program's registry); NULL: ops itself */
static void plane_init_keys(plane *p, const fb_model_ops *ops, const fb_model_ops *keys_of, const char *assignment) {
  fb_err err;
  fb_err_clear(&err);
  memset(p, 0, sizeof *p);
  p->ops = ops;
  if (!keys_of) keys_of = ops;
  const fb_key_spec *const schemas[1] = {keys_of->keys};
  const size_t n[1] = {keys_of->n_keys};
  ck_assert_int_eq(fb_config_init(&p->cfg, schemas, n, 1, &err), FB_OK);
  if (assignment) ck_assert_msg(fb_config_set(&p->cfg, assignment, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(ops->init(&p->state, &p->cfg, &err) == FB_OK, "%s", err.msg);
}

static void plane_init(plane *p, const fb_model_ops *ops, const char *assignment) {
  plane_init_keys(p, ops, NULL, assignment);
}

static void plane_free(plane *p) {
  p->ops->free(p->state);
  fb_config_free(&p->cfg);
}

static double plane_q(plane *p, double m, double eps, const char *name) {
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(p->ops->eval(p->state, m, eps, p->out, &err) == FB_OK, "m = %g, eps = %g: %s", m, eps, err.msg);
  return p->out[qidx(p->ops, name)];
}

/* m^3 Gamma_ee/(H s) at T = m, Gamma_ee = alpha eps^2 m/3 (massless electrons), g_* of fb_thermo at T = m */
static double closed_form_unit(const fb_thermo *th, double m, double eps) {
  const double Gee = FB_ALPHA_EM * eps * eps * m / 3.0;
  return m * m * m * Gee / (fb_cosmo_hubble_GeV(th, m) * fb_cosmo_entropy_density_GeV3(th, m));
}

START_TEST(test_freezein_yield) {
  fb_err err;
  fb_err_clear(&err);
  fb_thermo th;
  ck_assert_int_eq(fb_thermo_init(&th, &err), FB_OK);
  const double c_id = published("fi_c_inverse_decay"), c_res = published("fi_c_resonant");
  plane on, off;
  plane_init(&on, &fb_model_bc1_bbn, NULL);
  plane_init(&off, &fb_model_bc1_bbn, "bc1_bbn.production=false");
  const double eps = 3e-12; /* freeze-in (Gamma << H at T = m), tau = 150 s - 1.5e4 s over 2-200 MeV */
  const double ms[7] = {0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2};
  printf("| m [MeV] | tau [s] | Y (all) | Y (inverse decays) | (9/(4 pi) + 0.17) m^3 G/(H s) | ratio all | ratio ID |\n");
  for (int i = 0; i < 7; ++i) {
    const double m = ms[i], unit = closed_form_unit(&th, m, eps);
    const double Y = plane_q(&on, m, eps, "mY_GeV") / m, tau = on.out[qidx(on.ops, "tau_s")];
    const double Th = on.out[qidx(on.ops, "T_handover_MeV")];
    const double Yid = plane_q(&off, m, eps, "mY_GeV") / m;
    const double r = Y / ((c_id + c_res) * unit), rid = Yid / (c_id * unit);
    printf("| %g | %.3g | %.4g | %.4g | %.4g | %.3f | %.3f | (hand-over at %.3g MeV)\n", 1e3 * m, tau, Y, Yid,
           (c_id + c_res) * unit, r, rid, Th);
    if (m <= 0.02) {
      ck_assert_msg(fabs(r - 1.0) < 0.25, "m = %g GeV: Y / (1407.0993 ID + resonant) = %g", m, r);
      ck_assert_msg(fabs(rid - 1.0) < 0.15, "m = %g GeV: Y_ID / (1407.0993 ID) = %g", m, rid);
    }
  }
  plane_free(&on);
  plane_free(&off);
  fb_thermo_free(&th);
}
END_TEST

static double x3k1(double x, void *p) {
  (void)p;
  return x * x * x * gsl_sf_bessel_K1(x);
}

START_TEST(test_trh_convention) {
  fb_err err;
  fb_err_clear(&err);
  fb_thermo th;
  ck_assert_int_eq(fb_thermo_init(&th, &err), FB_OK);
  const double T_RH_min = published("T_RH_min_GeV"), eps = 1e-12;
  gsl_integration_workspace *w = gsl_integration_workspace_alloc(200);
  gsl_function F = {x3k1, NULL};
  const double ms[6] = {0.002, 0.005, 0.01, 0.02, 0.05, 0.1};
  printf("| m [MeV] | Y(T_RH = 6 MeV) / Y(T_RH = 1000 GeV) | closed form F(m/T_RH) |\n");
  for (int i = 0; i < 6; ++i) {
    const double m = ms[i], me2 = FB_ME_GEV * FB_ME_GEV / (m * m);
    const double Gee = FB_ALPHA_EM * eps * eps * m / 3.0 * (1.0 + 2.0 * me2) * sqrt(1.0 - 4.0 * me2);
    double Y6, Yhi, r;
    ck_assert_int_eq(bbn_inverse_decay_abundance(&th, m, 3.0, Gee, T_RH_min, m / 50.0, &Y6, &r, &err), FB_OK);
    ck_assert_int_eq(bbn_inverse_decay_abundance(&th, m, 3.0, Gee, 1000.0, m / 50.0, &Yhi, &r, &err), FB_OK);
    double I, abserr;
    gsl_integration_qagiu(&F, m / T_RH_min, 0.0, 1e-9, 200, w, &I, &abserr);
    const double Fx = I / (1.5 * FB_PI);
    printf("| %g | %.4g | %.4g |\n", 1e3 * m, Y6 / Yhi, Fx);
    if (Fx > 1e-3) ck_assert_msg(fabs(Y6 / Yhi / Fx - 1.0) < 0.15, "m = %g: %g vs %g", m, Y6 / Yhi, Fx);
  }
  gsl_integration_workspace_free(w);
  fb_thermo_free(&th);
}
END_TEST

/* excluded by the anisotropies: R_aniso > 1 and not thermalised (the bc1_cmb postprocess criterion) */
static int cmb_excluded(plane *p, double m, double eps) {
  const double R = plane_q(p, m, eps, "R_aniso");
  return R > 1.0 && p->out[qidx(p->ops, "thermalised")] == 0.0;
}

START_TEST(test_cmb_reach) {
  plane p;
  plane_init(&p, &fb_model_bc1_cmb, NULL);
  const double m = 0.26;
  /* the smallest excluded eps: excluded at 1e-17 (inside the band), not at 1e-19; bisection in log eps */
  double lo = 1e-19, hi = 1e-17;
  ck_assert_msg(cmb_excluded(&p, m, hi), "not excluded at eps = 1e-17");
  ck_assert_msg(!cmb_excluded(&p, m, lo), "excluded at eps = 1e-19");
  for (int it = 0; it < 20; ++it) {
    const double c = sqrt(lo * hi);
    if (cmb_excluded(&p, m, c))
      hi = c;
    else
      lo = c;
  }
  const double a_eff = FB_ALPHA_EM * hi * hi, want = published("alpha_eff_min");
  printf("bc1_cmb at m = %g GeV: smallest excluded eps = %.3g, alpha_eff = %.3g (1407.0993 abstract: %.3g)\n", m, hi,
         a_eff, want);
  ck_assert_msg(a_eff > want / 10.0 && a_eff < want * 10.0, "alpha_eff_min = %g vs %g", a_eff, want);
  plane_free(&p);
}
END_TEST

/* One model, one abundance: the bc1_cmb plane's m Y (freeze-in integrals: inverse decays over ln T with the
 * entropy Jacobian, plus the resonant and 2 -> 2 production of fb_prod_bc1.c) against the bc1_photodis
 * plane's m Y before decay (Boltzmann equation of bbn_thermal_abundance from T_RH = 1000 GeV with the same
 * production), at eps = 1e-15 (tau > 1e9 s: no decays before either hand-over). Two independent integrations
 * of the same rates; tolerance 2 % (chosen before the measurement: table interpolation of the production,
 * 2 %, FB_PRODUCTION_TABLE_PER_EFOLD). Regression (branch bc1papers): before, bc1_cmb had neither the
 * production by scatterings nor the Jacobian, 0.59-0.78 of bc1_photodis's m Y (x1.29-1.70). */
START_TEST(test_cmb_abundance_consistency) {
  plane c, p;
  plane_init(&c, &fb_model_bc1_cmb, NULL);
  plane_init(&p, &fb_model_bc1_photodis, NULL);
  const double ms[5] = {0.003, 0.03, 0.1, 0.26, 0.5}, eps = 1e-15;
  for (int i = 0; i < 5; ++i) {
    const double a = plane_q(&c, ms[i], eps, "mY_GeV"), b = plane_q(&p, ms[i], eps, "mY_GeV");
    printf("m = %g GeV, eps = %g: m Y bc1_cmb %.5e, bc1_photodis %.5e (ratio %.4f)\n", ms[i], eps, a, b, a / b);
    ck_assert_msg(fabs(a / b - 1.0) < 0.02, "m = %g: bc1_cmb m Y / bc1_photodis m Y = %g", ms[i], a / b);
  }
  plane_free(&c);
  plane_free(&p);
}
END_TEST

/* The same for BC9 (session 8): bc9_cmb had inverse decays only, 1e-4 of bc9_photodis's m Y (which adds
 * Primakoff production) at 10-100 MeV, g = 1e-15 GeV^-1; both now take the production of src/production. */
START_TEST(test_bc9_cmb_abundance_consistency) {
  plane c, p;
  plane_init_keys(&c, &fb_model_bc9_cmb, &fb_model_bc1_cmb, NULL);
  plane_init_keys(&p, &fb_model_bc9_photodis, &fb_model_bc1_photodis, NULL);
  const double ms[4] = {0.003, 0.01, 0.03, 0.1}, g = 1e-15;
  for (int i = 0; i < 4; ++i) {
    const double a = plane_q(&c, ms[i], g, "mY_GeV"), b = plane_q(&p, ms[i], g, "mY_GeV");
    printf("m = %g GeV, g = %g: m Y bc9_cmb %.5e, bc9_photodis %.5e (ratio %.4f)\n", ms[i], g, a, b, a / b);
    ck_assert_msg(fabs(a / b - 1.0) < 0.02, "m = %g: bc9_cmb m Y / bc9_photodis m Y = %g", ms[i], a / b);
  }
  plane_free(&c);
  plane_free(&p);
}
END_TEST

/* Onset of photodisintegration on the BC1 plane: "relevant ... when the cosmic age was around 10^4 s"
 * (arXiv:2206.02802 abstract; recorded as photodis_onset_s with the range 1e3 - 1e5 s, an order of magnitude
 * either way, chosen from the statement's precision). At 12, 20, 50, 100, 200 MeV (the bc1_photodis band) the
 * point at tau = hi (1e5 s) must be excluded and the point at tau = lo (1e3 s) not: the short-lifetime edge
 * of our band lies in the stated range (measured: 1.5e4 - 6.7e4 s, docs/validation.md). */
START_TEST(test_photodis_onset) {
  double lo, hi;
  published_range("photodis_onset_s", &lo, &hi);
  plane p;
  plane_init(&p, &fb_model_bc1_photodis, NULL);
  const double ms[5] = {0.012, 0.02, 0.05, 0.1, 0.2};
  for (int i = 0; i < 5; ++i) {
    const double m = ms[i];
    const double tau1 = plane_q(&p, m, 1e-12, "tau_s"); /* tau ~ eps^-2 at fixed m */
    const double e_hi = 1e-12 * sqrt(tau1 / hi), e_lo = 1e-12 * sqrt(tau1 / lo);
    const double d_hi = plane_q(&p, m, e_hi, "delta_chi2"), t_hi = p.out[qidx(p.ops, "tau_s")];
    const double d_lo = plane_q(&p, m, e_lo, "delta_chi2"), t_lo = p.out[qidx(p.ops, "tau_s")];
    printf("bc1_photodis m = %g MeV: tau %.3g s (eps %.3g) delta_chi2 %.3g; tau %.3g s (eps %.3g) delta_chi2 %.3g\n",
           1e3 * m, t_hi, e_hi, d_hi, t_lo, e_lo, d_lo);
    ck_assert_msg(d_hi > FB_CHI2_2DOF_95, "m = %g: not excluded at tau = %g s", m, t_hi);
    ck_assert_msg(!(d_lo > FB_CHI2_2DOF_95), "m = %g: excluded already at tau = %g s", m, t_lo);
  }
  plane_free(&p);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  Suite *s = suite_create("bc1_literature");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, test_freezein_yield);
  tcase_add_test(tc, test_trh_convention);
  tcase_add_test(tc, test_cmb_reach);
  suite_add_tcase(s, tc);
  /* the late-decay planes (bc1_photodis, bc1_cmb): its own ctest entry test_bc1_literature_late (CK_RUN_CASE=late) */
  TCase *tl = tcase_create("late");
  tcase_set_timeout(tl, 300);
  tcase_add_test(tl, test_cmb_abundance_consistency);
  tcase_add_test(tl, test_bc9_cmb_abundance_consistency);
  tcase_add_test(tl, test_photodis_onset);
  suite_add_tcase(s, tl);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf ? EXIT_FAILURE : EXIT_SUCCESS;
}
