/**
 * @file bench_scan.c
 * @brief Scan-driver benchmark: throughput (points/s) of fb_scan_run, the driver's overhead per
 *        point, and (with several ranks) the parallel efficiency.
 *
 * usage: mpirun -n R bench_scan MODEL N_MASS N_COUPLING REPEATS
 *   MODEL = bc1   the real BC1 dark-photon model (cheap points: measures driver overhead)
 *   MODEL = work  a benchmark-only model whose cost per point varies 16x across the plane
 *                 (~1 us .. 16 us of floating-point work; measures load balance)
 * Prints one line per repeat and the median, as "key=value" pairs (bench/run_bench.sh parses it).
 */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  fb_log_set_rank(rank);
  fb_log_set_level(FB_LOG_WARN);
  if (argc != 5) {
    if (rank == 0) fprintf(stderr, "usage: bench_scan bc1|work N_MASS N_COUPLING REPEATS\n");
    MPI_Finalize();
    return 2;
  }
  const fb_model_ops *model = strcmp(argv[1], "work") == 0 ? &work_model : fb_model_find(argv[1]);
  const long n_mass = atol(argv[2]), n_coup = atol(argv[3]);
  const int repeats = atoi(argv[4]);
  if (!model || n_mass < 1 || n_coup < 1 || repeats < 1) {
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
  fb_run_info info = {.input_path = "bench", .overrides = "", .mpi_size = size, .wall_time_s = 0};
  const double n_points = (double)n_mass * (double)n_coup;

  /* reference: the same points evaluated in a plain loop on one rank, no driver, no output */
  double t_direct = 0.0;
  if (rank == 0) {
    fb_grid g;
    fb_grid_init(&g, &cfg, &err);
    void *state = NULL;
    model->init(&state, &cfg, &err);
    double *v = malloc(model->n_quantities * sizeof(double));
    double t0 = fb_wtime();
    for (size_t i = 0; i < g.n_mass; i++)
      for (size_t j = 0; j < g.n_coupling; j++) model->eval(state, g.mass[i], g.coupling[j], v, &err);
    t_direct = fb_wtime() - t0;
    free(v);
    model->free(state);
    fb_grid_free(&g);
  }
  double *t = malloc((size_t)repeats * sizeof(double));
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
    if (rank == 0)
      printf("run=%d model=%s ranks=%d points=%.0f seconds=%.4f points_per_s=%.4g\n", r, model->name, size,
             n_points, t[r], n_points / t[r]);
  }
  qsort(t, (size_t)repeats, sizeof(double), cmp_double);
  double med = repeats % 2 ? t[repeats / 2] : 0.5 * (t[repeats / 2 - 1] + t[repeats / 2]);
  if (rank == 0) {
    printf("median model=%s ranks=%d points=%.0f seconds=%.4f points_per_s=%.4g direct_loop_s=%.4f "
           "overhead_us_per_point=%.4f\n",
           model->name, size, n_points, med, n_points / med, t_direct,
           1e6 * (med * size - t_direct) / n_points);
    remove(out);
  }
  free(t);
  fb_config_free(&cfg);
  MPI_Finalize();
  return 0;
}
