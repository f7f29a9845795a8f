/**
 * @file bbn_nu_rate.c
 * @brief The weak scattering rate of an active neutrino of momentum p on the e+- nu plasma at T
 *        (T << m_mu): Gamma_alpha(p) = C_alpha G_F^2 T^4 p. Used for the non-thermal neutrinos a decay
 *        injects (bbn_nu_conversion.c, bbn_nu_cascade.c) and for the HNL production rate |U|^2 Gamma_alpha
 *        at the mean thermal momentum (bbn_hnl.c).
 *
 * C_e = 1.27, C_mu,tau = 0.92 (Enqvist, Kainulainen, Thomson NPB 373 (1992) 498; quoted as
 * Gamma_alpha = y_alpha G_F^2 p T^4 by Abazajian, Fuller, Patel astro-ph/0101524 sec. II) multiply
 * G_F^2 T^4 p: the thermal average over p of a relativistic Fermi-Dirac distribution is
 * C G_F^2 T^4 <p> = 3.151 C G_F^2 T^5 (<p> = 7 pi^4 / (180 zeta3) T). Check: the rate of a neutrino of
 * energy E >> T on a thermal massless Fermi-Dirac bath of one target species, with the matrix element
 * 32 G_F^2 (p1.p2)(p3.p4) (one unit of "s-type" weight in the Dolgov, Hansen, Semikoz hep-ph/9703315 table 1
 * normalisation; the u-type (p1.p4)(p2.p3) gives 1/3 of it) and no Pauli blocking, is
 *   Gamma = (1/pi) (1/(4 pi^2)) int_0^inf x^3 dx/(e^x + 1) int_{-1}^{1} (1 - cos)^2 dcos G_F^2 T^4 E
 *         = (1/(4 pi^3)) (7 pi^4/120) (8/3) G_F^2 T^4 E = (7 pi/180) G_F^2 T^4 E,
 * and the DHS channels of a nu_e (nu_mu) add up to 10.59 (7.50) such units (bbn_nu_cascade.c): C_e = 1.293,
 * C_mu = 0.917, the published values to 2% (the rest: Pauli blocking, Fermi-Dirac e+- statistics).
 * Before 2026-12-07 the code divided C G_F^2 T^4 E by 3.151 (bbn_nu_conversion.c) and used C G_F^2 T^5
 * (bbn_hnl.c): both rates 3.151 x too small.
 */
#include <math.h>

#include "bbn.h"
#include "fb_constants.h"

double bbn_nu_rate_s_unit(void) { return 7.0 * FB_PI / 180.0; }

double bbn_nu_rate_coef(int flavour) { return flavour == 0 ? FB_NU_RATE_C_E : FB_NU_RATE_C_MUTAU; }

double bbn_nu_rate_GeV(double C, double T_GeV, double p_GeV) {
  const double T2 = T_GeV * T_GeV;
  return C * FB_GF_GEV_M2 * FB_GF_GEV_M2 * T2 * T2 * p_GeV;
}

double bbn_nu_mean_p_over_T(void) { return 7.0 * pow(FB_PI, 4) / (180.0 * FB_ZETA3); }
