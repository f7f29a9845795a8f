/* Tests of the BC6/BC7/BC8 heavy neutral lepton (src/models/fb_fip_hnl.c, fb_model_hnl.c):
 *  - closed forms of arXiv:1805.08567 written out independently here (3 nu, l pi, nu pi0,
 *    nu l l with C1..C4), the V-A three-body integral against the one-massive-daughter closed form
 *    and the massless muon-decay spectra;
 *  - the crossed two-body widths against measured tau decays (PDG 2024: tau -> pi nu, rho nu):
 *    an independent check of f_pi, g_rho and the normalisation of the l P and l V widths;
 *  - sum BR = 1, sum efrac = 1, continuity of c tau over the whole mass range (jumps only where
 *    a channel opens, bounded by its share), the exclusive -> inclusive matching jump;
 *  - the scan models bc6-bc8 (quantity tables, |U|^2 scaling).
 *  - an independent tabulation (FORESEE repository, U_e only) in the leptonic sector.
 * The figures of arXiv:1805.08567 are not compared (its full text beyond the opening pages is not
 * available in this project's sources: docs/validation.md). */
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
 * masses < 1 GeV (1e-3). The hadronic widths differ (theirs 0.74-0.84 x ours, unexplained; ours
 * reproduces Gamma(tau -> pi nu), see test_tau_crossing): reported in docs/validation.md, not
 * asserted. */
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
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf ? EXIT_FAILURE : EXIT_SUCCESS;
}
