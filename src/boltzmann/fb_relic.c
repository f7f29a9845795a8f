/**
 * @file fb_relic.c
 * @brief Freeze-out: relativistic thermal average (Gondolo-Gelmini / Edsjo-Gondolo) and the
 *        Boltzmann equation for the total dark yield, integrated with CVODE. See fb_relic.h.
 */
#include "fb_relic.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_bessel.h>
#include <stdint.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_cosmo.h"
#include "fb_roots.h"

/* Floor of the tabulated <sigma v> [GeV^-2] so that its logarithm exists when a channel is
 * Boltzmann suppressed to zero in double precision (e.g. coannihilation at large x). */
#define RELIC_SIGMAV_FLOOR_GEVM2 1e-250
/* Slots of the W_eff memo (power of 2; open addressing, RELIC_WCACHE_PROBES linear probes). A
 * 40-node table of a BC2 point evaluates W_eff at ~10^4 abscissae, most of them repeated. */
#define RELIC_WCACHE_LOG2 14
#define RELIC_WCACHE (1u << RELIC_WCACHE_LOG2)
#define RELIC_WCACHE_PROBES 8
/* Largest argument of the scaled Bessel functions we trust GSL with (K_nu_scaled ~ sqrt(pi/2z)). */
#define RELIC_BESSEL_ARG_MAX 1e7


void fb_relic_params_default(fb_relic_params *par) {
  par->x_start = 1.0;
  par->x_end = 1000.0;
  par->rtol = 1e-6;
  par->atol = 1e-6;
  par->quad_epsrel = 1e-5;
  par->n_nodes = 40;
  par->t_max_exp = 50.0;
  par->h_max_lnx = 0.05;
  par->x_loose = 3.0;
  par->quad_epsrel_loose = 1e-3;
}

static int relic_rhs(double x, const double *y, double *dydx, void *user);
static int relic_jac(double x, const double *y, const double *dydx, double *jac, void *user);
static int relic_event(double x, const double *y, double *g, void *user);

int fb_relic_init(fb_relic *r, const fb_thermo *th, const fb_relic_params *par, fb_err *err) {
  memset(r, 0, sizeof *r);
  FB_TEST(err, th == NULL || par == NULL, FB_ERR_INPUT, "thermo table or parameters NULL");
  FB_TEST(err, !(par->x_start >= 0.01 && par->x_start < par->x_end && par->x_end <= 1e6), FB_ERR_RANGE,
          "relic x_start = %g, x_end = %g: need 0.01 <= x_start < x_end <= 1e6", par->x_start,
          par->x_end);
  FB_TEST(err, !(par->rtol >= 1e-13 && par->rtol <= 1e-2 && par->atol > 0.0 && par->atol <= 1e-2),
          FB_ERR_RANGE, "relic rtol = %g (1e-13..1e-2), atol = %g (0..1e-2]", par->rtol, par->atol);
  FB_TEST(err, !(par->quad_epsrel >= 1e-10 && par->quad_epsrel <= 1e-2), FB_ERR_RANGE,
          "relic quad_epsrel = %g: allowed 1e-10..1e-2", par->quad_epsrel);
  FB_TEST(err, !(par->n_nodes >= 8 && par->n_nodes <= FB_RELIC_MAX_NODES), FB_ERR_RANGE,
          "relic n_nodes = %zu: allowed 8..%d", par->n_nodes, FB_RELIC_MAX_NODES);
  FB_TEST(err, !(par->x_loose >= 0.0 && par->x_loose <= 10.0), FB_ERR_RANGE,
          "relic x_loose = %g: allowed 0..10", par->x_loose);
  FB_TEST(err, !(par->quad_epsrel_loose >= 1e-10 && par->quad_epsrel_loose <= 1e-2), FB_ERR_RANGE,
          "relic quad_epsrel_loose = %g: allowed 1e-10..1e-2", par->quad_epsrel_loose);
  FB_TEST(err, !(par->h_max_lnx >= 1e-4 && par->h_max_lnx <= 1.0), FB_ERR_RANGE,
          "relic h_max_lnx = %g: allowed 1e-4..1", par->h_max_lnx);
  FB_TEST(err, !(par->t_max_exp >= 20.0 && par->t_max_exp <= 600.0), FB_ERR_RANGE,
          "relic t_max_exp = %g: allowed 20..600", par->t_max_exp);
  r->th = th;
  r->par = *par;
  int rc;
  FB_CALL_GOTO(err, rc, fb_quad_init(&r->quad, 500, 0.0, par->quad_epsrel, err), fail);
  r->cquad = gsl_integration_cquad_workspace_alloc(200);
  FB_TEST_GOTO(err, rc, r->cquad == NULL, FB_ERR_MEMORY, fail, "cannot allocate the CQUAD workspace");
  r->wc_t = malloc(RELIC_WCACHE * sizeof(double));
  r->wc_w = malloc(RELIC_WCACHE * sizeof(double));
  FB_TEST_GOTO(err, rc, r->wc_t == NULL || r->wc_w == NULL, FB_ERR_MEMORY, fail, "cannot allocate the W_eff memo");
  r->wc_on = 0;
  fb_ode_options opt;
  fb_ode_options_default(&opt);
  opt.rtol = par->rtol;
  opt.atol = par->atol;
  opt.max_steps = 200000;
  /* The independent variable is ln x. Capping the step keeps BDF from stepping over the departure
   * from equilibrium while the quasi-static solution u ~ 0 is still trivially accurate. */
  opt.h_max = par->h_max_lnx;
  /* The Jacobian -2 lambda Y_eq changes by e^{-Delta x} between steps; CVODE's default modified
   * Newton keeps a Jacobian for up to 20 steps, and a stale, far too large Jacobian makes the
   * Newton updates tiny so they pass the convergence test on a wrong quasi-static branch (seen as
   * a freeze-out delayed by Delta x ~ 3). Re-evaluate it at every step (1x1, analytic: cheap). */
  opt.jac_every_step = 1;
  FB_CALL_GOTO(err, rc, fb_ode_init(&r->ode, 1, relic_rhs, relic_jac, r, &opt, err), fail);
  FB_CALL_GOTO(err, rc, fb_ode_set_events(&r->ode, 1, relic_event, err), fail);
  return FB_OK;
fail:
  fb_relic_free(r);
  return rc;
}

void fb_relic_free(fb_relic *r) {
  if (!r) return;
  fb_quad_free(&r->quad);
  if (r->cquad) gsl_integration_cquad_workspace_free(r->cquad);
  r->cquad = NULL;
  fb_ode_free(&r->ode);
  fb_spline_free(&r->sv);
  r->have_sv = 0;
  free(r->wc_t);
  free(r->wc_w);
  r->wc_t = r->wc_w = NULL;
  r->wc_on = 0;
}

static int check_problem(const fb_relic_problem *p, fb_err *err) {
  FB_TEST(err, p == NULL, FB_ERR_INPUT, "relic problem is NULL");
  FB_TEST(err, !(p->n_states >= 1 && p->n_states <= FB_RELIC_MAX_STATES), FB_ERR_RANGE,
          "number of dark states %zu: allowed 1..%d", p->n_states, FB_RELIC_MAX_STATES);
  for (size_t i = 0; i < p->n_states; i++) {
    FB_TEST(err, !(p->mass_GeV[i] > 0.0 && isfinite(p->mass_GeV[i])), FB_ERR_RANGE,
            "mass of state %zu = %g GeV must be > 0", i, p->mass_GeV[i]);
    FB_TEST(err, !(p->g[i] > 0.0), FB_ERR_RANGE, "degrees of freedom of state %zu = %g must be > 0", i,
            p->g[i]);
    FB_TEST(err, p->mass_GeV[i] < p->mass_GeV[0], FB_ERR_INPUT,
            "state 0 must be the lightest: m_%zu = %g < m_0 = %g GeV", i, p->mass_GeV[i], p->mass_GeV[0]);
  }
  FB_TEST(err, !(p->sigmav_const_GeVm2 > 0.0) && p->weff == NULL, FB_ERR_INPUT,
          "neither W_eff(s) nor a constant <sigma v> given");
  FB_TEST(err, p->n_breaks > FB_RELIC_MAX_BREAKS, FB_ERR_RANGE, "%zu break points > %d", p->n_breaks,
          FB_RELIC_MAX_BREAKS);
  return FB_OK;
}

/* Denominator of Edsjo-Gondolo, scaled: Dt = sum_i (g_i/g_1)(m_i/m_1)^2 K2s(x m_i/m_1)
 * e^{-x (m_i/m_1 - 1)}, so that sum_i (g_i/g_1)(m_i/m_1)^2 K_2(m_i/T) = e^{-x} Dt. */
static double scaled_denominator(const fb_relic_problem *p, double x) {
  double d = 0.0;
  for (size_t i = 0; i < p->n_states; i++) {
    const double mu = p->mass_GeV[i] / p->mass_GeV[0];
    d += p->g[i] / p->g[0] * mu * mu * gsl_sf_bessel_Kn_scaled(2, x * mu) * exp(-x * (mu - 1.0));
  }
  return d;
}

typedef struct ta_params {
  const fb_relic_problem *p;
  double x, m1;
  int failed;
  fb_relic *r; /* for the W_eff memo (r->wc_on) */
} ta_params;

/* W_eff(s) at s = (2 m_1 (1 + t))^2, memoised on the exact bits of t while r->wc_on (inside one
 * fb_relic_tabulate, i.e. one problem): returns bit-identical values, only fewer calls. */
static double ta_weff(ta_params *a, double t, double s) {
  fb_relic *r = a->r;
  if (!(r && r->wc_on)) return a->p->weff(s, a->p->user);
  uint64_t bits;
  memcpy(&bits, &t, sizeof bits);
  const size_t h = (size_t)((bits * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - RELIC_WCACHE_LOG2));
  for (size_t k = 0; k < RELIC_WCACHE_PROBES; k++) {
    const size_t j = (h + k) & (RELIC_WCACHE - 1);
    if (r->wc_t[j] == t) return r->wc_w[j];
    if (r->wc_t[j] < 0.0) { /* empty: compute and store */
      const double w = a->p->weff(s, a->p->user);
      r->wc_t[j] = t;
      r->wc_w[j] = w;
      return w;
    }
  }
  return a->p->weff(s, a->p->user); /* probe chain full: compute without storing */
}

/* Integrand in t = sqrt(s)/(2 m_1) - 1 of the Edsjo-Gondolo single integral (see fb_relic.h):
 * p^2 dp = m_1^3 (1+t) sqrt(t(2+t)) dt, K_1(sqrt(s)/T) = K1s(2x(1+t)) e^{-2x(1+t)}; the common
 * factor e^{-2x} cancels against the denominator. */
static double ta_integrand(double t, void *vp) {
  ta_params *a = vp;
  if (t <= 0.0) return 0.0;
  const double sq = 2.0 * a->m1 * (1.0 + t);
  const double w = ta_weff(a, t, sq * sq);
  if (!isfinite(w)) {
    a->failed = 1;
    return NAN;
  }
  const double z = 2.0 * a->x * (1.0 + t);
  return (1.0 + t) * sqrt(t * (2.0 + t)) * w * gsl_sf_bessel_K1_scaled(z) * exp(-2.0 * a->x * t);
}

static double ta_integrand_gsl(double t, void *vp) { return ta_integrand(t, vp); }

static int cmp_double(const void *a, const void *b) {
  const double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Sum of the integrals over the pieces of [0, t_hi] between the break points (QAGS, else CQUAD).
 * The tolerance is relative per piece, hence at least as tight as on the sum. */
static int relic_pieces(fb_relic *r, ta_params *a, double t_hi, const double *brk, size_t nb,
                              double *I, fb_err *err) {
  double pts[FB_RELIC_MAX_BREAKS + 16];
  size_t n = 0;
  pts[n++] = 0.0;
  for (size_t i = 0; i < nb; i++)
    if (brk[i] > 0.0 && brk[i] < t_hi) pts[n++] = brk[i];
  pts[n++] = t_hi;
  qsort(pts, n, sizeof pts[0], cmp_double);
  gsl_function F = {ta_integrand_gsl, a};
  double sum = 0.0;
  const double epsrel = r->par.quad_epsrel;
  for (size_t i = 0; i + 1 < n; i++) {
    if (!(pts[i + 1] > pts[i])) continue;
    double v = 0.0, e = 0.0;
    fb_err piece_err;
    /* Absolute tolerance epsrel |sum so far| / (number of pieces): a piece negligible against the
     * pieces below it (the Boltzmann tail above the threshold region) is not refined to epsrel of
     * its own size. Each piece still meets max(epsabs, epsrel |piece|), so the error of the sum
     * stays below epsrel (|sum| + |sum so far|): at most twice the purely relative bound. */
    const double epsabs = epsrel * fabs(sum) / (double)n;
    FB_CALL(err, fb_quad_set_tolerances(&r->quad, epsabs, epsrel, err));
    /* QAGS on the piece first (cheap); CQUAD when QAGS gives up on it */
    const int qrc = fb_quad_finite(&r->quad, ta_integrand, a, pts[i], pts[i + 1], &v, &e, &piece_err);
    FB_CALL(err, fb_quad_set_tolerances(&r->quad, 0.0, epsrel, err));
    if (qrc == FB_OK) {
      sum += v;
      continue;
    }
    size_t nev = 0;
    const int st = gsl_integration_cquad(&F, pts[i], pts[i + 1], epsabs, epsrel, r->cquad, &v, &e, &nev);
    FB_TEST(err, st != GSL_SUCCESS || !isfinite(v), FB_ERR_GSL,
            "CQUAD on [%.10g, %.10g] (x = %g): %s; estimate %g +- %g", pts[i], pts[i + 1], a->x,
            gsl_strerror(st), v, e);
    sum += v;
  }
  *I = sum;
  return FB_OK;
}

int fb_relic_thermal_average(fb_relic *r, const fb_relic_problem *p, double x, double *sigmav_GeVm2,
                             fb_err *err) {
  FB_CALL(err, check_problem(p, err));
  FB_TEST(err, !(x > 0.0 && 2.0 * x * 2.0 < RELIC_BESSEL_ARG_MAX), FB_ERR_RANGE,
          "x = m/T = %g outside (0, %g)", x, RELIC_BESSEL_ARG_MAX / 4.0);
  if (p->sigmav_const_GeVm2 > 0.0) {
    *sigmav_GeVm2 = p->sigmav_const_GeVm2;
    return FB_OK;
  }
  const double m1 = p->mass_GeV[0];
  double t_hi = r->par.t_max_exp / (2.0 * x);
  double brk[FB_RELIC_MAX_BREAKS + 8];
  size_t nb = 0;
  for (size_t i = 0; i < p->n_breaks; i++) brk[nb++] = p->breaks_sqrts_GeV[i] / (2.0 * m1) - 1.0;
  if (p->res_mass_GeV > 0.0) {
    const double tr = p->res_mass_GeV / (2.0 * m1) - 1.0;
    const double hw = p->res_width_GeV / (4.0 * m1); /* s - M^2 = M Gamma  <=>  t - t_R = Gamma/(4 m_1) */
    /* A resonance beyond the Boltzmann cut can still matter when it is narrow: its peak is
     * enhanced over the continuum by ~ (M/Gamma)^2. Keep it (to 10 half-widths above the peak) when
     * e^{-2 x t_R} (M/Gamma)^2 > e^{-t_max_exp}. */
    if (tr > 0.0 && tr > t_hi && p->res_width_GeV > 0.0 &&
        2.0 * x * tr < r->par.t_max_exp + 2.0 * log(p->res_mass_GeV / p->res_width_GeV))
      t_hi = tr + 10.0 * hw;
    const double k[4] = {0.0, 1.0, 10.0, 100.0};
    for (int j = 0; j < 4; j++) {
      brk[nb++] = tr + k[j] * hw;
      if (j > 0) brk[nb++] = tr - k[j] * hw;
    }
  }
  ta_params a = {p, x, m1, 0, r};
  double I = 0.0;
  /* Piecewise between the break points (QAGS on each piece, CQUAD where QAGS gives up): GSL's
   * QAGP on the whole range reports round-off near the narrow peaks of R(s) in most calls, and the
   * piecewise integration it then needs costs as much as doing it directly. */
  FB_CALL(err, relic_pieces(r, &a, t_hi, brk, nb, &I, err));
  FB_TEST(err, a.failed, FB_ERR_NUMERIC, "W_eff(s) returned a non-finite value at x = %g", x);
  const double d = scaled_denominator(p, x);
  FB_TEST(err, !(d > 0.0), FB_ERR_NUMERIC, "thermal-average denominator %g at x = %g", d, x);
  /* <sigma v> = x I / (m_1^2 Dt^2): Edsjo & Gondolo hep-ph/9704361 (single-integral <sigma_eff v>) in our variables */
  *sigmav_GeVm2 = x * I / (m1 * m1 * d * d);
  FB_TEST(err, !(*sigmav_GeVm2 >= 0.0 && isfinite(*sigmav_GeVm2)), FB_ERR_NUMERIC,
          "<sigma v> = %g at x = %g", *sigmav_GeVm2, x);
  return FB_OK;
}

/* ln Y_eq = ln( sum_i g_i m_i^2 T K_2(m_i/T) / (2 pi^2) / s(T) ), Maxwell-Boltzmann statistics
 * (Gondolo & Gelmini 1991, sec. 3); evaluated in logarithms so it never underflows. */
static double ln_yield_eq(const fb_relic *r, const fb_relic_problem *p, double x) {
  const double m1 = p->mass_GeV[0];
  const double T = m1 / x;
  double sum = 0.0;
  for (size_t i = 0; i < p->n_states; i++) {
    const double xi = p->mass_GeV[i] / T;
    sum += p->g[i] * p->mass_GeV[i] * p->mass_GeV[i] * T * gsl_sf_bessel_Kn_scaled(2, xi) *
           exp(-(xi - x)) / (2.0 * FB_PI * FB_PI);
  }
  return log(sum) - x - log(fb_cosmo_entropy_density_GeV3(r->th, T));
}

double fb_relic_yield_eq(const fb_relic *r, const fb_relic_problem *p, double x) {
  return exp(ln_yield_eq(r, p, x));
}

static double sigmav_at(const fb_relic *r, double x) {
  if (r->prob->sigmav_const_GeVm2 > 0.0) return r->prob->sigmav_const_GeVm2;
  double v = 0.0;
  fb_err e;
  if (fb_spline_eval(&r->sv, x, &v, &e) != FB_OK) return NAN;
  return v;
}

/* d ln Y_eq / dx. With Y_eq ~ sum_i g_i mu_i^2 x^2 K_2(mu_i x) / g_*s(T) (mu_i = m_i/m_1, T = m_1/x)
 * and K_2'(z) = -K_1(z) - 2 K_2(z)/z (Abramowitz & Stegun 9.6.26):
 *   d ln Y_eq/dx = -sum_i g_i mu_i^3 K_1(mu_i x) / sum_i g_i mu_i^2 K_2(mu_i x) + (dln g_*s/dln T)/x. */
static double dln_yield_eq_dx(const fb_relic *r, const fb_relic_problem *p, double x) {
  double num = 0.0, den = 0.0;
  for (size_t i = 0; i < p->n_states; i++) {
    const double mu = p->mass_GeV[i] / p->mass_GeV[0];
    const double sup = exp(-x * (mu - 1.0)); /* common e^{-x} factored out */
    num += p->g[i] * mu * mu * mu * gsl_sf_bessel_K1_scaled(mu * x) * sup;
    den += p->g[i] * mu * mu * gsl_sf_bessel_Kn_scaled(2, mu * x) * sup;
  }
  return -num / den + fb_thermo_dlngs_dlnT(r->th, p->mass_GeV[0] / x) / x;
}

/* lambda(x) = s <sigma v> (1 + (1/3) dln g_*s/dln T) / (H x). Entropy conservation, s a^3 = const
 * with s ~ g_*s T^3, gives dln T/dt = -H / (1 + (1/3) dln g_*s/dln T), hence
 * dx/dt = x H / (1 + (1/3) dln g_*s/dln T) and dY/dx = -lambda (Y^2 - Y_eq^2): Gondolo & Gelmini
 * 1991 (their g_*^{1/2} = h_eff/sqrt(g_eff) (1 + (1/3) dln h_eff/dln T)).
 * The issue text writes the factor as (1 - (1/3) d ln g_*s/...), which is the same factor when the
 * derivative is taken with respect to ln x = -ln T + const. */
static double relic_lambda(const fb_relic *r, double x) {
  const double T = r->prob->mass_GeV[0] / x;
  const double s = fb_cosmo_entropy_density_GeV3(r->th, T);
  const double H = fb_cosmo_hubble_GeV(r->th, T);
  return s * sigmav_at(r, x) * (1.0 + fb_thermo_dlngs_dlnT(r->th, T) / 3.0) / (H * x);
}

/* The state is the deviation from equilibrium u = ln(Y/Y_eq). From dY/dx = -lambda (Y^2 - Y_eq^2):
 *   du/dx = -2 lambda Y_eq sinh(u) - d ln Y_eq/dx.
 * Deep in equilibrium lambda Y_eq ~ Gamma/H is 1e10 or more; in this form the small u is computed
 * without the cancellation Y - Y_eq^2/Y would suffer, so the stiff phase does not feed round-off
 * noise to CVODE's error test. */
static int relic_rhs(double lnx, const double *y, double *dydx, void *user) {
  fb_relic *r = user;
  const double x = exp(lnx);
  const double lam = relic_lambda(r, x);
  if (!isfinite(lam)) {
    fb_ode_set_reason(&r->ode, "non-finite annihilation rate at x = %g", x);
    return -1;
  }
  const double le = ln_yield_eq(r, r->prob, x);
  if (r->phase == 2) { /* state W = ln Y: dW/dln x = -x lambda (Y - Y_eq^2/Y) */
    dydx[0] = -x * lam * (exp(y[0]) - exp(2.0 * le - y[0]));
    return isfinite(dydx[0]) ? 0 : 1;
  }
  /* 2 Y_eq sinh(u) = Y - Y_eq^2/Y */
  const double drive = fabs(y[0]) < 1.0 ? 2.0 * exp(le) * sinh(y[0]) : exp(le + y[0]) - exp(le - y[0]);
  dydx[0] = x * (-lam * drive - dln_yield_eq_dx(r, r->prob, x)); /* d/d ln x = x d/dx */
  return isfinite(dydx[0]) ? 0 : 1;
}

static int relic_jac(double lnx, const double *y, const double *dydx, double *jac, void *user) {
  (void)dydx;
  fb_relic *r = user;
  const double x = exp(lnx);
  const double lam = relic_lambda(r, x);
  const double le = ln_yield_eq(r, r->prob, x);
  if (r->phase == 2)
    jac[0] = -x * lam * (exp(y[0]) + exp(2.0 * le - y[0]));
  else
    jac[0] = -x * lam * (exp(le + y[0]) + exp(le - y[0]));
  return isfinite(jac[0]) ? 0 : -1;
}

/* Freeze-out point: Y = 2 Y_eq, i.e. Y - Y_eq = Y_eq (Kolb & Turner, The Early Universe, ch. 5.2). */
static int relic_event(double lnx, const double *y, double *g, void *user) {
  (void)lnx;
  const fb_relic *r = user;
  g[0] = r->phase == 2 ? 1.0 : y[0] - log(2.0);
  return 0;
}

int fb_relic_solve(fb_relic *r, const fb_relic_problem *p, fb_relic_result *res, fb_err *err) {
  FB_CALL(err, check_problem(p, err));
  FB_TEST(err, res == NULL, FB_ERR_INPUT, "result is NULL");
  double sv[FB_RELIC_MAX_NODES];
  if (!(p->sigmav_const_GeVm2 > 0.0)) FB_CALL(err, fb_relic_tabulate(r, p, sv, err));
  FB_CALL(err, fb_relic_solve_tabulated(r, p, sv, res, err));
  return FB_OK;
}

size_t fb_relic_n_nodes(const fb_relic *r) { return r->par.n_nodes; }

double fb_relic_node_x(const fb_relic *r, size_t i) {
  const double xs = r->par.x_start, xe = r->par.x_end;
  const size_t n = r->par.n_nodes;
  return (i + 1 >= n) ? xe : xs * exp((double)i / (double)(n - 1) * log(xe / xs));
}

int fb_relic_tabulate(fb_relic *r, const fb_relic_problem *p, double *sigmav_nodes_GeVm2, fb_err *err) {
  FB_CALL(err, check_problem(p, err));
  int rc = FB_OK;
  /* a fresh W_eff memo for this problem (t -> s depends on m_1, W_eff on the problem) */
  for (size_t j = 0; j < RELIC_WCACHE; j++) r->wc_t[j] = -1.0;
  r->wc_on = 1;
  for (size_t i = 0; i < r->par.n_nodes && rc == FB_OK; i++) {
    const double x = fb_relic_node_x(r, i);
    /* Deep in equilibrium (x < x_loose, far before freeze-out at x_f >~ 10) Y follows Y_eq
     * whatever <sigma v> is: u = ln(Y/Y_eq) ~ (dln Y_eq/dx)/(2 lambda Y_eq) < 1e-4, and a
     * relative error d of <sigma v> changes u by d*u. A looser quadrature tolerance there costs
     * nothing in accuracy (checked by test_relic: tolerance independence). */
    const double eps = x < r->par.x_loose ? fmax(r->par.quad_epsrel, r->par.quad_epsrel_loose) : r->par.quad_epsrel;
    rc = fb_quad_set_tolerances(&r->quad, 0.0, eps, err);
    if (rc == FB_OK) {
      const double keep = r->par.quad_epsrel;
      r->par.quad_epsrel = eps; /* also used by the CQUAD fallback */
      rc = fb_relic_thermal_average(r, p, x, &sigmav_nodes_GeVm2[i], err);
      r->par.quad_epsrel = keep;
    }
  }
  r->wc_on = 0;
  const int rc2 = fb_quad_set_tolerances(&r->quad, 0.0, r->par.quad_epsrel, err);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "thermal average at a table node");
  return rc2;
}

int fb_relic_solve_tabulated(fb_relic *r, const fb_relic_problem *p, const double *sigmav_nodes_GeVm2,
                             fb_relic_result *res, fb_err *err) {
  FB_CALL(err, check_problem(p, err));
  FB_TEST(err, res == NULL, FB_ERR_INPUT, "result is NULL");
  r->prob = p;
  const double xs = r->par.x_start, xe = r->par.x_end;
  if (!(p->sigmav_const_GeVm2 > 0.0)) {
    FB_TEST(err, sigmav_nodes_GeVm2 == NULL, FB_ERR_INPUT, "no <sigma v> table given");
    const size_t n = r->par.n_nodes;
    double xn[FB_RELIC_MAX_NODES], sv[FB_RELIC_MAX_NODES];
    for (size_t i = 0; i < n; i++) {
      xn[i] = fb_relic_node_x(r, i);
      sv[i] = sigmav_nodes_GeVm2[i];
      FB_TEST(err, !(sv[i] >= 0.0 && isfinite(sv[i])), FB_ERR_NUMERIC, "<sigma v> = %g at x = %g", sv[i], xn[i]);
      if (sv[i] < RELIC_SIGMAV_FLOOR_GEVM2) sv[i] = RELIC_SIGMAV_FLOOR_GEVM2;
    }
    fb_spline_free(&r->sv);
    r->have_sv = 0;
    /* Monotone (Steffen) interpolation in (ln x, ln <sigma v>): a natural cubic spline overshoots
     * where <sigma v> falls by hundreds of e-folds (coannihilation switching off, the floor), and
     * the overshoot shows up in Omega. */
    FB_CALL(err, fb_spline_init(&r->sv, FB_SPLINE_STEFFEN, xn, sv, n, FB_SPLINE_LOG_X | FB_SPLINE_LOG_Y,
                                FB_SPLINE_OUT_CLAMP, err));
    r->have_sv = 1;
  }
  FB_TEST(err, !isfinite(ln_yield_eq(r, p, xs)), FB_ERR_NUMERIC,
          "equilibrium yield at x_start = %g is not finite", xs);
  double w = 0.0; /* u = ln(Y/Y_eq) = 0: equilibrium at x_start */
  r->phase = 1;
  FB_CALL(err, fb_ode_reset(&r->ode, log(xs), &w, err));
  double lnxr = log(xs);
  int event = 0;
  res->x_freezeout = NAN;
  res->sigmav_xf_GeVm2 = NAN;
  FB_CALL(err, fb_ode_solve_event(&r->ode, log(xe), &w, &lnxr, &event, NULL, err));
  if (event && lnxr < log(xe)) {
    res->x_freezeout = exp(lnxr);
    res->sigmav_xf_GeVm2 = sigmav_at(r, res->x_freezeout);
    fb_ode_stats st1;
    FB_CALL(err, fb_ode_get_stats(&r->ode, &st1, err));
    /* Phase 2: after freeze-out u = ln(Y/Y_eq) grows like x and its relative tolerance would
     * become a large absolute error on ln Y; continue with W = ln Y (no cancellation now that
     * Y_eq < Y/2). */
    r->phase = 2;
    w += ln_yield_eq(r, p, res->x_freezeout);
    FB_CALL(err, fb_ode_reset(&r->ode, lnxr, &w, err));
    FB_CALL(err, fb_ode_solve(&r->ode, log(xe), &w, err));
    w -= ln_yield_eq(r, p, xe);
    res->ode_steps = st1.steps;
  } else {
    res->ode_steps = 0;
  }
  fb_ode_stats st;
  FB_CALL(err, fb_ode_get_stats(&r->ode, &st, err));
  res->ode_steps += st.steps;
  res->Y_end = exp(w + ln_yield_eq(r, p, xe));
  /* Annihilation after x_end (Y >> Y_eq): dY/dx = -lambda Y^2 gives 1/Y_inf = 1/Y_end +
   * int_{x_end}^inf lambda dx. With the local power law lambda ~ x^{-q} at x_end (q ~ 2 for s-wave,
   * 3 for p-wave in a radiation era with constant g_*), the integral is lambda(x_end) x_end/(q-1).
   * Without it, x_end = 1000 would leave Omega too large by ~x_f/x_end ~ 2% for s-wave. */
  res->tail_correction = 0.0;
  if (res->x_freezeout == res->x_freezeout) {
    const double l1 = relic_lambda(r, xe), l0 = relic_lambda(r, xe / 1.1);
    const double q = log(l0 / l1) / log(1.1);
    if (l1 > 0.0 && q > 1.2) {
      const double tail = l1 * xe / (q - 1.0);
      res->tail_correction = 1.0 / (1.0 + res->Y_end * tail) - 1.0;
      res->Y_end = res->Y_end / (1.0 + res->Y_end * tail);
    }
  }
  res->omega_h2 = fb_cosmo_omega_h2_from_yield(r->th, res->Y_end, p->mass_GeV[0]);
  FB_TEST(err, !(res->omega_h2 > 0.0 && isfinite(res->omega_h2)), FB_ERR_NUMERIC,
          "Omega h^2 = %g at m = %g GeV", res->omega_h2, p->mass_GeV[0]);
  return FB_OK;
}

typedef struct req_params {
  fb_relic *r;
  fb_relic_problem prob;
  double omega_target;
  fb_relic_result res;
  fb_err *err;
  int rc;
  fb_err solve_err; /* message of the last failed freeze-out (the root finder overwrites err) */
} req_params;

/* ln(Omega h^2 / target) as a function of ln <sigma v>: decreasing, ~ -ln <sigma v>. */
static double req_fn(double sigmav_GeVm2, void *vp) {
  req_params *q = vp;
  q->prob.sigmav_const_GeVm2 = sigmav_GeVm2;
  q->rc = fb_relic_solve(q->r, &q->prob, &q->res, &q->solve_err);
  if (q->rc != FB_OK) return NAN;
  return log(q->res.omega_h2 / q->omega_target);
}

int fb_relic_required_sigmav_swave(fb_relic *r, double mass_GeV, double g, double omega_h2_target,
                                   double *sigmav_cm3_s, fb_relic_result *res, fb_err *err) {
  FB_TEST(err, !(mass_GeV > 0.0 && isfinite(mass_GeV)), FB_ERR_RANGE, "mass_GeV = %g must be > 0",
          mass_GeV);
  FB_TEST(err, !(g > 0.0), FB_ERR_RANGE, "g = %g must be > 0", g);
  FB_TEST(err, !(omega_h2_target > 0.0), FB_ERR_RANGE, "Omega h^2 target %g must be > 0",
          omega_h2_target);
  req_params q;
  memset(&q, 0, sizeof q);
  q.r = r;
  q.prob.n_states = 1;
  q.prob.mass_GeV[0] = mass_GeV;
  q.prob.g[0] = g;
  q.omega_target = omega_h2_target;
  q.err = err;
  fb_roots_options o;
  fb_roots_options_default(&o);
  o.log_space = 1;
  o.x_min = 1e-60;
  o.x_max = 1e10;
  o.xtol_rel = 1e-6;
  double sv = 0.0;
  const double guess = 2.2e-26 / FB_INV_GEV2_TO_CM3_S; /* ~ the canonical value, Kolb & Turner */
  int rc = fb_roots_find(req_fn, &q, guess / 3.0, guess * 3.0, &o, &sv, err);
  if (rc != FB_OK) {
    if (q.rc != FB_OK) {
      *err = q.solve_err;
      return fb_err_push(err, q.rc, __func__, __LINE__, "freeze-out inside the root finding");
    }
    return fb_err_push(err, rc, __func__, __LINE__, "root of Omega h^2(<sigma v>) = target");
  }
  /* the last evaluation need not be at the root: recompute there */
  if (!isfinite(req_fn(sv, &q))) {
    *err = q.solve_err;
    return fb_err_push(err, q.rc ? q.rc : FB_ERR_NUMERIC, __func__, __LINE__, "freeze-out at the root");
  }
  *sigmav_cm3_s = sv * FB_INV_GEV2_TO_CM3_S;
  if (res) *res = q.res;
  return FB_OK;
}
