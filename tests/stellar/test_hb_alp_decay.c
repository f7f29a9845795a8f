/**
 * @file test_hb_alp_decay.c
 * @brief The upper edge of the HB bound on a photon-coupled ALP (issue 16): ALPs that decay a -> gamma gamma inside
 *        the helium core are no energy loss (fb_hb_alp.h, [hb] decay = core), against the closed published region
 *        of tests/stellar/data/axionlimits_GlobularClusters_heavyALP.tsv (AxionLimits GlobularClusters.txt; its upper
 *        branch is the one of Lucente et al. arXiv:2203.01336, provenance in the file's header).
 *
 * Internal checks:
 *  - fb_hb_escape_probability against a direct midpoint integration over the emission direction (1e-6), and its
 *    limits (centre: exp(-R/lam); lam >> R: 1);
 *  - the edges solve eps_a(g) = eps_max (1e-3) with eps_a above it between them; decay = off gives the one-sided
 *    bound unchanged (g_high = +inf, g_low = the decay-free g_max); m < 2 omega_p (no decay): no upper edge.
 * Published upper edge (explicit tolerances; docs/validation.md "HB upper edge: decays inside the core"):
 *  - polytrope core (n = 3/2, T_c = 1.2e8 K, rho_c = 1e4 g/cm^3, the core that reproduces the published lower edge
 *    to 100 keV): within a factor 2.5 at the six published masses 29.5-257 keV (measured x2.18 ... x0.56: our edge
 *    is steeper in mass than the published one); the region closes below the published tip at 388.6 keV (gap,
 *    measured 0.328 MeV with the polytrope, 0.209 MeV one-zone): asserted to lie in 0.2-0.389 MeV;
 *  - one-zone default core: within a factor 2 at 29.5-103 keV (measured x1.62 ... x0.52), the gap at 174.6 keV
 *    (x0.32) bracketed in [0.2, 0.5]; it closes at ~0.2 MeV (the known one-zone lower-edge gap above 60 keV).
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_hb_alp.h"

#define REF_FILE FB_SOURCE_DIR "/tests/stellar/data/axionlimits_GlobularClusters_heavyALP.tsv"

typedef struct ref_row {
  char edge[8];
  double m_GeV, g_GeV;
} ref_row;

static int read_ref(ref_row *r, int nmax) {
  FILE *f = fopen(REF_FILE, "r");
  ck_assert_msg(f != NULL, "cannot open %s", REF_FILE);
  char line[512];
  int n = 0;
  while (fgets(line, sizeof line, f) && n < nmax) {
    if (line[0] == '#' || line[0] == '\n') continue;
    double m_eV, g;
    ck_assert_int_eq(sscanf(line, "%7s %lf %lf", r[n].edge, &m_eV, &g), 3);
    r[n].m_GeV = m_eV * 1e-9;
    r[n].g_GeV = g;
    n++;
  }
  fclose(f);
  return n;
}

static double mu_integrand_avg(double r, double R, double lam) {
  const int n = 200000; /* midpoint rule in mu over [-1, 1] */
  double s = 0.0;
  for (int i = 0; i < n; i++) {
    double mu = -1.0 + (i + 0.5) * 2.0 / n;
    double chord = -r * mu + sqrt(R * R - r * r * (1.0 - mu * mu));
    s += exp(-chord / lam);
  }
  return s / n;
}

START_TEST(test_escape_probability) {
  const double R = 1.0;
  const double rs[] = {0.1, 0.5, 0.9, 0.99}, lams[] = {0.02, 0.1, 1.0, 30.0};
  for (size_t i = 0; i < sizeof rs / sizeof rs[0]; i++)
    for (size_t j = 0; j < sizeof lams / sizeof lams[0]; j++) {
      double ours = fb_hb_escape_probability(rs[i], R, lams[j]), ref = mu_integrand_avg(rs[i], R, lams[j]);
      ck_assert_msg(fabs(ours / ref - 1) < 1e-6, "r = %g lam = %g: %.10g vs %.10g", rs[i], lams[j], ours, ref);
    }
  ck_assert_double_eq_tol(fb_hb_escape_probability(0.0, R, 0.2), exp(-5.0), 1e-15);
  ck_assert_double_eq_tol(fb_hb_escape_probability(0.5, R, 1e14), 1.0, 1e-12);
  ck_assert(isnan(fb_hb_escape_probability(R, R, 1.0)) && isnan(fb_hb_escape_probability(1.5 * R, R, 1.0)));
}
END_TEST

START_TEST(test_edges_solve_criterion) {
  fb_err err;
  fb_err_clear(&err);
  fb_hb_options o;
  fb_hb_options_default(&o);
  double lo, hi, e;
  ck_assert_msg(fb_hb_alp_edges_GeV(&o, 1e-4, &lo, &hi, &err) == FB_OK, "%s", err.msg);
  ck_assert(lo > 0 && hi > lo && isfinite(hi));
  ck_assert_int_eq(fb_hb_alp_eps_erg_g_s(&o, 1e-4, lo, &e, &err), FB_OK);
  ck_assert_msg(fabs(e / o.eps_max_erg_g_s - 1) < 1e-3, "eps(g_low) = %g", e);
  ck_assert_int_eq(fb_hb_alp_eps_erg_g_s(&o, 1e-4, hi, &e, &err), FB_OK);
  ck_assert_msg(fabs(e / o.eps_max_erg_g_s - 1) < 1e-3, "eps(g_high) = %g", e);
  ck_assert_int_eq(fb_hb_alp_eps_erg_g_s(&o, 1e-4, sqrt(lo * hi), &e, &err), FB_OK);
  ck_assert(e > o.eps_max_erg_g_s);
  ck_assert_int_eq(fb_hb_alp_eps_erg_g_s(&o, 1e-4, 1.05 * hi, &e, &err), FB_OK);
  ck_assert(e < o.eps_max_erg_g_s);
  /* decay = off: the one-sided bound; its g_max equals the lower edge where decays do not matter */
  fb_hb_options off = o;
  off.decay = FB_HB_DECAY_OFF;
  double lo0, hi0;
  ck_assert_int_eq(fb_hb_alp_edges_GeV(&off, 1e-4, &lo0, &hi0, &err), FB_OK);
  ck_assert(isinf(hi0));
  ck_assert_msg(fabs(lo / lo0 - 1) < 1e-3, "g_low %g vs decay-free %g", lo, lo0);
  /* 1 keV < 2 omega_p (~3 keV): the ALP cannot decay, no upper edge */
  ck_assert_int_eq(fb_hb_alp_edges_GeV(&o, 1e-6, &lo, &hi, &err), FB_OK);
  ck_assert(isfinite(lo) && isinf(hi));
  /* far above the tip: closed (NaN) */
  ck_assert_int_eq(fb_hb_alp_edges_GeV(&o, 1e-3, &lo, &hi, &err), FB_OK);
  ck_assert(isnan(lo) && isnan(hi));
}
END_TEST

/* largest mass with an excluded interval, by bisection between an open and a closed mass */
static double tip_GeV(const fb_hb_options *o, double m_open, double m_closed) {
  fb_err err;
  fb_err_clear(&err);
  for (int it = 0; it < 12; it++) {
    double m = sqrt(m_open * m_closed), lo, hi;
    ck_assert_msg(fb_hb_alp_edges_GeV(o, m, &lo, &hi, &err) == FB_OK, "%s", err.msg);
    if (isnan(lo)) m_closed = m; else m_open = m;
  }
  return sqrt(m_open * m_closed);
}

static void compare(const fb_hb_options *o, const char *name, double m_assert_max, double tol, double gap_m,
                    double gap_lo, double gap_hi) {
  ref_row r[64];
  int n = read_ref(r, 64), nhigh = 0;
  fb_err err;
  fb_err_clear(&err);
  for (int i = 0; i < n; i++) {
    if (strcmp(r[i].edge, "high")) continue;
    double lo, hi;
    ck_assert_msg(fb_hb_alp_edges_GeV(o, r[i].m_GeV, &lo, &hi, &err) == FB_OK, "%s", err.msg);
    double ratio = hi / r[i].g_GeV;
    printf("HB upper edge (%s): m = %.1f keV, g_high = %.3e, published %.3e, ratio %.3f\n", name, r[i].m_GeV * 1e6, hi,
           r[i].g_GeV, ratio);
    if (r[i].m_GeV <= m_assert_max) {
      ck_assert_msg(ratio > 1.0 / tol && ratio < tol, "%s: m = %g GeV ratio %g outside factor %g", name, r[i].m_GeV,
                    ratio, tol);
      nhigh++;
    } else if (fabs(r[i].m_GeV / gap_m - 1) < 1e-3) {
      ck_assert_msg(ratio > gap_lo && ratio < gap_hi, "%s: documented gap at %g GeV moved: ratio %g", name, gap_m, ratio);
    }
  }
  ck_assert_int_ge(nhigh, 4);
}

START_TEST(test_published_polytrope) {
  fb_hb_options o;
  fb_hb_options_default(&o);
  o.core = FB_HB_POLYTROPE;
  o.T_K = 1.2e8;
  o.rho_g_cm3 = 1e4;
  compare(&o, "polytrope", 0.26e-3, 2.5, -1.0, 0, 0);
  double tip = tip_GeV(&o, 0.257e-3, 0.5e-3);
  printf("HB region (polytrope) closes at %.3f MeV, published tip 0.389 MeV\n", tip * 1e3);
  ck_assert_msg(tip > 0.2e-3 && tip < 0.389e-3, "tip %g GeV", tip);
}
END_TEST

START_TEST(test_published_one_zone) {
  fb_hb_options o;
  fb_hb_options_default(&o);
  compare(&o, "one-zone", 0.11e-3, 2.0, 174594.74742012465e-9, 0.2, 0.5);
  double tip = tip_GeV(&o, 0.175e-3, 0.5e-3);
  printf("HB region (one-zone) closes at %.3f MeV, published tip 0.389 MeV\n", tip * 1e3);
  ck_assert(tip > 0.175e-3 && tip < 0.389e-3);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  Suite *s = suite_create("hb_alp_decay");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_escape_probability);
  tcase_add_test(tc, test_edges_solve_criterion);
  tcase_add_test(tc, test_published_one_zone);
  tcase_add_test(tc, test_published_polytrope);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf ? EXIT_FAILURE : EXIT_SUCCESS;
}
