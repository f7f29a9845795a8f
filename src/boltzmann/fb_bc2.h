/**
 * @file fb_bc2.h
 * @brief PBC benchmark BC2: light dark matter chi coupled to a dark photon A' (mass m_A' =
 *        ratio * m_chi, dark coupling alpha_D = g_D^2/(4 pi), kinetic mixing eps): annihilation
 *        cross sections, A' width, relic abundance Omega h^2 and the thermal target y(m_chi).
 *
 * Spins (Lagrangians as in Berlin, Blinov, Krnjaic, Schuster & Toro arXiv:1807.01730 sec. 2 and
 * the PBC report arXiv:1901.09966 sec. 4):
 *  - scalar:      complex scalar, g_D A'_mu J^mu with J = i(phi* d phi - phi d phi*)   (p-wave)
 *  - majorana:    Majorana fermion, (g_D/2) chi-bar gamma^mu gamma^5 chi A'_mu         (p-wave)
 *  - pseudodirac: two Majorana states chi_1, chi_2 = chi_1 (1 + delta) in mass, off-diagonal
 *                 vector coupling g_D chi_2-bar gamma^mu chi_1 A'_mu; relic by coannihilation
 *                 chi_1 chi_2 -> A'* -> SM (Griest & Seckel 1991; Edsjo & Gondolo 1997)
 *  - dirac:       Dirac fermion, g_D chi-bar gamma^mu chi A'_mu                        (s-wave)
 * The A' couples to the electromagnetic current with eps e. Final states: e, mu, tau with exact
 * mass dependence, hadrons through R(sqrt s) (fb_rratio), and chi chi -> A' A' (all four spins, exact
 * tree-level sigma(s); open at rest for m_A' < m_chi, thermally open up to m_A' = 3 m_chi; fb_bc2.c).
 * Full Breit-Wigner propagator with the
 * total A' width = visible width (fb_darkphoton) + invisible A' -> chi chi width when open.
 *
 * Plotting variable y = eps^2 alpha_D (m_chi/m_A')^4 (Izaguirre et al. arXiv:1505.00011).
 *
 * Call order: fb_bc2_init (R ratio, thermodynamics table, freeze-out solver) -> any number of
 * fb_bc2_omega_h2 / fb_bc2_target_y (not thread safe for one fb_bc2: one per thread) ->
 * fb_bc2_free. Units GeV; y, eps, alpha_D dimensionless.
 */
#ifndef FB_BC2_H
#define FB_BC2_H

#include "fb_error.h"
#include "fb_relic.h"
#include "fb_rratio.h"
#include "fb_thermo.h"

typedef enum fb_bc2_spin {
  FB_BC2_SCALAR = 0,
  FB_BC2_MAJORANA = 1,
  FB_BC2_PSEUDODIRAC = 2,
  FB_BC2_DIRAC = 3
} fb_bc2_spin;

/** "scalar|majorana|pseudodirac|dirac" (the choices of every input key and eval parameter). */
#define FB_BC2_SPIN_CHOICES "scalar|majorana|pseudodirac|dirac"

/** Parse a spin name; FB_ERR_INPUT naming the allowed values if unknown. */
int fb_bc2_spin_parse(const char *name, fb_bc2_spin *spin, fb_err *err);
const char *fb_bc2_spin_name(fb_bc2_spin spin);
/** 1 if chi chi -> A'* -> f fbar is s-wave (velocity independent at v -> 0), i.e. only dirac. */
int fb_bc2_is_swave(fb_bc2_spin spin);

/** One BC2 parameter point. */
typedef struct fb_bc2_point {
  fb_bc2_spin spin;
  double mass_GeV;  /**< m_chi (m_chi1 for pseudodirac) */
  double ratio;     /**< m_A'/m_chi, > 0 */
  double alpha_D;   /**< g_D^2/(4 pi), 0 < alpha_D <= 1 */
  double delta;     /**< (m_chi2 - m_chi1)/m_chi1 (pseudodirac only), >= 0 */
  double epsilon;   /**< kinetic mixing */
} fb_bc2_point;

/** Check ranges: FB_ERR_RANGE naming the parameter and its allowed range. */
int fb_bc2_point_check(const fb_bc2_point *pt, fb_err *err);

/** eps from y: eps^2 = y (m_A'/m_chi)^4 / alpha_D. */
double fb_bc2_epsilon_from_y(double y, double alpha_D, double ratio);
/** y from eps. */
double fb_bc2_y_from_epsilon(double epsilon, double alpha_D, double ratio);

/** Relative change of the propagator below which a cached <sigma v> table is rescaled (below the
 *  thermal-average quadrature tolerance, 1e-5; see
 *  fb_bc2_omega_h2). */
#define FB_BC2_CACHE_TOL 1e-6
/** The eps of the reference tables (rescaled as eps^2 to other eps when the A' width allows, see
 *  FB_BC2_CACHE_TOL): one fixed value, so that a point's result never depends on the points
 *  computed before it (issue 18: bc2 differed between 1 and 2 ranks). Small enough that eps^2
 *  Gamma_vis is negligible next to Gamma_inv wherever A' -> chi chi is open. */
#define FB_BC2_EPS_REF 1e-8

/** chi chi -> A'A' is included for m_A'/m_chi below this (above 1 it is thermally open, "forbidden";
 *  at ratio >= 3 its rate at x >= 10 is suppressed by exp(-2 (ratio - 1) x) <= e^-40 = 4e-18 relative
 *  to alpha_D^2, below the SM channel's alpha eps^2/alpha_D for eps > ~1e-7; see fb_bc2.c). */
#define FB_BC2_AA_RATIO_MAX 3.0
/** Grid of the chi chi -> A'A' tables: FB_BC2_AA_NQ nodes uniform in q = ln(u - u_thr),
 *  u = s/(4 m_chi^2) - 1, from FB_BC2_AA_QMIN to FB_BC2_AA_QMAX. */
#define FB_BC2_AA_NQ 64
#define FB_BC2_AA_QMIN (-13.815510557964274) /* ln 1e-6 */
#define FB_BC2_AA_QMAX 5.991464547107982     /* ln 400 */
/** Planck's p_ann bound applies to the energy injected by annihilation, which scales with the
 *  square of chi's density: with chi at its own freeze-out density Omega_chi h^2 below the dark
 *  matter's Omega_c h^2 (Planck 2018, arXiv:1807.06209), the p_ann compared with the bound is
 *  p_ann (Omega_chi/Omega_c)^2 (e.g. Lin, Yu, Zurek arXiv:1111.0293; Slatyer arXiv:1506.03811).
 *  Returns that effective p_ann for the thermal relic: the fraction f = Omega_chi h^2 /
 *  omega_c_h2 is capped at 1 (an overabundant point, Omega_chi > Omega_c, is excluded by its
 *  abundance; if some non-thermal dilution made it the dark matter, f = 1). NaN if omega_h2 is not
 *  finite and positive. */
double fb_bc2_cmb_pann_thermal(double p_ann_cm3_s_GeV, double omega_h2, double omega_c_h2);

/** Exact tree-level W/alpha_D^2 of chi chi -> A'A' for one coupling type and r = (m_A'/m)^2. */
typedef struct fb_bc2_aa_table {
  int valid;
  int kind;                      /**< internal: vector, axial or scalar */
  double r;                      /**< (m_A'/m)^2 */
  double lnw[FB_BC2_AA_NQ];      /**< ln(W/alpha_D^2) at the nodes */
} fb_bc2_aa_table;

/** The model: R ratio, SM thermodynamics, the freeze-out solver and an exact table cache. */
typedef struct fb_bc2 {
  fb_rratio R;
  fb_thermo th;
  fb_relic relic;
  int ready;
  /* Cache of the thermal-average tables of one reference point (fb_bc2_omega_h2). The SM channels
   * scale exactly as eps^2 up to the eps dependence of the A' width in the propagator; a point
   * uses the tables of eps = FB_BC2_EPS_REF when that changes its propagator by < FB_BC2_CACHE_TOL
   * over the whole s range, else tables of its own eps. The reference depends only on the point,
   * so a cached table equals the one a fresh model computes, bit for bit. */
  int cache_valid;
  fb_bc2_point cache_pt;          /**< point (incl. eps_ref) the tables were computed at */
  double cache_width_GeV;         /**< total A' width at cache_pt */
  double cache_sm[FB_RELIC_MAX_NODES]; /**< <sigma_eff v> of chi chi -> A'* -> SM at eps_ref */
  double cache_aa[FB_RELIC_MAX_NODES]; /**< <sigma_eff v> of chi chi -> A'A' (eps independent) */
  long n_tabulations;             /**< number of table computations (cache misses) */
  int force_cache;                /**< internal: reuse the table whatever eps (target pre-search) */
  long n_solves;                  /**< number of Omega h^2 evaluations */
  fb_bc2_aa_table aa_tab[2];      /**< chi chi -> A'A' tables of states 1, 2 (mass independent) */
  long n_aa_tables;               /**< number of A'A' table computations */
} fb_bc2;

int fb_bc2_init(fb_bc2 *m, const fb_relic_params *par, fb_err *err);
void fb_bc2_free(fb_bc2 *m);

/** A' widths at a point [GeV]: visible (e, mu, tau, hadrons) and invisible (A' -> dark pair). */
int fb_bc2_widths(const fb_bc2 *m, const fb_bc2_point *pt, double *visible_GeV, double *invisible_GeV,
                  fb_err *err);

/** Non-relativistic (v -> 0) <sigma v> [cm^3/s] of the relic annihilation at recombination: dirac
 *  chi chibar -> SM + A'A'; scalar phi phi* and majorana chi chi -> A'A' only (their SM channel is
 *  p-wave); pseudodirac chi_1 chi_1 -> A'A' only (chi_2 is gone). A'A' is open only for
 *  m_A' < m_chi, so the value is 0 for the non-dirac spins at ratio >= 1. Used for the CMB bound. */
int fb_bc2_sigmav_cmb_cm3_s(fb_bc2 *m, const fb_bc2_point *pt, double *sigmav_cm3_s, fb_err *err);

/** 1 if annihilation at recombination is s-wave at pt: dirac, or any spin with m_A' < m_chi
 *  (chi chi -> A'A' is s-wave for all four spins; pt->ratio < 1). */
int fb_bc2_point_is_swave(const fb_bc2_point *pt);

/** Factor k in Planck's p_ann = f_eff k <sigma v>/m_chi with <sigma v> from fb_bc2_sigmav_cmb_cm3_s:
 *  1/2 for particle-antiparticle DM (dirac, scalar), 1 for self-conjugate (majorana, pseudodirac). */
double fb_bc2_cmb_pair_factor(fb_bc2_spin spin);

/** Planck's p_ann bound applies to the energy injected by annihilation, which scales with the
 *  square of chi's density: with chi at its own freeze-out density Omega_chi h^2 below the dark
 *  matter's Omega_c h^2 (Planck 2018, arXiv:1807.06209), the p_ann compared with the bound is
 *  p_ann (Omega_chi/Omega_c)^2 (e.g. Lin, Yu, Zurek arXiv:1111.0293; Slatyer arXiv:1506.03811).
 *  Returns that effective p_ann for the thermal relic: the fraction f = Omega_chi h^2 /
 *  omega_c_h2 is capped at 1 (an overabundant point, Omega_chi > Omega_c, is excluded by its
 *  abundance; if some non-thermal dilution made it the dark matter, f = 1). NaN if omega_h2 is not
 *  finite and positive. */
double fb_bc2_cmb_pann_thermal(double p_ann_cm3_s_GeV, double omega_h2, double omega_c_h2);

/** Exact tree-level W/alpha_D^2 = s sigma v_rel/alpha_D^2 of chi chi -> A'A' (m_chi = 1 units, so a
 *  function of u = s/(4 m_chi^2) - 1 and r = (m_A'/m_chi)^2 only), computed directly (no table;
 *  for tests). The threshold value (r < 1) is 4 pi a(r) with a(r) of fb_bc2.c. */
double fb_bc2_aa_what(fb_bc2_spin spin, double u, double r);

/** Non-relativistic coefficients of chi chi -> A'A' (r = (m_A'/m_chi)^2 < 1; 0 otherwise), in units of
 *  pi alpha_D^2/m_chi^2: sigma v = (beta_f(s)/beta_f0)(a + b v^2) (fb_bc2.c). a is the CMB value. */
void fb_bc2_aa_nr_coeffs(fb_bc2_spin spin, double r, double *a, double *b);

/** The same from the model's table (what Omega h^2 uses); FB_ERR_* if the table fails. */
int fb_bc2_aa_what_table(fb_bc2 *m, fb_bc2_spin spin, double u, double r, double *what, fb_err *err);

/** Omega h^2 and freeze-out point at pt. */
int fb_bc2_omega_h2(fb_bc2 *m, const fb_bc2_point *pt, fb_relic_result *res, fb_err *err);

/**
 * Thermal target: y with Omega h^2(y) = omega_h2_target at pt (pt->epsilon ignored), by Brent
 * root finding on ln y. *res (may be NULL) receives the freeze-out result at the root.
 */
int fb_bc2_target_y(fb_bc2 *m, const fb_bc2_point *pt, double omega_h2_target, double *y,
                    fb_relic_result *res, fb_err *err);

#endif /* FB_BC2_H */
