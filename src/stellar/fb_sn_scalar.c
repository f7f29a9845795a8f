/**
 * @file fb_sn_scalar.c
 * @brief SN1987A band of the BC4/BC5 dark scalar (soft NN bremsstrahlung, inverse bremsstrahlung,
 *        decays); see fb_sn_scalar.h.
 */
#include "fb_sn_scalar.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_integration.h>

#include "fb_constants.h"
#include "fb_fip.h"
#include "fb_fip_bc4.h"
#include "fb_sn_alp.h"
#include "fb_sn_table.h"

#define SC_NT 48         /* ln T nodes of the thermal cross-section tables, T = 1e-4..0.3 GeV */
#define SC_NW 72         /* ln omega nodes, omega = 1e-5..10 GeV */
#define SC_NLAG 32       /* Gauss-Laguerre nodes of the y integral of J */
#define SC_MASS_MIN 1e-4 /* the BC4 particle model's range (fb_fip_bc4) */
#define SC_MASS_MAX 10.0
#define SC_DECAY_SKIP_REL 1e-6 /* along the paths the decay rate is not evaluated where an upper bound of it
                                  is below this fraction of the absorption rate (changes the optical depths
                                  by less than this, relatively) */

#define FB_SQRT_PI_SC 1.7724538509055160273 /* sqrt(pi) */

/* ------------------------------------------------------------------ like-pair cross section */
/* nn elastic event cross section (pp without Coulomb, by charge symmetry) [GeV^-2] at CM kinetic
 * energy E, in two cited pieces as the np one (fb_sn_sigma_np_GeV2):
 * (a) low energy: 1S0 effective-range expansion, k cot(delta) = -1/a + r k^2/2, k^2 = m_N E; for two
 *     identical spin-1/2 particles only the spin singlet scatters in the s wave, with the symmetrised
 *     amplitude f(theta) + f(pi - theta) = 2f: dsigma/dOmega = (1/4)|2f|^2 = |f|^2 per detected
 *     nucleon, and the event cross section (each collision counted once, half of the 4 pi integral)
 *     is 2 pi |f|^2 = 2 pi/(k^2 + (k cot delta)^2). a_nn = -18.9 fm, r_nn = 2.75 fm (R. Machleidt,
 *     Phys. Rev. C 63 (2001) 024001, nucl-th/0006014, Table 4, nn "Experiment").
 * (b) T_lab >= 20 MeV: the fit of the measured pp elastic cross section used by GiBUU, O. Buss et al.,
 *     Phys. Rept. 512 (2012) 1, arXiv:1106.1344 (after Cugnon, L'Hote & Vandermeulen, NIM B 111 (1996)
 *     215), in mb with p_lab in GeV/c: p_lab < 0.435: 5.12 m_N/(s - 4 m_N^2) + 1.67;
 *     0.435 <= p_lab < 0.8: 23.5 + 1000 (p_lab - 0.7)^4; 0.8 <= p_lab < 2: 1250/(p_lab + 50) -
 *     4 (p_lab - 1.3)^2; 2 <= p_lab: 77/(p_lab + 1.5). It gives 53 / 27 mb at T_lab = 50 / 100 MeV.
 * The larger of (a) and (b) above T_lab = 20 MeV, as for np. Collisions of like pairs are counted with
 * the pair density (n_n^2 + n_p^2)/2 and this event cross section. */
static double sigma_nn_ere_fm2(double E_GeV) {
  const double a = -18.9, r = 2.75; /* fm */
  const double mN = 0.5 * (FB_MN_GEV + FB_MP_GEV), hc_fm = FB_HBARC_GEV_CM / FB_FM_TO_CM;
  double k2 = mN * (E_GeV > 0 ? E_GeV : 0.0) / (hc_fm * hc_fm);
  double c = -1.0 / a + 0.5 * r * k2;
  return 2.0 * FB_PI / (k2 + c * c);
}

static double sigma_pp_buss_mb(double Tlab_GeV) {
  const double mN = 0.5 * (FB_MN_GEV + FB_MP_GEV);
  double p = sqrt(Tlab_GeV * Tlab_GeV + 2.0 * mN * Tlab_GeV);
  if (p < 0.435) return 5.12 * mN / (2.0 * mN * Tlab_GeV) + 1.67; /* s - 4 m_N^2 = 2 m_N T_lab */
  if (p < 0.8) return 23.5 + 1000.0 * pow(p - 0.7, 4);
  if (p < 2.0) return 1250.0 / (p + 50.0) - 4.0 * (p - 1.3) * (p - 1.3);
  return 77.0 / (p + 1.5);
}

double fb_sn_sigma_nn_GeV2(double E_GeV) {
  const double mN = 0.5 * (FB_MN_GEV + FB_MP_GEV);
  const double fm_invGeV = FB_FM_TO_CM / FB_HBARC_GEV_CM;
  double E = E_GeV > 0 ? E_GeV : 0.0, Tlab = 2.0 * E + E * E / (2.0 * mN);
  double sig_fm2 = sigma_nn_ere_fm2(E);
  if (Tlab >= 0.020) sig_fm2 = fmax(sig_fm2, 0.1 * sigma_pp_buss_mb(Tlab)); /* 1 mb = 0.1 fm^2 */
  return sig_fm2 * fm_invGeV * fm_invGeV;
}

/* ------------------------------------------------------------------ set-up */
/* Thermal tables: J_n(T, omega) = int_0^inf dy (w + y)^n e^{-y} sigma(omega + y T), w = omega/T, n = 1, 2, 3,
 * stored as H_n = J_n/N_n, N_n = int_0^inf (w + y)^n e^{-y} dy (a mean cross section, smooth in ln T and
 * ln omega): N_1 = w + 1, N_2 = w^2 + 2 w + 2, N_3 = w^3 + 3 w^2 + 6 w + 6. */
static inline void sc_norms(double w, double N[3]) {
  N[0] = w + 1.0;
  N[1] = (w + 2.0) * w + 2.0;
  N[2] = ((w + 3.0) * w + 6.0) * w + 6.0;
}
static int tables_init(fb_sn_scalar *s, fb_err *err) {
  s->nT = SC_NT;
  s->nw = SC_NW;
  s->lnT0 = log(1e-4);
  s->dlnT = (log(0.3) - s->lnT0) / (double)(s->nT - 1);
  s->lnw0 = log(1e-5);
  s->dlnw = (log(10.0) - s->lnw0) / (double)(s->nw - 1);
  const size_t n = s->nT * s->nw;
  s->Hnp = malloc(3 * n * sizeof *s->Hnp);
  s->Hnn = malloc(3 * n * sizeof *s->Hnn);
  FB_TEST(err, !s->Hnp || !s->Hnn, FB_ERR_MEMORY, "cannot allocate the scalar cross-section tables");
  gsl_integration_fixed_workspace *w =
      gsl_integration_fixed_alloc(gsl_integration_fixed_laguerre, SC_NLAG, 0.0, 1.0, 0.0, 0.0);
  FB_TEST(err, !w, FB_ERR_GSL, "gsl_integration_fixed_alloc(laguerre, n = %d) failed", SC_NLAG);
  const double *y = gsl_integration_fixed_nodes(w), *wy = gsl_integration_fixed_weights(w);
  for (size_t a = 0; a < s->nT; a++) {
    double T = exp(s->lnT0 + (double)a * s->dlnT);
    for (size_t b = 0; b < s->nw; b++) {
      double om = exp(s->lnw0 + (double)b * s->dlnw), wv = om / T, Jnp[3] = {0, 0, 0}, Jnn[3] = {0, 0, 0}, N[3];
      for (size_t j = 0; j < SC_NLAG; j++) {
        double p = wv + y[j], E = om + y[j] * T;
        double snp = wy[j] * fb_sn_sigma_np_GeV2(E), snn = wy[j] * fb_sn_sigma_nn_GeV2(E);
        for (int l = 0; l < 3; l++, p *= wv + y[j]) {
          Jnp[l] += p * snp;
          Jnn[l] += p * snn;
        }
      }
      sc_norms(wv, N);
      size_t o = a * s->nw + b;
      for (int l = 0; l < 3; l++) {
        s->Hnp[(size_t)l * n + o] = Jnp[l] / N[l];
        s->Hnn[(size_t)l * n + o] = Jnn[l] / N[l];
      }
    }
  }
  gsl_integration_fixed_free(w);
  return FB_OK;
}

int fb_sn_scalar_init(fb_sn_scalar *s, const fb_config *cfg, fb_err *err) {
  FB_TEST(err, !s, FB_ERR_INPUT, "NULL scalar state");
  memset(s, 0, sizeof *s);
  s->dec_mass_GeV = NAN;
  /* y_hNN = f_N m_N/v (the Higgs-nucleon coupling through the sigma terms and the trace anomaly;
   * f_N: FB_HIGGS_NUCLEON_FN, Hoferichter et al. arXiv:1708.02245), ~1.2e-3 as in Krnjaic
   * arXiv:1512.04119 and Dev, Mohapatra & Zhang arXiv:2005.00490 */
  s->y_hNN = FB_HIGGS_NUCLEON_FN * 0.5 * (FB_MN_GEV + FB_MP_GEV) / FB_HIGGS_VEV_GEV;
  int rc;
  FB_CALL_GOTO(err, rc, tables_init(s, err), fail);
  /* the BC4 decays with the run's [bc4] keys (defaults where cfg is NULL or does not set them) */
  fb_config def;
  memset(&def, 0, sizeof def);
  FB_CALL_GOTO(err, rc,
               cfg ? fb_fip_config_from(&fb_fip_bc4, cfg, &def, err) : fb_fip_config_default(&fb_fip_bc4, &def, err),
               fail);
  rc = fb_fip_bc4.init(&s->fip_state, &def, err);
  fb_config_free(&def);
  if (rc != FB_OK) goto fail;
  return FB_OK;
fail:
  fb_sn_scalar_free(s);
  return rc;
}

void fb_sn_scalar_free(fb_sn_scalar *s) {
  if (!s) return;
  free(s->Hnp);
  free(s->Hnn);
  if (s->fip_state) fb_fip_bc4.free(s->fip_state);
  memset(s, 0, sizeof *s);
}

/* Vacuum widths at sin^2 theta = 1 from the BC4 particle model, grouped as e+e-, gamma gamma, rest. */
static int widths_at(fb_sn_scalar *s, double mass, fb_err *err) {
  if (s->dec_mass_GeV == mass) return FB_OK;
  fb_decay d;
  FB_CALL(err, fb_fip_bc4.decay(s->fip_state, mass, 1.0, &d, err));
  int iee = fb_decay_find(&d, "ee"), igg = fb_decay_find(&d, "gammagamma");
  FB_TEST(err, iee < 0 || igg < 0, FB_ERR_INTERNAL, "BC4 decay record without the ee / gammagamma channels");
  s->G_ee = d.ch[iee].width_GeV;
  s->G_gg = d.ch[igg].width_GeV;
  s->G_rest = fmax(d.width_GeV - s->G_ee - s->G_gg, 0.0);
  s->dec_mass_GeV = mass;
  return FB_OK;
}

/* ------------------------------------------------------------------ rates */
/* Soft-scalar bremsstrahlung. A scalar of energy omega, momentum k = beta omega n and mass m_S coupled as
 * g N-bar N to every nucleon is emitted from the external legs of an elastic NN collision with the
 * soft factor g [sum_out 2 m_N/(2 p.k + m_S^2) - sum_in 2 m_N/(2 p.k - m_S^2)] (the nucleon propagator
 * next to the emission vertex, numerator (p-slash + m_N) u = 2 m_N u; Weinberg's soft theorem, used for the
 * Higgs-mixed scalar by Hardy, Sokolov & Stubbs arXiv:2410.17347). For non-relativistic nucleons
 * (velocities v_i, p.k = m_N gamma_i omega (1 - beta v_i.n)) and to first order in T/m_N:
 *  - the 1/omega monopole and dipole terms cancel (two nucleons in, two out; momentum conservation and
 *    equal couplings and masses);
 *  - the kinetic-energy change (-omega), the scalar's recoil momentum and the m_S^2 of the propagators
 *    leave (1 - beta^2)/m_N - 2 m_S^2/(m_N omega^2) = -m_S^2/(m_N omega^2) (the nucleon-line term
 *    ~ delta/E_S, delta = m_S^2/(2 m_N E_S), of the amplitude of Dev, Mohapatra & Zhang arXiv:2005.00490);
 *  - the quadrupole (beta^2/omega) sum_i eta_i (v_i.n)^2 = (2 beta^2/omega) [u'^2 (b.n)^2 - u^2 (a.n)^2] remains
 *    (CM frame, each nucleon of speed u = p/m_N along a before, u' along b after, m_N u'^2 = E - omega with
 *    E = p^2/m_N the CM kinetic energy; the recoil of the pair, k^2/(4 m_N), is neglected).
 *  Angular integrals: int dOmega_n [Q] = (4 pi/3) sum eta v^2 = -(8 pi/3) omega/m_N (the interference with
 *  the mass term) and int dOmega_n [u'^2 (b.n)^2 - u^2 (a.n)^2]^2 = 4 pi [(u^4 + u'^4)/5 - 2 u^2 u'^2
 *  (1 + 2 cos^2 theta_cm)/15]. This expansion, with the final speed, reproduces the exact soft factor
 *  integrated over scalar directions to 1-5% at v = 0.18 (error ~ v^2; tests/stellar/test_sn_scalar.c); with
 *  u' = u it would be off by up to x2 where omega ~ E. With d^3k/((2 pi)^3 2 omega) and an isotropic elastic
 *  cross section (<cos^2 theta_cm> = 1/3):
 *   dsigma_S/domega = (g^2 k sigma_el(E)/(4 pi^2 m_N^2 omega^2)) [m_S^4/omega^2 + (4/3) m_S^2 beta^2
 *                     + beta^4 ((32/45)(E^2 - E omega) + (4/5) omega^2)]   (E >= omega).
 *  Averaged over Maxwell-Boltzmann pairs (relative energy (2/sqrt(pi)) T^{-3/2} sqrt(E) e^{-E/T}, v_rel =
 *  2 sqrt(E/m_N)) and turned into an absorption rate per mode by detailed balance (Gamma_abs =
 *  e^{omega/T} 2 pi^2 dN/(dV dt domega)/(k omega)):
 *   Gamma_abs = g^2 (2/sqrt(pi)) (T/m_N)^{5/2} omega^-3 sum_pairs n_pair [((m_S^4/omega^2 + (4/3) m_S^2 beta^2)/T^2
 *               + (4/5) beta^4 w^2) J_1 - (32/45) beta^4 w J_2 + (32/45) beta^4 J_3],
 *  J_n = int_0^inf dy (w + y)^n e^{-y} sigma(omega + y T), w = omega/T, n_pair = n_n n_p (np, sigma_np) and
 *  (n_n^2 + n_p^2)/2 (like pairs, sigma_nn), g^2 = sin^2 theta y_hNN^2. Not included: the emission from
 *  the exchanged pion (the S pi pi coupling of arXiv:2005.00490, an internal-emission term beyond the
 *  soft factor), nucleon degeneracy, effective masses. */
/* the rate with ln T and ln omega given (shared along a path point by sc_rate_multi) */
static double gamma_abs_l(const fb_sn_scalar *s, const fb_sn_point *q, double om, double mass, double lnT, double lnom) {
  if (!(q->T > 0) || !(q->np > 0) || !(om > mass)) return 0.0;
  const double mN = 0.5 * (FB_MN_GEV + FB_MP_GEV);
  double a = (lnT - s->lnT0) / s->dlnT, b = (lnom - s->lnw0) / s->dlnw;
  a = fmin(fmax(a, 0.0), (double)(s->nT - 1) - 1e-9);
  b = fmin(fmax(b, 0.0), (double)(s->nw - 1) - 1e-9);
  size_t ia = (size_t)a, ib = (size_t)b, o = ia * s->nw + ib, n = s->nT * s->nw;
  double ta = a - (double)ia, tb = b - (double)ib;
  double c00 = (1 - ta) * (1 - tb), c01 = (1 - ta) * tb, c10 = ta * (1 - tb), c11 = ta * tb;
#define SC_BILIN(H) (c00 * (H)[o] + c01 * (H)[o + 1] + c10 * (H)[o + s->nw] + c11 * (H)[o + s->nw + 1])
  double w = om / q->T, N[3], J[3];
  sc_norms(w, N);
  double nn = q->nnnp / q->np, np = q->np, pnp = nn * np, plike = 0.5 * (nn * nn + np * np);
  for (int l = 0; l < 3; l++) J[l] = (pnp * SC_BILIN(s->Hnp + (size_t)l * n) + plike * SC_BILIN(s->Hnn + (size_t)l * n)) * N[l];
#undef SC_BILIN
  double m2 = mass * mass, k2 = om * om - m2, b2 = k2 / (om * om), b4 = b2 * b2, x = q->T / mN, T2 = q->T * q->T;
  double bracket = ((m2 * m2 / (om * om) + 4.0 / 3.0 * m2 * b2) / T2 + 0.8 * b4 * w * w) * J[0] -
                   32.0 / 45.0 * b4 * (w * J[1] - J[2]);
  return s->y_hNN * s->y_hNN * (2.0 / FB_SQRT_PI_SC) * x * x * sqrt(x) / (om * om * om) * bracket;
}

double fb_sn_scalar_gamma_abs_GeV(const fb_sn_scalar *s, const fb_sn_point *q, double om, double mass) {
  if (!(q->T > 0) || !(q->np > 0) || !(om > mass)) return 0.0;
  return gamma_abs_l(s, q, om, mass, log(q->T), log(om));
}

/* Decay minus inverse decay of an S of energy om in the bath [GeV] per sin^2 theta (widths scale as
 * sin^2 theta): (m/om) [Gamma_ee R_ee B_ee (1 - e^{-om/T}) + Gamma_gg (1 - 4 w_p^2/m^2)^{3/2} B_gg +
 * Gamma_rest (1 - e^{-om/T})]. e+e-: the S -> f fbar width goes as beta^3 (Krnjaic arXiv:1512.04119
 * eq. for Gamma(S -> l l)), so the in-medium electron mass m_e* (fb_sn_electron_mass_GeV, option
 * medium_electron_mass) rescales it by R_ee = (beta_med/beta)^3 and closes it for m < 2 m_e*; B_ee the
 * Pauli blocking of the pair (fb_sn_pair_blocking, evaluated with the vacuum m_e), times (1 - e^{-om/T}) for the inverse decay
 * (mu+ = -mu-), as for the dark photon. gamma gamma: the plasma-photon phase space and the Bose factor
 * of the ALP (same two-photon kinematics; fb_sn_alp.h), which already is decay minus inverse decay.
 * Other channels (mu mu, hadrons, above the band): vacuum width, reduced by (1 - e^{-om/T}). */
typedef struct sc_path {
  const fb_sn_scalar *s;
  const fb_sn_medium *m;
  double mass;
} sc_path;

static double decay_reduced(const sc_path *c, const fb_sn_point *q, double om, double stim, double other) {
  const fb_sn_scalar *s = c->s;
  const double mass = c->mass;
  double k = sqrt(fmax(om * om - mass * mass, 0.0));
  double xg = 1.0 - 4.0 * q->wp2 / (mass * mass); /* plasma-photon phase space, fb_sn_alp_decay_width_GeV */
  double pgg = xg > 0 ? xg * sqrt(xg) : 0.0;
  if (other > 0) {
    /* bound: R_ee B_ee stim <= 1, stim <= 1, and the Bose factor 1 + <f_1> + <f_2> <= 1 + 2T/w_-,
     * w_- = (om - k v)/2 >= m^2/(2 (om + k)) the softer photon (1/(e^x - 1) <= 1/x) */
    double wm = 0.5 * mass * mass / (om + k);
    double bound = (s->G_ee + s->G_rest + s->G_gg * pgg * (1.0 + 2.0 * q->T / wm)) * mass / om;
    if (bound < SC_DECAY_SKIP_REL * other) return 0.0;
  }
  double G = s->G_rest * stim;
  if (s->G_ee > 0) {
    double me = c->m->opt.medium_electron_mass ? fb_sn_electron_mass_GeV(q->T, q->mue) : FB_ME_GEV;
    double b2s = 1.0 - 4.0 * me * me / (mass * mass), b2v = 1.0 - 4.0 * FB_ME_GEV * FB_ME_GEV / (mass * mass);
    if (b2s > 0 && b2v > 0) {
      double rr = b2s / b2v;
      G += s->G_ee * rr * sqrt(rr) * fb_sn_pair_blocking_red(om, k, mass, q->T, q->mue, stim);
    }
  }
  if (s->G_gg > 0 && pgg > 0) {
    /* gamma gamma (Bose factor: two expm1 and two logs) only where it is not negligible next to the rest */
    double wm = 0.5 * mass * mass / (om + k);
    if (!(other > 0) || !(s->G_gg * pgg * (1.0 + 2.0 * q->T / wm) < SC_DECAY_SKIP_REL * (G + other * om / mass)))
      G += s->G_gg * pgg * fb_sn_alp_bose_factor(om, mass, q->wp2, q->T);
  }
  return G * mass / om;
}

static double sc_rate(const fb_sn_point *q, double r, double om, void *ctx) {
  (void)r;
  const sc_path *c = ctx;
  double rate = 0.0;
  if (!(q->T > 0)) return 0.0;
  double stim = -expm1(-om / q->T);
  if (c->m->opt.absorption) rate += fb_sn_scalar_gamma_abs_GeV(c->s, q, om, c->mass) * stim;
  if (c->m->opt.decays) rate += decay_reduced(c, q, om, stim, rate);
  return rate;
}

/* sc_rate at n energies of one path point (fb_sn_rate_multi_fn; issue 16 speed): ln T once per point, ln omega from
 * the path */
static void sc_rate_multi(const fb_sn_point *q, double r, size_t n, const double *om, const double *lnom, void *ctx,
                          double *rates) {
  (void)r;
  const sc_path *c = ctx;
  const double lnT = q->T > 0 ? log(q->T) : 0.0;
  for (size_t k = 0; k < n; k++) {
    double rate = 0.0;
    if (q->T > 0) {
      double stim = -expm1(-om[k] / q->T);
      if (c->m->opt.absorption) rate += gamma_abs_l(c->s, q, om[k], c->mass, lnT, lnom[k]) * stim;
      if (c->m->opt.decays) rate += decay_reduced(c, q, om[k], stim, rate);
    }
    rates[k] = rate;
  }
}

/* ------------------------------------------------------------------ tables */
static double sc_gamma_abs(const fb_sn_point *q, double r, double om, void *ctx) {
  (void)r;
  const sc_path *c = ctx;
  return fb_sn_scalar_gamma_abs_GeV(c->s, q, om, c->mass);
}

static double sc_decay(const fb_sn_point *q, double r, double om, double stim, void *ctx) {
  (void)r;
  return decay_reduced(ctx, q, om, stim, 0.0);
}

int fb_sn_scalar_table_compute(fb_sn_table *t, fb_sn_scalar *s, const fb_sn_medium *m, double mass_GeV, fb_err *err) {
  FB_TEST(err, !t || !s || !s->Hnp || !m || !m->np_GeV3, FB_ERR_INPUT, "NULL table, scalar state or medium");
  FB_TEST(err, !(mass_GeV > SC_MASS_MIN && mass_GeV <= SC_MASS_MAX), FB_ERR_RANGE,
          "mass_GeV = %g out of range: allowed %g < mass_GeV <= %g (the BC4 model)", mass_GeV, SC_MASS_MIN,
          SC_MASS_MAX);
  FB_CALL(err, widths_at(s, mass_GeV, err));
  sc_path c = {s, m, mass_GeV};
  const fb_sn_emitter em = {.gamma_abs = sc_gamma_abs, .decay = sc_decay, .path_rate = sc_rate,
                            .path_rate_multi = sc_rate_multi, .ctx = &c};
  return fb_sn_table_fill(t, m, mass_GeV, &em, err); /* fb_sn_table.h */
}

int fb_sn_scalar_edges(const fb_sn_table *t, double L_nu_erg_s, double *s2_low, double *s2_high, fb_err *err) {
  double lo, hi;
  FB_CALL(err, fb_sn_table_edges(t, L_nu_erg_s, &lo, &hi, NULL, err));
  *s2_low = lo * lo; /* the table's coupling is sin(theta); NaN stays NaN */
  *s2_high = hi * hi;
  return FB_OK;
}

typedef struct sc_ctx {
  fb_sn_scalar *s;
  const fb_sn_medium *m;
} sc_ctx;

static int sc_table(fb_sn_table *t, double mass, void *ctx, fb_err *err) {
  sc_ctx *c = ctx;
  return fb_sn_scalar_table_compute(t, c->s, c->m, mass, err);
}

int fb_sn_scalar_mass_max_GeV(fb_sn_scalar *s, const fb_sn_medium *m, double m_lo, double m_hi, double rel_tol,
                              double *mass_max, fb_err *err) {
  FB_TEST(err, !s || !m, FB_ERR_INPUT, "NULL scalar state or medium");
  sc_ctx c = {s, m};
  return fb_sn_mass_max_bisect(sc_table, &c, m->opt.L_nu_erg_s, m_lo, m_hi, rel_tol, mass_max, err);
}
