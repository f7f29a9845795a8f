/**
 * @file bbn_thermal_dm.c
 * @brief A thermal MeV-scale particle chi in equilibrium with the e.m. plasma (electrophilic) or with
 *        the neutrinos (neutrinophilic): its energy density, pressure and d rho/dT for the background.
 *
 * Escudero arXiv:1812.05605 sec. 4: a particle of mass m, g internal states and Bose or Fermi
 * statistics that stays in thermal equilibrium (zero chemical potential) with the sector it couples
 * to adds its rho, P and d rho/dT to that sector's energy equation (his eqs. 2.8-2.9 with
 * rho_chi(T), P_chi(T) at the sector's temperature); its annihilation after neutrino decoupling heats
 * that sector only, which moves N_eff down (electrons) or up (neutrinos). The same equations are in
 * his code nudec_BSM (WIMP_e.py, WIMP_nu.py), against which tests/bbn/test_bbn_thermal_dm.c checks.
 *
 * Thermodynamics (equilibrium, zero chemical potential; e.g. Kolb & Turner, "The Early Universe",
 * eqs. 3.52-3.54), with z = m/T, eps = E/T - z the kinetic energy, y = p/T = sqrt(eps (eps + 2 z)):
 *   rho/T^4 = g/(2 pi^2) int y^2 E f dy = g/(2 pi^2) int y E^2 f d eps,
 *   P/T^4   = g/(6 pi^2) int y^4/E f dy = g/(6 pi^2) int y^3 f d eps,
 *   T^-3 d rho/dT = g/(2 pi^2) int y^2 E^2 f (1 -+ f) dy = g/(2 pi^2) int y E^3 f (1 -+ f) d eps,
 * f = 1/(e^E +- 1) (+ fermions, - bosons; d f/dT = f (1 -+ f) E/T^2 at fixed momentum). With
 * eps = s^2 the integrands are smooth in s; the factor e^-z is taken out, and ln of each function
 * (for g = 1) is tabulated on a uniform grid in ln z, read with 4-point Lagrange interpolation (ln f is
 * smooth in ln z: ~ 2.5 ln z - z for z >> 1). Above z = BBN_DM_ZMAX chi is gone (rho/T^4 < 1e-30).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bbn_internal.h"
#include "fb_constants.h"

#define BBN_DM_N 700
#define BBN_DM_ZMIN 1e-5
#define BBN_DM_ZMAX 80.0
#define BBN_DM_SMAX 9.0 /* eps = s^2 <= 81: e^-81 of the integrand left out */

/* The three integrals for g = 1 at z, each divided by e^-z: rho/T^4, P/T^4, T^-3 d rho/dT. */
static void dm_integrals(double z, int fermion, double *r, double *p, double *d) {
  const double sgn = fermion ? 1.0 : -1.0, ez = exp(-z);
  double sr = 0.0, sp = 0.0, sd = 0.0, lo = 0.0;
  for (double hi = 0.02; lo < BBN_DM_SMAX; hi *= 1.25) {
    if (hi > BBN_DM_SMAX) hi = BBN_DM_SMAX;
    const double h = 0.5 * (hi - lo), c = 0.5 * (hi + lo);
    for (int j = 0; j < 8; ++j) {
      const double s = c + h * bbn_gl8_x[j], w = 2.0 * s * h * bbn_gl8_w[j]; /* d eps = 2 s ds */
      const double eps = s * s, E = eps + z, y = s * sqrt(eps + 2.0 * z);
      const double q = ez * exp(-eps);          /* e^-E */
      const double fz = exp(-eps) / (1.0 + sgn * q); /* f e^z */
      const double ffz = fz / (1.0 + sgn * q);       /* f (1 -+ f) e^z = e^-E/(1 +- e^-E)^2 e^z */
      sr += w * y * E * E * fz;
      sp += w * y * y * y * fz;
      sd += w * y * E * E * E * ffz;
    }
    lo = hi;
  }
  const double k = 1.0 / (2.0 * FB_PI * FB_PI);
  *r = k * sr;
  *p = k * sp / 3.0;
  *d = k * sd;
}

int bbn_thermal_dm_init(bbn_thermal_dm *c, double mass_MeV, double g, int fermion, int coupling, fb_err *err) {
  memset(c, 0, sizeof(*c));
  FB_TEST(err, !(mass_MeV > 0.0 && mass_MeV <= 1e3), FB_ERR_RANGE,
          "thermal particle: chi_mass_MeV = %g outside the allowed range (0, 1000] MeV", mass_MeV);
  FB_TEST(err, !(g > 0.0 && g <= 100.0), FB_ERR_RANGE,
          "thermal particle: chi_g = %g outside the allowed range (0, 100]", g);
  FB_TEST(err, fermion != 0 && fermion != 1, FB_ERR_RANGE,
          "thermal particle: chi_stat = %d must be 0 (boson) or 1 (fermion)", fermion);
  FB_TEST(err, coupling != BBN_DM_ELECTRONS && coupling != BBN_DM_NEUTRINOS, FB_ERR_RANGE,
          "thermal particle: chi_coupled = %d must be %d (electrons) or %d (neutrinos)", coupling,
          BBN_DM_ELECTRONS, BBN_DM_NEUTRINOS);
  c->mass_MeV = mass_MeV;
  c->g = g;
  c->fermion = fermion;
  c->coupling = coupling;
  c->n = BBN_DM_N;
  c->lnz_min = log(BBN_DM_ZMIN);
  c->lnz_max = log(BBN_DM_ZMAX);
  c->ln_tab = malloc(sizeof(double) * 3 * BBN_DM_N);
  FB_TEST(err, !c->ln_tab, FB_ERR_MEMORY, "thermal particle: allocation failed");
  for (int i = 0; i < c->n; ++i) {
    const double lz = c->lnz_min + (c->lnz_max - c->lnz_min) * i / (c->n - 1), z = exp(lz);
    double r, p, d;
    dm_integrals(z, fermion, &r, &p, &d);
    c->ln_tab[i] = log(r) - z;
    c->ln_tab[c->n + i] = log(p) - z;
    c->ln_tab[2 * c->n + i] = log(d) - z;
  }
  return FB_OK;
}

void bbn_thermal_dm_free(bbn_thermal_dm *c) {
  free(c->ln_tab);
  c->ln_tab = NULL;
}

void bbn_thermal_dm_thermo(const bbn_thermal_dm *c, double T_MeV, double *rho, double *P, double *drho_dT) {
  const double z = c->mass_MeV / T_MeV;
  *rho = *P = *drho_dT = 0.0;
  if (!(z < BBN_DM_ZMAX)) return; /* annihilated: rho/T^4 < 1e-30 */
  const double lz = z > BBN_DM_ZMIN ? log(z) : c->lnz_min;
  const int n = c->n;
  double x = (lz - c->lnz_min) / (c->lnz_max - c->lnz_min) * (n - 1);
  int i = (int)x - 1; /* stencil i .. i+3 around x */
  if (i < 0) i = 0;
  if (i > n - 4) i = n - 4;
  double w[4];
  bbn_lagrange4(x - i, w);
  double v[3];
  for (int k = 0; k < 3; ++k) {
    const double *t = c->ln_tab + k * n + i;
    v[k] = exp(w[0] * t[0] + w[1] * t[1] + w[2] * t[2] + w[3] * t[3]);
  }
  const double T2 = T_MeV * T_MeV, T3 = T2 * T_MeV;
  *rho = c->g * v[0] * T3 * T_MeV;
  *P = c->g * v[1] * T3 * T_MeV;
  *drho_dT = c->g * v[2] * T3;
}

double bbn_thermal_dm_funcs(int fermion, double z, int which) {
  double r, p, d;
  dm_integrals(z, fermion, &r, &p, &d);
  const double v = which == 0 ? r : (which == 1 ? p : d);
  return v * exp(-z);
}
