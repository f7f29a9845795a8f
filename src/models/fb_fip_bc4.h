/**
 * @file fb_fip_bc4.h
 * @brief BC4/BC5 dark scalar S mixing with the Higgs (fb_fip_bc4.c): what the scan models and
 *        tests share. The models themselves are `fb_fip_bc4` and `fb_fip_bc5` (fb_fip.h registry).
 *
 * Coupling axis: sin2theta = sin^2 theta (all widths scale as sin^2 theta, coupling_power 1).
 * Validity: 1e-4 GeV < m_S <= 10 GeV (below 2 m_e only S -> gamma gamma is open).
 *
 * Channels, in this order (the order of the br_<channel> quantities):
 *   ee, mumu, tautau, gammagamma            leptons (tree level) and the loop-induced diphoton;
 *   pipi, KK, etaeta                        exclusive light hadrons, leading-order chiral
 *                                           (low-energy theorem) form factors;
 *   ss, cc, gg                              perturbative QCD (running masses, QCD corrections).
 * Between [bc4] m_low_GeV and m_high_GeV (default 1-2.5 GeV, the theory-uncertain band) the
 * exclusive and perturbative hadronic widths are combined by the prescription [bc4] hadronic
 * (interpolate: linear weight in m_S; switch: exclusive below m_switch_GeV, perturbative above).
 * Formulas and references in fb_fip_bc4.c.
 *
 * Energy fractions: pi pi splits into pi+pi- and pi0pi0 by their partial widths (2:1 away from
 * threshold); K K goes to "kaon"; eta eta, s sbar, c cbar and g g go to "other_hadrons".
 */
#ifndef FB_FIP_BC4_H
#define FB_FIP_BC4_H

#include "fb_fip.h"

extern const fb_fip_ops fb_fip_bc4;
extern const fb_fip_ops fb_fip_bc5;

/** The [bc4] option keys (hadronic, m_low_GeV, m_high_GeV, m_switch_GeV, gg_qcd) and the [bc5]
 *  key (br_h_SS), for the scan models' key tables. */
#define FB_BC4_N_KEYS 7
extern const fb_key_spec fb_bc4_keys[FB_BC4_N_KEYS];
#define FB_BC5_N_KEYS 1
extern const fb_key_spec fb_bc5_keys[FB_BC5_N_KEYS];

/** BR(h -> S S) of BC5: the one reader of [bc5] br_h_SS, used by the model (fb_fip_bc5) and by its production
 *  (fb_prod_bc4.c, bc5): the value of cfg when it holds the key, else the key's default (0.01); FB_ERR_INPUT
 *  naming [bc5] br_h_SS and its allowed range (fb_bc5_keys) otherwise. cfg may be NULL (the default). */
int fb_bc5_br_h_SS(const fb_config *cfg, double *br_h_SS, fb_err *err);

/** Number of decay channels (the list above). */
#define FB_BC4_N_CHANNELS 10

/** Quantities of the scan models bc4 and bc5: width_GeV, tau_s, ctau_m, br_<channel>, efrac_<class>. */
#define FB_BC4_N_SCAN_QUANTITIES (3 + FB_BC4_N_CHANNELS + FB_N_DECAY_CLASSES)

/** The br_<channel> quantity specs in channel order, for the scan models' quantity tables. */
#define FB_BC4_BR_QUANTITIES                                                                      \
  {"br_ee", "", "branching ratio S -> e+ e-"},                                                    \
  {"br_mumu", "", "branching ratio S -> mu+ mu-"},                                                \
  {"br_tautau", "", "branching ratio S -> tau+ tau-"},                                            \
  {"br_gammagamma", "", "branching ratio S -> gamma gamma (loop)"},                               \
  {"br_pipi", "", "branching ratio S -> pi pi (pi+pi- and pi0pi0)"},                              \
  {"br_KK", "", "branching ratio S -> K Kbar (K+K- and K0 K0bar)"},                               \
  {"br_etaeta", "", "branching ratio S -> eta eta"},                                              \
  {"br_ss", "", "branching ratio S -> s sbar (perturbative)"},                                    \
  {"br_cc", "", "branching ratio S -> c cbar (perturbative)"},                                    \
  {"br_gg", "", "branching ratio S -> g g (perturbative)"}

#endif /* FB_FIP_BC4_H */
