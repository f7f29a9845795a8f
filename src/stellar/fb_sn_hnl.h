/**
 * @file fb_sn_hnl.h
 * @brief SN1987A cooling band of a heavy neutral lepton N (BC6/BC7/BC8: Majorana N mixing with one
 *        active flavour alpha = e, mu, tau with |U_alpha|^2) in the proto-neutron star.
 *
 * Physics (fb_sn_hnl.c; docs/sn-profile.md section "HNL"), following the structure of Mastrototaro,
 * Mirizzi, Serpico & Esmaili arXiv:1910.10249 and Carenza et al. arXiv:2311.00033:
 *  - production by active-sterile mixing: every weak process that makes a nu_alpha (or anti-nu_alpha)
 *    of energy E makes N with the same energy with probability |U_m|^2 (the decoherent limit,
 *    (1/4) sin^2 2theta_m x the collision rate of nu_alpha), with the medium-suppressed mixing
 *    |U_m|^2 = |U|^2/(1 - 2 E V_alpha/m^2)^2 (|U|^2 << 1, away from a resonance), V_alpha the
 *    nu_alpha forward-scattering potential sqrt(2) G_F n_B (delta_{alpha e} Y_e - Y_n/2) (-V for
 *    anti-nu; Notzold & Raffelt, Nucl. Phys. B307 (1988) 924; neutrino-neutrino terms neglected);
 *    for m_N >= 10 MeV the suppression is below 1e-4 (V ~ 10 eV);
 *  - channels: (i) neutral-current scattering nu_alpha N -> N_s N on free neutrons and protons (static,
 *    non-degenerate; the dominant channel of arXiv:2311.00033), rate per N mode f_nu(E) kappa_NC(E),
 *    kappa_NC = fb_sn_nu_nc_opacity_GeV (the N mass enters through the phase space p E dE) with each
 *    nucleon density times the static structure function of an ideal degenerate gas,
 *    F_{-1/2}(eta)/F_{1/2}(eta) (fb_sn_hnl_nucleon_blocking; eta from the profile's mu_N);
 *    (ii) alpha = e only: charged-current e- p -> N n and e+ n -> N p, rate per N mode
 *    n_p f_e(E_e) sigma_CC (n_n f_e+ for e+), and the absorption N n -> e- p, N p -> e+ n,
 *    kappa_CC = n_n sigma_CC (1 - f_e), sigma_CC = G_F^2 V_ud^2 (1 + 3 g_A^2) E_e p_e/pi,
 *    E_e = E +- (m_n - m_p) (static nucleons; Bruenn, ApJS 58 (1985) 771); in beta equilibrium the two
 *    are in detailed balance. The muon CC channel of arXiv:2311.00033 needs muons in the profile and
 *    is not included;
 *  - nu_alpha Fermi-Dirac with mu_nu = 0 (default) or, for nu_e, mu_nu_e = mu_e + mu_p - mu_n (beta
 *    equilibrium; option nu_degeneracy: the shipped profiles have ideal-gas nucleons without the nuclear
 *    symmetry energy, so this gives mu_nu_e ~ 200 MeV at the centre where simulations have tens of MeV);
 *    N from nu (one helicity) and from anti-nu (the other) are separate elements;
 *  - absorption per N: |U_m|^2 [kappa_NC (1 - f_nu) + kappa_CC] (detailed balance with production) plus
 *    decays N -> SM with the width of the project's HNL model (fb_fip bc6/bc7/bc8, arXiv:1805.08567)
 *    boosted by m/E, along straight rays with the local energy blue/redshifted by the lapse; N with
 *    lapse(r) E < lapse(r_far) m are gravitationally trapped;
 *  - criterion: as fb_sn_darkphoton.h (L_N <= L_nu); HNL default `rays` (direction-averaged optical
 *    depth to r_far: the modified luminosity criterion of Caputo, Raffelt & Vitagliano arXiv:2204.11862
 *    that arXiv:2311.00033 use).
 * Everything scales as |U|^2, so the per-mass table is an fb_sn_table with "eps" = |U| (edges in |U|;
 * |U|^2 = eps^2). L0_T holds the part of L/|U|^2 from N made from nu, L0_L from anti-nu, L0_res the CC part.
 * Not included: nucleon recoil and correlations beyond the ideal-gas structure function (and the
 *    final-nucleon blocking of the CC channel), muons,
 * nu-nu and nu-e processes (subdominant in arXiv:2311.00033; nu_tau e- -> N e- is 1/40-1/48 of the nucleon channel
 * at T = 30-40 MeV, tests/stellar/sn_hnl_channels.py), in-medium decay widths.
 *
 * Call order: fb_sn_medium_init -> fb_sn_hnl_init (once per medium and flavour) ->
 *   fb_sn_hnl_table_compute (per mass) -> fb_sn_table_* -> fb_sn_table_free, fb_sn_hnl_free.
 * Units: GeV, erg/s. Not collective; one fb_sn_hnl per thread.
 */
#ifndef FB_SN_HNL_H
#define FB_SN_HNL_H

#include "fb_config.h"
#include "fb_sn_darkphoton.h"
#include "fb_sn_profile.h"

/** Production channels. */
typedef struct fb_sn_hnl_options {
  int neutral_current; /**< 1: nu N -> N_s N on nucleons; default 1 */
  int charged_current; /**< 1: e- p -> N n, e+ n -> N p (flavour e only); default 1 */
  int nu_degeneracy;   /**< 1: mu_nu_e from beta equilibrium (profile mu_e + mu_p - mu_n); 0: mu_nu = 0; default 0 */
  int nucleon_degeneracy; /**< 1: NC rates x the static structure function F_{-1/2}(eta)/F_{1/2}(eta) of the
                               nucleons (eta = (mu_N - m*_N)/T from the profile; 1 where mu_N is absent); default 1 */
  const struct fb_config *model_cfg; /**< the run's configuration: the HNL model reads its keys ([bc6] ...) from
                                          it at init; NULL (default): the model's defaults. Not owned. */
} fb_sn_hnl_options;

void fb_sn_hnl_options_default(fb_sn_hnl_options *o);

/** Per-flavour medium: nucleon densities, neutrino chemical potential and potential on the medium grid,
 *  and the decay width of the HNL model at |U|^2 = 1 (model state owned). */
typedef struct fb_sn_hnl {
  const fb_sn_medium *m;
  fb_sn_hnl_options opt;
  int flavour;                 /**< 0 = e (bc6), 1 = mu (bc7), 2 = tau (bc8) */
  double *nn_GeV3, *np_GeV3;   /**< [m->n] free neutron, proton densities */
  double *munu_GeV;            /**< [m->n] nu_alpha chemical potential */
  double *V_GeV;               /**< [m->n] nu_alpha potential (anti-nu: -V) */
  double *Snn, *Snp;           /**< [m->n] nucleon structure factors of the NC rate (1: non-degenerate) */
  void *fip_state;             /**< the fb_fip HNL model (bc6/bc7/bc8) */
  fb_config fip_cfg;           /**< its options (defaults) */
  int have_cfg;
  const void *fip_ops;
} fb_sn_hnl;

/** Set up for flavour 0/1/2 on medium m built from profile p (same profile). o may be NULL (defaults).
 *  Errors: FB_ERR_INPUT, FB_ERR_MEMORY, errors of the HNL model set-up. */
int fb_sn_hnl_init(fb_sn_hnl *h, const fb_sn_medium *m, const fb_sn_profile *p, int flavour,
                   const fb_sn_hnl_options *o, fb_err *err);
void fb_sn_hnl_free(fb_sn_hnl *h);

/** Total rest-frame width of N at |U|^2 = 1 [GeV] from the HNL model. */
int fb_sn_hnl_width_GeV(const fb_sn_hnl *h, double mass_GeV, double *width, fb_err *err);

/** Charged-current absorption rate [GeV] of a nu_e (anti = 0: nu_e n -> e- p) or anti-nu_e (anti = 1:
 *  anti-nu_e p -> e+ n) of total energy E on static free nucleons of density n_target [GeV^3], electrons
 *  of chemical potential mu_e [GeV] at T [GeV]: n G_F^2 V_ud^2 (1 + 3 g_A^2) E_e p_e (1 - f_e(E_e))/pi. */
double fb_sn_hnl_kappa_cc_GeV(int anti, double E_GeV, double n_target_GeV3, double mu_e_GeV, double T_GeV);

/** The inverse: e- p -> nu_e n (anti = 0) or e+ n -> anti-nu_e p (anti = 1) per final (anti)neutrino mode
 *  [GeV] with n_target the proton (neutron) density: n sigma_CC f_e(E_e). */
double fb_sn_hnl_emission_cc_GeV(int anti, double E_GeV, double n_target_GeV3, double mu_e_GeV, double T_GeV);

/** Static NC structure function F_{-1/2}(eta)/F_{1/2}(eta) of an ideal non-relativistic nucleon gas with
 *  degeneracy eta = (mu - m)/T (1 for eta -> -inf, ~ 3/(2 eta) for eta >> 1). */
double fb_sn_hnl_nucleon_blocking(double eta);

/** Mixing suppression |U_m|^2/|U|^2 = 1/(1 - 2 E V/m^2)^2 (|U| -> 0); V [GeV] (anti-nu: pass -V). */
double fb_sn_hnl_mixing_factor(double E_GeV, double V_GeV, double mass_GeV);

/** Per-mass table (weights per |U|^2 [erg/s], optical depths per |U|^2). Errors: FB_ERR_RANGE for mass
 *  outside (0.001, 10] GeV (the HNL model's range). */
int fb_sn_hnl_table_compute(fb_sn_table *t, const fb_sn_hnl *h, double mass_GeV, fb_err *err);

/** Band edges in |U|^2 (NaN where closed), from fb_sn_table_edges. */
int fb_sn_hnl_edges_U2(const fb_sn_table *t, double L_nu_erg_s, double *U2_low, double *U2_high, fb_err *err);

#endif /* FB_SN_HNL_H */
