/**
 * @file bench_scan.c
 * @brief Scan-driver benchmark: throughput (points/s) of fb_scan_run, the driver's overhead per
 *        point, and (with several ranks) the parallel efficiency.
 *
 * usage: mpirun -n R bench_scan MODEL N_MASS N_COUPLING REPEATS [CHUNK_SIZE [fixed|guided]]
 *   MODEL = bc1   the real BC1 dark-photon model (cheap points: measures driver overhead and,
 *                 with many oversubscribed ranks and small chunks, the coordinator's request rate)
 *   MODEL = work  a benchmark-only model whose cost per point varies 16x across the plane
 *                 (~1 us .. 16 us of floating-point work; measures load balance)
 *   CHUNK_SIZE    points per work unit (default: the [run] chunk_size default)
 *   fixed|guided  [run] chunk_schedule (default fixed)
 * Prints one line per repeat and the median, as "key=value" pairs (bench/run_bench.sh parses it):
 * wall seconds, points/s, the per-rank busy time the driver records in /timing (busy_spread =
 * (max - min) / mean over ranks, busy_fraction = sum of busy / (ranks x wall)), the measured cost
 * ratio of the most to the least expensive mass row (direct loop), and the time of one full
 * output write (checkpoint cost) for this grid. The busy time is wall-clock time inside eval, so
 * on a shared machine a rank that is descheduled looks busy: the "best_" values are those of the
 * fastest (least disturbed) repeat.
 */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fb_h5.h"
#include "fb_log.h"
#include "fb_scan.h"

/* ---------------------------------------------------------------- benchmark-only load model */
static int work_init(void **s, const fb_config *c, fb_err *e) {
  (void)c;
  (void)e;
  *s = NULL;
  return FB_OK;
}
static int work_eval(void *s, double m, double c, double *out, fb_err *e) {
  (void)s;
  (void)e;
  /* cost grows with mass: 1x at the lowest mass to 16x at the highest (log axis 1e-3..10) */
  long n = (long)(200.0 * (1.0 + 15.0 * (log10(m) + 3.0) / 4.0));
  double acc = 0.0;
  for (long k = 1; k <= n; k++) acc += sin(k * c + m) / (double)k;
  out[0] = acc;
  return FB_OK;
}
static void work_free(void *s) { (void)s; }
static const fb_quantity_spec work_q[] = {{"acc", "", "benchmark sum"}};
static const fb_model_ops work_model = {
    .name = "work", .benchmark = "BENCH", .description = "benchmark load",
    .mass_name = "m", .mass_units = "GeV", .mass_description = "mass",
    .coupling_name = "c", .coupling_units = "", .coupling_description = "coupling",
    .n_quantities = 1, .quantities = work_q, .init = work_init, .eval = work_eval, .free = work_free};

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  fb_error_init();
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  fb_log_set_rank(rank);
  fb_log_set_level(FB_LOG_WARN);
  if (argc < 5 || argc > 7) {
    if (rank == 0) fprintf(stderr, "usage: bench_scan bc1|work N_MASS N_COUPLING REPEATS [CHUNK_SIZE [fixed|guided]]\n");
    MPI_Finalize();
    return 2;
  }
  const fb_model_ops *model = strcmp(argv[1], "work") == 0 ? &work_model : fb_model_find(argv[1]);
  const long n_mass = atol(argv[2]), n_coup = atol(argv[3]);
  const int repeats = atoi(argv[4]);
  const long chunk = argc >= 6 ? atol(argv[5]) : 0;
  const int guided = argc == 7 && strcmp(argv[6], "guided") == 0;
  if (!model || n_mass < 1 || n_coup < 1 || repeats < 1 || chunk < 0 || chunk > FB_SCAN_CHUNK_MAX) {
    if (rank == 0) fprintf(stderr, "bench_scan: bad arguments\n");
    MPI_Finalize();
    return 2;
  }
  const fb_key_spec *const *tables;
  const size_t *counts;
  size_t nt;
  fb_input_schema(&tables, &counts, &nt);
  fb_config cfg;
  fb_err err;
  fb_err_clear(&err);
  char text[512];
  snprintf(text, sizeof text, "[grid]\nn_mass = %ld\nn_coupling = %ld\n[run]\ncheckpoint_interval_s = 3600\n", n_mass, n_coup);
  if (fb_config_init(&cfg, tables, counts, nt, &err) || fb_config_read_string(&cfg, text, "bench", &err)) {
    fprintf(stderr, "bench_scan: %s\n", err.msg);
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  char out[256];
  snprintf(out, sizeof out, "bench_scan_%d.h5", (int)getpid());
  MPI_Bcast(out, sizeof out, MPI_CHAR, 0, MPI_COMM_WORLD);
  fb_scan_options opt;
  fb_scan_options_from_config(&opt, &cfg);
  opt.output_path = out;
  opt.overwrite = 1; /* every repeat writes the same file */
  if (chunk > 0) opt.chunk_size = (size_t)chunk;
  opt.chunk_guided = guided;
  fb_run_info info = {.input_path = "bench", .overrides = "", .mpi_size = size, .wall_time_s = 0};
  const double n_points = (double)n_mass * (double)n_coup;

  /* reference: the same points evaluated in a plain loop on one rank, no driver, no output */
  double t_direct = 0.0, t_row_first = 0.0, t_row_last = 0.0;
  if (rank == 0) {
    fb_grid g;
    fb_grid_init(&g, &cfg, &err);
    void *state = NULL;
    model->init(&state, &cfg, &err);
    double *v = malloc(model->n_quantities * sizeof(double));
    double t0 = fb_wtime();
    for (size_t i = 0; i < g.n_mass; i++) {
      const double t_row = fb_wtime();
      for (size_t j = 0; j < g.n_coupling; j++) model->eval(state, g.mass[i], g.coupling[j], v, &err);
      if (i == 0) t_row_first = fb_wtime() - t_row;
      if (i + 1 == g.n_mass) t_row_last = fb_wtime() - t_row;
    }
    t_direct = fb_wtime() - t0;
    free(v);
    model->free(state);
    fb_grid_free(&g);
  }
  double *t = malloc((size_t)repeats * sizeof(double));
  double *spread = malloc((size_t)repeats * sizeof(double));
  double *fraction = malloc((size_t)repeats * sizeof(double));
  double *busy = malloc((size_t)size * sizeof(double));
  double best_t = INFINITY, best_spread = NAN, best_fraction = NAN; /* of the fastest repeat */
  for (int r = 0; r < repeats; r++) {
    int interrupted;
    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = fb_wtime();
    if (fb_scan_run(MPI_COMM_WORLD, &cfg, model, &opt, &info, &interrupted, &err) != FB_OK) {
      fprintf(stderr, "bench_scan: %s\n", err.msg);
      MPI_Abort(MPI_COMM_WORLD, 1);
    }
    MPI_Barrier(MPI_COMM_WORLD);
    t[r] = fb_wtime() - t0;
    if (rank == 0) {
      /* per-rank busy time recorded by the driver in /timing */
      hid_t f = H5Fopen(out, H5F_ACC_RDONLY, H5P_DEFAULT);
      if (f < 0 || fb_h5_read_doubles(f, "timing/busy_s", (size_t)size, busy, &err) != FB_OK) {
        fprintf(stderr, "bench_scan: cannot read /timing/busy_s from %s\n", out);
        MPI_Abort(MPI_COMM_WORLD, 1);
      }
      H5Fclose(f);
      double lo = busy[0], hi = busy[0], sum = 0.0;
      for (int k = 0; k < size; k++) {
        lo = fmin(lo, busy[k]);
        hi = fmax(hi, busy[k]);
        sum += busy[k];
      }
      spread[r] = sum > 0.0 ? (hi - lo) / (sum / size) : 0.0;
      fraction[r] = sum / (size * t[r]);
      if (t[r] < best_t) {
        best_t = t[r];
        best_spread = spread[r];
        best_fraction = fraction[r];
      }
      printf("run=%d model=%s ranks=%d points=%.0f seconds=%.4f points_per_s=%.4g busy_spread=%.4f "
             "busy_fraction=%.4f busy_s=", r, model->name, size, n_points, t[r], n_points / t[r], spread[r], fraction[r]);
      for (int k = 0; k < size; k++) printf("%s%.4f", k ? "," : "", busy[k]);
      f = H5Fopen(out, H5F_ACC_RDONLY, H5P_DEFAULT);
      if (f >= 0 && fb_h5_read_doubles(f, "timing/points", (size_t)size, busy, &err) == FB_OK) {
        printf(" rank_points=");
        for (int k = 0; k < size; k++) printf("%s%.0f", k ? "," : "", busy[k]);
      }
      if (f >= 0) H5Fclose(f);
      printf("\n");
    }
  }
  qsort(t, (size_t)repeats, sizeof(double), cmp_double);
  qsort(spread, (size_t)repeats, sizeof(double), cmp_double);
  qsort(fraction, (size_t)repeats, sizeof(double), cmp_double);
#define MEDIAN(a) (repeats % 2 ? (a)[repeats / 2] : 0.5 * ((a)[repeats / 2 - 1] + (a)[repeats / 2]))
  double med = MEDIAN(t);
  if (rank == 0) {
    /* checkpoint cost: one more full write of the results of the last repeat */
    fb_results res;
    fb_grid g;
    double t_write = NAN;
    char out2[300];
    snprintf(out2, sizeof out2, "%s.write.h5", out);
    if (fb_grid_init(&g, &cfg, &err) == FB_OK) {
      if (fb_results_init(&res, g.n_mass * g.n_coupling, model->n_quantities, &err) == FB_OK) {
        if (fb_output_read(out, model, &g, &cfg, &res, &err) == FB_OK) {
          double t0 = fb_wtime();
          if (fb_output_write(out2, &cfg, model, NULL, &g, &res, &info, &err) == FB_OK) t_write = fb_wtime() - t0;
        }
        fb_results_free(&res);
      }
      fb_grid_free(&g);
    }
    printf("median model=%s ranks=%d chunk=%zu%s points=%.0f seconds=%.4f min_seconds=%.4f points_per_s=%.4g direct_loop_s=%.4f "
           "overhead_us_per_point=%.4f busy_spread=%.4f busy_fraction=%.4f best_busy_spread=%.4f "
           "best_busy_fraction=%.4f row_cost_ratio=%.2f write_s=%.4f\n",
           model->name, size, opt.chunk_size, guided ? "g" : "", n_points, med, t[0], n_points / med, t_direct,
           1e6 * (med * size - t_direct) / n_points, MEDIAN(spread), MEDIAN(fraction), best_spread, best_fraction,
           t_row_first > 0 ? t_row_last / t_row_first : NAN, t_write);
    remove(out);
    remove(out2);
  }
#undef MEDIAN
  free(t);
  free(spread);
  free(fraction);
  free(busy);
  fb_config_free(&cfg);
  MPI_Finalize();
  return 0;
}
