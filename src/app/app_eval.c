/**
 * @file app_eval.c
 * @brief `fipbounds eval MODULE [key=value ...] [--json]`: one module at one point, printed as a
 *        table or as one JSON object on stdout.
 *
 * Each module is a row of the table below: its parameters (name, allowed range) and a function
 * that fills named results. Adding a module = one function and one row.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_app.h"
#include "fb_cosmo.h"
#include "fb_darkphoton.h"
#include "fb_thermo.h"
#include "fb_error.h"

#define EVAL_MAX_PARAMS 8
#define EVAL_MAX_RESULTS 32

typedef struct eval_param {
  const char *name, *unit;
  double min, max; /* allowed open range (min, max] */
  const char *description;
} eval_param;

typedef struct eval_result {
  const char *name, *unit;
  double value;
} eval_result;

typedef int (*eval_fn)(const double *params, eval_result *results, size_t *n_results, fb_err *err);

typedef struct eval_module {
  const char *name, *description;
  size_t n_params;
  eval_param params[EVAL_MAX_PARAMS];
  eval_fn fn;
} eval_module;

static int eval_darkphoton(const double *params, eval_result *r, size_t *n, fb_err *err) {
  fb_rratio R;
  FB_CALL(err, fb_rratio_init(&R, err));
  fb_darkphoton_decay d;
  int rc = fb_darkphoton_decay_compute(&R, params[0], params[1], &d, err);
  fb_rratio_free(&R);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "fb_darkphoton_decay_compute");
  const eval_result out[] = {
      {"mass_GeV", "GeV", d.mass_GeV},           {"epsilon", "", d.epsilon},
      {"width_GeV", "GeV", d.width_GeV},         {"width_ee_GeV", "GeV", d.width_ee_GeV},
      {"width_mumu_GeV", "GeV", d.width_mumu_GeV}, {"width_tautau_GeV", "GeV", d.width_tautau_GeV},
      {"width_hadrons_GeV", "GeV", d.width_hadrons_GeV}, {"tau_s", "s", d.tau_s},
      {"ctau_m", "m", d.ctau_m},                 {"br_ee", "", d.br_ee},
      {"br_mumu", "", d.br_mumu},                {"br_tautau", "", d.br_tautau},
      {"br_hadrons", "", d.br_hadrons},
  };
  *n = sizeof out / sizeof out[0];
  memcpy(r, out, sizeof out);
  return FB_OK;
}

static int eval_thermo(const double *params, eval_result *r, size_t *n, fb_err *err) {
  fb_thermo th;
  FB_CALL(err, fb_thermo_init(&th, err));
  const double T_GeV = params[0];
  double g_rho = 0.0, g_s = 0.0, t_s = 0.0;
  int rc = fb_thermo_gstar(&th, T_GeV, &g_rho, &g_s, err);
  if (rc == FB_OK) rc = fb_cosmo_time_s(&th, T_GeV, &t_s, err);
  if (rc != FB_OK) {
    fb_thermo_free(&th);
    return fb_err_push(err, rc, __func__, __LINE__, "thermodynamics at T");
  }
  const eval_result out[] = {
      {"T_GeV", "GeV", T_GeV},
      {"gstar_rho", "", g_rho},
      {"gstar_s", "", g_s},
      {"dlngs_dlnT", "", fb_thermo_dlngs_dlnT(&th, T_GeV)},
      {"T_nu_over_T", "", fb_thermo_T_nu_over_T(&th, T_GeV)},
      {"hubble_GeV", "GeV", fb_cosmo_hubble_GeV(&th, T_GeV)},
      {"entropy_density_GeV3", "GeV^3", fb_cosmo_entropy_density_GeV3(&th, T_GeV)},
      {"photon_number_density_GeV3", "GeV^3", fb_cosmo_photon_number_density_GeV3(T_GeV)},
      {"time_s", "s", t_s},
  };
  fb_thermo_free(&th);
  *n = sizeof out / sizeof out[0];
  memcpy(r, out, sizeof out);
  return FB_OK;
}

static const eval_module modules[] = {
    {"darkphoton",
     "BC1 dark photon: partial widths, lifetime, c*tau and branching ratios",
     2,
     {{"mass_GeV", "GeV", 0.0, 1e3, "dark photon mass"},
      {"epsilon", "", 0.0, 1.0, "kinetic mixing"}},
     eval_darkphoton},
    {"thermo",
     "Standard-Model plasma and background: g_*rho, g_*s, d ln g_*s/d ln T, T_nu/T, H, s, n_gamma, t",
     1,
     {{"T_GeV", "GeV", 0.0, 1e4, "photon temperature (tabulated 1e-5 to 1e4 GeV)"}},
     eval_thermo},
};
#define N_MODULES (sizeof modules / sizeof modules[0])

static void eval_usage(FILE *out) {
  fprintf(out, "usage: fipbounds eval MODULE [key=value ...] [--json]\n\nmodules:\n");
  for (size_t m = 0; m < N_MODULES; m++) {
    fprintf(out, "  %s: %s\n", modules[m].name, modules[m].description);
    for (size_t i = 0; i < modules[m].n_params; i++)
      fprintf(out, "      %s=<value>  %s [%s], %g < value <= %g (required)\n", modules[m].params[i].name,
              modules[m].params[i].description, modules[m].params[i].unit[0] ? modules[m].params[i].unit : "1",
              modules[m].params[i].min, modules[m].params[i].max);
  }
  fprintf(out, "\nexample: fipbounds eval darkphoton mass_GeV=0.01 epsilon=1e-4 --json\n");
}

static void print_json_number(double v) {
  if (isfinite(v))
    printf("%.10g", v);
  else
    printf("null"); /* JSON has no inf/nan */
}

int fb_app_eval(int argc, char **argv) {
  if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    eval_usage(argc < 2 ? stderr : stdout);
    return argc < 2 ? FB_EXIT_USAGE : FB_EXIT_OK;
  }
  const eval_module *mod = NULL;
  for (size_t m = 0; m < N_MODULES; m++)
    if (!strcmp(argv[1], modules[m].name)) mod = &modules[m];
  if (!mod) {
    fprintf(stderr, "fipbounds eval: unknown module '%s'\n\n", argv[1]);
    eval_usage(stderr);
    return FB_EXIT_USAGE;
  }
  double params[EVAL_MAX_PARAMS];
  int given[EVAL_MAX_PARAMS] = {0};
  int json = 0;
  for (int a = 2; a < argc; a++) {
    if (!strcmp(argv[a], "--json")) {
      json = 1;
      continue;
    }
    if (!strcmp(argv[a], "--help") || !strcmp(argv[a], "-h")) {
      eval_usage(stdout);
      return FB_EXIT_OK;
    }
    const char *eq = strchr(argv[a], '=');
    if (!eq) {
      fprintf(stderr, "fipbounds eval %s: expected key=value, got '%s'\n\n", mod->name, argv[a]);
      eval_usage(stderr);
      return FB_EXIT_USAGE;
    }
    size_t klen = (size_t)(eq - argv[a]);
    size_t i = 0;
    while (i < mod->n_params && !(strlen(mod->params[i].name) == klen && !strncmp(argv[a], mod->params[i].name, klen))) i++;
    if (i == mod->n_params) {
      fprintf(stderr, "fipbounds eval %s: unknown parameter '%.*s'\n\n", mod->name, (int)klen, argv[a]);
      eval_usage(stderr);
      return FB_EXIT_USAGE;
    }
    char *end = NULL;
    double v = strtod(eq + 1, &end);
    const eval_param *p = &mod->params[i];
    if (end == eq + 1 || *end != '\0' || !isfinite(v)) {
      fprintf(stderr, "fipbounds eval %s: %s = '%s' is not a number\n", mod->name, p->name, eq + 1);
      return FB_EXIT_USAGE;
    }
    if (!(v > p->min && v <= p->max)) {
      fprintf(stderr, "fipbounds eval %s: %s = %g is out of range: allowed %g < %s <= %g\n", mod->name,
              p->name, v, p->min, p->name, p->max);
      return FB_EXIT_USAGE;
    }
    params[i] = v;
    given[i] = 1;
  }
  for (size_t i = 0; i < mod->n_params; i++) {
    if (!given[i]) {
      fprintf(stderr, "fipbounds eval %s: missing parameter %s=<value> (%s)\n\n", mod->name, mod->params[i].name,
              mod->params[i].description);
      eval_usage(stderr);
      return FB_EXIT_USAGE;
    }
  }
  eval_result results[EVAL_MAX_RESULTS];
  size_t n = 0;
  fb_err err;
  fb_err_clear(&err);
  int rc = mod->fn(params, results, &n, &err);
  if (rc != FB_OK) {
    fprintf(stderr, "fipbounds eval %s: error (%s):\n  %s\n", mod->name, fb_code_name(rc), err.msg);
    return rc == FB_ERR_RANGE || rc == FB_ERR_INPUT ? FB_EXIT_USAGE : FB_EXIT_FAILURE;
  }
  if (json) {
    printf("{\"module\": \"%s\"", mod->name);
    for (size_t i = 0; i < n; i++) {
      printf(", \"%s\": ", results[i].name);
      print_json_number(results[i].value);
    }
    printf("}\n");
  } else {
    printf("%-28s %-18s %s\n", "quantity", "value", "unit");
    for (size_t i = 0; i < n; i++) printf("%-28s %-18.10g %s\n", results[i].name, results[i].value, results[i].unit);
  }
  return FB_EXIT_OK;
}
