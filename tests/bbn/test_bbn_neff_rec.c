/**
 * @file test_bbn_neff_rec.c
 * @brief N_eff at recombination (src/bbn/bbn_neff_rec.c, issue 14 item 4): the thermal history after the
 *        BBN grid against closed forms, and the standard limit; a moving decaying X (bbn_decay.p0_MeV, issue 14
 *        item 1): its kinetic-equilibrium momentum, the limit p0 -> 0 and the ultra-relativistic limit.
 *
 * Closed form (derived here; the sudden-decay version is Hufnagel, Schmidt-Hoberg, Wild arXiv:1808.09324
 * sec. 5 and Depta et al. arXiv:2011.06518 sec. 3): in the radiation era (a ~ t^{1/2} from t = 0) a
 * non-relativistic X with rho_X a^3 ~ e^{-t/tau}, too dilute to change H, injects into a radiation component
 *   Delta(rho a^4) / (rho_gamma a^4) = int_0^inf (rho_X/rho_gamma)(t) e^{-t/tau} dt/tau
 *                                    = (rho_X/rho_gamma)(t_1) (tau/t_1)^{1/2} Gamma(3/2) =: f,
 * (rho_X/rho_gamma)(t_1) the undecayed ratio at t_1 (it grows like a). So
 *   into neutrinos: Delta N_eff = (8/7)(11/4)^{4/3} f   (the instantaneous-decay formula with <a> = Gamma(3/2) a(tau));
 *   into photons:   N_eff -> N_eff / (1 + f)           (entropy dilution: T_nu/T_gamma falls by (1 + f)^{-1/4}).
 */
#include <check.h>
#include <math.h>
#include <stdio.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>

#include "bbn.h"
#include "fb_constants.h"

static bbn_tables TAB;

static double kneff(void) { return 8.0 / 7.0 * pow(11.0 / 4.0, 4.0 / 3.0); }

/* a radiation-era start at T1 = 1 keV with t1 = 1/(2 H1) and rho_X/rho_gamma = r1 at t1 */
static bbn_neff_cont_in start(double r1, double tau_s, double f_em, double f_nu) {
  const double T1 = 1e-3, Neff0 = 3.044;
  const double rho_g = FB_PI * FB_PI / 15.0 * pow(T1, 4);
  const double rho_r = rho_g * (1.0 + Neff0 / kneff());
  const double H = sqrt(rho_r / 3.0) / (FB_MPL_REDUCED_GEV * 1e3);
  const double mX = 10.0; /* MeV */
  bbn_neff_cont_in in = {T1, Neff0 / kneff(), 0.0, 0.0, FB_HBAR_GEV_S * 1e3 / (2.0 * H), r1 * rho_g / mX, mX, 0.0,
                         tau_s, f_em, f_nu, 1.0 - f_em - f_nu};
  return in;
}

START_TEST(test_closed_form_neutrinos_photons) {
  fb_err err;
  const double r1 = 1e-7, T_stop = bbn_T_recombination_MeV();
  ck_assert_double_eq_tol(T_stop * 1e6, 0.2562, 2e-4); /* T_CMB (1 + z_*) = 0.2562 eV */
  for (int k = 0; k < 3; ++k) {
    const double ratio = k == 0 ? 1e2 : (k == 1 ? 1e4 : 1e5); /* tau / t1 */
    bbn_neff_cont_in in = start(r1, 0.0, 0.0, 1.0);
    in.tauX_s = ratio * in.t_s;
    /* the start has X undecayed at t1 (n_X a^3 ~ e^{-(t - t1)/tau}): the integral from t1 is
     * f = r1 e^{t1/tau} (tau/t1)^{1/2} Gamma(3/2, t1/tau) (upper incomplete gamma; -> Gamma(3/2) for tau >> t1) */
    const double f_t1 = r1 * exp(1.0 / ratio) * sqrt(ratio) * gsl_sf_gamma_inc(1.5, 1.0 / ratio);
    bbn_neff_cont_out o;
    fb_err_clear(&err);
    ck_assert_int_eq(bbn_neff_continue(&in, T_stop, &o, &err), FB_OK);
    const double dn = o.Neff - 3.044, dn_exp = kneff() * f_t1;
    printf("nu:  tau/t1 = %.0e: Delta N_eff = %.6e, closed form %.6e (rel %.2e); X left %.2e\n", ratio, dn, dn_exp,
           dn / dn_exp - 1.0, o.X_left);
    /* tolerance 1e-5: X's own share of H, r1 (tau/t1)^{1/2} <= 3e-5, is the only approximation of the closed form */
    ck_assert_msg(fabs(dn / dn_exp - 1.0) < 1e-5, "neutrinos tau/t1 = %g: %g vs %g", ratio, dn, dn_exp);
    in.f_em = 1.0;
    in.f_nu = 0.0;
    fb_err_clear(&err);
    ck_assert_int_eq(bbn_neff_continue(&in, T_stop, &o, &err), FB_OK);
    const double ng = o.Neff - 3.044, ng_exp = 3.044 / (1.0 + f_t1) - 3.044;
    printf("em:  tau/t1 = %.0e: Delta N_eff = %.6e, entropy dilution %.6e (rel %.2e)\n", ratio, ng, ng_exp,
           ng / ng_exp - 1.0);
    ck_assert_msg(fabs(ng / ng_exp - 1.0) < 1e-5, "photons tau/t1 = %g: %g vs %g", ratio, ng, ng_exp);
  }
}
END_TEST

START_TEST(test_heated_matter_fixed_point) {
  /* review 2026-12-07: photons heated after T_end mean a larger matter density at T_end (eta fixed today):
   * bbn_neff_continue_heated returns the factor f with f = rho_g_ratio^{3/4} of a continuation whose matter is
   * f x the unheated one (checked here by one more plain continuation), and f above the single pass with
   * the unheated matter (the background before the fix) for an em decay late enough that matter matters
   * (X = r1 = 0.3 of rho_gamma at 1 keV, tau = 1e3 t1, baryons + CDM = rho_gamma at 1 keV: z ~ 4000 scale) */
  fb_err err;
  fb_err_clear(&err);
  bbn_neff_cont_in in = start(0.3, 0.0, 1.0, 0.0);
  in.tauX_s = 1e3 * in.t_s;
  in.rho_m_MeV4 = FB_PI * FB_PI / 15.0 * pow(in.T_MeV, 4);
  bbn_neff_cont_out o, o1, o0;
  double f;
  ck_assert_int_eq(bbn_neff_continue_heated(&in, bbn_T_recombination_MeV(), &o, &f, &err), FB_OK);
  ck_assert_int_eq(bbn_neff_continue(&in, bbn_T_recombination_MeV(), &o0, &err), FB_OK); /* the single pass */
  bbn_neff_cont_in c = in;
  c.rho_m_MeV4 *= f;
  ck_assert_int_eq(bbn_neff_continue(&c, bbn_T_recombination_MeV(), &o1, &err), FB_OK);
  printf("heated matter: f = %.8f (self-consistent %.8f); single pass with the unheated matter %.8f; N_eff_rec %.6f vs "
         "%.6f\n", f, pow(o1.rho_g_ratio, 0.75), pow(o0.rho_g_ratio, 0.75), o.Neff, o0.Neff);
  ck_assert_double_eq_tol(pow(o1.rho_g_ratio, 0.75), f, 1e-8 * f);
  ck_assert(f > 1.1);
  ck_assert(fabs(f / pow(o0.rho_g_ratio, 0.75) - 1.0) > 1e-6);
}
END_TEST

START_TEST(test_energy_conservation_dominating_x) {
  /* X that dominates (rho_X = 10 rho_gamma at the start) before decaying: no closed form, but neutrinos and
   * invisible radiation are both free-streaming and count the same in N_eff (f_inv = 1 equals f_nu = 1 to
   * 1e-9), the photons are untouched (rho_gamma a^4 constant exactly for f_em = 0), and N_eff_rec is large */
  fb_err err;
  bbn_neff_cont_in in = start(10.0, 0.0, 0.0, 1.0);
  in.tauX_s = 1e3 * in.t_s;
  bbn_neff_cont_out a, b;
  ck_assert_int_eq(bbn_neff_continue(&in, bbn_T_recombination_MeV(), &a, &err), FB_OK);
  in.f_nu = 0.0;
  in.f_inv = 1.0;
  ck_assert_int_eq(bbn_neff_continue(&in, bbn_T_recombination_MeV(), &b, &err), FB_OK);
  printf("dominating X into nu: N_eff_rec = %.6f, into invisible %.6f, photon a^4 ratio %.3g\n", a.Neff, b.Neff,
         a.rho_g_ratio);
  ck_assert_double_eq_tol(a.Neff, b.Neff, 1e-9 * a.Neff);
  ck_assert(a.rho_g_ratio == 1.0);
  ck_assert(a.Neff > 3.044 + 100.0);
}
END_TEST

START_TEST(test_standard_limit_and_chain) {
  /* bbn_solve: without X N_eff_rec = N_eff exactly; with a vanishing X (m Y = 1e-20 GeV, tau = 1e8 s) equal to
   * standard N_eff to 1e-6; with m Y = 1e-9 GeV, m = 10 MeV decaying at tau = 1e8 s (T ~ 90 eV, after the
   * grid): Delta N_eff_rec against the closed form, rho_X/rho_gamma = m Y s/rho_gamma = m Y (4/3)(g_s/2)/T
   * with g_s = 2 + (7/8) 6 (4/11) (T_nu/T)^3 (11/4), T(tau) from the radiation era H = 1/(2 t) and
   * rho_rad = rho_gamma (1 + N_eff/K); tolerance 3% (matter, 1% of rho at 90 eV, and X itself in H) */
  fb_err err;
  fb_err_clear(&err);
  bbn_params p;
  bbn_params_default(&p);
  bbn_result r0, r;
  ck_assert_int_eq(bbn_solve(&TAB, &p, &r0, &err), FB_OK);
  ck_assert(r0.Neff_rec == r0.Neff);
  bbn_decay d = {0};
  d.mass_GeV = 0.01;
  d.tau_s = 1e8;
  d.mY_GeV = 1e-20;
  d.f_nu = 1.0;
  p.decay = &d;
  p.sbbn_nb_ref = r0.nb_comoving;
  ck_assert_int_eq(bbn_solve(&TAB, &p, &r, &err), FB_OK);
  printf("vanishing X: N_eff_rec - N_eff_SBBN = %.3e\n", r.Neff_rec - r0.Neff);
  ck_assert_double_eq_tol(r.Neff_rec, r0.Neff, 1e-6 * r0.Neff);
  const double Neff0 = r0.Neff, K = kneff();
  const double tnu3 = pow(r0.T_nu_over_T, 3) * (1.0 + 2.0 * pow(r0.T_numu_over_T / r0.T_nu_over_T, 3)) / 3.0;
  const double gs = 2.0 + 7.0 / 8.0 * 6.0 * tnu3;
  for (int k = 0; k < 2; ++k) {
    d.mY_GeV = 1e-9;
    d.f_nu = k == 0 ? 1.0 : 0.0;
    d.f_em = 1.0 - d.f_nu;
    ck_assert_int_eq(bbn_solve(&TAB, &p, &r, &err), FB_OK);
    /* T(tau): t = 1/(2H), H^2 = rho_rad/(3 M^2), rho_rad = (pi^2/15) T^4 (1 + N_eff/K) */
    const double M = FB_MPL_REDUCED_GEV * 1e3, hbar = FB_HBAR_GEV_S * 1e3;
    const double H = hbar / (2.0 * d.tau_s);
    const double T = pow(3.0 * M * M * H * H / (FB_PI * FB_PI / 15.0 * (1.0 + Neff0 / K)), 0.25); /* MeV */
    const double f = d.mY_GeV * 1e3 * (2.0 * FB_PI * FB_PI / 45.0 * gs) / (FB_PI * FB_PI / 15.0) / T * 0.886226925452758;
    const double dn = r.Neff_rec - Neff0, dn_exp = k == 0 ? K * f : Neff0 / (1.0 + f) - Neff0;
    printf("chain %s: T(tau) = %.4g eV, f = %.4e, Delta N_eff_rec = %.5e, closed form %.5e (rel %.3f); N_eff(1 keV) "
           "- SBBN = %.3e\n", k == 0 ? "nu" : "em", T * 1e6, f, dn, dn_exp, dn / dn_exp - 1.0, r.Neff - Neff0);
    ck_assert_msg(fabs(dn / dn_exp - 1.0) < 0.03, "%g vs %g", dn, dn_exp);
    /* at the end of the grid (1 keV, t ~ 2e6 s) only ~(t/tau)^{3/2} ~ 3e-3 of the injection has happened */
    ck_assert(fabs(r.Neff - Neff0) < 1e-2 * fabs(dn));
  }
}
END_TEST


/* ---------------------------------------------------------------- issue 14 item 1: a moving X (bbn_decay.p0_MeV) */
START_TEST(test_kinetic_momentum_limits) {
  /* <E> = m K1/K2 + 3T: m << T: p -> 3T; m >> T: <E> = m + 3T/2 + 15T^2/(8m) + ..., p^2 = <E>^2 - m^2 -> 3 m T (1 + 2T/m) */
  const double p_rel = bbn_kinetic_momentum_MeV(1e-4, 10.0), p_nr = bbn_kinetic_momentum_MeV(1000.0, 1.0);
  printf("kinetic momentum: m/T = 1e-5: p/T = %.6f (3); m/T = 1000: p^2/(3 m T) = %.6f (1.002)\n", p_rel / 10.0,
         p_nr * p_nr / 3000.0);
  ck_assert_double_eq_tol(p_rel / 10.0, 3.0, 1e-6);
  ck_assert_double_eq_tol(p_nr * p_nr / 3000.0, 1.002, 1e-4);
}
END_TEST

START_TEST(test_moving_x_limits) {
  /* (1) p0 -> 0 (1e-6 m) takes the moving-X equations (6 states) and equals X at rest (N_eff to 1e-6);
   * (2) an ultra-relativistic X (m = 1 MeV, p0 = 1e5 MeV at T0 = 10 MeV, time-dilated decays at t ~ 5 s with p ~ 4
   * GeV) into invisible radiation is extra radiation from T0 on: Delta N_eff = N_eff,SBBN rho_X/rho_nu at T0
   * (both redshift as a^-4; rho_nu = (21/8) rho_gamma at T0), to 3% (the e+- -> nu heating, ~1.5%, goes to the
   * neutrinos but not to X); X at rest with the same number injects m/E = 1e-5 of it. */
  fb_err err;
  fb_err_clear(&err);
  bbn_params p;
  bbn_params_default(&p);
  bbn_result r0, ra, rm;
  ck_assert_int_eq(bbn_solve(&TAB, &p, &r0, &err), FB_OK);
  bbn_decay d = {0};
  d.mass_GeV = 0.01;
  d.tau_s = 30.0;
  d.n_over_ngamma = 1e-3;
  d.f_em = 1.0;
  p.decay = &d;
  p.sbbn_nb_ref = r0.nb_comoving;
  ck_assert_int_eq(bbn_solve(&TAB, &p, &ra, &err), FB_OK);
  d.p0_MeV = 1e-8;
  ck_assert_int_eq(bbn_solve(&TAB, &p, &rm, &err), FB_OK);
  printf("p0 -> 0: Yp %.8f / %.8f, D/H %.6e / %.6e, N_eff %.7f / %.7f\n", rm.Yp, ra.Yp, rm.D_H, ra.D_H, rm.Neff, ra.Neff);
  /* the background (N_eff) agrees to 1e-6; the network's abundances to 1e-4: they move by 2.2e-5 (Yp) and 1.6e-5
   * (D/H) already when tau is changed by 1e-7 on the path at rest (measured), the integrator's noise */
  ck_assert_double_eq_tol(rm.Yp, ra.Yp, 1e-4 * ra.Yp);
  ck_assert_double_eq_tol(rm.D_H, ra.D_H, 1e-4 * ra.D_H);
  ck_assert_double_eq_tol(rm.Neff_rec, ra.Neff_rec, 1e-6 * ra.Neff_rec);
  d.mass_GeV = 1e-3;
  d.tau_s = 1e-3;
  d.p0_MeV = 1e5;
  d.f_em = 0.0;
  d.f_inv = 1.0;
  const double T0 = p.T_start_MeV, E0 = sqrt(1.0 + d.p0_MeV * d.p0_MeV);
  const double rho_g0 = FB_PI * FB_PI / 15.0 * pow(T0, 4), ng0 = 2.0 * FB_ZETA3 / (FB_PI * FB_PI) * pow(T0, 3);
  d.n_over_ngamma = 0.1 * 21.0 / 8.0 * rho_g0 / (ng0 * E0); /* rho_X = 0.1 rho_nu at T0 */
  ck_assert_int_eq(bbn_solve(&TAB, &p, &rm, &err), FB_OK);
  const double dn = rm.Neff_rec - r0.Neff, dn_exp = 0.1 * r0.Neff;
  printf("ultra-relativistic X into invisible: Delta N_eff = %.5f, extra radiation %.5f (rel %.4f)\n", dn, dn_exp,
         dn / dn_exp - 1.0);
  ck_assert_msg(fabs(dn / dn_exp - 1.0) < 0.03, "%g vs %g", dn, dn_exp);
  d.p0_MeV = 0.0;
  ck_assert_int_eq(bbn_solve(&TAB, &p, &ra, &err), FB_OK);
  printf("the same number at rest: Delta N_eff = %.3e\n", ra.Neff_rec - r0.Neff);
  ck_assert(fabs(ra.Neff_rec - r0.Neff) < 1e-3 * dn);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  fb_err err;
  fb_err_clear(&err);
  if (bbn_tables_init(&TAB, &err) != FB_OK) {
    fprintf(stderr, "bbn_tables_init: %s\n", err.msg);
    return 1;
  }
  Suite *s = suite_create("bbn_neff_rec");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_closed_form_neutrinos_photons);
  tcase_add_test(tc, test_energy_conservation_dominating_x);
  tcase_add_test(tc, test_heated_matter_fixed_point);
  tcase_add_test(tc, test_standard_limit_and_chain);
  tcase_add_test(tc, test_kinetic_momentum_limits);
  tcase_add_test(tc, test_moving_x_limits);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_VERBOSE);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  bbn_tables_free(&TAB);
  return nf == 0 ? 0 : 1;
}
