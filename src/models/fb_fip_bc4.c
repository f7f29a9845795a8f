/**
 * @file fb_fip_bc4.c
 * @brief BC4 and BC5: a dark scalar S that mixes with the Higgs (angle theta), so that it couples
 *        to every SM field like a light Higgs with strength sin theta (FIPs 2020 report,
 *        arXiv:2102.12143, BC4/BC5). BC5 adds a trilinear h S S coupling fixed by
 *        BR(h -> S S) = 1e-2 ([bc5] br_h_SS); its decays are those of BC4.
 *
 * Widths at sin^2 theta (s2), m = m_S, beta_X = sqrt(1 - 4 m_X^2/m^2), v = (sqrt 2 G_F)^-1/2:
 *  - leptons:  Gamma(S -> l l) = s2 G_F m_l^2 m beta_l^3 / (4 sqrt2 pi)
 *              [Gunion, Haber, Kane, Dawson, "The Higgs Hunter's Guide"; Djouadi hep-ph/0503172 Sec. 2.1];
 *  - photons:  Gamma = s2 G_F alpha^2 m^3/(128 sqrt2 pi^3) |sum_f N_c Q_f^2 A_1/2(tau_f) + A_1(tau_W)|^2,
 *              tau_X = m^2/(4 m_X^2), loops of e, mu, tau, c, b, t and W [Djouadi hep-ph/0503172
 *              Sec. 2.3; Spira et al. hep-ph/9504378]. Light-hadron loops (pi+-, K+-) are
 *              not included (u, d, s quark loops are suppressed by m_q^2/m^2);
 *  - exclusive light hadrons: Gamma(S -> pi+ pi-) = s2 G_F |G_pi(m^2)|^2 beta_pi+ / (8 sqrt2 pi m),
 *    pi0 pi0: half of that (identical particles) with m_pi0; K+K- and K0 K0bar like pi+pi- with G_K;
 *    G_P = (2/9) theta_P + (7/9)(Gamma_P + Delta_P) (heavy quarks c, b, t integrated out through the
 *    trace anomaly) [Voloshin, Sov. J. Nucl. Phys. 44 (1986) 478; Donoghue, Gasser, Leutwyler,
 *    Nucl. Phys. B343 (1990) 341; Winkler arXiv:1809.01876 Sec. III]. [bc4] light_hadrons selects
 *    the form factors:
 *      dispersive (default): the two-channel (pi pi, K Kbar) Muskhelishvili-Omnes solution with the
 *        data-constrained GKPY pi pi S wave (arXiv:1102.2183) as input, the method of DGL and
 *        Winkler (fb_scalar_mo.h, fb_pipi_swave.h; K Kbar phase: [bc4] kk_phase), tabulated at set-up;
 *      dispersive_chiral: the same solver with the chiral-unitary T-matrix of hep-ph/9702314;
 *      coupled_channel: the pi pi / K Kbar final-state interaction (sigma, f0(980)) of the
 *        two-channel chiral-unitary amplitude of Oller-Oset hep-ph/9702314, F = [1 - V G]^-1 R,
 *        normalised to the chiral values at s = 0 (fb_scalar_ff.h; the default before 2026-12-07);
 *      chiral_lo: leading-order chiral perturbation theory, G_P = (2/9)(s + 11/2 m_P^2) with each
 *        pair's own mass (no final-state interaction: too long c*tau by x1.8-x18 at 0.3-1 GeV).
 *    eta eta (eta = eta_8, no eta-eta' mixing) stays at leading order in all (it is not in the
 *    two-channel system). docs/validation.md lists the remaining deviations from the dispersive
 *    FORESEE tables. 4 pi is not in the exclusive set (it enters through the perturbative width in
 *    the interpolation band).
 *  - perturbative QCD: Gamma(S -> q qbar) = 3 s2 G_F mbar_q(m)^2 m beta_H^3/(4 sqrt2 pi) (1 + Delta_qq),
 *    with the MS-bar running mass at mu = m (c(x) functions of Spira hep-ph/9705337 /
 *    Djouadi hep-ph/0503172 Sec. 2.1), Delta_qq to O(alpha_s^3) [Djouadi Sec. 2.1], and the
 *    phase space of the lightest hadron pair (s: 2 m_K+, c: 2 m_D0);
 *    Gamma(S -> g g) = s2 G_F alpha_s^2 m^3/(36 sqrt2 pi^3) |(3/4) sum_{c,b,t} A_1/2(tau_q)|^2 K,
 *    K = 1 at leading order ([bc4] gg_qcd = lo, the default) or K = 1 + E alpha_s/pi, E = 95/4 - 7 N_F/6
 *    (gg_qcd = nlo) [Spira et al. hep-ph/9504378; Djouadi Sec. 2.3]. Below 10 GeV the NLO term is
 *    +40 % to +190 % (alpha_s(m) = 0.19-0.35), i.e. the series is not under control; the default is
 *    the leading order, which is also the convention of the FORESEE tables that follow
 *    arXiv:1809.01876 (their Gamma_gg equals our leading-order one to ~10 % at 2.5-10 GeV,
 *    docs/validation.md); nlo is kept as the alternative, and the spread is documented.
 *    N_F = 3 light flavours throughout (charm is massive in the loop and in its own channel), so
 *    no correction jumps inside the plane. alpha_s(mu) is that of the R ratio (fb_rratio.h,
 *    3-loop running from alpha_s(M_Z), frozen below 1 GeV).
 *
 * The theory-uncertain band ([bc4] m_low_GeV - m_high_GeV, default 1-2.5 GeV; the FIPs 2020 report
 * and arXiv:1809.01876 discuss it): with hadronic = interpolate (default) the exclusive widths are
 * weighted by 1 - w and the perturbative ones by w, w rising linearly in m from 0 at m_low to 1 at
 * m_high (continuous c*tau); with hadronic = switch the exclusive widths are used up to
 * m_switch_GeV and the perturbative ones above it (Winkler's choice, arXiv:1809.01876, with
 * m_switch = 2 GeV; c*tau jumps there).
 */
#include "fb_fip_bc4.h"

#include <complex.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_hadronize.h"
#include "fb_rratio.h"
#include "fb_scalar_ff.h"
#include "fb_scalar_mo.h"

#define BC4_MASS_MIN_GEV 1.0e-4
#define BC4_MASS_MAX_GEV 10.0
#define BC4_NF_LIGHT 3 /* light flavours in Delta_qq and E (see the file comment) */
#define SQRT2 1.41421356237309504880

enum { BC4_HAD_INTERPOLATE = 0, BC4_HAD_SWITCH = 1 };

const fb_key_spec fb_bc4_keys[FB_BC4_N_KEYS] = {
    {"bc4", "hadronic", FB_KEY_CHOICE, "interpolate", 0, 0, "interpolate|switch", "",
     "hadronic width in the theory-uncertain band: interpolate (linear weight between exclusive "
     "chiral and perturbative widths over m_low_GeV-m_high_GeV) or switch (exclusive below m_switch_GeV, "
     "perturbative above; arXiv:1809.01876)"},
    {"bc4", "m_low_GeV", FB_KEY_DOUBLE, "1.0", 0.3, 5.0, NULL, "GeV",
     "lower end of the interpolation band (exclusive hadrons only below it)"},
    {"bc4", "m_high_GeV", FB_KEY_DOUBLE, "2.5", 0.3, 5.0, NULL, "GeV",
     "upper end of the interpolation band (perturbative QCD only above it); must exceed m_low_GeV"},
    {"bc4", "m_switch_GeV", FB_KEY_DOUBLE, "2.0", 0.3, 5.0, NULL, "GeV",
     "matching mass of hadronic = switch"},
    {"bc4", "gg_qcd", FB_KEY_CHOICE, "lo", 0, 0, "lo|nlo", "",
     "S -> g g: leading order, or with the NLO factor 1 + E alpha_s/pi of hep-ph/9504378 (x1.4-2.9 below 10 GeV)"},
    {"bc4", "light_hadrons", FB_KEY_CHOICE, "dispersive", 0, 0, "dispersive|dispersive_chiral|coupled_channel|chiral_lo", "",
     "S -> pi pi, K K form factors: dispersive (two-channel Muskhelishvili-Omnes solution, fb_scalar_mo.h, with "
     "the data-constrained GKPY pi pi S wave of arXiv:1102.2183 as input, the method of arXiv:1809.01876) or "
     "dispersive_chiral (the same solver with the chiral-unitary T-matrix of hep-ph/9702314 below 1.2 GeV) or "
     "coupled_channel (the chiral-unitary form factors of hep-ph/9702314 normalised to the chiral values at "
     "s = 0, fb_scalar_ff.h) or chiral_lo (leading-order chiral perturbation theory, no final-state interaction); "
     "the spread is in docs/validation.md"},
    {"bc4", "kk_phase", FB_KEY_CHOICE, "chiral_unitary", 0, 0, "chiral_unitary|zero", "",
     "light_hadrons = dispersive: the K Kbar -> K Kbar S-wave phase of the solver input, from the chiral-unitary "
     "amplitude of hep-ph/9702314 up to 1.2 GeV (default) or 0 (pi pi -> K Kbar phase = delta_0^0; spread in "
     "docs/validation.md)"},
};

const fb_key_spec fb_bc5_keys[FB_BC5_N_KEYS] = {
    {"bc5", "br_h_SS", FB_KEY_DOUBLE, "0.01", 1e-8, 0.5, NULL, "",
     "BR(h -> S S) that fixes the trilinear h S S coupling (PBC BC5: 1e-2, arXiv:2102.12143)"},
};

typedef struct bc4_state {
  fb_rratio R;  /**< alpha_s(mu) */
  int hadronic; /**< BC4_HAD_* */
  int gg_nlo;   /**< 1: Gamma(gg) with its NLO factor */
  int light_lo; /**< 1: leading-order chiral pi pi / K K form factors; 0: coupled channel (ff) */
  fb_scalar_ff ff; /**< pi pi / K Kbar final-state interaction (fb_scalar_ff.h) */
  int light_mo;    /**< 1: dispersive (Muskhelishvili-Omnes) form factors (mo) */
  fb_scalar_mo mo; /**< fb_scalar_mo.h, set up only with light_hadrons = dispersive */
  double m_low_GeV, m_high_GeV, m_switch_GeV;
  double br_h_SS; /**< BC5 only */
} bc4_state;

/* ---------------------------------------------------------------- loop functions
 * Djouadi hep-ph/0503172 Sec. 2.3, tau = m_S^2/(4 m_loop^2):
 *   f(tau) = arcsin^2 sqrt(tau) (tau <= 1), -(1/4)[ln((1+sqrt(1-1/tau))/(1-sqrt(1-1/tau))) - i pi]^2;
 *   A_1/2 = 2 [tau + (tau - 1) f] / tau^2 (-> 4/3),  A_1 = -[2 tau^2 + 3 tau + 3 (2 tau - 1) f] / tau^2 (-> -7).
 * Below tau = 1e-3 the Taylor series (from arcsin^2 x = x^2 + x^4/3 + 8 x^6/45 + 4 x^8/35 + ...)
 * avoids the cancellation. */
static double complex loop_f(double tau) {
  if (tau <= 1.0) {
    const double a = asin(sqrt(tau));
    return a * a;
  }
  const double r = sqrt(1.0 - 1.0 / tau);
  const double complex l = log((1.0 + r) / (1.0 - r)) - I * FB_PI;
  return -0.25 * l * l;
}

static double complex loop_a_half(double tau) {
  if (tau < 1e-3) return 4.0 / 3.0 + 14.0 / 45.0 * tau + 8.0 / 63.0 * tau * tau;
  return 2.0 * (tau + (tau - 1.0) * loop_f(tau)) / (tau * tau);
}

static double complex loop_a_one(double tau) {
  if (tau < 1e-3) return -(7.0 + 22.0 / 15.0 * tau + 76.0 / 105.0 * tau * tau);
  return -(2.0 * tau * tau + 3.0 * tau + 3.0 * (2.0 * tau - 1.0) * loop_f(tau)) / (tau * tau);
}

/* ---------------------------------------------------------------- running quark masses */
/* c(x), x = alpha_s/pi, for nf = 3, 4, 5: Spira hep-ph/9705337, Djouadi hep-ph/0503172 Sec. 2.1. */
static double run_c(double x, int nf) {
  if (nf <= 3) return pow(4.5 * x, 4.0 / 9.0) * (1.0 + 0.895 * x + 1.371 * x * x + 1.952 * x * x * x);
  if (nf == 4) return pow(25.0 / 6.0 * x, 12.0 / 25.0) * (1.0 + 1.014 * x + 1.389 * x * x + 1.091 * x * x * x);
  return pow(23.0 / 6.0 * x, 12.0 / 23.0) * (1.0 + 1.175 * x + 1.501 * x * x + 0.1725 * x * x * x);
}

static int nf_at(double mu_GeV) { return mu_GeV < FB_MC_QUARK_GEV ? 3 : (mu_GeV < FB_MB_QUARK_GEV ? 4 : 5); }

/* mbar(mu) from mbar(mu0), running segment by segment between the flavour thresholds m_c, m_b
 * (the thresholds of the alpha_s of fb_rratio). */
static double run_mass(const fb_rratio *R, double m0_GeV, double mu0_GeV, double mu_GeV) {
  const double th[2] = {FB_MC_QUARK_GEV, FB_MB_QUARK_GEV};
  double pts[4];
  int n = 0;
  pts[n++] = mu0_GeV;
  if (mu_GeV > mu0_GeV) {
    for (int i = 0; i < 2; i++)
      if (th[i] > mu0_GeV && th[i] < mu_GeV) pts[n++] = th[i];
  } else {
    for (int i = 1; i >= 0; i--)
      if (th[i] < mu0_GeV && th[i] > mu_GeV) pts[n++] = th[i];
  }
  pts[n++] = mu_GeV;
  double m = m0_GeV;
  for (int k = 0; k + 1 < n; k++) {
    const int nf = nf_at(0.5 * (pts[k] + pts[k + 1]));
    m *= run_c(fb_rratio_alphas(R, pts[k + 1]) / FB_PI, nf) / run_c(fb_rratio_alphas(R, pts[k]) / FB_PI, nf);
  }
  return m;
}

/* ---------------------------------------------------------------- partial widths at sin^2 theta = 1 */
static double beta_of(double m, double mx) {
  const double r = 1.0 - 4.0 * mx * mx / (m * m);
  return r > 0.0 ? sqrt(r) : 0.0;
}

static double width_ll(double m, double ml) {
  const double b = beta_of(m, ml);
  return FB_GF_GEV_M2 * ml * ml * m * b * b * b / (4.0 * SQRT2 * FB_PI);
}

static double width_gammagamma(double m) {
  /* fermions: mass, N_c Q^2 */
  static const struct {
    double m_GeV, ncq2;
  } f[] = {{FB_ME_GEV, 1.0},           {FB_MMU_GEV, 1.0},           {FB_MTAU_GEV, 1.0},
           {FB_MC_QUARK_GEV, 4.0 / 3.0}, {FB_MB_QUARK_GEV, 1.0 / 3.0}, {FB_MT_QUARK_GEV, 4.0 / 3.0}};
  double complex amp = loop_a_one(m * m / (4.0 * FB_MW_GEV * FB_MW_GEV));
  for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
    amp += f[i].ncq2 * loop_a_half(m * m / (4.0 * f[i].m_GeV * f[i].m_GeV));
  const double a2 = cabs(amp) * cabs(amp);
  return FB_GF_GEV_M2 * FB_ALPHA_EM * FB_ALPHA_EM * m * m * m * a2 / (128.0 * SQRT2 * FB_PI * FB_PI * FB_PI);
}

/* Leading-order chiral form factor G_P(s = m^2) = (2/9)(m^2 + 11/2 m_P^2) [GeV^2]. */
static double chiral_g(double m, double mp) { return 2.0 / 9.0 * (m * m + 5.5 * mp * mp); }

/* S -> P Pbar for distinct P, Pbar (pi+pi-, K+K-, K0 K0bar) with |G_P(m^2)|^2 = g2 [GeV^4];
 * identical pairs take half. */
static double width_pp(double m, double mp, double g2) {
  return FB_GF_GEV_M2 * g2 * beta_of(m, mp) / (8.0 * SQRT2 * FB_PI * m);
}

static double width_pp_lo(double m, double mp) {
  const double g = chiral_g(m, mp);
  return width_pp(m, mp, g * g);
}

static double delta_qq(double a) {
  const double nf = BC4_NF_LIGHT; /* Djouadi hep-ph/0503172 Sec. 2.1 (Gorishny et al.; Chetyrkin) */
  return 5.67 * a + (35.94 - 1.36 * nf) * a * a + (164.14 - 25.77 * nf + 0.259 * nf * nf) * a * a * a;
}

static double width_qq(const bc4_state *st, double m, double mq_run_GeV, double m_hadron_GeV) {
  const double b = beta_of(m, m_hadron_GeV);
  if (b <= 0.0) return 0.0;
  const double a = fb_rratio_alphas(&st->R, m) / FB_PI;
  return 3.0 * FB_GF_GEV_M2 * mq_run_GeV * mq_run_GeV * m * b * b * b / (4.0 * SQRT2 * FB_PI) * (1.0 + delta_qq(a));
}

static double width_gg(const bc4_state *st, double m) {
  const double as = fb_rratio_alphas(&st->R, m);
  const double mq[3] = {FB_MC_QUARK_GEV, FB_MB_QUARK_GEV, FB_MT_QUARK_GEV};
  double complex amp = 0.0;
  for (int i = 0; i < 3; i++) amp += 0.75 * loop_a_half(m * m / (4.0 * mq[i] * mq[i]));
  const double E = 95.0 / 4.0 - 7.0 / 6.0 * BC4_NF_LIGHT; /* Spira et al. hep-ph/9504378 */
  const double a2 = cabs(amp) * cabs(amp);
  const double k = st->gg_nlo ? 1.0 + E * as / FB_PI : 1.0;
  return FB_GF_GEV_M2 * as * as * m * m * m * a2 / (36.0 * SQRT2 * FB_PI * FB_PI * FB_PI) * k;
}

/* weight of the perturbative widths (1 - weight for the exclusive ones) */
static double pert_weight(const bc4_state *st, double m) {
  if (st->hadronic == BC4_HAD_SWITCH) return m > st->m_switch_GeV ? 1.0 : 0.0;
  if (m <= st->m_low_GeV) return 0.0;
  if (m >= st->m_high_GeV) return 1.0;
  return (m - st->m_low_GeV) / (st->m_high_GeV - st->m_low_GeV);
}

/* A channel whose products are one class (n per decay), all of the energy to it. */
static int one_class(fb_decay *d, const char *name, double width, int c, double n, fb_err *err) {
  double nn[FB_N_DECAY_CLASSES] = {0}, ef[FB_N_DECAY_CLASSES] = {0};
  nn[c] = n;
  ef[c] = 1.0;
  return fb_decay_set_channel(d, name, width, nn, ef, err);
}

static int bc4_decay(void *state, double m, double s2, fb_decay *out, fb_err *err) {
  const bc4_state *st = state;
  FB_CALL(err, fb_fip_check_point(&fb_fip_bc4, m, s2, err));
  const double w = pert_weight(st, m), x = 1.0 - w;
  fb_decay_clear(out, m, s2);
  FB_CALL(err, fb_decay_two_body(out, "ee", s2 * width_ll(m, FB_ME_GEV), FB_DC_ELECTRON, FB_ME_GEV, FB_DC_ELECTRON,
                                 FB_ME_GEV, err));
  FB_CALL(err, fb_decay_two_body(out, "mumu", s2 * width_ll(m, FB_MMU_GEV), FB_DC_MUON, FB_MMU_GEV, FB_DC_MUON,
                                 FB_MMU_GEV, err));
  FB_CALL(err, fb_decay_two_body(out, "tautau", s2 * width_ll(m, FB_MTAU_GEV), FB_DC_TAU, FB_MTAU_GEV, FB_DC_TAU,
                                 FB_MTAU_GEV, err));
  FB_CALL(err, fb_decay_two_body(out, "gammagamma", s2 * width_gammagamma(m), FB_DC_PHOTON, 0.0, FB_DC_PHOTON, 0.0, err));
  /* pi pi: pi+pi- and pi0pi0 (identical: 1/2), each with its own threshold; K+K- and K0 K0bar.
   * light_lo: the leading-order form factor of each (its own mass); otherwise the isospin-limit
   * coupled-channel G_pi, G_K (fb_scalar_ff.h) with the physical phase space of each pair. */
  double wc = 0.0, w0 = 0.0, wk = 0.0;
  if (x <= 0.0) {
    /* perturbative only: no exclusive widths */
  } else if (st->light_lo) {
    wc = width_pp_lo(m, FB_MPI_CHARGED_GEV);
    w0 = 0.5 * width_pp_lo(m, FB_MPI0_GEV);
    wk = width_pp_lo(m, FB_MK_CHARGED_GEV) + width_pp_lo(m, FB_MK0_GEV);
  } else {
    double complex gpi = 0.0, gk = 0.0;
    double gp2 = 0.0, gk2 = 0.0;
    if (m > 2.0 * FB_MPI0_GEV && st->light_mo) {
      fb_scalar_mo_higgs2(&st->mo, m, &gp2, &gk2);
    } else if (m > 2.0 * FB_MPI0_GEV) {
      fb_scalar_ff_higgs(&st->ff, m * m, &gpi, &gk);
      gp2 = creal(gpi * conj(gpi));
      gk2 = creal(gk * conj(gk));
    }
    wc = width_pp(m, FB_MPI_CHARGED_GEV, gp2);
    w0 = 0.5 * width_pp(m, FB_MPI0_GEV, gp2);
    wk = width_pp(m, FB_MK_CHARGED_GEV, gk2) + width_pp(m, FB_MK0_GEV, gk2);
  }
  {
    const double fc = wc + w0 > 0.0 ? wc / (wc + w0) : 2.0 / 3.0;
    double nn[FB_N_DECAY_CLASSES] = {0}, ef[FB_N_DECAY_CLASSES] = {0};
    nn[FB_DC_PI_CHARGED] = 2.0 * fc;
    nn[FB_DC_PI0] = 2.0 * (1.0 - fc);
    ef[FB_DC_PI_CHARGED] = fc;
    ef[FB_DC_PI0] = 1.0 - fc;
    FB_CALL(err, fb_decay_set_channel(out, "pipi", s2 * x * (wc + w0), nn, ef, err));
  }
  FB_CALL(err, one_class(out, "KK", s2 * x * wk, FB_DC_KAON, 2.0, err));
  FB_CALL(err, one_class(out, "etaeta", s2 * x * 0.5 * width_pp_lo(m, FB_META_GEV), FB_DC_OTHER_HADRONS, 2.0, err));
  double gss = 0.0, gcc = 0.0, ggg = 0.0;
  if (w > 0.0) {
    gss = width_qq(st, m, run_mass(&st->R, FB_MS_QUARK_GEV, 2.0, m), FB_MK_CHARGED_GEV); /* m_s(2 GeV), PDG */
    gcc = width_qq(st, m, run_mass(&st->R, FB_MC_QUARK_GEV, FB_MC_QUARK_GEV, m), FB_MD0_GEV);
    ggg = width_gg(st, m);
  }
  /* the perturbative channels: mean pions, kaons, nucleons of the parton pair at W = m (fb_hadronize.h) */
  FB_CALL(err, fb_hadronize_channel(out, "ss", s2 * w * gss, FB_HAD_S, m, err));
  FB_CALL(err, fb_hadronize_channel(out, "cc", s2 * w * gcc, FB_HAD_C, m, err));
  FB_CALL(err, fb_hadronize_channel(out, "gg", s2 * w * ggg, FB_HAD_GLUON, m, err));
  FB_CALL(err, fb_decay_finalize(out, err));
  return FB_OK;
}

static int bc5_decay(void *state, double m, double s2, fb_decay *out, fb_err *err) {
  FB_CALL(err, fb_fip_check_point(&fb_fip_bc5, m, s2, err));
  return bc4_decay(state, m, s2, out, err);
}

/* ---------------------------------------------------------------- set-up */
int fb_bc5_br_h_SS(const fb_config *cfg, double *br_h_SS, fb_err *err) {
  const fb_key_spec *k = &fb_bc5_keys[0];
  const int given = cfg && fb_config_has_key(cfg, k->section, k->key);
  const double br = given ? fb_config_get_double(cfg, k->section, k->key) : atof(k->default_value);
  FB_TEST(err, !(br >= k->min && br <= k->max), FB_ERR_INPUT, "[%s] %s = %g out of range: allowed %g <= %s <= %g",
          k->section, k->key, br, k->min, k->key, k->max);
  *br_h_SS = br;
  return FB_OK;
}

static double cfg_double(const fb_config *cfg, const char *section, const char *key, double fallback) {
  if (!cfg || !fb_config_has_key(cfg, section, key)) return fallback;
  return fb_config_get_double(cfg, section, key);
}

static int bc4_init(void **state, const fb_config *cfg, fb_err *err) {
  bc4_state *st = calloc(1, sizeof *st);
  FB_TEST(err, !st, FB_ERR_MEMORY, "cannot allocate the BC4 state");
  int rc = fb_rratio_init(&st->R, err);
  if (rc != FB_OK) {
    free(st);
    return fb_err_push(err, rc, __func__, __LINE__, "fb_rratio_init (alpha_s)");
  }
  const char *had = cfg && fb_config_has_key(cfg, "bc4", "hadronic") ? fb_config_get_string(cfg, "bc4", "hadronic") : NULL;
  st->hadronic = had && !strcmp(had, "switch") ? BC4_HAD_SWITCH : BC4_HAD_INTERPOLATE;
  const char *ggq = cfg && fb_config_has_key(cfg, "bc4", "gg_qcd") ? fb_config_get_string(cfg, "bc4", "gg_qcd") : NULL;
  st->gg_nlo = ggq && !strcmp(ggq, "nlo");
  const char *lh = cfg && fb_config_has_key(cfg, "bc4", "light_hadrons") ? fb_config_get_string(cfg, "bc4", "light_hadrons") : NULL;
  st->light_lo = lh && !strcmp(lh, "chiral_lo");
  st->light_mo = !lh || !strcmp(lh, "dispersive") || !strcmp(lh, "dispersive_chiral");
  const int mo_input = lh && !strcmp(lh, "dispersive_chiral") ? FB_MO_INPUT_CHIRAL_UNITARY : FB_MO_INPUT_GKPY;
  const char *kp = cfg && fb_config_has_key(cfg, "bc4", "kk_phase") ? fb_config_get_string(cfg, "bc4", "kk_phase") : NULL;
  const int mo_flags = kp && !strcmp(kp, "zero") ? FB_MO_KK_PHASE_ZERO : 0;
  rc = fb_scalar_ff_init(&st->ff, err);
  if (rc == FB_OK && st->light_mo) rc = fb_scalar_mo_init_flags(&st->mo, mo_input, mo_flags, err);
  if (rc != FB_OK) {
    fb_rratio_free(&st->R);
    free(st);
    return fb_err_push(err, rc, __func__, __LINE__, "fb_scalar_ff_init");
  }
  rc = fb_bc5_br_h_SS(cfg, &st->br_h_SS, err);
  if (rc != FB_OK) {
    fb_rratio_free(&st->R);
    if (st->light_mo) fb_scalar_mo_free(&st->mo);
    free(st);
    return fb_err_push(err, rc, __func__, __LINE__, "BC5 BR(h -> S S)");
  }
  st->m_low_GeV = cfg_double(cfg, "bc4", "m_low_GeV", 1.0);
  st->m_high_GeV = cfg_double(cfg, "bc4", "m_high_GeV", 2.5);
  st->m_switch_GeV = cfg_double(cfg, "bc4", "m_switch_GeV", 2.0);
  if (!(st->m_low_GeV < st->m_high_GeV)) {
    const double lo = st->m_low_GeV, hi = st->m_high_GeV;
    fb_rratio_free(&st->R);
    if (st->light_mo) fb_scalar_mo_free(&st->mo);
    free(st);
    FB_FAIL(err, FB_ERR_INPUT, "[bc4] m_low_GeV = %g must be below m_high_GeV = %g", lo, hi);
  }
  *state = st;
  return FB_OK;
}

static void bc4_free(void *state) {
  bc4_state *st = state;
  if (!st) return;
  fb_rratio_free(&st->R);
  if (st->light_mo) fb_scalar_mo_free(&st->mo);
  free(st);
}

/* Couplings for production: S couples like the Higgs times sin theta.
 *   g_SNN = sin theta f_N m_N / v, f_N = FB_HIGGS_NUCLEON_FN (arXiv:1708.02245; Shifman, Vainshtein,
 *   Zakharov, Phys. Lett. 78B (1978) 443 for the heavy-quark part), m_N the mean nucleon mass;
 *   g_See = sin theta m_e / v, g_Smumu = sin theta m_mu / v. */
static int put_mixing_couplings(double s2, fb_fip_values *out, fb_err *err) {
  const double st = sqrt(s2), v = FB_HIGGS_VEV_GEV, mn = 0.5 * (FB_MP_GEV + FB_MN_GEV);
  FB_CALL(err, fb_fip_values_put(out, "sin_theta", "", "Higgs mixing angle sin(theta)", st, err));
  FB_CALL(err, fb_fip_values_put(out, "g_SNN", "", "scalar-nucleon Yukawa sin(theta) f_N m_N / v", st * FB_HIGGS_NUCLEON_FN * mn / v, err));
  FB_CALL(err, fb_fip_values_put(out, "g_See", "", "scalar-electron Yukawa sin(theta) m_e / v", st * FB_ME_GEV / v, err));
  FB_CALL(err, fb_fip_values_put(out, "g_Smumu", "", "scalar-muon Yukawa sin(theta) m_mu / v", st * FB_MMU_GEV / v, err));
  return FB_OK;
}

static int bc4_production(void *state, double m, double s2, fb_fip_values *out, fb_err *err) {
  (void)state;
  FB_CALL(err, fb_fip_check_point(&fb_fip_bc4, m, s2, err));
  out->n = 0;
  return put_mixing_couplings(s2, out, err);
}

/* BC5: Gamma(h -> S S) = BR/(1 - BR) Gamma_h^SM; with L = -(lambda/2) h S S,
 * Gamma(h -> S S) = lambda^2 beta_S / (32 pi m_h) (identical scalars), so lambda = sqrt(32 pi m_h Gamma / beta_S). */
static int bc5_production(void *state, double m, double s2, fb_fip_values *out, fb_err *err) {
  const bc4_state *st = state;
  FB_CALL(err, fb_fip_check_point(&fb_fip_bc5, m, s2, err));
  out->n = 0;
  FB_CALL(err, put_mixing_couplings(s2, out, err));
  const double br = st->br_h_SS, gam = br / (1.0 - br) * FB_HIGGS_WIDTH_SM_GEV;
  const double lam = sqrt(32.0 * FB_PI * FB_MH_GEV * gam / beta_of(FB_MH_GEV, m));
  FB_CALL(err, fb_fip_values_put(out, "br_h_SS", "", "BR(h -> S S)", br, err));
  FB_CALL(err, fb_fip_values_put(out, "width_h_SS_GeV", "GeV", "Gamma(h -> S S) = BR/(1-BR) Gamma_h(SM)", gam, err));
  FB_CALL(err, fb_fip_values_put(out, "lambda_hSS_GeV", "GeV", "trilinear coupling, L = -(lambda/2) h S S", lam, err));
  return FB_OK;
}

#define BC4_REFERENCES                                                                              \
  "arXiv:2102.12143 (BC4/BC5); arXiv:1809.01876; hep-ph/0503172; hep-ph/9504378; hep-ph/9705337; " \
  "Voloshin SJNP 44 (1986) 478; arXiv:1708.02245 (f_N); arXiv:1102.2183 (GKPY pi pi S wave); "        \
  "hep-ph/9702314 (pi pi / K K final-state interaction)"

/* What BC4 and BC5 share: the S particle, its plane and its decays. */
#define BC4_COMMON_FIELDS                                                                           \
  FB_FIP_AXES(BC4), .mass_min_GeV = BC4_MASS_MIN_GEV,                                              \
  .mass_max_GeV = BC4_MASS_MAX_GEV, .coupling_max = 1.0, .coupling_power = 1.0, .init = bc4_init,   \
  .free = bc4_free

const fb_fip_ops fb_fip_bc4 = {
    BC4_COMMON_FIELDS,
    .name = "bc4",
    .benchmark = "BC4",
    .particle = "dark scalar S mixing with the Higgs",
    .references = BC4_REFERENCES,
    .n_keys = FB_BC4_N_KEYS,
    .keys = fb_bc4_keys,
    .decay = bc4_decay,
    .production = bc4_production,
};

const fb_fip_ops fb_fip_bc5 = {
    BC4_COMMON_FIELDS,
    .name = "bc5",
    .benchmark = "BC5",
    .particle = "dark scalar S mixing with the Higgs, with BR(h -> S S) = 1e-2",
    .references = BC4_REFERENCES "; arXiv:1610.07922 (Gamma_h)",
    .n_keys = FB_BC5_N_KEYS, /* its decays read [bc4] when the configuration holds it */
    .keys = fb_bc5_keys,
    .decay = bc5_decay,
    .production = bc5_production,
};
