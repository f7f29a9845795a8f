/**
 * @file fb_alp_kinematics.c
 * @brief Phase-space and line-shape integrals of the exclusive hadronic ALP decays (fb_fip_alp.c): Dalitz
 *        integrals, a -> 3 pi for a given amplitude, the rho -> pi pi line shape in a -> pi pi gamma and
 *        a -> rho rho / rho omega, a0(980) exchange in M -> eta pi pi, K* exchange in a -> K K pi. No model
 *        couplings here: the ALP's flavour weights multiply these in fb_fip_alp.c. Split out of
 *        fb_fip_alp.c (issue 16: one idea per file); the physics and sources are stated at each function.
 */
#include "fb_alp_kinematics_internal.h"

#include <math.h>

#include "fb_constants.h"

/* Kinematic lambda function. */
double fb_alp_kallen(double a, double b, double c) { return a * a + b * b + c * c - 2.0 * (a * b + a * c + b * c); }

/* The integral over s of w(s) * sqrt(lambda(s, m1^2, m1^2)) * sqrt(lambda(M^2, s, m3^2)) / s between
 * (2 m1)^2 and (M - m3)^2 with the substitution s = smin + (smax - smin) sin^2 phi, which removes the
 * square-root end points. Gamma(M -> 1 1 3) = I / (256 pi^3 M^3) for a constant |A|^2 = 1 and w = 1
 * (PDG kinematics: d Gamma = |A|^2 ds12 ds23 / (256 pi^3 M^3)). */
double fb_alp_dalitz_integral(const gsl_integration_glfixed_table *t, double M, double m1, double m3,
                              fb_alp_weight_fn w, const double *p) {
  if (!(M > 2.0 * m1 + m3)) return 0.0;
  const double smin = 4.0 * m1 * m1, smax = (M - m3) * (M - m3);
  double sum = 0.0;
  for (size_t i = 0; i < t->n; i++) {
    double x, wi;
    gsl_integration_glfixed_point(0.0, 0.5 * FB_PI, i, &x, &wi, t);
    const double sn = sin(x), cs = cos(x);
    const double s = smin + (smax - smin) * sn * sn;
    const double jac = 2.0 * (smax - smin) * sn * cs;
    const double l1 = fb_alp_kallen(s, m1 * m1, m1 * m1), l2 = fb_alp_kallen(M * M, s, m3 * m3);
    const double f = sqrt(fmax(l1, 0.0)) * sqrt(fmax(l2, 0.0)) / s;
    sum += wi * jac * f * (w ? w(s, p) : 1.0);
  }
  return sum;
}

/* |alpha + beta (s - s0)|^2 with p = {Re alpha, Im alpha, Re beta, Im beta, s0}: the a -> pi+ pi- pi0
 * amplitude, linear in s = m^2(pi+ pi-) at leading order. */
static double weight_3pi(double s, const double *p) {
  const double re = p[0] + p[2] * (s - p[4]), im = p[1] + p[3] * (s - p[4]);
  return re * re + im * im;
}

/* The rho line shape (1/pi) m Gamma(s) / ((s - m^2)^2 + m^2 Gamma(s)^2), p-wave running width, times
 * (M^2 - s)^3: the integrand of Gamma(a -> rho(s) gamma -> pi+ pi- gamma). */
double fb_alp_rho_gamma_integral(const gsl_integration_glfixed_table *t, double M) {
  const double mpi = FB_MPI_CHARGED_GEV, mr = FB_MRHO_GEV;
  const double smin = 4.0 * mpi * mpi, smax = M * M;
  if (!(smax > smin)) return 0.0;
  const double p0 = sqrt(0.25 * mr * mr - mpi * mpi);
  double sum = 0.0;
  for (size_t i = 0; i < t->n; i++) {
    double x, wi;
    gsl_integration_glfixed_point(0.0, 1.0, i, &x, &wi, t);
    const double s = smin + (smax - smin) * x;
    const double p = sqrt(fmax(0.25 * s - mpi * mpi, 0.0));
    const double g = FB_ALP_GAMMA_RHO_GEV * (mr / sqrt(s)) * pow(p / p0, 3.0);
    const double bw = mr * g / (FB_PI * ((s - mr * mr) * (s - mr * mr) + mr * mr * g * g));
    const double k = smax - s;
    sum += wi * (smax - smin) * bw * k * k * k;
  }
  return sum;
}

/* ---------------------------------------------------------------- a0(980) exchange: M -> eta pi pi
 * Scalar nonet S coupled as lambda Tr[S d_mu Phi d^mu Phi] (the U(3)-symmetric derivative SPP coupling
 * of the scalar-exchange treatment of eta' -> eta pi pi, Fariborz and Schechter hep-ph/9902238, that
 * ASW use for a -> eta pi pi): for a diagonal source with quark weights A_q the a0 couplings are
 * g = lambda (A_u + A_d) for every charge (isospin), so M -> a0 pi -> eta pi pi has, with t and u the
 * (eta pi+) and (eta pi-) invariant masses,
 *   A = g_M g_eta [ (M^2 + m_pi^2 - t)(t - m_eta^2 - m_pi^2) / 4 / (t - m_a0^2 + i m_a0 Gamma_a0) + (t <-> u) ],
 * Gamma = |A|^2 dt du / (256 pi^3 M^3), 1/2 for pi0 pi0. I_a0(M) is that integral at g_M = g_eta = 1.
 * The same nonet coupling gives the s-channel sigma = f0(500) exchange (issue 13, third revision; ASW
 * include it): with the sigma ideally mixed, (u ubar + d dbar)/sqrt2, its vertices are
 * lambda sqrt2 c^eta_u (A_u + A_d) (p_M.p_eta) and lambda sqrt2 (p+.p-), i.e. in the units above (isospin,
 * c^eta_u = c^eta_d) the term (M^2 + m_eta^2 - s)(s - 2 m_pi^2) / 4 / (s - m_s^2 + i m_s Gamma_s), cut at
 * s = 4 m_K^2 as ASW (arXiv:1811.03474 supplemental eq. S33; the cut as in ALPaca arXiv:2508.08354).
 * The f0(980), ideally s sbar, has no pi pi coupling at this order (OZI) and is left out.
 * Stated approximations: constant a0 and sigma widths (no K Kbar Flatte shape, no Adler zero in the sigma
 * line shape), f2(1270) exchange not included. */
static double complex sigma_term(double M, double mpi, double me, double sv) {
  const double ms = FB_ALP_MSIGMA_GEV;
  if (sv >= 4.0 * FB_MK_CHARGED_GEV * FB_MK_CHARGED_GEV) return 0.0;
  return 0.25 * (M * M + me * me - sv) * (sv - 2.0 * mpi * mpi) / (sv - ms * ms + I * ms * FB_ALP_GAMMA_SIGMA_GEV);
}
static double complex a0_prop(double x) {
  return 1.0 / (x - FB_ALP_MA0_GEV * FB_ALP_MA0_GEV + I * FB_ALP_MA0_GEV * FB_ALP_GAMMA_A0_GEV);
}
static double complex a0_term(double M, double mpi, double me, double x) {
  return 0.25 * (M * M + mpi * mpi - x) * (x - me * me - mpi * mpi) * a0_prop(x);
}
double fb_alp_a0_integral(const gsl_integration_glfixed_table *tab, double M, double mpi, double meta) {
  const double m1 = meta, m2 = mpi, m3 = mpi;
  if (!(M > m1 + m2 + m3)) return 0.0;
  const double tmin = (m1 + m2) * (m1 + m2), tmax = (M - m3) * (M - m3);
  double sum = 0.0;
  for (size_t i = 0; i < tab->n; i++) {
    double x, wi;
    gsl_integration_glfixed_point(0.0, 0.5 * FB_PI, i, &x, &wi, tab);
    const double t = tmin + (tmax - tmin) * sin(x) * sin(x), jt = 2.0 * (tmax - tmin) * sin(x) * cos(x);
    /* m23^2 range at fixed m12^2 = t (PDG kinematics), u = m13^2 = M^2 + sum m^2 - t - m23^2 */
    const double rt = sqrt(t);
    const double e2 = (t - m1 * m1 + m2 * m2) / (2.0 * rt), e3 = (M * M - t - m3 * m3) / (2.0 * rt);
    const double p2 = sqrt(fmax(e2 * e2 - m2 * m2, 0.0)), p3 = sqrt(fmax(e3 * e3 - m3 * m3, 0.0));
    const double lo = (e2 + e3) * (e2 + e3) - (p2 + p3) * (p2 + p3), hi = (e2 + e3) * (e2 + e3) - (p2 - p3) * (p2 - p3);
    const double complex at = a0_term(M, mpi, meta, t);
    double inner = 0.0;
    for (size_t j = 0; j < tab->n; j++) {
      double y, wj;
      gsl_integration_glfixed_point(0.0, 0.5 * FB_PI, j, &y, &wj, tab);
      const double m23 = lo + (hi - lo) * sin(y) * sin(y), ju = 2.0 * (hi - lo) * sin(y) * cos(y);
      const double u = M * M + m1 * m1 + m2 * m2 + m3 * m3 - t - m23;
      const double complex amp = at + a0_term(M, mpi, meta, u) + sigma_term(M, mpi, meta, m23);
      inner += wj * ju * (creal(amp) * creal(amp) + cimag(amp) * cimag(amp));
    }
    sum += wi * jt * inner;
  }
  return sum / (256.0 * pow(FB_PI, 3) * M * M * M);
}

/* ---------------------------------------------------------------- K* exchange: a -> K* K -> K K pi
 * Vector nonet coupled to two pseudoscalars as i g Tr[V^mu [d_mu Phi, Phi]] (the VPP structure of
 * vector-meson dominance, used by ASW for a -> K K pi): for a diagonal source A_q the K*+ K- vertex is
 * g (A_u - A_s) (p_a + p_K).eps, the K*0 K0bar one g (A_d - A_s); K*+ -> K0 pi+, K+ pi0 have g and
 * g/sqrt2, so Gamma(K* -> K pi) = (3/2) g^2 p^3 / (6 pi m^2) fixes g from the PDG K* width. Then
 * Gamma(a -> K* Kbar + c.c.) = 2 (|A_u - A_s|^2 + |A_d - A_s|^2) g^2 J(m_a), with
 * J = int ds rho_K*(s) p*(m_a; sqrt s, m_K)^3 / (2 pi s) over the K* line shape (p-wave running width)
 * and BR(K* -> K pi) = 1. Stated approximations: the K* Kbar and Kbar* K bands are added without
 * interference, one kaon mass (charged), F(m_a) = 1. */
double fb_alp_kstar_gsq(void) {
  const double mv = FB_ALP_MKSTAR_GEV, mk = FB_MK_CHARGED_GEV, mp = FB_MPI0_GEV;
  const double p = sqrt(fb_alp_kallen(mv * mv, mk * mk, mp * mp)) / (2.0 * mv);
  return FB_ALP_GAMMA_KSTAR_GEV * 6.0 * FB_PI * mv * mv / (1.5 * p * p * p);
}
double fb_alp_kstar_J(const gsl_integration_glfixed_table *t, double M) {
  const double mv = FB_ALP_MKSTAR_GEV, mk = FB_MK_CHARGED_GEV, mp = FB_MPI0_GEV;
  const double smin = (mk + mp) * (mk + mp), smax = (M - mk) * (M - mk);
  if (!(smax > smin)) return 0.0;
  const double p0 = sqrt(fb_alp_kallen(mv * mv, mk * mk, mp * mp)) / (2.0 * mv);
  double sum = 0.0;
  for (size_t i = 0; i < t->n; i++) {
    double x, wi;
    gsl_integration_glfixed_point(0.0, 0.5 * FB_PI, i, &x, &wi, t);
    const double s = smin + (smax - smin) * sin(x) * sin(x), js = 2.0 * (smax - smin) * sin(x) * cos(x);
    const double q = sqrt(fmax(fb_alp_kallen(s, mk * mk, mp * mp), 0.0)) / (2.0 * sqrt(s));
    const double g = FB_ALP_GAMMA_KSTAR_GEV * (mv / sqrt(s)) * pow(q / p0, 3.0);
    const double bw = mv * g / (FB_PI * ((s - mv * mv) * (s - mv * mv) + mv * mv * g * g));
    const double ps = sqrt(fmax(fb_alp_kallen(M * M, s, mk * mk), 0.0)) / (2.0 * M);
    sum += wi * js * bw * ps * ps * ps / (2.0 * FB_PI * s);
  }
  return sum;
}

/* Gamma(M -> pi+ pi- pi0) and Gamma(M -> 3 pi0) for the amplitude (alpha, beta) (PDG three-body
 * kinematics; 1/3! for identical pi0). */
void fb_alp_width_3pi(const gsl_integration_glfixed_table *t, double m, double complex alpha, double complex beta,
                      double *w_c, double *w_0) {
  const double mc = FB_MPI_CHARGED_GEV, m0 = FB_MPI0_GEV;
  const double norm = 1.0 / (256.0 * pow(FB_PI, 3) * m * m * m);
  const double p[5] = {creal(alpha), cimag(alpha), creal(beta), cimag(beta), (m * m + 2.0 * mc * mc + m0 * m0) / 3.0};
  *w_c = norm * fb_alp_dalitz_integral(t, m, mc, m0, weight_3pi, p);
  *w_0 = norm * 9.0 * pow(cabs(alpha), 2) / 6.0 * fb_alp_dalitz_integral(t, m, m0, m0, NULL, NULL);
}

/* The rho line shape rho(s) = (1/pi) m Gamma(s) / ((s - m^2)^2 + m^2 Gamma(s)^2), p-wave running width
 * (as in rho_gamma_integral), integrated in phi with s = m_rho^2 + m_rho Gamma_rho tan(phi) (flat in phi
 * at the peak) between s_lo and s_hi: sum_i w_i rho(s_i) ds/dphi f(s_i). */
typedef double (*vv_fn)(double s, double m, const void *par);
static double rho_average(const gsl_integration_glfixed_table *t, double s_lo, double s_hi, double m, vv_fn f,
                          const void *par) {
  const double mr = FB_MRHO_GEV, g0 = FB_ALP_GAMMA_RHO_GEV, mpi = FB_MPI_CHARGED_GEV;
  if (!(s_hi > s_lo)) return 0.0;
  const double p0 = sqrt(0.25 * mr * mr - mpi * mpi);
  const double phi_lo = atan((s_lo - mr * mr) / (mr * g0)), phi_hi = atan((s_hi - mr * mr) / (mr * g0));
  double sum = 0.0;
  for (size_t i = 0; i < t->n; i++) {
    double phi, wi;
    gsl_integration_glfixed_point(phi_lo, phi_hi, i, &phi, &wi, t);
    const double tn = tan(phi), sv = mr * mr + mr * g0 * tn, jac = mr * g0 * (1.0 + tn * tn);
    const double p = sqrt(fmax(0.25 * sv - mpi * mpi, 0.0));
    const double g = g0 * (mr / sqrt(sv)) * pow(p / p0, 3.0);
    const double bw = mr * g / (FB_PI * ((sv - mr * mr) * (sv - mr * mr) + mr * mr * g * g));
    sum += wi * jac * bw * f(sv, m, par);
  }
  return sum;
}
/* p^3 of a -> rho(sqrt s) omega (omega narrow) */
static double vv_omega(double s, double m, const void *par) {
  (void)par;
  return fb_alp_vv_p3(m, sqrt(s), FB_MOMEGA_GEV);
}
/* p^3 of a -> rho(sqrt s1) rho(sqrt s2), s1 passed in par */
static double vv_second_rho(double s2, double m, const void *par) { return fb_alp_vv_p3(m, sqrt(*(const double *)par), sqrt(s2)); }
typedef struct vv_outer_par {
  const gsl_integration_glfixed_table *t;
} vv_outer_par;
/* the second rho's line-shape average of p^3 at first-rho mass sqrt(s1) */
static double vv_first_rho(double s1, double m, const void *par) {
  const double lo = 4.0 * FB_MPI_CHARGED_GEV * FB_MPI_CHARGED_GEV, hi = (m - sqrt(s1)) * (m - sqrt(s1));
  return rho_average(((const vv_outer_par *)par)->t, lo, hi, m, vv_second_rho, &s1);
}
/* <p^3> over the rho line shape(s) for rho rho (which = 0) and rho omega (which = 1) at ALP mass m */
double fb_alp_vv_rho_p3(const gsl_integration_glfixed_table *t, double m, int which) {
  const double lo = 4.0 * FB_MPI_CHARGED_GEV * FB_MPI_CHARGED_GEV;
  const vv_outer_par par = {t};
  if (which == 0) {
    const double hi = (m - 2.0 * FB_MPI_CHARGED_GEV) * (m - 2.0 * FB_MPI_CHARGED_GEV);
    return rho_average(t, lo, hi, m, vv_first_rho, &par);
  }
  return rho_average(t, lo, (m - FB_MOMEGA_GEV) * (m - FB_MOMEGA_GEV), m, vv_omega, NULL);
}

double fb_alp_vv_p3(double m, double m1, double m2) {
  if (!(m > m1 + m2)) return 0.0;
  const double p = sqrt(fb_alp_kallen(m * m, m1 * m1, m2 * m2)) / (2.0 * m);
  return p * p * p;
}

/* int ds dt |A(s, t, u)|^2 over the Dalitz plot of M -> 1 1' 3 (m(1) = m(1') = m1; s = (p1 + p1')^2,
 * t = (p1 + p3)^2, u = (p1' + p3)^2): s as in fb_alp_dalitz_integral, t through the angle of 3 in the
 * (1 1') rest frame, t = m1^2 + m3^2 + 2 (E1 E3 - p1 p3 cos theta), dt = 2 p1 p3 dcos theta.
 * Gamma = I / (256 pi^3 M^3) (PDG kinematics), times 1/2 for identical 1, 1'. */
double fb_alp_dalitz_st(const gsl_integration_glfixed_table *ts, const gsl_integration_glfixed_table *tc, double M,
                        double m1, double m3, fb_alp_amp_fn amp, const void *p) {
  if (!(M > 2.0 * m1 + m3)) return 0.0;
  const double smin = 4.0 * m1 * m1, smax = (M - m3) * (M - m3), sig = M * M + 2.0 * m1 * m1 + m3 * m3;
  double sum = 0.0;
  for (size_t i = 0; i < ts->n; i++) {
    double x, wi;
    gsl_integration_glfixed_point(0.0, 0.5 * FB_PI, i, &x, &wi, ts);
    const double sn = sin(x), cs = cos(x);
    const double s = smin + (smax - smin) * sn * sn, jac = 2.0 * (smax - smin) * sn * cs;
    const double rs = sqrt(s), e1 = 0.5 * rs, p1 = sqrt(fmax(0.25 * s - m1 * m1, 0.0));
    const double e3 = (M * M - s - m3 * m3) / (2.0 * rs), p3 = sqrt(fmax(e3 * e3 - m3 * m3, 0.0));
    double inner = 0.0;
    for (size_t j = 0; j < tc->n; j++) {
      double c, wj;
      gsl_integration_glfixed_point(-1.0, 1.0, j, &c, &wj, tc);
      const double t = m1 * m1 + m3 * m3 + 2.0 * (e1 * e3 - p1 * p3 * c);
      const double complex a = amp(s, t, sig - s - t, p);
      inner += wj * (creal(a) * creal(a) + cimag(a) * cimag(a));
    }
    sum += wi * jac * 2.0 * p1 * p3 * inner;
  }
  return sum;
}

/* ---------------------------------------------------------------- ASW's a -> 3 pi (fb_fip_alp.c asw_3pi_coeffs)
 * A(pi+ pi- pi0)(s, t, u), s = m^2(pi+ pi-), t, u = m^2(pi+- pi0): sqrt(K) (alpha + beta (s - s0)) plus
 * rho(770)+- exchange in t and u, m_rho^2 X [s^2 + t^2 + u^2 - s Sigma + M^2 (3 s - Sigma)] /
 * (2 F0^2 (t - M^2)(M^2 - u)), M^2 = m_rho^2 - i m_rho Gamma_rho (constant width, the rho0 PDG values for
 * rho+-), Sigma = s + t + u, F0 = f_pi/sqrt2 (ASW arXiv:1811.03474 supplemental eq. S32, as transcribed in
 * ALPaca arXiv:2508.08354; symmetric under t <-> u). A(3 pi0) = 3 sqrt(K) alpha (eq. S31). */
static double complex asw_amp_charged(double sv, double t, double u, const void *p) {
  const fb_alp_asw3pi *a = p;
  const double mr = FB_MRHO_GEV, F02 = 0.5 * FB_FPI_GEV * FB_FPI_GEV, sig = sv + t + u;
  const double complex M2 = mr * mr - I * mr * FB_ALP_GAMMA_RHO_GEV;
  const double complex rho = mr * mr * a->X * (sv * sv + t * t + u * u - sv * sig + M2 * (3.0 * sv - sig)) /
                             (2.0 * F02 * (t - M2) * (M2 - u));
  return a->sqK * (a->alpha + a->beta * (sv - a->s0)) + rho;
}

void fb_alp_asw_3pi_widths(const gsl_integration_glfixed_table *t, double m, const fb_alp_asw3pi *a, double *w_c,
                           double *w_0) {
  const double norm = 1.0 / (256.0 * pow(FB_PI, 3) * m * m * m);
  *w_c = norm * fb_alp_dalitz_st(t, t, m, FB_MPI_CHARGED_GEV, FB_MPI0_GEV, asw_amp_charged, a);
  *w_0 = norm * 9.0 * a->sqK * a->sqK * pow(cabs(a->alpha), 2) / 6.0 *
         fb_alp_dalitz_integral(t, m, FB_MPI0_GEV, FB_MPI0_GEV, NULL, NULL);
}
