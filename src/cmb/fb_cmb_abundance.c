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

/* -dY/dln T integrand: (C/s) |dt/dln T| = C (1 + dln g_*s/dln T / 3)/(s H), C = g m^2 Gamma T K1(m/T)/(2 pi^2).
 * The factor (1 + dln g_*s/dln T / 3) is the Jacobian of entropy conservation, T a g_*s^(1/3) = const (Kolb &
 * Turner, The Early Universe, eq. 3.91; the same in fb_cosmo.c's t(T) and bbn_abundance.c). Before branch
 * bc1papers it was missing: the yield of masses whose production (T ~ m/3) overlaps a change of g_*s was
 * low, by 6-17 % for the dark photon at 0.1-0.5 GeV (QCD crossover), measured against bc1_photodis. */
static double fi_integrand(double lnT, void *p) {
  const fi_args *a = p;
  const double T = exp(lnT), x = a->m / T;
  if (x > 600.0) return 0.0;
  const double C = a->g * a->m * a->m * a->gamma * T * gsl_sf_bessel_K1(x) / (2.0 * FB_PI * FB_PI);
  return C * (1.0 + fb_thermo_dlngs_dlnT(a->th, T) / 3.0) /
         (fb_cosmo_entropy_density_GeV3(a->th, T) * fb_cosmo_hubble_GeV(a->th, T));
}

int fb_cmb_freezein_yield(const fb_thermo *th, double mass_GeV, double width_GeV, double g_dof, double *Y, fb_err *err) {
  FB_TEST(err, !(mass_GeV > 0 && width_GeV >= 0 && g_dof > 0), FB_ERR_RANGE,
          "need mass_GeV > 0, width_GeV >= 0, g_dof > 0 (got %g, %g, %g)", mass_GeV, width_GeV, g_dof);
  const double T_hi = fmin(50.0 * mass_GeV, th->par.T_max_GeV), T_lo = fmax(mass_GeV / 50.0, th->par.T_min_GeV);
  FB_TEST(err, !(T_lo < T_hi), FB_ERR_RANGE, "mass_GeV = %g outside the g_* table", mass_GeV);
  fi_args a = {th, mass_GeV, width_GeV, g_dof};
  /* composite Simpson in ln T: dln g_*s/dln T is the derivative of a Steffen spline, continuous with kinks at
   * every table node, on which adaptive quadrature at 1e-7 reports roundoff; h <= 0.004 in ln T against the
   * K1 peak's width ~1 (rule error < 1e-6, checked by halving h in tests/cmb/test_cmb.c) */
  const double l_lo = log(T_lo), l_hi = log(T_hi);
  const int n = 2 * (int)ceil((l_hi - l_lo) / 0.008);
  const double h = (l_hi - l_lo) / n;
  double sum = 0.0;
  for (int i = 0; i <= n; ++i)
    sum += (i == 0 || i == n ? 1.0 : (i % 2 ? 4.0 : 2.0)) * fi_integrand(l_lo + i * h, &a);
  *Y = sum * h / 3.0;
  FB_TEST(err, !isfinite(*Y), FB_ERR_NUMERIC, "freeze-in yield at m = %g GeV is not finite", mass_GeV);
  return FB_OK;
}

double fb_cmb_equilibrium_yield_boson(const fb_thermo *th, double T_GeV, double g_dof) {
  return 45.0 * FB_ZETA3 * g_dof / (2.0 * pow(FB_PI, 4)) / fb_thermo_gstar_s(th, T_GeV);
}
