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
 * central values; the criterion eps_max then applies to that average.
 * Decays inside the core (issue 16; decay = FB_HB_DECAY_CORE, the default): an ALP that decays a -> gamma gamma
 * before it leaves the helium core deposits its energy there and is not an energy loss ("decays inside the star":
 * Masso & Toldra hep-ph/9503293; for HB stars Carenza et al. arXiv:2004.08399 and the ballistic energy-transfer
 * treatment of Lucente et al. arXiv:2203.01336, whose full texts are not readable here: the abstracts only). Only
 * the energy of ALPs decaying beyond the core radius R counts: the emission spectrum is weighted by the escape
 * probability, exp(-R/lambda(E)) for the one-zone core (emitted at the centre), and for each polytrope zone at
 * radius r the direction average of exp(-s/lambda) over the chord s to the core surface (closed form with E_1).
 * lambda(E) = p/(m Gamma B) is the boosted decay length, Gamma = g^2 m^3 (1 - 4 wp^2/m^2)^{3/2}/(64 pi) and B the
 * stimulated-decay factor of fb_sn_alp.h. R is the radius of the polytrope of index polytrope_n with T_K and
 * rho_g_cm3 as central values (Chandrasekhar 1939 ch. IV: R = xi_1 alpha, alpha^2 = (n+1) k T_c/(4 pi G rho_c mu
 * m_u), ideal gas of mean molecular weight mu, 1/mu = 2X + 3Y/4), ~5.4e4 km and 0.33 M_sun for the default core,
 * or r_core_km when set. eps_a(g) is then no longer ~g^2: it peaks and falls, so the excluded couplings are an
 * interval [g_low, g_high] that closes at a largest mass (fb_hb_alp_edges_GeV).
 *
 * Units: GeV, K, g/cm^3, erg/g/s. Pure functions, thread-safe.
 */
#ifndef FB_HB_ALP_H
#define FB_HB_ALP_H

#include "fb_error.h"

/** Core model: one zone at (T_K, rho_g_cm3), or a polytrope with those as central values. */
enum { FB_HB_ONE_ZONE = 0, FB_HB_POLYTROPE = 1 };

/** Decays inside the core: not counted (off: every emitted ALP is a loss), or counted as deposition (core). */
enum { FB_HB_DECAY_OFF = 0, FB_HB_DECAY_CORE = 1 };

/** HB core and criterion. */
typedef struct fb_hb_options {
  int core;            /**< FB_HB_ONE_ZONE (default) or FB_HB_POLYTROPE */
  double T_K;          /**< core temperature [K] (central for the polytrope); default 0.7e8 */
  double rho_g_cm3;    /**< core density [g/cm^3] (central for the polytrope); default 0.6e4 */
  double polytrope_n;  /**< polytropic index of the polytrope core; default 1.5 (convective core) */
  double Y_He;         /**< helium mass fraction (rest hydrogen); default 1 */
  double eps_max_erg_g_s; /**< energy-loss criterion [erg/g/s]; default 10 */
  int coalescence;     /**< 1: add photon coalescence gamma gamma -> a; default 1 */
  int decay;           /**< FB_HB_DECAY_CORE (default): ALPs decaying inside the core are no loss; FB_HB_DECAY_OFF */
  double r_core_km;    /**< core radius for the decays [km]; 0 (default): the polytrope radius (fb_hb_core_radius_cm) */
} fb_hb_options;

void fb_hb_options_default(fb_hb_options *o);

/** Energy-loss rate per unit mass [erg/g/s] at coupling g_GeV (GeV^-1) and ALP mass mass_GeV.
 *  Errors: FB_ERR_RANGE for non-physical options or arguments; FB_ERR_GSL from the quadrature. */
int fb_hb_alp_eps_erg_g_s(const fb_hb_options *o, double mass_GeV, double g_GeV, double *eps, fb_err *err);

/** First zero xi_1 of the Lane-Emden function theta_n (3.65375 for n = 3/2, 6.89685 for n = 3).
 *  Errors: FB_ERR_RANGE unless 0 <= n <= 4.5 (xi_1 = 31.8 at 4.5); FB_ERR_GSL from the ODE integration. */
int fb_hb_lane_emden_xi1(double n, double *xi1, fb_err *err);

/** Largest allowed coupling below the excluded interval, g_low of fb_hb_alp_edges_GeV [GeV^-1] at mass_GeV. */
int fb_hb_alp_g_max_GeV(const fb_hb_options *o, double mass_GeV, double *g_max, fb_err *err);

/** Core radius R [cm] for the decays: r_core_km if > 0, else xi_1 alpha of the polytrope of index polytrope_n with
 *  central T_K, rho_g_cm3 (the one-zone values serve as central ones). Errors: FB_ERR_RANGE, FB_ERR_GSL. */
int fb_hb_core_radius_cm(const fb_hb_options *o, double *R_cm, fb_err *err);

/** Boosted decay length lambda = p/(m Gamma B) [cm] of an ALP of energy E_GeV at coupling g_GeV in a plasma of
 *  temperature T_GeV and plasma frequency^2 wp2_GeV2 (fb_sn_alp_decay_reduced_GeV); +inf if it cannot decay. */
double fb_hb_alp_decay_length_cm(double E_GeV, double mass_GeV, double g_GeV, double wp2_GeV2, double T_GeV);

/** Probability that a particle emitted isotropically at radius r inside a sphere of radius R (0 <= r < R) decays
 *  outside it, for the decay length lam (same units): the direction average of exp(-chord/lam). NaN outside
 *  0 <= r < R. */
double fb_hb_escape_probability(double r, double R, double lam);

/** The excluded interval g_low < g < g_high [GeV^-1] at mass_GeV (eps_a(g) > eps_max). decay off, or still excluded at
 *  g = 1 GeV^-1 (m <= 2 omega_p: no decay): g_high = +inf; decay off:
 *  g_low = g_max (+inf if nothing is emitted); decay on: both NaN where the interval is empty (the band has closed).
 *  The root solver stops at 1e-6 in ln g (FB_ERR_NUMERIC if it does not converge); the zone quadrature's 1e-3 relative
 *  tolerance in cold polytrope zones can move g_low by up to 5e-4 relative. */
int fb_hb_alp_edges_GeV(const fb_hb_options *o, double mass_GeV, double *g_low, double *g_high, fb_err *err);

#endif /* FB_HB_ALP_H */
