/**
 * @file fb_hb_alp.h
 * @brief Horizontal-branch (HB) star bound on a photon-coupled ALP (BC9: mass m_a, coupling g_agg)
 *        from Primakoff emission gamma + Ze -> a + Ze in a one-zone helium core.
 *
 * Physics (fb_hb_alp.c): Primakoff conversion rate of a photon of energy omega in a non-degenerate
 * plasma with Debye-Hueckel screening (Raffelt, Phys. Rev. D 33 (1986) 897; massive ALP:
 * Di Lella, Pilaftsis, Raffelt & Zioutas hep-ph/0006327 eq. (3)), energy-loss rate per unit mass
 * eps_a = Q/rho with Q = int domega omega^3 Gamma(omega)/(pi^2 (e^{omega/T} - 1)), and the criterion
 * eps_a <= eps_max (default 10 erg/g/s at the average core T = 0.7e8 K, rho = 0.6e4 g/cm^3; Raffelt, Stars as
 * Laboratories (1996) sec. 2.5, "Ayala et al. arXiv:1406.6053" for the calibrated bound
 * g < 0.66e-10 GeV^-1). eps_a is proportional to g^2, so g_max = g sqrt(eps_max/eps_a(g)).
 * Massive ALPs are Boltzmann suppressed (omega >= m_a) once m_a exceeds a few T ~ 10 keV.
 * Photon coalescence gamma gamma -> a (open for m_a > 2 omega_p ~ 3 keV; dominant above ~30 keV,
 * where it grows as m_a^4: Carenza et al. arXiv:2004.08399) is added with the rate of fb_sn_alp.h,
 * omega_p^2 = 4 pi alpha n_e/m_e. Decays inside the star (the upper edge of the published
 * globular-cluster region) are not included: g_max is the energy-loss (lower) edge only.
 *
 * Units: GeV, K, g/cm^3, erg/g/s. Pure functions, thread-safe.
 */
#ifndef FB_HB_ALP_H
#define FB_HB_ALP_H

#include "fb_error.h"

/** One-zone HB core and criterion. */
typedef struct fb_hb_options {
  double T_K;          /**< core temperature [K]; default 0.7e8 */
  double rho_g_cm3;    /**< core density [g/cm^3]; default 0.6e4 */
  double Y_He;         /**< helium mass fraction (rest hydrogen); default 1 */
  double eps_max_erg_g_s; /**< energy-loss criterion [erg/g/s]; default 10 */
  int coalescence;     /**< 1: add photon coalescence gamma gamma -> a; default 1 */
} fb_hb_options;

void fb_hb_options_default(fb_hb_options *o);

/** Energy-loss rate per unit mass [erg/g/s] at coupling g_GeV (GeV^-1) and ALP mass mass_GeV.
 *  Errors: FB_ERR_RANGE for non-physical options or arguments; FB_ERR_GSL from the quadrature. */
int fb_hb_alp_eps_erg_g_s(const fb_hb_options *o, double mass_GeV, double g_GeV, double *eps, fb_err *err);

/** Largest allowed coupling g_max [GeV^-1] at mass_GeV. */
int fb_hb_alp_g_max_GeV(const fb_hb_options *o, double mass_GeV, double *g_max, fb_err *err);

#endif /* FB_HB_ALP_H */
