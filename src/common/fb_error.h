/**
 * @file fb_error.h
 * @brief Error codes and chained error messages (CLASS style: class_call / class_test).
 *
 * Every library function that can fail returns an int code (FB_OK == 0 on success) and takes an
 * `fb_err *` into which it writes a message. Callers that propagate an error append their own
 * `function:line` so the final message reads as a chain from the failure up to main. Library code
 * never calls exit(); only the executable decides whether a failure ends the run.
 *
 * GSL: the library checks the status of every GSL call and turns failures into codes, so GSL's
 * default error handler (which calls abort()) must be off. The executable and every test call
 * gsl_set_error_handler_off() once at start-up (src/app/main.c); a program that links the
 * fipbounds libraries must do the same (fb_error_init() does it).
 *
 * Usage:
 *   FB_TEST(err, n < 1, FB_ERR_RANGE, "n = %d must be >= 1", n);   // return with a message
 *   FB_CALL(err, fb_spline_init(&s, x, y, n, err));                // propagate, appending caller
 *   FB_CALL_GOTO(err, rc, fb_quad(...), cleanup);                  // propagate, free on the way out
 */
#ifndef FB_ERROR_H
#define FB_ERROR_H

#include <stddef.h>

/** Error codes. Values are stable: they are written to the /status dataset of output files. */
enum fb_code {
  FB_OK = 0,
  FB_ERR_INPUT = 1,       /**< malformed or unknown input (file, key, value) */
  FB_ERR_RANGE = 2,       /**< argument outside its allowed or tabulated range */
  FB_ERR_NUMERIC = 3,     /**< a numerical algorithm failed (no convergence, NaN, ...) */
  FB_ERR_MEMORY = 4,      /**< allocation failed */
  FB_ERR_IO = 5,          /**< file could not be read or written */
  FB_ERR_MPI = 6,         /**< an MPI call failed */
  FB_ERR_HDF5 = 7,        /**< an HDF5 call failed */
  FB_ERR_CVODE = 8,       /**< CVODE returned a failure flag */
  FB_ERR_GSL = 9,         /**< a GSL routine returned a failure status */
  FB_ERR_INTERRUPTED = 10,/**< a signal asked the run to stop (checkpoint written) */
  FB_ERR_INTERNAL = 11    /**< a bug: an invariant did not hold */
};

#define FB_ERR_MSG_LEN 4096

/** An error record: the first failing code and the message chain. */
typedef struct fb_err {
  int code;                   /**< first non-zero code recorded, FB_OK if none */
  char msg[FB_ERR_MSG_LEN];   /**< "func:line: message\n  called from func:line ..." */
} fb_err;

/** Process-wide set-up for programs using the libraries: switches GSL's aborting error handler off
 *  (library functions report GSL failures as FB_ERR_GSL / FB_ERR_NUMERIC instead). */
void fb_error_init(void);

/** Reset an error record to "no error". */
void fb_err_clear(fb_err *err);

/** Record a new error (replaces any previous message); returns code. err may be NULL. */
int fb_err_set(fb_err *err, int code, const char *func, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/** Append "called from func:line (what)" to the chain; returns err->code (or FB_ERR_INTERNAL). */
int fb_err_push(fb_err *err, int code, const char *func, int line, const char *what);

/** The message of err as a user should read it (issue 18): the innermost message first, without
 *  its "function:line: " prefix, so that it starts with the user's "file:line: [section] key" when
 *  the input is at fault; the internal chain ("function:line" of every level) follows on a line
 *  "  internal: f:l < caller:l < ..." only when verbose (fb_err_verbose()). Written to out (n bytes,
 *  always NUL-terminated). */
void fb_err_user_message(const fb_err *err, int verbose, char *out, size_t n);

/** 1 when the environment variable FB_VERBOSE is set to a value other than "" or "0". */
int fb_err_verbose(void);

/** A short name for a code ("FB_ERR_RANGE"). */
const char *fb_code_name(int code);

/** Return from the current function with a new error if cond holds. */
#define FB_TEST(err, cond, code, ...)                                   \
  do {                                                                  \
    if (cond) return fb_err_set((err), (code), __func__, __LINE__, __VA_ARGS__); \
  } while (0)

/** Return with a new error unconditionally. */
#define FB_FAIL(err, code, ...) return fb_err_set((err), (code), __func__, __LINE__, __VA_ARGS__)

/** Call a function returning an fb code; on failure append this location and return the code. */
#define FB_CALL(err, call)                                                   \
  do {                                                                       \
    int fb_rc_ = (call);                                                     \
    if (fb_rc_ != FB_OK) return fb_err_push((err), fb_rc_, __func__, __LINE__, #call); \
  } while (0)

/** goto-cleanup variants: store the code in rc and jump to label. */
#define FB_CALL_GOTO(err, rc, call, label)                                   \
  do {                                                                       \
    (rc) = (call);                                                           \
    if ((rc) != FB_OK) {                                                     \
      fb_err_push((err), (rc), __func__, __LINE__, #call);                   \
      goto label;                                                            \
    }                                                                        \
  } while (0)

#define FB_TEST_GOTO(err, rc, cond, code, label, ...)                        \
  do {                                                                       \
    if (cond) {                                                              \
      (rc) = fb_err_set((err), (code), __func__, __LINE__, __VA_ARGS__);     \
      goto label;                                                            \
    }                                                                        \
  } while (0)

#endif /* FB_ERROR_H */
