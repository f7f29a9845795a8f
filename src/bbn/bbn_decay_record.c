/**
 * @file bbn_decay_record.c
 * @brief The injection fractions of a decaying particle from a particle model's decay record
 *        (src/models/fb_decay.h): energy into the e.m. plasma, the neutrinos and invisible
 *        particles, and the charged pions per decay.
 *
 * Per class c with energy fraction efrac[c] (of m_X) and multiplicity mult[c] (fb_decay totals):
 *  - photons, e+-, pi0 (-> gamma gamma, BR 98.8%): e.m. plasma;
 *  - nu_e, nu_mu, nu_tau: neutrinos (summed: the background has one neutrino temperature);
 *  - invisible: free-streaming invisible radiation;
 *  - mu+- and pi+-: stopped by the plasma before they decay (the literature's treatment of
 *    charged pions and muons at T >~ 10 keV: Pospelov & Pradler arXiv:1006.4172 sec. 2; Kawasaki,
 *    Kohri, Moroi astro-ph/0408426 sec. 4), so their kinetic energy efrac m_X - mult m goes into the
 *    plasma and their rest energy decays at rest: mu -> e nu nu with mean electron energy 7/20 m_mu
 *    (Michel spectrum, rho = 3/4, massless electron; PDG 2024 review "Muon decay parameters"),
 *    pi -> mu nu (BR 99.988%) with E_nu = (m_pi^2 - m_mu^2)/(2 m_pi) and the muon at rest after
 *    stopping (its kinetic energy m_pi - E_nu - m_mu to the plasma), so a stopped pi+- gives
 *    E_nu + (13/20) m_mu to the neutrinos and the rest of m_pi to the plasma.
 *    Charged pions per decay: n_pi+ = n_pi- = mult[pi+-]/2 (charge-symmetric decays).
 *  - tau+-, kaons, nucleons and other hadrons: not decomposed here; their energy is put into the
 *    plasma and reported as f_other (the caller decides whether the point is trusted; kaon-driven
 *    p <-> n conversion and hadrodissociation are not included: README.md).
 */
#include <math.h>

#include "bbn_decay_record.h"
#include "fb_constants.h"

int bbn_decay_from_record(const fb_decay *rec, bbn_decay *out, double *f_other, fb_err *err) {
  FB_TEST(err, !(rec->width_GeV > 0.0) || !isfinite(rec->tau_s), FB_ERR_INPUT,
          "decay record at m = %g GeV: no decay (width %g GeV)", rec->mass_GeV, rec->width_GeV);
  const double m = rec->mass_GeV, mmu = FB_MMU_GEV, mpi = FB_MPI_CHARGED_GEV;
  const double *e = rec->efrac, *n = rec->mult;
  double em = e[FB_DC_PHOTON] + e[FB_DC_ELECTRON] + e[FB_DC_PI0];
  double nu = e[FB_DC_NU_E] + e[FB_DC_NU_MU] + e[FB_DC_NU_TAU];
  const double inv = e[FB_DC_INVISIBLE];
  const double e_mu = 7.0 / 20.0 * mmu / m; /* plasma share of a stopped muon's rest energy, per m_X */
  em += (e[FB_DC_MUON] - n[FB_DC_MUON] * mmu / m) + n[FB_DC_MUON] * e_mu;
  nu += n[FB_DC_MUON] * (mmu / m - e_mu);
  /* stopped pi -> mu nu: E_nu = (m_pi^2 - m_mu^2)/(2 m_pi); the muon's kinetic energy m_pi - E_nu - m_mu
   * is lost to the plasma, then its rest energy is shared as above */
  const double Enu_pi = (mpi * mpi - mmu * mmu) / (2.0 * mpi) / m;
  const double nu_pi = Enu_pi + (mmu / m - e_mu); /* neutrino share of a stopped pion's rest energy */
  em += (e[FB_DC_PI_CHARGED] - n[FB_DC_PI_CHARGED] * mpi / m) + n[FB_DC_PI_CHARGED] * (mpi / m - nu_pi);
  nu += n[FB_DC_PI_CHARGED] * nu_pi;
  const double other = e[FB_DC_TAU] + e[FB_DC_KAON] + e[FB_DC_NUCLEON] + e[FB_DC_OTHER_HADRONS];
  em += other;
  const double sum = em + nu + inv;
  FB_TEST(err, !(fabs(sum - 1.0) < 1e-6) || em < -1e-9 || nu < -1e-9, FB_ERR_NUMERIC,
          "decay record at m = %g GeV: energy fractions em %g, nu %g, invisible %g (sum %g; a class "
          "carries less than its rest mass?)", m, em, nu, inv, sum);
  out->mass_GeV = m;
  out->tau_s = rec->tau_s;
  out->f_em = em / sum;
  out->f_nu = nu / sum;
  out->f_inv = inv / sum;
  out->n_pi_minus = out->n_pi_plus = 0.5 * n[FB_DC_PI_CHARGED];
  if (f_other) *f_other = other;
  return FB_OK;
}
