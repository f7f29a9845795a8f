/**
 * @file fb_limit_import_hnl.c
 * @brief Importer of Heavy-Neutrino-Limits (github.com/mhostert/Heavy-Neutrino-Limits, MIT) .dat
 *        files: units per file from a units table (tools/hnl_units_table.py, from the collection's
 *        local_HNL_database.xlsx), a sidecar PATH.units or the options; lower and upper edges
 *        joined into closed regions. Split out of fb_limit_import.c (one importer family per file).
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fb_benchmark_axes.h"
#include "fb_limits.h"
#include "fb_limits_internal.h"

/* ------------------------------------------------------------------ Heavy-Neutrino-Limits */

/* The units of one file: from a sidecar PATH.units ("key = value" lines) or from the section
 * [<relative path>] of a units table (tools/hnl_units_table.py writes one per sheet of the
 * collection's local_HNL_database.xlsx). */
typedef struct {
  char x_unit[64], y_quantity[64], y_unit[64], kind[64], benchmark[64], experiment[FB_LIMIT_TEXT],
      reference[FB_LIMIT_TEXT], assumptions[FB_LIMIT_TEXT], top_file[FB_LIMIT_TEXT], top_of[FB_LIMIT_TEXT],
      notes[FB_LIMIT_TEXT], source[FB_LIMIT_TEXT];
  double cl_percent;
  int found;
} hnl_units;

#define HNL_KEYS "x_unit, y_quantity, y_unit, cl_percent, kind, benchmark, experiment, reference, assumptions, " \
                 "top_file, top_of, notes"

static int hnl_set(hnl_units *u, const char *k, const char *v, const char *where, int lineno, fb_err *err) {
  struct {
    const char *key;
    char *dst;
    size_t cap;
  } f[] = {{"x_unit", u->x_unit, sizeof u->x_unit},           {"y_quantity", u->y_quantity, sizeof u->y_quantity},
           {"y_unit", u->y_unit, sizeof u->y_unit},           {"kind", u->kind, sizeof u->kind},
           {"benchmark", u->benchmark, sizeof u->benchmark},  {"experiment", u->experiment, sizeof u->experiment},
           {"reference", u->reference, sizeof u->reference},  {"assumptions", u->assumptions, sizeof u->assumptions},
           {"top_file", u->top_file, sizeof u->top_file},     {"top_of", u->top_of, sizeof u->top_of},
           {"notes", u->notes, sizeof u->notes}};
  for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
    if (!strcmp(k, f[i].key)) {
      FB_TEST(err, strlen(v) >= f[i].cap, FB_ERR_INPUT, "%s:%d: %s is longer than %zu characters", where, lineno, k,
              f[i].cap - 1);
      fb_imp_copy(f[i].dst, f[i].cap, v);
      return FB_OK;
    }
  if (!strcmp(k, "cl_percent")) {
    char *end;
    u->cl_percent = strtod(v, &end);
    FB_TEST(err, end == v || *end || !(u->cl_percent > 0 && u->cl_percent < 100), FB_ERR_INPUT,
            "%s:%d: cl_percent '%s' is not a number in (0, 100)", where, lineno, v);
    return FB_OK;
  }
  FB_FAIL(err, FB_ERR_INPUT, "%s:%d: unknown key '%s' (allowed: " HNL_KEYS ")", where, lineno, k);
}

/* 1 when the table section names this file: equal, or a suffix after a '/' */
static int section_matches(const char *section, const char *path) {
  size_t ls = strlen(section), lp = strlen(path);
  if (!strcmp(section, path)) return 1;
  return lp > ls && !strcmp(path + lp - ls, section) && path[lp - ls - 1] == '/';
}

static int list_push(char ***list, size_t *n, size_t *cap, const char *name, fb_err *err) {
  if (*n == *cap) {
    size_t c = *cap ? 2 * *cap : 64;
    char **nl = realloc(*list, c * sizeof(char *));
    FB_TEST(err, !nl, FB_ERR_MEMORY, "out of memory");
    *list = nl;
    *cap = c;
  }
  (*list)[*n] = strdup(name);
  FB_TEST(err, !(*list)[*n], FB_ERR_MEMORY, "out of memory");
  (*n)++;
  return FB_OK;
}

/*
 * Read "key = value" lines of `file`. section == NULL and list == NULL: the whole file (a sidecar);
 * otherwise a units table ('# fipbounds-units-table 1', then "[relative/path.dat]" sections): the
 * keys of the section matching `section` (path suffix match) go into *u, or, with list != NULL,
 * every section name without top_of is appended to *list. Every key is checked in both modes.
 */
static int hnl_read_units(const char *file, const char *section, hnl_units *u, char ***list, size_t *n_list,
                          fb_err *err) {
  memset(u, 0, sizeof *u);
  const int table = section != NULL || list != NULL;
  fb_line_reader rd;
  FB_CALL(err, fb_line_open(&rd, file, err));
  int rc = FB_OK, got, in = !table, seen_magic = 0, cur_is_top = 0;
  char cur[FB_LIMIT_TEXT] = "";
  size_t cap_list = 0;
  while ((got = fb_line_next(&rd, err)) == 1) {
    char *t = rd.line;
    while (isspace((unsigned char)*t)) t++;
    size_t n = strlen(t);
    while (n && isspace((unsigned char)t[n - 1])) t[--n] = '\0';
    if (rd.lineno == 1 && !strncmp(t, "# fipbounds-units-table 1", 25)) seen_magic = 1;
    if (!*t || *t == '#') continue;
    if (*t == '[') {
      FB_TEST_GOTO(err, rc, !table, FB_ERR_INPUT, done, "%s:%d: a sidecar has no [sections]: 'key = value' lines only",
                   file, rd.lineno);
      FB_TEST_GOTO(err, rc, t[n - 1] != ']' || n < 3 || n - 2 >= sizeof cur, FB_ERR_INPUT, done,
                   "%s:%d: expected '[relative/path.dat]'", file, rd.lineno);
      if (list && cur[0] && !cur_is_top) FB_CALL_GOTO(err, rc, list_push(list, n_list, &cap_list, cur, err), done);
      fb_imp_fmt(cur, sizeof cur, "%.*s", (int)(n - 2), t + 1);
      cur_is_top = 0;
      in = section && section_matches(cur, section);
      if (in) {
        u->found = 1;
        fb_imp_copy(u->source, sizeof u->source, cur);
      }
      continue;
    }
    char *eq = strchr(t, '=');
    FB_TEST_GOTO(err, rc, !eq, FB_ERR_INPUT, done, "%s:%d: expected 'key = value'", file, rd.lineno);
    FB_TEST_GOTO(err, rc, table && !cur[0], FB_ERR_INPUT, done,
                 "%s:%d: 'key = value' before the first [relative/path.dat] section", file, rd.lineno);
    *eq = '\0';
    char *k = t, *v = eq + 1;
    size_t m = strlen(k);
    while (m && isspace((unsigned char)k[m - 1])) k[--m] = '\0';
    while (isspace((unsigned char)*v)) v++;
    hnl_units scratch;
    memset(&scratch, 0, sizeof scratch);
    FB_CALL_GOTO(err, rc, hnl_set(in ? u : &scratch, k, v, file, rd.lineno, err), done);
    if (in) u->found = 1;
    if (!strcmp(k, "top_of")) cur_is_top = 1;
  }
  if (got < 0) {
    rc = -got;
    goto done;
  }
  FB_TEST_GOTO(err, rc, table && !seen_magic, FB_ERR_INPUT, done,
               "%s: not a units table: the first line must be '# fipbounds-units-table 1'", file);
  if (list && cur[0] && !cur_is_top) FB_CALL_GOTO(err, rc, list_push(list, n_list, &cap_list, cur, err), done);
done:
  fb_line_close(&rd);
  return rc;
}

int fb_limit_units_table_files(const char *table, char ***paths, size_t *n, fb_err *err) {
  *paths = NULL;
  *n = 0;
  hnl_units u;
  int rc = hnl_read_units(table, NULL, &u, paths, n, err);
  if (rc != FB_OK) {
    for (size_t k = 0; k < *n; k++) free((*paths)[k]);
    free(*paths);
    *paths = NULL;
    *n = 0;
  }
  return rc;
}

/* the X_top.dat sibling of X_bottom.dat (or the reverse, top = 0): 1 when it exists */
static int hnl_sibling(const char *path, int want_top, char *out, size_t cap) {
  const char *from = want_top ? "_bottom." : "_top.", *to = want_top ? "_top." : "_bottom.";
  const char *slash = strrchr(path, '/');
  const char *at = strstr(slash ? slash : path, from);
  if (!at) return 0;
  fb_imp_fmt(out, cap, "%.*s%s%s", (int)(at - path), path, to, at + strlen(from));
  return access(out, R_OK) == 0;
}

/* the units of this file: table section, else sidecar */
static int hnl_units_for(const char *path, const fb_import_options *opt, hnl_units *u, fb_err *err) {
  if (opt->units_table) {
    FB_CALL(err, hnl_read_units(opt->units_table, path, u, NULL, NULL, err));
    if (u->found) return FB_OK;
  }
  char sp[4096];
  fb_imp_fmt(sp, sizeof sp, "%s.units", path);
  if (access(sp, F_OK) != 0) {
    memset(u, 0, sizeof *u);
    return FB_OK;
  }
  FB_CALL(err, hnl_read_units(sp, NULL, u, NULL, NULL, err));
  u->found = 1;
  fb_imp_copy(u->source, sizeof u->source, "sidecar");
  return FB_OK;
}

/* why an upper-edge file is skipped ("" when it is not one) */
int fb_imp_hnl_skip(const char *path, const fb_import_options *opt, char *reason, size_t cap, fb_err *err) {
  hnl_units u;
  reason[0] = '\0';
  FB_CALL(err, hnl_units_for(path, opt, &u, err));
  char other[4096];
  if (u.top_of[0])
    fb_imp_fmt(reason, cap, "%s is the upper edge of the excluded region of %s (units table): imported with it", path,
             u.top_of);
  else if (!u.found || !u.source[0] || !strcmp(u.source, "sidecar")) {
    if (hnl_sibling(path, 0, other, sizeof other))
      fb_imp_fmt(reason, cap, "%s is the upper edge of the excluded region of %s: imported with it", path, other);
  }
  return FB_OK;
}

/* sort the points of a one-segment curve by x (insertion sort: the files are nearly sorted) */
static void sort_by_x(fb_limit *c) {
  for (size_t i = 1; i < c->n_points; i++) {
    double x = c->x[i], y = c->y[i];
    size_t j = i;
    while (j > 0 && c->x[j - 1] > x) {
      c->x[j] = c->x[j - 1];
      c->y[j] = c->y[j - 1];
      j--;
    }
    c->x[j] = x;
    c->y[j] = y;
  }
}

/* An edge of a region by increasing mass, keeping the order of its points: reversed when it runs
 * from high to low mass (ATLAS_2022/ue4_majorana_bottom.dat does), so that a contour that curls back
 * (the same edge file continues around the end of the region) keeps its shape. Sorted by mass only
 * when the file has no order (more than a quarter of its steps go backwards): sorting a curling
 * contour would turn it into a zigzag. */
static void orient_by_x(fb_limit *c) {
  if (c->n_points < 2) return;
  if (c->x[0] > c->x[c->n_points - 1])
    for (size_t i = 0, j = c->n_points - 1; i < j; i++, j--) {
      double tx = c->x[i], ty = c->y[i];
      c->x[i] = c->x[j];
      c->y[i] = c->y[j];
      c->x[j] = tx;
      c->y[j] = ty;
    }
  size_t back = 0;
  for (size_t i = 1; i < c->n_points; i++) back += c->x[i] < c->x[i - 1];
  if (4 * back > c->n_points - 1) sort_by_x(c);
}

/* A closed region given as one file (the database's file_top == file_bottom: CMS 2022, BEBC 1985,
 * CHARM 2021, NA3, ...) is a set of boundary points in no particular order: the collection draws it
 * by ordering them as its plot_tools.get_ordered_closed_region does, and so do we: points with a
 * repeated mass dropped (the first in the file kept, as numpy.unique), then a nearest-neighbour
 * path from the lowest mass, distances in (m_N [GeV], log10 U^2) (linear mass, as the collection).
 * Taken in file order instead, these regions zigzag between their lower and upper edges. */
typedef struct {
  double x, y;
  size_t i;
} hnl_pt;

static int hnl_pt_cmp(const void *a, const void *b) {
  const hnl_pt *p = a, *q = b;
  if (p->x != q->x) return p->x < q->x ? -1 : 1;
  return p->i < q->i ? -1 : p->i > q->i;
}

static int hnl_order_closed(fb_limit *lim, fb_err *err) {
  size_t n = lim->n_points, m = 0;
  if (n < 3) return FB_OK;
  hnl_pt *pt = malloc(n * sizeof *pt);
  unsigned char *used = calloc(n, 1);
  if (!pt || !used) {
    free(pt);
    free(used);
    return fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "cannot order %zu points", n);
  }
  for (size_t i = 0; i < n; i++) pt[i] = (hnl_pt){lim->x[i], lim->y[i], i};
  qsort(pt, n, sizeof *pt, hnl_pt_cmp);
  for (size_t i = 0; i < n; i++)
    if (m == 0 || pt[i].x != pt[m - 1].x) pt[m++] = pt[i];
  size_t cur = 0;
  used[0] = 1;
  lim->x[0] = pt[0].x;
  lim->y[0] = pt[0].y;
  for (size_t k = 1; k < m; k++) {
    size_t best = 0;
    double bd = INFINITY;
    for (size_t j = 0; j < m; j++) {
      if (used[j]) continue;
      const double dx = pt[j].x - pt[cur].x, dy = log10(pt[j].y) - log10(pt[cur].y);
      const double d = dx * dx + dy * dy;
      if (d < bd) {
        bd = d;
        best = j;
      }
    }
    used[best] = 1;
    cur = best;
    lim->x[k] = pt[best].x;
    lim->y[k] = pt[best].y;
  }
  lim->n_points = m;
  lim->n_segments = 1;
  lim->seg_start[0] = 0;
  lim->seg_start[1] = m;
  free(pt);
  free(used);
  if (m < n) {
    char note[200];
    fb_imp_fmt(note, sizeof note,
             "closed region from one file: points ordered as the collection draws it (nearest neighbour from the "
             "lowest mass); %zu point(s) with a repeated mass dropped",
             n - m);
    fb_imp_add_note(lim, note);
  } else
    fb_imp_add_note(lim, "closed region from one file: points ordered as the collection draws it (nearest neighbour from "
                  "the lowest mass)");
  return FB_OK;
}

/* the mass unit named in the leading comment lines ("# m4 (MeV) Ue4^2"), "" when none */
static int hnl_header_unit(const char *path, char *unit, size_t cap, fb_err *err) {
  static const char *const units[] = {"(eV)", "(keV)", "(MeV)", "(GeV)", "(TeV)"};
  unit[0] = '\0';
  fb_line_reader rd;
  FB_CALL(err, fb_line_open(&rd, path, err));
  int got;
  while (!unit[0] && (got = fb_line_next(&rd, err)) == 1 && rd.line[0] == '#')
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
      if (strstr(rd.line, units[k])) {
        fb_imp_fmt(unit, cap, "%.*s", (int)strlen(units[k]) - 2, units[k] + 1);
        break;
      }
  fb_line_close(&rd);
  return FB_OK;
}

int fb_imp_hnlimits(fb_limit *lim, const char *path, const fb_import_options *opt, fb_err *err) {
  char reason[FB_LIMIT_LONGTEXT];
  FB_CALL(err, fb_imp_hnl_skip(path, opt, reason, sizeof reason, err));
  FB_TEST(err, reason[0], FB_ERR_INPUT, "%s", reason);
  hnl_units sc;
  FB_CALL(err, hnl_units_for(path, opt, &sc, err));
  const char *x_unit = opt->x_unit ? opt->x_unit : sc.x_unit[0] ? sc.x_unit : NULL;
  const char *y_quantity = opt->y_quantity ? opt->y_quantity : sc.y_quantity[0] ? sc.y_quantity : NULL;
  double cl = opt->cl_percent > 0 ? opt->cl_percent : sc.cl_percent;
  FB_TEST(err, !x_unit || !y_quantity || !(cl > 0), FB_ERR_INPUT,
          "%s: Heavy-Neutrino-Limits files do not state their units reliably: give a units table (--units-table, "
          "written by tools/hnl_units_table.py from the collection's local_HNL_database.xlsx), or --x-unit "
          "(eV|keV|MeV|GeV), --y-quantity (Ue2|Umu2|Utau2|Ue|Umu|Utau|U2|U) and --cl, or a sidecar %s.units with "
          "x_unit, y_quantity, cl_percent%s",
          path, path, opt->units_table && !sc.found ? " (the units table has no entry for this file)" : "");
  /* the headers are not reliable, but a header that names another unit than the one given on the
   * command line (applied to every file of the import) is a blanket unit gone wrong: TRIUMF_1992
   * says MeV and lands at 49-131 GeV with --x-unit GeV. The units table or a sidecar decide per file. */
  char header_unit[16];
  FB_CALL(err, hnl_header_unit(path, header_unit, sizeof header_unit, err));
  FB_TEST(err, opt->x_unit && header_unit[0] && strcmp(header_unit, opt->x_unit), FB_ERR_INPUT,
          "%s: the file header gives the mass in %s, --x-unit says %s: give the units per file (--units-table from "
          "the collection's local_HNL_database.xlsx, tools/hnl_units_table.py, or a sidecar %s.units)",
          path, header_unit, opt->x_unit, path);
  char stem[FB_LIMIT_TEXT], folder[FB_LIMIT_TEXT];
  fb_imp_path_stem(path, stem, sizeof stem);
  fb_imp_path_parent(path, 0, folder, sizeof folder);
  if (header_unit[0] && strcmp(header_unit, x_unit)) {
    char note[256];
    fb_imp_fmt(note, sizeof note, "the file header says %s; %s from the %s used", header_unit, x_unit,
             sc.found && strcmp(sc.source, "sidecar") ? "units table (local_HNL_database.xlsx)" : "sidecar");
    fb_imp_add_note(lim, note);
  }
  if (sc.experiment[0]) fb_imp_copy(lim->experiment, sizeof lim->experiment, sc.experiment);
  else fb_imp_fmt(lim->experiment, sizeof lim->experiment, "%s_%s", folder[0] ? folder : "HNL", stem);
  fb_imp_sanitize_name(lim->experiment);
  fb_imp_copy(lim->reference, sizeof lim->reference,
            sc.reference[0] ? sc.reference : "arXiv:2304.06772 (Heavy-Neutrino-Limits compilation)");
  const char *bench = sc.benchmark[0] ? sc.benchmark
                      : strstr(y_quantity, "Ue")   ? "BC6"
                      : strstr(y_quantity, "Umu")  ? "BC7"
                      : strstr(y_quantity, "Utau") ? "BC8"
                                                   : "";
  fb_imp_copy(lim->benchmark, sizeof lim->benchmark, bench);
  fb_imp_copy(lim->x_quantity, sizeof lim->x_quantity, FB_MASS_NAME(BC6)); /* m_N of BC6-BC8 */
  lim->cl_percent = cl;
  fb_imp_copy(lim->assumptions, sizeof lim->assumptions, sc.assumptions[0] ? sc.assumptions : "dark_matter=none");
  const char *units_from = opt->x_unit || opt->y_quantity ? "the command line"
                           : !sc.found                     ? "the command line"
                           : !strcmp(sc.source, "sidecar") ? "the sidecar"
                                                           : "the units table";
  fb_imp_fmt(lim->provenance, sizeof lim->provenance,
           "Heavy-Neutrino-Limits (github.com/mhostert/Heavy-Neutrino-Limits) file %s/%s; units from %s%s%s", folder,
           strrchr(path, '/') ? strrchr(path, '/') + 1 : path, units_from, opt->units_table && sc.found ? " " : "",
           opt->units_table && sc.found ? opt->units_table : "");
  fb_imp_copy(lim->licence, sizeof lim->licence, "MIT (Heavy-Neutrino-Limits, M. Hostert et al.)");
  if (sc.notes[0]) fb_imp_add_note(lim, sc.notes);
  lim->kind = FB_LIMIT_UPPER_BOUND;
  const char *kind = opt->kind ? opt->kind : sc.kind[0] ? sc.kind : NULL;
  if (kind) FB_CALL(err, fb_limit_kind_parse(kind, &lim->kind, err));
  int ncol = 0;
  const char *y_unit = opt->y_unit ? opt->y_unit : sc.y_unit;
  /* the upper edge of the region: the table's top_file (relative to the collection, i.e. beside
   * this file's section path) or the X_top.dat beside X_bottom.dat */
  char top[4096] = "";
  if (sc.top_file[0] && sc.source[0] && strcmp(sc.source, "sidecar")) {
    size_t lp = strlen(path), ls = strlen(sc.source);
    fb_imp_fmt(top, sizeof top, "%.*s%s", (int)(lp - ls), path, sc.top_file);
    FB_TEST(err, access(top, R_OK) != 0, FB_ERR_IO, "%s: its upper edge %s (units table) cannot be read: %s", path, top,
            strerror(errno));
  } else if (!opt->kind && !sc.kind[0] && !hnl_sibling(path, 1, top, sizeof top))
    top[0] = '\0';
  if (top[0] && !(opt->kind && strcmp(opt->kind, "closed"))) {
    /* the excluded region between the two curves, as the collection draws it (fill_between of the
     * bottom and top files): a closed polygon, bottom by increasing mass then top by decreasing mass
     * (each edge oriented, its point order kept: orient_by_x) */
    fb_limit bottom, upper;
    fb_limit_init(&bottom);
    fb_limit_init(&upper);
    int rc = fb_imp_table(&bottom, path, x_unit, y_quantity, y_unit, 2, 2, 0, &ncol, NULL, 0, NULL, err);
    if (rc == FB_OK) rc = fb_imp_table(&upper, top, x_unit, y_quantity, y_unit, 2, 2, 0, &ncol, NULL, 0, NULL, err);
    if (rc == FB_OK) {
      bottom.n_segments = upper.n_segments = 1; /* blank lines inside a digitised edge are not pieces */
      bottom.seg_start[1] = bottom.n_points;
      upper.seg_start[1] = upper.n_points;
      orient_by_x(&bottom);
      orient_by_x(&upper);
      for (size_t i = 0; rc == FB_OK && i < bottom.n_points; i++)
        rc = fb_limit_add_point(lim, bottom.x[i], bottom.y[i], NAN, err);
      for (size_t i = upper.n_points; rc == FB_OK && i-- > 0;)
        rc = fb_limit_add_point(lim, upper.x[i], upper.y[i], NAN, err);
      fb_imp_copy(lim->x_unit, sizeof lim->x_unit, bottom.x_unit);
      fb_imp_copy(lim->y_quantity, sizeof lim->y_quantity, bottom.y_quantity);
      fb_imp_copy(lim->y_unit, sizeof lim->y_unit, bottom.y_unit);
      size_t l = strlen(lim->provenance);
      fb_imp_fmt(lim->provenance + l, sizeof lim->provenance - l,
               "; closed region between this lower edge and the upper edge %s%s",
               strrchr(top, '/') ? strrchr(top, '/') + 1 : top, bottom.provenance);
    }
    fb_limit_free(&bottom);
    fb_limit_free(&upper);
    if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "lower and upper edges");
    lim->kind = FB_LIMIT_CLOSED;
    return FB_OK;
  }
  FB_CALL(err, fb_imp_table(lim, path, x_unit, y_quantity, y_unit, 2, 2, 0, &ncol, NULL, 0, NULL, err));
  if (lim->kind == FB_LIMIT_CLOSED && !strcmp(sc.kind, "closed") && !opt->kind)
    FB_CALL(err, hnl_order_closed(lim, err));
  return FB_OK;
}
