/**
 * @file fb_bc2.c
 * @brief BC2 light dark matter through a dark photon: cross sections, widths, relic abundance and
 *        thermal targets. See fb_bc2.h for the conventions.
 *
 * Cross sections chi chi -> A'* -> f fbar. With C = 4 pi alpha alpha_D eps^2 / 3,
 * P(s) = 1 / ((s - m_A'^2)^2 + m_A'^2 Gamma_A'^2) (fixed-width Breit-Wigner),
 * beta = sqrt(1 - 4 m^2/s) and the Standard-Model factor
 *   F(sqrt s) = sum_{l = e, mu, tau} beta_l (1 + 2 m_l^2/s) + R(sqrt s)
 * (R relative to the massless mu mu cross section, fb_rratio.h), the cross sections follow from the
 * pair-production cross sections e+e- -> X X by time reversal at fixed s, sigma(XX -> ee) =
 * sigma(ee -> XX) (g_e^2 p_e^2)/(g_X^2 p_X^2) (no identical-particle factor in the initial state):
 *   dirac:       sigma = C s P (1 + 2 m^2/s) F / beta     from sigma(ee -> chi chibar) =
 *                (4 pi alpha alpha_D eps^2/3) s P beta (1 + 2m^2/s)     [e.g. arXiv:1807.01730]
 *   scalar:      sigma = C s P beta F                      from sigma(ee -> phi phi*) = C s P beta^3 / 4
 *   majorana:    sigma = C s P beta F                      from sigma(ee -> chi chi) = C s P beta^3 / 2
 *                (axial current (g_D/2) chi-bar gamma gamma5 chi; identical final particles)
 *   pseudodirac: sigma_12 = C s P (sqrt(s)/(2 p_12)) F_12 F, F_12 = 1 - (m1^2 + m2^2)/(2s)
 *                - (m1^2 - m2^2)^2/(2 s^2) + 3 m1 m2/s  (vector current between unequal masses;
 *                F_12 -> 1 + 2m^2/s and sigma_12 -> dirac as delta -> 0).
 * In terms of W = 4 p sqrt(s) sigma (fb_relic.h) these are W = 2 s^2 C P (1 + 2m^2/s) F (dirac),
 * 2 s^2 C P beta^2 F (scalar, majorana) and 2 s^2 C P F_12 F (pseudodirac).
 * Velocity dependence at v -> 0: dirac s-wave, scalar and majorana p-wave (beta^2).
 *
 * chi chibar -> A' A' (m_A' < m_chi): s-wave sigma v = (pi alpha_D^2/m^2) (1 - r)^{3/2}/(1 - r/2)^2,
 * r = m_A'^2/m^2 (Pospelov, Ritz & Voloshin arXiv:0711.4866, Dirac fermion), entered as
 * W = s sigma v (constant sigma v in the centre-of-mass frame). Used for dirac and, per Majorana
 * state, for pseudodirac (which reduces to dirac as delta -> 0). NOT included for the scalar and
 * majorana cases.
 *
 * Invisible widths (r = m_chi^2/m_A'^2):
 *   dirac   alpha_D m_A'/3 (1 + 2r) sqrt(1 - 4r);  scalar alpha_D m_A'/12 (1 - 4r)^{3/2};
 *   majorana alpha_D m_A'/6 (1 - 4r)^{3/2} (axial current, identical particles);
 *   pseudodirac (A' -> chi1 chi2) alpha_D m_A'/3 lambda^{1/2}(1, a, b) [1 - (a+b)/2 - (a-b)^2/2
 *   + 3 sqrt(a b)], a = m1^2/m_A'^2, b = m2^2/m_A'^2 (reduces to dirac for a = b).
 *
 * Degrees of freedom and the factor 2 (fb_relic.h): dirac = {chi, chibar} with g = 2 each,
 * W_eff = 2 W; scalar = {phi, phi*} with g = 1 each, W_eff = 2 W; majorana = one state, g = 2,
 * W_eff = W; pseudodirac = {chi1, chi2} with g = 2 each, W_eff = 2 (p_12/p_11) W_12 + W_11 + (p_22/p_11) W_22.
 *
 * R(sqrt s) is clamped at its upper end, 12 GeV (the Z pole is not included): it matters only at
 * x ~ 1 for m_chi > 4 GeV, long before freeze-out.
 */
#include "fb_bc2.h"

#include <math.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_darkphoton.h"
#include "fb_roots.h"

/* Narrow vector resonances of R(s), used only as quadrature break points (peak and +-1, +-10
 * widths) so that the thermal average resolves them; masses and widths PDG 2024. */
static const double bc2_narrow_res[][2] = {
    {0.78266, 8.68e-3},   /* omega(782) */
    {1.019461, 4.249e-3}, /* phi(1020) */
    {3.096900, 92.6e-6},  /* J/psi */
    {3.686097, 293e-6},   /* psi(2S) */
    {9.46040, 54.02e-6},  /* Upsilon(1S) */
    {10.02340, 31.98e-6}, /* Upsilon(2S) */
    {10.3551, 20.32e-6},  /* Upsilon(3S) */
};
#define BC2_N_NARROW (sizeof bc2_narrow_res / sizeof bc2_narrow_res[0])

int fb_bc2_spin_parse(const char *name, fb_bc2_spin *spin, fb_err *err) {
  static const char *names[] = {"scalar", "majorana", "pseudodirac", "dirac"};
  for (int i = 0; i < 4; i++)
    if (name && !strcmp(name, names[i])) {
      *spin = (fb_bc2_spin)i;
      return FB_OK;
    }
  FB_FAIL(err, FB_ERR_INPUT, "spin = '%s' is not allowed: allowed %s", name ? name : "(null)",
          FB_BC2_SPIN_CHOICES);
}

const char *fb_bc2_spin_name(fb_bc2_spin spin) {
  switch (spin) {
    case FB_BC2_SCALAR: return "scalar";
    case FB_BC2_MAJORANA: return "majorana";
    case FB_BC2_PSEUDODIRAC: return "pseudodirac";
    case FB_BC2_DIRAC: return "dirac";
  }
  return "?";
}

int fb_bc2_is_swave(fb_bc2_spin spin) { return spin == FB_BC2_DIRAC; }

int fb_bc2_point_check(const fb_bc2_point *pt, fb_err *err) {
  FB_TEST(err, pt == NULL, FB_ERR_INPUT, "BC2 point is NULL");
  FB_TEST(err, !(pt->spin >= FB_BC2_SCALAR && pt->spin <= FB_BC2_DIRAC), FB_ERR_INPUT,
          "spin %d: allowed %s", (int)pt->spin, FB_BC2_SPIN_CHOICES);
  FB_TEST(err, !(pt->mass_GeV >= 1e-4 && pt->mass_GeV <= 100.0), FB_ERR_RANGE,
          "mass_GeV = %g: allowed 1e-4 <= mass_GeV <= 100", pt->mass_GeV);
  FB_TEST(err, !(pt->ratio >= 0.1 && pt->ratio <= 100.0), FB_ERR_RANGE,
          "ratio = m_A'/m_chi = %g: allowed 0.1 <= ratio <= 100", pt->ratio);
  FB_TEST(err, !(pt->alpha_D > 0.0 && pt->alpha_D <= 1.0), FB_ERR_RANGE,
          "alpha_D = %g: allowed 0 < alpha_D <= 1", pt->alpha_D);
  FB_TEST(err, !(pt->delta >= 0.0 && pt->delta <= 1.0), FB_ERR_RANGE,
          "delta = %g: allowed 0 <= delta <= 1", pt->delta);
  FB_TEST(err, !(pt->epsilon > 0.0 && pt->epsilon <= 1.0), FB_ERR_RANGE,
          "epsilon = %g: allowed 0 < epsilon <= 1", pt->epsilon);
  return FB_OK;
}

double fb_bc2_epsilon_from_y(double y, double alpha_D, double ratio) {
  return sqrt(y / alpha_D) * ratio * ratio; /* y = eps^2 alpha_D (m_chi/m_A')^4 */
}

double fb_bc2_y_from_epsilon(double epsilon, double alpha_D, double ratio) {
  return epsilon * epsilon * alpha_D / (ratio * ratio * ratio * ratio);
}

int fb_bc2_init(fb_bc2 *m, const fb_relic_params *par, fb_err *err) {
  memset(m, 0, sizeof *m);
  fb_relic_params def;
  fb_relic_params_default(&def);
  int rc;
  FB_CALL_GOTO(err, rc, fb_rratio_init(&m->R, err), fail);
  FB_CALL_GOTO(err, rc, fb_thermo_init(&m->th, err), fail);
  FB_CALL_GOTO(err, rc, fb_relic_init(&m->relic, &m->th, par ? par : &def, err), fail);
  m->ready = 1;
  return FB_OK;
fail:
  fb_bc2_free(m);
  return rc;
}

void fb_bc2_free(fb_bc2 *m) {
  if (!m) return;
  fb_relic_free(&m->relic);
  fb_thermo_free(&m->th);
  fb_rratio_free(&m->R);
  m->ready = 0;
}

/* Kallen function lambda(1, a, b). */
static double kallen(double a, double b) { return 1.0 + a * a + b * b - 2.0 * a - 2.0 * b - 2.0 * a * b; }

int fb_bc2_widths(const fb_bc2 *m, const fb_bc2_point *pt, double *visible_GeV, double *invisible_GeV,
                  fb_err *err) {
  FB_CALL(err, fb_bc2_point_check(pt, err));
  const double mA = pt->ratio * pt->mass_GeV, eps = pt->epsilon;
  double vis = 0.0;
  if (mA > 2.0 * FB_ME_GEV && mA <= FB_DARKPHOTON_MASS_MAX_GEV) {
    fb_darkphoton_decay d;
    FB_CALL(err, fb_darkphoton_decay_compute(&m->R, mA, eps, &d, err));
    vis = d.width_GeV;
  } else if (mA > FB_DARKPHOTON_MASS_MAX_GEV) {
    /* same formulas as fb_darkphoton, with R clamped at 12 GeV (fb_rratio_eval) */
    vis = fb_darkphoton_width_ll_GeV(mA, eps, FB_ME_GEV) + fb_darkphoton_width_ll_GeV(mA, eps, FB_MMU_GEV) +
          fb_darkphoton_width_ll_GeV(mA, eps, FB_MTAU_GEV) +
          FB_ALPHA_EM * eps * eps * mA / 3.0 * fb_rratio_eval(&m->R, mA);
  }
  double inv = 0.0;
  const double r = pt->mass_GeV * pt->mass_GeV / (mA * mA);
  switch (pt->spin) {
    case FB_BC2_DIRAC:
      if (4.0 * r < 1.0) inv = pt->alpha_D * mA / 3.0 * (1.0 + 2.0 * r) * sqrt(1.0 - 4.0 * r);
      break;
    case FB_BC2_SCALAR:
      if (4.0 * r < 1.0) inv = pt->alpha_D * mA / 12.0 * pow(1.0 - 4.0 * r, 1.5);
      break;
    case FB_BC2_MAJORANA:
      if (4.0 * r < 1.0) inv = pt->alpha_D * mA / 6.0 * pow(1.0 - 4.0 * r, 1.5);
      break;
    case FB_BC2_PSEUDODIRAC: {
      const double m2 = pt->mass_GeV * (1.0 + pt->delta);
      if (mA > pt->mass_GeV + m2) {
        const double a = r, b = m2 * m2 / (mA * mA);
        inv = pt->alpha_D * mA / 3.0 * sqrt(kallen(a, b)) *
              (1.0 - (a + b) / 2.0 - (a - b) * (a - b) / 2.0 + 3.0 * sqrt(a * b));
      }
      break;
    }
  }
  *visible_GeV = vis;
  *invisible_GeV = inv;
  return FB_OK;
}

/* Everything W_eff(s) needs at one point. */
typedef struct bc2_weff_data {
  const fb_bc2 *m;
  fb_bc2_spin spin;
  double m1, m2;      /* m_chi (m_chi1, m_chi2 for pseudodirac) */
  double mA2, mAG2;   /* m_A'^2 and (m_A' Gamma)^2 */
  double C;           /* 4 pi alpha alpha_D eps^2 / 3 */
  double a1, a2;      /* chi chibar -> A'A' sigma v [GeV^-2] of state 1 and 2 (0 if closed) */
  int channels;       /* BC2_CH_SM | BC2_CH_AA: which channels W_eff includes */
} bc2_weff_data;
#define BC2_CH_SM 1
#define BC2_CH_AA 2

/* F(sqrt s): leptons with exact mass dependence + hadrons through R. */
static double bc2_sm_factor(const fb_rratio *R, double s) {
  static const double ml[3] = {FB_ME_GEV, FB_MMU_GEV, FB_MTAU_GEV};
  double f = 0.0;
  for (int i = 0; i < 3; i++) {
    const double z = 4.0 * ml[i] * ml[i] / s;
    if (z < 1.0) f += sqrt(1.0 - z) * (1.0 + z / 2.0);
  }
  return f + fb_rratio_eval(R, sqrt(s));
}

/* chi chibar -> A' A' s-wave sigma v, Pospelov, Ritz & Voloshin arXiv:0711.4866. */
static double bc2_sigmav_AA(double alpha_D, double m, double mA) {
  if (!(mA < m)) return 0.0;
  const double r = mA * mA / (m * m);
  return FB_PI * alpha_D * alpha_D / (m * m) * pow(1.0 - r, 1.5) / ((1.0 - r / 2.0) * (1.0 - r / 2.0));
}

static double bc2_weff(double s, void *user) {
  const bc2_weff_data *d = user;
  const double P = (d->channels & BC2_CH_SM) ? 1.0 / ((s - d->mA2) * (s - d->mA2) + d->mAG2) : 0.0;
  const double a1 = (d->channels & BC2_CH_AA) ? d->a1 : 0.0, a2 = (d->channels & BC2_CH_AA) ? d->a2 : 0.0;
  const double F = P > 0.0 ? bc2_sm_factor(&d->m->R, s) : 0.0;
  const double m1s = d->m1 * d->m1;
  const double beta2 = 1.0 - 4.0 * m1s / s;
  if (!(beta2 > 0.0)) return 0.0;
  switch (d->spin) {
    case FB_BC2_DIRAC:
      return 2.0 * (2.0 * s * s * d->C * P * (1.0 + 2.0 * m1s / s) * F + s * a1);
    case FB_BC2_SCALAR:
      return 2.0 * (2.0 * s * s * d->C * P * beta2 * F);
    case FB_BC2_MAJORANA:
      return 2.0 * s * s * d->C * P * beta2 * F;
    case FB_BC2_PSEUDODIRAC: {
      const double p11 = sqrt(s / 4.0 - m1s);
      double w = s * a1; /* W_11: chi1 chi1 -> A'A' */
      const double sum = d->m1 + d->m2, dif = d->m2 - d->m1;
      if (s > sum * sum) {
        const double p12 = sqrt((s - sum * sum) * (s - dif * dif) / (4.0 * s));
        const double F12 = 1.0 - (m1s + d->m2 * d->m2) / (2.0 * s) -
                           (m1s - d->m2 * d->m2) * (m1s - d->m2 * d->m2) / (2.0 * s * s) + 3.0 * d->m1 * d->m2 / s;
        w += 2.0 * (p12 / p11) * 2.0 * s * s * d->C * P * F12 * F;
      }
      if (a2 > 0.0 && s > 4.0 * d->m2 * d->m2) w += sqrt(s / 4.0 - d->m2 * d->m2) / p11 * s * a2;
      return w;
    }
  }
  return NAN;
}

/* Fill the relic problem and the W_eff data of a point. */
static int bc2_setup(const fb_bc2 *m, const fb_bc2_point *pt, bc2_weff_data *d, fb_relic_problem *p,
                     fb_err *err) {
  double vis = 0.0, inv = 0.0;
  FB_CALL(err, fb_bc2_widths(m, pt, &vis, &inv, err));
  const double mA = pt->ratio * pt->mass_GeV, G = vis + inv;
  memset(d, 0, sizeof *d);
  d->m = m;
  d->spin = pt->spin;
  d->m1 = pt->mass_GeV;
  d->m2 = pt->spin == FB_BC2_PSEUDODIRAC ? pt->mass_GeV * (1.0 + pt->delta) : pt->mass_GeV;
  d->mA2 = mA * mA;
  d->mAG2 = mA * G * mA * G;
  d->C = 4.0 * FB_PI * FB_ALPHA_EM * pt->alpha_D * pt->epsilon * pt->epsilon / 3.0;
  d->channels = BC2_CH_SM | BC2_CH_AA;
  if (pt->spin == FB_BC2_DIRAC || pt->spin == FB_BC2_PSEUDODIRAC) {
    d->a1 = bc2_sigmav_AA(pt->alpha_D, d->m1, mA);
    d->a2 = pt->spin == FB_BC2_PSEUDODIRAC ? bc2_sigmav_AA(pt->alpha_D, d->m2, mA) : 0.0;
  }
  memset(p, 0, sizeof *p);
  switch (pt->spin) {
    case FB_BC2_MAJORANA:
      p->n_states = 1;
      p->mass_GeV[0] = d->m1;
      p->g[0] = 2.0;
      break;
    case FB_BC2_SCALAR:
    case FB_BC2_DIRAC:
      p->n_states = 2; /* particle and antiparticle */
      p->mass_GeV[0] = p->mass_GeV[1] = d->m1;
      p->g[0] = p->g[1] = pt->spin == FB_BC2_DIRAC ? 2.0 : 1.0;
      break;
    case FB_BC2_PSEUDODIRAC:
      p->n_states = 2;
      p->mass_GeV[0] = d->m1;
      p->mass_GeV[1] = d->m2;
      p->g[0] = p->g[1] = 2.0;
      break;
  }
  p->weff = bc2_weff;
  p->user = d;
  p->res_mass_GeV = mA;
  p->res_width_GeV = G;
  size_t nb = 0;
  p->breaks_sqrts_GeV[nb++] = 2.0 * FB_MMU_GEV;
  p->breaks_sqrts_GeV[nb++] = 2.0 * FB_MPI_CHARGED_GEV;
  p->breaks_sqrts_GeV[nb++] = 2.0 * FB_MTAU_GEV;
  /* kinks of R(sqrt s) (fb_rratio.c): pi0 gamma and 3 pi thresholds, the 1.9-2.1 GeV blend into
   * pQCD, open charm and bottom */
  p->breaks_sqrts_GeV[nb++] = FB_MPI0_GEV;
  p->breaks_sqrts_GeV[nb++] = 2.0 * FB_MPI_CHARGED_GEV + FB_MPI0_GEV;
  p->breaks_sqrts_GeV[nb++] = 1.9;
  p->breaks_sqrts_GeV[nb++] = 2.1;
  p->breaks_sqrts_GeV[nb++] = 2.0 * FB_MD0_GEV;
  p->breaks_sqrts_GeV[nb++] = 2.0 * FB_MB0_GEV;
  if (pt->spin == FB_BC2_PSEUDODIRAC) p->breaks_sqrts_GeV[nb++] = d->m1 + d->m2;
  for (size_t i = 0; i < BC2_N_NARROW; i++) {
    const double M = bc2_narrow_res[i][0], W = bc2_narrow_res[i][1];
    const double k[5] = {0.0, -1.0, 1.0, -10.0, 10.0};
    for (int j = 0; j < 5; j++) p->breaks_sqrts_GeV[nb++] = M + k[j] * W / 2.0;
  }
  p->n_breaks = nb;
  return FB_OK;
}

/* Same model parameters apart from eps? */
static int bc2_same_model(const fb_bc2_point *a, const fb_bc2_point *b) {
  return a->spin == b->spin && a->mass_GeV == b->mass_GeV && a->ratio == b->ratio && a->alpha_D == b->alpha_D &&
         (a->spin != FB_BC2_PSEUDODIRAC || a->delta == b->delta);
}

/* Largest relative change of P(s) = 1/((s - M^2)^2 + M^2 G^2) between widths G1 and G2 over
 * s >= 4 m^2 (the physical range): |dP/P| <= M^2 |G1^2 - G2^2| / (D_min + M^2 min(G1, G2)^2), with
 * D_min = min (s - M^2)^2 = 0 when the pole is above threshold. */
static double bc2_propagator_change(double m1, double mA, double G1, double G2) {
  const double s_lo = 4.0 * m1 * m1, M2 = mA * mA;
  const double dmin = M2 > s_lo ? 0.0 : (s_lo - M2) * (s_lo - M2);
  const double gmin = fmin(G1, G2);
  const double den = dmin + M2 * gmin * gmin;
  if (!(den > 0.0)) return HUGE_VAL;
  return M2 * fabs(G1 * G1 - G2 * G2) / den;
}

int fb_bc2_omega_h2(fb_bc2 *m, const fb_bc2_point *pt, fb_relic_result *res, fb_err *err) {
  FB_TEST(err, m == NULL || !m->ready, FB_ERR_INPUT, "BC2 model not initialised");
  bc2_weff_data d;
  fb_relic_problem p;
  FB_CALL(err, bc2_setup(m, pt, &d, &p, err));
  const size_t n = fb_relic_n_nodes(&m->relic);
  const double mA = pt->ratio * pt->mass_GeV, G = sqrt(d.mAG2) / mA;
  double table[FB_RELIC_MAX_NODES];
  if (!(m->cache_valid && bc2_same_model(pt, &m->cache_pt) &&
        (m->force_cache || bc2_propagator_change(pt->mass_GeV, mA, G, m->cache_width_GeV) < FB_BC2_CACHE_TOL))) {
    m->cache_valid = 0;
    d.channels = BC2_CH_SM;
    FB_CALL(err, fb_relic_tabulate(&m->relic, &p, m->cache_sm, err));
    if (d.a1 > 0.0 || d.a2 > 0.0) {
      d.channels = BC2_CH_AA;
      FB_CALL(err, fb_relic_tabulate(&m->relic, &p, m->cache_aa, err));
    } else {
      memset(m->cache_aa, 0, sizeof m->cache_aa);
    }
    d.channels = BC2_CH_SM | BC2_CH_AA;
    m->cache_pt = *pt;
    m->cache_width_GeV = G;
    m->cache_valid = 1;
    m->n_tabulations++;
  }
  const double scale = (pt->epsilon / m->cache_pt.epsilon) * (pt->epsilon / m->cache_pt.epsilon);
  for (size_t i = 0; i < n; i++) table[i] = scale * m->cache_sm[i] + m->cache_aa[i];
  m->n_solves++;
  FB_CALL(err, fb_relic_solve_tabulated(&m->relic, &p, table, res, err));
  return FB_OK;
}

int fb_bc2_sigmav_cmb_cm3_s(fb_bc2 *m, const fb_bc2_point *pt, double *sigmav_cm3_s, fb_err *err) {
  FB_TEST(err, m == NULL || !m->ready, FB_ERR_INPUT, "BC2 model not initialised");
  bc2_weff_data d;
  fb_relic_problem p;
  FB_CALL(err, bc2_setup(m, pt, &d, &p, err));
  *sigmav_cm3_s = 0.0;
  if (pt->spin != FB_BC2_DIRAC) return FB_OK;
  /* v -> 0 of sigma v_rel for chi chibar: W_{chi chibar}(s)/s at s = 4 m^2 (W = 4 E^2 sigma v in
   * the CM frame), = 16 pi alpha alpha_D eps^2 m^2 F(2m) / ((4m^2 - m_A'^2)^2 + m_A'^2 Gamma^2)
   * plus the A'A' channel. */
  const double s = 4.0 * d.m1 * d.m1 * (1.0 + 1e-12);
  *sigmav_cm3_s = bc2_weff(s, &d) / 2.0 / s * FB_INV_GEV2_TO_CM3_S;
  return FB_OK;
}

typedef struct target_params {
  fb_bc2 *m;
  fb_bc2_point pt;
  double omega_target;
  fb_relic_result res;
  fb_err solve_err;
  int rc;
} target_params;

static double target_fn(double y, void *vp) {
  target_params *q = vp;
  q->pt.epsilon = fb_bc2_epsilon_from_y(y, q->pt.alpha_D, q->pt.ratio);
  q->rc = fb_bc2_omega_h2(q->m, &q->pt, &q->res, &q->solve_err);
  if (q->rc != FB_OK) return NAN;
  return log(q->res.omega_h2 / q->omega_target);
}

int fb_bc2_target_y(fb_bc2 *m, const fb_bc2_point *pt, double omega_h2_target, double *y,
                    fb_relic_result *res, fb_err *err) {
  FB_TEST(err, !(omega_h2_target > 0.0), FB_ERR_RANGE, "Omega h^2 target %g must be > 0", omega_h2_target);
  target_params q;
  memset(&q, 0, sizeof q);
  q.m = m;
  q.pt = *pt;
  q.omega_target = omega_h2_target;
  /* y can make eps > 1 only far above every thermal target; cap the domain there */
  const double y_max = fb_bc2_y_from_epsilon(1.0, pt->alpha_D, pt->ratio);
  /* first guess from one evaluation and Omega ~ 1/y (exact away from resonances up to ln y) */
  const double y0 = fmin(1e-9, y_max / 10.0);
  const double f0 = target_fn(y0, &q);
  if (!isfinite(f0)) {
    *err = q.solve_err;
    return fb_err_push(err, q.rc ? q.rc : FB_ERR_NUMERIC, __func__, __LINE__, "Omega h^2 at the first guess");
  }
  double guess = fmin(y0 * exp(f0), y_max / 2.0);
  fb_roots_options o;
  fb_roots_options_default(&o);
  o.log_space = 1;
  o.x_min = 1e-30;
  o.x_max = y_max;
  o.expand_factor = 1.0;
  /* Stage 1 (a guess only): root with the table of y0 rescaled as eps^2, i.e. with the A' width
   * frozen at its y0 value. Exact wherever the width's eps dependence is negligible; elsewhere it
   * only places the bracket of stage 2. */
  o.xtol_rel = 1e-4;
  m->force_cache = 1;
  int rc = fb_roots_find(target_fn, &q, guess / 1.3, fmin(guess * 1.3, y_max), &o, &guess, err);
  m->force_cache = 0;
  if (rc != FB_OK) {
    if (q.rc != FB_OK) {
      *err = q.solve_err;
      return fb_err_push(err, q.rc, __func__, __LINE__, "freeze-out inside the thermal-target pre-search");
    }
    return fb_err_push(err, rc, __func__, __LINE__, "root of Omega h^2(y) = target (pre-search)");
  }
  /* Stage 2: exact root in a narrow bracket; the eps values differ by < 0.2% so the exact cache
   * criterion (FB_BC2_CACHE_TOL) usually accepts one table for all of them. */
  o.xtol_rel = 1e-5;
  o.expand_factor = 0.5;
  rc = fb_roots_find(target_fn, &q, guess * (1.0 - 1e-3), fmin(guess * (1.0 + 1e-3), y_max), &o, y, err);
  if (rc != FB_OK) {
    if (q.rc != FB_OK) {
      *err = q.solve_err;
      return fb_err_push(err, q.rc, __func__, __LINE__, "freeze-out inside the thermal-target root finding");
    }
    return fb_err_push(err, rc, __func__, __LINE__, "root of Omega h^2(y) = target");
  }
  if (res) {
    if (!isfinite(target_fn(*y, &q))) {
      *err = q.solve_err;
      return fb_err_push(err, q.rc ? q.rc : FB_ERR_NUMERIC, __func__, __LINE__, "freeze-out at the target");
    }
    *res = q.res;
  }
  return FB_OK;
}
