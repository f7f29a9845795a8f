/**
 * @file bbn_kaons.c
 * @brief The kaon inputs of meson-driven p <-> n conversion (bbn_mesons.c): absorption rates of
 *        slow antikaons on nucleons, the p <-> n conversion fraction and the charged pions of each
 *        absorption channel, and the charged pions of kaon decays. Computed once (bbn_tables_init).
 *
 * Physics (the literature's treatment of injected kaons: Reno & Seckel, PRD 37 (1988) 3441; Kohri
 * arXiv:astro-ph/0103411 sec. II; Kawasaki, Kohri, Moroi arXiv:astro-ph/0408426 sec. 4; Pospelov &
 * Pradler arXiv:1006.4172 sec. 2): a charged kaon is stopped by the plasma (like a pion) and then
 * either decays or, for K-, is absorbed by a nucleon into a hyperon and a pion, K- p -> Sigma pi,
 * Lambda pi; the hyperon decays to a nucleon (Sigma- -> n pi-, Sigma+ -> p pi0 / n pi+, Sigma0 ->
 * Lambda gamma, Lambda -> p pi- / n pi0), so a K- p absorption ends as a neutron with probability
 * f_pn. K+ is not absorbed (no S = +1 hyperon; K+ n -> K0 p is endothermic by 2.6 MeV). The numbers
 * here are derived from low-energy data, not copied from the BBN papers (whose Reno & Seckel values
 * could not be re-read here):
 *  - s-wave absorption at threshold obeys the 1/v law, <sigma v> = 4 pi hbar Im a / mu (optical
 *    theorem, k -> 0), a the strong scattering length and mu the reduced mass;
 *  - a(K- p) from the SIDDHARTA kaonic-hydrogen shift and width (arXiv:1105.3090) through the
 *    Deser formula with its next-to-leading isospin-breaking correction (Meissner, Raha, Rusetsky
 *    arXiv:nucl-th/0402261 eq. 1): DeltaE - i Gamma/2 = -2 alpha^3 mu^2 a [1 - 2 alpha mu (ln alpha - 1) a].
 *    Solved by fixed-point iteration: a = -0.656 + 0.806 i fm, as published (-0.65 +- 0.10 +
 *    i (0.81 +- 0.15) fm); <sigma v>_abs = 61.8 mb c, times the thermal Coulomb factor of K- p;
 *  - a(K- n): Im a = 0.72 fm of Ikeda, Hyodo, Weise arXiv:1201.6549 (55.2 mb c);
 *  - final states: K- p at rest, Humphrey & Ross PRD 127 (1962) 1305 (0.447 : 0.208 : 0.281 : 0.064
 *    for Sigma- pi+, Sigma+ pi-, Sigma0 pi0, Lambda pi0). The I = 1 part, which alone feeds K- n,
 *    follows by isospin: Sigma0 pi0 is pure I = 0 (|A0|^2/6), Sigma+- pi-+ sum to |A0|^2/3 + |A1|^2/2,
 *    so the I = 1 Sigma pi rate is BR(S- pi+) + BR(S+ pi-) - 2 BR(S0 pi0) = 0.093 against Lambda pi0
 *    0.064: a Sigma pi share s = 0.59 of I = 1 absorption, split equally into Sigma- pi0 and
 *    Sigma0 pi- for K- n;
 *  - K_L = (K0 + K0bar)/sqrt2: its K0bar half is absorbed with the isospin mirrors (K0bar n ~ K- p
 *    without Coulomb, K0bar p ~ K- n, final states mirrored p <-> n, Sigma+ <-> Sigma-, pi+ <-> pi-);
 *    the K0 half only charge-exchanges, K0 p -> K+ n, with the small I = 1 - I = 0 K N scattering
 *    length difference (~0.4 mb c: neglected). K_L is neutral and is not stopped: it meets the
 *    nucleons at its injection momentum (p ~ 0.2-1 GeV/c) and decays in flight (Lorentz factor
 *    gamma_K_L of bbn_decay; when X itself moves with gamma_X, 2026-12-07, the K_L's lab energy is flat on
 *    gamma_X (E* -+ beta_X p*) around the record's rest-frame mean E* = gamma_K_L m_K0, and its fates are
 *    averaged over that box: bbn_kaon_flux_eval). The threshold (1/v-law) rates are used for it too: above p ~ 0.2 GeV/c
 *    the measured K- p absorption sigma v is smaller, so K_L conversion is an upper estimate
 *    (README.md);
 *  - kaon decays (PDG 2024 branching ratios) and hyperon decays give secondary charged pions, which
 *    convert nucleons like the directly injected ones (bbn_mesons.c);
 *  - not included: K- capture on 4He after BBN, the energy dependence of sigma for kaons that
 *    interact before stopping (T >~ few MeV), secondary nucleons from hyperon decays in flight.
 */
#include <complex.h>
#include <math.h>

#include "bbn_em_injection.h"
#include "bbn_internal.h"
#include "fb_constants.h"

int bbn_kp_scattering_length(double *re_fm, double *im_fm) {
  const double mK = FB_MK_CHARGED_GEV * 1e3, mp = FB_MP_GEV * 1e3, mu = mK * mp / (mK + mp);
  const double hc = FB_HBARC_GEV_CM * 1e3 / FB_FM_TO_CM; /* MeV fm */
  const double al = FB_ALPHA_EM, c0 = 2.0 * al * al * al * mu * mu;
  const double complex lhs = (FB_KP_1S_SHIFT_EV - 0.5 * I * FB_KP_1S_WIDTH_EV) * 1e-6; /* MeV */
  const double complex a_lo = -lhs / c0;                                                /* MeV^-1 */
  double complex a = a_lo;
  int it = 0;
  for (; it < 200; ++it) {
    const double complex an = a_lo / (1.0 - 2.0 * al * mu * (log(al) - 1.0) * a);
    const double d = cabs(an - a);
    a = an;
    if (d < 1e-15 * cabs(a)) break;
  }
  *re_fm = creal(a) * hc;
  *im_fm = cimag(a) * hc;
  return it < 200 ? 0 : -1;
}

/* <sigma v> [mb c] of s-wave absorption for Im a [fm] and reduced mass mu [MeV]: 4 pi Im a hbar/mu */
static double sigv_abs_mb(double im_a_fm, double mu_MeV) {
  const double hc = FB_HBARC_GEV_CM * 1e3 / FB_FM_TO_CM; /* MeV fm */
  return 4.0 * FB_PI * im_a_fm * hc / mu_MeV * 10.0;    /* fm^2 -> mb */
}

int bbn_kaon_init(bbn_kaon_data *k) {
  const double mK = FB_MK_CHARGED_GEV * 1e3, mK0 = FB_MK0_GEV * 1e3;
  const double mp = FB_MP_GEV * 1e3, mn = FB_MN_GEV * 1e3;
  double re, im;
  const int rc = bbn_kp_scattering_length(&re, &im);
  k->sv_Kp_mb = sigv_abs_mb(im, mK * mp / (mK + mp));
  k->sv_Kn_mb = sigv_abs_mb(FB_KN_IM_A_FM, mK * mn / (mK + mn));
  /* isospin mirrors for the K0bar half of K_L (no Coulomb factor) */
  k->sv_K0n_mb = sigv_abs_mb(im, mK0 * mn / (mK0 + mn));
  k->sv_K0p_mb = sigv_abs_mb(FB_KN_IM_A_FM, mK0 * mp / (mK0 + mp));

  const double bSm = FB_KP_BR_SIGMAM_PIP, bSp = FB_KP_BR_SIGMAP_PIM, bS0 = FB_KP_BR_SIGMA0_PI0,
               bL = FB_KP_BR_LAMBDA_PI0;
  const double sp_n = FB_BR_SIGMAP_NPIP, sm_n = FB_BR_SIGMAM_NPIM, l_p = FB_BR_LAMBDA_PPIM;
  const double sum = bSm + bSp + bS0 + bL;
  const double s1 = (bSm + bSp - 2.0 * bS0) / (bSm + bSp - 2.0 * bS0 + bL); /* Sigma pi share of I = 1 */
  k->sigma_share_I1 = s1;
  /* K- p: p -> n fraction and charged pions (the hyperon's decay pion included) */
  k->Kp.f_conv = (bSm * sm_n + bSp * sp_n + (bS0 + bL) * (1.0 - l_p)) / sum;
  k->Kp.n_pip = (bSm + bSp * sp_n) / sum;
  k->Kp.n_pim = (bSm * sm_n + bSp + (bS0 + bL) * l_p) / sum;
  /* K- n (I = 1): Sigma- pi0 (s/2), Sigma0 pi- (s/2), Lambda pi- (1 - s); n -> p through Lambda -> p */
  k->Kn.f_conv = l_p * (1.0 - 0.5 * s1);
  k->Kn.n_pip = 0.0;
  k->Kn.n_pim = 0.5 * s1 * sm_n + (1.0 - 0.5 * s1) * (1.0 + l_p);
  /* K0bar n (mirror of K- p): Sigma+ pi- (bSm), Sigma- pi+ (bSp), Sigma0 pi0 + Lambda pi0; n -> p */
  k->K0n.f_conv = (bSm * (1.0 - sp_n) + bSp * (1.0 - sm_n) + (bS0 + bL) * l_p) / sum;
  k->K0n.n_pip = (bSm * sp_n + bSp) / sum;
  k->K0n.n_pim = (bSm + bSp * sm_n + (bS0 + bL) * l_p) / sum;
  /* K0bar p (mirror of K- n): Sigma+ pi0 (s/2), Sigma0 pi+ (s/2), Lambda pi+ (1 - s); p -> n */
  k->K0p.f_conv = 0.5 * s1 * sp_n + (1.0 - 0.5 * s1) * (1.0 - l_p);
  k->K0p.n_pip = 0.5 * s1 * sp_n + (1.0 - 0.5 * s1);
  k->K0p.n_pim = (1.0 - 0.5 * s1) * l_p;
  /* decays: K- -> pi- pi0, pi- pi- pi+, pi- pi0 pi0 (K+ the charge conjugates) */
  k->Kdec_same = FB_BR_K_PIPI0 + 2.0 * FB_BR_K_3PI_CHARGED + FB_BR_K_PIPI0PI0;
  k->Kdec_opp = FB_BR_K_3PI_CHARGED;
  k->KLdec_each = 0.5 * (FB_BR_KL_PIENU + FB_BR_KL_PIMUNU) + FB_BR_KL_PIPIPI0;
  k->KSdec_each = FB_BR_KS_PIPI;
  return rc;
}

/* One slow (anti)kaon species absorbed on protons (rate per proton density ap) and neutrons (an)
 * against its decay rate g: adds the p -> n and n -> p fluxes per unit Y_p / Y_n and the secondary
 * pion injection. R: kaons injected per baryon per second; Yp, Yn: abundances. */
static void kaon_species(double R, double ap, double an, double g, double Yp, double Yn,
                         const bbn_kaon_channel *cp, const bbn_kaon_channel *cn, double dec_pip,
                         double dec_pim, bbn_kaon_flux *f) {
  if (R <= 0.0) return;
  const double D = Yp * ap + Yn * an + g;
  f->pn_per_Yp += R * cp->f_conv * ap / D; /* p -> n: K0bar p / K- p */
  f->np_per_Yn += R * cn->f_conv * an / D;
  f->dpn_dYp += R * cp->f_conv * ap * (Yn * an + g) / (D * D);
  f->dnp_dYn += R * cn->f_conv * an * (Yp * ap + g) / (D * D);
  /* cross terms: a nucleon of the other kind competes for the kaon */
  f->dpn_dYn -= R * cp->f_conv * ap * Yp * an / (D * D);
  f->dnp_dYp -= R * cn->f_conv * an * Yn * ap / (D * D);
  f->R_pip += R * (Yp * ap * cp->n_pip + Yn * an * cn->n_pip + g * dec_pip) / D;
  f->R_pim += R * (Yp * ap * cp->n_pim + Yn * an * cn->n_pim + g * dec_pim) / D;
}

void bbn_kaon_flux_eval(const bbn_kaon_data *k, const bbn_decay *d, double decays, double nb_cm3,
                        double coulomb_K, double Yp, double Yn, double gamma_X, bbn_kaon_flux *f) {
  f->pn_per_Yp = f->np_per_Yn = f->dpn_dYp = f->dnp_dYn = f->dpn_dYn = f->dnp_dYp = 0.0;
  f->R_pip = f->R_pim = 0.0;
  const double mb = 1e-27 * FB_C_CM_S * nb_cm3; /* mb c -> rate per unit Y */
  /* K-: stopped, absorbed on p (Coulomb-enhanced) and n, or decays at rest */
  kaon_species(d->n_K_minus * decays, k->sv_Kp_mb * coulomb_K * mb, k->sv_Kn_mb * mb, 1.0 / FB_TAU_K_CHARGED_S,
               Yp, Yn, &k->Kp, &k->Kn, k->Kdec_opp, k->Kdec_same, f);
  /* K+: stopped, decays (K+ -> pi+ pi0, ...) */
  f->R_pip += d->n_K_plus * decays * k->Kdec_same;
  f->R_pim += d->n_K_plus * decays * k->Kdec_opp;
  /* K_S: decays at once (c tau = 2.7 cm) to pi+ pi- */
  f->R_pip += d->n_K_S * decays * k->KSdec_each;
  f->R_pim += d->n_K_S * decays * k->KSdec_each;
  /* K_L: its K0bar half absorbed with the mirror rates, decays in flight */
  const double gam = d->gamma_K_L > 1.0 ? d->gamma_K_L : 1.0;
  if (!(gamma_X > 1.0)) {
    kaon_species(d->n_K_L * decays, 0.5 * k->sv_K0p_mb * mb, 0.5 * k->sv_K0n_mb * mb, 1.0 / (gam * FB_TAU_KL_S), Yp,
                 Yn, &k->K0p, &k->K0n, k->KLdec_each, k->KLdec_each, f);
    return;
  }
  /* X in flight (Lorentz factor gamma_X): the K_L of rest-frame energy gam m_K0 has its lab energy flat on
   * gamma_X (E* -+ beta_X p*) (bbn_em_injection.c's boost), so its decay rate 1/(gamma_K tau) varies across the
   * box; its fates averaged over 4 Gauss-Legendre nodes of the box (the fluxes are linear in the kaon rate R;
   * A & S table 25.4) */
  static const double x4[4] = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};
  static const double w4[4] = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};
  const double mK0 = FB_MK0_GEV * 1e3;
  double lo, hi;
  bbn_boost_flat_range(gamma_X, gam * mK0, mK0, &lo, &hi);
  for (int i = 0; i < 4; ++i) {
    const double E = 0.5 * (lo + hi) + 0.5 * (hi - lo) * x4[i], w = 0.5 * w4[i];
    kaon_species(w * d->n_K_L * decays, 0.5 * k->sv_K0p_mb * mb, 0.5 * k->sv_K0n_mb * mb,
                 1.0 / (fmax(E / mK0, 1.0) * FB_TAU_KL_S), Yp, Yn, &k->K0p, &k->K0n, k->KLdec_each, k->KLdec_each, f);
  }
}
