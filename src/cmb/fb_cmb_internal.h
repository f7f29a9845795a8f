/**
 * @file fb_cmb_internal.h
 * @brief Helpers shared by the CMB scan models (fb_model_cmb_decay.c, fb_model_cmb_fip.c): the three
 *        /bounds groups (cmb_mu, cmb_y, cmb_anisotropies) with their criteria and references.
 */
#ifndef FB_CMB_INTERNAL_H
#define FB_CMB_INTERNAL_H

#include <hdf5.h>
#include <stddef.h>

#include "fb_cmb.h"

enum { FB_CMB_BOUND_MU = 0, FB_CMB_BOUND_Y = 1, FB_CMB_BOUND_ANISO = 2, FB_CMB_N_BOUNDS = 3 };

typedef struct fb_cmb_bound_spec {
  const char *name;      /**< group below /bounds */
  double limit;          /**< excluded where |value| > limit */
  char criterion[1024];  /**< attribute text */
  const char *reference; /**< attribute text */
} fb_cmb_bound_spec;

/** The three bounds of parameters p; `condition` (e.g. "under the stated abundance assumption") is
 *  appended to each criterion. */
void fb_cmb_bound_specs(const fb_cmb_params *p, const char *condition, fb_cmb_bound_spec out[FB_CMB_N_BOUNDS]);

/** Write /bounds/<name>/excluded (uint8 [nm][nc]) and the attributes criterion, reference, limit
 *  and (if attr_name is not NULL) one more string attribute. */
int fb_cmb_write_bound(hid_t file, const fb_cmb_bound_spec *b, const unsigned char *mask, size_t nm, size_t nc,
                       const char *attr_name, const char *attr_value, fb_err *err);

#endif /* FB_CMB_INTERNAL_H */
