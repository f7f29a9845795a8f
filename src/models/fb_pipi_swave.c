/**
 * @file fb_pipi_swave.c
 * @brief GKPY CFD isoscalar S-wave pi pi phase shift and inelasticity (formulas and citations in
 *        fb_pipi_swave.h; constants in fb_constants.h, GKPY block).
 */
#include "fb_pipi_swave.h"

#include <math.h>

#define DEG (FB_PI / 180.0)

static const double mpi = FB_GKPY_MPI_GEV, mk = FB_GKPY_MK_GEV, meta = FB_GKPY_META_GEV;

/* conformal (low-energy) form, arXiv:1102.2183 App. A: delta in (0, pi) from cot delta */
static double delta_low(double s) {
  const double z0 = mpi, rs = sqrt(s), s0 = 4.0 * mk * mk;
  const double w = (rs - sqrt(s0 - s)) / (rs + sqrt(s0 - s)), k = sqrt(s / 4.0 - mpi * mpi);
  const double cot = rs / (2.0 * k) * mpi * mpi / (s - 0.5 * z0 * z0) *
                     (z0 * z0 / (mpi * rs) + FB_GKPY_B0 + w * (FB_GKPY_B1 + w * (FB_GKPY_B2 + w * FB_GKPY_B3)));
  return 0.5 * FB_PI - atan(cot);
}

double fb_gkpy_slope_sm(void) {
  /* the conformal form is analytic at s_M: central difference, h = 1e-5 GeV^2 (error ~h^2 delta''' ~ 1e-9) */
  const double sm = FB_GKPY_SQRT_SM_GEV * FB_GKPY_SQRT_SM_GEV, h = 1e-5;
  return (delta_low(sm + h) - delta_low(sm - h)) / (2.0 * h);
}

double fb_gkpy_delta00(double s) {
  const double sm = FB_GKPY_SQRT_SM_GEV * FB_GKPY_SQRT_SM_GEV, sk = 4.0 * mk * mk;
  if (s <= 4.0 * mpi * mpi) return 0.0;
  if (s <= sm) return delta_low(s);
  if (s < sk) {
    const double km = sqrt(mk * mk - sm / 4.0), k2 = sqrt(mk * mk - s / 4.0), x = k2 / km;
    return FB_GKPY_D0_DEG * DEG * (1.0 - x) * (1.0 - x) + delta_low(sm) * x * (2.0 - x) +
           k2 * (km - k2) * (8.0 * fb_gkpy_slope_sm() + FB_GKPY_C_DEG * DEG * (km - k2) / (mk * mk * mk));
  }
  const double q = (s / 4.0 - mk * mk) / (mk * mk);
  double d = FB_GKPY_D0_DEG + FB_GKPY_BH_DEG * q + FB_GKPY_CH_DEG * q * q;
  if (s > 4.0 * meta * meta) d += FB_GKPY_DH_DEG * (s / 4.0 - meta * meta) / (meta * meta);
  return d * DEG;
}

double fb_gkpy_eta00(double s) {
  if (s <= 4.0 * mk * mk) return 1.0;
  const double rs = sqrt(s), x = sqrt(s / 4.0 - mk * mk) / rs;
  const double p = FB_GKPY_EPS1 + FB_GKPY_EPS2 * x + FB_GKPY_EPS3 * x * x;
  double e = -x * p * p;
  if (s > 4.0 * meta * meta) e -= FB_GKPY_EPS4 * sqrt(s / 4.0 - meta * meta) / rs;
  return exp(e);
}
