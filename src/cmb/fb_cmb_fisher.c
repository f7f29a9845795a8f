/**
 * @file fb_cmb_fisher.c
 * @brief The Fisher kernel of `aniso_method = fisher`: reading inputs/cmb_fisher_kernel.dat, mapping a deposition
 *        history onto its bins, Delta chi^2 = a^T F a (physics, conventions and citations: fb_cmb_fisher.h).
 */
#include "fb_cmb_fisher.h"
#include "fb_path.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fb_cmb.h"
#include "fb_constants.h"

#ifndef FB_SOURCE_DIR
#define FB_SOURCE_DIR "."
#endif

int fb_cmb_fisher_kernel_from_name(const char *name, int *out, fb_err *err) {
  if (name && !strcmp(name, "ideal")) *out = FB_CMB_FISHER_IDEAL;
  else if (name && !strcmp(name, "planck_lowl")) *out = FB_CMB_FISHER_PLANCK_LOWL;
  else FB_FAIL(err, FB_ERR_INPUT, "fisher_kernel = '%s': allowed ideal|planck_lowl", name ? name : "(null)");
  return FB_OK;
}

const char *fb_cmb_fisher_kernel_file(int which) {
  return which == FB_CMB_FISHER_PLANCK_LOWL ? FB_CMB_FISHER_KERNEL_FILE_PLANCK : FB_CMB_FISHER_KERNEL_FILE;
}

void fb_cmb_fisher_free(fb_cmb_fisher *f) {
  if (!f) return;
  free(f->L);
  free(f->E_ref);
  free(f->F);
  free(f->Ffix);
  free(f->pz);
  free(f->pt);
  free(f->pw);
  free(f->pk);
  free(f->ph);
  free(f->a);
  memset(f, 0, sizeof *f);
}

/* n numbers after the first two words of line into out (more numbers may follow when extra != 0); 0 on success */
static int parse_row(const char *line, size_t n, int extra, double *out) {
  const char *s = line;
  for (int w = 0; w < 2; w++) { /* skip the label and the row index */
    while (*s == ' ' || *s == '\t') s++;
    while (*s && *s != ' ' && *s != '\t') s++;
  }
  for (size_t j = 0; j < n; j++) {
    char *end;
    out[j] = strtod(s, &end);
    if (end == s || !isfinite(out[j])) return -1;
    s = end;
  }
  while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
  return *s && !extra ? -1 : 0;
}

int fb_cmb_fisher_read(fb_cmb_fisher *f, const char *path, fb_err *err) {
  memset(f, 0, sizeof *f);
  fb_data_file(path, f->path, sizeof f->path); /* working directory, $FIPBOUNDS_DATA_DIR, install prefix, source */
  FILE *fp = fopen(f->path, "r");
  if (!fp) {
    char tried[4096];
    fb_data_file_tried(path, tried, sizeof tried);
    return fb_err_set(err, FB_ERR_IO, __func__, __LINE__,
                      "aniso_method = fisher: cannot read the kernel '%s' (tried %s; made by tools/cmb_fisher_kernel.py)",
                      path, tried);
  }
  int rc = FB_OK;
  char *line = NULL;
  size_t cap = 0;
  long lineno = 0;
  size_t got_nodes = 0, got_F = 0, got_Ff = 0;
  unsigned char seen[3][FB_CMB_FISHER_MAX_BINS] = {{0}}; /* node, F, Ffix rows read: each index once */
  while (getline(&line, &cap, fp) > 0) {
    lineno++;
    if (line[0] == '#' || line[0] == '\n') continue;
    char tag[16];
    long k = -1;
    if (sscanf(line, "%15s %ld", tag, &k) != 2) {
      rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__, "%s:%ld: expected '<tag> <number> ...'", f->path, lineno);
      break;
    }
    if (!strcmp(tag, "n_bins")) {
      if (f->n || k < 2 || k > FB_CMB_FISHER_MAX_BINS) {
        rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__, "%s:%ld: n_bins = %ld (once, 2..%d)", f->path, lineno, k,
                        FB_CMB_FISHER_MAX_BINS);
        break;
      }
      f->n = (size_t)k;
      f->L = calloc(f->n, sizeof *f->L);
      f->E_ref = calloc(f->n, sizeof *f->E_ref);
      f->F = calloc(f->n * f->n, sizeof *f->F);
      f->Ffix = calloc(f->n * f->n, sizeof *f->Ffix);
      f->a = calloc(f->n, sizeof *f->a);
      if (!f->L || !f->E_ref || !f->F || !f->Ffix || !f->a) {
        rc = fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "cannot allocate the Fisher kernel");
        break;
      }
      continue;
    }
    if (!f->n || k < 0 || (size_t)k >= f->n) {
      rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__, "%s:%ld: row index %ld before n_bins or outside 0..n_bins-1",
                      f->path, lineno, k);
      break;
    }
    int bad = 0;
    const int kind = !strcmp(tag, "node") ? 0 : !strcmp(tag, "F") ? 1 : !strcmp(tag, "Ffix") ? 2 : -1;
    if (kind >= 0 && seen[kind][k]++) {
      rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__, "%s:%ld: a second '%s %ld' row (each row index once)",
                      f->path, lineno, tag, k);
      break;
    }
    if (!strcmp(tag, "node")) {
      double v[3]; /* z_node, L_node, E_ref (the linearity columns after them are information) */
      bad = parse_row(line, 3, 1, v) || !(v[2] > 0) || fabs(v[1] - log1p(v[0])) > 1e-6 * (1 + v[1]);
      f->L[k] = v[1];
      f->E_ref[k] = v[2];
      got_nodes++;
    } else if (!strcmp(tag, "F")) {
      bad = parse_row(line, f->n, 0, f->F + (size_t)k * f->n);
      got_F++;
    } else if (!strcmp(tag, "Ffix")) {
      bad = parse_row(line, f->n, 0, f->Ffix + (size_t)k * f->n);
      got_Ff++;
    } else {
      bad = 1;
    }
    if (bad) {
      rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__, "%s:%ld: malformed '%s' line (format: the file's header)",
                      f->path, lineno, tag);
      break;
    }
  }
  free(line);
  fclose(fp);
  if (rc == FB_OK && !(f->n && got_nodes == f->n && got_F == f->n && got_Ff == f->n))
    rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__, "%s: needs n_bins and n_bins node, F and Ffix rows (got %zu, %zu, %zu)",
                    f->path, got_nodes, got_F, got_Ff);
  for (size_t k = 0; rc == FB_OK && k < f->n; k++) {
    if (k > 0 && !(f->L[k] > f->L[k - 1]))
      rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__, "%s: nodes must increase (node %zu)", f->path, k);
    for (size_t l = 0; rc == FB_OK && l < k; l++) {
      const double x = f->F[k * f->n + l], y = f->F[l * f->n + k];
      if (fabs(x - y) > 1e-6 * sqrt(fabs(f->F[k * f->n + k] * f->F[l * f->n + l])))
        rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__, "%s: F not symmetric at (%zu, %zu)", f->path, k, l);
    }
  }
  if (rc != FB_OK) {
    fb_cmb_fisher_free(f);
    return rc;
  }
  f->L_top = 2.0 * f->L[f->n - 1] - f->L[f->n - 2];
  return FB_OK;
}

/* window index and weight of the point L (fb_cmb_fisher.h); -1 above L_top */
static int window_of(const fb_cmb_fisher *f, double L, double *h) {
  if (L <= f->L[0]) {
    *h = 1.0;
    return 0;
  }
  if (L >= f->L_top) return -1;
  size_t k = 0;
  while (k + 1 < f->n && L > f->L[k + 1]) k++;
  const double hi = k + 1 < f->n ? f->L[k + 1] : f->L_top;
  const double c = cos(0.5 * FB_PI * (L - f->L[k]) / (hi - f->L[k]));
  *h = c * c;
  return (int)k;
}

int fb_cmb_fisher_setup(fb_cmb_fisher *f, const fb_cmb *c, fb_err *err) {
  const fb_cmb_xe *xe = &c->xe;
  FB_TEST(err, !(xe->n >= 2 && f->n >= 2), FB_ERR_INTERNAL, "fisher setup needs the xe grid and a kernel");
  FB_TEST(err, !(f->L_top > xe->L[xe->n - 1] && f->L[0] < xe->L[0]), FB_ERR_INPUT,
          "%s: the bins (z = %g .. %g) must reach beyond the xe grid (z = %g .. %g)", f->path, expm1(f->L[0]),
          expm1(f->L_top), expm1(xe->L[0]), expm1(xe->L[xe->n - 1]));
  const size_t m_lo = (size_t)ceil(xe->L[0] / FB_CMB_FISHER_DL);
  const double Lhi = xe->L[xe->n - 1];
  const size_t m_hi = (size_t)ceil((f->L_top - Lhi) / FB_CMB_FISHER_DL);
  f->np = m_lo + xe->n + m_hi; /* the last point above sits at L_top (weight 0 there: h = 0) */
  f->i_grid0 = m_lo;
  f->n_grid = xe->n;
  f->pz = malloc(f->np * sizeof *f->pz);
  f->pt = malloc(f->np * sizeof *f->pt);
  f->pw = malloc(f->np * sizeof *f->pw);
  f->ph = malloc(f->np * sizeof *f->ph);
  f->pk = malloc(f->np * sizeof *f->pk);
  FB_TEST(err, !f->pz || !f->pt || !f->pw || !f->ph || !f->pk, FB_ERR_MEMORY, "cannot allocate the Fisher quadrature");
  double *L = f->pw; /* L first, weights after */
  for (size_t j = 0; j < m_lo; j++) L[j] = xe->L[0] * (double)j / (double)m_lo;
  for (size_t i = 0; i < xe->n; i++) L[m_lo + i] = xe->L[i];
  for (size_t j = 1; j <= m_hi; j++) L[m_lo + xe->n + j - 1] = Lhi + (f->L_top - Lhi) * (double)j / (double)m_hi;
  for (size_t i = 0; i < f->np; i++) {
    f->pz[i] = expm1(L[i]);
    f->pt[i] = (i >= m_lo && i < m_lo + xe->n) ? xe->t_s[i - m_lo] : fb_cmb_time_s(c, f->pz[i]);
    int k = window_of(f, L[i], &f->ph[i]);
    f->pk[i] = k < 0 ? (int)f->n - 1 : k; /* above L_top: the last window with weight 0 (skipped) */
    if (k < 0) f->ph[i] = 0.0;
  }
  /* trapezoid weights in L, over n_H H (q = eps/(n_H H) per unit L) */
  double Lprev = L[0];
  for (size_t i = 0; i < f->np; i++) {
    const double Li = L[i], Lnext = i + 1 < f->np ? L[i + 1] : L[i];
    const double dL = 0.5 * (Lnext - Lprev);
    Lprev = Li;
    const double x = 1.0 + f->pz[i];
    f->pw[i] = dL / (xe->nH0_cm3 * x * x * x * fb_cmb_hubble_inv_s(c, f->pz[i]));
  }
  return FB_OK;
}

double fb_cmb_fisher_chi2(fb_cmb_fisher *f, const double *eps_grid, fb_cmb_fisher_eps_fn eps_out, void *ctx, int fixed) {
  const size_t n = f->n;
  memset(f->a, 0, n * sizeof *f->a);
  for (size_t i = 0; i < f->np; i++) {
    const double h = f->ph[i];
    if (h == 0.0 && (size_t)f->pk[i] + 1 >= n) continue; /* above the last window */
    const int in_grid = eps_grid && i >= f->i_grid0 && i - f->i_grid0 < f->n_grid;
    const double eps = in_grid ? eps_grid[i - f->i_grid0] : eps_out(f->pz[i], f->pt[i], ctx);
    const double v = f->pw[i] * eps;
    const size_t k = (size_t)f->pk[i];
    f->a[k] += h * v;
    if (k + 1 < n) f->a[k + 1] += (1.0 - h) * v;
  }
  for (size_t k = 0; k < n; k++) f->a[k] /= f->E_ref[k];
  const double *F = fixed ? f->Ffix : f->F;
  double chi2 = 0.0;
  for (size_t k = 0; k < n; k++) {
    double s = 0.0;
    for (size_t l = 0; l < n; l++) s += F[k * n + l] * f->a[l];
    chi2 += f->a[k] * s;
  }
  return chi2;
}

typedef struct decay_ctx {
  double amp, tau_s, z_grid_lo, ratio_lo;
} decay_ctx;

/* on-the-spot decay outside the xe grid (below it times the deposited/on-the-spot ratio at its lowest point) */
static double decay_eps(double z, double t_s, void *p) {
  const decay_ctx *d = p;
  const double x = 1.0 + z;
  const double e = d->amp * x * x * x * exp(-t_s / d->tau_s);
  return z < d->z_grid_lo ? e * d->ratio_lo : e;
}

double fb_cmb_fisher_decay_chi2(fb_cmb_fisher *f, const fb_cmb *c, double tau_s, double fmY_GeV, int fixed) {
  decay_ctx d = {1e9 * fmY_GeV * c->s0_cm3 / tau_s, tau_s, expm1(c->xe.L[0]), 1.0};
  const double ots0 = d.amp * c->x3[0] * exp(-c->xe.t_s[0] / tau_s);
  if (ots0 > 0 && isfinite(c->eps[0] / ots0)) d.ratio_lo = c->eps[0] / ots0;
  return fb_cmb_fisher_chi2(f, c->eps, decay_eps, &d, fixed);
}
