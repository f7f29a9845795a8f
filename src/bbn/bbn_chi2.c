/**
 * @file bbn_chi2.c
 * @brief The 95% CL verdict of one BBN point: chi^2 of Yp and D/H, its excess over standard BBN,
 *        per-observable pulls, and the Planck 2018 N_eff band.
 *
 * chi^2 = bbn_chi2(Yp_mass, D/H): PDG 2024 observations (Yp = 0.245 +- 0.003, D/H = (2.547 +-
 * 0.029)e-5) with the standard-BBN theory errors added in quadrature (bbn_chi2_th, bbn_network.c):
 * by default (bbn_params.theory_errors = BBN_TH_PROPAGATED) the network's own cited 1-sigma rate errors
 * and the neutron-lifetime error propagated linearly at the point's Omega_b h^2 (bbn_theory_err.c);
 * with BBN_TH_PRIMAT the published values of PRIMAT's rate Monte Carlo (Pitrou et al. arXiv:1801.08023:
 * sigma(Yp) = 0.00017, sigma(D/H)/(D/H) = 1.46%).
 * Criteria (documented choice):
 *  - excluded_bbn: Delta chi^2 = chi^2 - chi^2_SBBN > 5.99, the 95% quantile of chi^2 with two
 *    degrees of freedom (two observables; PDG 2024 "Statistics" table 40.2). The difference to
 *    standard BBN at the same Omega_b h^2 is used, not chi^2 itself, because standard BBN already
 *    has chi^2 = 5.3 (the deuterium tension of PRIMAT-like rates, README.md): an absolute cut at
 *    5.99 would nearly exclude the Standard Model. A point that lowers chi^2 is allowed.
 *  - excluded_Yp / excluded_DH: the single-observable 95% test relative to standard BBN, in the same
 *    spirit as excluded_bbn: pull^2 - pull_SBBN^2 > 1.96^2 (chi^2 with one degree of freedom; PDG 2024
 *    table 40.2), pulls with the point's own theory error. Reported, not used for excluded_bbn. An
 *    absolute |pull| > 1.96 would flag standard BBN itself (its D/H pull is -2.4, the tension above).
 *  - excluded_neff: |N_eff,rec - 2.99| > 0.34, Planck 2018 TT,TE,EE+lowE+lensing+BAO at 95%
 *    (arXiv:1807.06209 sec. 7.4, +0.34/-0.33; the symmetric 0.34 is used). N_eff,rec is N_eff at
 *    recombination (bbn_result.Neff_rec, bbn_neff_rec.c): the CMB constrains the free-streaming radiation
 *    through the damping tail and the phase shift of the acoustic peaks around last scattering (Hou et al.
 *    arXiv:1104.2333; Follin, Knox, Millea, Pan arXiv:1503.07863), so decays between the end of BBN and
 *    recombination count (as in Hufnagel, Schmidt-Hoberg, Wild arXiv:1808.09324 sec. 5 and Depta et al.
 *    arXiv:2011.06518); for tau <= 1e5 s both are equal (X is gone at the end of the BBN grid).
 *  These two separate cuts are the bands' criterion (issue 14 asks for Delta N_eff as its own band). The
 *  joint BBN + CMB likelihood profiled over Omega_b h^2 (bbn_joint_fit.c) is the thermal-particle default
 *  (`eval bbn likelihood=joint`) and an option of `eval bbn-decay`.
 * Flags for what is not computed (the "flag the points where it could change the result"):
 *  - flag_photodisintegration: f_em m Y F_pd > 1e-14 GeV, F_pd the fraction of decays after the
 *    cascade cut-off E_C = m_e^2/(22 T) (Kawasaki & Moroi astro-ph/9412055) exceeds the deuteron
 *    binding energy (T < 5.3 keV); 1e-14 GeV is the smallest m Y that the photodisintegration bounds
 *    exclude anywhere (astro-ph/0408426, arXiv:1808.09324), so below it the cascade cannot matter.
 *  - flag_hadrodissociation: m_X >= 1 GeV, hadronic products (charged pions or kaons) and
 *    m Y F_100 > 1e-14 GeV, F_100 the fraction of decays after 100 s (astro-ph/0408426 sec. 4).
 */
#include <math.h>

#include "bbn_internal.h"
#include "fb_constants.h"

/* the observations and theory errors of bbn_chi2 (bbn_internal.h), for the pulls */
static void obs_sigma(const bbn_result *r, double *sY, double *sD) {
  *sY = sqrt(BBN_OBS_YP_SIGMA * BBN_OBS_YP_SIGMA + r->th_sigma_Yp * r->th_sigma_Yp);
  *sD = sqrt(BBN_OBS_DH_SIGMA * BBN_OBS_DH_SIGMA + pow(r->th_rel_DH * r->D_H, 2));
}

void bbn_verdict_eval(const bbn_result *r, const bbn_result *r_sbbn, const bbn_decay *d, bbn_verdict *v) {
  double sY, sD, sY0, sD0;
  obs_sigma(r, &sY, &sD);
  obs_sigma(r_sbbn, &sY0, &sD0);
  v->chi2 = r->chi2;
  v->chi2_sbbn = r_sbbn->chi2;
  v->delta_chi2 = r->chi2 - r_sbbn->chi2;
  v->pull_Yp = (r->Yp_mass - BBN_OBS_YP) / sY;
  v->pull_DH = (r->D_H - BBN_OBS_DH) / sD;
  v->dNeff = r->Neff_rec - FB_NEFF_PLANCK18; /* at recombination, where the CMB measures it (bbn_neff_rec.c) */
  v->excluded_bbn = v->delta_chi2 > FB_CHI2_2DOF_95;
  const double pull0_Yp = (r_sbbn->Yp_mass - BBN_OBS_YP) / sY0, pull0_DH = (r_sbbn->D_H - BBN_OBS_DH) / sD0;
  const double z95sq = FB_GAUSS_95_TWO_SIDED * FB_GAUSS_95_TWO_SIDED;
  v->excluded_Yp = v->pull_Yp * v->pull_Yp - pull0_Yp * pull0_Yp > z95sq;
  v->excluded_DH = v->pull_DH * v->pull_DH - pull0_DH * pull0_DH > z95sq;
  v->excluded_neff = fabs(v->dNeff) > FB_NEFF_PLANCK18_95;
  v->flag_photodisintegration = d && d->f_em * r->mY_GeV * r->frac_after_photo > FB_CASCADE_MY_MIN_GEV;
  v->flag_hadrodissociation = d && d->mass_GeV >= 1.0 && (d->n_pi_minus + d->n_pi_plus + d->n_K_minus + d->n_K_plus + d->n_K_L + d->n_K_S) > 0.0 &&
                              r->mY_GeV * r->frac_after_100s > FB_CASCADE_MY_MIN_GEV;
}
