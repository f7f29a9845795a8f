/**
 * @file fb_fip.c
 * @brief The registry of particle models (fb_fip.h), name aliases, and the scan-model adapter.
 */
#include "fb_fip.h"

#include "fb_benchmark_axes.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The particle models, one file each (src/models/fb_fip_<name>.c). Add a model: define
 * `const fb_fip_ops fb_fip_<name>` and list it here. */
extern const fb_fip_ops fb_fip_bc1;
extern const fb_fip_ops fb_fip_bc3;
extern const fb_fip_ops fb_fip_bc9;
extern const fb_fip_ops fb_fip_bc4;
extern const fb_fip_ops fb_fip_bc5;
extern const fb_fip_ops fb_fip_bc6, fb_fip_bc7, fb_fip_bc8; /* fb_fip_hnl.c */
extern const fb_fip_ops fb_fip_bc10;
extern const fb_fip_ops fb_fip_bc11;

static const fb_fip_ops *const fips[] = {
    &fb_fip_bc1,
    &fb_fip_bc3,
    &fb_fip_bc9,
    &fb_fip_bc4,
    &fb_fip_bc5,
    &fb_fip_bc6,
    &fb_fip_bc7,
    &fb_fip_bc8,
    &fb_fip_bc10,
    &fb_fip_bc11,
};
#define N_FIPS (sizeof fips / sizeof fips[0])

const fb_fip_ops *fb_fip_find(const char *name, const char **note) {
  static char msg[160];
  if (note) *note = NULL;
  if (!name) return NULL;
  for (size_t i = 0; i < N_FIPS; i++)
    if (!strcmp(fips[i]->name, name)) return fips[i];
  /* old names (src/models/fb_benchmark_axes.c) */
  const char *canonical = fb_benchmark_model_canonical(name);
  for (size_t i = 0; canonical && i < N_FIPS; i++)
    if (!strcmp(fips[i]->name, canonical)) {
      if (note) {
        snprintf(msg, sizeof msg, "'%s' is an old name of model '%s'; use '%s'", name, fips[i]->name, fips[i]->name);
        *note = msg;
      }
      return fips[i];
    }
  return NULL;
}

size_t fb_fip_count(void) { return N_FIPS; }
const fb_fip_ops *fb_fip_at(size_t i) { return i < N_FIPS ? fips[i] : NULL; }

const char *fb_fip_coupling_canonical(const char *name) { return fb_benchmark_coupling_canonical(name); }

int fb_fip_values_put(fb_fip_values *vals, const char *name, const char *unit, const char *description,
                      double value, fb_err *err) {
  FB_TEST(err, vals->n >= FB_FIP_MAX_VALUES, FB_ERR_INTERNAL, "more than %d production values ('%s')",
          FB_FIP_MAX_VALUES, name);
  vals->v[vals->n].name = name;
  vals->v[vals->n].unit = unit;
  vals->v[vals->n].description = description;
  vals->v[vals->n].value = value;
  vals->n++;
  return FB_OK;
}

int fb_fip_config_default(const fb_fip_ops *ops, fb_config *cfg, fb_err *err) {
  static const fb_key_spec none[1] = {{0}};
  const fb_key_spec *tables[1] = {ops->n_keys ? ops->keys : none};
  size_t counts[1] = {ops->n_keys};
  memset(cfg, 0, sizeof *cfg);
  FB_CALL(err, fb_config_init(cfg, tables, counts, 1, err));
  return FB_OK;
}

int fb_fip_config_from(const fb_fip_ops *ops, const fb_config *user, fb_config *cfg, fb_err *err) {
  FB_CALL(err, fb_fip_config_default(ops, cfg, err));
  const size_t n = fb_config_n_keys(user);
  for (size_t i = 0; i < n; i++) {
    const fb_key_spec *spec = NULL;
    const char *text = NULL, *origin = NULL;
    if (fb_config_key_at(user, i, &spec, &text, &origin) != FB_OK || !spec || !text || !origin) continue;
    if (!strcmp(origin, "default") || !fb_config_has_key(cfg, spec->section, spec->key)) continue;
    char a[1024];
    const int len = snprintf(a, sizeof a, "%s.%s=%s", spec->section, spec->key, text);
    int rc = len > 0 && (size_t)len < sizeof a ? fb_config_set(cfg, a, err)
                                               : fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__,
                                                            "[%s] %s: value too long", spec->section, spec->key);
    if (rc != FB_OK) {
      fb_config_free(cfg);
      return fb_err_push(err, rc, __func__, __LINE__, "the run's keys of this particle model");
    }
  }
  return FB_OK;
}

int fb_fip_check_point(const fb_fip_ops *ops, double mass_GeV, double coupling, fb_err *err) {
  FB_TEST(err, !(mass_GeV > ops->mass_min_GeV && mass_GeV <= ops->mass_max_GeV), FB_ERR_RANGE,
          "model %s (%s): mass_GeV = %g is outside its valid range %g < mass_GeV <= %g", ops->name,
          ops->benchmark, mass_GeV, ops->mass_min_GeV, ops->mass_max_GeV);
  FB_TEST(err, !(coupling > 0.0 && coupling <= ops->coupling_max), FB_ERR_RANGE,
          "model %s (%s): %s = %g is outside its valid range 0 < %s <= %g", ops->name, ops->benchmark,
          ops->coupling_name, coupling, ops->coupling_name, ops->coupling_max);
  return FB_OK;
}

/* ---------------------------------------------------------------- scan-model adapter */
int fb_fip_scan_init(const fb_fip_ops *ops, size_t n_channels, void **state, const fb_config *cfg, fb_err *err) {
  fb_fip_scan *s = calloc(1, sizeof *s);
  FB_TEST(err, !s, FB_ERR_MEMORY, "cannot allocate the %s scan state", ops->name);
  s->ops = ops;
  s->n_channels = n_channels;
  s->cached_mass_GeV = NAN;
  if (ops->init) {
    int rc = ops->init(&s->model, cfg, err);
    if (rc != FB_OK) {
      free(s);
      return fb_err_push(err, rc, __func__, __LINE__, ops->name);
    }
  }
  *state = s;
  return FB_OK;
}

int fb_fip_scan_eval(void *state, double mass_GeV, double coupling, double *out, fb_err *err) {
  fb_fip_scan *s = state;
  FB_TEST(err, !s->ops->decay, FB_ERR_INTERNAL, "model %s has no decays", s->ops->name);
  FB_CALL(err, fb_fip_check_point(s->ops, mass_GeV, coupling, err));
  if (!(mass_GeV == s->cached_mass_GeV)) {
    s->cached_mass_GeV = NAN;
    FB_CALL(err, s->ops->decay(s->model, mass_GeV, 1.0, &s->cached, err));
    FB_TEST(err, s->cached.n_channels != s->n_channels, FB_ERR_INTERNAL,
            "model %s returned %zu channels, its quantity table has %zu", s->ops->name, s->cached.n_channels,
            s->n_channels);
    s->cached_mass_GeV = mass_GeV;
  }
  fb_decay d;
  FB_CALL(err, fb_decay_rescale(&s->cached, coupling, s->ops->coupling_power, &d, err));
  size_t q = 0;
  out[q++] = d.width_GeV;
  out[q++] = d.tau_s;
  out[q++] = d.ctau_m;
  for (size_t k = 0; k < d.n_channels; k++) out[q++] = d.ch[k].br;
  for (int c = 0; c < FB_N_DECAY_CLASSES; c++) out[q++] = d.efrac[c];
  return FB_OK;
}

void fb_fip_scan_free(void *state) {
  fb_fip_scan *s = state;
  if (!s) return;
  if (s->ops->free) s->ops->free(s->model);
  free(s);
}
