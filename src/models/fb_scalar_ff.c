/**
 * @file fb_scalar_ff.c
 * @brief Chiral-unitary two-channel (pi pi, K Kbar; I = 0, S wave) amplitude and scalar form
 *        factors; formulas and citations in fb_scalar_ff.h.
 */
#include "fb_scalar_ff.h"

#include <math.h>

#include "fb_constants.h"

#define SQRT3 1.73205080756887729353
#define SFF_DERIV_STEP_GEV2 1e-3 /* step of the one-sided derivative of D^-1 at s = 0 (s << 4 m_pi^2) */
#define SFF_PHASE_STEPS 2000     /* steps of the phase unwrapping from threshold (tests, diagnostics) */

/* Lowest-order chiral I = 0 S-wave kernels, unitary normalisation (pi pi states carry 1/sqrt2),
 * Oller-Oset hep-ph/9702314: V11 = -(s - m_pi^2/2)/f^2, V12 = -sqrt3 s/(4 f^2),
 * V22 = -3 s/(4 f^2). The partial wave t = -V/(16 pi) reproduces Weinberg's t_0^0 = (2s - m^2)/(32 pi f^2). */
static void kernel(const fb_scalar_ff *ff, double s, double V[2][2]) {
  const double f2 = ff->f_GeV * ff->f_GeV, mp2 = ff->m_pi_GeV * ff->m_pi_GeV;
  V[0][0] = -(s - 0.5 * mp2) / f2;
  V[0][1] = V[1][0] = -SQRT3 * s / (4.0 * f2);
  V[1][1] = -3.0 * s / (4.0 * f2);
}

/* G(s) = int d^3q/(2pi)^3 (w1 + w2)/(2 w1 w2) / (s - (w1 + w2)^2 + i0), |q| < Q, equal masses m
 * (Oller-Oset hep-ph/9702314, three-momentum cut-off). With w^2 = q^2 + m^2, k^2 = s/4 - m^2, E = sqrt(s)/2:
 *   G = (1/(8 pi^2)) [ -asinh(Q/m) + k^2 I2 ],  I2 = int_0^Q dq / (w (k^2 - q^2))
 *     = (1/(2 k E)) [ ln((E Q + k W)/(E Q - k W)) - i pi ],  W = sqrt(Q^2 + m^2)
 * (d/dq of ln((E q + k w)/(E q - k w)) = 2 E k/(w (k^2 - q^2)); the -i pi is the +i0 prescription,
 * giving Im G = -k/(8 pi E) = -sigma/(16 pi)). Below threshold k = i kappa and I2 is real; at s -> 0,
 * k^2 I2 -> Q/W; beyond the cut-off (k > Q) the loop is real. */
double complex fb_scalar_ff_loop(const fb_scalar_ff *ff, int channel, double s) {
  const double m = channel == 0 ? ff->m_pi_GeV : ff->m_K_GeV, Q = ff->qmax_GeV;
  const double W = sqrt(Q * Q + m * m), first = -asinh(Q / m), norm = 1.0 / (8.0 * FB_PI * FB_PI);
  if (s <= 0.0) return norm * (first + Q / W);
  const double k2 = 0.25 * s - m * m, E = 0.5 * sqrt(s);
  if (fabs(k2) < 1e-14) return norm * first;
  if (k2 < 0.0) {
    const double kap = sqrt(-k2);
    const double i2 = (atan(kap * W / (E * Q)) - 0.5 * FB_PI) / (kap * E);
    return norm * (first + k2 * i2);
  }
  const double k = sqrt(k2);
  const double num = E * Q + k * W, den = E * Q - k * W;
  double complex i2 = log(fabs(num / den)) / (2.0 * k * E);
  if (den > 0.0) i2 -= I * FB_PI / (2.0 * k * E); /* on-shell momentum inside the cut-off */
  return norm * (first + k2 * i2);
}

/* D(s) = 1 - V(s) G(s) and its inverse */
static void dmatrix_inverse(const fb_scalar_ff *ff, double s, double complex Di[2][2]) {
  double V[2][2];
  kernel(ff, s, V);
  const double complex g[2] = {fb_scalar_ff_loop(ff, 0, s), fb_scalar_ff_loop(ff, 1, s)};
  const double complex a = 1.0 - V[0][0] * g[0], b = -V[0][1] * g[1], c = -V[1][0] * g[0], d = 1.0 - V[1][1] * g[1];
  const double complex det = a * d - b * c;
  Di[0][0] = d / det;
  Di[0][1] = -b / det;
  Di[1][0] = -c / det;
  Di[1][1] = a / det;
}

static void mat_vec(const double complex M[2][2], const double complex v[2], double complex out[2]) {
  const double complex o0 = M[0][0] * v[0] + M[0][1] * v[1], o1 = M[1][0] * v[0] + M[1][1] * v[1];
  out[0] = o0;
  out[1] = o1;
}

void fb_scalar_ff_tmatrix(const fb_scalar_ff *ff, double s, double complex T[2][2]) {
  double V[2][2];
  double complex Di[2][2];
  kernel(ff, s, V);
  dmatrix_inverse(ff, s, Di);
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++) T[i][j] = Di[i][0] * V[0][j] + Di[i][1] * V[1][j];
}

/* S_11 = 1 + 2 i sigma t_11 = eta exp(2 i delta), t = -T/(16 pi); delta unwrapped from threshold. */
void fb_scalar_ff_phase(const fb_scalar_ff *ff, double s, double *delta_rad, double *eta) {
  const double s0 = 4.0 * ff->m_pi_GeV * ff->m_pi_GeV;
  double prev = 0.0, delta = 0.0, e = 1.0;
  for (int i = 1; i <= SFF_PHASE_STEPS; i++) {
    const double si = s0 + (s - s0) * i / SFF_PHASE_STEPS;
    double complex T[2][2];
    fb_scalar_ff_tmatrix(ff, si, T);
    const double sig = sqrt(1.0 - s0 / si);
    const double complex S11 = 1.0 - 2.0 * I * sig * T[0][0] / (16.0 * FB_PI);
    double half = 0.5 * carg(S11); /* (-pi/2, pi/2] */
    while (half - prev > 0.5 * FB_PI) half -= FB_PI;
    while (half - prev < -0.5 * FB_PI) half += FB_PI;
    delta = half;
    prev = half;
    e = cabs(S11);
  }
  *delta_rad = delta;
  *eta = e;
}

/* leading-order chiral values at s = 0 and slopes (fb_scalar_ff.h), vector (F_pi, (2/sqrt3) F_K) */
void fb_scalar_ff_lo_values(const fb_scalar_ff *ff, int which, double v0[2], double v1[2]) {
  const double mp2 = ff->m_pi_GeV * ff->m_pi_GeV, mk2 = ff->m_K_GeV * ff->m_K_GeV, c = 2.0 / SQRT3;
  v1[0] = v1[1] = 0.0;
  if (which == FB_SFF_GAMMA) {
    v0[0] = mp2;
    v0[1] = c * 0.5 * mp2;
  } else if (which == FB_SFF_DELTA) {
    v0[0] = 0.0;
    v0[1] = c * (mk2 - 0.5 * mp2);
  } else {
    v0[0] = 2.0 * mp2;
    v0[1] = c * 2.0 * mk2;
    v1[0] = 1.0;
    v1[1] = c;
  }
}

/* R(s) = R0 + s R1 with F = D^-1 R and F(0) = v0: R0 = D(0) v0. Once subtracted (Gamma, Delta:
 * twice = 0): R1 = 0. Twice subtracted (theta), F'(0) = v1: R1 = D(0) [v1 - (D^-1)'(0) R0]. */
static void subtraction(const fb_scalar_ff *ff, const double v0[2], const double v1[2], int twice,
                        double complex R0[2], double complex R1[2]) {
  double complex D0i[2][2], Dh[2][2], D2h[2][2], D0[2][2], dDi[2][2];
  const double h = SFF_DERIV_STEP_GEV2;
  dmatrix_inverse(ff, 0.0, D0i);
  dmatrix_inverse(ff, h, Dh);
  dmatrix_inverse(ff, 2.0 * h, D2h);
  const double complex det = D0i[0][0] * D0i[1][1] - D0i[0][1] * D0i[1][0];
  D0[0][0] = D0i[1][1] / det;
  D0[0][1] = -D0i[0][1] / det;
  D0[1][0] = -D0i[1][0] / det;
  D0[1][1] = D0i[0][0] / det;
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++) dDi[i][j] = (-3.0 * D0i[i][j] + 4.0 * Dh[i][j] - D2h[i][j]) / (2.0 * h);
  const double complex w0[2] = {v0[0], v0[1]};
  double complex t[2];
  mat_vec(D0, w0, R0);
  if (!twice) {
    R1[0] = R1[1] = 0.0;
    return;
  }
  mat_vec(dDi, R0, t);
  const double complex w1[2] = {v1[0] - t[0], v1[1] - t[1]};
  mat_vec(D0, w1, R1);
}

int fb_scalar_ff_init(fb_scalar_ff *ff, fb_err *err) {
  FB_TEST(err, !ff, FB_ERR_INPUT, "fb_scalar_ff_init: NULL");
  ff->m_pi_GeV = FB_MPI_CHARGED_GEV;
  ff->m_K_GeV = 0.5 * (FB_MK_CHARGED_GEV + FB_MK0_GEV);
  ff->f_GeV = FB_OO_F_GEV;
  ff->qmax_GeV = FB_OO_QMAX_GEV;
  /* G_P = (2/9) theta + (7/9)(Gamma + Delta): R is linear in the three form factors' R */
  double complex r0[3][2], r1[3][2];
  for (int w = 0; w < 3; w++) {
    double v0[2], v1[2];
    fb_scalar_ff_lo_values(ff, w, v0, v1);
    subtraction(ff, v0, v1, w == FB_SFF_THETA, r0[w], r1[w]);
  }
  for (int i = 0; i < 2; i++) {
    ff->R0[i] = 2.0 / 9.0 * r0[FB_SFF_THETA][i] + 7.0 / 9.0 * (r0[FB_SFF_GAMMA][i] + r0[FB_SFF_DELTA][i]);
    ff->R1[i] = 2.0 / 9.0 * r1[FB_SFF_THETA][i] + 7.0 / 9.0 * (r1[FB_SFF_GAMMA][i] + r1[FB_SFF_DELTA][i]);
  }
  return FB_OK;
}

static void evaluate(const fb_scalar_ff *ff, const double complex R0[2], const double complex R1[2], double s,
                     double complex out[2]) {
  double complex Di[2][2];
  dmatrix_inverse(ff, s, Di);
  const double complex r[2] = {R0[0] + s * R1[0], R0[1] + s * R1[1]};
  mat_vec(Di, r, out);
  out[1] *= 0.5 * SQRT3; /* back from (2/sqrt3) F_K to F_K */
}

void fb_scalar_ff_eval(const fb_scalar_ff *ff, int which, double s, double complex out[2]) {
  double v0[2], v1[2];
  double complex R0[2], R1[2];
  fb_scalar_ff_lo_values(ff, which, v0, v1);
  subtraction(ff, v0, v1, which == FB_SFF_THETA, R0, R1);
  evaluate(ff, R0, R1, s, out);
}

void fb_scalar_ff_higgs(const fb_scalar_ff *ff, double s, double complex *G_pi, double complex *G_K) {
  double complex out[2];
  evaluate(ff, ff->R0, ff->R1, s, out);
  *G_pi = out[0];
  *G_K = out[1];
}
