/**
 * @file bbn_abundance.c
 * @brief The FIP's own abundance before BBN from decays and inverse decays (freeze-in and
 *        freeze-out through the decay channels only), from T_RH down to the start of BBN.
 *
 * Boltzmann equation for the number density of X (mass m, g internal states, total width Gamma)
 * with Maxwell-Boltzmann statistics and detailed balance (Kolb & Turner, The Early Universe,
 * sec. 5.2 and 6.4; Hall, Jedamzik, March-Russell, West arXiv:0911.1120 eq. 2 for the freeze-in
 * limit):
 *   dn/dt + 3 H n = -Gamma <m/E> (n - n_eq),  <m/E> = K1(x)/K2(x),  n_eq = g m^2 T K2(x)/(2 pi^2),
 * x = m/T: the inverse decays (SM SM -> X, summed over all channels by detailed balance with the
 * total width; exact in the relativistic regime too for MB statistics) fill X towards n_eq, the
 * decays empty it. With Y = n/s and d ln T/dt = -H / (1 + (1/3) d ln g_*s/d ln T):
 *   dY/d(-ln T) = -(Gamma K1/K2 / H) (1 + (1/3) d ln g_*s/d ln T) (Y - Y_eq),
 * H^2 = (pi^2/30) g_*rho T^4 / (3 M_Pl,red^2), s = (2 pi^2/45) g_*s T^3 (fb_thermo: g_*(T)).
 * X's own energy density is not in H (valid while X does not dominate; bbn_result reports
 * rho_X/rho_rad in BBN). bbn_inverse_decay_abundance has decays and inverse decays only: its
 * abundance is a lower limit (a bound derived from it is conservative). Integrated with CVODE BDF
 * (stiff when Gamma >> H: then Y = Y_eq).
 *
 * bbn_thermal_abundance generalises this for particles with a known production rate by
 * scatterings (the benchmark productions of src/production, the HNLs of bbn_hnl.c): the
 * relaxation rate becomes Gamma K1/K2 + Gamma_scat(T),
 * Gamma_scat from a callback (detailed balance: the same rate fills X towards n_eq and empties it,
 * the relaxation-time form of the Boltzmann equation, e.g. Dolgov et al. hep-ph/0008138 sec. 2),
 * and n_eq may be Fermi-Dirac: n_eq = g m^2 T/(2 pi^2) sum_k (-1)^(k+1) K2(k x)/k (the series of
 * the Fermi-Dirac integral in Bessel functions; -> (3/4) zeta(3) g T^3/pi^2 for x -> 0).
 */
#include <math.h>
#include <pthread.h>
#include <string.h>

#include <gsl/gsl_sf_bessel.h>

#include "bbn.h"
#include "fb_constants.h"
#include "fb_ode.h"
#include "fb_thermo.h"

typedef struct ab_ctx {
  const fb_thermo *th;
  double m, g, Gamma; /* GeV */
  const bbn_abundance_opts *o; /* NULL: MB, inverse decays only */
  double u_last, k_last;       /* the relaxation rate of the last right-hand side, at u = u_last (ab_jac) */
} ab_ctx;

/* sum_k (-1)^(k+1) K2(k x)/k (Fermi-Dirac n_eq; 60 terms, the last two partial sums averaged: the
 * alternating tail then falls below 1e-7 of the sum at x -> 0) */
double bbn_fd_k2_series(double x) {
  double sum = 0.0, prev = 0.0;
  for (int k = 1; k <= 60; ++k) {
    const double kx = k * x;
    if (kx > 600.0) return sum;
    const double t = gsl_sf_bessel_Kn_scaled(2, kx) * exp(-kx) / k;
    prev = sum;
    sum += (k % 2 ? t : -t);
    if (t < 1e-12 * fabs(sum)) return sum;
  }
  return 0.5 * (sum + prev);
}

/* The series above costs up to 60 Bessel functions (it was 40% of a bc6_bbn point): a table of
 * ln(x^2 e^x F(x)) (smooth: ln(3 zeta3/2) at x -> 0, ~ ln(sqrt(pi/2) x^1.5) at x >> 1) on FD_N nodes
 * uniform in ln x over [FD_XMIN, FD_XMAX], 4-point Lagrange interpolation (error < 1e-8 relative,
 * test_bbn_abundance_solver), filled once per process and read-only afterwards (as the quadrature
 * nodes of fb_prod_bc9.c); outside the range the series itself. */
#define FD_XMIN 1e-6
#define FD_XMAX 600.0
#define FD_PER_EFOLD 32
#define FD_N 650 /* 2 + ceil(FD_PER_EFOLD ln(FD_XMAX/FD_XMIN)): nodes past FD_XMAX for the 4-point stencil */
static double fd_tab[FD_N];
static pthread_once_t fd_tab_once = PTHREAD_ONCE_INIT; /* filled once, thread-safe (as fb_alpha_s.c) */

static double fd_t0(void) { return log(FD_XMIN); }

static void fd_table_fill(void) {
  const double h = 1.0 / FD_PER_EFOLD;
  for (int i = 0; i < FD_N; ++i) {
    const double x = exp(fd_t0() + i * h);
    /* past FD_XMAX (the stencil's last nodes) the k >= 2 terms are below e^-600 of the first */
    fd_tab[i] = x > FD_XMAX ? log(x * x * gsl_sf_bessel_Kn_scaled(2, x)) : log(x * x * bbn_fd_k2_series(x)) + x;
  }
}

double bbn_fd_k2_series_fast(double x) {
  pthread_once(&fd_tab_once, fd_table_fill);
  const double t = (log(x) - fd_t0()) * FD_PER_EFOLD;
  int i = (int)floor(t) - 1; /* nodes i .. i+3 around t */
  if (!(x >= FD_XMIN && x < FD_XMAX) || i < 0 || i + 3 >= FD_N) return bbn_fd_k2_series(x);
  const double f = t - (i + 1); /* in [0, 1): between nodes i+1 and i+2 */
  const double a = f + 1.0, b = f, c = f - 1.0, d = f - 2.0;
  const double v = -b * c * d / 6.0 * fd_tab[i] + a * c * d / 2.0 * fd_tab[i + 1] - a * b * d / 2.0 * fd_tab[i + 2] +
                   a * b * c / 6.0 * fd_tab[i + 3];
  return exp(v - x) / (x * x);
}

/* Y_eq and the relaxation rate (Gamma K1/K2 / H)(1 + dlngs/3) at T (GeV) */
static void ab_rates(const ab_ctx *c, double T, double *Yeq, double *k) {
  const double x = c->m / T;
  double K1, K2;
  if (x > 600.0) {
    K1 = K2 = 0.0;
  } else {
    K1 = gsl_sf_bessel_K1_scaled(x);
    K2 = gsl_sf_bessel_Kn_scaled(2, x);
  }
  const double gr = fb_thermo_gstar_rho(c->th, T), gs = fb_thermo_gstar_s(c->th, T);
  const double H = sqrt(FB_PI * FB_PI / 30.0 * gr / 3.0) * T * T / FB_MPL_REDUCED_GEV;
  const double s = 2.0 * FB_PI * FB_PI / 45.0 * gs * T * T * T;
  const int fd = c->o && c->o->fermi_dirac;
  const double series = (x > 600.0) ? 0.0 : (fd ? bbn_fd_k2_series_fast(x) : K2 * exp(-x));
  *Yeq = c->g * c->m * c->m * T * series / (2.0 * FB_PI * FB_PI) / s;
  /* K1/K2 with the exponential scaling cancelled; small x: x/2 */
  const double ratio = (x > 600.0) ? 1.0 : (x < 1e-8 ? 0.5 * x : K1 / K2);
  const double scat = (c->o && c->o->scattering_rate) ? c->o->scattering_rate(T, c->o->user) : 0.0;
  *k = (c->Gamma * ratio + scat) / H * (1.0 + fb_thermo_dlngs_dlnT(c->th, T) / 3.0);
}

void bbn_thermal_abundance_rates(const fb_thermo *th, double m_GeV, double g_X, double Gamma_GeV,
                                 const bbn_abundance_opts *o, double T_GeV, double *Y_eq, double *k) {
  const ab_ctx c = {th, m_GeV, g_X, Gamma_GeV, o, NAN, NAN};
  ab_rates(&c, T_GeV, Y_eq, k);
}

/* u = -ln(T/GeV) */
static int ab_rhs(double u, const double *y, double *dy, void *user) {
  ab_ctx *c = user;
  double Yeq, k;
  ab_rates(c, exp(-u), &Yeq, &k);
  dy[0] = -k * (y[0] - Yeq);
  c->u_last = u;
  c->k_last = k;
  return 0;
}

/* dY'/dY = -k(u): CVODE asks for it at the time of the right-hand side it has just evaluated (the
 * predicted state at the new step), so the rate kept by ab_rhs is reused (bit-identical to a new
 * evaluation; the rates are ~all of the cost) */
static int ab_jac(double u, const double *y, const double *dy, double *J, void *user) {
  (void)y; (void)dy;
  ab_ctx *c = user;
  double Yeq, k = c->k_last;
  if (u != c->u_last) ab_rates(c, exp(-u), &Yeq, &k);
  J[0] = -k;
  return 0;
}

int bbn_thermal_abundance(const fb_thermo *th, double m_GeV, double g_X, double Gamma_GeV,
                          const bbn_abundance_opts *o, double T_RH_GeV, double T0_GeV, double *Y_T0,
                          double *n_over_ngamma_T0, fb_err *err) {
  FB_TEST(err, !(m_GeV > 0.0 && g_X > 0.0 && Gamma_GeV > 0.0), FB_ERR_INPUT,
          "inverse-decay abundance: m = %g GeV, g = %g, Gamma = %g GeV must be positive", m_GeV, g_X, Gamma_GeV);
  FB_TEST(err, !(T_RH_GeV > T0_GeV && T0_GeV > 0.0 && T_RH_GeV <= 1e5), FB_ERR_RANGE,
          "inverse-decay abundance: need 0 < T0 = %g GeV < T_RH = %g GeV <= 1e5 GeV", T0_GeV, T_RH_GeV);
  ab_ctx c = {th, m_GeV, g_X, Gamma_GeV, o, NAN, NAN};
  fb_ode_options opt;
  fb_ode_options_default(&opt);
  opt.rtol = 1e-7;
  opt.atol = 1e-30;
  opt.max_steps = 100000;
  /* the relaxation rate can fall by 1e15 within ln T ~ 1 (bc5: h -> S S decoupling). CVODE's default
   * keeps the Newton matrix 1 + gamma k_old for up to 20 steps (a new one only when gamma changes by
   * > 30% or Newton fails to converge); with k_old >> k the Newton correction G/(1 + gamma k_old) is
   * tiny, the iteration "converges" at once on the predictor, the error estimate (corrector minus
   * predictor) is ~0 and the step passes: Y follows the polynomial extrapolation (measured: +29% at
   * bc5 m_S = 0.5 GeV, sin2theta = 1e-18, an error-test failure at 1e-17). A stale k that is too small
   * only slows convergence, which CVODE detects. Hence a new 1 x 1 Jacobian at every step; it costs no
   * rate evaluation (ab_jac) */
  opt.jac_every_step = 1;
  fb_ode ode;
  memset(&ode, 0, sizeof ode);
  double y = 0.0; /* no X at reheating (freeze-in initial condition) */
  int rc = fb_ode_init(&ode, 1, ab_rhs, ab_jac, &c, &opt, err);
  if (rc == FB_OK) rc = fb_ode_reset(&ode, -log(T_RH_GeV), &y, err);
  if (rc == FB_OK) rc = fb_ode_solve(&ode, -log(T0_GeV), &y, err);
  fb_ode_free(&ode);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "inverse-decay Boltzmann equation");
  const double s0 = 2.0 * FB_PI * FB_PI / 45.0 * fb_thermo_gstar_s(th, T0_GeV) * pow(T0_GeV, 3);
  const double ng0 = 2.0 * FB_ZETA3 / (FB_PI * FB_PI) * pow(T0_GeV, 3);
  /* a number density: CVODE's atol (1e-30 above) lets Y undershoot zero by ~atol once X has decayed (review,
   * session 10: -2.4e-32 GeV in mY written to the scan files); the physical value there is 0 within atol */
  if (y < 0.0) y = 0.0;
  *Y_T0 = y;
  *n_over_ngamma_T0 = y * s0 / ng0;
  return FB_OK;
}

int bbn_inverse_decay_abundance(const fb_thermo *th, double m_GeV, double g_X, double Gamma_GeV,
                                double T_RH_GeV, double T0_GeV, double *Y_T0, double *n_over_ngamma_T0,
                                fb_err *err) {
  return bbn_thermal_abundance(th, m_GeV, g_X, Gamma_GeV, NULL, T_RH_GeV, T0_GeV, Y_T0, n_over_ngamma_T0, err);
}

double bbn_inverse_decay_production(const fb_thermo *th, double m_GeV, double g_X, double Gamma_GeV,
                                    double T_hi_GeV, double T_lo_GeV) {
  return bbn_thermal_production(th, m_GeV, g_X, Gamma_GeV, NULL, T_hi_GeV, T_lo_GeV);
}

double bbn_thermal_production(const fb_thermo *th, double m_GeV, double g_X, double Gamma_GeV,
                              const bbn_abundance_opts *o, double T_hi_GeV, double T_lo_GeV) {
  /* int_{ln T_lo}^{ln T_hi} k Y_eq d ln T (the source term of the Boltzmann equation above without
   * the loss term; k with the scattering rate of o): Simpson's rule on 400 intervals in ln T */
  const ab_ctx c = {th, m_GeV, g_X, Gamma_GeV, o, NAN, NAN};
  const int n = 400;
  const double a = log(T_lo_GeV), b = log(T_hi_GeV), h = (b - a) / n;
  double sum = 0.0;
  for (int i = 0; i <= n; ++i) {
    double Yeq, k;
    ab_rates(&c, exp(a + i * h), &Yeq, &k);
    sum += (i == 0 || i == n ? 1.0 : (i % 2 ? 4.0 : 2.0)) * k * Yeq;
  }
  return sum * h / 3.0;
}

