/**
 * @file fb_rg_mcp.c
 * @brief Red-giant / horizontal-branch plasmon-decay bound on a millicharged fermion (BC3); see fb_rg_mcp.h.
 */
#include "fb_rg_mcp.h"

#include <math.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_darkphoton.h"
#include "fb_freezein.h"
#include "fb_quad.h"
#include "fb_rg_mcp_brems.h"
#include "fb_rg_mcp_compton.h"
#include "fb_sn_mcp.h"
#include "fb_roots.h"

void fb_rg_mcp_options_default(fb_rg_mcp_options *o, int star) {
  /* red-giant core before helium ignition: T ~ 1e8 K, rho ~ 2e5 g/cm^3, eps_x <~ 10 erg/g/s
   * (Raffelt, Stars as Laboratories (1996) sec. 2.5; hep-ph/0611350 sec. 3); HB core as in fb_hb_alp.c */
  o->T_K = star == 1 ? 0.7e8 : 1e8;
  o->rho_g_cm3 = star == 1 ? 0.6e4 : 2e5;
  if (star == FB_RG_MCP_WD) {
    /* one-zone core of a hot, plasmon-neutrino-cooled C/O white dwarf of ~0.6 M_sun, the stars behind the
     * mu_nu bound (fb_rg_mcp.h): rho_c ~ 3e6 g/cm^3 (zero-temperature C/O models, Hamada & Salpeter, ApJ 134
     * (1961) 683), T_c ~ 2e7 K (our representative choice; eps_max depends on T only through the small
     * difference of the two plasmon spectra, docs/validation.md) */
    o->T_K = 2e7;
    o->rho_g_cm3 = 3e6;
  }
  o->Y_e = 0.5;
  o->eps_max_erg_g_s = 10.0;
  o->compton = star != FB_RG_MCP_WD;
  o->brems = star != FB_RG_MCP_WD;
}

static int check_options(const fb_rg_mcp_options *o, fb_err *err) {
  FB_TEST(err, !(o->T_K >= 1e5 && o->T_K <= 1e11) || !(o->rho_g_cm3 > 0 && o->rho_g_cm3 <= 1e12) ||
                   !(o->Y_e > 0 && o->Y_e <= 1) || !(o->eps_max_erg_g_s > 0),
          FB_ERR_RANGE,
          "RG core: T_K = %g (1e5..1e11), rho_g_cm3 = %g (0..1e12], Y_e = %g (0..1], eps_max_erg_g_s = %g (> 0)",
          o->T_K, o->rho_g_cm3, o->Y_e, o->eps_max_erg_g_s);
  return FB_OK;
}

/* ------------------------------------------------------------------ electron gas */
typedef struct egas {
  double T, mu;
  int what; /* 0: net number density integrand, 1: omega_p^2 integrand, 2: omega_1^2 integrand, 3: n_eff */
} egas;

static double fd(double x) { return x > 0 ? exp(-x) / (1.0 + exp(-x)) : 1.0 / (1.0 + exp(x)); }

static double egas_integrand(double p, void *par) {
  const egas *g = par;
  double E = sqrt(p * p + FB_ME_GEV * FB_ME_GEV);
  double fm = fd((E - g->mu) / g->T), fp = fd((E + g->mu) / g->T);
  if (g->what == 0) return p * p * (fm - fp) / (FB_PI * FB_PI); /* 2 spins: n = (1/pi^2) int p^2 f dp */
  if (g->what == 3) return p * p * fm * (1.0 - fm) / (FB_PI * FB_PI); /* electrons f (1 - f) */
  double u = p * p / (E * E);
  double w = g->what == 1 ? 1.0 - u / 3.0 : 5.0 * u / 3.0 - u * u;
  return 4.0 * FB_ALPHA_EM / FB_PI * p * p / E * w * (fm + fp);
}

static int egas_integral(fb_quad *q, egas *g, double *res, fb_err *err) {
  /* up to 60 T above the Fermi surface (or above the rest mass), break at the Fermi momentum */
  double Emax = fmax(g->mu, FB_ME_GEV) + 60.0 * g->T, pmax = sqrt(Emax * Emax - FB_ME_GEV * FB_ME_GEV);
  double pF = g->mu > FB_ME_GEV ? sqrt(g->mu * g->mu - FB_ME_GEV * FB_ME_GEV) : 0.0, ae;
  return fb_quad_points(q, egas_integrand, g, 0.0, pmax, &pF, 1, res, &ae, err);
}

typedef struct mu_par {
  fb_quad *q;
  double T, n;
  fb_err *err;
  int rc;
} mu_par;

static double mu_fn(double mu, void *par) {
  mu_par *m = par;
  egas g = {m->T, mu, 0};
  double n;
  int rc = egas_integral(m->q, &g, &n, m->err);
  if (rc != FB_OK) { m->rc = rc; return NAN; }
  return n / m->n - 1.0;
}

int fb_rg_mcp_plasma(const fb_rg_mcp_options *o, double *mu_e, double *wp, double *vstar, fb_err *err) {
  FB_CALL(err, check_options(o, err));
  const double T = o->T_K * FB_K_TO_GEV;
  const double n = o->Y_e * o->rho_g_cm3 / (FB_AMU_GEV * FB_GEV_G) * pow(FB_HBARC_GEV_CM, 3); /* GeV^3 */
  fb_quad q;
  FB_CALL(err, fb_quad_init(&q, 500, 0.0, 1e-9, err));
  int rc;
  mu_par mp = {&q, T, n, err, FB_OK};
  fb_roots_options ro;
  fb_roots_options_default(&ro);
  ro.xtol_abs = 0.0;
  ro.xtol_rel = 1e-12;
  ro.x_min = 0.0;
  ro.max_expand = 60;
  double pF0 = cbrt(3.0 * FB_PI * FB_PI * n), b = sqrt(pF0 * pF0 + FB_ME_GEV * FB_ME_GEV) + 10.0 * T, mu;
  FB_CALL_GOTO(err, rc, fb_roots_find(mu_fn, &mp, 0.0, b, &ro, &mu, err), done);
  FB_TEST_GOTO(err, rc, mp.rc != FB_OK, mp.rc, done, "electron density integral");
  egas g1 = {T, mu, 1}, g2 = {T, mu, 2};
  double w2, w12;
  FB_CALL_GOTO(err, rc, egas_integral(&q, &g1, &w2, err), done);
  FB_CALL_GOTO(err, rc, egas_integral(&q, &g2, &w12, err), done);
  *mu_e = mu;
  *wp = sqrt(w2);
  *vstar = sqrt(w12 / w2);
done:
  fb_quad_free(&q);
  return rc;
}

int fb_rg_mcp_neff_GeV3(const fb_rg_mcp_options *o, double *n_eff, fb_err *err) {
  double mu, wp, v;
  FB_CALL(err, fb_rg_mcp_plasma(o, &mu, &wp, &v, err));
  fb_quad q;
  FB_CALL(err, fb_quad_init(&q, 500, 0.0, 1e-9, err));
  egas g = {o->T_K * FB_K_TO_GEV, mu, 3};
  int rc = egas_integral(&q, &g, n_eff, err);
  fb_quad_free(&q);
  return rc;
}

/* ------------------------------------------------------------------ plasmon decay */
typedef struct pl_par {
  int pol, dipole; /* dipole: gamma* -> nu nubar through a magnetic moment mu = 1 GeV^-1 (massless nu) */
  double wp, v, T, m;
  fb_err *err;
  int rc;
} pl_par;

/* K^2 [GeV^2] and residue at k; *ok = 0 where the mode does not exist */
static double pl_K2(pl_par *c, double k, double *Z, double *om, int *ok) {
  double w, z;
  int ex;
  int rc = fb_freezein_dispersion(NULL, c->pol, c->v, k / c->wp, &w, &z, &ex, c->err);
  if (rc != FB_OK) { c->rc = rc; *ok = 0; return 0.0; }
  *ok = ex;
  *Z = z;
  *om = w * c->wp;
  return ex ? (*om) * (*om) - k * k : 0.0;
}

/* dQ/dk = g k^2/(2 pi^2) omega Gamma f_B, Gamma = Z Gamma_rest(K) K/omega */
static double pl_integrand(double k, void *par) {
  pl_par *c = par;
  double Z, om;
  int ok;
  double K2 = pl_K2(c, k, &Z, &om, &ok);
  if (!ok || !(K2 > 4.0 * c->m * c->m)) return 0.0;
  double K = sqrt(K2), g = c->pol == 0 ? 2.0 : 1.0;
  /* rest-frame width of a vector of mass K: into chi chibar (charge e), or into nu nubar through a Dirac
   * magnetic moment mu: mu^2 K^3/(24 pi) (Gamma = Z mu^2 K^4/(24 pi omega) in the plasma frame: Haft, Raffelt
   * & Weiss astro-ph/9309014; Raffelt, Stars as Laboratories (1996) sec. 6.5) */
  double Grest = c->dipole ? K2 * K / (24.0 * FB_PI) : fb_darkphoton_width_ll_GeV(K, 1.0, c->m);
  return g * k * k / (2.0 * FB_PI * FB_PI) * Z * Grest * K / expm1(om / c->T);
}

/* Momentum range [k_lo, k_hi] where the mode decays into a pair of mass m (K^2 > 4 m^2): T opens above k_lo
 * (K_T^2 grows from omega_p^2 towards 3/2 omega_p^2; k_hi = INFINITY), L closes at k_hi (K_L^2 falls from
 * omega_p^2 to 0; k_lo = 0). Returns 0 if the decay is never open. */
static int pl_krange(pl_par *c, double *k_lo, double *k_hi) {
  const double wp = c->wp, m4 = 4.0 * c->m * c->m;
  double Z, om, a = 0.0, b = wp;
  int ok;
  if (c->pol == 0) {
    *k_hi = INFINITY;
    if (pl_K2(c, 0.0, &Z, &om, &ok) <= m4) {
      /* up to k = 1e3 omega_p (beyond, f_B ~ e^{-k/T} is negligible in every star here, and the Braaten-Segel
       * bracket of the T mode loses precision for v_* -> 1) */
      while (c->rc == FB_OK && pl_K2(c, b, &Z, &om, &ok) <= m4 && b < 1e3 * wp) b *= 2.0;
      if (!(b < 1e3 * wp)) return 0;
      for (int it = 0; it < 60; it++) {
        double mid = 0.5 * (a + b);
        if (pl_K2(c, mid, &Z, &om, &ok) > m4) b = mid; else a = mid;
      }
    }
    *k_lo = a;
    return 1;
  }
  *k_lo = 0.0;
  if (!(wp * wp > m4)) return 0;
  while (c->rc == FB_OK && pl_K2(c, b, &Z, &om, &ok) > m4 && b < 1e8 * wp) b *= 2.0;
  for (int it = 0; it < 60 && c->rc == FB_OK; it++) {
    double mid = 0.5 * (a + b);
    if (pl_K2(c, mid, &Z, &om, &ok) > m4) a = mid; else b = mid;
  }
  *k_hi = a;
  return a > 0;
}

int fb_rg_mcp_plasmon_krange(int pol, double wp, double v, double m, double *k_lo, double *k_hi, fb_err *err) {
  pl_par c = {pol, 0, wp, v, 1.0, m, err, FB_OK};
  int open = pl_krange(&c, k_lo, k_hi);
  FB_TEST(err, c.rc != FB_OK, c.rc, "plasmon dispersion (pol %d)", pol);
  return open ? FB_OK : FB_ERR_RANGE;
}

int fb_rg_mcp_plasmon_dQdk(int pol, double wp, double v, double T, double m, double k, double *omega, double *dQdk,
                           fb_err *err) {
  pl_par c = {pol, 0, wp, v, T, m, err, FB_OK};
  double Z, om;
  int ok;
  pl_K2(&c, k, &Z, &om, &ok);
  *omega = om;
  *dQdk = pl_integrand(k, &c);
  FB_TEST(err, c.rc != FB_OK, c.rc, "plasmon dispersion (pol %d)", pol);
  return FB_OK;
}

static int plasmon_Q(int pol, int dipole, double wp, double v, double T, double m, double *Q, fb_err *err) {
  FB_TEST(err, (pol != 0 && pol != 1) || !(wp > 0) || !(v > 0 && v <= 1) || !(T > 0) || !(m >= 0), FB_ERR_RANGE,
          "plasmon Q: pol = %d (0|1), omega_p = %g, v_* = %g (0..1], T = %g, m = %g", pol, wp, v, T, m);
  pl_par c = {pol, dipole, wp, v, T, m, err, FB_OK};
  fb_quad q;
  FB_CALL(err, fb_quad_init(&q, 1000, 0.0, 1e-7, err));
  int rc = FB_OK;
  double r = 0.0, ae;
  if (pol == 0) {
    /* K_T^2 grows from omega_p^2 (k = 0) towards 3/2 omega_p^2: the decay opens above k_thr */
    double a, bT;
    if (!pl_krange(&c, &a, &bT)) { *Q = 0.0; goto done; } /* never open: m > sqrt(3/2) omega_p/2 */
    /* f_B ~ e^{-omega/T}: split at a + 5 T + omega_p, end at a + 80 T + omega_p (e^{-80} of the peak) */
    double r1 = 0.0, r2 = 0.0, s1 = a + 5.0 * T + wp;
    FB_CALL_GOTO(err, rc, fb_quad_finite(&q, pl_integrand, &c, a, s1, &r1, &ae, err), done);
    FB_CALL_GOTO(err, rc, fb_quad_finite(&q, pl_integrand, &c, s1, s1 + 75.0 * T, &r2, &ae, err), done);
    r = r1 + r2;
  } else {
    /* K_L^2 falls from omega_p^2 at k = 0 to 0 at the end point: the decay closes at k_thr */
    double a0, a;
    if (!pl_krange(&c, &a0, &a)) { *Q = 0.0; goto done; }
    if (a > 0) FB_CALL_GOTO(err, rc, fb_quad_finite(&q, pl_integrand, &c, 0.0, a, &r, &ae, err), done);
  }
  FB_TEST_GOTO(err, rc, c.rc != FB_OK, c.rc, done, "plasmon dispersion (pol %d)", pol);
  FB_TEST_GOTO(err, rc, !isfinite(r) || r < 0, FB_ERR_NUMERIC, done, "plasmon Q (pol %d) = %g", pol, r);
  *Q = r;
done:
  fb_quad_free(&q);
  return rc;
}

int fb_rg_mcp_plasmon_Q_GeV5(int pol, double wp, double v, double T, double m, double *Q, fb_err *err) {
  return plasmon_Q(pol, 0, wp, v, T, m, Q, err);
}

int fb_rg_mcp_plasmon_dipole_Q_GeV5(int pol, double wp, double v, double T, double *Q, fb_err *err) {
  return plasmon_Q(pol, 1, wp, v, T, 0.0, Q, err);
}

int fb_rg_mcp_eps_erg_g_s(const fb_rg_mcp_options *o, double mass_GeV, double eps, double *rate, fb_err *err) {
  FB_TEST(err, !(mass_GeV >= 0 && mass_GeV <= 1.0) || !(eps >= 0 && eps <= 1.0), FB_ERR_RANGE,
          "mass_GeV = %g (0..1), eps = %g (0..1)", mass_GeV, eps);
  double mu, wp, v, QT, QL;
  FB_CALL(err, fb_rg_mcp_plasma(o, &mu, &wp, &v, err));
  const double T = o->T_K * FB_K_TO_GEV;
  FB_CALL(err, fb_rg_mcp_plasmon_Q_GeV5(0, wp, v, T, mass_GeV, &QT, err));
  FB_CALL(err, fb_rg_mcp_plasmon_Q_GeV5(1, wp, v, T, mass_GeV, &QL, err));
  double QC = 0.0, neff;
  if (o->compton) {
    FB_CALL(err, fb_rg_mcp_neff_GeV3(o, &neff, err));
    FB_CALL(err, fb_rg_mcp_compton_Q_GeV5(wp, T, mass_GeV, neff, &QC, err));
  }
  double QB = 0.0;
  if (o->brems) {
    fb_rg_mcp_brems_plasma pl;
    FB_CALL(err, fb_rg_mcp_brems_plasma_init(o, &pl, err));
    FB_CALL(err, fb_rg_mcp_brems_Q_GeV5(&pl, mass_GeV, &QB, err));
  }
  /* Q [GeV^5] -> erg/cm^3/s (/ (hbar c)^3 / hbar), per gram */
  *rate = eps * eps * (QT + QL + QC + QB) / pow(FB_HBARC_GEV_CM, 3) / FB_HBAR_GEV_S / FB_ERG_TO_GEV / o->rho_g_cm3;
  return FB_OK;
}

int fb_rg_mcp_eps_max(const fb_rg_mcp_options *o, double mass_GeV, double *eps_max, fb_err *err) {
  double r;
  FB_CALL(err, fb_rg_mcp_eps_erg_g_s(o, mass_GeV, 1.0, &r, err));
  *eps_max = r > 0 ? sqrt(o->eps_max_erg_g_s / r) : INFINITY;
  return FB_OK;
}

int fb_rg_mcp_wd_eps_max(const fb_rg_mcp_options *o, double mu_nu_max_muB, double mass_GeV, double *eps_max,
                         double *ratio, fb_err *err) {
  FB_TEST(err, !(mu_nu_max_muB > 0 && mu_nu_max_muB < 1e-3), FB_ERR_RANGE, "mu_nu_max_muB = %g (0..1e-3)",
          mu_nu_max_muB);
  FB_TEST(err, !(mass_GeV >= 0 && mass_GeV <= 1.0), FB_ERR_RANGE, "mass_GeV = %g (0..1)", mass_GeV);
  double mu, wp, v, QT, QL, DT, DL;
  FB_CALL(err, fb_rg_mcp_plasma(o, &mu, &wp, &v, err));
  const double T = o->T_K * FB_K_TO_GEV;
  FB_CALL(err, fb_rg_mcp_plasmon_Q_GeV5(0, wp, v, T, mass_GeV, &QT, err));
  FB_CALL(err, fb_rg_mcp_plasmon_Q_GeV5(1, wp, v, T, mass_GeV, &QL, err));
  FB_CALL(err, fb_rg_mcp_plasmon_dipole_Q_GeV5(0, wp, v, T, &DT, err));
  FB_CALL(err, fb_rg_mcp_plasmon_dipole_Q_GeV5(1, wp, v, T, &DL, err));
  /* Bohr magneton mu_B = e/(2 m_e) = sqrt(4 pi alpha)/(2 m_e) [GeV^-1] */
  const double mu_max = mu_nu_max_muB * sqrt(4.0 * FB_PI * FB_ALPHA_EM) / (2.0 * FB_ME_GEV);
  /* the same extra plasmon loss: eps^2 (QT + QL) = mu_max^2 (DT + DL) */
  if (ratio) *ratio = (QT + QL) > 0 ? (DT + DL) / (QT + QL) : INFINITY;
  *eps_max = (QT + QL) > 0 ? mu_max * sqrt((DT + DL) / (QT + QL)) : INFINITY;
  return FB_OK;
}

int fb_rg_mcp_eps_trap(const fb_rg_mcp_options *o, double mass_GeV, double *eps_trap, fb_err *err) {
  FB_TEST(err, !(mass_GeV >= 0 && mass_GeV <= 1.0), FB_ERR_RANGE, "mass_GeV = %g (0..1)", mass_GeV);
  double neff;
  FB_CALL(err, fb_rg_mcp_neff_GeV3(o, &neff, err));
  const double T = o->T_K * FB_K_TO_GEV;
  /* pure helium core: n_He = rho/(4 m_u) [GeV^3]; uniform core of mass M_c: R = (3 M_c/(4 pi rho))^{1/3} [cm] */
  const double nHe = o->rho_g_cm3 / (4.0 * FB_AMU_GEV * FB_GEV_G) * pow(FB_HBARC_GEV_CM, 3);
  const double R_cm = cbrt(3.0 * FB_RG_MCP_CORE_MSUN * FB_MSUN_G / (4.0 * FB_PI * o->rho_g_cm3));
  const double ks2 = 4.0 * FB_PI * FB_ALPHA_EM / T * (neff + 4.0 * nHe), E = mass_GeV + 1.5 * T;
  /* inverse transport mean free path per eps^2 [GeV]: sum_i Z_i^2 n_i sigma_tr */
  const double inv_l = (neff + 4.0 * nHe) * fb_sn_mcp_sigma_tr_GeV2(E, mass_GeV, ks2);
  FB_TEST(err, !(inv_l > 0), FB_ERR_NUMERIC, "trapping estimate: transport rate %g at E = %g GeV", inv_l, E);
  *eps_trap = 1.0 / sqrt(inv_l * R_cm / FB_HBARC_GEV_CM);
  return FB_OK;
}
