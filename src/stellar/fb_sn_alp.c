/**
 * @file fb_sn_alp.c
 * @brief SN1987A band of the BC9 ALP (Primakoff on protons, photon coalescence, decays); see fb_sn_alp.h.
 */
#include "fb_sn_alp.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_sn_table.h"

static const double GEV2_TO_ERG_S_ALP = FB_GEV_TO_INV_S / FB_ERG_TO_GEV;

void fb_sn_alp_options_default(fb_sn_alp_options *o) {
  o->primakoff = 1;
  o->coalescence = 1;
  o->proton_degeneracy = 1;
  o->escape_boundary = 0;
  o->r_decay_km = 0.0;
  o->bose_photons = 1;
}

/* Di Lella, Pilaftsis, Raffelt & Zioutas hep-ph/0006327 eq. (3) (photon momentum k, ALP momentum p):
 * Gamma = g^2 T kappa^2/(32 pi) (p/k) { ((k+p)^2+K)((k-p)^2+K)/(4kpK) ln[((k+p)^2+K)/((k-p)^2+K)]
 *          - (k^2-p^2)^2/(4kpK) ln[(k+p)^2/(k-p)^2] - 1 },  K = kappa^2 = 4 pi alpha n/T.
 * It is the angular integral of the screened Primakoff rate dGamma/dOmega ~ |k x p|^2/(q^2 (q^2 + K)),
 * q = k - p (Raffelt PRD 33 (1986) 897; Di Lella et al. eq. 2), checked numerically in test_sn_alp. */
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

/* a -> gamma gamma with photons of mass^2 wp2: g^2 m^3/(64 pi) in vacuum (the standard two-photon width,
 * e.g. Di Lella et al. hep-ph/0006327), times the two-body phase-space factor
 * (1 - 4 wp2/m^2)^{3/2} of massive photons (Lucente et al. arXiv:2008.04918 sec. 2). */
double fb_sn_alp_decay_width_GeV(double mass, double wp2) {
  if (!(mass > 0)) return 0.0;
  double x = 1.0 - 4.0 * fmax(wp2, 0.0) / (mass * mass);
  if (!(x > 0)) return 0.0;
  return mass * mass * mass / (64.0 * FB_PI) * x * sqrt(x);
}

/* In the plasma frame each photon energy w_1 = (E + p v cos theta*)/2 is uniform in [w_-, w_+]
 * (isotropic decay, v = photon velocity in the ALP frame). With f_1 f_2 = f(E)(1 + f_1 + f_2)
 * (Bose functions, w_1 + w_2 = E) and (1 + f_1)(1 + f_2) = e^{E/T} f_1 f_2:
 * <(1+f_1)(1+f_2)> - <f_1 f_2> = 1 + <f_1> + <f_2> = 1 + (2/(p v)) int_{w_-}^{w_+} f(w) dw
 * = 1 + (2T/(p v)) ln[(1 - e^{-w_+/T})/(1 - e^{-w_-/T})]. */
double fb_sn_alp_bose_factor(double E, double mass, double wp2, double T) {
  if (!(T > 0)) return 1.0;
  double x = 1.0 - 4.0 * fmax(wp2, 0.0) / (mass * mass);
  double p = sqrt(fmax(E * E - mass * mass, 0.0)), pv = p * sqrt(fmax(x, 0.0));
  if (pv < 1e-7 * E) return 1.0 + 2.0 / expm1(0.5 * E / T); /* limit p v -> 0: 1 + 2 f(E/2) */
  double wp = 0.5 * (E + pv), wm = 0.5 * (E - pv);
  return 1.0 + 2.0 * T / pv * (log(-expm1(-wp / T)) - log(-expm1(-wm / T)));
}

double fb_sn_alp_decay_reduced_stats_GeV(double E, double mass, double wp2, double T, int bose) {
  double G = fb_sn_alp_decay_width_GeV(mass, wp2);
  if (!(G > 0) || !(E >= mass)) return 0.0;
  return G * mass / E * (bose ? fb_sn_alp_bose_factor(E, mass, wp2, T) : 1.0);
}

double fb_sn_alp_decay_reduced_GeV(double E, double mass, double wp2, double T) {
  return fb_sn_alp_decay_reduced_stats_GeV(E, mass, wp2, T, 1);
}

/* Detailed balance: emission per ALP mode = f_B(E) x reduced absorption rate; d^3p/(2 pi)^3 =
 * p E dE/(2 pi^2). Boltzmann limit: g^2 m^4 p (1 - 4 wp2/m^2)^{3/2} e^{-E/T}/(128 pi^3)
 * (Lucente et al. arXiv:2008.04918 sec. 2; Carenza et al. arXiv:2004.08399). */
double fb_sn_alp_coalescence_stats_GeV3(double E, double mass, double wp2, double T, int bose) {
  if (!(T > 0) || !(E > mass)) return 0.0;
  double p = sqrt(E * E - mass * mass);
  /* Bose: f_B(E) = 1/(e^{E/T} - 1) times the stimulated reduced rate; Maxwell-Boltzmann: e^{-E/T}, B = 1 */
  double occ = bose ? 1.0 / expm1(E / T) : exp(-E / T);
  return p * E * fb_sn_alp_decay_reduced_stats_GeV(E, mass, wp2, T, bose) * occ / (2.0 * FB_PI * FB_PI);
}

double fb_sn_alp_coalescence_GeV3(double E, double mass, double wp2, double T) {
  return fb_sn_alp_coalescence_stats_GeV3(E, mass, wp2, T, 1);
}

/* Absorption rate per g^2 along a path (fb_sn_path_tau): inverse Primakoff (reduced rate, detailed
 * balance) + decays in the bath with Bose enhancement (the inverse of coalescence) inside r_dec. */
typedef struct alp_path {
  const fb_sn_medium *m;
  double mass, r_dec;
  int degenerate; /* fb_sn_alp_options.proton_degeneracy */
  int bose;       /* fb_sn_alp_options.bose_photons */
} alp_path;

static double alp_rate(const fb_sn_point *q, double r, double om, void *ctx) {
  const alp_path *a = ctx;
  double rate = 0.0;
  if (a->m->opt.absorption && om * om > q->wp2) {
    double k = sqrt(om * om - q->wp2), p = sqrt(fmax(om * om - a->mass * a->mass, 0.0));
    rate += 2.0 * (k / p) * fb_sn_alp_primakoff_GeV(om, k, a->mass, a->degenerate ? q->npeff : q->np, q->T); /* reduced, detailed balance */
  }
  if (a->m->opt.decays && r <= a->r_dec) rate += fb_sn_alp_decay_reduced_stats_GeV(om, a->mass, q->wp2, q->T, a->bose);
  return rate;
}

static double alp_ray_tau(const fb_sn_medium *m, double mass, double r_dec, int degenerate, int bose, double r0,
                          double om0, double mu) {
  if (!m->opt.absorption && !m->opt.decays) return 0.0;
  alp_path a = {m, mass, r_dec, degenerate, bose};
  return fb_sn_path_tau(m, mass, r0, om0, mu, alp_rate, &a);
}

int fb_sn_alp_table_compute_opt(fb_sn_table *t, const fb_sn_medium *m, double mass_GeV,
                                const fb_sn_alp_options *ao, fb_err *err) {
  FB_TEST(err, !t || !m || !m->np_GeV3, FB_ERR_INPUT, "NULL table or uninitialised medium");
  FB_TEST(err, !(mass_GeV > 0 && mass_GeV <= 10.0), FB_ERR_RANGE,
          "mass_GeV = %g out of range: allowed 0 < mass_GeV <= 10", mass_GeV);
  fb_sn_alp_options def;
  fb_sn_alp_options_default(&def);
  if (!ao) ao = &def;
  FB_TEST(err, !(ao->r_decay_km >= 0 && ao->r_decay_km <= m->opt.r_far_km), FB_ERR_RANGE,
          "r_decay_km = %g out of range: allowed 0 (= r_far_km) <= r_decay_km <= r_far_km = %g", ao->r_decay_km,
          m->opt.r_far_km);
  const double r_dec = ao->r_decay_km > 0 ? m->r_far_invGeV * ao->r_decay_km / m->opt.r_far_km : 2.0 * m->r_far_invGeV;
  const int nr = fb_sn_n_shells(m), ne = m->opt.n_energy; /* with the shell average: surface sub-shells */
  const size_t nm = (size_t)m->opt.n_mu, cap = (size_t)nr * (size_t)ne;
  FB_CALL(err, fb_sn_table_reserve(t, cap, nm, err));
  t->mass_GeV = mass_GeV;
  t->n_el = 0;
  t->L0_T = t->L0_L = t->L0_res = 0.0;
  for (size_t k = 0; k < nm; k++) t->wmu[k] = m->wmu[k];
  const double m2 = mass_GeV * mass_GeV;
  /* gravitational escape as for the dark photon (fb_sn_darkphoton.h: lapse(r) omega >= lapse(r_far) m), or
   * (escape_boundary, issue 16 systematic) only up to the end of the absorption paths */
  const double lapse_end = ao->escape_boundary ? fb_sn_point_at(m, m->r_tau_invGeV).lapse : m->lapse_far;
  for (int i = 0; i < nr; i++) {
    double rlo, rhi, r0, V;
    fb_sn_shell(m, i, &rlo, &rhi, &r0, &V); /* uniform; with the shell average the last one split (fb_sn_table.h) */
    fb_sn_point q = fb_sn_point_at(m, r0);
    /* luminosity at infinity, weighted by the emission edge (fb_sn_emission_weight) */
    double fac = V * q.lapse * q.lapse * GEV2_TO_ERG_S_ALP * fb_sn_emission_weight(m, r0);
    /* lowest energy: the ALP escapes gravity; Primakoff also needs a photon, omega > omega_p. When
     * coalescence is open (m > 2 omega_p) both lower limits coincide, so the channels share nodes. */
    int coal = ao->coalescence && m2 > 4.0 * q.wp2;
    double om_min = fmax(mass_GeV, mass_GeV * lapse_end / q.lapse);
    if (ao->primakoff) om_min = fmax(om_min, sqrt(q.wp2) * (1.0 + 1e-9));
    double boltz = exp(-om_min / q.T);
    for (int k = 0; k < ne; k++) {
      double u = m->u[k], om = om_min + q.T * u, x = om / q.T;
      /* quadrature: int_{om_min} domega F = T sum wu_k F(u_k) e^{u_k}/sqrt(u_k);
       * e^{u}/(e^{x} - 1) = e^{-om_min/T}/(1 - e^{-x}) */
      double qw = fac * q.T * m->wu[k] / sqrt(u) * boltz / (-expm1(-x));
      double WP = 0.0, WC = 0.0;
      if (ao->primakoff) {
        /* Q = int domega 2 k omega^2 Gamma/(2 pi^2 (e^x - 1)) */
        double kg = sqrt(fmax(om * om - q.wp2, 0.0));
        double G = fb_sn_alp_primakoff_GeV(om, kg, mass_GeV, ao->proton_degeneracy ? q.npeff : q.np, q.T);
        WP = qw * 2.0 * kg * om * om / (2.0 * FB_PI * FB_PI) * G;
      }
      if (coal) {
        /* energy emitted: E dN/(dV dt dE) = E p m Gamma B/(2 pi^2 (e^x - 1)); Maxwell-Boltzmann photons
         * (bose_photons = 0): e^{-x} instead of 1/(e^x - 1) (qw carries the latter) and B = 1 */
        double p = sqrt(fmax(om * om - m2, 0.0));
        WC = qw * om * p * om * fb_sn_alp_decay_reduced_stats_GeV(om, mass_GeV, q.wp2, q.T, ao->bose_photons) /
             (2.0 * FB_PI * FB_PI);
        if (!ao->bose_photons) WC *= -expm1(-x);
      }
      double W = WP + WC;
      if (!(W > 0)) continue;
      size_t e = t->n_el++;
      t->W[e] = W;
      t->L0_T += WP;
      t->L0_L += WC;
      t->el_node[e] = i * ne + k;
      for (size_t d = 0; d < nm; d++)
        t->tau[e * nm + d] = alp_ray_tau(m, mass_GeV, r_dec, ao->proton_degeneracy, ao->bose_photons, r0, om, m->mu[d]);
    }
  }
  return fb_sn_table_shell_average(t, m, err); /* transfer criterion: the shell average (fb_sn_table.h) */
}

int fb_sn_alp_table_compute(fb_sn_table *t, const fb_sn_medium *m, double mass_GeV, fb_err *err) {
  return fb_sn_alp_table_compute_opt(t, m, mass_GeV, NULL, err);
}

typedef struct alp_ctx {
  const fb_sn_medium *m;
  const fb_sn_alp_options *ao;
} alp_ctx;

static int alp_table(fb_sn_table *t, double mass, void *ctx, fb_err *err) {
  const alp_ctx *c = ctx;
  return fb_sn_alp_table_compute_opt(t, c->m, mass, c->ao, err);
}

int fb_sn_alp_mass_max_GeV(const fb_sn_medium *m, const fb_sn_alp_options *ao, double m_lo, double m_hi,
                           double rel_tol, double *mass_max, fb_err *err) {
  FB_TEST(err, !m || !mass_max || !(m_lo > 0 && m_hi > m_lo && m_hi <= 10.0 && rel_tol > 0), FB_ERR_INPUT,
          "mass bracket [%g, %g] GeV (allowed 0 < m_lo < m_hi <= 10) or tolerance %g invalid", m_lo, m_hi, rel_tol);
  alp_ctx c = {m, ao};
  return fb_sn_mass_max_bisect(alp_table, &c, m->opt.L_nu_erg_s, m_lo, m_hi, rel_tol, mass_max, err);
}
