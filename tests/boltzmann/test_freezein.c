/* Tests of the freeze-in module (src/boltzmann/fb_freezein.c): the Q^2 / eps^2 scaling, the
 * independence of T_reheat and of the quadrature tolerance, two closed-form yields (e+e- ->
 * chi chibar at constant g_* in MB statistics; the narrow-width decay freeze-in formula of Hall et
 * al. arXiv:0911.1120 against the BC1 width of fb_darkphoton), the plasma frequency in its
 * relativistic and non-relativistic limits, the plasmon residues against the Braaten-Segel closed
 * forms (hep-ph/9302213), the plasmon-decay rate against its high-T estimate, the channel ordering
 * stated by Dvorkin, Lin & Schutz arXiv:1902.08623, and the error paths. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_bessel.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_darkphoton.h"
#include "fb_freezein.h"

static fb_freezein g_fi;

static void setup(void) {
  gsl_set_error_handler_off();
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(fb_freezein_init(&g_fi, NULL, &err) == FB_OK, "%s", err.msg);
}
static void teardown(void) { fb_freezein_free(&g_fi); }

static void init_with(fb_freezein *fi, double T_reheat, double rtol, double gstar_fixed, int channels) {
  fb_err err;
  fb_err_clear(&err);
  fb_freezein_params par;
  fb_freezein_params_default(&par);
  par.T_reheat_GeV = T_reheat;
  par.rtol = rtol;
  par.gstar_fixed = gstar_fixed;
  par.channels = channels;
  ck_assert_msg(fb_freezein_init(fi, &par, &err) == FB_OK, "%s", err.msg);
}

/* Y ~ Q^2 exactly for the light mediator (no back-reaction); heavy: Y ~ eps^2 up to the eps^2
 * part of the A' width (relative ~ eps^2 alpha/alpha_D ~ 1e-22 here); the targets reproduce
 * Omega h^2 = 0.12. */
START_TEST(test_coupling_scaling) {
  fb_err err;
  fb_err_clear(&err);
  fb_freezein_result r1, r2;
  fb_freezein_point p1 = {2.37e-3, 0.0, 0.0, 2.3e-11}, p2 = {2.37e-3, 0.0, 0.0, 7.1e-12};
  ck_assert_msg(fb_freezein_yield(&g_fi, &p1, &r1, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_freezein_yield(&g_fi, &p2, &r2, &err) == FB_OK, "%s", err.msg);
  const double want = pow(2.3e-11 / 7.1e-12, 2);
  printf("light: Y1/Y2 = %.15g, (Q1/Q2)^2 = %.15g\n", r1.Y / r2.Y, want);
  ck_assert_msg(fabs(r1.Y / r2.Y / want - 1.0) < 1e-12, "Y not ~ Q^2");
  double Q;
  ck_assert_msg(fb_freezein_light_target_Q(&g_fi, 2.37e-3, 0.12, &Q, NULL, &err) == FB_OK, "%s", err.msg);
  fb_freezein_point pq = {2.37e-3, 0.0, 0.0, Q};
  ck_assert_msg(fb_freezein_yield(&g_fi, &pq, &r1, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fabs(r1.omega_h2 / 0.12 - 1.0) < 1e-12, "light target gives Omega h^2 = %.15g", r1.omega_h2);

  fb_freezein_point h1 = {0.0213, 0.173, 0.37, 3.1e-12}, h2 = {0.0213, 0.173, 0.37, 9.7e-13};
  ck_assert_msg(fb_freezein_yield(&g_fi, &h1, &r1, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_freezein_yield(&g_fi, &h2, &r2, &err) == FB_OK, "%s", err.msg);
  const double wh = pow(3.1e-12 / 9.7e-13, 2);
  printf("heavy: Y1/Y2 / (eps1/eps2)^2 - 1 = %.3g\n", r1.Y / r2.Y / wh - 1.0);
  ck_assert_msg(fabs(r1.Y / r2.Y / wh - 1.0) < 1e-9, "heavy Y not ~ eps^2");
  double eps;
  fb_freezein_result rt;
  ck_assert_msg(fb_freezein_heavy_target_eps(&g_fi, 0.0213, 0.173, 0.37, 0.12, &eps, &rt, &err) == FB_OK, "%s", err.msg);
  printf("heavy target eps = %.6g, Omega h^2 = %.12g\n", eps, rt.omega_h2);
  ck_assert_msg(fabs(rt.omega_h2 / 0.12 - 1.0) < 1e-7, "heavy target gives Omega h^2 = %.12g", rt.omega_h2);
}
END_TEST

/* Infrared-dominated freeze-in: the yield does not depend on T_reheat once T_reheat >> m_chi
 * (2->2: UV tail ~ m/T_RH; plasmons ~ T_on/T_RH with T_on ~ 10 m). */
START_TEST(test_reheat_independence) {
  fb_err err;
  fb_err_clear(&err);
  const double masses[2] = {1.13e-3, 0.317};
  for (int i = 0; i < 2; i++) {
    fb_freezein a, b;
    init_with(&a, 1e4, 1e-4, 0.0, FB_FI_CH_ALL);
    init_with(&b, 1e4 * (i == 0 ? 0.1 : 10.0), 1e-4, 0.0, FB_FI_CH_ALL);
    double Qa, Qb;
    ck_assert_msg(fb_freezein_light_target_Q(&a, masses[i], 0.12, &Qa, NULL, &err) == FB_OK, "%s", err.msg);
    ck_assert_msg(fb_freezein_light_target_Q(&b, masses[i], 0.12, &Qb, NULL, &err) == FB_OK, "%s", err.msg);
    printf("m = %g GeV: Q(T_RH = 1e4) = %.8g, Q(T_RH = %g) = %.8g, rel %.2e\n", masses[i], Qa, b.par.T_reheat_GeV, Qb,
           Qb / Qa - 1.0);
    ck_assert_msg(fabs(Qb / Qa - 1.0) < 1e-3, "T_reheat dependence %g at m = %g", Qb / Qa - 1.0, masses[i]);
    fb_freezein_free(&a);
    fb_freezein_free(&b);
  }
}
END_TEST

/* Tolerance independence: rtol 1e-4 (default) vs 1e-5. */
START_TEST(test_tolerance) {
  fb_err err;
  fb_err_clear(&err);
  fb_freezein fine;
  init_with(&fine, 1e4, 1e-5, 0.0, FB_FI_CH_ALL);
  const double masses[4] = {2.1e-5, 4.4e-4, 0.0317, 2.9};
  double worst = 0.0;
  for (int i = 0; i < 4; i++) {
    double Qa, Qb;
    ck_assert_msg(fb_freezein_light_target_Q(&g_fi, masses[i], 0.12, &Qa, NULL, &err) == FB_OK, "%s", err.msg);
    ck_assert_msg(fb_freezein_light_target_Q(&fine, masses[i], 0.12, &Qb, NULL, &err) == FB_OK, "%s", err.msg);
    worst = fmax(worst, fabs(Qa / Qb - 1.0));
    double ea, eb;
    const double mA = 3.3 * masses[i];
    ck_assert_msg(fb_freezein_heavy_target_eps(&g_fi, masses[i], mA, 0.5, 0.12, &ea, NULL, &err) == FB_OK, "%s", err.msg);
    ck_assert_msg(fb_freezein_heavy_target_eps(&fine, masses[i], mA, 0.5, 0.12, &eb, NULL, &err) == FB_OK, "%s", err.msg);
    worst = fmax(worst, fabs(ea / eb - 1.0));
  }
  printf("rtol 1e-4 vs 1e-5: worst relative difference of Q and eps targets %.2e\n", worst);
  ck_assert_msg(worst < 3e-4, "tolerance dependence %g", worst);
  fb_freezein_free(&fine);
}
END_TEST

/* e+e- -> chi chibar, m_chi >> m_e, MB, constant g_*: W(E) = 2 g^2/(32 pi^4) (3 pi/2) M_Pl/(c_s c_H E^4)
 * (int_0^inf u^3 K1 = 3 pi/2) and int ds sigma (s - 4m^2) s^(-3/2) = (4 pi alpha^2 Q^2/3) 9 pi/(32 m)
 * (Beta functions B(1/2,3/2) + B(3/2,3/2)/2), so
 *   Y = (8/(32 pi^4)) (M_Pl/(c_s c_H)) (3 pi/2) (4 pi alpha^2 Q^2/3) (9 pi/(32 m)),
 * c_s = 2 pi^2 g/45, c_H = sqrt(4 pi^3 g/45). */
START_TEST(test_ee_closed_form) {
  fb_err err;
  fb_err_clear(&err);
  fb_freezein fi;
  const double g = 97.3, m = 1.37, Q = 1.1e-11;
  init_with(&fi, 1e5, 1e-5, g, FB_FI_CH_EE);
  fb_freezein_point p = {m, 0.0, 0.0, Q};
  fb_freezein_result r;
  ck_assert_msg(fb_freezein_yield(&fi, &p, &r, &err) == FB_OK, "%s", err.msg);
  const double a = FB_ALPHA_EM, cs = 2.0 * FB_PI * FB_PI * g / 45.0, cH = sqrt(4.0 * pow(FB_PI, 3) * g / 45.0);
  const double Yc = 8.0 / (32.0 * pow(FB_PI, 4)) * FB_MPL_GEV / (cs * cH) * 1.5 * FB_PI * (4.0 * FB_PI * a * a * Q * Q / 3.0) *
                    (9.0 * FB_PI / (32.0 * m));
  printf("ee closed form: Y = %.8g, closed form %.8g, ratio - 1 = %.2e\n", r.Y, Yc, r.Y / Yc - 1.0);
  ck_assert_msg(fabs(r.Y / Yc - 1.0) < 3e-4, "ee yield off the closed form by %g", r.Y / Yc - 1.0);
  fb_freezein_free(&fi);
}
END_TEST

/* Heavy mediator, narrow width (alpha_D = 1e-3, Gamma/m ~ 3e-4), constant g_*: the full
 * Breit-Wigner 2->2 yield must equal the decay freeze-in formula of Hall et al. arXiv:0911.1120
 * (Y = 135 g Gamma M_Pl / (8 pi^3 1.66 g_*^{3/2} m^2)) for the chain e+e- -> A' ->
 * chi chibar: Gamma -> Gamma(A' -> ee) BR(A' -> chi chibar), g = 3, two particles per A'.
 * Gamma(A' -> ee) comes from the BC1 module (fb_darkphoton), an independent implementation. */
START_TEST(test_hall_narrow_width) {
  fb_err err;
  fb_err_clear(&err);
  fb_freezein fi;
  const double g = 61.75, m = 0.0117, mA = 0.0931, aD = 1e-3, eps = 2.3e-10;
  init_with(&fi, 1e4, 1e-5, g, FB_FI_CH_EE);
  fb_freezein_point p = {m, mA, aD, eps};
  fb_freezein_result r;
  ck_assert_msg(fb_freezein_yield(&fi, &p, &r, &err) == FB_OK, "%s", err.msg);
  const double gee = fb_darkphoton_width_ll_GeV(mA, eps, FB_ME_GEV);
  const double br = r.width_inv_GeV / (r.width_inv_GeV + r.width_vis_GeV);
  const double c166 = sqrt(4.0 * pow(FB_PI, 3) / 45.0);
  const double Yh = 2.0 * 135.0 * 3.0 * gee * br * FB_MPL_GEV / (8.0 * pow(FB_PI, 3) * c166 * pow(g, 1.5) * mA * mA);
  printf("Hall et al. narrow width: Y = %.8g, formula %.8g, ratio - 1 = %.2e\n", r.Y, Yh, r.Y / Yh - 1.0);
  ck_assert_msg(fabs(r.Y / Yh - 1.0) < 1e-3, "narrow-width limit off by %g", r.Y / Yh - 1.0);
  fb_freezein_free(&fi);
}
END_TEST

/* (p^2/E)(1 - v^2/3) e^-E at m/T = m_e/10 keV, p in units of T */
static double nr_integrand(double y, void *p) {
  (void)p;
  const double mu = FB_ME_GEV / 1e-5, e = sqrt(y * y + mu * mu), v = y / e;
  return y * y / e * (1.0 - v * v / 3.0) * exp(-e);
}

/* Plasma frequency: relativistic limit omega_p^2 = e^2 T^2/9 = 4 pi alpha T^2/9 (Braaten-Segel
 * hep-ph/9302213) at T = 10 MeV (electrons only; m_e/T = 0.05); non-relativistic limit
 * omega_p^2 = 4 pi alpha n_e/m_e (1 - 5T/(2 m_e)), v_*^2 = 5 T/m_e (1 + O(T/m)) at T = 10 keV (a
 * table node), n_e = e- + e+ MB density = 2 m^2 T K2(m/T)/pi^2. */
START_TEST(test_plasma_frequency) {
  fb_err err;
  fb_err_clear(&err);
  double wp, v;
  ck_assert_msg(fb_freezein_plasma(&g_fi, 0.01, &wp, &v, &err) == FB_OK, "%s", err.msg);
  const double rel = wp / (0.01 * sqrt(4.0 * FB_PI * FB_ALPHA_EM / 9.0)) - 1.0;
  printf("omega_p(10 MeV)/relativistic - 1 = %.2e, v_* = %.6f\n", rel, v);
  ck_assert_msg(fabs(rel) < 2e-3 && v > 0.999, "relativistic plasma frequency off by %g (v %g)", rel, v);
  const double T = 1e-5, me = FB_ME_GEV;
  ck_assert_msg(fb_freezein_plasma(&g_fi, T, &wp, &v, &err) == FB_OK, "%s", err.msg);
  const double n = 2.0 * me * me * T * gsl_sf_bessel_Kn(2, me / T) / (FB_PI * FB_PI);
  const double wp2 = 4.0 * FB_PI * FB_ALPHA_EM * n / me * (1.0 - 2.5 * T / me);
  printf("NR: omega_p^2/formula - 1 = %.2e, v_*^2/(5T/m) - 1 = %.2e\n", wp * wp / wp2 - 1.0, v * v / (5.0 * T / me) - 1.0);
  /* next order ~ c (T/m)^2 = c 3.8e-4 with c ~ 10: 5e-3; v_*^2 has a first-order correction of a
   * few T/m (-10 % here) */
  ck_assert_msg(fabs(wp * wp / wp2 - 1.0) < 5e-3, "NR plasma frequency off by %g", wp * wp / wp2 - 1.0);
  ck_assert_msg(v * v / (5.0 * T / me) - 1.0 > -0.15 && v * v < 5.0 * T / me, "NR v_* off");
  /* the tabulated value at a node against a direct quadrature of the Braaten-Segel integral
   * (MB: e+e- at m/T = 51, Fermi-Dirac corrections e^-102) */
  gsl_integration_workspace *w = gsl_integration_workspace_alloc(1000);
  gsl_function F = {nr_integrand, NULL};
  double I = 0, e = 0;
  ck_assert(gsl_integration_qagiu(&F, 0.0, 0.0, 1e-10, 1000, w, &I, &e) == GSL_SUCCESS);
  gsl_integration_workspace_free(w);
  const double wp2_direct = 8.0 * FB_ALPHA_EM / FB_PI * I * T * T;
  printf("table vs direct Braaten-Segel integral at 10 keV: %.2e\n", wp * wp / wp2_direct - 1.0);
  ck_assert_msg(fabs(wp * wp / wp2_direct - 1.0) < 1e-6, "plasma table off by %g", wp * wp / wp2_direct - 1.0);
}
END_TEST

/* Plasmon residues: our Z (from the derivative of the self-energy at the pole) against the closed
 * forms of Braaten & Segel hep-ph/9302213: Z_t = 2 w^2 (w^2 - v^2 q^2) / (3 w^2 + (w^2 + q^2)(w^2 - v^2 q^2)
 * - 2 w^2 (w^2 - q^2)) and Z_l = 2 (w^2 - v^2 q^2) / (3 - (w^2 - v^2 q^2)) (units of omega_p), ours
 * for the covariant longitudinal polarisation being Z_l w^2/(w^2 - q^2). Also Z -> 1, w -> 1 at
 * q -> 0 and the transverse asymptotic mass K^2 -> (3/2) omega_p^2 at v = 1. */
START_TEST(test_plasmon_residues) {
  fb_err err;
  fb_err_clear(&err);
  const double vs[3] = {0.31, 0.93, 0.9995}, qs[4] = {0.037, 0.61, 2.3, 7.9};
  double worst = 0.0;
  int nl = 0;
  for (int a = 0; a < 3; a++)
    for (int b = 0; b < 4; b++) {
      const double v = vs[a], q = qs[b];
      double w, Z;
      int ex;
      ck_assert_msg(fb_freezein_dispersion(&g_fi, 0, v, q, &w, &Z, &ex, &err) == FB_OK, "%s", err.msg);
      double w2 = w * w, q2 = q * q;
      const double zt = 2 * w2 * (w2 - v * v * q2) / (3 * w2 + (w2 + q2) * (w2 - v * v * q2) - 2 * w2 * (w2 - q2));
      worst = fmax(worst, fabs(Z / zt - 1.0));
      ck_assert_msg(fb_freezein_dispersion(&g_fi, 1, v, q, &w, &Z, &ex, &err) == FB_OK, "%s", err.msg);
      if (!ex) continue;
      nl++;
      w2 = w * w;
      const double zl = 2 * (w2 - v * v * q2) / (3 - (w2 - v * v * q2)) * w2 / (w2 - q2);
      worst = fmax(worst, fabs(Z / zl - 1.0));
    }
  printf("residues vs Braaten-Segel closed forms: worst relative difference %.2e (%d L points)\n", worst, nl);
  ck_assert_msg(worst < 1e-6 && nl >= 6, "residues differ by %g", worst);
  double w, Z;
  int ex;
  ck_assert_msg(fb_freezein_dispersion(&g_fi, 1, 0.7, 1e-4, &w, &Z, &ex, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(ex && fabs(w - 1.0) < 1e-7 && fabs(Z - 1.0) < 1e-6, "L mode at q -> 0: w %g Z %g", w, Z);
  ck_assert_msg(fb_freezein_dispersion(&g_fi, 0, 1.0, 300.0, &w, &Z, &ex, &err) == FB_OK, "%s", err.msg);
  const double K2 = (w - 300.0) * (w + 300.0);
  printf("T mode at v = 1, q = 300: K^2/omega_p^2 = %.6f (3/2), Z = %.6f\n", K2, Z);
  ck_assert_msg(fabs(K2 / 1.5 - 1.0) < 1e-3 && fabs(Z - 1.0) < 1e-3, "asymptotic T mass %g", K2);
}
END_TEST

/* Plasmon-decay rate at T = 10 MeV for m_chi -> 0 against the high-T estimate with a constant
 * transverse mass m_inf^2 = (3/2) omega_p^2, Z = 1 and the expansion int k^2 dk f_B(omega)/omega =
 * T^2 pi^2/6 (1 - 3 m/(pi T) + ...):  gamma_T ~ alpha omega_p^2 T^2/12 (1 - 3 m_inf/(pi T)). The
 * estimate ignores the k < omega_p part of the dispersion: agreement to 8 % is what it allows. The
 * longitudinal rate is a few % of the transverse one (Dvorkin et al. arXiv:1902.08623). */
START_TEST(test_plasmon_rate) {
  fb_err err;
  fb_err_clear(&err);
  const double T = 0.01, m = 2e-6;
  double wp, v, rt, rl;
  ck_assert_msg(fb_freezein_plasma(&g_fi, T, &wp, &v, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_freezein_plasmon_rate_GeV4(&g_fi, 0, m, T, &rt, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_freezein_plasmon_rate_GeV4(&g_fi, 1, m, T, &rl, &err) == FB_OK, "%s", err.msg);
  const double minf = sqrt(1.5) * wp;
  const double est = FB_ALPHA_EM * wp * wp * T * T / 12.0 * (1.0 - 3.0 * minf / (FB_PI * T));
  printf("plasmon T rate / estimate = %.4f, L/T = %.4f\n", rt / est, rl / rt);
  ck_assert_msg(fabs(rt / est - 1.0) < 0.08, "transverse plasmon rate / estimate = %g", rt / est);
  ck_assert_msg(rl > 0 && rl < 0.1 * rt, "longitudinal/transverse = %g", rl / rt);
  /* the fixed k rule used inside the yield's T integral against the adaptive rule */
  /* the last two: near the thresholds, 2 m = 1.1 omega_p (T mode opens at finite k) and
   * 2 m = 0.95 omega_p (L mode closes at small k), omega_p(10 MeV) = 1.00891 MeV */
  const double Ts[5] = {0.01, 2.7e-3, 0.83, 0.01, 0.01}, ms[5] = {2e-6, 1.1e-4, 0.031, 0.55 * 1.00891e-3, 0.475 * 1.00891e-3};
  double worst = 0.0;
  for (int i = 0; i < 5; i++)
    for (int pol = 0; pol < 2; pol++) {
      double ra, rf;
      ck_assert_msg(fb_freezein_plasmon_rate_GeV4(&g_fi, pol, ms[i], Ts[i], &ra, &err) == FB_OK, "%s", err.msg);
      ck_assert_msg(fb_freezein_plasmon_rate_fixed_GeV4(&g_fi, pol, ms[i], Ts[i], &rf, &err) == FB_OK, "%s", err.msg);
      /* only the L mode at 2 m = 1.1 omega_p is closed (its K^2 <= omega_p^2) */
      const int closed = (i == 3 && pol == 1);
      ck_assert_msg(closed ? (ra == 0 && rf == 0) : ra > 0, "rate at T = %g, m = %g, pol %d: %g", Ts[i], ms[i], pol, ra);
      if (!closed) worst = fmax(worst, fabs(rf / ra - 1.0));
    }
  printf("plasmon rate, fixed vs adaptive k rule: worst relative difference %.2e\n", worst);
  ck_assert_msg(worst < 1e-4, "fixed k rule off by %g", worst);
  /* above the kinematic end no decay */
  ck_assert_msg(fb_freezein_plasmon_rate_GeV4(&g_fi, 0, 0.7 * wp, T, &rt, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(rt == 0.0, "decay above 2 m > m_inf must vanish");
}
END_TEST

/* Dvorkin, Lin & Schutz arXiv:1902.08623 (abstract): "plasmon decays are a dominant channel for DM
 * production for sub-MeV DM masses"; above the electron mass e+e- annihilation leads. No numerical
 * value of their target line could be found in a citable text form (see
 * docs/validation.md ("Freeze-in")): this checks the ordering of the channels only. */
START_TEST(test_channel_ordering) {
  fb_err err;
  fb_err_clear(&err);
  double Q;
  fb_freezein_result r;
  ck_assert_msg(fb_freezein_light_target_Q(&g_fi, 1.3e-5, 0.12, &Q, &r, &err) == FB_OK, "%s", err.msg);
  const double pl_low = (r.Y_channel[4] + r.Y_channel[5]) / r.Y;
  ck_assert_msg(fb_freezein_light_target_Q(&g_fi, 2.1e-3, 0.12, &Q, &r, &err) == FB_OK, "%s", err.msg);
  const double pl_high = (r.Y_channel[4] + r.Y_channel[5]) / r.Y, ee_high = r.Y_channel[0] / r.Y;
  printf("plasmon share: %.3f at 13 keV, %.3f at 2.1 MeV (ee %.3f)\n", pl_low, pl_high, ee_high);
  ck_assert_msg(pl_low > 0.5 && pl_high < 0.5 && ee_high > 0.5, "channel ordering");
}
END_TEST

START_TEST(test_errors) {
  fb_err err;
  fb_err_clear(&err);
  fb_freezein_result r;
  fb_freezein_point bad_m = {5e-7, 0.0, 0.0, 1e-11}, bad_mA = {0.01, 0.019, 0.5, 1e-11}, bad_aD = {0.01, 0.05, 0.0, 1e-11},
                    bad_c = {0.01, 0.0, 0.0, -1.0};
  ck_assert_int_eq(fb_freezein_yield(&g_fi, &bad_m, &r, &err), FB_ERR_RANGE);
  ck_assert_msg(strstr(err.msg, "mass_GeV") != NULL, "%s", err.msg);
  fb_err_clear(&err);
  ck_assert_int_eq(fb_freezein_yield(&g_fi, &bad_mA, &r, &err), FB_ERR_RANGE);
  ck_assert_msg(strstr(err.msg, "mA_GeV") != NULL, "%s", err.msg);
  fb_err_clear(&err);
  ck_assert_int_eq(fb_freezein_yield(&g_fi, &bad_aD, &r, &err), FB_ERR_RANGE);
  fb_err_clear(&err);
  ck_assert_int_eq(fb_freezein_yield(&g_fi, &bad_c, &r, &err), FB_ERR_RANGE);
  fb_err_clear(&err);
  double Q;
  ck_assert_int_eq(fb_freezein_light_target_Q(&g_fi, 0.01, -1.0, &Q, NULL, &err), FB_ERR_RANGE);
  fb_freezein fi;
  fb_freezein_params par;
  fb_freezein_params_default(&par);
  par.T_reheat_GeV = 1e6;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_freezein_init(&fi, &par, &err), FB_ERR_RANGE);
  ck_assert_msg(strstr(err.msg, "T_reheat_GeV") != NULL, "%s", err.msg);
  fb_freezein_params_default(&par);
  par.rtol = 1e-8;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_freezein_init(&fi, &par, &err), FB_ERR_RANGE);
  ck_assert_msg(strstr(err.msg, "rtol") != NULL, "%s", err.msg);
  double wp, v;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_freezein_plasma(&g_fi, 1e-7, &wp, &v, &err), FB_ERR_RANGE);
}
END_TEST

int main(void) {
  Suite *s = suite_create("freezein");
  TCase *tc = tcase_create("freezein");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, test_coupling_scaling);
  tcase_add_test(tc, test_reheat_independence);
  tcase_add_test(tc, test_tolerance);
  tcase_add_test(tc, test_ee_closed_form);
  tcase_add_test(tc, test_hall_narrow_width);
  tcase_add_test(tc, test_plasma_frequency);
  tcase_add_test(tc, test_plasmon_residues);
  tcase_add_test(tc, test_plasmon_rate);
  tcase_add_test(tc, test_channel_ordering);
  tcase_add_test(tc, test_errors);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_VERBOSE);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
