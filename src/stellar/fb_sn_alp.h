/**
 * @file fb_sn_alp.h
 * @brief SN1987A cooling band of a photon-coupled ALP (BC9: mass m_a, coupling g_agg [GeV^-1])
 *        from Primakoff conversion gamma p -> a p in the proto-neutron star.
 *
 * Physics (fb_sn_alp.c): Primakoff rate with Debye screening by non-degenerate free protons,
 * kappa^2 = 4 pi alpha n_p/T, photons with the plasma mass omega_p (k^2 = omega^2 - omega_p^2)
 * (Di Lella et al. hep-ph/0006327 eq. 3; Lucente et al. arXiv:2008.04918 sec. 2); emission
 * Q = int domega 2 k omega^2 Gamma_{gamma->a}/(2 pi^2 (e^{omega/T} - 1)) out to the neutrinosphere,
 * luminosity at infinity; absorption along rays (same geometry as the dark photon,
 * fb_sn_darkphoton.h): inverse Primakoff, reduced rate 2 (k/p) Gamma_{gamma->a} (detailed
 * balance), and decays a -> gamma gamma, Gamma = g^2 m^3/(64 pi), with the boost m/omega.
 * Not included: photon coalescence gamma gamma -> a, electron targets (degenerate), nucleon
 * degeneracy. The table is a fb_sn_table with "eps" = g_agg in GeV^-1, so
 * fb_sn_table_luminosity_erg_s and fb_sn_table_edges apply unchanged.
 *
 * Call order: fb_sn_medium_init -> fb_sn_alp_table_compute (per mass) -> ... -> fb_sn_table_free.
 */
#ifndef FB_SN_ALP_H
#define FB_SN_ALP_H

#include "fb_sn_darkphoton.h"

/** Build the per-mass table (weights per g^2 [erg/s GeV^2], optical depths per g^2 [GeV^2]).
 *  Errors: FB_ERR_RANGE for mass outside (0, 10] GeV. */
int fb_sn_alp_table_compute(fb_sn_table *t, const fb_sn_medium *m, double mass_GeV, fb_err *err);

/** Primakoff conversion rate gamma -> a [GeV] at g = 1 GeV^-1 for photon energy omega, photon
 *  momentum k, ALP mass m and screening kappa^2 = 4 pi alpha n/T with target density n [GeV^3]. */
double fb_sn_alp_primakoff_GeV(double omega, double k, double mass, double n_target_GeV3, double T_GeV);

#endif /* FB_SN_ALP_H */
