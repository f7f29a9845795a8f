/**
 * @file fb_model_hnl.c
 * @brief Scan models `bc6`, `bc7`, `bc8`: the heavy neutral lepton's width, lifetime, c*tau,
 *        branching ratios of every channel (FB_HNL_CHANNELS, fb_fip_hnl.h) and class energy
 *        fractions over (m_N, |U_alpha|^2), through the particle-model adapter (fb_fip.h).
 */
#include "fb_fip.h"
#include "fb_fip_hnl.h"
#include "fb_model.h"

extern const fb_fip_ops fb_fip_bc6, fb_fip_bc7, fb_fip_bc8;

#define HNL_BR_SPEC(n, d) {"br_" n, "", "branching ratio " d},
#define HNL_QUANTITIES(L, A, B)                                                                    \
  {"width_GeV", "GeV", "total decay width (Majorana: charge conjugates included)"},                \
  {"tau_s", "s", "proper lifetime hbar/Gamma"}, {"ctau_m", "m", "proper decay length c*tau"},      \
  FB_HNL_CHANNELS(HNL_BR_SPEC, L, A, B) FB_FIP_CLASS_QUANTITIES

static const fb_quantity_spec bc6_quantities[] = {HNL_QUANTITIES("e", "mu", "tau")};
static const fb_quantity_spec bc7_quantities[] = {HNL_QUANTITIES("mu", "e", "tau")};
static const fb_quantity_spec bc8_quantities[] = {HNL_QUANTITIES("tau", "e", "mu")};

static int bc6_init(void **state, const fb_config *cfg, fb_err *err) {
  return fb_fip_scan_init(&fb_fip_bc6, FB_HNL_N_CHANNELS, state, cfg, err);
}
static int bc7_init(void **state, const fb_config *cfg, fb_err *err) {
  return fb_fip_scan_init(&fb_fip_bc7, FB_HNL_N_CHANNELS, state, cfg, err);
}
static int bc8_init(void **state, const fb_config *cfg, fb_err *err) {
  return fb_fip_scan_init(&fb_fip_bc8, FB_HNL_N_CHANNELS, state, cfg, err);
}

#define HNL_MODEL(NAME, BENCH, FLAV, Q, INIT, KEYS)                                                \
  {                                                                                                \
    .name = NAME, .benchmark = #BENCH,                                                             \
    .description = "Majorana HNL mixing with nu_" FLAV " only (PBC " #BENCH "): lifetime, c*tau, branching ratios", \
    FB_MODEL_AXES(BENCH),                                                                          \
    .n_quantities = sizeof Q / sizeof Q[0], .quantities = Q, .n_keys = 2, .keys = KEYS, .init = INIT, \
    .eval = fb_fip_scan_eval, .free = fb_fip_scan_free,                                            \
  }

const fb_model_ops fb_model_bc6 = HNL_MODEL("bc6", BC6, "e", bc6_quantities, bc6_init, fb_hnl_keys_bc6);
const fb_model_ops fb_model_bc7 = HNL_MODEL("bc7", BC7, "mu", bc7_quantities, bc7_init, fb_hnl_keys_bc7);
const fb_model_ops fb_model_bc8 = HNL_MODEL("bc8", BC8, "tau", bc8_quantities, bc8_init, fb_hnl_keys_bc8);
