/**
 * @file bbn_abundance_energy.c
 * @brief The FIP's number AND energy density before BBN (issue 14 item 1): the Boltzmann equation of
 *        bbn_abundance.c for n_X together with the first energy moment, so that the mean momentum of X
 *        at the hand-over to BBN follows from its production history instead of kinetic equilibrium.
 *
 * Equations (the Boltzmann equation for f_X(p) integrated with weights 1 and E, Kolb & Turner, The Early
 * Universe, sec. 5.1-5.2; the same pair of moment equations for n and rho as the BBN studies of MeV-scale
 * FIPs by Hufnagel, Schmidt-Hoberg, Wild arXiv:1712.03972 / arXiv:1808.09324 and Depta, Hufnagel,
 * Schmidt-Hoberg arXiv:2002.08370, whose texts were not readable here: the collision terms below are
 * derived in this file, not copied):
 *   dn/dt + 3 H n         = C_n,      C_n = Gamma (<m/E>_eq n_eq - <m/E>_X n) + Gamma_s (n_eq - n),
 *   drho/dt + 3 H (rho+P) = C_rho,    C_rho = Gamma m (n_eq - n) + Gamma_s eps_P (n_eq - n <E>/<E>_eq).
 * Inverse decays and decays (Maxwell-Boltzmann, no Bose/Pauli factors of the decay products, as
 * bbn_abundance.c): a particle of energy E decays at the time-dilated rate Gamma m/E, so the energy
 * it removes per unit time is int f E Gamma m/E = Gamma m n, whatever f_X is, and by detailed balance
 * the inverse decays put in Gamma m n_eq (exact, relativistic regime included); the number loss needs
 * <m/E>_X of the actual distribution (below). Scatterings (relaxation rate per particle Gamma_s(T) of
 * src/production, production density gamma_P = Gamma_s n_eq): eps_P(T) is the mean energy of the X
 * they produce (energy-weighted production density / gamma_P; from the production's own matrix
 * element where it provides it, fb_production_ops.rate_energy_GeV; otherwise eps_P = <E>_eq, exact for
 * a rate independent of the X energy). The loss term n <E>/<E>_eq is exact in two limits: an X
 * distribution proportional to the equilibrium one (any energy dependence of the rate), and a rate
 * independent of energy (any distribution).
 * Closure: X is taken as a Maxwell-Boltzmann gas in kinetic equilibrium at its own temperature T_X
 * (with a chemical potential: f = exp((mu - E)/T_X)), fixed by its mean energy,
 *   <E>/m = K1(x_X)/K2(x_X) + 3/x_X,   x_X = m/T_X,
 * so P = n T_X and <m/E>_X = K1(x_X)/K2(x_X) exactly for that shape. It is exact in equilibrium
 * (T_X = T), gives P = rho/3 for relativistic X (free streaming: <E> ~ 1/a) and P = n T_X with
 * T_X ~ 1/a^2 for non-relativistic X; for a free-streaming population in the semi-relativistic
 * transition it is approximate (measured in tests/bbn/test_bbn_abundance_energy.c). With Y = n/s,
 * W = rho/(s T), u = -ln(T/GeV), c = 1 + (1/3) d ln g_*s/d ln T (du/dt = H/c):
 *   dY/du = (c/H) [Gamma (R(x) Y_eq - R(x_X) Y) + Gamma_s (Y_eq - Y)],     R = K1/K2,
 *   dW/du = W - 3 c Y T_X/T + (c/(H T)) [Gamma m (Y_eq - Y) + Gamma_s eps_P (Y_eq - W T/<E>_eq)].
 * Pure redshift (no collisions, relativistic X): dW/du = W (1 - c), i.e. <E> = W T/Y ~ g_*s^(1/3) T ~ 1/a.
 * The integrated variable is V = W/g_*s^(1/3) = rho a^4 up to a constant: dV/du = [dW/du + (c - 1) W]/g_*s^(1/3)
 * = [c (W - 3 Y T_X/T) + collisions]/g_*s^(1/3), constant for free-streaming relativistic X, so the steps of
 * g_*s (QCD crossover, e+e- annihilation) do not drive the step size through the redshift (it halved the
 * steps of a BC9 freeze-in point).
 * Maxwell-Boltzmann n_eq (the statistics of bbn_abundance.c; the Bose-Einstein mean energy of a massless
 * boson is 2.701 T instead of 3 T, a stated approximation); Fermi-Dirac is refused (the HNLs keep their
 * own solver, bbn_hnl.c).
 */
#include <math.h>
#include <pthread.h>
#include <string.h>

#include <gsl/gsl_sf_bessel.h>

#include "bbn.h"
#include "fb_constants.h"
#include "fb_ode.h"
#include "fb_thermo.h"

/* K1(x)/K2(x) (ratio of the exponentially scaled functions; x/2 for x -> 0; beyond 1e8 the asymptotic series
 * 1 - 3/(2x) + 15/(8x^2) of the Hankel expansions, Abramowitz & Stegun 9.7.2: the 3/(2x) matters for the
 * pressure of a cold X, P = n T_X) */
static double k1k2(double x) {
  if (x < 1e-8) return 0.5 * x;
  if (x > 1e8) return 1.0 - 1.5 / x + 1.875 / (x * x);
  return gsl_sf_bessel_K1_scaled(x) / gsl_sf_bessel_Kn_scaled(2, x);
}

double bbn_mb_mean_energy_over_m(double x) { return k1k2(x) + 3.0 / x; }

/* The inverse of e(x) = K1/K2 + 3/x: nodes uniform in ln x on [CL_XMIN, CL_XMAX], q_i = ln(e(x_i) - 1)
 * (strictly decreasing), 4-point Lagrange interpolation of ln x in q (error < 1e-9 relative, tested);
 * filled once per process, read-only afterwards (as the Fermi-Dirac table of bbn_abundance.c) */
#define CL_XMIN 1e-4
#define CL_XMAX 1e4
#define CL_PER_EFOLD 32
#define CL_N 591 /* 1 + ceil(CL_PER_EFOLD ln(CL_XMAX/CL_XMIN)) */
static double cl_q[CL_N], cl_lnx[CL_N], cl_R[CL_N]; /* q, ln x and K1/K2(x) at the nodes */
static pthread_once_t cl_once = PTHREAD_ONCE_INIT;

static void cl_fill(void) {
  const double a = log(CL_XMIN), h = (log(CL_XMAX) - a) / (CL_N - 1);
  for (int i = 0; i < CL_N; ++i) {
    cl_lnx[i] = a + i * h;
    cl_q[i] = log(bbn_mb_mean_energy_over_m(exp(cl_lnx[i])) - 1.0);
    cl_R[i] = k1k2(exp(cl_lnx[i]));
  }
}

/* x and R = K1/K2(x) (the same Lagrange weights: no Bessel function per call) */
static double closure(double e_over_m, double *R) {
  pthread_once(&cl_once, cl_fill);
  double x;
  if (!(e_over_m > 1.0)) { /* at rest (numerical undershoot): non-relativistic, P ~ 0 */
    *R = 1.0;
    return 1e12;
  }
  const double q = log(e_over_m - 1.0);
  if (q >= cl_q[0] || q <= cl_q[CL_N - 1]) {
    /* x < 1e-4: e = 3/x + x/2 + ..., relative error < 1e-8; x > 1e4: e - 1 = 3/(2x) (1 + O(1/x)) */
    x = q >= cl_q[0] ? 3.0 / e_over_m : 1.5 / (e_over_m - 1.0);
    *R = k1k2(x);
    return x;
  }
  int lo = 0, hi = CL_N - 1; /* cl_q[lo] > q >= cl_q[hi] */
  while (hi - lo > 1) {
    const int mid = (lo + hi) / 2;
    if (cl_q[mid] > q) lo = mid;
    else hi = mid;
  }
  int i0 = lo - 1;
  if (i0 < 0) i0 = 0;
  if (i0 + 3 > CL_N - 1) i0 = CL_N - 4;
  double v = 0.0, r = 0.0;
  for (int j = 0; j < 4; ++j) {
    double l = 1.0;
    for (int k = 0; k < 4; ++k)
      if (k != j) l *= (q - cl_q[i0 + k]) / (cl_q[i0 + j] - cl_q[i0 + k]);
    v += l * cl_lnx[i0 + j];
    r += l * cl_R[i0 + j];
  }
  *R = r;
  return exp(v);
}

/* the closure for other stages (bbn_background.c, X with inverse decays): x_X = m/T_X and R = K1/K2(x_X) */
double bbn_mb_closure_x(double e_over_m, double *R) { return closure(e_over_m, R); }

double bbn_mb_x_from_mean_energy(double e_over_m) {
  double R;
  return closure(e_over_m, &R);
}

/* the rates at one temperature (the expensive part: thermodynamics and the production callback) */
typedef struct abe_rates {
  double T, H, c, g13; /* GeV, GeV, 1 + dlngs/3, g_*s^(1/3) */
  double x, Yeq, Req, Eeq; /* m/T, n_eq/s, K1/K2(x), <E>_eq = m K1/K2 + 3T */
  double scat, epsP;  /* Gamma_s [GeV], mean energy of the X it produces [GeV] */
} abe_rates;

typedef struct abe_ctx {
  const fb_thermo *th;
  double m, g, Gamma;
  const bbn_abundance_opts *o;
  bbn_scattering_energy_fn eps_fn;
  abe_rates last; /* the rates of the last right-hand side (reused by the Jacobian at the same u) */
  double u_last;
} abe_ctx;

static void abe_rates_at(const abe_ctx *c, double T, abe_rates *r) {
  r->T = T;
  r->x = c->m / T;
  const double gr = fb_thermo_gstar_rho(c->th, T), gs = fb_thermo_gstar_s(c->th, T);
  r->H = sqrt(FB_PI * FB_PI / 30.0 * gr / 3.0) * T * T / FB_MPL_REDUCED_GEV; /* as bbn_abundance.c */
  r->c = 1.0 + fb_thermo_dlngs_dlnT(c->th, T) / 3.0;
  r->g13 = cbrt(gs);
  const double s = 2.0 * FB_PI * FB_PI / 45.0 * gs * T * T * T;
  /* one K2 for n_eq and K1/K2 (as bbn_abundance.c) */
  const double k2s = r->x < 1e-8 ? 0.0 : gsl_sf_bessel_Kn_scaled(2, r->x);
  const double series = r->x > 700.0 ? 0.0 : (r->x < 1e-8 ? 2.0 / (r->x * r->x) : k2s * exp(-r->x));
  r->Yeq = c->g * c->m * c->m * T * series / (2.0 * FB_PI * FB_PI) / s;
  r->Req = (r->x < 1e-8 || r->x > 1e8) ? k1k2(r->x) : gsl_sf_bessel_K1_scaled(r->x) / k2s;
  r->Eeq = c->m * r->Req + 3.0 * T;
  r->scat = 0.0;
  r->epsP = r->Eeq;
  if (c->o && c->eps_fn) {
    double eps = NAN;
    r->scat = c->eps_fn(T, c->o->user, &eps);
    if (eps > 0.0) r->epsP = eps;
  } else if (c->o && c->o->scattering_rate) {
    r->scat = c->o->scattering_rate(T, c->o->user);
  }
}

/* the right-hand side for the state y = (Y, V = W/g_*s^(1/3)) at fixed rates */
static void abe_eval(const abe_ctx *c, const abe_rates *r, const double *y, double *dy) {
  const double Y = y[0], W = y[1] * r->g13;
  double xX = r->x, RX = r->Req; /* no X yet (or a numerical undershoot): the plasma's shape, P -> 0 with Y */
  if (Y > 0.0 && W > 0.0) xX = closure(W * r->T / (Y * c->m), &RX);
  const double k = r->c / r->H;
  dy[0] = k * (c->Gamma * (r->Req * r->Yeq - RX * fmax(Y, 0.0)) + r->scat * (r->Yeq - Y));
  const double TX_over_T = (c->m / xX) / r->T;
  dy[1] = (r->c * (W - 3.0 * fmax(Y, 0.0) * TX_over_T) +
           k / r->T * (c->Gamma * c->m * (r->Yeq - Y) + r->scat * r->epsP * (r->Yeq - W * r->T / r->Eeq))) / r->g13;
}

static int abe_rhs(double u, const double *y, double *dy, void *user) {
  abe_ctx *c = user;
  abe_rates_at(c, exp(-u), &c->last);
  c->u_last = u;
  abe_eval(c, &c->last, y, dy);
  return 0;
}

/* 2 x 2 Jacobian by differences of abe_eval at the rates of the last right-hand side (CVODE asks for it
 * at the u it has just evaluated; the closure is the only non-linearity, the rates cost no new call) */
static int abe_jac(double u, const double *y, const double *dy, double *J, void *user) {
  abe_ctx *c = user;
  abe_rates r = c->last;
  if (u != c->u_last) abe_rates_at(c, exp(-u), &r);
  double f0[2] = {dy[0], dy[1]}, f1[2]; /* dy: the right-hand side at (u, y), as CVODE passes it */
  if (u != c->u_last) abe_eval(c, &r, y, f0);
  for (int j = 0; j < 2; ++j) {
    double yp[2] = {y[0], y[1]};
    const double h = 1e-7 * fmax(fabs(y[j]), j == 0 ? 1e-300 + 1e-12 * r.Yeq : 1e-12 * r.Yeq * r.Eeq / r.T);
    yp[j] += h;
    abe_eval(c, &r, yp, f1);
    for (int i = 0; i < 2; ++i) J[i * 2 + j] = (f1[i] - f0[i]) / h;
  }
  return 0;
}

int bbn_thermal_abundance_energy_from(const fb_thermo *th, double m_GeV, double g_X, double Gamma_GeV,
                                      const bbn_abundance_opts *o, bbn_scattering_energy_fn eps_fn,
                                      double T_start_GeV, double Y_start,
                                      double E_start_GeV, double T_end_GeV, double *Y_end, double *E_end_GeV,
                                      fb_err *err) {
  FB_TEST(err, !(m_GeV > 0.0 && g_X > 0.0 && Gamma_GeV > 0.0), FB_ERR_INPUT,
          "energy Boltzmann equation: m = %g GeV, g = %g, Gamma = %g GeV must be positive", m_GeV, g_X, Gamma_GeV);
  FB_TEST(err, !(T_start_GeV > T_end_GeV && T_end_GeV > 0.0 && T_start_GeV <= 1e5), FB_ERR_RANGE,
          "energy Boltzmann equation: need 0 < T_end = %g GeV < T_start = %g GeV <= 1e5 GeV", T_end_GeV, T_start_GeV);
  FB_TEST(err, o && o->fermi_dirac, FB_ERR_INPUT,
          "energy Boltzmann equation: Maxwell-Boltzmann statistics only (fermi_dirac = 1 is not supported)");
  FB_TEST(err, !(Y_start >= 0.0) || (Y_start > 0.0 && !(E_start_GeV >= m_GeV)), FB_ERR_INPUT,
          "energy Boltzmann equation: initial Y = %g must be >= 0 and the mean energy %g GeV >= m = %g GeV", Y_start,
          E_start_GeV, m_GeV);
  abe_ctx c;
  memset(&c, 0, sizeof c);
  c.th = th;
  c.m = m_GeV;
  c.g = g_X;
  c.Gamma = Gamma_GeV;
  c.o = o;
  c.eps_fn = eps_fn;
  c.u_last = NAN;
  fb_ode_options opt;
  fb_ode_options_default(&opt);
  opt.rtol = 1e-7;
  opt.atol = 1e-30;
  opt.max_steps = 100000;
  opt.jac_every_step = 1; /* the relaxation rates fall by many orders within ln T ~ 1 (bbn_abundance.c) */
  fb_ode ode;
  memset(&ode, 0, sizeof ode);
  const double g13_start = cbrt(fb_thermo_gstar_s(th, T_start_GeV)), g13_end = cbrt(fb_thermo_gstar_s(th, T_end_GeV));
  double y[2] = {Y_start, Y_start > 0.0 ? Y_start * E_start_GeV / (T_start_GeV * g13_start) : 0.0};
  int rc = fb_ode_init(&ode, 2, abe_rhs, abe_jac, &c, &opt, err);
  if (rc == FB_OK) rc = fb_ode_reset(&ode, -log(T_start_GeV), y, err);
  if (rc == FB_OK) rc = fb_ode_solve(&ode, -log(T_end_GeV), y, err);
  fb_ode_free(&ode);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "number and energy Boltzmann equations");
  *Y_end = y[0];
  /* no X produced (Y = 0): report the plasma's mean energy (the shape the closure assumes) */
  *E_end_GeV = (y[0] > 0.0 && y[1] > 0.0) ? fmax(y[1] * g13_end * T_end_GeV / y[0], m_GeV)
                                          : m_GeV * bbn_mb_mean_energy_over_m(m_GeV / T_end_GeV);
  return FB_OK;
}

int bbn_thermal_abundance_energy(const fb_thermo *th, double m_GeV, double g_X, double Gamma_GeV,
                                 const bbn_abundance_opts *o, bbn_scattering_energy_fn eps_fn, double T_RH_GeV,
                                 double T0_GeV, double *Y_T0, double *n_over_ngamma_T0, double *E_mean_GeV,
                                 fb_err *err) {
  FB_CALL(err, bbn_thermal_abundance_energy_from(th, m_GeV, g_X, Gamma_GeV, o, eps_fn, T_RH_GeV, 0.0, 0.0, T0_GeV, Y_T0,
                                                 E_mean_GeV, err));
  const double s0 = 2.0 * FB_PI * FB_PI / 45.0 * fb_thermo_gstar_s(th, T0_GeV) * pow(T0_GeV, 3);
  const double ng0 = 2.0 * FB_ZETA3 / (FB_PI * FB_PI) * pow(T0_GeV, 3);
  if (*Y_T0 < 0.0) *Y_T0 = 0.0; /* atol undershoot, as bbn_thermal_abundance (bbn_abundance.c) */
  *n_over_ngamma_T0 = *Y_T0 * s0 / ng0;
  return FB_OK;
}
