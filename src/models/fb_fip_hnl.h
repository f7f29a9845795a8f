/**
 * @file fb_fip_hnl.h
 * @brief BC6/BC7/BC8: one Majorana heavy neutral lepton N mixing with nu_e, nu_mu or nu_tau only
 *        (models bc6, bc7, bc8 of fb_fip.h; widths of Bondarenko, Boyarsky, Gorbunov, Ruchayskiy,
 *        arXiv:1805.08567). The channel list, in the order of the decay record and of the scan
 *        quantities, is one X-macro so that the particle model and the scan models cannot drift.
 *
 * FB_HNL_CHANNELS(X, L, A, B): L is the mixing flavour ("e", "mu", "tau"), A and B the two other
 * flavours in the order e, mu, tau. Every entry is X(name, description). Each channel's width
 * includes the charge-conjugate final state (Majorana N: l- X+ and l+ X-, nu and nubar), i.e. it is
 * twice the Dirac-like width of arXiv:1805.08567 (which gives one charge configuration and
 * multiplies the total by 2 for a Majorana HNL).
 */
#ifndef FB_FIP_HNL_H
#define FB_FIP_HNL_H

#include "fb_config.h"
#include "fb_decay.h"
#include "fb_error.h"

#define FB_HNL_CHANNELS(X, L, A, B)                                                                 \
  X("3nu", "N -> nu_" L " nu nubar, all flavours")                                                \
  X("nu_ee", "N -> nu_" L " e+ e-")                                                                \
  X("nu_mumu", "N -> nu_" L " mu+ mu-")                                                            \
  X("nu_tautau", "N -> nu_" L " tau+ tau-")                                                        \
  X(L "_" A "_nu" A, "N -> " L "- " A "+ nu_" A " (charged current)")                              \
  X(L "_" B "_nu" B, "N -> " L "- " B "+ nu_" B " (charged current)")                              \
  X(L "_pi", "N -> " L "- pi+")                                                                    \
  X(L "_K", "N -> " L "- K+")                                                                      \
  X(L "_D", "N -> " L "- D+")                                                                      \
  X(L "_Ds", "N -> " L "- Ds+")                                                                    \
  X("nu_pi0", "N -> nu_" L " pi0")                                                                 \
  X("nu_eta", "N -> nu_" L " eta")                                                                 \
  X("nu_etap", "N -> nu_" L " eta'")                                                               \
  X(L "_rho", "N -> " L "- rho+")                                                                  \
  X(L "_Kstar", "N -> " L "- K*+")                                                                 \
  X(L "_Dstar", "N -> " L "- D*+")                                                                 \
  X(L "_Dsstar", "N -> " L "- Ds*+")                                                               \
  X("nu_rho0", "N -> nu_" L " rho0")                                                               \
  X("nu_omega", "N -> nu_" L " omega")                                                             \
  X("nu_phi", "N -> nu_" L " phi")                                                                 \
  X(L "_ud", "N -> " L "- u dbar (inclusive, with QCD correction)")                                \
  X(L "_us", "N -> " L "- u sbar (inclusive, with QCD correction)")                                \
  X(L "_ub", "N -> " L "- u bbar (inclusive, with QCD correction)")                                \
  X(L "_cd", "N -> " L "- c dbar (inclusive, with QCD correction)")                                \
  X(L "_cs", "N -> " L "- c sbar (inclusive, with QCD correction)")                                \
  X(L "_cb", "N -> " L "- c bbar (inclusive, with QCD correction)")                                \
  X("nu_uu", "N -> nu_" L " u ubar (inclusive, with QCD correction)")                              \
  X("nu_dd", "N -> nu_" L " d dbar (inclusive, with QCD correction)")                              \
  X("nu_ss", "N -> nu_" L " s sbar (inclusive, with QCD correction)")                              \
  X("nu_cc", "N -> nu_" L " c cbar (inclusive, with QCD correction)")                              \
  X("nu_bb", "N -> nu_" L " b bbar (inclusive, with QCD correction)")

/** The options of each model (section [bc6], [bc7], [bc8]): match_mass_GeV, match_window_GeV. */
extern const fb_key_spec fb_hnl_keys_bc6[2], fb_hnl_keys_bc7[2], fb_hnl_keys_bc8[2];

/** Number of channels of FB_HNL_CHANNELS. */
#define FB_HNL_N_CHANNELS 31

/** Default mass [GeV] from which the inclusive quark channels replace the exclusive meson
 *  channels when their sum is larger (key match_mass_GeV; see fb_fip_hnl.c). */
#define FB_HNL_MATCH_MASS_DEFAULT_GEV 1.0

/**
 * Shape of a V-A three-body decay M -> a b c with |amplitude|^2 ~ (p_M.p_a)(p_b.p_c) (p_a pairs
 * with the parent; muon decay: a = anti-nu_e), as used for every three-body HNL channel:
 *   *I      = Gamma / (G^2 M^5 / (192 pi^3)) for unit coupling (1 for massless daughters),
 *             i.e. the function I(x_u, x_d, x_l) of arXiv:1805.08567 sec. 3.1 / 3.5;
 *   *ea, *eb = mean energies of a and b divided by M (massless: 3/10 and 7/20).
 * Gauss-Legendre quadrature (GSL fixed table, n nodes) in theta with s = m_bc^2 = s0 + (s1 - s0)
 * (1 - cos theta)/2, which removes the square-root end points. Zeros below threshold.
 * Exposed for the tests (closed forms for one massive daughter).
 */
int fb_hnl_three_body(double M, double ma, double mb, double mc, size_t n, double *I, double *ea, double *eb,
                      fb_err *err);

/** 1 + Delta_QCD(M) applied to the quark channels (arXiv:1805.08567: Delta = a + 5.2 a^2 +
 *  26.4 a^3, a = alpha_s(M)/pi, alpha_s from fb_rratio: 3-loop MS-bar, frozen below 1 GeV).
 *  state: a model state of bc6/bc7/bc8 (from their init). */
double fb_hnl_qcd_factor(const void *state, double M);

#endif /* FB_FIP_HNL_H */
