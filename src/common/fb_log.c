/**
 * @file fb_log.c
 * @brief Rank-prefixed logging and progress lines; see fb_log.h.
 */
#include "fb_log.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

static int fb_log_rank = 0;
static int fb_log_level = FB_LOG_INFO;

void fb_log_set_rank(int rank) { fb_log_rank = rank; }
void fb_log_set_level(int level) { fb_log_level = level; }
int fb_log_get_level(void) { return fb_log_level; }

void fb_log_msg(int level, const char *fmt, ...) {
  static const char *names[] = {"error", "warning", "info", "debug"};
  if (level > fb_log_level) return;
  if (level < 0) level = 0;
  if (level > 3) level = 3;
  char buf[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  fprintf(stderr, "[fipbounds rank %d] %s: %s\n", fb_log_rank, names[level], buf);
  fflush(stderr);
}

double fb_wtime(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

void fb_progress_init(fb_progress *p, size_t total, size_t done_at_start, double interval_s) {
  p->total = total;
  p->done_at_start = done_at_start;
  p->t_start_s = fb_wtime();
  p->t_last_s = p->t_start_s;
  p->interval_s = interval_s;
}

void fb_progress_update(fb_progress *p, size_t done, int force) {
  double now = fb_wtime();
  if (!force && now - p->t_last_s < p->interval_s) return;
  p->t_last_s = now;
  double elapsed = now - p->t_start_s;
  size_t new_done = done > p->done_at_start ? done - p->done_at_start : 0;
  double rate = elapsed > 0 ? (double)new_done / elapsed : 0.0;
  double eta = rate > 0 ? (double)(p->total - done) / rate : -1.0;
  if (eta >= 0)
    fb_log_msg(FB_LOG_INFO, "progress %zu/%zu points (%.1f%%), %.1f points/s, ETA %.0f s", done,
               p->total, p->total ? 100.0 * (double)done / (double)p->total : 100.0, rate, eta);
  else
    fb_log_msg(FB_LOG_INFO, "progress %zu/%zu points", done, p->total);
}
