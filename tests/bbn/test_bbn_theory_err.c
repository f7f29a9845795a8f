/**
 * @file test_bbn_theory_err.c
 * @brief The theory errors of standard BBN (src/bbn/bbn_theory_err.c): the linear propagation of the
 *        cited rate errors against PRIMAT's Monte Carlo and against a brute-force re-solve, the cache.
 *
 * References:
 *  - PRIMAT, Pitrou et al. arXiv:1801.08023 (abstract): Yp = 0.24709 +- 0.00017, D/H = (2.459 +- 0.036)e-5
 *    at their (Planck 2015) baryon density, from a Monte Carlo over their rates' 1-sigma factors.
 *  - the forward sensitivities (default) against the central differences they replace (test_forward_vs_differences).
 *  - brute force: each rate scaled by its 1 +- sigma_k and re-solved; the half difference of ln X summed
 *    in quadrature must equal the linear propagation (the rates enter almost linearly at these errors).
 *  - with ../shared (PRIMAT's 2023 rate tables with their 1-sigma factors; skipped without it): our
 *    sensitivities with PRIMAT's rate errors (the factor at T9 = 0.5) against PRIMAT's 2018 sigma(D/H)
 *    (a band: the 2018 value had older rates).
 * Tolerances and the measured numbers: docs/validation.md "BBN theory errors".
 */
#include <check.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "bbn.h"
#include "fb_constants.h"

#define PRIMAT_SIGMA_YP 0.00017
#define PRIMAT_SIGMA_DH_REL (0.036 / 2.459)
#define OMEGA_B 0.02242

static bbn_tables TAB;
static bbn_theory_err TH; /* computed once in main */
static bbn_theory_err TH_scratch;

START_TEST(test_vs_primat) {
  const double sY = TH.rel[0] * TH.X[0], sD = TH.rel[1];
  printf("sigma(Yp) = %.3g (rates %.3g, tau_n %.3g) PRIMAT %.3g\n", sY, TH.rel_rates[0] * TH.X[0],
         TH.rel_tau_n[0] * TH.X[0], PRIMAT_SIGMA_YP);
  printf("sigma(D/H)/(D/H) = %.4f (rates %.4f, tau_n %.4f) PRIMAT %.4f\n", sD, TH.rel_rates[1], TH.rel_tau_n[1],
         PRIMAT_SIGMA_DH_REL);
  printf("sigma(3He/H)/(3He/H) = %.4f, sigma(7Li/H)/(7Li/H) = %.4f\n", TH.rel[2], TH.rel[3]);
  for (int k = 0; k < BBN_N_REAC; ++k) /* the error budget: S_kX sigma_k */
    printf("  %-14s sigma %.4f  Yp %+.2e  D/H %+.5f  3He/H %+.5f  7Li/H %+.5f\n", bbn_rate_name(k),
           bbn_rate_sigma_rel(k), TH.sens[k][0] * bbn_rate_sigma_rel(k), TH.sens[k][1] * bbn_rate_sigma_rel(k),
           TH.sens[k][2] * bbn_rate_sigma_rel(k), TH.sens[k][3] * bbn_rate_sigma_rel(k));
  /* D/H: the same reactions dominate (d(p,g), d+d); measured -6.8%: tolerance 15% */
  ck_assert_msg(fabs(sD / PRIMAT_SIGMA_DH_REL - 1.0) < 0.15, "sigma(D/H)/(D/H) = %.4f", sD);
  /* Yp: dominated by tau_n (PDG 2024: 0.5 s); measured 0.62 of PRIMAT's (gap, docs/validation.md: a 0.8 s
   * tau_n error gives 0.00016): the band 0.5-1.0 */
  ck_assert_msg(sY > 0.5 * PRIMAT_SIGMA_YP && sY < 1.0 * PRIMAT_SIGMA_YP, "sigma(Yp) = %.3g", sY);
  ck_assert_msg(TH.rel_tau_n[0] > TH.rel_rates[0], "Yp error not dominated by tau_n");
  /* the tau_n term against a brute-force re-solve at tau_n +- 0.5 s: 3% */
  fb_err err;
  fb_err_clear(&err);
  bbn_params p;
  bbn_params_default(&p);
  p.omega_b_h2 = OMEGA_B;
  p.theory_errors = BBN_TH_PRIMAT;
  bbn_result up, dn;
  p.tau_n_s += FB_TAU_N_SIGMA_S;
  ck_assert_int_eq(bbn_solve(&TAB, &p, &up, &err), FB_OK);
  p.tau_n_s -= 2.0 * FB_TAU_N_SIGMA_S;
  ck_assert_int_eq(bbn_solve(&TAB, &p, &dn, &err), FB_OK);
  const double bf = 0.5 * log(up.Yp_mass / dn.Yp_mass);
  printf("d ln Yp / d ln tau_n = %.4f; tau_n term %.4g, brute force %.4g\n", TH.sens_tau_n[0], TH.rel_tau_n[0], bf);
  ck_assert_msg(fabs(bf / TH.rel_tau_n[0] - 1.0) < 0.03, "tau_n term %.4g vs brute force %.4g", TH.rel_tau_n[0], bf);
}
END_TEST

/* PRIMAT's Yp error with PRIMAT's own inputs. Pitrou, Coc, Uzan, Vangioni arXiv:1801.08023 (Phys. Rep. 754,
 * LaTeX full text): tau_n = 879.5 +- 0.8 s (sec. 4.3, the post-2000 average of Serebrov et al. 2017; also
 * sec. 5.6 table "Primordial abundances compared to observations": "This work tau_n = 879.5(8) s");
 * d ln Yp / d ln tau_n = 0.732 at Omega_b h^2 = 0.02225, tau_n = 879.5 s (sec. 5.4 "Dependence on main
 * parameters", the linear fit of Delta Yp / Yp); Monte Carlo over rates and tau_n: sigma(Yp)/Yp = 0.068% (sec.
 * 5.5, table "Monte-Carlo estimation of light elements uncertainties", 20000 points), "nearly entirely due to
 * the uncertainty on tau_n". Ours: the same linear propagation as
 * bbn_theory_err.c, with PRIMAT's tau_n error instead of PDG 2024's 0.5 s. Tolerances written before the
 * measurement: the sensitivity 3% (two codes, same weak-rate physics), sigma(Yp)/Yp 10% (rate errors differ). */
#define PRIMAT18_OMEGA_B 0.02225
#define PRIMAT18_TAU_N_S 879.5
#define PRIMAT18_TAU_N_SIGMA_S 0.8
#define PRIMAT18_SENS_TAU_YP 0.732
#define PRIMAT18_REL_SIGMA_YP 0.00068
START_TEST(test_yp_error_primat_inputs) {
  fb_err err;
  fb_err_clear(&err);
  bbn_theory_err th;
  ck_assert_int_eq(bbn_theory_err_compute(&TAB, PRIMAT18_OMEGA_B, &th, &err), FB_OK);
  const double rel_tau = fabs(th.sens_tau_n[0]) * PRIMAT18_TAU_N_SIGMA_S / PRIMAT18_TAU_N_S;
  const double rel = sqrt(th.rel_rates[0] * th.rel_rates[0] + rel_tau * rel_tau);
  printf("PRIMAT inputs (Omega_b h^2 %.5f, tau_n %.1f +- %.1f s): d ln Yp/d ln tau_n %.4f (PRIMAT %.3f); "
         "sigma(Yp)/Yp %.3f%% (rates %.4f%%, tau_n %.4f%%; PRIMAT %.3f%%), sigma(Yp) %.3g\n",
         PRIMAT18_OMEGA_B, PRIMAT18_TAU_N_S, PRIMAT18_TAU_N_SIGMA_S, th.sens_tau_n[0], PRIMAT18_SENS_TAU_YP,
         100 * rel, 100 * th.rel_rates[0], 100 * rel_tau, 100 * PRIMAT18_REL_SIGMA_YP, rel * th.X[0]);
  ck_assert_msg(fabs(th.sens_tau_n[0] / PRIMAT18_SENS_TAU_YP - 1.0) < 0.03, "d ln Yp / d ln tau_n = %.4f",
                th.sens_tau_n[0]);
  ck_assert_msg(fabs(rel / PRIMAT18_REL_SIGMA_YP - 1.0) < 0.10, "sigma(Yp)/Yp = %.5f", rel);
}
END_TEST

START_TEST(test_linear_vs_bruteforce) {
  fb_err err;
  fb_err_clear(&err);
  bbn_params p;
  bbn_params_default(&p);
  p.omega_b_h2 = OMEGA_B;
  p.theory_errors = BBN_TH_PRIMAT;
  double bf2[4] = {0, 0, 0, 0}, lin2[4] = {0, 0, 0, 0};
  for (int k = 0; k < BBN_N_REAC; ++k) {
    const double s = bbn_rate_sigma_rel(k);
    bbn_params q = p;
    bbn_result up, dn;
    q.rate_factor[k] = 1.0 + s;
    ck_assert_int_eq(bbn_solve(&TAB, &q, &up, &err), FB_OK);
    q.rate_factor[k] = 1.0 - s;
    ck_assert_int_eq(bbn_solve(&TAB, &q, &dn, &err), FB_OK);
    const double d[4] = {0.5 * log(up.Yp_mass / dn.Yp_mass), 0.5 * log(up.D_H / dn.D_H),
                         0.5 * log(up.He3_H / dn.He3_H), 0.5 * log(up.Li7_H / dn.Li7_H)};
    for (int x = 0; x < 4; ++x) {
      const double l = TH.sens[k][x] * s;
      bf2[x] += d[x] * d[x];
      lin2[x] += l * l;
      /* each rate that carries > 5% of the variance of X: its own linear term within 5% */
      if (l * l > 0.05 * TH.rel_rates[x] * TH.rel_rates[x])
        ck_assert_msg(fabs(fabs(d[x]) / fabs(l) - 1.0) < 0.05, "%s, X%d: brute force %.4g, linear %.4g",
                      bbn_rate_name(k), x, d[x], l);
    }
  }
  for (int x = 0; x < 4; ++x) {
    printf("X%d (relative): linear %.5g brute force %.5g\n", x, sqrt(lin2[x]), sqrt(bf2[x]));
    ck_assert_msg(fabs(sqrt(bf2[x] / lin2[x]) - 1.0) < 0.03, "X%d: linear %.4g vs brute force %.4g", x,
                  sqrt(lin2[x]), sqrt(bf2[x]));
  }
}
END_TEST

/* PRIMAT's rate errors from its tables in ../shared (the 1-sigma factor at T9 = 0.5), propagated with our
 * sensitivities; the reactions without a PRIMAT table (6Li) keep ours */
START_TEST(test_primat_rate_errors) {
  double sig[BBN_N_REAC];
  int found = 0;
  for (int k = 0; k < BBN_N_REAC; ++k) {
    sig[k] = bbn_rate_sigma_rel(k);
    char path[1024];
    snprintf(path, sizeof path, "%s/data/bbn/rates/%s_primat.txt", FB_SHARED_DIR, bbn_rate_name(k));
    FILE *f = fopen(path, "r");
    if (!f) continue;
    char line[512];
    double best = 1e30, fac = NAN;
    while (fgets(line, sizeof line, f)) {
      double T9, R, F;
      if (line[0] == '#' || sscanf(line, "%lf %lf %lf", &T9, &R, &F) != 3) continue;
      if (fabs(T9 - 0.5) < best) best = fabs(T9 - 0.5), fac = F;
    }
    fclose(f);
    if (isfinite(fac)) sig[k] = fac - 1.0, ++found;
  }
  if (found == 0) {
    printf("SKIP: ../shared/data/bbn/rates/*_primat.txt not found (../shared reference data absent)\n");
    return;
  }
  double s2[2] = {0, 0};
  for (int k = 0; k < BBN_N_REAC; ++k)
    for (int x = 0; x < 2; ++x) s2[x] += pow(TH.sens[k][x] * sig[k], 2);
  const double sD = sqrt(s2[1] + TH.rel_tau_n[1] * TH.rel_tau_n[1]);
  printf("with PRIMAT's rate errors (%d tables): sigma(D/H)/(D/H) = %.4f (PRIMAT %.4f), sigma(Yp) rates %.3g\n",
         found, sD, PRIMAT_SIGMA_DH_REL, sqrt(s2[0]) * TH.X[0]);
  /* measured 0.0107 = 0.73 of PRIMAT's 2018 Monte Carlo value (gap: PRIMAT's tables in ../shared carry its
   * 2023 rates, e.g. d(p,g)3He of Moscoso et al. 2021 after LUNA, with smaller errors than the 2018 rates of
   * the published 1.46%; docs/validation.md): the band 0.6-1.0 */
  ck_assert_msg(sD > 0.6 * PRIMAT_SIGMA_DH_REL && sD < 1.0 * PRIMAT_SIGMA_DH_REL, "sigma(D/H)/(D/H) = %.4f", sD);
}
END_TEST

/* The forward sensitivities (bbn_solve_sens, CVODES: the default of bbn_theory_err_compute) against the brute
 * force they replace (BBN_TH_SENS_DIFFERENCES: central differences, 31 solves) at the default Omega_b h^2 and at
 * the lower end of the profiled fits' range: the errors, the large sensitivities and the chi^2 of standard BBN.
 * Tolerances (docs/validation.md "BBN theory errors: forward sensitivities"): sigma(Yp), sigma(D/H)/(D/H) 0.5%;
 * d ln X / d ln R_k 1% for every rate carrying > 5% of the variance of X; d ln X / d ln tau_n 0.5%; chi^2 1e-3;
 * the abundances of the augmented solve 1e-4 relative (its step sequence differs). */
static int dummy_source(double t, double T, const double *Y, void *ctx, double *dY, double *lnp, double *lpn) {
  (void)t, (void)T, (void)Y, (void)ctx, (void)dY, (void)lnp, (void)lpn;
  return 0;
}

START_TEST(test_forward_vs_differences) {
  const double omega[2] = {OMEGA_B, 0.0200};
  fb_err err;
  fb_err_clear(&err);
  for (int i = 0; i < 2; ++i) {
    bbn_theory_err f, d;
    ck_assert_int_eq(bbn_theory_err_compute_method(&TAB, omega[i], BBN_TH_SENS_FORWARD, &f, &err), FB_OK);
    ck_assert_int_eq(bbn_theory_err_compute_method(&TAB, omega[i], BBN_TH_SENS_DIFFERENCES, &d, &err), FB_OK);
    for (int x = 0; x < 4; ++x) {
      printf("omega_b h^2 = %.5f X%d: rel forward %.6g differences %.6g (%+.2e); tau_n %.5f %.5f; X %.6g %.6g\n",
             omega[i], x, f.rel[x], d.rel[x], f.rel[x] / d.rel[x] - 1.0, f.sens_tau_n[x], d.sens_tau_n[x], f.X[x], d.X[x]);
      ck_assert_msg(fabs(f.X[x] / d.X[x] - 1.0) < 1e-4, "X%d: %.8g vs %.8g", x, f.X[x], d.X[x]);
      ck_assert_msg(fabs(f.sens_tau_n[x] / d.sens_tau_n[x] - 1.0) < 0.005, "X%d tau_n: %.5f vs %.5f", x,
                    f.sens_tau_n[x], d.sens_tau_n[x]);
      for (int k = 0; k < BBN_N_REAC; ++k) {
        const double l = d.sens[k][x] * bbn_rate_sigma_rel(k);
        if (l * l > 0.05 * d.rel_rates[x] * d.rel_rates[x])
          ck_assert_msg(fabs(f.sens[k][x] / d.sens[k][x] - 1.0) < 0.01, "%s X%d: %.5f vs %.5f", bbn_rate_name(k), x,
                        f.sens[k][x], d.sens[k][x]);
      }
    }
    for (int x = 0; x < 2; ++x)
      ck_assert_msg(fabs(f.rel[x] / d.rel[x] - 1.0) < 0.005, "X%d: %.6g vs %.6g", x, f.rel[x], d.rel[x]);
    const double cf = bbn_chi2_th(d.X[0], d.X[1], f.rel[0] * f.X[0], f.rel[1]);
    const double cd = bbn_chi2_th(d.X[0], d.X[1], d.rel[0] * d.X[0], d.rel[1]);
    printf("omega_b h^2 = %.5f: chi^2 of standard BBN with forward %.6f, differences %.6f\n", omega[i], cf, cd);
    ck_assert_msg(fabs(cf / cd - 1.0) < 1e-3, "chi^2 %.6f vs %.6f", cf, cd);
  }
  /* which is closer to the exact derivative: converged central differences (rtol 1e-9, steps +-0.2%) against
   * the forward sensitivities at the default rtol 1e-6 (measured 1.2e-5 for tau_n: the differences at rtol 1e-6
   * carry 0.14% of integration noise, the forward ones do not); tolerance 2e-4 */
  bbn_params p;
  bbn_params_default(&p);
  p.theory_errors = BBN_TH_PRIMAT;
  bbn_result r, up, dn;
  double sens[BBN_N_SENS][4];
  ck_assert_int_eq(bbn_solve_sens(&TAB, &p, &r, sens, &err), FB_OK);
  bbn_params q = p;
  q.rtol = 1e-9;
  q.atol = 1e-19;
  const double h = 0.002, hl = log((1.0 + h) / (1.0 - h));
  for (int j = 0; j < 2; ++j) { /* tau_n, then d(p,g)3He (the largest D/H term) */
    bbn_params a = q, b = q;
    if (j == 0) {
      a.tau_n_s *= 1.0 + h;
      b.tau_n_s *= 1.0 - h;
    } else {
      a.rate_factor[1] = 1.0 + h;
      b.rate_factor[1] = 1.0 - h;
    }
    ck_assert_int_eq(bbn_solve(&TAB, &a, &up, &err), FB_OK);
    ck_assert_int_eq(bbn_solve(&TAB, &b, &dn, &err), FB_OK);
    const double *sf = sens[j == 0 ? BBN_SENS_TAU_N : 1];
    const double cY = log(up.Yp_mass / dn.Yp_mass) / hl, cD = log(up.D_H / dn.D_H) / hl;
    printf("%s: forward (rtol 1e-6) Yp %.6f D/H %.6f; converged differences %.6f %.6f\n", j ? "d(p,g)3He" : "tau_n",
           sf[0], sf[1], cY, cD);
    if (j == 0) ck_assert_msg(fabs(sf[0] / cY - 1.0) < 2e-4, "tau_n Yp: %.6f vs %.6f", sf[0], cY);
    ck_assert_msg(fabs(sf[1] / cD - 1.0) < 2e-4, "D/H: %.6f vs %.6f", sf[1], cD);
  }
  /* only standard BBN (no source hook, no decaying particle) */
  p.source = dummy_source;
  ck_assert_int_eq(bbn_solve_sens(&TAB, &p, &r, sens, &err), FB_ERR_INPUT);
  ck_assert_int_eq(bbn_theory_err_compute_method(&TAB, OMEGA_B, BBN_TH_SENS_FORWARD_LIGHT + 1, &TH_scratch, &err),
                   FB_ERR_RANGE);
}
END_TEST

typedef struct {
  double sY, sD;
  int rc;
} get_out;

static void *get_thread(void *vp) {
  get_out *o = vp;
  fb_err err;
  fb_err_clear(&err);
  o->rc = bbn_theory_err_get(&TAB, OMEGA_B, &o->sY, &o->sD, &err);
  return NULL;
}

/* the cache: two threads at once get the same values; they agree with the direct computation (node
 * interpolation, 2%); bbn_solve's chi^2 uses them */
START_TEST(test_cache_threads) {
  pthread_t t[2];
  get_out o[2];
  for (int i = 0; i < 2; ++i) ck_assert_int_eq(pthread_create(&t[i], NULL, get_thread, &o[i]), 0);
  for (int i = 0; i < 2; ++i) pthread_join(t[i], NULL);
  ck_assert_int_eq(o[0].rc, FB_OK);
  ck_assert_int_eq(o[1].rc, FB_OK);
  ck_assert(o[0].sY == o[1].sY && o[0].sD == o[1].sD);
  printf("cached (interpolated): sigma(Yp) = %.4g, sigma(D/H)/(D/H) = %.5f; direct %.4g, %.5f\n", o[0].sY, o[0].sD,
         TH.rel[0] * TH.X[0], TH.rel[1]);
  ck_assert_msg(fabs(o[0].sY / (TH.rel[0] * TH.X[0]) - 1.0) < 0.02, "sigma(Yp) interpolated %.4g", o[0].sY);
  ck_assert_msg(fabs(o[0].sD / TH.rel[1] - 1.0) < 0.02, "sigma(D/H) interpolated %.4g", o[0].sD);
  fb_err err;
  fb_err_clear(&err);
  bbn_params p;
  bbn_params_default(&p);
  p.omega_b_h2 = OMEGA_B;
  bbn_result r;
  ck_assert_int_eq(bbn_solve(&TAB, &p, &r, &err), FB_OK);
  ck_assert(r.th_sigma_Yp == o[0].sY && r.th_rel_DH == o[0].sD);
  ck_assert(fabs(r.chi2 - bbn_chi2_th(r.Yp_mass, r.D_H, o[0].sY, o[0].sD)) < 1e-12);
  p.theory_errors = 7;
  ck_assert_int_eq(bbn_solve(&TAB, &p, &r, &err), FB_ERR_RANGE);
}
END_TEST

/* Between nodes the cache interpolates linearly in ln Omega_b h^2: checked against a direct computation at
 * 0.0200 (between the nodes 0.01960 and 0.02242); outside the nodes (0.010) the errors are computed there,
 * not held at the edge node 0.0164 (review of session 6, findings 2 and 3) */
START_TEST(test_off_node_and_outside) {
  fb_err err;
  fb_err_clear(&err);
  double sY, sD, sY_out, sD_out, sY_edge, sD_edge;
  bbn_theory_err th;
  ck_assert_int_eq(bbn_theory_err_get(&TAB, 0.0200, &sY, &sD, &err), FB_OK);
  ck_assert_int_eq(bbn_theory_err_compute(&TAB, 0.0200, &th, &err), FB_OK);
  printf("Omega_b h^2 = 0.0200: interpolated sigma(Yp) %.4g, sigma(D/H) %.5f; direct %.4g, %.5f\n", sY, sD,
         th.rel[0] * th.X[0], th.rel[1]);
  ck_assert_msg(fabs(sY / (th.rel[0] * th.X[0]) - 1.0) < 0.01, "sigma(Yp) interpolated %.4g", sY);
  ck_assert_msg(fabs(sD / th.rel[1] - 1.0) < 0.01, "sigma(D/H) interpolated %.5f", sD);
  ck_assert_int_eq(bbn_theory_err_get(&TAB, 0.010, &sY_out, &sD_out, &err), FB_OK);
  ck_assert_int_eq(bbn_theory_err_get(&TAB, 0.0164, &sY_edge, &sD_edge, &err), FB_OK);
  /* the method bbn_theory_err_get uses (the A <= 4 reactions: test_bbn_cache test_light_sensitivities) */
  ck_assert_int_eq(bbn_theory_err_compute_method(&TAB, 0.010, BBN_TH_SENS_FORWARD_LIGHT, &th, &err), FB_OK);
  printf("Omega_b h^2 = 0.010: sigma(Yp) %.4g, sigma(D/H) %.5f (direct %.4g, %.5f); near the edge node 0.0164: %.4g, %.5f\n",
         sY_out, sD_out, th.rel[0] * th.X[0], th.rel[1], sY_edge, sD_edge);
  ck_assert_msg(fabs(sY_out / (th.rel[0] * th.X[0]) - 1.0) < 1e-12 && fabs(sD_out / th.rel[1] - 1.0) < 1e-12,
                "outside the nodes: the direct computation");
  ck_assert_msg(fabs(sD_out / sD_edge - 1.0) > 0.02 || fabs(sY_out / sY_edge - 1.0) > 0.02,
                "outside the nodes the errors must not be held at the edge node's values");
}
END_TEST

static Suite *th_suite(void) {
  Suite *s = suite_create("bbn_theory_err");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, test_vs_primat);
  tcase_add_test(tc, test_off_node_and_outside);
  tcase_add_test(tc, test_yp_error_primat_inputs);
  tcase_add_test(tc, test_linear_vs_bruteforce);
  tcase_add_test(tc, test_primat_rate_errors);
  tcase_add_test(tc, test_cache_threads);
  tcase_add_test(tc, test_forward_vs_differences);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  gsl_set_error_handler_off();
  fb_err err;
  fb_err_clear(&err);
  if (bbn_tables_init(&TAB, &err) != FB_OK) {
    fprintf(stderr, "bbn_tables_init: %s\n", err.msg);
    return 1;
  }
  if (bbn_theory_err_compute(&TAB, OMEGA_B, &TH, &err) != FB_OK) {
    fprintf(stderr, "bbn_theory_err_compute: %s\n", err.msg);
    return 1;
  }
  SRunner *sr = srunner_create(th_suite());
  srunner_set_fork_status(sr, CK_NOFORK);
  srunner_run_all(sr, CK_VERBOSE);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  bbn_tables_free(&TAB);
  return nf == 0 ? 0 : 1;
}
