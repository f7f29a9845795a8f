/**
 * @file test_bbn_nu_cascade.c
 * @brief The scattering cascade of injected non-thermal neutrinos (src/bbn/bbn_nu_cascade.c).
 *
 * References (closed forms, each derived independently of the code):
 *  - the thermal average of one unit of s-type weight, |M|^2 = 32 G_F^2 (p1.p2)(p3.p4) = 8 G_F^2 s^2
 *    (sigma = |M|^2 / (16 pi s) = G_F^2 s / (2 pi)), of a neutrino of energy E >> T on a massless Fermi-Dirac
 *    bath: Gamma = int d^3p/(2 pi)^3 f(p) (1 - cos) sigma(s), s = 2 E p (1 - cos), by a 2-d quadrature here
 *    (and the u-type (p1.p4)(p2.p3) by a 3-d one over the CM angle too), against the closed form
 *    7 pi/180 G_F^2 T^4 E of bbn_nu_rate.c and 1/3 of it;
 *  - the published total rates: the channel weights summed times 7 pi/180 against C_e = 1.27, C_mu = 0.92
 *    (Enqvist, Kainulainen, Thomson NPB 373 (1992) 498, as Gamma = C G_F^2 T^4 p; Abazajian, Fuller, Patel
 *    astro-ph/0101524): within 3% (no Pauli blocking, Boltzmann-free e+- here). This is the independent check
 *    of the weights: with the nu_a nu_a channel at weight 1 (the code before 2026-12-07) C_e = 1.171 (-8%),
 *    C_mu = 0.795 (-14%);
 *  - channel bookkeeping of the Dolgov, Hansen, Semikoz hep-ph/9703315 table 1 matrix elements in the
 *    E >> T limit: with G = g_L^2 + g_R^2, the nu-nu channels have total weight 20/3 (nu_a nu_a 2,
 *    nu_a anti-nu_a 4/3, nu_a nu_b 2 x 1, nu_a anti-nu_b 2 x 1/3, nu_a anti-nu_a -> nu_b anti-nu_b 2 x 1/3;
 *    each keeps all the energy, two daughters), nu e+- 16 G / 3 (the neutrino keeps 1/2 (s-type) or 3/4
 *    (u-type), i.e. 3 G in all), nu anti-nu -> e+ e- 4 G / 3 (nothing kept): energy kept
 *    r = (20/3 + 3 G) / (20/3 + 20 G / 3), daughters per scattering (40/3 + 16 G / 3) / (20/3 + 20 G / 3);
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
    const double W = 20.0 / 3.0 + 20.0 * G / 3.0;
    const double r_ref = (20.0 / 3.0 + 3.0 * G) / W, n_ref = (40.0 / 3.0 + 16.0 * G / 3.0) / W;
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

/* Gamma / (G_F^2 T^4 E) of one unit of s-type (u = 0) or u-type (u = 1) weight on a massless Fermi-Dirac bath
 * (T = E = 1): Simpson in x = p/T on [0, 60] and in cos on [-1, 1]; for u-type also over the CM angle c*, with
 * |M|^2 = 32 (p1.p4)(p2.p3) = 8 u^2, u = -s (1 + c*)/2, sigma = (1/(32 pi s)) int |M|^2 dc* */
static double thermal_unit(int utype) {
  const int nx = 1200, nc = 200, ns = 100;
  double sum = 0.0;
  for (int i = 0; i <= nx; ++i) {
    const double x = 60.0 * i / nx, wx = (i == 0 || i == nx) ? 1.0 : (i % 2 ? 4.0 : 2.0);
    const double f = 1.0 / (exp(x) + 1.0);
    for (int j = 0; j <= nc; ++j) {
      const double c = -1.0 + 2.0 * j / nc, wc = (j == 0 || j == nc) ? 1.0 : (j % 2 ? 4.0 : 2.0);
      const double s = 2.0 * x * (1.0 - c);
      double sigma;
      if (!utype) {
        sigma = 8.0 * s * s / (16.0 * FB_PI * s + 1e-300);
      } else {
        double a = 0.0;
        for (int k = 0; k <= ns; ++k) {
          const double cs = -1.0 + 2.0 * k / ns, wk = (k == 0 || k == ns) ? 1.0 : (k % 2 ? 4.0 : 2.0);
          const double u = -0.5 * s * (1.0 + cs);
          a += wk * 8.0 * u * u;
        }
        a *= (2.0 / ns) / 3.0;
        sigma = a / (32.0 * FB_PI * s + 1e-300);
      }
      sum += wx * wc * x * x * f * (1.0 - c) * sigma;
    }
  }
  return sum * (60.0 / nx / 3.0) * (2.0 / nc / 3.0) * 2.0 * FB_PI / pow(2.0 * FB_PI, 3);
}

START_TEST(test_thermal_average) {
  const double s_num = thermal_unit(0), u_num = thermal_unit(1), cf = bbn_nu_rate_s_unit();
  printf("thermal average per unit weight: s-type %.8f (quadrature) vs 7 pi/180 = %.8f; u-type / s-type %.6f (1/3)\n",
         s_num, cf, u_num / s_num);
  ck_assert_double_le(fabs(s_num / cf - 1.0), 1e-6);
  ck_assert_double_le(fabs(u_num / s_num * 3.0 - 1.0), 1e-6);
  /* the channel sums against the published C's (the rate the code uses, bbn_nu_rate_coef) */
  const double Ce = bbn_nu_cascade_rate_coef(0), Cmu = bbn_nu_cascade_rate_coef(1), Ctau = bbn_nu_cascade_rate_coef(2);
  printf("channel sums: C_e %.4f (published %.2f, ratio %.4f), C_mu %.4f, C_tau %.4f (published %.2f, ratio %.4f)\n", Ce,
         FB_NU_RATE_C_E, Ce / FB_NU_RATE_C_E, Cmu, Ctau, FB_NU_RATE_C_MUTAU, Cmu / FB_NU_RATE_C_MUTAU);
  ck_assert_double_le(fabs(Ce / 1.27 - 1.0), 0.03);
  ck_assert_double_le(fabs(Cmu / 0.92 - 1.0), 0.03);
  ck_assert_double_eq_tol(Ctau, Cmu, 1e-14);
  ck_assert_double_eq(bbn_nu_rate_coef(0), FB_NU_RATE_C_E);
  ck_assert_double_eq(bbn_nu_rate_coef(2), FB_NU_RATE_C_MUTAU);
  /* the rate: C G_F^2 T^4 p (T = 2 MeV, p = 10 MeV), and its average over a Fermi-Dirac spectrum = C G_F^2 T^4 <p> */
  const double T = 2e-3, p = 1e-2, GF = FB_GF_GEV_M2;
  ck_assert_double_le(fabs(bbn_nu_rate_GeV(1.27, T, p) / (1.27 * GF * GF * pow(T, 4) * p) - 1.0), 1e-14);
  double n = 0.0, m1 = 0.0;
  for (int i = 1; i <= 60000; ++i) {
    const double x = (i - 0.5) * 1e-3, f = x * x / (exp(x) + 1.0);
    n += f;
    m1 += f * x;
  }
  ck_assert_double_le(fabs(m1 / n / bbn_nu_mean_p_over_T() - 1.0), 1e-6);
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
  tcase_add_test(tc, test_thermal_average);
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
