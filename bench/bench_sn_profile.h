/**
 * @file bench_sn_profile.h
 * @brief Profile choice of the SN benchmarks: "garching" = the Garching-format file named by the environment variable
 *        FIPBOUNDS_GARCHING_PROFILE read with the garching column preset (docs/sn-profile.md section 2; not shipped),
 *        anything else a fipbounds-layout file.
 */
#ifndef BENCH_SN_PROFILE_H
#define BENCH_SN_PROFILE_H

#include <stdlib.h>
#include <string.h>

#include "fb_sn_profile.h"

/* Read file (or the Garching file for "garching"); FB_ERR_INPUT if the variable is unset. */
static inline int bench_sn_profile_read(fb_sn_profile *p, const char *file, fb_err *err) {
  if (strcmp(file, "garching")) return fb_sn_profile_read(p, file, NULL, err);
  const char *path = getenv("FIPBOUNDS_GARCHING_PROFILE");
  FB_TEST(err, !path || !*path, FB_ERR_INPUT, "profile 'garching': set FIPBOUNDS_GARCHING_PROFILE to a Garching file");
  fb_sn_profile_columns c;
  fb_sn_profile_columns_garching(&c);
  return fb_sn_profile_read(p, path, &c, err);
}

#endif /* BENCH_SN_PROFILE_H */
