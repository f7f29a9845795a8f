/**
 * @file bench_stellar.c
 * @brief Benchmark: the full BC1 SN1987A band (and the BC9 ALP band, 1 keV-1 GeV, and the BC9 HB bound
 *        g_max(m) at N masses 1 keV-1 MeV for the one-zone and the polytrope core) (per-mass table + both edges by root finding) on
 *        N log-spaced masses between 0.1 MeV and 0.3 GeV on one core, default profile and
 *        precision; repeated R times, prints each time and the median. Then the systematic bands
 *        (issue 16): BC1 and BC9 for the default, cold and hot profiles together, medium setup included.
 * Usage: bench_stellar [N=100] [R=5]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <math.h>

#include "bench_util.h"
#include "fb_hb_alp.h"
#include "fb_sn_alp.h"
#include "fb_sn_darkphoton.h"

/* process CPU time (bench_util.h; BENCH_WALL=1 for wall clock): the machine is shared */
static double now_s(void) { return bench_now_s(); }

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* One pass of a band: table + both edges at n log-spaced masses (BC1: 0.1 MeV-0.3 GeV, BC9: 1 keV-1 GeV).
 * Returns the wall time [s] or a negative value on error; *n_excl = masses with an excluded interval. */
static double band_pass(const fb_sn_medium *m, const fb_rratio *R, int alp, int n, int *n_excl, fb_err *err) {
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  double t0 = now_s();
  *n_excl = 0;
  for (int i = 0; i < n; i++) {
    double mass = alp ? 1e-6 * pow(1e6, (double)i / (n - 1)) : 1e-4 * pow(3e3, (double)i / (n - 1)), lo, hi;
    int rc = alp ? fb_sn_alp_table_compute(&t, m, mass, err) : fb_sn_table_compute(&t, m, R, mass, err);
    if (rc == FB_OK) rc = fb_sn_table_edges(&t, m->opt.L_nu_erg_s, &lo, &hi, NULL, err);
    if (rc != FB_OK) {
      fb_sn_table_free(&t);
      return -1.0;
    }
    *n_excl += isfinite(lo);
  }
  double dt = now_s() - t0;
  fb_sn_table_free(&t);
  return dt;
}

/* Systematic bands (issue 16): the band for the default, cold and hot profiles together (medium setup
 * included, as the scan model does it), BC1 (cem) and BC9 (transfer); prints the medians. */
static int bench_systematic(const fb_rratio *R, int n, int reps, fb_err *err) {
  static const char *files[3] = {"inputs/sn_profile_default.dat", "inputs/sn_profile_cold.dat",
                                 "inputs/sn_profile_hot.dat"};
  for (int alp = 0; alp <= 1; alp++) {
    double tot[100];
    for (int r = 0; r < reps; r++) {
      tot[r] = 0;
      for (int k = 0; k < 3; k++) {
        fb_sn_profile p;
        fb_sn_medium m;
        fb_sn_options o;
        fb_sn_options_default(&o);
        if (alp) {
          o.criterion = FB_SN_CRIT_TRANSFER;
          o.semi_compton = o.coalescence = 0;
        }
        FB_CALL(err, fb_sn_profile_read(&p, files[k], NULL, err));
        double t0 = now_s();
        int rc = fb_sn_medium_init(&m, &p, &o, err), nx = 0;
        double dt = rc == FB_OK ? band_pass(&m, R, alp, n, &nx, err) : -1.0;
        tot[r] += now_s() - t0;
        if (rc == FB_OK) fb_sn_medium_free(&m);
        fb_sn_profile_free(&p);
        if (dt < 0) return FB_ERR_NUMERIC;
        if (r == 0) printf("  %s %s: %d masses (%d excluded), band %.3f s\n", alp ? "BC9" : "BC1", files[k], n, nx, dt);
      }
    }
    qsort(tot, (size_t)reps, sizeof tot[0], cmp);
    printf("median: %s SN1987A band for the 3 profiles together (setup + band) on %d masses: %.3f s\n",
           alp ? "BC9" : "BC1", n, tot[reps / 2]);
  }
  return FB_OK;
}

int main(int argc, char **argv) {
  fb_error_init();
  bench_clock_init();
  printf("clock: %s\n", bench_clock_name());
  int n = argc > 1 ? atoi(argv[1]) : 100, reps = argc > 2 ? atoi(argv[2]) : 5;
  if (n < 2 || reps < 1 || reps > 100) {
    fprintf(stderr, "usage: bench_stellar [N >= 2] [1 <= R <= 100]\n");
    return 2;
  }
  fb_err err;
  fb_err_clear(&err);
  fb_sn_profile p;
  fb_rratio R;
  fb_sn_medium m;
  fb_sn_options o;
  fb_sn_options_default(&o);
  if (fb_sn_profile_read(&p, "inputs/sn_profile_default.dat", NULL, &err) || fb_rratio_init(&R, &err)) {
    fprintf(stderr, "%s\n", err.msg);
    return 1;
  }
  double t_setup = now_s();
  if (fb_sn_medium_init(&m, &p, &o, &err)) {
    fprintf(stderr, "%s\n", err.msg);
    return 1;
  }
  t_setup = now_s() - t_setup;
  double times[100];
  int n_excl = 0;
  for (int r = 0; r < reps; r++) {
    times[r] = band_pass(&m, &R, 0, n, &n_excl, &err);
    if (times[r] < 0) {
      fprintf(stderr, "%s\n", err.msg);
      return 1;
    }
    printf("run %d: %d masses (%d excluded) in %.3f s\n", r + 1, n, n_excl, times[r]);
  }
  qsort(times, (size_t)reps, sizeof times[0], cmp);
  double t_bc1 = times[reps / 2];
  /* BC9 default trapping criterion: transfer (fb_sn_criterion, issue 16; the BC1 default is cem) */
  fb_sn_options oa = o;
  oa.criterion = FB_SN_CRIT_TRANSFER;
  oa.semi_compton = oa.coalescence = 0;
  fb_sn_medium ma;
  if (fb_sn_medium_init(&ma, &p, &oa, &err)) {
    fprintf(stderr, "%s\n", err.msg);
    return 1;
  }
  for (int r = 0; r < reps; r++) {
    int nx = 0;
    times[r] = band_pass(&ma, &R, 1, n, &nx, &err);
    if (times[r] < 0) {
      fprintf(stderr, "%s\n", err.msg);
      return 1;
    }
    printf("BC9 run %d: %d masses (%d excluded) in %.3f s\n", r + 1, n, nx, times[r]);
  }
  qsort(times, (size_t)reps, sizeof times[0], cmp);
  printf("median: BC9 ALP SN1987A band on %d masses: %.3f s\n", n, times[reps / 2]);
  fb_sn_medium_free(&ma);
  /* HB bound: one-zone default core, and the polytrope (n = 3/2, T_c = 1.2e8 K, rho_c = 1e4 g/cm^3); both edges
   * with decays in the core (default), and the one-zone lower edge with decay = off */
  for (int run = 0; run < 3; run++) {
    const int core = run == 1 ? FB_HB_POLYTROPE : FB_HB_ONE_ZONE;
    fb_hb_options ho;
    fb_hb_options_default(&ho);
    if (run == 2) ho.decay = FB_HB_DECAY_OFF;
    if (core == FB_HB_POLYTROPE) {
      ho.core = FB_HB_POLYTROPE;
      ho.T_K = 1.2e8;
      ho.rho_g_cm3 = 1e4;
    }
    double ht[100];
    for (int r = 0; r < reps; r++) {
      double t0 = now_s();
      for (int i = 0; i < n; i++) {
        double mass = 1e-6 * pow(1e3, (double)i / (n - 1)), g, gh;
        if (fb_hb_alp_edges_GeV(&ho, mass, &g, &gh, &err)) {
          fprintf(stderr, "%s\n", err.msg);
          return 1;
        }
      }
      ht[r] = now_s() - t0;
    }
    qsort(ht, (size_t)reps, sizeof ht[0], cmp);
    printf("median: BC9 HB bound (%s core, decay %s) on %d masses: %.4f s (%.3f ms per mass)\n",
           core == FB_HB_POLYTROPE ? "polytrope" : "one-zone", run == 2 ? "off" : "core", n, ht[reps / 2],
           1e3 * ht[reps / 2] / n);
  }
  times[reps / 2] = t_bc1;
  printf("medium setup (profile resampling + cross-section table + semi-Compton table): %.3f s\n", t_setup);
  printf("median: BC1 SN1987A band on %d masses: %.3f s (%.1f ms per mass)\n", n, times[reps / 2],
         1e3 * times[reps / 2] / n);
  printf("BC1 total (setup + band): %.3f s\n", t_setup + times[reps / 2]);
  if (bench_systematic(&R, n, reps, &err) != FB_OK) {
    fprintf(stderr, "%s\n", err.msg);
    return 1;
  }
  fb_sn_medium_free(&m);
  fb_rratio_free(&R);
  fb_sn_profile_free(&p);
  return 0;
}
