/**
 * @file app_limits.c
 * @brief `fipbounds limits import FORMAT PATH... -o DIR`, `fipbounds merge OUT.h5 --limits DIR`
 *        and `fipbounds plot OUT.h5 [-o FIG.png|.pdf]` (docs/limits-format.md).
 *        Serial commands (no MPI_Init): they read and write files on one process.
 */
#include <dirent.h>
#include <errno.h>
#include <hdf5.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fb_app.h"
#include "fb_limits.h"
#include "fb_log.h"

/* ------------------------------------------------------------------ limits import */

static void import_usage(FILE *out) {
  fprintf(out,
          "usage: fipbounds limits import FORMAT PATH... -o DIR [options]\n"
          "\n"
          "  FORMAT               foresee | darkcast | axionlimits | hnlimits | darkmatterlive | table\n"
          "  PATH                 a file of that format, or a directory (its files with the format's\n"
          "                       extension: foresee bounds_*.txt, darkcast *.lmt, axionlimits *.txt,\n"
          "                       hnlimits *.dat, darkmatterlive *.csv with a .json sidecar, table\n"
          "                       *.txt *.dat *.csv)\n"
          "  -o, --output DIR     where DIR/<experiment>.limit files are written (created with its\n"
          "                       parents if missing)\n"
          "  --x-unit U           mass unit of the source: eV|keV|MeV|GeV|TeV (hnlimits, axionlimits)\n"
          "  --y-quantity Q       coupling convention of the source: epsilon|epsilon2|theta|sin_theta|\n"
          "                       sin2_theta|U|U2|Ue|Ue2|Umu|Umu2|Utau|Utau2|g_agamma|g_aW|g_ag|inv_fa|\n"
          "                       inv_fl|g_ae (axionlimits: g_ae becomes the BC10 axis inv_fl = g_ae/m_e)|\n"
          "                       sigma_e|sigma_p (table, BC2: direct-detection DM-electron (heavy mediator,\n"
          "                       F_DM = 1) or DM-proton cross section in cm^2 at m_chi, converted to y on\n"
          "                       the plane; docs/limits-format.md)\n"
          "  --y-unit U           unit of g couplings: GeV^-1|TeV^-1|MeV^-1|keV^-1|eV^-1; cm^2 (sigma)\n"
          "  --cl PERCENT         confidence level (e.g. 90, 95) when the source does not state it\n"
          "  --kind K             closed|upper_bound|edges (override the format's default)\n"
          "  --benchmark BCn      PBC benchmark (BC1 ... BC11)\n"
          "  --experiment NAME    experiment name (one input file only)\n"
          "  --reference REF      arXiv id or DOI of the result\n"
          "  --assumptions A      model assumptions of the limit, 'key=value; ...' (decay=visible|\n"
          "                       invisible, dark_matter=none|fip|chi, alpha_D=.., mass_ratio=..)\n"
          "  --keep-going         report bad files and import the others with exit status 0 (non-zero\n"
          "                       when no file at all was imported)\n"
          "  --allow-projection   also import projected sensitivities (darkmatterlive curveType\n"
          "                       'projection'); they are marked in the notes and merged like limits\n"
          "  --allow-dark-matter  also import darkmatterlive curves that assume the dark photon is the\n"
          "                       dark matter (assumption dark_matter=fip; merge refuses them on BC1)\n"
          "  --decay visible|invisible  darkcast: the decay mode of the A' in the search (default: from\n"
          "                       Darkcast's .py beside the .lmt or its list of invisible searches);\n"
          "                       invisible searches are BC2 limits: --benchmark BC2 imports them\n"
          "  --units-table FILE   hnlimits: units, CL, references and top/bottom pairs per file, written by\n"
          "                       tools/hnl_units_table.py from the collection's local_HNL_database.xlsx;\n"
          "                       with a directory PATH, the table's files under it are imported\n"
          "  --no-repair          refuse self-intersecting closed curves (default: split them at the\n"
          "                       crossings into simple loops, noted in the file)\n"
          "  --fill-to G          axionlimits: the excluded region lies between the curve and the\n"
          "                       coupling G (in the source's unit; AxionLimits' fill_between y2, often\n"
          "                       1): the curve is closed through G (default: the points as given are\n"
          "                       the closed boundary)\n"
          "\n"
          "table: any two-column (mass, coupling) or three-column (mass, lower, upper) file, whitespace or\n"
          "commas, '#' comments, an optional header line; needs --benchmark, --y-quantity, --reference;\n"
          "--x-unit (default GeV), --cl (default 90), --experiment (default: the file name).\n"
          "hnlimits units may also come from a sidecar PATH.units ('x_unit = MeV', 'y_quantity = Ue2',\n"
          "'cl_percent = 90', ...). Masses are written in GeV, couplings in the benchmark's convention.\n"
          "Files that belong to another plane (darkcast invisible searches without --benchmark BC2,\n"
          "darkmatterlive dark-matter curves, hnlimits upper edges imported with their lower edge) are\n"
          "skipped with the reason.\n"
          "exit status: 0 every file imported or skipped, 1 failure, 2 bad input or usage (also an\n"
          "output directory that cannot be created or written)\n");
}

static int has_suffix(const char *s, const char *suf) {
  size_t a = strlen(s), b = strlen(suf);
  return a >= b && !strcmp(s + a - b, suf);
}

static int format_wants(const char *format, const char *name) {
  if (name[0] == '.') return 0;
  if (!strcmp(format, "foresee")) return !strncmp(name, "bounds_", 7) && has_suffix(name, ".txt");
  if (!strcmp(format, "darkcast")) return has_suffix(name, ".lmt");
  if (!strcmp(format, "axionlimits")) return has_suffix(name, ".txt");
  if (!strcmp(format, "hnlimits")) return has_suffix(name, ".dat");
  if (!strcmp(format, "darkmatterlive")) return has_suffix(name, ".csv");
  if (!strcmp(format, "table")) return has_suffix(name, ".txt") || has_suffix(name, ".dat") || has_suffix(name, ".csv");
  return 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* expand directories into their files of the format (sorted); files pass through */
static char **expand_paths(const char *format, char **paths, size_t n, size_t *n_out) {
  size_t cap = 64, m = 0;
  char **out = malloc(cap * sizeof(char *));
  if (!out) return NULL;
  for (size_t k = 0; k < n; k++) {
    struct stat st;
    DIR *d = stat(paths[k], &st) == 0 && S_ISDIR(st.st_mode) ? opendir(paths[k]) : NULL;
    size_t first = m;
    if (d) {
      struct dirent *e;
      while ((e = readdir(d))) {
        if (!format_wants(format, e->d_name)) continue;
        if (m == cap) {
          char **o = realloc(out, 2 * cap * sizeof(char *));
          if (!o) break;
          out = o;
          cap *= 2;
        }
        out[m] = malloc(strlen(paths[k]) + strlen(e->d_name) + 2);
        if (out[m]) sprintf(out[m++], "%s/%s", paths[k], e->d_name);
      }
      closedir(d);
      qsort(out + first, m - first, sizeof(char *), cmp_str);
    } else {
      if (m == cap) {
        char **o = realloc(out, 2 * cap * sizeof(char *));
        if (!o) break;
        out = o;
        cap *= 2;
      }
      out[m] = strdup(paths[k]);
      if (out[m]) m++;
    }
  }
  *n_out = m;
  return out;
}

/* mkdir -p: 0 when dir exists or was created (errno set otherwise) */
static int mkdir_parents(const char *dir) {
  char buf[4096];
  if (snprintf(buf, sizeof buf, "%s", dir) >= (int)sizeof buf) {
    errno = ENAMETOOLONG;
    return -1;
  }
  for (char *p = buf + 1; *p; p++)
    if (*p == '/') {
      *p = '\0';
      if (mkdir(buf, 0777) != 0 && errno != EEXIST) return -1;
      *p = '/';
    }
  return mkdir(buf, 0777) != 0 && errno != EEXIST ? -1 : 0;
}

/* with --units-table: the table's files under each directory PATH (files pass through); entries
 * without a file in this copy are reported and left out */
static char **table_paths(const char *table, char **paths, size_t n, size_t *n_out) {
  fb_err err;
  fb_err_clear(&err);
  char **rel = NULL;
  size_t n_rel = 0, m = 0, missing = 0;
  *n_out = 0;
  if (fb_limit_units_table_files(table, &rel, &n_rel, &err) != FB_OK) {
    {
      char umsg[FB_ERR_MSG_LEN + 512];
      fb_err_user_message(&err, fb_err_verbose(), umsg, sizeof umsg);
      fprintf(stderr, "fipbounds limits import: error (%s): %s\n", fb_code_name(err.code), umsg);
    }
    return NULL;
  }
  char **out = calloc(n * (n_rel + 1) + 1, sizeof(char *));
  for (size_t k = 0; out && k < n; k++) {
    struct stat st;
    if (stat(paths[k], &st) != 0 || !S_ISDIR(st.st_mode)) {
      out[m] = strdup(paths[k]);
      if (out[m]) m++;
      continue;
    }
    for (size_t r = 0; r < n_rel; r++) {
      char *p = malloc(strlen(paths[k]) + strlen(rel[r]) + 2);
      if (!p) continue;
      sprintf(p, "%s/%s", paths[k], rel[r]);
      if (access(p, R_OK) == 0) out[m++] = p;
      else {
        missing++;
        free(p);
      }
    }
  }
  if (missing)
    printf("%zu file(s) of the units table %s are not in this copy of the collection (left out)\n", missing, table);
  for (size_t r = 0; r < n_rel; r++) free(rel[r]);
  free(rel);
  *n_out = m;
  return out;
}

static int app_limits_import(int argc, char **argv) {
  const char *format = NULL, *outdir = NULL;
  fb_import_options opt = {0};
  int keep_going = 0;
  char **paths = calloc((size_t)argc + 1, sizeof(char *));
  size_t n_paths = 0;
  if (!paths) return FB_EXIT_FAILURE;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const int has = i + 1 < argc;
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      import_usage(stdout);
      free(paths);
      return FB_EXIT_OK;
    } else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && has) outdir = argv[++i];
    else if (!strcmp(a, "--x-unit") && has) opt.x_unit = argv[++i];
    else if (!strcmp(a, "--y-quantity") && has) opt.y_quantity = argv[++i];
    else if (!strcmp(a, "--y-unit") && has) opt.y_unit = argv[++i];
    else if (!strcmp(a, "--kind") && has) opt.kind = argv[++i];
    else if (!strcmp(a, "--benchmark") && has) opt.benchmark = argv[++i];
    else if (!strcmp(a, "--experiment") && has) opt.experiment = argv[++i];
    else if (!strcmp(a, "--reference") && has) opt.reference = argv[++i];
    else if (!strcmp(a, "--assumptions") && has) opt.assumptions = argv[++i];
    else if (!strcmp(a, "--decay") && has) opt.decay = argv[++i];
    else if (!strcmp(a, "--units-table") && has) opt.units_table = argv[++i];
    else if (!strcmp(a, "--keep-going")) keep_going = 1;
    else if (!strcmp(a, "--allow-projection")) opt.allow_projection = 1;
    else if (!strcmp(a, "--allow-dark-matter")) opt.allow_dark_matter = 1;
    else if (!strcmp(a, "--no-repair")) opt.no_repair = 1;
    else if (!strcmp(a, "--fill-to") && has) {
      char *end;
      opt.fill_to = strtod(argv[++i], &end);
      if (*end || !(opt.fill_to > 0 && isfinite(opt.fill_to))) {
        fprintf(stderr, "fipbounds limits import: --fill-to %s must be a finite coupling > 0\n", argv[i]);
        free(paths);
        return FB_EXIT_USAGE;
      }
    }
    else if (!strcmp(a, "--cl") && has) {
      char *end;
      opt.cl_percent = strtod(argv[++i], &end);
      if (*end || !(opt.cl_percent > 0 && opt.cl_percent < 100)) {
        fprintf(stderr, "fipbounds limits import: --cl %s is out of range: allowed 0 < cl < 100\n", argv[i]);
        free(paths);
        return FB_EXIT_USAGE;
      }
    } else if (a[0] == '-') {
      fprintf(stderr, "fipbounds limits import: unknown or incomplete option '%s'\n\n", a);
      import_usage(stderr);
      free(paths);
      return FB_EXIT_USAGE;
    } else if (!format) format = a;
    else paths[n_paths++] = argv[i];
  }
  int known = 0;
  for (size_t k = 0; format && k < fb_limit_n_formats; k++) known |= !strcmp(format, fb_limit_formats[k]);
  if (!format || !known || n_paths == 0 || !outdir) {
    if (format && !known)
      fprintf(stderr,
              "fipbounds limits import: format '%s' is not known: allowed foresee|darkcast|axionlimits|hnlimits|"
              "darkmatterlive|table\n\n",
              format);
    else
      fprintf(stderr, "fipbounds limits import: %s\n\n",
              !format ? "no FORMAT given" : n_paths == 0 ? "no PATH given" : "no output directory (-o DIR) given");
    import_usage(stderr);
    free(paths);
    return FB_EXIT_USAGE;
  }
  const char *bad = NULL;
  if (opt.benchmark && !fb_limit_benchmark_number(opt.benchmark)) bad = "--benchmark must be one of BC1 ... BC11";
  else if (opt.decay && strcmp(opt.decay, "visible") && strcmp(opt.decay, "invisible"))
    bad = "--decay must be visible or invisible";
  else if (opt.kind && strcmp(opt.kind, "closed") && strcmp(opt.kind, "upper_bound") && strcmp(opt.kind, "edges"))
    bad = "--kind must be closed, upper_bound or edges";
  if (!bad && opt.assumptions) {
    fb_err e;
    fb_err_clear(&e);
    if (fb_limit_assumptions_parse_check(opt.assumptions, "--assumptions", &e) != FB_OK) {
      fprintf(stderr, "fipbounds limits import: %s\n", e.msg);
      free(paths);
      return FB_EXIT_USAGE;
    }
  }
  if (bad) {
    fprintf(stderr, "fipbounds limits import: %s (given '%s')\n", bad,
            strstr(bad, "benchmark") ? opt.benchmark : strstr(bad, "decay") ? opt.decay : opt.kind);
    free(paths);
    return FB_EXIT_USAGE;
  }
  /* the output directory: created if missing, and writable, before any input is read (as run) */
  struct stat ost;
  if (mkdir_parents(outdir) != 0 || stat(outdir, &ost) != 0 || !S_ISDIR(ost.st_mode) ||
      access(outdir, W_OK | X_OK) != 0) {
    int e = errno;
    fprintf(stderr, "fipbounds limits import: cannot write into the output directory '%s': %s\n", outdir,
            stat(outdir, &ost) == 0 && !S_ISDIR(ost.st_mode) ? "not a directory" : strerror(e));
    free(paths);
    return FB_EXIT_USAGE;
  }
  size_t n_files = 0;
  char **files = NULL;
  if (opt.units_table) files = table_paths(opt.units_table, paths, n_paths, &n_files);
  else files = expand_paths(format, paths, n_paths, &n_files);
  free(paths);
  if (!files) return FB_EXIT_FAILURE;
  if (opt.experiment && n_files > 1) {
    fprintf(stderr, "fipbounds limits import: --experiment needs exactly one input file (%zu given)\n", n_files);
    for (size_t k = 0; k < n_files; k++) free(files[k]);
    free(files);
    return FB_EXIT_USAGE;
  }
  char **written = calloc(n_files + 1, sizeof(char *));
  size_t n_ok = 0, n_bad = 0, n_written = 0, n_skipped = 0;
  int worst = FB_EXIT_OK;
  for (size_t k = 0; k < n_files && written; k++) {
    fb_err err;
    fb_err_clear(&err);
    fb_limit lim;
    char reason[2 * FB_LIMIT_LONGTEXT];
    int rc = fb_limit_import_skip(format, files[k], &opt, reason, sizeof reason, &err);
    if (rc == FB_OK && reason[0]) {
      printf("skipped %s\n", reason);
      n_skipped++;
      continue;
    }
    if (rc == FB_OK) rc = fb_limit_import(&lim, format, files[k], &opt, &err);
    if (rc == FB_OK) {
      /* experiment names are unique within one import: NA64, NA64_2, ... */
      char base[FB_LIMIT_TEXT];
      snprintf(base, sizeof base, "%s", lim.experiment);
      for (int dup = 2;; dup++) {
        int clash = 0;
        for (size_t w = 0; w < n_written; w++) clash |= !strcmp(written[w], lim.experiment);
        if (!clash) break;
        char tmp[448];
        snprintf(tmp, sizeof tmp, "%.400s_%d", base, dup);
        memcpy(lim.experiment, tmp, strlen(tmp) + 1);
      }
      char out[8192];
      snprintf(out, sizeof out, "%s/%s.limit", outdir, lim.experiment);
      rc = fb_limit_write(&lim, out, &err);
      if (rc == FB_OK) {
        written[n_written++] = strdup(lim.experiment);
        printf("%s -> %s (%s, %zu points, %s%s)\n", files[k], out, fb_limit_kind_name(lim.kind), lim.n_points,
               lim.reference, strstr(lim.notes, "REPAIRED") ? "; self-intersecting boundary repaired, see its notes" : "");
        n_ok++;
      }
      fb_limit_free(&lim);
    }
    if (rc != FB_OK) {
      n_bad++;
      {
      char umsg[FB_ERR_MSG_LEN + 512];
      fb_err_user_message(&err, fb_err_verbose(), umsg, sizeof umsg);
      fprintf(stderr, "fipbounds limits import: error (%s): %s\n", fb_code_name(err.code), umsg);
    }
      int ec = rc == FB_ERR_INPUT || rc == FB_ERR_IO ? FB_EXIT_USAGE : FB_EXIT_FAILURE;
      if (ec == FB_EXIT_FAILURE || worst == FB_EXIT_OK) worst = ec;
    }
  }
  printf("imported %zu of %zu file(s) into %s", n_ok, n_files, outdir);
  if (n_skipped) printf("; %zu skipped (another plane or part of another file's region)", n_skipped);
  printf("%s\n", n_bad ? " (see the errors above)" : "");
  for (size_t k = 0; k < n_files; k++) free(files[k]);
  free(files);
  for (size_t w = 0; written && w < n_written; w++) free(written[w]);
  free(written);
  if (n_files == 0) {
    fprintf(stderr, "fipbounds limits import: no %s files found\n", format);
    return FB_EXIT_USAGE;
  }
  if (keep_going && n_bad > 0 && n_ok == 0) {
    fprintf(stderr, "fipbounds limits import: --keep-going, but not one of the %zu file(s) was imported\n", n_bad);
    return worst;
  }
  return keep_going && worst == FB_EXIT_USAGE ? FB_EXIT_OK : worst;
}

int fb_app_limits(int argc, char **argv) {
  if (argc >= 2 && !strcmp(argv[1], "import")) return app_limits_import(argc - 1, argv + 1);
  FILE *out = argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) ? stdout : stderr;
  if (out == stderr) fprintf(stderr, "fipbounds limits: expected the subcommand 'import'\n\n");
  import_usage(out);
  return out == stdout ? FB_EXIT_OK : FB_EXIT_USAGE;
}

/* ------------------------------------------------------------------ merge */

static void merge_usage(FILE *out) {
  fprintf(out,
          "usage: fipbounds merge OUT.h5 [--limits DIR] [--bounds OTHER.h5]... [--contours CDIR] [--quiet]\n"
          "\n"
          "  OUT.h5           a complete scan file of `fipbounds run` (replaced by the merged copy)\n"
          "  --limits DIR     directory of *.limit files (fipbounds limits import writes them)\n"
          "  --bounds OTHER.h5  (repeatable) copy every /bounds/<name> of another complete scan file of\n"
          "                   the same benchmark (e.g. model bc1_sn) into OUT.h5, replacing a bound of\n"
          "                   the same name; attributes copied_from_file/_git_hash/_model. On another\n"
          "                   grid of the same plane its mask is resampled onto OUT.h5's grid (nearest\n"
          "                   grid point; not excluded outside OTHER's grid; attributes resampling*)\n"
          "  --contours CDIR  also write every mask's boundary as two-column files CDIR/<source>_<k>.txt\n"
          "At least one of --limits and --bounds is needed. Every source (--bounds files, limit files:\n"
          "benchmark, coupling, model assumptions) is checked first; the merge then works on a copy of\n"
          "OUT.h5 that replaces it only when everything succeeded (a failure leaves OUT.h5 untouched).\n"
          "/combined is rebuilt from every /bounds/<name>/excluded.\n"
          "\n"
          "Writes /limits/<experiment>/excluded (+ metadata, contour), /limits/accelerator_excluded and\n"
          "/combined/ (every /bounds/<name>/excluded, their union, the per-point bit field excluded_by\n"
          "with its key in source_names). An earlier merge is replaced. See docs/limits-format.md.\n"
          "exit status: 0 success, 1 failure, 2 bad input or usage\n");
}

int fb_app_merge(int argc, char **argv) {
  const char *scan = NULL, *dir = NULL;
  fb_merge_options opt = {.contour_dir = NULL, .verbose = 1};
  const char **others = calloc((size_t)argc + 1, sizeof(char *));
  size_t n_others = 0;
  if (!others) return FB_EXIT_FAILURE;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      merge_usage(stdout);
      free(others);
      return FB_EXIT_OK;
    } else if (!strcmp(a, "--limits") && i + 1 < argc) dir = argv[++i];
    else if (!strcmp(a, "--bounds") && i + 1 < argc) others[n_others++] = argv[++i];
    else if (!strcmp(a, "--contours") && i + 1 < argc) opt.contour_dir = argv[++i];
    else if (!strcmp(a, "--quiet")) opt.verbose = 0;
    else if (a[0] == '-' || scan) {
      fprintf(stderr, "fipbounds merge: unexpected argument '%s'\n\n", a);
      merge_usage(stderr);
      free(others);
      return FB_EXIT_USAGE;
    } else scan = a;
  }
  if (!scan || (!dir && n_others == 0)) {
    fprintf(stderr, "fipbounds merge: %s\n\n", !scan ? "no scan file given" : "no --limits DIR or --bounds OTHER.h5 given");
    merge_usage(stderr);
    free(others);
    return FB_EXIT_USAGE;
  }
  if (opt.contour_dir && mkdir(opt.contour_dir, 0777) != 0 && errno != EEXIST) {
    fprintf(stderr, "fipbounds merge: cannot create '%s': %s\n", opt.contour_dir, strerror(errno));
    free(others);
    return FB_EXIT_FAILURE;
  }
  H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
  fb_err err;
  fb_err_clear(&err);
  fb_merge_summary sum;
  size_t n_copied = 0;
  /* every source checked first; the work on a copy renamed over OUT.h5 (atomic) */
  int rc = fb_limits_merge(scan, dir, others, n_others, &opt, &sum, &n_copied, &err);
  free(others);
  if (rc == FB_OK && n_copied) printf("copied %zu bound(s) into %s\n", n_copied, scan);
  if (rc != FB_OK) {
    {
      char umsg[FB_ERR_MSG_LEN + 512];
      fb_err_user_message(&err, fb_err_verbose(), umsg, sizeof umsg);
      fprintf(stderr, "fipbounds merge: error (%s): %s\n", fb_code_name(err.code), umsg);
    }
    return rc == FB_ERR_INPUT || rc == FB_ERR_IO ? FB_EXIT_USAGE : FB_EXIT_FAILURE;
  }
  printf("merged %zu limit(s) and %zu computed bound(s) into %s: %zu grid points excluded by at least one source\n",
         sum.n_limits, sum.n_bounds, scan, sum.n_excluded);
  return FB_EXIT_OK;
}

/* ------------------------------------------------------------------ plot */

static void plot_usage(FILE *out) {
  fprintf(out,
          "usage: fipbounds plot OUT.h5 [-o FIG.png|FIG.pdf] [--title TEXT]\n"
          "\n"
          "The summary figure of a scan file (PBC style): accelerator limits as labelled filled regions,\n"
          "computed bounds in their conventional colours, target lines, log axes, a caption with the\n"
          "model parameters. Runs /usr/bin/python3 tools/plot_summary.py (matplotlib, h5py).\n"
          "Default output: OUT.png. exit status: 0 success, 1 failure, 2 bad input or usage\n");
}

int fb_app_plot(int argc, char **argv) {
  const char *scan = NULL, *fig = NULL, *title = NULL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      plot_usage(stdout);
      return FB_EXIT_OK;
    } else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && i + 1 < argc) fig = argv[++i];
    else if (!strcmp(a, "--title") && i + 1 < argc) title = argv[++i];
    else if (a[0] == '-' || scan) {
      fprintf(stderr, "fipbounds plot: unexpected argument '%s'\n\n", a);
      plot_usage(stderr);
      return FB_EXIT_USAGE;
    } else scan = a;
  }
  if (!scan) {
    fprintf(stderr, "fipbounds plot: no scan file given\n\n");
    plot_usage(stderr);
    return FB_EXIT_USAGE;
  }
  char fig_default[8192];
  if (!fig) {
    snprintf(fig_default, sizeof fig_default, "%s", scan);
    char *dot = strrchr(fig_default, '.');
    char *slash = strrchr(fig_default, '/');
    if (dot && (!slash || dot > slash)) *dot = '\0';
    strncat(fig_default, ".png", sizeof fig_default - strlen(fig_default) - 1);
    fig = fig_default;
  }
  if (!has_suffix(fig, ".png") && !has_suffix(fig, ".pdf")) {
    fprintf(stderr, "fipbounds plot: -o %s: the figure must end in .png or .pdf\n", fig);
    return FB_EXIT_USAGE;
  }
  char script[8192];
  snprintf(script, sizeof script, "%s/plot_summary.py", fb_limits_tools_dir());
  if (access(script, R_OK) != 0) {
    fprintf(stderr, "fipbounds plot: cannot find %s (set FIPBOUNDS_TOOLS_DIR to the tools/ directory)\n", script);
    return FB_EXIT_FAILURE;
  }
  const char *py = "/usr/bin/python3";
  char *args[8] = {(char *)py, script, (char *)scan, "-o", (char *)fig, NULL, NULL, NULL};
  if (title) {
    args[5] = "--title";
    args[6] = (char *)title;
  }
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) {
    fprintf(stderr, "fipbounds plot: fork failed: %s\n", strerror(errno));
    return FB_EXIT_FAILURE;
  }
  if (pid == 0) {
    execv(py, args);
    fprintf(stderr, "fipbounds plot: cannot run %s: %s\n", py, strerror(errno));
    _exit(127);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return FB_EXIT_FAILURE;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return FB_EXIT_OK;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 2) return FB_EXIT_USAGE;
  return FB_EXIT_FAILURE;
}
