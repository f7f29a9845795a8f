/**
 * @file fb_hadronize.c
 * @brief Mean hadron content of q qbar / g g systems (see fb_hadronize.h).
 *
 * 1. Mean charged multiplicity of e+e- -> hadrons at sqrt(s) = W: the next-to-leading-log (NLLA/MLLA)
 *    form of the PDG review "Fragmentation functions in e+e-, ep and pp collisions" (PDG 2024,
 *    Navas et al. PRD 110 (2024) 030001; Mueller; Webber PLB 143 (1984) 501):
 *      <n_ch>(W) = a alpha_s(W)^b exp(c/sqrt(alpha_s(W))),  b = 1/4 + 10 n_f/(27 beta0),
 *      c = sqrt(96 pi)/beta0, beta0 = 11 - 2 n_f/3,
 *    with n_f = 5 (b = 0.49, c = 2.27, as in the review's fits) and one-loop alpha_s from
 *    alpha_s(M_Z) = FB_ALPHAS_MZ. a is fixed by the Z-pole average <n_ch>(M_Z) = FB_HAD_NCH_MZ (one
 *    number, not a fit to the data it is checked against: TASSO 14-44 GeV and HRS 29 GeV,
 *    tests/models/test_hadronize.c). n_ch counts the charged decay products of K_S and Lambda as the
 *    measurements do; the model's class multiplicities do not (K_S is a kaon here): for light quarks
 *    above the thresholds of step 4, pi+- + K+- + p + pbar = n_ch exactly, and K_S -> pi pi is left to
 *    the consumer (the BBN stage treats kaons as kaons).
 * 2. g g: <n_ch>(gg) = r <n_ch>(q qbar) at the same W, r = FB_HAD_RGQ_LOW = 1.04 measured by CLEO
 *    (Upsilon(1S) -> g g gamma vs e+e- -> q qbar gamma, jet-jet masses < 7 GeV, hep-ex/9701006).
 *    The perturbative limit C_A/C_F = 9/4 is approached only at LEP energies and above; our systems have
 *    W <= ~12 GeV, so r is held at the CLEO value (stated approximation).
 * 3. Composition (same for every parton, stated): the PDG per-event yields at sqrt(s) ~ 10 GeV
 *    (FB_HAD_*_10): per charged hadron pi+- : K+- : p+pbar = 0.851 : 0.116 : 0.033, pi0 = 0.485 pi+-,
 *    K0 + K0bar = 1.01 K+-, n + nbar = p + pbar (isospin; not measured). Short-lived resonances (rho,
 *    omega, eta, K*) are counted through their decay products, as the measured pion/kaon yields are.
 *    s sbar, c cbar, b bbar (and the CC pairs u sbar, c dbar, ... of HNL decays): two of the hadrons are
 *    kaons (the leading strange quarks; D -> K X and B -> D X -> K X dominate, PDG 2024), the rest
 *    has the composition above (stated approximation; the 10 GeV yields already include the
 *    c cbar continuum, so charm is slightly double counted in kaons).
 * 4. Threshold (W of a few GeV), stated: the kaon and nucleon yields are multiplied by the velocity of
 *    the lightest pair carrying the quantum number, sqrt(1 - (2 m/W)^2) (zero below the pair
 *    threshold); at least 2 hadrons; the rest masses never exceed W (all multiplicities scaled by
 *    W/sum(m) if they would - the kinematic limit N <= W/m_pi for pions).
 * 5. Energy: every hadron gets its rest mass plus an equal share of the kinetic energy E - sum(m) of
 *    the system (stated; the class energies sum to E exactly).
 */
#include "fb_hadronize.h"

#include <math.h>

#include "fb_alpha_s.h"
#include "fb_constants.h"

#define HAD_NF 5.0

/* 1/alpha(W) = 1/alpha(M_Z) + beta0/(2 pi) ln(W/M_Z) (one loop, n_f = 5: the order the MLLA formula is
 * written in; fb_alpha_s.h) */
static double had_alphas_1loop(double W_GeV) { return fb_alpha_s_fixed_nf(W_GeV, 1, (int)HAD_NF); }

static double had_nlla_shape(double W_GeV) {
  const double beta0 = 11.0 - 2.0 * HAD_NF / 3.0;
  const double b = 0.25 + 10.0 * HAD_NF / (27.0 * beta0), c = sqrt(96.0 * FB_PI) / beta0;
  const double a = had_alphas_1loop(W_GeV);
  return pow(a, b) * exp(c / sqrt(a));
}

double fb_hadronize_nch_ee(double W_GeV) {
  if (!(W_GeV > 0.0)) return 0.0;
  /* alpha_s(1 loop) has its pole at ~0.09 GeV: below 0.3 GeV (no multi-hadron state) hold it there */
  const double W = W_GeV > 0.3 ? W_GeV : 0.3;
  return FB_HAD_NCH_MZ * had_nlla_shape(W) / had_nlla_shape(FB_MZ_GEV);
}

static double had_pair_velocity(double m_GeV, double W_GeV) {
  const double x = 1.0 - 4.0 * m_GeV * m_GeV / (W_GeV * W_GeV);
  return x > 0.0 ? sqrt(x) : 0.0;
}

int fb_hadronize_add(int parton, double W_GeV, double E_GeV, double M_GeV, double weight, double *n, double *ef,
                     fb_err *err) {
  FB_TEST(err, parton < 0 || parton >= FB_HAD_N_PARTONS, FB_ERR_RANGE, "hadronize: parton %d not in [0, %d)", parton,
          (int)FB_HAD_N_PARTONS);
  FB_TEST(err, !(isfinite(W_GeV) && W_GeV >= 0.0 && isfinite(M_GeV) && M_GeV > 0.0), FB_ERR_RANGE,
          "hadronize: W = %g GeV, M = %g GeV must be finite, W >= 0, M > 0", W_GeV, M_GeV);
  FB_TEST(err, !(isfinite(E_GeV) && E_GeV >= W_GeV * (1.0 - 1e-12) && E_GeV <= M_GeV * (1.0 + 1e-12)),
          FB_ERR_RANGE, "hadronize: system energy E = %g GeV must lie in [W, M] = [%g, %g] GeV", E_GeV, W_GeV, M_GeV);
  if (W_GeV < 2.0 * FB_MPI0_GEV) { /* no hadronic final state: unresolved, as before */
    n[FB_DC_OTHER_HADRONS] += 2.0 * weight;
    ef[FB_DC_OTHER_HADRONS] += weight * E_GeV / M_GeV;
    return FB_OK;
  }
  const double m_k = (FB_HAD_KC_10 * FB_MK_CHARGED_GEV + FB_HAD_K0_10 * FB_MK0_GEV) / (FB_HAD_KC_10 + FB_HAD_K0_10);
  const double m_n = 0.5 * (FB_MP_GEV + FB_MN_GEV);
  const double mass[4] = {FB_MPI_CHARGED_GEV, FB_MPI0_GEV, m_k, m_n};
  const int cls[4] = {FB_DC_PI_CHARGED, FB_DC_PI0, FB_DC_KAON, FB_DC_NUCLEON};

  double nch = fb_hadronize_nch_ee(W_GeV);
  if (parton == FB_HAD_GLUON) nch *= FB_HAD_RGQ_LOW;
  const double ch10 = FB_HAD_PIC_10 + FB_HAD_KC_10 + FB_HAD_P_10;
  double h[4];
  h[0] = nch * FB_HAD_PIC_10 / ch10;
  h[1] = h[0] * FB_HAD_PI0_10 / FB_HAD_PIC_10;
  h[2] = nch * (FB_HAD_KC_10 + FB_HAD_K0_10) / ch10 * had_pair_velocity(m_k, W_GeV);
  h[3] = nch * 2.0 * FB_HAD_P_10 / ch10 * had_pair_velocity(m_n, W_GeV);
  double N = h[0] + h[1] + h[2] + h[3];
  const int strange = parton == FB_HAD_S || parton == FB_HAD_C || parton == FB_HAD_B;
  if (strange && W_GeV > 2.0 * m_k && N > 2.0) { /* two leading kaons, the rest as above */
    const double f = (N - 2.0) / N;
    for (int i = 0; i < 4; ++i) h[i] *= f;
    h[2] += 2.0;
  }
  N = h[0] + h[1] + h[2] + h[3];
  if (N < 2.0)
    for (int i = 0; i < 4; ++i) h[i] *= 2.0 / N;
  double msum = 0.0;
  for (int i = 0; i < 4; ++i) msum += h[i] * mass[i];
  if (msum > W_GeV) { /* kinematic limit: the rest masses fit into W */
    for (int i = 0; i < 4; ++i) h[i] *= W_GeV / msum;
    msum = W_GeV;
  }
  N = h[0] + h[1] + h[2] + h[3];
  const double kin = (E_GeV - msum) / N; /* >= 0: E >= W >= msum */
  for (int i = 0; i < 4; ++i) {
    n[cls[i]] += weight * h[i];
    ef[cls[i]] += weight * h[i] * (mass[i] + kin) / M_GeV;
  }
  return FB_OK;
}

int fb_hadronize_channel(fb_decay *d, const char *name, double width_GeV, int parton, double m_GeV, fb_err *err) {
  double n[FB_N_DECAY_CLASSES] = {0}, ef[FB_N_DECAY_CLASSES] = {0};
  FB_CALL(err, fb_hadronize_add(parton, m_GeV, m_GeV, m_GeV, 1.0, n, ef, err));
  return fb_decay_set_channel(d, name, width_GeV, n, ef, err);
}
