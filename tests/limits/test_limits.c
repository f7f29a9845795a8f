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
  /* BC11: FORESEE's g_agg (L = -(g_s^2/8) g_agg a G Gdual) -> inv_fG (L = alpha_s/(8 pi f_G) a G Gdual):
   * g_s^2/8 g = alpha_s/(8 pi f_G) with g_s^2 = 4 pi alpha_s gives inv_fG = 4 pi^2 g_agg, written out here */
  ck_assert_int_eq(fb_limit_coupling_convert("g_agg_gluon", "GeV^-1", "inv_fG", "GeV^-1", &f, &p, &err), FB_OK);
  ck_assert_double_eq(p, 1);
  ck_assert_double_eq_tol(f, (4.0 * 3.14159265358979323846 * 3.14159265358979323846), 1e-12);
  ck_assert_int_eq(fb_limit_coupling_convert("inv_fG", "TeV^-1", "g_agg_gluon", "GeV^-1", &f, &p, &err), FB_OK);
  ck_assert_double_eq_tol(f, 1e-3 / ((4.0 * 3.14159265358979323846 * 3.14159265358979323846)), 1e-18);
  ck_assert_int_eq(fb_limit_coupling_convert("inv_fa", "GeV^-1", "inv_fG", "GeV^-1", &f, &p, &err), FB_ERR_INPUT);
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

/* ------------------------------------------------------------------ issue 17: correct limits */

/* write a file of exactly n bytes (content may hold NUL bytes) */
static const char *tmp_bytes(const char *name, const char *content, size_t n) {
  static char path[512];
  snprintf(path, sizeof path, "%s/%s", TMP, name);
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  ck_assert_uint_eq(fwrite(content, 1, n, f), n);
  fclose(f);
  return path;
}

/* Heavy-Neutrino-Limits: units per file from a units table (MeV files land at MeV masses), a
 * top/bottom pair becomes the closed region between them, the top is skipped, a file that the table
 * marks closed is a polygon */
START_TEST(test_hnl_units_table) {
  char dir[512], path[1024];
  snprintf(dir, sizeof dir, "%s/hnl", TMP);
  mkdir(dir, 0777);
  snprintf(path, sizeof path, "%s/hnl/ue4", TMP);
  mkdir(path, 0777);
  tmp_file("hnl/ue4/TRIUMF_1992.dat", "# m4 (MeV) Ue4^2\n49.06 1.2e-7\n80.5 3.1e-8\n131.26 2.5e-8\n");
  tmp_file("hnl/ue4/Belle_bottom.dat", "0.5 1e-4\n1.0 2e-5\n3.0 1e-5\n");
  tmp_file("hnl/ue4/Belle_top.dat", "# the upper edge\n0.5 1e-2\n2.0 5e-3\n3.0 1e-3 # digitised\n");
  tmp_file("hnl/ue4/NA3.dat", "0.6 6e-3\n1.0 1e-4\n2.0 6e-3\n1.0 3e-1\n");
  const char *table = tmp_file("hnl_Ue4.units",
                               "# fipbounds-units-table 1\n\n[ue4/TRIUMF_1992.dat]\nexperiment = triumf\nx_unit = MeV\n"
                               "y_quantity = Ue2\ncl_percent = 90\nkind = upper_bound\nreference = INSPIRE:Britton:1992xv\n"
                               "assumptions = dark_matter=none; decay=any\n\n[ue4/Belle_bottom.dat]\nexperiment = belle\n"
                               "x_unit = GeV\ny_quantity = Ue2\ncl_percent = 90\ntop_file = ue4/Belle_top.dat\n\n"
                               "[ue4/Belle_top.dat]\nx_unit = GeV\ny_quantity = Ue2\ncl_percent = 90\n"
                               "top_of = ue4/Belle_bottom.dat\n\n[ue4/NA3.dat]\nexperiment = na3\nx_unit = GeV\n"
                               "y_quantity = Ue2\ncl_percent = 95.45\nkind = closed\n");
  char tab[512];
  snprintf(tab, sizeof tab, "%s", table);
  fb_import_options o = {.units_table = tab};
  fb_err err;
  fb_limit lim;
  /* the files of the table, upper edges left out */
  char **files = NULL;
  size_t n = 0;
  ck_assert_int_eq(fb_limit_units_table_files(tab, &files, &n, &err), FB_OK);
  ck_assert_uint_eq(n, 3);
  ck_assert_str_eq(files[1], "ue4/Belle_bottom.dat");
  for (size_t k = 0; k < n; k++) free(files[k]);
  free(files);
  /* MeV -> GeV: TRIUMF at 49-131 MeV, not 49-131 GeV */
  snprintf(path, sizeof path, "%s/hnl/ue4/TRIUMF_1992.dat", TMP);
  ck_assert_int_eq(fb_limit_import(&lim, "hnlimits", path, &o, &err), FB_OK);
  ck_assert_str_eq(lim.experiment, "triumf");
  ck_assert_str_eq(lim.benchmark, "BC6");
  ck_assert_int_eq(lim.kind, FB_LIMIT_UPPER_BOUND);
  ck_assert_double_eq_tol(lim.x[0], 0.04906, 1e-15);
  ck_assert_double_eq_tol(lim.x[2], 0.13126, 1e-15);
  ck_assert_str_eq(lim.assumptions, "dark_matter=none; decay=any");
  ck_assert_ptr_nonnull(strstr(lim.provenance, "units table"));
  fb_limit_free(&lim);
  /* the region between bottom and top: closed, bottom by increasing mass, top by decreasing mass */
  snprintf(path, sizeof path, "%s/hnl/ue4/Belle_bottom.dat", TMP);
  ck_assert_int_eq(fb_limit_import(&lim, "hnlimits", path, &o, &err), FB_OK);
  ck_assert_int_eq(lim.kind, FB_LIMIT_CLOSED);
  ck_assert_uint_eq(lim.n_points, 6);
  ck_assert_double_eq(lim.y[2], 1e-5);
  ck_assert_double_eq(lim.x[3], 3.0);
  ck_assert_double_eq(lim.y[3], 1e-3); /* the inline '# digitised' comment is dropped, as numpy does */
  ck_assert_double_eq(lim.y[5], 1e-2);
  /* U^2 = 1e-3 at 1 GeV lies between the edges; 1e-6 below, 0.1 above */
  double mgrid[3] = {0.9, 1.0, 1.1}, ugrid[3] = {1e-6, 1e-3, 1e-1};
  fb_limit_axes ax = {.n_mass = 3, .n_coupling = 3, .mass_GeV = mgrid, .coupling = ugrid, .mass_log = 1,
                      .coupling_log = 1, .coupling_name = "Ue2", .coupling_unit = ""};
  uint8_t m[9];
  ck_assert_int_eq(fb_limit_rasterise(&lim, &ax, m, &err), FB_OK);
  ck_assert_int_eq(m[1 * 3 + 0], 0);
  ck_assert_int_eq(m[1 * 3 + 1], 1);
  ck_assert_int_eq(m[1 * 3 + 2], 0);
  fb_limit_free(&lim);
  /* the top is skipped with the reason, and refused by fb_limit_import */
  char reason[2048];
  snprintf(path, sizeof path, "%s/hnl/ue4/Belle_top.dat", TMP);
  ck_assert_int_eq(fb_limit_import_skip("hnlimits", path, &o, reason, sizeof reason, &err), FB_OK);
  ck_assert_ptr_nonnull(strstr(reason, "upper edge"));
  ck_assert_int_eq(fb_limit_import(&lim, "hnlimits", path, &o, &err), FB_ERR_INPUT);
  /* a blanket --x-unit that contradicts the file's header is refused (the issue: TRIUMF at 49-131 GeV) */
  snprintf(path, sizeof path, "%s/hnl/ue4/TRIUMF_1992.dat", TMP);
  fb_import_options gev = {.x_unit = "GeV", .y_quantity = "Ue2", .cl_percent = 90};
  ck_assert_int_eq(fb_limit_import(&lim, "hnlimits", path, &gev, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "the file header gives the mass in MeV, --x-unit says GeV"));
  snprintf(path, sizeof path, "%s/hnl/ue4/Belle_top.dat", TMP);
  /* without a table the X_top.dat / X_bottom.dat names give the same region */
  fb_import_options cli = {.x_unit = "GeV", .y_quantity = "Ue2", .cl_percent = 90};
  ck_assert_int_eq(fb_limit_import_skip("hnlimits", path, &cli, reason, sizeof reason, &err), FB_OK);
  ck_assert_ptr_nonnull(strstr(reason, "Belle_bottom.dat"));
  snprintf(path, sizeof path, "%s/hnl/ue4/Belle_bottom.dat", TMP);
  ck_assert_int_eq(fb_limit_import(&lim, "hnlimits", path, &cli, &err), FB_OK);
  ck_assert_int_eq(lim.kind, FB_LIMIT_CLOSED);
  fb_limit_free(&lim);
  /* a file the table calls closed (file_top == file_bottom in the database) */
  snprintf(path, sizeof path, "%s/hnl/ue4/NA3.dat", TMP);
  ck_assert_int_eq(fb_limit_import(&lim, "hnlimits", path, &o, &err), FB_OK);
  ck_assert_int_eq(lim.kind, FB_LIMIT_CLOSED);
  ck_assert_double_eq(lim.cl_percent, 95.45);
  fb_limit_free(&lim);
  /* a table that is not one */
  const char *bad = tmp_file("bad.units", "[ue4/NA3.dat]\nx_unit = GeV\n");
  fb_import_options ob = {.units_table = bad};
  ck_assert_int_eq(fb_limit_import(&lim, "hnlimits", path, &ob, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "not a units table"));
  const char *bad2 = tmp_file("bad2.units", "# fipbounds-units-table 1\n[ue4/NA3.dat]\nunit = GeV\n");
  ob.units_table = bad2;
  ck_assert_int_eq(fb_limit_import(&lim, "hnlimits", path, &ob, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "bad2.units:3: unknown key 'unit'"));
}
END_TEST

/* the real collection: the files of the issue land at MeV-scale masses (table written by
 * tools/hnl_units_table.py in the ctest hnl_units_table; here from the ../shared spreadsheet) */
START_TEST(test_hnl_shared_collection) {
  char xlsx[1024], cmd[4096], path[1024];
  if (!shared_file(xlsx, sizeof xlsx, "hnlimits/local_HNL_database.xlsx")) return;
  if (access("/usr/bin/python3", X_OK) != 0) {
    printf("SKIP: /usr/bin/python3 not found\n");
    return;
  }
  snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s/tools/hnl_units_table.py %s %s/tables >/dev/null", FB_SOURCE_DIR, xlsx,
           TMP);
  ck_assert_int_eq(system(cmd), 0);
  static const struct {
    const char *sheet, *file;
    double max_mass_GeV;
    int kind;
  } cases[] = {{"Ue4", "ue4/TRIUMF_1992.dat", 0.14, FB_LIMIT_UPPER_BOUND},
               {"Ue4", "ue4/F.dat", 0.003, FB_LIMIT_UPPER_BOUND},
               {"Ue4", "ue4/PIENU_bryman_shrock.dat", 0.14, FB_LIMIT_UPPER_BOUND},
               {"Umu4", "KEK/KEK_mu.dat", 0.31, FB_LIMIT_UPPER_BOUND},
               {"Umu4", "umu4/PIENU_2019_lowT.dat", 0.034, FB_LIMIT_UPPER_BOUND},
               {"Umu4", "NA3/NA3.dat", 2.1, FB_LIMIT_CLOSED},
               {"Umu4", "umu4/NuTeV_bottom.dat", 1.8, FB_LIMIT_CLOSED},
               /* not in the spreadsheet: the earlier Nlimits lists of the collection */
               {"Ue4", "ue4/PIENU.dat", 0.13, FB_LIMIT_UPPER_BOUND},
               {"Ue4", "ue4/KEK.dat", 0.37, FB_LIMIT_UPPER_BOUND},
               {"Ue4", "ue4/De2_bryman_shrock.dat", 0.86, FB_LIMIT_UPPER_BOUND},
               {"Umu4", "umu4/PS191_bottom.dat", 0.37, FB_LIMIT_CLOSED}};
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    char table[1024];
    snprintf(table, sizeof table, "%s/tables/hnl_%s.units", TMP, cases[k].sheet);
    snprintf(path, sizeof path, "%s/data/limits/hnlimits/%s", FB_SHARED_DIR, cases[k].file);
    if (access(path, R_OK) != 0) {
      printf("SKIP: %s not in this copy\n", path);
      continue;
    }
    fb_import_options o = {.units_table = table};
    fb_err err;
    fb_limit lim;
    ck_assert_msg(fb_limit_import(&lim, "hnlimits", path, &o, &err) == FB_OK, "%s: %s", path, err.msg);
    double xmax = 0;
    for (size_t i = 0; i < lim.n_points; i++) xmax = fmax(xmax, lim.x[i]);
    ck_assert_msg(xmax < cases[k].max_mass_GeV, "%s: largest mass %g GeV", cases[k].file, xmax);
    ck_assert_int_eq(lim.kind, cases[k].kind);
    fb_limit_free(&lim);
  }
}
END_TEST

/* Darkcast: invisible-decay searches are not visible BC1 limits */
START_TEST(test_darkcast_decay) {
  fb_err err;
  fb_limit lim;
  char reason[2048], path[1024];
  const char *p = tmp_file("BaBar_Lees2017lec.lmt", "#      mass       lower\n0.01 1e-3\n1.0 1e-3\n8.0 2e-3\n");
  snprintf(path, sizeof path, "%s", p);
  ck_assert_int_eq(fb_limit_import_skip("darkcast", path, NULL, reason, sizeof reason, &err), FB_OK);
  ck_assert_ptr_nonnull(strstr(reason, "invisible-decay search"));
  ck_assert_int_eq(fb_limit_import(&lim, "darkcast", path, NULL, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "--benchmark BC2"));
  fb_import_options bc2 = {.benchmark = "BC2"};
  ck_assert_int_eq(fb_limit_import_skip("darkcast", path, &bc2, reason, sizeof reason, &err), FB_OK);
  ck_assert_str_eq(reason, "");
  ck_assert_int_eq(fb_limit_import(&lim, "darkcast", path, &bc2, &err), FB_OK);
  ck_assert_str_eq(lim.benchmark, "BC2");
  ck_assert_str_eq(lim.assumptions, "decay=invisible; dark_matter=none");
  fb_limit_free(&lim);
  /* the .py beside the .lmt decides (Darkcast's own description of the limit) */
  p = tmp_file("NewExp_Someone2030abc.lmt", "0.01 1e-3\n1.0 1e-3\n");
  snprintf(path, sizeof path, "%s", p);
  ck_assert_int_eq(fb_limit_import(&lim, "darkcast", path, NULL, &err), FB_OK);
  ck_assert_str_eq(lim.assumptions, "decay=visible; dark_matter=none");
  ck_assert_str_eq(lim.benchmark, "BC1");
  fb_limit_free(&lim);
  tmp_file("NewExp_Someone2030abc.py", "production = darkcast.Production(\"e_e\")\ndecay = \"invisible\"\n");
  ck_assert_int_eq(fb_limit_import(&lim, "darkcast", path, NULL, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "NewExp_Someone2030abc.py"));
  fb_import_options vis = {.decay = "visible"};
  ck_assert_int_eq(fb_limit_import(&lim, "darkcast", path, &vis, &err), FB_OK);
  fb_limit_free(&lim);
  /* the collection's invisible searches */
  const char *inv[] = {"darkcast/BaBar_Lees2017lec.lmt", "darkcast/NA64_NA642019imj.lmt"};
  for (size_t k = 0; k < 2; k++)
    if (shared_file(path, sizeof path, inv[k])) {
      ck_assert_int_eq(fb_limit_import_skip("darkcast", path, NULL, reason, sizeof reason, &err), FB_OK);
      ck_assert_msg(strstr(reason, "invisible") != NULL, "%s imported as a visible limit", inv[k]);
    }
  if (shared_file(path, sizeof path, "darkcast/NA64_Banerjee2019hmi.lmt")) { /* visible (X17 search) */
    ck_assert_int_eq(fb_limit_import(&lim, "darkcast", path, NULL, &err), FB_OK);
    ck_assert_str_eq(lim.benchmark, "BC1");
    fb_limit_free(&lim);
  }
}
END_TEST

/* Dark Matter Live: curves assuming the dark photon is the dark matter are not BC1 limits */
START_TEST(test_darkmatterlive_dm_assumption) {
  fb_err err;
  fb_limit lim;
  char path[1024], reason[2048];
  tmp_file("DMX.csv", "x,y\n1e-9,1e-12\n1e-6,1e-12\n1e-6,1e-9\n");
  tmp_file("DMX.json", "{\"labelName\": \"DMX\", \"paperUrls\": [\"https://arxiv.org/abs/2406.19445\"],"
                       " \"url\": \"../../data/BC1/DMX.csv\", \"curveType\": \"excluded\","
                       " \"categories\": {\"assumption\": \"Dark Matter\"}}\n");
  snprintf(path, sizeof path, "%s/DMX.csv", TMP);
  ck_assert_int_eq(fb_limit_import_skip("darkmatterlive", path, NULL, reason, sizeof reason, &err), FB_OK);
  ck_assert_ptr_nonnull(strstr(reason, "dark matter"));
  ck_assert_int_eq(fb_limit_import(&lim, "darkmatterlive", path, NULL, &err), FB_ERR_INPUT);
  fb_import_options o = {.allow_dark_matter = 1};
  ck_assert_int_eq(fb_limit_import(&lim, "darkmatterlive", path, &o, &err), FB_OK);
  ck_assert_str_eq(lim.assumptions, "dark_matter=fip");
  /* ... and such a limit does not fit the BC1 plane; the message names both */
  char plane[256], why[512];
  fb_limit_plane_assumptions("BC1", 0, 0, NULL, plane, sizeof plane);
  ck_assert_str_eq(plane, "decay=visible; dark_matter=none");
  ck_assert_int_eq(fb_limit_assumptions_fit(lim.assumptions, plane, why, sizeof why), 0);
  ck_assert_ptr_nonnull(strstr(why, "the limit assumes dark_matter=fip, the plane allows dark_matter=none"));
  fb_limit_free(&lim);
  if (shared_file(path, sizeof path, "darkmatterlive/INTEGRAL.csv")) {
    ck_assert_int_eq(fb_limit_import_skip("darkmatterlive", path, NULL, reason, sizeof reason, &err), FB_OK);
    ck_assert_ptr_nonnull(strstr(reason, "dark matter"));
  }
}
END_TEST

START_TEST(test_assumptions) {
  char plane[256], why[512];
  fb_limit_plane_assumptions("BC2", 0.1, 3, NULL, plane, sizeof plane);
  ck_assert_str_eq(plane, "decay=invisible; dark_matter=none|chi; alpha_D=0.1; mass_ratio=3");
  ck_assert_int_eq(fb_limit_assumptions_fit("decay=invisible; dark_matter=none", plane, why, sizeof why), 1);
  ck_assert_int_eq(fb_limit_assumptions_fit("dark_matter=chi; alpha_D=0.10000000001; mass_ratio=3", plane, NULL, 0), 1);
  ck_assert_int_eq(fb_limit_assumptions_fit("decay=invisible; alpha_D=0.5", plane, why, sizeof why), 0);
  ck_assert_str_eq(why, "alpha_D: the limit assumes alpha_D=0.5, the plane allows alpha_D=0.1");
  ck_assert_int_eq(fb_limit_assumptions_fit("decay=visible", plane, why, sizeof why), 0);
  ck_assert_int_eq(fb_limit_assumptions_fit("", plane, why, sizeof why), 1); /* nothing stated */
  fb_limit_plane_assumptions("BC9", 0, 0, NULL, plane, sizeof plane);
  ck_assert_str_eq(plane, "dark_matter=none");
  fb_err err;
  ck_assert_int_eq(fb_limit_assumptions_parse_check("decay=visible; dark_matter=none", "t", &err), FB_OK);
  ck_assert_int_eq(fb_limit_assumptions_parse_check("decay visible", "t", &err), FB_ERR_INPUT);
  ck_assert_int_eq(fb_limit_assumptions_parse_check("decay=visible; decay=invisible", "t", &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "given twice"));
  /* the header line survives a round trip; a malformed one is refused with the file */
  fb_limit a, b;
  const char *p = tmp_file("as.limit", HEADER("closed") "# assumptions: decay=visible; dark_matter=none\n"
                                                       "0.01 1e-6\n0.1 1e-5\n0.1 1e-6\n");
  ck_assert_int_eq(fb_limit_read(&a, p, &err), FB_OK);
  char out[512];
  snprintf(out, sizeof out, "%s/as2.limit", TMP);
  ck_assert_int_eq(fb_limit_write(&a, out, &err), FB_OK);
  ck_assert_int_eq(fb_limit_read(&b, out, &err), FB_OK);
  ck_assert_str_eq(b.assumptions, "decay=visible; dark_matter=none");
  fb_limit_free(&a);
  fb_limit_free(&b);
  p = tmp_file("as3.limit", HEADER("closed") "# assumptions: visible\n0.01 1e-6\n0.1 1e-5\n0.1 1e-6\n");
  ck_assert_int_eq(fb_limit_read(&a, p, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "as3.limit: assumptions 'visible'"));
}
END_TEST

/* one naming scheme: g_agamma canonical, g_agg (the scan models' old name) an alias */
START_TEST(test_coupling_aliases) {
  fb_err err;
  double f, p;
  ck_assert_int_eq(fb_limit_coupling_convert("g_agamma", "TeV^-1", "g_agg", "GeV^-1", &f, &p, &err), FB_OK);
  ck_assert_double_eq_tol(f, 1e-3, 1e-18);
  ck_assert_double_eq(p, 1);
  ck_assert_int_eq(fb_limit_coupling_convert("sin2_theta", "", "sin2theta", "", &f, &p, &err), FB_OK);
  ck_assert_double_eq(p, 1);
  ck_assert_int_eq(fb_limit_coupling_convert("eps", "", "epsilon2", "", &f, &p, &err), FB_OK);
  ck_assert_double_eq(p, 2);
  ck_assert_int_eq(fb_limit_coupling_convert("epsilon", "", "y", "", &f, &p, &err), FB_ERR_INPUT);
}
END_TEST

/* self-intersecting boundaries are split into simple loops; the region is their union */
START_TEST(test_repair_self_intersection) {
  fb_err err;
  fb_limit lim;
  /* a bow tie (1,1)-(10,10)-(10,1)-(1,10) in units of (0.01 GeV, 1e-6): two triangles meeting at
   * the centre; and a curl: a square whose boundary loops once around a small square outside it */
  const char *p = tmp_file("bowtie.limit", HEADER("closed") "0.01 1e-6\n0.1 1e-5\n0.1 1e-6\n0.01 1e-5\n");
  ck_assert_int_eq(fb_limit_read(&lim, p, &err), FB_ERR_INPUT); /* the format stays strict */
  fb_limit_init(&lim);
  double bx[] = {0.01, 0.1, 0.1, 0.01}, by[] = {1e-6, 1e-5, 1e-6, 1e-5};
  for (int k = 0; k < 4; k++) ck_assert_int_eq(fb_limit_add_point(&lim, bx[k], by[k], NAN, &err), FB_OK);
  snprintf(lim.experiment, sizeof lim.experiment, "BowTie");
  snprintf(lim.x_unit, sizeof lim.x_unit, "GeV");
  snprintf(lim.y_quantity, sizeof lim.y_quantity, "epsilon");
  lim.kind = FB_LIMIT_CLOSED;
  size_t nx = 0;
  ck_assert_int_eq(fb_limit_repair_polygons(&lim, &nx, &err), FB_OK);
  ck_assert_uint_eq(nx, 1);
  ck_assert_uint_eq(lim.n_segments, 2);
  ck_assert_uint_eq(lim.n_points, 6);
  /* the crossing point is the centre in log space: (10^-1.5 GeV, 10^-5.5) */
  int found = 0;
  for (size_t i = 0; i < lim.n_points; i++)
    found |= fabs(lim.x[i] / pow(10, -1.5) - 1) < 1e-12 && fabs(lim.y[i] / pow(10, -5.5) - 1) < 1e-12;
  ck_assert(found);
  /* rasterised: inside the left and right triangles, not above or below the centre */
  double mg[3] = {pow(10, -1.9), pow(10, -1.5), pow(10, -1.1)}, cg[3] = {pow(10, -5.9), pow(10, -5.5), pow(10, -5.1)};
  fb_limit_axes ax = {.n_mass = 3, .n_coupling = 3, .mass_GeV = mg, .coupling = cg, .mass_log = 1, .coupling_log = 1,
                      .coupling_name = "epsilon", .coupling_unit = ""};
  uint8_t m[9];
  ck_assert_int_eq(fb_limit_rasterise(&lim, &ax, m, &err), FB_OK);
  ck_assert_int_eq(m[0 * 3 + 1], 1); /* left lobe */
  ck_assert_int_eq(m[2 * 3 + 1], 1); /* right lobe */
  ck_assert_int_eq(m[1 * 3 + 0], 0); /* below the centre */
  ck_assert_int_eq(m[1 * 3 + 2], 0); /* above the centre */
  ck_assert_int_eq(fb_limit_validate(&lim, "bowtie", &err), FB_ERR_INPUT); /* metadata not set here */
  ck_assert_ptr_null(strstr(err.msg, "intersects itself"));
  fb_limit_free(&lim);
  /* importers repair by default and note it; --no-repair refuses */
  char dir[512];
  snprintf(dir, sizeof dir, "%s/DarkPhoton", TMP);
  mkdir(dir, 0777);
  p = tmp_file("DarkPhoton/bounds_Twist.txt", "0.01 1e-6\n0.1 1e-5\n0.1 1e-6\n0.01 1e-5\n");
  char path[1024];
  snprintf(path, sizeof path, "%s", p);
  ck_assert_int_eq(fb_limit_import(&lim, "foresee", path, NULL, &err), FB_OK);
  ck_assert_ptr_nonnull(strstr(lim.notes, "REPAIRED: the boundary crossed itself 1 time(s)"));
  fb_limit_free(&lim);
  fb_import_options nr = {.no_repair = 1};
  ck_assert_int_eq(fb_limit_import(&lim, "foresee", path, &nr, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "intersects itself"));
  /* FORESEE's BESIII_2022 (the case of the issue) */
  if (shared_file(path, sizeof path, "foresee/ALP-photon/bounds_BESIII_2022.txt")) {
    ck_assert_int_eq(fb_limit_import(&lim, "foresee", path, NULL, &err), FB_OK);
    ck_assert_ptr_nonnull(strstr(lim.notes, "REPAIRED"));
    ck_assert_int_eq(fb_limit_validate(&lim, path, &err), FB_OK);
    fb_limit_free(&lim);
  }
}
END_TEST

/* FORESEE closes some regions at m = 0 (ALP-W KOTO, DarkHiggs Belle2): imported, with the vertex
 * below every scan range, instead of refused as "not positive" */
START_TEST(test_foresee_zero_mass) {
  char dir[512], path[1024];
  snprintf(dir, sizeof dir, "%s/DarkHiggs", TMP);
  mkdir(dir, 0777);
  snprintf(path, sizeof path, "%s", tmp_file("DarkHiggs/bounds_Zero.txt", "0.0 100.0\n0.0 1.5e-3\n0.21 1.5e-3\n0.21 100.0\n"));
  fb_err err;
  fb_limit lim;
  ck_assert_msg(fb_limit_import(&lim, "foresee", path, NULL, &err) == FB_OK, "%s", err.msg);
  ck_assert_double_eq(lim.x[0], 1e-30);
  ck_assert_ptr_nonnull(strstr(lim.notes, "2 vertex(es) at m = 0"));
  double mg[2] = {1e-6, 0.1}, cg[2] = {1e-4, 1e-2};
  fb_limit_axes ax = {.n_mass = 2, .n_coupling = 2, .mass_GeV = mg, .coupling = cg, .mass_log = 1, .coupling_log = 1,
                      .coupling_name = "theta", .coupling_unit = ""};
  uint8_t m[4];
  ck_assert_int_eq(fb_limit_rasterise(&lim, &ax, m, &err), FB_OK);
  ck_assert_int_eq(m[0 * 2 + 1], 1); /* 1 keV, theta = 1e-2: inside the region that reaches m -> 0 */
  ck_assert_int_eq(m[1 * 2 + 1], 1);
  ck_assert_int_eq(m[0 * 2 + 0], 0);
  fb_limit_free(&lim);
}
END_TEST

/* FORESEE's ALP-W (g_aWW, the ALP coupled to SU(2)_L) is not PBC BC10 (the ALP with fermion couplings):
 * refused instead of labelled BC10; with an explicit --benchmark it imports, keeping g_aW */
START_TEST(test_foresee_alpw_not_bc10) {
  char dir[512], path[1024];
  snprintf(dir, sizeof dir, "%s/ALP-W", TMP);
  mkdir(dir, 0777);
  snprintf(path, sizeof path, "%s", tmp_file("ALP-W/bounds_KTEV.txt", "0.16 2e-3\n0.17 3e-4\n0.2 3e-4\n0.2 2e-3\n"));
  fb_err err;
  fb_limit lim;
  ck_assert_int_eq(fb_limit_import(&lim, "foresee", path, NULL, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "not a PBC benchmark"));
  fb_import_options o = {.benchmark = "BC10"};
  ck_assert_msg(fb_limit_import(&lim, "foresee", path, &o, &err) == FB_OK, "%s", err.msg);
  ck_assert_str_eq(lim.y_quantity, "g_aW");
  fb_limit_free(&lim);
}
END_TEST

/* ------------------------------------------------------------------ issue 18 item 11: importer robustness */

START_TEST(test_import_robustness) {
  fb_err err;
  fb_limit lim;
  fb_import_options o = {.x_unit = "GeV", .y_quantity = "Ue2", .cl_percent = 90};
  char path[1024];
  /* content after a NUL byte is refused, with the byte offset (import and limit files) */
  static const char nul[] = "0.1 1e-5\n0.2 1e-5\0 junk\n0.3 1e-5\n";
  snprintf(path, sizeof path, "%s", tmp_bytes("nul.dat", nul, sizeof nul - 1));
  ck_assert_int_eq(fb_limit_import(&lim, "hnlimits", path, &o, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "nul.dat:2: NUL byte at byte offset 17"));
  static const char nul2[] = HEADER("closed") "0.01 1e-6\n0.1 1e-5\n\0\n0.1 1e-6\n";
  snprintf(path, sizeof path, "%s", tmp_bytes("nul.limit", nul2, sizeof nul2 - 1));
  ck_assert_int_eq(fb_limit_read(&lim, path, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "NUL byte"));
  /* > 8 KB of trailing blanks on a row do not split the curve; a > 8 KB comment is a comment */
  size_t big = 9000;
  char *buf = malloc(3 * big + 256);
  ck_assert_ptr_nonnull(buf);
  size_t n = (size_t)sprintf(buf, "#");
  memset(buf + n, 'c', big);
  n += big;
  n += (size_t)sprintf(buf + n, "\n0.1 1e-5");
  memset(buf + n, ' ', big);
  n += big;
  n += (size_t)sprintf(buf + n, "\n0.2 2e-5\t");
  memset(buf + n, '\t', big);
  n += big;
  n += (size_t)sprintf(buf + n, "\n0.3 3e-5\n");
  snprintf(path, sizeof path, "%s", tmp_bytes("long.dat", buf, n));
  free(buf);
  ck_assert_msg(fb_limit_import(&lim, "hnlimits", path, &o, &err) == FB_OK, "%s", err.msg);
  ck_assert_uint_eq(lim.n_points, 3);
  ck_assert_uint_eq(lim.n_segments, 1);
  fb_limit_free(&lim);
  /* 1e-308 (subnormal range) is a number; a UTF-8 byte-order mark is skipped */
  snprintf(path, sizeof path, "%s", tmp_file("tiny.dat", "\xEF\xBB\xBF# m (GeV) U2\n0.1 1e-308\n0.2 1e-5\n"));
  ck_assert_msg(fb_limit_import(&lim, "hnlimits", path, &o, &err) == FB_OK, "%s", err.msg);
  ck_assert_double_eq(lim.y[0], 1e-308);
  fb_limit_free(&lim);
  snprintf(path, sizeof path, "%s", tmp_file("bom.dat", "\xEF\xBB\xBF" "0.1 1e-5\n0.2 1e-5\n"));
  ck_assert_int_eq(fb_limit_import(&lim, "hnlimits", path, &o, &err), FB_OK);
  fb_limit_free(&lim);
  snprintf(path, sizeof path, "%s", tmp_file("zero.dat", "0.1 1e-400\n0.2 1e-5\n")); /* underflows to 0 */
  ck_assert_int_eq(fb_limit_import(&lim, "hnlimits", path, &o, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "not finite and positive"));
  /* a > 64 KB JSON sidecar and a long labelName */
  size_t pad = 70000, lab = 600;
  char *json = malloc(pad + lab + 512);
  ck_assert_ptr_nonnull(json);
  n = (size_t)sprintf(json, "{\"line\": \"");
  memset(json + n, 'p', pad);
  n += pad;
  n += (size_t)sprintf(json + n, "\", \"labelName\": \"");
  memset(json + n, 'L', lab);
  n += lab;
  n += (size_t)sprintf(json + n, "\", \"paperUrls\": [\"https://arxiv.org/abs/1406.2980\"], \"url\": "
                                 "\"../../data/BC1/Big.csv\", \"curveType\": \"excluded\"}\n");
  tmp_bytes("Big.json", json, n);
  free(json);
  tmp_file("Big.csv", "x,y\n0.01,1e-3\n0.1,1e-3\n0.1,1e-2\n");
  snprintf(path, sizeof path, "%s/Big.csv", TMP);
  ck_assert_msg(fb_limit_import(&lim, "darkmatterlive", path, NULL, &err) == FB_OK, "%s", err.msg);
  ck_assert_uint_eq(strlen(lim.experiment), 200);
  ck_assert_ptr_nonnull(strstr(lim.notes, "labelName cut to 200 characters"));
  fb_limit_free(&lim);
  /* benchmarks: exactly BC1 ... BC11 */
  ck_assert_int_eq(fb_limit_benchmark_number("BC1"), 1);
  ck_assert_int_eq(fb_limit_benchmark_number("BC11"), 11);
  ck_assert_int_eq(fb_limit_benchmark_number("BC1x"), 0);
  ck_assert_int_eq(fb_limit_benchmark_number("BC01"), 0);
  ck_assert_int_eq(fb_limit_benchmark_number("BC12"), 0);
  ck_assert_int_eq(fb_limit_benchmark_number("BC 1"), 0);
  fb_import_options bx = {.x_unit = "GeV", .y_quantity = "Ue2", .cl_percent = 90, .benchmark = "BC1x"};
  snprintf(path, sizeof path, "%s/bom.dat", TMP);
  ck_assert_int_eq(fb_limit_import(&lim, "hnlimits", path, &bx, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "benchmark 'BC1x'"));
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
  tcase_add_test(tc, test_hnl_units_table);
  tcase_add_test(tc, test_hnl_shared_collection);
  tcase_add_test(tc, test_darkcast_decay);
  tcase_add_test(tc, test_darkmatterlive_dm_assumption);
  tcase_add_test(tc, test_assumptions);
  tcase_add_test(tc, test_coupling_aliases);
  tcase_add_test(tc, test_repair_self_intersection);
  tcase_add_test(tc, test_import_robustness);
  tcase_add_test(tc, test_foresee_zero_mass);
  tcase_add_test(tc, test_foresee_alpw_not_bc10);
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
