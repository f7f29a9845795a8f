/**
 * @file fb_rg_mcp_brems.h
 * @brief Electron-nucleus bremsstrahlung e Z -> e Z chi chibar of a millicharged Dirac fermion (BC3: mass m, charge
 *        eps e) in a red-giant / HB core, through a virtual photon of mass M (the largest channel missing from the
 *        RG band above the plasmon threshold: docs/validation.md, section "BC3 red giants, HB and white dwarfs
 *        against the readable papers", gap (3); branch bc3brems).
 *
 * Physics (fb_rg_mcp_brems.c):
 *  - photon emission by an electron of momentum p -> p' (E' = E - omega) on a screened nucleus, non-relativistic
 *    dipole Born approximation (Heitler, The Quantum Theory of Radiation (1954) sec. 20: unscreened
 *    omega dsigma/domega = (16/3) Z^2 alpha^3/p^2 ln[(p + p')/(p - p')]), with the Debye-Hueckel potential
 *    4 pi Z alpha/(q^2 + k_s^2):
 *      omega dsigma/domega = (8 Z^2 alpha^3/(3 p^2)) I_q,
 *      I_q = int_{(p-p')^2}^{(p+p')^2} dq^2 q^2/(q^2 + k_s^2)^2
 *          = ln[(q+^2 + k_s^2)/(q-^2 + k_s^2)] + k_s^2/(q+^2 + k_s^2) - k_s^2/(q-^2 + k_s^2)
 *    (derived here from the soft-photon spectrum dN = (2 alpha/3 pi) |Delta v|^2 domega/omega, Jackson, Classical
 *    Electrodynamics (1999) eq. 15.3, with the Born cross section; k_s -> 0 gives Heitler's formula);
 *  - emissivity of Fermi-Dirac electrons (chemical potential mu incl. rest mass, relativistic E(p) in the
 *    kinematics) with Pauli blocking of the final state, on nuclei of sum_Z n_Z Z^2 = nZ2:
 *      dQ_gamma/domega = nZ2 (8 alpha^3/(3 pi^2)) int dE f(E) [1 - f(E - omega)] I_q(p, p'),
 *    (closed forms checked in test_rg_mcp_brems: Maxwell-Boltzmann, unscreened: Q = (16/3) Z^2 alpha^3 n_e n_Z
 *    sqrt(8 T/(pi m_e^3)), i.e. Rybicki & Lightman, Radiative Processes in Astrophysics (1979) eq. 5.15b with the
 *    Born frequency-averaged Gaunt factor 2 sqrt(3)/pi; degenerate, T << E_F - m_e: the Drude emission
 *    omega_p^2 nu T^2/6 with nu = n_Z v_F sigma_tr(p_F) the electron-ion collision rate);
 *  - a vector V of mass M (unit coupling e) in the same dipole approximation: the conserved current J^0 = k.J/omega
 *    summed over the three V polarisations gives |J|^2 (1 - beta^2/3) against (2/3)|J|^2 for the photon, times the
 *    phase space beta: dsigma_V = dsigma_gamma beta (3 - beta^2)/2, beta = sqrt(1 - M^2/omega^2), the factor of the
 *    Compton-like channel (fb_rg_mcp_compton_sigma_ratio);
 *  - chi pairs through the dispersive weight of fb_rg_mcp_compton.h (virtual photon M >= M_lo = max(2m, omega_p),
 *    alpha/(3 pi M^2)(1 + 2m^2/M^2) sqrt(1 - 4m^2/M^2), vacuum propagator):
 *      Q_B = int_{M_lo} domega dQ_gamma/domega I(omega), I = fb_rg_mcp_compton_pair_weight.
 *  - the core: pure helium (Z = 2, nZ2 = 2 n_e), k_s^2 = (4 pi alpha/T)(n_eff + nZ2) (electron Thomas-Fermi/Debye
 *    screening through n_eff = T dn/dmu, ion Debye screening; as fb_rg_mcp_eps_trap).
 * Approximations (docs/validation.md, section "BC3 electron-nucleus bremsstrahlung"): non-relativistic dipole
 * and Born (v_F ~ 0.43 in the RG core: O(v^2) ~ 20%; Born parameter Z alpha/v ~ 0.03-0.1), static nuclei, Debye-
 * Hueckel ions (plasma parameter Gamma ~ 0.3 in the RG core, no ion-ion correlation), electron-electron
 * bremsstrahlung omitted (no dipole term), vacuum virtual-photon propagator as in the Compton-like channel.
 */
#ifndef FB_RG_MCP_BREMS_H
#define FB_RG_MCP_BREMS_H

#include "fb_error.h"
#include "fb_rg_mcp.h"

/** Plasma of the bremsstrahlung rate (all GeV units). */
typedef struct fb_rg_mcp_brems_plasma {
  double T_GeV;      /**< temperature */
  double mu_e_GeV;   /**< electron chemical potential incl. rest mass */
  double nZ2_GeV3;   /**< sum over nuclei of n_Z Z^2 */
  double ks2_GeV2;   /**< screening wave number squared (>= 0) */
  double omega_p_GeV; /**< plasma frequency (lower end of the virtual-photon mass) */
} fb_rg_mcp_brems_plasma;

/** The plasma of the one-zone core o (pure helium, screening as in the header). */
int fb_rg_mcp_brems_plasma_init(const fb_rg_mcp_options *o, fb_rg_mcp_brems_plasma *pl, fb_err *err);

/** Screened momentum-transfer integral I_q of the header for momenta p, p' [GeV] (p' <= p). */
double fb_rg_mcp_brems_Iq(double p_GeV, double pp_GeV, double ks2_GeV2);

/** Photon emission spectrum dQ_gamma/domega [GeV^4] at photon energy omega [GeV] (unit coupling e). */
int fb_rg_mcp_brems_dQdw_GeV4(const fb_rg_mcp_brems_plasma *pl, double omega_GeV, double *dQdw, fb_err *err);

/** Energy-loss rate density [GeV^5] into a vector of mass M [GeV] with unit coupling e (M = 0: photons). */
int fb_rg_mcp_brems_vector_Q_GeV5(const fb_rg_mcp_brems_plasma *pl, double M_GeV, double *Q, fb_err *err);

/** Energy-loss rate density [GeV^5] per eps^2 into chi chibar of mass m [GeV]. */
int fb_rg_mcp_brems_Q_GeV5(const fb_rg_mcp_brems_plasma *pl, double mass_GeV, double *Q, fb_err *err);

#endif /* FB_RG_MCP_BREMS_H */
