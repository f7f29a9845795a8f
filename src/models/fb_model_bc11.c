/**
 * @file fb_model_bc11.c
 * @brief Scan model `bc11`: the BC11 ALP's lifetime, c*tau and branching ratios over (m_a, inv_fG)
 *        through the particle-model adapter (fb_fip.h); physics in fb_fip_alp.c.
 */
#include "fb_fip.h"
#include "fb_fip_alp.h"
#include "fb_model.h"

extern const fb_fip_ops fb_fip_bc11;

static const fb_quantity_spec bc11_quantities[] = {
    {"width_GeV", "GeV", "total decay width"},
    {"tau_s", "s", "proper lifetime hbar/Gamma"},
    {"ctau_m", "m", "proper decay length c*tau"},
    {"br_gammagamma", "", "branching ratio a -> gamma gamma"},
    {"br_3pi0", "", "branching ratio a -> 3 pi0"},
    {"br_pipipi0", "", "branching ratio a -> pi+ pi- pi0"},
    {"br_pipigamma", "", "branching ratio a -> pi+ pi- gamma (rho gamma, VMD)"},
    {"br_etapipi", "", "branching ratio a -> eta pi pi (charged and neutral pions)"},
    {"br_kkpi", "", "branching ratio a -> K Kbar pi (K* exchange)"},
    {"br_etaprimepipi", "", "branching ratio a -> eta' pi pi (a0 and sigma exchange)"},
    {"br_rhorho", "", "branching ratio a -> rho rho (-> 4 pi; VMD VVP vertex)"},
    {"br_rhoomega", "", "branching ratio a -> rho0 omega"},
    {"br_omegaomega", "", "branching ratio a -> omega omega"},
    {"br_kstarkstar", "", "branching ratio a -> K* Kbar*"},
    {"br_gg", "", "branching ratio a -> g g (perturbative, NLO)"},
    FB_FIP_CLASS_QUANTITIES,
};

static int bc11_init(void **state, const fb_config *cfg, fb_err *err) {
  return fb_fip_scan_init(&fb_fip_bc11, 12, state, cfg, err);
}

const fb_model_ops fb_model_bc11 = {
    .name = "bc11",
    .benchmark = "BC11",
    .description = "ALP coupled to gluons (PBC BC11): lifetime, c*tau, branching ratios",
    FB_MODEL_AXES(BC11),
    .n_quantities = sizeof bc11_quantities / sizeof bc11_quantities[0],
    .quantities = bc11_quantities,
    .n_keys = FB_ALP_N_KEYS,
    .keys = fb_alp_bc11_keys,
    .init = bc11_init,
    .eval = fb_fip_scan_eval,
    .free = fb_fip_scan_free,
};
