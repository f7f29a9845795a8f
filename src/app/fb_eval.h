/**
 * @file fb_eval.h
 * @brief `fipbounds eval MODULE key=value ... [--json]`: the interface of one eval module.
 *
 * An eval module evaluates one physics module at one point. It declares its parameters (numbers
 * with an allowed range, or choices, each optional with a default or required) and fills a list
 * of named results. The command line parses and validates the parameters against the declaration
 * before calling the module, so a module sees only valid values.
 *
 * Adding a module: write src/app/eval_<name>.c defining `const fb_eval_module fb_eval_<name>` and
 * add it to the table in src/app/app_eval.c.
 */
#ifndef FB_EVAL_H
#define FB_EVAL_H

#include <stddef.h>

#include "fb_error.h"

#define FB_EVAL_MAX_PARAMS 32
#define FB_EVAL_MAX_RESULTS 128

typedef struct fb_eval_param {
  const char *name;          /**< "mass_GeV" */
  const char *unit;          /**< "GeV", "" if none */
  const char *choices;       /**< NULL for a number, else "scalar|majorana|dirac" */
  double min, max;           /**< numbers: allowed range min < value <= max */
  const char *default_value; /**< NULL = required */
  const char *description;
} fb_eval_param;

/** Parsed, validated arguments. */
typedef struct fb_eval_args {
  size_t n;
  const fb_eval_param *params;
  double number[FB_EVAL_MAX_PARAMS];
  const char *text[FB_EVAL_MAX_PARAMS]; /**< value text (choices and numbers) */
  int given[FB_EVAL_MAX_PARAMS];        /**< 1 if on the command line, 0 if defaulted */
} fb_eval_args;

/** Value of a number parameter by name (NaN if the name is not declared). */
double fb_eval_number(const fb_eval_args *args, const char *name);
/** Text of a parameter by name (a choice), NULL if not declared. */
const char *fb_eval_text(const fb_eval_args *args, const char *name);
/** 1 if the parameter was given on the command line. */
int fb_eval_given(const fb_eval_args *args, const char *name);

typedef struct fb_eval_result {
  const char *name, *unit;
  double value;       /**< printed as a number (JSON null if not finite) */
  const char *text;   /**< if not NULL, printed as a string instead of value */
} fb_eval_result;

/** Results are appended with fb_eval_put / fb_eval_put_text (capacity FB_EVAL_MAX_RESULTS). */
typedef struct fb_eval_output {
  size_t n;
  size_t dropped; /**< results put beyond the capacity (an eval with dropped > 0 fails: a bug, not a user error) */
  fb_eval_result r[FB_EVAL_MAX_RESULTS];
} fb_eval_output;

void fb_eval_put(fb_eval_output *out, const char *name, const char *unit, double value);
void fb_eval_put_text(fb_eval_output *out, const char *name, const char *text);

typedef int (*fb_eval_fn)(const fb_eval_args *args, fb_eval_output *out, fb_err *err);

typedef struct fb_eval_module {
  const char *name, *description;
  size_t n_params;
  fb_eval_param params[FB_EVAL_MAX_PARAMS];
  fb_eval_fn fn;
} fb_eval_module;

/* eval_scan_point.c: one point of a registered scan model (its init, eval, free) with the complete
 * input schema's defaults plus `sets` ("section.key=value", as --set); the quantities in the model's
 * order and its assumption line ("" if it has none). */
#define EVAL_SCAN_MAX_Q 64
struct fb_model_ops;
typedef struct eval_scan_point_result {
  const struct fb_model_ops *ops;
  double q[EVAL_SCAN_MAX_Q];
  char assumption[1024];
} eval_scan_point_result;
int eval_scan_point(const char *model_name, const char *const *sets, size_t n_sets, double mass, double coupling,
                    eval_scan_point_result *res, fb_err *err);
/** The same, calling visit(state, ctx) after a successful eval and before the model's free (to copy what the
 *  model keeps of the point, e.g. bbn_fip_state_point; visit may be NULL). */
int eval_scan_point_visit(const char *model_name, const char *const *sets, size_t n_sets, double mass, double coupling,
                          eval_scan_point_result *res, void (*visit)(void *state, void *ctx), void *ctx, fb_err *err);
/** A quantity of the scan point by name (NaN if the model has none of that name). */
double eval_scan_q(const eval_scan_point_result *res, const char *name);

/* eval_cmb.c: the CMB bounds of one decay (keys tau_s ... low_energy_injection of `eval cmb-decay`, the
 * overall CMB verdict as key excluded_key, a static string) */
struct fb_cmb_params;
struct fb_cmb_dep_spectrum;
/* spec: if not NULL, the deposition uses the kernel of that injected spectrum (fb_cmb_set_spectrum) */
int eval_cmb_put(fb_eval_output *out, const struct fb_cmb_params *p, const struct fb_cmb_dep_spectrum *spec, double mass,
                 double tau, double mY, double f_em, int thermalised, const char *excluded_key, fb_err *err);

#endif /* FB_EVAL_H */
