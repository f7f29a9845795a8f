/**
 * @file fb_alpha_s.c
 * @brief MS-bar running of alpha_s from alpha_s(M_Z) at 1-4 loops with flavour thresholds (fb_alpha_s.h).
 *        Replaces the copies of the R ratio (BC1/BC4/HNL), the ALP models, the plasma pressure (fb_thermo),
 *        BC4 production and the hadronisation (review item of issue 16).
 */
#include "fb_alpha_s.h"

#include <math.h>
#include <pthread.h>
#include <string.h>

#include "fb_constants.h"

static const double AS_THRESHOLD_GEV[3] = {FB_MC_QUARK_GEV, FB_MB_QUARK_GEV, FB_MT_QUARK_GEV};

int fb_alpha_s_nf(double mu_GeV, int nf_max) {
  int nf = 3 + (mu_GeV > FB_MC_QUARK_GEV) + (mu_GeV > FB_MB_QUARK_GEV) + (mu_GeV > FB_MT_QUARK_GEV);
  return nf < nf_max ? nf : nf_max;
}

/* beta coefficients for a = alpha/(4 pi): PDG 2024 QCD review eq. (9.5) (beta_0..beta_2) and
 * hep-ph/9701390 eq. (8) (beta_3). */
double fb_alpha_s_beta(double alpha, int loops, int nf) {
  const double n = nf, z3 = FB_ZETA3, a = alpha / (4.0 * FB_PI);
  const double b[4] = {11.0 - 2.0 / 3.0 * n, 102.0 - 38.0 / 3.0 * n,
                       2857.0 / 2.0 - 5033.0 / 18.0 * n + 325.0 / 54.0 * n * n,
                       149753.0 / 6.0 + 3564.0 * z3 - (1078361.0 / 162.0 + 6508.0 / 27.0 * z3) * n +
                           (50065.0 / 162.0 + 6472.0 / 81.0 * z3) * n * n + 1093.0 / 729.0 * n * n * n};
  double s = 0.0;
  for (int i = loops - 1; i >= 0; i--) s = b[i] + a * s;
  return -alpha * a * s;
}

/* d(1/alpha)/d ln mu^2 = (1/4 pi) sum_i beta_i a^i, a = alpha/(4 pi) = 1/(4 pi x): nearly constant, so RK4 in
 * x = 1/alpha is accurate with long steps (exact at one loop). */
static double as_dx(double x, int loops, int nf) {
  const double alpha = 1.0 / x;
  return -fb_alpha_s_beta(alpha, loops, nf) / (alpha * alpha);
}

/* alpha from t0 = ln mu0^2 to t1 at fixed nf: closed form at one loop, RK4 in 1/alpha otherwise. */
static double as_segment(double alpha, double t0, double t1, int loops, int nf) {
  if (t1 == t0) return alpha;
  if (loops == 1) return 1.0 / (1.0 / alpha + (11.0 - 2.0 / 3.0 * nf) / (4.0 * FB_PI) * (t1 - t0));
  const int n = (int)ceil(fabs(t1 - t0) / FB_ALPHA_S_STEP);
  const double h = (t1 - t0) / n;
  double x = 1.0 / alpha;
  for (int i = 0; i < n; i++) {
    const double k1 = as_dx(x, loops, nf);
    const double k2 = as_dx(x + 0.5 * h * k1, loops, nf);
    const double k3 = as_dx(x + 0.5 * h * k2, loops, nf);
    const double k4 = as_dx(x + h * k3, loops, nf);
    x += h * (k1 + 2.0 * k2 + 2.0 * k3 + k4) / 6.0;
  }
  return 1.0 / x;
}

/* Run from mu0 to mu1 with nf = min(nf of the full theory, nf_max) (nf_fixed > 0: that nf throughout),
 * one segment between consecutive thresholds. */
static double as_run(double alpha, double mu0, double mu1, int loops, int nf_max, int nf_fixed) {
  double mu = mu0;
  while (mu != mu1) {
    double next = mu1;
    if (nf_fixed <= 0)
      for (int i = 0; i < 3; i++) {
        const double m = AS_THRESHOLD_GEV[i];
        if ((mu < m && m < next) || (mu > m && m > next)) next = m;
      }
    /* nf of the open interval (mu, next): at its geometric midpoint */
    const int nf = nf_fixed > 0 ? nf_fixed : fb_alpha_s_nf(sqrt(mu * next), nf_max);
    alpha = as_segment(alpha, 2.0 * log(mu), 2.0 * log(next), loops, nf);
    mu = next;
  }
  return alpha;
}

static int as_bad(double mu_GeV, int loops) { return !(mu_GeV > 0.0) || loops < 1 || loops > 4; }

double fb_alpha_s_nfmax(double mu_GeV, int loops, int nf_max) {
  if (as_bad(mu_GeV, loops) || nf_max < 3 || nf_max > 6) return NAN;
  if (nf_max == 6) return as_run(FB_ALPHAS_MZ, FB_MZ_GEV, mu_GeV, loops, 6, 0);
  /* the full theory up to the first removed threshold, nf_max flavours above it */
  const double m = AS_THRESHOLD_GEV[nf_max - 3];
  if (mu_GeV <= m) return as_run(FB_ALPHAS_MZ, FB_MZ_GEV, mu_GeV, loops, 6, 0);
  return as_run(as_run(FB_ALPHAS_MZ, FB_MZ_GEV, m, loops, 6, 0), m, mu_GeV, loops, nf_max, 0);
}

/* The full-theory coupling at 2-4 loops from process-wide tables, built once on first use (pthread_once:
 * safe if threads ever call it); outside their range, and if building failed, the direct integration. */
#define AS_GLOBAL_MU_MIN_GEV 1.0
#define AS_GLOBAL_MU_MAX_GEV 1.0e5
static fb_alpha_s_table as_global[5];
static int as_global_ok;
static pthread_once_t as_global_once = PTHREAD_ONCE_INIT;

static void as_global_init(void) {
  fb_err e;
  memset(&e, 0, sizeof e);
  as_global_ok = 1;
  for (int L = 2; L <= 4; L++)
    if (fb_alpha_s_table_init(&as_global[L], AS_GLOBAL_MU_MIN_GEV, AS_GLOBAL_MU_MAX_GEV, L, 6, &e) != FB_OK)
      as_global_ok = 0;
}

double fb_alpha_s(double mu_GeV, int loops) {
  if (as_bad(mu_GeV, loops)) return NAN;
  if (loops >= 2) {
    pthread_once(&as_global_once, as_global_init);
    if (as_global_ok && fb_alpha_s_table_covers(&as_global[loops], mu_GeV))
      return fb_alpha_s_table_eval(&as_global[loops], mu_GeV);
  }
  return fb_alpha_s_nfmax(mu_GeV, loops, 6);
}

double fb_alpha_s_fixed_nf(double mu_GeV, int loops, int nf) {
  if (as_bad(mu_GeV, loops) || nf < 3 || nf > 6) return NAN;
  return as_run(FB_ALPHAS_MZ, FB_MZ_GEV, mu_GeV, loops, 6, nf);
}

double fb_alpha_s_plasma(double T_GeV) { return fb_alpha_s(fmax(2.0 * FB_PI * T_GeV, 1.0), FB_ALPHA_S_LOOPS); }

/* ------------------------------------------------------------------ table */
int fb_alpha_s_table_init(fb_alpha_s_table *t, double mu_min_GeV, double mu_max_GeV, int loops, int nf_max,
                          fb_err *err) {
  FB_TEST(err, t == NULL, FB_ERR_INPUT, "alpha_s table is NULL");
  FB_TEST(err, !(mu_min_GeV > 0.0 && mu_max_GeV > mu_min_GeV), FB_ERR_INPUT,
          "alpha_s table range [%g, %g] GeV: need 0 < mu_min < mu_max", mu_min_GeV, mu_max_GeV);
  FB_TEST(err, loops < 1 || loops > 4, FB_ERR_INPUT, "alpha_s loops = %d: allowed 1-4", loops);
  FB_TEST(err, nf_max < 3 || nf_max > 6, FB_ERR_INPUT, "alpha_s nf_max = %d: allowed 3-6", nf_max);
  t->loops = loops;
  t->nf_max = nf_max;
  t->lnmu_min = log(mu_min_GeV);
  t->lnmu_max = log(mu_max_GeV);
  t->dlnmu = (t->lnmu_max - t->lnmu_min) / (FB_ALPHA_S_TABLE_N - 1);
  /* one direct evaluation at the node next to M_Z, then node to node in both directions (O(N) steps) */
  const double lnmz = log(FB_MZ_GEV);
  long iz = lround((lnmz - t->lnmu_min) / t->dlnmu);
  if (iz < 0) iz = 0;
  if (iz > FB_ALPHA_S_TABLE_N - 1) iz = FB_ALPHA_S_TABLE_N - 1;
  const double mu_z = exp(t->lnmu_min + iz * t->dlnmu);
  t->a[iz] = fb_alpha_s_nfmax(mu_z, loops, nf_max);
  /* above the removed threshold the effective theory runs with nf_max flavours; below it, the full one */
  const double m_cut = nf_max < 6 ? AS_THRESHOLD_GEV[nf_max - 3] : INFINITY;
  for (long i = iz + 1; i < FB_ALPHA_S_TABLE_N; i++) {
    const double mu0 = exp(t->lnmu_min + (i - 1) * t->dlnmu), mu1 = exp(t->lnmu_min + i * t->dlnmu);
    if (mu0 < m_cut && mu1 > m_cut)
      t->a[i] = as_run(as_run(t->a[i - 1], mu0, m_cut, loops, 6, 0), m_cut, mu1, loops, nf_max, 0);
    else
      t->a[i] = as_run(t->a[i - 1], mu0, mu1, loops, mu0 < m_cut ? 6 : nf_max, 0);
  }
  for (long i = iz - 1; i >= 0; i--) {
    const double mu0 = exp(t->lnmu_min + (i + 1) * t->dlnmu), mu1 = exp(t->lnmu_min + i * t->dlnmu);
    if (mu0 > m_cut && mu1 < m_cut)
      t->a[i] = as_run(as_run(t->a[i + 1], mu0, m_cut, loops, nf_max, 0), m_cut, mu1, loops, 6, 0);
    else
      t->a[i] = as_run(t->a[i + 1], mu0, mu1, loops, mu0 > m_cut ? nf_max : 6, 0);
  }
  for (int i = 0; i < FB_ALPHA_S_TABLE_N; i++) {
    const double mu = exp(t->lnmu_min + i * t->dlnmu);
    FB_TEST(err, !(t->a[i] > 0.0 && t->a[i] < 1.0), FB_ERR_NUMERIC,
            "alpha_s(mu = %g GeV) = %g left (0, 1): raise the lower end of the table", mu, t->a[i]);
    t->da[i] = 2.0 * fb_alpha_s_beta(t->a[i], loops, fb_alpha_s_nf(mu, nf_max));
    const double mu1 = exp(t->lnmu_min + (i + 1) * t->dlnmu);
    t->thr[i] = 0;
    for (int k = 0; k < 3; k++) t->thr[i] |= mu <= AS_THRESHOLD_GEV[k] && AS_THRESHOLD_GEV[k] < mu1;
  }
  return FB_OK;
}

int fb_alpha_s_table_covers(const fb_alpha_s_table *t, double mu_GeV) {
  const double l = log(mu_GeV);
  return l >= t->lnmu_min && l <= t->lnmu_max;
}

double fb_alpha_s_table_eval(const fb_alpha_s_table *t, double mu_GeV) {
  const double x = (log(mu_GeV) - t->lnmu_min) / t->dlnmu;
  if (!(x > 0.0)) return t->a[0]; /* frozen below mu_min (and NaN) */
  if (x >= FB_ALPHA_S_TABLE_N - 1)
    return x == FB_ALPHA_S_TABLE_N - 1 ? t->a[FB_ALPHA_S_TABLE_N - 1] : fb_alpha_s_nfmax(mu_GeV, t->loops, t->nf_max);
  const int i = (int)x;
  if (t->thr[i]) /* a threshold inside the cell: run from its lower node (nf capped as the table's) */
    return as_run(t->a[i], exp(t->lnmu_min + i * t->dlnmu), mu_GeV, t->loops, t->nf_max, 0);
  const double s = x - i, h = t->dlnmu;
  /* cubic Hermite: values and exact slopes at both nodes */
  const double s2 = s * s, s3 = s2 * s;
  return (2.0 * s3 - 3.0 * s2 + 1.0) * t->a[i] + (s3 - 2.0 * s2 + s) * h * t->da[i] +
         (-2.0 * s3 + 3.0 * s2) * t->a[i + 1] + (s3 - s2) * h * t->da[i + 1];
}
