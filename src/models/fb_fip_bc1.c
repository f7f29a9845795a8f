/**
 * @file fb_fip_bc1.c
 * @brief BC1 dark photon through the particle-model interface (fb_fip.h): the widths of
 *        fb_darkphoton.c (e, mu, tau, hadrons through the R ratio) as an fb_decay record.
 *
 * Channel classes: leptons as two-body channels. A' -> hadrons is split into exclusive final states
 * by the Darkcast method (Ilten, Soreq, Williams, Xue arXiv:1801.04847):
 *   Gamma(A' -> F) = Gamma(A' -> hadrons) R_F(m)/R(m),   Gamma(A' -> hadrons) = (alpha eps^2 m/3) R(m),
 * with R_F the exclusive pieces of our R-ratio parametrisation (fb_rratio_eval_channels: pi+pi- from
 * the Gounaris-Sakurai F_pi with rho-omega mixing of BaBar arXiv:1205.2228; pi+pi-pi0 and pi0 gamma
 * from the omega, K+K-, K_S K_L, pi+pi-pi0 and eta gamma from the phi (PDG 2024); 2pi+2pi- and
 * pi+pi-2pi0 from the exclusive data that anchor the 1-2 GeV multi-hadron region). The total hadronic
 * width is unchanged; what is not resolved (KK pi, eta pi pi, 5pi, 6pi, the pQCD continuum above
 * ~2 GeV, quarkonia) stays one channel "hadrons", whose products are the mean pions, kaons and
 * nucleons of a light q qbar system of mass m (fb_hadronize.h).
 * Products: pions and kaons as such (rho -> pi pi is inside F_pi; K0 Kbar0 from a C-odd vector is
 * K_S K_L); the eta of eta gamma is decomposed into its decays (PDG 2024: gamma gamma 39.36 %,
 * 3pi0 32.56 %, pi+pi-pi0 22.92 %, pi+pi-gamma 4.22 %, the rest (0.94 %, mostly e+e-gamma) counted
 * as photons). Energy sharing in the many-body final states (3pi, 4pi, eta decays): each particle
 * gets its rest mass plus an equal share of the kinetic energy; exact on average for the omega/phi
 * -> 3pi amplitude, which is symmetric in the three pion momenta (epsilon_{mu nu rho sigma} structure,
 * Gell-Mann, Sharp, Wagner PRL 8 (1962) 261) up to the pi+- / pi0 mass difference; an approximation
 * (stated) for 4pi.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_darkphoton.h"
#include "fb_fip.h"
#include "fb_hadronize.h"

static int bc1_init(void **state, const fb_config *cfg, fb_err *err) {
  (void)cfg;
  fb_rratio *R = calloc(1, sizeof *R);
  FB_TEST(err, !R, FB_ERR_MEMORY, "cannot allocate the R ratio");
  int rc = fb_rratio_init(R, err);
  if (rc != FB_OK) {
    free(R);
    return fb_err_push(err, rc, __func__, __LINE__, "fb_rratio_init");
  }
  *state = R;
  return FB_OK;
}

static void bc1_free(void *state) {
  if (!state) return;
  fb_rratio_free(state);
  free(state);
}

/* PDG 2024 eta branching fractions (S. Navas et al., PRD 110 (2024) 030001) */
#define BC1_ETA_B_GG 0.3936
#define BC1_ETA_B_3PI0 0.3256
#define BC1_ETA_B_PIPIPI0 0.2292
#define BC1_ETA_B_PIPIG 0.0422

/* Add one particle of class c and mass mi (GeV) with energy E (GeV) and weight w to (n, ef) per m. */
static void bc1_add(double *n, double *ef, int c, double w, double E_GeV, double m_GeV) {
  n[c] += w;
  ef[c] += w * E_GeV / m_GeV;
}

/* N particles sharing energy E_GeV: rest mass each plus an equal share of the kinetic energy */
static void bc1_add_many(double *n, double *ef, int N, const int *cls, const double *mi, double w, double E_GeV,
                         double m_GeV) {
  double msum = 0.0;
  for (int i = 0; i < N; ++i) msum += mi[i];
  const double kin = (E_GeV - msum) / N;
  for (int i = 0; i < N; ++i) bc1_add(n, ef, cls[i], w, mi[i] + (kin > 0.0 ? kin : 0.0), m_GeV);
}

/* the products of an eta of energy E (decomposed into its decays, weights = BRs) */
static void bc1_add_eta(double *n, double *ef, double E_GeV, double m_GeV) {
  const double mpi = FB_MPI_CHARGED_GEV, mpi0 = FB_MPI0_GEV;
  const int gg[2] = {FB_DC_PHOTON, FB_DC_PHOTON};
  const double mgg[2] = {0.0, 0.0};
  const int c3n[3] = {FB_DC_PI0, FB_DC_PI0, FB_DC_PI0};
  const double m3n[3] = {mpi0, mpi0, mpi0};
  const int c3c[3] = {FB_DC_PI_CHARGED, FB_DC_PI_CHARGED, FB_DC_PI0};
  const double m3c[3] = {mpi, mpi, mpi0};
  const int cppg[3] = {FB_DC_PI_CHARGED, FB_DC_PI_CHARGED, FB_DC_PHOTON};
  const double mppg[3] = {mpi, mpi, 0.0};
  const double b_rest = 1.0 - BC1_ETA_B_GG - BC1_ETA_B_3PI0 - BC1_ETA_B_PIPIPI0 - BC1_ETA_B_PIPIG;
  bc1_add_many(n, ef, 2, gg, mgg, BC1_ETA_B_GG, E_GeV, m_GeV);
  bc1_add_many(n, ef, 3, c3n, m3n, BC1_ETA_B_3PI0, E_GeV, m_GeV);
  bc1_add_many(n, ef, 3, c3c, m3c, BC1_ETA_B_PIPIPI0, E_GeV, m_GeV);
  bc1_add_many(n, ef, 3, cppg, mppg, BC1_ETA_B_PIPIG, E_GeV, m_GeV);
  bc1_add(n, ef, FB_DC_PHOTON, b_rest, E_GeV, m_GeV);
}

/* the exclusive hadronic channels (widths w_GeV[FB_RR_NCH]) as decay-record channels */
static int bc1_hadron_channels(fb_decay *out, double m, const double *w_GeV, fb_err *err) {
  const double mpi = FB_MPI_CHARGED_GEV, mpi0 = FB_MPI0_GEV;
  FB_CALL(err, fb_decay_two_body(out, "pipi", w_GeV[FB_RR_PIPI], FB_DC_PI_CHARGED, mpi, FB_DC_PI_CHARGED, mpi, err));
  double n[FB_N_DECAY_CLASSES], ef[FB_N_DECAY_CLASSES];
  {
    memset(n, 0, sizeof n), memset(ef, 0, sizeof ef);
    const int c[3] = {FB_DC_PI_CHARGED, FB_DC_PI_CHARGED, FB_DC_PI0};
    const double mi[3] = {mpi, mpi, mpi0};
    bc1_add_many(n, ef, 3, c, mi, 1.0, m, m);
    FB_CALL(err, fb_decay_set_channel(out, "pipipi0", m > 2.0 * mpi + mpi0 ? w_GeV[FB_RR_3PI] : 0.0, n, ef, err));
  }
  FB_CALL(err, fb_decay_two_body(out, "pi0gamma", w_GeV[FB_RR_PI0GAMMA], FB_DC_PI0, mpi0, FB_DC_PHOTON, 0.0, err));
  {
    memset(n, 0, sizeof n), memset(ef, 0, sizeof ef);
    const double meta = FB_META_GEV;
    const double above = m > meta;
    const double E_eta = above ? (m * m + meta * meta) / (2.0 * m) : meta;
    bc1_add(n, ef, FB_DC_PHOTON, 1.0, m - E_eta, m);
    bc1_add_eta(n, ef, E_eta, m);
    if (above) FB_CALL(err, fb_decay_set_channel(out, "etagamma", w_GeV[FB_RR_ETAGAMMA], n, ef, err));
    else FB_CALL(err, fb_decay_set_channel(out, "etagamma", 0.0, NULL, NULL, err));
  }
  FB_CALL(err, fb_decay_two_body(out, "KK", w_GeV[FB_RR_KK], FB_DC_KAON, FB_MK_CHARGED_GEV, FB_DC_KAON,
                                 FB_MK_CHARGED_GEV, err));
  FB_CALL(err, fb_decay_two_body(out, "KSKL", w_GeV[FB_RR_K0K0], FB_DC_KAON, FB_MK0_GEV, FB_DC_KAON, FB_MK0_GEV, err));
  {
    memset(n, 0, sizeof n), memset(ef, 0, sizeof ef);
    const int c[4] = {FB_DC_PI_CHARGED, FB_DC_PI_CHARGED, FB_DC_PI_CHARGED, FB_DC_PI_CHARGED};
    const double mi[4] = {mpi, mpi, mpi, mpi};
    bc1_add_many(n, ef, 4, c, mi, 1.0, m, m);
    FB_CALL(err, fb_decay_set_channel(out, "2pi+2pi-", m > 4.0 * mpi ? w_GeV[FB_RR_4PI_CHARGED] : 0.0, n, ef, err));
  }
  {
    memset(n, 0, sizeof n), memset(ef, 0, sizeof ef);
    const int c[4] = {FB_DC_PI_CHARGED, FB_DC_PI_CHARGED, FB_DC_PI0, FB_DC_PI0};
    const double mi[4] = {mpi, mpi, mpi0, mpi0};
    bc1_add_many(n, ef, 4, c, mi, 1.0, m, m);
    FB_CALL(err, fb_decay_set_channel(out, "pi+pi-2pi0", m > 2.0 * (mpi + mpi0) ? w_GeV[FB_RR_2PI_2PI0] : 0.0, n,
                                      ef, err));
  }
  /* the unresolved rest (KK pi, eta pi pi, 5pi, 6pi, the pQCD continuum): mean hadron content of a
   * light q qbar pair at W = m (fb_hadronize.h). Its composition is the measured per-event yield of
   * e+e- -> hadrons at sqrt(s) ~ 10 GeV (PDG 2024), i.e. already the flavour mix of the continuum
   * (u, d, s and ~40 % c cbar of R above open charm): the A' couples to the same current, so no
   * separate s/c/b leading kaons are added (that would count strangeness twice) */
  FB_CALL(err, fb_hadronize_channel(out, "hadrons", w_GeV[FB_RR_OTHER], FB_HAD_UD, m, err));
  return FB_OK;
}

static int bc1_decay(void *state, double mass_GeV, double epsilon, fb_decay *out, fb_err *err) {
  fb_darkphoton_decay dp;
  FB_CALL(err, fb_darkphoton_decay_compute(state, mass_GeV, epsilon, &dp, err));
  fb_decay_clear(out, mass_GeV, epsilon);
  FB_CALL(err, fb_decay_two_body(out, "ee", dp.width_ee_GeV, FB_DC_ELECTRON, FB_ME_GEV, FB_DC_ELECTRON, FB_ME_GEV, err));
  FB_CALL(err, fb_decay_two_body(out, "mumu", dp.width_mumu_GeV, FB_DC_MUON, FB_MMU_GEV, FB_DC_MUON, FB_MMU_GEV, err));
  FB_CALL(err, fb_decay_two_body(out, "tautau", dp.width_tautau_GeV, FB_DC_TAU, FB_MTAU_GEV, FB_DC_TAU, FB_MTAU_GEV, err));
  /* Gamma_F = Gamma_had R_F / sum_F R_F: the total hadronic width stays fb_darkphoton's */
  double rF[FB_RR_NCH], w[FB_RR_NCH], rsum = 0.0;
  fb_rratio_eval_channels(state, mass_GeV, rF);
  for (int c = 0; c < FB_RR_NCH; ++c) rsum += rF[c];
  for (int c = 0; c < FB_RR_NCH; ++c) w[c] = rsum > 0.0 ? dp.width_hadrons_GeV * rF[c] / rsum : 0.0;
  if (!(rsum > 0.0)) w[FB_RR_OTHER] = dp.width_hadrons_GeV;
  FB_CALL(err, bc1_hadron_channels(out, mass_GeV, w, err));
  FB_CALL(err, fb_decay_finalize(out, err));
  return FB_OK;
}

/* Production: the A' couples to the electromagnetic current with strength eps e. */
static int bc1_production(void *state, double mass_GeV, double epsilon, fb_fip_values *out, fb_err *err) {
  (void)state;
  (void)mass_GeV;
  out->n = 0;
  FB_CALL(err, fb_fip_values_put(out, "g_em", "", "coupling eps*e to the electromagnetic current",
                                 epsilon * sqrt(4.0 * FB_PI * FB_ALPHA_EM), err));
  return FB_OK;
}

const fb_fip_ops fb_fip_bc1 = {
    .name = "bc1",
    .benchmark = "BC1",
    .particle = "minimal dark photon A' with kinetic mixing",
    FB_FIP_AXES(BC1),
    .mass_min_GeV = 2.0 * FB_ME_GEV,
    .mass_max_GeV = FB_DARKPHOTON_MASS_MAX_GEV,
    .coupling_max = 1.0,
    .coupling_power = 2.0,
    .references = "arXiv:0906.5614; arXiv:1801.04847; arXiv:1505.07459 (R ratio)",
    .init = bc1_init,
    .free = bc1_free,
    .decay = bc1_decay,
    .production = bc1_production,
};
