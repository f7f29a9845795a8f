/**
 * @file fb_ode.c
 * @brief CVODE (SUNDIALS 6.x) wrapper: BDF + dense Newton; see fb_ode.h.
 *
 * Setup order follows the CVODE examples (cvRoberts_dns): SUNContext_Create, N_VNew_Serial,
 * CVodeCreate(CV_BDF), CVodeInit, tolerances, SUNDenseMatrix, SUNLinSol_Dense,
 * CVodeSetLinearSolver, optional CVodeSetJacFn; freed in reverse order. Linked against CVODES (the
 * same BDF integrator as CVODE, plus forward sensitivities: CVodeSensInit, cvsRoberts_FSA_dns example).
 */
#include "fb_ode.h"

#include <cvodes/cvodes.h> /* CVODES: CVODE's integrator plus forward sensitivities (fb_ode_sens_init) */
#include <math.h>
#include <nvector/nvector_serial.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sundials/sundials_context.h>
#include <sundials/sundials_types.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>

/* Smallest relative tolerance accepted: CVODE's unit roundoff is 2.2e-16 and it raises
 * tolerances below ~100 ulp itself with a warning; we reject them instead. */
#define FB_ODE_RTOL_MIN 1e-15

#define CTX(o) ((SUNContext)(o)->sunctx)
#define YV(o) ((N_Vector)(o)->y)

void fb_ode_options_default(fb_ode_options *opt) {
  if (!opt) return;
  memset(opt, 0, sizeof *opt);
  opt->rtol = 1e-8;
  opt->atol = 1e-12;
}

void fb_ode_set_reason(fb_ode *ode, const char *fmt, ...) {
  if (!ode || !fmt) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(ode->cb_reason, sizeof ode->cb_reason, fmt, ap);
  va_end(ap);
}

/* ---------------------------------------------------------------- CVODE callbacks */

static int fb_ode_cv_rhs(sunrealtype t, N_Vector y, N_Vector ydot, void *data) {
  fb_ode *ode = (fb_ode *)data;
  double *dy = N_VGetArrayPointer(ydot);
  int rc = ode->rhs(t, N_VGetArrayPointer(y), dy, ode->user);
  if (rc == 0) {
    for (int i = 0; i < ode->n; ++i) {
      if (!isfinite(dy[i])) {
        snprintf(ode->cb_reason, sizeof ode->cb_reason, "right-hand side returned dydt[%d] = %g", i,
                 dy[i]);
        rc = 1; /* recoverable: CVODE retries with a smaller step */
        break;
      }
    }
  }
  if (rc != 0) {
    ode->cb_rc = rc;
    ode->cb_t = t;
  }
  return rc;
}

static int fb_ode_cv_jac(sunrealtype t, N_Vector y, N_Vector fy, SUNMatrix J, void *data,
                         N_Vector tmp1, N_Vector tmp2, N_Vector tmp3) {
  (void)tmp1;
  (void)tmp2;
  (void)tmp3;
  fb_ode *ode = (fb_ode *)data;
  const int n = ode->n;
  memset(ode->jac_rowmajor, 0, (size_t)n * (size_t)n * sizeof(double));
  int rc = ode->jac(t, N_VGetArrayPointer(y), N_VGetArrayPointer(fy), ode->jac_rowmajor, ode->user);
  if (rc != 0) {
    ode->cb_rc = rc;
    ode->cb_t = t;
    return rc;
  }
  /* SUNDenseMatrix is column-major: SM_ELEMENT_D(J, i, j) = cols[j][i] */
  for (int j = 0; j < n; ++j) {
    double *col = SM_COLUMN_D(J, j);
    for (int i = 0; i < n; ++i) {
      double v = ode->jac_rowmajor[(size_t)i * (size_t)n + (size_t)j];
      if (!isfinite(v)) {
        snprintf(ode->cb_reason, sizeof ode->cb_reason, "Jacobian entry [%d][%d] = %g", i, j, v);
        ode->cb_rc = 1;
        ode->cb_t = t;
        return 1;
      }
      col[i] = v;
    }
  }
  return 0;
}

static int fb_ode_cv_sens(int ns, sunrealtype t, N_Vector y, N_Vector ydot, N_Vector *yS, N_Vector *ySdot,
                          void *data, N_Vector tmp1, N_Vector tmp2) {
  (void)tmp1;
  (void)tmp2;
  fb_ode *ode = (fb_ode *)data;
  for (int j = 0; j < ns; ++j) {
    ode->s_in[j] = N_VGetArrayPointer(yS[j]);
    ode->s_out[j] = N_VGetArrayPointer(ySdot[j]);
  }
  int rc = ode->sens(t, N_VGetArrayPointer(y), N_VGetArrayPointer(ydot), ns, ode->s_in, ode->s_out, ode->user);
  for (int j = 0; rc == 0 && j < ns; ++j)
    for (int i = 0; i < ode->n; ++i)
      if (!isfinite(ode->s_out[j][i])) {
        snprintf(ode->cb_reason, sizeof ode->cb_reason, "sensitivity %d: ds[%d] = %g", j, i, ode->s_out[j][i]);
        rc = 1;
        break;
      }
  if (rc != 0) {
    ode->cb_rc = rc;
    ode->cb_t = t;
  }
  return rc;
}

static int fb_ode_cv_root(sunrealtype t, N_Vector y, sunrealtype *gout, void *data) {
  fb_ode *ode = (fb_ode *)data;
  int rc = ode->event(t, N_VGetArrayPointer(y), gout, ode->user);
  if (rc != 0) {
    ode->cb_rc = rc;
    ode->cb_t = t;
    return -1; /* CVODE: any non-zero root-function return is fatal (CV_RTFUNC_FAIL) */
  }
  return 0;
}

/* CVODE's messages go into the struct instead of stderr; they are appended to our errors. */
static void fb_ode_cv_errhandler(int error_code, const char *module, const char *function, char *msg,
                                 void *data) {
  fb_ode *ode = (fb_ode *)data;
  if (error_code == CV_WARNING) return;
  snprintf(ode->cv_msg, sizeof ode->cv_msg, "[%s %s] %s", module ? module : "",
           function ? function : "", msg ? msg : "");
}

/* ---------------------------------------------------------------- error translation */

/* Translate a CVODE flag into FB_ERR_CVODE with name, CVODE message, callback info and time. */
static int fb_ode_flag_error(fb_ode *ode, int flag, const char *what, const char *func, int line,
                             fb_err *err) {
  char *name = CVodeGetReturnFlagName((long)flag); /* malloc'd in SUNDIALS 6.x */
  double t_cur = ode->t;
  if (ode->cvode_mem) CVodeGetCurrentTime(ode->cvode_mem, &t_cur);
  char cb[400] = "";
  if (ode->cb_rc != 0)
    snprintf(cb, sizeof cb, "; last callback return %d at t = %.10g%s%s", ode->cb_rc, ode->cb_t,
             ode->cb_reason[0] ? ": " : "", ode->cb_reason);
  int rc = fb_err_set(err, FB_ERR_CVODE, func, line, "%s failed with %s (%d) at t = %.10g%s%s%s",
                      what, name ? name : "?", flag, t_cur, ode->cv_msg[0] ? ": " : "", ode->cv_msg,
                      cb);
  free(name);
  return rc;
}

#define FB_ODE_CHECK(ode, flag, what, err)                                            \
  do {                                                                                \
    int fl_ = (flag);                                                                 \
    if (fl_ < 0) return fb_ode_flag_error((ode), fl_, (what), __func__, __LINE__, (err)); \
  } while (0)

#define FB_ODE_CHECK_GOTO(ode, flag, what, err, rc, label)                            \
  do {                                                                                \
    int fl_ = (flag);                                                                 \
    if (fl_ < 0) {                                                                    \
      (rc) = fb_ode_flag_error((ode), fl_, (what), __func__, __LINE__, (err));        \
      goto label;                                                                     \
    }                                                                                 \
  } while (0)

/* ---------------------------------------------------------------- option validation */

static int fb_ode_check_options(int n, const fb_ode_options *opt, fb_err *err) {
  FB_TEST(err, !opt, FB_ERR_INPUT, "options pointer is NULL");
  FB_TEST(err, isnan(opt->rtol) || isnan(opt->atol) || isnan(opt->h_init) || isnan(opt->h_max) ||
                   isnan(opt->h_min) || (opt->have_t_stop && isnan(opt->t_stop)),
          FB_ERR_INPUT, "NaN in ODE options (rtol = %g, atol = %g, h_init = %g, t_stop = %g)",
          opt->rtol, opt->atol, opt->h_init, opt->t_stop);
  FB_TEST(err, !(opt->rtol >= FB_ODE_RTOL_MIN && opt->rtol < 1.0), FB_ERR_RANGE,
          "rtol = %g outside [%g, 1)", opt->rtol, FB_ODE_RTOL_MIN);
  if (opt->atol_vec) {
    for (int i = 0; i < n; ++i)
      FB_TEST(err, !(opt->atol_vec[i] >= 0.0) || !isfinite(opt->atol_vec[i]), FB_ERR_RANGE,
              "atol_vec[%d] = %g must be finite and >= 0", i, opt->atol_vec[i]);
  } else {
    FB_TEST(err, !(opt->atol >= 0.0) || !isfinite(opt->atol), FB_ERR_RANGE,
            "atol = %g must be finite and >= 0", opt->atol);
  }
  FB_TEST(err, opt->max_steps < 0, FB_ERR_RANGE, "max_steps = %ld must be >= 0 (0 = default)",
          opt->max_steps);
  FB_TEST(err, !isfinite(opt->h_init) || !isfinite(opt->h_max) || !isfinite(opt->h_min) ||
                   opt->h_max < 0.0 || opt->h_min < 0.0 || (opt->h_max > 0.0 && opt->h_min > opt->h_max),
          FB_ERR_RANGE, "step options h_init = %g, h_min = %g, h_max = %g invalid", opt->h_init,
          opt->h_min, opt->h_max);
  FB_TEST(err, opt->have_t_stop && !isfinite(opt->t_stop), FB_ERR_RANGE, "t_stop = %g not finite",
          opt->t_stop);
  FB_TEST(err, opt->max_order < 0 || opt->max_order > 5, FB_ERR_RANGE,
          "max_order = %d outside 0..5 (0 = 5)", opt->max_order);
  return FB_OK;
}

/* ---------------------------------------------------------------- init / free */

void fb_ode_free(fb_ode *ode) {
  if (!ode) return;
  if (ode->cvode_mem) CVodeFree(&ode->cvode_mem);
  if (ode->yS) N_VDestroyVectorArray((N_Vector *)ode->yS, ode->n_s);
  free(ode->s_in);
  free(ode->s_out);
  if (ode->LS) SUNLinSolFree((SUNLinearSolver)ode->LS);
  if (ode->A) SUNMatDestroy((SUNMatrix)ode->A);
  if (ode->abstol) N_VDestroy((N_Vector)ode->abstol);
  if (ode->y) N_VDestroy((N_Vector)ode->y);
  if (ode->sunctx) {
    SUNContext ctx = CTX(ode);
    SUNContext_Free(&ctx);
  }
  free(ode->jac_rowmajor);
  free(ode->roots_found);
  memset(ode, 0, sizeof *ode);
}

int fb_ode_init(fb_ode *ode, int n, fb_ode_rhs_fn rhs, fb_ode_jac_fn jac, void *user,
                const fb_ode_options *opt, fb_err *err) {
  FB_TEST(err, !ode, FB_ERR_INPUT, "ode pointer is NULL");
  memset(ode, 0, sizeof *ode);
  FB_TEST(err, n < 1, FB_ERR_RANGE, "number of equations n = %d must be >= 1", n);
  FB_TEST(err, !rhs, FB_ERR_INPUT, "right-hand side callback is NULL");
  FB_CALL(err, fb_ode_check_options(n, opt, err));

  int rc = FB_OK;
  ode->n = n;
  ode->rhs = rhs;
  ode->jac = jac;
  ode->user = user;
  ode->opt = *opt;
  ode->opt.atol_vec = NULL; /* the copy lives in ode->abstol */

  SUNContext ctx = NULL;
  FB_TEST_GOTO(err, rc, SUNContext_Create(NULL, &ctx) != 0 || !ctx, FB_ERR_CVODE, fail,
               "SUNContext_Create failed");
  ode->sunctx = ctx;

  N_Vector y = N_VNew_Serial((sunindextype)n, ctx);
  FB_TEST_GOTO(err, rc, !y, FB_ERR_MEMORY, fail, "N_VNew_Serial(%d) failed", n);
  ode->y = y;
  N_VConst(0.0, y);

  ode->cvode_mem = CVodeCreate(CV_BDF, ctx);
  FB_TEST_GOTO(err, rc, !ode->cvode_mem, FB_ERR_MEMORY, fail, "CVodeCreate(CV_BDF) failed");
  FB_ODE_CHECK_GOTO(ode, CVodeSetErrHandlerFn(ode->cvode_mem, fb_ode_cv_errhandler, ode),
                    "CVodeSetErrHandlerFn", err, rc, fail);
  FB_ODE_CHECK_GOTO(ode, CVodeInit(ode->cvode_mem, fb_ode_cv_rhs, 0.0, y), "CVodeInit", err, rc,
                    fail);
  FB_ODE_CHECK_GOTO(ode, CVodeSetUserData(ode->cvode_mem, ode), "CVodeSetUserData", err, rc, fail);

  if (opt->atol_vec) {
    N_Vector at = N_VNew_Serial((sunindextype)n, ctx);
    FB_TEST_GOTO(err, rc, !at, FB_ERR_MEMORY, fail, "N_VNew_Serial(%d) failed", n);
    ode->abstol = at;
    memcpy(N_VGetArrayPointer(at), opt->atol_vec, (size_t)n * sizeof(double));
    FB_ODE_CHECK_GOTO(ode, CVodeSVtolerances(ode->cvode_mem, opt->rtol, at), "CVodeSVtolerances",
                      err, rc, fail);
  } else {
    FB_ODE_CHECK_GOTO(ode, CVodeSStolerances(ode->cvode_mem, opt->rtol, opt->atol),
                      "CVodeSStolerances", err, rc, fail);
  }

  ode->A = SUNDenseMatrix((sunindextype)n, (sunindextype)n, ctx);
  FB_TEST_GOTO(err, rc, !ode->A, FB_ERR_MEMORY, fail, "SUNDenseMatrix(%d) failed", n);
  ode->LS = SUNLinSol_Dense(y, (SUNMatrix)ode->A, ctx);
  FB_TEST_GOTO(err, rc, !ode->LS, FB_ERR_MEMORY, fail, "SUNLinSol_Dense failed");
  FB_ODE_CHECK_GOTO(ode,
                    CVodeSetLinearSolver(ode->cvode_mem, (SUNLinearSolver)ode->LS, (SUNMatrix)ode->A),
                    "CVodeSetLinearSolver", err, rc, fail);
  if (jac) {
    ode->jac_rowmajor = malloc((size_t)n * (size_t)n * sizeof(double));
    FB_TEST_GOTO(err, rc, !ode->jac_rowmajor, FB_ERR_MEMORY, fail, "Jacobian scratch (%d^2) failed",
                 n);
    FB_ODE_CHECK_GOTO(ode, CVodeSetJacFn(ode->cvode_mem, fb_ode_cv_jac), "CVodeSetJacFn", err, rc,
                      fail);
  }

  if (opt->max_steps > 0)
    FB_ODE_CHECK_GOTO(ode, CVodeSetMaxNumSteps(ode->cvode_mem, opt->max_steps),
                      "CVodeSetMaxNumSteps", err, rc, fail);
  if (opt->max_order > 0)
    FB_ODE_CHECK_GOTO(ode, CVodeSetMaxOrd(ode->cvode_mem, opt->max_order), "CVodeSetMaxOrd", err, rc,
                      fail);
  if (opt->jac_every_step) {
    FB_ODE_CHECK_GOTO(ode, CVodeSetLSetupFrequency(ode->cvode_mem, 1), "CVodeSetLSetupFrequency", err,
                      rc, fail);
    FB_ODE_CHECK_GOTO(ode, CVodeSetJacEvalFrequency(ode->cvode_mem, 1), "CVodeSetJacEvalFrequency", err,
                      rc, fail);
  }
  if (opt->h_max > 0.0)
    FB_ODE_CHECK_GOTO(ode, CVodeSetMaxStep(ode->cvode_mem, opt->h_max), "CVodeSetMaxStep", err, rc,
                      fail);
  if (opt->h_min > 0.0)
    FB_ODE_CHECK_GOTO(ode, CVodeSetMinStep(ode->cvode_mem, opt->h_min), "CVodeSetMinStep", err, rc,
                      fail);
  return FB_OK;

fail:
  fb_ode_free(ode);
  return rc;
}

int fb_ode_set_events(fb_ode *ode, int n_events, fb_ode_event_fn g, fb_err *err) {
  FB_TEST(err, !ode || !ode->cvode_mem, FB_ERR_INPUT, "ode not initialised");
  FB_TEST(err, n_events < 0, FB_ERR_RANGE, "n_events = %d must be >= 0", n_events);
  FB_TEST(err, n_events > 0 && !g, FB_ERR_INPUT, "event callback is NULL with n_events = %d",
          n_events);
  free(ode->roots_found);
  ode->roots_found = NULL;
  ode->n_events = 0;
  ode->event = NULL;
  if (n_events > 0) {
    ode->roots_found = calloc((size_t)n_events, sizeof(int));
    FB_TEST(err, !ode->roots_found, FB_ERR_MEMORY, "roots_found[%d] allocation failed", n_events);
  }
  FB_ODE_CHECK(ode, CVodeRootInit(ode->cvode_mem, n_events, n_events > 0 ? fb_ode_cv_root : NULL),
               "CVodeRootInit", err);
  ode->n_events = n_events;
  ode->event = g;
  return FB_OK;
}

int fb_ode_reset(fb_ode *ode, double t0, const double *y0, fb_err *err) {
  FB_TEST(err, !ode || !ode->cvode_mem, FB_ERR_INPUT, "ode not initialised");
  FB_TEST(err, !y0, FB_ERR_INPUT, "y0 is NULL");
  FB_TEST(err, !isfinite(t0), FB_ERR_INPUT, "t0 = %g not finite", t0);
  for (int i = 0; i < ode->n; ++i)
    FB_TEST(err, !isfinite(y0[i]), FB_ERR_INPUT, "y0[%d] = %g not finite", i, y0[i]);
  ode->ready = 0;
  ode->cb_rc = 0;
  ode->cb_t = 0.0;
  ode->cb_reason[0] = '\0';
  ode->cv_msg[0] = '\0';
  memcpy(N_VGetArrayPointer(YV(ode)), y0, (size_t)ode->n * sizeof(double));
  ode->t = t0;
  FB_ODE_CHECK(ode, CVodeReInit(ode->cvode_mem, t0, YV(ode)), "CVodeReInit", err);
  /* CVodeReInit keeps optional inputs, but set the per-problem ones explicitly */
  FB_ODE_CHECK(ode, CVodeSetInitStep(ode->cvode_mem, ode->opt.h_init), "CVodeSetInitStep", err);
  if (ode->opt.have_t_stop)
    FB_ODE_CHECK(ode, CVodeSetStopTime(ode->cvode_mem, ode->opt.t_stop), "CVodeSetStopTime", err);
  ode->ready = 1;
  return FB_OK;
}

int fb_ode_sens_init(fb_ode *ode, int n_s, fb_ode_sens_fn sens, const double *s0, fb_err *err) {
  FB_TEST(err, !ode || !ode->cvode_mem, FB_ERR_INPUT, "ode not initialised");
  FB_TEST(err, ode->n_s > 0, FB_ERR_INPUT, "sensitivities already enabled");
  FB_TEST(err, n_s < 1 || !sens || !s0, FB_ERR_INPUT, "sensitivities: n_s = %d >= 1, callback and s0 needed", n_s);
  ode->s_in = malloc((size_t)n_s * sizeof(double *));
  ode->s_out = malloc((size_t)n_s * sizeof(double *));
  N_VEnableFusedOps_Serial(YV(ode), SUNTRUE); /* fused vector-array operations for the n_s sensitivities (-5%) */
  N_Vector *yS = N_VCloneVectorArray(n_s, YV(ode));
  ode->yS = yS; /* freed by fb_ode_free with n_s */
  ode->n_s = yS ? n_s : 0;
  FB_TEST(err, !ode->s_in || !ode->s_out || !yS, FB_ERR_MEMORY, "sensitivities: allocation failed");
  ode->sens = sens;
  for (int j = 0; j < n_s; ++j) memcpy(N_VGetArrayPointer(yS[j]), s0 + (size_t)j * ode->n, (size_t)ode->n * sizeof(double));
  FB_ODE_CHECK(ode, CVodeSensInit(ode->cvode_mem, n_s, CV_SIMULTANEOUS, fb_ode_cv_sens, yS), "CVodeSensInit", err);
  FB_ODE_CHECK(ode, CVodeSensEEtolerances(ode->cvode_mem), "CVodeSensEEtolerances", err);
  FB_ODE_CHECK(ode, CVodeSetSensErrCon(ode->cvode_mem, SUNFALSE), "CVodeSetSensErrCon", err);
  return FB_OK;
}

int fb_ode_sens_reset(fb_ode *ode, const double *s0, fb_err *err) {
  FB_TEST(err, !ode || !ode->cvode_mem || ode->n_s < 1, FB_ERR_INPUT, "sensitivities not initialised");
  N_Vector *yS = (N_Vector *)ode->yS;
  for (int j = 0; j < ode->n_s; ++j)
    memcpy(N_VGetArrayPointer(yS[j]), s0 + (size_t)j * ode->n, (size_t)ode->n * sizeof(double));
  FB_ODE_CHECK(ode, CVodeSensReInit(ode->cvode_mem, CV_SIMULTANEOUS, yS), "CVodeSensReInit", err);
  return FB_OK;
}

int fb_ode_sens_get(fb_ode *ode, double *s_out, fb_err *err) {
  FB_TEST(err, !ode || !ode->cvode_mem || ode->n_s < 1, FB_ERR_INPUT, "sensitivities not initialised");
  N_Vector *yS = (N_Vector *)ode->yS;
  sunrealtype t;
  FB_ODE_CHECK(ode, CVodeGetSens(ode->cvode_mem, &t, yS), "CVodeGetSens", err);
  for (int j = 0; j < ode->n_s; ++j)
    memcpy(s_out + (size_t)j * ode->n, N_VGetArrayPointer(yS[j]), (size_t)ode->n * sizeof(double));
  return FB_OK;
}

int fb_ode_set_t_stop(fb_ode *ode, double t_stop, fb_err *err) {
  FB_TEST(err, !ode || !ode->cvode_mem, FB_ERR_INPUT, "ode not initialised");
  FB_TEST(err, !isfinite(t_stop), FB_ERR_INPUT, "t_stop = %g not finite", t_stop);
  ode->opt.t_stop = t_stop;
  ode->opt.have_t_stop = 1;
  if (ode->ready)
    FB_ODE_CHECK(ode, CVodeSetStopTime(ode->cvode_mem, t_stop), "CVodeSetStopTime", err);
  return FB_OK;
}

double fb_ode_time(const fb_ode *ode) { return ode ? ode->t : NAN; }

/* ---------------------------------------------------------------- integration */

/* One CVode call towards t_out in CV_NORMAL mode; *flag_out gets the (non-negative) CVODE flag:
 * CV_SUCCESS, CV_TSTOP_RETURN or CV_ROOT_RETURN. Returns an fb code. */
static int fb_ode_advance(fb_ode *ode, double t_out, double *t_reached, int *flag_out,
                          fb_err *err) {
  FB_TEST(err, !ode || !ode->cvode_mem, FB_ERR_INPUT, "ode not initialised");
  FB_TEST(err, !ode->ready, FB_ERR_INPUT, "fb_ode_reset must be called before solving");
  FB_TEST(err, !isfinite(t_out), FB_ERR_INPUT, "t_out = %g not finite", t_out);
  if (ode->opt.have_t_stop) {
    /* the stop time may lie on either side of t0: only outputs beyond it are refused */
    double dir_out = t_out - ode->t, dir_stop = ode->opt.t_stop - ode->t;
    FB_TEST(err, dir_out * dir_stop > 0.0 && fabs(dir_out) > fabs(dir_stop) * (1.0 + 1e-14),
            FB_ERR_RANGE, "t_out = %.10g lies beyond t_stop = %.10g (from t = %.10g)", t_out,
            ode->opt.t_stop, ode->t);
  }
  ode->cv_msg[0] = '\0';
  sunrealtype tret = ode->t;
  int flag = CVode(ode->cvode_mem, t_out, YV(ode), &tret, CV_NORMAL);
  if (flag < 0) {
    char what[96];
    snprintf(what, sizeof what, "CVode(t_out = %.10g)", t_out);
    return fb_ode_flag_error(ode, flag, what, __func__, __LINE__, err);
  }
  ode->t = tret;
  *t_reached = tret;
  *flag_out = flag;
  FB_TEST(err, flag == CV_TSTOP_RETURN && tret != t_out, FB_ERR_RANGE,
          "integration stopped at t_stop = %.10g before t_out = %.10g", tret, t_out);
  return FB_OK;
}

int fb_ode_solve(fb_ode *ode, double t_out, double *y_out, fb_err *err) {
  FB_TEST(err, !y_out, FB_ERR_INPUT, "y_out is NULL");
  FB_TEST(err, !ode, FB_ERR_INPUT, "ode is NULL");
  if (ode->ready && t_out == ode->t) { /* nothing to integrate: CVODE would refuse tout == t0 */
    memcpy(y_out, N_VGetArrayPointer(YV(ode)), (size_t)ode->n * sizeof(double));
    return FB_OK;
  }
  double t_reached = ode->t;
  int guard = 0;
  for (;;) {
    int flag = CV_SUCCESS;
    FB_CALL(err, fb_ode_advance(ode, t_out, &t_reached, &flag, err));
    if (flag == CV_ROOT_RETURN) { /* events are not stopping points here: carry on */
      FB_TEST(err, ++guard > 1000000, FB_ERR_NUMERIC,
              "more than 10^6 event returns before t_out = %.10g (t = %.10g)", t_out, t_reached);
      if (t_reached != t_out) continue;
    }
    break;
  }
  memcpy(y_out, N_VGetArrayPointer(YV(ode)), (size_t)ode->n * sizeof(double));
  ode->t = t_out;
  return FB_OK;
}

int fb_ode_solve_grid(fb_ode *ode, int n_out, const double *t_out, double *y_out, fb_err *err) {
  FB_TEST(err, !ode || !t_out || !y_out, FB_ERR_INPUT, "NULL argument");
  FB_TEST(err, n_out < 1, FB_ERR_RANGE, "n_out = %d must be >= 1", n_out);
  for (int k = 0; k < n_out; ++k) {
    int rc = fb_ode_solve(ode, t_out[k], y_out + (size_t)k * (size_t)ode->n, err);
    if (rc != FB_OK) {
      char what[64];
      snprintf(what, sizeof what, "output %d of %d", k, n_out);
      return fb_err_push(err, rc, __func__, __LINE__, what);
    }
  }
  return FB_OK;
}

int fb_ode_solve_event(fb_ode *ode, double t_out, double *y_out, double *t_reached, int *event,
                       int *roots_found, fb_err *err) {
  FB_TEST(err, !ode || !y_out || !t_reached || !event, FB_ERR_INPUT, "NULL argument");
  *event = 0;
  *t_reached = ode->t;
  if (ode->ready && t_out == ode->t) {
    memcpy(y_out, N_VGetArrayPointer(YV(ode)), (size_t)ode->n * sizeof(double));
    return FB_OK;
  }
  double tr = ode->t;
  int flag = CV_SUCCESS;
  FB_CALL(err, fb_ode_advance(ode, t_out, &tr, &flag, err));
  memcpy(y_out, N_VGetArrayPointer(YV(ode)), (size_t)ode->n * sizeof(double));
  *t_reached = tr;
  if (flag == CV_ROOT_RETURN && ode->n_events > 0) {
    *event = 1;
    FB_ODE_CHECK(ode, CVodeGetRootInfo(ode->cvode_mem, ode->roots_found), "CVodeGetRootInfo", err);
    if (roots_found) memcpy(roots_found, ode->roots_found, (size_t)ode->n_events * sizeof(int));
  }
  return FB_OK;
}

int fb_ode_get_stats(const fb_ode *ode, fb_ode_stats *s, fb_err *err) {
  FB_TEST(err, !ode || !ode->cvode_mem || !s, FB_ERR_INPUT, "ode not initialised or stats NULL");
  fb_ode *o = (fb_ode *)ode; /* CVodeGet* do not modify, but the error path writes cv_msg */
  memset(s, 0, sizeof *s);
  FB_ODE_CHECK(o, CVodeGetNumSteps(o->cvode_mem, &s->steps), "CVodeGetNumSteps", err);
  FB_ODE_CHECK(o, CVodeGetNumRhsEvals(o->cvode_mem, &s->rhs_evals), "CVodeGetNumRhsEvals", err);
  FB_ODE_CHECK(o, CVodeGetNumLinRhsEvals(o->cvode_mem, &s->rhs_evals_jac), "CVodeGetNumLinRhsEvals",
               err);
  FB_ODE_CHECK(o, CVodeGetNumJacEvals(o->cvode_mem, &s->jac_evals), "CVodeGetNumJacEvals", err);
  FB_ODE_CHECK(o, CVodeGetNumErrTestFails(o->cvode_mem, &s->err_test_fails),
               "CVodeGetNumErrTestFails", err);
  FB_ODE_CHECK(o, CVodeGetNumNonlinSolvConvFails(o->cvode_mem, &s->nonlin_conv_fails),
               "CVodeGetNumNonlinSolvConvFails", err);
  if (o->n_events > 0)
    FB_ODE_CHECK(o, CVodeGetNumGEvals(o->cvode_mem, &s->event_evals), "CVodeGetNumGEvals", err);
  sunrealtype h = 0.0, tc = 0.0;
  FB_ODE_CHECK(o, CVodeGetLastStep(o->cvode_mem, &h), "CVodeGetLastStep", err);
  FB_ODE_CHECK(o, CVodeGetCurrentTime(o->cvode_mem, &tc), "CVodeGetCurrentTime", err);
  s->h_last = h;
  s->t_current = tc;
  return FB_OK;
}
