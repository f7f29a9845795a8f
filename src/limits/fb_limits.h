/**
 * @file fb_limits.h
 * @brief Accelerator (and other external) limits: the project's limit-file format, importers of
 *        the public collections, rasterisation onto a scan grid, the merge into a scan file
 *        (/limits, /combined) and marching-squares contours. Format: docs/limits-format.md.
 *
 * Call order:
 *   fb_limit_init(&lim); fb_limit_read(&lim, path, err)   (or fb_limit_import(&lim, format, ...))
 *   fb_limit_validate(&lim, err); fb_limit_write(&lim, path, err)
 *   fb_limit_rasterise(&lim, &axes, mask, err)            mask[n_mass * n_coupling], uint8
 *   fb_limit_free(&lim)
 *   fb_limits_merge_file(scan.h5, dir, &opt, err)         everything above for every *.limit in dir
 *
 * Units: limits are stored with x = a mass in the unit named in the file (converted to GeV by
 * merge: eV, keV, MeV, GeV, TeV) and y = a coupling in the convention named in the file (epsilon,
 * epsilon2, U2, U, g_agamma with GeV^-1/TeV^-1/MeV^-1, ...), converted to the scan's coupling
 * axis by merge (fb_limit_coupling_convert). Not collective; no MPI. Library code never exits.
 */
#ifndef FB_LIMITS_H
#define FB_LIMITS_H

#include <stddef.h>
#include <stdint.h>

#include "fb_config.h"
#include "fb_error.h"

/** Shape of the excluded region that the points describe. */
typedef enum {
  FB_LIMIT_CLOSED = 0,      /**< closed boundary (polygon) of the excluded region; one or more */
  FB_LIMIT_UPPER_BOUND = 1, /**< curve y(x): couplings at or above it are excluded */
  FB_LIMIT_EDGES = 2        /**< lower and upper edges y_lo(x) <= y <= y_hi(x) are excluded */
} fb_limit_kind;

#define FB_LIMIT_TEXT 512
#define FB_LIMIT_LONGTEXT 2048

/** One limit: metadata and the points of one or more segments (polygons or curve pieces). */
typedef struct fb_limit {
  char experiment[FB_LIMIT_TEXT];   /**< name, also the HDF5 group name: [A-Za-z0-9_.+-] */
  char reference[FB_LIMIT_TEXT];    /**< arXiv id or DOI (or INSPIRE key) of the result */
  char benchmark[FB_LIMIT_TEXT];    /**< BC1 ... BC11 */
  char x_quantity[FB_LIMIT_TEXT];   /**< e.g. m_Aprime */
  char x_unit[FB_LIMIT_TEXT];       /**< eV|keV|MeV|GeV|TeV */
  char y_quantity[FB_LIMIT_TEXT];   /**< e.g. epsilon, epsilon2, U2, g_agamma (fb_limit_coupling_convert) */
  char y_unit[FB_LIMIT_TEXT];       /**< "" for dimensionless, GeV^-1 ... for g_agamma */
  double cl_percent;                /**< confidence level, e.g. 90 or 95 */
  fb_limit_kind kind;
  char provenance[FB_LIMIT_LONGTEXT]; /**< where the numbers come from (collection, file, conversions) */
  char licence[FB_LIMIT_TEXT];      /**< licence of the numbers */
  char notes[FB_LIMIT_LONGTEXT];    /**< optional free text ("" if none) */
  char assumptions[FB_LIMIT_LONGTEXT]; /**< model assumptions "key=value; ...": decay (visible|invisible),
                                         dark_matter (none|fip|chi), alpha_D, mass_ratio (m_A'/m_chi);
                                         "" = not stated (fb_limit_assumptions_check) */
  size_t n_points;
  double *x;                        /**< [n_points] */
  double *y;                        /**< [n_points]; the curve (UPPER_BOUND), the lower edge (EDGES) */
  double *y_hi;                     /**< [n_points] upper edge for EDGES, NULL otherwise */
  size_t n_segments;
  size_t *seg_start;                /**< [n_segments + 1]: segment s holds points seg_start[s] .. seg_start[s+1]-1 */
  size_t cap;                       /**< allocated points */
} fb_limit;

void fb_limit_init(fb_limit *lim);
void fb_limit_free(fb_limit *lim);

/** Append a point to the current segment (y_hi ignored unless kind == EDGES). */
int fb_limit_add_point(fb_limit *lim, double x, double y, double y_hi, fb_err *err);
/** Start a new segment (a no-op when the current one is empty). */
int fb_limit_new_segment(fb_limit *lim, fb_err *err);

const char *fb_limit_kind_name(fb_limit_kind kind);
/** "closed" | "upper_bound" | "edges" -> kind; FB_ERR_INPUT otherwise. */
int fb_limit_kind_parse(const char *name, fb_limit_kind *kind, fb_err *err);

/**
 * Check a limit: metadata present (experiment name usable as an HDF5 group, reference,
 * benchmark BC1..BC11, units known, 0 < CL < 100); every value finite and > 0 (limits live on log
 * axes); UPPER_BOUND/EDGES: x non-decreasing within a segment, y_lo <= y_hi; CLOSED: >= 3 distinct
 * points per polygon and no two edges crossing (touching at a vertex or along a common line is
 * allowed: FORESEE closes regions along y = 1e5); messages give the two crossing edges. `source`
 * names the file in messages. Errors: FB_ERR_INPUT.
 */
int fb_limit_validate(const fb_limit *lim, const char *source, fb_err *err);

/** 1..11 for "BC1".."BC11" exactly (no sign, blanks or trailing characters), 0 otherwise. */
int fb_limit_benchmark_number(const char *benchmark);

/**
 * Check the syntax of an assumptions string: "key=value" pairs separated by ';' (blanks around
 * them ignored), keys of letters, digits and '_', each at most once, values non-empty without
 * ';' or '='. Errors: FB_ERR_INPUT naming the pair.
 */
int fb_limit_assumptions_parse_check(const char *assumptions, const char *source, fb_err *err);

/**
 * Whether a limit's assumptions fit a plane's: for every key present in both, the limit's value
 * must be one of the plane's values ('|'-separated alternatives, e.g. "dark_matter=none|chi");
 * numbers (alpha_D, mass_ratio) are compared with a relative tolerance of 1e-6. Keys present on one
 * side only are not constrained. Returns 1 when they fit; otherwise 0 and, when key_out is not
 * NULL, the first conflicting key and both values in key_out ("dark_matter: limit fip, plane none").
 */
int fb_limit_assumptions_fit(const char *limit_assumptions, const char *plane_assumptions, char *key_out,
                             size_t key_cap);

/**
 * The assumptions of a scan plane (what a limit merged onto it may assume): BC1 "decay=visible;
 * dark_matter=none" (minimal dark photon), BC2 "decay=invisible; dark_matter=none|chi" plus
 * "alpha_D=..; mass_ratio=.." when alpha_D > 0 and mass_ratio > 0 are given (the model's input),
 * and "elastic_scattering=yes" (spin scalar, dirac) or "=no" (majorana, pseudodirac) when spin is given,
 * every other benchmark "dark_matter=none". Writes "" for an unknown benchmark.
 */
void fb_limit_plane_assumptions(const char *benchmark, double alpha_D, double mass_ratio, const char *spin,
                                char *out, size_t cap);

/**
 * Repair self-intersecting polygons of a CLOSED limit (digitised curves that cross themselves):
 * every polygon is split at its first crossing into two loops, recursively, until no loop
 * crosses itself; the excluded region is the union of the loops (docs/limits-format.md
 * "Self-intersecting boundaries"). Loops with fewer than 3 distinct points are dropped.
 * *n_crossings gets the number of crossings removed (0: nothing changed). Errors: FB_ERR_MEMORY,
 * FB_ERR_INPUT (more than 10000 crossings).
 */
int fb_limit_repair_polygons(fb_limit *lim, size_t *n_crossings, fb_err *err);

/** Read a limit file in the project's format (docs/limits-format.md) and validate it.
 *  Errors: FB_ERR_IO, FB_ERR_INPUT (path:line: what), FB_ERR_MEMORY. */
int fb_limit_read(fb_limit *lim, const char *path, fb_err *err);

/** Write a validated limit in the project's format. Errors: FB_ERR_INPUT, FB_ERR_IO. */
int fb_limit_write(const fb_limit *lim, const char *path, fb_err *err);

/** Factor to GeV of a mass unit ("eV", "keV", "MeV", "GeV", "TeV"); FB_ERR_INPUT otherwise. */
int fb_limit_mass_unit_to_GeV(const char *unit, double *factor, fb_err *err);

/**
 * Conversion of a coupling given as (quantity, unit) to (target_quantity, target_unit):
 * target = (factor * value)^power. Known families (same physical coupling):
 *   epsilon | epsilon2 (= epsilon^2);  U | U2 (= |U|^2) and Ue2/Umu2/Utau2 aliases of U2 per flavour;
 *   theta | sin_theta | sin2_theta (theta = sin theta to O(theta^3), fine for theta < 0.1);
 *   g_agamma, g_aW, g_ag, inv_fa (units GeV^-1, TeV^-1, MeV^-1).
 * Errors: FB_ERR_INPUT when the two are not the same coupling or a unit is unknown.
 */
int fb_limit_coupling_convert(const char *quantity, const char *unit, const char *target_quantity,
                              const char *target_unit, double *factor, double *power, fb_err *err);

/* ------------------------------------------------------------------ importers */

/** Options of `fipbounds limits import`; NULL/0 fields take the format's defaults. */
typedef struct fb_import_options {
  const char *experiment; /**< override of the experiment name */
  const char *reference;  /**< override of the reference */
  const char *benchmark;  /**< e.g. BC6 */
  const char *x_unit;     /**< mass unit of the source file (hnlimits, axionlimits) */
  const char *y_quantity; /**< coupling convention of the source file (e.g. U2, U, epsilon2) */
  const char *y_unit;     /**< unit of the coupling (g in GeV^-1 / TeV^-1) */
  const char *kind;       /**< closed | upper_bound | edges */
  double cl_percent;      /**< 0: format default */
  int allow_projection;   /**< 1: import projected sensitivities too (darkmatterlive curveType
                               projection; marked in notes); 0: they are refused */
  int allow_dark_matter;  /**< 1: import darkmatterlive curves whose sidecar assumes the dark photon is
                               the dark matter (assumption dark_matter=fip; merge refuses them on BC1);
                               0: they are skipped (fb_limit_import_skip) */
  const char *decay;      /**< darkcast: "visible" | "invisible" overrides what the file name implies */
  const char *units_table;/**< hnlimits: a units table in the project's format (tools/hnl_units_table.py) */
  int no_repair;          /**< 1: refuse self-intersecting closed curves instead of repairing them */
  const char *assumptions;/**< override of the model assumptions ("key=value; ...", fb_limit.assumptions) */
  double fill_to;         /**< axionlimits: > 0 closes the curve through this coupling (source units), the
                               region AxionLimits draws with fill_between(m, g, y2=fill_to); 0: the
                               points are the closed boundary as given (matplotlib fill) */
} fb_import_options;

/** Formats: "foresee", "darkcast", "axionlimits", "hnlimits", "darkmatterlive". */
extern const char *const fb_limit_formats[];
extern const size_t fb_limit_n_formats;

/**
 * Import one file of a public collection into `lim` (validated; couplings converted to the
 * canonical convention of the benchmark: epsilon, theta, g_agamma in GeV^-1, U2; masses in GeV).
 * Errors: FB_ERR_INPUT (unknown format, malformed file: path:line and what), FB_ERR_IO.
 */
int fb_limit_import(fb_limit *lim, const char *format, const char *path, const fb_import_options *opt,
                    fb_err *err);

/**
 * Whether a file of a collection is to be skipped rather than imported, with the reason in
 * reason[cap] (reason[0] == '\0' when it is to be imported): a darkcast search of the other decay
 * mode than the plane asked for (invisible ones belong to BC2: --benchmark BC2 imports them), a
 * darkmatterlive curve that assumes the dark photon is the dark matter (unless allow_dark_matter),
 * a Heavy-Neutrino-Limits upper edge (X_top.dat or a units-table "top" entry) that is imported with
 * its lower edge. fb_limit_import refuses such files with the same reason. Errors: FB_ERR_INPUT,
 * FB_ERR_IO (a units table or sidecar that cannot be read).
 */
int fb_limit_import_skip(const char *format, const char *path, const fb_import_options *opt, char *reason,
                         size_t cap, fb_err *err);

/**
 * The files of a Heavy-Neutrino-Limits units table (docs/limits-format.md), relative to the
 * collection's data directory, in the table's order, without the upper edges that are imported with
 * their lower edge (entries with top_of). *paths is malloc'd (free each and the array).
 * Errors: FB_ERR_IO, FB_ERR_INPUT (malformed table: path:line), FB_ERR_MEMORY.
 */
int fb_limit_units_table_files(const char *table, char ***paths, size_t *n, fb_err *err);

/* ------------------------------------------------------------------ rasterisation */

/** The scan plane as seen by the rasteriser (mass in GeV). */
typedef struct fb_limit_axes {
  size_t n_mass, n_coupling;
  const double *mass_GeV;    /**< [n_mass], increasing */
  const double *coupling;    /**< [n_coupling], increasing, in the convention coupling_name */
  int mass_log, coupling_log;/**< 1: the axis is log-spaced; geometry is done in log10 */
  const char *coupling_name; /**< e.g. epsilon */
  const char *coupling_unit; /**< "" or GeV^-1 */
  double alpha_D;            /**< BC2 plane (coupling y): the scan's alpha_D (/input/<model>/alpha_D); 0 = unknown */
  double mass_ratio;         /**< BC2 plane: the scan's m_A'/m_chi (/input/<model>/ratio); 0 = unknown */
} fb_limit_axes;

/** How the points of a limit land on a scan plane: x_plane [GeV] = x_factor * x,
 *  y_plane = (y_factor * y)^y_power. */
typedef struct fb_limit_plane_map {
  double x_factor, y_factor, y_power;
  int bc2_from_epsilon; /**< 1: an epsilon limit at m_A' converted to (m_chi, y) (docs/limits-format.md) */
  /** BC2 from a direct-detection cross section (sigma_e, sigma_p in cm^2 at m_chi): y = sigma K(m_chi)
   *  instead of (y_factor y)^y_power; 0 when not such a limit */
  double dd_target_mass_GeV; /**< m_e or m_p */
  double dd_q_ref_GeV;       /**< reference momentum of the cross section (alpha m_e for DM-electron; 0) */
  double dd_mass_ratio;      /**< the plane's m_A'/m_chi */
} fb_limit_plane_map;

/** One point of a limit (x in its unit, y in its convention) on the plane: *X in GeV, *Y the plane's
 *  coupling (fb_limit_plane_map_get). */
void fb_limit_plane_map_apply(const fb_limit_plane_map *map, double x, double y, double *X, double *Y);

/**
 * The map of a limit onto the plane (coupling_name, coupling_unit). Masses: the limit's unit to GeV.
 * Couplings: fb_limit_coupling_convert, except onto the BC2 plane (coupling y) from an epsilon-family
 * limit (epsilon, epsilon2) of an invisible dark-photon search: m_chi = m_A'/R and
 * y = alpha_D eps^2 / R^4 with R = mass_ratio = m_A'/m_chi (PBC arXiv:1901.09966, BC2; Izaguirre et al.
 * arXiv:1505.00011). That conversion needs alpha_D > 0 and mass_ratio > 0 (else FB_ERR_INPUT, unless
 * check_only, which checks everything but the numbers and leaves the factors NaN), a limit that states
 * decay=invisible, x_quantity m_Aprime, and, when the limit states alpha_D or mass_ratio, the same
 * values (1e-6 relative). Direct-detection limits (y_quantity sigma_e or sigma_p in cm^2, x_quantity
 * m_chi) land on the BC2 plane through y = sigma (m_A'^2 + q_ref^2)^2 / (16 pi alpha mu^2 R^4), the
 * heavy-mediator cross section of Essig, Mardon, Volansky arXiv:1108.5383 eq. (4) with
 * alpha_D eps^2 = y R^4 (needs mass_ratio > 0; alpha_D drops out).
 * Errors: FB_ERR_INPUT naming the limit and what does not fit.
 */
int fb_limit_plane_map_get(const fb_limit *lim, const char *coupling_name, const char *coupling_unit, double alpha_D,
                           double mass_ratio, int check_only, fb_limit_plane_map *map, fb_err *err);

/**
 * Set mask[i_mass * n_coupling + i_coupling] = 1 where the grid point lies in the excluded region
 * (grid point = cell centre rule; see docs/limits-format.md "Rasterisation"), 0 elsewhere. The
 * geometry is done in (log10 m, log10 y) when the axes are log-spaced, as the region is drawn on
 * log-log plots. Converts units and conventions first. Errors: FB_ERR_INPUT (incompatible
 * coupling), FB_ERR_MEMORY.
 */
int fb_limit_rasterise(const fb_limit *lim, const fb_limit_axes *axes, uint8_t *mask, fb_err *err);

/* ------------------------------------------------------------------ contours */

/** Polylines of a contour: points in axis units; polyline k is pts[start[k] .. start[k+1]-1],
 *  closed ones repeat their first point at the end. */
typedef struct fb_contour {
  size_t n_points, n_lines, cap_points, cap_lines;
  double *x, *y;
  size_t *start; /**< [n_lines + 1] */
} fb_contour;

void fb_contour_init(fb_contour *c);
void fb_contour_free(fb_contour *c);

/** Marching squares at level 1/2 on a 0/1 mask over the axes (outside the grid counts as 0,
 *  so every curve is closed; vertices on cell edges at the midpoint in log10 where the axis is
 *  log). Errors: FB_ERR_MEMORY. */
int fb_contour_mask(const uint8_t *mask, const fb_limit_axes *axes, fb_contour *c, fb_err *err);

/** Write each polyline to DIR/<name>_<k>.txt (two columns, AxionLimits style, '#' header lines).
 *  Returns the number of files in *n_files. Errors: FB_ERR_IO. */
int fb_contour_write_txt(const fb_contour *c, const char *dir, const char *name, const char *header,
                         size_t *n_files, fb_err *err);

/* ------------------------------------------------------------------ merge into a scan file */

typedef struct fb_merge_options {
  const char *contour_dir; /**< if not NULL: also write two-column contour files there */
  int verbose;             /**< 1: one log line per limit */
} fb_merge_options;

/** Summary of a merge (for messages and tests). */
typedef struct fb_merge_summary {
  size_t n_limits;   /**< limits merged */
  size_t n_bounds;   /**< computed /bounds/<name>/excluded masks found */
  size_t n_sources;  /**< bits used in /combined/excluded_by */
  size_t n_excluded; /**< grid points excluded by at least one source */
} fb_merge_summary;

/** Read and validate every *.limit file of dir (as the merge will) and, when benchmark is not
 *  NULL, check that each limit belongs to it and that its coupling converts to coupling_name
 *  (unit coupling_unit), so that `run` can reject a bad [limits] dir before the scan.
 *  *n_files gets the count. Errors: FB_ERR_IO, FB_ERR_INPUT. */
int fb_limits_check_dir(const char *dir, const char *benchmark, const char *coupling_name,
                        const char *coupling_unit, size_t *n_files, fb_err *err);

/** Largest number of sources (limits + computed bounds) in /combined/excluded_by (bits of uint64). */
#define FB_MERGE_MAX_SOURCES 64

/**
 * Add every `*.limit` file of `limit_dir` (sorted by name; none is allowed; limit_dir NULL = no
 * limits: only /combined is rebuilt from /bounds, /limits is then empty) to the scan file
 * `scan_path` (opened read-write, must be a complete scan): /limits/<experiment>/excluded,
 * /limits/<experiment>/contour, /limits/accelerator_excluded, and /combined/ with every
 * /bounds/<name>/excluded present (found by listing /bounds, no name is hard-coded), the union
 * and the per-point bit field. An earlier /limits or /combined is replaced. Rank 0 only; not
 * collective. Errors: FB_ERR_IO, FB_ERR_INPUT (a limit file, a mismatched benchmark or
 * coupling), FB_ERR_HDF5, FB_ERR_RANGE (more than FB_MERGE_MAX_SOURCES sources), FB_ERR_MEMORY.
 */
int fb_limits_merge_file(const char *scan_path, const char *limit_dir, const fb_merge_options *opt,
                         fb_merge_summary *summary, fb_err *err);

/**
 * Copy every /bounds/<name> of the complete scan files other_paths[0..n_other-1] into the complete
 * scan file scan_path (replacing an object of the same name), with the string attributes
 * copied_from_file, copied_from_git_hash (/code git_hash) and copied_from_model of the source.
 * Every source is checked before scan_path is modified: complete, the same benchmark, at least one
 * /bounds/<name>, and a grid that is identical or describes the same plane (mass unit, coupling
 * and its unit; old coupling names are aliases) and overlaps. A source on another grid has its
 * `excluded` mask resampled onto scan_path's grid (nearest source point, in log10 on log axes; 0
 * outside the source grid), its other arrays of the source grid's shape dropped, and the method in
 * the attributes resampled_from_grid, resampling, resampling_dropped (docs/limits-format.md).
 * *n_copied gets the number of objects copied. Does not touch /combined: call
 * fb_limits_merge_file afterwards (fb_limits_merge does both atomically). Not collective.
 * Errors: FB_ERR_IO (missing file), FB_ERR_INPUT (incomplete, other benchmark, another plane or no
 * overlap: the message names both; no bounds), FB_ERR_HDF5, FB_ERR_MEMORY.
 */
int fb_limits_copy_bounds(const char *scan_path, const char *const *other_paths, size_t n_other, size_t *n_copied,
                          fb_err *err);

/**
 * `fipbounds merge`, atomically: check every source first (the --bounds files as
 * fb_limits_copy_bounds does, every limit file of limit_dir as fb_limits_merge_file does, with the
 * plane's benchmark, coupling and assumptions), then copy scan_path to a new temporary file in its
 * directory (created exclusively), apply fb_limits_copy_bounds and fb_limits_merge_file to the copy,
 * flush it and rename it over scan_path. On any failure the temporary file is removed and scan_path
 * is left untouched. limit_dir may be NULL when n_other > 0. Not collective. Errors: as the two
 * functions, FB_ERR_IO (the copy or the rename).
 */
int fb_limits_merge(const char *scan_path, const char *limit_dir, const char *const *other_paths, size_t n_other,
                    const fb_merge_options *opt, fb_merge_summary *summary, size_t *n_copied, fb_err *err);

/** Directory of tools/plot_summary.py: $FIPBOUNDS_TOOLS_DIR if set, else the source tree's tools/. */
const char *fb_limits_tools_dir(void);

/** Input keys of the [limits] section (registered in src/scan/fb_schema.c). */
extern const fb_key_spec fb_limits_keys[];
extern const size_t fb_limits_n_keys;

#endif /* FB_LIMITS_H */
