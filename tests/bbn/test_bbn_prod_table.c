/**
 * @file test_bbn_prod_table.c
 * @brief The per-mass tables of the production rates (src/production/fb_production_etable.c, cubic in ln T) against
 *        evaluating the rate at every call of the abundance solver (the stage as before, bit for bit):
 *         - bc9_bbn, key primakoff_table (rate and mean energy of the Primakoff production, since 2026-12-07);
 *         - bc4_bbn, bc10_bbn, bc11_bbn, key production_table (rate only, session 13);
 *         - bc4_photodis, bc9_photodis, bc11_photodis, key [photodis_fip] production_table (session 13).
 *        Rows of docs/validation.md "The tightly coupled BC9 point: the Primakoff table" and "Per-mass production
 *        tables of bc4, bc10, bc11 and the photodisintegration planes".
 *
 * bc9_bbn: the four points of bench/bench_bbn_fip_energy (3 MeV at g = 1e-9 and 3e-7, 30 MeV at 1e-8, 300 MeV at 1e-9
 * GeV^-1) and those of tests/bbn/test_bbn_inverse_decays.c (3 MeV at 1e-6 and 1e-4, 10 MeV at 3e-7 and 1e-4: tight
 * coupling, clamped). Measured there: |dYp| <= 8.5e-6, D/H <= 1.8e-5 (relative), N_eff <= 1.8e-6, n/n_gamma(T0) <= 1.3e-6
 * (relative): the BBN stage's own noise floor, not the table's error (rate and eps_P within 7e-8 of direct evaluation,
 * test_production_etable): the direct path at g (1 + 1e-9) moves Yp by 4.7e-6 and D/H by 1.2e-5 at 10 MeV, g = 1e-4
 * (printed), and a 4x denser table (160 per e-fold) gives |dYp| = 2.1e-6 / 6.3e-6 / 6e-7 at (3 MeV, 3e-7), (10 MeV,
 * 1e-4), (300 MeV, 1e-9) against 2.1e-6 / 8.9e-6 / 4.9e-6 at 40 per e-fold: no convergence beyond that floor.
 *
 * The bug these checks would catch: a table that moves the abundance handed to BBN (wrong mass, coupling power, range,
 * interpolation across a crossover), visible in Yp, D/H, N_eff, n/n_gamma(T0) or the verdict. Points: four per model
 * on the band of the main job's planes (out/bcN_bbn.h5 of tools/summary-planes.sh, delta_chi2 between 2 and 200), from
 * tau ~ 1e-4 s (clamped, tight coupling) to 1e10 s. Tolerances as for bc9_bbn (the BBN stage's noise floor, set before
 * this test ran): |dYp| < 2e-5, D/H 1e-4 relative, N_eff and N_eff_rec 1e-5, the same BBN and N_eff
 * verdicts; n/n_gamma(T0) 1e-3 relative (the rate itself is followed to 1e-3, test_production_etable: the direct bc4 rate
 * jumps by ~1e-4 between neighbouring temperatures).
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "fb_config.h"
#include "fb_constants.h"
#include "fb_model.h"

extern const fb_model_ops fb_model_bc4_bbn, fb_model_bc9_bbn, fb_model_bc10_bbn, fb_model_bc11_bbn;
extern const fb_model_ops fb_model_bc1_photodis, fb_model_bc4_photodis, fb_model_bc9_photodis, fb_model_bc11_photodis;

typedef struct prun {
  const fb_model_ops *ops;
  fb_config cfg;
  void *state;
  double out[64];
} prun;

static int q(const fb_model_ops *ops, const char *name) {
  for (size_t i = 0; i < ops->n_quantities; ++i)
    if (strcmp(ops->quantities[i].name, name) == 0) return (int)i;
  ck_abort_msg("no quantity %s", name);
  return -1;
}

static void run_init(prun *b, const fb_model_ops *ops, const char *key, int table) {
  memset(b, 0, sizeof *b);
  b->ops = ops;
  fb_err err;
  fb_err_clear(&err);
  /* the photodisintegration planes read the [photodis_fip] keys that bc1_photodis declares */
  const fb_model_ops *k = ops->keys ? ops : &fb_model_bc1_photodis;
  const fb_key_spec *const schemas[1] = {k->keys};
  const size_t n[1] = {k->n_keys};
  ck_assert_int_eq(fb_config_init(&b->cfg, schemas, n, 1, &err), FB_OK);
  char set[96];
  snprintf(set, sizeof set, "%s.%s=%s", strstr(ops->name, "photodis") ? "photodis_fip" : ops->name, key,
           table ? "true" : "false");
  ck_assert_msg(fb_config_set(&b->cfg, set, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(ops->init(&b->state, &b->cfg, &err) == FB_OK, "%s", err.msg);
}

static void run_eval(prun *b, double m, double c) {
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(b->ops->eval(b->state, m, c, b->out, &err) == FB_OK, "%s m = %g c = %g: %s", b->ops->name, m, c, err.msg);
}

static void run_free(prun *b) {
  b->ops->free(b->state);
  fb_config_free(&b->cfg);
}

static void compare(const fb_model_ops *ops, const char *key, const double (*pts)[2], int n_pts) {
  prun tab, dir;
  run_init(&tab, ops, key, 1);
  run_init(&dir, ops, key, 0);
  const int iy = q(ops, "Yp_mass_fraction"), id = q(ops, "D_H"), in = q(ops, "Neff"), ir = q(ops, "Neff_rec"),
            ic = q(ops, "delta_chi2"), ing = q(ops, "n_over_ngamma_T0");
  double my = 0, md = 0, mn = 0, mg = 0;
  for (int k = 0; k < n_pts; ++k) {
    run_eval(&tab, pts[k][0], pts[k][1]);
    run_eval(&dir, pts[k][0], pts[k][1]);
    const double *a = tab.out, *b = dir.out;
    const double dy = fabs(a[iy] - b[iy]), dd = fabs(a[id] / b[id] - 1.0);
    const double dn = fmax(fabs(a[in] - b[in]), fabs(a[ir] - b[ir]));
    const double dg = b[ing] > 0.0 ? fabs(a[ing] / b[ing] - 1.0) : fabs(a[ing]);
    printf("%s m = %g GeV c = %g: Yp %.8f / %.8f, D/H %.7e / %.7e, Neff_rec %.7f / %.7f, n/n_gamma(T0) %.6e / %.6e, "
           "delta_chi2 %.4f / %.4f (table / direct)\n", ops->name, pts[k][0], pts[k][1], a[iy], b[iy], a[id], b[id], a[ir],
           b[ir], a[ing], b[ing], a[ic], b[ic]);
    fflush(stdout);
    my = fmax(my, dy), md = fmax(md, dd), mn = fmax(mn, dn), mg = fmax(mg, dg);
    ck_assert_msg(dy < 2e-5 && dd < 1e-4 && dn < 1e-5 && dg < 1e-3, "%s m = %g c = %g: dYp %g dD/H %g dNeff %g dn %g",
                  ops->name, pts[k][0], pts[k][1], dy, dd, dn, dg);
    ck_assert_int_eq(a[ic] > FB_CHI2_2DOF_95, b[ic] > FB_CHI2_2DOF_95);
    ck_assert_int_eq(fabs(a[ir] - FB_NEFF_PLANCK18) > FB_NEFF_PLANCK18_95, fabs(b[ir] - FB_NEFF_PLANCK18) > FB_NEFF_PLANCK18_95);
  }
  printf("%s: max |dYp| %.2e, D/H %.2e, N_eff %.2e, n/n_gamma(T0) %.2e (relative)\n", ops->name, my, md, mn, mg);
  if (ops == &fb_model_bc9_bbn) { /* the stage's noise floor (information): the direct path at g (1 + 1e-9) */
    run_eval(&dir, 1e-2, 1e-4);
    const double y0 = dir.out[iy], d0 = dir.out[id];
    run_eval(&dir, 1e-2, 1e-4 * (1.0 + 1e-9));
    printf("noise floor, direct at 10 MeV, g = 1e-4 vs 1e-4 (1 + 1e-9): |dYp| %.2e, D/H %.2e\n", fabs(dir.out[iy] - y0),
           fabs(dir.out[id] / d0 - 1.0));
  }
  run_free(&tab);
  run_free(&dir);
}

START_TEST(test_bc9) {
  const double pts[8][2] = {{3e-3, 1e-9}, {3e-3, 3e-7}, {3e-2, 1e-8}, {0.3, 1e-9},
                            {3e-3, 1e-6}, {3e-3, 1e-4}, {1e-2, 3e-7}, {1e-2, 1e-4}};
  compare(&fb_model_bc9_bbn, "primakoff_table", pts, 8);
}
END_TEST

START_TEST(test_bc4) {
  const double pts[4][2] = {{0.01513, 1e-10}, {0.03466, 2.154e-17}, {0.1201, 1e-20}, {0.9533, 4.642e-20}};
  compare(&fb_model_bc4_bbn, "production_table", pts, 4);
}
END_TEST

START_TEST(test_bc10) {
  const double pts[4][2] = {{0.002, 1.743e-8}, {0.007057, 1e-5}, {0.01935, 2.807e-7}, {1.408, 1.487e-10}};
  compare(&fb_model_bc10_bbn, "production_table", pts, 4);
}
END_TEST

START_TEST(test_bc11) {
  const double pts[4][2] = {{0.002, 5.623e-6}, {0.005484, 1e-3}, {0.1131, 1.778e-7}, {3.0, 5.623e-11}};
  compare(&fb_model_bc11_bbn, "production_table", pts, 4);
}
END_TEST

/* the photodisintegration planes (key photodis_fip.production_table): m Y handed to the cascade and the verdict, at
 * two points per plane of the main job's planes with delta_chi2 between 1 and 500 (measured with four: m Y within
 * 4.9e-6, delta_chi2 1.2e-5); tolerance m Y 1e-3 relative (as n/n_gamma(T0)
 * above), delta_chi2 1e-3 relative */
static void compare_pd(const fb_model_ops *ops, const double pts[2][2]) {
  prun tab, dir;
  run_init(&tab, ops, "production_table", 1);
  run_init(&dir, ops, "production_table", 0);
  const int iy = q(ops, "mY_GeV"), ic = q(ops, "delta_chi2");
  double my = 0, mc = 0;
  for (int k = 0; k < 2; ++k) {
    run_eval(&tab, pts[k][0], pts[k][1]);
    run_eval(&dir, pts[k][0], pts[k][1]);
    const double *a = tab.out, *b = dir.out;
    const double dy = fabs(a[iy] / b[iy] - 1.0), dc = fabs(a[ic] / b[ic] - 1.0);
    printf("%s m = %g GeV c = %g: m Y %.7e / %.7e GeV, delta_chi2 %.5f / %.5f (table / direct)\n", ops->name, pts[k][0],
           pts[k][1], a[iy], b[iy], a[ic], b[ic]);
    fflush(stdout);
    my = fmax(my, dy), mc = fmax(mc, dc);
    ck_assert_msg(b[iy] > 0.0 && dy < 1e-3 && dc < 1e-3, "%s m = %g c = %g: d(mY) %g d(delta_chi2) %g", ops->name,
                  pts[k][0], pts[k][1], dy, dc);
    ck_assert_int_eq(a[ic] > FB_CHI2_2DOF_95, b[ic] > FB_CHI2_2DOF_95);
  }
  printf("%s: max relative d(m Y) %.2e, d(delta_chi2) %.2e\n", ops->name, my, mc);
  run_free(&tab);
  run_free(&dir);
}

START_TEST(test_photodis) {
  /* (direct evaluation costs ~1 s per point: two per plane) */
  const double p4[2][2] = {{0.005519, 2.512e-18}, {0.1, 1.585e-21}};
  const double p9[2][2] = {{0.02156, 1.083e-14}, {0.2319, 7.88e-13}};
  const double p11[2][2] = {{0.02054, 5.412e-13}, {0.08437, 2.929e-9}};
  compare_pd(&fb_model_bc4_photodis, p4);
  compare_pd(&fb_model_bc9_photodis, p9);
  compare_pd(&fb_model_bc11_photodis, p11);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  Suite *s = suite_create("bbn_prod_table");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_bc9);
  tcase_add_test(tc, test_bc4);
  tcase_add_test(tc, test_bc10);
  tcase_add_test(tc, test_bc11);
  tcase_add_test(tc, test_photodis);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? 0 : 1;
}
