/**
 * @file test_limits.c
 * @brief Tests of src/limits: the limit-file format (round trip, every validation error),
 *        unit and coupling conversions, rasterisation rules, marching-squares contours, and the
 *        importers on the ../shared reference collections (FB_SHARED_DIR; skipped with a message
 *        when absent) and on small files written by the test.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fb_limits.h"

static char TMP[256];

static const char *tmp_file(const char *name, const char *content) {
  static char path[512];
  snprintf(path, sizeof path, "%s/%s", TMP, name);
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs(content, f);
  fclose(f);
  return path;
}

static int shared_file(char *path, size_t cap, const char *rel) {
  snprintf(path, cap, "%s/data/limits/%s", FB_SHARED_DIR, rel);
  if (access(path, R_OK) == 0) return 1;
  printf("SKIP: %s not found (no ../shared in this clone)\n", path);
  return 0;
}

#define HEADER(kind)                                                                                  \
  "# fipbounds-limit 1\n# experiment: TestExp\n# reference: arXiv:2401.00001\n# benchmark: BC1\n"     \
  "# x_quantity: m_Aprime\n# x_unit: GeV\n# y_quantity: epsilon\n# y_unit:\n# cl_percent: 90\n"       \
  "# kind: " kind "\n# provenance: written by test_limits.c\n# licence: CC0\n"

/* a synthetic log-spaced axis */
static void log_axis(double *v, size_t n, double lo, double hi) {
  for (size_t i = 0; i < n; i++) v[i] = pow(10, log10(lo) + (log10(hi) - log10(lo)) * (double)i / (double)(n - 1));
}

/* ------------------------------------------------------------------ format */

START_TEST(test_round_trip) {
  fb_err err;
  fb_limit a, b;
  const char *p = tmp_file("rt.limit", HEADER("edges") "# notes: a band\n0.0123 1.5e-7 3.25e-5\n0.0456 2e-7 "
                                                   "1e-5\n\n0.2 1e-6 2e-6\n0.3 1e-6 3e-6\n");
  ck_assert_int_eq(fb_limit_read(&a, p, &err), FB_OK);
  ck_assert_int_eq(a.kind, FB_LIMIT_EDGES);
  ck_assert_uint_eq(a.n_points, 4);
  ck_assert_uint_eq(a.n_segments, 2);
  ck_assert_str_eq(a.notes, "a band");
  char out[512];
  snprintf(out, sizeof out, "%s/rt2.limit", TMP);
  ck_assert_int_eq(fb_limit_write(&a, out, &err), FB_OK);
  ck_assert_int_eq(fb_limit_read(&b, out, &err), FB_OK);
  ck_assert_uint_eq(b.n_points, 4);
  ck_assert_uint_eq(b.n_segments, 2);
  for (size_t i = 0; i < 4; i++) {
    ck_assert_double_eq_tol(a.x[i], b.x[i], 1e-9 * a.x[i]);
    ck_assert_double_eq_tol(a.y_hi[i], b.y_hi[i], 1e-9 * a.y_hi[i]);
  }
  ck_assert_str_eq(a.reference, b.reference);
  ck_assert_double_eq(b.cl_percent, 90);
  fb_limit_free(&a);
  fb_limit_free(&b);
}
END_TEST

/* every validation error: code FB_ERR_INPUT and a message naming the problem */
START_TEST(test_validation_errors) {
  static const struct {
    const char *content, *expect;
  } cases[] = {
      {HEADER("closed") "0.01 1e-6\n0.02 abc\n0.03 1e-5\n", "non-numeric row"},
      {HEADER("closed") "0.01 1e-6 3\n", "wrong column count"},
      {HEADER("edges") "0.01 1e-6\n", "wrong column count"},
      {HEADER("upper_bound") "0.01 1e-6\n0.03 1e-5\n0.02 1e-5\n", "x is not sorted"},
      {HEADER("edges") "0.01 1e-5 1e-6\n0.02 1e-6 1e-5\n", "lower edge"},
      /* a bow tie: (1,1)-(10,10)-(10,1)-(1,10) */
      {HEADER("closed") "0.01 1e-6\n0.1 1e-5\n0.1 1e-6\n0.01 1e-5\n", "intersects itself"},
      {HEADER("closed") "0.01 1e-6\n0.1 1e-5\n", "needs >= 3"},
      {HEADER("closed") "0.01 -1e-6\n0.1 1e-5\n0.1 1e-6\n", "finite and positive"},
      {"# fipbounds-limit 1\n# experiment: X\n# kind: closed\n0.01 1e-6\n0.1 1e-5\n0.1 1e-6\n", "is missing"},
      {HEADER("closed") "# colour: red\n", "unknown header key"},
      {HEADER("circle"), "kind 'circle' is not known"},
      {"x y\n1 2\n", "not a fipbounds limit file"},
      {"# fipbounds-limit 1\n# experiment: Bad Name\n# reference: r\n# benchmark: BC1\n# x_quantity: m\n"
       "# x_unit: GeV\n# y_quantity: epsilon\n# cl_percent: 90\n# kind: closed\n# provenance: p\n# licence: l\n"
       "0.01 1e-6\n0.1 1e-5\n0.1 1e-6\n",
       "experiment 'Bad Name'"},
      {"# fipbounds-limit 1\n# experiment: X\n# reference: r\n# benchmark: BC12\n# x_quantity: m\n"
       "# x_unit: GeV\n# y_quantity: epsilon\n# cl_percent: 90\n# kind: closed\n# provenance: p\n# licence: l\n"
       "0.01 1e-6\n0.1 1e-5\n0.1 1e-6\n",
       "BC1 ... BC11"},
      {"# fipbounds-limit 1\n# experiment: X\n# reference: r\n# benchmark: BC1\n# x_quantity: m\n"
       "# x_unit: furlong\n# y_quantity: epsilon\n# cl_percent: 90\n# kind: closed\n# provenance: p\n"
       "# licence: l\n0.01 1e-6\n0.1 1e-5\n0.1 1e-6\n",
       "mass unit 'furlong'"},
      {"# fipbounds-limit 1\n# experiment: X\n# reference: r\n# benchmark: BC1\n# x_quantity: m\n"
       "# x_unit: GeV\n# y_quantity: epsilon\n# cl_percent: 100\n# kind: closed\n# provenance: p\n"
       "# licence: l\n0.01 1e-6\n0.1 1e-5\n0.1 1e-6\n",
       "cl_percent = 100"},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    fb_err err;
    fb_err_clear(&err);
    fb_limit lim;
    const char *p = tmp_file("bad.limit", cases[k].content);
    ck_assert_int_eq(fb_limit_read(&lim, p, &err), FB_ERR_INPUT);
    ck_assert_msg(strstr(err.msg, cases[k].expect) != NULL, "case %zu: '%s' not in '%s'", k, cases[k].expect,
                  err.msg);
  }
  fb_err err;
  fb_limit lim;
  char missing[512];
  snprintf(missing, sizeof missing, "%s/no_such.limit", TMP);
  ck_assert_int_eq(fb_limit_read(&lim, missing, &err), FB_ERR_IO);
}
END_TEST

/* touching at a vertex or along a common line is allowed (FORESEE closes regions at y = 1e5) */
START_TEST(test_touching_polygon_allowed) {
  fb_err err;
  fb_limit lim;
  const char *p =
      tmp_file("touch.limit", HEADER("closed") "0.01 1e5\n0.02 1e-3\n0.03 1e5\n0.04 1e-3\n0.05 1e5\n");
  ck_assert_int_eq(fb_limit_read(&lim, p, &err), FB_OK);
  fb_limit_free(&lim);
}
END_TEST

START_TEST(test_conversions) {
  fb_err err;
  double f, p;
  ck_assert_int_eq(fb_limit_coupling_convert("epsilon2", "", "epsilon", "", &f, &p, &err), FB_OK);
  ck_assert_double_eq(f, 1);
  ck_assert_double_eq(p, 0.5);
  ck_assert_int_eq(fb_limit_coupling_convert("U", "", "Ue2", "", &f, &p, &err), FB_OK);
  ck_assert_double_eq(p, 2);
  ck_assert_int_eq(fb_limit_coupling_convert("g_agamma", "TeV^-1", "g_agamma", "GeV^-1", &f, &p, &err), FB_OK);
  ck_assert_double_eq_tol(f, 1e-3, 1e-18);
  ck_assert_int_eq(fb_limit_coupling_convert("epsilon", "", "U2", "", &f, &p, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "different couplings"));
  ck_assert_int_eq(fb_limit_coupling_convert("g_agamma", "GeV", "g_agamma", "GeV^-1", &f, &p, &err), FB_ERR_INPUT);
  ck_assert_int_eq(fb_limit_coupling_convert("epsilon", "GeV^-1", "epsilon", "", &f, &p, &err), FB_ERR_INPUT);
  ck_assert_int_eq(fb_limit_mass_unit_to_GeV("MeV", &f, &err), FB_OK);
  ck_assert_double_eq(f, 1e-3);
  ck_assert_int_eq(fb_limit_mass_unit_to_GeV("eV", &f, &err), FB_OK);
  ck_assert_double_eq(f, 1e-9);
}
END_TEST

/* ------------------------------------------------------------------ rasterisation */

enum { NM = 41, NC = 31 };
static double MASS[NM], COUP[NC];
static fb_limit_axes AX;

static void setup_axes(void) {
  log_axis(MASS, NM, 1e-3, 10);    /* 10 points per decade */
  log_axis(COUP, NC, 1e-8, 1e-2);  /* 5 points per decade */
  AX = (fb_limit_axes){.n_mass = NM, .n_coupling = NC, .mass_GeV = MASS, .coupling = COUP, .mass_log = 1,
                       .coupling_log = 1, .coupling_name = "epsilon", .coupling_unit = ""};
}

static size_t idx_m(double m) { return (size_t)lround(10 * log10(m / 1e-3)); }
static size_t idx_c(double c) { return (size_t)lround(5 * log10(c / 1e-8)); }

START_TEST(test_raster_closed) {
  setup_axes();
  fb_err err;
  fb_limit lim;
  /* a square in log space, 1.5e-2..0.15 GeV x 1.5e-6..1.5e-4 (boundaries between grid points),
   * given in MeV and epsilon^2 to exercise the conversions */
  const char *p = tmp_file("sq.limit",
                           "# fipbounds-limit 1\n# experiment: Sq\n# reference: r\n# benchmark: BC1\n# x_quantity: m\n"
                           "# x_unit: MeV\n# y_quantity: epsilon2\n# cl_percent: 95\n# kind: closed\n"
                           "# provenance: p\n# licence: l\n15 2.25e-12\n150 2.25e-12\n150 2.25e-8\n15 2.25e-8\n");
  ck_assert_int_eq(fb_limit_read(&lim, p, &err), FB_OK);
  uint8_t mask[NM * NC];
  ck_assert_int_eq(fb_limit_rasterise(&lim, &AX, mask, &err), FB_OK);
  size_t n = 0;
  for (size_t i = 0; i < NM; i++)
    for (size_t j = 0; j < NC; j++) {
      int inside = MASS[i] > 0.015 && MASS[i] < 0.15 && COUP[j] > 1.5e-6 && COUP[j] < 1.5e-4;
      ck_assert_msg(mask[i * NC + j] == inside, "m = %g eps = %g", MASS[i], COUP[j]);
      n += inside;
    }
  ck_assert_uint_eq(n, 10 * 10); /* masses 0.02..0.126 (10), couplings 2.5e-6..1e-4 (10) */
  /* incompatible coupling */
  fb_limit_axes bad = AX;
  bad.coupling_name = "g_agamma";
  bad.coupling_unit = "GeV^-1";
  ck_assert_int_eq(fb_limit_rasterise(&lim, &bad, mask, &err), FB_ERR_INPUT);
  fb_limit_free(&lim);
}
END_TEST

START_TEST(test_raster_curves) {
  setup_axes();
  fb_err err;
  fb_limit lim;
  uint8_t mask[NM * NC];
  /* upper bound: eps >= 1e-4 excluded for 0.01 <= m <= 1, with a vertical step at 0.1 GeV up to 1e-3 */
  const char *p = tmp_file("ub.limit", HEADER("upper_bound") "0.01 1e-4\n0.1 1e-4\n0.1 1e-3\n1 1e-3\n");
  ck_assert_int_eq(fb_limit_read(&lim, p, &err), FB_OK);
  ck_assert_int_eq(fb_limit_rasterise(&lim, &AX, mask, &err), FB_OK);
  ck_assert_int_eq(mask[idx_m(0.05) * NC + idx_c(1e-4)], 1);  /* on the curve: excluded (y >= curve) */
  ck_assert_int_eq(mask[idx_m(0.05) * NC + idx_c(6.3e-5)], 0);
  ck_assert_int_eq(mask[idx_m(0.01) * NC + idx_c(1e-2)], 1);  /* first point's mass is covered */
  ck_assert_int_eq(mask[idx_m(0.0079) * NC + idx_c(1e-2)], 0); /* outside the curve's mass range */
  ck_assert_int_eq(mask[idx_m(1.26) * NC + idx_c(1e-2)], 0);
  ck_assert_int_eq(mask[idx_m(0.1) * NC + idx_c(2.5e-4)], 0); /* at the step the higher value (1e-3) rules */
  ck_assert_int_eq(mask[idx_m(0.1) * NC + idx_c(1e-3)], 1);
  ck_assert_int_eq(mask[idx_m(0.5) * NC + idx_c(6.3e-4)], 0);
  fb_limit_free(&lim);
  /* edges: excluded between the lower and upper edge (log-log interpolation between rows) */
  p = tmp_file("ed.limit", HEADER("edges") "0.001 1e-7 1e-5\n0.1 1e-5 1e-3\n");
  ck_assert_int_eq(fb_limit_read(&lim, p, &err), FB_OK);
  ck_assert_int_eq(fb_limit_rasterise(&lim, &AX, mask, &err), FB_OK);
  /* at m = 0.01 (log midpoint) the band is 1e-6 .. 1e-4 */
  ck_assert_int_eq(mask[idx_m(0.01) * NC + idx_c(1e-6)], 1);
  ck_assert_int_eq(mask[idx_m(0.01) * NC + idx_c(1e-4)], 1);
  ck_assert_int_eq(mask[idx_m(0.01) * NC + idx_c(6.3e-7)], 0);
  ck_assert_int_eq(mask[idx_m(0.01) * NC + idx_c(1.6e-4)], 0);
  ck_assert_int_eq(mask[idx_m(0.2) * NC + idx_c(1e-4)], 0);
  fb_limit_free(&lim);
}
END_TEST

/* ------------------------------------------------------------------ contours */

START_TEST(test_contours) {
  setup_axes();
  fb_err err;
  uint8_t mask[NM * NC];
  memset(mask, 0, sizeof mask);
  /* a 3 x 2 rectangle of excluded points: one closed polyline of 2 * (3 + 2) = 10 edge midpoints */
  for (size_t i = 10; i < 13; i++)
    for (size_t j = 5; j < 7; j++) mask[i * NC + j] = 1;
  fb_contour c;
  ck_assert_int_eq(fb_contour_mask(mask, &AX, &c, &err), FB_OK);
  ck_assert_uint_eq(c.n_lines, 1);
  ck_assert_uint_eq(c.start[1] - c.start[0], 11); /* 10 vertices + the repeated first one */
  double xmin = 1e300, xmax = 0;
  for (size_t k = 0; k < c.n_points; k++) {
    xmin = fmin(xmin, c.x[k]);
    xmax = fmax(xmax, c.x[k]);
  }
  /* the outermost vertices lie half a cell (in log10) outside the excluded points */
  ck_assert_double_eq_tol(log10(xmin), log10(MASS[10]) - 0.05, 1e-12);
  ck_assert_double_eq_tol(log10(xmax), log10(MASS[12]) + 0.05, 1e-12);
  fb_contour_free(&c);
  /* two points touching diagonally (saddle): two separate curves (4-connectivity) */
  memset(mask, 0, sizeof mask);
  mask[20 * NC + 10] = mask[21 * NC + 11] = 1;
  ck_assert_int_eq(fb_contour_mask(mask, &AX, &c, &err), FB_OK);
  ck_assert_uint_eq(c.n_lines, 2);
  fb_contour_free(&c);
  /* a region touching the grid's corner: the curve closes along the border */
  memset(mask, 0, sizeof mask);
  mask[0] = 1;
  ck_assert_int_eq(fb_contour_mask(mask, &AX, &c, &err), FB_OK);
  ck_assert_uint_eq(c.n_lines, 1);
  ck_assert_double_eq(c.x[c.start[1] - 1], c.x[0]);
  ck_assert_double_eq(c.y[c.start[1] - 1], c.y[0]);
  for (size_t k = 0; k < c.n_points; k++) ck_assert(c.x[k] >= MASS[0] * (1 - 1e-12));
  size_t nf = 0;
  ck_assert_int_eq(fb_contour_write_txt(&c, TMP, "corner", "test", &nf, &err), FB_OK);
  ck_assert_uint_eq(nf, 1);
  fb_contour_free(&c);
  /* an empty mask has no contour */
  memset(mask, 0, sizeof mask);
  ck_assert_int_eq(fb_contour_mask(mask, &AX, &c, &err), FB_OK);
  ck_assert_uint_eq(c.n_lines, 0);
  fb_contour_free(&c);
}
END_TEST

/* ------------------------------------------------------------------ importers */

START_TEST(test_import_foresee) {
  char path[1024];
  if (!shared_file(path, sizeof path, "foresee/DarkPhoton/bounds_E137.txt")) return;
  fb_err err;
  fb_limit lim;
  ck_assert_int_eq(fb_limit_import(&lim, "foresee", path, NULL, &err), FB_OK);
  ck_assert_str_eq(lim.experiment, "E137");
  ck_assert_str_eq(lim.benchmark, "BC1");
  ck_assert_str_eq(lim.y_quantity, "epsilon");
  ck_assert_int_eq(lim.kind, FB_LIMIT_CLOSED);
  ck_assert_uint_eq(lim.n_points, 331);
  ck_assert_double_eq_tol(lim.x[0], 0.00103, 1e-12);   /* first row: 0.00103 3.3625e-08 */
  ck_assert_double_eq_tol(lim.y[0], 3.3625e-08, 1e-20);
  ck_assert_ptr_nonnull(strstr(lim.licence, "MIT"));
  fb_limit_free(&lim);
  /* FORESEE's "# data from 1809.01876" comment becomes the reference */
  if (shared_file(path, sizeof path, "foresee/DarkHiggs/bounds_CHARM.txt")) {
    ck_assert_int_eq(fb_limit_import(&lim, "foresee", path, NULL, &err), FB_OK);
    ck_assert_str_eq(lim.reference, "arXiv:1809.01876");
    ck_assert_str_eq(lim.benchmark, "BC4");
    ck_assert_str_eq(lim.y_quantity, "theta");
    fb_limit_free(&lim);
  }
  /* HNL folders mix U and U^2: the convention must be given */
  if (shared_file(path, sizeof path, "foresee/HNL/HNL-e/bounds_100/bounds_bebc.txt")) {
    ck_assert_int_eq(fb_limit_import(&lim, "foresee", path, NULL, &err), FB_ERR_INPUT);
    ck_assert_ptr_nonnull(strstr(err.msg, "--y-quantity"));
    fb_import_options o = {.y_quantity = "U"};
    ck_assert_int_eq(fb_limit_import(&lim, "foresee", path, &o, &err), FB_OK);
    ck_assert_str_eq(lim.benchmark, "BC6");
    ck_assert_str_eq(lim.y_quantity, "U2");
    ck_assert_double_eq_tol(lim.y[0], 0.8366653524910834 * 0.8366653524910834, 1e-15); /* U -> U^2 */
    fb_limit_free(&lim);
  }
}
END_TEST

START_TEST(test_import_darkcast) {
  char path[1024];
  if (!shared_file(path, sizeof path, "darkcast/BaBar_Lees2014xha.lmt")) return;
  fb_err err;
  fb_limit lim;
  ck_assert_int_eq(fb_limit_import(&lim, "darkcast", path, NULL, &err), FB_OK);
  ck_assert_str_eq(lim.experiment, "BaBar");
  ck_assert_str_eq(lim.reference, "INSPIRE:Lees:2014xha");
  ck_assert_int_eq(lim.kind, FB_LIMIT_UPPER_BOUND); /* "# mass lower": excluded above */
  ck_assert_uint_eq(lim.n_points, 5653);
  fb_limit_free(&lim);
  if (shared_file(path, sizeof path, "darkcast/CHARM_Bergsma1985qz.lmt")) {
    ck_assert_int_eq(fb_limit_import(&lim, "darkcast", path, NULL, &err), FB_OK);
    ck_assert_int_eq(lim.kind, FB_LIMIT_EDGES); /* "# mass lower upper" */
    ck_assert_double_eq_tol(lim.y_hi[0], 1.9906e-04, 1e-12);
    fb_limit_free(&lim);
  }
  if (shared_file(path, sizeof path, "darkcast/LHCb_Aaij2019bvg_prompt.lmt")) {
    ck_assert_int_eq(fb_limit_import(&lim, "darkcast", path, NULL, &err), FB_OK);
    ck_assert_str_eq(lim.experiment, "LHCb_prompt");
    fb_limit_free(&lim);
  }
}
END_TEST

START_TEST(test_import_darkmatterlive) {
  char path[1024];
  if (!shared_file(path, sizeof path, "darkmatterlive/BaBar.csv")) return;
  fb_err err;
  fb_limit lim;
  ck_assert_int_eq(fb_limit_import(&lim, "darkmatterlive", path, NULL, &err), FB_OK);
  ck_assert_str_eq(lim.experiment, "BaBar");
  ck_assert_str_eq(lim.reference, "arXiv:1406.2980");
  ck_assert_str_eq(lim.benchmark, "BC1");
  ck_assert_double_eq_tol(lim.x[0], 0.019859223, 1e-15); /* first row after the "x,y" header */
  fb_limit_free(&lim);
  /* a CSV without its JSON sidecar */
  if (shared_file(path, sizeof path, "darkmatterlive/CAST.csv")) {
    ck_assert_int_eq(fb_limit_import(&lim, "darkmatterlive", path, NULL, &err), FB_ERR_INPUT);
    ck_assert_ptr_nonnull(strstr(err.msg, "sidecar"));
  }
  /* projected sensitivities are not limits unless asked for */
  if (shared_file(path, sizeof path, "darkmatterlive/DarkQuest_2023_.csv")) {
    ck_assert_int_eq(fb_limit_import(&lim, "darkmatterlive", path, NULL, &err), FB_ERR_INPUT);
    ck_assert_ptr_nonnull(strstr(err.msg, "projection"));
    fb_import_options o = {.allow_projection = 1};
    ck_assert_int_eq(fb_limit_import(&lim, "darkmatterlive", path, &o, &err), FB_OK);
    ck_assert_ptr_nonnull(strstr(lim.notes, "PROJECTED"));
    fb_limit_free(&lim);
  }
  /* a digitised curve that crosses itself is repaired (split into simple loops, noted), or
   * refused with the two crossing edges under no_repair */
  if (shared_file(path, sizeof path, "darkmatterlive/Crab.csv")) {
    fb_import_options nr = {.no_repair = 1};
    ck_assert_int_eq(fb_limit_import(&lim, "darkmatterlive", path, &nr, &err), FB_ERR_INPUT);
    ck_assert_ptr_nonnull(strstr(err.msg, "intersects itself"));
    ck_assert_int_eq(fb_limit_import(&lim, "darkmatterlive", path, NULL, &err), FB_OK);
    ck_assert_ptr_nonnull(strstr(lim.notes, "REPAIRED"));
    ck_assert_uint_ge(lim.n_segments, 2);
    fb_limit_free(&lim);
  }
}
END_TEST

START_TEST(test_import_hnlimits) {
  char path[1024];
  if (!shared_file(path, sizeof path, "hnlimits/ue4/BEBC_1985.dat")) return;
  fb_err err;
  fb_limit lim;
  ck_assert_int_eq(fb_limit_import(&lim, "hnlimits", path, NULL, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "--x-unit"));
  fb_import_options o = {.x_unit = "GeV", .y_quantity = "Ue2", .cl_percent = 90};
  ck_assert_int_eq(fb_limit_import(&lim, "hnlimits", path, &o, &err), FB_OK);
  ck_assert_str_eq(lim.benchmark, "BC6");
  ck_assert_str_eq(lim.experiment, "ue4_BEBC_1985");
  ck_assert_double_eq_tol(lim.x[0], 3.33865348e-1, 1e-12);
  ck_assert_double_eq_tol(lim.y[0], 2.87992476e-5, 1e-16);
  fb_limit_free(&lim);
  /* the same numbers in MeV and |U| with a sidecar: converted to GeV and U^2 */
  tmp_file("hnl.dat", "# m4 (MeV) U\n100 1e-3\n200 2e-3\n300 1e-3\n");
  tmp_file("hnl.dat.units", "# units of hnl.dat\nx_unit = MeV\ny_quantity = Umu\ncl_percent = 95\n");
  snprintf(path, sizeof path, "%s/hnl.dat", TMP);
  ck_assert_int_eq(fb_limit_import(&lim, "hnlimits", path, NULL, &err), FB_OK);
  ck_assert_str_eq(lim.benchmark, "BC7");
  ck_assert_str_eq(lim.y_quantity, "Umu2");
  ck_assert_double_eq_tol(lim.x[1], 0.2, 1e-15);
  ck_assert_double_eq_tol(lim.y[1], 4e-6, 1e-18);
  ck_assert_double_eq(lim.cl_percent, 95);
  fb_limit_free(&lim);
  tmp_file("hnl.dat.units", "x_unit = MeV\ny_quantity = Umu\ncl = 95\n");
  ck_assert_int_eq(fb_limit_import(&lim, "hnlimits", path, NULL, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "unknown key 'cl'"));
  /* an upper-bound curve must be sorted in mass */
  tmp_file("unsorted.dat", "0.3 1e-5\n0.1 1e-5\n");
  snprintf(path, sizeof path, "%s/unsorted.dat", TMP);
  ck_assert_int_eq(fb_limit_import(&lim, "hnlimits", path, &o, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "not sorted"));
}
END_TEST

START_TEST(test_import_axionlimits) {
  fb_err err;
  fb_limit lim;
  /* AxionLimits style: mass in eV, g in GeV^-1, closed region */
  const char *p = tmp_file("Helioscope.txt", "1e-10 1e-10\n1e-2 1e-10\n1e-2 1e-5\n1e-10 1e-5\n");
  ck_assert_int_eq(fb_limit_import(&lim, "axionlimits", p, NULL, &err), FB_OK);
  ck_assert_str_eq(lim.benchmark, "BC9");
  ck_assert_str_eq(lim.y_unit, "GeV^-1");
  ck_assert_double_eq_tol(lim.x[1], 1e-11, 1e-25); /* 1e-2 eV = 1e-11 GeV */
  fb_limit_free(&lim);
  fb_import_options o = {.y_unit = "TeV^-1"};
  ck_assert_int_eq(fb_limit_import(&lim, "axionlimits", p, &o, &err), FB_OK);
  ck_assert_double_eq_tol(lim.y[0], 1e-13, 1e-27); /* 1e-10 TeV^-1 = 1e-13 GeV^-1 */
  fb_limit_free(&lim);
  p = tmp_file("bad3.txt", "1e-10 1e-10 5\n");
  ck_assert_int_eq(fb_limit_import(&lim, "axionlimits", p, NULL, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "wrong column count"));
  ck_assert_int_eq(fb_limit_import(&lim, "nosuch", p, NULL, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "foresee|darkcast"));
}
END_TEST

int main(void) {
  snprintf(TMP, sizeof TMP, "/tmp/fb_test_limits_XXXXXX");
  if (!mkdtemp(TMP)) return 1;
  fb_error_init();
  Suite *s = suite_create("limits");
  TCase *tc = tcase_create("limits");
  tcase_add_test(tc, test_round_trip);
  tcase_add_test(tc, test_validation_errors);
  tcase_add_test(tc, test_touching_polygon_allowed);
  tcase_add_test(tc, test_conversions);
  tcase_add_test(tc, test_raster_closed);
  tcase_add_test(tc, test_raster_curves);
  tcase_add_test(tc, test_contours);
  tcase_add_test(tc, test_import_foresee);
  tcase_add_test(tc, test_import_darkcast);
  tcase_add_test(tc, test_import_darkmatterlive);
  tcase_add_test(tc, test_import_hnlimits);
  tcase_add_test(tc, test_import_axionlimits);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_VERBOSE);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  char cmd[512];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", TMP);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", TMP);
  return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
