/* Benchmark of the freeze-in targets (src/boltzmann/fb_freezein.c), one core:
 *   1. model set-up (g_* table, R ratio, kernel and plasma tables);
 *   2. one light-mediator target Q(m_chi) at m_chi = 10 keV, 1 MeV, 1 GeV (2->2 + plasmons);
 *   3. the 200-mass light target line, 10 keV - 10 GeV (as inputs/freezein_light.ini);
 *   4. one heavy-mediator target eps(m_A') and the 200-point heavy line (m_chi = 10 MeV,
 *      m_A' = 21 MeV - 10 GeV, alpha_D = 0.5; as inputs/freezein_heavy.ini).
 * Usage: bench_freezein [repetitions] (default 5). Prints medians of process CPU time
 * (BENCH_WALL=1: wall clock) at the default tolerance rtol = 1e-4 (docs/performance.md ("Freeze-in targets")). */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench_util.h"
#include "fb_freezein.h"

#define MAXREP 50

int main(int argc, char **argv) {
  gsl_set_error_handler_off();
  bench_clock_init();
  int reps = argc > 1 ? atoi(argv[1]) : 5;
  if (reps < 1 || reps > MAXREP) return 2;
  printf("clock: %s, repetitions: %d\n", bench_clock_name(), reps);
  fb_err err;
  fb_err_clear(&err);
  fb_freezein fi;
  double t[MAXREP];
  for (int r = 0; r < reps; r++) {
    const double t0 = bench_now_s();
    if (fb_freezein_init(&fi, NULL, &err) != FB_OK) {
      fprintf(stderr, "%s\n", err.msg);
      return 1;
    }
    t[r] = bench_now_s() - t0;
    if (r + 1 < reps) fb_freezein_free(&fi);
  }
  printf("set-up: median %.1f ms\n", 1e3 * bench_median(t, (size_t)reps));
  const double masses[3] = {1e-5, 1e-3, 1.0};
  for (int i = 0; i < 3; i++) {
    double Q = 0;
    for (int r = 0; r < reps; r++) {
      const double t0 = bench_now_s();
      if (fb_freezein_light_target_Q(&fi, masses[i], 0.12, &Q, NULL, &err) != FB_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
      t[r] = bench_now_s() - t0;
    }
    printf("light target Q(m_chi = %g GeV) = %.4g: median %.1f ms\n", masses[i], Q, 1e3 * bench_median(t, (size_t)reps));
  }
  const int reps_line = reps < 3 ? reps : 3;
  for (int r = 0; r < reps_line; r++) {
    const double t0 = bench_now_s();
    for (int i = 0; i < 200; i++) {
      const double m = 1e-5 * pow(1e6, i / 199.0);
      double Q;
      if (fb_freezein_light_target_Q(&fi, m, 0.12, &Q, NULL, &err) != FB_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
    }
    t[r] = bench_now_s() - t0;
  }
  printf("light target line, 200 masses 10 keV - 10 GeV: median %.2f s (%d runs)\n", bench_median(t, (size_t)reps_line),
         reps_line);
  double eps = 0;
  for (int r = 0; r < reps; r++) {
    const double t0 = bench_now_s();
    if (fb_freezein_heavy_target_eps(&fi, 0.01, 0.3, 0.5, 0.12, &eps, NULL, &err) != FB_OK) {
      fprintf(stderr, "%s\n", err.msg);
      return 1;
    }
    t[r] = bench_now_s() - t0;
  }
  printf("heavy target eps(m_chi = 0.01, m_A' = 0.3 GeV) = %.4g: median %.2f ms\n", eps, 1e3 * bench_median(t, (size_t)reps));
  for (int r = 0; r < reps_line; r++) {
    const double t0 = bench_now_s();
    for (int i = 0; i < 200; i++) {
      const double mA = 0.021 * pow(10.0 / 0.021, i / 199.0);
      if (fb_freezein_heavy_target_eps(&fi, 0.01, mA, 0.5, 0.12, &eps, NULL, &err) != FB_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
    }
    t[r] = bench_now_s() - t0;
  }
  printf("heavy target line, 200 m_A' 21 MeV - 10 GeV: median %.3f s (%d runs)\n", bench_median(t, (size_t)reps_line),
         reps_line);
  fb_freezein_free(&fi);
  return 0;
}
