/**
 * @file bbn_bounds.h
 * @brief The /bounds/bbn and /bounds/neff outputs shared by the BBN scan models
 *        (fb_model_bbn_decay.c, fb_model_bbn_fip.c).
 */
#ifndef BBN_BOUNDS_H
#define BBN_BOUNDS_H

#include <hdf5.h>

#include "bbn.h"
#include "fb_model.h"

/** Write /bounds/bbn/excluded (delta_chi2 > 5.99) and /bounds/neff/excluded (|neff - 2.99| > 0.34; the
 *  models pass Neff_rec, N_eff at recombination)
 *  over the scan v (arrays [n_mass][n_coupling]; failed points are not excluded) with the criteria,
 *  standard BBN's chi2 and Neff, and `note` (the abundance assumption) as attributes. */
int bbn_write_bounds(hid_t file, const fb_scan_view *v, const double *delta_chi2, const double *neff,
                     const bbn_result *sbbn, const char *note, fb_err *err);

#endif /* BBN_BOUNDS_H */
