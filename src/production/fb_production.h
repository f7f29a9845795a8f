/**
 * @file fb_production.h
 * @brief How each benchmark FIP is produced in the early-Universe plasma by scatterings and
 *        in-medium processes: one interface that the abundance solvers of src/bbn (BBN bands,
 *        photodisintegration) and src/cmb call, so every bound on a plane uses the same abundance.
 *
 * The physics quantity is the relaxation rate per particle, Gamma_scat(T) [GeV], of the Boltzmann
 * equation in relaxation form (Dolgov et al. hep-ph/0008138 sec. 2; Kolb & Turner ch. 5):
 *   dn_X/dt + 3 H n_X = -(Gamma <m/E> + Gamma_scat(T)) (n_X - n_X,eq),
 * i.e. the thermally averaged production density of X by scatterings divided by X's equilibrium
 * density n_X,eq (Maxwell-Boltzmann, the model's internal states; Fermi-Dirac for the HNLs). Inverse
 * decays are NOT in Gamma_scat: they follow from the model's total width by detailed balance
 * (src/bbn/bbn_abundance.c). A benchmark with no registered production has only inverse decays.
 *
 * Each benchmark registers one fb_production_ops in fb_production.c (table in registry order).
 * Call order: fb_production_init (options from the caller's input section, may be NULL for the
 * defaults) -> fb_production_rate (any number, any order; thread-compatible: the state is read-only
 * after init) -> fb_production_free.
 */
#ifndef FB_PRODUCTION_H
#define FB_PRODUCTION_H

#include "fb_config.h"
#include "fb_error.h"

typedef struct fb_production_ops {
  const char *fip;        /**< benchmark model name, "bc9" (src/models/fb_fip.h naming) */
  const char *processes;  /**< one line: what is included, for the output's attributes */
  const char *references; /**< arXiv ids */
  /** Set up tables and options (cfg may be NULL: defaults). May be NULL: no state. */
  int (*init)(void **state, const fb_config *cfg, fb_err *err);
  /** Gamma_scat [GeV] at T for (mass_GeV, coupling) in the model's coupling convention; 0 where no
   *  process acts, NAN on a numerical failure. */
  double (*rate_GeV)(const void *state, double mass_GeV, double coupling, double T_GeV);
  void (*free)(void *state);
  /** Optional: the average of rate_GeV over ln T in [T_lo_GeV, T_hi_GeV], for tables (fb_production_table)
   *  where the rate has sharp but T-integrable peaks; NULL: the table samples rate_GeV. */
  double (*rate_bin_GeV)(const void *state, double mass_GeV, double coupling, double T_lo_GeV, double T_hi_GeV);
  /** Optional (issue 14 item 1, the FIP's energy equation): rate_GeV and, in *mean_E_GeV, the mean energy
   *  of the X produced, eps_P = (energy-weighted production density)/(production density), from the same
   *  matrix element; NULL: the abundance solver takes eps_P = <E>_eq (exact for an energy-independent rate). */
  double (*rate_energy_GeV)(const void *state, double mass_GeV, double coupling, double T_GeV, double *mean_E_GeV);
  /** 1: the rate has a coupling-independent part (bc5: h -> S S), so no per-mass table at coupling 1 serves
   *  every coupling (fb_production_tabulable) */
  int fixed_part;
} fb_production_ops;


/** An initialised production model. */
typedef struct fb_production {
  const fb_production_ops *ops;
  void *state;
} fb_production;
/** 1 if a per-mass table of p's rate at coupling 1 (fb_production_etable) serves every coupling: a production that
 *  scales as coupling^power (no fixed part) and gives no bin averages (those use fb_production_table). */
int fb_production_tabulable(const fb_production *p);

/** The registered production of benchmark `fip` ("bc1", ...), or NULL if it has none. */
const fb_production_ops *fb_production_find(const char *fip);

/** Number of registered productions and the i-th (for listings and tests). */
int fb_production_count(void);
const fb_production_ops *fb_production_at(int i);

/** Initialise the production of `fip`; FB_ERR_INPUT naming the benchmarks that have one if none. */
int fb_production_init(fb_production *p, const char *fip, const fb_config *cfg, fb_err *err);
double fb_production_rate(const fb_production *p, double mass_GeV, double coupling, double T_GeV);
void fb_production_free(fb_production *p);

/** Fraction of the plasma in the quark-gluon phase at T_GeV, one definition for every production:
 *  w = [1 + tanh((T - T_pc)/(0.1 T_pc))]/2 with T_pc = FB_QCD_TPC_GEV (HotQCD arXiv:1812.08235), a smooth
 *  switch of stated width (the lattice crossover is smooth), cut to 0 below T_pc/2 where the tanh tail
 *  (2e-9) would keep quark processes alive during BBN. Quark and gluon processes carry w once; the
 *  hadron-gas processes (pions) 1 - w. */
double fb_production_qgp_fraction(double T_GeV);

/** A point of a plane, for callbacks of the abundance solvers. */
typedef struct fb_production_point {
  const fb_production *p;
  double mass_GeV, coupling;
} fb_production_point;

/** Gamma_scat(T) with user = const fb_production_point * (the bbn_abundance_opts callback form). */
double fb_production_callback(double T_GeV, void *user);
/** The bbn_scattering_energy_fn form (src/bbn/bbn.h) (user as above): the rate and eps_P from the ops'
 *  rate_energy_GeV, or the rate alone with *mean_E_GeV = NAN (the solver then uses <E>_eq). */
double fb_production_callback_energy(double T_GeV, void *user, double *mean_E_GeV);

/* ---- BC9: Primakoff production gamma q -> a q on the charged plasma (fb_prod_bc9.c) ---- */
/** Relaxation rate per ALP [GeV] for mass m_GeV and g_agamma [GeV^-1] at T_GeV. */
double fb_prod_bc9_primakoff_rate(double m_GeV, double g_invGeV, double T_GeV);
/** The same and the mean energy of the ALPs it produces [GeV] (omega-weighted integral, fb_prod_bc9.c). */
double fb_prod_bc9_primakoff_rate_energy(double m_GeV, double g_invGeV, double T_GeV, double *mean_E_GeV);

/* ---- Gamma_scat(T) of one mass on a ln T grid, for every coupling (fb_production_table.c) ---- */
typedef struct fb_production_table {
  double mass_GeV, power;  /**< the mass, and the coupling power of the rate */
  double lnT_lo, dlnT;     /**< grid */
  int n, cap;
  double *rate;            /**< Gamma_scat at coupling 1 [GeV] */
} fb_production_table;
/** Default points per e-fold of T of such a table: 20 keeps the abundance within 2 % of integrating the
 *  rate directly (bc1, tests/bbn/test_bc1_production.c). */
#define FB_PRODUCTION_TABLE_PER_EFOLD 20
/** Tabulate p's rate at mass_GeV, coupling 1, per_efold points per e-fold of T in [T_lo, T_hi]
 *  (reuses t's storage; a zeroed t is empty). */
int fb_production_table_build(fb_production_table *t, const fb_production *p, double mass_GeV, double power,
                              double T_lo_GeV, double T_hi_GeV, int per_efold, fb_err *err);
/** coupling^power x the interpolated rate (0 outside the table). */
double fb_production_table_rate(const fb_production_table *t, double coupling, double T_GeV);
void fb_production_table_free(fb_production_table *t);
typedef struct fb_production_table_point {
  const fb_production_table *t;
  double coupling;
} fb_production_table_point;
/** The bbn_abundance_opts callback form with user = const fb_production_table_point *. */
double fb_production_table_callback(double T_GeV, void *user);

/* ---- Gamma_scat(T) and the mean energy eps_P(T) of one mass, cubic in ln T (fb_production_etable.c) ---- */
typedef struct fb_production_etable {
  const fb_production *p;  /**< evaluated directly outside the grid and where a node has no rate */
  double mass_GeV, power;  /**< the mass, and the coupling power of the rate */
  double lnT_lo, dlnT;     /**< grid */
  int n, cap;
  double *ln_rate, *ln_eps; /**< ln Gamma_scat at coupling 1 [GeV], ln eps_P [GeV] (NAN: no rate at the node) */
  int energy;               /**< the production gives eps_P (rate_energy_GeV); 0: the rate alone, eps_P answered NAN */
} fb_production_etable;
/** Points per e-fold of T: the rate and eps_P within 4e-7 of direct evaluation (BC9 Primakoff, 1 - 300 MeV, 20 keV -
 *  1 TeV, 8e-5 at the QCD crossover; tests/production/test_production_etable.c, which also checks the rate-only
 *  tables of bc4, bc5, bc10 and bc11). */
#define FB_PRODUCTION_ETABLE_PER_EFOLD 40
/** Tabulate p's rate and mean energy at mass_GeV, coupling 1, on [T_lo, T_hi] (reuses t's storage; a zeroed t is
 *  empty; p must outlive the table). */
int fb_production_etable_build(fb_production_etable *t, const fb_production *p, double mass_GeV, double power,
                               double T_lo_GeV, double T_hi_GeV, int per_efold, fb_err *err);
/** coupling^power x the interpolated rate, and the mean energy (may be NULL); direct evaluation where the table has
 *  no answer. */
double fb_production_etable_rate(const fb_production_etable *t, double coupling, double T_GeV, double *mean_E_GeV);
void fb_production_etable_free(fb_production_etable *t);
typedef struct fb_production_etable_point {
  const fb_production_etable *t;
  double coupling;
} fb_production_etable_point;
/** The bbn_abundance_opts callback (rate) and its energy form, user = const fb_production_etable_point *. */
double fb_production_etable_callback(double T_GeV, void *user);
double fb_production_etable_callback_energy(double T_GeV, void *user, double *mean_E_GeV);

/* ---- BC1: resonant conversion and 2 -> 2 scatterings of the dark photon (fb_prod_bc1.c) ---- */
/** Relaxation rate per A' [GeV] at eps = 1 for mass m_GeV at T_GeV (state from the bc1 ops' init);
 *  resonant_GeV, scat_GeV (may be NULL): the resonant (T + L) and the 2 -> 2 parts. */
double fb_prod_bc1_rate_parts(const void *state, double m_GeV, double T_GeV, double *resonant_GeV, double *scat_GeV);
/** int_{ln T_lo}^{ln T_hi} d ln T of the resonant part of the rate (T + L) at eps = 1 [GeV], exact in the
 *  narrow-resonance limit (the delta function solved for T at each k). */
double fb_prod_bc1_resonant_bin(const void *state, double m_GeV, double T_lo_GeV, double T_hi_GeV);
/** The 2 -> 2 cross sections of fb_prod_bc1.c divided by (a_1 a_2 C) [GeV^-2]: f fbar -> V A' (annihilation = 1)
 *  or f V -> f A' (0) at s_GeV2, A' mass m_GeV, collinear cut-off mass^2 meff2_GeV2. */
double fb_prod_bc1_sigma_GeV2(int annihilation, double s_GeV2, double m_GeV, double meff2_GeV2);
/** Plasma frequency omega_p [GeV] and v_* of the plasma the BC1 rate uses, at T_GeV. */
void fb_prod_bc1_plasma(const void *state, double T_GeV, double *omega_p_GeV, double *v_star);
/* ---- BC4/BC5: Higgs-mixed scalar, Yukawa processes and (BC5) h -> S S (fb_prod_bc4.c) ---- */
/** Relaxation rate per S [GeV] from the Higgs-like Yukawa processes at mixing sin2theta. */
double fb_prod_bc4_mixing_rate(double m_GeV, double sin2theta, double T_GeV);
/** Relaxation rate per S [GeV] from h -> S S (T < T_EW) and H H -> S S (T >= T_EW) at BR(h -> S S). */
double fb_prod_bc5_higgs_rate(double m_GeV, double br_h_SS, double T_GeV);

#endif
