/**
 * @file bbn_weak.c
 * @brief Weak n <-> p rates, tabulated once on (T_gamma, T_nu / T_gamma).
 *
 * Physics (Pitrou et al., arXiv:1801.08023, sec. III; Dicus et al., PRD 26 (1982) 2694). In units
 * of m_e, with q = (m_n - m_p)/m_e, eps the electron (or positron) energy and p its momentum,
 * the six processes combine into two integrals over eps >= 1 (using 1 - f(x) = f(-x) for a
 * Fermi-Dirac distribution without chemical potential):
 *   lambda_np = K int deps eps p [ (eps-q)^2 F(eps) R(eps,|eps-q|) (1 - f_e(eps)) f_nu(eps-q)
 *                                + (eps+q)^2 R(eps,eps+q) f_e(eps) (1 - f_nu(eps+q)) ]
 *   lambda_pn = K int deps eps p [ (eps-q)^2 F(eps) R(eps,|eps-q|) f_e(eps) (1 - f_nu(eps-q))
 *                                + (eps+q)^2 R(eps,eps+q) (1 - f_e(eps)) f_nu(eps+q) ]
 * The first term holds n -> p e nu (eps < q) and n nu -> p e (eps > q), resp. p e -> n nu and
 * p e nu -> n; the second n e+ -> p nu and p nu -> n e+. f_e uses T_gamma, f_nu uses T_nu.
 *  - F: the non-relativistic Fermi function 2 pi eta / (1 - exp(-2 pi eta)), eta = alpha eps / p,
 *    applied where the electron and the proton are on the same side (Pitrou et al. eq. 95).
 *  - R = 1 + (alpha / 2 pi) g(eps, E_nu): Sirlin's O(alpha) outer radiative correction (A. Sirlin,
 *    Phys. Rev. 164 (1967) 1767; Pitrou et al. eq. 101) with the neutrino energy E_nu in place of
 *    E_0 - E, applied to all processes as in Pitrou et al.
 *  - Finite-nucleon-mass corrections to first order in (T, Q, m_e)/m_N: recoil, weak magnetism
 *    and the thermal motion of the nucleons (Pitrou et al. sec. III.D, eqs. 115 and B23; the
 *    vacuum counterpart eq. B26 enters the normalisation). They raise Yp by 1.2e-3 (Seckel,
 *    arXiv:hep-ph/9305311: 1.2e-3) and turn the detailed-balance ratio of the rates into
 *    (m_n/m_p)^{3/2} exp(-Q/T).
 *  - K is fixed by the neutron lifetime: lambda_np(T -> 0) = 1/tau_n. Constant factors of the
 *    radiative correction (short-distance part, resummation) thereby cancel.
 * Not included (see README): finite-temperature radiative corrections and bremsstrahlung
 * (Pitrou et al. sec. III.E), the relativistic Fermi function
 * with nuclear size (eq. 100; largely cancels in the normalisation), spectral distortions of
 * the neutrinos (sec. V).
 *
 * Numerics: Gauss-Legendre (8 points) on segments in p that are geometric (ratio BBN_WEAK_SEG_RATIO) from
 * 0.02 to 1500 (m_e units) with a break at p(q). The T-independent factors are computed once per node, so a
 * table entry costs one sum of Fermi-Dirac factors. Table: ln T in [ln 0.004, ln 32] MeV
 * (BBN_WEAK_NT points), r = T_nu/T in [0.5, 1.3] (BBN_WEAK_NR points); bicubic (4-point Lagrange)
 * in (ln T, r) on ln(lambda tau_n). The finite-nucleon-mass part is computed on every
 * BBN_WEAK_FM_STEP_T-th ln T node and interpolated (see bbn_weak_table_build). Below the table lambda_np = 1/tau_n, lambda_pn = 0.
 */
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_sf_dilog.h>

#include "bbn_internal.h"
#include "fb_constants.h"

#define BBN_WEAK_NT 201
#define BBN_WEAK_NR 17
#define BBN_WEAK_T_MIN_MEV 0.004
#define BBN_WEAK_T_MAX_MEV 32.0
#define BBN_WEAK_R_MIN 0.5
#define BBN_WEAK_R_MAX 1.3
#define BBN_WEAK_FM_STEP_T 4   /* finite-mass ratio on every 4th ln T node (200 = 4 x 50) */
#define BBN_WEAK_FM_STEP_R 1   /* and on every r node */
#define BBN_WEAK_FM_MAX 0.75    /* bound on the first-order finite-nucleon-mass ratio (bbn_weak_table_build) */
#define BBN_WEAK_P_MAX 1500.0  /* electron momentum cut [m_e]: 1500 m_e >> 40 T at T = 32 MeV */
/* Ratio of the geometric segments in p (8 Gauss-Legendre points each). 1.5 against the former 1.25: < 1.6e-6 in
 * ln lambda for T = 5 keV-10 MeV, T_nu/T = 0.6-1.2 (lambda_pn where it is > 1e-3 lambda_np), < 2e-8 above
 * 50 keV; 40% fewer nodes (table 25 -> 14 ms). test_bbn_cache: test_weak_segments; docs/performance.md. */
#define BBN_WEAK_SEG_RATIO 1.5


/* Fermi-Dirac occupations f(x) and f(-x) = 1 - f(x) from one exponential (same values as fd). */
static void fd_pair(double x, double *f, double *fbar) {
  const double e = exp(-fabs(x));
  const double lo = e / (1.0 + e), hi = 1.0 / (1.0 + e);
  *f = x > 0.0 ? lo : hi;
  *fbar = x > 0.0 ? hi : lo;
}

/* The same from e = exp(-|x|) given by the caller */
static void fd_pair_e(double x, double e, double *f, double *fbar) {
  const double lo = e / (1.0 + e), hi = 1.0 / (1.0 + e);
  *f = x > 0.0 ? lo : hi;
  *fbar = x > 0.0 ? hi : lo;
}

/* Sirlin's g(E, y) (Phys. Rev. 164 (1967) 1767, eq. 20b), E the electron energy and y the
 * neutrino energy, both in units of m_e. */
static double sirlin_g(double E, double y) {
  const double p = sqrt(E * E - 1.0), beta = p / E;
  const double ath = atanh(beta), th = ath / beta;
  const double L = -gsl_sf_dilog(2.0 * beta / (1.0 + beta)); /* L(x) = int_0^x ln(1-t)/t dt */
  const double mp_me = FB_MP_GEV / FB_ME_GEV;
  return 3.0 * log(mp_me) - 0.75 + 4.0 * (th - 1.0) * (y / (3.0 * E) - 1.5 + log(2.0 * y)) +
         4.0 / beta * L + th * (2.0 * (1.0 + beta * beta) + y * y / (6.0 * E * E) - 4.0 * ath);
}

/* Nucleon axial coupling g_A (PDG 2024) and the difference of the anomalous magnetic moments
 * kappa_p - kappa_n (weak magnetism; Pitrou et al. eq. B9, Ivanov et al. arXiv:1212.0332). */
#define BBN_GA FB_GA_NUCLEON
#define BBN_DKAPPA FB_DKAPPA_PN

/* Finite-nucleon-mass correction (recoil, weak magnetism, thermal nucleon motion) to the
 * integrand of the n -> p (s = +1) or p -> n (s = -1) rate at signed electron energy en (en < 0:
 * the positron branch), to first order in T/m_N, Q/m_N, m_e/m_N: Pitrou et al.
 * arXiv:1801.08023 eqs. (B23), (115), with the nucleon mass of the final state (m_p for n -> p,
 * m_n for p -> n) and the first term of (B23) with g_nu^(2,0), as in PRIMAT. All energies in
 * units of m_e; x = m_e/T, y = m_e/T_nu; E = en - s q is the neutrino energy; g = f_nu(E),
 * h = 1 - g and ge = 1 - f_e(en) are passed in (the Born sum already has them). The terms
 * D(n,m) = d^m/dE^m [E^n g(E)] use g' = -y g h and g'' = y^2 g h (h - g). */
typedef struct fm_coef {
  double f1, f2, f3, M, mass_ratio_term;
} fm_coef;

static fm_coef fm_coef_make(int s) {
  const double den = 1.0 + 3.0 * BBN_GA * BBN_GA;
  const double Mp = FB_MP_GEV / FB_ME_GEV, Mn = FB_MN_GEV / FB_ME_GEV;
  fm_coef c;
  c.f1 = ((1.0 + s * BBN_GA) * (1.0 + s * BBN_GA) + 2.0 * BBN_DKAPPA * s * BBN_GA) / den;
  c.f2 = ((1.0 - s * BBN_GA) * (1.0 - s * BBN_GA) - 2.0 * BBN_DKAPPA * s * BBN_GA) / den;
  c.f3 = (BBN_GA * BBN_GA - 1.0) / den;
  c.M = s > 0 ? Mp : Mn;
  c.mass_ratio_term = 1.0 - (s > 0 ? Mn / Mp : Mp / Mn);
  return c;
}

/* The constant factors of chi_fm at one x = m_e/T (the divisions out of the inner loop) */
typedef struct fm_xcoef {
  double k1, k2, k3, k4, k5, k6, k7, k8, k9;
} fm_xcoef;

static fm_xcoef fm_at_x(const fm_coef *c, double x) {
  const double invM = 1.0 / c->M, a = invM / x, fs = c->f1 + c->f2 + c->f3;
  fm_xcoef k;
  k.k1 = c->f1 * invM;
  k.k2 = c->f2 * invM;
  k.k3 = 0.5 * fs * a;
  k.k4 = 0.5 * fs * invM;
  k.k5 = (c->f1 + c->f2) * a;
  k.k6 = 3.0 * c->f3 * a;
  k.k7 = c->f3 * invM / 3.0;
  k.k8 = c->f3 * a / 3.0;
  k.k9 = 1.5 * fs / x * c->mass_ratio_term;
  return k;
}

static double chi_fm(const fm_xcoef *k, double en, double E, double y, double g, double h, double ge) {
  const double pe2 = en * en - 1.0, pe2_en = pe2 / en;
  const double E2 = E * E, E3 = E2 * E, E4 = E3 * E, gh = g * h, c2 = y * y * gh * (h - g);
  const double d20 = E2 * g, d30 = E3 * g;
  const double d21 = 2.0 * E * g - y * E2 * gh, d31 = 3.0 * E2 * g - y * E3 * gh;
  const double d41 = 4.0 * E3 * g - y * E4 * gh;
  const double d22 = 2.0 * g - 4.0 * y * E * gh + E2 * c2;
  const double d32 = 6.0 * E * g - 6.0 * y * E2 * gh + E3 * c2;
  const double d42 = 12.0 * E2 * g - 8.0 * y * E3 * gh + E4 * c2;
  return ge * (k->k1 * d20 * pe2_en - k->k2 * d30 + k->k3 * (d42 + d22 * pe2) + k->k4 * (d41 + d21 * pe2) -
               k->k5 * (d31 - d21 * pe2_en) - k->k6 * d20 + k->k7 * d31 * pe2_en + k->k8 * d32 * pe2_en - k->k9 * d21);
}

/* The same correction for neutron decay in vacuum (Pitrou et al. eq. B26), for the
 * normalisation to tau_n. */
static double chi_fm_decay(double en, double q) {
  const double pe2 = en * en - 1.0, M = FB_MN_GEV / FB_ME_GEV, d = q - en;
  const double den = 1.0 + 3.0 * BBN_GA * BBN_GA;
  const double f1 = ((1.0 + BBN_GA) * (1.0 + BBN_GA) + 2.0 * BBN_DKAPPA * BBN_GA) / den;
  const double f2 = ((1.0 - BBN_GA) * (1.0 - BBN_GA) - 2.0 * BBN_DKAPPA * BBN_GA) / den;
  const double f3 = (BBN_GA * BBN_GA - 1.0) / den;
  return f1 * d * d * pe2 / (M * en) + f2 / M * d * d * d -
         (f1 + f2 + f3) / M * (2.0 * d * d * d + d * pe2) + f3 * d * d * pe2 / (M * en);
}

int bbn_weak_table_build(bbn_tables *tab, fb_err *err) {
  return bbn_weak_table_build_seg(tab, BBN_WEAK_SEG_RATIO, err);
}

int bbn_weak_table_build_seg(bbn_tables *tab, double seg_ratio, fb_err *err) {
  FB_TEST(err, !(seg_ratio >= 1.05 && seg_ratio <= 4.0), FB_ERR_RANGE,
          "weak-rate table: segment ratio %g outside [1.05, 4]", seg_ratio);
  const double q = (FB_MN_GEV - FB_MP_GEV) / FB_ME_GEV;
  const double pq = sqrt(q * q - 1.0);
  /* segment boundaries in p */
  double bnd[128];
  int nb = 0;
  bnd[nb++] = 0.0;
  for (double pb = 0.02; pb < BBN_WEAK_P_MAX && nb < 120; pb *= seg_ratio) {
    if (bnd[nb - 1] < pq && pb > pq) bnd[nb++] = pq;
    bnd[nb++] = pb;
  }
  bnd[nb++] = BBN_WEAK_P_MAX;
  const int n_nodes = 8 * (nb - 1);
  double *eps = malloc(sizeof(double) * (size_t)n_nodes);
  double *A = malloc(sizeof(double) * (size_t)n_nodes);
  double *B = malloc(sizeof(double) * (size_t)n_nodes);
  double *WF = malloc(sizeof(double) * (size_t)n_nodes);
  double *WB = malloc(sizeof(double) * (size_t)n_nodes);
  tab->ln_lam_np = malloc(sizeof(double) * BBN_WEAK_NT * BBN_WEAK_NR);
  tab->ln_lam_pn = malloc(sizeof(double) * BBN_WEAK_NT * BBN_WEAK_NR);
  if (!eps || !A || !B || !WF || !WB || !tab->ln_lam_np || !tab->ln_lam_pn) {
    free(eps); free(A); free(B); free(WF); free(WB);
    FB_FAIL(err, FB_ERR_MEMORY, "weak-rate table: allocation failed");
  }
  double I0 = 0.0;
  int k = 0;
  for (int s = 0; s + 1 < nb; ++s) {
    const double h = 0.5 * (bnd[s + 1] - bnd[s]), c = 0.5 * (bnd[s + 1] + bnd[s]);
    for (int j = 0; j < 8; ++j, ++k) {
      const double p = c + h * bbn_gl8_x[j], w = h * bbn_gl8_w[j];
      const double e = sqrt(1.0 + p * p);
      const double eta = FB_ALPHA_EM * e / p;
      const double F = 2.0 * FB_PI * eta / (-expm1(-2.0 * FB_PI * eta));
      const double ym = fabs(e - q), yp = e + q;
      const double Rm = 1.0 + FB_ALPHA_EM / (2.0 * FB_PI) * sirlin_g(e, ym);
      const double Rp = 1.0 + FB_ALPHA_EM / (2.0 * FB_PI) * sirlin_g(e, yp);
      eps[k] = e;
      /* eps p deps = p^2 dp */
      WF[k] = w * p * p * F * Rm;
      WB[k] = w * p * p * Rp;
      A[k] = WF[k] * ym * ym;
      B[k] = WB[k] * yp * yp;
      if (p < pq) I0 += A[k] + WF[k] * chi_fm_decay(e, q);
    }
  }
  tab->n_T = BBN_WEAK_NT;
  tab->n_r = BBN_WEAK_NR;
  tab->lnT_min = log(BBN_WEAK_T_MIN_MEV);
  tab->lnT_max = log(BBN_WEAK_T_MAX_MEV);
  tab->r_min = BBN_WEAK_R_MIN;
  tab->r_max = BBN_WEAK_R_MAX;
  const double me_MeV = FB_ME_GEV * 1e3;
  const fm_coef cp = fm_coef_make(+1), cm = fm_coef_make(-1);
  /* The finite-nucleon-mass part is ~1% of the rates and smooth in ln T: its ratio to the Born
   * part is computed on every BBN_WEAK_FM_STEP_T-th ln T node (every BBN_WEAK_FM_STEP_R-th r node)
   * and interpolated by 4-point Lagrange in between; the Born part is computed at every node. Against
   * the former 400 x 33 table computed in full at every node: < 3e-5 in ln lambda for T <= 10 MeV,
   * r = 0.6-1.2 where lambda > e^-50 (docs/performance.md). The corrections cost ~10 Born sums. */
  const int nTc = (BBN_WEAK_NT - 1) / BBN_WEAK_FM_STEP_T + 1, nRc = (BBN_WEAK_NR - 1) / BBN_WEAK_FM_STEP_R + 1;
  double *dnp = malloc(sizeof(double) * (size_t)(4 * nTc * nRc));
  if (!dnp) {
    free(eps); free(A); free(B); free(WF); free(WB);
    FB_FAIL(err, FB_ERR_MEMORY, "weak-rate table: allocation failed");
  }
  double *dpn = dnp + nTc * nRc;
  /* the Born sums of the first pass's nodes, reused by the second (bit-identical: the same loop) */
  double *bnp = dnp + 2 * nTc * nRc, *bpn = dnp + 3 * nTc * nRc;
  double *fe_a = malloc(sizeof(double) * (size_t)(2 * n_nodes));
  if (!fe_a) {
    free(dnp); free(eps); free(A); free(B); free(WF); free(WB);
    FB_FAIL(err, FB_ERR_MEMORY, "weak-rate table: allocation failed");
  }
  double *feb_a = fe_a + n_nodes;
  for (int pass = 0; pass < 2; ++pass) {
    const int with_fm = pass == 0;
    for (int iT = 0; iT < BBN_WEAK_NT; ++iT) {
      if (with_fm && iT % BBN_WEAK_FM_STEP_T) continue;
      const double lnT = tab->lnT_min + (tab->lnT_max - tab->lnT_min) * iT / (BBN_WEAK_NT - 1);
      const double z = exp(lnT) / me_MeV, x = 1.0 / z;
      const fm_xcoef kp = fm_at_x(&cp, x), km = fm_at_x(&cm, x);
      /* the electron occupations depend on T only: once per T for all r */
      const double zmax = BBN_WEAK_R_MAX > 1.0 ? BBN_WEAK_R_MAX * z : z;
      const double eps_cut_max = q + 60.0 * zmax + 10.0;
      for (int m = 0; m < n_nodes && eps[m] < eps_cut_max; ++m) fd_pair(eps[m] / z, fe_a + m, feb_a + m);
      for (int ir = 0; ir < BBN_WEAK_NR; ++ir) {
        if (with_fm && ir % BBN_WEAK_FM_STEP_R) continue;
        const double r = BBN_WEAK_R_MIN + (BBN_WEAK_R_MAX - BBN_WEAK_R_MIN) * ir / (BBN_WEAK_NR - 1);
        const double znu = r * z, xnu = 1.0 / znu;
        double snp = 0.0, spn = 0.0, fnp = 0.0, fpn = 0.0;
        const int on_fm = iT % BBN_WEAK_FM_STEP_T == 0 && ir % BBN_WEAK_FM_STEP_R == 0;
        const int ic_fm = (ir / BBN_WEAK_FM_STEP_R) * nTc + iT / BBN_WEAK_FM_STEP_T;
        const double eps_cut = !with_fm && on_fm ? 0.0 : q + 60.0 * (z > znu ? z : znu) + 10.0; /* beyond: exp(-60) */
        if (!with_fm && on_fm) snp = bnp[ic_fm], spn = bpn[ic_fm];
        /* the neutrino occupations at eps - q and eps + q from one exponential per node: with u = exp(-eps/T_nu)
         * and Qn = exp(-q/T_nu) (>= e^-650 on the table: normal), exp(-|eps - q|/T_nu) = u/Qn (eps > q) or Qn/u,
         * exp(-(eps + q)/T_nu) = u Qn (u < e^-708 only where these terms are < e^-60 of the rate) */
        const double Qn = exp(-q * xnu);
        for (int m = 0; m < n_nodes && eps[m] < eps_cut; ++m) {
          const double fe = fe_a[m], fe_bar = feb_a[m];
          double fm, fm_bar, fp, fp_bar;
          const double u = exp(-eps[m] * xnu), xm = (eps[m] - q) * xnu;
          fd_pair_e(xm, xm > 0.0 ? u / Qn : Qn / u, &fm, &fm_bar);
          fd_pair_e(1.0, u * Qn, &fp, &fp_bar); /* (eps + q)/T_nu > 0 */
          snp += A[m] * fe_bar * fm + B[m] * fe * fp_bar;
          spn += A[m] * fe * fm_bar + B[m] * fe_bar * fp;
          if (!with_fm) continue;
          /* finite-nucleon-mass corrections: electron branch (F, R(|eps-q|)) and positron branch
           * (en = -eps); the neutrino energy is E = en - s q */
          const double e = eps[m];
          fnp += WF[m] * chi_fm(&kp, e, e - q, xnu, fm, fm_bar, fe_bar) +
                 WB[m] * chi_fm(&kp, -e, -e - q, xnu, fp_bar, fp, fe);
          fpn += WB[m] * chi_fm(&km, e, e + q, xnu, fp, fp_bar, fe_bar) +
                 WF[m] * chi_fm(&km, -e, q - e, xnu, fm_bar, fm, fe);
        }
        if (with_fm) {
          dnp[ic_fm] = snp > 0.0 ? fnp / snp : 0.0;
          dpn[ic_fm] = spn > 0.0 ? fpn / spn : 0.0;
          bnp[ic_fm] = snp;
          bpn[ic_fm] = spn;
          continue;
        }
        /* cubic (4-point Lagrange) interpolation of the correction ratios in ln T and in r */
        double wT[4], wR[4];
        const int jT = bbn_lagrange4_coarse(iT, BBN_WEAK_FM_STEP_T, nTc, wT),
                  jR = bbn_lagrange4_coarse(ir, BBN_WEAK_FM_STEP_R, nRc, wR);
        double cnp = 0.0, cpn = 0.0;
        for (int a = 0; a < 4; ++a)
          for (int b = 0; b < 4; ++b) {
            const int ic = (jR + a) * nTc + jT + b;
            cnp += wR[a] * wT[b] * dnp[ic];
            cpn += wR[a] * wT[b] * dpn[ic];
          }
        /* The corrections are first order in T/m_N (Pitrou et al. arXiv:1801.08023 eq. B23): -1% to -10% at
         * T = 1-10 MeV with T_nu = T (~ -10 T/m_N, thermal nucleon motion), but at T = 32 MeV they reach -100% of
         * the Born rate at T_nu/T = 0.5 (lambda_np) and at 1.3 (lambda_pn): a negative rate, NaN (or the -700
         * floor) in ln lambda, and a first-order term that large means the expansion has failed. Guard: the ratio
         * is bounded by BBN_WEAK_FM_MAX = 0.75, which keeps the rates positive (>= 1/4 of the Born rate) and
         * leaves every node with a smaller correction unchanged: all of T <= 20 MeV and, up to 32 MeV, every
         * T_nu/T in [0.8, 1.15] (the solves: T_start <= 30 MeV, T_nu = T while the neutrinos are coupled).
         * test_bbn_cache: test_weak_finite. */
        snp *= 1.0 + fmin(fmax(cnp, -BBN_WEAK_FM_MAX), BBN_WEAK_FM_MAX);
        spn *= 1.0 + fmin(fmax(cpn, -BBN_WEAK_FM_MAX), BBN_WEAK_FM_MAX);
        tab->ln_lam_np[ir * BBN_WEAK_NT + iT] = log(snp / I0);
        tab->ln_lam_pn[ir * BBN_WEAK_NT + iT] = (spn > 0.0) ? log(spn / I0) : -700.0;
      }
    }
  }
  free(dnp);
  free(fe_a);
  free(eps); free(A); free(B); free(WF); free(WB);
  return FB_OK;
}

int bbn_weak_rates(const bbn_tables *tab, double T_MeV, double r, double tau_n_s, double *lam_np,
                   double *lam_pn, fb_err *err) {
  FB_TEST(err, !(T_MeV > 0.0) || !(tau_n_s > 0.0), FB_ERR_INPUT,
          "weak rates: T_MeV = %g and tau_n_s = %g must be positive", T_MeV, tau_n_s);
  FB_TEST(err, !(r >= tab->r_min && r <= tab->r_max), FB_ERR_RANGE,
          "weak rates: T_nu/T_gamma = %g outside the table [%g, %g]", r, tab->r_min, tab->r_max);
  const double lnT = log(T_MeV);
  if (lnT <= tab->lnT_min) {
    *lam_np = 1.0 / tau_n_s;
    *lam_pn = 0.0;
    return FB_OK;
  }
  FB_TEST(err, lnT > tab->lnT_max, FB_ERR_RANGE, "weak rates: T = %g MeV above the table (%g MeV)",
          T_MeV, exp(tab->lnT_max));
  const double xT = (lnT - tab->lnT_min) / (tab->lnT_max - tab->lnT_min) * (tab->n_T - 1);
  const double xr = (r - tab->r_min) / (tab->r_max - tab->r_min) * (tab->n_r - 1);
  /* bicubic: 4-point Lagrange in ln T and in r (stencil clamped at the table edges) */
  int iT = (int)xT - 1, ir = (int)xr - 1;
  if (iT < 0) iT = 0;
  if (iT > tab->n_T - 4) iT = tab->n_T - 4;
  if (ir < 0) ir = 0;
  if (ir > tab->n_r - 4) ir = tab->n_r - 4;
  double wT[4], wr[4];
  bbn_lagrange4(xT - iT, wT);
  bbn_lagrange4(xr - ir, wr);
  double lnp = 0.0, lpn = 0.0;
  for (int a = 0; a < 4; ++a) {
    const double *rn = tab->ln_lam_np + (ir + a) * tab->n_T + iT, *rp = tab->ln_lam_pn + (ir + a) * tab->n_T + iT;
    lnp += wr[a] * (wT[0] * rn[0] + wT[1] * rn[1] + wT[2] * rn[2] + wT[3] * rn[3]);
    lpn += wr[a] * (wT[0] * rp[0] + wT[1] * rp[1] + wT[2] * rp[2] + wT[3] * rp[3]);
  }
  *lam_np = exp(lnp) / tau_n_s;
  *lam_pn = exp(lpn) / tau_n_s;
  return FB_OK;
}
