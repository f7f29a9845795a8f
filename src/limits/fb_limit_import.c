/**
 * @file fb_limit_import.c
 * @brief Importers of the public limit collections into fb_limit (docs/limits-format.md):
 *        FORESEE bounds_*.txt, Darkcast .lmt, AxionLimits two-column .txt, Heavy-Neutrino-Limits
 *        .dat (units from options or a sidecar PATH.units), Dark Matter Live CSV + JSON sidecar.
 *        Masses are converted to GeV and couplings to the benchmark's canonical convention.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_limits.h"
#include "fb_limits_internal.h"

const char *const fb_limit_formats[] = {"foresee", "darkcast", "axionlimits", "hnlimits", "darkmatterlive"};
const size_t fb_limit_n_formats = sizeof fb_limit_formats / sizeof fb_limit_formats[0];

/* ------------------------------------------------------------------ small helpers */

/* snprintf into a fixed buffer; metadata longer than the buffer is cut (the buffers hold
 * FB_LIMIT_TEXT / FB_LIMIT_LONGTEXT characters, far more than any collection uses) */
static void fmt_into(char *dst, size_t cap, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static void fmt_into(char *dst, size_t cap, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(dst, cap, fmt, ap);
  va_end(ap);
}

static void copy_text(char *dst, size_t cap, const char *src) {
  fmt_into(dst, cap, "%s", src ? src : "");
}

/* file name without directories and without the extension */
static void path_stem(const char *path, char *out, size_t cap) {
  const char *b = strrchr(path, '/');
  b = b ? b + 1 : path;
  copy_text(out, cap, b);
  char *dot = strrchr(out, '.');
  if (dot && dot != out) *dot = '\0';
}

/* the name of the directory component `up` levels above the file (0 = its directory) */
static void path_parent(const char *path, int up, char *out, size_t cap) {
  char buf[4096];
  copy_text(buf, sizeof buf, path);
  out[0] = '\0';
  for (int k = 0; k <= up; k++) {
    char *s = strrchr(buf, '/');
    if (!s) return;
    *s = '\0';
  }
  const char *b = strrchr(buf, '/');
  copy_text(out, cap, b ? b + 1 : buf);
}

/* replace characters not allowed in an experiment name by '_' */
static void sanitize_name(char *s) {
  for (; *s; s++)
    if (!isalnum((unsigned char)*s) && !strchr("_.+-", *s)) *s = '_';
}

/* an arXiv id "1234.56789" or "hep-ph/0123456" in text, copied to out as "arXiv:..." */
static int find_arxiv(const char *text, char *out, size_t cap) {
  for (const char *p = text; *p; p++) {
    if (isdigit((unsigned char)p[0]) && (p == text || !isalnum((unsigned char)p[-1]))) {
      int d = 0;
      while (isdigit((unsigned char)p[d])) d++;
      if (d == 4 && p[4] == '.' && isdigit((unsigned char)p[5])) {
        int e = 5;
        while (isdigit((unsigned char)p[e])) e++;
        if (e - 5 >= 4 && e - 5 <= 5) {
          fmt_into(out, cap, "arXiv:%.*s", e, p);
          return 1;
        }
      }
    }
  }
  return 0;
}

/*
 * Read a numeric table: '#' lines are comments (their text is appended to `comments`), blank
 * lines start a new segment, a first line that is not numeric is a column header when
 * allow_header. Every row must have the same number of columns, ncol_min..ncol_max. Each x is
 * multiplied by x_factor; each y becomes (y_factor * y)^y_power. Returns the column count.
 */
static int read_table(fb_limit *lim, const char *path, int ncol_min, int ncol_max, int allow_header,
                      double x_factor, double y_factor, double y_power, int *ncol_out, char *comments,
                      size_t comments_cap, fb_err *err) {
  FILE *f = fopen(path, "r");
  FB_TEST(err, !f, FB_ERR_IO, "cannot open '%s': %s", path, strerror(errno));
  char line[8192];
  int rc = FB_OK, lineno = 0, ncol = 0, n_rows = 0;
  if (comments && comments_cap) comments[0] = '\0';
  while (fgets(line, sizeof line, f)) {
    lineno++;
    char *t = line;
    while (isspace((unsigned char)*t)) t++;
    size_t n = strlen(t);
    while (n > 0 && isspace((unsigned char)t[n - 1])) t[--n] = '\0';
    if (!*t) {
      if (n_rows) FB_CALL_GOTO(err, rc, fb_limit_new_segment(lim, err), done);
      continue;
    }
    if (t[0] == '#') {
      if (comments && strlen(comments) + n + 2 < comments_cap) {
        strcat(comments, t);
        strcat(comments, "\n");
      }
      continue;
    }
    double v[4];
    int nv = 0;
    int pr = fb_limit_parse_numbers(t, v, 4, &nv);
    if (pr == -2 && allow_header && n_rows == 0 && lineno == 1) continue; /* "x,y" */
    FB_TEST_GOTO(err, rc, pr == -2, FB_ERR_INPUT, done, "%s:%d: non-numeric row '%s'", path, lineno, t);
    FB_TEST_GOTO(err, rc, pr == -1 || nv < ncol_min || nv > ncol_max, FB_ERR_INPUT, done,
                 "%s:%d: wrong column count: %d%s numbers, expected %d to %d", path, lineno, pr == -1 ? 4 : nv,
                 pr == -1 ? " or more" : "", ncol_min, ncol_max);
    if (n_rows == 0) ncol = nv;
    FB_TEST_GOTO(err, rc, nv != ncol, FB_ERR_INPUT, done,
                 "%s:%d: wrong column count: %d numbers where the rows above have %d", path, lineno, nv, ncol);
    for (int c = 0; c < nv; c++)
      FB_TEST_GOTO(err, rc, !(isfinite(v[c]) && v[c] > 0), FB_ERR_INPUT, done,
                   "%s:%d: value %g in column %d is not finite and positive (limits are drawn on log axes)", path,
                   lineno, v[c], c + 1);
    double y = pow(y_factor * v[1], y_power);
    double y2 = nv == 3 ? pow(y_factor * v[2], y_power) : NAN;
    FB_CALL_GOTO(err, rc, fb_limit_add_point(lim, x_factor * v[0], y, y2, err), done);
    n_rows++;
  }
  FB_TEST_GOTO(err, rc, ferror(f), FB_ERR_IO, done, "error reading '%s'", path);
  FB_TEST_GOTO(err, rc, n_rows == 0, FB_ERR_INPUT, done, "%s: no data rows", path);
  if (lim->n_segments > 1 && lim->seg_start[lim->n_segments] == lim->seg_start[lim->n_segments - 1])
    lim->n_segments--;
  *ncol_out = ncol;
done:
  fclose(f);
  return rc;
}

/* Conversion of the source convention (quantity, unit) to the canonical one of the benchmark. */
static int canonical_coupling(const char *quantity, const char *unit, char *canon, char *canon_unit, double *factor,
                              double *power, fb_err *err) {
  const char *c = quantity, *cu = "";
  if (!strcmp(quantity, "epsilon2")) c = "epsilon";
  else if (!strcmp(quantity, "sin_theta") || !strcmp(quantity, "sin2_theta")) c = "theta";
  else if (!strcmp(quantity, "U")) c = "U2";
  else if (!strcmp(quantity, "Ue")) c = "Ue2";
  else if (!strcmp(quantity, "Umu")) c = "Umu2";
  else if (!strcmp(quantity, "Utau")) c = "Utau2";
  if (!strcmp(quantity, "g_agamma") || !strcmp(quantity, "g_aW") || !strcmp(quantity, "g_ag") ||
      !strcmp(quantity, "inv_fa"))
    cu = "GeV^-1";
  FB_CALL(err, fb_limit_coupling_convert(quantity, unit, c, cu, factor, power, err));
  strcpy(canon, c);
  strcpy(canon_unit, cu);
  return FB_OK;
}

/* Fill the units, run the table reader and record the conversion in the provenance. */
static int import_table(fb_limit *lim, const char *path, const char *x_unit, const char *y_quantity,
                        const char *y_unit, int ncol_min, int ncol_max, int allow_header, int *ncol,
                        char *comments, size_t comments_cap, fb_err *err) {
  double xf, yf, yp;
  char canon[FB_LIMIT_TEXT], canon_unit[FB_LIMIT_TEXT];
  FB_CALL(err, fb_limit_mass_unit_to_GeV(x_unit, &xf, err));
  FB_CALL(err, canonical_coupling(y_quantity, y_unit, canon, canon_unit, &yf, &yp, err));
  FB_CALL(err, read_table(lim, path, ncol_min, ncol_max, allow_header, xf, yf, yp, ncol, comments, comments_cap, err));
  copy_text(lim->x_unit, sizeof lim->x_unit, "GeV");
  copy_text(lim->y_quantity, sizeof lim->y_quantity, canon);
  copy_text(lim->y_unit, sizeof lim->y_unit, canon_unit);
  char conv[1024] = "";
  if (xf != 1.0 || yf != 1.0 || yp != 1.0)
    fmt_into(conv, sizeof conv, "; converted from mass in %s and %s%s%s to GeV and %s%s%s", x_unit, y_quantity,
             y_unit && y_unit[0] ? " in " : "", y_unit ? y_unit : "", canon, canon_unit[0] ? " in " : "",
             canon_unit);
  size_t l = strlen(lim->provenance);
  fmt_into(lim->provenance + l, sizeof lim->provenance - l, "%s", conv);
  return FB_OK;
}

static void apply_overrides(fb_limit *lim, const fb_import_options *opt) {
  if (opt->experiment) copy_text(lim->experiment, sizeof lim->experiment, opt->experiment);
  if (opt->reference) copy_text(lim->reference, sizeof lim->reference, opt->reference);
  if (opt->benchmark) copy_text(lim->benchmark, sizeof lim->benchmark, opt->benchmark);
  if (opt->cl_percent > 0) lim->cl_percent = opt->cl_percent;
}

/* ------------------------------------------------------------------ FORESEE */

/* FORESEE model folders (github.com/KlingFelix/FORESEE, Models/<Model>/model/lines): benchmark,
 * mass name, coupling convention and unit. HNL folders need --y-quantity: their files mix U and U^2. */
static const struct {
  const char *folder, *benchmark, *x_quantity, *y_quantity, *y_unit;
} foresee_models[] = {
    {"DarkPhoton", "BC1", "m_Aprime", "epsilon", ""},
    {"DarkHiggs", "BC4", "m_S", "theta", ""},
    {"ALP-photon", "BC9", "m_a", "g_agamma", "GeV^-1"},
    {"ALP-W", "BC10", "m_a", "g_aW", "GeV^-1"},
    {"ALP-g", "BC11", "m_a", "inv_fa", "GeV^-1"},
    {"HNL-e", "BC6", "m_N", NULL, ""},
    {"HNL-mu", "BC7", "m_N", NULL, ""},
    {"HNL-tau", "BC8", "m_N", NULL, ""},
};

static int import_foresee(fb_limit *lim, const char *path, const fb_import_options *opt, fb_err *err) {
  char stem[FB_LIMIT_TEXT], folder[FB_LIMIT_TEXT];
  path_stem(path, stem, sizeof stem);
  FB_TEST(err, strncmp(stem, "bounds_", 7), FB_ERR_INPUT,
          "%s: a FORESEE limit file is named bounds_<experiment>.txt", path);
  int m = -1;
  for (int up = 0; up < 3 && m < 0; up++) {
    path_parent(path, up, folder, sizeof folder);
    for (size_t i = 0; i < sizeof foresee_models / sizeof foresee_models[0]; i++)
      if (!strcmp(folder, foresee_models[i].folder)) m = (int)i;
  }
  const char *y_quantity = opt->y_quantity ? opt->y_quantity : m >= 0 ? foresee_models[m].y_quantity : NULL;
  const char *y_unit = opt->y_unit ? opt->y_unit : m >= 0 ? foresee_models[m].y_unit : "";
  FB_TEST(err, !y_quantity, FB_ERR_INPUT,
          "%s: the coupling convention of this FORESEE file is not known from its folder (%s): give --y-quantity "
          "(e.g. U or U2) [and --benchmark]",
          path, m >= 0 ? foresee_models[m].folder : "not a FORESEE model folder");
  FB_TEST(err, m < 0 && !opt->benchmark, FB_ERR_INPUT,
          "%s: not below a FORESEE model folder (DarkPhoton, DarkHiggs, ALP-photon, ALP-W, ALP-g, HNL-e/mu/tau): "
          "give --benchmark",
          path);
  copy_text(lim->experiment, sizeof lim->experiment, stem + 7);
  sanitize_name(lim->experiment);
  copy_text(lim->benchmark, sizeof lim->benchmark, m >= 0 ? foresee_models[m].benchmark : "");
  copy_text(lim->x_quantity, sizeof lim->x_quantity, m >= 0 ? foresee_models[m].x_quantity : "mass");
  lim->kind = FB_LIMIT_CLOSED;
  lim->cl_percent = 90;
  fmt_into(lim->provenance, sizeof lim->provenance,
           "FORESEE (github.com/KlingFelix/FORESEE) file %s/%s; closed boundary of the excluded region",
           m >= 0 ? foresee_models[m].folder : folder, strrchr(path, '/') ? strrchr(path, '/') + 1 : path);
  copy_text(lim->licence, sizeof lim->licence, "MIT (FORESEE, Kling and Trojanowski)");
  copy_text(lim->notes, sizeof lim->notes,
            "CL not stated in the file; 90% is the convention of the collection (override with --cl)");
  int ncol = 0;
  char comments[2048];
  FB_CALL(err, import_table(lim, path, "GeV", y_quantity, y_unit, 2, 2, 0, &ncol, comments, sizeof comments, err));
  /* FORESEE cites the paper in a comment ("# data from 1809.01876") when it has one */
  if (!find_arxiv(comments, lim->reference, sizeof lim->reference))
    copy_text(lim->reference, sizeof lim->reference,
              "arXiv:2105.07077 (FORESEE compilation; the file names no original paper)");
  if (opt->kind) FB_CALL(err, fb_limit_kind_parse(opt->kind, &lim->kind, err));
  return FB_OK;
}

/* ------------------------------------------------------------------ Darkcast */

static int import_darkcast(fb_limit *lim, const char *path, const fb_import_options *opt, fb_err *err) {
  char stem[FB_LIMIT_TEXT];
  path_stem(path, stem, sizeof stem);
  /* <Experiment>_<InspireKey>[_<variant>], the key being Author + year + 3 letters (Lees2014xha) */
  char exp[FB_LIMIT_TEXT] = "", key[FB_LIMIT_TEXT] = "", variant[FB_LIMIT_TEXT] = "";
  char *save = NULL, buf[FB_LIMIT_TEXT];
  copy_text(buf, sizeof buf, stem);
  int part = 0;
  for (char *tok = strtok_r(buf, "_", &save); tok; tok = strtok_r(NULL, "_", &save), part++) {
    if (part == 0) copy_text(exp, sizeof exp, tok);
    else if (part == 1) copy_text(key, sizeof key, tok);
    else {
      size_t l = strlen(variant);
      fmt_into(variant + l, sizeof variant - l, "_%s", tok);
    }
  }
  fmt_into(lim->experiment, sizeof lim->experiment, "%s%s", exp, variant);
  sanitize_name(lim->experiment);
  /* INSPIRE texkey: Lees2014xha -> Lees:2014xha */
  size_t kl = strlen(key);
  if (kl > 7 && isdigit((unsigned char)key[kl - 7]) && isdigit((unsigned char)key[kl - 4]))
    fmt_into(lim->reference, sizeof lim->reference, "INSPIRE:%.*s:%s", (int)(kl - 7), key, key + kl - 7);
  else
    fmt_into(lim->reference, sizeof lim->reference, "arXiv:1801.04847 (Darkcast; file %s)", stem);
  copy_text(lim->benchmark, sizeof lim->benchmark, "BC1");
  copy_text(lim->x_quantity, sizeof lim->x_quantity, "m_Aprime");
  lim->cl_percent = 90;
  fmt_into(lim->provenance, sizeof lim->provenance,
           "Darkcast (gitlab.com/philten/darkcast, arXiv:1801.04847) file %s.lmt; 1e5 marks no limit and is kept as "
           "a value above every scan range",
           stem);
  copy_text(lim->licence, sizeof lim->licence, "GPL-2.0-or-later (Darkcast, Ilten, Soreq, Williams, Xue)");
  copy_text(lim->notes, sizeof lim->notes, "CL 90% as used by Darkcast for its limits (override with --cl)");
  int ncol = 0;
  FB_CALL(err, import_table(lim, path, "GeV", opt->y_quantity ? opt->y_quantity : "epsilon", "", 2, 3, 0, &ncol,
                            NULL, 0, err));
  /* two columns: excluded above the lower limit; three: excluded between lower and upper */
  lim->kind = ncol == 3 ? FB_LIMIT_EDGES : FB_LIMIT_UPPER_BOUND;
  if (opt->kind) FB_CALL(err, fb_limit_kind_parse(opt->kind, &lim->kind, err));
  return FB_OK;
}

/* ------------------------------------------------------------------ AxionLimits */

static int import_axionlimits(fb_limit *lim, const char *path, const fb_import_options *opt, fb_err *err) {
  char stem[FB_LIMIT_TEXT];
  path_stem(path, stem, sizeof stem);
  copy_text(lim->experiment, sizeof lim->experiment, stem);
  sanitize_name(lim->experiment);
  copy_text(lim->reference, sizeof lim->reference,
            "doi:10.5281/zenodo.3932430 (AxionLimits compilation; the file names no original paper)");
  copy_text(lim->benchmark, sizeof lim->benchmark, "BC9");
  copy_text(lim->x_quantity, sizeof lim->x_quantity, "m_a");
  lim->kind = FB_LIMIT_CLOSED;
  lim->cl_percent = 95;
  fmt_into(lim->provenance, sizeof lim->provenance,
           "AxionLimits (github.com/cajohare/AxionLimits) two-column file %s", stem);
  copy_text(lim->licence, sizeof lim->licence, "as stated by the AxionLimits repository (see its LICENSE)");
  copy_text(lim->notes, sizeof lim->notes, "CL not stated in the file; 95% assumed (override with --cl)");
  const char *x_unit = opt->x_unit ? opt->x_unit : "eV";
  const char *y_quantity = opt->y_quantity ? opt->y_quantity : "g_agamma";
  const char *y_unit = opt->y_unit ? opt->y_unit : "GeV^-1";
  int ncol = 0;
  FB_CALL(err, import_table(lim, path, x_unit, y_quantity, y_unit, 2, 2, 0, &ncol, NULL, 0, err));
  if (opt->kind) FB_CALL(err, fb_limit_kind_parse(opt->kind, &lim->kind, err));
  return FB_OK;
}

/* ------------------------------------------------------------------ Heavy-Neutrino-Limits */

/* Sidecar PATH.units: "key = value" lines with x_unit, y_quantity, y_unit, cl_percent, kind,
 * benchmark, experiment, reference; '#' comments. Values are copied into the caller's buffers. */
typedef struct {
  char x_unit[64], y_quantity[64], y_unit[64], kind[64], benchmark[64], experiment[FB_LIMIT_TEXT],
      reference[FB_LIMIT_TEXT];
  double cl_percent;
  int found;
} hnl_sidecar;

static int read_sidecar(const char *path, hnl_sidecar *sc, fb_err *err) {
  memset(sc, 0, sizeof *sc);
  char sp[4096];
  fmt_into(sp, sizeof sp, "%s.units", path);
  FILE *f = fopen(sp, "r");
  if (!f) return FB_OK;
  sc->found = 1;
  char line[1024];
  int lineno = 0, rc = FB_OK;
  while (fgets(line, sizeof line, f)) {
    lineno++;
    char *t = line;
    while (isspace((unsigned char)*t)) t++;
    if (!*t || *t == '#') continue;
    char *eq = strchr(t, '=');
    FB_TEST_GOTO(err, rc, !eq, FB_ERR_INPUT, done, "%s:%d: expected 'key = value'", sp, lineno);
    *eq = '\0';
    char *k = t, *v = eq + 1;
    size_t n = strlen(k);
    while (n && isspace((unsigned char)k[n - 1])) k[--n] = '\0';
    while (isspace((unsigned char)*v)) v++;
    n = strlen(v);
    while (n && isspace((unsigned char)v[n - 1])) v[--n] = '\0';
    if (!strcmp(k, "x_unit")) copy_text(sc->x_unit, sizeof sc->x_unit, v);
    else if (!strcmp(k, "y_quantity")) copy_text(sc->y_quantity, sizeof sc->y_quantity, v);
    else if (!strcmp(k, "y_unit")) copy_text(sc->y_unit, sizeof sc->y_unit, v);
    else if (!strcmp(k, "kind")) copy_text(sc->kind, sizeof sc->kind, v);
    else if (!strcmp(k, "benchmark")) copy_text(sc->benchmark, sizeof sc->benchmark, v);
    else if (!strcmp(k, "experiment")) copy_text(sc->experiment, sizeof sc->experiment, v);
    else if (!strcmp(k, "reference")) copy_text(sc->reference, sizeof sc->reference, v);
    else if (!strcmp(k, "cl_percent")) {
      char *end;
      sc->cl_percent = strtod(v, &end);
      FB_TEST_GOTO(err, rc, end == v || *end, FB_ERR_INPUT, done, "%s:%d: cl_percent '%s' is not a number", sp,
                   lineno, v);
    } else
      FB_TEST_GOTO(err, rc, 1, FB_ERR_INPUT, done,
                   "%s:%d: unknown key '%s' (allowed: x_unit, y_quantity, y_unit, cl_percent, kind, benchmark, "
                   "experiment, reference)",
                   sp, lineno, k);
  }
done:
  fclose(f);
  return rc;
}

static int import_hnlimits(fb_limit *lim, const char *path, const fb_import_options *opt, fb_err *err) {
  hnl_sidecar sc;
  FB_CALL(err, read_sidecar(path, &sc, err));
  const char *x_unit = opt->x_unit ? opt->x_unit : sc.x_unit[0] ? sc.x_unit : NULL;
  const char *y_quantity = opt->y_quantity ? opt->y_quantity : sc.y_quantity[0] ? sc.y_quantity : NULL;
  double cl = opt->cl_percent > 0 ? opt->cl_percent : sc.cl_percent;
  FB_TEST(err, !x_unit || !y_quantity || !(cl > 0), FB_ERR_INPUT,
          "%s: Heavy-Neutrino-Limits files do not state their units reliably: give --x-unit (eV|keV|MeV|GeV), "
          "--y-quantity (Ue2|Umu2|Utau2|Ue|Umu|Utau|U2|U) and --cl, or a sidecar %s.units with x_unit, y_quantity, "
          "cl_percent (units per file: local_HNL_database.xlsx of the collection)",
          path, path);
  char stem[FB_LIMIT_TEXT], folder[FB_LIMIT_TEXT];
  path_stem(path, stem, sizeof stem);
  path_parent(path, 0, folder, sizeof folder);
  if (sc.experiment[0]) copy_text(lim->experiment, sizeof lim->experiment, sc.experiment);
  else fmt_into(lim->experiment, sizeof lim->experiment, "%s_%s", folder[0] ? folder : "HNL", stem);
  sanitize_name(lim->experiment);
  copy_text(lim->reference, sizeof lim->reference,
            sc.reference[0] ? sc.reference : "arXiv:2304.06772 (Heavy-Neutrino-Limits compilation)");
  const char *bench = sc.benchmark[0] ? sc.benchmark
                      : strstr(y_quantity, "Ue")   ? "BC6"
                      : strstr(y_quantity, "Umu")  ? "BC7"
                      : strstr(y_quantity, "Utau") ? "BC8"
                                                   : "";
  copy_text(lim->benchmark, sizeof lim->benchmark, bench);
  copy_text(lim->x_quantity, sizeof lim->x_quantity, "m_N");
  lim->cl_percent = cl;
  fmt_into(lim->provenance, sizeof lim->provenance,
           "Heavy-Neutrino-Limits (github.com/mhostert/Heavy-Neutrino-Limits) file %s/%s; units %s", folder,
           strrchr(path, '/') ? strrchr(path, '/') + 1 : path, sc.found ? "from the sidecar" : "from the command line");
  copy_text(lim->licence, sizeof lim->licence, "MIT (Heavy-Neutrino-Limits, M. Hostert et al.)");
  lim->kind = FB_LIMIT_UPPER_BOUND;
  const char *kind = opt->kind ? opt->kind : sc.kind[0] ? sc.kind : NULL;
  if (kind) FB_CALL(err, fb_limit_kind_parse(kind, &lim->kind, err));
  int ncol = 0;
  const char *y_unit = opt->y_unit ? opt->y_unit : sc.y_unit;
  FB_CALL(err, import_table(lim, path, x_unit, y_quantity, y_unit, 2, 2, 0, &ncol, NULL, 0, err));
  return FB_OK;
}

/* ------------------------------------------------------------------ Dark Matter Live */

/* The string value of "key" at the top level of a small JSON object (first occurrence), or of
 * the first element when the value is an array of strings. Handles \" \\ \/ escapes; other
 * escapes are kept verbatim. Returns 1 if found. */
static int json_string(const char *json, const char *key, char *out, size_t cap) {
  char pat[128];
  fmt_into(pat, sizeof pat, "\"%s\"", key);
  const char *p = strstr(json, pat);
  if (!p) return 0;
  p += strlen(pat);
  while (isspace((unsigned char)*p)) p++;
  if (*p != ':') return 0;
  p++;
  while (isspace((unsigned char)*p)) p++;
  if (*p == '[') {
    p++;
    while (isspace((unsigned char)*p)) p++;
  }
  if (*p != '"') return 0;
  p++;
  size_t n = 0;
  while (*p && *p != '"' && n + 1 < cap) {
    if (*p == '\\' && (p[1] == '"' || p[1] == '\\' || p[1] == '/')) p++;
    out[n++] = *p++;
  }
  out[n] = '\0';
  return *p == '"';
}

static int import_darkmatterlive(fb_limit *lim, const char *path, const fb_import_options *opt, fb_err *err) {
  char jpath[4096];
  copy_text(jpath, sizeof jpath, path);
  char *dot = strrchr(jpath, '.');
  char *slash = strrchr(jpath, '/');
  if (dot && (!slash || dot > slash)) *dot = '\0';
  strncat(jpath, ".json", sizeof jpath - strlen(jpath) - 1);
  FILE *f = fopen(jpath, "r");
  FB_TEST(err, !f, FB_ERR_INPUT, "%s: the JSON sidecar '%s' is missing (%s): it names the experiment and the paper",
          path, jpath, strerror(errno));
  char json[65536];
  size_t n = fread(json, 1, sizeof json - 1, f);
  fclose(f);
  json[n] = '\0';
  char label[FB_LIMIT_TEXT] = "", url[FB_LIMIT_TEXT] = "", ctype[64] = "", data_url[FB_LIMIT_TEXT] = "";
  FB_TEST(err, !json_string(json, "labelName", label, sizeof label), FB_ERR_INPUT,
          "%s: no \"labelName\" string in the JSON sidecar", jpath);
  json_string(json, "paperUrls", url, sizeof url);
  json_string(json, "curveType", ctype, sizeof ctype);
  json_string(json, "url", data_url, sizeof data_url);
  FB_TEST(err, !strcmp(ctype, "projection") && !opt->allow_projection, FB_ERR_INPUT,
          "%s: curveType is 'projection' (a projected sensitivity, not an exclusion): not imported as a limit "
          "unless --allow-projection is given",
          jpath);
  copy_text(lim->experiment, sizeof lim->experiment, label);
  sanitize_name(lim->experiment);
  const char *abs = strstr(url, "arxiv.org/abs/");
  const char *doi = strstr(url, "doi.org/");
  if (abs) fmt_into(lim->reference, sizeof lim->reference, "arXiv:%s", abs + 14);
  else if (doi) fmt_into(lim->reference, sizeof lim->reference, "doi:%s", doi + 8);
  else copy_text(lim->reference, sizeof lim->reference, url);
  FB_TEST(err, !lim->reference[0] && !opt->reference, FB_ERR_INPUT,
          "%s: the JSON sidecar has no \"paperUrls\": give --reference", jpath);
  const char *bc = strstr(data_url, "/BC");
  int bcn = 0;
  if (bc && sscanf(bc, "/BC%d", &bcn) == 1) fmt_into(lim->benchmark, sizeof lim->benchmark, "BC%d", bcn);
  FB_TEST(err, bcn != 1 && !opt->benchmark, FB_ERR_INPUT,
          "%s: only BC1 (dark photon: mass in GeV, epsilon) curves are known to this importer; url '%s'", jpath,
          data_url);
  copy_text(lim->x_quantity, sizeof lim->x_quantity, "m_Aprime");
  lim->kind = FB_LIMIT_CLOSED;
  lim->cl_percent = 90;
  fmt_into(lim->provenance, sizeof lim->provenance,
           "Dark Matter Live (CERN) curve %s with sidecar %s (curveType %s)",
           strrchr(path, '/') ? strrchr(path, '/') + 1 : path, strrchr(jpath, '/') ? strrchr(jpath, '/') + 1 : jpath,
           ctype[0] ? ctype : "not given");
  copy_text(lim->licence, sizeof lim->licence, "Apache-2.0 (Dark Matter Live collection)");
  fmt_into(lim->notes, sizeof lim->notes, "%sCL not stated; 90%% assumed (override with --cl)",
           !strcmp(ctype, "projection") ? "PROJECTED sensitivity, not an exclusion; " : "");
  int ncol = 0;
  FB_CALL(err, import_table(lim, path, "GeV", opt->y_quantity ? opt->y_quantity : "epsilon", "", 2, 2, 1, &ncol,
                            NULL, 0, err));
  if (opt->kind) FB_CALL(err, fb_limit_kind_parse(opt->kind, &lim->kind, err));
  return FB_OK;
}

/* ------------------------------------------------------------------ dispatch */

int fb_limit_import(fb_limit *lim, const char *format, const char *path, const fb_import_options *opt,
                    fb_err *err) {
  static const fb_import_options none = {0};
  if (!opt) opt = &none;
  fb_limit_init(lim);
  int rc;
  if (!strcmp(format, "foresee")) rc = import_foresee(lim, path, opt, err);
  else if (!strcmp(format, "darkcast")) rc = import_darkcast(lim, path, opt, err);
  else if (!strcmp(format, "axionlimits")) rc = import_axionlimits(lim, path, opt, err);
  else if (!strcmp(format, "hnlimits")) rc = import_hnlimits(lim, path, opt, err);
  else if (!strcmp(format, "darkmatterlive")) rc = import_darkmatterlive(lim, path, opt, err);
  else
    rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__,
                    "format '%s' is not known: allowed foresee|darkcast|axionlimits|hnlimits|darkmatterlive", format);
  if (rc == FB_OK) {
    apply_overrides(lim, opt);
    rc = fb_limit_validate(lim, path, err);
    if (rc != FB_OK) fb_err_push(err, rc, __func__, __LINE__, "fb_limit_validate");
  }
  if (rc != FB_OK) fb_limit_free(lim);
  return rc;
}
