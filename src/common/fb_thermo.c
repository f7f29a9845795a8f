/**
 * @file fb_thermo.c
 * @brief Implementation of the Standard-Model g_*(T) table (see fb_thermo.h for the physics).
 *
 * Layout: (1) ideal-gas functions of x = m/T, (2) alpha_s running, (3) the pressure and entropy of
 * each sector in units of T^4 and T^3, (4) neutrino heating and the table, (5) evaluation. The strongly
 * interacting sector (hadron gas, lattice QCD, perturbative QCD and their joins) is in fb_thermo_qcd.c.
 * Inside this file "P" means p/T^4 and "S" means s/T^3 (so rho/T^4 = S - P).
 */
#include "fb_thermo.h"
#include "fb_thermo_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>

#include "fb_constants.h"

/* ------------------------------------------------------------------ fixed numerical settings */
#define TH_NX 400             /* points of the ideal-gas tables in ln(m/T) */
#define TH_X_MIN 1.0e-3       /* below: massless limit (relative error ~0.4 x^2 < 1e-6) */
#define TH_X_MAX 60.0         /* above: Boltzmann factor < e^-60, contribution dropped */
#define TH_QUAD_EPSREL 1.0e-10
#define TH_QUAD_LIMIT 256
#define TH_QUAD_EMAX 50.0     /* integrate up to E = m + 50 T */

#define TH_GRHO_NORM (FB_PI * FB_PI / 30.0)      /* rho = g_*rho pi^2/30 T^4 */
#define TH_GS_NORM (2.0 * FB_PI * FB_PI / 45.0)  /* s = g_*s 2 pi^2/45 T^3 */

enum { TH_B_P = 0, TH_B_RHO = 1, TH_F_P = 2, TH_F_RHO = 3, TH_B_J1 = 4, TH_F_J1 = 5, TH_NF = 6 };
enum { TH_KIND_P = 0, TH_KIND_RHO = 1, TH_KIND_J1 = 2 };

/* ------------------------------------------------------------------ helpers */
int fb_th_gsl_fail(fb_err *err, int status, const char *func, int line, const char *what) {
  return fb_err_set(err, FB_ERR_GSL, func, line, "%s: GSL error %d (%s)", what, status,
                    gsl_strerror(status));
}

/** C^2 smooth step in ln T: 0 for T <= lo, 1 for T >= hi; *dw = dw/dlnT. */
double fb_th_step(double T, double lo, double hi, double *dw) {
  const double L = log(hi / lo);
  const double u = log(T / lo) / L;
  if (u <= 0.0 || u >= 1.0) {
    *dw = 0.0;
    return u <= 0.0 ? 0.0 : 1.0;
  }
  *dw = 30.0 * u * u * (1.0 - u) * (1.0 - u) / L;
  return u * u * u * (10.0 - 15.0 * u + 6.0 * u * u);
}

/* ------------------------------------------------------------------ (1) ideal gases */
typedef struct th_quad_par {
  double x;
  int fermion;
  int kind;   /* TH_KIND_P, TH_KIND_RHO or TH_KIND_J1 */
} th_quad_par;

static double th_integrand(double y, void *vp) {
  const th_quad_par *q = vp;
  const double E = sqrt(y * y + q->x * q->x);
  const double occ = q->fermion ? 1.0 / (exp(E) + 1.0) : 1.0 / expm1(E);
  /* p/T^4 = 1/(6 pi^2) int y^4/E f dy ; rho/T^4 = 1/(2 pi^2) int y^2 E f dy ;
   * J1/T^2 = 1/(2 pi^2) int y^2/E f dy = -2 dp/d(m^2) / T^2 (thermal mass integral) */
  if (q->kind == TH_KIND_RHO) return y * y * E * occ;
  if (q->kind == TH_KIND_J1) return y * y / E * occ;
  return y * y * y * y / E * occ;
}

static int th_ideal_tables(fb_thermo *th, fb_err *err) {
  int rc = FB_OK;
  gsl_integration_workspace *ws = gsl_integration_workspace_alloc(TH_QUAD_LIMIT);
  FB_TEST(err, ws == NULL, FB_ERR_MEMORY, "cannot allocate the integration workspace");
  th->nx = TH_NX;
  th->lnx_min = log(TH_X_MIN);
  th->lnx_max = log(TH_X_MAX);
  th->lnx = malloc(th->nx * sizeof *th->lnx);
  FB_TEST_GOTO(err, rc, th->lnx == NULL, FB_ERR_MEMORY, cleanup, "out of memory");
  for (size_t i = 0; i < th->nx; i++)
    th->lnx[i] = th->lnx_min + (th->lnx_max - th->lnx_min) * (double)i / (double)(th->nx - 1);
  static const int fermion_of[TH_NF] = {0, 0, 1, 1, 0, 1};
  static const int kind_of[TH_NF] = {TH_KIND_P, TH_KIND_RHO, TH_KIND_P, TH_KIND_RHO, TH_KIND_J1,
                                     TH_KIND_J1};
  for (int k = 0; k < TH_NF; k++) {
    th->lnf[k] = malloc(th->nx * sizeof *th->lnf[k]);
    FB_TEST_GOTO(err, rc, th->lnf[k] == NULL, FB_ERR_MEMORY, cleanup, "out of memory");
    th_quad_par q = {0.0, fermion_of[k], kind_of[k]};
    gsl_function F = {th_integrand, &q};
    for (size_t i = 0; i < th->nx; i++) {
      q.x = exp(th->lnx[i]);
      const double Emax = q.x + TH_QUAD_EMAX;
      const double ymax = sqrt(Emax * Emax - q.x * q.x);
      double val, abserr;
      int st = gsl_integration_qag(&F, 0.0, ymax, 0.0, TH_QUAD_EPSREL, TH_QUAD_LIMIT,
                                   GSL_INTEG_GAUSS41, ws, &val, &abserr);
      if (st) {
        rc = fb_th_gsl_fail(err, st, __func__, __LINE__, "ideal-gas integral");
        goto cleanup;
      }
      val /= q.kind == TH_KIND_P ? 6.0 * FB_PI * FB_PI : 2.0 * FB_PI * FB_PI;
      FB_TEST_GOTO(err, rc, !(val > 0.0), FB_ERR_NUMERIC, cleanup,
                   "ideal-gas integral not positive at x = %g", q.x);
      th->lnf[k][i] = log(val);
    }
    th->sp_f[k] = gsl_spline_alloc(gsl_interp_cspline, th->nx);
    FB_TEST_GOTO(err, rc, th->sp_f[k] == NULL, FB_ERR_MEMORY, cleanup, "out of memory");
    int st = gsl_spline_init(th->sp_f[k], th->lnx, th->lnf[k], th->nx);
    if (st) {
      rc = fb_th_gsl_fail(err, st, __func__, __LINE__, "gsl_spline_init (ideal gas)");
      goto cleanup;
    }
  }
cleanup:
  gsl_integration_workspace_free(ws);
  return rc;
}

/** Ideal gas of one degree of freedom of mass m: P = p/T^4 and R = rho/T^4. */
void fb_th_ideal(const fb_thermo *th, double m_GeV, double T_GeV, int fermion, double *P,
                     double *R) {
  const double x = m_GeV / T_GeV;
  if (x < TH_X_MIN) {
    *P = fermion ? TH_PF0 : TH_PB0;
    *R = 3.0 * *P;
    return;
  }
  if (x > TH_X_MAX) {
    *P = *R = 0.0;
    return;
  }
  const double u = log(x);
  *P = exp(gsl_spline_eval(th->sp_f[fermion ? TH_F_P : TH_B_P], u, NULL));
  *R = exp(gsl_spline_eval(th->sp_f[fermion ? TH_F_RHO : TH_B_RHO], u, NULL));
}

/** Thermal-mass integral of one degree of freedom, J1/T^2 = int d^3k/(2 pi)^3 n(E)/E / T^2
 *  (= 1/12 boson, 1/24 fermion for m << T). Below TH_X_MIN the high-temperature expansion
 *  1/12 - x/(4 pi) (bosons: m^2 derivative of the high-temperature expansion of J_B, Quiros
 *  hep-ph/9901312 sec. 3) and 1/24 (fermions, corrections O(x^2 ln x)) is used. */
static double th_ideal_j1(const fb_thermo *th, double m_GeV, double T_GeV, int fermion) {
  const double x = m_GeV / T_GeV;
  if (x < TH_X_MIN) return fermion ? 1.0 / 24.0 : 1.0 / 12.0 - x / (4.0 * FB_PI);
  if (x > TH_X_MAX) return 0.0;
  return exp(gsl_spline_eval(th->sp_f[fermion ? TH_F_J1 : TH_B_J1], log(x), NULL));
}

/* ------------------------------------------------------------------ (2) alpha_s running */
/* fb_alpha_s.h at 3 loops (thresholds at m_c, m_b, m_t, alpha_s continuous across them): th->as[0] the full
 * running (nf up to 6), th->as[1] the 4-flavour coupling (b and t integrated out, matched at mu = m_b),
 * th->as[2] the 5-flavour coupling (t integrated out, matched at mu = m_t; decoupling theorem,
 * Appelquist & Carazzone 1975; e.g. PDG 2024 QCD review sec. 9.2.2). Below its matching scale each
 * equals the full one. */
static int th_alphas_table(fb_thermo *th, fb_err *err) {
  const double lo = fmin(2.0 * FB_PI * th->par.T_pqcd_lo_GeV * th->par.pqcd_scale, FB_MB_QUARK_GEV) * exp(-0.1);
  const double hi = 2.0 * FB_PI * th->par.T_max_GeV * fmax(1.0, th->par.pqcd_scale) * exp(0.1);
  th->as = malloc(3 * sizeof *th->as);
  FB_TEST(err, th->as == NULL, FB_ERR_MEMORY, "out of memory");
  static const int nf_max[3] = {6, 4, 5};
  for (int k = 0; k < 3; k++) {
    int rc = fb_alpha_s_table_init(&th->as[k], lo, fmax(hi, 2.0 * FB_MZ_GEV), 3, nf_max[k], err);
    FB_TEST(err, rc != FB_OK, rc, "alpha_s table [%g, %g] GeV: raise T_pqcd_lo_GeV", lo, hi);
  }
  return FB_OK;
}

/* ------------------------------------------------------------------ (3) sectors */
/** Smoothed step of the Higgs condensate: u = v^2/v0^2 as a function of a = 1 - (T/T_c)^2 R,
 *  0.5 (a + sqrt(a^2 + e^2)) normalised to 1 at a = 1, so the crossover has no kink. */
static double th_u_smooth(double a, double e) {
  const double norm = 0.5 * (1.0 + sqrt(1.0 + e * e));
  return 0.5 * (a + sqrt(a * a + e * e)) / norm;
}

/** Right-hand side of the gap equation for u = v^2/v0^2 at temperature T.
 *  One-loop finite-temperature effective potential (Dolan & Jackiw 1974; Quiros hep-ph/9901312
 *  sec. 3): the thermal curvature at the origin, D T^2 phi^2 with
 *  D = (2 m_W^2 + m_Z^2 + 2 m_t^2)/(8 v0^2) (Quiros sec. 3, high-T limit), is built from
 *  d p_i/d(m_i^2) = -g_i J1_i/2 per species; for masses comparable to T each species' share is
 *  its suppressed J1(m_i(v)/T)/J1(0). R = weighted share (R = 1 gives the mean-field shape
 *  v^2 = 1 - T^2/T_c^2 used with T_c = T_ew from the lattice, D'Onofrio & Rummukainen
 *  arXiv:1508.07161, so T_c itself is unchanged). ew_model 0: R = 1 at all T. */
static double th_u_rhs(const fb_thermo *th, double T, double u) {
  const double t = T / th->par.T_ew_GeV;
  double R = 1.0;
  if (th->par.ew_model == 1) {
    const double v = sqrt(u);
    const double wW = 2.0 * FB_MW_GEV * FB_MW_GEV, wZ = FB_MZ_GEV * FB_MZ_GEV;
    const double wt = 2.0 * FB_MT_QUARK_GEV * FB_MT_QUARK_GEV;
    R = (wW * 12.0 * th_ideal_j1(th, FB_MW_GEV * v, T, 0) +
         wZ * 12.0 * th_ideal_j1(th, FB_MZ_GEV * v, T, 0) +
         wt * 24.0 * th_ideal_j1(th, FB_MT_QUARK_GEV * v, T, 1)) / (wW + wZ + wt);
  }
  return th_u_smooth(1.0 - t * t * R, th->par.ew_smooth);
}

/** Root u of u = th_u_rhs(u) in (0, 1] by bisection (u - rhs(u) is < 0 at u = 0 and >= 0 at
 *  u = 1 since 0 < rhs <= 1). */
static double th_u_solve(const fb_thermo *th, double T_GeV) {
  double lo = 0.0, hi = 1.0;
  for (int it = 0; it < 64 && hi - lo > 1e-15; it++) {
    const double mid = 0.5 * (lo + hi);
    if (mid - th_u_rhs(th, T_GeV, mid) < 0.0)
      lo = mid;
    else
      hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Higgs expectation value v(T)/v(0): mean-field (ew_model 0) or the gap-equation solution,
 *  splined in ln T once tabulated (below TH_BAG_T_LO_GEV, W, Z, t are absent and u = rhs(1)). */
double fb_th_vratio(const fb_thermo *th, double T_GeV) {
  if (th->par.ew_model != 1) return sqrt(th_u_rhs(th, T_GeV, 1.0));
  if (th->sp_u != NULL) {
    const double l = log(T_GeV);
    if (l <= th->lnT_bag_min) return sqrt(th_u_rhs(th, T_GeV, 1.0));
    if (l <= th->lnT_bag_max) return sqrt(gsl_spline_eval(th->sp_u, l, NULL));
  }
  return sqrt(th_u_solve(th, T_GeV));
}

/** Species whose mass is proportional to v(T): W+-, Z, H (bosons) and the top quark. */
#define TH_N_VMASS 4
static const double th_vmass_g[TH_N_VMASS] = {6.0, 3.0, 1.0, 12.0};
static const int th_vmass_fermion[TH_N_VMASS] = {0, 0, 0, 1};
static double th_vmass0(int i) {
  const double m[TH_N_VMASS] = {FB_MW_GEV, FB_MZ_GEV, FB_MH_GEV, FB_MT_QUARK_GEV};
  return m[i];
}


/** dB/dlnT [GeV^4] of the vacuum-energy term: sum_i (dp_i/dm_i^2)(dm_i^2/dlnT) with
 *  dp_i/dm_i^2 = -g_i J1_i/2 and m_i^2 = m_i0^2 u(T) (Gorenstein & Yang 1995); u from its spline. */
static double th_dbag_dlnT(const fb_thermo *th, double lnT) {
  const double T = exp(lnT);
  const double u = gsl_spline_eval(th->sp_u, lnT, NULL);
  const double du = gsl_spline_eval_deriv(th->sp_u, lnT, NULL);
  const double v = sqrt(fmax(u, 0.0));
  /* the top's pressure enters the strong sector multiplied by the interaction ratio */
  const double wtop = fb_th_strong_top_weight(th, T);
  double sum = 0.0;
  for (int i = 0; i < TH_N_VMASS; i++) {
    const double m0 = th_vmass0(i);
    const double w = i == TH_N_VMASS - 1 ? wtop : 1.0;
    sum += w * th_vmass_g[i] * th_ideal_j1(th, m0 * v, T, th_vmass_fermion[i]) * m0 * m0;
  }
  return -0.5 * sum * T * T * du;
}

#define TH_BAG_T_LO_GEV 1.0   /* below: W, Z, H, t absent (e^-80), B = 0 */
#define TH_BAG_DLNT 0.005     /* grid step of u(T) and B(T) in ln T */

/** Tabulate u(T) (gap equation) and B(T) = int_{T_lo}^{T} dB/dlnT dlnT (Simpson on each step,
 *  midpoints from the u spline), both splined in ln T. */
static int th_bag_table(fb_thermo *th, fb_err *err) {
  if (th->par.ew_model != 1) return FB_OK;
  th->lnT_bag_min = log(TH_BAG_T_LO_GEV);
  th->lnT_bag_max = fmax(log(th->par.T_max_GeV), th->lnT_bag_min + 1.0);
  th->nbag = (size_t)ceil((th->lnT_bag_max - th->lnT_bag_min) / TH_BAG_DLNT) + 1;
  th->lnT_bag = malloc(th->nbag * sizeof *th->lnT_bag);
  th->bag = malloc(th->nbag * sizeof *th->bag);
  th->u_bag = malloc(th->nbag * sizeof *th->u_bag);
  FB_TEST(err, th->lnT_bag == NULL || th->bag == NULL || th->u_bag == NULL, FB_ERR_MEMORY,
          "out of memory");
  const double step = (th->lnT_bag_max - th->lnT_bag_min) / (double)(th->nbag - 1);
  for (size_t i = 0; i < th->nbag; i++) {
    th->lnT_bag[i] = i + 1 < th->nbag ? th->lnT_bag_min + step * (double)i : th->lnT_bag_max;
    th->u_bag[i] = th_u_solve(th, exp(th->lnT_bag[i]));
  }
  th->sp_u = gsl_spline_alloc(gsl_interp_cspline, th->nbag);
  FB_TEST(err, th->sp_u == NULL, FB_ERR_MEMORY, "out of memory");
  int st = gsl_spline_init(th->sp_u, th->lnT_bag, th->u_bag, th->nbag);
  if (st) return fb_th_gsl_fail(err, st, __func__, __LINE__, "gsl_spline_init (v(T))");
  double f_prev = th_dbag_dlnT(th, th->lnT_bag[0]);
  th->bag[0] = 0.0;
  for (size_t i = 1; i < th->nbag; i++) {
    const double h = th->lnT_bag[i] - th->lnT_bag[i - 1];
    const double fm = th_dbag_dlnT(th, th->lnT_bag[i] - 0.5 * h);
    const double f = th_dbag_dlnT(th, th->lnT_bag[i]);
    th->bag[i] = th->bag[i - 1] + h / 6.0 * (f_prev + 4.0 * fm + f);
    FB_TEST(err, !isfinite(th->bag[i]), FB_ERR_NUMERIC, "vacuum energy not finite at T = %g GeV",
            exp(th->lnT_bag[i]));
    f_prev = f;
  }
  th->sp_bag = gsl_spline_alloc(gsl_interp_cspline, th->nbag);
  FB_TEST(err, th->sp_bag == NULL, FB_ERR_MEMORY, "out of memory");
  st = gsl_spline_init(th->sp_bag, th->lnT_bag, th->bag, th->nbag);
  if (st) return fb_th_gsl_fail(err, st, __func__, __LINE__, "gsl_spline_init (vacuum energy)");
  return FB_OK;
}

/** Vacuum energy B(T) of the Higgs condensate [GeV^4] (0 for ew_model 0). */
static double th_bag(const fb_thermo *th, double T) {
  if (th->sp_bag == NULL) return 0.0;
  const double l = log(T);
  if (l <= th->lnT_bag_min) return 0.0;
  if (l >= th->lnT_bag_max) return th->bag[th->nbag - 1];
  return gsl_spline_eval(th->sp_bag, l, NULL);
}

/** Electroweak + leptons (no neutrinos, no strongly interacting particles): P and S.
 *  p = sum_i p_i(m_i(T)) - B(T), s = sum_i s_i (B drops out of s = dp/dT by construction). */
static void th_sector_ew(const fb_thermo *th, double T, double *P, double *S) {
  static const double lep_GeV[3] = {FB_ME_GEV, FB_MMU_GEV, FB_MTAU_GEV};
  const double v = fb_th_vratio(th, T);
  const double bos_g[3] = {6.0, 3.0, 1.0};                          /* W+-, Z, H */
  const double bos_m[3] = {FB_MW_GEV * v, FB_MZ_GEV * v, FB_MH_GEV * v};
  double p = 2.0 * TH_PB0, r = 6.0 * TH_PB0;                       /* photon */
  double pi, ri;
  for (int i = 0; i < 3; i++) {
    fb_th_ideal(th, lep_GeV[i], T, 1, &pi, &ri);                        /* 2 spins x (l + lbar) */
    p += 4.0 * pi;
    r += 4.0 * ri;
    fb_th_ideal(th, bos_m[i], T, 0, &pi, &ri);
    p += bos_g[i] * pi;
    r += bos_g[i] * ri;
  }
  const double B = th_bag(th, T) / (T * T * T * T);
  *P = p - B;
  *S = p + r;
}

/** Photon + e+- only (the plasma that heats up when e+e- annihilate): S. */
static double th_S_gamma_e(const fb_thermo *th, double T) {
  double pe, re;
  fb_th_ideal(th, FB_ME_GEV, T, 1, &pe, &re);
  return 8.0 * TH_PB0 + 4.0 * (pe + re);
}

/** Everything but the neutrinos: g_*rho and g_*s contributions. */
static void th_plasma_noneutrino(const fb_thermo *th, double T, double *grho, double *gs) {
  double Pe, Se, Ps, Ss;
  th_sector_ew(th, T, &Pe, &Se);
  fb_th_sector_strong(th, T, &Ps, &Ss);
  *grho = ((Se - Pe) + (Ss - Ps)) / TH_GRHO_NORM;
  *gs = (Se + Ss) / TH_GS_NORM;
}

/** Neutrino contributions given ln(T_nu/T) of the heating model. */
static void th_neutrinos(const fb_thermo *th, double ln_r, double *grho, double *gs,
                         double *ln_tnu_eff) {
  const double phi = th->ln_rnu[0] < 0.0 ? ln_r / th->ln_rnu[0] : 0.0;
  const double lnc = log(th->par.Neff / th->Neff_raw) * phi;     /* ln of the rho factor */
  *grho = 7.0 / 8.0 * 6.0 * exp(4.0 * ln_r + lnc);
  *gs = 7.0 / 8.0 * 6.0 * exp(3.0 * ln_r + 0.75 * lnc);
  *ln_tnu_eff = ln_r + 0.25 * lnc;
}

/* ------------------------------------------------------------------ (4) init / free */
void fb_thermo_params_default(fb_thermo_params *par) {
  par->T_min_GeV = 1.0e-6;
  par->T_max_GeV = 1.0e5;
  par->n_table = 2000;
  par->Neff = FB_NEFF_SM;
  /* neutrino decoupling T ~ 2 MeV: e.g. Dolgov, Phys. Rept. 370 (2002) 333, hep-ph/0202122 */
  par->T_nu_dec_GeV = 2.0e-3;
  par->nu_dec_width = 0.5;
  par->T_hrg_lo_GeV = 0.10;
  par->T_hrg_hi_GeV = 0.15;
  par->T_pqcd_lo_GeV = 1.0;
  par->T_pqcd_hi_GeV = 4.0;
  par->T_ew_GeV = 159.5;   /* D'Onofrio & Rummukainen arXiv:1508.07161 */
  par->ew_smooth = 0.05;
  par->ew_model = 1;
  par->lattice_eos = 0;
  par->pqcd_order = 5;
  par->pqcd_scale = 1.0;   /* mu = 2 pi T, the central choice of Kajantie et al. hep-ph/0211321 */
}

int fb_thermo_init(fb_thermo *th, fb_err *err) {
  fb_thermo_params par;
  fb_thermo_params_default(&par);
  FB_CALL(err, fb_thermo_init_params(th, &par, err));
  return FB_OK;
}

static int th_check_params(const fb_thermo_params *p, fb_err *err) {
  FB_TEST(err, !(p->T_min_GeV > 0.0 && p->T_max_GeV > 100.0 * p->T_min_GeV), FB_ERR_INPUT,
          "need 0 < T_min_GeV (%g) and T_max_GeV (%g) > 100 T_min", p->T_min_GeV, p->T_max_GeV);
  FB_TEST(err, !(p->T_max_GeV <= 1.0e8), FB_ERR_INPUT, "T_max_GeV = %g above 1e8", p->T_max_GeV);
  FB_TEST(err, p->n_table < 50 || p->n_table > 1000000, FB_ERR_INPUT,
          "n_table = %zu outside [50, 1e6]", p->n_table);
  FB_TEST(err, !(p->Neff > 0.0 && p->Neff < 10.0), FB_ERR_INPUT, "Neff = %g outside (0, 10)",
          p->Neff);
  FB_TEST(err, !(p->T_nu_dec_GeV > 0.0 && p->nu_dec_width > 0.0 && p->nu_dec_width < 5.0),
          FB_ERR_INPUT, "bad neutrino decoupling T = %g GeV, width %g", p->T_nu_dec_GeV,
          p->nu_dec_width);
  FB_TEST(err, !(p->T_hrg_lo_GeV > 0.05 && p->T_hrg_hi_GeV > p->T_hrg_lo_GeV &&
                 p->T_pqcd_lo_GeV >= p->T_hrg_hi_GeV && p->T_pqcd_hi_GeV > p->T_pqcd_lo_GeV &&
                 p->T_pqcd_lo_GeV >= 0.2),
          FB_ERR_INPUT,
          "need 0.05 < T_hrg_lo < T_hrg_hi <= T_pqcd_lo < T_pqcd_hi and T_pqcd_lo >= 0.2 GeV");
  FB_TEST(err, !(p->T_ew_GeV > 0.0 && p->ew_smooth > 0.0), FB_ERR_INPUT,
          "T_ew_GeV (%g) and ew_smooth (%g) must be positive", p->T_ew_GeV, p->ew_smooth);
  FB_TEST(err, p->lattice_eos != 0 && p->lattice_eos != 1, FB_ERR_INPUT,
          "lattice_eos = %d: allowed 0 (HotQCD 2014) or 1 (Wuppertal-Budapest 2014)",
          p->lattice_eos);
  FB_TEST(err, p->ew_model != 0 && p->ew_model != 1, FB_ERR_INPUT,
          "ew_model = %d: allowed 0 (mean-field v(T)) or 1 (gap equation + vacuum energy)",
          p->ew_model);
  FB_TEST(err, p->pqcd_order < 0 || p->pqcd_order > 5, FB_ERR_INPUT,
          "pqcd_order = %d outside 0..5", p->pqcd_order);
  FB_TEST(err, !(p->pqcd_scale >= 0.25 && p->pqcd_scale <= 4.0), FB_ERR_INPUT,
          "pqcd_scale = %g outside [0.25, 4]", p->pqcd_scale);
  return FB_OK;
}

static int th_spline(gsl_spline **sp, const gsl_interp_type *type, const double *x,
                     const double *y, size_t n, fb_err *err) {
  *sp = gsl_spline_alloc(type, n);
  FB_TEST(err, *sp == NULL, FB_ERR_MEMORY, "out of memory");
  int st = gsl_spline_init(*sp, x, y, n);
  if (st) return fb_th_gsl_fail(err, st, __func__, __LINE__, "gsl_spline_init");
  return FB_OK;
}

int fb_thermo_init_params(fb_thermo *th, const fb_thermo_params *par, fb_err *err) {
  int rc = FB_OK;
  double *ge = NULL;
  memset(th, 0, sizeof *th);
  FB_TEST(err, par == NULL, FB_ERR_INPUT, "par is NULL");
  FB_CALL(err, th_check_params(par, err));
  th->par = *par;
  FB_CALL_GOTO(err, rc, th_ideal_tables(th, err), fail);
  FB_CALL_GOTO(err, rc, th_alphas_table(th, err), fail);
  FB_CALL_GOTO(err, rc, th_bag_table(th, err), fail);
  FB_CALL_GOTO(err, rc, fb_th_lattice_table(th, err), fail);

  const size_t n = par->n_table;
  th->n = n;
  th->lnT_min = log(par->T_min_GeV);
  th->lnT_max = log(par->T_max_GeV);
  th->lnT = malloc(n * sizeof(double));
  th->ln_grho = malloc(n * sizeof(double));
  th->ln_gs = malloc(n * sizeof(double));
  th->ln_rnu = malloc(n * sizeof(double));
  th->ln_tnu_eff = malloc(n * sizeof(double));
  ge = malloc(n * sizeof(double));
  FB_TEST_GOTO(err, rc, !th->lnT || !th->ln_grho || !th->ln_gs || !th->ln_rnu || !th->ln_tnu_eff
               || !ge, FB_ERR_MEMORY, fail, "out of memory (n_table = %zu)", n);
  for (size_t i = 0; i < n; i++) {
    th->lnT[i] = th->lnT_min + (th->lnT_max - th->lnT_min) * (double)i / (double)(n - 1);
    ge[i] = log(th_S_gamma_e(th, exp(th->lnT[i])));
  }
  th->lnT[n - 1] = th->lnT_max;

  /* Neutrino heating: once decoupled, a^3 s_(gamma e) and a T_nu are conserved separately, so
   * d ln(T_nu/T) = (1/3) d ln S_(gamma e) (S = s/T^3) weighted by the decoupled fraction 1 - c(T),
   * c a smooth step across T_dec (instantaneous decoupling for a vanishing width). */
  const double Tlo = par->T_nu_dec_GeV * exp(-par->nu_dec_width);
  const double Thi = par->T_nu_dec_GeV * exp(par->nu_dec_width);
  th->ln_rnu[n - 1] = 0.0;
  for (size_t i = n - 1; i-- > 0;) {
    double dw;
    const double c = fb_th_step(exp(0.5 * (th->lnT[i] + th->lnT[i + 1])), Tlo, Thi, &dw);
    th->ln_rnu[i] = th->ln_rnu[i + 1] - (1.0 - c) * (ge[i + 1] - ge[i]) / 3.0;
  }
  /* N_eff = 3 (11/4)^(4/3) (T_nu/T)^4 once e+e- are gone */
  th->Neff_raw = 3.0 * pow(11.0 / 4.0, 4.0 / 3.0) * exp(4.0 * th->ln_rnu[0]);
  FB_TEST_GOTO(err, rc, !(th->Neff_raw > 2.5 && th->Neff_raw < 3.5), FB_ERR_NUMERIC, fail,
               "heating model gives N_eff = %g: T_min_GeV (%g) must lie well below m_e",
               th->Neff_raw, par->T_min_GeV);

  for (size_t i = 0; i < n; i++) {
    double gr, gs, grn, gsn;
    th_plasma_noneutrino(th, exp(th->lnT[i]), &gr, &gs);
    th_neutrinos(th, th->ln_rnu[i], &grn, &gsn, &th->ln_tnu_eff[i]);
    FB_TEST_GOTO(err, rc, !(gr + grn > 0.0 && gs + gsn > 0.0 && isfinite(gr) && isfinite(gs)),
                 FB_ERR_NUMERIC, fail, "g_* not positive at T = %g GeV (g_rho %g, g_s %g)",
                 exp(th->lnT[i]), gr + grn, gs + gsn);
    th->ln_grho[i] = log(gr + grn);
    th->ln_gs[i] = log(gs + gsn);
  }
  FB_CALL_GOTO(err, rc, th_spline(&th->sp_grho, gsl_interp_steffen, th->lnT, th->ln_grho, n, err),
               fail);
  FB_CALL_GOTO(err, rc, th_spline(&th->sp_gs, gsl_interp_steffen, th->lnT, th->ln_gs, n, err),
               fail);
  FB_CALL_GOTO(err, rc, th_spline(&th->sp_rnu, gsl_interp_steffen, th->lnT, th->ln_rnu, n, err),
               fail);
  FB_CALL_GOTO(err, rc,
               th_spline(&th->sp_tnu_eff, gsl_interp_steffen, th->lnT, th->ln_tnu_eff, n, err),
               fail);
  th->gs_today = exp(th->ln_gs[0]);
  th->grho_today = exp(th->ln_grho[0]);
  free(ge);
  return FB_OK;
fail:
  free(ge);
  fb_thermo_free(th);
  return rc;
}

void fb_thermo_free(fb_thermo *th) {
  if (th == NULL) return;
  gsl_spline_free(th->sp_grho);
  gsl_spline_free(th->sp_gs);
  gsl_spline_free(th->sp_rnu);
  gsl_spline_free(th->sp_tnu_eff);
  free(th->as);
  for (int k = 0; k < TH_NF; k++) {
    gsl_spline_free(th->sp_f[k]);
    free(th->lnf[k]);
  }
  gsl_spline_free(th->sp_bag);
  gsl_spline_free(th->sp_u);
  free(th->lnT_bag);
  free(th->bag);
  free(th->u_bag);
  gsl_spline_free(th->sp_lat);
  free(th->lnT_lat);
  free(th->P_lat);
  free(th->lnx);
  free(th->lnT);
  free(th->ln_grho);
  free(th->ln_gs);
  free(th->ln_rnu);
  free(th->ln_tnu_eff);
  memset(th, 0, sizeof *th);
}

/* ------------------------------------------------------------------ (5) evaluation */
static double th_clamp_lnT(const fb_thermo *th, double T_GeV) {
  double l = T_GeV > 0.0 ? log(T_GeV) : th->lnT_min;
  if (!(l >= th->lnT_min)) l = th->lnT_min;   /* also catches NaN */
  if (l > th->lnT_max) l = th->lnT_max;
  return l;
}

static int th_in_range(const fb_thermo *th, double T_GeV, double *lnT, fb_err *err) {
  FB_TEST(err, th == NULL || th->sp_gs == NULL, FB_ERR_INPUT, "thermo table not initialised");
  FB_TEST(err, !(isfinite(T_GeV) && T_GeV > 0.0), FB_ERR_RANGE, "T = %g GeV is not positive",
          T_GeV);
  double l = log(T_GeV);
  const double tol = 1e-12 * (th->lnT_max - th->lnT_min);
  FB_TEST(err, l < th->lnT_min - tol || l > th->lnT_max + tol, FB_ERR_RANGE,
          "T = %g GeV outside the table [%g, %g] GeV", T_GeV, exp(th->lnT_min),
          exp(th->lnT_max));
  *lnT = fmin(fmax(l, th->lnT_min), th->lnT_max);
  return FB_OK;
}

int fb_thermo_gstar(const fb_thermo *th, double T_GeV, double *g_rho, double *g_s, fb_err *err) {
  double l = 0.0;
  FB_CALL(err, th_in_range(th, T_GeV, &l, err));
  if (g_rho) *g_rho = exp(gsl_spline_eval(th->sp_grho, l, NULL));
  if (g_s) *g_s = exp(gsl_spline_eval(th->sp_gs, l, NULL));
  return FB_OK;
}

double fb_thermo_gstar_rho(const fb_thermo *th, double T_GeV) {
  return exp(gsl_spline_eval(th->sp_grho, th_clamp_lnT(th, T_GeV), NULL));
}

double fb_thermo_gstar_s(const fb_thermo *th, double T_GeV) {
  return exp(gsl_spline_eval(th->sp_gs, th_clamp_lnT(th, T_GeV), NULL));
}

double fb_thermo_dlngs_dlnT(const fb_thermo *th, double T_GeV) {
  if (!(T_GeV > 0.0)) return 0.0;
  const double l = log(T_GeV);
  if (!(l >= th->lnT_min && l <= th->lnT_max)) return 0.0;
  return gsl_spline_eval_deriv(th->sp_gs, l, NULL);
}

double fb_thermo_dlngrho_dlnT(const fb_thermo *th, double T_GeV) {
  if (!(T_GeV > 0.0)) return 0.0;
  const double l = log(T_GeV);
  if (!(l >= th->lnT_min && l <= th->lnT_max)) return 0.0;
  return gsl_spline_eval_deriv(th->sp_grho, l, NULL);
}

double fb_thermo_T_nu_over_T(const fb_thermo *th, double T_GeV) {
  return exp(gsl_spline_eval(th->sp_tnu_eff, th_clamp_lnT(th, T_GeV), NULL));
}

double fb_thermo_gstar_s_today(const fb_thermo *th) { return th->gs_today; }

double fb_thermo_gstar_rho_today(const fb_thermo *th) { return th->grho_today; }

int fb_thermo_alpha_s(const fb_thermo *th, double mu_GeV, double *alpha_s, fb_err *err) {
  FB_TEST(err, th == NULL || th->as == NULL, FB_ERR_INPUT, "thermo table not initialised");
  FB_TEST(err, !(mu_GeV > 0.0), FB_ERR_RANGE, "mu = %g GeV is not positive", mu_GeV);
  FB_TEST(err, !fb_alpha_s_table_covers(&th->as[0], mu_GeV), FB_ERR_RANGE,
          "mu = %g GeV outside the alpha_s table [%g, %g] GeV", mu_GeV, exp(th->as[0].lnmu_min),
          exp(th->as[0].lnmu_max));
  *alpha_s = fb_alpha_s_table_eval(&th->as[0], mu_GeV);
  return FB_OK;
}

int fb_thermo_model_eval(const fb_thermo *th, double T_GeV, double *g_rho, double *g_s,
                         fb_err *err) {
  double l = 0.0, gr, gs, grn, gsn, lt;
  FB_CALL(err, th_in_range(th, T_GeV, &l, err));
  th_plasma_noneutrino(th, T_GeV, &gr, &gs);
  th_neutrinos(th, gsl_spline_eval(th->sp_rnu, l, NULL), &grn, &gsn, &lt);
  if (g_rho) *g_rho = gr + grn;
  if (g_s) *g_s = gs + gsn;
  return FB_OK;
}
