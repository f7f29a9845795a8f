/* Benchmark of the CMB module (src/cmb), one core:
 *   1. one fb_cmb_decay_eval (mu, y, Delta rho/rho, R) at 40 lifetimes 1e6 - 1e25 s (a new
 *      lifetime costs three redshift quadratures; a scan reuses them along m Y_X, which is free);
 *   2. an isolated `eval cmb-decay` point as the command line does it: init + one evaluation;
 *   3. the n/n_gamma -> Y conversion (g_*s table build + t(T0));
 *   4. the delayed-deposition kernel (fb_cmb_dep.h): its node set-up (first fb_cmb_set_photon_energy) and one kernel
 *      per injection energy (photons 1 keV / 100 keV / 10 MeV / 1 GeV / 100 GeV, pairs 10 MeV then 1 GeV), as a scan builds it
 *      once per mass;
 *   5. the mixed-channel kernel (branch cmbmix, fb_cmb_set_spectrum): the injected spectrum of the BC1 A' at 0.5 GeV, 1 GeV
 *      and of the BC11 ALP at 0.6 GeV in one fb_cmb (the first builds the positronium kernel and its cached continuum
 *      photon kernels, the later ones reuse the cache as a scan does), and the spectrum from the decay record alone.
 * Usage: bench_cmb [repetitions] (default 5); FB_BENCH_COMPTON=continuous: the kernels with Compton scattering as a
 * continuous loss (the model before branch compton; default discrete Klein-Nishina scattering); FB_BENCH_ANISO=fisher
 * (or another aniso_method name): the anisotropy method of every point; FB_BENCH_GRID=a,b,c,d,e: the secondary photon
 * grid's layout (fb_cmb_params.dep_grid; 4,4,4,0,0 the uniform 10^(1/3) grid before branch feffgrid, 1,1,1,0,0 the
 * uniform 10^(1/12) reference); FB_BENCH_PHOTON_GRID=tracks|advected|fine_tracks|fine_advected: the grid by name
 * (fb_cmb_photon_grid_from_name; advected = the grid before branch cmbgrid). Prints medians of CPU time (BENCH_WALL=1: wall
 * clock) (docs/performance.md ("CMB")). */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench_util.h"
#include "fb_cmb.h"
#include "fb_cmb_dep.h"

int main(int argc, char **argv) {
  gsl_set_error_handler_off();
  bench_clock_init();
  printf("clock: %s\n", bench_clock_name());
  const int reps = argc > 1 ? atoi(argv[1]) : 5;
  if (reps < 1) return 2;
  fb_err err;
  fb_err_clear(&err);
  enum { NT = 40 };
  double *per = malloc(sizeof(double) * NT * (size_t)reps), *iso = malloc(sizeof(double) * (size_t)reps),
         *conv = malloc(sizeof(double) * (size_t)reps);
  if (!per || !iso || !conv) return 1;
  size_t np = 0;
  fb_cmb_params p;
  fb_cmb_params_default(&p);
  const char *cm = getenv("FB_BENCH_COMPTON");
  p.compton_continuous = cm && cm[0] == 'c';
  printf("Compton scattering in the deposition kernels: %s\n", p.compton_continuous ? "continuous loss" : "discrete");
  const char *am = getenv("FB_BENCH_ANISO"); /* e.g. fisher (branch cmbfisher): the anisotropy method of every point */
  if (am && fb_cmb_aniso_from_name(am, &p.aniso, &err) != FB_OK) {
    fprintf(stderr, "%s\n", err.msg);
    return 2;
  }
  printf("anisotropy method: %s\n", fb_cmb_aniso_name(p.aniso));
  const char *gl = getenv("FB_BENCH_GRID"); /* "a,b,c,d,e": the secondary grid's layout (fb_cmb_dep_grid_setup) */
  if (gl && sscanf(gl, "%d,%d,%d,%d,%d", &p.dep_grid[0], &p.dep_grid[1], &p.dep_grid[2], &p.dep_grid[3], &p.dep_grid[4]) != 5)
    return 2;
  const char *pg = getenv("FB_BENCH_PHOTON_GRID"); /* tracks|advected|fine_tracks|fine_advected (branch cmbgrid) */
  if (pg && fb_cmb_photon_grid_from_name(pg, &p, &err) != FB_OK) {
    fprintf(stderr, "%s\n", err.msg);
    return 2;
  }
  if (pg && gl) return 2; /* one or the other */
  printf("secondary photon grid layout: %s\n", pg ? pg : gl ? gl : "default");
  double sink = 0.0;
  for (int r = 0; r < reps; r++) {
    fb_cmb c;
    if (fb_cmb_init(&c, &p, &err) != FB_OK) {
      fprintf(stderr, "%s\n", err.msg);
      return 1;
    }
    for (int i = 0; i < NT; i++) {
      const double tau = 1e6 * pow(1e19, (i + 0.37) / NT);
      fb_cmb_result res;
      const double a = bench_now_s();
      if (fb_cmb_decay_eval(&c, tau, 1e-12, 1.0, &res, &err) != FB_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
      per[np++] = bench_now_s() - a;
      sink += res.mu + res.y;
    }
    fb_cmb_free(&c);
    /* isolated point */
    const double a = bench_now_s();
    if (fb_cmb_init(&c, &p, &err) != FB_OK) return 1;
    fb_cmb_result res;
    if (fb_cmb_decay_eval(&c, 3.3e9, 1e-12, 0.8, &res, &err) != FB_OK) return 1;
    fb_cmb_free(&c);
    iso[r] = bench_now_s() - a;
    sink += res.mu;
    double Y;
    const double b = bench_now_s();
    if (fb_cmb_yield_from_n_over_ngamma(1e-10, 10.0, 1e9, &Y, &err) != FB_OK) {
      fprintf(stderr, "%s\n", err.msg);
      return 1;
    }
    conv[r] = bench_now_s() - b;
    sink += Y;
  }
  /* 4. deposition kernel */
  static const double Ek[] = {1e-6, 1e-4, 1e-2, 1.0, 100.0, -1e-2, -1.0}; /* negative: e+e- pair of that energy (the
                                                                           first pair builds the positronium kernel) */
  enum { NK = sizeof Ek / sizeof Ek[0] };
  double *kset = malloc(sizeof(double) * (size_t)reps), *kern = malloc(sizeof(double) * NK * (size_t)reps);
  if (!kset || !kern) return 1;
  for (int r = 0; r < reps; r++) {
    fb_cmb c;
    if (fb_cmb_init(&c, &p, &err) != FB_OK) return 1;
    const double a = bench_now_s();
    if (fb_cmb_set_photon_energy(&c, 1e-7, &err) != FB_OK) {
      fprintf(stderr, "%s\n", err.msg);
      return 1;
    }
    kset[r] = bench_now_s() - a;
    for (int i = 0; i < NK; i++) {
      const double b = bench_now_s();
      const int rc = Ek[i] > 0 ? fb_cmb_set_photon_energy(&c, Ek[i], &err) : fb_cmb_set_pair_energy(&c, -Ek[i], &err);
      if (rc != FB_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
      kern[i * reps + r] = bench_now_s() - b;
    }
    fb_cmb_free(&c);
  }
  printf("deposition kernel: set-up + first kernel (100 eV): median %.1f ms\n", 1e3 * bench_median(kset, (size_t)reps));
  for (int i = 0; i < NK; i++)
    printf("deposition kernel %s %g GeV: median %.1f ms\n", Ek[i] > 0 ? "photon" : "pair", fabs(Ek[i]),
           1e3 * bench_median(kern + i * reps, (size_t)reps));
  free(kset);
  free(kern);
  /* 5. mixed-channel kernel */
  static const struct {
    const char *model;
    double m;
  } mix[] = {{"bc1", 0.5}, {"bc1", 1.0}, {"bc11", 0.6}, {"bc1", 0.7}};
  enum { NX = sizeof mix / sizeof mix[0] };
  double *kmix = malloc(sizeof(double) * NX * (size_t)reps), *kspec = malloc(sizeof(double) * (size_t)reps);
  if (!kmix || !kspec) return 1;
  for (int r = 0; r < reps; r++) {
    fb_cmb c;
    if (fb_cmb_init(&c, &p, &err) != FB_OK) return 1;
    for (int i = 0; i < NX; i++) {
      fb_cmb_dep_spectrum sp;
      double fc;
      const double a = bench_now_s();
      if (fb_cmb_fip_spectrum(mix[i].model, mix[i].m, &sp, &fc, &err) != FB_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
      if (i == 0) kspec[r] = bench_now_s() - a;
      if (fb_cmb_set_spectrum(&c, &sp, &err) != FB_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
      }
      kmix[i * reps + r] = bench_now_s() - a;
    }
    fb_cmb_free(&c);
  }
  for (int i = 0; i < NX; i++)
    printf("mixed-channel kernel %s %g GeV (spectrum + kernel%s): median %.1f ms\n", mix[i].model, mix[i].m,
           i == 0 ? ", first: positronium and cached photon kernels built" : "", 1e3 * bench_median(kmix + i * reps, (size_t)reps));
  printf("injected spectrum from the decay record (bc1 0.5 GeV): median %.2f ms\n", 1e3 * bench_median(kspec, (size_t)reps));
  free(kmix);
  free(kspec);
  printf("fb_cmb_decay_eval, new lifetime (40 lifetimes 1e6-1e25 s x %d): median %.3f ms\n", reps,
         1e3 * bench_median(per, np));
  printf("isolated point (init + eval): median %.3f ms\n", 1e3 * bench_median(iso, (size_t)reps));
  printf("n/n_gamma -> Y conversion (g_* table + t(T0)): median %.1f ms\n", 1e3 * bench_median(conv, (size_t)reps));
  printf("(checksum %.6e)\n", sink);
  free(per);
  free(iso);
  free(conv);
  return 0;
}
