/**
 * @file fb_sn_scalar.h
 * @brief SN1987A cooling band of the BC4/BC5 dark scalar S (mass m_S, mixing sin^2 theta with the
 *        Higgs) from nucleon-nucleon bremsstrahlung N N -> N N S in the proto-neutron star.
 *
 * Physics (formulas with citations in fb_sn_scalar.c; docs/sn-profile.md section 6):
 *  - scalar-nucleon coupling g_SNN = sin(theta) y_hNN, y_hNN = f_N m_N/v (Higgs-nucleon coupling from
 *    the nucleon sigma terms, f_N = FB_HIGGS_NUCLEON_FN; Krnjaic arXiv:1512.04119, Dev, Mohapatra &
 *    Zhang arXiv:2005.00490 use the same form), equal for protons and neutrons;
 *  - production: soft-scalar emission from the external nucleon legs of an elastic NN collision (soft
 *    theorem, as Hardy, Sokolov & Stubbs arXiv:2410.17347 do for the Higgs-mixed scalar): the 1/omega
 *    monopole and dipole terms cancel (equal couplings), the quadrupole term and the m_S^2 nucleon-line
 *    term (the delta term of Dev, Mohapatra & Zhang arXiv:2005.00490) remain, for np, nn and pp pairs;
 *    Maxwell-Boltzmann nucleons, the measured np and pp (= nn) elastic cross sections
 *    (fb_sn_sigma_np_GeV2, fb_sn_sigma_nn_GeV2), isotropic angular distribution;
 *  - absorption by inverse bremsstrahlung (detailed balance, reduced by stimulated emission) and
 *    decays (widths of the BC4 particle model fb_fip_bc4 at sin^2 theta = 1, boost m/E, e+e- Pauli
 *    blocked and with the in-medium electron mass threshold, gamma gamma Bose enhanced with the
 *    plasma-photon phase space, all channels reduced by the inverse decay); inverse decays as
 *    production (detailed balance);
 *  - emission region, lapse, paths, trapping criterion and L_nu as for the dark photon
 *    (fb_sn_darkphoton.h; BC4 default criterion `rays`).
 * BC5 (the same scalar with an h S S coupling) has the same band in (m_S, sin^2 theta): the h S S
 * coupling does not enter the production (NN -> NN S S through an off-shell Higgs is suppressed by
 * 1/m_h^4) nor the decays of a single S.
 *
 * The table is a fb_sn_table whose coupling "eps" is sin(theta): L(sin^2 theta) =
 * fb_sn_table_luminosity_erg_s(t, sqrt(sin2theta)); edges from fb_sn_table_edges are sin(theta) (square
 * them). L0_T holds the bremsstrahlung part and L0_L the inverse-decay part of L/sin^2 theta [erg/s].
 *
 * Call order: fb_sn_scalar_init (once) -> fb_sn_medium_init -> fb_sn_scalar_table_compute (per mass)
 * -> fb_sn_table_free -> fb_sn_scalar_free. Units: GeV, erg/s. Not collective; one struct per thread.
 */
#ifndef FB_SN_SCALAR_H
#define FB_SN_SCALAR_H

#include "fb_config.h"
#include "fb_sn_darkphoton.h"

/** Scalar model state: the thermal NN cross-section tables and the BC4 decay model. */
typedef struct fb_sn_scalar {
  double y_hNN;             /**< Higgs-nucleon Yukawa f_N m_N/v */
  size_t nT, nw;            /**< table sizes (ln T, ln omega) */
  double lnT0, dlnT, lnw0, dlnw;
  double *Hnp, *Hnn;        /**< [3][nT][nw] J_n/N_n, n = 1, 2, 3 [GeV^-2] for np and like
                                 pairs (fb_sn_scalar.c) */
  void *fip_state;          /**< fb_fip_bc4 state */
  double dec_mass_GeV;      /**< mass of the cached widths (NaN: none) */
  double G_ee, G_gg, G_rest; /**< widths at sin^2 theta = 1 [GeV]: e+e-, gamma gamma, everything else */
} fb_sn_scalar;

/** Set up the tables and the BC4 decay model; cfg holds the [bc4] keys (NULL: their defaults). */
int fb_sn_scalar_init(fb_sn_scalar *s, const fb_config *cfg, fb_err *err);
void fb_sn_scalar_free(fb_sn_scalar *s);

/** nn (= pp without Coulomb, charge symmetry) elastic event cross section [GeV^-2] at CM kinetic
 *  energy E_GeV: 1S0 effective-range expansion at low energy, the GiBUU pp fit above T_lab = 20 MeV. */
double fb_sn_sigma_nn_GeV2(double E_GeV);

/** Absorption rate of S by inverse bremsstrahlung [GeV] per sin^2 theta at the medium point q, local
 *  energy om > mass (not reduced by stimulated emission). */
double fb_sn_scalar_gamma_abs_GeV(const fb_sn_scalar *s, const fb_sn_point *q, double om_GeV, double mass_GeV);

/** Build the per-mass table (weights per sin^2 theta [erg/s], optical depths per sin^2 theta).
 *  Errors: FB_ERR_RANGE for mass outside (1e-4, 10] GeV (the BC4 model's range). */
int fb_sn_scalar_table_compute(fb_sn_table *t, fb_sn_scalar *s, const fb_sn_medium *m, double mass_GeV, fb_err *err);

/** Band edges in sin^2 theta at one mass (NaN where nothing is excluded), from a computed table. */
int fb_sn_scalar_edges(const fb_sn_table *t, double L_nu_erg_s, double *s2_low, double *s2_high, fb_err *err);

/** Largest excluded mass [GeV] by bisection in ln m inside [m_lo, m_hi] (m_lo excluded, m_hi not). */
int fb_sn_scalar_mass_max_GeV(fb_sn_scalar *s, const fb_sn_medium *m, double m_lo, double m_hi, double rel_tol,
                              double *mass_max, fb_err *err);

#endif /* FB_SN_SCALAR_H */
