/**
 * @file test_bc9_etable.c
 * @brief bc9_bbn with the per-mass table of the Primakoff rate and mean energy (key primakoff_table = true, the default;
 *        src/production/fb_production_etable.c) against evaluating them at every call of the abundance solver (false:
 *        the stage as before 2026-12-07, bit for bit). Rows of docs/validation.md "The tightly coupled BC9 point: the
 *        Primakoff table".
 *
 * The bug these checks would catch: a table that moves the abundance handed to BBN or X's momentum there (wrong mass,
 * coupling power, range, interpolation), visible in Yp, D/H, N_eff or the verdict. Points: the four of
 * bench/bench_bbn_fip_energy (3 MeV at g = 1e-9 and 3e-7, 30 MeV at 1e-8, 300 MeV at 1e-9 GeV^-1) and those of
 * tests/bbn/test_bbn_inverse_decays.c (3 MeV at 1e-6 and 1e-4, 10 MeV at 3e-7 and 1e-4: tight coupling, clamped).
 * Tolerances: |dYp| < 2e-5, D/H 1e-4 relative, N_eff and N_eff_rec 1e-5, n/n_gamma(T0) 1e-5 relative, the same BBN and
 * N_eff verdicts. Measured (docs/validation.md): |dYp| <= 8.5e-6, D/H <= 1.8e-5 (relative), N_eff <= 1.8e-6,
 * n/n_gamma(T0) <= 1.3e-6 (relative). These are the BBN stage's own noise floor, not the table's error (rate and eps_P
 * within 7e-8 of direct evaluation, test_production_etable, so the abundance moves by ~1e-7 at most): the direct path at
 * g (1 + 1e-9) moves Yp by 4.7e-6 and D/H by 1.2e-5 at 10 MeV, g = 1e-4 (printed below), and a 4x denser table (160 per
 * e-fold; measured with the table from 0.5 T0 up) gives |dYp| = 2.1e-6 / 6.3e-6 / 6e-7 at (3 MeV, 3e-7), (10 MeV, 1e-4), (300 MeV, 1e-9) against 2.1e-6 / 8.9e-6
 * / 4.9e-6 at 40 per e-fold: no convergence towards the direct value beyond that floor.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "fb_config.h"
#include "fb_constants.h"
#include "fb_model.h"

extern const fb_model_ops fb_model_bc9_bbn;

typedef struct bc9_run {
  fb_config cfg;
  void *state;
  double out[64];
} bc9_run;

static int q(const char *name) {
  for (size_t i = 0; i < fb_model_bc9_bbn.n_quantities; ++i)
    if (strcmp(fb_model_bc9_bbn.quantities[i].name, name) == 0) return (int)i;
  ck_abort_msg("no quantity %s", name);
  return -1;
}

static void run_init(bc9_run *b, const char *setting) {
  memset(b, 0, sizeof *b);
  fb_err err;
  fb_err_clear(&err);
  const fb_key_spec *const schemas[1] = {fb_model_bc9_bbn.keys};
  const size_t n[1] = {fb_model_bc9_bbn.n_keys};
  ck_assert_int_eq(fb_config_init(&b->cfg, schemas, n, 1, &err), FB_OK);
  ck_assert_msg(fb_config_set(&b->cfg, setting, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_model_bc9_bbn.init(&b->state, &b->cfg, &err) == FB_OK, "%s", err.msg);
}

static void run_eval(bc9_run *b, double m, double g) {
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(fb_model_bc9_bbn.eval(b->state, m, g, b->out, &err) == FB_OK, "m = %g g = %g: %s", m, g, err.msg);
}

static void run_free(bc9_run *b) {
  fb_model_bc9_bbn.free(b->state);
  fb_config_free(&b->cfg);
}

START_TEST(test_table_vs_direct) {
  bc9_run tab, dir;
  run_init(&tab, "bc9_bbn.primakoff_table=true");
  run_init(&dir, "bc9_bbn.primakoff_table=false");
  const int iy = q("Yp_mass_fraction"), id = q("D_H"), in = q("Neff"), ir = q("Neff_rec"), ic = q("delta_chi2"),
            ing = q("n_over_ngamma_T0");
  const double pts[8][2] = {{3e-3, 1e-9}, {3e-3, 3e-7}, {3e-2, 1e-8}, {0.3, 1e-9},
                            {3e-3, 1e-6}, {3e-3, 1e-4}, {1e-2, 3e-7}, {1e-2, 1e-4}};
  double my = 0, md = 0, mn = 0, mg = 0;
  for (int k = 0; k < 8; ++k) {
    run_eval(&tab, pts[k][0], pts[k][1]);
    run_eval(&dir, pts[k][0], pts[k][1]);
    const double *a = tab.out, *b = dir.out;
    const double dy = fabs(a[iy] - b[iy]), dd = fabs(a[id] / b[id] - 1.0);
    const double dn = fmax(fabs(a[in] - b[in]), fabs(a[ir] - b[ir])), dg = fabs(a[ing] / b[ing] - 1.0);
    printf("m = %g GeV g = %g: Yp %.8f / %.8f, D/H %.7e / %.7e, Neff_rec %.7f / %.7f, delta_chi2 %.4f / %.4f "
           "(table / direct)\n", pts[k][0], pts[k][1], a[iy], b[iy], a[id], b[id], a[ir], b[ir], a[ic], b[ic]);
    my = fmax(my, dy), md = fmax(md, dd), mn = fmax(mn, dn), mg = fmax(mg, dg);
    ck_assert_msg(dy < 2e-5 && dd < 1e-4 && dn < 1e-5 && dg < 1e-5, "m = %g g = %g: dYp %g dD/H %g dNeff %g dn %g",
                  pts[k][0], pts[k][1], dy, dd, dn, dg);
    ck_assert_int_eq(a[ic] > FB_CHI2_2DOF_95, b[ic] > FB_CHI2_2DOF_95);
    ck_assert_int_eq(fabs(a[ir] - FB_NEFF_PLANCK18) > FB_NEFF_PLANCK18_95, fabs(b[ir] - FB_NEFF_PLANCK18) > FB_NEFF_PLANCK18_95);
  }
  printf("max |dYp| %.2e, D/H %.2e, N_eff %.2e, n/n_gamma(T0) %.2e (relative)\n", my, md, mn, mg);
  /* the stage's noise floor (information): the direct path at g (1 + 1e-9) */
  double y0, d0;
  run_eval(&dir, 1e-2, 1e-4);
  y0 = dir.out[iy], d0 = dir.out[id];
  run_eval(&dir, 1e-2, 1e-4 * (1.0 + 1e-9));
  printf("noise floor, direct at 10 MeV, g = 1e-4 vs 1e-4 (1 + 1e-9): |dYp| %.2e, D/H %.2e\n", fabs(dir.out[iy] - y0),
         fabs(dir.out[id] / d0 - 1.0));
  run_free(&tab);
  run_free(&dir);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  Suite *s = suite_create("bc9_etable");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_table_vs_direct);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? 0 : 1;
}
