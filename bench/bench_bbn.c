/**
 * @file bench_bbn.c
 * @brief Standard-BBN benchmark: time to build the weak-rate/plasma/nuclear-rate tables
 *        (bbn_tables_build, once per process; and their load from the persistent cache, bbn_tables_init) and the median time of one evaluation (process CPU
 *        time; wall clock with BENCH_WALL=1)
 *        (bbn_solve: background + n<->p + 12-reaction network) at the reference point.
 *
 * usage: bench_bbn [N_EVAL [N_TABLE]]   (defaults 31 evaluations, 5 table builds)
 * Prints key=value lines; the "median_eval_ms" line is the number the issue asks for (target
 * <= 20 ms on one core); "median_decay_eval_ms" is one evaluation with a decaying particle (bbn_decay,
 * five points of the (tau, m Y) plane cycled, standard-BBN baryon normalisation computed once in the
 * set-up as in the scan model; issue 14 target <= 30 ms). Single process, single thread. The points cycle through 5 values of
 * Omega_b h^2 around 0.02242 so that no cache hides work (each bbn_solve starts from scratch except for the
 * tables and the cached theory-error node, paid in the first evaluation). "theory_err_forward_light|forward|differences"
 * lines: one node of the propagated theory errors with the forward sensitivities to the A <= 4 reactions (what
 * bbn_theory_err_get uses), to all reactions, and with the central differences (31 solves) they replaced.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <gsl/gsl_errno.h>

#include "bbn.h"
#include "bench_util.h"

/* process CPU time by default (the machine may be shared), wall clock with BENCH_WALL=1 */
static double now_s(void) { return bench_now_s(); }

static int cmp_double(const void *a, const void *b) {
  const double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Time n_eval solves: decay = 0 cycles 5 values of Omega_b h^2 around 0.02242; decay = 1 cycles
 * five decaying-particle points across the (tau, m Y) plane. Prints the "<prefix>evaluations" line. */
static int time_points(const bbn_tables *tab, bbn_params *p, int n_eval, double *tt, int decay,
                       const char *prefix, bbn_result *r, fb_err *err) {
  static const struct { double tau_s, mY_GeV, f_em, f_nu, npi; } pts[5] = {
      {0.1, 1e-9, 0.5, 0.5, 1.0}, {1.0, 1e-7, 1.0, 0.0, 0.0}, {100.0, 1e-6, 1.0, 0.0, 0.0},
      {1e4, 1e-7, 0.3, 0.7, 1.0}, {0.01, 1e-4, 0.5, 0.5, 1.0}};
  long steps = 0;
  for (int i = 0; i < n_eval; ++i) {
    const int k = i % 5;
    bbn_decay d = {.mass_GeV = 1.0, .tau_s = pts[k].tau_s, .mY_GeV = pts[k].mY_GeV, .f_em = pts[k].f_em,
                   .f_nu = pts[k].f_nu, .n_pi_minus = pts[k].npi, .n_pi_plus = pts[k].npi, .mesons = 1};
    if (decay)
      p->decay = &d;
    else
      p->omega_b_h2 = 0.02242 * (1.0 + 0.01 * (k - 2));
    const double t0 = now_s();
    const int rc = bbn_solve(tab, p, r, err);
    p->decay = NULL;
    if (rc != FB_OK) return 1;
    tt[i] = now_s() - t0;
    steps += r->steps;
  }
  qsort(tt, (size_t)n_eval, sizeof(double), cmp_double);
  printf("%sevaluations=%d median_%seval_ms=%.2f min_%seval_ms=%.2f max_%seval_ms=%.2f mean_network_steps=%.0f\n",
         prefix, n_eval, prefix, 1e3 * tt[n_eval / 2], prefix, 1e3 * tt[0], prefix, 1e3 * tt[n_eval - 1],
         (double)steps / n_eval);
  return 0;
}

int main(int argc, char **argv) {
  gsl_set_error_handler_off();
  bench_clock_init();
  printf("clock=%s\n", bench_clock_name());
  const int n_eval = argc > 1 ? atoi(argv[1]) : 31;
  const int n_tab = argc > 2 ? atoi(argv[2]) : 5;
  if (n_eval < 1 || n_tab < 1) {
    fprintf(stderr, "usage: bench_bbn [N_EVAL >= 1 [N_TABLE >= 1]]\n");
    return 2;
  }
  fb_err err;
  fb_err_clear(&err);
  double *tt = malloc(sizeof(double) * (size_t)(n_tab > n_eval ? n_tab : n_eval));
  if (!tt) return 1;
  bbn_tables tab;
  for (int i = 0; i < n_tab; ++i) {
    const double t0 = now_s();
    if (bbn_tables_build(&tab, &err) != FB_OK) {
      fprintf(stderr, "%s\n", err.msg);
      free(tt);
      return 1;
    }
    tt[i] = now_s() - t0;
    if (i + 1 < n_tab) bbn_tables_free(&tab);
  }
  qsort(tt, (size_t)n_tab, sizeof(double), cmp_double);
  printf("table_builds=%d median_table_build_ms=%.2f min_table_build_ms=%.2f\n", n_tab,
         1e3 * tt[n_tab / 2], 1e3 * tt[0]);
  /* the same tables from the persistent cache (bbn_cache.c; FIPBOUNDS_CACHE_DIR, else $XDG_CACHE_HOME/fipbounds:
   * the first bbn_tables_init stores them if they are not there) */
  int n_hit = 0;
  for (int i = 0; i <= n_tab; ++i) {
    bbn_tables t2;
    const double t0 = now_s();
    if (bbn_tables_init(&t2, &err) != FB_OK) {
      fprintf(stderr, "%s\n", err.msg);
      free(tt);
      return 1;
    }
    if (i > 0) tt[i - 1] = now_s() - t0;
    if (i > 0) n_hit += t2.from_cache;
    bbn_tables_free(&t2);
  }
  qsort(tt, (size_t)n_tab, sizeof(double), cmp_double);
  printf("table_cache_loads=%d hits=%d median_table_load_ms=%.3f\n", n_tab, n_hit, 1e3 * tt[n_tab / 2]);
  /* one node of the propagated theory errors (bbn_theory_err.c): forward sensitivities (default) and the central
   * differences they replaced (3 repeats of each; the cache is bypassed) */
  static const int methods[3] = {BBN_TH_SENS_FORWARD_LIGHT, BBN_TH_SENS_FORWARD, BBN_TH_SENS_DIFFERENCES};
  static const char *names[3] = {"forward_light", "forward", "differences"};
  for (int im = 0; im < 3; ++im) {
    const int method = methods[im];
    double tm[3];
    bbn_theory_err th;
    for (int i = 0; i < 3; ++i) {
      const double t0 = now_s();
      if (bbn_theory_err_compute_method(&tab, 0.02242, method, &th, &err) != FB_OK) {
        fprintf(stderr, "%s\n", err.msg);
        free(tt);
        return 1;
      }
      tm[i] = now_s() - t0;
    }
    qsort(tm, 3, sizeof(double), cmp_double);
    printf("theory_err_%s median_ms=%.2f min_ms=%.2f sigma_Yp=%.5g sigma_DH_rel=%.5g\n",
           names[im], 1e3 * tm[1], 1e3 * tm[0], th.rel[0] * th.X[0],
           th.rel[1]);
  }
  bbn_params p;
  bbn_params_default(&p);
  p.tau_n_s = 879.4;
  bbn_result r;
  int rc = time_points(&tab, &p, n_eval, tt, 0, "", &r, &err);
  if (rc == 0)
    printf("last point: omega_b_h2=%.5f Yp=%.6f D_H=%.5e He3_H=%.5e Li7_H=%.5e Neff=%.4f\n",
           p.omega_b_h2, r.Yp, r.D_H, r.He3_H, r.Li7_H, r.Neff);
  /* BBN with a decaying particle (issue 14: <= 30 ms per evaluation after set-up); the
   * standard-BBN baryon normalisation (bbn_decay.c) is computed once here, as in the scan model */
  bbn_params_default(&p);
  if (rc == 0) rc = bbn_solve(&tab, &p, &r, &err) != FB_OK;
  p.sbbn_nb_ref = r.nb_comoving;
  if (rc == 0) rc = time_points(&tab, &p, n_eval, tt, 1, "decay_", &r, &err);
  if (rc != 0) fprintf(stderr, "%s\n", err.msg);
  bbn_tables_free(&tab);
  free(tt);
  return rc;
}
