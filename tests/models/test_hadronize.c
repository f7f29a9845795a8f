/* Tests of the hadronisation of q qbar / g g systems (src/models/fb_hadronize.c): the mean charged
 * multiplicity against e+e- data it was not normalised to, the particle fractions against the PDG
 * Z-pole yields, energy conservation and the threshold bounds, and the model records that use it.
 * Tolerances fixed before comparing (docs/validation.md, section "Hadronisation"). */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "fb_constants.h"
#include "fb_decay.h"
#include "fb_fip.h"
#include "fb_hadronize.h"

/* charged hadrons of a class record: pi+- + K+- (share FB_HAD_KC_10 of the kaons) + p + pbar (half) */
static double charged(const double *n) {
  return n[FB_DC_PI_CHARGED] + n[FB_DC_KAON] * FB_HAD_KC_10 / (FB_HAD_KC_10 + FB_HAD_K0_10) + 0.5 * n[FB_DC_NUCLEON];
}

static void light(double W, double *n, double *ef) {
  fb_err err = {0};
  for (int c = 0; c < FB_N_DECAY_CLASSES; ++c) n[c] = ef[c] = 0.0;
  ck_assert_msg(fb_hadronize_add(FB_HAD_UD, W, W, W, 1.0, n, ef, &err) == FB_OK, "%s", err.msg);
}

/* Mean charged multiplicity vs e+e- data (not the Z point, which fixes the normalisation):
 * TASSO, Braunschweig et al., Z. Phys. C 45 (1989) 193: 9.30 +- 0.41 (14 GeV), 11.30 +- 0.47 (22 GeV),
 * 13.59 +- 0.46 (34.8 GeV), 15.08 +- 0.47 (43.6 GeV); HRS, Derrick et al., PRD 34 (1986) 3304
 * (ANL-HEP-CP-86-26): 12.87 +- 0.30 (29 GeV). Tolerance 8 % (about two data errors). */
START_TEST(test_nch_data) {
  const double W[5] = {14.0, 22.0, 29.0, 34.8, 43.6}, ref[5] = {9.30, 11.30, 12.87, 13.59, 15.08};
  double n[FB_N_DECAY_CLASSES], ef[FB_N_DECAY_CLASSES];
  for (int i = 0; i < 5; ++i) {
    light(W[i], n, ef);
    const double fit = fb_hadronize_nch_ee(W[i]), cls = charged(n);
    printf("n_ch(%.1f GeV): fit %.3f, classes %.3f, data %.2f (%+.1f %%)\n", W[i], fit, cls, ref[i],
           100.0 * (cls / ref[i] - 1.0));
    ck_assert_msg(fabs(cls / ref[i] - 1.0) < 0.08, "W = %g: %g vs %g", W[i], cls, ref[i]);
    ck_assert_msg(fabs(cls / fit - 1.0) < 0.03, "W = %g: classes %g vs fit %g (thresholds)", W[i], cls, fit);
  }
  ck_assert_msg(fabs(fb_hadronize_nch_ee(FB_MZ_GEV) / FB_HAD_NCH_MZ - 1.0) < 1e-12, "Z normalisation");
  for (double w = 2.0; w <= 12.0; w += 1.0) { /* the region the models use: printed for docs/validation.md */
    light(w, n, ef);
    printf("W = %4.1f GeV: n_ch fit %.2f; pi+- %.2f pi0 %.2f K %.3f N %.3f\n", w, fb_hadronize_nch_ee(w),
           n[FB_DC_PI_CHARGED], n[FB_DC_PI0], n[FB_DC_KAON], n[FB_DC_NUCLEON]);
  }
}
END_TEST

/* Particle fractions at the Z pole against the PDG 2024 Z listings (independent of the 10 GeV yields we
 * use): pi+- 17.02 +- 0.19, pi0 9.42 +- 0.32, K+- 2.24 +- 0.04, p 1.046 +- 0.026 per hadronic Z decay,
 * as fractions of pi+- + K+- + p. Tolerance 15 % for pi+-, K+-, pi0/pi+-; the proton fraction is a
 * documented gap (-36 %: baryon yields rise with energy; ours are the 10 GeV ones). */
START_TEST(test_fractions_z) {
  double n[FB_N_DECAY_CLASSES], ef[FB_N_DECAY_CLASSES];
  light(FB_MZ_GEV, n, ef);
  const double ch = charged(n), zch = 17.02 + 2.24 + 1.046;
  const double fpi = n[FB_DC_PI_CHARGED] / ch, fk = n[FB_DC_KAON] * FB_HAD_KC_10 / (FB_HAD_KC_10 + FB_HAD_K0_10) / ch;
  const double fp = 0.5 * n[FB_DC_NUCLEON] / ch, r0 = n[FB_DC_PI0] / n[FB_DC_PI_CHARGED];
  printf("Z fractions: pi %.4f (PDG %.4f), K %.4f (%.4f), p %.4f (%.4f), pi0/pi+- %.3f (%.3f)\n", fpi, 17.02 / zch, fk,
         2.24 / zch, fp, 1.046 / zch, r0, 9.42 / 17.02);
  ck_assert(fabs(fpi / (17.02 / zch) - 1.0) < 0.15);
  ck_assert(fabs(fk / (2.24 / zch) - 1.0) < 0.15);
  ck_assert(fabs(r0 / (9.42 / 17.02) - 1.0) < 0.15);
  ck_assert(fp > 0.5 * 1.046 / zch && fp < 1.046 / zch); /* the gap stays what docs/validation.md says */
}
END_TEST

/* Energy conservation (class energies sum to E exactly), rest masses <= W, >= 2 hadrons, for every
 * parton, W from 0.2 to 12 GeV and a system energy E between W and M; g g / q qbar = FB_HAD_RGQ_LOW. */
START_TEST(test_conservation) {
  const double mk = (FB_HAD_KC_10 * FB_MK_CHARGED_GEV + FB_HAD_K0_10 * FB_MK0_GEV) / (FB_HAD_KC_10 + FB_HAD_K0_10);
  const double mass[4] = {FB_MPI_CHARGED_GEV, FB_MPI0_GEV, mk, 0.5 * (FB_MP_GEV + FB_MN_GEV)};
  const int cls[4] = {FB_DC_PI_CHARGED, FB_DC_PI0, FB_DC_KAON, FB_DC_NUCLEON};
  for (int p = 0; p < FB_HAD_N_PARTONS; ++p)
    for (double W = 0.2; W < 12.0; W *= 1.05) {
      const double E = 1.3 * W, M = 2.0 * W;
      double n[FB_N_DECAY_CLASSES] = {0}, ef[FB_N_DECAY_CLASSES] = {0};
      fb_err err = {0};
      ck_assert_msg(fb_hadronize_add(p, W, E, M, 0.7, n, ef, &err) == FB_OK, "%s", err.msg);
      double esum = 0.0, N = 0.0, msum = 0.0;
      for (int c = 0; c < FB_N_DECAY_CLASSES; ++c) esum += ef[c], N += n[c];
      for (int i = 0; i < 4; ++i) msum += n[cls[i]] * mass[i];
      ck_assert_msg(fabs(esum - 0.7 * E / M) < 1e-12, "parton %d W %g: energy %.15g", p, W, esum);
      ck_assert_msg(msum <= 0.7 * W * (1.0 + 1e-12), "parton %d W %g: rest masses %g > W", p, W, msum / 0.7);
      if (W > 0.3) ck_assert_msg(N >= 2.0 * 0.7 - 1e-12, "parton %d W %g: N = %g", p, W, N / 0.7);
      for (int c = 0; c < FB_N_DECAY_CLASSES; ++c) ck_assert(n[c] >= 0.0 && ef[c] >= 0.0);
    }
  double nq[FB_N_DECAY_CLASSES] = {0}, eq[FB_N_DECAY_CLASSES] = {0}, ng[FB_N_DECAY_CLASSES] = {0},
         eg[FB_N_DECAY_CLASSES] = {0};
  fb_err err = {0};
  ck_assert(fb_hadronize_add(FB_HAD_UD, 8.0, 8.0, 8.0, 1.0, nq, eq, &err) == FB_OK);
  ck_assert(fb_hadronize_add(FB_HAD_GLUON, 8.0, 8.0, 8.0, 1.0, ng, eg, &err) == FB_OK);
  ck_assert(fabs(charged(ng) / charged(nq) - FB_HAD_RGQ_LOW) < 1e-9);
  /* s sbar: two more kaons than the light pair's share, same total */
  double ns[FB_N_DECAY_CLASSES] = {0}, es[FB_N_DECAY_CLASSES] = {0};
  ck_assert(fb_hadronize_add(FB_HAD_S, 8.0, 8.0, 8.0, 1.0, ns, es, &err) == FB_OK);
  ck_assert(ns[FB_DC_KAON] > nq[FB_DC_KAON] + 1.5);
  /* bad input is refused */
  ck_assert_int_eq(fb_hadronize_add(FB_HAD_N_PARTONS, 5.0, 5.0, 5.0, 1.0, ns, es, &err), FB_ERR_RANGE);
  ck_assert_int_eq(fb_hadronize_add(FB_HAD_UD, 5.0, 4.0, 5.0, 1.0, ns, es, &err), FB_ERR_RANGE);
  ck_assert_int_eq(fb_hadronize_add(FB_HAD_UD, NAN, 4.0, 5.0, 1.0, ns, es, &err), FB_ERR_RANGE);
}
END_TEST

/* The models' perturbative channels now carry pions, kaons and nucleons (issue 14's meson-driven p <-> n
 * conversion needs them); energy fractions still sum to 1 (fb_decay_finalize checks 1e-9). */
START_TEST(test_models) {
  const char *names[5] = {"bc1", "bc4", "bc11", "bc10", "bc6"};
  const double mass[5] = {3.0, 3.0, 2.5, 4.0, 3.0}, coup[5] = {1e-6, 1e-8, 1e-6, 1e-6, 1e-6};
  for (int k = 0; k < 5; ++k) {
    const fb_fip_ops *ops = fb_fip_find(names[k], NULL);
    ck_assert_msg(ops != NULL, "%s", names[k]);
    void *st = NULL;
    fb_err err = {0};
    ck_assert_msg(ops->init(&st, NULL, &err) == FB_OK, "%s", err.msg);
    fb_decay d;
    ck_assert_msg(ops->decay(st, mass[k], coup[k], &d, &err) == FB_OK, "%s: %s", names[k], err.msg);
    double es = 0.0;
    for (int c = 0; c < FB_N_DECAY_CLASSES; ++c) es += d.efrac[c];
    printf("%s m = %g GeV: pi+- %.3f pi0 %.3f K %.3f N %.3f per decay; efrac other %.4f, sum %.12f\n", names[k],
           mass[k], d.mult[FB_DC_PI_CHARGED], d.mult[FB_DC_PI0], d.mult[FB_DC_KAON], d.mult[FB_DC_NUCLEON],
           d.efrac[FB_DC_OTHER_HADRONS], es);
    ck_assert(fabs(es - 1.0) < 1e-9);
    ck_assert_msg(d.mult[FB_DC_PI_CHARGED] > 0.5 && d.mult[FB_DC_KAON] > 0.05, "%s: no hadrons", names[k]);
    if (ops->free) ops->free(st);
  }
}
END_TEST

int main(void) {
  Suite *s = suite_create("hadronize");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_nch_data);
  tcase_add_test(tc, test_fractions_z);
  tcase_add_test(tc, test_conservation);
  tcase_add_test(tc, test_models);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
