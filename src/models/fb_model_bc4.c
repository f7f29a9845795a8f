/**
 * @file fb_model_bc4.c
 * @brief Scan model `bc4`: the BC4 dark scalar's width, lifetime, c*tau, branching ratios and class
 *        energy fractions over (m_S, sin^2 theta) through the particle-model adapter (fb_fip.h);
 *        physics in fb_fip_bc4.c.
 */
#include "fb_fip_bc4.h"
#include "fb_model.h"

/* shared with the bc5 scan model (fb_model_bc5.c): same channels, same order */
const fb_quantity_spec fb_bc4_scan_quantities[FB_BC4_N_SCAN_QUANTITIES] = {
    {"width_GeV", "GeV", "total decay width"},
    {"tau_s", "s", "proper lifetime hbar/Gamma"},
    {"ctau_m", "m", "proper decay length c*tau"},
    FB_BC4_BR_QUANTITIES,
    FB_FIP_CLASS_QUANTITIES,
};

static int bc4_init(void **state, const fb_config *cfg, fb_err *err) {
  return fb_fip_scan_init(&fb_fip_bc4, FB_BC4_N_CHANNELS, state, cfg, err);
}

const fb_model_ops fb_model_bc4 = {
    .name = "bc4",
    .benchmark = "BC4",
    .description = "dark scalar mixing with the Higgs (PBC BC4): lifetime, c*tau, branching ratios",
    FB_MODEL_AXES(BC4),
    .n_quantities = FB_BC4_N_SCAN_QUANTITIES,
    .quantities = fb_bc4_scan_quantities,
    .n_keys = FB_BC4_N_KEYS,
    .keys = fb_bc4_keys,
    .init = bc4_init,
    .eval = fb_fip_scan_eval,
    .free = fb_fip_scan_free,
};
