/**
 * @file fb_sn_alp.h
 * @brief SN1987A cooling band of a photon-coupled ALP (BC9: mass m_a, coupling g_agg [GeV^-1])
 *        from Primakoff conversion gamma p -> a p and photon coalescence gamma gamma -> a in the
 *        proto-neutron star.
 *
 * Physics (fb_sn_alp.c, docs/validation.md ("SN1987A", BC9 and HB)):
 *  - Primakoff: rate with Debye screening by non-degenerate free protons, kappa^2 = 4 pi alpha n_p/T,
 *    photons with the plasma mass omega_p (k^2 = omega^2 - omega_p^2) (Di Lella et al. hep-ph/0006327
 *    eq. 3; Lucente et al. arXiv:2008.04918 sec. 2); emission
 *    Q = int domega 2 k omega^2 Gamma_{gamma->a}/(2 pi^2 (e^{omega/T} - 1)); absorption by inverse
 *    Primakoff with the reduced rate 2 (k/p) Gamma_{gamma->a} (detailed balance).
 *  - Decay a -> gamma gamma in the plasma, Gamma = g^2 m^3/(64 pi) (1 - 4 omega_p^2/m^2)^{3/2}
 *    (zero for m < 2 omega_p), with the boost m/E and the Bose enhancement of the two final photons
 *    B(E) = <(1 + f_1)(1 + f_2)> - <f_1 f_2> averaged over decay angles (closed form in
 *    fb_sn_alp_bose_factor); B -> 1 in vacuum. This reduced decay rate is the ALP absorption rate by
 *    decays along the rays.
 *  - Photon coalescence gamma gamma -> a (inverse decay): by detailed balance its emission per ALP
 *    mode is f_B(E) times the reduced decay rate, so the number production rate per volume and energy
 *    is dN/dV dt dE = p m Gamma B/(2 pi^2 (e^{E/T} - 1)); in the Boltzmann limit (B -> 1, f_B ->
 *    e^{-E/T}) this is g^2 m^4 p (1 - 4 omega_p^2/m^2)^{3/2} e^{-E/T}/(128 pi^3), the rate used by
 *    Lucente et al. arXiv:2008.04918 sec. 2 (and Carenza et al. arXiv:2004.08399 for globular
 *    clusters). Production and absorption by decays use the same function, so they are consistent.
 *  Luminosity at infinity, rays and the criterion L_a <= L_nu as for the dark photon
 *  (fb_sn_darkphoton.h). Proton degeneracy: with proton_degeneracy (default) the target density and the
 *  screening charge density are the effective n_p S_p, S_p = F_{-1/2}(eta)/F_{1/2}(eta) (ideal non-relativistic
 *  protons of the profile's effective mass; Payez et al. arXiv:1410.3747). Not included: electron targets
 *  (degenerate), the longitudinal plasmon in coalescence.
 *
 * The table is a fb_sn_table with "eps" = g_agg in GeV^-1, so fb_sn_table_luminosity_erg_s and
 * fb_sn_table_edges apply unchanged. For ALP tables the field L0_T holds the Primakoff part and
 * L0_L the photon-coalescence part of L/g^2 without absorption [erg/s GeV^2] (total L0_T + L0_L);
 * L0_res = 0.
 *
 * Call order: fb_sn_medium_init -> fb_sn_alp_table_compute (per mass) -> ... -> fb_sn_table_free.
 * Units: GeV (rates at g = 1 GeV^-1; everything scales as g^2).
 */
#ifndef FB_SN_ALP_H
#define FB_SN_ALP_H

#include "fb_sn_darkphoton.h"

/** Production channels (absorption and decays are switched by fb_sn_options). */
typedef struct fb_sn_alp_options {
  int primakoff;   /**< 1: Primakoff production on protons; default 1 */
  int coalescence; /**< 1: photon coalescence gamma gamma -> a; default 1 */
  int proton_degeneracy; /**< 1: Primakoff targets and Debye screening with the effective (non-Pauli-blocked) proton
                              density n_p F_{-1/2}(eta)/F_{1/2}(eta) (Payez et al. arXiv:1410.3747; medium npeff_GeV3);
                              0: all free protons as non-degenerate targets (before issue 16, branch snalp); default 1 */
  int escape_boundary; /**< lowest emitted energy: 0 (default) the ALP escapes gravity to r_far (lapse(r) omega >=
                            lapse(r_far) m); 1: it only reaches the end of the absorption paths (the deposition boundary
                            R_nu of the transfer criteria; a bound ALP crossing R_nu decays outside it when its decay
                            length is short, the regime of the upper edge). Systematic of the heavy-ALP band (issue 16) */
  double r_decay_km; /**< decays count as absorption only at r <= r_decay_km (0 < r_decay_km <= r_far_km);
                          0 (default): everywhere up to r_far_km, the criterion of the dark photon */
  int bose_photons; /**< statistics of the two photons of coalescence and decay: 1 (default) Bose-Einstein (emission
                         f_B(E) x the reduced decay rate with the stimulated factor B, fb_sn_alp_bose_factor); 0:
                         Maxwell-Boltzmann photons, the classical rate g^2 m^4 p (1 - 4 wp2/m^2)^{3/2} e^{-E/T}/(128 pi^3)
                         of Lucente et al. arXiv:2008.04918 sec. 2 with the unstimulated decay rate Gamma m/E (B = 1).
                         Systematic of the heavy-ALP band (issue 16); Primakoff keeps Bose photons either way */
} fb_sn_alp_options;

void fb_sn_alp_options_default(fb_sn_alp_options *o);

/** Build the per-mass table with the default channels (Primakoff + coalescence)
 *  (weights per g^2 [erg/s GeV^2], optical depths per g^2 [GeV^2]).
 *  Errors: FB_ERR_RANGE for mass outside (0, 10] GeV. */
int fb_sn_alp_table_compute(fb_sn_table *t, const fb_sn_medium *m, double mass_GeV, fb_err *err);

/** Same with explicit production channels (ao may be NULL: defaults). */
int fb_sn_alp_table_compute_opt(fb_sn_table *t, const fb_sn_medium *m, double mass_GeV,
                                const fb_sn_alp_options *ao, fb_err *err);

/** Largest excluded mass [GeV] by bisection in ln m inside [m_lo, m_hi] (m_lo must be excluded,
 *  m_hi not; FB_ERR_NUMERIC otherwise), to relative precision rel_tol; ao may be NULL (defaults). */
int fb_sn_alp_mass_max_GeV(const fb_sn_medium *m, const fb_sn_alp_options *ao, double m_lo, double m_hi,
                           double rel_tol, double *mass_max, fb_err *err);

/** Primakoff conversion rate gamma -> a [GeV] at g = 1 GeV^-1 for photon energy omega, photon
 *  momentum k, ALP mass m and screening kappa^2 = 4 pi alpha n/T with target density n [GeV^3]. */
double fb_sn_alp_primakoff_GeV(double omega, double k, double mass, double n_target_GeV3, double T_GeV);

/** Rest-frame width a -> gamma gamma [GeV] at g = 1 GeV^-1 for photons of plasma mass^2 wp2 [GeV^2]:
 *  m^3/(64 pi) (1 - 4 wp2/m^2)^{3/2}, 0 if m^2 <= 4 wp2. */
double fb_sn_alp_decay_width_GeV(double mass, double wp2);

/** Bose factor B = 1 + (2T/(p v)) ln[(1 - e^{-w_+/T})/(1 - e^{-w_-/T})], w_pm = (E pm p v)/2,
 *  v = sqrt(1 - 4 wp2/m^2): the decay-angle average of (1 + f_1)(1 + f_2) - f_1 f_2 for an ALP of
 *  energy E [GeV] in a photon bath of temperature T [GeV] (T = 0: 1). */
double fb_sn_alp_bose_factor(double E, double mass, double wp2, double T);

/** Reduced (decay minus inverse decay) rate of an ALP of energy E in the bath [GeV] at g = 1 GeV^-1:
 *  Gamma(m, wp2) (m/E) B. It is the absorption rate by decays used along the rays. */
double fb_sn_alp_decay_reduced_GeV(double E, double mass, double wp2, double T);

/** Photon-coalescence ALP production dN/(dV dt dE) [GeV^3] at g = 1 GeV^-1:
 *  p E f_B(E) reduced-rate/(2 pi^2) = p m Gamma B/(2 pi^2 (e^{E/T} - 1)). */
double fb_sn_alp_coalescence_GeV3(double E, double mass, double wp2, double T);

/** fb_sn_alp_decay_reduced_GeV with the photon statistics of fb_sn_alp_options.bose_photons (bose = 0: B = 1). */
double fb_sn_alp_decay_reduced_stats_GeV(double E, double mass, double wp2, double T, int bose);

/** fb_sn_alp_coalescence_GeV3 with the photon statistics of fb_sn_alp_options.bose_photons (bose = 0: the
 *  Maxwell-Boltzmann rate p m Gamma e^{-E/T}/(2 pi^2) of Lucente et al. arXiv:2008.04918 sec. 2). */
double fb_sn_alp_coalescence_stats_GeV3(double E, double mass, double wp2, double T, int bose);

#endif /* FB_SN_ALP_H */
