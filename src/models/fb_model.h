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
 * Adding a model: write fb_model_<name>.c defining a `const fb_model_ops fb_model_<name>` and add it
 * to the registry in fb_model_registry.c. Adding a quantity: append to the model's quantity table.
 */
#ifndef FB_MODEL_H
#define FB_MODEL_H

#include <stddef.h>

#include "fb_config.h"
#include "fb_error.h"

/** Metadata of one per-point output quantity, written as /quantities/<name>. */
typedef struct fb_quantity_spec {
  const char *name;        /**< dataset name, e.g. "ctau_m" */
  const char *units;       /**< e.g. "m" */
  const char *description; /**< one line */
} fb_quantity_spec;

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
} fb_model_ops;

/** Look a model up by its input name; NULL if unknown. */
const fb_model_ops *fb_model_find(const char *name);
/** Number of registered models and access by index (for the schema and help texts). */
size_t fb_model_count(void);
const fb_model_ops *fb_model_at(size_t i);
/** The model names joined by '|' (the allowed choices of [model] name); static storage. */
const char *fb_model_choices(void);

#endif /* FB_MODEL_H */
