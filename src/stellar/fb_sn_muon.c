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
