/**
 * @file fb_scalar_ff.h
 * @brief Isoscalar S-wave pi pi / K Kbar scattering and the scalar form factors of pions and kaons
 *        with the two-channel final-state interaction (sigma/f0(500) and f0(980)), for the decays
 *        of a Higgs-like scalar S -> pi pi, K Kbar (src/models/fb_fip_bc4.c).
 *
 * What it is (exactly): the chiral-unitary coupled-channel amplitude of Oller and Oset,
 * Nucl. Phys. A620 (1997) 438 [hep-ph/9702314]: lowest-order chiral kernels V (I = 0, channels
 * 1 = pi pi, 2 = K Kbar, unitary normalisation) resummed as T = [1 - V G]^-1 V with the two-meson
 * loop G(s) regularised by a three-momentum cut-off q_max; and the form factors of the same
 * resummation, F(s) = [1 - V(s) G(s)]^-1 R(s), with R a real polynomial (the approach of
 * Oller-Oset-Palomar hep-ph/0011096 for vector, and Meissner-Oller hep-ph/0005253 for scalar form
 * factors). Such F obeys two-channel unitarity, Im F = T^* Sigma F (Watson's theorem below the K Kbar
 * threshold) exactly: the same discontinuity that the Muskhelishvili-Omnes solution of
 * Donoghue-Gasser-Leutwyler (Nucl. Phys. B343 (1990) 341) and Winkler (arXiv:1809.01876) imposes,
 * but with the T-matrix of the chiral-unitary model and without the Omnes integral over the
 * high-energy phases. It is NOT the numerical Muskhelishvili-Omnes solution with measured phases.
 *
 * Form factors (Winkler arXiv:1809.01876 Sec. III; DGL): for P = pi, K,
 *   Gamma_P = <P P| m_u uu + m_d dd |0>, Delta_P = <P P| m_s ss |0>, theta_P = <P P| theta^mu_mu |0>,
 * as the vector F = (F_pi, (2/sqrt3) F_K) [GeV^2]. R is fixed so that F and, for theta, its slope at
 * s = 0 equal the leading-order chiral values (Feynman-Hellmann at leading order, Gasser-Leutwyler
 * Nucl. Phys. B250 (1985) 465): Gamma = (m_pi^2, (2/sqrt3) m_pi^2/2), Delta = (0, (2/sqrt3)(m_K^2 -
 * m_pi^2/2)), theta = (2 m_pi^2 + s, (2/sqrt3)(2 m_K^2 + s)) at O(s). Gamma and Delta are once
 * subtracted (R constant), theta twice (R linear in s).
 * The S -> P P amplitude (heavy quarks integrated out through the trace anomaly; Winkler Sec. III):
 *   G_P = (2/9) theta_P + (7/9) (Gamma_P + Delta_P).
 * Units: s in GeV^2, form factors and G_P in GeV^2. Isospin limit: m_pi = m_pi+-, m_K = mean of K+-, K0.
 * Validity: the model describes the pi pi phase shift and inelasticity up to ~1.2 GeV (Oller-Oset);
 * above that it is an extrapolation (see docs/validation.md).
 */
#ifndef FB_SCALAR_FF_H
#define FB_SCALAR_FF_H

#include <complex.h>

#include "fb_error.h"

typedef struct fb_scalar_ff {
  double m_pi_GeV, m_K_GeV; /**< isospin-limit masses of the two channels */
  double f_GeV;             /**< pion decay constant of the chiral kernel (Oller-Oset normalisation) */
  double qmax_GeV;          /**< three-momentum cut-off of the loop */
  double complex R0[2];     /**< R(0) of G_P = (2/9) theta + (7/9)(Gamma + Delta) */
  double complex R1[2];     /**< dR/ds of the same combination [GeV^0] */
} fb_scalar_ff;

/** Set up with the published parameters (fb_constants.h, Oller-Oset block); no allocation. */
int fb_scalar_ff_init(fb_scalar_ff *ff, fb_err *err);

/** The loop G_i(s) of channel i (0 = pi pi, 1 = K Kbar), s > 0 [GeV^2] (s = 0 as the limit);
 *  Im G = -sigma/(16 pi) above threshold. */
double complex fb_scalar_ff_loop(const fb_scalar_ff *ff, int channel, double s);

/** T(s) = [1 - V G]^-1 V (Oller-Oset normalisation: partial wave t = -T/(16 pi)). */
void fb_scalar_ff_tmatrix(const fb_scalar_ff *ff, double s, double complex T[2][2]);

/** pi pi phase shift delta_0^0 [rad, continuous, 0 at threshold] and inelasticity eta_0^0 from T,
 *  for 4 m_pi^2 < s. */
void fb_scalar_ff_phase(const fb_scalar_ff *ff, double s, double *delta_rad, double *eta);

enum { FB_SFF_GAMMA = 0, FB_SFF_DELTA = 1, FB_SFF_THETA = 2 };
/** One form factor (FB_SFF_*) as (F_pi, F_K) [GeV^2] (the K entry without the 2/sqrt3). */
void fb_scalar_ff_eval(const fb_scalar_ff *ff, int which, double s, double complex out[2]);

/** Leading-order chiral F(0) and F'(0) of one form factor as the vector (F_pi, (2/sqrt3) F_K). */
void fb_scalar_ff_lo_values(const fb_scalar_ff *ff, int which, double v0[2], double v1[2]);

/** S -> P P amplitudes G_pi(s), G_K(s) [GeV^2]; |G|^2 enters the widths. */
void fb_scalar_ff_higgs(const fb_scalar_ff *ff, double s, double complex *G_pi, double complex *G_K);

#endif
