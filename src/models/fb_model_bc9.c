/**
 * @file fb_model_bc9.c
 * @brief Scan model `bc9`: the BC9 ALP's lifetime, c*tau and branching ratios over (m_a, g_agamma)
 *        through the particle-model adapter (fb_fip.h).
 */
#include "fb_fip.h"
#include "fb_model.h"

extern const fb_fip_ops fb_fip_bc9;

static const fb_quantity_spec bc9_quantities[] = {
    {"width_GeV", "GeV", "total decay width"},
    {"tau_s", "s", "proper lifetime hbar/Gamma"},
    {"ctau_m", "m", "proper decay length c*tau"},
    {"br_gammagamma", "", "branching ratio a -> gamma gamma"},
    FB_FIP_CLASS_QUANTITIES,
};

static int bc9_init(void **state, const fb_config *cfg, fb_err *err) {
  return fb_fip_scan_init(&fb_fip_bc9, 1, state, cfg, err);
}

const fb_model_ops fb_model_bc9 = {
    .name = "bc9",
    .benchmark = "BC9",
    .description = "ALP coupled to photons (PBC BC9): lifetime, c*tau, branching ratios",
    FB_MODEL_AXES(BC9),
    .n_quantities = sizeof bc9_quantities / sizeof bc9_quantities[0],
    .quantities = bc9_quantities,
    .init = bc9_init,
    .eval = fb_fip_scan_eval,
    .free = fb_fip_scan_free,
};
