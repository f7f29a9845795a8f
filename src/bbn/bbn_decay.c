/**
 * @file bbn_decay.c
 * @brief The decaying particle X of bbn_params.decay: input checks and the background with X.
 *
 * The equations are in bbn.h (struct bbn_decay) and are integrated by bbn_background.c together
 * with the standard components. This file adds what the decay needs around that integration:
 *  - the standard background at the same inputs, which fixes the baryon normalisation: by default
 *    eta is the CMB value today (Omega_b h^2 = 0.02242), so entropy injection dilutes the baryons
 *    and n_b/n_gamma before the decay is larger by eta_BBN/eta_CMB = (n_b a^3)_X / (n_b a^3)_SBBN;
 *    with eta_at_bbn = 1 the comoving baryon number is that of standard BBN instead (eta today is
 *    then lower by the same factor);
 *  - the photon temperature at t = tau_X (the "T at decay").
 * Valid range: tau_X >= 1e-3 s (earlier decays only heat a plasma in equilibrium, which eta fixed
 * today absorbs) and <= 1e12 s. Up to 1e5 s X has decayed by the end of the grid (run to t >= 25 tau); for
 * 1e5 s < tau <= 1e12 s the grid stops at T_end = 1 keV with X partly left, whose decays are followed to
 * recombination for N_eff_rec and the baryon dilution only (bbn_neff_rec.c): the photodisintegration cascade
 * of those late decays is not included here (flag_photodisintegration; the photodis models compute it).
 */
#include <math.h>
#include <string.h>

#include <gsl/gsl_sf_bessel.h>

#include "bbn_internal.h"
#include "fb_constants.h"

int bbn_decay_check(const bbn_decay *d, fb_err *err) {
  FB_TEST(err, !(d->mass_GeV >= 1e-3 && d->mass_GeV <= 1e4), FB_ERR_RANGE,
          "decay mass_GeV = %g outside the allowed range [1e-3, 1e4] GeV", d->mass_GeV);
  FB_TEST(err, !(d->tau_s >= 1e-3 && d->tau_s <= BBN_DECAY_TAU_MAX_S), FB_ERR_RANGE,
          "decay tau_s = %g outside the allowed range [1e-3, %g] s", d->tau_s, BBN_DECAY_TAU_MAX_S);
  FB_TEST(err, !(d->mY_GeV >= 0.0 && d->mY_GeV <= 1.0), FB_ERR_RANGE,
          "decay mY_GeV = %g outside the allowed range [0, 1] GeV", d->mY_GeV);
  FB_TEST(err, !(d->n_over_ngamma >= 0.0 && d->n_over_ngamma <= 1e3), FB_ERR_RANGE,
          "decay n_over_ngamma = %g outside the allowed range [0, 1e3]", d->n_over_ngamma);
  FB_TEST(err, d->mY_GeV > 0.0 && d->n_over_ngamma > 0.0, FB_ERR_RANGE,
          "decay: give either mY_GeV (= %g) or n_over_ngamma (= %g), not both", d->mY_GeV,
          d->n_over_ngamma);
  const double f[3] = {d->f_em, d->f_nu, d->f_inv};
  const char *fn[3] = {"f_em", "f_nu", "f_inv"};
  for (int i = 0; i < 3; ++i)
    FB_TEST(err, !(f[i] >= 0.0 && f[i] <= 1.0), FB_ERR_RANGE,
            "decay %s = %.17g outside the allowed range [0, 1]", fn[i], f[i]);
  FB_TEST(err, fabs(f[0] + f[1] + f[2] - 1.0) > 1e-6, FB_ERR_RANGE,
          "decay f_em + f_nu + f_inv = %.9g must be 1 (energy fractions)", f[0] + f[1] + f[2]);
  FB_TEST(err, !(d->n_pi_minus >= 0.0 && d->n_pi_minus <= 100.0), FB_ERR_RANGE,
          "decay n_pi_minus = %g outside the allowed range [0, 100]", d->n_pi_minus);
  FB_TEST(err, !(d->n_pi_plus >= 0.0 && d->n_pi_plus <= 100.0), FB_ERR_RANGE,
          "decay n_pi_plus = %g outside the allowed range [0, 100]", d->n_pi_plus);
  const double *sh = d->nu_share;
  for (int i = 0; i < 3; ++i)
    FB_TEST(err, !(sh[i] >= 0.0 && sh[i] <= 1.0), FB_ERR_RANGE,
            "decay nu_share[%d] = %g outside the allowed range [0, 1]", i, sh[i]);
  const double shs = sh[0] + sh[1] + sh[2];
  FB_TEST(err, shs != 0.0 && fabs(shs - 1.0) > 1e-6, FB_ERR_RANGE,
          "decay nu_share e + mu + tau = %.9g must be 1 (or all 0: equal shares)", shs);
  const double nk[4] = {d->n_K_minus, d->n_K_plus, d->n_K_L, d->n_K_S};
  const char *nkn[4] = {"n_K_minus", "n_K_plus", "n_K_L", "n_K_S"};
  for (int i = 0; i < 4; ++i)
    FB_TEST(err, !(nk[i] >= 0.0 && nk[i] <= 100.0), FB_ERR_RANGE,
            "decay %s = %g outside the allowed range [0, 100]", nkn[i], nk[i]);
  FB_TEST(err, !(d->p0_MeV >= 0.0 && d->p0_MeV <= 1e6), FB_ERR_RANGE,
          "decay p0_MeV = %g outside the allowed range [0, 1e6] MeV", d->p0_MeV);
  FB_TEST(err, d->decays_at_rest != 0 && d->decays_at_rest != 1, FB_ERR_RANGE,
          "decay decays_at_rest = %d (allowed 0 or 1)", d->decays_at_rest);
  FB_TEST(err, !(d->g_inverse >= 0.0 && d->g_inverse <= 100.0), FB_ERR_RANGE,
          "decay g_inverse = %g outside the allowed range [0, 100] (internal states of X; 0: no inverse decays)",
          d->g_inverse);
  FB_TEST(err, !(d->T_inverse_MeV >= 0.0 && d->T_inverse_MeV <= 1e5), FB_ERR_RANGE,
          "decay T_inverse_MeV = %g outside the allowed range [0, 1e5] MeV", d->T_inverse_MeV);
  FB_TEST(err, !(d->gamma_K_L >= 0.0 && d->gamma_K_L <= 1e5), FB_ERR_RANGE,
          "decay gamma_K_L = %g outside the allowed range [0, 1e5]", d->gamma_K_L);
  FB_TEST(err, d->n_nu_groups < 0 || d->n_nu_groups > BBN_NU_MAX_GROUPS, FB_ERR_RANGE,
          "decay n_nu_groups = %d (allowed 0 - %d)", d->n_nu_groups, BBN_NU_MAX_GROUPS);
  for (int i = 0; i < d->n_nu_groups; ++i) {
    const bbn_nu_group *g = &d->nu_groups[i];
    FB_TEST(err, g->flavour < 0 || g->flavour > 2 || g->shape < BBN_NU_LINE || g->shape > BBN_NU_MICHEL_NUMU ||
                     !(g->n >= 0.0 && g->n <= 100.0) || !(g->E_MeV > 0.0 && g->E_MeV <= 1e7) ||
                     (g->from_pion != 0 && g->from_pion != 1) || (g->at_rest != 0 && g->at_rest != 1),
            FB_ERR_RANGE, "decay nu_groups[%d]: flavour %d (0 - 2), shape %d (0 - 2), n = %g (0 - 100), E = %g MeV "
            "(0 - 1e7), from_pion %d (0 or 1), at_rest %d (0 or 1)", i, g->flavour, g->shape, g->n, g->E_MeV,
            g->from_pion, g->at_rest);
  }
  return FB_OK;
}

/* <E> of a Maxwell-Boltzmann gas of mass m at temperature T: <E> = rho/n with n ~ m^2 T K2(x), rho ~ m^2 T
 * [m K1(x) + 3 T K2(x)] (x = m/T; Kolb & Turner, The Early Universe, eq. 3.52 in the MB limit; Gondolo & Gelmini,
 * Nucl. Phys. B360 (1991) 145 eq. 3.3): the kinetic-equilibrium approximation of the FIP's energy per particle
 * (its momentum distribution that of equilibrium at the plasma temperature, its number from the Boltzmann
 * equation of bbn_abundance.c); the single momentum p = sqrt(<E>^2 - m^2) then redshifts as 1/a. */
double bbn_kinetic_momentum_MeV(double m_MeV, double T_MeV) {
  const double x = m_MeV / T_MeV;
  double E;
  if (x < 1e-3)
    E = 3.0 * T_MeV + 0.5 * m_MeV * x; /* K1/K2 -> x/2 */
  else
    E = m_MeV * gsl_sf_bessel_K1_scaled(x) / gsl_sf_bessel_Kn_scaled(2, x) + 3.0 * T_MeV;
  return sqrt(fmax(E * E - m_MeV * m_MeV, 0.0));
}

double bbn_decay_nu_e_share(const bbn_decay *d) {
  const double s = d->nu_share[0] + d->nu_share[1] + d->nu_share[2];
  return s > 0.0 ? d->nu_share[0] / s : 1.0 / 3.0;
}

int bbn_decay_background(const bbn_tables *tab, const bbn_params *p, bbn_background *bg, double *eta_ratio,
                         double *T_decay_MeV, fb_err *err) {
  double nb_std = p->sbbn_nb_ref;
  if (!(nb_std > 0.0)) {
    bbn_params q = *p;
    q.decay = NULL;
    bbn_background std;
    FB_CALL(err, bbn_background_get(tab, &q, &std, err));
    nb_std = std.nb_start_MeV3;
    bbn_background_free(&std);
  }
  FB_CALL(err, bbn_background_solve(tab, p, bg, err));
  *eta_ratio = bg->nb_start_MeV3 / nb_std;
  if (p->eta_at_bbn) {
    bg->eta /= *eta_ratio;
    bg->YX0 *= *eta_ratio;
    bg->nb_start_MeV3 = nb_std;
  }
  /* fractions of the decays after the cascade thresholds (bbn_chi2.c): photodisintegration of D
   * once E_C = m_e^2/(22 T) > B_D (Kawasaki & Moroi astro-ph/9412055), hadronic showers after 100 s */
  const double me = FB_ME_GEV * 1e3, T_pd = me * me / (22.0 * FB_BD_MEV);
  bg->frac_after_photo = exp(-bbn_background_time_at_T(bg, T_pd) / p->decay->tau_s);
  bg->frac_after_100s = exp(-FB_HADRODISS_T_MIN_S / p->decay->tau_s);
  if (p->decay->tau_s > bg->t_end_s) { /* after the grid (tau > 1e5 s): radiation era, T ~ t^-1/2 */
    double Tn, nb;
    bbn_background_at(bg, bg->t_end_s, T_decay_MeV, &Tn, &nb);
    *T_decay_MeV *= sqrt(bg->t_end_s / p->decay->tau_s);
  } else if (p->decay->tau_s >= bg->t_start_s) { /* the grid runs to t >= 25 tau (bbn_background.c) */
    double Tn, nb;
    bbn_background_at(bg, p->decay->tau_s, T_decay_MeV, &Tn, &nb);
  } else { /* before the start: radiation era, T ~ t^-1/2 */
    *T_decay_MeV = p->T_start_MeV * sqrt(bg->t_start_s / p->decay->tau_s);
  }
  return FB_OK;
}

/* field by field (no memcmp: padding) */
int bbn_decay_same(const bbn_decay *a, const bbn_decay *b) {
  if (a->mass_GeV != b->mass_GeV || a->tau_s != b->tau_s || a->mY_GeV != b->mY_GeV || a->n_over_ngamma != b->n_over_ngamma ||
      a->f_em != b->f_em || a->f_nu != b->f_nu || a->f_inv != b->f_inv || a->n_pi_minus != b->n_pi_minus ||
      a->n_pi_plus != b->n_pi_plus || a->n_K_minus != b->n_K_minus || a->n_K_plus != b->n_K_plus || a->n_K_L != b->n_K_L ||
      a->n_K_S != b->n_K_S || a->gamma_K_L != b->gamma_K_L || a->mesons != b->mesons || a->n_nu_groups != b->n_nu_groups ||
      a->nu_conversion != b->nu_conversion || a->nu_oscillations != b->nu_oscillations || a->nu_cascade != b->nu_cascade || a->nu_em_share != b->nu_em_share ||
      a->p0_MeV != b->p0_MeV || a->decays_at_rest != b->decays_at_rest || a->g_inverse != b->g_inverse ||
      a->T_inverse_MeV != b->T_inverse_MeV || a->nu_conv_direct != b->nu_conv_direct)
    return 0;
  for (int i = 0; i < 3; ++i)
    if (a->nu_share[i] != b->nu_share[i]) return 0;
  for (int i = 0; i < a->n_nu_groups && i < BBN_NU_MAX_GROUPS; ++i) {
    const bbn_nu_group *g = &a->nu_groups[i], *h = &b->nu_groups[i];
    if (g->flavour != h->flavour || g->shape != h->shape || g->n != h->n || g->E_MeV != h->E_MeV || g->from_pion != h->from_pion ||
        g->at_rest != h->at_rest)
      return 0;
  }
  return 1;
}

int bbn_params_same(const bbn_params *a, const bbn_params *b) {
  if (a->omega_b_h2 != b->omega_b_h2 || a->tau_n_s != b->tau_n_s || a->delta_neff != b->delta_neff ||
      a->T_start_MeV != b->T_start_MeV || a->T_end_MeV != b->T_end_MeV || a->T_network_MeV != b->T_network_MeV ||
      a->rtol != b->rtol || a->atol != b->atol || a->nu_coupling != b->nu_coupling || a->qed_plasma != b->qed_plasma ||
      a->nu_one_temperature != b->nu_one_temperature || a->extra != b->extra || a->extra_ctx != b->extra_ctx ||
      a->source != b->source || a->source_ctx != b->source_ctx || a->chi != b->chi || a->eta_at_bbn != b->eta_at_bbn ||
      a->theory_errors != b->theory_errors)
    return 0;
  for (int k = 0; k < BBN_N_REAC; ++k)
    if (a->rate_factor[k] != b->rate_factor[k]) return 0;
  return 1;
}
