/**
 * @file test_sn_profile.c
 * @brief The default proto-neutron-star profile has the documented properties (central T 30-40 MeV,
 *        central density 3-6e14 g/cm^3, neutrinosphere 20-40 km, PNS mass 1.2-2 M_sun, steep fall-off);
 *        the reader rejects malformed files naming file:line:column, accepts a column map with
 *        unit factors and derives mu_e, X_n, X_p and the lapse when absent (compared with the
 *        full default file to stated tolerances).
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fb_constants.h"
#include "fb_sn_profile.h"

#define DEFAULT_PROFILE FB_SOURCE_DIR "/inputs/sn_profile_default.dat"
#define MANTLE_PROFILE FB_SOURCE_DIR "/inputs/sn_profile_mantle.dat"

START_TEST(test_default_profile_properties) {
  fb_sn_profile p;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(fb_sn_profile_read(&p, DEFAULT_PROFILE, NULL, &err) == FB_OK, "%s", err.msg);
  double Tc = fb_sn_profile_at(&p, FB_SN_T_MEV, 0), rhoc = fb_sn_profile_at(&p, FB_SN_RHO_G_CM3, 0);
  ck_assert_msg(Tc >= 30 && Tc <= 40, "central T = %g MeV, want 30-40", Tc);
  ck_assert_msg(rhoc >= 3e14 && rhoc <= 6e14, "central rho = %g g/cm^3, want 3-6e14", rhoc);
  double rnu;
  ck_assert_msg(fb_sn_profile_neutrinosphere_km(&p, &rnu, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(rnu >= 20 && rnu <= 40, "neutrinosphere %g km, want 20-40", rnu);
  double M = fb_sn_profile_mass_msun(&p, 1e4);
  ck_assert_msg(M > 1.2 && M < 2.0, "PNS baryonic mass %g M_sun, want 1.2-2", M);
  /* steep fall-off: density drops by > 1e3 between the core and 2 x neutrinosphere */
  ck_assert(fb_sn_profile_at(&p, FB_SN_RHO_G_CM3, 2 * rnu) < 1e-3 * rhoc);
  /* lapse increases outwards, < 1 inside */
  ck_assert(fb_sn_profile_at(&p, FB_SN_LAPSE, 0) < fb_sn_profile_at(&p, FB_SN_LAPSE, 30));
  ck_assert(fb_sn_profile_at(&p, FB_SN_LAPSE, 0) > 0.5 && fb_sn_profile_at(&p, FB_SN_LAPSE, 30) < 1.0);
  fb_sn_profile_free(&p);
}
END_TEST

/* The low-entropy-core / hot-mantle profile (tools/make_sn_profile.py --variant mantle, docs/sn-profile.md 1c):
 * (1) off-centre temperature maximum inside the cited 30-60 MeV of the hottest regions of Garching cores
 *     (Caputo, Raffelt & Vitagliano arXiv:2109.03244, Introduction) and 30-50 MeV (Nicotra nucl-th/0607055);
 *     construction target 40 MeV near 10-11 km (ours), asserted to 1 MeV and 8-14 km;
 * (2) the central entropy per baryon s_c = 1 (Prakash et al. nucl-th/9603042: "of order 1 or 2"), checked
 *     independently of the script's Fermi integrals by the degenerate (Sommerfeld) limits read off the file's
 *     own columns: nucleons (pi^2/2) T/T_F per particle, e-/e+ and nu_e mu^2 T/3 and mu_nu^2 T/6 per n_B with
 *     mu_nu = mu_e + mu_p - mu_n (Landau & Lifshitz, Statistical Physics I, sec. 58); the first-order
 *     Sommerfeld expansion is good to O((T/T_F)^2) ~ 5% here (T/T_F = 0.15-0.26), tolerance 8%;
 * (3) lepton fraction Y_L = Y_e + Y_nu in 0.3-0.4 (+5%), the trapped values of PNS models (Strobel, Schaab
 *     & Weigel astro-ph/9908132 sec. 2; Goussard et al. A&AS 1999: configurations with Y_L = 0.3 and 0.4);
 * (4) density, mass, lapse and the outer layers (T beyond 20 km, hence the neutrinosphere) are the default's. */
START_TEST(test_mantle_profile_properties) {
  fb_sn_profile p, d;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(fb_sn_profile_read(&p, MANTLE_PROFILE, NULL, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_sn_profile_read(&d, DEFAULT_PROFILE, NULL, &err) == FB_OK, "%s", err.msg);
  double T_peak = 0, r_peak = 0;
  for (double r = 0; r <= 30.0; r += 0.05) {
    double T = fb_sn_profile_at(&p, FB_SN_T_MEV, r);
    if (T > T_peak) T_peak = T, r_peak = r;
  }
  double T0 = fb_sn_profile_at(&p, FB_SN_T_MEV, 0);
  ck_assert_msg(T_peak >= 30 && T_peak <= 60, "T_peak %g MeV outside 30-60 (arXiv:2109.03244)", T_peak);
  ck_assert_msg(fabs(T_peak - 40) < 1.0, "T_peak %g MeV, construction target 40", T_peak);
  ck_assert_msg(r_peak >= 8 && r_peak <= 14, "T peak at %g km, want 8-14", r_peak);
  ck_assert_msg(T0 < 0.4 * T_peak, "central T %g MeV not a low-entropy core (T_peak %g)", T0, T_peak);
  /* (2) central entropy from the degenerate limits of the file's columns */
  double rho = fb_sn_profile_at(&p, FB_SN_RHO_G_CM3, 0), Ye = fb_sn_profile_at(&p, FB_SN_YE, 0);
  double hbarc_MeV_fm = FB_HBARC_GEV_CM * 1e16; /* GeV cm -> MeV fm */
  double nB_MeV3 = rho / (FB_AMU_GEV * FB_GEV_G) * 1e-39 * pow(hbarc_MeV_fm, 3);
  double mN = FB_MN_GEV * 1e3, mP = FB_MP_GEV * 1e3;
  double TF_n = pow(3 * FB_PI * FB_PI * (1 - Ye) * nB_MeV3, 2.0 / 3.0) / (2 * mN);
  double TF_p = pow(3 * FB_PI * FB_PI * Ye * nB_MeV3, 2.0 / 3.0) / (2 * mP);
  double mu_e = fb_sn_profile_at(&p, FB_SN_MU_E_MEV, 0);
  double mu_nu = mu_e + fb_sn_profile_at(&p, FB_SN_MU_P_MEV, 0) - fb_sn_profile_at(&p, FB_SN_MU_N_MEV, 0);
  double s = FB_PI * FB_PI / 2 * T0 * ((1 - Ye) / TF_n + Ye / TF_p) +
             (mu_e * mu_e * T0 / 3 + mu_nu * mu_nu * T0 / 6) / nB_MeV3;
  ck_assert_msg(fabs(s - 1.0) < 0.08, "central entropy %g per baryon (Sommerfeld), want 1 +- 8%%", s);
  /* (3) lepton fraction: one-helicity nu_e with mu_nu, n = (mu^3 + pi^2 T^2 mu)/(6 pi^2) */
  double Y_nu = (pow(mu_nu, 3) + FB_PI * FB_PI * T0 * T0 * mu_nu) / (6 * FB_PI * FB_PI) / nB_MeV3;
  ck_assert_msg(Ye + Y_nu > 0.3 * 0.95 && Ye + Y_nu < 0.4 * 1.05, "Y_L %g, want 0.3-0.4", Ye + Y_nu);
  /* (4) same density, mass, outer temperature and neutrinosphere as the default */
  ck_assert(fabs(fb_sn_profile_mass_msun(&p, 1e4) / fb_sn_profile_mass_msun(&d, 1e4) - 1) < 1e-9);
  for (double r = 20; r <= 100; r += 10)
    ck_assert_msg(fabs(fb_sn_profile_at(&p, FB_SN_T_MEV, r) / fb_sn_profile_at(&d, FB_SN_T_MEV, r) - 1) < 1e-6,
                  "T(%g km) differs from the default's", r);
  double rnu_m, rnu_d;
  ck_assert_int_eq(fb_sn_profile_neutrinosphere_km(&p, &rnu_m, &err), FB_OK);
  ck_assert_int_eq(fb_sn_profile_neutrinosphere_km(&d, &rnu_d, &err), FB_OK);
  ck_assert_msg(fabs(rnu_m / rnu_d - 1) < 0.01, "neutrinosphere %g vs default %g km", rnu_m, rnu_d);
  fb_sn_profile_free(&p);
  fb_sn_profile_free(&d);
  /* the systematic pair: maxima at the ends of the cited 30-60 MeV, same core, same mass */
  const char *pair[2] = {FB_SOURCE_DIR "/inputs/sn_profile_mantle_cold.dat", FB_SOURCE_DIR "/inputs/sn_profile_mantle_hot.dat"};
  const double T_want[2] = {30.0, 60.0};
  for (int k = 0; k < 2; k++) {
    ck_assert_msg(fb_sn_profile_read(&p, pair[k], NULL, &err) == FB_OK, "%s", err.msg);
    double Tk = 0, rk = 0;
    for (double r = 0; r <= 40.0; r += 0.05)
      if (fb_sn_profile_at(&p, FB_SN_T_MEV, r) > Tk) Tk = fb_sn_profile_at(&p, FB_SN_T_MEV, r), rk = r;
    ck_assert_msg(fabs(Tk - T_want[k]) < 1.0 && rk >= 8 && rk <= 14, "%s: T_max %g MeV at %g km", pair[k], Tk, rk);
    ck_assert(fabs(fb_sn_profile_at(&p, FB_SN_T_MEV, 0) / T0 - 1) < 1e-6);
    ck_assert(fabs(fb_sn_profile_mass_msun(&p, 1e4) / 1.5155 - 1) < 1e-3);
    fb_sn_profile_free(&p);
  }
}
END_TEST

/* The compactness systematic (docs/sn-profile.md section 1e, tools/make_sn_profile.py --variant mantle_compact): its
 * three construction conditions (rho = 1e14 / 1e12 g/cm^3 at 13 / 19 km, the radii of the Garching 1-s models of
 * arXiv:2005.07141; the default's baryonic mass), the mantle's temperature structure kept (T_max inside the cited
 * 30-60 MeV of arXiv:2109.03244, off-centre, cold core), and what follows: a neutrinosphere well inside the mantle's.
 * The neutrinosphere and the thermal L_nu are consequences, not construction targets, but not independent evidence
 * either: the 1e12 g/cm^3 radius that largely sets the neutrinosphere comes from the Garching files it lands near
 * (17.8-19.3 km with our reader, section 1d), and R_T was compressed after a first build (R_T = 13 km: 20.16 km, L_th
 * 4.85 x the mantle's). Asserted as regression guards around the values measured when the profile was made. */
START_TEST(test_compact_profile_properties) {
  fb_sn_profile p, m;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(fb_sn_profile_read(&p, FB_SOURCE_DIR "/inputs/sn_profile_mantle_compact.dat", NULL, &err) == FB_OK,
                "%s", err.msg);
  ck_assert_msg(fb_sn_profile_read(&m, MANTLE_PROFILE, NULL, &err) == FB_OK, "%s", err.msg);
  const double rho_want[2] = {1e14, 1e12}, r_want_km[2] = {13.0, 19.0};
  for (int k = 0; k < 2; k++) {
    double lo = 0, hi = 40; /* rho(r) falls monotonically: bisection for rho(r) = rho_want */
    for (int it = 0; it < 60; it++) {
      double mid = 0.5 * (lo + hi);
      if (fb_sn_profile_at(&p, FB_SN_RHO_G_CM3, mid) > rho_want[k]) lo = mid; else hi = mid;
    }
    ck_assert_msg(fabs(lo - r_want_km[k]) < 0.1, "rho = %g g/cm^3 at %g km, want %g km", rho_want[k], lo, r_want_km[k]);
  }
  ck_assert_msg(fabs(fb_sn_profile_mass_msun(&p, 1e4) / fb_sn_profile_mass_msun(&m, 1e4) - 1) < 1e-3,
                "mass %g vs the mantle's %g M_sun", fb_sn_profile_mass_msun(&p, 1e4), fb_sn_profile_mass_msun(&m, 1e4));
  double T_peak = 0, r_peak = 0;
  for (double r = 0; r <= 30.0; r += 0.05)
    if (fb_sn_profile_at(&p, FB_SN_T_MEV, r) > T_peak) T_peak = fb_sn_profile_at(&p, FB_SN_T_MEV, r), r_peak = r;
  ck_assert_msg(T_peak >= 30 && T_peak <= 60 && r_peak >= 8 && r_peak <= 14, "T_max %g MeV at %g km", T_peak, r_peak);
  ck_assert(fb_sn_profile_at(&p, FB_SN_T_MEV, 0) < 0.4 * T_peak);
  double rnu_c, rnu_m;
  ck_assert_int_eq(fb_sn_profile_neutrinosphere_km(&p, &rnu_c, &err), FB_OK);
  ck_assert_int_eq(fb_sn_profile_neutrinosphere_km(&m, &rnu_m, &err), FB_OK);
  double Lth_c = fb_sn_profile_thermal_Lnu_erg_s(&p, rnu_c), Lth_m = fb_sn_profile_thermal_Lnu_erg_s(&m, rnu_m);
  printf("mantle_compact: neutrinosphere %.3f km (mantle %.2f; Garching 1-s files 17.8-19.3), thermal L_nu %.4g erg/s "
         "(mantle %.4g), T_max %.2f MeV at %.2f km\n", rnu_c, rnu_m, Lth_c, Lth_m, T_peak, r_peak);
  /* regression guards on the consequences (measured 18.767 km and L_th ratio 0.789 when the profile was made; the
   * first build with R_T = 13 km gave 20.16 km and a ratio of 4.85: both fail here) */
  ck_assert_msg(fabs(rnu_c - 18.77) < 0.5, "neutrinosphere %g km, made with 18.77", rnu_c);
  ck_assert_msg(Lth_c / Lth_m > 0.6 && Lth_c / Lth_m < 1.0, "thermal L_nu %g vs the mantle's %g", Lth_c, Lth_m);
  fb_sn_profile_free(&p);
  fb_sn_profile_free(&m);
}
END_TEST

/* Read only r, rho, T, Ye from the default file (r given in cm through a factor): derived mu_e,
 * X_p and the lapse must agree with the columns the script wrote. */
START_TEST(test_column_map_and_derived_fields) {
  fb_sn_profile full, part;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_sn_profile_read(&full, DEFAULT_PROFILE, NULL, &err), FB_OK);
  /* write a 4-column file with r in cm */
  char path[] = "/tmp/fb_sn_profile_testXXXXXX";
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  FILE *f = fdopen(fd, "w");
  fprintf(f, "# r_cm rho T Ye (Garching-like order test)\n");
  for (size_t i = 0; i < full.n; i++)
    fprintf(f, "%.10e %.10e %.10e %.10e\n", full.field[FB_SN_R_KM][i] * 1e5, full.field[FB_SN_RHO_G_CM3][i],
            full.field[FB_SN_T_MEV][i], full.field[FB_SN_YE][i]);
  fclose(f);
  fb_sn_profile_columns c;
  ck_assert_msg(fb_sn_profile_columns_parse(&c, "r_km=1,rho_g_cm3=2,T_MeV=3,Ye=4,r_to_km=1e-5", &err) == FB_OK, "%s",
                err.msg);
  ck_assert_msg(fb_sn_profile_read(&part, path, &c, &err) == FB_OK, "%s", err.msg);
  unlink(path);
  ck_assert_uint_eq(part.n, full.n);
  for (size_t i = 0; i < full.n; i += 7) {
    double r = full.field[FB_SN_R_KM][i];
    ck_assert_double_eq_tol(part.field[FB_SN_R_KM][i], r, 1e-8 * (1 + r));
    /* Cardano vs bisection in the script: 1e-6 relative */
    ck_assert_double_eq_tol(part.field[FB_SN_MU_E_MEV][i], full.field[FB_SN_MU_E_MEV][i],
                            1e-6 * full.field[FB_SN_MU_E_MEV][i]);
    ck_assert_double_eq_tol(part.field[FB_SN_X_P][i], full.field[FB_SN_X_P][i], 1e-9);
    /* lapse: same formula, different trapezoid start (r = 0 cell): 2e-3 */
    ck_assert_double_eq_tol(part.field[FB_SN_LAPSE][i], full.field[FB_SN_LAPSE][i], 2e-3);
    /* mu_n, mu_p derived (fb_sn_nucleon_mu_MeV) equal the shipped columns (tools/make_sn_profile.py, fixed in session
     * 13: its F_{1/2} lacked 1/Gamma(3/2)) to the columns' 1e-6 MeV printing; tests/stellar/test_sn_profile_garching.c */
    for (int f = FB_SN_MU_N_MEV; f <= FB_SN_MU_P_MEV; f++) {
      double T = full.field[FB_SN_T_MEV][i], d = (full.field[f][i] - part.field[f][i]) / T;
      ck_assert(isfinite(part.field[f][i]));
      if (T > 1.0) ck_assert_msg(fabs(d) < 1e-5, "row %zu field %d: shipped eta - derived %g", i, f, d);
    }
  }
  fb_sn_profile_free(&part);
  fb_sn_profile_free(&full);
}
END_TEST


/* Bad input: each message names file:line and the column. */
static void expect_bad(const char *content, const char *needle1, const char *needle2) {
  char path[] = "/tmp/fb_sn_profile_badXXXXXX";
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  FILE *f = fdopen(fd, "w");
  fputs(content, f);
  fclose(f);
  fb_sn_profile p;
  fb_err err;
  fb_err_clear(&err);
  fb_sn_profile_columns c;
  ck_assert_int_eq(fb_sn_profile_columns_parse(&c, "r_km=1,rho_g_cm3=2,T_MeV=3,Ye=4", &err), FB_OK);
  ck_assert_int_eq(fb_sn_profile_read(&p, path, &c, &err), FB_ERR_INPUT);
  ck_assert_msg(strstr(err.msg, path) && strstr(err.msg, needle1) && strstr(err.msg, needle2),
                "message '%s' lacks '%s' / '%s'", err.msg, needle1, needle2);
  ck_assert_ptr_null(p.field[0]);
  unlink(path);
}

START_TEST(test_bad_files) {
  const char *head = "# test\n0 4e14 35 0.3\n1 3e14 30 0.3\n2 2e14 25 0.3\n";
  char buf[512];
  snprintf(buf, sizeof buf, "%s3 1e14 abc 0.3\n", head);
  expect_bad(buf, ":5:", "column 3");
  snprintf(buf, sizeof buf, "%s3 -1e14 20 0.3\n", head);
  expect_bad(buf, ":5:", "column 2 (rho_g_cm3)");
  snprintf(buf, sizeof buf, "%s3 1e14 20 1.3\n", head);
  expect_bad(buf, ":5:", "column 4 (Ye)");
  snprintf(buf, sizeof buf, "%s1.5 1e14 20 0.3\n", head);
  expect_bad(buf, ":5:", "increase strictly");
  snprintf(buf, sizeof buf, "%s3 1e14 20\n", head);
  expect_bad(buf, ":5:", "3 columns");
  expect_bad("0 1 1 0.1\n", "data rows", "at least 4");
  /* missing file and bad column maps */
  fb_sn_profile p;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_sn_profile_read(&p, "/nonexistent/profile.dat", NULL, &err), FB_ERR_IO);
  fb_sn_profile_columns c;
  ck_assert_int_eq(fb_sn_profile_columns_parse(&c, "r_km=1,rho_g_cm3=2,T_MeV=3", &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "Ye"));
  ck_assert_int_eq(fb_sn_profile_columns_parse(&c, "r_km=1,rho=2,T_MeV=3,Ye=4", &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "unknown field 'rho'"));
  ck_assert_int_eq(fb_sn_profile_columns_parse(&c, "r_km=0.5,rho_g_cm3=2,T_MeV=3,Ye=4", &err), FB_ERR_INPUT);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  Suite *s = suite_create("sn_profile");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_default_profile_properties);
  tcase_add_test(tc, test_mantle_profile_properties);
  tcase_add_test(tc, test_compact_profile_properties);
  tcase_add_test(tc, test_column_map_and_derived_fields);
  tcase_add_test(tc, test_bad_files);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
