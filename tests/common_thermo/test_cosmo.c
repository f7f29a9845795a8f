/**
 * @file test_cosmo.c
 * @brief Tests of fb_cosmo: PDG 2024 s_0 and n_gamma, yield <-> Omega h^2, H(T) and t(T) against
 *        the textbook radiation-era formulas in stretches of constant g_*.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_errno.h>

#include "fb_constants.h"
#include "fb_cosmo.h"
#include "fb_thermo.h"

static fb_thermo TH;

START_TEST(test_s0_and_n_gamma_today) {
  const double T0_GeV = FB_TCMB_K * FB_K_TO_GEV;
  /* PDG 2024 Astrophysical constants: n_gamma = 410.7 (T/2.7255 K)^3 cm^-3 */
  const double ngam_cm3 = fb_cosmo_photon_number_density_GeV3(T0_GeV) / FB_INV_CM3_TO_GEV3;
  ck_assert_double_eq_tol(ngam_cm3, 410.7, 5e-4 * 410.7);
  /* PDG 2024: s/k = 2891.2 (T/2.7255)^3 cm^-3, computed with g_*s = 3.909 (N_eff = 3); ours uses
   * N_eff = 3.044, i.e. g_*s = 3.930, +0.55% */
  const double s0 = fb_cosmo_s0_cm3(&TH);
  printf("s0 = %.1f cm^-3 (PDG 2891.2; ratio %.5f), n_gamma0 = %.2f cm^-3\n", s0, s0 / 2891.2,
         ngam_cm3);
  ck_assert_double_eq_tol(s0, 2891.2, 0.01 * 2891.2);
  ck_assert_double_eq_tol(s0 / ngam_cm3,
                          FB_PI * FB_PI * FB_PI * FB_PI / (45.0 * FB_ZETA3) *
                              fb_thermo_gstar_s_today(&TH),
                          1e-9 * s0 / ngam_cm3);
}
END_TEST

START_TEST(test_yield_omega) {
  /* Omega h^2 = 0.12 at m = 100 GeV: Y = 0.12 * 1.0537e-5 GeV cm^-3 / (100 GeV * s0) ~ 4.4e-12 */
  const double Y = fb_cosmo_yield_from_omega_h2(&TH, 0.12, 100.0);
  printf("Y(Omega h^2 = 0.12, m = 100 GeV) = %.4e\n", Y);
  ck_assert_double_eq_tol(Y, 0.12 * 1.05371255e-5 / (100.0 * 2891.2), 0.01 * Y);
  ck_assert(Y > 4.3e-12 && Y < 4.45e-12);
  /* round trip at a high-entropy point */
  const double Y2 = 3.71e-9, m = 0.0473;
  const double oh2 = fb_cosmo_omega_h2_from_yield(&TH, Y2, m);
  ck_assert_double_eq_tol(fb_cosmo_yield_from_omega_h2(&TH, oh2, m), Y2, 1e-13 * Y2);
  /* linear in m Y */
  ck_assert_double_eq_tol(fb_cosmo_omega_h2_from_yield(&TH, 2 * Y2, m),
                          2 * fb_cosmo_omega_h2_from_yield(&TH, Y2, m), 1e-15);
}
END_TEST

START_TEST(test_hubble_entropy) {
  const double T[] = {2.17e-4, 0.0381, 1.73, 431.0};
  for (int i = 0; i < 4; i++) {
    const double g = fb_thermo_gstar_rho(&TH, T[i]);
    /* Kolb & Turner eq. (3.28): H = 1.66 g_*^(1/2) T^2 / M_Pl (1.66 = sqrt(8 pi^3/90) = 1.6602) */
    const double H_kt = 1.66 * sqrt(g) * T[i] * T[i] / FB_MPL_GEV;
    ck_assert_double_eq_tol(fb_cosmo_hubble_GeV(&TH, T[i]), H_kt, 3e-4 * H_kt);
    const double s = fb_cosmo_entropy_density_GeV3(&TH, T[i]);
    ck_assert_double_eq_tol(s, 0.43865 * fb_thermo_gstar_s(&TH, T[i]) * pow(T[i], 3), 1e-4 * s);
  }
}
END_TEST

/* radiation era with constant g: t = 0.301 g^(-1/2) M_Pl / T^2 (Kolb & Turner eq. (3.29)) */
static double t_const_g_s(double g, double T_GeV) {
  return 0.301 * FB_MPL_GEV / (sqrt(g) * T_GeV * T_GeV) * FB_INV_GEV_TO_S;
}

START_TEST(test_time_temperature) {
  fb_err err;
  fb_err_clear(&err);
  /* plateaus: 3.5-9 MeV (g = 10.74-10.75) and 1-9 TeV (g = 103.99-104.41) */
  const double plateau[2][2] = {{9.0e-3, 3.5e-3}, {9.0e3, 1.0e3}};
  for (int i = 0; i < 2; i++) {
    double t1, t2;
    const double Ta = plateau[i][0], Tb = plateau[i][1];
    ck_assert_int_eq(fb_cosmo_time_s(&TH, Ta, &t1, &err), FB_OK);
    ck_assert_int_eq(fb_cosmo_time_s(&TH, Tb, &t2, &err), FB_OK);
    const double g = fb_thermo_gstar_rho(&TH, sqrt(Ta * Tb));
    const double dt = t_const_g_s(g, Tb) - t_const_g_s(g, Ta);
    printf("t(%g GeV) - t(%g GeV) = %.6e s, constant-g formula %.6e s (%.3f%%)\n", Tb, Ta,
           t2 - t1, dt, 100 * ((t2 - t1) / dt - 1));
    ck_assert_double_eq_tol(t2 - t1, dt, 3e-3 * dt);
  }
  /* t(1 MeV): ~0.74 s for g = 10.75 (e+e- annihilation has barely begun) */
  double t1MeV;
  ck_assert_int_eq(fb_cosmo_time_s(&TH, 1.0e-3, &t1MeV, &err), FB_OK);
  printf("t(1 MeV) = %.4f s, constant-g (10.75) formula %.4f s\n", t1MeV,
         t_const_g_s(10.75, 1.0e-3));
  ck_assert_double_eq_tol(t1MeV, t_const_g_s(10.75, 1.0e-3), 0.03 * t1MeV);
  /* monotonic */
  double ta, tb;
  ck_assert_int_eq(fb_cosmo_time_s(&TH, 0.157, &ta, &err), FB_OK);
  ck_assert_int_eq(fb_cosmo_time_s(&TH, 0.149, &tb, &err), FB_OK);
  ck_assert_double_gt(tb, ta);
  /* at T_max the integral is empty: t = 1/(2H) */
  ck_assert_int_eq(fb_cosmo_time_s(&TH, 1.0e5, &ta, &err), FB_OK);
  ck_assert_double_eq_tol(ta, 0.5 / fb_cosmo_hubble_GeV(&TH, 1.0e5) * FB_INV_GEV_TO_S, 1e-9 * ta);
  /* error paths */
  ck_assert_int_eq(fb_cosmo_time_s(&TH, 3.0e5, &ta, &err), FB_ERR_RANGE);
  ck_assert_int_eq(fb_cosmo_time_s(&TH, -1.0, &ta, &err), FB_ERR_RANGE);
  ck_assert_int_eq(fb_cosmo_time_s(&TH, 1.0e-8, &ta, &err), FB_ERR_RANGE);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  fb_err err;
  fb_err_clear(&err);
  if (fb_thermo_init(&TH, &err) != FB_OK) {
    fprintf(stderr, "fb_thermo_init failed: %s\n", err.msg);
    return EXIT_FAILURE;
  }
  Suite *s = suite_create("cosmo");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_s0_and_n_gamma_today);
  tcase_add_test(tc, test_yield_omega);
  tcase_add_test(tc, test_hubble_entropy);
  tcase_add_test(tc, test_time_temperature);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_VERBOSE);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  fb_thermo_free(&TH);
  return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
