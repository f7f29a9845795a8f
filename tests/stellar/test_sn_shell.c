/**
 * @file test_sn_shell.c
 * @brief Issue 16 speed and conditioning of the SN1987A tables (fb_sn_table.h): the multi-energy optical depth
 *        fb_sn_path_tau_multi, the bands unchanged by it, and the shell average of the transfer criterion
 *        (fb_sn_table_shell_average on graded surface sub-shells) that makes the trapped (surface-emission) upper edge of light
 *        ALPs converge in the number of emission shells. docs/validation.md "SN tables: speed and shell average".
 *
 * Checks (explicit tolerances):
 *  - fb_sn_path_tau_multi = fb_sn_path_tau energy by energy for a test rate (relative 1e-12; gravitationally
 *    trapped energies INFINITY in both);
 *  - the BC4 (rays) and BC10/BC11 (transfer with the midpoint rule, shell_average = 0) edges on the default mantle
 *    profile at 1, 23 and 284 MeV equal the values of the code before the multi-energy paths (commit de37d64,
 *    bench_sn_bands dump) to 1e-6;
 *  - transfer upper edge of BC9, BC10, BC11 at 1 MeV: 32 vs 128 shells within 3% with the shell average (measured
 *    +0.8..+1.1%), while the midpoint rule at 32 shells lies > 8% below the 128-shell shell-average edge (measured
 *    -10..-12%: the ill-conditioning this fixes); the lower edge moves by < 0.5% (measured < 1e-5);
 *  - saturation: for a strongly coupled light ALP (BC10, 0.1 MeV, 1/f = 1e-2 GeV^-1) the transfer luminosity is the
 *    black-body luminosity of one bosonic degree of freedom at the neutrinosphere, L_bb = 4 pi R_nu^2 (pi^2/120) T^4
 *    lapse^2 (Stefan-Boltzmann; the emergent flux of an optically thick medium in LTE): 32 shells within +0..+5%
 *    (measured +1.9%), 128 shells within -1..+3% (measured +1.3%); the midpoint rule gives < 1e-3 L_bb there.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_sn_alp.h"
#include "fb_sn_alpn.h"
#include "fb_sn_scalar.h"
#include "fb_sn_table.h"

#define PROFILE FB_SOURCE_DIR "/inputs/sn_profile_mantle.dat"

typedef struct env {
  fb_sn_profile p;
  fb_sn_medium m;
  double *ms;
} env;

static void env_init(env *e, int criterion, int n_radial, int shell_average) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_options o;
  fb_sn_options_default(&o);
  o.criterion = criterion;
  o.n_radial = n_radial;
  o.shell_average = shell_average;
  o.semi_compton = o.coalescence = 0; /* as the bc4/bc9/bc10/bc11 scan models */
  memset(e, 0, sizeof *e);
  ck_assert_msg(fb_sn_profile_read(&e->p, PROFILE, NULL, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_sn_medium_init(&e->m, &e->p, &o, &err) == FB_OK, "%s", err.msg);
  e->ms = malloc(FB_SN_ALPN_MEDIUM_NF * e->m.n * sizeof *e->ms);
  ck_assert_ptr_nonnull(e->ms);
  fb_sn_alpn_mstar(&e->m, &e->p, e->ms);
}

static void env_free(env *e) {
  free(e->ms);
  fb_sn_medium_free(&e->m);
  fb_sn_profile_free(&e->p);
}

/* table of benchmark 9, 10 or 11 at mass; returns its edges */
static void table(env *e, int bench, double mass, fb_sn_table *t, double *lo, double *hi) {
  fb_err err;
  fb_err_clear(&err);
  if (bench == 9) {
    ck_assert_msg(fb_sn_alp_table_compute(t, &e->m, mass, &err) == FB_OK, "%s", err.msg);
  } else {
    fb_sn_alpn a;
    ck_assert_msg(fb_sn_alpn_init(&a, bench, NULL, &err) == FB_OK, "%s", err.msg);
    ck_assert_msg(fb_sn_alpn_table_compute(t, &a, &e->m, e->ms, mass, &err) == FB_OK, "%s", err.msg);
    fb_sn_alpn_free(&a);
  }
  ck_assert_msg(fb_sn_table_edges(t, e->m.opt.L_nu_erg_s, lo, hi, NULL, &err) == FB_OK, "%s", err.msg);
}

/* a test rate with structure in r, T and omega */
static double test_rate(const fb_sn_point *q, double r, double om, void *ctx) {
  (void)ctx;
  return q->T > 0 ? 1e-3 * q->T * (1.0 + r * 1e-19) / (1.0 + om / q->T) * exp(-om / (3.0 * q->T)) : 0.0;
}

static void test_rate_multi(const fb_sn_point *q, double r, size_t n, const double *om, const double *lnom, void *ctx,
                            double *rates) {
  for (size_t k = 0; k < n; k++) {
    ck_assert_msg(fabs(lnom[k] - log(om[k])) < 1e-12, "ln omega %g vs %g", lnom[k], log(om[k]));
    rates[k] = test_rate(q, r, om[k], ctx);
  }
}

START_TEST(test_path_multi) {
  env e;
  env_init(&e, FB_SN_CRIT_TRANSFER, 32, 1);
  const double mass = 0.02, r0s[2] = {0.1 * e.m.r_emit_invGeV, 0.7 * e.m.r_emit_invGeV};
  for (int ir = 0; ir < 2; ir++)
    for (int d = 0; d < e.m.opt.n_mu; d++) {
      /* the first energies are trapped by gravity on outward paths from the centre (om0 just above the mass) */
      double om0[12], tau[12];
      for (int k = 0; k < 12; k++) om0[k] = mass * (1.0 + (k < 2 ? 1e-4 * (k + 1) : 0.05 * k));
      fb_sn_path_tau_multi(&e.m, mass, r0s[ir], 12, om0, e.m.mu[d], test_rate_multi, NULL, tau);
      for (int k = 0; k < 12; k++) {
        double ref = fb_sn_path_tau(&e.m, mass, r0s[ir], om0[k], e.m.mu[d], test_rate, NULL);
        if (isinf(ref)) ck_assert_msg(isinf(tau[k]), "r0 %d mu %d k %d: trapped %g", ir, d, k, tau[k]);
        else ck_assert_msg(fabs(tau[k] / ref - 1) < 1e-12, "r0 %d mu %d k %d: %.15g vs %.15g", ir, d, k, tau[k], ref);
      }
    }
  env_free(&e);
}
END_TEST

START_TEST(test_bands_unchanged) {
  /* bench_sn_bands 100 1 all on commit de37d64 (before the multi-energy paths), mantle profile, masses
   * 1e-3 * 500^(i/99) for i = 0, 50, 90 */
  static const double mass[3] = {1.000000000e-03, 2.307364273e-02, 2.841901982e-01};
  static const double ref[3][3][2] = {
      {{4.727070419e-14, 1.043591202e-06}, {7.449989110e-14, 2.923215708e-07}, {NAN, NAN}},            /* bc4 */
      /* bc10, bc11: remade in session 13 with the profiles' corrected mu_n, mu_p (tools/make_sn_profile.py nucleon_eta
       * lacked 1/Gamma(3/2)): the pion-induced lower edges +0.8 to +1.1 %, upper edges < 0.8 % (was 7.058046498e-10,
       * 1.247775173e-05, 7.334829728e-10, 2.904376819e-06, 4.259126170e-09, 1.117163963e-08 / 1.072378072e-09,
       * 2.615817873e-05, 1.094088483e-09, 5.764991379e-06, 5.623295928e-09, 4.316856423e-08) */
      {{7.117685001e-10, 1.247775172e-05}, {7.399452979e-10, 2.904380240e-06}, {4.306609497e-09, 1.115046561e-08}},
      {{1.083401700e-09, 2.615817875e-05}, {1.105933241e-09, 5.765027372e-06}, {5.686346902e-09, 4.348257450e-08}}};
  fb_err err;
  fb_err_clear(&err);
  env er, et;
  env_init(&er, FB_SN_CRIT_RAYS, 32, 1);
  env_init(&et, FB_SN_CRIT_TRANSFER, 32, 0); /* the midpoint rule on uniform shells */
  fb_sn_scalar sc;
  ck_assert_msg(fb_sn_scalar_init(&sc, NULL, &err) == FB_OK, "%s", err.msg);
  for (int b = 0; b < 3; b++)
    for (int i = 0; i < 2 + (b > 0); i++) {
      fb_sn_table t;
      memset(&t, 0, sizeof t);
      double lo, hi;
      if (b == 0) {
        ck_assert_msg(fb_sn_scalar_table_compute(&t, &sc, &er.m, mass[i], &err) == FB_OK, "%s", err.msg);
        ck_assert_int_eq(fb_sn_table_edges(&t, er.m.opt.L_nu_erg_s, &lo, &hi, NULL, &err), FB_OK);
        lo *= lo; /* sin^2 theta, as the dump */
        hi *= hi;
      } else {
        table(&et, 9 + b, mass[i], &t, &lo, &hi);
      }
      printf("band %d, m = %.4g GeV: %.9e %.9e (before %.9e %.9e)\n", b, mass[i], lo, hi, ref[b][i][0], ref[b][i][1]);
      /* BC10/BC11 (b > 0): the muon charge-neutrality fix merged beside this change (fb_sn_muon.c, session 8
       * review finding 3) moves their edges by < 1e-5 (measured 5.3e-6 at 1 MeV); the path refactor alone is
       * 1e-6 (checked on its own branch) */
      const double tol = b > 0 ? 2e-5 : 1e-6;
      ck_assert_msg(fabs(lo / ref[b][i][0] - 1) < tol && fabs(hi / ref[b][i][1] - 1) < tol, "band %d mass %g changed", b,
                    mass[i]);
      fb_sn_table_free(&t);
    }
  fb_sn_scalar_free(&sc);
  env_free(&er);
  env_free(&et);
}
END_TEST

START_TEST(test_transfer_converged) {
  env a32, a128, m32;
  env_init(&a32, FB_SN_CRIT_TRANSFER, 32, 1);
  env_init(&a128, FB_SN_CRIT_TRANSFER, 128, 1);
  env_init(&m32, FB_SN_CRIT_TRANSFER, 32, 0);
  const int benches[3] = {9, 10, 11};
  for (int b = 0; b < 3; b++) {
    fb_sn_table t;
    memset(&t, 0, sizeof t);
    double l32, h32, l128, h128, lm, hm;
    table(&a32, benches[b], 1e-3, &t, &l32, &h32);
    table(&a128, benches[b], 1e-3, &t, &l128, &h128);
    table(&m32, benches[b], 1e-3, &t, &lm, &hm);
    fb_sn_table_free(&t);
    printf("BC%d 1 MeV transfer upper edge: shell average 32 shells %.5e, 128 shells %.5e (x%.4f); midpoint 32 shells "
           "%.5e (x%.4f of 128); lower edge %.5e vs midpoint %.5e\n",
           benches[b], h32, h128, h32 / h128, hm, hm / h128, l32, lm);
    ck_assert_msg(fabs(h32 / h128 - 1) < 0.03, "BC%d: 32 vs 128 shells %g", benches[b], h32 / h128);
    ck_assert_msg(hm / h128 < 0.92, "BC%d: midpoint rule %g (expected > 8%% low)", benches[b], hm / h128);
    ck_assert_msg(fabs(l32 / lm - 1) < 0.005 && fabs(l128 / l32 - 1) < 0.005, "BC%d: lower edges %g %g %g",
                  benches[b], l32, l128, lm);
  }
  env_free(&a32);
  env_free(&a128);
  env_free(&m32);
}
END_TEST

START_TEST(test_blackbody_saturation) {
  const int nrs[3] = {32, 128, 32}, sav[3] = {1, 1, 0};
  const double lo[3] = {1.0, 0.99, 0.0}, hi[3] = {1.05, 1.03, 1e-3};
  for (int c = 0; c < 3; c++) {
    env e;
    env_init(&e, FB_SN_CRIT_TRANSFER, nrs[c], sav[c]);
    fb_sn_table t;
    memset(&t, 0, sizeof t);
    double l, h;
    table(&e, 10, 1e-4, &t, &l, &h);
    /* one bosonic degree of freedom: energy flux (pi^2/120) T^4 through the neutrinosphere, redshifted by lapse^2 */
    fb_sn_point q = fb_sn_point_at(&e.m, e.m.r_emit_invGeV);
    double R = e.m.r_emit_invGeV, Lbb = 4.0 * FB_PI * R * R * FB_PI * FB_PI / 120.0 * pow(q.T, 4) * q.lapse * q.lapse *
                                        FB_GEV_TO_INV_S / FB_ERG_TO_GEV;
    double L = fb_sn_table_luminosity_erg_s(&t, 1e-2);
    printf("BC10 0.1 MeV, 1/f = 1e-2, %d shells, shell average %d: L = %.4e erg/s, black body (T = %.3f MeV, lapse "
           "%.4f) %.4e: x%.4f\n",
           nrs[c], sav[c], L, 1e3 * q.T, q.lapse, Lbb, L / Lbb);
    ck_assert_msg(L / Lbb >= lo[c] && L / Lbb <= hi[c], "%d shells, average %d: L/L_bb = %g", nrs[c], sav[c], L / Lbb);
    fb_sn_table_free(&t);
    env_free(&e);
  }
}
END_TEST

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  gsl_set_error_handler_off();
  Suite *s = suite_create("sn_shell");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_path_multi);
  tcase_add_test(tc, test_bands_unchanged);
  tcase_add_test(tc, test_transfer_converged);
  tcase_add_test(tc, test_blackbody_saturation);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf ? EXIT_FAILURE : EXIT_SUCCESS;
}
