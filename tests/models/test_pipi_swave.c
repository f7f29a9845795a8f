/* Tests of the GKPY isoscalar S-wave pi pi input (src/models/fb_pipi_swave.c, arXiv:1102.2183 App. A):
 * (1) against independent public implementations of the same parametrisation: delta_0^0(0.5 GeV) =
 *     39.86680 deg (mmikhasenko/GKPY-2011, src/s-wave.jl docstring example "δ0(0.5^2) = 39.8668...")
 *     and the matching slope d delta/ds(s_M) = 1.588503 rad GeV^-2 (JPAC analyticRT
 *     pipi_scattering.cpp, "delPm", evaluated there with Mathematica; ours 1.587773, 5e-4 apart);
 * (2) physics: the scattering length from the threshold behaviour against Colangelo, Gasser,
 *     Leutwyler hep-ph/0103088 (a_0^0 = 0.220 +- 0.005 M_pi^-1); continuity of delta and its slope at
 *     0.85 GeV and of delta at 2 m_K (= d0); delta increasing from threshold to 1.42 GeV; eta_0^0 = 1
 *     below 2 m_K, in (0, 1] above, with the dip just above the K Kbar threshold that GKPY favour. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "fb_pipi_swave.h"

#define T_PI 3.14159265358979323846
#define T_DEG (180.0 / T_PI)
#define T_MPI 0.13957 /* the fit's pion mass (fb_constants.h) */
#define T_MK 0.496

START_TEST(test_independent_values) {
  const double d = fb_gkpy_delta00(0.25) * T_DEG;
  printf("delta_0^0(0.5 GeV) = %.8f deg (GKPY-2011 Julia package: 39.86680197881492)\n", d);
  ck_assert_msg(fabs(d - 39.86680197881492) < 1e-6, "delta(0.5) = %.10f", d);
  const double sl = fb_gkpy_slope_sm();
  printf("d delta/ds at s_M = 0.85^2: %.6f rad/GeV^2 (JPAC analyticRT: 1.588503)\n", sl);
  /* measured 1.587773 (-4.6e-4 relative): that code's pion/kaon masses are its own constants, not
   * necessarily the fit's 0.13957/0.496 used here, and its value was copied at 7 digits */
  ck_assert_msg(fabs(sl / 1.588503 - 1.0) < 1e-3, "slope %.8f", sl);
}
END_TEST

START_TEST(test_threshold_and_continuity) {
  /* a_0^0 = lim tan(delta)/k in units of 1/M_pi */
  const double k = 1e-4, s = 4.0 * (T_MPI * T_MPI + k * k);
  const double a00 = tan(fb_gkpy_delta00(s)) / k * T_MPI;
  printf("a_0^0 from the GKPY CFD phase = %.4f M_pi^-1 (CGL hep-ph/0103088: 0.220 +- 0.005)\n", a00);
  ck_assert_msg(fabs(a00 - 0.220) < 0.005, "a_0^0 = %g", a00);
  const double sm = 0.85 * 0.85, h = 1e-7;
  const double dl = fb_gkpy_delta00(sm - h), dr = fb_gkpy_delta00(sm + h);
  const double gl = (fb_gkpy_delta00(sm - h) - fb_gkpy_delta00(sm - 1e-4)) / (1e-4 - h);
  const double gr = (fb_gkpy_delta00(sm + 1e-4) - fb_gkpy_delta00(sm + h)) / (1e-4 - h);
  printf("at 0.85 GeV: delta %.6f | %.6f rad, slope %.4f | %.4f rad/GeV^2\n", dl, dr, gl, gr);
  ck_assert(fabs(dl - dr) < 1e-6 && fabs(gl - gr) < 2e-3 * fabs(gl));
  const double sk = 4.0 * T_MK * T_MK;
  const double kl = fb_gkpy_delta00(sk * (1 - 1e-12)) * T_DEG, kr = fb_gkpy_delta00(sk * (1 + 1e-12)) * T_DEG;
  printf("at 2 m_K: delta %.4f | %.4f deg (d0 = 226.5)\n", kl, kr);
  ck_assert(fabs(kl - 226.5) < 1e-3 && fabs(kr - 226.5) < 1e-3);
  double prev = 0.0;
  for (double m = 2 * T_MPI + 1e-6; m <= 1.42; m += 0.001) {
    const double dd = fb_gkpy_delta00(m * m);
    ck_assert_msg(dd >= prev, "delta decreases at %g GeV", m);
    prev = dd;
  }
  printf("delta_0^0(1.42 GeV) = %.1f deg\n", prev * T_DEG);
  ck_assert(prev * T_DEG > 300.0 && prev * T_DEG < 330.0);
}
END_TEST

START_TEST(test_inelasticity) {
  for (double m = 0.3; m < 2 * T_MK; m += 0.01) ck_assert(fb_gkpy_eta00(m * m) == 1.0);
  double emin = 1.0, mmin = 0.0;
  for (double m = 2 * T_MK + 1e-6; m <= 1.42; m += 0.001) {
    const double e = fb_gkpy_eta00(m * m);
    ck_assert(e > 0.0 && e <= 1.0);
    if (e < emin) emin = e, mmin = m;
  }
  printf("eta_0^0: minimum %.3f at %.3f GeV; eta(1.2 GeV) = %.3f, eta(1.42 GeV) = %.3f\n", emin, mmin,
         fb_gkpy_eta00(1.44), fb_gkpy_eta00(1.42 * 1.42));
  ck_assert(emin < 0.4 && mmin > 0.99 && mmin < 1.05); /* the dip just above 2 m_K */
}
END_TEST

int main(void) {
  Suite *s = suite_create("pipi_swave");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_independent_values);
  tcase_add_test(tc, test_threshold_and_continuity);
  tcase_add_test(tc, test_inelasticity);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  const int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
