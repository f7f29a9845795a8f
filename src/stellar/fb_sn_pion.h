/**
 * @file fb_sn_pion.h
 * @brief Pion-induced ALP emission pi- p -> n a in the proto-neutron star and its inverse a n -> p pi-, for
 *        ALPs with the nucleon couplings g_an, g_ap (BC10, BC11; used by fb_sn_alpn.c).
 *
 * Physics (formulas with citations in fb_sn_pion.c):
 *  - the process of Carenza, Fore, Giannotti, Mirizzi & Reddy arXiv:2010.02943 (their ratio to NN bremsstrahlung:
 *    2-5), the two nucleon-pole diagrams (ALP from the neutron after pi- absorption; ALP from the proton before
 *    it), static non-degenerate nucleons, pseudovector pi-N vertex sqrt(2) (f/m_pi) sigma.k_pi and ALP vertex
 *    (g_aN/2 m_N) sigma.k_a; the spin sum gives the coupling combination G = (g_n - g_p)^2 + 2 (g_n + g_p)^2;
 *  - the negative pions: Bose-distributed with mu_pi- = mu_n - mu_p of the profile (chemical equilibrium of
 *    pi- p <-> n; Fore & Reddy arXiv:1911.02632 sec. 2), vacuum dispersion; by default (fb_sn_alpn option
 *    pion_virial) with the abundance enhanced by the pi-N interactions: the second virial (Beth-Uhlenbeck) term of
 *    the pi- N pair with the P33 (Delta(1232)) phase shift (Fore & Reddy's virial expansion;
 *    fb_sn_pion_virial_density_GeV3), entering the rate as the effective chemical potential of free pions with that
 *    density (fb_sn_pion_mu_eff_GeV); the momentum dependence of the pion self-energy is not kept;
 *  - the energy released: omega_a = omega_pi - Delta, Delta = m*_n - m*_p (static nucleons of the profile, which
 *    carries no nucleon mean fields);
 *  - the pi-N-a contact term of the chiral Lagrangian (Choi, Kim, Moroi, Sichanugrist et al. arXiv:2110.01972:
 *    it enhances pi- p -> n a by 2-4), re-derived from the nucleon connection Gamma_mu of leading-order baryon ChPT:
 *    amplitude sqrt(2) (C_p - C_n) omega_a/(4 F f g_A), spin independent; it does not interfere with the poles
 *    after the angular average; switchable (contact = 0: the poles alone, as arXiv:2010.02943);
 *  - absorption by detailed balance: Gamma_abs = e^{omega/T} Gamma_prod (mu_a = 0 since mu_pi- = mu_n - mu_p).
 *  - optional (a systematic, not the default): the nucleon symmetry potential U_n - U_p that the profile lacks
 *    (fb_sn_pion_symmetry_potential_GeV), added to both mu_n - mu_p and Delta (mean-field nucleons).
 *  - optional (pion_delta, not the default): the Delta(1232)-mediated diagrams of pi- p -> n a (Ho, Kim, Ko & Park
 *    arXiv:2212.01155 in heavy-baryon ChPT; here the static isobar model, fb_sn_pion_msq_G): the isovector part of the
 *    ALP-nucleon coupling acts as an axial isovector source with the N-Delta transition coupling of the pion scaled by
 *    the same ratio f* /f (generalised Goldberger-Treiman relation); they vanish for C_p = C_n (BC10).
 * Not included: pi0 n -> n a, nucleon degeneracy in the final state, nucleon recoil in the Delta propagator.
 *
 * Units: GeV throughout. Pure functions, no state.
 */
#ifndef FB_SN_PION_H
#define FB_SN_PION_H

/** The coupling combination of the spin-summed, angle-averaged pi- p -> n a matrix element:
 *  G = (g_n - g_p)^2 + 2 (g_n + g_p)^2 (dimensionless couplings g_aN = C_N m_N / f). */
double fb_sn_pion_coupling_G(double g_n, double g_p);

/** Number density [GeV^3] of free negative pions at temperature T_GeV with chemical potential mu_pi_GeV
 *  (< m_pi; Bose-Einstein, vacuum dispersion). Returns NAN for mu_pi >= m_pi (condensation, outside the model). */
double fb_sn_pion_density_GeV3(double T_GeV, double mu_pi_GeV);

/** The couplings of one process: G of the poles and Dg = g_p - g_n of the contact term (0: no contact term); with
 *  delta = 1 the Delta(1232)-mediated diagrams are added coherently to the poles, which then need gn, gp themselves
 *  (fb_sn_pion_msq_G; G is not used). Brace-initialised {G, Dg} leaves delta = 0: the poles alone as before. */
typedef struct fb_sn_pion_coupling {
  double G, Dg;
  double gn, gp; /**< g_an, g_ap (used with delta = 1) */
  int delta;     /**< 1: add the Delta(1232) s- and u-channel diagrams (option pion_delta of fb_sn_alpn.c), f* from the
                      Delta width; 2: the same with the quark-model (f* /f)^2 = 72/25 (FB_PIND_FSTAR_F2_QM) */
} fb_sn_pion_coupling;

/** The spin-summed, angle-averaged coupling factor |A|^2 + 2 |B|^2 [GeV^-2] of pi- p -> n a with static nucleons,
 *  amplitude sqrt(2) (f/m_pi)/(2 m_N) [A k_a.k_pi + i B sigma.(k_a x k_pi)] (the contact term apart): nucleon poles
 *  A_N = (g_n - g_p)/omega_a, B_N = (g_n + g_p)/omega_a (= G/omega_a^2 alone) plus, with c->delta, the Delta(1232)
 *  diagrams of the static isobar model (fb_sn_pion.c): with g_3 = (g_p - g_n)/2 and r = (f* /f)^2,
 *  A_D = (2 r g_3/9) [1/D_s + 1/D_u], B_D = (r g_3/9) [1/D_u - 1/D_s], D_s = W - M_D + i Gamma(W)/2 (W the pi- p
 *  invariant mass, proton at rest), D_u = omega_a + M_D - m_N; the pi N Delta vertex carries the form factor of the
 *  width. om_GeV = omega_a, wpi_GeV = omega_pi. */
double fb_sn_pion_msq_G(const fb_sn_pion_coupling *c, double om_GeV, double wpi_GeV);

/** The pi N Delta coupling f* [dimensionless] of the static isobar model, from the Delta width at the pole:
 *  Gamma_0 = (f*^2/6 pi) k_D^3 m_N/(m_pi^2 M_D) (constants FB_DELTA1232_*). */
double fb_sn_pion_fstar(void);

/** Energy-dependent Delta(1232) width [GeV] at pi N invariant mass W_GeV (the p-wave form of fb_sn_pion_delta33). */
double fb_sn_pion_delta_width_GeV(double W_GeV, double mN_GeV);

/** Production rate per ALP mode [GeV] of pi- p -> n a (dN/dt dV = int d^3k/(2 pi)^3 Gamma_prod), for the
 *  couplings c, proton density np_GeV3, pion chemical potential mu_pi_GeV, nucleon rest-energy difference
 *  delta_GeV = m*_n - m*_p, ALP energy om_GeV > mass_GeV. 0 below threshold (om + delta < m_pi) or for
 *  mu_pi >= m_pi. */
double fb_sn_pion_gamma_prod_GeV(const fb_sn_pion_coupling *c, double T_GeV, double np_GeV3, double mu_pi_GeV,
                                 double delta_GeV, double om_GeV, double mass_GeV);

/** Absorption rate [GeV] of a n -> p pi- (not reduced by stimulated emission), by detailed balance
 *  Gamma_abs = e^{om/T} Gamma_prod. */
double fb_sn_pion_gamma_abs_GeV(const fb_sn_pion_coupling *c, double T_GeV, double np_GeV3, double mu_pi_GeV,
                                double delta_GeV, double om_GeV, double mass_GeV);
/** fb_sn_pion_gamma_abs_GeV with the two exponentials given: e_dm = e^{(delta - mu_pi)/T} (one per medium point) and
 *  e_om = e^{-om/T} (shared with the caller's stimulated-emission factor); the caller checks T > 0, np > 0,
 *  mu_pi < m_pi (issue 16 speed: the multi-energy path rates of fb_sn_alpn.c). */
double fb_sn_pion_gamma_abs_pre_GeV(const fb_sn_pion_coupling *c, double np_GeV3, double delta_GeV, double om_GeV,
                                    double mass_GeV, double e_dm, double e_om);

/** Symmetry potential U_n - U_p [GeV] of nucleons at densities nn_GeV3, np_GeV3 with the potential part of the
 *  symmetry energy S_pot(n) = S_pot(n_0)(n/n_0)^gamma: U_n - U_p = 4 S_pot(n) (n_n - n_p)/n (from
 *  E_pot/A = S_pot(n) delta^2; S_pot(n_0) = S(n_0) - S_kin(n_0), gamma from L - 2 S_kin(n_0) = 3 gamma S_pot(n_0),
 *  S_kin = E_F/3 of the free symmetric Fermi gas; S(n_0), L: FB_ESYM0_MEV, FB_LSYM_MEV). */
double fb_sn_pion_symmetry_potential_GeV(double nn_GeV3, double np_GeV3);

/** P33 (Delta(1232)) pi-N phase shift [rad, 0..pi] at pi-N invariant mass W_GeV for the nucleon mass mN_GeV:
 *  Breit-Wigner with the p-wave width of Koch, Moniz & Ohtsuka (constants FB_DELTA1232_* in fb_constants.h);
 *  0 below threshold. */
double fb_sn_pion_delta33(double W_GeV, double mN_GeV);

/** The pi- number density [GeV^3] held in pi-N correlations (interaction part of the virial expansion of Fore & Reddy
 *  arXiv:1911.02632, Beth-Uhlenbeck with the P33 phase shift; pi- n weight 1, pi- p weight 1/3, 2J+1 = 4), at
 *  T_GeV, pion chemical potential mu_pi_GeV, neutron and proton densities nn_GeV3, np_GeV3 (nucleon fugacities from
 *  the densities, Boltzmann). 0 for mu_pi >= m_pi or T <= 0. */
double fb_sn_pion_virial_density_GeV3(double T_GeV, double mu_pi_GeV, double nn_GeV3, double np_GeV3);

/** Effective chemical potential [GeV] of free pions whose density equals n_target_GeV3 (>= the free density at
 *  mu_pi_GeV; else mu_pi_GeV is returned), capped just below m_pi. */
double fb_sn_pion_mu_eff_GeV(double T_GeV, double mu_pi_GeV, double n_target_GeV3);

#endif /* FB_SN_PION_H */
