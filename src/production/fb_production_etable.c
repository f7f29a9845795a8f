/**
 * @file fb_production_etable.c
 * @brief The relaxation rate Gamma_scat(T) AND the mean energy eps_P(T) of the X that a production makes, for one
 *        mass on a uniform ln T grid (fb_production.h), for productions that give both (rate_energy_GeV, BC9
 *        Primakoff), or the rate alone (bc4, bc5, bc10, bc11: their callers take eps_P = <E>_eq), whose rate costs a
 *        quadrature per call (fb_prod_bc4.c: 9 fermions x 72 nodes with a Bessel function each, ~20 us; fb_prod_bc9.c:
 *        11 charged species x 4 Bessel
 *        functions and 72 nodes, ~6 us). The energy Boltzmann equation of a tightly coupled ALP (bc9_bbn at 3 MeV,
 *        g >= 3e-7 GeV^-1: Gamma_P/H >> 1 below ~50 GeV) asks for ~4000 rates per point, 25 of its 45 ms
 *        (docs/performance.md "The tightly coupled BC9 point"); the table needs ~40 per e-fold, once per mass, and
 *        serves every coupling (the rate scales as coupling^power, eps_P does not depend on it: checked for every
 *        registered production in tests/production/test_production.c).
 * Interpolation: 4-point Lagrange (cubic) in ln T of ln Gamma_scat and ln eps_P (smooth in ln T: Boltzmann factors
 * exp(-m/T) are smooth there, the QCD crossover of fb_production_qgp_fraction is 0.1 wide in ln T). Outside the grid,
 * or where a node of the stencil has no rate (no charged targets, n_eq = 0), the production is evaluated directly,
 * so the table never answers where it was not built. Accuracy against direct evaluation: tests/production/
 * test_production_etable.c (rate and eps_P) and tests/bbn/test_bbn_prod_table.c (the BBN outputs of
 * bc9_bbn, bc4_bbn, bc10_bbn, bc11_bbn and the photodisintegration planes).
 */
#include <math.h>
#include <stdlib.h>

#include "fb_production.h"

int fb_production_etable_build(fb_production_etable *t, const fb_production *p, double mass_GeV, double power,
                               double T_lo_GeV, double T_hi_GeV, int per_efold, fb_err *err) {
  FB_TEST(err, !(T_hi_GeV > T_lo_GeV && T_lo_GeV > 0.0 && per_efold >= 2), FB_ERR_INPUT,
          "production energy table: need 0 < T_lo = %g < T_hi = %g GeV and per_efold = %d >= 2", T_lo_GeV, T_hi_GeV,
          per_efold);
  FB_TEST(err, !p || !p->ops, FB_ERR_INPUT, "production energy table: no production");
  const int n = (int)ceil(log(T_hi_GeV / T_lo_GeV) * per_efold) + 1;
  if (n > t->cap) {
    double *r = realloc(t->ln_rate, 2 * (size_t)n * sizeof *r);
    FB_TEST(err, !r, FB_ERR_MEMORY, "cannot allocate a production energy table of %d points", n);
    t->ln_rate = r;
    t->cap = n;
  }
  t->ln_eps = t->ln_rate + n;
  /* valid (n, mass) only once every node is filled (as fb_production_table_build) */
  t->n = 0;
  t->mass_GeV = NAN;
  t->p = p;
  t->power = power;
  t->lnT_lo = log(T_lo_GeV);
  t->dlnT = (log(T_hi_GeV) - t->lnT_lo) / (n - 1);
  /* a production without a mean energy of its own (rate_energy_GeV NULL: bc4, bc5, bc10, bc11) is tabulated for its
   * rate alone; its callers take eps_P = <E>_eq (mean energy NAN, as fb_production_callback_energy gives) */
  t->energy = p->ops->rate_energy_GeV != NULL;
  const fb_production_point pt = {p, mass_GeV, 1.0};
  for (int i = 0; i < n; ++i) {
    double eps = NAN;
    const double r = fb_production_callback_energy(exp(t->lnT_lo + i * t->dlnT), (void *)&pt, &eps);
    FB_TEST(err, !(r >= 0.0), FB_ERR_NUMERIC, "production rate at m = %g GeV, T = %g GeV: %g", mass_GeV,
            exp(t->lnT_lo + i * t->dlnT), r);
    /* no rate, or no mean energy where the production has one: NAN, the stencils holding the node evaluate directly */
    const int ok = r > 0.0 && (eps > 0.0 || !t->energy);
    t->ln_rate[i] = ok ? log(r) : NAN;
    t->ln_eps[i] = ok && t->energy ? log(eps) : (ok ? 0.0 : NAN);
  }
  t->n = n;
  t->mass_GeV = mass_GeV;
  return FB_OK;
}

double fb_production_etable_rate(const fb_production_etable *t, double coupling, double T_GeV, double *mean_E_GeV) {
  const double x = (log(T_GeV) - t->lnT_lo) / t->dlnT;
  if (t->n >= 4 && x >= 0.0 && x <= t->n - 1) {
    int j0 = (int)x - 1;
    if (j0 < 0) j0 = 0;
    if (j0 > t->n - 4) j0 = t->n - 4;
    const double s = x - j0; /* in [0, 3]: the nodes 0, 1, 2, 3 of the stencil */
    const double w[4] = {-(s - 1.0) * (s - 2.0) * (s - 3.0) / 6.0, s * (s - 2.0) * (s - 3.0) / 2.0,
                         -s * (s - 1.0) * (s - 3.0) / 2.0, s * (s - 1.0) * (s - 2.0) / 6.0};
    double lr = 0.0, le = 0.0;
    for (int a = 0; a < 4; ++a) {
      lr += w[a] * t->ln_rate[j0 + a];
      le += w[a] * t->ln_eps[j0 + a];
    }
    if (isfinite(lr) && isfinite(le)) {
      if (mean_E_GeV) *mean_E_GeV = t->energy ? exp(le) : NAN;
      return pow(coupling, t->power) * exp(lr);
    }
  }
  const fb_production_point pt = {t->p, t->mass_GeV, coupling};
  double eps = NAN;
  const double r = fb_production_callback_energy(T_GeV, (void *)&pt, &eps);
  if (mean_E_GeV) *mean_E_GeV = eps;
  return r;
}

void fb_production_etable_free(fb_production_etable *t) {
  free(t->ln_rate);
  t->ln_rate = t->ln_eps = NULL;
  t->n = t->cap = 0;
}

double fb_production_etable_callback(double T_GeV, void *user) {
  const fb_production_etable_point *pt = user;
  return fb_production_etable_rate(pt->t, pt->coupling, T_GeV, NULL);
}

double fb_production_etable_callback_energy(double T_GeV, void *user, double *mean_E_GeV) {
  const fb_production_etable_point *pt = user;
  return fb_production_etable_rate(pt->t, pt->coupling, T_GeV, mean_E_GeV);
}
