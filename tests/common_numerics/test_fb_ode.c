/**
 * @file test_fb_ode.c
 * @brief Check suite for the CVODE wrapper fb_ode.
 *
 * References:
 *  - Robertson (1966) stiff kinetics; reference solution at t = 1e11 from the "Test Set for IVP
 *    Solvers" (F. Mazzia, C. Magherini, Univ. Bari, problem ROBER, rober.f; also in Hairer &
 *    Wanner, Solving ODEs II, sec. IV.10): y = (0.2083340149701255e-07, 0.8333360770334713e-13,
 *    0.9999999791665050).
 *  - Linear decay chain A -> B -> (Bateman 1910): closed form.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "fb_ode.h"

/* ---------------------------------------------------------------- problems */

/* Decay chain y0' = -k1 y0, y1' = k1 y0 - k2 y1 (stiff for k2 >> k1). */
typedef struct chain {
  double k1_per_s, k2_per_s;
  fb_ode *ode;          /* for fb_ode_set_reason */
  double fail_after_t;  /* rhs returns fail_rc for t > fail_after_t */
  int fail_rc;
} chain;

static int chain_rhs(double t, const double *y, double *dydt, void *user) {
  chain *c = (chain *)user;
  if (c->fail_rc != 0 && t > c->fail_after_t) {
    if (c->ode) fb_ode_set_reason(c->ode, "chain test failure requested at t = %g", t);
    return c->fail_rc;
  }
  dydt[0] = -c->k1_per_s * y[0];
  dydt[1] = c->k1_per_s * y[0] - c->k2_per_s * y[1];
  return 0;
}

static int chain_jac(double t, const double *y, const double *dydt, double *J, void *user) {
  (void)t;
  (void)y;
  (void)dydt;
  chain *c = (chain *)user;
  J[0 * 2 + 0] = -c->k1_per_s;
  J[0 * 2 + 1] = 0.0;
  J[1 * 2 + 0] = c->k1_per_s;
  J[1 * 2 + 1] = -c->k2_per_s;
  return 0;
}

/* Bateman solution */
static void chain_exact(const chain *c, double t, const double y0[2], double y[2]) {
  double k1 = c->k1_per_s, k2 = c->k2_per_s;
  y[0] = y0[0] * exp(-k1 * t);
  y[1] = y0[0] * k1 / (k2 - k1) * (exp(-k1 * t) - exp(-k2 * t)) + y0[1] * exp(-k2 * t);
}

/* Robertson: y1' = -0.04 y1 + 1e4 y2 y3, y2' = 0.04 y1 - 1e4 y2 y3 - 3e7 y2^2, y3' = 3e7 y2^2 */
static int rober_rhs(double t, const double *y, double *f, void *user) {
  (void)t;
  (void)user;
  f[0] = -0.04 * y[0] + 1.0e4 * y[1] * y[2];
  f[2] = 3.0e7 * y[1] * y[1];
  f[1] = -f[0] - f[2];
  return 0;
}

static int rober_jac(double t, const double *y, const double *f, double *J, void *user) {
  (void)t;
  (void)f;
  (void)user;
  J[0] = -0.04;
  J[1] = 1.0e4 * y[2];
  J[2] = 1.0e4 * y[1];
  J[6] = 0.0;
  J[7] = 6.0e7 * y[1];
  J[8] = 0.0;
  J[3] = -J[0] - J[6];
  J[4] = -J[1] - J[7];
  J[5] = -J[2] - J[8];
  return 0;
}

/* accepted relative deviation from the Bateman solution at rtol = 1e-10 (global error ~ steps x rtol) */
#define CHAIN_TOL 5e-8

static const double ROBER_T_REF = 1.0e11;
/* Test Set for IVP Solvers (Mazzia & Magherini), problem ROBER, reference solution at 1e11 */
static const double ROBER_Y_REF[3] = {0.2083340149701255e-07, 0.8333360770334713e-13,
                                      0.9999999791665050};

/* ---------------------------------------------------------------- tests */

static void solve_chain(int use_jac, double y_end[2], fb_ode_stats *st) {
  chain c = {2.385, 1234.5, NULL, 0.0, 0};
  fb_ode_options o;
  fb_ode_options_default(&o);
  o.rtol = 1e-10;
  o.atol = 1e-16;
  fb_ode ode;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_ode_init(&ode, 2, chain_rhs, use_jac ? chain_jac : NULL, &c, &o, &err), FB_OK);
  const double y0[2] = {1.7, 0.31};
  ck_assert_int_eq(fb_ode_reset(&ode, 0.0, y0, &err), FB_OK);
  double worst = 0.0, t_worst = 0.0;
  for (int k = 1; k <= 40; ++k) {
    double t = 0.0625 * k * 1.013, y[2], ye[2];
    ck_assert_msg(fb_ode_solve(&ode, t, y, &err) == FB_OK, "%s", err.msg);
    chain_exact(&c, t, y0, ye);
    for (int i = 0; i < 2; ++i) {
      double d = fabs(y[i] - ye[i]) / (fabs(ye[i]) + 1e-12);
      if (d > worst) {
        worst = d;
        t_worst = t;
      }
    }
    if (k == 40) memcpy(y_end, y, sizeof y);
  }
  ck_assert_int_eq(fb_ode_get_stats(&ode, st, &err), FB_OK);
  printf("decay chain (jac=%d): worst rel. error %.3e at t = %.4g; steps %ld, rhs %ld, rhs(jac) %ld, "
         "jac %ld\n",
         use_jac, worst, t_worst, st->steps, st->rhs_evals, st->rhs_evals_jac, st->jac_evals);
  /* tolerance: global error ~ (number of steps) x rtol = ~700 x 1e-10; CHAIN_TOL = 5e-8 */
  ck_assert_msg(worst < CHAIN_TOL, "decay chain worst relative error %.3e > %g", worst, CHAIN_TOL);
  fb_ode_free(&ode);
}

START_TEST(test_decay_chain_with_and_without_jacobian) {
  double y_fd[2], y_an[2];
  fb_ode_stats s_fd, s_an;
  solve_chain(0, y_fd, &s_fd);
  solve_chain(1, y_an, &s_an);
  for (int i = 0; i < 2; ++i)
    ck_assert_msg(fabs(y_fd[i] - y_an[i]) <= CHAIN_TOL * fabs(y_an[i]), "component %d: %.17g vs %.17g", i,
                  y_fd[i], y_an[i]);
  ck_assert_int_gt(s_an.jac_evals, 0);
  ck_assert_int_eq(s_an.rhs_evals_jac, 0); /* analytic Jacobian: no difference quotients */
  ck_assert_int_gt(s_fd.rhs_evals_jac, 0);
  ck_assert_msg(s_an.rhs_evals + s_an.rhs_evals_jac < s_fd.rhs_evals + s_fd.rhs_evals_jac,
                "analytic Jacobian should need fewer rhs evaluations (%ld vs %ld)",
                s_an.rhs_evals + s_an.rhs_evals_jac, s_fd.rhs_evals + s_fd.rhs_evals_jac);
}
END_TEST

static void rober_run(int use_jac, double y[3], fb_ode_stats *st) {
  fb_ode_options o;
  fb_ode_options_default(&o);
  const double atol[3] = {1e-20, 1e-24, 1e-14};
  o.rtol = 1e-10;
  o.atol_vec = atol;
  o.max_steps = 100000;
  fb_ode ode;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(fb_ode_init(&ode, 3, rober_rhs, use_jac ? rober_jac : NULL, NULL, &o, &err) == FB_OK,
                "%s", err.msg);
  const double y0[3] = {1.0, 0.0, 0.0};
  ck_assert_int_eq(fb_ode_reset(&ode, 0.0, y0, &err), FB_OK);
  ck_assert_msg(fb_ode_solve(&ode, ROBER_T_REF, y, &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(fb_ode_get_stats(&ode, st, &err), FB_OK);
  fb_ode_free(&ode);
}

START_TEST(test_robertson_reference) {
  for (int use_jac = 0; use_jac <= 1; ++use_jac) {
    double y[3];
    fb_ode_stats st;
    rober_run(use_jac, y, &st);
    double rel[3];
    for (int i = 0; i < 3; ++i) rel[i] = fabs(y[i] - ROBER_Y_REF[i]) / ROBER_Y_REF[i];
    printf("Robertson t=1e11 (jac=%d): y = %.12e %.12e %.15f; rel. dev. %.2e %.2e %.2e; steps %ld, "
           "rhs %ld, rhs(jac) %ld\n",
           use_jac, y[0], y[1], y[2], rel[0], rel[1], rel[2], st.steps, st.rhs_evals,
           st.rhs_evals_jac);
    /* tolerances: 1e-7 relative on the small components (rtol 1e-10 per step, ~4e3 steps),
     * 1e-12 on y3 ~ 1 */
    ck_assert_msg(rel[0] < 1e-7, "y1 rel. dev. %.3e", rel[0]);
    ck_assert_msg(rel[1] < 1e-7, "y2 rel. dev. %.3e", rel[1]);
    ck_assert_msg(rel[2] < 1e-12, "y3 rel. dev. %.3e", rel[2]);
    ck_assert_msg(fabs(y[0] + y[1] + y[2] - 1.0) < 1e-12, "mass conservation %.3e",
                  y[0] + y[1] + y[2] - 1.0);
  }
}
END_TEST

/* event: y0 = 1.7 exp(-k1 t) crosses 0.123 at t = ln(1.7/0.123)/k1 */
static int chain_event(double t, const double *y, double *g, void *user) {
  (void)t;
  (void)user;
  g[0] = y[0] - 0.123;
  g[1] = y[1] + 10.0; /* never crosses */
  return 0;
}

START_TEST(test_event_and_reset) {
  chain c = {2.385, 1234.5, NULL, 0.0, 0};
  fb_ode_options o;
  fb_ode_options_default(&o);
  o.rtol = 1e-10;
  o.atol = 1e-14;
  o.max_steps = 100000; /* the fast (k2) transient at rtol 1e-10 needs more than CVODE's 500 */
  fb_ode ode;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_ode_init(&ode, 2, chain_rhs, chain_jac, &c, &o, &err), FB_OK);
  ck_assert_int_eq(fb_ode_set_events(&ode, 2, chain_event, &err), FB_OK);
  const double y0[2] = {1.7, 0.0};
  double y[2], tr = 0.0;
  int ev = 0, roots[2] = {9, 9};
  const double t_ev = log(1.7 / 0.123) / 2.385;
  ck_assert_int_eq(fb_ode_reset(&ode, 0.0, y0, &err), FB_OK);
  ck_assert_msg(fb_ode_solve_event(&ode, 5.0, y, &tr, &ev, roots, &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(ev, 1);
  ck_assert_int_eq(roots[0], -1);
  ck_assert_int_eq(roots[1], 0);
  printf("event time %.15g vs exact %.15g (rel. %.2e)\n", tr, t_ev, fabs(tr - t_ev) / t_ev);
  ck_assert_msg(fabs(tr - t_ev) < CHAIN_TOL * t_ev, "event at %.15g, exact %.15g", tr, t_ev);
  ck_assert_msg(fabs(y[0] - 0.123) < 1e-9, "y at event %.15g", y[0]);
  /* continue after the event to t_out */
  ck_assert_int_eq(fb_ode_solve_event(&ode, 5.0, y, &tr, &ev, NULL, &err), FB_OK);
  ck_assert_int_eq(ev, 0);
  ck_assert_double_eq(tr, 5.0);
  /* fb_ode_solve runs through events */
  ck_assert_int_eq(fb_ode_reset(&ode, 0.0, y0, &err), FB_OK);
  ck_assert_int_eq(fb_ode_solve(&ode, 2.0, y, &err), FB_OK);
  ck_assert_msg(fabs(y[0] - 1.7 * exp(-2.385 * 2.0)) < CHAIN_TOL * 1.7 * exp(-2.385 * 2.0),
                "y0 = %.15g (rel. dev. %.2e)", y[0], y[0] / (1.7 * exp(-2.385 * 2.0)) - 1.0);

  /* reset with a new initial condition reuses the workspace; grid output; statistics restart */
  fb_ode_stats s1, s2;
  ck_assert_int_eq(fb_ode_get_stats(&ode, &s1, &err), FB_OK);
  const double y0b[2] = {0.377, 2.91};
  ck_assert_int_eq(fb_ode_reset(&ode, 0.25, y0b, &err), FB_OK);
  ck_assert_int_eq(fb_ode_get_stats(&ode, &s2, &err), FB_OK);
  ck_assert_int_eq(s2.steps, 0);
  ck_assert_int_gt(s1.steps, 0);
  const double tg[4] = {0.25, 0.31, 0.77, 1.93};
  double yg[8];
  ck_assert_msg(fb_ode_solve_grid(&ode, 4, tg, yg, &err) == FB_OK, "%s", err.msg);
  for (int k = 0; k < 4; ++k) {
    double ye[2];
    chain_exact(&c, tg[k] - 0.25, y0b, ye);
    for (int i = 0; i < 2; ++i)
      ck_assert_msg(fabs(yg[2 * k + i] - ye[i]) <= CHAIN_TOL * fabs(ye[i]) + 1e-13,
                    "grid %d comp %d: %.15g vs %.15g", k, i, yg[2 * k + i], ye[i]);
  }
  /* backward integration (non-stiff rates: backwards, decay modes grow) */
  c.k2_per_s = 0.77;
  double yb0[2], yb_exact[2];
  chain_exact(&c, 1.93 - 0.25, y0b, yb0);
  chain_exact(&c, 0.77 - 0.25, y0b, yb_exact);
  ck_assert_int_eq(fb_ode_set_events(&ode, 0, NULL, &err), FB_OK);
  ck_assert_int_eq(fb_ode_reset(&ode, 1.93, yb0, &err), FB_OK);
  ck_assert_msg(fb_ode_solve(&ode, 0.77, y, &err) == FB_OK, "%s", err.msg);
  for (int i = 0; i < 2; ++i)
    ck_assert_msg(fabs(y[i] - yb_exact[i]) < CHAIN_TOL * fabs(yb_exact[i]), "backward comp %d: %.15g vs %.15g",
                  i, y[i], yb_exact[i]);
  fb_ode_free(&ode);
  fb_ode_free(&ode); /* double free is safe */
}
END_TEST

START_TEST(test_t_stop) {
  chain c = {2.385, 1234.5, NULL, 0.0, 0};
  fb_ode_options o;
  fb_ode_options_default(&o);
  o.t_stop = 1.5;
  o.have_t_stop = 1;
  fb_ode ode;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_ode_init(&ode, 2, chain_rhs, NULL, &c, &o, &err), FB_OK);
  const double y0[2] = {1.7, 0.0};
  double y[2];
  ck_assert_int_eq(fb_ode_reset(&ode, 0.0, y0, &err), FB_OK);
  ck_assert_int_eq(fb_ode_solve(&ode, 1.5, y, &err), FB_OK);
  ck_assert_msg(fabs(y[0] - 1.7 * exp(-2.385 * 1.5)) < 1e-6 * y[0], "%.15g", y[0]);
  ck_assert_int_eq(fb_ode_solve(&ode, 1.6, y, &err), FB_ERR_RANGE);
  ck_assert_ptr_nonnull(strstr(err.msg, "t_stop"));
  fb_ode_free(&ode);
}
END_TEST

START_TEST(test_rhs_failure_paths) {
  fb_ode_options o;
  fb_ode_options_default(&o);
  fb_ode ode;
  fb_err err;
  const double y0[2] = {1.7, 0.0};
  double y[2];
  /* unrecoverable: rhs returns -1 */
  chain c = {2.385, 1234.5, &ode, 0.5, -1};
  fb_err_clear(&err);
  ck_assert_int_eq(fb_ode_init(&ode, 2, chain_rhs, NULL, &c, &o, &err), FB_OK);
  c.ode = &ode;
  ck_assert_int_eq(fb_ode_reset(&ode, 0.0, y0, &err), FB_OK);
  ck_assert_int_eq(fb_ode_solve(&ode, 2.0, y, &err), FB_ERR_CVODE);
  printf("rhs -1 -> %s\n", err.msg);
  ck_assert_ptr_nonnull(strstr(err.msg, "CV_RHSFUNC_FAIL"));
  ck_assert_ptr_nonnull(strstr(err.msg, "chain test failure requested"));
  ck_assert_ptr_nonnull(strstr(err.msg, "at t = "));
  /* recoverable forever: rhs returns +1 -> repeated recoverable failures */
  c.fail_rc = 1;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_ode_reset(&ode, 0.0, y0, &err), FB_OK);
  ck_assert_int_eq(fb_ode_solve(&ode, 2.0, y, &err), FB_ERR_CVODE);
  printf("rhs +1 -> %s\n", err.msg);
  ck_assert_ptr_nonnull(strstr(err.msg, "last callback return 1"));
  /* the workspace is usable again after a failure */
  c.fail_rc = 0;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_ode_reset(&ode, 0.0, y0, &err), FB_OK);
  ck_assert_int_eq(fb_ode_solve(&ode, 2.0, y, &err), FB_OK);
  fb_ode_free(&ode);
}
END_TEST

static int nan_rhs(double t, const double *y, double *f, void *user) {
  (void)user;
  f[0] = t > 0.3 ? NAN : -y[0];
  return 0;
}

START_TEST(test_nan_rhs) {
  fb_ode_options o;
  fb_ode_options_default(&o);
  fb_ode ode;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_ode_init(&ode, 1, nan_rhs, NULL, NULL, &o, &err), FB_OK);
  const double y0 = 2.2;
  double y;
  ck_assert_int_eq(fb_ode_reset(&ode, 0.0, &y0, &err), FB_OK);
  ck_assert_int_eq(fb_ode_solve(&ode, 1.0, &y, &err), FB_ERR_CVODE);
  printf("NaN rhs -> %s\n", err.msg);
  ck_assert_ptr_nonnull(strstr(err.msg, "dydt[0] = nan"));
  fb_ode_free(&ode);
}
END_TEST

START_TEST(test_max_steps) {
  fb_ode_options o;
  fb_ode_options_default(&o);
  o.rtol = 1e-8;
  o.atol = 1e-20;
  o.max_steps = 17;
  fb_ode ode;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_ode_init(&ode, 3, rober_rhs, rober_jac, NULL, &o, &err), FB_OK);
  const double y0[3] = {1.0, 0.0, 0.0};
  double y[3];
  ck_assert_int_eq(fb_ode_reset(&ode, 0.0, y0, &err), FB_OK);
  ck_assert_int_eq(fb_ode_solve(&ode, 4.0e10, y, &err), FB_ERR_CVODE);
  printf("max_steps -> %s\n", err.msg);
  ck_assert_ptr_nonnull(strstr(err.msg, "CV_TOO_MUCH_WORK"));
  fb_ode_stats st;
  ck_assert_int_eq(fb_ode_get_stats(&ode, &st, &err), FB_OK);
  ck_assert_int_eq(st.steps, 17);
  fb_ode_free(&ode);
}
END_TEST

START_TEST(test_invalid_input) {
  chain c = {2.385, 1234.5, NULL, 0.0, 0};
  fb_ode ode;
  fb_err err;
  fb_ode_options o;
  struct {
    double rtol, atol;
    int code;
  } bad[] = {{0.0, 1e-10, FB_ERR_RANGE},  {-1e-6, 1e-10, FB_ERR_RANGE}, {1.0, 1e-10, FB_ERR_RANGE},
             {1e-17, 1e-10, FB_ERR_RANGE}, {NAN, 1e-10, FB_ERR_INPUT},  {1e-6, -1e-10, FB_ERR_RANGE},
             {1e-6, NAN, FB_ERR_INPUT},    {1e-6, INFINITY, FB_ERR_RANGE}};
  for (size_t k = 0; k < sizeof bad / sizeof bad[0]; ++k) {
    fb_ode_options_default(&o);
    o.rtol = bad[k].rtol;
    o.atol = bad[k].atol;
    fb_err_clear(&err);
    ck_assert_int_eq(fb_ode_init(&ode, 2, chain_rhs, NULL, &c, &o, &err), bad[k].code);
    ck_assert_msg(strlen(err.msg) > 0, "case %zu: empty message", k);
    fb_ode_free(&ode);
  }
  fb_ode_options_default(&o);
  const double av[2] = {1e-12, -3e-12};
  o.atol_vec = av;
  ck_assert_int_eq(fb_ode_init(&ode, 2, chain_rhs, NULL, &c, &o, &err), FB_ERR_RANGE);
  ck_assert_ptr_nonnull(strstr(err.msg, "atol_vec[1]"));
  fb_ode_options_default(&o);
  ck_assert_int_eq(fb_ode_init(&ode, 0, chain_rhs, NULL, &c, &o, &err), FB_ERR_RANGE);
  ck_assert_int_eq(fb_ode_init(&ode, 2, NULL, NULL, &c, &o, &err), FB_ERR_INPUT);
  o.max_steps = -3;
  ck_assert_int_eq(fb_ode_init(&ode, 2, chain_rhs, NULL, &c, &o, &err), FB_ERR_RANGE);
  o.max_steps = 0;
  o.max_order = 6;
  ck_assert_int_eq(fb_ode_init(&ode, 2, chain_rhs, NULL, &c, &o, &err), FB_ERR_RANGE);
  o.max_order = 0;
  /* solve before reset, NaN initial condition, NaN output time */
  ck_assert_int_eq(fb_ode_init(&ode, 2, chain_rhs, NULL, &c, &o, &err), FB_OK);
  double y[2];
  ck_assert_int_eq(fb_ode_solve(&ode, 1.0, y, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "fb_ode_reset"));
  const double ynan[2] = {1.0, NAN};
  ck_assert_int_eq(fb_ode_reset(&ode, 0.0, ynan, &err), FB_ERR_INPUT);
  const double yok[2] = {1.0, 0.5};
  ck_assert_int_eq(fb_ode_reset(&ode, 0.0, yok, &err), FB_OK);
  ck_assert_int_eq(fb_ode_solve(&ode, NAN, y, &err), FB_ERR_INPUT);
  ck_assert_int_eq(fb_ode_set_events(&ode, 1, NULL, &err), FB_ERR_INPUT);
  fb_ode_free(&ode);
}
END_TEST

/* Timing of the per-scan-point pattern: reset + solve of Robertson to 4e10 (informational). */
START_TEST(test_reset_timing) {
  fb_ode_options o;
  fb_ode_options_default(&o);
  o.rtol = 1e-6;
  o.atol = 1e-14;
  o.max_steps = 100000;
  fb_ode ode;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_ode_init(&ode, 3, rober_rhs, rober_jac, NULL, &o, &err), FB_OK);
  const double y0[3] = {1.0, 0.0, 0.0};
  double y[3];
  struct timespec t0, t1;
  const int reps = 200;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (int k = 0; k < reps; ++k) {
    ck_assert_int_eq(fb_ode_reset(&ode, 0.0, y0, &err), FB_OK);
    ck_assert_int_eq(fb_ode_solve(&ode, 4.0e10, y, &err), FB_OK);
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double us = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / 1e3 / reps;
  fb_ode_stats st;
  ck_assert_int_eq(fb_ode_get_stats(&ode, &st, &err), FB_OK);
  printf("TIMING Robertson 0->4e10 rtol 1e-6 reset+solve: %.1f us/run (%ld steps)\n", us, st.steps);
  ck_assert(y[2] > 0.9999);
  fb_ode_free(&ode);
}
END_TEST

/* Forward sensitivities (fb_ode_sens_*) of the stiff decay chain to p = (ln k1, ln k2), against the derivative
 * of the Bateman solution (central differences of the closed form, step 1e-6: exact to ~1e-10); tolerance 1e-4
 * relative + 1e-9 absolute (units of y0; the sensitivities are not in the error test; d y1 / d ln k1 = 3.7e-7 is a
 * near-cancellation, measured 7e-11 off), and a second problem after fb_ode_reset +
 * fb_ode_sens_reset reproduces the first bit for bit. */
static int chain_sens(double t, const double *y, const double *dydt, int ns, const double *const *sv, double *const *ds,
                      void *user) {
  (void)dydt;
  (void)ns;
  double J[4];
  chain_jac(t, y, NULL, J, user);
  const chain *c = (const chain *)user;
  for (int j = 0; j < 2; ++j) {
    ds[j][0] = J[0] * sv[j][0] + J[1] * sv[j][1];
    ds[j][1] = J[2] * sv[j][0] + J[3] * sv[j][1];
  }
  ds[0][0] -= c->k1_per_s * y[0];
  ds[0][1] += c->k1_per_s * y[0];
  ds[1][1] -= c->k2_per_s * y[1];
  return 0;
}

START_TEST(test_forward_sensitivities) {
  chain c = {1.0, 1000.0, NULL, 0.0, 0};
  fb_ode_options opt;
  fb_ode_options_default(&opt);
  opt.rtol = 1e-8;
  opt.atol = 1e-14;
  fb_ode ode;
  fb_err err;
  fb_err_clear(&err);
  const double y0[2] = {1.0, 0.0}, s0[4] = {0, 0, 0, 0}, tout[2] = {1.0, 5.0};
  ck_assert_int_eq(fb_ode_init(&ode, 2, chain_rhs, chain_jac, &c, &opt, &err), FB_OK);
  ck_assert_int_eq(fb_ode_reset(&ode, 0.0, y0, &err), FB_OK);
  ck_assert_int_eq(fb_ode_sens_init(&ode, 2, chain_sens, s0, &err), FB_OK);
  ck_assert_int_eq(fb_ode_sens_init(&ode, 2, chain_sens, s0, &err), FB_ERR_INPUT); /* once */
  double first[2][4];
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) {
      ck_assert_int_eq(fb_ode_reset(&ode, 0.0, y0, &err), FB_OK);
      ck_assert_int_eq(fb_ode_sens_reset(&ode, s0, &err), FB_OK);
    }
    for (int i = 0; i < 2; ++i) {
      double y[2], sv[4];
      ck_assert_int_eq(fb_ode_solve(&ode, tout[i], y, &err), FB_OK);
      ck_assert_int_eq(fb_ode_sens_get(&ode, sv, &err), FB_OK);
      if (pass == 1) {
        for (int k = 0; k < 4; ++k) ck_assert(sv[k] == first[i][k]);
        continue;
      }
      memcpy(first[i], sv, sizeof sv);
      for (int j = 0; j < 2; ++j) {
        const double h = 1e-6;
        chain a = c, b = c;
        if (j == 0) a.k1_per_s *= exp(h), b.k1_per_s *= exp(-h);
        else a.k2_per_s *= exp(h), b.k2_per_s *= exp(-h);
        double ya[2], yb[2];
        chain_exact(&a, tout[i], y0, ya);
        chain_exact(&b, tout[i], y0, yb);
        for (int m = 0; m < 2; ++m) {
          const double ref = (ya[m] - yb[m]) / (2.0 * h);
          printf("t = %g d y%d / d ln k%d: forward %.10g closed form %.10g\n", tout[i], m, j + 1, sv[j * 2 + m], ref);
          ck_assert_msg(fabs(sv[j * 2 + m] - ref) < 1e-4 * fabs(ref) + 1e-9, "t %g y%d k%d: %.10g vs %.10g", tout[i], m,
                        j + 1, sv[j * 2 + m], ref);
        }
      }
    }
  }
  fb_ode_free(&ode);
}
END_TEST

static Suite *ode_suite(void) {
  Suite *s = suite_create("fb_ode");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_decay_chain_with_and_without_jacobian);
  tcase_add_test(tc, test_robertson_reference);
  tcase_add_test(tc, test_event_and_reset);
  tcase_add_test(tc, test_t_stop);
  tcase_add_test(tc, test_rhs_failure_paths);
  tcase_add_test(tc, test_nan_rhs);
  tcase_add_test(tc, test_max_steps);
  tcase_add_test(tc, test_invalid_input);
  tcase_add_test(tc, test_reset_timing);
  tcase_add_test(tc, test_forward_sensitivities);
  tcase_set_timeout(tc, 60);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  gsl_set_error_handler_off();
  SRunner *sr = srunner_create(ode_suite());
  srunner_run_all(sr, CK_NORMAL);
  int nfail = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nfail == 0 ? 0 : 1;
}
