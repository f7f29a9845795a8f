/**
 * @file stellar_h5_check.h
 * @brief Readers of scan-output masks and attributes for the stellar Check tests (test_sn_systematic.c,
 *        test_stellar_range.c): each asserts that the object exists and reads.
 */
#ifndef STELLAR_H5_CHECK_H
#define STELLAR_H5_CHECK_H

#include <check.h>
#include <hdf5.h>
#include <math.h>

/** A uint8 dataset (a /bounds mask) into buf. */
static inline void read_u8(hid_t f, const char *path, unsigned char *buf) {
  hid_t d = H5Dopen2(f, path, H5P_DEFAULT);
  ck_assert_msg(d >= 0, "missing %s", path);
  ck_assert_int_ge(H5Dread(d, H5T_NATIVE_UINT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf), 0);
  H5Dclose(d);
}

/** A double attribute `name` of the object at `group`. */
static inline double read_attr_f64(hid_t f, const char *group, const char *name) {
  double x = NAN;
  hid_t a = H5Aopen_by_name(f, group, name, H5P_DEFAULT, H5P_DEFAULT);
  ck_assert_msg(a >= 0, "missing attribute %s of %s", name, group);
  ck_assert_int_ge(H5Aread(a, H5T_NATIVE_DOUBLE, &x), 0);
  H5Aclose(a);
  return x;
}

#endif
