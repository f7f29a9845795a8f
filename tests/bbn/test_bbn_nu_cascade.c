/**
 * @file test_bbn_nu_cascade.c
 * @brief The scattering cascade of injected non-thermal neutrinos (src/bbn/bbn_nu_cascade.c).
 *
 * References (closed forms, each derived independently of the code):
 *  - channel bookkeeping of the Dolgov, Hansen, Semikoz hep-ph/9703315 table 1 matrix elements in the
 *    E >> T limit: with G = g_L^2 + g_R^2, the nu-nu channels have total weight 17/3 (each keeps all the
 *    energy, two daughters), nu e+- 16 G / 3 (the neutrino keeps 1/2 (s-type) or 3/4 (u-type), i.e.
 *    3 G in all), nu anti-nu -> e+ e- 4 G / 3 (nothing kept): energy kept r = (17/3 + 3 G) / (17/3 + 20 G / 3),
 *    daughters per scattering (34/3 + 16 G / 3) / (17/3 + 20 G / 3);
 *  - the integral kernel: a member split uniformly into two (no losses) with a direct term a E has the
 *    exact solution Y(E) = a E (1 + 2 ln(E / E_c)) (Y = a E + (2/E) int_{E_c}^E Y dE', differentiated);
 *  - the full solver with every member interacting as a nu_e, no Hubble losses and S = a E: far above
 *    the cut each generation keeps the fraction r_e of the energy and S ~ E, so Y -> a E / (1 - r_e);
 *  - no scattering (g_int = 0): Y = S exactly.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bbn_internal.h"
#include "fb_constants.h"

START_TEST(test_branchings) {
  for (int g = 0; g < 3; ++g) {
    double B[3][3], r;
    bbn_nu_cascade_branchings(g, B, &r);
    const double gL = (g == 0 ? 0.5 : -0.5) + FB_SIN2_THETAW, gR = FB_SIN2_THETAW, G = gL * gL + gR * gR;
    const double W = 17.0 / 3.0 + 20.0 * G / 3.0;
    const double r_ref = (17.0 / 3.0 + 3.0 * G) / W, n_ref = (34.0 / 3.0 + 16.0 * G / 3.0) / W;
    double n = 0.0, n_other = 0.0;
    for (int l = 0; l < 3; ++l)
      for (int q = 0; q < 3; ++q) {
        n += B[l][q];
        if (l != g) n_other += B[l][q];
      }
    /* daughters of another flavour: nu_g nu_b (1 each), nu_g anti-nu_b (1/3), pairs nu_b anti-nu_b (2 x 1/3), b = two flavours */
    const double n_other_ref = 2.0 * (1.0 + 1.0 / 3.0 + 2.0 / 3.0) / W;
    printf("flavour %d: energy kept %.6f (closed form %.6f), daughters %.6f (%.6f), other flavours %.6f (%.6f)\n", g, r,
           r_ref, n, n_ref, n_other, n_other_ref);
    ck_assert_double_eq_tol(r, r_ref, 1e-12);
    ck_assert_double_eq_tol(n, n_ref, 1e-12);
    ck_assert_double_eq_tol(n_other, n_other_ref, 1e-12);
  }
}
END_TEST

START_TEST(test_kernel_closed_form) {
  /* Y_k = a E_k + 2 sum_i (L[k-i] Y_i + U[k-i] Y_{i+1}), uniform split: solve node by node */
  const double h = log(2.0) / 4.0, a = 1.0;
  const int n = 60;
  double L[BBN_NU_CASCADE_NMAX][3], U[BBN_NU_CASCADE_NMAX][3], Y[BBN_NU_CASCADE_NMAX];
  bbn_nu_cascade_kernel(h, n, L, U);
  double worst = 0.0;
  for (int k = 0; k < n; ++k) {
    const double E = exp(k * h); /* E_c = 1 */
    double s = a * E;
    for (int i = 0; i < k; ++i) {
      s += 2.0 * L[k - i][0] * Y[i];
      if (i + 1 < k) s += 2.0 * U[k - i][0] * Y[i + 1];
    }
    Y[k] = k > 0 ? s / (1.0 - 2.0 * U[1][0]) : s;
    const double ref = a * E * (1.0 + 2.0 * log(E));
    worst = fmax(worst, fabs(Y[k] / ref - 1.0));
  }
  printf("uniform binary split: worst relative deviation from a E (1 + 2 ln(E/E_c)) over E/E_c = 1 - %.3g: %.2e\n",
         exp((n - 1) * h), worst);
  ck_assert_double_le(worst, 1e-9); /* Y / E = a (1 + 2 ln E) is linear in ln E: exact on the grid */
}
END_TEST

typedef struct test_member {
  double Pe, g_int;
} test_member;

static void member_fn(void *ctx, int a, double E, double S[2], double *g_int, double *Pe) {
  (void)a;
  const test_member *m = ctx;
  S[0] = E;
  S[1] = 2.0 * E;
  *g_int = m->g_int;
  *Pe = m->Pe;
}

START_TEST(test_solver_limits) {
  bbn_nu_cascade c;
  double B[3][3], r_e;
  bbn_nu_cascade_branchings(0, B, &r_e);
  test_member all_e = {1.0, 1.0};
  bbn_nu_cascade_solve(&c, 1.0, 1e4, member_fn, &all_e);
  const int k = c.n - 1;
  const double E = exp(c.lnE_c + k * c.h);
  const double ratio = c.Y[0][k][0] / E, ref = 1.0 / (1.0 - r_e);
  printf("all members nu_e, no Hubble loss: Y/(aE) at E/E_c = %.3g: %.5f, 1/(1 - r_e) = %.5f (n = %d nodes)\n", E,
         ratio, ref, c.n);
  ck_assert_double_le(fabs(ratio / ref - 1.0), 0.02);
  ck_assert_double_eq_tol(c.Y[0][k][1] / c.Y[0][k][0], 2.0, 1e-12); /* linear in S */
  /* no scattering: only the direct term */
  test_member none = {0.7, 0.0};
  bbn_nu_cascade_solve(&c, 1.0, 300.0, member_fn, &none);
  for (int a = 0; a < 3; ++a)
    for (int j = 0; j < c.n; ++j) ck_assert_double_eq_tol(c.Y[a][j][0], c.S[a][j][0], 1e-12 * c.S[a][j][0]);
  double ex[2];
  bbn_nu_cascade_extra(&c, 2, 50.0, ex);
  ck_assert_double_eq_tol(ex[0], 0.0, 1e-12);
  bbn_nu_cascade_extra(&c, 2, 0.5, ex); /* below the cut */
  ck_assert_double_eq(ex[1], 0.0);
}
END_TEST

int main(void) {
  Suite *s = suite_create("bbn_nu_cascade");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_branchings);
  tcase_add_test(tc, test_kernel_closed_form);
  tcase_add_test(tc, test_solver_limits);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_set_fork_status(sr, CK_NOFORK);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf ? 1 : 0;
}
