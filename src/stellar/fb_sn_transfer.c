/**
 * @file fb_sn_transfer.c
 * @brief Energy-transfer trapping criterion along one path (issue 16); see fb_sn_transfer.h.
 */
#include "fb_sn_transfer.h"

#include <math.h>

#define SN_TRANSFER_PATH_MAX 1025
#define SN_TRANSFER_TAU_RATIO 3.0 /* largest optical-depth ratio inside one group (until kmax groups) */

double fb_sn_reservoir_weight(const fb_sn_medium *m, double r) {
  const int smooth = m->opt.emission_smooth && !(m->opt.r_emit_km > 0);
  if (smooth) return r < m->r_far_invGeV ? fb_sn_emission_weight(m, r) : 0.0;
  /* sharp edge: the reservoir ends at the emission radius (the path end is inside it, so that the
   * whole drop of w is the end term w(S) e^{-tau(S)}: P = e^{-tau(R_nu)}) */
  return r <= m->r_emit_invGeV * (1.0 + 1e-9) ? 1.0 : 0.0;
}

size_t fb_sn_path_transfer(const fb_sn_medium *m, double mass, double r0, double om0, double mu, fb_sn_rate_fn rate,
                           void *ctx, size_t kmax, double *dw, double *tau) {
  for (size_t g = 0; g < kmax; g++) dw[g] = tau[g] = 0.0;
  if (kmax == 0) return 0;
  const int N = m->opt.n_path;
  const double re = m->r_tau_invGeV;
  if (!(r0 < re)) { /* emitted beyond the end of the region: all of w(r0) leaves unabsorbed */
    dw[0] = fb_sn_reservoir_weight(m, r0);
    return dw[0] != 0.0;
  }
  /* the same nodes and trapezoid rule as fb_sn_path_tau: s = s_max t^2 */
  double smax = -r0 * mu + sqrt(re * re - r0 * r0 * (1.0 - mu * mu));
  double tc[SN_TRANSFER_PATH_MAX], w[SN_TRANSFER_PATH_MAX];
  double lapse0 = fb_sn_point_at(m, r0).lapse, prev = 0.0, s_prev = 0.0;
  for (int j = 0; j <= N; j++) {
    double t = (double)j / N, s = smax * t * t;
    double r = sqrt(fmax(r0 * r0 + s * s + 2.0 * r0 * s * mu, 0.0));
    fb_sn_point q = fb_sn_point_at(m, r);
    double om = om0 * lapse0 / q.lapse, p2 = om * om - mass * mass;
    if (!(p2 > 0)) { /* gravitationally trapped: falls back, no energy leaves */
      for (size_t g = 0; g < kmax; g++) dw[g] = 0.0;
      return 0;
    }
    double f = rate(&q, r, om, ctx) / (sqrt(p2) / om);
    tc[j] = j > 0 ? tc[j - 1] + 0.5 * (prev + f) * (s - s_prev) : 0.0;
    w[j] = fb_sn_reservoir_weight(m, r);
    prev = f;
    s_prev = s;
  }
  /* items: segment j (drop w_j - w_{j+1} at the mid-segment optical depth) and the end term w_N e^{-tau_N} */
  double A = w[N];
  for (int j = 0; j < N; j++) A += fabs(w[j] - w[j + 1]);
  if (!(A > 0)) return 0;
  const double thr = kmax > (size_t)N ? 0.0 : A / (double)kmax;
  double acc = 0.0, sabs = 0.0, stau = 0.0, t_first = 0.0;
  size_t ng = 0;
  int sign = 0;
  for (int j = 0; j <= N; j++) {
    double d = j < N ? w[j] - w[j + 1] : w[N], tj = j < N ? 0.5 * (tc[j] + tc[j + 1]) : tc[N];
    if (!(fabs(d) > 1e-12 * A)) continue;
    int sg = d > 0 ? 1 : -1;
    /* a new group when the sign changes, the group holds its share of |dw|, or the optical depth has grown
     * by more than SN_TRANSFER_TAU_RATIO inside it (e^{-g^2 tau} then varies too much across the group) */
    int grown = t_first > 0 ? tj > SN_TRANSFER_TAU_RATIO * t_first : tj > 0 && sabs > 0;
    if (ng == 0 || ((sg != sign || acc + fabs(d) > thr * (1.0 + 1e-9) || grown) && ng < kmax)) {
      if (ng > 0) tau[ng - 1] = stau / sabs;
      ng++;
      acc = sabs = stau = 0.0;
      sign = sg;
      t_first = tj;
    }
    /* the group's optical depth: the |dw|-weighted mean (exact to first order in the coupling^2) */
    dw[ng - 1] += d;
    acc += fabs(d);
    sabs += fabs(d);
    stau += fabs(d) * tj;
  }
  if (ng > 0) tau[ng - 1] = stau / sabs;
  return ng;
}
