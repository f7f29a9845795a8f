/**
 * @file test_sn_mcp.c
 * @brief BC3 millicharged fermion in SN1987A (fb_sn_mcp) and in white dwarfs (fb_rg_mcp_wd_eps_max).
 *        References (docs/validation.md "BC3 white dwarfs and SN1987A"):
 *  - the screened Mott transport cross section against a GSL quadrature of dsigma/dq^2 (q^2/2p^2);
 *  - the off-shell continuum (np bremsstrahlung + e+e- annihilation) against the spectral integral
 *    int dM^2 alpha/(3 pi M^2) (1 + 2m^2/M^2) beta L_A'(M) of the independent BC1 dark-photon tables
 *    (fb_sn_table_compute, its own emission quadrature, in-medium mixing -> 1 for M >> omega_p);
 *  - the plasmon channel against the adaptive quadrature of the red-giant module shell by shell;
 *  - numerical convergence of the band edges (finer radial, energy, direction and path grids);
 *  - the white-dwarf mapping: Q_mu/Q_eps within the plasmon K^2 range [~omega_p^2, 3/2 omega_p^2]/(8 pi alpha);
 *  - the numbers of the Chang, Essig & McDermott arXiv:1803.00993 abstract (tests/stellar/data/bc3_published.tsv):
 *    lower edge within half a decade; the upper edge and mass reach are gaps, pinned at the measured values;
 *  - regressions of the documented values (2 %).
 */
#include <check.h>
#include <gsl/gsl_integration.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_rg_mcp.h"
#include "fb_rratio.h"
#include "fb_sn_mcp.h"

/* ------------------------------------------------------------------ transport cross section */
typedef struct mott_par {
  double E, p2, a;
} mott_par;

/* dsigma/dq^2 (1 - cos theta) per eps^2: 4 pi alpha^2 E^2 (1 - q^2/4E^2)/(p^2 (q^2 + a)^2) x q^2/(2 p^2) */
static double mott_tr(double x, void *vp) {
  const mott_par *p = vp;
  return 4.0 * FB_PI * FB_ALPHA_EM * FB_ALPHA_EM * p->E * p->E * (1.0 - x / (4.0 * p->E * p->E)) /
         (p->p2 * (x + p->a) * (x + p->a)) * x / (2.0 * p->p2);
}

START_TEST(test_sigma_transport) {
  const double cases[4][3] = {{0.05, 1e-4, 1e-4}, {0.05, 0.03, 4e-4}, {0.2, 0.15, 1e-3}, {0.01, 1e-3, 1e-5}};
  gsl_integration_workspace *w = gsl_integration_workspace_alloc(500);
  for (int i = 0; i < 4; i++) {
    double E = cases[i][0], m = cases[i][1], a = cases[i][2];
    mott_par p = {E, E * E - m * m, a};
    gsl_function F = {mott_tr, &p};
    double I, ae;
    gsl_integration_qag(&F, 0.0, 4.0 * p.p2, 0.0, 1e-11, 500, GSL_INTEG_GAUSS41, w, &I, &ae);
    double s = fb_sn_mcp_sigma_tr_GeV2(E, m, a);
    ck_assert_msg(fabs(s / I - 1.0) < 1e-8, "E = %g, m = %g, a = %g: sigma_tr = %.12g, quadrature %.12g", E, m, a, s, I);
  }
  gsl_integration_workspace_free(w);
  ck_assert(fb_sn_mcp_sigma_tr_GeV2(0.01, 0.02, 1e-4) == 0.0); /* below the mass shell */
  /* spectral weight: (1/pi) Gamma(M)/M^3 with Gamma = (alpha M/3)(1 + 2m^2/M^2) beta */
  double M = 0.3, m = 0.1, b = sqrt(1.0 - 4.0 * m * m / (M * M));
  ck_assert(fabs(fb_sn_mcp_spectral_weight_GeV2(M, m) /
                     (FB_ALPHA_EM / (3.0 * FB_PI * M * M) * (1.0 + 2.0 * m * m / (M * M)) * b) - 1.0) < 1e-12);
  ck_assert(fb_sn_mcp_spectral_weight_GeV2(0.19, 0.1) == 0.0);
}
END_TEST

/* ------------------------------------------------------------------ continuum vs the BC1 tables */
typedef struct cont_par {
  const fb_sn_medium *m;
  const fb_rratio *R;
  fb_sn_table *t;
  double mass;
  int rc;
  fb_err *err;
} cont_par;

/* 2 M S(M) L_A'(M)/eps^2 [erg/s/GeV] */
static double cont_integrand(double M, void *vp) {
  cont_par *c = vp;
  int rc = fb_sn_table_compute(c->t, c->m, c->R, M, c->err);
  if (rc != FB_OK) { c->rc = rc; return 0.0; }
  return 2.0 * M * fb_sn_mcp_spectral_weight_GeV2(M, c->mass) * (c->t->L0_T + c->t->L0_L);
}

START_TEST(test_continuum_vs_darkphoton) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_profile p;
  ck_assert_msg(fb_sn_profile_read(&p, "inputs/sn_profile_default.dat", NULL, &err) == FB_OK, "%s", err.msg);
  /* flat space: the A' tables drop A' that cannot climb out of the well, a cut on the pair that differs from
   * the cut on each chi; with lapse = 1 both count all the emission */
  for (size_t i = 0; i < p.n; i++) p.field[FB_SN_LAPSE][i] = 1.0;
  fb_sn_options o;
  fb_sn_options_default(&o);
  o.absorption = o.decays = 0; /* emission only */
  o.semi_compton = 0;
  o.coalescence = 1;
  o.medium_electron_mass = 0; /* the same vacuum electron mass in both */
  fb_sn_medium m;
  ck_assert_msg(fb_sn_medium_init(&m, &p, &o, &err) == FB_OK, "%s", err.msg);
  fb_rratio R;
  ck_assert(fb_rratio_init(&R, &err) == FB_OK);
  fb_sn_table tA, tX;
  memset(&tA, 0, sizeof tA);
  memset(&tX, 0, sizeof tX);
  const double masses[2] = {0.05, 0.15};
  for (int i = 0; i < 2; i++) {
    double mass = masses[i];
    fb_sn_mcp_options mo;
    fb_sn_mcp_options_default(&mo);
    mo.plasmon = 0;
    mo.scattering = 0;
    ck_assert_msg(fb_sn_mcp_table_compute(&tX, &m, &mo, mass, &err) == FB_OK, "%s", err.msg);
    double ours = tX.L0_L + tX.L0_res;
    cont_par c = {&m, &R, &tA, mass, FB_OK, &err};
    gsl_function F = {cont_integrand, &c};
    gsl_integration_workspace *w = gsl_integration_workspace_alloc(100);
    double I, ae;
    gsl_integration_qag(&F, 2.0 * mass, 2.0 * mass + 1.2, 0.0, 3e-3, 100, GSL_INTEG_GAUSS15, w, &I, &ae);
    gsl_integration_workspace_free(w);
    ck_assert_msg(c.rc == FB_OK, "%s", err.msg);
    /* 5 %: in-medium mixing of the A' tables (eps_eff^2 - 1 ~ 2 omega_p^2/M^2 <= 2 % for M >= 0.1 GeV), the
     * quadratures of both (1-2 %) */
    fprintf(stderr, "continuum m = %g: %g vs BC1 spectral integral %g (%+.2f%%)\n", mass, ours, I, 100.0 * (ours / I - 1.0));
    ck_assert_msg(fabs(ours / I - 1.0) < 0.05, "m = %g: continuum L/eps^2 = %g, spectral integral of BC1 = %g (%+.2f%%)",
                  mass, ours, I, 100.0 * (ours / I - 1.0));
  }
  fb_sn_table_free(&tA);
  fb_sn_table_free(&tX);
  fb_rratio_free(&R);
  fb_sn_medium_free(&m);
  fb_sn_profile_free(&p);
}
END_TEST

/* The default (mantle) profile and a medium with the BC3 options (fine: finer radial, energy, direction, path grids). */
static void default_medium(int fine, fb_sn_profile *p, fb_sn_medium *m) {
  fb_err err;
  fb_err_clear(&err);
  ck_assert(fb_sn_profile_read(p, "inputs/sn_profile_mantle.dat", NULL, &err) == FB_OK);
  fb_sn_options o;
  fb_sn_options_default(&o);
  o.semi_compton = o.coalescence = 0;
  if (fine) {
    o.n_radial = 64;
    o.n_energy = 24;
    o.n_mu = 16;
    o.n_path = 128;
  }
  ck_assert_msg(fb_sn_medium_init(m, p, &o, &err) == FB_OK, "%s", err.msg);
}

/* ------------------------------------------------------------------ plasmon channel vs adaptive quadrature */
START_TEST(test_plasmon_vs_quadrature) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_profile p;
  fb_sn_medium m;
  default_medium(0, &p, &m);
  fb_sn_mcp_options mo;
  fb_sn_mcp_options_default(&mo);
  mo.bremsstrahlung = mo.annihilation = mo.scattering = 0;
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  const double masses[2] = {1e-4, 3e-3};
  for (int i = 0; i < 2; i++) {
    ck_assert_msg(fb_sn_mcp_table_compute(&t, &m, &mo, masses[i], &err) == FB_OK, "%s", err.msg);
    /* the same shells with the red-giant module's adaptive k integral (T + L) */
    const int nr = m.opt.n_radial;
    const double dR = m.r_emit_invGeV / nr, conv = FB_GEV_TO_INV_S / FB_ERG_TO_GEV;
    double ref = 0.0;
    for (int s = 0; s < nr; s++) {
      double r0 = (s + 0.5) * dR, V = 4.0 * FB_PI / 3.0 * dR * dR * dR * (pow(s + 1, 3) - pow(s, 3));
      fb_sn_point q = fb_sn_point_at(&m, r0);
      double v = fmin(sqrt(1.0 - FB_ME_GEV * FB_ME_GEV / (q.mue * q.mue)), 1.0 - 1e-6), QT, QL;
      ck_assert(fb_rg_mcp_plasmon_Q_GeV5(0, sqrt(q.wp2), v, q.T, masses[i], &QT, &err) == FB_OK);
      ck_assert(fb_rg_mcp_plasmon_Q_GeV5(1, sqrt(q.wp2), v, q.T, masses[i], &QL, &err) == FB_OK);
      ref += V * q.lapse * q.lapse * conv * fb_sn_emission_weight(&m, r0) * (QT + QL);
    }
    fprintf(stderr, "plasmon m = %g: %g vs adaptive %g (%+.2f%%)\n", masses[i], t.L0_T, ref, 100.0 * (t.L0_T / ref - 1.0));
    ck_assert_msg(fabs(t.L0_T / ref - 1.0) < 0.02, "m = %g: plasmon L/eps^2 = %g, adaptive %g (%+.2f%%)", masses[i],
                  t.L0_T, ref, 100.0 * (t.L0_T / ref - 1.0));
  }
  fb_sn_table_free(&t);
  fb_sn_medium_free(&m);
  fb_sn_profile_free(&p);
}
END_TEST

/* ------------------------------------------------------------------ band: convergence and regression */
static void band(int fine, double mass, double *lo, double *hi) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_profile p;
  fb_sn_medium m;
  default_medium(fine, &p, &m);
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  ck_assert_msg(fb_sn_mcp_table_compute(&t, &m, NULL, mass, &err) == FB_OK, "%s", err.msg);
  ck_assert(fb_sn_table_edges(&t, m.opt.L_nu_erg_s, lo, hi, NULL, &err) == FB_OK);
  fb_sn_table_free(&t);
  fb_sn_medium_free(&m);
  fb_sn_profile_free(&p);
}

START_TEST(test_band_convergence_regression) {
  /* documented values (docs/validation.md "Default SN profile switched to mantle"), default (mantle) profile,
   * criterion cem; the parametric profile gave 2.984e-9..7.146e-7, 9.582e-9..2.353e-7, 2.879e-8..1.052e-7 and closed
   * at 0.1 GeV (reach 36.4 MeV; mantle 130.1 MeV) */
  const double mass[3] = {1e-4, 0.01, 0.03}, lo_doc[3] = {2.2242e-9, 7.9256e-9, 1.2905e-8},
               hi_doc[3] = {7.9154e-7, 6.3971e-7, 5.7114e-7};
  for (int i = 0; i < 3; i++) {
    double lo, hi, flo, fhi;
    band(0, mass[i], &lo, &hi);
    band(1, mass[i], &flo, &fhi);
    fprintf(stderr, "band m = %g: %.4g..%.4g, fine grid %.4g..%.4g\n", mass[i], lo, hi, flo, fhi);
    ck_assert_msg(fabs(lo / flo - 1.0) < 0.05 && fabs(hi / fhi - 1.0) < 0.10,
                  "m = %g: default grid %g..%g, fine grid %g..%g", mass[i], lo, hi, flo, fhi);
    ck_assert_msg(fabs(lo / lo_doc[i] - 1.0) < 0.02 && fabs(hi / hi_doc[i] - 1.0) < 0.02,
                  "m = %g: band %.4g..%.4g, documented %.4g..%.4g", mass[i], lo, hi, lo_doc[i], hi_doc[i]);
  }
  double lo, hi;
  band(0, 0.15, &lo, &hi);
  ck_assert_msg(isnan(lo) && isnan(hi), "m = 0.15 GeV: band %g..%g, documented closed", lo, hi);
}
END_TEST


/* ------------------------------------------------------------------ published numbers (abstract of CEM) */
static double published(const char *name, int col) {
  FILE *f = fopen(FB_SOURCE_DIR "/tests/stellar/data/bc3_published.tsv", "r");
  ck_assert_msg(f != NULL, "cannot open tests/stellar/data/bc3_published.tsv");
  char line[512], q[128];
  double v[3], out = NAN;
  while (fgets(line, sizeof line, f))
    if (line[0] != '#' && sscanf(line, "%127s %lf %lf %lf", q, &v[0], &v[1], &v[2]) == 4 && !strcmp(q, name)) out = v[col];
  fclose(f);
  ck_assert_msg(isfinite(out), "%s not in bc3_published.tsv", name);
  return out;
}

START_TEST(test_published_cem) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_profile p;
  fb_sn_medium m;
  default_medium(0, &p, &m);
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  double lo_min = INFINITY, hi_max = 0.0, mmax;
  const double masses[4] = {1e-4, 1e-3, 3e-3, 1e-2};
  for (int i = 0; i < 4; i++) {
    double lo, hi;
    ck_assert(fb_sn_mcp_table_compute(&t, &m, NULL, masses[i], &err) == FB_OK);
    ck_assert(fb_sn_table_edges(&t, m.opt.L_nu_erg_s, &lo, &hi, NULL, &err) == FB_OK);
    lo_min = fmin(lo_min, lo);
    hi_max = fmax(hi_max, hi);
  }
  ck_assert_msg(fb_sn_mcp_mass_max_GeV(&m, NULL, 1e-3, 1.9, 1e-3, &mmax, &err) == FB_OK, "%s", err.msg);
  const double plo = published("sn_eps_low_min", 0), phi = published("sn_eps_high_max", 0),
               phi_lo = published("sn_eps_high_max", 1), pm = published("sn_mass_max_GeV", 0);
  fprintf(stderr, "CEM abstract: eps_low %.3g (published %.3g, x%.2f), eps_high %.3g (published few e-6, %.3g: x%.2f), "
          "m_max %.4g GeV (published %.3g: x%.2f)\n", lo_min, plo, lo_min / plo, hi_max, phi, phi / hi_max, mmax, pm,
          pm / mmax);
  /* the abstract quotes a power of ten: within half a decade (profile, trapping and production differ) */
  ck_assert_msg(fabs(log10(lo_min / plo)) < 0.5, "lower edge %g vs %g", lo_min, plo);
  /* gaps, pinned at the measured values (docs/validation.md, status gap): the upper edge lies below the lowest
   * "few x 1e-6" (x2.5 at the smallest few = 2) and the band closes x1.5 lower in mass (default mantle profile; the
   * parametric profile gave 7.15e-7, x2.8, and 0.0364 GeV, x5.5: docs/validation.md "Default SN profile switched to
   * mantle") */
  ck_assert_msg(hi_max < phi_lo && fabs(hi_max / 7.915e-7 - 1.0) < 0.05, "upper edge %g (gap pinned at 7.92e-7)", hi_max);
  ck_assert_msg(mmax < pm && fabs(mmax / 0.1301 - 1.0) < 0.05, "mass reach %g GeV (gap pinned at 0.1301)", mmax);
  fb_sn_table_free(&t);
  fb_sn_medium_free(&m);
  fb_sn_profile_free(&p);
}
END_TEST

/* ------------------------------------------------------------------ trapping depths (issue 16, the BC3 upper-edge gap) */
/* The three depths of fb_sn_mcp.h: tau_E <= sqrt(tau_E (tau_E + tau_tr)) <= tau_tr for every path (tau_E/tau_tr =
 * p^2/(m_p E) < 1), so at every mass the upper edges must order energy_loss > random_walk > transport and the lower
 * (free-streaming) edge must not move. Measured on the default (mantle) profile, criterion cem (docs/validation.md
 * "BC8 lower edge and BC3 trapping depth"): the straight-path energy loss gives the "few x 1e-6" of CEM's abstract
 * (arXiv:1803.00993) at 0.1-1 MeV, the default random walk x0.25-0.36 of it. */
START_TEST(test_trapping_depths) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_profile p;
  fb_sn_medium m;
  default_medium(0, &p, &m);
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  const double masses[5] = {1e-4, 1e-3, 1e-2, 3e-2, 0.1};
  const double hi_el_doc[5] = {3.322e-6, 2.103e-6, 1.451e-6, 1.138e-6, 6.307e-7};
  for (int i = 0; i < 5; i++) {
    double lo[3], hi[3];
    for (int k = 0; k < 3; k++) {
      fb_sn_mcp_options mo;
      fb_sn_mcp_options_default(&mo);
      mo.trapping = k; /* FB_SN_MCP_TRAP_RANDOM_WALK, _ENERGY_LOSS, _TRANSPORT */
      ck_assert_msg(fb_sn_mcp_table_compute(&t, &m, &mo, masses[i], &err) == FB_OK, "%s", err.msg);
      ck_assert(fb_sn_table_edges(&t, m.opt.L_nu_erg_s, &lo[k], &hi[k], NULL, &err) == FB_OK);
    }
    fprintf(stderr, "m = %g GeV: eps_high random_walk %.4g, energy_loss %.4g, transport %.4g; eps_low %.4g / %.4g / %.4g\n",
            masses[i], hi[0], hi[1], hi[2], lo[0], lo[1], lo[2]);
    ck_assert_msg(hi[1] > 1.5 * hi[0] && hi[0] > 1.2 * hi[2], "m = %g: upper edges %g %g %g not ordered", masses[i],
                  hi[1], hi[0], hi[2]);
    /* lower edge: set by free streaming (the transport depth, largest, moves it by < 30% at 0.1 GeV) */
    ck_assert_msg(fabs(lo[1] / lo[0] - 1.0) < 0.1 && fabs(lo[2] / lo[0] - 1.0) < 0.35, "m = %g: lower edges %g %g %g",
                  masses[i], lo[0], lo[1], lo[2]);
    ck_assert_msg(fabs(hi[1] / hi_el_doc[i] - 1.0) < 0.02, "m = %g: energy_loss upper edge %.4g, documented %.4g",
                  masses[i], hi[1], hi_el_doc[i]);
  }
  /* the straight-path energy loss puts the largest upper edge inside CEM's "few x 1e-6" (2e-6..9e-6) */
  const double phi_lo = published("sn_eps_high_max", 1), phi_hi = published("sn_eps_high_max", 2);
  ck_assert_msg(hi_el_doc[0] > phi_lo && hi_el_doc[0] < phi_hi, "[%g, %g]", phi_lo, phi_hi);
  fb_sn_mcp_options bad;
  fb_sn_mcp_options_default(&bad);
  bad.trapping = 3;
  ck_assert(fb_sn_mcp_table_compute(&t, &m, &bad, 1e-3, &err) == FB_ERR_INPUT);
  ck_assert(fb_sn_mcp_trapping_parse("energy_loss") == FB_SN_MCP_TRAP_ENERGY_LOSS &&
            fb_sn_mcp_trapping_parse("random_walk") == FB_SN_MCP_TRAP_RANDOM_WALK &&
            fb_sn_mcp_trapping_parse("transport") == FB_SN_MCP_TRAP_TRANSPORT && fb_sn_mcp_trapping_parse("x") == -1);
  fb_sn_table_free(&t);
  fb_sn_medium_free(&m);
  fb_sn_profile_free(&p);
}
END_TEST

/* ------------------------------------------------------------------ white dwarfs */
START_TEST(test_wd_mapping) {
  fb_err err;
  fb_err_clear(&err);
  fb_rg_mcp_options o;
  fb_rg_mcp_options_default(&o, FB_RG_MCP_WD);
  double mu, wp, v, e0, ratio;
  ck_assert(fb_rg_mcp_plasma(&o, &mu, &wp, &v, &err) == FB_OK);
  ck_assert(fb_rg_mcp_wd_eps_max(&o, 1e-11, 0.0, &e0, &ratio, &err) == FB_OK);
  /* Gamma_mu/Gamma_eps = mu^2 K^2/(8 pi alpha) mode by mode (m = 0): the transverse K^2 lies in
   * [omega_p^2, 3/2 omega_p^2], the longitudinal one in (0, omega_p^2] (Braaten-Segel dispersion) */
  const double T = o.T_K * FB_K_TO_GEV, u = 8.0 * FB_PI * FB_ALPHA_EM / (wp * wp);
  double QT, QL, DT, DL;
  ck_assert(fb_rg_mcp_plasmon_Q_GeV5(0, wp, v, T, 0.0, &QT, &err) == FB_OK);
  ck_assert(fb_rg_mcp_plasmon_Q_GeV5(1, wp, v, T, 0.0, &QL, &err) == FB_OK);
  ck_assert(fb_rg_mcp_plasmon_dipole_Q_GeV5(0, wp, v, T, &DT, &err) == FB_OK);
  ck_assert(fb_rg_mcp_plasmon_dipole_Q_GeV5(1, wp, v, T, &DL, &err) == FB_OK);
  fprintf(stderr, "WD: <K^2>/omega_p^2 T %.4f, L %.4f, all %.4f; L/T emission %.3f\n", DT / QT * u, DL / QL * u, ratio * u,
          QL / QT);
  ck_assert_msg(DT / QT * u >= 1.0 - 1e-6 && DT / QT * u <= 1.5, "T: <K^2>/omega_p^2 = %g", DT / QT * u);
  ck_assert_msg(DL / QL * u > 0.0 && DL / QL * u <= 1.0 + 1e-6, "L: <K^2>/omega_p^2 = %g", DL / QL * u);
  ck_assert(fabs(ratio / ((DT + DL) / (QT + QL)) - 1.0) < 1e-12);
  /* eps_max = mu_max sqrt(ratio), mu_B = sqrt(4 pi alpha)/(2 m_e) */
  double mub = sqrt(4.0 * FB_PI * FB_ALPHA_EM) / (2.0 * FB_ME_GEV);
  ck_assert(fabs(e0 / (1e-11 * mub * sqrt(ratio)) - 1.0) < 1e-12);
  /* regression of the documented values (docs/validation.md) */
  ck_assert_msg(fabs(e0 / 1.744e-13 - 1.0) < 0.02, "eps_max(0) = %g", e0);
  double e1;
  ck_assert(fb_rg_mcp_wd_eps_max(&o, 1e-11, 1e-5, &e1, NULL, &err) == FB_OK);
  ck_assert_msg(fabs(e1 / 2.103e-13 - 1.0) < 0.02, "eps_max(10 keV) = %g", e1);
  ck_assert(fb_rg_mcp_wd_eps_max(&o, 1e-11, 2e-5, &e1, NULL, &err) == FB_OK);
  ck_assert_msg(isinf(e1), "eps_max(20 keV) = %g: no plasmon decays above sqrt(3/2) omega_p/2", e1);
  ck_assert(fb_rg_mcp_wd_eps_max(&o, 0.0, 0.0, &e1, NULL, &err) == FB_ERR_RANGE);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("sn_mcp");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, test_sigma_transport);
  tcase_add_test(tc, test_continuum_vs_darkphoton);
  tcase_add_test(tc, test_plasmon_vs_quadrature);
  tcase_add_test(tc, test_band_convergence_regression);
  tcase_add_test(tc, test_wd_mapping);
  tcase_add_test(tc, test_published_cem);
  tcase_add_test(tc, test_trapping_depths);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  fb_error_init();
  SRunner *sr = srunner_create(suite());
  srunner_run_all(sr, CK_NORMAL);
  int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? 0 : 1;
}
