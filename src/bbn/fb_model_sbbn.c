/**
 * @file fb_model_sbbn.c
 * @brief Standard BBN as a scan model: abundances and chi^2 over (Omega_b h^2, Delta N_eff).
 *
 * First axis ("mass" slot of the grid): Omega_b h^2 (dimensionless; use mass_spacing = linear).
 * Second axis ("coupling" slot): Delta N_eff (use coupling_spacing = linear; negative allowed).
 * The weak-rate tables are built once in init and reused at every point (bbn_tables).
 */
#include <stdlib.h>
#include <string.h>

#include "bbn.h"
#include "fb_constants.h"
#include "fb_model.h"

#define SBBN_STR2(x) #x
#define SBBN_STR(x) SBBN_STR2(x) /* the key's default is the library's FB_TAU_N_S */

typedef struct sbbn_state {
  bbn_tables tab;
  bbn_params par;
} sbbn_state;

static const fb_quantity_spec sbbn_quantities[] = {
    {"Yp", "", "helium-4 abundance 4 n_He4 / n_b (BBN convention)"},
    {"Yp_mass_fraction", "", "helium-4 mass fraction rho_He4 / rho_b (CMB convention)"},
    {"D_H", "", "deuterium to hydrogen number ratio"},
    {"He3_H", "", "(3He + 3H) to hydrogen number ratio"},
    {"Li7_H", "", "(7Li + 7Be) to hydrogen number ratio"},
    {"Li6_H", "", "6Li to hydrogen number ratio"},
    {"Neff", "", "effective number of neutrino species after e+e- annihilation"},
    {"eta", "", "baryon-to-photon ratio n_b / n_gamma today"},
    {"chi2", "", "chi^2 of Yp (mass fraction) and D/H against PDG 2024 incl. theory errors"},
};

static const fb_key_spec sbbn_keys[] = {
    {"sbbn", "tau_n_s", FB_KEY_DOUBLE, SBBN_STR(FB_TAU_N_S), 800.0, 1000.0, NULL, "s",
     "neutron lifetime (PDG 2024: 878.4 s)"},
    {"sbbn", "rtol", FB_KEY_DOUBLE, "1e-6", 1e-12, 1e-3, NULL, "",
     "relative tolerance of the network integration (CVODE BDF)"},
    {"sbbn", "theory_errors", FB_KEY_CHOICE, "propagated", 0, 0, "propagated|primat", "",
     "theory errors of the chi^2: propagated = the network's cited rate errors and tau_n +- 0.5 s propagated linearly (bbn_theory_err.c); primat = PRIMAT arXiv:1801.08023 sigma(Yp) = 0.00017, sigma(D/H)/(D/H) = 1.46%"},
};

static int sbbn_init(void **state, const fb_config *cfg, fb_err *err) {
  sbbn_state *s = calloc(1, sizeof *s);
  FB_TEST(err, !s, FB_ERR_MEMORY, "cannot allocate the sbbn model state");
  int rc = bbn_tables_init(&s->tab, err);
  if (rc != FB_OK) {
    free(s);
    return fb_err_push(err, rc, __func__, __LINE__, "bbn_tables_init");
  }
  bbn_params_default(&s->par);
  s->par.tau_n_s = fb_config_get_double(cfg, "sbbn", "tau_n_s");
  s->par.rtol = fb_config_get_double(cfg, "sbbn", "rtol");
  s->par.theory_errors = strcmp(fb_config_get_string(cfg, "sbbn", "theory_errors"), "primat") == 0 ? BBN_TH_PRIMAT
                                                                                                    : BBN_TH_PROPAGATED;
  *state = s;
  return FB_OK;
}

static int sbbn_eval(void *state, double omega_b_h2, double delta_neff, double *out, fb_err *err) {
  sbbn_state *s = state;
  bbn_params p = s->par;
  p.omega_b_h2 = omega_b_h2;
  p.delta_neff = delta_neff;
  bbn_result r;
  FB_CALL(err, bbn_solve(&s->tab, &p, &r, err));
  out[0] = r.Yp;
  out[1] = r.Yp_mass;
  out[2] = r.D_H;
  out[3] = r.He3_H;
  out[4] = r.Li7_H;
  out[5] = r.Li6_H;
  out[6] = r.Neff;
  out[7] = r.eta;
  out[8] = r.chi2;
  return FB_OK;
}

static void sbbn_free(void *state) {
  sbbn_state *s = state;
  if (!s) return;
  bbn_tables_free(&s->tab);
  free(s);
}

const fb_model_ops fb_model_sbbn = {
    .name = "sbbn",
    .benchmark = "SBBN",
    .description = "standard BBN over (Omega_b h^2, Delta N_eff): abundances and chi^2 (PDG 2024)",
    .mass_name = "omega_b_h2",
    .mass_units = "",
    .mass_description = "baryon density Omega_b h^2 (first axis; use mass_spacing = linear)",
    .coupling_name = "delta_neff",
    .coupling_units = "",
    .coupling_description = "extra radiation Delta N_eff (second axis; use coupling_spacing = linear)",
    .n_quantities = sizeof sbbn_quantities / sizeof sbbn_quantities[0],
    .quantities = sbbn_quantities,
    .n_keys = sizeof sbbn_keys / sizeof sbbn_keys[0],
    .keys = sbbn_keys,
    .init = sbbn_init,
    .eval = sbbn_eval,
    .free = sbbn_free,
};
