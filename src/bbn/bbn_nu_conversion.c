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
 *  - Gamma_th(E) = C_e G_F^2 T^4 E / 3.151 (3.151 = 7 pi^4 / (180 zeta3)): the thermally averaged rate of an active neutrino,
 *    C_e G_F^2 T^5 (Enqvist, Kainulainen, Thomson NPB 373 (1992) 498; FB_NU_RATE_C_E), scaled to
 *    energy E from the mean thermal momentum 3.151 T (the rate of an ultra-relativistic neutrino on
 *    the plasma grows as its energy). T is the photon temperature: after e+- annihilation the rate
 *    is overestimated, where H dominates anyway;
 *  - H from the background (d ln a / dt of bbn_background).
 *  - Each group with its mean energy only (P ~ E to E^2: the spectrum's spread is neglected).
 *  - With d->nu_oscillations (default of the HNL planes): also the nu_mu and nu_tau groups, each
 *    weighted by its probability to be a nu_e (anti-nu_e) when it interacts, and the nu_e groups by
 *    their survival probability (bbn_nu_oscillation.c: vacuum mixing, thermal potential, averaged over
 *    the lifetime 1/(Gamma_th + H)); Gamma_th then uses the mean flavour content, C = P_e C_e +
 *    (1 - P_e) C_mu,tau (nu_mu, nu_tau scatter with C_mu,tau = 0.92). Neutrinos from a stopped mu+-
 *    (nu_mu: mean 7/20 m_mu) and pi+- (the 29.8 MeV line) are groups of their own (bbn_decay_record.c).
 */
#include <math.h>

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

void bbn_nu_conversion_rates(const bbn_decay *d, double decays_per_baryon_s, double T_MeV, double H_s,
                             double nb_cm3, double *lam_np, double *lam_pn) {
  *lam_np = 0.0;
  *lam_pn = 0.0;
  if (!d->nu_conversion || !(decays_per_baryon_s > 0.0)) return;
  const double hbar = FB_HBAR_GEV_S * 1e3; /* MeV s */
  const double GF = FB_GF_GEV_M2 * 1e-6;
  const double Delta = (FB_MN_GEV - FB_MP_GEV) * 1e3;
  /* mean momentum over T of a relativistic Fermi-Dirac distribution, 7 pi^4 / (180 zeta(3)) = 3.151 */
  const double p_mean_over_T = 7.0 * pow(FB_PI, 4) / (180.0 * FB_ZETA3);
  /* the groups (flavour, number of nu + anti-nu per decay, mean energy); without oscillations only nu_e */
  const int osc = d->nu_oscillations;
  const int ng = osc ? 6 : 2;
  const int fl[6] = {0, 0, 1, 1, 1, 2};
  const double num[6] = {d->n_nue[0], d->n_nue[1], d->n_numu[0], d->n_numu[1], d->n_numu[2], d->n_nutau};
  const double En[6] = {d->E_nue_MeV[0], d->E_nue_MeV[1], d->E_numu_MeV[0], d->E_numu_MeV[1], d->E_numu_MeV[2],
                        d->E_nutau_MeV};
  for (int g = 0; g < ng; ++g) {
    const double E = En[g];
    if (!(num[g] > 0.0) || !(E > 0.0)) continue;
    /* scattering rate C G_F^2 T^4 E / 3.151 per unit C (see above) */
    const double G1 = GF * GF * pow(T_MeV, 4) * E / p_mean_over_T / hbar; /* 1/s */
    double Pe = 1.0, Pebar = 1.0, C = FB_NU_RATE_C_E;
    if (osc) { /* bbn_nu_oscillation.c: the probability to be a nu_e when it interacts; the scattering
                * rate is that of its mean flavour content (C_e as nu_e, C_mu,tau otherwise) */
      bbn_nu_osc o;
      double P[3][3], Pb[3][3];
      bbn_nu_osc_init(&o, E, T_MeV, 0);
      bbn_nu_osc_probabilities(&o, 0.0, 0, P); /* incoherent part, for the flavour content */
      C = P[fl[g]][0] * FB_NU_RATE_C_E + (1.0 - P[fl[g]][0]) * FB_NU_RATE_C_MUTAU;
      const double G = C * G1 + H_s;
      bbn_nu_osc_probabilities(&o, G, 0, P);
      bbn_nu_osc_probabilities(&o, G, 1, Pb);
      Pe = P[fl[g]][0];
      Pebar = Pb[fl[g]][0];
    }
    const double w = decays_per_baryon_s * 0.5 * num[g] * nb_cm3 * FB_C_CM_S / (C * G1 + H_s);
    *lam_pn += w * Pebar * sigma_ibd_cm2(E - Delta);
    *lam_np += w * Pe * sigma_ibd_cm2(E + Delta);
  }
}
