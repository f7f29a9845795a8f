/**
 * @file fb_sn_alpn.h
 * @brief SN1987A cooling band of an ALP coupled to nucleons: BC10 (universal fermion coupling, axis
 *        inv_fl = 1/f_l) and BC11 (gluon coupling, axis inv_fG = 1/f_G), from nucleon-nucleon
 *        bremsstrahlung N N -> N N a in the proto-neutron star, absorption by inverse bremsstrahlung and
 *        decays along the paths.
 *
 * Physics (formulas with citations in fb_sn_alpn.c; docs/sn-profile.md section 7):
 *  - couplings: g_an, g_ap (L = (g_aN/2 m_N) d_mu a Nbar gamma^mu gamma_5 N, g_aN = C_N m_N/f) per unit
 *    coupling from the particle model's production values (fb_fip_bc10 / fb_fip_bc11; C_N of Grilli di
 *    Cortona et al. arXiv:1511.02867), taken mass-independent;
 *  - one-pion exchange (OPE) bremsstrahlung of non-degenerate nucleons with the spin-summed matrix element of
 *    Brinkmann & Turner (Phys. Rev. D 38 (1988) 2338) for nn, pp and np with g_an != g_ap (as in Carenza et al.
 *    arXiv:1906.11844 sec. 2), re-derived in fb_sn_alpn.c, the pion mass kept in the propagators; the
 *    corrections of Carenza et al. arXiv:1906.11844: rho-meson exchange standing for the two-pion exchange
 *    (k^2/(k^2 + m_pi^2) -> k^2/(k^2 + m_pi^2) - C_rho k^2/(k^2 + m_rho^2), C_rho = 1.67, m_rho = 600 MeV),
 *    the effective nucleon mass m* of the profile in the phase space, multiple scattering as the Lorentzian
 *    1/omega^2 -> 1/(omega^2 + Gamma^2/4) (Raffelt & Seckel; Hannestad & Raffelt ApJ 507 (1998) 339, with their
 *    width factor g); each switchable (fb_sn_alpn_options), all on by default;
 *  - massive ALP: vertex sigma.k with k^2 = omega^2 - m_a^2 and the massive phase space;
 *  - absorption by inverse bremsstrahlung (detailed balance, reduced by stimulated emission) and decays with the
 *    particle model's widths (boost m/E; gamma gamma with the plasma-photon phase space and Bose factor of
 *    fb_sn_alp.h, e+e- Pauli blocked, the rest reduced by the inverse decay);
 *  - emission region, paths, lapse and criterion L_a < L_nu as for the other benchmarks (fb_sn_darkphoton.h).
 *  - pion-induced pi- p -> n a and its inverse (fb_sn_pion.h; Carenza et al. arXiv:2010.02943), option
 *    pion_induced, default on (the fiducial emission of Lella et al. arXiv:2211.13760 includes it);
 *  - BC10 only: the muon coupling g_Y = m_mu/f_l through gamma mu -> mu a and its inverse, muons with
 *    mu_mu = mu_e (fb_sn_muon.h; Bollig et al. arXiv:2005.07141, Croon et al. arXiv:2006.13942), option muons,
 *    default on.
 *  - the pi- abundance with the pi-N (Delta) interactions of the virial expansion (Fore & Reddy arXiv:1911.02632;
 *    fb_sn_pion.h), option pion_virial, default on; the Delta(1232) diagrams of pi- p -> n a, option pion_delta
 *    (default off: arXiv:2212.01155, fb_sn_pion_msq_G); muons with charge neutrality re-imposed and the relativistic
 *    semi-Compton rate (fb_sn_muon.h).
 * Not included (stated in docs/validation.md): the Delta-mediated diagrams by default (option pion_delta) and
 * the vertex corrections of Lella et al., muon bremsstrahlung, nucleon degeneracy, the mass dependence of the BC11 nucleon couplings
 * near m_pi.
 *
 * The table is a fb_sn_table with coupling "eps" = 1/f in GeV^-1; L0_T holds the bremsstrahlung part, L0_L the
 * inverse-decay part, L0_res the pion-induced plus muon part of L f^2 [erg/s GeV^-2] (split in
 * fb_sn_alpn.L_pion_f2 / L_muon_f2 of the last table).
 *
 * Call order: fb_sn_alpn_init (once) -> fb_sn_medium_init -> fb_sn_alpn_mstar (per medium, optional) ->
 * fb_sn_alpn_table_compute (per mass) -> fb_sn_table_free -> fb_sn_alpn_free. Not collective.
 */
#ifndef FB_SN_ALPN_H
#define FB_SN_ALPN_H

#include "fb_sn_darkphoton.h"

typedef struct fb_sn_alpn_options {
  int pion_mass;           /**< 1: massive pion in the OPE propagators (0: the naive massless OPE); default 1 */
  int rho_exchange;        /**< 1: rho exchange subtracted (arXiv:1906.11844); default 1 */
  int effective_mass;      /**< 1: the profile's m* in the phase space and y = m_pi^2/(m* T); default 1 */
  int multiple_scattering; /**< 1: Lorentzian with the spin-fluctuation width; default 1 */
  int pion_induced;        /**< pi- p -> n a and its inverse (fb_sn_pion.h): 2 poles and contact term (default),
                                1 the nucleon poles alone (as arXiv:2010.02943), 0 off, 3 as 2 with the nucleon
                                symmetry potential added to mu_pi and Delta (fb_sn_pion_symmetry_potential_GeV) */
  int pion_virial;         /**< 1: the pi- abundance with the pi-N interactions (virial expansion, Fore & Reddy
                                arXiv:1911.02632; fb_sn_pion_virial_density_GeV3), the default; 0: free pions at
                                mu_n - mu_p (not used by pion_induced = 3) */
  int pion_delta;          /**< 1: add the Delta(1232)-mediated diagrams to pi- p -> n a (static isobar model,
                                fb_sn_pion_msq_G; Ho et al. arXiv:2212.01155), f* from the Delta width; 2: the same
                                with the quark-model (f* /f)^2 = 72/25; 0: poles (and contact) only, the default */
  int muons;               /**< 1 (2: static-muon cross section, the form before issue 16's follow-up): BC10's muon coupling, gamma mu -> mu a and inverse (fb_sn_muon.h); default 1 */
  const struct fb_config *model_cfg; /**< the run's configuration: the particle model reads its keys ([bc10],
                                          [bc11]) from it at init; NULL (default): the model's defaults. Not owned. */
} fb_sn_alpn_options;

void fb_sn_alpn_options_default(fb_sn_alpn_options *o);
/** "on" -> 2, "poles" -> 1, "off" -> 0, "mean_field" -> 3 (the pion_induced choices), -1 for another name. */
int fb_sn_alpn_pion_parse(const char *name);

/** "off" -> 0, "on" -> 1, "quark_model" -> 2 (the pion_delta choices), -1 for another name. */
int fb_sn_alpn_delta_parse(const char *name);

/** Presets by name of the bremsstrahlung: "corrected" (all on, the default), "massive" (OPE with the pion mass
 *  only), "naive" (massless OPE, no correction); pion_induced and muons stay at their defaults (on). Returns 0, or
 *  -1 for an unknown name. */
int fb_sn_alpn_options_parse(fb_sn_alpn_options *o, const char *name);

typedef struct fb_sn_alpn {
  int benchmark;             /**< 10 or 11 */
  fb_sn_alpn_options opt;
  double gn, gp;             /**< g_an, g_ap at 1/f = 1 GeV^-1 [GeV] */
  size_t nx, ny;             /**< table sizes in ln x = ln(omega/T) and ln y = ln(m_pi^2/(m* T)) */
  double lnx0, dlnx, lny0, dlny;
  double *Jk, *Jx;           /**< [ny][nx] the two angular/thermal integrals of the OPE matrix element */
  const void *fip_ops;       /**< fb_fip_ops of the benchmark */
  void *fip_state;
  double dec_mass_GeV;       /**< mass of the cached widths (NaN: none) */
  double G_ee, G_gg, G_rest; /**< widths at 1/f = 1 GeV^-1 [GeV] */
  double gmu;                /**< muon Yukawa coupling at 1/f = 1 GeV^-1 [GeV]: m_mu for BC10, 0 for BC11 */
  double L_pion_f2, L_muon_f2; /**< pion-induced and muon parts of L f^2 of the last table [erg/s GeV^-2] */
} fb_sn_alpn;

/** Per-medium data, FB_SN_ALPN_MEDIUM_NF arrays of m->n values one after the other (fb_sn_alpn_mstar):
 *  m* / m_N; mu_pi- = mu_n - mu_p [GeV]; Delta = m*_n - m*_p [GeV]; the muon target density n_eff [GeV^3]; the
 *  symmetry potential U_n - U_p [GeV] (used by pion_induced = 3 only); the effective pion chemical potential of the
 *  interacting (virial) pi- abundance [GeV] (used with pion_virial = 1); then 28 arrays: the relativistic
 *  a mu -> gamma mu absorption rate at g = 1 (fb_sn_muon_gamma_abs_rel_GeV) at omega/T = 0 .. 100 (uniform in
 *  sqrt(omega/T)). */
#define FB_SN_ALPN_MEDIUM_NF 34

/** Set up for benchmark 10 or 11 (the model's [bc10]/[bc11] keys at their defaults), opt NULL: defaults. */
int fb_sn_alpn_init(fb_sn_alpn *a, int benchmark, const fb_sn_alpn_options *opt, fb_err *err);
void fb_sn_alpn_free(fb_sn_alpn *a);

/** The per-medium data on the medium's radial grid (out has FB_SN_ALPN_MEDIUM_NF * m->n elements): m* / m_N from
 *  the profile's m*_n, m*_p (mean; 1 where the profile has no m*), mu_pi- = mu_n - mu_p (Fore & Reddy
 *  arXiv:1911.02632; NAN where mu_n or mu_p is NaN, i.e. no free nucleons of that kind: no pion-induced emission
 *  there), Delta = m*_n - m*_p (vacuum masses where absent) and the muon target density at mu_mu = mu_e (fb_sn_muon_neff_GeV3). */
void fb_sn_alpn_mstar(const fb_sn_medium *m, const fb_sn_profile *p, double *out);

/** Normalised non-degenerate OPE spin-structure integral s(x, y) of pure neutron matter (x = omega/T >= 0 energy
 *  given to the nucleons, y = m_pi^2/(m_N T)) with the options of a (rho exchange, pion mass): s(0, 0) = 1 for
 *  the massless OPE; comparable with the fit s_nd of Hannestad & Raffelt (1998) eq. 45. */
double fb_sn_alpn_s_nn(const fb_sn_alpn *a, double x, double y);

/** Absorption rate [GeV] by inverse NN bremsstrahlung alone of an ALP of energy om > mass at 1/f = 1 GeV^-1 in a
 *  medium point (not reduced by stimulated emission), mstar_ratio = m* / m_N there. */
double fb_sn_alpn_gamma_abs_GeV(const fb_sn_alpn *a, const fb_sn_point *q, double mstar_ratio, double om_GeV,
                                double mass_GeV);

/** Build the per-mass table (weights per (1/f)^2 [erg/s GeV^2], optical depths per (1/f)^2); mstar: the
 *  per-medium data from fb_sn_alpn_mstar or NULL (vacuum masses, no pions, no muons). Errors: FB_ERR_RANGE
 *  outside 1e-6 < mass <= 10 GeV. */
int fb_sn_alpn_table_compute(fb_sn_table *t, fb_sn_alpn *a, const fb_sn_medium *m, const double *mstar,
                             double mass_GeV, fb_err *err);

#endif /* FB_SN_ALPN_H */
