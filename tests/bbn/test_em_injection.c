/**
 * @file test_em_injection.c
 * @brief Injected photon and e+- spectra of late decays (src/bbn/bbn_em_injection.c, issue 15) and
 *        the photodisintegration they cause.
 *
 * References: closed forms (numbers and energies of each spectral shape, energy conservation of the
 * decay chains, the moments of the Michel spectrum <x> = 7/10, <x^2> = 8/15 with x = 2E/m_mu for
 * rho = 3/4, m_e = 0, PDG 2024 "Muon decay parameters"; an isotropic boost multiplies <E> by gamma and
 * <E^2> by gamma^2 (1 + beta^2/3)); the pi+ -> mu nu -> e chain at rest (<E_e> = 0.35 E*_mu); the
 * cascade solved for lines through the general source path (identical to bbn_cascade_solve); and
 * ACROPOLIS v1.2.2 (arXiv:2011.06518, run side by side, lines only) for superpositions of lines that
 * stand for a pi0-type and a mu-type injection (tests/bbn/data/acropolis_v1.2.2_superposition.tsv,
 * tools/acropolis_superposition.py): the same superposition in our code within 10% of ACROPOLIS's
 * change of D/H and 3He/H (issue 15's target), and our continuous injection within 5% of our
 * superposition (quadrature and non-linearity of the summed small changes).
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>

#include "bbn.h"
#include "bbn_em_injection.h"
#include "bbn_photodis.h"
#include "fb_constants.h"
#include "fb_fip.h"

#define MMU (FB_MMU_GEV * 1e3)
#define MPI (FB_MPI_CHARGED_GEV * 1e3)
#define MPI0 (FB_MPI0_GEV * 1e3)

static bbn_cascade_ws WS;

/* int_lo^hi E^p dN/dE dE by adaptive quadrature with the kink of a boosted Michel spectrum as a break */
typedef struct { const bbn_inj_comp *c; int p; } mom_ctx;
static double mom_f(double E, void *u) {
  const mom_ctx *m = u;
  return pow(E, m->p) * bbn_inj_comp_dnde(m->c, E);
}
static double moment(const bbn_inj_comp *c, int p, double lo, double hi, double brk) {
  gsl_integration_workspace *w = gsl_integration_workspace_alloc(2000);
  mom_ctx m = {c, p};
  gsl_function F = {mom_f, &m};
  double pts[3] = {lo, brk, hi}, r, e;
  if (brk > lo && brk < hi)
    gsl_integration_qagp(&F, pts, 3, 0.0, 1e-12, 2000, w, &r, &e);
  else
    gsl_integration_qags(&F, lo, hi, 0.0, 1e-12, 2000, w, &r, &e);
  gsl_integration_workspace_free(w);
  return r;
}

START_TEST(test_shapes_closed_form) {
  /* BOX, SHAPE3 (a = 0, 0.37, 1), MICHEL at rest and boosted (gamma = 1.3, 4.7, 38): number and energy
   * to 1e-6 of the closed forms */
  const double Emu[] = {MMU, 1.3 * MMU, 4.7 * MMU, 38.0 * MMU};
  for (int i = 0; i < 4; i++) {
    const bbn_inj_comp c = {1, BBN_INJ_MICHEL, 1.7, Emu[i], 0.0};
    double lo, hi;
    bbn_inj_comp_support(&c, &lo, &hi);
    const double g = Emu[i] / MMU, b = sqrt(1 - 1 / (g * g)), kink = g * (1 - b) * 0.5 * MMU;
    const double N = moment(&c, 0, 0.0, hi, kink), E1 = moment(&c, 1, 0.0, hi, kink), E2 = moment(&c, 2, 0.0, hi, kink);
    /* rest frame: <x> = 7/10, <x^2> = 8/15, x = E/W, W = m/2; boosted: <E> gamma, <E^2> gamma^2 (1 + beta^2/3) */
    const double W = 0.5 * MMU, mE = 0.7 * W * g, mE2 = 8.0 / 15.0 * W * W * g * g * (1.0 + b * b / 3.0);
    printf("Michel gamma %.2f: N %.9f <E> %.6f (%.6f) <E^2> %.4f (%.4f) MeV\n", g, N / 1.7, E1 / N, mE, E2 / N, mE2);
    ck_assert_msg(fabs(N / 1.7 - 1) < 1e-6, "Michel number %g", N / 1.7);
    ck_assert_msg(fabs(E1 / N / mE - 1) < 1e-6, "Michel <E> %g vs %g", E1 / N, mE);
    ck_assert_msg(fabs(E2 / N / mE2 - 1) < 1e-6, "Michel <E^2> %g vs %g", E2 / N, mE2);
    ck_assert(fabs(bbn_inj_comp_energy_MeV(&c) / E1 - 1) < 1e-6);
  }
  const double mix[] = {0.0, 0.37, 1.0};
  for (int i = 0; i < 3; i++) {
    const bbn_inj_comp c = {1, BBN_INJ_SHAPE3, 0.8, 123.4, mix[i]};
    const double N = moment(&c, 0, 0.0, 123.4, -1), E1 = moment(&c, 1, 0.0, 123.4, -1);
    ck_assert_msg(fabs(N / 0.8 - 1) < 1e-6, "shape3 number %g", N);
    ck_assert_msg(fabs(E1 / bbn_inj_comp_energy_MeV(&c) - 1) < 1e-6, "shape3 energy");
    ck_assert(fabs(E1 / N / (123.4 * (0.6 + 0.1 * mix[i])) - 1) < 1e-6);
  }
  const bbn_inj_comp box = {0, BBN_INJ_BOX, 2.0, 16.03, 283.97};
  ck_assert(fabs(moment(&box, 0, 16.03, 283.97, -1) / 2.0 - 1) < 1e-6);
  ck_assert(fabs(moment(&box, 1, 16.03, 283.97, -1) / bbn_inj_comp_energy_MeV(&box) - 1) < 1e-6);
  /* FSR of an e+e- line at E0 = 150 MeV: the closed-form energy against quadrature (above 1e-9 E0) */
  const bbn_inj_comp fsr = {0, BBN_INJ_FSR, 1.0, 150.0, FB_ME_GEV * 1e3};
  const double y = pow(FB_ME_GEV * 1e3 / 300.0, 2);
  const double Ef = moment(&fsr, 1, 1e-9 * 150.0, 150.0 * (1 - y), -1);
  printf("FSR energy fraction of the line: %.6e (quadrature %.6e)\n", bbn_inj_comp_energy_MeV(&fsr) / 300.0, Ef / 300.0);
  ck_assert_msg(fabs(Ef / bbn_inj_comp_energy_MeV(&fsr) - 1) < 1e-6, "FSR energy %g vs %g", Ef,
                bbn_inj_comp_energy_MeV(&fsr));
}
END_TEST

static double f_sum(const bbn_em_injection *j) { return j->f_gamma + j->f_e + j->f_nu + j->f_inv + j->f_not_cascaded; }

START_TEST(test_chains_energy) {
  fb_err err;
  /* each particle alone, in a "decay" of mass 1 GeV: the fractions add up to E / 1 GeV */
  const int cls[] = {FB_DC_PI0, FB_DC_MUON, FB_DC_PI_CHARGED, FB_DC_KAON, FB_DC_KAON, FB_DC_PI_CHARGED, FB_DC_TAU};
  const double E[] = {412.3, 287.1, 139.57039, 497.611, 733.0, 951.2, 1777.0};
  for (int i = 0; i < 7; i++) {
    bbn_em_injection j;
    bbn_em_injection_init(&j, 2000.0);
    ck_assert(bbn_em_injection_add_particle(&j, cls[i], E[i], 1.0, &err) == FB_OK);
    printf("class %-10s E %7.2f MeV: photons %.4f e %.4f nu %.4f other %.4f of E (%d components)\n",
           fb_decay_class_name(cls[i]), E[i], j.f_gamma * 2000 / E[i], j.f_e * 2000 / E[i], j.f_nu * 2000 / E[i],
           j.f_not_cascaded * 2000 / E[i], j.n_comp);
    ck_assert_msg(fabs(f_sum(&j) * 2000.0 / E[i] - 1) < 1e-9, "energy of %s: %.12f", fb_decay_class_name(cls[i]),
                  f_sum(&j) * 2000.0 / E[i]);
    /* a pi+- at rest: mu at E* = (m_pi^2 + m_mu^2)/(2 m_pi), e with 0.35 of it */
    if (cls[i] == FB_DC_PI_CHARGED && E[i] == 139.57039)
      ck_assert(fabs(j.f_e * 2000.0 / (0.35 * (MPI * MPI + MMU * MMU) / (2 * MPI)) - 1) < 1e-9);
    if (cls[i] == FB_DC_PI0) ck_assert(fabs(j.f_gamma * 2000.0 / E[i] - 1) < 1e-12);
    if (cls[i] == FB_DC_MUON) ck_assert(fabs(j.f_e * 2000.0 / E[i] - 0.35) < 1e-12);
    bbn_em_injection_free(&j);
  }
}
END_TEST

static int record(const char *fip, double m, double g, fb_decay *d, fb_err *err) {
  const fb_fip_ops *ops = fb_fip_find(fip, NULL);
  fb_config cfg;
  void *st = NULL;
  FB_CALL(err, fb_fip_config_default(ops, &cfg, err));
  if (ops->init) FB_CALL(err, ops->init(&st, &cfg, err));
  const int rc = ops->decay(st, m, g, d, err);
  if (ops->free) ops->free(st);
  fb_config_free(&cfg);
  return rc;
}

START_TEST(test_records) {
  fb_err err;
  const struct { const char *fip; double m, g; } P[] = {
      {"bc1", 0.01, 1e-14}, {"bc1", 0.35, 1e-14}, {"bc1", 0.9, 1e-14}, {"bc9", 0.02, 1e-12}, {"bc9", 0.8, 1e-12},
      {"bc6", 0.05, 1e-10}, {"bc6", 0.3, 1e-10}, {"bc7", 0.6, 1e-10}, {"bc8", 0.9, 1e-10}};
  for (size_t i = 0; i < sizeof P / sizeof P[0]; i++) {
    fb_decay d;
    ck_assert_msg(record(P[i].fip, P[i].m, P[i].g, &d, &err) == FB_OK, "%s", err.msg);
    bbn_em_injection j;
    ck_assert_msg(bbn_em_injection_from_record(&d, 1, &j, &err) == FB_OK, "%s", err.msg);
    printf("%s m = %g GeV: photons %.4f e %.4f nu %.4f inv %.4f not cascaded %.4f (BR %.3f); lines g %.3f ee %.3f; "
           "%d components, E_max %.1f MeV\n", P[i].fip, P[i].m, j.f_gamma, j.f_e, j.f_nu, j.f_inv, j.f_not_cascaded,
           j.br_not_cascaded, j.br_line_photon, j.br_line_ee, j.n_comp, j.E_max_MeV);
    ck_assert_msg(fabs(f_sum(&j) - 1) < 1e-6, "%s m = %g: energy fractions add up to %.9f", P[i].fip, P[i].m, f_sum(&j));
    ck_assert(j.E_max_MeV <= 0.5 * P[i].m * 1e3 * (1 + 1e-12));
    if (i == 0) { /* a 10 MeV dark photon: the e+e- line with its FSR, nothing else */
      bbn_em_injection l;
      ck_assert(bbn_em_injection_lines(&l, 10.0, 0.0, 1.0, 1, &err) == FB_OK);
      ck_assert(bbn_em_injection_equal(&j, &l));
      bbn_em_injection_free(&l);
    }
    /* the same injection at another coupling (widths ~ coupling^n: the plane's per-mass table is reused) */
    fb_decay d2;
    ck_assert(record(P[i].fip, P[i].m, P[i].g * 0.0371, &d2, &err) == FB_OK);
    bbn_em_injection j2;
    ck_assert(bbn_em_injection_from_record(&d2, 1, &j2, &err) == FB_OK);
    ck_assert_msg(bbn_em_injection_equal(&j, &j2), "%s m = %g: injection changes with the coupling", P[i].fip, P[i].m);
    bbn_em_injection_free(&j2);
    bbn_em_injection_free(&j);
  }
}
END_TEST

/* Binning: numbers exact, energy to O(dy^2), for a pi0 + mu + K mixture */
START_TEST(test_binning) {
  fb_err err;
  bbn_em_injection j;
  bbn_em_injection_init(&j, 1000.0);
  ck_assert(bbn_em_injection_add_particle(&j, FB_DC_PI0, 400.0, 1.0, &err) == FB_OK);
  ck_assert(bbn_em_injection_add_particle(&j, FB_DC_MUON, 300.0, 1.0, &err) == FB_OK);
  ck_assert(bbn_em_injection_add_particle(&j, FB_DC_KAON, 300.0, 1.0, &err) == FB_OK);
  bbn_cascade_opts o;
  bbn_cascade_opts_default(&o);
  o.n_per_decade = 40;
  int n;
  double dy;
  ck_assert(bbn_cascade_grid(j.E_max_MeV, &o, &n, &dy, &err) == FB_OK);
  double E[400], Sg[400], Se[400];
  ck_assert(n < 400);
  for (int i = 0; i < n; i++) E[i] = o.E_min_MeV * exp(i * dy);
  E[n - 1] = j.E_max_MeV;
  ck_assert(bbn_em_injection_bin(&j, E, n, dy, Sg, Se, &err) == FB_OK);
  /* reference: particles and energy above E_min (quadrature of each component) */
  double N_ref[2] = {0, 0}, E_ref[2] = {0, 0}, N_bin[2] = {0, 0}, E_bin[2] = {0, 0};
  for (int c = 0; c < j.n_comp; c++) {
    double lo, hi;
    bbn_inj_comp_support(&j.c[c], &lo, &hi);
    if (j.c[c].kind == BBN_INJ_LINE) {
      if (j.c[c].a > o.E_min_MeV) { N_ref[j.c[c].species] += j.c[c].n; E_ref[j.c[c].species] += j.c[c].n * j.c[c].a; }
      continue;
    }
    lo = fmax(lo, o.E_min_MeV);
    if (!(hi > lo)) continue;
    double kink = -1;
    if (j.c[c].kind == BBN_INJ_MICHEL) {
      const double g = j.c[c].a / MMU, b = sqrt(1 - 1 / (g * g));
      kink = g * (1 - b) * 0.5 * MMU;
    }
    N_ref[j.c[c].species] += moment(&j.c[c], 0, lo, hi, kink);
    E_ref[j.c[c].species] += moment(&j.c[c], 1, lo, hi, kink);
  }
  for (int i = 0; i < n; i++) {
    N_bin[0] += Sg[i]; N_bin[1] += Se[i];
    E_bin[0] += Sg[i] * E[i]; E_bin[1] += Se[i] * E[i];
  }
  for (int s = 0; s < 2; s++) {
    printf("%s: number %.6f (above E_min %.6f), energy %.4f (%.4f) MeV\n", s ? "e+-" : "photons", N_bin[s], N_ref[s],
           E_bin[s], E_ref[s]);
    /* the tent of node 0 reaches below E_min: up to the particles in [E_min e^-dy, E_min] more */
    ck_assert_msg(N_bin[s] >= N_ref[s] * (1 - 1e-6) && N_bin[s] < N_ref[s] * 1.02, "number %g vs %g", N_bin[s], N_ref[s]);
    ck_assert_msg(fabs(E_bin[s] / E_ref[s] - 1) < 2e-3, "energy %g vs %g", E_bin[s], E_ref[s]);
  }
  bbn_em_injection_free(&j);
}
END_TEST

/* The general source path with the lines in the top node reproduces bbn_cascade_solve exactly. */
START_TEST(test_source_path_identical) {
  fb_err err;
  bbn_cascade_bg bg;
  ck_assert(bbn_cascade_background(3e-4, 6.1e-10, 0.75, 0.062, &bg, &err) == FB_OK);
  bbn_cascade_opts o;
  bbn_cascade_opts_default(&o);
  o.n_per_decade = 40;
  bbn_cascade_spec a, b;
  ck_assert(bbn_cascade_solve(&WS, &bg, 50.0, 0.6, 1.4, &o, &a, &err) == FB_OK);
  bbn_em_injection j;
  ck_assert(bbn_em_injection_lines(&j, 100.0, 0.3, 0.7, 1, &err) == FB_OK);
  double E[400], Sg[400], Se[400];
  for (int i = 0; i < a.n; i++) E[i] = a.E_MeV[i];
  ck_assert(bbn_em_injection_bin(&j, E, a.n, a.dy, Sg, Se, &err) == FB_OK);
  ck_assert(bbn_cascade_solve_source(&WS, &bg, 50.0, Sg, Se, &o, &b, &err) == FB_OK);
  ck_assert_int_eq(a.n, b.n);
  for (int i = 0; i < a.n; i++) {
    ck_assert_msg(a.N_gamma[i] == b.N_gamma[i] && a.N_e[i] == b.N_e[i], "node %d: %g %g", i, a.N_gamma[i], b.N_gamma[i]);
  }
  bbn_cascade_spec_free(&a);
  bbn_cascade_spec_free(&b);
  bbn_em_injection_free(&j);
}
END_TEST

START_TEST(test_stopping) {
  /* decays in flight after 1e4 s: energy lost over one decay length / energy (header) */
  const double eta = 6.1e-10;
  const double r_mu3_10 = bbn_em_injection_stopping_ratio(MMU, 3.0, FB_TAU_MU_S, 1e-2, eta);
  const double r_mu3 = bbn_em_injection_stopping_ratio(MMU, 3.0, FB_TAU_MU_S, 3e-3, eta);
  const double r_mu10 = bbn_em_injection_stopping_ratio(MMU, 10.0, FB_TAU_MU_S, 1e-3, eta);
  const double r_pi10 = bbn_em_injection_stopping_ratio(MPI, 10.0, FB_TAU_PI_CHARGED_S, 1e-2, eta);
  const double r_mu_bbn = bbn_em_injection_stopping_ratio(MMU, 1.5, FB_TAU_MU_S, 1.0, eta);
  printf("stopping/decay: mu gamma 3 T 10 keV %.2e, T 3 keV %.2e; mu gamma 10 T 1 keV %.2e; pi gamma 10 T 10 keV %.2e; "
         "mu gamma 1.5 at T = 1 MeV %.2e\n", r_mu3_10, r_mu3, r_mu10, r_pi10, r_mu_bbn);
  /* photodisintegration starts at T < 5 keV (E_C = m_e^2/(22 T) > 2.2 MeV) */
  ck_assert(r_mu3 < 2e-3 && r_mu10 < 2e-4 && r_pi10 < 1e-2);
  ck_assert(r_mu_bbn > 1.0); /* at BBN temperatures they are stopped first (bbn_decay_record.c) */
}
END_TEST

/* ------------------------------------------------------------------------------------------------
 * Photodisintegration by continuous spectra vs superpositions of lines (ours and ACROPOLIS's)
 * ---------------------------------------------------------------------------------------------- */
typedef struct { char c[8]; double mX, n0tot, m, n0a; int bree, braa; double p, d, he3, li7; } sup_row;
static sup_row SUP[32];
static int N_SUP;

static void load_sup(void) {
  FILE *f = fopen(FB_SOURCE_DIR "/tests/bbn/data/acropolis_v1.2.2_superposition.tsv", "r");
  if (!f) return;
  char line[512];
  while (fgets(line, sizeof line, f) && N_SUP < 32) {
    sup_row *r = &SUP[N_SUP];
    if (line[0] != '#' && sscanf(line, "%7s %lf %lf %lf %lf %d %d %lf %lf %lf %lf", r->c, &r->mX, &r->n0tot, &r->m,
                                 &r->n0a, &r->bree, &r->braa, &r->p, &r->d, &r->he3, &r->li7) == 11)
      N_SUP++;
  }
  fclose(f);
}

/* ACROPOLIS's standard BBN: row 1 of acropolis_v1.2.2_decay.tsv (a 1 MeV particle, below every threshold) */
static void acr_sbbn(double *p, double *d, double *he3, double *li7) {
  FILE *f = fopen(FB_SOURCE_DIR "/tests/bbn/data/acropolis_v1.2.2_decay.tsv", "r");
  ck_assert(f != NULL);
  char line[512];
  double m, tau, T0, n0a, x;
  int bree, braa, ne;
  while (fgets(line, sizeof line, f))
    if (line[0] != '#' && sscanf(line, "%lf %lf %lf %lf %d %d %d %lf %lf %lf %lf %lf", &m, &tau, &T0, &n0a, &bree, &braa, &ne,
                                 p, d, he3, li7, &x) == 12)
      break;
  fclose(f);
  ck_assert(m == 1.0);
}

/* D/H, 3He/H ratios to standard BBN for an injection inj (continuous) of a particle of mass m, tau = 1e6 s */
static void ours_cont(const bbn_result *sb, const bbn_em_injection *inj, double n0a, double *rD, double *rHe) {
  fb_err err;
  bbn_photodis_params p;
  bbn_photodis_params_default(&p);
  p.mass_GeV = inj->mass_MeV * 1e-3;
  p.tau_s = 1e6;
  p.inj = inj;
  p.eta = sb->eta;
  ck_assert(bbn_late_decay_nX_over_s(n0a, 10.0, &p.nX_over_s, &err) == FB_OK);
  bbn_photodis_result r;
  ck_assert_msg(bbn_photodis_evolve(&WS, &p, sb->Y, &r, &err) == FB_OK, "%s", err.msg);
  *rD = r.D_H / sb->D_H;
  *rHe = r.He3_H / sb->He3_H;
}

/* Our continuous injection against our own superposition of n Gauss-Legendre lines over the same spectrum
 * (the cascade is linear in the source; the photodisintegration response is linear for small changes):
 * X -> pi0 pi0 (photon box) and X -> mu+ mu- (boosted Michel e+-), m_X = 600 / 400 MeV, tau = 1e6 s. */
static void line_superposition(const bbn_result *sb, int k, int nn, double n0, double *dD, double *dHe) {
  fb_err err;
  gsl_integration_glfixed_table *t = gsl_integration_glfixed_table_alloc((size_t)nn);
  *dD = *dHe = 0.0;
  double seg[3], mX;
  int nseg;
  if (k == 0) {
    mX = 600.0;
    const double g = 300.0 / MPI0, b = sqrt(1 - 1 / (g * g));
    seg[0] = 150.0 * (1 - b); seg[1] = 150.0 * (1 + b); nseg = 1;
  } else {
    mX = 400.0;
    const double g = 200.0 / MMU, b = sqrt(1 - 1 / (g * g));
    seg[0] = 3.0; seg[1] = g * (1 - b) * 0.5 * MMU; seg[2] = g * (1 + b) * 0.5 * MMU; nseg = 2;
  }
  const bbn_inj_comp c = k == 0 ? (bbn_inj_comp){0, BBN_INJ_BOX, 4.0, seg[0], seg[1]}
                                : (bbn_inj_comp){1, BBN_INJ_MICHEL, 2.0, 200.0, 0.0};
  for (int s = 0; s < nseg; s++)
    for (size_t q = 0; q < t->n; q++) {
      double E, w;
      gsl_integration_glfixed_point(seg[s], seg[s + 1], q, &E, &w, t);
      const double nq = w * bbn_inj_comp_dnde(&c, E); /* particles per X decay at E */
      bbn_em_injection j;
      ck_assert(bbn_em_injection_lines(&j, 2.0 * E, k == 0 ? 0.5 * nq : 0.0, k == 0 ? 0.0 : 0.5 * nq, 0, &err) == FB_OK);
      j.mass_MeV = mX; /* per decay of X: only the spectrum matters */
      double rD, rHe;
      ours_cont(sb, &j, n0, &rD, &rHe);
      *dD += rD - 1;
      *dHe += rHe - 1;
      bbn_em_injection_free(&j);
    }
  gsl_integration_glfixed_table_free(t);
  (void)mX;
}

START_TEST(test_superposition_internal) {
  fb_err err;
  bbn_tables tab;
  ck_assert(bbn_tables_init(&tab, &err) == FB_OK);
  bbn_params par;
  bbn_params_default(&par);
  par.omega_b_h2 = 0.02242;
  bbn_result sb;
  ck_assert(bbn_solve(&tab, &par, &sb, &err) == FB_OK);
  const double n0[2] = {1e-10, 2e-10};
  for (int k = 0; k < 2; k++) {
    bbn_em_injection j;
    bbn_em_injection_init(&j, k == 0 ? 600.0 : 400.0);
    ck_assert(bbn_em_injection_add_particle(&j, k == 0 ? FB_DC_PI0 : FB_DC_MUON, 0.5 * j.mass_MeV, 2.0, &err) == FB_OK);
    double rD, rHe;
    ours_cont(&sb, &j, n0[k], &rD, &rHe);
    bbn_em_injection_free(&j);
    double dD12, dHe12;
    line_superposition(&sb, k, 12, n0[k], &dD12, &dHe12);
    printf("%s: change of D/H continuous %+.5f, 12-node lines %+.5f; 3He/H %+.5f, %+.5f\n", k ? "mu" : "pi0", rD - 1,
           dD12, rHe - 1, dHe12);
    /* 5%: the 6- and 12-node superpositions themselves differ by up to 9% (pi0 3He/H: the response to a line
     * is not smooth in its energy), the continuous injection lies between them */
    ck_assert_msg(fabs((rD - 1) / dD12 - 1) < 0.05, "D/H: continuous %g lines %g", rD - 1, dD12);
    ck_assert_msg(fabs((rHe - 1) / dHe12 - 1) < 0.05, "3He/H: continuous %g lines %g", rHe - 1, dHe12);
  }
  bbn_tables_free(&tab);
}
END_TEST

START_TEST(test_superposition_acropolis) {
  if (N_SUP == 0) {
    printf("SKIP: tests/bbn/data/acropolis_v1.2.2_superposition.tsv absent\n");
    return;
  }
  fb_err err;
  bbn_tables tab;
  ck_assert(bbn_tables_init(&tab, &err) == FB_OK);
  double ap, ad, ahe, ali;
  acr_sbbn(&ap, &ad, &ahe, &ali);
  const char *cases[2] = {"pi0", "mu"};
  for (int k = 0; k < 2; k++) {
    /* every line of the case present (tools/acropolis_superposition.py): photons 2 per line decay = 4 per X
     * decay (pi0); e+- above 3 MeV ~ all of the 2 per X decay (mu) */
    double wsum = 0.0, n0 = 0.0, mX = 0.0;
    int nl = 0;
    for (int i = 0; i < N_SUP; i++)
      if (strcmp(SUP[i].c, cases[k]) == 0) {
        wsum += SUP[i].n0a;
        n0 = SUP[i].n0tot;
        mX = SUP[i].mX;
        nl++;
      }
    const int complete = nl > 0 && (k == 0 ? fabs(wsum / (2.0 * n0) - 1) < 1e-6 : (wsum / n0 > 0.95 && wsum / n0 < 1.0 + 1e-9));
    if (!complete) {
      printf("SKIP %s: %d lines in acropolis_v1.2.2_superposition.tsv, incomplete\n", cases[k], nl);
      continue;
    }
    /* sums of the changes over the lines: ours (eval late-decay, as test_photodis) and ACROPOLIS's */
    double dD_o = 0, dHe_o = 0, dD_a = 0, dHe_a = 0;
    bbn_result sb;
    for (int i = 0; i < N_SUP; i++) {
      const sup_row *r = &SUP[i];
      if (strcmp(r->c, cases[k]) != 0) continue;
      bbn_late_decay_in in = {r->m * 1e-3, 1e6, r->n0a, 10.0, (double)r->braa, (double)r->bree, 0.02242, 0, BBN_PD_WINDOW_FULL};
      bbn_late_decay_out o;
      ck_assert_msg(bbn_late_decay_eval(&tab, &WS, &in, &o, &err) == FB_OK, "%s", err.msg);
      dD_o += o.after.D_H / o.sbbn.D_H - 1;
      dHe_o += o.after.He3_H / o.sbbn.He3_H - 1;
      dD_a += (r->d / r->p) / (ad / ap) - 1;
      dHe_a += (r->he3 / r->p) / (ahe / ap) - 1;
      printf("  line m = %7.2f MeV (%s): change of D/H ours %+.5f ACROPOLIS %+.5f; 3He/H ours %+.5f ACROPOLIS %+.5f\n",
             r->m, r->braa ? "gamma gamma" : "e+e-", o.after.D_H / o.sbbn.D_H - 1, (r->d / r->p) / (ad / ap) - 1,
             o.after.He3_H / o.sbbn.He3_H - 1, (r->he3 / r->p) / (ahe / ap) - 1);
      sb = o.sbbn;
    }
    /* our continuous injection of the same case */
    bbn_em_injection j;
    bbn_em_injection_init(&j, mX);
    if (k == 0) ck_assert(bbn_em_injection_add_particle(&j, FB_DC_PI0, 0.5 * mX, 2.0, &err) == FB_OK);
    else ck_assert(bbn_em_injection_add_particle(&j, FB_DC_MUON, 0.5 * mX, 2.0, &err) == FB_OK);
    double rD, rHe;
    ours_cont(&sb, &j, n0, &rD, &rHe);
    bbn_em_injection_free(&j);
    printf("%s (m_X = %g MeV, n0a = %g, tau = 1e6 s, %d lines): change of D/H ACROPOLIS lines %+.4f, ours lines %+.4f, "
           "ours continuous %+.4f; 3He/H %+.4f, %+.4f, %+.4f\n", cases[k], mX, n0, nl, dD_a, dD_o, rD - 1, dHe_a, dHe_o,
           rHe - 1);
    const double a[2] = {dD_a, dHe_a}, o[2] = {dD_o, dHe_o}, c[2] = {rD - 1, rHe - 1};
    /* Tolerances (re-measured 2026-12-07 after the monotone-cubic T interpolation of bbn_photodis): 3He/H
     * ours lines / ACROPOLIS lines 1.064 (pi0), 1.061 (mu): the 10% (was x0.90 / x0.91 with the linear
     * interpolation, our error). D/H x1.23 in both cases, line by line the same: ACROPOLIS's energy grid (its
     * trapezoid keeps 69% of the electrons per inverse-Compton scattering at 2 MeV, T = 1.15 keV, NE_pd = 150);
     * ours against ACROPOLIS extrapolated in its grid: test_photodis test_acropolis_converged (docs/validation.md
     * "The line-level gap of issue 15"). The D tolerance stays at the measured default-grid gap. */
    const double tol_lines[2][2] = {{0.25, 0.10}, {0.25, 0.10}};
    for (int q = 0; q < 2; q++) {
      if (fabs(a[q]) > 0.02) ck_assert_msg(fabs(o[q] / a[q] - 1) < tol_lines[k][q], "%s %s: ours %g ACROPOLIS %g", cases[k],
                                           q ? "3He" : "D", o[q], a[q]);
      /* ours continuous against ACROPOLIS's lines: the same plus the few-node quadrature (<= 4%, rows above) */
      if (fabs(a[q]) > 0.02) ck_assert_msg(fabs(c[q] / a[q] - 1) < tol_lines[k][q] + 0.05, "%s %s: continuous %g ACROPOLIS lines %g",
                                           cases[k], q ? "3He" : "D", c[q], a[q]);
    }
  }
  bbn_tables_free(&tab);
}
END_TEST

/* `test_em_injection` runs the quick checks; `test_em_injection superposition` the photodisintegration
 * comparisons (~35 s CPU, label long). */
int main(int argc, char **argv) {
  gsl_set_error_handler_off();
  fb_err err;
  if (bbn_cascade_ws_init(&WS, &err) != FB_OK) return 1;
  load_sup();
  const int sup = argc > 1 && strcmp(argv[1], "superposition") == 0;
  Suite *s = suite_create("bbn_em_injection");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 1200);
  if (sup) {
    tcase_add_test(tc, test_superposition_internal);
    tcase_add_test(tc, test_superposition_acropolis);
  } else {
    tcase_add_test(tc, test_shapes_closed_form);
    tcase_add_test(tc, test_chains_energy);
    tcase_add_test(tc, test_records);
    tcase_add_test(tc, test_binning);
    tcase_add_test(tc, test_source_path_identical);
    tcase_add_test(tc, test_stopping);
  }
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  bbn_cascade_ws_free(&WS);
  return nf == 0 ? 0 : 1;
}
