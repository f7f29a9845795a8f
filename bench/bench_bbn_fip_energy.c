/* The FIP's energy Boltzmann equation (issue 14 item 1, src/bbn/bbn_abundance_energy.c) in the BBN planes:
 *  - `bench_bbn_fip_energy time [N_REPEAT]`: median time of the abundance solve alone (bbn_thermal_abundance
 *    vs bbn_thermal_abundance_energy, from T_RH = 1000 GeV to T0 = 10 MeV, BC9 with its Primakoff callback, the
 *    others with inverse decays only) and of a full bc9_bbn point (momentum = kinetic vs boltzmann); one core.
 *  - `bench_bbn_fip_energy edges`: the short-lifetime (upper) edge in coupling of the BBN band (delta chi2 >
 *    5.99; for bc9 also the union with |N_eff - 2.99| > 0.34 as tests/bbn/test_bc9_bands.c) of bc1, bc4, bc9,
 *    bc10, bc11 at a few masses with momentum = kinetic and boltzmann (log grid 3 per decade, bisection in
 *    ln g to 0.5%). docs/validation.md "The FIP's energy Boltzmann equation".
 *  - `bench_bbn_fip_energy edges light`: bc4, bc10, bc11 at 3 and 10 MeV, momentum = boltzmann, BBN alone and
 *    BBN + N_eff (docs/validation.md, "X's mean energy in the BBN stage").
 *  - `bench_bbn_fip_energy point M_GEV G [N_REPEAT [KEY=VALUE]]`: one bc9_bbn point (momentum = boltzmann, plus one
 *    setting, e.g. bc9_bbn.primakoff_table=false) N times, its median time and outputs (for `perf record`; docs/performance.md "The tightly coupled BC9 point"). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "bbn.h"
#include "bench_util.h"
#include "fb_config.h"
#include "fb_constants.h"
#include "fb_fip.h"
#include "fb_model.h"
#include "fb_production.h"
#include "fb_thermo.h"

extern const fb_model_ops fb_model_bc1_bbn, fb_model_bc4_bbn, fb_model_bc9_bbn, fb_model_bc10_bbn, fb_model_bc11_bbn;

typedef struct plane {
  const fb_model_ops *ops;
  fb_config cfg;
  void *st;
  int i_dchi2, i_neff;
  double out[64];
} plane;

static int qidx(const fb_model_ops *ops, const char *name) {
  for (size_t i = 0; i < ops->n_quantities; ++i)
    if (strcmp(ops->quantities[i].name, name) == 0) return (int)i;
  return -1;
}

static int plane_init(plane *p, const fb_model_ops *ops, const char *momentum, fb_err *err) {
  memset(p, 0, sizeof *p);
  p->ops = ops;
  const fb_key_spec *const sch[1] = {ops->keys};
  const size_t nk[1] = {ops->n_keys};
  char a[96];
  snprintf(a, sizeof a, "%s.momentum=%s", ops->name, momentum);
  FB_CALL(err, fb_config_init(&p->cfg, sch, nk, 1, err));
  FB_CALL(err, fb_config_set(&p->cfg, a, err));
  p->i_dchi2 = qidx(ops, "delta_chi2");
  p->i_neff = qidx(ops, "Neff");
  return ops->init(&p->st, &p->cfg, err);
}

static void plane_free(plane *p) {
  p->ops->free(p->st);
  fb_config_free(&p->cfg);
}

/* 1 excluded, 0 allowed, -1 not computed; neff: the union with the N_eff band (bc9 as test_bc9_bands) */
static int verdict(plane *p, double m, double g, int neff) {
  fb_err err;
  fb_err_clear(&err);
  if (p->ops->eval(p->st, m, g, p->out, &err) != FB_OK) return -1;
  int ex = p->out[p->i_dchi2] > FB_CHI2_2DOF_95;
  if (neff) ex = ex || fabs(p->out[p->i_neff] - FB_NEFF_PLANCK18) > FB_NEFF_PLANCK18_95;
  return ex;
}

/* the largest g where the verdict changes from excluded to allowed on [g_min, g_max] (0: none) */
static double upper_edge(plane *p, double m, double g_min, double g_max, int neff) {
  const int n = (int)ceil(3.0 * log10(g_max / g_min));
  int prev = -2;
  double gprev = 0.0, edge = 0.0;
  for (int i = 0; i <= n; ++i) {
    const double g = g_min * pow(g_max / g_min, (double)i / n);
    const int v = verdict(p, m, g, neff);
    if (v == 0 && prev == 1) {
      double a = log(gprev), b = log(g);
      while (b - a > 0.005) {
        const double c = 0.5 * (a + b);
        if (verdict(p, m, exp(c), neff) == 1) a = c;
        else b = c;
      }
      edge = exp(0.5 * (a + b));
    }
    if (v >= 0) {
      prev = v;
      gprev = g;
    }
  }
  return edge;
}

static int edges(void) {
  struct {
    const fb_model_ops *ops;
    double g_min, g_max;
    int neff;
    double m[4];
  } P[] = {
      {&fb_model_bc9_bbn, 1e-12, 1e-6, 1, {0.003, 0.01, 0.03, 0.1}},
      {&fb_model_bc1_bbn, 1e-14, 1e-6, 0, {0.01, 0.03, 0.3, 0.8}},
      {&fb_model_bc4_bbn, 1e-22, 1e-6, 0, {0.01, 0.05, 0.2, 0.5}},
      {&fb_model_bc10_bbn, 1e-10, 1e-1, 0, {0.003, 0.01, 0.05, 0.3}},
      {&fb_model_bc11_bbn, 1e-10, 1e-1, 0, {0.003, 0.01, 0.05, 0.3}},
  };
  printf("| plane | m [GeV] | upper edge, momentum = kinetic | boltzmann | boltzmann/kinetic |\n|---|---|---|---|---|\n");
  for (size_t k = 0; k < sizeof P / sizeof P[0]; ++k) {
    plane pk, pb;
    fb_err err;
    fb_err_clear(&err);
    if (plane_init(&pk, P[k].ops, "kinetic", &err) != FB_OK || plane_init(&pb, P[k].ops, "boltzmann", &err) != FB_OK) {
      fprintf(stderr, "%s: %s\n", P[k].ops->name, err.msg);
      return 1;
    }
    for (int i = 0; i < 4; ++i) {
      const double ek = upper_edge(&pk, P[k].m[i], P[k].g_min, P[k].g_max, P[k].neff);
      const double eb = upper_edge(&pb, P[k].m[i], P[k].g_min, P[k].g_max, P[k].neff);
      printf("| %s%s | %g | %.4g | %.4g | %.3f |\n", P[k].ops->name, P[k].neff ? " (BBN + N_eff)" : "", P[k].m[i], ek, eb,
             ek > 0 ? eb / ek : NAN);
      fflush(stdout);
    }
    plane_free(&pk);
    plane_free(&pb);
  }
  return 0;
}

/* `edges light` (branch bc9mom, 2026-12-07): the light masses (3, 10 MeV) of bc4, bc10, bc11 with momentum = boltzmann
 * only, BBN alone (delta chi2, as `edges`) and BBN + N_eff (the union, as bc9) */
static int edges_light(void) {
  const fb_model_ops *ops[3] = {&fb_model_bc4_bbn, &fb_model_bc10_bbn, &fb_model_bc11_bbn};
  const double gmin[3] = {1e-22, 1e-10, 1e-10}, gmax[3] = {1e-6, 1e-1, 1e-1}, m[2] = {0.003, 0.01};
  printf("| plane | m [GeV] | upper edge, BBN (delta chi2) | BBN + N_eff |\n|---|---|---|---|\n");
  for (int k = 0; k < 3; ++k) {
    plane pb;
    fb_err err;
    fb_err_clear(&err);
    if (plane_init(&pb, ops[k], "boltzmann", &err) != FB_OK) {
      fprintf(stderr, "%s: %s\n", ops[k]->name, err.msg);
      return 1;
    }
    for (int i = 0; i < 2; ++i) {
      const double e0 = upper_edge(&pb, m[i], gmin[k], gmax[k], 0), e1 = upper_edge(&pb, m[i], gmin[k], gmax[k], 1);
      printf("| %s | %g | %.4g | %.4g |\n", ops[k]->name, m[i], e0, e1);
      fflush(stdout);
    }
    plane_free(&pb);
  }
  return 0;
}

static double median_of(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, bench_cmp_double);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static int timing(int n_rep) {
  fb_err err;
  fb_err_clear(&err);
  fb_thermo th;
  if (fb_thermo_init(&th, &err) != FB_OK) return 1;
  fb_production prod;
  if (fb_production_init(&prod, "bc9", NULL, &err) != FB_OK) return 1;
  const fb_fip_ops *fip = fb_fip_find("bc9", NULL);
  fb_config fcfg;
  void *fst = NULL;
  if (fb_fip_config_from(fip, NULL, &fcfg, &err) != FB_OK || (fip->init && fip->init(&fst, &fcfg, &err) != FB_OK)) return 1;
  /* BC9 points: freeze-in (3 MeV, 1e-9), near the BBN edge (3 MeV, 3e-7; 30 MeV, 1e-8), heavy (0.3 GeV, 1e-9) */
  const double pts[4][2] = {{0.003, 1e-9}, {0.003, 3e-7}, {0.03, 1e-8}, {0.3, 1e-9}};
  double *tn = malloc(sizeof(double) * n_rep), *te = malloc(sizeof(double) * n_rep);
  double *tni = malloc(sizeof(double) * n_rep), *tei = malloc(sizeof(double) * n_rep);
  printf("clock=%s repeats=%d\n", bench_clock_name(), n_rep);
  for (int i = 0; i < 4; ++i) {
    const double m = pts[i][0], g = pts[i][1];
    fb_decay rec;
    if (fip->decay(fst, m, g, &rec, &err) != FB_OK) return 1;
    fb_production_point pt = {&prod, m, g};
    const bbn_abundance_opts o = {0, fb_production_callback, &pt};
    double Y, r, E;
    for (int k = 0; k < n_rep; ++k) {
      double t0 = bench_now_s();
      if (bbn_thermal_abundance(&th, m, 1.0, rec.width_GeV, &o, 1000.0, 0.01, &Y, &r, &err) != FB_OK) return 1;
      tn[k] = bench_now_s() - t0;
      t0 = bench_now_s();
      if (bbn_thermal_abundance_energy(&th, m, 1.0, rec.width_GeV, &o, fb_production_callback_energy, 1000.0, 0.01, &Y, &r,
                                       &E, &err) != FB_OK)
        return 1;
      te[k] = bench_now_s() - t0;
      t0 = bench_now_s();
      if (bbn_thermal_abundance(&th, m, 1.0, rec.width_GeV, NULL, 1000.0, 0.01, &Y, &r, &err) != FB_OK) return 1;
      tni[k] = bench_now_s() - t0;
      t0 = bench_now_s();
      if (bbn_thermal_abundance_energy(&th, m, 1.0, rec.width_GeV, NULL, NULL, 1000.0, 0.01, &Y, &r, &E, &err) != FB_OK)
        return 1;
      tei[k] = bench_now_s() - t0;
    }
    printf("bc9 m = %g GeV g = %g: abundance with Primakoff number-only %.2f ms, with energy %.2f ms (x%.2f); inverse "
           "decays only %.2f ms, with energy %.2f ms (x%.2f)\n", m, g, 1e3 * median_of(tn, n_rep),
           1e3 * median_of(te, n_rep), median_of(te, n_rep) / median_of(tn, n_rep), 1e3 * median_of(tni, n_rep),
           1e3 * median_of(tei, n_rep), median_of(tei, n_rep) / median_of(tni, n_rep));
  }
  /* full bc9_bbn points (decay record, abundance x2 (T_RH check) or x3 (lower hand-over), BBN with the decay) */
  plane pk, pb;
  if (plane_init(&pk, &fb_model_bc9_bbn, "kinetic", &err) != FB_OK || plane_init(&pb, &fb_model_bc9_bbn, "boltzmann", &err) != FB_OK)
    return 1;
  for (int i = 0; i < 4; ++i) {
    for (int k = 0; k < n_rep; ++k) {
      double t0 = bench_now_s();
      if (pk.ops->eval(pk.st, pts[i][0], pts[i][1], pk.out, &err) != FB_OK) return 1;
      tn[k] = bench_now_s() - t0;
      t0 = bench_now_s();
      if (pb.ops->eval(pb.st, pts[i][0], pts[i][1], pb.out, &err) != FB_OK) return 1;
      te[k] = bench_now_s() - t0;
    }
    printf("bc9_bbn point m = %g GeV g = %g: momentum = kinetic %.2f ms, boltzmann %.2f ms (x%.2f)\n", pts[i][0], pts[i][1],
           1e3 * median_of(tn, n_rep), 1e3 * median_of(te, n_rep), median_of(te, n_rep) / median_of(tn, n_rep));
  }
  plane_free(&pk);
  plane_free(&pb);
  free(tn);
  free(te);
  free(tni);
  free(tei);
  if (fip->free) fip->free(fst);
  fb_config_free(&fcfg);
  fb_production_free(&prod);
  fb_thermo_free(&th);
  return 0;
}

static int one_point(double m, double g, int n_rep, const char *key) {
  fb_err err;
  fb_err_clear(&err);
  plane pb;
  if (plane_init(&pb, &fb_model_bc9_bbn, "boltzmann", &err) != FB_OK) return 1;
  if (key) { /* e.g. bc9_bbn.primakoff_table=false: the state is built again with it */
    pb.ops->free(pb.st);
    if (fb_config_set(&pb.cfg, key, &err) != FB_OK || pb.ops->init(&pb.st, &pb.cfg, &err) != FB_OK) {
      fprintf(stderr, "%s\n", err.msg);
      return 1;
    }
  }
  double *t = malloc(sizeof(double) * n_rep);
  for (int k = 0; k < n_rep; ++k) {
    const double t0 = bench_now_s();
    if (pb.ops->eval(pb.st, m, g, pb.out, &err) != FB_OK) {
      fprintf(stderr, "%s\n", err.msg);
      return 1;
    }
    t[k] = bench_now_s() - t0;
  }
  printf("bc9_bbn m = %g GeV g = %g: %.2f ms (median of %d, %s); n/n_gamma(T0) %.10g Yp %.10g D/H %.10g Neff %.10g "
         "Neff_rec %.10g delta_chi2 %.8g p0 %.8g MeV\n", m, g, 1e3 * median_of(t, n_rep), n_rep, bench_clock_name(),
         pb.out[qidx(pb.ops, "n_over_ngamma_T0")], pb.out[qidx(pb.ops, "Yp_mass_fraction")], pb.out[qidx(pb.ops, "D_H")],
         pb.out[pb.i_neff], pb.out[qidx(pb.ops, "Neff_rec")], pb.out[pb.i_dchi2],
         pb.out[qidx(pb.ops, "p_mean_T0_MeV")]);
  free(t);
  plane_free(&pb);
  return 0;
}

int main(int argc, char **argv) {
  gsl_set_error_handler_off();
  bench_clock_init();
  if (argc > 2 && strcmp(argv[1], "edges") == 0 && strcmp(argv[2], "light") == 0) return edges_light();
  if (argc > 1 && strcmp(argv[1], "edges") == 0) return edges();
  if (argc > 3 && strcmp(argv[1], "point") == 0) return one_point(atof(argv[2]), atof(argv[3]), argc > 4 ? atoi(argv[4]) : 5, argc > 5 ? argv[5] : NULL);
  const int n_rep = argc > 2 ? atoi(argv[2]) : 5;
  if (argc < 2 || strcmp(argv[1], "time") != 0 || n_rep < 1) {
    fprintf(stderr, "usage: bench_bbn_fip_energy time [N_REPEAT >= 1] | edges [light] | point M_GEV G [N_REPEAT [KEY=VALUE]]\n");
    return 1;
  }
  return timing(n_rep);
}
