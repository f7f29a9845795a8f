/**
 * @file fb_freezein.h
 * @brief Freeze-in of a Dirac fermion chi (dark matter; chi and chibar both counted) from the
 *        Standard-Model plasma through a dark photon A' kinetically mixed with the photon.
 *
 * Two regimes (the "freeze-in" item; formulas and sources in fb_freezein.c):
 *  - light mediator (m_A' -> 0): chi carries an effective electric charge Q = eps g_D / e
 *    (Holdom 1986; Chu, Hambye & Tytgat arXiv:1112.0493; Dvorkin, Lin & Schutz arXiv:1902.08623).
 *    Channels: f fbar -> gamma* -> chi chibar for f = e, mu, tau (exact masses) and hadrons
 *    through the measured R ratio (fb_rratio, sqrt(s) <= 12 GeV; free quarks u..t with
 *    (1 + alpha_s/pi) above), and plasmon decay gamma*_{T,L} -> chi chibar with the Braaten-Segel
 *    dispersion relations (hep-ph/9302213) and Bose-Einstein plasmon occupation.
 *  - heavy mediator (m_A' > 2 m_chi): f fbar -> A'* -> chi chibar with the full Breit-Wigner
 *    propagator (total width Gamma(A' -> SM) + Gamma(A' -> chi chibar)), which contains the
 *    on-shell (inverse decay f fbar -> A', then A' -> chi chibar) freeze-in of Hall, Jedamzik,
 *    March-Russell & West arXiv:0911.1120 in the narrow-width limit, plus the off-shell continuum.
 *    The A' is NOT assumed in equilibrium: it is produced by the SM plasma (rate ~ eps^2) and
 *    decays promptly into chi chibar, so Y ~ eps^2 (alpha_D drops out while BR(A'->chi chi) ~ 1).
 *
 * The yield Y = (n_chi + n_chibar)/s obeys dY/dlnT = -2 gamma(T) (1 + dln g_*s/dlnT / 3)/(s H)
 * (gamma = reactions per volume and time; no back-reaction, Y << Y_eq), integrated from T_reheat
 * down to T -> 0. Omega h^2 = m_chi s_0 Y / (rho_crit/h^2) (fb_cosmo). Since Y ~ coupling^2
 * exactly (up to Gamma(A'->SM) ~ eps^2 in the heavy propagator, iterated), the targets follow
 * from one evaluation.
 *
 * Call order: fb_freezein_params_default -> fb_freezein_init (thermodynamics, R ratio, plasma
 * and kernel tables; ~0.1 s) -> any number of fb_freezein_yield / _light_target_Q /
 * _heavy_target_eps (one fb_freezein per thread: it owns quadrature workspaces) ->
 * fb_freezein_free. Units GeV; Q, eps, alpha_D dimensionless. Not collective.
 */
#ifndef FB_FREEZEIN_H
#define FB_FREEZEIN_H

#include <gsl/gsl_spline.h>

#include "fb_error.h"
#include "fb_rratio.h"
#include "fb_thermo.h"

/** Channels (bit mask) of the yield. */
enum {
  FB_FI_CH_EE = 1 << 0,       /**< e+ e- -> chi chibar */
  FB_FI_CH_MUMU = 1 << 1,     /**< mu+ mu- -> chi chibar */
  FB_FI_CH_TAUTAU = 1 << 2,   /**< tau+ tau- -> chi chibar */
  FB_FI_CH_HADRONS = 1 << 3,  /**< hadrons/quarks -> chi chibar (R ratio) */
  FB_FI_CH_PLASMON_T = 1 << 4,/**< transverse plasmon decay (light mediator only) */
  FB_FI_CH_PLASMON_L = 1 << 5,/**< longitudinal plasmon decay (light mediator only) */
  FB_FI_CH_ALL = (1 << 6) - 1
};
#define FB_FI_N_CHANNELS 6

/** Name of channel number i (0..FB_FI_N_CHANNELS-1): "ee", "mumu", "tautau", "hadrons",
 *  "plasmon_T", "plasmon_L". */
const char *fb_freezein_channel_name(int i);

/** Precision and physics parameters (documented defaults from fb_freezein_params_default). */
typedef struct fb_freezein_params {
  double T_reheat_GeV;  /**< start of production (default 1e4 GeV; <= 1e5, the thermo table end) */
  double rtol;          /**< relative tolerance of every quadrature, 1e-5..1e-2 (default 1e-4) */
  int channels;         /**< FB_FI_CH_* mask (default FB_FI_CH_ALL) */
  double gstar_fixed;   /**< validation switch: > 0 replaces g_*rho = g_*s by this constant and
                             d ln g_*s/d ln T by 0 (closed-form checks); 0 = SM table (default) */
  double T_qcd_GeV;     /**< free quarks contribute to the plasma frequency above this T
                             (default 0.15 GeV; below, only charged leptons) */
} fb_freezein_params;

void fb_freezein_params_default(fb_freezein_params *par);

/** Number of nodes of the tabulated kernels. */
#define FB_FI_N_KERNEL 900
#define FB_FI_N_PLASMA 400

typedef struct fb_freezein {
  fb_freezein_params par;
  fb_thermo th;
  fb_rratio R;
  /* kernel w(E) = E^4 W(E): Y = int ds sigma(s) (s - 4 m^2) sqrt(s) W(sqrt s) (see .c) */
  double lnE_min, lnE_max;
  double lnE[FB_FI_N_KERNEL], lnw[FB_FI_N_KERNEL];
  gsl_spline *sp_w;
  /* plasma: ln of the Braaten-Segel integrals (omega_p^2 and omega_1^2 over T^2, without 4 alpha/pi)
   * of the charged leptons [0, 1] and of the quarks [2, 3] vs ln T; the quarks are switched on
   * exactly at T_qcd when evaluated (so the step sits on a quadrature break point) */
  double lnT_pl_min, lnT_pl_max;
  double lnT_pl[FB_FI_N_PLASMA], lnS[4][FB_FI_N_PLASMA];
  gsl_spline *sp_S[4];
  void *ws_outer, *ws_inner; /**< gsl_integration_workspace* (two nesting levels) */
  void *gl_table;            /**< gsl_integration_glfixed_table* of the fixed plasmon k rule */
  int ready;
  long n_plasmon_rates;      /**< statistics: plasmon rate evaluations (k integrals) */
  long n_dispersion;         /**< statistics: dispersion-relation solutions */
} fb_freezein;

int fb_freezein_init(fb_freezein *fi, const fb_freezein_params *par, fb_err *err);
void fb_freezein_free(fb_freezein *fi);

/** One parameter point. mA_GeV = 0: light mediator, coupling = Q. mA_GeV > 2 mass_GeV: heavy
 *  mediator, coupling = eps, with alpha_D. */
typedef struct fb_freezein_point {
  double mass_GeV;  /**< m_chi, 1e-6 < m <= 1e3 GeV */
  double mA_GeV;    /**< 0 (light) or > 2 m_chi (heavy), <= 1e3 GeV */
  double alpha_D;   /**< heavy only: g_D^2/(4 pi), 0 < alpha_D <= 1 */
  double coupling;  /**< Q (light) or eps (heavy), > 0 */
} fb_freezein_point;

typedef struct fb_freezein_result {
  double Y;                          /**< (n_chi + n_chibar)/s today */
  double Y_channel[FB_FI_N_CHANNELS];/**< per channel (order of fb_freezein_channel_name) */
  double omega_h2;                   /**< Omega h^2 of chi + chibar */
  double width_vis_GeV;              /**< heavy: Gamma(A' -> SM) at the point (0 if light) */
  double width_inv_GeV;              /**< heavy: Gamma(A' -> chi chibar) */
} fb_freezein_result;

/** Check a point: FB_ERR_RANGE naming the parameter and its allowed range. */
int fb_freezein_point_check(const fb_freezein_point *pt, fb_err *err);

/** Yield and Omega h^2 of chi + chibar at pt. */
int fb_freezein_yield(fb_freezein *fi, const fb_freezein_point *pt, fb_freezein_result *res, fb_err *err);

/** Light mediator: Q with Omega h^2 = omega_target at m_chi (Q^2 scaling from Q = 1);
 *  res (may be NULL) receives the result at Q = 1. */
int fb_freezein_light_target_Q(fb_freezein *fi, double mass_GeV, double omega_target, double *Q,
                               fb_freezein_result *res, fb_err *err);

/** Heavy mediator: eps with Omega h^2 = omega_target (Y ~ eps^2 iterated for the eps^2 part of
 *  the A' width, to 1e-8); res (may be NULL) receives the result at the target. */
int fb_freezein_heavy_target_eps(fb_freezein *fi, double mass_GeV, double mA_GeV, double alpha_D,
                                 double omega_target, double *eps, fb_freezein_result *res, fb_err *err);

/* ---- pieces, public for the tests */

/** Cross section sigma(chi chibar -> f fbar) [GeV^-2] of one 2->2 channel (bit), averaged over
 *  chi spins, at sqrt(s), for point pt (Q or eps propagator). 0 below threshold. */
double fb_freezein_sigma_GeV2(const fb_freezein *fi, const fb_freezein_point *pt, int channel, double sqrt_s_GeV);

/** Hadronic R ratio used (fb_rratio below 12 GeV, free quarks with 1 + alpha_s/pi above). */
double fb_freezein_R(const fb_freezein *fi, double sqrt_s_GeV);

/** Gamma(A' -> SM) [GeV] at eps for mass mA (leptons + hadrons through fb_freezein_R). */
double fb_freezein_width_vis_GeV(const fb_freezein *fi, double mA_GeV, double eps);

/** Plasma frequency omega_p [GeV] and v_* = omega_1/omega_p at T (Braaten-Segel integrals for the
 *  charged leptons and, above T_qcd, the quarks). */
int fb_freezein_plasma(const fb_freezein *fi, double T_GeV, double *omega_p_GeV, double *v_star, fb_err *err);

/** Plasmon dispersion in units of omega_p: for polarisation pol (0 = T, 1 = L), velocity v and
 *  q = k/omega_p, the frequency w = omega/omega_p and the residue Z (normalised to the covariant
 *  polarisation vector: Z -> 1 at k -> 0). *exists = 0 for the L mode beyond its end point. */
int fb_freezein_dispersion(fb_freezein *fi, int pol, double v, double q, double *w, double *Z, int *exists,
                           fb_err *err);

/** Number of Gauss-Legendre nodes per piece of the fixed k rule used inside the T integral of
 *  the plasmon yield (a fixed rule makes the T integrand smooth; checked against the adaptive
 *  rule of fb_freezein_plasmon_rate_GeV4 in the tests). */
#define FB_FI_PLASMON_GL_NODES 16

/** Plasmon-decay rate density [GeV^4]: pairs per volume and time from polarisation pol at T
 *  for charge Q = 1 and chi mass m (adaptive k quadrature to rtol). */
int fb_freezein_plasmon_rate_GeV4(fb_freezein *fi, int pol, double mass_GeV, double T_GeV, double *rate,
                                  fb_err *err);
/** The same with the fixed rule used by the yield (4 pieces x FB_FI_PLASMON_GL_NODES nodes). */
int fb_freezein_plasmon_rate_fixed_GeV4(fb_freezein *fi, int pol, double mass_GeV, double T_GeV, double *rate,
                                        fb_err *err);

/** 2->2 reaction-rate density [GeV^4] (reactions per volume and time) of channel bit at T. */
int fb_freezein_annihilation_rate_GeV4(fb_freezein *fi, const fb_freezein_point *pt, int channel, double T_GeV,
                                       double *rate, fb_err *err);

#endif /* FB_FREEZEIN_H */
