/**
 * @file fb_fip_alp.h
 * @brief BC10 (ALP with universal fermion couplings) and BC11 (ALP coupled to gluons): the pieces of
 *        the decay computation that tests and other modules may call. The models themselves are
 *        `fb_fip_bc10` and `fb_fip_bc11` (fb_fip.h registry).
 *
 * Conventions (one place; every formula in fb_fip_alp.c refers here):
 *  - BC10: L = (d_mu a / (2 f_l)) sum_f fbar gamma^mu gamma_5 f over all charged fermions (f_l = f_q,
 *    FIPs 2020 report arXiv:2102.12143 BC10). Coupling axis: inv_fl = 1/f_l [GeV^-1]; in the
 *    notation of Bauer, Neubert, Thamm arXiv:1708.00443 (BNT) c_ff/Lambda = 1/f_l for every f.
 *    The Yukawa-like coupling of the PBC plots is reported as a production value g_Y = 2 v / f_l
 *    (our reading of the PBC convention; the report's text was not available offline to confirm the
 *    factor 2, so the scan axis is the unambiguous 1/f_l).
 *  - BC11: L = (alpha_s / (8 pi f_G)) a G^a_{mu nu} Gdual^{a mu nu} (arXiv:2102.12143 BC11; the
 *    f_a of Grilli di Cortona et al. arXiv:1511.02867). Coupling axis: inv_fG = 1/f_G [GeV^-1].
 *    FORESEE's ALP-g model writes -(g_s^2/8) g_agg a G Gdual, so inv_fG = 4 pi^2 g_agg
 *    (docs/validation.md, BC11 section).
 *  - Two-photon widths are written Gamma = alpha^2 |C|^2 m^3 / (256 pi^3 f^2) with a dimensionless C
 *    (g_agamma = alpha |C| / (2 pi f)); for BC10 C = 2 sum_f N_c Q_f^2 B_1(tau_f) (BNT eq. for
 *    C_gammagamma^eff with c_ff = 1), for BC11 at m_a -> 0 C -> -2 N_c sum_q kappa_q Q_q^2 = -2.01.
 *
 * Units: GeV, GeV^-1 for couplings.
 */
#ifndef FB_FIP_ALP_H
#define FB_FIP_ALP_H

#include <complex.h>

#include "fb_config.h"

/** Input keys of the two models (sections [bc10], [bc11]): the window [match_low_GeV,
 *  match_high_GeV] over which the exclusive hadronic channels hand over to the perturbative ones. */
#define FB_ALP_N_KEYS 2
extern const fb_key_spec fb_alp_bc10_keys[FB_ALP_N_KEYS];
extern const fb_key_spec fb_alp_bc11_keys[FB_ALP_N_KEYS];

/** BNT's fermion-loop function B_1(tau) = 1 - tau f(tau)^2, tau = 4 m_f^2 / m_a^2 (arXiv:1708.00443);
 *  B_1 -> 1 for a light fermion (tau -> 0), -> -1/(3 tau) = -m_a^2/(12 m_f^2) for a heavy one. */
double complex fb_alp_B1(double tau);

/** The dimensionless two-photon coefficient C at m_a for BC10 (leptons and c,b,t loops, the light-quark
 *  part through the meson mixings below the matching window and as quark loops above) or BC11 (meson
 *  mixings below, 0 above), with the model's default matching window. Used by the tests. */
double complex fb_alp_bc10_cgamma(double mass_GeV);
double complex fb_alp_bc11_cgamma(double mass_GeV);

/** Data checks of the BC11 hadronic amplitudes (tests): Gamma(eta' -> eta pi+ pi-) [GeV] predicted by the
 *  a0(980) + sigma exchange model with the coupling fixed by Gamma(a0 -> eta pi) (eta' weights c^eta'_q), and
 *  Gamma(eta -> 3 pi0) [GeV] of ASW's LO chiral amplitude before the K-factor (sets the K-factor). */
double fb_alp_a0model_etaprime_etapipi_GeV(void);
double fb_alp_lo_eta_3pi_GeV(void);

#endif /* FB_FIP_ALP_H */
