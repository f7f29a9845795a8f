/**
 * @file fb_model_bc10.c
 * @brief Scan model `bc10`: the BC10 ALP's lifetime, c*tau and branching ratios over (m_a, inv_fl)
 *        through the particle-model adapter (fb_fip.h); physics in fb_fip_alp.c.
 */
#include "fb_fip.h"
#include "fb_fip_alp.h"
#include "fb_model.h"

extern const fb_fip_ops fb_fip_bc10;

static const fb_quantity_spec bc10_quantities[] = {
    {"width_GeV", "GeV", "total decay width"},
    {"tau_s", "s", "proper lifetime hbar/Gamma"},
    {"ctau_m", "m", "proper decay length c*tau"},
    {"br_ee", "", "branching ratio a -> e+ e-"},
    {"br_mumu", "", "branching ratio a -> mu+ mu-"},
    {"br_tautau", "", "branching ratio a -> tau+ tau-"},
    {"br_gammagamma", "", "branching ratio a -> gamma gamma"},
    {"br_3pi0", "", "branching ratio a -> 3 pi0 (isospin-breaking eta/eta' route)"},
    {"br_pipipi0", "", "branching ratio a -> pi+ pi- pi0 (isospin-breaking eta/eta' route)"},
    {"br_pipigamma", "", "branching ratio a -> pi+ pi- gamma (rho gamma, VMD)"},
    {"br_etapipi", "", "branching ratio a -> eta pi pi (charged and neutral pions)"},
    {"br_ss", "", "branching ratio a -> s sbar (perturbative)"},
    {"br_cc", "", "branching ratio a -> c cbar (perturbative)"},
    {"br_bb", "", "branching ratio a -> b bbar (perturbative)"},
    {"br_gg", "", "branching ratio a -> g g (quark loops, perturbative)"},
    FB_FIP_CLASS_QUANTITIES,
};

static int bc10_init(void **state, const fb_config *cfg, fb_err *err) {
  return fb_fip_scan_init(&fb_fip_bc10, 12, state, cfg, err);
}

const fb_model_ops fb_model_bc10 = {
    .name = "bc10",
    .benchmark = "BC10",
    .description = "ALP with universal fermion couplings (PBC BC10): lifetime, c*tau, branching ratios",
    FB_MODEL_AXES(BC10),
    .n_quantities = sizeof bc10_quantities / sizeof bc10_quantities[0],
    .quantities = bc10_quantities,
    .n_keys = FB_ALP_N_KEYS,
    .keys = fb_alp_bc10_keys,
    .init = bc10_init,
    .eval = fb_fip_scan_eval,
    .free = fb_fip_scan_free,
};
