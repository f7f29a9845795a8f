/**
 * @file fb_fip_alp.c
 * @brief BC10 (ALP with universal fermion couplings, axis inv_fl = 1/f_l) and BC11 (ALP coupled to
 *        gluons, axis inv_fG = 1/f_G): decays and production couplings. Conventions in fb_fip_alp.h;
 *        the exclusive hadronic channels and their amplitudes in fb_fip_alp_hadronic.c.
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
 *  - Exclusive hadronic channels below the matching window (a -> 3 pi, pi+ pi- gamma, eta pi pi,
 *    eta' pi pi, K K pi, V V; ASW's construction for BC11): fb_fip_alp_hadronic.c.
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

#include <math.h>
#include <stdlib.h>

#include "fb_alpha_s.h"
#include "fb_constants.h"
#include "fb_fip.h"
#include "fb_fip_alp_internal.h"
#include "fb_hadronize.h"

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

static double dot3(const double *a, const double *b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

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

void fb_alp_setup_flavour(alp_state *s, int is_bc11) {
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

/* Mixing propagator factor R_P: kinetic m_a^2/(m_a^2 - m_P^2) for BC10, with the kappa contact term
 * m_P^2/(m_a^2 - m_P^2) for BC11 (file comment); the meson width regulates m_a = m_P. */
double complex fb_alp_mixing_factor(const alp_state *s, int P, double m) {
  const double mp = meson_mass[P];
  const double complex den = m * m - mp * mp + I * mp * meson_width[P];
  return (s->is_bc11 ? mp * mp : m * m) / den;
}

static double complex cgamma_mesons(const alp_state *s, double m) {
  double complex c = 0.0;
  for (int P = 0; P < N_MESONS; P++) c += 2.0 * NC * s->cPu[P] * s->cPQ2[P] * fb_alp_mixing_factor(s, P, m);
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
  fb_alp_setup_flavour(s, is_bc11);
  const fb_key_spec *keys = is_bc11 ? fb_alp_bc11_keys : fb_alp_bc10_keys;
  s->match_low_GeV = cfg ? fb_config_get_double(cfg, sec, "match_low_GeV") : atof(keys[0].default_value);
  s->match_high_GeV = cfg ? fb_config_get_double(cfg, sec, "match_high_GeV") : atof(keys[1].default_value);
  if (!(s->match_high_GeV > s->match_low_GeV)) {
    const double lo = s->match_low_GeV, hi = s->match_high_GeV;
    free(s);
    FB_TEST(err, 1, FB_ERR_INPUT, "[%s] match_low_GeV = %g must be below match_high_GeV = %g", sec, lo, hi);
  }
  const int rc = fb_alp_hadronic_init(s, err);
  if (rc != FB_OK) {
    alp_free(s);
    return rc;
  }
  *state = s;
  return FB_OK;
}

static int bc10_init(void **state, const fb_config *cfg, fb_err *err) { return alp_init_common(state, cfg, 0, err); }
static int bc11_init(void **state, const fb_config *cfg, fb_err *err) { return alp_init_common(state, cfg, 1, err); }

static void alp_free(void *state) {
  alp_state *s = state;
  if (!s) return;
  fb_alp_hadronic_free(s);
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
  fb_alp_hadronic_scaled(s, m, w, g2, &h);
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
  fb_alp_hadronic_scaled(s, m, w, g2, &h);
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
  fb_alp_setup_flavour(&s, 0);
  s.match_low_GeV = atof(fb_alp_bc10_keys[0].default_value);
  s.match_high_GeV = atof(fb_alp_bc10_keys[1].default_value);
  return cgamma(&s, mass_GeV);
}

double complex fb_alp_bc11_cgamma(double mass_GeV) {
  alp_state s = {0};
  fb_alp_setup_flavour(&s, 1);
  s.match_low_GeV = atof(fb_alp_bc11_keys[0].default_value);
  s.match_high_GeV = atof(fb_alp_bc11_keys[1].default_value);
  return cgamma(&s, mass_GeV);
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
