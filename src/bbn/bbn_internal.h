/**
 * @file bbn_internal.h
 * @brief Private declarations shared by the files of src/bbn (not for other modules).
 */
#ifndef BBN_INTERNAL_H
#define BBN_INTERNAL_H

#include <stdint.h>

#include "bbn.h"
#include "fb_spline.h"

/** One two-body reaction a + b -> c + d (d = -1: photon). */
typedef struct bbn_reaction {
  const char *name;
  int a, b, c, d;
  double (*fwd)(double T9);
  double T9_low;  /* below: constant-S-factor continuation (bbn_rate_forward) */
  double T9_high; /* above: held at the T9_high value (bbn_rate_forward) */
} bbn_reaction;

typedef struct bbn_nuclide_data {
  const char *name;
  int A, Z;
  double mass_excess_keV;
  double spin;
} bbn_nuclide_data;

extern const bbn_reaction bbn_reactions[BBN_N_REAC];
extern const bbn_nuclide_data bbn_nuclides[BBN_N_NUC];

/* Observations: PDG 2024 review "Big-Bang nucleosynthesis" (Fields, Molaro, Sarkar). */
#define BBN_OBS_YP 0.245
#define BBN_OBS_YP_SIGMA 0.003
#define BBN_OBS_DH 2.547e-5
#define BBN_OBS_DH_SIGMA 0.029e-5
/* Theory errors from nuclear-rate uncertainties: the Monte Carlo of PRIMAT, Pitrou et al.
 * arXiv:1801.08023 (abstract): sigma(Yp) = 0.00017, sigma(D/H)/(D/H) = 0.036/2.459. */
#define BBN_TH_YP_SIGMA 0.00017
#define BBN_TH_DH_REL 0.01464

/** 8-point Gauss-Legendre nodes and weights on [-1, 1] (bbn_background.c). */
extern const double bbn_gl8_x[8], bbn_gl8_w[8];

/** 4-point Lagrange weights on the nodes 0, 1, 2, 3 at position x (cubic table lookups). */
static inline void bbn_lagrange4(double x, double *w) {
  const double x1 = x - 1.0, x2 = x - 2.0, x3 = x - 3.0;
  w[0] = -x1 * x2 * x3 / 6.0;
  w[1] = x * x2 * x3 / 2.0;
  w[2] = -x * x1 * x3 / 2.0;
  w[3] = x * x1 * x2 / 6.0;
}

/** 4-point Lagrange weights w for fine node i on a coarse grid of every step-th node (n coarse nodes, n >= 4):
 *  returns the first coarse index of the stencil (clamped at the ends). Tables whose smooth parts are computed on
 *  the coarse nodes only (bbn_weak.c, bbn_background.c). */
static inline int bbn_lagrange4_coarse(int i, int step, int n, double *w) {
  int j0 = i / step - 1;
  if (j0 < 0) j0 = 0;
  if (j0 > n - 4) j0 = n - 4;
  const double x = (double)i / step - j0; /* position in units of the coarse step, nodes 0..3 */
  for (int a = 0; a < 4; ++a) {
    double l = 1.0;
    for (int b = 0; b < 4; ++b)
      if (b != a) l *= (x - b) / (double)(a - b);
    w[a] = l;
  }
  return j0;
}

/** bbn_solve_sens with the sensitivities to the ln R of the n_reac reactions reac[] only (and to ln tau_n, row
 *  BBN_SENS_TAU_N); the rows of the other reactions are 0. Each sensitivity costs ~2.8 us per step of the
 *  augmented solve (bbn_theory_err.c uses the reactions that can move Yp and D/H). */
int bbn_solve_sens_subset(const bbn_tables *tab, const bbn_params *p, const int *reac, int n_reac, bbn_result *res,
                          double sens[BBN_N_SENS][4], fb_err *err);

/** 1 if the forward rate k is a quadrature over a tabulated S factor (rate_from_sfactor, bbn_rates.c: ~9 us per
 *  T9, smooth in ln T9), 0 for a closed-form fit. */
int bbn_rate_is_quadrature(int k);

/** Nuclear (atomic) mass A u + Delta [MeV]. */
double bbn_nuclide_mass_MeV(int i);

/** Largest T9 of the fitted rates; above it the forward rate is held constant. */
#define BBN_T9_MAX_FIT 10.0

/** Lifetimes up to which the background grid is extended until the decaying X is gone (t >= 25 tau); longer
 *  ones stop at T_end and the rest of X is followed to recombination by bbn_neff_rec.c only. */
#define BBN_DECAY_TAU_FOLLOW_S 1e5
/** Longest lifetime of bbn_decay (decays before recombination, t_rec ~ 1.2e13 s). */
#define BBN_DECAY_TAU_MAX_S 1e12

/** Number of samples of the background solution (uniform in ln a). */
#define BBN_BG_N 400

/** Background solution of one evaluation (bbn_background.c), as splines in ln t. */
typedef struct bbn_background {
  int n;
  double *ln_t, *ln_T, *ln_Tnu, *ln_a;  /* [n] samples */
  fb_spline sp_T, sp_Tnu, sp_a;        /* ln T(ln t), ln T_nu(ln t), ln a(ln t) */
  double t_start_s, t_end_s;
  double nb_start_MeV3;                 /* baryon number density at a = a_start */
  double eta;                           /* n_b / n_gamma today */
  double Neff;                          /* at T_end */
  double Neff_rec;                      /* at recombination (bbn_neff_rec.c; = Neff without a decaying X) */
  double X_left_end;                    /* with X: n_X a^3 at the end of the grid over its value without decays */
  double Tnu_over_T_end, Tnumu_over_T_end; /* nu_e, nu_mu/tau */
  /* decaying particle (bbn_params.decay): n_X / n_b = YX0 exp(-t / tauX_s) (both scale as a^-3) */
  double YX0, tauX_s, mY_GeV;
  double *optX;                         /* [2n]: X's proper-time optical depth (decays counted from t = 0) at the
                                           samples and its d/d ln t (bbn_background_X_depth) */
  double rhoX_over_rad_max;             /* largest rho_X / rho_radiation on the grid */
  double frac_after_photo, frac_after_100s; /* fractions of X decays after the cascade thresholds */
} bbn_background;

/** Solve the background for p (allocates b; free with bbn_background_free). */
int bbn_background_solve(const bbn_tables *tab, const bbn_params *p, bbn_background *b, fb_err *err);
void bbn_background_free(bbn_background *b);
/** bbn_background_solve, but a standard background (no decay, chi or hook) with the same plasma tables and inputs
 *  as the previous one is returned as a copy of it (bbn_background_memo.c; bit-identical). */
int bbn_background_get(const bbn_tables *tab, const bbn_params *p, bbn_background *b, fb_err *err);
/** Time [s] at which the photon temperature is T_MeV (bisection on the splines; clamped). */
double bbn_background_time_at_T(const bbn_background *b, double T_MeV);
/** T, T_nu [MeV] and baryon density [MeV^3] at time t_s (clamped to the solved range). */
void bbn_background_at(const bbn_background *b, double t_s, double *T_MeV, double *Tnu_MeV,
                       double *nb_MeV3);

/** x = ln(a/a_start) and d x / d ln t at time t_s (the Hermite interpolant of bbn_background_at; clamped). */
void bbn_background_x_at(const bbn_background *b, double t_s, double *x, double *dx_dlnt);
/** The decaying X's optical depth int_0^t (m/E) dt'/tau (proper time over tau; t/tau for X at rest): n_X/n_b =
 *  YX0 exp(-depth) (bbn_background.c). */
double bbn_background_X_depth(const bbn_background *b, double t_s);

/** Background with the decaying particle p->decay (bbn_decay.c): solves the standard background
 *  too, for the baryon normalisation (eta today or at BBN); eta_ratio = (n_b/n_gamma before the
 *  decay) / (n_b/n_gamma today); T_decay_MeV = T at t = tau_X (radiation-era extrapolation before the start). */
int bbn_decay_background(const bbn_tables *tab, const bbn_params *p, bbn_background *bg, double *eta_ratio,
                         double *T_decay_MeV, fb_err *err);

/** Share of a decay's neutrino energy that goes to nu_e (bbn_decay.c; nu_share all 0: 1/3). */
double bbn_decay_nu_e_share(const bbn_decay *d);

/** The decay's neutrino conversions per decay (the four parts of bbn_nu_conversion_parts), which depend on t only through
 *  the solved background: tabulated once per background on a uniform grid in ln t, nodes filled on first use (the network
 *  never reaches the times where X has decayed away), Catmull-Rom in ln t of ln(part) (bbn_nu_conv_table.c). */
#define BBN_NU_CONV_DLNT (1.0 / 16.0) /* node spacing in ln t (accuracy: tests/bbn/test_bbn_nu_conv_table.c) */
typedef struct bbn_nu_conv_table {
  int n;
  double lnt0, h;             /* node i at ln t = lnt0 + i h, the background's range */
  double (*lv)[4];            /* [n][4]: ln(part), -HUGE_VAL where part = 0 */
  unsigned char *done;        /* [n]: node filled */
} bbn_nu_conv_table;
/** Catmull-Rom weights at the fraction f of [i, i + 1] for the nodes i - 1 .. i + 2 (bbn_nu_em_share.c). */
void bbn_cr_weights(double f, double w[4]);
/** Allocate the table over the background's range with spacing dlnt (nodes unfilled). */
int bbn_nu_conv_table_init(bbn_nu_conv_table *t, const bbn_background *bg, double dlnt, fb_err *err);
void bbn_nu_conv_table_free(bbn_nu_conv_table *t);
/** The parts at t_s (fills the nodes it needs); returns 0 (part untouched) where t_s is outside the table. */
int bbn_nu_conv_table_at(bbn_nu_conv_table *t, const bbn_tables *tab, const bbn_decay *d, const bbn_background *bg,
                         double t_s, double part[4]);

/** Meson-driven (and, with d->nu_conversion, non-thermal nu_e: bbn_nu_conversion.c) extra n -> p and
 *  p -> n rates [1/s] from the decaying particle's charged pions at
 *  time t_s, photon temperature T_MeV, baryon density nb_MeV3 and abundances Y (bbn_mesons.c), and
 *  (if not NULL) the derivatives of the fluxes F_pn = lam_pn Y_p and F_np = lam_np Y_n with respect to
 *  Y_p and Y_n (all four: kaons make each flux depend on both). The neutrino conversions come from the table nct
 *  where it covers t_s (filled lazily; NULL: solved at every call, the direct path). */
void bbn_decay_network_source(const bbn_tables *tab, const bbn_decay *d, const bbn_background *bg,
                              bbn_nu_conv_table *nct, double t_s, double T_MeV,
                              double nb_MeV3, const double *Y, double *lam_np, double *lam_pn,
                              double *dFpn_dYp, double *dFnp_dYn, double *dFpn_dYn, double *dFnp_dYp);

/** Direct p <-> n conversion by the decay's non-thermal nu_e / anti-nu_e (bbn_nu_conversion.c): extra
 *  rates per nucleon [1/s] at decays_per_baryon_s, photon temperature T_MeV, Hubble rate H_s [1/s] and
 *  baryon density nb_cm3; 0 unless d->nu_conversion. With d->nu_oscillations and a table ot (NULL: none),
 *  every flavour converts with its probability to be a nu_e (bbn_nu_oscillation.c). The groups from_pion are
 *  weighted by pion_decay_prob (bbn_pion_decay_probability). gamma_X: X's Lorentz factor (<= 1: at rest); the
 *  groups X emits (at_rest = 0) have their spectra boosted by it (decays in flight). */
void bbn_nu_conversion_rates(const bbn_nu_osc_table *ot, const bbn_decay *d, double decays_per_baryon_s, double T_MeV, double H_s,
                             double nb_cm3, double pion_decay_prob, double gamma_X, double *lam_np, double *lam_pn);
/** The neutrino conversions per decay of bbn_nu_conversion_rates split by weight: part[0] (p -> n) and part[1]
 *  (n -> p) of the groups not from pions, part[2], part[3] of the groups from_pion, each per (decays per baryon per s
 *  x n_b c) [cm^2]: functions of the background only (T, H, gamma_X). */
void bbn_nu_conversion_parts(const bbn_nu_osc_table *ot, const bbn_decay *d, double T_MeV, double H_s, double gamma_X,
                             double part[4]);
/** lam_np, lam_pn [1/s] from the parts: decays_per_baryon_s n_b c (part[0|1] + pion_decay_prob part[2|3]). */
void bbn_nu_conversion_combine(const double part[4], double decays_per_baryon_s, double nb_cm3, double pion_decay_prob,
                               double *lam_np, double *lam_pn);
/** The parts at time t_s of the background bg (T, H = d ln a/dt, X's gamma_X there; bbn_mesons.c). */
void bbn_nu_conversion_node(const bbn_tables *tab, const bbn_decay *d, const bbn_background *bg, double t_s,
                            double part[4]);
/** A function of the neutrino energy E_MeV with two outputs (the p -> n and n -> p conversions of one neutrino). */
typedef void (*bbn_nu_spectrum_fn)(double E_MeV, void *ctx, double out[2]);
/** out = int dN/dE f(E) dE per neutrino over a group's lab spectrum (bbn_nu_conversion.c): shape (bbn_nu_shape) and
 *  mean rest-frame energy E_MeV, boosted isotropically by gamma (<= 1: the rest-frame sum, 1 or 8 nodes; in flight
 *  a line is the flat box gamma (1 -+ beta) E (4 Gauss-Legendre nodes) and a V-A continuum the closed form
 *  bbn_boosted_va_dnde (8 nodes below its kink, 4 above). */
void bbn_nu_spectrum_integrate(int shape, double E_MeV, double gamma, bbn_nu_spectrum_fn f, void *ctx, double out[2]);

/** The scattering cascade of the injected non-thermal neutrinos (bbn_nu_cascade.c): expected p -> n
 *  ([0]) and n -> p ([1]) conversions Y[label][node] of a member of flavour label (0 e, 1 mu, 2 tau) at
 *  the energies E_k = E_c exp(k h), and its own direct term S (the rest: its daughters). */
#define BBN_NU_CASCADE_NMAX 96
typedef struct bbn_nu_cascade {
  int n;
  double h, lnE_c;
  double Y[3][BBN_NU_CASCADE_NMAX][2], S[3][BBN_NU_CASCADE_NMAX][2];
} bbn_nu_cascade;
/** One member of flavour a at energy E_MeV: its direct conversions S[2] (bbn_nu_conversion.c), the probability
 *  g_int that it scatters before it is redshifted, and its probability Pe to interact as a nu_e. */
typedef void (*bbn_nu_member_fn)(void *ctx, int a, double E_MeV, double S[2], double *g_int, double *Pe);
/** Branching fractions B[label][q] of a neutrino interacting as flavour g into daughters of the label and
 *  energy shape q (uniform, forward 3 z^2, backward 3 (1 - z)^2); *ret: the energy fraction they keep. */
void bbn_nu_cascade_branchings(int g, double B[3][3], double *ret);
/** The same channels with the e+- target weights times se (the e+- density over the massless one) and the
 *  nu anti-nu -> e+ e- weight times sa (its threshold factor): B as above, *em the mean energy fraction one
 *  scattering hands to e+- (1 - ret); returns the total weight W (units of bbn_nu_rate_s_unit). */
double bbn_nu_cascade_channels_sup(int g, double se, double sa, double B[3][3], double *em);
/** Solve A x = b for a 3 x 3 A and two right-hand sides (partial pivoting; A and b overwritten, b = x). */
void bbn_nu_solve3(double A[3][3], double b[3][2]);
/** C_g of the channel sum of bbn_nu_cascade_branchings: total weight x bbn_nu_rate_s_unit() (1.293 for nu_e,
 *  0.917 for nu_mu, nu_tau; the published C's of bbn_nu_rate.c to 2%). */
double bbn_nu_cascade_rate_coef(int g);
/** Closed-form weights of Y at the lower (L) and upper (U) node of the interval d nodes below (q-shapes as
 *  above; Y / E linear in ln E, grid step h). */
void bbn_nu_cascade_kernel(double h, int n, double L[][3], double U[][3]);
/** Nodes of a cascade grid in ln E from E_c to E_top with spacing h0 (coarsened so that n <= BBN_NU_CASCADE_NMAX):
 *  returns n (>= 2) and the spacing in *h (bbn_nu_cascade.c; used by the cascade and its e.m. share). */
int bbn_nu_cascade_grid(double E_c, double E_top, double h0, double *h);
/** Solve the cascade from the cut E_c to E_top (grid step ln 2 / 4, at most BBN_NU_CASCADE_NMAX nodes). */
void bbn_nu_cascade_solve(bbn_nu_cascade *c, double E_c, double E_top, bbn_nu_member_fn member, void *ctx);
/** The daughters' conversions Y - S of a member of flavour a at E_MeV (0 below E_c), interpolated in ln E. */
void bbn_nu_cascade_extra(const bbn_nu_cascade *c, int a, double E_MeV, double out[2]);

/** Lowest temperature of the per-decay e.m.-share table [MeV] (the share there is < 1e-3: tests/bbn/test_bbn_nu_em_share.c). */
#define BBN_NU_EM_T_MIN_MEV 0.008
/** The e.m. share of the injected neutrinos' energy (bbn_nu_em_share.c): the threshold table of nu anti-nu -> e+ e-
 *  and, per decay, phi[c][T][H/H_ref] for the classes c = 0 (nu_e) and 1 (nu_mu + nu_tau). */
typedef struct bbn_nu_em_table {
  double ann[40];        /* threshold factor sa on ln w, w = E T / m_e^2 in [0.02, 2e3] */
  int n_T, n_r;
  double lnT_min, dlnT, lnr_min, dlnr;
  double *phi;           /* [2][n_T][n_r]; NULL: no groups, phi = 0 */
} bbn_nu_em_table;
/** One solve of the energy cascade at (T, H): F[a][k] = e.m. share of a member of flavour a at E_c exp(k h). */
typedef struct bbn_nu_em_column {
  int n;
  double h, lnE_c;
  double F[3][BBN_NU_CASCADE_NMAX];
} bbn_nu_em_column;
/** Only the threshold table (for bbn_nu_em_column_solve without a decay). */
int bbn_nu_em_table_init_empty(bbn_nu_em_table *t);
/** The per-decay table on T in [T_min, T_max] from d's neutrino groups (none: phi = 0). */
int bbn_nu_em_table_init(bbn_nu_em_table *t, const bbn_decay *d, double T_min_MeV, double T_max_MeV, fb_err *err);
void bbn_nu_em_table_free(bbn_nu_em_table *t);
/** Threshold factor of nu anti-nu -> e+ e- on a thermal target at w = E T / m_e^2 (1 for w >> 1). */
double bbn_nu_em_ann_factor(const bbn_nu_em_table *t, double w);
/** n_e(m_e, T) / n_e(0, T), Maxwell-Boltzmann: z^2 K_2(z) / 2, z = m_e / T. */
double bbn_nu_em_ee_density_factor(double T_MeV);
/** T_nu / T of decoupled neutrinos (entropy of gamma + e+- conserved, Maxwell-Boltzmann e+-). */
double bbn_nu_em_Tnu_over_T(double T_MeV);
/** The medium of one (T, H): e+- weight factor se (T/T_nu)^4, w = E T_nu / m_e^2 per MeV, rate unit per MeV. */
typedef struct bbn_nu_em_env {
  const bbn_nu_em_table *t;
  double H_MeV, se, w_per_E, unit;
} bbn_nu_em_env;
void bbn_nu_em_env_init(bbn_nu_em_env *v, const bbn_nu_em_table *t, double T_MeV, double H_MeV);
/** One member of flavour a at E_MeV: its branchings B and e.m. fraction *em per scattering (with the e+- density
 *  and threshold factors) and the returned probability Gamma / (Gamma + H) that it scatters. */
double bbn_nu_em_member(const bbn_nu_em_env *v, int a, double E_MeV, double B[3][3], double *em);
/** Radiation-era H with g_* = 10.75 [MeV] (the table's H axis is H / H_ref). */
double bbn_nu_em_H_ref_MeV(double T_MeV);
void bbn_nu_em_column_solve(bbn_nu_em_column *c, const bbn_nu_em_table *t, double T_MeV, double H_MeV, double E_top_MeV);
/** F_a(E) interpolated in ln E (0 below the thermal cut, the top value above the grid). */
double bbn_nu_em_column_at(const bbn_nu_em_column *c, int a, double E_MeV);
/** phi[2] at (T, H) (Catmull-Rom in ln T and ln(H/H_ref), clamped to the table and to [0, 1]; t NULL or empty: 0). */
void bbn_nu_em_phi(const bbn_nu_em_table *t, double T_MeV, double H_MeV, double phi[2]);
/** Move phi_c Q_nu_flav[c] from the neutrinos (Q_nu_flav[0] nu_e, [1] nu_mu + nu_tau, updated) to the plasma:
 *  returns the power added to Q_em (energy conserved exactly). */
double bbn_nu_em_split(const bbn_nu_em_table *t, double T_MeV, double H_MeV, double Q_nu_flav[2]);

/** Probability that a stopped charged pion of the decay d decays (pi -> mu nu) rather than being captured
 *  by charge exchange on a nucleon (pi- p -> pi0 n, pi+ n -> pi0 p): Gamma_dec / (Gamma_dec + n <sigma v>),
 *  averaged over d's pi- and pi+, with the cross sections of the meson conversion (bbn_mesons.c); 1 without
 *  pions or with d->mesons = 0. Weights the groups from_pion of bbn_nu_conversion_rates. */
double bbn_pion_decay_probability(const bbn_tables *tab, const bbn_decay *d, double T_MeV, double nb_cm3, double Yp,
                                  double Yn);

/** The kaon absorption inputs (bbn_kaons.c); nonzero if the K- p scattering length iteration did
 *  not converge. */
int bbn_kaon_init(bbn_kaon_data *k);
/** a(K- p) [fm] from the kaonic-hydrogen shift and width (NLO Deser formula; bbn_kaons.c). */
int bbn_kp_scattering_length(double *re_fm, double *im_fm);

/** Kaon-driven fluxes at one instant (bbn_kaon_flux_eval): p -> n flux / Y_p and n -> p flux / Y_n
 *  [1/s], their derivatives d F / d Y (F = flux), and the secondary charged pions [per baryon per s]. */
typedef struct bbn_kaon_flux {
  double pn_per_Yp, np_per_Yn, dpn_dYp, dnp_dYn, dpn_dYn, dnp_dYp, R_pip, R_pim;
} bbn_kaon_flux;
/** decays: X decays per baryon per second; nb_cm3: baryon density; coulomb_K: K- p Coulomb factor; gamma_X: X's
 *  Lorentz factor (<= 1: at rest), which spreads the K_L's lab energy (decays in flight). */
void bbn_kaon_flux_eval(const bbn_kaon_data *k, const bbn_decay *d, double decays, double nb_cm3,
                        double coulomb_K, double Yp, double Yn, double gamma_X, bbn_kaon_flux *f);

/** Tabulate the pi- p Coulomb factor (bbn_mesons.c; freed by bbn_tables_free). */
int bbn_coulomb_table_build(bbn_tables *tab, fb_err *err);
/** The electron-mass factors of the e <-> nu energy transfer computed directly at T_MeV (the table holds them
 *  on its grid; bbn_background.c): annihilation A_e, A_mu and scattering S. */
void bbn_ee_rate_factors(double T_MeV, double *A_e, double *A_mu, double *S);
/** Linear interpolation in ln T on the plasma grid of a table with tab->n_ee nodes (bbn_background.c). */
double bbn_plasma_grid_interp(const bbn_tables *tab, const double *f, double T_MeV);

/** e+- thermodynamics from the table: rho, P [MeV^4], d rho/dT [MeV^3] (two spin states, e+ and e-). */
void bbn_ee_thermo(const bbn_tables *tab, double T_MeV, double *rho, double *P, double *drho_dT);
/** QED correction from the table: P_int, rho_int [MeV^4], d rho_int / dT [MeV^3]. */
void bbn_qed_thermo(const bbn_tables *tab, double T_MeV, double *P, double *rho, double *drho_dT);

/** The thermal particle's functions computed directly (no table; bbn_thermal_dm.c), for g = 1 at z = m/T:
 *  which = 0: rho/T^4, 1: P/T^4, 2: T^-3 d rho/dT. */
double bbn_thermal_dm_funcs(int fermion, double z, int which);

/** Build the weak, e+- and QED tables (bbn_weak.c, bbn_background.c). */
int bbn_weak_table_build(bbn_tables *tab, fb_err *err);
/** The weak-rate table with geometric p segments of ratio seg_ratio (bbn_weak_table_build: BBN_WEAK_SEG_RATIO;
 *  another ratio for its validation, test_bbn_cache). */
int bbn_weak_table_build_seg(bbn_tables *tab, double seg_ratio, fb_err *err);
int bbn_plasma_table_build(bbn_tables *tab, fb_err *err);

/** The persistent cache of the tables and of the theory-error nodes (bbn_cache.c; fb_cache.h). The key of an
 *  entry: a format tag, the program version (fb_cache_code_id: build-ids of this code, libgsl, libm and
 *  SUNDIALS, CPU features), sizeof the cached structures and, for a node, its index, Omega_b h^2, method and the
 *  full bbn_params of its solve. Loads return 1 on a verified hit, 0 otherwise (the caller computes). */
int bbn_cache_tables_key(uint8_t *key, size_t cap, size_t *len);
int bbn_cache_tables_load_key(const char *dir, const uint8_t *key, size_t len, bbn_tables *tab);
int bbn_cache_tables_store_key(const char *dir, const uint8_t *key, size_t len, const bbn_tables *tab);
int bbn_cache_tables_load(bbn_tables *tab);
void bbn_cache_tables_store(const bbn_tables *tab);
int bbn_cache_node_key(int node, double omega_b_h2, int method, const bbn_params *p, const bbn_tables *tab,
                       uint8_t *key, size_t cap, size_t *len);
int bbn_cache_node_load(const uint8_t *key, size_t len, double *sY, double *sD_rel);
void bbn_cache_node_store(const uint8_t *key, size_t len, double sY, double sD_rel);
/** Forget the theory-error nodes computed or loaded in this process (tests of the persistent cache). */
void bbn_theory_err_forget(void);

#endif /* BBN_INTERNAL_H */
