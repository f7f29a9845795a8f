/**
 * @file fb_model_bc9_hb.c
 * @brief Scan model "bc9_hb": the horizontal-branch Primakoff bound on a photon-coupled ALP (BC9)
 *        on the (m_a, g_agg) plane (src/stellar/fb_hb_alp.h).
 *
 * Per point: the ALP energy-loss rate of the HB core [erg/g/s] (one zone, or mass-averaged over a polytrope). The postprocess hook
 * writes /bounds/hb/edges [n_mass][2] (mass_GeV, g_max_GeV: couplings above are excluded) and
 * /bounds/hb/excluded [n_mass][n_coupling] uint8 (eps_a > eps_max). Input section [hb].
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_h5.h"
#include "fb_hb_alp.h"
#include "fb_model.h"

static const fb_quantity_spec hb_quantities[] = {
    {"hb_energy_loss_erg_g_s", "erg/g/s", "ALP Primakoff + coalescence energy-loss rate per unit mass of the HB core (one zone or polytrope mass average; [hb] core)"},
};

static const fb_key_spec hb_keys[] = {
    {"hb", "core", FB_KEY_CHOICE, "one_zone", 0, 0, "one_zone|polytrope", "",
     "HB core model: one zone, or a polytrope with T_K and rho_g_cm3 as its central values"},
    {"hb", "T_K", FB_KEY_DOUBLE, "0.7e8", 1e6, 1e10, NULL, "K", "HB core temperature (central for core = polytrope)"},
    {"hb", "rho_g_cm3", FB_KEY_DOUBLE, "0.6e4", 1, 1e8, NULL, "g/cm^3", "HB core density (central for core = polytrope)"},
    {"hb", "polytrope_n", FB_KEY_DOUBLE, "1.5", 0, 4.5, NULL, "", "polytropic index (core = polytrope)"},
    {"hb", "Y_He", FB_KEY_DOUBLE, "1", 0, 1, NULL, "", "helium mass fraction of the core"},
    {"hb", "eps_max_erg_g_s", FB_KEY_DOUBLE, "10", 1e-3, 1e4, NULL, "erg/g/s", "energy-loss criterion"},
};

static int hb_init(void **state, const fb_config *cfg, fb_err *err) {
  fb_hb_options *o = calloc(1, sizeof *o);
  FB_TEST(err, !o, FB_ERR_MEMORY, "cannot allocate the bc9_hb model state");
  fb_hb_options_default(o);
  o->core = strcmp(fb_config_get_string(cfg, "hb", "core"), "polytrope") ? FB_HB_ONE_ZONE : FB_HB_POLYTROPE;
  o->polytrope_n = fb_config_get_double(cfg, "hb", "polytrope_n");
  o->T_K = fb_config_get_double(cfg, "hb", "T_K");
  o->rho_g_cm3 = fb_config_get_double(cfg, "hb", "rho_g_cm3");
  o->Y_He = fb_config_get_double(cfg, "hb", "Y_He");
  o->eps_max_erg_g_s = fb_config_get_double(cfg, "hb", "eps_max_erg_g_s");
  *state = o;
  return FB_OK;
}

static int hb_eval(void *state, double mass_GeV, double g_GeV, double *out, fb_err *err) {
  FB_CALL(err, fb_hb_alp_eps_erg_g_s(state, mass_GeV, g_GeV, &out[0], err));
  return FB_OK;
}

static void hb_free(void *state) { free(state); }

static int hb_postprocess(void *state, const fb_config *cfg, const fb_scan_view *v, hid_t file, fb_err *err) {
  (void)cfg;
  const fb_hb_options *o = state;
  size_t nm = v->n_mass, nc = v->n_coupling;
  double *edges = malloc(nm * 2 * sizeof *edges);
  unsigned char *mask = malloc(nm * nc);
  int rc = FB_OK;
  FB_TEST_GOTO(err, rc, !edges || !mask, FB_ERR_MEMORY, done, "cannot allocate the HB bound arrays");
  for (size_t i = 0; i < nm; i++) {
    for (size_t j = 0; j < nc; j++) {
      size_t p = i * nc + j;
      mask[p] = (unsigned char)(v->status[p] == 0 && v->values[p] > o->eps_max_erg_g_s);
    }
    edges[2 * i] = v->mass[i];
    FB_CALL_GOTO(err, rc, fb_hb_alp_g_max_GeV(o, v->mass[i], &edges[2 * i + 1], err), done);
  }
  {
    hsize_t de[2] = {nm, 2}, dm[2] = {nm, nc};
    FB_CALL_GOTO(err, rc, fb_h5_dataset(file, "bounds/hb/edges", H5T_NATIVE_DOUBLE, 2, de, edges, "GeV, GeV^-1",
                                        "per grid mass: mass_GeV, g_max_GeV (couplings above are excluded by HB stars)",
                                        err), done);
    FB_CALL_GOTO(err, rc, fb_h5_dataset(file, "bounds/hb/excluded", H5T_NATIVE_UINT8, 2, dm, mask, "",
                                        "1 where the HB-core energy loss exceeds eps_max", err), done);
  }
done:
  free(edges);
  free(mask);
  return rc;
}

const fb_model_ops fb_model_bc9_hb = {
    .name = "bc9_hb",
    .benchmark = "BC9",
    .description = "horizontal-branch Primakoff bound on a photon-coupled ALP (PBC BC9)",
    .mass_name = "m_a",
    .mass_units = "GeV",
    .mass_description = "ALP mass m_a",
    .coupling_name = "g_agamma",
    .coupling_units = "GeV^-1",
    .coupling_description = "ALP-photon coupling g_a-gamma-gamma",
    .n_quantities = sizeof hb_quantities / sizeof hb_quantities[0],
    .quantities = hb_quantities,
    .n_keys = sizeof hb_keys / sizeof hb_keys[0],
    .keys = hb_keys,
    .init = hb_init,
    .eval = hb_eval,
    .free = hb_free,
    .postprocess = hb_postprocess,
};
