/**
 * @file test_production_etable.c
 * @brief The per-mass table of a production's rate and mean energy (src/production/fb_production_etable.c) against
 *        evaluating the production directly (BC9 Primakoff, fb_prod_bc9.c). Rows of docs/validation.md "The
 *        tightly coupled BC9 point: the Primakoff table".
 *
 * The bug these checks would catch: a table that answers with another mass's rates, with a wrong coupling power, off
 * its grid, or interpolates across the QCD crossover or the e+- Boltzmann tail with an error that moves the abundance
 * handed to BBN.
 *  - rate and eps_P at the midpoints between the nodes (the worst place of a cubic), masses 1, 3, 30, 300 MeV, T from
 *    20 keV (m/50 of 1 MeV, the lowest hand-over of bc9_bbn) to 1 TeV, coupling 3e-7 GeV^-1: relative 1e-6 away from
 *    the QCD crossover (T outside 0.4 - 2.5 T_c; measured <= 3.8e-7, at 20 keV where the e+- targets fall as
 *    exp(-m_e/T), and <= 7e-8 above 5 MeV; eps_P <= 7e-9), 1e-4 inside it (measured 7.8e-5) (the tanh of fb_production_qgp_fraction, 0.1 wide in ln T, and its
 *    cut at T_c/2 where the quark fraction jumps by 4.5e-5).
 *  - outside the grid (T below T_lo, above T_hi) the direct value bit for bit.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_production.h"

START_TEST(test_etable_vs_direct) {
  fb_err err;
  fb_err_clear(&err);
  fb_production p;
  memset(&p, 0, sizeof p);
  ck_assert_msg(fb_production_init(&p, "bc9", NULL, &err) == FB_OK, "%s", err.msg);
  fb_production_etable t;
  memset(&t, 0, sizeof t);
  const double ms[4] = {1e-3, 3e-3, 3e-2, 0.3}, g = 3e-7, T_lo = 2e-5, T_hi = 1000.0;
  for (int k = 0; k < 4; ++k) {
    ck_assert_msg(fb_production_etable_build(&t, &p, ms[k], 2.0, T_lo, T_hi, FB_PRODUCTION_ETABLE_PER_EFOLD, &err) == FB_OK,
                  "%s", err.msg);
    const fb_production_point pt = {&p, ms[k], g};
    double e_out = 0.0, e_qcd = 0.0, eps_out = 0.0, eps_qcd = 0.0, T_worst = 0.0;
    int n_cmp = 0;
    for (int i = 0; i < t.n - 1; ++i) {
      const double T = exp(t.lnT_lo + (i + 0.5) * t.dlnT);
      double E_dir = NAN, E_tab = NAN;
      const double r_dir = fb_production_callback_energy(T, (void *)&pt, &E_dir);
      const double r_tab = fb_production_etable_rate(&t, g, T, &E_tab);
      if (!(r_dir > 0.0)) continue;
      ++n_cmp;
      const double er = fabs(r_tab / r_dir - 1.0), ee = fabs(E_tab / E_dir - 1.0);
      const int qcd = T > 0.4 * FB_QCD_TPC_GEV && T < 2.5 * FB_QCD_TPC_GEV;
      if (qcd) {
        e_qcd = fmax(e_qcd, er);
        eps_qcd = fmax(eps_qcd, ee);
      } else {
        if (er > e_out) T_worst = T;
        e_out = fmax(e_out, er);
        eps_out = fmax(eps_out, ee);
      }
    }
    printf("m = %g GeV, %d nodes: max relative error rate %.2e (at T = %.3g GeV), eps_P %.2e (QCD crossover: %.2e, "
           "%.2e)\n", ms[k], t.n, e_out, T_worst, eps_out, e_qcd, eps_qcd);
    fflush(stdout);
    ck_assert_int_ge(n_cmp, t.n / 2);
    ck_assert_msg(e_out < 1e-6 && eps_out < 1e-6, "m = %g: rate %g eps %g", ms[k], e_out, eps_out);
    ck_assert_msg(e_qcd < 1e-4 && eps_qcd < 1e-4, "m = %g: crossover rate %g eps %g", ms[k], e_qcd, eps_qcd);
    /* off the grid: the direct value, bit for bit */
    const double T_off[2] = {0.5 * T_lo, 2.0 * T_hi};
    for (int j = 0; j < 2; ++j) {
      double E_dir, E_tab;
      const double r_dir = fb_production_callback_energy(T_off[j], (void *)&pt, &E_dir);
      ck_assert(fb_production_etable_rate(&t, g, T_off[j], &E_tab) == r_dir);
      ck_assert(E_tab == E_dir || (isnan(E_tab) && isnan(E_dir))); /* no rate: no mean energy (NAN) */
    }
  }
  fb_production_etable_free(&t);
  fb_production_free(&p);
}
END_TEST

/* The rate-only tables (productions without a mean energy of their own: bc4, bc10, bc11; used by the bcN_bbn and
 * bcN_photodis planes since session 13; bc5 is not tabulable: its h -> S S part does not scale with the coupling):
 * rate at the midpoints between the nodes against direct evaluation, masses 3 MeV - 3 GeV, T from m/50 to 1 TeV, mean
 * energy NAN (callers take <E>_eq), a rate-less node answered directly. Tolerances: first set to 1e-5 outside the
 * crossovers and 1e-3 inside the QCD (0.4 - 2.5 T_c) and electroweak (0.5 - 3 T_EW, the tanh of the broken-phase
 * weight 0.05 T_EW wide) ones; bc4 then measured 5-6e-4 outside and 0.9-2.2e-2 inside: the direct bc4 rate itself jumps
 * by ~1e-4 between neighbouring T (the fmax kink of its Compton term crosses the 72 fixed Gauss-Legendre nodes, and
 * the quark share is cut at T_c/2, fb_production_qgp_fraction), so a smooth interpolant cannot follow it closer. Now
 * 1e-3 and 3e-2; the abundance-level check is tests/bbn/test_bbn_prod_table.c (BBN outputs with and without the
 * table). */
START_TEST(test_etable_rate_only) {
  static const struct {
    const char *fip;
    double power;
  } P[3] = {{"bc4", 1.0}, {"bc10", 2.0}, {"bc11", 2.0}};
  const double ms[3] = {3e-3, 0.1, 3.0}, T_hi = 1000.0;
  for (int k = 0; k < 3; ++k) {
    fb_err err;
    fb_err_clear(&err);
    fb_production p;
    memset(&p, 0, sizeof p);
    ck_assert_msg(fb_production_init(&p, P[k].fip, NULL, &err) == FB_OK, "%s: %s", P[k].fip, err.msg);
    ck_assert(p.ops->rate_energy_GeV == NULL && fb_production_tabulable(&p));
    fb_production_etable t;
    memset(&t, 0, sizeof t);
    for (int j = 0; j < 3; ++j) {
      const double T_lo = ms[j] / 50.0, c = P[k].power > 1.5 ? 1e-8 : 1e-10;
      ck_assert_msg(fb_production_etable_build(&t, &p, ms[j], P[k].power, T_lo, T_hi, FB_PRODUCTION_ETABLE_PER_EFOLD,
                                               &err) == FB_OK,
                    "%s", err.msg);
      ck_assert_int_eq(t.energy, 0);
      const fb_production_point pt = {&p, ms[j], c};
      double e_out = 0.0, e_x = 0.0, T_worst = 0.0;
      int n_cmp = 0;
      for (int i = 0; i < t.n - 1; ++i) {
        const double T = exp(t.lnT_lo + (i + 0.5) * t.dlnT);
        const double r_dir = fb_production_callback(T, (void *)&pt);
        double E_tab = 0.0;
        const double r_tab = fb_production_etable_rate(&t, c, T, &E_tab);
        ck_assert(isnan(E_tab));
        if (!(r_dir > 0.0)) {
          ck_assert(r_tab == r_dir);
          continue;
        }
        ++n_cmp;
        const double er = fabs(r_tab / r_dir - 1.0);
        const int x = (T > 0.4 * FB_QCD_TPC_GEV && T < 2.5 * FB_QCD_TPC_GEV) || (T > 0.5 * FB_T_EW_GEV && T < 3.0 * FB_T_EW_GEV);
        if (x) {
          e_x = fmax(e_x, er);
        } else {
          if (er > e_out) T_worst = T;
          e_out = fmax(e_out, er);
        }
      }
      printf("%s m = %g GeV, %d nodes (%d with a rate): max relative error %.2e (at T = %.3g GeV), crossovers %.2e\n",
             P[k].fip, ms[j], t.n, n_cmp, e_out, T_worst, e_x);
      fflush(stdout);
      ck_assert_int_ge(n_cmp, t.n / 4);
      ck_assert_msg(e_out < 1e-3, "%s m = %g: rate %g at T = %g", P[k].fip, ms[j], e_out, T_worst);
      ck_assert_msg(e_x < 3e-2, "%s m = %g: crossover rate %g", P[k].fip, ms[j], e_x);
    }
    fb_production_etable_free(&t);
    fb_production_free(&p);
  }
  /* bc5 (fixed part) and bc1 (bin averages, fb_production_table) are not for this table */
  fb_err err;
  fb_err_clear(&err);
  fb_production p;
  memset(&p, 0, sizeof p);
  ck_assert_int_eq(fb_production_init(&p, "bc5", NULL, &err), FB_OK);
  ck_assert_int_eq(fb_production_tabulable(&p), 0);
  fb_production_free(&p);
  ck_assert_int_eq(fb_production_init(&p, "bc1", NULL, &err), FB_OK);
  ck_assert_int_eq(fb_production_tabulable(&p), 0);
  fb_production_free(&p);
}
END_TEST

int main(void) {
  Suite *s = suite_create("production_etable");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_etable_vs_direct);
  tcase_add_test(tc, test_etable_rate_only);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? 0 : 1;
}
