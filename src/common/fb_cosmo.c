/**
 * @file fb_cosmo.c
 * @brief Radiation-era background quantities from the SM g_*(T) table (see fb_cosmo.h).
 */
#include "fb_cosmo.h"

#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>

#include "fb_constants.h"

#define COSMO_QUAD_LIMIT 200     /* CQUAD interval heap size */
#define COSMO_QUAD_EPSREL 1.0e-7
#define COSMO_SEGMENT_LNT 2.302585092994046 /* one decade in ln T */

double fb_cosmo_hubble_GeV(const fb_thermo *th, double T_GeV) {
  /* Friedmann equation with rho = (pi^2/30) g_*rho T^4: H = sqrt(8 pi rho / 3) / M_Pl */
  return sqrt(8.0 * FB_PI * FB_PI * FB_PI * fb_thermo_gstar_rho(th, T_GeV) / 90.0) * T_GeV *
         T_GeV / FB_MPL_GEV;
}

double fb_cosmo_entropy_density_GeV3(const fb_thermo *th, double T_GeV) {
  return 2.0 * FB_PI * FB_PI / 45.0 * fb_thermo_gstar_s(th, T_GeV) * T_GeV * T_GeV * T_GeV;
}

double fb_cosmo_photon_number_density_GeV3(double T_GeV) {
  return 2.0 * FB_ZETA3 / (FB_PI * FB_PI) * T_GeV * T_GeV * T_GeV;
}

double fb_cosmo_s0_cm3(const fb_thermo *th) {
  const double T0_GeV = FB_TCMB_K * FB_K_TO_GEV;
  const double s0_GeV3 = 2.0 * FB_PI * FB_PI / 45.0 * fb_thermo_gstar_s_today(th) * T0_GeV *
                         T0_GeV * T0_GeV;
  return s0_GeV3 / FB_INV_CM3_TO_GEV3;
}

double fb_cosmo_omega_h2_from_yield(const fb_thermo *th, double Y, double mass_GeV) {
  return mass_GeV * Y * fb_cosmo_s0_cm3(th) / FB_RHO_CRIT_H2_GEV_CM3;
}

double fb_cosmo_yield_from_omega_h2(const fb_thermo *th, double omega_h2, double mass_GeV) {
  return omega_h2 * FB_RHO_CRIT_H2_GEV_CM3 / (mass_GeV * fb_cosmo_s0_cm3(th));
}

/* integrand in l = ln T: dt/dl = (1 + dln g_*s/dlnT / 3) / H(T) */
static double cosmo_dtdl(double l, void *p) {
  const fb_thermo *th = p;
  const double T = exp(l);
  return (1.0 + fb_thermo_dlngs_dlnT(th, T) / 3.0) / fb_cosmo_hubble_GeV(th, T);
}

int fb_cosmo_time_s(const fb_thermo *th, double T_GeV, double *t_s, fb_err *err) {
  double g;
  FB_CALL(err, fb_thermo_gstar(th, T_GeV, &g, NULL, err));
  const double Tmax = exp(th->lnT_max);
  gsl_integration_cquad_workspace *ws = gsl_integration_cquad_workspace_alloc(COSMO_QUAD_LIMIT);
  FB_TEST(err, ws == NULL, FB_ERR_MEMORY, "cannot allocate the integration workspace");
  gsl_function F = {cosmo_dtdl, (void *)th};
  double val = 0.0;
  int st = GSL_SUCCESS;
  /* Decade by decade (the integrand falls by ~1e2 per decade, so a single interval would ask for a
   * relative accuracy the rounding cannot deliver), with CQUAD because d ln g_*s/d ln T from the
   * C^1 spline has kinks at the table nodes that defeat Gauss-Kronrod error estimates. */
  for (double a = log(T_GeV); a < th->lnT_max && st == GSL_SUCCESS; a += COSMO_SEGMENT_LNT) {
    const double b = fmin(a + COSMO_SEGMENT_LNT, th->lnT_max);
    double piece = 0.0, abserr = 0.0;
    size_t neval = 0;
    st = gsl_integration_cquad(&F, a, b, 0.0, COSMO_QUAD_EPSREL, ws, &piece, &abserr, &neval);
    val += piece;
  }
  gsl_integration_cquad_workspace_free(ws);
  FB_TEST(err, st != GSL_SUCCESS, FB_ERR_GSL, "time integral from T = %g GeV: GSL error %d (%s)",
          T_GeV, st, gsl_strerror(st));
  val += 0.5 / fb_cosmo_hubble_GeV(th, Tmax);   /* radiation era above the table */
  *t_s = val * FB_INV_GEV_TO_S;
  return FB_OK;
}
