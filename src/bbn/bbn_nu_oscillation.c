/**
 * @file bbn_nu_oscillation.c
 * @brief Flavour oscillations of the non-thermal neutrinos a decaying particle injects, between their
 *        birth and their first interaction with the plasma (input of bbn_nu_conversion.c).
 *
 * Sabti, Magalich, Filimonova arXiv:2006.07387 (abstract: their HNL code includes "active neutrino
 * oscillations") and Boyarsky et al. arXiv:2008.00749 treat the injected nu_mu and nu_tau as partly
 * nu_e by the time they convert nucleons. Here:
 *  - Hamiltonian in the flavour basis of a neutrino of energy E (ultra-relativistic):
 *      H = U diag(0, dm21^2, dm31^2) U^+ / (2E) + diag(V_e, V_mu, V_tau),
 *    U the PMNS matrix (standard parametrisation, PDG "Neutrino mixing" review; NuFIT 6.0 best fit,
 *    normal ordering: fb_constants.h), V_a = -|V_T,a| the CP-symmetric thermal potential of Notzold &
 *    Raffelt NPB 307 (1988) 924 (bbn_nu_thermal_potential_GeV in bbn_hnl.c: the nu_a - nu_a and
 *    nu_a - charged-lepton terms; the same for anti-neutrinos, so anti-neutrinos have H* ). The
 *    flavour-universal part (the nu background terms, equal for the three flavours in equilibrium)
 *    drops out. The CP-odd term sqrt2 G_F (n_e- - n_e+) ~ eta is neglected: it is < 3% of the
 *    thermal one at T >~ 0.3 MeV, E ~ 30 MeV, and both are << dm^2/(2E) below (vacuum oscillations).
 *    The thermal term grows as E T^4: at E = 30 MeV it equals dm31^2/(2E) at T ~ 3 MeV and
 *    suppresses the effective mixing of nu_e above ("in-medium mixing angle"; Dolgov, Phys. Rept. 370
 *    (2002) 333, hep-ph/0202122, sec. 12; Dolgov, Hansen, Pastor, Petcov, Raffelt, Semikoz
 *    hep-ph/0201287 for the three-flavour case with the charged-lepton potential).
 *  - H is taken constant during the neutrino's life (its lifetime 1/Gamma, Gamma = scattering + H, is
 *    short against the time on which T changes where the thermal term matters) and diagonalised
 *    once: H = W diag(lambda) W^+. The probability that a nu_a is a nu_b at time t is
 *      P_ab(t) = sum_ij W_bi W*_ai W*_bj W_aj exp(-i (lambda_i - lambda_j) t),
 *    and its average over an exponential lifetime, <exp(-i w t)> = Gamma/(Gamma + i w), is
 *      P_ab = Re sum_ij W_bi W*_ai W*_bj W_aj Gamma/(Gamma + i w_ij)
 *    (closed form; Gamma << w: the incoherent average sum_i |W_ai|^2 |W_bi|^2 of Dolgov's review; in
 *    vacuum the PMNS-averaged sum_i |U_ai|^2 |U_bi|^2). The conversion (bbn_nu_conversion.c) uses the
 *    incoherent average, tabulated once in A = 2E (V_e - V_tau)/dm31^2 (bbn_nu_osc_table; H/k depends on
 *    E and T only through A when V_mu = V_tau): the coherent terms at the neutrinos' own scattering rate
 *    change P_ae by < 3e-4 (absolute; < 2e-4 with the scattering rate 3.15 x too small used before 2026-12-07,
 *    bbn_nu_rate.c) at E = 5-300 MeV, T = 0.03-8 MeV (tests/bbn/test_bbn_nu_oscillation.c).
 *    Collisional decoherence beyond "the first
 *    scattering ends it" and the quantum-Zeno regime Gamma >~ w are not modelled (not reached: w/Gamma > 1e2
 *    at T < 5 MeV, E < 200 MeV was stated with the rate / 3.151; with the corrected rate C G_F^2 T^4 E that bound
 *    reads > 30, scaled, not re-measured).
 */
#include <complex.h>
#include <math.h>

#include <gsl/gsl_complex_math.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_matrix.h>

#include "bbn.h"
#include "fb_constants.h"

/* U (standard parametrisation, Dirac phase only: Majorana phases do not enter oscillations) */
static void pmns(double complex U[3][3]) {
  const double s12 = sqrt(FB_NU_SIN2_TH12), s13 = sqrt(FB_NU_SIN2_TH13), s23 = sqrt(FB_NU_SIN2_TH23);
  const double c12 = sqrt(1.0 - FB_NU_SIN2_TH12), c13 = sqrt(1.0 - FB_NU_SIN2_TH13), c23 = sqrt(1.0 - FB_NU_SIN2_TH23);
  const double complex ed = cexp(I * FB_NU_DELTA_CP_DEG * FB_PI / 180.0);
  U[0][0] = c12 * c13;
  U[0][1] = s12 * c13;
  U[0][2] = s13 / ed; /* s13 e^{-i delta} */
  U[1][0] = -s12 * c23 - c12 * s23 * s13 * ed;
  U[1][1] = c12 * c23 - s12 * s23 * s13 * ed;
  U[1][2] = s23 * c13;
  U[2][0] = s12 * s23 - c12 * c23 * s13 * ed;
  U[2][1] = -c12 * s23 - s12 * c23 * s13 * ed;
  U[2][2] = c23 * c13;
}

void bbn_nu_osc_vacuum_average(double P[3][3]) {
  double complex U[3][3];
  pmns(U);
  for (int a = 0; a < 3; ++a)
    for (int b = 0; b < 3; ++b) {
      P[a][b] = 0.0;
      for (int i = 0; i < 3; ++i) P[a][b] += creal(U[a][i] * conj(U[a][i])) * creal(U[b][i] * conj(U[b][i]));
    }
}

/* diagonalise H / k = U diag(0, dm21/dm31, 1) U^+ + diag(V) (k = dm31^2/(2E)); eigenvalues in units of k_s */
static void diagonalise(const double V[3], double k_s, bbn_nu_osc *o) {
  double complex U[3][3];
  pmns(U);
  const double m2[3] = {0.0, FB_NU_DM2_21_EV2 / FB_NU_DM2_31_EV2, 1.0};
  gsl_matrix_complex *H = gsl_matrix_complex_alloc(3, 3), *Wm = gsl_matrix_complex_alloc(3, 3);
  gsl_vector *ev = gsl_vector_alloc(3);
  gsl_eigen_hermv_workspace *ws = gsl_eigen_hermv_alloc(3);
  for (int a = 0; a < 3; ++a)
    for (int b = 0; b < 3; ++b) {
      double complex h = a == b ? V[a] : 0.0;
      for (int i = 0; i < 3; ++i) h += U[a][i] * m2[i] * conj(U[b][i]);
      gsl_matrix_complex_set(H, a, b, gsl_complex_rect(creal(h), cimag(h)));
    }
  gsl_eigen_hermv(H, ev, Wm, ws);
  for (int i = 0; i < 3; ++i) {
    o->lambda_s[i] = gsl_vector_get(ev, i) * k_s;
    for (int a = 0; a < 3; ++a) {
      const gsl_complex w = gsl_matrix_complex_get(Wm, a, i);
      o->W_re[a][i] = GSL_REAL(w);
      o->W_im[a][i] = GSL_IMAG(w);
    }
  }
  gsl_eigen_hermv_free(ws);
  gsl_vector_free(ev);
  gsl_matrix_complex_free(Wm);
  gsl_matrix_complex_free(H);
}

void bbn_nu_osc_init(bbn_nu_osc *o, double E_MeV, double T_MeV, int vacuum) {
  /* H in units of k = dm31^2/(2E) [eV]: dimensionless entries O(1) in vacuum */
  const double k_eV = FB_NU_DM2_31_EV2 / (2.0 * E_MeV * 1e6);
  double V[3] = {0.0, 0.0, 0.0};
  if (!vacuum) {
    const double Vt = bbn_nu_thermal_potential_GeV(2, E_MeV * 1e-3, T_MeV * 1e-3);
    for (int a = 0; a < 3; ++a) /* V_a = -|V_T,a|, minus the flavour-universal part (here: V_tau) */
      V[a] = -(bbn_nu_thermal_potential_GeV(a, E_MeV * 1e-3, T_MeV * 1e-3) - Vt) * 1e9 / k_eV;
  }
  diagonalise(V, k_eV / (FB_HBAR_GEV_S * 1e9), o); /* eV -> angular frequency [1/s] */
}

double bbn_nu_osc_A(double E_MeV, double T_MeV) {
  const double k_eV = FB_NU_DM2_31_EV2 / (2.0 * E_MeV * 1e6);
  return (bbn_nu_thermal_potential_GeV(0, E_MeV * 1e-3, T_MeV * 1e-3) -
          bbn_nu_thermal_potential_GeV(2, E_MeV * 1e-3, T_MeV * 1e-3)) * 1e9 / k_eV;
}

/* the table: ln A from ln(1e-5) to ln(1e7); the incoherent average sum_i |W_ai|^2 |W_ei|^2 */
void bbn_nu_osc_table_init(bbn_nu_osc_table *t) {
  t->lnA_min = log(1e-5);
  t->lnA_max = log(1e7);
  for (int k = 0; k < BBN_NU_OSC_NA; ++k) {
    const double A = exp(t->lnA_min + (t->lnA_max - t->lnA_min) * k / (BBN_NU_OSC_NA - 1));
    const double V[3] = {-A, 0.0, 0.0};
    bbn_nu_osc o;
    double P[3][3];
    diagonalise(V, 1.0, &o);
    bbn_nu_osc_probabilities(&o, 0.0, 0, P);
    for (int a = 0; a < 3; ++a) t->lnP[a][k] = log(fmax(P[a][0], 1e-300));
  }
}

double bbn_nu_osc_table_Pe(const bbn_nu_osc_table *t, int a, double A) {
  const int n = BBN_NU_OSC_NA;
  if (!(A > exp(t->lnA_min))) return exp(t->lnP[a][0]);
  const double lA = log(A), h = (t->lnA_max - t->lnA_min) / (n - 1);
  if (lA >= t->lnA_max) { /* leading order: 1 - P_ee and P_ae fall as A^-2 */
    if (a == 0) return 1.0 - (1.0 - exp(t->lnP[0][n - 1])) * exp(2.0 * (t->lnA_max - lA));
    return exp(t->lnP[a][n - 1] + 2.0 * (t->lnA_max - lA));
  }
  const double u = (lA - t->lnA_min) / h;
  int k = (int)u;
  if (k > n - 2) k = n - 2;
  const double f = u - k;
  return exp((1.0 - f) * t->lnP[a][k] + f * t->lnP[a][k + 1]);
}

void bbn_nu_osc_probabilities(const bbn_nu_osc *o, double Gamma_s, int anti, double P[3][3]) {
  double complex W[3][3];
  for (int a = 0; a < 3; ++a)
    for (int i = 0; i < 3; ++i) W[a][i] = o->W_re[a][i] + (anti ? -I : I) * o->W_im[a][i];
  for (int a = 0; a < 3; ++a)
    for (int b = 0; b < 3; ++b) {
      double complex s = 0.0;
      for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
          const double w = o->lambda_s[i] - o->lambda_s[j];
          /* degenerate levels (w = 0) do not oscillate: f = 1 */
          const double complex f = i == j || w == 0.0 ? 1.0 : Gamma_s / (Gamma_s + I * w);
          s += W[b][i] * conj(W[a][i]) * conj(W[b][j]) * W[a][j] * f;
        }
      P[a][b] = creal(s);
    }
}
