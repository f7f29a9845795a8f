/**
 * @file fb_scan.c
 * @brief MPI-distributed scan driver with dynamic work distribution and checkpoints.
 *
 * Protocol (see docs/architecture.md):
 *  - Rank 0 owns the full result arrays and the list of pending points. It hands out chunks of
 *    up to chunk_size point indices in reply to requests and computes chunks itself in between,
 *    polling for requests after every point it computes.
 *  - A worker (rank > 0) sends a request carrying the results of its previous chunk and receives
 *    the next chunk; an empty chunk means "stop". A worker that receives SIGTERM/SIGUSR1 stops at
 *    the next point boundary and reports the points it finished with a stop flag.
 *  - A worker that fails (out of memory) reports a failure flag instead of results, receives its
 *    stop and leaves; rank 0 stops handing out work, writes what it has and the run fails.
 *  - Rank 0 writes the whole output file every checkpoint_interval_s and at the end.
 * A point's values depend only on (mass, coupling), so output is identical for any number of ranks.
 */
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fb_log.h"
#include "fb_scan.h"

enum { TAG_REQUEST = 101, TAG_ASSIGN = 102 };

/** Longest per-point error message carried between ranks (longer ones are cut). */
#define FB_SCAN_MSG_MAX 1024

/* ------------------------------------------------------------------ signals */
static volatile sig_atomic_t fb_scan_stop_signal = 0;

static void on_stop_signal(int sig) { fb_scan_stop_signal = sig; }

typedef struct signal_guard {
  struct sigaction old_term, old_usr1;
} signal_guard;

static void signals_install(signal_guard *g) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_stop_signal;
  sa.sa_flags = SA_RESETHAND; /* a second signal has the default effect: the process ends */
  sigemptyset(&sa.sa_mask);
  fb_scan_stop_signal = 0;
  sigaction(SIGTERM, &sa, &g->old_term);
  sigaction(SIGUSR1, &sa, &g->old_usr1);
}

static void signals_restore(const signal_guard *g) {
  sigaction(SIGTERM, &g->old_term, NULL);
  sigaction(SIGUSR1, &g->old_usr1, NULL);
}

/* ------------------------------------------------------------------ one point */
/* Evaluate the model at point p, writing values (n_quantities) and returning the point status. */
static int eval_point(const fb_model_ops *model, void *state, const fb_grid *grid, size_t p,
                      double *values, char *msg, size_t msg_len) {
  const double m = grid->mass[p / grid->n_coupling];
  const double c = grid->coupling[p % grid->n_coupling];
  fb_err e;
  fb_err_clear(&e);
  int rc = model->eval(state, m, c, values, &e);
  if (rc == FB_OK) {
    for (size_t q = 0; q < model->n_quantities; q++) {
      if (isnan(values[q])) {
        rc = fb_err_set(&e, FB_ERR_NUMERIC, __func__, __LINE__,
                        "model %s returned NaN for %s at %s = %.6g, %s = %.6g", model->name,
                        model->quantities[q].name, model->mass_name, m, model->coupling_name, c);
        break;
      }
    }
  } else {
    fb_err_push(&e, rc, __func__, __LINE__, "model eval");
  }
  if (rc != FB_OK) {
    for (size_t q = 0; q < model->n_quantities; q++) values[q] = NAN;
    /* cut long chains: the per-point message is capped at msg_len */
    int n = snprintf(msg, msg_len, "%s = %.6g, %s = %.6g: ", model->mass_name, m, model->coupling_name, c);
    if (n > 0 && (size_t)n < msg_len) {
      size_t room = msg_len - (size_t)n - 1, len = strlen(e.msg);
      if (len > room) len = room;
      memcpy(msg + n, e.msg, len);
      msg[(size_t)n + len] = '\0';
    }
  } else {
    msg[0] = '\0';
  }
  return rc;
}

/* ------------------------------------------------------------------ message packing
 * A result message: int64 header {n_points, stop_flag}, then per point: int64 index, int64 status,
 * n_quantities doubles, int64 message length, message bytes (padded to 8). */
typedef struct packbuf {
  char *data;
  size_t len, cap;
} packbuf;

static int pack_put(packbuf *b, const void *src, size_t n) {
  size_t padded = (n + 7) & ~(size_t)7;
  if (b->len + padded > b->cap) {
    size_t cap = b->cap ? 2 * b->cap : 4096;
    while (cap < b->len + padded) cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d) return -1;
    b->data = d;
    b->cap = cap;
  }
  memcpy(b->data + b->len, src, n);
  memset(b->data + b->len + n, 0, padded - n);
  b->len += padded;
  return 0;
}

static int pack_point(packbuf *b, size_t p, int status, const double *v, size_t nq, const char *msg) {
  int64_t idx = (int64_t)p, st = status, ml = (int64_t)strlen(msg);
  int r = pack_put(b, &idx, 8) | pack_put(b, &st, 8) | pack_put(b, v, nq * sizeof(double)) |
          pack_put(b, &ml, 8);
  if (ml) r |= pack_put(b, msg, (size_t)ml);
  return r;
}

/* Values of the second header word of a result message. */
enum { MSG_CONTINUE = 0, MSG_STOPPING = 1, MSG_WORKER_FAILED = 2 };

/* Store the points of a result message in res; returns the header flag (MSG_*). */
static int unpack_results(const char *data, size_t len, fb_results *res, size_t *n_done_total) {
  size_t off = 0;
  int64_t hdr[2];
  memcpy(hdr, data, sizeof hdr);
  off += sizeof hdr;
  const size_t nq = res->n_quantities;
  for (int64_t k = 0; k < hdr[0] && off < len; k++) {
    int64_t idx, st, ml;
    memcpy(&idx, data + off, 8);
    memcpy(&st, data + off + 8, 8);
    off += 16;
    for (size_t q = 0; q < nq; q++) memcpy(&res->values[q * res->n_points + (size_t)idx], data + off + 8 * q, 8);
    off += 8 * nq;
    memcpy(&ml, data + off, 8);
    off += 8;
    if (idx < 0 || (size_t)idx >= res->n_points || ml < 0 || off + (size_t)ml > len) return MSG_WORKER_FAILED;
    res->status[idx] = (int)st;
    if (ml > 0) {
      free(res->messages[idx]);
      res->messages[idx] = malloc((size_t)ml + 1);
      if (res->messages[idx]) {
        memcpy(res->messages[idx], data + off, (size_t)ml);
        res->messages[idx][ml] = '\0';
      }
      off += ((size_t)ml + 7) & ~(size_t)7;
    }
    (*n_done_total)++;
  }
  return (int)hdr[1];
}

/* ------------------------------------------------------------------ coordinator (rank 0) */
typedef struct coordinator {
  MPI_Comm comm;
  const fb_config *cfg;
  const fb_model_ops *model;
  void *state;
  const fb_grid *grid;
  const fb_scan_options *opt;
  const fb_run_info *info;
  fb_results res;
  size_t *pending;      /**< indices of points to compute in this invocation */
  size_t n_pending, next;
  size_t n_done;        /**< points with a final status (including earlier runs) */
  int active_workers;
  int stop;             /**< no new chunks are handed out */
  int worker_failed;    /**< a worker reported a failure */
  double t_checkpoint_s, t_start_s;
  fb_progress progress;
  char *recv_buf;
  size_t recv_cap;
} coordinator;

static int coordinator_checkpoint(coordinator *c, fb_err *err) {
  fb_run_info info = *c->info;
  info.wall_time_s = fb_wtime() - c->t_start_s;
  FB_CALL(err, fb_output_write(c->opt->output_path, c->cfg, c->model, c->state, c->grid, &c->res, &info, err));
  c->t_checkpoint_s = fb_wtime();
  FB_LOG_DBG("checkpoint written: %zu/%zu points in %s", c->n_done, c->res.n_points, c->opt->output_path);
  return FB_OK;
}

/* Reply to one waiting request (already probed) with the next chunk or a stop. */
static int coordinator_serve(coordinator *c, const MPI_Status *probe, fb_err *err) {
  int count = 0;
  MPI_Get_count(probe, MPI_BYTE, &count);
  if ((size_t)count > c->recv_cap) {
    char *b = realloc(c->recv_buf, (size_t)count);
    FB_TEST(err, !b, FB_ERR_MEMORY, "cannot allocate %d bytes for a result message", count);
    c->recv_buf = b;
    c->recv_cap = (size_t)count;
  }
  int mrc = MPI_Recv(c->recv_buf, count, MPI_BYTE, probe->MPI_SOURCE, TAG_REQUEST, c->comm, MPI_STATUS_IGNORE);
  FB_TEST(err, mrc != MPI_SUCCESS, FB_ERR_MPI, "MPI_Recv of results from rank %d failed", probe->MPI_SOURCE);
  const int flag = unpack_results(c->recv_buf, (size_t)count, &c->res, &c->n_done);
  if (flag == MSG_WORKER_FAILED) {
    FB_LOG_ERR("rank %d failed: stopping the scan and writing the points done", probe->MPI_SOURCE);
    c->stop = 1;
    c->worker_failed = 1;
  } else if (flag == MSG_STOPPING && !c->stop) {
    FB_LOG_INF("rank %d was asked to stop: finishing and writing a checkpoint", probe->MPI_SOURCE);
    c->stop = 1;
  }
  size_t n = 0;
  if (!c->stop && c->next < c->n_pending) {
    n = c->n_pending - c->next;
    if (n > c->opt->chunk_size) n = c->opt->chunk_size;
  }
  int64_t chunk[FB_SCAN_CHUNK_MAX];
  size_t *src = c->pending + c->next;
  for (size_t k = 0; k < n; k++) chunk[k] = (int64_t)src[k];
  c->next += n;
  mrc = MPI_Send(chunk, (int)n, MPI_INT64_T, probe->MPI_SOURCE, TAG_ASSIGN, c->comm);
  FB_TEST(err, mrc != MPI_SUCCESS, FB_ERR_MPI, "MPI_Send of a chunk to rank %d failed", probe->MPI_SOURCE);
  if (n == 0) c->active_workers--;
  return FB_OK;
}

/* Serve every request that is waiting, then checkpoint and report progress when due. */
static int coordinator_poll(coordinator *c, int blocking, fb_err *err) {
  for (;;) {
    int flag = 0;
    MPI_Status st;
    MPI_Iprobe(MPI_ANY_SOURCE, TAG_REQUEST, c->comm, &flag, &st);
    if (!flag) {
      if (!blocking) break;
      /* waiting for workers only: sleep briefly so that signals and checkpoints are noticed */
      struct timespec ts = {0, 200000};
      nanosleep(&ts, NULL);
      blocking = c->active_workers > 0;
      if (!blocking) break;
    } else {
      FB_CALL(err, coordinator_serve(c, &st, err));
      blocking = 0;
    }
    if (fb_scan_stop_signal && !c->stop) {
      FB_LOG_INF("signal %d received: finishing the points in progress and writing a checkpoint", (int)fb_scan_stop_signal);
      c->stop = 1;
    }
  }
  if (fb_scan_stop_signal && !c->stop) {
    FB_LOG_INF("signal %d received: finishing the points in progress and writing a checkpoint", (int)fb_scan_stop_signal);
    c->stop = 1;
  }
  fb_progress_update(&c->progress, c->n_done, 0);
  if (fb_wtime() - c->t_checkpoint_s >= c->opt->checkpoint_interval_s) FB_CALL(err, coordinator_checkpoint(c, err));
  return FB_OK;
}

/* Rank 0 has no chunk to take: block until a worker request has been served (or none is left). */
static int coordinator_wait(coordinator *c, fb_err *err) { return coordinator_poll(c, 1, err); }

/* After a failure on rank 0: answer every worker with "stop" so that no rank hangs. */
static void coordinator_drain(coordinator *c) {
  fb_err ignored;
  fb_err_clear(&ignored);
  c->stop = 1;
  while (c->active_workers > 0) {
    MPI_Status st;
    if (MPI_Probe(MPI_ANY_SOURCE, TAG_REQUEST, c->comm, &st) != MPI_SUCCESS) break;
    if (coordinator_serve(c, &st, &ignored) != FB_OK) break;
  }
}

static int coordinator_run(coordinator *c, fb_err *err) {
  double *values = malloc((c->model->n_quantities + 1) * sizeof(double));
  char *msg = malloc(FB_SCAN_MSG_MAX);
  int rc = FB_OK;
  FB_TEST_GOTO(err, rc, !values || !msg, FB_ERR_MEMORY, done, "out of memory");
  while (c->active_workers > 0 || (!c->stop && c->next < c->n_pending)) {
    if (!c->stop && c->next < c->n_pending) {
      /* take the next chunk for rank 0 */
      size_t n = c->n_pending - c->next;
      if (n > c->opt->chunk_size) n = c->opt->chunk_size;
      size_t first = c->next;
      c->next += n;
      for (size_t k = 0; k < n; k++) {
        size_t p = c->pending[first + k];
        int st = eval_point(c->model, c->state, c->grid, p, values, msg, FB_SCAN_MSG_MAX);
        for (size_t q = 0; q < c->model->n_quantities; q++) c->res.values[q * c->res.n_points + p] = values[q];
        c->res.status[p] = st;
        if (st != FB_OK) {
          free(c->res.messages[p]);
          c->res.messages[p] = strdup(msg);
          FB_LOG_DBG("point %zu failed: %s", p, msg);
        }
        c->n_done++;
        FB_CALL_GOTO(err, rc, coordinator_poll(c, 0, err), done);
        if (c->stop && k + 1 < n) {
          /* give the unstarted rest of the chunk back: it stays pending in the file */
          break;
        }
      }
    } else {
      FB_CALL_GOTO(err, rc, coordinator_wait(c, err), done);
    }
  }
done:
  free(values);
  free(msg);
  return rc;
}

/* ------------------------------------------------------------------ worker (rank > 0) */
static int worker_run(MPI_Comm comm, const fb_model_ops *model, void *state, const fb_grid *grid,
                      size_t chunk_size, fb_err *err) {
  const size_t nq = model->n_quantities;
  packbuf buf = {0};
  int64_t *chunk = malloc((chunk_size + 1) * sizeof(int64_t));
  double *values = malloc((nq + 1) * sizeof(double));
  char *msg = malloc(FB_SCAN_MSG_MAX);
  int rc = FB_OK;
  int64_t hdr[2] = {0, MSG_CONTINUE};
  if (!chunk || !values || !msg || pack_put(&buf, hdr, sizeof hdr)) {
    rc = fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "out of memory");
    goto report_failure;
  }
  for (;;) {
    int mrc = MPI_Send(buf.data, (int)buf.len, MPI_BYTE, 0, TAG_REQUEST, comm);
    FB_TEST_GOTO(err, rc, mrc != MPI_SUCCESS, FB_ERR_MPI, done, "MPI_Send of results failed");
    MPI_Status st;
    mrc = MPI_Recv(chunk, (int)chunk_size, MPI_INT64_T, 0, TAG_ASSIGN, comm, &st);
    FB_TEST_GOTO(err, rc, mrc != MPI_SUCCESS, FB_ERR_MPI, done, "MPI_Recv of a chunk failed");
    int n = 0;
    MPI_Get_count(&st, MPI_INT64_T, &n);
    if (n == 0) break;
    buf.len = 0;
    hdr[0] = 0;
    hdr[1] = MSG_CONTINUE;
    if (pack_put(&buf, hdr, sizeof hdr)) {
      rc = fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "out of memory");
      goto report_failure;
    }
    for (int k = 0; k < n; k++) {
      size_t p = (size_t)chunk[k];
      int status = eval_point(model, state, grid, p, values, msg, FB_SCAN_MSG_MAX);
      if (pack_point(&buf, p, status, values, nq, msg)) {
        rc = fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "out of memory packing results");
        goto report_failure;
      }
      hdr[0]++;
      if (fb_scan_stop_signal) {
        hdr[1] = MSG_STOPPING;
        break;
      }
    }
    memcpy(buf.data, hdr, sizeof hdr);
  }
  goto done;
report_failure : {
  /* tell rank 0 (which would otherwise wait for this rank forever) and take its stop */
  int64_t fail_hdr[2] = {0, MSG_WORKER_FAILED};
  int64_t dummy[1];
  if (MPI_Send(fail_hdr, (int)sizeof fail_hdr, MPI_BYTE, 0, TAG_REQUEST, comm) == MPI_SUCCESS)
    MPI_Recv(dummy, 1, MPI_INT64_T, 0, TAG_ASSIGN, comm, MPI_STATUS_IGNORE);
}
done:
  free(buf.data);
  free(chunk);
  free(values);
  free(msg);
  return rc;
}

/* ------------------------------------------------------------------ entry point */
/* Rank 0: the output path must be writable (checked now, not at the first checkpoint) and an
 * existing file is replaced only with overwrite (or continued with resume). */
static int check_output_path(const fb_scan_options *opt, fb_err *err) {
  FB_TEST(err, !opt->output_path || !opt->output_path[0], FB_ERR_INPUT,
          "the output file name is empty ([run] output or -o)");
  struct stat st;
  const size_t plen = strlen(opt->output_path);
  FB_TEST(err, opt->output_path[plen - 1] == '/' || (stat(opt->output_path, &st) == 0 && S_ISDIR(st.st_mode)),
          FB_ERR_INPUT, "cannot write the output file '%s' ([run] output or -o): it is a directory",
          opt->output_path);
  if (!opt->resume && !opt->overwrite && access(opt->output_path, F_OK) == 0)
    FB_FAIL(err, FB_ERR_INPUT,
            "output file '%s' exists: continue it with --resume or replace it with --overwrite",
            opt->output_path);
  size_t len = strlen(opt->output_path) + 5;
  char *tmp = malloc(len);
  FB_TEST(err, !tmp, FB_ERR_MEMORY, "out of memory");
  snprintf(tmp, len, "%s.tmp", opt->output_path);
  FILE *f = fopen(tmp, "wb");
  int e = errno;
  if (f) {
    fclose(f);
    remove(tmp);
  }
  free(tmp);
  FB_TEST(err, !f, FB_ERR_INPUT, "cannot write the output file '%s' ([run] output or -o): %s",
          opt->output_path, strerror(e));
  return FB_OK;
}

int fb_scan_run(MPI_Comm comm, const fb_config *cfg, const fb_model_ops *model,
                const fb_scan_options *opt, const fb_run_info *info, int *interrupted, fb_err *err) {
  int rank = 0, size = 1;
  MPI_Comm_rank(comm, &rank);
  MPI_Comm_size(comm, &size);
  *interrupted = 0;
  FB_TEST(err, opt->chunk_size < 1 || opt->chunk_size > FB_SCAN_CHUNK_MAX, FB_ERR_RANGE,
          "chunk_size = %zu outside 1..%d", opt->chunk_size, FB_SCAN_CHUNK_MAX);
  signal_guard guard;
  signals_install(&guard); /* before the set-up, so that a signal during it is not fatal */

  /* Set-up on every rank; rank 0 also prepares the result arrays (from the earlier file when
   * resuming). Any failure anywhere is made known to all ranks before the work starts, so that no
   * rank waits for one that has returned. */
  fb_grid grid;
  memset(&grid, 0, sizeof grid);
  void *state = NULL;
  int model_ready = 0;
  coordinator c;
  memset(&c, 0, sizeof c);
  int rc = fb_grid_init(&grid, cfg, err);
  if (rc == FB_OK) {
    rc = model->init(&state, cfg, err);
    if (rc == FB_OK)
      model_ready = 1;
    else
      fb_err_push(err, rc, __func__, __LINE__, "model init");
  }
  if (rc == FB_OK && rank == 0) {
    c.comm = comm;
    c.cfg = cfg;
    c.model = model;
    c.state = state;
    c.grid = &grid;
    c.opt = opt;
    c.info = info;
    c.t_start_s = fb_wtime();
    rc = check_output_path(opt, err);
    if (rc == FB_OK) rc = fb_results_init(&c.res, grid.n_mass * grid.n_coupling, model->n_quantities, err);
    if (rc == FB_OK && opt->resume) rc = fb_output_read(opt->output_path, model, &grid, cfg, &c.res, err);
    if (rc == FB_OK) {
      c.pending = malloc((c.res.n_points ? c.res.n_points : 1) * sizeof(size_t));
      if (!c.pending) rc = fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "out of memory");
    }
    if (rc == FB_OK) {
      for (size_t p = 0; p < c.res.n_points; p++) {
        if (c.res.status[p] == FB_STATUS_PENDING) {
          if (opt->max_points > 0 && c.n_pending >= (size_t)opt->max_points) continue;
          c.pending[c.n_pending++] = p;
        }
      }
      c.n_done = fb_results_count_done(&c.res);
      c.active_workers = size - 1;
      fb_progress_init(&c.progress, c.res.n_points, c.n_done, opt->progress_interval_s);
      c.t_checkpoint_s = fb_wtime();
      FB_LOG_INF("scan of %s: %zu x %zu points, %zu to compute now, %zu done before, %d rank%s",
                 model->name, grid.n_mass, grid.n_coupling, c.n_pending, c.n_done, size, size > 1 ? "s" : "");
    }
  }
  int failed_here = rc != FB_OK, failed_anywhere = 0;
  MPI_Allreduce(&failed_here, &failed_anywhere, 1, MPI_INT, MPI_MAX, comm);
  if (failed_anywhere) {
    if (!failed_here) rc = fb_err_set(err, FB_ERR_MPI, __func__, __LINE__, "scan set-up failed on another rank");
    goto cleanup;
  }

  if (rank == 0) {
    rc = coordinator_run(&c, err);
    if (rc == FB_OK) {
      fb_progress_update(&c.progress, c.n_done, 1);
      rc = coordinator_checkpoint(&c, err);
      if (rc == FB_OK && c.worker_failed)
        rc = fb_err_set(err, FB_ERR_MPI, __func__, __LINE__,
                        "a worker rank failed; the points done are in %s (continue with --resume)", opt->output_path);
    } else {
      /* keep what was computed before the failure */
      fb_err saved = *err;
      fb_err tmp;
      fb_err_clear(&tmp);
      coordinator_drain(&c);
      if (coordinator_checkpoint(&c, &tmp) == FB_OK) FB_LOG_ERR("scan failed; completed points saved to %s", opt->output_path);
      *err = saved;
    }
    *interrupted = c.n_done < c.res.n_points;
  } else {
    rc = worker_run(comm, model, state, &grid, opt->chunk_size, err);
  }
  /* every rank learns whether the run is complete and whether any rank failed */
  int flags[2] = {*interrupted, rc != FB_OK}, all[2];
  MPI_Allreduce(flags, all, 2, MPI_INT, MPI_MAX, comm);
  *interrupted = all[0];
  if (rc == FB_OK && all[1]) rc = fb_err_set(err, FB_ERR_MPI, __func__, __LINE__, "another rank failed");
cleanup:
  signals_restore(&guard);
  if (rank == 0) {
    fb_results_free(&c.res);
    free(c.pending);
    free(c.recv_buf);
  }
  if (model_ready) model->free(state);
  fb_grid_free(&grid);
  return rc;
}
