/**
 * @file fb_thermo_qcd.c
 * @brief The strongly interacting sector of the Standard-Model g_*(T) (fb_thermo.h): hadron resonance gas,
 *        2+1-flavour lattice QCD (Wuppertal-Budapest 2014 or HotQCD 2014) with a free charm gas, the
 *        perturbative QCD pressure to g^5 with its effective-theory coupling, and the joins across the
 *        crossover. Split out of fb_thermo.c (issue 16: one idea per file); units as there ("P" = p/T^4,
 *        "S" = s/T^3).
 */
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_spline.h>

#include "fb_constants.h"
#include "fb_thermo.h"
#include "fb_thermo_internal.h"

/* ------------------------------------------------------------------ hadron resonance gas
 * Light hadrons and resonances up to ~1.7 GeV with PDG 2024 masses (S. Navas et al., Phys. Rev. D
 * 110 (2024) 030001, particle listings; isospin-averaged where members are listed together).
 * g counts spin x isospin x (particle + antiparticle). Heavier states matter only above ~140 MeV,
 * where the lattice equation of state takes over. */
typedef struct th_hadron {
  double g;
  double m_GeV;
  int fermion;
} th_hadron;

static const th_hadron th_hrg[] = {
    {2, FB_MPI_CHARGED_GEV, 0}, {1, FB_MPI0_GEV, 0},        /* pi+-, pi0 */
    {2, FB_MK_CHARGED_GEV, 0},  {2, FB_MK0_GEV, 0},         /* K+-, K0 K0bar */
    {1, 0.54786, 0},   /* eta */
    {9, 0.77526, 0},   /* rho(770) */
    {3, 0.78266, 0},   /* omega(782) */
    {12, 0.8955, 0},   /* K*(892) */
    {1, 0.95778, 0},   /* eta'(958) */
    {1, 0.990, 0},     /* f0(980) */
    {3, 0.980, 0},     /* a0(980) */
    {3, 1.019461, 0},  /* phi(1020) */
    {3, 1.166, 0},     /* h1(1170) */
    {9, 1.2295, 0},    /* b1(1235) */
    {9, 1.230, 0},     /* a1(1260) */
    {12, 1.253, 0},    /* K1(1270) */
    {5, 1.2754, 0},    /* f2(1270) */
    {3, 1.2818, 0},    /* f1(1285) */
    {15, 1.3182, 0},   /* a2(1320) */
    {12, 1.403, 0},    /* K1(1400) */
    {20, 1.4273, 0},   /* K2*(1430) */
    {4, FB_MP_GEV, 1}, {4, FB_MN_GEV, 1},                    /* p, n (+ antiparticles) */
    {4, 1.115683, 1},  /* Lambda */
    {12, 1.1932, 1},   /* Sigma */
    {32, 1.232, 1},    /* Delta(1232) */
    {8, 1.3183, 1},    /* Xi */
    {24, 1.3837, 1},   /* Sigma(1385) */
    {4, 1.4051, 1},    /* Lambda(1405) */
    {8, 1.440, 1},     /* N(1440) */
    {16, 1.515, 1},    /* N(1520) */
    {8, 1.519, 1},     /* Lambda(1520) */
    {8, 1.530, 1},     /* N(1535) */
    {16, 1.5318, 1},   /* Xi(1530) */
    {8, 1.67245, 1},   /* Omega- */
};
#define TH_N_HRG (sizeof th_hrg / sizeof th_hrg[0])

/* ------------------------------------------------------------------ HotQCD 2014 p/T^4
 * A. Bazavov et al. (HotQCD), arXiv:1407.6387, rational-function parametrisation of p/T^4 and
 * its fit coefficients: 2+1 flavours, T_c = 154 MeV, p_id = 95 pi^2/180 (ideal gas of gluons and
 * 3 massless quarks). */
#define HQ_TC_GEV 0.154
#define HQ_CT 3.8706
#define HQ_T0 0.9761
#define HQ_AN (-8.7704)
#define HQ_BN 3.9200
#define HQ_CN 0.0
#define HQ_DN 0.3419
#define HQ_AD (-1.2600)
#define HQ_BD 0.8425
#define HQ_CD 0.0
#define HQ_DD (-0.0475)

static double th_hotqcd_P(double T_GeV) {
  const double t = T_GeV / HQ_TC_GEV;
  const double pid = 95.0 * FB_PI * FB_PI / 180.0;
  const double it = 1.0 / t;
  const double num = pid + it * (HQ_AN + it * (HQ_BN + it * (HQ_CN + it * HQ_DN)));
  const double den = 1.0 + it * (HQ_AD + it * (HQ_BD + it * (HQ_CD + it * HQ_DD)));
  return 0.5 * (1.0 + tanh(HQ_CT * (t - HQ_T0))) * num / den;
}

/* ------------------------------------------------------------------ Wuppertal-Budapest 2014
 * S. Borsanyi et al., Phys. Lett. B 730 (2014) 99, arXiv:1309.5258, eq. (3) and its fit
 * parameters: trace anomaly of 2+1-flavour QCD with physical masses, continuum extrapolated,
 *   I/T^4 = (e - 3p)/T^4 = exp(-h1/t - h2/t^2) [h0 + f0 (tanh(f1 t + f2) + 1)/(1 + g1 t + g2 t^2)],
 * t = T/200 MeV; p/T^4 = int_0^T (I/T'^4) dT'/T' (their eq. (2) with p(T=0) = 0). */
#define WB_T0_GEV 0.2
#define WB_H0 0.1396
#define WB_H1 (-0.1800)
#define WB_H2 0.0350
#define WB_F0 1.05
#define WB_F1 6.39
#define WB_F2 (-4.72)
#define WB_G1 (-0.92)
#define WB_G2 0.57
#define WB_T_LO_GEV 0.005   /* I/T^4 < e^-45 below: start of the p/T^4 integral */
#define WB_DLNT 0.002       /* step of the p/T^4 table in ln T */

static double th_wb_I(double T_GeV) {
  const double t = T_GeV / WB_T0_GEV;
  return exp(-WB_H1 / t - WB_H2 / (t * t)) *
         (WB_H0 + WB_F0 * (tanh(WB_F1 * t + WB_F2) + 1.0) / (1.0 + WB_G1 * t + WB_G2 * t * t));
}

/** Activity of the plasma's QCD content: N_f,eff = sum_q P_q / P_q(massless) and the same
 *  fraction for b and t alone (used to pick the effective-theory coupling). */
typedef struct th_qcd_content {
  double nf_eff;   /**< mass-weighted number of active flavours */
  double w_b;      /**< P_b / P_b(massless) */
  double w_t;      /**< P_t / P_t(massless) */
} th_qcd_content;

/** Free gluons + 6 quarks: P, S and the flavour content. */
static void th_qgp_free(const fb_thermo *th, double T, double *P, double *S, th_qcd_content *q) {
  const double v = fb_th_vratio(th, T);
  const double mq[6] = {FB_MU_QUARK_GEV, FB_MD_QUARK_GEV, FB_MS_QUARK_GEV,
                        FB_MC_QUARK_GEV, FB_MB_QUARK_GEV, FB_MT_QUARK_GEV * v};
  double p = 16.0 * TH_PB0, r = 48.0 * TH_PB0, nf = 0.0, pi, ri;
  for (int i = 0; i < 6; i++) {
    fb_th_ideal(th, mq[i], T, 1, &pi, &ri);                             /* 2 spin x 3 colour x 2 */
    p += 12.0 * pi;
    r += 12.0 * ri;
    nf += pi / TH_PF0;
    if (i == 4) q->w_b = pi / TH_PF0;
    if (i == 5) q->w_t = pi / TH_PF0;
  }
  *P = p;
  *S = p + r;
  q->nf_eff = nf;
}

/**
 * alpha_s(mu) of the plasma's effective theory. For T << m_q the heavy quark q is absent from
 * the plasma and decouples (Appelquist-Carazzone), so the pressure's coupling is that of the
 * theory without q even when mu = 2 pi T exceeds m_q; for T >> m_q it is the full coupling.
 * Dimensionally reduced computations with massive quarks (Laine & Schroder hep-ph/0603048,
 * sec. 4) find that the interaction corrections switch on with the quark's free-gas weight, so
 * the couplings are interpolated with w_b, w_t = P_q/P_q(massless). This also removes the
 * unphysical step in s = dp/dT that a flavour threshold at mu = 2 pi T = m_t (T = 27.5 GeV)
 * caused (d alpha/d ln mu jumps there while the top is still Boltzmann suppressed).
 */
static double th_alpha_eff(const fb_thermo *th, double lnmu, const th_qcd_content *q) {
  const double mu = exp(lnmu);
  const double a6 = fb_alpha_s_table_eval(&th->as[0], mu);
  const double a5 = fb_alpha_s_table_eval(&th->as[2], mu);
  const double a4 = fb_alpha_s_table_eval(&th->as[1], mu);
  return a4 + q->w_b * (a5 - a4) + q->w_t * (a6 - a5);
}

/**
 * Ratio of the interacting to the free QCD pressure at order g^order, renormalisation scale
 * mu = xi 2 pi T (xi = par.pqcd_scale): p/p_SB = [sum_k c_k (alpha_s/pi)^(k/2)] / c_0 with
 * (Arnold & Zhai hep-ph/9410360, Zhai & Kastening hep-ph/9507380, Braaten & Nieto
 * hep-ph/9510408; in the form of Kajantie et al. hep-ph/0211321 eqs. (4.x), their p_0 .. p_5),
 * L = ln(mu / 2 pi T) = ln xi:
 *   c0 = 1 + 21/32 Nf, c2 = -15/4 (1 + 5/12 Nf), c3 = 30 (1 + Nf/6)^(3/2),
 *   c4 = 237.2 + 15.97 Nf - 0.4150 Nf^2 + 135/2 (1 + Nf/6) ln[alpha_s/pi (1 + Nf/6)]
 *        - 165/8 (1 + 5/12 Nf)(1 - 2/33 Nf) L,
 *   c5 = (1 + Nf/6)^(1/2) [-799.2 - 21.96 Nf - 1.926 Nf^2 + 495/2 (1 + Nf/6)(1 - 2/33 Nf) L].
 * The L terms are fixed by renormalisation-group invariance (they cancel the one-loop running,
 * beta_0 = (11 - 2/3 Nf)/4 for alpha_s/pi, of the c2 and c3 terms). Nf is the mass-weighted
 * number of active flavours (heavy quarks switch on smoothly).
 */
static double th_pqcd_ratio(const fb_thermo *th, double T, const th_qcd_content *q) {
  const double xi = th->par.pqcd_scale;
  const double L = log(xi);
  const double nf = q->nf_eff;
  const double a = th_alpha_eff(th, log(2.0 * FB_PI * T * xi), q) / FB_PI;
  const double sa = sqrt(a);
  const double z = 1.0 + nf / 6.0;
  const double rg = 1.0 - 2.0 / 33.0 * nf;
  const double c[6] = {1.0 + 21.0 / 32.0 * nf,
                       0.0,
                       -15.0 / 4.0 * (1.0 + 5.0 / 12.0 * nf),
                       30.0 * z * sqrt(z),
                       237.2 + 15.97 * nf - 0.4150 * nf * nf + 67.5 * z * log(a * z)
                           - 165.0 / 8.0 * (1.0 + 5.0 / 12.0 * nf) * rg * L,
                       sqrt(z) * (-799.2 - 21.96 * nf - 1.926 * nf * nf + 247.5 * z * rg * L)};
  double sum = 0.0, pw = 1.0;
  for (int k = 0; k <= th->par.pqcd_order && k <= 5; k++) {
    sum += c[k] * pw;
    pw *= sa;
  }
  return sum / c[0];
}

static void th_sector_pqcd(const fb_thermo *th, double T, double *P, double *S) {
  double Pf, Sf, Pp, Sp, Pm, Sm;
  th_qcd_content q, qp, qm;
  th_qgp_free(th, T, &Pf, &Sf, &q);
  th_qgp_free(th, T * exp(TH_DLNT), &Pp, &Sp, &qp);
  th_qgp_free(th, T * exp(-TH_DLNT), &Pm, &Sm, &qm);
  const double R = th_pqcd_ratio(th, T, &q);
  const double dR = (th_pqcd_ratio(th, T * exp(TH_DLNT), &qp) -
                     th_pqcd_ratio(th, T * exp(-TH_DLNT), &qm)) / (2.0 * TH_DLNT);
  /* p = R p_free  =>  s/T^3 = R S_free + (dR/dlnT) P_free */
  *P = R * Pf;
  *S = R * Sf + dR * Pf;
}

/** Factor multiplying the free top-quark pressure inside the strong sector: the QCD ratio R of
 *  th_pqcd_ratio where the perturbative pressure is used (T >= T_pqcd_lo), 1 below (the top is
 *  absent there). Used so that the vacuum-energy term matches the top's dp/dm exactly. */
double fb_th_strong_top_weight(const fb_thermo *th, double T) {
  double dw;
  const double wq = fb_th_step(T, th->par.T_pqcd_lo_GeV, th->par.T_pqcd_hi_GeV, &dw);
  if (wq <= 0.0) return 1.0;
  double Pf, Sf;
  th_qcd_content q;
  th_qgp_free(th, T, &Pf, &Sf, &q);
  return (1.0 - wq) + wq * th_pqcd_ratio(th, T, &q);
}

static void th_sector_hrg(const fb_thermo *th, double T, double *P, double *S) {
  double p = 0.0, r = 0.0, pi, ri;
  for (size_t i = 0; i < TH_N_HRG; i++) {
    fb_th_ideal(th, th_hrg[i].m_GeV, T, th_hrg[i].fermion, &pi, &ri);
    p += th_hrg[i].g * pi;
    r += th_hrg[i].g * ri;
  }
  *P = p;
  *S = p + r;
}

/** p/T^4 of the Wuppertal-Budapest parametrisation, tabulated from WB_T_LO_GEV to above the end
 *  of the lattice -> perturbative join (cumulative Simpson rule in ln T). */
int fb_th_lattice_table(fb_thermo *th, fb_err *err) {
  if (th->par.lattice_eos != 1) return FB_OK;
  const double lo = log(WB_T_LO_GEV), hi = log(th->par.T_pqcd_hi_GeV) + 0.1;
  th->nlat = (size_t)ceil((hi - lo) / WB_DLNT) + 1;
  th->lnT_lat = malloc(th->nlat * sizeof *th->lnT_lat);
  th->P_lat = malloc(th->nlat * sizeof *th->P_lat);
  FB_TEST(err, th->lnT_lat == NULL || th->P_lat == NULL, FB_ERR_MEMORY, "out of memory");
  const double h = (hi - lo) / (double)(th->nlat - 1);
  th->lnT_lat[0] = lo;
  th->P_lat[0] = 0.0;
  for (size_t i = 1; i < th->nlat; i++) {
    th->lnT_lat[i] = lo + h * (double)i;
    th->P_lat[i] = th->P_lat[i - 1] + h / 6.0 * (th_wb_I(exp(th->lnT_lat[i] - h)) +
                                                 4.0 * th_wb_I(exp(th->lnT_lat[i] - 0.5 * h)) +
                                                 th_wb_I(exp(th->lnT_lat[i])));
  }
  th->sp_lat = gsl_spline_alloc(gsl_interp_cspline, th->nlat);
  FB_TEST(err, th->sp_lat == NULL, FB_ERR_MEMORY, "out of memory");
  int st = gsl_spline_init(th->sp_lat, th->lnT_lat, th->P_lat, th->nlat);
  if (st) return fb_th_gsl_fail(err, st, __func__, __LINE__, "gsl_spline_init (lattice p/T^4)");
  return FB_OK;
}

/** 2+1-flavour lattice QCD (Wuppertal-Budapest or HotQCD) plus a free charm quark gas. */
static void th_sector_lattice(const fb_thermo *th, double T, double *P, double *S) {
  double Ph, Sh;
  if (th->par.lattice_eos == 1) {
    /* s/T^3 = 4 p/T^4 + d(p/T^4)/dlnT = 4 p/T^4 + I/T^4 */
    const double l = fmin(fmax(log(T), th->lnT_lat[0]), th->lnT_lat[th->nlat - 1]);
    Ph = gsl_spline_eval(th->sp_lat, l, NULL);
    Sh = 4.0 * Ph + th_wb_I(T);
  } else {
    Ph = th_hotqcd_P(T);
    Sh = 4.0 * Ph + (th_hotqcd_P(T * exp(TH_DLNT)) - th_hotqcd_P(T * exp(-TH_DLNT))) /
                        (2.0 * TH_DLNT);
  }
  double pc, rc;
  fb_th_ideal(th, FB_MC_QUARK_GEV, T, 1, &pc, &rc);
  *P = Ph + 12.0 * pc;
  *S = Sh + 12.0 * (pc + rc);
}

/** All strongly interacting matter, joined across the crossover. */
void fb_th_sector_strong(const fb_thermo *th, double T, double *P, double *S) {
  double dwh, dwq;
  const double wh = fb_th_step(T, th->par.T_hrg_lo_GeV, th->par.T_hrg_hi_GeV, &dwh);
  const double wq = fb_th_step(T, th->par.T_pqcd_lo_GeV, th->par.T_pqcd_hi_GeV, &dwq);
  double Plow = 0.0, Slow = 0.0, Ph = 0.0, Sh = 0.0, Pl = 0.0, Sl = 0.0, Pq = 0.0, Sq = 0.0;
  if (wq < 1.0) {
    if (wh < 1.0) th_sector_hrg(th, T, &Ph, &Sh);
    if (wh > 0.0) th_sector_lattice(th, T, &Pl, &Sl);
    /* p = (1-w) p_a + w p_b  =>  S = (1-w) S_a + w S_b + (dw/dlnT)(P_b - P_a) */
    Plow = (1.0 - wh) * Ph + wh * Pl;
    Slow = (1.0 - wh) * Sh + wh * Sl + dwh * (Pl - Ph);
  }
  if (wq > 0.0) th_sector_pqcd(th, T, &Pq, &Sq);
  *P = (1.0 - wq) * Plow + wq * Pq;
  *S = (1.0 - wq) * Slow + wq * Sq + dwq * (Pq - Plow);
}
