/**
 * @file test_bbn_nu_oscillation.c
 * @brief Flavour oscillations of the injected non-thermal neutrinos (src/bbn/bbn_nu_oscillation.c) and
 *        their use in the direct p <-> n conversion (bbn_nu_conversion.c), against closed forms.
 *
 *  - vacuum limit: with no potential and Gamma << the oscillation frequencies, P_ab equals the
 *    PMNS-averaged sum_i |U_ai|^2 |U_bi|^2, here from the moduli |U_ai|^2 written out by hand in the
 *    standard parametrisation (PDG "Neutrino mixing" review), NuFIT 6.0 values (tolerance 1e-6);
 *    the same at T = 0.05 MeV with the thermal potential (negligible there; 1e-4);
 *  - high-T limit: deep in the suppressed regime (E = 100 MeV, T = 8 MeV) nu_e is nearly a matter
 *    eigenstate: 1 - P_ee = 2 (|H_emu|^2 + |H_etau|^2) / (V_e - V_x)^2 at leading order (perturbation
 *    theory; tolerance 5%) and P(mu -> e) < 1e-3 P_vac(mu -> e);
 *  - conservation: rows and columns of P sum to 1 (number and energy of the neutrinos are conserved by
 *    oscillations; 1e-12) for neutrinos and anti-neutrinos at several (E, T, Gamma); Gamma -> infinity:
 *    P -> identity;
 *  - the conversion rate of a pure nu_tau source at T = 0.05 MeV equals that of the same nu_e source
 *    without oscillations times P_vac(tau -> e) (C_e G1 + H)/(C G1 + H), C = P C_e + (1 - P) C_mu,tau
 *    (tolerance 1e-3: the thermal potential and the coherent terms are < 1e-4 there);
 *  - the table the conversion uses (incoherent average, muon potential neglected) against the direct
 *    diagonalisation (relative 3e-3 where P > 1e-4: the muon term at T = 8 MeV) and the lifetime average with the coherent
 *    terms at the neutrino's scattering rate (absolute 1e-3), E = 5-300 MeV, T = 0.03-8 MeV;
 *  - the V-A continuum quadrature (8-point Gauss-Legendre) against a 20000-point midpoint rule (1e-4).
 */
#include <check.h>
#include <complex.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "bbn.h"
#include "bbn_internal.h"
#include "fb_constants.h"

static bbn_nu_osc_table TAB;

/* |U_ai|^2 in the standard parametrisation, by hand */
static void moduli(double M[3][3]) {
  const double s12 = FB_NU_SIN2_TH12, s13 = FB_NU_SIN2_TH13, s23 = FB_NU_SIN2_TH23; /* squares */
  const double c12 = 1.0 - s12, c13 = 1.0 - s13, c23 = 1.0 - s23;
  const double J = 2.0 * sqrt(s12 * c12 * s23 * c23 * s13) * cos(FB_NU_DELTA_CP_DEG * FB_PI / 180.0);
  M[0][0] = c12 * c13;
  M[0][1] = s12 * c13;
  M[0][2] = s13;
  M[1][0] = s12 * c23 + c12 * s23 * s13 + J;
  M[1][1] = c12 * c23 + s12 * s23 * s13 - J;
  M[1][2] = s23 * c13;
  M[2][0] = s12 * s23 + c12 * c23 * s13 - J;
  M[2][1] = c12 * s23 + s12 * c23 * s13 + J;
  M[2][2] = c23 * c13;
}

START_TEST(test_vacuum_limit) {
  double M[3][3], Pv[3][3], P[3][3], Pb[3][3];
  moduli(M);
  bbn_nu_osc_vacuum_average(Pv);
  bbn_nu_osc o;
  bbn_nu_osc_init(&o, 30.0, 1.0, 1);
  const double wmin = fabs(o.lambda_s[1] - o.lambda_s[0]);
  bbn_nu_osc_probabilities(&o, 1e-7 * wmin, 0, P);
  bbn_nu_osc_probabilities(&o, 1e-7 * wmin, 1, Pb);
  for (int a = 0; a < 3; ++a)
    for (int b = 0; b < 3; ++b) {
      double ref = 0.0;
      for (int i = 0; i < 3; ++i) ref += M[a][i] * M[b][i];
      printf("P_vac(%d -> %d) = %.6f (closed form %.6f, diagonalised %.6f, anti %.6f)\n", a, b, Pv[a][b], ref, P[a][b],
             Pb[a][b]);
      ck_assert_msg(fabs(Pv[a][b] - ref) < 1e-6, "vacuum average %d %d: %g vs %g", a, b, Pv[a][b], ref);
      ck_assert_msg(fabs(P[a][b] - ref) < 1e-6 && fabs(Pb[a][b] - ref) < 1e-6, "diagonalised %d %d: %g / %g vs %g", a,
                    b, P[a][b], Pb[a][b], ref);
    }
  /* with the thermal potential at T = 0.05 MeV (e+- gone), E = 30 MeV: vacuum within 1e-4 */
  bbn_nu_osc_init(&o, 30.0, 0.05, 0);
  bbn_nu_osc_probabilities(&o, 0.0, 0, P);
  for (int a = 0; a < 3; ++a)
    for (int b = 0; b < 3; ++b) ck_assert_msg(fabs(P[a][b] - Pv[a][b]) < 1e-4, "T = 0.05 MeV: %g vs %g", P[a][b], Pv[a][b]);
}
END_TEST

START_TEST(test_high_T_suppression) {
  const double E = 100.0, T = 8.0; /* MeV */
  bbn_nu_osc o;
  double P[3][3], Pv[3][3];
  bbn_nu_osc_init(&o, E, T, 0);
  bbn_nu_osc_probabilities(&o, 0.0, 0, P);
  bbn_nu_osc_vacuum_average(Pv);
  /* leading order: the off-diagonal H_e,b = sum_i U_ei dm_i1^2 conj(U_bi) / (2E) over the potential difference */
  const double s12 = sqrt(FB_NU_SIN2_TH12), s13 = sqrt(FB_NU_SIN2_TH13), s23 = sqrt(FB_NU_SIN2_TH23);
  const double c12 = sqrt(1 - FB_NU_SIN2_TH12), c13 = sqrt(1 - FB_NU_SIN2_TH13), c23 = sqrt(1 - FB_NU_SIN2_TH23);
  const double complex ed = cexp(I * FB_NU_DELTA_CP_DEG * FB_PI / 180.0);
  const double complex Ue[3] = {c12 * c13, s12 * c13, s13 / ed};
  const double complex Um[3] = {-s12 * c23 - c12 * s23 * s13 * ed, c12 * c23 - s12 * s23 * s13 * ed, s23 * c13};
  const double complex Ut[3] = {s12 * s23 - c12 * c23 * s13 * ed, -c12 * s23 - s12 * c23 * s13 * ed, c23 * c13};
  const double m2[3] = {0.0, FB_NU_DM2_21_EV2, FB_NU_DM2_31_EV2};
  double complex Hem = 0.0, Het = 0.0;
  for (int i = 0; i < 3; ++i) {
    Hem += Ue[i] * m2[i] * conj(Um[i]) / (2.0 * E * 1e6);
    Het += Ue[i] * m2[i] * conj(Ut[i]) / (2.0 * E * 1e6);
  }
  const double dV = (bbn_nu_thermal_potential_GeV(0, E * 1e-3, T * 1e-3) - bbn_nu_thermal_potential_GeV(1, E * 1e-3, T * 1e-3)) * 1e9;
  const double ref = 2.0 * (creal(Hem * conj(Hem)) + creal(Het * conj(Het))) / (dV * dV);
  printf("E = %g MeV, T = %g MeV: 1 - P_ee = %.4g (leading order %.4g, ratio %.4f); P(mu->e) = %.3g (vacuum %.3g), "
         "P(tau->e) = %.3g\n", E, T, 1.0 - P[0][0], ref, (1.0 - P[0][0]) / ref, P[1][0], Pv[1][0], P[2][0]);
  ck_assert_msg(fabs((1.0 - P[0][0]) / ref - 1.0) < 0.05, "1 - P_ee = %g vs %g", 1.0 - P[0][0], ref);
  ck_assert(P[1][0] < 1e-3 * Pv[1][0] && P[2][0] < 1e-3 * Pv[2][0]);
  /* monotonic: the suppression grows with T at fixed E */
  double prev = Pv[2][0];
  for (double Tm = 0.5; Tm <= 8.01; Tm *= 2.0) {
    bbn_nu_osc_init(&o, E, Tm, 0);
    bbn_nu_osc_probabilities(&o, 0.0, 0, P);
    printf("T = %g MeV: P(tau -> e) = %.4g\n", Tm, P[2][0]);
    ck_assert_msg(P[2][0] <= prev * (1.0 + 1e-9), "P(tau->e) rises at T = %g: %g > %g", Tm, P[2][0], prev);
    prev = P[2][0];
  }
}
END_TEST

START_TEST(test_conservation) {
  const double Es[3] = {10.0, 35.0, 150.0}, Ts[4] = {0.1, 1.0, 3.0, 10.0}, Gf[3] = {1e-3, 1.0, 1e3};
  for (int ie = 0; ie < 3; ++ie)
    for (int it = 0; it < 4; ++it) {
      bbn_nu_osc o;
      bbn_nu_osc_init(&o, Es[ie], Ts[it], 0);
      const double w = fabs(o.lambda_s[2] - o.lambda_s[0]);
      for (int ig = 0; ig < 3; ++ig)
        for (int anti = 0; anti < 2; ++anti) {
          double P[3][3];
          bbn_nu_osc_probabilities(&o, Gf[ig] * w, anti, P);
          for (int a = 0; a < 3; ++a) {
            double row = 0.0, col = 0.0;
            for (int b = 0; b < 3; ++b) {
              row += P[a][b];
              col += P[b][a];
              ck_assert(P[a][b] > -1e-12 && P[a][b] < 1.0 + 1e-12);
            }
            ck_assert_msg(fabs(row - 1.0) < 1e-12 && fabs(col - 1.0) < 1e-12, "E %g T %g: row %.15g col %.15g", Es[ie],
                          Ts[it], row, col);
          }
        }
      double P[3][3];
      bbn_nu_osc_probabilities(&o, 1e9 * w, 0, P);
      for (int a = 0; a < 3; ++a)
        for (int b = 0; b < 3; ++b) ck_assert(fabs(P[a][b] - (a == b)) < 1e-6);
    }
}
END_TEST

START_TEST(test_conversion_of_nu_tau) {
  const double E = 60.0, T = 0.05, H = 6e-3, nb = 1e25; /* MeV, MeV, 1/s, cm^-3 */
  bbn_decay d;
  memset(&d, 0, sizeof d);
  d.nu_conversion = 1;
  d.n_nu_groups = 1;
  d.nu_groups[0] = (bbn_nu_group){2, BBN_NU_LINE, 2.0, E, 0, 0};
  double np_off, pn_off, np_on, pn_on, np_e, pn_e;
  bbn_nu_conversion_rates(&TAB, &d, 1.0, T, H, nb, 1.0, 1.0, &np_off, &pn_off);
  ck_assert(np_off == 0.0 && pn_off == 0.0); /* without oscillations a nu_tau converts nothing */
  d.nu_oscillations = 1;
  bbn_nu_conversion_rates(&TAB, &d, 1.0, T, H, nb, 1.0, 1.0, &np_on, &pn_on);
  bbn_decay de;
  memset(&de, 0, sizeof de);
  de.nu_conversion = 1;
  de.n_nu_groups = 1;
  de.nu_groups[0] = (bbn_nu_group){0, BBN_NU_LINE, 2.0, E, 0, 0};
  bbn_nu_conversion_rates(&TAB, &de, 1.0, T, H, nb, 1.0, 1.0, &np_e, &pn_e);
  double Pv[3][3];
  bbn_nu_osc_vacuum_average(Pv);
  const double G1 = FB_GF_GEV_M2 * FB_GF_GEV_M2 * 1e-12 * pow(T, 4) * E / (FB_HBAR_GEV_S * 1e3); /* G_F^2 T^4 E */
  const double C = Pv[2][0] * FB_NU_RATE_C_E + (1.0 - Pv[2][0]) * FB_NU_RATE_C_MUTAU;
  const double ratio_ref = Pv[2][0] * (FB_NU_RATE_C_E * G1 + H) / (C * G1 + H);
  printf("nu_tau source, E = %g MeV, T = %g MeV: lambda_pn ratio to nu_e %.6f, lambda_np %.6f (closed form %.6f)\n", E, T,
         pn_on / pn_e, np_on / np_e, ratio_ref);
  ck_assert_msg(fabs(pn_on / pn_e / ratio_ref - 1.0) < 1e-3 && fabs(np_on / np_e / ratio_ref - 1.0) < 1e-3,
                "ratio %g / %g vs %g", pn_on / pn_e, np_on / np_e, ratio_ref);
}
END_TEST

/* the table used by the conversion (incoherent, muon term neglected) against the direct diagonalisation with
 * the muon term, and against the lifetime average with the coherent terms at the neutrino's own scattering
 * rate Gamma = C G_F^2 T^4 E + H (radiation era, H = 1/(2t), t = 0.738 s (MeV/T)^2) */
START_TEST(test_table) {
  const double Es[5] = {5.0, 20.0, 50.0, 120.0, 300.0}, Ts[7] = {0.03, 0.1, 0.3, 0.7, 1.5, 3.0, 8.0};
  double worst_rel = 0.0, worst_abs = 0.0;
  for (int ie = 0; ie < 5; ++ie)
    for (int it = 0; it < 7; ++it) {
      const double E = Es[ie], T = Ts[it];
      bbn_nu_osc o;
      double P0[3][3], PG[3][3];
      bbn_nu_osc_init(&o, E, T, 0);
      bbn_nu_osc_probabilities(&o, 0.0, 0, P0);
      const double A = bbn_nu_osc_A(E, T);
      const double G = FB_NU_RATE_C_E * FB_GF_GEV_M2 * FB_GF_GEV_M2 * 1e-12 * pow(T, 4) * E / (FB_HBAR_GEV_S * 1e3) +
                       0.5 / (0.738 / (T * T));
      bbn_nu_osc_probabilities(&o, G, 0, PG);
      for (int a = 0; a < 3; ++a) {
        const double Pt = bbn_nu_osc_table_Pe(&TAB, a, A);
        if (P0[a][0] > 1e-4) worst_rel = fmax(worst_rel, fabs(Pt / P0[a][0] - 1.0));
        worst_abs = fmax(worst_abs, fabs(Pt - PG[a][0]));
        ck_assert_msg(P0[a][0] < 1e-4 || fabs(Pt / P0[a][0] - 1.0) < 3e-3, "E %g T %g a %d: table %g direct %g", E, T, a,
                      Pt, P0[a][0]);
        ck_assert_msg(fabs(Pt - PG[a][0]) < 1e-3, "E %g T %g a %d: table %g, with coherent terms %g", E, T, a, Pt,
                      PG[a][0]);
      }
    }
  printf("table vs direct (incoherent): worst relative %.2g; vs the coherent average at Gamma_th + H: worst absolute "
         "%.2g\n", worst_rel, worst_abs);
}
END_TEST

/* a V-A continuum group against the same integral by an independent midpoint rule (20000 points), in the
 * Hubble-limited regime without oscillations: lambda = D (n/2) n_b c / H int dx f(x) sigma(x E_max +- Delta) */
START_TEST(test_spectrum_quadrature) {
  const double Emean = 50.0, T = 0.01, H = 1e-3;
  for (int shape = BBN_NU_MICHEL_NUE; shape <= BBN_NU_MICHEL_NUMU; ++shape) {
    bbn_decay d;
    memset(&d, 0, sizeof d);
    d.nu_conversion = 1;
    d.n_nu_groups = 1;
    d.nu_groups[0] = (bbn_nu_group){0, shape, 2.0, Emean, 0, 0};
    double np, pn;
    bbn_nu_conversion_rates(NULL, &d, 1.0, T, H, 1.0, 1.0, 1.0, &np, &pn);
    const double me = FB_ME_GEV * 1e3, Dl = (FB_MN_GEV - FB_MP_GEV) * 1e3, GF = FB_GF_GEV_M2 * 1e-6,
                 hc = FB_HBARC_GEV_CM * 1e3;
    const double s0 = GF * GF * FB_VUD * FB_VUD * (1.0 + 3.0 * FB_GA_NUCLEON * FB_GA_NUCLEON) / FB_PI * hc * hc;
    const double Emax = Emean / (shape == BBN_NU_MICHEL_NUE ? 0.6 : 0.7);
    const double Gth = FB_NU_RATE_C_E * GF * GF * pow(T, 4) / (FB_HBAR_GEV_S * 1e3);
    double snp = 0.0, spn = 0.0, norm = 0.0, mean = 0.0;
    const int N = 20000;
    for (int i = 0; i < N; ++i) {
      const double x = (i + 0.5) / N, f = shape == BBN_NU_MICHEL_NUE ? 12 * x * x * (1 - x) : 2 * x * x * (3 - 2 * x);
      const double E = x * Emax, w = f / N / (Gth * E + H);
      const double Ep = E + Dl, Em = E - Dl;
      snp += w * s0 * Ep * sqrt(Ep * Ep - me * me);
      if (Em > me) spn += w * s0 * Em * sqrt(Em * Em - me * me);
      norm += f / N;
      mean += f * E / N;
    }
    const double c = FB_C_CM_S; /* D (n/2) n_b = 1 */
    printf("shape %d: norm %.8f, mean %.6f MeV; lambda_np %.8g (midpoint %.8g), lambda_pn %.8g (%.8g)\n", shape, norm, mean,
           np, c * snp, pn, c * spn);
    ck_assert(fabs(norm - 1.0) < 1e-6 && fabs(mean / Emean - 1.0) < 1e-6);
    ck_assert_msg(fabs(np / (c * snp) - 1.0) < 1e-4 && fabs(pn / (c * spn) - 1.0) < 1e-4, "quadrature %g / %g", np / (c * snp),
                  pn / (c * spn));
  }
}
END_TEST

static Suite *osc_suite(void) {
  Suite *s = suite_create("bbn_nu_oscillation");
  TCase *tc = tcase_create("oscillation");
  tcase_add_test(tc, test_vacuum_limit);
  tcase_add_test(tc, test_high_T_suppression);
  tcase_add_test(tc, test_conservation);
  tcase_add_test(tc, test_conversion_of_nu_tau);
  tcase_add_test(tc, test_table);
  tcase_add_test(tc, test_spectrum_quadrature);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  gsl_set_error_handler_off();
  bbn_nu_osc_table_init(&TAB);
  SRunner *sr = srunner_create(osc_suite());
  srunner_run_all(sr, CK_VERBOSE);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? 0 : 1;
}
