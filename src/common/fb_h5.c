/**
 * @file fb_h5.c
 * @brief HDF5 helpers; see fb_h5.h.
 */
#include "fb_h5.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static hid_t make_gcpl(void) {
  hid_t p = H5Pcreate(H5P_GROUP_CREATE);
  if (p >= 0) H5Pset_obj_track_times(p, 0);
  return p;
}

hid_t fb_h5_group(hid_t loc, const char *path) {
  char buf[512];
  if (!path || strlen(path) >= sizeof buf) return -1;
  strcpy(buf, path);
  hid_t cur = H5Gopen2(loc, ".", H5P_DEFAULT);
  for (char *tok = strtok(buf, "/"); tok && cur >= 0; tok = strtok(NULL, "/")) {
    hid_t next;
    if (H5Lexists(cur, tok, H5P_DEFAULT) > 0) {
      next = H5Gopen2(cur, tok, H5P_DEFAULT);
    } else {
      hid_t gcpl = make_gcpl();
      next = H5Gcreate2(cur, tok, H5P_DEFAULT, gcpl, H5P_DEFAULT);
      H5Pclose(gcpl);
    }
    H5Gclose(cur);
    cur = next;
  }
  return cur;
}

/* A fixed-length, NUL-terminated UTF-8 string type of n bytes; the caller closes it. */
static hid_t utf8_string_type(size_t n) {
  hid_t type = H5Tcopy(H5T_C_S1);
  H5Tset_size(type, n);
  H5Tset_strpad(type, H5T_STR_NULLTERM);
  H5Tset_cset(type, H5T_CSET_UTF8);
  return type;
}

int fb_h5_attr_string(hid_t obj, const char *name, const char *value, fb_err *err) {
  if (!value) value = "";
  hid_t type = utf8_string_type(strlen(value) + 1);
  hid_t space = H5Screate(H5S_SCALAR);
  if (H5Aexists(obj, name) > 0) H5Adelete(obj, name);
  hid_t attr = H5Acreate2(obj, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
  herr_t st = attr >= 0 ? H5Awrite(attr, type, value) : -1;
  if (attr >= 0) H5Aclose(attr);
  H5Sclose(space);
  H5Tclose(type);
  FB_TEST(err, st < 0, FB_ERR_HDF5, "cannot write string attribute '%s'", name);
  return FB_OK;
}

static int attr_scalar(hid_t obj, const char *name, hid_t memtype, hid_t filetype, const void *value, fb_err *err) {
  hid_t space = H5Screate(H5S_SCALAR);
  if (H5Aexists(obj, name) > 0) H5Adelete(obj, name);
  hid_t attr = H5Acreate2(obj, name, filetype, space, H5P_DEFAULT, H5P_DEFAULT);
  herr_t st = attr >= 0 ? H5Awrite(attr, memtype, value) : -1;
  if (attr >= 0) H5Aclose(attr);
  H5Sclose(space);
  FB_TEST(err, st < 0, FB_ERR_HDF5, "cannot write attribute '%s'", name);
  return FB_OK;
}

int fb_h5_attr_double(hid_t obj, const char *name, double value, fb_err *err) {
  return attr_scalar(obj, name, H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE, &value, err);
}

int fb_h5_attr_long(hid_t obj, const char *name, long value, fb_err *err) {
  long long v = value;
  return attr_scalar(obj, name, H5T_NATIVE_LLONG, H5T_STD_I64LE, &v, err);
}

int fb_h5_string_dataset(hid_t loc, const char *name, const char *value, const char *description, fb_err *err) {
  if (!value) value = "";
  hid_t type = utf8_string_type(strlen(value) + 1);
  hid_t space = H5Screate(H5S_SCALAR);
  hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  H5Pset_obj_track_times(dcpl, 0);
  hid_t ds = H5Dcreate2(loc, name, type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
  herr_t st = ds >= 0 ? H5Dwrite(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, value) : -1;
  int rc = st < 0 ? fb_err_set(err, FB_ERR_HDF5, __func__, __LINE__, "cannot write string dataset '%s' (%zu bytes)",
                               name, strlen(value))
                  : FB_OK;
  if (rc == FB_OK) rc = fb_h5_attr_string(ds, "units", "", err);
  if (rc == FB_OK) rc = fb_h5_attr_string(ds, "description", description, err);
  if (ds >= 0) H5Dclose(ds);
  H5Pclose(dcpl);
  H5Sclose(space);
  H5Tclose(type);
  return rc;
}

int fb_h5_dataset(hid_t loc, const char *name, hid_t memtype, int rank, const hsize_t *dims,
                  const void *data, const char *units, const char *description, fb_err *err) {
  FB_TEST(err, rank < 1 || rank > 2, FB_ERR_INTERNAL, "dataset '%s': rank %d not 1 or 2", name, rank);
  /* a path: create the parent groups */
  const char *slash = strrchr(name, '/');
  hid_t parent = loc;
  int own_parent = 0;
  if (slash && slash != name) {
    char dir[512];
    size_t len = (size_t)(slash - name);
    FB_TEST(err, len >= sizeof dir, FB_ERR_INTERNAL, "dataset path too long: '%s'", name);
    memcpy(dir, name, len);
    dir[len] = '\0';
    parent = fb_h5_group(loc, dir);
    FB_TEST(err, parent < 0, FB_ERR_HDF5, "cannot create group '%s'", dir);
    own_parent = 1;
    name = slash + 1;
  }
  hid_t filetype = H5Tequal(memtype, H5T_NATIVE_DOUBLE) > 0 ? H5T_IEEE_F64LE
                   : H5Tequal(memtype, H5T_NATIVE_UINT8) > 0 ? H5T_STD_U8LE
                                                              : H5T_STD_I32LE;
  hid_t space = H5Screate_simple(rank, dims, NULL);
  hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  H5Pset_obj_track_times(dcpl, 0);
  hid_t ds = H5Dcreate2(parent, name, filetype, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
  herr_t st = ds >= 0 ? H5Dwrite(ds, memtype, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) : -1;
  int rc = FB_OK;
  if (st < 0) rc = fb_err_set(err, FB_ERR_HDF5, __func__, __LINE__, "cannot write dataset '%s'", name);
  if (rc == FB_OK) rc = fb_h5_attr_string(ds, "units", units, err);
  if (rc == FB_OK) rc = fb_h5_attr_string(ds, "description", description, err);
  if (ds >= 0) H5Dclose(ds);
  H5Pclose(dcpl);
  H5Sclose(space);
  if (own_parent) H5Gclose(parent);
  return rc;
}

int fb_h5_read_doubles(hid_t loc, const char *name, size_t n, double *out, fb_err *err) {
  hid_t ds = H5Dopen2(loc, name, H5P_DEFAULT);
  FB_TEST(err, ds < 0, FB_ERR_HDF5, "dataset '%s' missing", name);
  hid_t space = H5Dget_space(ds);
  hssize_t npts = H5Sget_simple_extent_npoints(space);
  H5Sclose(space);
  herr_t st = -1;
  if (npts == (hssize_t)n) st = H5Dread(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, out);
  H5Dclose(ds);
  FB_TEST(err, npts != (hssize_t)n, FB_ERR_INPUT, "dataset '%s' has %lld values, expected %zu", name,
          (long long)npts, n);
  FB_TEST(err, st < 0, FB_ERR_HDF5, "cannot read dataset '%s'", name);
  return FB_OK;
}

int fb_h5_read_string_dataset(hid_t loc, const char *name, char **out, fb_err *err) {
  *out = NULL;
  FB_TEST(err, H5Lexists(loc, name, H5P_DEFAULT) <= 0, FB_ERR_HDF5, "no dataset '%s'", name);
  hid_t ds = H5Dopen2(loc, name, H5P_DEFAULT);
  FB_TEST(err, ds < 0, FB_ERR_HDF5, "cannot open dataset '%s'", name);
  hid_t ftype = H5Dget_type(ds);
  int rc = FB_OK;
  if (ftype < 0 || H5Tget_class(ftype) != H5T_STRING || H5Tis_variable_str(ftype) > 0) {
    rc = fb_err_set(err, FB_ERR_HDF5, __func__, __LINE__, "dataset '%s' is not a fixed-length string", name);
  } else {
    size_t size = H5Tget_size(ftype);
    char *buf = calloc(size + 1, 1);
    hid_t mtype = H5Tcopy(H5T_C_S1);
    H5Tset_size(mtype, size);
    H5Tset_cset(mtype, H5Tget_cset(ftype));
    if (!buf)
      rc = fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "out of memory reading '%s'", name);
    else if (H5Dread(ds, mtype, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf) < 0)
      rc = fb_err_set(err, FB_ERR_HDF5, __func__, __LINE__, "cannot read string dataset '%s'", name);
    H5Tclose(mtype);
    if (rc == FB_OK)
      *out = buf;
    else
      free(buf);
  }
  if (ftype >= 0) H5Tclose(ftype);
  H5Dclose(ds);
  return rc;
}

int fb_h5_mask_edges(hid_t file, const char *group, size_t nm, size_t nc, const double *x, const double *y,
                     const unsigned char *mask, const char *columns, fb_err *err) {
  double *e = malloc(3 * (nm ? nm : 1) * sizeof *e);
  FB_TEST(err, !e, FB_ERR_MEMORY, "cannot allocate /%s/edges", group);
  for (size_t i = 0; i < nm; i++) {
    e[3 * i] = x[i];
    e[3 * i + 1] = e[3 * i + 2] = NAN;
    for (size_t j = 0; j < nc; j++) {
      if (!mask[i * nc + j]) continue;
      if (isnan(e[3 * i + 1])) e[3 * i + 1] = y[j];
      e[3 * i + 2] = y[j];
    }
  }
  char path[256];
  snprintf(path, sizeof path, "%s/edges", group);
  hsize_t d[2] = {nm, 3};
  int rc = fb_h5_dataset(file, path, H5T_NATIVE_DOUBLE, 2, d, e, "",
                         "outline per first-axis grid value: (x, lowest excluded, highest excluded second-axis grid "
                         "value); NaN where nothing is excluded", err);
  free(e);
  if (rc != FB_OK) return rc;
  hid_t ds = H5Dopen2(file, path, H5P_DEFAULT);
  FB_TEST(err, ds < 0, FB_ERR_HDF5, "cannot open /%s", path);
  rc = fb_h5_attr_string(ds, "columns", columns, err);
  H5Dclose(ds);
  return rc;
}
