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
#include <unistd.h>

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
/* A mass of exactly 0 in a closed boundary (FORESEE closes some regions at m = 0: the region goes
 * on to m -> 0) is placed here, below every scan range, as Darkcast's 1e5 "no limit" is kept above
 * them; on log axes the vertex is then off the plot's left edge. */
#define FB_ZERO_MASS_GeV 1e-30

static int read_table(fb_limit *lim, const char *path, int ncol_min, int ncol_max, int allow_header,
                      double x_factor, double y_factor, double y_power, int *ncol_out, char *comments,
                      size_t comments_cap, int *n_zero_mass, fb_err *err) {
  fb_line_reader rd;
  FB_CALL(err, fb_line_open(&rd, path, err));
  int rc = FB_OK, lineno = 0, ncol = 0, n_rows = 0, got;
  if (comments && comments_cap) comments[0] = '\0';
  while ((got = fb_line_next(&rd, err)) == 1) {
    lineno = rd.lineno;
    char *t = rd.line;
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
    /* a comment after the numbers ("1.79 7.6e-7 #JOSU"): the collections read their files with
     * numpy, whose loadtxt/genfromtxt drop everything after '#' */
    char *hash = strchr(t, '#');
    if (hash) {
      *hash = '\0';
      n = strlen(t);
      while (n > 0 && isspace((unsigned char)t[n - 1])) t[--n] = '\0';
    }
    double v[4];
    int nv = 0;
    int pr = fb_limit_parse_numbers(t, v, 4, &nv);
    if (pr == -2 && allow_header && n_rows == 0 && lineno == 1) continue; /* "x,y" */
    FB_TEST_GOTO(err, rc, pr == -2, FB_ERR_INPUT, done, "%s:%d: non-numeric row '%.200s%s'", path, lineno, t,
                 strlen(t) > 200 ? "..." : "");
    FB_TEST_GOTO(err, rc, pr == -1 || nv < ncol_min || nv > ncol_max, FB_ERR_INPUT, done,
                 "%s:%d: wrong column count: %d%s numbers, expected %d to %d", path, lineno, pr == -1 ? 4 : nv,
                 pr == -1 ? " or more" : "", ncol_min, ncol_max);
    if (n_rows == 0) ncol = nv;
    FB_TEST_GOTO(err, rc, nv != ncol, FB_ERR_INPUT, done,
                 "%s:%d: wrong column count: %d numbers where the rows above have %d", path, lineno, nv, ncol);
    if (n_zero_mass && v[0] == 0) {
      v[0] = FB_ZERO_MASS_GeV / x_factor;
      (*n_zero_mass)++;
    }
    for (int c = 0; c < nv; c++)
      FB_TEST_GOTO(err, rc, !(isfinite(v[c]) && v[c] > 0), FB_ERR_INPUT, done,
                   "%s:%d: value %g in column %d is not finite and positive (limits are drawn on log axes)", path,
                   lineno, v[c], c + 1);
    double y = pow(y_factor * v[1], y_power);
    double y2 = nv == 3 ? pow(y_factor * v[2], y_power) : NAN;
    FB_CALL_GOTO(err, rc, fb_limit_add_point(lim, x_factor * v[0], y, y2, err), done);
    n_rows++;
  }
  if (got < 0) {
    rc = -got;
    goto done;
  }
  FB_TEST_GOTO(err, rc, n_rows == 0, FB_ERR_INPUT, done, "%s: no data rows", path);
  if (lim->n_segments > 1 && lim->seg_start[lim->n_segments] == lim->seg_start[lim->n_segments - 1])
    lim->n_segments--;
  *ncol_out = ncol;
done:
  fb_line_close(&rd);
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
      !strcmp(quantity, "inv_fa") || !strcmp(quantity, "inv_fG") || !strcmp(quantity, "g_agg_gluon"))
    cu = "GeV^-1";
  FB_CALL(err, fb_limit_coupling_convert(quantity, unit, c, cu, factor, power, err));
  strcpy(canon, c);
  strcpy(canon_unit, cu);
  return FB_OK;
}

/* Fill the units, run the table reader and record the conversion in the provenance. */
static int import_table(fb_limit *lim, const char *path, const char *x_unit, const char *y_quantity,
                        const char *y_unit, int ncol_min, int ncol_max, int allow_header, int *ncol,
                        char *comments, size_t comments_cap, int *n_zero_mass, fb_err *err) {
  double xf, yf, yp;
  char canon[FB_LIMIT_TEXT], canon_unit[FB_LIMIT_TEXT];
  FB_CALL(err, fb_limit_mass_unit_to_GeV(x_unit, &xf, err));
  FB_CALL(err, canonical_coupling(y_quantity, y_unit, canon, canon_unit, &yf, &yp, err));
  FB_CALL(err, read_table(lim, path, ncol_min, ncol_max, allow_header, xf, yf, yp, ncol, comments, comments_cap,
                          n_zero_mass, err));
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
  if (opt->assumptions) copy_text(lim->assumptions, sizeof lim->assumptions, opt->assumptions);
}

/* append a sentence to the notes */
static void add_note(fb_limit *lim, const char *note) {
  size_t l = strlen(lim->notes);
  fmt_into(lim->notes + l, sizeof lim->notes - l, "%s%s", l ? "; " : "", note);
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
    /* ALP-W is the ALP coupled to SU(2)_L (g_aWW): not a PBC benchmark. BC10 is the ALP with universal
     * fermion couplings (arXiv:1901.09966, arXiv:2102.12143): no benchmark here, so that its files are
     * never taken for BC10 limits (import_foresee refuses them unless --benchmark is given) */
    {"ALP-W", NULL, "m_a", "g_aW", "GeV^-1"},
    {"ALP-g", "BC11", "m_a", "g_agg_gluon", "GeV^-1"}, /* FORESEE's g_agg: inv_fG = 4 pi^2 g_agg (fb_limit_file.c) */
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
  FB_TEST(err, m >= 0 && !foresee_models[m].benchmark && !opt->benchmark, FB_ERR_INPUT,
          "%s: FORESEE's %s model is the ALP coupled to SU(2)_L (g_aWW), not a PBC benchmark (BC10 is the ALP with "
          "fermion couplings, 1/f_l): not imported; give --benchmark if you mean to put it on a plane of your own",
          path, foresee_models[m].folder);
  copy_text(lim->experiment, sizeof lim->experiment, stem + 7);
  sanitize_name(lim->experiment);
  copy_text(lim->benchmark, sizeof lim->benchmark,
            m >= 0 && foresee_models[m].benchmark ? foresee_models[m].benchmark : "");
  copy_text(lim->x_quantity, sizeof lim->x_quantity, m >= 0 ? foresee_models[m].x_quantity : "mass");
  lim->kind = FB_LIMIT_CLOSED;
  lim->cl_percent = 90;
  fmt_into(lim->provenance, sizeof lim->provenance,
           "FORESEE (github.com/KlingFelix/FORESEE) file %s/%s; closed boundary of the excluded region",
           m >= 0 ? foresee_models[m].folder : folder, strrchr(path, '/') ? strrchr(path, '/') + 1 : path);
  copy_text(lim->licence, sizeof lim->licence, "MIT (FORESEE, Kling and Trojanowski)");
  copy_text(lim->notes, sizeof lim->notes,
            "CL not stated in the file; 90% is the convention of the collection (override with --cl)");
  /* FORESEE's dark-photon and ALP lines are searches for visible decays (arXiv:2105.07077) */
  copy_text(lim->assumptions, sizeof lim->assumptions,
            m >= 0 && (!strcmp(foresee_models[m].folder, "DarkPhoton") || !strncmp(foresee_models[m].folder, "ALP", 3))
                ? "decay=visible; dark_matter=none"
                : "dark_matter=none");
  int ncol = 0;
  char comments[2048];
  int n_zero = 0;
  FB_CALL(err, import_table(lim, path, "GeV", y_quantity, y_unit, 2, 2, 0, &ncol, comments, sizeof comments, &n_zero,
                            err));
  if (n_zero) {
    char note[160];
    fmt_into(note, sizeof note, "%d vertex(es) at m = 0 (the region goes on to m -> 0) placed at m = %g GeV", n_zero,
             FB_ZERO_MASS_GeV);
    add_note(lim, note);
  }
  /* FORESEE cites the paper in a comment ("# data from 1809.01876") when it has one */
  if (!find_arxiv(comments, lim->reference, sizeof lim->reference))
    copy_text(lim->reference, sizeof lim->reference,
              "arXiv:2105.07077 (FORESEE compilation; the file names no original paper)");
  if (opt->kind) FB_CALL(err, fb_limit_kind_parse(opt->kind, &lim->kind, err));
  return FB_OK;
}

/* ------------------------------------------------------------------ Darkcast */

/* Darkcast limits on an invisibly decaying dark photon: `decay = "invisible"` in their
 * limits/<stem>.py (gitlab.com/philten/darkcast, arXiv:1801.04847; read when the .py is next to the
 * .lmt, this list otherwise). Every other Darkcast limit is a visible-decay search. */
static const char *const darkcast_invisible[] = {
    "BaBar_Lees2017lec",       /* arXiv:1702.03327, e+e- -> gamma A', A' -> invisible */
    "NA64_NA642019imj",        /* arXiv:1906.00176, missing energy */
    "NA64_Banerjee2017hhz",    /* arXiv:1710.00971 */
    "NA64_Banerjee2016tad",    /* arXiv:1610.02988 */
    "NA62_CortinaGil2019nuo",  /* arXiv:1903.08767, pi0 -> gamma A', A' -> invisible */
    "BelleII_Adachi2019otg",   /* arXiv:1912.11276 */
    "LEP_Fox2011fx",           /* arXiv:1103.0240, mono-photon */
};

/* 1 invisible, 0 visible; how it was decided in `how` */
static int darkcast_decay(const char *path, const char *stem, const fb_import_options *opt, char *how, size_t cap,
                          fb_err *err) {
  if (opt->decay) {
    fmt_into(how, cap, "decay mode from --decay");
    return !strcmp(opt->decay, "invisible");
  }
  char py[4096];
  copy_text(py, sizeof py, path);
  char *dot = strrchr(py, '.');
  if (dot && (!strrchr(py, '/') || dot > strrchr(py, '/'))) strcpy(dot, ".py");
  char *text = NULL;
  if (access(py, R_OK) == 0 && fb_read_text_file(py, 1 << 20, &text, NULL, err) == FB_OK) {
    int inv = strstr(text, "decay = \"invisible\"") != NULL || strstr(text, "decay=\"invisible\"") != NULL;
    free(text);
    fmt_into(how, cap, "decay mode from Darkcast's %s.py", stem);
    return inv;
  }
  for (size_t k = 0; k < sizeof darkcast_invisible / sizeof darkcast_invisible[0]; k++)
    if (!strcmp(stem, darkcast_invisible[k])) {
      fmt_into(how, cap, "invisible decays: decay = \"invisible\" in Darkcast's limits/%s.py", stem);
      return 1;
    }
  fmt_into(how, cap, "visible decays (Darkcast lists %s with the visible searches)", stem);
  return 0;
}

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
  char how[512];
  int invisible = darkcast_decay(path, stem, opt, how, sizeof how, err);
  /* an invisible-decay limit constrains epsilon of an A' with BR(A' -> invisible) ~ 1: the BC2
   * plane (after y = alpha_D eps^2 (m_chi/m_A')^4), never the visible BC1 plane */
  copy_text(lim->benchmark, sizeof lim->benchmark, invisible ? "BC2" : "BC1");
  copy_text(lim->assumptions, sizeof lim->assumptions,
            invisible ? "decay=invisible; dark_matter=none" : "decay=visible; dark_matter=none");
  copy_text(lim->x_quantity, sizeof lim->x_quantity, "m_Aprime");
  lim->cl_percent = 90;
  fmt_into(lim->provenance, sizeof lim->provenance,
           "Darkcast (gitlab.com/philten/darkcast, arXiv:1801.04847) file %s.lmt; %s; 1e5 marks no limit and is kept as "
           "a value above every scan range",
           stem, how);
  copy_text(lim->licence, sizeof lim->licence, "GPL-2.0-or-later (Darkcast, Ilten, Soreq, Williams, Xue)");
  copy_text(lim->notes, sizeof lim->notes, "CL 90% as used by Darkcast for its limits (override with --cl)");
  if (invisible)
    add_note(lim, "epsilon of an invisibly decaying A' (BR(A' -> invisible) ~ 1): a BC2 limit once converted to y = "
                  "alpha_D eps^2 (m_chi/m_A')^4");
  int ncol = 0;
  FB_CALL(err, import_table(lim, path, "GeV", opt->y_quantity ? opt->y_quantity : "epsilon", "", 2, 3, 0, &ncol,
                            NULL, 0, NULL, err));
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
  copy_text(lim->notes, sizeof lim->notes,
            "CL not stated in the file; 95% assumed (override with --cl); the file does not state whether the limit "
            "assumes the ALP is the dark matter (haloscopes do): give --assumptions dark_matter=fip for those");
  const char *x_unit = opt->x_unit ? opt->x_unit : "eV";
  const char *y_quantity = opt->y_quantity ? opt->y_quantity : "g_agamma";
  const char *y_unit = opt->y_unit ? opt->y_unit : "GeV^-1";
  int ncol = 0;
  FB_CALL(err, import_table(lim, path, x_unit, y_quantity, y_unit, 2, 2, 0, &ncol, NULL, 0, NULL, err));
  if (opt->kind) FB_CALL(err, fb_limit_kind_parse(opt->kind, &lim->kind, err));
  return FB_OK;
}

/* ------------------------------------------------------------------ Heavy-Neutrino-Limits */

/* The units of one file: from a sidecar PATH.units ("key = value" lines) or from the section
 * [<relative path>] of a units table (tools/hnl_units_table.py writes one per sheet of the
 * collection's local_HNL_database.xlsx). */
typedef struct {
  char x_unit[64], y_quantity[64], y_unit[64], kind[64], benchmark[64], experiment[FB_LIMIT_TEXT],
      reference[FB_LIMIT_TEXT], assumptions[FB_LIMIT_TEXT], top_file[FB_LIMIT_TEXT], top_of[FB_LIMIT_TEXT],
      notes[FB_LIMIT_TEXT], source[FB_LIMIT_TEXT];
  double cl_percent;
  int found;
} hnl_units;

#define HNL_KEYS "x_unit, y_quantity, y_unit, cl_percent, kind, benchmark, experiment, reference, assumptions, " \
                 "top_file, top_of, notes"

static int hnl_set(hnl_units *u, const char *k, const char *v, const char *where, int lineno, fb_err *err) {
  struct {
    const char *key;
    char *dst;
    size_t cap;
  } f[] = {{"x_unit", u->x_unit, sizeof u->x_unit},           {"y_quantity", u->y_quantity, sizeof u->y_quantity},
           {"y_unit", u->y_unit, sizeof u->y_unit},           {"kind", u->kind, sizeof u->kind},
           {"benchmark", u->benchmark, sizeof u->benchmark},  {"experiment", u->experiment, sizeof u->experiment},
           {"reference", u->reference, sizeof u->reference},  {"assumptions", u->assumptions, sizeof u->assumptions},
           {"top_file", u->top_file, sizeof u->top_file},     {"top_of", u->top_of, sizeof u->top_of},
           {"notes", u->notes, sizeof u->notes}};
  for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
    if (!strcmp(k, f[i].key)) {
      FB_TEST(err, strlen(v) >= f[i].cap, FB_ERR_INPUT, "%s:%d: %s is longer than %zu characters", where, lineno, k,
              f[i].cap - 1);
      copy_text(f[i].dst, f[i].cap, v);
      return FB_OK;
    }
  if (!strcmp(k, "cl_percent")) {
    char *end;
    u->cl_percent = strtod(v, &end);
    FB_TEST(err, end == v || *end || !(u->cl_percent > 0 && u->cl_percent < 100), FB_ERR_INPUT,
            "%s:%d: cl_percent '%s' is not a number in (0, 100)", where, lineno, v);
    return FB_OK;
  }
  FB_FAIL(err, FB_ERR_INPUT, "%s:%d: unknown key '%s' (allowed: " HNL_KEYS ")", where, lineno, k);
}

/* 1 when the table section names this file: equal, or a suffix after a '/' */
static int section_matches(const char *section, const char *path) {
  size_t ls = strlen(section), lp = strlen(path);
  if (!strcmp(section, path)) return 1;
  return lp > ls && !strcmp(path + lp - ls, section) && path[lp - ls - 1] == '/';
}

static int list_push(char ***list, size_t *n, size_t *cap, const char *name, fb_err *err) {
  if (*n == *cap) {
    size_t c = *cap ? 2 * *cap : 64;
    char **nl = realloc(*list, c * sizeof(char *));
    FB_TEST(err, !nl, FB_ERR_MEMORY, "out of memory");
    *list = nl;
    *cap = c;
  }
  (*list)[*n] = strdup(name);
  FB_TEST(err, !(*list)[*n], FB_ERR_MEMORY, "out of memory");
  (*n)++;
  return FB_OK;
}

/*
 * Read "key = value" lines of `file`. section == NULL and list == NULL: the whole file (a sidecar);
 * otherwise a units table ('# fipbounds-units-table 1', then "[relative/path.dat]" sections): the
 * keys of the section matching `section` (path suffix match) go into *u, or, with list != NULL,
 * every section name without top_of is appended to *list. Every key is checked in both modes.
 */
static int hnl_read_units(const char *file, const char *section, hnl_units *u, char ***list, size_t *n_list,
                          fb_err *err) {
  memset(u, 0, sizeof *u);
  const int table = section != NULL || list != NULL;
  fb_line_reader rd;
  FB_CALL(err, fb_line_open(&rd, file, err));
  int rc = FB_OK, got, in = !table, seen_magic = 0, cur_is_top = 0;
  char cur[FB_LIMIT_TEXT] = "";
  size_t cap_list = 0;
  while ((got = fb_line_next(&rd, err)) == 1) {
    char *t = rd.line;
    while (isspace((unsigned char)*t)) t++;
    size_t n = strlen(t);
    while (n && isspace((unsigned char)t[n - 1])) t[--n] = '\0';
    if (rd.lineno == 1 && !strncmp(t, "# fipbounds-units-table 1", 25)) seen_magic = 1;
    if (!*t || *t == '#') continue;
    if (*t == '[') {
      FB_TEST_GOTO(err, rc, !table, FB_ERR_INPUT, done, "%s:%d: a sidecar has no [sections]: 'key = value' lines only",
                   file, rd.lineno);
      FB_TEST_GOTO(err, rc, t[n - 1] != ']' || n < 3 || n - 2 >= sizeof cur, FB_ERR_INPUT, done,
                   "%s:%d: expected '[relative/path.dat]'", file, rd.lineno);
      if (list && cur[0] && !cur_is_top) FB_CALL_GOTO(err, rc, list_push(list, n_list, &cap_list, cur, err), done);
      fmt_into(cur, sizeof cur, "%.*s", (int)(n - 2), t + 1);
      cur_is_top = 0;
      in = section && section_matches(cur, section);
      if (in) {
        u->found = 1;
        copy_text(u->source, sizeof u->source, cur);
      }
      continue;
    }
    char *eq = strchr(t, '=');
    FB_TEST_GOTO(err, rc, !eq, FB_ERR_INPUT, done, "%s:%d: expected 'key = value'", file, rd.lineno);
    FB_TEST_GOTO(err, rc, table && !cur[0], FB_ERR_INPUT, done,
                 "%s:%d: 'key = value' before the first [relative/path.dat] section", file, rd.lineno);
    *eq = '\0';
    char *k = t, *v = eq + 1;
    size_t m = strlen(k);
    while (m && isspace((unsigned char)k[m - 1])) k[--m] = '\0';
    while (isspace((unsigned char)*v)) v++;
    hnl_units scratch;
    memset(&scratch, 0, sizeof scratch);
    FB_CALL_GOTO(err, rc, hnl_set(in ? u : &scratch, k, v, file, rd.lineno, err), done);
    if (in) u->found = 1;
    if (!strcmp(k, "top_of")) cur_is_top = 1;
  }
  if (got < 0) {
    rc = -got;
    goto done;
  }
  FB_TEST_GOTO(err, rc, table && !seen_magic, FB_ERR_INPUT, done,
               "%s: not a units table: the first line must be '# fipbounds-units-table 1'", file);
  if (list && cur[0] && !cur_is_top) FB_CALL_GOTO(err, rc, list_push(list, n_list, &cap_list, cur, err), done);
done:
  fb_line_close(&rd);
  return rc;
}

int fb_limit_units_table_files(const char *table, char ***paths, size_t *n, fb_err *err) {
  *paths = NULL;
  *n = 0;
  hnl_units u;
  int rc = hnl_read_units(table, NULL, &u, paths, n, err);
  if (rc != FB_OK) {
    for (size_t k = 0; k < *n; k++) free((*paths)[k]);
    free(*paths);
    *paths = NULL;
    *n = 0;
  }
  return rc;
}

/* the X_top.dat sibling of X_bottom.dat (or the reverse, top = 0): 1 when it exists */
static int hnl_sibling(const char *path, int want_top, char *out, size_t cap) {
  const char *from = want_top ? "_bottom." : "_top.", *to = want_top ? "_top." : "_bottom.";
  const char *slash = strrchr(path, '/');
  const char *at = strstr(slash ? slash : path, from);
  if (!at) return 0;
  fmt_into(out, cap, "%.*s%s%s", (int)(at - path), path, to, at + strlen(from));
  return access(out, R_OK) == 0;
}

/* the units of this file: table section, else sidecar */
static int hnl_units_for(const char *path, const fb_import_options *opt, hnl_units *u, fb_err *err) {
  if (opt->units_table) {
    FB_CALL(err, hnl_read_units(opt->units_table, path, u, NULL, NULL, err));
    if (u->found) return FB_OK;
  }
  char sp[4096];
  fmt_into(sp, sizeof sp, "%s.units", path);
  if (access(sp, F_OK) != 0) {
    memset(u, 0, sizeof *u);
    return FB_OK;
  }
  FB_CALL(err, hnl_read_units(sp, NULL, u, NULL, NULL, err));
  u->found = 1;
  copy_text(u->source, sizeof u->source, "sidecar");
  return FB_OK;
}

/* why an upper-edge file is skipped ("" when it is not one) */
static int hnl_skip(const char *path, const fb_import_options *opt, char *reason, size_t cap, fb_err *err) {
  hnl_units u;
  reason[0] = '\0';
  FB_CALL(err, hnl_units_for(path, opt, &u, err));
  char other[4096];
  if (u.top_of[0])
    fmt_into(reason, cap, "%s is the upper edge of the excluded region of %s (units table): imported with it", path,
             u.top_of);
  else if (!u.found || !u.source[0] || !strcmp(u.source, "sidecar")) {
    if (hnl_sibling(path, 0, other, sizeof other))
      fmt_into(reason, cap, "%s is the upper edge of the excluded region of %s: imported with it", path, other);
  }
  return FB_OK;
}

/* sort the points of a one-segment curve by x (insertion sort: the files are nearly sorted) */
static void sort_by_x(fb_limit *c) {
  for (size_t i = 1; i < c->n_points; i++) {
    double x = c->x[i], y = c->y[i];
    size_t j = i;
    while (j > 0 && c->x[j - 1] > x) {
      c->x[j] = c->x[j - 1];
      c->y[j] = c->y[j - 1];
      j--;
    }
    c->x[j] = x;
    c->y[j] = y;
  }
}

/* An edge of a region by increasing mass, keeping the order of its points: reversed when it runs
 * from high to low mass (ATLAS_2022/ue4_majorana_bottom.dat does), so that a contour that curls back
 * (the same edge file continues around the end of the region) keeps its shape. Sorted by mass only
 * when the file has no order (more than a quarter of its steps go backwards): sorting a curling
 * contour would turn it into a zigzag. */
static void orient_by_x(fb_limit *c) {
  if (c->n_points < 2) return;
  if (c->x[0] > c->x[c->n_points - 1])
    for (size_t i = 0, j = c->n_points - 1; i < j; i++, j--) {
      double tx = c->x[i], ty = c->y[i];
      c->x[i] = c->x[j];
      c->y[i] = c->y[j];
      c->x[j] = tx;
      c->y[j] = ty;
    }
  size_t back = 0;
  for (size_t i = 1; i < c->n_points; i++) back += c->x[i] < c->x[i - 1];
  if (4 * back > c->n_points - 1) sort_by_x(c);
}

/* A closed region given as one file (the database's file_top == file_bottom: CMS 2022, BEBC 1985,
 * CHARM 2021, NA3, ...) is a set of boundary points in no particular order: the collection draws it
 * by ordering them as its plot_tools.get_ordered_closed_region does, and so do we: points with a
 * repeated mass dropped (the first in the file kept, as numpy.unique), then a nearest-neighbour
 * path from the lowest mass, distances in (m_N [GeV], log10 U^2) (linear mass, as the collection).
 * Taken in file order instead, these regions zigzag between their lower and upper edges. */
typedef struct {
  double x, y;
  size_t i;
} hnl_pt;

static int hnl_pt_cmp(const void *a, const void *b) {
  const hnl_pt *p = a, *q = b;
  if (p->x != q->x) return p->x < q->x ? -1 : 1;
  return p->i < q->i ? -1 : p->i > q->i;
}

static int hnl_order_closed(fb_limit *lim, fb_err *err) {
  size_t n = lim->n_points, m = 0;
  if (n < 3) return FB_OK;
  hnl_pt *pt = malloc(n * sizeof *pt);
  unsigned char *used = calloc(n, 1);
  if (!pt || !used) {
    free(pt);
    free(used);
    return fb_err_set(err, FB_ERR_MEMORY, __func__, __LINE__, "cannot order %zu points", n);
  }
  for (size_t i = 0; i < n; i++) pt[i] = (hnl_pt){lim->x[i], lim->y[i], i};
  qsort(pt, n, sizeof *pt, hnl_pt_cmp);
  for (size_t i = 0; i < n; i++)
    if (m == 0 || pt[i].x != pt[m - 1].x) pt[m++] = pt[i];
  size_t cur = 0;
  used[0] = 1;
  lim->x[0] = pt[0].x;
  lim->y[0] = pt[0].y;
  for (size_t k = 1; k < m; k++) {
    size_t best = 0;
    double bd = INFINITY;
    for (size_t j = 0; j < m; j++) {
      if (used[j]) continue;
      const double dx = pt[j].x - pt[cur].x, dy = log10(pt[j].y) - log10(pt[cur].y);
      const double d = dx * dx + dy * dy;
      if (d < bd) {
        bd = d;
        best = j;
      }
    }
    used[best] = 1;
    cur = best;
    lim->x[k] = pt[best].x;
    lim->y[k] = pt[best].y;
  }
  lim->n_points = m;
  lim->n_segments = 1;
  lim->seg_start[0] = 0;
  lim->seg_start[1] = m;
  free(pt);
  free(used);
  if (m < n) {
    char note[200];
    fmt_into(note, sizeof note,
             "closed region from one file: points ordered as the collection draws it (nearest neighbour from the "
             "lowest mass); %zu point(s) with a repeated mass dropped",
             n - m);
    add_note(lim, note);
  } else
    add_note(lim, "closed region from one file: points ordered as the collection draws it (nearest neighbour from "
                  "the lowest mass)");
  return FB_OK;
}

/* the mass unit named in the leading comment lines ("# m4 (MeV) Ue4^2"), "" when none */
static int hnl_header_unit(const char *path, char *unit, size_t cap, fb_err *err) {
  static const char *const units[] = {"(eV)", "(keV)", "(MeV)", "(GeV)", "(TeV)"};
  unit[0] = '\0';
  fb_line_reader rd;
  FB_CALL(err, fb_line_open(&rd, path, err));
  int got;
  while (!unit[0] && (got = fb_line_next(&rd, err)) == 1 && rd.line[0] == '#')
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
      if (strstr(rd.line, units[k])) {
        fmt_into(unit, cap, "%.*s", (int)strlen(units[k]) - 2, units[k] + 1);
        break;
      }
  fb_line_close(&rd);
  return FB_OK;
}

static int import_hnlimits(fb_limit *lim, const char *path, const fb_import_options *opt, fb_err *err) {
  char reason[FB_LIMIT_LONGTEXT];
  FB_CALL(err, hnl_skip(path, opt, reason, sizeof reason, err));
  FB_TEST(err, reason[0], FB_ERR_INPUT, "%s", reason);
  hnl_units sc;
  FB_CALL(err, hnl_units_for(path, opt, &sc, err));
  const char *x_unit = opt->x_unit ? opt->x_unit : sc.x_unit[0] ? sc.x_unit : NULL;
  const char *y_quantity = opt->y_quantity ? opt->y_quantity : sc.y_quantity[0] ? sc.y_quantity : NULL;
  double cl = opt->cl_percent > 0 ? opt->cl_percent : sc.cl_percent;
  FB_TEST(err, !x_unit || !y_quantity || !(cl > 0), FB_ERR_INPUT,
          "%s: Heavy-Neutrino-Limits files do not state their units reliably: give a units table (--units-table, "
          "written by tools/hnl_units_table.py from the collection's local_HNL_database.xlsx), or --x-unit "
          "(eV|keV|MeV|GeV), --y-quantity (Ue2|Umu2|Utau2|Ue|Umu|Utau|U2|U) and --cl, or a sidecar %s.units with "
          "x_unit, y_quantity, cl_percent%s",
          path, path, opt->units_table && !sc.found ? " (the units table has no entry for this file)" : "");
  /* the headers are not reliable, but a header that names another unit than the one given on the
   * command line (applied to every file of the import) is a blanket unit gone wrong: TRIUMF_1992
   * says MeV and lands at 49-131 GeV with --x-unit GeV. The units table or a sidecar decide per file. */
  char header_unit[16];
  FB_CALL(err, hnl_header_unit(path, header_unit, sizeof header_unit, err));
  FB_TEST(err, opt->x_unit && header_unit[0] && strcmp(header_unit, opt->x_unit), FB_ERR_INPUT,
          "%s: the file header gives the mass in %s, --x-unit says %s: give the units per file (--units-table from "
          "the collection's local_HNL_database.xlsx, tools/hnl_units_table.py, or a sidecar %s.units)",
          path, header_unit, opt->x_unit, path);
  char stem[FB_LIMIT_TEXT], folder[FB_LIMIT_TEXT];
  path_stem(path, stem, sizeof stem);
  path_parent(path, 0, folder, sizeof folder);
  if (header_unit[0] && strcmp(header_unit, x_unit)) {
    char note[256];
    fmt_into(note, sizeof note, "the file header says %s; %s from the %s used", header_unit, x_unit,
             sc.found && strcmp(sc.source, "sidecar") ? "units table (local_HNL_database.xlsx)" : "sidecar");
    add_note(lim, note);
  }
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
  copy_text(lim->assumptions, sizeof lim->assumptions, sc.assumptions[0] ? sc.assumptions : "dark_matter=none");
  const char *units_from = opt->x_unit || opt->y_quantity ? "the command line"
                           : !sc.found                     ? "the command line"
                           : !strcmp(sc.source, "sidecar") ? "the sidecar"
                                                           : "the units table";
  fmt_into(lim->provenance, sizeof lim->provenance,
           "Heavy-Neutrino-Limits (github.com/mhostert/Heavy-Neutrino-Limits) file %s/%s; units from %s%s%s", folder,
           strrchr(path, '/') ? strrchr(path, '/') + 1 : path, units_from, opt->units_table && sc.found ? " " : "",
           opt->units_table && sc.found ? opt->units_table : "");
  copy_text(lim->licence, sizeof lim->licence, "MIT (Heavy-Neutrino-Limits, M. Hostert et al.)");
  if (sc.notes[0]) add_note(lim, sc.notes);
  lim->kind = FB_LIMIT_UPPER_BOUND;
  const char *kind = opt->kind ? opt->kind : sc.kind[0] ? sc.kind : NULL;
  if (kind) FB_CALL(err, fb_limit_kind_parse(kind, &lim->kind, err));
  int ncol = 0;
  const char *y_unit = opt->y_unit ? opt->y_unit : sc.y_unit;
  /* the upper edge of the region: the table's top_file (relative to the collection, i.e. beside
   * this file's section path) or the X_top.dat beside X_bottom.dat */
  char top[4096] = "";
  if (sc.top_file[0] && sc.source[0] && strcmp(sc.source, "sidecar")) {
    size_t lp = strlen(path), ls = strlen(sc.source);
    fmt_into(top, sizeof top, "%.*s%s", (int)(lp - ls), path, sc.top_file);
    FB_TEST(err, access(top, R_OK) != 0, FB_ERR_IO, "%s: its upper edge %s (units table) cannot be read: %s", path, top,
            strerror(errno));
  } else if (!opt->kind && !sc.kind[0] && !hnl_sibling(path, 1, top, sizeof top))
    top[0] = '\0';
  if (top[0] && !(opt->kind && strcmp(opt->kind, "closed"))) {
    /* the excluded region between the two curves, as the collection draws it (fill_between of the
     * bottom and top files): a closed polygon, bottom by increasing mass then top by decreasing mass
     * (each edge oriented, its point order kept: orient_by_x) */
    fb_limit bottom, upper;
    fb_limit_init(&bottom);
    fb_limit_init(&upper);
    int rc = import_table(&bottom, path, x_unit, y_quantity, y_unit, 2, 2, 0, &ncol, NULL, 0, NULL, err);
    if (rc == FB_OK) rc = import_table(&upper, top, x_unit, y_quantity, y_unit, 2, 2, 0, &ncol, NULL, 0, NULL, err);
    if (rc == FB_OK) {
      bottom.n_segments = upper.n_segments = 1; /* blank lines inside a digitised edge are not pieces */
      bottom.seg_start[1] = bottom.n_points;
      upper.seg_start[1] = upper.n_points;
      orient_by_x(&bottom);
      orient_by_x(&upper);
      for (size_t i = 0; rc == FB_OK && i < bottom.n_points; i++)
        rc = fb_limit_add_point(lim, bottom.x[i], bottom.y[i], NAN, err);
      for (size_t i = upper.n_points; rc == FB_OK && i-- > 0;)
        rc = fb_limit_add_point(lim, upper.x[i], upper.y[i], NAN, err);
      copy_text(lim->x_unit, sizeof lim->x_unit, bottom.x_unit);
      copy_text(lim->y_quantity, sizeof lim->y_quantity, bottom.y_quantity);
      copy_text(lim->y_unit, sizeof lim->y_unit, bottom.y_unit);
      size_t l = strlen(lim->provenance);
      fmt_into(lim->provenance + l, sizeof lim->provenance - l,
               "; closed region between this lower edge and the upper edge %s%s",
               strrchr(top, '/') ? strrchr(top, '/') + 1 : top, bottom.provenance);
    }
    fb_limit_free(&bottom);
    fb_limit_free(&upper);
    if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "lower and upper edges");
    lim->kind = FB_LIMIT_CLOSED;
    return FB_OK;
  }
  FB_CALL(err, import_table(lim, path, x_unit, y_quantity, y_unit, 2, 2, 0, &ncol, NULL, 0, NULL, err));
  if (lim->kind == FB_LIMIT_CLOSED && !strcmp(sc.kind, "closed") && !opt->kind)
    FB_CALL(err, hnl_order_closed(lim, err));
  return FB_OK;
}

/* ------------------------------------------------------------------ Dark Matter Live */

/* The string value of "key" in a small JSON object (first occurrence), or of the first element
 * when the value is an array of strings. Handles \" \\ \/ escapes; other escapes are kept
 * verbatim. Returns 1 if found, 2 if found but cut to cap - 1 characters, 0 if not found. */
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
  int cut = 0;
  while (*p && *p != '"') {
    if (*p == '\\' && (p[1] == '"' || p[1] == '\\' || p[1] == '/')) p++;
    if (!*p) break;
    if (n + 1 < cap) out[n++] = *p;
    else cut = 1;
    p++;
  }
  out[n] = '\0';
  return *p != '"' ? 0 : cut ? 2 : 1;
}

/* the JSON sidecar of a Dark Matter Live curve (NAME.csv -> NAME.json), read whole */
static int dml_sidecar(const char *path, char *jpath, size_t jcap, char **json, fb_err *err) {
  copy_text(jpath, jcap, path);
  char *dot = strrchr(jpath, '.');
  char *slash = strrchr(jpath, '/');
  if (dot && (!slash || dot > slash)) *dot = '\0';
  strncat(jpath, ".json", jcap - strlen(jpath) - 1);
  FB_TEST(err, access(jpath, F_OK) != 0, FB_ERR_INPUT,
          "%s: the JSON sidecar '%s' is missing (%s): it names the experiment and the paper", path, jpath,
          strerror(errno));
  /* 16 MiB: far above any sidecar of the collection (< 2 KiB), small enough to hold in memory */
  FB_CALL(err, fb_read_text_file(jpath, (size_t)16 << 20, json, NULL, err));
  return FB_OK;
}

/* 1 when the sidecar's categories say the curve assumes the dark photon is the dark matter */
static int dml_assumes_dm(const char *json) {
  char a[256] = "";
  return json_string(json, "assumption", a, sizeof a) && !strcmp(a, "Dark Matter");
}

static int import_darkmatterlive(fb_limit *lim, const char *path, const fb_import_options *opt, fb_err *err) {
  char jpath[4096], *json = NULL;
  FB_CALL(err, dml_sidecar(path, jpath, sizeof jpath, &json, err));
  /* an experiment name becomes a file name and an HDF5 group: at most 200 characters */
  char label[201] = "", url[FB_LIMIT_TEXT] = "", ctype[64] = "", data_url[FB_LIMIT_TEXT] = "";
  int got_label = json_string(json, "labelName", label, sizeof label);
  json_string(json, "paperUrls", url, sizeof url);
  json_string(json, "curveType", ctype, sizeof ctype);
  json_string(json, "url", data_url, sizeof data_url);
  int dm = dml_assumes_dm(json);
  free(json);
  FB_TEST(err, !got_label, FB_ERR_INPUT, "%s: no \"labelName\" string in the JSON sidecar", jpath);
  FB_TEST(err, !strcmp(ctype, "projection") && !opt->allow_projection, FB_ERR_INPUT,
          "%s: curveType is 'projection' (a projected sensitivity, not an exclusion): not imported as a limit "
          "unless --allow-projection is given",
          jpath);
  FB_TEST(err, dm && !opt->allow_dark_matter, FB_ERR_INPUT,
          "%s: the sidecar's assumption is \"Dark Matter\" (the dark photon makes up the dark matter): not a BC1 "
          "limit; --allow-dark-matter imports it with the assumption dark_matter=fip (merge refuses it on BC1)",
          jpath);
  copy_text(lim->experiment, sizeof lim->experiment, label);
  sanitize_name(lim->experiment);
  copy_text(lim->assumptions, sizeof lim->assumptions, dm ? "dark_matter=fip" : "dark_matter=none");
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
  fmt_into(lim->notes, sizeof lim->notes, "%sCL not stated; 90%% assumed (override with --cl)%s%s",
           !strcmp(ctype, "projection") ? "PROJECTED sensitivity, not an exclusion; " : "",
           dm ? "; assumes the dark photon is the dark matter (sidecar assumption \"Dark Matter\")" : "",
           got_label == 2 ? "; labelName cut to 200 characters" : "");
  int ncol = 0;
  FB_CALL(err, import_table(lim, path, "GeV", opt->y_quantity ? opt->y_quantity : "epsilon", "", 2, 2, 1, &ncol,
                            NULL, 0, NULL, err));
  if (opt->kind) FB_CALL(err, fb_limit_kind_parse(opt->kind, &lim->kind, err));
  return FB_OK;
}

/* ------------------------------------------------------------------ dispatch */

int fb_limit_import_skip(const char *format, const char *path, const fb_import_options *opt, char *reason,
                         size_t cap, fb_err *err) {
  static const fb_import_options none = {0};
  if (!opt) opt = &none;
  reason[0] = '\0';
  if (!strcmp(format, "hnlimits")) return hnl_skip(path, opt, reason, cap, err);
  if (!strcmp(format, "darkcast")) {
    char stem[FB_LIMIT_TEXT], how[512];
    path_stem(path, stem, sizeof stem);
    int inv = darkcast_decay(path, stem, opt, how, sizeof how, err);
    int want = opt->benchmark ? fb_limit_benchmark_number(opt->benchmark) : 1;
    if (inv && want != 2)
      fmt_into(reason, cap,
               "%s: an invisible-decay search (%s): it belongs to the BC2 plane, not to the visible BC1 plane; "
               "import it with --benchmark BC2",
               path, how);
    else if (!inv && want == 2)
      fmt_into(reason, cap, "%s: a visible-decay search (%s): a BC1 limit, not BC2", path, how);
    return FB_OK;
  }
  if (!strcmp(format, "darkmatterlive") && !opt->allow_dark_matter) {
    char jpath[4096], *json = NULL;
    if (dml_sidecar(path, jpath, sizeof jpath, &json, err) != FB_OK) {
      fb_err_clear(err); /* a missing sidecar is reported by the import */
      return FB_OK;
    }
    if (dml_assumes_dm(json))
      fmt_into(reason, cap,
               "%s: assumes the dark photon is the dark matter (sidecar assumption \"Dark Matter\"): not a BC1 "
               "accelerator limit (--allow-dark-matter imports it with the assumption dark_matter=fip)",
               path);
    free(json);
  }
  return FB_OK;
}

int fb_limit_import(fb_limit *lim, const char *format, const char *path, const fb_import_options *opt,
                    fb_err *err) {
  static const fb_import_options none = {0};
  if (!opt) opt = &none;
  fb_limit_init(lim);
  int rc;
  char reason[FB_LIMIT_LONGTEXT] = "";
  if (fb_limit_import_skip(format, path, opt, reason, sizeof reason, err) != FB_OK) reason[0] = '\0';
  if (reason[0]) rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__, "%s", reason);
  else if (!strcmp(format, "foresee")) rc = import_foresee(lim, path, opt, err);
  else if (!strcmp(format, "darkcast")) rc = import_darkcast(lim, path, opt, err);
  else if (!strcmp(format, "axionlimits")) rc = import_axionlimits(lim, path, opt, err);
  else if (!strcmp(format, "hnlimits")) rc = import_hnlimits(lim, path, opt, err);
  else if (!strcmp(format, "darkmatterlive")) rc = import_darkmatterlive(lim, path, opt, err);
  else
    rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__,
                    "format '%s' is not known: allowed foresee|darkcast|axionlimits|hnlimits|darkmatterlive", format);
  if (rc == FB_OK) {
    apply_overrides(lim, opt);
    size_t nx = 0;
    if (lim->kind == FB_LIMIT_CLOSED && !opt->no_repair) {
      rc = fb_limit_repair_polygons(lim, &nx, err);
      if (rc != FB_OK) fb_err_push(err, rc, __func__, __LINE__, "fb_limit_repair_polygons");
    }
    if (rc == FB_OK && nx > 0) {
      char note[256];
      fmt_into(note, sizeof note,
               "REPAIRED: the boundary crossed itself %zu time(s); split at the crossings into %zu simple loops whose "
               "union is the region (docs/limits-format.md)",
               nx, lim->n_segments);
      add_note(lim, note);
    }
  }
  if (rc == FB_OK) {
    rc = fb_limit_validate(lim, path, err);
    if (rc != FB_OK) fb_err_push(err, rc, __func__, __LINE__, "fb_limit_validate");
  }
  if (rc != FB_OK) fb_limit_free(lim);
  return rc;
}
