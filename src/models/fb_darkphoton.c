/**
 * @file fb_darkphoton.c
 * @brief BC1 dark photon decays; see fb_darkphoton.h.
 */
#include "fb_darkphoton.h"

#include <math.h>
#include <stddef.h>

#include "fb_constants.h"

double fb_darkphoton_mass_min_GeV(void) { return 2.0 * FB_ME_GEV; }

/* Gamma(A' -> l+l-) = alpha eps^2 m/3 (1 + 2 x) sqrt(1 - 4 x), x = m_l^2/m^2
 * [Batell, Pospelov, Ritz arXiv:0906.5614; Ilten et al. arXiv:1801.04847]. */
double fb_darkphoton_width_ll_GeV(double mass_GeV, double epsilon, double ml_GeV) {
  const double x = ml_GeV * ml_GeV / (mass_GeV * mass_GeV);
  if (!(4.0 * x < 1.0)) return 0.0;
  return FB_ALPHA_EM * epsilon * epsilon * mass_GeV / 3.0 * (1.0 + 2.0 * x) * sqrt(1.0 - 4.0 * x);
}

static void fb_darkphoton_finish(fb_darkphoton_decay *d) {
  d->width_GeV = d->width_ee_GeV + d->width_mumu_GeV + d->width_tautau_GeV + d->width_hadrons_GeV;
  d->tau_s = FB_INV_GEV_TO_S / d->width_GeV;   /* tau = hbar / Gamma */
  d->ctau_m = FB_INV_GEV_TO_M / d->width_GeV;  /* c tau = hbar c / Gamma */
  d->br_ee = d->width_ee_GeV / d->width_GeV;
  d->br_mumu = d->width_mumu_GeV / d->width_GeV;
  d->br_tautau = d->width_tautau_GeV / d->width_GeV;
  d->br_hadrons = d->width_hadrons_GeV / d->width_GeV;
}

int fb_darkphoton_decay_compute(const fb_rratio *R, double mass_GeV, double epsilon,
                                fb_darkphoton_decay *out, fb_err *err) {
  FB_TEST(err, R == NULL || out == NULL, FB_ERR_INPUT, "R or out is NULL");
  FB_TEST(err, !R->initialised, FB_ERR_INPUT, "R-ratio model not initialised (call fb_rratio_init)");
  FB_TEST(err, !isfinite(mass_GeV) || !isfinite(epsilon), FB_ERR_INPUT,
          "non-finite input: mass = %g GeV, epsilon = %g", mass_GeV, epsilon);
  FB_TEST(err, !(mass_GeV > 2.0 * FB_ME_GEV && mass_GeV <= FB_DARKPHOTON_MASS_MAX_GEV), FB_ERR_RANGE,
          "dark-photon mass %g GeV outside the valid range 2 m_e = %.6g GeV < m <= %g GeV "
          "(below 2 m_e the A' has no tree-level SM decay; above, R(s) is not parametrised)",
          mass_GeV, 2.0 * FB_ME_GEV, FB_DARKPHOTON_MASS_MAX_GEV);
  FB_TEST(err, !(epsilon > 0.0), FB_ERR_RANGE, "kinetic mixing epsilon = %g must be > 0", epsilon);

  fb_darkphoton_decay d;
  d.mass_GeV = mass_GeV;
  d.epsilon = epsilon;
  d.width_ee_GeV = fb_darkphoton_width_ll_GeV(mass_GeV, epsilon, FB_ME_GEV);
  d.width_mumu_GeV = fb_darkphoton_width_ll_GeV(mass_GeV, epsilon, FB_MMU_GEV);
  d.width_tautau_GeV = fb_darkphoton_width_ll_GeV(mass_GeV, epsilon, FB_MTAU_GEV);
  /* Gamma_had = Gamma_pt(mu mu) R(m^2), Gamma_pt = alpha eps^2 m/3 (massless; see header and
   * Buschmann et al. arXiv:1505.07459, Ilten et al. arXiv:1801.04847 sec. 2) */
  d.width_hadrons_GeV = FB_ALPHA_EM * epsilon * epsilon * mass_GeV / 3.0 * fb_rratio_eval(R, mass_GeV);
  fb_darkphoton_finish(&d);
  FB_TEST(err, !(d.width_GeV > 0.0) || !isfinite(d.ctau_m), FB_ERR_NUMERIC,
          "non-positive or non-finite total width %g GeV at m = %g GeV, eps = %g", d.width_GeV,
          mass_GeV, epsilon);
  *out = d;
  return FB_OK;
}

int fb_darkphoton_decay_rescale(const fb_darkphoton_decay *in, double epsilon,
                                fb_darkphoton_decay *out, fb_err *err) {
  FB_TEST(err, in == NULL || out == NULL, FB_ERR_INPUT, "in or out is NULL");
  FB_TEST(err, !isfinite(epsilon), FB_ERR_INPUT, "non-finite epsilon");
  FB_TEST(err, !(epsilon > 0.0), FB_ERR_RANGE, "kinetic mixing epsilon = %g must be > 0", epsilon);
  FB_TEST(err, !(in->epsilon > 0.0), FB_ERR_INPUT, "input point has epsilon = %g", in->epsilon);
  const double f = (epsilon / in->epsilon) * (epsilon / in->epsilon);
  fb_darkphoton_decay d = *in;
  d.epsilon = epsilon;
  d.width_ee_GeV *= f;
  d.width_mumu_GeV *= f;
  d.width_tautau_GeV *= f;
  d.width_hadrons_GeV *= f;
  fb_darkphoton_finish(&d);
  *out = d;
  return FB_OK;
}
