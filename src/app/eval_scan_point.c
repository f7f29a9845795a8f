/**
 * @file eval_scan_point.c
 * @brief One point of a registered scan model for the eval modules: `eval late-decay model=bcN`
 *        (bcN_photodis), `eval cmb-decay model=bcN` (bcN_cmb) and `eval bbn-decay model=bcN` (bcN_bbn)
 *        give the numbers of the scan point by running the scan model itself (init, eval, free) with
 *        the defaults of the complete input schema plus the eval's own options as assignments, so no
 *        physics is repeated here and an eval equals the /quantities of the scan at the same point.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fb_eval.h"
#include "fb_model.h"
#include "fb_scan.h"

int eval_scan_point(const char *model_name, const char *const *sets, size_t n_sets, double mass, double coupling,
                    eval_scan_point_result *res, fb_err *err) {
  return eval_scan_point_visit(model_name, sets, n_sets, mass, coupling, res, NULL, NULL, err);
}

int eval_scan_point_visit(const char *model_name, const char *const *sets, size_t n_sets, double mass, double coupling,
                          eval_scan_point_result *res, void (*visit)(void *state, void *ctx), void *ctx, fb_err *err) {
  memset(res, 0, sizeof *res);
  const fb_model_ops *ops = fb_model_find(model_name);
  FB_TEST(err, !ops, FB_ERR_INTERNAL, "scan model %s is not registered", model_name);
  FB_TEST(err, ops->n_quantities > EVAL_SCAN_MAX_Q, FB_ERR_INTERNAL, "scan model %s has %zu quantities (> %d)",
          model_name, ops->n_quantities, EVAL_SCAN_MAX_Q);
  res->ops = ops;
  const fb_key_spec *const *tables;
  const size_t *counts;
  size_t n_tables;
  FB_TEST(err, fb_input_schema(&tables, &counts, &n_tables) != FB_OK, FB_ERR_INTERNAL, "input schema too large");
  fb_config cfg;
  FB_CALL(err, fb_config_init(&cfg, tables, counts, n_tables, err));
  int rc = FB_OK;
  for (size_t i = 0; i < n_sets && rc == FB_OK; i++) rc = fb_config_set(&cfg, sets[i], err);
  void *state = NULL;
  if (rc == FB_OK) rc = ops->init(&state, &cfg, err);
  if (rc == FB_OK) rc = ops->eval(state, mass, coupling, res->q, err);
  if (rc == FB_OK && visit) visit(state, ctx);
  if (rc == FB_OK && ops->assumption) snprintf(res->assumption, sizeof res->assumption, "%s", ops->assumption(state));
  if (state) ops->free(state);
  fb_config_free(&cfg);
  if (rc != FB_OK) {
    char what[160];
    snprintf(what, sizeof what, "scan model %s at mass %g, coupling %g", model_name, mass, coupling);
    return fb_err_push(err, rc, __func__, __LINE__, what);
  }
  return FB_OK;
}

double eval_scan_q(const eval_scan_point_result *res, const char *name) {
  for (size_t i = 0; i < res->ops->n_quantities; i++)
    if (!strcmp(res->ops->quantities[i].name, name)) return res->q[i];
  return NAN;
}
