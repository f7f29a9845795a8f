/**
 * @file app_eval.c
 * @brief `fipbounds eval MODULE [key=value ...] [--json]`: parse and validate the parameters of
 *        one eval module (fb_eval.h), run it, print a table or one JSON object on stdout.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_app.h"
#include "fb_eval.h"
#include "fb_fip.h"

/* The eval modules, one file each (src/app/eval_<name>.c). */
extern const fb_eval_module fb_eval_thermo;
extern const fb_eval_module fb_eval_relic;
extern const fb_eval_module fb_eval_relic_target;
extern const fb_eval_module fb_eval_wimp_swave;
extern const fb_eval_module fb_eval_bbn;
extern const fb_eval_module fb_eval_bbn_decay;
extern const fb_eval_module fb_eval_late_decay;
extern const fb_eval_module fb_eval_sn1987a;
extern const fb_eval_module fb_eval_hb;
extern const fb_eval_module fb_eval_rg;
extern const fb_eval_module fb_eval_wd;
extern const fb_eval_module fb_eval_freezein_target;
extern const fb_eval_module fb_eval_freezein_heavy;
extern const fb_eval_module fb_eval_cmb_decay;

static const fb_eval_module *const modules[] = {
    &fb_eval_thermo,
    &fb_eval_relic,
    &fb_eval_relic_target,
    &fb_eval_wimp_swave,
    &fb_eval_bbn,
    &fb_eval_bbn_decay,
    &fb_eval_late_decay,
    &fb_eval_sn1987a,
    &fb_eval_hb,
    &fb_eval_rg,
    &fb_eval_wd,
    &fb_eval_freezein_target,
    &fb_eval_freezein_heavy,
    &fb_eval_cmb_decay,
};
#define N_MODULES (sizeof modules / sizeof modules[0])

/* ------------------------------------------------------------------ helpers for modules */
static int param_index(const fb_eval_args *args, const char *name) {
  for (size_t i = 0; i < args->n; i++)
    if (!strcmp(args->params[i].name, name)) return (int)i;
  return -1;
}
double fb_eval_number(const fb_eval_args *args, const char *name) {
  int i = param_index(args, name);
  return i < 0 ? NAN : args->number[i];
}
const char *fb_eval_text(const fb_eval_args *args, const char *name) {
  int i = param_index(args, name);
  return i < 0 ? NULL : args->text[i];
}
int fb_eval_given(const fb_eval_args *args, const char *name) {
  int i = param_index(args, name);
  return i < 0 ? 0 : args->given[i];
}
void fb_eval_put(fb_eval_output *out, const char *name, const char *unit, double value) {
  if (out->n >= FB_EVAL_MAX_RESULTS) {
    out->dropped++;
    return;
  }
  out->r[out->n++] = (fb_eval_result){name, unit, value, NULL};
}
void fb_eval_put_text(fb_eval_output *out, const char *name, const char *text) {
  if (out->n >= FB_EVAL_MAX_RESULTS) {
    out->dropped++;
    return;
  }
  out->r[out->n++] = (fb_eval_result){name, "", NAN, text};
}

/* ------------------------------------------------------------------ command line */
static void describe_param(FILE *out, const fb_eval_param *p) {
  fprintf(out, "      %s=", p->name);
  if (p->choices)
    fprintf(out, "%s", p->choices);
  else
    fprintf(out, "<value>");
  fprintf(out, "  %s", p->description);
  if (p->unit && p->unit[0]) fprintf(out, " [%s]", p->unit);
  if (!p->choices) fprintf(out, ", %g < value <= %g", p->min, p->max);
  if (p->default_value)
    fprintf(out, " (default %s)\n", p->default_value);
  else
    fprintf(out, " (required)\n");
}

static void eval_usage(FILE *out, const fb_eval_module *only) {
  fprintf(out, "usage: fipbounds eval MODULE [key=value ...] [--json]\n\nparticle models (fipbounds models lists them):\n");
  if (!only)
    for (size_t i = 0; i < fb_fip_count(); i++) fb_eval_fip_usage(out, fb_fip_at(i));
  fprintf(out, "\nother modules:\n");
  for (size_t m = 0; m < N_MODULES; m++) {
    if (only && only != modules[m]) continue;
    fprintf(out, "  %s: %s\n", modules[m]->name, modules[m]->description);
    for (size_t i = 0; i < modules[m]->n_params; i++) describe_param(out, &modules[m]->params[i]);
  }
  fprintf(out, "\nexample: fipbounds eval bc1 mass_GeV=0.01 coupling=1e-4 --json\n");
}

static int in_choices(const char *choices, const char *v) {
  size_t n = strlen(v);
  for (const char *c = choices; c && *c;) {
    const char *bar = strchr(c, '|');
    size_t len = bar ? (size_t)(bar - c) : strlen(c);
    if (len == n && !strncmp(c, v, n)) return 1;
    c = bar ? bar + 1 : NULL;
  }
  return 0;
}

/* Validate one value for parameter p; on success fill number/text. Returns 0 or prints an error. */
static int set_value(const fb_eval_module *mod, const fb_eval_param *p, const char *v, double *number) {
  if (p->choices) {
    if (!in_choices(p->choices, v)) {
      fprintf(stderr, "fipbounds eval %s: %s = '%s' is not allowed: allowed %s\n", mod->name, p->name, v, p->choices);
      return -1;
    }
    *number = NAN;
    return 0;
  }
  char *end = NULL;
  double x = strtod(v, &end);
  if (end == v || *end != '\0' || !isfinite(x)) {
    fprintf(stderr, "fipbounds eval %s: %s = '%s' is not a number: allowed %g < %s <= %g\n", mod->name, p->name, v,
            p->min, p->name, p->max);
    return -1;
  }
  if (!(x > p->min && x <= p->max)) {
    fprintf(stderr, "fipbounds eval %s: %s = %g is out of range: allowed %g < %s <= %g\n", mod->name, p->name, x,
            p->min, p->name, p->max);
    return -1;
  }
  *number = x;
  return 0;
}

/* 15 significant digits (%.10g before): an eval and the /quantities of a scan point can be compared to
 * ~1e-15 relative, and a value that is a short decimal up to rounding noise still prints short (1.6e-13, not
 * 1.5999999999999985e-13). */
static void print_json_number(double x) { printf("%.15g", x); }

static void print_json_string(const char *s) {
  putchar('"');
  for (; *s; s++) {
    if (*s == '"' || *s == '\\')
      printf("\\%c", *s);
    else if ((unsigned char)*s < 0x20)
      printf("\\u%04x", *s);
    else
      putchar(*s);
  }
  putchar('"');
}

int fb_app_eval(int argc, char **argv) {
  if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    eval_usage(argc < 2 ? stderr : stdout, NULL);
    return argc < 2 ? FB_EXIT_USAGE : FB_EXIT_OK;
  }
  const char *note = NULL;
  const fb_fip_ops *fip = fb_fip_find(argv[1], &note);
  if (fip) {
    if (note) fprintf(stderr, "fipbounds eval: note: %s\n", note);
    return fb_app_eval_fip(fip, argv[1], argc, argv);
  }
  const fb_eval_module *mod = NULL;
  for (size_t m = 0; m < N_MODULES; m++)
    if (!strcmp(argv[1], modules[m]->name)) mod = modules[m];
  if (!mod) {
    fprintf(stderr, "fipbounds eval: unknown module '%s'\n\n", argv[1]);
    eval_usage(stderr, NULL);
    return FB_EXIT_USAGE;
  }
  /* a parameter table longer than its count would silently refuse its last keys (it happened) */
  if (mod->n_params < FB_EVAL_MAX_PARAMS && mod->params[mod->n_params].name) {
    fprintf(stderr, "fipbounds eval %s: internal error: n_params = %zu but the table has a parameter '%s' after them\n",
            mod->name, mod->n_params, mod->params[mod->n_params].name);
    return FB_EXIT_FAILURE;
  }
  fb_eval_args args;
  memset(&args, 0, sizeof args);
  args.n = mod->n_params;
  args.params = mod->params;
  int json = 0;
  for (int a = 2; a < argc; a++) {
    if (!strcmp(argv[a], "--json")) {
      json = 1;
      continue;
    }
    if (!strcmp(argv[a], "--help") || !strcmp(argv[a], "-h")) {
      eval_usage(stdout, mod);
      return FB_EXIT_OK;
    }
    const char *eq = strchr(argv[a], '=');
    if (!eq) {
      fprintf(stderr, "fipbounds eval %s: expected key=value, got '%s'\n\n", mod->name, argv[a]);
      eval_usage(stderr, mod);
      return FB_EXIT_USAGE;
    }
    size_t klen = (size_t)(eq - argv[a]);
    size_t i = 0;
    while (i < mod->n_params && !(strlen(mod->params[i].name) == klen && !strncmp(argv[a], mod->params[i].name, klen))) i++;
    if (i == mod->n_params) {
      fprintf(stderr, "fipbounds eval %s: unknown parameter '%.*s'\n\n", mod->name, (int)klen, argv[a]);
      eval_usage(stderr, mod);
      return FB_EXIT_USAGE;
    }
    if (args.given[i]) {
      fprintf(stderr, "fipbounds eval %s: parameter '%s' given twice ('%s=%s' and '%s'): give each once\n", mod->name,
              mod->params[i].name, mod->params[i].name, args.text[i], argv[a]);
      return FB_EXIT_USAGE;
    }
    if (set_value(mod, &mod->params[i], eq + 1, &args.number[i]) != 0) return FB_EXIT_USAGE;
    args.text[i] = eq + 1;
    args.given[i] = 1;
  }
  for (size_t i = 0; i < mod->n_params; i++) {
    if (args.given[i]) continue;
    const fb_eval_param *p = &mod->params[i];
    if (!p->default_value) {
      fprintf(stderr, "fipbounds eval %s: missing parameter %s=<value> (%s)\n\n", mod->name, p->name, p->description);
      eval_usage(stderr, mod);
      return FB_EXIT_USAGE;
    }
    if (set_value(mod, p, p->default_value, &args.number[i]) != 0) return FB_EXIT_FAILURE; /* a bad default is a bug */
    args.text[i] = p->default_value;
  }
  fb_eval_output out;
  memset(&out, 0, sizeof out);
  fb_err err;
  fb_err_clear(&err);
  int rc = mod->fn(&args, &out, &err);
  if (rc != FB_OK) {
    char msg[FB_ERR_MSG_LEN + 512];
    fb_err_user_message(&err, fb_err_verbose(), msg, sizeof msg);
    fprintf(stderr, "fipbounds eval %s: error (%s): %s\n", mod->name, fb_code_name(rc), msg);
    return rc == FB_ERR_RANGE || rc == FB_ERR_INPUT ? FB_EXIT_USAGE : FB_EXIT_FAILURE;
  }
  if (out.dropped) { /* never print a silently truncated result list */
    fprintf(stderr, "fipbounds eval %s: internal error: %zu results beyond the capacity FB_EVAL_MAX_RESULTS = %d (src/app/fb_eval.h)\n",
            mod->name, out.dropped, FB_EVAL_MAX_RESULTS);
    return FB_EXIT_FAILURE;
  }
  if (json) {
    printf("{\"module\": \"%s\"", mod->name);
    for (size_t i = 0; i < out.n; i++) {
      printf(", \"%s\": ", out.r[i].name);
      if (out.r[i].text)
        print_json_string(out.r[i].text);
      else if (isfinite(out.r[i].value))
        print_json_number(out.r[i].value);
      else
        printf("null"); /* JSON has no inf/nan */
    }
    printf("}\n");
  } else {
    printf("%-28s %-18s %s\n", "quantity", "value", "unit");
    for (size_t i = 0; i < out.n; i++) {
      if (out.r[i].text)
        printf("%-28s %-18s\n", out.r[i].name, out.r[i].text);
      else
        printf("%-28s %-18.10g %s\n", out.r[i].name, out.r[i].value, out.r[i].unit);
    }
  }
  return FB_EXIT_OK;
}
