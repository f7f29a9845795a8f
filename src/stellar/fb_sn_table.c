/**
 * @file fb_sn_table.c
 * @brief The per-mass SN1987A emission/optical-depth table shared by every benchmark (BC1, BC4-BC9):
 *        storage, the luminosity L(coupling), the band edges L = L_nu and the largest excluded mass.
 *        Split out of fb_sn_darkphoton.c (issue 16); see fb_sn_darkphoton.h for the table layout. Also the
 *        emission loop of the absorbed-and-decaying bosons (BC4/BC5, BC10/BC11; fb_sn_table.h).
 *
 * Emission and absorption both scale as the coupling squared, so L(eps) = eps^2 sum_e W_e sum_k
 * wmu_k exp(-eps^2 tau_ek) (wmu_k: direction weights).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_roots.h"
#include "fb_sn_darkphoton.h"
#include "fb_sn_table.h"

#define SN_EPS_SCAN_MIN 1e-16 /* coupling range searched for the band */
#define SN_EPS_SCAN_MAX 1.0
#define SN_EPS_SCAN_PER_DECADE 4

void fb_sn_table_free(fb_sn_table *t) {
  if (!t) return;
  free(t->W); free(t->tau); free(t->wmu);
  free(t->el_node); free(t->tau_lo); free(t->tau_hi);
  memset(t, 0, sizeof *t);
}

int fb_sn_table_reserve(fb_sn_table *t, size_t cap, size_t n_mu, fb_err *err) {
  t->shell_avg = 0; /* the builder sets it again after fb_sn_table_shell_average */
  if (t->cap >= cap && t->n_mu == n_mu && t->el_node) return FB_OK;
  /* atomic: the arrays are allocated anew (the table is refilled after a reserve) and swapped in only
   * when all succeed; on failure t keeps its arrays, cap and n_mu (review fix: a failed second realloc left W
   * resized under a stale cap) */
  FB_TEST(err, n_mu == 0 || cap == 0 || cap > SIZE_MAX / sizeof(double) / n_mu, FB_ERR_MEMORY,
          "SN table of %zu elements x %zu directions: size out of range", cap, n_mu);
  double *W = malloc(cap * sizeof *W), *tau = malloc(cap * n_mu * sizeof *tau), *wmu = malloc(n_mu * sizeof *wmu);
  double *tlo = malloc(cap * n_mu * sizeof *tlo), *thi = malloc(cap * n_mu * sizeof *thi);
  int *node = malloc(cap * sizeof *node);
  if (!W || !tau || !wmu || !tlo || !thi || !node) {
    free(W), free(tau), free(wmu), free(tlo), free(thi), free(node);
    FB_FAIL(err, FB_ERR_MEMORY, "cannot allocate the SN table (%zu elements x %zu directions)", cap, n_mu);
  }
  free(t->W), free(t->tau), free(t->wmu), free(t->tau_lo), free(t->tau_hi), free(t->el_node);
  t->W = W;
  t->tau = tau;
  t->wmu = wmu;
  t->tau_lo = tlo;
  t->tau_hi = thi;
  t->el_node = node;
  t->cap = cap;
  t->n_mu = n_mu;
  return FB_OK;
}

/* Shell average of exp(-x tau) on the half shell where tau runs linearly from tau_c (midpoint) to tau_c - z/x (edge):
 * exp(-x tau_c) expm1(z)/z, the series 1 + z/2 + z^2/6 + z^3/24 for |z| < 1e-2 (relative error < 1e-10) saves the
 * expm1 of most calls; for z > 700 (an edge far more transparent than the midpoint) e^{-x tau_edge}/z without
 * overflow. ec = exp(-x tau_c). */
static inline double half_shell(double ec, double x_tau_c, double z) {
  if (fabs(z) < 1e-2) return ec * (1.0 + z * (0.5 + z * (1.0 / 6.0 + z * (1.0 / 24.0))));
  if (z > 700.0) return exp(z - x_tau_c) / z * (-expm1(-z)); /* e^{-x tau_edge} (1 - e^{-z})/z */
  return ec * expm1(z) / z;
}

double fb_sn_table_luminosity_erg_s(const fb_sn_table *t, double eps) {
  double e2 = eps * eps, L = 0.0;
  for (size_t e = 0; e < t->n_el; e++) {
    const double *tau = t->tau + e * t->n_mu;
    double s = 0.0;
    if (t->shell_avg) {
      const double *lo = t->tau_lo + e * t->n_mu, *hi = t->tau_hi + e * t->n_mu;
      for (size_t k = 0; k < t->n_mu; k++) {
        if (!isfinite(tau[k]) || e2 * fmin(tau[k], fmin(lo[k], hi[k])) > 745.0) continue; /* exp underflows */
        double xt = e2 * tau[k], ec = exp(-xt);
        s += t->wmu[k] * 0.5 * (half_shell(ec, xt, xt - e2 * lo[k]) + half_shell(ec, xt, xt - e2 * hi[k]));
      }
    } else {
      for (size_t k = 0; k < t->n_mu; k++) s += t->wmu[k] * exp(-e2 * tau[k]);
    }
    L += t->W[e] * s;
  }
  return e2 * L;
}

typedef struct edge_par {
  const fb_sn_table *t;
  double lnLnu;
} edge_par;

static double edge_fn(double lneps, void *p) {
  const edge_par *e = p;
  double L = fb_sn_table_luminosity_erg_s(e->t, exp(lneps));
  return L > 0 ? log(L) - e->lnLnu : -1e3;
}

int fb_sn_table_edges(const fb_sn_table *t, double L_nu_erg_s, double *eps_low, double *eps_high,
                      double *eps_peak, fb_err *err) {
  FB_TEST(err, !t || !(L_nu_erg_s > 0), FB_ERR_INPUT, "NULL table or L_nu <= 0");
  *eps_low = *eps_high = NAN;
  if (eps_peak) *eps_peak = NAN;
  edge_par par = {t, log(L_nu_erg_s)};
  const double a0 = log(SN_EPS_SCAN_MIN), a1 = log(SN_EPS_SCAN_MAX);
  const int ns = (int)((log10(SN_EPS_SCAN_MAX) - log10(SN_EPS_SCAN_MIN)) * SN_EPS_SCAN_PER_DECADE);
  double best = -HUGE_VAL, xb = a0;
  int ib = 0;
  for (int i = 0; i <= ns; i++) {
    double x = a0 + (a1 - a0) * i / ns, f = edge_fn(x, &par);
    if (f > best) { best = f; xb = x; ib = i; }
  }
  /* golden-section refinement of the maximum of ln L in ln eps */
  double h = (a1 - a0) / ns, lo = fmax(a0, xb - h), hi = fmin(a1, xb + h);
  const double gr = 0.5 * (sqrt(5.0) - 1.0);
  double c = hi - gr * (hi - lo), d = lo + gr * (hi - lo), fc = edge_fn(c, &par), fd = edge_fn(d, &par);
  for (int it = 0; it < 40; it++) {
    if (fc > fd) { hi = d; d = c; fd = fc; c = hi - gr * (hi - lo); fc = edge_fn(c, &par); }
    else { lo = c; c = d; fc = fd; d = lo + gr * (hi - lo); fd = edge_fn(d, &par); }
  }
  double xm = fc > fd ? c : d, fm = fmax(fc, fd);
  if (fm < best) { xm = xb; fm = best; }
  (void)ib;
  if (eps_peak) *eps_peak = exp(xm);
  if (!(fm > 0)) return FB_OK; /* nothing excluded */
  fb_roots_options ro;
  fb_roots_options_default(&ro);
  ro.xtol_rel = 0.0;
  ro.xtol_abs = 1e-6; /* in ln eps */
  ro.max_expand = 0;
  ro.x_min = a0;
  ro.x_max = a1;
  double root;
  if (edge_fn(a0, &par) < 0) {
    FB_CALL(err, fb_roots_find(edge_fn, &par, a0, xm, &ro, &root, err));
    *eps_low = exp(root);
  } else {
    *eps_low = exp(a0); /* excluded down to the scan floor */
  }
  if (edge_fn(a1, &par) < 0) {
    FB_CALL(err, fb_roots_find(edge_fn, &par, xm, a1, &ro, &root, err));
    *eps_high = exp(root);
  } else {
    *eps_high = exp(a1);
  }
  return FB_OK;
}

int fb_sn_mass_max_bisect(fb_sn_table_fn table, void *ctx, double L_nu_erg_s, double m_lo, double m_hi,
                          double rel_tol, double *mass_max, fb_err *err) {
  FB_TEST(err, !table || !mass_max || !(m_lo > 0 && m_hi > m_lo && rel_tol > 0), FB_ERR_INPUT,
          "mass bracket [%g, %g] GeV or tolerance %g invalid", m_lo, m_hi, rel_tol);
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  int rc = FB_OK;
  double lo, hi, ph;
  double a = m_lo, b = m_hi;
  for (int pass = 0; pass < 2; pass++) {
    double mm = pass == 0 ? a : b;
    FB_CALL_GOTO(err, rc, table(&t, mm, ctx, err), done);
    FB_CALL_GOTO(err, rc, fb_sn_table_edges(&t, L_nu_erg_s, &lo, &hi, &ph, err), done);
    FB_TEST_GOTO(err, rc, pass == 0 && !isfinite(lo), FB_ERR_NUMERIC, done, "mass %g GeV is not excluded", mm);
    FB_TEST_GOTO(err, rc, pass == 1 && isfinite(lo), FB_ERR_NUMERIC, done, "mass %g GeV is still excluded", mm);
  }
  while (b / a > 1.0 + rel_tol) {
    double mid = sqrt(a * b);
    FB_CALL_GOTO(err, rc, table(&t, mid, ctx, err), done);
    FB_CALL_GOTO(err, rc, fb_sn_table_edges(&t, L_nu_erg_s, &lo, &hi, &ph, err), done);
    if (isfinite(lo)) a = mid; else b = mid;
  }
  *mass_max = sqrt(a * b);
done:
  fb_sn_table_free(&t);
  return rc;
}


/* ------------------------------------------------------------------ the shared emission loop (fb_sn_table.h) */
static const double GEV2_TO_ERG_S_TAB = FB_GEV_TO_INV_S / FB_ERG_TO_GEV;

int fb_sn_table_fill(fb_sn_table *t, const fb_sn_medium *m, double mass_GeV, const fb_sn_emitter *em, fb_err *err) {
  FB_TEST(err, !t || !m || !em || !em->gamma_abs || !em->path_rate, FB_ERR_INPUT, "NULL table, medium or rates");
  FB_TEST(err, em->n_extra < 0 || em->n_extra > FB_SN_EMITTER_MAX_EXTRA || (em->n_extra > 0 && !em->gamma_extra),
          FB_ERR_INPUT, "emitter: n_extra = %d (allowed 0-%d, with gamma_extra)", em->n_extra, FB_SN_EMITTER_MAX_EXTRA);
  const int nx = em->n_extra;
  for (int j = 0; j < nx; j++)
    if (em->L_extra[j]) *em->L_extra[j] = 0.0;
  const int nr = fb_sn_n_shells(m), ne = m->opt.n_energy;
  const size_t nm = (size_t)m->opt.n_mu;
  FB_CALL(err, fb_sn_table_reserve(t, (size_t)nr * (size_t)ne, nm, err));
  t->mass_GeV = mass_GeV;
  t->n_el = 0;
  t->L0_T = t->L0_L = t->L0_res = 0.0;
  for (size_t k = 0; k < nm; k++) t->wmu[k] = m->wmu[k];
  const int decays = m->opt.decays && em->decay;
  FB_TEST(err, ne > FB_SN_PATH_MULTI_MAX, FB_ERR_RANGE, "n_energy = %d: at most %d energy nodes per shell", ne,
          FB_SN_PATH_MULTI_MAX);
  double oms[FB_SN_PATH_MULTI_MAX];
  for (int i = 0; i < nr; i++) {
    const size_t e0 = t->n_el;
    double rlo, rhi, r0, V;
    fb_sn_shell(m, i, &rlo, &rhi, &r0, &V); /* uniform; with the shell average the last one split */
    fb_sn_point q = fb_sn_point_at(m, r0);
    if (!(q.T > 0)) continue;
    /* luminosity at infinity (lapse^2), weighted by the emission edge; only bosons that escape gravity */
    double fac = V * q.lapse * q.lapse * GEV2_TO_ERG_S_TAB * fb_sn_emission_weight(m, r0);
    double om_min = fmax(mass_GeV, mass_GeV * m->lapse_far / q.lapse), boltz = exp(-om_min / q.T);
    for (int k = 0; k < ne; k++) {
      double u = m->u[k], om = om_min + q.T * u, x = om / q.T;
      /* int_{om_min} domega F = T sum wu_k F(u_k) e^{u_k}/sqrt(u_k), and e^{u} e^{-om/T} = e^{-om_min/T} */
      double qw = fac * q.T * m->wu[k] / sqrt(u) * boltz;
      double kB = sqrt(fmax(om * om - mass_GeV * mass_GeV, 0.0));
      /* energy emitted per mode: om (k om/2 pi^2) e^{-om/T} [Gamma_abs + R_dec/(1 - e^{-om/T})] */
      double mode = qw * om * kB * om / (2.0 * FB_PI * FB_PI);
      double WB = mode * em->gamma_abs(&q, r0, om, em->ctx);
      double WX[FB_SN_EMITTER_MAX_EXTRA], rx[FB_SN_EMITTER_MAX_EXTRA], W = WB, sx = 0.0;
      if (nx > 0) em->gamma_extra(&q, r0, om, em->ctx, rx);
      for (int j = 0; j < nx; j++) {
        WX[j] = mode * rx[j];
        W += WX[j];
        sx += WX[j];
      }
      double WD = decays ? mode * em->decay(&q, r0, om, -expm1(-x), em->ctx) / (-expm1(-x)) : 0.0;
      W += WD;
      if (!(W > 0)) continue;
      size_t e = t->n_el++;
      t->W[e] = W;
      t->L0_T += WB;
      t->L0_L += WD;
      if (nx > 0) t->L0_res += sx;
      for (int j = 0; j < nx; j++)
        if (em->L_extra[j]) *em->L_extra[j] += WX[j];
      oms[e - e0] = om;
      t->el_node[e] = i * ne + k;
    }
    /* the optical depths of this shell's elements, direction by direction (the path points shared by its energies
     * when the emitter has a multi-energy rate) */
    const size_t ns = t->n_el - e0;
    for (size_t d = 0; d < nm; d++) {
      double tau[FB_SN_PATH_MULTI_MAX];
      if (!(m->opt.absorption || m->opt.decays)) {
        for (size_t j = 0; j < ns; j++) tau[j] = 0.0;
      } else if (em->path_rate_multi) {
        fb_sn_path_tau_multi(m, mass_GeV, r0, ns, oms, m->mu[d], em->path_rate_multi, em->ctx, tau);
      } else {
        for (size_t j = 0; j < ns; j++) tau[j] = fb_sn_path_tau(m, mass_GeV, r0, oms[j], m->mu[d], em->path_rate, em->ctx);
      }
      for (size_t j = 0; j < ns; j++) t->tau[(e0 + j) * nm + d] = tau[j];
    }
  }
  return fb_sn_table_shell_average(t, m, err);
}

/* fb_sn_path_tau (fb_sn_darkphoton.c) for several energies: the same trapezoid in s = smax t^2, the same local
 * energies om0 lapse(r0)/lapse(r); the medium point and radius are computed once per path point. */
void fb_sn_path_tau_multi(const fb_sn_medium *m, double mass, double r0, size_t n, const double *om0, double mu,
                          fb_sn_rate_multi_fn rate, void *ctx, double *tau) {
  const int N = m->opt.n_path;
  const double re = m->r_tau_invGeV;
  for (size_t k = 0; k < n; k++) tau[k] = 0.0;
  if (n == 0 || !(r0 < re)) return;
  double smax = -r0 * mu + sqrt(re * re - r0 * r0 * (1.0 - mu * mu));
  double lapse0 = fb_sn_point_at(m, r0).lapse, s_prev = 0.0;
  double prev[FB_SN_PATH_MULTI_MAX], om[FB_SN_PATH_MULTI_MAX], lnom[FB_SN_PATH_MULTI_MAX], lnom0[FB_SN_PATH_MULTI_MAX],
      rt[FB_SN_PATH_MULTI_MAX];
  size_t k0 = 0; /* energies below k0 are trapped (om0 ascending from fb_sn_table_fill; checked per energy anyway) */
  for (size_t k = 0; k < n; k++) lnom0[k] = log(om0[k] * lapse0);
  for (int j = 0; j <= N; j++) {
    double t = (double)j / N, s = smax * t * t;
    double r = sqrt(fmax(r0 * r0 + s * s + 2.0 * r0 * s * mu, 0.0));
    fb_sn_point q = fb_sn_point_at(m, r);
    double lnl = log(q.lapse);
    for (size_t k = k0; k < n; k++) {
      om[k] = om0[k] * lapse0 / q.lapse;
      lnom[k] = lnom0[k] - lnl;
      if (!(om[k] * om[k] - mass * mass > 0)) tau[k] = INFINITY; /* gravitationally trapped */
    }
    while (k0 < n && isinf(tau[k0])) k0++;
    if (k0 == n) return;
    rate(&q, r, n - k0, om + k0, lnom + k0, ctx, rt + k0);
    for (size_t k = k0; k < n; k++) {
      if (isinf(tau[k])) continue;
      double f = rt[k] / (sqrt(om[k] * om[k] - mass * mass) / om[k]);
      if (j > 0) tau[k] += 0.5 * (prev[k] + f) * (s - s_prev);
      prev[k] = f;
    }
    s_prev = s;
  }
}

/* Emission shells (fb_sn_table.h). */
int fb_sn_n_shells(const fb_sn_medium *m) {
  return m->opt.n_radial + (fb_sn_shell_graded(m) ? FB_SN_SURFACE_SUBSHELLS - FB_SN_SURFACE_SPLIT : 0);
}

void fb_sn_shell(const fb_sn_medium *m, int i, double *rlo, double *rhi, double *r0, double *V) {
  const int N = m->opt.n_radial, S = FB_SN_SURFACE_SUBSHELLS, n0 = N - FB_SN_SURFACE_SPLIT;
  const double R = m->r_emit_invGeV, d = FB_SN_SURFACE_SPLIT * R / N;
  if (!fb_sn_shell_graded(m) || i < n0) {
    *rlo = i * (R / N);
    *rhi = (i + 1) * (R / N);
  } else {
    /* the outermost FB_SN_SURFACE_SPLIT shells (width d) split into S sub-shells, r = R - d (1 - j/S)^2: the
     * outermost d/S^2 wide */
    int j = i - n0;
    double a = 1.0 - (double)j / S, b = 1.0 - (double)(j + 1) / S;
    *rlo = R - d * a * a;
    *rhi = j + 1 == S ? R : R - d * b * b;
  }
  *r0 = 0.5 * (*rlo + *rhi);
  *V = 4.0 * FB_PI / 3.0 * ((*rhi) * (*rhi) * (*rhi) - (*rlo) * (*rlo) * (*rlo));
}

int fb_sn_shell_graded(const fb_sn_medium *m) {
  return m->opt.shell_average && m->opt.criterion == FB_SN_CRIT_TRANSFER;
}

/* Shell average of the attenuation (fb_sn_table.h). For each energy node and direction, tau(r) is taken linear between
 * the midpoints of neighbouring shells, 0 at the neutrinosphere for outward directions of the last shell (the paths of
 * the transfer criterion end there), extrapolated linearly for inward ones (clamped at 0), and flat where a neighbour
 * has no element or an infinite optical depth. */
int fb_sn_table_shell_average(fb_sn_table *t, const fb_sn_medium *m, fb_err *err) {
  t->shell_avg = 0;
  if (!fb_sn_shell_graded(m) || t->n_el == 0) return FB_OK;
  FB_TEST(err, !t->el_node || !t->tau_lo || !t->tau_hi, FB_ERR_INPUT, "SN table without shell-average storage");
  const int nr = fb_sn_n_shells(m), n0 = m->opt.n_radial - FB_SN_SURFACE_SPLIT, ne = m->opt.n_energy; /* n0: first
                                                                                                       sub-shell */
  const size_t nm = t->n_mu, ncell = (size_t)nr * (size_t)ne;
  long *idx = malloc(ncell * sizeof *idx);
  FB_TEST(err, !idx, FB_ERR_MEMORY, "cannot allocate the shell index (%zu cells)", ncell);
  for (size_t c = 0; c < ncell; c++) idx[c] = -1;
  for (size_t e = 0; e < t->n_el; e++) {
    int c = t->el_node[e];
    if (c < 0 || (size_t)c >= ncell) {
      free(idx);
      FB_FAIL(err, FB_ERR_INTERNAL, "SN table element %zu has node %d outside %d shells x %d energies", e, c, nr, ne);
    }
    idx[c] = (long)e;
  }
  for (size_t e = 0; e < t->n_el; e++) {
    const int i = t->el_node[e] / ne, k = t->el_node[e] % ne;
    /* the midpoint rule (lo = hi = tau) in the uniform shells; tau linear between the surface sub-shells */
    const long ein = i > n0 ? idx[(size_t)(i - 1) * ne + k] : -1, eout = i >= n0 && i + 1 < nr ? idx[(size_t)(i + 1) * ne + k] : -1;
    double rlo, rhi, r0, V, a, b, rin = 0.0, rout = 0.0;
    fb_sn_shell(m, i, &rlo, &rhi, &r0, &V);
    if (i > 0) fb_sn_shell(m, i - 1, &a, &b, &rin, &V);
    if (i + 1 < nr) fb_sn_shell(m, i + 1, &a, &b, &rout, &V);
    /* fractions of the way to the neighbouring midpoints at the shell edges */
    const double fin = i > 0 ? (r0 - rlo) / (r0 - rin) : 0.0, fout = i + 1 < nr ? (rhi - r0) / (rout - r0) : 0.0;
    for (size_t d = 0; d < nm; d++) {
      double tc = t->tau[e * nm + d], lo = tc, hi = tc;
      if (isfinite(tc)) {
        double tin = ein >= 0 ? t->tau[(size_t)ein * nm + d] : NAN, tout = eout >= 0 ? t->tau[(size_t)eout * nm + d] : NAN;
        if (isfinite(tin)) lo = tc + fin * (tin - tc);
        if (isfinite(tout)) hi = tc + fout * (tout - tc);
        else if (i == nr - 1)
          hi = m->mu[d] > 0 ? 0.0 : (isfinite(tin) ? fmax(tc + (rhi - r0) / (r0 - rin) * (tc - tin), 0.0) : tc);
      }
      t->tau_lo[e * nm + d] = lo;
      t->tau_hi[e * nm + d] = hi;
    }
  }
  free(idx);
  t->shell_avg = 1;
  return FB_OK;
}
