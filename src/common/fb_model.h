/**
 * @file fb_model.h
 * @brief The plug-in interface through which a particle model is scanned over its plane.
 *
 * A model (BC1 dark photon, later BC2, BC9, ...) is a table of function pointers plus metadata:
 * the names and units of its two scan axes (mass, coupling), the per-point quantities it computes,
 * and the input keys it reads. The scan driver (src/scan) knows nothing else about a model.
 *
 * Call order for one process: init (once, after the input is read) -> eval (any number of points,
 * in any order; results must depend only on (mass, coupling) so that output is independent of the
 * number of MPI ranks) -> free. `state` is private to one process; eval is not collective.
 *
 * Adding a model: write fb_model_<name>.c (in the module's own folder) defining a
 * `const fb_model_ops fb_model_<name>` and add it to the registry in src/scan/fb_model_registry.c.
 * Adding a quantity: append to the model's quantity table. Adding a derived output (an excluded
 * mask, band edges, a target line): implement `postprocess`, which rank 0 calls with the complete
 * scan and the open output file (write with the fb_h5 helpers, under /bounds/<name> or
 * /targets/<name>, every dataset with units and description).
 */
#ifndef FB_MODEL_H
#define FB_MODEL_H

#include <hdf5.h>
#include <stddef.h>

#include "fb_config.h"
#include "fb_error.h"

/** Metadata of one per-point output quantity, written as /quantities/<name>. */
typedef struct fb_quantity_spec {
  const char *name;        /**< dataset name, e.g. "ctau_m" */
  const char *units;       /**< e.g. "m" */
  const char *description; /**< one line */
} fb_quantity_spec;

/** Read-only view of a complete scan, handed to a model's postprocess hook. Arrays over the plane
 *  are [n_mass][n_coupling] (point p = i_mass * n_coupling + i_coupling). */
typedef struct fb_scan_view {
  size_t n_mass, n_coupling;
  const double *mass;      /**< [n_mass] */
  const double *coupling;  /**< [n_coupling] */
  size_t n_quantities;
  const double *values;    /**< [n_quantities][n_points], in the order of the model's table */
  const int *status;       /**< [n_points]: 0 ok, > 0 fb error code */
  /** [n_mass][n_per_mass] the model's per_mass values, computed by the scan driver with the masses spread over the
   *  ranks once the plane is complete; NULL when not computed (no per_mass hook, or one of them failed: the
   *  postprocess then computes what it needs itself) */
  const double *per_mass;
  size_t n_per_mass;
} fb_scan_view;

typedef struct fb_model_ops {
  const char *name;        /**< input name, e.g. "bc1" */
  const char *benchmark;   /**< PBC benchmark, e.g. "BC1" */
  const char *description; /**< one line */
  const char *mass_name, *mass_units, *mass_description;
  const char *coupling_name, *coupling_units, *coupling_description;
  size_t n_quantities;
  const fb_quantity_spec *quantities;
  size_t n_keys;           /**< input keys this model reads (its own [section]) */
  const fb_key_spec *keys;
  /** Allocate and set up the model's state from the resolved input. */
  int (*init)(void **state, const fb_config *cfg, fb_err *err);
  /** Compute all quantities at one point; out has n_quantities entries. */
  int (*eval)(void *state, double mass, double coupling, double *out, fb_err *err);
  void (*free)(void *state);
  /** Optional (NULL if none): derived outputs from the complete scan, written into the open
   *  output file `file` (HDF5 file id). Called on rank 0 only, each time the complete file is
   *  written. Must be deterministic (the file must not depend on the number of ranks). */
  int (*postprocess)(void *state, const fb_config *cfg, const fb_scan_view *scan, hid_t file, fb_err *err);
  /** Optional (NULL if none), for a postprocess whose work is per mass and costly (a per-mass table, band edges by
   *  bisection): the number of values per mass (n_per_mass, from the state and the plane's n_coupling) and their
   *  computation at one mass (per_mass; deterministic, independent of earlier calls). Once the plane is complete the
   *  scan driver calls per_mass for every grid mass, spread over the ranks (rank r takes the masses i = r mod size),
   *  and hands the gathered values to postprocess in scan->per_mass, instead of rank 0 doing all of them alone. */
  size_t (*n_per_mass)(const void *state, size_t n_coupling);
  int (*per_mass)(void *state, double mass, const double *coupling, size_t n_coupling, double *out, fb_err *err);
  /** Optional (NULL if none): one line stating the assumptions of this state that the quantities
   *  depend on (e.g. the abundance of the FIP), as written in the model's /bounds attributes; printed
   *  by `fipbounds eval` when it evaluates one point of the model (src/app/eval_scan_point.c). */
  const char *(*assumption)(const void *state);
} fb_model_ops;

/** Look a model up by its input name; NULL if unknown. */
const fb_model_ops *fb_model_find(const char *name);
/** Number of registered models and access by index (for the schema and help texts). */
size_t fb_model_count(void);
const fb_model_ops *fb_model_at(size_t i);
/** The model names joined by '|' (the allowed choices of [model] name); static storage. */
const char *fb_model_choices(void);

#endif /* FB_MODEL_H */
