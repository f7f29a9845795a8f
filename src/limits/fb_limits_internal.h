/**
 * @file fb_limits_internal.h
 * @brief Helpers shared by the files of src/limits (not part of the public interface).
 */
#ifndef FB_LIMITS_INTERNAL_H
#define FB_LIMITS_INTERNAL_H

#include <stddef.h>

#include "fb_limits.h"

/** 1 if the segments ab and cd cross at a point interior to both; with proper_only = 0 also when
 *  they merely touch or overlap collinearly. */
int fb_limit_segments_intersect(double ax, double ay, double bx, double by, double cx, double cy, double dx,
                                double dy, int proper_only);

/** Polygon s of lim in (log10 x, log10 y), consecutive duplicates and the closing repeat removed.
 *  Returns the vertex count; *px and *py are malloc'd (NULL on allocation failure). */
size_t fb_limit_polygon_log(const fb_limit *lim, size_t s, double **px, double **py);

/** Parse up to max numbers separated by blanks or commas. 0 ok (*n_out set), -1 more than max
 *  numbers, -2 something that is not a number. */
int fb_limit_parse_numbers(const char *line, double *v, int max, int *n_out);

#endif /* FB_LIMITS_INTERNAL_H */
