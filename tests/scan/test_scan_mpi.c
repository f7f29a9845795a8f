#define _XOPEN_SOURCE 700
/**
 * @file test_scan_mpi.c
 * @brief The scan driver on several ranks (run with mpiexec -n 2 or 3): a set-up failure on one
 *        rank ends the run on every rank with an error (no rank waits forever); a stop signal that
 *        reaches one worker only stops the whole run with a resumable file, and the resumed file
 *        equals an uninterrupted run. A hang shows up as the ctest timeout.
 */
#include <check.h>
#include <ftw.h>
#include <gsl/gsl_errno.h>
#include <hdf5.h>
#include <math.h>
#include <mpi.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fb_log.h"
#include "fb_scan.h"

static int rank, size;
static int fail_init_on_rank = -1;   /* model init fails on this rank */
static long signal_at_point = -1;    /* rank signal_rank raises SIGUSR1 at its n-th evaluation */
static int signal_rank = -1;
static long n_evals = 0;
static int row_points[9];            /* points of each mass row evaluated on this rank (test_rows_schedule) */

static int fix_init(void **state, const fb_config *cfg, fb_err *err) {
  (void)cfg;
  *state = NULL;
  FB_TEST(err, rank == fail_init_on_rank, FB_ERR_NUMERIC, "fixture init fails on rank %d", rank);
  return FB_OK;
}
static int fix_eval(void *state, double m, double c, double *out, fb_err *err) {
  (void)state;
  (void)err;
  out[0] = m * sqrt(c) + 2.385;
  const int row = (int)lround((m - 0.1) / 0.1);
  if (row >= 0 && row < 9) row_points[row]++;
  /* 0.3 ms per point, so that rank 0 cannot finish the grid before a worker's first request */
  struct timespec ts = {0, 300000};
  nanosleep(&ts, NULL);
  if (signal_at_point >= 0 && rank == signal_rank && ++n_evals == signal_at_point) {
    signal_at_point = -1;
    raise(SIGUSR1);
  }
  return FB_OK;
}
static void fix_free(void *state) { (void)state; }
static const fb_quantity_spec fix_q[] = {{"q", "", "m sqrt(c) + 2.385"}};
static const fb_model_ops fixture = {
    .name = "fixture_mpi", .benchmark = "TEST", .description = "test model",
    .mass_name = "m", .mass_units = "GeV", .mass_description = "mass",
    .coupling_name = "c", .coupling_units = "", .coupling_description = "coupling",
    .n_quantities = 1, .quantities = fix_q, .init = fix_init, .eval = fix_eval, .free = fix_free};

static fb_config cfg;

static void make_config_ex(const char *extra) {
  const fb_key_spec *tables[] = {fb_scan_keys};
  size_t counts[] = {fb_scan_n_keys};
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_config_init(&cfg, tables, counts, 1, &err), FB_OK);
  /* a linear mass axis 0.1 .. 0.9 with 0.5 exactly on it; chunks of 2 points */
  const char *text = "[grid]\nmass_min_GeV = 0.1\nmass_max_GeV = 0.9\nn_mass = 9\nmass_spacing = linear\n"
                     "coupling_min = 1e-3\ncoupling_max = 1\nn_coupling = 40\n[run]\nchunk_size = 2\nlog_level = warning\n";
  char buf[512];
  snprintf(buf, sizeof buf, "%s%s", text, extra);
  ck_assert_int_eq(fb_config_read_string(&cfg, buf, "test_mpi.ini", &err), FB_OK);
}
static void make_config(void) { make_config_ex(""); }

static int run(const char *out, int resume, int *interrupted, fb_err *err) {
  fb_scan_options opt;
  fb_scan_options_from_config(&opt, &cfg);
  opt.output_path = out;
  opt.resume = resume;
  opt.overwrite = !resume;
  fb_run_info info = {.input_path = "test_mpi.ini", .overrides = "", .mpi_size = size, .wall_time_s = 0};
  return fb_scan_run(MPI_COMM_WORLD, &cfg, &fixture, &opt, &info, interrupted, err);
}

/* Every file goes into one temporary directory that rank 0 makes in main and removes at the end. */
static char tmpdir[64] = "/tmp/fb_test_scan_mpi_XXXXXX";
static int rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *ftw) {
  (void)sb; (void)flag; (void)ftw;
  return remove(p);
}

static void file_name(char *buf, size_t n, const char *tag) { snprintf(buf, n, "%s/%s.h5", tmpdir, tag); }

START_TEST(test_setup_failure_on_one_rank_fails_everywhere) {
  make_config();
  char out[128];
  file_name(out, sizeof out, "fail");
  for (int bad = 0; bad < size; bad++) {
    fail_init_on_rank = bad;
    fb_err err;
    fb_err_clear(&err);
    int interrupted = 0;
    int rc = run(out, 0, &interrupted, &err);
    ck_assert_int_ne(rc, FB_OK);
    if (rank == bad)
      ck_assert_ptr_nonnull(strstr(err.msg, "fixture init fails"));
    else
      ck_assert_ptr_nonnull(strstr(err.msg, "set-up failed on another rank"));
  }
  fail_init_on_rank = -1;
  fb_config_free(&cfg);
}
END_TEST

static void read_all(const char *file, double *q, int *status) {
  hid_t f = H5Fopen(file, H5F_ACC_RDONLY, H5P_DEFAULT);
  ck_assert_int_ge(f, 0);
  hid_t d = H5Dopen2(f, "quantities/q", H5P_DEFAULT);
  ck_assert_int_ge(H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, q), 0);
  H5Dclose(d);
  d = H5Dopen2(f, "status", H5P_DEFAULT);
  ck_assert_int_ge(H5Dread(d, H5T_NATIVE_INT, H5S_ALL, H5S_ALL, H5P_DEFAULT, status), 0);
  H5Dclose(d);
  H5Fclose(f);
}

START_TEST(test_signal_on_one_worker_stops_all_and_resumes) {
  make_config();
  char ref[128], part[128];
  file_name(ref, sizeof ref, "ref");
  file_name(part, sizeof part, "part");
  fb_err err;
  fb_err_clear(&err);
  int interrupted = -1;
  ck_assert_msg(run(ref, 0, &interrupted, &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(interrupted, 0);
  /* the last rank (a worker) is signalled at its 5th point */
  signal_at_point = 5;
  n_evals = 0;
  signal_rank = size - 1;
  ck_assert_msg(run(part, 0, &interrupted, &err) == FB_OK, "%s", err.msg);
  /* the worker could in principle get fewer than 5 points (rank 0 takes what is left) */
  int signalled = signal_at_point < 0, any_signalled = 0;
  MPI_Allreduce(&signalled, &any_signalled, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  signal_at_point = -1;
  if (any_signalled) {
    ck_assert_int_eq(interrupted, 1);
    ck_assert_msg(run(part, 1, &interrupted, &err) == FB_OK, "%s", err.msg);
  }
  ck_assert_int_eq(interrupted, 0);
  if (rank == 0) {
    double a[9 * 40], b[9 * 40];
    int sa[9 * 40], sb[9 * 40];
    read_all(ref, a, sa);
    read_all(part, b, sb);
    ck_assert_mem_eq(a, b, sizeof a);
    ck_assert_mem_eq(sa, sb, sizeof sa);
    remove(ref);
    remove(part);
  }
  /* with 360 points of 0.3 ms in chunks of 2 the worker gets well over 5 points (rank 0 polls
   * after every point), so the interruption path must have been exercised */
  ck_assert_int_eq(any_signalled, 1);
  fb_config_free(&cfg);
}
END_TEST

/* chunk_schedule = rows: every mass row but the last 2 x ranks is computed by a single rank (all its 40 points), and
 * the file equals the one of the fixed schedule bit for bit. */
START_TEST(test_rows_schedule) {
  char fixed[128], rows[128];
  file_name(fixed, sizeof fixed, "fixed");
  file_name(rows, sizeof rows, "rows");
  fb_err err;
  fb_err_clear(&err);
  int interrupted = -1;
  make_config();
  ck_assert_msg(run(fixed, 0, &interrupted, &err) == FB_OK, "%s", err.msg);
  fb_config_free(&cfg);
  make_config_ex("chunk_schedule = rows\n");
  memset(row_points, 0, sizeof row_points);
  ck_assert_msg(run(rows, 0, &interrupted, &err) == FB_OK, "%s", err.msg);
  fb_config_free(&cfg);
  int all[9];
  MPI_Allreduce(row_points, all, 9, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
  for (int r = 0; r < 9; r++) {
    ck_assert_int_eq(all[r], 40);
    if (r < 9 - 2 * size) ck_assert_msg(row_points[r] == 0 || row_points[r] == 40, "row %d split: %d points on rank %d", r,
                                        row_points[r], rank);
  }
  if (rank == 0) {
    double qa[360], qb[360];
    int sa[360], sb[360];
    read_all(fixed, qa, sa);
    read_all(rows, qb, sb);
    ck_assert(!memcmp(qa, qb, sizeof qa) && !memcmp(sa, sb, sizeof sa));
  }
}
END_TEST

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  fb_log_set_rank(rank);
  fb_log_set_level(FB_LOG_WARN);
  gsl_set_error_handler_off();
  int made = rank == 0 ? mkdtemp(tmpdir) != NULL : 1;
  MPI_Bcast(&made, 1, MPI_INT, 0, MPI_COMM_WORLD);
  MPI_Bcast(tmpdir, (int)sizeof tmpdir, MPI_CHAR, 0, MPI_COMM_WORLD);
  if (!made) {
    if (rank == 0) perror("mkdtemp");
    MPI_Finalize();
    return EXIT_FAILURE;
  }
  Suite *s = suite_create("scan_mpi");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 100);
  tcase_add_test(tc, test_setup_failure_on_one_rank_fails_everywhere);
  tcase_add_test(tc, test_signal_on_one_worker_stops_all_and_resumes);
  tcase_add_test(tc, test_rows_schedule);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_set_fork_status(sr, CK_NOFORK);
  srunner_run_all(sr, rank == 0 ? CK_NORMAL : CK_SILENT);
  int failed = srunner_ntests_failed(sr), any = 0;
  srunner_free(sr);
  MPI_Allreduce(&failed, &any, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  if (rank == 0) nftw(tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
  MPI_Finalize();
  return any ? EXIT_FAILURE : EXIT_SUCCESS;
}
