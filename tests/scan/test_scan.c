#define _XOPEN_SOURCE 700
/**
 * @file test_scan.c
 * @brief Scan driver and HDF5 output: round trip, failure recording, max_points interruption and
 *        resume, grid mismatch on resume, input cross-checks. Single rank (the 2-rank comparison is
 *        tests/scan/mpi_compare.sh).
 *
 * The model here is a test fixture with a closed-form value per point, q0 = m * c^2 and
 * q1 = log(m/c), which fails (FB_ERR_NUMERIC) wherever c > 0.5 * max coupling and m < the second
 * mass point, so that failures and their messages can be checked point by point.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <hdf5.h>
#include <math.h>
#include <mpi.h>
#include <ftw.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fb_scan.h"

static double fail_mass_below, fail_coupling_above;

static int fix_init(void **state, const fb_config *cfg, fb_err *err) {
  (void)cfg;
  (void)err;
  *state = NULL;
  return FB_OK;
}
static int fix_eval(void *state, double m, double c, double *out, fb_err *err) {
  (void)state;
  FB_TEST(err, m < fail_mass_below && c > fail_coupling_above, FB_ERR_NUMERIC,
          "fixture failure at m = %g, c = %g", m, c);
  out[0] = m * c * c;
  out[1] = log(m / c);
  return FB_OK;
}
static void fix_free(void *state) { (void)state; }
static const fb_quantity_spec fix_q[] = {{"q0", "GeV", "m c^2"}, {"q1", "", "log(m/c)"}};
static const fb_model_ops fixture = {
    .name = "fixture", .benchmark = "TEST", .description = "closed-form test model",
    .mass_name = "m", .mass_units = "GeV", .mass_description = "mass",
    .coupling_name = "c", .coupling_units = "", .coupling_description = "coupling",
    .n_quantities = 2, .quantities = fix_q, .n_keys = 0, .keys = NULL,
    .init = fix_init, .eval = fix_eval, .free = fix_free};

static fb_config cfg;
static char path[256];

static void make_config(const char *extra) {
  const fb_key_spec *tables[] = {fb_scan_keys};
  size_t counts[] = {fb_scan_n_keys};
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_config_init(&cfg, tables, counts, 1, &err), FB_OK);
  char text[1024];
  snprintf(text, sizeof text,
           "[grid]\nmass_min_GeV = 2.385e-3\nmass_max_GeV = 7.13\nn_mass = 13\n"
           "coupling_min = 3.1e-9\ncoupling_max = 4.7e-3\nn_coupling = 11\n%s",
           extra ? extra : "");
  ck_assert_msg(fb_config_read_string(&cfg, text, "test.ini", &err) == FB_OK, "%s", err.msg);
  fb_grid g;
  ck_assert_int_eq(fb_grid_init(&g, &cfg, &err), FB_OK);
  fail_mass_below = g.mass[1];
  fail_coupling_above = 0.5 * g.coupling[g.n_coupling - 1];
  fb_grid_free(&g);
}

static int run_scan(const char *out, int resume, long max_points, int *interrupted, fb_err *err) {
  fb_scan_options opt;
  fb_scan_options_from_config(&opt, &cfg);
  opt.output_path = out;
  opt.resume = resume;
  opt.max_points = max_points;
  opt.chunk_size = 3;
  fb_run_info info = {.input_path = "test.ini", .overrides = "", .mpi_size = 1, .wall_time_s = 0};
  return fb_scan_run(MPI_COMM_WORLD, &cfg, &fixture, &opt, &info, interrupted, err);
}

/* Read a [13][11] dataset of doubles or ints. */
static void read_ds(const char *file, const char *name, hid_t type, void *buf) {
  hid_t f = H5Fopen(file, H5F_ACC_RDONLY, H5P_DEFAULT);
  ck_assert_int_ge(f, 0);
  hid_t d = H5Dopen2(f, name, H5P_DEFAULT);
  ck_assert_int_ge(d, 0);
  ck_assert_int_ge(H5Dread(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf), 0);
  H5Dclose(d);
  H5Fclose(f);
}

/* Every file the tests write goes into one temporary directory (made in main, removed at the end even
 * when an assertion stopped a test before its own remove()). */
static char tmpdir[] = "/tmp/fb_test_scan_XXXXXX";
static int rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *ftw) {
  (void)sb; (void)flag; (void)ftw;
  return remove(p);
}
static void rm_tmpdir(void) { nftw(tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS); }

START_TEST(test_complete_scan_values_and_failures) {
  make_config(NULL);
  snprintf(path, sizeof path, "%s/full.h5", tmpdir);
  fb_err err;
  fb_err_clear(&err);
  int interrupted = -1;
  ck_assert_msg(run_scan(path, 0, 0, &interrupted, &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(interrupted, 0);
  fb_grid g;
  ck_assert_int_eq(fb_grid_init(&g, &cfg, &err), FB_OK);
  double q0[13 * 11], q1[13 * 11];
  int status[13 * 11];
  read_ds(path, "quantities/q0", H5T_NATIVE_DOUBLE, q0);
  read_ds(path, "quantities/q1", H5T_NATIVE_DOUBLE, q1);
  read_ds(path, "status", H5T_NATIVE_INT, status);
  int n_failed = 0;
  for (size_t i = 0; i < 13; i++)
    for (size_t j = 0; j < 11; j++) {
      size_t p = i * 11 + j;
      int should_fail = g.mass[i] < fail_mass_below && g.coupling[j] > fail_coupling_above;
      if (should_fail) {
        n_failed++;
        ck_assert_int_eq(status[p], FB_ERR_NUMERIC);
        ck_assert(isnan(q0[p]));
      } else {
        ck_assert_int_eq(status[p], 0);
        ck_assert_double_eq(q0[p], g.mass[i] * g.coupling[j] * g.coupling[j]);
        ck_assert_double_eq(q1[p], log(g.mass[i] / g.coupling[j]));
      }
    }
  ck_assert_int_gt(n_failed, 0);
  /* the messages of the failed points are in the output and come back with fb_output_read */
  fb_results r;
  ck_assert_int_eq(fb_results_init(&r, 13 * 11, 2, &err), FB_OK);
  ck_assert_msg(fb_output_read(path, &fixture, &g, &cfg, &r, &err) == FB_OK, "%s", err.msg);
  int n_msg = 0;
  for (size_t p = 0; p < r.n_points; p++) {
    if (r.status[p] > 0) {
      ck_assert_ptr_nonnull(r.messages[p]);
      ck_assert_ptr_nonnull(strstr(r.messages[p], "fixture failure"));
      n_msg++;
    } else {
      ck_assert_ptr_null(r.messages[p]);
    }
    ck_assert_int_eq(r.status[p], status[p]);
  }
  ck_assert_int_eq(n_msg, n_failed);
  fb_results_free(&r);
  fb_grid_free(&g);
  fb_config_free(&cfg);
}
END_TEST

START_TEST(test_max_points_then_resume_equals_full_run) {
  make_config(NULL);
  char full[256], part[256];
  snprintf(full, sizeof full, "%s/ref.h5", tmpdir);
  snprintf(part, sizeof part, "%s/part.h5", tmpdir);
  fb_err err;
  fb_err_clear(&err);
  int interrupted = -1;
  ck_assert_msg(run_scan(full, 0, 0, &interrupted, &err) == FB_OK, "%s", err.msg);
  /* first slice: 40 points, then stop */
  ck_assert_msg(run_scan(part, 0, 40, &interrupted, &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(interrupted, 1);
  int status[13 * 11];
  read_ds(part, "status", H5T_NATIVE_INT, status);
  int n_done = 0;
  for (int p = 0; p < 13 * 11; p++) n_done += status[p] != FB_STATUS_PENDING;
  ck_assert_int_eq(n_done, 40);
  /* second slice of 50, then the rest */
  ck_assert_msg(run_scan(part, 1, 50, &interrupted, &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(interrupted, 1);
  read_ds(part, "status", H5T_NATIVE_INT, status);
  n_done = 0;
  for (int p = 0; p < 13 * 11; p++) n_done += status[p] != FB_STATUS_PENDING;
  ck_assert_int_eq(n_done, 90);
  ck_assert_msg(run_scan(part, 1, 0, &interrupted, &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(interrupted, 0);
  double a[13 * 11], b[13 * 11];
  int sa[13 * 11], sb[13 * 11];
  read_ds(full, "status", H5T_NATIVE_INT, sa);
  read_ds(part, "status", H5T_NATIVE_INT, sb);
  ck_assert_mem_eq(sa, sb, sizeof sa);
  const char *qs[] = {"quantities/q0", "quantities/q1"};
  for (int k = 0; k < 2; k++) {
    read_ds(full, qs[k], H5T_NATIVE_DOUBLE, a);
    read_ds(part, qs[k], H5T_NATIVE_DOUBLE, b);
    ck_assert_mem_eq(a, b, sizeof a); /* bit for bit, NaN patterns included */
  }
  remove(full);
  remove(part);
  fb_config_free(&cfg);
}
END_TEST

START_TEST(test_resume_with_other_grid_is_an_input_error) {
  make_config(NULL);
  char f1[256];
  snprintf(f1, sizeof f1, "%s/grid.h5", tmpdir);
  fb_err err;
  fb_err_clear(&err);
  int interrupted;
  ck_assert_int_eq(run_scan(f1, 0, 10, &interrupted, &err), FB_OK);
  fb_config_free(&cfg);
  make_config("[run]\nchunk_size = 5\n");
  ck_assert_int_eq(fb_config_set(&cfg, "grid.mass_max_GeV=7.2", &err), FB_OK);
  int rc = run_scan(f1, 1, 0, &interrupted, &err);
  ck_assert_int_eq(rc, FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "different mass grid"));
  /* resuming a file that does not exist */
  fb_err_clear(&err);
  rc = run_scan("does_not_exist_fipbounds.h5", 1, 0, &interrupted, &err);
  ck_assert_int_eq(rc, FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "does_not_exist_fipbounds.h5"));
  remove(f1);
  fb_config_free(&cfg);
}
END_TEST

START_TEST(test_grid_cross_checks) {
  make_config(NULL);
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_config_set(&cfg, "grid.mass_min_GeV=8", &err), FB_OK);
  fb_grid g;
  ck_assert_int_eq(fb_grid_init(&g, &cfg, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "mass_max_GeV"));
  ck_assert_ptr_nonnull(strstr(err.msg, "test.ini:3"));
  fb_config_free(&cfg);
  /* log axis end points are exact */
  make_config(NULL);
  ck_assert_int_eq(fb_grid_init(&g, &cfg, &err), FB_OK);
  ck_assert_double_eq(g.mass[0], 2.385e-3);
  ck_assert_double_eq(g.mass[12], 7.13);
  ck_assert_double_eq_tol(g.mass[6], sqrt(2.385e-3 * 7.13), 1e-12 * g.mass[6]);
  ck_assert_double_eq(g.coupling[10], 4.7e-3);
  ck_assert_double_eq_tol(g.coupling[5], sqrt(3.1e-9 * 4.7e-3), 1e-12 * g.coupling[5]);
  fb_grid_free(&g);
  /* a linear coupling axis may cross zero (e.g. Delta N_eff) */
  ck_assert_int_eq(fb_config_set(&cfg, "grid.coupling_spacing=linear", &err), FB_OK);
  ck_assert_int_eq(fb_config_set(&cfg, "grid.coupling_min=-1", &err), FB_OK);
  ck_assert_int_eq(fb_config_set(&cfg, "grid.coupling_max=2", &err), FB_OK);
  ck_assert_int_eq(fb_grid_init(&g, &cfg, &err), FB_OK);
  ck_assert_double_eq(g.coupling[0], -1.0);
  ck_assert_double_eq_tol(g.coupling[5], 0.5, 1e-15);
  ck_assert_double_eq(g.coupling[10], 2.0);
  fb_grid_free(&g);
  fb_config_free(&cfg);
}
END_TEST

static Suite *scan_suite(void) {
  Suite *s = suite_create("scan");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_complete_scan_values_and_failures);
  tcase_add_test(tc, test_max_points_then_resume_equals_full_run);
  tcase_add_test(tc, test_resume_with_other_grid_is_an_input_error);
  tcase_add_test(tc, test_grid_cross_checks);
  suite_add_tcase(s, tc);
  return s;
}

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  gsl_set_error_handler_off();
  if (!mkdtemp(tmpdir)) {
    perror("mkdtemp");
    MPI_Finalize();
    return EXIT_FAILURE;
  }
  SRunner *sr = srunner_create(scan_suite());
  srunner_set_fork_status(sr, CK_NOFORK);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  rm_tmpdir();
  MPI_Finalize();
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
