/**
 * @file fb_cmb_xe.c
 * @brief Hydrogen recombination history and the linear response of the ionisation fraction to
 *        energy deposited on the spot: the recombination-window anisotropy bound (fb_cmb.h).
 *
 * Background (no injection): Saha equilibrium while x_H > FB_CMB_XE_SAHA_SWITCH, then the Peebles
 * three-level atom with the RECFAST fudge (Peebles 1968, ApJ 153, 1; Seager, Sasselov & Scott
 * astro-ph/9909275 eq. 1):
 *   dx/dt = -C [alpha_B n_H x^2 - beta_B (1-x) exp(-E_alpha/kT)],
 *   C = (1 + K Lambda_2s1s n_H (1-x)) / (1 + K (Lambda_2s1s + beta_B) n_H (1-x)), K = lambda_alpha^3/(8 pi H),
 *   alpha_B = F 1e-13 a t^b/(1 + c t^d) cm^3/s (t = T/1e4 K; Pequignot, Petitjean & Boisson 1991),
 *   beta_B = alpha_B (m_e kT/(2 pi hbar^2))^{3/2} exp(-E_ion/(4 kT)),
 * with T_matter = T_radiation (Compton coupling, z > 200) and the electrons of hydrogen only
 * (helium is neutral below the start redshift; its electrons are neglected).
 * Injection (Chen & Kamionkowski astro-ph/0310473 eqs. 2-4; CLASS chi_type = CK_2004): a deposited
 * power density eps adds to dx/dt the ionisation rate
 *   I = eps [chi_i/(n_H E_ion) + (1 - C) chi_alpha/(n_H E_alpha)],  chi_i = chi_alpha = (1 - x)/3
 * (or chi_i, chi_alpha interpolated linearly in x_e in the table of Galli et al. arXiv:1306.0563).
 * For a small eps the change Delta x obeys, in L = ln(1+z) (decreasing with time),
 *   dDelta x/dL = J(L) Delta x - I/H,   J = d(dx/dL)/dx on the background,
 * integrated here with an exponential (exact for piecewise-constant J and source) step.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_cmb.h"
#include "fb_constants.h"
#include "fb_ode.h"

/* Atomic rates in cgs (cm, s, eV, K). */
typedef struct xe_bg {
  const fb_cmb *c;
  double nH0_cm3; /**< hydrogen number density today */
} xe_bg;

static double alpha_B_cm3_s(double T_K) {
  const double t = T_K / 1.0e4;
  return FB_RECFAST_FUDGE * 1.0e-13 * FB_ALPHA_B_A * pow(t, FB_ALPHA_B_B) / (1.0 + FB_ALPHA_B_C * pow(t, FB_ALPHA_B_D));
}

/* (m_e kT / (2 pi hbar^2))^{3/2} [cm^-3] */
static double thermal_density_cm3(double T_K) {
  const double kT_eV = FB_KB_EV_K * T_K, hbarc_eV_cm = FB_HBARC_GEV_CM * 1e9, me_eV = FB_ME_GEV * 1e9;
  return pow(me_eV * kT_eV / (2.0 * FB_PI * hbarc_eV_cm * hbarc_eV_cm), 1.5);
}

/* Peebles C factor. */
static double peebles_C(const xe_bg *b, double z, double x) {
  const double T = b->c->par.T0_K * (1.0 + z), kT = FB_KB_EV_K * T;
  const double nH = b->nH0_cm3 * pow(1.0 + z, 3);
  const double beta = alpha_B_cm3_s(T) * thermal_density_cm3(T) * exp(-0.25 * FB_E_ION_H_EV / kT);
  const double K = pow(FB_LYA_WAVELENGTH_CM, 3) / (8.0 * FB_PI * fb_cmb_hubble_inv_s(b->c, z));
  const double n1s = nH * fmax(1.0 - x, 0.0);
  return (1.0 + K * FB_LAMBDA_2S1S_S * n1s) / (1.0 + K * (FB_LAMBDA_2S1S_S + beta) * n1s);
}

/* dx/dL, L = ln(1+z), of the background (positive: x grows with z). */
static double dx_dL(const xe_bg *b, double z, double x) {
  const double T = b->c->par.T0_K * (1.0 + z), kT = FB_KB_EV_K * T;
  const double nH = b->nH0_cm3 * pow(1.0 + z, 3), a = alpha_B_cm3_s(T);
  /* beta_B exp(-E_alpha/kT) = alpha_B n_th exp(-E_ion/(4kT) - 3 E_ion/(4kT)) = alpha_B n_th exp(-E_ion/kT) */
  const double beta_lya = a * thermal_density_cm3(T) * exp(-FB_E_ION_H_EV / kT);
  const double rate = peebles_C(b, z, x) * (a * nH * x * x - beta_lya * (1.0 - x));
  return rate / fb_cmb_hubble_inv_s(b->c, z);
}

/* Saha: x^2/(1-x) = n_th exp(-E_ion/kT)/n_H. */
static double saha_x(const xe_bg *b, double z) {
  const double T = b->c->par.T0_K * (1.0 + z);
  const double s = thermal_density_cm3(T) * exp(-FB_E_ION_H_EV / (FB_KB_EV_K * T)) / (b->nH0_cm3 * pow(1.0 + z, 3));
  return 0.5 * (sqrt(s * s + 4.0 * s) - s);
}

static int bg_rhs(double L, const double *y, double *dydL, void *user) {
  const xe_bg *b = user;
  dydL[0] = dx_dL(b, expm1(L), y[0]);
  return 0;
}

int fb_cmb_xe_init(fb_cmb_xe *xe, const fb_cmb *c, double z_lo, fb_err *err) {
  memset(xe, 0, sizeof *xe);
  FB_TEST(err, !(z_lo >= 100.0 && z_lo <= 1200.0), FB_ERR_INPUT, "recombination grid: z_lo = %g must be in [100, 1200]",
          z_lo);
  xe_bg b = {c, 0.0};
  const double rho_b0 = c->par.omega_b_h2 * FB_RHO_CRIT_H2_GEV_CM3;
  b.nH0_cm3 = (1.0 - FB_YHE_MASS_FRACTION) * rho_b0 / FB_MP_GEV;
  xe->nH0_cm3 = b.nH0_cm3;
  /* start of the three-level atom: Saha x = FB_CMB_XE_SAHA_SWITCH (bisection in ln(1+z)) */
  double lo = log(1.0 + 1000.0), hi = log(1.0 + 3000.0);
  for (int it = 0; it < 100; it++) {
    const double mid = 0.5 * (lo + hi);
    if (saha_x(&b, expm1(mid)) > FB_CMB_XE_SAHA_SWITCH) hi = mid;
    else lo = mid;
  }
  const double L_start = 0.5 * (lo + hi), L_lo = log1p(z_lo);
  FB_TEST(err, !(L_start > L_lo), FB_ERR_INPUT, "z_lo = %g above the start of recombination", z_lo);
  const size_t n = (size_t)ceil((L_start - L_lo) / FB_CMB_XE_DL) + 1;
  xe->n = n;
  xe->L = malloc(n * sizeof *xe->L);
  xe->x = malloc(n * sizeof *xe->x);
  xe->J = malloc(n * sizeof *xe->J);
  xe->src = malloc(n * sizeof *xe->src);
  xe->t_s = malloc(n * sizeof *xe->t_s);
  xe->g = malloc(n * sizeof *xe->g);
  xe->step_decay = malloc(n * sizeof *xe->step_decay);
  xe->step_gain = malloc(n * sizeof *xe->step_gain);
  FB_TEST(err, !xe->L || !xe->x || !xe->J || !xe->src || !xe->t_s || !xe->g || !xe->step_decay || !xe->step_gain, FB_ERR_MEMORY,
          "cannot allocate the recombination grid (%zu points)", n);
  /* grid ascending in L: L[0] = L_lo ... L[n-1] = L_start */
  for (size_t i = 0; i < n; i++) xe->L[i] = L_lo + (L_start - L_lo) * (double)i / (double)(n - 1);
  xe->x[n - 1] = saha_x(&b, expm1(L_start));
  fb_ode_options opt;
  fb_ode_options_default(&opt);
  opt.rtol = 1e-8;
  opt.atol = 1e-12;
  opt.max_steps = 100000;
  fb_ode ode;
  int rc;
  FB_CALL(err, fb_ode_init(&ode, 1, bg_rhs, NULL, &b, &opt, err));
  {
    double y0 = xe->x[n - 1];
    FB_CALL_GOTO(err, rc, fb_ode_reset(&ode, L_start, &y0, err), done);
    for (size_t k = n - 1; k-- > 0;) FB_CALL_GOTO(err, rc, fb_ode_solve(&ode, xe->L[k], &xe->x[k], err), done);
  }
  /* Jacobian J = d(dx/dL)/dx (central difference), ionisation source per unit power density
   * src = [chi_i/E_ion + (1-C) chi_alpha/E_alpha]/(n_H H) [eV^-1 cm^3] (Delta x source per unit deposited
   * power density in eV cm^-3 s^-1), and the cosmic time */
  for (size_t i = 0; i < n; i++) {
    const double z = expm1(xe->L[i]), x = xe->x[i], h = 1e-6 * fmax(fmin(x, 1.0 - x), 1e-6);
    xe->J[i] = (dx_dL(&b, z, x + h) - dx_dL(&b, z, x - h)) / (2.0 * h);
    const double nH = b.nH0_cm3 * pow(1.0 + z, 3), H = fb_cmb_hubble_inv_s(c, z);
    double chi_i, chi_a;
    fb_cmb_chi_fractions(c->par.chi, x, &chi_i, &chi_a);
    const double C = peebles_C(&b, z, x);
    xe->src[i] = (chi_i / FB_E_ION_H_EV + (1.0 - C) * chi_a / (0.75 * FB_E_ION_H_EV)) / (nH * H);
    xe->t_s[i] = fb_cmb_time_s(c, z);
  }
  /* the exact step of the response from L[k+1] down to L[k] (fb_cmb_xe_response) */
  for (size_t k = 0; k + 1 < n; k++) {
    const double dL = xe->L[k + 1] - xe->L[k], Jm = 0.5 * (xe->J[k] + xe->J[k + 1]);
    xe->step_decay[k] = exp(-Jm * dL);
    xe->step_gain[k] = fabs(Jm * dL) > 1e-8 ? -expm1(-Jm * dL) / Jm : dL;
  }
  xe->step_decay[n - 1] = xe->step_gain[n - 1] = 0.0;
  /* visibility g = exp(-tau) dtau/dL, tau counted from z_lo (a constant offset: only the shape of g is used) */
  {
    double t_acc = 0.0, prev = 0.0;
    for (size_t i = 0; i < n; i++) {
      const double z = expm1(xe->L[i]);
      const double dtau = b.nH0_cm3 * pow(1.0 + z, 3) * xe->x[i] * FB_SIGMA_THOMSON_CM2 * FB_C_CM_S / fb_cmb_hubble_inv_s(c, z);
      if (i > 0) t_acc += 0.5 * (dtau + prev) * (xe->L[i] - xe->L[i - 1]);
      prev = dtau;
      xe->g[i] = dtau * exp(-t_acc);
      if (xe->g[i] > xe->g[xe->i_star]) xe->i_star = i;
    }
  }
  rc = FB_OK;
done:
  fb_ode_free(&ode);
  if (rc != FB_OK) fb_cmb_xe_free(xe);
  return rc;
}

/* Galli, Slatyer, Valdes & Iocco arXiv:1306.0563: fractions of the deposited energy going into
 * hydrogen ionisation and Lyman-alpha excitation vs x_e (their published table, as distributed with
 * CLASS v3 in external/heating/Galli_et_al_2013.dat; columns x_e, chi_lya, chi_ionH here). */
static const double galli_x[] = {0.0, 1e-4, 3e-4, 5e-4, 1e-3, 3e-3, 5e-3, 0.01, 0.03, 0.05, 0.1, 0.3, 0.5, 0.8, 0.9, 0.99, 1.1};
static const double galli_lya[] = {0.323526, 0.323526, 0.308840, 0.302591, 0.291280, 0.269481, 0.256105, 0.238304, 0.192119,
                                   0.165741, 0.121705, 0.052273, 0.026168, 0.007178, 0.003234, 0.000290, 0.0};
static const double galli_ion[] = {0.350798, 0.350798, 0.349058, 0.345508, 0.341822, 0.327298, 0.316798, 0.301893, 0.255925,
                                   0.228453, 0.175739, 0.083885, 0.043901, 0.013518, 0.006406, 0.001700, 0.0};

int fb_cmb_chi_from_name(const char *name, fb_cmb_chi *out, fb_err *err) {
  if (name && !strcmp(name, "ck2004")) *out = FB_CMB_CHI_CK2004;
  else if (name && !strcmp(name, "galli2013")) *out = FB_CMB_CHI_GALLI2013;
  else FB_FAIL(err, FB_ERR_INPUT, "chi_type = '%s': allowed ck2004|galli2013", name ? name : "(null)");
  return FB_OK;
}

void fb_cmb_chi_fractions(fb_cmb_chi chi, double x, double *chi_ion, double *chi_alpha) {
  if (chi == FB_CMB_CHI_CK2004) { /* Chen & Kamionkowski astro-ph/0310473 */
    *chi_ion = *chi_alpha = x < 1.0 ? (1.0 - x) / 3.0 : 0.0;
    return;
  }
  const size_t n = sizeof galli_x / sizeof galli_x[0];
  size_t k = 0;
  if (!(x > galli_x[0])) x = galli_x[0];
  if (x >= galli_x[n - 1]) x = galli_x[n - 1];
  while (k + 2 < n && x > galli_x[k + 1]) k++;
  const double w = (x - galli_x[k]) / (galli_x[k + 1] - galli_x[k]); /* linear in x_e */
  *chi_ion = (1.0 - w) * galli_ion[k] + w * galli_ion[k + 1];
  *chi_alpha = (1.0 - w) * galli_lya[k] + w * galli_lya[k + 1];
}

void fb_cmb_xe_free(fb_cmb_xe *xe) {
  if (!xe) return;
  free(xe->L);
  free(xe->x);
  free(xe->J);
  free(xe->src);
  free(xe->t_s);
  free(xe->g);
  free(xe->step_decay);
  free(xe->step_gain);
  memset(xe, 0, sizeof *xe);
}

void fb_cmb_xe_response(const fb_cmb_xe *xe, const double *eps_eV_cm3_s, size_t k_min, double *dx) {
  const size_t n = xe->n;
  /* from the top (start of recombination, Delta x = 0: Saha equilibrium restored) down in L to k_min:
   * dDelta x/d(-L) = -J Delta x + s, exact step for J and s constant over the step (midpoint values;
   * e^{-J dL} and (1 - e^{-J dL})/J precomputed in fb_cmb_xe_init) */
  dx[n - 1] = 0.0;
  for (size_t k = n - 1; k-- > k_min;) {
    const double s = 0.5 * (xe->src[k] * eps_eV_cm3_s[k] + xe->src[k + 1] * eps_eV_cm3_s[k + 1]);
    dx[k] = dx[k + 1] * xe->step_decay[k] + s * xe->step_gain[k];
  }
}
