/**
 * @file fb_sn_alp.c
 * @brief SN1987A band of the BC9 ALP (Primakoff on protons, decays); see fb_sn_alp.h.
 */
#include "fb_sn_alp.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"

static const double GEV2_TO_ERG_S_ALP = FB_GEV_TO_INV_S / FB_ERG_TO_GEV;

/* Di Lella, Pilaftsis, Raffelt & Zioutas hep-ph/0006327 eq. (3) (photon momentum k, ALP momentum p):
 * Gamma = g^2 T kappa^2/(32 pi) (p/k) { ((k+p)^2+K)((k-p)^2+K)/(4kpK) ln[((k+p)^2+K)/((k-p)^2+K)]
 *          - (k^2-p^2)^2/(4kpK) ln[(k+p)^2/(k-p)^2] - 1 },  K = kappa^2 = 4 pi alpha n/T. */
double fb_sn_alp_primakoff_GeV(double omega, double k, double mass, double n, double T) {
  double p2 = omega * omega - mass * mass;
  if (!(p2 > 0) || !(k > 0) || !(n > 0) || !(T > 0)) return 0.0;
  double p = sqrt(p2), K = 4.0 * FB_PI * FB_ALPHA_EM * n / T;
  double a = (k + p) * (k + p), b = (k - p) * (k - p);
  double t1 = (a + K) * (b + K) / (4.0 * k * p * K) * log((a + K) / (b + K));
  double t2 = b > 0 ? (k * k - p2) * (k * k - p2) / (4.0 * k * p * K) * log(a / b) : 0.0;
  double br = t1 - t2 - 1.0;
  if (br < 0) br = 0.0;
  return T * K / (32.0 * FB_PI) * (p / k) * br;
}

typedef struct alp_pt {
  double T, np, wp2, lapse;
} alp_pt;

static alp_pt alp_at(const fb_sn_medium *m, double r) {
  double x = r / m->dr_invGeV;
  size_t i = x <= 0 ? 0 : (size_t)x;
  if (i > m->n - 2) i = m->n - 2;
  double t = fmin(fmax(x - (double)i, 0.0), 1.0);
  alp_pt q;
  q.T = m->T_GeV[i] + t * (m->T_GeV[i + 1] - m->T_GeV[i]);
  q.np = m->np_GeV3[i] + t * (m->np_GeV3[i + 1] - m->np_GeV3[i]);
  q.wp2 = m->wp2_GeV2[i] + t * (m->wp2_GeV2[i + 1] - m->wp2_GeV2[i]);
  q.lapse = m->lapse[i] + t * (m->lapse[i + 1] - m->lapse[i]);
  return q;
}

/* Optical depth per g^2 along one ray (trapezoid in s = smax t^2, as for the dark photon). */
static double alp_ray_tau(const fb_sn_medium *m, double mass, double r0, double om0, double mu) {
  const int N = m->opt.n_path;
  double smax = -r0 * mu + sqrt(m->r_far_invGeV * m->r_far_invGeV - r0 * r0 * (1.0 - mu * mu));
  double lapse0 = alp_at(m, r0).lapse, tau = 0.0, prev = 0.0, s_prev = 0.0;
  double Gdec = mass * mass * mass / (64.0 * FB_PI); /* a -> gamma gamma at g = 1 GeV^-1 */
  for (int j = 0; j <= N; j++) {
    double t = (double)j / N, s = smax * t * t;
    double r = sqrt(fmax(r0 * r0 + s * s + 2.0 * r0 * s * mu, 0.0));
    alp_pt q = alp_at(m, r);
    double om = om0 * lapse0 / q.lapse, p2 = om * om - mass * mass;
    if (!(p2 > 0)) return INFINITY; /* gravitationally trapped */
    double p = sqrt(p2), v = p / om, rate = 0.0;
    if (m->opt.absorption && om * om > q.wp2) {
      double k = sqrt(om * om - q.wp2);
      rate += 2.0 * (k / p) * fb_sn_alp_primakoff_GeV(om, k, mass, q.np, q.T); /* reduced, detailed balance */
    }
    if (m->opt.decays) rate += Gdec * mass / om;
    double f = rate / v;
    if (j > 0) tau += 0.5 * (prev + f) * (s - s_prev);
    prev = f;
    s_prev = s;
  }
  return tau;
}

int fb_sn_alp_table_compute(fb_sn_table *t, const fb_sn_medium *m, double mass_GeV, fb_err *err) {
  FB_TEST(err, !t || !m || !m->np_GeV3, FB_ERR_INPUT, "NULL table or uninitialised medium");
  FB_TEST(err, !(mass_GeV > 0 && mass_GeV <= 10.0), FB_ERR_RANGE,
          "mass_GeV = %g out of range: allowed 0 < mass_GeV <= 10", mass_GeV);
  const int nr = m->opt.n_radial, ne = m->opt.n_energy;
  const size_t nm = (size_t)m->opt.n_mu, cap = (size_t)nr * (size_t)ne;
  if (t->cap < cap || t->n_mu != nm) {
    double *W = realloc(t->W, cap * sizeof *W);
    if (W) t->W = W;
    double *tau = W ? realloc(t->tau, cap * nm * sizeof *tau) : NULL;
    if (tau) t->tau = tau;
    double *wmu = tau ? realloc(t->wmu, nm * sizeof *wmu) : NULL;
    if (wmu) t->wmu = wmu;
    FB_TEST(err, !W || !tau || !wmu, FB_ERR_MEMORY, "cannot allocate the ALP SN table (%zu elements)", cap);
    t->cap = cap;
    t->n_mu = nm;
  }
  t->mass_GeV = mass_GeV;
  t->n_el = 0;
  t->L0_T = t->L0_L = t->L0_res = 0.0;
  for (size_t k = 0; k < nm; k++) t->wmu[k] = m->wmu[k];
  const double dR = m->r_emit_invGeV / nr;
  for (int i = 0; i < nr; i++) {
    double rlo = i * dR, rhi = (i + 1) * dR, r0 = (i + 0.5) * dR;
    double V = 4.0 * FB_PI / 3.0 * (rhi * rhi * rhi - rlo * rlo * rlo);
    alp_pt q = alp_at(m, r0);
    double fac = V * q.lapse * q.lapse * GEV2_TO_ERG_S_ALP;
    double om_min = fmax(fmax(mass_GeV, mass_GeV * m->lapse_far / q.lapse), sqrt(q.wp2) * (1.0 + 1e-9));
    double boltz = exp(-om_min / q.T);
    for (int k = 0; k < ne; k++) {
      double u = m->u[k], om = om_min + q.T * u, x = om / q.T;
      double kg = sqrt(fmax(om * om - q.wp2, 0.0));
      /* Q = int domega 2 k omega^2 Gamma/(2 pi^2 (e^x - 1)); e^u/(e^x - 1) = e^{-om_min/T}/(1 - e^{-x}) */
      double G = fb_sn_alp_primakoff_GeV(om, kg, mass_GeV, q.np, q.T);
      double W = fac * q.T * m->wu[k] / sqrt(u) * 2.0 * kg * om * om / (2.0 * FB_PI * FB_PI) * G * boltz / (-expm1(-x));
      if (!(W > 0)) continue;
      size_t e = t->n_el++;
      t->W[e] = W;
      t->L0_T += W;
      for (size_t d = 0; d < nm; d++) t->tau[e * nm + d] = alp_ray_tau(m, mass_GeV, r0, om, m->mu[d]);
    }
  }
  return FB_OK;
}
