/**
 * @file fb_h5.h
 * @brief Thin HDF5 helpers for self-describing output: groups without time stamps, datasets that
 *        always carry `units` and `description`, scalar attributes. Used by the scan output and by
 *        modules that add derived outputs (`/bounds/...`, `/targets/...`) in a model's postprocess
 *        hook. Every function returns an fb code (FB_ERR_HDF5 with the object name on failure).
 *        Not collective: serial HDF5 from one rank.
 */
#ifndef FB_H5_H
#define FB_H5_H

#include <hdf5.h>
#include <stddef.h>

#include "fb_error.h"

/** Open the group at a '/'-separated path below loc, creating missing groups (no time stamps).
 *  The caller closes the returned id with H5Gclose. Returns < 0 on failure. */
hid_t fb_h5_group(hid_t loc, const char *path);

int fb_h5_attr_string(hid_t obj, const char *name, const char *value, fb_err *err);
int fb_h5_attr_double(hid_t obj, const char *name, double value, fb_err *err);
int fb_h5_attr_long(hid_t obj, const char *name, long value, fb_err *err);

/** Write a dataset of rank 1 or 2 (dims[rank]) with `units` and `description` attributes.
 *  memtype: H5T_NATIVE_DOUBLE (stored as IEEE float64), H5T_NATIVE_INT (int32) or
 *  H5T_NATIVE_UINT8 (uint8, for masks). name may be a path; missing groups are created. */
/** A scalar UTF-8 string dataset `name` in loc holding `value` (any length; NULL = ""), with
 *  `units` "" and `description` attributes. */
int fb_h5_string_dataset(hid_t loc, const char *name, const char *value, const char *description, fb_err *err);

int fb_h5_dataset(hid_t loc, const char *name, hid_t memtype, int rank, const hsize_t *dims,
                  const void *data, const char *units, const char *description, fb_err *err);

/** Read a whole double dataset of exactly n values. */
/** Read a scalar fixed-length string dataset (as written by fb_h5_string_dataset) into a malloc'd,
 *  NUL-terminated *out (free it). FB_ERR_HDF5 if absent or not such a string. */
int fb_h5_read_string_dataset(hid_t loc, const char *name, char **out, fb_err *err);
int fb_h5_read_doubles(hid_t loc, const char *name, size_t n, double *out, fb_err *err);

/** The outline of a mask [nm][nc] on a grid (first axis x[nm], second axis y[nc]): writes
 *  `<group>/edges` float64 [nm][3] = (x_i, lowest y_j with mask 1, highest y_j with mask 1) per
 *  first-axis value (NaN, NaN where nothing is excluded), grid values, no interpolation; `columns`
 *  names the three columns (attribute). Self-describing (x in column 0), so it stays meaningful when
 *  `fipbounds merge --bounds` copies the group onto another grid. */
int fb_h5_mask_edges(hid_t file, const char *group, size_t nm, size_t nc, const double *x, const double *y,
                     const unsigned char *mask, const char *columns, fb_err *err);

#endif /* FB_H5_H */
