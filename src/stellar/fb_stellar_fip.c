/**
 * @file fb_stellar_fip.c
 * @brief Production couplings of a particle model for the stellar bounds; see fb_stellar_fip.h.
 */
#include "fb_stellar_fip.h"

#include <math.h>
#include <string.h>

int fb_stellar_fip_init(fb_stellar_fip *f, const char *model, const fb_config *run_cfg, fb_err *err) {
  memset(f, 0, sizeof *f);
  f->ops = fb_fip_find(model, NULL);
  FB_TEST(err, !f->ops || !f->ops->production, FB_ERR_INPUT, "particle model %s with production couplings not found",
          model);
  FB_CALL(err, run_cfg ? fb_fip_config_from(f->ops, run_cfg, &f->cfg, err) : fb_fip_config_default(f->ops, &f->cfg, err));
  if (f->ops->init) {
    int rc = f->ops->init(&f->state, &f->cfg, err);
    if (rc != FB_OK) {
      fb_config_free(&f->cfg);
      return fb_err_push(err, rc, __func__, __LINE__, "particle model init");
    }
  }
  return FB_OK;
}

static int value_at(const fb_stellar_fip *f, const char *name, double m, double g, double *v, fb_err *err) {
  fb_fip_values vals;
  FB_CALL(err, f->ops->production(f->state, m, g, &vals, err));
  for (size_t i = 0; i < vals.n; i++)
    if (!strcmp(vals.v[i].name, name)) {
      *v = vals.v[i].value;
      return FB_OK;
    }
  FB_FAIL(err, FB_ERR_INPUT, "particle model %s has no production value %s", f->ops->name, name);
}

int fb_stellar_fip_value(const fb_stellar_fip *f, const char *name, double mass_GeV, double *per_unit, fb_err *err) {
  double v1, v2;
  FB_CALL(err, value_at(f, name, mass_GeV, 1.0, &v1, err));
  FB_CALL(err, value_at(f, name, mass_GeV, 2.0, &v2, err));
  FB_TEST(err, !(fabs(v2 - 2.0 * v1) <= 1e-12 * fabs(v2)), FB_ERR_NUMERIC,
          "%s of %s is not linear in the coupling (%g at 1, %g at 2)", name, f->ops->name, v1, v2);
  *per_unit = v1;
  return FB_OK;
}

void fb_stellar_fip_free(fb_stellar_fip *f) {
  if (f->state && f->ops && f->ops->free) f->ops->free(f->state);
  fb_config_free(&f->cfg);
  f->state = NULL;
}
