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
 * chi chi -> A' A', t- and u-channel chi exchange (+ the seagull for the scalar), all four spins:
 * the exact tree-level cross section sigma(s), from helicity amplitudes evaluated numerically
 * (Dirac spinors, massive polarisation vectors, Gauss-Legendre angular integral; see the block
 * "exact tree-level cross section" below), tabulated once per (coupling type, r = m_A'^2/m^2) in
 * u = s/(4m^2) - 1 (W/alpha_D^2 is mass and alpha_D independent) and used inside the relativistic
 * thermal average. It is included for m_A'/m_chi < FB_BC2_AA_RATIO_MAX = 3, i.e. also the thermally
 * open ("forbidden") regime m_chi < m_A' < 3 m_chi (D'Agnolo & Ruderman arXiv:1505.07107), so
 * Omega h^2 is continuous across m_A' = m_chi. Couplings: vector g_D gamma^mu (dirac; per Majorana
 * state for pseudodirac, its delta -> 0 limit with the state's own mass in the propagator), axial
 * g_D gamma^mu gamma^5 (the majorana vertex), scalar QED (complex scalar).
 * Checks (tests/boltzmann/test_bc2.c, tools/xsec_aa_check.py, an independent numpy implementation):
 * at threshold sigma v -> (pi alpha_D^2/m^2) a(r) with
 *   vector, axial: a = (1 - r)^{3/2}/(1 - r/2)^2   [vector: Pospelov, Ritz & Voloshin arXiv:0711.4866]
 *   scalar:        a = sqrt(1 - r) (8 - 8r + 3r^2)/(2 - r)^2  (-> 2, the phi phi* -> gamma gamma value)
 * and at small relative velocity v (v^2 = 4 (1 - 4m^2/s)) sigma v = (pi alpha_D^2/m^2)
 * (beta_f(s)/beta_f0) (a + b v^2), beta_f = sqrt(1 - 4 m_A'^2/s), beta_f0 = sqrt(1 - r), with
 *   vector: b = sqrt(1 - r) (4 + 8r/3 - 4r^2 + 7r^3/3)/(2 - r)^4
 *   axial:  b = sqrt(1 - r) (64/3 - 32r + 28r^2/3 + 56r^3/3 - 38r^4/3 + 7r^5/3)/(r^2 (2 - r)^4)
 *   scalar: b = sqrt(1 - r) (-56/3 + 32r - 71r^2/3 + 22r^3/3 - 3r^4/4)/(2 - r)^4
 * (the a's other than PRV's and the b's were derived for this code: exact rational fits, residual
 * < 1e-9, to the numerical amplitudes). a(r) is what the CMB bound uses (v -> 0). The axial b grows
 * as 1/r^2: the longitudinal A' couples to the non-conserved axial current with strength
 * ~ g_D m/m_A' (Goldstone equivalence); a dark Higgs that would soften this in a UV completion is
 * not part of BC2 and is not included. W = 4 p sqrt(s) sigma = s sigma v_rel.
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

#include <complex.h>
#include <gsl/gsl_integration.h>
#include <math.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_darkphoton.h"
#include "fb_roots.h"

/* Narrow vector resonances of R(s) (fb_rratio_narrow_resonances: the same PDG 2024 values R uses)
 * serve as quadrature break points (peak and +-1, +-10 widths) so that the thermal average resolves them. */
#define BC2_N_NARROW 7

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
  double aa1[2], aa2[2]; /* chi chi -> A'A' NR coefficients (a, b) [GeV^-2] of states 1 and 2 (0 if closed) */
  const fb_bc2_aa_table *tab1, *tab2; /* exact chi chi -> A'A' tables of states 1 and 2 (NULL: not included) */
  double alpha_D2;    /* alpha_D^2 */
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

void fb_bc2_aa_nr_coeffs(fb_bc2_spin spin, double r, double *a, double *b) {
  /* see the file comment; a of the vector case: Pospelov, Ritz & Voloshin arXiv:0711.4866 */
  *a = *b = 0.0;
  if (!(r > 0.0 && r < 1.0)) return;
  const double q = sqrt(1.0 - r), d = 2.0 - r, d4 = d * d * d * d;
  switch (spin) {
    case FB_BC2_DIRAC:
    case FB_BC2_PSEUDODIRAC:
      *a = 4.0 * q * q * q / (d * d);
      *b = q * (4.0 + r * (8.0 / 3.0 + r * (-4.0 + r * 7.0 / 3.0))) / d4;
      break;
    case FB_BC2_MAJORANA:
      *a = 4.0 * q * q * q / (d * d);
      *b = q * (64.0 / 3.0 + r * (-32.0 + r * (28.0 / 3.0 + r * (56.0 / 3.0 + r * (-38.0 / 3.0 + r * 7.0 / 3.0))))) /
           (r * r * d4);
      break;
    case FB_BC2_SCALAR:
      *a = q * (8.0 - 8.0 * r + 3.0 * r * r) / (d * d);
      *b = q * (-56.0 / 3.0 + r * (32.0 + r * (-71.0 / 3.0 + r * (22.0 / 3.0 - r * 0.75)))) / d4;
      break;
  }
}

/* chi chi -> A'A' threshold coefficients (a, b) [GeV^-2] of a state of mass m (0 if closed). */
static void bc2_AA_coeffs(fb_bc2_spin spin, double alpha_D, double m, double mA, double ab[2]) {
  const double pref = FB_PI * alpha_D * alpha_D / (m * m);
  fb_bc2_aa_nr_coeffs(spin, mA * mA / (m * m), &ab[0], &ab[1]);
  ab[0] *= pref;
  ab[1] *= pref;
}

#define BC2_AA_VECTOR 0
#define BC2_AA_AXIAL 1
#define BC2_AA_SCALAR 2
#define BC2_AA_NGL 24
/* ---- chi chi -> A'A': exact tree-level cross section, tabulated per (coupling, r) ---------------
 * Units m_chi = 1 inside this block. The spin-summed |M|^2 (couplings g_D = 1) is evaluated
 * numerically: helicity amplitudes vbar(p2) M u(p1) with Dirac-representation spinors and real
 * polarisation vectors (two transverse, one longitudinal: their outer products sum to
 * -g + k k/m_A'^2) for the fermions, the scalar-QED amplitude (t, u and seagull) for the scalar.
 * W-hat(u) = W/alpha_D^2 = avg (1/2) 16 pi^2 (k/(8 pi sqrt s)) int_{-1}^{1} |M|^2 dcos(theta), u =
 * s/(4 m^2) - 1 (avg: 1/4 for the fermion spins, 1 for the scalar; 1/2: identical A'), is a
 * function of u and r = m_A'^2/m^2 only, so one table serves every mass and alpha_D. The angular
 * integral uses the t <-> u symmetry and the variable ln(m^2 - t), which flattens the forward
 * t-channel peak (24-point Gauss-Legendre). Checked against the independent implementation in
 * tools/xsec_aa_check.py and, at threshold, against Pospelov, Ritz & Voloshin arXiv:0711.4866. */
typedef double complex bc2_c;
typedef struct { bc2_c a[4][4]; } bc2_m4;

static void m4_mul(const bc2_m4 *x, const bc2_m4 *y, bc2_m4 *z) {
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 4; j++) {
      bc2_c s = 0.0;
      for (int k = 0; k < 4; k++) s += x->a[i][k] * y->a[k][j];
      z->a[i][j] = s;
    }
}

/* p-slash = p^0 g^0 - p^i g^i in the Dirac representation, plus c times the unit matrix. */
static void m4_slash(const double p[4], double c, bc2_m4 *z) {
  memset(z, 0, sizeof *z);
  z->a[0][0] = z->a[1][1] = p[0] + c;
  z->a[2][2] = z->a[3][3] = -p[0] + c;
  /* -p^i gamma^i, gamma^i = [[0, sigma_i], [-sigma_i, 0]]: sigma.p = [[p3, p1 - i p2], [p1 + i p2, -p3]] */
  const bc2_c s00 = p[3], s01 = p[1] - I * p[2], s10 = p[1] + I * p[2], s11 = -p[3];
  z->a[0][2] = -s00; z->a[0][3] = -s01; z->a[1][2] = -s10; z->a[1][3] = -s11;
  z->a[2][0] = s00;  z->a[2][1] = s01;  z->a[3][0] = s10;  z->a[3][1] = s11;
}

/* X gamma^5 (gamma^5 = [[0, 1], [1, 0]]): swaps the column blocks. */
static void m4_times_g5(bc2_m4 *x) {
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 2; j++) {
      const bc2_c t = x->a[i][j];
      x->a[i][j] = x->a[i][j + 2];
      x->a[i][j + 2] = t;
    }
}

static double dot4(const double a[4], const double b[4]) {
  return a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3];
}

/* Spin- and polarisation-summed |M|^2 at (u, cos theta), m = 1, g_D = 1. */
static double bc2_aa_msq(int kind, double u, double r, double c) {
  const double E = sqrt(1.0 + u), p = sqrt(u), mA = sqrt(r), k = sqrt(fmax(E * E - r, 0.0));
  const double sn = sqrt(fmax(1.0 - c * c, 0.0));
  const double p1[4] = {E, 0, 0, p}, p2[4] = {E, 0, 0, -p};
  const double k1[4] = {E, k * sn, 0, k * c}, k2[4] = {E, -k * sn, 0, -k * c};
  double e1[3][4] = {{0, c, 0, -sn}, {0, 0, 1, 0}, {k / mA, E * sn / mA, 0, E * c / mA}};
  double e2[3][4] = {{0, c, 0, -sn}, {0, 0, 1, 0}, {k / mA, -E * sn / mA, 0, -E * c / mA}};
  double q1[4], q2[4];
  for (int i = 0; i < 4; i++) {
    q1[i] = p1[i] - k1[i];
    q2[i] = p1[i] - k2[i];
  }
  const double d1 = dot4(q1, q1) - 1.0, d2 = dot4(q2, q2) - 1.0;
  double sum = 0.0;
  if (kind == BC2_AA_SCALAR) {
    double a1[4], b1[4], a2[4], b2[4];
    for (int i = 0; i < 4; i++) {
      a1[i] = 2.0 * p1[i] - k1[i];
      b1[i] = k2[i] - 2.0 * p2[i];
      a2[i] = k1[i] - 2.0 * p2[i];
      b2[i] = 2.0 * p1[i] - k2[i];
    }
    for (int l1 = 0; l1 < 3; l1++)
      for (int l2 = 0; l2 < 3; l2++) {
        const double M = dot4(a1, e1[l1]) * dot4(b1, e2[l2]) / d1 + dot4(a2, e1[l1]) * dot4(b2, e2[l2]) / d2 -
                         2.0 * dot4(e1[l1], e2[l2]);
        sum += M * M;
      }
    return sum;
  }
  /* fermions: spinors u(p1, s) = (sqrt(E+1) xi, p sigma_z xi/sqrt(E+1)),
   * v(p2, s) = (-p sigma_z eta/sqrt(E+1), sqrt(E+1) eta) */
  const double n = sqrt(E + 1.0);
  bc2_c us[2][4], vb[2][4];
  for (int s = 0; s < 2; s++) {
    const double sz = s == 0 ? 1.0 : -1.0;
    bc2_c uu[4] = {0, 0, 0, 0}, vv[4] = {0, 0, 0, 0};
    uu[s] = n;
    uu[2 + s] = p * sz / n;
    vv[s] = -p * sz / n;
    vv[2 + s] = n;
    for (int i = 0; i < 4; i++) {
      us[s][i] = uu[i];
      vb[s][i] = conj(vv[i]) * (i < 2 ? 1.0 : -1.0); /* vbar = v^dagger gamma^0 */
    }
  }
  bc2_m4 S1, S2, G1[3], G2[3], t1, t2, M;
  m4_slash(q1, 1.0, &S1);
  m4_slash(q2, 1.0, &S2);
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 4; j++) {
      S1.a[i][j] /= d1;
      S2.a[i][j] /= d2;
    }
  for (int l = 0; l < 3; l++) {
    m4_slash(e1[l], 0.0, &G1[l]);
    m4_slash(e2[l], 0.0, &G2[l]);
    if (kind == BC2_AA_AXIAL) {
      m4_times_g5(&G1[l]);
      m4_times_g5(&G2[l]);
    }
  }
  for (int l1 = 0; l1 < 3; l1++)
    for (int l2 = 0; l2 < 3; l2++) {
      m4_mul(&S1, &G1[l1], &t1);
      m4_mul(&G2[l2], &t1, &M);
      m4_mul(&S2, &G2[l2], &t1);
      m4_mul(&G1[l1], &t1, &t2);
      for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) M.a[i][j] += t2.a[i][j];
      for (int s1 = 0; s1 < 2; s1++)
        for (int s2 = 0; s2 < 2; s2++) {
          bc2_c amp = 0.0;
          for (int i = 0; i < 4; i++) {
            bc2_c mu = 0.0;
            for (int j = 0; j < 4; j++) mu += M.a[i][j] * us[s1][j];
            amp += vb[s2][i] * mu;
          }
          sum += creal(amp * conj(amp));
        }
    }
  return sum;
}

/* W-hat(u) = W/alpha_D^2 of chi chi -> A'A' (exact tree level), 0 below threshold. */
static double bc2_aa_what_exact(int kind, double u, double r, const double *glx, const double *glw) {
  const double E2 = 1.0 + u;
  if (!(E2 > r)) return 0.0;
  const double p = sqrt(u), k = sqrt(E2 - r), sqs = 2.0 * sqrt(E2);
  const double A = 2.0 * E2 - r, B = 2.0 * p * k; /* m^2 - t = A - B cos(theta) > 0 */
  double integral = 0.0;
  if (B < 1e-12 * A) {
    integral = 2.0 * bc2_aa_msq(kind, u, r, 0.5);
  } else {
    /* int_0^1 dc = int_{ln(A - B)}^{ln A} dw e^w/B, c = (A - e^w)/B; times 2 for [-1, 0] */
    const double w0 = log(A - B), w1 = log(A);
    for (size_t i = 0; i < BC2_AA_NGL; i++) {
      const double w = 0.5 * (w0 + w1) + 0.5 * (w1 - w0) * glx[i], ew = exp(w);
      const double c = fmin(1.0, fmax(0.0, (A - ew) / B));
      integral += 0.5 * (w1 - w0) * glw[i] * bc2_aa_msq(kind, u, r, c) * ew / B;
    }
    integral *= 2.0;
  }
  const double avg = kind == BC2_AA_SCALAR ? 1.0 : 0.25;
  return avg * 0.5 * 16.0 * FB_PI * FB_PI * k / (8.0 * FB_PI * sqs) * integral;
}

static int bc2_aa_kind(fb_bc2_spin spin) {
  return spin == FB_BC2_SCALAR ? BC2_AA_SCALAR : spin == FB_BC2_MAJORANA ? BC2_AA_AXIAL : BC2_AA_VECTOR;
}

static int bc2_gl_nodes(double *x, double *w, fb_err *err) {
  gsl_integration_glfixed_table *g = gsl_integration_glfixed_table_alloc(BC2_AA_NGL);
  FB_TEST(err, !g, FB_ERR_MEMORY, "cannot allocate the Gauss-Legendre table");
  for (size_t i = 0; i < BC2_AA_NGL; i++) gsl_integration_glfixed_point(-1.0, 1.0, i, &x[i], &w[i], g);
  gsl_integration_glfixed_table_free(g);
  return FB_OK;
}

/* Table of ln W-hat on the uniform grid q = ln(u - u0), u0 = max(0, r - 1) (threshold). */
static int bc2_aa_table_build(fb_bc2_aa_table *t, int kind, double r, fb_err *err) {
  double x[BC2_AA_NGL], w[BC2_AA_NGL];
  FB_CALL(err, bc2_gl_nodes(x, w, err));
  const double u0 = fmax(0.0, r - 1.0), h = (FB_BC2_AA_QMAX - FB_BC2_AA_QMIN) / (FB_BC2_AA_NQ - 1);
  for (int i = 0; i < FB_BC2_AA_NQ; i++) {
    const double wh = bc2_aa_what_exact(kind, u0 + exp(FB_BC2_AA_QMIN + h * i), r, x, w);
    FB_TEST(err, !(wh > 0.0) || !isfinite(wh), FB_ERR_NUMERIC, "chi chi -> A'A' table: W = %g at node %d (r = %g)",
            wh, i, r);
    t->lnw[i] = log(wh);
  }
  t->kind = kind;
  t->r = r;
  t->valid = 1;
  return FB_OK;
}

/* W-hat(u) from the table: Catmull-Rom cubic in q inside, linear extrapolation of ln W outside
 * (near threshold ln W is linear in q: slope 0 for r < 1 (s-wave), 1/2 for r > 1 (beta_f)). */
static double bc2_aa_table_eval(const fb_bc2_aa_table *t, double u) {
  const double u0 = fmax(0.0, t->r - 1.0);
  if (!(u > u0)) return 0.0;
  const double h = (FB_BC2_AA_QMAX - FB_BC2_AA_QMIN) / (FB_BC2_AA_NQ - 1);
  const double tq = (log(u - u0) - FB_BC2_AA_QMIN) / h;
  const double *y = t->lnw;
  const int n = FB_BC2_AA_NQ;
  double ly;
  if (tq <= 0.0) {
    ly = y[0] + tq * (y[1] - y[0]);
  } else if (tq >= n - 1) {
    ly = y[n - 1] + (tq - (n - 1)) * (y[n - 1] - y[n - 2]);
  } else {
    const int i = (int)tq;
    const double f = tq - i;
    const double ym = i > 0 ? y[i - 1] : 2.0 * y[0] - y[1];
    const double yp2 = i + 2 < n ? y[i + 2] : 2.0 * y[n - 1] - y[n - 2];
    const double y0 = y[i], y1 = y[i + 1];
    ly = y0 + 0.5 * f * (y1 - ym + f * (2.0 * ym - 5.0 * y0 + 4.0 * y1 - yp2 + f * (3.0 * (y0 - y1) + yp2 - ym)));
  }
  return exp(ly);
}

/* Table for (kind, r) from the model's two-slot cache (slot = state index), built on a miss. */
static int bc2_aa_table_get(fb_bc2 *m, int slot, int kind, double r, const fb_bc2_aa_table **t, fb_err *err) {
  fb_bc2_aa_table *c = &m->aa_tab[slot];
  if (!(c->valid && c->kind == kind && c->r == r)) {
    c->valid = 0;
    FB_CALL(err, bc2_aa_table_build(c, kind, r, err));
    m->n_aa_tables++;
  }
  *t = c;
  return FB_OK;
}

/* W = s sigma v of chi chi -> A'A' for a state of mass m from its table, 0 below threshold. */
static double bc2_w_AA(double s, double m, const fb_bc2_aa_table *tab, double alpha_D2) {
  if (!tab) return 0.0;
  return alpha_D2 * bc2_aa_table_eval(tab, s / (4.0 * m * m) - 1.0);
}

static double bc2_weff(double s, void *user) {
  const bc2_weff_data *d = user;
  const double P = (d->channels & BC2_CH_SM) ? 1.0 / ((s - d->mA2) * (s - d->mA2) + d->mAG2) : 0.0;
  const int aa = (d->channels & BC2_CH_AA) != 0;
  const double F = P > 0.0 ? bc2_sm_factor(&d->m->R, s) : 0.0;
  const double m1s = d->m1 * d->m1;
  const double beta2 = 1.0 - 4.0 * m1s / s;
  if (!(beta2 > 0.0)) return 0.0;
  const double w1 = aa ? bc2_w_AA(s, d->m1, d->tab1, d->alpha_D2) : 0.0;
  switch (d->spin) {
    case FB_BC2_DIRAC:
      return 2.0 * (2.0 * s * s * d->C * P * (1.0 + 2.0 * m1s / s) * F + w1);
    case FB_BC2_SCALAR:
      return 2.0 * (2.0 * s * s * d->C * P * beta2 * F + w1);
    case FB_BC2_MAJORANA:
      return 2.0 * s * s * d->C * P * beta2 * F + w1;
    case FB_BC2_PSEUDODIRAC: {
      const double p11 = sqrt(s / 4.0 - m1s);
      double w = w1; /* W_11: chi1 chi1 -> A'A' */
      const double sum = d->m1 + d->m2, dif = d->m2 - d->m1;
      if (s > sum * sum) {
        const double p12 = sqrt((s - sum * sum) * (s - dif * dif) / (4.0 * s));
        const double F12 = 1.0 - (m1s + d->m2 * d->m2) / (2.0 * s) -
                           (m1s - d->m2 * d->m2) * (m1s - d->m2 * d->m2) / (2.0 * s * s) + 3.0 * d->m1 * d->m2 / s;
        w += 2.0 * (p12 / p11) * 2.0 * s * s * d->C * P * F12 * F;
      }
      if (aa && s > 4.0 * d->m2 * d->m2)
        w += sqrt(s / 4.0 - d->m2 * d->m2) / p11 * bc2_w_AA(s, d->m2, d->tab2, d->alpha_D2);
      return w;
    }
  }
  return NAN;
}

/* Fill the relic problem and the W_eff data of a point. */
static int bc2_setup(fb_bc2 *m, const fb_bc2_point *pt, bc2_weff_data *d, fb_relic_problem *p,
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
  bc2_AA_coeffs(pt->spin, pt->alpha_D, d->m1, mA, d->aa1);
  if (pt->spin == FB_BC2_PSEUDODIRAC) bc2_AA_coeffs(pt->spin, pt->alpha_D, d->m2, mA, d->aa2);
  d->alpha_D2 = pt->alpha_D * pt->alpha_D;
  if (pt->ratio < FB_BC2_AA_RATIO_MAX) {
    FB_CALL(err, bc2_aa_table_get(m, 0, bc2_aa_kind(pt->spin), pt->ratio * pt->ratio, &d->tab1, err));
    if (pt->spin == FB_BC2_PSEUDODIRAC) {
      const double r2 = mA / d->m2;
      FB_CALL(err, bc2_aa_table_get(m, 1, bc2_aa_kind(pt->spin), r2 * r2, &d->tab2, err));
    }
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
  if (d->tab1 && mA > d->m1) p->breaks_sqrts_GeV[nb++] = 2.0 * mA; /* thermally open A'A' threshold */
  double res_m[BC2_N_NARROW], res_w[BC2_N_NARROW];
  const size_t n_res = fb_rratio_narrow_resonances(res_m, res_w, BC2_N_NARROW);
  FB_TEST(err, n_res != BC2_N_NARROW, FB_ERR_INTERNAL, "R(s) lists %zu narrow resonances, BC2 expects %d", n_res,
          (int)BC2_N_NARROW);
  for (size_t i = 0; i < BC2_N_NARROW; i++) {
    const double M = res_m[i], W = res_w[i];
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
  /* The table is computed at a reference point that depends only on this point, never on the
   * points computed before it (so a value is the same on any rank and after a resume): the
   * canonical eps FB_BC2_EPS_REF when the A' width there changes the propagator by less than
   * FB_BC2_CACHE_TOL, this point's own eps otherwise. A cached table is reused only for the same
   * reference point (bit for bit the table a fresh model would compute). Under force_cache (the
   * pre-search of fb_bc2_target_y) the cached table is taken whatever eps it belongs to. */
  fb_bc2_point ref = *pt;
  double G_ref = G;
  if (!m->force_cache) {
    ref.epsilon = FB_BC2_EPS_REF;
    double vis = 0.0, inv = 0.0;
    FB_CALL(err, fb_bc2_widths(m, &ref, &vis, &inv, err));
    G_ref = vis + inv;
    if (!(bc2_propagator_change(pt->mass_GeV, mA, G, G_ref) < FB_BC2_CACHE_TOL)) {
      ref = *pt;
      G_ref = G;
    }
  }
  if (!(m->cache_valid && bc2_same_model(&ref, &m->cache_pt) &&
        (m->force_cache || ref.epsilon == m->cache_pt.epsilon))) {
    m->cache_valid = 0;
    bc2_weff_data dref;
    fb_relic_problem pref;
    FB_CALL(err, bc2_setup(m, &ref, &dref, &pref, err));
    dref.channels = BC2_CH_SM;
    FB_CALL(err, fb_relic_tabulate(&m->relic, &pref, m->cache_sm, err));
    if (dref.tab1 || dref.tab2) {
      dref.channels = BC2_CH_AA;
      FB_CALL(err, fb_relic_tabulate(&m->relic, &pref, m->cache_aa, err));
    } else {
      memset(m->cache_aa, 0, sizeof m->cache_aa);
    }
    m->cache_pt = ref;
    m->cache_width_GeV = G_ref;
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
  if (pt->spin == FB_BC2_DIRAC) {
    /* v -> 0 of sigma v_rel for chi chibar: W_{chi chibar}(s)/s at s = 4 m^2 (W = 4 E^2 sigma v in
     * the CM frame), = 16 pi alpha alpha_D eps^2 m^2 F(2m) / ((4m^2 - m_A'^2)^2 + m_A'^2 Gamma^2)
     * plus the A'A' channel (its exact threshold coefficient a). */
    const double s = 4.0 * d.m1 * d.m1 * (1.0 + 1e-12);
    d.channels = BC2_CH_SM;
    *sigmav_cm3_s = (bc2_weff(s, &d) / 2.0 / s + d.aa1[0]) * FB_INV_GEV2_TO_CM3_S;
  } else {
    /* scalar, majorana: the SM channel is p-wave, only the s-wave A'A' coefficient a survives;
     * pseudodirac: chi_2 has decayed, chi_1 chi_1 -> A'A' (a of state 1). 0 if m_A' >= m_chi. */
    *sigmav_cm3_s = d.aa1[0] * FB_INV_GEV2_TO_CM3_S;
  }
  return FB_OK;
}

int fb_bc2_point_is_swave(const fb_bc2_point *pt) {
  return pt->spin == FB_BC2_DIRAC || pt->ratio < 1.0;
}

double fb_bc2_cmb_pair_factor(fb_bc2_spin spin) {
  /* rho^2 <sigma v>_eff / m of Planck's p_ann: n_chi n_chibar <sigma v> (2m) = rho^2 <sigma v>/(2m)
   * for a particle-antiparticle pair with n_chi = n_chibar = n/2 (dirac, scalar); self-conjugate
   * (majorana; pseudodirac after chi_2 decays) n^2/2 <sigma v> (2m) = rho^2 <sigma v>/m. */
  return (spin == FB_BC2_DIRAC || spin == FB_BC2_SCALAR) ? 0.5 : 1.0;
}

double fb_bc2_cmb_pann_thermal(double p_ann_cm3_s_GeV, double omega_h2, double omega_c_h2) {
  if (!(omega_h2 > 0.0) || !isfinite(omega_h2) || !(omega_c_h2 > 0.0)) return NAN;
  const double f = fmin(omega_h2 / omega_c_h2, 1.0);
  return p_ann_cm3_s_GeV * f * f;
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
  if (f0 < 0.0 && pt->ratio < FB_BC2_AA_RATIO_MAX) {
    /* chi chi -> A'A' does not depend on eps: if it alone (y -> 0) already depletes chi below the
     * target, no y gives the target (secluded annihilation) */
    const double f_lo = target_fn(1e-30, &q);
    if (!isfinite(f_lo)) {
      *err = q.solve_err;
      return fb_err_push(err, q.rc ? q.rc : FB_ERR_NUMERIC, __func__, __LINE__, "Omega h^2 at y = 1e-30");
    }
    FB_TEST(err, f_lo < 0.0, FB_ERR_RANGE,
            "no thermal target at m_chi = %g GeV, m_A'/m_chi = %g, alpha_D = %g: chi chi -> A'A' alone gives "
            "Omega h^2 = %.3g < %g for any y (secluded annihilation: a target needs a smaller alpha_D or a "
            "larger m_A'/m_chi)",
            pt->mass_GeV, pt->ratio, pt->alpha_D, omega_h2_target * exp(f_lo), omega_h2_target);
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

double fb_bc2_aa_what(fb_bc2_spin spin, double u, double r) {
  double x[BC2_AA_NGL], w[BC2_AA_NGL];
  fb_err err;
  if (bc2_gl_nodes(x, w, &err) != FB_OK) return NAN;
  return bc2_aa_what_exact(bc2_aa_kind(spin), u, r, x, w);
}

int fb_bc2_aa_what_table(fb_bc2 *m, fb_bc2_spin spin, double u, double r, double *what, fb_err *err) {
  FB_TEST(err, m == NULL || !m->ready, FB_ERR_INPUT, "BC2 model not initialised");
  FB_TEST(err, !(r > 0.0), FB_ERR_RANGE, "r = (m_A'/m_chi)^2 = %g: allowed r > 0", r);
  const fb_bc2_aa_table *t = NULL;
  FB_CALL(err, bc2_aa_table_get(m, 0, bc2_aa_kind(spin), r, &t, err));
  *what = bc2_aa_table_eval(t, u);
  return FB_OK;
}
