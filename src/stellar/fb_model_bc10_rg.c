/**
 * @file fb_model_bc10_rg.c
 * @brief Scan models "bc10_rg" and "bc10_wd": the red-giant-tip and white-dwarf bounds on the electron
 *        coupling of the BC10 ALP on the (m_a, inv_fl = 1/f_l) plane (src/stellar/fb_rg_alp.h).
 *
 * Per point: g_ae_eff = g_ae sqrt(S(m_a/T)) with g_ae = m_e inv_fl, the coupling of a massless ALP with the
 * same core energy loss (S is computed once per mass: the driver hands out points in mass-major order).
 * Excluded where g_ae_eff > g_ae_max. The postprocess hook writes under /bounds/rg (bc10_rg) or
 * /bounds/wd (bc10_wd): edges [n_mass][2] (mass_GeV, inv_fl_max: couplings above are excluded; NaN where
 * the emission is Boltzmann suppressed beyond reach), excluded [n_mass][n_coupling] uint8 (= nominal),
 * nominal, weak and strong (the three massless bounds g_ae_max, g_ae_max_weak, g_ae_max_strong of the
 * input section, each with the same mass dependence), and attributes T_K and the three bounds.
 * Input sections [rg_alp] (bc10_rg) and [wd_alp] (bc10_wd).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "fb_constants.h"
#include "fb_h5.h"
#include "fb_benchmark_axes.h"
#include "fb_model.h"
#include "fb_rg_alp.h"
#include "fb_stellar_range.h"

typedef struct rgalp_state {
  int star;
  fb_rg_alp_options o;
  double mass_GeV, sqrt_S; /* cache: sqrt(S(m/T)) at mass_GeV (NaN: none) */
} rgalp_state;

static const fb_quantity_spec rg_quantities[] = {
    {"g_ae_eff", "",
     "g_ae sqrt(S(m_a/T)): the ALP-electron coupling of a massless ALP with the same red-giant core energy loss"},
};
static const fb_quantity_spec wd_quantities[] = {
    {"g_ae_eff", "",
     "g_ae sqrt(S(m_a/T)): the ALP-electron coupling of a massless ALP with the same white-dwarf core energy loss"},
};

/* defaults: the values of fb_constants.h FB_GAE_MAX_* as text (the arXiv references are there and in
 * fb_rg_alp.h), so that the key defaults and fb_rg_alp_options_default cannot drift apart */
#define RGALP_STR(x) FB_STELLAR_STR(x)
static const fb_key_spec rg_keys[] = {
    {"rg_alp", "T_K", FB_KEY_DOUBLE, "1e8", 1e6, 1e10, NULL, "K", "one-zone red-giant core temperature"},
    {"rg_alp", "g_ae_max", FB_KEY_DOUBLE, RGALP_STR(FB_GAE_MAX_RG_NGC4258), 1e-16, 1e-8, NULL, "",
     "massless bound on g_ae (arXiv:2007.03694, NGC 4258, 95% CL)"},
    {"rg_alp", "g_ae_max_weak", FB_KEY_DOUBLE, RGALP_STR(FB_GAE_MAX_RG_DS2023), 1e-16, 1e-8, NULL, "",
     "conservative massless bound (arXiv:2305.03113: alpha_26 <= 1.58)"},
    {"rg_alp", "g_ae_max_strong", FB_KEY_DOUBLE, RGALP_STR(FB_GAE_MAX_RG_OMEGACEN), 1e-16, 1e-8, NULL, "",
     "aggressive massless bound (arXiv:2007.03694, omega Cen)"},
};
static const fb_key_spec wd_keys[] = {
    {"wd_alp", "T_K", FB_KEY_DOUBLE, "1e7", 1e5, 1e10, NULL, "K", "one-zone white-dwarf core temperature"},
    {"wd_alp", "g_ae_max", FB_KEY_DOUBLE, RGALP_STR(FB_GAE_MAX_WD_GAIA), 1e-16, 1e-8, NULL, "",
     "massless bound on g_ae (arXiv:2603.00901, Gaia 100 pc WDLF, 95% CL)"},
    {"wd_alp", "g_ae_max_weak", FB_KEY_DOUBLE, RGALP_STR(FB_GAE_MAX_WD_MB2014), 1e-16, 1e-8, NULL, "",
     "conservative massless bound (arXiv:1406.7712)"},
    {"wd_alp", "g_ae_max_strong", FB_KEY_DOUBLE, RGALP_STR(FB_GAE_MAX_WD_GAIA), 1e-16, 1e-8, NULL, "", "aggressive massless bound"},
};

static int rgalp_init_star(void **state, const fb_config *cfg, int star, fb_err *err) {
  const char *sec = star == FB_STAR_WD ? "wd_alp" : "rg_alp";
  rgalp_state *s = calloc(1, sizeof *s);
  FB_TEST(err, !s, FB_ERR_MEMORY, "cannot allocate the bc10 stellar model state");
  s->star = star;
  fb_rg_alp_options_default(&s->o, star);
  s->o.T_K = fb_config_get_double(cfg, sec, "T_K");
  s->o.g_ae_max = fb_config_get_double(cfg, sec, "g_ae_max");
  s->o.g_ae_max_weak = fb_config_get_double(cfg, sec, "g_ae_max_weak");
  s->o.g_ae_max_strong = fb_config_get_double(cfg, sec, "g_ae_max_strong");
  s->mass_GeV = NAN;
  if (!(s->o.g_ae_max_strong <= s->o.g_ae_max && s->o.g_ae_max <= s->o.g_ae_max_weak)) {
    free(s);
    FB_FAIL(err, FB_ERR_INPUT, "[%s] needs g_ae_max_strong <= g_ae_max <= g_ae_max_weak", sec);
  }
  *state = s;
  return FB_OK;
}
static int rg_init(void **state, const fb_config *cfg, fb_err *err) {
  return rgalp_init_star(state, cfg, FB_STAR_RG, err);
}
static int wd_init(void **state, const fb_config *cfg, fb_err *err) {
  return rgalp_init_star(state, cfg, FB_STAR_WD, err);
}

static int rgalp_sqrt_S(rgalp_state *s, double mass_GeV, fb_err *err) {
  if (s->mass_GeV == mass_GeV) return FB_OK;
  double log_S;
  s->mass_GeV = NAN;
  FB_CALL(err, fb_rg_alp_log_suppression(mass_GeV / (s->o.T_K * FB_K_TO_GEV), &log_S, err));
  s->sqrt_S = exp(0.5 * log_S);
  s->mass_GeV = mass_GeV;
  return FB_OK;
}

static int rgalp_eval(void *state, double mass_GeV, double inv_fl, double *out, fb_err *err) {
  rgalp_state *s = state;
  FB_TEST(err, !(inv_fl >= 0), FB_ERR_RANGE, "inv_fl = %g GeV^-1 must be >= 0", inv_fl);
  FB_CALL(err, rgalp_sqrt_S(s, mass_GeV, err));
  out[0] = fb_rg_alp_bc10_g_ae(inv_fl) * s->sqrt_S;
  return FB_OK;
}

static void rgalp_free(void *state) { free(state); }

static int rgalp_postprocess(void *state, const fb_config *cfg, const fb_scan_view *v, hid_t file, fb_err *err) {
  (void)cfg;
  rgalp_state *s = state;
  const char *star = s->star == FB_STAR_WD ? "wd" : "rg";
  const double g0[3] = {s->o.g_ae_max, s->o.g_ae_max_weak, s->o.g_ae_max_strong};
  size_t nm = v->n_mass, nc = v->n_coupling;
  double *edges = malloc(nm * 2 * sizeof *edges);
  unsigned char *mask = malloc(nm * nc);
  int rc = FB_OK;
  FB_TEST_GOTO(err, rc, !edges || !mask, FB_ERR_MEMORY, done, "cannot allocate the %s bound arrays", star);
  for (size_t i = 0; i < nm; i++) {
    for (size_t j = 0; j < nc; j++) {
      size_t p = i * nc + j;
      mask[p] = (unsigned char)(v->status[p] == 0 && v->values[p] > g0[0]);
    }
    double g_max;
    FB_CALL_GOTO(err, rc, fb_rg_alp_g_ae_max(&s->o, s->o.g_ae_max, v->mass[i], &g_max, err), done);
    edges[2 * i] = v->mass[i];
    edges[2 * i + 1] = isfinite(g_max) ? g_max / FB_ME_GEV : NAN; /* inv_fl = g_ae/m_e */
  }
  {
    char path[64];
    hsize_t de[2] = {nm, 2}, dm[2] = {nm, nc};
    snprintf(path, sizeof path, "bounds/%s/edges", star);
    FB_CALL_GOTO(err, rc, fb_h5_dataset(file, path, H5T_NATIVE_DOUBLE, 2, de, edges, "GeV, GeV^-1",
                                        "per grid mass: mass_GeV, inv_fl_max (couplings above are excluded; NaN: "
                                        "emission Boltzmann-suppressed beyond reach)", err), done);
    snprintf(path, sizeof path, "bounds/%s/excluded", star);
    FB_CALL_GOTO(err, rc, fb_h5_dataset(file, path, H5T_NATIVE_UINT8, 2, dm, mask, "",
                                        "1 where g_ae_eff > g_ae_max (nominal)", err), done);
    static const char *const desc[3] = {"1 where g_ae_eff > g_ae_max (= excluded)",
                                        "1 where g_ae_eff > g_ae_max_weak (conservative edge)",
                                        "1 where g_ae_eff > g_ae_max_strong (aggressive edge)"};
    const double ratio[3] = {1.0, g0[1] / g0[0], g0[2] / g0[0]}; /* g_ae_eff is linear in the coupling */
    char src[128];
    snprintf(src, sizeof src, "g_ae < %.2g (nominal), %.2g (weak), %.2g (strong); defaults arXiv:%s", g0[0], g0[1], g0[2],
             s->star == FB_STAR_WD ? "2603.00901, 1406.7712" : "2007.03694, 2305.03113"); /* fb_constants.h */
    FB_CALL_GOTO(err, rc, fb_stellar_range_write(file, star, v, g0[0], 1, ratio, NULL, desc, src, err), done);
    snprintf(path, sizeof path, "bounds/%s", star);
    hid_t g = fb_h5_group(file, path);
    FB_TEST_GOTO(err, rc, g < 0, FB_ERR_HDF5, done, "cannot open /%s", path);
    rc = fb_h5_attr_double(g, "T_K", s->o.T_K, err);
    if (rc == FB_OK) rc = fb_h5_attr_double(g, "g_ae_max", s->o.g_ae_max, err);
    if (rc == FB_OK) rc = fb_h5_attr_double(g, "g_ae_max_weak", s->o.g_ae_max_weak, err);
    if (rc == FB_OK) rc = fb_h5_attr_double(g, "g_ae_max_strong", s->o.g_ae_max_strong, err);
    H5Gclose(g);
  }
done:
  free(edges);
  free(mask);
  return rc;
}

const fb_model_ops fb_model_bc10_rg = {
    .name = "bc10_rg",
    .benchmark = "BC10",
    .description = "red-giant-tip bound on the electron coupling of the BC10 ALP (g_ae = m_e/f_l), massive ALPs",
    FB_MODEL_AXES(BC10),
    .n_quantities = sizeof rg_quantities / sizeof rg_quantities[0],
    .quantities = rg_quantities,
    .n_keys = sizeof rg_keys / sizeof rg_keys[0],
    .keys = rg_keys,
    .init = rg_init,
    .eval = rgalp_eval,
    .free = rgalp_free,
    .postprocess = rgalp_postprocess,
};

const fb_model_ops fb_model_bc10_wd = {
    .name = "bc10_wd",
    .benchmark = "BC10",
    .description = "white-dwarf luminosity-function bound on the electron coupling of the BC10 ALP, massive ALPs",
    FB_MODEL_AXES(BC10),
    .n_quantities = sizeof wd_quantities / sizeof wd_quantities[0],
    .quantities = wd_quantities,
    .n_keys = sizeof wd_keys / sizeof wd_keys[0],
    .keys = wd_keys,
    .init = wd_init,
    .eval = rgalp_eval,
    .free = rgalp_free,
    .postprocess = rgalp_postprocess,
};
