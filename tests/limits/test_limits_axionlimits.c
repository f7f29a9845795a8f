/**
 * @file test_limits_axionlimits.c
 * @brief Issue 17: the AxionLimits importer (fb_limit_import_axionlimits.c) on small fixtures written
 *        for this test in the collection's layout (tests/limits/data/axionlimits, not copies of the
 *        collection's files), and the AxionLimits curves bundled in limits/bundled/bc9.
 *
 * Importer: m_a in eV becomes GeV (x 1e-9), g_agamma stays in GeV^-1; the paper (arXiv id or DOI)
 * and the CL come from the comment lines; --fill-to closes the curve through the coupling the
 * collection's fill_between uses (checked by rasterising: a point between the curve and the top is
 * excluded, one below the curve is not); g_ae (AxionElectron) becomes the BC10 axis inv_fl = g_ae/m_e
 * and is refused on any other plane; Projections and other couplings' folders are refused.
 * Bundle: every AxionLimits curve of bc9 has its masses in GeV (an unconverted eV file would reach
 * 1e7-1e11), accelerator-size couplings, its licence, file and commit; the smallest coupling of
 * three curves equals the value of the collection's file (read at the commits in
 * tools/axionlimits_curves.tsv) after the eV -> GeV conversion (to 1e-9: 10 digits are written).
 */
#include <check.h>
#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fb_constants.h"
#include "fb_limits.h"

static void fixture(char *path, size_t cap, const char *rel) {
  snprintf(path, cap, "%s/tests/limits/data/axionlimits/limit_data/%s", FB_SOURCE_DIR, rel);
}

START_TEST(test_axl_photon_fixture) {
  char p[1024];
  fixture(p, sizeof p, "AxionPhoton/Collider_fixture.txt");
  fb_limit lim;
  fb_err err;
  fb_import_options o = {.fill_to = 1.0, .assumptions = "dark_matter=none"};
  ck_assert_msg(fb_limit_import(&lim, "axionlimits", p, &o, &err) == FB_OK, "%s", err.msg);
  ck_assert_str_eq(lim.benchmark, "BC9");
  ck_assert_str_eq(lim.x_unit, "GeV");
  ck_assert_str_eq(lim.y_quantity, "g_agamma");
  ck_assert_str_eq(lim.y_unit, "GeV^-1");
  ck_assert_str_eq(lim.reference, "arXiv:1234.56789");
  ck_assert_double_eq_tol(lim.cl_percent, 90.0, 1e-12);
  ck_assert_str_eq(lim.licence, "MIT (AxionLimits, C. O'Hare)");
  ck_assert_ptr_nonnull(strstr(lim.provenance, "limit_data/AxionPhoton/Collider_fixture.txt"));
  ck_assert_ptr_nonnull(strstr(lim.provenance, "fill_between"));
  /* 3 points + (1e9 eV, 1) + (1e6 eV, 1): eV -> GeV */
  ck_assert_uint_eq(lim.n_points, 5);
  const double x[] = {1e-3, 0.1, 1.0, 1.0, 1e-3}, y[] = {1e-3, 1e-4, 1e-3, 1.0, 1.0};
  for (size_t i = 0; i < 5; i++) {
    ck_assert_double_eq_tol(lim.x[i], x[i], 1e-12 * x[i]);
    ck_assert_double_eq_tol(lim.y[i], y[i], 1e-12 * y[i]);
  }
  /* the region lies above the curve, up to g = 1 GeV^-1, on a small log plane */
  double m[3] = {0.01, 0.1, 0.5}, g[4] = {1e-6, 1e-5, 1e-2, 0.5};
  uint8_t mask[12];
  fb_limit_axes ax = {.n_mass = 3, .n_coupling = 4, .mass_GeV = m, .coupling = g, .mass_log = 1,
                      .coupling_log = 1, .coupling_name = "g_agamma", .coupling_unit = "GeV^-1"};
  ck_assert_msg(fb_limit_rasterise(&lim, &ax, mask, &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(mask[1 * 4 + 0], 0); /* m = 0.1 GeV, g = 1e-6: below the curve (1e-4) */
  ck_assert_int_eq(mask[1 * 4 + 2], 1); /* g = 1e-2: between the curve and the top */
  ck_assert_int_eq(mask[1 * 4 + 3], 1);
  fb_limit_free(&lim);

  /* without --fill-to the points are the polygon: the triangle, not the region above it */
  ck_assert_msg(fb_limit_import(&lim, "axionlimits", p, NULL, &err) == FB_OK, "%s", err.msg);
  ck_assert_uint_eq(lim.n_points, 3);
  ck_assert_ptr_nonnull(strstr(lim.notes, "dark matter"));
  ck_assert_msg(fb_limit_rasterise(&lim, &ax, mask, &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(mask[1 * 4 + 3], 0);
  fb_limit_free(&lim);

  /* a DOI in a publisher link; no CL in the file: 95 % assumed and said so */
  fixture(p, sizeof p, "AxionPhoton/Doi_fixture.txt");
  ck_assert_msg(fb_limit_import(&lim, "axionlimits", p, NULL, &err) == FB_OK, "%s", err.msg);
  ck_assert_str_eq(lim.reference, "doi:10.1007/JHEP01(2001)001");
  ck_assert_double_eq_tol(lim.cl_percent, 95.0, 1e-12);
  ck_assert_ptr_nonnull(strstr(lim.notes, "95% assumed"));
  fb_limit_free(&lim);
}
END_TEST

START_TEST(test_axl_electron_and_refusals) {
  char p[1024];
  fb_limit lim;
  fb_err err;
  fixture(p, sizeof p, "AxionElectron/Electron_fixture.txt");
  ck_assert_msg(fb_limit_import(&lim, "axionlimits", p, NULL, &err) == FB_OK, "%s", err.msg);
  ck_assert_str_eq(lim.benchmark, "BC10");
  ck_assert_str_eq(lim.y_quantity, "inv_fl");
  ck_assert_str_eq(lim.y_unit, "GeV^-1");
  /* BC10: g_ae = m_e / f_l (src/stellar/fb_rg_alp.c), so inv_fl = g_ae / m_e */
  ck_assert_double_eq_tol(lim.x[0], 1e-6, 1e-18);
  ck_assert_double_eq_tol(lim.y[0], 1e-12 / FB_ME_GEV, 1e-12 * 1e-12 / FB_ME_GEV);
  ck_assert_double_eq_tol(lim.y[2], 1e-10 / FB_ME_GEV, 1e-12 * 1e-10 / FB_ME_GEV);
  ck_assert_ptr_nonnull(strstr(lim.provenance, "inv_fl = g_ae/m_e"));
  /* onto a BC10 plane (axis inv_fl in GeV^-1): m = 10, 30 keV; g_ae = 1e-13 (below), 1e-11 (inside) */
  double m[2] = {1e-5, 3e-5}, c[2] = {1e-13 / FB_ME_GEV, 1e-11 / FB_ME_GEV};
  uint8_t mask[4];
  fb_limit_axes ax = {.n_mass = 2, .n_coupling = 2, .mass_GeV = m, .coupling = c, .mass_log = 1, .coupling_log = 1,
                      .coupling_name = "inv_fl", .coupling_unit = "GeV^-1"};
  ck_assert_msg(fb_limit_rasterise(&lim, &ax, mask, &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(mask[0], 0);
  ck_assert_int_eq(mask[1], 1);
  ck_assert_int_eq(mask[2], 0);
  ck_assert_int_eq(mask[3], 1);
  fb_limit_free(&lim);
  fb_import_options bc9 = {.benchmark = "BC9"};
  ck_assert_int_eq(fb_limit_import(&lim, "axionlimits", p, &bc9, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "belongs to BC10"));
  fb_import_options unit = {.y_unit = "GeV^-1"};
  ck_assert_int_eq(fb_limit_import(&lim, "axionlimits", p, &unit, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "dimensionless"));

  fixture(p, sizeof p, "AxionPhoton/Projections/Future_fixture.txt");
  ck_assert_int_eq(fb_limit_import(&lim, "axionlimits", p, NULL, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "--allow-projection"));
  fb_import_options proj = {.allow_projection = 1};
  ck_assert_msg(fb_limit_import(&lim, "axionlimits", p, &proj, &err) == FB_OK, "%s", err.msg);
  ck_assert_ptr_nonnull(strstr(lim.notes, "PROJECTED"));
  fb_limit_free(&lim);

  fixture(p, sizeof p, "AxionNeutron/Neutron_fixture.txt");
  ck_assert_int_eq(fb_limit_import(&lim, "axionlimits", p, NULL, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "--y-quantity and --benchmark"));
}
END_TEST

/* the AxionLimits curves of limits/bundled/bc9 */
START_TEST(test_axl_bundled) {
  char dir[1024], path[1400];
  snprintf(dir, sizeof dir, "%s/limits/bundled/bc9", FB_SOURCE_DIR);
  snprintf(path, sizeof path, "%s/LICENSE-AxionLimits.txt", dir);
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "%s missing", path);
  char buf[2048] = "";
  size_t nr = fread(buf, 1, sizeof buf - 1, f);
  buf[nr] = '\0';
  fclose(f);
  ck_assert_ptr_nonnull(strstr(buf, "MIT License"));
  ck_assert_ptr_nonnull(strstr(buf, "cajohare"));
  snprintf(path, sizeof path, "%s/PROVENANCE-AxionLimits.md", dir);
  ck_assert_msg(access(path, R_OK) == 0, "%s missing", path);
  /* smallest coupling of three curves, from the collection's files (commits of
   * tools/axionlimits_curves.tsv): m_a [eV], g [GeV^-1] of that row */
  const struct {
    const char *exp;
    double m_eV, g;
  } minima[] = {{"CMS_PbPb", 9252742997.909393, 0.0001030785514145483},
                {"ATLAS_PbPb", 14062542640.969467, 0.00005364536113560099},
                {"FASER", 6.475077635350906849e+07, 1.159736671460458141e-04}};
  int n = 0, found[3] = {0, 0, 0};
  DIR *dp = opendir(dir);
  ck_assert_ptr_nonnull(dp);
  struct dirent *e;
  while ((e = readdir(dp))) {
    size_t len = strlen(e->d_name);
    if (len < 7 || strcmp(e->d_name + len - 6, ".limit")) continue;
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    fb_limit lim;
    fb_err err;
    fb_limit_init(&lim);
    ck_assert_msg(fb_limit_read(&lim, path, &err) == FB_OK, "%s: %s", path, err.msg);
    if (!strstr(lim.licence, "AxionLimits")) {
      fb_limit_free(&lim);
      continue;
    }
    n++;
    ck_assert_str_eq(lim.x_unit, "GeV");
    ck_assert_str_eq(lim.y_quantity, "g_agamma");
    ck_assert_str_eq(lim.y_unit, "GeV^-1");
    ck_assert_msg(strstr(lim.provenance, "github.com/cajohare/AxionLimits") &&
                      strstr(lim.provenance, "limit_data/AxionPhoton/") && strstr(lim.provenance, "commit "),
                  "%s: provenance '%s'", path, lim.provenance);
    ck_assert_msg(!strncmp(lim.reference, "arXiv:", 6) || !strncmp(lim.reference, "doi:10.1007", 11),
                  "%s: reference '%s'", path, lim.reference);
    ck_assert_msg(strstr(lim.assumptions, "dark_matter=none") != NULL, "%s: assumptions '%s'", path, lim.assumptions);
    /* units: the boundary (points below the closure at g >= 1) lies at 1 MeV - 100 GeV and at
     * accelerator couplings 1e-6 - 0.1 GeV^-1 (an unconverted file would put it at 1e6 - 1e11 GeV) */
    double lo = INFINITY, hi = 0, gmin = INFINITY, gmin_m = 0;
    for (size_t i = 0; i < lim.n_points; i++) {
      if (lim.y[i] >= 0.99) continue;
      if (lim.x[i] > 1e-9) lo = fmin(lo, lim.x[i]); /* BaBar's curve reaches m -> 0 (1e-29 GeV) */
      hi = fmax(hi, lim.x[i]);
      if (lim.y[i] < gmin) {
        gmin = lim.y[i];
        gmin_m = lim.x[i];
      }
    }
    ck_assert_msg(lo >= 1e-3 && hi <= 100.0, "%s: boundary masses %g - %g GeV", path, lo, hi);
    ck_assert_msg(gmin >= 1e-6 && gmin <= 0.1, "%s: smallest coupling %g GeV^-1", path, gmin);
    for (size_t k = 0; k < 3; k++)
      if (!strcmp(lim.experiment, minima[k].exp)) {
        found[k] = 1;
        /* 1e-9: the limit files keep 10 significant digits */
        ck_assert_msg(fabs(gmin / minima[k].g - 1) < 1e-9 && fabs(gmin_m / (1e-9 * minima[k].m_eV) - 1) < 1e-9,
                      "%s: smallest g %.17g at %.17g GeV, the file has %.17g at %.17g eV", path, gmin, gmin_m,
                      minima[k].g, minima[k].m_eV);
      }
    fb_limit_free(&lim);
  }
  closedir(dp);
  ck_assert_msg(n >= 6, "%d AxionLimits curves in %s, expected >= 6", n, dir);
  for (size_t k = 0; k < 3; k++) ck_assert_msg(found[k], "%s not bundled", minima[k].exp);
}
END_TEST

int main(void) {
  Suite *s = suite_create("limits_axionlimits");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_axl_photon_fixture);
  tcase_add_test(tc, test_axl_electron_and_refusals);
  tcase_add_test(tc, test_axl_bundled);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf ? EXIT_FAILURE : EXIT_SUCCESS;
}
