/* BBN band of the BC6 heavy neutral lepton: set-up time of the scan model bc6_bbn (tables, standard
 * BBN) and the median time of one point split into the abundance (bbn_hnl_abundance, from T_RH =
 * 1000 GeV) and the full point (decay record, abundance twice for the T_RH check, BBN with the
 * decays), at points along and around the tau = 0.02 s boundary; one core (docs/performance.md).
 * Usage: bench_bbn_hnl [N_REPEAT >= 1] [section.key=value, e.g. bc6_bbn.nu_oscillations=false] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "bbn.h"
#include "bench_util.h"
#include "fb_config.h"
#include "fb_model.h"
#include "fb_thermo.h"

extern const fb_model_ops fb_model_bc6_bbn;

int main(int argc, char **argv) {
  gsl_set_error_handler_off();
  bench_clock_init();
  const int n_rep = argc > 1 ? atoi(argv[1]) : 5;
  if (n_rep < 1) {
    fprintf(stderr, "usage: bench_bbn_hnl [N_REPEAT >= 1]\n");
    return 1;
  }
  fb_err err;
  fb_err_clear(&err);
  const fb_model_ops *ops = &fb_model_bc6_bbn;
  const fb_key_spec *const schemas[1] = {ops->keys};
  const size_t nk[1] = {ops->n_keys};
  fb_config cfg;
  void *st = NULL;
  double t0 = bench_now_s();
  if (fb_config_init(&cfg, schemas, nk, 1, &err) != FB_OK || (argc > 2 && fb_config_set(&cfg, argv[2], &err) != FB_OK) ||
      ops->init(&st, &cfg, &err) != FB_OK) {
    fprintf(stderr, "%s\n", err.msg);
    return 1;
  }
  const double t_setup = bench_now_s() - t0;
  fb_thermo th;
  if (fb_thermo_init(&th, &err) != FB_OK) {
    fprintf(stderr, "%s\n", err.msg);
    return 1;
  }
  const double pts[6][2] = {{0.2, 1e-7}, {0.2, 1e-8}, {0.45, 3e-9}, {0.45, 1e-10}, {0.8, 3e-10}, {0.8, 1e-12}};
  double *tp = malloc(sizeof(double) * n_rep * 6), *ta = malloc(sizeof(double) * n_rep * 6), out[64];
  for (int r = 0; r < n_rep; ++r)
    for (int i = 0; i < 6; ++i) {
      bbn_hnl_state h;
      t0 = bench_now_s();
      if (bbn_hnl_abundance(&th, 0, 1, pts[i][0], pts[i][1], 1e-20, 1000.0, 0.01, &h, &err) != FB_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
      ta[r * 6 + i] = bench_now_s() - t0;
      t0 = bench_now_s();
      if (ops->eval(st, pts[i][0], pts[i][1], out, &err) != FB_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
      tp[r * 6 + i] = bench_now_s() - t0;
    }
  const double med_a = bench_median(ta, (size_t)n_rep * 6), med_p = bench_median(tp, (size_t)n_rep * 6);
  const double max_p = tp[n_rep * 6 - 1]; /* sorted by bench_median */
  printf("clock=%s setup_ms=%.1f points=%d median_abundance_ms=%.2f median_point_ms=%.2f max_point_ms=%.2f\n",
         bench_clock_name(), 1e3 * t_setup, n_rep * 6, 1e3 * med_a, 1e3 * med_p, 1e3 * max_p);
  free(tp);
  free(ta);
  ops->free(st);
  fb_config_free(&cfg);
  fb_thermo_free(&th);
  return 0;
}
