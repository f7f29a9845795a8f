/**
 * @file bbn_em_injection.h
 * @brief The photon and e+- spectra one decay injects into the electromagnetic cascade after BBN
 *        (issue 15): monochromatic lines, final-state radiation, and the electromagnetic products
 *        of pi0, mu, pi+- and K decays in flight, built from a particle model's decay record.
 *
 * What it does: bbn_em_injection_from_record turns a finalised fb_decay record (per channel the
 * multiplicity n and energy fraction efrac of each class, src/models/fb_decay.h) into a list of
 * spectral components per decay (rest frame of the decaying X of mass m):
 *   LINE   monochromatic photons or e+- (two-body channels: exact energy efrac m / n);
 *   FSR    final-state radiation photons of X -> e+ e- (arXiv:1808.09324 eq. 2.9), added on top
 *          of the line as in ACROPOLIS (an O(alpha) addition; not counted in the energy balance);
 *   BOX    flat dN/dE between E(1-beta)/2 and E(1+beta)/2: the photons of pi0 -> gamma gamma in
 *          flight (and any isotropic two-body decay of a particle of energy E: e of K_e3);
 *   MICHEL the e+- of mu decay in flight (Michel spectrum of an unpolarised muon, rho = 3/4,
 *          eta = 0, m_e = 0: dN/dx = 2 x^2 (3 - 2x), x = 2 E_rest / m_mu; PDG 2024 review "Muon decay
 *          parameters"), boosted isotropically to the muon's energy (closed form in the .c file);
 *   SHAPE3 the e+- of a three-body channel (HNL N -> nu e+ e-): an approximation (see below).
 * Chains: pi+- -> mu nu (BR 99.988%, PDG 2024): the muon's lab energy is flat between
 * gamma_pi (E*_mu -+ beta_pi p*_mu) (isotropic two-body decay), integrated with N_GL Gauss-Legendre
 * nodes, each a MICHEL component. Kaons: the class lumps K+-, K_L, K_S; split 1/2 : 1/4 : 1/4
 * (charge- and isospin-symmetric production, as bbn_decay_record.c), each decayed into its main
 * modes (PDG 2024 branching ratios, fb_constants.h; renormalised to their sum): K+- -> mu nu,
 * pi pi0, pi pi pi, pi0 e nu, pi0 mu nu, pi pi0 pi0; K_L -> pi e nu, pi mu nu, 3 pi0, pi+ pi- pi0;
 * K_S -> pi+ pi-, pi0 pi0. Two-body products have their exact rest-frame energies; three-body
 * products share the kinetic energy equally (an approximation: exact in the mean energy only
 * for equal masses and a flat matrix element). Every product of a particle of energy E > m is
 * boosted isotropically (lab energy flat between gamma (E* -+ beta p*)), recursively.
 *
 * Decays in flight, not at rest: after ~1e4 s (T < 10 keV), a charged pion or muon loses a
 * negligible part of its energy before it decays (Coulomb losses on the thermal electrons,
 * Bethe-Bloch, PDG 2024 "Passage of particles through matter": ~2e-7 MeV/cm at n_e = 2e16 cm^-3;
 * inverse Compton on the CMB, Blumenthal & Gould Rev. Mod. Phys. 42 (1970) 237 eq. 2.42 with
 * sigma_T (m_e/m)^2: 1.8e-5 gamma^2 MeV/cm for a muon at T = 10 keV, against c tau gamma = 6.6e4
 * gamma cm); bbn_em_injection_stopping_ratio computes the ratio of the energy lost over one
 * decay length to the energy: for a muon of gamma = 3 it is 0.09 at T = 10 keV but 1e-3 at 3 keV,
 * and 1e-4 for gamma = 10 at 1 keV (T^4: inverse Compton dominates); photodisintegration starts
 * only below T ~ 5 keV (E_C = m_e^2/(22 T) > 2.2 MeV), where decays in flight hold. The energy
 * lost by inverse Compton scattering goes into photons anyway (it only moves energy from the
 * neutrinos' share to the cascade). At BBN times (T > 10 keV, bbn_decay_record.c) mesons and
 * muons are stopped by the plasma first (Pospelov & Pradler arXiv:1006.4172 sec. 2; ratio 1e6 at
 * T = 1 MeV here).
 *
 * Not cascaded (energy counted in f_not_cascaded; channels with any of them in br_not_cascaded):
 * tau+-, nucleons, other hadrons (eta, eta', omega, ..., charm): their hadronic showers and
 * hadrodissociation are not modelled. Neutrinos and invisible particles: lost (f_nu, f_inv).
 * The cascade starts at E_min (bbn_cascade_opts, 1.5 MeV): products below are dropped when binned.
 *
 * SHAPE3 (three-body e+-): dN/dx = a 2x^2(3-2x) + (1-a) 12 x^2 (1-x), x = E/W in [0, 1]: the two
 * massless-lepton spectra of V-A muon decay (the e and nu_mu, resp. the anti-nu_e; PDG 2024 "Muon
 * decay parameters"), whose mean x is 0.7 and 0.6; the W-exchange part of N -> nu_a e+ e- has
 * exactly this structure. a and W are fixed by the record's mean energy per e+-: a = (x_mean-0.6)/0.1
 * with x_mean = E_mean/(m/2) clamped to [0, 1], W = E_mean / (0.6 + 0.1 a) (so the energy is the
 * record's exactly; a mean above 0.7 m/2 stretches the endpoint beyond m/2, below 0.6 m/2 pulls it in).
 * The Z-exchange (neutral current) part's spectrum differs by O(10%) in shape.
 *
 * Units: MeV for energies. Numbers are per decay of X.
 */
#ifndef BBN_EM_INJECTION_H
#define BBN_EM_INJECTION_H

#include "fb_decay.h"
#include "fb_error.h"

enum bbn_inj_kind { BBN_INJ_LINE = 0, BBN_INJ_FSR, BBN_INJ_BOX, BBN_INJ_MICHEL, BBN_INJ_SHAPE3 };

/** One spectral component. species: BBN_CASC_GAMMA or BBN_CASC_E (bbn_cascade.h). */
typedef struct bbn_inj_comp {
  int species, kind;
  double n;      /**< particles per decay (FSR: decays X -> e+ e-) */
  double a, b;   /**< LINE: E = a; FSR: line energy E0 = a, lepton mass b; BOX: [a, b];
                      MICHEL: muon energy a; SHAPE3: endpoint W = a, mixing b */
} bbn_inj_comp;

typedef struct bbn_em_injection {
  int n_comp, cap;
  bbn_inj_comp *c;
  double mass_MeV;        /**< m_X */
  double E_max_MeV;       /**< largest energy of any component */
  double f_gamma, f_e;    /**< fractions of m into photons, e+- (FSR not included) */
  double f_nu, f_inv;     /**< into neutrinos, invisible (lost) */
  double f_not_cascaded;  /**< tau, nucleons, other hadrons (not cascaded) */
  double br_not_cascaded; /**< BR of the channels with a not-cascaded class */
  double br_line_photon, br_line_ee; /**< BR of the two-photon, e+e- two-body channels */
} bbn_em_injection;

/** Number of Gauss-Legendre nodes per boosted flat energy distribution of an unstable product. */
#define BBN_INJ_N_GL 6

void bbn_em_injection_init(bbn_em_injection *inj, double mass_MeV);
void bbn_em_injection_free(bbn_em_injection *inj);
/** Deep copy (out must not hold components). */
int bbn_em_injection_copy(const bbn_em_injection *in, bbn_em_injection *out, fb_err *err);
/** 1 if a and b hold the same components and mass. */
int bbn_em_injection_equal(const bbn_em_injection *a, const bbn_em_injection *b);

/** Lines of the ACROPOLIS inputs: 2 br_photon photons and 2 br_ee e+- at m/2 plus the FSR of the
 *  e+e- line (fsr = 1), the rest invisible. */
int bbn_em_injection_lines(bbn_em_injection *inj, double mass_MeV, double br_photon, double br_ee, int fsr,
                           fb_err *err);

/** Append n particles of class cls (fb_decay_class) at energy E_MeV, decayed recursively into
 *  photons and e+- (neutrino energy into f_nu; classes not cascaded into f_not_cascaded). */
int bbn_em_injection_add_particle(bbn_em_injection *inj, int cls, double E_MeV, double n, fb_err *err);

/** From a finalised decay record (FB_ERR_INPUT if stable). fsr = 1: final-state radiation of the
 *  e+e- two-body channels. The BRs are rounded to 36 bits (relative 1.5e-11), so that records of one
 *  mass at different couplings give bit-identical injections (one cascade table per mass on a plane). */
int bbn_em_injection_from_record(const fb_decay *d, int fsr, bbn_em_injection *inj, fb_err *err);

/** dN/dE [MeV^-1] per decay of one component (FSR included), and its support [lo, hi]. */
double bbn_inj_comp_dnde(const bbn_inj_comp *c, double E_MeV);
void bbn_inj_comp_support(const bbn_inj_comp *c, double *lo_MeV, double *hi_MeV);
/** Closed-form number and energy [MeV] per decay of one component (FSR: its integral numerically). */
double bbn_inj_comp_number(const bbn_inj_comp *c);
double bbn_inj_comp_energy_MeV(const bbn_inj_comp *c);

/**
 * Particles per decay in each node of a cascade grid (E[i] = E[0] e^{i dy}, i = 0 .. n-1), species
 * BBN_CASC_GAMMA into S_gamma, BBN_CASC_E into S_e (zeroed first): lines and continua shared between
 * the two neighbouring nodes in ln E (tent weights: number exact, energy to O(dy^2)); continua
 * integrated over each interval; FSR sampled at the nodes below its line (as bbn_cascade_solve).
 * Particles below E[0] e^{-dy} are dropped; above E[n-1] go to the top node. FB_ERR_MEMORY if its
 * Gauss-Legendre table cannot be allocated.
 */
int bbn_em_injection_bin(const bbn_em_injection *inj, const double *E, int n, double dy, double *S_gamma,
                         double *S_e, fb_err *err);

/** The isotropic boost of a decay in flight (the helper of this file's decays in flight, shared with the
 *  BBN-era sources bbn_nu_conversion.c and bbn_kaons.c): a daughter of rest-frame energy E_star and mass m
 *  from a parent with Lorentz factor gamma (<= 1: at rest) has its lab energy flat on
 *  [gamma (E* - beta p*), gamma (E* + beta p*)], p* = sqrt(E*^2 - m^2), beta = sqrt(1 - 1/gamma^2); its mean
 *  is gamma E* (energy conservation). */
void bbn_boost_flat_range(double gamma, double E_star, double m, double *lo, double *hi);

/** The V-A spectra of a massless daughter (PDG 2024 "Muon decay parameters", m_e = 0) in x = E_rest / W on [0, 1],
 *  shape 0: 2 x^2 (3 - 2 x) (the e and nu_mu of mu decay), shape 1: 12 x^2 (1 - x) (its anti-nu_e), boosted
 *  isotropically by gamma: dN/dE [1/MeV] per particle at lab energy E_MeV. Support [0, gamma (1 + beta) W], kink
 *  at gamma (1 - beta) W; dN/dE = int dx f(x) / (2 gamma beta x W) over the rest energies x W whose flat box
 *  reaches E, in closed form; beta < 1e-6: the rest-frame spectrum f(E/W)/W. */
double bbn_boosted_va_dnde(int shape, double W_MeV, double gamma, double E_MeV);

/** Ratio of the energy a charged particle of mass m_MeV, Lorentz factor gamma and lifetime tau_s
 *  loses over its mean decay length to its energy, at photon temperature T_MeV and baryon-to-photon
 *  ratio eta (Coulomb on thermal electrons + inverse Compton on the CMB; see the file comment). */
double bbn_em_injection_stopping_ratio(double m_MeV, double gamma, double tau_s, double T_MeV, double eta);

#endif /* BBN_EM_INJECTION_H */
