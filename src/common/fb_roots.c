/**
 * @file fb_roots.c
 * @brief Bracket expansion + GSL Brent; see fb_roots.h.
 */
#include "fb_roots.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

void fb_roots_options_default(fb_roots_options *opt) {
  if (!opt) return;
  memset(opt, 0, sizeof *opt);
  opt->xtol_abs = 0.0;
  opt->xtol_rel = 1e-10;
  opt->max_iter = 200;
  opt->max_expand = 50;
  opt->expand_factor = 1.6; /* golden-ratio-like growth as in Numerical Recipes zbrac */
  opt->x_min = -INFINITY;
  opt->x_max = INFINITY;
  opt->log_space = 0;
}

static int fb_roots_check_options(const fb_roots_options *o, fb_err *err) {
  FB_TEST(err, !o, FB_ERR_INPUT, "options pointer is NULL");
  FB_TEST(err, isnan(o->xtol_abs) || isnan(o->xtol_rel) || isnan(o->expand_factor) ||
                   isnan(o->x_min) || isnan(o->x_max),
          FB_ERR_INPUT, "NaN in root-finding options");
  FB_TEST(err, o->xtol_abs < 0.0 || o->xtol_rel < 0.0 || !(o->xtol_abs + o->xtol_rel > 0.0) ||
                   !isfinite(o->xtol_abs + o->xtol_rel),
          FB_ERR_RANGE, "tolerances xtol_abs = %g, xtol_rel = %g must be >= 0, finite, not both 0",
          o->xtol_abs, o->xtol_rel);
  FB_TEST(err, o->max_iter < 1, FB_ERR_RANGE, "max_iter = %d must be >= 1", o->max_iter);
  FB_TEST(err, o->max_expand < 0, FB_ERR_RANGE, "max_expand = %d must be >= 0", o->max_expand);
  FB_TEST(err, !(o->expand_factor > 0.0) || !isfinite(o->expand_factor), FB_ERR_RANGE,
          "expand_factor = %g must be > 0 and finite", o->expand_factor);
  FB_TEST(err, !(o->x_min < o->x_max), FB_ERR_RANGE, "domain [%g, %g] is empty", o->x_min, o->x_max);
  FB_TEST(err, o->log_space && o->x_min < 0.0, FB_ERR_RANGE,
          "log_space needs x_min >= 0 (x_min = %g)", o->x_min);
  return FB_OK;
}

int fb_roots_init(fb_roots *r, const fb_roots_options *opt, fb_err *err) {
  FB_TEST(err, !r, FB_ERR_INPUT, "roots struct is NULL");
  memset(r, 0, sizeof *r);
  FB_CALL(err, fb_roots_check_options(opt, err));
  r->opt = *opt;
  r->solver = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
  FB_TEST(err, !r->solver, FB_ERR_MEMORY, "gsl_root_fsolver_alloc(brent) failed");
  return FB_OK;
}

void fb_roots_free(fb_roots *r) {
  if (!r) return;
  if (r->solver) gsl_root_fsolver_free((gsl_root_fsolver *)r->solver);
  memset(r, 0, sizeof *r);
}

/* ---------------------------------------------------------------- evaluation in u = x or ln x */

typedef struct fb_roots_call {
  fb_roots *r;
  fb_roots_fn f;
  void *params;
  int bad;
  double bad_x, bad_f;
} fb_roots_call;

static double fb_roots_x_of_u(const fb_roots *r, double u) { return r->opt.log_space ? exp(u) : u; }

static double fb_roots_eval_u(double u, void *p) {
  fb_roots_call *c = (fb_roots_call *)p;
  double x = fb_roots_x_of_u(c->r, u);
  double v = c->f(x, c->params);
  c->r->f_evals++;
  if (!isfinite(v) && !c->bad) {
    c->bad = 1;
    c->bad_x = x;
    c->bad_f = v;
  }
  return v;
}

static void fb_roots_remember(fb_roots *r, double x, double fx) {
  if (r->n_tried < FB_ROOTS_TRIED_MAX) {
    r->tried_x[r->n_tried] = x;
    r->tried_f[r->n_tried] = fx;
  }
  r->n_tried++;
}

/* "x=f; x=f; ..." of the bracket search, for error messages */
static void fb_roots_tried_text(const fb_roots *r, char *buf, size_t len) {
  size_t used = 0;
  buf[0] = '\0';
  int shown = r->n_tried < FB_ROOTS_TRIED_MAX ? r->n_tried : FB_ROOTS_TRIED_MAX;
  for (int k = 0; k < shown && used + 1 < len; ++k) {
    int w = snprintf(buf + used, len - used, "%s(%.6g, %.6g)", k ? " " : "", r->tried_x[k],
                     r->tried_f[k]);
    if (w < 0) break;
    used += (size_t)w;
  }
  if (r->n_tried > shown && used + 1 < len) snprintf(buf + used, len - used, " ...");
}

int fb_roots_solve(fb_roots *r, fb_roots_fn f, void *params, double a, double b, double *root,
                   fb_err *err) {
  FB_TEST(err, !r || !r->solver, FB_ERR_INPUT, "root finder not initialised");
  FB_TEST(err, !f || !root, FB_ERR_INPUT, "function or root pointer is NULL");
  const fb_roots_options *o = &r->opt;
  r->iterations = r->expansions = r->f_evals = r->n_tried = 0;
  FB_TEST(err, isnan(a) || isnan(b), FB_ERR_INPUT, "guess interval [%g, %g] contains NaN", a, b);
  if (a > b) {
    double t = a;
    a = b;
    b = t;
  }
  FB_TEST(err, a == b, FB_ERR_INPUT, "guess interval [%g, %g] is empty", a, b);
  FB_TEST(err, a < o->x_min || b > o->x_max || !isfinite(a) || !isfinite(b), FB_ERR_RANGE,
          "guess interval [%g, %g] outside the domain [%g, %g]", a, b, o->x_min, o->x_max);
  FB_TEST(err, o->log_space && !(a > 0.0), FB_ERR_RANGE,
          "log_space needs a positive guess interval, got [%g, %g]", a, b);

  /* u = x or ln x; domain in u */
  double ua = o->log_space ? log(a) : a, ub = o->log_space ? log(b) : b;
  double umin = o->log_space ? (o->x_min > 0.0 ? log(o->x_min) : -INFINITY) : o->x_min;
  double umax = o->log_space ? log(o->x_max) : o->x_max;

  fb_roots_call c = {r, f, params, 0, 0.0, 0.0};
  double fa = fb_roots_eval_u(ua, &c), fb = fb_roots_eval_u(ub, &c);
  fb_roots_remember(r, a, fa);
  fb_roots_remember(r, b, fb);
  char tried[1600];
  if (c.bad)
    FB_FAIL(err, FB_ERR_NUMERIC, "f(%.17g) = %g is not finite", c.bad_x, c.bad_f);

  /* bracket search: widen the side where |f| is smaller (Numerical Recipes zbrac), but keep
   * only the newest sub-interval once the sign changes */
  while ((fa > 0.0 && fb > 0.0) || (fa < 0.0 && fb < 0.0)) {
    int can_lo = ua > umin, can_hi = ub < umax;
    if (r->expansions >= o->max_expand || (!can_lo && !can_hi)) {
      fb_roots_tried_text(r, tried, sizeof tried);
      FB_FAIL(err, FB_ERR_NUMERIC,
              "no sign change of f within the domain [%g, %g] after %d expansions (factor %g, %s); "
              "(x, f) tried: %s",
              o->x_min, o->x_max, r->expansions, o->expand_factor, o->log_space ? "log x" : "x",
              tried);
    }
    double width = ub - ua;
    int go_lo = can_lo && (!can_hi || fabs(fa) < fabs(fb));
    r->expansions++;
    if (go_lo) {
      double un = ua - o->expand_factor * width;
      if (un < umin) un = umin;
      double fn = fb_roots_eval_u(un, &c);
      fb_roots_remember(r, fb_roots_x_of_u(r, un), fn);
      if (c.bad) FB_FAIL(err, FB_ERR_NUMERIC, "f(%.17g) = %g is not finite", c.bad_x, c.bad_f);
      if ((fn > 0.0) != (fa > 0.0) || fn == 0.0) { /* sign change in [un, ua] */
        ub = ua;
        fb = fa;
      }
      ua = un;
      fa = fn;
    } else {
      double un = ub + o->expand_factor * width;
      if (un > umax) un = umax;
      double fn = fb_roots_eval_u(un, &c);
      fb_roots_remember(r, fb_roots_x_of_u(r, un), fn);
      if (c.bad) FB_FAIL(err, FB_ERR_NUMERIC, "f(%.17g) = %g is not finite", c.bad_x, c.bad_f);
      if ((fn > 0.0) != (fb > 0.0) || fn == 0.0) { /* sign change in [ub, un] */
        ua = ub;
        fa = fb;
      }
      ub = un;
      fb = fn;
    }
  }
  if (fa == 0.0) {
    *root = fb_roots_x_of_u(r, ua);
    return FB_OK;
  }
  if (fb == 0.0) {
    *root = fb_roots_x_of_u(r, ub);
    return FB_OK;
  }

  gsl_root_fsolver *s = (gsl_root_fsolver *)r->solver;
  gsl_function F = {fb_roots_eval_u, &c};
  int st = gsl_root_fsolver_set(s, &F, ua, ub);
  FB_TEST(err, st != GSL_SUCCESS, FB_ERR_GSL, "gsl_root_fsolver_set([%g, %g]): %s",
          fb_roots_x_of_u(r, ua), fb_roots_x_of_u(r, ub), gsl_strerror(st));
  for (r->iterations = 1; r->iterations <= o->max_iter; r->iterations++) {
    st = gsl_root_fsolver_iterate(s);
    if (c.bad) FB_FAIL(err, FB_ERR_NUMERIC, "f(%.17g) = %g is not finite", c.bad_x, c.bad_f);
    FB_TEST(err, st != GSL_SUCCESS, FB_ERR_GSL, "Brent iteration %d in [%g, %g]: %s (status %d)",
            r->iterations, fb_roots_x_of_u(r, gsl_root_fsolver_x_lower(s)),
            fb_roots_x_of_u(r, gsl_root_fsolver_x_upper(s)), gsl_strerror(st), st);
    double xlo = fb_roots_x_of_u(r, gsl_root_fsolver_x_lower(s));
    double xhi = fb_roots_x_of_u(r, gsl_root_fsolver_x_upper(s));
    st = gsl_root_test_interval(xlo, xhi, o->xtol_abs, o->xtol_rel);
    if (st == GSL_SUCCESS || xlo == xhi) {
      *root = fb_roots_x_of_u(r, gsl_root_fsolver_root(s));
      return FB_OK;
    }
    FB_TEST(err, st != GSL_CONTINUE, FB_ERR_GSL, "gsl_root_test_interval: %s", gsl_strerror(st));
  }
  FB_FAIL(err, FB_ERR_NUMERIC, "Brent did not converge in %d iterations: bracket [%.17g, %.17g]",
          o->max_iter, fb_roots_x_of_u(r, gsl_root_fsolver_x_lower(s)),
          fb_roots_x_of_u(r, gsl_root_fsolver_x_upper(s)));
}

int fb_roots_find(fb_roots_fn f, void *params, double a, double b, const fb_roots_options *opt,
                  double *root, fb_err *err) {
  fb_roots r;
  FB_CALL(err, fb_roots_init(&r, opt, err));
  int rc = fb_roots_solve(&r, f, params, a, b, root, err);
  fb_roots_free(&r);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "fb_roots_solve");
  return FB_OK;
}
