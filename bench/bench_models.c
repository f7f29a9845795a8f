/* Benchmark of the particle models (src/models, fb_fip.h): the median time of one model point
 * (total width and every branching ratio, i.e. one decay() call that fills and finalises the
 * fb_decay record) after set-up, one core. Issue 13 target: <= 20 microseconds per point.
 * Usage: bench_models [repetitions]   (default 5; each repetition times 2000 points at new masses).
 * Prints medians of CPU time (BENCH_WALL=1: wall clock) for docs/performance.md. Each model has
 * its own self-contained function below; add one per model. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench_util.h"
#include "fb_fip.h"

enum { BENCH_NPOINTS = 2000 };

/* BC4 dark scalar: masses log-spaced over 1 MeV - 10 GeV (every regime: leptons, chiral hadrons,
 * the interpolation band, perturbative QCD), a new mass at every call (no cache). */
static int bench_bc4(int reps, const char *set) {
  const fb_fip_ops *ops = fb_fip_find("bc4", NULL);
  fb_err err;
  fb_err_clear(&err);
  void *st = NULL;
  fb_config cfg;
  int have_cfg = 0;
  if (set) { /* one option, e.g. bc4.light_hadrons=dispersive */
    if (!ops || fb_fip_config_default(ops, &cfg, &err) != FB_OK || fb_config_set(&cfg, set, &err) != FB_OK) {
      fprintf(stderr, "bc4 config: %s\n", err.msg);
      return 1;
    }
    have_cfg = 1;
  }
  double t0 = bench_now_s();
  const int irc = ops ? ops->init(&st, have_cfg ? &cfg : NULL, &err) : FB_ERR_INPUT;
  if (have_cfg) fb_config_free(&cfg);
  if (irc != FB_OK) {
    fprintf(stderr, "bc4 init: %s\n", err.msg);
    return 1;
  }
  const double t_init = bench_now_s() - t0;
  double *per_point = malloc(reps * sizeof(double));
  double checksum = 0.0;
  fb_decay d;
  for (int r = 0; r < reps; r++) {
    const double a = bench_now_s();
    for (int i = 0; i < BENCH_NPOINTS; i++) {
      const double m = 1e-3 * pow(1e4, (i + 0.37 * (r + 1) / reps) / BENCH_NPOINTS);
      if (ops->decay(st, m, 1.3e-7, &d, &err) != FB_OK) {
        fprintf(stderr, "bc4 decay: %s\n", err.msg);
        free(per_point);
        ops->free(st);
        return 1;
      }
      checksum += d.ctau_m + d.ch[0].br;
    }
    per_point[r] = (bench_now_s() - a) / BENCH_NPOINTS;
  }
  printf("bc4 (%s): set-up %.2f ms; one point (width + %zu BRs) median %.3f us over %d x %d points "
         "(checksum %.6e)\n", set ? set : "default", 1e3 * t_init, d.n_channels, 1e6 * bench_median(per_point, reps), reps,
         BENCH_NPOINTS, checksum);
  free(per_point);
  ops->free(st);
  return 0;
}

int main(int argc, char **argv) {
  gsl_set_error_handler_off();
  bench_clock_init();
  printf("clock: %s\n", bench_clock_name());
  const int reps = argc > 1 ? atoi(argv[1]) : 5;
  if (reps < 1) return 2;
  int rc = 0;
  rc |= bench_bc4(reps, NULL);
  rc |= bench_bc4(reps, "bc4.light_hadrons=coupled_channel");
  return rc;
}
