/**
 * @file fb_stellar_range.h
 * @brief The observational / model range of a stellar cooling bound (issue 16 "Systematic bands"):
 *        /bounds/<star>/{nominal, weak, strong} from three thresholds on the scan's first quantity.
 *
 * Shared by the one-zone cooling bounds whose range is a scaled criterion: bc3_rg, bc3_hb (millicharge,
 * fb_model_bc3_rg.c), bc9_hb, bc11_hb (fb_model_bc9_hb.c), bc10_rg, bc10_wd (fb_model_bc10_rg.c).
 * A point is excluded by set k (0 nominal, 1 weak: the conservative edge, 2 strong: the aggressive edge) where
 * its status is ok and its value exceeds the nominal threshold scaled to the coupling ratio of set k; with
 * strong ratio <= 1 <= weak ratio the masks nest: weak within nominal within strong.
 */
#ifndef FB_STELLAR_RANGE_H
#define FB_STELLAR_RANGE_H

#include <hdf5.h>

#include "fb_error.h"
#include "fb_model.h"

/** A numeric macro (e.g. a cited bound of fb_constants.h) as the text of a key default, so that the key
 *  default and the constant cannot drift apart. */
#define FB_STELLAR_STR_(x) #x
#define FB_STELLAR_STR(x) FB_STELLAR_STR_(x)

/** The three masks of v (values of quantity 0) as uint8 datasets /bounds/<star>/nominal, weak, strong with the
 *  descriptions desc[k]: excluded by set k where the value exceeds threshold_nominal x ratio[k]^power (ratio:
 *  the coupling edge of set k over the nominal one, ratio[0] = 1; power: how the quantity scales with the
 *  coupling, 2 for an energy loss, 1 for an effective coupling), and the ratios as attributes
 *  coupling_ratio_weak / coupling_ratio_strong of /bounds/<star> (read by tools/summary_outline.py), with the
 *  attribute range_sources (the papers of the three edges, in words; the summary figures' legends name them).
 *  upper (NULL: none): per grid mass, the coupling above which the bound does not apply (trapping), the same for
 *  the three sets. FB_ERR_INPUT unless ratio[2] <= 1 <= ratio[1]. */
int fb_stellar_range_write(hid_t file, const char *star, const fb_scan_view *v, double threshold_nominal, int power,
                           const double ratio[3], const double *upper, const char *const desc[3], const char *sources,
                           fb_err *err);

/** Checks strong <= nominal <= weak for three published bounds b[3] = {nominal, weak, strong} of section
 *  sec, keys key (e.g. "mu_nu_max_muB", "_weak", "_strong" appended); FB_ERR_INPUT naming them otherwise. */
int fb_stellar_range_check(const double b[3], const char *sec, const char *key, fb_err *err);

#endif
