/**
 * @file test_sn_criteria.c
 * @brief SN1987A bands: the trapping criteria (fb_sn_criterion), the smooth emission edge and the
 *        in-medium electron mass (issue 16), on the default profile inputs/sn_profile_mantle.dat (since the switch of
 *        issue 16; the electron-mass check also on the parametric inputs/sn_profile_default.dat, where it was set).
 *
 *  - smooth emission edge (weight 1 - e^{-tau_nu}): eps_low * m changes by < 10% between masses 5%
 *    apart across the old step at 1.1 MeV, where the sharp cut at the neutrinosphere jumps by a factor
 *    ~2 (so the check can fail); away from the step both agree to 3%;
 *  - in-medium electron mass: raises eps_high just above the vacuum e+e- threshold (x 2.1, mantle x 1.9, at
 *    1.05 MeV: decays are closed inside ~45 km; m_e* = 1.3 MeV at the neutrinosphere) and is < 1% at 10 MeV;
 *  - criteria at 20 MeV: eps_high(neutrinosphere) > eps_high(cem, radial path to R_far) > eps_high(rays,
 *    direction-averaged to R_far): a shorter path, and an average of exp(-tau) over longer paths; eps_low
 *    (free streaming) the same to 1%;
 *  - regression values of the defaults (BC1: cem; BC9: neutrinosphere) at 5 masses each and their largest
 *    excluded masses, with the tolerances of docs/validation.md ("Trapping criteria"); the published
 *    numbers they are compared with are in test_sn_alp_published.c (BC9) and docs/validation.md.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fb_sn_alp.h"
#include "fb_sn_darkphoton.h"

#define NOMINAL_PROFILE FB_SOURCE_DIR "/inputs/sn_profile_mantle.dat" /* the default profile (docs/sn-profile.md 1c) */
#define PARAMETRIC_PROFILE FB_SOURCE_DIR "/inputs/sn_profile_default.dat" /* the default before the switch (1) */

static fb_sn_profile P, Ppar; /* the default (mantle) and the parametric profile */
static fb_rratio R;

static void setup(void) {
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(fb_sn_profile_read(&P, NOMINAL_PROFILE, NULL, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_sn_profile_read(&Ppar, PARAMETRIC_PROFILE, NULL, &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(fb_rratio_init(&R, &err), FB_OK);
}
static void teardown(void) {
  fb_sn_profile_free(&P);
  fb_sn_profile_free(&Ppar);
  fb_rratio_free(&R);
}

/* Band edges of the dark photon (alp = 0) or the ALP (alp = 1) at each of n masses. */
static void band_on(const fb_sn_profile *prof, const fb_sn_options *o, int alp, int n, const double *ms, double *lo,
                    double *hi) {
  fb_sn_medium m;
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(fb_sn_medium_init(&m, prof, o, &err) == FB_OK, "%s", err.msg);
  for (int i = 0; i < n; i++) {
    int rc = alp ? fb_sn_alp_table_compute(&t, &m, ms[i], &err) : fb_sn_table_compute(&t, &m, &R, ms[i], &err);
    ck_assert_msg(rc == FB_OK, "%s", err.msg);
    ck_assert_msg(fb_sn_table_edges(&t, o->L_nu_erg_s, &lo[i], &hi[i], NULL, &err) == FB_OK, "%s", err.msg);
  }
  fb_sn_table_free(&t);
  fb_sn_medium_free(&m);
}

static void band(const fb_sn_options *o, int alp, int n, const double *ms, double *lo, double *hi) {
  band_on(&P, o, alp, n, ms, lo, hi);
}

static double rel(double a, double b) { return fabs(a / b - 1.0); }

START_TEST(test_smooth_emission_edge) {
  enum { N = 9 };
  double ms[N], lo_s[N], hi_s[N], lo_h[N], hi_h[N];
  for (int i = 0; i < N; i++) ms[i] = 0.9e-3 * pow(1.05, i); /* 0.90 .. 1.33 MeV */
  fb_sn_options o;
  fb_sn_options_default(&o);
  ck_assert_int_eq(o.emission_smooth, 1);
  band(&o, 0, N, ms, lo_s, hi_s);
  o.emission_smooth = 0;
  band(&o, 0, N, ms, lo_h, hi_h);
  double worst_s = 0.0, worst_h = 0.0;
  for (int i = 1; i < N; i++) {
    worst_s = fmax(worst_s, rel(lo_s[i] * ms[i], lo_s[i - 1] * ms[i - 1]));
    worst_h = fmax(worst_h, rel(lo_h[i] * ms[i], lo_h[i - 1] * ms[i - 1]));
  }
  ck_assert_msg(worst_s < 0.10, "smooth edge: eps_low*m jumps by %g between neighbours", worst_s);
  ck_assert_msg(worst_h > 0.40, "sharp cut: the step at ~1.1 MeV is %g (expected > 40%%)", worst_h);
  /* away from the step the two edges agree */
  const double mf[3] = {1e-4, 1e-2, 0.1};
  double a[3], b[3], c[3], d[3];
  fb_sn_options_default(&o);
  band(&o, 0, 3, mf, a, b);
  o.emission_smooth = 0;
  band(&o, 0, 3, mf, c, d);
  for (int i = 1; i < 3; i++) {
    ck_assert_msg(rel(a[i], c[i]) < 0.03, "m = %g: eps_low smooth %g sharp %g", mf[i], a[i], c[i]);
    ck_assert_msg(rel(b[i], d[i]) < 0.03, "m = %g: eps_high smooth %g sharp %g", mf[i], b[i], d[i]);
  }
  /* at 0.1 MeV the resonance is far outside (omega_p(r) = m at ~50 km): weight < 1 there, lower edge
   * within 15% */
  ck_assert_msg(rel(a[0], c[0]) < 0.15, "m = 0.1 MeV: eps_low smooth %g sharp %g", a[0], c[0]);
}
END_TEST

/* Parametric profile (where the check was set): medium/vacuum eps_high x2.12 at 1.05 MeV, 1.0-1.1 at 3 MeV, < 1% at
 * 10 MeV. Mantle profile (the default): x1.88 at 1.05 MeV and < 1% at 10 MeV likewise, but at 3 MeV the medium mass
 * lowers eps_high (measured 0.774): where 2 m_e* > 3 MeV it closes both e+e- -> A' production and A' -> e+e-
 * absorption, and the hot mantle (T up to 40 MeV at 8-16 km, m_e* larger) loses more production; asserted
 * 0.65-0.90 (documented, docs/validation.md "Default SN profile switched to mantle"). eps_low moves < 1% on both. */
START_TEST(test_electron_mass_threshold) {
  const double ms[3] = {1.05e-3, 3e-3, 1e-2};
  for (int k = 0; k < 2; k++) {
    const fb_sn_profile *prof = k ? &P : &Ppar;
    double lo_m[3], hi_m[3], lo_v[3], hi_v[3];
    fb_sn_options o;
    fb_sn_options_default(&o);
    ck_assert_int_eq(o.medium_electron_mass, 1);
    band_on(prof, &o, 0, 3, ms, lo_m, hi_m);
    o.medium_electron_mass = 0;
    band_on(prof, &o, 0, 3, ms, lo_v, hi_v);
    printf("%s: eps_high medium/vacuum at 1.05 / 3 / 10 MeV: %.3f / %.3f / %.4f\n", k ? "mantle" : "parametric",
           hi_m[0] / hi_v[0], hi_m[1] / hi_v[1], hi_m[2] / hi_v[2]);
    ck_assert_msg(hi_m[0] > 1.5 * hi_v[0], "1.05 MeV: eps_high medium %g vacuum %g", hi_m[0], hi_v[0]);
    if (k == 0)
      ck_assert_msg(hi_m[1] > hi_v[1] && hi_m[1] < 1.1 * hi_v[1], "3 MeV: eps_high medium %g vacuum %g", hi_m[1], hi_v[1]);
    else
      ck_assert_msg(hi_m[1] > 0.65 * hi_v[1] && hi_m[1] < 0.9 * hi_v[1], "mantle, 3 MeV: eps_high medium %g vacuum %g",
                    hi_m[1], hi_v[1]);
    ck_assert_msg(rel(hi_m[2], hi_v[2]) < 0.01, "10 MeV: eps_high medium %g vacuum %g", hi_m[2], hi_v[2]);
    for (int i = 0; i < 3; i++) ck_assert_msg(rel(lo_m[i], lo_v[i]) < 0.01, "m = %g: eps_low moves", ms[i]);
  }
}
END_TEST

START_TEST(test_criteria_order) {
  const double m20[1] = {0.02};
  double lo[3], hi[3];
  fb_sn_options o;
  for (int c = 0; c < 3; c++) {
    fb_sn_options_default(&o);
    o.criterion = c;
    band(&o, 0, 1, m20, &lo[c], &hi[c]);
  }
  ck_assert_msg(hi[FB_SN_CRIT_NEUTRINOSPHERE] > 1.3 * hi[FB_SN_CRIT_CEM] && hi[FB_SN_CRIT_CEM] > 1.05 * hi[FB_SN_CRIT_RAYS],
                "eps_high(20 MeV): neutrinosphere %g, cem %g, rays %g", hi[2], hi[0], hi[1]);
  for (int c = 1; c < 3; c++) ck_assert_msg(rel(lo[c], lo[0]) < 0.01, "eps_low(20 MeV) criterion %d: %g vs %g", c, lo[c], lo[0]);
  ck_assert_int_eq(fb_sn_criterion_parse("cem"), FB_SN_CRIT_CEM);
  ck_assert_int_eq(fb_sn_criterion_parse("neutrinosphere"), FB_SN_CRIT_NEUTRINOSPHERE);
  ck_assert_int_eq(fb_sn_criterion_parse("rays"), FB_SN_CRIT_RAYS);
  ck_assert_int_eq(fb_sn_criterion_parse("transfer"), FB_SN_CRIT_TRANSFER);
  ck_assert_int_eq(fb_sn_criterion_parse("gain"), -1);
  fb_sn_options_default(&o);
  o.criterion = 7;
  fb_err err;
  fb_err_clear(&err);
  fb_sn_medium m;
  ck_assert_int_eq(fb_sn_medium_init(&m, &P, &o, &err), FB_ERR_RANGE);
}
END_TEST

/* Regression of the defaults (mantle profile, values of 2026-12-07, default precision; docs/validation.md "Default
 * SN profile switched to mantle"; the parametric-profile values of 2026-12-06 are in "Trapping criteria"): 2% on the
 * edges, 1% on the largest excluded mass. */
START_TEST(test_default_regression_bc1) {
  const double ms[5] = {1e-3, 1e-2, 2e-2, 5e-2, 0.1};
  const double lo_ref[5] = {6.1522e-9, 9.0483e-11, 2.585e-10, 4.5013e-10, 5.8578e-10};
  const double hi_ref[5] = {1.0687e-4, 1.1004e-7, 5.9548e-8, 2.1434e-8, 9.387e-9};
  double lo[5], hi[5];
  fb_sn_options o;
  fb_sn_options_default(&o);
  ck_assert_int_eq(o.criterion, FB_SN_CRIT_CEM);
  band(&o, 0, 5, ms, lo, hi);
  for (int i = 0; i < 5; i++) printf("regression m = %g: eps %.5g - %.5g\n", ms[i], lo[i], hi[i]);
  for (int i = 0; i < 5; i++) {
    ck_assert_msg(rel(lo[i], lo_ref[i]) < 0.02, "m = %g: eps_low %g (ref %g)", ms[i], lo[i], lo_ref[i]);
    ck_assert_msg(rel(hi[i], hi_ref[i]) < 0.02, "m = %g: eps_high %g (ref %g)", ms[i], hi[i], hi_ref[i]);
  }
  fb_sn_medium m;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_sn_medium_init(&m, &P, &o, &err), FB_OK);
  double mmax;
  ck_assert_msg(fb_sn_mass_max_GeV(&m, &R, 0.05, 0.5, 1e-3, &mmax, &err) == FB_OK, "%s", err.msg);
  printf("regression BC1 largest excluded mass %.5g GeV\n", mmax);
  ck_assert_msg(rel(mmax, 0.2121) < 0.01, "largest excluded mass %g GeV (ref 0.2121)", mmax);
  fb_sn_medium_free(&m);
}
END_TEST

START_TEST(test_default_regression_bc9) {
  const double ms[5] = {1e-6, 1.03e-2, 5.07e-2, 9.93e-2, 0.11};
  /* lower edges with the degenerate-proton Primakoff targets (issue 16, branch snalp: x1.031 / 1.031 / 1.024 / 1.006 /
   * 1.005 of the former 5.1687e-9, 5.1858e-9, 5.0741e-9, 3.9011e-9, 3.7567e-9; upper edges within 0.3%) */
  const double lo_ref[5] = {5.3310e-9, 5.3486e-9, 5.1935e-9, 3.9261e-9, 3.7747e-9};
  const double hi_ref[5] = {3.0178e-6, 1.9497e-6, 3.8904e-7, 1.1257e-7, 9.0136e-8};
  double lo[5], hi[5];
  fb_sn_options o;
  fb_sn_options_default(&o);
  o.criterion = FB_SN_CRIT_NEUTRINOSPHERE; /* the BC9 default before issue 16's transfer criterion */
  band(&o, 1, 5, ms, lo, hi);
  for (int i = 0; i < 5; i++) printf("regression m = %g: g %.5g - %.5g\n", ms[i], lo[i], hi[i]);
  for (int i = 0; i < 5; i++) {
    ck_assert_msg(rel(lo[i], lo_ref[i]) < 0.02, "m = %g: g_low %g (ref %g)", ms[i], lo[i], lo_ref[i]);
    ck_assert_msg(rel(hi[i], hi_ref[i]) < 0.02, "m = %g: g_high %g (ref %g)", ms[i], hi[i], hi_ref[i]);
  }
  fb_sn_medium m;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_sn_medium_init(&m, &P, &o, &err), FB_OK);
  double mmax;
  ck_assert_msg(fb_sn_alp_mass_max_GeV(&m, NULL, 0.05, 0.5, 1e-3, &mmax, &err) == FB_OK, "%s", err.msg);
  printf("regression BC9 largest excluded mass %.5g GeV\n", mmax);
  ck_assert_msg(rel(mmax, 0.2398) < 0.01, "largest excluded ALP mass %g GeV (ref 0.2398)", mmax);
  fb_sn_medium_free(&m);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  Suite *s = suite_create("sn_criteria");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, test_smooth_emission_edge);
  tcase_add_test(tc, test_electron_mass_threshold);
  tcase_add_test(tc, test_criteria_order);
  tcase_add_test(tc, test_default_regression_bc1);
  tcase_add_test(tc, test_default_regression_bc9);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? 0 : 1;
}
