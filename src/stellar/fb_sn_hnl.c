/**
 * @file fb_sn_hnl.c
 * @brief SN1987A band of the BC6/BC7/BC8 heavy neutral lepton (production by mixing, absorption,
 *        decays through the fb_fip HNL model); see fb_sn_hnl.h.
 */
#include "fb_sn_hnl.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_fermi_dirac.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_fip.h"

static const double GEV2_TO_ERG_S_HNL = FB_GEV_TO_INV_S / FB_ERG_TO_GEV;

void fb_sn_hnl_options_default(fb_sn_hnl_options *o) {
  o->neutral_current = 1;
  o->charged_current = 1;
  o->nu_degeneracy = 0;
  o->nucleon_degeneracy = 1;
  o->model_cfg = NULL;
}

/* Static structure function of a non-relativistic ideal nucleon gas for elastic neutral-current scattering
 * (zero energy and momentum transfer): S = n_eff/n, n_eff = int 2 d^3p/(2pi)^3 f (1 - f) = T dn/dmu, so with
 * n ~ F_{1/2}(eta): S = F_{-1/2}(eta)/F_{1/2}(eta) (GSL's normalised complete Fermi-Dirac integrals); S -> 1
 * for eta -> -inf (Raffelt, Stars as Laboratories (1996) sec. 4.6; Burrows & Sawyer, PRC 58 (1998) 554). */
double fb_sn_hnl_nucleon_blocking(double eta) {
  if (!isfinite(eta)) return 1.0;
  if (eta < -30.0) return 1.0;
  gsl_sf_result a, b;
  if (gsl_sf_fermi_dirac_mhalf_e(eta, &a) != GSL_SUCCESS || gsl_sf_fermi_dirac_half_e(eta, &b) != GSL_SUCCESS ||
      !(b.val > 0))
    return 1.0;
  return a.val / b.val;
}

void fb_sn_hnl_free(fb_sn_hnl *h) {
  if (!h) return;
  const fb_fip_ops *ops = h->fip_ops;
  if (ops && h->fip_state && ops->free) ops->free(h->fip_state);
  if (h->have_cfg) fb_config_free(&h->fip_cfg);
  free(h->nn_GeV3);
  free(h->np_GeV3);
  free(h->munu_GeV);
  free(h->V_GeV);
  free(h->Snn);
  free(h->Snp);
  memset(h, 0, sizeof *h);
}

int fb_sn_hnl_init(fb_sn_hnl *h, const fb_sn_medium *m, const fb_sn_profile *p, int flavour,
                   const fb_sn_hnl_options *o, fb_err *err) {
  FB_TEST(err, !h || !m || !p || !m->T_GeV, FB_ERR_INPUT, "NULL HNL state, medium or profile");
  FB_TEST(err, flavour < 0 || flavour > 2, FB_ERR_INPUT, "HNL flavour %d: allowed 0 (e), 1 (mu), 2 (tau)", flavour);
  memset(h, 0, sizeof *h);
  h->m = m;
  h->flavour = flavour;
  if (o) h->opt = *o; else fb_sn_hnl_options_default(&h->opt);
  int rc = FB_OK;
  const size_t n = m->n;
  h->nn_GeV3 = malloc(n * sizeof(double));
  h->np_GeV3 = malloc(n * sizeof(double));
  h->munu_GeV = malloc(n * sizeof(double));
  h->V_GeV = malloc(n * sizeof(double));
  h->Snn = malloc(n * sizeof(double));
  h->Snp = malloc(n * sizeof(double));
  FB_TEST_GOTO(err, rc, !h->nn_GeV3 || !h->np_GeV3 || !h->munu_GeV || !h->V_GeV || !h->Snn || !h->Snp, FB_ERR_MEMORY,
               fail,
               "cannot allocate the HNL medium (%zu points)", n);
  const double amu_g = FB_AMU_GEV * FB_GEV_G, hc3 = pow(FB_HBARC_GEV_CM, 3);
  const double dr_km = m->opt.r_far_km / (double)(n - 1);
  for (size_t i = 0; i < n; i++) {
    double r = (double)i * dr_km;
    double nB = fb_sn_profile_at(p, FB_SN_RHO_G_CM3, r) / amu_g * hc3; /* GeV^3 */
    double Xn = fb_sn_profile_at(p, FB_SN_X_N, r), Ye = fb_sn_profile_at(p, FB_SN_YE, r);
    h->nn_GeV3[i] = Xn * nB;
    h->np_GeV3[i] = fb_sn_profile_at(p, FB_SN_X_P, r) * nB;
    /* nu_alpha potential sqrt(2) G_F n_B (delta_{alpha e} Y_e - Y_n/2), Y_n = 1 - Y_e (neutrons, free or
     * bound: the neutral current counts all; Notzold & Raffelt, Nucl. Phys. B307 (1988) 924) */
    h->V_GeV[i] = sqrt(2.0) * FB_GF_GEV_M2 * nB * ((flavour == 0 ? Ye : 0.0) - 0.5 * (1.0 - Ye));
    /* beta equilibrium e- + p <-> n + nu_e: mu_nu_e = mu_e + mu_p - mu_n (nucleon mu with rest mass) */
    double mun = fb_sn_profile_at(p, FB_SN_MU_N_MEV, r), mup = fb_sn_profile_at(p, FB_SN_MU_P_MEV, r);
    /* degeneracy of the free nucleons from the profile's mu_N - m*_N (1 where absent or switched off) */
    double T_MeV = fb_sn_profile_at(p, FB_SN_T_MEV, r);
    h->Snn[i] = h->opt.nucleon_degeneracy && isfinite(mun)
                    ? fb_sn_hnl_nucleon_blocking((mun - fb_sn_profile_at(p, FB_SN_MSTAR_N_MEV, r)) / T_MeV) : 1.0;
    h->Snp[i] = h->opt.nucleon_degeneracy && isfinite(mup)
                    ? fb_sn_hnl_nucleon_blocking((mup - fb_sn_profile_at(p, FB_SN_MSTAR_P_MEV, r)) / T_MeV) : 1.0;
    double munu = 0.0;
    if (flavour == 0 && h->opt.nu_degeneracy && isfinite(mun) && isfinite(mup))
      munu = (fb_sn_profile_at(p, FB_SN_MU_E_MEV, r) + mup - mun) * 1e-3;
    h->munu_GeV[i] = munu;
  }
  const fb_fip_ops *ops = fb_fip_find(flavour == 0 ? "bc6" : flavour == 1 ? "bc7" : "bc8", NULL);
  FB_TEST_GOTO(err, rc, !ops || !ops->decay, FB_ERR_INTERNAL, fail, "HNL particle model not registered");
  h->fip_ops = ops;
  FB_CALL_GOTO(err, rc,
               h->opt.model_cfg ? fb_fip_config_from(ops, h->opt.model_cfg, &h->fip_cfg, err)
                                : fb_fip_config_default(ops, &h->fip_cfg, err),
               fail);
  h->have_cfg = 1;
  if (ops->init) FB_CALL_GOTO(err, rc, ops->init(&h->fip_state, &h->fip_cfg, err), fail);
  return FB_OK;
fail:
  fb_sn_hnl_free(h);
  return rc;
}

int fb_sn_hnl_width_GeV(const fb_sn_hnl *h, double mass_GeV, double *width, fb_err *err) {
  const fb_fip_ops *ops = h->fip_ops;
  fb_decay rec;
  FB_CALL(err, ops->decay(h->fip_state, mass_GeV, 1.0, &rec, err));
  *width = rec.width_GeV;
  return FB_OK;
}

/* Quasi-elastic nu_e n -> e- p (anti = 0) or anti-nu_e p -> e+ n (anti = 1) on static nucleons:
 * sigma = G_F^2 V_ud^2 (g_V^2 + 3 g_A^2) E_e p_e/pi, g_V = 1, E_e = E_nu +- (m_n - m_p), final-state
 * blocking 1 - f_e(E_e) (e+ at -mu_e) (Bruenn, ApJS 58 (1985) 771, eq. C14 in the static limit;
 * Burrows, Reddy & Thompson astro-ph/0404432 sec. 3). emission = 1: the inverse process e- p -> nu_e n
 * (e+ n -> anti-nu_e p) per final neutrino mode, n f_e(E_e) sigma with n the proton (neutron) density:
 * the same matrix element with the electron in the initial state. */
static double cc_rate(int anti, double E, double n, double mue, double T, int emission) {
  const double Q = FB_MN_GEV - FB_MP_GEV;
  double Ee = anti ? E - Q : E + Q;
  if (!(Ee > FB_ME_GEV) || !(n > 0)) return 0.0;
  double pe = sqrt(Ee * Ee - FB_ME_GEV * FB_ME_GEV);
  double x = (Ee - (anti ? -mue : mue)) / T; /* (E_e - mu)/T, e+ at -mu_e */
  double occ = emission ? (x > 0 ? exp(-x) / (1.0 + exp(-x)) : 1.0 / (1.0 + exp(x)))  /* f_e */
                       : (x > 0 ? 1.0 / (1.0 + exp(-x)) : exp(x) / (1.0 + exp(x))); /* 1 - f_e */
  const double gA = FB_GA_NUCLEON;
  return n * FB_GF_GEV_M2 * FB_GF_GEV_M2 * FB_VUD * FB_VUD * (1.0 + 3.0 * gA * gA) * Ee * pe * occ / FB_PI;
}

double fb_sn_hnl_kappa_cc_GeV(int anti, double E, double n, double mue, double T) {
  return cc_rate(anti, E, n, mue, T, 0);
}

double fb_sn_hnl_emission_cc_GeV(int anti, double E, double n, double mue, double T) {
  return cc_rate(anti, E, n, mue, T, 1);
}

/* sin^2 2theta_m = sin^2 2theta/((cos 2theta - 2EV/m^2)^2 + sin^2 2theta) (e.g. Mastrototaro et al.
 * arXiv:1910.10249 sec. 2; Raffelt & Sigl astro-ph/9206001); for theta -> 0 the ratio to sin^2 2theta is
 * 1/(1 - 2EV/m^2)^2. The resonance 2EV = m^2 needs E V >= (10 MeV)^2/2, far above SN values. */
double fb_sn_hnl_mixing_factor(double E, double V, double mass) {
  double x = 1.0 - 2.0 * E * V / (mass * mass);
  return 1.0 / (x * x);
}

typedef struct hnl_pt {
  double T, nn, np, munu, V, lapse, mue, Snn, Snp;
} hnl_pt;

static hnl_pt hnl_at(const fb_sn_hnl *h, double r) {
  const fb_sn_medium *m = h->m;
  double x = r / m->dr_invGeV;
  size_t i = x <= 0 ? 0 : (size_t)x;
  if (i > m->n - 2) i = m->n - 2;
  double t = fmin(fmax(x - (double)i, 0.0), 1.0);
#define LI(a) ((a)[i] + t * ((a)[i + 1] - (a)[i]))
  hnl_pt q = {LI(m->T_GeV), LI(h->nn_GeV3), LI(h->np_GeV3), LI(h->munu_GeV), LI(h->V_GeV), LI(m->lapse),
              LI(m->mue_GeV), LI(h->Snn), LI(h->Snp)};
#undef LI
  return q;
}

/* Fermi-Dirac occupation 1/(e^{(E - mu)/T} + 1), overflow-safe. */
static double fermi(double E, double mu, double T) {
  double x = (E - mu) / T;
  return x > 0 ? exp(-x) / (1.0 + exp(-x)) : 1.0 / (1.0 + exp(x));
}

/* Absorption rate per |U|^2 [GeV] of an N of energy E made from nu (anti = 0) or anti-nu (anti = 1):
 * |U_m|^2/|U|^2 x [kappa_NC (1 - f_nu) + kappa_CC]. */
static double hnl_absorption(const fb_sn_hnl *h, const hnl_pt *q, int anti, double E, double mass) {
  double sgn = anti ? -1.0 : 1.0, a = 0.0;
  if (h->opt.neutral_current)
    a += fb_sn_nu_nc_opacity_GeV(q->nn * q->Snn, q->np * q->Snp, E) * (1.0 - fermi(E, sgn * q->munu, q->T));
  if (h->flavour == 0 && h->opt.charged_current)
    a += fb_sn_hnl_kappa_cc_GeV(anti, E, anti ? q->np : q->nn, q->mue, q->T);
  return a * fb_sn_hnl_mixing_factor(E, sgn * q->V, mass);
}

/* Optical depth per |U|^2 along one ray (trapezoid in s = smax t^2, as fb_sn_alp.c). */
static double hnl_ray_tau(const fb_sn_hnl *h, double mass, double width1, int anti, double r0, double E0, double mu) {
  const fb_sn_medium *m = h->m;
  const int N = m->opt.n_path;
  if (!m->opt.absorption && !m->opt.decays) return 0.0;
  const double re = m->r_tau_invGeV;
  if (!(r0 < re)) return 0.0;
  double smax = -r0 * mu + sqrt(re * re - r0 * r0 * (1.0 - mu * mu));
  double lapse0 = hnl_at(h, r0).lapse, tau = 0.0, prev = 0.0, s_prev = 0.0;
  for (int j = 0; j <= N; j++) {
    double t = (double)j / N, s = smax * t * t;
    double r = sqrt(fmax(r0 * r0 + s * s + 2.0 * r0 * s * mu, 0.0));
    hnl_pt q = hnl_at(h, r);
    double E = E0 * lapse0 / q.lapse, p2 = E * E - mass * mass;
    if (!(p2 > 0)) return INFINITY; /* gravitationally trapped */
    double p = sqrt(p2), rate = 0.0;
    if (m->opt.absorption) rate += hnl_absorption(h, &q, anti, E, mass);
    if (m->opt.decays) rate += width1 * mass / E; /* boosted decay rate */
    double f = rate * E / p;                      /* per unit length: rate / v */
    if (j > 0) tau += 0.5 * (prev + f) * (s - s_prev);
    prev = f;
    s_prev = s;
  }
  return tau;
}

int fb_sn_hnl_table_compute(fb_sn_table *t, const fb_sn_hnl *h, double mass_GeV, fb_err *err) {
  FB_TEST(err, !t || !h || !h->m, FB_ERR_INPUT, "NULL table or HNL state");
  FB_TEST(err, !(mass_GeV > 1e-3 && mass_GeV <= 10.0), FB_ERR_RANGE,
          "mass_GeV = %g out of range: allowed 0.001 < mass_GeV <= 10 (the HNL model's range)", mass_GeV);
  const fb_sn_medium *m = h->m;
  double width1;
  FB_CALL(err, fb_sn_hnl_width_GeV(h, mass_GeV, &width1, err));
  const int nr = m->opt.n_radial, ne = m->opt.n_energy;
  const size_t nm = (size_t)m->opt.n_mu, cap = 2 * (size_t)nr * (size_t)ne;
  if (t->cap < cap || t->n_mu != nm) {
    double *W = realloc(t->W, cap * sizeof *W);
    if (W) t->W = W;
    double *tau = W ? realloc(t->tau, cap * nm * sizeof *tau) : NULL;
    if (tau) t->tau = tau;
    double *wmu = tau ? realloc(t->wmu, nm * sizeof *wmu) : NULL;
    if (wmu) t->wmu = wmu;
    FB_TEST(err, !W || !tau || !wmu, FB_ERR_MEMORY, "cannot allocate the HNL SN table (%zu elements)", cap);
    t->cap = cap;
    t->n_mu = nm;
    /* the shell-average arrays (fb_sn_table_reserve) no longer match cap: dropped, so that another builder's reserve
     * allocates them anew */
    free(t->el_node), free(t->tau_lo), free(t->tau_hi);
    t->el_node = NULL;
    t->tau_lo = t->tau_hi = NULL;
  }
  t->mass_GeV = mass_GeV;
  t->shell_avg = 0; /* midpoint rule (fb_sn_table_shell_average is not applied to the HNL tables) */
  t->n_el = 0;
  t->L0_T = t->L0_L = t->L0_res = 0.0;
  for (size_t k = 0; k < nm; k++) t->wmu[k] = m->wmu[k];
  const double dR = m->r_emit_invGeV / nr;
  for (int i = 0; i < nr; i++) {
    double rlo = i * dR, rhi = (i + 1) * dR, r0 = (i + 0.5) * dR;
    double Vol = 4.0 * FB_PI / 3.0 * (rhi * rhi * rhi - rlo * rlo * rlo);
    hnl_pt q = hnl_at(h, r0);
    /* luminosity at infinity (lapse^2), weighted by the emission edge */
    double fac = Vol * q.lapse * q.lapse * GEV2_TO_ERG_S_HNL * fb_sn_emission_weight(m, r0);
    double E_min = fmax(mass_GeV, mass_GeV * m->lapse_far / q.lapse); /* escapes gravity */
    for (int k = 0; k < ne; k++) {
      double u = m->u[k], E = E_min + q.T * u, p = sqrt(fmax(E * E - mass_GeV * mass_GeV, 0.0));
      if (!(p > 0)) continue;
      /* int_{E_min} dE F = T sum wu_k F(E_k) e^{u_k}/sqrt(u_k); energy emitted per volume and time per
       * |U|^2: int dE E (p E/2 pi^2) P(E), P the production rate per N mode */
      double qw = fac * q.T * m->wu[k] / sqrt(u) * E * p * E / (2.0 * FB_PI * FB_PI);
      for (int anti = 0; anti < 2; anti++) {
        double sgn = anti ? -1.0 : 1.0, mu = sgn * q.munu;
        double S = fb_sn_hnl_mixing_factor(E, sgn * q.V, mass_GeV);
        /* e^{u} f(E) and e^{u} e^{-(E - mu)/T} with E = E_min + T u, without overflow */
        double eu_f = 1.0 / (exp(-u) + exp((E_min - mu) / q.T));
        double Pnc = h->opt.neutral_current ? eu_f * fb_sn_nu_nc_opacity_GeV(q.nn * q.Snn, q.np * q.Snp, E) : 0.0;
        double Pcc = 0.0;
        if (h->flavour == 0 && h->opt.charged_current) /* e- p -> N n, e+ n -> N p; times e^{u} of the quadrature */
          Pcc = exp(u) * fb_sn_hnl_emission_cc_GeV(anti, E, anti ? q.nn : q.np, q.mue, q.T);
        double W = qw * S * (Pnc + Pcc);
        if (!(W > 0) || !isfinite(W)) continue;
        size_t e = t->n_el++;
        t->W[e] = W;
        if (anti) t->L0_L += W; else t->L0_T += W;
        t->L0_res += qw * S * Pcc;
        for (size_t d = 0; d < nm; d++)
          t->tau[e * nm + d] = hnl_ray_tau(h, mass_GeV, width1, anti, r0, E, m->mu[d]);
      }
    }
  }
  return FB_OK;
}

int fb_sn_hnl_edges_U2(const fb_sn_table *t, double L_nu_erg_s, double *U2_low, double *U2_high, fb_err *err) {
  double lo, hi;
  FB_CALL(err, fb_sn_table_edges(t, L_nu_erg_s, &lo, &hi, NULL, err));
  *U2_low = lo * lo; /* NaN stays NaN */
  *U2_high = hi * hi;
  return FB_OK;
}
