/**
 * @file fb_sn_muon.h
 * @brief Muons in the proto-neutron star and ALP emission through the muon coupling of BC10 (used by fb_sn_alpn.c):
 *        the muon population from the profile's electron chemical potential and the Compton-like process
 *        gamma mu -> mu a with its inverse.
 *
 * Physics (formulas with citations in fb_sn_muon.c):
 *  - muons and antimuons as an ideal Fermi gas with mu_mu = mu_e (beta equilibrium with vanishing nu_mu chemical
 *    potential, the muonic SN models of Bollig et al. arXiv:2005.07141); our profiles carry no muons: charge
 *    neutrality is re-imposed (fb_sn_muon_mu_neutral_GeV: electrons and muons share the profile's electron charge);
 *  - Compton-like gamma mu -> mu a: by default with relativistic thermal muons and the exact tree-level cross section
 *    (fb_sn_muon_gamma_abs_rel_GeV; the degenerate muons of the core have p_F ~ 2 m_mu, where the static form
 *    overestimates the rate by x10-30); the static-muon limit sigma = 4 pi alpha alpha_a omega^2/(3 m^4),
 *    alpha_a = g_Y^2/4 pi (Raffelt, "Stars as laboratories", 1996, ch. 3; Brodsky, Mottola, Muzinich & Weinberg,
 *    PLB 1986) kept as an option (fb_sn_muon_gamma_abs_GeV); targets Pauli blocked at the initial energy:
 *    n_eff = 2 int d^3p/(2 pi)^3 f(1 - f) (muons and antimuons), photons above the plasma frequency;
 *  - absorption a mu -> gamma mu with sigma(a -> gamma) = 2 sigma(gamma -> a) (two photon polarisations) and the
 *    Bose factor 1 + f_gamma (detailed balance).
 * Not included (docs/validation.md): muon bremsstrahlung on protons mu p -> mu p a (Croon et al. arXiv:2006.13942;
 * Bollig et al. arXiv:2005.07141), the recoil in the final-muon Pauli blocking.
 *
 * Units: GeV throughout. Pure functions, no state.
 */
#ifndef FB_SN_MUON_H
#define FB_SN_MUON_H

/** Net muon density n_mu- - n_mu+ [GeV^3] at T_GeV, mu_mu_GeV (incl. rest mass). */
double fb_sn_muon_density_GeV3(double T_GeV, double mu_mu_GeV);

/** Pauli-blocked target density 2 int d^3p/(2 pi)^3 [f(1 - f) + fbar(1 - fbar)] [GeV^3] (mu- and mu+). */
double fb_sn_muon_neff_GeV3(double T_GeV, double mu_mu_GeV);

/** Absorption rate [GeV] of a mu -> gamma mu (not reduced by stimulated emission) for the Yukawa coupling g_Y
 *  (BC10: g_Y = m_mu/f_l), target density neff_GeV3, plasma frequency squared wp2_GeV2, ALP energy om > mass. */
double fb_sn_muon_gamma_abs_GeV(double gY, double neff_GeV3, double T_GeV, double wp2_GeV2, double om_GeV,
                                double mass_GeV);

/** Lepton chemical potential mu_l = mu_e = mu_mu [GeV] with charge neutrality re-imposed: n_e(mu_l) + n_mu(mu_l) equal
 *  to the electron density n_e(mue_GeV) of the muon-free profile (electrons massless; at every mue_GeV > 0, below
 *  m_mu too: thermal muons at T ~ 20-40 MeV). */
double fb_sn_muon_mu_neutral_GeV(double T_GeV, double mue_GeV);

/** Exact tree-level cross section [GeV^-2] of gamma mu -> mu a (massless ALP, pseudoscalar Yukawa gY) at the invariant
 *  mass squared s_GeV2 (> m_mu^2): alpha g^2/(4 (s - m^2)) [ln(s/m^2) - 2 (1 - m^2/s) + (1 - m^4/s^2)/2]; its
 *  static limit is alpha g^2 omega^2/(3 m^4). */
double fb_sn_muon_sigma_GeV2(double gY, double s_GeV2);

/** Absorption rate [GeV] of a mu -> gamma mu with relativistic thermal muons and antimuons (T_GeV, mu_mu_GeV) and the
 *  exact cross section (fb_sn_muon_sigma_GeV2), massless ALP of energy om_GeV, without the photon Bose factor. */
double fb_sn_muon_gamma_abs_rel_GeV(double gY, double T_GeV, double mu_mu_GeV, double om_GeV);

#endif /* FB_SN_MUON_H */
