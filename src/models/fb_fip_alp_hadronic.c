/**
 * @file fb_fip_alp_hadronic.c
 * @brief The exclusive hadronic channels of the BC10/BC11 ALPs below the matching window (fb_fip_alp.c):
 *        the ALP-meson mixing, ASW's chiral a -> 3 pi amplitudes, VMD a -> pi+ pi- gamma and a -> V V,
 *        scalar exchange a -> eta pi pi / eta' pi pi, K* exchange a -> K K pi, the form factor, and the
 *        constants fixed from data at set-up. Split out of fb_fip_alp.c (one idea per file); conventions
 *        in fb_fip_alp.h, the phase-space integrals in fb_alp_kinematics.c.
 *
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
 */
#include "fb_fip_alp.h"

#include <math.h>
#include <string.h>

#include "fb_alp_kinematics_internal.h"
#include "fb_constants.h"
#include "fb_fip_alp_internal.h"

#define VV_Q_MIN_GEV 1e-3 /* rho rho / rho omega tables start 1 MeV above the 4 pi / 2 pi omega threshold */

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

/* theta_P per unit coupling [GeV]: the ALP's admixture of meson P is theta_P / f. */
static double complex mixing_theta(const alp_state *s, int P, double m) {
  const double F = FB_FPI_GEV / sqrt(2.0);
  return F / sqrt(2.0) * s->cPu[P] * fb_alp_mixing_factor(s, P, m);
}

/* ---------------------------------------------------------------- set-up */
int fb_alp_hadronic_init(alp_state *s, fb_err *err) {
  const char *sec = s->is_bc11 ? "bc11" : "bc10";
  const int is_bc11 = s->is_bc11;
  s->gl3 = gsl_integration_glfixed_table_alloc(N_QUAD_3BODY);
  s->glv = gsl_integration_glfixed_table_alloc(N_QUAD_VMD);
  FB_TEST(err, !s->gl3 || !s->glv, FB_ERR_MEMORY, "cannot allocate the %s quadrature tables", sec);
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
      FB_TEST(err, rc != FB_OK, rc, "bc11: cannot tabulate the a -> %s pi pi integral", X ? "eta'" : "eta");
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
    FB_TEST(err, rc != FB_OK, rc, "bc11: cannot tabulate the a -> rho rho integral");
    s->have_vv = 1;
    s->have_a0 = 1;
  }
  return FB_OK;
}

void fb_alp_hadronic_free(alp_state *s) {
  if (!s) return;
  for (int X = 0; X < s->n_scalar; X++) {
    fb_spline_free(&s->a0_c[X]);
    fb_spline_free(&s->a0_0[X]);
  }
  if (s->have_vv) {
    fb_spline_free(&s->vv_rr);
    fb_spline_free(&s->vv_ro);
  }
  if (s->gl3) gsl_integration_glfixed_table_free(s->gl3);
  if (s->glv) gsl_integration_glfixed_table_free(s->glv);
}

/* ---------------------------------------------------------------- channels */

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
void fb_alp_hadronic_scaled(const alp_state *s, double m, double w, double g2, hadronic_widths *h) {
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

double fb_alp_a0model_etaprime_etapipi_GeV(void) {
  alp_state s = {0};
  fb_alp_setup_flavour(&s, 1);
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
  fb_alp_setup_flavour(&s, 1);
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
