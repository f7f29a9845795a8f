/* Benchmark of the BC2 relic abundance (src/boltzmann), one core:
 *   1. one Omega h^2 evaluation, cold (new mass: thermal-average table + freeze-out) and warm
 *      (same mass, new y: cached table rescaled + freeze-out, as in a mass-major scan row);
 *   2. one thermal target y(m_chi) at a new mass;
 *   3. a 200-mass target line, 1 MeV - 10 GeV.
 * Usage: bench_relic [spin] [repetitions] [ratio]   (default dirac, 5, m_A'/m_chi = 3; ratio < 3
 * includes chi chi -> A'A', e.g. 2.5: thermally open). Prints medians of CPU time
 * (BENCH_WALL=1: wall clock) (docs/performance.md). */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"
#include "fb_bc2.h"

int main(int argc, char **argv) {
  gsl_set_error_handler_off();
  bench_clock_init();
  printf("clock: %s\n", bench_clock_name());
  fb_err err;
  fb_err_clear(&err);
  fb_bc2_spin spin = FB_BC2_DIRAC;
  if (argc > 1 && fb_bc2_spin_parse(argv[1], &spin, &err) != FB_OK) {
    fprintf(stderr, "%s\n", err.msg);
    return 2;
  }
  const int reps = argc > 2 ? atoi(argv[2]) : 5;
  if (reps < 1) return 2;
  const double ratio = argc > 3 ? atof(argv[3]) : 3.0;
  if (!(ratio >= 0.1 && ratio <= 100.0)) return 2;
  fb_bc2 m;
  double t0 = bench_now_s();
  if (fb_bc2_init(&m, NULL, &err) != FB_OK) {
    fprintf(stderr, "%s\n", err.msg);
    return 1;
  }
  printf("spin %s, m_A'/m_chi = %g: init (R ratio, g_* table, solver) %.1f ms\n", fb_bc2_spin_name(spin), ratio,
         1e3 * (bench_now_s() - t0));
  enum { NM = 40, NY = 10 };
  double cold[NM], warm[NM * NY], target[NM];
  fb_relic_result res;
  /* 1. Omega h^2: 40 masses log-spaced over 1 MeV - 10 GeV, 10 y values each */
  size_t nw = 0;
  for (int i = 0; i < NM; i++) {
    fb_bc2_point pt = {spin, 1e-3 * pow(1e4, (i + 0.5) / NM), ratio, 0.5, 0.1, 0.0};
    for (int j = 0; j < NY; j++) {
      pt.epsilon = fb_bc2_epsilon_from_y(1e-14 * pow(1e6, (double)j / (NY - 1)), pt.alpha_D, pt.ratio);
      const double a = bench_now_s();
      if (fb_bc2_omega_h2(&m, &pt, &res, &err) != FB_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
      const double dt = bench_now_s() - a;
      if (j == 0)
        cold[i] = dt;
      else
        warm[nw++] = dt;
    }
  }
  printf("median Omega h^2 evaluation: cold (new mass) %.3f ms, warm (cached table, new y) %.3f ms\n",
         1e3 * bench_median(cold, NM), 1e3 * bench_median(warm, nw));
  /* 2. one target at a new mass (the cache never hits across masses) */
  for (int i = 0; i < NM; i++) {
    fb_bc2_point pt = {spin, 1e-3 * pow(1e4, (i + 0.25) / NM), ratio, 0.5, 0.1, 1e-5};
    double y;
    const double a = bench_now_s();
    if (fb_bc2_target_y(&m, &pt, 0.12, &y, NULL, &err) != FB_OK) {
      fprintf(stderr, "%s\n", err.msg);
      return 1;
    }
    target[i] = bench_now_s() - a;
  }
  double tsorted[NM];
  memcpy(tsorted, target, sizeof target);
  const double tmed = bench_median(tsorted, NM); /* sorts tsorted */
  printf("median target y(m): %.2f ms (max %.2f ms over %d masses)\n", 1e3 * tmed, 1e3 * tsorted[NM - 1], NM);
  /* 3. 200-mass target line, repeated */
  double line[64];
  const int nrep = reps > 64 ? 64 : reps;
  for (int r = 0; r < nrep; r++) {
    const double a = bench_now_s();
    for (int i = 0; i < 200; i++) {
      fb_bc2_point pt = {spin, 1e-3 * pow(1e4, i / 199.0 * (1.0 + 1e-9 * r)), ratio, 0.5, 0.1, 1e-5};
      double y;
      if (fb_bc2_target_y(&m, &pt, 0.12, &y, NULL, &err) != FB_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
    }
    line[r] = bench_now_s() - a;
  }
  printf("median 200-mass target line: %.2f s (%d repetitions)\n", bench_median(line, (size_t)nrep), nrep);
  fb_bc2_free(&m);
  return 0;
}
