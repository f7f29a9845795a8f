/**
 * @file fb_stellar_range.c
 * @brief /bounds/<star>/{nominal, weak, strong} of a one-zone cooling bound (fb_stellar_range.h).
 */
#include "fb_stellar_range.h"

#include <stdio.h>
#include <stdlib.h>

#include "fb_h5.h"

int fb_stellar_range_check(const double b[3], const char *sec, const char *key, fb_err *err) {
  FB_TEST(err, !(b[2] > 0 && b[2] <= b[0] && b[0] <= b[1]), FB_ERR_INPUT,
          "[%s] needs 0 < %s_strong <= %s <= %s_weak (got %g, %g, %g)", sec, key, key, key, b[2], b[0], b[1]);
  return FB_OK;
}

int fb_stellar_range_write(hid_t file, const char *star, const fb_scan_view *v, double threshold_nominal, int power,
                           const double ratio[3], const double *upper, const char *const desc[3], const char *sources,
                           fb_err *err) {
  static const char *const set_name[3] = {"nominal", "weak", "strong"};
  FB_TEST(err, !(ratio[0] == 1.0 && ratio[2] > 0 && ratio[2] <= 1.0 && ratio[1] >= 1.0) || (power != 1 && power != 2),
          FB_ERR_INPUT, "/bounds/%s: the range needs coupling ratios strong <= 1 <= weak (got %g, %g) and power 1 or 2",
          star, ratio[2], ratio[1]);
  const size_t np = v->n_mass * v->n_coupling;
  unsigned char *mask = malloc(np ? np : 1);
  FB_TEST(err, !mask, FB_ERR_MEMORY, "cannot allocate the /bounds/%s range mask", star);
  int rc = FB_OK;
  hsize_t dm[2] = {v->n_mass, v->n_coupling};
  char path[96];
  for (int k = 0; k < 3 && rc == FB_OK; k++) {
    const double thr = threshold_nominal * (power == 2 ? ratio[k] * ratio[k] : ratio[k]);
    for (size_t p = 0; p < np; p++)
      mask[p] = (unsigned char)(v->status[p] == 0 && v->values[p] > thr &&
                                (!upper || v->coupling[p % v->n_coupling] < upper[p / v->n_coupling]));
    snprintf(path, sizeof path, "bounds/%s/%s", star, set_name[k]);
    rc = fb_h5_dataset(file, path, H5T_NATIVE_UINT8, 2, dm, mask, "", desc[k], err);
  }
  free(mask);
  if (rc != FB_OK) return rc;
  snprintf(path, sizeof path, "bounds/%s", star);
  hid_t g = fb_h5_group(file, path);
  FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot open /%s", path);
  rc = fb_h5_attr_double(g, "coupling_ratio_weak", ratio[1], err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "coupling_ratio_strong", ratio[2], err);
  if (rc == FB_OK) rc = fb_h5_attr_string(g, "range_sources", sources ? sources : "", err);
  H5Gclose(g);
  return rc;
}
