/**
 * @file test_sn_profile_garching.c
 * @brief The Garching column preset (fb_sn_profile_columns_garching, docs/sn-profile.md section 2) on
 *        (1) tests/stellar/data/garching_layout_fixture.txt: made-up numbers (make_garching_layout_fixture.py) in the
 *            exact layout of the real Garching files (five header lines, 25 columns of 18 characters);
 *        (2) with the argument "real": the real file named by the environment variable FIPBOUNDS_GARCHING_PROFILE
 *            (e.g. hydro-SFHo-s18.80-MUONS-T=1.0001996.txt of Bollig et al. arXiv:2005.07141; not shipped, its
 *            licence does not allow it), exit 77 (ctest: skipped) with a message when the variable is unset; for the
 *            SFHo-s18.80 file also the BC9 band recorded in docs/validation.md ("Garching SFHo-s18.80 profile") and the
 *            BC10/BC11/BC6 bands with the derived mu_n, mu_p ("Nucleon chemical potentials of Garching profiles");
 *        (3) the derived mu_n, mu_p (fb_sn_nucleon_mu_MeV): density round trip on every row, closed-form limits, the
 *            shipped default profile's columns, and on the real files the files' own (mu_N - U_N)/T.
 *        Tolerances are stated at each assertion.
 */
#include <gsl/gsl_sf_fermi_dirac.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_sn_alp.h"
#include "fb_sn_alpn.h"
#include "fb_sn_hnl.h"
#include "fb_sn_profile.h"

#define FIXTURE FB_SOURCE_DIR "/tests/stellar/data/garching_layout_fixture.txt"
#define SKIP_CODE 77

static int failures = 0;
#define CHECK(cond, ...)                                                       \
  do {                                                                         \
    if (!(cond)) {                                                             \
      failures++;                                                              \
      fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                     \
      fprintf(stderr, __VA_ARGS__);                                            \
      fputc('\n', stderr);                                                     \
    }                                                                          \
  } while (0)

/* Raw 25-column rows of a Garching-layout file and the row count its third header line states ("# cols=25 rows=N"). */
typedef struct raw_rows {
  size_t n;
  int stated_cols, stated_rows;
  double (*v)[25];
} raw_rows;

static int read_raw(const char *path, raw_rows *raw) {
  memset(raw, 0, sizeof *raw);
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  char line[4096];
  size_t cap = 0;
  long lineno = 0;
  while (fgets(line, sizeof line, f)) {
    lineno++;
    if (lineno == 3) sscanf(line, "# cols=%d rows=%d", &raw->stated_cols, &raw->stated_rows);
    if (lineno <= 5) continue;
    if (raw->n == cap) {
      cap = cap ? 2 * cap : 64;
      raw->v = realloc(raw->v, cap * sizeof *raw->v);
      if (!raw->v) { fclose(f); return -1; }
    }
    char *s = line;
    for (int k = 0; k < 25; k++) raw->v[raw->n][k] = strtod(s, &s);
    raw->n++;
  }
  fclose(f);
  return 0;
}

/* Free-nucleon density [MeV^3] of species f (FB_SN_X_N or FB_SN_X_P) at row i: X_N rho/m_u. */
static double nucleon_density_MeV3(const fb_sn_profile *p, int f, size_t i) {
  const double amu_g = FB_AMU_GEV * FB_GEV_G, hc = FB_HBARC_GEV_CM * 1e3;
  return p->field[f][i] * p->field[FB_SN_RHO_G_CM3][i] / amu_g * hc * hc * hc;
}

/* mu_n, mu_p present at every row with nucleons and right: the forward relation n = 2 (m* T/2 pi)^{3/2} F_{1/2}(eta),
 * eta = (mu_N - m*_N)/T (GSL's normalised F_{1/2}, evaluated independently of the reader's root finder) gives back
 * the density X_N rho/m_u to 1e-9 (the root finder stops at 1e-13 in eta) plus the double rounding of mu = m + eta T
 * (2e-13 m/T: 1e-9 at T = 0.2 MeV; d ln n/d eta <= 1.5 where it matters). */
static void check_nucleon_mu(const fb_sn_profile *p) {
  static const int fx[2] = {FB_SN_X_N, FB_SN_X_P}, fmu[2] = {FB_SN_MU_N_MEV, FB_SN_MU_P_MEV};
  static const int fm[2] = {FB_SN_MSTAR_N_MEV, FB_SN_MSTAR_P_MEV};
  double dmax = 0.0;
  size_t nchecked = 0;
  for (size_t i = 0; i < p->n; i++)
    for (int k = 0; k < 2; k++) {
      double n = nucleon_density_MeV3(p, fx[k], i), mu = p->field[fmu[k]][i], m = p->field[fm[k]][i];
      double T = p->field[FB_SN_T_MEV][i];
      if (!(n > 0)) continue;
      CHECK(isfinite(mu), "row %zu: mu_%c missing (%g) where X = %g", i, k ? 'p' : 'n', mu, p->field[fx[k]][i]);
      if (!isfinite(mu)) continue;
      double back = 2.0 * pow(m * T / (2.0 * FB_PI), 1.5) * gsl_sf_fermi_dirac_half((mu - m) / T);
      dmax = fmax(dmax, fabs(back / n - 1) / (1.0 + 2e-4 * m / T)); /* in units of the 1e-9 + 2e-13 m/T tolerance */
      nchecked++;
    }
  CHECK(nchecked > 0 && dmax < 1e-9, "mu_n/mu_p: density from mu deviates by %.3g x (1 + 2e-4 m/T) at %zu points (want < 1e-9)", dmax,
        nchecked);
}

/* Closed-form limits of fb_sn_nucleon_mu_MeV (m = 939.565 MeV, T = 10 MeV):
 *  - Boltzmann, eta -> -inf: n = 2 (m T/2 pi)^{3/2} e^eta (F_{1/2} -> e^eta); at eta = -20 the next term e^{2 eta}/2^{3/2}
 *    changes eta by 7e-10: 1e-8 asserted; at eta = -4 the series e^eta - e^{2 eta}/2^{3/2} + e^{3 eta}/3^{3/2} (remainder
 *    e^{3 eta}/8 = 7.7e-7 relative) gives eta to 2e-6;
 *  - degenerate, eta -> +inf: Sommerfeld F_{1/2} = eta^{3/2}/Gamma(5/2) (1 + pi^2/(8 eta^2) + O(eta^-4)): eta = 300
 *    to 1e-8 relative (the O(eta^-4) term 7 pi^4/640 eta^-4 moves eta by 1e-10 relative);
 *  - n <= 0: NaN. */
static void check_nucleon_mu_limits(void) {
  const double m = FB_MN_GEV * 1e3, T = 10.0, q = 2.0 * pow(m * T / (2.0 * FB_PI), 1.5);
  double e1 = -20.0, got1 = (fb_sn_nucleon_mu_MeV(q * exp(e1), T, m) - m) / T;
  CHECK(fabs(got1 - e1) < 1e-8, "Boltzmann limit: eta %.12g, want %.12g (1e-8)", got1, e1);
  double e2 = -4.0, n2 = q * (exp(e2) - exp(2 * e2) / pow(2, 1.5) + exp(3 * e2) / pow(3, 1.5));
  double got2 = (fb_sn_nucleon_mu_MeV(n2, T, m) - m) / T;
  CHECK(fabs(got2 - e2) < 2e-6, "Boltzmann series: eta %.10g, want %.10g (2e-6)", got2, e2);
  double e3 = 300.0, F = pow(e3, 1.5) / (0.75 * sqrt(FB_PI)) * (1 + FB_PI * FB_PI / (8 * e3 * e3));
  double got3 = (fb_sn_nucleon_mu_MeV(q * F, T, m) - m) / T;
  CHECK(fabs(got3 / e3 - 1) < 1e-8, "degenerate limit: eta %.12g, want %.12g (1e-8 relative)", got3, e3);
  CHECK(isnan(fb_sn_nucleon_mu_MeV(0.0, T, m)), "n = 0 must give NaN");
  printf("nucleon mu limits: eta %.12g (Boltzmann -20), %.10g (series -4), %.12g (Sommerfeld 300)\n", got1, got2, got3);
}

/* The project's own profile inputs/sn_profile_default.dat read without its mu_n, mu_p columns: the derived mu_N against
 * the shipped columns (tools/make_sn_profile.py nucleon_eta, an independent solver: bisection on a trapezoid F_{1/2}).
 * Until session 13 the generator lacked the 1/Gamma(3/2) of n = 2 (m T/2 pi)^{3/2} F_{1/2}/Gamma(3/2) (L&L sec. 56), so
 * the shipped eta belonged to the density 1.128 n (this test then found them 0.1208-0.2331 above ours, and our
 * function at n/Gamma(3/2) reproduced them within 1.1e-6 MeV); the generator is fixed and the six profiles remade.
 * Now: |derived - shipped| < 1e-5 MeV (the columns print 9 digits; measured value printed). */
static void check_default_profile_mu(void) {
  fb_sn_profile_columns c;
  fb_sn_profile_columns_default(&c);
  c.column[FB_SN_MU_N_MEV] = c.column[FB_SN_MU_P_MEV] = 0;
  fb_sn_profile p, ref;
  fb_err err;
  fb_err_clear(&err);
  if (fb_sn_profile_read(&p, "inputs/sn_profile_default.dat", &c, &err) != FB_OK ||
      fb_sn_profile_read(&ref, "inputs/sn_profile_default.dat", NULL, &err) != FB_OK) {
    CHECK(0, "reading inputs/sn_profile_default.dat: %s", err.msg);
    return;
  }
  static const int fmu[2] = {FB_SN_MU_N_MEV, FB_SN_MU_P_MEV};
  double d = 0.0;
  for (size_t i = 0; i < p.n; i++)
    for (int k = 0; k < 2; k++) d = fmax(d, fabs(p.field[fmu[k]][i] - ref.field[fmu[k]][i]));
  CHECK(d < 1e-5, "default profile: derived mu_N off the shipped columns by %.3g MeV (want < 1e-5)", d);
  printf("default profile: derived mu_N = shipped columns within %.3g MeV\n", d);
  fb_sn_profile_free(&p);
  fb_sn_profile_free(&ref);
}

/* Every preset field equals its raw column (units: r cm -> km); mu_n, mu_p derived (check_nucleon_mu). */
static void check_fields_match_columns(const fb_sn_profile *p, const raw_rows *raw) {
  static const struct { int field, col; } map[] = {
      {FB_SN_RHO_G_CM3, 3}, {FB_SN_T_MEV, 5}, {FB_SN_LAPSE, 8}, {FB_SN_MU_E_MEV, 10}, {FB_SN_X_N, 15},
      {FB_SN_X_P, 16}, {FB_SN_YE, 20}, {FB_SN_MSTAR_N_MEV, 24}, {FB_SN_MSTAR_P_MEV, 25}};
  CHECK(p->n == raw->n && (int)raw->n == raw->stated_rows && raw->stated_cols == 25,
        "rows read %zu, raw %zu, header states cols=%d rows=%d", p->n, raw->n, raw->stated_cols, raw->stated_rows);
  for (size_t i = 0; i < p->n && i < raw->n; i++) {
    double r_km = raw->v[i][0] / FB_KM_TO_CM;
    CHECK(fabs(p->field[FB_SN_R_KM][i] / r_km - 1) < 1e-12, "row %zu: r %g km, want %g (1e-12)", i,
          p->field[FB_SN_R_KM][i], r_km);
    for (size_t k = 0; k < sizeof map / sizeof map[0]; k++) {
      double want = raw->v[i][map[k].col - 1], got = p->field[map[k].field][i];
      CHECK(got == want, "row %zu: field %d = %.12g, column %d holds %.12g (exact)", i, map[k].field, got, map[k].col,
            want);
    }
  }
  check_nucleon_mu(p);
}

/* Y_e derived from mu_e (the column map without Y_e) against the Y_e column, where rho > rho_min: largest relative
 * difference. */
static double ye_from_mue_deviation(const char *path, const fb_sn_profile *p, double rho_min) {
  fb_sn_profile_columns c;
  fb_sn_profile q;
  fb_err err;
  fb_err_clear(&err);
  fb_sn_profile_columns_garching(&c);
  c.column[FB_SN_YE] = 0;
  c.column[FB_SN_X_N] = c.column[FB_SN_X_P] = 0;
  if (fb_sn_profile_read(&q, path, &c, &err) != FB_OK) {
    CHECK(0, "reading %s without Y_e: %s", path, err.msg);
    return INFINITY;
  }
  double dmax = 0.0;
  for (size_t i = 0; i < q.n && i < p->n; i++)
    if (p->field[FB_SN_RHO_G_CM3][i] > rho_min)
      dmax = fmax(dmax, fabs(q.field[FB_SN_YE][i] / p->field[FB_SN_YE][i] - 1));
  fb_sn_profile_free(&q);
  return dmax;
}

/* Read path with the garching preset and check every mapped field against the raw columns; 0 on success. */
static int read_and_match(const char *path, fb_sn_profile *p, raw_rows *raw) {
  fb_sn_profile_columns c;
  fb_err err;
  fb_err_clear(&err);
  CHECK(fb_sn_profile_columns_parse(&c, "garching", &err) == FB_OK, "%s", err.msg);
  CHECK(c.skip_header == 1 && fabs(c.r_to_km - 1e-5) < 1e-18, "preset units/header");
  if (fb_sn_profile_read(p, path, &c, &err) != FB_OK) {
    fprintf(stderr, "FAIL: reading %s with the garching preset: %s\n", path, err.msg);
    return 1;
  }
  CHECK(read_raw(path, raw) == 0, "cannot read %s", path);
  check_fields_match_columns(p, raw);
  return 0;
}

static int test_fixture(void) {
  fb_sn_profile_columns c;
  fb_sn_profile p;
  fb_err err;
  fb_err_clear(&err);
  raw_rows raw;
  if (read_and_match(FIXTURE, &p, &raw)) return 1;
  free(raw.v);
  check_nucleon_mu_limits();
  check_default_profile_mu();
  /* the fixture's mu_e was made from its Y_e with the relation the reader inverts (bisection to 1e-12 in the
   * script, 10 significant digits in the file): 1e-6 */
  double d = ye_from_mue_deviation(FIXTURE, &p, 0.0);
  CHECK(d < 1e-6, "fixture: Y_e from mu_e deviates by %.3g (want < 1e-6)", d);
  /* with nuclei (X_alpha > 0 at r >= 25 km) the free-nucleon fractions are the file's, not Y_e / 1 - Y_e */
  double r25 = 25.0, xp = fb_sn_profile_at(&p, FB_SN_X_P, r25), ye = fb_sn_profile_at(&p, FB_SN_YE, r25);
  CHECK(fabs(xp - ye) > 0.02, "X_p %g vs Y_e %g at 25 km: the file's X_p was not used", xp, ye);
  /* the same file without skip_header fails at line 2 (the "shock radius= ..." line without '#') */
  fb_sn_profile_columns_garching(&c);
  c.skip_header = 0;
  fb_sn_profile q;
  CHECK(fb_sn_profile_read(&q, FIXTURE, &c, &err) == FB_ERR_INPUT && strstr(err.msg, ":2:"),
        "without skip_header: want an error at line 2, got '%s'", err.msg);
  fb_sn_profile_free(&p);
  return failures ? 1 : 0;
}

/* BC9 band on the real SFHo-s18.80 profile with the eval defaults (criterion transfer, L_nu = 3e52 erg/s): the numbers
 * recorded in docs/validation.md "Garching SFHo-s18.80 profile" (2 % regression) and the published lower edge of
 * arXiv:2109.03244 (AxionLimits copy, tests/stellar/data/axionlimits_SN1987A_HeavyALP_nu.tsv; the project's x1.5). */
static void check_bc9_band_sfho1880(const fb_sn_profile *p) {
  static const struct { double m_GeV, lo, hi, pub_lo; } rec[] = {
      {0.0010313364, 6.3656e-9, 7.7634e-6, 7.539825e-9}, {0.1099966124, 5.0697e-9, 1.5110e-7, NAN}};
  fb_sn_options o;
  fb_sn_options_default(&o);
  o.criterion = FB_SN_CRIT_TRANSFER;
  o.semi_compton = o.coalescence = 0; /* no BC1 tables (as eval sn1987a model=bc9) */
  fb_sn_alp_options ao;
  fb_sn_alp_options_default(&ao);
  fb_sn_medium m;
  fb_err err;
  fb_err_clear(&err);
  memset(&m, 0, sizeof m);
  if (fb_sn_medium_init(&m, p, &o, &err) != FB_OK) {
    CHECK(0, "medium: %s", err.msg);
    return;
  }
  for (size_t k = 0; k < sizeof rec / sizeof rec[0]; k++) {
    fb_sn_table t;
    memset(&t, 0, sizeof t);
    double lo = NAN, hi = NAN, peak = NAN;
    int rc = fb_sn_alp_table_compute_opt(&t, &m, rec[k].m_GeV, &ao, &err);
    if (rc == FB_OK) rc = fb_sn_table_edges(&t, m.opt.L_nu_erg_s, &lo, &hi, &peak, &err);
    CHECK(rc == FB_OK, "BC9 at %g GeV: %s", rec[k].m_GeV, err.msg);
    CHECK(fabs(lo / rec[k].lo - 1) < 0.02 && fabs(hi / rec[k].hi - 1) < 0.02,
          "BC9 at %g GeV: %.5g - %.5g, recorded %.5g - %.5g (2 %%)", rec[k].m_GeV, lo, hi, rec[k].lo, rec[k].hi);
    if (isfinite(rec[k].pub_lo))
      CHECK(lo / rec[k].pub_lo > 1 / 1.5 && lo / rec[k].pub_lo < 1.5, "BC9 lower edge x%.3g of published", lo / rec[k].pub_lo);
    printf("BC9 at %.4g MeV: g %.5g - %.5g GeV^-1\n", rec[k].m_GeV * 1e3, lo, hi);
    fb_sn_table_free(&t);
  }
  fb_sn_medium_free(&m);
}

/* BC10 / BC11 (1/f_l and 1/f_G [GeV^-1]) and BC6 (|U_e|^2) bands on the real SFHo-s18.80 profile with the derived mu_n,
 * mu_p (pion-induced emission and HNL nucleon blocking on), the library defaults of the bc10_sn / bc11_sn (criterion
 * transfer) and bc6_sn (criterion rays) scans: the numbers of docs/validation.md "Nucleon chemical potentials of
 * Garching profiles" (from `fipbounds run`), 2 % regression. Without pions the BC10 lower edge at 50 MeV was 1.65e-9
 * (x2.2 higher): the check fails if mu_n, mu_p are lost. */
static void check_mu_bands_sfho1880(const fb_sn_profile *p) {
  static const struct { int bench; double m_GeV, lo, hi; } rec[] = {
      {10, 0.05, 7.5698866e-10, 8.5842652e-07}, {11, 0.12, 1.3370441e-09, 2.1107922e-07},
      {6, 0.1, 3.588344e-10, 0.00025209987}};
  fb_err err;
  fb_err_clear(&err);
  for (size_t k = 0; k < sizeof rec / sizeof rec[0]; k++) {
    fb_sn_options o;
    fb_sn_options_default(&o);
    o.criterion = rec[k].bench == 6 ? FB_SN_CRIT_RAYS : FB_SN_CRIT_TRANSFER;
    o.semi_compton = o.coalescence = 0;
    fb_sn_medium m;
    fb_sn_table t;
    memset(&m, 0, sizeof m);
    memset(&t, 0, sizeof t);
    double lo = NAN, hi = NAN;
    int rc = fb_sn_medium_init(&m, p, &o, &err);
    if (rc == FB_OK && rec[k].bench == 6) {
      fb_sn_hnl h;
      memset(&h, 0, sizeof h);
      rc = fb_sn_hnl_init(&h, &m, p, 0, NULL, &err);
      if (rc == FB_OK) rc = fb_sn_hnl_table_compute(&t, &h, rec[k].m_GeV, &err);
      if (rc == FB_OK) rc = fb_sn_hnl_edges_U2(&t, m.opt.L_nu_erg_s, &lo, &hi, &err);
      fb_sn_hnl_free(&h);
    } else if (rc == FB_OK) {
      fb_sn_alpn a;
      double *ms = malloc(FB_SN_ALPN_MEDIUM_NF * m.n * sizeof *ms);
      rc = ms ? fb_sn_alpn_init(&a, rec[k].bench, NULL, &err) : FB_ERR_MEMORY;
      if (rc == FB_OK) {
        fb_sn_alpn_mstar(&m, p, ms);
        rc = fb_sn_alpn_table_compute(&t, &a, &m, ms, rec[k].m_GeV, &err);
        if (rc == FB_OK) rc = fb_sn_table_edges(&t, m.opt.L_nu_erg_s, &lo, &hi, NULL, &err);
        fb_sn_alpn_free(&a);
      }
      free(ms);
    }
    CHECK(rc == FB_OK, "BC%d at %g GeV: %s", rec[k].bench, rec[k].m_GeV, err.msg);
    CHECK(fabs(lo / rec[k].lo - 1) < 0.02 && fabs(hi / rec[k].hi - 1) < 0.02,
          "BC%d at %g GeV: %.5g - %.5g, recorded %.5g - %.5g (2 %%)", rec[k].bench, rec[k].m_GeV, lo, hi, rec[k].lo,
          rec[k].hi);
    printf("BC%d at %.4g MeV (mu_n, mu_p derived): %.5g - %.5g\n", rec[k].bench, rec[k].m_GeV * 1e3, lo, hi);
    fb_sn_table_free(&t);
    fb_sn_medium_free(&m);
  }
}

/* The real file: layout as stated in its header, and the physics ranges of a proto-neutron star ~1 s after bounce. */
static int test_real(void) {
  const char *path = getenv("FIPBOUNDS_GARCHING_PROFILE");
  if (!path || !*path) {
    printf("SKIP: FIPBOUNDS_GARCHING_PROFILE is not set (point it at a Garching hydro file such as "
           "hydro-SFHo-s18.80-MUONS-T=1.0001996.txt; docs/sn-profile.md section 2)\n");
    return SKIP_CODE;
  }
  fb_sn_profile p;
  fb_err err;
  fb_err_clear(&err);
  raw_rows raw;
  if (read_and_match(path, &p, &raw)) return 1;
  /* beta equilibrium e- p <-> n nu_e with the file's columns 9-12: mu_nu_e = mu_e + mu_p - mu_n - (m_n - m_p), which
   * fixes the convention of columns 11, 12 (mu_N - m_N, vacuum masses). Measured 4.2e-5 MeV; 1e-3 MeV asserted. */
  double dbeta = 0.0;
  for (size_t i = 0; i < raw.n; i++)
    if (raw.v[i][2] > 1e11)
      dbeta = fmax(dbeta, fabs(raw.v[i][8] - (raw.v[i][9] + raw.v[i][11] - raw.v[i][10] - (FB_MN_GEV - FB_MP_GEV) * 1e3)));
  CHECK(dbeta < 1e-3, "beta equilibrium off by %g MeV (want < 1e-3)", dbeta);
  /* derived eta_N = (mu_N - m*_N)/T (ideal non-relativistic gas at the file's X_N rho, m*_N) against the file's own
   * kinetic degeneracy (mu_N - m_N - U_N)/T = (column 11/12 - column 22/23)/T (its E_N = m_N + U_N + kinetic, relativistic
   * in the EOS), where rho > 1e12 g/cm^3. Measured on SFHo-s18.80: largest |d eta| 0.885 at the centre (eta_n 7.48 vs
   * 6.58: the relativistic kinetic energy sqrt(k^2 + m*^2) - m* < k^2/2m* of the degenerate core, m* = 0.58 m_N, 12 %
   * of eta), largest relative 0.198 in the hot layer at 6-9 km (eta ~ 1, T 30-39 MeV, thermal momenta ~ sqrt(3 m* T)
   * ~ 0.3-0.4 m*: the same relativistic kinetic energy); the derived eta is always the larger. Asserted: |d eta| <
   * 0.35 max(|eta|, 1) (measured 0.198 / 0.232 / 0.328 on SFHo-s18.80 / s18.6 / s20.0; 0.001 on LS220, whose
   * Lattimer-Swesty EOS has non-relativistic nucleons: the relation is then the file's own). */
  double deta_max = 0.0, deta_rel = 0.0;
  for (size_t i = 0; i < raw.n && i < p.n; i++) {
    if (raw.v[i][2] < 1e12) continue;
    double T = raw.v[i][4];
    for (int k = 0; k < 2; k++) {
      double file_eta = (raw.v[i][10 + k] - raw.v[i][21 + k]) / T;
      double ours = (p.field[k ? FB_SN_MU_P_MEV : FB_SN_MU_N_MEV][i] - raw.v[i][23 + k]) / T;
      double d = fabs(ours - file_eta);
      deta_max = fmax(deta_max, d);
      deta_rel = fmax(deta_rel, d / fmax(fabs(file_eta), 1.0));
      CHECK(d < 0.35 * fmax(fabs(file_eta), 1.0), "row %zu (%g km): eta_%c derived %g, file %g (0.35 max(|eta|,1))", i,
            p.field[FB_SN_R_KM][i], k ? 'p' : 'n', ours, file_eta);
    }
  }
  printf("derived eta_N vs the file's (mu_N - U_N)/T (rho > 1e12): max |d eta| %.3f, relative %.3f\n", deta_max,
         deta_rel);
  /* our enclosed mass (trapezoid of 4 pi r^2 rho) against the file's mass coordinate (column 2) at the last row inside
   * 100 km: a check of the density column and its unit. Measured 1.3522 vs 1.3521 M_sun (SFHo-s18.80, 97.8 km); 1 %. */
  for (size_t i = raw.n; i-- > 0;)
    if (p.field[FB_SN_R_KM][i] < 100.0) {
      double m = fb_sn_profile_mass_msun(&p, p.field[FB_SN_R_KM][i]), want = raw.v[i][1];
      CHECK(fabs(m / want - 1) < 0.01, "enclosed mass %g M_sun at %g km, file %g (1 %%)", m, p.field[FB_SN_R_KM][i], want);
      printf("enclosed mass at %.4g km: %.5g M_sun (file column 2: %.5g)\n", p.field[FB_SN_R_KM][i], m, want);
      break;
    }
  free(raw.v);
  double Tmax = 0, rTmax = 0;
  for (size_t i = 0; i < p.n; i++)
    if (p.field[FB_SN_T_MEV][i] > Tmax) Tmax = p.field[FB_SN_T_MEV][i], rTmax = p.field[FB_SN_R_KM][i];
  double rhoc = p.field[FB_SN_RHO_G_CM3][0], Tc = p.field[FB_SN_T_MEV][0], lapc = p.field[FB_SN_LAPSE][0];
  /* ranges from the brief of issue 16: rho_c 1e14-1e15 g/cm^3, T peaks at 30-60 MeV off-centre (arXiv:2109.03244,
   * Introduction), lapse < 1, Y_e 0.05-0.3 in the core, m* below the vacuum mass */
  CHECK(rhoc > 1e14 && rhoc < 1e15, "central rho %g g/cm^3 (want 1e14-1e15)", rhoc);
  CHECK(Tmax > 30 && Tmax < 60 && rTmax > 5 && rTmax < 15 && Tc < 0.7 * Tmax,
        "T_max %g MeV at %g km, T_c %g (want 30-60 MeV at 5-15 km, T_c < 0.7 T_max)", Tmax, rTmax, Tc);
  CHECK(lapc > 0.5 && lapc < 0.95, "central lapse %g (want 0.5-0.95)", lapc);
  CHECK(p.field[FB_SN_MSTAR_N_MEV][0] <= FB_MN_GEV * 1e3 * (1 + 1e-6), "m*_n(0) = %g MeV", p.field[FB_SN_MSTAR_N_MEV][0]);
  for (size_t i = 0; i < p.n && p.field[FB_SN_R_KM][i] < 15.0; i++) {
    double ye = p.field[FB_SN_YE][i];
    CHECK(ye > 0.05 && ye < 0.3, "Y_e %g at %g km (want 0.05-0.3 inside 15 km)", ye, p.field[FB_SN_R_KM][i]);
    /* muons: the proton fraction X_p = Y_e + Y_mu >= Y_e where all nucleons are free (rho > 1.5e14; beyond ~12 km
     * light and heavy clusters hold protons and X_p < Y_e): 1e-6 */
    CHECK(p.field[FB_SN_RHO_G_CM3][i] < 1.5e14 || p.field[FB_SN_X_P][i] >= ye - 1e-6, "X_p %g < Y_e %g at %g km", p.field[FB_SN_X_P][i], ye,
          p.field[FB_SN_R_KM][i]);
  }
  /* Y_e derived from mu_e (ultra-relativistic electrons): measured 0.23 % (rho > 1e12) and 0.33-0.40 % (rho > 1e10)
   * on the four files of arXiv:2005.07141; 0.5 % asserted. Outside (the electron mass matters) 13 % at 100 km. */
  double d10 = ye_from_mue_deviation(path, &p, 1e10);
  CHECK(d10 < 5e-3, "Y_e from mu_e deviates by %.3g where rho > 1e10 (want < 5e-3)", d10);
  double rnu = NAN;
  CHECK(fb_sn_profile_neutrinosphere_km(&p, &rnu, &err) == FB_OK && rnu > 12 && rnu < 35,
        "neutrinosphere %g km (want 12-35 km)", rnu);
  printf("%s: %zu rows; rho_c %.4g g/cm^3, T_c %.4g MeV, T_max %.4g MeV at %.4g km, lapse_c %.4g, Y_e(0) %.4g, "
         "m*_n(0) %.4g MeV, R_nu %.4g km, Y_e from mu_e within %.3g (rho > 1e10), beta equilibrium %.2g MeV\n",
         path, p.n, rhoc, Tc, Tmax, rTmax, lapc, p.field[FB_SN_YE][0], p.field[FB_SN_MSTAR_N_MEV][0], rnu, d10, dbeta);
  if (strstr(path, "SFHo-s18.80")) {
    check_bc9_band_sfho1880(&p);
    check_mu_bands_sfho1880(&p);
  }
  fb_sn_profile_free(&p);
  return failures ? 1 : 0;
}

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "real")) return test_real();
  return test_fixture();
}
