/**
 * @file fb_fip_bc3.c
 * @brief BC3: millicharged particle chi of charge Q = epsilon e (FIPs 2020 report arXiv:2102.12143,
 *        BC3; plane (m_chi, epsilon)). Stable: no decays. Its coupling to photons is what the
 *        stellar (plasmon decay gamma* -> chi chibar, Vogel & Redondo arXiv:1311.2600) and
 *        cosmology modules use.
 */
#include <math.h>

#include "fb_constants.h"
#include "fb_fip.h"

static int bc3_production(void *state, double mass_GeV, double epsilon, fb_fip_values *out, fb_err *err) {
  (void)state;
  (void)mass_GeV;
  out->n = 0;
  FB_CALL(err, fb_fip_values_put(out, "charge_e", "e", "electric charge Q/e = epsilon", epsilon, err));
  FB_CALL(err, fb_fip_values_put(out, "alpha_chi", "", "epsilon^2 alpha, the coupling of chi to photons",
                                 epsilon * epsilon * FB_ALPHA_EM, err));
  return FB_OK;
}

const fb_fip_ops fb_fip_bc3 = {
    .name = "bc3",
    .benchmark = "BC3",
    .particle = "millicharged fermion (stable)",
    FB_FIP_AXES(BC3),
    .mass_min_GeV = 1e-9,
    .mass_max_GeV = 1e2,
    .coupling_max = 1.0,
    .coupling_power = 2.0,
    .references = "arXiv:2102.12143 (BC3); arXiv:1311.2600",
    .decay = NULL,
    .production = bc3_production,
};
