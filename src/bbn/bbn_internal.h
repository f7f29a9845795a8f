/**
 * @file bbn_internal.h
 * @brief Private declarations shared by the files of src/bbn (not for other modules).
 */
#ifndef BBN_INTERNAL_H
#define BBN_INTERNAL_H

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

/** Nuclear (atomic) mass A u + Delta [MeV]. */
double bbn_nuclide_mass_MeV(int i);

/** Largest T9 of the fitted rates; above it the forward rate is held constant. */
#define BBN_T9_MAX_FIT 10.0

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
  double Tnu_over_T_end;
} bbn_background;

/** Solve the background for p (allocates b; free with bbn_background_free). */
int bbn_background_solve(const bbn_tables *tab, const bbn_params *p, bbn_background *b, fb_err *err);
void bbn_background_free(bbn_background *b);
/** T, T_nu [MeV] and baryon density [MeV^3] at time t_s (clamped to the solved range). */
void bbn_background_at(const bbn_background *b, double t_s, double *T_MeV, double *Tnu_MeV,
                       double *nb_MeV3);

/** e+- thermodynamics from the table: rho, P [MeV^4], d rho/dT [MeV^3] (two spin states, e+ and e-). */
void bbn_ee_thermo(const bbn_tables *tab, double T_MeV, double *rho, double *P, double *drho_dT);
/** QED correction from the table: P_int, rho_int [MeV^4], d rho_int / dT [MeV^3]. */
void bbn_qed_thermo(const bbn_tables *tab, double T_MeV, double *P, double *rho, double *drho_dT);

/** Build the weak, e+- and QED tables (bbn_weak.c, bbn_background.c). */
int bbn_weak_table_build(bbn_tables *tab, fb_err *err);
int bbn_plasma_table_build(bbn_tables *tab, fb_err *err);

#endif /* BBN_INTERNAL_H */
