/**
 * @file fb_alpha_s.h
 * @brief The one strong coupling of the code: MS-bar alpha_s(mu) run from alpha_s(M_Z) = FB_ALPHAS_MZ
 *        (0.1180, PDG 2024 world average) at 1 to 4 loops, with flavour thresholds.
 *
 * Running: d alpha / d ln mu^2 = -alpha sum_{i < loops} beta_i a^{i+1}, a = alpha/(4 pi), with
 *   beta_0 = 11 - 2 nf/3, beta_1 = 102 - 38 nf/3, beta_2 = 2857/2 - 5033 nf/18 + 325 nf^2/54
 *   (PDG 2024 QCD review eq. (9.5); Tarasov, Vladimirov, Zharkov 1980 for beta_2), and
 *   beta_3 = 149753/6 + 3564 zeta3 - (1078361/162 + 6508 zeta3/27) nf + (50065/162 + 6472 zeta3/81) nf^2
 *   + 1093 nf^3/729 (van Ritbergen, Vermaseren, Larin hep-ph/9701390 eq. (8)).
 * One loop is integrated in closed form, more loops by RK4 for 1/alpha_s in ln mu^2 (nearly linear in it;
 * step <= FB_ALPHA_S_STEP; within 1e-9 of a 20000-step integration at 1-5 GeV, test_fb_alpha_s).
 *
 * Flavours: nf = 3 below m_c, 4 up to m_b, 5 up to m_t, 6 above (MS-bar m_c(m_c), m_b(m_b) and the top
 * mass of fb_constants.h), alpha_s continuous at mu = m_q (the decoupling constant at mu = m_q(m_q) starts
 * at O(alpha_s^2): 11/72 (alpha_s/pi)^2, i.e. < 0.2 % at m_c, Chetyrkin, Kniehl, Steinhauser
 * hep-ph/9706430; RunDec hep-ph/0004189 sec. 3). This is the scheme every caller used before the
 * functions were merged here (review item of issue 16).
 *
 * Orders in use (each caller documents its own):
 *  - 3 loops (FB_ALPHA_S_LOOPS): R ratio, BC4 widths and running masses, HNL Delta_QCD, BC1/BC4/BC10/BC11
 *    production, BC10/BC11 widths, dark-matter freeze-in, QCD pressure of fb_thermo;
 *  - 1 loop with a fixed nf = 5 (fb_alpha_s_fixed_nf): the MLLA multiplicity formula of fb_hadronize.c,
 *    whose coefficients are defined with it.
 *
 * Hot loops use fb_alpha_s_table (uniform in ln mu, cubic Hermite with the exact beta function as node
 * slopes; in the cells holding a threshold, one RK4 run from the node below): within 1e-9 of the direct
 * call (tests/common/test_alpha_s.c).
 */
#ifndef FB_ALPHA_S_H
#define FB_ALPHA_S_H

#include "fb_error.h"

#define FB_ALPHA_S_LOOPS 3         /**< the order used by default (see the list above) */
#define FB_ALPHA_S_STEP 0.05        /**< largest RK4 step in ln mu^2 (the variable is 1/alpha_s) */
#define FB_ALPHA_S_TABLE_N 2048    /**< nodes of fb_alpha_s_table */

/** Active flavours at mu (3 below m_c ... 6 above m_t), capped at nf_max (3 <= nf_max <= 6). */
int fb_alpha_s_nf(double mu_GeV, int nf_max);

/** d alpha / d ln mu^2 at the given order (loops = 1..4) and nf. */
double fb_alpha_s_beta(double alpha, int loops, int nf);

/** alpha_s(mu) of the full theory (thresholds at m_c, m_b, m_t), loops = 1..4; NaN if mu <= 0 or loops
 *  out of range. Fast (~50 ns): one closed form at one loop; at 2-4 loops a process-wide fb_alpha_s_table on
 *  1 GeV - 100 TeV built on the first call (~1 ms, thread-safe), the direct integration outside it. */
double fb_alpha_s(double mu_GeV, int loops);

/** alpha_s(mu) of the effective theory with at most nf_max flavours (nf_max = 6: the full theory), by direct
 *  integration from M_Z (a few microseconds) (the heavier quarks integrated out,
 *  decoupling theorem, Appelquist-Carazzone PRD 11 (1975) 2856), matched continuously to the full theory
 *  at the first removed threshold; equals the full coupling below it. */
double fb_alpha_s_nfmax(double mu_GeV, int loops, int nf_max);

/** alpha_s(mu) run from alpha_s(M_Z) with one fixed nf = 3..6 (no thresholds), as formulas defined with a
 *  fixed nf need it (fb_hadronize.c); NaN for other nf. */
double fb_alpha_s_fixed_nf(double mu_GeV, int loops, int nf);

/** The coupling of the plasma production rates (src/production): alpha_s(mu = 2 pi T) at FB_ALPHA_S_LOOPS
 *  loops, frozen at alpha_s(1 GeV) below mu = 1 GeV (quarks and gluons enter above T_c ~ 0.16 GeV only,
 *  through the QGP weight of fb_production.h). */
double fb_alpha_s_plasma(double T_GeV);

/** A table of fb_alpha_s_nfmax on [mu_min, mu_max] (fixed size: the struct may be copied). */
typedef struct fb_alpha_s_table {
  int loops, nf_max;
  double lnmu_min, lnmu_max, dlnmu;
  double a[FB_ALPHA_S_TABLE_N];   /**< alpha_s at the nodes */
  double da[FB_ALPHA_S_TABLE_N];  /**< d alpha_s / d ln mu at the nodes (the beta function) */
  unsigned char thr[FB_ALPHA_S_TABLE_N]; /**< 1 if a flavour threshold lies in the cell [i, i+1] */
} fb_alpha_s_table;

/** Fill the table: 0 < mu_min < mu_max, loops 1..4, nf_max 3..6. FB_ERR_INPUT on bad arguments,
 *  FB_ERR_NUMERIC if alpha_s leaves (0, 1) (mu_min too low). */
int fb_alpha_s_table_init(fb_alpha_s_table *t, double mu_min_GeV, double mu_max_GeV, int loops, int nf_max,
                          fb_err *err);

/** alpha_s(mu) from the table. Below mu_min: alpha_s(mu_min) (frozen: the callers' infrared choice, stated
 *  by each); above mu_max: the direct fb_alpha_s_nfmax (exact, slower). */
double fb_alpha_s_table_eval(const fb_alpha_s_table *t, double mu_GeV);

/** 1 if mu lies inside the table's range. */
int fb_alpha_s_table_covers(const fb_alpha_s_table *t, double mu_GeV);

#endif
