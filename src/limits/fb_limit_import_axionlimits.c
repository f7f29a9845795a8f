/**
 * @file fb_limit_import_axionlimits.c
 * @brief Importer of C. O'Hare's AxionLimits collection (github.com/cajohare/AxionLimits, MIT):
 *        two-column files `m_a [eV]  g`, '#' comment lines naming the result. The folder gives the
 *        coupling: limit_data/AxionPhoton (g_agamma [GeV^-1], BC9), limit_data/AxionElectron (g_ae,
 *        converted to the BC10 axis inv_fl = g_ae/m_e); files of other folders of the collection
 *        need --y-quantity and --benchmark; files outside the collection's folders are taken as
 *        AxionPhoton files. The paper is the arXiv id (or DOI) of the comment lines, the confidence
 *        level a "NN% CL" there. Curves drawn by the collection with fill_between(m, g, y2=G) are
 *        closed through G with fb_import_options.fill_to (docs/limits-format.md).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_benchmark_axes.h"
#include "fb_constants.h"
#include "fb_limits.h"
#include "fb_limits_internal.h"

/* The collection's coupling folders this importer converts: benchmark, coupling and its unit. */
static const struct {
  const char *folder, *benchmark, *y_quantity, *y_unit;
} axl_folders[] = {
    {"AxionPhoton", "BC9", "g_agamma", "GeV^-1"},
    /* g_ae, dimensionless; BC10 (ALP with universal fermion couplings, PBC arXiv:1901.09966) has the
     * axis inv_fl = 1/f_l with g_ae = m_e/f_l (derivative coupling (d_mu a/2 f_l) psi-bar gamma^mu
     * gamma5 psi, src/stellar/fb_rg_alp.c) */
    {"AxionElectron", "BC10", "g_ae", ""},
};

/* index into axl_folders of the folder (one or two levels up: AxionPhoton/Projections/x.txt), -1
 * for another folder of the collection (Axion*, DarkPhoton, Scalar*, Vector*: other couplings), -2
 * outside the collection. *projection = 1 under a Projections folder. */
static int axl_folder(const char *path, int *projection) {
  char f[FB_LIMIT_TEXT];
  *projection = 0;
  for (int up = 0; up < 2; up++) {
    fb_imp_path_parent(path, up, f, sizeof f);
    if (!strcmp(f, "Projections")) {
      *projection = 1;
      continue;
    }
    for (size_t i = 0; i < sizeof axl_folders / sizeof axl_folders[0]; i++)
      if (!strcmp(f, axl_folders[i].folder)) return (int)i;
    if (!strncmp(f, "Axion", 5) || !strcmp(f, "DarkPhoton") || !strncmp(f, "Scalar", 6) || !strncmp(f, "Vector", 6))
      return -1;
    if (up == 0 && !*projection) return -2;
  }
  return -2;
}

/* a DOI "10.NNNN/suffix" in text (e.g. a publisher's PDF link), without a trailing ".pdf" and
 * query, copied as "doi:..."; 1 found, 0 not */
static int axl_find_doi(const char *text, char *out, size_t cap) {
  for (const char *p = strstr(text, "10."); p; p = strstr(p + 1, "10.")) {
    if (p > text && isalnum((unsigned char)p[-1])) continue;
    int d = 0;
    while (isdigit((unsigned char)p[3 + d])) d++;
    if (d < 4 || p[3 + d] != '/') continue;
    size_t n = strcspn(p, " \t\n?#\"'");
    if (n > 4 && !strncmp(p + n - 4, ".pdf", 4)) n -= 4;
    fb_imp_fmt(out, cap, "doi:%.*s", (int)n, p);
    return 1;
  }
  return 0;
}

/* a confidence level "90% CL", "95 % C.L." in text; 0 when none */
static double axl_find_cl(const char *text) {
  for (const char *p = strchr(text, '%'); p; p = strchr(p + 1, '%')) {
    const char *q = p + 1;
    while (*q == ' ') q++;
    if (strncmp(q, "CL", 2) && strncmp(q, "C.L.", 4)) continue;
    const char *b = p;
    while (b > text && (b[-1] == ' ')) b--;
    const char *e = b;
    while (b > text && (isdigit((unsigned char)b[-1]) || b[-1] == '.')) b--;
    if (b == e) continue;
    double cl = strtod(b, NULL);
    if (cl > 0 && cl < 100) return cl;
  }
  return 0;
}

/* close a single curve through the coupling y_top: (x_last, y_top) and (x_first, y_top) appended
 * unless the curve already ends there, as matplotlib's fill_between(x, y, y2=y_top) fills it */
static int axl_close_through(fb_limit *lim, double y_top, fb_err *err) {
  FB_TEST(err, lim->n_segments != 1, FB_ERR_INPUT,
          "fill_to: the file has %zu pieces (blank lines); AxionLimits' fill_between draws one curve", lim->n_segments);
  const double x0 = lim->x[0], y0 = lim->y[0];
  const size_t n = lim->n_points;
  if (lim->y[n - 1] != y_top) FB_CALL(err, fb_limit_add_point(lim, lim->x[n - 1], y_top, NAN, err));
  if (y0 != y_top) FB_CALL(err, fb_limit_add_point(lim, x0, y_top, NAN, err));
  return FB_OK;
}

int fb_imp_axionlimits(fb_limit *lim, const char *path, const fb_import_options *opt, fb_err *err) {
  int projection = 0;
  const int k = axl_folder(path, &projection);
  FB_TEST(err, k == -1 && !(opt->y_quantity && opt->benchmark), FB_ERR_INPUT,
          "%s: an AxionLimits folder of another coupling than AxionPhoton (g_agamma, BC9) and AxionElectron "
          "(g_ae, BC10): give --y-quantity and --benchmark",
          path);
  FB_TEST(err, projection && !opt->allow_projection, FB_ERR_INPUT,
          "%s: under AxionLimits' Projections folder (a projected sensitivity, not an exclusion): not imported as "
          "a limit unless --allow-projection is given",
          path);
  const int folder = k >= 0 ? k : 0; /* outside the collection's folders: an AxionPhoton file */
  const char *y_quantity = opt->y_quantity ? opt->y_quantity : axl_folders[folder].y_quantity;
  const char *y_unit = opt->y_unit ? opt->y_unit : axl_folders[folder].y_unit;
  const char *bench = opt->benchmark ? opt->benchmark : axl_folders[folder].benchmark;
  const int electron = !strcmp(y_quantity, "g_ae");
  FB_TEST(err, electron && strcmp(bench, "BC10"), FB_ERR_INPUT,
          "%s: a limit on the electron coupling g_ae belongs to BC10 (ALP with fermion couplings: inv_fl = g_ae/m_e), "
          "not to %s",
          path, bench);
  FB_TEST(err, electron && y_unit[0], FB_ERR_INPUT, "%s: g_ae is dimensionless, --y-unit '%s' does not apply", path,
          y_unit);
  FB_TEST(err, k == 1 && !electron && !strcmp(bench, "BC9"), FB_ERR_INPUT,
          "%s: an AxionElectron file (g_ae) is not a BC9 (photon coupling) limit", path);

  char stem[FB_LIMIT_TEXT];
  fb_imp_path_stem(path, stem, sizeof stem);
  fb_imp_copy(lim->experiment, sizeof lim->experiment, stem);
  fb_imp_sanitize_name(lim->experiment);
  fb_imp_copy(lim->benchmark, sizeof lim->benchmark, bench);
  fb_imp_copy(lim->x_quantity, sizeof lim->x_quantity, FB_MASS_NAME(BC9));
  lim->kind = FB_LIMIT_CLOSED;
  char folder_name[FB_LIMIT_TEXT] = "";
  if (k >= 0) fb_imp_fmt(folder_name, sizeof folder_name, "limit_data/%s/", axl_folders[k].folder);
  fb_imp_fmt(lim->provenance, sizeof lim->provenance,
             "AxionLimits (github.com/cajohare/AxionLimits) file %s%s%s", folder_name,
             projection ? "Projections/" : "", strrchr(path, '/') ? strrchr(path, '/') + 1 : path);
  fb_imp_copy(lim->licence, sizeof lim->licence, "MIT (AxionLimits, C. O'Hare)");
  if (projection) fb_imp_add_note(lim, "PROJECTED sensitivity, not an exclusion (AxionLimits Projections folder)");

  char comments[4096];
  int ncol = 0;
  /* g_ae is read as inv_fl in GeV^-1 and divided by m_e below */
  FB_CALL(err, fb_imp_table(lim, path, opt->x_unit ? opt->x_unit : "eV", electron ? "inv_fl" : y_quantity,
                            electron ? "GeV^-1" : y_unit, 2, 2, 0, &ncol, comments, sizeof comments, NULL, err));
  double y_top = opt->fill_to;
  if (electron) {
    for (size_t i = 0; i < lim->n_points; i++) lim->y[i] /= FB_ME_GEV;
    y_top /= FB_ME_GEV;
    size_t l = strlen(lim->provenance);
    fb_imp_fmt(lim->provenance + l, sizeof lim->provenance - l,
               "; converted from g_ae to the BC10 axis inv_fl = g_ae/m_e in GeV^-1 (m_e = %.9g GeV)", FB_ME_GEV);
  } else if (y_top > 0) {
    double f, p;
    FB_CALL(err, fb_limit_coupling_convert(y_quantity, y_unit, lim->y_quantity, lim->y_unit, &f, &p, err));
    y_top = pow(f * y_top, p);
  }
  if (opt->fill_to > 0) {
    FB_CALL(err, axl_close_through(lim, y_top, err));
    size_t l = strlen(lim->provenance);
    fb_imp_fmt(lim->provenance + l, sizeof lim->provenance - l,
               "; closed through %s = %g as the collection draws it (fill_between, y2 = %g)", y_quantity,
               opt->fill_to, opt->fill_to);
  } else {
    size_t l = strlen(lim->provenance);
    fb_imp_fmt(lim->provenance + l, sizeof lim->provenance - l, "; the points are the closed boundary");
  }

  /* the paper: the arXiv id of the comment lines, else a DOI there, else the collection's DOI */
  if (!fb_imp_find_arxiv(comments, lim->reference, sizeof lim->reference) &&
      !axl_find_doi(comments, lim->reference, sizeof lim->reference)) {
    fb_imp_copy(lim->reference, sizeof lim->reference, "doi:10.5281/zenodo.3932430");
    fb_imp_add_note(lim, "the file names no paper: reference is the AxionLimits compilation (give --reference)");
  }
  const double cl = axl_find_cl(comments);
  lim->cl_percent = cl > 0 ? cl : 95;
  if (!(cl > 0)) fb_imp_add_note(lim, "CL not stated in the file; 95% assumed (override with --cl)");
  if (!opt->assumptions)
    fb_imp_add_note(lim, "the file does not state whether the limit assumes the ALP is the dark matter "
                         "(haloscopes do): give --assumptions dark_matter=fip for those, dark_matter=none for "
                         "laboratory searches");
  if (electron)
    fb_imp_add_note(lim, "a limit on the electron coupling alone: on the BC10 plane (universal fermion coupling) it "
                         "holds where production and detection go through the electron coupling");
  if (opt->kind) FB_CALL(err, fb_limit_kind_parse(opt->kind, &lim->kind, err));
  return FB_OK;
}
