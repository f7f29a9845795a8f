/**
 * @file fb_limits_internal.h
 * @brief Helpers shared by the files of src/limits (not part of the public interface).
 */
#ifndef FB_LIMITS_INTERNAL_H
#define FB_LIMITS_INTERNAL_H

#include <stddef.h>
#include <stdio.h>

#include "fb_limits.h"

/** 1 if the segments ab and cd cross at a point interior to both; with proper_only = 0 also when
 *  they merely touch or overlap collinearly. */
int fb_limit_segments_intersect(double ax, double ay, double bx, double by, double cx, double cy, double dx,
                                double dy, int proper_only);

/** Polygon s of lim in (log10 x, log10 y), consecutive duplicates and the closing repeat removed.
 *  Returns the vertex count; *px and *py are malloc'd (NULL on allocation failure). */
size_t fb_limit_polygon_log(const fb_limit *lim, size_t s, double **px, double **py);

/** The value of key in an assumptions string into val[cap]; 1 when present, 0 (val "") otherwise. */
int fb_limit_assumption_get(const char *assumptions, const char *key, char *val, size_t cap);

/** Parse up to max numbers separated by blanks or commas. 0 ok (*n_out set), -1 more than max
 *  numbers, -2 something that is not a number. */
int fb_limit_parse_numbers(const char *line, double *v, int max, int *n_out);

/**
 * Line reader for the text inputs (limit files, collection files, sidecars, units tables): lines
 * of any length (getline), a NUL byte refused with file, line and byte offset, a UTF-8 byte-order
 * mark at the start of the file skipped. Usage: open; while ((rc = next(...)) == 1) use r.line;
 * rc < 0 is the error -code (err set); close.
 */
typedef struct fb_line_reader {
  FILE *f;
  const char *path;
  char *line;       /**< the current line, NUL-terminated, with its newline */
  size_t cap;
  size_t len;       /**< its length */
  long long offset; /**< byte offset of the current line's start in the file */
  int lineno;
} fb_line_reader;

int fb_line_open(fb_line_reader *r, const char *path, fb_err *err);
/** 1: a line was read; 0: end of file; < 0: minus the error code (FB_ERR_INPUT for a NUL byte, FB_ERR_IO). */
int fb_line_next(fb_line_reader *r, fb_err *err);
void fb_line_close(fb_line_reader *r);

/** Read a whole text file (at most max_bytes) into a malloc'd NUL-terminated string; a NUL byte,
 *  a larger file or a read error are refused. Errors: FB_ERR_IO, FB_ERR_INPUT, FB_ERR_MEMORY. */
int fb_read_text_file(const char *path, size_t max_bytes, char **out, size_t *len, fb_err *err);

/** The read-only checks of fb_limits_copy_bounds (every source against scan_path), no write. */
int fb_limits_copy_bounds_check(const char *scan_path, const char *const *other_paths, size_t n_other, fb_err *err);

/** fb_limits_copy_bounds into the file open_path, named scan_path in messages (a temporary copy). */
int fb_limits_copy_bounds_as(const char *open_path, const char *scan_path, const char *const *other_paths,
                             size_t n_other, size_t *n_copied, fb_err *err);

/* ---- shared by the importers (fb_limit_import.c and one file per collection family) ---- */

/** snprintf into a fixed buffer (cut at cap - 1 characters). */
void fb_imp_fmt(char *dst, size_t cap, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/** Copy src ("" when NULL) into dst[cap], cut at cap - 1 characters. */
void fb_imp_copy(char *dst, size_t cap, const char *src);
/** File name without directories and without its extension. */
void fb_imp_path_stem(const char *path, char *out, size_t cap);
/** Name of the directory `up` levels above the file (0 = its directory); "" when there is none. */
void fb_imp_path_parent(const char *path, int up, char *out, size_t cap);
/** Replace characters not allowed in an experiment name by '_'. */
void fb_imp_sanitize_name(char *s);
/** First arXiv id (NNNN.NNNNN) in text copied as "arXiv:..."; 1 found, 0 not. */
int fb_imp_find_arxiv(const char *text, char *out, size_t cap);
/** Append a sentence to lim->notes ("; "-separated). */
void fb_imp_add_note(fb_limit *lim, const char *note);
/**
 * Read a numeric table into lim with the mass converted from x_unit to GeV and the coupling from
 * (y_quantity, y_unit) to the benchmark's canonical convention (units and conversion recorded in
 * lim and its provenance). '#' lines are comments, appended to comments[comments_cap] when not NULL;
 * blank lines start a new segment; ncol_min..ncol_max columns; *ncol gets the count. A mass of 0
 * is placed at 1e-30 GeV and counted in *n_zero_mass when that is not NULL (else refused).
 * Errors: FB_ERR_INPUT (path:line: what), FB_ERR_IO, FB_ERR_MEMORY.
 */
int fb_imp_table(fb_limit *lim, const char *path, const char *x_unit, const char *y_quantity, const char *y_unit,
                 int ncol_min, int ncol_max, int allow_header, int *ncol, char *comments, size_t comments_cap,
                 int *n_zero_mass, fb_err *err);

/** The importers of the families in their own files (called by fb_limit_import). */
int fb_imp_hnlimits(fb_limit *lim, const char *path, const fb_import_options *opt, fb_err *err);
int fb_imp_hnl_skip(const char *path, const fb_import_options *opt, char *reason, size_t cap, fb_err *err);
int fb_imp_axionlimits(fb_limit *lim, const char *path, const fb_import_options *opt, fb_err *err);

#endif /* FB_LIMITS_INTERNAL_H */
