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

/** What a bcN_bbn scan state (fb_model_bbn_fip.c) keeps of its last point, so that `eval bbn-decay model=bcN`
 *  (eval_bbn_decay.c) reuses its BBN solves instead of repeating them when its inputs are the same
 *  (bbn_params_same, bbn_decay_same): standard BBN at the state's inputs and, if solved (tau >= 1e-3 s), BBN with
 *  the decaying particle (par.decay is NULL in the copy; d is that decay). */
typedef struct bbn_fip_point {
  int ok;             /**< 1: filled */
  int solved;         /**< 1: res and d are the last point's BBN with the decay */
  bbn_params par;     /**< the inputs of both solves (decay NULL) */
  bbn_decay d;
  bbn_result res, sbbn;
} bbn_fip_point;
/** Copy the last point of a bcN_bbn state (state from the scan model's init/eval). */
void bbn_fip_state_point(const void *state, bbn_fip_point *out);

#endif /* BBN_BOUNDS_H */
