/**
 * @file bbn_rates.c
 * @brief Forward thermonuclear rates N_A<sigma v> of the 12 key BBN reactions (literature fits)
 *        and their detailed-balance reverse coefficients computed from masses and spins.
 *
 * Each fit is the analytic parametrisation published with the evaluation named next to it, valid
 * for 1e-3 <= T9 <= 10 (bbn_network.c holds the rate at its T9 = 10 value above that, the reverse
 * rate following by detailed balance, which keeps nuclear statistical equilibrium). Where the
 * authors give a separate constant above T9 = 2.5 or 4 (the fitted range), that constant is used.
 *   Serpico et al. 2004 = P. D. Serpico et al., JCAP 0412 (2004) 010, arXiv:astro-ph/0408076
 *   (PArthENoPE fits, Table/appendix formulae).
 *   Pisanti et al. 2021 = O. Pisanti et al., JCAP 04 (2021) 020, arXiv:2011.11537 (PArthENoPE 3.0:
 *   d(p,g)3He, d(d,n)3He, d(d,p)t from their own Bayesian analysis incl. LUNA 2020).
 *   The polynomial forms were transcribed as given in AlterBBN 2.2 (A. Arbey et al.,
 *   arXiv:1806.11095), which quotes these papers.
 */
#include <math.h>

#include "bbn_internal.h"
#include "fb_constants.h"

/* sum_k c[k] T9^(pw[k]) */
static double poly_pow(double T9, const double *c, const double *pw, int n) {
  double s = 0.0;
  for (int k = 0; k < n; ++k) s += c[k] * pow(T9, pw[k]);
  return s;
}

/* n(p,g)d: rational fit to the pionless-EFT rate of Ando et al., arXiv:nucl-th/0511074
 * (T9 <= 1.5); above, Smith, Kawano & Malaney, ApJS 85 (1993) 219. */
static double rate_npdg(double T9) {
  if (T9 <= 1.5) {
    const double T2 = T9 * T9, T3 = T2 * T9, T4 = T3 * T9, T5 = T4 * T9;
    return 44216.0 * (1.0 + 3.75191 * T9 + 1.92934 * T2 + 0.746503 * T3 + 0.0197023 * T4 + 3.00491e-6 * T5) /
           (1.0 + 5.4678 * T9 + 5.62395 * T2 + 0.489312 * T3 + 0.00747806 * T4);
  }
  const double s = sqrt(T9);
  return 47420.0 * (1.0 - 0.8504 * s + 0.4895 * T9 - 0.09623 * T9 * s + 0.008471 * T9 * T9 -
                    2.8e-4 * T9 * T9 * s);
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

/* Common exponent set of the Pisanti et al. 2021 d+d fits. */
static const double dd_pw[] = {0, 1, 2, 3, 4, 5, 10. / 3, 11. / 3, 1. / 3, 13. / 3, 14. / 3, 16. / 3,
                               17. / 3, 2. / 3, 4. / 3, 5. / 3, 7. / 3, 8. / 3};

/* d(d,n)3He: Pisanti et al. 2021; constant above T9 = 4. */
static double rate_ddn(double T9) {
  static const double c[] = {321296.9948970247, -1.9180215905621612e9, 1.3881096257595047e11,
                             -5.289640171653128e11, 1.719654390000693e11, -3.699206623147024e9,
                             4.760387471479396e11, -3.2811985153873035e11, -1.2209299424235549e7,
                             -6.734692924560129e10, 1.9089695890090744e10, 4.384049981959462e8,
                             -2.396477962456513e7, 2.018310465362159e8, 1.1672167355300453e10,
                             -4.807140317985709e10, -2.8968459770013477e11, 4.496605591595117e11};
  if (T9 >= 4.0) return 5.02027e7;
  return poly_pow(T9, c, dd_pw, 18) * pow(T9, -2. / 3) * exp(-pow(T9, -1. / 3));
}

/* d(d,p)t: Pisanti et al. 2021; constant above T9 = 4. */
static double rate_ddp(double T9) {
  static const double c[] = {344771.39066679927, -2.1068827419353156e9, 1.565621182899997e11,
                             -6.085012672776245e11, 1.9970133506639343e11, -4.320369220422077e9,
                             5.4972593314086273e11, -3.8007648756248285e11, -1.3201397617111376e7,
                             -7.837778110396318e10, 2.2258122388142662e10, 5.1278962480559975e8,
                             -2.8069295382999137e7, 2.1992915636979988e8, 1.2930592352633339e10,
                             -5.3731389712860016e10, -3.294384822438947e11, 5.147142897092518e11};
  if (T9 >= 4.0) return 4.16618e7;
  return poly_pow(T9, c, dd_pw, 18) * pow(T9, -2. / 3) * exp(-pow(T9, -1. / 3));
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

/* 3He(a,g)7Be: Cyburt & Davids, Phys. Rev. C 78 (2008) 064614, arXiv:0809.3240. */
static double rate_he3ag(double T9) {
  const double t23 = pow(T9, 2. / 3), t43 = t23 * t23;
  return exp(15.609867 - 12.82707707 / cbrt(T9) - 0.6666667 * log(T9)) *
         (1.0 - 0.020478 * t23 + 0.211995 * t43) / (1.0 + 0.255059 * t23 + 0.338573 * t43);
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
    {"d_d__He3_n", BBN_D, BBN_D, BBN_HE3, BBN_N, rate_ddn, 0.015, 4.0},
    {"d_d__t_p", BBN_D, BBN_D, BBN_T, BBN_P, rate_ddp, 0.015, 4.0},
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
