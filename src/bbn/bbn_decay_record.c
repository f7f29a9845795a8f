/**
 * @file bbn_decay_record.c
 * @brief The injection fractions of a decaying particle from a particle model's decay record
 *        (src/models/fb_decay.h): energy into the e.m. plasma, the neutrinos and invisible
 *        particles, and the charged pions per decay.
 *
 * Per class c with energy fraction efrac[c] (of m_X) and multiplicity mult[c] (fb_decay totals):
 *  - photons, e+-, pi0 (-> gamma gamma, BR 98.8%): e.m. plasma;
 *  - nu_e, nu_mu, nu_tau: neutrinos, with their flavour shares (nu_share: nu_e has its own
 *    temperature in the background, nu_mu and nu_tau share one);
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
 *  - kaons: n_K-, n_K+, n_K_L, n_K_S = mult[K]/4 each (the class does not separate them; charge- and
 *    isospin-symmetric decays assumed), gamma_K_L = efrac[K] m_X / (mult[K] m_K0): they drive
 *    p <-> n conversion (bbn_kaons.c); their energy is still counted in the plasma (below).
 *  - tau+-, kaons, nucleons and other hadrons: their energy is not decomposed here; it is put into
 *    the plasma and reported as f_other (the caller decides whether the point is trusted; nucleon
 *    injection and hadrodissociation are not included: README.md).
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
  /* per flavour: the direct classes; a muon decay at rest gives nu_e (anti-nu_e) 3/10 m_mu and
   * nu_mu 7/20 m_mu (mean energies of the V-A spectrum with m_e = 0, PDG 2024 "Muon decay
   * parameters"), a stopped pion's E_nu goes to nu_mu */
  double nu_e = e[FB_DC_NU_E], nu_tau = e[FB_DC_NU_TAU];
  const double mu_e = 3.0 / 10.0 * mmu / m; /* nu_e share of a stopped muon's rest energy */
  nu_e += (n[FB_DC_MUON] + n[FB_DC_PI_CHARGED]) * mu_e;
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
  if (nu > 0.0) {
    out->nu_share[0] = nu_e / nu;
    out->nu_share[2] = nu_tau / nu;
    out->nu_share[1] = 1.0 - out->nu_share[0] - out->nu_share[2];
  }
  out->n_pi_minus = out->n_pi_plus = 0.5 * n[FB_DC_PI_CHARGED];
  /* kaons: the class lumps K+-, K_L, K_S; charge- and isospin-symmetric split (K+ K- : K0 K0bar =
   * 1 : 1, K0 and K0bar half K_L, half K_S), K_L with the class's mean energy per kaon */
  const double nK = n[FB_DC_KAON];
  out->n_K_minus = out->n_K_plus = out->n_K_L = out->n_K_S = 0.25 * nK;
  out->gamma_K_L = nK > 0.0 ? e[FB_DC_KAON] * m / (nK * FB_MK0_GEV) : 0.0;
  /* non-thermal neutrinos for their direct p <-> n conversion (bbn_nu_conversion.c), in groups of one
   * flavour and one spectral shape: per channel, the two-body channels' neutrinos are lines (one group per
   * channel and flavour; lines within 1% in energy merged), the other channels' neutrinos a V-A three-body
   * continuum (one group per flavour, BR-weighted mean energy); the decays at rest of stopped mu+- (one per
   * stopped muon, also those from pions) give a nu_e of the Michel shape 12 x^2 (1 - x) (mean 3/10 m_mu) and a
   * nu_mu of the shape 2 x^2 (3 - 2 x) (mean 7/20 m_mu; PDG 2024 "Muon decay parameters", m_e = 0), a
   * stopped pi+- the pi -> mu nu_mu line; the stopped particles' groups are at_rest (not boosted with a moving X,
   * bbn_nu_conversion.c), the record's own (X's) neutrinos are not */
  out->n_nu_groups = 0;
  out->nu_em_share = 1; /* the groups' cascade hands its e+- share to the plasma (bbn_nu_em_share.c) */
  double nc[3] = {0.0, 0.0, 0.0}, ec[3] = {0.0, 0.0, 0.0}; /* continuum: number, energy [MeV] per decay */
  for (size_t k = 0; k < rec->n_channels; ++k) {
    const fb_decay_channel *ch = &rec->ch[k];
    if (!(ch->br > 0.0)) continue;
    double ntot = 0.0;
    for (int c = 0; c < FB_N_DECAY_CLASSES; ++c) ntot += ch->n[c];
    for (int f = 0; f < 3; ++f) {
      const int c = FB_DC_NU_E + f;
      if (!(ch->n[c] > 0.0)) continue;
      const double E = ch->efrac[c] * m * 1e3 / ch->n[c];
      if (fabs(ntot - 2.0) > 1e-9) { /* three or more bodies */
        nc[f] += ch->br * ch->n[c];
        ec[f] += ch->br * ch->n[c] * E;
        continue;
      }
      int g = 0;
      while (g < out->n_nu_groups && !(out->nu_groups[g].shape == BBN_NU_LINE && out->nu_groups[g].flavour == f &&
                                       fabs(out->nu_groups[g].E_MeV / E - 1.0) < 0.01))
        ++g;
      FB_TEST(err, g >= BBN_NU_MAX_GROUPS - 8, FB_ERR_INTERNAL,
              "decay record at m = %g GeV: more than %d neutrino lines", m, BBN_NU_MAX_GROUPS - 8);
      if (g == out->n_nu_groups) out->nu_groups[out->n_nu_groups++] = (bbn_nu_group){f, BBN_NU_LINE, 0.0, E, 0, 0};
      bbn_nu_group *G = &out->nu_groups[g];
      G->E_MeV = (G->n * G->E_MeV + ch->br * ch->n[c] * E) / (G->n + ch->br * ch->n[c]);
      G->n += ch->br * ch->n[c];
    }
  }
  for (int f = 0; f < 3; ++f)
    if (nc[f] > 0.0) out->nu_groups[out->n_nu_groups++] = (bbn_nu_group){f, BBN_NU_MICHEL_NUMU, nc[f], ec[f] / nc[f], 0, 0};
  /* the stopped muons of the record and those from stopped pions in separate groups: the pion-born ones
   * (from_pion = 1) exist only if the pion decays rather than being captured by a nucleon, a
   * temperature-dependent probability applied where the groups are used (bbn_mesons.c) */
  for (int src = 0; src < 2; ++src) {
    const double n_stop_mu = n[src ? FB_DC_PI_CHARGED : FB_DC_MUON];
    if (!(n_stop_mu > 0.0)) continue;
    out->nu_groups[out->n_nu_groups++] = (bbn_nu_group){0, BBN_NU_MICHEL_NUE, n_stop_mu, 0.3 * mmu * 1e3, src, 1};
    out->nu_groups[out->n_nu_groups++] = (bbn_nu_group){1, BBN_NU_MICHEL_NUMU, n_stop_mu, 0.35 * mmu * 1e3, src, 1};
  }
  if (n[FB_DC_PI_CHARGED] > 0.0)
    out->nu_groups[out->n_nu_groups++] = (bbn_nu_group){1, BBN_NU_LINE, n[FB_DC_PI_CHARGED], Enu_pi * m * 1e3, 1, 1};
  if (f_other) *f_other = other;
  return FB_OK;
}
