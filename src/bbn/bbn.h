/**
 * @file bbn.h
 * @brief Standard Big-Bang nucleosynthesis: background, weak n<->p rates, nuclear network.
 *
 * What it does: computes the primordial abundances (Yp, D/H, 3He/H, 7Li/H) for given
 * Omega_b h^2, neutron lifetime and extra radiation Delta N_eff, with hooks for new physics.
 *
 *  1. Background (bbn_background.c): photons + e+- with the QED finite-temperature corrections to
 *     the plasma pressure at O(e^2) and O(e^3); three neutrino flavours that share one temperature
 *     T_nu, exchanging energy with the plasma through the thermally averaged weak collision term of
 *     Escudero, arXiv:1812.05605 / arXiv:2001.04466 (this gives incomplete decoupling and
 *     N_eff ~ 3.04); extra radiation Delta N_eff; baryons from Omega_b h^2; and an optional extra
 *     component X (energy density, pressure, energy transfer to the plasma and to neutrinos).
 *     Integrated in ln a with CVODE from T = T_start to T = T_end; stored as splines in ln t.
 *  2. Weak rates (bbn_weak.c): Born rates integrated over the e and nu Fermi-Dirac distributions,
 *     with the Fermi function, the O(alpha) outer radiative correction (Sirlin 1967) and the
 *     first-order finite-nucleon-mass corrections (Pitrou et al. arXiv:1801.08023 sec. III.D),
 *     normalised to tau_n. Tabulated once on (T_gamma, T_nu/T_gamma) in a bbn_tables struct.
 *  3. Network (bbn_network.c): n, p, d, t, 3He, 4He, 7Li, 7Be, 6Li; the 12 key reactions, n<->p,
 *     d(a,g)6Li and 6Li(p,a)3He; forward
 *     rates are literature fits (bbn_rates.c, each cited); reverse rates by detailed balance
 *     computed from the nuclear masses and spins; CVODE BDF with the analytic Jacobian (fb_ode);
 *     n <-> p alone from T_start (weak equilibrium) to T_network, then the network from nuclear
 *     statistical equilibrium (NSE) initial conditions for d, t, 3He.
 *
 * Call order:
 *   bbn_tables tab;  bbn_tables_init(&tab, err);          // once per process (weak-rate table)
 *   bbn_params par;  bbn_params_default(&par);  par.omega_b_h2 = ...;
 *   bbn_result res;  bbn_solve(&tab, &par, &res, err);      // any number of times
 *   bbn_tables_free(&tab);
 * bbn_solve allocates and frees its own workspace, so one bbn_tables can serve many points.
 *
 * Units: temperatures in MeV, times in s, densities in MeV^4 (natural units) unless the name says
 * otherwise; nuclear rates N_A<sigma v> in cm^3 mol^-1 s^-1; abundances Y_i = n_i / n_b.
 */
#ifndef BBN_H
#define BBN_H

#include "fb_error.h"

/** Nuclide indices of the network. */
enum bbn_nuclide {
  BBN_N = 0, BBN_P, BBN_D, BBN_T, BBN_HE3, BBN_HE4, BBN_LI7, BBN_BE7, BBN_LI6, BBN_N_NUC
};

/** The 12 key reactions (the reference small network, excluding n<->p) come first ... */
#define BBN_N_KEY 12
/** ... followed by the 6Li reactions d(a,g)6Li and 6Li(p,a)3He: all two-body reactions. */
#define BBN_N_REAC 14

/**
 * Optional extra component X (new-physics hook for the background). All quantities are in
 * natural units (MeV^4 for densities and pressure, MeV^5 for the transfer rates, i.e. energy per
 * volume per MeV^-1 of time; multiply 1/s by hbar to convert). Called at scale factor a/a_start =
 * a_rel, time t_s, photon temperature T_MeV. Energy conservation of the whole universe requires
 * d rho_X / dt = -3H(rho_X + P_X) - Q_em - Q_nu; the hook returns rho_X, P_X, and the rates
 * Q_em (into the e.m. plasma) and Q_nu (into the neutrinos). Return 0 or an fb code.
 */
typedef int (*bbn_extra_fn)(double t_s, double a_rel, double T_MeV, void *ctx, double *rho_MeV4,
                            double *P_MeV4, double *Q_em_MeV5, double *Q_nu_MeV5);

/**
 * Optional extra source terms for the network (new-physics hook): dY_i/dt (1/s) added to the
 * standard right-hand side for each nuclide (photodisintegration, hadronic injection), and extra
 * n->p and p->n conversion rates (1/s). Y has BBN_N_NUC entries; dYdt_extra is zeroed before the
 * call. Return 0 or an fb code. The Jacobian of these terms is not included (CVODE copes as long
 * as they are not stiff).
 */
typedef int (*bbn_source_fn)(double t_s, double T_MeV, const double *Y, void *ctx,
                             double *dYdt_extra, double *lambda_np_extra, double *lambda_pn_extra);

/** Spectral shapes of a group of injected neutrinos (bbn_nu_conversion.c): a line (two-body decay, or a
 *  decay at rest), or a V-A three-body spectrum in x = E/E_max, E_max = <E>/<x> (Michel spectra with
 *  massless daughters; PDG 2024 "Muon decay parameters"): 12 x^2 (1 - x) (<x> = 3/5, the anti-nu_e of mu-
 *  decay) or 2 x^2 (3 - 2 x) (<x> = 7/10, the nu_mu and the electron). */
typedef enum bbn_nu_shape { BBN_NU_LINE = 0, BBN_NU_MICHEL_NUE, BBN_NU_MICHEL_NUMU } bbn_nu_shape;
#define BBN_NU_MAX_GROUPS 24
/** A group of non-thermal neutrinos injected per decay: nu + anti-nu of one flavour (equal numbers). */
typedef struct bbn_nu_group {
  int flavour;           /**< 0 = e, 1 = mu, 2 = tau */
  int shape;             /**< bbn_nu_shape */
  double n;              /**< nu + anti-nu per decay (0 - 100) */
  double E_MeV;          /**< mean energy [MeV] (> 0) */
  int from_pion;         /**< 1: from a stopped pi+- (pi -> mu nu and the muon's decay): weighted by the pion's
                              decay probability at injection (a captured pion gives no neutrinos; bbn_mesons.c) */
  int at_rest;           /**< 1: from the decay at rest of a stopped pi+- or mu+- (its spectrum is the plasma frame's);
                              0: emitted by X itself (boosted by X's Lorentz factor when X moves, bbn_nu_conversion.c) */
} bbn_nu_group;

/**
 * A decaying particle X (native new-physics component; bbn_decay.c, bbn_mesons.c): non-relativistic,
 * rho_X = m_X n_X with n_X a^3 proportional to exp(-t/tau_X) (proper time), P_X = 0. Its decay
 * power Q = rho_X / tau_X goes into the e.m. plasma (f_em), the neutrinos (f_nu, split by flavour
 * with nu_share: nu_e has its own temperature, nu_mu and nu_tau share one) and free-streaming
 * invisible radiation (f_inv); f_em + f_nu + f_inv = 1. The background then obeys
 * (Kawasaki, Kohri, Sugiyama astro-ph/0002127 eqs. 2-5; Hasegawa et al. arXiv:1908.10189 sec. 2;
 * Sabti et al. arXiv:2006.07387 eqs. 2.1-2.5):
 *   d rho_pl/dt = -3H(rho_pl + P_pl) + f_em rho_X/tau - C,   d rho_nu/dt = -4H rho_nu + f_nu rho_X/tau + C,
 *   d rho_inv/dt = -4H rho_inv + f_inv rho_X/tau,             H^2 = (sum of all rho)/(3 M_Pl,red^2).
 * Abundance: either mY_GeV = m_X n_X/s before any decay (the "would-be" value of a stable X, s the
 * total entropy density; the convention of Kawasaki et al. and of the BBN literature's (tau, m Y)
 * plane), or n_over_ngamma = n_X/n_gamma at the start T_start_MeV (the ACROPOLIS-style input
 * n0a at temp0: set bbn_params.T_start_MeV = T0). Exactly one of the two is > 0 (or both 0: no X).
 * Charged pions and kaons per decay drive p <-> n conversion (bbn_mesons.c, bbn_kaons.c) when mesons = 1.
 */
typedef struct bbn_decay {
  double mass_GeV;       /**< m_X [GeV], 1e-3 - 1e4 */
  double tau_s;          /**< lifetime [s], 1e-3 - 1e12 (beyond 1e5: bbn_decay.c) */
  double mY_GeV;         /**< m_X n_X / s before decay [GeV] (or 0) */
  double n_over_ngamma;  /**< n_X / n_gamma at T_start (or 0) */
  double f_em, f_nu, f_inv; /**< energy fractions; sum 1 within 1e-6 */
  double nu_share[3];    /**< shares of the neutrino energy f_nu going to nu_e, nu_mu, nu_tau (sum 1);
                              all 0 = equal shares (1/3 each). nu_mu and nu_tau share one temperature */
  double n_pi_minus, n_pi_plus; /**< mean pi-, pi+ per decay (0 - 100) */
  double n_K_minus, n_K_plus, n_K_L, n_K_S; /**< mean kaons per decay (0 - 100; bbn_kaons.c) */
  double gamma_K_L;      /**< mean Lorentz factor of the injected K_L (decay in flight); <= 1: at rest */
  int mesons;            /**< 1: meson-driven p <-> n conversion from the injected pions */
  int n_nu_groups;       /**< groups of non-thermal nu + anti-nu per decay (0 - BBN_NU_MAX_GROUPS; bbn_nu_conversion.c) */
  bbn_nu_group nu_groups[BBN_NU_MAX_GROUPS]; /**< flavour, number, mean energy and spectral shape of each group */
  int nu_conversion;     /**< 1: direct p <-> n conversion by these non-thermal nu_e before they thermalise */
  int nu_oscillations;   /**< 1 (with nu_conversion): all injected flavours oscillate before they interact, and
                              the nu_e they become convert nucleons (bbn_nu_oscillation.c) */
  int nu_cascade;        /**< 1 (with nu_conversion): the injected neutrinos' scattering cascade on the thermal
                              nu and e+- and the conversions of its energetic members (bbn_nu_cascade.c) */
  int nu_em_share;       /**< 1: the share of the groups' neutrino energy that their scattering cascade hands to e+-
                              (nu e -> nu e, nu anti-nu -> e+ e-) goes from Q_nu to Q_em in the background
                              (bbn_nu_em_share.c); 0: all of f_nu into the neutrinos (before 2026-12-07) */
  double p0_MeV;         /**< momentum of X at T_start (free-streaming, p ~ 1/a): rho_X = n_X E, E = sqrt(m^2 + p^2),
                              decays time-dilated by m/E (bbn_background.c, and in the network's p <-> n sources with the
                              daughters boosted, bbn_mesons.c, unless decays_at_rest); 0 (default): X at rest, the equations above.
                              The bcN_bbn planes set the kinetic-equilibrium value bbn_kinetic_momentum_MeV(m, T_start) */
  int decays_at_rest;    /**< 1: the network's p <-> n sources (bbn_mesons.c, bbn_kaons.c, bbn_nu_conversion.c) take X at
                              rest even when p0_MeV > 0 (undilated decay rate exp(-t/tau)/tau, daughters' rest-frame
                              spectra: the behaviour before 2026-12-07); 0 (default): decays in flight */
  double g_inverse;      /**< internal states of X for its inverse decays in the BBN stage (bbn_background.c): the e.m.
                              channels (width f_em Gamma) re-create X from the plasma at T by detailed balance
                              (Maxwell-Boltzmann n_eq = g m^2 T K2(m/T)/(2 pi^2)); 0 (default): none, n_X a^3 ~ exp(-t/tau).
                              The bcN_bbn planes set g_X (docs/validation.md, "BC9 N_eff band: inverse decays in the
                              BBN stage") */
  double T_inverse_MeV;  /**< with g_inverse > 0: the inverse decays act where T <= T_inverse_MeV (the bcN_bbn planes:
                              their hand-over temperature, so that the production down to it, already in mY, is not
                              counted twice); 0 (default): nowhere */
  int nu_conv_direct;    /**< 1: the neutrino conversions (and their cascade) solved at every right-hand side of the network
                              (the path before 2026-12-07, kept for checks); 0 (default): tabulated once per background in
                              ln t (bbn_nu_conv_table.c, tests/bbn/test_bbn_nu_conv_table.c) */
} bbn_decay;

/** Momentum p with sqrt(m^2 + p^2) = <E> of a Maxwell-Boltzmann distribution in kinetic equilibrium at T:
 *  <E> = m K1(m/T)/K2(m/T) + 3 T (bbn_decay.c; -> 3 T for m << T, m + 3T/2 for m >> T). */
double bbn_kinetic_momentum_MeV(double m_MeV, double T_MeV);

/** Sector a thermal particle chi is in equilibrium with (bbn_thermal_dm). */
enum bbn_dm_coupling { BBN_DM_ELECTRONS = 0, BBN_DM_NEUTRINOS = 1 };

/**
 * A thermal MeV-scale particle chi (bbn_thermal_dm.c): mass m, g internal states (real scalar 1, complex
 * scalar 2, Majorana 2, vector 3, Dirac 4), Bose or Fermi statistics, in equilibrium at zero chemical
 * potential with the e.m. plasma (electrophilic: rho, P, d rho/dT added to the plasma at T_gamma) or with
 * the neutrinos (neutrinophilic: added to the neutrino sector at T_nu; chi keeps the three flavours at one
 * temperature), as in Escudero arXiv:1812.05605 sec. 4. Its annihilation after neutrino decoupling
 * changes N_eff (down / up), T_nu/T_gamma in the weak rates and the expansion rate during BBN.
 * Build with bbn_thermal_dm_init (tabulates the statistics, ~2 ms), free with bbn_thermal_dm_free. The table
 * depends on the statistics only: mass_MeV, g and coupling may be changed afterwards (a mass loop needs one init).
 */
typedef struct bbn_thermal_dm {
  double mass_MeV;  /**< m_chi [MeV], (0, 1000]; bbn_params_check also needs m >= 30 T_end (annihilated) */
  double g;         /**< internal degrees of freedom, (0, 100] */
  int fermion;      /**< 1: Fermi-Dirac, 0: Bose-Einstein */
  int coupling;     /**< BBN_DM_ELECTRONS or BBN_DM_NEUTRINOS */
  int n;            /* private: ln of rho/T^4, P/T^4, T^-3 d rho/dT (g = 1) on a uniform ln z grid */
  double lnz_min, lnz_max;
  double *ln_tab;
} bbn_thermal_dm;

int bbn_thermal_dm_init(bbn_thermal_dm *c, double mass_MeV, double g, int fermion, int coupling, fb_err *err);
void bbn_thermal_dm_free(bbn_thermal_dm *c);
/** rho, P [MeV^4] and d rho/dT [MeV^3] of chi at its temperature T_MeV (0 once m/T > 80). */
void bbn_thermal_dm_thermo(const bbn_thermal_dm *c, double T_MeV, double *rho, double *P, double *drho_dT);

/** Inputs of one BBN evaluation. */
typedef struct bbn_params {
  double omega_b_h2;     /**< baryon density today, default 0.02242 (Planck 2018) */
  double tau_n_s;        /**< neutron lifetime [s], default 878.4 (PDG 2024) */
  double delta_neff;     /**< extra free-streaming radiation, in units of one neutrino species */
  double T_start_MeV;    /**< start (weak equilibrium n/p = exp(-Q/T)), default 10 MeV (allowed 1-30) */
  double T_end_MeV;      /**< end, default 1e-3 MeV (allowed 1e-4 - 1e-2) */
  double T_network_MeV;  /**< start of the nuclear network: from T_start only n <-> p is integrated
                              (the nuclei, < 1e-11, in NSE); default 0.25 MeV (allowed 0.1 - T_start).
                              Starting it hotter makes CVODE stall on the 1e13 /s photodissociation
                              of deuterium (see README) without changing the result (< 1e-6) */
  double rtol;           /**< network relative tolerance, default 1e-6 */
  double atol;           /**< network absolute tolerance on Y_i, default 1e-16 */
  int nu_coupling;       /**< 1: neutrinos exchange energy with the plasma (default); 0: instant decoupling */
  int qed_plasma;        /**< 1: QED corrections to the plasma equation of state (default) */
  int nu_one_temperature; /**< 1: the three flavours share one temperature (Escudero arXiv:1812.05605 eq. 2.9,
                              as in his code's SM and thermal-particle runs); 0 (default): nu_e and nu_mu,tau
                              apart (arXiv:2001.04466). A neutrinophilic chi always holds them at one */
  double rate_factor[BBN_N_REAC]; /**< multiplies each forward (and so reverse) nuclear rate; 1 */
  bbn_extra_fn extra;    /**< background hook or NULL */
  void *extra_ctx;
  bbn_source_fn source;  /**< network hook or NULL */
  void *source_ctx;
  const bbn_decay *decay; /**< decaying particle X or NULL (bbn_decay.c) */
  const bbn_thermal_dm *chi; /**< thermal MeV-scale particle or NULL (bbn_thermal_dm.c; not together with decay) */
  double sbbn_nb_ref;    /**< with decay: bbn_result.nb_comoving of standard BBN at the same inputs
                              (omega_b_h2, T_start, ...), the baryon normalisation; 0 = solve that
                              background inside each bbn_solve (one more background, ~1/3 of the time) */
  int eta_at_bbn;        /**< with decay: 0 = eta fixed today at the CMB value (default), 1 = n_b/n_gamma
                              before the decay equals that of standard BBN (eta today is then lower) */
  int theory_errors;     /**< theory errors of the chi^2: BBN_TH_PROPAGATED (0, default: the network's rate
                              errors propagated, bbn_theory_err.c) or BBN_TH_PRIMAT (PRIMAT's published values) */
} bbn_params;

/** Results of one evaluation. */
typedef struct bbn_result {
  double Yp;             /**< 4 Y_He4 = 4 n_He4 / n_b ("BBN" convention) */
  double Yp_mass;        /**< He-4 mass fraction rho_He4 / rho_b ("CMB" convention) */
  double D_H;            /**< (n_d) / n_H at T_end */
  double He3_H;          /**< (n_He3 + n_t) / n_H (tritium decays to 3He) */
  double Li7_H;          /**< (n_Li7 + n_Be7) / n_H (7Be decays by electron capture) */
  double Li6_H;          /**< n_Li6 / n_H */
  double Neff;           /**< (8/7)(11/4)^{4/3}(rho_nu + rho_dN)/rho_gamma at T_end */
  double Neff_rec;       /**< the same at recombination, T = T_CMB (1 + z_*) = 0.256 eV: the history after
                              T_end continued with what is left of a decaying X (bbn_neff_rec.c); = Neff without X */
  double eta;            /**< n_b / n_gamma today */
  double chi2;           /**< against PDG 2024 Yp and D/H (see bbn_chi2) */
  double th_sigma_Yp;    /**< the theory error of Yp_mass used in chi2 (absolute) */
  double th_rel_DH;      /**< the relative theory error of D/H used in chi2 */
  double T_nu_over_T;    /**< at T_end, nu_e (the temperature of the weak rates) */
  double T_numu_over_T;  /**< at T_end, nu_mu and nu_tau */
  double Y[BBN_N_NUC];   /**< final abundances n_i / n_b */
  double t_end_s;        /**< time at T_end */
  double eta_bbn_over_eta_cmb; /**< with decay: (n_b/n_gamma before the decay) / (that of standard
                              BBN with the same eta today) for eta_at_bbn = 0, or eta_cmb/eta_sbbn; 1 without */
  double T_decay_MeV;    /**< with decay: photon temperature at t = tau_X (before the start: T_start
                              sqrt(t_start/tau), radiation era); NaN without decay */
  double mY_GeV;         /**< with decay: m_X n_X / s before decay (from either abundance input) */
  double rhoX_over_rhorad_max; /**< with decay: largest rho_X / rho_radiation on the background grid */
  double frac_after_photo; /**< with decay: fraction of decays after E_C = m_e^2/(22 T) exceeds the
                              deuteron binding energy (photodisintegration possible; bbn_decay.c) */
  double frac_after_100s; /**< with decay: fraction of decays after t = 100 s (hadrodissociation) */
  int weak_table_clamped; /**< 1: T_nu/T left the weak-rate table [0.5, 1.3] above 30 keV (rates held at
                              the edge; only for Delta N_eff > 5 or eta_BBN/eta_CMB > 2.8: approximate) */
  double nb_comoving;    /**< baryon density at the start scaled to a = a_start [MeV^3] (for sbbn_nb_ref) */
  long steps;            /**< CVODE steps of the network (last integrator run) */
  int restarts;          /**< integrator restarts needed (see bbn_network.c), usually 0 */
} bbn_result;

/** One kaon-nucleon absorption channel (bbn_kaons.c): the p <-> n conversion probability per
 *  absorption and the mean charged pions it produces (the hyperon's decay included). */
typedef struct bbn_kaon_channel {
  double f_conv, n_pip, n_pim;
} bbn_kaon_channel;

/** Kaon inputs of the meson-driven conversion (bbn_kaons.c), computed once in bbn_tables_init. */
typedef struct bbn_kaon_data {
  double sv_Kp_mb, sv_Kn_mb;     /**< <sigma v> of K- p, K- n absorption at threshold [mb c], no Coulomb */
  double sv_K0p_mb, sv_K0n_mb;   /**< the K0bar mirrors (K_L) [mb c] */
  double sigma_share_I1;         /**< Sigma pi share of I = 1 absorption */
  bbn_kaon_channel Kp, Kn, K0p, K0n; /**< f_conv: p -> n for Kp, K0p; n -> p for Kn, K0n */
  double Kdec_same, Kdec_opp;    /**< charged pions of the same / opposite sign per K+- decay */
  double KLdec_each, KSdec_each; /**< pi+ (= pi-) per K_L, K_S decay */
} bbn_kaon_data;

/** The weak-rate table, built once (bbn_weak.c). Members are private. */
/** P(nu_a -> nu_e) of a non-thermal neutrino, lifetime-averaged in the limit Gamma << the oscillation
 *  frequencies, tabulated in A = 2 E (V_e - V_mu,tau) / dm31^2 (bbn_nu_oscillation.c; the muon term
 *  V_mu - V_tau is neglected in the table: it changes P_ae by < 3e-3 (relative, where P_ae > 1e-4) at
 *  T <= 8 MeV). */
#define BBN_NU_OSC_NA 600
typedef struct bbn_nu_osc_table {
  double lnA_min, lnA_max;
  double lnP[3][BBN_NU_OSC_NA]; /**< ln P(nu_a -> nu_e), a = e, mu, tau, on a uniform ln A grid */
} bbn_nu_osc_table;

typedef struct bbn_tables {
  int n_T, n_r;
  double lnT_min, lnT_max, r_min, r_max;
  double *ln_lam_np;     /* [n_r][n_T] ln(lambda_np * tau_n) */
  double *ln_lam_pn;
  double *qed_lnT;       /* QED pressure table: ln T grid */
  double *qed_P, *qed_dP, *qed_d2P; /* P_int/T^4 and its derivatives in ln T (for MeV units) */
  int n_qed;
  double *ee_z;          /* e+- thermodynamics on z = m_e/T: rho/T^4, P/T^4, d(rho)/dT / T^3 */
  double *ee_rho, *ee_P, *ee_drho;
  /* electron-mass factors of the e <-> nu energy-transfer rate on the same grid (ratios to the
   * m_e = 0 values; stored in the ee_drho allocation, freed with it): annihilation for nu_e and
   * nu_mu,tau couplings, and scattering */
  double *ee_ann_e, *ee_ann_mu, *ee_scat;
  int n_ee;
  int n_rate;            /* nuclear rates: ln N_A<sigma v> on a uniform ln T9 grid */
  double lnT9_min, lnT9_max;
  double *ln_rate;       /* [BBN_N_REAC][n_rate] */
  double db_ln_alpha[BBN_N_REAC], db_beta[BBN_N_REAC], db_gamma[BBN_N_REAC];
  double *coul_S;        /* thermal Coulomb factor of pi- p on the plasma ln T grid (bbn_mesons.c) */
  double *coul_SK;       /* the same for K- p (second half of the coul_S allocation) */
  bbn_kaon_data kaon;    /* kaon absorption inputs (bbn_kaons.c) */
  bbn_nu_osc_table nu_osc; /* oscillation probabilities of injected neutrinos (bbn_nu_oscillation.c) */
  double build_time_s;   /**< wall-clock time of bbn_tables_init */
  int from_cache;        /**< 1: bbn_tables_init loaded the tables from the persistent cache (bbn_cache.c) */
} bbn_tables;

/** Fill p with the defaults documented above. */
void bbn_params_default(bbn_params *p);

/** Check the ranges of p (FB_ERR_RANGE naming the key). */
int bbn_params_check(const bbn_params *p, fb_err *err);

/** The weak-rate, plasma, nuclear-rate and kaon tables: loaded from the persistent cache when it holds them for
 *  this program version (bbn_cache.c, fb_cache.h: ~1 ms), else built (bbn_tables_build) and stored there. */
int bbn_tables_init(bbn_tables *tab, fb_err *err);
/** Build the tables, without the cache (~55 ms CPU). */
int bbn_tables_build(bbn_tables *tab, fb_err *err);
void bbn_tables_free(bbn_tables *tab);

/** 1 if two decays / two parameter sets are the same inputs (field by field; bbn_params_same ignores decay and
 *  sbbn_nb_ref, which follow from the rest): a caller reusing a solve checks its inputs with these (bbn_decay.c). */
int bbn_decay_same(const bbn_decay *a, const bbn_decay *b);
int bbn_params_same(const bbn_params *a, const bbn_params *b);

/** Run one BBN evaluation. Not collective; thread-safe for distinct res. */
int bbn_solve(const bbn_tables *tab, const bbn_params *p, bbn_result *res, fb_err *err);

/** Logarithmic sensitivities d ln X / d ln R_k of X = (Yp, D/H, 3He/H, 7Li/H) (columns 0..3) to
 *  each forward rate k (with its reverse), by central differences with rate factors 1 +- rel_step
 *  (2 BBN_N_REAC extra solves). The input for linear propagation of rate uncertainties:
 *  sigma_X / X = sqrt(sum_k (sens[k][X] sigma_k)^2) for relative 1-sigma rate errors sigma_k. */
int bbn_rate_sensitivities(const bbn_tables *tab, const bbn_params *p, double rel_step,
                           double sens[BBN_N_REAC][4], fb_err *err);

/** Index of ln tau_n among the forward sensitivities of bbn_solve_sens (after the BBN_N_REAC rates). */
#define BBN_SENS_TAU_N BBN_N_REAC
#define BBN_N_SENS (BBN_N_REAC + 1)
/** bbn_solve with forward sensitivities (CVODES, one augmented solve; bbn_network.c): sens[k][X] =
 *  d ln X / d ln R_k for each forward rate k (with its reverse) and sens[BBN_SENS_TAU_N][X] = d ln X / d ln tau_n,
 *  X = (Yp mass fraction, D/H, 3He/H, 7Li/H). The linear response of the ODE solution itself (no step
 *  size to choose), in one solve instead of the 2 BBN_N_SENS re-solves of central differences. Only without
 *  a decaying particle and a source hook (FB_ERR_INPUT otherwise). */
int bbn_solve_sens(const bbn_tables *tab, const bbn_params *p, bbn_result *res, double sens[BBN_N_SENS][4],
                   fb_err *err);

/** chi^2 of (Yp, D/H) against PDG 2024 with PRIMAT's theory errors added in quadrature (bbn_network.c). */
double bbn_chi2(double Yp, double D_H);
/** The same with theory errors sigma(Yp) = sY_th (absolute) and sigma(D/H)/(D/H) = sD_rel_th. */
double bbn_chi2_th(double Yp, double D_H, double sY_th, double sD_rel_th);

/** bbn_params.theory_errors */
enum { BBN_TH_PROPAGATED = 0, BBN_TH_PRIMAT = 1 };

/** Relative 1-sigma error of forward rate k (bbn_rates.c, cited there). */
double bbn_rate_sigma_rel(int k);
/** Theory errors of standard BBN at one Omega_b h^2 (bbn_theory_err.c): linear propagation of the rate
 *  errors, sigma_X/X = sqrt(sum_k (S_kX sigma_k)^2 + (S_tauX sigma_tau/tau)^2), X = Yp, D/H, 3He/H, 7Li/H. */
typedef struct bbn_theory_err {
  double omega_b_h2;
  double X[4];          /**< the central values (Yp_mass, D/H, 3He/H, 7Li/H) */
  double rel[4];        /**< total relative 1-sigma errors */
  double rel_rates[4];  /**< nuclear rates only */
  double rel_tau_n[4];  /**< neutron lifetime only */
  double sens[BBN_N_REAC][4]; /**< d ln X / d ln R_k */
  double sens_tau_n[4]; /**< d ln X / d ln tau_n */
} bbn_theory_err;
/** How bbn_theory_err_compute_method gets the sensitivities: BBN_TH_SENS_FORWARD (default: bbn_solve_sens, one
 *  augmented solve) or BBN_TH_SENS_DIFFERENCES (brute force: central differences, rates 1 +- 2% and tau_n
 *  +- 1%, 2 BBN_N_REAC + 3 solves; the reference the forward method is tested against) or
 *  BBN_TH_SENS_FORWARD_LIGHT (forward, with the reactions among nuclides of A <= 4 only: those that can move Yp,
 *  D/H and 3He/H; what bbn_theory_err_get uses, 40% cheaper; rel[3] (7Li/H) is then NAN) */
enum { BBN_TH_SENS_FORWARD = 0, BBN_TH_SENS_DIFFERENCES = 1, BBN_TH_SENS_FORWARD_LIGHT = 2 };
/** Compute at omega_b_h2 with standard BBN and default inputs; no cache. */
int bbn_theory_err_compute_method(const bbn_tables *tab, double omega_b_h2, int method, bbn_theory_err *th,
                                  fb_err *err);
/** The same with BBN_TH_SENS_FORWARD. */
int bbn_theory_err_compute(const bbn_tables *tab, double omega_b_h2, bbn_theory_err *th, fb_err *err);
/** sigma(Yp_mass) (absolute) and sigma(D/H)/(D/H) at omega_b_h2: computed once per node of a fixed grid
 *  in ln Omega_b h^2 (BBN_TH_N_NODES, the spacing of [BBN_FIT_OMEGAB_MIN, _MAX], centred on the default
 *  0.02242), cached process-wide under a mutex (thread-safe; the values do not depend on the order of
 *  calls), and interpolated linearly in ln Omega_b h^2. Outside the nodes' range (about 0.0164-0.0307)
 *  they are computed at omega_b_h2 itself (one solve with sensitivities, ~17 ms, not cached), not held at
 *  the edge node. Method BBN_TH_SENS_FORWARD_LIGHT. */
int bbn_theory_err_get(const bbn_tables *tab, double omega_b_h2, double *sY, double *sD_rel, fb_err *err);
#define BBN_TH_N_NODES 5
/** ln Omega_b h^2 of the first and last node (0.016373, 0.030703): the range of the profile (bbn_joint_fit.c). */
void bbn_theory_err_node_range(double *lnw_lo, double *lnw_hi);

/** Maxwell-Boltzmann average at T of the attractive Coulomb (Sommerfeld) factor for reduced mass
 *  mu_MeV (bbn_mesons.c; the Coulomb enhancement of pi- p charge exchange). */
double bbn_coulomb_factor(double T_MeV, double mu_MeV);

struct fb_thermo;
/** The abundance of X at T0 from decays and inverse decays (detailed balance with the total width
 *  Gamma_GeV, Maxwell-Boltzmann), starting from zero at T_RH (bbn_abundance.c): Y = n/s and
 *  n/n_gamma at T0. g_X: internal states of X. Scatterings are not included (a lower limit). */
int bbn_inverse_decay_abundance(const struct fb_thermo *th, double m_GeV, double g_X, double Gamma_GeV,
                                double T_RH_GeV, double T0_GeV, double *Y_T0, double *n_over_ngamma_T0,
                                fb_err *err);

/** Options of bbn_thermal_abundance: Fermi-Dirac n_eq (fermions) and a production rate per X by
 *  scatterings, Gamma_scat(T) [GeV] (NULL: none), obeying detailed balance with the same n_eq. */
typedef struct bbn_abundance_opts {
  int fermi_dirac;
  double (*scattering_rate)(double T_GeV, void *user);
  void *user;
} bbn_abundance_opts;

/** For the energy equation: Gamma_scat(T) [GeV] (user = the opts' user) and, in *mean_E_GeV, the mean energy
 *  eps_P of the X the scatterings produce (energy-weighted over number production density; <= 0 or NAN:
 *  <E>_eq). NULL: the opts' scattering_rate with eps_P = <E>_eq. */
typedef double (*bbn_scattering_energy_fn)(double T_GeV, void *user, double *mean_E_GeV);

/** Number and energy density of X from T_RH (zero abundance) to T0 (bbn_abundance_energy.c; issue 14
 *  item 1): Y = n/s, n/n_gamma and the mean energy <E> = rho/n [GeV] at T0. Inverse decays with the
 *  exact energy collision term Gamma m (n_eq - n), scatterings of o (rate and eps_P from eps_fn if given), redshift -3H(rho + P)
 *  with P from a Maxwell-Boltzmann shape at the X temperature fixed by <E>. Maxwell-Boltzmann only. */
int bbn_thermal_abundance_energy(const struct fb_thermo *th, double m_GeV, double g_X, double Gamma_GeV,
                                 const bbn_abundance_opts *o, bbn_scattering_energy_fn eps_fn, double T_RH_GeV, double T0_GeV, double *Y_T0,
                                 double *n_over_ngamma_T0, double *E_mean_GeV, fb_err *err);
/** The same from a given state (Y_start, mean energy E_start_GeV >= m) at T_start to T_end (for tests of
 *  the redshift and of the closure; Y_start = 0: no X, E_start ignored). */
int bbn_thermal_abundance_energy_from(const struct fb_thermo *th, double m_GeV, double g_X, double Gamma_GeV,
                                      const bbn_abundance_opts *o, bbn_scattering_energy_fn eps_fn, double T_start_GeV, double Y_start,
                                      double E_start_GeV, double T_end_GeV, double *Y_end, double *E_end_GeV,
                                      fb_err *err);
/** <E>/m = K1(x)/K2(x) + 3/x of a Maxwell-Boltzmann gas at T = m/x, and its inverse x(<E>/m) (a table,
 *  within 1e-8; <E>/m <= 1 gives 1e12, at rest) (bbn_abundance_energy.c). */
double bbn_mb_mean_energy_over_m(double x);
/** Inverse of the above: x = m/T_X of a Maxwell-Boltzmann X in kinetic equilibrium at T_X with mean energy
 *  e_over_m m, and R = K1/K2(x) = <m/E> (bbn_abundance_energy.c's closure; e_over_m <= 1: x = 1e12, R = 1). */
double bbn_mb_closure_x(double e_over_m, double *R);
double bbn_mb_x_from_mean_energy(double e_over_m);

/** bbn_inverse_decay_abundance with the options o (NULL: the same): the relaxation rate is
 *  Gamma <m/E> + Gamma_scat(T) (bbn_abundance.c). */
int bbn_thermal_abundance(const struct fb_thermo *th, double m_GeV, double g_X, double Gamma_GeV,
                          const bbn_abundance_opts *o, double T_RH_GeV, double T0_GeV, double *Y_T0,
                          double *n_over_ngamma_T0, fb_err *err);

/** Y_eq = n_eq/s and the relaxation rate k = (Gamma <m/E> + Gamma_scat)/H (1 + d ln g_*s/d ln T / 3) of
 *  bbn_thermal_abundance at T_GeV: dY/d(-ln T) = -k (Y - Y_eq) (bbn_abundance.c; for references). */
void bbn_thermal_abundance_rates(const struct fb_thermo *th, double m_GeV, double g_X, double Gamma_GeV,
                                 const bbn_abundance_opts *o, double T_GeV, double *Y_eq, double *k);
/** sum_k (-1)^(k+1) K2(k x)/k, the Fermi-Dirac n_eq = g m^2 T/(2 pi^2) x this: the series (60 terms)
 *  and its table (bbn_abundance.c, used by bbn_thermal_abundance; within 1e-8 of the series). */
double bbn_fd_k2_series(double x);
double bbn_fd_k2_series_fast(double x);

/** The state of a heavy neutral lepton before BBN (bbn_hnl.c). */
typedef struct bbn_hnl_state {
  double Y_T0, n_over_ngamma_T0; /**< n_N/s and n_N/n_gamma at T0 */
  double T_dec_GeV;             /**< Gamma_prod = H below the maximum of Gamma_prod/H (0: never > 1) */
  double gamma_over_H_max, T_max_GeV; /**< the maximum of Gamma_prod/H and where it is */
  double n_over_ngamma_reldec;  /**< (3/4) g_*s(T0)/g_*s(T_dec): relativistic decoupling, no decays */
} bbn_hnl_state;

/** HNL (flavour 0 = e, 1 = mu, 2 = tau; mass m_GeV, mixing U2, total width Gamma_GeV) abundance at T0
 *  from thermal production through mixing, decays and inverse decays from T_RH (bbn_hnl.c);
 *  thermal_potential: 1 = mixing suppressed in the medium (default physics), 0 = vacuum mixing. */
int bbn_hnl_abundance(const struct fb_thermo *th, int flavour, int thermal_potential, double m_GeV, double U2,
                      double Gamma_GeV, double T_RH_GeV, double T0_GeV, bbn_hnl_state *out, fb_err *err);
/** The same for g internal states: 2 = Majorana (bbn_hnl_abundance), 4 = Dirac N (N and anti-N, each produced
 *  at the rate per state of bbn_hnl_production_rate; the caller passes the Dirac width, half the Majorana one). */
int bbn_hnl_abundance_dof(const struct fb_thermo *th, int flavour, int thermal_potential, double g, double m_GeV,
                          double U2, double Gamma_GeV, double T_RH_GeV, double T0_GeV, bbn_hnl_state *out, fb_err *err);
/** The active neutrino's interaction rate at the mean momentum <p> = 3.151 T, C_alpha G_F^2 T^4 <p>
 *  g_*rho/10.75 [GeV] (bbn_hnl.c; bbn_nu_rate.c). */
double bbn_hnl_active_rate(const struct fb_thermo *th, int flavour, double T_GeV);
/** Gamma_prod(T) = |U_eff|^2 x bbn_hnl_active_rate [GeV] (bbn_hnl.c). */
double bbn_hnl_production_rate(const struct fb_thermo *th, int flavour, double m_GeV, double U2, double T_GeV);
/** Weak scattering rate of an active neutrino of momentum p_GeV on the e+- nu plasma at T_GeV (T << m_mu):
 *  C G_F^2 T^4 p [GeV] (bbn_nu_rate.c); C = bbn_nu_rate_coef(flavour) (0 = e: 1.27, else 0.92). */
double bbn_nu_rate_GeV(double C, double T_GeV, double p_GeV);
double bbn_nu_rate_coef(int flavour);
/** Thermal average over a massless Fermi-Dirac target of one unit of s-type weight (32 G_F^2 (p1.p2)(p3.p4)),
 *  per G_F^2 T^4 E: 7 pi/180 (bbn_nu_rate.c). */
double bbn_nu_rate_s_unit(void);
/** Mean momentum over T of a relativistic Fermi-Dirac distribution, 7 pi^4/(180 zeta3) = 3.1514. */
double bbn_nu_mean_p_over_T(void);
/** |U_eff|^2/|U|^2 from the thermal potential of nu_alpha (bbn_hnl.c). */
double bbn_hnl_mixing_suppression(int flavour, double m_GeV, double T_GeV);
/** |V_T| [GeV] of nu_alpha (flavour 0 = e, 1 = mu, 2 = tau) of momentum p_GeV in the e+- mu+- tau+- nu
 *  plasma at T_GeV (Notzold & Raffelt NPB 307 (1988) 924; CP-symmetric part, V_T < 0 for nu and nubar;
 *  bbn_hnl.c): (8 sqrt2 G_F p / 3) [rho_nu_alpha / M_Z^2 + rho_l_alpha / M_W^2]. */
double bbn_nu_thermal_potential_GeV(int flavour, double p_GeV, double T_GeV);

/** The flavour Hamiltonian of a non-thermal neutrino in the plasma, diagonalised (bbn_nu_oscillation.c). */
typedef struct bbn_nu_osc {
  double lambda_s[3];    /**< eigenvalues as angular frequencies [1/s] (differences matter) */
  double W_re[3][3], W_im[3][3]; /**< flavour a, matter eigenstate i: nu_a = sum_i conj(W_ai) |i> (neutrinos) */
} bbn_nu_osc;
/** Diagonalise H = U diag(0, dm21, dm31) U^+ / (2E) + diag(V_e, V_mu, V_tau) for a neutrino of energy
 *  E_MeV at photon temperature T_MeV (vacuum mixing NuFIT 6.0; V_a the thermal potentials,
 *  bbn_nu_thermal_potential_GeV; vacuum = 1: V = 0). Antineutrinos: the conjugate (same thermal V). */
void bbn_nu_osc_init(bbn_nu_osc *o, double E_MeV, double T_MeV, int vacuum);
/** P[a][b]: probability that a nu_a (anti = 1: anti-nu_a) born with o is a nu_b when it interacts, for an
 *  exponential lifetime of rate Gamma_s [1/s] (< e^{-i w t} > = Gamma/(Gamma + i w)). Rows sum to 1;
 *  Gamma -> 0: the incoherent average sum_i |W_ai|^2 |W_bi|^2; Gamma -> infinity: delta_ab. */
void bbn_nu_osc_probabilities(const bbn_nu_osc *o, double Gamma_s, int anti, double P[3][3]);
/** Fill the table (bbn_nu_oscillation.c; 600 diagonalisations, ~1 ms). */
void bbn_nu_osc_table_init(bbn_nu_osc_table *t);
/** A = 2 E (V_e - V_tau) / dm31^2 of a neutrino of energy E_MeV at photon temperature T_MeV. */
double bbn_nu_osc_A(double E_MeV, double T_MeV);
/** P(nu_a -> nu_e) (= P(anti-nu_a -> anti-nu_e)) from the table at A (log-log interpolation; below the grid
 *  the vacuum value, above it the leading-order fall ~ A^-2). */
double bbn_nu_osc_table_Pe(const bbn_nu_osc_table *t, int a, double A);
/** The PMNS-averaged vacuum probabilities sum_i |U_ai|^2 |U_bi|^2 (NuFIT 6.0; bbn_nu_oscillation.c). */
void bbn_nu_osc_vacuum_average(double P[3][3]);

/** The inverse-decay production alone (no losses) between T_lo and T_hi, in Y = n/s (bbn_abundance.c):
 *  with T_hi = T0 it measures what the BBN stage, which has decays but no inverse decays, leaves out. */
/** The same with the options o of bbn_thermal_abundance (NULL: inverse decays only): the source k Y_eq has
 *  the scattering rate o->scattering_rate too (production by scatterings below T0, review fix). */
double bbn_thermal_production(const struct fb_thermo *th, double m_GeV, double g_X, double Gamma_GeV,
                              const bbn_abundance_opts *o, double T_hi_GeV, double T_lo_GeV);
double bbn_inverse_decay_production(const struct fb_thermo *th, double m_GeV, double g_X, double Gamma_GeV,
                                    double T_hi_GeV, double T_lo_GeV);

/** Check the ranges of a decaying particle (FB_ERR_RANGE naming the key; bbn_decay.c). */
int bbn_decay_check(const bbn_decay *d, fb_err *err);

/** The 95% CL verdict of one point (bbn_chi2.c; criteria documented there and in README.md). */
typedef struct bbn_verdict {
  double chi2, chi2_sbbn, delta_chi2; /**< chi^2 (Yp_mass, D/H), standard BBN's, difference */
  double pull_Yp, pull_DH;            /**< (theory - observed) / sigma (quadrature sum) */
  double dNeff;                       /**< Neff_rec - Planck 2018 central 2.99 */
  int excluded_bbn;                   /**< delta_chi2 > 5.99 (chi^2 with 2 dof, 95%) */
  int excluded_Yp, excluded_DH;       /**< pull^2 - pull_SBBN^2 > 1.96^2 for that observable alone */
  int excluded_neff;                  /**< |Neff_rec - 2.99| > 0.34 (Planck 2018 95%; N_eff at recombination) */
  int flag_photodisintegration;       /**< the e.m. cascade (not computed) could change the result */
  int flag_hadrodissociation;         /**< hadronic showers (not computed) could change the result */
} bbn_verdict;

/** Fill v from a result r and the standard-BBN result r_sbbn at the same Omega_b h^2; d is the
 *  decaying particle of r (NULL: no flags). */
void bbn_verdict_eval(const bbn_result *r, const bbn_result *r_sbbn, const bbn_decay *d, bbn_verdict *v);

/** chi^2 of (Omega_b h^2, N_eff, Y_P^BBN = 4 n_He/n_b) against the Gaussian CMB likelihood of Planck 2018
 *  TT,TE,EE+lowE with Y_P and N_eff free (bbn_joint_fit.c; numbers in fb_constants.h). */
double bbn_chi2_planck(double omega_b_h2, double Neff, double Yp_nucleon);

/** The likelihoods of bbn_profile: BBN (Yp, D/H), CMB (Planck), BBN + CMB. */
enum { BBN_FIT_BBN = 0, BBN_FIT_CMB = 1, BBN_FIT_JOINT = 2, BBN_FIT_N = 3 };
/** The spacing of the theory-error nodes (bbn_theory_err.c: BBN_TH_N_NODES over [MIN, MAX], centred on the
 *  default 0.02242, i.e. 0.016373-0.030703) and the number of profile nodes: the profile (bbn_joint_fit.c) spans
 *  the theory-error nodes, so that every profile node interpolates the cached theory errors (until 2026-12-07
 *  it spanned [MIN, MAX] = [0.016, 0.030]: one uncached solve with sensitivities at 0.016 per profile). */
#define BBN_FIT_OMEGAB_MIN 0.016
#define BBN_FIT_OMEGAB_MAX 0.030
#define BBN_FIT_N_NODES 15

/** Each likelihood minimised over Omega_b h^2 at fixed model parameters (profile likelihood,
 *  bbn_joint_fit.c). The mass bound of a thermal particle: chi2[BBN_FIT_JOINT] minus that of the
 *  Standard Model > FB_CHI2_1DOF_95 (Sabti et al. arXiv:1910.01649: BBN + CMB analysed together). */
typedef struct bbn_profile {
  double chi2[BBN_FIT_N];       /**< the minima over Omega_b h^2 */
  double omega_b_h2[BBN_FIT_N]; /**< where they are */
  int at_edge[BBN_FIT_N];       /**< 1: the minimum is on the edge of the profile range (0.016373-0.030703; chi2 is then
                                     an upper bound on the profile) */
  double Neff, Yp_mass, D_H;    /**< at the joint minimum */
} bbn_profile;

/** Profile the three likelihoods over Omega_b h^2 for the model p (p->omega_b_h2 and p->sbbn_nb_ref are
 *  ignored; a decaying particle gets its baryon normalisation at each omega_b): BBN_FIT_N_NODES solves. */
int bbn_profile_eval(const bbn_tables *tab, const bbn_params *p, bbn_profile *out, fb_err *err);

/** The likelihood sets of the profile: DEFAULT = the (bbn_chi2_th with PDG 2024 observations and the
 *  propagated theory errors; bbn_chi2_planck); SABTI19 = that of Sabti et al. arXiv:1910.01649 as their public
 *  scripts write it (bbn_chi2_bbn_sabti19, bbn_chi2_planck_sabti19; fb_constants.h FB_SABTI19_*). */
enum { BBN_LIK_DEFAULT = 0, BBN_LIK_SABTI19_BBN = 1, BBN_LIK_SABTI19_CMB = 2, BBN_LIK_SABTI19 = 3 };
/**< bit flags: SABTI19_BBN replaces the BBN part only, SABTI19_CMB the CMB part only (for attributions) */
/** chi^2 of the Planck 2018 TT,TE,EE+lowE Gaussian in (Omega_b h^2, N_eff, Y_P = 4 n_He/n_b) of arXiv:1910.01649. */
double bbn_chi2_planck_sabti19(double omega_b_h2, double Neff, double Yp_nucleon);
/** chi^2 of Y_P = 4 n_He/n_b and D/H against the observations and fixed theory errors of arXiv:1910.01649. */
double bbn_chi2_bbn_sabti19(double Yp_nucleon, double D_H);
/** bbn_profile_eval with the likelihood set lik (BBN_LIK_*); bbn_profile_eval is lik = BBN_LIK_DEFAULT. */
int bbn_profile_eval_lik(const bbn_tables *tab, const bbn_params *p, int lik, bbn_profile *out, fb_err *err);

/** Weak rates (1/s) at photon temperature T_MeV and T_nu/T_gamma = r, for lifetime tau_n_s. */
int bbn_weak_rates(const bbn_tables *tab, double T_MeV, double r, double tau_n_s, double *lam_np,
                   double *lam_pn, fb_err *err);

/** Forward rate N_A<sigma v> (cm^3 mol^-1 s^-1) of reaction k (0..11) at T9 (bbn_rates.c). */
double bbn_rate_forward(int k, double T9);
/** Name of reaction k, in the file-name style "d_p__He3_g". */
const char *bbn_rate_name(int k);
/** Detailed-balance coefficients of reaction k: reverse = alpha T9^beta exp(gamma/T9) forward,
 *  computed from the masses and spins (bbn_rates.c); Q in MeV. */
void bbn_rate_detailed_balance(int k, double *alpha, double *beta, double *gamma, double *Q_MeV);

/** QED finite-temperature correction to the plasma pressure at O(e^2) and O(e^3) [MeV^4]. */
int bbn_qed_pressure(double T_MeV, double *P2_MeV4, double *P3_MeV4, fb_err *err);

/** The thermal history after the BBN background (bbn_neff_rec.c): start values at photon temperature T_MeV. */
typedef struct bbn_neff_cont_in {
  double T_MeV;                   /**< photon temperature at the start */
  double rho_nu_over_g;           /**< rho_nu / rho_gamma at the start (all flavours) */
  double rho_fs_over_g;           /**< other free-streaming radiation (Delta N_eff, invisible daughters) / rho_gamma */
  double rho_m_MeV4;              /**< cold matter (baryons + CDM) at the start [MeV^4]; 0: radiation + X only */
  double t_s;                     /**< time at the start */
  double nX_MeV3;                 /**< number density of the decaying X left at the start (0: none) */
  double mX_MeV, pX_MeV, tauX_s;  /**< its mass, momentum at the start (0: at rest), proper lifetime */
  double f_em, f_nu, f_inv;       /**< energy fractions of its decays into photons/e+-, neutrinos, invisible */
} bbn_neff_cont_in;
typedef struct bbn_neff_cont_out {
  double Neff;          /**< (8/7)(11/4)^{4/3} (rho_nu + rho_fs)/rho_gamma at T_stop */
  double t_s;           /**< time at T_stop */
  double X_left;        /**< n_X a^3 at T_stop over its start value */
  double rho_g_ratio;   /**< rho_gamma a^4 at T_stop over its start value (photon heating) */
  double x_stop;        /**< ln(a_stop / a_start) */
} bbn_neff_cont_out;
/** Continue from in to the photon temperature T_stop_MeV (the equations in bbn_neff_rec.c). */
int bbn_neff_continue(const bbn_neff_cont_in *in, double T_stop_MeV, bbn_neff_cont_out *out, fb_err *err);
/** As bbn_neff_continue, with the matter density consistent with photons heated after the start: eta and the
 *  matter densities are fixed today, so at the start they were larger by nb_factor = rho_g_ratio^{3/4} than
 *  in->rho_m_MeV4 (given for unheated photons); iterated to a fixed point (relative 1e-10). */
int bbn_neff_continue_heated(const bbn_neff_cont_in *in, double T_stop_MeV, bbn_neff_cont_out *out,
                             double *nb_factor, fb_err *err);
/** N_eff at the end of BBN and at recombination with the decaying particle p->decay (required): the background of
 *  bbn_solve(p) alone, without the nuclear network (~1/3 of its time), so Neff_end and Neff_rec equal bbn_result.Neff
 *  and .Neff_rec of bbn_solve(p) bit for bit (bbn_neff_rec.c; used by `eval late-decay` and the photodisintegration
 *  planes for the decay's N_eff, one computation with `eval bbn-decay`). */
int bbn_decay_neff(const bbn_tables *tab, const bbn_params *p, double *Neff_end, double *Neff_rec, fb_err *err);
/** Photon temperature of recombination T_CMB (1 + z_*) [MeV] (Planck 2018 z_* = 1089.92). */
double bbn_T_recombination_MeV(void);

#endif /* BBN_H */
