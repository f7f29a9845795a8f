/**
 * @file fb_sn_profile.c
 * @brief Proto-neutron-star profile reader and derived quantities; see fb_sn_profile.h.
 */
#include "fb_sn_profile.h"
#include "fb_path.h"

#include <errno.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_fermi_dirac.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fb_constants.h"

#ifndef FB_SOURCE_DIR
#define FB_SOURCE_DIR "."
#endif

static const char *const field_names[FB_SN_PROFILE_NFIELDS] = {
    "r_km", "rho_g_cm3", "T_MeV", "Ye", "mu_e_MeV", "mu_n_MeV",
    "mu_p_MeV", "X_n", "X_p", "mstar_n_MeV", "mstar_p_MeV", "lapse"};

/* Longest accepted line of a profile file. */
#define SN_LINE_MAX 4096
/* Largest column number a map may name. */
#define SN_MAX_COLUMNS 256

void fb_sn_profile_columns_default(fb_sn_profile_columns *c) {
  for (int f = 0; f < FB_SN_PROFILE_NFIELDS; f++) c->column[f] = f + 1;
  c->r_to_km = c->rho_to_g_cm3 = c->T_to_MeV = 1.0;
  c->skip_header = 0;
}

/* Garching layout, checked on the real file hydro-SFHo-s18.80-MUONS-T=1.0001996.txt (the SFHo 18.8 M_sun model of
 * Bollig et al. arXiv:2005.07141 at t_pb = 1 s; docs/sn-profile.md section 2): five header lines (four starting with
 * '#', the second "shock radius= ... km, gain radius= ... km"), then 25 columns per radius; 1-based: r [cm] 1, mass
 * coordinate [M_sun] 2, rho [g/cm^3] 3, internal energy [erg/cm^3] 4, T [MeV] 5, entropy [k_B] 6, v_r [cm/s] 7,
 * lapse 8, mu_nu_e 9, mu_e 10, mu_n 11, mu_p 12, mu_mu 13, mu_nu_mu 14 [MeV], mass fractions X_n 15, X_p 16,
 * X_alpha 17, X_light 18, X_heavy 19, Y_e 20, Y_mu 21 [per baryon], mean-field potentials U_n 22, U_p 23 and
 * effective masses m*_n 24, m*_p 25 [MeV]. Y_e, X_n, X_p are read (free nucleons only where nuclei are present; with
 * muons X_p = Y_e + Y_mu in the core). mu_n, mu_p are mu_N - m_N (vacuum mass; beta equilibrium mu_nu_e = mu_e +
 * mu_p - mu_n - (m_n - m_p) holds to 4e-5 MeV in the file) and contain the potentials U_N: not the ideal-gas mu_N
 * that the consumers of FB_SN_MU_N_MEV assume (degeneracy (mu_N - m*_N)/T), so they are not mapped: derive_fields
 * makes mu_N = m*_N + eta_N T from X_N rho, T and m*_N (fb_sn_nucleon_mu_MeV). */
void fb_sn_profile_columns_garching(fb_sn_profile_columns *c) {
  memset(c, 0, sizeof *c);
  c->column[FB_SN_R_KM] = 1;
  c->column[FB_SN_RHO_G_CM3] = 3;
  c->column[FB_SN_T_MEV] = 5;
  c->column[FB_SN_LAPSE] = 8;
  c->column[FB_SN_MU_E_MEV] = 10;
  c->column[FB_SN_X_N] = 15;
  c->column[FB_SN_X_P] = 16;
  c->column[FB_SN_YE] = 20;
  c->column[FB_SN_MSTAR_N_MEV] = 24;
  c->column[FB_SN_MSTAR_P_MEV] = 25;
  c->r_to_km = 1.0 / FB_KM_TO_CM;
  c->rho_to_g_cm3 = c->T_to_MeV = 1.0;
  c->skip_header = 1;
}

int fb_sn_profile_columns_parse(fb_sn_profile_columns *c, const char *spec, fb_err *err) {
  FB_TEST(err, !c || !spec, FB_ERR_INPUT, "NULL column map or spec");
  if (!strcmp(spec, "fipbounds")) { fb_sn_profile_columns_default(c); return FB_OK; }
  if (!strcmp(spec, "garching")) { fb_sn_profile_columns_garching(c); return FB_OK; }
  memset(c, 0, sizeof *c);
  c->r_to_km = c->rho_to_g_cm3 = c->T_to_MeV = 1.0;
  char buf[1024];
  FB_TEST(err, strlen(spec) >= sizeof buf, FB_ERR_INPUT, "column map longer than %zu characters", sizeof buf - 1);
  strcpy(buf, spec);
  char *save = NULL;
  for (char *item = strtok_r(buf, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
    while (*item == ' ') item++;
    char *eq = strchr(item, '=');
    FB_TEST(err, !eq, FB_ERR_INPUT, "column map item '%s' is not name=value", item);
    *eq = '\0';
    char *end = NULL;
    double v = strtod(eq + 1, &end);
    FB_TEST(err, end == eq + 1 || (*end != '\0' && *end != ' ') || !isfinite(v), FB_ERR_INPUT,
            "column map item '%s': '%s' is not a number", item, eq + 1);
    if (!strcmp(item, "r_to_km")) { c->r_to_km = v; continue; }
    if (!strcmp(item, "rho_to_g_cm3")) { c->rho_to_g_cm3 = v; continue; }
    if (!strcmp(item, "T_to_MeV")) { c->T_to_MeV = v; continue; }
    if (!strcmp(item, "skip_header")) {
      FB_TEST(err, v != 0 && v != 1, FB_ERR_INPUT, "column map: skip_header = %g must be 0 or 1", v);
      c->skip_header = (int)v;
      continue;
    }
    int f = -1;
    for (int k = 0; k < FB_SN_PROFILE_NFIELDS; k++)
      if (!strcmp(item, field_names[k])) f = k;
    FB_TEST(err, f < 0, FB_ERR_INPUT, "column map: unknown field '%s' (allowed: r_km, rho_g_cm3, T_MeV, Ye, "
            "mu_e_MeV, mu_n_MeV, mu_p_MeV, X_n, X_p, mstar_n_MeV, mstar_p_MeV, lapse, r_to_km, rho_to_g_cm3, "
            "T_to_MeV, skip_header)", item);
    FB_TEST(err, !(v >= 1 && v <= SN_MAX_COLUMNS && v == floor(v)), FB_ERR_INPUT,
            "column map: %s = %g must be a column number 1..%d", item, v, SN_MAX_COLUMNS);
    c->column[f] = (int)v;
  }
  for (int f = 0; f < FB_SN_YE; f++)
    FB_TEST(err, c->column[f] == 0, FB_ERR_INPUT, "column map '%s' lacks the required field %s", spec, field_names[f]);
  FB_TEST(err, c->column[FB_SN_YE] == 0 && c->column[FB_SN_MU_E_MEV] == 0, FB_ERR_INPUT,
          "column map '%s' needs Ye or mu_e_MeV", spec);
  FB_TEST(err, !(c->r_to_km > 0 && c->rho_to_g_cm3 > 0 && c->T_to_MeV > 0), FB_ERR_INPUT,
          "column map '%s': unit factors must be > 0", spec);
  return FB_OK;
}

void fb_sn_profile_free(fb_sn_profile *p) {
  if (!p) return;
  for (int f = 0; f < FB_SN_PROFILE_NFIELDS; f++) free(p->field[f]);
  memset(p, 0, sizeof *p);
}

int fb_sn_profile_resolve_path(const char *path, char *out, size_t out_len) {
  return fb_data_file(path, out, out_len); /* working directory, $FIPBOUNDS_DATA_DIR, install prefix, source tree */
}

/* Electron chemical potential [MeV] of an ultra-relativistic e-/e+ gas with net density n [MeV^3]:
 * n = (mu^3 + pi^2 T^2 mu)/(3 pi^2) (e.g. Braaten & Segel, hep-ph/9302213). Cardano's formula for
 * the single real root of mu^3 + p mu - q = 0 with p = pi^2 T^2 > 0, q = 3 pi^2 n. */
static double electron_mu_MeV(double n_MeV3, double T_MeV) {
  double p = FB_PI * FB_PI * T_MeV * T_MeV, q = 3.0 * FB_PI * FB_PI * n_MeV3;
  double d = sqrt(q * q / 4.0 + p * p * p / 27.0);
  return cbrt(q / 2.0 + d) + cbrt(q / 2.0 - d);
}

double fb_sn_nucleon_mu_MeV(double n_MeV3, double T_MeV, double m_MeV) {
  /* n = 2 (m T/2 pi)^{3/2} F_{1/2}(eta) with the normalised F_{1/2}(eta) = (1/Gamma(3/2)) int_0^inf
   * x^{1/2}/(e^{x-eta} + 1) dx (Landau & Lifshitz, Statistical Physics I, sec. 56, eq. 56.5 with g = 2, E = p^2/2m;
   * GSL gsl_sf_fermi_dirac_half): solve F_{1/2}(eta) = target by Newton steps on ln F (d ln F_{1/2}/d eta =
   * F_{-1/2}/F_{1/2}) safeguarded by bisection. */
  if (!(n_MeV3 > 0) || !(T_MeV > 0) || !(m_MeV > 0)) return NAN;
  const double target = n_MeV3 / (2.0 * pow(m_MeV * T_MeV / (2.0 * FB_PI), 1.5));
  if (target < 1e-300) return m_MeV + log(target) * T_MeV; /* Boltzmann limit, exact to far below double */
  /* start: Boltzmann (F -> e^eta) or degenerate (F -> eta^{3/2}/Gamma(5/2)) limit */
  double eta = target < 1.0 ? log(target) : pow(target * 0.75 * sqrt(FB_PI), 2.0 / 3.0);
  double lo = -800.0, hi = eta + 10.0 + fabs(eta);
  gsl_error_handler_t *old = gsl_set_error_handler_off();
  for (int it = 0; it < 200; it++) {
    gsl_sf_result f, fm;
    if (gsl_sf_fermi_dirac_half_e(eta, &f) != GSL_SUCCESS || gsl_sf_fermi_dirac_mhalf_e(eta, &fm) != GSL_SUCCESS ||
        !(f.val > 0)) {
      eta = NAN;
      break;
    }
    double g = log(f.val / target); /* increasing in eta */
    if (g > 0) hi = eta; else lo = eta;
    if (fabs(g) < 1e-14) break;
    double next = eta - g * f.val / fm.val;
    eta = (next > lo && next < hi) ? next : 0.5 * (lo + hi);
    if (hi - lo < 1e-13 * fmax(1.0, fabs(eta))) break;
  }
  gsl_set_error_handler(old);
  return m_MeV + eta * T_MeV;
}

/* Derive absent fields (see the header). */
static void derive_fields(fb_sn_profile *p, const int *present) {
  const double hbarc_MeV_cm = FB_HBARC_GEV_CM * 1e3;
  const double amu_g = FB_AMU_GEV * FB_GEV_G;
  for (size_t i = 0; i < p->n; i++) {
    double rho = p->field[FB_SN_RHO_G_CM3][i], T = p->field[FB_SN_T_MEV][i];
    if (!present[FB_SN_YE]) {
      /* Ye from mu_e: n_e = (mu^3 + pi^2 T^2 mu)/(3 pi^2) (the relation used below), Ye = n_e m_u/rho;
       * with muons in the file this is Y_e, not the proton fraction Y_e + Y_mu (X_p below). */
      double mu = p->field[FB_SN_MU_E_MEV][i];
      double ne_cm3 = (mu * mu * mu + FB_PI * FB_PI * T * T * mu) / (3.0 * FB_PI * FB_PI) / pow(hbarc_MeV_cm, 3);
      double ye = ne_cm3 * amu_g / rho;
      p->field[FB_SN_YE][i] = ye < 0 ? 0.0 : (ye > 1 ? 1.0 : ye);
    }
    double Ye = p->field[FB_SN_YE][i];
    if (!present[FB_SN_MU_E_MEV]) {
      double ne_MeV3 = Ye * rho / amu_g * pow(hbarc_MeV_cm, 3);
      p->field[FB_SN_MU_E_MEV][i] = electron_mu_MeV(ne_MeV3, T);
    }
    if (!present[FB_SN_X_P]) p->field[FB_SN_X_P][i] = Ye;
    if (!present[FB_SN_X_N]) p->field[FB_SN_X_N][i] = 1.0 - p->field[FB_SN_X_P][i];
    if (!present[FB_SN_MSTAR_N_MEV]) p->field[FB_SN_MSTAR_N_MEV][i] = FB_MN_GEV * 1e3;
    if (!present[FB_SN_MSTAR_P_MEV]) p->field[FB_SN_MSTAR_P_MEV][i] = FB_MP_GEV * 1e3;
    /* mu_n, mu_p of the free nucleons (density X_N rho/m_u, effective mass m*_N): ideal non-relativistic Fermi gas,
     * mu_N = m*_N + eta_N T (fb_sn_nucleon_mu_MeV; the definition of tools/make_sn_profile.py, docs/sn-profile.md 2) */
    const double nB_MeV3 = rho / amu_g * pow(hbarc_MeV_cm, 3);
    if (!present[FB_SN_MU_N_MEV])
      p->field[FB_SN_MU_N_MEV][i] = fb_sn_nucleon_mu_MeV(p->field[FB_SN_X_N][i] * nB_MeV3, T, p->field[FB_SN_MSTAR_N_MEV][i]);
    if (!present[FB_SN_MU_P_MEV])
      p->field[FB_SN_MU_P_MEV][i] = fb_sn_nucleon_mu_MeV(p->field[FB_SN_X_P][i] * nB_MeV3, T, p->field[FB_SN_MSTAR_P_MEV][i]);
  }
  if (!present[FB_SN_LAPSE]) {
    /* TOV lapse without the pressure term, matched to exterior Schwarzschild (docs/sn-profile.md):
     * dPhi/dr = G M / (r^2 c^2 (1 - 2GM/(r c^2))), alpha = exp(Phi). G M/c^2 in cm = M[g] * G/c^2. */
    const double G_over_c2_cm_g = FB_HBARC_GEV_CM / (FB_MPL_GEV * FB_MPL_GEV) / FB_GEV_G;
    size_t n = p->n;
    if (n < 2) return;
    double *gm = malloc(n * sizeof *gm); /* G M(r)/c^2 [cm] */
    double *lap = p->field[FB_SN_LAPSE];
    if (!gm) { for (size_t i = 0; i < n; i++) lap[i] = 1.0; return; }
    for (size_t i = 0; i < n; i++)
      gm[i] = G_over_c2_cm_g * fb_sn_profile_mass_msun(p, p->field[FB_SN_R_KM][i]) * FB_MSUN_G;
    double r_out = p->field[FB_SN_R_KM][n - 1] * FB_KM_TO_CM;
    double phi = 0.5 * log(1.0 - 2.0 * gm[n - 1] / r_out);
    lap[n - 1] = exp(phi);
    for (size_t i = n - 1; i-- > 0;) {
      double r1 = p->field[FB_SN_R_KM][i] * FB_KM_TO_CM, r2 = p->field[FB_SN_R_KM][i + 1] * FB_KM_TO_CM;
      double d1 = r1 > 0 ? gm[i] / (r1 * r1 * (1.0 - 2.0 * gm[i] / r1)) : 0.0;
      double d2 = gm[i + 1] / (r2 * r2 * (1.0 - 2.0 * gm[i + 1] / r2));
      phi -= 0.5 * (d1 + d2) * (r2 - r1);
      lap[i] = exp(phi);
    }
    free(gm);
  }
}

/* Validate one value of field f read at path:line, column col. */
static int check_value(const char *path, long line, int col, int f, double v, fb_err *err) {
  const char *name = field_names[f];
  FB_TEST(err, !isfinite(v), FB_ERR_INPUT, "%s:%ld: column %d (%s): value is not finite", path, line, col, name);
  switch (f) {
    case FB_SN_R_KM:
      FB_TEST(err, v < 0, FB_ERR_INPUT, "%s:%ld: column %d (%s) = %g: radius must be >= 0", path, line, col, name, v);
      break;
    case FB_SN_RHO_G_CM3: case FB_SN_T_MEV: case FB_SN_MSTAR_N_MEV: case FB_SN_MSTAR_P_MEV:
      FB_TEST(err, !(v > 0), FB_ERR_INPUT, "%s:%ld: column %d (%s) = %g: must be > 0", path, line, col, name, v);
      break;
    case FB_SN_YE: case FB_SN_X_N: case FB_SN_X_P:
      FB_TEST(err, !(v >= 0 && v <= 1), FB_ERR_INPUT, "%s:%ld: column %d (%s) = %g: allowed 0 <= %s <= 1", path,
              line, col, name, v, name);
      break;
    case FB_SN_LAPSE:
      FB_TEST(err, !(v > 0 && v <= 1), FB_ERR_INPUT, "%s:%ld: column %d (%s) = %g: allowed 0 < lapse <= 1", path,
              line, col, name, v);
      break;
    default:
      break;
  }
  return FB_OK;
}

int fb_sn_profile_read(fb_sn_profile *p, const char *path, const fb_sn_profile_columns *cols, fb_err *err) {
  FB_TEST(err, !p || !path, FB_ERR_INPUT, "NULL profile or path");
  memset(p, 0, sizeof *p);
  fb_sn_profile_columns defcols;
  if (!cols) {
    fb_sn_profile_columns_default(&defcols);
    cols = &defcols;
  }
  for (int f = 0; f < FB_SN_YE; f++)
    FB_TEST(err, cols->column[f] < 1, FB_ERR_INPUT, "profile column map lacks the required field %s", field_names[f]);
  FB_TEST(err, cols->column[FB_SN_YE] < 1 && cols->column[FB_SN_MU_E_MEV] < 1, FB_ERR_INPUT,
          "profile column map needs Ye or mu_e_MeV");
  fb_sn_profile_resolve_path(path, p->path, sizeof p->path);
  FILE *fp = fopen(p->path, "r");
  FB_TEST(err, !fp, FB_ERR_IO, "cannot open profile '%s': %s", path, strerror(errno));
  int rc = FB_OK, present[FB_SN_PROFILE_NFIELDS], need = 0;
  for (int f = 0; f < FB_SN_PROFILE_NFIELDS; f++) {
    present[f] = cols->column[f] > 0;
    if (cols->column[f] > need) need = cols->column[f];
  }
  size_t cap = 0;
  char line[SN_LINE_MAX];
  long lineno = 0;
  double vals[SN_MAX_COLUMNS];
  while (fgets(line, sizeof line, fp)) {
    lineno++;
    size_t len = strlen(line);
    FB_TEST_GOTO(err, rc, len == sizeof line - 1 && line[len - 1] != '\n' && !feof(fp), FB_ERR_INPUT, fail,
                 "%s:%ld: line longer than %d characters", p->path, lineno, SN_LINE_MAX - 2);
    char *s = line;
    while (*s == ' ' || *s == '\t') s++;
    if (*s == '#' || *s == '\n' || *s == '\r' || *s == '\0') continue;
    if (cols->skip_header && p->n == 0) { /* text header lines before the first data row */
      char *e2 = NULL;
      (void)strtod(s, &e2);
      if (e2 == s) continue;
    }
    int ncol = 0;
    while (*s && *s != '\n' && *s != '\r') {
      char *end = NULL;
      errno = 0;
      double v = strtod(s, &end);
      FB_TEST_GOTO(err, rc, end == s || (*end && *end != ' ' && *end != '\t' && *end != '\n' && *end != '\r'),
                   FB_ERR_INPUT, fail, "%s:%ld: column %d: '%.20s' is not a number", p->path, lineno, ncol + 1, s);
      if (ncol < SN_MAX_COLUMNS) vals[ncol] = v;
      ncol++;
      s = end;
      while (*s == ' ' || *s == '\t') s++;
    }
    FB_TEST_GOTO(err, rc, ncol < need, FB_ERR_INPUT, fail, "%s:%ld: %d columns, the column map needs %d", p->path,
                 lineno, ncol, need);
    if (p->n == cap) {
      cap = cap ? 2 * cap : 256;
      for (int f = 0; f < FB_SN_PROFILE_NFIELDS; f++) {
        double *q = realloc(p->field[f], cap * sizeof *q);
        FB_TEST_GOTO(err, rc, !q, FB_ERR_MEMORY, fail, "cannot grow profile arrays to %zu rows", cap);
        p->field[f] = q;
      }
    }
    for (int f = 0; f < FB_SN_PROFILE_NFIELDS; f++) {
      if (!present[f]) continue;
      double v = vals[cols->column[f] - 1];
      if (f == FB_SN_R_KM) v *= cols->r_to_km;
      if (f == FB_SN_RHO_G_CM3) v *= cols->rho_to_g_cm3;
      if (f == FB_SN_T_MEV) v *= cols->T_to_MeV;
      FB_CALL_GOTO(err, rc, check_value(p->path, lineno, cols->column[f], f, v, err), fail);
      p->field[f][p->n] = v;
    }
    if (p->n > 0)
      FB_TEST_GOTO(err, rc, !(p->field[FB_SN_R_KM][p->n] > p->field[FB_SN_R_KM][p->n - 1]), FB_ERR_INPUT, fail,
                   "%s:%ld: column %d (r_km) = %g: radius must increase strictly (previous row %g)", p->path, lineno,
                   cols->column[FB_SN_R_KM], p->field[FB_SN_R_KM][p->n], p->field[FB_SN_R_KM][p->n - 1]);
    p->n++;
  }
  FB_TEST_GOTO(err, rc, ferror(fp), FB_ERR_IO, fail, "error reading '%s'", p->path);
  FB_TEST_GOTO(err, rc, p->n < 4, FB_ERR_INPUT, fail, "%s: %zu data rows, at least 4 are needed", p->path, p->n);
  fclose(fp);
  derive_fields(p, present);
  return FB_OK;
fail:
  fclose(fp);
  fb_sn_profile_free(p);
  return rc;
}

/* Index i with r[i] <= r < r[i+1] (bisection), clamped to [0, n-2]. */
static size_t find_cell(const double *r, size_t n, double x) {
  size_t lo = 0, hi = n - 1;
  if (x <= r[0]) return 0;
  if (x >= r[n - 1]) return n - 2;
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (r[mid] <= x) lo = mid; else hi = mid;
  }
  return lo;
}

double fb_sn_profile_at(const fb_sn_profile *p, int f, double r_km) {
  const double *r = p->field[FB_SN_R_KM], *y = p->field[f];
  if (r_km <= r[0]) return y[0];
  if (r_km >= r[p->n - 1]) return y[p->n - 1];
  size_t i = find_cell(r, p->n, r_km);
  double t = (r_km - r[i]) / (r[i + 1] - r[i]);
  return y[i] + t * (y[i + 1] - y[i]);
}

double fb_sn_profile_mass_msun(const fb_sn_profile *p, double r_km) {
  const double *r = p->field[FB_SN_R_KM], *rho = p->field[FB_SN_RHO_G_CM3];
  double m = 0.0; /* g */
  /* from r = 0 to r[0] with the first density (profiles usually start at 0) */
  m += 4.0 / 3.0 * FB_PI * pow(fmin(r[0], r_km) * FB_KM_TO_CM, 3) * rho[0];
  for (size_t i = 0; i + 1 < p->n && r[i] < r_km; i++) {
    double a = r[i] * FB_KM_TO_CM, b = fmin(r[i + 1], r_km) * FB_KM_TO_CM;
    double rb = (b == r[i + 1] * FB_KM_TO_CM) ? rho[i + 1] : fb_sn_profile_at(p, FB_SN_RHO_G_CM3, b / FB_KM_TO_CM);
    m += 0.5 * (b - a) * 4.0 * FB_PI * (a * a * rho[i] + b * b * rb);
  }
  return m / FB_MSUN_G;
}

double fb_sn_nu_nc_opacity_GeV(double n_n_GeV3, double n_p_GeV3, double E_GeV) {
  /* sigma_N = G_F^2 E^2 (C_V^2 + 3 C_A^2)/pi, static non-degenerate nucleons (see the header) */
  const double gA = FB_GA_NUCLEON, cv_p = 0.5 - 2.0 * FB_SIN2_THETAW;
  const double w_n = 0.25 + 3.0 * gA * gA / 4.0, w_p = cv_p * cv_p + 3.0 * gA * gA / 4.0;
  return FB_GF_GEV_M2 * FB_GF_GEV_M2 * E_GeV * E_GeV / FB_PI * (n_n_GeV3 * w_n + n_p_GeV3 * w_p);
}

/* Neutrino-nucleon neutral-current opacity [1/cm] of a thermal neutrino at profile row j. */
static double nu_opacity_cm(const fb_sn_profile *p, size_t j) {
  const double amu_g = FB_AMU_GEV * FB_GEV_G, hc = FB_HBARC_GEV_CM;
  double E_GeV = 3.15 * p->field[FB_SN_T_MEV][j] * 1e-3; /* mean energy of a Fermi-Dirac nu at mu = 0 */
  double nB_GeV3 = p->field[FB_SN_RHO_G_CM3][j] / amu_g * hc * hc * hc;
  return fb_sn_nu_nc_opacity_GeV(p->field[FB_SN_X_N][j] * nB_GeV3, p->field[FB_SN_X_P][j] * nB_GeV3, E_GeV) / hc;
}

void fb_sn_profile_nu_optical_depth(const fb_sn_profile *p, double *tau) {
  const double *r = p->field[FB_SN_R_KM];
  tau[p->n - 1] = 0.0;
  double dprev = nu_opacity_cm(p, p->n - 1);
  for (size_t i = p->n - 1; i-- > 0;) {
    double d = nu_opacity_cm(p, i);
    tau[i] = tau[i + 1] + 0.5 * (d + dprev) * (r[i + 1] - r[i]) * FB_KM_TO_CM;
    dprev = d;
  }
}

int fb_sn_profile_neutrinosphere_km(const fb_sn_profile *p, double *r_nu_km, fb_err *err) {
  const double *r = p->field[FB_SN_R_KM];
  double *tau = malloc(p->n * sizeof *tau);
  FB_TEST(err, !tau, FB_ERR_MEMORY, "cannot allocate the neutrino optical depth of %s", p->path);
  fb_sn_profile_nu_optical_depth(p, tau);
  for (size_t i = p->n - 1; i-- > 0;) {
    if (tau[i] >= 2.0 / 3.0) {
      double t = (2.0 / 3.0 - tau[i + 1]) / (tau[i] - tau[i + 1]);
      *r_nu_km = r[i + 1] - t * (r[i + 1] - r[i]);
      free(tau);
      return FB_OK;
    }
  }
  double tc = tau[0];
  free(tau);
  FB_FAIL(err, FB_ERR_RANGE, "%s: the neutrino optical depth reaches only %g < 2/3 at the centre", p->path, tc);
}

/* Thermal neutrino luminosity of the neutrinosphere (Raffelt, Stars as Laboratories for Fundamental
 * Physics (1996) ch. 11: each of the 6 nu/nubar species radiates like a fermionic black body with flux
 * (7/8)(1/2) sigma_SB T^4, sigma_SB = pi^2/60 for the 2 photon polarisations), redshifted to infinity
 * with lapse^2 (energy redshift and time dilation). */
double fb_sn_profile_thermal_Lnu_erg_s(const fb_sn_profile *p, double r_nu_km) {
  double T_GeV = fb_sn_profile_at(p, FB_SN_T_MEV, r_nu_km) * 1e-3, lapse = fb_sn_profile_at(p, FB_SN_LAPSE, r_nu_km);
  double r_invGeV = r_nu_km * FB_KM_TO_CM / FB_HBARC_GEV_CM;
  double L_GeV2 = 6.0 * 7.0 / 16.0 * FB_PI * FB_PI / 60.0 * pow(T_GeV, 4) * 4.0 * FB_PI * r_invGeV * r_invGeV;
  return L_GeV2 * lapse * lapse * FB_GEV_TO_INV_S / FB_ERG_TO_GEV;
}
