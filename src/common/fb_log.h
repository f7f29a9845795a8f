/**
 * @file fb_log.h
 * @brief Logging to stderr prefixed with the MPI rank and level (SWIFT style), and a throttled
 *        progress line for long runs.
 *
 * Not collective. The rank is set once by fb_log_set_rank() after MPI_Init (default 0).
 */
#ifndef FB_LOG_H
#define FB_LOG_H

#include <stddef.h>

enum fb_log_level { FB_LOG_ERROR = 0, FB_LOG_WARN = 1, FB_LOG_INFO = 2, FB_LOG_DEBUG = 3 };

void fb_log_set_rank(int rank);
void fb_log_set_level(int level);
int fb_log_get_level(void);
void fb_log_msg(int level, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#define FB_LOG_ERR(...) fb_log_msg(FB_LOG_ERROR, __VA_ARGS__)
#define FB_LOG_WARNING(...) fb_log_msg(FB_LOG_WARN, __VA_ARGS__)
#define FB_LOG_INF(...) fb_log_msg(FB_LOG_INFO, __VA_ARGS__)
#define FB_LOG_DBG(...) fb_log_msg(FB_LOG_DEBUG, __VA_ARGS__)

/** Wall-clock seconds (monotonic clock). */
double fb_wtime(void);

/** Progress reporter: prints "points done/total, rate, ETA" at most once per interval_s. */
typedef struct fb_progress {
  size_t total;         /**< points in the whole run */
  size_t done_at_start; /**< points already done when the run started (resume) */
  double t_start_s;     /**< wall time at start */
  double t_last_s;      /**< wall time of the last printed line */
  double interval_s;    /**< minimum seconds between lines */
} fb_progress;

void fb_progress_init(fb_progress *p, size_t total, size_t done_at_start, double interval_s);
/** Print a progress line if interval_s has passed since the last one, or if force != 0. */
void fb_progress_update(fb_progress *p, size_t done, int force);

#endif /* FB_LOG_H */
