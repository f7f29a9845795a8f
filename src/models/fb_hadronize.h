/**
 * @file fb_hadronize.h
 * @brief Mean hadron content of a partonic final state (q qbar of one flavour, or g g) of invariant
 *        mass W: multiplicities of pi+-, pi0, kaons and nucleons and their energy shares, for the
 *        inclusive perturbative channels of the particle models (fb_decay.h classes).
 *
 * Model (each step cited or stated in fb_hadronize.c):
 *  - mean charged multiplicity of e+e- -> q qbar at sqrt(s) = W: the NLLA form of the PDG review
 *    "Fragmentation functions" normalised to the Z-pole average;
 *  - g g: the same times the CLEO gluon/quark ratio measured below 7 GeV (hep-ex/9701006);
 *  - composition: the PDG per-event yields at sqrt(s) ~ 10 GeV (pi+-, pi0, K+-, K0, p), n = p by
 *    isospin; s sbar, c cbar, b bbar: two of the hadrons are kaons (strangeness of the leading
 *    quarks, c -> s and b -> c -> s in the weak decays);
 *  - kinematic bounds near threshold (W of a few GeV): kaon and nucleon yields times the pair
 *    velocity sqrt(1 - (2 m/W)^2); the rest masses of all hadrons never exceed W (multiplicities scaled
 *    down if they would); at least 2 hadrons;
 *  - energy: each hadron gets its rest mass plus an equal share of the kinetic energy of the system.
 */
#ifndef FB_HADRONIZE_H
#define FB_HADRONIZE_H

#include "fb_decay.h"
#include "fb_error.h"

/** The parton pair that hadronises. */
typedef enum fb_had_parton {
  FB_HAD_UD = 0, /**< u ubar, d dbar, u dbar, ... (light, non-strange) */
  FB_HAD_S,      /**< a pair with one or two s quarks */
  FB_HAD_C,      /**< a pair with a c quark (and no b) */
  FB_HAD_B,      /**< a pair with a b quark */
  FB_HAD_GLUON,  /**< g g */
  FB_HAD_N_PARTONS
} fb_had_parton;

/** Mean charged multiplicity of e+e- -> q qbar -> hadrons at sqrt(s) = W_GeV (the NLLA fit, no
 *  threshold bounds); the g g value is this times FB_HAD_RGQ_LOW. 0 for W_GeV <= 0. */
double fb_hadronize_nch_ee(double W_GeV);

/**
 * Add `weight` times the hadrons of one parton system to a channel's class arrays:
 * n[c] += weight * mean multiplicity, ef[c] += weight * (energy of class c)/M_GeV.
 * The system has invariant mass W_GeV and energy E_GeV (>= W_GeV) in the rest frame of the decaying
 * particle of mass M_GeV; the class energies sum to E_GeV exactly. Below 2 m_pi0 (no hadronic final
 * state) the system is put into other_hadrons (2 particles) unchanged.
 * @return FB_OK; FB_ERR_DOMAIN for a bad parton, non-finite or inconsistent W/E/M.
 */
int fb_hadronize_add(int parton, double W_GeV, double E_GeV, double M_GeV, double weight, double *n, double *ef,
                     fb_err *err);

/** Append a two-parton channel (X -> q qbar or g g, width_GeV) of a particle of mass m_GeV at rest
 *  to d: the products are the hadrons of fb_hadronize_add with W = E = M = m_GeV. */
int fb_hadronize_channel(fb_decay *d, const char *name, double width_GeV, int parton, double m_GeV, fb_err *err);

#endif /* FB_HADRONIZE_H */
