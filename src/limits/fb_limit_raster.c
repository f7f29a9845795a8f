/**
 * @file fb_limit_raster.c
 * @brief Rasterisation of a limit onto the scan grid and marching-squares contours of masks.
 *
 * Geometry is done in (log10 mass, log10 coupling): the published regions are drawn, and
 * digitised, on log-log axes, so a straight edge between two boundary points is straight there.
 * Rules (docs/limits-format.md, "Rasterisation"):
 *  - closed: a grid point is excluded when it lies inside at least one polygon (crossing-number
 *    test with half-open edges, so a point exactly on a boundary is decided deterministically);
 *  - upper_bound: excluded when the curve covers the point's mass (x_first <= m <= x_last) and
 *    y >= the curve interpolated linearly in log-log; at a vertical step (two points with the
 *    same mass) the higher value is used (the weaker exclusion);
 *  - edges: excluded when y_lo(m) <= y <= y_hi(m), same interpolation and step rule (narrowest band).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_limits.h"
#include "fb_limits_internal.h"

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static int raster_closed(const fb_limit *lim, const double *lx, const double *ly, const double *gx,
                         const double *gy, const fb_limit_axes *ax, uint8_t *mask, fb_err *err) {
  (void)lx;
  (void)ly;
  int rc = FB_OK;
  double *cross = NULL, *px = NULL, *py = NULL;
  for (size_t s = 0; s < lim->n_segments; s++) {
    /* the converted polygon in log10 */
    size_t a = lim->seg_start[s], b = lim->seg_start[s + 1], n = b - a;
    free(px);
    free(py);
    free(cross);
    px = malloc(n * sizeof(double));
    py = malloc(n * sizeof(double));
    cross = malloc((n + 1) * sizeof(double));
    FB_TEST_GOTO(err, rc, !px || !py || !cross, FB_ERR_MEMORY, done, "out of memory");
    for (size_t k = 0; k < n; k++) {
      px[k] = lx[a + k];
      py[k] = ly[a + k];
    }
    for (size_t j = 0; j < ax->n_coupling; j++) {
      const double Y = gy[j];
      if (!isfinite(Y)) continue;
      size_t nc = 0;
      for (size_t k = 0; k < n; k++) {
        size_t k2 = (k + 1) % n;
        double y1 = py[k], y2 = py[k2];
        if ((y1 > Y) != (y2 > Y)) cross[nc++] = px[k] + (Y - y1) * (px[k2] - px[k]) / (y2 - y1);
      }
      if (nc < 2) continue;
      qsort(cross, nc, sizeof(double), cmp_double);
      /* inside between crossings 0-1, 2-3, ... (even-odd rule) */
      for (size_t i = 0; i < ax->n_mass; i++) {
        const double X = gx[i];
        if (!isfinite(X)) continue;
        size_t below = 0;
        while (below < nc && cross[below] < X) below++;
        if (below % 2 == 1) mask[i * ax->n_coupling + j] = 1;
      }
    }
  }
done:
  free(px);
  free(py);
  free(cross);
  return rc;
}

/* value of the piecewise-linear curve v over [a, b) at X, with the max (take_max) or min rule at
 * vertical steps; returns 0 when X is outside the piece */
static int curve_at(const double *x, const double *v, size_t a, size_t b, double X, int take_max, double *out) {
  if (X < x[a] || X > x[b - 1]) return 0;
  int found = 0;
  double best = 0;
  for (size_t k = a; k + 1 < b; k++) {
    if (X < x[k] || X > x[k + 1]) continue;
    double val;
    if (x[k + 1] == x[k]) {
      val = take_max ? fmax(v[k], v[k + 1]) : fmin(v[k], v[k + 1]);
    } else {
      double t = (X - x[k]) / (x[k + 1] - x[k]);
      val = v[k] + t * (v[k + 1] - v[k]);
    }
    if (!found || (take_max ? val > best : val < best)) best = val;
    found = 1;
  }
  *out = best;
  return found;
}

int fb_limit_rasterise(const fb_limit *lim, const fb_limit_axes *ax, uint8_t *mask, fb_err *err) {
  fb_limit_plane_map map;
  FB_CALL(err, fb_limit_plane_map_get(lim, ax->coupling_name, ax->coupling_unit, ax->alpha_D, ax->mass_ratio, 0, &map,
                                      err));
  memset(mask, 0, ax->n_mass * ax->n_coupling);
  const size_t n = lim->n_points;
  double *lx = malloc(n * sizeof(double)), *ly = malloc(n * sizeof(double)), *lh = malloc(n * sizeof(double));
  double *gx = malloc(ax->n_mass * sizeof(double)), *gy = malloc(ax->n_coupling * sizeof(double));
  int rc = FB_OK;
  FB_TEST_GOTO(err, rc, !lx || !ly || !lh || !gx || !gy, FB_ERR_MEMORY, done, "out of memory");
  for (size_t k = 0; k < n; k++) {
    double X, Y, Yh = NAN;
    fb_limit_plane_map_apply(&map, lim->x[k], lim->y[k], &X, &Y);
    if (lim->kind == FB_LIMIT_EDGES) fb_limit_plane_map_apply(&map, lim->x[k], lim->y_hi[k], &X, &Yh);
    lx[k] = log10(X);
    ly[k] = log10(Y);
    lh[k] = lim->kind == FB_LIMIT_EDGES ? log10(Yh) : NAN;
  }
  /* a grid point with a non-positive coordinate (linear axis through 0) is never excluded */
  for (size_t i = 0; i < ax->n_mass; i++) gx[i] = ax->mass_GeV[i] > 0 ? log10(ax->mass_GeV[i]) : NAN;
  for (size_t j = 0; j < ax->n_coupling; j++) gy[j] = ax->coupling[j] > 0 ? log10(ax->coupling[j]) : NAN;
  if (lim->kind == FB_LIMIT_CLOSED) {
    FB_CALL_GOTO(err, rc, raster_closed(lim, lx, ly, gx, gy, ax, mask, err), done);
  } else {
    for (size_t s = 0; s < lim->n_segments; s++) {
      size_t a = lim->seg_start[s], b = lim->seg_start[s + 1];
      for (size_t i = 0; i < ax->n_mass; i++) {
        double lo, hi = INFINITY;
        if (!isfinite(gx[i]) || !curve_at(lx, ly, a, b, gx[i], 1, &lo)) continue;
        if (lim->kind == FB_LIMIT_EDGES) curve_at(lx, lh, a, b, gx[i], 0, &hi);
        for (size_t j = 0; j < ax->n_coupling; j++)
          if (isfinite(gy[j]) && gy[j] >= lo && gy[j] <= hi) mask[i * ax->n_coupling + j] = 1;
      }
    }
  }
done:
  free(lx);
  free(ly);
  free(lh);
  free(gx);
  free(gy);
  return rc;
}

/* ------------------------------------------------------------------ marching squares */

void fb_contour_init(fb_contour *c) { memset(c, 0, sizeof *c); }

void fb_contour_free(fb_contour *c) {
  free(c->x);
  free(c->y);
  free(c->start);
  fb_contour_init(c);
}

static int contour_push(fb_contour *c, double x, double y, fb_err *err) {
  if (c->n_points == c->cap_points) {
    size_t cap = c->cap_points ? 2 * c->cap_points : 1024;
    double *nx = realloc(c->x, cap * sizeof(double));
    if (nx) c->x = nx;
    double *ny = nx ? realloc(c->y, cap * sizeof(double)) : NULL;
    if (ny) c->y = ny;
    FB_TEST(err, !ny, FB_ERR_MEMORY, "out of memory");
    c->cap_points = cap;
  }
  c->x[c->n_points] = x;
  c->y[c->n_points] = y;
  c->n_points++;
  return FB_OK;
}

static int contour_new_line(fb_contour *c, fb_err *err) {
  if (c->n_lines + 2 > c->cap_lines) {
    size_t cap = c->cap_lines ? 2 * c->cap_lines : 64;
    size_t *s = realloc(c->start, cap * sizeof(size_t));
    FB_TEST(err, !s, FB_ERR_MEMORY, "out of memory");
    c->start = s;
    c->cap_lines = cap;
  }
  c->start[c->n_lines] = c->n_points;
  c->start[c->n_lines + 1] = c->n_points;
  return FB_OK;
}

/* Node coordinate along an axis of n points, padded index a in [0, n+1] (a = i + 1), clamped to
 * the grid; in log10 when the axis is log-spaced. */
static double node_coord(const double *v, size_t n, int is_log, size_t a) {
  size_t i = a == 0 ? 0 : (a - 1 >= n ? n - 1 : a - 1);
  return is_log ? log10(v[i]) : v[i];
}

int fb_contour_mask(const uint8_t *mask, const fb_limit_axes *ax, fb_contour *c, fb_err *err) {
  fb_contour_init(c);
  const size_t NM = ax->n_mass, NC = ax->n_coupling, PM = NM + 2, PC = NC + 2;
  /* edge id: 2 * (a * PC + b) + dir, dir 0 = towards a+1 (mass), 1 = towards b+1 (coupling) */
  const size_t n_edges = 2 * PM * PC;
  /* up to two segments per edge, stored as index + 1 (0 = none); calloc'd so that untouched
   * pages of large grids cost nothing */
  uint32_t *use = calloc(2 * n_edges, sizeof(uint32_t));
  size_t cap_seg = 1024, n_seg = 0;
  size_t *seg = malloc(2 * cap_seg * sizeof(size_t));
  uint8_t *done = NULL;
  int rc = FB_OK;
  FB_TEST_GOTO(err, rc, !use || !seg, FB_ERR_MEMORY, out, "out of memory (%zu edges)", n_edges);
  FB_TEST_GOTO(err, rc, NM * NC >= UINT32_MAX / 4, FB_ERR_RANGE, out, "grid of %zu points too large for contours",
               NM * NC);
#define NODE(a, b) \
  (((a) >= 1 && (a) <= NM && (b) >= 1 && (b) <= NC) ? (mask[((a) - 1) * NC + ((b) - 1)] != 0) : 0)
  for (size_t a = 0; a + 1 < PM; a++) {
    for (size_t b = 0; b + 1 < PC; b++) {
      int c0 = NODE(a, b), c1 = NODE(a + 1, b), c2 = NODE(a + 1, b + 1), c3 = NODE(a, b + 1);
      int code = c0 | c1 << 1 | c2 << 2 | c3 << 3;
      if (code == 0 || code == 15) continue;
      size_t e0 = 2 * (a * PC + b), e1 = 2 * ((a + 1) * PC + b) + 1, e2 = 2 * (a * PC + b + 1), e3 = 2 * (a * PC + b) + 1;
      size_t pairs[4], np = 0;
      if (code == 5) { /* c0, c2 inside, not connected (4-connectivity of the excluded set) */
        pairs[0] = e3; pairs[1] = e0; pairs[2] = e1; pairs[3] = e2; np = 2;
      } else if (code == 10) { /* c1, c3 inside */
        pairs[0] = e0; pairs[1] = e1; pairs[2] = e2; pairs[3] = e3; np = 2;
      } else {
        size_t crossed[2], nc = 0;
        if (c0 != c1) crossed[nc++] = e0;
        if (c1 != c2) crossed[nc++] = e1;
        if (c3 != c2) crossed[nc++] = e2;
        if (c0 != c3) crossed[nc++] = e3;
        FB_TEST_GOTO(err, rc, nc != 2, FB_ERR_INTERNAL, out, "marching squares: %zu crossed edges", nc);
        pairs[0] = crossed[0]; pairs[1] = crossed[1]; np = 1;
      }
      for (size_t p = 0; p < np; p++) {
        if (n_seg == cap_seg) {
          size_t *ns = realloc(seg, 4 * cap_seg * sizeof(size_t));
          FB_TEST_GOTO(err, rc, !ns, FB_ERR_MEMORY, out, "out of memory");
          seg = ns;
          cap_seg *= 2;
        }
        for (int e = 0; e < 2; e++) {
          size_t id = pairs[2 * p + e];
          if (use[2 * id] == 0) use[2 * id] = (uint32_t)(n_seg + 1);
          else use[2 * id + 1] = (uint32_t)(n_seg + 1);
        }
        seg[2 * n_seg] = pairs[2 * p];
        seg[2 * n_seg + 1] = pairs[2 * p + 1];
        n_seg++;
      }
    }
  }
#undef NODE
  done = calloc(n_seg ? n_seg : 1, 1);
  FB_TEST_GOTO(err, rc, !done, FB_ERR_MEMORY, out, "out of memory");
  for (size_t s0 = 0; s0 < n_seg; s0++) {
    if (done[s0]) continue;
    FB_CALL_GOTO(err, rc, contour_new_line(c, err), out);
    size_t s = s0, edge = seg[2 * s0];
    size_t first_edge = edge;
    while (1) {
      /* the point on `edge` */
      size_t id = edge / 2, dir = edge % 2, a = id / PC, b = id % PC;
      double X, Y;
      if (dir == 0) {
        X = 0.5 * (node_coord(ax->mass_GeV, NM, ax->mass_log, a) + node_coord(ax->mass_GeV, NM, ax->mass_log, a + 1));
        Y = node_coord(ax->coupling, NC, ax->coupling_log, b);
      } else {
        X = node_coord(ax->mass_GeV, NM, ax->mass_log, a);
        Y = 0.5 * (node_coord(ax->coupling, NC, ax->coupling_log, b) +
                   node_coord(ax->coupling, NC, ax->coupling_log, b + 1));
      }
      FB_CALL_GOTO(err, rc,
                   contour_push(c, ax->mass_log ? pow(10, X) : X, ax->coupling_log ? pow(10, Y) : Y, err), out);
      if (done[s]) break;
      done[s] = 1;
      edge = seg[2 * s] == edge ? seg[2 * s + 1] : seg[2 * s];
      size_t n0 = use[2 * edge], n1 = use[2 * edge + 1];
      size_t next = n0 == s + 1 ? n1 : n0;
      if (next == 0) break; /* cannot happen with the zero padding; stop the line safely */
      s = next - 1;
      if (edge == first_edge && done[s]) {
        /* closed: repeat the first point */
        FB_CALL_GOTO(err, rc, contour_push(c, c->x[c->start[c->n_lines]], c->y[c->start[c->n_lines]], err), out);
        break;
      }
    }
    c->n_lines++;
    c->start[c->n_lines] = c->n_points;
  }
out:
  free(use);
  free(seg);
  free(done);
  if (rc != FB_OK) fb_contour_free(c);
  return rc;
}
