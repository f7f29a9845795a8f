/**
 * @file fb_fip_bc9.c
 * @brief BC9: ALP a coupled to photons only, L = -(g_agamma/4) a F Fdual (FIPs 2020 report,
 *        arXiv:2102.12143, BC9). One decay, a -> gamma gamma:
 *          Gamma = g_agamma^2 m_a^3 / (64 pi)   [e.g. Bauer, Neubert, Thamm arXiv:1708.00443 eq. (5)
 *          with c_gammagamma alpha/(pi Lambda) = g_agamma/4; Dobrich et al. arXiv:1512.03069].
 * Valid for any mass at this order; the plane of the PBC plots spans 1 keV-10 GeV, the interface
 * accepts 1e-12 GeV < m <= 1e3 GeV.
 */
#include <math.h>

#include "fb_constants.h"
#include "fb_fip.h"

/* Gamma(a -> gamma gamma) [GeV] at g [GeV^-1], arXiv:1708.00443 eq. (5). */
static double width_gg_GeV(double m, double g) { return g * g * m * m * m / (64.0 * FB_PI); }

static int bc9_decay(void *state, double mass_GeV, double g_GeV, fb_decay *out, fb_err *err) {
  (void)state;
  fb_decay_clear(out, mass_GeV, g_GeV);
  FB_CALL(err, fb_decay_two_body(out, "gammagamma", width_gg_GeV(mass_GeV, g_GeV), FB_DC_PHOTON, 0.0, FB_DC_PHOTON,
                                 0.0, err));
  FB_CALL(err, fb_decay_finalize(out, err));
  return FB_OK;
}

static int bc9_production(void *state, double mass_GeV, double g_GeV, fb_fip_values *out, fb_err *err) {
  (void)state;
  (void)mass_GeV;
  out->n = 0;
  FB_CALL(err, fb_fip_values_put(out, "g_agamma", "GeV^-1", "ALP-photon coupling (Primakoff, coalescence)", g_GeV, err));
  return FB_OK;
}

const fb_fip_ops fb_fip_bc9 = {
    .name = "bc9",
    .benchmark = "BC9",
    .particle = "axion-like particle coupled to photons",
    FB_FIP_AXES(BC9),
    .mass_min_GeV = 1e-12,
    .mass_max_GeV = 1e3,
    .coupling_max = 1.0,
    .coupling_power = 2.0,
    .references = "arXiv:2102.12143 (BC9); arXiv:1708.00443 eq. (5)",
    .decay = bc9_decay,
    .production = bc9_production,
};
