/**
 * @file fb_scan.h
 * @brief Parameter scans of a model over its (mass, coupling) plane, distributed over MPI ranks,
 *        checkpointed to one self-describing HDF5 file, resumable.
 *
 * Call order: fb_grid_init (from the [grid] input keys) -> fb_scan_run (collective over comm) ->
 * fb_grid_free. Point p = i_mass * n_coupling + i_coupling (row-major, mass-major), the layout of
 * every [n_mass][n_coupling] dataset in the output.
 *
 * Work distribution: rank 0 hands out chunks of pending points on request and computes chunks
 * itself between requests (see docs/architecture.md). Results are independent of the number of
 * ranks because each point depends only on (mass, coupling).
 */
#ifndef FB_SCAN_H
#define FB_SCAN_H

#include <mpi.h>
#include <stddef.h>

#include "fb_config.h"
#include "fb_error.h"
#include "fb_model.h"

/** Status value of a point not yet computed (in /status). Computed points hold 0 or an fb code. */
#define FB_STATUS_PENDING (-1)

/** Largest number of points per work unit ([run] chunk_size). */
#define FB_SCAN_CHUNK_MAX 4096

/** Exit status of `fipbounds run` when it stopped early (signal or max_points) after writing a
 *  resumable checkpoint. 0 = complete, 1 = failure, 2 = bad input or usage, 4 = FB_EXIT_NO_RESULT. */
#define FB_EXIT_INTERRUPTED 3

/** Exit status of `fipbounds run` when every point of the run has a final status but none
 *  succeeded (all failed: the file is written, /status and /status_messages say why). */
#define FB_EXIT_NO_RESULT 4

/** Largest fipbounds error code counted separately in fb_scan_tally. */
#define FB_SCAN_MAX_CODE 15

/** The points of a run (its slice) by status, after fb_scan_run (rank 0). */
typedef struct fb_scan_tally {
  long n_points;                            /**< points of this run's slice */
  long n_ok;                                /**< status 0 */
  long n_pending;                           /**< not computed (interrupted) */
  long n_failed;                            /**< status > 0 */
  long n_by_code[FB_SCAN_MAX_CODE + 1];     /**< failed points by fipbounds error code (larger codes: last) */
} fb_scan_tally;

/** Input keys of the [run], [model] and [grid] sections. */
extern const fb_key_spec fb_scan_keys[];
extern const size_t fb_scan_n_keys;

/** The full input schema of `fipbounds run` (scan keys and every model's keys), as the table
 *  list fb_config_init takes. Static storage; not thread-safe on first call. */
int fb_input_schema(const fb_key_spec *const **tables, const size_t **counts, size_t *n_tables);

typedef struct fb_grid {
  size_t n_mass, n_coupling;
  double *mass;      /**< [n_mass], model mass units (GeV) */
  double *coupling;  /**< [n_coupling] */
  int mass_log;      /**< 1 if the mass axis is log-spaced */
  int coupling_log;  /**< 1 if the coupling axis is log-spaced */
} fb_grid;

/** Build the grid from [grid]; cross-checks min < max. Not collective. */
int fb_grid_init(fb_grid *grid, const fb_config *cfg, fb_err *err);
void fb_grid_free(fb_grid *grid);

/** Per-point results of a scan, held in full by rank 0. */
typedef struct fb_results {
  size_t n_points, n_quantities;
  double *values;   /**< [n_quantities][n_points]; NaN where not computed or failed */
  int *status;      /**< [n_points]: FB_STATUS_PENDING, FB_OK or an fb error code */
  char **messages;  /**< [n_points]: error message chain of failed points, else NULL */
} fb_results;

int fb_results_init(fb_results *r, size_t n_points, size_t n_quantities, fb_err *err);
void fb_results_free(fb_results *r);
size_t fb_results_count_done(const fb_results *r);

/** Run-level information written to /code and /input. */
typedef struct fb_run_info {
  const char *input_path;     /**< input file name as given */
  const char *overrides;      /**< the --set arguments, newline separated ("" if none) */
  int mpi_size;
  double wall_time_s;         /**< seconds spent in this invocation (written to /code) */
  /** Per-rank timing of this invocation, [mpi_size] each, written to /timing when not NULL:
   *  seconds spent in the model's eval and points computed, by rank. */
  const double *rank_busy_s;
  const long *rank_points;
  /** Out, when not NULL: filled on rank 0 by fb_scan_run with the points of the run by status
   *  (also after a failure, with what was computed). */
  fb_scan_tally *tally;
  /** 1: fb_output_write does not call the model's postprocess even when every point is done (the
   *  checkpoint written before the post-processing, so that a run killed during it keeps every
   *  point); such a file has complete = 0 and --resume only post-processes it. */
  int skip_postprocess;
  /** The model's per-mass values for its postprocess ([n_mass][n_per_mass], fb_model.h), NULL if not computed. */
  const double *per_mass;
  size_t n_per_mass;
} fb_run_info;

typedef struct fb_scan_options {
  const char *output_path;
  int resume;                 /**< continue the points missing in output_path */
  int overwrite;              /**< replace an existing output_path (otherwise an input error) */
  size_t chunk_size;          /**< points per work unit (the smallest one with chunk_guided) */
  /** 1: guided self-scheduling: a worker gets max(chunk_size, remaining / (2 x ranks)) points,
   *  at most FB_SCAN_CHUNK_MAX (large chunks early, chunk_size at the end); 0: chunk_size. */
  int chunk_guided;
  /** 1: mass rows: a chunk is the rest of one mass row (the pending points of one mass, at most FB_SCAN_CHUNK_MAX),
   *  so that one rank computes each mass and a model's per-mass set-up (tables, kernels) is built once per scan
   *  instead of once per rank; the last 2 x ranks rows go in chunks of chunk_size (short tail). */
  int chunk_rows;
  double checkpoint_interval_s;
  double progress_interval_s;
  long max_points;            /**< compute at most this many new points (0 = no limit) */
  /** Mass-index slice for job arrays: compute only the mass indices
   *  [slice_index * n_mass / n_slices, (slice_index + 1) * n_mass / n_slices). 1 and 0: all. */
  long n_slices, slice_index;
  /** Files of earlier runs of the same model and grid (e.g. the slices of a job array) whose
   *  computed points are taken instead of being computed. A point computed in two of them is an
   *  input error; points already in the output with --resume are kept. */
  const char *const *merge_paths;
  size_t n_merge_paths;
} fb_scan_options;

/** Read the [run] options from the input (output_path from [run] output unless overridden). */
void fb_scan_options_from_config(fb_scan_options *opt, const fb_config *cfg);

/**
 * Run a scan. Collective over comm. On return *interrupted is 1 on every rank if the run stopped
 * early (SIGTERM/SIGUSR1 or max_points) after writing a resumable file, else 0; with a slice
 * (n_slices > 1) "complete" means every point of the slice is done.
 * Rank 0 logs each rank's busy time (seconds in the model's eval) and writes it to /timing.
 * Per-point failures are recorded in the output and do not make this function fail.
 */
int fb_scan_run(MPI_Comm comm, const fb_config *cfg, const fb_model_ops *model,
                const fb_scan_options *opt, const fb_run_info *info, int *interrupted, fb_err *err);

/** The words of the error a rank records when fb_scan_run failed because of another rank's
 *  failure (that rank reports the cause). */
#define FB_SCAN_FAILED_ELSEWHERE "failed on another rank"

/** 1 if err is such a consequence of another rank's failure (not a cause of its own). */
int fb_scan_failed_elsewhere(const fb_err *err);

/** Write the whole output file (atomically: built in memory, written to an exclusively created
 *  path.tmp.XXXXXX, synced, renamed; on failure the previous file is untouched). Rank 0 only. When every
 *  point is done and the model has a postprocess hook, it is called with the open file. */
int fb_output_write(const char *path, const fb_config *cfg, const fb_model_ops *model,
                    void *model_state, const fb_grid *grid, const fb_results *res,
                    const fb_run_info *info, fb_err *err);

/** Read the results of an earlier run of the same model, model parameters and grid (for
 *  --resume); anything else is an FB_ERR_INPUT naming what differs. Rank 0 only. */
int fb_output_read(const char *path, const fb_model_ops *model, const fb_grid *grid,
                   const fb_config *cfg, fb_results *res, fb_err *err);

#endif /* FB_SCAN_H */
