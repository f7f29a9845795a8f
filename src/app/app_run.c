/**
 * @file app_run.c
 * @brief `fipbounds run INPUT.ini [-o OUT.h5] [--resume] [--set section.key=value ...]`.
 *
 * Rank 0 reads the input file and broadcasts its text; every rank parses it with the same schema
 * and overrides (so every rank reaches the same verdict on bad input without more messages), then
 * the scan runs collectively.
 */
#include <errno.h>
#include <mpi.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_app.h"
#include "fb_config.h"
#include "fb_h5.h"
#include "fb_limits.h"
#include "fb_log.h"
#include "fb_scan.h"

static void run_usage(FILE *out) {
  fprintf(out,
          "usage: fipbounds run INPUT.ini [-o OUT.h5] [--resume | --overwrite] [--set section.key=value ...]\n"
          "       fipbounds run --resume -o OUT.h5 [--set section.key=value ...]   (the input stored in OUT.h5)\n"
          "\n"
          "  INPUT.ini            input file; every key is documented in inputs/explanatory.ini\n"
          "  -o, --output OUT.h5  output file (default: [run] output)\n"
          "  --resume             continue the run stored in the output file: compute only the\n"
          "                       points it does not have yet (same model, parameters and grid)\n"
          "  --overwrite          replace an existing output file (without it, an existing file is an\n"
          "                       error, so that a resubmitted job never discards finished points)\n"
          "  --set s.k=value      override one input key (repeatable; applied after the file)\n"
          "  --merge FILE.h5      take the points computed in FILE.h5 (same model, parameters and\n"
          "                       grid; repeatable, e.g. the slices of a job array, run.n_slices);\n"
          "                       a point computed in two of them is an error; the rest is computed\n"
          "\n"
          "Run on several MPI ranks with mpirun -n N or srun. SIGTERM or SIGUSR1 make the run write\n"
          "a checkpoint and exit with status 3; --resume continues it. An input file without any key\n"
          "(empty or comments only) is refused unless --set model.name=... gives the model.\n"
          "Set FB_VERBOSE=1 to add the internal function:line chain to error messages.\n"
          "exit status (the same on every rank): 0 complete, 1 failure, 2 bad input or usage,\n"
          "3 interrupted (resumable), 4 complete but no point succeeded (see /status_messages)\n");
}

/* Read a whole file into a malloc'd string of *len_out bytes (a NUL is appended). */
static char *slurp(const char *path, size_t *len_out, char *why, size_t why_len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(why, why_len, "cannot open input file '%s': %s", path, strerror(errno));
    return NULL;
  }
  size_t cap = 4096, len = 0;
  char *buf = malloc(cap);
  while (buf) {
    size_t got = fread(buf + len, 1, cap - len - 1, f);
    len += got;
    if (got == 0) break;
    if (len + 1 >= cap) {
      char *b = realloc(buf, cap * 2);
      if (!b) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = b;
      cap *= 2;
    }
  }
  int bad = ferror(f);
  fclose(f);
  if (!buf || bad) {
    free(buf);
    snprintf(why, why_len, "cannot read input file '%s'", path);
    return NULL;
  }
  buf[len] = '\0';
  *len_out = len;
  return buf;
}

/* The resolved input stored in an output file (/input/resolved), for --resume without INPUT.ini. */
static char *stored_input(const char *h5path, size_t *len_out, char *why, size_t why_len) {
  char *text = NULL;
  fb_err e;
  fb_err_clear(&e);
  H5E_BEGIN_TRY {
    hid_t f = H5Fopen(h5path, H5F_ACC_RDONLY, H5P_DEFAULT);
    if (f < 0) {
      snprintf(why, why_len, "cannot open '%s' to resume: no such HDF5 file (give INPUT.ini, or the scan's output)", h5path);
    } else {
      if (fb_h5_read_string_dataset(f, "input/resolved", &text, &e) != FB_OK)
        snprintf(why, why_len, "'%s' holds no stored input (/input/resolved; written since output format 2): %.600s",
                 h5path, e.msg);
      H5Fclose(f);
    }
  }
  H5E_END_TRY;
  if (text) *len_out = strlen(text);
  return text;
}

/* An input file must be text: a NUL byte would silently cut it (the parser reads a C string).
 * Returns FB_OK or an FB_ERR_INPUT naming the file, the byte offset and the line. */
static int check_no_nul(const char *path, const char *text, size_t len, fb_err *err) {
  const char *nul = memchr(text, '\0', len);
  if (!nul) return FB_OK;
  size_t line = 1;
  for (const char *c = text; c < nul; c++) line += *c == '\n';
  FB_FAIL(err, FB_ERR_INPUT, "%s:%zu: NUL byte at byte offset %zu: an input file must be text",
          path, line, (size_t)(nul - text));
}

/* A file that sets no key (empty, or comments and section headers only) would run the default
 * scan of every key: refuse it unless --set gives the model. */
static int check_not_empty(const fb_config *cfg, const char *path, fb_err *err) {
  int from_file = 0, model_set = 0;
  for (size_t i = 0; i < fb_config_n_keys(cfg); i++) {
    const fb_key_spec *spec;
    const char *value, *origin;
    fb_config_key_at(cfg, i, &spec, &value, &origin);
    if (!origin || !strcmp(origin, "default")) continue;
    if (!strncmp(origin, "--set", 5)) {
      model_set |= !strcmp(spec->section, "model") && !strcmp(spec->key, "name");
    } else {
      from_file = 1;
    }
  }
  FB_TEST(err, !from_file && !model_set, FB_ERR_INPUT,
          "%s: no key comes from the file (it is empty, holds only comments, or --set overrides every key it "
          "sets): give at least [model] name "
          "(or --set model.name=...); see inputs/explanatory.ini", path);
  return FB_OK;
}

/* After the scan: a stop signal has nothing left to stop (see fb_app_run). */
static void absorb_late_signal(int sig) { (void)sig; }

/* One exit status for the whole run (collective over comm): the status of the lowest rank that
 * failed on its own (a rank that stopped because another one failed does not count), else the
 * largest of the other statuses (0 complete, 3 interrupted, 4 no point succeeded). */
static int collective_exit(MPI_Comm comm, int exit_code, const fb_err *err) {
  int rank = 0, size = 1;
  MPI_Comm_rank(comm, &rank);
  MPI_Comm_size(comm, &size);
  const int primary = (exit_code == FB_EXIT_FAILURE || exit_code == FB_EXIT_USAGE) && !fb_scan_failed_elsewhere(err);
  int mine = primary ? rank : size, first = size;
  MPI_Allreduce(&mine, &first, 1, MPI_INT, MPI_MIN, comm);
  if (first < size) {
    int code = exit_code;
    MPI_Bcast(&code, 1, MPI_INT, first, comm);
    return code;
  }
  /* a rank that failed only because another one did: 1, whatever the others say */
  int other = exit_code == FB_EXIT_FAILURE || exit_code == FB_EXIT_USAGE ? 100 : exit_code, worst = 0;
  MPI_Allreduce(&other, &worst, 1, MPI_INT, MPI_MAX, comm);
  return worst == 100 ? FB_EXIT_FAILURE : worst;
}

int fb_app_run(int argc, char **argv) {
  const char *input = NULL, *output = NULL;
  int resume = 0, overwrite = 0;
  char **sets = calloc(2 * ((size_t)argc + 1), sizeof(char *));
  size_t n_sets = 0;
  if (!sets) return FB_EXIT_FAILURE;
  const char **merges = (const char **)sets + argc + 1; /* --merge paths: the second half */
  size_t n_merges = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      run_usage(stdout);
      free(sets);
      return FB_EXIT_OK;
    } else if (!strcmp(a, "--resume")) {
      resume = 1;
    } else if (!strcmp(a, "--overwrite")) {
      overwrite = 1;
    } else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && i + 1 < argc) {
      output = argv[++i];
    } else if (!strcmp(a, "--merge") && i + 1 < argc) {
      merges[n_merges++] = argv[++i];
    } else if (!strcmp(a, "--set") && i + 1 < argc) {
      sets[n_sets++] = argv[++i];
    } else if (!strncmp(a, "--set=", 6)) {
      sets[n_sets++] = (char *)a + 6;
    } else if (a[0] == '-') {
      fprintf(stderr, "fipbounds run: unknown or incomplete option '%s'\n\n", a);
      run_usage(stderr);
      free(sets);
      return FB_EXIT_USAGE;
    } else if (!input) {
      input = a;
    } else {
      fprintf(stderr, "fipbounds run: more than one input file ('%s' and '%s')\n\n", input, a);
      run_usage(stderr);
      free(sets);
      return FB_EXIT_USAGE;
    }
  }
  if (resume && overwrite) {
    fprintf(stderr, "fipbounds run: --resume and --overwrite exclude each other\n\n");
    run_usage(stderr);
    free(sets);
    return FB_EXIT_USAGE;
  }
  if (!input && !(resume && output)) {
    fprintf(stderr, "fipbounds run: no input file given (or --resume -o OUT.h5 to continue the run stored in OUT.h5)\n\n");
    run_usage(stderr);
    free(sets);
    return FB_EXIT_USAGE;
  }

  MPI_Init(NULL, NULL);
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  fb_log_set_rank(rank);
  const double t0 = fb_wtime();

  int exit_code = FB_EXIT_OK;
  fb_err err;
  fb_err_clear(&err);
  fb_config cfg;
  memset(&cfg, 0, sizeof cfg);
  char *text = NULL;
  char *overrides = NULL;

  /* rank 0 reads the file; its text (or the failure) reaches every rank */
  long long len = -1;
  if (rank == 0) {
    char why[1024];
    size_t n_read = 0;
    if (input) {
      text = slurp(input, &n_read, why, sizeof why);
    } else {
      /* --resume -o OUT.h5 without an input file: the run's own input, as stored in the file
       * (/input/resolved: every key with its resolved value, --set overrides included) */
      text = stored_input(output, &n_read, why, sizeof why);
      input = output;
    }
    if (!text)
      fb_err_set(&err, FB_ERR_IO, __func__, __LINE__, "%s", why);
    else if (check_no_nul(input, text, n_read, &err) == FB_OK)
      len = (long long)n_read;
  }
  MPI_Bcast(&len, 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
  if (len < 0) {
    exit_code = FB_EXIT_USAGE;
    goto finish;
  }
  if (rank != 0) text = malloc((size_t)len + 1);
  if (!text) {
    fb_err_set(&err, FB_ERR_MEMORY, __func__, __LINE__, "out of memory");
    exit_code = FB_EXIT_FAILURE;
    goto finish;
  }
  MPI_Bcast(text, (int)len + 1, MPI_CHAR, 0, MPI_COMM_WORLD);

  const fb_key_spec *const *tables;
  const size_t *counts;
  size_t n_tables;
  int rc = fb_input_schema(&tables, &counts, &n_tables);
  if (rc == FB_OK) rc = fb_config_init(&cfg, tables, counts, n_tables, &err);
  if (rc != FB_OK) {
    exit_code = FB_EXIT_FAILURE;
    goto finish;
  }
  rc = fb_config_read_string(&cfg, text, input, &err);
  size_t ov_len = 1;
  for (size_t i = 0; i < n_sets; i++) ov_len += strlen(sets[i]) + 1;
  overrides = calloc(ov_len, 1);
  for (size_t i = 0; rc == FB_OK && i < n_sets; i++) {
    rc = fb_config_set(&cfg, sets[i], &err);
    if (overrides) {
      strcat(overrides, sets[i]);
      strcat(overrides, "\n");
    }
  }
  if (rc == FB_OK) rc = check_not_empty(&cfg, input, &err);
  if (rc == FB_OK) rc = fb_config_check_required(&cfg, &err);
  const fb_model_ops *model = NULL;
  if (rc == FB_OK) {
    model = fb_model_find(fb_config_get_string(&cfg, "model", "name"));
    if (!model) rc = fb_config_error_at(&cfg, "model", "name", "is not a registered model", &err);
  }
  if (rc == FB_OK) {
    /* cross-key checks of the grid, before any work is done */
    fb_grid g;
    rc = fb_grid_init(&g, &cfg, &err);
    if (rc == FB_OK) fb_grid_free(&g);
  }
  if (rc == FB_OK && fb_config_get_string(&cfg, "limits", "dir")[0]) {
    /* a bad [limits] dir is reported before the scan, not after it */
    size_t n_limit_files = 0;
    rc = fb_limits_check_dir(fb_config_get_string(&cfg, "limits", "dir"), model->benchmark, model->coupling_name,
                             model->coupling_units, &n_limit_files, &err);
    if (rc != FB_OK) {
      char why[FB_ERR_MSG_LEN];
      snprintf(why, sizeof why, "cannot be merged: %.3000s", err.msg);
      rc = fb_config_error_at(&cfg, "limits", "dir", why, &err);
    }
  }
  if (rc != FB_OK) {
    exit_code = rc == FB_ERR_INPUT || rc == FB_ERR_IO ? FB_EXIT_USAGE : FB_EXIT_FAILURE;
    goto finish;
  }
  const char *level = fb_config_get_string(&cfg, "run", "log_level");
  fb_log_set_level(!strcmp(level, "error") ? FB_LOG_ERROR
                   : !strcmp(level, "warning") ? FB_LOG_WARN
                   : !strcmp(level, "debug") ? FB_LOG_DEBUG
                                             : FB_LOG_INFO);

  fb_scan_options opt;
  fb_scan_options_from_config(&opt, &cfg);
  if (output) opt.output_path = output;
  opt.resume = resume;
  opt.overwrite = overwrite;
  opt.merge_paths = merges;
  opt.n_merge_paths = n_merges;
  fb_scan_tally tally;
  memset(&tally, 0, sizeof tally);
  fb_run_info info = {.input_path = input, .overrides = overrides ? overrides : "", .mpi_size = size, .wall_time_s = 0,
                      .tally = &tally};
  int interrupted = 0;
  /* fb_scan_run turns SIGTERM/SIGUSR1 into "checkpoint and stop" while it runs and then restores
   * the handlers found here: a stop signal that arrives once the scan is over (e.g. forwarded by
   * mpirun while the ranks finalise) must not kill a rank whose file is already written */
  struct sigaction late;
  memset(&late, 0, sizeof late);
  late.sa_handler = absorb_late_signal;
  sigemptyset(&late.sa_mask);
  sigaction(SIGTERM, &late, NULL);
  sigaction(SIGUSR1, &late, NULL);
  rc = fb_scan_run(MPI_COMM_WORLD, &cfg, model, &opt, &info, &interrupted, &err);
  if (rc != FB_OK) {
    exit_code = rc == FB_ERR_INPUT ? FB_EXIT_USAGE : FB_EXIT_FAILURE;
  } else if (rank == 0 && !interrupted && tally.n_points > 0 && tally.n_ok == 0) {
    FB_LOG_ERR("every one of the %ld points failed: %s holds their status and messages (exit status %d)",
               tally.n_points, opt.output_path, FB_EXIT_NO_RESULT);
    exit_code = FB_EXIT_NO_RESULT;
  } else if (interrupted) {
    if (rank == 0)
      FB_LOG_INF("stopped before the end: %s holds the points done; continue with --resume", opt.output_path);
    exit_code = FB_EXIT_INTERRUPTED;
  } else if (rank == 0) {
    /* [limits] dir: merge the external limits into the complete file (rank 0 only, serial HDF5) */
    const char *limits_dir = fb_config_get_string(&cfg, "limits", "dir");
    if (limits_dir && limits_dir[0]) {
      fb_merge_options mopt = {.contour_dir = NULL, .verbose = 1};
      fb_merge_summary msum;
      rc = fb_limits_merge(opt.output_path, limits_dir, NULL, 0, &mopt, &msum, NULL, &err); /* atomic */
      if (rc != FB_OK)
        exit_code = rc == FB_ERR_INPUT || rc == FB_ERR_IO ? FB_EXIT_USAGE : FB_EXIT_FAILURE;
      else
        FB_LOG_INF("merged %zu limit(s) and %zu computed bound(s) from %s", msum.n_limits, msum.n_bounds, limits_dir);
    }
    if (rc == FB_OK) FB_LOG_INF("done in %.2f s: %s", fb_wtime() - t0, opt.output_path);
  }

finish:
  /* input errors are the same on every rank: rank 0 reports them; other failures are reported
   * by the rank where they happened (not by the ranks that stopped because of them) */
  if ((exit_code == FB_EXIT_FAILURE || exit_code == FB_EXIT_USAGE) && !fb_scan_failed_elsewhere(&err) &&
      (exit_code == FB_EXIT_USAGE ? rank == 0 : err.code != FB_OK)) {
    char msg[FB_ERR_MSG_LEN + 512];
    fb_err_user_message(&err, fb_err_verbose(), msg, sizeof msg);
    fprintf(stderr, "fipbounds run: error (%s, rank %d): %s\n", fb_code_name(err.code), rank, msg);
  }
  exit_code = collective_exit(MPI_COMM_WORLD, exit_code, &err);
  fb_config_free(&cfg);
  free(text);
  free(overrides);
  free(sets);
  MPI_Finalize();
  return exit_code;
}
