/**
 * @file bbn_rates.c
 * @brief Forward thermonuclear rates N_A<sigma v> of the 12 key BBN reactions (literature fits,
 *        and for d(d,n)3He, d(d,p)t, 3He(a,g)7Be Maxwell-Boltzmann integrals of published S
 *        factors) and their detailed-balance reverse coefficients computed from masses and spins.
 *
 * d(d,n)3He, d(d,p)t and 3He(a,g)7Be: see rate_from_sfactor below (theoretical S factors of Arai
 * et al. 2011 and Neff 2011 normalised to the data, the evaluation method of Coc et al. 2015,
 * Gomez Inesta et al. 2017 and Iliadis et al. 2016; scale factors from fit_sfactor_scale.py).
 * The other rates: each fit is the analytic parametrisation published with the evaluation named
 * next to it, valid for 1e-3 <= T9 <= 10 (bbn_network.c holds the rate at its T9 = 10 value above that, the reverse
 * rate following by detailed balance, which keeps nuclear statistical equilibrium). Where the
 * authors give a separate constant above T9 = 2.5 or 4 (the fitted range), that constant is used.
 *   Serpico et al. 2004 = P. D. Serpico et al., JCAP 0412 (2004) 010, arXiv:astro-ph/0408076
 *   (PArthENoPE fits, Table/appendix formulae).
 *   Pisanti et al. 2021 = O. Pisanti et al., JCAP 04 (2021) 020, arXiv:2011.11537 (PArthENoPE 3.0:
 *   d(p,g)3He from their own Bayesian analysis incl. LUNA 2020; their d(d,n)3He and d(d,p)t fits
 *   were used here until 2026-11-22: 3% and 6% below the Arai-shape rates at T9 = 1-1.5, which
 *   put D/H 2.8% above PRIMAT's).
 *   The polynomial forms were transcribed as given in AlterBBN 2.2 (A. Arbey et al.,
 *   arXiv:1806.11095), which quotes these papers.
 */
#include <math.h>

#include "bbn_internal.h"
#include "fb_constants.h"
#include "fb_error.h"
#include "fb_quad.h"

/* sum_k c[k] T9^(pw[k]) */
static double poly_pow(double T9, const double *c, const double *pw, int n) {
  double s = 0.0;
  for (int k = 0; k < n; ++k) s += c[k] * pow(T9, pw[k]);
  return s;
}

/* n(p,g)d: rational fit to the pionless-EFT rate of Ando et al., Phys. Rev. C 74 (2006) 025809,
 * arXiv:nucl-th/0511074, used over the whole range T9 = 0.001-10. (Before 2026-11-22 it was
 * switched at T9 = 1.5 to the older Smith, Kawano & Malaney 1993 fit, which is 0.7% lower there
 * and up to 3.5% lower at T9 = 4; PRIMAT's table, labelled Ando et al. 2006, agrees with this
 * fit to < 1e-4 over T9 = 0.001-10, tests/bbn test_rates_one_sigma_full_range.) */
static double rate_npdg(double T9) {
  const double T2 = T9 * T9, T3 = T2 * T9, T4 = T3 * T9, T5 = T4 * T9;
  return 44216.0 * (1.0 + 3.75191 * T9 + 1.92934 * T2 + 0.746503 * T3 + 0.0197023 * T4 + 3.00491e-6 * T5) /
         (1.0 + 5.4678 * T9 + 5.62395 * T2 + 0.489312 * T3 + 0.00747806 * T4);
}

/* d(p,g)3He: Pisanti et al. 2021 (arXiv:2011.11537) fit; constant above T9 = 4. */
static double rate_dpg(double T9) {
  static const double c[] = {-6.194453277203594, 22171.926490994258, -812513.0306179419,
                             1.7722520963024362e6, -368351.0375876271, 5275.48295368989,
                             -1.3641334338787347e6, 810606.1958071451, 201.7432760051548,
                             125602.00856877993, -31095.323648099842, -548.4032679748573,
                             26.334040198363052, -2817.4051296076195, -109072.97636789024,
                             355668.0024142403, 1.3796464841892694e6, -1.7815928451228556e6};
  static const double pw[] = {0, 1, 2, 3, 4, 5, 10. / 3, 11. / 3, 1. / 3, 13. / 3, 14. / 3, 16. / 3,
                              17. / 3, 2. / 3, 4. / 3, 5. / 3, 7. / 3, 8. / 3};
  if (T9 >= 4.0) return 2113.16;
  return poly_pow(T9, c, pw, 18) * pow(T9, -2. / 3) * exp(-1.29042942 * pow(T9, -1. / 3));
}

/* d(d,n)3He and d(d,p)t: S(E) = a S_Arai(E), computed by numerical integration over the
 * Maxwell-Boltzmann distribution (the evaluation method of Coc et al. 2015, arXiv:1511.03843, and
 * Gomez Inesta, Iliadis & Coc 2017, arXiv:1710.01647, used by PRIMAT).
 * S_Arai: ab initio S factors of K. Arai, S. Aoyama, Y. Suzuki, P. Descouvemont, D. Baye,
 * Phys. Rev. Lett. 107 (2011) 132502 (E_cm in MeV, S in keV b; linear interpolation, held at the
 * 10 MeV value above), as tabulated with the Bayesian analysis code of Gomez Inesta et al.
 * (public repositories github.com/RafaelSdeSouza/nuclear and .../Bayesian_Nuclear).
 * a: scale factors fitted by this project to the measured S factors (Brown & Jarmie 1990,
 * Greife et al. 1995, Krauss et al. 1987, Leonard et al. 2006) with one normalisation
 * factor per experiment constrained by its quoted systematic error: src/bbn/fit_sfactor_scale.py
 * (chi^2 = 62.2 and 68.9 for 51 dof; 1-sigma errors 1.1% and 1.2%). */
#define BBN_DDN_SCALE 0.9594 /* +- 0.0110, fit_sfactor_scale.py */
#define BBN_DDP_SCALE 0.9550 /* +- 0.0114, fit_sfactor_scale.py */
#define ARAI_N 38
static const double arai_E_MeV[ARAI_N] = {
    0,    1e-3, 2e-3, 3e-3, 4e-3, 5e-3, 6e-3, 7e-3, 8e-3, 9e-3, 1e-2, 2e-2, 3e-2,
    4e-2, 5e-2, 6e-2, 7e-2, 8e-2, 9e-2, 0.1,  0.2,  0.3,  0.4,  0.5,  0.6,  0.7,
    0.8,  0.9,  1,    2,    3,    4,    5,    6,    7,    8,    9,    10};
static const double arai_ddn_keVb[ARAI_N] = {
    53.80, 54.21, 54.67, 55.08, 55.48, 55.88, 56.28, 56.67, 57.07, 57.45, 57.84, 61.62, 65.34,
    69.09, 72.89, 76.72, 80.59, 84.47, 88.34, 92.22, 129.0, 160.6, 187.5, 210.5, 230.7, 248.6,
    264.7, 279.5, 293.2, 388.7, 442.5, 473.3, 487.2, 490.3, 489.3, 478.4, 462.1, 440.6};
static const double arai_ddp_keVb[ARAI_N] = {
    55.71, 55.97, 56.32, 56.58, 56.84, 57.10, 57.35, 57.61, 57.86, 58.12, 58.36, 60.77, 63.16,
    65.62, 68.17, 70.78, 73.47, 76.20, 78.96, 81.76, 109.2, 134.0, 155.7, 174.9, 192.4, 208.2,
    223.0, 236.8, 249.8, 349.5, 412.5, 450.7, 470.0, 477.5, 480.8, 474.9, 464.2, 447.4};

/* A tabulated S factor: S(E) linear between the nodes, held at the last node above. */
typedef struct {
  const double *E_MeV, *S; /* S in units of S_unit_MeVb */
  int n;
  double S_unit_MeVb;
} sfactor_table;

typedef struct {
  const sfactor_table *tab;
  double kT_MeV, b; /* 2 pi eta = b / sqrt(E [MeV]) */
  int seg;          /* the table interval [E_seg, E_seg+1] being integrated (n - 1: beyond the table) */
} gamow_par;

/* S(E) exp(-2 pi eta - E/kT): sigma E e^{-E/kT} with sigma = S e^{-2 pi eta} / E. E lies inside the interval
 * p->seg (the quadrature's nodes are interior), so S is that interval's line (linear between the nodes; constant
 * beyond the last), with no search of the table per call */
static double gamow_integrand(double E, void *vp) {
  const gamow_par *p = vp;
  if (E <= 0.0) return 0.0;
  const sfactor_table *t = p->tab;
  const int i = p->seg;
  double S;
  if (i >= t->n - 1 || E >= t->E_MeV[t->n - 1]) {
    S = t->S_unit_MeVb * t->S[t->n - 1];
  } else {
    const double w = (E - t->E_MeV[i]) / (t->E_MeV[i + 1] - t->E_MeV[i]);
    S = t->S_unit_MeVb * ((1.0 - w) * t->S[i] + w * t->S[i + 1]);
  }
  return S * exp(-p->b / sqrt(E) - E / p->kT_MeV);
}

/* N_A<sigma v> = N_A c sqrt(8 / (pi mu c^2)) (kT)^{-3/2} int_0^inf S(E) e^{-2 pi eta - E/kT} dE,
 * 2 pi eta = 2 pi alpha Z_a Z_b sqrt(mu c^2 / (2 E)) (C. Iliadis, Nuclear Physics of Stars,
 * Wiley 2007/2015, ch. 3: thermonuclear rate integral and Gamow factor). Nuclear masses: atomic
 * mass minus Z m_e. Returns NAN if the quadrature fails (bbn_tables_init then reports the rate
 * as not positive). */
static double rate_from_sfactor(const sfactor_table *t, double scale, int ia, int ib, double T9) {
  const double ma = bbn_nuclide_mass_MeV(ia) - bbn_nuclides[ia].Z * FB_ME_GEV * 1e3;
  const double mb = bbn_nuclide_mass_MeV(ib) - bbn_nuclides[ib].Z * FB_ME_GEV * 1e3;
  const double mu = ma * mb / (ma + mb); /* MeV */
  gamow_par p = {t, T9 * 1e9 * FB_KB_EV_K * 1e-6,
                 2.0 * FB_PI * FB_ALPHA_EM * bbn_nuclides[ia].Z * bbn_nuclides[ib].Z * sqrt(0.5 * mu), 0};
  /* the Gamow peak E0 = (b kT / 2)^{2/3} and its width ~ sqrt(E0 kT) (Iliadis ch. 3) set the
   * integration range: 40 widths or 60 kT above E0, whichever is larger */
  const double E0 = pow(0.5 * p.b * p.kT_MeV, 2.0 / 3.0);
  const double E_hi = fmax(E0 + 40.0 * sqrt(E0 * p.kT_MeV), 60.0 * p.kT_MeV);
  fb_err err;
  fb_err_clear(&err);
  fb_quad q;
  if (fb_quad_init(&q, 100, 0.0, 1e-8, &err) != FB_OK) return NAN;
  /* piecewise over the table intervals (S is linear between nodes: smooth integrand on each) */
  double I = 0.0;
  int rc = FB_OK;
  for (int i = 0; i < t->n && rc == FB_OK; ++i) {
    const double a = t->E_MeV[i], b = (i + 1 < t->n) ? fmin(t->E_MeV[i + 1], E_hi) : E_hi;
    if (a >= E_hi) break;
    double Ii = 0.0, abserr = 0.0;
    p.seg = i;
    rc = fb_quad_finite(&q, gamow_integrand, &p, a, b, &Ii, &abserr, &err);
    I += Ii;
  }
  fb_quad_free(&q);
  if (rc != FB_OK) return NAN;
  const double c_cm_s = 2.99792458e10, barn_cm2 = 1e-24;
  return scale * FB_AVOGADRO_MOL * c_cm_s * barn_cm2 * sqrt(8.0 / (FB_PI * mu)) *
         pow(p.kT_MeV, -1.5) * I;
}

static const sfactor_table arai_ddn = {arai_E_MeV, arai_ddn_keVb, ARAI_N, 1e-3};
static const sfactor_table arai_ddp = {arai_E_MeV, arai_ddp_keVb, ARAI_N, 1e-3};

static double rate_ddn(double T9) {
  return rate_from_sfactor(&arai_ddn, BBN_DDN_SCALE, BBN_D, BBN_D, T9);
}

static double rate_ddp(double T9) {
  return rate_from_sfactor(&arai_ddp, BBN_DDP_SCALE, BBN_D, BBN_D, T9);
}

/* t(p,g)4He: Caughlan & Fowler, At. Data Nucl. Data Tables 40 (1988) 283. */
static double rate_tpg(double T9) {
  const double t13 = cbrt(T9);
  return 2.2e4 * pow(T9, -2. / 3) * exp(-3.869 / t13) *
         (1.0 + 0.108 * t13 + 1.68 * t13 * t13 + 1.26 * T9 + 0.551 * T9 * t13 + 1.06 * T9 * t13 * t13);
}

/* t(d,n)4He: Serpico et al. 2004; constant above T9 = 2.5. */
static double rate_tdn(double T9) {
  if (T9 >= 2.5) return 3.40249e8;
  const double T2 = T9 * T9;
  return 6.2265733e8 / (exp(0.49711597 / T9) * pow(T9, 0.56785403)) +
         exp(-0.23309803 * T2 - 1.342742 * pow(T9, -1. / 3)) *
             (-8.1144927e7 + 2.2315324e9 * T9 - 2.9439669e9 * T2 + 1.8764462e9 * T2 * T9 -
              6.0511612e8 * T2 * T2 + 9.5196576e7 * T2 * T2 * T9 - 5.2901086e6 * T2 * T2 * T2) *
             pow(T9, -2. / 3);
}

/* t(a,g)7Li: Serpico et al. 2004; constant above T9 = 2.5. */
static double rate_tag(double T9) {
  static const double c[] = {0.094614248, -4.9273133, 99.358965, -989.81236, 4368.45, 931.93597,
                             -391.07855, 159.23101, -34.407594, 3.3919004, 0.017556217, -0.036253427,
                             0.0031118827, -0.00008714468};
  if (T9 >= 2.5) return 807.406;
  double s = 0.0, tk = 1.0;
  for (int k = 0; k < 14; ++k) { s += c[k] * tk; tk *= T9; }
  const double d = 1.0 + 1.78616593 * T9;
  return s / sqrt(T9) / (exp(8.4e-7 * T9) * d * d * d);
}

/* 3He(n,p)t: Serpico et al. 2004; constant above T9 = 2.5. */
static double rate_he3np(double T9) {
  if (T9 >= 2.5) return 4.81732e8;
  const double T2 = T9 * T9, s = sqrt(T9);
  return 7.064935e8 + 6.733213571736319e8 * T9 + 1.7181155480346258e9 * T2 -
         4.5367658146835446e8 * T2 * T9 - 1.2216728981712557e8 * T2 * T2 - 4.92736677238425e8 * s -
         1.3659670893994067e9 * T9 * s - 6.629932739639357e8 * T2 * s + 4.834951929033479e8 * T2 * T9 * s;
}

/* 3He(d,p)4He: Serpico et al. 2004; constant above T9 = 2.5. */
static double rate_he3dp(double T9) {
  static const double c[] = {-3.1335916e7, -6.2051071e8, -1.8782248e9, 6.5642773e8, 1.530887e8,
                             -4.9542138e8, -1.770285e8, 1.14185e8, -2.516526e7, 1.7500204e8,
                             -1.7513362e9, 5.2792247e9, -3.32382e9, 2.0346284e9};
  static const double pw[] = {0, 1, 2, 3, 4, 10. / 3, 11. / 3, 1. / 3, 13. / 3, 2. / 3, 4. / 3,
                              5. / 3, 7. / 3, 8. / 3};
  if (T9 >= 2.5) return 1.55167e8;
  return 3.1038385e8 / (exp(1.6190981 / T9) * pow(T9, 0.12159455)) +
         exp(-0.0062340825 * T9 * T9 - 1.4540617 * pow(T9, -1. / 3)) * poly_pow(T9, c, pw, 14) *
             pow(T9, -2. / 3);
}

/* 3He(a,g)7Be: S(E) = a S_Neff(E), integrated like the d+d rates (the evaluation method of
 * C. Iliadis et al., ApJ 831 (2016) 107, arXiv:1608.05853, which PRIMAT uses).
 * S_Neff: fermionic-molecular-dynamics S factor of T. Neff, Phys. Rev. Lett. 106 (2011) 042502
 * (E_cm in MeV, S in MeV b, up to 3 MeV, held above; as tabulated with the analysis code of
 * that evaluation, github.com/RafaelSdeSouza/Bayesian_Nuclear). a: fitted by this project to the
 * data sets compiled there (Nara Singh 2004, Brown 2007, Costantini 2008, Di Leva 2009) with one
 * normalisation per
 * experiment: fit_sfactor_scale.py (chi^2 = 66.9 for 32 dof; 1-sigma error, inflated by
 * sqrt(chi^2/dof), 2.7%). Until 2026-11-22 the Cyburt & Davids 2008 fit (arXiv:0809.3240) was
 * used: 1.4% below this rate at T9 = 0.5. */
#define BBN_HE3AG_SCALE 0.9620 /* +- 0.0263, fit_sfactor_scale.py */
#define NEFF_N 39
static const double neff_E_MeV[NEFF_N] = {0,   0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1,
                                          0.2, 0.3,  0.4,  0.5,  0.6,  0.7,  0.8,  0.9,  1.0,  1.1,
                                          1.2, 1.3,  1.4,  1.5,  1.6,  1.7,  1.8,  1.9,  2.0,  2.1,
                                          2.2, 2.3,  2.4,  2.5,  2.6,  2.7,  2.8,  2.9,  3.0};
static const double neff_he3ag_MeVb[NEFF_N] = {
    0.593000e-3, 0.585011e-3, 0.584612e-3, 0.580655e-3, 0.576732e-3, 0.572817e-3, 0.568909e-3,
    0.565003e-3, 0.561097e-3, 0.557187e-3, 0.517380e-3, 0.477085e-3, 0.440317e-3, 0.410187e-3,
    0.387331e-3, 0.370948e-3, 0.359803e-3, 0.352715e-3, 0.348701e-3, 0.346993e-3, 0.347010e-3,
    0.348318e-3, 0.350597e-3, 0.353616e-3, 0.357212e-3, 0.361271e-3, 0.365716e-3, 0.370498e-3,
    0.375583e-3, 0.380949e-3, 0.386581e-3, 0.392465e-3, 0.398586e-3, 0.404929e-3, 0.411474e-3,
    0.418203e-3, 0.425091e-3, 0.432113e-3, 0.439245e-3};
static const sfactor_table neff_he3ag = {neff_E_MeV, neff_he3ag_MeVb, NEFF_N, 1.0};

static double rate_he3ag(double T9) {
  return rate_from_sfactor(&neff_he3ag, BBN_HE3AG_SCALE, BBN_HE3, BBN_HE4, T9);
}

/* 7Be(n,p)7Li: Serpico et al. 2004; constant above T9 = 2.5. */
static double rate_be7np(double T9) {
  if (T9 >= 2.5) return 1.28039e9;
  const double T2 = T9 * T9, s = sqrt(T9);
  return 6.8423032e9 + 1.7674863e10 * T9 + 2.6622006e9 * T2 - 3.3561608e8 * T2 * T9 -
         5.9309139e6 * T2 * T2 - 1.4987996e10 * s - 1.0576906e10 * T9 * s + 2.7447598e8 * T2 * s +
         7.6425157e7 * T2 * T9 * s - 2.282944e7 * pow(T9, -1.5) / exp(0.050351813 / T9);
}

/* 7Li(p,a)4He: Serpico et al. 2004 (non-resonant + resonant parts); constant above T9 = 2.5. */
static double rate_li7pa(double T9) {
  static const double c1[] = {-8.9654123e7, -2.5851582e8, -2.6831252e7, 3.8691673e8, 4.9721269e8,
                              2.6444808e7, -1.2946419e6, -1.0941088e8, 9.9899564e7};
  static const double p1[] = {0, 1, 2, 1. / 3, 2. / 3, 4. / 3, 5. / 3, 7. / 3, 8. / 3};
  static const double c2[] = {3.0014189e7, -1.8366119e8, 1.7688138e9, -8.4772261e9, 2.0237351e10,
                              -1.9650068e10, 7.9452762e8, 1.3132468e10, -8.209351e9, -9.1099236e8,
                              2.7814079e9, -1.0785293e9, 1.3993392e8};
  if (T9 >= 2.5) return 1.53403e6 + 84516.7;
  double s2 = 0.0, tk = 1.0;
  for (int k = 0; k < 13; ++k) { s2 += c2[k] * tk; tk *= T9; }
  const double tm23 = pow(T9, -2. / 3), tm13 = pow(T9, -1. / 3);
  return poly_pow(T9, c1, p1, 9) * tm23 / exp(7.73389632 * tm13) +
         exp(-1.137519 * T9 * T9 - 8.6256687 * tm13) * s2 * tm23;
}

/* d(a,g)6Li: NACRE, C. Angulo et al., Nucl. Phys. A 656 (1999) 3 (analytic fit). */
static double rate_dag(double T9) {
  const double t13 = cbrt(T9);
  return 14.82 * pow(T9, -2. / 3) * exp(-7.435 / t13) *
             (1.0 + 6.572 * T9 + 0.076 * T9 * T9 + 0.0248 * T9 * T9 * T9) +
         82.8 * pow(T9, -1.5) * exp(-7.904 / T9);
}

/* 6Li(p,a)3He: Serpico et al. 2004; constant above T9 = 2.5. */
static double rate_li6pa(double T9) {
  static const double c[] = {-7.4966212e7, -1.9411561e10, 1.6262854e10, 2.0533495e7, 3.9547491e9,
                             3.7907358e10, -3.4313768e10, -3.9965228e9, 4.0333873e8};
  static const double pw[] = {0, 1, 2, 1. / 3, 2. / 3, 4. / 3, 5. / 3, 7. / 3, 8. / 3};
  if (T9 >= 2.5) return 3.05102e7;
  return poly_pow(T9, c, pw, 9) * pow(T9, -2. / 3) / exp(4.62619323 * pow(T9, -1. / 3));
}

/* Reaction table: reactants (a, b), products (c, d; d = -1 for a photon). Order = the reference
 * list of the 12-reaction network (PRIMAT small network), then the two 6Li reactions. */
const bbn_reaction bbn_reactions[BBN_N_REAC] = {
    {"n_p__d_g", BBN_N, BBN_P, BBN_D, -1, rate_npdg, 1e-3, 10.0},
    {"d_p__He3_g", BBN_D, BBN_P, BBN_HE3, -1, rate_dpg, 0.03, 4.0},
    {"d_d__He3_n", BBN_D, BBN_D, BBN_HE3, BBN_N, rate_ddn, 1e-3, 10.0},
    {"d_d__t_p", BBN_D, BBN_D, BBN_T, BBN_P, rate_ddp, 1e-3, 10.0},
    {"t_p__a_g", BBN_T, BBN_P, BBN_HE4, -1, rate_tpg, 1e-3, 10.0},
    {"t_d__a_n", BBN_T, BBN_D, BBN_HE4, BBN_N, rate_tdn, 0.1, 2.5},
    {"t_a__Li7_g", BBN_T, BBN_HE4, BBN_LI7, -1, rate_tag, 0.08, 2.5},
    {"He3_n__t_p", BBN_HE3, BBN_N, BBN_T, BBN_P, rate_he3np, 1e-3, 2.5},
    {"He3_d__a_p", BBN_HE3, BBN_D, BBN_HE4, BBN_P, rate_he3dp, 0.1, 2.5},
    {"He3_a__Be7_g", BBN_HE3, BBN_HE4, BBN_BE7, -1, rate_he3ag, 1e-3, 10.0},
    {"Be7_n__Li7_p", BBN_BE7, BBN_N, BBN_LI7, BBN_P, rate_be7np, 0.04, 2.5},
    {"Li7_p__a_a", BBN_LI7, BBN_P, BBN_HE4, BBN_HE4, rate_li7pa, 0.04, 2.5},
    {"d_a__Li6_g", BBN_D, BBN_HE4, BBN_LI6, -1, rate_dag, 1e-3, 10.0},
    {"Li6_p__He3_a", BBN_LI6, BBN_P, BBN_HE3, BBN_HE4, rate_li6pa, 0.1, 2.5},
};

/* Relative 1-sigma errors of the forward rates (bbn_rate_sigma_rel; order of bbn_reactions), for the
 * linear propagation of bbn_theory_err.c. One constant per rate: the source's 1-sigma band over
 * T9 = 0.1-1 (where D, 3He, 7Li and the end of the n/p freeze-out are set), its T9 variation stated;
 * the rate variation in the propagation is a uniform factor (fully correlated in T9, one normal deviate
 * per rate as in a rate Monte Carlo such as PRIMAT's, Pitrou et al. arXiv:1801.08023). */
static const double rate_sigma_rel[BBN_N_REAC] = {
    /* n(p,g)d: 0.45%, the theory error of the pionless-EFT rate in the error fit of Serpico et al. 2004
     * (arXiv:astro-ph/0408076; 0.44-0.45% for T9 <= 1, 7.8% only above T9 = 1.5, in NSE) */
    0.0045,
    /* d(p,g)3He: 3.1%, Pisanti et al. 2021 (arXiv:2011.11537, abstract: the LUNA cross section carries an
     * error of order 3%; their rate's 1-sigma band 3.1% at T9 = 0.1-2 as distributed with PArthENoPE 3.0,
     * Gariazzo et al. arXiv:2103.05027) */
    0.031,
    /* d(d,n)3He, d(d,p)t: this project's normalisation fits, fit_sfactor_scale.py: 0.0110/0.9594 and
     * 0.0114/0.9550 (constant in T9: one scale factor per S factor; the shape error of the Arai et al.
     * S factor is not included) */
    0.0115, 0.0119,
    /* t(p,g)4He: 20% (Serpico et al. 2004, astro-ph/0408076, their adopted error for this reaction; PRIMAT
     * arXiv:1801.08023 keeps it), constant */
    0.20,
    /* t(d,n)4He: 1.3% (Serpico et al. 2004 error fit: 1.26% normalisation plus the fit spread, 1.3% at
     * T9 = 0.1-2) */
    0.013,
    /* t(a,g)7Li: 18% (Serpico et al. 2004 error fit: 8.7% normalisation plus the spread of the data,
     * 17.9-18.9% at T9 = 0.1-1) */
    0.18,
    /* 3He(n,p)t: 0.25% (Serpico et al. 2004 error fit: 0.19% normalisation plus spread, 0.2-0.3%) */
    0.0025,
    /* 3He(d,p)4He: 0.7% (Serpico et al. 2004 error fit: 0.30% normalisation plus spread, 0.4-0.9%) */
    0.007,
    /* 3He(a,g)7Be: this project's normalisation fit, fit_sfactor_scale.py: 0.0263/0.9620, constant */
    0.0273,
    /* 7Be(n,p)7Li: 2.2% (Serpico et al. 2004 error fit: 2.08% normalisation plus spread, 2.2% at
     * T9 = 0.1-2) */
    0.022,
    /* 7Li(p,a)4He: 8.4% (Serpico et al. 2004 error fit: 8% normalisation plus spread, 8.4%) */
    0.084,
    /* d(a,g)6Li: NACRE (Angulo et al. 1999) low/high rates at T9 = 0.5: -75% / +104%; the symmetrised
     * 90% (a factor-2 uncertainty; it changes only 6Li, not the four propagated observables) */
    0.90,
    /* 6Li(p,a)3He: 10% (Serpico et al. 2004 error fit: 9.3% normalisation plus spread) */
    0.10,
};

double bbn_rate_sigma_rel(int k) {
  if (k < 0 || k >= BBN_N_REAC) return NAN;
  return rate_sigma_rel[k];
}

/* Atomic mass excesses [keV], AME2020: M. Wang et al., Chin. Phys. C 45 (2021) 030003; spins
 * from NUBASE2020 (F. G. Kondev et al., Chin. Phys. C 45 (2021) 030001). */
const bbn_nuclide_data bbn_nuclides[BBN_N_NUC] = {
    {"n", 1, 0, 8071.3181, 0.5},     {"p", 1, 1, 7288.971064, 0.5},  {"d", 2, 1, 13135.722895, 1.0},
    {"t", 3, 1, 14949.8109, 0.5},    {"He3", 3, 2, 14931.21888, 0.5}, {"He4", 4, 2, 2424.91587, 0.0},
    {"Li7", 7, 3, 14907.105, 1.5},   {"Be7", 7, 4, 15769.0, 1.5},   {"Li6", 6, 3, 14086.8804, 1.0},
};

double bbn_nuclide_mass_MeV(int i) {
  return bbn_nuclides[i].A * FB_AMU_GEV * 1e3 + bbn_nuclides[i].mass_excess_keV * 1e-3;
}

/* Below T9 = T9_low (per reaction, in the table) some fits (e.g. the d(p,g)3He polynomial) leave their fitted range
 * and can even turn negative. There the rate is continued with a constant astrophysical S factor:
 * R ~ T9^{-2/3} exp(-tau), tau = 4.2487 (Z_a^2 Z_b^2 mu / u)^{1/3} T9^{-1/3} (Gamow peak;
 * Iliadis, Nuclear Physics of Stars, eq. 3.90), or a constant for neutron captures (1/v law).
 * This concerns only T < 0.86 keV, after the end of BBN; it matters for the rate-table test.
 * Above T9_high (the upper end of the fitted range, 2.5 or 4 for the PArthENoPE fits, 10
 * otherwise) the rate is held at its T9_high value: continuous, because the jump to the
 * authors' separate high-temperature constant makes the network right-hand side discontinuous
 * and stalls CVODE. At those temperatures the network is in nuclear statistical equilibrium,
 * which depends on the detailed-balance ratio only, not on the forward rate. */

double bbn_rate_forward(int k, double T9) {
  if (k < 0 || k >= BBN_N_REAC || !(T9 > 0.0)) return NAN;
  const bbn_reaction *r = &bbn_reactions[k];
  const double T9_low = r->T9_low;
  if (T9 > r->T9_high) return r->fwd(r->T9_high);
  if (T9 >= T9_low) return r->fwd(T9);
  const double R0 = r->fwd(T9_low);
  const int Za = bbn_nuclides[r->a].Z, Zb = bbn_nuclides[r->b].Z;
  if (Za == 0 || Zb == 0) return R0;
  const double Aa = bbn_nuclides[r->a].A, Ab = bbn_nuclides[r->b].A;
  const double b = 4.2487 * cbrt((double)(Za * Za * Zb * Zb) * Aa * Ab / (Aa + Ab));
  return R0 * pow(T9 / T9_low, -2.0 / 3.0) * exp(-b * (cbrt(1.0 / T9) - cbrt(1.0 / T9_low)));
}

int bbn_rate_is_quadrature(int k) {
  if (k < 0 || k >= BBN_N_REAC) return 0;
  const bbn_reaction *r = &bbn_reactions[k];
  return r->fwd == rate_ddn || r->fwd == rate_ddp || r->fwd == rate_he3ag;
}

const char *bbn_rate_name(int k) {
  if (k < 0 || k >= BBN_N_REAC) return "?";
  return bbn_reactions[k].name;
}

/* Detailed balance from Saha equilibrium (chemical potentials cancel): the volumetric forward and
 * reverse rates balance when every species has n_i = g_i (m_i T / 2 pi)^{3/2} exp(-m_i / T), with
 * a 1/2 for a pair of identical particles in the rate (Wagoner, ApJ 148 (1967) 3; Pitrou et al.
 * arXiv:1801.08023 sec. IV.B). For a capture a + b -> c + gamma the reverse is a
 * photodissociation rate in 1/s, obtained by multiplying N_A<sigma v> by alpha T9^{3/2}
 * exp(gamma/T9) with alpha in mol cm^-3. */
void bbn_rate_detailed_balance(int k, double *alpha, double *beta, double *gamma, double *Q_MeV) {
  const bbn_reaction *r = &bbn_reactions[k];
  const double ma = bbn_nuclide_mass_MeV(r->a), mb = bbn_nuclide_mass_MeV(r->b);
  const double mc = bbn_nuclide_mass_MeV(r->c);
  const double ga = 2.0 * bbn_nuclides[r->a].spin + 1.0, gb = 2.0 * bbn_nuclides[r->b].spin + 1.0;
  const double gc = 2.0 * bbn_nuclides[r->c].spin + 1.0;
  const double sym_ab = (r->a == r->b) ? 2.0 : 1.0;
  const double T9_MeV = 1e9 * FB_KB_EV_K * 1e-6; /* 1 GK in MeV */
  double Q, a;
  if (r->d >= 0) {
    const double md = bbn_nuclide_mass_MeV(r->d);
    const double gd = 2.0 * bbn_nuclides[r->d].spin + 1.0;
    const double sym_cd = (r->c == r->d) ? 2.0 : 1.0;
    Q = ma + mb - mc - md;
    a = (ga * gb / (gc * gd)) * pow(ma * mb / (mc * md), 1.5) * sym_cd / sym_ab;
    *beta = 0.0;
  } else {
    Q = ma + mb - mc;
    const double hbarc_MeV_cm = FB_HBARC_GEV_CM * 1e3;
    const double mu = ma * mb / mc;
    a = (ga * gb / gc) * pow(mu * T9_MeV / (2.0 * FB_PI), 1.5) /
        (hbarc_MeV_cm * hbarc_MeV_cm * hbarc_MeV_cm) / FB_AVOGADRO_MOL / sym_ab;
    *beta = 1.5;
  }
  *alpha = a;
  *gamma = -Q / T9_MeV;
  *Q_MeV = Q;
}
