/**
 * @file fb_rg_alp.c
 * @brief Red-giant and white-dwarf bounds on g_ae with the mass dependence; see fb_rg_alp.h.
 */
#include "fb_rg_alp.h"

#include <math.h>

#include "fb_constants.h"
#include "fb_quad.h"

#define RG_ALP_QUAD_LIMIT 200    /* QAGIU subintervals */
#define RG_ALP_QUAD_EPSREL 1e-10 /* relative tolerance of S */

void fb_rg_alp_options_default(fb_rg_alp_options *o, int star) {
  if (star == FB_STAR_WD) {
    o->T_K = 1e7; /* representative core of the bright (M_bol < 10) WDs of the luminosity-function bound */
    o->g_ae_max = FB_GAE_MAX_WD_GAIA;
    o->g_ae_max_weak = FB_GAE_MAX_WD_MB2014;
    o->g_ae_max_strong = FB_GAE_MAX_WD_GAIA;
  } else {
    o->T_K = 1e8; /* red-giant core before helium ignition, Raffelt, Stars as Laboratories (1996) sec. 2.5 */
    o->g_ae_max = FB_GAE_MAX_RG_NGC4258;
    o->g_ae_max_weak = FB_GAE_MAX_RG_DS2023;
    o->g_ae_max_strong = FB_GAE_MAX_RG_OMEGACEN;
  }
}

/* e^{mu} x the integrand of int_mu^inf (x^2 - mu^2)^{3/2}/(e^x - 1) dx in t = x - mu:
 * (t (t + 2 mu))^{3/2} e^{-t} / (1 - e^{-(mu + t)}); the e^{-mu} is kept out so that ln S stays finite. */
static double s_integrand(double t, void *p) {
  const double mu = *(const double *)p;
  const double u = t * (t + 2.0 * mu);
  if (!(t > 0)) return 0.0;
  return u * sqrt(u) * exp(-t) / (-expm1(-(mu + t)));
}

int fb_rg_alp_log_suppression(double mu, double *log_S, fb_err *err) {
  FB_TEST(err, !(mu >= 0 && isfinite(mu)), FB_ERR_RANGE, "mu = m_a/T = %g must be finite and >= 0", mu);
  fb_quad q;
  double I = 0.0, abserr = 0.0;
  FB_CALL(err, fb_quad_init(&q, RG_ALP_QUAD_LIMIT, 0.0, RG_ALP_QUAD_EPSREL, err));
  int rc = fb_quad_upper(&q, s_integrand, &mu, 0.0, &I, &abserr, err);
  fb_quad_free(&q);
  FB_CALL(err, rc);
  FB_TEST(err, !(I > 0), FB_ERR_NUMERIC, "suppression integral %g not positive at mu = %g", I, mu);
  /* massless normalisation int_0^inf x^3/(e^x - 1) dx = pi^4/15 */
  *log_S = log(15.0 * I / (FB_PI * FB_PI * FB_PI * FB_PI)) - mu;
  return FB_OK;
}

int fb_rg_alp_g_ae_max(const fb_rg_alp_options *o, double g0, double mass_GeV, double *g_ae_max, fb_err *err) {
  FB_TEST(err, !(o->T_K > 0), FB_ERR_RANGE, "core temperature T_K = %g must be > 0", o->T_K);
  FB_TEST(err, !(mass_GeV >= 0), FB_ERR_RANGE, "mass_GeV = %g must be >= 0", mass_GeV);
  double log_S;
  FB_CALL(err, fb_rg_alp_log_suppression(mass_GeV / (o->T_K * FB_K_TO_GEV), &log_S, err));
  const double lg = log(g0) - 0.5 * log_S;
  *g_ae_max = lg > 700.0 ? INFINITY : exp(lg);
  return FB_OK;
}

double fb_rg_alp_bc10_g_ae(double inv_fl_GeV) { return FB_ME_GEV * inv_fl_GeV; }
