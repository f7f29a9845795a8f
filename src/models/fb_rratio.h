/**
 * @file fb_rratio.h
 * @brief The hadronic R ratio R(s) = sigma(e+e- -> hadrons) / sigma_pt(e+e- -> mu+mu-),
 *        sigma_pt = 4 pi alpha^2 / (3 s), as a documented parametrisation of e+e- data.
 *
 * What it contains (details, formulas and every source in docs/rratio.md and next to each number
 * in fb_rratio.c):
 *  - pi+pi-: Gounaris-Sakurai pion form factor with rho(770), rho(1450), rho(1700), rho(2150) and
 *    rho-omega interference, parameters of the BaBar fit (arXiv:1205.2228);
 *  - omega (3pi, pi0 gamma) and phi (K+K-, KS KL with P-wave energy-dependent widths, 3pi,
 *    eta gamma) relativistic Breit-Wigners, PDG 2024;
 *  - the multi-hadron region (4pi, 5pi, KKpi, eta pi pi, omega pi ...) 1-2 GeV as a smooth turn-on
 *    of the u,d,s perturbative R anchored to exclusive e+e- data (BaBar, SND; see docs/rratio.md);
 *  - perturbative QCD above 2 GeV: R = 3 sum Q_q^2 (1 + a + c2 a^2 + c3 a^3), a = alpha_s/pi with
 *    3-loop running from alpha_s(M_Z) and flavour thresholds; open charm from 2 m_D0, open bottom
 *    from 2 m_B0 with the Born velocity factor;
 *  - charmonium J/psi, psi(2S), psi(3770), psi(4040), psi(4160), psi(4415) and bottomonium
 *    Upsilon(1S), (2S), (3S), (4S), (10860), (11020) Breit-Wigners (PDG 2024 M, Gamma, Gamma_ee).
 *
 * Valid range: 0 <= sqrt(s) <= FB_RRATIO_SQRTS_MAX_GEV (12 GeV). R = 0 below the pi0 gamma
 * threshold (m_pi0); between m_pi0 and 2 m_pi only the tiny omega -> pi0 gamma tail contributes.
 *
 * Call order: fb_rratio_init (tabulates alpha_s once, ~1 ms) -> any number of fb_rratio_eval
 * (thread-safe, read-only, ~1 microsecond) -> fb_rratio_free. Energies in GeV.
 * Not collective (no MPI).
 */
#ifndef FB_RRATIO_H
#define FB_RRATIO_H

#include <stddef.h>

#include "fb_alpha_s.h"
#include "fb_error.h"

/** Upper end of the parametrisation [GeV]. */
#define FB_RRATIO_SQRTS_MAX_GEV 12.0

/** Pre-computed Gounaris-Sakurai constants of one rho-like resonance (filled by init). */
typedef struct fb_rratio_gs {
  double m_GeV;     /**< mass */
  double w_GeV;     /**< width at s = m^2 */
  double k_m_GeV;   /**< pion momentum at s = m^2 */
  double h_m;       /**< h(m^2) of Gounaris-Sakurai */
  double dh_m;      /**< dh/ds at m^2 [GeV^-2] */
  double d;         /**< GS constant d (normalises F_pi(0) = 1) */
} fb_rratio_gs;

/** The R-ratio model; read-only after fb_rratio_init. */
typedef struct fb_rratio {
  fb_alpha_s_table as;                  /**< alpha_s^(MS-bar)(mu), 1 GeV - 10 TeV (fb_alpha_s.h) */
  fb_rratio_gs rho[4];                  /**< rho(770), rho(1450), rho(1700), rho(2150) */
  int initialised;                      /**< 1 after a successful init */
} fb_rratio;

/** Build the model (alpha_s table, GS constants). Returns FB_OK or FB_ERR_NUMERIC. */
int fb_rratio_init(fb_rratio *R, fb_err *err);

/** Release the model (nothing allocated today; kept for the init/free contract). */
void fb_rratio_free(fb_rratio *R);

/** R(s) at sqrt_s_GeV; 0 below m_pi0 or for non-finite input, and sqrt(s) is clamped to
 *  FB_RRATIO_SQRTS_MAX_GEV from above (callers check their range; fb_darkphoton does). */
double fb_rratio_eval(const fb_rratio *R, double sqrt_s_GeV);

/** alpha_s(mu) in MS-bar (fb_alpha_s.h: 3 loops from alpha_s(M_Z), thresholds m_c, m_b, m_t); frozen at
 *  alpha_s(1 GeV) below 1 GeV. */
double fb_rratio_alphas(const fb_rratio *R, double mu_GeV);

/** The narrow vector resonances of R(s) (omega, phi and the quarkonia below open flavour: J/psi,
 *  psi(2S), Upsilon(1S-3S); PDG 2024 masses and widths, the values R uses): writes up to max
 *  (mass, total width) pairs in GeV into m_GeV[], w_GeV[] and returns how many there are. Used by
 *  integrators as break points. */
size_t fb_rratio_narrow_resonances(double *m_GeV, double *w_GeV, size_t max);

/** Individual pieces, for tests and plots (same conventions as fb_rratio_eval). */
double fb_rratio_eval_pipi(const fb_rratio *R, double sqrt_s_GeV);
double fb_rratio_eval_pqcd(const fb_rratio *R, double sqrt_s_GeV);

/** Exclusive final states of R (the Darkcast decomposition R = sum_F R_F, arXiv:1801.04847):
 *  pi+pi- (F_pi), pi+pi-pi0 (omega and phi), pi0 gamma (omega), eta gamma (phi), K+K- and
 *  K_S K_L (phi), 2pi+2pi- and pi+pi-2pi0 (shares of the 1-2 GeV multi-hadron turn-on from the
 *  exclusive data that anchor it), and "other" (what is not resolved: KK pi, eta pi pi, 5pi, 6pi,
 *  the pQCD continuum and the quarkonia). */
typedef enum fb_rratio_channel {
  FB_RR_PIPI = 0,
  FB_RR_3PI,
  FB_RR_PI0GAMMA,
  FB_RR_ETAGAMMA,
  FB_RR_KK,
  FB_RR_K0K0,
  FB_RR_4PI_CHARGED,
  FB_RR_2PI_2PI0,
  FB_RR_OTHER,
  FB_RR_NCH
} fb_rratio_channel;

/** R_F for every channel F at sqrt_s_GeV; sum_F R_F = fb_rratio_eval to rounding (the "other"
 *  channel takes the rest, and is the whole R above the 1.9-2.1 GeV blend into pQCD). */
void fb_rratio_eval_channels(const fb_rratio *R, double sqrt_s_GeV, double r[FB_RR_NCH]);

#endif /* FB_RRATIO_H */
