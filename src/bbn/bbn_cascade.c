/**
 * @file bbn_cascade.c
 * @brief Electromagnetic cascade on the thermal background after BBN (see bbn_cascade.h).
 *
 * Rates and kernels (each cited next to its formula): Breit-Wheeler pair creation on the Planck
 * spectrum (Gould & Schreder, Phys. Rev. 155 (1967) 1404; Kawasaki & Moroi astro-ph/9412055
 * eq. 3.9), its e+- spectrum (Aharonian, Atoyan, Nagapetyan, Astrofizika 19 (1983) 323 as written
 * by Boettcher & Schlickeiser astro-ph/9707136 eq. 26), photon-photon scattering (Svensson &
 * Zdziarski ApJ 349 (1990) 415, as used by Kawasaki & Moroi astro-ph/9412055 eq. 3.15 and
 * arXiv:1808.09324 app. A), Compton scattering (Klein-Nishina), Bethe-Heitler pair creation
 * (total: Maximon, J. Res. NBS 72B (1968) 79; differential: Motz, Olsen, Koch, Rev. Mod. Phys. 41
 * (1969) 581, formula 3D-0000), inverse Compton (Blumenthal & Gould, Rev. Mod. Phys. 42 (1970) 237,
 * eq. 2.48). The cascade equation is that of arXiv:1808.09324 eq. 3.1 / astro-ph/9412055 eq. 3.1.
 */
#include "bbn_cascade.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_integration.h>

#include "fb_constants.h"

#define ME (FB_ME_GEV * 1.0e3)      /* MeV */
#define ME2 (ME * ME)
#define AL FB_ALPHA_EM
#define RE2 (AL * AL / ME2)         /* classical electron radius squared [MeV^-2] */
/* Thermal-photon integrals are cut at eps = EPS_T_MAX T (Bose factor e^-200). */
#define EPS_T_MAX 200.0

typedef double (*casc_fn)(double x, const void *p);

/* A Gauss-Legendre rule on [-1, 1] in node order (the nodes of gsl_integration_glfixed_table with
 * their signs): gl_point gives the same abscissae and weights as gsl_integration_glfixed_point, bit for
 * bit, without its per-point call and branches (these loops are most of a photodisintegration scan). */
#define CASC_GL_MAX 64
typedef struct {
  size_t n;
  double x[CASC_GL_MAX], w[CASC_GL_MAX];
} casc_gl;

static casc_gl *casc_gl_alloc(size_t n) {
  if (n > CASC_GL_MAX) return NULL;
  casc_gl *g = malloc(sizeof *g);
  gsl_integration_glfixed_table *t = gsl_integration_glfixed_table_alloc(n);
  if (!g || !t) {
    free(g);
    if (t) gsl_integration_glfixed_table_free(t);
    return NULL;
  }
  g->n = n;
  for (size_t i = 0; i < n; i++) gsl_integration_glfixed_point(-1.0, 1.0, i, &g->x[i], &g->w[i], t);
  gsl_integration_glfixed_table_free(t);
  return g;
}

/* Node i of the rule on [a, b] (the arithmetic of gsl_integration_glfixed_point). */
static inline void gl_point(const casc_gl *t, double a, double b, size_t i, double *xi, double *wi) {
  const double A = (b - a) / 2, B = (a + b) / 2;
  *xi = B + A * t->x[i];
  *wi = A * t->w[i];
}

/* int_a^b f(x) dx by fixed Gauss-Legendre in ln x (a, b > 0). */
static double gl_log(const void *tab, casc_fn f, const void *p, double a, double b) {
  if (!(b > a) || !(a > 0.0)) return 0.0;
  const casc_gl *t = tab;
  const double la = log(a), lb = log(b);
  double s = 0.0;
  for (size_t i = 0; i < t->n; i++) {
    double xi, wi;
    gl_point(t, la, lb, i, &xi, &wi);
    const double x = exp(xi);
    s += wi * x * f(x, p);
  }
  return s;
}

/* Same, linear in x. */
static double gl_lin(const void *tab, casc_fn f, const void *p, double a, double b) {
  if (!(b > a)) return 0.0;
  const casc_gl *t = tab;
  double s = 0.0;
  for (size_t i = 0; i < t->n; i++) {
    double xi, wi;
    gl_point(t, a, b, i, &xi, &wi);
    s += wi * f(xi, p);
  }
  return s;
}

/* Bose-Einstein occupation 1/(e^x - 1) of the thermal photons. Computed as e^-x / (1 - e^-x): exp is
 * about twice as fast as expm1 (glibc 2.36), and 1 - e^-x loses at most 1.1e-16 / x relative, < 2e-14
 * for x >= 0.01; below, expm1. */
static inline double bose(double x) {
  if (x > 700.0) return 0.0;
  if (x < 0.01) return 1.0 / expm1(x);
  const double e = exp(-x);
  return e / (1.0 - e);
}

/* Planck number density per unit energy [MeV^2] n(eps) = eps^2 / (pi^2 (e^{eps/T} - 1)), divided by
 * eps^2 (planck_n_eps2) or by eps (planck_n_eps), as the integrands below use it. */
#define INV_PI2 (1.0 / (M_PI * M_PI))
static inline double planck_n_eps2(double eps, double T) { return INV_PI2 * bose(eps / T); }
static inline double planck_n_eps(double eps, double T) { return INV_PI2 * eps * bose(eps / T); }

void bbn_cascade_opts_default(bbn_cascade_opts *o) {
  o->E_min_MeV = 1.5;
  o->n_per_decade = 50;
  o->universal = 0;
  o->fsr = 1;
}

int bbn_cascade_ws_init(bbn_cascade_ws *ws, fb_err *err) {
  memset(ws, 0, sizeof *ws);
  ws->gl_eps = casc_gl_alloc(32);
  ws->gl_inner = casc_gl_alloc(32);
  ws->gl_bin = casc_gl_alloc(4); /* 32/4: results within 0.4% of 48/6 (docs/performance.md) */
  FB_TEST(err, !(ws->gl_eps && ws->gl_inner && ws->gl_bin), FB_ERR_MEMORY,
          "Gauss-Legendre tables");
  return FB_OK;
}

void bbn_cascade_ws_free(bbn_cascade_ws *ws) {
  free(ws->gl_eps);
  free(ws->gl_inner);
  free(ws->gl_bin);
  memset(ws, 0, sizeof *ws);
}

int bbn_cascade_background(double T_MeV, double eta, double Y_H, double Y_He4, bbn_cascade_bg *bg,
                           fb_err *err) {
  FB_TEST(err, !(T_MeV > 0.0 && T_MeV < 1.0), FB_ERR_RANGE, "T_MeV = %g outside (0, 1)", T_MeV);
  FB_TEST(err, !(eta > 0.0 && Y_H >= 0.0 && Y_He4 >= 0.0), FB_ERR_RANGE, "eta, Y_H, Y_He4");
  /* n_b = eta n_gamma, n_gamma = 2 zeta(3) T^3 / pi^2 */
  const double nb = eta * 2.0 * FB_ZETA3 / (M_PI * M_PI) * T_MeV * T_MeV * T_MeV;
  bg->T_MeV = T_MeV;
  bg->n_e_MeV3 = (Y_H + 2.0 * Y_He4) * nb;
  bg->n_NZ2_MeV3 = (Y_H + 4.0 * Y_He4) * nb;
  return FB_OK;
}

/* ---------------------------------------------------------------------------------------------
 * Double-photon pair creation gamma gamma_th -> e+ e-
 * ------------------------------------------------------------------------------------------- */

/* Breit-Wheeler cross section [MeV^-2] at s (Gould & Schreder 1967; astro-ph/9412055 eq. 3.10). */
static double sigma_bw(double s) {
  if (s <= 4.0 * ME2) return 0.0;
  const double b2 = 1.0 - 4.0 * ME2 / s, b = sqrt(b2);
  return 0.5 * M_PI * RE2 * (1.0 - b2) *
         ((3.0 - b2 * b2) * log((1.0 + b) / (1.0 - b)) - 2.0 * b * (2.0 - b2));
}

typedef struct { const bbn_cascade_ws *ws; const bbn_cascade_bg *bg; double E, Ep, aux; } kctx;

/* Phi(s0) = int_{4 me^2}^{s0} ds s sigma(s), with s = 4 me^2 exp(w^2) (smooth at threshold). */
static double phi_integrand(double w, const void *p) {
  (void)p;
  const double s = 4.0 * ME2 * exp(w * w);
  return s * sigma_bw(s) * s * 2.0 * w;
}

static double phi_bw(const bbn_cascade_ws *ws, double s0) {
  if (s0 <= 4.0 * ME2) return 0.0;
  return gl_lin(ws->gl_inner, phi_integrand, NULL, 0.0, sqrt(log(s0 / (4.0 * ME2))));
}

static double dp_rate_integrand(double eps, const void *p) {
  const kctx *c = p;
  return planck_n_eps2(eps, c->bg->T_MeV) * phi_bw(c->ws, 4.0 * c->E * eps);
}

/* Gamma_DP(E) = 1/(8 E^2) int_{me^2/E} d eps n(eps)/eps^2 Phi(4 E eps) (astro-ph/9412055 eq. 3.9) */
static double rate_dp(const bbn_cascade_ws *ws, double E, const bbn_cascade_bg *bg) {
  const double lo = ME2 / E, hi = EPS_T_MAX * bg->T_MeV;
  if (lo >= hi) return 0.0;
  kctx c = {ws, bg, E, 0.0, 0.0};
  return gl_log(ws->gl_eps, dp_rate_integrand, &c, lo, hi) / (8.0 * E * E);
}

/* e+- spectrum of pair creation, per lepton: the function G of Aharonian et al. (1983) in the
 * form of Boettcher & Schlickeiser astro-ph/9707136 eq. 26, with E + E' = Ep + eps. */
static double dp_G(double E, double Ep, double eps) {
  const double S = Ep + eps, E2 = S - E;
  if (eps * Ep <= ME2) return 0.0;
  const double d = (Ep - eps) * sqrt(1.0 - ME2 / (Ep * eps));
  if (E < 0.5 * (S - d) || E > 0.5 * (S + d) || E <= ME || E2 <= ME) return 0.0;
  const double EE = E * E2;
  const double g = 4.0 * S * S / EE * log(4.0 * eps * EE / (ME2 * S)) - 8.0 * eps * S / ME2 +
                   2.0 * (2.0 * eps * S - ME2) * S * S / (ME2 * EE) -
                   (1.0 - ME2 / (eps * S)) * S * S * S * S / (EE * EE);
  return g > 0.0 ? g : 0.0;
}

static double dp_kernel_integrand(double eps, const void *p) {
  const kctx *c = p;
  return planck_n_eps2(eps, c->bg->T_MeV) * dp_G(c->E, c->Ep, eps);
}

/* Per-lepton kernel: (pi r_e^2 me^4 / 4) / Ep^3 int d eps n(eps)/eps^2 G  (Aharonian et al.). */
static double kernel_dp_lepton(const bbn_cascade_ws *ws, double E, double Ep,
                               const bbn_cascade_bg *bg) {
  if (E >= Ep || E <= ME) return 0.0;
  /* kinematic lower limit of eps for this E (soft-photon limit), with a margin */
  double lo = ME2 * Ep / (4.0 * E * (Ep - E));
  if (lo < ME2 / Ep) lo = ME2 / Ep;
  lo *= 0.999;
  double hi = EPS_T_MAX * bg->T_MeV;
  if (hi > Ep) hi = Ep;
  if (lo >= hi) return 0.0;
  kctx c = {ws, bg, E, Ep, 0.0};
  return 0.25 * M_PI * RE2 * ME2 * ME2 / (Ep * Ep * Ep) *
         gl_log(ws->gl_eps, dp_kernel_integrand, &c, lo, hi);
}

/* ---------------------------------------------------------------------------------------------
 * Photon-photon scattering (Svensson & Zdziarski 1990; astro-ph/9412055 eq. 3.15-3.16), valid for
 * E eps << me^2; cut by exp(-E T / me^2) above (as arXiv:1808.09324 app. A and 1502.01250 sec. 2).
 * ------------------------------------------------------------------------------------------- */
static double pp_norm(double T) {
  /* (1112 / (10125 pi)) alpha^4 / me^8 * (8 pi^4 / 63) T^6 */
  const double t2 = T * T;
  return 1112.0 / (10125.0 * M_PI) * pow(AL, 4) / pow(ME, 8) * 8.0 * pow(M_PI, 4) / 63.0 * t2 *
         t2 * t2;
}

static double kernel_pp(double E, double Ep, double T) {
  if (E >= Ep || E <= 0.0) return 0.0;
  const double x = E / Ep, f = 1.0 - x + x * x;
  return pp_norm(T) * Ep * Ep * f * f * exp(-Ep * T / ME2);
}

/* Each scattering gives two photons: Gamma = (1/2) int_0^Ep K dE = 0.35 C Ep^3 (int (1-x+x^2)^2 = 0.7). */
static double rate_pp(double E, double T) { return 0.35 * pp_norm(T) * E * E * E * exp(-E * T / ME2); }

/* ---------------------------------------------------------------------------------------------
 * Compton scattering on thermal electrons at rest (Klein-Nishina)
 * ------------------------------------------------------------------------------------------- */
static double rate_compton(double E, const bbn_cascade_bg *bg) {
  const double x = 2.0 * E / ME;
  const double s = 2.0 * M_PI * RE2 / x *
                   ((1.0 - 4.0 / x - 8.0 / (x * x)) * log1p(x) + 0.5 + 8.0 / x -
                    0.5 / ((1.0 + x) * (1.0 + x)));
  return bg->n_e_MeV3 * s;
}

/* d sigma / dE of the scattered photon (Klein-Nishina; Jauch & Rohrlich), E in [Ep/(1+2Ep/me), Ep] */
static double kernel_compton_photon(double E, double Ep, const bbn_cascade_bg *bg) {
  if (E > Ep || E < Ep / (1.0 + 2.0 * Ep / ME)) return 0.0;
  const double a = ME / E - ME / Ep;
  return bg->n_e_MeV3 * M_PI * RE2 * ME / (Ep * Ep) *
         (Ep / E + E / Ep + a * a - 2.0 * a);
}

/* ---------------------------------------------------------------------------------------------
 * Bethe-Heitler pair creation on ions
 * ------------------------------------------------------------------------------------------- */
/* Total, Maximon (1968) expansions (as listed in astro-ph/9412055 eqs. 3.11-3.12), per unit Z^2. */
static double sigma_bh_total(double E) {
  const double k = E / ME;
  if (k <= 2.0) return 0.0;
  if (k <= 4.0) {
    const double r = (2.0 * k - 4.0) / (k + 2.0 + 2.0 * sqrt(2.0 * k)), q = (k - 2.0) / k;
    return AL * RE2 * (2.0 * M_PI / 3.0) * q * q * q *
           (1.0 + r / 2.0 + 23.0 / 40.0 * r * r + 11.0 / 60.0 * r * r * r +
            29.0 / 960.0 * r * r * r * r);
  }
  const double l = log(2.0 * k), u = 2.0 / k, u2 = u * u;
  return AL * RE2 *
         (28.0 / 9.0 * l - 218.0 / 27.0 +
          u2 * (2.0 / 3.0 * l * l * l - l * l + (6.0 - M_PI * M_PI / 3.0) * l + 2.0 * FB_ZETA3 +
                M_PI * M_PI / 6.0 - 3.5) -
          u2 * u2 * (3.0 / 16.0 * l + 0.125) - u2 * u2 * u2 * (29.0 / 2304.0 * l - 77.0 / 13824.0));
}

/* d sigma / dE_- per unit Z^2 [MeV^-3] (Bethe-Heitler, Born, unscreened; Motz et al. 3D-0000).
 * Its integral over E_- reproduces Maximon's total (above) to 1e-4 for k = 2.5 MeV - 3 GeV
 * (tests/bbn/test_cascade.c). */
static double dsigma_bh(double Em_MeV, double k_MeV) {
  const double k = k_MeV / ME, Em = Em_MeV / ME, Ep = k - Em;
  if (Em <= 1.0 || Ep <= 1.0) return 0.0;
  const double pm = sqrt(Em * Em - 1.0), pp = sqrt(Ep * Ep - 1.0);
  const double em = log((Em + pm) / (Em - pm)), ep = log((Ep + pp) / (Ep - pp));
  const double L = 2.0 * log((Ep * Em + pp * pm + 1.0) / k);
  const double pp2 = pp * pp, pm2 = pm * pm, pp3 = pp2 * pp, pm3 = pm2 * pm;
  const double EE = Ep * Em;
  double br = -4.0 / 3.0 - 2.0 * EE * (pp2 + pm2) / (pp2 * pm2) + ep * Em / pp3 + em * Ep / pm3 -
              ep * em / (pp * pm);
  br += L * (k * k * (EE * EE + pp2 * pm2) / (pp3 * pm3) - 8.0 * EE / (3.0 * pp * pm) -
             k / (2.0 * pp * pm) *
                 ((EE - pp2) * ep / pp3 + (EE - pm2) * em / pm3 + 2.0 * k * EE / (pp2 * pm2)));
  const double v = AL * RE2 * pp * pm / (k * k * k) * br / ME;
  return v > 0.0 ? v : 0.0;
}

/* ---------------------------------------------------------------------------------------------
 * Inverse Compton scattering (Blumenthal & Gould 1970 eq. 2.48): photons of energy Eg from an
 * electron of energy Ee on the Planck spectrum:
 *   dN/dt dEg = 2 pi alpha^2 / Ee^2 int d eps n(eps)/eps F(q, G),  G = 4 eps Ee / me^2,
 *   q = Eg / (G (Ee - Eg)),  F = 2 q ln q + (1 + 2q)(1 - q) + (G q)^2 (1 - q) / (2 (1 + G q)).
 * (2 pi r_e^2 me^2 = 2 pi alpha^2; its Thomson limit integrates to sigma_T n_gamma.)
 * ------------------------------------------------------------------------------------------- */
static double bg_F(double Eg, double Ee, double eps) {
  if (Eg >= Ee || Eg < eps) return 0.0;
  const double G = 4.0 * eps * Ee / ME2, q = Eg / (G * (Ee - Eg));
  if (q > 1.0 || q <= 0.0) return 0.0;
  return 2.0 * q * log(q) + (1.0 + 2.0 * q) * (1.0 - q) + (G * q) * (G * q) * (1.0 - q) / (2.0 * (1.0 + G * q));
}

/* photon out: c->E = Eg, c->Ep = Ee */
static double ics_photon_integrand(double eps, const void *p) {
  const kctx *c = p;
  return planck_n_eps(eps, c->bg->T_MeV) * bg_F(c->E, c->Ep, eps);
}

/* electron out: c->E = E (electron after), c->Ep = Ee, Eg = Ee + eps - E */
static double ics_electron_integrand(double eps, const void *p) {
  const kctx *c = p;
  return planck_n_eps(eps, c->bg->T_MeV) * bg_F(c->Ep + eps - c->E, c->Ep, eps);
}

static double kernel_ics(const bbn_cascade_ws *ws, int out, double E, double Ee,
                         const bbn_cascade_bg *bg) {
  const double hi = EPS_T_MAX * bg->T_MeV;
  kctx c = {ws, bg, E, Ee, 0.0};
  double lo;
  if (out == BBN_CASC_GAMMA) {
    if (E >= Ee) return 0.0;
    lo = ME2 * E / (4.0 * Ee * (Ee - E)); /* q <= 1 */
    double h = hi < E ? hi : E;
    return 2.0 * M_PI * AL * AL / (Ee * Ee) * gl_log(ws->gl_eps, ics_photon_integrand, &c, lo * 0.999, h);
  }
  if (E >= Ee || E <= ME) return 0.0;
  const double L = Ee - E;
  lo = ME2 * L / (4.0 * Ee * E) * 0.999;
  return 2.0 * M_PI * AL * AL / (Ee * Ee) *
         gl_log(ws->gl_eps, ics_electron_integrand, &c, lo > 1e-12 * bg->T_MeV ? lo : 1e-12 * bg->T_MeV, hi);
}

/* int_eps^{Emax} F dEg over q (for the total rate); c->Ep = Ee, c->aux = eps */
static double ics_q_integrand(double q, const void *p) {
  const kctx *c = p;
  const double eps = c->aux, Ee = c->Ep, G = 4.0 * eps * Ee / ME2;
  const double F = 2.0 * q * log(q) + (1.0 + 2.0 * q) * (1.0 - q) +
                   (G * q) * (G * q) * (1.0 - q) / (2.0 * (1.0 + G * q));
  return F * G * Ee / ((1.0 + G * q) * (1.0 + G * q));
}

static double ics_rate_integrand(double eps, const void *p) {
  const kctx *c0 = p;
  kctx c = *c0;
  c.aux = eps;
  const double Ee = c.Ep, G = 4.0 * eps * Ee / ME2;
  const double q0 = eps / (G * (Ee - eps));
  if (q0 >= 1.0) return 0.0;
  return planck_n_eps(eps, c.bg->T_MeV) * gl_lin(c.ws->gl_inner, ics_q_integrand, &c, q0, 1.0);
}

static double rate_ics(const bbn_cascade_ws *ws, double Ee, const bbn_cascade_bg *bg) {
  kctx c = {ws, bg, 0.0, Ee, 0.0};
  return 2.0 * M_PI * AL * AL / (Ee * Ee) *
         gl_log(ws->gl_eps, ics_rate_integrand, &c, 1e-6 * bg->T_MeV, EPS_T_MAX * bg->T_MeV);
}

/* ---------------------------------------------------------------------------------------------
 * Public rate and kernel accessors
 * ------------------------------------------------------------------------------------------- */
double bbn_cascade_rate(const bbn_cascade_ws *ws, int process, double E, const bbn_cascade_bg *bg) {
  switch (process) {
    case BBN_CASC_DP: return rate_dp(ws, E, bg);
    case BBN_CASC_PP: return rate_pp(E, bg->T_MeV);
    case BBN_CASC_COMPTON: return rate_compton(E, bg);
    case BBN_CASC_BH: return bg->n_NZ2_MeV3 * sigma_bh_total(E);
    case BBN_CASC_ICS: return rate_ics(ws, E, bg);
    default: return NAN;
  }
}

double bbn_cascade_rate_photon(const bbn_cascade_ws *ws, double E, const bbn_cascade_bg *bg) {
  return rate_dp(ws, E, bg) + rate_pp(E, bg->T_MeV) + rate_compton(E, bg) +
         bg->n_NZ2_MeV3 * sigma_bh_total(E);
}

double bbn_cascade_kernel(const bbn_cascade_ws *ws, int process, int out, double E, double Ep,
                          const bbn_cascade_bg *bg) {
  switch (process) {
    case BBN_CASC_DP:
      return out == BBN_CASC_E ? 2.0 * kernel_dp_lepton(ws, E, Ep, bg) : 0.0;
    case BBN_CASC_PP:
      return out == BBN_CASC_GAMMA ? kernel_pp(E, Ep, bg->T_MeV) : 0.0;
    case BBN_CASC_COMPTON:
      /* the recoil electron has total energy E = Ep + me - E_gamma */
      return out == BBN_CASC_GAMMA ? kernel_compton_photon(E, Ep, bg)
                                   : kernel_compton_photon(Ep + ME - E, Ep, bg);
    case BBN_CASC_BH:
      return out == BBN_CASC_E ? 2.0 * bg->n_NZ2_MeV3 * dsigma_bh(E, Ep) : 0.0;
    case BBN_CASC_ICS:
      return kernel_ics(ws, out, E, Ep, bg);
    default: return NAN;
  }
}

/* Kernel of species X' = in -> X = out summed over processes. */
static double kernel_total(const bbn_cascade_ws *ws, int out, int in, double E, double Ep,
                           const bbn_cascade_bg *bg) {
  if (in == BBN_CASC_E) return kernel_ics(ws, out, E, Ep, bg);
  if (out == BBN_CASC_GAMMA) return kernel_pp(E, Ep, bg->T_MeV) + kernel_compton_photon(E, Ep, bg);
  return bbn_cascade_kernel(ws, BBN_CASC_DP, out, E, Ep, bg) +
         bbn_cascade_kernel(ws, BBN_CASC_COMPTON, out, E, Ep, bg) +
         bbn_cascade_kernel(ws, BBN_CASC_BH, out, E, Ep, bg);
}

/* ---------------------------------------------------------------------------------------------
 * Cascade solver
 * ------------------------------------------------------------------------------------------- */
typedef struct {
  const bbn_cascade_ws *ws;
  const bbn_cascade_bg *bg;
  int n;
  double dy, lnE0;          /* ln E_0 (bottom of grid) */
  const double *E;
  double *T;                /* [out][in][i][j] transfer: products in bin i per particle in bin j */
  double *lost_e;           /* [j] ICS e -> e rate that leaves the grid (below E_-1) */
} casc_sys;

#define TIDX(s, o, in, i, j) ((((size_t)(o) * BBN_CASC_NX + (size_t)(in)) * (size_t)(s)->n + (size_t)(i)) * (size_t)(s)->n + (size_t)(j))

/* Deposit the products at energy E (weight w = kernel * quadrature weight) with tent weights. */
static void deposit(casc_sys *s, int out, int in, int j, double E, double w) {
  const double u = (log(E) - s->lnE0) / s->dy; /* bin coordinate */
  if (u < -1.0) {
    if (out == BBN_CASC_E && in == BBN_CASC_E) s->lost_e[j] += w;
    return;
  }
  int k = (int)floor(u);
  double f = u - k;
  if (k >= j) { k = j; f = 0.0; } /* at or above the source bin: into the source bin */
  if (k >= 0) s->T[TIDX(s, out, in, k, j)] += (1.0 - f) * w;
  else if (out == BBN_CASC_E && in == BBN_CASC_E) s->lost_e[j] += (1.0 - f) * w;
  if (k + 1 <= j && f > 0.0) s->T[TIDX(s, out, in, k + 1, j)] += f * w;
}

/* Integrate kernel(out <- in at E_j) over [a, b] (in ln E) and deposit. */
static void deposit_range(casc_sys *s, int out, int in, int j, double a, double b) {
  const casc_gl *t = s->ws->gl_bin;
  if (!(b > a) || a <= 0.0) return;
  const double la = log(a), lb = log(b);
  for (size_t q = 0; q < t->n; q++) {
    double xi, wi;
    gl_point(t, la, lb, q, &xi, &wi);
    const double E = exp(xi);
    const double K = kernel_total(s->ws, out, in, E, s->E[j], s->bg);
    if (K > 0.0) deposit(s, out, in, j, E, wi * E * K);
  }
}

/* Small energy losses of electrons (ICS, Thomson regime): integrate in ln(loss). */
static void deposit_small_loss(casc_sys *s, int j) {
  const casc_gl *t = s->ws->gl_bin;
  const double Ej = s->E[j], Lmax = Ej * (1.0 - exp(-s->dy)), Lmin = 1e-10 * Ej;
  const int nseg = 10;
  const double h = log(Lmax / Lmin) / nseg;
  for (int g = 0; g < nseg; g++) {
    const double la = log(Lmin) + g * h, lb = la + h;
    for (size_t q = 0; q < t->n; q++) {
      double xi, wi;
      gl_point(t, la, lb, q, &xi, &wi);
      const double L = exp(xi), E = Ej - L;
      const double K = kernel_ics(s->ws, BBN_CASC_E, E, Ej, s->bg);
      if (K > 0.0) deposit(s, BBN_CASC_E, BBN_CASC_E, j, E, wi * L * K);
    }
  }
}

static double universal_shape(double E, double E0, double EC, double EX) {
  /* Cyburt, Ellis, Fields, Olive astro-ph/0211258 eq. 6 (Kawasaki & Moroi astro-ph/9412055):
   * p(E) = K0 (EX/E)^1.5 (E < EX), K0 (EX/E)^2 (EX <= E < EC), 0 above; K0 from energy
   * conservation, int E p dE = E0: K0 = E0 / (EX^2 (2 + ln(EC/EX))). */
  const double K0 = E0 / (EX * EX * (2.0 + log(EC / EX)));
  if (E < EX) return K0 * pow(EX / E, 1.5);
  if (E < EC) return K0 * (EX / E) * (EX / E);
  return 0.0;
}

int bbn_cascade_grid(double E0, const bbn_cascade_opts *o, int *n, double *dy, fb_err *err) {
  FB_TEST(err, !(o->E_min_MeV > 2.0 * ME && o->E_min_MeV < E0), FB_ERR_RANGE,
          "need 2 me < E_min = %g < E0 = %g MeV", o->E_min_MeV, E0);
  FB_TEST(err, !(o->n_per_decade >= 10 && o->n_per_decade <= 1000), FB_ERR_RANGE,
          "n_per_decade = %d outside 10-1000", o->n_per_decade);
  *n = (int)ceil(log10(E0 / o->E_min_MeV) * o->n_per_decade) + 1;
  *dy = log(E0 / o->E_min_MeV) / (*n - 1);
  return FB_OK;
}

/* The grid arrays of sp (E_MeV[n-1] = E0 exactly). */
static int spec_alloc(double E0, const bbn_cascade_opts *o, bbn_cascade_spec *sp, fb_err *err) {
  memset(sp, 0, sizeof *sp);
  int n;
  double dy;
  FB_CALL(err, bbn_cascade_grid(E0, o, &n, &dy, err));
  sp->n = n;
  sp->dy = dy;
  sp->E_MeV = calloc((size_t)n, sizeof(double));
  sp->N_gamma = calloc((size_t)n, sizeof(double));
  sp->N_e = calloc((size_t)n, sizeof(double));
  if (!(sp->E_MeV && sp->N_gamma && sp->N_e)) {
    bbn_cascade_spec_free(sp);
    FB_FAIL(err, FB_ERR_MEMORY, "spectrum arrays");
  }
  for (int i = 0; i < n; i++) sp->E_MeV[i] = o->E_min_MeV * exp(i * sp->dy);
  sp->E_MeV[n - 1] = E0;
  return FB_OK;
}

/* The universal photon spectrum for an injected energy Einj per unit rate. */
static void solve_universal(const bbn_cascade_ws *ws, const bbn_cascade_bg *bg, double Einj, bbn_cascade_spec *sp) {
  const double T = bg->T_MeV, EC = ME2 / (22.0 * T), EX = ME2 / (80.0 * T);
  for (int i = 0; i < sp->n; i++) {
    const double E = sp->E_MeV[i];
    sp->N_gamma[i] = universal_shape(E, Einj, EC, EX) / bbn_cascade_rate_photon(ws, E, bg) * E * sp->dy;
  }
}

int bbn_cascade_solve(const bbn_cascade_ws *ws, const bbn_cascade_bg *bg, double E0,
                      double S_gamma, double S_e, const bbn_cascade_opts *o, bbn_cascade_spec *sp,
                      fb_err *err) {
  memset(sp, 0, sizeof *sp);
  FB_TEST(err, !(S_gamma >= 0.0 && S_e >= 0.0), FB_ERR_RANGE, "negative source");
  if (o->universal) {
    FB_CALL(err, spec_alloc(E0, o, sp, err));
    solve_universal(ws, bg, (S_gamma + S_e) * E0, sp);
    return FB_OK;
  }
  int n;
  double dy;
  FB_CALL(err, bbn_cascade_grid(E0, o, &n, &dy, err));
  double *src = calloc((size_t)2 * n, sizeof(double));
  FB_TEST(err, !src, FB_ERR_MEMORY, "cascade sources (n = %d)", n);
  double *sg = src, *se = src + n;
  sg[n - 1] = S_gamma;
  se[n - 1] = S_e;
  /* final-state radiation of X -> e+ e- (gamma): per decay, with x = E/E0, y = me^2/(4 E0^2),
   * dN/dE = (alpha/pi)/E0 (1 + (1-x)^2)/x ln((1-x)/y)   (arXiv:1808.09324 eq. 2.9; the
   * splitting-function form of Birkedal et al. hep-ph/0507194), S_e/2 decays per unit rate */
  if (o->fsr && S_e > 0.0)
    for (int i = 0; i < n - 1; i++) {
      const double Ei = o->E_min_MeV * exp(i * dy), x = Ei / E0, y = ME2 / (4.0 * E0 * E0);
      if (1.0 - x > y)
        sg[i] = 0.5 * S_e * AL / M_PI / E0 * (1.0 + (1.0 - x) * (1.0 - x)) / x * log((1.0 - x) / y) * Ei * dy;
    }
  const int rc = bbn_cascade_solve_source(ws, bg, E0, sg, se, o, sp, err);
  free(src);
  return rc;
}

int bbn_cascade_solve_source(const bbn_cascade_ws *ws, const bbn_cascade_bg *bg, double E0,
                             const double *S_gamma, const double *S_e, const bbn_cascade_opts *o,
                             bbn_cascade_spec *sp, fb_err *err) {
  FB_CALL(err, spec_alloc(E0, o, sp, err));
  const int n = sp->n;
  for (int i = 0; i < n; i++)
    if (!(S_gamma[i] >= 0.0 && S_e[i] >= 0.0)) {
      bbn_cascade_spec_free(sp);
      FB_FAIL(err, FB_ERR_RANGE, "negative or undefined source at E = %g MeV", o->E_min_MeV * exp(i * sp->dy));
    }
  if (o->universal) {
    double Einj = 0.0;
    for (int i = 0; i < n; i++) Einj += (S_gamma[i] + S_e[i]) * sp->E_MeV[i];
    solve_universal(ws, bg, Einj, sp);
    return FB_OK;
  }
  casc_sys s = {ws, bg, n, sp->dy, log(o->E_min_MeV), sp->E_MeV, NULL, NULL};
  s.T = calloc((size_t)BBN_CASC_NX * BBN_CASC_NX * n * n, sizeof(double));
  s.lost_e = calloc((size_t)n, sizeof(double));
  double *G = calloc((size_t)2 * n, sizeof(double));
  if (!s.T || !s.lost_e || !G) {
    free(s.T); free(s.lost_e); free(G);
    bbn_cascade_spec_free(sp);
    FB_FAIL(err, FB_ERR_MEMORY, "cascade matrices (n = %d)", n);
  }
  for (int j = 0; j < n; j++) {
    const double Ej = sp->E_MeV[j];
    for (int in = 0; in < BBN_CASC_NX; in++)
      for (int out = 0; out < BBN_CASC_NX; out++) {
        const int small = (in == BBN_CASC_E && out == BBN_CASC_E);
        for (int k = 0; k <= j; k++) {
          if (small && k == j) continue;
          const double b = sp->E_MeV[k], a = b * exp(-sp->dy);
          deposit_range(&s, out, in, j, a, b);
        }
        if (small) deposit_small_loss(&s, j);
        /* below the grid: only the e -> e loss rate is needed (for Gamma_e) */
        if (small) {
          const double a = ME * (1.0 + 1e-9), b = sp->E_MeV[0] * exp(-sp->dy);
          const casc_gl *t = ws->gl_inner;
          for (size_t q = 0; q < t->n && b > a; q++) {
            double xi, wi;
            gl_point(t, log(a), log(b), q, &xi, &wi);
            const double E = exp(xi);
            s.lost_e[j] += wi * E * kernel_ics(ws, BBN_CASC_E, E, Ej, bg);
          }
        }
        /* Compton recoil electrons above the source energy (up to Ep + me/2): into bin j */
        if (in == BBN_CASC_GAMMA && out == BBN_CASC_E) {
          const casc_gl *t = ws->gl_bin;
          for (size_t q = 0; q < t->n; q++) {
            double xi, wi;
            gl_point(t, Ej, Ej + ME, q, &xi, &wi);
            s.T[TIDX(&s, out, in, j, j)] += wi * kernel_compton_photon(Ej + ME - xi, Ej, bg);
          }
        }
      }
    G[2 * j + BBN_CASC_GAMMA] = bbn_cascade_rate_photon(ws, Ej, bg);
    double ge = s.lost_e[j];
    for (int i = 0; i <= j; i++) ge += s.T[TIDX(&s, BBN_CASC_E, BBN_CASC_E, i, j)];
    G[2 * j + BBN_CASC_E] = ge; /* = int K_ee dE with the same quadrature: number conserving */
  }
  /* back-substitution from E0 down */
  for (int i = n - 1; i >= 0; i--) {
    double a[2][2], r[2];
    for (int x = 0; x < 2; x++) {
      r[x] = x == BBN_CASC_GAMMA ? S_gamma[i] : S_e[i];
      for (int j = i + 1; j < n; j++)
        r[x] += s.T[TIDX(&s, x, BBN_CASC_GAMMA, i, j)] * sp->N_gamma[j] +
                s.T[TIDX(&s, x, BBN_CASC_E, i, j)] * sp->N_e[j];
      for (int y = 0; y < 2; y++) a[x][y] = (x == y ? G[2 * i + x] : 0.0) - s.T[TIDX(&s, x, y, i, i)];
    }
    const double det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
    if (!(fabs(det) > 0.0) || !isfinite(det)) {
      const double Ei = s.E[i]; /* s.E is sp->E_MeV, freed below */
      free(s.T); free(s.lost_e); free(G);
      bbn_cascade_spec_free(sp);
      FB_FAIL(err, FB_ERR_NUMERIC, "singular cascade system at E = %g MeV", Ei);
    }
    sp->N_gamma[i] = (r[0] * a[1][1] - a[0][1] * r[1]) / det;
    sp->N_e[i] = (a[0][0] * r[1] - a[1][0] * r[0]) / det;
  }
  free(s.T);
  free(s.lost_e);
  free(G);
  return FB_OK;
}

void bbn_cascade_spec_free(bbn_cascade_spec *sp) {
  free(sp->E_MeV);
  free(sp->N_gamma);
  free(sp->N_e);
  memset(sp, 0, sizeof *sp);
}

double bbn_cascade_fgamma(const bbn_cascade_spec *sp, int i) {
  return sp->N_gamma[i] / (sp->E_MeV[i] * sp->dy);
}
