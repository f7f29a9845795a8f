/**
 * @file test_production.c
 * @brief The production registry (src/production/fb_production.h): every entry is complete and
 *        unique, names a registered particle model, gives finite non-negative rates that scale with
 *        the coupling as the model's widths do; unknown models are refused with a message.
 */
#include <check.h>
#include <math.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_fip.h"
#include "fb_fip_bc4.h"
#include "fb_production.h"

START_TEST(test_registry_complete) {
  ck_assert_int_ge(fb_production_count(), 1);
  for (int i = 0; i < fb_production_count(); ++i) {
    const fb_production_ops *o = fb_production_at(i);
    ck_assert_ptr_nonnull(o);
    ck_assert(o->fip && o->processes && o->references && o->rate_GeV);
    ck_assert_msg(strstr(o->references, "arXiv") || strstr(o->references, "hep-ph") || strstr(o->references, "PRD"),
                  "%s: references must cite papers", o->fip);
    ck_assert_ptr_eq(fb_production_find(o->fip), o);
    ck_assert_msg(fb_fip_find(o->fip, NULL) != NULL, "%s is not a particle model of src/models", o->fip);
    for (int j = 0; j < i; ++j) ck_assert_str_ne(fb_production_at(j)->fip, o->fip);
  }
  ck_assert_ptr_null(fb_production_at(fb_production_count()));
}
END_TEST

/* rates are finite, >= 0, and scale as coupling^power of the model (widths ~ coupling^power), up to a
 * coupling-independent part (bc5: h -> S S): r(4c) - r(2c) = 2^power (r(2c) - r(c)) */
START_TEST(test_rates_scale) {
  for (int i = 0; i < fb_production_count(); ++i) {
    const fb_production_ops *o = fb_production_at(i);
    const fb_fip_ops *f = fb_fip_find(o->fip, NULL);
    fb_err err = {0};
    fb_production p;
    ck_assert_int_eq(fb_production_init(&p, o->fip, NULL, &err), FB_OK);
    const double m = 2.0 * fmax(f->mass_min_GeV, 1e-3), c = 1e-6 * (f->coupling_max > 0 ? fmin(f->coupling_max, 1.0) : 1.0);
    /* finite up to the largest T_RH the inputs allow (1e5 GeV): bc10's electron loop gave inf above 4.5e4 GeV */
    for (double T = 10.0; T < 2e5; T *= 3.0) {
      const double r = fb_production_rate(&p, m, c, T);
      ck_assert_msg(isfinite(r) && r >= 0.0, "%s: rate %g at T = %g GeV", o->fip, r, T);
    }
    for (double T = 1e-3; T < 10.0; T *= 3.0) {
      const double r1 = fb_production_rate(&p, m, c, T), r2 = fb_production_rate(&p, m, 2.0 * c, T);
      const double r4 = fb_production_rate(&p, m, 4.0 * c, T);
      ck_assert_msg(isfinite(r1) && r1 >= 0.0, "%s: rate %g at T = %g", o->fip, r1, T);
      if (r2 - r1 > 1e-6 * r1)
        ck_assert_msg(fabs((r4 - r2) / (r2 - r1) / pow(2.0, f->coupling_power) - 1.0) < 1e-6,
                      "%s: rate ~ coupling^%g broken at T = %g", o->fip, f->coupling_power, T);
      else
        ck_assert_msg(fabs(r2 - r1) <= 1e-6 * r1, "%s: rate falls with the coupling at T = %g", o->fip, T);
    }
    fb_production_point pt = {&p, m, c};
    ck_assert(fb_production_callback(0.1, &pt) == fb_production_rate(&p, m, c, 0.1));
    fb_production_free(&p);
    ck_assert_ptr_null(p.ops);
  }
}
END_TEST

START_TEST(test_unknown_refused) {
  fb_err err = {0};
  fb_production p;
  ck_assert_int_eq(fb_production_init(&p, "no_such_model", NULL, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "no_such_model"));
  ck_assert_ptr_nonnull(strstr(err.msg, "bc9"));
  ck_assert(fb_production_rate(&p, 0.1, 1e-6, 0.1) == 0.0);
}
END_TEST

/* [bc5] br_h_SS has one reader (fb_bc5_br_h_SS): the production and the particle model of a band (bc5_bbn,
 * through fb_fip_config_from) see the run's value; out-of-range values are refused naming the key and range */
START_TEST(test_bc5_br_h_SS_one_source) {
  fb_err err = {0};
  fb_config run, mcfg;
  ck_assert_int_eq(fb_fip_config_default(&fb_fip_bc5, &run, &err), FB_OK);
  ck_assert_int_eq(fb_config_set(&run, "bc5.br_h_SS=0.03", &err), FB_OK);
  double br = 0.0;
  ck_assert_int_eq(fb_bc5_br_h_SS(&run, &br, &err), FB_OK);
  ck_assert(br == 0.03);
  ck_assert_int_eq(fb_bc5_br_h_SS(NULL, &br, &err), FB_OK);
  ck_assert(br == 0.01); /* the key's default */
  /* the band's particle-model configuration carries the run's value */
  ck_assert_int_eq(fb_fip_config_from(&fb_fip_bc5, &run, &mcfg, &err), FB_OK);
  ck_assert(fb_config_get_double(&mcfg, "bc5", "br_h_SS") == 0.03);
  fb_config_free(&mcfg);
  /* the production uses it: rate(bc5) - rate(bc4) = the h -> S S part at 0.03 */
  fb_production p5, p4;
  ck_assert_int_eq(fb_production_init(&p5, "bc5", &run, &err), FB_OK);
  ck_assert_int_eq(fb_production_init(&p4, "bc4", &run, &err), FB_OK);
  const double m = 0.5, T = 30.0, th = 1e-10;
  const double hss = fb_production_rate(&p5, m, th, T) - fb_production_rate(&p4, m, th, T);
  ck_assert(hss > 0.0);
  ck_assert_double_eq_tol(hss / fb_prod_bc5_higgs_rate(m, 0.03, T), 1.0, 1e-9);
  fb_production_free(&p5);
  fb_production_free(&p4);
  /* out of range: refused by the key's range, naming it */
  fb_err_clear(&err);
  ck_assert_int_eq(fb_config_set(&run, "bc5.br_h_SS=0.7", &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "br_h_SS"));
  fb_config_free(&run);
}
END_TEST

/* the one QGP fraction of every production: 1/2 at T_pc, 0 below T_pc/2, -> 1 above, monotonic */
START_TEST(test_qgp_fraction) {
  ck_assert(fabs(fb_production_qgp_fraction(FB_QCD_TPC_GEV) - 0.5) < 1e-15);
  ck_assert(fb_production_qgp_fraction(0.49 * FB_QCD_TPC_GEV) == 0.0);
  ck_assert(fabs(fb_production_qgp_fraction(3.0 * FB_QCD_TPC_GEV) - 1.0) < 1e-12);
  double prev = -1.0;
  for (double T = 0.4 * FB_QCD_TPC_GEV; T < 3.0 * FB_QCD_TPC_GEV; T *= 1.01) {
    const double w = fb_production_qgp_fraction(T);
    ck_assert(w >= prev && w >= 0.0 && w <= 1.0);
    prev = w;
  }
}
END_TEST

int main(void) {
  Suite *s = suite_create("production");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_registry_complete);
  tcase_add_test(tc, test_rates_scale);
  tcase_add_test(tc, test_unknown_refused);
  tcase_add_test(tc, test_bc5_br_h_SS_one_source);
  tcase_add_test(tc, test_qgp_fraction);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf ? 1 : 0;
}
