/**
 * @file fb_cmb_casc.c
 * @brief Secondary photons of the deposition kernel (fb_cmb_dep.h, "Secondary cascade"): the inverse-Compton
 *        spectrum of a cooling electron on the CMB, and the photon cascade on a coarse energy grid with one
 *        transfer matrix per redshift cell (built once per fb_cmb_dep, independent of the injection energy).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_cmb_dep.h"
#include "fb_constants.h"

#define ME_EV (FB_ME_GEV * 1e9)
#define LNY_MIN (-11.512925464970229) /* ln 1e-5 */
#define LNY_MAX 4.382026634673881     /* ln 80 */

/* ------------------------------------------------------------------ ICS spectrum on a black body */

/* Thomson-limit inverse Compton of an electron of Lorentz factor gamma on an isotropic black body of temperature
 * T (Blumenthal & Gould, Rev. Mod. Phys. 42, 237 (1970), eq. 2.42): a target photon eps goes to E1 = 4 gamma^2 eps x
 * with dN/dx propto f(x) = 2 x ln x + x + 1 - 2 x^2 (0 < x <= 1). In y = E1/(4 gamma^2 T) the emitted power is
 * universal: P(y) propto y int_y^inf t/(e^t - 1) f(y/t) dt. Closed forms used in the tests: int_0^1 f = 1/3,
 * int_0^1 x f = 1/9, hence int P dy = (1/9) Gamma(4) zeta(4) = pi^4/135 (and the mean E1 = (4/3) gamma^2 <eps>). */
static double ics_f(double x) { return x <= 0 ? 1.0 : x >= 1 ? 0.0 : 2.0 * x * log(x) + x + 1.0 - 2.0 * x * x; }

double fb_cmb_ics_power_y(double y) {
  if (!(y > 0) || y > 200.0) return 0.0;
  const double wmax = log(fmax(200.0 / y, 1.0000001));
  const int n = 400; /* Simpson in w = ln(t/y) */
  double s = 0.0;
  for (int i = 0; i <= n; i++) {
    const double w = wmax * i / n, t = y * exp(w);
    const double f = t * t / expm1(t) * ics_f(exp(-w)); /* t/(e^t - 1) f dt, dt = t dw */
    s += (i == 0 || i == n ? 1.0 : i % 2 ? 4.0 : 2.0) * f;
  }
  return y * s * wmax / (3.0 * n);
}

void fb_cmb_ics_table(fb_cmb_dep *d) {
  /* C(y): share of the ICS power emitted above y, on FB_CMB_DEP_NY points in ln y (trapezoid in ln y) */
  double *C = d->ics_C, prev = 0.0;
  C[FB_CMB_DEP_NY - 1] = 0.0;
  for (int i = FB_CMB_DEP_NY - 1; i >= 0; i--) {
    const double ly = LNY_MIN + (LNY_MAX - LNY_MIN) * i / (FB_CMB_DEP_NY - 1), y = exp(ly);
    const double p = fb_cmb_ics_power_y(y) * y;
    if (i < FB_CMB_DEP_NY - 1) C[i] = C[i + 1] + 0.5 * (p + prev) * (LNY_MAX - LNY_MIN) / (FB_CMB_DEP_NY - 1);
    prev = p;
  }
  const double tot = C[0];
  for (int i = 0; i < FB_CMB_DEP_NY; i++) C[i] /= tot;
}

double fb_cmb_ics_share_above(const fb_cmb_dep *d, double y) {
  if (!(y > 0)) return 1.0;
  const double u = (log(y) - LNY_MIN) / (LNY_MAX - LNY_MIN) * (FB_CMB_DEP_NY - 1);
  if (u <= 0) return 1.0;
  if (u >= FB_CMB_DEP_NY - 1) return 0.0;
  const int i = (int)u;
  const double w = u - i;
  return (1.0 - w) * d->ics_C[i] + w * d->ics_C[i + 1];
}

/* ------------------------------------------------------------------ photon grid */

double fb_cmb_casc_E_eV(int g) { return FB_E_ION_H_EV * pow(FB_CMB_DEP_GRID_RATIO, g + 0.5); }
static double edge_eV(int g) { return FB_E_ION_H_EV * pow(FB_CMB_DEP_GRID_RATIO, g); }

int fb_cmb_casc_bin(double E_eV) {
  if (!(E_eV >= FB_E_ION_H_EV)) return -1;
  const int g = (int)floor(log(E_eV / FB_E_ION_H_EV) / log(FB_CMB_DEP_GRID_RATIO));
  return g < FB_CMB_DEP_NG ? g : FB_CMB_DEP_NG - 1;
}

void fb_cmb_casc_add_line(double E_eV, double w, double *vec) {
  /* a photon line of energy E_eV carrying the energy fraction w, split over the two neighbouring bin energies
   * so that both the number and the energy are kept */
  if (!(w > 0) || !(E_eV >= FB_E_ION_H_EV)) return;
  int g = (int)floor(log(E_eV / fb_cmb_casc_E_eV(0)) / log(FB_CMB_DEP_GRID_RATIO));
  if (g < 0) {
    vec[0] += w;
    return;
  }
  if (g >= FB_CMB_DEP_NG - 1) {
    vec[FB_CMB_DEP_NG - 1] += w;
    return;
  }
  const double E0 = fb_cmb_casc_E_eV(g), E1 = fb_cmb_casc_E_eV(g + 1), nh = (E_eV - E0) / (E1 - E0);
  vec[g + 1] += w * nh * E1 / E_eV;
  vec[g] += w * (1.0 - nh) * E0 / E_eV;
}

/* Energy shares of the ICS power of an electron of Lorentz factor gamma at node k: into the Lyman band
 * [10.2, 13.6) eV (returned) and into each grid bin (vec, may be NULL). Photons above the electron's kinetic energy T
 * (the Thomson formula overshoots in the Klein-Nishina regime, gamma T_CMB >~ m_e/4) are put in the bin of T. */
double fb_cmb_ics_shares(const fb_cmb_dep *d, size_t k, double gamma, double *vec) {
  const double T_cmb = d->T_cmb0_eV * (1.0 + d->z[k]), s = 4.0 * gamma * gamma * T_cmb;
  const double c_lya = fb_cmb_ics_share_above(d, 0.75 * FB_E_ION_H_EV / s);
  const double c_ion = fb_cmb_ics_share_above(d, FB_E_ION_H_EV / s);
  if (vec) {
    const double T = (gamma - 1.0) * ME_EV;
    const int gT = fb_cmb_casc_bin(T);
    double c_lo = c_ion;
    for (int g = 0; g < FB_CMB_DEP_NG && c_lo > 0; g++) {
      const double c_hi = fb_cmb_ics_share_above(d, edge_eV(g + 1) / s);
      if (gT >= 0 && g >= gT) {
        vec[gT] += c_lo;
        break;
      }
      vec[g] += c_lo - c_hi;
      c_lo = c_hi;
    }
  }
  return c_lya - c_ion;
}

/* ------------------------------------------------------------------ transfer matrices */

/* Deposited energy fraction and secondary photons (into vec) of the energy fraction x_abs absorbed (photoionisation
 * of H I, He I, He II and Bethe-Heitler, in proportion to their rates) and x_comp given to Compton electrons by a
 * photon of energy E at node k. */
double fb_cmb_dep_outcome(const fb_cmb_dep *d, size_t k, double E, const fb_cmb_dep_rates *r, double x_abs,
                          double x_comp, double *vec) {
  double dep = 0.0;
  if (x_comp > 0) dep += fb_cmb_dep_compton_out(d, k, E, r->eta, x_comp, vec);
  if (!(x_abs > 0) || !(r->a > 0)) return dep;
  static const double I[3] = {FB_E_ION_H_EV, FB_E_ION_HEI_EV, FB_E_ION_HEII_EV};
  for (int s = 0; s < 3; s++) {
    if (!(r->a_pi[s] > 0)) continue;
    const double x = x_abs * r->a_pi[s] / r->a;
    dep += x * I[s] / E + fb_cmb_dep_electron_out(d, k, E - I[s], x * (1.0 - I[s] / E), vec);
  }
  if (r->a_bh > 0) {
    const double x = x_abs * r->a_bh / r->a;
    dep += fb_cmb_dep_electron_out(d, k, 0.5 * (E - 2.0 * ME_EV), x * (1.0 - 2.0 * ME_EV / E), vec);
    /* the positron annihilates at rest with an ambient electron: 2 m_e into 511 keV photons */
    if (vec) fb_cmb_casc_add_line(ME_EV, x * 2.0 * ME_EV / E, vec);
  }
  return dep;
}

void fb_cmb_casc_build(fb_cmb_dep *d) {
  const int NG = FB_CMB_DEP_NG;
  const double h = d->h, down = 1.0 / FB_CMB_DEP_GRID_RATIO;
  double B[FB_CMB_DEP_NG];
  for (size_t k = 0; k < d->n; k++) {
    double *M = d->M + k * NG * NG, *dg = d->depg + k * NG;
    memset(M, 0, NG * NG * sizeof *M);
    for (int g = 0; g < NG; g++) {
      const double E = fb_cmb_casc_E_eV(g);
      fb_cmb_dep_rates r;
      fb_cmb_dep_photon_rates(d, k, E, &r);
      /* advection to the next bin down at the rate r_adv that loses energy at (1 + b) per unit s */
      const double r_adv = (1.0 + r.b) / (1.0 - down), R = r.a + r_adv, P = -expm1(-R * h);
      memset(B, 0, sizeof B);
      double dep0 = fb_cmb_dep_outcome(d, k, E, &r, P * r.a / R, P * r.b / R, B);
      if (g > 0) B[g - 1] += P * r_adv / R * down;
      /* the energy coming back into bin g in this step is processed again (immediate cascade) */
      const double self = fmin(B[g], 0.999);
      B[g] = 0.0;
      double *col = M + g * NG; /* column g: energy in each bin at the end of the cell per unit energy in g */
      double dtot = dep0;
      col[g] = 1.0 - P;
      for (int gp = 0; gp < g; gp++) {
        if (!(B[gp] > 0)) continue;
        const double *cp = M + gp * NG;
        for (int q = 0; q <= gp; q++) col[q] += B[gp] * cp[q];
        dtot += B[gp] * dg[gp];
      }
      for (int q = 0; q <= g; q++) col[q] /= 1.0 - self;
      dg[g] = dtot / (1.0 - self);
    }
  }
}

/* March the secondary photons injected along a primary's path (src: energy fractions per cell and bin, cells
 * k_lo..j) down to z_lo and add their deposits to column j of D. */
void fb_cmb_casc_run(fb_cmb_dep *d, size_t j, size_t k_lo, const double *src, double *D) {
  const int NG = FB_CMB_DEP_NG;
  const size_t n = d->n;
  double s[FB_CMB_DEP_NG] = {0}, t[FB_CMB_DEP_NG];
  for (size_t kk = j + 1; kk-- > 0;) {
    const size_t k = kk;
    double tot = 0.0;
    if (k >= k_lo)
      for (int g = 0; g < NG; g++) s[g] += src[k * NG + g];
    for (int g = 0; g < NG; g++) tot += s[g];
    if (tot < 1e-9) {
      if (k <= k_lo) break;
      continue;
    }
    const double *M = d->M + k * NG * NG, *dg = d->depg + k * NG;
    double dep = 0.0;
    memset(t, 0, sizeof t);
    for (int g = 0; g < NG; g++) {
      if (!(s[g] > 0)) continue;
      dep += dg[g] * s[g];
      const double *col = M + g * NG;
      for (int q = 0; q <= g; q++) t[q] += col[q] * s[g];
    }
    D[k * n + j] += dep;
    memcpy(s, t, sizeof s);
  }
}
