/**
 * @file fb_cmb_compton.c
 * @brief Discrete Klein-Nishina Compton scattering of the deposition transport (fb_cmb_dep.h, "Discrete Compton
 *        scattering", issue 15, branch compton): the scattered-photon / recoil-electron energy kernel on cells in
 *        ln(E'/E), and the outcome of a scattered energy fraction (recoil electrons deposit, scattered photons go to
 *        the secondary grid).
 */
#include <math.h>

#include "fb_cmb_dep.h"
#include "fb_constants.h"

#define ME_EV (FB_ME_GEV * 1e9)

/* Klein-Nishina (Klein & Nishina, Z. Phys. 52, 853 (1929); Rybicki & Lightman, Radiative Processes in Astrophysics,
 * eq. 7.4): dsigma/dOmega = (r_e^2/2) eps^2 (eps + 1/eps - sin^2 theta), eps = E'/E = 1/(1 + k (1 - cos theta)),
 * k = E/m_e. With dOmega = 2 pi dcos theta and dcos theta = deps/(k eps^2): dsigma/deps = (pi r_e^2/k)(eps + 1/eps -
 * sin^2 theta), eps in [1/(1+2k), 1]. Number per unit ln eps (units pi r_e^2 = 1): */
static double kn_dn_dlneps(double k, double lneps) {
  const double eps = exp(lneps), c = 1.0 - expm1(-lneps) / k;
  return (eps + 1.0 / eps - (1.0 - c * c)) * eps / k;
}

double fb_cmb_kn_sigma_scat_cm2(double k) {
  /* energy-weighted (scattered-energy) Klein-Nishina cross section sigma_s = int eps dsigma (Evans, The Atomic
   * Nucleus (McGraw-Hill 1955) ch. 23 sec. 2: sigma_s = pi r_e^2 [ln(1+2k)/k^3 + 2(1+k)(2k^2-2k-1)/(k^2(1+2k)^2)
   * + 8k^2/(3(1+2k)^3)]); the mean fractional energy transfer is 1 - sigma_s/sigma_KN. Cancellations below k ~ 1e-2
   * (relative error ~1e-11 at k = 1e-2): there sigma_T (1 - 3k) (Thomson limit, first order). */
  if (k < 1e-3) return FB_SIGMA_THOMSON_CM2 * (1.0 - 3.0 * k);
  const double q = 1.0 + 2.0 * k;
  return FB_PI * FB_R_E_CM * FB_R_E_CM *
         (log1p(2.0 * k) / (k * k * k) + 2.0 * (1.0 + k) * (2.0 * k * k - 2.0 * k - 1.0) / (k * k * q * q) +
          8.0 * k * k / (3.0 * q * q * q));
}

void fb_cmb_kn_cells(double k, int nc, double *eps, double *wn) {
  /* nc equal cells in ln eps over [-ln(1+2k), 0], each integrated by 8-point Gauss-Legendre (Abramowitz & Stegun
   * table 25.4): the number share wn_i = N_i/sum N and the number-weighted mean eps_i = int eps dN / N_i of each cell,
   * so that sum wn_i eps_i (photon) + sum wn_i (1 - eps_i) (electron) = 1 and sum wn_i (1 - eps_i) is the exact mean
   * energy transfer (to the quadrature's accuracy, ~1e-12) */
  static const double x8[4] = {0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
  static const double w8[4] = {0.3626837833783620, 0.3137066376041720, 0.2223810344533745, 0.1012285362903763};
  const double a = -log1p(2.0 * k), hc = -a / nc;
  double tot = 0.0;
  for (int i = 0; i < nc; i++) {
    const double mid = a + (i + 0.5) * hc;
    double N = 0.0, E = 0.0;
    for (int p = 0; p < 4; p++)
      for (int sg = -1; sg <= 1; sg += 2) {
        const double x = mid + sg * 0.5 * hc * x8[p], f = w8[p] * kn_dn_dlneps(k, x);
        N += f;
        E += f * exp(x);
      }
    eps[i] = E / N;
    wn[i] = N;
    tot += N;
  }
  for (int i = 0; i < nc; i++) wn[i] /= tot;
}

#define LNKC_LO (log(FB_CMB_DEP_K_DISC))
#define LNKC_HI 13.815510557964274 /* ln 1e6 */

void fb_cmb_kn_table(fb_cmb_dep *d) {
  for (int i = 0; i < FB_CMB_DEP_NKC; i++)
    fb_cmb_kn_cells(exp(LNKC_LO + (LNKC_HI - LNKC_LO) * i / (FB_CMB_DEP_NKC - 1)), FB_CMB_DEP_NC, d->kn_ceps[i],
                    d->kn_cwn[i]);
}

void fb_cmb_kn_cells_at(const fb_cmb_dep *d, double k, double *eps, double *wn) {
  double u = (log(k) - LNKC_LO) / (LNKC_HI - LNKC_LO) * (FB_CMB_DEP_NKC - 1);
  u = fmin(fmax(u, 0.0), FB_CMB_DEP_NKC - 1.000001);
  const int i = (int)u;
  const double w = u - i;
  double m = 0.0;
  for (int c = 0; c < FB_CMB_DEP_NC; c++) {
    eps[c] = (1.0 - w) * d->kn_ceps[i][c] + w * d->kn_ceps[i + 1][c];
    wn[c] = (1.0 - w) * d->kn_cwn[i][c] + w * d->kn_cwn[i + 1][c];
    m += wn[c] * (1.0 - eps[c]);
  }
  /* the exact mean transfer (the continuous-loss rate's eta): (1 - eps) rescaled by a factor 1 + O(1e-4) */
  const double r = (1.0 - fb_cmb_kn_sigma_scat_cm2(k) / fb_cmb_sigma_kn_cm2(k)) / m;
  for (int c = 0; c < FB_CMB_DEP_NC; c++) eps[c] = 1.0 - (1.0 - eps[c]) * r;
}

double fb_cmb_dep_scatter_out(const fb_cmb_dep *d, size_t k, double E_eV, double w, double *vec) {
  /* the energy fraction w of photons of energy E that scatter: per kernel cell i the recoil electron (T = E (1 -
   * eps_i), energy share wn_i (1 - eps_i)) deposits by fb_cmb_dep_electron_out (its ICS photons into vec) and the
   * scattered photon (E eps_i, share wn_i eps_i) is put on the secondary grid (vec; dropped below 13.6 eV) */
  if (!(w > 0)) return 0.0;
  double eps[FB_CMB_DEP_NC], wn[FB_CMB_DEP_NC], dep = 0.0;
  fb_cmb_kn_cells_at(d, E_eV / ME_EV, eps, wn);
  for (int i = 0; i < FB_CMB_DEP_NC; i++) {
    dep += fb_cmb_dep_electron_out(d, k, E_eV * (1.0 - eps[i]), w * wn[i] * (1.0 - eps[i]), vec);
    if (vec) fb_cmb_casc_add_line(d, E_eV * eps[i], w * wn[i] * eps[i], vec);
  }
  return dep;
}
