/**
 * @file fb_hb_alp.c
 * @brief HB-star Primakoff bound on BC9 ALPs; see fb_hb_alp.h.
 */
#include "fb_hb_alp.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_odeiv2.h>
#include <gsl/gsl_sf_expint.h>
#include <math.h>
#include <stdlib.h>

#include "fb_constants.h"
#include "fb_quad.h"
#include "fb_sn_alp.h"

void fb_hb_options_default(fb_hb_options *o) {
  o->core = FB_HB_ONE_ZONE;
  o->polytrope_n = 1.5;    /* fully convective core: adiabatic ideal monatomic gas, Chandrasekhar (1939) ch. IV */
  o->T_K = 0.7e8;          /* average HB core, Raffelt, Stars as Laboratories (1996) sec. 2.5; hep-ph/0611350 sec. 3 */
  o->rho_g_cm3 = 0.6e4;    /* idem */
  o->Y_He = 1.0;
  o->eps_max_erg_g_s = 10.0; /* Raffelt (1996) eq. (2.40): eps_x <~ 10 erg/g/s for HB cores */
  o->coalescence = 1;
  o->decay = FB_HB_DECAY_CORE; /* decays inside the core are no loss (issue 16; arXiv:2004.08399, 2203.01336) */
  o->r_core_km = 0.0;          /* the polytrope radius of the core */
}

typedef struct hb_par {
  double T_GeV, kappa2_GeV2, m_GeV, g_invGeV, wp2_GeV2; /* temperature, Debye scale^2, ALP mass, coupling, plasma frequency^2 */
  double R_cm, r_cm; /* core radius (<= 0: decays not counted) and emission radius (0: the centre) */
} hb_par;

double fb_hb_alp_decay_length_cm(double E_GeV, double mass_GeV, double g_GeV, double wp2_GeV2, double T_GeV) {
  /* lab-frame absorption rate by decays g^2 Gamma (m/E) B (fb_sn_alp.h) over the velocity p/E */
  double rate = g_GeV * g_GeV * fb_sn_alp_decay_reduced_GeV(E_GeV, mass_GeV, wp2_GeV2, T_GeV);
  if (!(rate > 0) || !(E_GeV > mass_GeV)) return INFINITY;
  return sqrt(E_GeV * E_GeV - mass_GeV * mass_GeV) / E_GeV / rate * FB_HBARC_GEV_CM;
}

/* Probability that an ALP emitted isotropically at radius r inside a sphere of radius R decays outside it, for the
 * decay length lam: the direction average (1/2) int dmu exp(-s(mu)/lam) over the chord s = -r mu + sqrt(R^2 -
 * r^2 (1 - mu^2)); with s as variable, dmu = -(R^2 - r^2 + s^2)/(2 r s^2) ds, it is
 * (1/4r) int_a^b e^{-s/lam} (1 + (R^2 - r^2)/s^2) ds, a = R - r, b = R + r, and int e^{-s/lam}/s^2 ds =
 * [-e^{-s/lam}/s] + E_1(s/lam)/lam. Written with e^{-a/lam} factored out and E_1 scaled (e^x E_1(x)), 1 - e^{-2r/lam}
 * by expm1 (lam >> R); at the centre (r < 1e-6 R: cancellation) it is exp(-R/lam). */
double fb_hb_escape_probability(double r, double R, double lam) {
  if (!(r >= 0.0) || !(r < R)) return NAN; /* defined inside the sphere only (at r = R, E_1(0) diverges) */
  if (!(lam < INFINITY) || R < 1e-12 * lam) return 1.0; /* 1 - P ~ R/lam below 1e-12 */
  if (!(r > 1e-6 * R)) return exp(-R / lam);
  const double a = R - r, b = R + r, e2 = exp(-2.0 * r / lam);
  const double br = -lam * expm1(-2.0 * r / lam) + (R * R - r * r) * (1.0 / a - e2 / b - (gsl_sf_expint_E1_scaled(a / lam) -
                                                                             e2 * gsl_sf_expint_E1_scaled(b / lam)) / lam);
  const double P = exp(-a / lam) * br / (4.0 * r);
  return P < 0 ? 0.0 : (P > 1 ? 1.0 : P);
}

/* Escape factor of an ALP of energy E emitted in the zone of q (1 without decays) */
static double hb_escape(double E, const hb_par *q) {
  if (!(q->R_cm > 0) || !(E > q->m_GeV)) return 1.0;
  /* R/lambda without the stimulated factor B: below 1e-9 the escape factor is 1 to 1e-9 (B - 1), and the costly B
   * (profiled: 40 % of a scan point) is skipped */
  const double x_vac = q->R_cm / FB_HBARC_GEV_CM * q->g_invGeV * q->g_invGeV *
                       fb_sn_alp_decay_width_GeV(q->m_GeV, q->wp2_GeV2) * q->m_GeV / sqrt(E * E - q->m_GeV * q->m_GeV);
  if (x_vac < 1e-9) return exp(-x_vac);
  return fb_hb_escape_probability(q->r_cm, q->R_cm,
                            fb_hb_alp_decay_length_cm(E, q->m_GeV, q->g_invGeV, q->wp2_GeV2, q->T_GeV));
}

/* Primakoff rate gamma -> a [GeV] for photon energy omega (massless photon, momentum k = omega),
 * ALP momentum p = sqrt(omega^2 - m^2), screening scale kappa (Di Lella et al. hep-ph/0006327 eq. 3):
 * Gamma = g^2 T kappa^2/(32 pi) (p/k) { [((k+p)^2+kappa^2)((k-p)^2+kappa^2)/(4 k p kappa^2)]
 *         ln[((k+p)^2+kappa^2)/((k-p)^2+kappa^2)] - [(k^2-p^2)^2/(4 k p kappa^2)] ln[(k+p)^2/(k-p)^2] - 1 },
 * which for m -> 0 is Raffelt's (1+kappa^2/4 omega^2) ln(1 + 4 omega^2/kappa^2) - 1. */
static double primakoff_rate(double om, const hb_par *q) {
  double k = om, p2 = om * om - q->m_GeV * q->m_GeV;
  if (!(p2 > 0)) return 0.0;
  double p = sqrt(p2), K2 = q->kappa2_GeV2;
  double a = (k + p) * (k + p), b = (k - p) * (k - p);
  double t1 = (a + K2) * (b + K2) / (4.0 * k * p * K2) * log((a + K2) / (b + K2));
  double t2 = b > 0 ? (k * k - p2) * (k * k - p2) / (4.0 * k * p * K2) * log(a / b) : 0.0;
  double br = t1 - t2 - 1.0;
  if (br < 0) br = 0.0; /* rounding for p -> k */
  return q->g_invGeV * q->g_invGeV * q->T_GeV * K2 / (32.0 * FB_PI) * (p / k) * br;
}

/* Integrand of Q in x = omega/T: T^4 x^3 Gamma/(pi^2 (e^x - 1)) */
static double q_integrand(double x, void *vp) {
  const hb_par *q = vp;
  double om = x * q->T_GeV;
  return q->T_GeV * om * om * om * primakoff_rate(om, q) / (FB_PI * FB_PI * expm1(x)) * hb_escape(om, q);
}

/* Photon coalescence gamma gamma -> a (Carenza et al. arXiv:2004.08399 for HB/globular-cluster stars):
 * energy emitted per volume T E dN/(dV dt dE) in x = E/T, with the rate of fb_sn_alp_coalescence_GeV3
 * (detailed balance with the Bose-enhanced decay; Boltzmann limit g^2 m^4 p (1 - 4 wp^2/m^2)^{3/2}
 * e^{-E/T}/(128 pi^3)). */
static double coal_integrand(double x, void *vp) {
  const hb_par *q = vp;
  double E = x * q->T_GeV;
  return q->T_GeV * E * q->g_invGeV * q->g_invGeV * fb_sn_alp_coalescence_GeV3(E, q->m_GeV, q->wp2_GeV2, q->T_GeV) *
         hb_escape(E, q);
}

/* int_x0^inf of f. With decays in the core the integrand is cut off near threshold by e^{-R/lambda} (lambda ~ p) and can
 * be ~1e-60 in cold polytrope zones, where QAGIU stops on its roundoff flag or the interval limit one digit short of
 * epsrel = 1e-8 (measured: 2e-4 - 3e-4 relative): such a result is accepted when its error estimate is below 1e-3
 * of it (g_low moves by < 5e-4, g_high far less), or below 10 x the absolute tolerance of zone_eps (a negligible cold
 * zone, where QAGIU may also call the integral divergent) */
static int hb_quad(fb_quad *Qd, fb_quad_fn f, hb_par *q, double x0, double *out, fb_err *err) {
  double aerr;
  int rc = fb_quad_upper(Qd, f, q, x0, out, &aerr, err);
  if (rc == FB_ERR_GSL && q->R_cm > 0 && isfinite(*out) && (aerr <= 1e-3 * fabs(*out) || aerr <= 10.0 * Qd->epsabs)) {
    fb_err_clear(err);
    rc = FB_OK;
  }
  return rc;
}

/* Energy-loss rate per unit mass [erg/g/s] of one zone at (T_K, rho_g_cm3), at radius r_cm of a core of radius R_cm
 * (R_cm <= 0: decays not counted). q_scale (NULL: none): the largest Q [GeV^5] of the zones done so far, updated; with
 * decays the zone integrals are asked to 1e-10 of it in absolute terms (cold zones whose escaping emission is ~1e-60
 * and negligible need no 1e-8 relative accuracy, which QAGIU cannot reach there). */
static int zone_eps(const fb_hb_options *o, double T_K, double rho_g_cm3, double mass_GeV, double g_GeV, double R_cm,
                    double r_cm, double *q_scale, double *eps, fb_err *err) {
  hb_par q;
  q.R_cm = R_cm;
  q.r_cm = r_cm;
  q.T_GeV = T_K * FB_K_TO_GEV;
  q.m_GeV = mass_GeV;
  q.g_invGeV = g_GeV;
  /* Debye-Hueckel screening kappa^2 = (4 pi alpha/T) sum_j Z_j^2 n_j over electrons and ions of a
   * non-degenerate H/He plasma (Raffelt 1986): per baryon, He contributes Y/4 nuclei with Z^2 = 4
   * and Y/2 electrons, H contributes X protons and X electrons. */
  double X = 1.0 - o->Y_He, nB = rho_g_cm3 / (FB_AMU_GEV * FB_GEV_G) * pow(FB_HBARC_GEV_CM, 3); /* GeV^3 */
  double sumZ2n = nB * (o->Y_He / 4.0 * 4.0 + o->Y_He / 2.0 + 2.0 * X);
  q.kappa2_GeV2 = 4.0 * FB_PI * FB_ALPHA_EM / q.T_GeV * sumZ2n;
  /* plasma frequency of the non-degenerate, non-relativistic electrons: omega_p^2 = 4 pi alpha n_e/m_e
   * (standard result, e.g. Raffelt, Stars as Laboratories (1996) ch. 6); ~1.6 keV at the default core */
  q.wp2_GeV2 = 4.0 * FB_PI * FB_ALPHA_EM * nB * (o->Y_He / 2.0 + X) / FB_ME_GEV;
  fb_quad Qd;
  FB_CALL(err, fb_quad_init(&Qd, 200, R_cm > 0 && q_scale ? 1e-10 * *q_scale : 0.0, 1e-8, err));
  double Q, QC = 0.0;
  double x0 = mass_GeV / q.T_GeV;
  int rc = hb_quad(&Qd, q_integrand, &q, x0, &Q, err);
  if (rc == FB_OK && o->coalescence && mass_GeV * mass_GeV > 4.0 * q.wp2_GeV2)
    rc = hb_quad(&Qd, coal_integrand, &q, x0, &QC, err);
  fb_quad_free(&Qd);
  if (rc != FB_OK)
    return fb_err_push(err, rc, __func__, __LINE__, "fb_quad_upper (Primakoff/coalescence energy loss)");
  Q += QC;
  if (q_scale && Q > *q_scale) *q_scale = Q;
  /* Q [GeV^5] -> erg/cm^3/s: GeV/GeV^-3/GeV^-1 = GeV^5; per cm^3: / (hbar c)^3; per s: / hbar */
  double Q_erg_cm3_s = Q / pow(FB_HBARC_GEV_CM, 3) / FB_HBAR_GEV_S / FB_ERG_TO_GEV;
  *eps = Q_erg_cm3_s / rho_g_cm3;
  return FB_OK;
}

/* Lane-Emden equation theta'' = -theta^n - 2 theta'/xi (theta^n := 0 for theta < 0), y = (theta, theta'). */
static int lane_emden_rhs(double xi, const double y[], double f[], void *par) {
  double n = *(const double *)par;
  f[0] = y[1];
  f[1] = -(y[0] > 0 ? pow(y[0], n) : 0.0) - 2.0 * y[1] / xi;
  return GSL_SUCCESS;
}

/* The regular series at the centre, theta = 1 - xi^2/6 + n xi^4/120 (Chandrasekhar 1939 ch. IV), started at
 * LE_XI0 to avoid the 1/xi singularity. */
#define LE_XI0 1e-4
static void lane_emden_start(double n, double y[2]) {
  double x = LE_XI0;
  y[0] = 1.0 - x * x / 6.0 + n * x * x * x * x / 120.0;
  y[1] = -x / 3.0 + n * x * x * x / 30.0;
}

typedef struct le_solver {
  double n;
  gsl_odeiv2_system sys;
  gsl_odeiv2_driver *d;
} le_solver;

static int le_init(le_solver *s, double n, fb_err *err) {
  FB_TEST(err, !(n >= 0 && n <= 4.5), FB_ERR_RANGE, "polytropic index n = %g must be in [0, 4.5]", n);
  s->n = n;
  s->sys = (gsl_odeiv2_system){lane_emden_rhs, NULL, 2, &s->n};
  s->d = gsl_odeiv2_driver_alloc_y_new(&s->sys, gsl_odeiv2_step_rk8pd, 1e-3, 1e-12, 1e-12);
  FB_TEST(err, !s->d, FB_ERR_MEMORY, "cannot allocate the Lane-Emden ODE driver");
  return FB_OK;
}

/* Advance (xi, y) to xi_to. */
static int le_apply(le_solver *s, double *xi, double y[2], double xi_to, fb_err *err) {
  if (xi_to <= *xi) return FB_OK;
  int st = gsl_odeiv2_driver_apply(s->d, xi, xi_to, y);
  FB_TEST(err, st != GSL_SUCCESS, FB_ERR_GSL, "Lane-Emden integration (n = %g) failed at xi = %g: %s", s->n, *xi,
          gsl_strerror(st));
  return FB_OK;
}

/* First zero of theta: march in steps of 0.01, then bisect the bracketing step from its saved start. */
static int le_xi1(le_solver *s, double *xi1, fb_err *err) {
  double xi = LE_XI0, y[2];
  lane_emden_start(s->n, y);
  gsl_odeiv2_driver_reset(s->d);
  const double h = 0.01;
  while (y[0] > 0) {
    FB_TEST(err, xi > 50.0, FB_ERR_NUMERIC, "Lane-Emden theta (n = %g) has no zero below xi = 50", s->n);
    double xa = xi, ya[2] = {y[0], y[1]};
    FB_CALL(err, le_apply(s, &xi, y, xa + h, err));
    if (y[0] <= 0) {
      double lo = xa, hi = xa + h;
      for (int it = 0; it < 50; it++) {
        double mid = 0.5 * (lo + hi), x = xa, ym[2] = {ya[0], ya[1]};
        gsl_odeiv2_driver_reset(s->d);
        FB_CALL(err, le_apply(s, &x, ym, mid, err));
        if (ym[0] > 0) lo = mid; else hi = mid;
      }
      *xi1 = 0.5 * (lo + hi);
      return FB_OK;
    }
  }
  *xi1 = xi; /* not reached: the loop exits only through the bracket */
  return FB_OK;
}

int fb_hb_lane_emden_xi1(double n, double *xi1, fb_err *err) {
  le_solver s;
  FB_CALL(err, le_init(&s, n, err));
  int rc = le_xi1(&s, xi1, err);
  gsl_odeiv2_driver_free(s.d);
  return rc == FB_OK ? FB_OK : fb_err_push(err, rc, __func__, __LINE__, "le_xi1");
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Number of Gauss-Legendre nodes over [0, xi_1] for the mass average: 48 and 96 nodes differ by < 1e-6
 * (measured for n = 0, 1.5, 3, 4.5 and m_a = 0-200 keV at T_c = 1.1e8 K, rho_c = 1e4 g/cm^3). */
#define HB_POLY_NODES 48
/* Zones colder than theta = 0.05 are left out of the emission (kept in the mass): measured change of <eps>
 * < 1e-7 for n = 0-4.5 and m_a = 0-200 keV at T_c = 1.1e8 K, rho_c = 1e4 g/cm^3 (light-ALP emission per mass
 * ~ T^7/rho ~ theta^{7-n}); colder, strongly screened zones only meet quadrature roundoff. */
#define HB_THETA_MIN 0.05

/* Mass average over the polytrope: <eps> = int xi^2 theta^n eps(T_c theta, rho_c theta^n) dxi /
 * int xi^2 theta^n dxi. */
static int polytrope_eps(const fb_hb_options *o, double mass_GeV, double g_GeV, double R_cm, double *eps, fb_err *err) {
  le_solver s;
  FB_CALL(err, le_init(&s, o->polytrope_n, err));
  double xi1 = 0, x[HB_POLY_NODES][2]; /* (xi, weight) sorted by xi */
  int rc = le_xi1(&s, &xi1, err);
  gsl_integration_glfixed_table *t = rc == FB_OK ? gsl_integration_glfixed_table_alloc(HB_POLY_NODES) : NULL;
  if (rc == FB_OK && !t) rc = fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "cannot allocate a GL table");
  if (rc == FB_OK) {
    for (int k = 0; k < HB_POLY_NODES; k++) gsl_integration_glfixed_point(0.0, xi1, (size_t)k, &x[k][0], &x[k][1], t);
    qsort(x, HB_POLY_NODES, sizeof x[0], cmp_double);
  }
  double num = 0.0, den = 0.0, xi = LE_XI0, y[2], q_scale = 0.0;
  lane_emden_start(o->polytrope_n, y);
  gsl_odeiv2_driver_reset(s.d);
  for (int k = 0; k < HB_POLY_NODES && rc == FB_OK; k++) {
    rc = le_apply(&s, &xi, y, x[k][0], err);
    if (rc != FB_OK || !(y[0] > 0)) continue;
    double th = y[0], w = x[k][1] * x[k][0] * x[k][0] * pow(th, o->polytrope_n), e = 0.0;
    den += w; /* every zone counts in the mass */
    /* Zones that emit nothing measurable are skipped: the cold edge theta < HB_THETA_MIN and zones where
     * heavy ALPs are Boltzmann suppressed by e^{-50} relative to the centre. */
    if (th < HB_THETA_MIN || mass_GeV / (o->T_K * FB_K_TO_GEV) * (1.0 / th - 1.0) > 50.0) continue;
    rc = zone_eps(o, o->T_K * th, o->rho_g_cm3 * pow(th, o->polytrope_n), mass_GeV, g_GeV, R_cm,
                  R_cm > 0 ? R_cm * x[k][0] / xi1 : 0.0, &q_scale, &e, err);
    num += w * e;
  }
  if (t) gsl_integration_glfixed_table_free(t);
  gsl_odeiv2_driver_free(s.d);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "polytrope HB core");
  *eps = num / den;
  return FB_OK;
}

static int check_options(const fb_hb_options *o, fb_err *err) {
  FB_TEST(err, !(o->T_K > 0 && o->rho_g_cm3 > 0 && o->Y_He >= 0 && o->Y_He <= 1 && o->eps_max_erg_g_s > 0),
          FB_ERR_RANGE, "HB options out of range: T_K = %g > 0, rho_g_cm3 = %g > 0, 0 <= Y_He = %g <= 1, "
          "eps_max_erg_g_s = %g > 0", o->T_K, o->rho_g_cm3, o->Y_He, o->eps_max_erg_g_s);
  FB_TEST(err, o->core != FB_HB_ONE_ZONE && o->core != FB_HB_POLYTROPE, FB_ERR_RANGE,
          "HB core model %d is neither one-zone (0) nor polytrope (1)", o->core);
  FB_TEST(err, (o->decay != FB_HB_DECAY_OFF && o->decay != FB_HB_DECAY_CORE) || !(o->r_core_km >= 0), FB_ERR_RANGE,
          "HB decay option %d is neither off (0) nor core (1), or r_core_km = %g < 0", o->decay, o->r_core_km);
  return FB_OK;
}

int fb_hb_core_radius_cm(const fb_hb_options *o, double *R_cm, fb_err *err) {
  FB_CALL(err, check_options(o, err));
  if (o->r_core_km > 0) {
    *R_cm = o->r_core_km * FB_KM_TO_CM;
    return FB_OK;
  }
  double xi1;
  FB_CALL(err, fb_hb_lane_emden_xi1(o->polytrope_n, &xi1, err));
  /* Chandrasekhar (1939) ch. IV: r = alpha xi, alpha^2 = (n+1) P_c/(4 pi G rho_c^2); ideal gas P_c/rho_c =
   * k T_c/(mu m_u) of fully ionised H/He, 1/mu = 2X + 3Y/4 */
  const double X = 1.0 - o->Y_He, mu = 1.0 / (2.0 * X + 0.75 * o->Y_He);
  const double c2_over_rho = o->T_K * FB_K_TO_GEV / (mu * FB_AMU_GEV) * FB_C_CM_S * FB_C_CM_S; /* P_c/rho_c [cm^2/s^2] */
  const double alpha2 = (o->polytrope_n + 1.0) * c2_over_rho / (4.0 * FB_PI * FB_G_NEWTON_CGS * o->rho_g_cm3);
  *R_cm = xi1 * sqrt(alpha2);
  return FB_OK;
}

/* eps_a at coupling g for the core radius R_cm (<= 0: decays not counted) */
static int eps_R(const fb_hb_options *o, double mass_GeV, double g_GeV, double R_cm, double *eps, fb_err *err) {
  if (o->core == FB_HB_POLYTROPE) {
    FB_CALL(err, polytrope_eps(o, mass_GeV, g_GeV, R_cm, eps, err));
    return FB_OK;
  }
  FB_CALL(err, zone_eps(o, o->T_K, o->rho_g_cm3, mass_GeV, g_GeV, R_cm, 0.0, NULL, eps, err));
  return FB_OK;
}

int fb_hb_alp_eps_erg_g_s(const fb_hb_options *o, double mass_GeV, double g_GeV, double *eps, fb_err *err) {
  FB_CALL(err, check_options(o, err));
  FB_TEST(err, !(mass_GeV >= 0 && g_GeV > 0), FB_ERR_RANGE, "mass_GeV = %g must be >= 0 and g = %g > 0", mass_GeV,
          g_GeV);
  double R = 0.0;
  if (o->decay == FB_HB_DECAY_CORE) FB_CALL(err, fb_hb_core_radius_cm(o, &R, err));
  FB_CALL(err, eps_R(o, mass_GeV, g_GeV, R, eps, err));
  return FB_OK;
}

int fb_hb_alp_g_max_GeV(const fb_hb_options *o, double mass_GeV, double *g_max, fb_err *err) {
  double g_high;
  FB_CALL(err, fb_hb_alp_edges_GeV(o, mass_GeV, g_max, &g_high, err));
  return FB_OK;
}

/* f(ln g) = ln(eps_a(g)/eps_max) with decays in a core of radius R (-inf where nothing escapes) */
static int hb_f(const fb_hb_options *o, double m, double lng, double R, double *f, fb_err *err) {
  double e;
  FB_CALL(err, eps_R(o, m, exp(lng), R, &e, err));
  *f = e > 0 ? log(e / o->eps_max_erg_g_s) : -INFINITY;
  return FB_OK;
}

/* Root of f = 0 in ln g between lo (f_lo) and hi (f_hi) of opposite signs, to 1e-6 in ln g: false position with the
 * Illinois modification (f is smooth in ln g), bisection while an end value is -inf (nothing escapes) */
static int hb_root(const fb_hb_options *o, double m, double R, double lo, double f_lo, double hi, double f_hi,
                   double *root, fb_err *err) {
  int side = 0, it = 0;
  for (; it < 200 && hi - lo > 1e-6; it++) {
    double x = isfinite(f_lo) && isfinite(f_hi) ? (lo * f_hi - hi * f_lo) / (f_hi - f_lo) : 0.5 * (lo + hi), f;
    if (!(x > lo && x < hi)) x = 0.5 * (lo + hi);
    FB_CALL(err, hb_f(o, m, x, R, &f, err));
    if (fabs(f) < 1e-9) {
      lo = hi = x;
      break;
    }
    if ((f > 0) == (f_lo > 0)) {
      lo = x;
      f_lo = f;
      if (side == -1) f_hi *= 0.5;
      side = -1;
    } else {
      hi = x;
      f_hi = f;
      if (side == 1) f_lo *= 0.5;
      side = 1;
    }
  }
  FB_TEST(err, hi - lo > 1e-6, FB_ERR_NUMERIC, "HB edge at m = %g GeV: no convergence in 200 iterations (ln g in [%g, %g])",
          m, lo, hi);
  *root = exp(0.5 * (lo + hi));
  return FB_OK;
}

/* Step in ln g above the decay-free edge: 10^(1/2) per step. eps_a falls by e^{-R/lambda}, lambda ~ g^-2: f is a
 * smooth function of ln g with one maximum, so three steps with f rising then falling bracket it whatever the step
 * (the golden-section search then finds it); couplings up to 1 GeV^-1 */
#define HB_LNG_STEP (0.5 * 2.302585092994046)

int fb_hb_alp_edges_GeV(const fb_hb_options *o, double mass_GeV, double *g_low, double *g_high, fb_err *err) {
  const double g_ref = 1e-10; /* without decays eps ~ g^2 exactly: any reference coupling */
  double eps;
  fb_hb_options nd = *o;
  nd.decay = FB_HB_DECAY_OFF;
  FB_CALL(err, fb_hb_alp_eps_erg_g_s(&nd, mass_GeV, g_ref, &eps, err));
  const double g0 = eps > 0 ? g_ref * sqrt(o->eps_max_erg_g_s / eps) : INFINITY;
  *g_low = g0;
  *g_high = INFINITY;
  if (o->decay == FB_HB_DECAY_OFF) return FB_OK;
  *g_low = *g_high = NAN;
  if (!(g0 < 1.0)) return FB_OK; /* nothing excluded below g = 1 GeV^-1 even without decays */
  double R;
  FB_CALL(err, fb_hb_core_radius_cm(o, &R, err));
  /* walk up from g0 (where decays can only lower eps: f <= 0) to the first f > 0, or to the maximum of f */
  double x[3] = {log(g0), log(g0), log(g0)}, f[3];
  FB_CALL(err, hb_f(o, mass_GeV, x[2], R, &f[2], err));
  f[0] = f[1] = f[2];
  while (!(f[2] > 0)) {
    if ((f[2] < f[1] && x[2] > x[1]) || x[2] > 0.0) { /* past the maximum: golden-section search of it in [x0, x2] */
      double a = x[0], b = x[2], gr = 0.5 * (sqrt(5.0) - 1.0);
      double c = b - gr * (b - a), d = a + gr * (b - a), fc, fd;
      FB_CALL(err, hb_f(o, mass_GeV, c, R, &fc, err));
      FB_CALL(err, hb_f(o, mass_GeV, d, R, &fd, err));
      while (b - a > 1e-3 && !(fc > 0) && !(fd > 0)) {
        if (fc > fd) { b = d; d = c; fd = fc; c = b - gr * (b - a); FB_CALL(err, hb_f(o, mass_GeV, c, R, &fc, err)); }
        else { a = c; c = d; fc = fd; d = a + gr * (b - a); FB_CALL(err, hb_f(o, mass_GeV, d, R, &fd, err)); }
      }
      if (!(fc > 0) && !(fd > 0)) return FB_OK; /* the maximum stays below eps_max: the band has closed */
      const double xp = fc > 0 ? c : d, fp = fc > 0 ? fc : fd;
      FB_CALL(err, hb_root(o, mass_GeV, R, x[0], f[0], xp, fp, g_low, err));
      FB_CALL(err, hb_root(o, mass_GeV, R, xp, fp, x[2], f[2], g_high, err));
      return FB_OK;
    }
    x[0] = x[1]; f[0] = f[1];
    x[1] = x[2]; f[1] = f[2];
    x[2] += HB_LNG_STEP;
    FB_CALL(err, hb_f(o, mass_GeV, x[2], R, &f[2], err));
  }
  FB_CALL(err, hb_root(o, mass_GeV, R, x[1], f[1], x[2], f[2], g_low, err));
  double lo = x[2], flo = f[2], hi = lo + HB_LNG_STEP, fhi;
  FB_CALL(err, hb_f(o, mass_GeV, hi, R, &fhi, err));
  while (fhi > 0) {
    if (hi > 0.0) { /* still excluded at g = 1 GeV^-1 (m < 2 omega_p cannot decay): no upper edge */
      *g_high = INFINITY;
      return FB_OK;
    }
    lo = hi; flo = fhi;
    hi += HB_LNG_STEP;
    FB_CALL(err, hb_f(o, mass_GeV, hi, R, &fhi, err));
  }
  FB_CALL(err, hb_root(o, mass_GeV, R, lo, flo, hi, fhi, g_high, err));
  return FB_OK;
}
