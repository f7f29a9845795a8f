/**
 * @file fb_output.c
 * @brief The self-describing HDF5 output file (layout in docs/output-format.md).
 *
 * Rank 0 writes the whole file each time (checkpoints and the final write): built in memory, written
 * to an exclusively created "<path>.tmp.XXXXXX" and renamed over <path>, so a run killed at any
 * moment (even by SIGKILL) or a full disk leaves the previous complete checkpoint intact. Object time stamps are switched off so that two runs with the same
 * input produce identical datasets.
 */
#include <errno.h>
#include <fcntl.h>
#include <gsl/gsl_version.h>
#include <hdf5.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sundials/sundials_config.h>
#include <time.h>
#include <unistd.h>

#include "fb_h5.h"
#include "fb_path.h"
#include "fb_scan.h"
#include "fb_version.h"

#define FB_OUTPUT_FORMAT_VERSION 2 /* 2: /input/text, overrides, resolved are datasets */

static int write_code_group(hid_t file, const fb_run_info *info, fb_err *err) {
  hid_t g = fb_h5_group(file, "code");
  FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot create /code");
  char mpi_version[MPI_MAX_LIBRARY_VERSION_STRING] = "";
  int len = 0;
  MPI_Get_library_version(mpi_version, &len);
  for (int i = len - 1; i >= 0 && (mpi_version[i] == '\n' || mpi_version[i] == ' '); i--) mpi_version[i] = '\0';
  unsigned maj, min, rel;
  H5get_libversion(&maj, &min, &rel);
  char hdf5_version[64];
  snprintf(hdf5_version, sizeof hdf5_version, "%u.%u.%u", maj, min, rel);
  char host[256] = "";
  gethostname(host, sizeof host - 1);
  const char *slurm_job = getenv("SLURM_JOB_ID");
  const char *slurm_array_job = getenv("SLURM_ARRAY_JOB_ID");
  const char *slurm_array = getenv("SLURM_ARRAY_TASK_ID");
  const char *slurm_nodes = getenv("SLURM_JOB_NODELIST");
  const char *slurm_restarts = getenv("SLURM_RESTART_COUNT"); /* set by Slurm after a requeue */
  int rc = FB_OK;
#define A_STR(n, v) \
  if (rc == FB_OK) rc = fb_h5_attr_string(g, n, v, err)
  A_STR("name", "fipbounds");
  A_STR("version", FB_VERSION_STRING);
  A_STR("git_hash", FB_GIT_HASH);
  A_STR("compiler", FB_COMPILER);
  A_STR("cflags", FB_CFLAGS);
  A_STR("build_type", FB_BUILD_TYPE);
  A_STR("mpi_library", mpi_version);
  A_STR("hdf5_version", hdf5_version);
  A_STR("gsl_version", GSL_VERSION);
  A_STR("sundials_version", SUNDIALS_VERSION);
  A_STR("hostname", host);
  A_STR("slurm_job_id", slurm_job ? slurm_job : "");
  A_STR("slurm_array_job_id", slurm_array_job ? slurm_array_job : "");
  A_STR("slurm_array_task_id", slurm_array ? slurm_array : "");
  A_STR("slurm_nodelist", slurm_nodes ? slurm_nodes : "");
  A_STR("slurm_restart_count", slurm_restarts ? slurm_restarts : "");
#undef A_STR
  if (rc == FB_OK) rc = fb_h5_attr_long(g, "mpi_size", info->mpi_size, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "wall_time_s", info->wall_time_s, err);
  if (rc == FB_OK) rc = fb_h5_attr_long(g, "output_format_version", FB_OUTPUT_FORMAT_VERSION, err);
  H5Gclose(g);
  return rc;
}

/* Per-rank load of the invocation that wrote the file (when the driver measured it). */
static int write_timing_group(hid_t file, const fb_run_info *info, fb_err *err) {
  if (!info->rank_busy_s || !info->rank_points || info->mpi_size < 1) return FB_OK;
  hid_t g = fb_h5_group(file, "timing");
  FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot create /timing");
  hsize_t n = (hsize_t)info->mpi_size;
  int rc = fb_h5_dataset(g, "busy_s", H5T_NATIVE_DOUBLE, 1, &n, info->rank_busy_s, "s",
                         "per MPI rank: wall-clock seconds spent in the model's eval during the invocation that wrote this file", err);
  if (rc == FB_OK)
    rc = fb_h5_dataset(g, "points", H5T_NATIVE_LONG, 1, &n, info->rank_points, "",
                       "per MPI rank: points computed during the invocation that wrote this file", err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "wall_time_s", info->wall_time_s, err);
  H5Gclose(g);
  return rc;
}

static int write_input_group(hid_t file, const fb_config *cfg, const fb_run_info *info, fb_err *err) {
  hid_t g = fb_h5_group(file, "input");
  FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot create /input");
  char *resolved = NULL;
  int rc = fb_config_resolved_text(cfg, &resolved, err);
  if (rc == FB_OK) rc = fb_h5_attr_string(g, "file", info->input_path, err);
  /* texts of any length are datasets (an attribute holds at most 64 KiB in this file format) */
  if (rc == FB_OK) rc = fb_h5_string_dataset(g, "text", fb_config_input_text(cfg), "the input file verbatim", err);
  if (rc == FB_OK)
    rc = fb_h5_string_dataset(g, "overrides", info->overrides, "the --set arguments, one per line", err);
  if (rc == FB_OK)
    rc = fb_h5_string_dataset(g, "resolved", resolved,
                              "every key with its resolved value and origin, as INI text that reproduces the run", err);
  free(resolved);
  /* every resolved parameter as a typed attribute of /input/<section> */
  for (size_t i = 0; rc == FB_OK && i < fb_config_n_keys(cfg); i++) {
    const fb_key_spec *spec;
    const char *value, *origin;
    fb_config_key_at(cfg, i, &spec, &value, &origin);
    hid_t sg;
    if (H5Lexists(g, spec->section, H5P_DEFAULT) > 0)
      sg = H5Gopen2(g, spec->section, H5P_DEFAULT);
    else
      sg = fb_h5_group(g, spec->section);
    if (sg < 0) {
      rc = fb_err_set(err, FB_ERR_HDF5, __func__, __LINE__, "cannot create /input/%s", spec->section);
      break;
    }
    switch (spec->type) {
      case FB_KEY_DOUBLE: rc = fb_h5_attr_double(sg, spec->key, fb_config_get_double(cfg, spec->section, spec->key), err); break;
      case FB_KEY_INT: rc = fb_h5_attr_long(sg, spec->key, fb_config_get_int(cfg, spec->section, spec->key), err); break;
      case FB_KEY_BOOL: rc = fb_h5_attr_long(sg, spec->key, fb_config_get_bool(cfg, spec->section, spec->key), err); break;
      default: rc = fb_h5_attr_string(sg, spec->key, value, err); break;
    }
    H5Gclose(sg);
  }
  H5Gclose(g);
  return rc;
}

static int write_grid_group(hid_t file, const fb_model_ops *model, const fb_grid *grid, fb_err *err) {
  hid_t g = fb_h5_group(file, "grid");
  FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot create /grid");
  hsize_t nm = grid->n_mass, nc = grid->n_coupling;
  int rc = fb_h5_dataset(g, "mass", H5T_NATIVE_DOUBLE, 1, &nm, grid->mass, model->mass_units,
                         model->mass_description, err);
  if (rc == FB_OK) {
    hid_t ds = H5Dopen2(g, "mass", H5P_DEFAULT);
    rc = fb_h5_attr_string(ds, "name", model->mass_name, err);
    if (rc == FB_OK) rc = fb_h5_attr_string(ds, "spacing", grid->mass_log ? "log" : "linear", err);
    H5Dclose(ds);
  }
  if (rc == FB_OK)
    rc = fb_h5_dataset(g, "coupling", H5T_NATIVE_DOUBLE, 1, &nc, grid->coupling,
                       model->coupling_units, model->coupling_description, err);
  if (rc == FB_OK) {
    hid_t ds = H5Dopen2(g, "coupling", H5P_DEFAULT);
    rc = fb_h5_attr_string(ds, "name", model->coupling_name, err);
    if (rc == FB_OK) rc = fb_h5_attr_string(ds, "spacing", grid->coupling_log ? "log" : "linear", err);
    H5Dclose(ds);
  }
  H5Gclose(g);
  return rc;
}

/* Failed points as a compound table (mass_index, coupling_index, code, message). */
typedef struct status_row {
  int mass_index, coupling_index, code;
  char *message;
} status_row;

/* The memory type of status_row (variable-length UTF-8 message); the caller closes both types. */
static hid_t status_row_type(hid_t *str_type) {
  hid_t str = H5Tcopy(H5T_C_S1);
  H5Tset_size(str, H5T_VARIABLE);
  H5Tset_cset(str, H5T_CSET_UTF8);
  hid_t type = H5Tcreate(H5T_COMPOUND, sizeof(status_row));
  H5Tinsert(type, "mass_index", HOFFSET(status_row, mass_index), H5T_NATIVE_INT);
  H5Tinsert(type, "coupling_index", HOFFSET(status_row, coupling_index), H5T_NATIVE_INT);
  H5Tinsert(type, "code", HOFFSET(status_row, code), H5T_NATIVE_INT);
  H5Tinsert(type, "message", HOFFSET(status_row, message), str);
  *str_type = str;
  return type;
}

static int write_status_messages(hid_t file, const fb_grid *grid, const fb_results *res, fb_err *err) {
  size_t n_failed = 0;
  for (size_t p = 0; p < res->n_points; p++) n_failed += res->status[p] > 0;
  status_row *rows = calloc(n_failed ? n_failed : 1, sizeof *rows);
  FB_TEST(err, !rows, FB_ERR_MEMORY, "cannot allocate %zu status rows", n_failed);
  size_t k = 0;
  for (size_t p = 0; p < res->n_points; p++) {
    if (res->status[p] <= 0) continue;
    rows[k].mass_index = (int)(p / grid->n_coupling);
    rows[k].coupling_index = (int)(p % grid->n_coupling);
    rows[k].code = res->status[p];
    rows[k].message = res->messages[p] ? res->messages[p] : (char *)"";
    k++;
  }
  hid_t str;
  hid_t type = status_row_type(&str);
  hsize_t dim = n_failed;
  hid_t space = H5Screate_simple(1, &dim, NULL);
  hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  H5Pset_obj_track_times(dcpl, 0);
  hid_t ds = H5Dcreate2(file, "status_messages", type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
  herr_t st = ds < 0 ? -1 : (n_failed ? H5Dwrite(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, rows) : 0);
  int rc = st < 0 ? fb_err_set(err, FB_ERR_HDF5, __func__, __LINE__, "cannot write /status_messages") : FB_OK;
  if (rc == FB_OK) rc = fb_h5_attr_string(ds, "units", "", err);
  if (rc == FB_OK)
    rc = fb_h5_attr_string(ds, "description",
                     "failed points: grid indices, fipbounds error code (see docs/output-format.md) and the error message chain", err);
  if (ds >= 0) H5Dclose(ds);
  H5Pclose(dcpl);
  H5Sclose(space);
  H5Tclose(type);
  H5Tclose(str);
  free(rows);
  return rc;
}

int fb_output_write(const char *path, const fb_config *cfg, const fb_model_ops *model,
                    void *model_state, const fb_grid *grid, const fb_results *res,
                    const fb_run_info *info, fb_err *err) {
  FB_CALL(err, fb_mkdir_parents(path, err));
  H5Eset_auto2(H5E_DEFAULT, NULL, NULL); /* failures are reported through fb_err */
  /* The file is built in memory (HDF5's core driver without a backing store: nothing touches the
   * disk, and H5Fget_name still gives `path` to the model's postprocess), then written through an
   * exclusively created temporary file and renamed over `path` (fb_tmp_commit). So a full disk is
   * an ordinary write error, never a failing H5Fclose with a half-written file left open in the
   * library, and the temporary name cannot be a planted link. */
  hid_t fcpl = H5Pcreate(H5P_FILE_CREATE);
  hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
  H5Pset_obj_track_times(fcpl, 0);
  /* grow the image in steps of about the data size (the datasets are most of the file) */
  const size_t data_bytes = res->n_points * (res->n_quantities + 1) * sizeof(double);
  H5Pset_fapl_core(fapl, data_bytes + ((size_t)1 << 20), 0);
  hid_t file = H5Fcreate(path, H5F_ACC_TRUNC, fcpl, fapl);
  H5Pclose(fcpl);
  H5Pclose(fapl);
  FB_TEST(err, file < 0, FB_ERR_HDF5, "cannot create the in-memory HDF5 image of '%s'", path);
  int rc = FB_OK;
  size_t n_done = fb_results_count_done(res);
  rc = fb_h5_attr_string(file, "model", model->name, err);
  if (rc == FB_OK) rc = fb_h5_attr_string(file, "benchmark", model->benchmark, err);
  if (rc == FB_OK) rc = fb_h5_attr_string(file, "model_description", model->description, err);
  if (rc == FB_OK) rc = fb_h5_attr_long(file, "n_points", (long)res->n_points, err);
  if (rc == FB_OK) rc = fb_h5_attr_long(file, "n_done", (long)n_done, err);
  /* complete: every point done and, when the model has one, its postprocess written */
  const int all_done = n_done == res->n_points, post = all_done && model->postprocess && !info->skip_postprocess;
  if (rc == FB_OK) rc = fb_h5_attr_long(file, "complete", all_done && (post || !model->postprocess), err);
  if (rc == FB_OK) rc = write_code_group(file, info, err);
  if (rc == FB_OK) rc = write_timing_group(file, info, err);
  if (rc == FB_OK) rc = write_input_group(file, cfg, info, err);
  if (rc == FB_OK) rc = write_grid_group(file, model, grid, err);
  hsize_t dims[2] = {grid->n_mass, grid->n_coupling};
  if (rc == FB_OK)
    rc = fb_h5_dataset(file, "status", H5T_NATIVE_INT, 2, dims, res->status, "",
                       "per point: 0 ok, -1 not computed yet, >0 fipbounds error code (messages in /status_messages)", err);
  if (rc == FB_OK) rc = write_status_messages(file, grid, res, err);
  if (rc == FB_OK) {
    hid_t q = fb_h5_group(file, "quantities");
    if (q < 0) rc = fb_err_set(err, FB_ERR_HDF5, __func__, __LINE__, "cannot create /quantities");
    for (size_t i = 0; rc == FB_OK && i < model->n_quantities; i++)
      rc = fb_h5_dataset(q, model->quantities[i].name, H5T_NATIVE_DOUBLE, 2, dims,
                         res->values + i * res->n_points, model->quantities[i].units,
                         model->quantities[i].description, err);
    if (q >= 0) H5Gclose(q);
  }
  if (rc == FB_OK && post) {
    const fb_scan_view view = {.n_mass = grid->n_mass, .n_coupling = grid->n_coupling,
                               .mass = grid->mass, .coupling = grid->coupling,
                               .n_quantities = res->n_quantities, .values = res->values,
                               .status = res->status, .per_mass = info->per_mass, .n_per_mass = info->n_per_mass};
    rc = model->postprocess(model_state, cfg, &view, file, err);
    if (rc != FB_OK) fb_err_push(err, rc, __func__, __LINE__, "model postprocess");
  }
  void *image = NULL;
  ssize_t n_bytes = -1;
  if (rc == FB_OK && H5Fflush(file, H5F_SCOPE_GLOBAL) >= 0) n_bytes = H5Fget_file_image(file, NULL, 0);
  if (rc == FB_OK && n_bytes > 0 && (image = malloc((size_t)n_bytes)) != NULL &&
      H5Fget_file_image(file, image, (size_t)n_bytes) != n_bytes)
    n_bytes = -1;
  if (rc == FB_OK && (n_bytes <= 0 || !image))
    rc = fb_err_set(err, n_bytes > 0 ? FB_ERR_MEMORY : FB_ERR_HDF5, __func__, __LINE__,
                    "cannot take the image of '%s' (%zd bytes)", path, n_bytes);
  if (H5Fclose(file) < 0 && rc == FB_OK)
    rc = fb_err_set(err, FB_ERR_HDF5, __func__, __LINE__, "cannot close the in-memory image of '%s'", path);
  char *tmp = NULL;
  int fd = -1;
  if (rc == FB_OK) rc = fb_tmp_create(path, &tmp, &fd, err);
  if (rc == FB_OK) rc = fb_tmp_commit(path, tmp, &fd, image, (size_t)n_bytes, err);
  if (rc != FB_OK) fb_err_push(err, rc, __func__, __LINE__, path);
  free(image);
  free(tmp);
  return rc;
}

/* The value of input key section.key stored in /input/<section> equals the current one. */
static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && !strcmp(s + n - m, suffix);
}

/* Two file names for the same file: equal text, or the same device and inode (stat). */
static int same_file(const char *a, const char *b) {
  if (!strcmp(a, b)) return 1;
  struct stat sa, sb;
  return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Whether a resumed run's value of a model key matches the file's. Keys naming side files the run
 * writes (`*_csv`: band and target CSVs) do not change any point and are not compared; keys naming
 * input files (`*_file`) compare the files, not the spelling of their paths (issue 18 item 11). */
static int same_input_value(hid_t file, const fb_config *cfg, const fb_key_spec *spec) {
  if (spec->type == FB_KEY_STRING && ends_with(spec->key, "_csv")) return 1;
  char path[256];
  snprintf(path, sizeof path, "input/%s", spec->section);
  if (H5Lexists(file, "input", H5P_DEFAULT) <= 0 || H5Lexists(file, path, H5P_DEFAULT) <= 0) return 0;
  hid_t g = H5Gopen2(file, path, H5P_DEFAULT);
  if (g < 0) return 0;
  int same = 0;
  if (H5Aexists(g, spec->key) > 0) {
    hid_t a = H5Aopen(g, spec->key, H5P_DEFAULT);
    if (spec->type == FB_KEY_DOUBLE) {
      double v;
      same = H5Aread(a, H5T_NATIVE_DOUBLE, &v) >= 0 && v == fb_config_get_double(cfg, spec->section, spec->key);
    } else if (spec->type == FB_KEY_INT || spec->type == FB_KEY_BOOL) {
      long long v;
      long cur = spec->type == FB_KEY_INT ? fb_config_get_int(cfg, spec->section, spec->key)
                                          : fb_config_get_bool(cfg, spec->section, spec->key);
      same = H5Aread(a, H5T_NATIVE_LLONG, &v) >= 0 && v == cur;
    } else {
      hid_t t = H5Aget_type(a);
      size_t n = H5Tget_size(t);
      char *buf = calloc(n + 1, 1);
      const char *cur = fb_config_get_string(cfg, spec->section, spec->key);
      same = buf && H5Aread(a, t, buf) >= 0 && cur &&
             (ends_with(spec->key, "_file") ? same_file(buf, cur) : strcmp(buf, cur) == 0);
      free(buf);
      H5Tclose(t);
    }
    H5Aclose(a);
  }
  H5Gclose(g);
  return same;
}

int fb_output_read(const char *path, const fb_model_ops *model, const fb_grid *grid,
                   const fb_config *cfg, fb_results *res, fb_err *err) {
  H5Eset_auto2(H5E_DEFAULT, NULL, NULL); /* failures are reported through fb_err */
  hid_t file = H5Fopen(path, H5F_ACC_RDONLY, H5P_DEFAULT);
  FB_TEST(err, file < 0, FB_ERR_INPUT, "cannot open '%s' to resume (missing or not an HDF5 file)", path);
  int rc = FB_OK;
  double *axis = malloc((grid->n_mass > grid->n_coupling ? grid->n_mass : grid->n_coupling) * sizeof(double));
  int *status = NULL;
  char model_name[64] = "";
  hid_t attr = H5Aopen(file, "model", H5P_DEFAULT);
  if (attr >= 0) {
    hid_t t = H5Aget_type(attr);
    if (H5Tget_size(t) < sizeof model_name) H5Aread(attr, t, model_name);
    H5Tclose(t);
    H5Aclose(attr);
  }
  FB_TEST_GOTO(err, rc, !axis, FB_ERR_MEMORY, done, "out of memory");
  FB_TEST_GOTO(err, rc, strcmp(model_name, model->name) != 0, FB_ERR_INPUT, done,
               "'%s' holds model '%s', the input asks for '%s': cannot resume", path, model_name, model->name);
  for (size_t k = 0; cfg && k < model->n_keys; k++)
    FB_TEST_GOTO(err, rc, !same_input_value(file, cfg, &model->keys[k]), FB_ERR_INPUT, done,
                 "'%s' was computed with another [%s] %s: cannot resume with [%s] %s = %s", path,
                 model->keys[k].section, model->keys[k].key, model->keys[k].section, model->keys[k].key,
                 fb_config_get_string(cfg, model->keys[k].section, model->keys[k].key));
  FB_CALL_GOTO(err, rc, fb_h5_read_doubles(file, "grid/mass", grid->n_mass, axis, err), done);
  for (size_t i = 0; i < grid->n_mass; i++)
    FB_TEST_GOTO(err, rc, axis[i] != grid->mass[i], FB_ERR_INPUT, done,
                 "'%s' has a different mass grid (point %zu: %.17g vs %.17g): cannot resume", path, i, axis[i], grid->mass[i]);
  FB_CALL_GOTO(err, rc, fb_h5_read_doubles(file, "grid/coupling", grid->n_coupling, axis, err), done);
  for (size_t i = 0; i < grid->n_coupling; i++)
    FB_TEST_GOTO(err, rc, axis[i] != grid->coupling[i], FB_ERR_INPUT, done,
                 "'%s' has a different coupling grid (point %zu): cannot resume", path, i);
  status = malloc(res->n_points * sizeof(int));
  FB_TEST_GOTO(err, rc, !status, FB_ERR_MEMORY, done, "out of memory");
  {
    hid_t ds = H5Dopen2(file, "status", H5P_DEFAULT);
    hssize_t npts = -1;
    if (ds >= 0) {
      hid_t sp = H5Dget_space(ds);
      npts = H5Sget_simple_extent_npoints(sp);
      H5Sclose(sp);
    }
    herr_t st = ds < 0 || npts != (hssize_t)res->n_points ? -1 : H5Dread(ds, H5T_NATIVE_INT, H5S_ALL, H5S_ALL, H5P_DEFAULT, status);
    if (ds >= 0) H5Dclose(ds);
    FB_TEST_GOTO(err, rc, st < 0, FB_ERR_HDF5, done, "cannot read /status from '%s'", path);
  }
  memcpy(res->status, status, res->n_points * sizeof(int));
  for (size_t i = 0; i < model->n_quantities; i++) {
    char name[256];
    snprintf(name, sizeof name, "quantities/%s", model->quantities[i].name);
    FB_CALL_GOTO(err, rc, fb_h5_read_doubles(file, name, res->n_points, res->values + i * res->n_points, err), done);
  }
  {
    /* messages of failed points */
    hid_t ds = H5Dopen2(file, "status_messages", H5P_DEFAULT);
    FB_TEST_GOTO(err, rc, ds < 0, FB_ERR_HDF5, done, "cannot open /status_messages in '%s'", path);
    hid_t space = H5Dget_space(ds);
    hssize_t n = H5Sget_simple_extent_npoints(space);
    hid_t str;
    hid_t type = status_row_type(&str);
    status_row *rows = n > 0 ? calloc((size_t)n, sizeof *rows) : NULL;
    herr_t st = 0;
    if (n > 0) st = rows ? H5Dread(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, rows) : -1;
    for (hssize_t k = 0; st >= 0 && k < n; k++) {
      size_t p = (size_t)rows[k].mass_index * grid->n_coupling + (size_t)rows[k].coupling_index;
      if (p < res->n_points && rows[k].message) {
        free(res->messages[p]);
        res->messages[p] = strdup(rows[k].message);
      }
    }
    if (rows && st >= 0) H5Dvlen_reclaim(type, space, H5P_DEFAULT, rows);
    free(rows);
    H5Tclose(type);
    H5Tclose(str);
    H5Sclose(space);
    H5Dclose(ds);
    FB_TEST_GOTO(err, rc, st < 0, FB_ERR_HDF5, done, "cannot read /status_messages from '%s'", path);
  }
done:
  free(status);
  free(axis);
  H5Fclose(file);
  return rc;
}
