/**
 * @file fb_scalar_mo.h
 * @brief Pion and kaon scalar form factors from the two-channel (pi pi, K Kbar; I = 0, S wave)
 *        Muskhelishvili-Omnes (MO) solution: the dispersive form factors of Donoghue, Gasser,
 *        Leutwyler, Nucl. Phys. B343 (1990) 341 and Moussallam, Eur. Phys. J. C14 (2000) 111
 *        [hep-ph/9909292], used for a Higgs-like scalar by Winkler arXiv:1809.01876.
 *
 * Omnes matrix Omega(s) (2x2, Omega(0) = 1, Omega -> 1/s): analytic off the cut s > 4 m_pi^2 with
 *   Im Omega = T^* Sigma Omega on the cut, i.e. with S = 1 + 2 i Sigma^1/2 T Sigma^1/2 (unitary,
 *   symmetric) Omega^* = Sigma^-1/2 S^* Sigma^1/2 Omega. With Omega = R + i X (R, X real):
 *   (1 - i T^* Sigma) X = T^* Sigma R, which degenerates where cos(delta) = 0 (single channel:
 *   cos(delta) e^{-i delta} X = sin(delta) e^{-i delta} R). Multiplying by S^1/2 (symmetric unitary,
 *   so C = Re S^1/2 and Sn = Im S^1/2 are real symmetric and C^2 + Sn^2 = 1) gives the real,
 *   never-degenerate condition
 *       Sigma^-1/2 C Sigma^1/2 X = Sigma^-1/2 Sn Sigma^1/2 R      (single channel: cos d X = sin d R),
 *   independent of the branch of S^1/2. Below 4 m_K^2, Sigma = diag(sigma_pi, 0): the pi row is the
 *   single-channel condition, and the K row carries the pi pi -> K Kbar amplitude of the
 *   pseudo-physical region, Im Omega_2j = t21^* sigma_pi Omega_1j with t21 = r(s) e^{i delta} (Watson),
 *   i.e. X_2 = sigma_pi r (cos delta R_1 + sin delta X_1) (never degenerate); r(s) = t21 e^{-i delta} of
 *   the chiral-unitary amplitude (fb_scalar_mo_t21_below; the Roy-Steiner |g_0^0| of Buettiker et al.
 *   hep-ph/0310283 is not readable offline). Without it (T_12 = 0 below 2 m_K, flag FB_MO_NO_BELOW_KK,
 *   the earlier treatment) Omega_21 is ~100x too small at low s and the widths are 2-20x too large
 *   (docs/validation.md BC4).
 * Unsubtracted dispersion relation R(s) = (1/pi) PV int X(s')/(s' - s) ds' over [4 m_pi^2, inf),
 *   evaluated with the subtraction PV int (X(s') - X(s) s/s')/(s' - s) + X(s) ln(s0/(s - s0)), s0 = 4 m_pi^2
 *   (Nystrom method, Gauss-Legendre nodes; the diagonal term w_i (X'(s_i) + X(s_i)/s_i) with X' from
 *   the barycentric interpolant of each interval). With delta_pi(inf) + delta_K(inf) = 2 pi the
 *   homogeneous problem has exactly two solutions vanishing at infinity (Moussallam hep-ph/9909292,
 *   index theory of Muskhelishvili): they are taken as the two smallest right singular vectors of the
 *   discretised system (block inverse iteration on K^T K with LU factors), and combined so that
 *   Omega(0) = (1/pi) int X/s' = 1.
 * T-matrix input (stated exactly, docs/validation.md BC4), S = [[eta e^{2i d}, i s12 sqrt(1-eta^2) e^{i(d+dK)}],
 *   [.., eta e^{2i dK}]] (two-channel unitarity; d + dK is the phase of the pi pi -> K Kbar amplitude):
 *   FB_MO_INPUT_GKPY (default of BC4): d = delta_0^0 and eta = eta_0^0 of the GKPY constrained fit to
 *     data, arXiv:1102.2183 (fb_pipi_swave.h), up to its end sqrt(s_m) = 1.42 GeV, with the K Kbar
 *     channel opening at the fit's 2 m_K = 0.992 GeV; dK = the K Kbar -> K Kbar phase of the
 *     chiral-unitary amplitude (0 at threshold, unwrapped) up to 1.2 GeV, then dK(1.2 GeV)
 *     2/(1 + (s/1.44)^{3/2}) (no measured pi pi -> K Kbar phase, e.g. Buettiker et al. hep-ph/0310283
 *     or Pelaez-Rodas arXiv:1807.04543, was readable offline: the pi pi -> K Kbar phase is
 *     d + dK, data + model); variant FB_MO_KK_PHASE_ZERO: dK = 0 (K Kbar rescattering neglected;
 *     c*tau 0.3-0.8 of FORESEE, docs/validation.md); the sign s12 is that of the chiral-unitary
 *     amplitude at 1.1 GeV;
 *   FB_MO_INPUT_CHIRAL_UNITARY: the chiral-unitary amplitude of Oller-Oset hep-ph/9702314 (fb_scalar_ff.h,
 *     S-matrix from T as is, unitary) up to sqrt(s_m) = 1.2 GeV (its range).
 *   Above s_m, d, dK, eta are guided from their s_m values to d -> 2 pi, dK -> 0, eta -> 1 by
 *   x(s) = x_inf + (x_m - x_inf) 2/(1 + (s/s_m)^{3/2}) (asymptotics as required by Moussallam; the
 *   functional form is our choice, its effect is a systematic stated in docs/validation.md).
 * Form factors (Winkler arXiv:1809.01876 Sec. III): Gamma(s) = Omega(s) Gamma(0), Delta(s) = Omega(s) Delta(0),
 *   theta(s) = Omega(s) [theta(0) + s (theta'(0) - Omega'(0) theta(0))], vectors (F_pi, (2/sqrt3) F_K),
 *   with the leading-order chiral values at s = 0 of fb_scalar_ff_lo_values (Gasser-Leutwyler NPB 250
 *   (1985) 465, Feynman-Hellmann); G_P = (2/9) theta_P + (7/9)(Gamma_P + Delta_P).
 * Set-up (~0.1-1 s) solves the system and tabulates |G_pi|^2, |G_K|^2 on a fine grid in m (cubic spline):
 * a model point then costs one spline look-up. Units GeV, GeV^2.
 */
#ifndef FB_SCALAR_MO_H
#define FB_SCALAR_MO_H

#include <complex.h>

#include "fb_error.h"
#include "fb_scalar_ff.h"
#include "fb_spline.h"

/** T-matrix input of the solver (see above). */
enum { FB_MO_INPUT_CHIRAL_UNITARY = 0, FB_MO_INPUT_GKPY = 1 };

typedef struct fb_scalar_mo {
  fb_scalar_ff cu;          /**< chiral-unitary T-matrix (input below 1.2 GeV; sign of S12) */
  int input;                /**< FB_MO_INPUT_* */
  double s_m;               /**< end of the input T-matrix [GeV^2]: guided phases above */
  int single_channel;       /**< 1: pi pi only with the phase of a_phase (tests) */
  int kk_phase_cu;          /**< GKPY input: 1 (default) = K Kbar phase of the chiral-unitary amplitude, 0 = 0 (spread) */
  int below_kk;             /**< 1 (default): pi pi -> K Kbar below 2 m_K in the K row (0: T12 = 0 there, diagnostics) */
  double (*phase_fn)(double s, void *p); /**< single-channel phase override [rad] (tests), or NULL */
  void *phase_par;
  int n, nint;              /**< nodes, intervals */
  double *s, *w, *dvds;     /**< nodes [GeV^2], weights, d(x)/ds of the interval map */
  double *xb, *bw;          /**< Gauss-Legendre abscissae in [-1, 1] and barycentric weights, per interval */
  double edge[8];           /**< interval edges [GeV^2] (last: infinity map) */
  double *X;                /**< Im Omega at the nodes, 4 per node: X[4 j + 2 a + c] */
  double sv_ratio;          /**< (2nd smallest)/(3rd smallest) singular value (single: 1st/2nd): null-space quality */
  double dOm0[2][2];        /**< Omega'(0) [GeV^-2] */
  double d_m, dK_m, eta_m, sign12; /**< values at the matching point s_m */
  double complex R0[2], R1[2]; /**< G = Omega (R0 + s R1) in the (F_pi, (2/sqrt3) F_K) vector */
  fb_spline g2pi, g2K;      /**< |G_pi|^2, |G_K|^2 [GeV^4] against m [GeV] */
  double m_tab_min_GeV, m_tab_max_GeV;
} fb_scalar_mo;

/** Solve and tabulate with the input FB_MO_INPUT_* (allocates; fb_scalar_mo_free releases). */
int fb_scalar_mo_init(fb_scalar_mo *mo, int input, fb_err *err);
/** Variants of the input for the spread (FB_MO_* flags, or-ed): FB_MO_KK_PHASE_ZERO (GKPY input: K Kbar
 *  elastic phase 0 instead of the chiral-unitary one), FB_MO_NO_BELOW_KK (no pi pi -> K Kbar below 2 m_K). */
enum { FB_MO_KK_PHASE_ZERO = 1, FB_MO_NO_BELOW_KK = 2 };
int fb_scalar_mo_init_flags(fb_scalar_mo *mo, int input, int flags, fb_err *err);
/** Single-channel variant (tests): phase(s) [rad] with phase -> pi at infinity; Omega_11 is then the
 *  elastic Omnes function exp[(s/pi) int phase(s')/(s'(s' - s))]. NULL phase: the pi pi phase of input. */
int fb_scalar_mo_init_single(fb_scalar_mo *mo, int input, double (*phase)(double s, void *p), void *par, fb_err *err);
void fb_scalar_mo_free(fb_scalar_mo *mo);

/** The input: pi pi phase d, K Kbar phase dK [rad, continuous] and inelasticity eta at s [GeV^2]. */
void fb_scalar_mo_phases(const fb_scalar_mo *mo, double s, double *d, double *dK, double *eta);
/** The pi pi -> K Kbar amplitude below 2 m_K without its Watson phase, t21 e^{-i delta} (real, signed), in
 *  the normalisation S = 1 + 2 i Sigma^1/2 t Sigma^1/2, from the chiral-unitary amplitude (fb_scalar_ff.h). */
double fb_scalar_mo_t21_below(const fb_scalar_mo *mo, double s);
/** Omega(s) for real s >= 0 (upper lip of the cut). */
void fb_scalar_mo_matrix(const fb_scalar_mo *mo, double s, double complex Om[2][2]);
/** One form factor (FB_SFF_*) as (F_pi, F_K) [GeV^2]. */
void fb_scalar_mo_eval(const fb_scalar_mo *mo, int which, double s, double complex out[2]);
/** |G_pi(m^2)|^2, |G_K(m^2)|^2 [GeV^4] from the table (direct evaluation outside it). */
void fb_scalar_mo_higgs2(const fb_scalar_mo *mo, double m_GeV, double *g2_pi, double *g2_K);

#endif
