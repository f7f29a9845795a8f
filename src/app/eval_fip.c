/**
 * @file eval_fip.c
 * @brief `fipbounds eval bcN mass_GeV=... coupling=... [option=value ...] [--json]`: one point of a
 *        particle model (src/models/fb_fip.h): total and partial widths, lifetime, c*tau, branching
 *        ratios, the channel-class content (multiplicities and energy fractions) and the couplings
 *        that production needs.
 *
 * The coupling may be given as `coupling=` or by its physical name (epsilon=, g_agamma=, U2=, ...,
 * and their old aliases such as g_agg=). Options are the model's input keys (section [bcN] of an
 * input file). Old model names (darkphoton) are accepted with a message on stderr.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_app.h"
#include "fb_decay.h"
#include "fb_fip.h"

void fb_eval_fip_usage(FILE *out, const fb_fip_ops *ops) {
  fprintf(out, "  %s: %s %s: widths, lifetime, c*tau, branching ratios, channel classes\n", ops->name, ops->benchmark,
          ops->particle);
  fprintf(out, "      mass_GeV=<value>  %s mass [GeV], %g < value <= %g (required)\n", ops->mass_name, ops->mass_min_GeV,
          ops->mass_max_GeV);
  fprintf(out, "      coupling=<value>  (or %s=) %s%s%s%s, 0 < value <= %g (required)\n", ops->coupling_name,
          ops->coupling_description, ops->coupling_units[0] ? " [" : "", ops->coupling_units,
          ops->coupling_units[0] ? "]" : "", ops->coupling_max);
  for (size_t k = 0; k < ops->n_keys; k++) {
    const fb_key_spec *s = &ops->keys[k];
    fprintf(out, "      %s=%s  %s", s->key, s->choices ? s->choices : "<value>", s->description);
    if (s->unit && s->unit[0]) fprintf(out, " [%s]", s->unit);
    if (!s->choices && (s->type == FB_KEY_DOUBLE || s->type == FB_KEY_INT)) fprintf(out, ", %g <= value <= %g", s->min, s->max);
    fprintf(out, " (default %s)\n", s->default_value ? s->default_value : "none");
  }
  if (ops->decay == NULL) fprintf(out, "      (stable: no decays; prints the couplings only)\n");
}

static void put_json_key(int *first, const char *key) {
  printf("%s\"%s\": ", *first ? "" : ", ", key);
  *first = 0;
}
static void put_number(int json, int *first, const char *key, double v, const char *unit) {
  if (json) {
    put_json_key(first, key);
    if (isfinite(v))
      printf("%.10g", v);
    else
      printf("null");
  } else {
    printf("%-28s %-18.10g %s\n", key, v, unit ? unit : "");
  }
}
static void put_text(int json, int *first, const char *key, const char *v) {
  if (json) {
    put_json_key(first, key);
    printf("\"%s\"", v);
  } else {
    printf("%-28s %-18s\n", key, v);
  }
}

static int parse_number(const char *model, const char *key, const char *v, double lo, double hi, double *x) {
  char *end = NULL;
  *x = strtod(v, &end);
  if (end == v || *end != '\0' || !isfinite(*x)) {
    fprintf(stderr, "fipbounds eval %s: %s = '%s' is not a number: allowed %g < %s <= %g\n", model, key, v, lo, key, hi);
    return -1;
  }
  if (!(*x > lo && *x <= hi)) {
    fprintf(stderr, "fipbounds eval %s: %s = %g is out of range: allowed %g < %s <= %g\n", model, key, *x, lo, key, hi);
    return -1;
  }
  return 0;
}

int fb_app_eval_fip(const fb_fip_ops *ops, const char *as_name, int argc, char **argv) {
  double mass = NAN, coupling = NAN;
  int json = 0, have_mass = 0, have_coupling = 0;
  fb_config cfg;
  fb_err err;
  fb_err_clear(&err);
  if (fb_fip_config_default(ops, &cfg, &err) != FB_OK) {
    fprintf(stderr, "fipbounds eval %s: %s\n", ops->name, err.msg);
    return FB_EXIT_FAILURE;
  }
  int status = FB_EXIT_USAGE;
  for (int a = 2; a < argc; a++) {
    if (!strcmp(argv[a], "--json")) {
      json = 1;
      continue;
    }
    if (!strcmp(argv[a], "--help") || !strcmp(argv[a], "-h")) {
      printf("usage: fipbounds eval %s mass_GeV=... coupling=... [option=value ...] [--json]\n\n", ops->name);
      fb_eval_fip_usage(stdout, ops);
      fb_config_free(&cfg);
      return FB_EXIT_OK;
    }
    const char *eq = strchr(argv[a], '=');
    if (!eq) {
      fprintf(stderr, "fipbounds eval %s: expected key=value, got '%s'\n\n", as_name, argv[a]);
      fb_eval_fip_usage(stderr, ops);
      goto done;
    }
    char key[64];
    size_t klen = (size_t)(eq - argv[a]);
    if (klen >= sizeof key) klen = sizeof key - 1;
    memcpy(key, argv[a], klen);
    key[klen] = '\0';
    const char *canon = fb_fip_coupling_canonical(key);
    if (!strcmp(key, "mass_GeV")) {
      if (have_mass) {
        fprintf(stderr, "fipbounds eval %s: parameter 'mass_GeV' given twice: give each once\n", as_name);
        goto done;
      }
      if (parse_number(as_name, "mass_GeV", eq + 1, ops->mass_min_GeV, ops->mass_max_GeV, &mass)) goto done;
      have_mass = 1;
    } else if (!strcmp(key, "coupling") || !strcmp(canon, ops->coupling_name)) {
      if (have_coupling) {
        fprintf(stderr, "fipbounds eval %s: parameter '%s' given twice (the coupling is given twice): give each once\n",
                as_name, key);
        goto done;
      }
      if (strcmp(key, "coupling") && strcmp(key, ops->coupling_name))
        fprintf(stderr, "fipbounds eval %s: note: '%s' is an old name of '%s'\n", as_name, key, ops->coupling_name);
      if (parse_number(as_name, strcmp(key, "coupling") ? ops->coupling_name : "coupling", eq + 1, 0.0, ops->coupling_max,
                       &coupling))
        goto done;
      have_coupling = 1;
    } else {
      int known = 0;
      for (size_t k = 0; k < ops->n_keys; k++)
        if (!strcmp(ops->keys[k].key, key)) known = 1;
      for (int b = 2; known && b < a; b++) /* an option given twice is refused, as in every eval module */
        if (!strncmp(argv[b], key, strlen(key)) && argv[b][strlen(key)] == '=') {
          fprintf(stderr, "fipbounds eval %s: parameter '%s' given twice ('%s' and '%s'): give each once\n", as_name,
                  key, argv[b], argv[a]);
          goto done;
        }
      if (!known) {
        fprintf(stderr, "fipbounds eval %s: unknown parameter '%s'\n\n", as_name, key);
        fb_eval_fip_usage(stderr, ops);
        goto done;
      }
      char assignment[256];
      snprintf(assignment, sizeof assignment, "%s.%s", ops->name, argv[a]);
      if (fb_config_set(&cfg, assignment, &err) != FB_OK) {
        fprintf(stderr, "fipbounds eval %s: %s\n", as_name, err.msg);
        goto done;
      }
    }
  }
  if (!have_mass || !have_coupling) {
    fprintf(stderr, "fipbounds eval %s: missing parameter %s\n\n", as_name,
            !have_mass ? "mass_GeV=<value>" : (ops->coupling_name));
    fb_eval_fip_usage(stderr, ops);
    goto done;
  }
  void *state = NULL;
  int rc = ops->init ? ops->init(&state, &cfg, &err) : FB_OK;
  fb_decay *d = calloc(1, sizeof *d);
  fb_fip_values vals = {0};
  if (rc == FB_OK && !d) rc = fb_err_set(&err, FB_ERR_MEMORY, __func__, __LINE__, "cannot allocate a decay record");
  if (rc == FB_OK) rc = fb_fip_check_point(ops, mass, coupling, &err);
  if (rc == FB_OK && ops->decay) rc = ops->decay(state, mass, coupling, d, &err);
  if (rc == FB_OK && ops->production) rc = ops->production(state, mass, coupling, &vals, &err);
  if (rc != FB_OK) {
    char msg[FB_ERR_MSG_LEN + 512];
    fb_err_user_message(&err, fb_err_verbose(), msg, sizeof msg);
    fprintf(stderr, "fipbounds eval %s: error (%s): %s\n", as_name, fb_code_name(rc), msg);
    status = rc == FB_ERR_RANGE || rc == FB_ERR_INPUT ? FB_EXIT_USAGE : FB_EXIT_FAILURE;
  } else {
    int first = 1;
    if (json) {
      printf("{");
      put_json_key(&first, "module");
      printf("\"%s\"", as_name);
    } else {
      printf("%-28s %-18s %s\n", "quantity", "value", "unit");
    }
    put_text(json, &first, "model", ops->name);
    put_text(json, &first, "benchmark", ops->benchmark);
    put_number(json, &first, "mass_GeV", mass, "GeV");
    put_number(json, &first, "coupling", coupling, ops->coupling_units);
    put_number(json, &first, ops->coupling_name, coupling, ops->coupling_units);
    if (ops->decay) {
      char key[96];
      put_number(json, &first, "width_GeV", d->width_GeV, "GeV");
      put_number(json, &first, "tau_s", d->tau_s, "s");
      put_number(json, &first, "ctau_m", d->ctau_m, "m");
      for (size_t k = 0; k < d->n_channels; k++) {
        snprintf(key, sizeof key, "width_%s_GeV", d->ch[k].name);
        put_number(json, &first, key, d->ch[k].width_GeV, "GeV");
      }
      for (size_t k = 0; k < d->n_channels; k++) {
        snprintf(key, sizeof key, "br_%s", d->ch[k].name);
        put_number(json, &first, key, d->ch[k].br, "");
      }
      for (int c = 0; c < FB_N_DECAY_CLASSES; c++) {
        snprintf(key, sizeof key, "efrac_%s", fb_decay_class_name(c));
        put_number(json, &first, key, d->efrac[c], "");
      }
      for (int c = 0; c < FB_N_DECAY_CLASSES; c++) {
        snprintf(key, sizeof key, "mult_%s", fb_decay_class_name(c));
        put_number(json, &first, key, d->mult[c], "");
      }
    } else {
      put_text(json, &first, "decays", "none (stable)");
    }
    for (size_t i = 0; i < vals.n; i++) put_number(json, &first, vals.v[i].name, vals.v[i].value, vals.v[i].unit);
    if (json) printf("}\n");
    status = FB_EXIT_OK;
  }
  if (ops->free && state) ops->free(state);
  free(d);
done:
  fb_config_free(&cfg);
  return status;
}
