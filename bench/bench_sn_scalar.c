/**
 * @file bench_sn_scalar.c
 * @brief Benchmark: the SN1987A band of the BC4/BC5 dark scalar (issue 16) on one core: per-mass table +
 *        both edges at N log-spaced masses 1 MeV - 0.5 GeV with the default profile and precision
 *        (criterion rays, the BC4 default), repeated R times (median printed); then the band for the
 *        default, cold and hot profiles together with the medium and scalar set-up included (what the
 *        bc4_sn scan model does for /bounds/sn1987a/{nominal,weak,strong}). Run from the source root.
 * Usage: bench_sn_scalar [N=100] [R=5]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"

#include "fb_sn_scalar.h"

/* Table + edges at n masses; returns the time [s] (negative on error), *n_excl masses with a band. */
static double band_pass(fb_sn_scalar *s, const fb_sn_medium *m, int n, int *n_excl, fb_err *err) {
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  double t0 = bench_wall_s();
  *n_excl = 0;
  for (int i = 0; i < n; i++) {
    double mass = 1e-3 * pow(500.0, (double)i / (n - 1)), lo, hi;
    int rc = fb_sn_scalar_table_compute(&t, s, m, mass, err);
    if (rc == FB_OK) rc = fb_sn_scalar_edges(&t, m->opt.L_nu_erg_s, &lo, &hi, err);
    if (rc != FB_OK) {
      fb_sn_table_free(&t);
      return -1.0;
    }
    *n_excl += isfinite(lo);
  }
  double dt = bench_wall_s() - t0;
  fb_sn_table_free(&t);
  return dt;
}

int main(int argc, char **argv) {
  fb_error_init();
  int n = argc > 1 ? atoi(argv[1]) : 100, reps = argc > 2 ? atoi(argv[2]) : 5;
  if (n < 2 || reps < 1 || reps > 100) {
    fprintf(stderr, "usage: bench_sn_scalar [N >= 2] [1 <= R <= 100]\n");
    return 2;
  }
  static const char *files[3] = {"inputs/sn_profile_default.dat", "inputs/sn_profile_cold.dat",
                                 "inputs/sn_profile_hot.dat"};
  fb_err err;
  fb_err_clear(&err);
  fb_sn_options o;
  fb_sn_options_default(&o);
  o.criterion = FB_SN_CRIT_RAYS; /* the BC4 default */
  o.semi_compton = o.coalescence = 0;
  double one[100], three[100], one_cpu[100], three_cpu[100];
  for (int r = 0; r < reps; r++) {
    three[r] = three_cpu[r] = 0.0;
    for (int k = 0; k < 3; k++) {
      fb_sn_profile p;
      fb_sn_medium m;
      fb_sn_scalar s;
      if (fb_sn_profile_read(&p, files[k], NULL, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
      double t0 = bench_wall_s(), c0 = bench_cpu_s();
      int nx = 0;
      if (fb_sn_medium_init(&m, &p, &o, &err) || fb_sn_scalar_init(&s, NULL, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
      double c1 = bench_cpu_s(), dt = band_pass(&s, &m, n, &nx, &err);
      three[r] += bench_wall_s() - t0;
      three_cpu[r] += bench_cpu_s() - c0;
      if (dt < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
      if (k == 0) one[r] = dt, one_cpu[r] = bench_cpu_s() - c1;
      if (r == 0) printf("  BC4 %s: %d masses (%d excluded), band %.3f s\n", files[k], n, nx, dt);
      fb_sn_scalar_free(&s);
      fb_sn_medium_free(&m);
      fb_sn_profile_free(&p);
    }
  }
  qsort(one, (size_t)reps, sizeof one[0], bench_cmp_double);
  qsort(three, (size_t)reps, sizeof three[0], bench_cmp_double);
  qsort(one_cpu, (size_t)reps, sizeof one_cpu[0], bench_cmp_double);
  qsort(three_cpu, (size_t)reps, sizeof three_cpu[0], bench_cmp_double);
  printf("median: BC4 SN1987A band (default profile, tables + edges) on %d masses: %.3f s wall, %.3f s CPU\n", n,
         one[reps / 2], one_cpu[reps / 2]);
  printf("median: BC4 SN1987A band for the 3 profiles together (set-up + band) on %d masses: %.3f s wall, %.3f s CPU\n",
         n, three[reps / 2], three_cpu[reps / 2]);
  return 0;
}
