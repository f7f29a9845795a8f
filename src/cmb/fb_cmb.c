/**
 * @file fb_cmb.c
 * @brief Background, heating history, spectral distortions and the recombination-era injection
 *        bound of a decaying particle (see fb_cmb.h for the physics and its citations).
 */
#include "fb_cmb.h"
#include "fb_cmb_dep.h"
#include "fb_cmb_fisher.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_cosmo.h"
#include "fb_fip.h"
#include "fb_thermo.h"

void fb_cmb_params_default(fb_cmb_params *p) {
  memset(p, 0, sizeof *p);
  /* photon_grid = tracks (the default since session 12): exact continuous-loss tracks below 51 keV, the fine band from
   * 29 keV. The advected grid leaks photons past the He II / H absorption at z ~ 2000-5000 (bin residence times are
   * exponential), so the bands' upper edges were not converged (R_aniso x2-305 of the fine grid; docs/validation.md,
   * branch cmbgrid); the tracks cost +23 % CPU on the CMB planes. */
  p->dep_no_tracks = 0;
  {
    static const int trk_layout_default[5] = {4, 1, 4, 40, 60};
    for (int i = 0; i < 5; i++) p->dep_grid[i] = trk_layout_default[i];
  }
  p->h = FB_H_PLANCK;
  p->omega_b_h2 = FB_OMEGA_B_H2_PLANCK;
  p->omega_c_h2 = FB_OMEGA_C_H2_PLANCK;
  p->T0_K = FB_TCMB_K;
  p->Neff = FB_NEFF_SM;
  p->z_mu = FB_CMB_Z_MU;
  p->jbb = FB_CMB_JBB_SIMPLE;
  p->dist = FB_CMB_DIST_FIRAS;
  p->sd_nu_lo_GHz = FB_FIRAS_NU_LO_CM * FB_C_CM_S * 1e-9;
  p->sd_nu_hi_GHz = FB_FIRAS_NU_HI_CM * FB_C_CM_S * 1e-9;
  p->sd_n_channels = FB_FIRAS_N_CHANNELS;
  p->z_min = 1100.0;
  p->z_max = 1.0e7;
  p->mu_max = FB_FIRAS_MU_MAX;
  p->y_max = FB_FIRAS_Y_MAX;
  p->z_eff = FB_CMB_Z_EFF_ANISOTROPY;
  p->aniso = FB_CMB_ANISO_VISIBILITY;
  p->pann_max_cm3_s_GeV = FB_PANN_MAX_PLANCK_CM3_S_GEV;
  p->rtol = 1e-7;
}

int fb_cmb_init(fb_cmb *c, const fb_cmb_params *p, fb_err *err) {
  memset(c, 0, sizeof *c);
  FB_TEST(err, !(p->h > 0.2 && p->h < 2.0), FB_ERR_INPUT, "h = %g must be in (0.2, 2)", p->h);
  FB_TEST(err, !(p->omega_b_h2 > 0 && p->omega_c_h2 >= 0), FB_ERR_INPUT, "Omega_b h^2 = %g, Omega_c h^2 = %g invalid",
          p->omega_b_h2, p->omega_c_h2);
  FB_TEST(err, !(p->T0_K > 0 && p->Neff >= 0 && p->z_mu > 0), FB_ERR_INPUT, "T0_K = %g, Neff = %g, z_mu = %g invalid",
          p->T0_K, p->Neff, p->z_mu);
  FB_TEST(err, !(p->z_min >= 0 && p->z_max > p->z_min), FB_ERR_INPUT, "need 0 <= z_min < z_max (got %g, %g)", p->z_min,
          p->z_max);
  FB_TEST(err, !(p->mu_max > 0 && p->y_max > 0 && p->z_eff > 0 && p->pann_max_cm3_s_GeV > 0), FB_ERR_INPUT,
          "mu_max, y_max, z_eff and p_ann must be > 0");
  FB_TEST(err, !(p->rtol >= 1e-12 && p->rtol <= 1e-2), FB_ERR_INPUT, "rtol = %g must be in [1e-12, 1e-2]", p->rtol);
  FB_TEST(err, !(p->chi == FB_CMB_CHI_CK2004 || p->chi == FB_CMB_CHI_GALLI2013), FB_ERR_INPUT,
          "chi = %d must be FB_CMB_CHI_CK2004 or FB_CMB_CHI_GALLI2013", (int)p->chi);
  FB_TEST(err, !(p->aniso >= FB_CMB_ANISO_WINDOW && p->aniso <= FB_CMB_ANISO_FISHER), FB_ERR_INPUT,
          "aniso = %d is not an anisotropy method", (int)p->aniso);
  FB_TEST(err, p->fisher_kernel != FB_CMB_FISHER_IDEAL && p->fisher_kernel != FB_CMB_FISHER_PLANCK_LOWL, FB_ERR_INPUT,
          "fisher_kernel = %d: allowed 0 (ideal) or 1 (planck_lowl)", p->fisher_kernel);
  FB_TEST(err, p->aniso == FB_CMB_ANISO_FISHER && p->chi != FB_CMB_CHI_CK2004, FB_ERR_INPUT,
          "aniso_method = fisher needs chi_type = ck2004 (the kernel was made with CLASS's CK_2004 split; fb_cmb_fisher.h)");
  FB_TEST(err, !(p->dist == FB_CMB_DIST_BRANCHING || p->dist == FB_CMB_DIST_FIRAS), FB_ERR_INPUT,
          "dist = %d must be FB_CMB_DIST_BRANCHING or FB_CMB_DIST_FIRAS", (int)p->dist);
  c->par = *p;
  const double T0 = p->T0_K * FB_K_TO_GEV;
  const double rho_crit_GeV_cm3 = FB_RHO_CRIT_H2_GEV_CM3 * p->h * p->h;
  c->H0_inv_s = 100.0 * p->h * 1.0e5 / FB_MPC_CM; /* 100 h km/s/Mpc */
  c->rho_gamma0_GeV_cm3 = FB_PI * FB_PI / 15.0 * pow(T0, 4) / FB_INV_CM3_TO_GEV3;
  c->n_gamma0_cm3 = 2.0 * FB_ZETA3 / (FB_PI * FB_PI) * pow(T0, 3) / FB_INV_CM3_TO_GEV3;
  /* g_*s today = 2 + (7/8) 6 (4/11) (N_eff/3)^(3/4) (as src/common/fb_thermo.h) */
  const double gs0 = 2.0 + 7.0 / 8.0 * 6.0 * 4.0 / 11.0 * pow(p->Neff / 3.0, 0.75);
  c->s0_cm3 = 2.0 * FB_PI * FB_PI / 45.0 * gs0 * pow(T0, 3) / FB_INV_CM3_TO_GEV3;
  c->Omega_g = c->rho_gamma0_GeV_cm3 / rho_crit_GeV_cm3;
  c->Omega_r = c->Omega_g * (1.0 + 7.0 / 8.0 * pow(4.0 / 11.0, 4.0 / 3.0) * p->Neff);
  c->Omega_m = (p->omega_b_h2 + p->omega_c_h2) / (p->h * p->h);
  c->Omega_L = 1.0 - c->Omega_m - c->Omega_r;
  c->rho_c0_GeV_cm3 = p->omega_c_h2 * FB_RHO_CRIT_H2_GEV_CM3;
  FB_CALL(err, fb_quad_init(&c->q, 2000, 0.0, p->rtol, err));
  if (p->dist == FB_CMB_DIST_FIRAS) {
    int rc = fb_cmb_green_init(&c->green, c, err);
    if (rc != FB_OK) {
      fb_cmb_free(c);
      return fb_err_push(err, rc, __func__, __LINE__, "FIRAS Green's function");
    }
  }
  if (p->aniso != FB_CMB_ANISO_POWER) {
    int rc = fb_cmb_window_setup(c, err);
    if (rc != FB_OK) {
      fb_cmb_free(c);
      return fb_err_push(err, rc, __func__, __LINE__, "recombination window");
    }
  }
  if (p->aniso == FB_CMB_ANISO_FISHER) {
    int rc = FB_OK;
    c->fisher = calloc(1, sizeof *c->fisher);
    if (!c->fisher) rc = fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "cannot allocate the Fisher kernel");
    if (rc == FB_OK) rc = fb_cmb_fisher_read(c->fisher, fb_cmb_fisher_kernel_file(p->fisher_kernel), err);
    if (rc == FB_OK) rc = fb_cmb_fisher_setup(c->fisher, c, err);
    if (rc != FB_OK) {
      fb_cmb_free(c);
      return fb_err_push(err, rc, __func__, __LINE__, "aniso_method = fisher");
    }
  }
  if (p->photon_E_GeV != 0.0 || p->pair_E_GeV != 0.0) {
    int rc = FB_OK;
    if (p->photon_E_GeV != 0.0 && p->pair_E_GeV != 0.0)
      rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__, "give photon_E_GeV or pair_E_GeV, not both");
    else
      rc = p->photon_E_GeV != 0.0 ? fb_cmb_set_photon_energy(c, p->photon_E_GeV, err)
                                  : fb_cmb_set_pair_energy(c, p->pair_E_GeV, err);
    if (rc != FB_OK) {
      fb_cmb_free(c);
      return fb_err_push(err, rc, __func__, __LINE__, "photon deposition");
    }
  }
  return FB_OK;
}

/* the deposition kernel's nodes, allocated at the first delayed deposition */
static int ensure_dep(fb_cmb *c, fb_err *err) {
  if (c->dep) return FB_OK;
  c->dep = malloc(sizeof *c->dep);
  FB_TEST(err, !c->dep, FB_ERR_MEMORY, "cannot allocate the deposition kernel");
  int rc = fb_cmb_dep_init(c->dep, c, err);
  if (rc != FB_OK) {
    free(c->dep);
    c->dep = NULL;
    return fb_err_push(err, rc, __func__, __LINE__, "deposition nodes");
  }
  fb_cmb_dep_set_compton(c->dep, c->par.compton_continuous);
  return FB_OK;
}

/* photon (pair = 0) or e+e- (pair = 1) deposition kernel of energy E_GeV; 0 = on the spot */
static int set_deposition(fb_cmb *c, int pair, double E_GeV, fb_err *err) {
  FB_TEST(err, !(E_GeV >= 0), FB_ERR_INPUT, "%s = %g must be >= 0 (0: on the spot)", pair ? "pair_E_GeV" : "photon_E_GeV",
          E_GeV);
  c->par.photon_E_GeV = pair ? 0.0 : E_GeV;
  c->par.pair_E_GeV = pair ? E_GeV : 0.0;
  c->dep_spectrum = 0;
  if (E_GeV == 0.0) return FB_OK;
  FB_TEST(err, c->par.aniso == FB_CMB_ANISO_POWER, FB_ERR_INPUT,
          "photon/pair deposition needs a window anisotropy method (aniso_method = power given)");
  FB_CALL(err, ensure_dep(c, err));
  const int rc = pair ? fb_cmb_dep_set_pair(c->dep, E_GeV, err) : fb_cmb_dep_set_energy(c->dep, E_GeV, err);
  if (rc != FB_OK) {
    /* the kernel may hold another energy or be partly rebuilt: back to on-the-spot, so a later evaluation never
     * applies a kernel under another energy's label (the caller records this point's failure) */
    c->par.photon_E_GeV = 0.0;
    c->par.pair_E_GeV = 0.0;
    return fb_err_push(err, rc, __func__, __LINE__, pair ? "pair deposition kernel" : "photon deposition kernel");
  }
  return FB_OK;
}

int fb_cmb_set_spectrum(fb_cmb *c, const fb_cmb_dep_spectrum *s, fb_err *err) {
  FB_CALL(err, set_deposition(c, 0, 0.0, err)); /* on the spot until the kernel is built */
  FB_TEST(err, c->par.aniso == FB_CMB_ANISO_POWER, FB_ERR_INPUT,
          "spectrum deposition needs a window anisotropy method (aniso_method = power given)");
  FB_CALL(err, ensure_dep(c, err));
  FB_CALL(err, fb_cmb_dep_set_spectrum(c->dep, s, err));
  c->dep_spectrum = 1;
  return FB_OK;
}

int fb_cmb_set_photon_energy(fb_cmb *c, double E_GeV, fb_err *err) { return set_deposition(c, 0, E_GeV, err); }
int fb_cmb_set_pair_energy(fb_cmb *c, double E_GeV, fb_err *err) { return set_deposition(c, 1, E_GeV, err); }

void fb_cmb_free(fb_cmb *c) {
  if (!c) return;
  fb_quad_free(&c->q);
  fb_cmb_xe_free(&c->xe);
  free(c->eps);
  free(c->dxe);
  free(c->x3);
  free(c->w_vis);
  c->eps = c->dxe = c->x3 = c->w_vis = NULL;
  if (c->dep) fb_cmb_dep_free(c->dep);
  free(c->dep);
  c->dep = NULL;
  fb_cmb_green_free(&c->green);
  if (c->fisher) fb_cmb_fisher_free(c->fisher);
  free(c->fisher);
  c->fisher = NULL;
}

double fb_cmb_hubble_inv_s(const fb_cmb *c, double z) {
  const double x = 1.0 + z;
  return c->H0_inv_s * sqrt(c->Omega_r * x * x * x * x + c->Omega_m * x * x * x + c->Omega_L);
}

/* t H0 Omega_m^2 as a function of v = sqrt(Omega_r + Omega_m a) (fb_cmb.h). */
static double time_poly(const fb_cmb *c, double v) {
  const double Or = c->Omega_r;
  return (2.0 / 3.0) * v * v * v - 2.0 * Or * v + (4.0 / 3.0) * Or * sqrt(Or);
}

double fb_cmb_time_s(const fb_cmb *c, double z) {
  const double a = 1.0 / (1.0 + z), Or = c->Omega_r, Om = c->Omega_m;
  const double v = sqrt(Or + Om * a);
  /* For a << Omega_r/Omega_m the polynomial cancels to a^2 Om^2/(2 sqrt(Or)): use the series
   * t = a^2/(2 H0 sqrt(Or)) (1 - x/3 + 3 x^2/16), x = Om a/Or, to avoid the cancellation. */
  const double x = Om * a / Or;
  if (x < 1e-3) return a * a / (2.0 * c->H0_inv_s * sqrt(Or)) * (1.0 - x / 3.0 + 3.0 / 16.0 * x * x);
  return time_poly(c, v) / (c->H0_inv_s * Om * Om);
}

double fb_cmb_redshift_at_time(const fb_cmb *c, double t_s) {
  const double Or = c->Omega_r, Om = c->Omega_m;
  /* start from the radiation-era (early) or matter-era (late) solution, whichever is smaller in a */
  double a_rad = sqrt(2.0 * c->H0_inv_s * sqrt(Or) * t_s);
  double a_mat = pow(1.5 * c->H0_inv_s * sqrt(Om) * t_s, 2.0 / 3.0);
  double a = fmin(a_rad, a_mat);
  /* Newton in ln a on ln t(a) - ln t_s: t(a) is increasing and smooth, convergence is fast.
   * dt/da = a / (H0 sqrt(Omega_r + Omega_m a)), the derivative of the same radiation + matter t(a)
   * (consistent also beyond today, where the Lambda-less t(a) is only a continuation) */
  for (int it = 0; it < 100; it++) {
    double z = 1.0 / a - 1.0;
    double t = fb_cmb_time_s(c, z);
    double dlnt_dlna = a * a / (c->H0_inv_s * sqrt(Or + Om * a) * t);
    double step = (log(t) - log(t_s)) / dlnt_dlna;
    a *= exp(-step);
    if (fabs(step) < 1e-13) break;
  }
  return 1.0 / a - 1.0;
}

double fb_cmb_J_bb(const fb_cmb *c, double z) {
  const double r = z / c->par.z_mu;
  double j = exp(-pow(r, 2.5));
  if (c->par.jbb == FB_CMB_JBB_IMPROVED)
    j *= FB_CMB_JBB_IMPROVED_NORM * (1.0 - FB_CMB_JBB_IMPROVED_A * pow(r, FB_CMB_JBB_IMPROVED_POWER));
  return j;
}

double fb_cmb_J_mu(double z) { return 1.0 - exp(-pow((1.0 + z) / FB_CMB_JMU_Z, FB_CMB_JMU_POWER)); }

double fb_cmb_J_y(double z) { return 1.0 / (1.0 + pow((1.0 + z) / FB_CMB_JY_Z, FB_CMB_JY_POWER)); }

int fb_cmb_low_energy_injection(const fb_cmb *c, double mass_GeV, double z) {
  const double T_GeV = c->par.T0_K * FB_K_TO_GEV * (1.0 + z);
  return 0.5 * mass_GeV / T_GeV < FB_CMB_XINJ_MIN;
}

void fb_cmb_green(const fb_cmb *c, double z, double drho, double *mu, double *y) {
  if (c->par.dist == FB_CMB_DIST_FIRAS) {
    double pm, py;
    fb_cmb_green_eval(&c->green, z, NULL, &py, &pm, NULL);
    *mu = fb_cmb_J_bb(c, z) * pm * drho;
    *y = fb_cmb_J_bb(c, z) * py * drho;
    return;
  }
  *mu = FB_CMB_MU_PER_DRHO * fb_cmb_J_bb(c, z) * fb_cmb_J_mu(z) * drho;
  *y = 0.25 * fb_cmb_J_y(z) * drho;
}

int fb_cmb_dist_from_name(const char *name, fb_cmb_dist *out, fb_err *err) {
  if (name && !strcmp(name, "firas")) {
    *out = FB_CMB_DIST_FIRAS;
    return FB_OK;
  }
  if (name && !strcmp(name, "branching")) {
    *out = FB_CMB_DIST_BRANCHING;
    return FB_OK;
  }
  FB_FAIL(err, FB_ERR_INPUT, "distortion = '%s': allowed firas|branching", name ? name : "(null)");
}

/* ------------------------------------------------------------------ heating integrals */
enum { W_NONE = 0, W_MU = 1, W_Y = 2, W_R = 3 };

typedef struct heat_args {
  const fb_cmb *c;
  double tau_s;
  double amp;   /**< f_em m Y_X s0 / rho_gamma0 (dimensionless per GeV of m Y_X) */
  int weight;
} heat_args;

/* (1+z) dQ/dz times the visibility weight, as a function of ln(1+z). */
static double heat_integrand(double lnx, void *p) {
  const heat_args *h = p;
  const double x = exp(lnx), z = x - 1.0;
  const double t = fb_cmb_time_s(h->c, z);
  const double dQdz = h->amp * exp(-t / h->tau_s) / (h->tau_s * x * x * fb_cmb_hubble_inv_s(h->c, z));
  double w = 1.0;
  if (h->weight == W_R) { /* residual-era share (dist FIRAS only): what G, Y, M leave of unit heat (fb_cmb_result) */
    double pg, py, pm;
    fb_cmb_green_eval(&h->c->green, z, &pg, &py, &pm, NULL);
    w = fb_cmb_J_bb(h->c, z) * (1.0 - 4.0 * pg - 4.0 * py - pm / FB_CMB_MU_PER_DRHO);
  } else if (h->weight != W_NONE) {
    double mu, y;
    fb_cmb_green(h->c, z, 1.0, &mu, &y);
    w = h->weight == W_MU ? mu : y;
  }
  return x * dQdz * w;
}

static int heat_integral(fb_cmb *c, double tau_s, double amp, int weight, double z_decay, double *out, fb_err *err) {
  heat_args h = {c, tau_s, amp, weight};
  const double a = log1p(c->par.z_min), b = log1p(c->par.z_max);
  /* break points: the decay epoch (and a few e-folds of t around it), the mu-y transition, the
   * thermalisation redshift, matter-radiation equality */
  const double zeq = c->Omega_m / c->Omega_r - 1.0;
  const double zb[7] = {z_decay,
                         fb_cmb_redshift_at_time(c, 10.0 * tau_s), /* t = 10 tau */
                         fb_cmb_redshift_at_time(c, 0.1 * tau_s),
                         fb_cmb_redshift_at_time(c, 0.01 * tau_s),
                         FB_CMB_JMU_Z,
                         c->par.z_mu,
                         zeq};
  double br[7];
  size_t nb = 0;
  for (size_t i = 0; i < 7; i++) /* only those inside (z_min, z_max): t beyond today gives z < 0 */
    if (zb[i] > c->par.z_min && zb[i] < c->par.z_max) br[nb++] = log1p(zb[i]);
  double abserr;
  /* the integrand vanishes beyond ~ 40 e-folds of t past tau; cut there to help QAGP */
  double lo = a;
  const double z_late = fb_cmb_redshift_at_time(c, 60.0 * tau_s);
  if (z_late > c->par.z_min) lo = log1p(z_late);
  if (!(lo < b)) {
    *out = 0.0;
    return FB_OK;
  }
  int rc = fb_quad_points(&c->q, heat_integrand, &h, lo, b, br, nb, out, &abserr, err);
  /* Failure census (docs/validation.md, 2026-12-07): GSL's roundoff flag alone, with an error estimate within
   * 10 times the requested tolerance, is accepted (as fb_freezein.c does): the Green's function tables hold to
   * ~1e-4, so mu or y cannot always be pushed to rtol = 1e-7 (bc11_cmb at m_a = 78.1 MeV, 1/f_G = 1.51e-11
   * GeV^-1: mu or y = 9.117e-6 +- 1.17e-12 against the tolerance 9.9e-13 failed the point) */
  if (rc == FB_ERR_GSL && c->q.last_roundoff && isfinite(*out) &&
      abserr <= 10.0 * fmax(c->q.epsabs, c->q.epsrel * fabs(*out))) {
    fb_err_clear(err);
    rc = FB_OK;
  }
  FB_CALL(err, rc);
  return FB_OK;
}

/* ------------------------------------------------------------------ recombination window (fb_cmb.h) */

/* Delta x_e interpolated linearly in L = ln(1+z) on the xe grid. */
static double dxe_at(const fb_cmb *c, double L) {
  const fb_cmb_xe *xe = &c->xe;
  const double u = (L - xe->L[0]) / (xe->L[1] - xe->L[0]);
  size_t k = u > 0 ? (size_t)floor(u) : 0;
  if (k >= xe->n - 1) k = xe->n - 2;
  const double w = u - (double)k;
  return (1.0 - w) * c->dxe[k] + w * c->dxe[k + 1];
}

/* The projections of Delta x_e for the deposited power density in c->eps: late (Delta x_e at z_eff),
 * last scattering (Delta x_e/x_e at the peak z_star of the Thomson visibility) and visibility-weighted
 * (S_vis = int g(L) Delta x_e/x_e dL = int e^{-tau} d(Delta tau), fb_cmb.h). The response runs down to
 * k_min (0 when the visibility projection is needed: it covers the whole grid). */
static void window_projections(fb_cmb *c, size_t k_min, double *S_late, double *S_ls, double *S_vis, double *S_post) {
  fb_cmb_xe_response(&c->xe, c->eps, k_min, c->dxe);
  *S_late = dxe_at(c, log1p(c->par.z_eff));
  *S_ls = c->dxe[c->xe.i_star] / c->xe.x[c->xe.i_star];
  double s = 0.0, sp = 0.0;
  if (k_min == 0) {
    /* S_post: the same sum over the grid below the visibility peak only (extra optical depth after the
     * acoustic sources have frozen; the peak point counts half, its trapezoid cell straddles z_star) */
    for (size_t i = 0; i < c->xe.i_star; i++) sp += c->w_vis[i] * c->dxe[i];
    sp += 0.5 * c->w_vis[c->xe.i_star] * c->dxe[c->xe.i_star];
    for (size_t i = 0; i < c->xe.n; i++) s += c->w_vis[i] * c->dxe[i];
  }
  *S_vis = s;
  *S_post = sp;
}

int fb_cmb_photon_grid_from_name(const char *name, fb_cmb_params *p, fb_err *err) {
  /* tracks (the default, fb_cmb_params_default); advected: the grid and treatment before branch cmbgrid (the default layout {4, 1, 4, 44, 60}, every bin
   * advected on the grid); tracks: exact tracks for the bins of 1 - 51 keV, the band from 29 keV ({4, 1, 4, 40, 60});
   * fine_tracks / fine_advected: the uniform 10^(1/12) reference grid with / without the exact tracks (resolution
   * checks; ~10x the kernel cost) */
  static const int trk_layout[5] = {4, 1, 4, 40, 60}, fine_layout[5] = {1, 1, 1, 0, 0};
  const int *L = NULL;
  if (name && !strcmp(name, "tracks")) p->dep_no_tracks = 0, L = trk_layout;
  else if (name && !strcmp(name, "advected")) p->dep_no_tracks = 1;
  else if (name && !strcmp(name, "fine_tracks")) p->dep_no_tracks = 0, L = fine_layout;
  else if (name && !strcmp(name, "fine_advected")) p->dep_no_tracks = 1, L = fine_layout;
  else FB_FAIL(err, FB_ERR_INPUT, "photon_grid = '%s': allowed tracks|advected|fine_tracks|fine_advected", name ? name : "(null)");
  for (int i = 0; i < 5; i++) p->dep_grid[i] = L ? L[i] : 0;
  return FB_OK;
}

int fb_cmb_aniso_from_name(const char *name, fb_cmb_aniso *out, fb_err *err) {
  static const char *names[] = {"window", "power", "window_max", "visibility", "visibility_post", "fisher"};
  for (int i = 0; i < 6; i++)
    if (name && !strcmp(name, names[i])) {
      *out = (fb_cmb_aniso)i;
      return FB_OK;
    }
  FB_FAIL(err, FB_ERR_INPUT, "aniso_method = '%s': allowed window|window_max|power|visibility|visibility_post|fisher",
          name ? name : "(null)");
}

const char *fb_cmb_aniso_name(fb_cmb_aniso a) {
  switch (a) {
  case FB_CMB_ANISO_WINDOW: return "window";
  case FB_CMB_ANISO_POWER: return "power";
  case FB_CMB_ANISO_WINDOW_MAX: return "window_max";
  case FB_CMB_ANISO_VISIBILITY: return "visibility";
  case FB_CMB_ANISO_VISIBILITY_POST: return "visibility_post";
  case FB_CMB_ANISO_FISHER: return "fisher";
  }
  return "?";
}

int fb_cmb_window_setup(fb_cmb *c, fb_err *err) {
  const double ze = c->par.z_eff;
  FB_TEST(err, !(ze >= FB_CMB_Z_EFF_WINDOW_MIN && ze <= FB_CMB_Z_EFF_WINDOW_MAX), FB_ERR_INPUT,
          "aniso_method %s: z_eff = %g must be in [%g, %g] (the late projection of Delta x_e)",
          fb_cmb_aniso_name(c->par.aniso), ze, FB_CMB_Z_EFF_WINDOW_MIN, FB_CMB_Z_EFF_WINDOW_MAX);
  FB_CALL(err, fb_cmb_xe_init(&c->xe, c, fmin(ze, FB_CMB_XE_Z_LO), err));
  const size_t n = c->xe.n;
  c->eps = malloc(n * sizeof *c->eps);
  c->dxe = malloc(n * sizeof *c->dxe);
  c->x3 = malloc(n * sizeof *c->x3);
  c->w_vis = malloc(n * sizeof *c->w_vis);
  FB_TEST(err, !c->eps || !c->dxe || !c->x3 || !c->w_vis, FB_ERR_MEMORY, "cannot allocate the window scratch");
  for (size_t i = 0; i < n; i++) c->x3[i] = exp(3.0 * c->xe.L[i]);
  {
    const double u = (log1p(ze) - c->xe.L[0]) / (c->xe.L[1] - c->xe.L[0]);
    c->k_eff = u > 0 ? (size_t)floor(u) : 0;
    if (c->k_eff > c->xe.i_star) c->k_eff = c->xe.i_star;
    if (c->k_eff >= n - 1) c->k_eff = n - 2;
  }
  /* visibility weights (trapezoid in L): w_i = g_i/x_i dL_i, so that sum_i w_i Delta x_i = int g Delta x/x dL */
  for (size_t i = 0; i < n; i++) {
    const double dL = 0.5 * ((i + 1 < n ? c->xe.L[i + 1] : c->xe.L[i]) - (i > 0 ? c->xe.L[i - 1] : c->xe.L[i]));
    const int below = expm1(c->xe.L[i]) < FB_CMB_XE_Z_LO * (1.0 - 1e-9); /* only if z_eff < 200 moved the grid down */
    c->w_vis[i] = below ? 0.0 : c->xe.g[i] / c->xe.x[i] * dL;
  }
  /* annihilation at the Planck bound: eps = p_ann rho_c0^2 (1+z)^6 [GeV cm^-3 s^-1] */
  for (size_t i = 0; i < n; i++)
    c->eps[i] = 1e9 * c->par.pann_max_cm3_s_GeV * c->rho_c0_GeV_cm3 * c->rho_c0_GeV_cm3 * c->x3[i] * c->x3[i];
  window_projections(c, 0, &c->S_late_ann, &c->S_ls_ann, &c->S_vis_ann, &c->S_post_ann);
  FB_TEST(err, !(c->S_late_ann > 0 && c->S_ls_ann > 0 && c->S_vis_ann > 0 && c->S_post_ann > 0), FB_ERR_NUMERIC,
          "annihilation projections %g, %g, %g, %g not positive", c->S_late_ann, c->S_ls_ann, c->S_vis_ann, c->S_post_ann);
  return FB_OK;
}

void fb_cmb_window_ratios(fb_cmb *c, double tau_s, double fmY_GeV, double *R_late, double *R_ls, double *R_vis,
                          double *R_post) {
  /* decay: eps = f_em m Y_X s0 (1+z)^3 exp(-t/tau)/tau [GeV cm^-3 s^-1] */
  const double amp = 1e9 * fmY_GeV * c->s0_cm3 / tau_s;
  const size_t k_min = R_vis ? 0 : c->k_eff;
  if (c->dep && (c->par.photon_E_GeV > 0 || c->par.pair_E_GeV > 0 || c->dep_spectrum)) /* delayed (fb_cmb_dep.h) */
    fb_cmb_dep_apply(c->dep, c, tau_s, amp, k_min, c->eps);
  else
    for (size_t i = k_min; i < c->xe.n; i++) c->eps[i] = amp * c->x3[i] * exp(-c->xe.t_s[i] / tau_s);
  double S_late, S_ls, S_vis, S_post;
  window_projections(c, k_min, &S_late, &S_ls, &S_vis, &S_post);
  *R_late = S_late / c->S_late_ann;
  *R_ls = S_ls / c->S_ls_ann;
  if (R_vis) *R_vis = S_vis / c->S_vis_ann;
  if (R_vis && R_post) *R_post = S_post / c->S_post_ann;
}

int fb_cmb_feff_annihilation(fb_cmb *c, double *f_eff, fb_err *err) {
  FB_TEST(err, !(c->dep && (c->par.photon_E_GeV > 0 || c->par.pair_E_GeV > 0 || c->dep_spectrum)), FB_ERR_INPUT,
          "f_eff of annihilation needs a photon or pair deposition kernel");
  /* eps_inj = p_ann rho_c0^2 (1+z)^6 [eV cm^-3 s^-1], q = eps_inj/(1+z)^3 at the kernel's nodes */
  const double a = 1e9 * c->par.pann_max_cm3_s_GeV * c->rho_c0_GeV_cm3 * c->rho_c0_GeV_cm3;
  for (size_t j = 0; j < c->dep->n; j++) c->dep->q[j] = a * pow(1.0 + c->dep->z[j], 3);
  fb_cmb_dep_apply_shape(c->dep, c, c->dep->q, 0, c->eps);
  double S_late, S_ls, S_vis, S_post;
  window_projections(c, 0, &S_late, &S_ls, &S_vis, &S_post);
  *f_eff = S_vis / c->S_vis_ann;
  return FB_OK;
}

int fb_cmb_decay_eval(fb_cmb *c, double tau_s, double mY_GeV, double f_em, fb_cmb_result *r, fb_err *err) {
  FB_TEST(err, !(tau_s > 0 && isfinite(tau_s)), FB_ERR_RANGE, "tau_s = %g must be > 0 and finite", tau_s);
  FB_TEST(err, !(mY_GeV >= 0 && isfinite(mY_GeV)), FB_ERR_RANGE, "mY_GeV = %g must be >= 0", mY_GeV);
  FB_TEST(err, !(f_em >= 0 && f_em <= 1), FB_ERR_RANGE, "f_em = %.17g must be in [0, 1]", f_em);
  memset(r, 0, sizeof *r);
  r->f_residual = r->E_dep_rec_eV_per_H = NAN;
  r->z_decay = fb_cmb_redshift_at_time(c, tau_s);
  const double amp = f_em * mY_GeV * c->s0_cm3 / c->rho_gamma0_GeV_cm3;
  if (amp > 0) {
    FB_CALL(err, heat_integral(c, tau_s, amp, W_NONE, r->z_decay, &r->drho_rho, err));
    /* mu and y with an absolute floor of rtol 1e-4 Delta rho/rho: where one of them nearly cancels (y of a
     * mu-era decay with the projected Green's function, whose tables hold to ~1e-4) a relative tolerance
     * alone cannot be met */
    int rc = fb_quad_set_tolerances(&c->q, c->par.rtol * 1e-4 * r->drho_rho, c->par.rtol, err);
    if (rc == FB_OK) rc = heat_integral(c, tau_s, amp, W_MU, r->z_decay, &r->mu, err);
    if (rc == FB_OK) rc = heat_integral(c, tau_s, amp, W_Y, r->z_decay, &r->y, err);
    double res = NAN;
    if (rc == FB_OK && c->par.dist == FB_CMB_DIST_FIRAS) rc = heat_integral(c, tau_s, amp, W_R, r->z_decay, &res, err);
    r->f_residual = r->drho_rho > 0.0 ? res / r->drho_rho : NAN;
    fb_err scratch;
    fb_quad_set_tolerances(&c->q, 0.0, c->par.rtol, &scratch);
    FB_CALL(err, rc);
  }
  /* anisotropies */
  if (c->par.aniso != FB_CMB_ANISO_POWER) {
    fb_cmb_window_ratios(c, tau_s, f_em * mY_GeV, &r->R_late, &r->R_ls, &r->R_vis, &r->R_post);
    /* c->eps now holds this decay's deposited power [eV cm^-3 s^-1] on the whole grid (k_min = 0 with R_vis):
     * int eps dt / n_H, trapezoid in t (n_H = n_H0 (1+z)^3) */
    double E = 0.0;
    for (size_t i = 0; i + 1 < c->xe.n; i++)
      E += 0.5 * (c->eps[i] / c->x3[i] + c->eps[i + 1] / c->x3[i + 1]) * (c->xe.t_s[i] - c->xe.t_s[i + 1]);
    r->E_dep_rec_eV_per_H = E / c->xe.nH0_cm3;
    if (c->fisher) r->chi2_fisher = fb_cmb_fisher_decay_chi2(c->fisher, c, tau_s, f_em * mY_GeV, 0);
    r->R_aniso = c->par.aniso == FB_CMB_ANISO_WINDOW_MAX        ? fmax(r->R_late, r->R_ls)
                 : c->par.aniso == FB_CMB_ANISO_VISIBILITY      ? r->R_vis
                 : c->par.aniso == FB_CMB_ANISO_VISIBILITY_POST ? r->R_post
                 : c->par.aniso == FB_CMB_ANISO_FISHER          ? sqrt(r->chi2_fisher / FB_CMB_FISHER_CHI2_BOUND)
                                                                : r->R_late;
  } else { /* injected power over the Planck-allowed annihilation power at z_eff */
    const double ze = c->par.z_eff, x3 = pow(1.0 + ze, 3);
    const double p_dec = f_em * mY_GeV * c->s0_cm3 * x3 * exp(-fb_cmb_time_s(c, ze) / tau_s) / tau_s;
    const double p_ann = c->par.pann_max_cm3_s_GeV * c->rho_c0_GeV_cm3 * c->rho_c0_GeV_cm3 * x3 * x3;
    r->R_aniso = p_dec / p_ann;
  }
  r->excluded_mu = fabs(r->mu) > c->par.mu_max;
  r->excluded_y = fabs(r->y) > c->par.y_max;
  r->excluded_aniso = r->R_aniso > 1.0;
  return FB_OK;
}

int fb_cmb_decay_bound_mY(fb_cmb *c, double tau_s, double f_em, int which, double *mY_GeV, fb_err *err) {
  FB_TEST(err, which < 0 || which > 2, FB_ERR_INPUT, "which = %d must be 0 (mu), 1 (y) or 2 (anisotropies)", which);
  fb_cmb_result r;
  FB_CALL(err, fb_cmb_decay_eval(c, tau_s, 1.0, f_em, &r, err));
  const double v = which == 0 ? r.mu : which == 1 ? r.y : r.R_aniso;
  const double lim = which == 0 ? c->par.mu_max : which == 1 ? c->par.y_max : 1.0;
  *mY_GeV = v > 0 ? lim / v : INFINITY;
  return FB_OK;
}

/* ------------------------------------------------------------------ channel classes */
double fb_cmb_em_share(int cl) {
  const double mpi = FB_MPI_CHARGED_GEV, mmu = FB_MMU_GEV;
  /* pi -> mu nu at rest: E_mu = (m_pi^2 + m_mu^2)/(2 m_pi); the muon then gives 7/20 of its energy to e+- */
  const double pi_share = (mpi * mpi + mmu * mmu) / (2.0 * mpi * mpi) * FB_MICHEL_MEAN_EFRAC;
  const double pion_mix = (1.0 + 2.0 * pi_share) / 3.0; /* isospin-symmetric pi0 : pi+ : pi- = 1 : 1 : 1 */
  switch (cl) {
  case FB_DC_PHOTON:
  case FB_DC_ELECTRON:
  case FB_DC_PI0:
    return 1.0;
  case FB_DC_MUON:
    return FB_MICHEL_MEAN_EFRAC;
  case FB_DC_PI_CHARGED:
    return pi_share;
  case FB_DC_KAON:
  case FB_DC_OTHER_HADRONS:
    return pion_mix;
  case FB_DC_TAU:
    return 0.5 * pion_mix;
  default:
    return 0.0; /* nucleons, neutrinos, invisible */
  }
}

double fb_cmb_f_em_from_decay(const fb_decay *d) {
  double f = 0.0;
  for (int cl = 0; cl < FB_N_DECAY_CLASSES; cl++) f += fb_cmb_em_share(cl) * d->efrac[cl];
  return f < 0 ? 0 : f > 1 ? 1 : f;
}

int fb_cmb_yield_from_n_over_ngamma(double n_over_ngamma, double T0_MeV, double tau_s, double *Y, fb_err *err) {
  FB_TEST(err, !(n_over_ngamma >= 0 && T0_MeV > 0 && tau_s > 0), FB_ERR_RANGE,
          "need n_over_ngamma >= 0, T0_MeV > 0, tau_s > 0 (got %g, %g, %g)", n_over_ngamma, T0_MeV, tau_s);
  fb_thermo th;
  int rc;
  FB_CALL(err, fb_thermo_init(&th, err));
  const double T_GeV = T0_MeV * 1e-3;
  double t0_s = 0.0;
  FB_CALL_GOTO(err, rc, fb_cosmo_time_s(&th, T_GeV, &t0_s, err), done);
  {
    const double ng_over_s = (2.0 * FB_ZETA3 / (FB_PI * FB_PI)) / (2.0 * FB_PI * FB_PI / 45.0 * fb_thermo_gstar_s(&th, T_GeV));
    *Y = n_over_ngamma * ng_over_s * exp(t0_s / tau_s);
  }
  rc = FB_OK;
done:
  fb_thermo_free(&th);
  return rc;
}

int fb_cmb_fip_tau_f_em(const char *model, double mass_GeV, double coupling, double *tau_s, double *f_em, fb_err *err) {
  const fb_fip_ops *ops = fb_fip_find(model, NULL);
  FB_TEST(err, !ops, FB_ERR_INPUT, "unknown particle model '%s'", model ? model : "(null)");
  FB_TEST(err, !ops->decay, FB_ERR_INPUT, "model %s has no decays", ops->name);
  FB_CALL(err, fb_fip_check_point(ops, mass_GeV, coupling, err));
  fb_config cfg;
  void *state = NULL;
  fb_decay d;
  int rc;
  FB_CALL(err, fb_fip_config_default(ops, &cfg, err));
  if (ops->init) FB_CALL_GOTO(err, rc, ops->init(&state, &cfg, err), done);
  FB_CALL_GOTO(err, rc, ops->decay(state, mass_GeV, coupling, &d, err), done);
  *tau_s = d.tau_s;
  *f_em = fb_cmb_f_em_from_decay(&d);
  rc = FB_OK;
done:
  if (state && ops->free) ops->free(state);
  fb_config_free(&cfg);
  return rc;
}
