/**
 * @file test_sn_scalar.c
 * @brief BC4/BC5 dark-scalar SN1987A band (src/stellar/fb_sn_scalar.c): the soft factor, its expansion
 *        and its angular integral against the exact external-leg amplitude, the thermal average, the like-pair cross section, and the band against the
 *        published numbers.
 *
 * References for the band (quoted from the abstracts, the only parts of the papers readable offline;
 * their figures are not): Dev, Mohapatra & Zhang arXiv:2005.00490 (OPE rate, decays and absorption):
 * "sin theta ... excluded only in the narrow range of 3.9e-7 to 7.0e-6, depending on the scalar mass up
 * to about 147 MeV"; Balaji, Dev, Silk & Zhang arXiv:2205.01669 (geometric effects of decay and
 * absorption, stellar profile): "SN1987A excludes 1.0e-7 <~ sin theta <~ 3.0e-5 and scalar mass up to
 * 219 MeV". Tolerances (explicit): the smallest lower edge over 1-100 MeV within a factor 3 of each
 * paper (the two differ by x3.9), the largest excluded mass within 30% of each (they differ by x1.5).
 * The upper (trapping) edge is the measured gap of docs/validation.md: ours lies x30-x150 above the
 * published maxima; asserted as the documented range so that a change is noticed.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_sn_scalar.h"
#include "fb_sn_table.h"

#define NOMINAL_PROFILE FB_SOURCE_DIR "/inputs/sn_profile_mantle.dat" /* the default profile (docs/sn-profile.md 1c) */
#define PARAMETRIC_PROFILE FB_SOURCE_DIR "/inputs/sn_profile_default.dat" /* the default before the switch (1) */

/* published numbers (abstracts, see the file comment), sin(theta) and GeV */
#define DMZ_SIN_LOW 3.9e-7
#define DMZ_SIN_HIGH 7.0e-6
#define DMZ_MASS_MAX 0.147
#define BALAJI_SIN_LOW 1.0e-7
#define BALAJI_SIN_HIGH 3.0e-5
#define BALAJI_MASS_MAX 0.219

static const double MN = 0.5 * (FB_MN_GEV + FB_MP_GEV);

static double dot3(const double *a, const double *b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

/* 2 m/(2 p.k + eta m_S^2) with 4-vector p.k = E_p omega - p.k */
static double leg(const double *p, const double *k, double om, double ms, double eta) {
  double E = sqrt(MN * MN + dot3(p, p));
  return 2.0 * MN / (2.0 * (E * om - dot3(p, k)) + eta * ms * ms);
}

/* Exact soft factor of N N -> N N S (external legs) in the CM frame: initial momenta +-P a, scalar of
 * energy om and mass ms along n, final momenta -k/2 +- P' b with P' from exact energy conservation;
 * also returns the quadrupole sum eta (v.n)^2 with the actual momenta (*quad) and P'/P. */
static double soft_exact(double P, double om, double ms, const double *a, const double *b, const double *n,
                         double *quad, double *ratio) {
  double k = sqrt(om * om - ms * ms), kv[3] = {k * n[0], k * n[1], k * n[2]}, p1[3], p2[3], p3[3], p4[3];
  for (int i = 0; i < 3; i++) p1[i] = P * a[i], p2[i] = -P * a[i];
  double Ein = 2.0 * sqrt(MN * MN + P * P), lo = 0.0, hi = P;
  for (int it = 0; it < 200; it++) {
    double mid = 0.5 * (lo + hi), e = 0.0;
    for (int s = -1; s <= 1; s += 2) {
      double q[3];
      for (int i = 0; i < 3; i++) q[i] = -0.5 * kv[i] + s * mid * b[i];
      e += sqrt(MN * MN + dot3(q, q));
    }
    if (e + om > Ein) hi = mid; else lo = mid;
  }
  double Pp = 0.5 * (lo + hi);
  for (int i = 0; i < 3; i++) p3[i] = -0.5 * kv[i] + Pp * b[i], p4[i] = -0.5 * kv[i] - Pp * b[i];
  if (quad)
    *quad = (pow(dot3(p3, n), 2) + pow(dot3(p4, n), 2) - pow(dot3(p1, n), 2) - pow(dot3(p2, n), 2)) / (MN * MN);
  if (ratio) *ratio = Pp / P;
  return leg(p3, kv, om, ms, +1) + leg(p4, kv, om, ms, +1) - leg(p1, kv, om, ms, -1) - leg(p2, kv, om, ms, -1);
}

/* The expansion of fb_sn_scalar.c, -m_S^2/(m_N omega^2) + (beta^2/omega) sum eta (v.n)^2, against the exact
 * soft factor for non-relativistic kinematics (E_cm = P^2/m_N = 31 MeV > omega): the error is O(v^2) of the
 * leading terms, so it falls by ~4 when P halves (omega, m_S scaled with P^2). */
START_TEST(test_soft_factor_expansion) {
  const double dirs[3][2][3] = {{{0, 0, 1}, {0.6, 0, 0.8}},
                                {{0.28, 0.96, 0}, {0, 0.6, -0.8}},
                                {{1, 0, 0}, {0.36, 0.48, 0.8}}};
  const double n[3] = {0.48, -0.6, 0.64};
  double worst[2] = {0, 0};
  for (int h = 0; h < 2; h++) {
    double f = h ? 0.5 : 1.0, P = 0.17 * f, om = 0.0137 * f * f, ms = 0.0071 * f * f;
    double beta2 = 1.0 - ms * ms / (om * om);
    for (int c = 0; c < 3; c++) {
      double q, r, exact = soft_exact(P, om, ms, dirs[c][0], dirs[c][1], n, &q, &r);
      double mass_term = -ms * ms / (MN * om * om), quad = beta2 / om * q;
      double scale = fabs(mass_term) + 2.0 * beta2 * P * P / (MN * MN * om), d = fabs(exact - mass_term - quad) / scale;
      printf("soft factor P = %g, case %d: exact %.6g, expansion %.6g (P'/P %.3f), |diff|/scale %.3g\n", P, c, exact,
             mass_term + quad, r, d);
      worst[h] = fmax(worst[h], d);
    }
  }
  ck_assert_msg(worst[0] < 0.02, "expansion error %g at v = 0.18", worst[0]);
  ck_assert_msg(worst[1] < worst[0] / 3.0, "expansion error %g at v = 0.09 does not fall like v^2 (%g)", worst[1], worst[0]);
}
END_TEST

/* The angular integral int dOmega_n S^2 of the exact soft factor (quadrature over scalar directions, the final
 * momenta re-solved for each) against the closed form used in fb_sn_scalar.c:
 * 4 pi A^2 + 2 A (beta^2/omega)(4 pi/3)(-2 omega/m_N) + (beta^4/omega^2) 16 pi [(u^4 + u'^4)/5 - 2 u^2 u'^2 (1 + 2c^2)/15],
 * A = -m_S^2/(m_N omega^2), m_N u'^2 = E - omega: within 6% at v = 0.18 and 2% at v = 0.09. */
START_TEST(test_soft_angular_integral) {
  const double a[3] = {0, 0, 1}, b[3] = {0.6, 0, 0.8}, c = 0.8;
  const int N = 16;
  gsl_integration_glfixed_table *g = gsl_integration_glfixed_table_alloc((size_t)N);
  for (int h = 0; h < 2; h++) {
    double f = h ? 0.5 : 1.0, P = 0.17 * f, om = (h ? 0.0137 : 0.03) * f * f, ms = (h ? 0.0071 : 0.02) * f * f;
    double ex = 0.0;
    for (int i = 0; i < N; i++) {
      double x, w;
      gsl_integration_glfixed_point(-1.0, 1.0, (size_t)i, &x, &w, g);
      for (int j = 0; j < 2 * N; j++) {
        double ph = FB_PI * j / N, s = sqrt(1 - x * x), nv[3] = {s * cos(ph), s * sin(ph), x};
        double S = soft_exact(P, om, ms, a, b, nv, NULL, NULL);
        ex += w * (FB_PI / N) * S * S;
      }
    }
    double beta2 = 1.0 - ms * ms / (om * om), A = -ms * ms / (MN * om * om), E = P * P / MN;
    double ui2 = E / MN, uf2 = (E - om) / MN;
    double form = 4 * FB_PI * A * A + 2 * A * (beta2 / om) * (4 * FB_PI / 3) * (-2 * om / MN) +
                  beta2 * beta2 / (om * om) * 16 * FB_PI *
                      ((uf2 * uf2 + ui2 * ui2) / 5 - 2 * ui2 * uf2 * (1 + 2 * c * c) / 15);
    printf("int dOmega S^2 at P = %g: exact %.6g, closed form %.6g, ratio %.4f\n", P, ex, form, form / ex);
    ck_assert_msg(fabs(form / ex - 1) < (h ? 0.02 : 0.06), "P = %g: closed form %g vs exact %g", P, form, ex);
  }
  gsl_integration_glfixed_table_free(g);
}
END_TEST

/* int dOmega_n [(b.n)^2 - (a.n)^2]^2 = (16 pi/15) sin^2 theta_ab and int dOmega_n [(b.n)^2 - (a.n)^2] = 0
 * (product Gauss-Legendre in cos and a uniform rule in phi, exact for these polynomials). */
START_TEST(test_angular_integral) {
  const double th = 1.137, a[3] = {0, 0, 1}, b[3] = {sin(th), 0, cos(th)};
  gsl_integration_glfixed_table *g = gsl_integration_glfixed_table_alloc(8);
  double I2 = 0.0, I1 = 0.0;
  const int nphi = 16;
  for (size_t i = 0; i < 8; i++) {
    double x, w;
    gsl_integration_glfixed_point(-1.0, 1.0, i, &x, &w, g);
    for (int j = 0; j < nphi; j++) {
      double ph = 2.0 * FB_PI * j / nphi, s = sqrt(1 - x * x), nv[3] = {s * cos(ph), s * sin(ph), x};
      double d = pow(dot3(b, nv), 2) - pow(dot3(a, nv), 2);
      I2 += w * (2.0 * FB_PI / nphi) * d * d;
      I1 += w * (2.0 * FB_PI / nphi) * d;
    }
  }
  gsl_integration_glfixed_table_free(g);
  double ref = 16.0 * FB_PI / 15.0 * sin(th) * sin(th);
  ck_assert_msg(fabs(I2 / ref - 1) < 1e-12, "quadrupole integral %.15g vs %.15g", I2, ref);
  ck_assert_msg(fabs(I1) < 1e-12, "first moment %g", I1);
}
END_TEST

/* like-pair cross section: 1S0 scattering-length limit 2 pi a_nn^2 (a_nn = -18.9 fm) */
START_TEST(test_sigma_nn_limit) {
  double fm = FB_FM_TO_CM / FB_HBARC_GEV_CM, ref = 2.0 * FB_PI * 18.9 * 18.9 * fm * fm;
  ck_assert_msg(fabs(fb_sn_sigma_nn_GeV2(1e-12) / ref - 1) < 1e-6, "sigma_nn(0) %g vs %g", fb_sn_sigma_nn_GeV2(1e-12), ref);
  /* continuity where the fit takes over (T_lab = 20 MeV is E = 10 MeV): within 20% across it */
  double s1 = fb_sn_sigma_nn_GeV2(0.0099), s2 = fb_sn_sigma_nn_GeV2(0.0101);
  ck_assert_msg(s2 / s1 > 0.5 && s2 / s1 < 1.2, "sigma_nn across T_lab = 20 MeV: %g -> %g", s1, s2);
}
END_TEST

/* The thermal average, done differently: dN/dV dt domega = sum_pairs n_pair int_omega^inf dE P(E) v_rel
 * dsigma_S/domega(E) with P(E) = (2/sqrt(pi)) T^{-3/2} sqrt(E) e^{-E/T}, v_rel = 2 sqrt(E/m_N) and the
 * cross section of fb_sn_scalar.c, by adaptive quadrature (GSL qagiu), then Gamma_abs = e^{omega/T}
 * 2 pi^2 dN/(k omega): the tabulated rate agrees to 2% (table interpolation). */
typedef struct dpar {
  double om, ms, T, g2, pnp, plike;
} dpar;

static double dsig_domega(double E, void *vp) {
  const dpar *d = vp;
  double k = sqrt(d->om * d->om - d->ms * d->ms), beta = k / d->om;
  double br = pow(d->ms, 4) / pow(d->om, 2) + 4.0 / 3.0 * d->ms * d->ms * beta * beta +
              pow(beta, 4) * (32.0 / 45.0 * (E * E - E * d->om) + 0.8 * d->om * d->om);
  double sig = d->pnp * fb_sn_sigma_np_GeV2(E) + d->plike * fb_sn_sigma_nn_GeV2(E);
  double ds = d->g2 * k * sig / (4.0 * FB_PI * FB_PI * MN * MN * d->om * d->om) * br;
  double PE = 2.0 / sqrt(FB_PI) * pow(d->T, -1.5) * sqrt(E) * exp(-(E - d->om) / d->T); /* e^{omega/T} folded in */
  return PE * 2.0 * sqrt(E / MN) * ds;
}

START_TEST(test_gamma_abs_direct) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_scalar s;
  ck_assert_msg(fb_sn_scalar_init(&s, NULL, &err) == FB_OK, "%s", err.msg);
  const double T[3] = {0.0312, 0.0117, 0.0047}, om[3] = {0.0441, 0.0093, 0.0211}, ms[3] = {0.0013, 0.0071, 0.0183};
  gsl_integration_workspace *w = gsl_integration_workspace_alloc(1000);
  for (int c = 0; c < 3; c++) {
    fb_sn_point q = {T[c], 1.3e-4, 2.1e-4 * 1.3e-4, 0.0, 1.0, 0.1, 1.3e-4};
    double nn = q.nnnp / q.np;
    dpar d = {om[c], ms[c], T[c], s.y_hNN * s.y_hNN, nn * q.np, 0.5 * (nn * nn + q.np * q.np)};
    gsl_function F = {dsig_domega, &d};
    double res, abserr;
    /* the cross sections have kinks (the larger of two fits), so a round-off stop is accepted when the
     * error estimate is small */
    int st = gsl_integration_qagiu(&F, om[c], 0.0, 1e-7, 1000, w, &res, &abserr);
    ck_assert_msg(st == GSL_SUCCESS || (st == GSL_EROUND && abserr < 1e-4 * fabs(res)), "qagiu status %d, error %g of %g",
                  st, abserr, res);
    double k = sqrt(om[c] * om[c] - ms[c] * ms[c]), direct = 2.0 * FB_PI * FB_PI * res / (k * om[c]);
    double tab = fb_sn_scalar_gamma_abs_GeV(&s, &q, om[c], ms[c]);
    printf("Gamma_abs(T = %g, omega = %g, m_S = %g): table %.6g, direct %.6g, ratio %.5f\n", T[c], om[c], ms[c], tab,
           direct, tab / direct);
    ck_assert_msg(fabs(tab / direct - 1) < 0.02, "case %d: table %g vs direct %g", c, tab, direct);
  }
  gsl_integration_workspace_free(w);
  fb_sn_scalar_free(&s);
}
END_TEST

typedef struct setup {
  fb_sn_profile p;
  fb_sn_medium m;
  fb_sn_scalar s;
  fb_sn_table t;
} setup;

static void setup_init_profile(setup *x, const char *profile_file) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_options o;
  fb_sn_options_default(&o);
  o.criterion = FB_SN_CRIT_RAYS; /* the BC4 default */
  o.semi_compton = o.coalescence = 0;
  memset(x, 0, sizeof *x);
  ck_assert_msg(fb_sn_profile_read(&x->p, profile_file, NULL, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_sn_medium_init(&x->m, &x->p, &o, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_sn_scalar_init(&x->s, NULL, &err) == FB_OK, "%s", err.msg);
}

/* the default (mantle) profile (inline: used by tests merged from other branches; no unused warning) */
static inline void setup_init(setup *x) { setup_init_profile(x, NOMINAL_PROFILE); }

static void setup_free(setup *x) {
  fb_sn_table_free(&x->t);
  fb_sn_scalar_free(&x->s);
  fb_sn_medium_free(&x->m);
  fb_sn_profile_free(&x->p);
}

/* The published tolerances were set on the parametric profile (the default before the switch of issue 16) and are
 * checked there. On the default mantle profile every check holds except the largest excluded mass against DMZ: 0.231
 * GeV, x1.57 of their 147 MeV (Balaji et al.'s 219 MeV, with a stellar profile, within 30%: x1.05), asserted as the
 * documented gap 1.3-1.9 (docs/validation.md "Default SN profile switched to mantle"). */
static void band_vs_published(const char *profile_file, int mantle) {
  setup x;
  setup_init_profile(&x, profile_file);
  fb_err err;
  fb_err_clear(&err);
  const double masses[6] = {0.001, 0.003, 0.01, 0.03, 0.1, 0.15};
  double min_low = INFINITY, max_high = 0.0;
  printf("%s profile\n| m_S [MeV] | sin2theta_low | sin2theta_high | sin theta low | sin theta high |\n",
         mantle ? "mantle" : "parametric");
  for (int i = 0; i < 6; i++) {
    double lo, hi;
    ck_assert_msg(fb_sn_scalar_table_compute(&x.t, &x.s, &x.m, masses[i], &err) == FB_OK, "%s", err.msg);
    ck_assert_msg(fb_sn_scalar_edges(&x.t, x.m.opt.L_nu_erg_s, &lo, &hi, &err) == FB_OK, "%s", err.msg);
    ck_assert_msg(isfinite(lo) && isfinite(hi) && hi > lo, "m = %g GeV: no band (%g, %g)", masses[i], lo, hi);
    printf("| %.4g | %.4g | %.4g | %.3g | %.3g |\n", 1e3 * masses[i], lo, hi, sqrt(lo), sqrt(hi));
    min_low = fmin(min_low, sqrt(lo));
    max_high = fmax(max_high, sqrt(hi));
  }
  printf("smallest lower edge sin theta = %.3g: / DMZ %.3g = %.3f, / Balaji %.3g = %.3f\n", min_low, DMZ_SIN_LOW,
         min_low / DMZ_SIN_LOW, BALAJI_SIN_LOW, min_low / BALAJI_SIN_LOW);
  ck_assert_msg(min_low / DMZ_SIN_LOW < 3.0 && min_low / DMZ_SIN_LOW > 1.0 / 3.0, "lower edge %g vs DMZ", min_low);
  ck_assert_msg(min_low / BALAJI_SIN_LOW < 3.0 && min_low / BALAJI_SIN_LOW > 1.0 / 3.0, "lower edge %g vs Balaji", min_low);
  printf("largest upper edge sin theta = %.3g: / DMZ %.3g = %.1f, / Balaji %.3g = %.1f (documented gap)\n", max_high,
         DMZ_SIN_HIGH, max_high / DMZ_SIN_HIGH, BALAJI_SIN_HIGH, max_high / BALAJI_SIN_HIGH);
  ck_assert_msg(max_high / BALAJI_SIN_HIGH > 10.0 && max_high / BALAJI_SIN_HIGH < 100.0,
                "upper edge %g: the documented gap (x10-x100 above arXiv:2205.01669) changed", max_high);
  double mm;
  ck_assert_msg(fb_sn_scalar_mass_max_GeV(&x.s, &x.m, 0.05, 0.5, 2e-3, &mm, &err) == FB_OK, "%s", err.msg);
  printf("largest excluded mass %.4g GeV: / DMZ %.3g = %.3f, / Balaji %.3g = %.3f\n", mm, DMZ_MASS_MAX,
         mm / DMZ_MASS_MAX, BALAJI_MASS_MAX, mm / BALAJI_MASS_MAX);
  if (mantle)
    ck_assert_msg(mm / DMZ_MASS_MAX > 1.3 && mm / DMZ_MASS_MAX < 1.9, "mantle m_max %g vs DMZ %g: documented gap x1.57 changed",
                  mm, DMZ_MASS_MAX);
  else
    ck_assert_msg(fabs(mm / DMZ_MASS_MAX - 1) < 0.3, "m_max %g vs DMZ %g", mm, DMZ_MASS_MAX);
  ck_assert_msg(fabs(mm / BALAJI_MASS_MAX - 1) < 0.3, "m_max %g vs Balaji %g", mm, BALAJI_MASS_MAX);
  setup_free(&x);
}

START_TEST(test_band_vs_published) {
  band_vs_published(PARAMETRIC_PROFILE, 0);
  band_vs_published(NOMINAL_PROFILE, 1);
}
END_TEST

/* The shared emission loop (fb_sn_table_fill): an absorption channel booked apart (gamma_extra, L0_res) gives
 * the same elements as the same rate as the main absorption (gamma_abs, L0_T), bit for bit; its luminosity is
 * reported in L_extra. Rates: the scalar's absorption; the path rate: absorption with stimulated emission. */
typedef struct fill_ctx {
  const fb_sn_scalar *s;
  double mass;
} fill_ctx;
static double fill_abs(const fb_sn_point *q, double r, double om, void *ctx) {
  (void)r;
  const fill_ctx *c = ctx;
  return fb_sn_scalar_gamma_abs_GeV(c->s, q, om, c->mass);
}
static double fill_zero(const fb_sn_point *q, double r, double om, void *ctx) {
  (void)q, (void)r, (void)om, (void)ctx;
  return 0.0;
}
static void fill_extra(const fb_sn_point *q, double r, double om, void *ctx, double *rates) {
  rates[0] = fill_abs(q, r, om, ctx);
  rates[1] = 0.0;
}
static double fill_path(const fb_sn_point *q, double r, double om, void *ctx) {
  return q->T > 0 ? fill_abs(q, r, om, ctx) * -expm1(-om / q->T) : 0.0;
}

START_TEST(test_fill_extra_channels) {
  setup x;
  setup_init(&x);
  fb_err err;
  fb_err_clear(&err);
  x.m.opt.decays = 0;
  x.m.opt.n_radial = 12; /* a coarse grid: the identity does not depend on it */
  fill_ctx c = {&x.s, 0.03};
  fb_sn_table t2;
  memset(&t2, 0, sizeof t2);
  double L0 = -1.0, L1 = -1.0;
  const fb_sn_emitter a = {.gamma_abs = fill_abs, .path_rate = fill_path, .ctx = &c};
  const fb_sn_emitter b = {.gamma_abs = fill_zero, .path_rate = fill_path, .ctx = &c, .n_extra = 2,
                           .gamma_extra = fill_extra, .L_extra = {&L0, &L1}};
  ck_assert_msg(fb_sn_table_fill(&x.t, &x.m, c.mass, &a, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_sn_table_fill(&t2, &x.m, c.mass, &b, &err) == FB_OK, "%s", err.msg);
  ck_assert(x.t.n_el > 0 && x.t.n_el == t2.n_el);
  for (size_t e = 0; e < x.t.n_el; e++) {
    ck_assert(x.t.W[e] == t2.W[e]);
    for (size_t d = 0; d < x.t.n_mu; d++) ck_assert(x.t.tau[e * x.t.n_mu + d] == t2.tau[e * t2.n_mu + d]);
  }
  ck_assert(x.t.L0_T > 0.0 && t2.L0_T == 0.0 && x.t.L0_res == 0.0);
  ck_assert_double_eq_tol(t2.L0_res / x.t.L0_T, 1.0, 1e-12);
  ck_assert(L0 == t2.L0_res && L1 == 0.0);
  /* bad emitters are refused */
  fb_sn_emitter bad = b;
  bad.n_extra = FB_SN_EMITTER_MAX_EXTRA + 1;
  ck_assert_int_eq(fb_sn_table_fill(&t2, &x.m, c.mass, &bad, &err), FB_ERR_INPUT);
  fb_sn_table_free(&t2);
  setup_free(&x);
}
END_TEST

/* Point 1 of docs/validation.md "BC4 SN1987A upper edge: the emission volume sets it": production and
 * inverse-bremsstrahlung absorption are tied by detailed balance, so a common factor F on the rate (here
 * y_hNN -> 2 y_hNN, F = 4) moves both edges by F^-1/2 and leaves the width sin theta_high/sin theta_low unchanged;
 * a published band narrower than ours cannot come from a different rate normalisation. Decays off (they do not
 * scale with F). Tolerance 1e-3 (the edge solver's precision); measured at 1 and 100 MeV. */
START_TEST(test_width_normalisation_free) {
  setup x;
  setup_init(&x);
  x.m.opt.decays = 0;
  fb_err err;
  fb_err_clear(&err);
  const double masses[2] = {0.001, 0.1};
  for (int i = 0; i < 2; i++) {
    double lo[2], hi[2];
    for (int k = 0; k < 2; k++) {
      if (k == 1) x.s.y_hNN *= 2.0;
      ck_assert_msg(fb_sn_scalar_table_compute(&x.t, &x.s, &x.m, masses[i], &err) == FB_OK, "%s", err.msg);
      ck_assert_msg(fb_sn_scalar_edges(&x.t, x.m.opt.L_nu_erg_s, &lo[k], &hi[k], &err) == FB_OK, "%s", err.msg);
      if (k == 1) x.s.y_hNN /= 2.0;
    }
    printf("m = %g GeV: sin theta %.4g - %.4g (width %.1f); rate x4: %.4g - %.4g (width %.1f)\n", masses[i],
           sqrt(lo[0]), sqrt(hi[0]), sqrt(hi[0] / lo[0]), sqrt(lo[1]), sqrt(hi[1]), sqrt(hi[1] / lo[1]));
    ck_assert_double_eq_tol(lo[1] / lo[0], 0.25, 2.5e-4);
    ck_assert_double_eq_tol(hi[1] / hi[0], 0.25, 2.5e-4);
    ck_assert_double_eq_tol((hi[1] / lo[1]) / (hi[0] / lo[0]), 1.0, 1e-3);
  }
  setup_free(&x);
}
END_TEST

/* Rate shape: the one-pion-exchange amplitude of Dev, Mohapatra & Zhang arXiv:2005.00490 against ours, core vs
 * mantle. Their amplitude (the structure as rendered by the public code github.com/tkumar98/SNscalar
 * bremsstrahlung/spectrum.jl, which adopts that paper's Lagrangian; written here from the physics, not copied):
 * nucleon-line term beta1 = 16 m_N^2 g1 g4^2 delta/E_S (g1 = y_hNN, delta = m_S^2/(2 m_N E_S)) with one pion
 * propagator, pion-line term beta2 = 8 m_N^2 g2 g4^2 with two (S pi pi coupling g2 = (2/9v)(m_S^2 + 11 m_pi^2/2)),
 * g4 = f/m_pi (FB_OPE_F_PINN); h(q) = beta1/(q^2 + m_pi^2) + beta2/(q^2 + m_pi^2)^2; spin-summed
 * sum|M|^2 = 4 k^4 h_k^2 + 4 l^4 h_l^2 +- 4 (k^2 l^2 - 2 (k.l)^2) h_k h_l (the interference from the trace
 * Tr[(s.k)(s.l)(s.k)(s.l)] = 2 (2 (k.l)^2 - k^2 l^2), + for like pairs with the symmetry factor 1/4, - for np where
 * the exchange (charged pion, isospin factor 2 on the nucleon-line term) carries h'). Non-degenerate nucleons, soft
 * scalar (its momentum neglected in the nucleon kinematics): per unit volume, up to constants that cancel below,
 * Q(T) = n^2 T^-3/2 int domega omega k_S int d^3p_i d^3p_f delta(p_i^2/m - p_f^2/m - omega) e^{-p_i^2/(m T)} sum|M|^2
 * (CM relative momenta; k = p_i - p_f, l = p_i + p_f). Ours: Q = int domega omega (k omega/2 pi^2) e^{-omega/T}
 * Gamma_abs. The ratio R = [Q_DMZ(T_m)/Q_DMZ(T_c)] / [Q_ours(T_m)/Q_ours(T_c)] (same density and composition) is
 * free of both normalisations; R < 1 means their rate falls faster from the core (30 MeV) to the mantle (5 MeV),
 * which would make their band WIDER than ours with the same emission volume (the upper edge is set by mantle
 * absorption, the lower by core emission). The hypothesis fixed before the computation, R < 1 at 1, 10 and 100 MeV,
 * FAILED at 10 MeV (R = 2.09; 0.887 at 1 MeV): the two shapes differ by up to x2 either way. What is asserted is
 * the consequence for the band: 1/3 < R < 3, i.e. the rate shape moves the width sin theta_high/sin theta_low by at
 * most ~R^1/2 < 1.7, against the x11-x16 width gap at 1-10 MeV (docs/validation.md, "BC4 SN1987A upper edge").
 * Absolute rate at the reference point T = 30 MeV, Y_p = 0.3 (energy emissivity per n_B^2 per sin^2 theta): the OPE
 * amplitude over ours 0.879 / 1.22 / 7.03 at 1 / 10 / 100 MeV (quadrature converged to < 0.2%: 48 x 40 nodes give
 * 0.878 / 1.22 / 7.03). Tolerances set AFTER seeing these numbers (stated as such in docs/validation.md): factor 2 at
 * 1 and 10 MeV (the spread between OPE and measured-cross-section treatments), the 100 MeV value pinned +-15%
 * (there the nucleon-line delta term of the OPE amplitude, ~ m_S^2, exceeds our m_S^4/omega^2 term). */
static double dmz_h(double q2, double b1, double b2, double mpi) {
  double d = q2 + mpi * mpi;
  return b1 / d + b2 / (d * d);
}
static double dmz_Q(double T, double ms, double xp, int pion_line) {
  const double mpi0 = FB_MPI0_GEV, mpic = FB_MPI_CHARGED_GEV, g4 = FB_OPE_F_PINN / FB_MPI0_GEV;
  const double g1 = FB_HIGGS_NUCLEON_FN * MN / FB_HIGGS_VEV_GEV;
  const double g2 = 2.0 / (9.0 * FB_HIGGS_VEV_GEV) * (ms * ms + 5.5 * mpi0 * mpi0);
  const double xn = 1.0 - xp;
  enum { NL = 32, NC = 24 };
  gsl_integration_fixed_workspace *wl = gsl_integration_fixed_alloc(gsl_integration_fixed_laguerre, NL, 0.0, 1.0, 0.0, 0.0);
  gsl_integration_fixed_workspace *wc = gsl_integration_fixed_alloc(gsl_integration_fixed_legendre, NC, -1.0, 1.0, 0.0, 0.0);
  ck_assert(wl && wc);
  const double *x = gsl_integration_fixed_nodes(wl), *wx = gsl_integration_fixed_weights(wl);
  const double *c = gsl_integration_fixed_nodes(wc), *wcs = gsl_integration_fixed_weights(wc);
  double Q = 0.0;
  for (int a = 0; a < NL; a++) {
    double om = ms + T * x[a], kS = sqrt(om * om - ms * ms);
    double b1 = 16.0 * MN * MN * g1 * g4 * g4 * ms * ms / (2.0 * MN * om * om), b2 = pion_line ? 8.0 * MN * MN * g2 * g4 * g4 : 0.0;
    double inner = 0.0;
    for (int b = 0; b < NL; b++) {
      double pf2 = MN * T * x[b], pi2 = pf2 + MN * om, pipf = sqrt(pi2 * pf2), ang = 0.0;
      for (int j = 0; j < NC; j++) {
        double k2 = pi2 + pf2 - 2.0 * pipf * c[j], l2 = pi2 + pf2 + 2.0 * pipf * c[j], kl = pi2 - pf2;
        double itf = 4.0 * (k2 * l2 - 2.0 * kl * kl);
        double hk = dmz_h(k2, b1, b2, mpi0), hl = dmz_h(l2, b1, b2, mpi0), hlc = dmz_h(l2, 2.0 * b1, b2, mpic);
        double like = 0.25 * (4.0 * k2 * k2 * hk * hk + 4.0 * l2 * l2 * hl * hl + itf * hk * hl);
        double np = 4.0 * k2 * k2 * hk * hk + 4.0 * l2 * l2 * hlc * hlc - itf * hk * hlc;
        ang += wcs[j] * ((xn * xn + xp * xp) * like + xn * xp * np);
      }
      inner += wx[b] * 0.25 * MN * MN * T * sqrt(pi2) * sqrt(pf2) * ang; /* (m T/2) p_i dy x (m/2) p_f */
    }
    Q += wx[a] * om * kS * inner;
  }
  gsl_integration_fixed_free(wl);
  gsl_integration_fixed_free(wc);
  /* absolute normalisation: spin-summed |M|^2, occupation per spin state f = (n/2)(2 pi/(m T))^3/2 e^{-p^2/2mT},
   * 1/(2 m_N)^4 from the nucleon states, d^3P integral (4 pi m T)^3/2, d^3k/((2 pi)^3 2 omega) omega = omega k domega/(4 pi^2),
   * 4 pi x 2 pi from the p_i and relative angles, symmetry factor 1/4 for like pairs (in `like`); Q per n_B^2 [GeV^-1] */
  const double pre = pow(2.0 * FB_PI, -5.0) * pow(2.0 * MN, -4.0) * 0.25 * pow(MN, -3.0) * pow(4.0 * FB_PI * MN, 1.5) * 2.0;
  return pre * pow(T, -1.5) * exp(-ms / T) * T * Q;
}
static double ours_Q(const fb_sn_scalar *s, double T, double ms, double xp) {
  const double nB = 1e-3; /* GeV^3; cancels in R */
  fb_sn_point q = {.T = T, .np = xp * nB, .nnnp = xp * (1.0 - xp) * nB * nB, .wp2 = 0.0, .lapse = 1.0, .mue = 0.1, .npeff = xp * nB};
  enum { NL = 48 };
  gsl_integration_fixed_workspace *wl = gsl_integration_fixed_alloc(gsl_integration_fixed_laguerre, NL, 0.0, 1.0, 0.0, 0.0);
  ck_assert(wl);
  const double *x = gsl_integration_fixed_nodes(wl), *wx = gsl_integration_fixed_weights(wl);
  double Q = 0.0;
  for (int a = 0; a < NL; a++) {
    double om = ms * (1.0 + 1e-9) + T * x[a], k = sqrt(om * om - ms * ms);
    Q += wx[a] * om * k * om / (2.0 * FB_PI * FB_PI) * fb_sn_scalar_gamma_abs_GeV(s, &q, om, ms);
  }
  gsl_integration_fixed_free(wl);
  return T * exp(-ms / T) * Q;
}
START_TEST(test_rate_shape_vs_dmz) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_scalar s;
  ck_assert_msg(fb_sn_scalar_init(&s, NULL, &err) == FB_OK, "%s", err.msg);
  const double Tc = 0.030, Tm = 0.005, xp = 0.3, ms[3] = {0.001, 0.01, 0.1};
  for (int i = 0; i < 3; i++) {
    double dc = dmz_Q(Tc, ms[i], xp, 1), dm = dmz_Q(Tm, ms[i], xp, 1), oc = ours_Q(&s, Tc, ms[i], xp), om = ours_Q(&s, Tm, ms[i], xp);
    double R = (dm / dc) / (om / oc);
    printf("m_S = %g MeV: Q(5 MeV)/Q(30 MeV) DMZ-OPE %.3g, ours %.3g, R = %.3g; at 30 MeV DMZ full / nucleon line "
           "only %.3g; absolute Q_OPE/Q_ours at 30 MeV %.3g\n", 1e3 * ms[i], dm / dc, om / oc, R,
           dc / dmz_Q(Tc, ms[i], xp, 0), dc * 1e-6 / oc);
    fflush(stdout);
    ck_assert_msg(R > 1.0 / 3.0 && R < 3.0, "m_S = %g: R = %g outside [1/3, 3]", ms[i], R);
    double A = dc * 1e-6 / oc; /* n_B^2 = 1e-6 GeV^6 as in ours_Q */
    if (i < 2)
      ck_assert_msg(A > 0.5 && A < 2.0, "m_S = %g: Q_OPE/Q_ours = %g outside a factor 2", ms[i], A);
    else
      ck_assert_msg(fabs(A / 7.03 - 1.0) < 0.15, "m_S = %g: Q_OPE/Q_ours = %g, pinned 7.03 +-15%%", ms[i], A);
  }
  fb_sn_scalar_free(&s);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  Suite *s = suite_create("sn_scalar");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, test_soft_factor_expansion);
  tcase_add_test(tc, test_angular_integral);
  tcase_add_test(tc, test_soft_angular_integral);
  tcase_add_test(tc, test_sigma_nn_limit);
  tcase_add_test(tc, test_gamma_abs_direct);
  tcase_add_test(tc, test_band_vs_published);
  tcase_add_test(tc, test_fill_extra_channels);
  tcase_add_test(tc, test_width_normalisation_free);
  tcase_add_test(tc, test_rate_shape_vs_dmz);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
