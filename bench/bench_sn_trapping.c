/**
 * @file bench_sn_trapping.c
 * @brief Benchmark: the SN1987A bands of BC9 (ALP-photon) and BC10/BC11 (ALP-nucleon, default emission: bremsstrahlung +
 *        pions + muons) per trapping criterion (transfer = the default, transfer_radial; issue 16) on each of the
 *        three default profiles (mantle, mantle_cold, mantle_hot): per-mass table + both edges at N log-spaced masses
 *        1 MeV - 0.5 GeV, one core, repeated R times (median of the process CPU time printed; the medium and
 *        rate-table set-up per profile is timed separately). Run from the source root.
 * Usage: bench_sn_trapping [N=100] [R=3]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"

#include "fb_sn_alp.h"
#include "fb_sn_alpn.h"

/* one band: model 9 (ALP-photon) or 10/11 (ALP-nucleon); returns the CPU time [s], negative on error */
static double band(int model, fb_sn_alpn *a, const fb_sn_medium *m, const double *ms, int n, int *n_excl,
                   fb_err *err) {
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  double c0 = bench_cpu_s();
  *n_excl = 0;
  for (int i = 0; i < n; i++) {
    double mass = 1e-3 * pow(500.0, (double)i / (n - 1)), lo, hi;
    int rc = model == 9 ? fb_sn_alp_table_compute(&t, m, mass, err) : fb_sn_alpn_table_compute(&t, a, m, ms, mass, err);
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
  int n = argc > 1 ? atoi(argv[1]) : 100, reps = argc > 2 ? atoi(argv[2]) : 3;
  if (n < 2 || reps < 1 || reps > 100) {
    fprintf(stderr, "usage: bench_sn_trapping [N >= 2] [1 <= R <= 100]\n");
    return 2;
  }
  static const char *files[3] = {"inputs/sn_profile_mantle.dat", "inputs/sn_profile_mantle_cold.dat",
                                 "inputs/sn_profile_mantle_hot.dat"};
  static const int models[3] = {9, 10, 11}, crits[2] = {FB_SN_CRIT_TRANSFER, FB_SN_CRIT_TRANSFER_RADIAL};
  fb_err err;
  fb_err_clear(&err);
  for (int im = 0; im < 3; im++)
    for (int ic = 0; ic < 2; ic++)
      for (int k = 0; k < 3; k++) {
        fb_sn_options o;
        fb_sn_options_default(&o);
        o.criterion = crits[ic];
        o.semi_compton = o.coalescence = 0;
        double tb[100], ts[100];
        int nx = 0;
        for (int r = 0; r < reps; r++) {
          fb_sn_profile p;
          fb_sn_medium m;
          fb_sn_alpn a;
          double *ms = NULL, c0 = bench_cpu_s();
          int rc = fb_sn_profile_read(&p, files[k], NULL, &err);
          if (rc == FB_OK) rc = fb_sn_medium_init(&m, &p, &o, &err);
          if (rc == FB_OK && models[im] != 9) {
            rc = fb_sn_alpn_init(&a, models[im], NULL, &err);
            ms = malloc(FB_SN_ALPN_MEDIUM_NF * m.n * sizeof *ms);
            if (rc == FB_OK && !ms) return 1;
            if (rc == FB_OK) fb_sn_alpn_mstar(&m, &p, ms);
          }
          if (rc != FB_OK) {
            fprintf(stderr, "%s\n", err.msg);
            return 1;
          }
          ts[r] = bench_cpu_s() - c0;
          tb[r] = band(models[im], &a, &m, ms, n, &nx, &err);
          if (tb[r] < 0) {
            fprintf(stderr, "%s\n", err.msg);
            return 1;
          }
          if (models[im] != 9) fb_sn_alpn_free(&a);
          free(ms);
          fb_sn_medium_free(&m);
          fb_sn_profile_free(&p);
        }
        qsort(tb, (size_t)reps, sizeof tb[0], bench_cmp_double);
        qsort(ts, (size_t)reps, sizeof ts[0], bench_cmp_double);
        printf("BC%-2d %-15s %-34s %d masses (%2d excluded): band %.3f s CPU, set-up %.3f s (medians of %d)\n",
               models[im], fb_sn_criterion_name(crits[ic]), files[k], n, nx, tb[reps / 2], ts[reps / 2], reps);
      }
  return 0;
}
