/**
 * @file fb_decay.h
 * @brief The decay record every particle model fills (one C API for the BBN, CMB and stellar
 *        modules): total width, lifetime, c*tau, per-channel widths and branching ratios, and what
 *        each channel's products are, grouped into the channel classes that energy injection needs.
 *
 * Channel classes (enum fb_decay_class): photons, e+-, mu+-, tau+-, charged pions, neutral pions,
 * kaons (K+-, K_L, K_S), nucleons, neutrinos per flavour, other hadrons (eta, eta', rho, omega,
 * quarks and gluons of the perturbative regime, charm mesons, ...), invisible (dark-sector
 * daughters). A model may decompose short-lived resonances into their products (rho -> pi pi,
 * BR ~ 1) and must say so; what it does not decompose goes to "other hadrons".
 *
 * Per channel k (rest frame of the decaying particle of mass m):
 *   n[k][c]     mean number of particles of class c in one decay through k (e+e-: n[ELECTRON] = 2);
 *   efrac[k][c] mean fraction of m carried by class c (kinetic plus rest energy), sum_c = 1.
 * Totals: mult[c] = sum_k BR_k n[k][c] and efrac[c] = sum_k BR_k efrac[k][c] (sum_c efrac = 1):
 * e.g. efrac[FB_DC_NU_E] of N -> nu_e e+ e- is the share of m_N that nu_e carry away.
 *
 * Conventions: widths in GeV, lifetimes in s, lengths in m. A Majorana fermion's charge-conjugate
 * channels are separate entries or are included in one entry's width: each model states which.
 *
 * Call order: fb_decay_clear -> fill channels (fb_decay_set_channel, fb_decay_two_body) ->
 * fb_decay_finalize. fb_decay_rescale moves a finalised record to another coupling when all
 * widths scale as coupling^power.
 */
#ifndef FB_DECAY_H
#define FB_DECAY_H

#include <stddef.h>

#include "fb_error.h"

/** The channel classes. The order is stable: it is the order of the class datasets in output. */
typedef enum fb_decay_class {
  FB_DC_PHOTON = 0,
  FB_DC_ELECTRON,      /**< e+ and e- */
  FB_DC_MUON,          /**< mu+ and mu- */
  FB_DC_TAU,           /**< tau+ and tau- */
  FB_DC_PI_CHARGED,    /**< pi+ and pi- */
  FB_DC_PI0,           /**< pi0 */
  FB_DC_KAON,          /**< K+-, K_L, K_S */
  FB_DC_NUCLEON,       /**< p, n and antinucleons */
  FB_DC_NU_E,          /**< nu_e and anti-nu_e */
  FB_DC_NU_MU,
  FB_DC_NU_TAU,
  FB_DC_OTHER_HADRONS, /**< hadrons not listed above, quarks and gluons (perturbative regime) */
  FB_DC_INVISIBLE,     /**< dark-sector daughters */
  FB_N_DECAY_CLASSES
} fb_decay_class;

#define FB_DECAY_MAX_CHANNELS 64

/** One decay channel of one point. */
typedef struct fb_decay_channel {
  const char *name;                    /**< short id, e.g. "ee", "nue_pi0" (static storage) */
  double width_GeV;                    /**< partial width [GeV] */
  double br;                           /**< branching ratio (set by fb_decay_finalize) */
  double n[FB_N_DECAY_CLASSES];        /**< mean multiplicity per class */
  double efrac[FB_N_DECAY_CLASSES];    /**< mean fraction of the parent mass per class */
} fb_decay_channel;

/** The decay of one particle at one (mass, coupling) point. */
typedef struct fb_decay {
  double mass_GeV, coupling;
  double width_GeV;                    /**< total width [GeV]; 0 for a stable particle */
  double tau_s;                        /**< hbar/Gamma [s]; +inf if stable */
  double ctau_m;                       /**< c tau [m]; +inf if stable */
  size_t n_channels;
  fb_decay_channel ch[FB_DECAY_MAX_CHANNELS];
  double mult[FB_N_DECAY_CLASSES];     /**< sum_k BR_k n[k][c] */
  double efrac[FB_N_DECAY_CLASSES];    /**< sum_k BR_k efrac[k][c] */
} fb_decay;

/** Short name of a class ("photon", "electron", ..., "invisible"), NULL if out of range. */
const char *fb_decay_class_name(int c);

/** Reset to zero channels at (mass_GeV, coupling). */
void fb_decay_clear(fb_decay *d, double mass_GeV, double coupling);

/**
 * Append a channel (width may be 0 below threshold: the channel is still listed, so channel k is
 * the same channel at every mass). n and efrac are copied (NULL = all zero).
 * @return FB_OK; FB_ERR_INTERNAL if FB_DECAY_MAX_CHANNELS is exceeded or width < 0 / not finite.
 */
int fb_decay_set_channel(fb_decay *d, const char *name, double width_GeV, const double *n,
                         const double *efrac, fb_err *err);

/**
 * Append a two-body channel M -> 1 + 2 with daughters of classes c1, c2 and masses m1, m2 [GeV]:
 * E_1 = (M^2 + m1^2 - m2^2)/(2M), E_2 = M - E_1 (rest frame). c1 == c2 is allowed (e+e-).
 */
int fb_decay_two_body(fb_decay *d, const char *name, double width_GeV, int c1, double m1_GeV, int c2,
                      double m2_GeV, fb_err *err);

/** Totals, BRs, tau_s, ctau_m and the class sums. A record with zero total width is "stable"
 *  (tau = ctau = +inf, BRs 0). FB_ERR_NUMERIC if a channel's efrac with a nonzero width does not
 *  sum to 1 within 1e-9 (a bug in the model). */
int fb_decay_finalize(fb_decay *d, fb_err *err);

/** Copy a finalised record to another coupling, widths scaled by (coupling/in->coupling)^power. */
int fb_decay_rescale(const fb_decay *in, double coupling, double power, fb_decay *out, fb_err *err);

/** Index of channel `name`, -1 if absent. */
int fb_decay_find(const fb_decay *d, const char *name);

#endif /* FB_DECAY_H */
