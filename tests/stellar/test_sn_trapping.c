/**
 * @file test_sn_trapping.c
 * @brief The trapping (upper) side of the BC9 and BC10/BC11 SN1987A bands (issue 16): the criterion
 *        `transfer_radial` (fb_sn_criterion: transfer along the outward radial path only) against the default
 *        `transfer` (direction-averaged, arXiv:2204.11862), and both against the published edges, on the default
 *        profile inputs/sn_profile_mantle.dat. docs/validation.md "Trapping side of the BC9 and BC10/BC11 bands".
 *
 * Checks (explicit tolerances; the published comparisons are measured gaps, pinned so that a change shows):
 *  - the lower (free-streaming) edge does not depend on the path geometry: transfer_radial = transfer within 2%
 *    (BC9 at 1, 50, 110 MeV; BC10 g_an-only at 0.1, 1, 3 MeV);
 *  - BC9, heavy ALPs (m >= 110 MeV; the luminosity at the edge comes from the hot shell at 10-13 km and is
 *    attenuated on its way to R_nu = 26.4 km by decays): the radial path is the shortest path to the
 *    neutrinosphere (inward rays cross the core), so transfer_radial has the higher upper edge, ratio 1.05-1.6 at
 *    the published upper-edge masses 110-241 MeV (measured 1.24-1.37); both converged in the number of emission
 *    shells (32 vs 128 within 1%); moving the deposition boundary inward (r_emit_km = 20) raises the edge (x1.37);
 *  - BC9 upper edge / published (AxionLimits copy of arXiv:2109.03244, tests/stellar/data) at the five masses
 *    110-241 MeV: transfer 0.28-0.42 (measured 0.315-0.372), transfer_radial 0.35-0.53 (measured 0.39-0.48);
 *    largest excluded mass / published 0.360 GeV: transfer 0.70-0.76 (0.728), transfer_radial 0.74-0.81 (0.774)
 *    (status "gap", docs/validation.md);
 *  - BC10 g_an-only trapping edge at 0.1, 1 and 3 MeV (m < T(R_nu) = 5.1 MeV; the edge at 0.1 and 3 MeV within 30%,
 *    measured 21% with the shell average, 9% with the unconverged midpoint rule before) against AxionLimits g_an =
 *    9.8e-7 (the massless band): transfer x5-x12 (measured x9.0, x7.7 with the midpoint rule; the gap of
 *    test_sn_alpn), rays x2-x6 (x3.4). Here the luminosity is surface emission from just inside R_nu: `rays` is
 *    converged with 32 shells (32 vs 128 within 1%), `transfer` with its shell average on graded surface sub-shells (issue 16,
 *    fb_sn_table_shell_average) too (32 vs 128 within 3%, measured -1.1%; the midpoint rule converged from below,
 *    +12.9%, test_sn_shell), and `transfer_radial` has no converged upper edge (a radial beam from the boundary layer overestimates
 *    the surface flux; the edge grows with the shell count, 64 vs 32 shells > x1.3, measured x1.41): the
 *    documented limitation of that option.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_sn_alp.h"
#include "sn_alpn_env.h"

#define REF_FILE FB_SOURCE_DIR "/tests/stellar/data/axionlimits_SN1987A_HeavyALP_nu.tsv"
#define AXIONLIMITS_GAN_TRAP 9.8e-7 /* g_an upper edge, AxionLimits limit_data/AxionNeutron/SN1987A.txt (5.2e-7 GeV^-1 x 2 m_n) */

typedef struct alp_env {
  fb_sn_profile p;
  fb_sn_medium m;
  fb_sn_table t;
} alp_env;

static void alp_init(alp_env *s, int criterion) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_options o;
  fb_sn_options_default(&o);
  o.criterion = criterion;
  o.semi_compton = o.coalescence = 0; /* dark-photon tables, not used by the ALP */
  memset(s, 0, sizeof *s);
  ck_assert_msg(fb_sn_profile_read(&s->p, DEFAULT_PROFILE, NULL, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_sn_medium_init(&s->m, &s->p, &o, &err) == FB_OK, "%s", err.msg);
}

static void alp_free(alp_env *s) {
  fb_sn_table_free(&s->t);
  fb_sn_medium_free(&s->m);
  fb_sn_profile_free(&s->p);
}

static void alp_edges(alp_env *s, double mass_GeV, double *lo, double *hi) {
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(fb_sn_alp_table_compute(&s->t, &s->m, mass_GeV, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_sn_table_edges(&s->t, s->m.opt.L_nu_erg_s, lo, hi, NULL, &err) == FB_OK, "%s", err.msg);
}

START_TEST(test_criterion_name) {
  ck_assert_int_eq(fb_sn_criterion_parse("transfer_radial"), FB_SN_CRIT_TRANSFER_RADIAL);
  ck_assert_str_eq(fb_sn_criterion_name(FB_SN_CRIT_TRANSFER_RADIAL), "transfer_radial");
  ck_assert_str_eq(fb_sn_criterion_name(FB_SN_N_CRITERIA), "?");
  fb_sn_options o;
  fb_sn_options_default(&o);
  fb_err err;
  fb_err_clear(&err);
  o.criterion = FB_SN_N_CRITERIA;
  ck_assert_int_eq(fb_sn_options_check(&o, &err), FB_ERR_RANGE);
  ck_assert_msg(strstr(err.msg, "transfer_radial") != NULL, "message names the choices: %s", err.msg);
}
END_TEST

/* published BC9 upper-edge rows and the tip of the contour */
static size_t read_upper(double *m_GeV, double *g, size_t cap, double *tip_GeV) {
  FILE *f = fopen(REF_FILE, "r");
  ck_assert_msg(f != NULL, "cannot open %s", REF_FILE);
  char line[512], edge[8];
  size_t n = 0;
  *tip_GeV = 0.0;
  while (fgets(line, sizeof line, f)) {
    double m_eV, gg;
    if (line[0] == '#' || sscanf(line, "%7s %lf %lf", edge, &m_eV, &gg) != 3) continue;
    if (!strcmp(edge, "tip")) *tip_GeV = 1e-9 * m_eV;
    if (!strcmp(edge, "high") && n < cap) {
      m_GeV[n] = 1e-9 * m_eV;
      g[n++] = gg;
    }
  }
  fclose(f);
  return n;
}

START_TEST(test_bc9_upper_edge) {
  double mr[16], gr[16], tip;
  size_t n = read_upper(mr, gr, 16, &tip);
  ck_assert_msg(n >= 5 && tip > 0, "reference file: %zu upper-edge rows, tip %g", n, tip);
  alp_env a, r;
  alp_init(&a, FB_SN_CRIT_TRANSFER);
  alp_init(&r, FB_SN_CRIT_TRANSFER_RADIAL);
  /* free streaming: the geometry of the path does not matter */
  const double ml[] = {1e-3, 0.05, 0.11};
  for (int i = 0; i < 3; i++) {
    double la, ha, lr, hr;
    alp_edges(&a, ml[i], &la, &ha);
    alp_edges(&r, ml[i], &lr, &hr);
    printf("BC9 m = %.3g GeV: lower edge transfer %.4e, transfer_radial %.4e\n", ml[i], la, lr);
    ck_assert_msg(fabs(lr / la - 1) < 0.02, "m = %g: lower edges %g / %g differ by > 2%%", ml[i], lr, la);
  }
  printf("| m [MeV] | published | transfer | ratio | transfer_radial | ratio | radial/transfer |\n");
  int checked = 0;
  for (size_t i = 0; i < n; i++) {
    double la, ha, lr, hr;
    alp_edges(&a, mr[i], &la, &ha);
    alp_edges(&r, mr[i], &lr, &hr);
    printf("| %.4g | %.4g | %.4g | %.3f | %.4g | %.3f | %.3f |\n", 1e3 * mr[i], gr[i], ha, ha / gr[i], hr, hr / gr[i],
           hr / ha);
    if (!isfinite(ha)) continue; /* closed with transfer (275, 315 MeV) */
    ck_assert_msg(hr / ha > 1.05 && hr / ha < 1.6, "m = %g: transfer_radial / transfer upper edge %g", mr[i], hr / ha);
    if (mr[i] < 0.25) {
      ck_assert_msg(ha / gr[i] > 0.28 && ha / gr[i] < 0.42, "m = %g: transfer upper edge / published %.3f outside the "
                    "documented gap 0.28-0.42", mr[i], ha / gr[i]);
      ck_assert_msg(hr / gr[i] > 0.35 && hr / gr[i] < 0.53, "m = %g: transfer_radial upper edge / published %.3f "
                    "outside the documented gap 0.35-0.53", mr[i], hr / gr[i]);
      checked++;
    }
  }
  ck_assert_int_ge(checked, 5);
  fb_err err;
  fb_err_clear(&err);
  double mm_a, mm_r;
  ck_assert_msg(fb_sn_alp_mass_max_GeV(&a.m, NULL, 0.02, 3.0, 2e-3, &mm_a, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_sn_alp_mass_max_GeV(&r.m, NULL, 0.02, 3.0, 2e-3, &mm_r, &err) == FB_OK, "%s", err.msg);
  printf("BC9 largest excluded mass: transfer %.4f GeV (x%.3f), transfer_radial %.4f GeV (x%.3f), published %.4f GeV\n",
         mm_a, mm_a / tip, mm_r, mm_r / tip, tip);
  ck_assert_msg(mm_a / tip > 0.70 && mm_a / tip < 0.76, "transfer: m_max / published %.3f (documented 0.728)", mm_a / tip);
  ck_assert_msg(mm_r / tip > 0.74 && mm_r / tip < 0.81, "transfer_radial: m_max / published %.3f (documented 0.774)",
                mm_r / tip);
  /* convergence in the emission shells and the deposition boundary at 110 MeV */
  const int crits[2] = {FB_SN_CRIT_TRANSFER, FB_SN_CRIT_TRANSFER_RADIAL};
  double h32[2] = {0, 0};
  for (int c = 0; c < 2; c++) {
    double lo, hi;
    alp_edges(c ? &r : &a, 0.11, &lo, &h32[c]);
    fb_sn_options o = a.m.opt;
    o.criterion = crits[c];
    o.n_radial = 128;
    alp_env f;
    memset(&f, 0, sizeof f);
    ck_assert_msg(fb_sn_profile_read(&f.p, DEFAULT_PROFILE, NULL, &err) == FB_OK, "%s", err.msg);
    ck_assert_msg(fb_sn_medium_init(&f.m, &f.p, &o, &err) == FB_OK, "%s", err.msg);
    alp_edges(&f, 0.11, &lo, &hi);
    printf("BC9 110 MeV, %s: upper edge 32 shells %.5e, 128 shells %.5e\n", fb_sn_criterion_name(crits[c]), h32[c], hi);
    ck_assert_msg(fabs(hi / h32[c] - 1) < 0.01, "%s: not converged in n_radial (%g vs %g)", fb_sn_criterion_name(crits[c]),
                  hi, h32[c]);
    alp_free(&f);
  }
  {
    fb_sn_options o = a.m.opt;
    o.r_emit_km = 20.0;
    alp_env f;
    memset(&f, 0, sizeof f);
    ck_assert_msg(fb_sn_profile_read(&f.p, DEFAULT_PROFILE, NULL, &err) == FB_OK, "%s", err.msg);
    ck_assert_msg(fb_sn_medium_init(&f.m, &f.p, &o, &err) == FB_OK, "%s", err.msg);
    double lo, hi;
    alp_edges(&f, 0.11, &lo, &hi);
    printf("BC9 110 MeV, transfer, boundary at 20 km: upper edge %.5e (x%.3f)\n", hi, hi / h32[0]);
    ck_assert_msg(hi / h32[0] > 1.2 && hi / h32[0] < 1.6, "boundary at 20 km: x%.3f (measured 1.37)", hi / h32[0]);
    alp_free(&f);
  }
  alp_free(&a);
  alp_free(&r);
}
END_TEST

/* g_an-only edges of the BC10 nucleon coupling (bremsstrahlung alone: the published massless band is NN
 * bremsstrahlung) */
static void gan_edges(env *e, fb_sn_alpn *a, double mass, double *lo, double *hi) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  a->gn = 1.0;
  a->gp = 0.0;
  ck_assert_msg(fb_sn_alpn_table_compute(&t, a, &e->m, e->ms, mass, &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(fb_sn_table_edges(&t, e->m.opt.L_nu_erg_s, lo, hi, NULL, &err), FB_OK);
  fb_sn_table_free(&t);
}

START_TEST(test_bc10_trapping_edge) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_alpn a;
  fb_sn_alpn_options bo;
  fb_sn_alpn_options_default(&bo);
  bo.pion_induced = bo.muons = 0;
  ck_assert_int_eq(fb_sn_alpn_init(&a, 10, &bo, &err), FB_OK);
  env et, er, ey;
  env_init(&et, FB_SN_CRIT_TRANSFER);
  env_init(&er, FB_SN_CRIT_TRANSFER_RADIAL);
  env_init(&ey, FB_SN_CRIT_RAYS);
  const double ms[] = {1e-4, 1e-3, 3e-3};
  double ht[3];
  for (int i = 0; i < 3; i++) {
    double lt, lr, hr, ly, hy;
    gan_edges(&et, &a, ms[i], &lt, &ht[i]);
    gan_edges(&er, &a, ms[i], &lr, &hr);
    gan_edges(&ey, &a, ms[i], &ly, &hy);
    double R = AXIONLIMITS_GAN_TRAP;
    printf("BC10 g_an only, m = %.1e GeV: lower %.4e / %.4e / %.4e; trapping edge transfer %.4e (x%.2f), "
           "transfer_radial %.4e (x%.2f), rays %.4e (x%.2f) vs AxionLimits %.2e\n",
           ms[i], lt, lr, ly, ht[i], ht[i] / R, hr, hr / R, hy, hy / R, R);
    ck_assert_msg(fabs(lr / lt - 1) < 0.02, "m = %g: lower edges %g / %g differ by > 2%%", ms[i], lr, lt);
    ck_assert_msg(ht[i] / R > 5 && ht[i] / R < 12, "m = %g: transfer trapping edge x%.2f (documented x7.7)", ms[i],
                  ht[i] / R);
    ck_assert_msg(hy / R > 2 && hy / R < 6, "m = %g: rays trapping edge x%.2f", ms[i], hy / R);
    ck_assert_msg(hr > ht[i], "m = %g: radial %g below transfer %g", ms[i], hr, ht[i]);
  }
  /* convergence in the number of emission shells at 1 MeV: rays and transfer (shell average) converged,
   * transfer_radial not */
  const int crits[3] = {FB_SN_CRIT_RAYS, FB_SN_CRIT_TRANSFER, FB_SN_CRIT_TRANSFER_RADIAL}, nrs[3] = {128, 128, 64};
  const double rlo[3] = {0.99, 0.97, 1.3}, rhi[3] = {1.01, 1.03, 1e3};
  for (int c = 0; c < 3; c++) {
    double h[2];
    for (int k = 0; k < 2; k++) {
      fb_sn_options o = et.m.opt;
      o.criterion = crits[c];
      o.n_radial = k ? nrs[c] : 32;
      env f;
      memset(&f, 0, sizeof f);
      ck_assert_msg(fb_sn_profile_read(&f.p, DEFAULT_PROFILE, NULL, &err) == FB_OK, "%s", err.msg);
      ck_assert_msg(fb_sn_medium_init(&f.m, &f.p, &o, &err) == FB_OK, "%s", err.msg);
      f.ms = malloc(FB_SN_ALPN_MEDIUM_NF * f.m.n * sizeof *f.ms);
      ck_assert_ptr_nonnull(f.ms);
      fb_sn_alpn_mstar(&f.m, &f.p, f.ms);
      double lo;
      gan_edges(&f, &a, 1e-3, &lo, &h[k]);
      env_free(&f);
    }
    printf("BC10 g_an only, 1 MeV, %s: trapping edge 32 shells %.5e, %d shells %.5e (x%.3f)\n",
           fb_sn_criterion_name(crits[c]), h[0], nrs[c], h[1], h[1] / h[0]);
    ck_assert_msg(h[1] / h[0] > rlo[c] && h[1] / h[0] < rhi[c], "%s: shell-count ratio %.3f outside %.2f-%.2f",
                  fb_sn_criterion_name(crits[c]), h[1] / h[0], rlo[c], rhi[c]);
  }
  ck_assert_msg(fabs(ht[0] / ht[2] - 1) < 0.30, "trapping edge not flat for m < T: %g vs %g (measured 21%%)", ht[0], ht[2]);
  env_free(&et);
  env_free(&er);
  env_free(&ey);
  fb_sn_alpn_free(&a);
}
END_TEST

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  gsl_set_error_handler_off();
  Suite *s = suite_create("sn_trapping");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, test_criterion_name);
  tcase_add_test(tc, test_bc9_upper_edge);
  tcase_add_test(tc, test_bc10_trapping_edge);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
