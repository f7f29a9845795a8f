/**
 * @file fb_limit_merge.c
 * @brief `fipbounds merge`: rasterise every limit file of a directory onto the grid of a complete
 *        scan file and write /limits and /combined (docs/limits-format.md, docs/output-format.md).
 *        Computed bounds are found by listing /bounds/<name>/excluded: no name is hard-coded.
 */
#include <dirent.h>
#include <errno.h>
#include <hdf5.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include "fb_fip.h"
#include "fb_h5.h"
#include "fb_limits.h"
#include "fb_limits_internal.h"
#include "fb_log.h"

const fb_key_spec fb_limits_keys[] = {
    {"limits", "dir", FB_KEY_STRING, "", 0, 0, NULL, "",
     "directory of *.limit files merged into the output after a complete scan (\"\" = none)"},
};
const size_t fb_limits_n_keys = sizeof fb_limits_keys / sizeof fb_limits_keys[0];

/* ------------------------------------------------------------------ contour files */

int fb_contour_write_txt(const fb_contour *c, const char *dir, const char *name, const char *header,
                         size_t *n_files, fb_err *err) {
  *n_files = 0;
  for (size_t k = 0; k < c->n_lines; k++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s_%zu.txt", dir, name, k);
    FILE *f = fopen(path, "w");
    FB_TEST(err, !f, FB_ERR_IO, "cannot write contour file '%s': %s", path, strerror(errno));
    fprintf(f, "# %s\n# contour %zu of %zu (marching squares of the rasterised mask, closed)\n", header, k + 1,
            c->n_lines);
    for (size_t i = c->start[k]; i < c->start[k + 1]; i++) fprintf(f, "%.8e %.8e\n", c->x[i], c->y[i]);
    int bad = ferror(f);
    bad |= fclose(f) != 0;
    FB_TEST(err, bad, FB_ERR_IO, "error writing '%s'", path);
    (*n_files)++;
  }
  return FB_OK;
}

/* ------------------------------------------------------------------ HDF5 helpers */

static int read_string_attr(hid_t obj, const char *name, char *out, size_t cap) {
  out[0] = '\0';
  if (H5Aexists(obj, name) <= 0) return 0;
  hid_t a = H5Aopen(obj, name, H5P_DEFAULT);
  if (a < 0) return 0;
  hid_t t = H5Aget_type(a);
  int ok = 0;
  if (H5Tget_class(t) == H5T_STRING) {
    if (H5Tis_variable_str(t) > 0) {
      char *s = NULL;
      hid_t mt = H5Tcopy(H5T_C_S1);
      H5Tset_size(mt, H5T_VARIABLE);
      if (H5Aread(a, mt, &s) >= 0 && s) {
        snprintf(out, cap, "%s", s);
        ok = 1;
        H5free_memory(s);
      }
      H5Tclose(mt);
    } else {
      size_t sz = H5Tget_size(t);
      char *buf = calloc(sz + 1, 1);
      if (buf && H5Aread(a, t, buf) >= 0) {
        snprintf(out, cap, "%s", buf);
        ok = 1;
      }
      free(buf);
    }
  }
  H5Tclose(t);
  H5Aclose(a);
  return ok;
}

/* a string attribute of /input/<model> (e.g. the BC2 spin); 0 when absent */
static int read_input_string(hid_t file, const char *model, const char *name, char *out, size_t cap) {
  char path[256];
  snprintf(path, sizeof path, "input/%s", model);
  out[0] = '\0';
  if (!model[0] || H5Lexists(file, "input", H5P_DEFAULT) <= 0 || H5Lexists(file, path, H5P_DEFAULT) <= 0) return 0;
  hid_t g = H5Oopen(file, path, H5P_DEFAULT);
  if (g < 0) return 0;
  int ok = read_string_attr(g, name, out, cap);
  H5Oclose(g);
  return ok;
}

/* a double attribute of /input/<model> (the resolved input of the scan); 0 when absent */
static int read_input_double(hid_t file, const char *model, const char *name, double *v) {
  char path[256];
  snprintf(path, sizeof path, "input/%s", model);
  if (!model[0] || H5Lexists(file, "input", H5P_DEFAULT) <= 0 || H5Lexists(file, path, H5P_DEFAULT) <= 0) return 0;
  hid_t g = H5Oopen(file, path, H5P_DEFAULT);
  if (g < 0) return 0;
  int ok = 0;
  if (H5Aexists(g, name) > 0) {
    hid_t a = H5Aopen(g, name, H5P_DEFAULT);
    ok = a >= 0 && H5Aread(a, H5T_NATIVE_DOUBLE, v) >= 0;
    if (a >= 0) H5Aclose(a);
  }
  H5Oclose(g);
  return ok;
}

static int read_long_attr(hid_t obj, const char *name, long long *v) {
  if (H5Aexists(obj, name) <= 0) return 0;
  hid_t a = H5Aopen(obj, name, H5P_DEFAULT);
  int ok = a >= 0 && H5Aread(a, H5T_NATIVE_LLONG, v) >= 0;
  if (a >= 0) H5Aclose(a);
  return ok;
}

/* a 1-D dataset's length, or -1 */
static long long dataset_len(hid_t loc, const char *name, int *rank_out, hsize_t *dims) {
  if (H5Lexists(loc, name, H5P_DEFAULT) <= 0) return -1;
  hid_t ds = H5Dopen2(loc, name, H5P_DEFAULT);
  if (ds < 0) return -1;
  hid_t sp = H5Dget_space(ds);
  int rank = H5Sget_simple_extent_ndims(sp);
  hsize_t d[8] = {0};
  long long n = -1;
  if (rank > 0 && rank <= 8) {
    H5Sget_simple_extent_dims(sp, d, NULL);
    n = (long long)H5Sget_simple_extent_npoints(sp);
  }
  H5Sclose(sp);
  H5Dclose(ds);
  if (rank_out) *rank_out = rank;
  if (dims)
    for (int k = 0; k < rank && k < 8; k++) dims[k] = d[k];
  return n;
}

static int write_contour(hid_t loc, const char *name, const fb_contour *c, const char *coupling_units,
                         const char *what, fb_err *err) {
  /* [n][2] (mass, coupling) with a NaN row between polylines: plt.plot(c[:,0], c[:,1]) draws them */
  size_t rows = c->n_points + (c->n_lines ? c->n_lines - 1 : 0);
  double *buf = malloc((rows ? rows : 1) * 2 * sizeof(double));
  FB_TEST(err, !buf, FB_ERR_MEMORY, "out of memory");
  size_t r = 0;
  for (size_t k = 0; k < c->n_lines; k++) {
    if (k > 0) {
      buf[2 * r] = buf[2 * r + 1] = NAN;
      r++;
    }
    for (size_t i = c->start[k]; i < c->start[k + 1]; i++, r++) {
      buf[2 * r] = c->x[i];
      buf[2 * r + 1] = c->y[i];
    }
  }
  hsize_t dims[2] = {rows, 2};
  char units[256], desc[1024];
  snprintf(units, sizeof units, "GeV, %s", coupling_units);
  snprintf(desc, sizeof desc,
           "boundary of %s: closed polylines (mass, coupling), one NaN row between polylines; marching squares of the "
           "mask (vertices at cell-edge midpoints, in log10 on log axes)",
           what);
  int rc = fb_h5_dataset(loc, name, H5T_NATIVE_DOUBLE, 2, dims, buf, units, desc, err);
  free(buf);
  if (rc == FB_OK) {
    hid_t ds = H5Dopen2(loc, name, H5P_DEFAULT);
    if (ds >= 0) {
      rc = fb_h5_attr_long(ds, "n_polylines", (long)c->n_lines, err);
      H5Dclose(ds);
    }
  }
  return rc;
}

/* The limit's own curve, converted to the scan's axes (GeV; the scan's coupling convention), for
 * figures that draw the published line rather than the rasterised mask: [n][2] (mass, coupling) for
 * closed and upper_bound limits, [n][3] (mass, lower, upper) for edges; one NaN row between
 * segments (polygons of a closed limit are implicitly closed). */
static int write_curve(hid_t loc, const fb_limit *lim, const fb_limit_axes *ax, fb_err *err) {
  const char *coupling_units = ax->coupling_unit;
  fb_limit_plane_map map;
  FB_CALL(err, fb_limit_plane_map_get(lim, ax->coupling_name, coupling_units, ax->alpha_D, ax->mass_ratio, 0, &map,
                                      err));
  const size_t cols = lim->kind == FB_LIMIT_EDGES ? 3 : 2;
  const size_t rows = lim->n_points + (lim->n_segments ? lim->n_segments - 1 : 0);
  double *buf = malloc((rows ? rows : 1) * cols * sizeof(double));
  FB_TEST(err, !buf, FB_ERR_MEMORY, "out of memory");
  size_t r = 0;
  for (size_t sgm = 0; sgm < lim->n_segments; sgm++) {
    if (sgm > 0) {
      for (size_t c = 0; c < cols; c++) buf[cols * r + c] = NAN;
      r++;
    }
    for (size_t i = lim->seg_start[sgm]; i < lim->seg_start[sgm + 1]; i++, r++) {
      fb_limit_plane_map_apply(&map, lim->x[i], lim->y[i], &buf[cols * r], &buf[cols * r + 1]);
      if (cols == 3) {
        double X;
        fb_limit_plane_map_apply(&map, lim->x[i], lim->y_hi[i], &X, &buf[cols * r + 2]);
      }
    }
  }
  hsize_t dims[2] = {rows, cols};
  char units[256], desc[1536];
  snprintf(units, sizeof units, "GeV, %s", coupling_units);
  char bc2[768] = "";
  if (map.bc2_from_epsilon)
    snprintf(bc2, sizeof bc2, "; converted from %s at m_A' to m_chi = m_A'/%g, y = %g eps^2/%g^4 (docs/limits-format.md)",
             lim->y_quantity, ax->mass_ratio, ax->alpha_D, ax->mass_ratio);
  else if (map.dd_target_mass_GeV > 0)
    snprintf(bc2, sizeof bc2,
             "; converted from %s [cm^2] at m_chi to y = sigma (m_A'^2 + q^2)^2/(16 pi alpha mu^2 R^4), R = %g, q = %g GeV "
             "(arXiv:1108.5383 eq. 4; docs/limits-format.md)",
             lim->y_quantity, ax->mass_ratio, map.dd_q_ref_GeV);
  snprintf(desc, sizeof desc,
           "the limit's own curve (%s) on the scan's axes: columns mass, coupling%s; one NaN row between segments%s",
           fb_limit_kind_name(lim->kind), cols == 3 ? " lower, coupling upper" : "", bc2);
  int rc = fb_h5_dataset(loc, "curve", H5T_NATIVE_DOUBLE, 2, dims, buf, units, desc, err);
  free(buf);
  return rc;
}

/* ------------------------------------------------------------------ sources */

typedef struct source {
  char label[FB_LIMIT_TEXT + 64]; /* limits.<experiment> or bounds.<name> */
  char path[FB_LIMIT_TEXT + 64];  /* the mask's path in the file */
  uint8_t *mask;
} source;

typedef struct bound_list {
  char names[FB_MERGE_MAX_SOURCES + 1][256];
  size_t n;
  int too_many;
} bound_list;

static herr_t list_bounds(hid_t g, const char *name, const H5L_info_t *info, void *data) {
  (void)info;
  bound_list *bl = data;
  char path[512];
  snprintf(path, sizeof path, "%s/excluded", name);
  if (H5Lexists(g, name, H5P_DEFAULT) > 0 && H5Lexists(g, path, H5P_DEFAULT) > 0) {
    if (bl->n < FB_MERGE_MAX_SOURCES) snprintf(bl->names[bl->n++], sizeof bl->names[0], "%s", name);
    else bl->too_many = 1;
  }
  return 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int list_limit_files(const char *dir, char ***names, size_t *n, fb_err *err) {
  *names = NULL;
  *n = 0;
  DIR *d = opendir(dir);
  FB_TEST(err, !d, FB_ERR_IO, "cannot open limits directory '%s': %s", dir, strerror(errno));
  size_t cap = 0;
  struct dirent *e;
  int rc = FB_OK;
  while ((e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (l < 7 || strcmp(e->d_name + l - 6, ".limit")) continue;
    if (*n == cap) {
      cap = cap ? 2 * cap : 32;
      char **nn = realloc(*names, cap * sizeof(char *));
      FB_TEST_GOTO(err, rc, !nn, FB_ERR_MEMORY, out, "out of memory");
      *names = nn;
    }
    (*names)[*n] = malloc(strlen(dir) + l + 2);
    FB_TEST_GOTO(err, rc, !(*names)[*n], FB_ERR_MEMORY, out, "out of memory");
    sprintf((*names)[*n], "%s/%s", dir, e->d_name);
    (*n)++;
  }
  if (*n) qsort(*names, *n, sizeof(char *), cmp_str);
out:
  closedir(d);
  return rc;
}

/* Every limit of files[] read, validated and checked against the plane: benchmark, assumptions
 * (fb_limit_assumptions_fit), coupling convertible to the plane's, unique experiment names. Nothing
 * is written. plane_benchmark NULL: only the files themselves are checked. */
static int check_limits(char *const *files, size_t n, const char *dir, const char *plane_benchmark,
                        const char *plane_assumptions, const char *coupling_name, const char *coupling_unit,
                        double alpha_D, double mass_ratio, const char *plane_what, fb_err *err) {
  int rc = FB_OK;
  char (*names)[FB_LIMIT_TEXT] = calloc(n ? n : 1, sizeof *names);
  FB_TEST(err, !names, FB_ERR_MEMORY, "out of memory");
  for (size_t k = 0; rc == FB_OK && k < n; k++) {
    fb_limit lim;
    rc = fb_limit_read(&lim, files[k], err);
    if (rc != FB_OK) break;
    char why[1024];
    if (plane_benchmark && plane_benchmark[0] && !fb_limit_assumptions_fit(lim.assumptions, plane_assumptions, why, sizeof why))
      rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__,
                      "%s: limit '%s' (benchmark %s, assumptions '%s') does not fit the %s plane of %s (assumptions "
                      "'%s'): %s",
                      files[k], lim.experiment, lim.benchmark, lim.assumptions, plane_benchmark, plane_what,
                      plane_assumptions, why);
    else if (plane_benchmark && plane_benchmark[0] && strcasecmp(lim.benchmark, plane_benchmark))
      rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__,
                      "%s: limit '%s' (assumptions '%s'): benchmark %s does not match the benchmark %s of %s (plane "
                      "assumptions '%s')",
                      files[k], lim.experiment, lim.assumptions, lim.benchmark, plane_benchmark, plane_what,
                      plane_assumptions);
    if (rc == FB_OK && plane_benchmark && coupling_name && coupling_name[0]) {
      /* units, convention and (BC2) the epsilon -> y conversion; alpha_D = 0: not known yet (run's check) */
      fb_limit_plane_map map;
      rc = fb_limit_plane_map_get(&lim, coupling_name, coupling_unit, alpha_D, mass_ratio, !(alpha_D > 0), &map, err);
      if (rc != FB_OK) fb_err_push(err, rc, __func__, __LINE__, files[k]);
    }
    for (size_t j = 0; rc == FB_OK && j < k; j++)
      if (!strcmp(names[j], lim.experiment))
        rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__,
                        "%s: experiment '%s' is already given by another file of '%s': experiment names must be unique",
                        files[k], lim.experiment, dir);
    if (rc == FB_OK && !strncmp(lim.experiment, "accelerator_", 12))
      rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__,
                      "%s: experiment names starting with 'accelerator_' are reserved for /limits/accelerator_*", files[k]);
    snprintf(names[k], sizeof names[0], "%s", lim.experiment);
    fb_limit_free(&lim);
  }
  free(names);
  return rc;
}

int fb_limits_check_dir(const char *dir, const char *benchmark, const char *coupling_name,
                        const char *coupling_unit, size_t *n_files, fb_err *err) {
  char **files = NULL;
  size_t n = 0;
  char plane[512] = "";
  if (benchmark) fb_limit_plane_assumptions(benchmark, 0, 0, NULL, plane, sizeof plane);
  int rc = list_limit_files(dir, &files, &n, err);
  if (rc == FB_OK) rc = check_limits(files, n, dir, benchmark, plane, coupling_name, coupling_unit, 0, 0, "the model", err);
  for (size_t k = 0; k < n; k++) free(files[k]);
  free(files);
  if (n_files) *n_files = n;
  return rc;
}

static int write_string_list(hid_t loc, const char *name, char *const *strings, size_t n, const char *desc,
                             fb_err *err) {
  size_t w = 1;
  for (size_t k = 0; k < n; k++)
    if (strlen(strings[k]) + 1 > w) w = strlen(strings[k]) + 1;
  char *buf = calloc(n ? n : 1, w);
  FB_TEST(err, !buf, FB_ERR_MEMORY, "out of memory");
  for (size_t k = 0; k < n; k++) memcpy(buf + k * w, strings[k], strlen(strings[k]));
  hid_t t = H5Tcopy(H5T_C_S1);
  H5Tset_size(t, w);
  H5Tset_strpad(t, H5T_STR_NULLPAD);
  H5Tset_cset(t, H5T_CSET_UTF8);
  hsize_t dims[1] = {n};
  hid_t sp = H5Screate_simple(1, dims, NULL);
  hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  H5Pset_obj_track_times(dcpl, 0);
  hid_t ds = H5Dcreate2(loc, name, t, sp, H5P_DEFAULT, dcpl, H5P_DEFAULT);
  int rc = FB_OK;
  if (ds < 0 || (n && H5Dwrite(ds, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf) < 0))
    rc = fb_err_set(err, FB_ERR_HDF5, __func__, __LINE__, "cannot write dataset '%s'", name);
  if (rc == FB_OK) rc = fb_h5_attr_string(ds, "units", "", err);
  if (rc == FB_OK) rc = fb_h5_attr_string(ds, "description", desc, err);
  if (ds >= 0) H5Dclose(ds);
  H5Pclose(dcpl);
  H5Sclose(sp);
  H5Tclose(t);
  free(buf);
  return rc;
}

static int write_u64(hid_t loc, const char *name, const hsize_t *dims, const uint64_t *data, const char *desc,
                     fb_err *err) {
  hid_t sp = H5Screate_simple(2, dims, NULL);
  hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  H5Pset_obj_track_times(dcpl, 0);
  hid_t ds = H5Dcreate2(loc, name, H5T_STD_U64LE, sp, H5P_DEFAULT, dcpl, H5P_DEFAULT);
  int rc = FB_OK;
  if (ds < 0 || H5Dwrite(ds, H5T_NATIVE_UINT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) < 0)
    rc = fb_err_set(err, FB_ERR_HDF5, __func__, __LINE__, "cannot write dataset '%s'", name);
  if (rc == FB_OK) rc = fb_h5_attr_string(ds, "units", "", err);
  if (rc == FB_OK) rc = fb_h5_attr_string(ds, "description", desc, err);
  if (ds >= 0) H5Dclose(ds);
  H5Pclose(dcpl);
  H5Sclose(sp);
  return rc;
}

static int write_mask(hid_t loc, const char *name, const uint8_t *mask, const hsize_t *dims, const char *desc,
                      fb_err *err) {
  return fb_h5_dataset(loc, name, H5T_NATIVE_UINT8, 2, dims, mask, "", desc, err);
}

static size_t count_set(const uint8_t *m, size_t n) {
  size_t c = 0;
  for (size_t k = 0; k < n; k++) c += m[k] != 0;
  return c;
}

/* ------------------------------------------------------------------ the merge */

/* The merge into the file open_path, named scan_path in messages and headers (the two differ when
 * fb_limits_merge works on a temporary copy); dry_run: stop after every check, before any write. */
static int merge_core(const char *open_path, const char *scan_path, const char *limit_dir, const fb_merge_options *opt,
                      fb_merge_summary *summary, int dry_run, fb_err *err) {
  static const fb_merge_options defaults = {0};
  if (!opt) opt = &defaults;
  fb_merge_summary sum = {0};
  int rc = FB_OK;
  hid_t file = -1, g = -1;
  double *mass = NULL, *coupling = NULL;
  char **files = NULL;
  size_t n_files = 0, n_src = 0;
  source *src = NULL;
  uint8_t *acc = NULL, *all = NULL, *bnd = NULL;
  uint64_t *bits = NULL;
  fb_limit lim;
  fb_limit_init(&lim);
  fb_contour con;
  fb_contour_init(&con);

  struct stat st;
  FB_TEST_GOTO(err, rc, stat(open_path, &st) != 0, FB_ERR_IO, out, "cannot open scan file '%s': %s", scan_path,
               strerror(errno));
  file = H5Fopen(open_path, dry_run ? H5F_ACC_RDONLY : H5F_ACC_RDWR, H5P_DEFAULT);
  FB_TEST_GOTO(err, rc, file < 0, FB_ERR_INPUT, out, "cannot open '%s' as an HDF5 file for writing (not a scan file, or not writable)",
               scan_path);
  long long complete = 0;
  FB_TEST_GOTO(err, rc, !read_long_attr(file, "complete", &complete) || complete != 1, FB_ERR_INPUT, out,
               "'%s' is not a complete scan (attribute complete != 1): finish it with fipbounds run --resume first",
               scan_path);
  char benchmark[64], mass_units[64], mass_spacing[64], coupling_name[128], coupling_units[64], coupling_spacing[64];
  read_string_attr(file, "benchmark", benchmark, sizeof benchmark);
  int rank = 0;
  long long nm = dataset_len(file, "grid/mass", &rank, NULL), nc = dataset_len(file, "grid/coupling", &rank, NULL);
  FB_TEST_GOTO(err, rc, nm < 1 || nc < 1, FB_ERR_INPUT, out, "'%s' has no /grid/mass or /grid/coupling", scan_path);
  const size_t NM = (size_t)nm, NC = (size_t)nc, NP = NM * NC;
  mass = malloc(NM * sizeof(double));
  coupling = malloc(NC * sizeof(double));
  FB_TEST_GOTO(err, rc, !mass || !coupling, FB_ERR_MEMORY, out, "out of memory");
  FB_CALL_GOTO(err, rc, fb_h5_read_doubles(file, "grid/mass", NM, mass, err), out);
  FB_CALL_GOTO(err, rc, fb_h5_read_doubles(file, "grid/coupling", NC, coupling, err), out);
  {
    hid_t ds = H5Dopen2(file, "grid/mass", H5P_DEFAULT);
    read_string_attr(ds, "units", mass_units, sizeof mass_units);
    read_string_attr(ds, "spacing", mass_spacing, sizeof mass_spacing);
    H5Dclose(ds);
    ds = H5Dopen2(file, "grid/coupling", H5P_DEFAULT);
    read_string_attr(ds, "name", coupling_name, sizeof coupling_name);
    read_string_attr(ds, "units", coupling_units, sizeof coupling_units);
    read_string_attr(ds, "spacing", coupling_spacing, sizeof coupling_spacing);
    H5Dclose(ds);
  }
  double mass_factor = 1;
  FB_CALL_GOTO(err, rc, fb_limit_mass_unit_to_GeV(mass_units, &mass_factor, err), out);
  for (size_t i = 0; i < NM; i++) mass[i] *= mass_factor;
  fb_limit_axes ax = {.n_mass = NM, .n_coupling = NC, .mass_GeV = mass, .coupling = coupling,
                            .mass_log = !strcmp(mass_spacing, "log"), .coupling_log = strcmp(coupling_spacing, "linear") != 0,
                            .coupling_name = coupling_name, .coupling_unit = coupling_units};
  const hsize_t dims[2] = {NM, NC};
  /* old coupling names (g_agg) are aliases of the canonical ones (src/models/fb_fip.h) */
  if (!dry_run && strcmp(fb_fip_coupling_canonical(coupling_name), coupling_name))
    FB_LOG_INF("merge: the coupling axis of %s is named '%s', an old name of '%s': accepted as '%s'", scan_path,
               coupling_name, fb_fip_coupling_canonical(coupling_name), fb_fip_coupling_canonical(coupling_name));
  /* the plane's assumptions: the benchmark's, with the model's alpha_D and mass ratio for BC2 */
  char plane[512], model_name[128], what[4200];
  read_string_attr(file, "model", model_name, sizeof model_name);
  double alpha_D = 0, ratio = 0;
  char spin[64] = "";
  read_input_double(file, model_name, "alpha_D", &alpha_D);
  read_input_double(file, model_name, "ratio", &ratio);
  read_input_string(file, model_name, "spin", spin, sizeof spin);
  fb_limit_plane_assumptions(benchmark, alpha_D, ratio, spin, plane, sizeof plane);
  ax.alpha_D = alpha_D; /* the BC2 plane: epsilon limits at m_A' convert to (m_chi, y) with them */
  ax.mass_ratio = ratio;
  snprintf(what, sizeof what, "'%s'", scan_path);

  /* every limit file checked before anything is written */
  if (limit_dir) FB_CALL_GOTO(err, rc, list_limit_files(limit_dir, &files, &n_files, err), out);
  FB_CALL_GOTO(err, rc,
               check_limits(files, n_files, limit_dir ? limit_dir : "", benchmark, plane, coupling_name, coupling_units,
                            alpha_D, ratio, what, err),
               out);
  bound_list bl = {.n = 0, .too_many = 0};
  if (H5Lexists(file, "bounds", H5P_DEFAULT) > 0) {
    hid_t bg = H5Gopen2(file, "bounds", H5P_DEFAULT);
    H5Literate(bg, H5_INDEX_NAME, H5_ITER_INC, NULL, list_bounds, &bl);
    H5Gclose(bg);
  }
  FB_TEST_GOTO(err, rc, bl.too_many || n_files + bl.n > FB_MERGE_MAX_SOURCES, FB_ERR_RANGE, out,
               "%zu limit files and %s%zu computed bounds: at most %d sources fit the 64-bit /combined/excluded_by "
               "(merge fewer limits)",
               n_files, bl.too_many ? ">= " : "", bl.n, FB_MERGE_MAX_SOURCES);
  if (dry_run) goto out;
  src = calloc(n_files + bl.n + 1, sizeof(source));
  acc = calloc(NP, 1);
  all = calloc(NP, 1);
  bnd = calloc(NP, 1);
  bits = calloc(NP, sizeof(uint64_t));
  FB_TEST_GOTO(err, rc, !src || !acc || !all || !bnd || !bits, FB_ERR_MEMORY, out, "out of memory (%zu points)", NP);

  /* replace an earlier merge */
  if (H5Lexists(file, "limits", H5P_DEFAULT) > 0) H5Ldelete(file, "limits", H5P_DEFAULT);
  if (H5Lexists(file, "combined", H5P_DEFAULT) > 0) H5Ldelete(file, "combined", H5P_DEFAULT);
  g = fb_h5_group(file, "limits");
  FB_TEST_GOTO(err, rc, g < 0, FB_ERR_HDF5, out, "cannot create /limits in '%s'", scan_path);

  for (size_t f = 0; f < n_files; f++) {
    FB_CALL_GOTO(err, rc, fb_limit_read(&lim, files[f], err), out); /* checked by check_limits above */
    source *s = &src[n_src++];
    snprintf(s->label, sizeof s->label, "limits.%s", lim.experiment);
    snprintf(s->path, sizeof s->path, "/limits/%s/excluded", lim.experiment);
    s->mask = malloc(NP);
    FB_TEST_GOTO(err, rc, !s->mask, FB_ERR_MEMORY, out, "out of memory");
    FB_CALL_GOTO(err, rc, fb_limit_rasterise(&lim, &ax, s->mask, err), out);
    size_t n_ex = count_set(s->mask, NP);
    for (size_t p = 0; p < NP; p++) acc[p] |= s->mask[p];
    char desc[4096], name[FB_LIMIT_TEXT + 32];
    snprintf(desc, sizeof desc, "1 where %s (%s, %g%% CL) excludes the grid point (%s region rasterised: docs/limits-format.md)",
             lim.experiment, lim.reference, lim.cl_percent, fb_limit_kind_name(lim.kind));
    snprintf(name, sizeof name, "%s/excluded", lim.experiment);
    FB_CALL_GOTO(err, rc, write_mask(g, name, s->mask, dims, desc, err), out);
    hid_t eg = H5Gopen2(g, lim.experiment, H5P_DEFAULT);
    FB_TEST_GOTO(err, rc, eg < 0, FB_ERR_HDF5, out, "cannot open /limits/%s", lim.experiment);
    const char *keys[] = {"experiment", "reference", "benchmark", "x_quantity", "x_unit", "y_quantity",
                          "y_unit", "kind", "provenance", "licence", "notes", "source_file", "assumptions",
                          "plane_assumptions"};
    const char *vals[] = {lim.experiment, lim.reference, lim.benchmark, lim.x_quantity, lim.x_unit, lim.y_quantity,
                          lim.y_unit, fb_limit_kind_name(lim.kind), lim.provenance, lim.licence, lim.notes, files[f],
                          lim.assumptions, plane};
    for (size_t k = 0; rc == FB_OK && k < sizeof keys / sizeof keys[0]; k++)
      rc = fb_h5_attr_string(eg, keys[k], vals[k], err);
    if (rc == FB_OK) rc = fb_h5_attr_double(eg, "cl_percent", lim.cl_percent, err);
    if (rc == FB_OK) rc = fb_h5_attr_long(eg, "n_excluded", (long)n_ex, err);
    if (rc == FB_OK) rc = fb_h5_attr_long(eg, "bit", (long)(n_src - 1), err);
    if (rc == FB_OK) rc = fb_contour_mask(s->mask, &ax, &con, err);
    if (rc == FB_OK) rc = write_contour(eg, "contour", &con, coupling_units, "the rasterised excluded region", err);
    if (rc == FB_OK) rc = write_curve(eg, &lim, &ax, err);
    if (rc == FB_OK && opt->contour_dir) {
      size_t nf;
      char header[8192];
      snprintf(header, sizeof header, "%s (%s, %g%% CL, %s) on the grid of %s; columns: mass [GeV] %s%s%s%s",
               lim.experiment, lim.reference, lim.cl_percent, lim.benchmark, scan_path, coupling_name,
               coupling_units[0] ? " [" : "", coupling_units, coupling_units[0] ? "]" : "");
      rc = fb_contour_write_txt(&con, opt->contour_dir, s->label, header, &nf, err);
    }
    fb_contour_free(&con);
    H5Gclose(eg);
    if (rc != FB_OK) {
      fb_err_push(err, rc, __func__, __LINE__, files[f]);
      goto out;
    }
    if (opt->verbose)
      FB_LOG_INF("limit %s (%s): %zu of %zu grid points excluded", lim.experiment, fb_limit_kind_name(lim.kind), n_ex,
                 NP);
    fb_limit_free(&lim);
  }
  FB_CALL_GOTO(err, rc,
               write_mask(g, "accelerator_excluded", acc, dims,
                          "1 where at least one limit of /limits/<experiment>/excluded excludes the grid point", err),
               out);
  FB_CALL_GOTO(err, rc, fb_h5_attr_string(g, "source_directory", limit_dir ? limit_dir : "", err), out);
  FB_CALL_GOTO(err, rc, fb_h5_attr_long(g, "n_limits", (long)n_files, err), out);
  FB_CALL_GOTO(err, rc, fb_contour_mask(acc, &ax, &con, err), out);
  FB_CALL_GOTO(err, rc, write_contour(g, "accelerator_contour", &con, coupling_units, "the union of the limits", err),
               out);
  fb_contour_free(&con);
  H5Gclose(g);
  g = -1;

  /* computed bounds: every /bounds/<name>/excluded of the grid's shape */
  for (size_t b = 0; b < bl.n; b++) {
    char path[512];
    snprintf(path, sizeof path, "bounds/%s/excluded", bl.names[b]);
    int r = 0;
    hsize_t d[8];
    long long n = dataset_len(file, path, &r, d);
    FB_TEST_GOTO(err, rc, r != 2 || d[0] != NM || d[1] != NC, FB_ERR_INPUT, out,
                 "/%s has shape %s%llu x %llu, not the grid's %zu x %zu", path, r != 2 ? "(not 2-D) " : "",
                 (unsigned long long)d[0], (unsigned long long)(r > 1 ? d[1] : 0), NM, NC);
    (void)n;
    source *s = &src[n_src++];
    snprintf(s->label, sizeof s->label, "bounds.%s", bl.names[b]);
    snprintf(s->path, sizeof s->path, "/%s", path);
    s->mask = malloc(NP);
    FB_TEST_GOTO(err, rc, !s->mask, FB_ERR_MEMORY, out, "out of memory");
    hid_t ds = H5Dopen2(file, path, H5P_DEFAULT);
    herr_t st2 = ds >= 0 ? H5Dread(ds, H5T_NATIVE_UINT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, s->mask) : -1;
    if (ds >= 0) H5Dclose(ds);
    FB_TEST_GOTO(err, rc, st2 < 0, FB_ERR_HDF5, out, "cannot read /%s as uint8", path);
    for (size_t p = 0; p < NP; p++) {
      s->mask[p] = s->mask[p] != 0;
      bnd[p] |= s->mask[p];
    }
  }
  sum.n_limits = n_files;
  sum.n_bounds = bl.n;
  sum.n_sources = n_src;

  /* /combined */
  g = fb_h5_group(file, "combined");
  FB_TEST_GOTO(err, rc, g < 0, FB_ERR_HDF5, out, "cannot create /combined");
  char **labels = malloc((n_src ? n_src : 1) * sizeof(char *)), **paths = malloc((n_src ? n_src : 1) * sizeof(char *));
  FB_TEST_GOTO(err, rc, !labels || !paths, FB_ERR_MEMORY, free_lists, "out of memory");
  size_t key_len = 256;
  for (size_t k = 0; k < n_src; k++) {
    labels[k] = src[k].label;
    paths[k] = src[k].path;
    key_len += strlen(src[k].label) + strlen(src[k].path) + 16;
    for (size_t p = 0; p < NP; p++)
      if (src[k].mask[p]) bits[p] |= (uint64_t)1 << k;
  }
  char *key = malloc(key_len);
  FB_TEST_GOTO(err, rc, !key, FB_ERR_MEMORY, free_lists, "out of memory");
  size_t kl = (size_t)snprintf(key, key_len, "bit k of excluded_by set <=> source k excludes the point:");
  for (size_t k = 0; k < n_src; k++)
    kl += (size_t)snprintf(key + kl, key_len - kl, "\n%zu: %s (%s)", k, src[k].label, src[k].path);
  for (size_t p = 0; p < NP; p++) all[p] = acc[p] | bnd[p];
  sum.n_excluded = count_set(all, NP);
  FB_CALL_GOTO(err, rc, write_string_list(g, "source_names", labels, n_src,
                                          "name of source k = bit k of excluded_by: limits.<experiment> or bounds.<name>",
                                          err),
               free_key);
  FB_CALL_GOTO(err, rc,
               write_string_list(g, "source_paths", paths, n_src, "HDF5 path of the mask of source k (bit k)", err),
               free_key);
  FB_CALL_GOTO(err, rc, write_u64(g, "excluded_by", dims, bits, key, err), free_key);
  FB_CALL_GOTO(err, rc, fb_h5_attr_string(g, "bit_key", key, err), free_key);
  FB_CALL_GOTO(err, rc, fb_h5_attr_long(g, "n_sources", (long)n_src, err), free_key);
  FB_CALL_GOTO(err, rc,
               write_mask(g, "bounds_excluded", bnd, dims,
                          "1 where at least one computed bound (/bounds/<name>/excluded) excludes the point", err),
               free_key);
  FB_CALL_GOTO(err, rc,
               write_mask(g, "excluded", all, dims,
                          "1 where any source (computed bound or accelerator limit) excludes the point", err),
               free_key);
  /* every source's mask under /combined/masks/<label> (hard links: no copy) and its contour */
  {
    hid_t mg = fb_h5_group(g, "masks");
    FB_TEST_GOTO(err, rc, mg < 0, FB_ERR_HDF5, free_key, "cannot create /combined/masks");
    for (size_t k = 0; k < n_src && rc == FB_OK; k++)
      if (H5Lcreate_hard(file, src[k].path, mg, src[k].label, H5P_DEFAULT, H5P_DEFAULT) < 0)
        rc = fb_err_set(err, FB_ERR_HDF5, __func__, __LINE__, "cannot link %s to /combined/masks", src[k].path);
    H5Gclose(mg);
    for (size_t k = 0; k < n_src && rc == FB_OK; k++) {
      if (strncmp(src[k].label, "bounds.", 7)) continue;
      char name[FB_LIMIT_TEXT + 96];
      snprintf(name, sizeof name, "contours/%s", src[k].label);
      rc = fb_contour_mask(src[k].mask, &ax, &con, err);
      if (rc == FB_OK) rc = write_contour(g, name, &con, coupling_units, src[k].path, err);
      if (rc == FB_OK && opt->contour_dir) {
        size_t nf;
        char header[8192];
        snprintf(header, sizeof header, "computed bound %s of %s; columns: mass [GeV] %s", src[k].path, scan_path,
                 coupling_name);
        rc = fb_contour_write_txt(&con, opt->contour_dir, src[k].label, header, &nf, err);
      }
      fb_contour_free(&con);
    }
    if (rc == FB_OK) rc = fb_contour_mask(all, &ax, &con, err);
    if (rc == FB_OK) rc = write_contour(g, "contours/all", &con, coupling_units, "the union of every source", err);
    if (rc == FB_OK && opt->contour_dir) {
      size_t nf;
      rc = fb_contour_write_txt(&con, opt->contour_dir, "combined", "union of every source", &nf, err);
    }
    fb_contour_free(&con);
    if (rc != FB_OK) fb_err_push(err, rc, __func__, __LINE__, "/combined");
  }
free_key:
  free(key);
free_lists:
  free(labels);
  free(paths);
out:
  if (g >= 0) H5Gclose(g);
  if (file >= 0 && H5Fclose(file) < 0 && rc == FB_OK)
    rc = fb_err_set(err, FB_ERR_HDF5, __func__, __LINE__, "cannot close '%s'", scan_path);
  for (size_t k = 0; src && k < n_src; k++) free(src[k].mask);
  free(src);
  for (size_t k = 0; k < n_files; k++) free(files[k]);
  free(files);
  free(mass);
  free(coupling);
  free(acc);
  free(all);
  free(bnd);
  free(bits);
  fb_limit_free(&lim);
  fb_contour_free(&con);
  if (summary) *summary = sum;
  return rc;
}

int fb_limits_merge_file(const char *scan_path, const char *limit_dir, const fb_merge_options *opt,
                         fb_merge_summary *summary, fb_err *err) {
  return merge_core(scan_path, scan_path, limit_dir, opt, summary, 0, err);
}

/* copy the bytes of src to the open descriptor fd; fsync */
static int copy_to_fd(const char *src, int fd, const char *tmp, fb_err *err) {
  int in = open(src, O_RDONLY);
  FB_TEST(err, in < 0, FB_ERR_IO, "cannot read '%s': %s", src, strerror(errno));
  char buf[1 << 16];
  int rc = FB_OK;
  for (;;) {
    ssize_t n = read(in, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0 && errno == EINTR) continue;
    FB_TEST_GOTO(err, rc, n < 0, FB_ERR_IO, out, "cannot read '%s': %s", src, strerror(errno));
    for (ssize_t w = 0; w < n;) {
      ssize_t m = write(fd, buf + w, (size_t)(n - w));
      if (m < 0 && errno == EINTR) continue;
      FB_TEST_GOTO(err, rc, m <= 0, FB_ERR_IO, out, "cannot write '%s': %s", tmp, strerror(m < 0 ? errno : ENOSPC));
      w += m;
    }
  }
  FB_TEST_GOTO(err, rc, fsync(fd) != 0, FB_ERR_IO, out, "cannot flush '%s': %s", tmp, strerror(errno));
out:
  close(in);
  return rc;
}

int fb_limits_merge(const char *scan_path, const char *limit_dir, const char *const *other_paths, size_t n_other,
                    const fb_merge_options *opt, fb_merge_summary *summary, size_t *n_copied, fb_err *err) {
  if (n_copied) *n_copied = 0;
  /* 1. every source checked against the file as it is (read-only) */
  if (n_other) FB_CALL(err, fb_limits_copy_bounds_check(scan_path, other_paths, n_other, err));
  FB_CALL(err, merge_core(scan_path, scan_path, limit_dir, opt, NULL, 1, err));
  /* 2. the work on a copy made exclusively beside the file (same file system: rename is atomic) */
  struct stat st;
  FB_TEST(err, stat(scan_path, &st) != 0, FB_ERR_IO, "cannot open scan file '%s': %s", scan_path, strerror(errno));
  size_t ln = strlen(scan_path) + 32;
  char *tmp = malloc(ln);
  FB_TEST(err, !tmp, FB_ERR_MEMORY, "out of memory");
  snprintf(tmp, ln, "%s.merge.XXXXXX", scan_path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    int e = errno;
    free(tmp);
    FB_FAIL(err, FB_ERR_IO, "cannot create a temporary file beside '%s' (is its directory writable?): %s", scan_path,
            strerror(e));
  }
  int rc = copy_to_fd(scan_path, fd, tmp, err);
  if (rc == FB_OK && fchmod(fd, st.st_mode & 07777) != 0)
    rc = fb_err_set(err, FB_ERR_IO, __func__, __LINE__, "cannot set the mode of '%s': %s", tmp, strerror(errno));
  if (close(fd) != 0 && rc == FB_OK)
    rc = fb_err_set(err, FB_ERR_IO, __func__, __LINE__, "cannot close '%s': %s", tmp, strerror(errno));
  if (rc == FB_OK && n_other) rc = fb_limits_copy_bounds_as(tmp, scan_path, other_paths, n_other, n_copied, err);
  if (rc == FB_OK) rc = merge_core(tmp, scan_path, limit_dir, opt, summary, 0, err);
  if (rc == FB_OK) {
    int tfd = open(tmp, O_RDONLY);
    if (tfd < 0 || fsync(tfd) != 0)
      rc = fb_err_set(err, FB_ERR_IO, __func__, __LINE__, "cannot flush '%s': %s", tmp, strerror(errno));
    if (tfd >= 0) close(tfd);
  }
  if (rc == FB_OK && rename(tmp, scan_path) != 0)
    rc = fb_err_set(err, FB_ERR_IO, __func__, __LINE__, "cannot rename '%s' to '%s': %s", tmp, scan_path,
                    strerror(errno));
  if (rc != FB_OK) {
    unlink(tmp);
    fb_err_push(err, rc, __func__, __LINE__, "the original file is unchanged");
  }
  free(tmp);
  return rc;
}
