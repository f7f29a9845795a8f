/**
 * @file fb_model_bc9_hb.c
 * @brief Scan model "bc9_hb": the horizontal-branch Primakoff bound on a photon-coupled ALP (BC9)
 *        on the (m_a, g_agg) plane (src/stellar/fb_hb_alp.h).
 *
 * Per point: the ALP energy-loss rate of the HB core [erg/g/s] (one zone, or mass-averaged over a polytrope), by
 * default without the ALPs that decay inside the core ([hb] decay = core; fb_hb_alp.h, issue 16). The postprocess
 * hook writes /bounds/hb/edges [n_mass][3] (mass_GeV, g_low, g_high: couplings between are excluded; g_high = +inf
 * with decay = off, both NaN where the region has closed) and /bounds/hb/excluded [n_mass][n_coupling] uint8
 * (eps_a > eps_max). Input section [hb].
 * Observational / model range (issue 16 "Systematic bands"): /bounds/hb/nominal (= excluded), /weak
 * and /strong: the bound g_max scaled by [hb] g_ratio_weak (>= 1) and g_ratio_strong (<= 1), i.e. the
 * criterion eps_max scaled by the ratio squared (eps_a ~ g^2). Defaults: strong 0.47/0.66, the R_2
 * bound of Dolan, Hiskens & Volkas arXiv:2207.03102 (g < 0.47e-10 GeV^-1, MESA, semiconvective mixing)
 * over the R-parameter bound of Ayala et al. arXiv:1406.6053 (g < 0.66e-10 GeV^-1, 95% CL): the ratio of
 * the two analyses is applied to our edge (nominal light-ALP g_max 0.88e-10 GeV^-1); weak 1, one-sided on
 * purpose: the 95% CL bound of arXiv:1406.6053 already folds in the observational uncertainty of R (39
 * clusters) and that of the helium abundance Y, and every later analysis of the same counts is stronger
 * (arXiv:2207.03102); the older HB-lifetime estimates are not an uncertainty range of this one. weak within
 * nominal within strong (masks written by fb_stellar_range.h, shared with bc3 and bc10). The masks threshold the
 * per-point eps_a (decays included), so with decays each set is a closed region: the upper edge moves with the
 * criterion as eps_a(g) does there (steeply: e^{-R/lambda}, lambda ~ 1/g^2), by much less than the lower one.
 *
 * Scan model "bc11_hb" (issue 16): the same bound on the BC11 ALP-gluon coupling inv_fG = 1/f_G through
 * its induced photon coupling g_agamma = alpha |C(m_a)| inv_fG/(2 pi) (the model's own pi0/eta/eta' mixing,
 * fb_fip_alp.h; C -> -2.01 as m_a -> 0), read from the bc11 particle model's production values
 * (fb_stellar_fip.h) once per mass. Same quantity, keys ([hb]) and datasets; edges hold inv_fG_max [GeV^-1].
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_h5.h"
#include "fb_hb_alp.h"
#include "fb_benchmark_axes.h"
#include "fb_model.h"
#include "fb_stellar_fip.h"
#include "fb_stellar_range.h"

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
    {"hb", "decay", FB_KEY_CHOICE, "core", 0, 0, "core|off", "",
     "core: ALPs decaying a -> gamma gamma inside the core radius are no energy loss (upper edge; fb_hb_alp.h); off: "
     "every emitted ALP is a loss (one-sided bound)"},
    {"hb", "r_core_km", FB_KEY_DOUBLE, "0", 0, 1e8, NULL, "km",
     "core radius for the decays; 0: the polytrope radius with T_K, rho_g_cm3 as central values (~5.4e4 km)"},
    /* 0.47/0.66: arXiv:2207.03102 (R_2) over arXiv:1406.6053 (R), both g_agg bounds in 1e-10 GeV^-1 */
    {"hb", "g_ratio_strong", FB_KEY_DOUBLE, "0.712121", 0.01, 1, NULL, "",
     "g_max of /bounds/hb/strong over the nominal g_max (default 0.47/0.66, arXiv:2207.03102 vs arXiv:1406.6053)"},
    {"hb", "g_ratio_weak", FB_KEY_DOUBLE, "1", 1, 100, NULL, "", "g_max of /bounds/hb/weak over the nominal g_max"},
};

typedef struct hb_state {
  fb_hb_options o;
  double ratio_weak, ratio_strong;
  int bc11;             /* 1: coupling axis inv_fG of BC11, converted to g_agamma */
  fb_stellar_fip fip;   /* bc11 particle model (bc11 only) */
  double conv_mass_GeV, conv; /* cache: g_agamma per unit inv_fG at conv_mass_GeV (NaN: none) */
} hb_state;

/* g_agamma per unit of the model's coupling at mass_GeV: 1 for BC9, alpha |C(m)|/(2 pi) for BC11 */
static int hb_conversion(hb_state *st, double mass_GeV, double *conv, fb_err *err) {
  if (!st->bc11) {
    *conv = 1.0;
    return FB_OK;
  }
  if (st->conv_mass_GeV != mass_GeV) {
    st->conv_mass_GeV = NAN;
    FB_CALL(err, fb_stellar_fip_value(&st->fip, "g_agamma", mass_GeV, &st->conv, err));
    st->conv_mass_GeV = mass_GeV;
  }
  *conv = st->conv;
  return FB_OK;
}

static int hb_init(void **state, const fb_config *cfg, fb_err *err) {
  hb_state *st = calloc(1, sizeof *st);
  FB_TEST(err, !st, FB_ERR_MEMORY, "cannot allocate the bc9_hb model state");
  fb_hb_options *o = &st->o;
  fb_hb_options_default(o);
  st->ratio_weak = fb_config_get_double(cfg, "hb", "g_ratio_weak");
  st->ratio_strong = fb_config_get_double(cfg, "hb", "g_ratio_strong");
  o->core = strcmp(fb_config_get_string(cfg, "hb", "core"), "polytrope") ? FB_HB_ONE_ZONE : FB_HB_POLYTROPE;
  o->polytrope_n = fb_config_get_double(cfg, "hb", "polytrope_n");
  o->T_K = fb_config_get_double(cfg, "hb", "T_K");
  o->rho_g_cm3 = fb_config_get_double(cfg, "hb", "rho_g_cm3");
  o->Y_He = fb_config_get_double(cfg, "hb", "Y_He");
  o->eps_max_erg_g_s = fb_config_get_double(cfg, "hb", "eps_max_erg_g_s");
  o->decay = strcmp(fb_config_get_string(cfg, "hb", "decay"), "off") ? FB_HB_DECAY_CORE : FB_HB_DECAY_OFF;
  o->r_core_km = fb_config_get_double(cfg, "hb", "r_core_km");
  st->conv_mass_GeV = NAN;
  if (o->decay == FB_HB_DECAY_CORE && !(o->r_core_km > 0)) { /* the polytrope radius once, not per point */
    double R_cm;
    int rc = fb_hb_core_radius_cm(o, &R_cm, err);
    if (rc != FB_OK) {
      free(st);
      return fb_err_push(err, rc, __func__, __LINE__, "HB core radius");
    }
    o->r_core_km = R_cm / FB_KM_TO_CM;
  }
  *state = st;
  return FB_OK;
}

static int hb_bc11_init(void **state, const fb_config *cfg, fb_err *err) {
  FB_CALL(err, hb_init(state, cfg, err));
  hb_state *st = *state;
  st->bc11 = 1;
  FB_CALL(err, fb_stellar_fip_init(&st->fip, "bc11", cfg, err));
  return FB_OK;
}

static int hb_eval(void *state, double mass_GeV, double coupling, double *out, fb_err *err) {
  hb_state *st = state;
  double conv = 1.0;
  FB_CALL(err, hb_conversion(st, mass_GeV, &conv, err));
  FB_CALL(err, fb_hb_alp_eps_erg_g_s(&st->o, mass_GeV, conv * coupling, &out[0], err));
  return FB_OK;
}

static void hb_free(void *state) {
  hb_state *st = state;
  if (st && st->bc11) fb_stellar_fip_free(&st->fip);
  free(st);
}

static int hb_postprocess(void *state, const fb_config *cfg, const fb_scan_view *v, hid_t file, fb_err *err) {
  (void)cfg;
  hb_state *st = state;
  const fb_hb_options *o = &st->o;
  size_t nm = v->n_mass, nc = v->n_coupling;
  double *edges = malloc(nm * 3 * sizeof *edges);
  unsigned char *mask = malloc(nm * nc);
  int rc = FB_OK;
  FB_TEST_GOTO(err, rc, !edges || !mask, FB_ERR_MEMORY, done, "cannot allocate the HB bound arrays");
  for (size_t i = 0; i < nm; i++) {
    for (size_t j = 0; j < nc; j++) {
      size_t p = i * nc + j;
      mask[p] = (unsigned char)(v->status[p] == 0 && v->values[p] > o->eps_max_erg_g_s);
    }
    edges[3 * i] = v->mass[i];
    double conv = 1.0;
    FB_CALL_GOTO(err, rc, fb_hb_alp_edges_GeV(o, v->mass[i], &edges[3 * i + 1], &edges[3 * i + 2], err), done);
    FB_CALL_GOTO(err, rc, hb_conversion(st, v->mass[i], &conv, err), done);
    edges[3 * i + 1] /= conv;
    edges[3 * i + 2] /= conv;
  }
  {
    hsize_t de[2] = {nm, 3}, dm[2] = {nm, nc};
    FB_CALL_GOTO(err, rc, fb_h5_dataset(file, "bounds/hb/edges", H5T_NATIVE_DOUBLE, 2, de, edges, "GeV, GeV^-1, GeV^-1",
                                        st->bc11 ? "per grid mass: mass_GeV, inv_fG_low, inv_fG_high (couplings between "
                                                   "are excluded by HB stars through the induced g_agamma; high +inf: "
                                                   "decay = off; NaN: closed)"
                                                 : "per grid mass: mass_GeV, g_low_GeV, g_high_GeV (couplings between "
                                                   "are excluded by HB stars; high +inf: decay = off; NaN: closed)",
                                        err), done);
    FB_CALL_GOTO(err, rc, fb_h5_dataset(file, "bounds/hb/excluded", H5T_NATIVE_UINT8, 2, dm, mask, "",
                                        "1 where the HB-core energy loss exceeds eps_max", err), done);
    /* eps_a ~ g^2: scaling g_max by r scales the criterion by r^2 */
    const double ratio[3] = {1.0, st->ratio_weak, st->ratio_strong};
    static const char *const desc[3] = {
        "1 where excluded with the nominal criterion (= excluded)",
        "1 where eps_a > eps_max g_ratio_weak^2: lower edge at g_ratio_weak g_low (conservative edge of the range)",
        "1 where eps_a > eps_max g_ratio_strong^2: lower edge at g_ratio_strong g_low (aggressive edge: "
        "arXiv:2207.03102 by default)"};
    char src[128];
    snprintf(src, sizeof src, "R parameter (arXiv:1406.6053): weak x %.3g, strong x %.3g of g_max (default strong: R_2 "
             "of arXiv:2207.03102)", st->ratio_weak, st->ratio_strong);
    FB_CALL_GOTO(err, rc, fb_stellar_range_write(file, "hb", v, o->eps_max_erg_g_s, 2, ratio, NULL, desc, src, err), done);
    hid_t g = fb_h5_group(file, "bounds/hb");
    FB_TEST_GOTO(err, rc, g < 0, FB_ERR_HDF5, done, "cannot open /bounds/hb");
    rc = fb_h5_attr_double(g, "g_ratio_weak", st->ratio_weak, err);
    if (rc == FB_OK) rc = fb_h5_attr_double(g, "g_ratio_strong", st->ratio_strong, err);
    H5Gclose(g);
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
    FB_MODEL_AXES(BC9),
    .n_quantities = sizeof hb_quantities / sizeof hb_quantities[0],
    .quantities = hb_quantities,
    .n_keys = sizeof hb_keys / sizeof hb_keys[0],
    .keys = hb_keys,
    .init = hb_init,
    .eval = hb_eval,
    .free = hb_free,
    .postprocess = hb_postprocess,
};

const fb_model_ops fb_model_bc11_hb = {
    .name = "bc11_hb",
    .benchmark = "BC11",
    .description = "horizontal-branch Primakoff bound on the BC11 ALP-gluon coupling through its induced photon coupling",
    FB_MODEL_AXES(BC11),
    .n_quantities = sizeof hb_quantities / sizeof hb_quantities[0],
    .quantities = hb_quantities,
    .n_keys = 0, /* reads the [hb] keys declared by bc9_hb */
    .keys = NULL,
    .init = hb_bc11_init,
    .eval = hb_eval,
    .free = hb_free,
    .postprocess = hb_postprocess,
};
