/* Tests of the BC10 and BC11 ALP models (src/models/fb_fip_alp.c): analytic leptonic widths, the
 * fermion-loop function in its heavy and light limits, the BC11 two-photon coefficient at m_a -> 0
 * against the chiral result, BR sums, threshold continuity, the scan models, error paths, and BC11
 * against the FORESEE ALP-gluon tables (Aloni, Soreq, Williams arXiv:1811.03474 treatment; read from
 * FB_SHARED_DIR, never copied; skipped with a message when ../shared is absent). */
#include <check.h>
#include <complex.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_fip.h"
#include "fb_fip_alp.h"
#include "fb_alp_kinematics_internal.h"
#include "fb_model.h"

static const fb_fip_ops *get_model(const char *name, void **state) {
  const fb_fip_ops *o = fb_fip_find(name, NULL);
  ck_assert_ptr_nonnull(o);
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(o->init(state, NULL, &err) == FB_OK, "%s", err.msg);
  return o;
}

/* Gamma(a -> l l) = m_a m_l^2 beta / (8 pi f_l^2) [arXiv:1708.00443 with c_ll/Lambda = 1/f_l], written
 * out independently, at high-entropy masses and couplings, one 0.7 % above the muon threshold. */
START_TEST(test_leptonic_widths) {
  void *st;
  const fb_fip_ops *o = get_model("bc10", &st);
  const double m[] = {2.385e-3, 0.0731, 0.2128, 0.6172, 1.4142, 3.7719, 8.8888};
  const double g[] = {3.1e-6, 2.7e-3, 1.9e-4, 5.5e-7, 7.3e-5, 4.4e-2, 1.2e-8};
  const double ml[3] = {0.51099895000e-3, 0.1056583755, 1.77693};
  const char *names[3] = {"ee", "mumu", "tautau"};
  for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
    fb_err err;
    fb_decay d;
    ck_assert_msg(o->decay(st, m[i], g[i], &d, &err) == FB_OK, "%s", err.msg);
    for (int l = 0; l < 3; l++) {
      const int k = fb_decay_find(&d, names[l]);
      ck_assert_int_ge(k, 0);
      const double x = 4.0 * ml[l] * ml[l] / (m[i] * m[i]);
      const double want = x < 1.0 ? g[i] * g[i] * m[i] * ml[l] * ml[l] * sqrt(1.0 - x) / (8.0 * FB_PI) : 0.0;
      ck_assert_msg(fabs(d.ch[k].width_GeV - want) <= 1e-12 * want + 1e-300, "%s at m = %g: %.15e vs %.15e",
                    names[l], m[i], d.ch[k].width_GeV, want);
    }
    ck_assert(fabs(d.ctau_m * d.width_GeV / 1.973269804e-16 - 1.0) < 1e-12);
  }
  o->free(st);
}
END_TEST

/* B_1(tau) = 1 - tau f(tau)^2: light fermion -> 1, heavy -> -1/(3 tau) (arXiv:1708.00443); the two
 * branches of f meet at tau = 1 (B_1(1) = 1 - pi^2/4). */
START_TEST(test_loop_function_limits) {
  const double light[] = {1e-10, 3.7e-9, 2.2e-8, 1e-17, 1e-30}; /* 1e-17, 1e-30: 1 - sqrt(1 - tau) rounds to 0 (review) */
  for (int i = 0; i < 5; i++) {
    const double complex b = fb_alp_B1(light[i]);
    ck_assert_msg(isfinite(creal(b)) && isfinite(cimag(b)), "light tau = %g: B1 not finite", light[i]);
    /* leading correction: tau ((ln(4/tau))^2 / 4 + pi ln(4/tau) / 2) */
    const double l = log(4.0 / light[i]);
    ck_assert_msg(cabs(b - 1.0) < light[i] * (0.25 * l * l + 0.5 * FB_PI * l + 3.0), "light tau = %g: B1 = %g%+gi", light[i], creal(b), cimag(b));
  }
  const double heavy[] = {2.9e3, 1.7e4, 3.3e5};
  for (int i = 0; i < 3; i++) {
    const double complex b = fb_alp_B1(heavy[i]);
    const double want = -1.0 / (3.0 * heavy[i]);
    ck_assert_msg(fabs(creal(b) / want - 1.0) < 1e-3 && cimag(b) == 0.0, "heavy tau = %g: %g vs %g", heavy[i],
                  creal(b), want);
  }
  const double complex lo = fb_alp_B1(1.0 - 1e-10), hi = fb_alp_B1(1.0 + 1e-10);
  ck_assert(cabs(lo - hi) < 1e-4);
  ck_assert(fabs(creal(hi) - (1.0 - FB_PI * FB_PI / 4.0)) < 1e-4);
}
END_TEST

/* BC10 a -> gamma gamma: heavy-fermion decoupling (C ~ m_a^2 for m_a << every fermion and meson mass
 * except e, whose B_1 is evaluated as such) and the light-fermion limit above the matching window
 * (every fermion lighter than m_a/20 contributes 2 N_c Q^2). */
START_TEST(test_bc10_gamma_limits) {
  /* decoupling: below 2 m_e every term ~ m_a^2; C(m)/m^2 constant to O(m^2/(4 m_e^2)) */
  const double c1 = cabs(fb_alp_bc10_cgamma(2.0e-5)) / (2.0e-5 * 2.0e-5);
  const double c2 = cabs(fb_alp_bc10_cgamma(4.0e-5)) / (4.0e-5 * 4.0e-5);
  ck_assert_msg(fabs(c2 / c1 - 1.0) < 1e-3, "C/m^2: %g vs %g", c1, c2);
  /* the electron alone in the heavy limit: C = 2 (-m^2/(12 m_e^2)), the rest adds < 1 % */
  const double want = 2.0 / (12.0 * 0.51099895000e-3 * 0.51099895000e-3);
  ck_assert_msg(fabs(c1 / want - 1.0) < 0.01, "C/m^2 = %g, electron heavy limit %g", c1, want);
  /* at 9 GeV, above the matching window: e, u, d are light (B_1 = 1 to 1e-5), the other fermions
   * through B_1 (tested above): C = 2 (1 + 3 (4/9 + 1/9)) + the rest */
  const double m = 9.0;
  double complex rest = 0.0;
  const double other[6] = {0.1056583755, 1.77693, 93.5e-3, 1.2730, 4.183, 172.57};
  const double q2n[6] = {1.0, 1.0, 3.0 / 9.0, 3.0 * 4.0 / 9.0, 3.0 / 9.0, 3.0 * 4.0 / 9.0};
  for (int i = 0; i < 6; i++) rest += 2.0 * q2n[i] * fb_alp_B1(4.0 * other[i] * other[i] / (m * m));
  const double complex want9 = 2.0 * (1.0 + 3.0 * 5.0 / 9.0) + rest;
  ck_assert_msg(cabs(fb_alp_bc10_cgamma(m) - want9) < 1e-4 * cabs(want9), "C(9 GeV) = %g, want %g",
                cabs(fb_alp_bc10_cgamma(m)), cabs(want9));
}
END_TEST

/* BC11 at m_a -> 0: C = -2 N_c sum_q kappa_q Q_q^2 with kappa_q = m_q^-1 / sum m^-1, i.e.
 * -(2/3)(4 m_d m_s + m_u m_s + m_u m_d)/(m_d m_s + m_u m_s + m_u m_d) at LO; literature: the QCD-axion
 * value -1.92(4) of arXiv:1511.02867 includes NLO corrections, so the LO value is compared at 6 %. */
START_TEST(test_bc11_gamma_chiral_limit) {
  const double mu = 2.16e-3, md = 4.70e-3, ms = 93.5e-3;
  const double lo = -(2.0 / 3.0) * (4.0 * md * ms + mu * ms + mu * md) / (md * ms + mu * ms + mu * md);
  const double complex c = fb_alp_bc11_cgamma(1.0e-3);
  ck_assert_msg(fabs(creal(c) / lo - 1.0) < 1e-3, "C(1 MeV) = %g, LO chiral %g", creal(c), lo);
  ck_assert_msg(fabs(creal(c) / -1.92 - 1.0) < 0.06, "C(1 MeV) = %g vs -1.92", creal(c));
  /* and the decay: Gamma = alpha^2 C^2 m^3 / (256 pi^3 f^2) */
  void *st;
  const fb_fip_ops *o = get_model("bc11", &st);
  fb_err err;
  fb_decay d;
  ck_assert_int_eq(o->decay(st, 1.0e-3, 2.7e-4, &d, &err), FB_OK);
  const double want = pow(7.2973525693e-3 * cabs(c) * 2.7e-4, 2) * 1e-9 / (256.0 * pow(FB_PI, 3));
  ck_assert(fabs(d.width_GeV / want - 1.0) < 1e-12);
  fb_fip_values v;
  ck_assert_int_eq(o->production(st, 1.0e-3, 2.7e-4, &v, &err), FB_OK);
  ck_assert_str_eq(v.v[0].name, "g_agamma");
  ck_assert(fabs(v.v[0].value / (7.2973525693e-3 * cabs(c) * 2.7e-4 / (2.0 * FB_PI)) - 1.0) < 1e-12);
  o->free(st);
}
END_TEST

/* Sum of BRs = 1 to 1e-12 and energy fractions sum to 1, on a log grid through every regime. */
START_TEST(test_br_sums) {
  const char *models[2] = {"bc10", "bc11"};
  for (int im = 0; im < 2; im++) {
    void *st;
    const fb_fip_ops *o = get_model(models[im], &st);
    for (int i = 0; i <= 400; i++) {
      const double m = 1.0013e-3 * pow(10.0, 4.0 * i / 400.0);
      fb_err err;
      fb_decay d;
      ck_assert_msg(o->decay(st, m, 3.3e-4, &d, &err) == FB_OK, "%s", err.msg);
      double sbr = 0.0, sef = 0.0;
      for (size_t k = 0; k < d.n_channels; k++) sbr += d.ch[k].br;
      for (int c = 0; c < FB_N_DECAY_CLASSES; c++) sef += d.efrac[c];
      ck_assert_msg(fabs(sbr - 1.0) < 1e-12, "%s m = %g: sum BR - 1 = %g", models[im], m, sbr - 1.0);
      ck_assert_msg(fabs(sef - 1.0) < 1e-9, "%s m = %g: sum efrac - 1 = %g", models[im], m, sef - 1.0);
      ck_assert(d.width_GeV > 0.0 && isfinite(d.ctau_m));
    }
    o->free(st);
  }
}
END_TEST

/* Continuity (issue 13: no jump in c tau larger than the opening channel's share): across each
 * threshold and the matching window, every channel already open changes by < 5e-3 between
 * m (1 - 1e-7) and m (1 + 1e-7), and every opening channel starts from zero (its width falls when
 * the distance to the threshold is divided by 4). */
START_TEST(test_continuity) {
  const double thr10[] = {2 * 0.51099895000e-3, 2 * 0.1056583755, 3 * 0.1349768, 2 * 0.13957039 + 0.1349768,
                          0.547862 + 2 * 0.13957039,
                          0.547862 + 2 * 0.1349768, 2 * 0.493677, 1.2, 2.0, 2 * 1.77693, 2 * 1.86484};
  const double thr11[] = {3 * 0.1349768, 2 * 0.13957039 + 0.1349768, 2 * 0.13957039, 0.547862 + 2 * 0.13957039,
                          0.547862 + 2 * 0.1349768, 1.2, 2.0, 3.7, 4.183, 1.273,
                          2 * 0.493677 + 0.1349768 /* K K pi (K* exchange) */};
  const char *models[2] = {"bc10", "bc11"};
  const double *thr[2] = {thr10, thr11};
  const size_t nthr[2] = {sizeof thr10 / sizeof thr10[0], sizeof thr11 / sizeof thr11[0]};
  for (int im = 0; im < 2; im++) {
    void *st;
    const fb_fip_ops *o = get_model(models[im], &st);
    for (size_t i = 0; i < nthr[im]; i++) {
      fb_err err;
      fb_decay a, b, c;
      ck_assert_int_eq(o->decay(st, thr[im][i] * (1 - 1e-7), 1e-3, &a, &err), FB_OK);
      ck_assert_int_eq(o->decay(st, thr[im][i] * (1 + 1e-7), 1e-3, &b, &err), FB_OK);
      ck_assert_int_eq(o->decay(st, thr[im][i] * (1 + 4e-7), 1e-3, &c, &err), FB_OK);
      for (size_t k = 0; k < a.n_channels; k++) {
        const double wa = a.ch[k].width_GeV, wb = b.ch[k].width_GeV, wc = c.ch[k].width_GeV;
        if (wa > 0.0 && wb == 0.0) /* a channel handed over at the matching window closes smoothly */
          ck_assert_msg(wa < 1e-9 * a.width_GeV, "%s %s closing at %g GeV: %g of %g", models[im], a.ch[k].name,
                        thr[im][i], wa, a.width_GeV);
        else if (wa > 0.0)
          ck_assert_msg(fabs(wb / wa - 1.0) < 5e-3, "%s %s at %g GeV: %g -> %g", models[im], a.ch[k].name,
                        thr[im][i], wa, wb);
        else if (wb > 0.0)
          ck_assert_msg(wb < 0.6 * wc, "%s %s opening at %g GeV: %g, %g", models[im], a.ch[k].name, thr[im][i],
                        wb, wc);
      }
    }
    o->free(st);
  }
}
END_TEST

/* Scan models: quantities in channel order, equal to a direct computation at that coupling. */
START_TEST(test_scan_models) {
  const char *models[2] = {"bc10", "bc11"};
  for (int im = 0; im < 2; im++) {
    const fb_model_ops *mo = fb_model_find(models[im]);
    ck_assert_ptr_nonnull(mo);
    void *sst = NULL, *st = NULL;
    fb_err err;
    fb_err_clear(&err);
    ck_assert_msg(mo->init(&sst, NULL, &err) == FB_OK, "%s", err.msg);
    const fb_fip_ops *o = get_model(models[im], &st);
    double out[64];
    const double masses[] = {0.0123, 0.5171, 0.9384, 1.6180, 4.4321};
    for (size_t i = 0; i < 5; i++) {
      ck_assert_msg(mo->eval(sst, masses[i], 2.3e-5, out, &err) == FB_OK, "%s", err.msg);
      fb_decay d;
      ck_assert_int_eq(o->decay(st, masses[i], 2.3e-5, &d, &err), FB_OK);
      ck_assert(fabs(out[2] / d.ctau_m - 1.0) < 1e-12);
      for (size_t k = 0; k < d.n_channels; k++) {
        char want[64];
        snprintf(want, sizeof want, "br_%s", d.ch[k].name);
        ck_assert_str_eq(mo->quantities[3 + k].name, want);
        ck_assert(fabs(out[3 + k] - d.ch[k].br) <= 1e-12);
      }
    }
    mo->free(sst);
    o->free(st);
  }
}
END_TEST

/* Error paths: outside the valid range, uninitialised state, an inverted matching window. */
START_TEST(test_errors) {
  const fb_fip_ops *o = fb_fip_find("bc11", NULL);
  fb_err err;
  fb_decay d;
  ck_assert_int_eq(o->decay(NULL, 0.5, 1e-3, &d, &err), FB_ERR_INTERNAL);
  ck_assert_int_eq(fb_fip_check_point(o, 12.0, 1e-3, &err), FB_ERR_RANGE);
  ck_assert_msg(strstr(err.msg, "valid range") != NULL, "%s", err.msg);
  fb_config cfg;
  ck_assert_int_eq(fb_fip_config_default(o, &cfg, &err), FB_OK);
  ck_assert_int_eq(fb_config_set(&cfg, "bc11.match_low_GeV=2.5", &err), FB_OK);
  void *st = NULL;
  ck_assert_int_eq(o->init(&st, &cfg, &err), FB_ERR_INPUT);
  ck_assert_msg(strstr(err.msg, "match_low_GeV") != NULL, "%s", err.msg);
  fb_config_free(&cfg);
}
END_TEST

/* ---------------------------------------------------------------- BC11 vs FORESEE (ASW) */
typedef struct table {
  size_t n;
  double m[2000], y[2000];
} table;

static int read_table(const char *name, table *t) {
  char path[512];
  snprintf(path, sizeof path, "%s/data/models/foresee_alp_gluon/%s", FB_SHARED_DIR, name);
  FILE *f = fopen(path, "r");
  if (!f) return 0;
  t->n = 0;
  while (t->n < 2000 && fscanf(f, "%lf %lf", &t->m[t->n], &t->y[t->n]) == 2) t->n++;
  fclose(f);
  return t->n > 1;
}

static double table_at(const table *t, double m) {
  for (size_t i = 1; i < t->n; i++)
    if (t->m[i] >= m) return t->y[i - 1] + (t->y[i] - t->y[i - 1]) * (m - t->m[i - 1]) / (t->m[i] - t->m[i - 1]);
  return NAN;
}

/* FORESEE ALP-g: L = -(g_s^2/8) g_agg a G Gdual, so 1/f_G = 4 pi^2 g_agg; ctau.txt is at g_agg = 1. */
START_TEST(test_bc11_foresee) {
  static table ct, br[6];
  const char *brf[6] = {"br_2Gamma.dat", "br_3Pi0.dat", "br_Pi+Pi-Pi0.dat", "br_Pi+Pi-Gamma.dat", "br_2PiEta.dat",
                        "br_KKpi.dat"};
  const char *ours[6] = {"gammagamma", "3pi0", "pipipi0", "pipigamma", "etapipi", "kkpi"};
  int ok = read_table("ctau.txt", &ct);
  for (int j = 0; j < 6; j++) ok = ok && read_table(brf[j], &br[j]);
  if (!ok) {
    printf("test_bc11_foresee: SKIPPED: %s/data/models/foresee_alp_gluon not readable "
           "(../shared reference data absent)\n", FB_SHARED_DIR);
    return;
  }
  void *st;
  const fb_fip_ops *o = get_model("bc11", &st);
  const double g = 4.0 * FB_PI * FB_PI;
  /* windows: [lo, hi), worst |ratio - 1| of c tau and of the BRs above 5 %; 12 MeV around the
   * pi0, eta, eta' poles excluded (narrow resonances: interpolating either table is meaningless) */
  const double win[][2] = {{0.01, 0.123}, {0.123, 0.17}, {0.17, 0.40}, {0.40, 0.60}, {0.60, 0.80},
                           {0.80, 1.00}, {1.00, 1.20}, {1.20, 1.45}, {2.00, 2.30}, {2.30, 2.95},
                           {0.80, 0.90}, {0.98, 1.20}, {1.45, 1.84}, {1.84, 2.00}, {0.80, 0.85}};
  const double poles[3] = {0.1349768, 0.547862, 0.95778};
  double worst_low = 0.0, worst_high = 0.0, worst_br_claimed = 0.0, worst_3pi_a = 0.0, worst_3pi_b = 0.0,
         worst_a0 = 0.0, worst_ff = 0.0;
  for (size_t w = 0; w < sizeof win / sizeof win[0]; w++) {
    double worst_ct = 0.0, worst_br = 0.0, m_ct = 0.0, r_ct = 1.0;
    const char *worst_name = "-";
    for (int i = 0; i <= 200; i++) {
      const double m = win[w][0] * pow(win[w][1] / win[w][0], i / 200.0);
      int near = 0;
      for (int p = 0; p < 3; p++) near |= fabs(m - poles[p]) < 0.012;
      if (near || m >= win[w][1]) continue;
      fb_err err;
      fb_decay d;
      ck_assert_int_eq(o->decay(st, m, g, &d, &err), FB_OK);
      const double r = d.ctau_m / table_at(&ct, m);
      if (isfinite(r) && fabs(r - 1.0) > worst_ct) worst_ct = fabs(r - 1.0), m_ct = m, r_ct = r;
      if (m >= 1.2) continue;
      for (int j = 0; j < 6; j++) {
        const double ref = table_at(&br[j], m);
        if (!(ref > 0.05)) continue;
        const double dev = fabs(d.ch[fb_decay_find(&d, ours[j])].br / ref - 1.0);
        if (dev > worst_br) worst_br = dev, worst_name = ours[j];
      }
    }
    printf("BC11 vs FORESEE [%.2f, %.2f) GeV: max |ctau/ref - 1| = %.3f (ratio %.3f at %.3f GeV), max |BR/ref - 1| "
           "(BR > 5%%) = %.3f (%s)\n", win[w][0], win[w][1], worst_ct, r_ct, m_ct, worst_br, worst_name);
    /* Issue 13, third revision (docs/validation.md, "BC11 hadronic channels, third revision"): windows
     * where the 20 % target is met and asserted: below the 3 pi threshold (less the pi0 pole and the zero of
     * the two-photon amplitude just above it), 0.80-0.85 GeV (the near-zero of a -> pi pi gamma, at 0.85 GeV
     * in ours and 0.84 GeV in the reference), 1.20-1.45 GeV (a -> eta pi pi with a0 + sigma exchange),
     * 1.84-2.30 GeV (around ASW's switch to a -> g g); BRs above 5 % below 0.40 GeV and at 1.00-1.20 GeV.
     * Regression guards where the target is not met (measured worst in parentheses, reasons in
     * docs/validation.md): 0.40-0.60 GeV (28.5 %) and 0.60-0.80 GeV (21.7 %), a -> 3 pi; 1.00-1.20 GeV
     * (22.2 %, at 1.00 GeV on the eta' tail); 1.45-1.84 GeV (27.4 %, F(m_a)); 2.30-2.95 GeV (24.4 %, the
     * reference's a -> g g grows more slowly than any alpha_s running). 0.85-1.00 GeV (eta' pole: the
     * reference's eta' resonance is far broader than Gamma(eta')) is reported only. */
    if (w == 0 || w == 2 || w == 7 || w == 8 || w == 13 || w == 14)
      if (worst_ct > worst_low) worst_low = worst_ct;
    if ((w == 0 || w == 2 || w == 6) && worst_br > worst_br_claimed) worst_br_claimed = worst_br;
    if (w == 9) worst_high = worst_ct;
    if (w == 3) worst_3pi_a = worst_ct;
    if (w == 4) worst_3pi_b = worst_ct;
    if (w == 6) worst_a0 = worst_ct;
    if (w == 12) worst_ff = worst_ct;
  }
  /* the zero of the two-photon amplitude above the pi0 (c tau maximum) is in both within 140-160 MeV */
  double mmax = 0.0, cmax = 0.0, tmax = 0.0, tm = 0.0;
  for (int i = 0; i <= 400; i++) {
    const double m = 0.14 + 0.02 * i / 400.0;
    fb_err err;
    fb_decay d;
    ck_assert_int_eq(o->decay(st, m, g, &d, &err), FB_OK);
    if (d.ctau_m > cmax) cmax = d.ctau_m, mmax = m;
    if (table_at(&ct, m) > tmax) tmax = table_at(&ct, m), tm = m;
  }
  printf("BC11 two-photon zero: ours at %.4f GeV, FORESEE at %.4f GeV\n", mmax, tm);
  ck_assert(mmax > 0.1402 && mmax < 0.1598 && tm > 0.1402 && tm < 0.1598);
  ck_assert_msg(worst_low < 0.20, "c tau deviates by %.3f in a window where 20 %% is claimed", worst_low);
  ck_assert_msg(worst_br_claimed < 0.20, "BR deviates by %.3f in a claimed window", worst_br_claimed);
  ck_assert_msg(worst_3pi_a < 0.30, "c tau deviates by %.3f in 0.40-0.60 GeV", worst_3pi_a);
  ck_assert_msg(worst_3pi_b < 0.25, "c tau deviates by %.3f in 0.60-0.80 GeV", worst_3pi_b);
  ck_assert_msg(worst_a0 < 0.25, "c tau deviates by %.3f in 1.00-1.20 GeV", worst_a0);
  ck_assert_msg(worst_ff < 0.30, "c tau deviates by %.3f in 1.45-1.84 GeV", worst_ff);
  ck_assert_msg(worst_high < 0.25, "c tau deviates by %.3f in 2.30-2.95 GeV", worst_high);
  o->free(st);
}
END_TEST

/* Independent data checks of the BC11 hadronic inputs (PDG 2024, not FORESEE): ASW's LO chiral
 * Gamma(eta -> 3 pi0) (the eta's own amplitude, including its SM pi0 admixture) that sets the 3 pi
 * K-factor (LO is expected below the measured 426.7 eV: Gasser-Leutwyler 1985), and Gamma(eta' -> eta
 * pi+ pi-) = 0.425 x 188 keV predicted by the a0(980) + sigma exchange amplitude whose nonet coupling is
 * fixed by Gamma(a0 -> eta pi) alone (issue 13 third revision: 86.1 keV, ratio 1.078; it was 38.4 keV,
 * ratio 0.48, with a0 exchange only). Tolerance 20 %. */
START_TEST(test_bc11_hadronic_data) {
  const double lo = fb_alp_lo_eta_3pi_GeV(), pdg_eta = 1.31e-6 * 0.3257;
  printf("BC11 ASW LO Gamma(eta -> 3 pi0) = %.1f eV, PDG %.1f eV (K-factor %.3f; ASW quote K = %.1f in their "
         "normalisation)\n", lo * 1e9, pdg_eta * 1e9, pdg_eta / lo, FB_ALP_ASW_K3PI);
  ck_assert_msg(lo > 0.2 * pdg_eta && lo < pdg_eta, "LO eta -> 3 pi0 = %g GeV", lo);
  const double etap = fb_alp_a0model_etaprime_etapipi_GeV(), pdg_etap = 0.425 * 0.188e-3;
  printf("BC11 a0 + sigma model Gamma(eta' -> eta pi+ pi-) = %.2f keV, PDG %.2f keV (ratio %.3f)\n", etap * 1e6,
         pdg_etap * 1e6, etap / pdg_etap);
  ck_assert_msg(fabs(etap / pdg_etap - 1.0) < 0.20, "eta' -> eta pi pi = %g GeV", etap);
}
END_TEST

/* On the eta pole the ALP's 3 pi amplitude is the eta's (isospin-breaking route): the ratio
 * r = Gamma(3 pi0)/Gamma(pi+ pi- pi0) is compared with the eta's, PDG 2024 BR 32.57 % / 22.92 % = 1.421 (LO
 * chiral value ~1.5: the K-factor does not change r); checks the Dalitz integrals and the identical-particle
 * factor. BC10 (LO Gasser-Leutwyler amplitude): tolerance 10 %. BC11 (ASW's amplitude, issue 13 third
 * revision): K is fixed on eta -> 3 pi0, so r measures ASW's charged amplitude, whose s-slope is the chiral
 * one plus the low-energy tail of rho+- exchange: measured r = 1.105 (charged width 29 % above the eta's),
 * asserted within 25 % (gap stated in docs/validation.md). */
START_TEST(test_3pi_ratio_on_eta_pole) {
  const char *models[2] = {"bc10", "bc11"};
  for (int im = 0; im < 2; im++) {
    void *st;
    const fb_fip_ops *o = get_model(models[im], &st);
    fb_err err;
    fb_decay d;
    ck_assert_int_eq(o->decay(st, 0.547862, 1e-3, &d, &err), FB_OK);
    const double r = d.ch[fb_decay_find(&d, "3pi0")].width_GeV / d.ch[fb_decay_find(&d, "pipipi0")].width_GeV;
    printf("%s on the eta pole: Gamma(3 pi0)/Gamma(pi+ pi- pi0) = %.4f (eta, PDG: 1.421)\n", models[im], r);
    ck_assert_msg(fabs(r / 1.421 - 1.0) < (im == 0 ? 0.10 : 0.25), "%s: r = %g", models[im], r);
    o->free(st);
  }
}
END_TEST

/* The two-dimensional Dalitz integrator of ASW's amplitudes (fb_alp_dalitz_st: s and the angle in the
 * (1 1') frame) against the one-dimensional phase-space integral (fb_alp_dalitz_integral) for |A|^2 = 1 and
 * for |A|^2 = s^2 (a weight of s only, where the inner integral is analytic), at 0.6, 1.0, 1.8 GeV for
 * pi+ pi- pi0 and eta pi pi kinematics; and t + u = M^2 + 2 m1^2 + m3^2 - s exactly (tested through
 * |A|^2 = (t + u)^2). Tolerance 1e-9. */
static double complex amp_one(double s, double t, double u, const void *p) {
  (void)s, (void)t, (void)u, (void)p;
  return 1.0;
}
static double complex amp_s(double s, double t, double u, const void *p) {
  (void)t, (void)u, (void)p;
  return s;
}
static double complex amp_tu(double s, double t, double u, const void *p) {
  (void)s, (void)p;
  return t + u;
}
static double w_s2(double s, const double *p) {
  (void)p;
  return s * s;
}
static double w_tu2(double s, const double *p) {
  return (p[0] - s) * (p[0] - s);
}
START_TEST(test_dalitz_st) {
  gsl_integration_glfixed_table *t = gsl_integration_glfixed_table_alloc(32);
  const double M[3] = {0.6, 1.0, 1.8}, m1[2] = {0.13957039, 0.13957039}, m3[2] = {0.1349768, 0.547862};
  for (int k = 0; k < 2; k++)
    for (int i = 0; i < 3; i++) {
      if (!(M[i] > 2.0 * m1[k] + m3[k])) continue;
      const double sig = M[i] * M[i] + 2.0 * m1[k] * m1[k] + m3[k] * m3[k];
      const double a = fb_alp_dalitz_st(t, t, M[i], m1[k], m3[k], amp_one, NULL);
      const double b = fb_alp_dalitz_integral(t, M[i], m1[k], m3[k], NULL, NULL);
      const double c = fb_alp_dalitz_st(t, t, M[i], m1[k], m3[k], amp_s, NULL);
      const double d = fb_alp_dalitz_integral(t, M[i], m1[k], m3[k], w_s2, NULL);
      const double e = fb_alp_dalitz_st(t, t, M[i], m1[k], m3[k], amp_tu, NULL);
      const double f = fb_alp_dalitz_integral(t, M[i], m1[k], m3[k], w_tu2, &sig);
      ck_assert_msg(fabs(a / b - 1.0) < 1e-9 && fabs(c / d - 1.0) < 1e-9 && fabs(e / f - 1.0) < 1e-9,
                    "M = %g: %g %g %g", M[i], a / b - 1.0, c / d - 1.0, e / f - 1.0);
    }
  gsl_integration_glfixed_table_free(t);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  Suite *s = suite_create("alp");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_leptonic_widths);
  tcase_add_test(tc, test_loop_function_limits);
  tcase_add_test(tc, test_bc10_gamma_limits);
  tcase_add_test(tc, test_bc11_gamma_chiral_limit);
  tcase_add_test(tc, test_br_sums);
  tcase_add_test(tc, test_continuity);
  tcase_add_test(tc, test_scan_models);
  tcase_add_test(tc, test_errors);
  tcase_add_test(tc, test_bc11_foresee);
  tcase_add_test(tc, test_dalitz_st);
  tcase_add_test(tc, test_bc11_hadronic_data);
  tcase_add_test(tc, test_3pi_ratio_on_eta_pole);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
