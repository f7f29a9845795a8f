/**
 * @file fb_model_freezein.c
 * @brief Freeze-in target lines as scan models, one scan point per mass (spread over the MPI
 *        ranks by the driver, like bc2_target):
 *  - freezein_light: the millicharge Q(m_chi) of Dirac chi with Omega h^2 = omega_h2_target
 *    (light mediator; 2->2 with hadrons via R and plasmon decay), written as
 *    /targets/freezein_light/{mass_GeV, Q, status} (+ CSV);
 *  - freezein_heavy: the kinetic mixing eps(m_A') with Omega h^2 = omega_h2_target for a fixed
 *    m_chi and alpha_D (heavy dark photon, m_A' > 2 m_chi), written as
 *    /targets/freezein_heavy/{mass_GeV (= m_A'), epsilon, status} (+ CSV).
 *
 * Input section [freezein] (documented in inputs/explanatory.ini): omega_h2_target, T_reheat_GeV,
 * rtol, mass_chi_GeV and alpha_D (freezein_heavy only), target_csv. [grid] n_coupling must be 1 (the
 * coupling axis is a placeholder; the target coupling is the output). Each point depends only on
 * its mass (no state carried between points): the file is the same for any number of ranks.
 * Physics and approximations: fb_freezein.h / fb_freezein.c.
 */
#include <hdf5.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_freezein.h"
#include "fb_path.h"
#include "fb_h5.h"
#include "fb_benchmark_axes.h"
#include "fb_model.h"

typedef struct fi_state {
  fb_freezein fi;
  int heavy;
  double omega_target, T_reheat_GeV, rtol, mass_chi_GeV, alpha_D;
  char csv[1024];
} fi_state;

static const fb_key_spec fi_keys[] = {
    {"freezein", "omega_h2_target", FB_KEY_DOUBLE, "0.120", 1e-6, 10.0, NULL, "",
     "relic density of the freeze-in target lines (Planck 2018: 0.120)"},
    {"freezein", "T_reheat_GeV", FB_KEY_DOUBLE, "1e4", 1e-3, 1e5, NULL, "GeV",
     "reheat temperature: freeze-in production starts there"},
    {"freezein", "rtol", FB_KEY_DOUBLE, "1e-4", 1e-5, 1e-2, NULL, "", "relative tolerance of every quadrature"},
    {"freezein", "mass_chi_GeV", FB_KEY_DOUBLE, "0.01", 1e-6, 1e3, NULL, "GeV",
     "dark-matter mass m_chi of the heavy-mediator line (freezein_heavy; m_A' > 2 m_chi)"},
    {"freezein", "alpha_D", FB_KEY_DOUBLE, "0.5", 1e-6, 1.0, NULL, "",
     "dark coupling g_D^2/(4 pi) of the heavy-mediator line (freezein_heavy)"},
    {"freezein", "target_csv", FB_KEY_STRING, "auto", 0, 0, NULL, "",
     "CSV of the target line: auto (next to the output file), none, or a path"},
};
#define FI_NK (sizeof fi_keys / sizeof fi_keys[0])

static const fb_quantity_spec light_quantities[] = {
    {"Q_target", "", "millicharge Q = eps g_D/e with Omega h^2 = omega_h2_target"},
    {"omega_h2_at_Q1", "", "Omega h^2 of chi + chibar at Q = 1 (Omega ~ Q^2)"},
    {"fraction_ee", "", "share of e+e- -> chi chibar in the yield"},
    {"fraction_mumu", "", "share of mu+mu- -> chi chibar"},
    {"fraction_tautau", "", "share of tau+tau- -> chi chibar"},
    {"fraction_hadrons", "", "share of hadrons (R ratio) / quarks -> chi chibar"},
    {"fraction_plasmon_T", "", "share of transverse plasmon decay"},
    {"fraction_plasmon_L", "", "share of longitudinal plasmon decay"},
};
#define LIGHT_NQ (sizeof light_quantities / sizeof light_quantities[0])

static const fb_quantity_spec heavy_quantities[] = {
    {"epsilon_target", "", "kinetic mixing eps with Omega h^2 = omega_h2_target"},
    {"width_invisible_GeV", "GeV", "Gamma(A' -> chi chibar)"},
    {"fraction_ee", "", "share of e+e- -> A'(*) -> chi chibar in the yield"},
    {"fraction_mumu", "", "share of mu+mu-"},
    {"fraction_tautau", "", "share of tau+tau-"},
    {"fraction_hadrons", "", "share of hadrons (R ratio) / quarks"},
};
#define HEAVY_NQ (sizeof heavy_quantities / sizeof heavy_quantities[0])

static void fi_free(void *state) {
  fi_state *s = state;
  if (!s) return;
  fb_freezein_free(&s->fi);
  free(s);
}

static int fi_init_common(void **state, const fb_config *cfg, int heavy, fb_err *err) {
  const long nc = fb_config_get_int(cfg, "grid", "n_coupling");
  if (nc != 1)
    return fb_config_error_at(cfg, "grid", "n_coupling",
                              "must be 1 for the freeze-in target models (the coupling axis is unused; the target is the output)",
                              err);
  fi_state *s = calloc(1, sizeof *s);
  FB_TEST(err, !s, FB_ERR_MEMORY, "cannot allocate the freeze-in model state");
  s->heavy = heavy;
  s->omega_target = fb_config_get_double(cfg, "freezein", "omega_h2_target");
  s->T_reheat_GeV = fb_config_get_double(cfg, "freezein", "T_reheat_GeV");
  s->rtol = fb_config_get_double(cfg, "freezein", "rtol");
  s->mass_chi_GeV = fb_config_get_double(cfg, "freezein", "mass_chi_GeV");
  s->alpha_D = fb_config_get_double(cfg, "freezein", "alpha_D");
  const char *csv = fb_config_get_string(cfg, "freezein", "target_csv");
  snprintf(s->csv, sizeof s->csv, "%s", csv ? csv : "auto");
  fb_freezein_params par;
  fb_freezein_params_default(&par);
  par.T_reheat_GeV = s->T_reheat_GeV;
  par.rtol = s->rtol;
  int rc;
  FB_CALL_GOTO(err, rc, fb_freezein_init(&s->fi, &par, err), fail);
  *state = s;
  return FB_OK;
fail:
  free(s);
  return rc;
}

static int light_init(void **state, const fb_config *cfg, fb_err *err) { return fi_init_common(state, cfg, 0, err); }
static int heavy_init(void **state, const fb_config *cfg, fb_err *err) { return fi_init_common(state, cfg, 1, err); }

static int light_eval(void *state, double mass_GeV, double coupling, double *out, fb_err *err) {
  (void)coupling;
  fi_state *s = state;
  double Q;
  fb_freezein_result r;
  FB_CALL(err, fb_freezein_light_target_Q(&s->fi, mass_GeV, s->omega_target, &Q, &r, err));
  out[0] = Q;
  out[1] = r.omega_h2;
  for (int i = 0; i < FB_FI_N_CHANNELS; i++) out[2 + i] = r.Y_channel[i] / r.Y;
  return FB_OK;
}

static int heavy_eval(void *state, double mA_GeV, double coupling, double *out, fb_err *err) {
  (void)coupling;
  fi_state *s = state;
  double eps;
  fb_freezein_result r;
  FB_CALL(err, fb_freezein_heavy_target_eps(&s->fi, s->mass_chi_GeV, mA_GeV, s->alpha_D, s->omega_target, &eps, &r, err));
  out[0] = eps;
  out[1] = r.width_inv_GeV;
  for (int i = 0; i < 4; i++) out[2 + i] = r.Y_channel[i] / r.Y;
  return FB_OK;
}

static int fi_csv_path(const fi_state *s, hid_t file, const char *tag, char *path, size_t n, fb_err *err) {
  if (strcmp(s->csv, "auto")) {
    snprintf(path, n, "%s", s->csv);
    return FB_OK;
  }
  char name[1024];
  const ssize_t len = H5Fget_name(file, name, sizeof name);
  FB_TEST(err, len < 0 || (size_t)len >= sizeof name, FB_ERR_HDF5, "H5Fget_name failed");
  size_t l = strlen(name);
  if (l > 4 && !strcmp(name + l - 4, ".tmp")) name[l -= 4] = '\0'; /* the driver renames OUTPUT.tmp */
  if (l > 3 && !strcmp(name + l - 3, ".h5")) name[l -= 3] = '\0';
  snprintf(path, n, "%s_target_%s.csv", name, tag);
  return FB_OK;
}

static int fi_postprocess(void *state, const fb_config *cfg, const fb_scan_view *scan, hid_t file, fb_err *err) {
  (void)cfg;
  const fi_state *s = state;
  const size_t nq = s->heavy ? HEAVY_NQ : LIGHT_NQ;
  FB_TEST(err, scan->n_coupling != 1 || scan->n_quantities != nq, FB_ERR_INTERNAL,
          "freeze-in postprocess: expected a (n_mass x 1) scan with %zu quantities", nq);
  const char *tag = s->heavy ? "freezein_heavy" : "freezein_light";
  const char *cname = s->heavy ? "epsilon" : "Q";
  const size_t n = scan->n_mass;
  const hsize_t n1 = n;
  char name[128];
  snprintf(name, sizeof name, "targets/%s/mass_GeV", tag);
  FB_CALL(err, fb_h5_dataset(file, name, H5T_NATIVE_DOUBLE, 1, &n1, scan->mass, "GeV",
                             s->heavy ? "dark-photon mass m_A'" : "dark-matter mass m_chi", err));
  snprintf(name, sizeof name, "targets/%s/%s", tag, cname);
  FB_CALL(err, fb_h5_dataset(file, name, H5T_NATIVE_DOUBLE, 1, &n1, scan->values, "",
                             s->heavy ? "kinetic mixing eps with Omega h^2 = omega_h2 (freeze-in; NaN: failed)"
                                      : "millicharge Q = eps g_D/e with Omega h^2 = omega_h2 (freeze-in; NaN: failed)",
                             err));
  snprintf(name, sizeof name, "targets/%s/status", tag);
  FB_CALL(err, fb_h5_dataset(file, name, H5T_NATIVE_INT, 1, &n1, scan->status, "", "0 ok, else fb error code", err));
  snprintf(name, sizeof name, "targets/%s", tag);
  hid_t g = fb_h5_group(file, name);
  FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot open group /%s", name);
  int rc = fb_h5_attr_double(g, "omega_h2", s->omega_target, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "T_reheat_GeV", s->T_reheat_GeV, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "rtol", s->rtol, err);
  if (rc == FB_OK && s->heavy) rc = fb_h5_attr_double(g, "mass_chi_GeV", s->mass_chi_GeV, err);
  if (rc == FB_OK && s->heavy) rc = fb_h5_attr_double(g, "alpha_D", s->alpha_D, err);
  if (rc == FB_OK)
    rc = fb_h5_attr_string(g, "dark_matter", "Dirac fermion chi; chi and chibar both counted in Omega h^2", err);
  if (rc == FB_OK)
    rc = fb_h5_attr_string(g, "channels",
                           s->heavy ? "f fbar -> A'(*) -> chi chibar, f = e, mu, tau, hadrons (R ratio); full Breit-Wigner"
                                    : "f fbar -> gamma* -> chi chibar (e, mu, tau, hadrons via R ratio), plasmon decay T and L",
                           err);
  if (rc == FB_OK)
    rc = fb_h5_attr_string(g, "statistics",
                           "2->2: Maxwell-Boltzmann initial states; plasmons: Bose-Einstein; no Pauli blocking of chi", err);
  H5Gclose(g);
  FB_CALL(err, rc);
  char path[1200];
  FB_CALL(err, fi_csv_path(s, file, tag, path, sizeof path, err));
  if (!strcmp(s->csv, "none")) return FB_OK;
  FB_CALL(err, fb_mkdir_parents(path, err));
  FILE *f = fopen(path, "w");
  FB_TEST(err, !f, FB_ERR_IO, "cannot write the target CSV %s ([freezein] target_csv)", path);
  if (s->heavy)
    fprintf(f, "# freeze-in through a heavy dark photon: m_chi = %g GeV, alpha_D = %g, Omega h^2 = %g, T_reheat = %g GeV\n",
            s->mass_chi_GeV, s->alpha_D, s->omega_target, s->T_reheat_GeV);
  else
    fprintf(f, "# freeze-in through a light mediator (millicharge Q = eps g_D/e): Omega h^2 = %g, T_reheat = %g GeV\n",
            s->omega_target, s->T_reheat_GeV);
  fprintf(f, "# status 0 = ok (else fb error code, value nan)\n");
  fprintf(f, "%s,%s,status\n", s->heavy ? "mA_GeV" : "mass_GeV", cname);
  for (size_t i = 0; i < n; i++) fprintf(f, "%.10g,%.10g,%d\n", scan->mass[i], scan->values[i], scan->status[i]);
  FB_TEST(err, fclose(f) != 0, FB_ERR_IO, "error closing %s", path);
  return FB_OK;
}

const fb_model_ops fb_model_freezein_light = {
    .name = "freezein_light",
    .benchmark = "BC2",
    .description = "freeze-in target Q(m_chi) of Dirac DM through a light dark photon (millicharge), one point per mass",
    FB_MODEL_MASS_AXIS(BC2),
    .coupling_name = "unused",
    .coupling_units = "",
    .coupling_description = "placeholder axis (n_coupling = 1); the target Q is an output quantity",
    .n_quantities = LIGHT_NQ,
    .quantities = light_quantities,
    .n_keys = FI_NK,
    .keys = fi_keys,
    .init = light_init,
    .eval = light_eval,
    .free = fi_free,
    .postprocess = fi_postprocess,
};

const fb_model_ops fb_model_freezein_heavy = {
    .name = "freezein_heavy",
    .benchmark = "BC2",
    .description = "freeze-in target eps(m_A') of Dirac DM through a heavy dark photon; reads [freezein]",
    FB_MODEL_MASS_AXIS(BC1), /* the dark photon's mass axis (> 2 m_chi here) */
    .coupling_name = "unused",
    .coupling_units = "",
    .coupling_description = "placeholder axis (n_coupling = 1); the target eps is an output quantity",
    .n_quantities = HEAVY_NQ,
    .quantities = heavy_quantities,
    .n_keys = 0,
    .keys = NULL,
    .init = heavy_init,
    .eval = heavy_eval,
    .free = fi_free,
    .postprocess = fi_postprocess,
};
