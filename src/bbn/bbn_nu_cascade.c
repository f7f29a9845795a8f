/**
 * @file bbn_nu_cascade.c
 * @brief The scattering cascade of the non-thermal neutrinos a decay injects: the secondary energetic
 *        nu_e and anti-nu_e it creates, and their direct p <-> n conversion (input of
 *        bbn_nu_conversion.c; issue 14, "the non-thermal neutrinos that decays inject ... their direct
 *        n <-> p conversion before they thermalise").
 *
 * Why: a neutrino of energy E >> T is not thermalised by one scattering. On the thermal neutrinos it
 * shares its energy with the target (nu_a nu_b -> nu_a nu_b), or annihilates into a pair of another
 * flavour (nu_a anti-nu_a -> nu_b anti-nu_b); only the scatterings on e+- and the annihilation into
 * e+ e- hand energy to the plasma. A nu_tau of 120 MeV (N -> nu_tau pi0) therefore produces energetic
 * nu_e and anti-nu_e in its first scatterings even where oscillations are frozen by the thermal
 * potential (T >~ 2 MeV), and each member of the cascade can convert a nucleon. Sabti, Magalich,
 * Filimonova arXiv:2006.07387 (and Dolgov, Hansen, Raffelt, Semikoz hep-ph/0008138 before them) solve
 * the full kinetic equations of the neutrino spectra, which contain this cascade; bbn_nu_conversion.c
 * alone stops every neutrino at its first scattering.
 *
 * Model (a generation cascade in the limit E >> T):
 *  - matrix elements of all 2 -> 2 weak processes of a neutrino with the thermal nu, anti-nu and e+-:
 *    Dolgov, Hansen, Semikoz hep-ph/9703315 (NPB 503 (1997) 426), table 1, in units of 32 G_F^2:
 *      nu_a nu_a -> nu_a nu_a           2 (p1.p2)(p3.p4)  (S|A|^2 = 2^6 G_F^2: the symmetry factor
 *                                                          S = 1/2 of the identical final pair is included;
 *                                                          by Fierz |M_aa|^2 = 4 |M_ab|^2, S |M_aa|^2 = 2 |M_ab|^2)
 *      nu_a anti-nu_a -> same           4 (p1.p4)(p2.p3)
 *      nu_a nu_b -> nu_a nu_b           1 (p1.p2)(p3.p4),  nu_a anti-nu_b: 1 (p1.p4)(p2.p3)
 *      nu_a anti-nu_a -> nu_b anti-nu_b 1 (p1.p4)(p2.p3)
 *      nu_a anti-nu_a -> e+ e-          4 g_L^2 (p1.p4)(p2.p3) + 4 g_R^2 (p1.p3)(p2.p4)
 *      nu_a e- -> nu_a e-               4 g_L^2 (p1.p2)(p3.p4) + 4 g_R^2 (p1.p4)(p2.p3)   (e+: L <-> R)
 *    g_L = +-1/2 + sin^2 theta_W (+ for nu_e), g_R = sin^2 theta_W; m_e terms dropped (E >> m_e).
 *  - kinematics for E >> T (target at rest): (p1.p2)(p3.p4) ~ s^2 is isotropic in the CM frame, so the
 *    outgoing particle 3 carries a fraction y of E distributed uniformly and particle 4 the rest;
 *    (p1.p4)(p2.p3) ~ u^2 ~ (1 + cos theta*)^2 gives particle 3 the fraction y with density 3 y^2,
 *    particle 4 the rest. Integrated over y, the relative total rates of the two forms are 1 and 1/3;
 *    the e+- targets count with the neutrino's occupation (relativistic e+-, two spin states summed in
 *    the matrix element). The branching fractions of a neutrino of flavour a follow; its total rate is
 *    the one of bbn_nu_conversion.c (C_a G_F^2 T^4 E, bbn_nu_rate.c), for the first stage as for the others.
 *    The channel weights summed (W_e = 20/3 + 20 G_e/3, W_mu = 20/3 + 20 G_mu/3 with G = g_L^2 + g_R^2)
 *    times the thermal average 7 pi/180 of a unit s-type weight (bbn_nu_rate.c) give C_e = 1.293,
 *    C_mu,tau = 0.917 (bbn_nu_cascade_rate_coef): the published C's of Enqvist, Kainulainen, Thomson
 *    NPB 373 (1992) 498 (1.27, 0.92) to 2%, the check of the weights (tests/bbn/test_bbn_nu_cascade.c).
 *    Until 2026-12-07 the nu_a nu_a channel had weight 1 (an extra x 1/2 on DHS's S|A|^2): C_e 1.171.
 *  - a member of the cascade is a neutrino of flavour label e, mu or tau and energy E (half neutrinos,
 *    half anti-neutrinos, as the injection: the processes above are charge-symmetric once summed over
 *    e- and e+). It first oscillates (bbn_nu_oscillation.c: P(a -> e) from the table; the non-nu_e part
 *    keeps its label for mu and tau and is split equally into mu and tau for an injected nu_e - nu_mu
 *    and nu_tau interact identically here), then converts a nucleon (as nu_e, probability sigma n c /
 *    (Gamma + H), bbn_nu_conversion.c), is redshifted (probability H / (Gamma + H)), or scatters
 *    (Gamma / (Gamma + H)) into the daughters above. Members below the mean thermal momentum
 *    E_c = 3.151 T are counted as thermal (their conversions are in the weak rates of the bath, which
 *    receives the injected energy: bbn_background.c).
 *  - the expected conversions Y_a(E) of a member then obey
 *      Y_a(E) = S_a(E) + Gamma/(Gamma+H) sum_g P(a -> g) sum_channels b_g,c sum_daughters
 *               int q(z) Y_label(z E) dz,
 *    S_a the direct term of bbn_nu_conversion.c, q(z) = 1, 3 z^2 or 3 (1 - z)^2. Solved on a grid in
 *    ln E from E_c upwards (Y linear in ln E between nodes, the integrals in closed form), the node's
 *    own value (the forward daughters reach it) from a 3 x 3 linear system per node.
 * Check (tests/bbn/test_bbn_nu_cascade.c): with one channel that splits a member uniformly in two and
 * P ~ E, the exact solution Y = a E (1 + 2 ln(E/E_c)); energy bookkeeping of the channels.
 * Not modelled: the target's own energy (E >> T), Pauli blocking, the Boltzmann suppression of e+-
 * below T ~ m_e (the e+- channels are overestimated there, where H dominates), the coherence of
 * oscillations across scatterings. The energy the cascade hands to e+- directly: bbn_nu_em_share.c (same
 * channels, with the e+- suppression factors of bbn_nu_cascade_channels_sup), moved from Q_nu to Q_em by
 * bbn_background.c.
 */
#include <math.h>
#include <string.h>

#include "bbn_internal.h"
#include "fb_constants.h"

/* daughter energy distributions q(z): uniform, forward 3 z^2, backward 3 (1 - z)^2 */
enum { Q_UNI = 0, Q_FWD = 1, Q_BWD = 2, N_Q = 3 };

/* the channels of a neutrino of flavour g (0 e, 1 mu, 2 tau): w[label][q] = sum over channels of the
 * channel's weight (units of 32 G_F^2 (p1.p2)(p3.p4) thermally averaged: s-type 1, u-type 1/3) x (number
 * of daughters of that label and shape); returns the total weight W */
static double channels_sup(int g, double se, double sa, double w[3][3]) {
  const double sw2 = FB_SIN2_THETAW;
  const double gL = (g == 0 ? 0.5 : -0.5) + sw2, gR = sw2;
  memset(w, 0, 9 * sizeof(double));
  double W = 0.0;
  /* nu_g nu_g: S|A|^2 = 2 x s-type (S = 1/2 already in DHS's 2^6 G_F^2); two daughters g, uniform */
  w[g][Q_UNI] += 2.0 * 2.0;
  W += 2.0;
  /* nu_g anti-nu_g elastic: 4 x u-type = 4/3; the neutrino forward, the anti-neutrino backward */
  w[g][Q_FWD] += 4.0 / 3.0;
  w[g][Q_BWD] += 4.0 / 3.0;
  W += 4.0 / 3.0;
  for (int b = 0; b < 3; ++b) {
    if (b == g) continue;
    /* nu_g nu_b: s-type, 1 */
    w[g][Q_UNI] += 1.0;
    w[b][Q_UNI] += 1.0;
    W += 1.0;
    /* nu_g anti-nu_b: u-type, 1/3 */
    w[g][Q_FWD] += 1.0 / 3.0;
    w[b][Q_BWD] += 1.0 / 3.0;
    W += 1.0 / 3.0;
    /* nu_g anti-nu_g -> nu_b anti-nu_b: u-type, 1/3 */
    w[b][Q_FWD] += 1.0 / 3.0;
    w[b][Q_BWD] += 1.0 / 3.0;
    W += 1.0 / 3.0;
  }
  /* nu_g anti-nu_g -> e+ e-: 4 (g_L^2 + g_R^2) / 3, no neutrino left (x sa: the e+ e- threshold) */
  W += sa * 4.0 * (gL * gL + gR * gR) / 3.0;
  /* nu_g e-: 4 g_L^2 s-type (nu uniform) + 4 g_R^2 u-type (nu forward); e+: L <-> R; the e+- share lost
   * (x se: the e+- density relative to massless e+-) */
  w[g][Q_UNI] += se * 4.0 * (gL * gL + gR * gR);
  w[g][Q_FWD] += se * 4.0 * (gR * gR + gL * gL) / 3.0;
  W += se * 4.0 * (gL * gL + gR * gR) * (1.0 + 1.0 / 3.0);
  return W;
}

static double channels(int g, double w[3][3]) { return channels_sup(g, 1.0, 1.0, w); }

double bbn_nu_cascade_channels_sup(int g, double se, double sa, double B[3][3], double *em) {
  double w[3][3];
  const double W = channels_sup(g, se, sa, w);
  static const double mean_q[N_Q] = {0.5, 0.75, 0.25};
  double e = 0.0;
  for (int l = 0; l < 3; ++l)
    for (int q = 0; q < N_Q; ++q) {
      B[l][q] = w[l][q] / W;
      e += B[l][q] * mean_q[q];
    }
  if (em) *em = 1.0 - e;
  return W;
}

double bbn_nu_cascade_rate_coef(int g) {
  double w[3][3];
  return channels(g, w) * bbn_nu_rate_s_unit();
}

/* branching fractions of a neutrino of flavour g into daughters: B[label][q] = w / W (channels above);
 * *ret = the mean energy fraction the daughters keep (1 - the share handed to e+-) */
void bbn_nu_cascade_branchings(int g, double B[3][3], double *ret) {
  double em;
  bbn_nu_cascade_channels_sup(g, 1.0, 1.0, B, &em);
  if (ret) *ret = 1.0 - em;
}

/* int_0^1 exp(c t) dt and int_0^1 t exp(c t) dt */
static void f01(double c, double *F0, double *F1) {
  if (fabs(c) < 1e-6) {
    *F0 = 1.0 + 0.5 * c;
    *F1 = 0.5 + c / 3.0;
    return;
  }
  const double ec = exp(c);
  *F0 = (ec - 1.0) / c;
  *F1 = ec / c - (ec - 1.0) / (c * c);
}

void bbn_nu_cascade_kernel(double h, int n, double L[][3], double U[][3]) {
  /* Y / E linear in ln E between nodes (Y ~ E times a slowly varying function: exact for Y = E (a + b ln E)).
   * On the interval d nodes below node k, z = E'/E_k = exp((t - d) h), dz = h z dt, Y(z E_k) = E_k z y(t), so
   * the weights of y_i = Y_i / E_i are int q(z) z^2 h (1 - t) dt and int q(z) z^2 h t dt, q(z) z^2 = sum_m
   * c_m z^m (m = 2..4); returned as weights of Y_i (times E_k / E_i = exp(d h), exp((d - 1) h)). */
  static const double cq[N_Q][5] = {{0, 0, 1, 0, 0}, {0, 0, 0, 0, 3}, {0, 0, 3, -6, 3}};
  double F0[5], F1[5];
  for (int m = 2; m <= 4; ++m) f01(m * h, &F0[m], &F1[m]);
  for (int d = 0; d < n; ++d)
    for (int q = 0; q < N_Q; ++q) {
      L[d][q] = U[d][q] = 0.0;
      if (d == 0) continue;
      for (int m = 2; m <= 4; ++m) {
        const double s = cq[q][m] * h * exp(-m * d * h);
        L[d][q] += s * (F0[m] - F1[m]);
        U[d][q] += s * F1[m];
      }
      L[d][q] *= exp(d * h);
      U[d][q] *= exp((d - 1) * h);
    }
}

/* solve A x = b (3 x 3, two right-hand sides) by Gaussian elimination with partial pivoting */
void bbn_nu_solve3(double A[3][3], double b[3][2]) {
  for (int c = 0; c < 3; ++c) {
    int p = c;
    for (int r = c + 1; r < 3; ++r)
      if (fabs(A[r][c]) > fabs(A[p][c])) p = r;
    if (p != c)
      for (int k = 0; k < 3; ++k) {
        double t = A[c][k];
        A[c][k] = A[p][k];
        A[p][k] = t;
        if (k < 2) {
          t = b[c][k];
          b[c][k] = b[p][k];
          b[p][k] = t;
        }
      }
    for (int r = c + 1; r < 3; ++r) {
      const double f = A[r][c] / A[c][c];
      for (int k = c; k < 3; ++k) A[r][k] -= f * A[c][k];
      for (int k = 0; k < 2; ++k) b[r][k] -= f * b[c][k];
    }
  }
  for (int c = 2; c >= 0; --c)
    for (int k = 0; k < 2; ++k) {
      double s = b[c][k];
      for (int j = c + 1; j < 3; ++j) s -= A[c][j] * b[j][k];
      b[c][k] = s / A[c][c];
    }
}

int bbn_nu_cascade_grid(double E_c, double E_top, double h0, double *h) {
  *h = h0;
  int n = (int)ceil(log(E_top / E_c) / h0) + 1;
  if (n > BBN_NU_CASCADE_NMAX) {
    n = BBN_NU_CASCADE_NMAX;
    *h = log(E_top / E_c) / (n - 1);
  }
  return n < 2 ? 2 : n;
}

void bbn_nu_cascade_solve(bbn_nu_cascade *c, double E_c, double E_top, bbn_nu_member_fn member, void *ctx) {
  c->n = 0;
  if (!(E_top > E_c) || !(E_c > 0.0)) return;
  double h;
  const int n = bbn_nu_cascade_grid(E_c, E_top, log(2.0) / 4.0, &h);
  c->n = n;
  c->h = h;
  c->lnE_c = log(E_c);
  double L[BBN_NU_CASCADE_NMAX][3], U[BBN_NU_CASCADE_NMAX][3];
  bbn_nu_cascade_kernel(h, n, L, U);
  double B[3][3][3]; /* [g][label][q] per interacting flavour g */
  for (int g = 0; g < 3; ++g) bbn_nu_cascade_branchings(g, B[g], NULL);
  for (int k = 0; k < n; ++k) {
    const double E = exp(c->lnE_c + k * h);
    /* the integrals over the daughters' energies, without the node's own (unknown) value */
    double known[3][N_Q][2];
    for (int l = 0; l < 3; ++l)
      for (int q = 0; q < N_Q; ++q)
        for (int r = 0; r < 2; ++r) {
          double s = 0.0;
          for (int i = 0; i < k; ++i) {
            s += L[k - i][q] * c->Y[l][i][r];
            if (i + 1 < k) s += U[k - i][q] * c->Y[l][i + 1][r];
          }
          known[l][q][r] = s;
        }
    double A[3][3], b[3][2];
    for (int a = 0; a < 3; ++a) {
      double S[2], g_int, Pe;
      member(ctx, a, E, S, &g_int, &Pe);
      c->S[a][k][0] = S[0];
      c->S[a][k][1] = S[1];
      /* the interacting flavour: e with Pe, else the own label (mu, tau) or mu / tau equally (e) */
      double P[3] = {0.0, 0.0, 0.0};
      P[0] = Pe;
      if (a == 0) {
        P[1] = P[2] = 0.5 * (1.0 - Pe);
      } else {
        P[a] = 1.0 - Pe;
      }
      for (int l = 0; l < 3; ++l) A[a][l] = a == l ? 1.0 : 0.0;
      b[a][0] = S[0];
      b[a][1] = S[1];
      for (int g = 0; g < 3; ++g) {
        if (!(P[g] > 0.0)) continue;
        for (int l = 0; l < 3; ++l)
          for (int q = 0; q < N_Q; ++q) {
            const double wgt = g_int * P[g] * B[g][l][q];
            if (wgt == 0.0) continue;
            b[a][0] += wgt * known[l][q][0];
            b[a][1] += wgt * known[l][q][1];
            if (k > 0) A[a][l] -= wgt * U[1][q];
          }
      }
    }
    bbn_nu_solve3(A, b);
    for (int a = 0; a < 3; ++a) {
      c->Y[a][k][0] = b[a][0];
      c->Y[a][k][1] = b[a][1];
    }
  }
}

void bbn_nu_cascade_extra(const bbn_nu_cascade *c, int a, double E, double out[2]) {
  out[0] = out[1] = 0.0;
  if (c->n < 2) return;
  const double u = (log(E) - c->lnE_c) / c->h;
  if (!(u >= 0.0)) return; /* below the cut: no cascade */
  int k = (int)u;
  if (k > c->n - 2) k = c->n - 2;
  const double f = u - k; /* > 1 only above the grid (not reached: the grid covers the groups) */
  const double E0 = exp(c->lnE_c + k * c->h), E1 = E0 * exp(c->h);
  for (int r = 0; r < 2; ++r) { /* (Y - S) / E linear in ln E, as in the solver */
    const double y0 = (c->Y[a][k][r] - c->S[a][k][r]) / E0, y1 = (c->Y[a][k + 1][r] - c->S[a][k + 1][r]) / E1;
    out[r] = E * ((1.0 - f) * y0 + f * y1);
  }
}
