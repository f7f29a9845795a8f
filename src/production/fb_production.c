/**
 * @file fb_production.c
 * @brief Registry of the benchmark productions (fb_production.h).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_production.h"

extern const fb_production_ops fb_production_bc1;
extern const fb_production_ops fb_production_bc4;
extern const fb_production_ops fb_production_bc5;
extern const fb_production_ops fb_production_bc9;
extern const fb_production_ops fb_production_bc10, fb_production_bc11;

/* one entry per benchmark with a production, in the registry order of src/models/fb_fip.c */
static const fb_production_ops *const PRODUCTIONS[] = {
    &fb_production_bc1,
    &fb_production_bc4,
    &fb_production_bc5,
    &fb_production_bc9,
    &fb_production_bc10,
    &fb_production_bc11,
};
#define N_PRODUCTIONS ((int)(sizeof PRODUCTIONS / sizeof PRODUCTIONS[0]))

int fb_production_count(void) { return N_PRODUCTIONS; }

const fb_production_ops *fb_production_at(int i) { return i >= 0 && i < N_PRODUCTIONS ? PRODUCTIONS[i] : NULL; }

const fb_production_ops *fb_production_find(const char *fip) {
  for (int i = 0; fip && i < N_PRODUCTIONS; ++i)
    if (strcmp(PRODUCTIONS[i]->fip, fip) == 0) return PRODUCTIONS[i];
  return NULL;
}

int fb_production_init(fb_production *p, const char *fip, const fb_config *cfg, fb_err *err) {
  p->ops = NULL;
  p->state = NULL;
  const fb_production_ops *ops = fb_production_find(fip);
  if (!ops) {
    char list[256] = "";
    for (int i = 0; i < N_PRODUCTIONS; ++i) {
      strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
      strncat(list, PRODUCTIONS[i]->fip, sizeof list - strlen(list) - 1);
    }
    FB_FAIL(err, FB_ERR_INPUT, "no production by scatterings registered for model '%s' (registered: %s)",
            fip ? fip : "(null)", list);
  }
  if (ops->init) {
    const int rc = ops->init(&p->state, cfg, err);
    if (rc != FB_OK) { /* an init that set its state before failing: free it here (the caller cannot) */
      if (ops->free && p->state) ops->free(p->state);
      p->state = NULL;
      return fb_err_push(err, rc, __func__, __LINE__, "initialising a production by scatterings");
    }
  }
  p->ops = ops;
  return FB_OK;
}

int fb_production_tabulable(const fb_production *p) {
  return p && p->ops && !p->ops->fixed_part && !p->ops->rate_bin_GeV;
}

double fb_production_rate(const fb_production *p, double mass_GeV, double coupling, double T_GeV) {
  return p && p->ops ? p->ops->rate_GeV(p->state, mass_GeV, coupling, T_GeV) : 0.0;
}

void fb_production_free(fb_production *p) {
  if (!p) return;
  if (p->ops && p->ops->free && p->state) p->ops->free(p->state);
  p->ops = NULL;
  p->state = NULL;
}

double fb_production_callback(double T_GeV, void *user) {
  const fb_production_point *pt = user;
  return fb_production_rate(pt->p, pt->mass_GeV, pt->coupling, T_GeV);
}

double fb_production_callback_energy(double T_GeV, void *user, double *mean_E_GeV) {
  const fb_production_point *pt = user;
  *mean_E_GeV = NAN;
  if (!pt->p || !pt->p->ops) return 0.0;
  if (pt->p->ops->rate_energy_GeV)
    return pt->p->ops->rate_energy_GeV(pt->p->state, pt->mass_GeV, pt->coupling, T_GeV, mean_E_GeV);
  return fb_production_rate(pt->p, pt->mass_GeV, pt->coupling, T_GeV);
}

double fb_production_qgp_fraction(double T_GeV) {
  return T_GeV < 0.5 * FB_QCD_TPC_GEV ? 0.0 : 0.5 * (1.0 + tanh((T_GeV - FB_QCD_TPC_GEV) / (0.1 * FB_QCD_TPC_GEV)));
}
