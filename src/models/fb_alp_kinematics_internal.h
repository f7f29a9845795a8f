/**
 * @file fb_alp_kinematics_internal.h
 * @brief Phase-space and line-shape integrals of the exclusive hadronic ALP decays (fb_alp_kinematics.c),
 *        used by the BC10/BC11 model (fb_fip_alp.c). Internal to src/models. t: a Gauss-Legendre table.
 */
#ifndef FB_ALP_KINEMATICS_INTERNAL_H
#define FB_ALP_KINEMATICS_INTERNAL_H

#include <complex.h>

#include <gsl/gsl_integration.h>

/** Kallen function lambda(a, b, c). */
double fb_alp_kallen(double a, double b, double c);

/** Weight of fb_alp_dalitz_integral, w(s; p). */
typedef double (*fb_alp_weight_fn)(double s, const double *p);

/** int ds w(s) sqrt(lambda(s, m1^2, m1^2)) sqrt(lambda(M^2, s, m3^2)) / s over (2 m1)^2 .. (M - m3)^2 (w NULL: 1);
 *  Gamma(M -> 1 1 3) = I / (256 pi^3 M^3) for |A|^2 = 1. */
double fb_alp_dalitz_integral(const gsl_integration_glfixed_table *t, double M, double m1, double m3,
                              fb_alp_weight_fn w, const double *p);

/** int ds rho-line shape (M^2 - s)^3 of a -> rho gamma -> pi+ pi- gamma [GeV^6]. */
double fb_alp_rho_gamma_integral(const gsl_integration_glfixed_table *t, double M);

/** Gamma(M -> X pi pi) through a0(980) and sigma exchange at unit couplings (mpi: the pion pair's mass;
 *  meta: the mass of X = eta or eta'). */
double fb_alp_a0_integral(const gsl_integration_glfixed_table *tab, double M, double mpi, double meta);

/** VPP coupling g^2 from Gamma(K* -> K pi), and J(M) of a -> K* K -> K K pi. */
double fb_alp_kstar_gsq(void);
double fb_alp_kstar_J(const gsl_integration_glfixed_table *t, double M);

/** Gamma(M -> pi+ pi- pi0) and Gamma(M -> 3 pi0) for the linear amplitude alpha + beta (s - s0). */
void fb_alp_width_3pi(const gsl_integration_glfixed_table *t, double m, double complex alpha, double complex beta,
                      double *w_c, double *w_0);

/** Amplitude A(s, t, u) of a three-body decay (fb_alp_dalitz_st); p: its parameters. */
typedef double complex (*fb_alp_amp_fn)(double s, double t, double u, const void *p);

/** int ds dt |A|^2 over the Dalitz plot of M -> 1 1' 3 (m(1) = m(1') = m1, s = m^2(1 1'), t = m^2(1 3));
 *  Gamma = I / (256 pi^3 M^3) (1/2 more for identical 1, 1'). ts, tc: quadratures in s and cos theta. */
double fb_alp_dalitz_st(const gsl_integration_glfixed_table *ts, const gsl_integration_glfixed_table *tc, double M,
                        double m1, double m3, fb_alp_amp_fn amp, const void *p);

/** ASW's a -> 3 pi amplitude (arXiv:1811.03474 eqs. S31, S32; coefficients from fb_fip_alp.c asw_3pi_coeffs):
 *  chiral alpha, beta (per unit coupling), rho+- exchange weight X, s0 = (m^2 + 2 m_pi+^2 + m_pi0^2)/3, sqrt(K). */
typedef struct fb_alp_asw3pi {
  double complex alpha, beta, X;
  double s0, sqK;
} fb_alp_asw3pi;

/** Gamma(m -> pi+ pi- pi0) and Gamma(m -> 3 pi0) per unit coupling^2 for ASW's amplitude a. */
void fb_alp_asw_3pi_widths(const gsl_integration_glfixed_table *t, double m, const fb_alp_asw3pi *a, double *w_c,
                           double *w_0);

/** <p^3> of a -> rho rho (which = 0) and rho omega (which = 1) over the rho line shape(s), and p^3 of a -> 1 2. */
double fb_alp_vv_rho_p3(const gsl_integration_glfixed_table *t, double m, int which);
double fb_alp_vv_p3(double m, double m1, double m2);

#endif
