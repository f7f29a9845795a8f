/**
 * @file test_bbn_nu_conv_table.c
 * @brief The per-background table of the decay's neutrino conversions (src/bbn/bbn_nu_conv_table.c) against the direct
 *        solve at every call (bbn_decay.nu_conv_direct = 1, the path before 2026-12-07; issue 14 "Speed and scale").
 *
 * Two checks, the reference being our own direct path (the table is an interpolation of it, nothing else changes):
 *  1. the four parts (bbn_nu_conversion_parts: p -> n and n -> p, groups not from / from pions) of the bc6 (e), bc7 (mu)
 *     and bc8 (tau) HNL decays at 0.2, 0.45 and 0.8 GeV, at rest and in flight (p0 = the kinetic-equilibrium momentum at
 *     T_start), at the midpoints between the table's nodes (where Catmull-Rom is least accurate) over the standard
 *     background from T = 10 MeV to 8 keV: the largest relative difference where the part exceeds 1e-6 of its largest
 *     value below 3e-3 (the cascade's own grid changes in steps with T - its number of nodes follows ln(E_top / 3.15 T)
 *     - so the direct path is not smooth at that level; the steps are not resolved by any table);
 *  2. full points of bc6_bbn, bc7_bbn, bc8_bbn (the six points of bench/bench_bbn_hnl.c along and around the
 *     tau = 0.02 s boundary, and the quick rows of test_bbn_hnl_em_share): |Delta Yp| < 1e-5, |Delta D/H| / D/H < 1e-4,
 *     N_eff identical (the background does not use the table; |Delta| < 1e-12) and the same verdict of delta_chi2 >
 *     5.99 unless delta_chi2 is within 0.05 of it.
 * `test_bbn_nu_conv_table report` prints the comparison table of docs/validation.md.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "bbn.h"
#include "bbn_decay_record.h"
#include "bbn_internal.h"
#include "fb_config.h"
#include "fb_constants.h"
#include "fb_fip.h"
#include "fb_model.h"

extern const fb_model_ops fb_model_bc6_bbn, fb_model_bc7_bbn, fb_model_bc8_bbn;

static const fb_model_ops *MODELS[3] = {&fb_model_bc6_bbn, &fb_model_bc7_bbn, &fb_model_bc8_bbn};
static const char *FIPS[3] = {"bc6", "bc7", "bc8"};

static int REPORT = 0;

/* ---- 1. the parts between the nodes ---- */

/* the largest relative difference table / direct of the four parts at the midpoints of the table's intervals between
 * T = 10 MeV and 8 keV (parts above 1e-6 of the column's largest value) */
static double parts_max_rel(const bbn_tables *tab, const bbn_background *bg, const bbn_decay *d, double *where_T) {
  bbn_nu_conv_table nct;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(bbn_nu_conv_table_init(&nct, bg, BBN_NU_CONV_DLNT, &err) == FB_OK, "%s", err.msg);
  const double lt_a = log(bbn_background_time_at_T(bg, 10.0)), lt_b = log(bbn_background_time_at_T(bg, 0.008));
  const int i0 = (int)((lt_a - nct.lnt0) / nct.h) + 1, i1 = (int)((lt_b - nct.lnt0) / nct.h) - 1;
  ck_assert(i0 > 0 && i1 < nct.n - 1 && i1 > i0 + 10);
  const int m = i1 - i0;
  double (*dir)[4] = malloc(sizeof(double[4]) * (size_t)m), (*tb)[4] = malloc(sizeof(double[4]) * (size_t)m);
  double top[4] = {0, 0, 0, 0};
  for (int k = 0; k < m; ++k) {
    const double t = exp(nct.lnt0 + (i0 + k + 0.5) * nct.h);
    bbn_nu_conversion_node(tab, d, bg, t, dir[k]);
    ck_assert(bbn_nu_conv_table_at(&nct, tab, d, bg, t, tb[k]) == 1);
    for (int c = 0; c < 4; ++c) top[c] = fmax(top[c], dir[k][c]);
  }
  double worst = 0.0;
  *where_T = 0.0;
  for (int k = 0; k < m; ++k)
    for (int c = 0; c < 4; ++c) {
      if (!(dir[k][c] > 1e-6 * top[c])) continue;
      const double r = fabs(tb[k][c] / dir[k][c] - 1.0);
      if (r > worst) {
        double T, Tn, nb;
        bbn_background_at(bg, exp(nct.lnt0 + (i0 + k + 0.5) * nct.h), &T, &Tn, &nb);
        worst = r;
        *where_T = T;
      }
    }
  free(dir);
  free(tb);
  bbn_nu_conv_table_free(&nct);
  return worst;
}

START_TEST(test_parts_between_nodes) {
  fb_err err;
  fb_err_clear(&err);
  bbn_tables tab;
  ck_assert_msg(bbn_tables_init(&tab, &err) == FB_OK, "%s", err.msg);
  bbn_params p;
  bbn_params_default(&p);
  bbn_background bg;
  ck_assert_msg(bbn_background_solve(&tab, &p, &bg, &err) == FB_OK, "%s", err.msg);
  static const double MASS[3] = {0.2, 0.45, 0.8};
  double worst_all = 0.0;
  for (int f = 0; f < 3; ++f) {
    const fb_fip_ops *ops = fb_fip_find(FIPS[f], NULL);
    fb_config mcfg;
    ck_assert_int_eq(fb_fip_config_default(ops, &mcfg, &err), FB_OK);
    void *model = NULL;
    if (ops->init) ck_assert_int_eq(ops->init(&model, &mcfg, &err), FB_OK);
    for (int im = 0; im < 3; ++im) {
      fb_decay rec;
      ck_assert_msg(ops->decay(model, MASS[im], 1e-9, &rec, &err) == FB_OK, "%s", err.msg);
      bbn_decay d;
      memset(&d, 0, sizeof d);
      ck_assert_msg(bbn_decay_from_record(&rec, &d, NULL, &err) == FB_OK, "%s", err.msg);
      d.mesons = d.nu_conversion = d.nu_oscillations = d.nu_cascade = 1;
      ck_assert(d.n_nu_groups > 0);
      for (int fl = 0; fl < 2; ++fl) {
        d.p0_MeV = fl ? bbn_kinetic_momentum_MeV(1e3 * MASS[im], p.T_start_MeV) : 0.0;
        double T_at;
        const double w = parts_max_rel(&tab, &bg, &d, &T_at);
        printf("parts %s m = %.2f GeV %s: max |table/direct - 1| at the midpoints %.2e (at T = %.3g MeV)\n", FIPS[f],
               MASS[im], fl ? "in flight" : "at rest", w, T_at);
        worst_all = fmax(worst_all, w);
      }
    }
    if (ops->free) ops->free(model);
    fb_config_free(&mcfg);
  }
  printf("parts: worst %.2e (tolerance 3e-3)\n", worst_all);
  ck_assert_msg(worst_all < 3e-3, "the table's parts differ from the direct solve by %g", worst_all);
  bbn_background_free(&bg);
  bbn_tables_free(&tab);
}
END_TEST

/* ---- 2. full points, table against direct ---- */

typedef struct pt { int f; double m_GeV, U2; } pt;
static const pt POINTS[] = {
    /* bench/bench_bbn_hnl.c (bc6) */
    {0, 0.2, 1e-7}, {0, 0.2, 1e-8}, {0, 0.45, 3e-9}, {0, 0.45, 1e-10}, {0, 0.8, 3e-10}, {0, 0.8, 1e-12},
    /* near the upper edges of test_bbn_hnl_em_share's quick rows: e 0.29, mu 0.51, tau 0.30 GeV */
    {0, 0.294853432, 5.16105877e-09}, {1, 0.510043981, 8.68966838e-10}, {2, 0.30, 1.5e-8},
    /* mu and tau at the bench's masses */
    {1, 0.2, 3e-8}, {2, 0.45, 3e-9}, {2, 0.8, 1e-10},
};
#define N_POINTS (sizeof POINTS / sizeof POINTS[0])

static int qidx(const fb_model_ops *ops, const char *name) {
  for (size_t i = 0; i < ops->n_quantities; ++i)
    if (strcmp(ops->quantities[i].name, name) == 0) return (int)i;
  return -1;
}

static int eval_point(const pt *q, int direct, double out[64], fb_err *err) {
  const fb_model_ops *ops = MODELS[q->f];
  const fb_key_spec *const schemas[1] = {ops->keys};
  const size_t n[1] = {ops->n_keys};
  fb_config cfg;
  char set[64];
  snprintf(set, sizeof set, "%s.nu_conv_direct=%s", ops->name, direct ? "true" : "false");
  FB_CALL(err, fb_config_init(&cfg, schemas, n, 1, err));
  int rc = fb_config_set(&cfg, set, err);
  void *st = NULL;
  if (rc == FB_OK) rc = ops->init(&st, &cfg, err);
  if (rc == FB_OK) rc = ops->eval(st, q->m_GeV, q->U2, out, err);
  if (st) ops->free(st);
  fb_config_free(&cfg);
  return rc;
}

START_TEST(test_points_table_vs_direct) {
  const pt *q = &POINTS[_i];
  const fb_model_ops *ops = MODELS[q->f];
  fb_err err;
  fb_err_clear(&err);
  double o_t[64], o_d[64];
  ck_assert_msg(eval_point(q, 0, o_t, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(eval_point(q, 1, o_d, &err) == FB_OK, "%s", err.msg);
  const int iY = qidx(ops, "Yp_mass_fraction"), iD = qidx(ops, "D_H"), iN = qidx(ops, "Neff"),
            iC = qidx(ops, "delta_chi2");
  ck_assert(iY >= 0 && iD >= 0 && iN >= 0 && iC >= 0);
  const double dY = o_t[iY] - o_d[iY], dD = o_t[iD] / o_d[iD] - 1.0, dN = o_t[iN] - o_d[iN];
  const int ex_t = o_t[iC] > FB_CHI2_2DOF_95, ex_d = o_d[iC] > FB_CHI2_2DOF_95;
  printf("| %s | %.4g | %.3g | %.6f | %.3e | %.3e | %.2e | %.4f / %.4f | %s / %s |\n", ops->name, q->m_GeV, q->U2,
         o_d[iY], dY, dD, dN, o_d[iC], o_t[iC], ex_d ? "excl" : "allowed", ex_t ? "excl" : "allowed");
  fflush(stdout);
  ck_assert_msg(fabs(dY) < 1e-5, "Yp: table %.8f direct %.8f", o_t[iY], o_d[iY]);
  ck_assert_msg(fabs(dD) < 1e-4, "D/H: table %.6e direct %.6e", o_t[iD], o_d[iD]);
  ck_assert_msg(fabs(dN) < 1e-12, "N_eff: table %.10f direct %.10f", o_t[iN], o_d[iN]);
  ck_assert_msg(ex_t == ex_d || fabs(o_d[iC] - FB_CHI2_2DOF_95) < 0.05, "verdict differs: delta_chi2 %g / %g", o_t[iC],
                o_d[iC]);
}
END_TEST

int main(int argc, char **argv) {
  gsl_set_error_handler_off();
  REPORT = argc > 1 && strcmp(argv[1], "report") == 0;
  (void)REPORT;
  Suite *s = suite_create("bbn_nu_conv_table");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_parts_between_nodes);
  printf("| model | m_N GeV | U^2 | Yp direct | Delta Yp | Delta D/H rel | Delta N_eff | delta_chi2 direct / table | "
         "verdict |\n");
  tcase_add_loop_test(tc, test_points_table_vs_direct, 0, (int)N_POINTS);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_set_fork_status(sr, CK_NOFORK);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf ? 1 : 0;
}
