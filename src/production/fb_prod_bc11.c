/**
 * @file fb_prod_bc11.c
 * @brief BC11 production (fb_production.h): the gluon-coupled ALP, L = (alpha_s/(8 pi f_G)) a G Gdual,
 *        coupling inv_fG = 1/f_G. Relaxation rate per ALP (fb_prod_alp.c for every formula):
 *   Gamma = (1/f_G^2) [ w(T) Gamma_g(T) + (1 - w(T)) (C_api/f_pi)^2 Gamma_pi(T) ] + (1 - w(T)) Gamma_P(m_a, g_agamma, T)
 *  - w(T): QCD crossover weight (T_pc = 156.5 MeV, arXiv:1812.08235);
 *  - Gamma_g: gluon conversion on the screened colour charges (g g -> g a, q g -> q a in the t-channel
 *    screened form of Masso, Rota, Zsembinszki hep-ph/0203221) and q qbar -> g a, alpha_s(2 pi T);
 *  - Gamma_pi: pi pi -> pi a with the induced ALP-pion coupling C_api = (1 - z)/(3 (1 + z)) (Chang & Choi
 *    PLB 316 (1993) 51; Hannestad, Mirizzi, Raffelt hep-ph/0504059), f_pi = 92.1 MeV (f_pi+/sqrt 2), LO chiral
 *    coupling at m_a = 0 (the pi0/eta mixing of an ALP with m_a ~ m_P is not in the production);
 *  - Gamma_P: Primakoff gamma q -> a q on the charged plasma (fb_prod_bc9_primakoff_rate) with the induced
 *    g_agamma = alpha |C(m_a)| / (2 pi f_G) of the particle model (pi0/eta/eta' mixing, src/models/fb_fip_alp.c),
 *    in the hadron phase only (the chiral-Lagrangian photon coupling does not exist in the QGP).
 * The (1/f_G^2) part is tabulated in T at init (16 points per decade, 1 MeV - 200 TeV; direct outside).
 */
#include <math.h>
#include <stdlib.h>

#include "fb_constants.h"
#include "fb_fip_alp.h"
#include "fb_prod_alp.h"
#include "fb_production.h"

/* rate per ALP at 1/f_G = 1 GeV^-1, without the Primakoff part [GeV] */
static double bc11_rate_unit(double T) {
  const double w = fb_prod_alp_qgp_weight(T), n0 = T * T * T / (FB_PI * FB_PI);
  const double fpi = FB_FPI_GEV / sqrt(2.0), c = fb_prod_alp_c_api() / fpi;
  double g = w * fb_prod_alp_gluon_gamma(T);
  if (1.0 - w > 1e-15) g += (1.0 - w) * c * c * fb_prod_alp_pion_gamma(T, FB_MPI_CHARGED_GEV, FB_MPI0_GEV);
  return g / n0;
}

double fb_prod_bc11_rate_unit(double T_GeV) { return bc11_rate_unit(T_GeV); }

static int bc11_init(void **state, const fb_config *cfg, fb_err *err) {
  (void)cfg;
  fb_prod_alp_table *t = calloc(1, sizeof *t);
  FB_TEST(err, !t, FB_ERR_MEMORY, "cannot allocate the bc11 production state");
  *state = t;
  return fb_prod_alp_table_init(t, bc11_rate_unit, err);
}

static double bc11_rate(const void *state, double m, double g, double T) {
  const double w = fb_prod_alp_qgp_weight(T);
  double r = g * g * fb_prod_alp_table_eval(state, T);
  if (1.0 - w > 1e-15) {
    const double gag = FB_ALPHA_EM * cabs(fb_alp_bc11_cgamma(m)) * g / (2.0 * FB_PI);
    r += (1.0 - w) * fb_prod_bc9_primakoff_rate(m, gag, T);
  }
  return r;
}

static void bc11_free(void *state) {
  fb_prod_alp_table_free(state);
  free(state);
}

const fb_production_ops fb_production_bc11 = {
    .fip = "bc11",
    .processes = "gluon conversion g -> a on screened colour charges (g g -> g a, q g -> q a) and q qbar -> g a above "
                 "the QCD crossover; pi pi -> pi a (induced C_api) and Primakoff with the induced g_agamma below it",
    .references = "hep-ph/0203221; arXiv:1310.6982; arXiv:1008.4528; hep-ph/0504059; arXiv:1709.00009; arXiv:1812.08235",
    .init = bc11_init,
    .rate_GeV = bc11_rate,
    .free = bc11_free,
};
