/**
 * @file bench_alp.c
 * @brief BC10/BC11 ALP models: time of one model point (total width and every BR, a fresh mass each
 *        time so nothing is cached) after set-up, one core; and of the scan adapter per point at fixed
 *        mass (coupling rescaling only). Target (issue 13): <= 20 microseconds per model point.
 *
 * usage: bench_alp [REPEATS]   (default 7). Prints per model the median over repeats of the mean time
 * per point over 2000 log-spaced masses in 1 MeV-10 GeV, as key=value pairs (docs/performance.md).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench_util.h"
#include "fb_fip.h"
#include "fb_model.h"

#define N_MASS 2000

int main(int argc, char **argv) {
  const int reps = argc > 1 ? atoi(argv[1]) : 7;
  if (reps < 1 || reps > 1000) {
    fprintf(stderr, "usage: bench_alp [REPEATS 1..1000]\n");
    return 1;
  }
  fb_error_init();
  bench_clock_init();
  const char *names[2] = {"bc10", "bc11"};
  double *t = malloc((size_t)reps * sizeof *t);
  if (!t) return 1;
  for (int im = 0; im < 2; im++) {
    const fb_fip_ops *o = fb_fip_find(names[im], NULL);
    fb_err err;
    fb_err_clear(&err);
    void *st = NULL;
    const double t0 = bench_now_s();
    if (!o || o->init(&st, NULL, &err) != FB_OK) {
      fprintf(stderr, "%s: %s\n", names[im], err.msg);
      return 1;
    }
    const double t_init = bench_now_s() - t0;
    double sink = 0.0;
    fb_decay d;
    for (int r = 0; r < reps; r++) {
      const double a = bench_now_s();
      for (int i = 0; i < N_MASS; i++) {
        const double m = 1.0e-3 * pow(1.0e4, (i + 0.5 * (r % 2)) / N_MASS);
        if (o->decay(st, m, 1.3e-5, &d, &err) != FB_OK) {
          fprintf(stderr, "%s at %g: %s\n", names[im], m, err.msg);
          return 1;
        }
        sink += d.ctau_m;
      }
      t[r] = (bench_now_s() - a) / N_MASS;
    }
    const double per_point = bench_median(t, (size_t)reps);
    /* scan adapter: one mass row of 240 couplings (cache hit after the first point) */
    const fb_model_ops *mo = fb_model_find(names[im]);
    void *sst = NULL;
    if (!mo || mo->init(&sst, NULL, &err) != FB_OK) return 1;
    double out[64];
    for (int r = 0; r < reps; r++) {
      const double a = bench_now_s();
      for (int i = 0; i < 40; i++)
        for (int j = 0; j < 240; j++)
          if (mo->eval(sst, 0.01 * (i + 1), 1e-8 * pow(1e6, j / 239.0), out, &err) != FB_OK) return 1;
      t[r] = (bench_now_s() - a) / (40.0 * 240.0);
    }
    const double per_scan_point = bench_median(t, (size_t)reps);
    printf("model=%s clock=%s init_s=%.3e us_per_model_point=%.3f us_per_scan_point_row=%.3f checksum=%.6e\n",
           names[im], bench_clock_name(), t_init, 1e6 * per_point, 1e6 * per_scan_point, sink);
    mo->free(sst);
    o->free(st);
  }
  free(t);
  return 0;
}
