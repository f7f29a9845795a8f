/**
 * @file fb_cmb_casc.c
 * @brief Secondary photons of the deposition kernel (fb_cmb_dep.h, "Secondary cascade"): the inverse-Compton
 *        spectrum of a cooling electron on the CMB, and the photon cascade on a coarse energy grid with one
 *        transfer matrix per redshift cell (built once per fb_cmb_dep, independent of the injection energy); since
 *        branch secphot2 also the Klein-Nishina ICS tables, photon-photon pair production and scattering on the CMB
 *        and the positronium annihilation spectrum.
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

/* ------------------------------------------------------------------ Klein-Nishina ICS on a black body */

/* Blumenthal & Gould, Rev. Mod. Phys. 42, 237 (1970) eq. 2.48: an electron of Lorentz factor gamma >> 1 on an
 * isotropic photon gas emits dN/dt dE1 = (2 pi r_e^2 m c^3/gamma) int n(eps) deps/eps G(q, Gam),
 * G = 2 q ln q + (1 + 2q)(1 - q) + (Gam q)^2 (1 - q)/(2 (1 + Gam q)), Gam = 4 eps gamma/m_e,
 * q = E1/(Gam (gamma m_e - E1)) in (0, 1]. On a black body (eps = x T, b = 4 gamma T/m_e, w = E1/(gamma m_e)):
 * power per dw propto P(w) = w int dx x/(e^x - 1) G(q, b x), q = w/(b x (1 - w)). Thomson limit (b -> 0): G -> f(q)
 * of eq. 2.42 and int P dw = b^2 pi^4/135. Closed forms used in the tests: the first-order Klein-Nishina loss
 * 1 - (63/10) gamma <eps^2>/(m_e <eps>) = 1 - (63/40) (4 zeta(5)/zeta(4)) b (Blumenthal & Gould eq. 2.50 on the
 * black body, averages over the photon number) and the extreme Klein-Nishina loss (eq. 2.58) (pi r_e^2 m^2 c^4 T^2/6)(ln b - 5/6 - C_E - C_l),
 * C_l = 0.5700, i.e. F(b) -> (45/(4 pi^2)) (ln b - 1.981)/b^2 in units of the Thomson loss. */
static double kn_G(double q, double Gq) {
  return 2.0 * q * log(q) + (1.0 + 2.0 * q) * (1.0 - q) + Gq * Gq * (1.0 - q) / (2.0 * (1.0 + Gq));
}

double fb_cmb_kn_ics_power_w(double b, double w) {
  if (!(w > 0 && w < 1 && b > 0)) return 0.0;
  const double xmin = w / (b * (1.0 - w)), x1 = xmin + 50.0, t0 = log(xmin), t1 = log(x1);
  const int n = 48; /* Simpson in t = ln x */
  const double dt = (t1 - t0) / n;
  double s = 0.0;
  for (int i = 0; i <= n; i++) {
    const double x = exp(t0 + dt * i), q = fmin(w / (b * x * (1.0 - w)), 1.0);
    s += (i == 0 || i == n ? 1.0 : i % 2 ? 4.0 : 2.0) * x * x / expm1(x) * kn_G(q, b * x * q);
  }
  return w * s * dt / 3.0;
}

#define KN_LNB_LO (-6.907755278982137) /* ln 1e-3 */
#define KN_LNB_HI 9.210340371976184    /* ln 1e4 */
#define KN_XI_LO (-27.631021115928547) /* ln 1e-12 */
#define KN_XI_HI 20.72326583694641     /* ln 1e9 */

/* cumulative power above each xi node (trapezoid in xi, dw = w (1 - w) dxi); returns the total */
static double kn_cumulative(double b, double *C) {
  const double dxi = (KN_XI_HI - KN_XI_LO) / (FB_CMB_DEP_NKW - 1);
  double prev = 0.0;
  C[FB_CMB_DEP_NKW - 1] = 0.0;
  for (int i = FB_CMB_DEP_NKW - 1; i >= 0; i--) {
    const double xi = KN_XI_LO + dxi * i, w = 1.0 / (1.0 + exp(-xi)), p = fb_cmb_kn_ics_power_w(b, w) * w * (1.0 - w);
    if (i < FB_CMB_DEP_NKW - 1) C[i] = C[i + 1] + 0.5 * (p + prev) * dxi;
    prev = p;
  }
  return C[0];
}

double fb_cmb_kn_ics_F(double b) {
  double C[FB_CMB_DEP_NKW];
  return kn_cumulative(b, C) / (b * b * pow(FB_PI, 4) / 135.0);
}

int fb_cmb_kn_ics_table(fb_cmb_dep *d, fb_err *err) {
  d->kn_C = malloc(FB_CMB_DEP_NKB * FB_CMB_DEP_NKW * sizeof *d->kn_C);
  FB_TEST(err, !d->kn_C, FB_ERR_MEMORY, "cannot allocate the Klein-Nishina ICS table");
  for (int ib = 0; ib < FB_CMB_DEP_NKB; ib++) {
    const double b = exp(KN_LNB_LO + (KN_LNB_HI - KN_LNB_LO) * ib / (FB_CMB_DEP_NKB - 1));
    double *C = d->kn_C + ib * FB_CMB_DEP_NKW;
    const double tot = kn_cumulative(b, C);
    d->kn_F[ib] = tot / (b * b * pow(FB_PI, 4) / 135.0);
    for (int i = 0; i < FB_CMB_DEP_NKW; i++) C[i] /= tot;
  }
  return FB_OK;
}

static double kn_lerp_b(double b, int *ib) {
  const double u = (log(b) - KN_LNB_LO) / (KN_LNB_HI - KN_LNB_LO) * (FB_CMB_DEP_NKB - 1);
  int i = u < 0 ? 0 : (int)u;
  if (i > FB_CMB_DEP_NKB - 2) i = FB_CMB_DEP_NKB - 2;
  *ib = i;
  return fmin(fmax(u - i, 0.0), 1.0);
}

double fb_cmb_kn_F(const fb_cmb_dep *d, double b) {
  if (!(b > exp(KN_LNB_LO))) return 1.0;
  int i;
  const double t = kn_lerp_b(b, &i);
  if (b > exp(KN_LNB_HI)) return d->kn_F[FB_CMB_DEP_NKB - 1] * exp(2.0 * KN_LNB_HI) / (b * b); /* ~ ln b/b^2 */
  return exp((1.0 - t) * log(d->kn_F[i]) + t * log(d->kn_F[i + 1]));
}

double fb_cmb_kn_share_above(const fb_cmb_dep *d, double b, double w) {
  if (!(w > 0)) return 1.0;
  if (!(w < 1)) return 0.0;
  int ib;
  const double t = kn_lerp_b(b, &ib);
  const double u = (log(w / (1.0 - w)) - KN_XI_LO) / (KN_XI_HI - KN_XI_LO) * (FB_CMB_DEP_NKW - 1);
  if (u <= 0) return 1.0;
  if (u >= FB_CMB_DEP_NKW - 1) return 0.0;
  const int i = (int)u;
  const double v = u - i, *C0 = d->kn_C + ib * FB_CMB_DEP_NKW, *C1 = C0 + FB_CMB_DEP_NKW;
  return (1.0 - t) * ((1.0 - v) * C0[i] + v * C0[i + 1]) + t * ((1.0 - v) * C1[i] + v * C1[i + 1]);
}

/* ------------------------------------------------------------------ photon grid */

/* The grid is built of units of 10^(1/12) from 13.6 eV (FB_CMB_DEP_NU of them, to 1.36 TeV); a bin spans a whole number
 * of units: layout = {units per bin below the band, in the band, above it, band start, band end} (branch feffgrid,
 * fb_cmb_dep.h "Non-uniform secondary grid"). Each bin's energy is the geometric centre of its edges. */
#define GRID_UNIT_LOG10 (11.0 / FB_CMB_DEP_NU) /* 10^(1/12) (a resolution study may build with more units) */

void fb_cmb_dep_grid_default(int *layout) {
  /* 10^(1/3) bins (4 units) outside 63 keV - 1.36 MeV (units 44 - 60), 10^(1/12) bins inside */
  static const int def[5] = {4, 1, 4, 44, 60};
  memcpy(layout, def, sizeof def);
}

int fb_cmb_dep_grid_setup(fb_cmb_dep *d, const int *layout, fb_err *err) {
  int L[5] = {0};
  if (layout) memcpy(L, layout, sizeof L);
  if (!L[0] && !L[1] && !L[2] && !L[3] && !L[4]) fb_cmb_dep_grid_default(L);
  FB_TEST(err, !(L[0] >= 1 && L[1] >= 1 && L[2] >= 1 && L[0] <= 12 && L[1] <= 12 && L[2] <= 12), FB_ERR_INPUT,
          "deposition grid: units per bin %d / %d / %d must be in 1..12", L[0], L[1], L[2]);
  FB_TEST(err, !(L[3] >= 0 && L[3] <= L[4] && L[4] <= FB_CMB_DEP_NU), FB_ERR_INPUT,
          "deposition grid: band [%d, %d] units must satisfy 0 <= start <= end <= %d", L[3], L[4], FB_CMB_DEP_NU);
  int g = 0, u = 0;
  while (u < FB_CMB_DEP_NU) {
    const int w = u < L[3] ? L[0] : u < L[4] ? L[1] : L[2];
    int u1 = u + w; /* a bin never straddles a band edge or the top */
    if (u < L[3] && u1 > L[3]) u1 = L[3];
    if (u < L[4] && u1 > L[4]) u1 = L[4];
    if (u1 > FB_CMB_DEP_NU) u1 = FB_CMB_DEP_NU;
    d->gEdge[g] = FB_E_ION_H_EV * pow(10.0, u * GRID_UNIT_LOG10);
    d->gE[g] = FB_E_ION_H_EV * pow(10.0, 0.5 * (u + u1) * GRID_UNIT_LOG10);
    for (int q = u; q < u1; q++) d->ubin[q] = g;
    g++;
    u = u1;
  }
  d->gEdge[g] = FB_E_ION_H_EV * pow(10.0, FB_CMB_DEP_NU * GRID_UNIT_LOG10);
  d->ng = g;
  memcpy(d->grid, L, sizeof L);
  return FB_OK;
}

double fb_cmb_casc_E_eV(const fb_cmb_dep *d, int g) { return d->gE[g]; }

int fb_cmb_casc_bin(const fb_cmb_dep *d, double E_eV) {
  if (!(E_eV >= FB_E_ION_H_EV)) return -1;
  const int u = (int)floor(log10(E_eV / FB_E_ION_H_EV) / GRID_UNIT_LOG10);
  if (u >= FB_CMB_DEP_NU) return d->ng - 1;
  int g = d->ubin[u];
  if (E_eV < d->gEdge[g] && g > 0) g--; /* rounding at an edge */
  else if (g + 1 < d->ng && E_eV >= d->gEdge[g + 1]) g++;
  return g;
}

void fb_cmb_casc_add_line(const fb_cmb_dep *d, double E_eV, double w, double *vec) {
  /* a photon line of energy E_eV carrying the energy fraction w, split over the two neighbouring bin energies
   * so that both the number and the energy are kept */
  if (!(w > 0) || !(E_eV >= FB_E_ION_H_EV)) return;
  int g = fb_cmb_casc_bin(d, E_eV);
  if (E_eV < d->gE[g]) g--; /* g: the bin whose centre is the highest at or below E */
  if (g < 0) {
    vec[0] += w;
    return;
  }
  if (g >= d->ng - 1) {
    vec[d->ng - 1] += w;
    return;
  }
  const double E0 = d->gE[g], E1 = d->gE[g + 1], nh = (E_eV - E0) / (E1 - E0);
  vec[g + 1] += w * nh * E1 / E_eV;
  vec[g] += w * (1.0 - nh) * E0 / E_eV;
}

/* Energy shares of the ICS power of an electron of Lorentz factor gamma at node k: into the Lyman band
 * [10.2, 13.6) eV (returned) and into each grid bin (vec, may be NULL). Since branch secphot2 the spectrum is the
 * Klein-Nishina one above b = 1e-3 (E1 < gamma m_e); photons above the electron's kinetic energy T (only the
 * bin edges: E1 <= gamma m_e) are put in the bin of T. */
/* share of the ICS power above E1 [eV]: Thomson table below b = 4 gamma T/m_e = 1e-3, Klein-Nishina table above */
static double ics_above(const fb_cmb_dep *d, double gamma, double T_cmb, double E1) {
  const double b = 4.0 * gamma * T_cmb / ME_EV;
  if (b < exp(KN_LNB_LO) || !d->kn_C) return fb_cmb_ics_share_above(d, E1 / (4.0 * gamma * gamma * T_cmb));
  return fb_cmb_kn_share_above(d, b, E1 / (gamma * ME_EV));
}

double fb_cmb_ics_shares(const fb_cmb_dep *d, size_t k, double gamma, double *vec) {
  const double T_cmb = d->T_cmb0_eV * (1.0 + d->z[k]);
  const double c_lya = ics_above(d, gamma, T_cmb, 0.75 * FB_E_ION_H_EV);
  const double c_ion = ics_above(d, gamma, T_cmb, FB_E_ION_H_EV);
  const double T = (gamma - 1.0) * ME_EV;
  const int gT = fb_cmb_casc_bin(d, T);
  /* an electron below 13.6 eV (gT < 0) puts no photon on the grid (its ICS share above 13.6 eV, the Wien tail of the
   * CMB photons, < 1e-5 of its loss, is dropped; since branch feffgrid, so that the ICS table rows are zero above the
   * bin of T: fb_cmb_dep_electron_out sums over those bins only) */
  if (vec && gT >= 0) {
    double c_lo = c_ion;
    for (int g = 0; g < d->ng && c_lo > 0; g++) {
      const double c_hi = ics_above(d, gamma, T_cmb, d->gEdge[g + 1]);
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

/* ------------------------------------------------------------------ photon-photon pair production on the CMB */

/* Breit-Wheeler cross section (Breit & Wheeler, Phys. Rev. 46, 1087 (1934); in the form of Gould & Schreder,
 * Phys. Rev. 155, 1404 (1967), used by Zdziarski & Svensson ApJ 344, 551 (1989) and for the CMB cascade by
 * Slatyer, Padmanabhan & Finkbeiner arXiv:0906.1197): with s = E eps (1 - cos theta)/(2 m_e^2) >= 1 and
 * beta^2 = 1 - 1/s, sigma = (pi r_e^2/2)(1 - beta^2)[(3 - beta^4) ln((1 + beta)/(1 - beta)) - 2 beta (2 - beta^2)].
 * sigmabar = 2 sigma/(pi r_e^2). Limits used in the tests: sigmabar -> 2 beta at threshold (phibar -> (4/3) beta0^3),
 * s sigmabar -> 2 ln(4 s) - 2 for s >> 1 (phibar -> 2 s0 (ln 4 s0 - 2)). */
static double gg_sigbar(double s) {
  if (!(s > 1.0)) return 0.0;
  const double b2 = 1.0 - 1.0 / s, b = sqrt(b2);
  const double L = b < 0.5 ? 2.0 * atanh(b) : log((1.0 + b) * (1.0 + b) * s);
  return (1.0 / s) * ((3.0 - b2 * b2) * L - 2.0 * b * (2.0 - b2));
}

#define GG_U_LO (-27.631021115928547) /* ln 1e-12: phibar below is < 1e-18 */
#define GG_NU 4001

double fb_cmb_gg_phibar(double s0) {
  if (!(s0 > 1.0 + 1e-12)) return 0.0;
  const double u1 = log(s0 - 1.0), du = (u1 - GG_U_LO) / 2000.0;
  double sum = 0.0; /* Simpson in u = ln(s - 1): integrand s sigmabar(s) (s - 1) */
  for (int i = 0; i <= 2000; i++) {
    const double e = exp(GG_U_LO + du * i), s = 1.0 + e;
    sum += (i == 0 || i == 2000 ? 1.0 : i % 2 ? 4.0 : 2.0) * s * gg_sigbar(s) * e;
  }
  return sum * du / 3.0;
}

/* phibar on the u grid GG_U_LO .. ln 1e7 (cumulative trapezoid; GG_NU points), then
 * G(nu) = nu^-3 int du e^u phibar(1 + e^u)/(e^x - 1), x = (1 + e^u)/nu, on the same grid */
static void gg_phibar_grid(double *phi, double *du_out) {
  const double du = (16.11809565095832 - GG_U_LO) / (GG_NU - 1); /* ln 1e7 */
  double prev = 0.0;
  phi[0] = 0.0;
  for (int i = 0; i < GG_NU; i++) {
    const double e = exp(GG_U_LO + du * i), s = 1.0 + e, f = s * gg_sigbar(s) * e;
    if (i > 0) phi[i] = phi[i - 1] + 0.5 * (f + prev) * du;
    prev = f;
  }
  *du_out = du;
}

static double gg_G_grid(const double *phi, double du, double nu) {
  double sum = 0.0;
  for (int i = 0; i < GG_NU; i++) {
    const double e = exp(GG_U_LO + du * i), x = (1.0 + e) / nu;
    if (x > 700.0) break;
    sum += (i == 0 || i == GG_NU - 1 ? 0.5 : 1.0) * e * phi[i] / expm1(x);
  }
  return sum * du / (nu * nu * nu);
}

double fb_cmb_gg_G(double nu) {
  double *phi = malloc(GG_NU * sizeof *phi), du;
  if (!phi) return NAN;
  gg_phibar_grid(phi, &du);
  const double G = gg_G_grid(phi, du, nu);
  free(phi);
  return G;
}

#define GG_LNNU_LO (-4.605170185988091) /* ln 0.01 */
#define GG_LNNU_HI 6.907755278982137    /* ln 1000 */

int fb_cmb_gg_table(fb_cmb_dep *d, fb_err *err) {
  double *phi = malloc(GG_NU * sizeof *phi), du;
  FB_TEST(err, !phi, FB_ERR_MEMORY, "cannot allocate the photon-photon pair table");
  gg_phibar_grid(phi, &du);
  for (int i = 0; i < FB_CMB_DEP_NGG; i++) { /* stored as G e^{1/nu} (smooth in ln nu: the Wien factor taken out) */
    const double nu = exp(GG_LNNU_LO + (GG_LNNU_HI - GG_LNNU_LO) * i / (FB_CMB_DEP_NGG - 1));
    d->gg_G[i] = gg_G_grid(phi, du, nu) * exp(1.0 / nu);
  }
  free(phi);
  return FB_OK;
}

double fb_cmb_gg_rate(const fb_cmb_dep *d, size_t k, double E_eV) {
  /* Gamma = c r_e^2 T^3/(pi (hbar c)^3) G(nu) (angle average c int dOmega/4pi (1 - cos theta) over the isotropic
   * Planck spectrum n(eps) = eps^2/(pi^2 (hbar c)^3 (e^{eps/T} - 1)), see fb_cmb_dep.h), per unit s: / H */
  const double T = d->T_cmb0_eV * (1.0 + d->z[k]), nu = E_eV * T / (ME_EV * ME_EV);
  if (!(nu > 0.01)) return 0.0;
  const double u = (log(nu) - GG_LNNU_LO) / (GG_LNNU_HI - GG_LNNU_LO) * (FB_CMB_DEP_NGG - 1);
  double G;
  if (u >= FB_CMB_DEP_NGG - 1) G = d->gg_G[FB_CMB_DEP_NGG - 1] * exp(GG_LNNU_HI) / nu; /* ~ ln(nu)/nu above */
  else {
    const int i = (int)u;
    const double w = u - i;
    G = exp((1.0 - w) * log(d->gg_G[i]) + w * log(d->gg_G[i + 1]) - 1.0 / nu);
  }
  const double hc = FB_HBARC_GEV_CM * 1e9, tr = T / hc;
  return FB_C_CM_S * FB_R_E_CM * FB_R_E_CM * tr * tr * tr / FB_PI * G / d->H_s[k];
}

/* ------------------------------------------------------------------ photon-photon scattering on the CMB */

/* Low-energy (omega << m_e) photon-photon scattering, Euler & Kockel 1935: in the centre of mass (each photon omega)
 * dsigma/dOmega propto alpha^4 omega^6/m_e^8 (3 + cos^2 theta)^2 (Liang & Czarnecki arXiv:1111.6126 eq. 1), total
 * (identical photons) sigma = (973/(10125 pi)) alpha^2 r_e^2 (omega/m_e)^6 (Karplus & Neuman, Phys. Rev. 83, 776
 * (1951); Svensson & Zdziarski, ApJ 349, 415 (1990)). With omega^2 = E eps (1 - cos psi)/2 and the angle average
 * int dmu/2 (1 - mu)^4 = 16/5 on the isotropic Planck spectrum (int n eps^3 deps = (8 pi^4/63) T^6/(hbar c)^3):
 * Gamma = (1946/(50625 pi)) (8 pi^4/63) alpha^2 r_e^2 c E^3 T^6/(m_e^6 (hbar c)^3), the rate of Svensson & Zdziarski
 * as used by Kawasaki & Moroi astro-ph/9412055. Used up to nu = E T/m_e^2 = 0.1 and continued as 1/E above (below;
 * above nu ~ 0.03 pair production dominates; there omega ~ 0.3 m_e and the low-energy form is an approximation). Outgoing photons: for E >> eps the centre of
 * mass moves along the incoming photon and a photon emitted at cos theta* carries x = (1 + cos theta*)/2 of E, so
 * (3 + cos^2)^2 gives dN/dx propto (1 - x + x^2)^2 (the spectrum of Svensson & Zdziarski); the energy share in dx is
 * (2/0.7) x (1 - x + x^2)^2 (both photons; int (1 - x + x^2)^2 dx = 0.7). */
/* Above nu = E T/m_e^2 = PP_NU_MAX the low-energy form is left (for the mean CMB photon, eps ~ 2.7 T, omega ~ 0.5 m_e
 * there) and it would grow as E^3 without bound (review, session 10: at E = 1 TeV, z = 2e4 it reached 0.33 of the pair
 * rate). The true cross section peaks near omega ~ m_e and falls as 1/s far above (Akhiezer & Berestetskii, Quantum
 * Electrodynamics, sec. 59), so the rate (sigma times the photon density) falls as 1/E: continued as
 * Gamma(nu_max) nu_max/nu, an upper estimate. There pair production on the CMB dominates (nu > 0.03), so the choice
 * matters little: the reviewer measured the uncapped share <= 1.4e-4 of the pair rate for z <= 2e3 or E <= 100 GeV. */
#define PP_NU_MAX 0.1
double fb_cmb_pp_rate_s(double E_eV, double T_eV) {
  const double hc = FB_HBARC_GEV_CM * 1e9, t = T_eV / ME_EV, tr = T_eV / hc;
  const double nu = E_eV * T_eV / (ME_EV * ME_EV), cap = nu > PP_NU_MAX ? PP_NU_MAX / nu : 1.0;
  const double e = E_eV / ME_EV * cap; /* E at the cap above it */
  return 1946.0 / (50625.0 * FB_PI) * (8.0 * pow(FB_PI, 4) / 63.0) * FB_ALPHA_EM * FB_ALPHA_EM * FB_R_E_CM *
         FB_R_E_CM * FB_C_CM_S * e * e * e * t * t * t * tr * tr * tr * cap;
}

#define PP_NX 8 /* midpoint cells of the outgoing-photon energy share */

static void pp_photons(const fb_cmb_dep *d, double E_eV, double w, double *vec) {
  double wt[PP_NX], sw = 0.0;
  for (int i = 0; i < PP_NX; i++) {
    const double x = (i + 0.5) / PP_NX, p = 1.0 - x + x * x;
    wt[i] = x * p * p;
    sw += wt[i];
  }
  for (int i = 0; i < PP_NX; i++) fb_cmb_casc_add_line(d, (i + 0.5) / PP_NX * E_eV, w * wt[i] / sw, vec);
}

/* ------------------------------------------------------------------ positronium */

/* Ore & Powell, Phys. Rev. 75, 1696 (1949): photon spectrum of ortho-positronium -> 3 gamma, x = E/m_e,
 * f(x) = 2 [x(1-x)/(2-x)^2 - 2(1-x)^2/(2-x)^3 ln(1-x) + (2-x)/x + 2(1-x)/x^2 ln(1-x)];
 * closed forms (tests): int_0^1 f dx = pi^2 - 9 (the ortho decay rate's factor), mean x = 2/3 (2 m_e over 3 photons).
 * Positrons at rest form positronium (assumed for all of them: the gas after recombination is neutral and the
 * free-annihilation channel is neglected); spin statistics give 1/4 para (2 photons of m_e), 3/4 ortho (3 photons). */
double fb_cmb_ore_powell(double x) {
  if (!(x > 0 && x < 1)) return x >= 1 ? 2.0 : 0.0;
  if (x < 1e-3) return 2.0 * (5.0 / 6.0) * x; /* series: the bracket -> (5/6) x ... measured to 1e-6 at 1e-3 */
  const double l = log1p(-x), y = 2.0 - x, u = 1.0 - x;
  return 2.0 * (x * u / (y * y) - 2.0 * u * u / (y * y * y) * l + y / x + 2.0 * u / (x * x) * l);
}

void fb_cmb_ortho_nodes(double *x, double *s) {
  /* 4-point Gauss-Legendre on (0, 1): nodes (1 -+ 0.8611363116, 1 -+ 0.3399810436)/2, weights 0.3478548451/2,
   * 0.6521451549/2 (Abramowitz & Stegun table 25.4). Pair kernel at threshold, z = 600 (test_pair): 0.2833 with these
   * 4 nodes, 0.2837 with 8 midpoint cells, 0.2850 with 4 midpoint cells */
  static const double xg[4] = {0.06943184420297371, 0.33000947820757187, 0.6699905217924281, 0.9305681557970263};
  static const double wg[4] = {0.17392742256872692, 0.3260725774312731, 0.3260725774312731, 0.17392742256872692};
  double sw = 0.0;
  for (int i = 0; i < FB_CMB_DEP_NOP; i++) {
    x[i] = xg[i];
    s[i] = wg[i] * xg[i] * fb_cmb_ore_powell(xg[i]); /* energy share */
    sw += s[i];
  }
  for (int i = 0; i < FB_CMB_DEP_NOP; i++) s[i] /= sw;
}

void fb_cmb_casc_add_positronium(const fb_cmb_dep *d, double w, int para, double *vec) {
  if (!(w > 0)) return;
  if (para) fb_cmb_casc_add_line(d, ME_EV, 0.25 * w, vec);
  double x[FB_CMB_DEP_NOP], sh[FB_CMB_DEP_NOP];
  fb_cmb_ortho_nodes(x, sh);
  for (int i = 0; i < FB_CMB_DEP_NOP; i++) fb_cmb_casc_add_line(d, x[i] * ME_EV, 0.75 * w * sh[i], vec);
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
  /* scattered photons (none deposited); shares below 1e-10 of the primary are dropped (cost: 8 lines per step) */
  if (vec && x_abs * r->a_pp > 1e-10 * r->a) pp_photons(d, E, x_abs * r->a_pp / r->a, vec);
  if (r->a_bh + r->a_gg > 0) {
    /* Bethe-Heitler and photon-photon pairs (the CMB photon's energy neglected): each lepton (E - 2 m_e)/2 */
    const double x = x_abs * (r->a_bh + r->a_gg) / r->a;
    dep += fb_cmb_dep_electron_out(d, k, 0.5 * (E - 2.0 * ME_EV), x * (1.0 - 2.0 * ME_EV / E), vec);
    /* the positron annihilates at rest with an ambient electron: 2 m_e into photons (positronium since branch
     * secphot2: 1/4 a 511 keV line, 3/4 the ortho continuum; before all 511 keV) */
    if (vec) fb_cmb_casc_add_positronium(d, x * 2.0 * ME_EV / E, 1, vec);
  }
  return dep;
}

void fb_cmb_casc_build(fb_cmb_dep *d) {
  const int NG = d->ng;
  const double h = d->h;
  double B[FB_CMB_DEP_NG_MAX];
  for (size_t k = 0; k < d->n; k++) {
    double *M = d->M + k * NG * NG, *dg = d->depg + k * NG;
    memset(M, 0, NG * NG * sizeof *M);
    for (int g = 0; g < NG; g++) {
      /* down: the energy ratio to the next bin down (per bin on the non-uniform grid; bin 0 that of bins 0 and 1) */
      const double E = d->gE[g], down = g > 0 ? d->gE[g - 1] / E : d->gE[0] / d->gE[1];
      double *col = M + g * NG; /* column g: energy in each bin at the end of the cell per unit energy in g */
      /* an exact-track bin (branch cmbgrid): fb_cmb_casc_run hands its photons to the track kernels; the matrix keeps
       * them (photons arriving there during the cell are handed over at the next node) */
      if (g >= d->g_trk0 && g < d->g_trk) {
        col[g] = 1.0;
        dg[g] = 0.0;
        continue;
      }
      fb_cmb_dep_rates r;
      fb_cmb_dep_photon_rates(d, k, E, &r);
      /* advection to the next bin down at the rate r_adv that loses energy at (1 + b) per unit s; with discrete
       * Compton scattering (branch compton, bins above k = FB_CMB_DEP_K_DISC) the advection is the redshift alone and
       * the scatterings (rate s_c) leave the bin through the Klein-Nishina kernel (fb_cmb_dep_scatter_out) */
      const int disc = !d->compton_continuous && E >= FB_CMB_DEP_K_DISC * FB_ME_GEV * 1e9;
      const double sc = disc ? r.s_c : 0.0, r_adv = (1.0 + (disc ? 0.0 : r.b)) / (1.0 - down);
      const double R = r.a + r_adv + sc, P = -expm1(-R * h);
      memset(B, 0, NG * sizeof *B);
      double dep0 = disc ? fb_cmb_dep_outcome(d, k, E, &r, P * r.a / R, 0.0, B) + fb_cmb_dep_scatter_out(d, k, E, P * sc / R, B)
                         : fb_cmb_dep_outcome(d, k, E, &r, P * r.a / R, P * r.b / R, B);
      if (g > 0) B[g - 1] += P * r_adv / R * down;
      /* the energy coming back into bin g in this step is processed again (immediate cascade) */
      const double self = fmin(B[g], 0.999);
      B[g] = 0.0;
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
  const int NG = d->ng;
  const size_t n = d->n;
  double s[FB_CMB_DEP_NG_MAX] = {0}, t[FB_CMB_DEP_NG_MAX] = {0};
  int top = 0; /* s is zero above bin top - 1 (the matrices are lower triangular; branch feffgrid: loops end there) */
  size_t p_lo = (size_t)-1; /* lowest node with photons back from a track (d->pend; branch cmbgrid) */
  double *dcol = d->pend ? d->pend + n * (size_t)NG : NULL; /* the tracks' deposits in column j (n; zero between calls) */
  size_t d_lo = (size_t)-1;
  for (size_t kk = j + 1; kk-- > 0;) {
    const size_t k = kk;
    double tot = 0.0;
    if (k >= k_lo)
      for (int g = 0; g < NG; g++) {
        s[g] += src[k * NG + g];
        if (src[k * NG + g] != 0.0 && g >= top) top = g + 1;
      }
    if (k >= p_lo) { /* the photons that come back from their tracks at this node (branch cmbgrid) */
      double *pk = d->pend + k * NG;
      for (int g = 0; g <= d->g_trk && g < NG; g++) {
        s[g] += pk[g];
        if (pk[g] != 0.0 && g >= top) top = g + 1;
        pk[g] = 0.0;
      }
    }
    for (int g = 0; g < top; g++) tot += s[g];
    /* the exact-track bins (branch cmbgrid): their photons leave the grid and deposit along their tracks from node k */
    for (int g = d->g_trk0; g < d->g_trk && g < top; g++) {
      if (!(s[g] != 0.0)) continue;
      const size_t i = (size_t)(g - d->g_trk0) * n + k, ke = (size_t)d->trk_lo[i];
      const double *restrict K = d->Ktrk + i * (FB_CMB_DEP_TRK_CELLS + 1), sg = s[g];
      double *restrict dc = dcol + ke; /* contiguous; added to column j of D at the end */
      const size_t len = k - ke + 1;
      for (size_t o = 0; o < len; o++) dc[o] += sg * K[o];
      if (ke < d_lo) d_lo = ke;
      const int qo = d->trk_out[i];
      if (qo >= 0) {
        d->pend[ke * NG + qo] += sg * d->trk_w[2 * i];
        if (qo + 1 < NG) d->pend[ke * NG + qo + 1] += sg * d->trk_w[2 * i + 1];
        if (ke < p_lo) p_lo = ke;
      }
      tot -= sg;
      s[g] = 0.0;
    }
    if (tot < 1e-9) {
      if (k <= k_lo && k <= p_lo) break;
      continue;
    }
    const double *M = d->M + k * NG * NG, *dg = d->depg + k * NG;
    double dep = 0.0;
    memset(t, 0, top * sizeof *t);
    for (int g = 0; g < top; g++) {
      if (!(s[g] > 0)) continue;
      dep += dg[g] * s[g];
      /* t[0..g] += col[0..g] s[g], in pairs (vectorised at -O2 as straight-line code; branch feffgrid): an odd count is
       * padded with row g + 1 of the column, which is zero (lower triangular), when the column has one */
      const double *col = M + g * NG, sg = s[g];
      const int qn = g + 1 < NG ? (g + 2) & ~1 : g + 1;
      int q = 0;
      for (; q + 1 < qn; q += 2) {
        t[q] += col[q] * sg;
        t[q + 1] += col[q + 1] * sg;
      }
      if (q < qn) t[q] += col[q] * sg;
    }
    D[k * n + j] += dep;
    memcpy(s, t, top * sizeof *s);
  }
  for (size_t q = d_lo; q <= j && d_lo != (size_t)-1; q++) {
    D[q * n + j] += dcol[q];
    dcol[q] = 0.0;
  }
}
