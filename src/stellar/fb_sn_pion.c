/**
 * @file fb_sn_pion.c
 * @brief Pion-induced ALP emission pi- p -> n a and its inverse (see fb_sn_pion.h).
 */
#include "fb_sn_pion.h"

#include <math.h>

#include <gsl/gsl_sf_bessel.h>

#include "fb_constants.h"

double fb_sn_pion_coupling_G(double g_n, double g_p) {
  /* Static nucleons, energy denominators of both pole diagrams = 1/omega_a (s channel: eps_p + omega_pi - eps_n =
   * omega_a; u channel: -omega_a). Amplitude sqrt(2) (f/m_pi) (1/2 m_N) [g_n (s.k_a)(s.k_pi) - g_p (s.k_pi)(s.k_a)]/
   * omega_a = ... [(g_n - g_p) k_a.k_pi + i (g_n + g_p) s.(k_a x k_pi)]/omega_a; the spin trace (1/2) Tr and the
   * average over the angle between k_a and k_pi ((k_a.k_pi)^2 -> k_a^2 k_pi^2/3, |k_a x k_pi|^2 -> 2 k_a^2 k_pi^2/3)
   * give k_a^2 k_pi^2 G/3 with G below. Re-derived here (the nucleon-pole diagrams of the process of Carenza et al.
   * arXiv:2010.02943; their full text was not readable here, so the combination is ours, not copied). */
  return (g_n - g_p) * (g_n - g_p) + 2.0 * (g_n + g_p) * (g_n + g_p);
}

/* Bose occupation of a pion of energy w with chemical potential mu, T */
static double bose(double w, double mu, double T) { return 1.0 / expm1((w - mu) / T); }

double fb_sn_pion_density_GeV3(double T, double mu) {
  const double mpi = FB_MPI_CHARGED_GEV;
  if (!(T > 0) || !(mu < mpi)) return NAN;
  /* n = int d^3k/(2 pi)^3 f(omega_k): Simpson in k up to omega - mu = 40 T */
  double kmax = sqrt(pow(mu + 40.0 * T, 2) - mpi * mpi), s = 0.0;
  const int N = 400;
  double h = kmax / N;
  for (int i = 0; i <= N; i++) {
    double k = i * h, w = sqrt(k * k + mpi * mpi), c = (i == 0 || i == N) ? 1.0 : (i % 2 ? 4.0 : 2.0);
    s += c * k * k * bose(w, mu, T);
  }
  return s * h / 3.0 / (2.0 * FB_PI * FB_PI);
}

/* pi N centre-of-mass momentum^2 at total energy W for nucleon mass mN */
static double cm_k2(double W, double mN) {
  const double mpi = FB_MPI_CHARGED_GEV;
  double a = W * W - (mN + mpi) * (mN + mpi), b = W * W - (mN - mpi) * (mN - mpi);
  return a > 0 ? a * b / (4.0 * W * W) : 0.0;
}

/* Koch-Moniz-Ohtsuka p-wave width factor (beta^2 + k_D^2)/(beta^2 + k^2) at cm momentum^2 k2 (fb_constants.h) */
static double kmo_ff(double k2, double kD2) {
  const double b2 = FB_DELTA1232_BETA_GEV * FB_DELTA1232_BETA_GEV;
  return (b2 + kD2) / (b2 + k2);
}

double fb_sn_pion_delta_width_GeV(double W, double mN) {
  /* Gamma = Gamma_0 (k/k_D)^3 (M_D/W) (beta^2 + k_D^2)/(beta^2 + k^2) (Koch, Moniz & Ohtsuka; see fb_sn_pion_delta33) */
  const double MD = FB_DELTA1232_M_GEV;
  double k2 = cm_k2(W, mN), kD2 = cm_k2(MD, mN);
  if (!(k2 > 0)) return 0.0;
  return FB_DELTA1232_W_GEV * pow(k2 / kD2, 1.5) * (MD / W) * kmo_ff(k2, kD2);
}

double fb_sn_pion_fstar(void) {
  /* static isobar model (Chew-Low; Ericson & Weise, Pions and Nuclei (1988) ch. 2): the Delta -> N pi width
   * Gamma = (1/6 pi)(f* /m_pi)^2 k^3 m_N/W (spin-isospin sum of the vertex (f* /m_pi) S.k T_a over the final states:
   * S_i S_j^+ -> (2/3) delta_ij, T_a T_a^+ summed over a -> 3 x (2/3), averaged over the 4 x 4 Delta states) at the pole
   * W = M_D, solved for f* with Gamma_0 of fb_constants.h */
  const double mpi = FB_MPI_CHARGED_GEV, mN = 0.5 * (FB_MN_GEV + FB_MP_GEV), MD = FB_DELTA1232_M_GEV;
  double kD2 = cm_k2(MD, mN);
  return sqrt(6.0 * FB_PI * FB_DELTA1232_W_GEV * mpi * mpi * MD / (kD2 * sqrt(kD2) * mN));
}

double fb_sn_pion_msq_G(const fb_sn_pion_coupling *c, double om, double wpi) {
  double An = (c->gn - c->gp) / om, Bn = (c->gn + c->gp) / om; /* the nucleon poles (fb_sn_pion_coupling_G) */
  if (!c->delta) return An * An + 2.0 * Bn * Bn;
  /* Delta(1232) diagrams, static isobar model (re-derived here; the process of Ho, Kim, Ko & Park arXiv:2212.01155,
   * whose full text was not readable here). Vertices: pion absorption N -> Delta (f* /m_pi) S^+.k_pi T_a^+ v(k) with the
   * form factor v(k) = sqrt of the width's (beta^2 + k_D^2)/(beta^2 + k^2) at the pi N cm momentum k; ALP emission
   * Delta -> N (g_3/2 m_N)(f* /f) S.k_a T_3 (the isovector axial source with the N-Delta transition scaled as the
   * pion's, generalised Goldberger-Treiman; the isoscalar part cannot excite the I = 3/2 Delta). Transition-operator
   * identities S_i S_j^+ = (2/3) delta_ij - (i/3) eps_ijk sigma_k and T_a T_b^+ the same in isospin give, for pi- p -> n
   * (isospin sqrt(2)/3 in the s channel, -sqrt(2)/3 in the u channel; the poles' sqrt(2) factored out):
   *   s channel (Delta0): (r g_3/3) [(2/3) k_a.k_pi - (i/3) sigma.(k_a x k_pi)]/(W - M_D + i Gamma/2),
   *   u channel (Delta+): (r g_3/3) [(2/3) k_a.k_pi + (i/3) sigma.(k_a x k_pi)]/(omega_a + M_D - m_N),
   * r = (f* /f)^2 v(k) (delta = 2: the quark-model (f* /f)^2 = 72/25 instead of the width's); the spin trace
   * and the angle average give |A|^2 + 2 |B|^2 as for the poles (checked against an
   * explicit spin-3/2 and isospin-3/2 matrix computation: tests/stellar/pion_delta_trace.py). */
  const double mpi = FB_MPI_CHARGED_GEV, mN = 0.5 * (FB_MN_GEV + FB_MP_GEV), MD = FB_DELTA1232_M_GEV;
  const double fs = fb_sn_pion_fstar(), f = FB_OPE_F_PINN;
  double W = sqrt(mN * mN + mpi * mpi + 2.0 * mN * wpi); /* pi- on a proton at rest */
  double k2 = cm_k2(W, mN), v = sqrt(kmo_ff(k2, cm_k2(MD, mN)));
  double g3 = 0.5 * (c->gp - c->gn), r = (c->delta == 2 ? FB_PIND_FSTAR_F2_QM : fs * fs / (f * f)) * v;
  double G = fb_sn_pion_delta_width_GeV(W, mN), x = W - MD, den = x * x + 0.25 * G * G;
  double sre = x / den, sim = -0.5 * G / den, u = 1.0 / (om + MD - mN); /* 1/D_s = sre + i sim, 1/D_u = u */
  double Are = An + 2.0 * r * g3 / 9.0 * (sre + u), Aim = 2.0 * r * g3 / 9.0 * sim;
  double Bre = Bn + r * g3 / 9.0 * (u - sre), Bim = -r * g3 / 9.0 * sim;
  return Are * Are + Aim * Aim + 2.0 * (Bre * Bre + Bim * Bim);
}

/* |M|^2 summed over spins (initial averaged) and averaged over the pion-ALP angle, per unit pion factor, times
 * k_pi/(4 pi omega_a): the bracket of Gamma_prod = n_p f_pi(omega_pi) [...] (see below) */
static double matrix_part(const fb_sn_pion_coupling *c, double om, double wpi, double mass) {
  const double mpi = FB_MPI_CHARGED_GEV, mN = 0.5 * (FB_MN_GEV + FB_MP_GEV), f = FB_OPE_F_PINN;
  const double F = FB_FPI_GEV / sqrt(2.0), gA = FB_GA_NUCLEON;
  double kpi2 = wpi * wpi - mpi * mpi, ka2 = om * om - mass * mass, kpi = sqrt(kpi2);
  /* Gamma_prod = n_p int d^3k_pi/(2 pi)^3 f_pi/(2 omega_pi) (1/2 omega_a) 2 pi delta(omega_pi - Delta - omega_a) |M|^2
   * = n_p f_pi(omega_pi) k_pi |M|^2/(4 pi omega_a) (non-relativistic normalisation of the nucleon states, so the
   * proton density enters directly). Poles: |M|^2 = f^2 k_a^2 k_pi^2 G/(6 m_pi^2 m_N^2 omega_a^2)
   * (fb_sn_pion_coupling_G; vertices sqrt(2)(f/m_pi) sigma.k_pi, the pseudovector pi-N coupling f of the OPE in
   * fb_sn_alpn.c, f^2/4 pi = 0.08, and (g/2m_N) sigma.k_a). */
  double M2 = f * f * ka2 * kpi2 * (c->delta ? fb_sn_pion_msq_G(c, om, wpi) : c->G / (om * om)) / (6.0 * mpi * mpi * mN * mN);
  /* Contact term: LO baryon ChPT N-bar i gamma^mu Gamma_mu N with Gamma_mu = -(1/2F)[phi, a_mu] + ... and the axial
   * source a_mu = d_mu a (C_p - C_n) tau_3/(4 f g_A) (so that g_A N-bar gamma^mu gamma_5 a_mu N gives the isovector
   * ALP-nucleon coupling; the contact term carries the quark-level c_u - c_d = (C_p - C_n)/g_A, as the C_{a pi N} of
   * arXiv:2110.01972): [phi, tau_3] = -2 sqrt(2)(pi+ tau+ - pi- tau-), so for static nucleons
   * |M_c| = sqrt(2) |C_p - C_n| omega_a/(4 F f g_A), F = f_pi/sqrt(2) = 92 MeV, i.e. with g_N = C_N m_N/f
   * |M_c|^2 = (g_p - g_n)^2 omega_a^2/(8 F^2 g_A^2 m_N^2), spin independent (the spin trace gives 1) */
  M2 += c->Dg * c->Dg * om * om / (8.0 * F * F * gA * gA * mN * mN);
  return kpi * M2 / (4.0 * FB_PI * om);
}

double fb_sn_pion_gamma_prod_GeV(const fb_sn_pion_coupling *c, double T, double np, double mu, double delta,
                                 double om, double mass) {
  const double mpi = FB_MPI_CHARGED_GEV;
  if (!(T > 0) || !(np > 0) || !(om > mass) || !(mu < mpi) || !(c->G > 0 || c->Dg != 0)) return 0.0;
  double wpi = om + delta; /* static nucleons: omega_pi = omega_a + (eps_n - eps_p) */
  if (!(wpi > mpi)) return 0.0;
  return np * bose(wpi, mu, T) * matrix_part(c, om, wpi, mass);
}

double fb_sn_pion_gamma_abs_GeV(const fb_sn_pion_coupling *c, double T, double np, double mu, double delta, double om,
                                double mass) {
  const double mpi = FB_MPI_CHARGED_GEV;
  if (!(T > 0) || !(np > 0) || !(om > mass) || !(mu < mpi) || !(c->G > 0 || c->Dg != 0)) return 0.0;
  double wpi = om + delta;
  if (!(wpi > mpi)) return 0.0;
  /* detailed balance with mu_a = 0 (mu_pi- = mu_n - mu_p): Gamma_abs = e^{om/T} Gamma_prod, the factor
   * e^{om/T} f_pi(om + Delta) = 1/(e^{(Delta - mu)/T} - e^{-om/T}) written without overflow (for Boltzmann nucleons
   * it is the inverse process a n -> p pi- on n_n = n_p e^{(mu - Delta)/T} with the Bose factor 1 + f_pi) */
  double occ = 1.0 / (exp((delta - mu) / T) - exp(-om / T));
  return np * occ * matrix_part(c, om, wpi, mass);
}

double fb_sn_pion_gamma_abs_pre_GeV(const fb_sn_pion_coupling *c, double np, double delta, double om, double mass,
                                    double e_dm, double e_om) {
  double wpi = om + delta;
  if (!(om > mass) || !(wpi > FB_MPI_CHARGED_GEV) || !(c->G > 0 || c->Dg != 0)) return 0.0;
  return np / (e_dm - e_om) * matrix_part(c, om, wpi, mass); /* the occupation of fb_sn_pion_gamma_abs_GeV */
}

double fb_sn_pion_symmetry_potential_GeV(double nn, double np) {
  double n = nn + np;
  if (!(n > 0)) return 0.0;
  const double hc = FB_HBARC_GEV_CM / FB_FM_TO_CM; /* GeV fm */
  const double n0 = FB_NSAT_FM3 * hc * hc * hc, mN = 0.5 * (FB_MN_GEV + FB_MP_GEV);
  /* free symmetric Fermi gas at n_0: k_F = (3 pi^2 n_0/2)^{1/3}, S_kin = k_F^2/(6 m_N) = E_F/3 */
  double kF = cbrt(1.5 * FB_PI * FB_PI * n0), Skin = kF * kF / (6.0 * mN);
  double Spot = 1e-3 * FB_ESYM0_MEV - Skin, gamma = (1e-3 * FB_LSYM_MEV - 2.0 * Skin) / (3.0 * Spot);
  return 4.0 * Spot * pow(n / n0, gamma) * (nn - np) / n;
}

/* ------------------------------------------------------------------ interacting pions (virial expansion) */
double fb_sn_pion_delta33(double W, double mN) {
  /* Breit-Wigner P33 phase shift tan delta = (Gamma(W)/2)/(M_D - W) with the p-wave width of Koch, Moniz & Ohtsuka
   * (Ann. Phys. 154 (1984) 99; Teis et al. nucl-th/9609009 eq. 11): Gamma = Gamma_0 (k/k_D)^3 (M_D/W)
   * (beta^2 + k_D^2)/(beta^2 + k^2), k_D the momentum at W = M_D (constants: fb_constants.h, PDG 2024) */
  if (!(cm_k2(W, mN) > 0)) return 0.0;
  return atan2(0.5 * fb_sn_pion_delta_width_GeV(W, mN), FB_DELTA1232_M_GEV - W); /* 0 .. pi: 90 degrees at W = M_D */
}

/* e^{x} K_2(x) for x = m/T: the relativistic Boltzmann density (m^2 T/2 pi^2) K_2(m/T) without overflow */
static double k2s(double x) { return gsl_sf_bessel_Kn_scaled(2, x); }

#define VIR_NW 240 /* Simpson intervals in the pi N invariant mass */

double fb_sn_pion_virial_density_GeV3(double T, double mu, double nn, double np) {
  const double mpi = FB_MPI_CHARGED_GEV;
  if (!(T > 0) || !(mu < mpi) || !(nn + np > 0)) return 0.0;
  /* Beth-Uhlenbeck second virial term of the pi- N pair (Fore & Reddy arXiv:1911.02632 sec. 3; relativistic form of
   * Dashen, Ma & Bernstein, Phys. Rev. 187 (1969) 345): the pion number in pi N correlations
   *   n_int = sum_N w_N (2J+1) int dW (1/pi) (d delta_33/dW) (W^2 T/2 pi^2) K_2(W/T) e^{(mu_pi + mu_N)/T},
   * P33 only (the Delta(1232), which dominates the pi- n channel and the virial coefficient; the s-wave and the other
   * p-wave channels are small and of both signs), 2J+1 = 4, isospin weights w_n = 1 (pi- n is pure I = 3/2) and
   * w_p = 1/3 (Clebsch-Gordan of pi- p in I = 3/2). The nucleon fugacity e^{mu_N/T} is taken from the density,
   * e^{(mu_N - m_N)/T} = n_N/[2 (m_N^2 T/2 pi^2) K_2(m_N/T) e^{m_N/T}] (exact for the non-degenerate nucleons of the
   * virial expansion; beyond, the linear-density form of the pion self-energy, which keeps n_int ~ n_N where the
   * Fermi-Dirac fugacity would grow exponentially: stated in docs/validation.md). */
  const double mN[2] = {FB_MN_GEV, FB_MP_GEV}, nN[2] = {nn, np}, w[2] = {1.0, 1.0 / 3.0};
  double sum = 0.0;
  for (int c = 0; c < 2; c++) {
    if (!(nN[c] > 0)) continue;
    double Wth = mN[c] + mpi, Wmax = Wth + 60.0 * T, h = (Wmax - Wth) / VIR_NW, s = 0.0;
    double zN = nN[c] / (2.0 * mN[c] * mN[c] * T / (2.0 * FB_PI * FB_PI) * k2s(mN[c] / T)); /* e^{(mu_N - m_N)/T} */
    for (int i = 1; i <= VIR_NW; i++) { /* the integrand vanishes at threshold (delta ~ k^3) */
      double W = Wth + i * h, cw = (i == VIR_NW) ? 1.0 : (i % 2 ? 4.0 : 2.0), e = 1e-3 * h;
      double dd = (fb_sn_pion_delta33(W + e, mN[c]) - fb_sn_pion_delta33(W - e, mN[c])) / (2.0 * e);
      s += cw * dd / FB_PI * W * W * T / (2.0 * FB_PI * FB_PI) * k2s(W / T) * exp((mu + mN[c] - W) / T);
    }
    sum += w[c] * 4.0 * zN * s * h / 3.0;
  }
  return sum;
}

/* free Bose pion density with the upper limit omega - mu = 40 T above max(mu, m_pi) (valid for any T) */
static double free_density(double T, double mu) {
  const double mpi = FB_MPI_CHARGED_GEV;
  double wmax = fmax(mu, mpi) + 40.0 * T, kmax = sqrt(wmax * wmax - mpi * mpi), s = 0.0;
  const int N = 400;
  double h = kmax / N;
  for (int i = 1; i <= N; i++) {
    double k = i * h, wk = sqrt(k * k + mpi * mpi), c = (i == N) ? 1.0 : (i % 2 ? 4.0 : 2.0);
    s += c * k * k * bose(wk, mu, T);
  }
  return s * h / 3.0 / (2.0 * FB_PI * FB_PI);
}

double fb_sn_pion_mu_eff_GeV(double T, double mu, double n_target) {
  const double mpi = FB_MPI_CHARGED_GEV;
  if (!(T > 0) || !(mu < mpi)) return mu;
  double n0 = free_density(T, mu);
  if (!(n0 > 0) || !(n_target > n0)) return mu;
  /* the effective chemical potential of free pions with the interacting density (the free-pion rate with the virial
   * abundance): ln n_free(mu) is increasing in mu; regula falsi (Illinois) on [mu, m_pi) started at the Boltzmann
   * value mu + T ln(n_target/n0); capped just below m_pi where even mu_eff -> m_pi cannot hold n_target (the onset
   * of condensation, outside the model) */
  double lt = log(n_target), a = mu, ga = log(n0) - lt, b = mpi - 1e-4 * T, gb = log(free_density(T, b)) - lt;
  if (gb <= 0) return b;
  double x = fmin(mu + T * (lt - log(n0)), b), gx = log(free_density(T, x)) - lt;
  if (gx > 0) { b = x; gb = gx; } else { a = x; ga = gx; }
  int side = 0;
  for (int it = 0; it < 60 && fabs(gx) > 1e-9 && b - a > 1e-9 * T; it++) {
    x = (a * gb - b * ga) / (gb - ga);
    gx = log(free_density(T, x)) - lt;
    if (gx > 0) {
      b = x;
      gb = gx;
      if (side == 1) ga *= 0.5;
      side = 1;
    } else {
      a = x;
      ga = gx;
      if (side == -1) gb *= 0.5;
      side = -1;
    }
  }
  return x;
}
