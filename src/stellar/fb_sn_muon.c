/**
 * @file fb_sn_muon.c
 * @brief Muon population and gamma mu -> mu a (see fb_sn_muon.h).
 */
#include "fb_sn_muon.h"

#include <math.h>

#include "fb_constants.h"

#define MU_NP 600 /* Simpson intervals in the muon momentum */

/* int_0^pmax dp p^2 g(p) for g = f - fbar (which = 0) or f(1-f) + fbar(1-fbar) (which = 1); Fermi-Dirac with
 * E = sqrt(p^2 + m^2), mu (incl. rest mass); pmax where E - mu = 50 T */
static double fd_moment(double T, double mu, int which) {
  const double m = FB_MMU_GEV;
  if (!(T > 0)) return 0.0;
  double Emax = fmax(mu, m) + 50.0 * T, pmax = sqrt(Emax * Emax - m * m), h = pmax / MU_NP, s = 0.0;
  for (int i = 0; i <= MU_NP; i++) {
    double p = i * h, E = sqrt(p * p + m * m), c = (i == 0 || i == MU_NP) ? 1.0 : (i % 2 ? 4.0 : 2.0);
    double f = 1.0 / (exp((E - mu) / T) + 1.0), fb = 1.0 / (exp((E + mu) / T) + 1.0);
    double g = which ? f * (1.0 - f) + fb * (1.0 - fb) : f - fb;
    s += c * p * p * g;
  }
  return s * h / 3.0;
}

double fb_sn_muon_density_GeV3(double T, double mu) { return fd_moment(T, mu, 0) / (FB_PI * FB_PI); }

double fb_sn_muon_neff_GeV3(double T, double mu) { return fd_moment(T, mu, 1) / (FB_PI * FB_PI); }

double fb_sn_muon_gamma_abs_GeV(double gY, double neff, double T, double wp2, double om, double mass) {
  const double m = FB_MMU_GEV;
  if (!(T > 0) || !(neff > 0) || !(om > mass) || !(om * om > wp2)) return 0.0;
  /* sigma(gamma mu -> mu a) = 4 pi alpha alpha_a omega^2/(3 m^4) = alpha g_Y^2 k_a^2/(3 m^4) in the static limit
   * (Raffelt 1996 ch. 3, the ALP momentum k_a of the vertex sigma.k_a for a massive ALP); sigma(a -> gamma) twice
   * that; Bose factor of the final photon 1 + f_gamma = 1/(1 - e^{-om/T}) */
  double ka2 = om * om - mass * mass;
  return neff * 2.0 * FB_ALPHA_EM * gY * gY * ka2 / (3.0 * m * m * m * m) / (-expm1(-om / T));
}

double fb_sn_muon_mu_neutral_GeV(double T, double mue) {
  /* at every mu_e > 0: below m_mu the muons are not Boltzmann-suppressed at T = 20-40 MeV (mu_e = 103 MeV, T = 35 MeV:
   * n_mu/n_e = 0.47 without neutrality, 0.30 with); until 2026-12-07 mu_e <= m_mu was returned unchanged, a jump of
   * 18 MeV at mu_e = m_mu and muon densities x1.2-1.6 too high in the hot mantle of the default profile */
  if (!(T > 0) || !(mue > 0)) return mue;
  /* Charge neutrality re-imposed with the profile's charge density: the profile fixes n_p = n_e(mu_e) (no muons);
   * with muons in beta equilibrium at mu_mu = mu_e = mu_l (vanishing neutrino chemical potentials, the limit of the
   * muonic models of Bollig et al. arXiv:2005.07141 and Fischer et al. arXiv:2008.13628 with mu_nu_mu ~ 0) the lepton
   * chemical potential solves n_e(mu_l) + n_mu(mu_l) = n_e(mu_e), net densities; electrons ultra-relativistic,
   * n_e = (mu^3 + pi^2 T^2 mu)/(3 pi^2) (exact for massless fermions). Bisection on [0, mu_e]. */
  const double c = 1.0 / (3.0 * FB_PI * FB_PI), pt2 = FB_PI * FB_PI * T * T;
  double target = c * (mue * mue * mue + pt2 * mue), lo = 0.0, hi = mue;
  for (int it = 0; it < 40 && hi - lo > 1e-7 * mue; it++) {
    double mid = 0.5 * (lo + hi), n = c * (mid * mid * mid + pt2 * mid) + fb_sn_muon_density_GeV3(T, mid);
    if (n < target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/* ------------------------------------------------------------------ relativistic semi-Compton a mu -> gamma mu */
/* Antiderivative H(s) of G(s) = (4/alpha g^2)(s - m^2) sigma(s), sigma the exact tree-level cross section of
 * gamma mu -> mu a (pseudoscalar Yukawa g, massless a): spin-averaged |M|^2 = -e^2 g^2 t^2/((s - m^2)(u - m^2))
 * (the axion-Compton amplitude of Brodsky, Mottola, Muzinich & Weinberg, PLB 1986; normalised to Raffelt's static
 * limit sigma = alpha g^2 omega^2/(3 m^4), 1996 ch. 3, which it reproduces), integrated over t in [-(s-m^2)^2/s, 0]:
 *   sigma(s) = alpha g^2/(4 (s - m^2)) [ln(s/m^2) - 2 (1 - m^2/s) + (1 - m^4/s^2)/2]  (re-derived here),
 * G = ln(s/m^2) - 3/2 + 2 m^2/s - m^4/(2 s^2), H = s ln(s/m^2) - 5 s/2 + 2 m^2 ln(s/m^2) + m^4/(2 s). */
static double Hs(double s) {
  const double m2 = FB_MMU_GEV * FB_MMU_GEV;
  double L = log(s / m2);
  return s * L - 2.5 * s + 2.0 * m2 * L + 0.5 * m2 * m2 / s;
}

static double Gs(double s) {
  const double m2 = FB_MMU_GEV * FB_MMU_GEV;
  return log(s / m2) - 1.5 + 2.0 * m2 / s - 0.5 * m2 * m2 / (s * s);
}

double fb_sn_muon_sigma_GeV2(double gY, double s) {
  const double m2 = FB_MMU_GEV * FB_MMU_GEV;
  if (!(s > m2)) return 0.0;
  return FB_ALPHA_EM * gY * gY / (4.0 * (s - m2)) * Gs(s);
}

#define MU_REL_NP 120 /* Simpson intervals in the muon momentum of the relativistic rate */

double fb_sn_muon_gamma_abs_rel_GeV(double gY, double T, double mu, double om) {
  const double m = FB_MMU_GEV, m2 = m * m;
  if (!(T > 0) || !(om > 0)) return 0.0;
  /* Gamma_abs = 2 (photon polarisations) int d^3p/(2 pi)^3 2 [f(1 - f) + fbar(1 - fbar)] (1 - v cos) sigma(s),
   * s = m^2 + 2 omega (E - p cos): with d cos = -ds/(2 omega p) and 1 - v cos = (s - m^2)/(2 omega E) the angular
   * integral is [H(s+) - H(s-)] alpha g^2/(16 omega^2 p E), so
   *   Gamma_abs = alpha g^2/(16 pi^2 omega^2) int dp (p/E) F(p) [H(s+) - H(s-)],  s+- = m^2 + 2 omega (E +- p);
   * the final muon blocked at the initial energy (elastic approximation, as n_eff); massless ALP kinematics (the
   * caller scales by k_a^2/omega^2); the photon Bose factor is applied by the caller. Static limit: 2 sigma n_eff. */
  double Emax = fmax(mu, m) + 50.0 * T, pmax = sqrt(Emax * Emax - m2), h = pmax / MU_REL_NP, sum = 0.0;
  for (int i = 1; i <= MU_REL_NP; i++) {
    double p = i * h, E = sqrt(p * p + m2), c = (i == MU_REL_NP) ? 1.0 : (i % 2 ? 4.0 : 2.0);
    double f = 1.0 / (exp((E - mu) / T) + 1.0), fb = 1.0 / (exp((E + mu) / T) + 1.0), F = f * (1.0 - f) + fb * (1.0 - fb);
    if (!(F > 0)) continue;
    double sp = m2 + 2.0 * om * (E + p), sm = m2 + 2.0 * om * (m2 / (E + p)); /* E - p = m^2/(E + p) */
    double dH = (sp - sm < 1e-6 * sm) ? Gs(0.5 * (sp + sm)) * (sp - sm) : Hs(sp) - Hs(sm);
    sum += c * p / E * F * dH;
  }
  return FB_ALPHA_EM * gY * gY / (16.0 * FB_PI * FB_PI * om * om) * sum * h / 3.0;
}
