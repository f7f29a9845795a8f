/**
 * @file fb_scalar_mo.c
 * @brief Two-channel Muskhelishvili-Omnes solution for the pion and kaon scalar form factors;
 *        method, inputs and citations in fb_scalar_mo.h.
 */
#include "fb_scalar_mo.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_pipi_swave.h"

#define SQRT3 1.73205080756887729353
#ifndef MO_NK
#define MO_NK 40
#endif
/* MO_NK: Gauss-Legendre nodes per interval (convergence: docs/validation.md BC4) */
#define MO_SM_CU_GEV2 (1.2 * 1.2) /* end of the chiral-unitary input (Oller-Oset range, hep-ph/9702314) */
#define MO_E1_GEV2 0.36       /* interval edges inside the sigma region and below the f0(980) (node density only) */
#define MO_E2_GEV2 (0.85 * 0.85)
#define MO_E3_GEV2 (0.93 * 0.93)
#define MO_SIGN12_GEV2 (1.1 * 1.1) /* GKPY input: sign of S12 from the chiral-unitary amplitude here */
#define MO_INVIT_SWEEPS 6   /* inverse-iteration sweeps for the null space (converged: docs/validation.md BC4) */
#define MO_UNWRAP_STEPS 2000  /* steps of the phase unwrapping (d_K at the matching point) */
#define MO_TAB_MMIN_GEV 0.26  /* table in m: from below 2 m_pi0 ... */
#define MO_TAB_MMAX_GEV 2.6   /* ... to above the end of the exclusive band */
#define MO_TAB_DM_GEV 5e-4    /* table step (the f0(980) is ~50 MeV wide) */

/* ---------------------------------------------------------------- input S-matrix */
static double s0_of(const fb_scalar_mo *mo) { return 4.0 * mo->cu.m_pi_GeV * mo->cu.m_pi_GeV; }
static double sk_of(const fb_scalar_mo *mo) { return 4.0 * mo->cu.m_K_GeV * mo->cu.m_K_GeV; }

/* Oller-Oset S-matrix, S = 1 + 2 i sqrt(sigma_i sigma_j) t_ij with t = -T/(16 pi) (fb_scalar_ff.h) */
static void oo_smatrix(const fb_scalar_mo *mo, double s, double complex S[2][2]) {
  double complex T[2][2];
  fb_scalar_ff_tmatrix(&mo->cu, s, T);
  const double sig[2] = {sqrt(fmax(1.0 - s0_of(mo) / s, 0.0)), sqrt(fmax(1.0 - sk_of(mo) / s, 0.0))};
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++) S[i][j] = (i == j) - 2.0 * I * sqrt(sig[i] * sig[j]) * T[i][j] / (16.0 * FB_PI);
}

static double guide(const fb_scalar_mo *mo, double s, double x_m, double x_inf) {
  return x_inf + (x_m - x_inf) * 2.0 / (1.0 + pow(s / mo->s_m, 1.5));
}

void fb_scalar_mo_phases(const fb_scalar_mo *mo, double s, double *d, double *dK, double *eta) {
  *d = *dK = 0.0;
  *eta = 1.0;
  if (mo->phase_fn) {
    *d = mo->phase_fn(s, mo->phase_par);
    return;
  }
  if (s >= mo->s_m) {
    *d = guide(mo, s, mo->d_m, mo->single_channel ? FB_PI : 2.0 * FB_PI);
    if (mo->single_channel) return;
    *dK = guide(mo, s, mo->dK_m, 0.0);
    *eta = guide(mo, s, mo->eta_m, 1.0);
    return;
  }
  if (s <= s0_of(mo)) return;
  if (mo->input == FB_MO_INPUT_GKPY) {
    /* GKPY CFD delta_0^0, eta_0^0 (fb_pipi_swave.h); K Kbar elastic phase 0 (fb_scalar_mo.h) */
    *d = fb_gkpy_delta00(s);
    if (!mo->single_channel && s > sk_of(mo)) {
      *eta = fb_gkpy_eta00(s);
      if (mo->kk_phase_cu) {
        /* K Kbar -> K Kbar phase of the chiral-unitary amplitude up to 1.2 GeV, then guided to 0 */
        fb_scalar_mo cu = *mo;
        cu.input = FB_MO_INPUT_CHIRAL_UNITARY;
        cu.s_m = MO_SM_CU_GEV2;
        cu.phase_fn = NULL;
        double dd, ee;
        fb_scalar_mo_phases(&cu, fmin(s, MO_SM_CU_GEV2 * (1.0 - 1e-12)), &dd, dK, &ee);
        if (s > MO_SM_CU_GEV2) *dK *= 2.0 / (1.0 + pow(s / MO_SM_CU_GEV2, 1.5));
      }
    }
    return;
  }
  fb_scalar_ff_phase(&mo->cu, s, d, eta);
  if (mo->single_channel || s <= sk_of(mo)) {
    *eta = 1.0;
    return;
  }
  /* d_K: half the argument of S22/eta, unwrapped from the K Kbar threshold (0 there) */
  double prev = 0.0;
  for (int i = 1; i <= MO_UNWRAP_STEPS; i++) {
    double complex S[2][2];
    oo_smatrix(mo, sk_of(mo) + (s - sk_of(mo)) * i / MO_UNWRAP_STEPS, S);
    double h = 0.5 * carg(S[1][1]);
    while (h - prev > 0.5 * FB_PI) h -= FB_PI;
    while (h - prev < -0.5 * FB_PI) h += FB_PI;
    prev = h;
  }
  *dK = prev;
}

double fb_scalar_mo_t21_below(const fb_scalar_mo *mo, double s) {
  /* chiral-unitary t21 = -T21/(16 pi) (fb_scalar_ff.h) without its Watson phase e^{i delta} */
  double complex T[2][2];
  double d, eta;
  fb_scalar_ff_tmatrix(&mo->cu, s, T);
  fb_scalar_ff_phase(&mo->cu, s, &d, &eta);
  return creal(-T[1][0] / (16.0 * FB_PI) * cexp(-I * d));
}

/* S-matrix at s on the cut; nch = 1 below 4 m_K^2 (or single channel) */
static void smatrix(const fb_scalar_mo *mo, double s, double complex S[2][2], int *nch) {
  *nch = (mo->single_channel || s <= sk_of(mo)) ? 1 : 2;
  if (mo->phase_fn || s >= mo->s_m || mo->input == FB_MO_INPUT_GKPY || (mo->single_channel && s > s0_of(mo))) {
    double d, dK, eta;
    fb_scalar_mo_phases(mo, s, &d, &dK, &eta);
    S[0][0] = eta * cexp(2.0 * I * d);
    S[1][1] = eta * cexp(2.0 * I * dK);
    S[0][1] = S[1][0] = I * mo->sign12 * sqrt(fmax(1.0 - eta * eta, 0.0)) * cexp(I * (d + dK));
  } else {
    oo_smatrix(mo, s, S);
  }
  if (*nch == 1) {
    S[0][1] = S[1][0] = 0.0;
    S[1][1] = 1.0;
  }
}

/* P X = Q R (fb_scalar_mo.h): P = Sigma^-1/2 Re(S^1/2) Sigma^1/2, Q = Sigma^-1/2 Im(S^1/2) Sigma^1/2.
 * 2x2 square root by Cayley-Hamilton: sqrt(S) = (S + r 1)/sqrt(tr S + 2 r), r^2 = det S, the sign of
 * r taken to keep the denominator away from 0 (any branch gives the same condition). */
static void pq_matrices(const fb_scalar_mo *mo, double s, double P[2][2], double Q[2][2], int *nch) {
  double complex S[2][2];
  smatrix(mo, s, S, nch);
  if (*nch == 1) {
    const double complex r = csqrt(S[0][0]);
    P[0][0] = creal(r);
    Q[0][0] = cimag(r);
    P[1][1] = 1.0;
    Q[1][1] = P[0][1] = P[1][0] = Q[0][1] = Q[1][0] = 0.0;
    if (!mo->single_channel && mo->below_kk && s > s0_of(mo)) {
      /* K row below 2 m_K: Im Omega_2j = t21^* sigma_pi Omega_1j with t21 = r e^{i d} (Watson),
       * i.e. X_2 = sigma_pi r (cos d R_1 + sin d X_1) (fb_scalar_mo.h) */
      double d, dK, eta;
      fb_scalar_mo_phases(mo, s, &d, &dK, &eta);
      const double a = sqrt(1.0 - s0_of(mo) / s) * fb_scalar_mo_t21_below(mo, s);
      P[1][0] = -a * sin(d);
      Q[1][0] = a * cos(d);
    }
    return;
  }
  const double complex det = S[0][0] * S[1][1] - S[0][1] * S[1][0], tr = S[0][0] + S[1][1];
  double complex r = csqrt(det);
  if (cabs(tr - 2.0 * r) > cabs(tr + 2.0 * r)) r = -r;
  const double complex den = csqrt(tr + 2.0 * r);
  const double sp = sqrt(1.0 - s0_of(mo) / s), sk = sqrt(1.0 - sk_of(mo) / s), sc[2] = {sqrt(sp), sqrt(sk)};
  for (int a = 0; a < 2; a++)
    for (int b = 0; b < 2; b++) {
      const double complex q = (S[a][b] + (a == b) * r) / den;
      P[a][b] = creal(q) * sc[b] / sc[a];
      Q[a][b] = cimag(q) * sc[b] / sc[a];
    }
}

/* ---------------------------------------------------------------- nodes */
/* interval k: finite, s = a + (b - a)(1 - cos(pi v))/2 (clusters at both ends: square-root thresholds);
 * last: s = e / (1 - v); v = (x + 1)/2, x the Gauss-Legendre abscissa in [-1, 1] */
static double map_s(const fb_scalar_mo *mo, int k, double x, double *dsdx) {
  const double v = 0.5 * (x + 1.0);
  if (k == mo->nint - 1) {
    const double e = mo->edge[k];
    *dsdx = 0.5 * e / ((1.0 - v) * (1.0 - v));
    return e / (1.0 - v);
  }
  const double a = mo->edge[k], b = mo->edge[k + 1];
  *dsdx = 0.25 * (b - a) * FB_PI * sin(FB_PI * v);
  return a + (b - a) * 0.5 * (1.0 - cos(FB_PI * v));
}

static double unmap_s(const fb_scalar_mo *mo, int k, double s) {
  if (k == mo->nint - 1) return 2.0 * (1.0 - mo->edge[k] / s) - 1.0;
  const double a = mo->edge[k], b = mo->edge[k + 1];
  return 2.0 * acos(fmin(1.0, fmax(-1.0, 1.0 - 2.0 * (s - a) / (b - a)))) / FB_PI - 1.0;
}

static int make_nodes(fb_scalar_mo *mo, fb_err *err) {
  if (mo->input == FB_MO_INPUT_GKPY) {
    const double e[8] = {s0_of(mo), MO_E1_GEV2, MO_E2_GEV2, MO_E3_GEV2, sk_of(mo), MO_SM_CU_GEV2, mo->s_m, 4.0 * mo->s_m};
    mo->nint = 8;
    memcpy(mo->edge, e, sizeof e);
  } else {
    const double e[5] = {s0_of(mo), MO_E1_GEV2, sk_of(mo), mo->s_m, 4.0 * mo->s_m};
    mo->nint = 5;
    memcpy(mo->edge, e, sizeof e);
  }
  const int nk = MO_NK;
  mo->n = mo->nint * nk;
  mo->s = malloc(mo->n * sizeof *mo->s);
  mo->w = malloc(mo->n * sizeof *mo->w);
  mo->dvds = malloc(mo->n * sizeof *mo->dvds);
  mo->xb = malloc(nk * sizeof *mo->xb);
  mo->bw = malloc(nk * sizeof *mo->bw);
  gsl_integration_glfixed_table *tab = gsl_integration_glfixed_table_alloc(nk);
  if (!mo->s || !mo->w || !mo->dvds || !mo->xb || !mo->bw || !tab) {
    gsl_integration_glfixed_table_free(tab);
    return fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "cannot allocate the Omnes nodes");
  }
  double lam[MO_NK];
  for (int i = 0; i < nk; i++) gsl_integration_glfixed_point(-1.0, 1.0, (size_t)i, &mo->xb[i], &lam[i], tab);
  gsl_integration_glfixed_table_free(tab);
  /* sort ascending (insertion) */
  for (int i = 1; i < nk; i++)
    for (int j = i; j > 0 && mo->xb[j] < mo->xb[j - 1]; j--) {
      double t = mo->xb[j];
      mo->xb[j] = mo->xb[j - 1];
      mo->xb[j - 1] = t;
      t = lam[j];
      lam[j] = lam[j - 1];
      lam[j - 1] = t;
    }
  /* barycentric weights of the Legendre points: (-1)^j sqrt((1 - x_j^2) lambda_j) (Berrut-Trefethen,
   * SIAM Rev. 46 (2004) 501; Wang-Xiang) */
  for (int i = 0; i < nk; i++) mo->bw[i] = (i % 2 ? -1.0 : 1.0) * sqrt((1.0 - mo->xb[i] * mo->xb[i]) * lam[i]);
  for (int k = 0; k < mo->nint; k++)
    for (int i = 0; i < nk; i++) {
      double dsdx;
      mo->s[k * nk + i] = map_s(mo, k, mo->xb[i], &dsdx);
      mo->w[k * nk + i] = lam[i] * dsdx;
      mo->dvds[k * nk + i] = 1.0 / dsdx;
    }
  return FB_OK;
}

/* barycentric interpolation of node values f[j * stride] of interval k at s */
static double interp(const fb_scalar_mo *mo, int k, double s, const double *f, int stride) {
  const double x = unmap_s(mo, k, s);
  double num = 0.0, den = 0.0;
  for (int i = 0; i < MO_NK; i++) {
    const double dx = x - mo->xb[i];
    if (fabs(dx) < 1e-15) return f[(k * MO_NK + i) * stride];
    num += mo->bw[i] / dx * f[(k * MO_NK + i) * stride];
    den += mo->bw[i] / dx;
  }
  return num / den;
}

/* ---------------------------------------------------------------- solution */
static int solve(fb_scalar_mo *mo, fb_err *err) {
  const int n = mo->n, nc = mo->single_channel ? 1 : 2, N = nc * n, nk = MO_NK;
  const double s0 = s0_of(mo);
  const int nb = nc + 1; /* block of the inverse iteration: the nc null vectors and one more */
  gsl_matrix *K = gsl_matrix_calloc(N, N), *Rm = gsl_matrix_calloc(n, n), *V = gsl_matrix_alloc(N, nb);
  gsl_matrix *LU = gsl_matrix_alloc(N, N), *LUt = gsl_matrix_alloc(N, N);
  gsl_permutation *perm = gsl_permutation_alloc(N), *permt = gsl_permutation_alloc(N);
  gsl_vector *work = gsl_vector_alloc(N);
  int rc = FB_OK;
  if (!K || !Rm || !V || !LU || !LUt || !perm || !permt || !work) {
    rc = fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "cannot allocate the Omnes system (%d unknowns)", N);
    goto cleanup;
  }
  /* Rm: R_i = sum_j Rm_ij X_j (1/pi included) */
  for (int i = 0; i < n; i++) {
    const double si = mo->s[i];
    double diag = log(s0 / (si - s0)) + mo->w[i] / si;
    for (int j = 0; j < n; j++) {
      if (j == i) continue;
      const double dj = mo->s[j] - si;
      *gsl_matrix_ptr(Rm, i, j) += mo->w[j] / dj;
      diag -= mo->w[j] * si / (mo->s[j] * dj);
    }
    *gsl_matrix_ptr(Rm, i, i) += diag;
    /* w_i X'(s_i): barycentric differentiation matrix D_il = (b_l/b_i)/(x_i - x_l), D_ii = -sum */
    const int k0 = i / nk * nk, ii = i - k0;
    double dsum = 0.0;
    for (int l = 0; l < nk; l++) {
      if (l == ii) continue;
      const double D = mo->bw[l] / mo->bw[ii] / (mo->xb[ii] - mo->xb[l]);
      dsum += D;
      *gsl_matrix_ptr(Rm, i, k0 + l) += mo->w[i] * mo->dvds[i] * D;
    }
    *gsl_matrix_ptr(Rm, i, i) -= mo->w[i] * mo->dvds[i] * dsum;
  }
  gsl_matrix_scale(Rm, 1.0 / FB_PI);
  for (int i = 0; i < n; i++) {
    double P[2][2], Q[2][2];
    int nch;
    pq_matrices(mo, mo->s[i], P, Q, &nch);
    for (int a = 0; a < nc; a++)
      for (int b = 0; b < nc; b++) {
        *gsl_matrix_ptr(K, nc * i + a, nc * i + b) += P[a][b];
        if (Q[a][b] != 0.0)
          for (int j = 0; j < n; j++) *gsl_matrix_ptr(K, nc * i + a, nc * j + b) -= Q[a][b] * gsl_matrix_get(Rm, i, j);
      }
  }
  /* Null space: the nc right singular vectors of the smallest singular values, by block inverse
   * iteration on K^T K with the LU factors of K and K^T (Golub-Van Loan, Matrix Computations,
   * sec. 8.2.2 and 7.6.1): V <- orthonormalised K^-1 K^-T V. Components along the nc nearly singular
   * directions grow by (sigma_3/sigma_small)^2 per sweep, so a few sweeps converge; a full SVD of K
   * gives the same vectors but took seconds (GSL Golub-Reinsch) at some node numbers. The extra
   * vector measures the gap: sv_ratio = max_{c < nc} |K v_c| / |K v_nc| (~ sigma_nc / sigma_nc+1). */
  gsl_matrix_memcpy(LU, K);
  gsl_matrix_transpose_memcpy(LUt, K);
  int signum = 0, gs = gsl_linalg_LU_decomp(LU, perm, &signum);
  if (!gs) gs = gsl_linalg_LU_decomp(LUt, permt, &signum);
  for (int c = 0; c < nb; c++)
    for (int i = 0; i < N; i++) gsl_matrix_set(V, i, c, sin(1.0 + 0.7 * i * (c + 1) + 0.3 * c)); /* fixed start */
  for (int it = 0; it < MO_INVIT_SWEEPS && !gs; it++)
    for (int c = 0; c < nb && !gs; c++) {
      gsl_vector_view v = gsl_matrix_column(V, c);
      gs = gsl_linalg_LU_svx(LUt, permt, &v.vector);
      if (!gs) gs = gsl_linalg_LU_svx(LU, perm, &v.vector);
      for (int c2 = 0; c2 < c && !gs; c2++) { /* modified Gram-Schmidt */
        gsl_vector_view u = gsl_matrix_column(V, c2);
        double dot;
        gsl_blas_ddot(&u.vector, &v.vector, &dot);
        gsl_blas_daxpy(-dot, &u.vector, &v.vector);
      }
      const double nrm = gsl_blas_dnrm2(&v.vector);
      if (!gs && !(nrm > 0.0 && isfinite(nrm))) gs = GSL_ESING;
      if (!gs) gsl_vector_scale(&v.vector, 1.0 / nrm);
    }
  if (gs) {
    rc = fb_err_set(err, FB_ERR_GSL, __func__, __LINE__, "Omnes system null space: %s", gsl_strerror(gs));
    goto cleanup;
  }
  {
    double res[3] = {0};
    for (int c = 0; c < nb; c++) {
      gsl_vector_view v = gsl_matrix_column(V, c);
      gsl_blas_dgemv(CblasNoTrans, 1.0, K, &v.vector, 0.0, work);
      res[c] = gsl_blas_dnrm2(work);
    }
    mo->sv_ratio = (nc == 1 ? res[0] : fmax(res[0], res[1])) / res[nc];
  }
  double N0[2][2] = {{0}};
  for (int a = 0; a < nc; a++)
    for (int kk = 0; kk < nc; kk++) {
      double acc = 0.0;
      for (int j = 0; j < n; j++) acc += mo->w[j] * gsl_matrix_get(V, nc * j + a, kk) / mo->s[j];
      N0[a][kk] = acc / FB_PI;
    }
  double Ni[2][2];
  if (nc == 1) {
    Ni[0][0] = 1.0 / N0[0][0];
  } else {
    const double det = N0[0][0] * N0[1][1] - N0[0][1] * N0[1][0];
    FB_TEST_GOTO(err, rc, fabs(det) < 1e-300, FB_ERR_NUMERIC, cleanup, "Omnes normalisation singular");
    Ni[0][0] = N0[1][1] / det;
    Ni[0][1] = -N0[0][1] / det;
    Ni[1][0] = -N0[1][0] / det;
    Ni[1][1] = N0[0][0] / det;
  }
  for (int j = 0; j < n; j++)
    for (int a = 0; a < 2; a++)
      for (int c = 0; c < 2; c++) {
        double x = 0.0;
        if (a < nc && c < nc)
          for (int kk = 0; kk < nc; kk++) x += gsl_matrix_get(V, nc * j + a, kk) * Ni[kk][c];
        mo->X[4 * j + 2 * a + c] = x;
      }
cleanup:
  gsl_matrix_free(K);
  gsl_matrix_free(Rm);
  gsl_matrix_free(V);
  gsl_matrix_free(LU);
  gsl_matrix_free(LUt);
  gsl_permutation_free(perm);
  gsl_permutation_free(permt);
  gsl_vector_free(work);
  return rc;
}

void fb_scalar_mo_matrix(const fb_scalar_mo *mo, double s, double complex Om[2][2]) {
  const double s0 = s0_of(mo);
  double Xs[2][2] = {{0}}, acc[2][2] = {{0}};
  if (s <= s0) {
    for (int j = 0; j < mo->n; j++)
      for (int q = 0; q < 4; q++) acc[q / 2][q % 2] += mo->w[j] * mo->X[4 * j + q] / (mo->s[j] - s);
    for (int q = 0; q < 4; q++) Om[q / 2][q % 2] = acc[q / 2][q % 2] / FB_PI;
    return;
  }
  int k = 0;
  while (k < mo->nint - 1 && s > mo->edge[k + 1]) k++;
  for (int q = 0; q < 4; q++) Xs[q / 2][q % 2] = interp(mo, k, s, mo->X + q, 4);
  const double L = log(s0 / (s - s0));
  for (int j = 0; j < mo->n; j++) {
    double dj = mo->s[j] - s;
    if (fabs(dj) < 1e-13 * s) dj = dj < 0 ? -1e-13 * s : 1e-13 * s;
    for (int q = 0; q < 4; q++) acc[q / 2][q % 2] += mo->w[j] * (mo->X[4 * j + q] - Xs[q / 2][q % 2] * s / mo->s[j]) / dj;
  }
  for (int q = 0; q < 4; q++) {
    const int a = q / 2, c = q % 2;
    Om[a][c] = (acc[a][c] + Xs[a][c] * L) / FB_PI + I * Xs[a][c];
  }
}

static void om_apply(const fb_scalar_mo *mo, double s, const double complex r[2], double complex out[2]) {
  double complex Om[2][2];
  fb_scalar_mo_matrix(mo, s, Om);
  out[0] = Om[0][0] * r[0] + Om[0][1] * r[1];
  out[1] = Om[1][0] * r[0] + Om[1][1] * r[1];
}

/* R0 + s R1 of one form factor: F(0) = v0; theta (twice subtracted): R1 = v1 - Omega'(0) v0 */
static void subtraction(const fb_scalar_mo *mo, int which, double complex R0[2], double complex R1[2]) {
  double v0[2], v1[2];
  fb_scalar_ff_lo_values(&mo->cu, which, v0, v1);
  for (int a = 0; a < 2; a++) {
    R0[a] = v0[a];
    R1[a] = which == FB_SFF_THETA ? v1[a] - (mo->dOm0[a][0] * v0[0] + mo->dOm0[a][1] * v0[1]) : 0.0;
  }
}

void fb_scalar_mo_eval(const fb_scalar_mo *mo, int which, double s, double complex out[2]) {
  double complex R0[2], R1[2];
  subtraction(mo, which, R0, R1);
  const double complex r[2] = {R0[0] + s * R1[0], R0[1] + s * R1[1]};
  om_apply(mo, s, r, out);
  out[1] *= 0.5 * SQRT3;
}

static void higgs2_direct(const fb_scalar_mo *mo, double m, double *g2_pi, double *g2_K) {
  const double s = m * m;
  const double complex r[2] = {mo->R0[0] + s * mo->R1[0], mo->R0[1] + s * mo->R1[1]};
  double complex g[2];
  om_apply(mo, s, r, g);
  g[1] *= 0.5 * SQRT3;
  *g2_pi = creal(g[0] * conj(g[0]));
  *g2_K = creal(g[1] * conj(g[1]));
}

void fb_scalar_mo_higgs2(const fb_scalar_mo *mo, double m, double *g2_pi, double *g2_K) {
  if (m < mo->m_tab_min_GeV || m > mo->m_tab_max_GeV) {
    higgs2_direct(mo, m, g2_pi, g2_K);
    return;
  }
  fb_err e;
  fb_err_clear(&e);
  if (fb_spline_eval(&mo->g2pi, m, g2_pi, &e) != FB_OK || fb_spline_eval(&mo->g2K, m, g2_K, &e) != FB_OK)
    higgs2_direct(mo, m, g2_pi, g2_K);
}

void fb_scalar_mo_free(fb_scalar_mo *mo) {
  if (!mo) return;
  free(mo->s);
  free(mo->w);
  free(mo->dvds);
  free(mo->xb);
  free(mo->bw);
  free(mo->X);
  if (mo->m_tab_max_GeV > 0.0) {
    fb_spline_free(&mo->g2pi);
    fb_spline_free(&mo->g2K);
  }
  memset(mo, 0, sizeof *mo);
}

static int setup(fb_scalar_mo *mo, int input, int flags, int single, double (*phase)(double, void *), void *par, fb_err *err) {
  FB_TEST(err, !mo, FB_ERR_INPUT, "fb_scalar_mo_init: NULL");
  FB_TEST(err, input != FB_MO_INPUT_CHIRAL_UNITARY && input != FB_MO_INPUT_GKPY, FB_ERR_INPUT,
          "fb_scalar_mo_init: unknown input %d", input);
  memset(mo, 0, sizeof *mo);
  mo->input = input;
  mo->s_m = input == FB_MO_INPUT_GKPY ? FB_GKPY_SMAX_GEV2 : MO_SM_CU_GEV2;
  mo->single_channel = single;
  mo->below_kk = !(flags & FB_MO_NO_BELOW_KK);
  mo->kk_phase_cu = input == FB_MO_INPUT_GKPY && !(flags & FB_MO_KK_PHASE_ZERO);
  mo->phase_fn = phase;
  mo->phase_par = par;
  FB_CALL(err, fb_scalar_ff_init(&mo->cu, err));
  /* GKPY input: the K Kbar channel opens at the fit's 2 m_K (0.992 GeV; the isospin mean is 0.07 %
   * lower), so that the threshold cusp of delta_0^0 and eta_0^0 sits on an interval edge */
  if (input == FB_MO_INPUT_GKPY) mo->cu.m_K_GeV = FB_GKPY_MK_GEV;
  /* matching point: the input phases at s_m, unwrapped, and the sign of S12 */
  mo->sign12 = 1.0;
  {
    double d, dK, eta;
    fb_scalar_mo_phases(mo, mo->s_m * (1.0 - 1e-12), &d, &dK, &eta);
    mo->d_m = d;
    mo->dK_m = dK;
    mo->eta_m = eta;
    /* the sign of S12 (of the pi pi -> K Kbar amplitude) is the chiral-unitary one: at s_m for that
     * input, at 1.1 GeV (inside its range) for GKPY */
    const int gk = input == FB_MO_INPUT_GKPY;
    const double ss = gk ? MO_SIGN12_GEV2 : mo->s_m;
    if (gk) {
      mo->input = FB_MO_INPUT_CHIRAL_UNITARY;
      mo->s_m = MO_SM_CU_GEV2;
      fb_scalar_mo_phases(mo, ss, &d, &dK, &eta);
      mo->input = input;
      mo->s_m = FB_GKPY_SMAX_GEV2;
    }
    double complex S[2][2];
    oo_smatrix(mo, ss, S);
    mo->sign12 = creal(S[0][1] / (I * cexp(I * (d + dK)))) >= 0.0 ? 1.0 : -1.0;
  }
  int rc = make_nodes(mo, err);
  if (rc != FB_OK) goto fail;
  mo->X = calloc(4 * mo->n, sizeof *mo->X);
  FB_TEST_GOTO(err, rc, !mo->X, FB_ERR_MEMORY, fail, "cannot allocate the Omnes solution");
  FB_CALL_GOTO(err, rc, solve(mo, err), fail);
  for (int q = 0; q < 4; q++) {
    double acc = 0.0;
    for (int j = 0; j < mo->n; j++) acc += mo->w[j] * mo->X[4 * j + q] / (mo->s[j] * mo->s[j]);
    mo->dOm0[q / 2][q % 2] = acc / FB_PI;
  }
  double complex r0[3][2], r1[3][2];
  for (int w = 0; w < 3; w++) subtraction(mo, w, r0[w], r1[w]);
  for (int a = 0; a < 2; a++) {
    mo->R0[a] = 2.0 / 9.0 * r0[FB_SFF_THETA][a] + 7.0 / 9.0 * (r0[FB_SFF_GAMMA][a] + r0[FB_SFF_DELTA][a]);
    mo->R1[a] = 2.0 / 9.0 * r1[FB_SFF_THETA][a];
  }
  /* table of |G|^2 in m */
  const int nt = (int)((MO_TAB_MMAX_GEV - MO_TAB_MMIN_GEV) / MO_TAB_DM_GEV) + 1;
  double *mt = malloc(nt * sizeof *mt), *gp = malloc(nt * sizeof *gp), *gk = malloc(nt * sizeof *gk);
  if (!mt || !gp || !gk) {
    free(mt);
    free(gp);
    free(gk);
    rc = fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "cannot allocate the form-factor table");
    goto fail;
  }
  for (int i = 0; i < nt; i++) {
    mt[i] = MO_TAB_MMIN_GEV + i * MO_TAB_DM_GEV;
    higgs2_direct(mo, mt[i], &gp[i], &gk[i]);
  }
  rc = fb_spline_init(&mo->g2pi, FB_SPLINE_STEFFEN, mt, gp, nt, 0, FB_SPLINE_OUT_ERROR, err);
  if (rc == FB_OK) {
    rc = fb_spline_init(&mo->g2K, FB_SPLINE_STEFFEN, mt, gk, nt, 0, FB_SPLINE_OUT_ERROR, err);
    if (rc != FB_OK) fb_spline_free(&mo->g2pi);
  }
  free(mt);
  free(gp);
  free(gk);
  if (rc != FB_OK) goto fail;
  mo->m_tab_min_GeV = MO_TAB_MMIN_GEV;
  mo->m_tab_max_GeV = MO_TAB_MMIN_GEV + (nt - 1) * MO_TAB_DM_GEV;
  return FB_OK;
fail:
  fb_scalar_mo_free(mo);
  return fb_err_push(err, rc, __func__, __LINE__, "Muskhelishvili-Omnes set-up");
}

int fb_scalar_mo_init(fb_scalar_mo *mo, int input, fb_err *err) { return setup(mo, input, 0, 0, NULL, NULL, err); }

int fb_scalar_mo_init_flags(fb_scalar_mo *mo, int input, int flags, fb_err *err) {
  return setup(mo, input, flags, 0, NULL, NULL, err);
}

int fb_scalar_mo_init_single(fb_scalar_mo *mo, int input, double (*phase)(double s, void *p), void *par, fb_err *err) {
  return setup(mo, input, 0, 1, phase, par, err);
}
