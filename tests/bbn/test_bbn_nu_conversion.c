/**
 * @file test_bbn_nu_conversion.c
 * @brief Direct p <-> n conversion by non-thermal nu_e (src/bbn/bbn_nu_conversion.c).
 *
 * References:
 *  - the inverse-beta-decay cross section at zeroth order in 1/M, sigma = sigma0 E_e p_e with
 *    sigma0 = 9.52e-44 cm^2 MeV^-2 (Vogel & Beacom hep-ph/9903554, with their inner radiative
 *    correction 1.024 and g_A = 1.26; ours has no radiative correction and g_A = 1.2754, V_ud of
 *    PDG 2024: expected -2.4% + 1.6%; tolerance 3%);
 *  - the limits of the probability n sigma c / (Gamma_th + H): Hubble-limited ~ E^2, scattering-
 *    limited ~ E (closed forms);
 *  - the change of Yp it causes in the HNL band (bc6_bbn at m_N = 0.098 GeV, tau = 0.23 s, where it
 *    decides the edge) against an independent sudden-freeze-out estimate: the extra conversions after
 *    weak freeze-out (T < 0.8 MeV) in a radiation-dominated universe (t = 0.738 s (MeV/T)^2, g_* =
 *    10.75), Delta X_n = int lambda_nu (X_p - X_n) dt with X_p - X_n = 0.70, Delta Yp = 2 Delta X_n,
 *    computed here by its own quadrature (tolerance: a factor 1.5, the sudden-freeze-out approximation).
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "bbn.h"
#include "bbn_decay_record.h"
#include "bbn_internal.h"
#include "fb_config.h"
#include "fb_constants.h"
#include "fb_fip.h"
#include "fb_model.h"

extern const fb_model_ops fb_model_bc6_bbn;

/* lambda_pn with D = 1, one anti-nu_e of energy E per decay (n = 2: one of each), n_b = 1 cm^-3 */
static double lam_pn(double E_MeV, double T_MeV, double H_s, double *lam_np) {
  bbn_decay d;
  memset(&d, 0, sizeof d);
  d.nu_conversion = 1;
  d.n_nu_groups = 1;
  d.nu_groups[0] = (bbn_nu_group){0, BBN_NU_LINE, 2.0, E_MeV, 0, 0};
  double lnp, lpn;
  bbn_nu_conversion_rates(NULL, &d, 1.0, T_MeV, H_s, 1.0, 1.0, 1.0, &lnp, &lpn);
  if (lam_np) *lam_np = lnp;
  return lpn;
}

START_TEST(test_cross_section) {
  const double E = 30.0, Delta = (FB_MN_GEV - FB_MP_GEV) * 1e3, me = FB_ME_GEV * 1e3;
  double lnp;
  const double lpn = lam_pn(E, 0.0, 1.0, &lnp); /* T = 0: no scattering, H = 1/s: P = n sigma c */
  const double Ee = E - Delta, Ep = E + Delta;
  const double sigma0 = lpn / FB_C_CM_S / (Ee * sqrt(Ee * Ee - me * me));
  printf("sigma0 = %.4g cm^2 MeV^-2 (Vogel & Beacom 9.52e-44): ratio %.4f\n", sigma0, sigma0 / 9.52e-44);
  ck_assert_msg(fabs(sigma0 / 9.52e-44 - 1.0) < 0.03, "sigma0 %g", sigma0);
  /* nu_e n -> p e-: E_e = E + Delta, the same sigma0 */
  ck_assert(fabs(lnp / lpn - Ep * sqrt(Ep * Ep - me * me) / (Ee * sqrt(Ee * Ee - me * me))) < 1e-12);
  /* below threshold (E < Delta + m_e) no p -> n */
  ck_assert(lam_pn(1.7, 0.0, 1.0, NULL) == 0.0);
}
END_TEST

START_TEST(test_limits) {
  /* Hubble-limited (T -> 0): ~ E_e p_e; scattering-limited (Gamma_th >> H): ~ E_e p_e / E */
  const double r_H = lam_pn(60.0, 0.0, 1.0, NULL) / lam_pn(30.0, 0.0, 1.0, NULL);
  const double r_T = lam_pn(60.0, 3.0, 1e-30, NULL) / lam_pn(30.0, 3.0, 1e-30, NULL);
  const double D = (FB_MN_GEV - FB_MP_GEV) * 1e3, me = FB_ME_GEV * 1e3;
  const double s60 = (60 - D) * sqrt((60 - D) * (60 - D) - me * me), s30 = (30 - D) * sqrt((30 - D) * (30 - D) - me * me);
  ck_assert(fabs(r_H / (s60 / s30) - 1.0) < 1e-12);
  ck_assert(fabs(r_T / (s60 / s30 / 2.0) - 1.0) < 1e-12);
  /* Gamma_th = C_e G_F^2 T^4 E (Enqvist et al.; the C's multiply G_F^2 T^4 p, see test_bbn_nu_cascade.c
   * test_thermal_average): at T = 3 MeV, E = 30 MeV, H -> 0, the probability per neutrino is n sigma c /
   * Gamma_th (the code before 2026-12-07 divided Gamma_th by 3.151: this ratio was 3.15) */
  const double GF = FB_GF_GEV_M2 * 1e-6, hbar = FB_HBAR_GEV_S * 1e3;
  const double Gth = FB_NU_RATE_C_E * GF * GF * pow(3.0, 4) * 30.0 / hbar;
  printf("scattering-limited probability x Gamma_th / (Hubble-limited x H): %.6f (1)\n",
         lam_pn(30.0, 3.0, 1e-30, NULL) * Gth / lam_pn(30.0, 0.0, 1.0, NULL));
  ck_assert(fabs(lam_pn(30.0, 3.0, 1e-30, NULL) * Gth / lam_pn(30.0, 0.0, 1.0, NULL) - 1.0) < 1e-3);
}
END_TEST

/* bc6_bbn with nu_conversion on / off (nu_on = 2: on, with the oscillations of bbn_nu_oscillation.c and the
 * cascade, the default; 1: on, without oscillations and without the cascade (the first scattering ends a
 * neutrino), as the estimate; 3: on, without oscillations, with the cascade); Delta Yp against the
 * sudden-freeze-out estimate. Until 2026-12-07 nu_on = 1 kept the cascade: with the scattering rate then
 * 3.15 x too small the two differed by 27% (0.0761 / 0.0598), with the corrected rate by x2 */
static int bc6_point(int nu_on, double m, double U2, double *Yp, double *ng, double *tau, fb_err *err) {
  fb_config cfg;
  const fb_key_spec *const schemas[1] = {fb_model_bc6_bbn.keys};
  const size_t n[1] = {fb_model_bc6_bbn.n_keys};
  FB_CALL(err, fb_config_init(&cfg, schemas, n, 1, err));
  if (!nu_on) FB_CALL(err, fb_config_set(&cfg, "bc6_bbn.nu_conversion=false", err));
  if (nu_on == 1 || nu_on == 3) FB_CALL(err, fb_config_set(&cfg, "bc6_bbn.nu_oscillations=false", err));
  if (nu_on == 1) FB_CALL(err, fb_config_set(&cfg, "bc6_bbn.nu_cascade=false", err));
  void *st = NULL;
  FB_CALL(err, fb_model_bc6_bbn.init(&st, &cfg, err));
  double out[64];
  const int rc = fb_model_bc6_bbn.eval(st, m, U2, out, err);
  for (size_t i = 0; i < fb_model_bc6_bbn.n_quantities; ++i) {
    const char *q = fb_model_bc6_bbn.quantities[i].name;
    if (strcmp(q, "Yp_mass_fraction") == 0) *Yp = out[i];
    if (strcmp(q, "n_over_ngamma_T0") == 0) *ng = out[i];
    if (strcmp(q, "tau_s") == 0) *tau = out[i];
  }
  fb_model_bc6_bbn.free(st);
  fb_config_free(&cfg);
  return rc;
}

START_TEST(test_delta_yp_estimate) {
  fb_err err;
  fb_err_clear(&err);
  const double m = 0.0981621602, U2 = 4.38e-6;
  double Y1, Y0, ng, tau;
  ck_assert_msg(bc6_point(1, m, U2, &Y1, &ng, &tau, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(bc6_point(0, m, U2, &Y0, &ng, &tau, &err) == FB_OK, "%s", err.msg);
  /* the decay's nu_e from the particle model's record */
  const fb_fip_ops *ops = fb_fip_find("bc6", NULL);
  fb_config mcfg;
  ck_assert_int_eq(fb_fip_config_default(ops, &mcfg, &err), FB_OK);
  void *model = NULL;
  if (ops->init) ck_assert_int_eq(ops->init(&model, &mcfg, &err), FB_OK);
  fb_decay rec;
  ck_assert_int_eq(ops->decay(model, m, U2, &rec, &err), FB_OK);
  bbn_decay d;
  memset(&d, 0, sizeof d);
  ck_assert_int_eq(bbn_decay_from_record(&rec, &d, NULL, &err), FB_OK);
  if (ops->free) ops->free(model);
  fb_config_free(&mcfg);
  /* the estimate: own quadrature in ln T from 0.8 MeV down to 0.02 MeV */
  const double hbar = FB_HBAR_GEV_S * 1e3, hc = FB_HBARC_GEV_CM * 1e3, GF = FB_GF_GEV_M2 * 1e-6;
  const double Dl = (FB_MN_GEV - FB_MP_GEV) * 1e3, me = FB_ME_GEV * 1e3;
  const double eta = 6.1e-10; /* n_b / n_gamma before e+- annihilation ends (CMB value x 11/4 dilution ignored) */
  const double sigma0 = 9.52e-44; /* Vogel & Beacom, cm^2 MeV^-2 */
  double dXn = 0.0;
  const int N = 4000;
  const double l0 = log(0.8), l1 = log(0.02);
  for (int i = 0; i < N; ++i) {
    const double T = exp(l0 + (l1 - l0) * (i + 0.5) / N), dlnT = (l0 - l1) / N;
    const double t = 0.738 / (T * T), dt = 2.0 * t * dlnT, H = 0.5 / t;
    const double nb = eta * 2.0 * FB_ZETA3 / (FB_PI * FB_PI) * pow(T / hc, 3);
    const double D = ng / eta * exp(-t / tau) / tau; /* decays per baryon per s */
    double lam = 0.0;
    for (int g = 0; g < d.n_nu_groups; ++g) { /* the nu_e groups at their mean energies */
      const double E = d.nu_groups[g].E_MeV;
      if (d.nu_groups[g].flavour != 0 || !(d.nu_groups[g].n > 0.0)) continue;
      const double Ee = E - Dl, sig = sigma0 * Ee * sqrt(Ee * Ee - me * me);
      const double Gth = FB_NU_RATE_C_E * GF * GF * pow(T, 4) * E / hbar;
      lam += D * 0.5 * d.nu_groups[g].n * nb * sig * FB_C_CM_S / (Gth + H);
    }
    dXn += lam * 0.70 * dt;
  }
  double n_e = 0.0, E_e = 0.0;
  for (int g = 0; g < d.n_nu_groups; ++g)
    if (d.nu_groups[g].flavour == 0) n_e += d.nu_groups[g].n, E_e += d.nu_groups[g].n * d.nu_groups[g].E_MeV;
  printf("m_N = %g GeV, |U_e|^2 = %g (tau %.3g s, n/n_gamma %.3g, nu_e per decay %.3g, mean %.3g MeV): "
         "Yp %.5f with, %.5f without; Delta Yp %.4g, estimate %.4g (ratio %.3f)\n",
         m, U2, tau, ng, n_e, n_e > 0.0 ? E_e / n_e : 0.0, Y1, Y0, Y1 - Y0, 2.0 * dXn,
         (Y1 - Y0) / (2.0 * dXn));
  ck_assert_msg(fabs(log((Y1 - Y0) / (2.0 * dXn))) < log(1.5), "Delta Yp %g vs estimate %g", Y1 - Y0, 2.0 * dXn);
  /* the cascade (no oscillations) only adds conversions */
  double Y3;
  ck_assert_msg(bc6_point(3, m, U2, &Y3, &ng, &tau, &err) == FB_OK, "%s", err.msg);
  printf("with the cascade: Yp %.5f, Delta Yp %.4g (x%.3f of the first-scattering value)\n", Y3, Y3 - Y0,
         (Y3 - Y0) / (Y1 - Y0));
  ck_assert_msg(Y3 - Y0 > Y1 - Y0, "Delta Yp with the cascade %g", Y3 - Y0);
  /* with the oscillations (the default): the injected nu_e survive with P_ee >= its vacuum average
   * (the thermal potential only raises it) and the nu_mu, nu_tau add: Delta Yp >= P_ee,vac x the value
   * without (10% for the non-linear response of Yp) */
  double Y2, Pv[3][3];
  ck_assert_msg(bc6_point(2, m, U2, &Y2, &ng, &tau, &err) == FB_OK, "%s", err.msg);
  bbn_nu_osc_vacuum_average(Pv);
  printf("with oscillations: Yp %.5f, Delta Yp %.4g (x%.3f of the value without; P_ee,vac = %.3f)\n", Y2, Y2 - Y0,
         (Y2 - Y0) / (Y3 - Y0), Pv[0][0]);
  ck_assert_msg(Y2 - Y0 > 0.9 * Pv[0][0] * (Y3 - Y0), "Delta Yp with oscillations %g", Y2 - Y0);
}
END_TEST


/* Review fix (issue 14): a stopped pi- captured by a proton (pi- p -> pi0 n; pi+ on neutrons) gives no
 * neutrinos, so the neutrinos of the stopped pions' chain pi -> mu nu_mu, mu -> e nu_e nu_mu count only with
 * the decay probability P = Gamma_dec / (Gamma_dec + n <sigma v>) at injection. Check on the bc6 record at
 * m_N = 0.3 GeV (N -> e pi) at T = 5 MeV (P ~ 0.3): the nu_e conversion rate of the network source
 * (nu_conversion on minus off, oscillations off: only nu_e convert) equals the rate without mesons (every
 * pion decays) minus (1 - P) times the rate of the stopped-pion Michel nu_e alone (n_pi of them, mean
 * 3/10 m_mu), with P computed here from the Reno & Seckel cross sections quoted in fb_constants.h
 * (1.5 mb c x the thermal Coulomb factor, 1.7 mb c) and tau_pi (PDG 2024). Tolerance 1e-3 (the
 * tabulated Coulomb factor: < 1e-4). Before the fix every pion's neutrinos counted (rate off by > 1%). */
static void nu_part(const bbn_tables *tab, const bbn_decay *d, double T, double nb_cm3, const double *Y,
                    double *pn, double *np) {
  bbn_background bg;
  memset(&bg, 0, sizeof bg);
  double lnt[1] = {100.0}; /* outside: the radiation-era d ln a / d ln t = 1/2 */
  bg.ln_t = lnt;
  bg.n = 1;
  bg.YX0 = 1.0;
  const double hc = FB_HBARC_GEV_CM * 1e3, nb_MeV3 = nb_cm3 * hc * hc * hc;
  bbn_decay a = *d, b = *d;
  a.nu_conversion = 1;
  b.nu_conversion = 0;
  double np1, pn1, np0, pn0;
  bbn_decay_network_source(tab, &a, &bg, NULL, 1.0, T, nb_MeV3, Y, &np1, &pn1, NULL, NULL, NULL, NULL);
  bbn_decay_network_source(tab, &b, &bg, NULL, 1.0, T, nb_MeV3, Y, &np0, &pn0, NULL, NULL, NULL, NULL);
  *pn = pn1 - pn0;
  *np = np1 - np0;
}

START_TEST(test_pion_capture) {
  fb_err err;
  fb_err_clear(&err);
  bbn_tables tab;
  ck_assert_msg(bbn_tables_init(&tab, &err) == FB_OK, "%s", err.msg);
  const fb_fip_ops *ops = fb_fip_find("bc6", NULL);
  fb_config mcfg;
  ck_assert_int_eq(fb_fip_config_default(ops, &mcfg, &err), FB_OK);
  void *model = NULL;
  if (ops->init) ck_assert_int_eq(ops->init(&model, &mcfg, &err), FB_OK);
  fb_decay rec;
  ck_assert_int_eq(ops->decay(model, 0.3, 1e-6, &rec, &err), FB_OK);
  bbn_decay d;
  memset(&d, 0, sizeof d);
  ck_assert_int_eq(bbn_decay_from_record(&rec, &d, NULL, &err), FB_OK);
  if (ops->free) ops->free(model);
  fb_config_free(&mcfg);
  d.nu_oscillations = 0;
  d.tau_s = 1.0; /* the rates are per decay: any lifetime (network source at t = 1 s) */
  const double T = 5.0, hc = FB_HBARC_GEV_CM * 1e3;
  const double nb = 6.1e-10 * 2.0 * FB_ZETA3 / (FB_PI * FB_PI) * pow(T / hc, 3); /* cm^-3 */
  const double Y[2] = {0.45, 0.55}; /* Y_n, Y_p (BBN_N = 0, BBN_P = 1) */
  ck_assert(BBN_N == 0 && BBN_P == 1);
  const double npi = d.n_pi_minus + d.n_pi_plus;
  ck_assert(npi > 0.1);
  /* P from the cross sections (independent of the code's table) */
  const double mpi = FB_MPI_CHARGED_GEV * 1e3, mp = FB_MP_GEV * 1e3, c = FB_C_CM_S, gdec = 1.0 / FB_TAU_PI_CHARGED_S;
  const double svm = 1.5e-27 * c * bbn_coulomb_factor(T, mpi * mp / (mpi + mp)), svp = 1.7e-27 * c;
  const double P = (d.n_pi_minus * gdec / (gdec + Y[1] * nb * svm) + d.n_pi_plus * gdec / (gdec + Y[0] * nb * svp)) / npi;
  double pn_on, np_on, pn_all, np_all, pn_pi, np_pi;
  d.mesons = 1;
  nu_part(&tab, &d, T, nb, Y, &pn_on, &np_on);
  d.mesons = 0;
  nu_part(&tab, &d, T, nb, Y, &pn_all, &np_all);
  bbn_decay dp;
  memset(&dp, 0, sizeof dp);
  dp.tau_s = d.tau_s;
  dp.n_nu_groups = 1;
  dp.nu_groups[0] = (bbn_nu_group){0, BBN_NU_MICHEL_NUE, npi, 0.3 * FB_MMU_GEV * 1e3, 0, 1};
  nu_part(&tab, &dp, T, nb, Y, &pn_pi, &np_pi);
  const double pn_exp = pn_all - (1.0 - P) * pn_pi, np_exp = np_all - (1.0 - P) * np_pi;
  printf("pion capture at T = %g MeV: P_decay = %.4f; nu_e p->n rate %.6e (expected %.6e, all pions decaying "
         "%.6e: %.2f%% more), n->p %.6e (expected %.6e)\n", T, P, pn_on, pn_exp, pn_all, 100.0 * (pn_all / pn_exp - 1.0),
         np_on, np_exp);
  ck_assert(P > 0.05 && P < 0.9 && pn_pi > 0.02 * pn_all);
  ck_assert_double_eq_tol(pn_on / pn_exp, 1.0, 1e-3);
  ck_assert_double_eq_tol(np_on / np_exp, 1.0, 1e-3);
  bbn_tables_free(&tab);
}
END_TEST

static Suite *nu_suite(void) {
  Suite *s = suite_create("bbn_nu_conversion");
  TCase *tc = tcase_create("nu");
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, test_cross_section);
  tcase_add_test(tc, test_limits);
  tcase_add_test(tc, test_delta_yp_estimate);
  tcase_add_test(tc, test_pion_capture);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  gsl_set_error_handler_off();
  SRunner *sr = srunner_create(nu_suite());
  srunner_run_all(sr, CK_VERBOSE);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? 0 : 1;
}
