/**
 * @file fb_sn_mcp.c
 * @brief SN1987A band of the BC3 millicharged fermion: plasmon decay, off-shell photons from np
 *        bremsstrahlung and e+e- annihilation, trapping by chi p scattering; see fb_sn_mcp.h.
 */
#include "fb_sn_mcp.h"

#include <gsl/gsl_integration.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_darkphoton.h"
#include "fb_rg_mcp.h"

static const double GEV2_TO_ERG_S_MCP = FB_GEV_TO_INV_S / FB_ERG_TO_GEV;

#define MCP_MASS_MIN 1e-6 /* GeV */
#define MCP_MASS_MAX 2.0
#define MCP_NE 16         /* chi energy nodes per shell: E = m + T g, g log-spaced in [MCP_G0, MCP_G1] */
#define MCP_G0 0.02
#define MCP_G1 60.0
#define MCP_NM 10         /* Gauss-Laguerre nodes of the invariant-mass integral of the continuum */
#define MCP_NL 12         /* Gauss-Legendre nodes of the longitudinal-plasmon momentum integral */
#define MCP_NK 16         /* Gauss-Laguerre nodes of the transverse-plasmon momentum integral */
#define MCP_V_MAX (1.0 - 1e-6) /* v_* of the (ultra-relativistic) electrons kept below 1 for the dispersion */

void fb_sn_mcp_options_default(fb_sn_mcp_options *o) {
  o->plasmon = 1;
  o->bremsstrahlung = 1;
  o->annihilation = 1;
  o->scattering = 1;
  o->trapping = FB_SN_MCP_TRAP_RANDOM_WALK;
}

int fb_sn_mcp_trapping_parse(const char *s) {
  if (!s) return -1;
  if (!strcmp(s, "random_walk")) return FB_SN_MCP_TRAP_RANDOM_WALK;
  if (!strcmp(s, "energy_loss")) return FB_SN_MCP_TRAP_ENERGY_LOSS;
  if (!strcmp(s, "transport")) return FB_SN_MCP_TRAP_TRANSPORT;
  return -1;
}

/* Screened Coulomb scattering of a relativistic chi (charge eps e, energy E, momentum p) on a static unit charge:
 * dsigma/dq^2 = 4 pi alpha^2 eps^2 E^2 (1 - q^2/(4 E^2)) / (p^2 (q^2 + k_s^2)^2) (Mott cross section, Berestetskii,
 * Lifshitz & Pitaevskii, Quantum Electrodynamics sec. 80, with the q^-4 pole screened), transport weight
 * 1 - cos theta = q^2/(2 p^2), q^2 <= 4 p^2:
 *   sigma_tr/eps^2 = (2 pi alpha^2 E^2/p^4) [I1 - I2/(4 E^2)],
 *   I1 = ln(1 + Q/a) - Q/(Q + a), I2 = Q - 2 a ln(1 + Q/a) + a Q/(Q + a), Q = 4 p^2, a = k_s^2. */
double fb_sn_mcp_sigma_tr_GeV2(double E, double mass, double ks2) {
  double p2 = E * E - mass * mass;
  if (!(p2 > 0) || !(ks2 > 0)) return 0.0;
  double Q = 4.0 * p2, a = ks2, L = log1p(Q / a);
  double I1 = L - Q / (Q + a), I2 = Q - 2.0 * a * L + a * Q / (Q + a);
  double s = 2.0 * FB_PI * FB_ALPHA_EM * FB_ALPHA_EM * E * E / (p2 * p2) * (I1 - I2 / (4.0 * E * E));
  return s > 0 ? s : 0.0;
}

/* gamma*(M) -> chi chibar: the width of a vector of mass M with coupling e into a Dirac pair,
 * Gamma = (alpha M/3)(1 + 2 m^2/M^2) beta (fb_darkphoton_width_ll_GeV), in the dispersive weight
 * (1/pi) M Gamma/M^4 = alpha/(3 pi M^2) (1 + 2 m^2/M^2) beta. */
double fb_sn_mcp_spectral_weight_GeV2(double M, double mass) {
  if (!(M > 2.0 * mass)) return 0.0;
  return fb_darkphoton_width_ll_GeV(M, 1.0, mass) / (FB_PI * M * M * M);
}

typedef struct mcp_ctx {
  const fb_sn_medium *m;
  double mass;
  int trapping; /* FB_SN_MCP_TRAP_* */
} mcp_ctx;

/* screening wave number squared [GeV^2]: non-degenerate protons (Debye) + degenerate relativistic electrons
 * (Thomas-Fermi, e^2 dn/dmu = 4 alpha mu^2/pi) */
static double screening2(const fb_sn_point *q) {
  return 4.0 * FB_PI * FB_ALPHA_EM * q->np / q->T + 4.0 * FB_ALPHA_EM * q->mue * q->mue / FB_PI;
}

/* transport scattering rate per eps^2 [GeV] of chi of local energy E: n_p sigma_tr v */
static double mcp_rate(const fb_sn_point *q, double r, double E, void *ctx) {
  (void)r;
  const mcp_ctx *c = ctx;
  if (!(q->T > 0) || !(q->np > 0) || !(E > c->mass)) return 0.0;
  double v = sqrt(E * E - c->mass * c->mass) / E;
  return q->np * fb_sn_mcp_sigma_tr_GeV2(E, c->mass, screening2(q)) * v;
}

/* Effective optical depth of a scattering and (weakly) absorbing medium, sqrt(tau_a (tau_a + tau_s)) (Rybicki &
 * Lightman, Radiative Processes in Astrophysics (1979) eq. 1.98): the chi random-walks through n ~ tau_s^2
 * elastic scatterings and is trapped once the recoil losses add up; both depths scale as eps^2. */
static double zero_rate(const fb_sn_point *q, double r, double E, void *ctx) {
  (void)q, (void)r, (void)E, (void)ctx;
  return 0.0;
}

/* scattering off: only the gravitational escape (INFINITY for chi that cannot climb out, 0 otherwise) */
static double mcp_tau(const fb_sn_medium *m, mcp_ctx *c, double r0, double E, double mu, int scattering) {
  if (!scattering) return fb_sn_path_tau(m, c->mass, r0, E, mu, zero_rate, c);
  double ts = fb_sn_path_tau(m, c->mass, r0, E, mu, mcp_rate, c);
  if (!isfinite(ts)) return ts; /* gravitationally trapped */
  /* energy-loss depth: the recoil q^2/(2 m_p) of a proton at rest per unit chi energy, int dsigma q^2/(2 m_p E) =
   * sigma_tr p^2/(m_p E), taken at the emission energy (the lapse changes E by a few % along the path) */
  double ta = ts * (E * E - c->mass * c->mass) / (FB_MP_GEV * E);
  if (c->trapping == FB_SN_MCP_TRAP_ENERGY_LOSS) return ta;
  if (c->trapping == FB_SN_MCP_TRAP_TRANSPORT) return ts;
  return sqrt(ta * (ta + ts));
}

/* add energy emission W [erg/s] of chi with energy E to the per-shell grid (linear in ln(E - m)) */
static void bin_add(double *Wg, double E, double mass, double T, double W) {
  double x = (E - mass) / T, lr = log(MCP_G1 / MCP_G0) / (MCP_NE - 1);
  if (!(x > MCP_G0)) { Wg[0] += W; return; }
  if (!(x < MCP_G1)) { Wg[MCP_NE - 1] += W; return; }
  double f = log(x / MCP_G0) / lr;
  int j = (int)f;
  if (j >= MCP_NE - 1) j = MCP_NE - 2;
  double t = f - j;
  Wg[j] += (1.0 - t) * W;
  Wg[j + 1] += t * W;
}

static double grid_energy(int j, double mass, double T) {
  return mass + T * MCP_G0 * exp(j * log(MCP_G1 / MCP_G0) / (MCP_NE - 1));
}

/* electron v_* = p_F/E_F of the degenerate relativistic gas (mu_e includes the rest mass) */
static double electron_vstar(double mue) {
  double v = mue > FB_ME_GEV ? sqrt(1.0 - FB_ME_GEV * FB_ME_GEV / (mue * mue)) : 0.1;
  return fmin(fmax(v, 0.1), MCP_V_MAX);
}

int fb_sn_mcp_table_compute(fb_sn_table *t, const fb_sn_medium *m, const fb_sn_mcp_options *oin, double mass,
                            fb_err *err) {
  FB_TEST(err, !t || !m, FB_ERR_INPUT, "NULL table or medium");
  FB_TEST(err, !(mass > MCP_MASS_MIN && mass <= MCP_MASS_MAX), FB_ERR_RANGE,
          "mass_GeV = %g out of range: allowed %g < mass_GeV <= %g (BC3 SN1987A)", mass, MCP_MASS_MIN, MCP_MASS_MAX);
  fb_sn_mcp_options o;
  if (oin) o = *oin; else fb_sn_mcp_options_default(&o);
  FB_TEST(err, o.trapping < FB_SN_MCP_TRAP_RANDOM_WALK || o.trapping > FB_SN_MCP_TRAP_TRANSPORT, FB_ERR_INPUT,
          "BC3 trapping = %d: allowed random_walk (0), energy_loss (1), transport (2)", o.trapping);
  const int nr = m->opt.n_radial, ne = m->opt.n_energy;
  const size_t nm = (size_t)m->opt.n_mu;
  FB_CALL(err, fb_sn_table_reserve(t, (size_t)nr * MCP_NE, nm, err));
  t->mass_GeV = mass;
  t->n_el = 0;
  t->L0_T = t->L0_L = t->L0_res = 0.0;
  for (size_t k = 0; k < nm; k++) t->wmu[k] = m->wmu[k];
  /* Gauss-Laguerre nodes of the M integral: weight sqrt(t) e^{-t} when it starts at the pair threshold
   * (integrand ~ beta), e^{-t} when it starts at omega_p */
  gsl_integration_fixed_workspace *lag0 =
      gsl_integration_fixed_alloc(gsl_integration_fixed_laguerre, MCP_NM, 0.0, 1.0, 0.0, 0.0);
  gsl_integration_fixed_workspace *lag1 =
      gsl_integration_fixed_alloc(gsl_integration_fixed_laguerre, MCP_NM, 0.0, 1.0, 0.5, 0.0);
  gsl_integration_fixed_workspace *lagk1 =
      gsl_integration_fixed_alloc(gsl_integration_fixed_laguerre, MCP_NK, 0.0, 1.0, 0.5, 0.0);
  gsl_integration_fixed_workspace *lagk2 =
      gsl_integration_fixed_alloc(gsl_integration_fixed_laguerre, MCP_NK, 0.0, 1.0, 2.0, 0.0);
  gsl_integration_fixed_workspace *legL =
      gsl_integration_fixed_alloc(gsl_integration_fixed_legendre, MCP_NL, 0.0, 1.0, 0.0, 0.0);
  if (!lag0 || !lag1 || !lagk1 || !lagk2 || !legL) {
    gsl_integration_fixed_free(legL);
    gsl_integration_fixed_free(lag0);
    gsl_integration_fixed_free(lag1);
    gsl_integration_fixed_free(lagk1);
    gsl_integration_fixed_free(lagk2);
    FB_TEST(err, 1, FB_ERR_MEMORY, "cannot allocate the Gauss-Laguerre nodes");
  }
  int rc = FB_OK;
  mcp_ctx c = {m, mass, o.trapping};
  const double dR = m->r_emit_invGeV / nr;
  for (int i = 0; i < nr; i++) {
    double rlo = i * dR, rhi = (i + 1) * dR, r0 = (i + 0.5) * dR;
    double V = 4.0 * FB_PI / 3.0 * (rhi * rhi * rhi - rlo * rlo * rlo);
    fb_sn_point q = fb_sn_point_at(m, r0);
    if (!(q.T > 0) || !(q.wp2 > 0)) continue;
    const double T = q.T, wp = sqrt(q.wp2), vs = electron_vstar(q.mue);
    /* luminosity at infinity (lapse^2), weighted by the emission edge */
    const double fac = V * q.lapse * q.lapse * GEV2_TO_ERG_S_MCP * fb_sn_emission_weight(m, r0);
    double Wg[MCP_NE] = {0}, WP = 0.0, WB = 0.0, WA = 0.0;
    /* ---- plasmon decay: each chi takes omega/2 */
    if (o.plasmon) {
      double klo, khi, om, dq;
      int r1 = fb_rg_mcp_plasmon_krange(0, wp, vs, mass, &klo, &khi, err);
      if (r1 == FB_OK) {
        /* Gauss-Laguerre in k - k_lo with the weight of the integrand's onset: k^2 from k = 0, beta ~ sqrt from a
         * threshold k_lo > 0 */
        const gsl_integration_fixed_workspace *lk = klo > 0 ? lagk1 : lagk2;
        const double *kn = gsl_integration_fixed_nodes(lk), *kw = gsl_integration_fixed_weights(lk);
        const double al = klo > 0 ? 0.5 : 2.0;
        for (int k = 0; k < MCP_NK; k++) {
          double u = kn[k], kk = klo + T * u;
          FB_CALL_GOTO(err, rc, fb_rg_mcp_plasmon_dQdk(0, wp, vs, T, mass, kk, &om, &dq, err), done);
          double W = fac * T * kw[k] * exp(u) * pow(u, -al) * dq;
          WP += W;
          bin_add(Wg, 0.5 * om, mass, T, W);
        }
      } else if (r1 != FB_ERR_RANGE) {
        rc = r1;
        goto done;
      }
      fb_err_clear(err);
      if (m->opt.longitudinal && fb_rg_mcp_plasmon_krange(1, wp, vs, mass, &klo, &khi, err) == FB_OK) {
        /* Gauss-Legendre on [0, k_hi] (not the medium's direction nodes: the cem criterion has a single one) */
        const double *ln = gsl_integration_fixed_nodes(legL), *lw = gsl_integration_fixed_weights(legL);
        for (int d = 0; d < MCP_NL; d++) {
          double kk = khi * ln[d];
          FB_CALL_GOTO(err, rc, fb_rg_mcp_plasmon_dQdk(1, wp, vs, T, mass, kk, &om, &dq, err), done);
          double W = fac * khi * lw[d] * dq;
          WP += W;
          bin_add(Wg, 0.5 * om, mass, T, W);
        }
      }
      fb_err_clear(err);
    }
    /* ---- off-shell continuum, M >= max(2m, omega_p) */
    if (o.bremsstrahlung || o.annihilation) {
      const double Mlo = fmax(2.0 * mass, wp);
      const gsl_integration_fixed_workspace *lag = Mlo > wp ? lag1 : lag0;
      const double *tn = gsl_integration_fixed_nodes(lag), *tw = gsl_integration_fixed_weights(lag);
      const double me = m->opt.medium_electron_mass ? fb_sn_electron_mass_GeV(T, q.mue) : FB_ME_GEV;
      for (int a = 0; a < MCP_NM; a++) {
        double M = Mlo + T * tn[a];
        /* int dM^2 S(M) ... = T sum_a w_a e^{t_a} t_a^{-alpha} 2 M S(M) ... */
        double wM = T * tw[a] * exp(tn[a]) / (Mlo > wp ? sqrt(tn[a]) : 1.0) * 2.0 * M *
                    fb_sn_mcp_spectral_weight_GeV2(M, mass);
        if (!(wM > 0)) continue;
        double Gee = (o.annihilation && M > 2.0 * me) ? fb_darkphoton_width_ll_GeV(M, 1.0, me) : 0.0;
        for (int k = 0; k < ne; k++) {
          double u = m->u[k], om = M + T * u, kk = sqrt(om * om - M * M);
          /* int domega (k omega/2 pi^2) omega sum_pol Gamma_prod = T sum wu e^{u}/sqrt(u) (...) */
          double base = fac * wM * T * m->wu[k] / sqrt(u) * exp(-M / T) * kk * om * om / (2.0 * FB_PI * FB_PI);
          double wb = o.bremsstrahlung ? base * fb_sn_gamma_ibr_GeV(m, r0, om) * (2.0 + M * M / (om * om)) : 0.0;
          double wa = Gee > 0 ? base * 3.0 * Gee * (M / om) * fb_sn_pair_blocking(om, kk, M, T, q.mue) : 0.0;
          WB += wb;
          WA += wa;
          if (wb + wa > 0) bin_add(Wg, 0.5 * om, mass, T, wb + wa);
        }
      }
    }
    t->L0_T += WP;
    t->L0_L += WB;
    t->L0_res += WA;
    for (int j = 0; j < MCP_NE; j++) {
      if (!(Wg[j] > 0)) continue;
      double E = grid_energy(j, mass, T);
      size_t e = t->n_el++;
      t->W[e] = Wg[j];
      for (size_t d = 0; d < nm; d++)
        t->tau[e * nm + d] = mcp_tau(m, &c, r0, E, m->mu[d], o.scattering);
    }
  }
done:
  gsl_integration_fixed_free(lag0);
  gsl_integration_fixed_free(lag1);
  gsl_integration_fixed_free(lagk1);
  gsl_integration_fixed_free(lagk2);
  gsl_integration_fixed_free(legL);
  return rc;
}

typedef struct mm_ctx {
  const fb_sn_medium *m;
  const fb_sn_mcp_options *o;
} mm_ctx;

static int mm_table(fb_sn_table *t, double mass, void *ctx, fb_err *err) {
  mm_ctx *c = ctx;
  return fb_sn_mcp_table_compute(t, c->m, c->o, mass, err);
}

int fb_sn_mcp_mass_max_GeV(const fb_sn_medium *m, const fb_sn_mcp_options *o, double m_lo, double m_hi,
                           double rel_tol, double *mass_max, fb_err *err) {
  FB_TEST(err, !m, FB_ERR_INPUT, "NULL medium");
  mm_ctx c = {m, o};
  return fb_sn_mass_max_bisect(mm_table, &c, m->opt.L_nu_erg_s, m_lo, m_hi, rel_tol, mass_max, err);
}
