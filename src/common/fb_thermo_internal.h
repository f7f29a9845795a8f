/**
 * @file fb_thermo_internal.h
 * @brief Pieces of the g_*(T) table shared by fb_thermo.c (ideal gases, electroweak sector, table) and
 *        fb_thermo_qcd.c (strong sector). Not part of the public API. "P" = p/T^4, "S" = s/T^3.
 */
#ifndef FB_THERMO_INTERNAL_H
#define FB_THERMO_INTERNAL_H

#include "fb_constants.h"
#include "fb_thermo.h"

/* Stefan-Boltzmann pressure per bosonic degree of freedom, p/T^4 = pi^2/90 */
#define TH_PB0 (FB_PI * FB_PI / 90.0)
#define TH_PF0 (7.0 / 8.0 * TH_PB0)
#define TH_DLNT 1.0e-4 /* step of central differences in ln T for P_lattice and R */

/* fb_thermo.c */
int fb_th_gsl_fail(fb_err *err, int status, const char *func, int line, const char *what);
/** Smooth hand-over weight 0 (T <= lo) -> 1 (T >= hi); *dw = dw/dlnT. */
double fb_th_step(double T, double lo, double hi, double *dw);
/** P and rho/T^4 of one ideal-gas degree of freedom of mass m (fermion or boson). */
void fb_th_ideal(const fb_thermo *th, double m_GeV, double T_GeV, int fermion, double *P, double *R);
/** v(T)/v0 of the Higgs (electroweak crossover; the top mass scales with it). */
double fb_th_vratio(const fb_thermo *th, double T_GeV);

/* fb_thermo_qcd.c */
/** Tabulate the Wuppertal-Budapest p/T^4 (lattice_eos = 1; nothing otherwise). */
int fb_th_lattice_table(fb_thermo *th, fb_err *err);
/** All strongly interacting matter: P and S. */
void fb_th_sector_strong(const fb_thermo *th, double T, double *P, double *S);
/** Factor on the free top-quark pressure inside the strong sector (the QCD ratio above T_pqcd_lo, else 1). */
double fb_th_strong_top_weight(const fb_thermo *th, double T);

#endif
