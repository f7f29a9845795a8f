/**
 * @file fb_sn_transfer.h
 * @brief Energy-transfer ("ballistic") trapping criterion of the SN1987A bands (issue 16): the energy a
 *        feebly-interacting boson moves out of the neutrino-trapping region of the proto-neutron star.
 *
 * Caputo, Raffelt & Vitagliano arXiv:2204.11862 (abstract: emission and absorption including decay, no
 * scattering; explicit volume integrals for the luminosity from free streaming to strong trapping and the
 * nonlocal "ballistic" energy transfer of radiatively unstable bosons) count as luminosity the energy that
 * the bosons carry away from where it is emitted to where it is absorbed or the boson decays. For the
 * SN1987A cooling argument the energy counts as lost when it is deposited where neutrinos no longer keep
 * it in the core: decays and absorption beyond the neutrinosphere put it into the mantle (the separate
 * low-energy-supernova argument, Caputo, Janka, Raffelt & Vitagliano arXiv:2201.09890; 2109.03244 abstract:
 * in the trapping regime the bosons "emerge as quasi-thermal radiation from a region near the neutrino
 * sphere"). With the reservoir weight w(r) (1 - e^{-tau_nu(r)}, the smooth emission weight of
 * fb_sn_emission_weight, or a step at the neutrinosphere with the sharp edge), a boson emitted at r0 that
 * deposits its energy at r_dep moves w(r0) - w(r_dep) out of the reservoir, so per emitted energy and
 * direction
 *   P = w(r0) - E[w(r_dep)] = int_0^S ds e^{-tau(s)} (-dw/ds) + w(S) e^{-tau(S)},
 * tau(s) the optical depth (absorption + decay, Lorentz boosted, local energy following the lapse) from
 * the emission point along the straight path to the end S of the emission region (beyond it deposited
 * energy is lost: w = 0). Inward paths that deposit energy deeper than they started give P < 0. The sharp
 * edge gives P = e^{-tau(R_nu)}, the `neutrinosphere` criterion; eps -> 0 gives P = w(r0), the free-
 * streaming emission weight. Particles that cannot climb out of the potential well give P = 0.
 *
 * P is a sum of exponentials in the coupling^2 (tau = g^2 tau_1), stored as at most kmax groups of
 * consecutive path nodes (dw_g, tau_g) in the luminosity table (fb_sn_table with per-entry weights).
 */
#ifndef FB_SN_TRANSFER_H
#define FB_SN_TRANSFER_H

#include <stddef.h>

#include "fb_sn_darkphoton.h"

/** Default number of groups (dw, tau) per path. */
#define FB_SN_TRANSFER_GROUPS 12

/** Reservoir weight w(r) at radius r [GeV^-1]: 1 - e^{-tau_nu(r)} with the smooth edge, 1 inside the
 *  emission region and 0 beyond it with the sharp edge (or r_emit_km > 0). */
double fb_sn_reservoir_weight(const fb_sn_medium *m, double r_invGeV);

/** Transfer probability of one path as groups: emission at r0 [GeV^-1] with local energy om0 [GeV] in
 *  direction cos(theta) = mu, rates per unit coupling^2 from `rate` (fb_sn_path_tau convention), path to
 *  m->r_tau_invGeV with m->opt.n_path steps. Writes kmax pairs (dw[g], tau[g]) with P(g^2) = sum_g dw[g]
 *  exp(-g^2 tau[g]) (unused groups: dw = 0); returns the number of groups used (0 if the particle is
 *  gravitationally trapped on the path). kmax >= 1; kmax >= n_path + 1 keeps every path segment. */
size_t fb_sn_path_transfer(const fb_sn_medium *m, double mass_GeV, double r0_invGeV, double om0_GeV, double mu,
                           fb_sn_rate_fn rate, void *ctx, size_t kmax, double *dw, double *tau);

#endif /* FB_SN_TRANSFER_H */
