/**
 * @file test_core.c
 * @brief Constants and unit conversions (consistency between independently quoted CODATA values
 *        and against textbook numbers), the chained error messages, and logging helpers.
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_error.h"
#include "fb_log.h"
#include "fb_path.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#define REL(a, b) (fabs((a) - (b)) / fabs(b))

START_TEST(test_codata_consistency) {
  /* hbar c = hbar * c: two independently rounded CODATA 2018 values agree to their 10 digits */
  ck_assert_double_le(REL(FB_HBAR_GEV_S * FB_C_CM_S, FB_HBARC_GEV_CM), 1e-9);
  /* (hbar c)^2 in GeV^2 mb vs (hbar c)^2 in GeV^2 cm^2 (1 mb = 1e-27 cm^2) */
  ck_assert_double_le(REL(FB_HBARC_GEV_CM * FB_HBARC_GEV_CM, FB_HBARC2_GEV2_MB * 1e-27), 1e-9);
  /* 1/alpha = 137.035999084 (CODATA 2018) */
  ck_assert_double_le(REL(1.0 / FB_ALPHA_EM, 137.035999084), 1e-10);
  /* Planck mass from G: M_Pl = sqrt(hbar c / G), G = 6.67430e-11 m^3 kg^-1 s^-2 (CODATA 2018),
   * 1 GeV/c^2 = 1.78266192e-27 kg */
  const double G = 6.67430e-11, hbar_J_s = 1.054571817e-34, c = 2.99792458e8;
  const double mpl_kg = sqrt(hbar_J_s * c / G);
  ck_assert_double_le(REL(mpl_kg / (FB_GEV_G * 1e-3), FB_MPL_GEV), 3e-5); /* G known to 2.2e-5 */
  ck_assert_double_le(REL(FB_MPL_REDUCED_GEV * sqrt(8.0 * FB_PI), FB_MPL_GEV), 1e-6);
}
END_TEST

START_TEST(test_conversions) {
  /* T_CMB = 2.7255 K = 2.3487e-13 GeV */
  ck_assert_double_le(REL(FB_TCMB_K * FB_K_TO_GEV, 2.34865e-13), 1e-5);
  ck_assert_double_le(REL(FB_K_TO_GEV * FB_GEV_TO_K, 1.0), 1e-15);
  /* 1 GeV^-2 = 0.3894 mb = 3.894e-28 cm^2 and, times c, 1.1673e-17 cm^3/s */
  ck_assert_double_le(REL(FB_INV_GEV2_TO_CM2, 3.893793721e-28), 1e-9);
  ck_assert_double_le(REL(FB_INV_GEV2_TO_CM3_S, 1.16733e-17), 1e-5);
  /* a width of 1 GeV is a rate of 1.519e24 / s; 1 GeV^-1 is 6.582e-25 s and 1.9733e-14 cm */
  ck_assert_double_le(REL(FB_GEV_TO_INV_S, 1.519267447e24), 1e-9);
  ck_assert_double_le(REL(FB_INV_GEV_TO_M, 1.973269804e-16), 1e-12);
  /* 1 g/cm^3 = 4.3101e-18 GeV^4 (nuclear density 2.8e14 g/cm^3 ~ 1.2e-3 GeV^4) */
  ck_assert_double_le(REL(FB_G_CM3_TO_GEV4, 4.3101e-18), 1e-4);
  /* critical density / h^2 = 1.87834e-29 g/cm^3 (PDG 2024) */
  ck_assert_double_le(REL(FB_RHO_CRIT_H2_GEV_CM3 * FB_GEV_G, 1.87834e-29), 1e-5);
  /* 1 erg = 624.15 GeV */
  ck_assert_double_le(REL(FB_ERG_TO_GEV * 1.602176634e-3, 1.0), 1e-8);
}
END_TEST

/* helpers for the error-chain tests */
static int leaf(int fail, fb_err *err) {
  FB_TEST(err, fail, FB_ERR_RANGE, "x = %.3f outside [0, 1]", 2.385);
  return FB_OK;
}
static int middle(int fail, fb_err *err) {
  FB_CALL(err, leaf(fail, err));
  return FB_OK;
}
static int cleanup_count;
static int with_cleanup(int fail, fb_err *err) {
  int rc = FB_OK;
  char *buf = malloc(16);
  FB_CALL_GOTO(err, rc, middle(fail, err), done);
  FB_TEST_GOTO(err, rc, buf == NULL, FB_ERR_MEMORY, done, "no memory");
done:
  free(buf);
  cleanup_count++;
  return rc;
}

START_TEST(test_error_chain) {
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(with_cleanup(0, &err), FB_OK);
  ck_assert_int_eq(err.code, FB_OK);
  ck_assert_int_eq(cleanup_count, 1);
  ck_assert_int_eq(with_cleanup(1, &err), FB_ERR_RANGE);
  ck_assert_int_eq(cleanup_count, 2);
  ck_assert_int_eq(err.code, FB_ERR_RANGE);
  /* the chain reads from the failure up: leaf, then middle, then with_cleanup */
  const char *a = strstr(err.msg, "leaf:");
  const char *b = strstr(err.msg, "called from middle:");
  const char *c = strstr(err.msg, "called from with_cleanup:");
  ck_assert_ptr_nonnull(a);
  ck_assert_ptr_nonnull(b);
  ck_assert_ptr_nonnull(c);
  ck_assert(a < b && b < c);
  ck_assert_ptr_nonnull(strstr(err.msg, "x = 2.385 outside [0, 1]"));
  ck_assert_str_eq(fb_code_name(FB_ERR_RANGE), "FB_ERR_RANGE");
  ck_assert_str_eq(fb_code_name(12345), "FB_ERR_UNKNOWN");
}
END_TEST

static int silent_failure(fb_err *err) {
  (void)err;
  return FB_ERR_GSL; /* returns a code without writing a message */
}
static int call_silent(fb_err *err) {
  FB_CALL(err, silent_failure(err));
  return FB_OK;
}

START_TEST(test_error_edge_cases) {
  fb_err err;
  fb_err_clear(&err);
  /* a callee that fails without a message still yields one naming the call */
  ck_assert_int_eq(call_silent(&err), FB_ERR_GSL);
  ck_assert_ptr_nonnull(strstr(err.msg, "silent_failure"));
  ck_assert_ptr_nonnull(strstr(err.msg, "FB_ERR_GSL"));
  /* NULL error records are allowed */
  ck_assert_int_eq(leaf(1, NULL), FB_ERR_RANGE);
  ck_assert_int_eq(fb_err_push(NULL, FB_OK, "f", 1, "g"), FB_ERR_INTERNAL);
  /* a very long chain is cut, never overflows, and stays terminated */
  fb_err_clear(&err);
  leaf(1, &err);
  for (int i = 0; i < 500; i++) fb_err_push(&err, FB_ERR_RANGE, "a_rather_long_function_name_for_testing", i, "x");
  ck_assert_uint_lt(strlen(err.msg), FB_ERR_MSG_LEN);
  ck_assert_int_eq(err.code, FB_ERR_RANGE);
}
END_TEST

/* fb_mkdir_parents makes a/b/c for a/b/c/file.h5, is idempotent, accepts bare file names and
 * reports a parent that is a regular file as FB_ERR_IO naming it. */
START_TEST(test_mkdir_parents) {
  char base[] = "/tmp/fb_path_XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(base));
  char path[512], dir[512];
  snprintf(path, sizeof path, "%s/a/b/c/out.h5", base);
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_mkdir_parents(path, &err), FB_OK);
  struct stat st;
  snprintf(dir, sizeof dir, "%s/a/b/c", base);
  ck_assert_int_eq(stat(dir, &st), 0);
  ck_assert(S_ISDIR(st.st_mode));
  ck_assert_int_eq(stat(path, &st), -1); /* the file itself is not created */
  ck_assert_int_eq(fb_mkdir_parents(path, &err), FB_OK);
  ck_assert_int_eq(fb_mkdir_parents("plain.csv", &err), FB_OK);
  /* a regular file where a directory is needed */
  char blocker[512], bad[600];
  snprintf(blocker, sizeof blocker, "%s/a/file", base);
  FILE *f = fopen(blocker, "w");
  ck_assert_ptr_nonnull(f);
  fclose(f);
  snprintf(bad, sizeof bad, "%s/x/out.h5", blocker);
  ck_assert_int_eq(fb_mkdir_parents(bad, &err), FB_ERR_IO);
  ck_assert_ptr_nonnull(strstr(err.msg, blocker));
  ck_assert_int_eq(fb_mkdir_parents("", &err), FB_ERR_INPUT);
  remove(blocker);
  rmdir(dir);
  snprintf(dir, sizeof dir, "%s/a/b", base);
  rmdir(dir);
  snprintf(dir, sizeof dir, "%s/a", base);
  rmdir(dir);
  rmdir(base);
}
END_TEST

START_TEST(test_wtime_monotonic) {
  double t0 = fb_wtime(), t1 = fb_wtime();
  ck_assert_double_ge(t1, t0);
  fb_progress p;
  fb_progress_init(&p, 100, 10, 1e9);
  fb_progress_update(&p, 50, 0); /* throttled: no line, no state change */
  ck_assert_double_eq(p.t_last_s, p.t_start_s);
  fb_progress_update(&p, 60, 1); /* forced */
  ck_assert_double_ge(p.t_last_s, p.t_start_s);
}
END_TEST

int main(void) {
  fb_error_init();
  Suite *s = suite_create("core");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_codata_consistency);
  tcase_add_test(tc, test_conversions);
  tcase_add_test(tc, test_error_chain);
  tcase_add_test(tc, test_error_edge_cases);
  tcase_add_test(tc, test_wtime_monotonic);
  tcase_add_test(tc, test_mkdir_parents);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
