/**
 * @file fb_model_bc1.c
 * @brief PBC benchmark BC1 (minimal dark photon, mass m_A' and kinetic mixing epsilon) as a scan
 *        model: lifetime, c*tau and branching ratios at each (m_A', epsilon).
 *
 * All widths scale as epsilon^2, so the state caches the epsilon = 1 decay of the last mass seen
 * (the driver hands out points in mass-major order, so the cache hits for a whole grid row).
 */
#include <math.h>
#include <stdlib.h>

#include "fb_darkphoton.h"
#include "fb_benchmark_axes.h"
#include "fb_model.h"

typedef struct bc1_state {
  fb_rratio rratio;
  double cached_mass_GeV;        /**< mass of the cached eps = 1 decay, NaN if none */
  fb_darkphoton_decay cached;    /**< decay at eps = 1 */
} bc1_state;

static const fb_quantity_spec bc1_quantities[] = {
    {"width_GeV", "GeV", "total decay width of the dark photon"},
    {"tau_s", "s", "proper lifetime hbar/Gamma"},
    {"ctau_m", "m", "proper decay length c*tau"},
    {"br_ee", "", "branching ratio A' -> e+ e-"},
    {"br_mumu", "", "branching ratio A' -> mu+ mu-"},
    {"br_tautau", "", "branching ratio A' -> tau+ tau-"},
    {"br_hadrons", "", "branching ratio A' -> hadrons (through the R ratio)"},
};

static int bc1_init(void **state, const fb_config *cfg, fb_err *err) {
  (void)cfg;
  bc1_state *s = calloc(1, sizeof *s);
  FB_TEST(err, !s, FB_ERR_MEMORY, "cannot allocate the BC1 model state");
  int rc = fb_rratio_init(&s->rratio, err);
  if (rc != FB_OK) {
    free(s);
    return fb_err_push(err, rc, __func__, __LINE__, "fb_rratio_init");
  }
  s->cached_mass_GeV = NAN;
  *state = s;
  return FB_OK;
}

static int bc1_eval(void *state, double mass_GeV, double epsilon, double *out, fb_err *err) {
  bc1_state *s = state;
  if (!(mass_GeV == s->cached_mass_GeV)) {
    FB_CALL(err, fb_darkphoton_decay_compute(&s->rratio, mass_GeV, 1.0, &s->cached, err));
    s->cached_mass_GeV = mass_GeV;
  }
  fb_darkphoton_decay d_eps, *d = &d_eps;
  FB_CALL(err, fb_darkphoton_decay_rescale(&s->cached, epsilon, &d_eps, err));
  out[0] = d->width_GeV;
  out[1] = d->tau_s;
  out[2] = d->ctau_m;
  out[3] = d->br_ee;
  out[4] = d->br_mumu;
  out[5] = d->br_tautau;
  out[6] = d->br_hadrons;
  return FB_OK;
}

static void bc1_free(void *state) {
  bc1_state *s = state;
  if (!s) return;
  fb_rratio_free(&s->rratio);
  free(s);
}

const fb_model_ops fb_model_bc1 = {
    .name = "bc1",
    .benchmark = "BC1",
    .description = "minimal dark photon A' with kinetic mixing epsilon (PBC BC1)",
    FB_MODEL_AXES(BC1),
    .n_quantities = sizeof bc1_quantities / sizeof bc1_quantities[0],
    .quantities = bc1_quantities,
    .n_keys = 0,
    .keys = NULL,
    .init = bc1_init,
    .eval = bc1_eval,
    .free = bc1_free,
};
