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
 * omega_p^2 = 4 pi alpha n_e/m_e.
 * Profile-averaged option (core = FB_HB_POLYTROPE): the core is a polytrope of index n (P ~ rho^{1+1/n},
 * ideal gas so T ~ theta, rho ~ theta^n with theta(xi) the Lane-Emden solution; Chandrasekhar,
 * An Introduction to the Study of Stellar Structure (1939) ch. IV; n = 3/2 for a fully convective
 * core), and eps_a is the mass average int eps dm / M over the polytrope, with T_K and rho_g_cm3 its
 * central values; the criterion eps_max then applies to that average. Decays inside the star (the upper edge of the published
 * globular-cluster region) are not included: g_max is the energy-loss (lower) edge only.
 *
 * Units: GeV, K, g/cm^3, erg/g/s. Pure functions, thread-safe.
 */
#ifndef FB_HB_ALP_H
#define FB_HB_ALP_H

#include "fb_error.h"

/** Core model: one zone at (T_K, rho_g_cm3), or a polytrope with those as central values. */
enum { FB_HB_ONE_ZONE = 0, FB_HB_POLYTROPE = 1 };

/** HB core and criterion. */
typedef struct fb_hb_options {
  int core;            /**< FB_HB_ONE_ZONE (default) or FB_HB_POLYTROPE */
  double T_K;          /**< core temperature [K] (central for the polytrope); default 0.7e8 */
  double rho_g_cm3;    /**< core density [g/cm^3] (central for the polytrope); default 0.6e4 */
  double polytrope_n;  /**< polytropic index of the polytrope core; default 1.5 (convective core) */
  double Y_He;         /**< helium mass fraction (rest hydrogen); default 1 */
  double eps_max_erg_g_s; /**< energy-loss criterion [erg/g/s]; default 10 */
  int coalescence;     /**< 1: add photon coalescence gamma gamma -> a; default 1 */
} fb_hb_options;

void fb_hb_options_default(fb_hb_options *o);

/** Energy-loss rate per unit mass [erg/g/s] at coupling g_GeV (GeV^-1) and ALP mass mass_GeV.
 *  Errors: FB_ERR_RANGE for non-physical options or arguments; FB_ERR_GSL from the quadrature. */
int fb_hb_alp_eps_erg_g_s(const fb_hb_options *o, double mass_GeV, double g_GeV, double *eps, fb_err *err);

/** First zero xi_1 of the Lane-Emden function theta_n (3.65375 for n = 3/2, 6.89685 for n = 3).
 *  Errors: FB_ERR_RANGE unless 0 <= n <= 4.5 (xi_1 = 31.8 at 4.5); FB_ERR_GSL from the ODE integration. */
int fb_hb_lane_emden_xi1(double n, double *xi1, fb_err *err);

/** Largest allowed coupling g_max [GeV^-1] at mass_GeV. */
int fb_hb_alp_g_max_GeV(const fb_hb_options *o, double mass_GeV, double *g_max, fb_err *err);

#endif /* FB_HB_ALP_H */
