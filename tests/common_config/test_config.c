/**
 * @file test_config.c
 * @brief Check suite for the input engine (fb_config): every error path with its code and the
 *        content of its message (file, line, [section] key, value, allowed range or choices),
 *        defaults, file values, precedence default < file < --set, atomic failed reads, and the
 *        resolved-text round trip.
 *
 * Data files: tests/common_config/data/ (*.ini files) (read through FB_SOURCE_DIR). Expected line numbers
 * are found by searching the file text, not hard-coded.
 */
#include <check.h>
#include <errno.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fb_config.h"
#include "fb_error.h"
#include "fb_log.h"

#define DATA_DIR FB_SOURCE_DIR "/tests/common_config/data/"

/* ------------------------------------------------------------------ sample schema (two tables) */

static const fb_key_spec grid_keys[] = {
    {"grid", "mass_min_GeV", FB_KEY_DOUBLE, "1.5e-3", 1e-6, 1e3, NULL, "GeV",
     "lower end of the mass grid"},
    {"grid", "mass_max_GeV", FB_KEY_DOUBLE, "2.385", 1e-6, 1e3, NULL, "GeV",
     "upper end of the mass grid"},
    {"grid", "n_mass", FB_KEY_INT, NULL, 2, 100000, NULL, "", "number of mass points"},
    {"grid", "spacing", FB_KEY_CHOICE, "log", -HUGE_VAL, HUGE_VAL, "log|linear|sqrt", "",
     "spacing of the mass grid"},
    {"grid", "log10_shift", FB_KEY_DOUBLE, "-0.375", -HUGE_VAL, HUGE_VAL, NULL, "",
     "unbounded offset (inf allowed)"},
};
static const fb_key_spec run_keys[] = {
    {"run", "label", FB_KEY_STRING, "default label", -HUGE_VAL, HUGE_VAL, NULL, "",
     "free text stored in the output"},
    {"run", "verbose", FB_KEY_BOOL, "no", -HUGE_VAL, HUGE_VAL, NULL, "", "print progress"},
    {"run", "seed", FB_KEY_INT, "4271", 0, 2147483647.0, NULL, "", "random seed"},
    {"run", "tau_max_s", FB_KEY_DOUBLE, NULL, 1e-2, 1e13, NULL, "s", "longest lifetime scanned"},
};
#define N_GRID (sizeof grid_keys / sizeof grid_keys[0])
#define N_RUN (sizeof run_keys / sizeof run_keys[0])

static void init_cfg(fb_config *cfg) {
  const fb_key_spec *const tables[] = {grid_keys, run_keys};
  const size_t n[] = {N_GRID, N_RUN};
  fb_err err;
  fb_err_clear(&err);
  int rc = fb_config_init(cfg, tables, n, 2, &err);
  ck_assert_msg(rc == FB_OK, "fb_config_init failed: %s", err.msg);
}

/* ------------------------------------------------------------------ helpers */

/* Assert that the message contains every NULL-terminated needle. */
static void assert_msg_has(const fb_err *err, ...) {
  va_list ap;
  va_start(ap, err);
  for (const char *needle = va_arg(ap, const char *); needle; needle = va_arg(ap, const char *))
    ck_assert_msg(strstr(err->msg, needle) != NULL, "message lacks \"%s\":\n%s", needle, err->msg);
  va_end(ap);
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = malloc((size_t)n + 1);
  ck_assert_ptr_nonnull(s);
  ck_assert_uint_eq(fread(s, 1, (size_t)n, f), (size_t)n);
  s[n] = '\0';
  fclose(f);
  return s;
}

/* 1-based number of the first line of the file that starts with prefix (occurrence-th one). */
static long line_of(const char *path, const char *prefix, int occurrence) {
  char *s = slurp(path);
  long line = 1, found = 0;
  int seen = 0;
  for (char *p = s; *p;) {
    if (strncmp(p, prefix, strlen(prefix)) == 0 && ++seen == occurrence) {
      found = line;
      break;
    }
    char *nl = strchr(p, '\n');
    if (!nl) break;
    p = nl + 1;
    line++;
  }
  free(s);
  ck_assert_msg(found > 0, "%s has no line starting with %s", path, prefix);
  return found;
}

/* ------------------------------------------------------------------ happy path */

START_TEST(test_defaults) {
  fb_config cfg;
  init_cfg(&cfg);
  ck_assert_uint_eq(fb_config_n_keys(&cfg), N_GRID + N_RUN);
  /* defaults read back exactly as strtod / strtol of the table text */
  ck_assert(fb_config_get_double(&cfg, "grid", "mass_min_GeV") == strtod("1.5e-3", NULL));
  ck_assert(fb_config_get_double(&cfg, "grid", "log10_shift") == -0.375);
  ck_assert_int_eq(fb_config_get_int(&cfg, "run", "seed"), 4271);
  ck_assert_int_eq(fb_config_get_bool(&cfg, "run", "verbose"), 0);
  ck_assert_str_eq(fb_config_get_string(&cfg, "grid", "spacing"), "log");
  ck_assert_str_eq(fb_config_get_string(&cfg, "run", "label"), "default label");
  ck_assert(fb_config_has_key(&cfg, "grid", "n_mass"));
  ck_assert(!fb_config_has_key(&cfg, "grid", "n_masses"));
  ck_assert_str_eq(fb_config_input_text(&cfg), "");
  /* iteration: origin "default" for keys with a default, NULL for required ones */
  for (size_t i = 0; i < fb_config_n_keys(&cfg); i++) {
    const fb_key_spec *s;
    const char *v, *o;
    ck_assert_int_eq(fb_config_key_at(&cfg, i, &s, &v, &o), FB_OK);
    if (s->default_value) {
      ck_assert_str_eq(v, s->default_value);
      ck_assert_str_eq(o, "default");
    } else {
      ck_assert_ptr_null(v);
      ck_assert_ptr_null(o);
    }
  }
  ck_assert_int_eq(fb_config_key_at(&cfg, fb_config_n_keys(&cfg), NULL, NULL, NULL), FB_ERR_RANGE);
  /* two required keys are missing: both listed with their ranges */
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_config_check_required(&cfg, &err), FB_ERR_INPUT);
  assert_msg_has(&err, "2 required keys", "[grid] n_mass", "allowed 2 <= n_mass <= 100000",
                 "[run] tau_max_s", "allowed 0.01 <= tau_max_s <= 1e+13 [s]", NULL);
  fb_config_free(&cfg);
  fb_config_free(&cfg); /* safe twice */
}
END_TEST

START_TEST(test_file_values) {
  const char *path = DATA_DIR "good.ini";
  fb_config cfg;
  init_cfg(&cfg);
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(fb_config_read_file(&cfg, path, &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(fb_config_check_required(&cfg, &err), FB_OK);
  ck_assert(fb_config_get_double(&cfg, "grid", "mass_min_GeV") == 3.7e-4);
  ck_assert(fb_config_get_double(&cfg, "grid", "mass_max_GeV") == 17.25);
  ck_assert_int_eq(fb_config_get_int(&cfg, "grid", "n_mass"), 613);
  ck_assert(fb_config_get_double(&cfg, "grid", "n_mass") == 613.0); /* INT read as double */
  ck_assert_str_eq(fb_config_get_string(&cfg, "grid", "spacing"), "linear");
  ck_assert_str_eq(fb_config_get_string(&cfg, "run", "label"), "scan of the dark photon, take 2");
  ck_assert_int_eq(fb_config_get_bool(&cfg, "run", "verbose"), 1);
  ck_assert(fb_config_get_double(&cfg, "run", "tau_max_s") == 1.234e7);
  ck_assert_int_eq(fb_config_get_int(&cfg, "run", "seed"), 4271); /* default kept */
  /* origins: path:line with the line found in the file */
  for (size_t i = 0; i < fb_config_n_keys(&cfg); i++) {
    const fb_key_spec *s;
    const char *o;
    fb_config_key_at(&cfg, i, &s, NULL, &o);
    if (strcmp(s->key, "n_mass") == 0 || strcmp(s->key, "tau_max_s") == 0 ||
        strcmp(s->key, "mass_max_GeV") == 0) {
      char expect[512];
      snprintf(expect, sizeof expect, "%s:%ld", path, line_of(path, s->key, 1));
      ck_assert_str_eq(o, expect);
    }
    if (strcmp(s->key, "seed") == 0) ck_assert_str_eq(o, "default");
  }
  /* the raw text is kept verbatim */
  char *raw = slurp(path);
  ck_assert_str_eq(fb_config_input_text(&cfg), raw);
  free(raw);
  fb_config_free(&cfg);
}
END_TEST

START_TEST(test_precedence) {
  fb_config cfg;
  init_cfg(&cfg);
  fb_err err;
  fb_err_clear(&err);
  /* --set before the files: still wins over both files */
  ck_assert_int_eq(fb_config_set(&cfg, "grid.mass_max_GeV=41.5", &err), FB_OK);
  ck_assert_int_eq(fb_config_read_file(&cfg, DATA_DIR "good.ini", &err), FB_OK);
  ck_assert_int_eq(fb_config_get_int(&cfg, "grid", "n_mass"), 613);
  ck_assert_int_eq(fb_config_read_file(&cfg, DATA_DIR "override.ini", &err), FB_OK);
  ck_assert_int_eq(fb_config_get_int(&cfg, "grid", "n_mass"), 2718);          /* later file */
  ck_assert(fb_config_get_double(&cfg, "grid", "mass_max_GeV") == 41.5);      /* --set kept */
  ck_assert(fb_config_get_double(&cfg, "grid", "mass_min_GeV") == 3.7e-4);    /* first file */
  /* two --set of one key: the last one wins; spaces around parts are trimmed */
  ck_assert_int_eq(fb_config_set(&cfg, "  grid.n_mass = 317 ", &err), FB_OK);
  ck_assert_int_eq(fb_config_set(&cfg, "grid.n_mass=318", &err), FB_OK);
  ck_assert_int_eq(fb_config_get_int(&cfg, "grid", "n_mass"), 318);
  ck_assert_int_eq(fb_config_set(&cfg, "run.label=a b c", &err), FB_OK);
  ck_assert_str_eq(fb_config_get_string(&cfg, "run", "label"), "a b c");
  for (size_t i = 0; i < fb_config_n_keys(&cfg); i++) {
    const fb_key_spec *s;
    const char *o;
    fb_config_key_at(&cfg, i, &s, NULL, &o);
    if (strcmp(s->key, "n_mass") == 0) ck_assert_str_eq(o, "--set grid.n_mass=318");
    if (strcmp(s->key, "mass_max_GeV") == 0) ck_assert_str_eq(o, "--set grid.mass_max_GeV=41.5");
  }
  /* input text: first file verbatim, second after a separator comment */
  char *a = slurp(DATA_DIR "good.ini"), *b = slurp(DATA_DIR "override.ini");
  const char *in = fb_config_input_text(&cfg);
  ck_assert(strncmp(in, a, strlen(a)) == 0);
  ck_assert_ptr_nonnull(strstr(in, "; ==== next input source: " DATA_DIR "override.ini ===="));
  ck_assert_str_eq(in + strlen(in) - strlen(b), b);
  free(a);
  free(b);
  fb_config_free(&cfg);
}
END_TEST

START_TEST(test_boundaries_and_dialect) {
  /* closed ranges: both ends accepted; CRLF line endings and a UTF-8 BOM are read */
  fb_config cfg;
  init_cfg(&cfg);
  fb_err err;
  fb_err_clear(&err);
  const char *text = "\xEF\xBB\xBF[grid]\r\nn_mass = 100000\r\nmass_min_GeV = 1e-6\r\n"
                     "mass_max_GeV = 1000 ; upper end\r\n[ run ]\r\n";
  ck_assert_int_eq(fb_config_read_string(&cfg, text, "crlf.ini", &err), FB_ERR_INPUT);
  assert_msg_has(&err, "crlf.ini:5: unknown section [ run ] (did you mean [run]?)", NULL);
  const char *good = "\xEF\xBB\xBF[grid]\r\nn_mass = 100000\r\nmass_min_GeV = 1e-6\r\n"
                     "mass_max_GeV = 1000 ; upper end\r\n[run]\r\nlabel =\r\nseed = 0\r\n";
  ck_assert_msg(fb_config_read_string(&cfg, good, "crlf.ini", &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(fb_config_get_int(&cfg, "grid", "n_mass"), 100000);
  ck_assert(fb_config_get_double(&cfg, "grid", "mass_min_GeV") == 1e-6);
  ck_assert(fb_config_get_double(&cfg, "grid", "mass_max_GeV") == 1000.0);
  ck_assert_str_eq(fb_config_get_string(&cfg, "run", "label"), "");
  ck_assert_int_eq(fb_config_get_int(&cfg, "run", "seed"), 0);
  ck_assert_int_eq(fb_config_set(&cfg, "grid.n_mass=2", &err), FB_OK);
  ck_assert_int_eq(fb_config_get_int(&cfg, "grid", "n_mass"), 2);
  ck_assert_int_eq(fb_config_set(&cfg, "run.label=x=y:z", &err), FB_OK); /* '=' in a value */
  ck_assert_str_eq(fb_config_get_string(&cfg, "run", "label"), "x=y:z");
  ck_assert_int_eq(fb_config_set(&cfg, "run.verbose=TRUE", &err), FB_OK);
  ck_assert_int_eq(fb_config_get_bool(&cfg, "run", "verbose"), 1);
  ck_assert_int_eq(fb_config_set(&cfg, "run.verbose=0", &err), FB_OK);
  ck_assert_int_eq(fb_config_get_bool(&cfg, "run", "verbose"), 0);
  /* just outside: rejected (closed range, no tolerance) */
  ck_assert_int_eq(fb_config_set(&cfg, "grid.mass_min_GeV=9.99999999e-7", &err), FB_ERR_INPUT);
  ck_assert_int_eq(fb_config_set(&cfg, "grid.mass_max_GeV=1000.0000001", &err), FB_ERR_INPUT);
  /* an indented key right after a section header is a key, not a continuation (inih resets its
   * previous name at a header) */
  ck_assert_msg(fb_config_read_string(&cfg, "[grid]\nn_mass = 5\n[run]\n   seed = 33\n", "i.ini",
                                      &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(fb_config_get_int(&cfg, "run", "seed"), 33);
  /* a key name longer than inih keeps */
  char longkey[256];
  snprintf(longkey, sizeof longkey, "[grid]\n%s = 3\n",
           "n_mass_but_much_longer_than_any_name_inih_can_hold_in_its_buffer");
  ck_assert_int_eq(fb_config_read_string(&cfg, longkey, "k.ini", &err), FB_ERR_INPUT);
  assert_msg_has(&err, "k.ini:2: key name \"n_mass_but_much_long...\" is longer than 49", NULL);
  fb_config_free(&cfg);
}
END_TEST

START_TEST(test_round_trip) {
  fb_config cfg, back;
  init_cfg(&cfg);
  init_cfg(&back);
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_config_read_file(&cfg, DATA_DIR "good.ini", &err), FB_OK);
  ck_assert_int_eq(fb_config_set(&cfg, "grid.log10_shift=-inf", &err), FB_OK);
  ck_assert_int_eq(fb_config_set(&cfg, "run.seed=918273645", &err), FB_OK);
  ck_assert_int_eq(fb_config_set(&cfg, "grid.mass_min_GeV=0.1000000000000000055511151231257827",
                                 &err),
                   FB_OK);
  char *text = NULL;
  ck_assert_int_eq(fb_config_resolved_text(&cfg, &text, &err), FB_OK);
  ck_assert_ptr_nonnull(strstr(text, "(from --set run.seed=918273645)"));
  ck_assert_msg(fb_config_read_string(&back, text, "resolved.ini", &err) == FB_OK, "%s\n%s",
                err.msg, text);
  for (size_t i = 0; i < fb_config_n_keys(&cfg); i++) {
    const fb_key_spec *s1, *s2;
    const char *v1, *v2, *o2;
    fb_config_key_at(&cfg, i, &s1, &v1, NULL);
    fb_config_key_at(&back, i, &s2, &v2, &o2);
    ck_assert_ptr_eq(s1, s2);
    ck_assert_str_eq(v1, v2);
    ck_assert_msg(strncmp(o2, "resolved.ini:", 13) == 0, "origin %s", o2);
    switch (s1->type) {
      case FB_KEY_DOUBLE: {
        double x1 = fb_config_get_double(&cfg, s1->section, s1->key);
        double x2 = fb_config_get_double(&back, s1->section, s1->key);
        ck_assert_msg(x1 == x2, "%s: %.17g != %.17g", s1->key, x1, x2);
        break;
      }
      case FB_KEY_INT:
        ck_assert_int_eq(fb_config_get_int(&cfg, s1->section, s1->key),
                         fb_config_get_int(&back, s1->section, s1->key));
        break;
      case FB_KEY_BOOL:
        ck_assert_int_eq(fb_config_get_bool(&cfg, s1->section, s1->key),
                         fb_config_get_bool(&back, s1->section, s1->key));
        break;
      default:
        ck_assert_str_eq(fb_config_get_string(&cfg, s1->section, s1->key),
                         fb_config_get_string(&back, s1->section, s1->key));
    }
  }
  ck_assert(isinf(fb_config_get_double(&back, "grid", "log10_shift")));
  ck_assert_int_eq(fb_config_get_int(&back, "run", "seed"), 918273645);
  /* an unset required key is written as a comment and stays unset */
  fb_config partial, partial_back;
  init_cfg(&partial);
  init_cfg(&partial_back);
  char *ptext = NULL;
  ck_assert_int_eq(fb_config_resolved_text(&partial, &ptext, &err), FB_OK);
  ck_assert_ptr_nonnull(strstr(ptext, "; n_mass = (required key, not set)"));
  ck_assert_ptr_nonnull(strstr(ptext, "; mass_min_GeV [GeV]: lower end of the mass grid (from default)\nmass_min_GeV = 1.5e-3\n"));
  ck_assert_int_eq(fb_config_read_string(&partial_back, ptext, "p.ini", &err), FB_OK);
  ck_assert_int_eq(fb_config_check_required(&partial_back, &err), FB_ERR_INPUT);
  free(ptext);
  free(text);
  fb_config_free(&partial);
  fb_config_free(&partial_back);
  fb_config_free(&cfg);
  fb_config_free(&back);
}
END_TEST

START_TEST(test_error_at) {
  fb_config cfg;
  init_cfg(&cfg);
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_config_read_file(&cfg, DATA_DIR "good.ini", &err), FB_OK);
  long line = line_of(DATA_DIR "good.ini", "mass_max_GeV", 1);
  char where[512];
  snprintf(where, sizeof where, "%sgood.ini:%ld: [grid] mass_max_GeV = 17.25", DATA_DIR, line);
  ck_assert_int_eq(fb_config_error_at(&cfg, "grid", "mass_max_GeV",
                                      "must be larger than mass_min_GeV", &err),
                   FB_ERR_INPUT);
  assert_msg_has(&err, where, "must be larger than mass_min_GeV", NULL);
  ck_assert_int_eq(fb_config_error_at(&cfg, "run", "seed", "is odd", &err), FB_ERR_INPUT);
  assert_msg_has(&err, "default: [run] seed = 4271 is odd", NULL);
  ck_assert_int_eq(fb_config_error_at(&cfg, "run", "nope", "x", &err), FB_ERR_INTERNAL);
  assert_msg_has(&err, "[run] nope", NULL);
  fb_config_free(&cfg);
}
END_TEST

/* ------------------------------------------------------------------ getters misuse */

START_TEST(test_getter_misuse) {
  fb_config cfg;
  init_cfg(&cfg);
  int level = fb_log_get_level();
  fb_log_set_level(-1); /* the expected programming-error logs are not interesting here */
  ck_assert(isnan(fb_config_get_double(&cfg, "grid", "mass_min")));
  ck_assert(isnan(fb_config_get_double(&cfg, "gird", "mass_min_GeV")));
  ck_assert(isnan(fb_config_get_double(&cfg, "run", "label")));     /* wrong type */
  ck_assert(isnan(fb_config_get_double(&cfg, "run", "tau_max_s"))); /* required, unset */
  ck_assert_int_eq(fb_config_get_int(&cfg, "grid", "mass_min_GeV"), 0);
  ck_assert_int_eq(fb_config_get_int(&cfg, "grid", "n_mass"), 0);
  ck_assert_int_eq(fb_config_get_bool(&cfg, "run", "seed"), 0);
  ck_assert_int_eq(fb_config_get_bool(&cfg, "run", "verbosity"), 0);
  ck_assert_ptr_null(fb_config_get_string(&cfg, "run", "labels"));
  ck_assert_ptr_null(fb_config_get_string(&cfg, NULL, NULL));
  ck_assert_str_eq(fb_config_get_string(&cfg, "run", "seed"), "4271"); /* any type as text */
  fb_log_set_level(level);
  fb_config_free(&cfg);
}
END_TEST

/* ------------------------------------------------------------------ schema errors */

START_TEST(test_schema_errors) {
  fb_config cfg;
  fb_err err;
  fb_err_clear(&err);
  /* the same section.key in two tables */
  static const fb_key_spec again[] = {
      {"grid", "n_mass", FB_KEY_INT, "5", 2, 9, NULL, "", "duplicate"}};
  const fb_key_spec *const t2[] = {grid_keys, again};
  const size_t n2[] = {N_GRID, 1};
  ck_assert_int_eq(fb_config_init(&cfg, t2, n2, 2, &err), FB_ERR_INTERNAL);
  assert_msg_has(&err, "[grid] n_mass", "already defined", NULL);
  ck_assert_ptr_null(cfg.entries);
  /* invalid default, bad name, bad range, bad choices */
  static const fb_key_spec bad_default[] = {
      {"grid", "n_mass", FB_KEY_INT, "1", 2, 9, NULL, "", "default below min"}};
  static const fb_key_spec bad_name[] = {
      {"grid", "n mass", FB_KEY_INT, "3", 2, 9, NULL, "", "space in name"}};
  static const fb_key_spec bad_range[] = {
      {"grid", "n_mass", FB_KEY_INT, "3", 9, 2, NULL, "", "min > max"}};
  static const fb_key_spec bad_choice[] = {
      {"grid", "spacing", FB_KEY_CHOICE, "log", 0, 0, "log||linear", "", "empty alternative"}};
  struct {
    const fb_key_spec *t;
    const char *needle;
  } cases[] = {{bad_default, "default of [grid] n_mass = 1 is out of range"},
               {bad_name, "n mass"},
               {bad_range, "invalid range"},
               {bad_choice, "log||linear"}};
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    const fb_key_spec *const t[] = {cases[c].t};
    const size_t n[] = {1};
    fb_err_clear(&err);
    ck_assert_int_eq(fb_config_init(&cfg, t, n, 1, &err), FB_ERR_INTERNAL);
    assert_msg_has(&err, cases[c].needle, NULL);
  }
}
END_TEST

/* ------------------------------------------------------------------ file error paths */

START_TEST(test_file_not_found) {
  fb_config cfg;
  init_cfg(&cfg);
  fb_err err;
  fb_err_clear(&err);
  const char *path = DATA_DIR "does_not_exist_7f3a.ini";
  ck_assert_int_eq(fb_config_read_file(&cfg, path, &err), FB_ERR_IO);
  assert_msg_has(&err, path, strerror(ENOENT), NULL);
  /* a file without read permission (not testable as root, who can read anything) */
  char tmp[] = "/tmp/fb_config_test_XXXXXX";
  int fd = mkstemp(tmp);
  ck_assert_int_ge(fd, 0);
  ck_assert_int_eq((int)write(fd, "[grid]\nn_mass = 9\0\n", 20), 20);
  close(fd);
  fb_err_clear(&err);
  ck_assert_int_eq(fb_config_read_file(&cfg, tmp, &err), FB_ERR_INPUT); /* NUL byte: not text */
  assert_msg_has(&err, tmp, "NUL byte at offset 17", NULL);
  chmod(tmp, 0);
  FILE *probe = fopen(tmp, "rb");
  if (probe) {
    fclose(probe);
    fprintf(stderr, "test_file_not_found: running as root, permission-denied case skipped\n");
  } else {
    fb_err_clear(&err);
    ck_assert_int_eq(fb_config_read_file(&cfg, tmp, &err), FB_ERR_IO);
    assert_msg_has(&err, tmp, strerror(EACCES), NULL);
  }
  unlink(tmp);
  /* a directory opens but cannot be read */
  fb_err_clear(&err);
  ck_assert_int_eq(fb_config_read_file(&cfg, DATA_DIR, &err), FB_ERR_IO);
  assert_msg_has(&err, DATA_DIR, strerror(EISDIR), NULL);
  fb_config_free(&cfg);
}
END_TEST

START_TEST(test_file_range_error) {
  const char *path = DATA_DIR "bad_range.ini";
  fb_config cfg;
  init_cfg(&cfg);
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_config_read_file(&cfg, path, &err), FB_ERR_INPUT);
  char expect[600];
  snprintf(expect, sizeof expect,
           "%s:%ld: [grid] n_mass = 0 is out of range: allowed 2 <= n_mass <= 100000", path,
           line_of(path, "n_mass", 1));
  assert_msg_has(&err, expect, NULL);
  /* atomic: the valid lines before the error were not applied, no input text kept */
  ck_assert(fb_config_get_double(&cfg, "grid", "mass_min_GeV") == 1.5e-3);
  ck_assert_str_eq(fb_config_get_string(&cfg, "grid", "spacing"), "log");
  ck_assert_str_eq(fb_config_input_text(&cfg), "");
  fb_config_free(&cfg);
}
END_TEST

START_TEST(test_file_syntax_error) {
  const char *path = DATA_DIR "bad_syntax.ini";
  fb_config cfg;
  init_cfg(&cfg);
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_config_read_file(&cfg, path, &err), FB_ERR_INPUT);
  char expect[600];
  snprintf(expect, sizeof expect, "%s:%ld: syntax error: \"this line has no equals sign\"", path,
           line_of(path, "this line", 1));
  assert_msg_has(&err, expect, "neither a [section] header nor a key = value line", NULL);
  fb_config_free(&cfg);
}
END_TEST

START_TEST(test_file_duplicate) {
  const char *path = DATA_DIR "duplicate.ini";
  fb_config cfg;
  init_cfg(&cfg);
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_config_read_file(&cfg, path, &err), FB_ERR_INPUT);
  long l1 = line_of(path, "n_mass", 1), l2 = line_of(path, "n_mass", 2);
  char where[600], both[200];
  snprintf(where, sizeof where, "%s:%ld: [grid] n_mass is given twice", path, l2);
  snprintf(both, sizeof both, "on line %ld (n_mass = 64) and on line %ld (n_mass = 65)", l1, l2);
  assert_msg_has(&err, where, both, NULL);
  fb_config_free(&cfg);
}
END_TEST

START_TEST(test_file_unknown_key) {
  const char *path = DATA_DIR "unknown_key.ini";
  fb_config cfg;
  init_cfg(&cfg);
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_config_read_file(&cfg, path, &err), FB_ERR_INPUT);
  char expect[600];
  snprintf(expect, sizeof expect,
           "%s:%ld: unknown key mass_min_Gev in section [grid] (did you mean mass_min_GeV?)", path,
           line_of(path, "mass_min_Gev", 1));
  assert_msg_has(&err, expect, NULL);
  fb_config_free(&cfg);
}
END_TEST

/* One bad input text: expected code and substrings, "%L" in a needle is the expected line. */
typedef struct bad_case {
  const char *text;
  long line;
  const char *needles[4];
} bad_case;

START_TEST(test_string_errors) {
  static const bad_case cases[] = {
      /* unknown section: at its header, also when empty; with suggestion */
      {"[grid]\nn_mass = 5\n\n[gird]\nmass_min_GeV = 0.3\n", 4,
       {"unknown section [gird] (did you mean [grid]?)"}},
      {"[grid]\nn_mass = 5\n[physics]\n", 3, {"unknown section [physics]"}},
      /* unknown key that belongs to another section */
      {"[grid]\nseed = 12\n", 2, {"unknown key seed in section [grid]", "key of section [run]"}},
      /* malformed numbers */
      {"[grid]\nmass_min_GeV = 1e-3x\n", 2,
       {"[grid] mass_min_GeV = 1e-3x is not a number", "trailing characters \"x\"",
        "allowed 1e-06 <= mass_min_GeV <= 1000 [GeV]"}},
      {"[grid]\n\nmass_min_GeV =\n", 3,
       {"[grid] mass_min_GeV = \"\" is empty", "allowed 1e-06 <= mass_min_GeV <= 1000 [GeV]"}},
      {"[grid]\nmass_max_GeV = nan\n", 2,
       {"[grid] mass_max_GeV = nan is not a number (NaN", "allowed 1e-06 <= mass_max_GeV"}},
      {"[grid]\nmass_max_GeV = inf\n", 2,
       {"[grid] mass_max_GeV = inf is out of range", "allowed 1e-06 <= mass_max_GeV <= 1000"}},
      {"[grid]\nmass_max_GeV = 2.5 GeV\n", 2,
       {"[grid] mass_max_GeV = 2.5 GeV is not a number", "trailing characters \" GeV\""}},
      {"[grid]\nmass_max_GeV = 1e999\n", 2, {"[grid] mass_max_GeV = 1e999", "overflow"}},
      {"[grid]\nmass_max_GeV = GeV\n", 2, {"[grid] mass_max_GeV = GeV is not a number"}},
      /* integers */
      {"[grid]\nn_mass = 2.5\n", 2,
       {"[grid] n_mass = 2.5 is not an integer", "allowed 2 <= n_mass <= 100000"}},
      {"[grid]\nn_mass = 1e3\n", 2, {"[grid] n_mass = 1e3 is not an integer"}},
      {"[grid]\nn_mass = 12abc\n", 2, {"[grid] n_mass = 12abc is not an integer"}},
      {"[grid]\nn_mass = 100001\n", 2,
       {"[grid] n_mass = 100001 is out of range: allowed 2 <= n_mass <= 100000"}},
      {"[run]\nseed = 99999999999999999999999\n", 2, {"[run] seed = 9999", "long integer"}},
      /* double out of range, both ends */
      {"[grid]\nmass_min_GeV = 1000.5\n", 2,
       {"[grid] mass_min_GeV = 1000.5 is out of range: allowed 1e-06 <= mass_min_GeV <= 1000 "
        "[GeV]"}},
      {"[run]\ntau_max_s = 0.00999\n", 2,
       {"[run] tau_max_s = 0.00999 is out of range: allowed 0.01 <= tau_max_s <= 1e+13 [s]"}},
      /* bool and choice */
      {"[run]\nverbose = maybe\n", 2,
       {"[run] verbose = maybe is not a boolean", "true, false, yes, no, 1, 0"}},
      {"[grid]\nspacing = cubic\n", 2,
       {"[grid] spacing = cubic is not one of the allowed choices", "log, linear, sqrt"}},
      {"[grid]\nspacing = Log\n", 2, {"[grid] spacing = Log is not one"}},
      /* structure */
      {"n_mass = 7\n[grid]\n", 1, {"n_mass = 7 appears before any [section] header"}},
      {"[grid]\nn_mass = 7\n[run\nseed = 3\n", 3, {"[run", "without a closing ']'"}},
      {"[grid]\nn_mass = 7\n   mass_min_GeV = 0.3\n", 3,
       {"indented line", "follows key n_mass (line 2)", "multi-line values are not supported"}},
      {"[grid]\n= 4\n", 2, {"unknown key \"\" in section [grid]"}},
      {"[grid]\nthis is a rather long line of prose without any separator in it at all\n", 2,
       {"syntax error: \"this is a rather long", "neither a [section] header"}},
      /* several errors: the first by line is reported, with the count */
      {"[grid]\nn_mass = 1\nmass_min_GeV = -1\n[bogus]\n", 2,
       {"n_mass = 1 is out of range", "3 errors"}},
  };
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    fb_config cfg;
    init_cfg(&cfg);
    fb_err err;
    fb_err_clear(&err);
    int rc = fb_config_read_string(&cfg, cases[c].text, "inputs/case.ini", &err);
    ck_assert_msg(rc == FB_ERR_INPUT, "case %zu: rc = %d\n%s", c, rc, cases[c].text);
    char where[64];
    snprintf(where, sizeof where, "inputs/case.ini:%ld: ", cases[c].line);
    ck_assert_msg(strstr(err.msg, where), "case %zu: no \"%s\" in:\n%s", c, where, err.msg);
    for (int k = 0; k < 4 && cases[c].needles[k]; k++)
      ck_assert_msg(strstr(err.msg, cases[c].needles[k]), "case %zu: no \"%s\" in:\n%s", c,
                    cases[c].needles[k], err.msg);
    ck_assert_str_eq(fb_config_input_text(&cfg), ""); /* nothing kept from a failed read */
    fb_config_free(&cfg);
  }
}
END_TEST

START_TEST(test_long_line) {
  /* a key line longer than inih's buffer is an error; a long comment is harmless */
  char text[2048];
  char pad[400];
  memset(pad, '7', sizeof pad - 1);
  pad[sizeof pad - 1] = '\0';
  snprintf(text, sizeof text, "[run]\n; %s\nlabel = %s\n", pad, pad);
  fb_config cfg;
  init_cfg(&cfg);
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_config_read_string(&cfg, text, "long.ini", &err), FB_ERR_INPUT);
  assert_msg_has(&err, "long.ini:3: line is longer than 198 characters", NULL);
  snprintf(text, sizeof text, "[run]\n; %s\nlabel = short\nseed = 31\n", pad);
  fb_err_clear(&err);
  ck_assert_msg(fb_config_read_string(&cfg, text, "long.ini", &err) == FB_OK, "%s", err.msg);
  ck_assert_int_eq(fb_config_get_int(&cfg, "run", "seed"), 31);
  fb_config_free(&cfg);
}
END_TEST

/* The message's "allowed A <= key <= B" must give back the spec's min and max exactly. */
static void check_bounds_in_msg(const char *msg, const fb_key_spec *s) {
  const char *a = strstr(msg, "allowed ");
  ck_assert_ptr_nonnull(a);
  char *end;
  double lo = strtod(a + 8, &end);
  char mid[128];
  snprintf(mid, sizeof mid, " <= %s <= ", s->key);
  ck_assert_msg(strncmp(end, mid, strlen(mid)) == 0, "bad range text in %s", msg);
  double hi = strtod(end + strlen(mid), NULL);
  ck_assert_msg(lo == s->min && hi == s->max, "%s: range [%.17g, %.17g] in message, spec [%.17g, %.17g]",
                s->key, lo, hi, s->min, s->max);
}

/* Every numeric / choice / bool key: a bad value placed at a varying line gives a message with the
 * file, that line, [section] key, the value and the allowed set written from the spec. */
START_TEST(test_every_key_message) {
  const fb_key_spec *const tables[] = {grid_keys, run_keys};
  const size_t nt[] = {N_GRID, N_RUN};
  int n_checked = 0;
  for (size_t t = 0; t < 2; t++) {
    for (size_t k = 0; k < nt[t]; k++) {
      const fb_key_spec *s = &tables[t][k];
      const char *bad;
      char allowed[256];
      if (s->type == FB_KEY_STRING) continue;
      if (s->type == FB_KEY_CHOICE) {
        bad = "no_such_choice";
        snprintf(allowed, sizeof allowed, "log, linear, sqrt");
      } else if (s->type == FB_KEY_BOOL) {
        bad = "sometimes";
        snprintf(allowed, sizeof allowed, "true, false, yes, no, 1, 0");
      } else if (s->max < HUGE_VAL) {
        bad = "1e300";
        snprintf(allowed, sizeof allowed, " <= %s <= ", s->key); /* bounds checked below */
      } else {
        bad = "4.5.6";
        snprintf(allowed, sizeof allowed, "allowed any real number");
      }
      char text[512];
      long line = 3 + (long)(7 * t + k); /* comment lines push the key down */
      size_t off = (size_t)snprintf(text, sizeof text, "[%s]\n", s->section);
      for (long l = 2; l < line; l++) off += (size_t)snprintf(text + off, sizeof text - off, "; c\n");
      snprintf(text + off, sizeof text - off, "%s = %s\n", s->key, bad);
      fb_config cfg;
      init_cfg(&cfg);
      fb_err err;
      fb_err_clear(&err);
      ck_assert_int_eq(fb_config_read_string(&cfg, text, "explanatory_check.ini", &err),
                       FB_ERR_INPUT);
      char head[256];
      snprintf(head, sizeof head, "explanatory_check.ini:%ld: [%s] %s = %s ", line, s->section,
               s->key, bad);
      assert_msg_has(&err, head, allowed, NULL);
      if (s->max < HUGE_VAL) check_bounds_in_msg(err.msg, s);
      /* the same through --set */
      char assign[128], origin[160];
      snprintf(assign, sizeof assign, "%s.%s=%s", s->section, s->key, bad);
      snprintf(origin, sizeof origin, "--set %s: [%s] %s = %s ", assign, s->section, s->key, bad);
      fb_err_clear(&err);
      ck_assert_int_eq(fb_config_set(&cfg, assign, &err), FB_ERR_INPUT);
      assert_msg_has(&err, origin, allowed, NULL);
      fb_config_free(&cfg);
      n_checked++;
    }
  }
  ck_assert_int_eq(n_checked, 8); /* every non-STRING key of the two tables */
}
END_TEST

/* ------------------------------------------------------------------ --set error paths */

START_TEST(test_set_errors) {
  static const struct {
    const char *assignment;
    const char *needles[3];
  } cases[] = {
      {"grid_n_mass=5", {"--set grid_n_mass=5: malformed assignment", "section.key=value"}},
      {"grid.n_mass", {"--set grid.n_mass: malformed assignment"}},
      {".n_mass=5", {"--set .n_mass=5: malformed assignment", "empty section or key"}},
      {"grid.=5", {"--set grid.=5: malformed assignment"}},
      {"gridd.n_mass=5", {"--set gridd.n_mass=5: unknown section [gridd] (did you mean [grid]?)"}},
      {"grid.nmass=5", {"--set grid.nmass=5: unknown key nmass in section [grid]",
                        "did you mean n_mass?"}},
      {"grid.n_mass=1", {"--set grid.n_mass=1: [grid] n_mass = 1 is out of range",
                         "allowed 2 <= n_mass <= 100000"}},
      {"grid.n_mass=", {"--set grid.n_mass=: [grid] n_mass = \"\" is empty"}},
      {"grid.spacing=cubic", {"--set grid.spacing=cubic: [grid] spacing = cubic",
                              "log, linear, sqrt"}},
      {"run.label=a ; b", {"--set run.label=a ; b: [run] label = a ; b", "inline comment"}},
      {"run.label=;x", {"[run] label = ;x", "cannot start with ';'"}},
  };
  fb_config cfg;
  init_cfg(&cfg);
  ck_assert_int_eq(fb_config_set(&cfg, "grid.n_mass=77", &(fb_err){0}), FB_OK);
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    fb_err err;
    fb_err_clear(&err);
    ck_assert_msg(fb_config_set(&cfg, cases[c].assignment, &err) == FB_ERR_INPUT, "case %zu",
                  c);
    for (int k = 0; k < 3 && cases[c].needles[k]; k++)
      ck_assert_msg(strstr(err.msg, cases[c].needles[k]), "case %zu: no \"%s\" in:\n%s", c,
                    cases[c].needles[k], err.msg);
  }
  /* failed --set changed nothing */
  ck_assert_int_eq(fb_config_get_int(&cfg, "grid", "n_mass"), 77);
  ck_assert_str_eq(fb_config_get_string(&cfg, "grid", "spacing"), "log");
  fb_config_free(&cfg);
}
END_TEST

START_TEST(test_broadcast_style) {
  /* rank 0 reads the file, the others parse its text under the same name: identical results,
   * and an error message names the file and the same line */
  const char *path = DATA_DIR "bad_range.ini";
  char *text = slurp(path);
  fb_config a, b;
  init_cfg(&a);
  init_cfg(&b);
  fb_err ea, eb;
  fb_err_clear(&ea);
  fb_err_clear(&eb);
  ck_assert_int_eq(fb_config_read_file(&a, path, &ea), FB_ERR_INPUT);
  ck_assert_int_eq(fb_config_read_string(&b, text, path, &eb), FB_ERR_INPUT);
  const char *ma = strstr(ea.msg, path), *mb = strstr(eb.msg, path);
  ck_assert_ptr_nonnull(ma);
  ck_assert_ptr_nonnull(mb);
  ck_assert(strncmp(ma, mb, strcspn(ma, "\n")) == 0);
  free(text);
  fb_config_free(&a);
  fb_config_free(&b);
}
END_TEST

static Suite *config_suite(void) {
  Suite *s = suite_create("common_config");
  TCase *ok = tcase_create("happy_path");
  tcase_add_test(ok, test_defaults);
  tcase_add_test(ok, test_file_values);
  tcase_add_test(ok, test_precedence);
  tcase_add_test(ok, test_round_trip);
  tcase_add_test(ok, test_boundaries_and_dialect);
  tcase_add_test(ok, test_error_at);
  tcase_add_test(ok, test_broadcast_style);
  suite_add_tcase(s, ok);
  TCase *bad = tcase_create("errors");
  tcase_add_test(bad, test_getter_misuse);
  tcase_add_test(bad, test_schema_errors);
  tcase_add_test(bad, test_file_not_found);
  tcase_add_test(bad, test_file_range_error);
  tcase_add_test(bad, test_file_syntax_error);
  tcase_add_test(bad, test_file_duplicate);
  tcase_add_test(bad, test_file_unknown_key);
  tcase_add_test(bad, test_string_errors);
  tcase_add_test(bad, test_long_line);
  tcase_add_test(bad, test_every_key_message);
  tcase_add_test(bad, test_set_errors);
  suite_add_tcase(s, bad);
  return s;
}

int main(void) {
  gsl_set_error_handler_off();
  SRunner *sr = srunner_create(config_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
