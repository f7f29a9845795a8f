/**
 * @file test_bbn_nu_em_share.c
 * @brief The e.m. share of the injected neutrinos' energy (src/bbn/bbn_nu_em_share.c) and its split of the
 *        background's Q_nu (bbn_background.c).
 *
 * References (each independent of the code under test):
 *  - one scattering at high T (e+- massless, Gamma >> H): the energy-weighted ratio of the nu e+- and
 *    nu anti-nu -> e+ e- channels to all channels of Dolgov, Hansen, Semikoz hep-ph/9703315 table 1, in
 *    closed form: the electron takes 1/2 of the s-type nu e (weight 4 G) and 1/4 of the u-type (4 G / 3),
 *    the annihilation (4 G / 3) all, of a total 20 (1 + G) / 3: em = 11 G / (20 (1 + G)), G = g_L^2 + g_R^2;
 *    the member at the thermal cut deposits g em E_c with g = Gamma / (Gamma + H) from the closed-form rate;
 *  - the whole cascade against a Monte Carlo of the same members (bbn_nu_em_member) and channels (a weighted random walk: at each scattering
 *    one daughter drawn with probability B / sum B, its weight multiplied by sum B, its energy fraction drawn
 *    from the channel's shape), at T = 1 MeV (Gamma ~ H) and T = 10 MeV (Gamma >> H);
 *  - the late limit: a neutrino injected well after the e+- annihilation (T = 0.01 MeV) hands < 1e-3 of its
 *    energy to the plasma (e+- density e^-51, Gamma / H ~ 1e-2);
 *  - the split conserves energy: Q_em added + Q_nu left = Q_nu injected to 1e-10.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bbn_internal.h"
#include "fb_constants.h"

static double gsum(int a) {
  const double gL = (a == 0 ? 0.5 : -0.5) + FB_SIN2_THETAW, gR = FB_SIN2_THETAW;
  return gL * gL + gR * gR;
}

START_TEST(test_one_scattering_closed_form) {
  bbn_nu_em_table t;
  bbn_nu_em_table_init_empty(&t);
  const double T = 20.0, H = bbn_nu_em_H_ref_MeV(T), GF = FB_GF_GEV_M2 * 1e-6;
  bbn_nu_em_column col;
  bbn_nu_em_column_solve(&col, &t, T, H, 1e3);
  for (int a = 0; a < 3; ++a) {
    const double G = gsum(a), em_ref = 11.0 * G / (20.0 * (1.0 + G));
    double B[3][3], em;
    const double W = bbn_nu_cascade_channels_sup(a, 1.0, 1.0, B, &em);
    ck_assert_double_eq_tol(em, em_ref, 1e-12);
    ck_assert_double_eq_tol(W, 20.0 * (1.0 + G) / 3.0, 1e-12);
    /* T_nu = T at 20 MeV to 2e-4 (e+- entropy) */
    const double E_c = exp(col.lnE_c), Gam = 20.0 * (1.0 + G) / 3.0 * 7.0 * FB_PI / 180.0 * GF * GF * pow(T, 4) * E_c;
    const double ref = Gam / (Gam + H) * em_ref;
    printf("flavour %d: em per scattering %.5f (closed form %.5f); member at E_c, T = 20 MeV: %.5f vs %.5f\n", a, em,
           em_ref, col.F[a][0], ref);
    ck_assert_double_le(fabs(col.F[a][0] / ref - 1.0), 1e-3); /* e+- mass effects at T = 20 MeV: 1.6e-4 */
  }
}
END_TEST

/* a weighted random walk of the same cascade: the mean energy deposited per unit energy */
static double mc_share(const bbn_nu_em_table *t, int a0, double E0, double T, double H, int n_walk, unsigned seed) {
  srand(seed);
  const double E_c = bbn_nu_mean_p_over_T() * T;
  bbn_nu_em_env v;
  bbn_nu_em_env_init(&v, t, T, H);
  double sum = 0.0;
  for (int n = 0; n < n_walk; ++n) {
    double w = 1.0, E = E0;
    int a = a0;
    while (E >= E_c) {
      double B[3][3], em;
      if ((double)rand() / RAND_MAX > bbn_nu_em_member(&v, a, E, B, &em)) break;
      sum += w * em * E;
      double tot = 0.0;
      for (int l = 0; l < 3; ++l)
        for (int q = 0; q < 3; ++q) tot += B[l][q];
      double u = (double)rand() / RAND_MAX * tot;
      int l = 0, q = 0;
      for (int k = 0; k < 9; ++k) {
        l = k / 3;
        q = k % 3;
        if (u < B[l][q]) break;
        u -= B[l][q];
      }
      const double r = ((double)rand() + 0.5) / ((double)RAND_MAX + 1.0);
      const double z = q == 0 ? r : (q == 1 ? cbrt(r) : 1.0 - cbrt(r));
      w *= tot;
      E *= z;
      a = l;
    }
  }
  return sum / n_walk / E0;
}

START_TEST(test_cascade_vs_monte_carlo) {
  bbn_nu_em_table t;
  bbn_nu_em_table_init_empty(&t);
  const double Ts[2] = {1.0, 10.0}, Es[2] = {120.0, 400.0};
  for (int i = 0; i < 2; ++i) {
    const double T = Ts[i], H = bbn_nu_em_H_ref_MeV(T);
    bbn_nu_em_column col;
    bbn_nu_em_column_solve(&col, &t, T, H, 1.01 * Es[i]);
    for (int a = 0; a < 3; a += 2) {
      const double F = bbn_nu_em_column_at(&col, a, Es[i]), mc = mc_share(&t, a, Es[i], T, H, 200000, 17u + i);
      printf("T = %g MeV, E = %g MeV, flavour %d: cascade %.4f, Monte Carlo %.4f (%+.2f%%)\n", T, Es[i], a, F, mc,
             100.0 * (F / mc - 1.0));
      ck_assert_double_le(fabs(F / mc - 1.0), 0.03);
    }
  }
}
END_TEST

START_TEST(test_late_limit) {
  bbn_nu_em_table t;
  bbn_nu_em_table_init_empty(&t);
  /* after the annihilation: g_* = 3.36 (photons + neutrinos at T_nu = (4/11)^(1/3) T) */
  const double T = 0.01, H = bbn_nu_em_H_ref_MeV(T) * sqrt(3.363 / 10.75);
  bbn_nu_em_column col;
  bbn_nu_em_column_solve(&col, &t, T, H, 600.0);
  for (int a = 0; a < 3; ++a) {
    const double F = bbn_nu_em_column_at(&col, a, 500.0);
    printf("T = 0.01 MeV, E = 500 MeV, flavour %d: e.m. share %.3e\n", a, F);
    ck_assert_double_lt(F, 1e-3);
    ck_assert_double_ge(F, 0.0);
  }
  /* and before the annihilation (T = 2 MeV) the share is not negligible */
  bbn_nu_em_column_solve(&col, &t, 2.0, bbn_nu_em_H_ref_MeV(2.0), 200.0);
  printf("T = 2 MeV, E = 100 MeV: e.m. share nu_e %.4f, nu_tau %.4f\n", bbn_nu_em_column_at(&col, 0, 100.0),
         bbn_nu_em_column_at(&col, 2, 100.0));
  ck_assert_double_gt(bbn_nu_em_column_at(&col, 0, 100.0), 0.05);
}
END_TEST

START_TEST(test_split_conserves_energy) {
  bbn_decay d;
  memset(&d, 0, sizeof d);
  d.n_nu_groups = 3;
  d.nu_groups[0] = (bbn_nu_group){0, BBN_NU_LINE, 1.0, 117.3, 0, 0};
  d.nu_groups[1] = (bbn_nu_group){2, BBN_NU_LINE, 1.0, 117.3, 0, 0};
  d.nu_groups[2] = (bbn_nu_group){1, BBN_NU_MICHEL_NUMU, 0.7, 36.9, 1, 1};
  bbn_nu_em_table t;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(bbn_nu_em_table_init(&t, &d, 0.008, 10.0, &err), FB_OK);
  const double Ts[4] = {7.3, 2.385, 0.81, 0.0123}, rs[3] = {0.7, 3.1, 45.0};
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 3; ++j) {
      const double H = bbn_nu_em_H_ref_MeV(Ts[i]) * rs[j];
      double Q[2] = {0.37 * 2.385e-3, 0.63 * 2.385e-3};
      const double tot = Q[0] + Q[1];
      const double em = bbn_nu_em_split(&t, Ts[i], H, Q);
      ck_assert_double_le(fabs(em + Q[0] + Q[1] - tot), 1e-10 * tot);
      ck_assert(Q[0] >= 0.0 && Q[1] >= 0.0 && em >= 0.0);
      double phi[2];
      bbn_nu_em_phi(&t, Ts[i], H, phi);
      printf("T = %g MeV, H/H_ref = %g: phi_e %.4f phi_mu,tau %.4f\n", Ts[i], rs[j], phi[0], phi[1]);
      ck_assert(phi[0] <= 1.0 && phi[1] <= 1.0);
    }
  bbn_nu_em_table_free(&t);
}
END_TEST

int main(void) {
  Suite *s = suite_create("bbn_nu_em_share");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_one_scattering_closed_form);
  tcase_add_test(tc, test_cascade_vs_monte_carlo);
  tcase_add_test(tc, test_late_limit);
  tcase_add_test(tc, test_split_conserves_energy);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_set_fork_status(sr, CK_NOFORK);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf ? 1 : 0;
}
