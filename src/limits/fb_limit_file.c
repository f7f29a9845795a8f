/**
 * @file fb_limit_file.c
 * @brief The fb_limit struct, its validation, the project's limit-file format (reader, writer;
 *        docs/limits-format.md) and the unit / coupling-convention conversions.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_fip.h"
#include "fb_limits.h"
#include "fb_limits_internal.h"

/* ------------------------------------------------------------------ text input */

int fb_line_open(fb_line_reader *r, const char *path, fb_err *err) {
  memset(r, 0, sizeof *r);
  r->path = path;
  r->f = fopen(path, "r");
  FB_TEST(err, !r->f, FB_ERR_IO, "cannot open '%s': %s", path, strerror(errno));
  return FB_OK;
}

int fb_line_next(fb_line_reader *r, fb_err *err) {
  if (r->lineno > 0) r->offset += (long long)r->len;
  errno = 0;
  ssize_t n = getline(&r->line, &r->cap, r->f);
  if (n < 0) {
    if (ferror(r->f)) return -fb_err_set(err, FB_ERR_IO, __func__, __LINE__, "error reading '%s': %s", r->path, strerror(errno ? errno : EIO));
    r->len = 0;
    return 0;
  }
  r->len = (size_t)n;
  r->lineno++;
  const char *nul = memchr(r->line, '\0', r->len);
  if (nul) {
    long long at = r->offset + (long long)(nul - r->line);
    r->len = 0;
    return -fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__,
                       "%s:%d: NUL byte at byte offset %lld: not a text file (refused: content after it would be lost)",
                       r->path, r->lineno, at);
  }
  /* a UTF-8 byte-order mark (spreadsheet exports) is not part of the first line */
  if (r->lineno == 1 && r->len >= 3 && !memcmp(r->line, "\xEF\xBB\xBF", 3)) {
    memmove(r->line, r->line + 3, r->len - 2);
    r->len -= 3;
    r->offset += 3;
  }
  return 1;
}

void fb_line_close(fb_line_reader *r) {
  if (r->f) fclose(r->f);
  free(r->line);
  memset(r, 0, sizeof *r);
}

int fb_read_text_file(const char *path, size_t max_bytes, char **out, size_t *len, fb_err *err) {
  *out = NULL;
  FILE *f = fopen(path, "rb");
  FB_TEST(err, !f, FB_ERR_IO, "cannot open '%s': %s", path, strerror(errno));
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap + 1);
  int rc = FB_OK;
  FB_TEST_GOTO(err, rc, !buf, FB_ERR_MEMORY, out, "out of memory");
  for (;;) {
    if (n == cap) {
      FB_TEST_GOTO(err, rc, cap >= max_bytes, FB_ERR_INPUT, out, "%s: larger than %zu bytes", path, max_bytes);
      cap = 2 * cap > max_bytes ? max_bytes : 2 * cap;
      char *nb = realloc(buf, cap + 1);
      FB_TEST_GOTO(err, rc, !nb, FB_ERR_MEMORY, out, "out of memory (%zu bytes)", cap);
      buf = nb;
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) break;
  }
  FB_TEST_GOTO(err, rc, ferror(f), FB_ERR_IO, out, "error reading '%s'", path);
  const char *nul = memchr(buf, '\0', n);
  FB_TEST_GOTO(err, rc, nul != NULL, FB_ERR_INPUT, out, "%s: NUL byte at byte offset %zu: not a text file", path,
               (size_t)(nul - buf));
  buf[n] = '\0';
  if (n >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) memmove(buf, buf + 3, (n -= 3) + 1);
  *out = buf;
  if (len) *len = n;
  buf = NULL;
out:
  free(buf);
  fclose(f);
  return rc;
}

void fb_limit_init(fb_limit *lim) {
  memset(lim, 0, sizeof *lim);
  lim->cl_percent = NAN;
  lim->kind = FB_LIMIT_CLOSED;
}

void fb_limit_free(fb_limit *lim) {
  free(lim->x);
  free(lim->y);
  free(lim->y_hi);
  free(lim->seg_start);
  fb_limit_init(lim);
}

static int ensure_segments(fb_limit *lim, fb_err *err) {
  if (lim->seg_start) return FB_OK;
  lim->seg_start = malloc(2 * sizeof(size_t));
  FB_TEST(err, !lim->seg_start, FB_ERR_MEMORY, "out of memory");
  lim->seg_start[0] = 0;
  lim->seg_start[1] = 0;
  lim->n_segments = 1;
  return FB_OK;
}

int fb_limit_add_point(fb_limit *lim, double x, double y, double y_hi, fb_err *err) {
  FB_CALL(err, ensure_segments(lim, err));
  if (lim->n_points == lim->cap) {
    size_t cap = lim->cap ? 2 * lim->cap : 256;
    double *nx = realloc(lim->x, cap * sizeof(double));
    if (nx) lim->x = nx;
    double *ny = nx ? realloc(lim->y, cap * sizeof(double)) : NULL;
    if (ny) lim->y = ny;
    double *nh = ny ? realloc(lim->y_hi, cap * sizeof(double)) : NULL;
    if (nh) lim->y_hi = nh;
    FB_TEST(err, !nh, FB_ERR_MEMORY, "out of memory (%zu points)", cap);
    lim->cap = cap;
  }
  lim->x[lim->n_points] = x;
  lim->y[lim->n_points] = y;
  lim->y_hi[lim->n_points] = y_hi;
  lim->n_points++;
  lim->seg_start[lim->n_segments] = lim->n_points;
  return FB_OK;
}

int fb_limit_new_segment(fb_limit *lim, fb_err *err) {
  FB_CALL(err, ensure_segments(lim, err));
  if (lim->seg_start[lim->n_segments] == lim->seg_start[lim->n_segments - 1]) return FB_OK;
  size_t *s = realloc(lim->seg_start, (lim->n_segments + 2) * sizeof(size_t));
  FB_TEST(err, !s, FB_ERR_MEMORY, "out of memory");
  lim->seg_start = s;
  lim->n_segments++;
  lim->seg_start[lim->n_segments] = lim->n_points;
  return FB_OK;
}

static const char *const kind_names[] = {"closed", "upper_bound", "edges"};

const char *fb_limit_kind_name(fb_limit_kind kind) {
  return (unsigned)kind < 3 ? kind_names[kind] : "unknown";
}

int fb_limit_kind_parse(const char *name, fb_limit_kind *kind, fb_err *err) {
  for (int k = 0; k < 3; k++)
    if (name && !strcmp(name, kind_names[k])) {
      *kind = (fb_limit_kind)k;
      return FB_OK;
    }
  FB_FAIL(err, FB_ERR_INPUT, "kind '%s' is not known: allowed closed|upper_bound|edges", name ? name : "");
}

/* ------------------------------------------------------------------ units and conventions */

int fb_limit_mass_unit_to_GeV(const char *unit, double *factor, fb_err *err) {
  static const struct { const char *name; double f; } u[] = {
      {"eV", 1e-9}, {"keV", 1e-6}, {"MeV", 1e-3}, {"GeV", 1.0}, {"TeV", 1e3}};
  for (size_t i = 0; i < sizeof u / sizeof u[0]; i++)
    if (unit && !strcmp(unit, u[i].name)) {
      *factor = u[i].f;
      return FB_OK;
    }
  FB_FAIL(err, FB_ERR_INPUT, "mass unit '%s' is not known: allowed eV|keV|MeV|GeV|TeV", unit ? unit : "");
}

/* A coupling convention: family (the physical coupling), power relative to the family's base
 * (value = base^power) and whether it carries an inverse-energy unit. */
typedef struct {
  const char *name, *family;
  double power;
  int inverse_energy;
  double scale; /* value = scale * base^power; base in GeV^-1 for inverse energies */
} coupling_conv;

static const coupling_conv couplings[] = {
    {"epsilon", "epsilon", 1, 0, 1.0},   {"epsilon2", "epsilon", 2, 0, 1.0},
    {"U", "U", 1, 0, 1.0},               {"U2", "U", 2, 0, 1.0},
    {"Ue2", "Ue", 2, 0, 1.0},            {"Umu2", "Umu", 2, 0, 1.0},           {"Utau2", "Utau", 2, 0, 1.0},
    {"Ue", "Ue", 1, 0, 1.0},             {"Umu", "Umu", 1, 0, 1.0},            {"Utau", "Utau", 1, 0, 1.0},
    /* theta and sin(theta) agree to O(theta^3): the scalar mixing planes (BC4/5) reach theta ~ 1e-2 */
    {"theta", "theta", 1, 0, 1.0},       {"sin_theta", "theta", 1, 0, 1.0},    {"sin2_theta", "theta", 2, 0, 1.0},
    {"sin2theta", "theta", 2, 0, 1.0}, /* the scan models' name of BC4/BC5 (src/models/fb_fip.h) */
    {"g_agamma", "g_agamma", 1, 1, 1.0}, {"g_aW", "g_aW", 1, 1, 1.0},          {"g_ag", "g_ag", 1, 1, 1.0},
    {"inv_fa", "inv_fa", 1, 1, 1.0},
    /* BC10: the scan axis inv_fl = 1/f_l, universal ALP-fermion coupling (arXiv:1901.09966, BC10); a
     * limit on the electron coupling g_ae = m_e inv_fl is converted by its importer (fb_limit_import_axionlimits.c) */
    {"inv_fl", "inv_fl", 1, 1, 1.0},
    /* BC11: the scan axis inv_fG = 1/f_G with L = alpha_s/(8 pi f_G) a G Gdual (arXiv:2102.12143, BC11);
     * FORESEE's ALP-g files use g_agg of L = -(g_s^2/8) g_agg a G Gdual (its ALP-g notebook), so
     * inv_fG = 4 pi^2 g_agg (src/models/fb_fip_alp.h) */
    {"inv_fG", "inv_fG", 1, 1, 1.0},      {"g_agg_gluon", "inv_fG", 1, 1, 1.0 / (4.0 * 3.14159265358979323846 * 3.14159265358979323846)},
    /* BC2: y = alpha_D eps^2 (m_chi/m_A')^4 (PBC, arXiv:1901.09966); an epsilon limit reaches it through
     * fb_limit_plane_map (it needs the plane's alpha_D and mass ratio), not through this table */
    {"y", "y", 1, 0, 1.0},
    /* BC2 from direct detection: DM-electron (heavy mediator, F_DM = 1) and DM-proton cross sections in
     * cm^2; onto the y plane through fb_limit_plane_map (the conversion depends on m_chi and m_A'/m_chi) */
    {"sigma_e", "sigma_e", 1, 0, 1.0},   {"sigma_p", "sigma_p", 1, 0, 1.0}};

/* a cross-section family (sigma_e, sigma_p): its unit is cm^2 */
static int is_cross_section(const coupling_conv *c) { return !strncmp(c->family, "sigma_", 6); }

/* a coupling name, old names mapped to the canonical ones of src/models/fb_fip.h (g_agg -> g_agamma) */
static const coupling_conv *find_coupling(const char *name) {
  name = fb_fip_coupling_canonical(name);
  for (size_t i = 0; i < sizeof couplings / sizeof couplings[0]; i++)
    if (name && !strcmp(name, couplings[i].name)) return &couplings[i];
  return NULL;
}

static int inverse_energy_factor(const char *unit, double *f_per_GeV, fb_err *err) {
  /* value in unit^-1 -> value in GeV^-1: 1 TeV^-1 = 1e-3 GeV^-1 */
  static const struct { const char *name; double f; } u[] = {
      {"GeV^-1", 1.0}, {"TeV^-1", 1e-3}, {"MeV^-1", 1e3}, {"keV^-1", 1e6}, {"eV^-1", 1e9}};
  for (size_t i = 0; i < sizeof u / sizeof u[0]; i++)
    if (unit && !strcmp(unit, u[i].name)) {
      *f_per_GeV = u[i].f;
      return FB_OK;
    }
  FB_FAIL(err, FB_ERR_INPUT, "coupling unit '%s' is not known: allowed GeV^-1|TeV^-1|MeV^-1|keV^-1|eV^-1",
          unit ? unit : "");
}

int fb_limit_coupling_convert(const char *quantity, const char *unit, const char *target_quantity,
                              const char *target_unit, double *factor, double *power, fb_err *err) {
  const coupling_conv *a = find_coupling(quantity), *b = find_coupling(target_quantity);
  FB_TEST(err, !a, FB_ERR_INPUT, "coupling '%s' is not known (see docs/limits-format.md)", quantity ? quantity : "");
  FB_TEST(err, !b, FB_ERR_INPUT, "coupling '%s' is not known (see docs/limits-format.md)",
          target_quantity ? target_quantity : "");
  /* the flavour-specific U's and the flavour-blind U of a single-flavour benchmark are the same */
  int same = !strcmp(a->family, b->family) ||
             (!strncmp(a->family, "U", 1) && !strncmp(b->family, "U", 1) &&
              (!strcmp(a->family, "U") || !strcmp(b->family, "U")));
  FB_TEST(err, !same, FB_ERR_INPUT, "coupling '%s' cannot be converted to '%s' (different couplings)",
          quantity, target_quantity);
  FB_TEST(err, (a->inverse_energy && !b->inverse_energy) || (!a->inverse_energy && b->inverse_energy), FB_ERR_INPUT,
          "coupling '%s' cannot be converted to '%s' (different dimensions)", quantity, target_quantity);
  double f = 1.0;
  if (a->inverse_energy) {
    double fa, fb;
    FB_CALL(err, inverse_energy_factor(unit, &fa, err));
    FB_CALL(err, inverse_energy_factor(target_unit, &fb, err));
    f = fa / fb;
  } else if (is_cross_section(a)) {
    FB_TEST(err, !unit || strcmp(unit, "cm^2") || !target_unit || strcmp(target_unit, "cm^2"), FB_ERR_INPUT,
            "cross section '%s' needs the unit cm^2 (got '%s' to '%s')", quantity, unit ? unit : "",
            target_unit ? target_unit : "");
  } else {
    FB_TEST(err, unit && unit[0], FB_ERR_INPUT, "coupling '%s' is dimensionless but has unit '%s'", quantity, unit);
  }
  /* value_a = sa base^pa -> base = (value_a/sa)^(1/pa) -> value_b = sb base^pb = (f' value_a)^(pb/pa)
   * with f' = f sb^(pa/pb)/sa (callers use (factor * value)^power) */
  const double sa = a->scale > 0 ? a->scale : 1.0, sb = b->scale > 0 ? b->scale : 1.0;
  *power = b->power / a->power;
  *factor = f / sa * pow(sb, 1.0 / *power);
  return FB_OK;
}

/* ------------------------------------------------------------------ validation */

static int name_ok(const char *s) {
  if (!s[0] || !strcmp(s, ".") || !strcmp(s, "..")) return 0;
  for (; *s; s++)
    if (!isalnum((unsigned char)*s) && !strchr("_.+-", *s)) return 0;
  return 1;
}

/* orientation of (b - a) x (c - a): sign */
static int orient(double ax, double ay, double bx, double by, double cx, double cy) {
  double v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return (v > 0) - (v < 0);
}

static int on_segment(double ax, double ay, double bx, double by, double cx, double cy) {
  return fmin(ax, bx) <= cx && cx <= fmax(ax, bx) && fmin(ay, by) <= cy && cy <= fmax(ay, by);
}

int fb_limit_segments_intersect(double ax, double ay, double bx, double by, double cx, double cy, double dx,
                                double dy, int proper_only) {
  int o1 = orient(ax, ay, bx, by, cx, cy), o2 = orient(ax, ay, bx, by, dx, dy);
  int o3 = orient(cx, cy, dx, dy, ax, ay), o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 * o2 < 0 && o3 * o4 < 0) return 1; /* the interiors cross */
  if (proper_only) return 0;
  if (o1 != o2 && o3 != o4) return 1;
  if (o1 == 0 && on_segment(ax, ay, bx, by, cx, cy)) return 1;
  if (o2 == 0 && on_segment(ax, ay, bx, by, dx, dy)) return 1;
  if (o3 == 0 && on_segment(cx, cy, dx, dy, ax, ay)) return 1;
  if (o4 == 0 && on_segment(cx, cy, dx, dy, bx, by)) return 1;
  return 0;
}

/* Polygon s of lim in log10 coordinates without consecutive duplicates (nor a repeated closing
 * point). Returns the number of vertices; *px, *py malloc'd. */
static size_t polygon_log(const fb_limit *lim, size_t s, double **px, double **py) {
  size_t a = lim->seg_start[s], b = lim->seg_start[s + 1], n = 0;
  double *x = malloc((b - a + 1) * sizeof(double)), *y = malloc((b - a + 1) * sizeof(double));
  if (!x || !y) {
    free(x);
    free(y);
    *px = *py = NULL;
    return 0;
  }
  for (size_t i = a; i < b; i++) {
    double lx = log10(lim->x[i]), ly = log10(lim->y[i]);
    if (n > 0 && lx == x[n - 1] && ly == y[n - 1]) continue;
    x[n] = lx;
    y[n] = ly;
    n++;
  }
  while (n > 1 && x[n - 1] == x[0] && y[n - 1] == y[0]) n--;
  *px = x;
  *py = y;
  return n;
}

size_t fb_limit_polygon_log(const fb_limit *lim, size_t s, double **px, double **py) {
  return polygon_log(lim, s, px, py);
}

int fb_limit_benchmark_number(const char *benchmark) {
  if (!benchmark || strncmp(benchmark, "BC", 2) || !isdigit((unsigned char)benchmark[2])) return 0;
  char *end;
  long n = strtol(benchmark + 2, &end, 10);
  if (*end || n < 1 || n > 11 || (benchmark[2] == '0')) return 0;
  return (int)n;
}

/* ------------------------------------------------------------------ assumptions */

/* the next "key=value" pair of s (blanks trimmed) into key/val; returns the rest or NULL at the end */
static const char *next_pair(const char *s, char *key, size_t kcap, char *val, size_t vcap, int *ok) {
  *ok = 1;
  while (*s == ' ' || *s == '\t' || *s == ';') s++;
  if (!*s) return NULL;
  const char *end = strchr(s, ';');
  if (!end) end = s + strlen(s);
  const char *eq = memchr(s, '=', (size_t)(end - s));
  const char *k0 = s, *k1 = eq ? eq : end, *v0 = eq ? eq + 1 : end, *v1 = end;
  while (k1 > k0 && isspace((unsigned char)k1[-1])) k1--;
  while (v0 < v1 && isspace((unsigned char)*v0)) v0++;
  while (v1 > v0 && isspace((unsigned char)v1[-1])) v1--;
  snprintf(key, kcap, "%.*s", (int)(k1 - k0), k0);
  snprintf(val, vcap, "%.*s", (int)(v1 - v0), v0);
  if (!eq || k1 == k0 || v1 == v0 || memchr(v0, '=', (size_t)(v1 - v0)) || (size_t)(k1 - k0) >= kcap ||
      (size_t)(v1 - v0) >= vcap)
    *ok = 0;
  for (const char *p = k0; *ok && p < k1; p++)
    if (!isalnum((unsigned char)*p) && *p != '_') *ok = 0;
  return end;
}

int fb_limit_assumptions_parse_check(const char *assumptions, const char *source, fb_err *err) {
  char key[64], val[256], seen[16][64];
  int ok, n = 0;
  for (const char *p = assumptions; p && (p = next_pair(p, key, sizeof key, val, sizeof val, &ok));) {
    FB_TEST(err, !ok, FB_ERR_INPUT,
            "%s: assumptions '%s': expected 'key=value' pairs separated by ';' (e.g. 'decay=visible; dark_matter=none')",
            source, assumptions);
    for (int k = 0; k < n; k++)
      FB_TEST(err, !strcmp(seen[k], key), FB_ERR_INPUT, "%s: assumption '%s' given twice", source, key);
    FB_TEST(err, n == 16, FB_ERR_INPUT, "%s: more than 16 assumptions", source);
    snprintf(seen[n++], sizeof seen[0], "%s", key);
  }
  return FB_OK;
}

/* the value of key in an assumptions string ("" when absent) */
static int assumption_get(const char *assumptions, const char *key, char *val, size_t cap) {
  char k[64], v[256];
  int ok;
  for (const char *p = assumptions; p && (p = next_pair(p, k, sizeof k, v, sizeof v, &ok));)
    if (ok && !strcmp(k, key)) {
      snprintf(val, cap, "%s", v);
      return 1;
    }
  val[0] = '\0';
  return 0;
}

int fb_limit_assumption_get(const char *assumptions, const char *key, char *val, size_t cap) {
  return assumption_get(assumptions, key, val, cap);
}

/* one value against '|'-separated alternatives; numbers compared to 1e-6 relative */
static int value_in(const char *v, const char *alternatives) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s", alternatives);
  char *save = NULL;
  for (char *a = strtok_r(buf, "|", &save); a; a = strtok_r(NULL, "|", &save)) {
    while (isspace((unsigned char)*a)) a++;
    size_t n = strlen(a);
    while (n && isspace((unsigned char)a[n - 1])) a[--n] = '\0';
    if (!strcmp(a, v)) return 1;
    char *e1, *e2;
    double x = strtod(a, &e1), y = strtod(v, &e2);
    if (e1 != a && !*e1 && e2 != v && !*e2 && isfinite(x) && isfinite(y) && fabs(x - y) <= 1e-6 * fmax(fabs(x), fabs(y)))
      return 1;
  }
  return 0;
}

int fb_limit_assumptions_fit(const char *limit_assumptions, const char *plane_assumptions, char *key_out,
                             size_t key_cap) {
  char k[64], v[256], pv[256];
  int ok;
  for (const char *p = limit_assumptions; p && (p = next_pair(p, k, sizeof k, v, sizeof v, &ok));) {
    if (!ok || !assumption_get(plane_assumptions, k, pv, sizeof pv)) continue;
    if (!value_in(v, pv)) {
      if (key_out) snprintf(key_out, key_cap, "%s: the limit assumes %s=%s, the plane allows %s=%s", k, k, v, k, pv);
      return 0;
    }
  }
  return 1;
}

void fb_limit_plane_assumptions(const char *benchmark, double alpha_D, double mass_ratio, const char *spin,
                                char *out, size_t cap) {
  int bc = fb_limit_benchmark_number(benchmark);
  if (bc == 1) snprintf(out, cap, "decay=visible; dark_matter=none"); /* minimal dark photon: A' -> SM */
  else if (bc == 2) {
    /* A' -> chi chi, chi the dark matter (PBC BC2); accelerator limits make no abundance assumption */
    size_t n = (size_t)snprintf(out, cap, "decay=invisible; dark_matter=none|chi");
    if (alpha_D > 0 && mass_ratio > 0 && n < cap)
      n += (size_t)snprintf(out + n, cap - n, "; alpha_D=%.10g; mass_ratio=%.10g", alpha_D, mass_ratio);
    /* elastic heavy-mediator scattering (direct detection) needs a scalar or Dirac chi: the vector
     * current of a Majorana chi vanishes, a pseudo-Dirac chi scatters inelastically (arXiv:1901.09966) */
    if (spin && spin[0] && n < cap)
      snprintf(out + n, cap - n, "; elastic_scattering=%s",
               (!strcmp(spin, "scalar") || !strcmp(spin, "dirac")) ? "yes" : "no");
  } else if (bc > 2) snprintf(out, cap, "dark_matter=none");
  else if (cap) out[0] = '\0';
}

int fb_limit_validate(const fb_limit *lim, const char *source, fb_err *err) {
  const char *src = source ? source : "<limit>";
  FB_TEST(err, !name_ok(lim->experiment), FB_ERR_INPUT,
          "%s: experiment '%s' must be non-empty and use only letters, digits and _.+- (it names an HDF5 group)",
          src, lim->experiment);
  FB_TEST(err, !lim->reference[0], FB_ERR_INPUT, "%s: reference (arXiv id or DOI) is missing", src);
  FB_TEST(err, !fb_limit_benchmark_number(lim->benchmark), FB_ERR_INPUT,
          "%s: benchmark '%s' is not one of BC1 ... BC11", src, lim->benchmark);
  FB_CALL(err, fb_limit_assumptions_parse_check(lim->assumptions, src, err));
  FB_TEST(err, !lim->x_quantity[0], FB_ERR_INPUT, "%s: x_quantity is missing", src);
  double f, p;
  FB_CALL(err, fb_limit_mass_unit_to_GeV(lim->x_unit, &f, err));
  FB_CALL(err, fb_limit_coupling_convert(lim->y_quantity, lim->y_unit, lim->y_quantity, lim->y_unit, &f, &p, err));
  FB_TEST(err, !(lim->cl_percent > 0 && lim->cl_percent < 100), FB_ERR_INPUT,
          "%s: cl_percent = %g is out of range: allowed 0 < cl_percent < 100", src, lim->cl_percent);
  FB_TEST(err, (unsigned)lim->kind > FB_LIMIT_EDGES, FB_ERR_INPUT, "%s: unknown kind", src);
  FB_TEST(err, !lim->provenance[0], FB_ERR_INPUT, "%s: provenance is missing", src);
  FB_TEST(err, !lim->licence[0], FB_ERR_INPUT, "%s: licence is missing", src);
  FB_TEST(err, lim->n_points == 0, FB_ERR_INPUT, "%s: no data points", src);
  for (size_t i = 0; i < lim->n_points; i++) {
    int bad = !(isfinite(lim->x[i]) && lim->x[i] > 0 && isfinite(lim->y[i]) && lim->y[i] > 0);
    if (lim->kind == FB_LIMIT_EDGES) bad = bad || !(isfinite(lim->y_hi[i]) && lim->y_hi[i] > 0);
    FB_TEST(err, bad, FB_ERR_INPUT, "%s: point %zu (x = %g, y = %g) is not finite and positive", src, i + 1,
            lim->x[i], lim->y[i]);
  }
  for (size_t s = 0; s < lim->n_segments; s++) {
    size_t a = lim->seg_start[s], b = lim->seg_start[s + 1];
    if (lim->kind != FB_LIMIT_CLOSED) {
      FB_TEST(err, b - a < 2, FB_ERR_INPUT, "%s: curve piece %zu has %zu point(s), needs >= 2", src, s + 1, b - a);
      for (size_t i = a + 1; i < b; i++)
        FB_TEST(err, lim->x[i] < lim->x[i - 1], FB_ERR_INPUT,
                "%s: x is not sorted: point %zu (x = %g) follows x = %g (a %s curve needs non-decreasing x)", src,
                i + 1, lim->x[i], lim->x[i - 1], fb_limit_kind_name(lim->kind));
      if (lim->kind == FB_LIMIT_EDGES)
        for (size_t i = a; i < b; i++)
          FB_TEST(err, lim->y[i] > lim->y_hi[i], FB_ERR_INPUT,
                  "%s: point %zu: lower edge %g is above upper edge %g", src, i + 1, lim->y[i], lim->y_hi[i]);
      continue;
    }
    double *x, *y;
    size_t n = polygon_log(lim, s, &x, &y);
    FB_TEST(err, !x, FB_ERR_MEMORY, "out of memory");
    if (n < 3) {
      free(x);
      free(y);
      FB_FAIL(err, FB_ERR_INPUT, "%s: polygon %zu has %zu distinct point(s), needs >= 3", src, s + 1, n);
    }
    /* edges i: (i, i+1 mod n); adjacent edges share a vertex and are not tested */
    for (size_t i = 0; i < n; i++) {
      double ax = x[i], ay = y[i], bx = x[(i + 1) % n], by = y[(i + 1) % n];
      double minx = fmin(ax, bx), maxx = fmax(ax, bx), miny = fmin(ay, by), maxy = fmax(ay, by);
      for (size_t j = i + 2; j < n; j++) {
        if (i == 0 && j == n - 1) continue;
        double cx = x[j], cy = y[j], dx = x[(j + 1) % n], dy = y[(j + 1) % n];
        if (fmax(cx, dx) < minx || fmin(cx, dx) > maxx || fmax(cy, dy) < miny || fmin(cy, dy) > maxy) continue;
        if (fb_limit_segments_intersect(ax, ay, bx, by, cx, cy, dx, dy, 1)) {
          free(x);
          free(y);
          FB_FAIL(err, FB_ERR_INPUT,
                  "%s: polygon %zu intersects itself: edge (%.6g, %.6g)-(%.6g, %.6g) crosses edge (%.6g, %.6g)-(%.6g, "
                  "%.6g)",
                  src, s + 1, pow(10, ax), pow(10, ay), pow(10, bx), pow(10, by), pow(10, cx), pow(10, cy),
                  pow(10, dx), pow(10, dy));
        }
      }
    }
    free(x);
    free(y);
  }
  return FB_OK;
}

/* ------------------------------------------------------------------ reader and writer */

#define FB_LIMIT_MAGIC "# fipbounds-limit 1"

static char *trim(char *s) {
  while (isspace((unsigned char)*s)) s++;
  size_t n = strlen(s);
  while (n > 0 && isspace((unsigned char)s[n - 1])) s[--n] = '\0';
  return s;
}

int fb_limit_parse_numbers(const char *line, double *v, int max, int *n_out) {
  int n = 0;
  const char *p = line;
  while (1) {
    while (*p == ' ' || *p == '\t' || *p == ',' || *p == '\r' || *p == '\n') p++;
    if (!*p) break;
    if (n == max) return -1; /* too many columns */
    char *end;
    errno = 0;
    double d = strtod(p, &end);
    if (end == p) return -2; /* not a number */
    /* ERANGE: overflow (inf: refused as not finite by the callers) or underflow to a subnormal or
     * zero (1e-308 is a number; zero is refused as not positive): both are numbers */
    if (errno == ERANGE && !isfinite(d)) d = d > 0 ? INFINITY : -INFINITY;
    if (*end && !strchr(" \t,\r\n", *end)) return -2;
    v[n++] = d;
    p = end;
  }
  *n_out = n;
  return 0;
}

int fb_limit_read(fb_limit *lim, const char *path, fb_err *err) {
  fb_limit_init(lim);
  fb_line_reader rd;
  int rc = fb_line_open(&rd, path, err);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "limit file");
  int lineno = 0, have_kind = 0, n_header = 0, in_data = 0, got;
  char seen[16] = {0};
  static const char *const keys[] = {"experiment", "reference", "benchmark", "x_quantity", "x_unit",
                                     "y_quantity", "y_unit", "cl_percent", "kind", "provenance",
                                     "licence", "notes", "columns", "assumptions"};
  const size_t n_keys = sizeof keys / sizeof keys[0];
  while ((got = fb_line_next(&rd, err)) == 1) {
    char *line = rd.line;
    lineno = rd.lineno;
    if (lineno == 1) {
      FB_TEST_GOTO(err, rc, strncmp(line, FB_LIMIT_MAGIC, strlen(FB_LIMIT_MAGIC)), FB_ERR_INPUT, fail,
                   "%s:1: not a fipbounds limit file: the first line must be '%s'", path, FB_LIMIT_MAGIC);
      continue;
    }
    char *t = trim(line);
    if (!*t) {
      if (in_data) FB_CALL_GOTO(err, rc, fb_limit_new_segment(lim, err), fail);
      continue;
    }
    if (t[0] == '#') {
      char *p = trim(t + 1);
      char *colon = strchr(p, ':');
      size_t klen = colon ? (size_t)(colon - p) : 0;
      int is_key = colon && klen > 0;
      for (size_t i = 0; is_key && i < klen; i++)
        if (!islower((unsigned char)p[i]) && p[i] != '_' && !isdigit((unsigned char)p[i])) is_key = 0;
      if (!is_key) continue; /* a free comment */
      *colon = '\0';
      char *val = trim(colon + 1);
      size_t k = 0;
      while (k < n_keys && strcmp(p, keys[k])) k++;
      FB_TEST_GOTO(err, rc, k == n_keys, FB_ERR_INPUT, fail,
                   "%s:%d: unknown header key '%s' (allowed: experiment, reference, benchmark, x_quantity, x_unit, "
                   "y_quantity, y_unit, cl_percent, kind, provenance, licence, notes, columns, assumptions)",
                   path, lineno, p);
      FB_TEST_GOTO(err, rc, in_data, FB_ERR_INPUT, fail, "%s:%d: header key '%s' after the data", path, lineno, p);
      FB_TEST_GOTO(err, rc, seen[k], FB_ERR_INPUT, fail, "%s:%d: header key '%s' given twice", path, lineno, p);
      seen[k] = 1;
      n_header++;
      char *dst = NULL;
      size_t cap = FB_LIMIT_TEXT;
      switch (k) {
        case 0: dst = lim->experiment; break;
        case 1: dst = lim->reference; break;
        case 2: dst = lim->benchmark; break;
        case 3: dst = lim->x_quantity; break;
        case 4: dst = lim->x_unit; break;
        case 5: dst = lim->y_quantity; break;
        case 6: dst = lim->y_unit; break;
        case 7: {
          char *end;
          lim->cl_percent = strtod(val, &end);
          FB_TEST_GOTO(err, rc, end == val || *end, FB_ERR_INPUT, fail, "%s:%d: cl_percent '%s' is not a number",
                       path, lineno, val);
          break;
        }
        case 8:
          FB_CALL_GOTO(err, rc, fb_limit_kind_parse(val, &lim->kind, err), fail);
          have_kind = 1;
          break;
        case 9: dst = lim->provenance; cap = FB_LIMIT_LONGTEXT; break;
        case 10: dst = lim->licence; break;
        case 11: dst = lim->notes; cap = FB_LIMIT_LONGTEXT; break;
        case 13: dst = lim->assumptions; cap = FB_LIMIT_LONGTEXT; break;
        default: break; /* columns: documentation for readers; the kind fixes the columns */
      }
      if (dst) {
        FB_TEST_GOTO(err, rc, strlen(val) >= cap, FB_ERR_INPUT, fail, "%s:%d: %s is longer than %zu characters",
                     path, lineno, p, cap - 1);
        strcpy(dst, val);
      }
      continue;
    }
    FB_TEST_GOTO(err, rc, !have_kind, FB_ERR_INPUT, fail, "%s:%d: data before the '# kind:' header line", path,
                 lineno);
    in_data = 1;
    double v[3];
    int n = 0, want = lim->kind == FB_LIMIT_EDGES ? 3 : 2;
    int pr = fb_limit_parse_numbers(t, v, 3, &n);
    FB_TEST_GOTO(err, rc, pr == -2, FB_ERR_INPUT, fail, "%s:%d: non-numeric row '%s'", path, lineno, t);
    FB_TEST_GOTO(err, rc, pr == -1 || n != want, FB_ERR_INPUT, fail,
                 "%s:%d: wrong column count: expected %d numbers for kind %s, got %s", path, lineno, want,
                 fb_limit_kind_name(lim->kind), pr == -1 ? "more than 3" : (n == 1 ? "1" : n == 2 ? "2" : "3"));
    FB_CALL_GOTO(err, rc, fb_limit_add_point(lim, v[0], v[1], want == 3 ? v[2] : NAN, err), fail);
  }
  if (got < 0) {
    rc = -got;
    goto fail;
  }
  FB_TEST_GOTO(err, rc, lineno == 0, FB_ERR_INPUT, fail, "%s: empty file", path);
  for (size_t k = 0; k < n_keys; k++)
    FB_TEST_GOTO(err, rc, !seen[k] && k != 6 && k < 11, FB_ERR_INPUT, fail, "%s: header key '%s' is missing", path,
                 keys[k]);
  /* a trailing blank line leaves an empty last segment */
  if (lim->n_segments > 1 && lim->seg_start[lim->n_segments] == lim->seg_start[lim->n_segments - 1])
    lim->n_segments--;
  FB_CALL_GOTO(err, rc, fb_limit_validate(lim, path, err), fail);
  fb_line_close(&rd);
  return FB_OK;
fail:
  fb_line_close(&rd);
  fb_limit_free(lim);
  return rc;
}

int fb_limit_write(const fb_limit *lim, const char *path, fb_err *err) {
  FB_CALL(err, fb_limit_validate(lim, path, err));
  FILE *f = fopen(path, "w");
  FB_TEST(err, !f, FB_ERR_IO, "cannot write limit file '%s': %s", path, strerror(errno));
  fprintf(f, FB_LIMIT_MAGIC " (docs/limits-format.md)\n");
  fprintf(f, "# experiment: %s\n# reference: %s\n# benchmark: %s\n", lim->experiment, lim->reference,
          lim->benchmark);
  fprintf(f, "# x_quantity: %s\n# x_unit: %s\n# y_quantity: %s\n# y_unit: %s\n", lim->x_quantity, lim->x_unit,
          lim->y_quantity, lim->y_unit);
  fprintf(f, "# cl_percent: %.10g\n# kind: %s\n# provenance: %s\n# licence: %s\n", lim->cl_percent,
          fb_limit_kind_name(lim->kind), lim->provenance, lim->licence);
  if (lim->notes[0]) fprintf(f, "# notes: %s\n", lim->notes);
  if (lim->assumptions[0]) fprintf(f, "# assumptions: %s\n", lim->assumptions);
  fprintf(f, "# columns: %s\n", lim->kind == FB_LIMIT_EDGES ? "x y_lower y_upper" : "x y");
  for (size_t s = 0; s < lim->n_segments; s++) {
    if (s > 0) fputc('\n', f);
    for (size_t i = lim->seg_start[s]; i < lim->seg_start[s + 1]; i++) {
      if (lim->kind == FB_LIMIT_EDGES)
        fprintf(f, "%.10g %.10g %.10g\n", lim->x[i], lim->y[i], lim->y_hi[i]);
      else
        fprintf(f, "%.10g %.10g\n", lim->x[i], lim->y[i]);
    }
  }
  int bad = ferror(f);
  bad |= fclose(f) != 0;
  FB_TEST(err, bad, FB_ERR_IO, "error writing '%s'", path);
  return FB_OK;
}
