/**
 * @file fb_rratio.c
 * @brief Parametrisation of R(s) = sigma(e+e- -> hadrons)/(4 pi alpha^2/(3 s)); see fb_rratio.h
 *        and docs/rratio.md for the construction and the sources.
 */
#include "fb_rratio.h"

#include <complex.h>
#include <math.h>

#include "fb_constants.h"

/* ------------------------------------------------------------------ precision / model parameters */
#define FB_RRATIO_MU_FREEZE_GEV 1.0   /* alpha_s frozen below this scale (used only where the     */
                                      /* multi-hadron turn-on S(sqrt s) < 0.06, see docs)          */
#define FB_RRATIO_MU_TABLE_MAX_GEV 1.0e4 /* exact running above (fb_alpha_s_table_eval) */
#define FB_RRATIO_BLEND_LO_GEV 1.9    /* low-energy model -> pQCD linear blend window */
#define FB_RRATIO_BLEND_HI_GEV 2.1

/* Multi-hadron turn-on S(E) = 1/(1+exp(-(E-E0)/w)) multiplying the u,d,s pQCD R.
 * Anchors (sum of exclusive channels other than pi+pi-, omega, phi):
 *  R_mh(1.2 GeV) ~ 0.55: sigma(2pi+2pi-) ~ 8 nb [BaBar, arXiv:1201.5677] + sigma(pi+pi-2pi0)
 *    ~ 22 nb incl. omega pi0 [BaBar, arXiv:1709.01171; SND, arXiv:hep-ex/0305049] ~ 30 nb,
 *    sigma_pt(1.2 GeV) = 60.3 nb.
 *  R_mh(1.5 GeV) ~ 1.85: 2pi+2pi- ~ 30 nb + pi+pi-2pi0 ~ 35 nb + KKpi, eta pi pi, 5pi, 6pi ~ 7 nb
 *    [same refs; BaBar arXiv:0710.4451 (KKpi), arXiv:1808.08038 (eta pi pi)], sigma_pt = 38.6 nb.
 * Solving the two anchors for E0, w with R_uds(1.2) = 2.29, R_uds(1.5) = 2.25 gives: */
#define FB_RRATIO_MH_E0_GEV 1.330
#define FB_RRATIO_MH_W_GEV 0.1124

/* ------------------------------------------------------------------ pi+pi- form factor
 * Gounaris-Sakurai form factor [G.J. Gounaris, J.J. Sakurai, PRL 21 (1968) 244] in the form and
 * with the parameters of the BaBar fit [J.P. Lees et al., PRD 86 (2012) 032013, arXiv:1205.2228,
 * VDM fit section, Table XI (GS fit)]:
 *   F = [BW_rho (1 + c_w BW_w^KS)/(1 + c_w) + sum_i c_i BW_i] / (1 + sum_i c_i),  i = rho', rho'', rho'''
 * masses/widths in GeV, |c| and phase in rad. */
static const double fb_rho_m_GeV[4] = {0.77502, 1.493, 1.861, 2.254};
static const double fb_rho_w_GeV[4] = {0.14959, 0.427, 0.316, 0.109};
static const double fb_rho_cabs[4] = {0.0, 0.158, 0.068, 0.0073};   /* [0] unused (rho itself) */
static const double fb_rho_cphase[4] = {0.0, 3.76, 1.39, 0.0};
static const double fb_omega_ff_m_GeV = 0.78191; /* BaBar GS fit, arXiv:1205.2228 Table XI */
static const double fb_omega_ff_w_GeV = 0.00813;
static const double fb_omega_ff_cabs = 1.644e-3;
static const double fb_omega_ff_cphase = -0.03;

/* ------------------------------------------------------------------ omega and phi (PDG 2024)
 * S. Navas et al. (PDG), PRD 110 (2024) 030001: omega(782): M = 782.66 MeV, Gamma = 8.68 MeV,
 * B(e+e-) = 7.38e-5, B(pi+pi-pi0) = 89.2 %, B(pi0 gamma) = 8.35 % (pi+pi- is in F_pi).
 * phi(1020): M = 1019.461 MeV, Gamma = 4.249 MeV, B(e+e-) = 2.979e-4, B(K+K-) = 49.1 %,
 * B(KS KL) = 33.9 %, B(rho pi + pi+pi-pi0) = 15.4 %, B(eta gamma) = 1.30 %. */
#define FB_OMEGA_M_GEV 0.78266
#define FB_OMEGA_W_GEV 0.00868
#define FB_OMEGA_BEE 7.38e-5
#define FB_OMEGA_B3PI 0.892
#define FB_OMEGA_BPI0G 0.0835
#define FB_PHI_M_GEV 1.019461
#define FB_PHI_W_GEV 0.004249
#define FB_PHI_BEE 2.979e-4
#define FB_PHI_BKK 0.491
#define FB_PHI_BKSKL 0.339
#define FB_PHI_B3PI 0.154
#define FB_PHI_BETAG 0.0130

/* ------------------------------------------------------------------ heavy quarkonia (PDG 2024)
 * Mass, total width, Gamma_ee (all GeV) and hadronic branching fraction B_had = 1 - sum B(l+l-)
 * (J/psi: B_ee = B_mumu = 5.97 %; psi(2S): B_ee = 0.793 %, B_mumu = 0.80 %, B_tautau = 0.31 %;
 * Upsilon(1S): 2.38, 2.48, 2.60 %; Upsilon(2S): 1.91, 1.93, 2.00 %; Upsilon(3S): 2.18, 2.18,
 * 2.29 %; states above open flavour: B_had = 1, with a P-wave (k/k_M)^3 threshold factor for
 * their D Dbar / B Bbar decays). PDG 2024, PRD 110 (2024) 030001.
 * Gamma_ee is the PDG (vacuum-polarisation dressed) value: R is then a few % high on these
 * peaks compared with the undressed convention; they are excluded from comparisons anyway. */
typedef struct fb_rratio_bw {
  double m_GeV, w_GeV, wee_GeV, bhad;
  double mthr_GeV; /* > 0: state above open flavour, decays to a P-wave pair of this mass */
} fb_rratio_bw;
static const fb_rratio_bw fb_quarkonia[] = {
    {3.096900, 92.6e-6, 5.53e-6, 0.8806, 0.0},   /* J/psi(1S) */
    {3.686097, 293e-6, 2.33e-6, 0.9810, 0.0},    /* psi(2S) */
    {3.7737, 27.2e-3, 0.262e-6, 1.0, FB_MD0_GEV},  /* psi(3770) */
    {4.039, 80e-3, 0.86e-6, 1.0, FB_MD0_GEV},      /* psi(4040) */
    {4.191, 70e-3, 0.48e-6, 1.0, FB_MD0_GEV},      /* psi(4160) */
    {4.421, 62e-3, 0.58e-6, 1.0, FB_MD0_GEV},      /* psi(4415) */
    {9.46040, 54.02e-6, 1.340e-6, 0.9254, 0.0},  /* Upsilon(1S) */
    {10.0234, 31.98e-6, 0.612e-6, 0.9416, 0.0},  /* Upsilon(2S) */
    {10.3551, 20.32e-6, 0.443e-6, 0.9335, 0.0},  /* Upsilon(3S) */
    {10.5794, 20.5e-3, 0.272e-6, 1.0, FB_MB0_GEV}, /* Upsilon(4S) */
    {10.8852, 37e-3, 0.31e-6, 1.0, FB_MB0_GEV},    /* Upsilon(10860) */
    {11.000, 24e-3, 0.13e-6, 1.0, FB_MB0_GEV},     /* Upsilon(11020) */
};
#define FB_NQUARKONIA (sizeof fb_quarkonia / sizeof fb_quarkonia[0])

size_t fb_rratio_narrow_resonances(double *m_GeV, double *w_GeV, size_t max) {
  size_t n = 0;
  const double mw[2][2] = {{FB_OMEGA_M_GEV, FB_OMEGA_W_GEV}, {FB_PHI_M_GEV, FB_PHI_W_GEV}};
  for (size_t i = 0; i < 2; i++, n++)
    if (n < max) m_GeV[n] = mw[i][0], w_GeV[n] = mw[i][1];
  for (size_t i = 0; i < FB_NQUARKONIA; i++) {
    if (fb_quarkonia[i].mthr_GeV > 0) continue; /* broad states above open flavour */
    if (n < max) m_GeV[n] = fb_quarkonia[i].m_GeV, w_GeV[n] = fb_quarkonia[i].w_GeV;
    n++;
  }
  return n;
}

/* ================================================================== alpha_s */

/* fb_alpha_s.h at FB_ALPHA_S_LOOPS (3) loops, thresholds at m_c, m_b, m_t, tabulated once by init. */
double fb_rratio_alphas(const fb_rratio *R, double mu_GeV) { return fb_alpha_s_table_eval(&R->as, mu_GeV); }

/* ================================================================== Gounaris-Sakurai */

static double fb_gs_k(double s) { /* pion momentum in the pi pi rest frame [GeV] */
  const double mpi2 = FB_MPI_CHARGED_GEV * FB_MPI_CHARGED_GEV;
  return s > 4.0 * mpi2 ? 0.5 * sqrt(s - 4.0 * mpi2) : 0.0;
}

static double fb_gs_h(double s) { /* GS h(s) = (2/pi) (k/sqrt s) ln((sqrt s + 2k)/(2 m_pi)) */
  const double rs = sqrt(s), k = fb_gs_k(s);
  return 2.0 / FB_PI * k / rs * log((rs + 2.0 * k) / (2.0 * FB_MPI_CHARGED_GEV));
}

static void fb_gs_setup(fb_rratio_gs *g, double m_GeV, double w_GeV) {
  const double mpi = FB_MPI_CHARGED_GEV, m2 = m_GeV * m_GeV;
  const double k = fb_gs_k(m2);
  g->m_GeV = m_GeV;
  g->w_GeV = w_GeV;
  g->k_m_GeV = k;
  g->h_m = fb_gs_h(m2);
  /* h'(m^2) = h(m^2) [1/(8 k^2) - 1/(2 m^2)] + 1/(2 pi m^2)   [GS 1968; arXiv:1205.2228] */
  g->dh_m = g->h_m * (1.0 / (8.0 * k * k) - 1.0 / (2.0 * m2)) + 1.0 / (2.0 * FB_PI * m2);
  /* d = 3 m_pi^2/(pi k^2) ln((m + 2k)/(2 m_pi)) + m/(2 pi k) - m_pi^2 m/(pi k^3)   [ibid.] */
  g->d = 3.0 / FB_PI * mpi * mpi / (k * k) * log((m_GeV + 2.0 * k) / (2.0 * mpi)) +
         m_GeV / (2.0 * FB_PI * k) - mpi * mpi * m_GeV / (FB_PI * k * k * k);
}

/* BW_GS(s) = m^2 (1 + d Gamma/m) / (m^2 - s + f(s) - i m Gamma(s)), s above 4 m_pi^2,
 * Gamma(s) = Gamma (m/sqrt s) (k(s)/k(m^2))^3,
 * f(s) = Gamma m^2/k_m^3 [k^2 (h(s) - h(m^2)) + (m^2 - s) k_m^2 h'(m^2)]. */
static double complex fb_gs_bw(const fb_rratio_gs *g, double s) {
  const double m = g->m_GeV, m2 = m * m, km = g->k_m_GeV, k = fb_gs_k(s);
  const double kr = k / km;
  const double ws = g->w_GeV * m / sqrt(s) * kr * kr * kr;
  const double f = g->w_GeV * m2 / (km * km * km) *
                   (k * k * (fb_gs_h(s) - g->h_m) + (m2 - s) * km * km * g->dh_m);
  return m2 * (1.0 + g->d * g->w_GeV / m) / (m2 - s + f - I * m * ws);
}

double fb_rratio_eval_pipi(const fb_rratio *R, double sqrt_s_GeV) {
  const double mpi = FB_MPI_CHARGED_GEV;
  if (!(sqrt_s_GeV > 2.0 * mpi)) return 0.0;
  const double s = sqrt_s_GeV * sqrt_s_GeV;
  const double mw2 = fb_omega_ff_m_GeV * fb_omega_ff_m_GeV;
  const double complex cw = fb_omega_ff_cabs * cexp(I * fb_omega_ff_cphase);
  const double complex bw_w = mw2 / (mw2 - s - I * fb_omega_ff_m_GeV * fb_omega_ff_w_GeV);
  double complex num = fb_gs_bw(&R->rho[0], s) * (1.0 + cw * bw_w) / (1.0 + cw);
  double complex den = 1.0;
  for (int i = 1; i < 4; i++) {
    const double complex c = fb_rho_cabs[i] * cexp(I * fb_rho_cphase[i]);
    num += c * fb_gs_bw(&R->rho[i], s);
    den += c;
  }
  const double beta = sqrt(1.0 - 4.0 * mpi * mpi / s);
  const double complex F = num / den;
  /* R_pipi = beta^3 |F_pi|^2 / 4 (e.g. arXiv:1205.2228 eq. (1) over sigma_pt) */
  return 0.25 * beta * beta * beta * (creal(F) * creal(F) + cimag(F) * cimag(F));
}

/* ================================================================== Breit-Wigners */

/* R of a vector resonance with constant total width:
 * sigma = 12 pi Gamma_ee Gamma_f / ((s - M^2)^2 + M^2 Gamma^2) (PDG 2024 "Resonances" review),
 * divided by sigma_pt = 4 pi alpha^2/(3 s): R = 9 s Gamma_ee Gamma_f / (alpha^2 [...]). */
static double fb_bw_r(double s, double m, double w, double wee, double wf) {
  const double a = FB_ALPHA_EM, dm = s - m * m;
  return 9.0 * s * wee * wf / (a * a * (dm * dm + m * m * w * w));
}

static double fb_two_body_k(double s, double m1, double m2) { /* CM momentum */
  const double a = s - (m1 + m2) * (m1 + m2), b = s - (m1 - m2) * (m1 - m2);
  return a > 0.0 ? 0.5 * sqrt(a * b / s) : 0.0;
}

/* P-wave threshold factor (k/k_M)^3 below the peak, frozen at 1 above it: the unbounded k^3
 * growth of a point-like P-wave vertex is tamed by hadronic form factors in reality (e.g.
 * Blatt-Weisskopf barrier factors, PDG 2024 "Resonances" review); freezing it keeps the far
 * tails of the narrow states at the constant-width size (their R contribution < 1e-3). */
static double fb_pwave(double kr) { return kr < 1.0 ? kr * kr * kr : 1.0; }

/* omega(782) -> 3pi (constant width above the 3pi threshold) + pi0 gamma (P-wave k^3); the R of
 * each final state in part[2] = {3pi, pi0 gamma} (the Breit-Wigner is linear in Gamma_f). */
static double fb_rratio_omega_parts(double s, double part[2]) {
  const double m = FB_OMEGA_M_GEV, w = FB_OMEGA_W_GEV, m2 = m * m;
  const double rs = sqrt(s);
  double w3 = 0.0;
  if (rs > 2.0 * FB_MPI_CHARGED_GEV + FB_MPI0_GEV) w3 = FB_OMEGA_B3PI * w;
  const double kr = fb_two_body_k(s, FB_MPI0_GEV, 0.0) / fb_two_body_k(m2, FB_MPI0_GEV, 0.0);
  const double wg = FB_OMEGA_BPI0G * w * fb_pwave(kr);
  const double wf = w3 + wg;
  const double r = fb_bw_r(s, m, w, FB_OMEGA_BEE * w, wf);
  part[0] = wf > 0.0 ? r * (w3 / wf) : 0.0;
  part[1] = wf > 0.0 ? r * (wg / wf) : 0.0;
  return r;
}

static double fb_rratio_omega(double s) {
  double part[2];
  return fb_rratio_omega_parts(s, part);
}

/* phi(1020): K+K- and KS KL with P-wave widths Gamma_i(s) = Gamma B_i (M/sqrt s)(k/k_M)^3
 * (not frozen: the growth above the peak stands in for the K Kbar continuum of the phi-like
 * excitations; the phi is part of the low-energy model that is blended out by 2.1 GeV),
 * 3pi constant above threshold, eta gamma with k^3; energy-dependent total width in the
 * denominator (standard P-wave form, PDG 2024 "Resonances" review). */
static double fb_rratio_phi_parts(double s, double part[4]) {
  const double m = FB_PHI_M_GEV, w = FB_PHI_W_GEV, m2 = m * m, rs = sqrt(s);
  const double kc = fb_two_body_k(s, FB_MK_CHARGED_GEV, FB_MK_CHARGED_GEV) /
                    fb_two_body_k(m2, FB_MK_CHARGED_GEV, FB_MK_CHARGED_GEV);
  const double k0 = fb_two_body_k(s, FB_MK0_GEV, FB_MK0_GEV) / fb_two_body_k(m2, FB_MK0_GEV, FB_MK0_GEV);
  const double ke = fb_two_body_k(s, FB_META_GEV, 0.0) / fb_two_body_k(m2, FB_META_GEV, 0.0);
  const double wkk = w * (m / rs) * FB_PHI_BKK * kc * kc * kc, wk0 = w * (m / rs) * FB_PHI_BKSKL * k0 * k0 * k0;
  const double weg = FB_PHI_BETAG * w * fb_pwave(ke);
  const double w3 = rs > 2.0 * FB_MPI_CHARGED_GEV + FB_MPI0_GEV ? FB_PHI_B3PI * w : 0.0;
  const double wf = wkk + wk0 + weg + w3;
  const double wtot = wf + (1.0 - FB_PHI_BKK - FB_PHI_BKSKL - FB_PHI_B3PI - FB_PHI_BETAG) * w;
  const double a = FB_ALPHA_EM, dm = s - m2;
  const double r = 9.0 * s * (FB_PHI_BEE * w) * wf / (a * a * (dm * dm + s * wtot * wtot));
  /* {K+K-, K_S K_L, 3pi, eta gamma} */
  part[0] = wf > 0.0 ? r * (wkk / wf) : 0.0;
  part[1] = wf > 0.0 ? r * (wk0 / wf) : 0.0;
  part[2] = wf > 0.0 ? r * (w3 / wf) : 0.0;
  part[3] = wf > 0.0 ? r * (weg / wf) : 0.0;
  return r;
}

static double fb_rratio_phi(double s) {
  double part[4];
  return fb_rratio_phi_parts(s, part);
}

/* ================================================================== perturbative QCD */

/* Massless correction K = 1 + a + c2 a^2 + c3 a^3, a = alpha_s/pi,
 * c2 = 1.9857 - 0.1152 nf, c3 = -6.63694 - 1.20013 nf - 0.00518 nf^2 (non-singlet;
 * PDG 2024 QCD review eq. (9.7); the singlet term, zero for u,d,s, is dropped). */
static double fb_rratio_kqcd(double as, int nf) {
  const double a = as / FB_PI;
  const double c2 = 1.9857 - 0.1152 * nf;
  const double c3 = -6.63694 - 1.20013 * nf - 0.00518 * nf * nf;
  return 1.0 + a * (1.0 + a * (c2 + a * c3));
}

/* Born velocity factor of a vector current, v (3 - v^2)/2, v = sqrt(1 - 4 M^2/s), with M the
 * lightest open-flavour meson so that the continuum starts at the physical threshold. */
static double fb_rratio_vel(double s, double M) {
  const double x = 1.0 - 4.0 * M * M / s;
  if (x <= 0.0) return 0.0;
  const double v = sqrt(x);
  return 0.5 * v * (3.0 - v * v);
}

double fb_rratio_eval_pqcd(const fb_rratio *R, double sqrt_s_GeV) {
  if (!(sqrt_s_GeV > 0.0)) return 0.0;
  const double s = sqrt_s_GeV * sqrt_s_GeV;
  const double as = fb_rratio_alphas(R, sqrt_s_GeV);
  const int nf = sqrt_s_GeV < 2.0 * FB_MD0_GEV ? 3 : (sqrt_s_GeV < 2.0 * FB_MB0_GEV ? 4 : 5);
  const double K = fb_rratio_kqcd(as, nf);
  /* R = 3 sum_q Q_q^2 (...): u,d,s give 3 (4/9 + 1/9 + 1/9) = 2 */
  double r = 2.0;
  r += 3.0 * (4.0 / 9.0) * fb_rratio_vel(s, FB_MD0_GEV);
  r += 3.0 * (1.0 / 9.0) * fb_rratio_vel(s, FB_MB0_GEV);
  return r * K;
}

/* Low-energy model: pi+pi-, omega, phi and the multi-hadron turn-on. */
static double fb_rratio_lowsmooth(const fb_rratio *R, double rs) {
  const double s = rs * rs;
  double r = fb_rratio_eval_pipi(R, rs) + fb_rratio_omega(s) + fb_rratio_phi(s);
  if (rs > 4.0 * FB_MPI_CHARGED_GEV) {
    const double S = 1.0 / (1.0 + exp(-(rs - FB_RRATIO_MH_E0_GEV) / FB_RRATIO_MH_W_GEV));
    r += S * fb_rratio_eval_pqcd(R, rs);
  }
  return r;
}

double fb_rratio_eval(const fb_rratio *R, double sqrt_s_GeV) {
  if (!(sqrt_s_GeV > FB_MPI0_GEV)) return 0.0; /* also NaN */
  double rs = sqrt_s_GeV > FB_RRATIO_SQRTS_MAX_GEV ? FB_RRATIO_SQRTS_MAX_GEV : sqrt_s_GeV;
  const double s = rs * rs;
  double r;
  if (rs <= FB_RRATIO_BLEND_LO_GEV) {
    r = fb_rratio_lowsmooth(R, rs);
  } else if (rs >= FB_RRATIO_BLEND_HI_GEV) {
    r = fb_rratio_eval_pqcd(R, rs);
  } else {
    const double t = (rs - FB_RRATIO_BLEND_LO_GEV) / (FB_RRATIO_BLEND_HI_GEV - FB_RRATIO_BLEND_LO_GEV);
    r = (1.0 - t) * fb_rratio_lowsmooth(R, rs) + t * fb_rratio_eval_pqcd(R, rs);
  }
  if (rs > 2.5) {
    for (size_t i = 0; i < FB_NQUARKONIA; i++) {
      const fb_rratio_bw *b = &fb_quarkonia[i];
      double wf = b->bhad * b->w_GeV;
      if (b->mthr_GeV > 0.0) { /* open-flavour pair in a P wave: no width below threshold */
        const double kr = fb_two_body_k(s, b->mthr_GeV, b->mthr_GeV) /
                          fb_two_body_k(b->m_GeV * b->m_GeV, b->mthr_GeV, b->mthr_GeV);
        wf *= fb_pwave(kr);
      }
      r += fb_bw_r(s, b->m_GeV, b->w_GeV, b->wee_GeV, wf);
    }
  }
  return r;
}

/* ================================================================== exclusive channels */

/* Split of the multi-hadron turn-on S(E) R_pQCD(E) (the 1-2 GeV region) into 2pi+2pi-, pi+pi-2pi0 and
 * the rest (KK pi, eta pi pi, 5pi, 6pi, ...), from the same exclusive e+e- data that anchor it (top
 * of this file): at 1.2 GeV 8 nb 2pi+2pi- [BaBar arXiv:1201.5677] and 22 nb pi+pi-2pi0 incl. omega pi0
 * [BaBar arXiv:1709.01171; SND hep-ex/0305049], rest 0; at 1.5 GeV 30, 35 and 7 nb [same refs;
 * arXiv:0710.4451, arXiv:1808.08038]. Shares linear in sqrt(s) between the anchors, held constant
 * outside them (below 1.2 GeV the turn-on is small and 4pi is all there is; above 1.5 GeV the shares
 * of the 1.5 GeV anchor are kept up to the blend into pQCD, where everything is "other"). */
#define FB_RR_MH_E1_GEV 1.2
#define FB_RR_MH_E2_GEV 1.5
static const double fb_rr_mh_4pic[2] = {8.0 / 30.0, 30.0 / 72.0};
static const double fb_rr_mh_2pi2pi0[2] = {22.0 / 30.0, 35.0 / 72.0};

void fb_rratio_eval_channels(const fb_rratio *R, double sqrt_s_GeV, double r[FB_RR_NCH]) {
  for (int c = 0; c < FB_RR_NCH; ++c) r[c] = 0.0;
  if (!(sqrt_s_GeV > FB_MPI0_GEV)) return;
  const double rs = sqrt_s_GeV > FB_RRATIO_SQRTS_MAX_GEV ? FB_RRATIO_SQRTS_MAX_GEV : sqrt_s_GeV;
  const double total = fb_rratio_eval(R, rs);
  double wlow = 1.0; /* weight of the low-energy model in the blend window */
  if (rs >= FB_RRATIO_BLEND_HI_GEV) wlow = 0.0;
  else if (rs > FB_RRATIO_BLEND_LO_GEV)
    wlow = 1.0 - (rs - FB_RRATIO_BLEND_LO_GEV) / (FB_RRATIO_BLEND_HI_GEV - FB_RRATIO_BLEND_LO_GEV);
  double sum = 0.0;
  if (wlow > 0.0) {
    const double s = rs * rs;
    double om[2], ph[4];
    fb_rratio_omega_parts(s, om);
    fb_rratio_phi_parts(s, ph);
    r[FB_RR_PIPI] = wlow * fb_rratio_eval_pipi(R, rs);
    r[FB_RR_3PI] = wlow * (om[0] + ph[2]);
    r[FB_RR_PI0GAMMA] = wlow * om[1];
    r[FB_RR_KK] = wlow * ph[0];
    r[FB_RR_K0K0] = wlow * ph[1];
    r[FB_RR_ETAGAMMA] = wlow * ph[3];
    if (rs > 4.0 * FB_MPI_CHARGED_GEV) {
      const double S = 1.0 / (1.0 + exp(-(rs - FB_RRATIO_MH_E0_GEV) / FB_RRATIO_MH_W_GEV));
      const double mh = wlow * S * fb_rratio_eval_pqcd(R, rs);
      double t = (rs - FB_RR_MH_E1_GEV) / (FB_RR_MH_E2_GEV - FB_RR_MH_E1_GEV);
      t = t < 0.0 ? 0.0 : (t > 1.0 ? 1.0 : t);
      r[FB_RR_4PI_CHARGED] = mh * ((1.0 - t) * fb_rr_mh_4pic[0] + t * fb_rr_mh_4pic[1]);
      r[FB_RR_2PI_2PI0] = mh * ((1.0 - t) * fb_rr_mh_2pi2pi0[0] + t * fb_rr_mh_2pi2pi0[1]);
    }
    for (int c = 0; c < FB_RR_OTHER; ++c) sum += r[c];
  }
  /* the rest: multi-hadron states not resolved above, pQCD, quarkonia (exactly total - sum) */
  r[FB_RR_OTHER] = total > sum ? total - sum : 0.0;
}

/* ================================================================== init / free */

int fb_rratio_init(fb_rratio *R, fb_err *err) {
  FB_TEST(err, R == NULL, FB_ERR_INPUT, "R is NULL");
  R->initialised = 0;
  FB_CALL(err, fb_alpha_s_table_init(&R->as, FB_RRATIO_MU_FREEZE_GEV, FB_RRATIO_MU_TABLE_MAX_GEV,
                                     FB_ALPHA_S_LOOPS, 6, err));
  for (int i = 0; i < 4; i++) fb_gs_setup(&R->rho[i], fb_rho_m_GeV[i], fb_rho_w_GeV[i]);
  R->initialised = 1;
  return FB_OK;
}

void fb_rratio_free(fb_rratio *R) {
  if (R != NULL) R->initialised = 0;
}
