/**
 * @file fb_sn_table.h
 * @brief The emission/optical-depth loop of the SN1987A tables of massive bosons that are absorbed and decay in
 *        the core (BC4/BC5 scalar, fb_sn_scalar.c; BC10/BC11 nucleon-coupled ALPs, fb_sn_alpn.c): one helper,
 *        the benchmarks differ only by their rates (review item of issue 16). The table type and the rest of
 *        its API are in fb_sn_darkphoton.h.
 *
 * Per radial shell i (mid radius r0, volume V) and energy node k (om = om_min + T u_k, om_min the energy that
 * escapes gravity), the luminosity at infinity per unit coupling^2 is
 *   W = V lapse^2 w_emit(r0) T wu_k e^{u_k} e^{-om/T}/sqrt(u_k) om (k om / 2 pi^2) [Gamma_abs + R_dec/(1 - e^{-om/T})]
 * (detailed balance: emission = absorption e^{-om/T}; W split into L0_T (absorption part) and L0_L (decay part)),
 * and tau[e][d] the optical depth along direction mu_d from fb_sn_path_tau with the emitter's path rate.
 */
#ifndef FB_SN_TABLE_H
#define FB_SN_TABLE_H

#include "fb_sn_darkphoton.h"

#define FB_SN_EMITTER_MAX_EXTRA 4 /**< absorption channels booked apart (fb_sn_emitter.gamma_extra) */
#define FB_SN_PATH_MULTI_MAX 64  /**< energies per call of fb_sn_path_tau_multi */

/** The path rate at one medium point q, radius r [GeV^-1] for n local energies om[k] [GeV] (lnom[k] = ln om[k]):
 *  rates[k] per coupling^2 [GeV], the same values as the emitter's scalar path rate at each om[k]; lets the
 *  emitter compute what depends on the point only once for all energies (issue 16 speed). */
typedef void (*fb_sn_rate_multi_fn)(const fb_sn_point *q, double r_invGeV, size_t n, const double *om,
                                    const double *lnom, void *ctx, double *rates);

/** fb_sn_path_tau for n <= FB_SN_PATH_MULTI_MAX energies om0[k] emitted at r0 [GeV^-1] in direction mu: the path
 *  points (radius, medium, lapse) are shared, tau[k] is fb_sn_path_tau at om0[k] (INFINITY where trapped). */
void fb_sn_path_tau_multi(const fb_sn_medium *m, double mass_GeV, double r0_invGeV, size_t n, const double *om0_GeV,
                          double mu, fb_sn_rate_multi_fn rate, void *ctx, double *tau);

/** The rates of one emitter. */
typedef struct fb_sn_emitter {
  /** absorption rate Gamma_abs [GeV] per coupling^2 at q, radius r [GeV^-1], local energy om (not reduced by
   *  stimulated emission) */
  double (*gamma_abs)(const fb_sn_point *q, double r_invGeV, double om_GeV, void *ctx);
  /** decay minus inverse decay rate per coupling^2 [GeV] at stimulated-emission factor stim = 1 - e^{-om/T};
   *  NULL: no decays */
  double (*decay)(const fb_sn_point *q, double r_invGeV, double om_GeV, double stim, void *ctx);
  fb_sn_rate_fn path_rate; /**< the rate along the escape path (fb_sn_path_tau) */
  fb_sn_rate_multi_fn path_rate_multi; /**< optional: the same for several energies at once (NULL: path_rate) */
  void *ctx;               /**< the emitter's data */
  /** optional further absorption channels (0 <= n_extra <= FB_SN_EMITTER_MAX_EXTRA), booked in t->L0_res
   *  instead of L0_T: gamma_extra writes their rates [GeV] per coupling^2 to rates[0..n_extra-1]; each
   *  L_extra[j] != NULL receives that channel's luminosity per coupling^2 [erg/s] (set to 0 first). The
   *  emission weight per element is W = WB + WX_0 + ... + WD, in that order. */
  int n_extra;
  void (*gamma_extra)(const fb_sn_point *q, double r_invGeV, double om_GeV, void *ctx, double *rates);
  double *L_extra[FB_SN_EMITTER_MAX_EXTRA];
} fb_sn_emitter;

/** Fill t at mass_GeV (t->mass_GeV, n_el, W, tau, wmu, L0_T, L0_L; L0_res = the extra channels' luminosity
 *  per coupling^2) from the emitter's rates on the medium's grid (m->opt: n_radial, n_energy, n_mu,
 *  absorption, decays). Reuses t's storage. */
int fb_sn_table_fill(fb_sn_table *t, const fb_sn_medium *m, double mass_GeV, const fb_sn_emitter *em, fb_err *err);

/** Shell average of the attenuation (issue 16; option shell_average with the transfer criterion, else a no-op that
 *  leaves the midpoint rule): in the surface sub-shells (fb_sn_shell) the optical depth of each energy node and
 *  direction is taken linear in r between the sub-shell midpoints and 0 at the neutrinosphere on outward paths (the
 *  uniform shells inside keep the midpoint rule, which is the more accurate one for volume emission), and
 *  exp(-eps^2 tau) is averaged over each shell analytically in fb_sn_table_luminosity_erg_s, (e^{-x b} - e^{-x a})/
 *  (x (a - b)) per half shell. The midpoint rule puts the emission of a shell at its centre, so once the absorption
 *  length is shorter than half a shell the trapped (surface) luminosity falls off exponentially instead of saturating
 *  and the upper edge depends on n_radial (-11.5% at 32 shells for the light BC10 ALP, docs/validation.md). Needs
 *  t->el_node[e] = shell * n_energy + node set by the builder (fb_sn_table_fill, fb_sn_alp.c). */
int fb_sn_table_shell_average(fb_sn_table *t, const fb_sn_medium *m, fb_err *err);

/** With the shell average the outermost FB_SN_SURFACE_SPLIT emission shells are replaced by FB_SN_SURFACE_SUBSHELLS
 *  graded sub-shells (fb_sn_shell). */
#define FB_SN_SURFACE_SPLIT 2
#define FB_SN_SURFACE_SUBSHELLS 8
/** 1 if the shell average applies (criterion transfer with shell_average): the outer shells are split and averaged. */
int fb_sn_shell_graded(const fb_sn_medium *m);
/** Number of emission shells: n_radial, or n_radial - FB_SN_SURFACE_SPLIT + FB_SN_SURFACE_SUBSHELLS with
 *  fb_sn_shell_graded. */
int fb_sn_n_shells(const fb_sn_medium *m);
/** Emission shell i (0 <= i < fb_sn_n_shells) of the region out to r_emit: inner and outer radius, midpoint (the
 *  emission point of its elements) [GeV^-1] and volume [GeV^-3]. Uniform in r (width r_emit/n_radial); with
 *  fb_sn_shell_graded the outermost FB_SN_SURFACE_SPLIT are split into S = FB_SN_SURFACE_SUBSHELLS sub-shells graded
 *  towards the emission edge, r = r_emit - d (1 - j/S)^2 (d = FB_SN_SURFACE_SPLIT r_emit/n_radial; the outermost
 *  d/S^2 = 26 m wide at 32 shells), which resolve the absorption length of bosons trapped near the neutrinosphere
 *  (issue 16). */
void fb_sn_shell(const fb_sn_medium *m, int i, double *rlo_invGeV, double *rhi_invGeV, double *r0_invGeV,
                 double *V_invGeV3);

#endif
