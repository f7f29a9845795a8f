/**
 * @file fb_grid.c
 * @brief Input keys of [run], [model], [grid]; the scan grid; the per-point result arrays.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_scan.h"

const fb_key_spec fb_scan_keys[] = {
    {"run", "output", FB_KEY_STRING, "fipbounds_out.h5", 0, 0, NULL, "",
     "output HDF5 file (overridden by -o)"},
    {"run", "checkpoint_interval_s", FB_KEY_DOUBLE, "60", 0.01, 86400, NULL, "s",
     "wall-clock seconds between checkpoints of completed points to the output file"},
    {"run", "chunk_size", FB_KEY_INT, "16", 1, FB_SCAN_CHUNK_MAX, NULL, "",
     "grid points per work unit handed to a rank"},
    {"run", "chunk_schedule", FB_KEY_CHOICE, "fixed", 0, 0, "fixed|guided|rows", "",
     "fixed: chunks of chunk_size points; guided: large chunks early, shrinking to chunk_size; rows: one mass row per "
     "chunk (per-mass set-up once per scan), the last 2 x ranks rows in chunks of chunk_size"},
    {"run", "progress_interval_s", FB_KEY_DOUBLE, "10", 0.01, 86400, NULL, "s",
     "minimum wall-clock seconds between progress lines on rank 0"},
    {"run", "log_level", FB_KEY_CHOICE, "info", 0, 0, "error|warning|info|debug", "",
     "verbosity of messages on stderr"},
    {"run", "max_points", FB_KEY_INT, "0", 0, 1e15, NULL, "",
     "compute at most this many new points, then checkpoint and exit with status 3 (0 = no limit)"},
    {"run", "n_slices", FB_KEY_INT, "1", 1, 100000, NULL, "",
     "split the mass axis into this many contiguous slices of mass indices (job arrays)"},
    {"run", "slice_index", FB_KEY_INT, "0", 0, 99999, NULL, "",
     "the slice of mass indices this run computes (0 .. n_slices - 1)"},
    {"model", "name", FB_KEY_CHOICE, "bc1", 0, 0, "bc1", "", "model scanned over its plane"},
    {"grid", "mass_min_GeV", FB_KEY_DOUBLE, "1e-3", -1e30, 1e30, NULL, "GeV",
     "lowest mass (> 0 on a log axis; models whose first axis is not a mass use their own unit)"},
    {"grid", "mass_max_GeV", FB_KEY_DOUBLE, "10", -1e30, 1e30, NULL, "GeV", "highest mass"},
    {"grid", "n_mass", FB_KEY_INT, "200", 1, 100000, NULL, "", "number of mass points"},
    {"grid", "mass_spacing", FB_KEY_CHOICE, "log", 0, 0, "log|linear", "",
     "spacing of the mass points"},
    {"grid", "coupling_min", FB_KEY_DOUBLE, "1e-10", -1e30, 1e30, NULL, "model units",
     "lowest coupling (> 0 on a log axis)"},
    {"grid", "coupling_max", FB_KEY_DOUBLE, "1e-2", -1e30, 1e30, NULL, "model units",
     "highest coupling"},
    {"grid", "coupling_spacing", FB_KEY_CHOICE, "log", 0, 0, "log|linear", "",
     "spacing of the coupling points"},
    {"grid", "n_coupling", FB_KEY_INT, "160", 1, 100000, NULL, "", "number of coupling points"},
};
const size_t fb_scan_n_keys = sizeof fb_scan_keys / sizeof fb_scan_keys[0];

/* Log- or linearly spaced axis; the end points are set exactly so that grids are reproducible. */
static void fill_axis(double *x, size_t n, double lo, double hi, int log_spaced) {
  if (n == 1) {
    x[0] = lo;
    return;
  }
  for (size_t i = 0; i < n; i++) {
    double f = (double)i / (double)(n - 1);
    x[i] = log_spaced ? exp(log(lo) + f * (log(hi) - log(lo))) : lo + f * (hi - lo);
  }
  x[0] = lo;
  x[n - 1] = hi;
}

int fb_grid_init(fb_grid *grid, const fb_config *cfg, fb_err *err) {
  memset(grid, 0, sizeof *grid);
  const double m_lo = fb_config_get_double(cfg, "grid", "mass_min_GeV");
  const double m_hi = fb_config_get_double(cfg, "grid", "mass_max_GeV");
  const double c_lo = fb_config_get_double(cfg, "grid", "coupling_min");
  const double c_hi = fb_config_get_double(cfg, "grid", "coupling_max");
  const long n_m = fb_config_get_int(cfg, "grid", "n_mass");
  const long n_c = fb_config_get_int(cfg, "grid", "n_coupling");
  /* the message names both keys and where each value came from (review, session 10: a wrong mass_min_GeV was
   * reported at the line of mass_max_GeV only) */
  char why[512];
  if (!(m_hi > m_lo) && n_m > 1) {
    snprintf(why, sizeof why, "must be larger than mass_min_GeV = %g (%s) when n_mass > 1", m_lo,
             fb_config_origin(cfg, "grid", "mass_min_GeV"));
    return fb_config_error_at(cfg, "grid", "mass_max_GeV", why, err);
  }
  if (!(c_hi > c_lo) && n_c > 1) {
    snprintf(why, sizeof why, "must be larger than coupling_min = %g (%s) when n_coupling > 1", c_lo,
             fb_config_origin(cfg, "grid", "coupling_min"));
    return fb_config_error_at(cfg, "grid", "coupling_max", why, err);
  }
  grid->mass_log = strcmp(fb_config_get_string(cfg, "grid", "mass_spacing"), "log") == 0;
  grid->coupling_log = strcmp(fb_config_get_string(cfg, "grid", "coupling_spacing"), "log") == 0;
  if (grid->mass_log && !(m_lo > 0.0))
    return fb_config_error_at(cfg, "grid", "mass_min_GeV", "must be > 0 when mass_spacing = log", err);
  if (grid->coupling_log && !(c_lo > 0.0))
    return fb_config_error_at(cfg, "grid", "coupling_min", "must be > 0 when coupling_spacing = log", err);
  grid->n_mass = (size_t)n_m;
  grid->n_coupling = (size_t)n_c;
  grid->mass = malloc(grid->n_mass * sizeof(double));
  grid->coupling = malloc(grid->n_coupling * sizeof(double));
  if (!grid->mass || !grid->coupling) {
    fb_grid_free(grid);
    FB_FAIL(err, FB_ERR_MEMORY, "cannot allocate a %zu x %zu grid", (size_t)n_m, (size_t)n_c);
  }
  fill_axis(grid->mass, grid->n_mass, m_lo, m_hi, grid->mass_log);
  fill_axis(grid->coupling, grid->n_coupling, c_lo, c_hi, grid->coupling_log);
  return FB_OK;
}

void fb_grid_free(fb_grid *grid) {
  free(grid->mass);
  free(grid->coupling);
  grid->mass = grid->coupling = NULL;
  grid->n_mass = grid->n_coupling = 0;
}

int fb_results_init(fb_results *r, size_t n_points, size_t n_quantities, fb_err *err) {
  memset(r, 0, sizeof *r);
  r->n_points = n_points;
  r->n_quantities = n_quantities;
  r->values = malloc((n_quantities ? n_quantities : 1) * n_points * sizeof(double));
  r->status = malloc(n_points * sizeof(int));
  r->messages = calloc(n_points, sizeof(char *));
  if (!r->values || !r->status || !r->messages) {
    fb_results_free(r);
    FB_FAIL(err, FB_ERR_MEMORY, "cannot allocate results for %zu points", n_points);
  }
  for (size_t i = 0; i < n_quantities * n_points; i++) r->values[i] = NAN;
  for (size_t p = 0; p < n_points; p++) r->status[p] = FB_STATUS_PENDING;
  return FB_OK;
}

void fb_results_free(fb_results *r) {
  if (r->messages)
    for (size_t p = 0; p < r->n_points; p++) free(r->messages[p]);
  free(r->messages);
  free(r->values);
  free(r->status);
  memset(r, 0, sizeof *r);
}

size_t fb_results_count_done(const fb_results *r) {
  size_t n = 0;
  for (size_t p = 0; p < r->n_points; p++) n += r->status[p] != FB_STATUS_PENDING;
  return n;
}

void fb_scan_options_from_config(fb_scan_options *opt, const fb_config *cfg) {
  opt->output_path = fb_config_get_string(cfg, "run", "output");
  opt->resume = 0;
  opt->overwrite = 0;
  opt->chunk_size = (size_t)fb_config_get_int(cfg, "run", "chunk_size");
  opt->chunk_guided = strcmp(fb_config_get_string(cfg, "run", "chunk_schedule"), "guided") == 0;
  opt->chunk_rows = strcmp(fb_config_get_string(cfg, "run", "chunk_schedule"), "rows") == 0;
  opt->checkpoint_interval_s = fb_config_get_double(cfg, "run", "checkpoint_interval_s");
  opt->progress_interval_s = fb_config_get_double(cfg, "run", "progress_interval_s");
  opt->max_points = fb_config_get_int(cfg, "run", "max_points");
  opt->n_slices = fb_config_get_int(cfg, "run", "n_slices");
  opt->slice_index = fb_config_get_int(cfg, "run", "slice_index");
  opt->merge_paths = NULL;
  opt->n_merge_paths = 0;
}
