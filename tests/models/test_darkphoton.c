/* Tests of the BC1 dark photon decays (src/models/fb_darkphoton.c): analytic leptonic widths,
 * a literature lifetime, the FORESEE decay tables (Kling, Trojanowski, arXiv:2105.07077; read from
 * FB_SHARED_DIR, never copied) and every error path. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_darkphoton.h"

static fb_rratio g_R;

static void setup(void) {
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(fb_rratio_init(&g_R, &err) == FB_OK, "%s", err.msg);
}
static void teardown(void) { fb_rratio_free(&g_R); }

/* Gamma(A' -> e+e-) = alpha eps^2 m/3 (1 + 2 me^2/m^2) sqrt(1 - 4 me^2/m^2) [arXiv:0906.5614],
 * written out independently here, at high-entropy masses including one 2.3 % above threshold. */
START_TEST(test_width_ee_formula) {
  const double m[] = {1.04567e-3, 3.71953e-3, 0.0271828, 0.314159, 2.71828, 9.87654};
  const double eps[] = {3.17e-5, 0.00271, 1.137e-7, 0.0482, 6.02e-4, 2.2e-3};
  for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
    fb_err err;
    fb_darkphoton_decay d;
    ck_assert_msg(fb_darkphoton_decay_compute(&g_R, m[i], eps[i], &d, &err) == FB_OK, "%s", err.msg);
    const double r = (0.51099895000e-3 / m[i]) * (0.51099895000e-3 / m[i]);
    const double expect = 7.2973525693e-3 * eps[i] * eps[i] * m[i] / 3.0 * (1.0 + 2.0 * r) * sqrt(1.0 - 4.0 * r);
    ck_assert_msg(fabs(d.width_ee_GeV / expect - 1.0) < 1e-10, "m = %g: %.15e vs %.15e", m[i],
                  d.width_ee_GeV, expect);
    /* BRs sum to one; Gamma_had is the point-like mu mu width times R (documented choice) */
    ck_assert(fabs(d.br_ee + d.br_mumu + d.br_tautau + d.br_hadrons - 1.0) < 1e-12);
    const double had = FB_ALPHA_EM * eps[i] * eps[i] * m[i] / 3.0 * fb_rratio_eval(&g_R, m[i]);
    ck_assert(fabs(d.width_hadrons_GeV - had) <= 1e-12 * d.width_GeV);
    /* tau and c tau consistent with hbar/Gamma, hbar c/Gamma (CODATA 2018) */
    ck_assert(fabs(d.tau_s * d.width_GeV / 6.582119569e-25 - 1.0) < 1e-12);
    ck_assert(fabs(d.ctau_m * d.width_GeV / 1.973269804e-16 - 1.0) < 1e-12);
  }
}
END_TEST

/* c tau(m = 10 MeV, eps = 1e-4) = 0.81 mm: the value quoted by the project brief, which follows
 * from 3 hbar c/(alpha eps^2 m) (only e+e- open; e.g. Bjorken et al. arXiv:0906.0580 scaling
 * c tau ~ 1/(eps^2 m)). Compared to 2 significant digits. */
START_TEST(test_ctau_10MeV) {
  fb_err err;
  fb_darkphoton_decay d;
  ck_assert_msg(fb_darkphoton_decay_compute(&g_R, 0.010, 1e-4, &d, &err) == FB_OK, "%s", err.msg);
  printf("c tau(10 MeV, 1e-4) = %.5f mm\n", d.ctau_m * 1e3);
  ck_assert_msg(fabs(d.ctau_m * 1e3 - 0.81) < 0.005, "ctau = %g mm", d.ctau_m * 1e3);
  ck_assert(d.br_ee == 1.0);
}
END_TEST

/* eps^2 scaling: rescale(eps=1 -> eps) equals a direct computation. */
START_TEST(test_rescale) {
  const double m[] = {0.0123, 0.4567, 0.7712, 1.6180, 3.3333, 10.91};
  for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
    fb_err err;
    fb_darkphoton_decay one, a, b;
    ck_assert(fb_darkphoton_decay_compute(&g_R, m[i], 1.0, &one, &err) == FB_OK);
    ck_assert(fb_darkphoton_decay_rescale(&one, 3.7e-6, &a, &err) == FB_OK);
    ck_assert(fb_darkphoton_decay_compute(&g_R, m[i], 3.7e-6, &b, &err) == FB_OK);
    ck_assert(fabs(a.ctau_m / b.ctau_m - 1.0) < 1e-12);
    ck_assert(fabs(a.br_hadrons - b.br_hadrons) < 1e-14);
    ck_assert(fabs(a.width_GeV / b.width_GeV - 1.0) < 1e-12);
  }
  fb_err err;
  fb_darkphoton_decay one, a;
  ck_assert(fb_darkphoton_decay_compute(&g_R, 0.5, 1.0, &one, &err) == FB_OK);
  ck_assert_int_eq(fb_darkphoton_decay_rescale(&one, 0.0, &a, &err), FB_ERR_RANGE);
  ck_assert_int_eq(fb_darkphoton_decay_rescale(&one, NAN, &a, &err), FB_ERR_INPUT);
  ck_assert_int_eq(fb_darkphoton_decay_rescale(NULL, 1e-3, &a, &err), FB_ERR_INPUT);
}
END_TEST

/* ---------------------------------------------------------------- FORESEE comparison
 * Reference: FORESEE dark-photon tables (ctau.txt: mass GeV, c tau in m at eps = 1, checked
 * against hbar c/(alpha m/3) = 8.11e-12 m at 10 MeV; bfrac_qcd.txt: BR(hadrons)), covering
 * 1 MeV - 2 GeV in 1 MeV steps. FORESEE builds Gamma_had from e+e- data (via Darkcast,
 * arXiv:1801.04847); we use our own parametrisation, so this is an independent check.
 * Windows and tolerances:
 *   W1: m < 0.5 GeV: 10 %;  W2: 1.2 <= m <= 3.0 GeV: 10 % (table ends at 2 GeV);
 *   W3: 5 - 9 GeV: 10 % (no table coverage: reported as empty);  W4: elsewhere < 10 GeV: 30 %.
 * Points within 3 total widths of omega, phi, J/psi, psi(2S), Upsilon(1S-4S) are excluded.
 * c tau is compared at every point. BR(hadrons) and BR(mu mu) are compared only where the
 * FORESEE value exceeds 1 %: below that (m < 0.32 GeV for hadrons: pi0 gamma and the 2 pi
 * threshold) the channel changes c tau by < 1 % (already covered by the c tau comparison) and a
 * relative comparison would only test conventions that do not affect bounds, e.g. FORESEE's use
 * of the massive Gamma_mumu times R where we use the point-like width (13 % apart at 0.3 GeV). */
#define NWIN 4
static const char *win_name[NWIN] = {"m < 0.5 GeV", "1.2-3.0 GeV", "5-9 GeV", "elsewhere < 10 GeV"};
static const double win_tol[NWIN] = {0.10, 0.10, 0.10, 0.30};
#define BR_FLOOR 0.01

static int window_of(double m) {
  if (m < 0.5) return 0;
  if (m >= 1.2 && m <= 3.0) return 1;
  if (m >= 5.0 && m <= 9.0) return 2;
  return 3;
}

static int near_peak(double m) {
  /* PDG 2024 masses and total widths [GeV] */
  static const double M[] = {0.78266, 1.019461, 3.096900, 3.686097, 9.46040, 10.0234, 10.3551, 10.5794};
  static const double W[] = {8.68e-3, 4.249e-3, 92.6e-6, 293e-6, 54.02e-6, 31.98e-6, 20.32e-6, 20.5e-3};
  for (size_t i = 0; i < sizeof M / sizeof M[0]; i++)
    if (fabs(m - M[i]) < 3.0 * W[i]) return 1;
  return 0;
}

typedef struct {
  double worst, at_m, ours, ref;
  int n;
} worst_t;

static void track(worst_t *w, double m, double ours, double ref) {
  const double dev = fabs(ours / ref - 1.0);
  w->n++;
  if (dev > w->worst) {
    w->worst = dev;
    w->at_m = m;
    w->ours = ours;
    w->ref = ref;
  }
}

static int read_table(const char *name, double *m, double *v, int nmax) {
  char path[1024];
  snprintf(path, sizeof path, "%s/data/models/foresee_darkphoton/%s", FB_SHARED_DIR, name);
  FILE *f = fopen(path, "r");
  if (f == NULL) return -1;
  int n = 0;
  while (n < nmax && fscanf(f, "%lf %lf", &m[n], &v[n]) == 2) n++;
  fclose(f);
  return n;
}

START_TEST(test_foresee) {
  enum { NMAX = 5000 };
  static double mc[NMAX], ct[NMAX], mq[NMAX], bq[NMAX], mm[NMAX], bm[NMAX];
  const int n = read_table("ctau.txt", mc, ct, NMAX);
  if (n < 0) {
    printf("SKIPPED test_foresee: %s/data/models/foresee_darkphoton/ctau.txt not found "
           "(../shared reference data absent)\n", FB_SHARED_DIR);
    return;
  }
  ck_assert_int_eq(read_table("bfrac_qcd.txt", mq, bq, NMAX), n);
  ck_assert_int_eq(read_table("bfrac_muon.txt", mm, bm, NMAX), n);
  ck_assert_msg(n > 1500, "FORESEE table too short (%d rows)", n);
  worst_t wc[NWIN] = {{0}}, wh[NWIN] = {{0}}, wmu[NWIN] = {{0}};
  int nfail = 0;
  for (int i = 0; i < n; i++) {
    const double m = mc[i];
    ck_assert(fabs(mq[i] - m) < 1e-9 && fabs(mm[i] - m) < 1e-9);
    if (!(m > fb_darkphoton_mass_min_GeV()) || !(ct[i] > 0.0) || m > 10.0 || near_peak(m)) continue;
    fb_err err;
    fb_darkphoton_decay d;
    ck_assert_msg(fb_darkphoton_decay_compute(&g_R, m, 1.0, &d, &err) == FB_OK, "%s", err.msg);
    const int w = window_of(m);
    const double tol = win_tol[w];
    track(&wc[w], m, d.ctau_m, ct[i]);
    if (fabs(d.ctau_m / ct[i] - 1.0) > tol) {
      if (nfail++ < 20) printf("FAIL ctau m = %.4f: %.4e vs %.4e\n", m, d.ctau_m, ct[i]);
    }
    if (bq[i] > BR_FLOOR) {
      track(&wh[w], m, d.br_hadrons, bq[i]);
      if (fabs(d.br_hadrons / bq[i] - 1.0) > tol && nfail++ < 20)
        printf("FAIL BR_had m = %.4f: %.4f vs %.4f\n", m, d.br_hadrons, bq[i]);
    }
    if (bm[i] > BR_FLOOR) {
      track(&wmu[w], m, d.br_mumu, bm[i]);
      if (fabs(d.br_mumu / bm[i] - 1.0) > tol && nfail++ < 20)
        printf("FAIL BR_mumu m = %.4f: %.4f vs %.4f\n", m, d.br_mumu, bm[i]);
    }
  }
  printf("FORESEE comparison (worst |ours/ref - 1| per window, peaks +-3 Gamma excluded):\n");
  for (int w = 0; w < NWIN; w++) {
    printf("  %-20s tol %2.0f%%: ctau %6.2f%% at %.4f GeV (%d pts); BR_had %6.2f%% at %.4f GeV "
           "(%d pts); BR_mumu %6.2f%% at %.4f GeV (%d pts)\n",
           win_name[w], 100 * win_tol[w], 100 * wc[w].worst, wc[w].at_m, wc[w].n,
           100 * wh[w].worst, wh[w].at_m, wh[w].n, 100 * wmu[w].worst, wmu[w].at_m, wmu[w].n);
  }
  /* the windows the table covers must actually have been compared */
  ck_assert(wc[0].n > 400 && wc[1].n > 700 && wc[3].n > 500);
  ck_assert(wh[0].n > 100 && wh[1].n > 700 && wh[3].n > 500);
  ck_assert_msg(nfail == 0, "%d comparisons outside tolerance", nfail);
}
END_TEST

START_TEST(test_errors) {
  fb_err err;
  fb_darkphoton_decay d;
  memset(&d, 0, sizeof d);
  fb_err_clear(&err);
  ck_assert_int_eq(fb_darkphoton_decay_compute(&g_R, 2.0 * FB_ME_GEV, 1e-3, &d, &err), FB_ERR_RANGE);
  ck_assert_msg(strstr(err.msg, "valid range") != NULL, "message: %s", err.msg);
  ck_assert_int_eq(fb_darkphoton_decay_compute(&g_R, 0.7e-3, 1e-3, &d, &err), FB_ERR_RANGE);
  ck_assert_int_eq(fb_darkphoton_decay_compute(&g_R, -0.3, 1e-3, &d, &err), FB_ERR_RANGE);
  ck_assert_int_eq(fb_darkphoton_decay_compute(&g_R, 12.0001, 1e-3, &d, &err), FB_ERR_RANGE);
  ck_assert_int_eq(fb_darkphoton_decay_compute(&g_R, 0.3, 0.0, &d, &err), FB_ERR_RANGE);
  ck_assert_int_eq(fb_darkphoton_decay_compute(&g_R, 0.3, -2.1e-4, &d, &err), FB_ERR_RANGE);
  ck_assert_int_eq(fb_darkphoton_decay_compute(&g_R, NAN, 1e-3, &d, &err), FB_ERR_INPUT);
  ck_assert_int_eq(fb_darkphoton_decay_compute(&g_R, 0.3, NAN, &d, &err), FB_ERR_INPUT);
  ck_assert_int_eq(fb_darkphoton_decay_compute(&g_R, INFINITY, 1e-3, &d, &err), FB_ERR_INPUT);
  ck_assert_int_eq(fb_darkphoton_decay_compute(NULL, 0.3, 1e-3, &d, &err), FB_ERR_INPUT);
  ck_assert_int_eq(fb_darkphoton_decay_compute(&g_R, 0.3, 1e-3, NULL, &err), FB_ERR_INPUT);
  fb_rratio uninit;
  memset(&uninit, 0, sizeof uninit);
  ck_assert_int_eq(fb_darkphoton_decay_compute(&uninit, 0.3, 1e-3, &d, &err), FB_ERR_INPUT);
  ck_assert(d.mass_GeV == 0.0); /* out untouched on error */
  /* edges inside the range work */
  ck_assert_int_eq(fb_darkphoton_decay_compute(&g_R, 2.0 * FB_ME_GEV * (1 + 1e-9), 1e-3, &d, &err), FB_OK);
  ck_assert(d.ctau_m > 0.0 && isfinite(d.ctau_m));
  ck_assert_int_eq(fb_darkphoton_decay_compute(&g_R, 12.0, 1e-3, &d, &err), FB_OK);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  Suite *s = suite_create("darkphoton");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_width_ee_formula);
  tcase_add_test(tc, test_ctau_10MeV);
  tcase_add_test(tc, test_rescale);
  tcase_add_test(tc, test_foresee);
  tcase_add_test(tc, test_errors);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
