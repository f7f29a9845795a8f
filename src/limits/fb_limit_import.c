/**
 * @file fb_limit_import.c
 * @brief Importers of the public limit collections into fb_limit (docs/limits-format.md): the
 *        shared table reader and dispatch, FORESEE bounds_*.txt, Darkcast .lmt, Dark Matter Live
 *        CSV + JSON sidecar. Heavy-Neutrino-Limits: fb_limit_import_hnl.c; AxionLimits:
 *        fb_limit_import_axionlimits.c. Masses are converted to GeV and couplings to the
 *        benchmark's canonical convention.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fb_benchmark_axes.h"
#include "fb_limits.h"
#include "fb_limits_internal.h"

const char *const fb_limit_formats[] = {"foresee", "darkcast", "axionlimits", "hnlimits", "darkmatterlive", "table"};
const size_t fb_limit_n_formats = sizeof fb_limit_formats / sizeof fb_limit_formats[0];

/* ------------------------------------------------------------------ small helpers */

/* snprintf into a fixed buffer; metadata longer than the buffer is cut (the buffers hold
 * FB_LIMIT_TEXT / FB_LIMIT_LONGTEXT characters, far more than any collection uses) */
void fb_imp_fmt(char *dst, size_t cap, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(dst, cap, fmt, ap);
  va_end(ap);
}

void fb_imp_copy(char *dst, size_t cap, const char *src) {
  fb_imp_fmt(dst, cap, "%s", src ? src : "");
}

/* file name without directories and without the extension */
void fb_imp_path_stem(const char *path, char *out, size_t cap) {
  const char *b = strrchr(path, '/');
  b = b ? b + 1 : path;
  fb_imp_copy(out, cap, b);
  char *dot = strrchr(out, '.');
  if (dot && dot != out) *dot = '\0';
}

/* the name of the directory component `up` levels above the file (0 = its directory) */
void fb_imp_path_parent(const char *path, int up, char *out, size_t cap) {
  char buf[4096];
  fb_imp_copy(buf, sizeof buf, path);
  out[0] = '\0';
  for (int k = 0; k <= up; k++) {
    char *s = strrchr(buf, '/');
    if (!s) return;
    *s = '\0';
  }
  const char *b = strrchr(buf, '/');
  fb_imp_copy(out, cap, b ? b + 1 : buf);
}

/* replace characters not allowed in an experiment name by '_' */
void fb_imp_sanitize_name(char *s) {
  for (; *s; s++)
    if (!isalnum((unsigned char)*s) && !strchr("_.+-", *s)) *s = '_';
}

/* an arXiv id "1234.56789" or "hep-ph/0123456" in text, copied to out as "arXiv:..." */
int fb_imp_find_arxiv(const char *text, char *out, size_t cap) {
  for (const char *p = text; *p; p++) {
    if (isdigit((unsigned char)p[0]) && (p == text || !isalnum((unsigned char)p[-1]))) {
      int d = 0;
      while (isdigit((unsigned char)p[d])) d++;
      if (d == 4 && p[4] == '.' && isdigit((unsigned char)p[5])) {
        int e = 5;
        while (isdigit((unsigned char)p[e])) e++;
        if (e - 5 >= 4 && e - 5 <= 5) {
          fb_imp_fmt(out, cap, "arXiv:%.*s", e, p);
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
      !strcmp(quantity, "inv_fa") || !strcmp(quantity, "inv_fG") || !strcmp(quantity, "g_agg_gluon") ||
      !strcmp(quantity, "inv_fl"))
    cu = "GeV^-1";
  if (!strcmp(quantity, "sigma_e") || !strcmp(quantity, "sigma_p")) cu = "cm^2";
  FB_CALL(err, fb_limit_coupling_convert(quantity, unit, c, cu, factor, power, err));
  strcpy(canon, c);
  strcpy(canon_unit, cu);
  return FB_OK;
}

/* Fill the units, run the table reader and record the conversion in the provenance. */
int fb_imp_table(fb_limit *lim, const char *path, const char *x_unit, const char *y_quantity,
                        const char *y_unit, int ncol_min, int ncol_max, int allow_header, int *ncol,
                        char *comments, size_t comments_cap, int *n_zero_mass, fb_err *err) {
  double xf, yf, yp;
  char canon[FB_LIMIT_TEXT], canon_unit[FB_LIMIT_TEXT];
  FB_CALL(err, fb_limit_mass_unit_to_GeV(x_unit, &xf, err));
  FB_CALL(err, canonical_coupling(y_quantity, y_unit, canon, canon_unit, &yf, &yp, err));
  FB_CALL(err, read_table(lim, path, ncol_min, ncol_max, allow_header, xf, yf, yp, ncol, comments, comments_cap,
                          n_zero_mass, err));
  fb_imp_copy(lim->x_unit, sizeof lim->x_unit, "GeV");
  fb_imp_copy(lim->y_quantity, sizeof lim->y_quantity, canon);
  fb_imp_copy(lim->y_unit, sizeof lim->y_unit, canon_unit);
  char conv[1024] = "";
  if (xf != 1.0 || yf != 1.0 || yp != 1.0)
    fb_imp_fmt(conv, sizeof conv, "; converted from mass in %s and %s%s%s to GeV and %s%s%s", x_unit, y_quantity,
             y_unit && y_unit[0] ? " in " : "", y_unit ? y_unit : "", canon, canon_unit[0] ? " in " : "",
             canon_unit);
  size_t l = strlen(lim->provenance);
  fb_imp_fmt(lim->provenance + l, sizeof lim->provenance - l, "%s", conv);
  return FB_OK;
}

static void apply_overrides(fb_limit *lim, const fb_import_options *opt) {
  if (opt->experiment) fb_imp_copy(lim->experiment, sizeof lim->experiment, opt->experiment);
  if (opt->reference) fb_imp_copy(lim->reference, sizeof lim->reference, opt->reference);
  if (opt->benchmark) fb_imp_copy(lim->benchmark, sizeof lim->benchmark, opt->benchmark);
  if (opt->cl_percent > 0) lim->cl_percent = opt->cl_percent;
  if (opt->assumptions) fb_imp_copy(lim->assumptions, sizeof lim->assumptions, opt->assumptions);
}

/* append a sentence to the notes */
void fb_imp_add_note(fb_limit *lim, const char *note) {
  size_t l = strlen(lim->notes);
  fb_imp_fmt(lim->notes + l, sizeof lim->notes - l, "%s%s", l ? "; " : "", note);
}

/* ------------------------------------------------------------------ FORESEE */

/* FORESEE model folders (github.com/KlingFelix/FORESEE, Models/<Model>/model/lines): benchmark,
 * mass name, coupling convention and unit. HNL folders need --y-quantity: their files mix U and U^2. */
static const struct {
  const char *folder, *benchmark, *x_quantity, *y_quantity, *y_unit;
} foresee_models[] = {
    {"DarkPhoton", "BC1", FB_MASS_NAME(BC1), FB_COUPLING_NAME(BC1), ""},
    {"DarkHiggs", "BC4", FB_MASS_NAME(BC4), "theta", ""},
    {"ALP-photon", "BC9", FB_MASS_NAME(BC9), FB_COUPLING_NAME(BC9), "GeV^-1"},
    /* ALP-W is the ALP coupled to SU(2)_L (g_aWW): not a PBC benchmark. BC10 is the ALP with universal
     * fermion couplings (arXiv:1901.09966, arXiv:2102.12143): no benchmark here, so that its files are
     * never taken for BC10 limits (import_foresee refuses them unless --benchmark is given) */
    {"ALP-W", NULL, "m_a", "g_aW", "GeV^-1"},
    {"ALP-g", "BC11", FB_MASS_NAME(BC11), "g_agg_gluon", "GeV^-1"}, /* FORESEE's g_agg: inv_fG = 4 pi^2 g_agg (fb_limit_file.c) */
    {"HNL-e", "BC6", FB_MASS_NAME(BC6), NULL, ""},
    {"HNL-mu", "BC7", FB_MASS_NAME(BC7), NULL, ""},
    {"HNL-tau", "BC8", FB_MASS_NAME(BC8), NULL, ""},
};

static int import_foresee(fb_limit *lim, const char *path, const fb_import_options *opt, fb_err *err) {
  char stem[FB_LIMIT_TEXT], folder[FB_LIMIT_TEXT];
  fb_imp_path_stem(path, stem, sizeof stem);
  FB_TEST(err, strncmp(stem, "bounds_", 7), FB_ERR_INPUT,
          "%s: a FORESEE limit file is named bounds_<experiment>.txt", path);
  int m = -1;
  for (int up = 0; up < 3 && m < 0; up++) {
    fb_imp_path_parent(path, up, folder, sizeof folder);
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
  fb_imp_copy(lim->experiment, sizeof lim->experiment, stem + 7);
  fb_imp_sanitize_name(lim->experiment);
  fb_imp_copy(lim->benchmark, sizeof lim->benchmark,
            m >= 0 && foresee_models[m].benchmark ? foresee_models[m].benchmark : "");
  fb_imp_copy(lim->x_quantity, sizeof lim->x_quantity, m >= 0 ? foresee_models[m].x_quantity : "mass");
  lim->kind = FB_LIMIT_CLOSED;
  lim->cl_percent = 90;
  fb_imp_fmt(lim->provenance, sizeof lim->provenance,
           "FORESEE (github.com/KlingFelix/FORESEE) file %s/%s; closed boundary of the excluded region",
           m >= 0 ? foresee_models[m].folder : folder, strrchr(path, '/') ? strrchr(path, '/') + 1 : path);
  fb_imp_copy(lim->licence, sizeof lim->licence, "MIT (FORESEE, Kling and Trojanowski)");
  fb_imp_copy(lim->notes, sizeof lim->notes,
            "CL not stated in the file; 90% is the convention of the collection (override with --cl)");
  /* FORESEE's dark-photon and ALP lines are searches for visible decays (arXiv:2105.07077) */
  fb_imp_copy(lim->assumptions, sizeof lim->assumptions,
            m >= 0 && (!strcmp(foresee_models[m].folder, "DarkPhoton") || !strncmp(foresee_models[m].folder, "ALP", 3))
                ? "decay=visible; dark_matter=none"
                : "dark_matter=none");
  int ncol = 0;
  char comments[2048];
  int n_zero = 0;
  FB_CALL(err, fb_imp_table(lim, path, "GeV", y_quantity, y_unit, 2, 2, 0, &ncol, comments, sizeof comments, &n_zero,
                            err));
  if (n_zero) {
    char note[160];
    fb_imp_fmt(note, sizeof note, "%d vertex(es) at m = 0 (the region goes on to m -> 0) placed at m = %g GeV", n_zero,
             FB_ZERO_MASS_GeV);
    fb_imp_add_note(lim, note);
  }
  /* FORESEE cites the paper in a comment ("# data from 1809.01876") when it has one */
  if (!fb_imp_find_arxiv(comments, lim->reference, sizeof lim->reference))
    fb_imp_copy(lim->reference, sizeof lim->reference,
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
    fb_imp_fmt(how, cap, "decay mode from --decay");
    return !strcmp(opt->decay, "invisible");
  }
  char py[4096];
  fb_imp_copy(py, sizeof py, path);
  char *dot = strrchr(py, '.');
  if (dot && (!strrchr(py, '/') || dot > strrchr(py, '/'))) strcpy(dot, ".py");
  char *text = NULL;
  if (access(py, R_OK) == 0 && fb_read_text_file(py, 1 << 20, &text, NULL, err) == FB_OK) {
    int inv = strstr(text, "decay = \"invisible\"") != NULL || strstr(text, "decay=\"invisible\"") != NULL;
    free(text);
    fb_imp_fmt(how, cap, "decay mode from Darkcast's %s.py", stem);
    return inv;
  }
  for (size_t k = 0; k < sizeof darkcast_invisible / sizeof darkcast_invisible[0]; k++)
    if (!strcmp(stem, darkcast_invisible[k])) {
      fb_imp_fmt(how, cap, "invisible decays: decay = \"invisible\" in Darkcast's limits/%s.py", stem);
      return 1;
    }
  fb_imp_fmt(how, cap, "visible decays (Darkcast lists %s with the visible searches)", stem);
  return 0;
}

static int import_darkcast(fb_limit *lim, const char *path, const fb_import_options *opt, fb_err *err) {
  char stem[FB_LIMIT_TEXT];
  fb_imp_path_stem(path, stem, sizeof stem);
  /* <Experiment>_<InspireKey>[_<variant>], the key being Author + year + 3 letters (Lees2014xha) */
  char exp[FB_LIMIT_TEXT] = "", key[FB_LIMIT_TEXT] = "", variant[FB_LIMIT_TEXT] = "";
  char *save = NULL, buf[FB_LIMIT_TEXT];
  fb_imp_copy(buf, sizeof buf, stem);
  int part = 0;
  for (char *tok = strtok_r(buf, "_", &save); tok; tok = strtok_r(NULL, "_", &save), part++) {
    if (part == 0) fb_imp_copy(exp, sizeof exp, tok);
    else if (part == 1) fb_imp_copy(key, sizeof key, tok);
    else {
      size_t l = strlen(variant);
      fb_imp_fmt(variant + l, sizeof variant - l, "_%s", tok);
    }
  }
  fb_imp_fmt(lim->experiment, sizeof lim->experiment, "%s%s", exp, variant);
  fb_imp_sanitize_name(lim->experiment);
  /* INSPIRE texkey: Lees2014xha -> Lees:2014xha */
  size_t kl = strlen(key);
  if (kl > 7 && isdigit((unsigned char)key[kl - 7]) && isdigit((unsigned char)key[kl - 4]))
    fb_imp_fmt(lim->reference, sizeof lim->reference, "INSPIRE:%.*s:%s", (int)(kl - 7), key, key + kl - 7);
  else
    fb_imp_fmt(lim->reference, sizeof lim->reference, "arXiv:1801.04847 (Darkcast; file %s)", stem);
  char how[512];
  int invisible = darkcast_decay(path, stem, opt, how, sizeof how, err);
  /* an invisible-decay limit constrains epsilon of an A' with BR(A' -> invisible) ~ 1: the BC2
   * plane (after y = alpha_D eps^2 (m_chi/m_A')^4), never the visible BC1 plane */
  fb_imp_copy(lim->benchmark, sizeof lim->benchmark, invisible ? "BC2" : "BC1");
  fb_imp_copy(lim->assumptions, sizeof lim->assumptions,
            invisible ? "decay=invisible; dark_matter=none" : "decay=visible; dark_matter=none");
  fb_imp_copy(lim->x_quantity, sizeof lim->x_quantity, FB_MASS_NAME(BC1));
  lim->cl_percent = 90;
  fb_imp_fmt(lim->provenance, sizeof lim->provenance,
           "Darkcast (gitlab.com/philten/darkcast, arXiv:1801.04847) file %s.lmt; %s; 1e5 marks no limit and is kept as "
           "a value above every scan range",
           stem, how);
  fb_imp_copy(lim->licence, sizeof lim->licence, "GPL-2.0-or-later (Darkcast, Ilten, Soreq, Williams, Xue)");
  fb_imp_copy(lim->notes, sizeof lim->notes, "CL 90% as used by Darkcast for its limits (override with --cl)");
  if (invisible)
    fb_imp_add_note(lim, "epsilon of an invisibly decaying A' (BR(A' -> invisible) ~ 1): a BC2 limit once converted to y = "
                  "alpha_D eps^2 (m_chi/m_A')^4");
  int ncol = 0;
  FB_CALL(err, fb_imp_table(lim, path, "GeV", opt->y_quantity ? opt->y_quantity : "epsilon", "", 2, 3, 0, &ncol,
                            NULL, 0, NULL, err));
  /* two columns: excluded above the lower limit; three: excluded between lower and upper */
  lim->kind = ncol == 3 ? FB_LIMIT_EDGES : FB_LIMIT_UPPER_BOUND;
  if (opt->kind) FB_CALL(err, fb_limit_kind_parse(opt->kind, &lim->kind, err));
  return FB_OK;
}

/* ------------------------------------------------------------------ generic table */

/* A user's two- or three-column table (mass, coupling [, upper coupling]; whitespace or commas; '#'
 * comments; a first non-numeric line is a header): the units and convention come from the options,
 * which must name the benchmark, the coupling convention and the reference. A direct-detection cross
 * section (sigma_e, sigma_p in cm^2) is a BC2 limit at the dark-matter mass, converted to y on the
 * plane (fb_limit_plane_map_get). */
static int import_table(fb_limit *lim, const char *path, const fb_import_options *opt, fb_err *err) {
  FB_TEST(err, !opt->benchmark || !opt->y_quantity || !opt->reference, FB_ERR_INPUT,
          "%s: format 'table' needs --benchmark, --y-quantity and --reference (the file states none of them)", path);
  const fb_benchmark_axes *bx = fb_benchmark_axes_find(opt->benchmark);
  FB_TEST(err, !bx, FB_ERR_INPUT, "%s: benchmark '%s' is not one of BC1 ... BC11", path, opt->benchmark);
  const int dd = !strcmp(opt->y_quantity, "sigma_e") || !strcmp(opt->y_quantity, "sigma_p");
  FB_TEST(err, dd && strcmp(opt->benchmark, "BC2"), FB_ERR_INPUT,
          "%s: a direct-detection cross section (%s) is a BC2 limit (got --benchmark %s)", path, opt->y_quantity,
          opt->benchmark);
  char stem[FB_LIMIT_TEXT];
  fb_imp_path_stem(path, stem, sizeof stem);
  fb_imp_copy(lim->experiment, sizeof lim->experiment, stem);
  fb_imp_copy(lim->benchmark, sizeof lim->benchmark, opt->benchmark);
  /* BC2 direct detection is given at m_chi; an epsilon table on BC2 at m_A' (the invisible-A' searches) */
  fb_imp_copy(lim->x_quantity, sizeof lim->x_quantity,
              dd ? FB_MASS_NAME(BC2) : (!strcmp(opt->benchmark, "BC2") ? FB_MASS_NAME(BC1) : bx->mass.name));
  lim->cl_percent = 90;
  fb_imp_copy(lim->assumptions, sizeof lim->assumptions,
              dd ? "dark_matter=chi; elastic_scattering=yes"
                 : (!strcmp(opt->benchmark, "BC2") ? "decay=invisible; dark_matter=none" : "dark_matter=none"));
  fb_imp_fmt(lim->provenance, sizeof lim->provenance, "table %s (format 'table': units and convention from the options)",
             path);
  fb_imp_copy(lim->licence, sizeof lim->licence, "as the source of the user's file states (not bundled)");
  fb_imp_copy(lim->notes, sizeof lim->notes, "CL 90% unless --cl says otherwise");
  if (dd)
    fb_imp_add_note(lim, "direct-detection limit: chi is all of the dark matter and scatters elastically through the A' "
                         "(scalar or Dirac chi); converted to y at the plane's m_A'/m_chi");
  int ncol = 0;
  const char *yu = opt->y_unit ? opt->y_unit : (dd ? "cm^2" : "");
  FB_CALL(err, fb_imp_table(lim, path, opt->x_unit ? opt->x_unit : "GeV", opt->y_quantity, yu, 2, 3, 1, &ncol, NULL,
                            0, NULL, err));
  lim->kind = ncol == 3 ? FB_LIMIT_EDGES : FB_LIMIT_UPPER_BOUND;
  if (opt->kind) FB_CALL(err, fb_limit_kind_parse(opt->kind, &lim->kind, err));
  return FB_OK;
}

/* ------------------------------------------------------------------ Dark Matter Live */

/* The string value of "key" in a small JSON object (first occurrence), or of the first element
 * when the value is an array of strings. Handles \" \\ \/ escapes; other escapes are kept
 * verbatim. Returns 1 if found, 2 if found but cut to cap - 1 characters, 0 if not found. */
static int json_string(const char *json, const char *key, char *out, size_t cap) {
  char pat[128];
  fb_imp_fmt(pat, sizeof pat, "\"%s\"", key);
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
  fb_imp_copy(jpath, jcap, path);
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
  fb_imp_copy(lim->experiment, sizeof lim->experiment, label);
  fb_imp_sanitize_name(lim->experiment);
  fb_imp_copy(lim->assumptions, sizeof lim->assumptions, dm ? "dark_matter=fip" : "dark_matter=none");
  const char *abs = strstr(url, "arxiv.org/abs/");
  const char *doi = strstr(url, "doi.org/");
  if (abs) fb_imp_fmt(lim->reference, sizeof lim->reference, "arXiv:%s", abs + 14);
  else if (doi) fb_imp_fmt(lim->reference, sizeof lim->reference, "doi:%s", doi + 8);
  else fb_imp_copy(lim->reference, sizeof lim->reference, url);
  FB_TEST(err, !lim->reference[0] && !opt->reference, FB_ERR_INPUT,
          "%s: the JSON sidecar has no \"paperUrls\": give --reference", jpath);
  const char *bc = strstr(data_url, "/BC");
  int bcn = 0;
  if (bc && sscanf(bc, "/BC%d", &bcn) == 1) fb_imp_fmt(lim->benchmark, sizeof lim->benchmark, "BC%d", bcn);
  FB_TEST(err, bcn != 1 && !opt->benchmark, FB_ERR_INPUT,
          "%s: only BC1 (dark photon: mass in GeV, epsilon) curves are known to this importer; url '%s'", jpath,
          data_url);
  fb_imp_copy(lim->x_quantity, sizeof lim->x_quantity, FB_MASS_NAME(BC1));
  lim->kind = FB_LIMIT_CLOSED;
  lim->cl_percent = 90;
  fb_imp_fmt(lim->provenance, sizeof lim->provenance,
           "Dark Matter Live (CERN) curve %s with sidecar %s (curveType %s)",
           strrchr(path, '/') ? strrchr(path, '/') + 1 : path, strrchr(jpath, '/') ? strrchr(jpath, '/') + 1 : jpath,
           ctype[0] ? ctype : "not given");
  fb_imp_copy(lim->licence, sizeof lim->licence, "Apache-2.0 (Dark Matter Live collection)");
  fb_imp_fmt(lim->notes, sizeof lim->notes, "%sCL not stated; 90%% assumed (override with --cl)%s%s",
           !strcmp(ctype, "projection") ? "PROJECTED sensitivity, not an exclusion; " : "",
           dm ? "; assumes the dark photon is the dark matter (sidecar assumption \"Dark Matter\")" : "",
           got_label == 2 ? "; labelName cut to 200 characters" : "");
  int ncol = 0;
  FB_CALL(err, fb_imp_table(lim, path, "GeV", opt->y_quantity ? opt->y_quantity : "epsilon", "", 2, 2, 1, &ncol,
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
  if (!strcmp(format, "hnlimits")) return fb_imp_hnl_skip(path, opt, reason, cap, err);
  if (!strcmp(format, "darkcast")) {
    char stem[FB_LIMIT_TEXT], how[512];
    fb_imp_path_stem(path, stem, sizeof stem);
    int inv = darkcast_decay(path, stem, opt, how, sizeof how, err);
    int want = opt->benchmark ? fb_limit_benchmark_number(opt->benchmark) : 1;
    if (inv && want != 2)
      fb_imp_fmt(reason, cap,
               "%s: an invisible-decay search (%s): it belongs to the BC2 plane, not to the visible BC1 plane; "
               "import it with --benchmark BC2",
               path, how);
    else if (!inv && want == 2)
      fb_imp_fmt(reason, cap, "%s: a visible-decay search (%s): a BC1 limit, not BC2", path, how);
    return FB_OK;
  }
  if (!strcmp(format, "darkmatterlive") && !opt->allow_dark_matter) {
    char jpath[4096], *json = NULL;
    if (dml_sidecar(path, jpath, sizeof jpath, &json, err) != FB_OK) {
      fb_err_clear(err); /* a missing sidecar is reported by the import */
      return FB_OK;
    }
    if (dml_assumes_dm(json))
      fb_imp_fmt(reason, cap,
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
  else if (!strcmp(format, "axionlimits")) rc = fb_imp_axionlimits(lim, path, opt, err);
  else if (!strcmp(format, "hnlimits")) rc = fb_imp_hnlimits(lim, path, opt, err);
  else if (!strcmp(format, "darkmatterlive")) rc = import_darkmatterlive(lim, path, opt, err);
  else if (!strcmp(format, "table")) rc = import_table(lim, path, opt, err);
  else
    rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__,
                    "format '%s' is not known: allowed foresee|darkcast|axionlimits|hnlimits|darkmatterlive|table", format);
  if (rc == FB_OK) {
    apply_overrides(lim, opt);
    size_t nx = 0;
    if (lim->kind == FB_LIMIT_CLOSED && !opt->no_repair) {
      rc = fb_limit_repair_polygons(lim, &nx, err);
      if (rc != FB_OK) fb_err_push(err, rc, __func__, __LINE__, "fb_limit_repair_polygons");
    }
    if (rc == FB_OK && nx > 0) {
      char note[256];
      fb_imp_fmt(note, sizeof note,
               "REPAIRED: the boundary crossed itself %zu time(s); split at the crossings into %zu simple loops whose "
               "union is the region (docs/limits-format.md)",
               nx, lim->n_segments);
      fb_imp_add_note(lim, note);
    }
  }
  if (rc == FB_OK) {
    rc = fb_limit_validate(lim, path, err);
    if (rc != FB_OK) fb_err_push(err, rc, __func__, __LINE__, "fb_limit_validate");
  }
  if (rc != FB_OK) fb_limit_free(lim);
  return rc;
}
