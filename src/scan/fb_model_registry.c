/**
 * @file fb_model_registry.c
 * @brief The list of models the scan driver can run; see fb_model.h.
 */
#include <string.h>

#include "fb_model.h"

extern const fb_model_ops fb_model_bc1;
extern const fb_model_ops fb_model_sbbn;
extern const fb_model_ops fb_model_bc1_sn;
extern const fb_model_ops fb_model_bc9_hb;
extern const fb_model_ops fb_model_bc9_sn;
extern const fb_model_ops fb_model_bc2;
extern const fb_model_ops fb_model_bc2_target;
extern const fb_model_ops fb_model_freezein_light;
extern const fb_model_ops fb_model_freezein_heavy;
extern const fb_model_ops fb_model_bc9;
extern const fb_model_ops fb_model_cmb_decay;
extern const fb_model_ops fb_model_bc1_cmb;
extern const fb_model_ops fb_model_bc9_cmb;
extern const fb_model_ops fb_model_bbn_decay;
extern const fb_model_ops fb_model_bbn_decay_mass;
extern const fb_model_ops fb_model_bc1_bbn;
extern const fb_model_ops fb_model_bc9_bbn;
extern const fb_model_ops fb_model_bc10_bbn, fb_model_bc11_bbn;
extern const fb_model_ops fb_model_bc11_photodis, fb_model_bc11_cmb;
extern const fb_model_ops fb_model_bc6_bbn, fb_model_bc7_bbn, fb_model_bc8_bbn;
extern const fb_model_ops fb_model_bc4_bbn, fb_model_bc5_bbn; /* fb_model_bbn_fip.c */
extern const fb_model_ops fb_model_bc4_photodis; /* fb_model_photodis.c */
extern const fb_model_ops fb_model_bc4_cmb;      /* src/cmb/fb_model_cmb_fip.c */
extern const fb_model_ops fb_model_photodis_decay, fb_model_bc1_photodis, fb_model_bc9_photodis;
extern const fb_model_ops fb_model_photodis_decay_tau; /* fb_model_photodis.c */
extern const fb_model_ops fb_model_bc6_photodis, fb_model_bc7_photodis, fb_model_bc8_photodis; /* fb_model_photodis.c */
extern const fb_model_ops fb_model_bc3_rg;
extern const fb_model_ops fb_model_bc4_sn, fb_model_bc5_sn; /* src/stellar/fb_model_sn.c */
extern const fb_model_ops fb_model_bc6_sn, fb_model_bc7_sn, fb_model_bc8_sn; /* fb_model_sn.c */
extern const fb_model_ops fb_model_bc3_hb; /* fb_model_bc3_rg.c */
extern const fb_model_ops fb_model_bc10_rg, fb_model_bc10_wd, fb_model_bc11_hb;
extern const fb_model_ops fb_model_bc10_sn, fb_model_bc11_sn; /* src/stellar/fb_model_sn.c */
extern const fb_model_ops fb_model_bc3_wd, fb_model_bc3_sn; /* fb_model_bc3_rg.c, fb_model_sn.c */
/* particle models of BC4-BC11 (src/models/fb_model_bc*.c): add each below */
extern const fb_model_ops fb_model_bc4;
extern const fb_model_ops fb_model_bc5;
extern const fb_model_ops fb_model_bc6, fb_model_bc7, fb_model_bc8; /* fb_model_hnl.c */
extern const fb_model_ops fb_model_bc10;
extern const fb_model_ops fb_model_bc11;

/* Order: particle models by benchmark, then the bounds and targets by physics area. The order is
 * the order of `fipbounds models` and of the [model] name choices (inputs/explanatory.ini). */
static const fb_model_ops *const fb_models[] = {
    /* particle models: lifetime, c*tau, branching ratios (src/models) */
    &fb_model_bc1, &fb_model_bc4, &fb_model_bc5, &fb_model_bc6, &fb_model_bc7, &fb_model_bc8, &fb_model_bc9,
    &fb_model_bc10, &fb_model_bc11,
    /* relic abundance and targets (src/boltzmann) */
    &fb_model_bc2, &fb_model_bc2_target, &fb_model_freezein_light, &fb_model_freezein_heavy,
    /* BBN (src/bbn) */
    &fb_model_sbbn, &fb_model_bbn_decay, &fb_model_bbn_decay_mass, &fb_model_bc1_bbn, &fb_model_bc9_bbn,
    &fb_model_bc6_bbn, &fb_model_bc7_bbn, &fb_model_bc8_bbn,
    &fb_model_bc10_bbn, &fb_model_bc11_bbn, &fb_model_bc4_bbn, &fb_model_bc5_bbn,
    &fb_model_photodis_decay, &fb_model_photodis_decay_tau, &fb_model_bc1_photodis, &fb_model_bc9_photodis,
    &fb_model_bc11_photodis, &fb_model_bc4_photodis,
    &fb_model_bc6_photodis, &fb_model_bc7_photodis, &fb_model_bc8_photodis,
    /* CMB (src/cmb) */
    &fb_model_cmb_decay, &fb_model_bc1_cmb, &fb_model_bc9_cmb,
    &fb_model_bc11_cmb, &fb_model_bc4_cmb,
    /* stars (src/stellar) */
    &fb_model_bc1_sn, &fb_model_bc9_sn, &fb_model_bc9_hb, &fb_model_bc3_rg,
    &fb_model_bc4_sn, &fb_model_bc5_sn,
    &fb_model_bc6_sn, &fb_model_bc7_sn, &fb_model_bc8_sn, &fb_model_bc3_hb,
    &fb_model_bc10_rg, &fb_model_bc10_wd, &fb_model_bc11_hb,
    &fb_model_bc3_wd, &fb_model_bc3_sn,
    &fb_model_bc10_sn, &fb_model_bc11_sn,
};
#define FB_N_MODELS (sizeof fb_models / sizeof fb_models[0])

const fb_model_ops *fb_model_find(const char *name) {
  if (!name) return NULL;
  for (size_t i = 0; i < FB_N_MODELS; i++)
    if (strcmp(fb_models[i]->name, name) == 0) return fb_models[i];
  return NULL;
}

size_t fb_model_count(void) { return FB_N_MODELS; }

const fb_model_ops *fb_model_at(size_t i) { return i < FB_N_MODELS ? fb_models[i] : NULL; }

const char *fb_model_choices(void) {
  static char choices[1024];
  if (choices[0]) return choices;
  for (size_t i = 0; i < FB_N_MODELS; i++) {
    if (i) strncat(choices, "|", sizeof choices - strlen(choices) - 1);
    strncat(choices, fb_models[i]->name, sizeof choices - strlen(choices) - 1);
  }
  return choices;
}
