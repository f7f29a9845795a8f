/**
 * @file test_stellar_range.c
 * @brief The observational / model range /bounds/<star>/{nominal, weak, strong} of the one-zone cooling
 *        bounds written through src/stellar/fb_stellar_range.h (issue 16 "Systematic bands").
 *
 * Checked (tolerance: each mask switches between 0.98 and 1.02 of its expected edge):
 *  - bc3_rg (red giant, millicharge): nominal edge = fb_rg_mcp_eps_max (1.670e-14 at m -> 0); weak edge = 3.0 x
 *    nominal (mu_nu 4.5e-12 of Viaux et al. arXiv:1308.4627 over 1.5e-12 of Capozzi & Raffelt arXiv:2007.03694,
 *    NGC 4258), strong = 0.8 x nominal (omega Cen 1.2e-12, arXiv:2007.03694), at m = 1e-9 and 1e-6 GeV (the
 *    plasmon-decay region, below the 4.4 keV threshold);
 *  - bc3_hb: strong = 0.47/0.66 x nominal (arXiv:2207.03102 over arXiv:1406.6053); weak = nominal by default
 *    (one-sided, docs/validation.md), 1.0/0.66 when [bc3_hb] g_agamma_max_GeV_weak = 1e-10 is set;
 *  - every mask: nominal equals excluded; weak within nominal within strong; the group attributes
 *    coupling_ratio_weak / coupling_ratio_strong equal the ratios;
 *  - trapping ([rg] trapping, default true): no set excludes above eps_trap (fb_rg_mcp_eps_trap, 1.25e-7 at
 *    m -> 0): 0.98 eps_trap excluded, 1.02 eps_trap not; with trapping = false both excluded;
 *  - bad input: a strong bound above the nominal one is refused with FB_ERR_INPUT naming the section and key.
 * The couplings are placed at edge x ratio x (0.98, 1.02): the test fails if any mask is computed from the
 * wrong criterion (a 2% displacement of a switching point is caught).
 */
#include <check.h>
#include <hdf5.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fb_config.h"
#include "fb_model.h"
#include "fb_rg_mcp.h"
#include "stellar_h5_check.h"

static const fb_model_ops *model_cfg(const char *name, fb_config *cfg, const char *set) {
  const fb_model_ops *m = fb_model_find(name);
  ck_assert_ptr_nonnull(m);
  fb_err err;
  fb_err_clear(&err);
  const fb_key_spec *const tabs[1] = {m->keys};
  size_t nk[1] = {m->n_keys};
  ck_assert_int_eq(fb_config_init(cfg, tabs, nk, 1, &err), FB_OK);
  if (set) ck_assert_msg(fb_config_set(cfg, set, &err) == FB_OK, "%s", err.msg);
  return m;
}

/* one mass, six couplings edge x ratio_k x (0.98, 1.02) for k = strong, nominal, weak: each mask switches
 * at its own edge; ratio = {nominal 1, weak, strong}; group "rg" or "hb" */
static void check_switch(const fb_model_ops *m, const fb_config *cfg, int star, double mass_GeV,
                         const double ratio[3], const char *group) {
  fb_err err;
  fb_err_clear(&err);
  void *state = NULL;
  ck_assert_msg(m->init(&state, cfg, &err) == FB_OK, "%s", err.msg);
  fb_rg_mcp_options o;
  fb_rg_mcp_options_default(&o, star);
  double edge;
  ck_assert_int_eq(fb_rg_mcp_eps_max(&o, mass_GeV, &edge, &err), FB_OK);
  ck_assert(isfinite(edge) && edge > 0);
  enum { NC = 6 };
  const double r[NC] = {ratio[2], ratio[2], 1.0, 1.0, ratio[1], ratio[1]};
  const double fac[NC] = {0.98, 1.02, 0.98, 1.02, 0.98, 1.02};
  double coup[NC], val[NC];
  int status[NC] = {0};
  for (int j = 0; j < NC; j++) {
    coup[j] = edge * r[j] * fac[j];
    ck_assert_msg(m->eval(state, mass_GeV, coup[j], &val[j], &err) == FB_OK, "%s", err.msg);
  }
  char h5[] = "/tmp/fb_stellar_rangeXXXXXX";
  close(mkstemp(h5));
  fb_scan_view v = {1, NC, &mass_GeV, coup, 1, val, status, NULL, 0};
  hid_t f = H5Fcreate(h5, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  ck_assert_int_ge(f, 0);
  ck_assert_msg(m->postprocess(state, cfg, &v, f, &err) == FB_OK, "%s", err.msg);
  unsigned char ex[NC], nom[NC], weak[NC], strong[NC];
  char p[64];
  snprintf(p, sizeof p, "/bounds/%s/excluded", group);
  read_u8(f, p, ex);
  snprintf(p, sizeof p, "/bounds/%s/nominal", group);
  read_u8(f, p, nom);
  snprintf(p, sizeof p, "/bounds/%s/weak", group);
  read_u8(f, p, weak);
  snprintf(p, sizeof p, "/bounds/%s/strong", group);
  read_u8(f, p, strong);
  snprintf(p, sizeof p, "/bounds/%s", group);
  const double rw = read_attr_f64(f, p, "coupling_ratio_weak"), rs = read_attr_f64(f, p, "coupling_ratio_strong");
  H5Fclose(f);
  unlink(h5);
  ck_assert_msg(fabs(rw / ratio[1] - 1) < 1e-12 && fabs(rs / ratio[2] - 1) < 1e-12, "ratios %g %g", rw, rs);
  for (int j = 0; j < NC; j++) {
    ck_assert_int_eq(ex[j], nom[j]);
    ck_assert(!weak[j] || nom[j]);
    ck_assert(!nom[j] || strong[j]);
  }
  printf("%s m = %g GeV: eps edge nominal %.4g, weak %.4g, strong %.4g\n", m->name, mass_GeV, edge, edge * ratio[1],
         edge * ratio[2]);
  ck_assert_msg(!strong[0] && strong[1], "%s m = %g: strong mask does not switch at %g x edge", m->name, mass_GeV,
                ratio[2]);
  ck_assert_msg(!nom[2] && nom[3], "%s m = %g: nominal mask does not switch at the edge", m->name, mass_GeV);
  ck_assert_msg(!weak[4] && weak[5], "%s m = %g: weak mask does not switch at %g x edge", m->name, mass_GeV, ratio[1]);
  m->free(state);
}

START_TEST(test_bc3_rg_range) {
  fb_config cfg;
  const fb_model_ops *m = model_cfg("bc3_rg", &cfg, NULL);
  /* 4.5e-12 / 1.5e-12 and 1.2e-12 / 1.5e-12 (mu_B; arXiv:1308.4627, arXiv:2007.03694) */
  const double ratio[3] = {1.0, 3.0, 0.8};
  check_switch(m, &cfg, 0, 1e-9, ratio, "rg");
  check_switch(m, &cfg, 0, 1e-6, ratio, "rg");
  fb_config_free(&cfg);
}
END_TEST

START_TEST(test_bc3_hb_range) {
  fb_config cfg;
  const fb_model_ops *m = model_cfg("bc3_hb", &cfg, NULL);
  const double ratio[3] = {1.0, 1.0, 0.47 / 0.66}; /* arXiv:2207.03102 over arXiv:1406.6053 */
  check_switch(m, &cfg, 1, 1e-9, ratio, "hb");
  check_switch(m, &cfg, 1, 5e-7, ratio, "hb");
  fb_config_free(&cfg);
  /* a weak edge when asked for: 1.0e-10 over 0.66e-10 */
  m = model_cfg("bc3_hb", &cfg, "bc3_hb.g_agamma_max_GeV_weak=1e-10");
  const double ratio_w[3] = {1.0, 1.0 / 0.66, 0.47 / 0.66};
  check_switch(m, &cfg, 1, 1e-9, ratio_w, "hb");
  fb_config_free(&cfg);
}
END_TEST

/* trapping: at m = 1e-9 GeV the mask switches off between 0.98 and 1.02 of eps_trap (1.25e-7, fb_rg_mcp_eps_trap);
 * with [rg] trapping = false both points stay excluded */
static void check_trap(const char *set, int want_above) {
  fb_config cfg;
  const fb_model_ops *m = model_cfg("bc3_rg", &cfg, set);
  fb_err err;
  fb_err_clear(&err);
  void *state = NULL;
  ck_assert_msg(m->init(&state, &cfg, &err) == FB_OK, "%s", err.msg);
  fb_rg_mcp_options o;
  fb_rg_mcp_options_default(&o, 0);
  double mass = 1e-9, et;
  ck_assert_int_eq(fb_rg_mcp_eps_trap(&o, mass, &et, &err), FB_OK);
  ck_assert_msg(et > 1e-7 && et < 1.5e-7, "eps_trap = %g", et);
  double coup[2] = {0.98 * et, 1.02 * et}, val[2];
  int status[2] = {0, 0};
  for (int j = 0; j < 2; j++) ck_assert_int_eq(m->eval(state, mass, coup[j], &val[j], &err), FB_OK);
  char h5[] = "/tmp/fb_stellar_trapXXXXXX";
  close(mkstemp(h5));
  fb_scan_view v = {1, 2, &mass, coup, 1, val, status, NULL, 0};
  hid_t f = H5Fcreate(h5, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  ck_assert_msg(m->postprocess(state, &cfg, &v, f, &err) == FB_OK, "%s", err.msg);
  unsigned char ex[2], weak[2], strong[2];
  read_u8(f, "/bounds/rg/excluded", ex);
  read_u8(f, "/bounds/rg/weak", weak);
  read_u8(f, "/bounds/rg/strong", strong);
  H5Fclose(f);
  unlink(h5);
  ck_assert(ex[0] && weak[0] && strong[0]);
  ck_assert_msg(ex[1] == want_above && weak[1] == want_above && strong[1] == want_above, "%s: above eps_trap %d %d %d",
                set ? set : "default", ex[1], weak[1], strong[1]);
  m->free(state);
  fb_config_free(&cfg);
}

START_TEST(test_bc3_trapping) {
  check_trap(NULL, 0);
  check_trap("rg.trapping=false", 1);
}
END_TEST

START_TEST(test_bad_order) {
  fb_config cfg;
  const fb_model_ops *m = model_cfg("bc3_rg", &cfg, "rg.mu_nu_max_muB_strong=2e-12");
  fb_err err;
  fb_err_clear(&err);
  void *state = NULL;
  ck_assert_int_eq(m->init(&state, &cfg, &err), FB_ERR_INPUT);
  ck_assert_msg(strstr(err.msg, "[rg]") && strstr(err.msg, "mu_nu_max_muB_strong"), "%s", err.msg);
  fb_config_free(&cfg);
}
END_TEST

int main(void) {
  Suite *s = suite_create("stellar_range");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_bc3_rg_range);
  tcase_add_test(tc, test_bc3_hb_range);
  tcase_add_test(tc, test_bc3_trapping);
  tcase_add_test(tc, test_bad_order);
  suite_add_tcase(s, tc);
  SRunner *r = srunner_create(s);
  srunner_run_all(r, CK_NORMAL);
  int nf = srunner_ntests_failed(r);
  srunner_free(r);
  return nf ? EXIT_FAILURE : EXIT_SUCCESS;
}
