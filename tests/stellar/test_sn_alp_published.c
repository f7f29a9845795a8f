/**
 * @file test_sn_alp_published.c
 * @brief Point-by-point comparison of the BC9 SN1987A band (default profile) with a published band.
 *
 * Reference: the SN1987A energy-loss ("nu") band of a photon-coupled ALP of Caputo, Raffelt &
 * Vitagliano, arXiv:2109.03244, as distributed in C. O'Hare's AxionLimits compilation,
 * github.com/cajohare/AxionLimits, file limit_data/AxionPhoton/SN1987A_HeavyALP_nu.txt at commit
 * 0906ec62debfae4fe905ff128c190771270dcdfb (columns: m_a [eV], g_agg [GeV^-1]; closed contour, cut
 * at g = 1e-6 by the plot range). The values below are copied from that file (rows quoted by mass);
 * they include photon coalescence (the lower edge strengthens from 7.54e-9 to 5.84e-9 between 1 and
 * 124 MeV) and the band closes at 0.360 GeV. The upper (trapping) edge of that band is not reproduced
 * by our absorption criterion (see docs/validation.md ("SN1987A", BC9 and HB)); it is printed, not asserted.
 *
 * Tolerances (explicit): lower edge within a factor 1.5 up to 50 MeV with the default criterion, and
 * within a factor 2.5 at 99-124 MeV with decays not counted as absorption (our lower edge there is
 * otherwise pulled up by the nearby decay edge); largest excluded mass with decays off within 25%.
 * Our main systematic: the luminosity at infinity (lapse^2 and the escape condition E lapse(r) >=
 * m lapse(r_far)) lowers the emission of heavy ALPs by a factor ~2-3; the published band uses a
 * different (Garching) profile.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_sn_alp.h"

#define DEFAULT_PROFILE FB_SOURCE_DIR "/inputs/sn_profile_default.dat"

typedef struct ref_pt {
  double mass_eV, g_GeV; /* as in SN1987A_HeavyALP_nu.txt */
} ref_pt;

/* lower edge (rows of the file, quoted exactly) */
static const ref_pt REF_LOW[] = {
    {1.0e-20 /* massless row */, 7.539825170223152855e-09},
    {1.031336411059105303e+06, 7.539825170223152855e-09},
    {1.011357580648954399e+07, 7.513666968143453203e-09},
    {5.067458272000108659e+07, 7.402668228063485619e-09},
    {9.930278440051311255e+07, 6.187910274617974566e-09},
    {1.240553303519936949e+08, 5.837964207251082688e-09},
};
/* tip of the band (largest mass in the file) */
static const double REF_MASS_MAX_EV = 3.603055506552355289e+08;
/* upper edge (rows quoted by mass), printed for the record */
static const ref_pt REF_HIGH[] = {
    {1.099966124211084247e+08, 3.968342048534074961e-07},
    {1.509704244624876380e+08, 1.708641328680730766e-07},
    {1.976080164118835926e+08, 8.531046811976483843e-08},
    {2.748778114752984643e+08, 3.819445256819691692e-08},
};

typedef struct setup {
  fb_sn_profile p;
  fb_sn_medium m;
  fb_sn_table t;
} setup;

static void setup_init(setup *s, int decays) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_options o;
  fb_sn_options_default(&o);
  o.criterion = FB_SN_CRIT_NEUTRINOSPHERE; /* the BC9 default (issue 16) */
  o.decays = decays;
  memset(s, 0, sizeof *s);
  ck_assert_msg(fb_sn_profile_read(&s->p, DEFAULT_PROFILE, NULL, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_sn_medium_init(&s->m, &s->p, &o, &err) == FB_OK, "%s", err.msg);
}

static void setup_free(setup *s) {
  fb_sn_table_free(&s->t);
  fb_sn_medium_free(&s->m);
  fb_sn_profile_free(&s->p);
}

static void edges(setup *s, double mass_GeV, double *lo, double *hi) {
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(fb_sn_alp_table_compute(&s->t, &s->m, mass_GeV, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_sn_table_edges(&s->t, s->m.opt.L_nu_erg_s, lo, hi, NULL, &err) == FB_OK, "%s", err.msg);
}

START_TEST(test_lower_edge_vs_published) {
  setup def, off;
  setup_init(&def, 1);
  setup_init(&off, 0);
  printf("| m [MeV] | published g_low | ours (default) | ratio | ours (decays off) | ratio |\n");
  for (size_t i = 0; i < sizeof REF_LOW / sizeof REF_LOW[0]; i++) {
    double m = REF_LOW[i].mass_eV * 1e-9, ref = REF_LOW[i].g_GeV, lo, hi, lo0, hi0;
    if (m < 1e-6) m = 1e-6; /* massless row: 1 keV, where our band is mass-independent */
    edges(&def, m, &lo, &hi);
    edges(&off, m, &lo0, &hi0);
    printf("| %.4g | %.4g | %.4g | %.3f | %.4g | %.3f |\n", 1e3 * m, ref, lo, lo / ref, lo0, lo0 / ref);
    if (m < 0.06) {
      ck_assert_msg(lo / ref < 1.5 && lo / ref > 1.0 / 1.5, "m = %g GeV: g_low %g vs published %g", m, lo, ref);
    } else {
      ck_assert_msg(lo0 / ref < 2.5 && lo0 / ref > 1.0 / 2.5, "m = %g GeV (decays off): g_low %g vs published %g", m,
                    lo0, ref);
    }
  }
  printf("| m [MeV] | published g_high | ours (default) | ours (decays off) |\n");
  for (size_t i = 0; i < sizeof REF_HIGH / sizeof REF_HIGH[0]; i++) {
    double m = REF_HIGH[i].mass_eV * 1e-9, lo, hi, lo0, hi0;
    edges(&def, m, &lo, &hi);
    edges(&off, m, &lo0, &hi0);
    printf("| %.4g | %.4g | %.4g | %.4g |\n", 1e3 * m, REF_HIGH[i].g_GeV, hi, hi0);
  }
  setup_free(&def);
  setup_free(&off);
}
END_TEST

START_TEST(test_mass_max_vs_published) {
  setup off;
  setup_init(&off, 0);
  fb_err err;
  fb_err_clear(&err);
  double mm;
  ck_assert_msg(fb_sn_alp_mass_max_GeV(&off.m, NULL, 0.05, 3.0, 2e-3, &mm, &err) == FB_OK, "%s", err.msg);
  double ref = REF_MASS_MAX_EV * 1e-9;
  printf("largest excluded mass (decays off): %.4g GeV, published %.4g GeV (ratio %.3f)\n", mm, ref, mm / ref);
  ck_assert_msg(fabs(mm / ref - 1) < 0.25, "largest excluded mass %g GeV vs published %g GeV", mm, ref);
  setup_free(&off);
  /* the default criterion (neutrinosphere): printed, the difference is documented in docs/validation.md */
  setup def;
  setup_init(&def, 1);
  ck_assert_msg(fb_sn_alp_mass_max_GeV(&def.m, NULL, 0.05, 3.0, 2e-3, &mm, &err) == FB_OK, "%s", err.msg);
  printf("largest excluded mass (default criterion): %.4g GeV, published %.4g GeV (ratio %.3f)\n", mm, ref, mm / ref);
  setup_free(&def);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  Suite *s = suite_create("sn_alp_published");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, test_lower_edge_vs_published);
  tcase_add_test(tc, test_mass_max_vs_published);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
