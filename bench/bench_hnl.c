/* Benchmark of the BC6/BC7/BC8 heavy neutral lepton (src/models/fb_fip_hnl.c), one core: the time of
 * one model point (total width, all 31 branching ratios and class fractions: one call of the
 * model's decay()) after set-up, median over masses log-spaced 10 MeV - 10 GeV, per flavour.
 * Usage: bench_hnl [repetitions] (default 5). Prints the set-up time and the medians of process
 * CPU time (BENCH_WALL=1: wall clock) (docs/performance.md). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench_util.h"
#include "fb_fip.h"

int main(int argc, char **argv) {
  fb_error_init();
  bench_clock_init();
  printf("clock: %s\n", bench_clock_name());
  const int reps = argc > 1 ? atoi(argv[1]) : 5;
  if (reps < 1) return 2;
  const char *names[3] = {"bc6", "bc7", "bc8"};
  enum { NM = 400 };
  for (int f = 0; f < 3; f++) {
    const fb_fip_ops *ops = fb_fip_find(names[f], NULL);
    fb_err err;
    fb_err_clear(&err);
    fb_config cfg;
    void *st = NULL;
    double t0 = bench_now_s();
    if (!ops || fb_fip_config_default(ops, &cfg, &err) != FB_OK || ops->init(&st, &cfg, &err) != FB_OK) {
      fprintf(stderr, "%s: %s\n", names[f], err.msg);
      return 1;
    }
    const double tinit = bench_now_s() - t0;
    static double t[NM * 64];
    size_t n = 0;
    fb_decay d;
    double below = 0.0, above = 0.0;
    size_t nbelow = 0, nabove = 0;
    for (int r = 0; r < reps; r++)
      for (int i = 0; i < NM; i++) {
        const double M = 0.01 * pow(1e3, (i + 0.5) / NM);
        const double a = bench_now_s();
        for (int k = 0; k < 20; k++) /* 20 calls per sample: the clock resolution is ~1 us */
          if (ops->decay(st, M, 1e-7, &d, &err) != FB_OK) {
            fprintf(stderr, "%s: %s\n", names[f], err.msg);
            return 1;
          }
        const double dt = (bench_now_s() - a) / 20.0;
        if (n < sizeof t / sizeof t[0]) t[n++] = dt;
        if (M < 1.0) below += dt, nbelow++;
        else above += dt, nabove++;
      }
    printf("%s: set-up %.2f ms; one point (width + 31 BRs + classes): median %.2f us "
           "(mean below 1 GeV %.2f us, above %.2f us), %zu samples\n",
           names[f], 1e3 * tinit, 1e6 * bench_median(t, n), 1e6 * below / (double)nbelow, 1e6 * above / (double)nabove, n);
    ops->free(st);
    fb_config_free(&cfg);
  }
  return 0;
}
