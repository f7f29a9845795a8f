/* Electromagnetic cascade and photodisintegration after BBN (issue 15): median CPU time of one
 * cascade spectrum (T = 1e-4 MeV) per injection energy, and of one isolated photodisintegration
 * point (bbn_photodis_evolve: all the spectra on its temperature grid + the abundance evolution)
 * per mass, with the default grids; one core. docs/performance.md ("Late decays"). */
#include <math.h>
#include <stdio.h>

#include "bbn.h"
#include "bbn_photodis.h"
#include "bench_util.h"

int main(void) {
  bench_clock_init();
  fb_err err;
  bbn_cascade_ws ws;
  if (bbn_cascade_ws_init(&ws, &err) != FB_OK) return 1;
  bbn_tables tab;
  if (bbn_tables_init(&tab, &err) != FB_OK) return 1;
  bbn_params par;
  bbn_params_default(&par);
  bbn_result r;
  if (bbn_solve(&tab, &par, &r, &err) != FB_OK) return 1;
  printf("clock: %s\n", bench_clock_name());
  bbn_cascade_bg bg;
  bbn_cascade_background(1e-4, r.eta, r.Y[BBN_P], r.Y[BBN_HE4], &bg, &err);
  bbn_cascade_opts o;
  bbn_cascade_opts_default(&o);
  const double E0[] = {5.0, 50.0, 500.0};
  for (int k = 0; k < 3; k++) {
    double t[5];
    for (int rep = 0; rep < 5; rep++) {
      bbn_cascade_spec sp;
      const double a = bench_now_s();
      if (bbn_cascade_solve(&ws, &bg, E0[k], 2.0, 0.0, &o, &sp, &err) != FB_OK) return 1;
      t[rep] = bench_now_s() - a;
      bbn_cascade_spec_free(&sp);
    }
    printf("cascade spectrum E0 = %6.1f MeV (%d per decade): median %.3f s\n", E0[k], o.n_per_decade,
           bench_median(t, 5));
  }
  const double m[] = {0.01, 0.1, 1.0}, tau[] = {1e6, 1e8, 1e10};
  for (int k = 0; k < 3; k++) {
    double t[3];
    bbn_photodis_result q;
    for (int rep = 0; rep < 3; rep++) {
      bbn_photodis_params p;
      bbn_photodis_params_default(&p);
      p.mass_GeV = m[k];
      p.tau_s = tau[k];
      p.nX_over_s = 1e-11 / m[k];
      p.br_photon = 1.0;
      p.eta = r.eta;
      const double a = bench_now_s();
      if (bbn_photodis_evolve(&ws, &p, r.Y, &q, &err) != FB_OK) return 1;
      t[rep] = bench_now_s() - a;
    }
    printf("photodisintegration point m = %5.2f GeV tau = %.0e s (%d spectra): median %.3f s\n", m[k],
           tau[k], q.n_spectra, bench_median(t, 3));
  }
  /* A plane column as the scan models do it (fb_model_photodis.c): one table per mass, 100 lifetimes
   * 1e4-1e12 s at one abundance; per-point cost = (table + 100 evolutions) / 100. */
  for (int k = 0; k < 3; k++) {
    bbn_photodis_params p;
    bbn_photodis_params_default(&p);
    p.mass_GeV = m[k];
    p.nX_over_s = 1e-12 / m[k];
    p.br_photon = 1.0;
    p.eta = r.eta;
    bbn_photodis_table tb;
    const double a = bench_now_s();
    if (bbn_photodis_table_init(&tb, &p, r.Y, &err) != FB_OK) return 1;
    for (int j = 0; j < 100; j++) {
      bbn_photodis_result q;
      p.tau_s = 1e4 * pow(1e8, j / 99.0);
      if (bbn_photodis_evolve_table(&ws, &tb, &p, r.Y, &q, &err) != FB_OK) return 1;
    }
    const double dt = bench_now_s() - a;
    printf("plane column m = %5.2f GeV, 100 lifetimes 1e4-1e12 s (%d spectra): %.3f s, %.4f s per point\n", m[k],
           tb.n_spectra, dt, dt / 100.0);
    bbn_photodis_table_free(&tb);
  }
  /* Continuous injected spectra (bbn_em_injection.h): the same plane column for X -> pi0 pi0, X -> mu+ mu-
   * and X -> K K (the chains in flight), m_X = 1.2 GeV (E = 600 MeV each); the binning of the source is part of each node. */
  const int cls[] = {FB_DC_PI0, FB_DC_MUON, FB_DC_KAON};
  const char *cname[] = {"pi0 pi0", "mu+ mu-", "K K"};
  for (int k = 0; k < 3; k++) {
    bbn_em_injection inj;
    bbn_em_injection_init(&inj, 1200.0);
    if (bbn_em_injection_add_particle(&inj, cls[k], 600.0, 2.0, &err) != FB_OK) return 1;
    bbn_photodis_params p;
    bbn_photodis_params_default(&p);
    p.mass_GeV = 1.2;
    p.nX_over_s = 1e-12 / 1.2;
    p.inj = &inj;
    p.eta = r.eta;
    bbn_photodis_table tb;
    const double a = bench_now_s();
    if (bbn_photodis_table_init(&tb, &p, r.Y, &err) != FB_OK) return 1;
    for (int j = 0; j < 100; j++) {
      bbn_photodis_result q;
      p.tau_s = 1e4 * pow(1e8, j / 99.0);
      if (bbn_photodis_evolve_table(&ws, &tb, &p, r.Y, &q, &err) != FB_OK) return 1;
    }
    const double dt = bench_now_s() - a;
    printf("plane column X -> %s, m = 1.2 GeV (%d components), 100 lifetimes (%d spectra): %.3f s, %.4f s per point\n",
           cname[k], inj.n_comp, tb.n_spectra, dt, dt / 100.0);
    bbn_photodis_table_free(&tb);
    bbn_em_injection_free(&inj);
  }
  bbn_tables_free(&tab);
  bbn_cascade_ws_free(&ws);
  return 0;
}
