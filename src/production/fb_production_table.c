/**
 * @file fb_production_table.c
 * @brief Gamma_scat(T) of one mass tabulated on a uniform ln T grid (fb_production.h), for callers that
 *        evaluate many couplings at one mass: the rate scales as coupling^power (the model's widths do;
 *        checked for every registered production in tests/production/test_production.c), so one table
 *        per mass serves every coupling. Linear interpolation in T on the ln T grid (the resonant
 *        windows of fb_prod_bc1.c go to zero continuously at their edges).
 */
#include <math.h>
#include <stdlib.h>

#include "fb_production.h"

#define FB_PRODUCTION_TABLE_SUB 8 /* samples per ln T bin */

int fb_production_table_build(fb_production_table *t, const fb_production *p, double mass_GeV, double power,
                              double T_lo_GeV, double T_hi_GeV, int per_efold, fb_err *err) {
  FB_TEST(err, !(T_hi_GeV > T_lo_GeV && T_lo_GeV > 0.0 && per_efold >= 2), FB_ERR_INPUT,
          "production table: need 0 < T_lo = %g < T_hi = %g GeV and per_efold = %d >= 2", T_lo_GeV, T_hi_GeV, per_efold);
  const int n = (int)ceil(log(T_hi_GeV / T_lo_GeV) * per_efold) + 1;
  if (n > t->cap) {
    double *r = realloc(t->rate, (size_t)n * sizeof *r);
    FB_TEST(err, !r, FB_ERR_MEMORY, "cannot allocate a production table of %d points", n);
    t->rate = r;
    t->cap = n;
  }
  /* the table is marked valid (n, mass) only once every node is filled: a failure at one node must not
   * leave a table that the next point at the same mass takes for complete */
  t->n = 0;
  t->mass_GeV = NAN;
  t->power = power;
  t->lnT_lo = log(T_lo_GeV);
  t->dlnT = (log(T_hi_GeV) - t->lnT_lo) / (n - 1);
  /* (the loop below runs over n nodes; t->n is still 0 while it fills them) */
  /* each node holds the average over its ln T bin (FB_PRODUCTION_TABLE_SUB midpoint samples), so sharp
   * but integrable peaks of the rate in T (the opening of the resonant window) keep their integral */
  for (int i = 0; i < n; ++i) {
    double sum = 0.0;
    if (p->ops->rate_bin_GeV) {
      sum = p->ops->rate_bin_GeV(p->state, mass_GeV, 1.0, exp(t->lnT_lo + (i - 0.5) * t->dlnT),
                                 exp(t->lnT_lo + (i + 0.5) * t->dlnT));
    } else {
      for (int j = 0; j < FB_PRODUCTION_TABLE_SUB; ++j)
        sum += fb_production_rate(p, mass_GeV, 1.0,
                                  exp(t->lnT_lo + (i + (j + 0.5) / FB_PRODUCTION_TABLE_SUB - 0.5) * t->dlnT));
      sum /= FB_PRODUCTION_TABLE_SUB;
    }
    t->rate[i] = sum;
    FB_TEST(err, !(t->rate[i] >= 0.0), FB_ERR_NUMERIC, "production rate at m = %g GeV, T = %g GeV: %g", mass_GeV,
            exp(t->lnT_lo + i * t->dlnT), t->rate[i]);
  }
  t->n = n;
  t->mass_GeV = mass_GeV;
  return FB_OK;
}

double fb_production_table_rate(const fb_production_table *t, double coupling, double T_GeV) {
  const double x = (log(T_GeV) - t->lnT_lo) / t->dlnT;
  if (!(x >= 0.0) || x > t->n - 1) return 0.0;
  int i = (int)x;
  if (i > t->n - 2) i = t->n - 2;
  const double Tl = exp(t->lnT_lo + i * t->dlnT), Th = exp(t->lnT_lo + (i + 1) * t->dlnT);
  const double w = (T_GeV - Tl) / (Th - Tl);
  return pow(coupling, t->power) * ((1.0 - w) * t->rate[i] + w * t->rate[i + 1]);
}

void fb_production_table_free(fb_production_table *t) {
  free(t->rate);
  t->rate = NULL;
  t->n = t->cap = 0;
}

double fb_production_table_callback(double T_GeV, void *user) {
  const fb_production_table_point *pt = user;
  return fb_production_table_rate(pt->t, pt->coupling, T_GeV);
}
