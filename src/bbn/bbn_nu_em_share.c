/**
 * @file bbn_nu_em_share.c
 * @brief The share of a decay's injected neutrino energy that the scattering cascade hands to the e.m.
 *        plasma (e+- and, through them, photons) before its members become thermal or free-stream (issue 14,
 *        item 2: "the decay energy split ... neutrinos ... their energy shared with the neutrino bath").
 *
 * Why: bbn_background.c gave the whole injected neutrino energy to the neutrino bath (Q_nu), which then
 * exchanges energy with e+- only at the thermal rate. An energetic neutrino (E >> T) scatters on the thermal
 * e+- (nu e -> nu e) and annihilates with thermal anti-neutrinos into e+ e-; both hand energy directly to the
 * plasma. The kinetic codes that the HNL bands come from (Sabti, Magalich, Filimonova arXiv:2006.07387;
 * Dolgov, Hansen, Raffelt, Semikoz hep-ph/0008138; Boyarsky et al. arXiv:2008.00749) contain this in their
 * collision integrals; here it is the generation cascade of bbn_nu_cascade.c, scored in energy instead of in
 * nucleon conversions.
 *
 * Model (same channels and kinematics as bbn_nu_cascade.c: the 2 -> 2 matrix elements of Dolgov, Hansen,
 * Semikoz hep-ph/9703315 table 1, E >> T, target at rest, m_e terms of the matrix elements dropped):
 *  - a member of flavour a and energy E >= E_c = 3.151 T (the cascade's thermal cut) scatters with probability
 *    g = Gamma / (Gamma + H), Gamma = W_a(E, T) (7 pi / 180) G_F^2 T_nu^4 E (bbn_nu_rate.c normalisation; W_a the
 *    channel weight sum, 1.293 / 0.917 x 180 / (7 pi) without suppression). One scattering hands the mean
 *    energy fraction em_a = 1 - sum B <z> to e+- (all of nu anti-nu -> e+ e-; the recoil electron's share of
 *    nu e -> nu e); its neutrino daughters continue. Members below E_c are thermal (their energy stays in
 *    the neutrino bath, which the background couples to e+- at the thermal rate); members that do not
 *    scatter free-stream (their energy stays in the neutrinos). Oscillations between scatterings are not
 *    followed (each member interacts as its own flavour; at T >~ 2 MeV the thermal potential freezes them).
 *  - the energy Y_a(E) a member deposits obeys
 *      Y_a(E) = g [em_a E + sum_{l,q} B_a[l][q] int q(z) Y_l(z E) dz],
 *    solved on the cascade's grid in ln E with its closed-form kernel (bbn_nu_cascade_kernel) and 3 x 3 system
 *    per node; the e.m. share of a neutrino is F_a(E) = Y_a(E) / E.
 *  - e+- below T ~ m_e: the nu e weights are multiplied by the e+- density relative to massless e+-,
 *    se = z^2 K_2(z) / 2 (z = m_e/T, Maxwell-Boltzmann; Kolb & Turner sec. 3.3), the annihilation into e+ e- by
 *    its threshold factor sa(w), w = E T / m_e^2: the rate over a Maxwell-Boltzmann target (energy T y, angle
 *    1 - cos = u) with sigma ~ s beta (beta = sqrt(1 - 4 m_e^2 / s), s = 2 E T y u), over the massless one:
 *      sa(w) = (1/6) int_0^inf y^3 e^-y G(w y) dy,   G(k) = (3/8) int_0^2 u^2 beta du,  s / (4 m_e^2) = k u / 2
 *    (-> 1 for w >> 1; tabulated once per table, 40 nodes in ln w).
 *  - the thermal neutrino targets are at T_nu, from entropy conservation of gamma + e+- with decoupled neutrinos
 *    (Maxwell-Boltzmann e+- entropy; the few-% heating of the neutrinos neglected), the e+- at T.
 *  - per decay (bbn_nu_em_table_init): for each flavour class (nu_e; nu_mu + nu_tau, which share one
 *    temperature in the background) the energy-weighted mean phi_c = sum n E F(E) / sum n E over the decay's
 *    neutrino groups (bbn_decay.nu_groups; each group at its mean rest-frame energy, a group from pions with
 *    its full number), tabulated on a grid in ln T and ln(H / H_ref(T)), H_ref = the radiation-era rate with
 *    g_* = 10.75, so that the X energy density in H is followed. The background moves phi_c of each flavour's
 *    injected power from Q_nu to Q_em (bbn_nu_em_split): energy is conserved exactly.
 * Not modelled: the boost of the groups when X moves, the spectra's shape (mean energy only), the Pauli
 * blocking and the target's own energy (as bbn_nu_cascade.c), the delay of the deposit (the cascade's time
 * 1/Gamma << 1/H where it deposits anything).
 * Checks (tests/bbn/test_bbn_nu_em_share.c): one scattering against the closed form em_a = 11 G / (20 (1 + G)),
 * G = g_L^2 + g_R^2; the whole cascade against a Monte Carlo of the same channels; the late limit (T << m_e);
 * energy conservation of the split.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_sf_bessel.h>

#include "bbn_internal.h"
#include "fb_constants.h"

/* threshold factor table: ln w from ln(0.02) (below: 0, the target's Boltzmann tail e^-50) to ln(2e3) */
#define NUEM_NW 40
#define NUEM_LNW_MIN (-3.912023005428146)
#define NUEM_LNW_MAX (7.600902459542082)
/* grid of the per-decay table: steps in ln T and in ln(H / H_ref) */
#define NUEM_DLNT 0.35
#define NUEM_LNR_MIN (-1.2)
#define NUEM_LNR_MAX (5.7)
#define NUEM_NR 7
/* the ln E step of the energy cascade (bbn_nu_cascade.c: ln 2 / 4; the Monte Carlo check holds to 0.3% at ln 2 / 3) */
#define NUEM_H (0.6931471805599453 / 3.0)

/* G(k) = (3/8) int_0^2 u^2 beta(k u / 2) du = (3/8)(2/k)^3 int_1^k v^2 sqrt(1 - 1/v) dv (v = k u / 2), in closed form with
 * v = cosh^2 th: int 2 cosh^4 th sinh^2 th dth = (1/4)[sinh(4 th)/8 - th/2 + sinh^3(2 th)/6] (checked against Simpson
 * to 1e-7 at k = 1.01 - 100 when written) */
static double thr_G(double k) {
  if (!(k > 1.0)) return 0.0;
  const double th = acosh(sqrt(k)), s2 = sinh(2.0 * th);
  return 0.375 * pow(2.0 / k, 3) * 0.25 * (sinh(4.0 * th) / 8.0 - th / 2.0 + s2 * s2 * s2 / 6.0);
}

/* sa(w) = (1/6) int_0^inf y^3 e^-y G(w y) dy (Simpson on y in [y_thr, y_thr + 60], y_thr = 1/w) */
static double thr_factor(double w) {
  const int n = 120;
  const double y0 = 1.0 / w, hy = 60.0 / n;
  double sum = 0.0;
  for (int i = 0; i <= n; ++i) {
    const double y = y0 + i * hy;
    sum += y * y * y * exp(-y) * thr_G(w * y) * (i == 0 || i == n ? 1.0 : (i % 2 ? 4.0 : 2.0));
  }
  return sum * hy / 3.0 / 6.0;
}

double bbn_nu_em_ann_factor(const bbn_nu_em_table *t, double w) {
  if (!(w > 0.0)) return 0.0;
  const double lw = log(w), dl = (NUEM_LNW_MAX - NUEM_LNW_MIN) / (NUEM_NW - 1);
  if (lw <= NUEM_LNW_MIN) return 0.0;
  if (lw >= NUEM_LNW_MAX) /* deficit ~ 1 / w (beta ~ 1 - 2 m_e^2 / s) */
    return 1.0 - (1.0 - t->ann[NUEM_NW - 1]) * exp(NUEM_LNW_MAX - lw);
  const double u = (lw - NUEM_LNW_MIN) / dl;
  int k = (int)u;
  if (k > NUEM_NW - 2) k = NUEM_NW - 2;
  const double f = u - k;
  return (1.0 - f) * t->ann[k] + f * t->ann[k + 1];
}

double bbn_nu_em_ee_density_factor(double T_MeV) {
  const double z = FB_ME_GEV * 1e3 / T_MeV;
  if (z < 1e-3) return 1.0;
  if (z > 600.0) return 0.0;
  return 0.5 * z * z * gsl_sf_bessel_Kn(2, z);
}

double bbn_nu_em_Tnu_over_T(double T_MeV) {
  /* entropy of gamma + e+- conserved, neutrinos decoupled (Kolb & Turner sec. 3.4): (T_nu / T)^3 = (2 + (7/2) sigma(z))
   * / (11/2), sigma = e+- entropy over its massless value, Maxwell-Boltzmann: (z^3 K_1 + 4 z^2 K_2) / 8 */
  const double z = FB_ME_GEV * 1e3 / T_MeV;
  double sig = 1.0;
  if (z > 600.0)
    sig = 0.0;
  else if (z > 1e-3)
    sig = (z * z * z * gsl_sf_bessel_Kn(1, z) + 4.0 * z * z * gsl_sf_bessel_Kn(2, z)) / 8.0;
  return cbrt((2.0 + 3.5 * sig) / 5.5);
}

void bbn_nu_em_env_init(bbn_nu_em_env *v, const bbn_nu_em_table *t, double T_MeV, double H_MeV) {
  /* targets: thermal nu at T_nu (rate unit ~ T_nu^4), e+- at T (their weights x se (T / T_nu)^4), the
   * annihilation partner anti-nu at T_nu (threshold at w = E T_nu / m_e^2) */
  const double GF = FB_GF_GEV_M2 * 1e-6, Tn = bbn_nu_em_Tnu_over_T(T_MeV) * T_MeV, me = FB_ME_GEV * 1e3;
  v->t = t;
  v->H_MeV = H_MeV;
  v->se = bbn_nu_em_ee_density_factor(T_MeV) * pow(T_MeV / Tn, 4);
  v->w_per_E = Tn / (me * me);
  v->unit = bbn_nu_rate_s_unit() * GF * GF * pow(Tn, 4);
}

double bbn_nu_em_member(const bbn_nu_em_env *v, int a, double E_MeV, double B[3][3], double *em) {
  const double W = bbn_nu_cascade_channels_sup(a, v->se, bbn_nu_em_ann_factor(v->t, E_MeV * v->w_per_E), B, em);
  const double Gam = W * v->unit * E_MeV;
  return Gam / (Gam + v->H_MeV);
}

double bbn_nu_em_H_ref_MeV(double T_MeV) {
  const double rho = FB_PI * FB_PI / 30.0 * 10.75 * T_MeV * T_MeV * T_MeV * T_MeV;
  return sqrt(rho / 3.0) / (FB_MPL_REDUCED_GEV * 1e3);
}

void bbn_nu_em_column_solve(bbn_nu_em_column *c, const bbn_nu_em_table *t, double T_MeV, double H_MeV,
                            double E_top_MeV) {
  const double E_c = bbn_nu_mean_p_over_T() * T_MeV;
  c->n = 0;
  if (!(E_top_MeV > E_c)) return;
  double h;
  const int n = bbn_nu_cascade_grid(E_c, E_top_MeV, NUEM_H, &h);
  c->n = n;
  c->h = h;
  c->lnE_c = log(E_c);
  double L[BBN_NU_CASCADE_NMAX][3], U[BBN_NU_CASCADE_NMAX][3];
  bbn_nu_cascade_kernel(h, n, L, U);
  bbn_nu_em_env v;
  bbn_nu_em_env_init(&v, t, T_MeV, H_MeV);
  double Y[3][BBN_NU_CASCADE_NMAX];
  for (int k = 0; k < n; ++k) {
    const double E = exp(c->lnE_c + k * h);
    double known[3][3]; /* int q(z) Y_l(z E) dz without the node's own value */
    for (int l = 0; l < 3; ++l)
      for (int q = 0; q < 3; ++q) {
        double s = 0.0;
        for (int i = 0; i < k; ++i) {
          s += L[k - i][q] * Y[l][i];
          if (i + 1 < k) s += U[k - i][q] * Y[l][i + 1];
        }
        known[l][q] = s;
      }
    double A[3][3], b[3][2];
    for (int a = 0; a < 3; ++a) {
      double B[3][3], em;
      const double g = bbn_nu_em_member(&v, a, E, B, &em);
      b[a][0] = g * em * E;
      b[a][1] = 0.0;
      for (int l = 0; l < 3; ++l) {
        A[a][l] = a == l ? 1.0 : 0.0;
        for (int q = 0; q < 3; ++q) {
          const double wgt = g * B[l][q];
          b[a][0] += wgt * known[l][q];
          if (k > 0) A[a][l] -= wgt * U[1][q];
        }
      }
    }
    bbn_nu_solve3(A, b);
    for (int a = 0; a < 3; ++a) {
      Y[a][k] = b[a][0];
      c->F[a][k] = b[a][0] / E;
    }
  }
}

double bbn_nu_em_column_at(const bbn_nu_em_column *c, int a, double E_MeV) {
  if (c->n < 2) return 0.0;
  const double u = (log(E_MeV) - c->lnE_c) / c->h;
  if (!(u >= 0.0)) return 0.0; /* thermal: no direct deposit */
  if (u >= c->n - 1) return c->F[a][c->n - 1];
  const int k = (int)u;
  const double f = u - k;
  return (1.0 - f) * c->F[a][k] + f * c->F[a][k + 1];
}

static int nuem_ann_init(bbn_nu_em_table *t) {
  const double dl = (NUEM_LNW_MAX - NUEM_LNW_MIN) / (NUEM_NW - 1);
  for (int i = 0; i < NUEM_NW; ++i) t->ann[i] = thr_factor(exp(NUEM_LNW_MIN + i * dl));
  return FB_OK;
}

int bbn_nu_em_table_init_empty(bbn_nu_em_table *t) {
  memset(t, 0, sizeof(*t));
  return nuem_ann_init(t);
}

int bbn_nu_em_table_init(bbn_nu_em_table *t, const bbn_decay *d, double T_min_MeV, double T_max_MeV, fb_err *err) {
  bbn_nu_em_table_init_empty(t);
  FB_TEST(err, !(T_min_MeV > 0.0 && T_max_MeV > T_min_MeV), FB_ERR_RANGE,
          "nu e.m. share: temperature range [%g, %g] MeV is empty", T_min_MeV, T_max_MeV);
  double wsum[2] = {0.0, 0.0}, E_top = 0.0;
  for (int i = 0; i < d->n_nu_groups && i < BBN_NU_MAX_GROUPS; ++i) {
    const bbn_nu_group *gr = &d->nu_groups[i];
    wsum[gr->flavour == 0 ? 0 : 1] += gr->n * gr->E_MeV;
    if (gr->E_MeV > E_top) E_top = gr->E_MeV;
  }
  if (!(wsum[0] + wsum[1] > 0.0)) return FB_OK; /* no spectrum known: phi = 0 (all into Q_nu, as before) */
  t->lnT_min = log(T_min_MeV);
  t->n_T = (int)ceil((log(T_max_MeV) - t->lnT_min) / NUEM_DLNT) + 1;
  if (t->n_T < 2) t->n_T = 2;
  t->dlnT = (log(T_max_MeV) - t->lnT_min) / (t->n_T - 1);
  t->n_r = NUEM_NR;
  t->lnr_min = NUEM_LNR_MIN;
  t->dlnr = (NUEM_LNR_MAX - NUEM_LNR_MIN) / (NUEM_NR - 1);
  t->phi = calloc((size_t)2 * t->n_T * t->n_r, sizeof(double));
  FB_TEST(err, !t->phi, FB_ERR_MEMORY, "nu e.m. share: allocation failed");
  bbn_nu_em_column col;
  for (int i = 0; i < t->n_T; ++i) {
    const double T = exp(t->lnT_min + i * t->dlnT);
    for (int j = 0; j < t->n_r; ++j) {
      const double H = bbn_nu_em_H_ref_MeV(T) * exp(t->lnr_min + j * t->dlnr);
      bbn_nu_em_column_solve(&col, t, T, H, 1.001 * E_top);
      double s[2] = {0.0, 0.0};
      for (int k = 0; k < d->n_nu_groups && k < BBN_NU_MAX_GROUPS; ++k) {
        const bbn_nu_group *gr = &d->nu_groups[k];
        s[gr->flavour == 0 ? 0 : 1] += gr->n * gr->E_MeV * bbn_nu_em_column_at(&col, gr->flavour, gr->E_MeV);
      }
      for (int c = 0; c < 2; ++c) t->phi[(c * t->n_T + i) * t->n_r + j] = wsum[c] > 0.0 ? s[c] / wsum[c] : 0.0;
    }
  }
  return FB_OK;
}

void bbn_nu_em_table_free(bbn_nu_em_table *t) {
  free(t->phi);
  t->phi = NULL;
  t->n_T = 0;
}

/* Catmull-Rom weights at fraction f of the interval [i, i+1] for the nodes i-1 .. i+2 (C1: the background's
 * integrator sees no kinks at the nodes; one-sided at the ends by the clamped index) */
void bbn_cr_weights(double f, double w[4]) {
  const double f2 = f * f, f3 = f2 * f;
  w[0] = 0.5 * (-f3 + 2.0 * f2 - f);
  w[1] = 0.5 * (3.0 * f3 - 5.0 * f2 + 2.0);
  w[2] = 0.5 * (-3.0 * f3 + 4.0 * f2 + f);
  w[3] = 0.5 * (f3 - f2);
}

void bbn_nu_em_phi(const bbn_nu_em_table *t, double T_MeV, double H_MeV, double phi[2]) {
  phi[0] = phi[1] = 0.0;
  if (!t || !t->phi) return;
  double u = (log(T_MeV) - t->lnT_min) / t->dlnT, v = (log(H_MeV / bbn_nu_em_H_ref_MeV(T_MeV)) - t->lnr_min) / t->dlnr;
  u = fmin(fmax(u, 0.0), t->n_T - 1.0); /* clamped to the table */
  v = fmin(fmax(v, 0.0), t->n_r - 1.0);
  int i = (int)u, j = (int)v;
  if (i > t->n_T - 2) i = t->n_T - 2;
  if (j > t->n_r - 2) j = t->n_r - 2;
  double wu[4], wv[4];
  bbn_cr_weights(u - i, wu);
  bbn_cr_weights(v - j, wv);
  for (int c = 0; c < 2; ++c) {
    const double *p = t->phi + (size_t)c * t->n_T * t->n_r;
    double s = 0.0;
    for (int a = 0; a < 4; ++a) {
      const int ii = i - 1 + a < 0 ? 0 : (i - 1 + a > t->n_T - 1 ? t->n_T - 1 : i - 1 + a);
      for (int b = 0; b < 4; ++b) {
        const int jj = j - 1 + b < 0 ? 0 : (j - 1 + b > t->n_r - 1 ? t->n_r - 1 : j - 1 + b);
        s += wu[a] * wv[b] * p[ii * t->n_r + jj];
      }
    }
    phi[c] = fmin(fmax(s, 0.0), 1.0); /* the cubic may overshoot slightly near 0 */
  }
}

double bbn_nu_em_split(const bbn_nu_em_table *t, double T_MeV, double H_MeV, double Q_nu_flav[2]) {
  double phi[2];
  bbn_nu_em_phi(t, T_MeV, H_MeV, phi);
  if (phi[0] == 0.0 && phi[1] == 0.0) return 0.0;
  const double m0 = phi[0] * Q_nu_flav[0], m1 = phi[1] * Q_nu_flav[1];
  Q_nu_flav[0] -= m0;
  Q_nu_flav[1] -= m1;
  return m0 + m1;
}
