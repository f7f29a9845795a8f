/**
 * @file fb_freezein.c
 * @brief Freeze-in of Dirac dark matter through a (light or heavy) dark photon: 2->2 annihilation
 *        of SM fermions and plasmon decay. See fb_freezein.h for the model and the call order.
 *
 * Statistics and approximations (stated once here, repeated in docs/validation.md ("Freeze-in")):
 *  - 2->2 (f fbar -> chi chibar): Maxwell-Boltzmann initial states, no Pauli blocking (chi is
 *    rare). Then detailed balance gives the production-rate density as the equilibrium rate of the
 *    inverse process (Gondolo & Gelmini, Nucl. Phys. B360 (1991) 145: n_eq^2 <sigma v> as one integral):
 *      gamma(T) = g_chi^2 T / (32 pi^4) int ds sigma(chi chibar -> f fbar)(s) (s - 4 m^2) sqrt(s) K1(sqrt(s)/T),
 *    g_chi = 2 per particle (chi, chibar: 4 states in all). This lets hadrons enter through the
 *    measured R ratio: sigma(chi chibar -> hadrons) = R(sqrt s) sigma(chi chibar -> mu mu)|_{m_mu=0}.
 *    Fermi-Dirac initial states would lower the rate at T >> m_f (number densities (3/4) zeta(3)/1
 *    of MB each, so roughly -10..-20 %: a rough estimate, not computed here).
 *  - sigma(chi chibar -> f fbar) = 4 pi alpha^2 C N_c Q_f^2 / (3 s) (beta_f/beta_chi)
 *    (1 + 2 m_f^2/s)(1 + 2 m_chi^2/s) (one photon exchange; the massless-muon e+e- -> mu+mu- cross section
 *    of Peskin & Schroeder ch. 5 with both masses kept), C = Q^2 for the light mediator, C = eps^2 (alpha_D/alpha) s^2 / |s - m_A'^2 + i m_A' Gamma|^2
 *    for the heavy one (Gamma = total A' width at its mass). No Z/W exchange, no W+W- final state:
 *    the yield is infrared dominated (T ~ m_chi), so for m_chi <= 10 GeV these are expected to be
 *    small (not computed).
 *  - Plasmon decay gamma*_{T,L}(k) -> chi chibar: Bose-Einstein plasmon occupation, dispersion
 *    relations and residues from the Braaten & Segel closed forms (hep-ph/9302213; their stated
 *    accuracy for the one-loop QED self-energy is ~1 % at all T and densities), with omega_p and v_* = omega_1/omega_p from
 *    their integrals over the charged-lepton (and, above T_qcd, quark) distributions. In the rest
 *    frame of a mode with K^2 = omega^2 - k^2 every polarisation orthogonal to K decays like a
 *    massive vector of mass sqrt(K^2) (time-dilated by sqrt(K^2)/omega, weighted by the residue); hence
 *      Gamma_pol(k) = Z_pol (K^2/omega) (alpha Q^2/3) (1 + 2 m^2/K^2) sqrt(1 - 4 m^2/K^2),
 *    Z_pol the residue for the covariantly normalised polarisation vector (Z -> 1 at k -> 0).
 *    No Pauli blocking of chi. Plasmons are used for the light mediator only; the heavy A' gets no
 *    in-medium mixing (m_A' >> omega_p wherever it matters).
 *  - Both chi and chibar are dark matter: Y = (n_chi + n_chibar)/s, two particles per reaction.
 *  - No infrared problem: the 2->2 processes are s-channel (s >= 4 max(m_f, m_chi)^2); t-channel
 *    scattering does not change the chi number and is not needed.
 *
 * Kernel trick (speed): with the MB rate, Y = int ds sigma(s) (s - 4 m^2) sqrt(s) W(sqrt s) where
 *   W(E) = 2 g_chi^2/(32 pi^4) int dlnT T K1(E/T) (1 + dln g_*s/dlnT / 3) / (s(T) H(T))
 * depends only on the cosmology and T_reheat; it is tabulated once (as w = E^4 W, nearly constant,
 * = 2 g^2/(32 pi^4) (3 pi/2) M_Pl/(c_s c_H) for constant g_*, since int_0^inf u^3 K1(u) du = 3 pi/2).
 * The plasmon yield is a T integral (adaptive) of k integrals done with a fixed Gauss-Legendre
 * rule (FB_FI_PLASMON_GL_NODES per piece; a fixed rule keeps the T integrand smooth), checked
 * against the adaptive k rule of fb_freezein_plasmon_rate_GeV4 in tests/boltzmann/test_freezein.c.
 * The Braaten-Segel integrals are tabulated separately for leptons and quarks; the quarks are
 * added exactly above T_qcd (a step: no pion gas), at a break point of the T integral.
 * The plasmon dispersion, rates and yield are in fb_freezein_plasmon.c (split for size, issue 16).
 */
#include "fb_freezein.h"
#include "fb_freezein_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_bessel.h>

#include "fb_constants.h"
#include "fb_cosmo.h"

#define G_CHI 2.0 /* spin states of chi (and of chibar) */

/* Narrow hadronic resonances of fb_rratio (PDG 2024 masses and widths, as in fb_rratio.c), used
 * only as quadrature break points. */
static const double narrow_M_GeV[] = {0.78266, 1.019461, 3.096900, 3.686097, 9.46040, 10.0234, 10.3551};
static const double narrow_G_GeV[] = {8.68e-3, 4.249e-3, 92.6e-6, 293e-6, 54.02e-6, 31.98e-6, 20.32e-6};
#define N_NARROW (sizeof narrow_M_GeV / sizeof narrow_M_GeV[0])

/* Plasma table range [GeV] (below 1e-5 GeV omega_p < 1e-10 GeV: no plasmon decay for m_chi > 1 keV). */
#define PL_T_MIN_GEV 1e-5
/* Kernel table: lowest sqrt(s) (2 x the lowest allowed m_chi) and top in units of T_reheat
 * (K1(60) ~ 1e-27: negligible). */
#define KERNEL_E_MIN_GEV 1.9e-6
#define KERNEL_E_TOP_OVER_TRH 60.0
/* K1(u) is set to 0 beyond this argument (e^-700 underflows). */
#define K1_U_MAX 700.0

static const char *const channel_names[FB_FI_N_CHANNELS] = {"ee", "mumu", "tautau", "hadrons", "plasmon_T", "plasmon_L"};

const char *fb_freezein_channel_name(int i) {
  return (i >= 0 && i < FB_FI_N_CHANNELS) ? channel_names[i] : "?";
}

void fb_freezein_params_default(fb_freezein_params *par) {
  par->T_reheat_GeV = 1e4;
  par->rtol = 1e-4;
  par->channels = FB_FI_CH_ALL;
  par->gstar_fixed = 0.0;
  par->T_qcd_GeV = 0.15; /* ~ the QCD crossover, T_pc = 156.5 +- 1.5 MeV (HotQCD, arXiv:1812.08235) */
}

/* ------------------------------------------------------------------ background */
static double bg_s_GeV3(const fb_freezein *fi, double T) {
  if (fi->par.gstar_fixed > 0) return 2.0 * FB_PI * FB_PI / 45.0 * fi->par.gstar_fixed * T * T * T;
  return fb_cosmo_entropy_density_GeV3(&fi->th, T);
}
static double bg_H_GeV(const fb_freezein *fi, double T) {
  if (fi->par.gstar_fixed > 0) return sqrt(8.0 * FB_PI * FB_PI * FB_PI * fi->par.gstar_fixed / 90.0) * T * T / FB_MPL_GEV;
  return fb_cosmo_hubble_GeV(&fi->th, T);
}
static double bg_dlngs(const fb_freezein *fi, double T) {
  return fi->par.gstar_fixed > 0 ? 0.0 : fb_thermo_dlngs_dlnT(&fi->th, T);
}
/* dY/dlnT per unit (number-density production rate): (1 + dln g_*s/dlnT / 3) / (s H). */
double fb_fi_bg_weight(const fb_freezein *fi, double T) {
  return (1.0 + bg_dlngs(fi, T) / 3.0) / (bg_s_GeV3(fi, T) * bg_H_GeV(fi, T));
}

static double k1(double u) {
  if (u > K1_U_MAX) return 0.0;
  return gsl_sf_bessel_K1_scaled(u) * exp(-u);
}


/* ------------------------------------------------------------------ quadrature
 * int_a^b f with GSL QAG (Gauss-Kronrod 21, adaptive bisection) on the pieces between the break
 * points inside (a, b), with an absolute tolerance rtol x (rough magnitude of the whole). GSL's
 * roundoff flag is accepted while the flagged pieces' error stays below 10 rtol of the total;
 * any other failure is an error. */
#define FI_WS_LIMIT 2000
int fb_fi_quad(const fb_freezein *fi, void *ws, fi_fn f, void *params, double a, double b, const double *brk,
               size_t nb, double *result, fb_err *err) {
  double pts[80];
  size_t n = 0;
  pts[n++] = a;
  for (size_t i = 0; i < nb && n < 78; i++)
    if (brk[i] > a && brk[i] < b) pts[n++] = brk[i];
  pts[n++] = b;
  /* insertion sort (few points) */
  for (size_t i = 1; i < n; i++)
    for (size_t j = i; j > 0 && pts[j] < pts[j - 1]; j--) {
      const double t = pts[j];
      pts[j] = pts[j - 1];
      pts[j - 1] = t;
    }
  gsl_function F = {f, params};
  /* magnitude of the whole integral (one 21-point rule per piece) -> absolute tolerance, so that
   * pieces far down a tail are not pushed to a relative accuracy below roundoff */
  double est = 0.0;
  for (size_t i = 0; i + 1 < n; i++) {
    double r = 0, e = 0, ra = 0, rasc = 0;
    if (pts[i + 1] > pts[i]) gsl_integration_qk21(&F, pts[i], pts[i + 1], &r, &e, &ra, &rasc);
    est += fabs(r);
  }
  FB_TEST(err, !isfinite(est), FB_ERR_NUMERIC, "non-finite integrand on [%.10g, %.10g]", a, b);
  const double epsabs = fi->par.rtol * est;
  double sum = 0.0, e_round = 0.0;
  for (size_t i = 0; i + 1 < n; i++) {
    if (!(pts[i + 1] > pts[i])) continue;
    double r = 0, e = 0;
    const int st = gsl_integration_qag(&F, pts[i], pts[i + 1], epsabs, fi->par.rtol, FI_WS_LIMIT, GSL_INTEG_GAUSS21,
                                       (gsl_integration_workspace *)ws, &r, &e);
    FB_TEST(err, st != GSL_SUCCESS && st != GSL_EROUND, FB_ERR_GSL,
            "QAG on [%.10g, %.10g] failed: %s (GSL status %d); estimate %g +- %g", pts[i], pts[i + 1], gsl_strerror(st),
            st, r, e);
    FB_TEST(err, !isfinite(r), FB_ERR_NUMERIC, "QAG on [%.10g, %.10g]: non-finite integrand", pts[i], pts[i + 1]);
    if (st == GSL_EROUND) e_round += e;
    sum += r;
  }
  /* pieces flagged for roundoff (the QCD-crossover structure of d ln g_*s/d ln T) are accepted up to
   * 10 rtol of the whole integral */
  FB_TEST(err, e_round > 10.0 * fi->par.rtol * fabs(sum), FB_ERR_GSL,
          "QAG on [%.10g, %.10g]: roundoff error %g exceeds 10 rtol = %g of the integral %g", a, b, e_round,
          10.0 * fi->par.rtol, sum);
  *result = sum;
  return FB_OK;
}

/* ------------------------------------------------------------------ kernel W(E) */
typedef struct kernel_ctx {
  const fb_freezein *fi;
  double E;
} kernel_ctx;

static double kernel_integrand(double lnT, void *p) {
  const kernel_ctx *c = p;
  const double T = exp(lnT);
  return T * k1(c->E / T) * fb_fi_bg_weight(c->fi, T);
}

static int kernel_build(fb_freezein *fi, fb_err *err) {
  const double TRH = fi->par.T_reheat_GeV;
  fi->lnE_min = log(KERNEL_E_MIN_GEV);
  fi->lnE_max = log(KERNEL_E_TOP_OVER_TRH * TRH);
  const double pref = 2.0 * G_CHI * G_CHI / (32.0 * pow(FB_PI, 4));
  for (int i = 0; i < FB_FI_N_KERNEL; i++) {
    const double lnE = fi->lnE_min + (fi->lnE_max - fi->lnE_min) * i / (FB_FI_N_KERNEL - 1.0);
    const double E = exp(lnE);
    kernel_ctx c = {fi, E};
    const double lo = log(E / K1_U_MAX), hi = log(TRH);
    double r = 0;
    if (lo < hi) {
      /* u^3 K1(u) peaks near u = E/T = 3; the plasma's g_*(T) features (QCD crossover joins,
       * electroweak crossover; fb_thermo_params defaults) */
      const fb_thermo_params *tp = &fi->th.par;
      const double brk[10] = {log(E / 30.0),           log(E / 10.0),           log(E / 3.0),
                              log(E),                  log(tp->T_hrg_lo_GeV),   log(tp->T_hrg_hi_GeV),
                              log(tp->T_pqcd_lo_GeV),  log(tp->T_pqcd_hi_GeV),  log(tp->T_ew_GeV),
                              log(FB_ME_GEV)};
      FB_CALL(err, fb_fi_quad(fi, fi->ws_outer, kernel_integrand, &c, lo, hi, brk, 10, &r, err));
    }
    FB_TEST(err, !(r > 0) || !isfinite(r), FB_ERR_NUMERIC, "freeze-in kernel W(E = %g GeV) = %g (T_reheat = %g GeV)", E,
            r, TRH);
    fi->lnE[i] = lnE;
    fi->lnw[i] = log(pref * r * E * E * E * E);
  }
  fi->sp_w = gsl_spline_alloc(gsl_interp_cspline, FB_FI_N_KERNEL);
  FB_TEST(err, !fi->sp_w, FB_ERR_MEMORY, "cannot allocate the kernel spline");
  FB_TEST(err, gsl_spline_init(fi->sp_w, fi->lnE, fi->lnw, FB_FI_N_KERNEL) != GSL_SUCCESS, FB_ERR_GSL,
          "kernel spline initialisation failed");
  return FB_OK;
}

/* w(E) = E^4 W(E); 0 outside the table. */
static double kernel_w(const fb_freezein *fi, double E) {
  const double lnE = log(E);
  if (!(lnE >= fi->lnE_min && lnE <= fi->lnE_max)) return 0.0;
  return exp(gsl_spline_eval(fi->sp_w, lnE, NULL));
}

/* ------------------------------------------------------------------ plasma frequency */
typedef struct plasma_ctx {
  double mu; /* m/T */
  int which; /* 0: omega_p^2 integrand, 1: omega_1^2 integrand */
} plasma_ctx;

/* Braaten & Segel hep-ph/9302213, omega_p and omega_1 (per species, particle + antiparticle, in units of T):
 *   omega_p^2 = (4 alpha/pi) int dp (p^2/E) (1 - v^2/3) [n_F + nbar_F],
 *   omega_1^2 = (4 alpha/pi) int dp (p^2/E) (5 v^2/3 - v^4) [n_F + nbar_F]. */
static double plasma_integrand(double y, void *p) {
  const plasma_ctx *c = p;
  const double e = sqrt(y * y + c->mu * c->mu);
  const double v = y / e;
  const double fF = 1.0 / (exp(e) + 1.0);
  const double ang = c->which == 0 ? 1.0 - v * v / 3.0 : 5.0 * v * v / 3.0 - v * v * v * v;
  return y * y / e * ang * 2.0 * fF;
}

static int plasma_build(fb_freezein *fi, fb_err *err) {
  static const double lep_m[3] = {FB_ME_GEV, FB_MMU_GEV, FB_MTAU_GEV};
  static const double q_m[6] = {FB_MU_QUARK_GEV, FB_MD_QUARK_GEV, FB_MS_QUARK_GEV,
                                FB_MC_QUARK_GEV, FB_MB_QUARK_GEV, FB_MT_QUARK_GEV};
  static const double q_Q2[6] = {4.0 / 9, 1.0 / 9, 1.0 / 9, 4.0 / 9, 1.0 / 9, 4.0 / 9};
  fi->lnT_pl_min = log(PL_T_MIN_GEV);
  fi->lnT_pl_max = log(fmax(fi->par.T_reheat_GeV, 1.0) * 1.01);
  for (int i = 0; i < FB_FI_N_PLASMA; i++) {
    const double lnT = fi->lnT_pl_min + (fi->lnT_pl_max - fi->lnT_pl_min) * i / (FB_FI_N_PLASMA - 1.0);
    const double T = exp(lnT);
    double S[4] = {0, 0, 0, 0};
    for (int sp = 0; sp < 9; sp++) {
      const double m = sp < 3 ? lep_m[sp] : q_m[sp - 3];
      const double w = sp < 3 ? 1.0 : 3.0 * q_Q2[sp - 3];
      const int k = sp < 3 ? 0 : 2;
      if (m / T > 400.0) continue;
      plasma_ctx c = {m / T, 0};
      double r0 = 0, r1 = 0;
      const double y_top = c.mu + 60.0; /* e^-60 */
      FB_CALL(err, fb_fi_quad(fi, fi->ws_outer, plasma_integrand, &c, 0.0, y_top, NULL, 0, &r0, err));
      c.which = 1;
      FB_CALL(err, fb_fi_quad(fi, fi->ws_outer, plasma_integrand, &c, 0.0, y_top, NULL, 0, &r1, err));
      S[k] += w * r0;
      S[k + 1] += w * r1;
    }
    FB_TEST(err, !(S[0] > 0 && S[1] > 0 && S[2] > 0 && S[3] > 0), FB_ERR_NUMERIC,
            "plasma-frequency integrals vanish at T = %g GeV", T);
    fi->lnT_pl[i] = lnT;
    for (int k = 0; k < 4; k++) fi->lnS[k][i] = log(S[k]);
  }
  for (int k = 0; k < 4; k++) {
    fi->sp_S[k] = gsl_spline_alloc(gsl_interp_cspline, FB_FI_N_PLASMA);
    FB_TEST(err, !fi->sp_S[k], FB_ERR_MEMORY, "cannot allocate the plasma splines");
    FB_TEST(err, gsl_spline_init(fi->sp_S[k], fi->lnT_pl, fi->lnS[k], FB_FI_N_PLASMA) != GSL_SUCCESS, FB_ERR_GSL,
            "plasma spline initialisation failed");
  }
  return FB_OK;
}

int fb_freezein_plasma(const fb_freezein *fi, double T_GeV, double *omega_p_GeV, double *v_star, fb_err *err) {
  const double lnT = log(T_GeV);
  FB_TEST(err, !(lnT >= fi->lnT_pl_min && lnT <= fi->lnT_pl_max), FB_ERR_RANGE,
          "T = %g GeV outside the plasma table [%g, %g] GeV", T_GeV, exp(fi->lnT_pl_min), exp(fi->lnT_pl_max));
  const int quarks = T_GeV > fi->par.T_qcd_GeV;
  double sp = exp(gsl_spline_eval(fi->sp_S[0], lnT, NULL)), s1 = exp(gsl_spline_eval(fi->sp_S[1], lnT, NULL));
  if (quarks) {
    sp += exp(gsl_spline_eval(fi->sp_S[2], lnT, NULL));
    s1 += exp(gsl_spline_eval(fi->sp_S[3], lnT, NULL));
  }
  *omega_p_GeV = T_GeV * sqrt(4.0 * FB_ALPHA_EM / FB_PI * sp);
  *v_star = sqrt(fmin(1.0, fmax(1e-12, s1 / sp)));
  return FB_OK;
}

/* ------------------------------------------------------------------ init / free */
void fb_freezein_free(fb_freezein *fi) {
  if (!fi) return;
  if (fi->sp_w) gsl_spline_free(fi->sp_w);
  for (int k = 0; k < 4; k++) {
    if (fi->sp_S[k]) gsl_spline_free(fi->sp_S[k]);
    fi->sp_S[k] = NULL;
  }
  fi->sp_w = NULL;
  if (fi->ws_outer) gsl_integration_workspace_free(fi->ws_outer);
  if (fi->ws_inner) gsl_integration_workspace_free(fi->ws_inner);
  if (fi->gl_table) gsl_integration_glfixed_table_free(fi->gl_table);
  fi->ws_outer = fi->ws_inner = fi->gl_table = NULL;
  fb_thermo_free(&fi->th);
  fb_rratio_free(&fi->R);
  fi->ready = 0;
}

int fb_freezein_init(fb_freezein *fi, const fb_freezein_params *par, fb_err *err) {
  memset(fi, 0, sizeof *fi);
  if (par)
    fi->par = *par;
  else
    fb_freezein_params_default(&fi->par);
  FB_TEST(err, !(fi->par.T_reheat_GeV > 1e-3 && fi->par.T_reheat_GeV <= 1e5), FB_ERR_RANGE,
          "T_reheat_GeV = %g outside the allowed range 1e-3 < T_reheat_GeV <= 1e5", fi->par.T_reheat_GeV);
  FB_TEST(err, !(fi->par.rtol >= 1e-5 && fi->par.rtol <= 1e-2), FB_ERR_RANGE,
          "rtol = %g outside the allowed range 1e-5 <= rtol <= 1e-2", fi->par.rtol);
  FB_TEST(err, !(fi->par.gstar_fixed >= 0 && fi->par.gstar_fixed < 1e3), FB_ERR_RANGE,
          "gstar_fixed = %g outside [0, 1e3)", fi->par.gstar_fixed);
  FB_TEST(err, (fi->par.channels & ~FB_FI_CH_ALL) || !fi->par.channels, FB_ERR_RANGE, "channels mask %d invalid",
          fi->par.channels);
  int rc;
  fi->ws_outer = gsl_integration_workspace_alloc(FI_WS_LIMIT);
  fi->ws_inner = gsl_integration_workspace_alloc(FI_WS_LIMIT);
  fi->gl_table = gsl_integration_glfixed_table_alloc(FB_FI_PLASMON_GL_NODES);
  FB_TEST_GOTO(err, rc, !fi->ws_outer || !fi->ws_inner || !fi->gl_table, FB_ERR_MEMORY, fail,
               "cannot allocate quadrature workspaces");
  FB_CALL_GOTO(err, rc, fb_thermo_init(&fi->th, err), fail);
  FB_CALL_GOTO(err, rc, fb_rratio_init(&fi->R, err), fail);
  FB_CALL_GOTO(err, rc, kernel_build(fi, err), fail);
  FB_CALL_GOTO(err, rc, plasma_build(fi, err), fail);
  fi->ready = 1;
  return FB_OK;
fail:
  fb_freezein_free(fi);
  return rc;
}

/* ------------------------------------------------------------------ cross sections */
double fb_freezein_R(const fb_freezein *fi, double sqrt_s_GeV) {
  if (sqrt_s_GeV <= FB_RRATIO_SQRTS_MAX_GEV) return fb_rratio_eval(&fi->R, sqrt_s_GeV);
  /* free quarks with the O(alpha_s) correction (e.g. PDG 2024 review "Cross-section formulae",
   * R = N_c sum Q_q^2 beta(3 - beta^2)/2 (1 + alpha_s/pi)) */
  static const double q_m[6] = {FB_MU_QUARK_GEV, FB_MD_QUARK_GEV, FB_MS_QUARK_GEV,
                                FB_MC_QUARK_GEV, FB_MB_QUARK_GEV, FB_MT_QUARK_GEV};
  static const double q_Q2[6] = {4.0 / 9, 1.0 / 9, 1.0 / 9, 4.0 / 9, 1.0 / 9, 4.0 / 9};
  double r = 0;
  const double s = sqrt_s_GeV * sqrt_s_GeV;
  for (int i = 0; i < 6; i++) {
    const double x = 4.0 * q_m[i] * q_m[i] / s;
    if (x >= 1.0) continue;
    const double b = sqrt(1.0 - x);
    r += 3.0 * q_Q2[i] * b * (3.0 - b * b) / 2.0;
  }
  return r * (1.0 + fb_rratio_alphas(&fi->R, sqrt_s_GeV) / FB_PI);
}

static double width_inv_GeV(double mA, double m, double alpha_D) {
  const double x = 4.0 * m * m / (mA * mA);
  if (x >= 1.0) return 0.0;
  return alpha_D * mA / 3.0 * (1.0 + x / 2.0) * sqrt(1.0 - x);
}

double fb_freezein_width_vis_GeV(const fb_freezein *fi, double mA_GeV, double eps) {
  static const double lep_m[3] = {FB_ME_GEV, FB_MMU_GEV, FB_MTAU_GEV};
  double sum = 0;
  const double s = mA_GeV * mA_GeV;
  for (int i = 0; i < 3; i++) {
    const double x = 4.0 * lep_m[i] * lep_m[i] / s;
    if (x < 1.0) sum += sqrt(1.0 - x) * (1.0 + x / 2.0);
  }
  sum += fb_freezein_R(fi, mA_GeV);
  /* Gamma(A' -> f fbar) = eps^2 alpha m/3 beta (3 - beta^2)/2 (e.g. arXiv:1901.09966 BC1 formulae) */
  return eps * eps * FB_ALPHA_EM * mA_GeV / 3.0 * sum;
}

/* C(s): coupling factor replacing Q^2 (see the file comment). */
static double coupling_factor(const fb_freezein_point *pt, double s, double width_tot) {
  if (pt->mA_GeV <= 0) return pt->coupling * pt->coupling;
  const double M2 = pt->mA_GeV * pt->mA_GeV;
  const double d = s - M2, mg = pt->mA_GeV * width_tot;
  return pt->coupling * pt->coupling * (pt->alpha_D / FB_ALPHA_EM) * s * s / (d * d + mg * mg);
}

static int channel_index(int bit) {
  for (int i = 0; i < FB_FI_N_CHANNELS; i++)
    if (bit == (1 << i)) return i;
  return -1;
}

static double sigma_with_width(const fb_freezein *fi, const fb_freezein_point *pt, int channel, double E,
                               double width_tot) {
  static const double lep_m[3] = {FB_ME_GEV, FB_MMU_GEV, FB_MTAU_GEV};
  const double s = E * E, m = pt->mass_GeV;
  const double xc = 4.0 * m * m / s;
  if (xc >= 1.0) return 0.0;
  const double bchi = sqrt(1.0 - xc);
  const double base = 4.0 * FB_PI * FB_ALPHA_EM * FB_ALPHA_EM / (3.0 * s) * coupling_factor(pt, s, width_tot) *
                      (1.0 + xc / 2.0) / bchi;
  const int ci = channel_index(channel);
  if (ci >= 0 && ci < 3) {
    const double xf = 4.0 * lep_m[ci] * lep_m[ci] / s;
    if (xf >= 1.0) return 0.0;
    return base * sqrt(1.0 - xf) * (1.0 + xf / 2.0);
  }
  if (ci == 3) return base * fb_freezein_R(fi, E);
  return 0.0;
}

static double total_width(const fb_freezein *fi, const fb_freezein_point *pt) {
  if (pt->mA_GeV <= 0) return 0.0;
  return fb_freezein_width_vis_GeV(fi, pt->mA_GeV, pt->coupling) + width_inv_GeV(pt->mA_GeV, pt->mass_GeV, pt->alpha_D);
}

double fb_freezein_sigma_GeV2(const fb_freezein *fi, const fb_freezein_point *pt, int channel, double sqrt_s_GeV) {
  return sigma_with_width(fi, pt, channel, sqrt_s_GeV, total_width(fi, pt));
}

int fb_freezein_point_check(const fb_freezein_point *pt, fb_err *err) {
  FB_TEST(err, !(pt->mass_GeV > 1e-6 && pt->mass_GeV <= 1e3), FB_ERR_RANGE,
          "mass_GeV = %g outside the allowed range 1e-6 < mass_GeV <= 1e3", pt->mass_GeV);
  FB_TEST(err, !(pt->mA_GeV == 0.0 || (pt->mA_GeV > 2.0 * pt->mass_GeV && pt->mA_GeV <= 1e3)), FB_ERR_RANGE,
          "mA_GeV = %g must be 0 (light mediator) or 2 m_chi = %g < mA_GeV <= 1e3", pt->mA_GeV, 2.0 * pt->mass_GeV);
  FB_TEST(err, pt->mA_GeV > 0 && !(pt->alpha_D > 0 && pt->alpha_D <= 1.0), FB_ERR_RANGE,
          "alpha_D = %g outside the allowed range 0 < alpha_D <= 1", pt->alpha_D);
  FB_TEST(err, !(pt->coupling > 0 && pt->coupling <= 1.0), FB_ERR_RANGE,
          "coupling (Q or epsilon) = %g outside the allowed range 0 < coupling <= 1", pt->coupling);
  return FB_OK;
}

/* ------------------------------------------------------------------ 2->2 yield */
typedef struct ann_ctx {
  const fb_freezein *fi;
  const fb_freezein_point *pt;
  int channel;
  double width_tot;
  double T; /* rate only */
} ann_ctx;

/* dY/dlnE = 2 sigma (E^2 - 4 m^2) w(E) / E, E = sqrt(s) */
static double ann_yield_integrand(double lnE, void *p) {
  const ann_ctx *c = p;
  const double E = exp(lnE), m = c->pt->mass_GeV;
  const double sig = sigma_with_width(c->fi, c->pt, c->channel, E, c->width_tot);
  if (sig == 0.0) return 0.0;
  return 2.0 * sig * (E * E - 4.0 * m * m) * kernel_w(c->fi, E) / E;
}

/* d gamma/dlnE = g^2 T/(32 pi^4) 2 E^3 sigma (E^2 - 4 m^2) K1(E/T) */
static double ann_rate_integrand(double lnE, void *p) {
  const ann_ctx *c = p;
  const double E = exp(lnE), m = c->pt->mass_GeV;
  const double sig = sigma_with_width(c->fi, c->pt, c->channel, E, c->width_tot);
  if (sig == 0.0) return 0.0;
  return G_CHI * G_CHI * c->T / (32.0 * pow(FB_PI, 4)) * 2.0 * E * E * E * sig * (E * E - 4.0 * m * m) * k1(E / c->T);
}

static double channel_threshold(const fb_freezein_point *pt, int channel) {
  static const double lep_m[3] = {FB_ME_GEV, FB_MMU_GEV, FB_MTAU_GEV};
  const int ci = channel_index(channel);
  const double mf = ci < 3 ? lep_m[ci] : 0.5 * FB_MPI0_GEV; /* R = 0 below m_pi0 */
  return 2.0 * fmax(pt->mass_GeV, mf);
}

/* Break points (in ln E) at resonances: hadronic narrow states and the A' peak. */
static size_t collect_breaks(const fb_freezein_point *pt, int channel, double width_tot, double *brk) {
  size_t n = 0;
  static const double k[5] = {-10.0, -2.0, 0.0, 2.0, 10.0};
  if (channel == FB_FI_CH_HADRONS) {
    for (size_t r = 0; r < N_NARROW; r++)
      for (int j = 0; j < 5; j++) {
        const double E = narrow_M_GeV[r] + k[j] * narrow_G_GeV[r];
        if (E > 0) brk[n++] = log(E);
      }
    brk[n++] = log(FB_RRATIO_SQRTS_MAX_GEV);
    brk[n++] = log(2.0 * FB_MD0_GEV);
    brk[n++] = log(2.0 * FB_MB0_GEV);
    brk[n++] = log(2.0 * FB_MT_QUARK_GEV);
  }
  if (pt->mA_GeV > 0) {
    for (int j = 0; j < 5; j++) {
      const double E = pt->mA_GeV + k[j] * 0.5 * width_tot;
      if (E > 0) brk[n++] = log(E);
    }
  }
  return n;
}

static int ann_integrate(fb_freezein *fi, ann_ctx *c, fi_fn f, double lnE_hi, double *out, fb_err *err) {
  const double lo = log(channel_threshold(c->pt, c->channel));
  *out = 0.0;
  if (!(lo < lnE_hi)) return FB_OK;
  double brk[64];
  const size_t nb = collect_breaks(c->pt, c->channel, c->width_tot, brk);
  double r = 0;
  FB_CALL(err, fb_fi_quad(fi, fi->ws_inner, f, c, lo, lnE_hi, brk, nb, &r, err));
  FB_TEST(err, !isfinite(r) || r < 0, FB_ERR_NUMERIC, "2->2 integral of channel %s = %g",
          fb_freezein_channel_name(channel_index(c->channel)), r);
  *out = r;
  return FB_OK;
}

int fb_freezein_annihilation_rate_GeV4(fb_freezein *fi, const fb_freezein_point *pt, int channel, double T_GeV,
                                       double *rate, fb_err *err) {
  FB_CALL(err, fb_freezein_point_check(pt, err));
  const int ci = channel_index(channel);
  FB_TEST(err, ci < 0 || ci > 3, FB_ERR_INPUT, "channel %d is not a 2->2 channel", channel);
  ann_ctx c = {fi, pt, channel, total_width(fi, pt), T_GeV};
  return ann_integrate(fi, &c, ann_rate_integrand, log(T_GeV * (K1_U_MAX - 1.0)), rate, err);
}

/* ------------------------------------------------------------------ yield and targets */
int fb_freezein_yield(fb_freezein *fi, const fb_freezein_point *pt, fb_freezein_result *res, fb_err *err) {
  FB_TEST(err, !fi || !fi->ready, FB_ERR_INPUT, "freeze-in model not initialised");
  FB_CALL(err, fb_freezein_point_check(pt, err));
  memset(res, 0, sizeof *res);
  const double wt = total_width(fi, pt);
  if (pt->mA_GeV > 0) {
    res->width_vis_GeV = fb_freezein_width_vis_GeV(fi, pt->mA_GeV, pt->coupling);
    res->width_inv_GeV = width_inv_GeV(pt->mA_GeV, pt->mass_GeV, pt->alpha_D);
  }
  for (int i = 0; i < 4; i++) {
    const int ch = 1 << i;
    if (!(fi->par.channels & ch)) continue;
    ann_ctx c = {fi, pt, ch, wt, 0.0};
    FB_CALL(err, ann_integrate(fi, &c, ann_yield_integrand, fi->lnE_max, &res->Y_channel[i], err));
  }
  if (pt->mA_GeV == 0.0) {
    const double Q2 = pt->coupling * pt->coupling;
    for (int pol = 0; pol < 2; pol++) {
      const int i = 4 + pol;
      if (!(fi->par.channels & (1 << i))) continue;
      double y;
      FB_CALL(err, fb_fi_plasmon_yield(fi, pol, pt->mass_GeV, &y, err));
      res->Y_channel[i] = Q2 * y;
    }
  }
  for (int i = 0; i < FB_FI_N_CHANNELS; i++) res->Y += res->Y_channel[i];
  res->omega_h2 = fb_cosmo_omega_h2_from_yield(&fi->th, res->Y, pt->mass_GeV);
  FB_TEST(err, !(res->Y > 0) || !isfinite(res->omega_h2), FB_ERR_NUMERIC,
          "freeze-in yield %g (Omega h^2 %g) at m_chi = %g GeV: no open channel below T_reheat = %g GeV?", res->Y,
          res->omega_h2, pt->mass_GeV, fi->par.T_reheat_GeV);
  return FB_OK;
}

int fb_freezein_light_target_Q(fb_freezein *fi, double mass_GeV, double omega_target, double *Q,
                               fb_freezein_result *res, fb_err *err) {
  FB_TEST(err, !(omega_target > 0), FB_ERR_RANGE, "omega_h2 target %g must be > 0", omega_target);
  fb_freezein_point pt = {mass_GeV, 0.0, 0.0, 1.0};
  fb_freezein_result r;
  FB_CALL(err, fb_freezein_yield(fi, &pt, &r, err));
  *Q = sqrt(omega_target / r.omega_h2); /* Y ~ Q^2 exactly */
  if (res) *res = r;
  return FB_OK;
}

int fb_freezein_heavy_target_eps(fb_freezein *fi, double mass_GeV, double mA_GeV, double alpha_D,
                                 double omega_target, double *eps, fb_freezein_result *res, fb_err *err) {
  FB_TEST(err, !(omega_target > 0), FB_ERR_RANGE, "omega_h2 target %g must be > 0", omega_target);
  fb_freezein_point pt = {mass_GeV, mA_GeV, alpha_D, 1e-10};
  fb_freezein_result r;
  /* Y = eps^2 F(Gamma_tot(eps)); Gamma_vis ~ eps^2 << Gamma_inv: fixed-point iteration on eps */
  for (int it = 0; it < 20; it++) {
    FB_CALL(err, fb_freezein_yield(fi, &pt, &r, err));
    const double e_new = pt.coupling * sqrt(omega_target / r.omega_h2);
    FB_TEST(err, !(e_new > 0 && e_new <= 1.0), FB_ERR_RANGE,
            "heavy freeze-in target eps = %g outside (0, 1] at m_chi = %g GeV, m_A' = %g GeV", e_new, mass_GeV, mA_GeV);
    const double change = fabs(e_new / pt.coupling - 1.0);
    pt.coupling = e_new;
    if (change < 1e-8) {
      FB_CALL(err, fb_freezein_yield(fi, &pt, &r, err));
      *eps = pt.coupling;
      if (res) *res = r;
      return FB_OK;
    }
  }
  FB_FAIL(err, FB_ERR_NUMERIC, "heavy freeze-in target did not converge (m_chi = %g GeV, m_A' = %g GeV)", mass_GeV, mA_GeV);
}
