/**
 * @file fb_pipi_swave.h
 * @brief Data-constrained isoscalar S-wave pi pi scattering (delta_0^0 and eta_0^0) from the GKPY
 *        dispersive analysis: Garcia-Martin, Kaminski, Pelaez, Ruiz de Elvira, Yndurain,
 *        Phys. Rev. D83 (2011) 074004 [arXiv:1102.2183], Appendix A, "constrained fit to data" (CFD)
 *        parameters (fb_constants.h, GKPY block); reviewed in Pelaez, Phys. Rept. 658 (2016) 1
 *        [arXiv:1510.00653]. Input of the Muskhelishvili-Omnes solver (fb_scalar_mo.h).
 *
 * With k_P(s) = sqrt(s/4 - m_P^2), |k_K| = sqrt(m_K^2 - s/4) below 2 m_K, all masses those of the fit:
 *  - 2 m_pi < sqrt(s) <= sqrt(s_M) = 0.85 GeV (conformal form, Adler zero at z0^2/2, z0 = m_pi):
 *      cot delta = sqrt(s)/(2 k_pi) m_pi^2/(s - z0^2/2) [z0^2/(m_pi sqrt(s)) + B0 + B1 w + B2 w^2 + B3 w^3],
 *      w = (sqrt(s) - sqrt(4 m_K^2 - s))/(sqrt(s) + sqrt(4 m_K^2 - s));
 *  - sqrt(s_M) < sqrt(s) < 2 m_K (matched to delta(s_M) and delta'(s_M) = d delta/ds at s_M):
 *      delta = d0 (1 - |k_K|/k_M)^2 + delta(s_M) |k_K|/k_M (2 - |k_K|/k_M)
 *              + |k_K| (k_M - |k_K|) [8 delta'(s_M) + c (k_M - |k_K|)/m_K^3],  k_M = |k_K(s_M)|;
 *  - 2 m_K <= sqrt(s) <= 1.42 GeV:
 *      delta = d0 + B k_K^2/m_K^2 + C k_K^4/m_K^4 + D theta(s - 4 m_eta^2) k_eta^2/m_eta^2;
 *  - eta_0^0 = 1 below 2 m_K, above
 *      eta = exp[-(k_K/sqrt s)(eps1 + eps2 k_K/sqrt s + eps3 k_K^2/s)^2 - eps4 theta(s - 4 m_eta^2) k_eta/sqrt s].
 * delta is continuous and increasing through the sigma and f0(980) (0 at threshold, 226.5 deg at 2 m_K,
 * ~318 deg at 1.42 GeV). Units: s in GeV^2, phases in rad.
 */
#ifndef FB_PIPI_SWAVE_H
#define FB_PIPI_SWAVE_H

#include "fb_constants.h"

/** Upper end of the parametrisation [GeV^2]. */
#define FB_GKPY_SMAX_GEV2 (FB_GKPY_SQRT_SH_GEV * FB_GKPY_SQRT_SH_GEV)

/** delta_0^0(s) [rad] for 0 <= s <= FB_GKPY_SMAX_GEV2 (0 below the fit's 4 m_pi^2). */
double fb_gkpy_delta00(double s);
/** d delta_0^0/ds at s_M = 0.85^2 GeV^2 [rad GeV^-2] (the matching slope of the middle form). */
double fb_gkpy_slope_sm(void);
/** eta_0^0(s) for 0 <= s <= FB_GKPY_SMAX_GEV2 (1 below the fit's 4 m_K^2). */
double fb_gkpy_eta00(double s);

#endif
