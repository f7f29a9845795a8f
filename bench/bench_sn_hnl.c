/**
 * @file bench_sn_hnl.c
 * @brief Benchmark: the BC6/BC7/BC8 HNL SN1987A band (per-mass table + both edges) on N log-spaced masses
 *        10 MeV - 0.5 GeV on one core, default profile and precision (criterion rays), repeated R times:
 *        prints each flavour's median; then the three profiles (default, cold, hot) together for BC8
 *        (medium and HNL setup included, as the scan model's systematic band does it).
 * Usage: bench_sn_hnl [N=100] [R=3] [profile=inputs/sn_profile_default.dat|garching] (run from the source root;
 *        docs/performance.md; garching: the file named by FIPBOUNDS_GARCHING_PROFILE, bench_sn_profile.h, for the
 *        per-flavour pass)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"
#include "bench_sn_profile.h"

#include "fb_sn_hnl.h"

/* CPU time of this (single-threaded) process: on the shared 2-core machine the wall time also counts
 * the time other jobs hold the core; both are printed. */
static double wall_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* table + edges at n masses; returns seconds (< 0 on error), *n_excl = masses with a band */
static double band_pass(const fb_sn_hnl *h, int n, int *n_excl, fb_err *err) {
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  double t0 = bench_cpu_s();
  *n_excl = 0;
  for (int i = 0; i < n; i++) {
    double mass = 0.01 * pow(50.0, (double)i / (n - 1)), lo, hi;
    int rc = fb_sn_hnl_table_compute(&t, h, mass, err);
    if (rc == FB_OK) rc = fb_sn_hnl_edges_U2(&t, h->m->opt.L_nu_erg_s, &lo, &hi, err);
    if (rc != FB_OK) {
      fb_sn_table_free(&t);
      return -1.0;
    }
    *n_excl += isfinite(lo);
  }
  fb_sn_table_free(&t);
  return bench_cpu_s() - t0;
}

/* setup (medium + HNL) and band for one profile; returns seconds or < 0 */
static double profile_pass(const char *file, int flavour, int n, int *nx, fb_err *err) {
  fb_sn_profile p;
  fb_sn_medium m;
  fb_sn_hnl h;
  fb_sn_options o;
  fb_sn_options_default(&o);
  o.criterion = FB_SN_CRIT_RAYS;
  o.semi_compton = o.coalescence = 0;
  if (bench_sn_profile_read(&p, file, err) != FB_OK) return -1.0;
  double t0 = bench_cpu_s(), dt = -1.0;
  if (fb_sn_medium_init(&m, &p, &o, err) == FB_OK) {
    if (fb_sn_hnl_init(&h, &m, &p, flavour, NULL, err) == FB_OK) {
      dt = band_pass(&h, n, nx, err);
      fb_sn_hnl_free(&h);
    }
    fb_sn_medium_free(&m);
  }
  fb_sn_profile_free(&p);
  return dt < 0 ? dt : bench_cpu_s() - t0;
}

int main(int argc, char **argv) {
  fb_error_init();
  int n = argc > 1 ? atoi(argv[1]) : 100, reps = argc > 2 ? atoi(argv[2]) : 3;
  if (n < 2 || reps < 1 || reps > 100) {
    fprintf(stderr, "usage: bench_sn_hnl [N >= 2] [1 <= R <= 100]\n");
    return 2;
  }
  fb_err err;
  fb_err_clear(&err);
  static const char *name[3] = {"BC6 (e)", "BC7 (mu)", "BC8 (tau)"};
  for (int fl = 0; fl < 3; fl++) {
    double times[100], w0 = wall_s();
    int nx = 0;
    for (int r = 0; r < reps; r++) {
      times[r] = profile_pass(argc > 3 ? argv[3] : "inputs/sn_profile_default.dat", fl, n, &nx, &err);
      if (times[r] < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
    }
    qsort(times, (size_t)reps, sizeof times[0], bench_cmp_double);
    printf("median: %s SN1987A band (setup + table + edges) on %d masses 0.01-0.5 GeV: %.3f s CPU (%d with a "
           "band; mean wall %.3f s)\n", name[fl], n, times[reps / 2], nx, (wall_s() - w0) / reps);
  }
  static const char *files[3] = {"inputs/sn_profile_default.dat", "inputs/sn_profile_cold.dat",
                                 "inputs/sn_profile_hot.dat"};
  double tot[100];
  for (int r = 0; r < reps; r++) {
    tot[r] = 0;
    for (int k = 0; k < 3; k++) {
      int nx = 0;
      double dt = profile_pass(files[k], 2, n, &nx, &err);
      if (dt < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
      tot[r] += dt;
    }
  }
  qsort(tot, (size_t)reps, sizeof tot[0], bench_cmp_double);
  printf("median: BC8 SN1987A band for the 3 profiles together on %d masses: %.3f s CPU\n", n, tot[reps / 2]);
  return 0;
}
