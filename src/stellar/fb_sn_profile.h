/**
 * @file fb_sn_profile.h
 * @brief Proto-neutron-star (PNS) radial profile for SN1987A bounds: reader, derived quantities.
 *
 * A profile is a table over radius r of: density rho [g/cm^3], temperature T [MeV], electron
 * fraction Ye, chemical potentials mu_e, mu_n, mu_p [MeV] (nucleon ones include the rest mass),
 * free-nucleon mass fractions X_n, X_p, effective nucleon masses m*_n, m*_p [MeV] and the
 * gravitational lapse alpha = sqrt(-g_00).
 *
 * File format (docs/sn-profile.md): plain text, '#' starts a comment line, blank lines ignored,
 * one radius per line with whitespace-separated numbers. The fipbounds layout has 12 columns
 *   r_km rho_g_cm3 T_MeV Ye mu_e_MeV mu_n_MeV mu_p_MeV X_n X_p mstar_n_MeV mstar_p_MeV lapse
 * Other layouts are read through an fb_sn_profile_columns map (1-based column of each field, 0 if
 * absent, plus unit factors for r, rho and T); absent fields are derived:
 *   mu_e from n_e = Ye rho/m_u = (mu^3 + pi^2 T^2 mu)/(3 pi^2) (ultra-relativistic e-/e+ gas), or
 *   Ye from mu_e through the same relation when the file has mu_e but no Ye,
 *   X_p = Ye, X_n = 1 - Ye (free nucleons), m* = vacuum masses,
 *   mu_n, mu_p from the free-nucleon density X_N rho/m_u, T and m*_N (fb_sn_nucleon_mu_MeV: ideal non-relativistic
 *   Fermi gas with the effective mass, mu_N = m*_N + eta_N T; NaN where X_N = 0),
 *   lapse from the enclosed mass (TOV lapse without pressure term, as tools/make_sn_profile.py).
 * Errors name file:line:column and the field (FB_ERR_INPUT); radius must increase strictly.
 *
 * A relative path that does not exist from the working directory is also tried relative to the
 * source tree (FB_SOURCE_DIR), so inputs/sn_profile_default.dat works from any directory.
 *
 * Call order: fb_sn_profile_read(...) -> any number of const uses -> fb_sn_profile_free.
 * Units as in the member names. Not collective.
 */
#ifndef FB_SN_PROFILE_H
#define FB_SN_PROFILE_H

#include <stddef.h>

#include "fb_error.h"

/** Number of fields of a profile row. */
#define FB_SN_PROFILE_NFIELDS 12

/** Field indices (the order of the fipbounds column layout). */
enum fb_sn_field {
  FB_SN_R_KM = 0, FB_SN_RHO_G_CM3, FB_SN_T_MEV, FB_SN_YE, FB_SN_MU_E_MEV, FB_SN_MU_N_MEV,
  FB_SN_MU_P_MEV, FB_SN_X_N, FB_SN_X_P, FB_SN_MSTAR_N_MEV, FB_SN_MSTAR_P_MEV, FB_SN_LAPSE
};

/** Column map of a profile file. column[f] is the 1-based column of field f, 0 if absent
 *  (r, rho, T and Ye are required). Values read are multiplied by the factors (e.g. r in cm:
 *  r_to_km = 1e-5; T in K: T_to_MeV = 8.617333262e-11). */
typedef struct fb_sn_profile_columns {
  int column[FB_SN_PROFILE_NFIELDS];
  double r_to_km, rho_to_g_cm3, T_to_MeV;
  int skip_header; /**< 1: skip the lines before the first data row that do not start with a number */
} fb_sn_profile_columns;

typedef struct fb_sn_profile {
  size_t n;                            /**< number of radii */
  double *field[FB_SN_PROFILE_NFIELDS]; /**< field[f][i], units as in enum fb_sn_field names */
  char path[512];                      /**< file actually read */
} fb_sn_profile;

/** The documented 12-column fipbounds layout (all fields present, unit factors 1). */
void fb_sn_profile_columns_default(fb_sn_profile_columns *c);

/** The Garching 1D hydro profile layout (files "hydro-<EOS>-s<M>[-MUONS]-T=<t>.txt" of the Garching
 *  core-collapse archive, PROMETHEUS-VERTEX runs; checked on hydro-SFHo-s18.80-MUONS-T=1.0001996.txt): five
 *  header lines (skipped), 25 columns; 1-based r [cm] 1, rho [g/cm^3] 3, T [MeV] 5, lapse 8, mu_e [MeV] 10,
 *  X_n 15, X_p 16, Y_e 20, m*_n, m*_p [MeV] 24, 25. mu_n, mu_p are derived (fb_sn_nucleon_mu_MeV from X_N rho, T,
 *  m*_N), not read: columns 11, 12 are mu_N - m_N including the mean-field potentials U_N (22, 23), and
 *  (column - U_N)/T is their relativistic kinetic degeneracy, which the derived eta_N matches within 12 % (checked by
 *  test_sn_profile_garching_real). Column list and checks: docs/sn-profile.md section 2. */
void fb_sn_profile_columns_garching(fb_sn_profile_columns *c);

/** Chemical potential mu = m + eta T [MeV] (rest mass included) of an ideal non-relativistic spin-1/2 Fermi gas of
 *  number density n_MeV3 [MeV^3], temperature T_MeV and (effective) mass m_MeV: n = 2 (m T/2 pi)^{3/2} F_{1/2}(eta),
 *  F_{1/2} the normalised complete Fermi-Dirac integral (Landau & Lifshitz, Statistical Physics I, sec. 56). The
 *  definition of mu_n, mu_p of the profiles of tools/make_sn_profile.py (whose normalisation was fixed in session 13,
 *  docs/sn-profile.md section 2). Relative accuracy of eta 1e-13; NaN for n, T or m <= 0. */
double fb_sn_nucleon_mu_MeV(double n_MeV3, double T_MeV, double m_MeV);

/** Parse a column map "r_km=1,rho_g_cm3=2,T_MeV=3,Ye=4[,lapse=12][,r_to_km=1e-5][,skip_header=1]..."
 *  (field names as in the fipbounds header line, factors r_to_km, rho_to_g_cm3, T_to_MeV), or one of
 *  the preset names "fipbounds" and "garching". Unlisted fields are absent; r, rho, T and one of Ye
 *  or mu_e are required (Ye is derived from mu_e when absent). Errors: FB_ERR_INPUT naming the item. */
int fb_sn_profile_columns_parse(fb_sn_profile_columns *c, const char *spec, fb_err *err);

/** Read a profile file with the given column map (NULL: the fipbounds layout). On failure the
 *  profile is left freed. Errors: FB_ERR_IO (cannot open), FB_ERR_INPUT (file:line:column),
 *  FB_ERR_MEMORY. */
int fb_sn_profile_read(fb_sn_profile *p, const char *path, const fb_sn_profile_columns *cols, fb_err *err);

/** Free (safe on a zeroed struct). */
void fb_sn_profile_free(fb_sn_profile *p);

/** Linear interpolation of field f at radius r_km (clamped to the end values outside). */
double fb_sn_profile_at(const fb_sn_profile *p, int f, double r_km);

/** Enclosed baryonic mass [M_sun] inside r_km (trapezoid in r of 4 pi r^2 rho). */
double fb_sn_profile_mass_msun(const fb_sn_profile *p, double r_km);

/** The profile's own neutrino luminosity at infinity [erg/s]: thermal emission of 6 neutrino species
 *  (zero chemical potential) from the neutrinosphere r_nu_km, L = 6 (7/16) sigma_SB T^4 4 pi r^2
 *  x lapse^2, sigma_SB = pi^2/60 (natural units), T and lapse at r_nu_km. */
double fb_sn_profile_thermal_Lnu_erg_s(const fb_sn_profile *p, double r_nu_km);

/**
 * Neutrinosphere radius [km]: where the optical depth of a thermal neutrino (E = 3.15 T) to
 * neutral-current scattering on free nucleons, integrated inwards from the outer edge, reaches 2/3.
 * sigma_N = G_F^2 E^2 (C_V^2 + 3 C_A^2)/pi with C_V = -1/2, C_A = -g_A/2 (n) and C_V = 1/2 -
 * 2 sin^2 theta_W, C_A = g_A/2 (p), g_A = 1.2754 (Raffelt, Stars as Laboratories (1996), ch. 4;
 * Burrows & Sawyer, Phys. Rev. C 58 (1998) 554). Errors: FB_ERR_RANGE if tau never reaches 2/3.
 */
int fb_sn_profile_neutrinosphere_km(const fb_sn_profile *p, double *r_nu_km, fb_err *err);

/** Neutral-current scattering rate [GeV] of a neutrino of energy E_GeV on static, non-degenerate free
 *  neutrons and protons of densities n_n, n_p [GeV^3]: sum_N n_N G_F^2 E^2 (C_V^2 + 3 C_A^2)/pi (the
 *  cross section of fb_sn_profile_neutrinosphere_km). Shared by the neutrinosphere and the HNL module. */
double fb_sn_nu_nc_opacity_GeV(double n_n_GeV3, double n_p_GeV3, double E_GeV);

/** The same thermal-neutrino optical depth tau[i] from profile row i to the outer edge (tau[n-1] = 0);
 *  tau has p->n elements. 1 - e^{-tau} weights the emission region in fb_sn_darkphoton.c. */
void fb_sn_profile_nu_optical_depth(const fb_sn_profile *p, double *tau);

/** Resolve a profile path: as given if it exists, else relative to the source tree. out_len >= 2.
 *  Returns 1 if an existing file was found (written to out), 0 otherwise (out = path). */
int fb_sn_profile_resolve_path(const char *path, char *out, size_t out_len);

#endif /* FB_SN_PROFILE_H */
