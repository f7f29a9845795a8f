/**
 * @file fb_fip_alp.c
 * @brief BC10 (ALP with universal fermion couplings, axis inv_fl = 1/f_l) and BC11 (ALP coupled to
 *        gluons, axis inv_fG = 1/f_G): decays and production couplings. Conventions in fb_fip_alp.h.
 *
 * Decays (every width is at coupling 1 GeV^-1 and scales as coupling^2):
 *  - a -> l+ l- (BC10): Gamma = m_a m_l^2 beta / (8 pi f_l^2), beta = sqrt(1 - 4 m_l^2/m_a^2)
 *    [BNT arXiv:1708.00443, Gamma(a -> l l) with c_ll^eff / Lambda = 1/f_l; loop corrections to
 *    c_ll^eff neglected: with universal derivative couplings no cut-off dependence enters at the
 *    order used here, so the model has no Lambda input].
 *  - a -> gamma gamma: Gamma = alpha^2 |C|^2 m_a^3 / (256 pi^3 f^2).
 *    BC10: C = 2 sum_l B_1(tau_l) + 2 sum_{q=c,b,t} N_c Q_q^2 B_1(tau_q) + light-quark part
 *    (BNT, C_gammagamma^eff with c_ff = 1). The light quarks u, d, s enter below the matching window
 *    through the ALP's kinetic mixing with pi0, eta, eta' (coupling to the axial currents; vanishes
 *    as m_a -> 0 as BNT's B_1 -> 0 does, and tends to the quark-loop value 2 sum N_c Q^2 above the
 *    meson masses) and above it as quark loops with B_1.
 *    BC11: C = 2 N_c sum_P (c^P . kappa)(c^P . Q^2) m_P^2 / (m_a^2 - m_P^2 + i m_P Gamma_P), the
 *    pi0/eta/eta' mixing of Aloni, Soreq, Williams arXiv:1811.03474 (ASW) with kappa_q = m_q^-1 /
 *    sum m^-1 (their choice, no mass mixing at LO) after the contact term -2 N_c sum kappa Q^2 of
 *    the kappa rotation is added to the kinetic mixing m_a^2/(m_a^2 - m_P^2): m_a -> 0 gives
 *    C = -2.01 (the LO value of the QCD-axion -1.92 +- 0.04, arXiv:1511.02867).
 *  - BC11 hadronic channels (issue 13 revisions; ASW's construction, inputs PDG):
 *    the ALP-meson mixing <aP> = (mu_P^2 - m_a^2 K_P)/(m_a^2 - m_P^2) (kinetic + singlet mass mixing)
 *    corrected to first order for the SM pi0-eta-eta' mass mixing (ASW eq. S8; asw_theta) enters
 *    a -> 3 pi (ASW's eqs. S31/S32: LO chiral amplitude with the kappa-rotated couplings plus rho+-
 *    exchange, K-factor from Gamma(eta -> 3 pi0); asw_3pi_coeffs), a -> pi+ pi- gamma (VMD below),
 *    a -> eta pi pi and a -> eta' pi pi (a0(980) + sigma exchange, nonet coupling from Gamma(a0 -> eta pi),
 *    tabulated at set-up) and a -> K Kbar pi (K*(892) exchange, coupling from Gamma(K*)). Details at each
 *    function; the measured comparison with FORESEE in docs/validation.md (BC11 third revision).
 *  - a -> pi+ pi- gamma: vector-meson dominance, a -> rho gamma with the rho line shape: the
 *    P -> V gamma couplings are K Tr[T_P {T_V, Q}] with K fixed by Gamma(omega -> pi0 gamma) (PDG),
 *    the ALP coupling is sum_P theta_P K Tr[T_P {T_rho, Q}] (the ASW construction with the simplest
 *    VMD: no rho', no omega -> pi+ pi-, no form factors; the gap is stated in docs/validation.md).
 *  - BC10 a -> eta pi pi: theta_eta' times a constant eta' -> eta pi pi amplitude fixed by the measured
 *    Gamma(eta' -> eta pi+ pi-) (PDG); eta pi0 pi0 by isospin (amplitude equal, 1/2 for identical pi0);
 *    BC10 a -> 3 pi through the isospin-breaking eta/eta' route with kinetic mixing (hadronic());
 *    BC10 has no K K pi (stated gap).
 *  - BC11 a -> rho rho, rho omega, omega omega, K* K* (VMD VVP vertex fixed by Gamma(omega -> pi0 gamma) and
 *    Gamma(rho -> e+ e-), vv_widths) and ASW's form factor F(m_a) on every exclusive hadronic width
 *    (asw_form_factor). ASW switch from the exclusive channels to a -> g g at ~1.84 GeV, where the two
 *    cross in their Fig. 2 total width (the switch point also of ALPaca arXiv:2508.08354, which follows
 *    ASW): the BC11 default window [1.80, 1.88] GeV is centred on it.
 *  - Above the matching window [match_low_GeV, match_high_GeV] perturbative channels take over with
 *    the weight w (smoothstep 3x^2 - 2x^3 across the window; exclusive hadronic channels get 1 - w):
 *    BC11 a -> g g: Gamma = alpha_s^2 m_a^3 / (32 pi^3 f_G^2) (1 + E alpha_s/pi), E = 97/4 - 7 n_f/6
 *    with n_f = 3 (Spira, Djouadi, Graudenz, Zerwas hep-ph/9504378, pseudoscalar -> g g NLO in the
 *    heavy-quark limit, which is exact for the local operator); BC10 a -> q qbar, Gamma = N_c m_q^2 m_a beta/(8 pi f^2)
 *    with beta at the open-flavour threshold (2 m_K, 2 m_D, 2 m_B), and a -> g g through quark loops,
 *    Gamma = alpha_s^2 m_a^3 |sum_q B_1(tau_q)|^2 / (32 pi^3 f^2) (LO).
 * Channel classes: three-body channels share the kinetic energy equally between the daughters (a
 * stated approximation for the mean energies); eta is "other hadrons"; the perturbative quark and
 * gluon channels carry the mean pions, kaons and nucleons of the parton pair (fb_hadronize.h).
 * alpha_s(m_a): fb_alpha_s.h at 3 loops with flavour thresholds (two loops before the issue-16 review).
 * The phase-space and line-shape integrals of the exclusive channels are in fb_alp_kinematics.c.
 */
#include "fb_fip_alp.h"

#include <gsl/gsl_integration.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_alp_kinematics_internal.h"
#include "fb_alpha_s.h"
#include "fb_constants.h"
#include "fb_fip.h"
#include "fb_hadronize.h"
#include "fb_spline.h"

#define NC 3.0
#define N_MESONS 3 /* pi0, eta, eta' */
#define N_QUAD_3BODY 32
#define N_QUAD_VMD 64
#define VV_Q_MIN_GEV 1e-3 /* rho rho / rho omega tables start 1 MeV above the 4 pi / 2 pi omega threshold */

const fb_key_spec fb_alp_bc10_keys[FB_ALP_N_KEYS] = {
    {"bc10", "match_low_GeV", FB_KEY_DOUBLE, "1.2", 0.5, 10.0, NULL, "GeV",
     "lower end of the window where exclusive hadronic channels hand over to quarks and gluons"},
    {"bc10", "match_high_GeV", FB_KEY_DOUBLE, "2.0", 0.5, 10.0, NULL, "GeV",
     "upper end of that window (perturbative channels only above it)"},
};
const fb_key_spec fb_alp_bc11_keys[FB_ALP_N_KEYS] = {
    {"bc11", "match_low_GeV", FB_KEY_DOUBLE, "1.80", 0.5, 10.0, NULL, "GeV",
     "lower end of the window where exclusive hadronic channels hand over to a -> g g (default window "
     "centred on the switch of ASW arXiv:1811.03474 at ~1.84 GeV)"},
    {"bc11", "match_high_GeV", FB_KEY_DOUBLE, "1.88", 0.5, 10.0, NULL, "GeV",
     "upper end of that window (a -> g g only above it)"},
};

/* ---------------------------------------------------------------- flavour algebra (u, d, s) */
static const double quark_charge[3] = {2.0 / 3.0, -1.0 / 3.0, -1.0 / 3.0};

/* Quark content c^P of pi0, eta, eta' (orthonormal): pi0 = (uu - dd)/sqrt2, eta and eta' from the
 * octet and singlet with the angle FB_ALP_THETA_ETA_ETAP. Isospin breaking in the states is neglected. */
static void meson_vectors(double c[N_MESONS][3]) {
  const double s2 = sqrt(2.0), s3 = sqrt(3.0), s6 = sqrt(6.0);
  const double eta8[3] = {1.0 / s6, 1.0 / s6, -2.0 / s6}, eta1[3] = {1.0 / s3, 1.0 / s3, 1.0 / s3};
  const double ct = cos(FB_ALP_THETA_ETA_ETAP), st = sin(FB_ALP_THETA_ETA_ETAP);
  c[0][0] = 1.0 / s2, c[0][1] = -1.0 / s2, c[0][2] = 0.0;
  for (int q = 0; q < 3; q++) {
    c[1][q] = ct * eta8[q] - st * eta1[q];
    c[2][q] = st * eta8[q] + ct * eta1[q];
  }
}
static const double meson_mass[N_MESONS] = {FB_MPI0_GEV, FB_META_GEV, FB_METAPRIME_GEV};
static const double meson_width[N_MESONS] = {FB_ALP_GAMMA_PI0_GEV, FB_ALP_GAMMA_ETA_GEV, FB_ALP_GAMMA_ETAP_GEV};

static double dot3(const double *a, const double *b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

/* ---------------------------------------------------------------- state */
typedef struct alp_state {
  int is_bc11;
  double match_low_GeV, match_high_GeV;
  double u[3];                 /* flavour vector of the ALP-quark axial coupling: (1,1,1) or kappa */
  double cP[N_MESONS][3];      /* quark content of pi0, eta, eta' */
  double cPu[N_MESONS];        /* c^P . u */
  double cPQ2[N_MESONS];       /* c^P . Q^2 */
  double cPrho[N_MESONS];      /* Tr[T_P {T_rho, Q}] = sqrt2 (2/3 c_u + 1/3 c_d) */
  double K2_GeV2;              /* VMD P V gamma coupling^2, from omega -> pi0 gamma */
  double A2_etapipi;           /* |A(eta' -> eta pi+ pi-)|^2, constant amplitude fitted to PDG */
  double kin_P[N_MESONS];      /* BC11 ASW kinetic mixing K_P = (F/sqrt2) c^P.kappa [GeV per 1/f] */
  double mass_P[N_MESONS];     /* BC11 ASW mass mixing mu_P^2 = 2 (F/sqrt2) B0 m* sum_q c^P_q [GeV^3 per 1/f] */
  double K3pi;                 /* K-factor of the LO 3 pi amplitude, Gamma(eta -> pi+ pi- pi0) PDG / LO */
  double sm_mix[N_MESONS];     /* BC11: SM pi0-P mass mixing M^2_{pi0 P} = 2 B0 sum_q m_q c^pi_q c^P_q [GeV^2] (P = eta, eta') */
  double lambda_S;             /* scalar-nonet coupling lambda of lambda Tr[S dPhi dPhi] [GeV^-1], from a0 -> eta pi */
  fb_spline a0_c[2], a0_0[2];  /* BC11: I_a0(m)/Q^2 for X pi+ pi- and X pi0 pi0, X = eta, eta' (Q = m - threshold) */
  fb_spline vv_rr, vv_ro;      /* BC11: rho-line-shape averages of p^3 for rho rho and rho omega (vv_widths) */
  int n_scalar, have_vv, have_a0; /* tables built (alp_free); have_a0: BC11 hadronic tables complete */
  double gKstar2;              /* VPP coupling g^2 from Gamma(K* -> K pi) */
  gsl_integration_glfixed_table *gl3, *glv;
} alp_state;

/* ---------------------------------------------------------------- pieces shared with the header */
double complex fb_alp_B1(double tau) {
  double complex f;
  if (tau >= 1.0) {
    f = asin(1.0 / sqrt(tau));
  } else {
    if (!(tau > 0.0)) return 1.0; /* tau f^2 -> 0 for a massless fermion */
    /* 1 - r = tau/(1 + r): no cancellation for tau << 1 (electron loops at T >~ 1e4 GeV gave inf; review) */
    const double r = sqrt(1.0 - tau);
    f = 0.5 * FB_PI + 0.5 * I * log((1.0 + r) * (1.0 + r) / tau);
  }
  return 1.0 - tau * f * f;
}

/* Smooth hand-over weight: 0 below lo, 1 above hi. */
static double match_weight(double m, double lo, double hi) {
  if (m <= lo) return 0.0;
  if (m >= hi) return 1.0;
  const double x = (m - lo) / (hi - lo);
  return x * x * (3.0 - 2.0 * x);
}

static void alp_setup_flavour(alp_state *s, int is_bc11) {
  s->is_bc11 = is_bc11;
  if (is_bc11) {
    const double inv[3] = {1.0 / FB_MU_QUARK_GEV, 1.0 / FB_MD_QUARK_GEV, 1.0 / FB_MS_QUARK_GEV};
    const double sum = inv[0] + inv[1] + inv[2];
    for (int q = 0; q < 3; q++) s->u[q] = inv[q] / sum; /* ASW kappa_q */
  } else {
    for (int q = 0; q < 3; q++) s->u[q] = 1.0;
  }
  meson_vectors(s->cP);
  const double q2[3] = {quark_charge[0] * quark_charge[0], quark_charge[1] * quark_charge[1],
                        quark_charge[2] * quark_charge[2]};
  for (int P = 0; P < N_MESONS; P++) {
    s->cPu[P] = dot3(s->cP[P], s->u);
    s->cPQ2[P] = dot3(s->cP[P], q2);
    s->cPrho[P] = sqrt(2.0) * (2.0 / 3.0 * s->cP[P][0] + 1.0 / 3.0 * s->cP[P][1]);
  }
  /* ASW (arXiv:1811.03474) ALP-meson mixing <aP> = (mu_P^2 - m_a^2 K_P) / (m_a^2 - m_P^2) after the
   * rotation with kappa_q = m_q^-1 / sum m^-1: the derivative coupling kappa_q d a qbar g g5 q / 2f gives
   * the kinetic mixing K_P = (F/sqrt2) c^P.kappa, the rotated mass term (F^2 B0 / 2) Tr[M_a U^+ + h.c.]
   * with m_q kappa_q = m* = 1/sum m^-1 for every q couples a only to sum_q phi_q (the U(3) singlet
   * direction): mu_P^2 = 2 (F/sqrt2) B0 m* sum_q c^P_q, B0 = m_pi^2/(m_u + m_d). The ratio
   * mu_P^2/K_P = 2 B0 m* sum c / c.kappa is the one of ASW's kinetic and mass mixing (eta and eta' with
   * the -19.47 deg quark-flavour states); pi0 has no mass mixing (sum c = 0). */
  const double Nm = FB_FPI_GEV / 2.0; /* F/sqrt2 with F = f_pi/sqrt2 */
  const double mstar = 1.0 / (1.0 / FB_MU_QUARK_GEV + 1.0 / FB_MD_QUARK_GEV + 1.0 / FB_MS_QUARK_GEV);
  const double B0 = FB_MPI0_GEV * FB_MPI0_GEV / (FB_MU_QUARK_GEV + FB_MD_QUARK_GEV);
  for (int P = 0; P < N_MESONS; P++) {
    s->kin_P[P] = Nm * s->cPu[P];
    s->mass_P[P] = is_bc11 ? 2.0 * Nm * B0 * mstar * (s->cP[P][0] + s->cP[P][1] + s->cP[P][2]) : 0.0;
  }
  /* Isospin breaking in the meson states (ASW arXiv:1811.03474, supplemental eq. S8; the ALP's U(3)
   * admixture of their eqs. 5-7 is corrected to first order in it): the LO chiral mass matrix
   * M^2_{PQ} = 2 B0 sum_q m_q c^P_q c^Q_q has pi0-eta and pi0-eta' elements -sqrt2 delta_I m_pi^2 c^P_u,
   * delta_I = (m_d - m_u)/(m_d + m_u) (the eta-eta' element is absorbed in the physical states). */
  const double qm[3] = {FB_MU_QUARK_GEV, FB_MD_QUARK_GEV, FB_MS_QUARK_GEV};
  for (int P = 0; P < N_MESONS; P++) {
    s->sm_mix[P] = 0.0;
    if (is_bc11 && P > 0)
      for (int q = 0; q < 3; q++) s->sm_mix[P] += 2.0 * B0 * qm[q] * s->cP[0][q] * s->cP[P][q];
  }
}

/* <aP> per unit coupling [GeV] (file comment; the meson width regulates m_a = m_P), before the SM
 * pi0-eta-eta' mixing. */
static double complex asw_theta0(const alp_state *s, int P, double m) {
  const double mp = meson_mass[P];
  return (s->mass_P[P] - m * m * s->kin_P[P]) / (m * m - mp * mp + I * mp * meson_width[P]);
}

/* <aP> with the SM pi0-eta-eta' mass mixing to first order (ASW eq. S8 and their U(3) representation of
 * the ALP): <aP> = <aP>_0 + sum_Q M^2_{PQ} <aQ>_0 / (m_a^2 - m_P^2), Q != P. Zero correction for BC10
 * (sm_mix = 0 there: its isospin-breaking route is the one stated in hadronic()). */
static double complex asw_theta(const alp_state *s, int P, double m) {
  double complex th = asw_theta0(s, P, m);
  const double complex den = m * m - meson_mass[P] * meson_mass[P] + I * meson_mass[P] * meson_width[P];
  if (P == 0) {
    for (int Q = 1; Q < N_MESONS; Q++) th += s->sm_mix[Q] * asw_theta0(s, Q, m) / den;
  } else {
    th += s->sm_mix[P] * asw_theta0(s, 0, m) / den;
  }
  return th;
}

/* The ALP's U(3) weights A_q = sum_P <aP> c^P_q [GeV per unit coupling] seen by the data-driven meson
 * vertices (BC11: VMD a -> pi pi gamma, V V, K* K, scalar exchange): ASW's substitution of the ALP's U(3)
 * admixture for the meson field. The kappa-covariant completion of arXiv:2506.15637 / 2501.04525 would add
 * the derivative contact sum_P K_P c^P_q = (f_pi/2) kappa_q here (as in the two-photon coefficient); measured
 * effect in docs/validation.md (BC11 third revision), not the default: ASW's published rates, which the
 * benchmark tables reproduce, are without it. */
static void asw_weights(const alp_state *s, double m, double complex A[3]) {
  for (int q = 0; q < 3; q++) A[q] = 0.0;
  for (int P = 0; P < N_MESONS; P++) {
    const double complex th = asw_theta(s, P, m);
    for (int q = 0; q < 3; q++) A[q] += th * s->cP[P][q];
  }
}

/* ASW's a -> 3 pi amplitudes (arXiv:1811.03474 supplemental eqs. S31, S32, read in ALPaca's transcription,
 * arXiv:2508.08354 hadronic_decays_def.py; the chiral part re-derived: LO U(3) chiral Lagrangian with the
 * ALP's admixtures). Per unit coupling, g = F0/2 (F0 = f_pi/sqrt2), th = <aP>; chiral part switched off above
 * m_eta' (ASW): A(3 pi0) = 3 alpha, A(+-0) = alpha + beta (s - s0), 3 alpha = -(m_pi^2/(3 F0^2)) [3 g E +
 * delta_I H - 3 <a pi>], beta = -X/F0^2, X = g (kappa_d - kappa_u) - <a pi> (also the rho+- exchange weight,
 * fb_alp_asw_3pi_widths), E = (kappa_u + kappa_d) delta_I (1 + sqrt6 e + sqrt3 e') + kappa_d - kappa_u,
 * H = T (6 e + 3 sqrt2 e' + sqrt6) + T' (3 sqrt2 e + 3 e' + sqrt3), T = sqrt3 c^eta_u <a eta>,
 * T' = sqrt6 c^eta'_u <a eta'>, e = sqrt3 c^eta_u eps_eta, e' = sqrt6 c^eta'_u eps_eta', eps_P =
 * M^2_{pi0 P}/(m_P^2 - m_pi^2). K: alp_init_common. For the eta (g = 0, <a eta> = 1, <a pi> = eps_eta) this
 * is the LO Gasser-Leutwyler amplitude. */
static void asw_3pi_coeffs(const alp_state *s, double m, double g, const double complex th[N_MESONS], fb_alp_asw3pi *a) {
  const double F02 = 0.5 * FB_FPI_GEV * FB_FPI_GEV, mpi2 = FB_MPI0_GEV * FB_MPI0_GEV;
  const double dI = (FB_MD_QUARK_GEV - FB_MU_QUARK_GEV) / (FB_MD_QUARK_GEV + FB_MU_QUARK_GEV);
  const double ku = s->u[0], kd = s->u[1];
  const double e1 = sqrt(3.0) * s->cP[1][0] * s->sm_mix[1] / (meson_mass[1] * meson_mass[1] - mpi2);
  const double e2 = sqrt(6.0) * s->cP[2][0] * s->sm_mix[2] / (meson_mass[2] * meson_mass[2] - mpi2);
  const double complex T1 = sqrt(3.0) * s->cP[1][0] * th[1], T2 = sqrt(6.0) * s->cP[2][0] * th[2];
  const double E = (ku + kd) * dI * (1.0 + sqrt(6.0) * e1 + sqrt(3.0) * e2) + kd - ku;
  const double complex H = T1 * (6.0 * e1 + 3.0 * sqrt(2.0) * e2 + sqrt(6.0)) + T2 * (3.0 * sqrt(2.0) * e1 + 3.0 * e2 + sqrt(3.0));
  const int chiral = m < FB_METAPRIME_GEV;
  a->alpha = chiral ? -mpi2 / (9.0 * F02) * (3.0 * g * E + dI * H - 3.0 * th[0]) : 0.0;
  a->X = g * (kd - ku) - th[0];
  a->beta = chiral ? -a->X / F02 : 0.0;
  a->s0 = (m * m + 2.0 * FB_MPI_CHARGED_GEV * FB_MPI_CHARGED_GEV + FB_MPI0_GEV * FB_MPI0_GEV) / 3.0;
  a->sqK = sqrt(s->K3pi);
}



/* LO a -> pi pi pi amplitude A(s) = alpha + beta (s - s0), s = m^2(pi+ pi-), s0 = (m_a^2 + 2 m_pi+^2 +
 * m_pi0^2)/3, for an ALP with pi0 admixture th_pi and isoscalar eta8-equivalent weight w =
 * sqrt6 sum_{eta, eta'} <aP> c^P_u (isospin: A(pi0 pi0 pi0) = A(s) + A(t) + A(u) = 3 alpha).
 * Isoscalar part: the LO eta_8 -> 3 pi amplitude of Gasser and Leutwyler (Nucl. Phys. B250 (1985) 539;
 * e.g. arXiv:0709.0230 eq. 2), -(B0 (m_d - m_u)/(3 sqrt3 F^2)) [1 + 3 (s - s0)/(M^2 - m_pi^2)], at
 * M = m_a: the isospin-breaking route through the ALP's eta/eta' admixture (ASW; the route of
 * arXiv:1708.00443 for a -> 3 pi). Isovector part: th_pi times the pi0 -> 3 pi vertex, A(000) =
 * th_pi m_pi^2/F^2 (exponential parametrisation, where the derivative a-3pi0 contact vanishes), and
 * the slope th_pi m_pi^2/(m_a^2 F^2) = (th_pi + K_pi)/F^2 that vanishes in the chiral limit (the
 * derivative coupling to the conserved axial current decouples; the derivative contact supplies
 * K_pi/F^2). */
static void amp_3pi(double m, double complex th_pi, double complex w, double complex *alpha, double complex *beta) {
  const double F2 = 0.5 * FB_FPI_GEV * FB_FPI_GEV, mpi2 = FB_MPI0_GEV * FB_MPI0_GEV;
  const double dI = (FB_MD_QUARK_GEV - FB_MU_QUARK_GEV) / (FB_MD_QUARK_GEV + FB_MU_QUARK_GEV);
  *alpha = th_pi * mpi2 / (3.0 * F2) - w * mpi2 * dI / (3.0 * sqrt(3.0) * F2);
  *beta = th_pi * mpi2 / (m * m * F2) - w * mpi2 * dI / (sqrt(3.0) * F2 * (m * m - mpi2));
}

/* Mixing propagator factor R_P: kinetic m_a^2/(m_a^2 - m_P^2) for BC10, with the kappa contact term
 * m_P^2/(m_a^2 - m_P^2) for BC11 (file comment); the meson width regulates m_a = m_P. */
static double complex mixing_factor(const alp_state *s, int P, double m) {
  const double mp = meson_mass[P];
  const double complex den = m * m - mp * mp + I * mp * meson_width[P];
  return (s->is_bc11 ? mp * mp : m * m) / den;
}

/* theta_P per unit coupling [GeV]: the ALP's admixture of meson P is theta_P / f. */
static double complex mixing_theta(const alp_state *s, int P, double m) {
  const double F = FB_FPI_GEV / sqrt(2.0);
  return F / sqrt(2.0) * s->cPu[P] * mixing_factor(s, P, m);
}

static double complex cgamma_mesons(const alp_state *s, double m) {
  double complex c = 0.0;
  for (int P = 0; P < N_MESONS; P++) c += 2.0 * NC * s->cPu[P] * s->cPQ2[P] * mixing_factor(s, P, m);
  return c;
}

static double complex cgamma_loops(double m, int light) {
  static const double lep[3] = {FB_ME_GEV, FB_MMU_GEV, FB_MTAU_GEV};
  static const double qm[6] = {FB_MU_QUARK_GEV, FB_MD_QUARK_GEV, FB_MS_QUARK_GEV,
                               FB_MC_QUARK_GEV, FB_MB_QUARK_GEV, FB_MT_QUARK_GEV};
  static const double qq[6] = {2.0 / 3.0, -1.0 / 3.0, -1.0 / 3.0, 2.0 / 3.0, -1.0 / 3.0, 2.0 / 3.0};
  double complex c = 0.0;
  if (light) {
    for (int q = 0; q < 3; q++) c += 2.0 * NC * qq[q] * qq[q] * fb_alp_B1(4.0 * qm[q] * qm[q] / (m * m));
    return c;
  }
  for (int l = 0; l < 3; l++) c += 2.0 * fb_alp_B1(4.0 * lep[l] * lep[l] / (m * m));
  for (int q = 3; q < 6; q++) c += 2.0 * NC * qq[q] * qq[q] * fb_alp_B1(4.0 * qm[q] * qm[q] / (m * m));
  return c;
}

static double complex cgamma(const alp_state *s, double m) {
  const double w = match_weight(m, s->match_low_GeV, s->match_high_GeV);
  const double complex mes = cgamma_mesons(s, m);
  if (s->is_bc11) return (1.0 - w) * mes;
  return cgamma_loops(m, 0) + (1.0 - w) * mes + w * cgamma_loops(m, 1);
}

/* ---------------------------------------------------------------- set-up */
static void alp_free(void *state);

static int alp_init_common(void **state, const fb_config *cfg, int is_bc11, fb_err *err) {
  const char *sec = is_bc11 ? "bc11" : "bc10";
  alp_state *s = calloc(1, sizeof *s);
  FB_TEST(err, !s, FB_ERR_MEMORY, "cannot allocate the %s state", sec);
  alp_setup_flavour(s, is_bc11);
  const fb_key_spec *keys = is_bc11 ? fb_alp_bc11_keys : fb_alp_bc10_keys;
  s->match_low_GeV = cfg ? fb_config_get_double(cfg, sec, "match_low_GeV") : atof(keys[0].default_value);
  s->match_high_GeV = cfg ? fb_config_get_double(cfg, sec, "match_high_GeV") : atof(keys[1].default_value);
  if (!(s->match_high_GeV > s->match_low_GeV)) {
    const double lo = s->match_low_GeV, hi = s->match_high_GeV;
    free(s);
    FB_TEST(err, 1, FB_ERR_INPUT, "[%s] match_low_GeV = %g must be below match_high_GeV = %g", sec, lo, hi);
  }
  s->gl3 = gsl_integration_glfixed_table_alloc(N_QUAD_3BODY);
  s->glv = gsl_integration_glfixed_table_alloc(N_QUAD_VMD);
  if (!s->gl3 || !s->glv) {
    gsl_integration_glfixed_table_free(s->gl3);
    gsl_integration_glfixed_table_free(s->glv);
    free(s);
    FB_TEST(err, 1, FB_ERR_MEMORY, "cannot allocate the %s quadrature tables", sec);
  }
  /* VMD: Gamma(omega -> pi0 gamma) = K^2 (m_w^2 - m_pi^2)^3 / (96 pi m_w^3), Tr[T_pi {T_omega, Q}] = 1. */
  const double mw = FB_MOMEGA_GEV, mp = FB_MPI0_GEV;
  const double kw = mw * mw - mp * mp;
  s->K2_GeV2 = FB_ALP_GAMMA_OMEGA_GEV * FB_ALP_BR_OMEGA_PI0GAMMA * 96.0 * FB_PI * mw * mw * mw / (kw * kw * kw);
  /* eta' -> eta pi+ pi-: Gamma = |A|^2 I / (256 pi^3 m^3) with constant A (PDG width fixes |A|^2). */
  const double me = FB_METAPRIME_GEV;
  const double I_etap = fb_alp_dalitz_integral(s->gl3, me, FB_MPI_CHARGED_GEV, FB_META_GEV, NULL, NULL);
  s->A2_etapipi = FB_ALP_GAMMA_ETAP_GEV * FB_ALP_BR_ETAP_ETAPIPI * 256.0 * pow(FB_PI, 3) * me * me * me / I_etap;
  /* K-factor of the LO 3 pi amplitude: Gamma(eta -> pi+ pi- pi0) of the same LO formula for the physical
   * eta (w = sqrt6 c^eta_u, no pi0 admixture) against PDG (LO is known to fall short by x2-4: NLO and
   * pi pi rescattering, Gasser-Leutwyler 1985; arXiv:0709.0230); applied to the whole ALP amplitude. */
  if (is_bc11) { /* ASW's prescription: K reproduces the measured eta decay with the same amplitude. Fixed on
                  * eta -> 3 pi0, where the amplitude is the chiral constant alone (no rho exchange, no slope):
                  * g = 0, <a eta> = 1, <a pi0> = the eta's SM pi0 admixture M^2_{pi0 eta}/(m_eta^2 - m_pi^2). */
    const double complex th[N_MESONS] = {
        s->sm_mix[1] / (FB_META_GEV * FB_META_GEV - FB_MPI0_GEV * FB_MPI0_GEV), 1.0, 0.0};
    fb_alp_asw3pi a;
    double wc, w0;
    s->K3pi = 1.0;
    asw_3pi_coeffs(s, FB_META_GEV, 0.0, th, &a);
    fb_alp_asw_3pi_widths(s->gl3, FB_META_GEV, &a, &wc, &w0);
    s->K3pi = FB_ALP_GAMMA_ETA_GEV * FB_ALP_BR_ETA_3PI0 / w0;
  } else {
    double complex al, be;
    double wc, w0;
    amp_3pi(FB_META_GEV, 0.0, sqrt(6.0) * s->cP[1][0], &al, &be);
    fb_alp_width_3pi(s->gl3, FB_META_GEV, al, be, &wc, &w0);
    s->K3pi = FB_ALP_GAMMA_ETA_GEV * FB_ALP_BR_ETA_PIPIPI0 / wc;
  }
  /* scalar coupling from Gamma(a0 -> eta pi) = g^2 ((m_a0^2 - m_eta^2 - m_pi^2)/2)^2 p / (8 pi m_a0^2),
   * g = lambda (c^eta_u + c^eta_d) */
  {
    const double ma0 = FB_ALP_MA0_GEV, me = FB_META_GEV, mp = FB_MPI0_GEV;
    const double pst = sqrt(fb_alp_kallen(ma0 * ma0, me * me, mp * mp)) / (2.0 * ma0);
    const double v = 0.5 * (ma0 * ma0 - me * me - mp * mp) * (s->cP[1][0] + s->cP[1][1]);
    s->lambda_S = sqrt(FB_ALP_GAMMA_A0_GEV * 8.0 * FB_PI * ma0 * ma0 / pst) / v;
  }
  s->gKstar2 = fb_alp_kstar_gsq();

  if (is_bc11) { /* tabulate I_a0(m)/Q^2 on a log grid in Q = m - threshold up to the model's mass limit,
                  * for X = eta and eta' (a -> eta' pi pi: the same a0 + sigma exchanges, ASW's eta' pi pi channel) */
    enum { NT = 240 };
    double q[NT], yc[NT], y0[NT];
    const double mX[2] = {FB_META_GEV, FB_METAPRIME_GEV};
    for (int X = 0; X < 2; X++) {
      const double thc = mX[X] + 2.0 * FB_MPI_CHARGED_GEV, th0 = mX[X] + 2.0 * FB_MPI0_GEV;
      for (int i = 0; i < NT; i++) {
        q[i] = 1e-5 * pow(10.0 / 1e-5, i / (NT - 1.0));
        yc[i] = fmax(fb_alp_a0_integral(s->gl3, thc + q[i], FB_MPI_CHARGED_GEV, mX[X]) / (q[i] * q[i]), 1e-300);
        y0[i] = fmax(0.5 * fb_alp_a0_integral(s->gl3, th0 + q[i], FB_MPI0_GEV, mX[X]) / (q[i] * q[i]), 1e-300);
      }
      int rc = fb_spline_init(&s->a0_c[X], FB_SPLINE_CUBIC, q, yc, NT, FB_SPLINE_LOG_X | FB_SPLINE_LOG_Y, FB_SPLINE_OUT_CLAMP, err);
      if (rc == FB_OK) {
        rc = fb_spline_init(&s->a0_0[X], FB_SPLINE_CUBIC, q, y0, NT, FB_SPLINE_LOG_X | FB_SPLINE_LOG_Y, FB_SPLINE_OUT_CLAMP, err);
        if (rc != FB_OK) fb_spline_free(&s->a0_c[X]);
      }
      if (rc != FB_OK) {
        alp_free(s);
        FB_TEST(err, 1, rc, "bc11: cannot tabulate the a -> %s pi pi integral", X ? "eta'" : "eta");
      }
      s->n_scalar = X + 1;
    }
    /* rho rho and rho omega: <p^3> over the rho line shape, log grid in Q = m - threshold */
    enum { NV = 96 }; /* smooth in ln Q: 96 nodes keep the spline error < 1e-3 (set-up ~0.1 s) */
    double qv[NV], yr[NV], yo[NV];
    const double thr = 4.0 * FB_MPI_CHARGED_GEV, tho = 2.0 * FB_MPI_CHARGED_GEV + FB_MOMEGA_GEV;
    for (int i = 0; i < NV; i++) {
      qv[i] = VV_Q_MIN_GEV * pow(10.0 / VV_Q_MIN_GEV, i / (NV - 1.0));
      yr[i] = fmax(fb_alp_vv_rho_p3(s->gl3, thr + qv[i], 0), 1e-300);
      yo[i] = fmax(fb_alp_vv_rho_p3(s->gl3, tho + qv[i], 1), 1e-300);
    }
    int rc = fb_spline_init(&s->vv_rr, FB_SPLINE_CUBIC, qv, yr, NV, FB_SPLINE_LOG_X | FB_SPLINE_LOG_Y, FB_SPLINE_OUT_CLAMP, err);
    if (rc == FB_OK) {
      rc = fb_spline_init(&s->vv_ro, FB_SPLINE_CUBIC, qv, yo, NV, FB_SPLINE_LOG_X | FB_SPLINE_LOG_Y, FB_SPLINE_OUT_CLAMP, err);
      if (rc != FB_OK) fb_spline_free(&s->vv_rr);
    }
    if (rc != FB_OK) {
      alp_free(s);
      FB_TEST(err, 1, rc, "bc11: cannot tabulate the a -> rho rho integral");
    }
    s->have_vv = 1;
    s->have_a0 = 1;
  }

  *state = s;
  return FB_OK;
}

static int bc10_init(void **state, const fb_config *cfg, fb_err *err) { return alp_init_common(state, cfg, 0, err); }
static int bc11_init(void **state, const fb_config *cfg, fb_err *err) { return alp_init_common(state, cfg, 1, err); }

static void alp_free(void *state) {
  alp_state *s = state;
  if (!s) return;
  for (int X = 0; X < s->n_scalar; X++) {
    fb_spline_free(&s->a0_c[X]);
    fb_spline_free(&s->a0_0[X]);
  }
  if (s->have_vv) {
    fb_spline_free(&s->vv_rr);
    fb_spline_free(&s->vv_ro);
  }
  gsl_integration_glfixed_table_free(s->gl3);
  gsl_integration_glfixed_table_free(s->glv);
  free(s);
}

/* ---------------------------------------------------------------- channels */
/* Append a channel of `nk` particle kinds (class, mean multiplicity, mass), the kinetic energy shared
 * equally between the daughters (mean-energy approximation of the file comment). */
static int put_multibody(fb_decay *d, const char *name, double width, int nk, const int *cls, const double *mult,
                         const double *mass, fb_err *err) {
  const double M = d->mass_GeV;
  double n[FB_N_DECAY_CLASSES] = {0}, ef[FB_N_DECAY_CLASSES] = {0}, ntot = 0.0, mrest = 0.0;
  for (int k = 0; k < nk; k++) ntot += mult[k], mrest += mult[k] * mass[k];
  const double T = fmax(M - mrest, 0.0);
  for (int k = 0; k < nk; k++) {
    n[cls[k]] += mult[k];
    ef[cls[k]] += mult[k] * (mass[k] + T / ntot) / M;
  }
  if (width > 0.0) { /* exact normalisation of the energy fractions */
    double sum = 0.0;
    for (int c = 0; c < FB_N_DECAY_CLASSES; c++) sum += ef[c];
    for (int c = 0; c < FB_N_DECAY_CLASSES; c++) ef[c] /= sum;
  }
  FB_CALL(err, fb_decay_set_channel(d, name, width, n, ef, err));
  return FB_OK;
}

static double width_ll(double m, double ml) {
  if (m <= 2.0 * ml) return 0.0;
  return m * ml * ml * sqrt(1.0 - 4.0 * ml * ml / (m * m)) / (8.0 * FB_PI);
}

static double width_gg(double m, double w, int pure_gluon) {
  if (w <= 0.0) return 0.0;
  const double as = fb_alpha_s(m, FB_ALPHA_S_LOOPS); /* fb_alpha_s.h: 3 loops, thresholds m_c, m_b */
  /* hep-ph/9504378: E = 97/4 - 7 n_f / 6 with n_f = 3 light flavours in the final states (charm is
   * massive over the range of the model, m_a <= 10 GeV; this keeps the width continuous) */
  if (pure_gluon) return as * as * m * m * m / (32.0 * pow(FB_PI, 3)) * (1.0 + (97.0 / 4.0 - 7.0 * 3.0 / 6.0) * as / FB_PI);
  static const double qm[5] = {FB_MU_QUARK_GEV, FB_MD_QUARK_GEV, FB_MS_QUARK_GEV, FB_MC_QUARK_GEV, FB_MB_QUARK_GEV};
  double complex b = 0.0;
  for (int q = 0; q < 5; q++) b += fb_alp_B1(4.0 * qm[q] * qm[q] / (m * m));
  const double ab = cabs(b);
  return as * as * m * m * m * ab * ab / (32.0 * pow(FB_PI, 3));
}

static double width_qq(double m, double mq, double m_meson) {
  if (m <= 2.0 * m_meson) return 0.0;
  return NC * mq * mq * m * sqrt(1.0 - 4.0 * m_meson * m_meson / (m * m)) / (8.0 * FB_PI);
}

/* The exclusive hadronic channels common to both models (K K pi: BC11 only). */
typedef struct hadronic_widths {
  double pipipi0, pi0pi0pi0, pipigamma, etapipi_c, etapipi_0, etappipi_c, etappipi_0, kkpi;
  double rhorho, rhoomega, omegaomega, kstarkstar; /* BC11 a -> V V (vv_widths) */
} hadronic_widths;

/* BC11 a -> V V (ASW arXiv:1811.03474: the ALP's U(3) admixture A = diag(A_u, A_d, A_s), A_q =
 * sum_P <aP> c^P_q, coupled to two vector mesons through the anomalous VVP vertex of vector-meson
 * dominance, L = G eps^{mu nu rho sigma} Tr[P d_mu V_nu d_rho V_sigma], times F(m_a) as every ASW
 * hadronic amplitude). With the nonet generators normalised as in this file (Tr[T_i T_j] = delta_ij),
 * A(a -> V1 V2) = G Tr[A {T_V1, T_V2}] eps k1 e1 k2 e2, so Gamma = G^2 |Tr[A {T_V1, T_V2}]|^2 p^3 / (4 pi)
 * (x 1/2 for identical vectors): rho0 rho0 and omega omega have A_u + A_d (1/2 each), rho+ rho- has
 * A_u + A_d, rho0 omega A_u - A_d, K*+ K*- A_u + A_s, K*0 K*0bar A_d + A_s. G is fixed from data: the
 * VMD replacement V -> V + (e/g) Q A of the same vertex gives the P V gamma coupling K = G e/g that
 * Gamma(omega -> pi0 gamma) fixes (K2_GeV2), and the rho-photon coupling e m_rho^2 Tr[T_rho Q]/g =
 * e m_rho^2/g_rho with Gamma(rho -> e+ e-) = 4 pi alpha^2 m_rho/(3 g_rho^2) (PDG), so
 * G^2 = K^2 g^2/e^2 = K^2 alpha m_rho / (6 Gamma(rho -> e+ e-)). rho rho and rho omega are averaged over
 * the rho line shape (p-wave running width; rho+- taken with the rho0 mass and width), so they open at
 * 4 m_pi and 2 m_pi + m_omega; omega and K* are narrow (sharp thresholds). Ideal omega-phi mixing;
 * a -> phi phi omitted (its threshold 2.04 GeV is above the hand-over to a -> g g). */
static void vv_widths(const alp_state *s, double m, double complex Au, double complex Ad, double complex As,
                      hadronic_widths *h) {
  const double G2 = s->K2_GeV2 * FB_ALPHA_EM * FB_MRHO_GEV / (6.0 * FB_ALP_GAMMA_RHO_EE_GEV);
  const double c = G2 / (4.0 * FB_PI);
  const double sud = pow(cabs(Au + Ad), 2), dud = pow(cabs(Au - Ad), 2);
  /* rho rho and rho omega over the rho line shape (tabulated at set-up in Q = m - threshold) */
  double jrr = 0.0, jro = 0.0;
  fb_err e; /* clamped splines of finite data: cannot fail for finite m */
  const double thr = 4.0 * FB_MPI_CHARGED_GEV, tho = 2.0 * FB_MPI_CHARGED_GEV + FB_MOMEGA_GEV;
  if (m - thr > VV_Q_MIN_GEV) fb_spline_eval(&s->vv_rr, m - thr, &jrr, &e);
  if (m - tho > VV_Q_MIN_GEV) fb_spline_eval(&s->vv_ro, m - tho, &jro, &e);
  h->rhorho = c * sud * jrr * 1.5; /* rho+ rho- (1) + rho0 rho0 (1/2) */
  h->rhoomega = c * dud * jro;
  h->omegaomega = c * sud * fb_alp_vv_p3(m, FB_MOMEGA_GEV, FB_MOMEGA_GEV) * 0.5;
  h->kstarkstar = c * (pow(cabs(Au + As), 2) * fb_alp_vv_p3(m, FB_MKSTAR_CHARGED_GEV, FB_MKSTAR_CHARGED_GEV) +
                       pow(cabs(Ad + As), 2) * fb_alp_vv_p3(m, FB_MKSTAR0_GEV, FB_MKSTAR0_GEV));
}

static void hadronic(const alp_state *s, double m, hadronic_widths *h) {
  const double norm = 1.0 / (256.0 * pow(FB_PI, 3) * m * m * m);
  memset(h, 0, sizeof *h);
  /* a -> 3 pi. BC11: ASW's amplitudes (asw_3pi_coeffs). BC10 (universal c_q, no rotation): kinetic eta/eta' admixture only (mass_P = 0, K_pi = 0), so
   * its a -> 3 pi is the isospin-breaking route alone, O(delta_I m_a^2/m_eta^2) at small m_a: zero at
   * the order of BNT arXiv:1708.00443, whose Delta c_ud = c_uu - c_dd vanishes for universal couplings. */
  if (s->is_bc11 && m > 3.0 * FB_MPI0_GEV) {
    const double complex th[N_MESONS] = {asw_theta(s, 0, m), asw_theta(s, 1, m), asw_theta(s, 2, m)};
    fb_alp_asw3pi a;
    asw_3pi_coeffs(s, m, 0.25 * sqrt(2.0) * FB_FPI_GEV, th, &a); /* g = F0/2 = f_pi/(2 sqrt2) */
    fb_alp_asw_3pi_widths(s->gl3, m, &a, &h->pipipi0, &h->pi0pi0pi0);
  } else if (m > 3.0 * FB_MPI0_GEV) {
    const double complex th_pi = asw_theta(s, 0, m);
    const double complex w = sqrt(6.0) * (asw_theta(s, 1, m) * s->cP[1][0] + asw_theta(s, 2, m) * s->cP[2][0]);
    double complex al, be;
    amp_3pi(m, th_pi, w, &al, &be);
    fb_alp_width_3pi(s->gl3, m, al, be, &h->pipipi0, &h->pi0pi0pi0);
    h->pipipi0 *= s->K3pi;
    h->pi0pi0pi0 *= s->K3pi;
  }
  /* a -> rho gamma -> pi+ pi- gamma (VMD), BC11 with the U(3) weights of asw_weights */
  double complex Aq[3];
  if (s->is_bc11) asw_weights(s, m, Aq);
  double complex g = 0.0;
  if (s->is_bc11) {
    g = sqrt(2.0) * (2.0 * Aq[0] + Aq[1]) / 3.0; /* sum_P w_P (<aP> + K_P), w_P = sqrt2 (2 c_u + c_d)/3 */
  } else {
    for (int P = 0; P < N_MESONS; P++) g += mixing_theta(s, P, m) * s->cPrho[P];
  }
  const double g2 = s->K2_GeV2 * pow(cabs(g), 2);
  h->pipigamma = g2 / (32.0 * FB_PI * m * m * m) * fb_alp_rho_gamma_integral(s->glv, m);
  /* BC11 a -> K Kbar pi (K* exchange), a -> V V and a -> eta pi pi, eta' pi pi (a0(980) + sigma exchange,
   * tabulated I_a0), ALP weights A_q = sum_P <aP> c^P_q (asw_weights) */
  if (s->have_a0) {
    const double complex Au = Aq[0], Ad = Aq[1], As = Aq[2];
    h->kkpi = 2.0 * (pow(cabs(Au - As), 2) + pow(cabs(Ad - As), 2)) * s->gKstar2 * fb_alp_kstar_J(s->glv, m);
    vv_widths(s, m, Au, Ad, As, h);
    /* X pi pi, X = eta (P = 1), eta' (P = 2): a0 + sigma exchange with the nonet coupling lambda; the
     * X-side vertex lambda (c^X_u + c^X_d), the ALP side lambda (A_u + A_d) */
    const double mX[2] = {FB_META_GEV, FB_METAPRIME_GEV};
    double *wc[2] = {&h->etapipi_c, &h->etappipi_c}, *w0[2] = {&h->etapipi_0, &h->etappipi_0};
    for (int X = 0; X < 2; X++) {
      const double ga2 = pow(s->lambda_S * cabs(Au + Ad), 2) * pow(s->lambda_S * (s->cP[X + 1][0] + s->cP[X + 1][1]), 2);
      const double thc = mX[X] + 2.0 * FB_MPI_CHARGED_GEV, th0 = mX[X] + 2.0 * FB_MPI0_GEV;
      double yc = 0.0, y0 = 0.0;
      fb_err e; /* clamped splines of finite data: cannot fail for finite m */
      if (m > thc) fb_spline_eval(&s->a0_c[X], m - thc, &yc, &e);
      if (m > th0) fb_spline_eval(&s->a0_0[X], m - th0, &y0, &e);
      *wc[X] = m > thc ? ga2 * yc * (m - thc) * (m - thc) : 0.0;
      *w0[X] = m > th0 ? ga2 * y0 * (m - th0) * (m - th0) : 0.0;
    }
    return;
  }
  /* BC10 a -> eta pi pi through theta_eta' */
  const double t2etap = pow(cabs(mixing_theta(s, 2, m)), 2);
  h->etapipi_c = t2etap * s->A2_etapipi * norm * fb_alp_dalitz_integral(s->gl3, m, FB_MPI_CHARGED_GEV, FB_META_GEV, NULL, NULL);
  h->etapipi_0 = 0.5 * t2etap * s->A2_etapipi * norm * fb_alp_dalitz_integral(s->gl3, m, FB_MPI0_GEV, FB_META_GEV, NULL, NULL);
}

/* BC11: the data-driven ALP-hadron form factor F(m_a) of ASW (arXiv:1811.03474, eq. 17 and Fig. 2), which
 * multiplies every exclusive hadronic amplitude: F = 1 up to FB_ALP_ASW_F_SCALE_GEV and the asymptotic
 * power law (1.4 GeV/m_a)^4 above it. ASW's own F between 1.45 and 2 GeV is a fit to e+e- -> hadrons data
 * that is only available as a figure; the power law is used there instead (stated approximation: it
 * starts at 1.4 GeV, so it is below ASW's curve just above 1.4 GeV). */
static double asw_form_factor(double m) {
  return m <= FB_ALP_ASW_F_SCALE_GEV ? 1.0 : pow(FB_ALP_ASW_F_SCALE_GEV / m, 4);
}

/* The exclusive widths at coupling^2 = g2 (all zero above the matching window). */
static void hadronic_scaled(const alp_state *s, double m, double w, double g2, hadronic_widths *h) {
  if (w >= 1.0) {
    memset(h, 0, sizeof *h);
    return;
  }
  hadronic(s, m, h);
  if (s->is_bc11) g2 *= pow(asw_form_factor(m), 2);
  h->pipipi0 *= g2;
  h->pi0pi0pi0 *= g2;
  h->pipigamma *= g2;
  h->etapipi_c *= g2;
  h->etapipi_0 *= g2;
  h->etappipi_c *= g2;
  h->etappipi_0 *= g2;
  h->kkpi *= g2;
  h->rhorho *= g2;
  h->rhoomega *= g2;
  h->omegaomega *= g2;
  h->kstarkstar *= g2;
}

static int put_hadronic(fb_decay *d, const hadronic_widths *h, double x, fb_err *err) {
  const double mc = FB_MPI_CHARGED_GEV, m0 = FB_MPI0_GEV;
  {
    const int c3[1] = {FB_DC_PI0};
    const double n3[1] = {3.0}, m3[1] = {m0};
    FB_CALL(err, put_multibody(d, "3pi0", x * h->pi0pi0pi0, 1, c3, n3, m3, err));
    const int c[2] = {FB_DC_PI_CHARGED, FB_DC_PI0};
    const double n[2] = {2.0, 1.0}, mm[2] = {mc, m0};
    FB_CALL(err, put_multibody(d, "pipipi0", x * h->pipipi0, 2, c, n, mm, err));
  }
  {
    const int c[2] = {FB_DC_PI_CHARGED, FB_DC_PHOTON};
    const double n[2] = {2.0, 1.0}, mm[2] = {mc, 0.0};
    FB_CALL(err, put_multibody(d, "pipigamma", x * h->pipigamma, 2, c, n, mm, err));
  }
  {
    const double wc = h->etapipi_c, w0 = h->etapipi_0, wt = wc + w0;
    const double fc = wt > 0.0 ? wc / wt : 2.0 / 3.0;
    const int c[3] = {FB_DC_OTHER_HADRONS, FB_DC_PI_CHARGED, FB_DC_PI0};
    const double n[3] = {1.0, 2.0 * fc, 2.0 * (1.0 - fc)}, mm[3] = {FB_META_GEV, mc, m0};
    FB_CALL(err, put_multibody(d, "etapipi", x * wt, 3, c, n, mm, err));
  }
  return FB_OK;
}

static int bc10_decay(void *state, double m, double g, fb_decay *out, fb_err *err) {
  const alp_state *s = state;
  FB_TEST(err, !s, FB_ERR_INTERNAL, "bc10: decay called before init");
  const double g2 = g * g;
  const double w = match_weight(m, s->match_low_GeV, s->match_high_GeV);
  fb_decay_clear(out, m, g);
  FB_CALL(err, fb_decay_two_body(out, "ee", g2 * width_ll(m, FB_ME_GEV), FB_DC_ELECTRON, FB_ME_GEV, FB_DC_ELECTRON,
                                 FB_ME_GEV, err));
  FB_CALL(err, fb_decay_two_body(out, "mumu", g2 * width_ll(m, FB_MMU_GEV), FB_DC_MUON, FB_MMU_GEV, FB_DC_MUON,
                                 FB_MMU_GEV, err));
  FB_CALL(err, fb_decay_two_body(out, "tautau", g2 * width_ll(m, FB_MTAU_GEV), FB_DC_TAU, FB_MTAU_GEV, FB_DC_TAU,
                                 FB_MTAU_GEV, err));
  const double c = cabs(cgamma(s, m));
  const double wgg = g2 * FB_ALPHA_EM * FB_ALPHA_EM * c * c * m * m * m / (256.0 * pow(FB_PI, 3));
  FB_CALL(err, fb_decay_two_body(out, "gammagamma", wgg, FB_DC_PHOTON, 0.0, FB_DC_PHOTON, 0.0, err));
  hadronic_widths h;
  hadronic_scaled(s, m, w, g2, &h);
  FB_CALL(err, put_hadronic(out, &h, 1.0 - w, err));
  FB_CALL(err, fb_hadronize_channel(out, "ss", g2 * w * width_qq(m, FB_MS_QUARK_GEV, FB_MK_CHARGED_GEV), FB_HAD_S, m,
                                    err));
  FB_CALL(err, fb_hadronize_channel(out, "cc", g2 * w * width_qq(m, FB_MC_QUARK_GEV, FB_MD0_GEV), FB_HAD_C, m, err));
  FB_CALL(err, fb_hadronize_channel(out, "bb", g2 * w * width_qq(m, FB_MB_QUARK_GEV, FB_MB0_GEV), FB_HAD_B, m, err));
  FB_CALL(err, fb_hadronize_channel(out, "gg", g2 * width_gg(m, w, 0) * w, FB_HAD_GLUON, m, err));
  FB_CALL(err, fb_decay_finalize(out, err));
  return FB_OK;
}

static int bc11_decay(void *state, double m, double g, fb_decay *out, fb_err *err) {
  const alp_state *s = state;
  FB_TEST(err, !s, FB_ERR_INTERNAL, "bc11: decay called before init");
  const double g2 = g * g;
  const double w = match_weight(m, s->match_low_GeV, s->match_high_GeV);
  fb_decay_clear(out, m, g);
  const double c = cabs(cgamma(s, m));
  const double wgg = g2 * FB_ALPHA_EM * FB_ALPHA_EM * c * c * m * m * m / (256.0 * pow(FB_PI, 3));
  FB_CALL(err, fb_decay_two_body(out, "gammagamma", wgg, FB_DC_PHOTON, 0.0, FB_DC_PHOTON, 0.0, err));
  hadronic_widths h;
  hadronic_scaled(s, m, w, g2, &h);
  FB_CALL(err, put_hadronic(out, &h, 1.0 - w, err));
  {
    const int c[3] = {FB_DC_KAON, FB_DC_PI_CHARGED, FB_DC_PI0};
    const double n[3] = {2.0, 2.0 / 3.0, 1.0 / 3.0}, mm[3] = {FB_MK_CHARGED_GEV, FB_MPI_CHARGED_GEV, FB_MPI0_GEV};
    FB_CALL(err, put_multibody(out, "kkpi", (1.0 - w) * h.kkpi, 3, c, n, mm, err));
  }
  { /* a -> eta' pi pi (eta': other hadrons) */
    const double wc = h.etappipi_c, w0 = h.etappipi_0, wt = wc + w0;
    const double fc = wt > 0.0 ? wc / wt : 2.0 / 3.0;
    const int c[3] = {FB_DC_OTHER_HADRONS, FB_DC_PI_CHARGED, FB_DC_PI0};
    const double n[3] = {1.0, 2.0 * fc, 2.0 * (1.0 - fc)}, mm[3] = {FB_METAPRIME_GEV, FB_MPI_CHARGED_GEV, FB_MPI0_GEV};
    FB_CALL(err, put_multibody(out, "etaprimepipi", (1.0 - w) * wt, 3, c, n, mm, err));
  }
  { /* a -> V V: rho rho -> 4 pi (rho+ rho- : rho0 rho0 = 2 : 1 gives 8/3 pi+- and 4/3 pi0), rho omega and
     * omega omega (omega: other hadrons), K* K* -> K K pi pi (K* -> K pi+- 2/3, K pi0 1/3) */
    const int c4[2] = {FB_DC_PI_CHARGED, FB_DC_PI0};
    const double n4[2] = {8.0 / 3.0, 4.0 / 3.0}, m4[2] = {FB_MPI_CHARGED_GEV, FB_MPI0_GEV};
    FB_CALL(err, put_multibody(out, "rhorho", (1.0 - w) * h.rhorho, 2, c4, n4, m4, err));
    const int cro[2] = {FB_DC_PI_CHARGED, FB_DC_OTHER_HADRONS};
    const double nro[2] = {2.0, 1.0}, mro[2] = {FB_MPI_CHARGED_GEV, FB_MOMEGA_GEV};
    FB_CALL(err, put_multibody(out, "rhoomega", (1.0 - w) * h.rhoomega, 2, cro, nro, mro, err));
    const int co[1] = {FB_DC_OTHER_HADRONS};
    const double no[1] = {2.0}, mo[1] = {FB_MOMEGA_GEV};
    FB_CALL(err, put_multibody(out, "omegaomega", (1.0 - w) * h.omegaomega, 1, co, no, mo, err));
    const int ck[3] = {FB_DC_KAON, FB_DC_PI_CHARGED, FB_DC_PI0};
    const double nk[3] = {2.0, 4.0 / 3.0, 2.0 / 3.0}, mk[3] = {FB_MK_CHARGED_GEV, FB_MPI_CHARGED_GEV, FB_MPI0_GEV};
    FB_CALL(err, put_multibody(out, "kstarkstar", (1.0 - w) * h.kstarkstar, 3, ck, nk, mk, err));
  }
  FB_CALL(err, fb_hadronize_channel(out, "gg", g2 * width_gg(m, w, 1) * w, FB_HAD_GLUON, m, err));
  FB_CALL(err, fb_decay_finalize(out, err));
  return FB_OK;
}

/* ---------------------------------------------------------------- production couplings */
static int bc10_production(void *state, double m, double g, fb_fip_values *out, fb_err *err) {
  const alp_state *s = state;
  out->n = 0;
  const double cn = FB_ALP_DELTA_U + FB_ALP_DELTA_D + FB_ALP_DELTA_S; /* C_p = C_n = sum_q Delta q, c_q = 1 */
  FB_CALL(err, fb_fip_values_put(out, "g_agamma", "GeV^-1",
                                 "induced ALP-photon coupling alpha |C(m_a)| / (2 pi f_l) (arXiv:1708.00443)",
                                 FB_ALPHA_EM * cabs(cgamma(s, m)) * g / (2.0 * FB_PI), err));
  FB_CALL(err, fb_fip_values_put(out, "g_ae", "", "ALP-electron Yukawa m_e / f_l", FB_ME_GEV * g, err));
  FB_CALL(err, fb_fip_values_put(out, "g_ap", "",
                                 "ALP-proton coupling C_p m_p / f_l, C_p = Du + Dd + Ds (arXiv:1511.02867)",
                                 cn * FB_MP_GEV * g, err));
  FB_CALL(err, fb_fip_values_put(out, "g_an", "", "ALP-neutron coupling C_n m_n / f_l (isospin: C_n = C_p)",
                                 cn * FB_MN_GEV * g, err));
  FB_CALL(err, fb_fip_values_put(out, "g_Y", "", "Yukawa-like coupling 2 v / f_l of the PBC BC10 plots",
                                 2.0 * FB_HIGGS_VEV_GEV * g, err));
  return FB_OK;
}

static int bc11_production(void *state, double m, double g, fb_fip_values *out, fb_err *err) {
  const alp_state *s = state;
  out->n = 0;
  FB_CALL(err, fb_fip_values_put(out, "g_agamma", "GeV^-1",
                                 "induced ALP-photon coupling alpha |C(m_a)| / (2 pi f_G) (pi0/eta/eta' mixing)",
                                 FB_ALPHA_EM * cabs(cgamma(s, m)) * g / (2.0 * FB_PI), err));
  FB_CALL(err, fb_fip_values_put(out, "g_ap", "", "ALP-proton coupling C_p m_p / f_G, C_p = -0.47 (arXiv:1511.02867)",
                                 FB_ALP_CP_GLUON * FB_MP_GEV * g, err));
  FB_CALL(err, fb_fip_values_put(out, "g_an", "", "ALP-neutron coupling C_n m_n / f_G, C_n = -0.02 (arXiv:1511.02867)",
                                 FB_ALP_CN_GLUON * FB_MN_GEV * g, err));
  FB_CALL(err, fb_fip_values_put(out, "g_agg_foresee", "GeV^-1", "FORESEE ALP-g coupling g_agg = 1/(4 pi^2 f_G)",
                                 g / (4.0 * FB_PI * FB_PI), err));
  return FB_OK;
}

/* ---------------------------------------------------------------- helpers for the tests */
double complex fb_alp_bc10_cgamma(double mass_GeV) {
  alp_state s = {0};
  alp_setup_flavour(&s, 0);
  s.match_low_GeV = atof(fb_alp_bc10_keys[0].default_value);
  s.match_high_GeV = atof(fb_alp_bc10_keys[1].default_value);
  return cgamma(&s, mass_GeV);
}

double complex fb_alp_bc11_cgamma(double mass_GeV) {
  alp_state s = {0};
  alp_setup_flavour(&s, 1);
  s.match_low_GeV = atof(fb_alp_bc11_keys[0].default_value);
  s.match_high_GeV = atof(fb_alp_bc11_keys[1].default_value);
  return cgamma(&s, mass_GeV);
}

double fb_alp_a0model_etaprime_etapipi_GeV(void) {
  alp_state s = {0};
  alp_setup_flavour(&s, 1);
  gsl_integration_glfixed_table *t = gsl_integration_glfixed_table_alloc(N_QUAD_3BODY);
  if (!t) return NAN;
  const double ma0 = FB_ALP_MA0_GEV, me = FB_META_GEV, mp = FB_MPI0_GEV;
  const double pst = sqrt(fb_alp_kallen(ma0 * ma0, me * me, mp * mp)) / (2.0 * ma0);
  const double v = 0.5 * (ma0 * ma0 - me * me - mp * mp) * (s.cP[1][0] + s.cP[1][1]);
  const double lam = sqrt(FB_ALP_GAMMA_A0_GEV * 8.0 * FB_PI * ma0 * ma0 / pst) / v;
  const double g2 = pow(lam * (s.cP[2][0] + s.cP[2][1]), 2) * pow(lam * (s.cP[1][0] + s.cP[1][1]), 2);
  const double w = g2 * fb_alp_a0_integral(t, FB_METAPRIME_GEV, FB_MPI_CHARGED_GEV, FB_META_GEV);
  gsl_integration_glfixed_table_free(t);
  return w;
}

double fb_alp_lo_eta_3pi_GeV(void) {
  alp_state s = {0};
  alp_setup_flavour(&s, 1);
  s.gl3 = gsl_integration_glfixed_table_alloc(N_QUAD_3BODY);
  if (!s.gl3) return NAN;
  const double complex th[N_MESONS] = {s.sm_mix[1] / (FB_META_GEV * FB_META_GEV - FB_MPI0_GEV * FB_MPI0_GEV), 1.0, 0.0};
  fb_alp_asw3pi a;
  double wc, w0;
  s.K3pi = 1.0;
  asw_3pi_coeffs(&s, FB_META_GEV, 0.0, th, &a);
  fb_alp_asw_3pi_widths(s.gl3, FB_META_GEV, &a, &wc, &w0);
  gsl_integration_glfixed_table_free(s.gl3);
  return w0;
}

const fb_fip_ops fb_fip_bc10 = {
    .name = "bc10",
    .benchmark = "BC10",
    .particle = "axion-like particle with universal couplings to fermions (f_l = f_q)",
    FB_FIP_AXES(BC10),
    .mass_min_GeV = 1e-6, /* exclusive: the PBC plane starts at 1 MeV; below 2 m_e only a -> gamma gamma */
    .mass_max_GeV = 10.0,
    .coupling_max = 1.0,
    .coupling_power = 2.0,
    .references = "arXiv:2102.12143 (BC10); arXiv:1708.00443; arXiv:1811.03474; hep-ph/9504378; arXiv:1511.02867",
    .n_keys = FB_ALP_N_KEYS,
    .keys = fb_alp_bc10_keys,
    .init = bc10_init,
    .free = alp_free,
    .decay = bc10_decay,
    .production = bc10_production,
};

const fb_fip_ops fb_fip_bc11 = {
    .name = "bc11",
    .benchmark = "BC11",
    .particle = "axion-like particle coupled to gluons",
    FB_FIP_AXES(BC11),
    .mass_min_GeV = 1e-6, /* exclusive: the PBC plane starts at 1 MeV; below 2 m_e only a -> gamma gamma */
    .mass_max_GeV = 10.0,
    .coupling_max = 1e2,
    .coupling_power = 2.0,
    .references = "arXiv:2102.12143 (BC11); arXiv:1811.03474; arXiv:1708.00443; hep-ph/9504378; arXiv:1511.02867",
    .n_keys = FB_ALP_N_KEYS,
    .keys = fb_alp_bc11_keys,
    .init = bc11_init,
    .free = alp_free,
    .decay = bc11_decay,
    .production = bc11_production,
};
