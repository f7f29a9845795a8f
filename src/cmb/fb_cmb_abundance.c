/**
 * @file fb_cmb_abundance.c
 * @brief Abundance assumptions for the CMB bounds on the benchmark planes: freeze-in by inverse
 *        decays and the relativistic equilibrium yield (fb_cmb.h).
 */
#include <gsl/gsl_sf_bessel.h>
#include <math.h>

#include "fb_cmb.h"
#include "fb_constants.h"
#include "fb_cosmo.h"

typedef struct fi_args {
  const fb_thermo *th;
  double m, gamma, g;
} fi_args;

/* T dY/dT integrand (in ln T): C/(s H), C = g m^2 Gamma T K1(m/T)/(2 pi^2). */
static double fi_integrand(double lnT, void *p) {
  const fi_args *a = p;
  const double T = exp(lnT), x = a->m / T;
  if (x > 600.0) return 0.0;
  const double C = a->g * a->m * a->m * a->gamma * T * gsl_sf_bessel_K1(x) / (2.0 * FB_PI * FB_PI);
  return C / (fb_cosmo_entropy_density_GeV3(a->th, T) * fb_cosmo_hubble_GeV(a->th, T));
}

int fb_cmb_freezein_yield(const fb_thermo *th, fb_quad *q, double mass_GeV, double width_GeV, double g_dof, double *Y,
                          fb_err *err) {
  FB_TEST(err, !(mass_GeV > 0 && width_GeV >= 0 && g_dof > 0), FB_ERR_RANGE,
          "need mass_GeV > 0, width_GeV >= 0, g_dof > 0 (got %g, %g, %g)", mass_GeV, width_GeV, g_dof);
  const double T_hi = fmin(50.0 * mass_GeV, th->par.T_max_GeV), T_lo = fmax(mass_GeV / 50.0, th->par.T_min_GeV);
  FB_TEST(err, !(T_lo < T_hi), FB_ERR_RANGE, "mass_GeV = %g outside the g_* table", mass_GeV);
  fi_args a = {th, mass_GeV, width_GeV, g_dof};
  double res, abserr;
  const double br[1] = {log(mass_GeV / 3.0)};
  FB_CALL(err, fb_quad_points(q, fi_integrand, &a, log(T_lo), log(T_hi), br, 1, &res, &abserr, err));
  *Y = res;
  return FB_OK;
}

double fb_cmb_equilibrium_yield_boson(const fb_thermo *th, double T_GeV, double g_dof) {
  return 45.0 * FB_ZETA3 * g_dof / (2.0 * pow(FB_PI, 4)) / fb_thermo_gstar_s(th, T_GeV);
}
