/**
 * @file bbn_theory_err.c
 * @brief The theory uncertainty of standard BBN from the network's rate errors (issue 14 sec. 4): linear
 *        propagation of the cited 1-sigma rate errors (bbn_rates.c) and of the neutron lifetime, computed
 *        once per Omega_b h^2 node and cached process-wide.
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
 * The inputs of the propagation are standard BBN with the library defaults (bbn_params_default) at the
 * given Omega_b h^2: the error band of the Standard-Model prediction that the chi^2 of every point uses
 * (bbn_chi2_th), independent of the point's new physics and of the integration tolerances, so the cached
 * values are the same in every process and thread whatever the order of the points.
 */
#include <math.h>
#include <pthread.h>
#include <string.h>

#include "bbn_internal.h"
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

int bbn_theory_err_compute(const bbn_tables *tab, double omega_b_h2, bbn_theory_err *th, fb_err *err) {
  return bbn_theory_err_compute_method(tab, omega_b_h2, BBN_TH_SENS_FORWARD, th, err);
}

int bbn_theory_err_compute_method(const bbn_tables *tab, double omega_b_h2, int method, bbn_theory_err *th,
                                  fb_err *err) {
  FB_TEST(err, method != BBN_TH_SENS_FORWARD && method != BBN_TH_SENS_DIFFERENCES, FB_ERR_RANGE,
          "theory errors: method %d, allowed %d (forward) or %d (differences)", method, BBN_TH_SENS_FORWARD,
          BBN_TH_SENS_DIFFERENCES);
  memset(th, 0, sizeof *th);
  bbn_params p;
  bbn_params_default(&p);
  p.omega_b_h2 = omega_b_h2;
  p.theory_errors = BBN_TH_PRIMAT; /* the chi^2 of these solves is not used: no recursion into the cache */
  bbn_result r0;
  if (method == BBN_TH_SENS_FORWARD) {
    double sens[BBN_N_SENS][4];
    FB_CALL(err, bbn_solve_sens(tab, &p, &r0, sens, err));
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
  return FB_OK;
}

/* The process-wide cache: one entry per node, filled on first use. The mutex is held while a node is
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
    bbn_theory_err th;
    rc = bbn_theory_err_compute(tab, exp(node_lnw(i)), &th, err);
    if (rc == FB_OK) {
      th_sY[i] = th.rel[0] * th.X[0];
      th_sD[i] = th.rel[1];
      th_done[i] = 1;
    }
  }
  *sY = th_sY[i];
  *sD = th_sD[i];
  pthread_mutex_unlock(&th_lock);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "theory errors at an Omega_b h^2 node");
  return FB_OK;
}

int bbn_theory_err_get(const bbn_tables *tab, double omega_b_h2, double *sY, double *sD_rel, fb_err *err) {
  FB_TEST(err, !(omega_b_h2 > 0.0), FB_ERR_RANGE, "omega_b_h2 = %g must be > 0", omega_b_h2);
  double u = (log(omega_b_h2) - node_lnw(0)) / node_step();
  if (fabs(u - round(u)) < 1e-9) u = round(u); /* on a node (the default): that node alone */
  if (u < 0.0 || u > BBN_TH_N_NODES - 1) {
    /* outside the nodes: computed at this Omega_b h^2 (review of session 6: the edge node's values were held
     * without a flag, e.g. for eval bbn omega_b_h2=0.005) */
    bbn_theory_err th;
    FB_CALL(err, bbn_theory_err_compute(tab, omega_b_h2, &th, err));
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
