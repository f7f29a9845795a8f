/**
 * @file fb_thermo.h
 * @brief Standard-Model plasma thermodynamics: g_*rho(T), g_*s(T), their logarithmic derivatives
 *        and the neutrino-to-photon temperature ratio, tabulated once and splined.
 *
 * What is computed (all by this module, no external tables):
 *  - every SM species as an ideal Bose/Fermi gas with its mass (exact phase-space integrals done
 *    once with GSL quadrature as universal functions of x = m/T, then splined in ln x);
 *  - W, Z, H and top masses proportional to the Higgs expectation value v(T), which falls across
 *    the electroweak crossover (T_c = 159.5 GeV, D'Onofrio & Rummukainen arXiv:1508.07161).
 *    v(T) solves the one-loop gap equation v^2/v0^2 = 1 - (T/T_c)^2 R(T), where R is the
 *    Bose/Fermi-suppressed share of the thermal Higgs mass from W, Z, t (R -> 1 for m << T: the
 *    mean-field shape; R -> 0 when they are Boltzmann suppressed), smoothed near T_c. Because the
 *    masses depend on T, the pressure carries the Higgs-condensate vacuum energy B(T) with
 *    dB/dT = sum_i (dp_i/dm_i)(dm_i/dT), so that s = dp/dT exactly (Gorenstein & Yang, Phys. Rev.
 *    D 52 (1995) 5206; for the SM: p = -min_v V_eff(v, T), e.g. Quiros hep-ph/9901312 sec. 3);
 *    B adds to rho and subtracts from p, leaving s unchanged;
 *  - strongly interacting matter: hadron resonance gas (PDG 2024 states below ~1.7 GeV) at low T,
 *    joined to the HotQCD 2+1-flavour lattice equation of state (Bazavov et al. arXiv:1407.6387,
 *    parametrisation of p/T^4 with its fit coefficients) plus a free charm gas across the
 *    crossover, joined to the weak-coupling QCD pressure to order g^5 (Arnold & Zhai
 *    hep-ph/9410360, Zhai & Kastening hep-ph/9507380; coefficients as collected by Kajantie et al.
 *    hep-ph/0211321) multiplying the massive free quark + gluon gas at high T, at the scale
 *    mu = pqcd_scale * 2 pi T with the renormalisation-group logarithms; its coupling is that of
 *    the plasma's effective theory (b and t decoupled below their thresholds, Laine & Schroder
 *    hep-ph/0603048, weighted by their free-gas activity). Joins are C^2
 *    smooth steps in ln T applied to the pressure; entropy and energy follow from s = dp/dT,
 *    rho = T s - p;
 *  - neutrino decoupling: photon + e+- entropy heats only the photons below T_dec ~ 2 MeV (smooth
 *    step in ln T), and the neutrino energy density is normalised so that N_eff -> FB_NEFF_SM.
 *
 * Call order: fb_thermo_params_default() (optional, to change precision parameters),
 * fb_thermo_init() or fb_thermo_init_params(), any number of evaluations, fb_thermo_free().
 * After init the struct is read-only; every evaluation takes a const pointer and is thread safe
 * (the splines are evaluated without accelerators).
 *
 * Units: temperatures in GeV. g_*rho = rho / (pi^2/30 T^4), g_*s = s / (2 pi^2/45 T^3).
 * The g_* of photons is 2, so g_*s today = 2 + (7/8) 6 (4/11) (N_eff/3)^(3/4) ~ 3.93.
 */
#ifndef FB_THERMO_H
#define FB_THERMO_H

#include <stddef.h>

#include <gsl/gsl_spline.h>

#include "fb_alpha_s.h"
#include "fb_error.h"

/** Precision and model parameters of the table; fill with fb_thermo_params_default(). */
typedef struct fb_thermo_params {
  double T_min_GeV;      /**< lowest tabulated temperature [GeV] (default 1e-6) */
  double T_max_GeV;      /**< highest tabulated temperature [GeV] (default 1e5) */
  size_t n_table;        /**< number of log-spaced table points (default 2000, >= 50) */
  double Neff;           /**< N_eff the late-time neutrino density is normalised to (FB_NEFF_SM) */
  double T_nu_dec_GeV;   /**< centre of neutrino decoupling [GeV] (default 2e-3) */
  double nu_dec_width;   /**< decoupling spans T_dec*exp(-w) .. T_dec*exp(+w) (default 0.5) */
  double T_hrg_lo_GeV;   /**< start of the hadron-gas -> lattice join [GeV] (default 0.10) */
  double T_hrg_hi_GeV;   /**< end of that join [GeV] (default 0.15) */
  double T_pqcd_lo_GeV;  /**< start of the lattice -> perturbative join [GeV] (default 1.0) */
  double T_pqcd_hi_GeV;  /**< end of that join [GeV] (default 4.0) */
  double T_ew_GeV;       /**< electroweak crossover temperature [GeV] (default 159.5) */
  double ew_smooth;      /**< smoothing of v(T)^2 near T_ew (dimensionless, default 0.05) */
  int lattice_eos;       /**< 2+1-flavour lattice equation of state across the QCD crossover:
                              0 (default) = HotQCD (Bazavov et al. arXiv:1407.6387, parametrised
                              for 0.13-0.4 GeV); 1 = Wuppertal-Budapest (Borsanyi et al.
                              arXiv:1309.5258, parametrised for 0.1-1 GeV). With the default
                              joins, 1 agrees better with Saikawa-Shirai at 0.15-0.45 GeV but is
                              5% low at 1-2 GeV (charm taken as a free gas); see validation.md */
  int ew_model;          /**< Higgs sector: 1 (default) = v(T) from the one-loop gap equation with
                              the Bose/Fermi-suppressed thermal masses of W, Z, t, plus the
                              vacuum-energy (bag) term that keeps s = dp/dT; 0 = mean-field
                              v^2 ~ 1 - T^2/T_ew^2 without that term (session-1 model) */
  int pqcd_order;        /**< highest power of g kept in the QCD pressure, 0..5 (default 5) */
  double pqcd_scale;     /**< renormalisation scale mu = pqcd_scale * 2 pi T of the QCD pressure,
                              in [0.25, 4] (default 1; vary 0.5..2 for the scale uncertainty) */
} fb_thermo_params;

/** The tabulated plasma; read-only after init. */
typedef struct fb_thermo {
  fb_thermo_params par;   /**< parameters the table was built with */
  size_t n;               /**< table size */
  double lnT_min, lnT_max;/**< table ends, ln(T/GeV) */
  double *lnT;            /**< ln(T/GeV) grid [n] */
  double *ln_grho;        /**< ln g_*rho [n] */
  double *ln_gs;          /**< ln g_*s [n] */
  double *ln_rnu;         /**< ln (T_nu/T) of the instantaneous-heating model [n] */
  double *ln_tnu_eff;     /**< ln (T_nu/T) of the N_eff-normalised neutrino energy density [n] */
  gsl_spline *sp_grho, *sp_gs, *sp_rnu, *sp_tnu_eff; /**< splines in ln T */
  /* ideal-gas functions of u = ln(m/T): ln(p/T^4), ln(rho/T^4) per degree of freedom */
  size_t nx;              /**< number of points of the ideal-gas tables */
  double lnx_min, lnx_max;/**< range of ln(m/T) tabulated */
  double *lnx;            /**< grid [nx] */
  double *lnf[6];         /**< boson p, boson rho, fermion p, fermion rho, boson J1, fermion J1
                               [nx] each (J1/T^2 = int d^3k/(2 pi)^3 n(E)/E) */
  gsl_spline *sp_f[6];    /**< their splines */
  /* Higgs-sector vacuum energy B(T) [GeV^4] (ew_model 1), splined in ln T */
  size_t nbag;            /**< points of the B(T) table */
  double lnT_bag_min, lnT_bag_max; /**< its range, ln(T/GeV); B = 0 below, B(max) above */
  double *lnT_bag, *bag;  /**< grid and B(T) [nbag] */
  double *u_bag;          /**< v(T)^2/v0^2 from the gap equation on the same grid [nbag] */
  gsl_spline *sp_bag, *sp_u; /**< splines of B and of v^2/v0^2 in ln T */
  /* lattice_eos 1: p/T^4 of the Wuppertal-Budapest parametrisation, splined in ln T */
  size_t nlat;            /**< points of that table */
  double *lnT_lat, *P_lat;/**< grid ln(T/GeV) and p/T^4 [nlat] */
  gsl_spline *sp_lat;     /**< spline of p/T^4 (ln T) */
  /* strong coupling */
  fb_alpha_s_table *as;   /**< [3] alpha_s(mu) (MS-bar, 3 loops, fb_alpha_s.h): full, nf <= 4, nf <= 5 */
  double Neff_raw;        /**< N_eff of the heating model before normalisation */
  double gs_today;        /**< g_*s at T_min (after e+e- annihilation) */
  double grho_today;      /**< g_*rho at T_min (photons + neutrinos) */
} fb_thermo;

/** Default parameters (documented in fb_thermo_params). Not collective. */
void fb_thermo_params_default(fb_thermo_params *par);

/**
 * Build the table with default parameters. Not collective; every rank may call it.
 * @param th  output struct (its previous content is ignored); free with fb_thermo_free()
 * @return FB_OK, FB_ERR_MEMORY, FB_ERR_GSL or FB_ERR_NUMERIC
 */
int fb_thermo_init(fb_thermo *th, fb_err *err);

/** Build the table with the given parameters (FB_ERR_INPUT if they are inconsistent). */
int fb_thermo_init_params(fb_thermo *th, const fb_thermo_params *par, fb_err *err);

/** Free everything fb_thermo_init allocated; safe on a zeroed or already freed struct. */
void fb_thermo_free(fb_thermo *th);

/** g_*rho and g_*s at T_GeV; FB_ERR_RANGE outside [T_min, T_max] or for non-finite T. */
int fb_thermo_gstar(const fb_thermo *th, double T_GeV, double *g_rho, double *g_s, fb_err *err);

/** g_*rho at T_GeV, clamped to the table ends (no error path). */
double fb_thermo_gstar_rho(const fb_thermo *th, double T_GeV);
/** g_*s at T_GeV, clamped to the table ends. */
double fb_thermo_gstar_s(const fb_thermo *th, double T_GeV);
/** d ln g_*s / d ln T, 0 outside the table. */
double fb_thermo_dlngs_dlnT(const fb_thermo *th, double T_GeV);
/** d ln g_*rho / d ln T, 0 outside the table. */
double fb_thermo_dlngrho_dlnT(const fb_thermo *th, double T_GeV);
/**
 * Neutrino-to-photon temperature ratio: the temperature of a thermal Fermi-Dirac neutrino
 * spectrum with the N_eff-normalised energy density, i.e. (4/11)^(1/3) (N_eff/3)^(1/4) late,
 * 1 before decoupling. Clamped to the table ends.
 */
double fb_thermo_T_nu_over_T(const fb_thermo *th, double T_GeV);

/** g_*s of the present universe (the table value at T_min). */
double fb_thermo_gstar_s_today(const fb_thermo *th);
/** g_*rho of the present universe with massless neutrinos (the table value at T_min). */
double fb_thermo_gstar_rho_today(const fb_thermo *th);

/** alpha_s(mu) in MS-bar used by the QCD pressure (3-loop running from FB_ALPHAS_MZ);
 *  FB_ERR_RANGE outside the tabulated mu range. */
int fb_thermo_alpha_s(const fb_thermo *th, double mu_GeV, double *alpha_s, fb_err *err);

/**
 * Evaluate the model directly (no table interpolation) at T_GeV: used by the tests to measure
 * the interpolation error. The neutrino heating factor still comes from the table.
 * FB_ERR_RANGE outside the table.
 */
int fb_thermo_model_eval(const fb_thermo *th, double T_GeV, double *g_rho, double *g_s,
                         fb_err *err);

#endif /* FB_THERMO_H */
