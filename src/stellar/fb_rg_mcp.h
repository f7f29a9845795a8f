/**
 * @file fb_rg_mcp.h
 * @brief Red-giant (and horizontal-branch) plasmon-decay bound on a millicharged Dirac fermion
 *        (BC3: mass m_chi, charge eps e): gamma*_{T,L} -> chi chibar in a one-zone stellar core.
 *
 * Physics (fb_rg_mcp.c):
 *  - electron gas of the core: n_e = Y_e rho/m_u, relativistic Fermi-Dirac electrons and positrons at T;
 *    mu_e solved from n_e; plasma frequency and the typical velocity v_* = omega_1/omega_p from the
 *    Braaten-Segel integrals (hep-ph/9302213):
 *      omega_p^2 = (4 alpha/pi) int dp (p^2/E)(1 - p^2/(3E^2)) (f_- + f_+),
 *      omega_1^2 = (4 alpha/pi) int dp (p^2/E)(5p^2/(3E^2) - p^4/E^4) (f_- + f_+)
 *    (degenerate limit: omega_p^2 = (4 alpha/3 pi) mu^2 v_F^3, v_* = v_F; checked in test_rg_mcp);
 *  - plasmon dispersion and residues Z_{T,L} of Braaten & Segel (fb_freezein_dispersion, shared with the
 *    freeze-in module);
 *  - decay width of a plasmon of four-momentum K into chi chibar: Z x Gamma_rest(sqrt(K^2)) x sqrt(K^2)/omega,
 *    Gamma_rest the width of a massive vector of mass sqrt(K^2) with coupling eps e into a fermion pair
 *    (fb_darkphoton_width_ll_GeV: (alpha eps^2 M/3)(1 + 2 m^2/M^2) sqrt(1 - 4 m^2/M^2));
 *  - energy-loss rate Q = sum_pol g_pol int d^3k/(2 pi)^3 omega Gamma f_B(omega), g_T = 2, g_L = 1 (Vogel &
 *    Redondo arXiv:1311.2600 for minicharged particles in red giants; Raffelt, Stars as Laboratories (1996)
 *    for plasmon decay); for T >> omega_p, v_* -> 0 and m_chi = 0 the transverse part is
 *    (2 zeta(3)/(3 pi^2)) eps^2 alpha omega_p^2 T^3 (checked in test_rg_mcp);
 *  - criterion: Q/rho <= eps_max_erg_g_s at the one-zone core, the red-giant core before helium ignition
 *    T = 1e8 K, rho = 2e5 g/cm^3, 10 erg/g/s (Raffelt, Stars as Laboratories (1996) sec. 2.5; Raffelt
 *    hep-ph/0611350 sec. 3), or the HB core T = 0.7e8 K, rho = 0.6e4 g/cm^3 (fb_hb_alp.h).
 *  Q scales as eps^2: eps_max = sqrt(eps_max_erg_g_s/(Q(eps = 1)/rho)); without the Compton-like channel
 *  (o->compton = 0) INFINITY where no plasmon can decay (m_chi above sqrt(3/2) omega_p/2, the largest
 *  transverse K/2).
 * Compton-like production gamma e -> e chi chibar (fb_rg_mcp_compton.h; dominant above the plasmon threshold,
 * arXiv:2604.02419 abstract) is added when o->compton (default for RG and HB), electron-nucleus bremsstrahlung
 * e Z -> e Z chi chibar (fb_rg_mcp_brems.h) when o->brems (default for RG and HB).
 * Not included: the evolution of the star (one zone).
 */
#ifndef FB_RG_MCP_H
#define FB_RG_MCP_H

#include "fb_error.h"

typedef struct fb_rg_mcp_options {
  double T_K;             /**< core temperature [K]; default 1e8 (red giant) */
  double rho_g_cm3;       /**< core density [g/cm^3]; default 2e5 */
  double Y_e;             /**< electrons per baryon; default 0.5 (helium) */
  double eps_max_erg_g_s; /**< criterion [erg/g/s]; default 10 */
  int compton;            /**< 1: add Compton-like gamma e -> e chi chibar (fb_rg_mcp_compton.h) to the loss of
                               fb_rg_mcp_eps_erg_g_s; default 1 for RG and HB, 0 for the WD core (not used by the
                               WD mapping fb_rg_mcp_wd_eps_max) */
  int brems;              /**< 1: add electron-nucleus bremsstrahlung e Z -> e Z chi chibar (fb_rg_mcp_brems.h) to the
                               loss of fb_rg_mcp_eps_erg_g_s; default as compton (branch bc3brems) */
} fb_rg_mcp_options;

/** Star index of the white-dwarf core in fb_rg_mcp_options_default. */
#define FB_RG_MCP_WD 2

/** Red-giant core defaults (star = 0), the horizontal-branch core (star = 1) or the hot white-dwarf core
 *  (star = FB_RG_MCP_WD: T = 2e7 K, rho = 3e6 g/cm^3; fb_rg_mcp.c says where they come from). */
void fb_rg_mcp_options_default(fb_rg_mcp_options *o, int star);

/** Electron plasma of the core: mu_e [GeV] (incl. rest mass), omega_p [GeV], v_* (Braaten-Segel). */
int fb_rg_mcp_plasma(const fb_rg_mcp_options *o, double *mu_e_GeV, double *omega_p_GeV, double *v_star, fb_err *err);

/** Pauli-unblocked electron density n_eff = 2 int d^3p/(2 pi)^3 f (1 - f) [GeV^3] of the core (Compton-like
 *  scattering off electrons that keep their energy). */
int fb_rg_mcp_neff_GeV3(const fb_rg_mcp_options *o, double *n_eff_GeV3, fb_err *err);

/** Energy-loss rate density [GeV^5] at eps = 1 by decays of polarisation pol (0 = T, 1 = L; both
 *  polarisation states of T included) for a plasma (omega_p, v_*) at T, fermion mass m. */
int fb_rg_mcp_plasmon_Q_GeV5(int pol, double omega_p_GeV, double v_star, double T_GeV, double mass_GeV, double *Q,
                             fb_err *err);

/** Momentum range [k_lo, k_hi] [GeV] of plasmons of polarisation pol that decay into a pair of mass m
 *  (T: k_hi = INFINITY; L: k_lo = 0). FB_ERR_RANGE (no message needed by callers) if never open. */
int fb_rg_mcp_plasmon_krange(int pol, double omega_p_GeV, double v_star, double mass_GeV, double *k_lo, double *k_hi,
                             fb_err *err);

/** The integrand of fb_rg_mcp_plasmon_Q_GeV5 at momentum k [GeV]: dQ/dk [GeV^4] at eps = 1 (both T states for
 *  pol = 0), and the plasmon energy omega(k) [GeV] (SN1987A spectrum, fb_sn_mcp.h). */
int fb_rg_mcp_plasmon_dQdk(int pol, double omega_p_GeV, double v_star, double T_GeV, double mass_GeV, double k_GeV,
                           double *omega_GeV, double *dQdk, fb_err *err);

/** The same for plasmon decay into a massless Dirac neutrino pair through a magnetic moment mu = 1 GeV^-1:
 *  width Z mu^2 K^4/(24 pi omega) (Haft, Raffelt & Weiss astro-ph/9309014). */
int fb_rg_mcp_plasmon_dipole_Q_GeV5(int pol, double omega_p_GeV, double v_star, double T_GeV, double *Q, fb_err *err);

/** White-dwarf bound (issue 16): the WD cooling bound on the neutrino magnetic moment, mu_nu < mu_nu_max_muB
 *  Bohr magnetons (FB_MUNU_MAX_WD_DBV), limits the extra plasmon-decay loss of a hot white dwarf; both
 *  channels are plasmon decays of the same core, so eps_max(m) = mu_max sqrt(Q_mu(1)/Q_eps(1, m)) with the
 *  rates of the one-zone core o (T + L). ratio (may be NULL): Q_mu(1)/Q_eps(1, m) [GeV^-2]. INFINITY where no
 *  plasmon decays into chi chibar. */
int fb_rg_mcp_wd_eps_max(const fb_rg_mcp_options *o, double mu_nu_max_muB, double mass_GeV, double *eps_max,
                         double *ratio, fb_err *err);

/** Energy-loss rate per mass [erg/g/s] at charge eps (T + L plasmon decay, + Compton-like if o->compton,
 *  + bremsstrahlung if o->brems). */
int fb_rg_mcp_eps_erg_g_s(const fb_rg_mcp_options *o, double mass_GeV, double eps, double *rate, fb_err *err);

/** Core mass [M_sun] of the one-zone trapping estimate (fb_rg_mcp_eps_trap): the helium core of a red giant at
 *  helium ignition, ~0.5 M_sun (Raffelt, Stars as Laboratories (1996) sec. 2.5), used for RG and HB alike. */
#define FB_RG_MCP_CORE_MSUN 0.5

/** Trapping estimate (issue 16, bc3stars): the charge above which chi of energy E = m + 3T/2 no longer stream
 *  freely out of the core, eps_trap = [R sum_i n_i Z_i^2 sigma_tr(E)]^{-1/2}, R = (3 M_c/(4 pi rho))^{1/3} the
 *  radius of a uniform core of mass FB_RG_MCP_CORE_MSUN, targets the helium nuclei (pure helium: Z = 2,
 *  n_He = rho/(4 m_u)) and the Pauli-unblocked electrons n_eff, sigma_tr the
 *  screened Coulomb transport cross section fb_sn_mcp_sigma_tr_GeV2 with k_s^2 = (4 pi alpha/T)(n_eff + 4 n_He).
 *  An order-of-magnitude edge: above it the energy-loss argument of fb_rg_mcp_eps_max does not apply. */
int fb_rg_mcp_eps_trap(const fb_rg_mcp_options *o, double mass_GeV, double *eps_trap, fb_err *err);

/** Largest allowed charge eps (INFINITY if no plasmon decay is open). */
int fb_rg_mcp_eps_max(const fb_rg_mcp_options *o, double mass_GeV, double *eps_max, fb_err *err);

#endif /* FB_RG_MCP_H */
