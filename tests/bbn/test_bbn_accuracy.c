/**
 * @file test_bbn_accuracy.c
 * @brief Standard-BBN abundances against PRIMAT's 12-reaction network
 *        (../shared/data/reference/sbbn_reference.md: Omega_b h^2 = 0.02242, tau_n = 879.4 s,
 *        Delta N_eff = 0; Pitrou et al. arXiv:1801.08023 with the 2023 rates).
 *
 * Two sets of tolerances:
 *  - the issue's targets (|dYp| <= 3e-4, D/H 1.5%, 3He/H 3%, 7Li/H 6%): test_issue_targets
 *    (met since 2026-11-22; in the default suite);
 *  - the present state of the code (regression guard, docs/validation.md explains the
 *    differences): test_current_accuracy.
 * The reference values are literature numbers (written here with their source), so this test
 * needs no file from ../shared.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>

#include <gsl/gsl_errno.h>

#include "bbn.h"

/* PRIMAT small network, Neff = 3.0435 (sbbn_reference.md, from the LINX test suite,
 * Giovanetti et al. arXiv:2408.14538) */
#define REF_YP 0.247114
#define REF_DH 2.43790e-5
#define REF_HE3 1.03616e-5
#define REF_LI7 5.6875e-10

/* Present state (see docs/validation.md; measured 2026-11-22 with the d+d rates from the
 * Arai et al. S factors: dYp = -1.4e-5, D/H +0.14%, 3He/H -0.86%, 7Li/H -4.11%): tolerances a
 * little above the measured differences, so that a regression fails. */
/* Yp: -1.27e-4 since nu_e has its own temperature (2026-12-06, issue 14: nu_e ends 0.14 % hotter
 * than nu_mu,tau, as in nudec_BSM, and only nu_e enters the weak rates; it was -1.4e-5 with one
 * flavour-averaged T_nu) */
#define CUR_YP 1.5e-4
#define CUR_DH 0.005
#define CUR_HE3 0.015
#define CUR_LI7 0.05

static bbn_result RES;

static void print_compare(void) {
  printf("Yp      %.6f  ref %.6f  diff %+.2e\n", RES.Yp, REF_YP, RES.Yp - REF_YP);
  printf("D/H     %.5e  ref %.5e  diff %+.2f%%\n", RES.D_H, REF_DH, 100 * (RES.D_H / REF_DH - 1));
  printf("He3/H   %.5e  ref %.5e  diff %+.2f%%\n", RES.He3_H, REF_HE3, 100 * (RES.He3_H / REF_HE3 - 1));
  printf("Li7/H   %.5e  ref %.5e  diff %+.2f%%\n", RES.Li7_H, REF_LI7, 100 * (RES.Li7_H / REF_LI7 - 1));
  printf("Neff    %.4f  (ref 3.0435)\n", RES.Neff);
}

START_TEST(test_issue_targets) {
  ck_assert_msg(fabs(RES.Yp - REF_YP) <= 3e-4, "|dYp| = %.2e > 3e-4", fabs(RES.Yp - REF_YP));
  ck_assert_msg(fabs(RES.D_H / REF_DH - 1) <= 0.015, "D/H off by %.2f%%", 100 * (RES.D_H / REF_DH - 1));
  ck_assert_msg(fabs(RES.He3_H / REF_HE3 - 1) <= 0.03, "3He/H off by %.2f%%", 100 * (RES.He3_H / REF_HE3 - 1));
  ck_assert_msg(fabs(RES.Li7_H / REF_LI7 - 1) <= 0.06, "7Li/H off by %.2f%%", 100 * (RES.Li7_H / REF_LI7 - 1));
}
END_TEST

START_TEST(test_current_accuracy) {
  ck_assert_msg(fabs(RES.Yp - REF_YP) <= CUR_YP, "|dYp| = %.2e", fabs(RES.Yp - REF_YP));
  ck_assert_msg(fabs(RES.D_H / REF_DH - 1) <= CUR_DH, "D/H off by %.2f%%", 100 * (RES.D_H / REF_DH - 1));
  ck_assert_msg(fabs(RES.He3_H / REF_HE3 - 1) <= CUR_HE3, "3He/H off by %.2f%%", 100 * (RES.He3_H / REF_HE3 - 1));
  ck_assert_msg(fabs(RES.Li7_H / REF_LI7 - 1) <= CUR_LI7, "7Li/H off by %.2f%%", 100 * (RES.Li7_H / REF_LI7 - 1));
}
END_TEST

int main(int argc, char **argv) {
  gsl_set_error_handler_off();
  const int issue = argc > 1 && argv[1][0] == 'i'; /* "issue": the issue's tolerances */
  fb_err err;
  fb_err_clear(&err);
  bbn_tables tab;
  if (bbn_tables_init(&tab, &err) != FB_OK) {
    fprintf(stderr, "%s\n", err.msg);
    return 1;
  }
  bbn_params p;
  bbn_params_default(&p);
  p.omega_b_h2 = 0.02242;
  p.tau_n_s = 879.4;
  p.delta_neff = 0.0;
  if (bbn_solve(&tab, &p, &RES, &err) != FB_OK) {
    fprintf(stderr, "%s\n", err.msg);
    bbn_tables_free(&tab);
    return 1;
  }
  bbn_tables_free(&tab);
  print_compare();
  Suite *s = suite_create("bbn_accuracy");
  TCase *tc = tcase_create("sbbn");
  tcase_add_test(tc, issue ? test_issue_targets : test_current_accuracy);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_VERBOSE);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? 0 : 1;
}
