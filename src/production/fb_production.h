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
} fb_production_ops;

/** An initialised production model. */
typedef struct fb_production {
  const fb_production_ops *ops;
  void *state;
} fb_production;

/** The registered production of benchmark `fip` ("bc1", ...), or NULL if it has none. */
const fb_production_ops *fb_production_find(const char *fip);

/** Number of registered productions and the i-th (for listings and tests). */
int fb_production_count(void);
const fb_production_ops *fb_production_at(int i);

/** Initialise the production of `fip`; FB_ERR_INPUT naming the benchmarks that have one if none. */
int fb_production_init(fb_production *p, const char *fip, const fb_config *cfg, fb_err *err);
double fb_production_rate(const fb_production *p, double mass_GeV, double coupling, double T_GeV);
void fb_production_free(fb_production *p);

/** A point of a plane, for callbacks of the abundance solvers. */
typedef struct fb_production_point {
  const fb_production *p;
  double mass_GeV, coupling;
} fb_production_point;

/** Gamma_scat(T) with user = const fb_production_point * (the bbn_abundance_opts callback form). */
double fb_production_callback(double T_GeV, void *user);

/* ---- BC9: Primakoff production gamma q -> a q on the charged plasma (fb_prod_bc9.c) ---- */
/** Relaxation rate per ALP [GeV] for mass m_GeV and g_agamma [GeV^-1] at T_GeV. */
double fb_prod_bc9_primakoff_rate(double m_GeV, double g_invGeV, double T_GeV);

/* ---- BC4/BC5: Higgs-mixed scalar, Yukawa processes and (BC5) h -> S S (fb_prod_bc4.c) ---- */
/** Relaxation rate per S [GeV] from the Higgs-like Yukawa processes at mixing sin2theta. */
double fb_prod_bc4_mixing_rate(double m_GeV, double sin2theta, double T_GeV);
/** Relaxation rate per S [GeV] from h -> S S (T < T_EW) and H H -> S S (T >= T_EW) at BR(h -> S S). */
double fb_prod_bc5_higgs_rate(double m_GeV, double br_h_SS, double T_GeV);

#endif
