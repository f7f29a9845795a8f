/**
 * @file fb_stellar_fip.h
 * @brief The production couplings of a registered particle model (src/models/fb_fip.h) as the stellar
 *        bounds need them: e.g. the induced photon coupling g_agamma or the nucleon couplings g_ap, g_an of
 *        the BC10/BC11 ALPs, per unit of the model's own coupling axis (inv_fl, inv_fG).
 *
 * Call order: fb_stellar_fip_init (the model with the run's or its default options, once) -> fb_stellar_fip_value (any
 * number) -> fb_stellar_fip_free. The model's production values are linear in its coupling for BC9-BC11, so
 * the value at coupling 1 is the conversion factor; the function checks that linearity at coupling 2.
 * Units: those of the model's value (GeV^-1 for g_agamma per GeV^-1 of inv_fG: dimensionless).
 */
#ifndef FB_STELLAR_FIP_H
#define FB_STELLAR_FIP_H

#include "fb_config.h"
#include "fb_error.h"
#include "fb_fip.h"

typedef struct fb_stellar_fip {
  const fb_fip_ops *ops;
  fb_config cfg;
  void *state;
} fb_stellar_fip;

/** Set up particle model `model` ("bc10", "bc11", ...) with the keys the run's configuration `run_cfg` sets
 *  for it (its [bc11] section ...; NULL: the model's defaults).
 *  Errors: FB_ERR_INPUT if unknown or without production couplings; the model's init errors. */
int fb_stellar_fip_init(fb_stellar_fip *f, const char *model, const fb_config *run_cfg, fb_err *err);

/** The production value `name` at mass_GeV per unit coupling. Errors: FB_ERR_INPUT if the model has no
 *  such value, FB_ERR_NUMERIC if the value is not linear in the coupling. */
int fb_stellar_fip_value(const fb_stellar_fip *f, const char *name, double mass_GeV, double *per_unit, fb_err *err);

void fb_stellar_fip_free(fb_stellar_fip *f);

#endif /* FB_STELLAR_FIP_H */
