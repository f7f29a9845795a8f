/**
 * @file fb_sn_darkphoton.h
 * @brief SN1987A cooling band of the BC1 dark photon A' (mass m, kinetic mixing eps) from
 *        np bremsstrahlung, semi-Compton and e+e- coalescence in a proto-neutron-star profile.
 *
 * Physics (formulas with citations in fb_sn_darkphoton.c and docs/sn-profile.md):
 *  - photon absorption rate by inverse np bremsstrahlung in the soft-radiation approximation
 *    (dipole soft-photon emission x thermally averaged np transport cross section, non-degenerate
 *    nucleons; Rrapaj & Reddy arXiv:1511.09136, Chang, Essig & McDermott arXiv:1611.03864), np cross
 *    section from the s-wave effective-range expansion (measured scattering lengths and effective
 *    ranges) at low energy and the GiBUU fit of the measured np elastic cross section (Buss et al.
 *    arXiv:1106.1344) above T_lab = 20 MeV;
 *  - semi-Compton gamma e -> A' e and its inverse on the electrons and positrons: the Compton
 *    absorption rate of the photon (exact Klein-Nishina matrix element, Fermi-Dirac targets, Pauli
 *    blocking of the final electron, in-medium electron mass sqrt(m_e^2 + (alpha/pi)(mu^2 + pi^2 T^2)))
 *    tabulated once per medium; it adds to the bremsstrahlung rate in production (detailed balance),
 *    absorption and Im Pi (as in An, Pospelov & Pradler arXiv:1302.3884, Redondo & Raffelt
 *    arXiv:1305.2920 for the Sun; CEM arXiv:1611.03864 list it among the SN processes);
 *  - e+e- coalescence e+e- -> A' (m > 2 m_e): production e^{-omega/T} x the Pauli-blocked inverse
 *    rate (fb_sn_pair_blocking); the decays A' -> e+e- along the rays are Pauli blocked likewise;
 *  - in-medium mixing eps_eff^2 = eps^2 m^4 / ((m^2 - Re Pi)^2 + (Im Pi)^2) for transverse (T, 2
 *    polarisations, Re Pi_T = omega_p^2) and longitudinal (L, Re Pi_L = omega_p^2 m^2/omega^2, Gamma_L
 *    = (m^2/omega^2) Gamma_T) modes, omega_p^2 = (4 alpha/3 pi)(mu_e^2 + pi^2 T^2/3) (degenerate
 *    relativistic electrons, Braaten & Segel hep-ph/9302213); Im Pi = -omega Gamma_abs (1 - e^{-omega/T})
 *    (detailed balance); resonant conversion (m = omega_p for T, omega = omega_p for L) as the
 *    narrow-width delta-function limit of the Lorentzian;
 *  - production Gamma_prod = e^{-omega/T} Gamma_abs (detailed balance), emission out to the
 *    neutrinosphere; luminosity at infinity (lapse^2: redshift and time dilation); only A' with
 *    lapse(r) omega >= lapse(r_far) m escape gravity;
 *  - absorption along straight rays from the emission point to r_far (averaged over directions
 *    with Gauss-Legendre in cos theta): inverse bremsstrahlung and decays A' -> e+e-, mu+mu-,
 *    hadrons with the boost m/omega (in-medium eps_eff), local energy blue/redshifted by the lapse.
 *
 * Speed by construction: emission and absorption both scale as eps^2, so per mass a table of
 * "elements" (emission weight W_e, optical depths tau_ek per unit eps^2 for directions k) is built
 * once and L(eps) = eps^2 sum_e W_e sum_k w_k exp(-eps^2 tau_ek) costs a few thousand exps.
 *
 * Call order: fb_sn_options_default -> fb_sn_medium_init (once per profile/options) ->
 *   fb_sn_table_compute (once per mass; reuses its storage) -> fb_sn_table_luminosity_erg_s /
 *   fb_sn_table_edges (any number) -> fb_sn_table_free -> fb_sn_medium_free.
 * Units: GeV, erg/s, km. Not collective; one table per thread.
 */
#ifndef FB_SN_DARKPHOTON_H
#define FB_SN_DARKPHOTON_H

#include <stddef.h>

#include "fb_error.h"
#include "fb_rratio.h"
#include "fb_sn_profile.h"

/** Which A' (or ALP) luminosity counts as energy lost (the trapping side of the band; `[sn1987a] criterion`). */
enum fb_sn_criterion {
  /** Chang, Essig & McDermott arXiv:1611.03864 (CEM): emission inside the neutrinosphere, optical depth
   *  (absorption + decays) integrated along the outward radial path from the emission point to R_far
   *  (r_far_km, fiducial 100 km): L = int dV int d^3k/(2pi)^3 omega Gamma_prod exp(-int_r^R_far dr' Gamma').
   *  The BC1 default. */
  FB_SN_CRIT_CEM = 0,
  /** The same to r_far_km, the optical depth averaged over emission directions (8 Gauss-Legendre nodes),
   *  the previous default (exp(-tau) averaged as in Caputo, Raffelt & Vitagliano arXiv:2204.11862). */
  FB_SN_CRIT_RAYS = 1,
  /** Energy that crosses the neutrinosphere is lost: direction-averaged optical depth integrated only up
   *  to the neutrinosphere (decays and absorption beyond it deposit energy in the mantle, the separate
   *  low-energy-supernova argument of Caputo, Janka, Raffelt & Vitagliano arXiv:2201.09890). BC9 default. */
  FB_SN_CRIT_NEUTRINOSPHERE = 2,
  /** Energy transferred across the neutrinosphere (issue 16): FB_SN_CRIT_NEUTRINOSPHERE with the boundary
   *  of both the emission region and the paths at the neutrinosphere R_nu (the sharp emission edge whatever
   *  emission_smooth says): energy absorbed or decayed inside R_nu stays in the core, energy carried across
   *  it is lost (the ballistic energy transfer of Caputo, Raffelt & Vitagliano arXiv:2204.11862, absorption
   *  including decay; the neutrinosphere as boundary after arXiv:2109.03244 and arXiv:2201.09890). With the
   *  smooth edge, `neutrinosphere` counts deposits out to tau_nu = 0.01 (39 km) as retained. BC9 default. */
  FB_SN_CRIT_TRANSFER = 3,
  /** FB_SN_CRIT_TRANSFER with the optical depth along the outward radial path only (one direction, mu = 1, as
   *  FB_SN_CRIT_CEM) instead of the direction average: L = int_0^{R_nu} dV int domega omega Q exp(-int_r^{R_nu}
   *  dr' Gamma/v). The radial-path approximation of the luminosity used before the direction-averaged volume
   *  integral of Caputo, Raffelt & Vitagliano arXiv:2204.11862 (whose abstract states that it supersedes such
   *  approximations); kept as the geometric systematic of the transfer criterion (issue 16). Valid where the
   *  trapping edge is set by volume emission attenuated on the way out (BC9 m >~ 50 MeV: converged, +24-37% on
   *  the upper edge); for bosons trapped near R_nu (surface emission: light BC9, BC10/BC11) the radial beam
   *  overestimates the surface flux and the upper edge is not converged (grows with n_radial; test_sn_trapping). */
  FB_SN_CRIT_TRANSFER_RADIAL = 4
};
/** Number of trapping criteria (enum fb_sn_criterion). */
#define FB_SN_N_CRITERIA 5

/** Options (documented as the [sn1987a] input section in inputs/explanatory.ini). */
typedef struct fb_sn_options {
  int criterion;       /**< enum fb_sn_criterion; default FB_SN_CRIT_CEM */
  int emission_smooth; /**< 1: emission weighted by 1 - e^{-tau_nu(r)} (tau_nu: thermal-neutrino optical
                            depth to the surface, 0.49 at the neutrinosphere) out to tau_nu = 0.01 instead of
                            a sharp cut at the neutrinosphere; used only with r_emit_km = 0; default 1 */
  int medium_electron_mass; /**< 1: e+e- decay/coalescence threshold and phase space with the in-medium electron
                            mass sqrt(m_e^2 + (alpha/pi)(mu_e^2 + pi^2 T^2)); 0: vacuum m_e; default 1 */
  double L_nu_erg_s;   /**< criterion: excluded if L_A'(m, eps) > L_nu [erg/s]; default 3e52 */
  int L_nu_from_profile; /**< 1: L_nu = the profile's thermal neutrino luminosity at infinity
                              (fb_sn_profile_thermal_Lnu_erg_s at the neutrinosphere), set into
                              medium.opt.L_nu_erg_s by fb_sn_medium_init; default 0 */
  double r_far_km;     /**< outer radius of the absorption path [km]; default 100 */
  double r_emit_km;    /**< outer radius of the emission region [km]; <= 0: the neutrinosphere */
  int absorption;      /**< 1: inverse-bremsstrahlung absorption (incl. resonant) on; default 1 */
  int decays;          /**< 1: decays A' -> SM with boost on; default 1 */
  int longitudinal;    /**< 1: include the longitudinal mode; default 1 */
  int semi_compton;    /**< 1: semi-Compton gamma e -> A' e and its inverse (e- and e+ targets, Pauli
                            blocked, in-medium electron mass) in production, absorption and Im Pi; default 1 */
  int coalescence;     /**< 1: e+e- -> A' (inverse decay, Pauli blocked) as production; default 1 */
  int n_radial;        /**< emission shells; default 32 */
  int n_energy;        /**< energy nodes per shell (generalised Gauss-Laguerre); default 12 */
  int n_mu;            /**< direction nodes (Gauss-Legendre in cos theta); default 8 */
  int n_path;          /**< steps along each ray (8..1024); default 64 */
  int shell_average;   /**< 1: with the transfer criterion, the outermost two emission shells split into graded
                            sub-shells in which exp(-eps^2 tau) is averaged with tau linear in r (0 at the
                            neutrinosphere on outward paths; fb_sn_table_shell_average, fb_sn_shell: the trapped
                            surface emission converged in n_radial, issue 16); 0: midpoint rule on uniform shells
                            (the form before); default 1; BC9, BC4/BC5, BC10/BC11 tables */
} fb_sn_options;

void fb_sn_options_default(fb_sn_options *o);
/** Check ranges; FB_ERR_RANGE naming the option and its allowed range. */
int fb_sn_options_check(const fb_sn_options *o, fb_err *err);

/** The profile resampled on a uniform radial grid out to r_far, plus the np cross-section table. */
typedef struct fb_sn_medium {
  fb_sn_options opt;
  size_t n;                 /**< radial grid points */
  double dr_invGeV;         /**< grid step [GeV^-1] */
  double r_far_invGeV, r_emit_invGeV, r_nu_km;
  double r_tau_invGeV;      /**< outer end of the optical-depth paths (r_far or the neutrinosphere) */
  double *wemit;            /**< [n] emission weight (1 - e^{-tau_nu} or 1 inside a sharp r_emit) */
  double *T_GeV, *nnnp_GeV6, *wp2_GeV2, *lapse; /**< [n] */
  double *np_GeV3;          /**< [n] free-proton density (ALP Primakoff targets) */
  double *npeff_GeV3;       /**< [n] effective (non-Pauli-blocked) proton density n_p F_{-1/2}(eta)/F_{1/2}(eta)
                                 (fb_sn_proton_degeneracy_factor; the degenerate-proton Primakoff targets) */
  double *mue_GeV;          /**< [n] electron chemical potential (incl. rest mass) */
  /* semi-Compton table: ln(Gamma_C/T) at grid radius i and ln x_j, x = omega/T (NULL if off) */
  size_t nxc;
  double lnxc0, dlnxc;
  double *lnGC;             /**< [n][nxc] */
  double *GC;               /**< [n][nxc] Gamma_C/T = exp(lnGC) (linear interpolation inside the table) */
  double lapse_far;
  double L_nu_profile_erg_s; /**< the profile's thermal neutrino luminosity at infinity [erg/s] */
  /* S-table: H(ln T, ln omega) = S/(w^2 + 2w + 2), S = int_0^inf (w+y)^2 e^{-y} sigma(omega + yT) dy */
  size_t nT, nw;
  double lnT0, dlnT, lnw0, dlnw;
  double *H;                /**< [nT][nw], GeV^-2 */
  /* nodes: energy (generalised Gauss-Laguerre, alpha = 1/2) and directions (Gauss-Legendre) */
  double *u, *wu, *mu, *wmu;
} fb_sn_medium;

int fb_sn_medium_init(fb_sn_medium *m, const fb_sn_profile *p, const fb_sn_options *o, fb_err *err);
void fb_sn_medium_free(fb_sn_medium *m);

/** np elastic cross section [GeV^-2] at centre-of-mass kinetic energy E_GeV (s-wave ERE at low
 *  energy, the GiBUU fit of the measured np elastic cross section above T_lab = 20 MeV). */
double fb_sn_sigma_np_GeV2(double E_GeV);
/** Photon (transverse) absorption rate by inverse np bremsstrahlung [GeV] at grid radius r [GeV^-1]
 *  and local energy omega [GeV] (not reduced by stimulated emission). */
double fb_sn_gamma_ibr_GeV(const fb_sn_medium *m, double r_invGeV, double omega_GeV);
/** Photon absorption rate by Compton scattering gamma e -> gamma e on the electrons and positrons of
 *  a relativistic plasma [GeV] (not reduced by stimulated emission): exact Compton matrix element
 *  with electron mass me_GeV, Fermi-Dirac targets at temperature T_GeV and chemical potential mu_GeV
 *  (positrons at -mu), Pauli blocking of the final electron and Bose enhancement of the final photon
 *  of energy; omega_GeV: energy of the absorbed (massless) photon. The A' absorption rate by inverse
 *  semi-Compton A' e -> gamma e is eps_eff^2 times this. nq: quadrature size scale (1 = default). */
double fb_sn_compton_gamma_GeV(double T_GeV, double mu_GeV, double me_GeV, double omega_GeV, int nq);
/** In-medium (asymptotic) electron mass [GeV]: sqrt(m_e^2 + (alpha/pi)(mu^2 + pi^2 T^2)). */
double fb_sn_electron_mass_GeV(double T_GeV, double mu_GeV);
/** Semi-Compton rate of the medium [GeV] at grid radius r [GeV^-1], local energy omega (table). */
double fb_sn_gamma_compton_GeV(const fb_sn_medium *m, double r_invGeV, double omega_GeV);
/** Pauli-blocking factor of A' -> e+e- (energy omega, momentum k, mass m) in an e-/e+ gas (T, mu):
 *  average over the lab electron energy (isotropic rest-frame decay) of (1 - f-(E1))(1 - f+(E2)). */
double fb_sn_pair_blocking(double omega_GeV, double k_GeV, double mass_GeV, double T_GeV, double mu_GeV);
/** fb_sn_pair_blocking times red = 1 - e^{-omega/T} given by the caller (its stimulated-emission factor; saves the
 *  expm1 of the path rates, issue 16 speed). */
double fb_sn_pair_blocking_red(double omega_GeV, double k_GeV, double mass_GeV, double T_GeV, double mu_GeV,
                               double red);

/** Pauli-blocking factor S = n_eff/n = F_{-1/2}(eta)/F_{1/2}(eta) of an ideal non-relativistic gas of spin-1/2
 *  particles (density n_GeV3, temperature T_GeV, mass mstar_GeV), eta found from n = 2 (m T/2 pi)^{3/2} F_{1/2}(eta)
 *  (GSL-normalised complete Fermi-Dirac integrals); 1 in the non-degenerate limit, (3/2) T/E_F degenerate.
 *  Used for the Primakoff targets of the BC9 ALP (Payez et al. arXiv:1410.3747). */
double fb_sn_proton_degeneracy_factor(double n_GeV3, double T_GeV, double mstar_GeV);

/** Emission weight at radius r [GeV^-1]: 1 - e^{-tau_nu(r)} (smooth edge) or 1 (sharp edge). */
double fb_sn_emission_weight(const fb_sn_medium *m, double r_invGeV);

/** omega_p^2 [GeV^2] at radius r [GeV^-1]. */
double fb_sn_wp2_GeV2(const fb_sn_medium *m, double r_invGeV);

/** The medium at one radius (linear interpolation of the uniform grid; shared by the BC1, BC9 and
 *  BC4 modules). */
typedef struct fb_sn_point {
  double T, np, nnnp, wp2, lapse, mue; /**< GeV, GeV^3, GeV^6, GeV^2, 1, GeV */
  double npeff;                        /**< effective proton density n_p S_p [GeV^3] (medium npeff_GeV3) */
} fb_sn_point;

/** The medium at radius r [GeV^-1] (clamped to the grid). */
fb_sn_point fb_sn_point_at(const fb_sn_medium *m, double r_invGeV);

/** Absorption rate [GeV] of a particle of local energy om [GeV] at the medium point q and radius r
 *  [GeV^-1] (per unit coupling^2, not divided by the velocity); ctx: the caller's data. */
typedef double (*fb_sn_rate_fn)(const fb_sn_point *q, double r_invGeV, double om, void *ctx);

/** Optical depth per unit coupling^2 of a particle of mass mass_GeV emitted at r0 [GeV^-1] with local
 *  energy om0 in direction cos(theta) = mu, along the straight path to m->r_tau_invGeV (r_far or the
 *  neutrinosphere, fb_sn_criterion): int ds rate/v, the local energy following the lapse, trapezoid
 *  rule in s = s_max t^2 with m->opt.n_path steps; INFINITY if the particle is gravitationally trapped
 *  on the way. Shared by the ALP (fb_sn_alp.h) and scalar (fb_sn_scalar.h) tables. */
double fb_sn_path_tau(const fb_sn_medium *m, double mass_GeV, double r0_invGeV, double om0_GeV, double mu,
                      fb_sn_rate_fn rate, void *ctx);

/** Per-mass table. */
typedef struct fb_sn_table {
  double mass_GeV;
  size_t n_el, cap, n_mu;
  double *W;     /**< [n_el] emission weight per eps^2 [erg/s] */
  double *tau;   /**< [n_el][n_mu] optical depth per eps^2 */
  double *wmu;   /**< [n_mu] direction weights (sum 1) */
  double L0_T, L0_L; /**< sum of W for T and L elements (L/eps^2 without absorption) [erg/s] */
  double L0_res;     /**< part of L0 from resonant conversion [erg/s] */
  /* shell average of the attenuation (fb_sn_table_shell_average, fb_sn_table.h; issue 16): set by the builders
   * that support it, reset by fb_sn_table_reserve */
  int *el_node;      /**< [cap] shell * n_energy + energy node of each element (set by the builder) */
  double *tau_lo, *tau_hi; /**< [n_el][n_mu] optical depths at the inner and outer shell edge */
  int shell_avg;     /**< 1: L uses tau_lo/tau_hi (exp(-eps^2 tau) averaged over each shell), 0: midpoint rule */
} fb_sn_table;

/** Make room for cap elements with n_mu directions (keeps the storage when it is large enough). */
int fb_sn_table_reserve(fb_sn_table *t, size_t cap, size_t n_mu, fb_err *err);

/** Build the table at mass_GeV (R: the R-ratio model for the decay width). Reuses t's storage
 *  (zero-initialise before the first call). Errors: FB_ERR_RANGE (mass <= 0 or > 12 GeV). */
int fb_sn_table_compute(fb_sn_table *t, const fb_sn_medium *m, const fb_rratio *R, double mass_GeV, fb_err *err);
void fb_sn_table_free(fb_sn_table *t);

/** A' luminosity [erg/s] at mixing eps. */
double fb_sn_table_luminosity_erg_s(const fb_sn_table *t, double eps);

/** Excluded interval: eps_low < eps < eps_high where L > L_nu; both NaN if L < L_nu for every eps.
 *  Also returns the eps of largest L (eps_peak, may be NULL). */
int fb_sn_table_edges(const fb_sn_table *t, double L_nu_erg_s, double *eps_low, double *eps_high,
                      double *eps_peak, fb_err *err);

/** Parse a criterion name ("cem", "rays", "neutrinosphere", "transfer"); -1 if unknown. */
int fb_sn_criterion_parse(const char *name);
/** Name of a criterion ("cem", "rays", "neutrinosphere", "transfer"). */
const char *fb_sn_criterion_name(int criterion);

/** Builds the table of one benchmark at mass_GeV (ctx: its model data). */
typedef int (*fb_sn_table_fn)(fb_sn_table *t, double mass_GeV, void *ctx, fb_err *err);

/** Largest excluded mass [GeV] of any benchmark's tables: bisection in ln m inside [m_lo, m_hi]
 *  (m_lo must be excluded at L_nu_erg_s, m_hi not; FB_ERR_NUMERIC otherwise) to relative precision rel_tol. */
int fb_sn_mass_max_bisect(fb_sn_table_fn table, void *ctx, double L_nu_erg_s, double m_lo, double m_hi,
                          double rel_tol, double *mass_max, fb_err *err);

/** Largest excluded mass [GeV] by bisection in ln m inside [m_lo, m_hi] (m_lo must be excluded,
 *  m_hi not; FB_ERR_NUMERIC otherwise), to relative precision rel_tol. */
int fb_sn_mass_max_GeV(const fb_sn_medium *m, const fb_rratio *R, double m_lo, double m_hi, double rel_tol,
                       double *mass_max, fb_err *err);

#endif /* FB_SN_DARKPHOTON_H */
