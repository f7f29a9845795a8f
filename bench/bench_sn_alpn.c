/**
 * @file bench_sn_alpn.c
 * @brief Benchmark: the SN1987A band of the BC10/BC11 nucleon-coupled ALPs (issue 16) on one core: per-mass table +
 *        both edges at N log-spaced masses 1 MeV - 0.5 GeV with the default profile and precision (criterion
 *        transfer, the bc10_sn/bc11_sn default), repeated R times (median printed); then the band for the default,
 *        cold and hot profiles together with the medium, m* and rate-table set-up included (what the bc1x_sn scan
 *        models do for /bounds/sn1987a/{nominal,weak,strong}). Run from the source root.
 * Usage: bench_sn_alpn [N=100] [R=5] [benchmark=11] [profiles=parametric|mantle|garching] (mantle: sn_profile_mantle,
 *        _mantle_cold, _mantle_hot, the default set since issue 16's profile switch; garching: the file named by
 *        FIPBOUNDS_GARCHING_PROFILE, bench_sn_profile.h, for all three passes)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"
#include "bench_sn_profile.h"

#include "fb_sn_alpn.h"

/* Table + edges at n masses; returns the CPU time [s] (negative on error), *n_excl masses with a band. */
static double band_pass(fb_sn_alpn *a, const fb_sn_medium *m, const double *ms, int n, int *n_excl, fb_err *err) {
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  double c0 = bench_cpu_s();
  *n_excl = 0;
  for (int i = 0; i < n; i++) {
    double mass = 1e-3 * pow(500.0, (double)i / (n - 1)), lo, hi;
    int rc = fb_sn_alpn_table_compute(&t, a, m, ms, mass, err);
    if (rc == FB_OK) rc = fb_sn_table_edges(&t, m->opt.L_nu_erg_s, &lo, &hi, NULL, err);
    if (rc != FB_OK) {
      fb_sn_table_free(&t);
      return -1.0;
    }
    *n_excl += isfinite(lo);
  }
  fb_sn_table_free(&t);
  return bench_cpu_s() - c0;
}

int main(int argc, char **argv) {
  fb_error_init();
  int n = argc > 1 ? atoi(argv[1]) : 100, reps = argc > 2 ? atoi(argv[2]) : 5, bench = argc > 3 ? atoi(argv[3]) : 11;
  if (n < 2 || reps < 1 || reps > 100 || (bench != 10 && bench != 11)) {
    fprintf(stderr, "usage: bench_sn_alpn [N >= 2] [1 <= R <= 100] [10|11] [parametric|mantle] [delta]\n");
    return 2;
  }
  static const char *par[3] = {"inputs/sn_profile_default.dat", "inputs/sn_profile_cold.dat",
                               "inputs/sn_profile_hot.dat"};
  static const char *man[3] = {"inputs/sn_profile_mantle.dat", "inputs/sn_profile_mantle_cold.dat",
                               "inputs/sn_profile_mantle_hot.dat"};
  static const char *gar[3] = {"garching", "garching", "garching"};
  const char *const *files = argc > 4 && !strcmp(argv[4], "mantle") ? man : argc > 4 && !strcmp(argv[4], "garching") ? gar : par;
  fb_sn_alpn_options ao; /* the defaults; argument 5 "delta": with the Delta(1232) diagrams (option pion_delta) */
  fb_sn_alpn_options_default(&ao);
  ao.pion_delta = argc > 5 && !strcmp(argv[5], "delta");
  fb_err err;
  fb_err_clear(&err);
  fb_sn_options o;
  fb_sn_options_default(&o);
  o.criterion = FB_SN_CRIT_TRANSFER; /* the bc10_sn / bc11_sn default */
  o.semi_compton = o.coalescence = 0;
  double one[100], three[100], three_wall[100];
  for (int r = 0; r < reps; r++) {
    three[r] = three_wall[r] = 0.0;
    for (int k = 0; k < 3; k++) {
      fb_sn_profile p;
      fb_sn_medium m;
      fb_sn_alpn a;
      double t0 = bench_wall_s(), c0 = bench_cpu_s();
      if (bench_sn_profile_read(&p, files[k], &err) || fb_sn_medium_init(&m, &p, &o, &err) ||
          fb_sn_alpn_init(&a, bench, &ao, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
      double *ms = malloc(FB_SN_ALPN_MEDIUM_NF * m.n * sizeof *ms);
      if (!ms) return 1;
      fb_sn_alpn_mstar(&m, &p, ms);
      int nx = 0;
      double dt = band_pass(&a, &m, ms, n, &nx, &err);
      if (dt < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
      three[r] += bench_cpu_s() - c0;
      three_wall[r] += bench_wall_s() - t0;
      if (k == 0) one[r] = dt;
      if (r == 0) printf("  BC%d %s: %d masses (%d excluded), band %.3f s CPU\n", bench, files[k], n, nx, dt);
      free(ms);
      fb_sn_alpn_free(&a);
      fb_sn_medium_free(&m);
      fb_sn_profile_free(&p);
    }
  }
  qsort(one, (size_t)reps, sizeof one[0], bench_cmp_double);
  qsort(three, (size_t)reps, sizeof three[0], bench_cmp_double);
  qsort(three_wall, (size_t)reps, sizeof three_wall[0], bench_cmp_double);
  printf("median: BC%d SN1987A band (default profile, tables + edges) on %d masses: %.3f s CPU\n", bench, n,
         one[reps / 2]);
  printf("median: BC%d SN1987A band for the 3 profiles together (set-up + band) on %d masses: %.3f s CPU, %.3f s wall\n",
         bench, n, three[reps / 2], three_wall[reps / 2]);
  return 0;
}
