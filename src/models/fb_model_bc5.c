/**
 * @file fb_model_bc5.c
 * @brief Scan model `bc5`: the BC5 dark scalar (BR(h -> S S) = 1e-2) over (m_S, sin^2 theta). Its
 *        decays are BC4's (same quantities, fb_model_bc4.c; physics in fb_fip_bc4.c, decay options
 *        in [bc4]); only its production values differ (fb_fip_bc5).
 */
#include "fb_fip_bc4.h"
#include "fb_benchmark_axes.h"
#include "fb_model.h"

extern const fb_quantity_spec fb_bc4_scan_quantities[FB_BC4_N_SCAN_QUANTITIES];

static int bc5_init(void **state, const fb_config *cfg, fb_err *err) {
  return fb_fip_scan_init(&fb_fip_bc5, FB_BC4_N_CHANNELS, state, cfg, err);
}

const fb_model_ops fb_model_bc5 = {
    .name = "bc5",
    .benchmark = "BC5",
    .description = "dark scalar with BR(h -> S S) = 1e-2 (PBC BC5): lifetime, c*tau, branching ratios "
                   "(decays as bc4, options in [bc4])",
    FB_MODEL_AXES(BC5),
    .n_quantities = FB_BC4_N_SCAN_QUANTITIES,
    .quantities = fb_bc4_scan_quantities,
    .n_keys = FB_BC5_N_KEYS,
    .keys = fb_bc5_keys,
    .init = bc5_init,
    .eval = fb_fip_scan_eval,
    .free = fb_fip_scan_free,
};
