/**
 * @file fb_freezein_plasmon.c
 * @brief Plasmon decay gamma*_{T,L} -> chi chibar of the freeze-in (fb_freezein.h): Braaten-Segel dispersion
 *        relations and residues (hep-ph/9302213), the rate per mode and its yield. The physics and the
 *        approximations are stated in fb_freezein.c; split out of it (issue 16: one idea per file).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>

#include "fb_constants.h"
#include "fb_freezein.h"
#include "fb_freezein_internal.h"

/* ------------------------------------------------------------------ plasmons */
/* L(x) = atanh(x)/x, A(x) = (L - 1)/x^2 and their x-derivatives (series below x = 0.1). */
static void la_funcs(double x, double *L, double *A, double *dL, double *dA) {
  if (x < 0.1) {
    double x2 = x * x, p = 1.0, sL = 1.0, sA = 0.0, sdL = 0.0, sdA = 0.0;
    /* L = sum_n x^{2n}/(2n+1); A = sum_{n>=1} x^{2n-2}/(2n+1) */
    for (int n = 1; n <= 9; n++) {
      const double c = 1.0 / (2.0 * n + 1.0);
      sA += p * c;                               /* x^{2n-2} */
      if (n >= 2) sdA += (2.0 * n - 2.0) * c * p / x; /* d/dx x^{2n-2} */
      sdL += 2.0 * n * c * p * x;                /* d/dx x^{2n} = 2n x^{2n-1} */
      p *= x2;
      sL += p * c;                               /* x^{2n} */
    }
    *L = sL;
    *A = sA;
    *dL = sdL;
    *dA = sdA;
    return;
  }
  *L = atanh(x) / x;
  *A = (*L - 1.0) / (x * x);
  *dL = (1.0 / (1.0 - x * x) - *L) / x;
  *dA = (*dL * x - 2.0 * (*L - 1.0)) / (x * x * x);
}

typedef struct disp_ctx {
  int pol;
  double v, q;
} disp_ctx;

/* T: F = w^2 - q^2 - (3/2)(L - A);  L: G = w^2 - 3 A   (x = v q / w); units of omega_p */
static double disp_f(double w, const disp_ctx *c) {
  const double x = c->v * c->q / w;
  double L, A, dL, dA;
  la_funcs(x, &L, &A, &dL, &dA);
  if (c->pol == 0) return w * w - c->q * c->q - 1.5 * (L - A);
  return w * w - 3.0 * A;
}

/* Illinois regula falsi on a sign-changing bracket [a, b]. */
static double solve_bracket(const disp_ctx *c, double a, double b, double fa, double fb) {
  int side = 0;
  for (int it = 0; it < 200; it++) {
    const double x = (a * fb - b * fa) / (fb - fa);
    const double fx = disp_f(x, c);
    if (fx == 0.0 || fabs(b - a) < 1e-15 * fabs(x)) return x;
    if ((fx > 0) == (fb > 0)) {
      b = x;
      fb = fx;
      if (side == -1) fa *= 0.5;
      side = -1;
    } else {
      a = x;
      fa = fx;
      if (side == 1) fb *= 0.5;
      side = 1;
    }
  }
  return 0.5 * (a + b);
}

int fb_freezein_dispersion(fb_freezein *fi, int pol, double v, double q, double *w, double *Z, int *exists,
                           fb_err *err) {
  if (fi) fi->n_dispersion++;
  FB_TEST(err, !(v > 0 && v <= 1.0) || !(q >= 0) || (pol != 0 && pol != 1), FB_ERR_RANGE,
          "dispersion: v = %g (0 < v <= 1), q = %g (>= 0), pol = %d (0 T, 1 L)", v, q, pol);
  *exists = 1;
  if (q == 0.0) {
    *w = 1.0;
    *Z = 1.0;
    return FB_OK;
  }
  disp_ctx c = {pol, v, q};
  double a, b;
  if (pol == 0) {
    /* 1 <= pi_t/omega_p^2 <= 3/2 (Braaten-Segel: omega_p^2 at k = 0, 3/2 omega_p^2 = m_inf^2 at v = 1) */
    a = sqrt(q * q + 1.0);
    b = sqrt(q * q + 1.5) * (1.0 + 1e-12);
  } else {
    /* the L mode ends on the light cone at q_end^2 = 3 A(v) (v < 1) */
    a = fmax(1.0, q * (1.0 + 1e-13));
    if (v * q / a >= 1.0) {
      *exists = 0;
      return FB_OK;
    }
    double L, A, dL, dA;
    la_funcs(v * q / a, &L, &A, &dL, &dA);
    b = sqrt(3.0 * A) * (1.0 + 1e-12) + 1e-12;
  }
  double fa = disp_f(a, &c), fb = disp_f(b, &c);
  if (pol == 1 && fa > 0) { /* beyond the end point: spacelike (Landau-damped), no decay */
    *exists = 0;
    return FB_OK;
  }
  if (fa > 0 && fa < 1e-12) {
    *w = a;
  } else {
    FB_TEST(err, !(fa <= 0 && fb >= 0), FB_ERR_NUMERIC, "dispersion (pol %d, v = %g, q = %g): no bracket [%g, %g] -> [%g, %g]",
            pol, v, q, a, b, fa, fb);
    *w = solve_bracket(&c, a, b, fa, fb);
  }
  /* residues: Z_T = 1/(1 - dpi_t/dw^2), Z_L = -q^2 / ((w^2 - q^2) dpi_l/dw^2), with
   * d/dw^2 = -(x/(2 w^2)) d/dx at fixed q */
  const double x = v * q / *w;
  double L, A, dL, dA;
  la_funcs(x, &L, &A, &dL, &dA);
  const double ddw2 = -x / (2.0 * *w * *w);
  if (pol == 0) {
    *Z = 1.0 / (1.0 - 1.5 * (dL - dA) * ddw2);
  } else {
    const double w2 = *w * *w;
    const double dpil = 3.0 * q * q * (dA * ddw2 / w2 - A / (w2 * w2));
    *Z = -q * q / ((w2 - q * q) * dpil);
  }
  return FB_OK;
}

typedef struct pl_ctx {
  fb_freezein *fi;
  int pol;
  double m, T, wp, v;
  double sub_origin, sub_sign; /* q = sub_origin + sub_sign t^2 */
  fb_err *err;
  int rc;
} pl_ctx;

/* the branch at q (fb_freezein_dispersion); 0 after an error, kept in c->rc */
static int pl_disp(pl_ctx *c, double q, double *w, double *Z, int *ex) {
  int rc = fb_freezein_dispersion(c->fi, c->pol, c->v, q, w, Z, ex, c->err);
  if (rc != FB_OK) c->rc = rc;
  return rc == FB_OK;
}

/* K^2/omega_p^2 on the branch at q */
static double pl_K2(pl_ctx *c, double q) {
  double w, Z;
  int ex;
  if (!pl_disp(c, q, &w, &Z, &ex)) return NAN;
  return ex ? (w - q) * (w + q) : 0.0;
}

/* d gamma / dq (Q = 1), q = k/omega_p */
static double pl_integrand(double q, void *p) {
  pl_ctx *c = p;
  double w, Z;
  int ex;
  if (!pl_disp(c, q, &w, &Z, &ex)) return NAN;
  if (!ex) return 0.0;
  const double K2 = (w - q) * (w + q) * c->wp * c->wp;
  const double x = 4.0 * c->m * c->m / K2;
  if (x >= 1.0) return 0.0;
  const double omega = w * c->wp, k = q * c->wp;
  const double fB = 1.0 / expm1(omega / c->T);
  const double gam = Z * K2 / omega * FB_ALPHA_EM / 3.0 * (1.0 + x / 2.0) * sqrt(1.0 - x);
  const double gpol = c->pol == 0 ? 2.0 : 1.0;
  return gpol / (2.0 * FB_PI * FB_PI) * k * k * fB * gam * c->wp; /* dk = omega_p dq */
}

static double pl_integrand_sub(double t, void *p) {
  const pl_ctx *c = p;
  return 2.0 * t * pl_integrand(c->sub_origin + c->sub_sign * t * t, p);
}

/* q where K^2(q)/omega_p^2 = target, on a monotone branch, by bisection in [a, b]. */
static double pl_threshold_q(pl_ctx *c, double a, double b, double target) {
  double fa = pl_K2(c, a) - target;
  for (int it = 0; it < 200 && c->rc == FB_OK; it++) {
    const double mid = 0.5 * (a + b);
    const double fm = pl_K2(c, mid) - target;
    if ((fm > 0) == (fa > 0)) {
      a = mid;
      fa = fm;
    } else {
      b = mid;
    }
    if (b - a < 1e-11 * b) break;
  }
  return 0.5 * (a + b);
}

/* Largest K^2/omega_p^2 of a branch at velocity v: T: the light-cone value (3/2)(L(v) - A(v))
 * (-> 3/2 at v = 1); L: 1 (at k = 0). */
static double pl_K2_max(int pol, double v) {
  if (pol == 1) return 1.0;
  if (v >= 1.0 - 1e-12) return 1.5;
  double L, A, dL, dA;
  la_funcs(v, &L, &A, &dL, &dA);
  return 1.5 * (L - A);
}

static int plasmon_rate(fb_freezein *fi, int pol, double mass_GeV, double T_GeV, int fixed, double *rate,
                        fb_err *err) {
  double wp, v;
  FB_CALL(err, fb_freezein_plasma(fi, T_GeV, &wp, &v, err));
  fi->n_plasmon_rates++;
  *rate = 0.0;
  const double target = 4.0 * mass_GeV * mass_GeV / (wp * wp);
  if (target >= pl_K2_max(pol, v)) return FB_OK;
  pl_ctx c = {fi, pol, mass_GeV, T_GeV, wp, v, 0.0, 1.0, err, FB_OK};
  const double qT = T_GeV / wp;
  double lo = 0.0, hi;
  if (pol == 0) {
    if (target > 1.0) {
      double b = 1.0;
      while (pl_K2(&c, b) < target && b < 1e12 && c.rc == FB_OK) b *= 4.0;
      lo = pl_threshold_q(&c, 0.0, b, target);
    }
    hi = lo + 60.0 * qT + 10.0;
  } else {
    /* K^2 falls from 1 at q = 0 to 0 at the end point (or at q -> inf for v = 1) */
    double b = 1.0;
    while (pl_K2(&c, b) > target && b < 1e12 && c.rc == FB_OK) b *= 4.0;
    hi = pl_threshold_q(&c, 0.0, b, target);
    hi = fmin(hi, 60.0 * qT + 10.0);
  }
  if (c.rc != FB_OK) return fb_err_push(err, c.rc, __func__, __LINE__, "plasmon threshold");
  /* the decay opens as sqrt(K^2 - 4 m^2) ~ sqrt|q - q_threshold|: substitute q = lo + t^2 (T) or
   * q = hi - t^2 (L) so that the integrand is smooth in t */
  double r = 0;
  c.sub_origin = pol == 0 ? lo : hi;
  c.sub_sign = pol == 0 ? 1.0 : -1.0;
  const double t_hi = sqrt(hi - lo);
  const double brk = sqrt(fmin(qT, hi - lo)); /* f_B turns over at omega ~ T */
  if (fixed) {
    /* pieces [0, brk], then up to omega - omega_min ~ 4 T, 15 T, 60 T (f_B ~ e^-omega/T) */
    double edges[5] = {0.0, brk, sqrt(fmin(4.0 * qT, hi - lo)), sqrt(fmin(15.0 * qT, hi - lo)), t_hi};
    gsl_function F = {pl_integrand_sub, &c};
    for (int i = 0; i < 4; i++)
      if (edges[i + 1] > edges[i])
        r += gsl_integration_glfixed(&F, edges[i], edges[i + 1], (const gsl_integration_glfixed_table *)fi->gl_table);
  } else {
    FB_CALL(err, fb_fi_quad(fi, fi->ws_inner, pl_integrand_sub, &c, 0.0, t_hi, &brk, 1, &r, err));
  }
  if (c.rc != FB_OK) return fb_err_push(err, c.rc, __func__, __LINE__, "plasmon dispersion");
  FB_TEST(err, !isfinite(r) || r < 0, FB_ERR_NUMERIC, "plasmon rate (pol %d) = %g at T = %g GeV", pol, r, T_GeV);
  *rate = r;
  return FB_OK;
}

int fb_freezein_plasmon_rate_GeV4(fb_freezein *fi, int pol, double mass_GeV, double T_GeV, double *rate,
                                  fb_err *err) {
  return plasmon_rate(fi, pol, mass_GeV, T_GeV, 0, rate, err);
}

int fb_freezein_plasmon_rate_fixed_GeV4(fb_freezein *fi, int pol, double mass_GeV, double T_GeV, double *rate,
                                        fb_err *err) {
  return plasmon_rate(fi, pol, mass_GeV, T_GeV, 1, rate, err);
}

typedef struct ply_ctx {
  fb_freezein *fi;
  int pol;
  double m;
  double lnT_on;
  fb_err *err;
  int rc;
} ply_ctx;

/* dY/dlnT = 2 gamma (1 + dlngs/3)/(s H), Q = 1 */
static double ply_integrand(double lnT, void *p) {
  ply_ctx *c = p;
  const double T = exp(lnT);
  double r = 0;
  int rc = plasmon_rate(c->fi, c->pol, c->m, T, 1, &r, c->err);
  if (rc != FB_OK) {
    c->rc = rc;
    return NAN;
  }
  return 2.0 * r * fb_fi_bg_weight(c->fi, T);
}

static double ply_integrand_sub(double u, void *p) {
  const ply_ctx *c = p;
  return 2.0 * u * ply_integrand(c->lnT_on + u * u, p);
}

/* lowest T at which the branch can decay into chi chibar (mmax(T) = 2 m), by bisection in ln T */
static double plasmon_T_on(const fb_freezein *fi, int pol, double m, double lnT_hi) {
  fb_err e;
  double a = fi->lnT_pl_min, b = lnT_hi;
  for (int it = 0; it < 100; it++) {
    const double mid = 0.5 * (a + b);
    double wp, v;
    fb_err_clear(&e);
    if (fb_freezein_plasma(fi, exp(mid), &wp, &v, &e) != FB_OK) return exp(b);
    if (wp * wp * pl_K2_max(pol, v) > 4.0 * m * m)
      b = mid;
    else
      a = mid;
    if (b - a < 1e-10) break;
  }
  return exp(b);
}

int fb_fi_plasmon_yield(fb_freezein *fi, int pol, double m, double *Y, fb_err *err) {
  *Y = 0.0;
  const double lnT_hi = log(fi->par.T_reheat_GeV);
  double wp, v;
  FB_CALL(err, fb_freezein_plasma(fi, fi->par.T_reheat_GeV, &wp, &v, err));
  if (wp * wp * pl_K2_max(pol, v) <= 4.0 * m * m) return FB_OK;
  const double lnT_on = log(plasmon_T_on(fi, pol, m, lnT_hi));
  if (!(lnT_on < lnT_hi)) return FB_OK;
  ply_ctx c = {fi, pol, m, lnT_on, err, FB_OK};
  double r = 0;
  /* the decay opens at T_on like a threshold: lnT = lnT_on + u^2; breaks at the electron, muon
   * thresholds of the plasma frequency and the quark switch-on */
  const double lnb[3] = {log(FB_ME_GEV), log(FB_MMU_GEV), log(fi->par.T_qcd_GeV)};
  double brk[3];
  for (int i = 0; i < 3; i++) brk[i] = lnb[i] > lnT_on ? sqrt(lnb[i] - lnT_on) : -1.0;
  FB_CALL(err, fb_fi_quad(fi, fi->ws_outer, ply_integrand_sub, &c, 0.0, sqrt(lnT_hi - lnT_on), brk, 3, &r, err));
  if (c.rc != FB_OK) return fb_err_push(err, c.rc, __func__, __LINE__, "plasmon yield");
  FB_TEST(err, !isfinite(r) || r < 0, FB_ERR_NUMERIC, "plasmon yield (pol %d) = %g", pol, r);
  *Y = r;
  return FB_OK;
}
