/**
 * @file fb_error.c
 * @brief Chained error messages; see fb_error.h.
 */
#include "fb_error.h"

#include <gsl/gsl_errno.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void fb_err_clear(fb_err *err) {
  if (!err) return;
  err->code = FB_OK;
  err->msg[0] = '\0';
}

int fb_err_set(fb_err *err, int code, const char *func, int line, const char *fmt, ...) {
  if (!err) return code;
  err->code = code;
  int n = snprintf(err->msg, sizeof err->msg, "%s:%d: ", func, line);
  if (n < 0 || (size_t)n >= sizeof err->msg) return code;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->msg + n, sizeof err->msg - (size_t)n, fmt, ap);
  va_end(ap);
  return code;
}

int fb_err_push(fb_err *err, int code, const char *func, int line, const char *what) {
  if (code == FB_OK) code = FB_ERR_INTERNAL; /* a failing call must not report success */
  if (!err) return code;
  if (err->code == FB_OK) {
    /* the callee failed without writing a message: record one here */
    err->code = code;
    snprintf(err->msg, sizeof err->msg, "%s:%d: %s failed with %s", func, line, what ? what : "call",
             fb_code_name(code));
    return code;
  }
  size_t len = strlen(err->msg);
  if (len + 1 < sizeof err->msg)
    snprintf(err->msg + len, sizeof err->msg - len, "\n  called from %s:%d", func, line);
  return err->code;
}

const char *fb_code_name(int code) {
  switch (code) {
    case FB_OK: return "FB_OK";
    case FB_ERR_INPUT: return "FB_ERR_INPUT";
    case FB_ERR_RANGE: return "FB_ERR_RANGE";
    case FB_ERR_NUMERIC: return "FB_ERR_NUMERIC";
    case FB_ERR_MEMORY: return "FB_ERR_MEMORY";
    case FB_ERR_IO: return "FB_ERR_IO";
    case FB_ERR_MPI: return "FB_ERR_MPI";
    case FB_ERR_HDF5: return "FB_ERR_HDF5";
    case FB_ERR_CVODE: return "FB_ERR_CVODE";
    case FB_ERR_GSL: return "FB_ERR_GSL";
    case FB_ERR_INTERRUPTED: return "FB_ERR_INTERRUPTED";
    case FB_ERR_INTERNAL: return "FB_ERR_INTERNAL";
    default: return "FB_ERR_UNKNOWN";
  }
}

void fb_error_init(void) { gsl_set_error_handler_off(); }
