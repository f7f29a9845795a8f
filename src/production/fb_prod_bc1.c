/**
 * @file fb_prod_bc1.c
 * @brief BC1 production (fb_production.h): the dark photon A' (mass m, kinetic mixing eps) produced by
 *        scatterings in the plasma and by resonant conversion where the photon's in-medium mass crosses
 *        m, as the relaxation rate per A' of bbn_thermal_abundance (detailed balance with n_eq of a
 *        massive vector, g = 3, Maxwell-Boltzmann). Inverse decays f fbar -> A' (every channel of the
 *        BC1 width, hadrons included) are NOT here: src/bbn/bbn_abundance.c adds them from the width.
 *
 * Included (every rate at eps = 1, scaled by eps^2):
 *  1. Resonant production of transverse (2 states) and longitudinal (1 state) A' where Re Pi_{T,L} = m^2
 *     on the A' mass shell omega^2 = k^2 + m^2, in the narrow-resonance limit of
 *     eps_eff^2 = eps^2 m^4/((m^2 - Re Pi)^2 + (Im Pi)^2) with Im Pi = -omega Gamma_gamma and
 *     Gamma_prod = f_B Gamma_gamma (detailed balance) [Redondo & Postma arXiv:0811.0326; An, Pospelov,
 *     Pradler arXiv:1302.3884; Fradette, Pospelov, Pradler, Ritz arXiv:1407.0993 sec. 2]:
 *       gamma_res = sum_pol g_pol int d^3k/(2 pi)^3 (pi m^4/omega) f_B(omega) delta(m^2 - Re Pi_pol(k)).
 *     Pi from the Braaten-Segel closed forms (hep-ph/9302213) with x = v_* k/omega, L = atanh(x)/x,
 *     A = (L - 1)/x^2: Pi_T = (3/2) omega_p^2 (L - A), Pi_L = 3 omega_p^2 A (omega^2 - k^2)/omega^2 (the
 *     form of src/boltzmann/fb_freezein.c), omega_p^2 and omega_1^2 = v_*^2 omega_p^2 from their
 *     integrals over every charged species: omega_p^2 = (2 alpha/pi) sum_j g_j Q_j^2 int dp (p^2/E)
 *     (1 - v^2/3) f_j, omega_1^2 the same with (5 v^2/3 - v^4) (normalised so that massless e+- give
 *     e^2 T^2/9). Species: e, mu, tau; above the QCD crossover u, d, s, c, b (3 colours), below it pi+-.
 *  2. Off-resonance 2 -> 2 scatterings e+e- -> gamma A', e gamma -> e A' (and mu, tau), and above the QCD
 *     crossover q qbar -> g A', q g -> q A' (u, d, s, c, b): massless-fermion tree-level cross sections
 *     with the collinear logarithm cut off by the fermion's asymptotic thermal mass (m_f^2 + e^2 T^2/4 for
 *     leptons, m_q^2 + g_s^2 T^2/3 for quarks; Le Bellac, Thermal Field Theory, ch. 6), the soft final
 *     gauge boson cut off by its asymptotic mass ((3/2) omega_p^2 for the photon, g_s^2 T^2 (N_c +
 *     N_f/2)/6 for the gluon), thermal average with Maxwell-Boltzmann initial states (Gondolo & Gelmini,
 *     Nucl. Phys. B360 (1991) 145):
 *       gamma_ab = g_a g_b T/(16 pi^4) int dE sigma(E^2) lambda(E^2, m_a^2, m_b^2) K1(E/T),  E = sqrt(s),
 *     and the in-medium suppression of the mixing away from the resonance, eps_eff^2/eps^2 =
 *     m^4/(m^4 + m_inf^4) (m_inf^2 = (3/2) omega_p^2: 1 for T << T_res, (m/m_inf)^4 for T >> T_res; the
 *     pole itself is the resonant term above). Cross sections (derived from |M|^2 = 2 e^2 g^2 (u/t + t/u
 *     + 2 m^2 s/(u t)) and its crossing, massless fermions; they reduce to e+e- -> gamma gamma (x 2, no
 *     identical particles) and to the high-energy Klein-Nishina (2 pi alpha^2/s)(ln(s/m_e^2) + 1/2) at
 *     m = 0):
 *       sigma_ann = (4 pi a_1 a_2 C/s^2) [(s - m^2)(L - 1) + 2 m^2 s L/(s - m^2)],
 *       sigma_C   = (2 pi a_1 a_2 C/s^2) [L ((s - m^2)^2 + m^4)/s + (s - m^2)^2/(2 s) + 2 m^2 (s - m^2)/s],
 *     L = ln(s/m_eff^2), a_1 a_2 = alpha^2 Q^2 (photon) or alpha alpha_s Q^2 (gluon; alpha_s(2 pi T) of
 *     fb_alpha_s_plasma), colour factor C = 4/9 (q qbar -> g A') and 1/6 (q g -> q A'), 1 for leptons.
 * Not included (stated in docs/validation.md): the hadron-gas 2 -> 2 processes (pi gamma -> pi A',
 * pi+pi- -> gamma A') below the crossover (hadronic production there is the inverse decay through the
 * measured R ratio); virtual corrections to the inverse decays (the soft-photon region of e+e- -> gamma
 * A' is cut at the photon's thermal mass, a real-emission piece without its virtual partner); the
 * in-medium modification of the inverse decays themselves; Fermi-Dirac / Bose-Einstein statistics of
 * the 2 -> 2 initial states.
 */
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_bessel.h>

#include "fb_constants.h"
#include "fb_production.h"
#include "fb_alpha_s.h"

#define BC1P_GL_N 16       /* Gauss-Legendre nodes per segment of the momentum and energy integrals */
#define BC1P_K_MAX_T 60.0  /* resonance search up to k = 60 T (f_B(60) ~ 1e-26) */

typedef struct bc1p_species {
  double m_GeV, g, Q2;
  int boson;
  int phase; /* 0: always, 1: above the QCD crossover (quarks), 2: below it (pions) */
} bc1p_species;

static const bc1p_species SPECIES[] = {
    {FB_ME_GEV, 4.0, 1.0, 0, 0},           {FB_MMU_GEV, 4.0, 1.0, 0, 0},
    {FB_MTAU_GEV, 4.0, 1.0, 0, 0},         {FB_MU_QUARK_GEV, 12.0, 4.0 / 9.0, 0, 1},
    {FB_MD_QUARK_GEV, 12.0, 1.0 / 9.0, 0, 1}, {FB_MS_QUARK_GEV, 12.0, 1.0 / 9.0, 0, 1},
    {FB_MC_QUARK_GEV, 12.0, 4.0 / 9.0, 0, 1}, {FB_MB_QUARK_GEV, 12.0, 1.0 / 9.0, 0, 1},
    {FB_MPI_CHARGED_GEV, 2.0, 1.0, 1, 2},
};
#define N_SPECIES (sizeof SPECIES / sizeof SPECIES[0])

/* plasma table: omega_p^2/T^2 and v_* on a uniform ln T grid (mass independent; built once by init) */
#define BC1P_PL_T_MIN_GEV 1e-5
#define BC1P_PL_T_MAX_GEV 2e5
#define BC1P_PL_PER_EFOLD 40

typedef struct bc1p_state {
  double xg[BC1P_GL_N], wg[BC1P_GL_N];
  int npl;
  double lnT0, dlnT;
  double *wp2_T2, *vstar;
} bc1p_state;

static double bc1p_qcd_weight(double T) { return fb_production_qgp_fraction(T); } /* fb_production.h */

/* omega_p^2 [GeV^2] and v_* at T (Braaten-Segel integrals; header), computed */
static void bc1p_plasma_direct(const bc1p_state *st, double T, double *wp2, double *vstar) {
  static const double seg[4] = {0.0, 3.0, 12.0, 40.0}; /* p/T */
  const double wq = bc1p_qcd_weight(T);
  double s0 = 0.0, s1 = 0.0;
  for (size_t j = 0; j < N_SPECIES; ++j) {
    const bc1p_species *sp = &SPECIES[j];
    const double f = sp->phase == 1 ? wq : (sp->phase == 2 ? 1.0 - wq : 1.0);
    if (f < 1e-12 || sp->m_GeV > 40.0 * T) continue;
    double i0 = 0.0, i1 = 0.0;
    for (int s = 0; s < 3; ++s) {
      const double c = 0.5 * (seg[s] + seg[s + 1]) * T, h = 0.5 * (seg[s + 1] - seg[s]) * T;
      for (int i = 0; i < BC1P_GL_N; ++i) {
        const double p = c + h * st->xg[i], w = h * st->wg[i];
        const double E = sqrt(p * p + sp->m_GeV * sp->m_GeV), v = p / E;
        const double occ = sp->boson ? 1.0 / expm1(E / T) : 1.0 / (exp(E / T) + 1.0);
        i0 += w * p * p / E * (1.0 - v * v / 3.0) * occ;
        i1 += w * p * p / E * (5.0 * v * v / 3.0 - v * v * v * v) * occ;
      }
    }
    s0 += f * sp->g * sp->Q2 * i0;
    s1 += f * sp->g * sp->Q2 * i1;
  }
  *wp2 = 2.0 * FB_ALPHA_EM / FB_PI * s0;
  *vstar = s0 > 0.0 ? sqrt(s1 / s0) : 1.0;
  if (*vstar > 1.0) *vstar = 1.0;
}

/* the same from the table (linear in ln T; 0.025 e-folds apart: the muon threshold and the QCD crossover,
 * 0.1 T_c wide, are resolved), computed outside it */
static void bc1p_plasma(const bc1p_state *st, double T, double *wp2, double *vstar) {
  const double x = (log(T) - st->lnT0) / st->dlnT;
  if (!(x >= 0.0 && x <= st->npl - 1)) {
    bc1p_plasma_direct(st, T, wp2, vstar);
    return;
  }
  int i = (int)x;
  if (i > st->npl - 2) i = st->npl - 2;
  const double f = x - i;
  *wp2 = T * T * ((1.0 - f) * st->wp2_T2[i] + f * st->wp2_T2[i + 1]);
  *vstar = (1.0 - f) * st->vstar[i] + f * st->vstar[i + 1];
}

/* A(x) = (atanh(x)/x - 1)/x^2 and L(x) - A(x) (series below x = 0.05) */
static void bc1p_la(double x, double *A, double *LmA) {
  if (x < 0.05) {
    const double x2 = x * x;
    *A = 1.0 / 3.0 + x2 * (1.0 / 5.0 + x2 * (1.0 / 7.0 + x2 / 9.0));
    const double L = 1.0 + x2 * (1.0 / 3.0 + x2 * (1.0 / 5.0 + x2 / 7.0));
    *LmA = L - *A;
    return;
  }
  const double L = atanh(x) / x;
  *A = (L - 1.0) / (x * x);
  *LmA = L - *A;
}

/* on the A' shell: T: m^2 - Re Pi_T(k); L: omega^2 - 3 omega_p^2 A(x) (m^2 - Re Pi_L times omega^2/m^2) */
static double bc1p_res_fn(int pol, double k, double m, double wp2, double v) {
  const double om = sqrt(k * k + m * m), x = v * k / om;
  double A, LmA;
  bc1p_la(x, &A, &LmA);
  return pol == 0 ? m * m - 1.5 * wp2 * LmA : om * om - 3.0 * wp2 * A;
}

/* resonant rate density [GeV^4] of polarisation pol at eps = 1 (0 where no resonance) */
static double bc1p_resonant(int pol, double m, double T, double wp2, double v) {
  double a = 0.0, b = BC1P_K_MAX_T * T;
  double fa = bc1p_res_fn(pol, a, m, wp2, v), fb = bc1p_res_fn(pol, b, m, wp2, v);
  if (!(fa * fb < 0.0)) return 0.0;
  for (int it = 0; it < 100 && b - a > 1e-12 * b; ++it) {
    const double c = 0.5 * (a + b), fc = bc1p_res_fn(pol, c, m, wp2, v);
    if ((fc < 0.0) == (fa < 0.0)) a = c, fa = fc;
    else b = c, fb = fc;
  }
  const double k = 0.5 * (a + b), om = sqrt(k * k + m * m);
  const double h = 1e-4 * k + 1e-9 * m;
  double d = fabs(bc1p_res_fn(pol, k + h, m, wp2, v) - bc1p_res_fn(pol, fmax(k - h, 0.0), m, wp2, v)) /
                   (k + h - fmax(k - h, 0.0));
  if (om / T > 700.0) return 0.0;
  /* where Re Pi_T flattens towards its asymptotic mass, a wide range of k turns resonant within a small
   * step in T: the rate has a sharp but T-integrable peak at the opening of the T window (callers that
   * tabulate it average over T bins: fb_production_table.c) */
  if (!(d > 0.0)) return 0.0;
  const double fB = 1.0 / expm1(om / T);
  /* T: 2 states, int 4 pi k^2 dk/(2 pi)^3 (pi m^4/omega) f_B delta(h(k)) = k^2 m^4 f_B/(2 pi omega |h'|);
   * L: 1 state, delta(m^2 - Pi_L) = (omega^2/m^2) delta(G): k^2 m^2 omega f_B/(2 pi |G'|) */
  if (pol == 0) return 2.0 * k * k * m * m * m * m * fB / (2.0 * FB_PI * om * d);
  return k * k * m * m * om * fB / (2.0 * FB_PI * d);
}

static double bc1p_lambda(double s, double ma, double mb) {
  const double a = s - (ma + mb) * (ma + mb), b = s - (ma - mb) * (ma - mb);
  return a > 0.0 && b > 0.0 ? a * b : 0.0;
}

/* sigma / (a1 a2 C) [GeV^-2] of f fbar -> V A' (ann = 1) or f V -> f A' (ann = 0) (header) */
static double bc1p_sigma(int ann, double s, double m, double meff2) {
  const double L = log(s / meff2), d = s - m * m;
  if (!(d > 0.0) || !(L > 0.0)) return 0.0;
  if (ann) {
    const double r = d * (L > 1.0 ? L - 1.0 : 0.0) + 2.0 * m * m * s * L / d;
    return 4.0 * FB_PI * r / (s * s);
  }
  const double r = L * (d * d + m * m * m * m) / s + d * d / (2.0 * s) + 2.0 * m * m * d / s;
  return 2.0 * FB_PI * r / (s * s);
}

/* e^{m/T} x rate density [GeV^4] of a b -> X A' per unit (a1 a2 C): g_a g_b T/(16 pi^4) int dE sigma lambda K1 */
static double bc1p_two_to_two(const bc1p_state *st, int ann, double m, double T, double ga, double gb, double ma,
                              double mb, double Emin, double meff2) {
  static const double seg[5] = {0.0, 1.0, 5.0, 15.0, 50.0}; /* (E - Emin)/T */
  double I = 0.0;
  for (int s = 0; s < 4; ++s) {
    const double c = Emin + 0.5 * (seg[s] + seg[s + 1]) * T, h = 0.5 * (seg[s + 1] - seg[s]) * T;
    for (int i = 0; i < BC1P_GL_N; ++i) {
      const double E = c + h * st->xg[i], w = h * st->wg[i], ss = E * E;
      const double k1 = gsl_sf_bessel_K1_scaled(E / T) * exp(-(E - m) / T);
      I += w * bc1p_sigma(ann, ss, m, meff2) * bc1p_lambda(ss, ma, mb) * k1;
    }
  }
  return ga * gb * T / (16.0 * FB_PI * FB_PI * FB_PI * FB_PI) * I;
}

/* relaxation rate per A' [GeV] at eps = 1 */
static double bc1p_rate_unit(const bc1p_state *st, double m, double T) {
  double wp2, v;
  bc1p_plasma(st, T, &wp2, &v);
  double gamma = 0.0; /* e^{m/T} x rate density */
  /* resonant conversion (only where omega_p ~ m, i.e. m/T ~ 0.1: e^{m/T} harmless) */
  if (m < 60.0 * T) gamma += (bc1p_resonant(0, m, T, wp2, v) + bc1p_resonant(1, m, T, wp2, v)) * exp(m / T);
  /* off-resonance 2 -> 2 with the in-medium suppression of the mixing */
  const double minf2 = 1.5 * wp2, supp = m * m * m * m / (m * m * m * m + minf2 * minf2);
  const double mgam = sqrt(minf2), a = FB_ALPHA_EM;
  const double leptons[3] = {FB_ME_GEV, FB_MMU_GEV, FB_MTAU_GEV};
  double g22 = 0.0;
  for (int l = 0; l < 3; ++l) {
    const double mf = leptons[l];
    if (mf > 40.0 * T) continue;
    const double meff2 = mf * mf + 4.0 * FB_PI * a * T * T / 4.0;
    g22 += a * a * bc1p_two_to_two(st, 1, m, T, 2.0, 2.0, mf, mf, fmax(2.0 * mf, m + mgam), meff2);
    g22 += a * a * bc1p_two_to_two(st, 0, m, T, 4.0, 2.0, mf, 0.0, m + mf, meff2);
  }
  const double wq = bc1p_qcd_weight(T);
  if (wq > 1e-9) {
    const double as = fb_alpha_s_plasma(T), gs2 = 4.0 * FB_PI * as;
    const double mglu = sqrt(gs2 * T * T * (3.0 + 1.5) / 6.0);
    const double quarks[5][2] = {{FB_MU_QUARK_GEV, 4.0 / 9.0}, {FB_MD_QUARK_GEV, 1.0 / 9.0}, {FB_MS_QUARK_GEV, 1.0 / 9.0},
                                 {FB_MC_QUARK_GEV, 4.0 / 9.0}, {FB_MB_QUARK_GEV, 1.0 / 9.0}};
    for (int q = 0; q < 5; ++q) {
      const double mq = quarks[q][0], Q2 = quarks[q][1];
      if (mq > 40.0 * T) continue;
      const double meff2 = mq * mq + gs2 * T * T / 3.0;
      g22 += wq * a * as * Q2 * (4.0 / 9.0) *
             bc1p_two_to_two(st, 1, m, T, 6.0, 6.0, mq, mq, fmax(2.0 * mq, m + mglu), meff2);
      g22 += wq * a * as * Q2 * (1.0 / 6.0) * bc1p_two_to_two(st, 0, m, T, 12.0, 16.0, mq, 0.0, m + mq, meff2);
    }
  }
  gamma += supp * g22;
  /* e^{m/T} n_eq of the A' (3 states, MB) */
  const double x = m / T;
  const double neq = x < 1e-4 ? 3.0 * T * T * T / (FB_PI * FB_PI)
                              : 3.0 * m * m * T * gsl_sf_bessel_Kn_scaled(2, x) / (2.0 * FB_PI * FB_PI);
  return neq > 0.0 ? gamma / neq : 0.0;
}

/* ---- bin averages: (1/Delta) int_{ln T_lo}^{ln T_hi} Gamma(T) d ln T, Delta = ln(T_hi/T_lo) ----
 * The resonant part is integrated exactly over the bin by turning the delta function around: at fixed k the
 * resonance condition h_pol(k, T) = 0 has one root T_r(k) (Re Pi grows with T at fixed k), so
 *   int d ln T gamma_res/n_eq = sum_pol g_pol int d^3k/(2 pi)^3 (pi m^4/omega) [f_B/n_eq]_{T_r} / |dh/d ln T|_{T_r}
 * (L: times omega^2/m^2, h = G of bc1p_res_fn), a smooth k integral even where the window opens and a wide
 * range of k turns resonant within a sliver of T (the point rate's peak there). */

/* h_pol(k, T) with the plasma at T */
static double bc1p_h(const bc1p_state *st, int pol, double k, double m, double T) {
  double wp2, v;
  bc1p_plasma(st, T, &wp2, &v);
  return bc1p_res_fn(pol, k, m, wp2, v);
}

/* root in k of h_pol(., T) on [0, kmax]; 0 if h < 0 everywhere (T) / h > 0 everywhere (L), kmax otherwise */
static double bc1p_k_root(const bc1p_state *st, int pol, double m, double T, double kmax) {
  double wp2, v;
  bc1p_plasma(st, T, &wp2, &v);
  double a = 0.0, b = kmax, fa = bc1p_res_fn(pol, a, m, wp2, v), fb = bc1p_res_fn(pol, b, m, wp2, v);
  if (!(fa * fb < 0.0)) { /* T: h decreasing in k; L: G increasing in k */
    const int all_neg = fa < 0.0 && fb < 0.0;
    if (pol == 0) return all_neg ? 0.0 : kmax;
    return all_neg ? kmax : 0.0;
  }
  for (int it = 0; it < 60 && b - a > 1e-10 * b; ++it) {
    const double c = 0.5 * (a + b), fc = bc1p_res_fn(pol, c, m, wp2, v);
    if ((fc < 0.0) == (fa < 0.0)) a = c, fa = fc;
    else b = c, fb = fc;
  }
  return 0.5 * (a + b);
}

static double bc1p_neq(double m, double T) {
  const double x = m / T;
  return x < 1e-4 ? 3.0 * T * T * T / (FB_PI * FB_PI) : 3.0 * m * m * T * gsl_sf_bessel_Kn(2, x) / (2.0 * FB_PI * FB_PI);
}

/* int_{ln T_lo}^{ln T_hi} d ln T gamma_res,pol/n_eq at eps = 1 [GeV] */
static double bc1p_resonant_bin(const bc1p_state *st, int pol, double m, double T_lo, double T_hi) {
  if (m > 60.0 * T_lo) return 0.0;
  const double kmax = BC1P_K_MAX_T * T_hi;
  const double k_lo = bc1p_k_root(st, pol, m, T_lo, kmax), k_hi = bc1p_k_root(st, pol, m, T_hi, kmax);
  const double k1 = fmin(k_lo, k_hi), k2 = fmax(k_lo, k_hi);
  if (!(k2 > k1)) return 0.0;
  const double l1 = log(k1 + 0.1 * T_lo), l2 = log(k2 + 0.1 * T_lo);
  const int nseg = 6;
  double I = 0.0;
  for (int sgi = 0; sgi < nseg; ++sgi) {
    const double a = l1 + (l2 - l1) * sgi / nseg, b = l1 + (l2 - l1) * (sgi + 1) / nseg;
    const double c = 0.5 * (a + b), h = 0.5 * (b - a);
    for (int i = 0; i < BC1P_GL_N; ++i) {
      const double el = exp(c + h * st->xg[i]), k = el - 0.1 * T_lo, jac = el; /* dk = el d ln(k + 0.1 T_lo) */
      if (!(k > 0.0)) continue;
      double ua = log(T_lo), ub = log(T_hi);
      double fa = bc1p_h(st, pol, k, m, T_lo), fb = bc1p_h(st, pol, k, m, T_hi);
      if (!(fa > 0.0 && fb < 0.0)) continue; /* no root in the bin at this k */
      for (int it = 0; it < 50 && ub - ua > 1e-12; ++it) {
        const double uc = 0.5 * (ua + ub), fc = bc1p_h(st, pol, k, m, exp(uc));
        if (fc > 0.0) ua = uc, fa = fc;
        else ub = uc, fb = fc;
      }
      const double u = 0.5 * (ua + ub), T = exp(u), du = 1e-5;
      const double dh = fabs(bc1p_h(st, pol, k, m, exp(u + du)) - bc1p_h(st, pol, k, m, exp(u - du))) / (2.0 * du);
      const double om = sqrt(k * k + m * m), neq = bc1p_neq(m, T);
      if (!(dh > 0.0) || !(neq > 0.0) || om / T > 700.0) continue;
      const double fB = 1.0 / expm1(om / T);
      const double f = pol == 0 ? k * k * m * m * m * m * fB / (FB_PI * om * neq * dh)
                                : k * k * m * m * om * fB / (2.0 * FB_PI * neq * dh);
      I += h * st->wg[i] * jac * f;
    }
  }
  return I;
}

static double bc1p_rate_bin(const void *state, double m, double coupling, double T_lo, double T_hi) {
  const bc1p_state *st = state;
  const double d = log(T_hi / T_lo);
  if (!(d > 0.0)) return coupling * coupling * bc1p_rate_unit(st, m, T_lo);
  const double res = (bc1p_resonant_bin(st, 0, m, T_lo, T_hi) + bc1p_resonant_bin(st, 1, m, T_lo, T_hi)) / d;
  /* the smooth 2 -> 2 part: 3-point Gauss-Legendre in ln T over the bin */
  static const double xg3[3] = {-0.7745966692414834, 0.0, 0.7745966692414834}, wg3[3] = {5.0 / 9.0, 8.0 / 9.0, 5.0 / 9.0};
  double scat = 0.0;
  for (int i = 0; i < 3; ++i) {
    const double T = exp(log(T_lo) + 0.5 * d * (1.0 + xg3[i]));
    double r, sc;
    fb_prod_bc1_rate_parts(st, m, T, &r, &sc);
    scat += 0.5 * wg3[i] * sc;
  }
  return coupling * coupling * (res + scat);
}

double fb_prod_bc1_sigma_GeV2(int annihilation, double s_GeV2, double m_GeV, double meff2_GeV2) {
  return bc1p_sigma(annihilation, s_GeV2, m_GeV, meff2_GeV2);
}

double fb_prod_bc1_resonant_bin(const void *state, double m_GeV, double T_lo_GeV, double T_hi_GeV) {
  return bc1p_resonant_bin(state, 0, m_GeV, T_lo_GeV, T_hi_GeV) + bc1p_resonant_bin(state, 1, m_GeV, T_lo_GeV, T_hi_GeV);
}

static int bc1p_init(void **state, const fb_config *cfg, fb_err *err) {
  (void)cfg;
  bc1p_state *st = calloc(1, sizeof *st);
  FB_TEST(err, !st, FB_ERR_MEMORY, "cannot allocate the BC1 production state");
  int rc = FB_OK;
  gsl_integration_glfixed_table *tab = gsl_integration_glfixed_table_alloc(BC1P_GL_N);
  if (rc == FB_OK && !tab) rc = fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "Gauss-Legendre table");
  if (rc != FB_OK) {
    free(st);
    return fb_err_push(err, rc, __func__, __LINE__, "BC1 production");
  }
  for (size_t i = 0; i < BC1P_GL_N; ++i) gsl_integration_glfixed_point(-1.0, 1.0, i, &st->xg[i], &st->wg[i], tab);
  gsl_integration_glfixed_table_free(tab);
  st->lnT0 = log(BC1P_PL_T_MIN_GEV);
  st->npl = (int)ceil(log(BC1P_PL_T_MAX_GEV / BC1P_PL_T_MIN_GEV) * BC1P_PL_PER_EFOLD) + 1;
  st->dlnT = (log(BC1P_PL_T_MAX_GEV) - st->lnT0) / (st->npl - 1);
  st->wp2_T2 = malloc((size_t)st->npl * sizeof *st->wp2_T2);
  st->vstar = malloc((size_t)st->npl * sizeof *st->vstar);
  if (!st->wp2_T2 || !st->vstar) {
    free(st->wp2_T2), free(st->vstar), free(st);
    FB_FAIL(err, FB_ERR_MEMORY, "cannot allocate the BC1 plasma table");
  }
  for (int i = 0; i < st->npl; ++i) {
    const double T = exp(st->lnT0 + i * st->dlnT);
    double wp2;
    bc1p_plasma_direct(st, T, &wp2, &st->vstar[i]);
    st->wp2_T2[i] = wp2 / (T * T);
  }
  *state = st;
  return FB_OK;
}

static void bc1p_free(void *state) {
  if (!state) return;
  bc1p_state *st = state;
  free(st->wp2_T2);
  free(st->vstar);
  free(st);
}

double fb_prod_bc1_rate_parts(const void *state, double m_GeV, double T_GeV, double *resonant_GeV, double *scat_GeV) {
  const bc1p_state *st = state;
  const double tot = bc1p_rate_unit(st, m_GeV, T_GeV);
  if (resonant_GeV || scat_GeV) {
    double wp2, v;
    bc1p_plasma(st, T_GeV, &wp2, &v);
    const double x = m_GeV / T_GeV;
    const double neq = x < 1e-4 ? 3.0 * T_GeV * T_GeV * T_GeV / (FB_PI * FB_PI)
                                : 3.0 * m_GeV * m_GeV * T_GeV * gsl_sf_bessel_Kn_scaled(2, x) / (2.0 * FB_PI * FB_PI);
    const double res = x < 60.0 ? (bc1p_resonant(0, m_GeV, T_GeV, wp2, v) + bc1p_resonant(1, m_GeV, T_GeV, wp2, v)) *
                                      exp(x) / neq
                                : 0.0;
    if (resonant_GeV) *resonant_GeV = res;
    if (scat_GeV) *scat_GeV = tot - res;
  }
  return tot;
}

void fb_prod_bc1_plasma(const void *state, double T_GeV, double *omega_p_GeV, double *v_star) {
  double wp2;
  bc1p_plasma(state, T_GeV, &wp2, v_star);
  *omega_p_GeV = sqrt(wp2);
}

static double bc1p_rate(const void *state, double mass_GeV, double coupling, double T_GeV) {
  return coupling * coupling * bc1p_rate_unit(state, mass_GeV, T_GeV);
}

const fb_production_ops fb_production_bc1 = {
    .fip = "bc1",
    .processes = "resonant conversion of transverse and longitudinal photons (Re Pi = m_A'^2, Braaten-Segel "
                 "plasma), e+e- -> gamma A', e gamma -> e A' (e, mu, tau), q qbar -> g A', q g -> q A' above the "
                 "QCD crossover, off resonance with eps_eff^2 = eps^2 m^4/(m^4 + m_inf^4)",
    .references = "arXiv:0811.0326; arXiv:1302.3884; arXiv:1407.0993; hep-ph/9302213",
    .init = bc1p_init,
    .rate_GeV = bc1p_rate,
    .rate_bin_GeV = bc1p_rate_bin,
    .free = bc1p_free,
};
