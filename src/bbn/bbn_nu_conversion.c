/**
 * @file bbn_nu_conversion.c
 * @brief Direct p <-> n conversion by the non-thermal nu_e and anti-nu_e that a decaying particle
 *        injects, before they thermalise (issue 14 item 3: "their direct n <-> p conversion before
 *        they thermalise"; included in Sabti, Magalich, Filimonova arXiv:2006.07387 and Boyarsky et
 *        al. arXiv:2103.09831 for heavy neutral leptons).
 *
 * A nu_e of energy E >> T converts a nucleon (nu_e n -> p e-, anti-nu_e p -> n e+) with the rate
 * n_N sigma(E) c until it is scattered by the plasma (rate Gamma_th(E)) or redshifted (H):
 * probability P = n_N sigma c / (Gamma_th + H) per neutrino (one scattering ends it: a lower bound,
 * as the neutrino keeps a part of its energy after a scattering). With D = decays per baryon per
 * second and n_g neutrinos of each kind (nu_e and anti-nu_e: equal numbers, charge-symmetric decays)
 * per decay in group g, the extra rates per nucleon are
 *   lambda_pn = sum_g D (n_g/2) n_b sigma_pbar(E_g) c / (Gamma_th(E_g) + H),
 *   lambda_np = sum_g D (n_g/2) n_b sigma_n(E_g) c / (Gamma_th(E_g) + H)
 * (the factor Y_p of n_p cancels against the rate per proton, as for the pions in bbn_mesons.c).
 * Inputs:
 *  - sigma at zeroth order in 1/M (Vogel & Beacom, hep-ph/9903554, eq. 2 and sec. II):
 *    sigma = sigma0 E_e p_e, sigma0 = G_F^2 V_ud^2 (1 + 3 g_A^2) / pi (no radiative correction),
 *    E_e = E - Delta (anti-nu_e p -> n e+) or E + Delta (nu_e n -> p e-), Delta = m_n - m_p; the
 *    1/M (recoil, weak magnetism) corrections lower sigma by O(10%) at E ~ 30 MeV (not included);
 *  - Gamma_th(E) = C_e G_F^2 T^4 E (bbn_nu_rate.c: Enqvist, Kainulainen, Thomson NPB 373 (1992) 498,
 *    FB_NU_RATE_C_E; the C's multiply G_F^2 T^4 p, checked there against the Dolgov-Hansen-Semikoz
 *    hep-ph/9703315 matrix elements averaged over the thermal bath; until 2026-12-07 this was divided by
 *    the mean momentum 3.151, a rate 3.151 x too small). T is the photon temperature: after e+-
 *    annihilation the rate is overestimated, where H dominates anyway;
 *  - H from the background (d ln a / dt of bbn_background).
 *  - Spectra (bbn_decay.nu_groups, filled by bbn_decay_record.c): a line (a two-body channel's
 *    neutrino, the pi -> mu nu_mu of a stopped pion) at its energy; a V-A continuum (three-body
 *    channels; the decays at rest of stopped muons) as a Michel spectrum in x = E/E_max scaled to the
 *    group's mean energy, 12 x^2 (1 - x) or 2 x^2 (3 - 2 x) (PDG 2024 "Muon decay parameters", m_e = 0;
 *    for the HNL's three-body channels an approximation: their true spectra depend on the channel),
 *    integrated by 8-point Gauss-Legendre (exact for the cubic shapes times the ~E^2 cross section).
 *    Before 2026-12-07 each group had its mean energy only (P ~ E to E^2: the spread adds 0 to +11%).
 *  - With d->nu_oscillations (default of the HNL planes): every flavour's group, each neutrino weighted
 *    by its probability to be a nu_e (anti-nu_e) when it interacts (the nu_e groups by their survival
 *    probability; bbn_nu_oscillation.c: vacuum mixing, thermal potential, incoherent average over the
 *    lifetime, tabulated in bbn_tables.nu_osc); Gamma_th then uses the mean flavour content,
 *    C = P_e C_e + (1 - P_e) C_mu,tau (nu_mu, nu_tau scatter with C_mu,tau = 0.92). Without it only
 *    the nu_e groups convert, unoscillated.
 *  - Decays in flight (2026-12-07): when X moves with Lorentz factor gamma_X (bbn_mesons.c), the groups X emits
 *    (at_rest = 0) have lab spectra boosted isotropically: a line at E* becomes flat on gamma_X E* (1 -+ beta_X),
 *    a V-A continuum the closed-form boosted spectrum of bbn_em_injection.c (bbn_boosted_va_dnde, kink at
 *    gamma_X (1 - beta_X) E_max), both integrated by Gauss-Legendre (bbn_nu_spectrum_integrate; exact for the
 *    moments, tests/bbn/test_bbn_decay_flight.c); the neutrinos of stopped pi+- and mu+- decay at rest in the
 *    plasma and are not boosted (at_rest = 1). The cascade grid reaches the boosted top energy.
 *  - With d->nu_cascade (default of the HNL planes since 2026-12-07): the scattering does not end a
 *    neutrino; the conversions of its energetic daughters (nu_e and anti-nu_e among them even from an
 *    injected nu_tau) are added (bbn_nu_cascade.c), for every flavour's group.
 */
#include <math.h>

#include "bbn_em_injection.h"
#include "bbn_internal.h"
#include "fb_constants.h"

/* sigma0 E_e p_e [cm^2] for an electron / positron of total energy Ee_MeV (0 below threshold) */
static double sigma_ibd_cm2(double Ee_MeV) {
  const double me = FB_ME_GEV * 1e3;
  if (!(Ee_MeV > me)) return 0.0;
  const double GF = FB_GF_GEV_M2 * 1e-6; /* MeV^-2 */
  const double hc = FB_HBARC_GEV_CM * 1e3; /* MeV cm */
  const double sigma0 = GF * GF * FB_VUD * FB_VUD * (1.0 + 3.0 * FB_GA_NUCLEON * FB_GA_NUCLEON) / FB_PI * hc * hc;
  return sigma0 * Ee_MeV * sqrt(Ee_MeV * Ee_MeV - me * me);
}

/* 8-point Gauss-Legendre nodes and weights on [-1, 1] (Abramowitz & Stegun table 25.4): exact for the
 * cubic spectral shapes times polynomials up to degree 12 */
static const double GL_X[4] = {0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
static const double GL_W[4] = {0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};

/* a member of a group (and of the cascade, bbn_nu_cascade.c) at energy E: its probability Pe to be a nu_e
 * (anti-nu_e) when it interacts (with oscillations: from the table, bbn_nu_oscillation.c, A = A1 E^2; without:
 * 1 for nu_e, 0 otherwise), the scattering rate of its mean flavour content (C_e as nu_e, C_mu,tau otherwise),
 * its direct conversions S = Pe sigma / (Gamma + H) and the probability Gamma / (Gamma + H) that it scatters */
typedef struct member_ctx {
  const bbn_nu_osc_table *ot;
  int osc;
  double A1, G1_per_E, H_s;
} member_ctx;

static void member_at(void *vctx, int a, double E, double S[2], double *g_int, double *Pe_out) {
  const member_ctx *m = vctx;
  double Pe = a == 0;
  if (m->osc) Pe = bbn_nu_osc_table_Pe(m->ot, a, m->A1 * E * E);
  const double G = (Pe * FB_NU_RATE_C_E + (1.0 - Pe) * FB_NU_RATE_C_MUTAU) * m->G1_per_E * E;
  const double Delta = (FB_MN_GEV - FB_MP_GEV) * 1e3;
  S[0] = Pe / (G + m->H_s) * sigma_ibd_cm2(E - Delta);
  S[1] = Pe / (G + m->H_s) * sigma_ibd_cm2(E + Delta);
  *g_int = G / (G + m->H_s);
  *Pe_out = Pe;
}

/* a group member at energy E: its direct conversions plus those of its cascade, per (D n/2 n_b c) */
typedef struct group_ctx {
  const member_ctx *m;
  const bbn_nu_cascade *cas;
  int flavour;
} group_ctx;

static void group_at(double E, void *vctx, double out[2]) {
  const group_ctx *c = vctx;
  double S[2], g_int, Pe, ex[2];
  member_at((void *)c->m, c->flavour, E, S, &g_int, &Pe);
  bbn_nu_cascade_extra(c->cas, c->flavour, E, ex);
  out[0] = S[0] + ex[0];
  out[1] = S[1] + ex[1];
}

/* 4-point Gauss-Legendre nodes and weights on [-1, 1] (Abramowitz & Stegun table 25.4): exact to degree 7 */
static const double GL4_X[2] = {0.3399810435848563, 0.8611363115940526};
static const double GL4_W[2] = {0.6521451548625461, 0.3478548451374538};

/* Gauss-Legendre node i of n = 8 (the order of the rest-frame sum below) or n = 4 on [a, b], and its weight */
static void gl_node(int n, double a, double b, int i, double *x, double *w) {
  const double h = 0.5 * (b - a), c = 0.5 * (a + b);
  if (n == 4) {
    *x = c + h * (i < 2 ? -GL4_X[i] : GL4_X[i - 2]);
    *w = h * GL4_W[i % 2];
    return;
  }
  *x = c + h * (i < 4 ? -GL_X[i] : GL_X[i - 4]);
  *w = h * GL_W[i % 4];
}

void bbn_nu_spectrum_integrate(int shape, double E_MeV, double gamma, bbn_nu_spectrum_fn f, void *ctx, double out[2]) {
  out[0] = out[1] = 0.0;
  const double b = gamma > 1.0 ? sqrt(fmax(0.0, 1.0 - 1.0 / (gamma * gamma))) : 0.0;
  double v[2];
  if (shape == BBN_NU_LINE) {
    if (!(b > 0.0)) { /* at rest: the line */
      f(E_MeV, ctx, out);
      return;
    }
    /* in flight: flat between gamma (1 -+ beta) E (bbn_em_injection.c), 4-point Gauss-Legendre (the rates are
     * smooth in E: the error is ~ beta^8 times their eighth derivative; exact for the moments up to E^7) */
    double lo, hi;
    bbn_boost_flat_range(gamma, E_MeV, 0.0, &lo, &hi);
    for (int i = 0; i < 4; ++i) {
      double x, w;
      gl_node(4, lo, hi, i, &x, &w);
      f(x, ctx, v);
      out[0] += w / (hi - lo) * v[0];
      out[1] += w / (hi - lo) * v[1];
    }
    return;
  }
  /* V-A spectrum in x = E/E_max on [0, 1]: 12 x^2 (1 - x) or 2 x^2 (3 - 2 x) */
  const int nue = shape == BBN_NU_MICHEL_NUE;
  const double Emax = E_MeV / (nue ? 0.6 : 0.7);
  if (!(b > 0.0)) { /* at rest: GL8 in x (exact for the cubic shapes times polynomials up to degree 12) */
    for (int i = 0; i < 8; ++i) {
      const double x = 0.5 * (1.0 + (i < 4 ? -GL_X[i] : GL_X[i - 4])), wq = 0.5 * GL_W[i % 4];
      const double fx = nue ? 12.0 * x * x * (1.0 - x) : 2.0 * x * x * (3.0 - 2.0 * x);
      f(x * Emax, ctx, v);
      out[0] += wq * fx * v[0];
      out[1] += wq * fx * v[1];
    }
    return;
  }
  /* in flight: the boosted spectrum in closed form (bbn_em_injection.c), a cubic polynomial in E on each side of
   * its kink gamma (1 - beta) E_max: 8-point Gauss-Legendre below it (as the rest-frame sum), 4-point on the
   * narrow piece above it (width 2 gamma beta E_max) */
  const double cut[3] = {0.0, gamma * (1.0 - b) * Emax, gamma * (1.0 + b) * Emax};
  for (int s = 0; s < 2; ++s)
    for (int i = 0; i < (s ? 4 : 8); ++i) {
      double x, w;
      gl_node(s ? 4 : 8, cut[s], cut[s + 1], i, &x, &w);
      const double dn = w * bbn_boosted_va_dnde(nue, Emax, gamma, x);
      f(x, ctx, v);
      out[0] += dn * v[0];
      out[1] += dn * v[1];
    }
}

/* the largest energy of the groups (lines; E_max of the continua), boosted by gamma_X where in flight */
static double groups_E_top(const bbn_decay *d, double gamma_X) {
  double top = 0.0;
  const double bX = gamma_X > 1.0 ? sqrt(fmax(0.0, 1.0 - 1.0 / (gamma_X * gamma_X))) : 0.0;
  for (int g = 0; g < d->n_nu_groups; ++g) {
    const bbn_nu_group *gr = &d->nu_groups[g];
    if (!(gr->n > 0.0) || !(gr->E_MeV > 0.0)) continue;
    double e = gr->shape == BBN_NU_LINE ? gr->E_MeV : gr->E_MeV / (gr->shape == BBN_NU_MICHEL_NUE ? 0.6 : 0.7);
    if (!gr->at_rest && bX > 0.0) e *= gamma_X * (1.0 + bX);
    if (e > top) top = e;
  }
  return top;
}

void bbn_nu_conversion_parts(const bbn_nu_osc_table *ot, const bbn_decay *d, double T_MeV, double H_s, double gamma_X,
                             double part[4]) {
  part[0] = part[1] = part[2] = part[3] = 0.0;
  if (!d->nu_conversion) return;
  /* mean momentum over T of a relativistic Fermi-Dirac distribution, 7 pi^4 / (180 zeta(3)) = 3.151 */
  const double p_mean_over_T = bbn_nu_mean_p_over_T();
  /* scattering rate C G_F^2 T^4 E [1/s] per unit C and per MeV of E (bbn_nu_rate.c) */
  const double G1_per_E = bbn_nu_rate_GeV(1.0, 1e-3 * T_MeV, 1e-3) / FB_HBAR_GEV_S;
  const int osc = d->nu_oscillations && ot;
  const double A1 = osc ? bbn_nu_osc_A(1.0, T_MeV) : 0.0; /* A at E = 1 MeV (A ~ E^2) */
  /* the cascade: members below the mean thermal momentum count as thermal (bbn_nu_cascade.c) */
  const int casc = d->nu_cascade;
  bbn_nu_cascade cas;
  cas.n = 0;
  member_ctx mc = {ot, osc, A1, G1_per_E, H_s};
  if (casc) {
    bbn_nu_cascade_solve(&cas, p_mean_over_T * T_MeV, 1.001 * groups_E_top(d, gamma_X), member_at, &mc);
  }
  for (int g = 0; g < d->n_nu_groups; ++g) {
    const bbn_nu_group *gr = &d->nu_groups[g];
    if (!(gr->n > 0.0) || !(gr->E_MeV > 0.0)) continue;
    if (gr->flavour != 0 && !osc && !casc) continue; /* only nu_e convert */
    /* the group's spectrum in the lab: X's rest-frame spectrum boosted by gamma_X (decays in flight), except for
     * the neutrinos of stopped pions and muons (at_rest: they decay at rest in the plasma frame) */
    group_ctx gc = {&mc, &cas, gr->flavour};
    double r[2];
    bbn_nu_spectrum_integrate(gr->shape, gr->E_MeV, gr->at_rest ? 1.0 : gamma_X, group_at, &gc, r);
    const int k = gr->from_pion ? 2 : 0;
    part[k] += 0.5 * gr->n * r[0];
    part[k + 1] += 0.5 * gr->n * r[1];
  }
}

void bbn_nu_conversion_combine(const double part[4], double decays_per_baryon_s, double nb_cm3, double pion_decay_prob,
                               double *lam_np, double *lam_pn) {
  const double norm = decays_per_baryon_s * nb_cm3 * FB_C_CM_S;
  *lam_pn = norm * (part[0] + pion_decay_prob * part[2]);
  *lam_np = norm * (part[1] + pion_decay_prob * part[3]);
}

void bbn_nu_conversion_rates(const bbn_nu_osc_table *ot, const bbn_decay *d, double decays_per_baryon_s, double T_MeV, double H_s,
                             double nb_cm3, double pion_decay_prob, double gamma_X, double *lam_np, double *lam_pn) {
  *lam_np = 0.0;
  *lam_pn = 0.0;
  if (!d->nu_conversion || !(decays_per_baryon_s > 0.0)) return;
  double part[4];
  bbn_nu_conversion_parts(ot, d, T_MeV, H_s, gamma_X, part);
  bbn_nu_conversion_combine(part, decays_per_baryon_s, nb_cm3, pion_decay_prob, lam_np, lam_pn);
}
