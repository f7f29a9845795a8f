/**
 * @file test_limits_bc2.c
 * @brief The conversion of invisible dark-photon searches (epsilon at m_A') onto the BC2 plane
 *        (m_chi, y): fb_limit_plane_map_get and fb_limit_rasterise on a fixture limit, the numbers
 *        checked against y = alpha_D eps^2 (m_chi/m_A')^4, m_chi = m_A'/R (PBC arXiv:1901.09966, BC2)
 *        computed here independently, and the refusals (visible search, other alpha_D or ratio,
 *        unknown plane parameters, wrong mass quantity).
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fb_limits.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* fixture: an invisible search excluding eps >= 1e-3 (flat) for m_A' in [0.03, 3] GeV, given in MeV
 * and as eps^2 so that both the unit and the convention are exercised */
static void fixture(fb_limit *lim, const char *assumptions, const char *y_quantity) {
  fb_limit_init(lim);
  snprintf(lim->experiment, sizeof lim->experiment, "InvisibleFixture");
  snprintf(lim->reference, sizeof lim->reference, "arXiv:1702.03327");
  snprintf(lim->benchmark, sizeof lim->benchmark, "BC2");
  snprintf(lim->x_quantity, sizeof lim->x_quantity, "m_Aprime");
  snprintf(lim->x_unit, sizeof lim->x_unit, "MeV");
  snprintf(lim->y_quantity, sizeof lim->y_quantity, "%s", y_quantity);
  lim->cl_percent = 90;
  lim->kind = FB_LIMIT_UPPER_BOUND;
  snprintf(lim->provenance, sizeof lim->provenance, "test_limits_bc2.c");
  snprintf(lim->licence, sizeof lim->licence, "CC0");
  snprintf(lim->assumptions, sizeof lim->assumptions, "%s", assumptions);
  const int eps2 = !strcmp(y_quantity, "epsilon2");
  const double m_MeV[] = {30, 300, 3000}, eps[] = {1e-3, 2e-3, 1e-3};
  for (int k = 0; k < 3; k++) ck_assert_int_eq(fb_limit_add_point(lim, m_MeV[k], eps2 ? eps[k] * eps[k] : eps[k], 0, NULL), FB_OK);
  ck_assert_int_eq(fb_limit_validate(lim, "fixture", NULL), FB_OK);
}

START_TEST(test_plane_map_numbers) {
  const char *conv[] = {"epsilon", "epsilon2"};
  const double alphas[] = {0.5, 0.1}, ratios[] = {3, 2.5};
  for (int c = 0; c < 2; c++)
    for (int a = 0; a < 2; a++) {
      fb_limit lim;
      fixture(&lim, "decay=invisible; dark_matter=none", conv[c]);
      fb_limit_plane_map map;
      fb_err err = {0};
      ck_assert_int_eq(fb_limit_plane_map_get(&lim, "y", "", alphas[a], ratios[a], 0, &map, &err), FB_OK);
      ck_assert_int_eq(map.bc2_from_epsilon, 1);
      for (size_t k = 0; k < lim.n_points; k++) {
        /* independent: m_A' in GeV, eps, then the PBC definition of y */
        double mA = lim.x[k] * 1e-3, e = c ? sqrt(lim.y[k]) : lim.y[k];
        double m_chi = mA / ratios[a], y = alphas[a] * e * e * pow(m_chi / mA, 4);
        ck_assert_double_eq_tol(map.x_factor * lim.x[k], m_chi, 1e-12 * m_chi);
        ck_assert_double_eq_tol(pow(map.y_factor * lim.y[k], map.y_power), y, 1e-12 * y);
      }
      fb_limit_free(&lim);
    }
  /* a limit already on the y plane (y versus m_chi) is taken as it is */
  fb_limit lim;
  fixture(&lim, "decay=invisible", "epsilon");
  snprintf(lim.y_quantity, sizeof lim.y_quantity, "y");
  snprintf(lim.x_quantity, sizeof lim.x_quantity, "m_chi");
  fb_limit_plane_map map;
  ck_assert_int_eq(fb_limit_plane_map_get(&lim, "y", "", 0.5, 3, 0, &map, NULL), FB_OK);
  ck_assert_int_eq(map.bc2_from_epsilon, 0);
  ck_assert_double_eq(map.y_factor, 1);
  ck_assert_double_eq(map.y_power, 1);
  ck_assert_double_eq(map.x_factor, 1e-3);
  fb_limit_free(&lim);
}
END_TEST

START_TEST(test_plane_map_refusals) {
  fb_limit_plane_map map;
  fb_err err = {0};
  fb_limit lim;
  /* a visible search (BC1 numbers) does not convert onto BC2 */
  fixture(&lim, "decay=visible; dark_matter=none", "epsilon");
  ck_assert_int_eq(fb_limit_plane_map_get(&lim, "y", "", 0.5, 3, 0, &map, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "decay=visible"));
  fb_limit_free(&lim);
  /* nor one that does not state its decay mode */
  fixture(&lim, "dark_matter=none", "epsilon");
  memset(&err, 0, sizeof err);
  ck_assert_int_eq(fb_limit_plane_map_get(&lim, "y", "", 0.5, 3, 0, &map, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "not stated"));
  fb_limit_free(&lim);
  /* a limit derived for alpha_D = 0.1 does not go on the alpha_D = 0.5 plane; the same one fits 0.1 */
  fixture(&lim, "decay=invisible; alpha_D=0.1; mass_ratio=3", "epsilon");
  memset(&err, 0, sizeof err);
  ck_assert_int_eq(fb_limit_plane_map_get(&lim, "y", "", 0.5, 3, 0, &map, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "alpha_D"));
  ck_assert_int_eq(fb_limit_plane_map_get(&lim, "y", "", 0.1, 3, 0, &map, NULL), FB_OK);
  memset(&err, 0, sizeof err);
  ck_assert_int_eq(fb_limit_plane_map_get(&lim, "y", "", 0.1, 2.5, 0, &map, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "mass_ratio"));
  /* the plane's parameters unknown: refused, except in the check before a scan (check_only) */
  ck_assert_int_eq(fb_limit_plane_map_get(&lim, "y", "", 0, 0, 0, &map, NULL), FB_ERR_INPUT);
  ck_assert_int_eq(fb_limit_plane_map_get(&lim, "y", "", 0, 0, 1, &map, NULL), FB_OK);
  ck_assert(isnan(map.y_factor));
  fb_limit_free(&lim);
  /* the conversion needs the A' mass on x */
  fixture(&lim, "decay=invisible", "epsilon");
  snprintf(lim.x_quantity, sizeof lim.x_quantity, "m_chi");
  ck_assert_int_eq(fb_limit_plane_map_get(&lim, "y", "", 0.5, 3, 0, &map, NULL), FB_ERR_INPUT);
  fb_limit_free(&lim);
  /* y does not convert to epsilon (the other way needs the dark sector too: not supported) */
  fixture(&lim, "decay=invisible", "epsilon");
  snprintf(lim.y_quantity, sizeof lim.y_quantity, "y");
  ck_assert_int_eq(fb_limit_plane_map_get(&lim, "epsilon", "", 0.5, 3, 0, &map, NULL), FB_ERR_INPUT);
  fb_limit_free(&lim);
}
END_TEST

/* rasterised onto a BC2 grid: excluded exactly where R m_chi lies in the search's mass range and
 * y >= alpha_D eps(m_A')^2 / R^4 (eps interpolated in log-log between the fixture's points) */
START_TEST(test_rasterise_bc2) {
  enum { NM = 41, NC = 31 };
  double mass[NM], coupling[NC];
  for (int i = 0; i < NM; i++) mass[i] = pow(10, -3 + 4.0 * i / (NM - 1));   /* m_chi 1 MeV - 10 GeV */
  for (int j = 0; j < NC; j++) coupling[j] = pow(10, -16 + 10.0 * j / (NC - 1)); /* y 1e-16 - 1e-6 */
  const double aD = 0.5, R = 3;
  fb_limit_axes ax = {.n_mass = NM, .n_coupling = NC, .mass_GeV = mass, .coupling = coupling, .mass_log = 1,
                      .coupling_log = 1, .coupling_name = "y", .coupling_unit = "", .alpha_D = aD, .mass_ratio = R};
  fb_limit lim;
  fixture(&lim, "decay=invisible; dark_matter=none", "epsilon");
  uint8_t mask[NM * NC];
  ck_assert_int_eq(fb_limit_rasterise(&lim, &ax, mask, NULL), FB_OK);
  size_t n_ex = 0, n_bad = 0;
  for (int i = 0; i < NM; i++) {
    double mA = R * mass[i];
    for (int j = 0; j < NC; j++) {
      int expect = 0;
      if (mA >= 0.03 * (1 - 1e-12) && mA <= 3 * (1 + 1e-12)) {
        /* log-log interpolation of eps(m_A') between (0.03, 1e-3), (0.3, 2e-3), (3, 1e-3) */
        double t = log10(mA / 0.03), le = t <= 1 ? log10(1e-3) + t * log10(2.0) : log10(2e-3) - (t - 1) * log10(2.0);
        double e = pow(10, le), ymin = aD * e * e / pow(R, 4);
        /* skip points within 1e-9 of the boundary (rounding decides them) */
        if (fabs(log10(coupling[j] / ymin)) < 1e-9) continue;
        expect = coupling[j] >= ymin;
      }
      n_ex += mask[i * NC + j];
      n_bad += mask[i * NC + j] != expect;
    }
  }
  ck_assert_uint_eq(n_bad, 0);
  ck_assert_uint_gt(n_ex, 50);
  /* a BC1 grid (epsilon) takes the same file unconverted: excluded at eps = 1e-2 over m_A' in range */
  double eps_axis[NC];
  for (int j = 0; j < NC; j++) eps_axis[j] = pow(10, -8 + 7.0 * j / (NC - 1));
  fb_limit_axes ax1 = {.n_mass = NM, .n_coupling = NC, .mass_GeV = mass, .coupling = eps_axis, .mass_log = 1,
                       .coupling_log = 1, .coupling_name = "epsilon", .coupling_unit = ""};
  ck_assert_int_eq(fb_limit_rasterise(&lim, &ax1, mask, NULL), FB_OK);
  ck_assert_int_eq(mask[20 * NC + (NC - 1)], 1); /* m = 0.1 GeV, eps = 0.1 */
  ck_assert_int_eq(mask[20 * NC + 0], 0);
  fb_limit_free(&lim);
}
END_TEST

/* Direct-detection limits onto the BC2 plane (format 'table', sigma_e / sigma_p in cm^2 at m_chi):
 * y = sigma (m_A'^2 + q^2)^2 / (16 pi alpha mu^2 R^4), written out here from the cross sections of
 * Essig, Mardon, Volansky arXiv:1108.5383 eq. (4) (sigma_e, q = alpha m_e) and Izaguirre et al.
 * arXiv:1505.00011 eq. (9) (sigma_p, heavy mediator) with alpha_D eps^2 = y R^4; one point checked
 * against the ESPP 2026 BC2 input's own conversion of the DarkSide-20k projection (repository
 * ESPP2026-PPG/Quasi-elastic-DM, commit 39215e4, data/DarkSide20k/darkside20k-DMe-heavymed-18t-yr.csv
 * and data/Sensitivities_BC2_darkside20k-DMe-heavymed-18t-yr.csv, P. Crivelli: sigma_e = 9.89e-38 cm^2
 * at m_chi = 10 MeV is y = 2.929560e-11 at R = 3; their alpha = 1/137.036 and cm^2 -> MeV^-2 factor
 * 2.568e21 differ from CODATA by < 1e-4). */
static char TMP[64];
static const char *dd_table(const char *name, const char *text) {
  static char path[256];
  snprintf(path, sizeof path, "%s/%s", TMP, name);
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
  return path;
}

START_TEST(test_direct_detection) {
  const double alpha = 7.2973525693e-3, me = 0.51099895e-3, mp = 0.93827208816, GeVm2_cm2 = 0.3893793721e-27;
  fb_import_options opt = {.benchmark = "BC2", .y_quantity = "sigma_e", .x_unit = "MeV", .reference = "arXiv:2407.05813"};
  fb_limit lim;
  fb_err err = {0};
  const char *p = dd_table("fb_dd_e.csv", "mass [MeV/c^2],Limit on sigma [cm^2]\n10,9.89e-38\n30,2.0e-39\n300,5e-40\n");
  ck_assert_int_eq(fb_limit_import(&lim, "table", p, &opt, &err), FB_OK);
  ck_assert_str_eq(lim.x_quantity, "m_chi");
  ck_assert_str_eq(lim.y_unit, "cm^2");
  ck_assert_int_eq(lim.kind, FB_LIMIT_UPPER_BOUND);
  for (int r = 0; r < 2; r++) {
    const double R = r ? 2.5 : 3;
    fb_limit_plane_map map;
    ck_assert_int_eq(fb_limit_plane_map_get(&lim, "y", "", 0.5, R, 0, &map, &err), FB_OK);
    for (size_t k = 0; k < lim.n_points; k++) {
      double m = lim.x[k], mu = m * me / (m + me), mA = R * m, q = alpha * me;
      double y = lim.y[k] / GeVm2_cm2 * pow(mA * mA + q * q, 2) / (16 * M_PI * alpha * mu * mu * pow(R, 4));
      double X, Y;
      fb_limit_plane_map_apply(&map, lim.x[k], lim.y[k], &X, &Y);
      ck_assert_double_eq_tol(X, m, 1e-12 * m);
      ck_assert_double_eq_tol(Y, y, 1e-12 * y);
      if (k == 0 && r == 0) ck_assert_double_eq_tol(Y, 2.929560e-11, 1e-3 * 2.929560e-11); /* ESPP 2026 */
    }
    /* alpha_D drops out */
    fb_limit_plane_map m2;
    ck_assert_int_eq(fb_limit_plane_map_get(&lim, "y", "", 0.1, R, 0, &m2, &err), FB_OK);
    double X1, Y1, X2, Y2;
    fb_limit_plane_map_apply(&map, lim.x[1], lim.y[1], &X1, &Y1);
    fb_limit_plane_map_apply(&m2, lim.x[1], lim.y[1], &X2, &Y2);
    ck_assert_double_eq(Y1, Y2);
  }
  /* refusals: the BC1 plane, an unknown ratio, a scalar-or-Dirac limit on a Majorana plane */
  fb_limit_plane_map map;
  ck_assert_int_eq(fb_limit_plane_map_get(&lim, "epsilon", "", 0.5, 3, 0, &map, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "only onto the BC2 plane"));
  ck_assert_int_eq(fb_limit_plane_map_get(&lim, "y", "", 0.5, 0, 0, &map, &err), FB_ERR_INPUT);
  char plane[256], why[256];
  fb_limit_plane_assumptions("BC2", 0.5, 3, "majorana", plane, sizeof plane);
  ck_assert_ptr_nonnull(strstr(plane, "elastic_scattering=no"));
  ck_assert_int_eq(fb_limit_assumptions_fit(lim.assumptions, plane, why, sizeof why), 0);
  ck_assert_ptr_nonnull(strstr(why, "elastic_scattering"));
  fb_limit_plane_assumptions("BC2", 0.5, 3, "dirac", plane, sizeof plane);
  ck_assert_int_eq(fb_limit_assumptions_fit(lim.assumptions, plane, why, sizeof why), 1);
  /* an accelerator (invisible-A') limit states no scattering: it fits the Majorana plane */
  fb_limit_plane_assumptions("BC2", 0.5, 3, "majorana", plane, sizeof plane);
  ck_assert_int_eq(fb_limit_assumptions_fit("decay=invisible; dark_matter=none", plane, why, sizeof why), 1);
  fb_limit_free(&lim);
  /* DM-proton, GeV and whitespace */
  opt.y_quantity = "sigma_p";
  opt.x_unit = "GeV";
  p = dd_table("fb_dd_p.txt", "# m_chi [GeV]  sigma_p [cm^2]\n0.5 1e-36\n1 1e-38\n");
  ck_assert_int_eq(fb_limit_import(&lim, "table", p, &opt, &err), FB_OK);
  ck_assert_int_eq(fb_limit_plane_map_get(&lim, "y", "", 0.5, 3, 0, &map, &err), FB_OK);
  for (size_t k = 0; k < lim.n_points; k++) {
    double m = lim.x[k], mu = m * mp / (m + mp), mA = 3 * m;
    double y = lim.y[k] / GeVm2_cm2 * pow(mA, 4) / (16 * M_PI * alpha * mu * mu * 81);
    double X, Y;
    fb_limit_plane_map_apply(&map, lim.x[k], lim.y[k], &X, &Y);
    ck_assert_double_eq_tol(Y, y, 1e-12 * y);
  }
  fb_limit_free(&lim);
  /* a cross section on another benchmark, or a table without its reference, is refused */
  opt.benchmark = "BC1";
  ck_assert_int_eq(fb_limit_import(&lim, "table", p, &opt, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "BC2 limit"));
  opt.benchmark = "BC2";
  opt.reference = NULL;
  ck_assert_int_eq(fb_limit_import(&lim, "table", p, &opt, &err), FB_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(err.msg, "--reference"));
}
END_TEST

int main(void) {
  fb_error_init();
  snprintf(TMP, sizeof TMP, "/tmp/fb_test_limits_bc2_XXXXXX");
  if (!mkdtemp(TMP)) return 1;
  Suite *s = suite_create("limits_bc2");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_plane_map_numbers);
  tcase_add_test(tc, test_plane_map_refusals);
  tcase_add_test(tc, test_rasterise_bc2);
  tcase_add_test(tc, test_direct_detection);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", TMP);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", TMP);
  return nf ? EXIT_FAILURE : EXIT_SUCCESS;
}
