/* Shared helpers of the benchmarks in bench/: a clock (process CPU time by default, wall clock
 * with BENCH_WALL=1) and the median of repeated timings. Header-only; bench programs only. */
#ifndef FB_BENCH_UTIL_H
#define FB_BENCH_UTIL_H

#include <stdlib.h>
#include <time.h>

/* CPU time of this process: the machine may be shared, so wall-clock medians would measure the
 * other users; set BENCH_WALL=1 for wall clock (bench_clock_init reads it). */
static clockid_t bench_clock = CLOCK_PROCESS_CPUTIME_ID;

static inline void bench_clock_init(void) {
  if (getenv("BENCH_WALL")) bench_clock = CLOCK_MONOTONIC;
}

static inline const char *bench_clock_name(void) {
  return bench_clock == CLOCK_MONOTONIC ? "wall" : "process CPU time";
}

static inline double bench_now_s(void) {
  struct timespec t;
  clock_gettime(bench_clock, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* The two clocks apart, for benchmarks that print both: wall clock and this process's CPU time. */
static inline double bench_wall_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static inline double bench_cpu_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static inline int bench_cmp_double(const void *a, const void *b) {
  const double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Median of v[0..n-1] (sorts v in place). */
static inline double bench_median(double *v, size_t n) {
  qsort(v, n, sizeof v[0], bench_cmp_double);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

#endif
