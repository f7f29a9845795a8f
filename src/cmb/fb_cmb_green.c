/**
 * @file fb_cmb_green.c
 * @brief Distortion Green's function of heating projected onto the FIRAS band (fb_cmb.h, "firas" distortion
 *        method; issue 15).
 *
 * Physics (Chluba & Sunyaev arXiv:1109.6552; Chluba arXiv:1304.6120 sec. 3-4; Khatri & Sunyaev
 * arXiv:1207.6654): heat released at redshift z first appears as a y-type distortion Delta n = (Delta rho/rho)
 * Y(x)/4 (Y = G (x coth(x/2) - 4), G = x e^x/(e^x - 1)^2); Compton scattering then evolves it with the
 * linearised Kompaneets equation over the Compton parameter y_gamma(z) = int_0^z theta_e sigma_T n_e c dt
 * (theta_e = k T/(m_e c^2)) from z to recombination,
 *     d(x^2 Delta n)/dy = d/dx [ x^4 ( dDelta n/dx + (1 + 2 n_pl) Delta n + Delta_e dn_pl/dx ) ],
 * with T_e = T (1 + Delta_e) set by energy conservation (Compton equilibrium of the electrons) and photon
 * number conserved (no double Compton / bremsstrahlung: their photons appear at x << 1, outside the FIRAS
 * band; their effect at z >~ 2e5 is the thermalisation visibility J_bb, applied on top):
 *     G_th(x, z) ~ J_bb(z) K(x, y_gamma(z)) + (1 - J_bb(z)) G(x)/4,
 * K the Kompaneets solution per unit Delta rho/rho (K -> Y/4 for y_gamma -> 0, -> 1.401 M(x) for
 * y_gamma >> 1, M = G (1/2.19229 - 1/x) the number-conserving mu shape). The residual (r-type)
 * distortion of the transition era (y_gamma ~ 0.01-3) is not a combination of G, Y, M; what a measurement
 * calls mu and y is the least-squares projection of the intensity x^3 G_th onto x^3 {G, Y, M} over the
 * detector's frequencies (Chluba & Jeong arXiv:1306.5751 sec. 2 and appendix A, as in CLASS v3's exact
 * branching ratios): here uniform weights over the 43 FIRAS channels 2.27-21.33 cm^-1 (68-639 GHz;
 * Fixsen et al. astro-ph/9605054 table 4). mu and y are therefore detector-dependent in the transition era.
 * Stated approximations: the ionisation history of y_gamma is stepwise (H and He fully ionised above
 * z = 6000, He singly ionised 2500-6000, hydrogen only 1200-2500, nothing below 1200: He III -> II
 * recombination at z ~ 6000, He II -> I at z ~ 2000-2500, H at z ~ 1100-1500, Switzer & Hirata
 * astro-ph/0702143; y_gamma < 4e-3 below z = 1e4 where this matters); J_bb multiplies the
 * Compton solution (its thermalisation is not coupled to the x-dependence).
 */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fb_cmb.h"
#include "fb_cache.h"
#include "fb_constants.h"

/* Kompaneets grid: cells in ln x (Delta s = 0.0134; 400 / 1600 cells change mu of a decay by < 0.5 % / < 0.1 %). */
#ifndef KX_N /* (overridable only to measure the grid convergence) */
#define KX_N 800
#endif
#ifndef KX_LO
#define KX_LO 1.0e-3
#endif
#define KX_HI 50.0
#define KY_STOP 40.0 /* y_gamma beyond which K is the stationary Bose-Einstein (mu) state (projections at 35 and 190 agree to 1e-5) */


static double n_pl(double x) { return 1.0 / expm1(x); }
static double shape_G(double x) { return x * exp(x) / (expm1(x) * expm1(x)); }
static double shape_Y(double x) { return shape_G(x) * (x / tanh(0.5 * x) - 4.0); }
static double shape_M(double x) { return shape_G(x) * (1.0 / FB_CMB_BETA_M - 1.0 / x); }

double fb_cmb_firas_nu_GHz(int j) {
  /* 43 channels, uniform in nu [cm^-1] from 2.27 to 21.33 (Fixsen et al. astro-ph/9605054 table 4) */
  const double nu_cm = FB_FIRAS_NU_LO_CM + (FB_FIRAS_NU_HI_CM - FB_FIRAS_NU_LO_CM) * j / (FB_FIRAS_N_CHANNELS - 1.0);
  return nu_cm * FB_C_CM_S * 1e-9;
}

/* Least-squares projection of the intensity x^3 dn over the band's channels onto x^3 {G, Y, M}: coefficients
 * (g, y, mu), uniform weights. The normal matrix is inverted once (pinv = (B^T B)^-1 B^T, 3 x n). */
typedef struct proj {
  int n;
  double *xj;
  double *pinv[3];
} proj;

static void proj_free(proj *p) {
  free(p->xj);
  for (int a = 0; a < 3; a++) free(p->pinv[a]);
}

static int proj_init(proj *p, const fb_cmb_params *par, fb_err *err) {
  memset(p, 0, sizeof *p);
  const int n = par->sd_n_channels;
  FB_TEST(err, !(n >= 3 && n <= 4096 && par->sd_nu_lo_GHz > 0 && par->sd_nu_hi_GHz > par->sd_nu_lo_GHz), FB_ERR_INPUT,
          "distortion band: need 3 <= channels <= 4096 and 0 < nu_lo < nu_hi (got %d, %g, %g GHz)", n, par->sd_nu_lo_GHz,
          par->sd_nu_hi_GHz);
  p->n = n;
  p->xj = malloc((size_t)n * sizeof *p->xj);
  for (int a = 0; a < 3; a++) p->pinv[a] = malloc((size_t)n * sizeof *p->pinv[a]);
  double *B = malloc(3 * (size_t)n * sizeof *B);
  if (!p->xj || !p->pinv[0] || !p->pinv[1] || !p->pinv[2] || !B) {
    free(B);
    proj_free(p);
    FB_FAIL(err, FB_ERR_MEMORY, "cannot allocate the distortion band");
  }
  /* x = h nu/(k T0), h/k = 2 pi hbar c/(k_B c) */
  const double h_over_k_K_per_GHz = 2.0 * FB_PI * FB_HBARC_GEV_CM * 1e9 / FB_KB_EV_K / FB_C_CM_S * 1e9;
  double A[3][3] = {{0}};
  for (int j = 0; j < n; j++) {
    const double nu = par->sd_nu_lo_GHz + (par->sd_nu_hi_GHz - par->sd_nu_lo_GHz) * j / (n - 1.0);
    const double x = h_over_k_K_per_GHz * nu / par->T0_K, x3 = x * x * x;
    p->xj[j] = x;
    B[3 * j + 0] = x3 * shape_G(x);
    B[3 * j + 1] = x3 * shape_Y(x);
    B[3 * j + 2] = x3 * shape_M(x);
    for (int a = 0; a < 3; a++)
      for (int b = 0; b < 3; b++) A[a][b] += B[3 * j + a] * B[3 * j + b];
  }
  /* 3 x 3 inverse by cofactors */
  const double det = A[0][0] * (A[1][1] * A[2][2] - A[1][2] * A[2][1]) - A[0][1] * (A[1][0] * A[2][2] - A[1][2] * A[2][0]) +
                     A[0][2] * (A[1][0] * A[2][1] - A[1][1] * A[2][0]);
  if (!(fabs(det) > 0)) {
    free(B);
    proj_free(p);
    FB_FAIL(err, FB_ERR_NUMERIC, "distortion band: singular normal matrix");
  }
  double I[3][3];
  for (int a = 0; a < 3; a++)
    for (int b = 0; b < 3; b++) {
      const int a1 = (b + 1) % 3, a2 = (b + 2) % 3, b1 = (a + 1) % 3, b2 = (a + 2) % 3;
      I[a][b] = (A[a1][b1] * A[a2][b2] - A[a1][b2] * A[a2][b1]) / det;
    }
  for (int a = 0; a < 3; a++)
    for (int j = 0; j < n; j++) p->pinv[a][j] = I[a][0] * B[3 * j] + I[a][1] * B[3 * j + 1] + I[a][2] * B[3 * j + 2];
  free(B);
  return FB_OK;
}

/* Kompaneets state on the cell grid. */
typedef struct komp {
  double s0, ds;                        /* ln x of cell 0, cell width in ln x */
  double x[KX_N], vol[KX_N];            /* centres, x^2 dx */
  double lo[KX_N], di[KX_N], up[KX_N];  /* L (tridiagonal): (L dn)_i = lo_i dn_{i-1} + di_i dn_i + up_i dn_{i+1} */
  double le[KX_N], e[KX_N];             /* Delta_e source and Delta_e = e . dn */
  double dn[KX_N], dn0[KX_N];             /* state, initial state */
  double cp[KX_N], dp[KX_N], a[KX_N], b[KX_N]; /* scratch */
} komp;

static void komp_init(komp *k) {
  memset(k, 0, sizeof *k);
  k->s0 = log(KX_LO);
  k->ds = (log(KX_HI) - log(KX_LO)) / KX_N;
  for (int i = 0; i < KX_N; i++) {
    const double sl = k->s0 + i * k->ds, sr = sl + k->ds;
    k->x[i] = exp(0.5 * (sl + sr));
    k->vol[i] = k->x[i] * k->x[i] * (exp(sr) - exp(sl));
  }
  /* face f between cells f and f+1: F = x^4 [ (dn_{f+1} - dn_f)/h + (1 + 2 n_pl)(dn_f + dn_{f+1})/2 + Delta_e n_pl' ] */
  for (int f = 0; f < KX_N - 1; f++) {
    const double xf = exp(k->s0 + (f + 1) * k->ds), h = k->x[f + 1] - k->x[f];
    const double x4 = xf * xf * xf * xf, af = x4 / h, bf = x4 * (1.0 + 2.0 * n_pl(xf)), cf = -x4 * shape_G(xf) / xf;
    const double ci = -af + 0.5 * bf, cj = af + 0.5 * bf; /* F = ci dn_f + cj dn_{f+1} + cf Delta_e */
    k->di[f] += ci / k->vol[f];
    k->up[f] += cj / k->vol[f];
    k->le[f] += cf / k->vol[f];
    k->lo[f + 1] -= ci / k->vol[f + 1];
    k->di[f + 1] -= cj / k->vol[f + 1];
    k->le[f + 1] -= cf / k->vol[f + 1];
  }
  /* Delta_e such that the discrete energy sum_i x_i vol_i dn_i is conserved exactly: E.(L dn) + (E.le) Delta_e = 0 */
  double Ele = 0.0;
  for (int i = 0; i < KX_N; i++) Ele += k->x[i] * k->vol[i] * k->le[i];
  for (int i = 0; i < KX_N; i++) {
    double EL = k->x[i] * k->vol[i] * k->di[i];
    if (i > 0) EL += k->x[i - 1] * k->vol[i - 1] * k->up[i - 1];
    if (i + 1 < KX_N) EL += k->x[i + 1] * k->vol[i + 1] * k->lo[i + 1];
    k->e[i] = -EL / Ele;
  }
  /* initial y-type distortion per unit Delta rho/rho */
  for (int i = 0; i < KX_N; i++) k->dn0[i] = k->dn[i] = 0.25 * shape_Y(k->x[i]);
}

/* Solve (I - dt L) u = r and (I - dt L) v = q (Thomas): one elimination for both right-hand sides, the same
 * operations per side as two separate solves (bit-identical to them). */
static void tri_solve2(komp *k, double dt, const double *r, double *u, const double *q, double *v) {
  double bet = 1.0 - dt * k->di[0];
  u[0] = r[0] / bet;
  v[0] = q[0] / bet;
  for (int i = 1; i < KX_N; i++) {
    k->cp[i] = -dt * k->up[i - 1] / bet;
    const double l = -dt * k->lo[i];
    bet = 1.0 - dt * k->di[i] - l * k->cp[i];
    u[i] = (r[i] - l * u[i - 1]) / bet;
    v[i] = (q[i] - l * v[i - 1]) / bet;
  }
  for (int i = KX_N - 2; i >= 0; i--) {
    u[i] -= k->cp[i + 1] * u[i + 1];
    v[i] -= k->cp[i + 1] * v[i + 1];
  }
}

/* One implicit-Euler step dn <- (I - dt (L + le e^T))^-1 dn (Sherman-Morrison for the rank-one Delta_e term). */
static void komp_step(komp *k, double dt) {
  tri_solve2(k, dt, k->dn, k->a, k->le, k->b);
  double ea = 0.0, eb = 0.0;
  for (int i = 0; i < KX_N; i++) {
    ea += k->e[i] * k->a[i];
    eb += k->e[i] * k->b[i];
  }
  const double f = dt * ea / (1.0 - dt * eb);
  for (int i = 0; i < KX_N; i++) k->dn[i] = k->a[i] + f * k->b[i];
}

/* dn at x (linear in ln x between cell centres). */
static double komp_at(const komp *k, const double *dn, double x) {
  const double u = (log(x) - k->s0) / k->ds - 0.5;
  int i = (int)floor(u);
  if (i < 0) i = 0;
  if (i > KX_N - 2) i = KX_N - 2;
  const double w = u - i;
  return (1.0 - w) * dn[i] + w * dn[i + 1];
}

/* Projection of K: the exact one of the initial Y/4 (0, 1/4, 0) plus that of the change dn - dn(y = 0), so that
 * the discretisation of Y itself does not leak into p_mu at small y_gamma. */
static void project(const proj *p, const komp *k, double out[3]) {
  out[0] = 0.0;
  out[1] = 0.25;
  out[2] = 0.0;
  for (int j = 0; j < p->n; j++) {
    const double x = p->xj[j], v = x * x * x * (komp_at(k, k->dn, x) - komp_at(k, k->dn0, x));
    for (int a = 0; a < 3; a++) out[a] += p->pinv[a][j] * v;
  }
}

/* Free electrons per hydrogen nucleus, stepwise (file comment). */
static double electrons_per_H(double z, double fHe) {
  if (z > 6000.0) return 1.0 + 2.0 * fHe;
  if (z > 2500.0) return 1.0 + fHe;
  if (z > 1200.0) return 1.0;
  return 0.0;
}

static int green_compute(fb_cmb_gth *g, const fb_cmb *c, fb_err *err) {
  memset(g, 0, sizeof *g);
  const fb_cmb_params *p = &c->par;
  g->n = FB_CMB_GREEN_NZ;
  g->L0 = log1p(p->z_min);
  g->dL = (log1p(p->z_max) - g->L0) / (double)(g->n - 1);
  g->y_gamma = malloc(g->n * sizeof *g->y_gamma);
  g->pg = malloc(g->n * sizeof *g->pg);
  g->py = malloc(g->n * sizeof *g->py);
  g->pm = malloc(g->n * sizeof *g->pm);
  komp *k = malloc(sizeof *k);
  if (!g->y_gamma || !g->pg || !g->py || !g->pm || !k) {
    free(k);
    fb_cmb_green_free(g);
    FB_FAIL(err, FB_ERR_MEMORY, "cannot allocate the FIRAS Green's-function tables");
  }
  /* y_gamma(z) = int_0^z theta sigma_T n_e c / ((1+z') H) dz' = int (theta sigma_T n_e c / H) dL (trapezoid, 8
   * substeps per node; the part below z_min, if z_min > 1200, by the same rule from L = ln 1201) */
  const double rho_b0 = p->omega_b_h2 * FB_RHO_CRIT_H2_GEV_CM3;
  const double nH0 = (1.0 - FB_YHE_MASS_FRACTION) * rho_b0 / FB_MP_GEV;
  const double fHe = FB_YHE_MASS_FRACTION / (FB_MHE_OVER_MH * (1.0 - FB_YHE_MASS_FRACTION));
  const double theta0 = p->T0_K * FB_K_TO_GEV / FB_ME_GEV;
#define DYDL(LL)                                                                                                        \
  (theta0 * exp(4.0 * (LL)) * FB_SIGMA_THOMSON_CM2 * nH0 * electrons_per_H(expm1(LL), fHe) * FB_C_CM_S /                \
   fb_cmb_hubble_inv_s(c, expm1(LL)))
  double y = 0.0;
  {
    const double Lr = log(1201.0);
    if (g->L0 > Lr) {
      const int m = 400;
      const double h = (g->L0 - Lr) / m;
      for (int i = 0; i < m; i++) {
        const double La = Lr + i * h;
        y += 0.5 * h * (DYDL(La) + DYDL(La + h));
      }
    }
  }
  g->y_gamma[0] = y;
  for (size_t i = 1; i < g->n; i++) {
    const double h = g->dL / 8.0;
    for (int s = 0; s < 8; s++) {
      const double La = g->L0 + (double)(i - 1) * g->dL + s * h;
      y += 0.5 * h * (DYDL(La) + DYDL(La + h));
    }
    g->y_gamma[i] = y;
  }
#undef DYDL
  /* Kompaneets evolution through the y_gamma of the nodes (increasing), projected at each */
  proj pr;
  int rc = proj_init(&pr, p, err);
  if (rc != FB_OK) {
    free(k);
    fb_cmb_green_free(g);
    return rc;
  }
  komp_init(k);
  double yk = 0.0, last[3];
  for (size_t i = 0; i < g->n; i++) {
    const double target = fmin(g->y_gamma[i], KY_STOP);
    while (yk < target) {
      /* implicit Euler, dy <= 4e-3 y and <= 0.02 (halving both changes mu of a decay by < 5e-4) */
      double dy = fmin(FB_CMB_GREEN_DY_REL * fmax(yk, 1e-7), FB_CMB_GREEN_DY_MAX);
      if (yk + dy > target) dy = target - yk;
      komp_step(k, dy);
      yk += dy;
    }
    if (g->y_gamma[i] <= KY_STOP || i == 0 || g->y_gamma[i - 1] < KY_STOP) project(&pr, k, last);
    g->pg[i] = last[0];
    g->py[i] = last[1];
    g->pm[i] = last[2];
  }
  free(k);
  proj_free(&pr);
  return FB_OK;
}

/* ---- set-up cache. The tables depend only on the inputs below and on the compiled code: a process-wide copy
 * (several model states or fb_cmb objects in one process) and the persistent cache of fb_cache.h (every plane of
 * the main job is a process of its own; ~0.27 s per rank and plane before). The key holds every input of
 * green_compute; a hit returns the stored doubles, i.e. the recomputation bit for bit (test_cmb_green_cache). */
#define GREEN_TAG "fipbounds cmb_green v1"
static const char *const GREEN_LIB_SYMBOLS[] = {"exp", "log", "expm1", "log1p", "tanh"};

static int green_key(const fb_cmb *c, uint8_t *key, size_t cap, size_t *len) {
  const fb_cmb_params *p = &c->par;
  const double d[] = {p->z_min,  p->z_max,       p->omega_b_h2,  p->T0_K,    p->sd_nu_lo_GHz,
                      p->sd_nu_hi_GHz, c->H0_inv_s, c->Omega_r,  c->Omega_m, c->Omega_L,
                      KX_LO,     KX_HI,          KY_STOP,        FB_CMB_GREEN_DY_REL, FB_CMB_GREEN_DY_MAX};
  const int32_t ints[4] = {p->sd_n_channels, KX_N, FB_CMB_GREEN_NZ, (int32_t)sizeof d};
  *len = 0;
  if (cap < sizeof GREEN_TAG + sizeof ints + sizeof d) return 0;
  memcpy(key, GREEN_TAG, sizeof GREEN_TAG);
  memcpy(key + sizeof GREEN_TAG, ints, sizeof ints);
  memcpy(key + sizeof GREEN_TAG + sizeof ints, d, sizeof d);
  *len = sizeof GREEN_TAG + sizeof ints + sizeof d;
  return fb_cache_code_id((const void *)green_compute, GREEN_LIB_SYMBOLS,
                          (int)(sizeof GREEN_LIB_SYMBOLS / sizeof *GREEN_LIB_SYMBOLS), key, cap, len);
}

/* payload: L0, dL, then y_gamma, pg, py, pm (n each) */
static size_t green_payload_n(size_t n) { return 2 + 4 * n; }

static void green_pack(const fb_cmb_gth *g, double *d) {
  d[0] = g->L0;
  d[1] = g->dL;
  const double *t[4] = {g->y_gamma, g->pg, g->py, g->pm};
  for (int a = 0; a < 4; a++) memcpy(d + 2 + a * g->n, t[a], g->n * sizeof *d);
}

static int green_unpack(fb_cmb_gth *g, const double *d, size_t n) {
  memset(g, 0, sizeof *g);
  double **t[4] = {&g->y_gamma, &g->pg, &g->py, &g->pm};
  for (int a = 0; a < 4; a++) {
    *t[a] = malloc(n * sizeof(double));
    if (!*t[a]) {
      fb_cmb_green_free(g);
      return 0;
    }
    memcpy(*t[a], d + 2 + a * n, n * sizeof(double));
  }
  g->n = n;
  g->L0 = d[0];
  g->dL = d[1];
  return 1;
}

static pthread_mutex_t green_mem_lock = PTHREAD_MUTEX_INITIALIZER;
static uint8_t green_mem_key[FB_CACHE_KEY_MAX];
static size_t green_mem_len;
static double *green_mem; /* payload of the last table set of this process (never freed: one per process) */

int fb_cmb_green_init(fb_cmb_gth *g, const fb_cmb *c, fb_err *err) {
  uint8_t key[FB_CACHE_KEY_MAX];
  size_t len = 0;
  const size_t n = FB_CMB_GREEN_NZ, np = green_payload_n(n);
  const int keyed = green_key(c, key, sizeof key, &len);
  if (keyed) {
    int hit = 0;
    pthread_mutex_lock(&green_mem_lock);
    if (green_mem && green_mem_len == len && !memcmp(green_mem_key, key, len)) hit = green_unpack(g, green_mem, n);
    pthread_mutex_unlock(&green_mem_lock);
    if (hit) return FB_OK;
    void *data = NULL;
    size_t nb = 0;
    if (fb_cache_load(NULL, "cmb_green", key, len, &data, &nb) && nb == np * sizeof(double) && green_unpack(g, data, n)) {
      /* keep the loaded payload as the process-wide copy too: the next fb_cmb of this process needs no file read
       * (review, session 10) */
      pthread_mutex_lock(&green_mem_lock);
      free(green_mem);
      green_mem = data;
      memcpy(green_mem_key, key, len);
      green_mem_len = len;
      pthread_mutex_unlock(&green_mem_lock);
      return FB_OK;
    }
    free(data);
  }
  FB_CALL(err, green_compute(g, c, err));
  if (!keyed) return FB_OK;
  double *d = malloc(np * sizeof *d);
  if (!d) return FB_OK; /* the tables are computed; only the cache is skipped */
  green_pack(g, d);
  fb_cache_store(NULL, "cmb_green", key, len, d, np * sizeof *d);
  pthread_mutex_lock(&green_mem_lock);
  free(green_mem);
  green_mem = d;
  memcpy(green_mem_key, key, len);
  green_mem_len = len;
  pthread_mutex_unlock(&green_mem_lock);
  return FB_OK;
}

void fb_cmb_green_free(fb_cmb_gth *g) {
  if (!g) return;
  free(g->y_gamma);
  free(g->pg);
  free(g->py);
  free(g->pm);
  memset(g, 0, sizeof *g);
}

/* Cubic Hermite (Catmull-Rom) interpolation of a node table in L; clamped at the ends. */
static double interp(const fb_cmb_gth *g, const double *t, double L) {
  double u = (L - g->L0) / g->dL;
  if (u <= 0) return t[0];
  if (u >= (double)(g->n - 1)) return t[g->n - 1];
  size_t i = (size_t)floor(u);
  const double w = u - (double)i;
  const double p0 = i > 0 ? t[i - 1] : 2.0 * t[i] - t[i + 1], p1 = t[i], p2 = t[i + 1];
  const double p3 = i + 2 < g->n ? t[i + 2] : 2.0 * t[i + 1] - t[i];
  const double m1 = 0.5 * (p2 - p0), m2 = 0.5 * (p3 - p1);
  const double w2 = w * w, w3 = w2 * w;
  return (2 * w3 - 3 * w2 + 1) * p1 + (w3 - 2 * w2 + w) * m1 + (-2 * w3 + 3 * w2) * p2 + (w3 - w2) * m2;
}

void fb_cmb_green_eval(const fb_cmb_gth *g, double z, double *p_g, double *p_y, double *p_mu, double *y_gamma) {
  const double L = log1p(z);
  if (p_g) *p_g = interp(g, g->pg, L);
  if (p_y) *p_y = interp(g, g->py, L);
  if (p_mu) *p_mu = interp(g, g->pm, L);
  if (y_gamma) *y_gamma = interp(g, g->y_gamma, L);
}
