/* Tests of the BC6/BC7/BC8 heavy neutral lepton (src/models/fb_fip_hnl.c, fb_model_hnl.c):
 *  - closed forms of arXiv:1805.08567 written out independently here (3 nu, l pi, nu pi0,
 *    nu l l with C1..C4), the V-A three-body integral against the one-massive-daughter closed form
 *    and the massless muon-decay spectra;
 *  - the crossed two-body widths against measured tau decays (PDG 2024: tau -> pi nu, rho nu):
 *    an independent check of f_pi, g_rho and the normalisation of the l P and l V widths;
 *  - sum BR = 1, sum efrac = 1, continuity of c tau over the whole mass range (jumps only where
 *    a channel opens, bounded by its share), the exclusive -> inclusive matching jump;
 *  - the scan models bc6-bc8 (quantity tables, |U|^2 scaling).
 *  - an independent tabulation (FORESEE repository, U_e only) in the leptonic sector;
 *  - tabulated and published lifetimes at U2 = 1 for all three flavours (EventCalc-SHiP tables of
 *    the arXiv:1805.08567 group, 16 masses each; a digitised U_mu^2 = 1 lifetime curve, 11 masses;
 *    the FairShip hnl.py example of the first author) and B(nu e e), and the QCD correction against
 *    the measured R_tau;
 *  - the peer code HNLCalc (arXiv:2405.07330) run side by side: c tau at 11 masses per flavour;
 *  - the MATHUSLA LLP tables of Curtin and Grewal (computed following arXiv:1805.08567): c tau at
 *    12 masses (e, mu), BR(nu e e) and BR(e mu nu) at 6 masses;
 *  - the hand-over option match_window_GeV (continuity) and the hard-switch jump vs matching mass.
 * The text of arXiv:1805.08567 beyond its contents page is not in the stored corpus, so its figures
 * are compared only through these (see the block "published / tabulated lifetimes" below). */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_fip.h"
#include "fb_fip_hnl.h"
#include "fb_model.h"

static const char *const models[3] = {"bc6", "bc7", "bc8"};
static const double ml[3] = {0.51099895000e-3, 0.1056583755, 1.77693}; /* CODATA 2018, PDG 2024 */

typedef struct {
  const fb_fip_ops *ops;
  void *st;
} model_t;

static model_t open_model(int f, const char *assign) {
  model_t m = {fb_fip_find(models[f], NULL), NULL};
  ck_assert_ptr_nonnull(m.ops);
  fb_err err;
  fb_err_clear(&err);
  fb_config cfg;
  ck_assert_int_eq(fb_fip_config_default(m.ops, &cfg, &err), FB_OK);
  if (assign) ck_assert_msg(fb_config_set(&cfg, assign, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(m.ops->init(&m.st, &cfg, &err) == FB_OK, "%s", err.msg);
  fb_config_free(&cfg);
  return m;
}

static void decay(const model_t *m, double M, double U2, fb_decay *d) {
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(m->ops->decay(m->st, M, U2, d, &err) == FB_OK, "%s at m = %g: %s", m->ops->name, M, err.msg);
}

static double chw(const fb_decay *d, const char *name) {
  const int k = fb_decay_find(d, name);
  ck_assert_msg(k >= 0, "no channel %s", name);
  return d->ch[k].width_GeV;
}

/* Gamma(N -> 3 nu) summed over flavours, Majorana: G^2 M^5 U2/(96 pi^3) (arXiv:1805.08567:
 * (1 + delta) G^2 M^5 U2/(768 pi^3) per flavour, times 2). Below 2 m_e it is the only channel. */
START_TEST(test_3nu) {
  const double G = 1.1663788e-5;
  const double M[] = {1.013e-3, 0.0271, 0.3141, 1.732, 4.4, 9.87};
  for (int f = 0; f < 3; f++) {
    model_t m = open_model(f, NULL);
    for (size_t i = 0; i < 6; i++) {
      fb_decay d;
      decay(&m, M[i], 3.3e-7, &d);
      const double want = G * G * pow(M[i], 5) * 3.3e-7 / (96.0 * pow(FB_PI, 3));
      ck_assert_msg(fabs(chw(&d, "3nu") / want - 1.0) < 1e-12, "%s m = %g: %g vs %g", models[f], M[i],
                    chw(&d, "3nu"), want);
      if (i == 0) ck_assert(fabs(d.ch[0].br - 1.0) < 1e-15 && fabs(d.width_GeV / want - 1.0) < 1e-12);
    }
    m.ops->free(m.st);
  }
}
END_TEST

/* N -> l pi, nu pi0 (arXiv:1805.08567 sec. 3.2), times 2 for the charge conjugate. */
START_TEST(test_lpi_nupi0) {
  const double G = 1.1663788e-5, fpi = 0.1302, Vud = 0.97367, mpi = 0.13957039, mpi0 = 0.1349768;
  const double M[] = {0.2718, 0.5772, 0.8123};
  for (int f = 0; f < 2; f++) { /* tau: closed below 1 GeV */
    model_t m = open_model(f, NULL);
    for (size_t i = 0; i < 3; i++) {
      fb_decay d;
      decay(&m, M[i], 1e-5, &d);
      const double xl = pow(ml[f] / M[i], 2), xp = pow(mpi / M[i], 2);
      const double lam = 1.0 + xp * xp + xl * xl - 2.0 * (xp + xl + xp * xl);
      const double want = 2.0 * G * G * fpi * fpi * Vud * Vud * pow(M[i], 3) * 1e-5 / (16.0 * FB_PI) *
                          (pow(1.0 - xl, 2) - xp * (1.0 + xl)) * sqrt(lam);
      char name[16];
      snprintf(name, sizeof name, "%s_pi", f == 0 ? "e" : "mu");
      ck_assert_msg(fabs(chw(&d, name) / want - 1.0) < 1e-12, "%s m = %g", name, M[i]);
      const double w0 = 2.0 * G * G * fpi * fpi * pow(M[i], 3) * 1e-5 / (32.0 * FB_PI) * pow(1.0 - pow(mpi0 / M[i], 2), 2);
      ck_assert(fabs(chw(&d, "nu_pi0") / w0 - 1.0) < 1e-12);
    }
    m.ops->free(m.st);
  }
}
END_TEST

/* N -> nu_a l_b l_b with C1, C2 (b != a) and C3, C4 (b = a) as printed in arXiv:1805.08567
 * sec. 3.1.2, L written in its original (cancelling) form at x >= 0.02. */
START_TEST(test_nu_ll) {
  const double G = 1.1663788e-5, s = 0.23129;
  const double C1 = 0.25 * (1 - 4 * s + 8 * s * s), C2 = 0.5 * s * (2 * s - 1);
  const double C3 = 0.25 * (1 + 4 * s + 8 * s * s), C4 = 0.5 * s * (2 * s + 1);
  const double M[] = {0.25, 0.61, 1.3, 3.9, 7.7};
  const char *nn[3] = {"nu_ee", "nu_mumu", "nu_tautau"};
  for (int f = 0; f < 3; f++) {
    model_t m = open_model(f, NULL);
    for (size_t i = 0; i < 5; i++) {
      fb_decay d;
      decay(&m, M[i], 1.0, &d);
      for (int b = 1; b < 3; b++) {
        const double x = ml[b] / M[i];
        if (2 * x >= 1) {
          ck_assert(chw(&d, nn[b]) == 0.0);
          continue;
        }
        const double r = sqrt(1 - 4 * x * x);
        const double L = log((1 - 3 * x * x - (1 - x * x) * r) / (x * x * (1 + r)));
        const double c1 = b == f ? C3 : C1, c2 = b == f ? C4 : C2;
        const double want = 2.0 * G * G * pow(M[i], 5) / (192 * pow(FB_PI, 3)) *
                            (c1 * ((1 - 14 * x * x - 2 * pow(x, 4) - 12 * pow(x, 6)) * r + 12 * pow(x, 4) * (pow(x, 4) - 1) * L) +
                             4 * c2 * (x * x * (2 + 10 * x * x - 12 * pow(x, 4)) * r + 6 * pow(x, 4) * (1 - 2 * x * x + 2 * pow(x, 4)) * L));
        ck_assert_msg(fabs(chw(&d, nn[b]) / want - 1.0) < 1e-9, "%s %s m = %g: %.12g vs %.12g", models[f], nn[b],
                      M[i], chw(&d, nn[b]), want);
      }
      /* electrons: x -> 0 limit, C1 (or C3) only */
      const double w0 = 2.0 * G * G * pow(M[i], 5) / (192 * pow(FB_PI, 3)) * (f == 0 ? C3 : C1);
      ck_assert(fabs(chw(&d, "nu_ee") / w0 - 1.0) < 1e-4);
    }
    m.ops->free(m.st);
  }
}
END_TEST

/* The V-A three-body integral: one massive daughter (any position) gives the muon-decay function
 * f(x) = 1 - 8x^2 + 8x^6 - x^8 - 24 x^4 ln x; massless daughters: I = 1, <E_a> = 3/10 M,
 * <E_b> = 7/20 M (muon decay: anti-nu_e pairs with the muon). */
START_TEST(test_three_body) {
  fb_err err;
  double I, ea, eb;
  ck_assert_int_eq(fb_hnl_three_body(1.0, 0.0, 0.0, 0.0, 32, &I, &ea, &eb, &err), FB_OK);
  ck_assert(fabs(I - 1.0) < 1e-12 && fabs(ea - 0.3) < 1e-12 && fabs(eb - 0.35) < 1e-12);
  const double xs[] = {0.0123, 0.1, 0.2718, 0.5, 0.77, 0.93};
  for (size_t i = 0; i < 6; i++) {
    const double x = xs[i], want = 1 - 8 * x * x + 8 * pow(x, 6) - pow(x, 8) - 24 * pow(x, 4) * log(x);
    for (int pos = 0; pos < 3; pos++) {
      const double m[3] = {pos == 0 ? x : 0, pos == 1 ? x : 0, pos == 2 ? x : 0};
      ck_assert_int_eq(fb_hnl_three_body(1.0, m[0], m[1], m[2], 32, &I, &ea, &eb, &err), FB_OK);
      printf("three-body x = %g, massive daughter %d: I = %.10g, f(x) = %.10g\n", x, pos, I, want);
      ck_assert_msg(fabs(I / want - 1.0) < 2e-6, "x = %g pos %d: %.12g vs %.12g", x, pos, I, want);
      ck_assert(ea > 0 && eb > 0 && ea + eb < 1.0);
    }
  }
  ck_assert_int_eq(fb_hnl_three_body(1.0, 0.5, 0.3, 0.3, 32, &I, &ea, &eb, &err), FB_OK);
  ck_assert(I == 0.0);
  ck_assert_int_eq(fb_hnl_three_body(1.0, 0.1, 0.1, 0.1, 16, &I, &ea, &eb, &err), FB_ERR_INPUT);
}
END_TEST

/* Crossing: Gamma(N -> e- P+) at M = m_tau (one charge state, m_e negligible) is the formula of
 * Gamma(tau -> P nu). PDG 2024: B(tau -> pi nu) = 10.82 %, B(tau -> pi pi0 nu) = 25.49 % (rho
 * dominated), tau_tau = 290.3 fs. Tolerance 3 % (radiative corrections ~2 % and the non-rho pi pi0
 * part are not in the formulas). Exclusive channels kept with match_mass_GeV = 3. */
START_TEST(test_tau_crossing) {
  model_t m = open_model(0, "bc6.match_mass_GeV=3.0");
  fb_decay d;
  decay(&m, 1.77693, 1.0, &d);
  const double gtau = FB_HBAR_GEV_S / 290.3e-15;
  const double pi = 0.5 * chw(&d, "e_pi") / (0.1082 * gtau), rho = 0.5 * chw(&d, "e_rho") / (0.2549 * gtau);
  printf("tau crossing: Gamma(pi nu) model/PDG = %.4f, Gamma(rho nu) model/PDG = %.4f\n", pi, rho);
  ck_assert_msg(fabs(pi - 1.0) < 0.03, "pi %g", pi);
  ck_assert_msg(fabs(rho - 1.0) < 0.03, "rho %g", rho);
  m.ops->free(m.st);
}
END_TEST

/* Energy bookkeeping: bc7 at m_N = 50 MeV (3 nu and nu_mu e+ e- open, x_e = 0.01): massless V-A
 * spectra give, per 3 nu decay, nu_mu 0.675 (2 x all of nu_mu nu_mu nubar_mu, 7/20 of each other
 * flavour pair, over weight 4) and nu_e, nu_tau 0.1625 each; per nu_mu e e decay, nu_mu 7/20 and
 * e+- 13/20 (muon decay: <E> = 7/20, 7/20, 3/10 of M). Tolerance 1e-3 (electron mass effects). */
START_TEST(test_energy_fractions) {
  model_t m = open_model(1, NULL);
  fb_decay d;
  decay(&m, 0.05, 1e-4, &d);
  const double b3 = d.ch[0].br, bee = d.ch[1].br;
  ck_assert(fabs(b3 + bee - 1.0) < 1e-12);
  const double want_numu = b3 * 0.675 + bee * 0.35, want_nue = b3 * 0.1625, want_e = bee * 0.65;
  printf("bc7 50 MeV: efrac nu_mu %.5f (%.5f), nu_e %.5f (%.5f), nu_tau %.5f, e %.5f (%.5f)\n", d.efrac[FB_DC_NU_MU],
         want_numu, d.efrac[FB_DC_NU_E], want_nue, d.efrac[FB_DC_NU_TAU], d.efrac[FB_DC_ELECTRON], want_e);
  ck_assert(fabs(d.efrac[FB_DC_NU_MU] - want_numu) < 1e-3);
  ck_assert(fabs(d.efrac[FB_DC_NU_E] - want_nue) < 1e-12 && fabs(d.efrac[FB_DC_NU_TAU] - want_nue) < 1e-12);
  ck_assert(fabs(d.efrac[FB_DC_ELECTRON] - want_e) < 1e-3);
  ck_assert(fabs(d.mult[FB_DC_ELECTRON] - 2.0 * bee) < 1e-12);
  /* two-body: N -> mu- pi+ at 0.5 GeV (bc7, exclusive): E_mu = (M^2 + m_mu^2 - m_pi^2)/(2M) */
  decay(&m, 0.5, 1e-4, &d);
  const int k = fb_decay_find(&d, "mu_pi");
  const double emu = (0.25 + pow(ml[1], 2) - pow(0.13957039, 2)) / (2.0 * 0.5) / 0.5;
  ck_assert(fabs(d.ch[k].efrac[FB_DC_MUON] - emu) < 1e-12 && fabs(d.ch[k].efrac[FB_DC_PI_CHARGED] - (1 - emu)) < 1e-12);
  /* rho+ -> pi+ pi0 decomposed: one pi+ and one pi0 per N -> mu rho, energies sum to E_rho */
  const int r = fb_decay_find(&d, "mu_rho");
  ck_assert(d.ch[r].width_GeV == 0.0); /* closed at 0.5 GeV */
  decay(&m, 0.95, 1e-4, &d);
  const int r2 = fb_decay_find(&d, "mu_rho");
  ck_assert(d.ch[r2].width_GeV > 0.0 && d.ch[r2].n[FB_DC_PI_CHARGED] == 1.0 && d.ch[r2].n[FB_DC_PI0] == 1.0);
  const double erho = 1.0 - (0.95 * 0.95 + pow(ml[1], 2) - pow(0.77526, 2)) / (2.0 * 0.95 * 0.95);
  ck_assert(fabs(d.ch[r2].efrac[FB_DC_PI_CHARGED] + d.ch[r2].efrac[FB_DC_PI0] - erho) < 1e-12);
  m.ops->free(m.st);
}
END_TEST

/* An independent tabulation for BC6 (U_e only, Majorana): FORESEE repository (github.com/KlingFelix/
 * FORESEE, commit 9412495, "HNL module integrated into foresee", file
 * Models/HNL/model/br/Uel_only_lifetime_final.txt: m_N [GeV], Gamma [GeV], tau [s], B(3nu);
 * Uel_BR_ALL.txt: B(3nu), B(nu e e), B(nu e mu) = B(e mu nu), ...), computed with the formulas of
 * arXiv:1805.08567 (its 3 nu column is G^2 M^5/(96 pi^3) exactly). Numbers copied from the files
 * (6 significant digits, hence the 2e-5 tolerance). Below m_pi0 (leptonic channels only) the total
 * width is compared at 7 masses; above, the ratios B(nu e e)/B(3nu) and B(e mu nu)/B(3nu) at 3
 * masses < 1 GeV (1e-3). The hadronic widths of this older table differ (theirs 0.74-0.84 x ours; ours
 * reproduces Gamma(tau -> pi nu), see test_tau_crossing); the current HNLCalc of the same repository
 * agrees with ours to 0.25 % below 1 GeV (test_hnlcalc_lifetimes), so that table is superseded. */
START_TEST(test_foresee_table) {
  static const double ref[7][2] = {{0.01, 7.16464e-24}, {0.02, 2.31527e-22}, {0.05, 2.26728e-20}, {0.08, 2.37818e-19},
                                   {0.1, 7.25818e-19},  {0.12, 1.80643e-18}, {0.13, 2.69876e-18}};
  model_t m = open_model(0, NULL);
  for (int i = 0; i < 7; i++) {
    fb_decay d;
    decay(&m, ref[i][0], 1.0, &d);
    printf("FORESEE U_e table: m = %g GeV: Gamma %.6e vs %.5e (ratio %.6f)\n", ref[i][0], d.width_GeV, ref[i][1],
           d.width_GeV / ref[i][1]);
    ck_assert_msg(fabs(d.width_GeV / ref[i][1] - 1.0) < 2e-5, "m = %g", ref[i][0]);
  }
  /* m, B(3nu), B(nu e e), B(e mu nu), B(hadrons) (Uel_BR_ALL.txt) */
  static const double br[3][5] = {{0.3, 0.0592779, 0.0348706, 0.0241881, 0.881226},
                                  {0.5, 0.102577, 0.0603434, 0.0736354, 0.758086},
                                  {0.8, 0.163779, 0.0963475, 0.143352, 0.581836}};
  for (int i = 0; i < 3; i++) {
    fb_decay d;
    decay(&m, br[i][0], 1.0, &d);
    const double b3 = d.ch[fb_decay_find(&d, "3nu")].br;
    const double ree = d.ch[fb_decay_find(&d, "nu_ee")].br / b3, rem = d.ch[fb_decay_find(&d, "e_mu_numu")].br / b3;
    double had = 0.0;
    for (size_t k = 6; k < d.n_channels; k++) had += d.ch[k].width_GeV;
    const double had_ratio = (br[i][4] / br[i][1]) / (had / d.ch[0].width_GeV);
    printf("FORESEE U_e table: m = %g GeV: B(nu e e)/B(3nu) %.6f vs %.6f, B(e mu nu)/B(3nu) %.6f vs %.6f; "
           "Gamma_had(theirs)/Gamma_had(ours) = %.4f\n",
           br[i][0], ree, br[i][2] / br[i][1], rem, br[i][3] / br[i][1], had_ratio);
    ck_assert(fabs(ree / (br[i][2] / br[i][1]) - 1.0) < 1e-3);
    ck_assert(fabs(rem / (br[i][3] / br[i][1]) - 1.0) < 1e-3);
  }
  m.ops->free(m.st);
}
END_TEST

/* Sum BR = 1, sum efrac = 1, mult >= 0 on 3001 masses 1 MeV - 10 GeV. Continuity: every channel
 * threshold met on the grid is located by bisection (relative 1e-13) and the total width compared
 * at m_th (1 -/+ 1e-7): continuous thresholds (the width of a channel rises from 0) give relative
 * changes ~1e-3 at most; the exclusive -> inclusive switch at match_mass_GeV (1 GeV) is the one
 * genuine jump: it is reported and bounded by 25 %. Between thresholds a grid step (0.3 % in m)
 * changes Gamma/M^5 by less than 5 %. */
static double width_at(const model_t *m, double M) {
  fb_decay d;
  decay(m, M, 1.0, &d);
  return d.width_GeV;
}

/* ---------------------------------------------------------------- published / tabulated lifetimes
 * The text of arXiv:1805.08567 beyond its opening (abstract and table of contents) is not in this
 * project's stored corpus (the docslib.org and arxiv-vanity copies found there stop after the
 * contents), so its figures cannot be read off directly. What is used instead, each number typed in
 * with its source:
 *  (1) EventCalc-SHiP (M. Ovchynnikov et al.; github.com/ShipSoft/EventCalc, commit b79e2de,
 *      Distributions/HNL/HNLdecayWidth.dat: m_N [GeV], Gamma_e, Gamma_mu, Gamma_tau [GeV] at U2 = 1,
 *      Majorana): the tabulation of the SensCalc/EventCalc codes of the group of arXiv:1805.08567,
 *      which "follows arXiv:1805.08567" with one change stated in its DETAILS.md: exclusive widths
 *      below a matching mass, perturbative QCD above it, charged and neutral currents matched
 *      separately, and quark thresholds replaced by the lightest meson masses (c -> D).
 *  (2) a digitisation of an HNL lifetime figure for U_mu^2 = 1 (github.com/f-thiele/cHNLdecay,
 *      commit 79a3954, HNLtau1_xsorted.csv, read by prodFromBmesons.cxx "to compare to the paper",
 *      i.e. arXiv:1805.08567 which that code implements; the file does not name the figure).
 *  (3) the usage example in the docstring of FairShip python/hnl.py ("Updated: 07/10/2017 Kyrylo
 *      Bondarenko", the first author's implementation of these formulas): m = 1 GeV,
 *      U2 = (1e-8, 2e-8, 1e-9): tau_N = 4.777721453160521e-05 s, B(N -> pi mu) = 0.11826749348890987. */

/* total width of the three models at U2 = 1 */
static double width_U2_1(int f, double M, const char *assign) {
  model_t m = open_model(f, assign);
  const double w = width_at(&m, M);
  m.ops->free(m.st);
  return w;
}

/* (1) below 1 GeV (exclusive channels on both sides): 8 masses per flavour, 5 % (measured: within
 * -3.5 % / +0.3 %; sin^2 theta_W and meson-constant conventions). From 1.2 GeV the matching
 * conventions differ (see above); ours is larger by +5 % to +20 % (measured), asserted within 25 %
 * (8 masses 1.2-9.76 GeV):
 * a check of normalisation (Majorana factor 2, N_c, CKM), not of the matching. */
#define N_EC 16
static const double ec_mass[N_EC] = {0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.2, 1.5, 1.99, 2.5, 3.01, 4.0, 7.0, 9.76};
static const double ec_width[N_EC][3] = {
    {7.153666e-24, 5.116614e-24, 5.116614e-24}, {2.263745e-20, 1.607566e-20, 1.607566e-20},
    {7.246854e-19, 5.145108e-19, 5.145108e-19}, {3.163810e-16, 1.268372e-16, 1.249652e-16},
    {2.447357e-15, 1.665549e-15, 9.114452e-16}, {1.759673e-14, 1.586074e-14, 6.608224e-15},
    {6.510756e-14, 6.128242e-14, 2.504718e-14}, {2.035788e-13, 1.906500e-13, 7.513125e-14},
    {8.635372e-13, 8.444755e-13, 3.090250e-13}, {2.427034e-12, 2.375760e-12, 9.340501e-13},
    {1.015694e-11, 1.002954e-11, 3.582269e-12}, {3.265235e-11, 3.239586e-11, 1.211179e-11},
    {8.521840e-11, 8.471591e-11, 3.459426e-11}, {3.866875e-10, 3.852799e-10, 1.888204e-10},
    {7.816285e-09, 7.807207e-09, 5.683596e-09}, {4.470375e-08, 4.467805e-08, 3.778537e-08}};

START_TEST(test_eventcalc_widths) {
  for (int f = 0; f < 3; f++) {
    model_t m = open_model(f, NULL);
    double lo = 1e9, hi = -1e9, lo2 = 1e9, hi2 = -1e9;
    for (int i = 0; i < N_EC; i++) {
      const double r = width_at(&m, ec_mass[i]) / ec_width[i][f];
      printf("EventCalc %s m = %g GeV: Gamma ours/theirs = %.4f\n", models[f], ec_mass[i], r);
      if (ec_mass[i] < 1.0) {
        lo = fmin(lo, r);
        hi = fmax(hi, r);
        ck_assert_msg(fabs(r - 1.0) < 0.05, "%s m = %g: ratio %g", models[f], ec_mass[i], r);
      } else {
        lo2 = fmin(lo2, r);
        hi2 = fmax(hi2, r);
        ck_assert_msg(fabs(r - 1.0) < 0.25, "%s m = %g: ratio %g", models[f], ec_mass[i], r);
      }
    }
    printf("EventCalc %s: ours/theirs %.4f-%.4f below 1 GeV, %.4f-%.4f at 1.2-9.76 GeV\n", models[f], lo, hi, lo2, hi2);
    m.ops->free(m.st);
  }
}
END_TEST

/* The +5-20 % above 3 GeV is mostly the charm threshold: with the charm channels (l c dbar, l c sbar,
 * nu c cbar) rescaled to a charm mass m_D+ (EventCalc's "lightest meson" threshold) instead of the
 * quark mass, the ratio at 4, 7, 9.76 GeV falls to within 8 % (measured 1.01-1.05). At 3.01 GeV it
 * falls for bc6/bc7 (1.165 -> 1.066) but not for bc8 (1.096: charm is 0.1 % of its width there, the
 * matching difference remains; printed, only r1 < r0 asserted). CC channels:
 * exact V-A integrals (fb_hnl_three_body); nu c cbar: the C1 part of the Z bracket of
 * arXiv:1805.08567 sec. 3.1.2 (the C2 x^2 term is < 1 % of it). A diagnostic of the explanation in
 * docs/validation.md, not a change of the model. */
static double z_shape(double x) {
  if (!(2.0 * x < 1.0)) return 0.0;
  const double r = sqrt(1 - 4 * x * x), L = log((1 - 3 * x * x - (1 - x * x) * r) / (x * x * (1 + r)));
  return (1 - 14 * x * x - 2 * pow(x, 4) - 12 * pow(x, 6)) * r + 12 * pow(x, 4) * (pow(x, 4) - 1) * L;
}

START_TEST(test_eventcalc_charm_threshold) {
  static const char *const lname[3] = {"e", "mu", "tau"};
  const double mc = FB_MC_QUARK_GEV, mD = FB_MD_CHARGED_GEV, mdown[2] = {FB_MD_QUARK_GEV, FB_MS_QUARK_GEV};
  for (int f = 0; f < 3; f++) {
    model_t m = open_model(f, NULL);
    for (int i = 0; i < N_EC; i++) {
      const double M = ec_mass[i];
      if (M < 3.0) continue;
      fb_decay d;
      decay(&m, M, 1.0, &d);
      double w = d.width_GeV;
      fb_err err;
      for (int j = 0; j < 2; j++) { /* l c dbar, l c sbar: a = dbar_j, b = l, c = charm */
        char name[16];
        snprintf(name, sizeof name, "%s_c%s", lname[f], j ? "s" : "d");
        double I0, I1, ea, eb;
        ck_assert_int_eq(fb_hnl_three_body(M, mdown[j], ml[f], mc, 32, &I0, &ea, &eb, &err), FB_OK);
        ck_assert_int_eq(fb_hnl_three_body(M, mdown[j], ml[f], mD, 32, &I1, &ea, &eb, &err), FB_OK);
        const double wc = chw(&d, name);
        w += wc * (I0 > 0.0 ? I1 / I0 - 1.0 : 0.0);
      }
      const double wcc = chw(&d, "nu_cc");
      w += wcc * (z_shape(mc / M) > 0.0 ? z_shape(mD / M) / z_shape(mc / M) - 1.0 : 0.0);
      const double r0 = d.width_GeV / ec_width[i][f], r1 = w / ec_width[i][f];
      printf("EventCalc %s m = %g GeV: ours/theirs %.4f, with a D-meson charm threshold %.4f\n", models[f], M, r0, r1);
      if (M > 3.5) ck_assert_msg(fabs(r1 - 1.0) < 0.08, "%s m = %g: %g", models[f], M, r1);
      ck_assert(r1 < r0);
    }
    m.ops->free(m.st);
  }
}
END_TEST

/* EventCalc-SHiP Distributions/HNL/HNL-decay.json, channel "2ev" (e- nu_e e+), U_e only: B at
 * 6 masses where its branching-ratio table is consistent with its width table (same commit). Ours is
 * +1.7 % to +3 % (their Z coupling of nu e e is 1.9 % smaller: sin^2 theta_W 0.225 would reproduce
 * it; ours 0.23129 MS-bar): 5 %. Not asserted: 0.7 and 0.9 GeV, where B x Gamma of the same files
 * falls 10 % below the M^5 scaling a leptonic width must follow (their B table is normalised to a
 * total ~11 % above their width table there). */
START_TEST(test_eventcalc_br_nuee) {
  static const double ref[8][2] = {{0.01, 0.3558232076527126}, {0.05, 0.3637603897260069},
                                   {0.1, 0.3640095764474065},  {0.2, 2.648153609708622e-2},
                                   {0.3, 2.5997292210369e-2},  {0.5, 4.652063808293769e-2},
                                   {0.7, 6.764534555839798e-2}, {0.9, 6.864123684183727e-2}};
  model_t m = open_model(0, NULL);
  for (int i = 0; i < 8; i++) {
    fb_decay d;
    decay(&m, ref[i][0], 1.0, &d);
    const double r = d.ch[fb_decay_find(&d, "nu_ee")].br / ref[i][1];
    printf("EventCalc bc6 m = %g GeV: B(nu e e) ours/theirs = %.4f%s\n", ref[i][0], r, i < 6 ? "" : " (not asserted)");
    if (i < 6) ck_assert_msg(fabs(r - 1.0) < 0.05, "m = %g: %g", ref[i][0], r);
  }
  m.ops->free(m.st);
}
END_TEST

/* (2) digitised lifetime, U_mu^2 = 1: the two digitised points bracketing each mass (m [GeV],
 * tau [s]), log-log interpolation. The digitisation steps are ~7 % in tau (0.03 dex), so 10 %.
 * Measured: ours/digitised 0.95-1.03 from 0.1 to 5 GeV. */
START_TEST(test_digitised_lifetime_mu) {
  static const double pts[11][4] = {
      {0.09961210314346312, 1.3092460629275645e-6, 0.10161374565169039, 1.212913380909445e-6},
      {0.19845142185327863, 5.289373746757314e-9, 0.2035667515841144, 4.716469401667657e-9},
      {0.29648062679497394, 4.0400150105702294e-10, 0.30100607967334664, 3.753773681925611e-10},
      {0.48876667052796763, 4.4559075354461686e-11, 0.5000000000000002, 4.1401995764592413e-11},
      {0.6924961651743169, 1.1029433117916114e-11, 0.7200970917907646, 9.740651550585726e-12},
      {0.8940018662331278, 3.794450888814129e-12, 0.9268219701757464, 3.2075262019335294e-12},
      {0.9982358487312164, 1.870982099756725e-12, 1.045914828154806, 1.4588922285631434e-12},
      {1.4967670530095867, 2.5266971558199697e-13, 1.5339531994719295, 2.244211739236358e-13},
      {1.910184283554712, 7.099349691377232e-14, 2.0014208758556475, 5.671958902900529e-14},
      {2.9424347874123544, 7.637983632839309e-15, 3.0100607967334665, 7.09682064767476e-15},
      {4.887666705279671, 5.420539995213587e-16, 5.000000000000002, 4.679643463562056e-16}};
  static const double M[11] = {0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0, 1.5, 2.0, 3.0, 5.0};
  model_t m = open_model(1, NULL);
  for (int i = 0; i < 11; i++) {
    const double t = (log(M[i]) - log(pts[i][0])) / (log(pts[i][2]) - log(pts[i][0]));
    const double tau_ref = exp(log(pts[i][1]) + t * (log(pts[i][3]) - log(pts[i][1])));
    const double r = FB_HBAR_GEV_S / width_at(&m, M[i]) / tau_ref;
    printf("digitised tau(U_mu^2 = 1) m = %g GeV: %.4e s, ours/digitised %.4f\n", M[i], tau_ref, r);
    ck_assert_msg(fabs(r - 1.0) < 0.10, "m = %g: %g", M[i], r);
  }
  m.ops->free(m.st);
}
END_TEST

/* (3) FairShip hnl.py example at m = 1 GeV, U2 = (1e-8, 2e-8, 1e-9). Widths are linear in each
 * U_alpha^2 (no interference between flavours for one N), so Gamma = sum U_a^2 Gamma_a(U2 = 1).
 * Their B(N -> pi mu) is the exclusive mu pi width (also above their 1 GeV quark switch) over their
 * total: ours (exclusive set kept with match_mass_GeV = 3) over their total must give it (2 %):
 * f_pi, V_ud and the Majorana factor 2 of the l P channel against the first author's code.
 * Their total width is 1.19 x ours at exactly 1 GeV, where both use the QCD-corrected quark sum
 * (FairShip takes alpha_s(1 GeV) from its own table, not available here): asserted within 25 %. */
START_TEST(test_fairship_example) {
  const double U2[3] = {1e-8, 2e-8, 1e-9}, tau_fs = 4.777721453160521e-05, br_pimu_fs = 0.11826749348890987;
  double w = 0.0;
  for (int f = 0; f < 3; f++) w += U2[f] * width_U2_1(f, 1.0, NULL);
  model_t m = open_model(1, "bc7.match_mass_GeV=3.0");
  fb_decay d;
  decay(&m, 1.0, U2[1], &d);
  const double br = chw(&d, "mu_pi") / (FB_HBAR_GEV_S / tau_fs);
  const double rt = FB_HBAR_GEV_S / w / tau_fs;
  printf("FairShip example: B(pi mu) ours-partial/their-total %.5f vs %.5f; tau ours/theirs %.4f\n", br, br_pimu_fs, rt);
  ck_assert_msg(fabs(br / br_pimu_fs - 1.0) < 0.02, "%g", br);
  ck_assert_msg(fabs(rt - 1.0) < 0.25, "%g", rt);
  m.ops->free(m.st);
}
END_TEST

/* The QCD correction 1 + Delta of arXiv:1805.08567 sec. 3.5 is that of the tau hadronic width: at
 * M = m_tau, R_tau = N_c (|V_ud|^2 + |V_us|^2) S_EW (1 + Delta) must reproduce the measured
 * R_tau = (1 - B_e - B_mu)/B_e with PDG 2024 B(tau -> e nu nu) = 17.82 %, B(tau -> mu nu nu) =
 * 17.39 % (R = 3.636), S_EW = 1.0201 (Marciano, Sirlin, PRL 61 (1988) 1815). 3 % (non-perturbative
 * terms, alpha_s(m_tau) of our 3-loop running). */
START_TEST(test_qcd_rtau) {
  model_t m = open_model(2, NULL);
  const double k = fb_hnl_qcd_factor(m.st, 1.77693);
  const double R = 3.0 * (0.97367 * 0.97367 + 0.22431 * 0.22431) * 1.0201 * k, Rexp = (1.0 - 0.1782 - 0.1739) / 0.1782;
  printf("R_tau: 1 + Delta_QCD(m_tau) = %.4f, R_tau %.4f vs measured %.4f (ratio %.4f); 1 + Delta(1 GeV) = %.4f, "
         "(2 GeV) = %.4f\n", k, R, Rexp, R / Rexp, fb_hnl_qcd_factor(m.st, 1.0), fb_hnl_qcd_factor(m.st, 2.0));
  ck_assert_msg(fabs(R / Rexp - 1.0) < 0.03, "%g", R / Rexp);
  m.ops->free(m.st);
}
END_TEST

/* Neutral vector mesons: the Z-current matrix elements of omega and phi relative to the rho0, from
 * isospin and quark content alone (no decay-constant convention): with J_Z^V = (ubar u - dbar d)/2
 * - sbar s/2 - 2 s_W^2 J_em, <J_Z>_rho0 = (1 - 2 s_W^2) <J_em>_rho0 (isovector), <J_Z>_omega =
 * -2 s_W^2 <J_em>_omega (ideal mixing, no s sbar), <J_Z>_phi = (3/2 - 2 s_W^2) <J_em>_phi (s sbar),
 * and |<J_em>_V|^2 ~ Gamma(V -> e e) m_V^3. PDG 2024: Gamma(rho -> ee) = 4.72e-5 x 149.1 MeV,
 * Gamma(omega -> ee) = 7.38e-5 x 8.68 MeV, Gamma(phi -> ee) = 2.979e-4 x 4.249 MeV. The model's
 * |kappa_V g_V| is read back from its N -> nu V widths (arXiv:1805.08567 sec. 3.3 shape
 * G^2 kappa^2 g^2 M^3/(32 pi m_V^2) (1 + 2x)(1 - x)^2 per charge state). 10 % (omega-phi mixing,
 * isospin breaking). This test found kappa_omega = 4 s^2/3 and kappa_phi = 4 s^2/3 - 1 (the values
 * of arXiv:1805.08567 as implemented in FairShip hnl.py) too large by 2.06 and 1.51 in amplitude for
 * the model's g_omega, g_phi (which themselves reproduce Gamma(V -> ee) to 3 %). */
static double kappa_g(const fb_decay *d, const char *name, double M, double mV) {
  const double G = 1.1663788e-5, x = mV * mV / (M * M);
  return sqrt(chw(d, name) * 32.0 * FB_PI * mV * mV / (2.0 * G * G * pow(M, 3) * (1.0 + 2.0 * x) * pow(1.0 - x, 2)));
}

START_TEST(test_neutral_vector_isospin) {
  const double s2 = FB_SIN2_THETAW, mrho = 0.77526, mom = 0.78266, mphi = 1.019461;
  const double grho = sqrt(4.72e-5 * 0.1491 * pow(mrho, 3)), gom = sqrt(7.38e-5 * 8.68e-3 * pow(mom, 3)),
               gphi = sqrt(2.979e-4 * 4.249e-3 * pow(mphi, 3));
  const double want_om = 2.0 * s2 / (1.0 - 2.0 * s2) * gom / grho, want_phi = (1.5 - 2.0 * s2) / (1.0 - 2.0 * s2) * gphi / grho;
  for (int f = 0; f < 3; f++) {
    char assign[40];
    snprintf(assign, sizeof assign, "%s.match_mass_GeV=3.0", models[f]);
    model_t m = open_model(f, assign);
    fb_decay d;
    decay(&m, 1.5, 1.0, &d);
    const double kr = kappa_g(&d, "nu_rho0", 1.5, mrho);
    const double r_om = kappa_g(&d, "nu_omega", 1.5, mom) / kr, r_phi = kappa_g(&d, "nu_phi", 1.5, mphi) / kr;
    printf("%s: |kappa g|_omega/|kappa g|_rho0 = %.4f (isospin + e+e- data %.4f), phi: %.4f (%.4f)\n", models[f], r_om,
           want_om, r_phi, want_phi);
    ck_assert_msg(fabs(r_om / want_om - 1.0) < 0.10, "omega %g vs %g", r_om, want_om);
    ck_assert_msg(fabs(r_phi / want_phi - 1.0) < 0.10, "phi %g vs %g", r_phi, want_phi);
    m.ops->free(m.st);
  }
}
END_TEST

/* A peer code run side by side: HNLCalc (Feng, Hewitt, Kling, La Rocco arXiv:2405.07330; FORESEE
 * repository github.com/KlingFelix/FORESEE, commit 2d6431f, Models/HNL/HNLCalc.py), which implements the
 * widths of arXiv:1805.08567 independently of this project. It was run offline (its masses from PDG 2024,
 * HeavyNeutralLepton(ve, vmu, vtau) with one flavour, gen_ctau) and its c tau [m] at |U|^2 = 1 is copied
 * below (6 digits). Measured: |ours/theirs - 1| <= 0.25 % below 1 GeV (all flavours); at 1.0 GeV ours is
 * 8 % (e, mu) and 16 % (tau) shorter, at 1.5-5 GeV 2-7 % shorter. Cause: the hand-over to the inclusive
 * quark channels. HNLCalc adds max(0, Gamma(quarks, QCD-corrected) - sum of exclusive widths) from
 * m_eta' on; we switch at 1 GeV (fb_fip_hnl.c), and its inclusive widths use its own alpha_s table.
 * Tolerances: 0.5 % below 1 GeV, 10 % (e, mu) and 18 % (tau) at 1 GeV, 8 % above. */
START_TEST(test_hnlcalc_lifetimes) {
  static const double mass[11] = {0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0, 4.0, 5.0};
  static const double ctau[3][11] = {
      /* e */ {271.895, 0.621416, 0.0803387, 0.011233, 0.0031378, 0.000545516, 7.15568e-05, 1.7116e-05, 2.13801e-06,
               4.66054e-07, 1.42262e-07},
      /* mu */ {383.556, 1.54964, 0.118046, 0.0124291, 0.00329679, 0.000574939, 7.3075e-05, 1.7327e-05, 2.15217e-06,
                4.67892e-07, 1.42622e-07},
      /* tau */ {383.556, 1.57276, 0.215643, 0.0298093, 0.00797739, 0.00160727, 0.000195846, 4.59962e-05, 5.46769e-06,
                 1.01302e-06, 2.53948e-07}};
  for (int f = 0; f < 3; f++) {
    model_t m = open_model(f, NULL);
    for (int i = 0; i < 11; i++) {
      fb_decay d;
      decay(&m, mass[i], 1.0, &d);
      const double r = d.ctau_m / ctau[f][i];
      const double tol = mass[i] < 0.99 ? 0.005 : (mass[i] < 1.01 ? (f == 2 ? 0.18 : 0.10) : 0.08);
      printf("HNLCalc %s m = %g GeV: c tau ours/theirs = %.4f (tolerance %.3f)\n", models[f], mass[i], r, tol);
      ck_assert_msg(fabs(r - 1.0) < tol, "%s m = %g: ratio %g", models[f], mass[i], r);
    }
    /* reported (docs/validation.md, session bc11w): the smooth hand-over option at 1.0-1.5 GeV */
    char a[64];
    snprintf(a, sizeof a, "%s.match_window_GeV=0.5", models[f]);
    model_t w = open_model(f, a);
    for (int i = 5; i <= 6; i++) {
      fb_decay d;
      decay(&w, mass[i], 1.0, &d);
      printf("HNLCalc %s m = %g GeV, match_window_GeV = 0.5: c tau ours/theirs = %.4f (reported)\n", models[f],
             mass[i], d.ctau_m / ctau[f][i]);
    }
    w.ops->free(w.st);
    m.ops->free(m.st);
  }
}
END_TEST

START_TEST(test_sums_continuity) {
  for (int f = 0; f < 3; f++) {
    model_t m = open_model(f, NULL);
    fb_decay prev = {0}, d;
    const int N = 3000;
    double max_thr_jump = 0.0, match_jump = 0.0;
    int n_thr = 0;
    for (int i = 0; i <= N; i++) {
      const double M = 1.001e-3 * pow(9.99 / 1.001e-3, (double)i / N);
      decay(&m, M, 1.0, &d);
      double sbr = 0.0, sef = 0.0;
      for (size_t k = 0; k < d.n_channels; k++) sbr += d.ch[k].br;
      for (int c = 0; c < FB_N_DECAY_CLASSES; c++) {
        sef += d.efrac[c];
        ck_assert(d.efrac[c] >= -1e-15 && d.mult[c] >= 0.0);
      }
      ck_assert_msg(fabs(sbr - 1.0) < 1e-12, "%s m = %g: sum BR - 1 = %g", models[f], M, sbr - 1.0);
      ck_assert_msg(fabs(sef - 1.0) < 1e-9, "%s m = %g: sum efrac - 1 = %g", models[f], M, sef - 1.0);
      ck_assert_uint_eq(d.n_channels, FB_HNL_N_CHANNELS);
      if (i > 0) {
        int changed = 0;
        for (size_t k = 0; k < d.n_channels; k++) {
          if ((prev.ch[k].width_GeV > 0.0) == (d.ch[k].width_GeV > 0.0)) continue;
          changed = 1;
          if (!(prev.ch[k].width_GeV == 0.0)) continue; /* closing: the exclusive set at the match */
          double lo = prev.mass_GeV, hi = M;
          for (int it = 0; it < 80 && hi - lo > 1e-13 * hi; it++) {
            const double mid = 0.5 * (lo + hi);
            fb_decay t;
            decay(&m, mid, 1.0, &t);
            if (t.ch[k].width_GeV > 0.0) hi = mid;
            else lo = mid;
          }
          const double jump = width_at(&m, hi * (1.0 + 1e-7)) / width_at(&m, hi * (1.0 - 1e-7)) - 1.0;
          n_thr++;
          if (fabs(hi - 1.0) < 1e-9) {
            match_jump = jump;
          } else {
            if (fabs(jump) > max_thr_jump) max_thr_jump = fabs(jump);
            ck_assert_msg(fabs(jump) < 3e-3, "%s: Gamma jumps by %g at the %s threshold %.9g GeV", models[f], jump,
                          d.ch[k].name, hi);
          }
        }
        const double step = fabs(log(d.width_GeV / prev.width_GeV) - 5.0 * log(M / prev.mass_GeV));
        if (!changed)
          ck_assert_msg(step < 0.05, "%s: Gamma/M^5 changes by %g between m = %.6g and %.6g", models[f], step,
                        prev.mass_GeV, M);
      }
      prev = d;
    }
    printf("%s: %d thresholds, largest relative change of Gamma across one (1e-7 either side) %.2e; "
           "jump at the 1 GeV match %.3f\n", models[f], n_thr, max_thr_jump, match_jump);
    ck_assert(n_thr >= 10);
    ck_assert(match_jump > 0.0 && match_jump < 0.25);
    m.ops->free(m.st);
  }
}
END_TEST

/* Scan models: quantity tables name every channel; |U|^2 scaling of c tau and BRs. */
START_TEST(test_scan_models) {
  for (int f = 0; f < 3; f++) {
    const fb_model_ops *mo = fb_model_find(models[f]);
    ck_assert_ptr_nonnull(mo);
    ck_assert_uint_eq(mo->n_quantities, 3 + FB_HNL_N_CHANNELS + FB_N_DECAY_CLASSES);
    void *st = NULL;
    fb_err err;
    fb_err_clear(&err);
    ck_assert_msg(mo->init(&st, NULL, &err) == FB_OK, "%s", err.msg);
    double a[64], b[64];
    ck_assert_msg(mo->eval(st, 2.345, 1e-6, a, &err) == FB_OK, "%s", err.msg);
    ck_assert_msg(mo->eval(st, 2.345, 3e-9, b, &err) == FB_OK, "%s", err.msg);
    ck_assert(fabs(b[2] / a[2] * 3e-9 / 1e-6 - 1.0) < 1e-12);
    for (size_t q = 3; q < mo->n_quantities; q++) ck_assert(fabs(a[q] - b[q]) < 1e-14);
    model_t m = open_model(f, NULL);
    fb_decay d;
    decay(&m, 2.345, 1e-6, &d);
    for (size_t k = 0; k < d.n_channels; k++) {
      char want[64];
      snprintf(want, sizeof want, "br_%s", d.ch[k].name);
      ck_assert_str_eq(mo->quantities[3 + k].name, want);
      ck_assert(fabs(a[3 + k] - d.ch[k].br) < 1e-15);
    }
    ck_assert_int_eq(mo->eval(st, 10.5, 1e-6, a, &err), FB_ERR_RANGE);
    fb_decay dd;
    ck_assert_int_eq(m.ops->decay(m.st, 10.01, 1e-6, &dd, &err), FB_ERR_RANGE);
    ck_assert_int_eq(m.ops->decay(m.st, 9e-4, 1e-6, &dd, &err), FB_ERR_RANGE);
    ck_assert_int_eq(m.ops->decay(m.st, 0.5, 0.0, &dd, &err), FB_ERR_RANGE);
    ck_assert_msg(strstr(err.msg, "valid range") != NULL, "%s", err.msg);
    ck_assert_int_eq(mo->eval(st, 1.0, 2.0, a, &err), FB_ERR_RANGE);
    mo->free(st);
    m.ops->free(m.st);
  }
}
END_TEST

/* ---------------------------------------------------------------- exclusive -> inclusive hand-over
 * (issue 13, session bc11w). The ratio R(m) = Gamma(larger hadronic set)/Gamma(single mesons only)
 * is the jump a hard switch at m would make; it is printed for 0.7-3 GeV (R > 1 from 0.7-0.8 GeV
 * on for these constants, so no switch mass is continuous). match_window_GeV > 0 hands over
 * smoothly; asserted: continuity at both ends of the window (relative change < 1e-4 across
 * m (1 -/+ 1e-7)), the total inside the window between the two sets' totals, and equality with the
 * hard switch above the window (1e-12). */
START_TEST(test_match_window) {
  const double mm[] = {0.7, 0.8, 0.9, 0.958, 1.0, 1.1, 1.2, 1.3, 1.5, 1.75, 2.0, 2.5, 2.99};
  for (int f = 0; f < 3; f++) {
    char a[64];
    snprintf(a, sizeof a, "%s.match_mass_GeV=3.0", models[f]);
    model_t ex = open_model(f, a);
    snprintf(a, sizeof a, "%s.match_mass_GeV=0.5", models[f]);
    model_t inc = open_model(f, a);
    printf("%s hard-switch jump R(m) = Gamma(max(excl, incl))/Gamma(excl):", models[f]);
    for (size_t i = 0; i < sizeof mm / sizeof mm[0]; i++)
      printf(" %.3f:%.4f", mm[i], width_at(&inc, mm[i]) / width_at(&ex, mm[i]));
    printf("\n");
    snprintf(a, sizeof a, "%s.match_window_GeV=0.5", models[f]);
    model_t win = open_model(f, a), hard = open_model(f, NULL);
    const double ends[2] = {1.0, 1.5};
    for (int e = 0; e < 2; e++) {
      const double r = width_at(&win, ends[e] * (1 + 1e-7)) / width_at(&win, ends[e] * (1 - 1e-7)) - 1.0;
      ck_assert_msg(fabs(r) < 1e-4, "%s window end %g: relative change %g", models[f], ends[e], r);
    }
    for (double m = 1.02; m < 1.5; m += 0.04) {
      const double w = width_at(&win, m), a0 = width_at(&ex, m), a1 = width_at(&hard, m);
      ck_assert_msg(w >= fmin(a0, a1) * (1 - 1e-12) && w <= fmax(a0, a1) * (1 + 1e-12), "%s m = %g", models[f], m);
    }
    printf("%s c tau(window 1.0-1.5 GeV)/c tau(hard switch at 1 GeV): 1.0: %.4f, 1.1: %.4f, 1.25: %.4f, 1.4: %.4f\n",
           models[f], width_at(&hard, 1.0) / width_at(&win, 1.0), width_at(&hard, 1.1) / width_at(&win, 1.1),
           width_at(&hard, 1.25) / width_at(&win, 1.25), width_at(&hard, 1.4) / width_at(&win, 1.4));
    for (double m = 1.51; m < 3.0; m += 0.37)
      ck_assert(fabs(width_at(&win, m) / width_at(&hard, m) - 1.0) < 1e-12);
    printf("%s Gamma ours/EventCalc at 1.2 GeV: hard switch %.4f, window %.4f\n", models[f],
           width_at(&hard, ec_mass[8]) / ec_width[8][f], width_at(&win, ec_mass[8]) / ec_width[8][f]);
    win.ops->free(win.st), hard.ops->free(hard.st), ex.ops->free(ex.st), inc.ops->free(inc.st);
  }
}
END_TEST

/* ---------------------------------------------------------------- a third tabulation of arXiv:1805.08567
 * (issue 13, session bc11w). The published text and figures of arXiv:1805.08567 are still not
 * readable here (page store: openings only; searched again this session, also for arXiv:0705.1729,
 * 0901.3589, 2007.03701 / 2105.09318 and 2010.07305: openings or abstracts only). A further
 * independent tabulation "computed following 1805.08567" is the MATHUSLA LLP file set of D. Curtin and
 * J. Grewal (June 2023): github.com/davidrcurtin/MATHUSLA_LLPfiles_RHN_Ue, commit da1eb45,
 * RHNctauUe.dat (c tau [m] at U_e^2 = 1) and RHNbrUe_exclusive.dat (BR(N -> nu e e), BR(N -> nu e mu)
 * of its exclusive regime, below 0.6 GeV); github.com/davidrcurtin/MATHUSLA_LLPfiles_RHN_Umu, commit
 * b3518ba, RHNctauUmu.dat. Numbers copied below at rows of their grid, 6 below and 6 above 1 GeV.
 * Tolerances fixed before the comparison: c tau 5 % below 1 GeV (exclusive channels on both sides,
 * as for EventCalc and HNLCalc), 25 % from 1.2 GeV on (their hadronic treatment above ~1 GeV is their
 * own: MadGraph partonic decays; a normalisation check, as for EventCalc); BRs 5 %. */
START_TEST(test_mathusla_tables) {
  static const double mass[12] = {0.1, 0.20221557412034527, 0.3029527049925617, 0.5037800151440569,
                                  0.7071067811865475, 0.9059128829293591, 1.2069174581200166, 1.5064424194283201,
                                  2.0069828897690725, 3.006795584238605, 4.005853269114758, 5.0};
  static const double ctau[2][12] = {
      /* U_e */ {273.5879973875826, 0.5766855592082317, 0.07729038901632679, 0.010968205655438788, 0.003026625270826283,
                 0.0009496135876452557, 0.00022256686313497817, 0.00007779069312701867, 0.000018099548864492946,
                 2.157922272311284e-6, 4.639103405995175e-7, 1.4235344249705507e-7},
      /* U_mu */ {383.6166379078997, 1.4550773031082396, 0.11214399060353707, 0.012111621288966897,
                  0.003175572624249518, 0.0010361545056457732, 0.00022747288154561718, 0.00007933944872599195,
                  0.000018619227114722288, 2.1724480613488453e-6, 4.657204913632227e-7, 1.4270737607760185e-7}};
  for (int f = 0; f < 2; f++) {
    model_t m = open_model(f, NULL);
    for (int i = 0; i < 12; i++) {
      fb_decay d;
      decay(&m, mass[i], 1.0, &d);
      const double r = d.ctau_m / ctau[f][i], tol = mass[i] < 1.0 ? 0.05 : 0.25;
      printf("MATHUSLA LLP files %s m = %.4f GeV: c tau ours/theirs = %.4f (tolerance %.2f)\n", models[f], mass[i], r,
             tol);
      ck_assert_msg(fabs(r - 1.0) < tol, "%s m = %g: ratio %g", models[f], mass[i], r);
    }
    m.ops->free(m.st);
  }
  /* U_e: BR(N -> nu_e e e) and BR(N -> e mu nu_mu) (their "vemu") */
  static const double bm[6] = {0.1, 0.20113098831942758, 0.30370628205628, 0.4045367446234972, 0.5015752812467621, 0.6};
  static const double bee[6] = {0.36664645612113145, 0.026335162069181454, 0.026496870258332424, 0.036032900463758344,
                                0.04743977189689091, 0.059442933662689365};
  static const double bemu[6] = {0, 0.005956628857378307, 0.01906311430411522, 0.03773716897559158,
                                 0.058910323719023515, 0.08130608590192122};
  model_t m = open_model(0, NULL);
  for (int i = 0; i < 6; i++) {
    fb_decay d;
    decay(&m, bm[i], 1.0, &d);
    const double r1 = d.ch[fb_decay_find(&d, "nu_ee")].br / bee[i];
    const double r2 = bemu[i] > 0 ? d.ch[fb_decay_find(&d, "e_mu_numu")].br / bemu[i] : 1.0;
    printf("MATHUSLA LLP files bc6 m = %.4f GeV: BR(nu e e) ours/theirs = %.4f, BR(e mu nu) ours/theirs = %.4f\n", bm[i],
           r1, r2);
    ck_assert_msg(fabs(r1 - 1.0) < 0.05 && fabs(r2 - 1.0) < 0.05, "m = %g: %g %g", bm[i], r1, r2);
  }
  m.ops->free(m.st);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  Suite *s = suite_create("hnl");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_3nu);
  tcase_add_test(tc, test_lpi_nupi0);
  tcase_add_test(tc, test_nu_ll);
  tcase_add_test(tc, test_three_body);
  tcase_add_test(tc, test_tau_crossing);
  tcase_add_test(tc, test_foresee_table);
  tcase_add_test(tc, test_energy_fractions);
  tcase_add_test(tc, test_sums_continuity);
  tcase_add_test(tc, test_scan_models);
  tcase_add_test(tc, test_eventcalc_widths);
  tcase_add_test(tc, test_eventcalc_charm_threshold);
  tcase_add_test(tc, test_eventcalc_br_nuee);
  tcase_add_test(tc, test_digitised_lifetime_mu);
  tcase_add_test(tc, test_fairship_example);
  tcase_add_test(tc, test_qcd_rtau);
  tcase_add_test(tc, test_hnlcalc_lifetimes);
  tcase_add_test(tc, test_neutral_vector_isospin);
  tcase_add_test(tc, test_match_window);
  tcase_add_test(tc, test_mathusla_tables);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf ? EXIT_FAILURE : EXIT_SUCCESS;
}
