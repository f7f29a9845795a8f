/**
 * @file bbn_network.c
 * @brief The nuclear network: tables, NSE initial conditions, CVODE BDF integration with the
 *        analytic Jacobian, final abundances and chi^2.
 *
 * Equations (Wagoner, ApJ 148 (1967) 3; Pitrou et al., arXiv:1801.08023 sec. IV): for each
 * reaction a + b -> c + d with N_A<sigma v> = R(T9), the number of reactions per baryon and
 * second is F = (n_b / N_A) R Y_a Y_b / (1 + delta_ab); the reverse is
 * B = (n_b / N_A) R_rev Y_c Y_d / (1 + delta_cd) (or B = lambda_rev Y_c for a photodissociation),
 * with R_rev = alpha T9^beta exp(gamma/T9) R from detailed balance (bbn_rates.c). Each reactant
 * loses and each product gains (F - B). n <-> p: dY_n/dt = -lambda_np Y_n + lambda_pn Y_p.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bbn_internal.h"
#include "fb_constants.h"
#include "fb_ode.h"

/* nodes in ln T9. Cubic lookup against the fits (measured on 200 points per cell, T9 = 0.005-10): < 3e-6 in ln R more
 * than two cells from a fit's kink, up to 3.9e-3 in the cells around one (d(p,g)3He at its T9_high = 4; 2.8-2.9e-3 for
 * 7Li(p,a)4He at 2.5, t(a,g)7Li at its T9_low = 0.08 and 3He(d,p)4He at 0.1; the T9_high/T9_low continuations of
 * bbn_rate_forward), below the fits' 1-sigma errors; standard BBN at rtol 1e-9 against the fits evaluated directly:
 * Yp < 1e-8, D/H 1.6e-7, 3He/H 1.4e-8, 7Li/H 1.1e-7 relative (docs/performance.md) */
#define BBN_RATE_N 400
#define BBN_RATE_T9_MIN 1e-3
#define BBN_RATE_QUAD_STEP 4 /* the S-factor quadratures on every 4th node (bbn_tables_build) */
#define BBN_N_SEG 16     /* network output segments (restart points) */
#define BBN_MAX_RETRY 3  /* restarts of the network integrator per evaluation */
#define BBN_WEAK_TNU_IRRELEVANT_MEV 0.03 /* below: the weak rates do not depend on T_nu (net_rates) */


static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

void bbn_params_default(bbn_params *p) {
  memset(p, 0, sizeof(*p));
  p->omega_b_h2 = FB_OMEGA_B_H2_PLANCK;
  p->tau_n_s = FB_TAU_N_S;
  p->delta_neff = 0.0;
  p->T_start_MeV = 10.0;
  p->T_end_MeV = 1e-3;
  p->T_network_MeV = 0.25;
  p->rtol = 1e-6;
  p->atol = 1e-16;
  p->nu_coupling = 1;
  p->qed_plasma = 1;
  for (int k = 0; k < BBN_N_REAC; ++k) p->rate_factor[k] = 1.0;
}

int bbn_params_check(const bbn_params *p, fb_err *err) {
  FB_TEST(err, !(p->omega_b_h2 >= 1e-3 && p->omega_b_h2 <= 0.1), FB_ERR_RANGE,
          "omega_b_h2 = %g outside the allowed range [0.001, 0.1]", p->omega_b_h2);
  FB_TEST(err, p->theory_errors != BBN_TH_PROPAGATED && p->theory_errors != BBN_TH_PRIMAT, FB_ERR_RANGE,
          "theory_errors = %d: allowed %d (propagated) or %d (primat)", p->theory_errors, BBN_TH_PROPAGATED,
          BBN_TH_PRIMAT);
  FB_TEST(err, !(p->tau_n_s >= 800.0 && p->tau_n_s <= 1000.0), FB_ERR_RANGE,
          "tau_n_s = %g outside the allowed range [800, 1000] s", p->tau_n_s);
  FB_TEST(err, !(p->delta_neff >= -2.5 && p->delta_neff <= 10.0), FB_ERR_RANGE,
          "delta_neff = %g outside the allowed range [-2.5, 10]", p->delta_neff);
  FB_TEST(err, !(p->T_start_MeV >= 1.0 && p->T_start_MeV <= 30.0), FB_ERR_RANGE,
          "T_start_MeV = %g outside the allowed range [1, 30] MeV", p->T_start_MeV);
  FB_TEST(err, !(p->T_end_MeV >= 1e-4 && p->T_end_MeV <= 1e-2), FB_ERR_RANGE,
          "T_end_MeV = %g outside the allowed range [1e-4, 1e-2] MeV", p->T_end_MeV);
  FB_TEST(err, !(p->T_network_MeV >= 0.1 && p->T_network_MeV <= p->T_start_MeV), FB_ERR_RANGE,
          "T_network_MeV = %g outside the allowed range [0.1, T_start_MeV = %g] MeV",
          p->T_network_MeV, p->T_start_MeV);
  FB_TEST(err, !(p->rtol >= 1e-12 && p->rtol <= 1e-3), FB_ERR_RANGE,
          "rtol = %g outside the allowed range [1e-12, 1e-3]", p->rtol);
  FB_TEST(err, !(p->atol > 0.0 && p->atol <= 1e-8), FB_ERR_RANGE,
          "atol = %g outside the allowed range (0, 1e-8]", p->atol);
  if (p->decay) FB_CALL(err, bbn_decay_check(p->decay, err));
  FB_TEST(err, p->nu_one_temperature != 0 && p->nu_one_temperature != 1, FB_ERR_RANGE,
          "nu_one_temperature = %d must be 0 or 1", p->nu_one_temperature);
  if (p->chi) {
    FB_TEST(err, p->decay != NULL, FB_ERR_INPUT,
            "a thermal particle (chi) together with a decaying particle is not supported");
    FB_TEST(err, !p->chi->ln_tab, FB_ERR_INPUT, "thermal particle: not initialised (bbn_thermal_dm_init)");
    FB_TEST(err, !(p->chi->mass_MeV >= 30.0 * p->T_end_MeV && p->chi->mass_MeV <= 1e3), FB_ERR_RANGE,
            "chi_mass_MeV = %g outside the allowed range [30 T_end_MeV = %g, 1000] MeV (chi must have "
            "annihilated by T_end, where N_eff is evaluated)", p->chi->mass_MeV, 30.0 * p->T_end_MeV);
  }
  for (int k = 0; k < BBN_N_REAC; ++k)
    FB_TEST(err, !(p->rate_factor[k] > 0.0 && p->rate_factor[k] < 100.0), FB_ERR_RANGE,
            "rate_factor[%d] (%s) = %g outside (0, 100)", k, bbn_rate_name(k), p->rate_factor[k]);
  return FB_OK;
}

int bbn_tables_init(bbn_tables *tab, fb_err *err) {
  const double t0 = now_s();
  if (bbn_cache_tables_load(tab)) {
    tab->from_cache = 1;
    tab->build_time_s = now_s() - t0;
    return FB_OK;
  }
  FB_CALL(err, bbn_tables_build(tab, err));
  bbn_cache_tables_store(tab);
  tab->build_time_s = now_s() - t0;
  return FB_OK;
}

int bbn_tables_build(bbn_tables *tab, fb_err *err) {
  memset(tab, 0, sizeof(*tab));
  const double t0 = now_s();
  int rc = FB_OK;
  FB_CALL_GOTO(err, rc, bbn_weak_table_build(tab, err), fail);
  FB_CALL_GOTO(err, rc, bbn_plasma_table_build(tab, err), fail);
  FB_CALL_GOTO(err, rc, bbn_coulomb_table_build(tab, err), fail);
  bbn_nu_osc_table_init(&tab->nu_osc);
  tab->n_rate = BBN_RATE_N;
  tab->lnT9_min = log(BBN_RATE_T9_MIN);
  tab->lnT9_max = log(BBN_T9_MAX_FIT);
  tab->ln_rate = malloc(sizeof(double) * BBN_N_REAC * BBN_RATE_N);
  FB_TEST_GOTO(err, rc, !tab->ln_rate, FB_ERR_MEMORY, fail, "rate table: allocation failed");
  /* The S-factor quadratures (bbn_rate_is_quadrature: d(d,n), d(d,p), 3He(a,g); 11 of the 12 ms of this table)
   * on every BBN_RATE_QUAD_STEP-th node, cubic (4-point Lagrange) in ln R between: against every node < 4.4e-6
   * in ln R (their 1-sigma errors are 1.1-2.7%), standard BBN at rtol 1e-9 moves by < 1e-6 (test_bbn_cache:
   * test_coarse_rate_table; docs/performance.md). The fits are cheap and some have kinks (their cells err by up to
   * 3.9e-3 in ln R, BBN_RATE_N): every node. */
  const int nc = (BBN_RATE_N - 1) / BBN_RATE_QUAD_STEP + 1, last = (nc - 1) * BBN_RATE_QUAD_STEP;
  for (int k = 0; k < BBN_N_REAC; ++k) {
    const int coarse = bbn_rate_is_quadrature(k);
    double *lr = tab->ln_rate + k * BBN_RATE_N;
    for (int i = 0; i < BBN_RATE_N; ++i) {
      if (coarse && i % BBN_RATE_QUAD_STEP && i < last) continue;
      const double T9 = exp(tab->lnT9_min + (tab->lnT9_max - tab->lnT9_min) * i / (BBN_RATE_N - 1));
      const double R = bbn_rate_forward(k, T9);
      FB_TEST_GOTO(err, rc, !(R > 0.0) || !isfinite(R), FB_ERR_NUMERIC, fail,
                   "rate %s is %g at T9 = %g (fit not positive)", bbn_rate_name(k), R, T9);
      lr[i] = log(R);
    }
    for (int i = 1; coarse && i < last; ++i) {
      if (i % BBN_RATE_QUAD_STEP == 0) continue;
      double w[4];
      const int j0 = bbn_lagrange4_coarse(i, BBN_RATE_QUAD_STEP, nc, w);
      lr[i] = 0.0;
      for (int a = 0; a < 4; ++a) lr[i] += w[a] * lr[(j0 + a) * BBN_RATE_QUAD_STEP];
    }
    double a, b, g, Q;
    bbn_rate_detailed_balance(k, &a, &b, &g, &Q);
    tab->db_ln_alpha[k] = log(a);
    tab->db_beta[k] = b;
    tab->db_gamma[k] = g;
  }
  tab->build_time_s = now_s() - t0;
  return FB_OK;
fail:
  bbn_tables_free(tab);
  return rc;
}

void bbn_tables_free(bbn_tables *tab) {
  free(tab->ln_lam_np); free(tab->ln_lam_pn);
  free(tab->qed_lnT); free(tab->qed_P); free(tab->qed_dP); free(tab->qed_d2P);
  free(tab->ee_z); free(tab->ee_rho); free(tab->ee_P); free(tab->ee_drho);
  free(tab->ln_rate);
  free(tab->coul_S);
  memset(tab, 0, sizeof(*tab));
}

double bbn_chi2_th(double Yp, double D_H, double sY_th, double sD_rel_th) {
  const double sY2 = BBN_OBS_YP_SIGMA * BBN_OBS_YP_SIGMA + sY_th * sY_th;
  const double sD2 = BBN_OBS_DH_SIGMA * BBN_OBS_DH_SIGMA + pow(sD_rel_th * D_H, 2);
  return (Yp - BBN_OBS_YP) * (Yp - BBN_OBS_YP) / sY2 + (D_H - BBN_OBS_DH) * (D_H - BBN_OBS_DH) / sD2;
}

double bbn_chi2(double Yp, double D_H) {
  return bbn_chi2_th(Yp, D_H, BBN_TH_YP_SIGMA, BBN_TH_DH_REL);
}

/* Per-evaluation state of the network ODE. */
typedef struct net_ctx {
  const bbn_tables *tab;
  const bbn_params *p;
  const bbn_background *bg;
  fb_ode *ode;
  /* rates at the last time (kf = forward per-Y coefficient, kr = reverse) */
  double last_t;
  double kf[BBN_N_REAC], kr[BBN_N_REAC], lam_np, lam_pn;
  int err_code;
  fb_err err;
  int clamped; /* T_nu/T left the weak-rate table while the weak rates mattered */
  /* forward sensitivities: slot j < n_sr is ln R of reaction sens_map[j], slot n_sr is ln tau_n */
  int sens_map[BBN_N_REAC], n_sr;
  bbn_nu_conv_table *nct; /* the decay's neutrino conversions per background (NULL: direct, bbn_nu_conv_table.c) */
} net_ctx;

static const double T9_PER_MEV = 1.0 / (1e9 * FB_KB_EV_K * 1e-6);

static int net_rates(net_ctx *c, double t) {
  if (t == c->last_t) return 0;
  double T, Tn, nb;
  bbn_background_at(c->bg, t, &T, &Tn, &nb);
  const double hc = FB_HBARC_GEV_CM * 1e3;
  const double Gam = nb / (hc * hc * hc) / FB_AVOGADRO_MOL; /* n_b / N_A [mol cm^-3] */
  const double T9 = T * T9_PER_MEV, lnT9 = log(T9);
  const bbn_tables *tab = c->tab;
  double x = (lnT9 - tab->lnT9_min) / (tab->lnT9_max - tab->lnT9_min) * (tab->n_rate - 1);
  if (x < 0) x = 0;
  if (x > tab->n_rate - 1) x = tab->n_rate - 1;
  /* cubic (4-point Lagrange) in ln T9, stencil clamped at the ends */
  int i = (int)x - 1;
  if (i < 0) i = 0;
  if (i > tab->n_rate - 4) i = tab->n_rate - 4;
  double w[4];
  bbn_lagrange4(x - i, w);
  for (int k = 0; k < BBN_N_REAC; ++k) {
    const bbn_reaction *r = &bbn_reactions[k];
    const double *lr = tab->ln_rate + k * tab->n_rate;
    const double lnR = w[0] * lr[i] + w[1] * lr[i + 1] + w[2] * lr[i + 2] + w[3] * lr[i + 3] + log(c->p->rate_factor[k]);
    const double ln_rev = lnR + tab->db_ln_alpha[k] + tab->db_beta[k] * lnT9 + tab->db_gamma[k] / T9;
    c->kf[k] = Gam * exp(lnR) / (r->a == r->b ? 2.0 : 1.0);
    if (r->d >= 0)
      c->kr[k] = Gam * exp(ln_rev) / (r->c == r->d ? 2.0 : 1.0);
    else
      c->kr[k] = exp(ln_rev);
  }
  double r = Tn / T;
  /* T_nu/T outside the weak-rate table [0.5, 1.3] (entropy or neutrino injection): the rates are
   * held at the table edge and, while they matter (above 30 keV; below, the n <-> p rates are
   * free-neutron decay), the result is marked (bbn_result.weak_table_clamped). Reaching the edge
   * takes Delta N_eff > 5 or eta_BBN/eta_CMB > 2.8: such points are excluded regardless */
  if ((r < tab->r_min || r > tab->r_max) && T > BBN_WEAK_TNU_IRRELEVANT_MEV) c->clamped = 1;
  if (r < tab->r_min) r = tab->r_min;
  if (r > tab->r_max) r = tab->r_max;
  fb_err e;
  if (bbn_weak_rates(tab, T, r, c->p->tau_n_s, &c->lam_np, &c->lam_pn, &e) != FB_OK) {
    fb_ode_set_reason(c->ode, "weak rates: %s", e.msg);
    return -1;
  }
  c->last_t = t;
  return 0;
}

/* The new-physics sources (user hook bbn_params.source and the decaying particle's meson-driven
 * conversion, bbn_decay_network_source) at time t: added to dY and to the n <-> p rates. Called
 * in both stages, so they act at every temperature from T_start on. */
static int net_sources(net_ctx *c, double t, const double *Y, double *dY, double *lnp, double *lpn) {
  if (!c->p->source && !(c->p->decay && (c->p->decay->mesons || c->p->decay->nu_conversion))) return 0;
  double T, Tn, nb;
  bbn_background_at(c->bg, t, &T, &Tn, &nb);
  if (c->p->source) {
    double enp = 0, epn = 0, extra[BBN_N_NUC] = {0};
    int rc = c->p->source(t, T, Y, c->p->source_ctx, extra, &enp, &epn);
    if (rc != 0) {
      fb_ode_set_reason(c->ode, "network source hook returned %d", rc);
      return -1;
    }
    for (int s = 0; s < BBN_N_NUC; ++s) dY[s] += extra[s];
    *lnp += enp;
    *lpn += epn;
  }
  if (c->p->decay) {
    double enp = 0, epn = 0;
    bbn_decay_network_source(c->tab, c->p->decay, c->bg, c->nct, t, T, nb, Y, &enp, &epn, NULL, NULL, NULL, NULL);
    *lnp += enp;
    *lpn += epn;
  }
  return 0;
}

static int net_rhs(double t, const double *Y_in, double *dY, void *user) {
  net_ctx *c = user;
  if (net_rates(c, t) != 0) return -1;
  const double *Y = Y_in;
  for (int s = 0; s < BBN_N_NUC; ++s) dY[s] = 0.0;
  double lnp = c->lam_np, lpn = c->lam_pn;
  if (net_sources(c, t, Y, dY, &lnp, &lpn) != 0) return -1;
  const double w = -lnp * Y[BBN_N] + lpn * Y[BBN_P];
  dY[BBN_N] += w;
  dY[BBN_P] -= w;
  for (int k = 0; k < BBN_N_REAC; ++k) {
    const bbn_reaction *r = &bbn_reactions[k];
    const double F = c->kf[k] * Y[r->a] * Y[r->b];
    const double B = (r->d >= 0) ? c->kr[k] * Y[r->c] * Y[r->d] : c->kr[k] * Y[r->c];
    const double net = F - B;
    dY[r->a] -= net;
    dY[r->b] -= net;
    dY[r->c] += net;
    if (r->d >= 0) dY[r->d] += net;
  }
  return 0;
}

/* Stage 1 (T_start -> T_network): only n <-> p; the nuclei are in NSE with negligible
 * abundances (Y_d < 1e-11 above T9 = 8), which the network starts from at T_network. */
static int np_rhs(double t, const double *Y, double *dY, void *user) {
  net_ctx *c = user;
  if (net_rates(c, t) != 0) return -1;
  double Yf[BBN_N_NUC] = {0}, dYf[BBN_N_NUC] = {0};
  Yf[BBN_N] = Y[0];
  Yf[BBN_P] = Y[1];
  double lnp = c->lam_np, lpn = c->lam_pn;
  if (net_sources(c, t, Yf, dYf, &lnp, &lpn) != 0) return -1;
  const double w = -lnp * Y[0] + lpn * Y[1];
  dY[0] = w + dYf[BBN_N];
  dY[1] = -w + dYf[BBN_P];
  return 0;
}

/* Jacobian of the new-physics n <-> p terms at (t, Y), added to J (n x n, row-major, indices in,
 * ip of n and p): the user hook's extra rates (their dependence on Y neglected) and the exact
 * derivatives of the meson-driven fluxes (which saturate, so that lam * Y is not linear in Y). */
static int np_source_jac(net_ctx *c, double t, const double *Y, int n, int in, int ip, double *J) {
  if (!c->p->source && !(c->p->decay && (c->p->decay->mesons || c->p->decay->nu_conversion))) return 0;
  double T, Tn, nb;
  bbn_background_at(c->bg, t, &T, &Tn, &nb);
  if (c->p->source) {
    double enp = 0, epn = 0, extra[BBN_N_NUC] = {0};
    if (c->p->source(t, T, Y, c->p->source_ctx, extra, &enp, &epn) != 0) return -1;
    J[in * n + in] -= enp; J[in * n + ip] += epn;
    J[ip * n + in] += enp; J[ip * n + ip] -= epn;
  }
  if (c->p->decay) {
    double lnp, lpn, dpn, dnp, dpn_n, dnp_p;
    bbn_decay_network_source(c->tab, c->p->decay, c->bg, c->nct, t, T, nb, Y, &lnp, &lpn, &dpn, &dnp, &dpn_n, &dnp_p);
    /* dY_n/dt = F_pn - F_np, dY_p/dt = F_np - F_pn */
    J[in * n + ip] += dpn; J[ip * n + ip] -= dpn;
    J[ip * n + in] += dnp; J[in * n + in] -= dnp;
    J[in * n + in] += dpn_n; J[ip * n + in] -= dpn_n;
    J[ip * n + ip] += dnp_p; J[in * n + ip] -= dnp_p;
  }
  return 0;
}

static int np_jac(double t, const double *Y, const double *dY, double *J, void *user) {
  (void)dY;
  net_ctx *c = user;
  if (net_rates(c, t) != 0) return -1;
  double Yf[BBN_N_NUC] = {0};
  Yf[BBN_N] = Y[0];
  Yf[BBN_P] = Y[1];
  J[0] = -c->lam_np; J[1] = c->lam_pn;
  J[2] = c->lam_np;  J[3] = -c->lam_pn;
  return np_source_jac(c, t, Yf, 2, 0, 1, J);
}

static int net_jac(double t, const double *Y_in, const double *dY, double *J, void *user) {
  (void)dY;
  net_ctx *c = user;
  if (net_rates(c, t) != 0) return -1;
  const double *Y = Y_in;
  const int n = BBN_N_NUC;
  J[BBN_N * n + BBN_N] -= c->lam_np;
  J[BBN_N * n + BBN_P] += c->lam_pn;
  J[BBN_P * n + BBN_N] += c->lam_np;
  J[BBN_P * n + BBN_P] -= c->lam_pn;
  if (np_source_jac(c, t, Y, n, BBN_N, BBN_P, J) != 0) return -1;
  for (int k = 0; k < BBN_N_REAC; ++k) {
    const bbn_reaction *r = &bbn_reactions[k];
    /* d(net)/dY_j for the species involved */
    double dnet[BBN_N_NUC] = {0};
    dnet[r->a] += c->kf[k] * Y[r->b];
    dnet[r->b] += c->kf[k] * Y[r->a];
    if (r->d >= 0) {
      dnet[r->c] -= c->kr[k] * Y[r->d];
      dnet[r->d] -= c->kr[k] * Y[r->c];
    } else {
      dnet[r->c] -= c->kr[k];
    }
    const int sp[4] = {r->a, r->b, r->c, r->d};
    const double sg[4] = {-1.0, -1.0, 1.0, 1.0};
    for (int m = 0; m < 4; ++m) {
      if (sp[m] < 0) continue;
      for (int j = 0; j < n; ++j)
        if (dnet[j] != 0.0) J[sp[m] * n + j] += sg[m] * dnet[j];
    }
  }
  return 0;
}

/* Forward sensitivities (bbn_solve_sens): parameters p_j = ln R_j (j < BBN_N_REAC; forward and reverse rate
 * scale together, so d(F - B)/d ln R_j = F_j - B_j) and p = ln tau_n (both weak rates scale as 1/tau_n,
 * bbn_weak_rates, so d w / d ln tau_n = -w for the n <-> p flux w). ds_j/dt = J s_j + df/dp_j. */
static int net_sens(double t, const double *Y, const double *dY, int ns, const double *const *s, double *const *ds,
                    void *user) {
  net_ctx *c = user;
  const int n = BBN_N_NUC;
  double J[BBN_N_NUC * BBN_N_NUC] = {0};
  if (net_jac(t, Y, dY, J, c) != 0) return -1;
  for (int j = 0; j < ns; ++j)
    for (int i = 0; i < n; ++i) {
      double v = 0.0;
      for (int m = 0; m < n; ++m) v += J[i * n + m] * s[j][m];
      ds[j][i] = v;
    }
  for (int j = 0; j < c->n_sr; ++j) {
    const int k = c->sens_map[j];
    const bbn_reaction *r = &bbn_reactions[k];
    const double net = c->kf[k] * Y[r->a] * Y[r->b] - ((r->d >= 0) ? c->kr[k] * Y[r->c] * Y[r->d] : c->kr[k] * Y[r->c]);
    ds[j][r->a] -= net;
    ds[j][r->b] -= net;
    ds[j][r->c] += net;
    if (r->d >= 0) ds[j][r->d] += net;
  }
  const double w = -c->lam_np * Y[BBN_N] + c->lam_pn * Y[BBN_P];
  ds[c->n_sr][BBN_N] -= w;
  ds[c->n_sr][BBN_P] += w;
  return 0;
}

/* stage 1 (n, p only): the one sensitivity to ln tau_n */
static int np_sens(double t, const double *Y, const double *dY, int ns, const double *const *s, double *const *ds,
                   void *user) {
  (void)ns;
  net_ctx *c = user;
  double J[4];
  if (np_jac(t, Y, dY, J, c) != 0) return -1;
  const double w = -c->lam_np * Y[0] + c->lam_pn * Y[1];
  ds[0][0] = J[0] * s[0][0] + J[1] * s[0][1] - w;
  ds[0][1] = J[2] * s[0][0] + J[3] * s[0][1] + w;
  return 0;
}

/* NSE for the nuclei at the start of the nuclear network, given Y_n and Y_p: Saha equilibrium
 * built from the detailed-balance ratios of the network's own reactions (so the start is
 * consistent with the reverse rates). */
static void nse_initial(net_ctx *c, double t0, double Yn, double Yp, double *Y) {
  double T, Tn, nb;
  bbn_background_at(c->bg, t0, &T, &Tn, &nb);
  memset(Y, 0, sizeof(double) * BBN_N_NUC);
  Y[BBN_N] = Yn;
  Y[BBN_P] = Yp;
  const double hc = FB_HBARC_GEV_CM * 1e3;
  const double Gam = nb / (hc * hc * hc) / FB_AVOGADRO_MOL;
  const double T9 = T * T9_PER_MEV, lnT9 = log(T9);
  const bbn_tables *tab = c->tab;
  double ratio[BBN_N_REAC];
  for (int k = 0; k < BBN_N_REAC; ++k)
    ratio[k] = exp(tab->db_ln_alpha[k] + tab->db_beta[k] * lnT9 + tab->db_gamma[k] / T9);
  /* captures: Y_c = Gam Y_a Y_b / ratio (ratio = lambda_rev / R); 2-2: Y_c Y_d ratio = Y_a Y_b */
  Y[BBN_D] = Gam * Y[BBN_N] * Y[BBN_P] / ratio[0];
  Y[BBN_HE3] = Gam * Y[BBN_D] * Y[BBN_P] / ratio[1];
  Y[BBN_T] = Y[BBN_HE3] * Y[BBN_N] / (Y[BBN_P] * ratio[7]);
  /* 4He, 7Li and 7Be are NOT in NSE at T_network (deuterium bottleneck: NSE would put most
   * neutrons into 4He below T ~ 0.3 MeV): their abundances there are < 1e-17 (a run starting
   * the network at 0.7 MeV gives Y_4He = 2.5e-19 at 0.47 MeV), so they start at zero. */
  Y[BBN_HE4] = 0.0;
  Y[BBN_LI7] = 0.0;
  Y[BBN_BE7] = 0.0;
  Y[BBN_LI6] = 0.0;
}

double bbn_background_time_at_T(const bbn_background *bg, double T_target) {
  double lo = log(bg->t_start_s), hi = log(bg->t_end_s);
  for (int it = 0; it < 100; ++it) {
    const double mid = 0.5 * (lo + hi);
    double T, Tn, nb;
    bbn_background_at(bg, exp(mid), &T, &Tn, &nb);
    if (T > T_target) lo = mid; else hi = mid;
  }
  return exp(0.5 * (lo + hi));
}

/* bbn_solve, and with S != NULL the forward sensitivities S[j][s] = d Y_s / d p_j at the end (net_sens) to the
 * ln R of the n_reac reactions reac[] (rows 0 .. n_reac-1) and to ln tau_n (row n_reac) */
static int solve_impl(const bbn_tables *tab, const bbn_params *p, bbn_result *res, double S[BBN_N_SENS][BBN_N_NUC],
                      const int *reac, int n_reac, fb_err *err) {
  FB_CALL(err, bbn_params_check(p, err));
  memset(res, 0, sizeof(*res));
  /* the theory errors of the chi^2 (bbn_theory_err.c: cached, so a scan pays them once per node) */
  if (p->theory_errors == BBN_TH_PROPAGATED) {
    FB_CALL(err, bbn_theory_err_get(tab, p->omega_b_h2, &res->th_sigma_Yp, &res->th_rel_DH, err));
  } else {
    res->th_sigma_Yp = BBN_TH_YP_SIGMA;
    res->th_rel_DH = BBN_TH_DH_REL;
  }
  bbn_background bg;
  res->eta_bbn_over_eta_cmb = 1.0;
  res->T_decay_MeV = NAN;
  if (p->decay) {
    FB_CALL(err, bbn_decay_background(tab, p, &bg, &res->eta_bbn_over_eta_cmb, &res->T_decay_MeV, err));
    res->mY_GeV = bg.mY_GeV;
    res->rhoX_over_rhorad_max = bg.rhoX_over_rad_max;
    res->frac_after_photo = bg.frac_after_photo;
    res->frac_after_100s = bg.frac_after_100s;
  } else {
    FB_CALL(err, bbn_background_get(tab, p, &bg, err));
  }
  int rc = FB_OK;
  fb_ode ode, ode1;
  memset(&ode, 0, sizeof(ode));
  memset(&ode1, 0, sizeof(ode1));
  net_ctx c;
  memset(&c, 0, sizeof(c));
  c.tab = tab;
  c.p = p;
  c.bg = &bg;
  c.ode = &ode;
  c.last_t = -1.0;
  c.n_sr = S ? n_reac : 0;
  for (int j = 0; j < c.n_sr; ++j) c.sens_map[j] = reac[j];
  bbn_nu_conv_table nct;
  memset(&nct, 0, sizeof(nct));
  if (p->decay && p->decay->nu_conversion && p->decay->n_nu_groups > 0 && !p->decay->nu_conv_direct) {
    FB_CALL_GOTO(err, rc, bbn_nu_conv_table_init(&nct, &bg, BBN_NU_CONV_DLNT, err), cleanup);
    c.nct = &nct;
  }
  fb_ode_options opt;
  fb_ode_options_default(&opt);
  opt.rtol = p->rtol;
  opt.atol = p->atol;
  /* 7Li, 7Be (~4e-10) and 6Li (~1e-14) need a smaller absolute tolerance than the default 1e-16
   * to be accurate to better than 1e-4 relative */
  double atol_vec[BBN_N_NUC];
  for (int s = 0; s < BBN_N_NUC; ++s) atol_vec[s] = p->atol;
  atol_vec[BBN_LI7] = atol_vec[BBN_BE7] = 1e-2 * p->atol;
  atol_vec[BBN_LI6] = 1e-5 * p->atol;
  opt.atol_vec = atol_vec;
  opt.max_steps = 100000;
  const double t0 = bg.t_start_s, t1 = bbn_background_time_at_T(&bg, p->T_end_MeV);
  opt.t_stop = t1;
  opt.have_t_stop = 1;
  double Y[BBN_N_NUC];
  /* stage 1: n <-> p in weak equilibrium n/p = exp(-Q/T) at T_start, to T_network */
  const double t_net = bbn_background_time_at_T(&bg, p->T_network_MeV);
  {
    double T, Tn, nb;
    bbn_background_at(&bg, t0, &T, &Tn, &nb);
    const double Q = (FB_MN_GEV - FB_MP_GEV) * 1e3;
    double Ynp[2] = {1.0 / (1.0 + exp(Q / T)), 0.0};
    Ynp[1] = 1.0 - Ynp[0];
    if (t_net > t0) {
      c.ode = &ode1;
      fb_ode_options o1 = opt;
      o1.t_stop = t_net;
      o1.atol = 1e-12;
      o1.atol_vec = NULL;
      const double Ynp0[2] = {Ynp[0], Ynp[1]};
      /* with a decaying particle the meson-driven rates switch off like exp(-t/tau) and can exceed
       * the weak rates by orders of magnitude: if the error test fails repeatedly, restart from
       * T_start with rtol/10 (at most BBN_MAX_RETRY times, counted in res->restarts) */
      for (int attempt = 0;; ++attempt) {
        FB_CALL_GOTO(err, rc, fb_ode_init(&ode1, 2, np_rhs, np_jac, &c, &o1, err), cleanup);
        Ynp[0] = Ynp0[0];
        Ynp[1] = Ynp0[1];
        FB_CALL_GOTO(err, rc, fb_ode_reset(&ode1, t0, Ynp, err), cleanup);
        if (S) { /* the start (weak equilibrium at T_start) does not depend on tau_n */
          const double s0[2] = {0.0, 0.0};
          FB_CALL_GOTO(err, rc, fb_ode_sens_init(&ode1, 1, np_sens, s0, err), cleanup);
        }
        rc = fb_ode_solve(&ode1, t_net, Ynp, err);
        /* a step sequence that left the physical range (saturating meson fluxes much faster than
         * the weak rates can mislead the error test) is redone like a failure */
        if (rc == FB_OK && !(Ynp[0] > -1e-6 && Ynp[1] > -1e-6 && Ynp[0] + Ynp[1] < 1.0 + 1e-6)) {
          rc = fb_err_set(err, FB_ERR_NUMERIC, __func__, __LINE__,
                          "n <-> p stage left the physical range (Y_n = %g, Y_p = %g)", Ynp[0], Ynp[1]);
        }
        if (rc == FB_OK) break;
        if (attempt == BBN_MAX_RETRY) {
          fb_err_push(err, rc, __func__, __LINE__, "n <-> p stage (after restarts)");
          goto cleanup;
        }
        fb_err_clear(err);
        fb_ode_free(&ode1);
        o1.rtol *= 0.1;
        ++res->restarts;
      }
      c.ode = &ode;
    }
    nse_initial(&c, t_net > t0 ? t_net : t0, Ynp[0], Ynp[1], Y);
    if (S) { /* the NSE start depends on the rates only through their ratios (not on R_k): tau_n through n, p */
      memset(S, 0, sizeof(double) * BBN_N_SENS * BBN_N_NUC);
      double sn = 0.0, sp = 0.0;
      if (t_net > t0) {
        double s1[2];
        FB_CALL_GOTO(err, rc, fb_ode_sens_get(&ode1, s1, err), cleanup);
        sn = s1[0], sp = s1[1];
      }
      double *st = S[n_reac];
      st[BBN_N] = sn;
      st[BBN_P] = sp; /* Y_d ~ Y_n Y_p, Y_3He ~ Y_d Y_p, Y_t ~ Y_3He Y_n / Y_p (nse_initial) */
      st[BBN_D] = Y[BBN_D] * (sn / Y[BBN_N] + sp / Y[BBN_P]);
      st[BBN_HE3] = Y[BBN_HE3] * (st[BBN_D] / Y[BBN_D] + sp / Y[BBN_P]);
      st[BBN_T] = Y[BBN_T] * (st[BBN_HE3] / Y[BBN_HE3] + sn / Y[BBN_N] - sp / Y[BBN_P]);
    }
  }
  const double t_nuc = t_net > t0 ? t_net : t0;
  FB_CALL_GOTO(err, rc, fb_ode_init(&ode, BBN_N_NUC, net_rhs, net_jac, &c, &opt, err), cleanup);
  FB_CALL_GOTO(err, rc, fb_ode_reset(&ode, t_nuc, Y, err), cleanup);
  if (S) FB_CALL_GOTO(err, rc, fb_ode_sens_init(&ode, n_reac + 1, net_sens, &S[0][0], err), cleanup);
  /* Integrate through BBN_N_SEG segments (log-spaced in t). CVODE occasionally stalls (error test
   * failing repeatedly) on the deuterium quasi-equilibrium, whose photodissociation rate reaches
   * 1e10-1e14 /s while the reaction extent must stay accurate to 1e-18: the local error estimate
   * then carries the history of the stiff mode. A fresh start from the last segment boundary
   * (order 1, new history) with rtol/10 resolves it; at most BBN_MAX_RETRY restarts per
   * evaluation, each recorded in res->restarts. */
  {
    double Yseg[BBN_N_NUC], Sseg[BBN_N_SENS][BBN_N_NUC];
    memcpy(Yseg, Y, sizeof(Yseg));
    if (S) memcpy(Sseg, S, sizeof(Sseg));
    double t_prev = t_nuc;
    int retries = 0;
    for (int k = 1; k <= BBN_N_SEG; ++k) {
      const double tk = (k == BBN_N_SEG) ? t1 : t_nuc * pow(t1 / t_nuc, (double)k / BBN_N_SEG);
      rc = fb_ode_solve(&ode, tk, Y, err);
      while (rc != FB_OK && retries < BBN_MAX_RETRY) {
        ++retries;
        fb_err_clear(err);
        fb_ode_free(&ode);
        fb_ode_options o2 = opt;
        o2.rtol = opt.rtol * pow(0.1, retries);
        FB_CALL_GOTO(err, rc, fb_ode_init(&ode, BBN_N_NUC, net_rhs, net_jac, &c, &o2, err), cleanup);
        FB_CALL_GOTO(err, rc, fb_ode_reset(&ode, t_prev, Yseg, err), cleanup);
        if (S) FB_CALL_GOTO(err, rc, fb_ode_sens_init(&ode, n_reac + 1, net_sens, &Sseg[0][0], err), cleanup);
        rc = fb_ode_solve(&ode, tk, Y, err);
      }
      if (rc != FB_OK) {
        fb_err_push(err, rc, __func__, __LINE__, "network integration (after restarts)");
        goto cleanup;
      }
      memcpy(Yseg, Y, sizeof(Yseg));
      if (S) {
        FB_CALL_GOTO(err, rc, fb_ode_sens_get(&ode, &Sseg[0][0], err), cleanup);
        memcpy(S, Sseg, sizeof(Sseg));
      }
      t_prev = tk;
    }
    res->restarts += retries;
  }
  fb_ode_stats st;
  FB_CALL_GOTO(err, rc, fb_ode_get_stats(&ode, &st, err), cleanup);
  for (int s = 0; s < BBN_N_NUC; ++s) res->Y[s] = Y[s];
  const double YH = Y[BBN_P];
  res->Yp = 4.0 * Y[BBN_HE4];
  double mass = 0.0;
  for (int s = 0; s < BBN_N_NUC; ++s) mass += Y[s] * bbn_nuclide_mass_MeV(s);
  res->Yp_mass = Y[BBN_HE4] * bbn_nuclide_mass_MeV(BBN_HE4) / mass;
  res->D_H = Y[BBN_D] / YH;
  res->He3_H = (Y[BBN_HE3] + Y[BBN_T]) / YH;
  res->Li7_H = (Y[BBN_LI7] + Y[BBN_BE7]) / YH;
  res->Li6_H = Y[BBN_LI6] / YH;
  res->Neff = bg.Neff;
  res->Neff_rec = bg.Neff_rec;
  res->weak_table_clamped = c.clamped;
  res->nb_comoving = bg.nb_start_MeV3;
  res->eta = bg.eta;
  res->T_nu_over_T = bg.Tnu_over_T_end;
  res->T_numu_over_T = bg.Tnumu_over_T_end;
  res->chi2 = bbn_chi2_th(res->Yp_mass, res->D_H, res->th_sigma_Yp, res->th_rel_DH);
  res->t_end_s = t1;
  res->steps = st.steps;
  for (int s = 0; s < BBN_N_NUC; ++s)
    FB_TEST_GOTO(err, rc, !(Y[s] > -1e-12) || !isfinite(Y[s]), FB_ERR_NUMERIC, cleanup,
                 "network: Y[%s] = %g at the end", bbn_nuclides[s].name, Y[s]);
cleanup:
  fb_ode_free(&ode);
  fb_ode_free(&ode1);
  bbn_nu_conv_table_free(&nct);
  bbn_background_free(&bg);
  return rc;
}

int bbn_solve(const bbn_tables *tab, const bbn_params *p, bbn_result *res, fb_err *err) {
  return solve_impl(tab, p, res, NULL, NULL, 0, err);
}

int bbn_solve_sens(const bbn_tables *tab, const bbn_params *p, bbn_result *res, double sens[BBN_N_SENS][4],
                   fb_err *err) {
  int all[BBN_N_REAC];
  for (int k = 0; k < BBN_N_REAC; ++k) all[k] = k;
  return bbn_solve_sens_subset(tab, p, all, BBN_N_REAC, res, sens, err);
}

int bbn_solve_sens_subset(const bbn_tables *tab, const bbn_params *p, const int *reac, int n_reac, bbn_result *res,
                          double sens[BBN_N_SENS][4], fb_err *err) {
  FB_TEST(err, p->decay || p->source, FB_ERR_INPUT,
          "forward sensitivities: only without a decaying particle and a source hook");
  FB_TEST(err, n_reac < 0 || n_reac > BBN_N_REAC, FB_ERR_RANGE, "forward sensitivities: %d reactions", n_reac);
  int used[BBN_N_REAC] = {0};
  for (int j = 0; j < n_reac; ++j) {
    FB_TEST(err, reac[j] < 0 || reac[j] >= BBN_N_REAC || used[reac[j]], FB_ERR_RANGE,
            "forward sensitivities: reaction index %d invalid or repeated", reac[j]);
    used[reac[j]] = 1;
  }
  double S[BBN_N_SENS][BBN_N_NUC];
  FB_CALL(err, solve_impl(tab, p, res, S, reac, n_reac, err));
  const double *Y = res->Y;
  double mass = 0.0;
  for (int s = 0; s < BBN_N_NUC; ++s) mass += Y[s] * bbn_nuclide_mass_MeV(s);
  memset(sens, 0, sizeof(double) * BBN_N_SENS * 4);
  for (int j = 0; j <= n_reac; ++j) {
    const double *d = S[j];
    const int row = j < n_reac ? reac[j] : BBN_SENS_TAU_N;
    double dmass = 0.0;
    for (int s = 0; s < BBN_N_NUC; ++s) dmass += d[s] * bbn_nuclide_mass_MeV(s);
    const double dlnH = d[BBN_P] / Y[BBN_P];
    sens[row][0] = d[BBN_HE4] / Y[BBN_HE4] - dmass / mass; /* Yp_mass = Y_4He m_4He / sum_s Y_s m_s */
    sens[row][1] = d[BBN_D] / Y[BBN_D] - dlnH;
    sens[row][2] = (d[BBN_HE3] + d[BBN_T]) / (Y[BBN_HE3] + Y[BBN_T]) - dlnH;
    sens[row][3] = (d[BBN_LI7] + d[BBN_BE7]) / (Y[BBN_LI7] + Y[BBN_BE7]) - dlnH;
  }
  return FB_OK;
}

int bbn_rate_sensitivities(const bbn_tables *tab, const bbn_params *p, double rel_step,
                           double sens[BBN_N_REAC][4], fb_err *err) {
  FB_TEST(err, !(rel_step > 0.0 && rel_step <= 0.5), FB_ERR_RANGE,
          "rel_step = %g outside the allowed range (0, 0.5]", rel_step);
  for (int k = 0; k < BBN_N_REAC; ++k) {
    bbn_params q = *p;
    bbn_result up, dn;
    q.rate_factor[k] = p->rate_factor[k] * (1.0 + rel_step);
    FB_CALL(err, bbn_solve(tab, &q, &up, err));
    q.rate_factor[k] = p->rate_factor[k] * (1.0 - rel_step);
    FB_CALL(err, bbn_solve(tab, &q, &dn, err));
    const double h = log((1.0 + rel_step) / (1.0 - rel_step));
    sens[k][0] = log(up.Yp / dn.Yp) / h;
    sens[k][1] = log(up.D_H / dn.D_H) / h;
    sens[k][2] = log(up.He3_H / dn.He3_H) / h;
    sens[k][3] = log(up.Li7_H / dn.Li7_H) / h;
  }
  return FB_OK;
}
