/**
 * @file bench_sn_mcp.c
 * @brief Benchmark: the SN1987A band of the BC3 millicharged fermion (issue 16) on one core: per-mass table +
 *        both edges at N log-spaced masses 0.1 MeV - 0.3 GeV with the default profile and precision (criterion
 *        cem, the BC3 default), repeated R times (median printed); then the band for the default, cold and hot
 *        profiles together with the medium set-up included (what bc3_sn does for
 *        /bounds/sn1987a/{nominal,weak,strong}); and N masses of the white-dwarf bound (fb_rg_mcp_wd_eps_max).
 *        Process CPU time (BENCH_WALL=1: wall). Run from the source root.
 * Usage: bench_sn_mcp [N=100] [R=3]
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bench_util.h"
#include "fb_rg_mcp.h"
#include "fb_sn_mcp.h"

/* Table + edges at n masses; returns the time [s] (negative on error), *n_excl masses with a band. */
static double band_pass(const fb_sn_medium *m, int n, int *n_excl, fb_err *err) {
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  double t0 = bench_now_s();
  *n_excl = 0;
  for (int i = 0; i < n; i++) {
    double mass = 1e-4 * pow(3000.0, (double)i / (n - 1)), lo, hi;
    int rc = fb_sn_mcp_table_compute(&t, m, NULL, mass, err);
    if (rc == FB_OK) rc = fb_sn_table_edges(&t, m->opt.L_nu_erg_s, &lo, &hi, NULL, err);
    if (rc != FB_OK) {
      fb_sn_table_free(&t);
      return -1.0;
    }
    *n_excl += isfinite(lo);
  }
  double dt = bench_now_s() - t0;
  fb_sn_table_free(&t);
  return dt;
}

int main(int argc, char **argv) {
  fb_error_init();
  bench_clock_init();
  int n = argc > 1 ? atoi(argv[1]) : 100, reps = argc > 2 ? atoi(argv[2]) : 3;
  if (n < 2 || reps < 1 || reps > 100) {
    fprintf(stderr, "usage: bench_sn_mcp [N >= 2] [1 <= R <= 100]\n");
    return 2;
  }
  static const char *files[3] = {"inputs/sn_profile_default.dat", "inputs/sn_profile_cold.dat",
                                 "inputs/sn_profile_hot.dat"};
  fb_err err;
  fb_err_clear(&err);
  fb_sn_options o;
  fb_sn_options_default(&o); /* criterion cem: the BC3 default */
  o.semi_compton = o.coalescence = 0;
  double one[100], three[100], wd[100];
  for (int r = 0; r < reps; r++) {
    three[r] = 0.0;
    for (int k = 0; k < 3; k++) {
      fb_sn_profile p;
      fb_sn_medium m;
      if (fb_sn_profile_read(&p, files[k], NULL, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
      double t0 = bench_now_s();
      int nx = 0;
      if (fb_sn_medium_init(&m, &p, &o, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
      double dt = band_pass(&m, n, &nx, &err);
      three[r] += bench_now_s() - t0;
      if (dt < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
      if (k == 0) one[r] = dt;
      if (r == 0) printf("  BC3 %s: %d masses (%d excluded), band %.3f s\n", files[k], n, nx, dt);
      fb_sn_medium_free(&m);
      fb_sn_profile_free(&p);
    }
    fb_rg_mcp_options w;
    fb_rg_mcp_options_default(&w, FB_RG_MCP_WD);
    double t0 = bench_now_s();
    for (int i = 0; i < n; i++) {
      double e;
      if (fb_rg_mcp_wd_eps_max(&w, 1e-11, 1e-7 * pow(100.0, (double)i / (n - 1)), &e, NULL, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
    }
    wd[r] = bench_now_s() - t0;
  }
  printf("median (%s): BC3 SN1987A band (default profile, tables + edges) on %d masses: %.3f s\n", bench_clock_name(), n,
         bench_median(one, (size_t)reps));
  printf("median (%s): BC3 SN1987A band for the 3 profiles together (set-up + band) on %d masses: %.3f s\n",
         bench_clock_name(), n, bench_median(three, (size_t)reps));
  printf("median (%s): BC3 white-dwarf eps_max on %d masses: %.3f s\n", bench_clock_name(), n,
         bench_median(wd, (size_t)reps));
  return 0;
}
