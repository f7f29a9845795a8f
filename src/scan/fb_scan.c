/**
 * @file fb_scan.c
 * @brief MPI-distributed scan driver with dynamic work distribution and checkpoints.
 *
 * Protocol (see docs/architecture.md):
 *  - Rank 0 owns the full result arrays and the list of pending points. It hands out chunks of
 *    up to chunk_size point indices in reply to requests and computes chunks itself in between,
 *    polling for requests after every point it computes.
 *  - A worker (rank > 0) sends a request carrying the results of its previous chunk and receives
 *    the next chunk; an empty chunk means "stop". A worker keeps two requests in flight, so the
 *    next chunk is already there when it finishes one (it never waits for rank 0's current
 *    point). A worker that receives SIGTERM/SIGUSR1 stops at the next point boundary and reports
 *    the points it finished with a stop flag.
 *  - A worker that fails (out of memory) reports a failure flag instead of results, receives its
 *    stop and leaves; rank 0 stops handing out work, writes what it has and the run fails.
 *  - Rank 0 writes the whole output file every checkpoint_interval_s and at the end.
 *  - Every request also carries the worker's cumulative busy time (seconds in the model's eval)
 *    and point count, so rank 0 knows the load of every rank without a collective; it logs them
 *    and writes them to /timing.
 *  - Job arrays: a run may cover one slice of mass indices (n_slices, slice_index) and may take
 *    the computed points of other files (--merge) instead of computing them.
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

#include "fb_path.h"
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

/* Values of the second header word of a result message. The header is MSG_HDR_LEN int64:
 * {n_points, flag, busy_ns, points_total}, the last two being the sender's cumulative time in the
 * model's eval (nanoseconds) and number of points computed in this invocation. */
enum { MSG_CONTINUE = 0, MSG_STOPPING = 1, MSG_WORKER_FAILED = 2 };
enum { MSG_HDR_LEN = 4 };

/* Requests a worker keeps in flight. With two, the reply to the next request is waiting while the
 * worker computes its current chunk, so a worker does not wait for rank 0 (which answers only
 * between its own points: up to one point evaluation, i.e. up to 1/chunk_size of the time with one
 * request in flight). Every request gets exactly one reply; once rank 0 has replied "stop" (empty)
 * to any request, every later reply is empty too, so a worker is finished after exactly
 * FB_SCAN_IN_FLIGHT empty replies, and rank 0 counts (size - 1) * FB_SCAN_IN_FLIGHT of them. */
#define FB_SCAN_IN_FLIGHT 2

/* Rank 0 replies with MPI_Isend from one buffer per (worker, request in flight): a blocking send
 * of a chunk above the transport's eager size would wait until the worker, busy with its other
 * chunk, enters MPI. A slot is reused only for the worker's request after next, which the worker
 * sends after receiving the reply that used the slot, so the wait on it returns at once. */
typedef struct reply_slot {
  int64_t *data;
  size_t cap;
  MPI_Request req;
} reply_slot;

/* Store the points of a result message in res and the sender's cumulative busy time and point
 * count in *busy_s and *points; returns the header flag (MSG_*). */
static int unpack_results(const char *data, size_t len, fb_results *res, size_t *n_done_total,
                          double *busy_s, long *points) {
  size_t off = 0;
  int64_t hdr[MSG_HDR_LEN];
  if (len < sizeof hdr) return MSG_WORKER_FAILED;
  memcpy(hdr, data, sizeof hdr);
  off += sizeof hdr;
  *busy_s = 1e-9 * (double)hdr[2];
  *points = (long)hdr[3];
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

/* ------------------------------------------------------------------ per-mass values for the postprocess */
/* Collective (every rank calls it, rank 0 with go = 1 when the plane is complete and the model has per_mass hooks):
 * the model's per_mass values of every grid mass, rank r computing the masses i = r mod size, gathered on rank 0 into
 * *out ([n_mass][*n_out], malloc'ed; NULL when not computed). A failure at one mass only drops the gathered values
 * (rank 0's postprocess then computes them itself and reports the error as before): never fatal. */
static void per_mass_phase(MPI_Comm comm, const fb_model_ops *model, void *state, const fb_grid *grid, int go,
                           double **out, size_t *n_out) {
  int rank, size;
  MPI_Comm_rank(comm, &rank);
  MPI_Comm_size(comm, &size);
  *out = NULL;
  *n_out = 0;
  MPI_Bcast(&go, 1, MPI_INT, 0, comm);
  if (!go || !model->per_mass || !model->n_per_mass) return;
  const size_t nm = grid->n_mass, nv = model->n_per_mass(state, grid->n_coupling);
  double *mine = nv ? calloc(nm * nv, sizeof *mine) : NULL;
  int failed = !mine;
  const double t0 = fb_wtime();
  for (size_t i = (size_t)rank; !failed && i < nm; i += (size_t)size) {
    fb_err e;
    fb_err_clear(&e);
    if (model->per_mass(state, grid->mass[i], grid->coupling, grid->n_coupling, mine + i * nv, &e) != FB_OK) {
      char msg[FB_ERR_MSG_LEN];
      fb_err_user_message(&e, 0, msg, sizeof msg);
      FB_LOG_WARNING("per-mass post-processing values at mass %g (rank %d): %s; rank 0 recomputes them", grid->mass[i],
                 rank, msg);
      failed = 1;
    }
  }
  int any_failed = 0;
  MPI_Allreduce(&failed, &any_failed, 1, MPI_INT, MPI_MAX, comm);
  if (any_failed) {
    free(mine);
    return;
  }
  /* every entry is computed by exactly one rank and zero elsewhere: the sum is that value bit for bit */
  double *all = rank == 0 ? malloc(nm * nv * sizeof *all) : NULL;
  int ok = rank != 0 || all != NULL, all_ok = 0;
  MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, comm);
  if (all_ok) MPI_Reduce(mine, all, (int)(nm * nv), MPI_DOUBLE, MPI_SUM, 0, comm);
  free(mine);
  if (rank == 0 && all_ok) {
    *out = all;
    *n_out = nv;
    FB_LOG_DBG("per-mass post-processing values of %zu masses on %d ranks in %.2f s", nm, size, fb_wtime() - t0);
  } else {
    free(all);
  }
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
  int active_workers;   /**< worker request streams not yet answered with "stop" (FB_SCAN_IN_FLIGHT per worker) */
  int stop;             /**< no new chunks are handed out */
  int worker_failed;    /**< a worker reported a failure */
  double t_checkpoint_s, t_start_s;
  fb_progress progress;
  char *recv_buf;
  size_t recv_cap;
  double *busy_s;       /**< [comm size] seconds in the model's eval per rank, this invocation */
  long *points;         /**< [comm size] points computed per rank, this invocation */
  int comm_size;
  reply_slot *replies;  /**< [comm size][FB_SCAN_IN_FLIGHT] chunk replies in flight */
  int *reply_next;      /**< [comm size] the slot of the next reply to each rank */
  double *per_mass;     /**< [n_mass][n_per_mass] the model's per-mass values (per_mass_phase), or NULL */
  size_t n_per_mass;
} coordinator;

/* Points of the next chunk (c->next < c->n_pending), for a worker (guided schedule) or for rank 0 (guided: chunk_size).
 * Rows: the rest of the mass row of the next pending point, while more than 2 x ranks rows are left (then chunk_size:
 * a short tail); a model's per-mass set-up is then built by one rank only. */
static size_t chunk_length(const coordinator *c, int for_worker) {
  const size_t n = c->n_pending - c->next;
  size_t len = c->opt->chunk_size;
  if (c->opt->chunk_guided && for_worker) {
    /* guided self-scheduling (Polychronopoulos & Kuck, IEEE Trans. Comput. C-36 (1987) 1425),
     * with 2 x ranks because every worker holds two chunks (FB_SCAN_IN_FLIGHT) */
    const size_t g = (n + 2 * (size_t)c->comm_size - 1) / (2 * (size_t)c->comm_size);
    if (g > len) len = g < FB_SCAN_CHUNK_MAX ? g : FB_SCAN_CHUNK_MAX;
  } else if (c->opt->chunk_rows) {
    const size_t nc = c->grid->n_coupling, row = c->pending[c->next] / nc;
    if (c->pending[c->n_pending - 1] / nc - row + 1 > 2 * (size_t)c->comm_size) {
      len = 0;
      while (len < n && len < FB_SCAN_CHUNK_MAX && c->pending[c->next + len] / nc == row) len++;
    }
  }
  return n < len ? n : len;
}

static int coordinator_checkpoint_ex(coordinator *c, int skip_postprocess, fb_err *err) {
  fb_run_info info = *c->info;
  info.skip_postprocess = skip_postprocess;
  info.wall_time_s = fb_wtime() - c->t_start_s;
  info.rank_busy_s = c->busy_s;
  info.rank_points = c->points;
  info.per_mass = c->per_mass;
  info.n_per_mass = c->n_per_mass;
  FB_CALL(err, fb_output_write(c->opt->output_path, c->cfg, c->model, c->state, c->grid, &c->res, &info, err));
  c->t_checkpoint_s = fb_wtime();
  FB_LOG_DBG("checkpoint written: %zu/%zu points in %s", c->n_done, c->res.n_points, c->opt->output_path);
  return FB_OK;
}

static int coordinator_checkpoint(coordinator *c, fb_err *err) { return coordinator_checkpoint_ex(c, 0, err); }

/* The output could not be written (full disk, quota): write the points to
 * $FB_RESCUE_DIR (default $TMPDIR, else /tmp)/<output name>.rescue-<pid>.h5, a file that
 * --resume continues once moved over the output, so that the points computed since the last
 * checkpoint are not lost with the process. Without the post-processing (it is redone on resume). */
static void coordinator_rescue(coordinator *c) {
  const char *dir = getenv("FB_RESCUE_DIR");
  if (!dir || !dir[0]) dir = getenv("TMPDIR");
  if (!dir || !dir[0]) dir = "/tmp";
  const char *slash = strrchr(c->opt->output_path, '/');
  const char *base = slash ? slash + 1 : c->opt->output_path;
  char path[4096];
  snprintf(path, sizeof path, "%s/%s.rescue-%ld.h5", dir, base, (long)getpid());
  fb_run_info info = *c->info;
  info.wall_time_s = fb_wtime() - c->t_start_s;
  info.rank_busy_s = c->busy_s;
  info.rank_points = c->points;
  info.skip_postprocess = 1;
  fb_err e;
  fb_err_clear(&e);
  if (fb_output_write(path, c->cfg, c->model, c->state, c->grid, &c->res, &info, &e) == FB_OK) {
    FB_LOG_ERR("the %zu points done are saved in %s: move it to %s when there is space and continue with --resume",
               c->n_done, path, c->opt->output_path);
  } else {
    char msg[FB_ERR_MSG_LEN];
    fb_err_user_message(&e, 0, msg, sizeof msg);
    FB_LOG_ERR("the points done could not be saved elsewhere either: %s", msg);
  }
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
  const int src_rank = probe->MPI_SOURCE;
  const int flag = unpack_results(c->recv_buf, (size_t)count, &c->res, &c->n_done, &c->busy_s[src_rank], &c->points[src_rank]);
  if (flag == MSG_WORKER_FAILED) {
    FB_LOG_ERR("rank %d failed: stopping the scan and writing the points done", probe->MPI_SOURCE);
    c->stop = 1;
    c->worker_failed = 1;
  } else if (flag == MSG_STOPPING && !c->stop) {
    FB_LOG_INF("rank %d was asked to stop: finishing and writing a checkpoint", probe->MPI_SOURCE);
    c->stop = 1;
  }
  size_t n = 0;
  if (!c->stop && c->next < c->n_pending) n = chunk_length(c, 1);
  reply_slot *slot = &c->replies[src_rank * FB_SCAN_IN_FLIGHT + c->reply_next[src_rank]];
  c->reply_next[src_rank] = (c->reply_next[src_rank] + 1) % FB_SCAN_IN_FLIGHT;
  MPI_Wait(&slot->req, MPI_STATUS_IGNORE);
  if (n + 1 > slot->cap) {
    int64_t *d = realloc(slot->data, (n + 1) * sizeof(int64_t));
    FB_TEST(err, !d, FB_ERR_MEMORY, "cannot allocate a chunk of %zu points", n);
    slot->data = d;
    slot->cap = n + 1;
  }
  const size_t *src = c->pending + c->next;
  for (size_t k = 0; k < n; k++) slot->data[k] = (int64_t)src[k];
  c->next += n;
  mrc = MPI_Isend(slot->data, (int)n, MPI_INT64_T, src_rank, TAG_ASSIGN, c->comm, &slot->req);
  FB_TEST(err, mrc != MPI_SUCCESS, FB_ERR_MPI, "MPI_Isend of a chunk to rank %d failed", src_rank);
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
  if (fb_wtime() - c->t_checkpoint_s >= c->opt->checkpoint_interval_s) {
    /* a failed periodic checkpoint (full disk, quota) does not stop the scan: the points stay in
     * memory, the previous file is intact, and the next checkpoint tries again */
    fb_err cerr;
    fb_err_clear(&cerr);
    if (coordinator_checkpoint(c, &cerr) != FB_OK) {
      char msg[FB_ERR_MSG_LEN];
      fb_err_user_message(&cerr, 0, msg, sizeof msg);
      FB_LOG_ERR("checkpoint failed, the scan goes on and tries again in %g s: %s", c->opt->checkpoint_interval_s, msg);
      c->t_checkpoint_s = fb_wtime();
    }
  }
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
      size_t n = chunk_length(c, 0);
      size_t first = c->next;
      c->next += n;
      for (size_t k = 0; k < n; k++) {
        size_t p = c->pending[first + k];
        const double t0_s = fb_wtime();
        int st = eval_point(c->model, c->state, c->grid, p, values, msg, FB_SCAN_MSG_MAX);
        c->busy_s[0] += fb_wtime() - t0_s;
        c->points[0]++;
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
                      fb_err *err) {
  const size_t nq = model->n_quantities;
  packbuf buf[FB_SCAN_IN_FLIGHT];
  MPI_Request sreq[FB_SCAN_IN_FLIGHT];
  int64_t short_msg[FB_SCAN_IN_FLIGHT][MSG_HDR_LEN]; /* point-less requests (start, stop, failure) */
  int64_t chunk[FB_SCAN_CHUNK_MAX];
  memset(buf, 0, sizeof buf);
  for (int i = 0; i < FB_SCAN_IN_FLIGHT; i++) sreq[i] = MPI_REQUEST_NULL;
  double *values = malloc((nq + 1) * sizeof(double));
  char *msg = malloc(FB_SCAN_MSG_MAX);
  int rc = FB_OK;
  int flag = MSG_CONTINUE; /* MSG_STOPPING after a signal, MSG_WORKER_FAILED after a failure */
  double busy_s = 0.0;
  long points = 0;
  if (!values || !msg) {
    rc = fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "out of memory");
    flag = MSG_WORKER_FAILED;
  }
  int slot = 0, n_empty = 0, n_sent = 0;
  for (;;) {
    /* send a request: the results of the chunk just computed, or nothing */
    if (n_sent >= FB_SCAN_IN_FLIGHT) {
      int n = 0;
      MPI_Status st;
      int mrc = MPI_Recv(chunk, FB_SCAN_CHUNK_MAX, MPI_INT64_T, 0, TAG_ASSIGN, comm, &st);
      FB_TEST_GOTO(err, rc, mrc != MPI_SUCCESS, FB_ERR_MPI, done, "MPI_Recv of a chunk failed");
      MPI_Get_count(&st, MPI_INT64_T, &n);
      if (n == 0) {
        if (++n_empty == FB_SCAN_IN_FLIGHT) break;
        continue;
      }
      /* a chunk: compute it (unless stopping or failed) and send its results as the next request */
      slot = (slot + 1) % FB_SCAN_IN_FLIGHT;
      MPI_Wait(&sreq[slot], MPI_STATUS_IGNORE); /* this slot's previous send has completed */
      packbuf *b = &buf[slot];
      int64_t hdr[MSG_HDR_LEN] = {0, flag, 0, 0};
      b->len = 0;
      if (flag == MSG_CONTINUE && pack_put(b, hdr, sizeof hdr)) {
        rc = fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "out of memory");
        flag = MSG_WORKER_FAILED;
      }
      for (int k = 0; flag == MSG_CONTINUE && k < n; k++) {
        size_t p = (size_t)chunk[k];
        const double t0_s = fb_wtime();
        int status = eval_point(model, state, grid, p, values, msg, FB_SCAN_MSG_MAX);
        busy_s += fb_wtime() - t0_s;
        points++;
        if (pack_point(b, p, status, values, nq, msg)) {
          rc = fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "out of memory packing results");
          flag = MSG_WORKER_FAILED;
          break;
        }
        hdr[0]++;
        if (fb_scan_stop_signal) flag = MSG_STOPPING; /* stop at this point boundary */
      }
      hdr[1] = flag;
      hdr[2] = (int64_t)(busy_s * 1e9);
      hdr[3] = points;
      if (b->len >= sizeof hdr) {
        memcpy(b->data, hdr, sizeof hdr);
        mrc = MPI_Isend(b->data, (int)b->len, MPI_BYTE, 0, TAG_REQUEST, comm, &sreq[slot]);
      } else { /* failed before packing anything: report the failure without points */
        memcpy(short_msg[slot], hdr, sizeof hdr);
        short_msg[slot][0] = 0;
        mrc = MPI_Isend(short_msg[slot], (int)sizeof hdr, MPI_BYTE, 0, TAG_REQUEST, comm, &sreq[slot]);
      }
      FB_TEST_GOTO(err, rc, mrc != MPI_SUCCESS, FB_ERR_MPI, done, "MPI_Isend of results failed");
    } else {
      /* the first requests carry no points */
      int64_t hdr[MSG_HDR_LEN] = {0, flag, 0, 0};
      memcpy(short_msg[n_sent], hdr, sizeof hdr);
      int mrc = MPI_Isend(short_msg[n_sent], (int)sizeof hdr, MPI_BYTE, 0, TAG_REQUEST, comm, &sreq[n_sent]);
      FB_TEST_GOTO(err, rc, mrc != MPI_SUCCESS, FB_ERR_MPI, done, "MPI_Isend of a request failed");
      slot = n_sent++;
    }
  }
done:
  MPI_Waitall(FB_SCAN_IN_FLIGHT, sreq, MPI_STATUSES_IGNORE);
  for (int i = 0; i < FB_SCAN_IN_FLIGHT; i++) free(buf[i].data);
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
  /* the parent directories are made here; failing to make them is an input error (exit 2) */
  fb_err dir_err;
  fb_err_clear(&dir_err);
  if (fb_mkdir_parents(opt->output_path, &dir_err) != FB_OK)
    FB_FAIL(err, FB_ERR_INPUT, "cannot write the output file '%s' ([run] output or -o): %s",
            opt->output_path, dir_err.msg);
  /* the directory takes a new file (created exclusively, as every checkpoint is) */
  char *tmp = NULL;
  int fd = -1;
  if (fb_tmp_create(opt->output_path, &tmp, &fd, &dir_err) != FB_OK)
    FB_FAIL(err, FB_ERR_INPUT, "cannot write the output file '%s' ([run] output or -o): %s",
            opt->output_path, dir_err.msg);
  close(fd);
  unlink(tmp);
  free(tmp);
  return FB_OK;
}

/* The slice of points this run covers: [*p_lo, *p_hi) (whole mass rows); checks the slice keys. */
static int slice_points(const fb_config *cfg, const fb_scan_options *opt, const fb_grid *grid,
                        size_t *p_lo, size_t *p_hi, fb_err *err) {
  if (opt->n_slices < 1 || (size_t)opt->n_slices > grid->n_mass)
    return fb_config_error_at(cfg, "run", "n_slices", "must be between 1 and grid.n_mass (a slice holds at least one mass)", err);
  if (opt->slice_index < 0 || opt->slice_index >= opt->n_slices)
    return fb_config_error_at(cfg, "run", "slice_index", "must be between 0 and run.n_slices - 1", err);
  const size_t n = (size_t)opt->n_slices, k = (size_t)opt->slice_index;
  *p_lo = k * grid->n_mass / n * grid->n_coupling;
  *p_hi = (k + 1) * grid->n_mass / n * grid->n_coupling;
  return FB_OK;
}

/* Rank 0: take the computed points of the files opt->merge_paths (same model, parameters and
 * grid, checked by fb_output_read) for the points still pending in res. A point computed in two
 * of those files is an input error (the slices of a job array must not overlap); points already
 * in res (from --resume) are kept. */
static int merge_inputs(fb_results *res, const fb_scan_options *opt, const fb_model_ops *model,
                        const fb_grid *grid, const fb_config *cfg, fb_err *err) {
  if (opt->n_merge_paths == 0) return FB_OK;
  size_t *origin = calloc(res->n_points ? res->n_points : 1, sizeof *origin); /* 1 + file index */
  FB_TEST(err, !origin, FB_ERR_MEMORY, "out of memory");
  int rc = FB_OK;
  for (size_t f = 0; rc == FB_OK && f < opt->n_merge_paths; f++) {
    fb_results in;
    rc = fb_results_init(&in, res->n_points, res->n_quantities, err);
    if (rc != FB_OK) break;
    rc = fb_output_read(opt->merge_paths[f], model, grid, cfg, &in, err);
    size_t taken = 0, kept = 0;
    for (size_t p = 0; rc == FB_OK && p < res->n_points; p++) {
      if (in.status[p] == FB_STATUS_PENDING) continue;
      if (origin[p]) {
        rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__,
                        "point (mass index %zu, coupling index %zu) is computed in both '%s' and '%s': "
                        "merged files must not overlap", p / grid->n_coupling, p % grid->n_coupling,
                        opt->merge_paths[origin[p] - 1], opt->merge_paths[f]);
        break;
      }
      origin[p] = f + 1;
      if (res->status[p] != FB_STATUS_PENDING) {
        kept++;
        continue;
      }
      res->status[p] = in.status[p];
      for (size_t q = 0; q < res->n_quantities; q++) res->values[q * res->n_points + p] = in.values[q * in.n_points + p];
      free(res->messages[p]);
      res->messages[p] = in.messages[p];
      in.messages[p] = NULL;
      taken++;
    }
    if (rc == FB_OK) FB_LOG_INF("merged %zu points from %s (%zu already in the output)", taken, opt->merge_paths[f], kept);
    fb_results_free(&in);
  }
  free(origin);
  if (rc != FB_OK) fb_err_push(err, rc, __func__, __LINE__, "--merge");
  return rc;
}

/* Rank 0: log the points and busy time of every rank in this invocation and the load balance. */
static void log_rank_timing(const coordinator *c, int size) {
  double sum_s = 0.0, max_s = 0.0;
  long n = 0;
  for (int r = 0; r < size; r++) {
    sum_s += c->busy_s[r];
    if (c->busy_s[r] > max_s) max_s = c->busy_s[r];
    n += c->points[r];
  }
  const double mean_s = sum_s / size;
  FB_LOG_INF("this invocation computed %ld points; busy time per rank (s in model eval): mean %.4g, max %.4g, max/mean %.4f",
             n, mean_s, max_s, mean_s > 0.0 ? max_s / mean_s : 1.0);
  for (int r = 0; r < size && size <= 16; r++)
    FB_LOG_DBG("rank %d: %ld points, busy %.4g s", r, c->points[r], c->busy_s[r]);
}

/* Rank 0: count the points of [p_lo, p_hi) by status and log the failed ones by error code. */
static void tally_points(const fb_results *res, size_t p_lo, size_t p_hi, fb_scan_tally *t) {
  memset(t, 0, sizeof *t);
  for (size_t p = p_lo; p < p_hi; p++) {
    const int st = res->status[p];
    t->n_points++;
    if (st == FB_OK) {
      t->n_ok++;
    } else if (st == FB_STATUS_PENDING) {
      t->n_pending++;
    } else {
      t->n_failed++;
      t->n_by_code[st > 0 && st < FB_SCAN_MAX_CODE ? st : FB_SCAN_MAX_CODE]++;
    }
  }
  if (t->n_failed == 0) return;
  char by[1024] = "";
  size_t len = 0;
  for (int k = 0; k <= FB_SCAN_MAX_CODE && len < sizeof by; k++)
    if (t->n_by_code[k])
      len += (size_t)snprintf(by + len, sizeof by - len, "%s%ld with status %d (%s)", len ? ", " : "",
                              t->n_by_code[k], k, fb_code_name(k));
  FB_LOG_WARNING("%ld of %ld points failed: %s; their messages are in /status_messages", t->n_failed, t->n_points, by);
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
  size_t p_lo = 0, p_hi = 0;
  int rc = fb_grid_init(&grid, cfg, err);
  if (rc == FB_OK) rc = slice_points(cfg, opt, &grid, &p_lo, &p_hi, err);
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
    if (rc == FB_OK) rc = merge_inputs(&c.res, opt, model, &grid, cfg, err);
    if (rc == FB_OK) {
      c.pending = malloc((c.res.n_points ? c.res.n_points : 1) * sizeof(size_t));
      c.busy_s = calloc((size_t)size, sizeof(double));
      c.points = calloc((size_t)size, sizeof(long));
      c.replies = calloc((size_t)size * FB_SCAN_IN_FLIGHT, sizeof(reply_slot));
      c.reply_next = calloc((size_t)size, sizeof(int));
      for (size_t k = 0; c.replies && k < (size_t)size * FB_SCAN_IN_FLIGHT; k++) c.replies[k].req = MPI_REQUEST_NULL;
      if (!c.pending || !c.busy_s || !c.points || !c.replies || !c.reply_next) rc = fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "out of memory");
    }
    if (rc == FB_OK) {
      for (size_t p = p_lo; p < p_hi; p++) {
        if (c.res.status[p] == FB_STATUS_PENDING) {
          if (opt->max_points > 0 && c.n_pending >= (size_t)opt->max_points) continue;
          c.pending[c.n_pending++] = p;
        }
      }
      c.n_done = fb_results_count_done(&c.res);
      c.comm_size = size;
      c.active_workers = (size - 1) * FB_SCAN_IN_FLIGHT; /* request streams still open */
      fb_progress_init(&c.progress, c.res.n_points, c.n_done, opt->progress_interval_s);
      c.t_checkpoint_s = fb_wtime();
      FB_LOG_INF("scan of %s: %zu x %zu points, %zu to compute now, %zu done before, %d rank%s",
                 model->name, grid.n_mass, grid.n_coupling, c.n_pending, c.n_done, size, size > 1 ? "s" : "");
      if (opt->n_slices > 1)
        FB_LOG_INF("slice %ld of %ld: mass indices %zu to %zu", opt->slice_index, opt->n_slices,
                   p_lo / grid.n_coupling, p_hi / grid.n_coupling - 1);
    }
  }
  int failed_here = rc != FB_OK, failed_anywhere = 0;
  MPI_Allreduce(&failed_here, &failed_anywhere, 1, MPI_INT, MPI_MAX, comm);
  if (failed_anywhere) {
    if (!failed_here) rc = fb_err_set(err, FB_ERR_MPI, __func__, __LINE__, "scan set-up " FB_SCAN_FAILED_ELSEWHERE);
    goto cleanup;
  }

  if (rank == 0) {
    rc = coordinator_run(&c, err);
    if (rc == FB_OK) {
      fb_progress_update(&c.progress, c.n_done, 1);
      /* every point done and a postprocess to run: first a checkpoint of the points alone, so that
       * a run killed during the post-processing (a signal, mpirun's SIGKILL) keeps every point and
       * --resume only post-processes */
      if (model->postprocess && fb_results_count_done(&c.res) == c.res.n_points && c.n_pending > 0) {
        fb_err cerr;
        fb_err_clear(&cerr);
        if (coordinator_checkpoint_ex(&c, 1, &cerr) != FB_OK) {
          char msg[FB_ERR_MSG_LEN];
          fb_err_user_message(&cerr, 0, msg, sizeof msg);
          FB_LOG_ERR("checkpoint before the post-processing failed (the final write tries again): %s", msg);
        }
      }
      /* the postprocess's per-mass values, spread over the ranks (the workers wait for this call below) */
      per_mass_phase(comm, model, state, &grid, model->postprocess && fb_results_count_done(&c.res) == c.res.n_points,
                     &c.per_mass, &c.n_per_mass);
      rc = coordinator_checkpoint(&c, err);
      if (rc != FB_OK) coordinator_rescue(&c);
      if (rc == FB_OK && c.worker_failed)
        rc = fb_err_set(err, FB_ERR_MPI, __func__, __LINE__,
                        "a worker rank failed; the points done are in %s (continue with --resume)", opt->output_path);
    } else {
      /* keep what was computed before the failure */
      fb_err saved = *err;
      fb_err tmp;
      fb_err_clear(&tmp);
      coordinator_drain(&c);
      per_mass_phase(comm, model, state, &grid, 0, &c.per_mass, &c.n_per_mass); /* the workers' matching call */
      if (coordinator_checkpoint(&c, &tmp) == FB_OK)
        FB_LOG_ERR("scan failed; completed points saved to %s", opt->output_path);
      else
        coordinator_rescue(&c);
      *err = saved;
    }
    log_rank_timing(&c, size);
    fb_scan_tally tally;
    tally_points(&c.res, p_lo, p_hi, &tally);
    if (info->tally) *info->tally = tally;
    /* complete when every point of this run's slice (the whole grid without slices) is done */
    for (size_t p = p_lo; p < p_hi && !*interrupted; p++) *interrupted = c.res.status[p] == FB_STATUS_PENDING;
  } else {
    rc = worker_run(comm, model, state, &grid, err);
    double *pm = NULL;
    size_t npm = 0;
    per_mass_phase(comm, model, state, &grid, 0, &pm, &npm); /* rank 0 decides; nothing is gathered here */
    free(pm);
  }
  /* every rank learns whether the run is complete and whether any rank failed */
  int flags[2] = {*interrupted, rc != FB_OK}, all[2];
  MPI_Allreduce(flags, all, 2, MPI_INT, MPI_MAX, comm);
  *interrupted = all[0];
  if (rc == FB_OK && all[1]) rc = fb_err_set(err, FB_ERR_MPI, __func__, __LINE__, "the scan " FB_SCAN_FAILED_ELSEWHERE);
cleanup:
  signals_restore(&guard);
  if (rank == 0) {
    fb_results_free(&c.res);
    free(c.pending);
    free(c.recv_buf);
    free(c.busy_s);
    free(c.points);
    for (size_t k = 0; c.replies && k < (size_t)size * FB_SCAN_IN_FLIGHT; k++) {
      MPI_Wait(&c.replies[k].req, MPI_STATUS_IGNORE); /* every reply was received by its worker */
      free(c.replies[k].data);
    }
    free(c.replies);
    free(c.reply_next);
    free(c.per_mass);
  }
  if (model_ready) model->free(state);
  fb_grid_free(&grid);
  return rc;
}

int fb_scan_failed_elsewhere(const fb_err *err) {
  return err && err->code == FB_ERR_MPI && strstr(err->msg, FB_SCAN_FAILED_ELSEWHERE) != NULL;
}
