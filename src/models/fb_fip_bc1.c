/**
 * @file fb_fip_bc1.c
 * @brief BC1 dark photon through the particle-model interface (fb_fip.h): the widths of
 *        fb_darkphoton.c (e, mu, tau, hadrons through the R ratio) as an fb_decay record.
 *
 * Channel classes: leptons as two-body channels; A' -> hadrons is the inclusive R-ratio width
 * (fb_rratio.h), whose exclusive content is not resolved here, so its energy goes to
 * "other_hadrons" (a BBN/CMB caller that needs pions must treat that class as hadronic).
 */
#include <math.h>
#include <stdlib.h>

#include "fb_constants.h"
#include "fb_darkphoton.h"
#include "fb_fip.h"

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

static int bc1_decay(void *state, double mass_GeV, double epsilon, fb_decay *out, fb_err *err) {
  fb_darkphoton_decay dp;
  FB_CALL(err, fb_darkphoton_decay_compute(state, mass_GeV, epsilon, &dp, err));
  fb_decay_clear(out, mass_GeV, epsilon);
  FB_CALL(err, fb_decay_two_body(out, "ee", dp.width_ee_GeV, FB_DC_ELECTRON, FB_ME_GEV, FB_DC_ELECTRON, FB_ME_GEV, err));
  FB_CALL(err, fb_decay_two_body(out, "mumu", dp.width_mumu_GeV, FB_DC_MUON, FB_MMU_GEV, FB_DC_MUON, FB_MMU_GEV, err));
  FB_CALL(err, fb_decay_two_body(out, "tautau", dp.width_tautau_GeV, FB_DC_TAU, FB_MTAU_GEV, FB_DC_TAU, FB_MTAU_GEV, err));
  double n[FB_N_DECAY_CLASSES] = {0}, ef[FB_N_DECAY_CLASSES] = {0};
  n[FB_DC_OTHER_HADRONS] = 2.0; /* at least two hadrons; multiplicity not resolved */
  ef[FB_DC_OTHER_HADRONS] = 1.0;
  FB_CALL(err, fb_decay_set_channel(out, "hadrons", dp.width_hadrons_GeV, n, ef, err));
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
    .mass_name = "m_Aprime",
    .coupling_name = "epsilon",
    .coupling_units = "",
    .coupling_description = "kinetic mixing epsilon",
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
