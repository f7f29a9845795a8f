/**
 * @file bench_sn_bands.c
 * @brief Benchmark of every SN1987A band (issue 16 "Speed": <= 5 s per 100 masses per profile on one core, the three
 *        profiles together <= 15 s): BC1 (criterion cem), BC3 (cem), BC4/BC5 (rays), BC6-BC8 (rays), BC9 (transfer),
 *        BC10, BC11 (transfer), each with the options of its scan model at their defaults (bc*_sn, fb_model_sn.c), on
 *        the default profile set inputs/sn_profile_mantle{,_cold,_hot,_compact}.dat (the nominal and the three systematic
 *        profiles since session 14; the target was set for three): per profile the set-up (profile read,
 *        medium, model rates) and the per-mass table + both band edges at N log-spaced masses in the band's range,
 *        repeated R times; medians of the process CPU time. Run from the source root.
 * Usage: bench_sn_bands [N=100] [R=3] [bands=all|bc1,bc3,bc4,bc6,bc7,bc8,bc9,bc10,bc11] [dump_file]
 *        dump_file: "band profile mass_GeV low high" of the last run (to compare edges between builds; the couplings
 *        are those of the table: eps, g, 1/f, sin^2 theta, |U|^2). Environment FB_BENCH_N_RADIAL, FB_BENCH_N_PATH,
 *        FB_BENCH_N_ENERGY, FB_BENCH_N_MU, FB_BENCH_SHELL_AVERAGE (0: midpoint rule) override the precision
 *        (convergence studies).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"

#include "fb_rratio.h"
#include "fb_sn_alp.h"
#include "fb_sn_alpn.h"
#include "fb_sn_darkphoton.h"
#include "fb_sn_hnl.h"
#include "fb_sn_mcp.h"
#include "fb_sn_scalar.h"

typedef struct band_def {
  const char *name;
  int criterion;
  double m_lo, m_hi; /* mass range [GeV] (the one of the band's own benchmark) */
} band_def;

static const band_def bands[] = {
    {"bc1", FB_SN_CRIT_CEM, 1e-4, 0.3},        {"bc3", FB_SN_CRIT_CEM, 1e-4, 0.3},
    {"bc4", FB_SN_CRIT_RAYS, 1e-3, 0.5},       {"bc6", FB_SN_CRIT_RAYS, 0.01, 0.5},
    {"bc7", FB_SN_CRIT_RAYS, 0.01, 0.5},       {"bc8", FB_SN_CRIT_RAYS, 0.01, 0.5},
    {"bc9", FB_SN_CRIT_TRANSFER, 1e-6, 1.0},   {"bc10", FB_SN_CRIT_TRANSFER, 1e-3, 0.5},
    {"bc11", FB_SN_CRIT_TRANSFER, 1e-3, 0.5},
};
#define N_BANDS (sizeof bands / sizeof bands[0])

#define N_PROF 4
static const char *files[N_PROF] = {"inputs/sn_profile_mantle.dat", "inputs/sn_profile_mantle_cold.dat",
                                    "inputs/sn_profile_mantle_hot.dat", "inputs/sn_profile_mantle_compact.dat"};

/* the model state of one band and profile */
typedef struct band_state {
  const band_def *b;
  fb_sn_medium m;
  fb_rratio R;
  fb_sn_scalar sc;
  fb_sn_hnl h;
  fb_sn_alpn a;
  double *ms;
} band_state;

static void env_int(const char *name, int *v) {
  const char *s = getenv(name);
  if (s && *s) *v = atoi(s);
}

static int setup(band_state *s, const band_def *b, const fb_sn_profile *p, fb_err *err) {
  memset(s, 0, sizeof *s);
  s->b = b;
  fb_sn_options o;
  fb_sn_options_default(&o);
  o.criterion = b->criterion;
  if (strcmp(b->name, "bc1") != 0) o.semi_compton = o.coalescence = 0; /* as sn_init */
  env_int("FB_BENCH_N_RADIAL", &o.n_radial);
  env_int("FB_BENCH_N_PATH", &o.n_path);
  env_int("FB_BENCH_N_ENERGY", &o.n_energy);
  env_int("FB_BENCH_N_MU", &o.n_mu);
  env_int("FB_BENCH_SHELL_AVERAGE", &o.shell_average);
  FB_CALL(err, fb_sn_medium_init(&s->m, p, &o, err));
  if (!strcmp(b->name, "bc1")) return fb_rratio_init(&s->R, err);
  if (!strcmp(b->name, "bc4")) return fb_sn_scalar_init(&s->sc, NULL, err);
  if (b->name[2] >= '6' && b->name[2] <= '8' && !b->name[3]) return fb_sn_hnl_init(&s->h, &s->m, p, b->name[2] - '6', NULL, err);
  if (!strcmp(b->name, "bc10") || !strcmp(b->name, "bc11")) {
    FB_CALL(err, fb_sn_alpn_init(&s->a, b->name[3] == '0' ? 10 : 11, NULL, err));
    s->ms = malloc(FB_SN_ALPN_MEDIUM_NF * s->m.n * sizeof *s->ms);
    FB_TEST(err, !s->ms, FB_ERR_MEMORY, "cannot allocate the ALP-nucleon medium data");
    fb_sn_alpn_mstar(&s->m, p, s->ms);
  }
  return FB_OK;
}

static void teardown(band_state *s) {
  const char *n = s->b->name;
  if (!strcmp(n, "bc1")) fb_rratio_free(&s->R);
  if (!strcmp(n, "bc4")) fb_sn_scalar_free(&s->sc);
  if (n[2] >= '6' && n[2] <= '8' && !n[3]) fb_sn_hnl_free(&s->h);
  if (s->ms) fb_sn_alpn_free(&s->a);
  free(s->ms);
  fb_sn_medium_free(&s->m);
}

static int one_mass(band_state *s, fb_sn_table *t, double mass, double *lo, double *hi, fb_err *err) {
  const char *n = s->b->name;
  double L = s->m.opt.L_nu_erg_s;
  if (!strcmp(n, "bc1")) FB_CALL(err, fb_sn_table_compute(t, &s->m, &s->R, mass, err));
  else if (!strcmp(n, "bc3")) FB_CALL(err, fb_sn_mcp_table_compute(t, &s->m, NULL, mass, err));
  else if (!strcmp(n, "bc4")) return fb_sn_scalar_table_compute(t, &s->sc, &s->m, mass, err) ||
                                     fb_sn_scalar_edges(t, L, lo, hi, err);
  else if (n[2] >= '6' && n[2] <= '8' && !n[3])
    return fb_sn_hnl_table_compute(t, &s->h, mass, err) || fb_sn_hnl_edges_U2(t, L, lo, hi, err);
  else if (!strcmp(n, "bc9")) FB_CALL(err, fb_sn_alp_table_compute(t, &s->m, mass, err));
  else FB_CALL(err, fb_sn_alpn_table_compute(t, &s->a, &s->m, s->ms, mass, err));
  return fb_sn_table_edges(t, L, lo, hi, NULL, err);
}

int main(int argc, char **argv) {
  fb_error_init();
  int n = argc > 1 ? atoi(argv[1]) : 100, reps = argc > 2 ? atoi(argv[2]) : 3;
  const char *which = argc > 3 ? argv[3] : "all";
  FILE *dump = argc > 4 ? fopen(argv[4], "w") : NULL;
  if (n < 2 || reps < 1 || reps > 100 || (argc > 4 && !dump)) {
    fprintf(stderr, "usage: bench_sn_bands [N >= 2] [1 <= R <= 100] [all|bc1,bc3,...] [dump_file]\n");
    return 2;
  }
  fb_err err;
  fb_err_clear(&err);
  fb_sn_profile prof[N_PROF];
  for (int k = 0; k < N_PROF; k++)
    if (fb_sn_profile_read(&prof[k], files[k], NULL, &err)) {
      fprintf(stderr, "%s\n", err.msg);
      return 1;
    }
  printf("SN1987A bands, %d masses per profile, %d runs, medians of the process CPU time [s]\n", n, reps);
  printf("%-5s %8s %8s %8s %8s %8s %8s\n", "band", "mantle", "cold", "hot", "compact", "set-up", "all");
  for (size_t ib = 0; ib < N_BANDS; ib++) {
    const band_def *b = &bands[ib];
    char key[16];
    snprintf(key, sizeof key, ",%s,", b->name);
    char list[512];
    snprintf(list, sizeof list, ",%s,", which);
    if (strcmp(which, "all") != 0 && !strstr(list, key)) continue;
    double tb[N_PROF][100], ts[100], t3[100];
    for (int r = 0; r < reps; r++) {
      ts[r] = t3[r] = 0.0;
      for (int k = 0; k < N_PROF; k++) {
        band_state s;
        fb_sn_table t;
        memset(&t, 0, sizeof t);
        double c0 = bench_cpu_s();
        if (setup(&s, b, &prof[k], &err)) {
          fprintf(stderr, "%s: %s\n", b->name, err.msg);
          return 1;
        }
        double c1 = bench_cpu_s();
        for (int i = 0; i < n; i++) {
          double mass = b->m_lo * pow(b->m_hi / b->m_lo, (double)i / (n - 1)), lo, hi;
          if (one_mass(&s, &t, mass, &lo, &hi, &err)) {
            fprintf(stderr, "%s at %g GeV: %s\n", b->name, mass, err.msg);
            return 1;
          }
          if (dump && r == reps - 1) fprintf(dump, "%s %d %.9e %.9e %.9e\n", b->name, k, mass, lo, hi);
        }
        double c2 = bench_cpu_s();
        fb_sn_table_free(&t);
        teardown(&s);
        tb[k][r] = c2 - c1;
        ts[r] += c1 - c0;
        t3[r] += c2 - c0;
      }
    }
    for (int k = 0; k < N_PROF; k++) qsort(tb[k], (size_t)reps, sizeof(double), bench_cmp_double);
    qsort(ts, (size_t)reps, sizeof(double), bench_cmp_double);
    qsort(t3, (size_t)reps, sizeof(double), bench_cmp_double);
    printf("%-5s %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f\n", b->name, tb[0][reps / 2], tb[1][reps / 2], tb[2][reps / 2],
           tb[3][reps / 2], ts[reps / 2], t3[reps / 2]);
    fflush(stdout);
  }
  for (int k = 0; k < N_PROF; k++) fb_sn_profile_free(&prof[k]);
  if (dump) fclose(dump);
  return 0;
}
