/**
 * @file fb_prod_bc10.c
 * @brief BC10 production (fb_production.h): the ALP with universal fermion couplings,
 *        L = (d_mu a/(2 f_l)) sum_f fbar gamma^mu gamma5 f, coupling inv_fl = 1/f_l. Relaxation rate per ALP
 *        (fb_prod_alp.c for every formula; w(T) the QCD crossover weight, T_pc = 156.5 MeV arXiv:1812.08235):
 *  - tree level, pseudoscalar Yukawa y_f = m_f/f_l (arXiv:1708.00443 sec. 2): f fbar -> gamma a and
 *    f gamma -> f a for e, mu, tau (always) and the quarks u..t (times w), q qbar -> g a and q g -> q a
 *    (times w); vacuum MS-bar quark masses (PDG), collinear logarithm cut by the thermal masses;
 *  - the anomaly-like couplings of the fermions lighter than the thermal momenta: a quark q acts as a gluon
 *    coupling 1/f_G = |B_1(tau_q)|/f_l and a fermion as a photon coupling (BNT's C_gammagamma^eff and
 *    C_GG^eff, the loop function B_1 of src/models/fb_fip_alp.c) with tau_f = 4 m_f^2/(3T)^2, the loop
 *    function at the typical virtuality (3T)^2 of the thermal processes (an approximation: the loop depends
 *    on the process's invariants, between the Debye scale and T^2): gluon conversion and q qbar -> g a with
 *    c_G(T) = sum_q |B_1(tau_q)| (times w), Primakoff gamma q -> a q (fb_prod_bc9_primakoff_rate) with
 *    g_agamma(T) = alpha |C(T)|/(2 pi f_l), C(T) = 2 sum_l B_1(tau_l) + w 2 N_c sum_q Q_q^2 B_1(tau_q);
 *  - no pion processes: the induced ALP-pion coupling is proportional to c_u - c_d = 0 at leading order
 *    (universal couplings; hep-ph/0504059's C_api with the quark couplings), nucleons negligible below T_pc.
 * The rate is evaluated up to T_RH <= 1e5 GeV; the PBC BC10 effective theory (arXiv:2102.12143) has a
 * cut-off Lambda = 1 TeV, the default T_RH of the bc10_bbn plane.
 * The part with the tree-level and gluon processes is tabulated in T at init.
 */
#include <complex.h>
#include <math.h>
#include <stdlib.h>

#include "fb_constants.h"
#include "fb_fip_alp.h"
#include "fb_prod_alp.h"
#include "fb_production.h"

static const double LEPTON_MASS[3] = {FB_ME_GEV, FB_MMU_GEV, FB_MTAU_GEV};
static const double QUARK_MASS[6] = {FB_MU_QUARK_GEV, FB_MD_QUARK_GEV, FB_MS_QUARK_GEV,
                                     FB_MC_QUARK_GEV, FB_MB_QUARK_GEV, FB_MT_QUARK_GEV};
static const double QUARK_Q2[6] = {4.0 / 9.0, 1.0 / 9.0, 1.0 / 9.0, 4.0 / 9.0, 1.0 / 9.0, 4.0 / 9.0};


static double complex loop_B1(double m, double T) { return fb_alp_B1(4.0 * m * m / (9.0 * T * T)); }

double fb_prod_bc10_cgamma_eff(double T) {
  const double w = fb_prod_alp_qgp_weight(T);
  double complex c = 0.0;
  for (int l = 0; l < 3; ++l) c += 2.0 * loop_B1(LEPTON_MASS[l], T);
  for (int q = 0; q < 6; ++q) c += w * 2.0 * 3.0 * QUARK_Q2[q] * loop_B1(QUARK_MASS[q], T);
  return cabs(c);
}

/* rate per ALP at 1/f_l = 1 GeV^-1 without the Primakoff part [GeV] */
double fb_prod_bc10_rate_unit(double T) {
  const double w = fb_prod_alp_qgp_weight(T), n0 = T * T * T / (FB_PI * FB_PI);
  const double e2 = 4.0 * FB_PI * FB_ALPHA_EM;
  double g = 0.0;
  for (int l = 0; l < 3; ++l) { /* m_inf^2 = e^2 T^2/4 */
    const double m = LEPTON_MASS[l], mk = sqrt(m * m + 0.25 * e2 * T * T);
    g += m * m * fb_prod_alp_yukawa_gamma(mk, e2, T);
  }
  if (w > 1e-15) {
    const double as = fb_prod_alp_alphas_T(T), gs2 = 4.0 * FB_PI * as;
    double complex sumB = 0.0;
    double gq = 0.0;
    for (int q = 0; q < 6; ++q) { /* m_inf^2 = g_s^2 C_F T^2/4 = g_s^2 T^2/3 */
      const double m = QUARK_MASS[q], mk = sqrt(m * m + gs2 * T * T / 3.0);
      gq += m * m * fb_prod_alp_yukawa_gamma(mk, e2 * QUARK_Q2[q] * 3.0 + 4.0 * gs2, T);
      sumB += loop_B1(m, T); /* amplitudes add (BNT arXiv:1708.00443 C_GG^eff), then |.|^2 */
    }
    const double cG = cabs(sumB);
    g += w * (gq + cG * cG * fb_prod_alp_gluon_gamma(T));
  }
  return g / n0;
}

static int bc10_init(void **state, const fb_config *cfg, fb_err *err) {
  (void)cfg;
  fb_prod_alp_table *t = calloc(1, sizeof *t);
  FB_TEST(err, !t, FB_ERR_MEMORY, "cannot allocate the bc10 production state");
  *state = t;
  return fb_prod_alp_table_init(t, fb_prod_bc10_rate_unit, err);
}

static double bc10_rate(const void *state, double m, double g, double T) {
  const double gag = FB_ALPHA_EM * fb_prod_bc10_cgamma_eff(T) * g / (2.0 * FB_PI);
  return g * g * fb_prod_alp_table_eval(state, T) + fb_prod_bc9_primakoff_rate(m, gag, T);
}

static void bc10_free(void *state) {
  fb_prod_alp_table_free(state);
  free(state);
}

const fb_production_ops fb_production_bc10 = {
    .fip = "bc10",
    .processes = "f fbar -> gamma a, f gamma -> f a (e, mu, tau, quarks), q qbar -> g a, q g -> q a with y_f = m_f/f_l; "
                 "gluon conversion and Primakoff through the light fermions' anomaly-like couplings; no pions (c_u = c_d)",
    .references = "arXiv:1708.00443; arXiv:1310.6982; hep-ph/0203221; arXiv:1709.00009; arXiv:1812.08235",
    .init = bc10_init,
    .rate_GeV = bc10_rate,
    .free = bc10_free,
};
