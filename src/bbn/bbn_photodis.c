/**
 * @file bbn_photodis.c
 * @brief Photodisintegration of light nuclei by late electromagnetic cascades (see bbn_photodis.h).
 *
 * Cross sections: the fits compiled by Cyburt, Ellis, Fields, Olive astro-ph/0211258 (Table 3 and
 * eqs. there: most reactions of the form sigma = N Q^p1 (E - Q)^p2 / E^p3 mb, the deuteron
 * from Evans, 7Li and 7Be two-body channels with their Coulomb factors), with the 4He(g,n)3He and
 * 6Li(g,np)4He normalisations updated to the EXFOR data by Jedamzik hep-ph/0604251 (17.1 -> 20.7 mb,
 * 104 -> 143 mb), the reaction set and thresholds of Hufnagel, Schmidt-Hoberg, Wild
 * arXiv:1808.09324 Table 1.
 */
#include "bbn_photodis.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_linalg.h>

#include "fb_constants.h"
#include "fb_thermo.h"

#define ME (FB_ME_GEV * 1e3)
#define HBAR_MEV_S (FB_HBAR_GEV_S * 1e3)
#define MB_TO_MEVM2 (1.0 / (FB_HBARC2_GEV2_MB * 1e6)) /* 1 mb in MeV^-2 */

typedef struct {
  const char *name;
  int target;
  int prod[BBN_N_NUC]; /* products (nuclides in the network) */
  double Q;            /* threshold [MeV] */
  double N, p1, p2, p3; /* generic fit (N = 0: special form) */
} pd_reac;

/* products index order: n, p, d, t, He3, He4, Li7, Be7, Li6 (enum bbn_nuclide) */
static const pd_reac REAC[BBN_PD_NREAC] = {
    {"d(g,n)p", BBN_D, {1, 1, 0, 0, 0, 0, 0, 0, 0}, 2.224573, 0, 0, 0, 0},
    {"t(g,n)d", BBN_T, {1, 0, 1, 0, 0, 0, 0, 0, 0}, 6.257248, 9.8, 1.95, 1.65, 3.6},
    {"t(g,2n)p", BBN_T, {2, 1, 0, 0, 0, 0, 0, 0, 0}, 8.481821, 26.0, 2.6, 2.3, 4.9},
    {"3He(g,p)d", BBN_HE3, {0, 1, 1, 0, 0, 0, 0, 0, 0}, 5.493485, 8.88, 1.75, 1.65, 3.4},
    {"3He(g,np)p", BBN_HE3, {1, 2, 0, 0, 0, 0, 0, 0, 0}, 7.718058, 16.7, 1.95, 2.3, 4.25},
    {"4He(g,p)t", BBN_HE4, {0, 1, 0, 1, 0, 0, 0, 0, 0}, 19.813852, 19.5, 3.5, 1.0, 4.5},
    {"4He(g,n)3He", BBN_HE4, {1, 0, 0, 0, 1, 0, 0, 0, 0}, 20.577615, 20.7, 3.5, 1.0, 4.5},
    {"4He(g,d)d", BBN_HE4, {0, 0, 2, 0, 0, 0, 0, 0, 0}, 23.846527, 10.7, 10.2, 3.4, 13.6},
    {"4He(g,np)d", BBN_HE4, {1, 1, 1, 0, 0, 0, 0, 0, 0}, 26.071100, 21.7, 4.0, 3.0, 7.0},
    {"6Li(g,np)4He", BBN_LI6, {1, 1, 0, 0, 0, 1, 0, 0, 0}, 3.698892, 143.0, 2.3, 4.7, 7.0},
    {"6Li(g,X)A3", BBN_LI6, {0, 0, 0, 0, 0, 0, 0, 0, 0}, 15.794685, 0, 0, 0, 0},
    {"7Li(g,t)4He", BBN_LI7, {0, 0, 0, 1, 0, 1, 0, 0, 0}, 2.467032, 0, 0, 0, 0},
    {"7Li(g,n)6Li", BBN_LI7, {1, 0, 0, 0, 0, 0, 0, 0, 1}, 7.249962, 0, 0, 0, 0},
    {"7Li(g,2np)4He", BBN_LI7, {2, 1, 0, 0, 0, 1, 0, 0, 0}, 10.948850, 122.0, 4.0, 3.0, 7.0},
    {"7Be(g,3He)4He", BBN_BE7, {0, 0, 0, 0, 1, 1, 0, 0, 0}, 1.586627, 0, 0, 0, 0},
    {"7Be(g,p)6Li", BBN_BE7, {0, 1, 0, 0, 0, 0, 0, 0, 1}, 5.605794, 0, 0, 0, 0},
    {"7Be(g,2pn)4He", BBN_BE7, {1, 2, 0, 0, 0, 1, 0, 0, 0}, 9.304680, 133.0, 4.0, 3.0, 7.0},
};

const char *bbn_photodis_name(int r) { return (r >= 0 && r < BBN_PD_NREAC) ? REAC[r].name : "?"; }
double bbn_photodis_threshold_MeV(int r) { return (r >= 0 && r < BBN_PD_NREAC) ? REAC[r].Q : NAN; }

static double generic(double E, double Q, double N, double p1, double p2, double p3) {
  if (E <= Q) return 0.0;
  return N * pow(Q, p1) * pow(E - Q, p2) / pow(E, p3);
}

double bbn_photodis_sigma_mb(int r, double E) {
  if (r < 0 || r >= BBN_PD_NREAC) return NAN;
  const pd_reac *R = &REAC[r];
  if (E <= R->Q) return 0.0;
  if (R->N > 0.0) return generic(E, R->Q, R->N, R->p1, R->p2, R->p3);
  const double Q = R->Q, x = E - Q;
  switch (r) {
    case 0: { /* deuteron (Evans; astro-ph/0211258 eq. in sec. 3): 18.75 mb [(sqrt(Q x)/E)^3 + ...] */
      const double a = sqrt(Q * x) / E, b = sqrt(Q) - sqrt(0.037);
      return 18.75 * (a * a * a + 0.007947 * a * a * b * b / (x + 0.037));
    }
    case 10: { /* 6Li(g,X)A3: generic times three Gaussian resonances (astro-ph/0211258) */
      const double g1 = 3.7 * exp(-0.5 * pow((E - 19.0) / 3.5, 2));
      const double g2 = 2.75 * exp(-0.5 * pow((E - 30.0) / 3.0, 2));
      const double g3 = 2.2 * exp(-0.5 * pow((E - 43.0) / 5.0, 2));
      return generic(E, Q, 38.1, 3.0, 2.0, 5.0) * (g1 + g2 + g3);
    }
    case 11: { /* 7Li(g,t)4He: Coulomb-barrier form (astro-ph/0211258) */
      const double poly = 1.0 + 2.2875 * x * x - 1.1798 * x * x * x + 2.5279 * x * x * x * x;
      return 0.105 * 2371.0 / (E * E) * exp(-2.5954 / sqrt(x)) * exp(-2.056 * x) * poly;
    }
    case 12: /* 7Li(g,n)6Li */
      return generic(E, Q, 0.176, 1.51, 0.49, 2.0) + generic(E, Q, 1205.0, 5.5, 5.0, 10.5) +
             0.06 / (1.0 + pow((x - 7.46) / 0.188, 2));
    case 14: { /* 7Be(g,3He)4He */
      const double poly = 1.0 - 0.428 * x * x + 0.534 * x * x * x - 0.115 * x * x * x * x;
      if (poly <= 0.0) return 0.0;
      return 0.504 * 2371.0 / (E * E) * exp(-5.1909 / sqrt(x)) * exp(-0.548 * x) * poly;
    }
    case 15: /* 7Be(g,p)6Li */
      return generic(E, Q, 32.6, 10.0, 2.0, 12.0) + generic(E, Q, 2.27e6, 8.8335, 13.0, 21.8335);
    default: return 0.0;
  }
}

void bbn_photodis_params_default(bbn_photodis_params *p) {
  memset(p, 0, sizeof *p);
  p->eta = 273.75e-10 * FB_OMEGA_B_H2_PLANCK; /* bbn README: eta = 273.75e-10 Omega_b h^2 */
  p->T_start_MeV = 1e-2;
  p->t_end_over_tau = 40.0;
  p->n_T_per_decade = 8;
  bbn_cascade_opts_default(&p->casc);
  p->casc.n_per_decade = 40;
}

/* radiation after e+e- annihilation: g_rho = 2 + (7/4) N_eff (4/11)^{4/3}; g_s = 2 + (7/4) N_eff (4/11) */
static double g_rho(void) { return 2.0 + 1.75 * FB_NEFF_SM * pow(4.0 / 11.0, 4.0 / 3.0); }
static double g_s(void) { return 2.0 + 1.75 * FB_NEFF_SM * (4.0 / 11.0); }

static double n_gamma(double T) { return 2.0 * FB_ZETA3 / (M_PI * M_PI) * T * T * T; }

/* matter density [MeV^4]: rho_b (Omega_m / Omega_b) with rho_b = m_u n_b, n_b = eta n_gamma */
static double rho_m(double T, double eta) {
  return FB_OMEGA_M_H2_PLANCK / FB_OMEGA_B_H2_PLANCK * FB_AMU_GEV * 1e3 * eta * n_gamma(T);
}

static double hubble_MeV(double T, double eta) {
  const double rho = M_PI * M_PI / 30.0 * g_rho() * T * T * T * T + rho_m(T, eta);
  return sqrt(rho / 3.0) / (FB_MPL_REDUCED_GEV * 1e3);
}

double bbn_photodis_time_s(double T_MeV, double eta) {
  /* t = int_T^inf dT'/(T' H): radiation part analytic above T_hi, numeric (Simpson in ln T) below */
  const double T_hi = 1e-1;
  double t = 0.5 / hubble_MeV(T_hi, eta); /* radiation era */
  if (T_MeV >= T_hi) return 0.5 / hubble_MeV(T_MeV, eta) * HBAR_MEV_S;
  const int n = 400;
  const double h = log(T_hi / T_MeV) / n;
  double s = 0.0;
  for (int i = 0; i <= n; i++) {
    const double w = (i == 0 || i == n) ? 1.0 : (i % 2 ? 4.0 : 2.0);
    s += w / hubble_MeV(T_hi * exp(-i * h), eta);
  }
  t += s * h / 3.0;
  return t * HBAR_MEV_S;
}

double bbn_photodis_before_decay_factor(double T0_MeV, double tau_s, double eta) {
  return exp(bbn_photodis_time_s(T0_MeV, eta) / tau_s);
}

void bbn_photodis_acropolis_window(double tau_s, double eta, double *T_lo_MeV, double *T_hi_MeV, double *T_d_MeV) {
  /* T_d: bbn_photodis_time_s(T_d) = tau_s, bisection in ln T (the time falls monotonically with T) */
  double a = log(1e-12), b = log(1e2);
  for (int i = 0; i < 80; i++) {
    const double m = 0.5 * (a + b);
    if (bbn_photodis_time_s(exp(m), eta) > tau_s) a = m; else b = m;
  }
  const double Td = exp(0.5 * (a + b));
  if (T_d_MeV) *T_d_MeV = Td;
  if (T_lo_MeV) *T_lo_MeV = Td * pow(10.0, -1.5); /* ACROPOLIS v1.2.2: Td_ofm - 3 mag/4, mag = 2 */
  if (T_hi_MeV) *T_hi_MeV = Td * pow(10.0, 0.5);  /* ... Td_ofm + mag/4 */
}

/* int dE F(E) sigma_r(E) for a solved spectrum (per unit source rate) [MeV^-3]: the continuum by
 * log-log interpolation of F between nodes with 8 sub-points per bin, the top bin (the injected line
 * and its neighbourhood) as N_top sigma(E0). */
static void reaction_integrals(const bbn_cascade_spec *sp, double R[BBN_PD_NREAC]) {
  for (int r = 0; r < BBN_PD_NREAC; r++) R[r] = 0.0;
  const int n = sp->n, nsub = 8;
  for (int i = 0; i + 1 < n - 1; i++) {
    const double f0 = bbn_cascade_fgamma(sp, i), f1 = bbn_cascade_fgamma(sp, i + 1);
    if (!(f0 > 0.0) || !(f1 > 0.0)) continue;
    const double l0 = log(sp->E_MeV[i]), dl = log(sp->E_MeV[i + 1]) - l0, k = log(f1 / f0);
    for (int q = 0; q < nsub; q++) {
      const double u = (q + 0.5) / nsub, E = exp(l0 + u * dl), F = f0 * exp(u * k);
      for (int r = 0; r < BBN_PD_NREAC; r++)
        if (E > REAC[r].Q) R[r] += F * bbn_photodis_sigma_mb(r, E) * E * dl / nsub;
    }
  }
  /* last interval below the top bin: F of node n-2 held constant */
  {
    const double f = bbn_cascade_fgamma(sp, n - 2), l0 = log(sp->E_MeV[n - 2]),
                 dl = log(sp->E_MeV[n - 1]) - l0;
    for (int q = 0; q < nsub; q++) {
      const double E = exp(l0 + (q + 0.5) / nsub * dl);
      for (int r = 0; r < BBN_PD_NREAC; r++)
        if (E > REAC[r].Q) R[r] += f * bbn_photodis_sigma_mb(r, E) * E * dl / nsub;
    }
  }
  for (int r = 0; r < BBN_PD_NREAC; r++) {
    R[r] += sp->N_gamma[n - 1] * bbn_photodis_sigma_mb(r, sp->E_MeV[n - 1]);
    R[r] *= MB_TO_MEVM2;
  }
}

/* Lowest node temperature of a table [MeV]: below t(1e-10 MeV) ~ 1e17 s > 40 x the longest lifetime 1e13 s. */
#define PD_T_FLOOR_MEV 1e-10

int bbn_photodis_table_init(bbn_photodis_table *t, const bbn_photodis_params *p, const double Y0[BBN_N_NUC],
                            fb_err *err) {
  memset(t, 0, sizeof *t);
  FB_TEST(err, !(p->n_T_per_decade >= 2 && p->n_T_per_decade <= 100), FB_ERR_RANGE, "n_T_per_decade");
  FB_TEST(err, !(p->T_start_MeV > PD_T_FLOOR_MEV && p->T_start_MeV < 1.0), FB_ERR_RANGE, "T_start_MeV = %g",
          p->T_start_MeV);
  t->mass_GeV = p->mass_GeV;
  t->br_photon = p->br_photon;
  t->br_ee = p->br_ee;
  if (p->inj) {
    FB_CALL(err, bbn_em_injection_copy(p->inj, &t->inj, err));
    t->has_inj = 1;
  }
  t->eta = p->eta;
  t->Y_H = Y0[BBN_P];
  t->Y_He4 = Y0[BBN_HE4];
  t->T_top_MeV = p->T_start_MeV;
  t->n_T_per_decade = p->n_T_per_decade;
  t->universal = p->casc.universal;
  t->n_per_decade = p->casc.n_per_decade;
  t->n_nodes = (int)ceil(log10(p->T_start_MeV / PD_T_FLOOR_MEV) * p->n_T_per_decade) + 2;
  t->lnR = calloc((size_t)t->n_nodes * BBN_PD_NREAC, sizeof(double));
  t->done = calloc((size_t)t->n_nodes, 1);
  if (!t->lnR || !t->done) {
    bbn_photodis_table_free(t);
    FB_FAIL(err, FB_ERR_MEMORY, "photodisintegration table (%d nodes)", t->n_nodes);
  }
  return FB_OK;
}

void bbn_photodis_table_free(bbn_photodis_table *t) {
  bbn_em_injection_free(&t->inj);
  free(t->lnR);
  free(t->done);
  free(t->src);
  memset(t, 0, sizeof *t);
}

/* Temperature of node k. */
static double table_T(const bbn_photodis_table *t, int k) {
  return t->T_top_MeV * pow(10.0, -(double)k / t->n_T_per_decade);
}

/* Solve the cascade at node k (if not done) and store ln R_r. */
static int table_node(const bbn_cascade_ws *ws, bbn_photodis_table *t, const bbn_cascade_opts *casc, int k,
                      fb_err *err) {
  if (t->done[k]) return FB_OK;
  const double T = table_T(t, k), E0 = t->has_inj ? t->inj.E_max_MeV : 0.5 * t->mass_GeV * 1e3;
  bbn_cascade_bg bg;
  bbn_cascade_spec sp;
  FB_CALL(err, bbn_cascade_background(T, t->eta, t->Y_H, t->Y_He4, &bg, err));
  if (t->has_inj) {
    int n;
    double dy;
    FB_CALL(err, bbn_cascade_grid(E0, casc, &n, &dy, err));
    /* the binned source depends on the grid only, not on T: binned once per table (this binning with its
     * boosted decay-in-flight spectra was ~10% of a bc1_photodis plane when redone at every node) */
    if (!(t->src && t->src_n == n && t->src_dy == dy && t->src_E_min_MeV == casc->E_min_MeV)) {
      free(t->src);
      t->src = NULL;
      double *buf = malloc((size_t)3 * n * sizeof *buf);
      FB_TEST(err, !buf, FB_ERR_MEMORY, "injection bins (%d)", n);
      for (int i = 0; i < n; i++) buf[2 * n + i] = casc->E_min_MeV * exp(i * dy);
      buf[3 * n - 1] = E0;
      const int rc = bbn_em_injection_bin(&t->inj, buf + 2 * n, n, dy, buf, buf + n, err);
      if (rc != FB_OK) {
        free(buf);
        return rc;
      }
      t->src = buf;
      t->src_n = n;
      t->src_dy = dy;
      t->src_E_min_MeV = casc->E_min_MeV;
    }
    FB_CALL(err, bbn_cascade_solve_source(ws, &bg, E0, t->src, t->src + n, casc, &sp, err));
  } else {
    FB_CALL(err, bbn_cascade_solve(ws, &bg, E0, 2.0 * t->br_photon, 2.0 * t->br_ee, casc, &sp, err));
  }
  double R[BBN_PD_NREAC];
  reaction_integrals(&sp, R);
  bbn_cascade_spec_free(&sp);
  for (int r = 0; r < BBN_PD_NREAC; r++) t->lnR[k * BBN_PD_NREAC + r] = log(R[r] > 1e-300 ? R[r] : 1e-300);
  t->done[k] = 1;
  t->n_spectra++;
  return FB_OK;
}

/* ln R_r between nodes k and k+1 (w in [0, 1)): monotone piecewise-cubic Hermite interpolation in ln T
 * (Fritsch & Carlson, SIAM J. Numer. Anal. 17 (1980) 238; node slopes the harmonic mean of the adjacent
 * secants, zero at a local extremum, one-sided at the table's ends). The rates of reactions whose
 * threshold lies above E_C(T) = me^2/(22 T) rise by e^10-e^15 within a few tenths of a decade in T and
 * bend sharply where E_C crosses the threshold; linear interpolation in (ln T, ln R) cuts these knees
 * (4He(g,n)3He of a 75 MeV line at tau = 1e6 s: the 3He production 21% low at 8 nodes per decade,
 * docs/validation.md "Line-level gap"); the monotone cubic follows them without overshoot. */
static double interp_lnR(const bbn_photodis_table *t, int k, double w, int r) {
  const double *y = t->lnR;
  const int n = t->n_nodes;
  const double y0 = y[k * BBN_PD_NREAC + r], y1 = y[(k + 1) * BBN_PD_NREAC + r], d = y1 - y0;
  const int has_m = k > 0, has_p = k + 2 < n; /* computed by bbn_photodis_evolve_table (k0 - 1 .. k1 + 2) */
  const double dm = has_m ? y0 - y[(k - 1) * BBN_PD_NREAC + r] : d;
  const double dp = has_p ? y[(k + 2) * BBN_PD_NREAC + r] - y1 : d;
  const double m0 = (dm * d > 0.0) ? 2.0 / (1.0 / dm + 1.0 / d) : 0.0;
  const double m1 = (d * dp > 0.0) ? 2.0 / (1.0 / d + 1.0 / dp) : 0.0;
  const double w2 = w * w, w3 = w2 * w;
  return (2 * w3 - 3 * w2 + 1) * y0 + (w3 - 2 * w2 + w) * m0 + (-2 * w3 + 3 * w2) * y1 + (w3 - w2) * m1;
}

int bbn_photodis_evolve(const bbn_cascade_ws *ws, const bbn_photodis_params *p,
                        const double Y0[BBN_N_NUC], bbn_photodis_result *res, fb_err *err) {
  bbn_photodis_table t;
  FB_CALL(err, bbn_photodis_table_init(&t, p, Y0, err));
  const int rc = bbn_photodis_evolve_table(ws, &t, p, Y0, res, err);
  bbn_photodis_table_free(&t);
  return rc;
}

int bbn_photodis_evolve_table(const bbn_cascade_ws *ws, bbn_photodis_table *tab, const bbn_photodis_params *p,
                              const double Y0[BBN_N_NUC], bbn_photodis_result *res, fb_err *err) {
  memset(res, 0, sizeof *res);
  const clock_t c0 = clock();
  FB_TEST(err, !(p->mass_GeV > 0.0 && p->tau_s > 0.0 && p->nX_over_s >= 0.0), FB_ERR_RANGE,
          "mass_GeV = %g, tau_s = %g, nX_over_s = %g", p->mass_GeV, p->tau_s, p->nX_over_s);
  FB_TEST(err, !(p->br_photon >= 0.0 && p->br_ee >= 0.0 && p->br_photon + p->br_ee <= 1.0 + 1e-9),
          FB_ERR_RANGE, "br_photon = %g, br_ee = %g", p->br_photon, p->br_ee);
  FB_TEST(err, !(p->tau_s >= 1e2 && p->tau_s <= 1e13), FB_ERR_RANGE,
          "tau_s = %g outside 1e2 - 1e13 (after BBN, before recombination)", p->tau_s);
  FB_TEST(err, !(p->n_T_per_decade >= 2 && p->n_T_per_decade <= 100), FB_ERR_RANGE, "n_T_per_decade");
  FB_TEST(err, !(tab->mass_GeV == p->mass_GeV && tab->br_photon == p->br_photon && tab->br_ee == p->br_ee &&
                 tab->has_inj == (p->inj != NULL) && (!p->inj || bbn_em_injection_equal(&tab->inj, p->inj)) &&
                 tab->eta == p->eta && tab->T_top_MeV == p->T_start_MeV && tab->n_T_per_decade == p->n_T_per_decade &&
                 tab->universal == p->casc.universal && tab->n_per_decade == p->casc.n_per_decade),
          FB_ERR_INPUT, "photodisintegration table built for another injection (m = %g GeV, br %g/%g)",
          tab->mass_GeV, tab->br_photon, tab->br_ee);
  memcpy(res->Y, Y0, sizeof res->Y);
  const double E0 = p->inj ? p->inj->E_max_MeV : 0.5 * p->mass_GeV * 1e3, eta = p->eta;
  const int n0 = tab->n_spectra;

  /* temperature range: from T_start (or t = tau/1e3 if later) to t = t_end_over_tau tau */
  const double t_end = p->t_end_over_tau * p->tau_s;
  double T_hi = p->T_start_MeV, T_lo = T_hi;
  while (bbn_photodis_time_s(T_lo, eta) < t_end) T_lo *= 0.8;
  {
    double Tb = T_hi;
    while (bbn_photodis_time_s(Tb * 0.8, eta) < 1e-3 * p->tau_s) Tb *= 0.8;
    T_hi = Tb;
  }
  if (p->decay_window == BBN_PD_WINDOW_ACROPOLIS) {
    double Tw_lo, Tw_hi;
    bbn_photodis_acropolis_window(p->tau_s, eta, &Tw_lo, &Tw_hi, NULL);
    FB_TEST(err, !(Tw_hi <= p->T_start_MeV), FB_ERR_RANGE,
            "decay_window = acropolis: the window starts at T = %g MeV, above T_start = %g MeV (tau_s = %g s too "
            "short: the window reaches into BBN, where the decays are solved in BBN itself; use decay_window = full)",
            Tw_hi, p->T_start_MeV, p->tau_s);
    T_hi = Tw_hi; /* the decays before are omitted */
    if (Tw_lo > T_lo) T_lo = Tw_lo;
  } else {
    FB_TEST(err, p->decay_window != BBN_PD_WINDOW_FULL, FB_ERR_INPUT, "decay_window = %d (full 0, acropolis 1)",
            p->decay_window);
  }
  FB_TEST(err, !(T_lo > table_T(tab, tab->n_nodes - 1)), FB_ERR_RANGE, "T_end = %g MeV below the table", T_lo);

  const int active = (E0 > p->casc.E_min_MeV) && (p->inj ? p->inj->n_comp > 0 : p->br_photon + p->br_ee > 0.0) &&
                     p->nX_over_s > 0.0;
  /* table nodes that bracket [T_lo, T_hi] */
  const double dlnT = log(10.0) / tab->n_T_per_decade, lnTtop = log(tab->T_top_MeV);
  if (active) {
    /* one more node on each side: the cubic interpolation below uses the neighbours' slopes */
    const int k0 = (int)floor((lnTtop - log(T_hi)) / dlnT) - 1;
    const int k1 = (int)ceil((lnTtop - log(T_lo)) / dlnT) + 2;
    for (int k = k0 < 0 ? 0 : k0; k <= k1 && k < tab->n_nodes; k++)
      FB_CALL(err, table_node(ws, tab, &p->casc, k, err));
  }

  /* BDF2 in u = ln T (decreasing) on a uniform grid; dY/du = -(1/H) (A(T) Y) with A in MeV */
  const double tau_MeV = HBAR_MEV_S / p->tau_s; /* 1/tau in MeV */
  const double T_end = T_lo;
  const int nstep = (int)ceil(log(T_hi / T_end) * 400.0) + 10;
  const double h = log(T_end / T_hi) / nstep; /* negative */
  gsl_matrix *M = gsl_matrix_alloc(BBN_N_NUC, BBN_N_NUC);
  gsl_permutation *perm = gsl_permutation_alloc(BBN_N_NUC);
  gsl_vector *rhs = gsl_vector_alloc(BBN_N_NUC), *x = gsl_vector_alloc(BBN_N_NUC);
  double Yprev[BBN_N_NUC], Y[BBN_N_NUC];
  memcpy(Y, Y0, sizeof Y);
  memcpy(Yprev, Y0, sizeof Y);
  double t_s = bbn_photodis_time_s(T_hi, eta);
  res->t_start_s = t_s;
  for (int s = 1; s <= nstep; s++) {
    const double u = log(T_hi) + s * h, T = exp(u);
    const double Tm = exp(u - 0.5 * h);
    const double dt = -h / hubble_MeV(Tm, eta) * HBAR_MEV_S; /* dt = -du / H (midpoint) */
    res->decays_counted += exp(-(t_s + 0.5 * dt) / p->tau_s) * dt / p->tau_s;
    t_s += dt;
    const double H = hubble_MeV(T, eta);
    /* A: dY/dt = A Y  [MeV] */
    double A[BBN_N_NUC][BBN_N_NUC];
    memset(A, 0, sizeof A);
    A[BBN_N][BBN_N] -= HBAR_MEV_S / FB_TAU_N_S;
    A[BBN_P][BBN_N] += HBAR_MEV_S / FB_TAU_N_S;
    A[BBN_T][BBN_T] -= HBAR_MEV_S / FB_TAU_TRITIUM_S;
    A[BBN_HE3][BBN_T] += HBAR_MEV_S / FB_TAU_TRITIUM_S;
    if (active) {
      const double nX = p->nX_over_s * (2.0 * M_PI * M_PI / 45.0) * g_s() * T * T * T * exp(-t_s / p->tau_s);
      const double S = nX * tau_MeV; /* decays per volume per time [MeV^4] */
      const double rX = nX * p->mass_GeV * 1e3 / (M_PI * M_PI / 30.0 * g_rho() * T * T * T * T);
      if (rX > res->rhoX_over_rhorad_max) res->rhoX_over_rhorad_max = rX;
      double fk = (lnTtop - u) / dlnT;
      if (fk < 0) fk = 0;
      if (fk > tab->n_nodes - 1.000001) fk = tab->n_nodes - 1.000001;
      const int k = (int)fk;
      const double w = fk - k;
      for (int r = 0; r < BBN_PD_NREAC; r++) {
        const double R = exp(interp_lnR(tab, k, w, r));
        const double G = S * R; /* per nucleus [MeV] */
        const int tg = REAC[r].target;
        A[tg][tg] -= G;
        for (int i = 0; i < BBN_N_NUC; i++) A[i][tg] += G * REAC[r].prod[i];
      }
    }
    /* (c0 I - h (-1/H) A) Y_new = rhs: BDF1 first step, then BDF2 */
    const int bdf2 = (s > 1);
    const double c = bdf2 ? 1.5 : 1.0;
    for (int i = 0; i < BBN_N_NUC; i++) {
      for (int j = 0; j < BBN_N_NUC; j++)
        gsl_matrix_set(M, i, j, (i == j ? c : 0.0) + h / H * A[i][j]);
      gsl_vector_set(rhs, i, bdf2 ? 2.0 * Y[i] - 0.5 * Yprev[i] : Y[i]);
    }
    int sg;
    gsl_linalg_LU_decomp(M, perm, &sg);
    gsl_linalg_LU_solve(M, perm, rhs, x);
    memcpy(Yprev, Y, sizeof Y);
    for (int i = 0; i < BBN_N_NUC; i++) Y[i] = fmax(gsl_vector_get(x, i), 0.0);
  }
  gsl_matrix_free(M);
  gsl_permutation_free(perm);
  gsl_vector_free(rhs);
  gsl_vector_free(x);
  res->t_end_s = t_s;
  res->n_spectra = tab->n_spectra - n0;
  /* remaining neutrons and tritium decay */
  Y[BBN_P] += Y[BBN_N];
  Y[BBN_N] = 0.0;
  Y[BBN_HE3] += Y[BBN_T];
  Y[BBN_T] = 0.0;
  memcpy(res->Y, Y, sizeof Y);
  res->Yp = 4.0 * Y[BBN_HE4];
  res->D_H = Y[BBN_D] / Y[BBN_P];
  res->He3_H = (Y[BBN_HE3] + Y[BBN_T]) / Y[BBN_P];
  res->Li7_H = (Y[BBN_LI7] + Y[BBN_BE7]) / Y[BBN_P];
  res->Li6_H = Y[BBN_LI6] / Y[BBN_P];
  res->time_s = (double)(clock() - c0) / CLOCKS_PER_SEC;
  return FB_OK;
}

int bbn_late_decay_eval(const bbn_tables *tab, const bbn_cascade_ws *ws, const bbn_late_decay_in *in,
                        bbn_late_decay_out *out, fb_err *err) {
  memset(out, 0, sizeof *out);
  FB_TEST(err, !(in->br_photon >= 0.0 && in->br_ee >= 0.0 && in->br_photon + in->br_ee <= 1.0 + 1e-9),
          FB_ERR_RANGE, "br_photon = %g, br_ee = %g", in->br_photon, in->br_ee);
  FB_TEST(err, !(in->n_over_ngamma >= 0.0 && in->T0_MeV >= 1.0 && in->T0_MeV <= 30.0), FB_ERR_RANGE,
          "n_over_ngamma = %g, T0_MeV = %g (1 - 30)", in->n_over_ngamma, in->T0_MeV);
  bbn_params p;
  bbn_params_default(&p);
  p.omega_b_h2 = in->omega_b_h2;
  FB_CALL(err, bbn_solve(tab, &p, &out->sbbn, err));
  out->before = out->sbbn;
  bbn_decay d;
  memset(&d, 0, sizeof d);
  /* the decay as `eval bbn-decay` takes it (n_X/n_gamma at T_start = T0, f_em = br_photon + br_ee, the rest invisible) */
  d.mass_GeV = in->mass_GeV;
  d.tau_s = in->tau_s;
  d.n_over_ngamma = in->n_over_ngamma;
  d.f_em = fmin(1.0, in->br_photon + in->br_ee); /* the BR check allows a sum up to 1 + 1e-9 */
  d.f_inv = 1.0 - d.f_em;
  if (in->tau_s > 1e5 && in->n_over_ngamma > 0.0) {
    /* X frozen through BBN (standard abundances), but its decays after T_end heat the photons: N_eff at the end of BBN
     * and at recombination from the same background as bbn_solve with this decay (bbn_decay_neff), issue 15 */
    bbn_params q = p;
    q.T_start_MeV = in->T0_MeV;
    q.decay = &d;
    FB_CALL(err, bbn_decay_neff(tab, &q, &out->before.Neff, &out->before.Neff_rec, err));
  }
  if (in->tau_s <= 1e5 && in->n_over_ngamma > 0.0) {
    p.T_start_MeV = in->T0_MeV;
    bbn_result rs; /* standard BBN from this T_start: the baryon normalisation of the decay run */
    FB_CALL(err, bbn_solve(tab, &p, &rs, err));
    p.decay = &d;
    p.sbbn_nb_ref = rs.nb_comoving;
    FB_CALL(err, bbn_solve(tab, &p, &out->before, err));
    out->nX_over_s = out->before.mY_GeV / in->mass_GeV;
    out->bbn_with_decay = 1;
  } else {
    FB_CALL(err, bbn_late_decay_nX_over_s(in->n_over_ngamma, in->T0_MeV, &out->nX_over_s, err));
  }
  bbn_photodis_params pp;
  bbn_photodis_params_default(&pp);
  pp.mass_GeV = in->mass_GeV;
  pp.tau_s = in->tau_s;
  pp.nX_over_s = out->nX_over_s;
  pp.br_photon = in->br_photon;
  pp.br_ee = in->br_ee;
  pp.eta = out->before.eta;
  pp.casc.universal = in->universal;
  pp.decay_window = in->decay_window;
  FB_CALL(err, bbn_photodis_evolve(ws, &pp, out->before.Y, &out->pd, err));
  bbn_photodis_apply(&out->before, &out->pd, &out->after);
  return FB_OK;
}

int bbn_late_decay_nX_over_s(double n_over_ngamma, double T0_MeV, double *nX_over_s, fb_err *err) {
  FB_TEST(err, !(n_over_ngamma >= 0.0 && T0_MeV >= 0.1 && T0_MeV <= 30.0), FB_ERR_RANGE,
          "n_over_ngamma = %g, T0_MeV = %g (0.1 - 30)", n_over_ngamma, T0_MeV);
  fb_thermo th;
  FB_CALL(err, fb_thermo_init(&th, err));
  const double gs0 = fb_thermo_gstar_s(&th, T0_MeV * 1e-3);
  fb_thermo_free(&th);
  /* n_X/s = (n_X/n_gamma) n_gamma/s = n0a (2 zeta3/pi^2) / (2 pi^2 g_s/45) */
  *nX_over_s = n_over_ngamma * (2.0 * FB_ZETA3 / (M_PI * M_PI)) / (2.0 * M_PI * M_PI * gs0 / 45.0);
  return FB_OK;
}

void bbn_photodis_apply(const bbn_result *before, const bbn_photodis_result *pd, bbn_result *after) {
  *after = *before;
  memcpy(after->Y, pd->Y, sizeof after->Y);
  after->Yp_mass = before->Yp_mass * pd->Y[BBN_HE4] / before->Y[BBN_HE4]; /* scaled with n_He4 */
  after->Yp = pd->Yp;
  after->D_H = pd->D_H;
  after->He3_H = pd->He3_H;
  after->Li7_H = pd->Li7_H;
  after->Li6_H = pd->Li6_H;
  after->chi2 = bbn_chi2_th(after->Yp_mass, after->D_H, before->th_sigma_Yp, before->th_rel_DH); /* the verdict's chi^2 of the final abundances */
}

int bbn_photodis_excluded(double tau_range, double delta_chi2, double he3_d_ratio, int use_he3_d) {
  return tau_range == 0.0 && (delta_chi2 > FB_CHI2_2DOF_95 || (use_he3_d && he3_d_ratio > FB_HE3_D_MAX));
}
