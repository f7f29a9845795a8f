/**
 * @file fb_rg_mcp_compton.h
 * @brief Compton-like production gamma e -> e chi chibar of a millicharged Dirac fermion (BC3: mass m, charge
 *        eps e) in a non-relativistic stellar core (red giant, HB): the channel that carries the RG/HB bound above
 *        the plasmon-decay threshold m ~ omega_p/2 (Fiorillo, Lucente, Sakstein & Vitagliano arXiv:2604.02419,
 *        abstract: "plasmon decay (m_chi < omega_pl/2), Compton-like scattering (m_chi > omega_pl/2,
 *        T <~ 0.5 MeV), and electron-positron annihilation"; their late-stage cores have omega_pl << T, while in
 *        the dense RG core (omega_p ~ T) electron-ion bremsstrahlung is larger below ~20 keV: fb_rg_mcp_brems.h).
 *
 * Physics (fb_rg_mcp_compton.c):
 *  - dispersive form of gamma* -> chi chibar (as in fb_sn_mcp.h): the pair is made through a virtual photon of
 *    invariant mass M >= max(2m, omega_p) with the spectral weight dM^2 (alpha eps^2/(3 pi M^2)) (1 + 2m^2/M^2)
 *    sqrt(1 - 4m^2/M^2) times the production rate of a vector V of mass M with unit coupling e;
 *  - gamma e -> e V in the Thomson limit (omega, T << m_e, electron recoil neglected): the seagull amplitude
 *    J^i = -(e^2/m_e) eps^i plus the charge component fixed by current conservation, J^0 = k'.J/omega, summed
 *    over the three V polarisations (sum = |J|^2 - |k'.J|^2/omega^2), averaged over the two photon ones:
 *      dsigma/dOmega = r_e^2 beta [1 - (beta^2/2) sin^2 theta],   sigma_V = sigma_T beta (3 - beta^2)/2,
 *    beta = sqrt(1 - M^2/omega^2) the V velocity (derived here; M -> 0 gives Thomson, checked in
 *    test_rg_mcp_compton);
 *  - photons: transverse, omega^2 = k^2 + omega_p^2, Bose distributed, flux velocity k/omega; electrons: the
 *    Pauli-unblocked density n_eff = 2 int d^3p/(2 pi)^3 f (1 - f) (recoil-free scattering keeps the electron
 *    energy; fb_rg_mcp_neff_GeV3);
 *  - energy-loss rate per eps^2:
 *      Q_C = n_eff sigma_T int_{M_lo} domega (omega k^2/pi^2) f_B(omega) I(omega),
 *      I(omega) = (alpha/(3 pi)) int_{x0}^1 (dx/x) (1 + 2m^2/(omega^2 x)) sqrt(1 - 4m^2/(omega^2 x))
 *                 sqrt(1 - x) (2 + x)/2,     x = M^2/omega^2, x0 = M_lo^2/omega^2.
 *    For m = 0, omega_p << T (M_lo = omega_p) this is, in closed form (checked in test_rg_mcp_compton),
 *      Q_C = n_eff sigma_T (alpha/3 pi)(pi^2 T^4/15) [2 ln(T/M_lo) + 2 (psi(4) + zeta'(4)/zeta(4)) + 2 ln 2 - 5/3].
 * Electron-nucleus bremsstrahlung e Z -> e Z chi chibar: fb_rg_mcp_brems.h (same pair weight).
 * Not included (each would add emission, so the bound is conservative): longitudinal plasmons as the incoming photon, the in-medium photon propagator near
 * omega_p (vacuum 1/M^2 used), O(v_e^2) corrections of the moving degenerate electrons (v_F ~ 0.4 in the RG core).
 */
#ifndef FB_RG_MCP_COMPTON_H
#define FB_RG_MCP_COMPTON_H

#include "fb_error.h"
#include "fb_quad.h"

/** sigma(gamma e -> e V)/sigma_T in the Thomson limit for a vector of velocity beta = sqrt(1 - M^2/omega^2). */
double fb_rg_mcp_compton_sigma_ratio(double beta);

/** Pair weight per eps^2 of a vector of energy omega [GeV] made by a Thomson-like or dipole source (sigma_V/sigma_T
 *  = fb_rg_mcp_compton_sigma_ratio): I(omega) = (alpha/(3 pi)) int_{x0}^1 (dx/x) (1 + 2m^2/(omega^2 x))
 *  sqrt(1 - 4m^2/(omega^2 x)) beta(3 - beta^2)/2, beta = sqrt(1 - x), x0 = M_lo^2/omega^2 (0 if omega <= M_lo); shared
 *  with the bremsstrahlung channel (fb_rg_mcp_brems.h). q: workspace of the x integral. */
int fb_rg_mcp_compton_pair_weight(fb_quad *q, double omega_GeV, double M_lo_GeV, double mass_GeV, double *I,
                                  fb_err *err);

/** Energy-loss rate density [GeV^5] per eps^2 of gamma e -> e chi chibar for photons of plasma frequency
 *  omega_p [GeV] at temperature T [GeV], fermion mass m [GeV] and Pauli-unblocked electron density n_eff [GeV^3]. */
int fb_rg_mcp_compton_Q_GeV5(double omega_p_GeV, double T_GeV, double mass_GeV, double n_eff_GeV3, double *Q,
                             fb_err *err);

#endif /* FB_RG_MCP_COMPTON_H */
