/**
 * @file fb_fip_hnl.c
 * @brief BC6, BC7, BC8 (FIPs 2020 report arXiv:2102.12143): one Majorana heavy neutral lepton N
 *        mixing with one active flavour alpha = e, mu, tau only; plane (m_N, |U_alpha|^2).
 *
 * Widths: Bondarenko, Boyarsky, Gorbunov, Ruchayskiy, arXiv:1805.08567 (sec. 3), in their
 * notation (x_i = m_i/M_N, G = G_F, U2 = |U_alpha|^2), each for one charge configuration, then
 * multiplied by 2 (Majorana: the charge-conjugate final state l+ X- / nubar X has the same width;
 * arXiv:1805.08567 gives Dirac-like widths and doubles the total for a Majorana HNL). So every
 * channel of the record is "X + charge conjugate" and the total is the Majorana width:
 *  - N -> nu_alpha nu_beta nubar_beta: (1 + delta_ab) G^2 M^5 U2 / (768 pi^3) (sec. 3.1.2);
 *    summed over beta and doubled: G^2 M^5 U2 / (96 pi^3).
 *  - N -> nu_alpha l_beta+ l_beta- (Z, and W for beta = alpha, with interference):
 *      G^2 M^5 U2/(192 pi^3) [C1 ((1 - 14x^2 - 2x^4 - 12x^6) sqrt(1-4x^2) + 12 x^4 (x^4-1) L)
 *                           + 4 C2 (x^2 (2 + 10x^2 - 12x^4) sqrt(1-4x^2) + 6x^4 (1 - 2x^2 + 2x^4) L)],
 *      L = ln[(1 - 3x^2 - (1-x^2) sqrt(1-4x^2)) / (x^2 (1 + sqrt(1-4x^2)))]  (sec. 3.1.2),
 *    with C1 = g_L^2 + g_R^2, C2 = g_L g_R, g_L = T3 - Q s_W^2 (+1 for beta = alpha), g_R = -Q s_W^2:
 *    this reproduces C1..C4 of arXiv:1805.08567 for leptons (C1 = (1 - 4s^2 + 8s^4)/4,
 *    C2 = s^2 (2s^2 - 1)/2, C3 = (1 + 4s^2 + 8s^4)/4, C4 = s^2 (2s^2 + 1)/2) and its quark
 *    coefficients (N_c = 3) for nu q qbar.
 *  - N -> l_alpha- l_beta+ nu_beta (W, beta != alpha) and N -> l_alpha- u dbar (N_c |V_ud|^2):
 *      G^2 M^5 U2/(192 pi^3) I(...), I the V-A three-body phase-space function (sec. 3.1.1, 3.5),
 *    computed by fb_hnl_three_body (1D quadrature, exact for any daughter masses).
 *  - N -> l_alpha- P+: G^2 f_P^2 |V|^2 M^3 U2/(16 pi) [(1 - x_l^2)^2 - x_P^2 (1 + x_l^2)]
 *      sqrt(lambda(1, x_P^2, x_l^2))  (sec. 3.2.1);
 *    N -> nu_alpha P0: G^2 f_P^2 M^3 U2/(32 pi) (1 - x_P^2)^2  (sec. 3.2.1);
 *    N -> l_alpha- V+: G^2 g_V^2 |V|^2 M^3 U2/(16 pi m_V^2) [(1 - x_l^2)^2 + x_V^2 (1 + x_l^2)
 *      - 2 x_V^4] sqrt(lambda(1, x_V^2, x_l^2))  (sec. 3.3);
 *    N -> nu_alpha V0: G^2 kappa_V^2 g_V^2 M^3 U2/(32 pi m_V^2) (1 + 2x_V^2)(1 - x_V^2)^2 (sec. 3.3)
 *      with kappa_rho = 1 - 2 s_W^2 (sec. 3.3), kappa_omega = -2 s_W^2/3, kappa_phi =
 *      -(1 - 4 s_W^2/3)/sqrt(2). The last two are NOT the values of arXiv:1805.08567 as implemented
 *      by its first author (FairShip python/hnl.py: 4 s_W^2/3 and 4 s_W^2/3 - 1): for g_omega, g_phi
 *      defined like g_rho (<0|ubar g u|omega> = g_omega/sqrt(2), <0|sbar g s|phi> = g_phi; the values
 *      used, 0.153 and 0.234 GeV^2, reproduce Gamma(V -> e e) so) the Z vector current
 *      (ubar u - dbar d)/2 - sbar s/2 - 2 s_W^2 J_em gives <J_Z>_omega = -2 s_W^2 <J_em>_omega and
 *      <J_Z>_phi = (3/2 - 2 s_W^2) <J_em>_phi, i.e. the kappas here (as in HNLCalc, arXiv:2405.07330,
 *      HNLCalc.py Gamma_nuV). tests/models/test_hnl.c checks them against PDG Gamma(V -> e e) by
 *      isospin; the paper's values give Gamma(nu omega) x 4.2 and Gamma(nu phi) x 2.3 too large.
 *  - Quark channels are multiplied by 1 + Delta_QCD, Delta = a + 5.2 a^2 + 26.4 a^3, a = alpha_s(M)/pi
 *    (arXiv:1805.08567 sec. 3.5, the loop correction of the tau hadronic width).
 *
 * Matching exclusive <-> inclusive (arXiv:1805.08567 sec. 3.5 compares the single-meson sum with the
 * QCD-corrected quark width; the implementation of these formulas by its first author, FairShip
 * python/hnl.py, uses the quark width for M_N >= 1 GeV and takes the larger of the two hadronic
 * widths). We do the same: for m_N >= match_mass_GeV (default 1.0 GeV, key of the model's input
 * section) the hadronic width is the larger of the exclusive sum (pi, K, D, Ds, eta, eta', rho, K*,
 * D*, Ds*, omega, phi) and the inclusive quark sum; the smaller set is set to zero in the record.
 * With the constants here the quark sum is the larger one at 1 GeV, so the total width jumps there
 * by +11.3 % (e), +11.8 % (mu), +19.5 % (tau): the multi-hadron share missing in the single-meson
 * sum (tests/models/test_hnl.c, docs/validation.md). The quark sum exceeds the single-meson sum from
 * 0.7-0.8 GeV on (by 9-22 % at 0.8-1.3 GeV), so no switch mass is continuous. Option
 * match_window_GeV > 0 (our choice, not a published prescription; default 0): hadronic width
 * (1 - w) x single-meson sum + w x the larger of the two, w = 3x^2 - 2x^3 with x = (m_N -
 * match_mass_GeV)/match_window_GeV clipped to [0, 1]: continuous, identical above the window.
 *
 * Three-body kinematics: |M|^2 ~ (p_N.p_a)(p_b.p_c) with a the antifermion of the second current
 * (muon decay: the muon pairs with anti-nu_e): l_b+ in N -> l_a- l_b+ nu_b, dbar in N -> l- u dbar,
 * the antifermion in N -> nu f fbar. (FairShip python/hnl.py pairs the parent with the up quark in
 * l u dbar; the two differ only when both quarks are massive, e.g. c sbar, c bbar.)
 *
 * Channel classes (fb_decay.h): rho+ -> pi+ pi0, rho0 -> pi+ pi-, K*+ -> K pi (K0 pi+ 2/3,
 * K+ pi0 1/3) are decomposed (BR ~ 1; daughters' mean energies = parent energy times their
 * rest-frame energy fraction, isotropic decay); omega, phi, D, Ds, D*, Ds*, eta and eta' go to
 * other_hadrons; the quark pairs of the inclusive channels are hadronised (fb_hadronize.h: mean pions,
 * kaons and nucleons at the pair's invariant mass). Three-body channels: mean daughter energies from the V-A matrix element with
 * all masses (fb_hnl_three_body); for nu l+ l- and nu q qbar the interference term ~ C2 x^2 is
 * neglected in the energy split (exact for the width).
 *
 * Valid range: 1 MeV < m_N <= 10 GeV (the PBC plane is 10 MeV - 10 GeV; below 2 m_e only 3 nu
 * is open; the W propagator is neglected, M_N << M_W), 0 < |U|^2 <= 1.
 */
#include "fb_fip_hnl.h"

#include <gsl/gsl_integration.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_fip.h"
#include "fb_hadronize.h"
#include "fb_rratio.h"

#define NGL 32 /* Gauss-Legendre nodes of the three-body integrals (test: < 1e-8 vs closed forms) */

typedef struct hnl_state {
  int flavour;            /* 0 = e, 1 = mu, 2 = tau */
  double match_mass_GeV;  /* inclusive quark channels considered from this mass on */
  double match_window_GeV; /* 0: hard switch at match_mass_GeV; > 0: smooth hand-over over this width */
  double th_cos[NGL];     /* Gauss-Legendre nodes in theta on [0, pi]: cos(theta) */
  double th_wsin[NGL];    /* weight * sin(theta) * pi/2 */
  fb_rratio R;            /* alpha_s(mu) */
} hnl_state;

extern const fb_fip_ops fb_fip_bc6, fb_fip_bc7, fb_fip_bc8;
static const fb_fip_ops *const hnl_ops[3] = {&fb_fip_bc6, &fb_fip_bc7, &fb_fip_bc8};

static const double lepton_mass_GeV[3] = {FB_ME_GEV, FB_MMU_GEV, FB_MTAU_GEV};
static const int lepton_class[3] = {FB_DC_ELECTRON, FB_DC_MUON, FB_DC_TAU};
static const int nu_class[3] = {FB_DC_NU_E, FB_DC_NU_MU, FB_DC_NU_TAU};

#define NAME_OF(n, d) n,
static const char *const names_e[FB_HNL_N_CHANNELS] = {FB_HNL_CHANNELS(NAME_OF, "e", "mu", "tau")};
static const char *const names_mu[FB_HNL_N_CHANNELS] = {FB_HNL_CHANNELS(NAME_OF, "mu", "e", "tau")};
static const char *const names_tau[FB_HNL_N_CHANNELS] = {FB_HNL_CHANNELS(NAME_OF, "tau", "e", "mu")};
#undef NAME_OF
static const char *const *const channel_names[3] = {names_e, names_mu, names_tau};

/* Channel indices, in the order of FB_HNL_CHANNELS. */
enum {
  CH_3NU, CH_NU_EE, CH_NU_MUMU, CH_NU_TAUTAU, CH_CC_A, CH_CC_B,
  CH_L_PI, CH_L_K, CH_L_D, CH_L_DS, CH_NU_PI0, CH_NU_ETA, CH_NU_ETAP,
  CH_L_RHO, CH_L_KSTAR, CH_L_DSTAR, CH_L_DSSTAR, CH_NU_RHO0, CH_NU_OMEGA, CH_NU_PHI,
  CH_L_UD, CH_L_US, CH_L_UB, CH_L_CD, CH_L_CS, CH_L_CB,
  CH_NU_UU, CH_NU_DD, CH_NU_SS, CH_NU_CC, CH_NU_BB, CH_COUNT
};
_Static_assert(CH_COUNT == FB_HNL_N_CHANNELS, "channel enum and FB_HNL_CHANNELS differ");

static double kallen(double a, double b, double c) { return a * a + b * b + c * c - 2.0 * (a * b + a * c + b * c); }

/* ---------------------------------------------------------------- three-body V-A shape */
static void three_body(const hnl_state *st, double M, double ma, double mb, double mc, double *I, double *ea,
                       double *eb) {
  *I = *ea = *eb = 0.0;
  if (!(M > ma + mb + mc)) return;
  const double M2 = M * M, ma2 = ma * ma, mb2 = mb * mb, mc2 = mc * mc;
  const double s0 = (mb + mc) * (mb + mc), s1 = (M - ma) * (M - ma), h = 0.5 * (s1 - s0);
  double w0 = 0.0, wa = 0.0, wb = 0.0;
  for (int i = 0; i < NGL; i++) {
    const double s = s0 + h * (1.0 - st->th_cos[i]);
    const double l1 = kallen(s, mb2, mc2), l2 = kallen(M2, s, ma2);
    if (!(l1 > 0.0 && l2 > 0.0)) continue;
    const double Ea = (M2 + ma2 - s) / (2.0 * M); /* energy of a; p_M.p_a = M E_a */
    const double w = st->th_wsin[i] * h * Ea * (s - mb2 - mc2) * sqrt(l1 * l2) / s;
    const double Ebc = (M2 + s - ma2) / (2.0 * M);
    w0 += w;
    wa += w * Ea;
    wb += w * Ebc * (s + mb2 - mc2) / (2.0 * s); /* isotropic b c decay: <E_b> = gamma E_b* */
  }
  /* Gamma/(G^2 M^5/(192 pi^3)) = 12/M^8 int ds (M^2 + ma^2 - s)(s - mb^2 - mc^2) sqrt(l1 l2)/s
   * (arXiv:1805.08567 sec. 3.1.1 with x = s/M^2); w carries (M^2 + ma^2 - s)/(2M). */
  *I = 24.0 * M * w0 / (M2 * M2 * M2 * M2);
  if (w0 > 0.0) {
    *ea = wa / (w0 * M);
    *eb = wb / (w0 * M);
  }
}

static int gl_nodes(hnl_state *st, fb_err *err) {
  gsl_integration_glfixed_table *t = gsl_integration_glfixed_table_alloc(NGL);
  FB_TEST(err, !t, FB_ERR_MEMORY, "gsl_integration_glfixed_table_alloc(%d) failed", NGL);
  for (int i = 0; i < NGL; i++) {
    double th = 0.0, w = 0.0;
    const int rc = gsl_integration_glfixed_point(0.0, FB_PI, (size_t)i, &th, &w, t);
    if (rc) {
      gsl_integration_glfixed_table_free(t);
      return fb_err_push(err, FB_ERR_GSL, __func__, __LINE__, "gsl_integration_glfixed_point");
    }
    st->th_cos[i] = cos(th);
    st->th_wsin[i] = w * sin(th);
  }
  gsl_integration_glfixed_table_free(t);
  return FB_OK;
}

int fb_hnl_three_body(double M, double ma, double mb, double mc, size_t n, double *I, double *ea, double *eb,
                      fb_err *err) {
  FB_TEST(err, n != NGL, FB_ERR_INPUT, "fb_hnl_three_body: %zu nodes requested, the model uses %d", n, NGL);
  FB_TEST(err, !(M > 0.0 && ma >= 0.0 && mb >= 0.0 && mc >= 0.0), FB_ERR_INPUT,
          "fb_hnl_three_body: masses M = %g, %g, %g, %g GeV", M, ma, mb, mc);
  hnl_state st;
  FB_CALL(err, gl_nodes(&st, err));
  three_body(&st, M, ma, mb, mc, I, ea, eb);
  return FB_OK;
}

/* ---------------------------------------------------------------- closed forms (one charge state) */
/* Z (and W) -> f fbar with coefficients C1 = gL^2 + gR^2, C2 = gL gR; arXiv:1805.08567 sec. 3.1.2.
 * Returns the bracket (multiplies G^2 M^5 U2/(192 pi^3) N_c). */
static double nc_bracket(double x, double gL, double gR) {
  if (!(2.0 * x < 1.0)) return 0.0;
  const double x2 = x * x, x4 = x2 * x2, x6 = x4 * x2, r = sqrt(1.0 - 4.0 * x2);
  double L = 0.0;
  /* (1 - 3x^2 - (1-x^2) r) = 4x^6/(1 - 3x^2 + (1-x^2) r): no cancellation for small x */
  if (x > 0.0) L = log(4.0 * x4 / ((1.0 - 3.0 * x2 + (1.0 - x2) * r) * (1.0 + r)));
  const double C1 = gL * gL + gR * gR, C2 = gL * gR;
  /* fmax: the bracket vanishes like (1 - 4x^2)^(3/2) at threshold, where rounding can make it -1e-30 */
  return fmax(0.0, C1 * ((1.0 - 14.0 * x2 - 2.0 * x4 - 12.0 * x6) * r + 12.0 * x4 * (x4 - 1.0) * L) +
         4.0 * C2 * (x2 * (2.0 + 10.0 * x2 - 12.0 * x4) * r + 6.0 * x4 * (1.0 - 2.0 * x2 + 2.0 * x4) * L));
}

static double width_lP(double M, double ml, double mP, double f, double V) {
  if (!(M > ml + mP)) return 0.0;
  const double xl = ml * ml / (M * M), xh = mP * mP / (M * M);
  return FB_GF_GEV_M2 * FB_GF_GEV_M2 * f * f * V * V * M * M * M / (16.0 * FB_PI) *
         ((1.0 - xl) * (1.0 - xl) - xh * (1.0 + xl)) * sqrt(kallen(1.0, xh, xl));
}
static double width_nuP(double M, double mP, double f) {
  if (!(M > mP)) return 0.0;
  const double xh = mP * mP / (M * M);
  return FB_GF_GEV_M2 * FB_GF_GEV_M2 * f * f * M * M * M / (32.0 * FB_PI) * (1.0 - xh) * (1.0 - xh);
}
static double width_lV(double M, double ml, double mV, double g, double V) {
  if (!(M > ml + mV)) return 0.0;
  const double xl = ml * ml / (M * M), xh = mV * mV / (M * M);
  return FB_GF_GEV_M2 * FB_GF_GEV_M2 * g * g * V * V * M * M * M / (16.0 * FB_PI * mV * mV) *
         ((1.0 - xl) * (1.0 - xl) + xh * (1.0 + xl) - 2.0 * xh * xh) * sqrt(kallen(1.0, xh, xl));
}
static double width_nuV(double M, double mV, double g, double kappa) {
  if (!(M > mV)) return 0.0;
  const double xh = mV * mV / (M * M);
  return FB_GF_GEV_M2 * FB_GF_GEV_M2 * kappa * kappa * g * g * M * M * M / (32.0 * FB_PI * mV * mV) *
         (1.0 + 2.0 * xh) * (1.0 - xh) * (1.0 - xh);
}

double fb_hnl_qcd_factor(const void *state, double M) {
  const hnl_state *st = state;
  const double a = fb_rratio_alphas(&st->R, M) / FB_PI;
  return 1.0 + a + 5.2 * a * a + 26.4 * a * a * a; /* arXiv:1805.08567 sec. 3.5 */
}

/* ---------------------------------------------------------------- channel helpers */
/* A two-body channel X + (vector meson decomposed into d1 d2 with probability p, or kept as cv). */
typedef struct vdecomp {
  double mV;
  int n;              /* number of decay modes (0: not decomposed, class cv) */
  int cv;
  double p[2];        /* mode probabilities */
  int c1[2], c2[2];   /* daughter classes */
  double m1[2], m2[2];
} vdecomp;

static int two_body_vector(fb_decay *d, const char *name, double width, int cx, double mx, const vdecomp *v,
                           fb_err *err) {
  if (v->n == 0) return fb_decay_two_body(d, name, width, cx, mx, v->cv, v->mV, err);
  double n[FB_N_DECAY_CLASSES] = {0}, ef[FB_N_DECAY_CLASSES] = {0};
  const double M = d->mass_GeV;
  double ex = (M * M + mx * mx - v->mV * v->mV) / (2.0 * M);
  if (!(M > mx + v->mV)) ex = 0.5 * M;
  const double eV = M - ex;
  n[cx] += 1.0;
  ef[cx] += ex / M;
  for (int k = 0; k < v->n; k++) {
    /* rest-frame energy of daughter 1 of V -> 1 2; isotropic: <E_1> = (E_V/m_V) E_1* */
    const double e1 = (v->mV * v->mV + v->m1[k] * v->m1[k] - v->m2[k] * v->m2[k]) / (2.0 * v->mV * v->mV);
    n[v->c1[k]] += v->p[k];
    n[v->c2[k]] += v->p[k];
    ef[v->c1[k]] += v->p[k] * e1 * eV / M;
    ef[v->c2[k]] += v->p[k] * (1.0 - e1) * eV / M;
  }
  return fb_decay_set_channel(d, name, width, n, ef, err);
}

/* A three-body channel: a pairs with the parent; classes ca, cb, cc; width w. */
static int three_body_channel(fb_decay *d, const char *name, double w, double ea, double eb, int ca, int cb, int cc,
                              fb_err *err) {
  double n[FB_N_DECAY_CLASSES] = {0}, ef[FB_N_DECAY_CLASSES] = {0};
  if (!(ea > 0.0 && eb > 0.0)) ea = eb = 1.0 / 3.0; /* closed channel: any split that sums to 1 */
  n[ca] += 1.0;
  n[cb] += 1.0;
  n[cc] += 1.0;
  ef[ca] += ea;
  ef[cb] += eb;
  ef[cc] += 1.0 - ea - eb;
  return fb_decay_set_channel(d, name, w, n, ef, err);
}

/* N -> lepton + q qbar' with the lepton's mean energy fraction eb: the quark pair carries E = (1 - eb) M
 * and is hadronised (fb_hadronize.h) at the invariant mass of the mean kinematics,
 * W^2 = (p_N - p_l)^2 = M^2 - 2 M <E_l> + m_l^2 (stated approximation: W^2 averaged, not the hadron
 * content averaged over the W distribution). */
static int quark_channel(fb_decay *d, const char *name, double w, double eb, int cb, double mb_GeV, int parton,
                         double M, fb_err *err) {
  double n[FB_N_DECAY_CLASSES] = {0}, ef[FB_N_DECAY_CLASSES] = {0};
  if (!(eb > 0.0 && eb < 1.0)) eb = 1.0 / 3.0; /* closed channel: any split that sums to 1 */
  const double E = (1.0 - eb) * M, W2 = M * M * (1.0 - 2.0 * eb) + mb_GeV * mb_GeV;
  const double W = W2 > 0.0 ? fmin(sqrt(W2), E) : 0.0;
  n[cb] += 1.0;
  ef[cb] += eb;
  FB_CALL(err, fb_hadronize_add(parton, W, E, M, 1.0, n, ef, err));
  return fb_decay_set_channel(d, name, w, n, ef, err);
}

/* ---------------------------------------------------------------- the decay record */
static int hnl_decay(void *state, double M, double U2, fb_decay *out, fb_err *err) {
  const hnl_state *st = state;
  const int a = st->flavour;
  const char *const *nm = channel_names[a];
  const double ml = lepton_mass_GeV[a];
  const int cl = lepton_class[a], cn = nu_class[a];
  const double G2 = FB_GF_GEV_M2 * FB_GF_GEV_M2, s2 = FB_SIN2_THETAW;
  const double G0 = 2.0 * G2 * M * M * M * M * M * U2 / (192.0 * FB_PI * FB_PI * FB_PI); /* x2: Majorana */
  const double maj = 2.0 * U2; /* Majorana (charge conjugates) times the mixing */
  FB_CALL(err, fb_fip_check_point(hnl_ops[a], M, U2, err));
  fb_decay_clear(out, M, U2);

  /* 1. N -> nu_a nu_b nubar_b, summed over b: weights 2 (b = a), 1, 1 of G^2 M^5 U2/(768 pi^3) */
  {
    double n[FB_N_DECAY_CLASSES] = {0}, ef[FB_N_DECAY_CLASSES] = {0};
    for (int b = 0; b < 3; b++) {
      if (b == a) {
        n[cn] += 0.5 * 3.0;
        ef[cn] += 0.5;
      } else { /* nu_a: 7/20, nu_b + nubar_b: 7/20 + 3/10 (massless V-A, muon-decay spectra) */
        n[cn] += 0.25;
        n[nu_class[b]] += 0.5;
        ef[cn] += 0.25 * 7.0 / 20.0;
        ef[nu_class[b]] += 0.25 * 13.0 / 20.0;
      }
    }
    /* 2 x (2 + 1 + 1) G^2 M^5 U2/(768 pi^3) = G^2 M^5 U2/(96 pi^3) = G0 */
    FB_CALL(err, fb_decay_set_channel(out, nm[CH_3NU], G0, n, ef, err));
  }
  /* 2. N -> nu_a l_b+ l_b- (Z; W interference for b = a) */
  for (int b = 0; b < 3; b++) {
    const double x = lepton_mass_GeV[b] / M;
    const double gL = -0.5 + s2 + (b == a ? 1.0 : 0.0), gR = s2;
    const double w = G0 * nc_bracket(x, gL, gR);
    double I, ea, eb;
    /* energies: parent pairs with l+ (a), nu is b, l- is c */
    three_body(st, M, lepton_mass_GeV[b], 0.0, lepton_mass_GeV[b], &I, &ea, &eb);
    FB_CALL(err, three_body_channel(out, nm[CH_NU_EE + b], w, ea, eb, lepton_class[b], cn, lepton_class[b], err));
  }
  /* 3. N -> l_a- l_b+ nu_b (W, b != a): parent pairs with l_b+ */
  for (int k = 0, b = 0; b < 3; b++) {
    if (b == a) continue;
    double I, ea, eb;
    three_body(st, M, lepton_mass_GeV[b], ml, 0.0, &I, &ea, &eb);
    FB_CALL(err, three_body_channel(out, nm[CH_CC_A + k], G0 * I, ea, eb, lepton_class[b], cl, nu_class[b], err));
    k++;
  }

  /* 4. hadrons: exclusive single mesons (below) and inclusive quarks (further below) */
  const vdecomp v_none_D = {FB_MDSTAR_CHARGED_GEV, 0, FB_DC_OTHER_HADRONS, {0}, {0}, {0}, {0}, {0}};
  const vdecomp v_none_Ds = {FB_MDSSTAR_GEV, 0, FB_DC_OTHER_HADRONS, {0}, {0}, {0}, {0}, {0}};
  const vdecomp v_none_om = {FB_MOMEGA_GEV, 0, FB_DC_OTHER_HADRONS, {0}, {0}, {0}, {0}, {0}};
  const vdecomp v_none_phi = {FB_MPHI_GEV, 0, FB_DC_OTHER_HADRONS, {0}, {0}, {0}, {0}, {0}};
  const vdecomp v_rhop = {FB_MRHO_GEV, 1, 0, {1.0, 0.0}, {FB_DC_PI_CHARGED, 0}, {FB_DC_PI0, 0},
                          {FB_MPI_CHARGED_GEV, 0}, {FB_MPI0_GEV, 0}};
  const vdecomp v_rho0 = {FB_MRHO_GEV, 1, 0, {1.0, 0.0}, {FB_DC_PI_CHARGED, 0}, {FB_DC_PI_CHARGED, 0},
                          {FB_MPI_CHARGED_GEV, 0}, {FB_MPI_CHARGED_GEV, 0}};
  /* K*+ -> K0 pi+ (2/3), K+ pi0 (1/3): isospin */
  const vdecomp v_kst = {FB_MKSTAR_CHARGED_GEV, 2, 0, {2.0 / 3.0, 1.0 / 3.0}, {FB_DC_KAON, FB_DC_KAON},
                         {FB_DC_PI_CHARGED, FB_DC_PI0}, {FB_MK0_GEV, FB_MK_CHARGED_GEV},
                         {FB_MPI_CHARGED_GEV, FB_MPI0_GEV}};
  double wx[CH_COUNT] = {0};
  wx[CH_L_PI] = maj * width_lP(M, ml, FB_MPI_CHARGED_GEV, FB_FPI_GEV, FB_VUD);
  wx[CH_L_K] = maj * width_lP(M, ml, FB_MK_CHARGED_GEV, FB_FK_GEV, FB_VUS);
  wx[CH_L_D] = maj * width_lP(M, ml, FB_MD_CHARGED_GEV, FB_FD_GEV, FB_VCD);
  wx[CH_L_DS] = maj * width_lP(M, ml, FB_MDS_GEV, FB_FDS_GEV, FB_VCS);
  wx[CH_NU_PI0] = maj * width_nuP(M, FB_MPI0_GEV, FB_FPI_GEV);
  wx[CH_NU_ETA] = maj * width_nuP(M, FB_META_GEV, FB_HNL_FETA_GEV);
  wx[CH_NU_ETAP] = maj * width_nuP(M, FB_METAPRIME_GEV, FB_HNL_FETAPRIME_GEV);
  wx[CH_L_RHO] = maj * width_lV(M, ml, FB_MRHO_GEV, FB_HNL_GRHO_GEV2, FB_VUD);
  wx[CH_L_KSTAR] =
      maj * width_lV(M, ml, FB_MKSTAR_CHARGED_GEV, FB_HNL_FKSTAR_GEV * FB_MKSTAR_CHARGED_GEV, FB_VUS);
  wx[CH_L_DSTAR] = maj * width_lV(M, ml, FB_MDSTAR_CHARGED_GEV, FB_HNL_GDSTAR_GEV2, FB_VCD);
  wx[CH_L_DSSTAR] = maj * width_lV(M, ml, FB_MDSSTAR_GEV, FB_HNL_GDSSTAR_GEV2, FB_VCS);
  wx[CH_NU_RHO0] = maj * width_nuV(M, FB_MRHO_GEV, FB_HNL_GRHO_GEV2, 1.0 - 2.0 * s2);
  /* Z-current couplings of omega (u ubar + d dbar) and phi (s sbar): see the file header */
  wx[CH_NU_OMEGA] = maj * width_nuV(M, FB_MOMEGA_GEV, FB_HNL_GOMEGA_GEV2, -2.0 * s2 / 3.0);
  wx[CH_NU_PHI] = maj * width_nuV(M, FB_MPHI_GEV, FB_HNL_GPHI_GEV2, -(1.0 - 4.0 * s2 / 3.0) * sqrt(0.5));
  double excl = 0.0;
  for (int k = CH_L_PI; k <= CH_NU_PHI; k++) excl += wx[k];

  /* inclusive quarks: l_a- u_i dbar_j (parent pairs with dbar_j) and nu_a q qbar */
  static const double mu_q[2] = {FB_MU_QUARK_GEV, FB_MC_QUARK_GEV};
  static const double md_q[3] = {FB_MD_QUARK_GEV, FB_MS_QUARK_GEV, FB_MB_QUARK_GEV};
  static const double ckm[2][3] = {{FB_VUD, FB_VUS, FB_VUB}, {FB_VCD, FB_VCS, FB_VCB}};
  static const double mq_nc[5] = {FB_MU_QUARK_GEV, FB_MD_QUARK_GEV, FB_MS_QUARK_GEV, FB_MC_QUARK_GEV,
                                  FB_MB_QUARK_GEV};
  static const double Q_nc[5] = {2.0 / 3.0, -1.0 / 3.0, -1.0 / 3.0, 2.0 / 3.0, -1.0 / 3.0};
  double ea_q[CH_COUNT] = {0}, eb_q[CH_COUNT] = {0};
  double incl = 0.0;
  const int use_quarks = M >= st->match_mass_GeV;
  if (use_quarks) {
    const double kq = 3.0 * fb_hnl_qcd_factor(st, M); /* N_c (1 + Delta_QCD) */
    for (int i = 0; i < 2; i++)
      for (int j = 0; j < 3; j++) {
        const int k = CH_L_UD + 3 * i + j;
        double I;
        three_body(st, M, md_q[j], ml, mu_q[i], &I, &ea_q[k], &eb_q[k]);
        wx[k] = G0 * kq * ckm[i][j] * ckm[i][j] * I;
        incl += wx[k];
      }
    for (int q = 0; q < 5; q++) {
      const int k = CH_NU_UU + q;
      const double T3 = Q_nc[q] > 0.0 ? 0.5 : -0.5;
      double I;
      wx[k] = G0 * kq * nc_bracket(mq_nc[q] / M, T3 - Q_nc[q] * s2, -Q_nc[q] * s2);
      three_body(st, M, mq_nc[q], 0.0, mq_nc[q], &I, &ea_q[k], &eb_q[k]);
      incl += wx[k];
    }
  }
  const int exclusive = !use_quarks || excl >= incl;
  /* weight of the inclusive set: 1 from match_mass_GeV on (hard switch, the default), or rising
   * smoothly (3x^2 - 2x^3) over [match_mass_GeV, match_mass_GeV + match_window_GeV]; the hadronic
   * width is then (1 - w) excl + w max(excl, incl), continuous in m_N */
  double w = 1.0;
  if (st->match_window_GeV > 0.0) {
    const double x = fmin(1.0, (M - st->match_mass_GeV) / st->match_window_GeV);
    w = x > 0.0 ? x * x * (3.0 - 2.0 * x) : 0.0;
  }
  for (int k = CH_L_PI; k < CH_COUNT; k++) {
    if (exclusive) {
      if (k > CH_NU_PHI) wx[k] = 0.0;
    } else {
      wx[k] *= k <= CH_NU_PHI ? 1.0 - w : w;
    }
  }

  FB_CALL(err, fb_decay_two_body(out, nm[CH_L_PI], wx[CH_L_PI], cl, ml, FB_DC_PI_CHARGED, FB_MPI_CHARGED_GEV, err));
  FB_CALL(err, fb_decay_two_body(out, nm[CH_L_K], wx[CH_L_K], cl, ml, FB_DC_KAON, FB_MK_CHARGED_GEV, err));
  FB_CALL(err, fb_decay_two_body(out, nm[CH_L_D], wx[CH_L_D], cl, ml, FB_DC_OTHER_HADRONS, FB_MD_CHARGED_GEV, err));
  FB_CALL(err, fb_decay_two_body(out, nm[CH_L_DS], wx[CH_L_DS], cl, ml, FB_DC_OTHER_HADRONS, FB_MDS_GEV, err));
  FB_CALL(err, fb_decay_two_body(out, nm[CH_NU_PI0], wx[CH_NU_PI0], cn, 0.0, FB_DC_PI0, FB_MPI0_GEV, err));
  FB_CALL(err, fb_decay_two_body(out, nm[CH_NU_ETA], wx[CH_NU_ETA], cn, 0.0, FB_DC_OTHER_HADRONS, FB_META_GEV, err));
  FB_CALL(err, fb_decay_two_body(out, nm[CH_NU_ETAP], wx[CH_NU_ETAP], cn, 0.0, FB_DC_OTHER_HADRONS,
                                 FB_METAPRIME_GEV, err));
  FB_CALL(err, two_body_vector(out, nm[CH_L_RHO], wx[CH_L_RHO], cl, ml, &v_rhop, err));
  FB_CALL(err, two_body_vector(out, nm[CH_L_KSTAR], wx[CH_L_KSTAR], cl, ml, &v_kst, err));
  FB_CALL(err, two_body_vector(out, nm[CH_L_DSTAR], wx[CH_L_DSTAR], cl, ml, &v_none_D, err));
  FB_CALL(err, two_body_vector(out, nm[CH_L_DSSTAR], wx[CH_L_DSSTAR], cl, ml, &v_none_Ds, err));
  FB_CALL(err, two_body_vector(out, nm[CH_NU_RHO0], wx[CH_NU_RHO0], cn, 0.0, &v_rho0, err));
  FB_CALL(err, two_body_vector(out, nm[CH_NU_OMEGA], wx[CH_NU_OMEGA], cn, 0.0, &v_none_om, err));
  FB_CALL(err, two_body_vector(out, nm[CH_NU_PHI], wx[CH_NU_PHI], cn, 0.0, &v_none_phi, err));
  /* the quark pairs as hadrons (fb_hadronize.h); flavour of the pair in the order of CH_L_UD..CH_NU_BB */
  static const int parton_of[CH_NU_BB - CH_L_UD + 1] = {FB_HAD_UD, FB_HAD_S, FB_HAD_B, FB_HAD_C, FB_HAD_C, FB_HAD_B,
                                                        FB_HAD_UD, FB_HAD_UD, FB_HAD_S, FB_HAD_C, FB_HAD_B};
  for (int k = CH_L_UD; k <= CH_NU_BB; k++) { /* CC: a = dbar, b = l, c = u; NC: a = qbar, b = nu, c = q */
    const int cc = k <= CH_L_CB;
    FB_CALL(err,
            quark_channel(out, nm[k], wx[k], eb_q[k], cc ? cl : cn, cc ? ml : 0.0, parton_of[k - CH_L_UD], M, err));
  }
  FB_CALL(err, fb_decay_finalize(out, err));
  return FB_OK;
}

/* ---------------------------------------------------------------- set-up and the three models */
const fb_key_spec fb_hnl_keys_bc6[2] = {
    {"bc6", "match_mass_GeV", FB_KEY_DOUBLE, "1.0", 0.5, 3.0, NULL, "GeV",
     "mass from which the inclusive quark width (with QCD correction) replaces the single-meson sum if larger"},
    {"bc6", "match_window_GeV", FB_KEY_DOUBLE, "0", 0.0, 2.0, NULL, "GeV",
     "0: hard switch at match_mass_GeV (arXiv:1805.08567 as in FairShip hnl.py; the width jumps there); > 0: smooth "
     "hand-over from the single-meson sum to the larger of the two over [match_mass_GeV, match_mass_GeV + this]"}};
const fb_key_spec fb_hnl_keys_bc7[2] = {
    {"bc7", "match_mass_GeV", FB_KEY_DOUBLE, "1.0", 0.5, 3.0, NULL, "GeV",
     "mass from which the inclusive quark width (with QCD correction) replaces the single-meson sum if larger"},
    {"bc7", "match_window_GeV", FB_KEY_DOUBLE, "0", 0.0, 2.0, NULL, "GeV",
     "0: hard switch at match_mass_GeV (arXiv:1805.08567 as in FairShip hnl.py; the width jumps there); > 0: smooth "
     "hand-over from the single-meson sum to the larger of the two over [match_mass_GeV, match_mass_GeV + this]"}};
const fb_key_spec fb_hnl_keys_bc8[2] = {
    {"bc8", "match_mass_GeV", FB_KEY_DOUBLE, "1.0", 0.5, 3.0, NULL, "GeV",
     "mass from which the inclusive quark width (with QCD correction) replaces the single-meson sum if larger"},
    {"bc8", "match_window_GeV", FB_KEY_DOUBLE, "0", 0.0, 2.0, NULL, "GeV",
     "0: hard switch at match_mass_GeV (arXiv:1805.08567 as in FairShip hnl.py; the width jumps there); > 0: smooth "
     "hand-over from the single-meson sum to the larger of the two over [match_mass_GeV, match_mass_GeV + this]"}};

static int hnl_init(int flavour, const char *section, void **state, const fb_config *cfg, fb_err *err) {
  hnl_state *st = calloc(1, sizeof *st);
  FB_TEST(err, !st, FB_ERR_MEMORY, "cannot allocate the HNL model state");
  st->flavour = flavour;
  st->match_mass_GeV = FB_HNL_MATCH_MASS_DEFAULT_GEV;
  if (cfg) {
    const double m = fb_config_get_double(cfg, section, "match_mass_GeV");
    if (m > 0.0) st->match_mass_GeV = m;
    const double wdt = fb_config_get_double(cfg, section, "match_window_GeV");
    if (wdt > 0.0) st->match_window_GeV = wdt;
  }
  int rc = gl_nodes(st, err);
  if (rc == FB_OK) rc = fb_rratio_init(&st->R, err);
  if (rc != FB_OK) {
    free(st);
    return fb_err_push(err, rc, __func__, __LINE__, "HNL model set-up");
  }
  *state = st;
  return FB_OK;
}
static int bc6_init(void **s, const fb_config *cfg, fb_err *err) { return hnl_init(0, "bc6", s, cfg, err); }
static int bc7_init(void **s, const fb_config *cfg, fb_err *err) { return hnl_init(1, "bc7", s, cfg, err); }
static int bc8_init(void **s, const fb_config *cfg, fb_err *err) { return hnl_init(2, "bc8", s, cfg, err); }

static void hnl_free(void *state) {
  hnl_state *st = state;
  if (!st) return;
  fb_rratio_free(&st->R);
  free(st);
}

/* Production: the mixing enters the W and Z currents of N with |U_alpha|^2 (meson and tau decays
 * via W: B(X -> l N) ~ |U|^2; Z/W invisible-width and nu N scattering via Z: |U|^2). */
static int hnl_production(void *state, double mass_GeV, double U2, fb_fip_values *out, fb_err *err) {
  (void)state;
  (void)mass_GeV;
  out->n = 0;
  FB_CALL(err, fb_fip_values_put(out, "U2_W", "", "|U_alpha|^2 in the charged current (meson, tau, W decays)", U2,
                                 err));
  FB_CALL(err, fb_fip_values_put(out, "U2_Z", "", "|U_alpha|^2 in the neutral current (Z decays, nu N scattering)",
                                 U2, err));
  return FB_OK;
}

#define HNL_OPS(NAME, BENCH, FLAV, INIT, KEYS)                                                     \
  {                                                                                                \
    .name = NAME, .benchmark = #BENCH, .particle = "Majorana heavy neutral lepton mixing with nu_" FLAV " only", \
    FB_FIP_AXES(BENCH),                                                                            \
    .mass_min_GeV = 1e-3, .mass_max_GeV = 10.0, .coupling_max = 1.0, .coupling_power = 1.0,        \
    .references = "arXiv:2102.12143 (BC6-BC8); arXiv:1805.08567 (widths)", .n_keys = 2, .keys = KEYS, \
    .init = INIT, .free = hnl_free, .decay = hnl_decay, .production = hnl_production,              \
  }

const fb_fip_ops fb_fip_bc6 = HNL_OPS("bc6", BC6, "e", bc6_init, fb_hnl_keys_bc6);
const fb_fip_ops fb_fip_bc7 = HNL_OPS("bc7", BC7, "mu", bc7_init, fb_hnl_keys_bc7);
const fb_fip_ops fb_fip_bc8 = HNL_OPS("bc8", BC8, "tau", bc8_init, fb_hnl_keys_bc8);
