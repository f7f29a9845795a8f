/**
 * @file fb_sn_mcp.h
 * @brief SN1987A cooling band of the BC3 millicharged Dirac fermion chi (mass m, charge eps e) in the
 *        proto-neutron star: production of chi chibar pairs, trapping by Coulomb scattering on protons.
 *
 * Physics (fb_sn_mcp.c; docs/sn-profile.md section "BC3"), after the channel list of Chang, Essig & McDermott
 * arXiv:1803.00993 (CEM18) and of Li, Liu, Lu & Ye arXiv:2408.04953 (who add e+e- annihilation):
 *  - plasmon decay gamma*_{T,L} -> chi chibar with the Braaten-Segel dispersion and residues of the local
 *    electron gas (omega_p^2 of the medium, v_* = p_F/E_F of the degenerate electrons), the rate of the
 *    red-giant module (fb_rg_mcp_plasmon_dQdk), Bose-distributed plasmons;
 *  - the off-shell photon continuum: any source of a virtual photon of invariant mass M makes chi chibar
 *    with the spectral weight dM^2 (alpha eps^2/(3 pi M^2)) (1 + 2 m^2/M^2) sqrt(1 - 4 m^2/M^2) times the
 *    production rate of a vector of mass M with unit coupling (the dispersive form of gamma* -> chi chibar;
 *    e.g. arXiv:2408.04953 sec. 2). Sources: np bremsstrahlung (soft-photon rate of the dark-photon module,
 *    fb_sn_gamma_ibr_GeV, detailed balance, 2 transverse + (M/omega)^2 longitudinal) and e+e- annihilation
 *    (e+e- -> gamma*: production e^{-omega/T} Gamma(gamma* -> e+e-) (M/omega) x the Pauli blocking of the pair,
 *    3 polarisations, in-medium electron mass optional). The vacuum propagator is used for M above
 *    max(2m, omega_p(r)); below omega_p the virtual photon is the plasmon pole (counted as plasmon decay).
 *    Each chi carries half of the virtual photon's energy;
 *  - trapping: Coulomb scattering chi p -> chi p on the free protons with Thomas-Fermi/Debye screening
 *    k_s^2 = 4 pi alpha n_p/T + 4 alpha mu_e^2/pi, transport (momentum-transfer) cross section with the Mott
 *    factor, along straight rays (fb_sn_path_tau, criterion of the medium: cem, rays or neutrinosphere); the
 *    chi random-walks, so the depth used is the effective one sqrt(tau_E (tau_E + tau_tr)) (Rybicki & Lightman
 *    eq. 1.98), tau_E = tau_tr p^2/(m_p E) the proton-recoil energy loss; chi that cannot climb out of the
 *    potential well are trapped. CEM18's own trapping diagnostic was not readable here (abstract only).
 * Not included: chi chibar -> gamma* annihilation and chi e scattering in the trapping, the in-medium
 *    propagator of the continuum near omega_p, pion processes (arXiv:2408.04953 sec. 5), nucleon degeneracy.
 * Everything scales as eps^2, so the per-mass table is an fb_sn_table with coupling eps: L0_T holds the
 * plasmon part, L0_L the bremsstrahlung part and L0_res the e+e- part of L/eps^2 [erg/s].
 *
 * Call order: fb_sn_medium_init -> fb_sn_mcp_table_compute (per mass) -> fb_sn_table_* -> fb_sn_table_free.
 * Units: GeV, erg/s. Not collective; one table per thread.
 */
#ifndef FB_SN_MCP_H
#define FB_SN_MCP_H

#include "fb_sn_darkphoton.h"

/** Production channels and trapping. */
typedef struct fb_sn_mcp_options {
  int plasmon;        /**< 1: plasmon decay (T and, if the medium's longitudinal option is on, L); default 1 */
  int bremsstrahlung; /**< 1: np -> np gamma* -> np chi chibar; default 1 */
  int annihilation;   /**< 1: e+ e- -> gamma* -> chi chibar; default 1 */
  int scattering;     /**< 1: trapping by chi p Coulomb scattering; default 1 */
  int trapping;       /**< depth of the scattering trapping (FB_SN_MCP_TRAP_*); default FB_SN_MCP_TRAP_RANDOM_WALK */
} fb_sn_mcp_options;

/** How the chi p scattering depths make the optical depth of the luminosity integral (fb_sn_mcp.c):
 *  RANDOM_WALK: sqrt(tau_E (tau_E + tau_tr)), the recoil energy loss along the random walk of the transport
 *    scatterings (Rybicki & Lightman eq. 1.98; the default, physics: tau_tr >> 1 lengthens the path);
 *  ENERGY_LOSS: tau_E, the recoil energy loss along the straight path (deflections not lengthening it; the
 *    lower bound on the trapping);
 *  TRANSPORT: tau_tr, every transport-weighted deflection removes the chi (the upper bound). */
enum { FB_SN_MCP_TRAP_RANDOM_WALK = 0, FB_SN_MCP_TRAP_ENERGY_LOSS = 1, FB_SN_MCP_TRAP_TRANSPORT = 2 };

/** Parse "random_walk" | "energy_loss" | "transport"; -1 if none. */
int fb_sn_mcp_trapping_parse(const char *s);

void fb_sn_mcp_options_default(fb_sn_mcp_options *o);

/** Transport cross section [GeV^-2] per eps^2 of chi (mass m, total energy E) on a static unit charge with
 *  screening wave number squared ks2 [GeV^2]: (2 pi alpha^2 E^2/p^4)[I1 - I2/(4 E^2)] (see fb_sn_mcp.c). */
double fb_sn_mcp_sigma_tr_GeV2(double E_GeV, double mass_GeV, double ks2_GeV2);

/** Spectral weight of gamma* -> chi chibar per eps^2: d(rate)/dM^2 = alpha/(3 pi M^2) (1 + 2m^2/M^2) beta. */
double fb_sn_mcp_spectral_weight_GeV2(double M_GeV, double mass_GeV);

/** Per-mass table. o: NULL = defaults. Errors: FB_ERR_RANGE for mass outside (1e-6, 2] GeV. */
int fb_sn_mcp_table_compute(fb_sn_table *t, const fb_sn_medium *m, const fb_sn_mcp_options *o, double mass_GeV,
                            fb_err *err);

/** Largest excluded mass [GeV] by bisection in ln m inside [m_lo, m_hi] (m_lo excluded, m_hi not). */
int fb_sn_mcp_mass_max_GeV(const fb_sn_medium *m, const fb_sn_mcp_options *o, double m_lo, double m_hi,
                           double rel_tol, double *mass_max, fb_err *err);

#endif /* FB_SN_MCP_H */
