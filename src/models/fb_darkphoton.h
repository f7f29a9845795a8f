/**
 * @file fb_darkphoton.h
 * @brief BC1 dark photon A' (mass m, kinetic mixing eps): partial widths, lifetime, c*tau and
 *        branching ratios into e+e-, mu+mu-, tau+tau- and hadrons.
 *
 * Physics (arXiv ids next to the formulas in fb_darkphoton.c):
 *  - Gamma(A' -> l+l-) = alpha eps^2 m/3 (1 + 2 m_l^2/m^2) sqrt(1 - 4 m_l^2/m^2)
 *    [e.g. Batell, Pospelov, Ritz arXiv:0906.5614; Ilten et al. arXiv:1801.04847];
 *  - Gamma(A' -> hadrons) = (alpha eps^2 m/3) R(m^2): the MASSLESS (point-like) mu+mu- width
 *    times R, because R is defined relative to sigma_pt = 4 pi alpha^2/(3 s) (fb_rratio.h) and
 *    A' -> hadrons probes the same electromagnetic-current spectral function at q^2 = m^2
 *    [Buschmann et al. arXiv:1505.07459]. (Multiplying by the massive Gamma_mumu instead would
 *    lower Gamma_had by 16 % at m = 2 m_pi, by < 1 % above 0.6 GeV.)
 *  - tau = hbar/Gamma, c*tau = hbar c/Gamma; no invisible channel.
 *
 * Valid mass range: FB_DARKPHOTON_MASS_MIN_GEV = 2 m_e < m <= FB_DARKPHOTON_MASS_MAX_GEV = 12 GeV
 * (the range of the R parametrisation). Below 2 m_e the A' has no visible (or any SM tree-level
 * two-body) decay and is stable at this order (A' -> 3 gamma is loop-suppressed); we return
 * FB_ERR_RANGE there rather than an infinite lifetime, so callers decide what "stable" means.
 *
 * Widths scale exactly as eps^2, BRs are eps-independent: a scan can call
 * fb_darkphoton_decay_compute once per mass at eps = 1 and fb_darkphoton_decay_rescale per eps.
 *
 * Call order: fb_rratio_init -> fb_darkphoton_decay_compute / _rescale (any number, any thread)
 * -> fb_rratio_free. Units: GeV, s, m. Not collective.
 */
#ifndef FB_DARKPHOTON_H
#define FB_DARKPHOTON_H

#include "fb_error.h"
#include "fb_rratio.h"

#define FB_DARKPHOTON_MASS_MAX_GEV FB_RRATIO_SQRTS_MAX_GEV

/** Decay properties of one (m, eps) point. */
typedef struct fb_darkphoton_decay {
  double mass_GeV, epsilon;
  double width_ee_GeV, width_mumu_GeV, width_tautau_GeV, width_hadrons_GeV, width_GeV;
  double tau_s;   /**< proper lifetime [s] */
  double ctau_m;  /**< c * tau [m] */
  double br_ee, br_mumu, br_tautau, br_hadrons;
} fb_darkphoton_decay;

/** Lower end of the valid mass range (exclusive) [GeV]: 2 m_e. */
double fb_darkphoton_mass_min_GeV(void);

/** Gamma(A' -> l+l-) [GeV] for lepton mass ml_GeV; 0 below threshold. */
double fb_darkphoton_width_ll_GeV(double mass_GeV, double epsilon, double ml_GeV);

/**
 * Compute widths, lifetime and BRs at (mass_GeV, epsilon).
 * @param R        initialised R-ratio model (read-only)
 * @param out      result (untouched on error)
 * @return FB_OK; FB_ERR_RANGE if mass is outside (2 m_e, 12 GeV] or eps <= 0; FB_ERR_INPUT for
 *         NaN/inf arguments or R == NULL / not initialised.
 */
int fb_darkphoton_decay_compute(const fb_rratio *R, double mass_GeV, double epsilon,
                                fb_darkphoton_decay *out, fb_err *err);

/** Rescale a computed point to another epsilon (widths ~ eps^2, lifetimes ~ eps^-2). */
int fb_darkphoton_decay_rescale(const fb_darkphoton_decay *in, double epsilon,
                                fb_darkphoton_decay *out, fb_err *err);

#endif /* FB_DARKPHOTON_H */
