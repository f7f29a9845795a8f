/**
 * @file fb_cmb_dep.c
 * @brief Delayed, energy-dependent deposition of injected photons after the Saha era (model, citations
 *        and approximations in fb_cmb_dep.h).
 */
#include "fb_cmb_dep.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_cmb.h"
#include "fb_constants.h"

#define ME_EV (FB_ME_GEV * 1e9)
#define T_MIN_EV 11.0       /* below: the electron heats the gas (f_e = 1) */
#define T_MAX_EV 1.0e13     /* top of the electron table */
#define LNK_MIN (-13.815510557964274) /* ln 1e-6 */
#define LNK_MAX 13.815510557964274
#define U_STOP 1e-7         /* a photon is dropped when P E/E0 falls below this */
#define DLNE_MAX 0.1       /* largest relative energy change per step */

/* ------------------------------------------------------------------ cross sections */

double fb_cmb_sigma_kn_cm2(double k) {
  /* Klein-Nishina (e.g. Rybicki & Lightman eq. 7.5): sigma = 2 pi r_e^2 {(1+k)/k^2 [2(1+k)/(1+2k) - ln(1+2k)/k]
   * + ln(1+2k)/(2k) - (1+3k)/(1+2k)^2}; series 1 - 2k + 26k^2/5 (times sigma_T) below k = 1e-3 */
  if (k < 1e-3) return FB_SIGMA_THOMSON_CM2 * (1.0 - 2.0 * k + 5.2 * k * k);
  const double l = log1p(2.0 * k), q = 1.0 + 2.0 * k;
  return 2.0 * FB_PI * FB_R_E_CM * FB_R_E_CM *
         ((1.0 + k) / (k * k) * (2.0 * (1.0 + k) / q - l / k) + l / (2.0 * k) - (1.0 + 3.0 * k) / (q * q));
}

/* dsigma/d ln(eps) of Compton scattering, eps = E'/E = 1/(1 + k (1 - cos theta)) (Klein-Nishina):
 * dsigma/deps = (pi r_e^2/k) (eps + 1/eps - sin^2 theta) (units r_e^2 = 1 here). */
static double kn_dsig_dlneps(double k, double lneps) {
  const double eps = exp(lneps), c = 1.0 - expm1(-lneps) / k;
  return FB_PI / k * (eps + 1.0 / eps - (1.0 - c * c)) * eps;
}

double fb_cmb_kn_mean_loss(double k) {
  if (!(k > 0)) return 0.0;
  const double a = -log1p(2.0 * k);
  const int n = 400; /* Simpson, even */
  double s0 = 0.0, s1 = 0.0;
  for (int i = 0; i <= n; i++) {
    const double x = a * (1.0 - (double)i / n), f = kn_dsig_dlneps(k, x);
    const double w = (i == 0 || i == n) ? 1.0 : (i % 2 ? 4.0 : 2.0);
    s0 += w * f;
    s1 += w * f * (-expm1(x));
  }
  return s1 / s0;
}

/* Verner, Ferland, Korista & Yakovlev astro-ph/9601009 (ApJ 465, 487) Table 1, ground shells:
 * sigma = sigma0 F(y) [Mb], x = E/E0 - y0, y = sqrt(x^2 + y1^2),
 * F = [(x - 1)^2 + yw^2] y^{0.5 P - 5.5} (1 + sqrt(y/ya))^{-P}. Columns E_th, E0, sigma0, ya, P, yw, y0, y1. */
static const double verner[3][8] = {
    {FB_E_ION_H_EV, 4.298e-1, 5.475e4, 3.288e1, 2.963, 0.0, 0.0, 0.0},          /* H I */
    {FB_E_ION_HEI_EV, 1.361e1, 9.492e2, 1.469, 3.188, 2.039, 4.434e-1, 2.136}, /* He I */
    {FB_E_ION_HEII_EV, 1.720, 1.369e4, 3.288e1, 2.963, 0.0, 0.0, 0.0}};        /* He II */

double fb_cmb_sigma_photoion_cm2(int species, double E_eV) {
  if (species < 0 || species > 2) return 0.0;
  const double *v = verner[species];
  if (!(E_eV >= v[0])) return 0.0;
  const double x = E_eV / v[1] - v[6], y = sqrt(x * x + v[7] * v[7]);
  const double F = ((x - 1.0) * (x - 1.0) + v[5] * v[5]) * pow(y, 0.5 * v[4] - 5.5) * pow(1.0 + sqrt(y / v[3]), -v[4]);
  return 1e-18 * v[2] * F;
}

double fb_cmb_sigma_hydrogenic_cm2(double Z, double E_eV) {
  /* exact non-relativistic ground state (e.g. Osterbrock & Ferland, Astrophysics of Gaseous Nebulae, ch. 2):
   * sigma = (2^9 pi^2 alpha a0^2/(3 e^4 Z^2)) (E_th/E)^4 exp(4 - 4 eta atan(1/eta))/(1 - exp(-2 pi eta)),
   * eta = (E/E_th - 1)^{-1/2}, E_th = Z^2 Ry (6.30e-18 cm^2 at threshold for Z = 1) */
  const double Eth = Z * Z * FB_E_ION_H_EV;
  if (!(E_eV > Eth)) return 0.0;
  const double a0 = FB_HBAR_GEV_S * FB_C_CM_S / (FB_ALPHA_EM * FB_ME_GEV);
  const double s_th = 512.0 * FB_PI * FB_PI / 3.0 * FB_ALPHA_EM * a0 * a0 / (Z * Z);
  const double eta = 1.0 / sqrt(E_eV / Eth - 1.0), r = Eth / E_eV;
  return s_th * r * r * r * r * exp(-4.0 * eta * atan(1.0 / eta)) / -expm1(-2.0 * FB_PI * eta);
}

double fb_cmb_sigma_bh_cm2(double Z, double k) {
  /* Motz, Olsen & Koch, Rev. Mod. Phys. 41, 581 (1969): near threshold Maximon's leading term
   * (2 pi/3) alpha r_e^2 Z^2 ((k-2)/k)^3 (Maximon 1968); extreme relativistic, no screening (Bethe-Heitler)
   * alpha r_e^2 Z^2 [(28/9) ln 2k - 218/27]; capped by complete screening
   * alpha r_e^2 Z^2 (28/9) [ln(183 Z^{-1/3}) - 1/42]. The larger of the first two, capped. */
  if (!(k > 2.0)) return 0.0;
  const double pre = FB_ALPHA_EM * FB_R_E_CM * FB_R_E_CM * Z * Z, r = (k - 2.0) / k;
  const double thr = 2.0 * FB_PI / 3.0 * r * r * r, hi = 28.0 / 9.0 * log(2.0 * k) - 218.0 / 27.0;
  const double scr = 28.0 / 9.0 * (log(183.0 * pow(Z, -1.0 / 3.0)) - 1.0 / 42.0);
  return pre * fmin(fmax(thr, hi), scr);
}

/* ------------------------------------------------------------------ electrons */

static double lnT_at(int i) { return log(T_MIN_EV) + (log(T_MAX_EV) - log(T_MIN_EV)) * i / (FB_CMB_DEP_NT - 1); }

/* share of an electron's energy loss at kinetic energy T that goes into the gas at node k (fb_cmb_dep.h); the ICS
 * share above 13.6 eV per photon bin into vec (if not NULL) */
static double electron_gas_share(const fb_cmb_dep *d, size_t k, double T, double *vec) {
  const double g = 1.0 + T / ME_EV, b2 = 1.0 - 1.0 / (g * g), beta = sqrt(b2);
  const double pre = 4.0 * FB_PI * FB_R_E_CM * FB_R_E_CM * ME_EV * FB_C_CM_S / beta; /* eV cm^3/s */
  const double nH = d->nH[k], nHe = d->f_He * nH, q = 2.0 * ME_EV * b2 * g * g;
  double bound = d->xHI[k] * nH * fmax(log(q / FB_I_EXC_H_EV) - b2, 0.0);
  if (d->he_state[k] == 0) bound += 2.0 * nHe * fmax(log(q / FB_I_EXC_HE_EV) - b2, 0.0);
  else if (d->he_state[k] == 1) bound += nHe * fmax(log(q / (4.0 * FB_I_EXC_H_EV)) - b2, 0.0); /* hydrogenic He+ */
  const double ne = d->ne_free[k];
  const double coul = ne > 0 ? ne * fmax(log(4.0 * T / (FB_ZETA_E_COULOMB_EV * sqrt(ne))), 0.0) : 0.0;
  const double b_gas = pre * (bound + coul);
  /* Thomson loss times the Klein-Nishina factor (fb_cmb_kn_ics_F, branch secphot2; 1 below 4 gamma T_CMB/m_e = 1e-3) */
  const double b_ics = 4.0 / 3.0 * FB_SIGMA_THOMSON_CM2 * FB_C_CM_S * b2 * g * g * d->u_cmb_eV[k] *
                       fb_cmb_kn_F(d, 4.0 * g * d->T_cmb0_eV * (1.0 + d->z[k]) / ME_EV);
  /* the ICS photons in the Lyman band [10.2, 13.6) eV are absorbed (excitation, or a Lyman line after
   * redshifting); those above 13.6 eV are secondary photons (vec); below 10.2 eV lost to the spectrum */
  const double r_ics = b_ics / (b_gas + b_ics);
  double sh[FB_CMB_DEP_NG_MAX] = {0};
  const double w_lya = fb_cmb_ics_shares(d, k, g, vec ? sh : NULL);
  if (vec)
    for (int q = 0; q < d->ng; q++) vec[q] = r_ics * sh[q];
  return (b_gas + w_lya * b_ics) / (b_gas + b_ics);
}

double fb_cmb_dep_electron_out(const fb_cmb_dep *d, size_t k, double T_eV, double w, double *vec) {
  if (!(w > 0)) return 0.0;
  if (!(T_eV > T_MIN_EV)) return w;
  const double *F = d->Fe + k * FB_CMB_DEP_NT;
  const double u = (log(T_eV) - log(T_MIN_EV)) * ((FB_CMB_DEP_NT - 1) / (log(T_MAX_EV) - log(T_MIN_EV)));
  int i = (int)u;
  double wt = 1.0;
  if (i >= FB_CMB_DEP_NT - 1) i = FB_CMB_DEP_NT - 2;
  else wt = (T_eV - d->Tg[i]) / (d->Tg[i + 1] - d->Tg[i]); /* F, Y linear in T */
  const double c = w / T_eV;
  if (vec) {
    const int ng = d->ng, qn = d->Fy_top[i + 1] + 1; /* both rows are zero above bin Fy_top[i + 1] */
    const double *Y0 = d->Fy + (k * FB_CMB_DEP_NT + i) * (size_t)ng, *Y1 = Y0 + ng;
    for (int q = 0; q < qn; q++) vec[q] += c * ((1.0 - wt) * Y0[q] + wt * Y1[q]);
  }
  return w * fmin(((1.0 - wt) * F[i] + wt * F[i + 1]) / T_eV, 1.0);
}

double fb_cmb_dep_compton_out(const fb_cmb_dep *d, size_t k, double E_eV, double eta, double w, double *vec) {
  /* the recoil electrons' energy spread: the energy share of recoils in ln eps (eps = E'/E in [1/(1+2k), 1]) is
   * dsigma/dln eps (1 - eps) (Klein-Nishina), on FB_CMB_DEP_NQ midpoint cells; one electron of the mean recoil
   * eta E below k = 0.01 (recoils of < 1 % of E, where the spread does not matter) */
  const double kk = E_eV / ME_EV;
  if (!(w > 0)) return 0.0;
  if (kk < 0.01) return fb_cmb_dep_electron_out(d, k, eta * E_eV, w, vec);
  const double a = -log1p(2.0 * kk);
  double wt[FB_CMB_DEP_NQ], T[FB_CMB_DEP_NQ], sw = 0.0, dep = 0.0;
  for (int i = 0; i < FB_CMB_DEP_NQ; i++) {
    const double x = a * (1.0 - (i + 0.5) / FB_CMB_DEP_NQ), one_m = -expm1(x);
    wt[i] = kn_dsig_dlneps(kk, x) * one_m;
    T[i] = E_eV * one_m;
    sw += wt[i];
  }
  for (int i = 0; i < FB_CMB_DEP_NQ; i++) dep += fb_cmb_dep_electron_out(d, k, T[i], w * wt[i] / sw, vec);
  return dep;
}

double fb_cmb_dep_electron_fraction(const fb_cmb_dep *d, size_t k, double T_eV) {
  return fb_cmb_dep_electron_out(d, k, T_eV, 1.0, NULL);
}

/* ------------------------------------------------------------------ nodes */

size_t fb_cmb_dep_node(const fb_cmb_dep *d, double z) {
  const double u = (log1p(z) - d->L_lo) / d->h + 0.5;
  if (u <= 0) return 0;
  const size_t k = (size_t)u;
  return k < d->n ? k : d->n - 1;
}

int fb_cmb_dep_init(fb_cmb_dep *d, const fb_cmb *c, fb_err *err) {
  memset(d, 0, sizeof *d);
  const fb_cmb_xe *xe = &c->xe;
  FB_TEST(err, !(xe->n > 1 && xe->L && xe->x), FB_ERR_INPUT, "deposition kernel: the recombination grid is not set up");
  d->h = FB_CMB_DEP_DL;
  d->L_lo = xe->L[0];
  d->n = (size_t)ceil((log1p(FB_CMB_DEP_Z_TOP) - d->L_lo) / d->h) + 1;
  FB_CALL(err, fb_cmb_dep_grid_setup(d, c->par.dep_grid, err));
  const size_t n = d->n, ng = (size_t)d->ng;
  d->z = malloc(n * sizeof *d->z);
  d->H_s = malloc(n * sizeof *d->H_s);
  d->t_s = malloc(n * sizeof *d->t_s);
  d->nH = malloc(n * sizeof *d->nH);
  d->xHI = malloc(n * sizeof *d->xHI);
  d->ne_free = malloc(n * sizeof *d->ne_free);
  d->he_state = malloc(n * sizeof *d->he_state);
  d->u_cmb_eV = malloc(n * sizeof *d->u_cmb_eV);
  d->Fe = malloc(n * FB_CMB_DEP_NT * sizeof *d->Fe);
  d->D = malloc(n * n * sizeof *d->D);
  d->Fy = malloc(n * FB_CMB_DEP_NT * ng * sizeof *d->Fy);
  d->M = malloc(n * ng * ng * sizeof *d->M);
  d->depg = malloc(n * ng * sizeof *d->depg);
  d->src = calloc(n * ng, sizeof *d->src);
  d->eps = malloc(n * sizeof *d->eps);
  d->q = malloc(n * sizeof *d->q);
  if (!d->z || !d->H_s || !d->t_s || !d->nH || !d->xHI || !d->ne_free || !d->he_state || !d->u_cmb_eV || !d->Fe ||
      !d->D || !d->eps || !d->q || !d->Fy || !d->M || !d->depg || !d->src) {
    fb_cmb_dep_free(d);
    FB_FAIL(err, FB_ERR_MEMORY, "cannot allocate the deposition kernel (%zu nodes)", n);
  }
  for (int i = 0; i < FB_CMB_DEP_NT; i++) {
    d->Tg[i] = exp(lnT_at(i));
    /* an electron's ICS photons lie at or below the bin of its kinetic energy (fb_cmb_ics_shares), and the bin of
     * the T grid's energies grows with i: the rows of Fy up to node i are zero above this bin */
    const int gT = fb_cmb_casc_bin(d, d->Tg[i]);
    d->Fy_top[i] = gT < 0 ? 0 : gT;
  }
  d->f_He = FB_YHE_MASS_FRACTION / (FB_MHE_OVER_MH * (1.0 - FB_YHE_MASS_FRACTION));
  d->T_cmb0_eV = c->par.T0_K * FB_KB_EV_K;
  fb_cmb_ics_table(d);
  if (fb_cmb_gg_table(d, err) != FB_OK || fb_cmb_kn_ics_table(d, err) != FB_OK) {
    fb_cmb_dep_free(d);
    return err->code;
  }
  const double L_top_xe = xe->L[xe->n - 1], dLxe = xe->L[1] - xe->L[0];
  for (size_t k = 0; k < n; k++) {
    const double L = d->L_lo + d->h * (double)k, z = expm1(L);
    d->z[k] = z;
    d->H_s[k] = fb_cmb_hubble_inv_s(c, z);
    d->t_s[k] = fb_cmb_time_s(c, z);
    d->nH[k] = xe->nH0_cm3 * exp(3.0 * L);
    double x = 1.0; /* hydrogen ionised above the Saha start */
    if (L <= L_top_xe) {
      const double u = (L - xe->L[0]) / dLxe;
      size_t i = u > 0 ? (size_t)u : 0;
      if (i >= xe->n - 1) i = xe->n - 2;
      const double w = u - (double)i;
      x = (1.0 - w) * xe->x[i] + w * xe->x[i + 1];
    }
    x = fmin(fmax(x, 0.0), 1.0);
    d->xHI[k] = 1.0 - x;
    d->he_state[k] = L <= L_top_xe ? 0 : z < FB_CMB_DEP_Z_HEIII ? 1 : 2;
    d->ne_free[k] = d->nH[k] * (x + d->f_He * d->he_state[k]);
    d->u_cmb_eV[k] = 1e9 * c->rho_gamma0_GeV_cm3 * pow(1.0 + z, 4);
    /* F(T) = T_MIN + int_{T_MIN}^T r dT' */
    double *F = d->Fe + k * FB_CMB_DEP_NT, *Y = d->Fy + k * FB_CMB_DEP_NT * ng;
    double y_prev[FB_CMB_DEP_NG_MAX], y_cur[FB_CMB_DEP_NG_MAX];
    F[0] = T_MIN_EV;
    memset(Y, 0, ng * sizeof *Y);
    double r_prev = electron_gas_share(d, k, T_MIN_EV, y_prev);
    for (int i = 1; i < FB_CMB_DEP_NT; i++) {
      const double T0 = exp(lnT_at(i - 1)), T1 = exp(lnT_at(i)), r = electron_gas_share(d, k, T1, y_cur);
      F[i] = F[i - 1] + 0.5 * (r_prev + r) * (T1 - T0); /* trapezoid in T: exact for constant r (f_e <= 1) */
      for (size_t q = 0; q < ng; q++)
        Y[i * ng + q] = Y[(i - 1) * ng + q] + 0.5 * (y_prev[q] + y_cur[q]) * (T1 - T0);
      r_prev = r;
      memcpy(y_prev, y_cur, ng * sizeof *y_prev);
    }
  }
  for (int i = 0; i < FB_CMB_DEP_NK; i++)
    d->kn_eta[i] = fb_cmb_kn_mean_loss(exp(LNK_MIN + (LNK_MAX - LNK_MIN) * i / (FB_CMB_DEP_NK - 1)));
  fb_cmb_kn_table(d);
  if (fb_cmb_dep_tracks_setup(d, !c->par.dep_no_tracks, err) != FB_OK) {
    fb_cmb_dep_free(d);
    return err->code;
  }
  fb_cmb_casc_build(d);
  return FB_OK;
}

void fb_cmb_dep_free(fb_cmb_dep *d) {
  if (!d) return;
  free(d->z);
  free(d->H_s);
  free(d->t_s);
  free(d->nH);
  free(d->xHI);
  free(d->ne_free);
  free(d->he_state);
  free(d->u_cmb_eV);
  free(d->Fe);
  free(d->D);
  free(d->Fy);
  free(d->M);
  free(d->depg);
  free(d->src);
  free(d->eps);
  free(d->q);
  free(d->kn_C);
  free(d->Ktrk);
  free(d->trk_lo);
  free(d->trk_out);
  free(d->trk_w);
  free(d->pend);
  free(d->D_ann);
  for (int i = 0; i < d->n_cache; i++) free(d->cache_D[i]);
  memset(d, 0, sizeof *d);
}

static double kn_eta(const fb_cmb_dep *d, double k) {
  if (k <= exp(LNK_MIN)) return k; /* Thomson limit: <1 - E'/E> = k <1 - cos theta> = k */
  /* since branch compton the closed form 1 - sigma_s/sigma_KN above k = 0.01 (Evans' scattered-energy cross section,
   * fb_cmb_compton.c; the table's linear interpolation was off by up to 6e-4 there), the table below */
  if (k >= 1e-2) return 1.0 - fb_cmb_kn_sigma_scat_cm2(k) / fb_cmb_sigma_kn_cm2(k);
  const double u = (log(k) - LNK_MIN) / (LNK_MAX - LNK_MIN) * (FB_CMB_DEP_NK - 1);
  if (u >= FB_CMB_DEP_NK - 1) return d->kn_eta[FB_CMB_DEP_NK - 1];
  const int i = (int)u;
  const double w = u - i;
  return (1.0 - w) * d->kn_eta[i] + w * d->kn_eta[i + 1];
}

/* rates per unit s = -ln(1+z) at node k for a photon of energy E [eV] */
void fb_cmb_dep_photon_rates(const fb_cmb_dep *d, size_t k, double E, fb_cmb_dep_rates *r) {
  const double cH = FB_C_CM_S / d->H_s[k], nH = d->nH[k], nHe = d->f_He * nH;
  const double nHI = d->xHI[k] * nH, nHeI = d->he_state[k] == 0 ? nHe : 0.0, nHeII = d->he_state[k] == 1 ? nHe : 0.0;
  r->a_pi[0] = cH * nHI * fb_cmb_sigma_photoion_cm2(0, E);
  r->a_pi[1] = cH * nHeI * fb_cmb_sigma_photoion_cm2(1, E);
  r->a_pi[2] = cH * nHeII * fb_cmb_sigma_photoion_cm2(2, E);
  const double kk = E / ME_EV;
  r->eta = kn_eta(d, kk);
  r->s_c = cH * nH * (1.0 + 2.0 * d->f_He) * fb_cmb_sigma_kn_cm2(kk);
  r->b = r->s_c * r->eta;
  r->a_bh = kk > 2.0 ? cH * nH * (fb_cmb_sigma_bh_cm2(1.0, kk) + d->f_He * fb_cmb_sigma_bh_cm2(2.0, kk)) : 0.0;
  r->a_gg = d->no_gg ? 0.0 : fb_cmb_gg_rate(d, k, E);
  r->a_pp = d->no_gg ? 0.0 : fb_cmb_pp_rate_s(E, d->T_cmb0_eV * (1.0 + d->z[k])) / d->H_s[k];
  r->a = r->a_pi[0] + r->a_pi[1] + r->a_pi[2] + r->a_bh + r->a_gg + r->a_pp;
}

/* The primary march of a photon of energy E_eV carrying the energy fraction w, injected at node j: its deposits are
 * added to D[k][j], its secondary photons to src (cells k..j); returns the last cell k reached. w = 1 is the kernel of
 * fb_cmb_dep_set_energy; w < 1 scales every deposit and secondary by w (the stop u < U_STOP is taken relative to w). */
static size_t march_photon(fb_cmb_dep *d, size_t j, double E_eV, double w, double *D, double *src, size_t k_stop,
                           double *u_end, double *E_end) {
  const size_t n = d->n;
  double L = d->L_lo + d->h * (double)j, E = E_eV, u = w;
  const double u_stop = U_STOP * w;
  size_t k = j;
  while (u > u_stop && E > FB_E_ION_H_EV) {
    const double Lb = k > k_stop ? d->L_lo + d->h * ((double)k - 0.5) : d->L_lo + d->h * (double)k_stop;
    if (L - Lb <= 1e-12 * d->h) {
      if (k == k_stop) break;
      k--;
      continue;
    }
    fb_cmb_dep_rates r;
    fb_cmb_dep_photon_rates(d, k, E, &r);
    if (!d->compton_continuous && E >= FB_CMB_DEP_K_DISC * ME_EV) {
      /* discrete Compton scattering (branch compton; fb_cmb_dep.h): a scattering removes the photon from the track,
       * its recoil electron and scattered photon (Klein-Nishina kernel) go to fb_cmb_dep_scatter_out; the track only
       * redshifts */
      const double a = r.a, sc = r.s_c, g = 1.0 + a + sc, ds = fmin(L - Lb, DLNE_MAX);
      const double decay = exp(-g * ds), x = u * (1.0 - decay) / g;
      double *v = src ? src + k * d->ng : NULL;
      D[k * n + j] += fb_cmb_dep_outcome(d, k, E, &r, x * a, 0.0, v) + fb_cmb_dep_scatter_out(d, k, E, x * sc, v);
      u *= decay;
      E *= exp(-ds);
      L -= ds;
      continue;
    }
    const double a = r.a, b = r.b, g = 1.0 + a + b, ds = fmin(L - Lb, DLNE_MAX / (1.0 + b));
    const double decay = exp(-g * ds), x = u * (1.0 - decay) / g;
    D[k * n + j] += fb_cmb_dep_outcome(d, k, E, &r, x * a, x * b, src ? src + k * d->ng : NULL);
    u *= decay;
    E *= exp(-(1.0 + b) * ds);
    L -= ds;
  }
  if (u_end) *u_end = u > u_stop && E > FB_E_ION_H_EV ? u : 0.0;
  if (E_end) *E_end = E;
  return k;
}

/* Exact tracks below 51 keV (branch cmbgrid; fb_cmb_dep.h "Exact tracks below 51 keV"): a grid photon whose bin energy
 * is below FB_CMB_DEP_K_DISC m_e only loses energy continuously (redshift and Compton) and is absorbed, so its fate is
 * the primary march from that energy; one kernel per such bin and node (its secondaries, the ICS photons above 13.6 eV
 * of its photo- and Compton electrons, are not followed: test_cmb_grid measures their share). fb_cmb_casc_run hands the
 * bins' contents to these kernels instead of advecting them; after FB_CMB_DEP_TRK_CELLS cells what is left of the
 * photon goes back onto the grid at its energy (two-point split), to start a new track there. */
int fb_cmb_dep_tracks_setup(fb_cmb_dep *d, int on, fb_err *err) {
  free(d->Ktrk);
  free(d->trk_lo);
  free(d->trk_out);
  free(d->trk_w);
  free(d->pend);
  d->Ktrk = d->trk_w = d->pend = NULL;
  d->trk_lo = d->trk_out = NULL;
  d->g_trk0 = d->g_trk = 0;
  if (!on) return FB_OK;
  int g0 = 0, gt = 0;
  while (g0 < d->ng && d->gE[g0] < FB_CMB_DEP_TRK_E_MIN_EV) g0++;
  while (gt < d->ng && d->gE[gt] < FB_CMB_DEP_K_DISC * ME_EV) gt++;
  if (gt <= g0) return FB_OK;
  const size_t nb = (size_t)(gt - g0);
  const size_t n = d->n, W = FB_CMB_DEP_TRK_CELLS + 1; /* a track covers at most W cells */
  double *K = calloc(n * n, sizeof *K); /* scratch: the kernel of one bin (march_photon's layout) */
  d->Ktrk = calloc(nb * n * W, sizeof *d->Ktrk);
  d->trk_lo = calloc(nb * n, sizeof *d->trk_lo);
  d->trk_out = calloc(nb * n, sizeof *d->trk_out);
  d->trk_w = calloc(nb * n * 2, sizeof *d->trk_w);
  d->pend = calloc(n * ((size_t)d->ng + 1), sizeof *d->pend); /* and the tracks' deposit column (fb_cmb_casc_run) */
  if (!K || !d->Ktrk || !d->trk_lo || !d->trk_out || !d->trk_w || !d->pend) {
    free(K);
    FB_FAIL(err, FB_ERR_MEMORY, "cannot allocate the track kernels (%d bins, %zu nodes)", gt, n);
  }
  for (int g = g0; g < gt; g++) {
    memset(K, 0, n * n * sizeof *K);
    for (size_t k = 0; k < n; k++) {
      /* followed for at most FB_CMB_DEP_TRK_CELLS cells; what is left then goes back onto the grid at its energy */
      const size_t i = (size_t)(g - g0) * n + k, ks = k > FB_CMB_DEP_TRK_CELLS ? k - FB_CMB_DEP_TRK_CELLS : 0;
      double u, E, v[FB_CMB_DEP_NG_MAX] = {0};
      const size_t lo = march_photon(d, k, d->gE[g], 1.0, K, NULL, ks, &u, &E);
      d->trk_lo[i] = (int)lo;
      for (size_t q = lo; q <= k; q++) d->Ktrk[i * W + (q - lo)] = K[q * n + k]; /* compact: cells lo..k */
      d->trk_out[i] = -1;
      if (!(u > 0) || ks == 0) continue;
      fb_cmb_casc_add_line(d, E, u, v);
      for (int q = 0; q < d->ng; q++)
        if (v[q] != 0.0) {
          d->trk_out[i] = q;
          d->trk_w[2 * i] = v[q];
          d->trk_w[2 * i + 1] = q + 1 < d->ng ? v[q + 1] : 0.0;
          break;
        }
    }
  }
  free(K);
  d->g_trk0 = g0;
  d->g_trk = gt;
  return FB_OK;
}

/* The kernel's columns (one helper since branch feffgrid; it was written four times): fill() puts column j's primary
 * deposits into D[.][j] and its secondaries into src (n x ng) and returns the lowest cell with secondaries, which are
 * then marched through the cascade matrices and cleared. */
typedef size_t (*column_fill)(fb_cmb_dep *d, size_t j, double *src, double *D, const void *ctx);

static void build_columns(fb_cmb_dep *d, double *D, column_fill fill, const void *ctx) {
  const size_t ng = (size_t)d->ng;
  for (size_t j = 0; j < d->n; j++) {
    const size_t k = fill(d, j, d->src, D, ctx);
    if (!d->no_secondaries) fb_cmb_casc_run(d, j, k, d->src, D);
    memset(d->src + k * ng, 0, (j - k + 1) * ng * sizeof *d->src);
  }
}

/* column of a photon kernel: ctx = the photon energy [eV] */
static size_t photon_column(fb_cmb_dep *d, size_t j, double *src, double *D, const void *ctx) {
  return march_photon(d, j, *(const double *)ctx, 1.0, D, src, 0, NULL, NULL);
}

int fb_cmb_dep_set_energy(fb_cmb_dep *d, double E_GeV, fb_err *err) {
  FB_TEST(err, !(E_GeV >= FB_CMB_DEP_E_MIN_GEV && E_GeV <= FB_CMB_DEP_E_MAX_GEV), FB_ERR_INPUT,
          "deposition = photon: photon energy %g GeV must be in [%g, %g] GeV", E_GeV, FB_CMB_DEP_E_MIN_GEV,
          FB_CMB_DEP_E_MAX_GEV);
  if (E_GeV == d->E_GeV && !d->pair) return FB_OK;
  const size_t n = d->n;
  memset(d->D, 0, n * n * sizeof *d->D);
  const double E_eV = E_GeV * 1e9;
  build_columns(d, d->D, photon_column, &E_eV);
  d->E_GeV = E_GeV;
  d->pair = 0;
  return FB_OK;
}

/* the kernel's build mode (cache keys): 1 + no_secondaries + 2 no_gg + 4 discrete Compton (branch compton) */
static int kernel_mode(const fb_cmb_dep *d) {
  return 1 + (d->no_secondaries ? 1 : 0) + (d->no_gg ? 2 : 0) + (d->compton_continuous ? 0 : 4);
}

void fb_cmb_dep_set_compton(fb_cmb_dep *d, int continuous) {
  if (!!continuous == !!d->compton_continuous) return;
  d->compton_continuous = !!continuous;
  fb_cmb_casc_build(d);
  d->E_GeV = 0.0; /* the built kernels (D, D_ann) are of the other treatment; cached ones carry their mode */
  d->D_ann_mode = 0;
}

/* The kernel of one positron's annihilation at rest (positronium photons) in D_ann, built once (uses D as scratch). */
static int ensure_ann(fb_cmb_dep *d, fb_err *err) {
  const size_t n = d->n;
  const int mode = kernel_mode(d);
  if (d->D_ann && d->D_ann_mode == mode) return FB_OK;
  /* the persistent cache (fb_cmb_dep_cache.c, key E = -1: the positronium kernel; branch cmbmix) */
  if (!d->D_ann) d->D_ann = malloc(n * n * sizeof *d->D_ann);
  FB_TEST(err, !d->D_ann, FB_ERR_MEMORY, "cannot allocate the positronium kernel (%zu nodes)", n);
  if (fb_cmb_dep_disk_load(d, -1.0, mode, d->D_ann)) {
    d->D_ann_mode = mode;
    return FB_OK;
  }
  d->D_ann_mode = 0;
  /* the annihilation photons. Positronium (since branch secphot2): 1/4 para, the 511 keV line, and 3/4 ortho, the
   * Ore-Powell continuum on FB_CMB_DEP_NOP Gauss-Legendre nodes in x = E/m_e, each by the exact photon kernel (the
   * secondary grid deposits 9 % less for this continuum at z = 600: test_pair); with no_secondaries all 511 keV (first
   * version). Built once (five photon kernels) and kept in D_ann: it does not depend on the pair energy. */
  if (d->D_ann_mode != mode) {
    double *acc = d->D_ann, x[FB_CMB_DEP_NOP], sh[FB_CMB_DEP_NOP];
    d->E_GeV = 0.0;
    FB_CALL(err, fb_cmb_dep_set_energy(d, FB_ME_GEV, err));
    const double c511 = d->no_secondaries ? 1.0 : 0.25;
    for (size_t q = 0; q < n * n; q++) acc[q] = c511 * d->D[q];
    fb_cmb_ortho_nodes(x, sh);
    for (int i = 0; i < FB_CMB_DEP_NOP && !d->no_secondaries; i++) {
      d->E_GeV = 0.0;
      FB_CALL(err, fb_cmb_dep_set_energy(d, x[i] * FB_ME_GEV, err));
      const double c = 0.75 * sh[i];
      for (size_t q = 0; q < n * n; q++) acc[q] += c * d->D[q];
    }
    d->D_ann_mode = mode;
    fb_cmb_dep_disk_store(d, -1.0, mode, d->D_ann);
  }
  return FB_OK;
}

/* column of a pair kernel: the annihilation column (D_ann, already in D) scaled by the rest-energy share, both leptons'
 * gas share at once, their ICS photons above 13.6 eV into the cascade; ctx = {T_eV, w511} */
static size_t pair_column(fb_cmb_dep *d, size_t j, double *src, double *D, const void *ctx) {
  const double T_eV = ((const double *)ctx)[0], w511 = ((const double *)ctx)[1];
  const size_t n = d->n;
  for (size_t k = 0; k <= j; k++) D[k * n + j] *= w511;
  D[j * n + j] += fb_cmb_dep_electron_out(d, j, T_eV, 1.0 - w511, src + j * d->ng);
  return j;
}

int fb_cmb_dep_set_pair(fb_cmb_dep *d, double E_GeV, fb_err *err) {
  FB_TEST(err, !(E_GeV > FB_ME_GEV && E_GeV <= FB_CMB_DEP_E_MAX_GEV), FB_ERR_INPUT,
          "deposition = pair: lepton energy %g GeV must be in (m_e, %g] GeV", E_GeV, FB_CMB_DEP_E_MAX_GEV);
  if (E_GeV == d->E_GeV && d->pair) return FB_OK;
  const size_t n = d->n;
  FB_CALL(err, ensure_ann(d, err));
  memcpy(d->D, d->D_ann, n * n * sizeof *d->D);
  const double ctx[2] = {(E_GeV - FB_ME_GEV) * 1e9, FB_ME_GEV / E_GeV};
  build_columns(d, d->D, pair_column, ctx);
  d->E_GeV = E_GeV;
  d->pair = 1;
  return FB_OK;
}

/* The photon kernel of energy E_GeV from the cache, built on first use (the continuum nodes of a spectrum sit on a
 * fixed grid, so a scan over masses builds each once). NULL with err set on failure. */
static const double *cached_photon_kernel(fb_cmb_dep *d, double E_GeV, fb_err *err) {
  const int mode = kernel_mode(d);
  for (int i = 0; i < d->n_cache; i++)
    if (d->cache_E_GeV[i] == E_GeV && d->cache_mode[i] == mode) return d->cache_D[i];
  if (d->n_cache >= FB_CMB_DEP_CACHE_MAX) {
    fb_err_set(err, FB_ERR_INTERNAL, __func__, __LINE__, "more than %d cached photon kernels", FB_CMB_DEP_CACHE_MAX);
    return NULL;
  }
  const size_t n = d->n;
  double *K = calloc(n * n, sizeof *K);
  if (!K) {
    fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "cannot allocate a cached photon kernel (%zu nodes)", n);
    return NULL;
  }
  if (!fb_cmb_dep_disk_load(d, E_GeV, mode, K)) { /* persistent cache (fb_cmb_dep_cache.c) */
    const double E_eV = E_GeV * 1e9;
    build_columns(d, K, photon_column, &E_eV); /* as fb_cmb_dep_set_energy */
    fb_cmb_dep_disk_store(d, E_GeV, mode, K);
  }
  d->cache_E_GeV[d->n_cache] = E_GeV;
  d->cache_mode[d->n_cache] = mode;
  d->cache_D[d->n_cache] = K;
  return d->cache_D[d->n_cache++];
}

/* column of a spectrum kernel (after the cached continuum kernels and the annihilation share are in D): the lines'
 * primary marches, the leptons' kinetic share at once, continuum photons onto the grid with cont_on_grid;
 * ctx = {spectrum, cached kernels} */
typedef struct spectrum_ctx {
  const fb_cmb_dep_spectrum *s;
  const double *const *Kc;
} spectrum_ctx;

static size_t spectrum_column(fb_cmb_dep *d, size_t j, double *src, double *D, const void *ctx) {
  const spectrum_ctx *c = ctx;
  const fb_cmb_dep_spectrum *s = c->s;
  size_t k_lo = j;
  for (int i = 0; i < s->n; i++) {
    const double E = s->E_GeV[i], w = s->w[i];
    if (!(w > 0) || c->Kc[i]) continue;
    if (!s->pair[i] && s->cont[i] && d->cont_on_grid) {
      fb_cmb_casc_add_line(d, E * 1e9, w, src + j * d->ng);
    } else if (!s->pair[i]) {
      const size_t k = march_photon(d, j, E * 1e9, w, D, src, 0, NULL, NULL);
      if (k < k_lo) k_lo = k;
    } else if (E > FB_ME_GEV) { /* the leptons' kinetic share at once, their ICS photons into the cascade */
      D[j * d->n + j] +=
          fb_cmb_dep_electron_out(d, j, (E - FB_ME_GEV) * 1e9, w * (1.0 - FB_ME_GEV / E), src + j * d->ng);
    }
  }
  return k_lo;
}

int fb_cmb_dep_set_spectrum(fb_cmb_dep *d, const fb_cmb_dep_spectrum *s, fb_err *err) {
  FB_TEST(err, !(s->n >= 1 && s->n <= FB_CMB_DEP_SPEC_MAX), FB_ERR_INPUT, "spectrum kernel: %d nodes (allowed 1..%d)",
          s->n, FB_CMB_DEP_SPEC_MAX);
  double wsum = 0.0, w_ann = 0.0;
  int any_pair = 0;
  for (int i = 0; i < s->n; i++) {
    const double E = s->E_GeV[i], w = s->w[i];
    FB_TEST(err, !(w >= 0 && isfinite(w)), FB_ERR_INPUT, "spectrum kernel: node %d weight %g must be >= 0", i, w);
    if (s->pair[i])
      FB_TEST(err, !(E > 0 && E <= FB_CMB_DEP_E_MAX_GEV), FB_ERR_INPUT,
              "spectrum kernel: lepton energy %g GeV must be in (0, %g] GeV", E, FB_CMB_DEP_E_MAX_GEV);
    else
      FB_TEST(err, !(E >= FB_CMB_DEP_E_MIN_GEV && E <= FB_CMB_DEP_E_MAX_GEV), FB_ERR_INPUT,
              "spectrum kernel: photon energy %g GeV must be in [%g, %g] GeV", E, FB_CMB_DEP_E_MIN_GEV,
              FB_CMB_DEP_E_MAX_GEV);
    wsum += w;
    if (s->pair[i] && w > 0) {
      any_pair = 1;
      w_ann += w * fmin(FB_ME_GEV / E, 1.0); /* a lepton at or below m_e: all its energy as annihilation (positronium) */
    }
  }
  FB_TEST(err, !(fabs(wsum - 1.0) < 1e-9), FB_ERR_INPUT, "spectrum kernel: weights sum to %.12g, not 1", wsum);
  const size_t n = d->n;
  if (any_pair) FB_CALL(err, ensure_ann(d, err));
  /* the continuum photon nodes: cached kernels (built before d->D and d->src are used below) */
  const double *Kc[FB_CMB_DEP_SPEC_MAX] = {NULL};
  for (int i = 0; i < s->n; i++)
    if (!s->pair[i] && s->cont[i] && s->w[i] > 0 && !d->cont_on_grid) {
      Kc[i] = cached_photon_kernel(d, s->E_GeV[i], err);
      if (!Kc[i]) return err->code;
    }
  if (w_ann > 0)
    for (size_t q = 0; q < n * n; q++) d->D[q] = w_ann * d->D_ann[q];
  else
    memset(d->D, 0, n * n * sizeof *d->D);
  for (int i = 0; i < s->n; i++)
    if (Kc[i]) {
      const double w = s->w[i];
      for (size_t k = 0; k < n; k++)
        for (size_t j = k; j < n; j++) d->D[k * n + j] += w * Kc[i][k * n + j];
    }
  const spectrum_ctx ctx = {s, Kc};
  build_columns(d, d->D, spectrum_column, &ctx);
  d->E_GeV = 0.0; /* a spectrum: the next set_energy / set_pair rebuilds */
  d->pair = 0;
  return FB_OK;
}

double fb_cmb_dep_total_fraction(const fb_cmb_dep *d, size_t j) {
  double s = 0.0;
  for (size_t k = 0; k <= j && k < d->n; k++) s += d->D[k * d->n + j];
  return s;
}

void fb_cmb_dep_apply_shape(fb_cmb_dep *d, const fb_cmb *c, const double *q, size_t k_min, double *eps_out) {
  const fb_cmb_xe *xe = &c->xe;
  const size_t n = d->n;
  const size_t kt = fb_cmb_dep_node(d, expm1(xe->L[xe->n - 1])), k_hi = kt + 1 < n ? kt + 1 : n - 1;
  /* eps_dep(k) = (1+z_k)^3 H_k/cw_k sum_{j >= k} cw_j q_j/H_j D[k][j] (cw: cell widths in L) */
  double *v = d->eps; /* v_j first, then overwritten from k = 0 upwards (eps_k needs v_j for j >= k only) */
  for (size_t j = 0; j < n; j++) v[j] = (j == 0 || j == n - 1 ? 0.5 : 1.0) * q[j] / d->H_s[j];
  for (size_t k = 0; k <= k_hi; k++) {
    const double *Dk = d->D + k * n;
    double s = 0.0;
    for (size_t j = k; j < n; j++) s += Dk[j] * v[j];
    const double cw = k == 0 || k == n - 1 ? 0.5 : 1.0;
    v[k] = pow(1.0 + d->z[k], 3) * d->H_s[k] / cw * s; /* v[k] no longer needed by later k */
  }
  for (size_t i = k_min; i < xe->n; i++) {
    const double u = (xe->L[i] - d->L_lo) / d->h;
    size_t k = u > 0 ? (size_t)u : 0;
    if (k >= k_hi) k = k_hi - 1;
    const double w = u - (double)k, e0 = v[k], e1 = v[k + 1];
    eps_out[i] = e0 > 0 && e1 > 0 ? exp((1.0 - w) * log(e0) + w * log(e1)) : (1.0 - w) * e0 + w * e1;
  }
}

void fb_cmb_dep_apply(fb_cmb_dep *d, const fb_cmb *c, double tau_s, double amp, size_t k_min, double *eps_out) {
  double *q = d->q;
  for (size_t j = 0; j < d->n; j++) q[j] = amp * exp(-d->t_s[j] / tau_s);
  fb_cmb_dep_apply_shape(d, c, q, k_min, eps_out);
}
