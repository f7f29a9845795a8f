/**
 * @file fb_limit_repair.c
 * @brief Repair of self-intersecting closed boundaries (digitised curves that cross themselves,
 *        e.g. FORESEE's BESIII_2022): each polygon is split at its crossings into simple loops whose
 *        union is the excluded region (docs/limits-format.md "Self-intersecting boundaries").
 *
 * Method: in (log10 x, log10 y), the plane where the curves were drawn and digitised, find the first
 * pair of non-adjacent edges (i, i+1) and (j, j+1), i < j, whose interiors cross, at P. The polygon
 * v0..v(n-1) becomes the two loops P, v(i+1), ..., v(j) and v0, ..., v(i), P, v(j+1), ..., v(n-1);
 * both have fewer vertices than the polygon, so repeating on each loop ends, with every loop simple.
 * A small twist of the digitised curve thus becomes a small extra loop (kept: the union counts it as
 * excluded, as the drawn shaded region does), and a figure eight becomes its two lobes. Touching
 * edges (a shared vertex, a common line) are not crossings and stay as they are.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_limits.h"
#include "fb_limits_internal.h"

#define FB_REPAIR_MAX_CROSSINGS 10000

/* a loop under construction: vertices in log10 and in the file's units */
typedef struct loop {
  size_t n;
  double *lx, *ly, *x, *y;
} loop;

static void loop_free(loop *l) {
  free(l->lx);
  free(l->ly);
  free(l->x);
  free(l->y);
  memset(l, 0, sizeof *l);
}

static int loop_alloc(loop *l, size_t n) {
  l->n = 0;
  l->lx = malloc((n ? n : 1) * sizeof(double));
  l->ly = malloc((n ? n : 1) * sizeof(double));
  l->x = malloc((n ? n : 1) * sizeof(double));
  l->y = malloc((n ? n : 1) * sizeof(double));
  return l->lx && l->ly && l->x && l->y;
}

static void loop_push(loop *l, const loop *from, size_t k) {
  l->lx[l->n] = from->lx[k];
  l->ly[l->n] = from->ly[k];
  l->x[l->n] = from->x[k];
  l->y[l->n] = from->y[k];
  l->n++;
}

/* first proper crossing of non-adjacent edges; 1 found (i < j and P set), 0 none */
static int first_crossing(const loop *l, size_t *pi, size_t *pj, double *px, double *py) {
  const size_t n = l->n;
  for (size_t i = 0; i < n; i++) {
    double ax = l->lx[i], ay = l->ly[i], bx = l->lx[(i + 1) % n], by = l->ly[(i + 1) % n];
    for (size_t j = i + 2; j < n; j++) {
      if (i == 0 && j == n - 1) continue; /* adjacent through the closing edge */
      double cx = l->lx[j], cy = l->ly[j], dx = l->lx[(j + 1) % n], dy = l->ly[(j + 1) % n];
      if (fmax(cx, dx) < fmin(ax, bx) || fmin(cx, dx) > fmax(ax, bx) || fmax(cy, dy) < fmin(ay, by) ||
          fmin(cy, dy) > fmax(ay, by))
        continue;
      if (!fb_limit_segments_intersect(ax, ay, bx, by, cx, cy, dx, dy, 1)) continue;
      /* a + t (b - a) = c + u (d - c) */
      double den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
      double t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
      *pi = i;
      *pj = j;
      *px = ax + t * (bx - ax);
      *py = ay + t * (by - ay);
      return 1;
    }
  }
  return 0;
}

/* twice the signed area (shoelace) in log10 */
static double loop_area2(const loop *l) {
  double a = 0;
  for (size_t k = 0; k < l->n; k++) {
    size_t k2 = (k + 1) % l->n;
    a += l->lx[k] * l->ly[k2] - l->lx[k2] * l->ly[k];
  }
  return a;
}

int fb_limit_repair_polygons(fb_limit *lim, size_t *n_crossings, fb_err *err) {
  *n_crossings = 0;
  if (lim->kind != FB_LIMIT_CLOSED || lim->n_segments == 0) return FB_OK;
  int rc = FB_OK;
  size_t cap_stack = lim->n_segments + 16, n_stack = 0, cap_done = lim->n_segments + 16, n_done = 0;
  loop *stack = calloc(cap_stack, sizeof(loop)), *done = calloc(cap_done, sizeof(loop));
  FB_TEST_GOTO(err, rc, !stack || !done, FB_ERR_MEMORY, out, "out of memory");
  for (size_t s = 0; s < lim->n_segments; s++) {
    double *lx, *ly;
    size_t n = fb_limit_polygon_log(lim, s, &lx, &ly);
    FB_TEST_GOTO(err, rc, !lx, FB_ERR_MEMORY, out, "out of memory");
    loop *l = &stack[n_stack++];
    l->n = n;
    l->lx = lx;
    l->ly = ly;
    l->x = malloc((n ? n : 1) * sizeof(double));
    l->y = malloc((n ? n : 1) * sizeof(double));
    FB_TEST_GOTO(err, rc, !l->x || !l->y, FB_ERR_MEMORY, out, "out of memory");
    for (size_t k = 0; k < n; k++) {
      l->x[k] = pow(10.0, lx[k]);
      l->y[k] = pow(10.0, ly[k]);
    }
  }
  /* process loops until none crosses itself (the stack keeps the order of the polygons) */
  size_t crossings = 0;
  while (n_stack > 0) {
    loop cur = stack[--n_stack];
    size_t i, j;
    double px, py;
    if (cur.n < 3 || !first_crossing(&cur, &i, &j, &px, &py)) {
      if (n_done == cap_done) {
        loop *nd = realloc(done, 2 * cap_done * sizeof(loop));
        if (!nd) loop_free(&cur);
        FB_TEST_GOTO(err, rc, !nd, FB_ERR_MEMORY, out, "out of memory");
        done = nd;
        cap_done *= 2;
      }
      done[n_done++] = cur;
      continue;
    }
    if (++crossings > FB_REPAIR_MAX_CROSSINGS) {
      loop_free(&cur);
      FB_TEST_GOTO(err, rc, 1, FB_ERR_INPUT, out,
                   "%s: more than %d self-crossings: not a digitised boundary that can be repaired", lim->experiment,
                   FB_REPAIR_MAX_CROSSINGS);
    }
    loop p = {.n = 1, .lx = &px, .ly = &py, .x = NULL, .y = NULL};
    double ppx = pow(10.0, px), ppy = pow(10.0, py);
    p.x = &ppx;
    p.y = &ppy;
    loop a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    int ok = loop_alloc(&a, j - i + 1) && loop_alloc(&b, cur.n - (j - i) + 1);
    if (ok) {
      loop_push(&a, &p, 0);
      for (size_t k = i + 1; k <= j; k++) loop_push(&a, &cur, k);
      for (size_t k = 0; k <= i; k++) loop_push(&b, &cur, k);
      loop_push(&b, &p, 0);
      for (size_t k = j + 1; k < cur.n; k++) loop_push(&b, &cur, k);
    }
    loop_free(&cur);
    if (ok && n_stack + 2 > cap_stack) {
      loop *ns = realloc(stack, 2 * cap_stack * sizeof(loop));
      if (ns) {
        stack = ns;
        cap_stack *= 2;
      } else ok = 0;
    }
    if (!ok) {
      loop_free(&a);
      loop_free(&b);
      FB_TEST_GOTO(err, rc, 1, FB_ERR_MEMORY, out, "out of memory");
    }
    stack[n_stack++] = b;
    stack[n_stack++] = a;
  }
  *n_crossings = crossings;
  if (crossings == 0) goto out;
  /* rebuild the limit from the simple loops with a non-zero area */
  {
    fb_limit rep = *lim;
    rep.x = rep.y = rep.y_hi = NULL;
    rep.seg_start = NULL;
    rep.n_points = rep.cap = rep.n_segments = 0;
    for (size_t k = 0; k < n_done && rc == FB_OK; k++) {
      if (done[k].n < 3 || loop_area2(&done[k]) == 0) continue;
      rc = fb_limit_new_segment(&rep, err);
      for (size_t v = 0; v < done[k].n && rc == FB_OK; v++)
        rc = fb_limit_add_point(&rep, done[k].x[v], done[k].y[v], NAN, err);
    }
    if (rc == FB_OK && rep.n_points == 0)
      rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__, "%s: no loop with a non-zero area is left after the repair",
                      lim->experiment);
    if (rc != FB_OK) {
      free(rep.x);
      free(rep.y);
      free(rep.y_hi);
      free(rep.seg_start);
      goto out;
    }
    free(lim->x);
    free(lim->y);
    free(lim->y_hi);
    free(lim->seg_start);
    *lim = rep;
  }
out:
  for (size_t k = 0; stack && k < n_stack; k++) loop_free(&stack[k]);
  for (size_t k = 0; done && k < n_done; k++) loop_free(&done[k]);
  free(stack);
  free(done);
  return rc;
}
