/**
 * @file bbn_nu_conv_table.c
 * @brief The decay's non-thermal neutrino conversions (bbn_nu_conversion.c with the cascade of bbn_nu_cascade.c),
 *        tabulated once per background in ln t (issue 14, "Speed and scale": one BBN-with-decay evaluation <= 30 ms).
 *
 * Why: the p <-> n rates of the injected neutrinos are decays(t) x n_b(t) c x (part_0|1 + P_pi,dec(Y) part_2|3)
 * (bbn_nu_conversion_combine), and the parts depend on t only through the solved background: the photon temperature,
 * H = d ln a / dt and X's Lorentz factor (bbn_nu_conversion_node). Solving the cascade at each right-hand side and
 * Jacobian call of the network was 38 % of an HNL point (perf, docs/performance.md); the network calls it ~10^3 times
 * per solve at times that repeat within a step. Here the parts are computed at the nodes of a uniform grid in ln t
 * (spacing BBN_NU_CONV_DLNT) over the background's range, each node on first use (the network stops needing them once
 * X has decayed away: decays = 0 ends the source before the table is read), and interpolated by Catmull-Rom in ln t
 * of ln(part) (exact for power laws in t, C1 so that the integrator sees no kinks); where a stencil node is 0 (a part
 * that vanishes, e.g. no pion groups), linearly in the part between the two bracketing nodes.
 * The exact factors stay outside the table: decays(t), n_b(t) and the pion decay probability (which depends on Y).
 * Accuracy (tests/bbn/test_bbn_nu_conv_table.c): the parts against the direct solve between the nodes, and Yp, D/H of
 * full HNL points against the direct path (bbn_decay.nu_conv_direct = 1).
 */
#include <math.h>
#include <stdlib.h>

#include "bbn_internal.h"

int bbn_nu_conv_table_init(bbn_nu_conv_table *t, const bbn_background *bg, double dlnt, fb_err *err) {
  t->n = 0;
  t->lv = NULL;
  t->done = NULL;
  FB_TEST(err, !(dlnt > 0.0) || bg->n < 2, FB_ERR_RANGE, "neutrino conversion table: spacing %g or background", dlnt);
  const double a = bg->ln_t[0], b = bg->ln_t[bg->n - 1];
  int n = (int)ceil((b - a) / dlnt) + 1;
  if (n < 2) n = 2;
  t->lnt0 = a;
  t->h = (b - a) / (n - 1);
  t->lv = malloc(sizeof(double[4]) * (size_t)n);
  t->done = calloc((size_t)n, 1);
  if (!t->lv || !t->done) {
    bbn_nu_conv_table_free(t);
    FB_FAIL(err, FB_ERR_MEMORY, "neutrino conversion table: allocation of %d nodes failed", n);
  }
  t->n = n;
  return FB_OK;
}

void bbn_nu_conv_table_free(bbn_nu_conv_table *t) {
  free(t->lv);
  free(t->done);
  t->lv = NULL;
  t->done = NULL;
  t->n = 0;
}

static const double *node(bbn_nu_conv_table *t, const bbn_tables *tab, const bbn_decay *d, const bbn_background *bg,
                          int i) {
  if (!t->done[i]) {
    double part[4];
    bbn_nu_conversion_node(tab, d, bg, exp(t->lnt0 + i * t->h), part);
    for (int c = 0; c < 4; ++c) t->lv[i][c] = part[c] > 0.0 ? log(part[c]) : -HUGE_VAL;
    t->done[i] = 1;
  }
  return t->lv[i];
}

int bbn_nu_conv_table_at(bbn_nu_conv_table *t, const bbn_tables *tab, const bbn_decay *d, const bbn_background *bg,
                         double t_s, double part[4]) {
  if (!t || t->n < 2) return 0;
  const double u = (log(t_s) - t->lnt0) / t->h;
  if (!(u >= 0.0 && u <= t->n - 1.0)) return 0;
  int i = (int)u;
  if (i > t->n - 2) i = t->n - 2;
  const double f = u - i;
  const double *l[4];
  for (int k = 0; k < 4; ++k) {
    int j = i - 1 + k; /* clamped stencil at the ends: one-sided there */
    j = j < 0 ? 0 : (j > t->n - 1 ? t->n - 1 : j);
    l[k] = node(t, tab, d, bg, j);
  }
  double w[4];
  bbn_cr_weights(f, w);
  for (int c = 0; c < 4; ++c) {
    if (l[0][c] > -HUGE_VAL && l[1][c] > -HUGE_VAL && l[2][c] > -HUGE_VAL && l[3][c] > -HUGE_VAL) {
      part[c] = exp(w[0] * l[0][c] + w[1] * l[1][c] + w[2] * l[2][c] + w[3] * l[3][c]);
    } else {
      part[c] = (1.0 - f) * exp(l[1][c]) + f * exp(l[2][c]); /* exp(-HUGE_VAL) = 0 */
    }
  }
  return 1;
}
