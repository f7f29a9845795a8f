/**
 * @file fb_hb_alp.c
 * @brief HB-star Primakoff bound on BC9 ALPs; see fb_hb_alp.h.
 */
#include "fb_hb_alp.h"

#include <math.h>

#include "fb_constants.h"
#include "fb_quad.h"
#include "fb_sn_alp.h"

void fb_hb_options_default(fb_hb_options *o) {
  o->T_K = 0.7e8;          /* average HB core, Raffelt, Stars as Laboratories (1996) sec. 2.5; hep-ph/0611350 sec. 3 */
  o->rho_g_cm3 = 0.6e4;    /* idem */
  o->Y_He = 1.0;
  o->eps_max_erg_g_s = 10.0; /* Raffelt (1996) eq. (2.40): eps_x <~ 10 erg/g/s for HB cores */
  o->coalescence = 1;
}

typedef struct hb_par {
  double T, kappa2, m, g, wp2;
} hb_par;

/* Primakoff rate gamma -> a [GeV] for photon energy omega (massless photon, momentum k = omega),
 * ALP momentum p = sqrt(omega^2 - m^2), screening scale kappa (Di Lella et al. hep-ph/0006327 eq. 3):
 * Gamma = g^2 T kappa^2/(32 pi) (p/k) { [((k+p)^2+kappa^2)((k-p)^2+kappa^2)/(4 k p kappa^2)]
 *         ln[((k+p)^2+kappa^2)/((k-p)^2+kappa^2)] - [(k^2-p^2)^2/(4 k p kappa^2)] ln[(k+p)^2/(k-p)^2] - 1 },
 * which for m -> 0 is Raffelt's (1+kappa^2/4 omega^2) ln(1 + 4 omega^2/kappa^2) - 1. */
static double primakoff_rate(double om, const hb_par *q) {
  double k = om, p2 = om * om - q->m * q->m;
  if (!(p2 > 0)) return 0.0;
  double p = sqrt(p2), K2 = q->kappa2;
  double a = (k + p) * (k + p), b = (k - p) * (k - p);
  double t1 = (a + K2) * (b + K2) / (4.0 * k * p * K2) * log((a + K2) / (b + K2));
  double t2 = b > 0 ? (k * k - p2) * (k * k - p2) / (4.0 * k * p * K2) * log(a / b) : 0.0;
  double br = t1 - t2 - 1.0;
  if (br < 0) br = 0.0; /* rounding for p -> k */
  return q->g * q->g * q->T * K2 / (32.0 * FB_PI) * (p / k) * br;
}

/* Integrand of Q in x = omega/T: T^4 x^3 Gamma/(pi^2 (e^x - 1)) */
static double q_integrand(double x, void *vp) {
  const hb_par *q = vp;
  double om = x * q->T;
  return q->T * om * om * om * primakoff_rate(om, q) / (FB_PI * FB_PI * expm1(x));
}

/* Photon coalescence gamma gamma -> a (Carenza et al. arXiv:2004.08399 for HB/globular-cluster stars):
 * energy emitted per volume T E dN/(dV dt dE) in x = E/T, with the rate of fb_sn_alp_coalescence_GeV3
 * (detailed balance with the Bose-enhanced decay; Boltzmann limit g^2 m^4 p (1 - 4 wp^2/m^2)^{3/2}
 * e^{-E/T}/(128 pi^3)). */
static double coal_integrand(double x, void *vp) {
  const hb_par *q = vp;
  double E = x * q->T;
  return q->T * E * q->g * q->g * fb_sn_alp_coalescence_GeV3(E, q->m, q->wp2, q->T);
}

int fb_hb_alp_eps_erg_g_s(const fb_hb_options *o, double mass_GeV, double g_GeV, double *eps, fb_err *err) {
  FB_TEST(err, !(o->T_K > 0 && o->rho_g_cm3 > 0 && o->Y_He >= 0 && o->Y_He <= 1 && o->eps_max_erg_g_s > 0),
          FB_ERR_RANGE, "HB options out of range: T_K = %g > 0, rho_g_cm3 = %g > 0, 0 <= Y_He = %g <= 1, "
          "eps_max_erg_g_s = %g > 0", o->T_K, o->rho_g_cm3, o->Y_He, o->eps_max_erg_g_s);
  FB_TEST(err, !(mass_GeV >= 0 && g_GeV > 0), FB_ERR_RANGE, "mass_GeV = %g must be >= 0 and g = %g > 0", mass_GeV,
          g_GeV);
  hb_par q;
  q.T = o->T_K * FB_K_TO_GEV;
  q.m = mass_GeV;
  q.g = g_GeV;
  /* Debye-Hueckel screening kappa^2 = (4 pi alpha/T) sum_j Z_j^2 n_j over electrons and ions of a
   * non-degenerate H/He plasma (Raffelt 1986): per baryon, He contributes Y/4 nuclei with Z^2 = 4
   * and Y/2 electrons, H contributes X protons and X electrons. */
  double X = 1.0 - o->Y_He, nB = o->rho_g_cm3 / (FB_AMU_GEV * FB_GEV_G) * pow(FB_HBARC_GEV_CM, 3); /* GeV^3 */
  double sumZ2n = nB * (o->Y_He / 4.0 * 4.0 + o->Y_He / 2.0 + 2.0 * X);
  q.kappa2 = 4.0 * FB_PI * FB_ALPHA_EM / q.T * sumZ2n;
  /* plasma frequency of the non-degenerate, non-relativistic electrons: omega_p^2 = 4 pi alpha n_e/m_e
   * (standard result, e.g. Raffelt, Stars as Laboratories (1996) ch. 6); ~1.6 keV at the default core */
  q.wp2 = 4.0 * FB_PI * FB_ALPHA_EM * nB * (o->Y_He / 2.0 + X) / FB_ME_GEV;
  fb_quad Qd;
  FB_CALL(err, fb_quad_init(&Qd, 200, 0.0, 1e-8, err));
  double Q, QC = 0.0, aerr;
  double x0 = mass_GeV / q.T;
  int rc = fb_quad_upper(&Qd, q_integrand, &q, x0, &Q, &aerr, err);
  if (rc == FB_OK && o->coalescence && mass_GeV * mass_GeV > 4.0 * q.wp2)
    rc = fb_quad_upper(&Qd, coal_integrand, &q, x0, &QC, &aerr, err);
  fb_quad_free(&Qd);
  if (rc != FB_OK)
    return fb_err_push(err, rc, __func__, __LINE__, "fb_quad_upper (Primakoff/coalescence energy loss)");
  Q += QC;
  /* Q [GeV^5] -> erg/cm^3/s: GeV/GeV^-3/GeV^-1 = GeV^5; per cm^3: / (hbar c)^3; per s: / hbar */
  double Q_erg_cm3_s = Q / pow(FB_HBARC_GEV_CM, 3) / FB_HBAR_GEV_S / FB_ERG_TO_GEV;
  *eps = Q_erg_cm3_s / o->rho_g_cm3;
  return FB_OK;
}

int fb_hb_alp_g_max_GeV(const fb_hb_options *o, double mass_GeV, double *g_max, fb_err *err) {
  const double g_ref = 1e-10; /* eps ~ g^2 exactly: any reference coupling */
  double eps;
  FB_CALL(err, fb_hb_alp_eps_erg_g_s(o, mass_GeV, g_ref, &eps, err));
  *g_max = eps > 0 ? g_ref * sqrt(o->eps_max_erg_g_s / eps) : INFINITY;
  return FB_OK;
}
