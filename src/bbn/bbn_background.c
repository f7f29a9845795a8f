/**
 * @file bbn_background.c
 * @brief BBN background: photons, e+- (with QED corrections), neutrinos with incomplete
 *        decoupling, extra radiation, baryons and an optional extra component X.
 *
 * State in x = ln(a/a_start): T (photon = e+- temperature), T_nu (of nu_e), t, the invisible
 * radiation rho_inv a^4 and T_numu (of nu_mu and nu_tau, which couple identically to the plasma).
 * Equations (Escudero, arXiv:1812.05605 eqs. 2.8-2.9; arXiv:2001.04466 sec. 2), written below for
 * one neutrino temperature; the flavours are split as in arXiv:2001.04466 eqs. 2.14-2.15 (and its
 * code nudec_BSM, nuDec_SM_2nu.py): nu_e receives its e <-> nu term with (1 + 4 s_W^2 + 8 s_W^4) and
 * + 2 F(T_numu, T_nue) from nu-nu scattering, each of nu_mu, nu_tau its e <-> nu term with
 * (1 - 4 s_W^2 + 8 s_W^4) and - F(T_numu, T_nue); a decay's neutrino energy goes to the flavours by
 * bbn_decay.nu_share, less the share its neutrino groups' scattering cascade hands to e+- (bbn_decay.nu_em_share,
 * bbn_nu_em_share.c: bbn_nu_em_split moves it per flavour from Q_nu to Q_em). The weak n <-> p rates use T_nue:
 *   d rho_pl/dx = -3 (rho_pl + P_pl) + (Q_em - C)/H,    rho_pl = rho_gamma + rho_e + rho_int(QED)
 *   d rho_nu/dx = -4 rho_nu + (Q_nu + C)/H,             rho_nu = 3 (7/8)(pi^2/15) T_nu^4
 *   dt/dx = 1/H,   H^2 = (rho_pl + rho_nu + rho_dN + rho_b + rho_X) / (3 M_Pl,red^2)
 * with the e <-> nu energy-transfer rate in the Maxwell-Boltzmann-corrected massless-electron
 * form of Escudero (arXiv:2001.04466 eq. 2.13, flavour-universal T_nu):
 *   C = G_F^2/pi^5 [(1 + 4 s_W^2 + 8 s_W^4) + 2 (1 - 4 s_W^2 + 8 s_W^4)] F(T, T_nu),
 *   F(T1, T2) = 32 f_a (T1^9 - T2^9) + 56 f_s T1^4 T2^4 (T1 - T2), f_a = 0.884, f_s = 0.829,
 * corrected for the electron mass (which eq. 2.13 neglects, so that it keeps heating the neutrinos
 * once the e+- are Boltzmann suppressed, T < m_e): each annihilation term T_i^9 is multiplied by
 * A_f(m_e/T_i), the exact Maxwell-Boltzmann ratio of the massive to the massless energy-weighted
 * rate of e+ e- <-> nu_f nubar_f, and the scattering term by S(m_e/T) = n_e(m_e)/n_e(0) (see
 * ee_rate_factors). Full m_e-dependent rate coefficients: Escudero, Jackson, Laine, Sandner,
 * arXiv:2511.04747 sec. 2 and app. B (not used).
 * A thermal particle chi (bbn_params.chi, bbn_thermal_dm.c) adds rho_chi, P_chi, d rho_chi/dT to the
 * plasma (electrophilic) or to the neutrinos, then held at one T_nu (neutrinophilic), as in Escudero
 * arXiv:1812.05605 sec. 4; without it every expression is the one above, bit for bit.
 * A moving decaying X (bbn_decay.p0_MeV > 0, issue 14 item 1: a FIP still relativistic at T_start) has
 * rho_X = n_X E, E = sqrt(m^2 + p^2), p = p0 a_start/a, and decays at the time-dilated rate (m/E)/tau, so the
 * power is Gamma m n_X with E per decay; a sixth state, its proper-time optical depth, counts the decays.
 * Inverse decays (bbn_decay.g_inverse > 0, where T <= bbn_decay.T_inverse_MeV; issue 14, BC9 N_eff band): the e.m. channels (width f_em Gamma) re-create
 * X from the plasma at T by detailed balance, Maxwell-Boltzmann as bbn_abundance_energy.c (Kolb & Turner sec. 5.1):
 *   d(n_X a^3)/dt = a^3 [-Gamma (m/E) n_X + f_em Gamma R(m/T) n_eq],   n_eq = g m^2 T K2(m/T)/(2 pi^2),  R = K1/K2,
 *   Q_em = f_em Gamma (m n_X - R n_eq E)   (energy per unit time into the plasma; E the energy X carries here, so
 *   that X and plasma conserve energy exactly; for E = m/R, kinetic equilibrium, the detailed balance f_em Gamma m
 *   (n_X - n_eq) of bbn_abundance_energy.c),
 * so an X kept in equilibrium gives its entropy to the photons as it becomes non-relativistic (the thermal limit,
 * bbn_thermal_dm.c, which test_bbn_inverse_decays checks). The sixth state becomes -ln(n_X a^3 e^{t0/tau}/N_w), the
 * optical depth without inverse decays. X's mean energy is then a seventh state that relaxes towards the plasma's
 * <E>_eq(T) at the rate of the inverse decays (bg_X_relaxing: the number and energy moments and the closure of
 * bbn_abundance_energy.c; before 2026-12-07 X kept the free-streaming p0 a_start/a and settled at n_eq R E/m). f_em stands for the branching ratio of the channels whose daughters are
 * thermal (exact for X -> gamma gamma, e+ e-: BC9 below the muon threshold).
 * Extra radiation: rho_dN = Delta N_eff (7/8)(pi^2/15) T_free^4 with T_free = T_start a_start/a
 * (free-streaming from T_start). QED: P_int = P2 + P3 with (Heckler, PRD 49 (1994) 611;
 * Mangano et al., arXiv:astro-ph/0111408; Bennett et al., arXiv:1911.04504 eqs. 2.6-2.7)
 *   P2 = -(e^2 T^2 / 6 pi^2) J - (e^2 / 2 pi^4) J^2,  J = int_0^inf dk k^2/E_k f_FD(E_k/T),
 *   P3 = T m_D^3 / (12 pi),  m_D^2 = (2 e^2 / pi^2 T) int_0^inf dk k^2 f (1 - f),
 * rho_int = -P_int + T dP_int/dT (massless limits -5 e^2 T^4/288 and e^3 T^4 / (36 sqrt3 pi)).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_sf_bessel.h>

#include "bbn_internal.h"
#include "fb_constants.h"
#include "fb_ode.h"

#define BBN_PL_N 600
#define BBN_PL_TMIN_MEV 1e-4
#define BBN_PL_TMAX_MEV 50.0

/* 8-point Gauss-Legendre nodes and weights on [-1, 1] (shared by src/bbn) */
const double bbn_gl8_x[8] = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290,
                                -0.1834346424956498, 0.1834346424956498,  0.5255324099163290,
                                0.7966664774136267,  0.9602898564975363};
const double bbn_gl8_w[8] = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873,
                                0.3626837833783620, 0.3626837833783620, 0.3137066458778873,
                                0.2223810344533745, 0.1012285362903763};

/* Integrals over y = k/T in [0, 200] for z = m_e/T: rho/T^4, P/T^4, T^-3 d rho/dT (g = 4),
 * J/T^2 and int y^2 f(1-f) dy. */
static void ee_integrals(double z, double *rho, double *P, double *drho, double *J, double *K) {
  double sr = 0, sp = 0, sd = 0, sj = 0, sk = 0;
  double lo = 0.0;
  for (double hi = 0.05; lo < 200.0; hi *= 1.3) {
    /* from here on E >= sqrt(lo^2 + z^2) > 746, where exp(-E) is exactly 0 (below the smallest subnormal,
     * e^-744.4): the remaining terms are +0 and the sums final, bit for bit (T < 0.68 keV: 88 of the 600 nodes) */
    if (lo * lo + z * z > 746.0 * 746.0) break;
    if (hi > 200.0) hi = 200.0;
    const double h = 0.5 * (hi - lo), c = 0.5 * (hi + lo);
    for (int j = 0; j < 8; ++j) {
      const double y = c + h * bbn_gl8_x[j], w = h * bbn_gl8_w[j];
      const double e = sqrt(y * y + z * z);
      const double ex = exp(-e);
      const double f = ex / (1.0 + ex), ff = f * (1.0 - f);
      sr += w * y * y * e * f;
      sp += w * y * y * y * y / e * f;
      sd += w * y * y * e * e * ff; /* d f/dT = f(1-f) E/T^2 */
      sj += w * y * y / e * f;
      sk += w * y * y * ff;
    }
    lo = hi;
  }
  const double g = 4.0 / (2.0 * FB_PI * FB_PI);
  *rho = g * sr;
  *P = g * sp / 3.0;
  *drho = g * sd;
  *J = sj;
  *K = sk;
}

/* Electron-mass factors of the e <-> nu energy-transfer rate at z = m_e/T (Maxwell-Boltzmann).
 * Annihilation e+ e- -> nu_f nubar_f: with the spin-summed matrix element
 *   |M|^2 = 32 G_F^2 [g_L^2 (p1.q2)(p2.q1) + g_R^2 (p1.q1)(p2.q2) + g_L g_R m_e^2 (q1.q2)]
 * (Hannestad & Madsen, arXiv:astro-ph/9506015 table 2, crossed to annihilation), averaged over the
 * centre-of-mass angle, sigma(s) (s - 4 m^2) = sigma_0(s) s beta R(s) with sigma_0 the massless cross
 * section, beta = sqrt(1 - 4 m^2/s) and R = 1 - (m^2/s) (1 - 6 g_L g_R / (g_L^2 + g_R^2)).
 * The energy-weighted MB thermal average (Gondolo & Gelmini, Nucl. Phys. B360 (1991) 145, with
 * sqrt(s) K1 -> s K2 for the weight E1 + E2) is (g^2 T / 32 pi^4) int ds sigma (s - 4m^2) s K2(sqrt(s)/T),
 * so with x = sqrt(s)/T the ratio to the massless rate is
 *   A_f(z) = int_{2z}^inf dx x^7 beta R K2(x) / int_0^inf dx x^7 K2(x),   int_0^inf x^7 K2 = 3072,
 * integrated in v = x beta (dx beta = v^2/x^2 dv). Scattering nu e -> nu e: the massless rate is
 * scaled by the e+- number density, S(z) = n_e(m_e)/n_e(0) = z^2 K2(z)/2 (MB); this neglects the
 * smaller energy transfer per collision on a heavy electron (the exact factor is below S; the
 * full m_e-dependent collision terms are in arXiv:2511.04747 app. B, not used here). */
static double ee_scat_factor(double z) {
  return (z < 1e-6) ? 1.0 : (z > 700.0 ? 0.0 : 0.5 * z * z * gsl_sf_bessel_Kn_scaled(2, z) * exp(-z));
}

static void ee_rate_factors(double z, double *A_e, double *A_mu, double *S) {
  const double s2 = FB_SIN2_THETAW;
  const double gLe = 0.5 + s2, gLm = -0.5 + s2, gR = s2;
  const double ce = 1.0 - 6.0 * gLe * gR / (gLe * gLe + gR * gR);
  const double cm = 1.0 - 6.0 * gLm * gR / (gLm * gLm + gR * gR);
  double se = 0.0, sm = 0.0, lo = 0.0;
  for (double hi = 0.05; lo < 80.0; hi *= 1.3) {
    if (hi > 80.0) hi = 80.0;
    const double h = 0.5 * (hi - lo), c = 0.5 * (hi + lo);
    for (int j = 0; j < 8; ++j) {
      const double v = c + h * bbn_gl8_x[j], w = h * bbn_gl8_w[j];
      const double x = sqrt(v * v + 4.0 * z * z);
      if (x > 700.0) continue; /* K2 underflows */
      const double K2 = gsl_sf_bessel_Kn_scaled(2, x) * exp(-x);
      const double r = z * z / (x * x);
      const double base = w * x * x * x * x * x * v * v * K2; /* x^7 (v^2/x^2) K2 */
      se += base * (1.0 - r * ce);
      sm += base * (1.0 - r * cm);
    }
    lo = hi;
  }
  *A_e = se / 3072.0;
  *A_mu = sm / 3072.0;
  *S = ee_scat_factor(z);
}

/* The annihilation factors A_e, A_mu of every node of the plasma grid (the quadrature of ee_rate_factors costs
 * ~20 us, 12 ms for the 600 nodes, a fifth of the tables): computed on every BBN_PL_FACTOR_STEP-th node and
 * filled in between by cubic (4-point Lagrange) interpolation of ln A in ln T, wherever the stencil's values are
 * positive (else computed). Against computing every node: < 2.2e-5 relative where A > 1e-3 (T > 0.05 MeV; 1.2e-4
 * where A > 1e-30), far below the error of the linear lookup between the 600 nodes (ee_rate_lookup: ~1e-2 at
 * T ~ 0.06 MeV where A falls as exp(-2 m_e/T)); standard BBN at rtol 1e-9 moves by 5e-8 in Yp, 1e-7 in D/H (relative)
 * and 6e-7 in N_eff (test_bbn_cache: test_coarse_plasma_factors; docs/performance.md). */
#define BBN_PL_FACTOR_STEP 4
static void ee_rate_factor_table(const double *lnT, int n, double *A_e, double *A_mu) {
  const int nc = (n - 1) / BBN_PL_FACTOR_STEP + 1, last = (nc - 1) * BBN_PL_FACTOR_STEP;
  double S;
  for (int i = 0; i < n; ++i)
    if (i % BBN_PL_FACTOR_STEP == 0 || i > last) ee_rate_factors(FB_ME_GEV * 1e3 / exp(lnT[i]), &A_e[i], &A_mu[i], &S);
  for (int i = 1; i < last; ++i) {
    if (i % BBN_PL_FACTOR_STEP == 0) continue;
    double w[4], le = 0.0, lm = 0.0;
    const int j0 = bbn_lagrange4_coarse(i, BBN_PL_FACTOR_STEP, nc, w);
    int ok = 1;
    for (int a = 0; a < 4 && ok; ++a) {
      const int k = (j0 + a) * BBN_PL_FACTOR_STEP;
      ok = A_e[k] > 0.0 && A_mu[k] > 0.0;
      if (ok) le += w[a] * log(A_e[k]), lm += w[a] * log(A_mu[k]);
    }
    if (ok) {
      A_e[i] = exp(le);
      A_mu[i] = exp(lm);
    } else {
      ee_rate_factors(FB_ME_GEV * 1e3 / exp(lnT[i]), &A_e[i], &A_mu[i], &S);
    }
  }
}

void bbn_ee_rate_factors(double T_MeV, double *A_e, double *A_mu, double *S) {
  ee_rate_factors(FB_ME_GEV * 1e3 / T_MeV, A_e, A_mu, S);
}

int bbn_qed_pressure(double T_MeV, double *P2, double *P3, fb_err *err) {
  FB_TEST(err, !(T_MeV > 0.0), FB_ERR_INPUT, "QED pressure: T_MeV = %g must be positive", T_MeV);
  const double z = FB_ME_GEV * 1e3 / T_MeV;
  double rho, P, drho, J, K;
  ee_integrals(z, &rho, &P, &drho, &J, &K);
  const double e2 = 4.0 * FB_PI * FB_ALPHA_EM, T2 = T_MeV * T_MeV, T4 = T2 * T2;
  /* J has dimension T^2: J_phys = T^2 J */
  *P2 = -(e2 / (6.0 * FB_PI * FB_PI)) * T4 * J - (e2 / (2.0 * FB_PI * FB_PI * FB_PI * FB_PI)) * T4 * J * J;
  const double mD2_over_T2 = 2.0 * e2 / (FB_PI * FB_PI) * K;
  *P3 = T4 * pow(mD2_over_T2, 1.5) / (12.0 * FB_PI);
  return FB_OK;
}

int bbn_plasma_table_build(bbn_tables *tab, fb_err *err) {
  const int n = BBN_PL_N;
  tab->n_ee = n;
  tab->n_qed = n;
  tab->ee_z = malloc(sizeof(double) * n);
  tab->ee_rho = malloc(sizeof(double) * n);
  tab->ee_P = malloc(sizeof(double) * n);
  tab->ee_drho = malloc(sizeof(double) * 4 * n); /* + the three rate factors */
  tab->qed_lnT = malloc(sizeof(double) * n);
  tab->qed_P = malloc(sizeof(double) * n);
  tab->qed_dP = malloc(sizeof(double) * n);
  tab->qed_d2P = malloc(sizeof(double) * n);
  FB_TEST(err, !tab->ee_z || !tab->ee_rho || !tab->ee_P || !tab->ee_drho || !tab->qed_lnT ||
                   !tab->qed_P || !tab->qed_dP || !tab->qed_d2P,
          FB_ERR_MEMORY, "plasma table: allocation failed");
  tab->ee_ann_e = tab->ee_drho + n;
  tab->ee_ann_mu = tab->ee_drho + 2 * n;
  tab->ee_scat = tab->ee_drho + 3 * n;
  const double l0 = log(BBN_PL_TMIN_MEV), l1 = log(BBN_PL_TMAX_MEV);
  for (int i = 0; i < n; ++i) {
    const double lnT = l0 + (l1 - l0) * i / (n - 1), T = exp(lnT);
    double rho, P, drho, J, K;
    ee_integrals(FB_ME_GEV * 1e3 / T, &rho, &P, &drho, &J, &K);
    tab->ee_z[i] = lnT;
    tab->ee_rho[i] = rho;
    tab->ee_P[i] = P;
    tab->ee_drho[i] = drho;
    tab->ee_scat[i] = ee_scat_factor(FB_ME_GEV * 1e3 / T);
    double P2, P3;
    FB_CALL(err, bbn_qed_pressure(T, &P2, &P3, err));
    tab->qed_lnT[i] = lnT;
    tab->qed_P[i] = (P2 + P3) / (T * T * T * T);
  }
  ee_rate_factor_table(tab->ee_z, n, tab->ee_ann_e, tab->ee_ann_mu);
  /* derivatives of p(lnT) = P_int/T^4 by centred differences; P_int = T^4 p,
   * dP/dT = T^3 (4p + p'), d2P/dT2 = T^2 (12 p + 7 p' + p'') */
  const double h = (l1 - l0) / (n - 1);
  for (int i = 0; i < n; ++i) {
    const int im = i > 0 ? i - 1 : 0, ip = i < n - 1 ? i + 1 : n - 1;
    const int ic = (i == 0) ? 1 : (i == n - 1 ? n - 2 : i);
    tab->qed_dP[i] = (tab->qed_P[ip] - tab->qed_P[im]) / ((ip - im) * h);
    tab->qed_d2P[i] = (tab->qed_P[ic + 1] - 2.0 * tab->qed_P[ic] + tab->qed_P[ic - 1]) / (h * h);
  }
  return FB_OK;
}

static void table_lookup(double lnT, int n, double *i_out, double *u_out) {
  const double l0 = log(BBN_PL_TMIN_MEV), l1 = log(BBN_PL_TMAX_MEV);
  double x = (lnT - l0) / (l1 - l0) * (n - 1);
  if (x < 0) x = 0;
  if (x > n - 1.000001) x = n - 1.000001;
  const int i = (int)x;
  *i_out = i;
  *u_out = x - i;
}

void bbn_ee_thermo(const bbn_tables *tab, double T, double *rho, double *P, double *drho_dT) {
  double di, u;
  table_lookup(log(T), tab->n_ee, &di, &u);
  const int i = (int)di;
  const double T3 = T * T * T;
  *rho = T3 * T * ((1 - u) * tab->ee_rho[i] + u * tab->ee_rho[i + 1]);
  *P = T3 * T * ((1 - u) * tab->ee_P[i] + u * tab->ee_P[i + 1]);
  *drho_dT = T3 * ((1 - u) * tab->ee_drho[i] + u * tab->ee_drho[i + 1]);
}

double bbn_plasma_grid_interp(const bbn_tables *tab, const double *f, double T) {
  double di, u;
  table_lookup(log(T), tab->n_ee, &di, &u);
  const int i = (int)di;
  return (1 - u) * f[i] + u * f[i + 1];
}

/* electron-mass factors (ee_rate_factors) at temperature T, linear in ln T */
static void ee_rate_lookup(const bbn_tables *tab, double T, double *A_e, double *A_mu, double *S) {
  double di, u;
  table_lookup(log(T), tab->n_ee, &di, &u);
  const int i = (int)di;
  *A_e = (1 - u) * tab->ee_ann_e[i] + u * tab->ee_ann_e[i + 1];
  *A_mu = (1 - u) * tab->ee_ann_mu[i] + u * tab->ee_ann_mu[i + 1];
  *S = (1 - u) * tab->ee_scat[i] + u * tab->ee_scat[i + 1];
}

void bbn_qed_thermo(const bbn_tables *tab, double T, double *P, double *rho, double *drho_dT) {
  double di, u;
  table_lookup(log(T), tab->n_qed, &di, &u);
  const int i = (int)di;
  const double p = (1 - u) * tab->qed_P[i] + u * tab->qed_P[i + 1];
  const double p1 = (1 - u) * tab->qed_dP[i] + u * tab->qed_dP[i + 1];
  const double p2 = (1 - u) * tab->qed_d2P[i] + u * tab->qed_d2P[i + 1];
  const double T2 = T * T, T4 = T2 * T2;
  *P = T4 * p;
  const double dPdT = T2 * T * (4.0 * p + p1);
  *rho = -(*P) + T * dPdT;
  /* d rho/dT = T d2P/dT2 */
  *drho_dT = T * T2 * (12.0 * p + 7.0 * p1 + p2);
}

typedef struct bg_ctx {
  const bbn_tables *tab;
  const bbn_params *p;
  double nb_start_MeV3;   /* baryon density at a_start (first estimate or final) */
  double mb_MeV;          /* mean mass per baryon */
  double T_start;
  double dN_norm;         /* kappa: rho_dN(end) = Delta N_eff (7/8)(4/11)^{4/3} rho_gamma(end) */
  int hook_rc;
  fb_ode *ode;
  /* decaying particle X (p->decay): n_X = NwX exp(-3x) exp(-t/tau); state y[3] = rho_inv e^{4x} */
  int ns;                 /* number of state variables (5) */
  double NwX_MeV3, mX_MeV, tauX_s, GamX_MeV;
  double t0_s;            /* time at the start (moving X: its decays counted from there) */
  const bbn_nu_em_table *nuem; /* e.m. share of the decay's neutrino energy (bbn_nu_em_share.c); NULL: none */
} bg_ctx;

/* X with inverse decays (bbn_decay.g_inverse > 0 and T_inverse_MeV > 0; issue 14, BC9 N_eff band): seven states, the
 * seventh y[6] = <E>/m of X. The number AND energy moments of X's Boltzmann equation, with the closure and the
 * collision terms of bbn_abundance_energy.c (the equations used before the hand-over; Kolb & Turner sec. 5.1-5.2):
 * X a Maxwell-Boltzmann gas at its own T_X fixed by <E> (x_X = m/T_X, R_X = <m/E>_X = K1/K2(x_X), P_X = n T_X), and
 *   dn/dt + 3Hn         = Gamma (f_em R(z) n_eq - R_X n),        z = m/T, R = K1/K2,
 *   drho/dt + 3H(rho+P) = Gamma (f_em m n_eq - m n),
 * n_eq = g m^2 T K2(z)/(2 pi^2) where T <= T_inverse_MeV (else no inverse decays). The decays remove Gamma m n (exact
 * for any spectrum); the inverse decays give X the m/E-weighted equilibrium energy f_em Gamma m n_eq, drawn from the
 * plasma (Q_id), so X + plasma conserve energy exactly. Per particle, d<E>/dt = -3 H T_X + Gamma [(R_X <E> - m) +
 * f_em (n_eq/n)(m - R <E>)]: in equilibrium (n = n_eq) <E> relaxes to <E>_eq(T) = m (K1/K2 + 3/z), i.e. T_X = T, at the
 * rate of the inverse decays, and the decays are time-dilated by the actual R_X. Before 2026-12-07 (branch bc9mom) the
 * X re-created here kept the stage's free-streaming momentum p0 a_start/a, so that X in equilibrium settled at
 * n_eq R E/m instead of n_eq (0.015 in N_eff vs the thermal limit, test_bbn_inverse_decays). Outputs: rho_X, the decay
 * power Q, d(y[5])/dt over Gamma, Q_id, d(y[6])/dt (MeV) and the redshift part d(y[6])/dx. */
static void bg_X_relaxing(const bg_ctx *c, const bbn_decay *d, double x, double T, const double *y, double *rX,
                          double *Q, double *dtau, double *Q_id, double *dE_t, double *dE_x) {
  const double m = c->mX_MeV, e = y[6];
  const double lnX = -3.0 * x - c->t0_s / c->tauX_s - y[5]; /* ln(n_X / N_w) */
  const double nX = c->NwX_MeV3 * exp(lnX);
  double RX;
  const double xX = bbn_mb_closure_x(e, &RX);
  *rX = e * m * nX;
  *Q = c->GamX_MeV * m * nX;
  *dtau = RX;
  *Q_id = 0.0;
  *dE_x = -3.0 / xX; /* -3 T_X/m: d<E>/dx = -3 P/n */
  /* the decays raise <E> (they take the slow X first): <m/E><E> >= m (Jensen), exactly >= 0; the clamp removes a
   * numerical undershoot of a cold X (e < 1, R_X = 1), which would otherwise grow at the rate Gamma */
  *dE_t = c->GamX_MeV * fmax(RX * e - 1.0, 0.0);
  if (d->g_inverse > 0.0 && T <= d->T_inverse_MeV && c->NwX_MeV3 > 0.0) {
    const double z = m / T;
    const double k2 = z < 700.0 ? gsl_sf_bessel_Kn_scaled(2, z) : 0.0;
    if (k2 > 0.0) {
      const double ln_neq = log(d->g_inverse * m * m * T * k2 / (2.0 * FB_PI * FB_PI)) - z;
      const double R = bbn_mb_mean_energy_over_m(z) - 3.0 / z; /* <m/E>_eq = K1/K2 */
      const double ratio = exp(fmin(ln_neq - log(c->NwX_MeV3) - lnX, 700.0)); /* n_eq / n_X */
      *Q_id = d->f_em * c->GamX_MeV * m * exp(ln_neq);
      *dtau -= d->f_em * R * ratio;
      *dE_t += d->f_em * c->GamX_MeV * ratio * (1.0 - R * e);
    }
  }
}

/* X's (mean) momentum at state y and x: from <E> with seven states, else free-streaming p0 a_start/a */
static double bg_X_momentum_MeV(const bg_ctx *c, double x, const double *y) {
  if (c->ns == 7) return c->mX_MeV * sqrt(fmax(y[6] * y[6] - 1.0, 0.0));
  return c->p->decay ? c->p->decay->p0_MeV * exp(-x) : 0.0;
}

/* Energy densities at state y and x; returns H in MeV and fills the pieces. */
static int bg_eval(bg_ctx *c, double x, const double *y, double *dydx, double *H_out,
                   double *rho_nu_out, double *rho_g_out, double *rho_dN_out, double *rho_X_out,
                   double *rho_pl_out, double *P_pl_out) {
  const double T = y[0], Tn = y[1], t_s = y[2], Tm = y[4];
  const double pi2 = FB_PI * FB_PI;
  const double rho_g = pi2 / 15.0 * T * T * T * T;
  double rho_e, P_e, drho_e;
  bbn_ee_thermo(c->tab, T, &rho_e, &P_e, &drho_e);
  double P_q = 0, rho_q = 0, drho_q = 0;
  if (c->p->qed_plasma) bbn_qed_thermo(c->tab, T, &P_q, &rho_q, &drho_q);
  double rho_pl = rho_g + rho_e + rho_q, P_pl = rho_g / 3.0 + P_e + P_q;
  double drho_pl = 4.0 * rho_g / T + drho_e + drho_q;
  /* thermal particle chi (bbn_thermal_dm.c; Escudero arXiv:1812.05605 sec. 4): part of the sector it is
   * in equilibrium with, at that sector's temperature (electrons: T; neutrinos: T_nu, all flavours) */
  const bbn_thermal_dm *chi = c->p->chi;
  const int chi_nu = chi && chi->coupling == BBN_DM_NEUTRINOS;
  double rho_chi = 0.0, P_chi = 0.0, drho_chi = 0.0;
  if (chi) {
    bbn_thermal_dm_thermo(chi, chi_nu ? Tn : T, &rho_chi, &P_chi, &drho_chi);
    if (!chi_nu) {
      rho_pl += rho_chi;
      P_pl += P_chi;
      drho_pl += drho_chi;
    }
  }
  const double rho_nue = 7.0 / 8.0 * pi2 / 15.0 * Tn * Tn * Tn * Tn;
  const double rho_num = 2.0 * 7.0 / 8.0 * pi2 / 15.0 * Tm * Tm * Tm * Tm; /* nu_mu + nu_tau */
  const double rho_nu = rho_nue + rho_num;
  const double Tf = c->T_start * exp(-x);
  const double rho_dN = c->dN_norm * c->p->delta_neff * 7.0 / 8.0 * pi2 / 15.0 * Tf * Tf * Tf * Tf;
  const double rho_b = c->nb_start_MeV3 * exp(-3.0 * x) * c->mb_MeV;
  double rho_X = 0, P_X = 0, Q_em = 0, Q_nu = 0, Q_nu_dec = 0, rho_inv = 0, Q_inv = 0, share_e = 1.0 / 3.0;
  double dtau = 1.0, Q_id = 0.0, dE_t = 0.0, dE_x = 0.0; /* d(sixth state)/dt in units of Gamma; inverse-decay power
                                         drawn from the plasma; d(seventh state): /dt (MeV) and /dx */
  if (c->p->decay) {
    /* decaying X (bbn.h, bbn_decay): rho_X = m_X n_X, n_X a^3 ~ exp(-t/tau); decay power
     * Q = Gamma rho_X split by the energy fractions (Kawasaki, Kohri, Sugiyama astro-ph/0002127
     * eqs. 2-5; Sabti et al. arXiv:2006.07387 eqs. 2.1-2.5) */
    const bbn_decay *d = c->p->decay;
    double rX, Q;
    if (c->ns == 7) { /* inverse decays: X's mean energy relaxes too (bg_X_relaxing) */
      bg_X_relaxing(c, d, x, T, y, &rX, &Q, &dtau, &Q_id, &dE_t, &dE_x);
    } else if (c->ns == 6) { /* moving X (bbn_decay.p0_MeV): y[5] = int (m/E) dt/tau from the start */
      const double pX = d->p0_MeV * exp(-x), EX = sqrt(c->mX_MeV * c->mX_MeV + pX * pX);
      const double lnX = -3.0 * x - c->t0_s / c->tauX_s - y[5]; /* ln(n_X / N_w) */
      rX = EX * c->NwX_MeV3 * exp(lnX);
      Q = c->GamX_MeV * c->mX_MeV / EX * rX; /* = Gamma m n_X: rate m/E Gamma, energy E per decay */
      dtau = c->mX_MeV / EX;
    } else {
      rX = c->mX_MeV * c->NwX_MeV3 * exp(-3.0 * x - t_s / c->tauX_s);
      Q = c->GamX_MeV * rX;
    }
    rho_X += rX;
    Q_em += d->f_em * Q - Q_id;
    Q_nu_dec = d->f_nu * Q;
    Q_inv = d->f_inv * Q;
    share_e = bbn_decay_nu_e_share(d);
  }
  rho_inv = y[3] * exp(-4.0 * x);
  if (c->p->extra) {
    double rho_h = 0, Q_em_h = 0, Q_nu_h = 0;
    int rc = c->p->extra(t_s, exp(x), T, c->p->extra_ctx, &rho_h, &P_X, &Q_em_h, &Q_nu_h);
    if (rc != 0) {
      c->hook_rc = rc;
      if (c->ode) fb_ode_set_reason(c->ode, "the extra-component hook returned %d at t = %g s", rc, t_s);
      return -1;
    }
    rho_X += rho_h;
    Q_em += Q_em_h;
    Q_nu += Q_nu_h;
  }
  (void)P_X;
  double rho_tot = rho_pl + rho_nu + rho_dN + rho_b + rho_X + rho_inv;
  if (chi_nu) rho_tot += rho_chi;
  const double Mpl = FB_MPL_REDUCED_GEV * 1e3;
  const double H = sqrt(rho_tot / 3.0) / Mpl;
  /* the decay's neutrino power by flavour, less what the cascade hands to e+- (bbn_nu_em_share.c); the hook's
   * Q_nu (spectrum unknown) goes to the flavours by share_e as before */
  double Q_nu_fl[2] = {share_e * Q_nu_dec, (1.0 - share_e) * Q_nu_dec};
  if (c->nuem) Q_em += bbn_nu_em_split(c->nuem, T, H, Q_nu_fl);
  Q_nu_fl[0] += share_e * Q_nu;
  Q_nu_fl[1] += (1.0 - share_e) * Q_nu;
  double C_e = 0.0, C_m = 0.0; /* into nu_e, into nu_mu + nu_tau */
  if (c->p->nu_coupling) {
    /* Escudero arXiv:2001.04466 eq. 2.13 (MB-corrected factors f_a, f_s) with the electron-mass
     * factors A_f, S of ee_rate_factors: the inverse annihilation nu nubar -> e+ e- at T_nu has
     * A_f(m_e/T_nu) (detailed balance in the MB approximation) */
    const double s2 = FB_SIN2_THETAW, GF = FB_GF_GEV_M2 * 1e-6;
    const double ke = 1 + 4 * s2 + 8 * s2 * s2, km = 2 * (1 - 4 * s2 + 8 * s2 * s2);
    double Ae, Am, S, Aen, Amn, Sn, Aem, Amm, Sm;
    ee_rate_lookup(c->tab, T, &Ae, &Am, &S);
    ee_rate_lookup(c->tab, Tn, &Aen, &Amn, &Sn);
    ee_rate_lookup(c->tab, Tm, &Aem, &Amm, &Sm);
    const double T4 = T * T * T * T, Tn4 = Tn * Tn * Tn * Tn, Tm4 = Tm * Tm * Tm * Tm;
    const double fa = 0.884, fs = 0.829;
    const double Fe = 32.0 * fa * ke * (Ae * T4 * T4 * T - Aen * Tn4 * Tn4 * Tn) + 56.0 * fs * ke * S * T4 * Tn4 * (T - Tn);
    const double Fm = 32.0 * fa * km * (Am * T4 * T4 * T - Amm * Tm4 * Tm4 * Tm) + 56.0 * fs * km * S * T4 * Tm4 * (T - Tm);
    /* nu_e <-> nu_mu,tau: 2 F(T_numu, T_nue) into nu_e (arXiv:2001.04466 eq. 2.14) */
    const double Fnn = 2.0 * (32.0 * fa * (Tm4 * Tm4 * Tm - Tn4 * Tn4 * Tn) + 56.0 * fs * Tm4 * Tn4 * (Tm - Tn));
    const double k = GF * GF / pow(FB_PI, 5);
    C_e = k * (Fe + Fnn);
    C_m = k * (Fm - Fnn);
  }
  if (dydx) {
    const double drho_pl_dx = -3.0 * (rho_pl + P_pl) + (Q_em - C_e - C_m) / H;
    const double drho_nue_dx = -4.0 * rho_nue + (Q_nu_fl[0] + C_e) / H;
    const double drho_num_dx = -4.0 * rho_num + (Q_nu_fl[1] + C_m) / H;
    dydx[0] = drho_pl_dx / drho_pl;
    if (chi_nu || c->p->nu_one_temperature) {
      /* one neutrino temperature (T_nue = T_numu from the start), as in Escudero arXiv:1812.05605 eq. 2.9
       * (nudec_BSM nuDec_SM.py, WIMP_e.py, WIMP_nu.py); a neutrinophilic chi keeps the flavours in
       * equilibrium and the sector nu + chi obeys d rho/dx = -3 (rho + P) + (Q_nu + C)/H */
      double drho_sec_dx = drho_nue_dx + drho_num_dx, drho_sec_dT = 4.0 * rho_nu / Tn;
      if (chi_nu) {
        drho_sec_dx -= 3.0 * (rho_chi + P_chi);
        drho_sec_dT += drho_chi;
      }
      dydx[1] = dydx[4] = drho_sec_dx / drho_sec_dT;
    } else {
      dydx[1] = drho_nue_dx / (4.0 * rho_nue / Tn);
      dydx[4] = drho_num_dx / (4.0 * rho_num / Tm);
    }
    dydx[2] = FB_HBAR_GEV_S * 1e3 / H; /* hbar [MeV s] / H [MeV] */
    dydx[3] = exp(4.0 * x) * Q_inv / H; /* d(rho_inv a^4)/dx */
    if (c->ns >= 6) dydx[5] = dtau * c->GamX_MeV / H; /* proper-time optical depth of X (less the inverse decays) */
    if (c->ns == 7) dydx[6] = dE_t / H + dE_x;        /* X's mean energy over m (bg_X_relaxing) */
  }
  if (H_out) *H_out = H;
  if (rho_nu_out) *rho_nu_out = rho_nu;
  if (rho_g_out) *rho_g_out = rho_g;
  /* free-streaming radiation that is not neutrinos: Delta N_eff and the invisible daughters */
  if (rho_dN_out) *rho_dN_out = rho_dN + rho_inv;
  if (rho_X_out) *rho_X_out = rho_X;
  if (rho_pl_out) *rho_pl_out = rho_pl;
  if (P_pl_out) *P_pl_out = P_pl;
  return 0;
}

static int bg_rhs(double x, const double *y, double *dydx, void *user) {
  return bg_eval((bg_ctx *)user, x, y, dydx, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
}

void bbn_background_free(bbn_background *b) {
  free(b->ln_t);
  b->ln_t = b->ln_T = b->ln_Tnu = b->ln_a = b->optX = NULL;
}

/* t(rad + matter) / t(rad) at the start: t = sqrt(3) M_Pl int_0^1 a da / sqrt(A + B a) for
 * radiation rho_r = A a^-4 plus matter rho_m = B a^-3, divided by the radiation-only 1/(2H) =
 * sqrt(3) M_Pl / (2 sqrt(A)); b = B/A. Closed form 2 sqrt(A) (2/(3B^2)) [(B - 2A) sqrt(A + B) +
 * 2 A^{3/2}]; for b < 1e-2 its series (exactly 1 as b -> 0, so the standard limit is continuous
 * to the last bit). */
static double rad_matter_time_ratio(double b) {
  if (b < 1e-2) return 1.0 - b / 3.0 + 3.0 * b * b / 16.0 - b * b * b / 8.0;
  return 4.0 / (3.0 * b * b) * ((b - 2.0) * sqrt(1.0 + b) + 2.0);
}

int bbn_background_solve(const bbn_tables *tab, const bbn_params *p, bbn_background *b, fb_err *err) {
  memset(b, 0, sizeof(*b));
  const int n = BBN_BG_N;
  /* state: T, T_nue, t, rho_inv a^4, T_numu (invisible decay products; 0 without a decaying particle: one
   * set of equations with and without X, so that the limit m Y -> 0 is continuous to the last digit
   * the integrator resolves) */
  /* a moving X (p0_MeV > 0) adds its proper-time optical depth y[5]; without it the 5 states of before */
  /* inverse decays somewhere (g_inverse > 0, T_inverse_MeV > 0) add X's mean energy y[6] (bg_X_relaxing) */
  const int ns = (p->decay && p->decay->g_inverse > 0.0 && p->decay->T_inverse_MeV > 0.0)
                     ? 7
                     : (p->decay && (p->decay->p0_MeV > 0.0 || p->decay->g_inverse > 0.0)) ? 6 : 5;
  /* samples: ln t, ln T, ln Tnu, x and the three derivatives d/d ln t (for Hermite interpolation) */
  b->ln_t = malloc(sizeof(double) * 9 * n); /* + X's optical depth and its d/d ln t (moving X) */
  FB_TEST(err, !b->ln_t, FB_ERR_MEMORY, "background: allocation failed");
  b->ln_T = b->ln_t + n;
  b->ln_Tnu = b->ln_t + 2 * n;
  b->ln_a = b->ln_t + 3 * n;
  b->optX = b->ln_t + 7 * n;
  b->n = n;
  /* eta from Omega_b h^2: n_b0 = Omega_b h^2 rho_crit/h^2 / m_b, m_b the mean mass per baryon for
   * a reference helium fraction Yp = 0.247 (the dependence on Yp is 7e-5 per 0.01). */
  const double Yref = 0.247;
  const double mH = bbn_nuclide_mass_MeV(BBN_P), mHe = bbn_nuclide_mass_MeV(BBN_HE4);
  const double mb_MeV = (1.0 - Yref) * mH + Yref * mHe / 4.0;
  const double T0_MeV = FB_TCMB_K * FB_K_TO_GEV * 1e3;
  const double hc = FB_HBARC_GEV_CM * 1e3; /* MeV cm */
  const double ngamma0_cm3 = 2.0 * FB_ZETA3 / (FB_PI * FB_PI) * pow(T0_MeV / hc, 3);
  const double nb0_cm3 = p->omega_b_h2 * FB_RHO_CRIT_H2_GEV_CM3 * 1e3 / mb_MeV;
  b->eta = nb0_cm3 / ngamma0_cm3;

  fb_ode ode;
  memset(&ode, 0, sizeof(ode));
  bbn_nu_em_table nuem_tab; /* the e.m. share of the decay's neutrinos (bbn_nu_em_share.c) */
  memset(&nuem_tab, 0, sizeof(nuem_tab));
  bg_ctx c = {tab, p, 0.0, mb_MeV, p->T_start_MeV, 1.0, 0, &ode, ns, 0.0, 0.0, 1.0, 0.0, 0.0, NULL};
  const double Ts = p->T_start_MeV;
  const double ngamma_s = 2.0 * FB_ZETA3 / (FB_PI * FB_PI) * Ts * Ts * Ts;
  c.nb_start_MeV3 = b->eta * ngamma_s * 11.0 / 4.0; /* first estimate (entropy transfer 11/4) */

  fb_ode_options opt;
  fb_ode_options_default(&opt);
  opt.rtol = 1e-9;
  opt.atol = 1e-14;
  opt.max_steps = 20000;
  int rc = FB_OK;
  double *xs = malloc(sizeof(double) * n), *ys = malloc(sizeof(double) * 7 * n);
  FB_TEST_GOTO(err, rc, !xs || !ys, FB_ERR_MEMORY, cleanup, "background: allocation failed");
  double x_end = log(Ts / p->T_end_MeV) + log(cbrt(11.0 / 4.0)) + 0.3;
  for (int i = 0; i < n; ++i) xs[i] = x_end * i / (n - 1);
  double H0, rho_pl0, P_pl0, rho_nu0, rho_g0, rho_dN0;
  double y0[7] = {Ts, Ts, 0.0, 0.0, Ts, 0.0, 1.0};
  FB_TEST_GOTO(err, rc, bg_eval(&c, 0.0, y0, NULL, &H0, &rho_nu0, &rho_g0, &rho_dN0, NULL, &rho_pl0, &P_pl0) != 0,
               FB_ERR_NUMERIC, cleanup, "the extra-component hook returned %d at the start (T = %g MeV)",
               c.hook_rc, Ts);
  y0[2] = FB_HBAR_GEV_S * 1e3 / (2.0 * H0); /* radiation era t = 1/(2H) */
  if (p->decay) {
    /* X as matter before the start: t_start from the radiation + matter Friedmann equation, and
     * the comoving X density from its abundance (entropy s = (rho + P)/T of plasma and neutrinos
     * at T_nu = T; m Y = m n_X / s before any decay, i.e. the would-be value n_X exp(+t/tau)) */
    const bbn_decay *d = p->decay;
    c.mX_MeV = d->mass_GeV * 1e3;
    c.tauX_s = d->tau_s;
    c.GamX_MeV = FB_HBAR_GEV_S * 1e3 / d->tau_s;
    const double s_start = (rho_pl0 + P_pl0) / Ts + 4.0 / 3.0 * rho_nu0 / Ts;
    const double A = 3.0 * pow(H0 * FB_MPL_REDUCED_GEV * 1e3, 2); /* rho without X at a = 1 */
    const double t_rad = y0[2];
    for (int it = 0; it < 3; ++it) {
      if (d->mY_GeV > 0.0)
        c.NwX_MeV3 = d->mY_GeV / d->mass_GeV * s_start;
      else
        c.NwX_MeV3 = d->n_over_ngamma * ngamma_s * exp(y0[2] / d->tau_s);
      const double B = c.mX_MeV * c.NwX_MeV3 * exp(-y0[2] / d->tau_s);
      y0[2] = t_rad * rad_matter_time_ratio(B / A);
    }
    b->mY_GeV = d->mass_GeV * c.NwX_MeV3 / s_start;
    c.t0_s = y0[2];
    y0[6] = sqrt(1.0 + pow(d->p0_MeV / c.mX_MeV, 2)); /* <E>/m at the start (seven states: bg_X_relaxing) */
  }
  if (p->decay && p->decay->nu_em_share && p->decay->n_nu_groups > 0) {
    /* below ~0.01 MeV the share is ~0 (e+- gone, Gamma << H): the table's edge value is used there */
    FB_CALL_GOTO(err, rc, bbn_nu_em_table_init(&nuem_tab, p->decay, fmax(0.5 * p->T_end_MeV, BBN_NU_EM_T_MIN_MEV), Ts, err),
                 cleanup);
    c.nuem = &nuem_tab;
  }
  FB_CALL_GOTO(err, rc, fb_ode_init(&ode, ns, bg_rhs, NULL, &c, &opt, err), cleanup);
  /* Delta N_eff is defined by the late-time ratio rho_dN / rho_gamma = Delta N_eff (7/8)(4/11)^{4/3}
   * (the usual definition). The free-streaming component is normalised at T_start, so kappa
   * depends on how much the photons are heated, which is known after one pass: a second pass
   * with the measured kappa is run when Delta N_eff != 0 (the heating itself changes by < 1e-5).
   * With entropy injection the plasma cools more slowly: if T_end is not reached at x_end, the
   * grid is extended and the pass repeated; likewise until a decaying particle has decayed
   * (t_end >= 25 tau, e^-25 of it left), so that N_eff counts all of its energy. */
  for (int pass = 0; pass < 6; ++pass) {
    FB_CALL_GOTO(err, rc, fb_ode_reset(&ode, 0.0, y0, err), cleanup);
    memcpy(ys, y0, sizeof(double) * ns);
    rc = fb_ode_solve_grid(&ode, n - 1, xs + 1, ys + ns, err);
    if (rc != FB_OK) {
      fb_err_push(err, rc, __func__, __LINE__, "background integration");
      goto cleanup;
    }
    const double Tl = ys[ns * (n - 1)], Tfl = Ts * exp(-x_end);
    const double kappa = pow(4.0 / 11.0, 4.0 / 3.0) * pow(Tl / Tfl, 4);
    int again = p->delta_neff != 0.0 && fabs(kappa / c.dN_norm - 1.0) > 1e-6;
    c.dN_norm = kappa;
    double dx = 0.0;
    if (Tl > 0.9 * p->T_end_MeV) dx = log(Tl / p->T_end_MeV) + 0.2;
    const double t_last = ys[ns * (n - 1) + 2];
    if (p->decay && p->decay->tau_s <= BBN_DECAY_TAU_FOLLOW_S && t_last < 25.0 * p->decay->tau_s) {
      const double dx_t = (2.0 / 3.0) * log(25.0 * p->decay->tau_s / t_last) + 0.1; /* a ~ t^(1/2..2/3) */
      if (dx_t > dx) dx = dx_t;
    }
    if (dx > 0.0) {
      x_end += dx;
      for (int i = 0; i < n; ++i) xs[i] = x_end * i / (n - 1);
      again = 1;
    }
    if (!again) break;
  }
  FB_TEST_GOTO(err, rc, ys[ns * (n - 1)] > p->T_end_MeV, FB_ERR_NUMERIC, cleanup,
               "background: T = %g MeV at the end of the grid, above T_end = %g MeV", ys[ns * (n - 1)],
               p->T_end_MeV);
  FB_TEST_GOTO(err, rc, p->decay && p->decay->tau_s <= BBN_DECAY_TAU_FOLLOW_S && ys[ns * (n - 1) + 2] < 20.0 * p->decay->tau_s,
               FB_ERR_NUMERIC, cleanup,
               "background: t = %g s at the end of the grid, before 20 tau = %g s", ys[ns * (n - 1) + 2],
               20.0 * p->decay->tau_s);
  /* final baryon density normalisation: n_b(T_end) = eta n_gamma(T_end) after e+e- annihilation */
  {
    const double Tl = ys[ns * (n - 1)];
    const double ng_l = 2.0 * FB_ZETA3 / (FB_PI * FB_PI) * Tl * Tl * Tl;
    b->nb_start_MeV3 = b->eta * ng_l * exp(3.0 * x_end);
    double rho_nu, rho_g, rho_dN, H;
    bg_eval(&c, x_end, ys + ns * (n - 1), NULL, &H, &rho_nu, &rho_g, &rho_dN, NULL, NULL, NULL);
    b->Neff = 8.0 / 7.0 * pow(11.0 / 4.0, 4.0 / 3.0) * (rho_nu + rho_dN) / rho_g;
    /* N_eff at recombination (bbn_neff_rec.c): the decays left after the grid, with baryons and cold dark
     * matter (Omega_c h^2 = 0.120, arXiv:1807.06209) in H; no X left: Neff_rec = Neff exactly */
    b->Neff_rec = b->Neff;
    if (p->decay) {
      const double t_l = ys[ns * (n - 1) + 2];
      b->X_left_end = ns >= 6 ? exp(-c.t0_s / c.tauX_s - ys[ns * (n - 1) + 5]) : exp(-t_l / c.tauX_s);
      const double nX_l = c.NwX_MeV3 * exp(-3.0 * x_end) * b->X_left_end;
      /* skipped when the X energy left is below 1e-12 of the photons' (tau <= 1e5 s: e^-25 of X is left) */
      if (nX_l * c.mX_MeV > 1e-12 * rho_g) {
        const bbn_neff_cont_in ci = {Tl, rho_nu / rho_g, rho_dN / rho_g,
                                     b->nb_start_MeV3 * exp(-3.0 * x_end) * mb_MeV * (1.0 + FB_OMEGA_C_H2_PLANCK / p->omega_b_h2),
                                     t_l, nX_l, c.mX_MeV, bg_X_momentum_MeV(&c, x_end, ys + ns * (n - 1)), c.tauX_s,
                                     p->decay->f_em, p->decay->f_nu, p->decay->f_inv};
        bbn_neff_cont_out co;
        /* eta is fixed today: photons heated after T_end (thermalised by double Compton and bremsstrahlung
         * before t ~ 2e6 s; later a spectral distortion, which FIRAS limits) dilute n_b/n_gamma further, so at
         * T_end it was larger by (rho_gamma a^4 ratio)^{3/4} (entropy ~ T^3); the matter term of H in the
         * continuation with that larger density (a fixed point; before 2026-12-07 the unheated one) */
        double nb_factor;
        FB_CALL_GOTO(err, rc, bbn_neff_continue_heated(&ci, bbn_T_recombination_MeV(), &co, &nb_factor, err), cleanup);
        b->Neff_rec = co.Neff;
        b->nb_start_MeV3 *= nb_factor;
      }
    }
    b->Tnu_over_T_end = ys[ns * (n - 1) + 1] / Tl;
    b->Tnumu_over_T_end = ys[ns * (n - 1) + 4] / Tl;
  }
  b->YX0 = c.NwX_MeV3 / b->nb_start_MeV3;
  b->tauX_s = p->decay ? p->decay->tau_s : 0.0;
  for (int i = 0; i < n; ++i) {
    const double *y = ys + ns * i;
    double d[7], rho_nu, rho_g, rho_fs, rho_X, rho_pl;
    bg_eval(&c, xs[i], y, d, NULL, &rho_nu, &rho_g, &rho_fs, &rho_X, &rho_pl, NULL);
    const double rX = rho_X / (rho_pl + rho_nu + rho_fs);
    if (rX > b->rhoX_over_rad_max) b->rhoX_over_rad_max = rX;
    b->ln_t[i] = log(y[2]);
    b->ln_T[i] = log(y[0]);
    b->ln_Tnu[i] = log(y[1]);
    b->ln_a[i] = xs[i];
    /* derivatives with respect to ln t: d/dlnt = t / (dt/dx) d/dx */
    const double f = y[2] / d[2];
    b->ln_t[4 * n + i] = f * d[0] / y[0];
    b->ln_t[5 * n + i] = f * d[1] / y[1];
    b->ln_t[6 * n + i] = f;
    /* X's decays (network sources, bbn_mesons.c): with a moving X its proper-time optical depth t0/tau + y[5] and
     * d/d ln t = t (m/E)/tau; at rest t/tau (not read) */
    b->optX[i] = ns >= 6 ? c.t0_s / c.tauX_s + y[5] : (p->decay ? y[2] / c.tauX_s : 0.0);
    b->optX[n + i] = ns >= 6 ? f * d[5] : (p->decay ? y[2] / c.tauX_s : 0.0);
  }
  b->t_start_s = ys[2];
  b->t_end_s = ys[ns * (n - 1) + 2];
cleanup:
  fb_ode_free(&ode);
  bbn_nu_em_table_free(&nuem_tab);
  free(xs);
  free(ys);
  if (rc != FB_OK) bbn_background_free(b);
  return rc;
}

/* cubic Hermite on [i, i+1] */
static double hermite(double x0, double x1, double y0, double y1, double d0, double d1, double x) {
  const double h = x1 - x0, s = (x - x0) / h, s2 = s * s, s3 = s2 * s;
  return (2 * s3 - 3 * s2 + 1) * y0 + (s3 - 2 * s2 + s) * h * d0 + (-2 * s3 + 3 * s2) * y1 +
         (s3 - s2) * h * d1;
}

/* the interval [lo, hi] of the samples holding ln t (clamped to the solved range) */
static double bg_locate(const bbn_background *b, double t_s, int *lo_out, int *hi_out) {
  const int n = b->n;
  double lt = log(t_s);
  if (lt < b->ln_t[0]) lt = b->ln_t[0];
  if (lt > b->ln_t[n - 1]) lt = b->ln_t[n - 1];
  int lo = 0, hi = n - 1;
  while (hi - lo > 1) {
    const int mid = (lo + hi) / 2;
    if (b->ln_t[mid] > lt) hi = mid; else lo = mid;
  }
  *lo_out = lo;
  *hi_out = hi;
  return lt;
}

void bbn_background_x_at(const bbn_background *b, double t_s, double *x, double *dx_dlnt) {
  if (b->n < 2 || !b->ln_a) { /* no solved background (a caller's stand-in): the start, radiation era */
    *x = 0.0;
    *dx_dlnt = 0.5;
    return;
  }
  int lo, hi;
  const double lt = bg_locate(b, t_s, &lo, &hi), *dx = b->ln_t + 6 * b->n;
  const double x0 = b->ln_t[lo], x1 = b->ln_t[hi], h = x1 - x0, s = (lt - x0) / h;
  *x = hermite(x0, x1, b->ln_a[lo], b->ln_a[hi], dx[lo], dx[hi], lt);
  /* derivative of the cubic Hermite interpolant */
  const double s2 = s * s;
  *dx_dlnt = (6.0 * s2 - 6.0 * s) / h * b->ln_a[lo] + (3.0 * s2 - 4.0 * s + 1.0) * dx[lo] +
             (-6.0 * s2 + 6.0 * s) / h * b->ln_a[hi] + (3.0 * s2 - 2.0 * s) * dx[hi];
}

double bbn_background_X_depth(const bbn_background *b, double t_s) {
  if (b->n < 2 || !b->optX) return t_s / b->tauX_s;
  int lo, hi;
  const double lt = bg_locate(b, t_s, &lo, &hi), *o = b->optX, *d = b->optX + b->n;
  return hermite(b->ln_t[lo], b->ln_t[hi], o[lo], o[hi], d[lo], d[hi], lt);
}

void bbn_background_at(const bbn_background *b, double t_s, double *T, double *Tnu, double *nb) {
  const int n = b->n;
  int lo, hi;
  const double lt = bg_locate(b, t_s, &lo, &hi);
  const double *dT = b->ln_t + 4 * n, *dTn = b->ln_t + 5 * n, *dx = b->ln_t + 6 * n;
  const double x0 = b->ln_t[lo], x1 = b->ln_t[hi];
  *T = exp(hermite(x0, x1, b->ln_T[lo], b->ln_T[hi], dT[lo], dT[hi], lt));
  *Tnu = exp(hermite(x0, x1, b->ln_Tnu[lo], b->ln_Tnu[hi], dTn[lo], dTn[hi], lt));
  const double x = hermite(x0, x1, b->ln_a[lo], b->ln_a[hi], dx[lo], dx[hi], lt);
  *nb = b->nb_start_MeV3 * exp(-3.0 * x);
}
