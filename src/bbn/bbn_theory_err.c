/**
 * @file bbn_theory_err.c
 * @brief The theory uncertainty of standard BBN from the network's rate errors (issue 14 sec. 4): linear
 *        propagation of the cited 1-sigma rate errors (bbn_rates.c) and of the neutron lifetime, computed
 *        once per Omega_b h^2 node and cached process-wide and on disk (bbn_cache.c).
 *
 * sigma_X / X = sqrt(sum_k (S_kX sigma_k)^2 + (S_tau,X sigma_tau / tau_n)^2), S_kX = d ln X / d ln R_k and
 * S_tau,X = d ln X / d ln tau_n from the forward sensitivities of the network (bbn_solve_sens: CVODES, one
 * augmented solve, ~4 solves' cost instead of 31; BBN_TH_SENS_DIFFERENCES keeps the central differences,
 * rate factors 1 +- 0.02 and tau_n +- 1%, that they are tested against), sigma_tau = 0.5 s (PDG 2024, 878.4 +- 0.5 s). The rates are independent (no correlations), as in
 * the rate Monte Carlo of PRIMAT (Pitrou et al. arXiv:1801.08023), whose published result (sigma(Yp) =
 * 0.00017, sigma(D/H)/(D/H) = 1.46%) is the reference of this linear propagation (docs/validation.md "BBN
 * theory errors"). Not included: errors of the weak-rate corrections (radiative, finite-nucleon-mass,
 * thermal; bbn_weak.c carries no error estimate for them: their uncertainty enters Yp only through tau_n
 * here), of G_F and of the nuclear masses, and the shape errors of the d+d and 3He+4He S factors (only their
 * normalisation is fitted, fit_sfactor_scale.py).
 *
 * The cached nodes (bbn_theory_err_get) take the sensitivities to the reactions among A <= 4 nuclides only
 * (BBN_TH_SENS_FORWARD_LIGHT, light_reactions below) at rtol 1e-5 (TH_SENS_RTOL): Yp and D/H errors within 4e-8
 * and 3e-5 of the full set at rtol 1e-8, in 18 instead of 35 ms.
 *
 * The inputs of the propagation are standard BBN with the library defaults (bbn_params_default) at the
 * given Omega_b h^2: the error band of the Standard-Model prediction that the chi^2 of every point uses
 * (bbn_chi2_th), independent of the point's new physics and of the integration tolerances, so the cached
 * values are the same in every process and thread whatever the order of the points.
 */
#include <math.h>
#include <pthread.h>
#include <string.h>

#include "bbn_internal.h"
#include "fb_cache.h"
#include "fb_constants.h"

#define TH_RATE_STEP 0.02 /* relative rate step of the central differences */
#define TH_TAU_STEP 0.01  /* relative tau_n step */

/* brute force: central differences (the implementation before the forward sensitivities; the reference of
 * tests/bbn/test_bbn_theory_err.c) */
static int sens_differences(const bbn_tables *tab, const bbn_params *p, bbn_theory_err *th, fb_err *err) {
  bbn_result up, dn;
  FB_CALL(err, bbn_rate_sensitivities(tab, p, TH_RATE_STEP, th->sens, err));
  bbn_params q = *p;
  q.tau_n_s = p->tau_n_s * (1.0 + TH_TAU_STEP);
  FB_CALL(err, bbn_solve(tab, &q, &up, err));
  q.tau_n_s = p->tau_n_s * (1.0 - TH_TAU_STEP);
  FB_CALL(err, bbn_solve(tab, &q, &dn, err));
  const double h = log((1.0 + TH_TAU_STEP) / (1.0 - TH_TAU_STEP));
  th->sens_tau_n[0] = log(up.Yp_mass / dn.Yp_mass) / h;
  th->sens_tau_n[1] = log(up.D_H / dn.D_H) / h;
  th->sens_tau_n[2] = log(up.He3_H / dn.He3_H) / h;
  th->sens_tau_n[3] = log(up.Li7_H / dn.Li7_H) / h;
  return FB_OK;
}

static int all_reactions(int *reac) {
  for (int k = 0; k < BBN_N_REAC; ++k) reac[k] = k;
  return BBN_N_REAC;
}

/* The reactions among nuclides of A <= 4 (n, p, d, t, 3He, 4He). Those that make or destroy 6Li, 7Li or 7Be act on
 * abundances of < 1e-9 per proton: their terms in the errors of Yp, D/H and 3He/H are <= 4e-8 of them (the full
 * budget with and without them, Omega_b h^2 = 0.010-0.050: test_bbn_cache test_light_sensitivities; the two
 * augmented solves themselves differ by <= 3e-5, their integration noise at rtol 1e-5), and leaving their 6
 * sensitivities out of the augmented solve saves 28% of it (25 -> 18 ms). */
static int light_reactions(int *reac) {
  int n = 0;
  for (int k = 0; k < BBN_N_REAC; ++k) {
    const bbn_reaction *r = &bbn_reactions[k];
    const int sp[4] = {r->a, r->b, r->c, r->d};
    int light = 1;
    for (int m = 0; m < 4; ++m)
      if (sp[m] >= 0 && bbn_nuclides[sp[m]].A > 4) light = 0;
    if (light) reac[n++] = k;
  }
  return n;
}

/* The relative tolerance of the forward-sensitivity solve (the default 1e-6 elsewhere): its sigma(Yp) and
 * sigma(D/H)/(D/H) are within 5e-6 and 3e-5 (relative) of those at rtol 1e-8, in 25 instead of 35 ms (528
 * instead of 800 steps). An error of 3e-5 on a 1-sigma error is far below what these errors are known to; the
 * central differences (the reference of the tests) keep the default. docs/performance.md. */
#define TH_SENS_RTOL 1e-5

/* the inputs of the solve at Omega_b h^2 (also the key of a node in the persistent cache, bbn_cache.c) */
static void node_params(double omega_b_h2, int method, bbn_params *p) {
  bbn_params_default(p);
  p->omega_b_h2 = omega_b_h2;
  p->theory_errors = BBN_TH_PRIMAT; /* the chi^2 of these solves is not used: no recursion into the cache */
  if (method != BBN_TH_SENS_DIFFERENCES) p->rtol = TH_SENS_RTOL;
}

int bbn_theory_err_compute(const bbn_tables *tab, double omega_b_h2, bbn_theory_err *th, fb_err *err) {
  return bbn_theory_err_compute_method(tab, omega_b_h2, BBN_TH_SENS_FORWARD, th, err);
}

int bbn_theory_err_compute_method(const bbn_tables *tab, double omega_b_h2, int method, bbn_theory_err *th,
                                  fb_err *err) {
  FB_TEST(err, method != BBN_TH_SENS_FORWARD && method != BBN_TH_SENS_DIFFERENCES &&
                   method != BBN_TH_SENS_FORWARD_LIGHT, FB_ERR_RANGE,
          "theory errors: method %d, allowed %d (forward), %d (differences) or %d (forward, A <= 4 reactions)", method,
          BBN_TH_SENS_FORWARD, BBN_TH_SENS_DIFFERENCES, BBN_TH_SENS_FORWARD_LIGHT);
  memset(th, 0, sizeof *th);
  bbn_params p;
  node_params(omega_b_h2, method, &p);
  bbn_result r0;
  if (method == BBN_TH_SENS_FORWARD || method == BBN_TH_SENS_FORWARD_LIGHT) {
    double sens[BBN_N_SENS][4];
    int reac[BBN_N_REAC];
    const int n = method == BBN_TH_SENS_FORWARD ? all_reactions(reac) : light_reactions(reac);
    FB_CALL(err, bbn_solve_sens_subset(tab, &p, reac, n, &r0, sens, err));
    memcpy(th->sens, sens, sizeof th->sens);
    memcpy(th->sens_tau_n, sens[BBN_SENS_TAU_N], sizeof th->sens_tau_n);
  } else {
    FB_CALL(err, bbn_solve(tab, &p, &r0, err));
    FB_CALL(err, sens_differences(tab, &p, th, err));
  }
  th->omega_b_h2 = omega_b_h2;
  th->X[0] = r0.Yp_mass;
  th->X[1] = r0.D_H;
  th->X[2] = r0.He3_H;
  th->X[3] = r0.Li7_H;
  const double s_tau = FB_TAU_N_SIGMA_S / p.tau_n_s;
  for (int x = 0; x < 4; ++x) {
    double s2 = 0.0;
    for (int k = 0; k < BBN_N_REAC; ++k) s2 += pow(th->sens[k][x] * bbn_rate_sigma_rel(k), 2);
    th->rel_rates[x] = sqrt(s2);
    th->rel_tau_n[x] = fabs(th->sens_tau_n[x]) * s_tau;
    th->rel[x] = sqrt(s2 + th->rel_tau_n[x] * th->rel_tau_n[x]);
  }
  if (method == BBN_TH_SENS_FORWARD_LIGHT) th->rel[3] = th->rel_rates[3] = NAN; /* the A >= 6 reactions are out */
  return FB_OK;
}

/* The process-wide cache: one entry per node, filled on first use, from the persistent cache (bbn_cache.c) when
 * it holds the node for this program version, else computed and stored there. The mutex is held while a node is
 * computed (one solve with sensitivities): a second thread needing any node waits, then finds it filled. */
static pthread_mutex_t th_lock = PTHREAD_MUTEX_INITIALIZER;
static int th_done[BBN_TH_N_NODES];
static double th_sY[BBN_TH_N_NODES], th_sD[BBN_TH_N_NODES];

/* Nodes uniform in ln Omega_b h^2 with the spacing of BBN_TH_N_NODES over [BBN_FIT_OMEGAB_MIN, _MAX], shifted
 * so that the middle node is the default FB_OMEGA_B_H2_PLANCK: a point at the default (every scan and eval
 * that does not set omega_b_h2) needs one node, not two (half the set-up: 0.62 -> ~0.35 s per process) */
static double node_step(void) { return log(BBN_FIT_OMEGAB_MAX / BBN_FIT_OMEGAB_MIN) / (BBN_TH_N_NODES - 1); }
static double node_lnw(int i) { return log(FB_OMEGA_B_H2_PLANCK) + (i - (BBN_TH_N_NODES - 1) / 2) * node_step(); }

void bbn_theory_err_node_range(double *lnw_lo, double *lnw_hi) {
  *lnw_lo = node_lnw(0);
  *lnw_hi = node_lnw(BBN_TH_N_NODES - 1);
}

static int node_get(const bbn_tables *tab, int i, double *sY, double *sD, fb_err *err) {
  int rc = FB_OK;
  pthread_mutex_lock(&th_lock);
  if (!th_done[i]) {
    const double w = exp(node_lnw(i));
    bbn_params p;
    node_params(w, BBN_TH_SENS_FORWARD_LIGHT, &p);
    uint8_t key[FB_CACHE_KEY_MAX];
    size_t len;
    const int keyed = bbn_cache_node_key(i, w, BBN_TH_SENS_FORWARD_LIGHT, &p, tab, key, sizeof key, &len);
    if (keyed && bbn_cache_node_load(key, len, &th_sY[i], &th_sD[i])) {
      th_done[i] = 1;
    } else {
      bbn_theory_err th;
      rc = bbn_theory_err_compute_method(tab, w, BBN_TH_SENS_FORWARD_LIGHT, &th, err);
      if (rc == FB_OK) {
        th_sY[i] = th.rel[0] * th.X[0];
        th_sD[i] = th.rel[1];
        th_done[i] = 1;
        if (keyed) bbn_cache_node_store(key, len, th_sY[i], th_sD[i]);
      }
    }
  }
  *sY = th_sY[i];
  *sD = th_sD[i];
  pthread_mutex_unlock(&th_lock);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "theory errors at an Omega_b h^2 node");
  return FB_OK;
}

void bbn_theory_err_forget(void) {
  pthread_mutex_lock(&th_lock);
  memset(th_done, 0, sizeof th_done);
  pthread_mutex_unlock(&th_lock);
}

int bbn_theory_err_get(const bbn_tables *tab, double omega_b_h2, double *sY, double *sD_rel, fb_err *err) {
  FB_TEST(err, !(omega_b_h2 > 0.0), FB_ERR_RANGE, "omega_b_h2 = %g must be > 0", omega_b_h2);
  double u = (log(omega_b_h2) - node_lnw(0)) / node_step();
  if (fabs(u - round(u)) < 1e-9) u = round(u); /* on a node (the default): that node alone */
  if (u < 0.0 || u > BBN_TH_N_NODES - 1) {
    /* outside the nodes: computed at this Omega_b h^2 (review of session 6: the edge node's values were held
     * without a flag, e.g. for eval bbn omega_b_h2=0.005) */
    bbn_theory_err th;
    FB_CALL(err, bbn_theory_err_compute_method(tab, omega_b_h2, BBN_TH_SENS_FORWARD_LIGHT, &th, err));
    *sY = th.rel[0] * th.X[0];
    *sD_rel = th.rel[1];
    return FB_OK;
  }
  int i = (int)floor(u);
  if (i > BBN_TH_N_NODES - 2) i = BBN_TH_N_NODES - 2;
  const double w = u - i;
  double y0, d0, y1, d1;
  FB_CALL(err, node_get(tab, i, &y0, &d0, err));
  if (w > 0.0) {
    FB_CALL(err, node_get(tab, i + 1, &y1, &d1, err));
  } else {
    y1 = y0, d1 = d0;
  }
  *sY = (1.0 - w) * y0 + w * y1;
  *sD_rel = (1.0 - w) * d0 + w * d1;
  return FB_OK;
}
