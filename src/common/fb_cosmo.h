/**
 * @file fb_cosmo.h
 * @brief Radiation-era cosmological background from the Standard-Model plasma of fb_thermo:
 *        Hubble rate, entropy and photon densities, today's entropy density, Omega h^2 <-> yield,
 *        and the time-temperature relation.
 *
 * Call order: build an fb_thermo with fb_thermo_init(); every function here only reads it (const,
 * thread safe, not collective). Units: natural units with energies in GeV (H in GeV, densities in
 * GeV^3), except where the name says otherwise (s0 in cm^-3, t in s). The universe is assumed
 * radiation dominated by the SM plasma (valid for T >> 1 eV) and entropy conserving.
 */
#ifndef FB_COSMO_H
#define FB_COSMO_H

#include "fb_error.h"
#include "fb_thermo.h"

/** H(T) = sqrt(8 pi^3 g_*rho(T) / 90) T^2 / M_Pl [GeV] (g_* clamped to the table ends). */
double fb_cosmo_hubble_GeV(const fb_thermo *th, double T_GeV);

/** s(T) = (2 pi^2 / 45) g_*s(T) T^3 [GeV^3]. */
double fb_cosmo_entropy_density_GeV3(const fb_thermo *th, double T_GeV);

/** Photon number density 2 zeta(3) / pi^2 T^3 [GeV^3]. */
double fb_cosmo_photon_number_density_GeV3(double T_GeV);

/** Entropy density today [cm^-3] from FB_TCMB_K and the table's late-time g_*s. */
double fb_cosmo_s0_cm3(const fb_thermo *th);

/** Omega h^2 = m Y s_0 / (rho_crit / h^2) of a relic with yield Y = n/s and mass m [GeV]. */
double fb_cosmo_omega_h2_from_yield(const fb_thermo *th, double Y, double mass_GeV);

/** Inverse of fb_cosmo_omega_h2_from_yield: Y = Omega h^2 (rho_crit/h^2) / (m s_0). */
double fb_cosmo_yield_from_omega_h2(const fb_thermo *th, double omega_h2, double mass_GeV);

/**
 * Cosmic time at temperature T [s]:
 *   t(T) = t(T_max) + int_T^T_max (1 + (1/3) dln g_*s/dlnT') / (H(T') T') dT',
 * from entropy conservation (d ln a = -(1 + dln g_*s/dlnT / 3) d ln T) and dt = d ln a / H, with
 * t(T_max) = 1 / (2 H(T_max)) (constant g_* above the table). GSL CQUAD quadrature in ln T,
 * decade by decade (relative accuracy 1e-7; ~1 ms per decade below T).
 * @return FB_OK; FB_ERR_RANGE if T is outside the table; FB_ERR_MEMORY / FB_ERR_GSL on failure.
 */
int fb_cosmo_time_s(const fb_thermo *th, double T_GeV, double *t_s, fb_err *err);

#endif /* FB_COSMO_H */
