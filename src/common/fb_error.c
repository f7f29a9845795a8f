/**
 * @file fb_error.c
 * @brief Chained error messages; see fb_error.h.
 */
#include "fb_error.h"

#include <gsl/gsl_errno.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
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

/* Length of a "function:line: " prefix at s (a C identifier, a colon, digits, ": "), or 0. */
static size_t location_prefix_len(const char *s) {
  size_t i = 0;
  if (!(isalpha((unsigned char)s[0]) || s[0] == '_')) return 0;
  while (isalnum((unsigned char)s[i]) || s[i] == '_') i++;
  if (s[i] != ':' || !isdigit((unsigned char)s[i + 1])) return 0;
  i++;
  while (isdigit((unsigned char)s[i])) i++;
  return s[i] == ':' && s[i + 1] == ' ' ? i + 2 : 0;
}

void fb_err_user_message(const fb_err *err, int verbose, char *out, size_t n) {
  if (!out || n == 0) return;
  out[0] = '\0';
  if (!err) return;
  static const char called[] = "\n  called from ";
  const char *msg = err->msg;
  const size_t pre = location_prefix_len(msg);
  const char *body = msg + pre;
  const char *chain = strstr(body, called);
  const size_t body_len = chain ? (size_t)(chain - body) : strlen(body);
  size_t len = (size_t)snprintf(out, n, "%.*s", (int)body_len, body);
  if (!verbose || len + 1 >= n) return;
  /* the chain: the innermost location, then every caller */
  len += (size_t)snprintf(out + len, n - len, "\n  internal: %.*s", pre > 2 ? (int)(pre - 2) : 0, msg);
  for (const char *c = chain; c && len + 1 < n; c = strstr(c + 1, called)) {
    const char *from = c + sizeof called - 1;
    const size_t flen = strcspn(from, "\n");
    len += (size_t)snprintf(out + len, n - len, " < %.*s", (int)flen, from);
  }
}

int fb_err_verbose(void) {
  const char *v = getenv("FB_VERBOSE");
  return v && v[0] && strcmp(v, "0") != 0;
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
