/**
 * @file test_sn_alpn.c
 * @brief BC10/BC11 ALP-nucleon SN1987A band (src/stellar/fb_sn_alpn.c): the OPE spin-structure integral against
 *        the fit of Hannestad & Raffelt, and the band in the massless limit against the published bounds.
 *
 * References (numbers read as stated; tolerances explicit, docs/validation.md "SN1987A, BC10/BC11"):
 *  - Hannestad & Raffelt, ApJ 507 (1998) 339 (astro-ph/9711132) eq. 45: non-degenerate fit s_nd(x, y) of the OPE
 *    spin-structure function with the pion mass (y = m_pi^2/(m_N T)) times the factor F of eq. 50 (the
 *    non-degenerate limit of their eq. 49); a fit (measured: within 17% over x = 0.1-10, y = 0-5), asserted 20%;
 *  - Carenza et al. arXiv:1906.11844 (erratum version): g_an^2 + 0.61 g_ap^2 + 0.53 g_an g_ap < 8.26e-19, as
 *    tabulated by AxionLimits (C. O'Hare, github.com/cajohare/AxionLimits, limit_data/AxionProton/SN1987A.txt at
 *    commit 8eb8da9: g_ap < 1.1637e-9 with g_an = 0, "https://arxiv.org/pdf/1906.11844.pdf"); AxionLimits
 *    limit_data/AxionNeutron/SN1987A.txt (commit 3fb3d0a): g_an/2m_n < 5.1323e-10 GeV^-1, i.e. g_an < 9.64e-10,
 *    and the trapping edge g_an/2m_n = 5.2e-7 GeV^-1 (g_an = 9.8e-7);
 *  - Lella et al. (JCAP 11 (2024) 009) fit of the NN-bremsstrahlung ALP spectrum at t_pb = 1 s of the Garching
 *    SFHo-s18.8 model for g_ap = 5e-10 (A = 4.56e54 MeV^-1 s^-1, E0 = 70.19 MeV, beta = 1.44; tabulated in
 *    github.com/ggrillidc/AxionAstrophysicalFluxes _includes/CCSN_axions.md): L = A E0^2 Gamma(beta + 2)/
 *    (beta + 1)^(beta + 2) = 5.2e51 erg/s; a different PNS model than ours, so a factor 3 tolerance.
 * Our numbers use the default profile (inputs/sn_profile_mantle.dat since the switch of issue 16; docs/validation.md
 * "Default SN profile switched to mantle"), L_nu = 3e52 erg/s, the corrected OPE.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_sn_alpn.h"
#include "sn_alpn_env.h"


/* Hannestad & Raffelt (1998), the spin-structure fit in the non-degenerate limit eta* -> 0: eq. 49 reduces to
 * s = s_nd F (s_d ~ eta*^-5/2 drops out, C -> 0), s_nd of eq. 45 and F = 1 + 1/[(3 + (x - 1.2)^2 + x^-4)(1 + y^4)]
 * of eq. 50 */
static double hr98_s_nd(double x, double y) {
  const double sp = sqrt(FB_PI);
  double snd = 2.0 * sp * pow(x + 2.0 - exp(-y / 12.0), 1.5) * (x * x + 2.0 * x * y + 5.0 / 3.0 * y * y + 1.0) /
               (sp + pow(pow(FB_PI, 0.125) + x + y, 4.0));
  return snd * (1.0 + 1.0 / ((3.0 + (x - 1.2) * (x - 1.2) + pow(x, -4.0)) * (1.0 + pow(y, 4.0))));
}

START_TEST(test_s_nn_against_hr98) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_alpn a, b;
  fb_sn_alpn_options o;
  ck_assert_int_eq(fb_sn_alpn_options_parse(&o, "naive"), 0);
  ck_assert_int_eq(fb_sn_alpn_init(&a, 10, &o, &err), FB_OK);
  ck_assert_int_eq(fb_sn_alpn_options_parse(&o, "massive"), 0);
  ck_assert_int_eq(fb_sn_alpn_init(&b, 10, &o, &err), FB_OK);
  /* normalisation: s(0, 0) = 1 for the massless OPE */
  ck_assert_double_eq_tol(fb_sn_alpn_s_nn(&a, 1e-3, 1e-2), 1.0, 5e-3);
  /* massless OPE in closed form: with K L = A^2 - B^2 c^2 (A = 2u + x, B = 2 sqrt(u (u + x))) the angular average is
   * <(K L - 3 x^2)/(K L)> = 1 - 3 x^2 ln((A + B)/(A - B))/(2 A B), so s(x) = (1/3) int du sqrt(u) e^-u sqrt(u + x)
   * [3 - 3 x^2 ln((A + B)/(A - B))/(2 A B)]; midpoint rule in u here (independent of the table's quadratures) */
  for (int i = 0; i < 4; i++) {
    const double x = (double[]){0.1, 1.0, 5.0, 30.0}[i], du = 1e-4;
    double sum = 0.0;
    for (double u = 0.5 * du; u < 60.0; u += du) {
      double A = 2.0 * u + x, B = 2.0 * sqrt(u * (u + x));
      sum += sqrt(u) * exp(-u) * sqrt(u + x) * (3.0 - 3.0 * x * x * log((A + B) / (A - B)) / (2.0 * A * B)) * du;
    }
    double ref = sum / 3.0, ours = fb_sn_alpn_s_nn(&a, x, 1.0);
    printf("massless OPE x = %4.1f: s = %.5f, closed form %.5f\n", x, ours, ref);
    ck_assert_msg(fabs(ours / ref - 1.0) < 3e-3, "massless s(%g) = %g vs closed form %g", x, ours, ref);
  }
  const double xs[] = {0.1, 0.5, 1.0, 3.0, 10.0}, ys[] = {0.3, 1.0, 2.0, 5.0};
  double worst = 0.0;
  for (int i = 0; i < 5; i++) {
    double r0 = fb_sn_alpn_s_nn(&a, xs[i], 0.5) / hr98_s_nd(xs[i], 0.0); /* massless: y does not enter */
    printf("massless OPE x = %4.1f: s_ours/s_HR98 = %.3f\n", xs[i], r0);
    worst = fmax(worst, fabs(log(r0)));
    for (int j = 0; j < 4; j++) {
      double r = fb_sn_alpn_s_nn(&b, xs[i], ys[j]) / hr98_s_nd(xs[i], ys[j]);
      printf("massive OPE  x = %4.1f y = %3.1f: s_ours/s_HR98 = %.3f\n", xs[i], ys[j], r);
      worst = fmax(worst, fabs(log(r)));
    }
  }
  printf("largest |ln(ours/HR98)| = %.3f\n", worst);
  ck_assert_msg(worst < log(1.2), "OPE integral differs from the HR98 fit by more than 20%% (%.3f)", worst);
  fb_sn_alpn_free(&a);
  fb_sn_alpn_free(&b);
}
END_TEST

/* band edges in g (couplings g_an = cn g, g_ap = cp g) at mass_GeV */
static void edges_g(env *e, fb_sn_alpn *a, double cn, double cp, double mass, double *lo, double *hi) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  a->gn = cn;
  a->gp = cp;
  ck_assert_msg(fb_sn_alpn_table_compute(&t, a, &e->m, e->ms, mass, &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(fb_sn_table_edges(&t, e->m.opt.L_nu_erg_s, lo, hi, NULL, &err), FB_OK);
  fb_sn_table_free(&t);
}

START_TEST(test_massless_bounds) {
  fb_err err;
  fb_err_clear(&err);
  env e;
  env_init(&e, FB_SN_CRIT_TRANSFER);
  fb_sn_alpn a;
  fb_sn_alpn_options bo; /* bremsstrahlung alone: the published numbers below are NN bremsstrahlung (arXiv:1906.11844) */
  fb_sn_alpn_options_default(&bo);
  bo.pion_induced = bo.muons = 0;
  ck_assert_int_eq(fb_sn_alpn_init(&a, 10, &bo, &err), FB_OK);
  double lo_n, hi_n, lo_p, hi_p, lo_b, hi_b;
  edges_g(&e, &a, 1.0, 0.0, 1e-3, &lo_n, &hi_n);
  edges_g(&e, &a, 0.0, 1.0, 1e-3, &lo_p, &hi_p);
  edges_g(&e, &a, 1.0, 1.0, 1e-3, &lo_b, &hi_b);
  /* Carenza et al. arXiv:1906.11844: g_an^2 + 0.61 g_ap^2 + 0.53 g_an g_ap < 8.26e-19 */
  const double C = 8.26e-19, ref_n = sqrt(C), ref_p = sqrt(C / 0.61), ref_b = sqrt(C / 2.14);
  printf("m_a = 1 MeV: g_an-only lower edge %.3e (Carenza %.3e, AxionLimits 9.64e-10), upper %.3e (AxionLimits 9.8e-7)\n",
         lo_n, ref_n, hi_n);
  printf("             g_ap-only lower edge %.3e (Carenza/AxionLimits %.3e), upper %.3e (AxionLimits 1e-6)\n", lo_p, ref_p,
         hi_p);
  printf("             g_an = g_ap lower edge %.3e (Carenza %.3e)\n", lo_b, ref_b);
  /* the quadratic form of the luminosity: our coefficients of g_ap^2 and g_an g_ap relative to g_an^2 */
  double c_p = pow(lo_n / lo_p, 2), c_np = pow(lo_n / lo_b, 2) - 1.0 - c_p;
  printf("             our form: g_an^2 + %.2f g_ap^2 + %.2f g_an g_ap (Carenza 0.61, 0.53)\n", c_p, c_np);
  ck_assert_msg(fabs(log(lo_n / ref_n)) < log(1.5), "g_an bound %.3e vs %.3e beyond x1.5", lo_n, ref_n);
  ck_assert_msg(fabs(log(lo_p / ref_p)) < log(1.5), "g_ap bound %.3e vs %.3e beyond x1.5", lo_p, ref_p);
  ck_assert_msg(fabs(log(lo_b / ref_b)) < log(1.5), "g_an = g_ap bound %.3e vs %.3e beyond x1.5", lo_b, ref_b);
  ck_assert_msg(fabs(c_p - 0.61) < 0.25 && fabs(c_np - 0.53) < 0.35, "quadratic form %.2f, %.2f", c_p, c_np);
  /* trapping edge: AxionLimits 9.8e-7 (g_an), 1e-6 (g_ap), the naive-OPE trapping estimate. Ours with the
   * corrected rates and the transfer criterion lies x5-x12 above (measured gap, docs/validation.md: the corrections
   * weaken the absorption ~x10, the edge goes as its inverse square root, and energy deposited outside the
   * neutrinosphere counts as lost); the naive OPE with the direction-averaged criterion to r_far (rays) is checked
   * against the published edge below */
  ck_assert_msg(hi_n / 9.8e-7 > 3.0 && hi_n / 9.8e-7 < 20.0, "g_an trapping edge %.3e (documented gap x5-x12)", hi_n);
  ck_assert_msg(hi_p / 1e-6 > 3.0 && hi_p / 1e-6 < 20.0, "g_ap trapping edge %.3e (documented gap x5-x12)", hi_p);
  /* the corrections reduce the naive-OPE luminosity by about an order of magnitude (arXiv:1906.11844 abstract:
   * "reduced by over an order of magnitude"): the bound on g moves by x2.5-x5 */
  fb_sn_alpn naive;
  fb_sn_alpn_options o;
  fb_sn_alpn_options_parse(&o, "naive");
  o.pion_induced = o.muons = 0;
  ck_assert_int_eq(fb_sn_alpn_init(&naive, 10, &o, &err), FB_OK);
  double lo_nv, hi_nv;
  edges_g(&e, &naive, 1.0, 1.0, 1e-3, &lo_nv, &hi_nv);
  printf("             naive OPE: g_an = g_ap lower edge %.3e, L ratio corrected/naive %.3f\n", lo_nv,
         pow(lo_nv / lo_b, 2));
  ck_assert_msg(pow(lo_b / lo_nv, 2) > 5.0 && pow(lo_b / lo_nv, 2) < 30.0, "corrections factor %.2f", pow(lo_b / lo_nv, 2));
  env r;
  env_init(&r, FB_SN_CRIT_RAYS);
  double lo_r, hi_r;
  edges_g(&r, &naive, 1.0, 0.0, 1e-3, &lo_r, &hi_r);
  printf("             naive OPE, criterion rays: g_an-only band [%.3e, %.3e] (AxionLimits upper 9.8e-7)\n", lo_r, hi_r);
  ck_assert_msg(fabs(log(hi_r / 9.8e-7)) < log(2.0), "naive-OPE trapping edge %.3e vs 9.8e-7 beyond x2", hi_r);
  env_free(&r);
  fb_sn_alpn_free(&naive);
  fb_sn_alpn_free(&a);
  env_free(&e);
}
END_TEST

START_TEST(test_luminosity_lella) {
  fb_err err;
  fb_err_clear(&err);
  env e;
  env_init(&e, FB_SN_CRIT_TRANSFER);
  fb_sn_alpn a;
  ck_assert_int_eq(fb_sn_alpn_init(&a, 11, NULL, &err), FB_OK);
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  a.gn = 0.0;
  a.gp = 1.0;
  ck_assert_int_eq(fb_sn_alpn_table_compute(&t, &a, &e.m, e.ms, 1e-3, &err), FB_OK);
  double L = (t.L0_T + t.L0_L) * 25e-20; /* free streaming at g_ap = 5e-10 */
  const double A = 4.56e54, E0 = 70.19, beta = 1.44;
  double Lref = A * E0 * E0 * tgamma(beta + 2.0) / pow(beta + 1.0, beta + 2.0) * 1.602176634e-6; /* MeV -> erg */
  printf("L_NN(g_ap = 5e-10) = %.3e erg/s, Lella et al. fit at t_pb = 1 s: %.3e erg/s (ratio %.2f)\n", L, Lref, L / Lref);
  ck_assert_msg(fabs(log(L / Lref)) < log(3.0), "luminosity %.3e vs %.3e beyond x3", L, Lref);
  fb_sn_table_free(&t);
  fb_sn_alpn_free(&a);
  env_free(&e);
}
END_TEST

START_TEST(test_benchmark_bands) {
  fb_err err;
  fb_err_clear(&err);
  env e;
  env_init(&e, FB_SN_CRIT_TRANSFER);
  fb_sn_alpn a10, a11;
  ck_assert_int_eq(fb_sn_alpn_init(&a10, 10, NULL, &err), FB_OK);
  ck_assert_int_eq(fb_sn_alpn_init(&a11, 11, NULL, &err), FB_OK);
  /* couplings from the models (arXiv:1511.02867): BC10 C_p = C_n = 0.495, BC11 C_p = -0.47, C_n = -0.02 */
  ck_assert_double_eq_tol(a10.gp / FB_MP_GEV, FB_ALP_DELTA_U + FB_ALP_DELTA_D + FB_ALP_DELTA_S, 1e-9);
  ck_assert_double_eq_tol(a11.gp / FB_MP_GEV, -0.47, 1e-9);
  ck_assert_double_eq_tol(a11.gn / FB_MN_GEV, -0.02, 1e-9);
  const double masses[] = {1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3};
  double prev = 0.0;
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  for (int i = 0; i < 6; i++) {
    double lo10, hi10, lo11, hi11;
    ck_assert_int_eq(fb_sn_alpn_table_compute(&t, &a10, &e.m, e.ms, masses[i], &err), FB_OK);
    ck_assert_int_eq(fb_sn_table_edges(&t, e.m.opt.L_nu_erg_s, &lo10, &hi10, NULL, &err), FB_OK);
    ck_assert_int_eq(fb_sn_alpn_table_compute(&t, &a11, &e.m, e.ms, masses[i], &err), FB_OK);
    ck_assert_int_eq(fb_sn_table_edges(&t, e.m.opt.L_nu_erg_s, &lo11, &hi11, NULL, &err), FB_OK);
    printf("m_a = %.3f GeV: BC10 1/f_l in [%.3e, %.3e], BC11 1/f_G in [%.3e, %.3e] GeV^-1\n", masses[i], lo10, hi10,
           lo11, hi11);
    if (i == 0) {
      /* QCD-axion-like limit: f_G > 4e8 GeV (the classic SN1987A bound, Raffelt Lect. Notes Phys. 741 (2008) 51,
       * hep-ph/0611350) and Carenza's form with C_p = -0.47, C_n = -0.02: 1/f_G < 2.59e-9 GeV^-1. The factor 1.5 was
       * set on the parametric profile (before the interacting pions: x0.79 BC11, x0.88 BC10) */
      env ep;
      env_init_profile(&ep, FB_SN_CRIT_TRANSFER, PARAMETRIC_PROFILE);
      double p10, q10, p11, q11;
      ck_assert_int_eq(fb_sn_alpn_table_compute(&t, &a10, &ep.m, ep.ms, masses[i], &err), FB_OK);
      ck_assert_int_eq(fb_sn_table_edges(&t, ep.m.opt.L_nu_erg_s, &p10, &q10, NULL, &err), FB_OK);
      ck_assert_int_eq(fb_sn_alpn_table_compute(&t, &a11, &ep.m, ep.ms, masses[i], &err), FB_OK);
      ck_assert_int_eq(fb_sn_table_edges(&t, ep.m.opt.L_nu_erg_s, &p11, &q11, NULL, &err), FB_OK);
      env_free(&ep);
      printf("parametric profile, 1 MeV: BC10 1/f_l > %.3e (x%.2f of 1.34e-9), BC11 1/f_G > %.3e (x%.2f of 2.59e-9)\n",
             p10, p10 / 1.34e-9, p11, p11 / 2.59e-9);
      /* the reference is Carenza's NN-bremsstrahlung form: checked with the bremsstrahlung alone (pions and muons off)
       * within x1.5 on both profiles; with the default interacting-pion emission (issue 16 follow-up: Fore & Reddy
       * abundance, x3.5-5.8 more pion-induced luminosity) the bounds are stronger, asserted as the documented ratios
       * (measured x0.73 / x0.60 parametric, x0.53 / x0.41 mantle, within 25%) */
      fb_sn_alpn_options ob;
      fb_sn_alpn_options_default(&ob);
      ob.pion_induced = 0;
      ob.muons = 0;
      fb_sn_alpn b10, b11;
      ck_assert_int_eq(fb_sn_alpn_init(&b10, 10, &ob, &err), FB_OK);
      ck_assert_int_eq(fb_sn_alpn_init(&b11, 11, &ob, &err), FB_OK);
      double r10, s10, r11, s11;
      ck_assert_int_eq(fb_sn_alpn_table_compute(&t, &b10, &e.m, e.ms, masses[i], &err), FB_OK);
      ck_assert_int_eq(fb_sn_table_edges(&t, e.m.opt.L_nu_erg_s, &r10, &s10, NULL, &err), FB_OK);
      ck_assert_int_eq(fb_sn_alpn_table_compute(&t, &b11, &e.m, e.ms, masses[i], &err), FB_OK);
      ck_assert_int_eq(fb_sn_table_edges(&t, e.m.opt.L_nu_erg_s, &r11, &s11, NULL, &err), FB_OK);
      fb_sn_alpn_free(&b10);
      fb_sn_alpn_free(&b11);
      printf("mantle, 1 MeV, bremsstrahlung alone: BC10 %.3e (x%.2f), BC11 %.3e (x%.2f); default: BC10 x%.2f, BC11 x%.2f\n",
             r10, r10 / 1.34e-9, r11, r11 / 2.59e-9, lo10 / 1.34e-9, lo11 / 2.59e-9);
      ck_assert_msg(fabs(log(r10 / 1.34e-9)) < log(1.5), "mantle brems: BC10 1/f_l bound %.3e vs 1.34e-9", r10);
      ck_assert_msg(fabs(log(r11 / 2.59e-9)) < log(1.5), "mantle brems: BC11 1/f_G bound %.3e vs 2.59e-9", r11);
      ck_assert_msg(fabs(log(p10 / 1.34e-9)) < log(1.5), "parametric: BC10 1/f_l bound %.3e vs 1.34e-9", p10);
      ck_assert_msg(fabs(log((p11 / 2.59e-9) / 0.60)) < log(1.25), "parametric: BC11 1/f_G bound %.3e: documented x0.60 "
                    "changed", p11);
      ck_assert_msg(fabs(log((lo11 / 2.59e-9) / 0.41)) < log(1.25), "mantle: BC11 1/f_G bound %.3e: documented x0.41 "
                    "changed", lo11);
      ck_assert_msg(fabs(log((lo10 / 1.34e-9) / 0.53)) < log(1.25), "mantle: BC10 1/f_l bound %.3e: documented x0.53 "
                    "changed", lo10);
    }
    /* the free-streaming edge rises with the mass (Boltzmann suppression of the massive ALP), never falls */
    if (isfinite(lo11)) {
      ck_assert_msg(lo11 >= prev * 0.999, "lower edge falls with mass at %g GeV", masses[i]);
      prev = lo11;
    }
  }
  /* the band closes below m_a = 0.4 GeV (Boltzmann suppression at T <~ 40 MeV). With the mantle profile BC11 is
   * still open at 0.3 GeV (1.30e-8 - 4.41e-8 GeV^-1 with pions and muons, BC10 closed); with the parametric one both
   * closed at 0.3 */
  double lo, hi;
  ck_assert_int_eq(fb_sn_alpn_table_compute(&t, &a11, &e.m, e.ms, 0.4, &err), FB_OK);
  ck_assert_int_eq(fb_sn_table_edges(&t, e.m.opt.L_nu_erg_s, &lo, &hi, NULL, &err), FB_OK);
  ck_assert(!isfinite(lo));
  fb_sn_table_free(&t);
  fb_sn_alpn_free(&a10);
  fb_sn_alpn_free(&a11);
  env_free(&e);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("sn_alpn");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_s_nn_against_hr98);
  tcase_add_test(tc, test_massless_bounds);
  tcase_add_test(tc, test_luminosity_lella);
  tcase_add_test(tc, test_benchmark_bands);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  fb_error_init();
  SRunner *sr = srunner_create(suite());
  srunner_run_all(sr, CK_NORMAL);
  int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf ? EXIT_FAILURE : EXIT_SUCCESS;
}
