/**
 * @file fb_limit_bounds.c
 * @brief `fipbounds merge OUT.h5 --bounds OTHER.h5`: copy every /bounds/<name> of other complete
 *        scan files of the same benchmark into OUT.h5 (masks of another grid resampled onto OUT's), with
 *        provenance attributes (docs/limits-format.md, docs/output-format.md). A bound computed by
 *        another model (e.g. bc1_sn: SN1987A) thus joins the file of the main model (bc1) and
 *        /combined picks it up like any other /bounds/<name>/excluded.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <hdf5.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fb_fip.h"
#include "fb_h5.h"
#include "fb_limits.h"
#include "fb_limits_internal.h"
#include "fb_log.h"

/* a string attribute of obj into out ("" when absent or not a string) */
static void attr_string(hid_t obj, const char *name, char *out, size_t cap) {
  out[0] = '\0';
  if (H5Aexists(obj, name) <= 0) return;
  hid_t a = H5Aopen(obj, name, H5P_DEFAULT);
  if (a < 0) return;
  hid_t t = H5Aget_type(a);
  if (H5Tget_class(t) == H5T_STRING) {
    if (H5Tis_variable_str(t) > 0) {
      char *s = NULL;
      hid_t mt = H5Tcopy(H5T_C_S1);
      H5Tset_size(mt, H5T_VARIABLE);
      H5Tset_cset(mt, H5Tget_cset(t)); /* h5py writes UTF-8: HDF5 does not convert character sets */
      if (H5Aread(a, mt, &s) >= 0 && s) {
        snprintf(out, cap, "%s", s);
        H5free_memory(s);
      }
      H5Tclose(mt);
    } else {
      size_t sz = H5Tget_size(t);
      char *buf = calloc(sz + 1, 1);
      if (buf && H5Aread(a, t, buf) >= 0) snprintf(out, cap, "%s", buf);
      free(buf);
    }
  }
  H5Tclose(t);
  H5Aclose(a);
}

/* one scan file, opened read-only or read-write, with what the checks need */
typedef struct scan_info {
  hid_t file;
  char benchmark[64], model[128], git_hash[128];
  size_t n_mass, n_coupling;
  double *mass, *coupling;
  char mass_units[64], coupling_name[128], coupling_units[64];
  int mass_log, coupling_log; /* attribute spacing of the axis: 1 unless "linear" */
} scan_info;

static void scan_info_free(scan_info *s) {
  if (s->file >= 0) H5Fclose(s->file);
  s->file = -1;
  free(s->mass);
  free(s->coupling);
  s->mass = s->coupling = NULL;
}

static int read_axis(hid_t file, const char *path, const char *what, size_t *n, double **v, fb_err *err) {
  FB_TEST(err, H5Lexists(file, "grid", H5P_DEFAULT) <= 0 || H5Lexists(file, path, H5P_DEFAULT) <= 0, FB_ERR_INPUT,
          "'%s' has no /%s", what, path);
  hid_t ds = H5Dopen2(file, path, H5P_DEFAULT);
  FB_TEST(err, ds < 0, FB_ERR_HDF5, "cannot open /%s of '%s'", path, what);
  hid_t sp = H5Dget_space(ds);
  int rank = H5Sget_simple_extent_ndims(sp);
  hssize_t np = H5Sget_simple_extent_npoints(sp);
  H5Sclose(sp);
  H5Dclose(ds);
  FB_TEST(err, rank != 1 || np < 1, FB_ERR_INPUT, "/%s of '%s' is not a non-empty 1-D dataset", path, what);
  *n = (size_t)np;
  *v = malloc(*n * sizeof(double));
  FB_TEST(err, !*v, FB_ERR_MEMORY, "out of memory");
  return fb_h5_read_doubles(file, path, *n, *v, err);
}

static int scan_open(scan_info *s, const char *path, unsigned flags, fb_err *err) {
  memset(s, 0, sizeof *s);
  s->file = -1;
  struct stat st;
  FB_TEST(err, stat(path, &st) != 0, FB_ERR_IO, "cannot open scan file '%s': %s", path, strerror(errno));
  s->file = H5Fopen(path, flags, H5P_DEFAULT);
  FB_TEST(err, s->file < 0, FB_ERR_INPUT, "cannot open '%s' as an HDF5 file%s", path,
          flags == H5F_ACC_RDWR ? " for writing (not a scan file, or not writable)" : " (not a scan file)");
  long long complete = 0;
  int ok = 0;
  if (H5Aexists(s->file, "complete") > 0) {
    hid_t a = H5Aopen(s->file, "complete", H5P_DEFAULT);
    ok = a >= 0 && H5Aread(a, H5T_NATIVE_LLONG, &complete) >= 0;
    if (a >= 0) H5Aclose(a);
  }
  FB_TEST(err, !ok || complete != 1, FB_ERR_INPUT,
          "'%s' is not a complete scan (attribute complete != 1): finish it with fipbounds run --resume first", path);
  attr_string(s->file, "benchmark", s->benchmark, sizeof s->benchmark);
  attr_string(s->file, "model", s->model, sizeof s->model);
  if (H5Lexists(s->file, "code", H5P_DEFAULT) > 0) {
    hid_t g = H5Gopen2(s->file, "code", H5P_DEFAULT);
    if (g >= 0) {
      attr_string(g, "git_hash", s->git_hash, sizeof s->git_hash);
      H5Gclose(g);
    }
  }
  FB_CALL(err, read_axis(s->file, "grid/mass", path, &s->n_mass, &s->mass, err));
  FB_CALL(err, read_axis(s->file, "grid/coupling", path, &s->n_coupling, &s->coupling, err));
  char spacing[64];
  hid_t ds = H5Dopen2(s->file, "grid/mass", H5P_DEFAULT);
  FB_TEST(err, ds < 0, FB_ERR_HDF5, "cannot open /grid/mass of '%s'", path);
  attr_string(ds, "units", s->mass_units, sizeof s->mass_units);
  attr_string(ds, "spacing", spacing, sizeof spacing);
  s->mass_log = strcmp(spacing, "linear") != 0;
  H5Dclose(ds);
  ds = H5Dopen2(s->file, "grid/coupling", H5P_DEFAULT);
  FB_TEST(err, ds < 0, FB_ERR_HDF5, "cannot open /grid/coupling of '%s'", path);
  attr_string(ds, "name", s->coupling_name, sizeof s->coupling_name);
  attr_string(ds, "units", s->coupling_units, sizeof s->coupling_units);
  attr_string(ds, "spacing", spacing, sizeof spacing);
  s->coupling_log = strcmp(spacing, "linear") != 0;
  H5Dclose(ds);
  return FB_OK;
}

/* the same axis bit for bit */
static int axis_identical(const double *a, size_t na, const double *b, size_t nb) {
  return na == nb && memcmp(a, b, na * sizeof(double)) == 0;
}

/* The two grids describe the same plane (mass unit, coupling and its unit); grids that are not
 * identical are resampled (docs/limits-format.md, "Bounds on another grid") and must overlap. */
static int grids_compatible(const scan_info *dst, const scan_info *src, const char *path_dst, const char *path_src,
                            fb_err *err) {
  FB_TEST(err, strcmp(dst->mass_units, src->mass_units), FB_ERR_INPUT,
          "/grid/mass differs in its unit: '%s' in '%s', '%s' in '%s'", src->mass_units, path_src, dst->mass_units,
          path_dst);
  FB_TEST(err, strcmp(fb_fip_coupling_canonical(dst->coupling_name), fb_fip_coupling_canonical(src->coupling_name)) ||
                   strcmp(dst->coupling_units, src->coupling_units),
          FB_ERR_INPUT, "/grid/coupling differs in its quantity: %s [%s] in '%s', %s [%s] in '%s'", src->coupling_name,
          src->coupling_units, path_src, dst->coupling_name, dst->coupling_units, path_dst);
  if (axis_identical(dst->mass, dst->n_mass, src->mass, src->n_mass) &&
      axis_identical(dst->coupling, dst->n_coupling, src->coupling, src->n_coupling))
    return FB_OK;
  int overlap = src->mass[0] <= dst->mass[dst->n_mass - 1] && dst->mass[0] <= src->mass[src->n_mass - 1] &&
                src->coupling[0] <= dst->coupling[dst->n_coupling - 1] &&
                dst->coupling[0] <= src->coupling[src->n_coupling - 1];
  FB_TEST(err, !overlap, FB_ERR_INPUT,
          "the grid of '%s' (mass %g-%g, coupling %g-%g) does not overlap the grid of '%s' (mass %g-%g, coupling %g-%g)",
          path_src, src->mass[0], src->mass[src->n_mass - 1], src->coupling[0], src->coupling[src->n_coupling - 1],
          path_dst, dst->mass[0], dst->mass[dst->n_mass - 1], dst->coupling[0], dst->coupling[dst->n_coupling - 1]);
  return FB_OK;
}

/* index of the source grid point nearest to v (in log10 on a log axis), -1 outside [a0, a(n-1)] */
static long nearest_index(const double *a, size_t n, int log_axis, double v) {
  double t = log_axis ? log10(v) : v, lo = log_axis ? log10(a[0]) : a[0], hi = log_axis ? log10(a[n - 1]) : a[n - 1];
  double tol = 1e-9 * fmax(hi - lo, fabs(hi) + fabs(lo)); /* rounding of the two grids' end points */
  if (!(t >= lo - tol && t <= hi + tol)) return -1;
  size_t l = 0, r = n - 1;
  while (r - l > 1) {
    size_t m = (l + r) / 2;
    if (a[m] <= v) l = m;
    else r = m;
  }
  double dl = fabs(t - (log_axis ? log10(a[l]) : a[l])), dr = fabs(t - (log_axis ? log10(a[r]) : a[r]));
  return (long)(dr < dl ? r : l);
}

typedef struct ds_list {
  char names[64][256];
  size_t n;
} ds_list;

static herr_t collect_ds(hid_t g, const char *name, const H5L_info_t *info, void *data) {
  (void)info;
  ds_list *l = data;
  H5O_info_t oi;
  if (l->n < 64 && strlen(name) < 256 && H5Oget_info_by_name(g, name, &oi, H5P_DEFAULT) >= 0 && oi.type == H5O_TYPE_DATASET)
    snprintf(l->names[l->n++], sizeof l->names[0], "%s", name);
  return 0;
}

/*
 * The copied group gpath of dst (from src, on another grid): its `excluded` mask becomes the
 * source mask at the nearest source grid point of each destination point (in log10 on log axes),
 * 0 (not excluded: not computed) outside the source grid; other datasets of the source grid's
 * shape are removed (listed in the attribute resampling_dropped); the method and the source
 * grid are recorded in the attributes resampled_from_grid and resampling.
 */
static int resample_mask(hid_t g, const char *gpath, const char *mask_name, const scan_info *dst,
                         const scan_info *src, const char *src_path, size_t *n_inside_out, fb_err *err);

static int resample_group(hid_t file, const char *gpath, const char *final_path, const scan_info *dst,
                          const scan_info *src, const char *src_path, fb_err *err) {
  int rc = FB_OK;
  size_t n_inside = 0;
  const size_t DN = dst->n_mass * dst->n_coupling;
  hid_t g = H5Gopen2(file, gpath, H5P_DEFAULT);
  FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot open /%s", gpath);
  /* the masks: excluded (required), then every other uint8 mask of the source grid's shape (computed,
   * and the systematic range nominal / weak / strong of the SN and stellar bounds) */
  FB_CALL_GOTO(err, rc, resample_mask(g, gpath, "excluded", dst, src, src_path, &n_inside, err), done);
  /* the source grid's other arrays do not fit this grid: masks are resampled, the rest dropped */
  ds_list dl = {.n = 0};
  H5Literate(g, H5_INDEX_NAME, H5_ITER_INC, NULL, collect_ds, &dl);
  char dropped[4096] = "";
  for (size_t k = 0; k < dl.n; k++) {
    if (!strcmp(dl.names[k], "excluded")) continue;
    hid_t o = H5Dopen2(g, dl.names[k], H5P_DEFAULT);
    hid_t osp = o >= 0 ? H5Dget_space(o) : -1;
    hid_t ot = o >= 0 ? H5Dget_type(o) : -1;
    hsize_t od[8] = {0};
    int orank = osp >= 0 ? H5Sget_simple_extent_ndims(osp) : -1;
    if (orank == 2) H5Sget_simple_extent_dims(osp, od, NULL);
    const int is_mask = ot >= 0 && H5Tget_class(ot) == H5T_INTEGER && H5Tget_size(ot) == 1;
    if (ot >= 0) H5Tclose(ot);
    if (osp >= 0) H5Sclose(osp);
    if (o >= 0) H5Dclose(o);
    const int src_shape = orank == 2 && od[0] == src->n_mass && od[1] == src->n_coupling;
    if (src_shape && is_mask) {
      FB_CALL_GOTO(err, rc, resample_mask(g, gpath, dl.names[k], dst, src, src_path, NULL, err), done);
    } else if (src_shape) {
      FB_TEST_GOTO(err, rc, H5Ldelete(g, dl.names[k], H5P_DEFAULT) < 0, FB_ERR_HDF5, done, "cannot replace /%s/%s",
                   gpath, dl.names[k]);
      size_t l = strlen(dropped);
      snprintf(dropped + l, sizeof dropped - l, "%s%s", l ? ", " : "", dl.names[k]);
    }
  }
  char grid[1024];
  snprintf(grid, sizeof grid, "%s: mass %zu points %.6g-%.6g %s (%s), coupling %s %zu points %.6g-%.6g %s (%s)", src_path,
           src->n_mass, src->mass[0], src->mass[src->n_mass - 1], src->mass_units, src->mass_log ? "log" : "linear",
           src->coupling_name, src->n_coupling, src->coupling[0], src->coupling[src->n_coupling - 1],
           src->coupling_units, src->coupling_log ? "log" : "linear");
  FB_CALL_GOTO(err, rc, fb_h5_attr_string(g, "resampled_from_grid", grid, err), done);
  FB_CALL_GOTO(err, rc,
               fb_h5_attr_string(g, "resampling",
                                 "each point of this grid takes the mask value of the nearest point of the source grid "
                                 "(in log10 on log axes); points outside the source grid's range are not excluded (not "
                                 "computed); boundary uncertain by one source cell",
                                 err),
               done);
  FB_CALL_GOTO(err, rc, fb_h5_attr_string(g, "resampling_dropped", dropped, err), done);
  FB_CALL_GOTO(err, rc, fb_h5_attr_long(g, "resampling_points_inside", (long)n_inside, err), done);
  FB_LOG_INF("resampled /%s of %s onto the grid (%zu of %zu points inside its grid)", final_path, src_path, n_inside, DN);
done:
  H5Gclose(g);
  return rc;
}

/* One uint8 mask of the source grid resampled (nearest point) onto the destination grid, replacing it;
 * points outside the source grid are 0 (not excluded, not computed). */
static int resample_mask(hid_t g, const char *gpath, const char *mask_name, const scan_info *dst,
                         const scan_info *src, const char *src_path, size_t *n_inside_out, fb_err *err) {
  int rc = FB_OK;
  const size_t SN = src->n_mass * src->n_coupling, DN = dst->n_mass * dst->n_coupling;
  uint8_t *in = malloc(SN), *out = calloc(DN, 1);
  long *jc = malloc(dst->n_coupling * sizeof(long));
  FB_TEST_GOTO(err, rc, !in || !out || !jc, FB_ERR_MEMORY, done, "out of memory");
  hid_t ds = H5Dopen2(g, mask_name, H5P_DEFAULT);
  FB_TEST_GOTO(err, rc, ds < 0, FB_ERR_INPUT, done, "/%s of '%s' has no %s mask to resample", gpath, src_path, mask_name);
  hid_t sp = H5Dget_space(ds);
  hsize_t d[2] = {0, 0};
  int r = H5Sget_simple_extent_ndims(sp);
  if (r == 2) H5Sget_simple_extent_dims(sp, d, NULL);
  H5Sclose(sp);
  char units[256], desc[2048];
  attr_string(ds, "units", units, sizeof units);
  attr_string(ds, "description", desc, sizeof desc);
  herr_t st = r == 2 && d[0] == src->n_mass && d[1] == src->n_coupling
                  ? H5Dread(ds, H5T_NATIVE_UINT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, in)
                  : -1;
  H5Dclose(ds);
  FB_TEST_GOTO(err, rc, st < 0, FB_ERR_INPUT, done, "/%s/%s of '%s' is not a uint8 mask of its grid's shape",
               gpath, mask_name, src_path);
  for (size_t j = 0; j < dst->n_coupling; j++)
    jc[j] = nearest_index(src->coupling, src->n_coupling, src->coupling_log, dst->coupling[j]);
  size_t n_inside = 0;
  for (size_t i = 0; i < dst->n_mass; i++) {
    long im = nearest_index(src->mass, src->n_mass, src->mass_log, dst->mass[i]);
    if (im < 0) continue;
    for (size_t j = 0; j < dst->n_coupling; j++)
      if (jc[j] >= 0) {
        out[i * dst->n_coupling + j] = in[(size_t)im * src->n_coupling + (size_t)jc[j]] != 0;
        n_inside++;
      }
  }
  FB_TEST_GOTO(err, rc, H5Ldelete(g, mask_name, H5P_DEFAULT) < 0, FB_ERR_HDF5, done, "cannot replace /%s/%s", gpath,
               mask_name);
  char ndesc[2600];
  snprintf(ndesc, sizeof ndesc, "%s [resampled from the grid of %s: nearest grid point, docs/limits-format.md]", desc,
           src_path);
  hsize_t dd[2] = {dst->n_mass, dst->n_coupling};
  FB_CALL_GOTO(err, rc, fb_h5_dataset(g, mask_name, H5T_NATIVE_UINT8, 2, dd, out, units, ndesc, err), done);
  if (n_inside_out) *n_inside_out = n_inside;
done:
  free(in);
  free(out);
  free(jc);
  return rc;
}

/* /bounds/<name>/computed of a copied bound: 1 where the source scan's point succeeded (/status 0),
 * 0 where it failed or was not computed, so that a figure can tell "not excluded" from "not computed"
 * (e.g. bc6_bbn beyond the BBN module's lifetime range); the codes are summarised in an attribute. */
static int write_computed(hid_t file, const char *gpath, const scan_info *src, const char *src_path, fb_err *err) {
  int rc = FB_OK;
  const size_t SN = src->n_mass * src->n_coupling;
  int *status = malloc(SN * sizeof(int));
  uint8_t *ok = malloc(SN);
  hid_t g = -1, ds = -1;
  FB_TEST_GOTO(err, rc, !status || !ok, FB_ERR_MEMORY, done, "out of memory");
  FB_TEST_GOTO(err, rc, H5Lexists(src->file, "status", H5P_DEFAULT) <= 0, FB_ERR_INPUT, done,
               "'%s' has no /status: not a fipbounds scan file", src_path);
  ds = H5Dopen2(src->file, "status", H5P_DEFAULT);
  FB_TEST_GOTO(err, rc, ds < 0, FB_ERR_HDF5, done, "cannot open /status of '%s'", src_path);
  hid_t sp = H5Dget_space(ds);
  hssize_t np = H5Sget_simple_extent_npoints(sp);
  H5Sclose(sp);
  FB_TEST_GOTO(err, rc, np != (hssize_t)SN || H5Dread(ds, H5T_NATIVE_INT, H5S_ALL, H5S_ALL, H5P_DEFAULT, status) < 0,
               FB_ERR_INPUT, done, "/status of '%s' is not an integer array of its grid's shape", src_path);
  long count[FB_ERR_INTERNAL + 2] = {0}; /* [0] not computed yet (-1), [c] code c */
  size_t n_bad = 0;
  for (size_t i = 0; i < SN; i++) {
    ok[i] = status[i] == 0;
    if (!ok[i]) {
      n_bad++;
      int c = status[i] < 0 ? 0 : (status[i] <= FB_ERR_INTERNAL ? status[i] : FB_ERR_INTERNAL + 1);
      count[c]++;
    }
  }
  char summary[1024] = "";
  for (int c = 0; c <= FB_ERR_INTERNAL + 1; c++) {
    if (!count[c]) continue;
    size_t l = strlen(summary);
    snprintf(summary + l, sizeof summary - l, "%s%ld point%s %s%s", l ? ", " : "", count[c], count[c] == 1 ? "" : "s",
             c == 0 ? "not computed (status -1)" : "failed with ",
             c == 0 ? "" : (c <= FB_ERR_INTERNAL ? fb_code_name(c) : "other codes"));
  }
  if (!n_bad) snprintf(summary, sizeof summary, "every point computed");
  g = H5Gopen2(file, gpath, H5P_DEFAULT);
  FB_TEST_GOTO(err, rc, g < 0, FB_ERR_HDF5, done, "cannot open /%s", gpath);
  if (H5Lexists(g, "computed", H5P_DEFAULT) > 0) H5Ldelete(g, "computed", H5P_DEFAULT);
  hsize_t d[2] = {src->n_mass, src->n_coupling};
  char desc[512];
  snprintf(desc, sizeof desc,
           "1 where the point of the source scan (model %s) succeeded (/status 0); 0 where it failed or was not "
           "computed: there 'excluded' = 0 means unknown, not allowed (messages in /status_messages of the source)",
           src->model);
  FB_CALL_GOTO(err, rc, fb_h5_dataset(g, "computed", H5T_NATIVE_UINT8, 2, d, ok, "", desc, err), done);
  if (H5Aexists(g, "not_computed") > 0) H5Adelete(g, "not_computed");
  FB_CALL_GOTO(err, rc, fb_h5_attr_string(g, "not_computed", summary, err), done);
done:
  if (ds >= 0) H5Dclose(ds);
  if (g >= 0) H5Gclose(g);
  free(status);
  free(ok);
  return rc;
}

typedef struct name_list {
  char (*names)[256];
  size_t n, cap;
  int too_long;
} name_list;

static herr_t collect_name(hid_t g, const char *name, const H5L_info_t *info, void *data) {
  (void)g;
  (void)info;
  name_list *nl = data;
  if (strlen(name) >= sizeof nl->names[0]) {
    nl->too_long = 1;
    return 0;
  }
  if (nl->n == nl->cap) {
    size_t cap = nl->cap ? 2 * nl->cap : 16;
    char(*nn)[256] = realloc(nl->names, cap * sizeof nl->names[0]);
    if (!nn) return -1;
    nl->names = nn;
    nl->cap = cap;
  }
  snprintf(nl->names[nl->n++], sizeof nl->names[0], "%s", name);
  return 0;
}

/* the names under /bounds of a file (none when there is no /bounds) */
static int list_bound_names(hid_t file, const char *path, name_list *nl, fb_err *err) {
  memset(nl, 0, sizeof *nl);
  if (H5Lexists(file, "bounds", H5P_DEFAULT) <= 0) return FB_OK;
  hid_t g = H5Gopen2(file, "bounds", H5P_DEFAULT);
  FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot open /bounds of '%s'", path);
  herr_t st = H5Literate(g, H5_INDEX_NAME, H5_ITER_INC, NULL, collect_name, nl);
  H5Gclose(g);
  FB_TEST(err, st < 0, FB_ERR_MEMORY, "cannot list /bounds of '%s' (out of memory)", path);
  FB_TEST(err, nl->too_long, FB_ERR_INPUT, "'%s' has a /bounds/<name> with a name of 256 characters or more", path);
  return FB_OK;
}

int fb_limits_copy_bounds_check(const char *scan_path, const char *const *other_paths, size_t n_other, fb_err *err) {
  int rc = FB_OK;
  scan_info dst, src;
  memset(&dst, 0, sizeof dst);
  memset(&src, 0, sizeof src);
  dst.file = src.file = -1;
  name_list nl = {0};
  struct stat st_dst, st_src;
  FB_CALL_GOTO(err, rc, scan_open(&dst, scan_path, H5F_ACC_RDONLY, err), out);
  FB_TEST_GOTO(err, rc, stat(scan_path, &st_dst) != 0, FB_ERR_IO, out, "cannot stat '%s'", scan_path);
  for (size_t k = 0; k < n_other; k++) {
    FB_TEST_GOTO(err, rc, stat(other_paths[k], &st_src) == 0 && st_src.st_dev == st_dst.st_dev &&
                              st_src.st_ino == st_dst.st_ino,
                 FB_ERR_INPUT, out, "--bounds %s is the file being merged into ('%s'): give another scan file",
                 other_paths[k], scan_path);
    FB_CALL_GOTO(err, rc, scan_open(&src, other_paths[k], H5F_ACC_RDONLY, err), out);
    FB_TEST_GOTO(err, rc, strcmp(src.benchmark, dst.benchmark) != 0, FB_ERR_INPUT, out,
                 "--bounds %s: benchmark '%s' (model '%s') differs from the benchmark '%s' of '%s' (model '%s')",
                 other_paths[k], src.benchmark, src.model, dst.benchmark, scan_path, dst.model);
    FB_CALL_GOTO(err, rc, grids_compatible(&dst, &src, scan_path, other_paths[k], err), out);
    FB_CALL_GOTO(err, rc, list_bound_names(src.file, other_paths[k], &nl, err), out);
    FB_TEST_GOTO(err, rc, nl.n == 0, FB_ERR_INPUT, out, "--bounds %s has no /bounds/<name>: nothing to copy",
                 other_paths[k]);
    free(nl.names);
    memset(&nl, 0, sizeof nl);
    scan_info_free(&src);
  }
out:
  free(nl.names);
  scan_info_free(&src);
  scan_info_free(&dst);
  return rc;
}

int fb_limits_copy_bounds(const char *scan_path, const char *const *other_paths, size_t n_other, size_t *n_copied,
                          fb_err *err) {
  return fb_limits_copy_bounds_as(scan_path, scan_path, other_paths, n_other, n_copied, err);
}

int fb_limits_copy_bounds_as(const char *open_path, const char *scan_path, const char *const *other_paths,
                             size_t n_other, size_t *n_copied, fb_err *err) {
  int rc = FB_OK;
  size_t copied = 0;
  scan_info dst, src;
  memset(&dst, 0, sizeof dst);
  memset(&src, 0, sizeof src);
  dst.file = src.file = -1;
  name_list nl = {0};
  hid_t ocpl = -1, lcpl = -1;

  /* every check on every source before the target is modified */
  if (!strcmp(open_path, scan_path))
    FB_CALL_GOTO(err, rc, fb_limits_copy_bounds_check(scan_path, other_paths, n_other, err), out);

  FB_CALL_GOTO(err, rc, scan_open(&dst, open_path, H5F_ACC_RDWR, err), out);  hid_t bg = fb_h5_group(dst.file, "bounds");
  FB_TEST_GOTO(err, rc, bg < 0, FB_ERR_HDF5, out, "cannot create /bounds in '%s'", scan_path);
  H5Gclose(bg);
  ocpl = H5Pcreate(H5P_OBJECT_COPY);
  lcpl = H5Pcreate(H5P_LINK_CREATE);
  FB_TEST_GOTO(err, rc, ocpl < 0 || lcpl < 0, FB_ERR_HDF5, out, "cannot create HDF5 property lists");
  H5Pset_create_intermediate_group(lcpl, 1);
  for (size_t k = 0; k < n_other; k++) {
    FB_CALL_GOTO(err, rc, scan_open(&src, other_paths[k], H5F_ACC_RDONLY, err), out);
    FB_CALL_GOTO(err, rc, list_bound_names(src.file, other_paths[k], &nl, err), out);
    for (size_t b = 0; b < nl.n; b++) {
      /* copied under a temporary name first: a failed copy leaves the old bound in place */
      char path[300], tmp[320];
      snprintf(path, sizeof path, "bounds/%s", nl.names[b]);
      snprintf(tmp, sizeof tmp, "bounds/.copying.%s", nl.names[b]);
      if (H5Lexists(dst.file, tmp, H5P_DEFAULT) > 0) H5Ldelete(dst.file, tmp, H5P_DEFAULT);
      FB_TEST_GOTO(err, rc, H5Ocopy(src.file, path, dst.file, tmp, ocpl, lcpl) < 0, FB_ERR_HDF5, out,
                   "cannot copy /%s of '%s' into '%s'", path, other_paths[k], scan_path);
      FB_CALL_GOTO(err, rc, write_computed(dst.file, tmp, &src, other_paths[k], err), out);
      if (!axis_identical(dst.mass, dst.n_mass, src.mass, src.n_mass) ||
          !axis_identical(dst.coupling, dst.n_coupling, src.coupling, src.n_coupling))
        FB_CALL_GOTO(err, rc, resample_group(dst.file, tmp, path, &dst, &src, other_paths[k], err), out);
      if (H5Lexists(dst.file, path, H5P_DEFAULT) > 0) {
        FB_TEST_GOTO(err, rc, H5Ldelete(dst.file, path, H5P_DEFAULT) < 0, FB_ERR_HDF5, out,
                     "cannot replace /%s in '%s'", path, scan_path);
        FB_LOG_INF("replacing /%s of %s by the one of %s", path, scan_path, other_paths[k]);
      }
      FB_TEST_GOTO(err, rc, H5Lmove(dst.file, tmp, dst.file, path, H5P_DEFAULT, H5P_DEFAULT) < 0, FB_ERR_HDF5, out,
                   "cannot rename /%s to /%s in '%s'", tmp, path, scan_path);
      hid_t o = H5Oopen(dst.file, path, H5P_DEFAULT);
      FB_TEST_GOTO(err, rc, o < 0, FB_ERR_HDF5, out, "cannot open the copied /%s", path);
      const char *keys[] = {"copied_from_file", "copied_from_git_hash", "copied_from_model"};
      const char *vals[] = {other_paths[k], src.git_hash, src.model};
      for (size_t a = 0; rc == FB_OK && a < 3; a++) {
        if (H5Aexists(o, keys[a]) > 0) H5Adelete(o, keys[a]);
        rc = fb_h5_attr_string(o, keys[a], vals[a], err);
      }
      H5Oclose(o);
      if (rc != FB_OK) {
        fb_err_push(err, rc, __func__, __LINE__, path);
        goto out;
      }
      copied++;
    }
    free(nl.names);
    memset(&nl, 0, sizeof nl);
    scan_info_free(&src);
  }
out:
  if (ocpl >= 0) H5Pclose(ocpl);
  if (lcpl >= 0) H5Pclose(lcpl);
  free(nl.names);
  scan_info_free(&src);
  if (dst.file >= 0 && H5Fclose(dst.file) < 0 && rc == FB_OK)
    rc = fb_err_set(err, FB_ERR_HDF5, __func__, __LINE__, "cannot close '%s'", scan_path);
  dst.file = -1;
  scan_info_free(&dst);
  if (n_copied) *n_copied = copied;
  return rc;
}
