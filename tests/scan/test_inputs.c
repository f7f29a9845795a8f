/**
 * @file test_inputs.c
 * @brief The shipped input files against the program's schema: inputs/explanatory.ini documents
 *        exactly the keys `fipbounds run` knows, with the program's defaults and allowed ranges,
 *        and every file in inputs/ is a valid input.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_scan.h"

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = malloc((size_t)n + 1);
  ck_assert_uint_eq(fread(s, 1, (size_t)n, f), (size_t)n);
  s[n] = '\0';
  fclose(f);
  return s;
}

static void load(fb_config *cfg, const char *rel) {
  const fb_key_spec *const *tables;
  const size_t *counts;
  size_t n;
  ck_assert_int_eq(fb_input_schema(&tables, &counts, &n), FB_OK);
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(fb_config_init(cfg, tables, counts, n, &err), FB_OK);
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", FB_SOURCE_DIR, rel);
  ck_assert_msg(fb_config_read_file(cfg, path, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_config_check_required(cfg, &err) == FB_OK, "%s", err.msg);
}

START_TEST(test_explanatory_documents_every_key_with_defaults) {
  fb_config cfg;
  load(&cfg, "inputs/explanatory.ini");
  char path[1024];
  snprintf(path, sizeof path, "%s/inputs/explanatory.ini", FB_SOURCE_DIR);
  char *text = slurp(path);
  for (size_t i = 0; i < fb_config_n_keys(&cfg); i++) {
    const fb_key_spec *spec;
    const char *value, *origin;
    ck_assert_int_eq(fb_config_key_at(&cfg, i, &spec, &value, &origin), FB_OK);
    /* every key is set in the file (not left to its default) ... */
    ck_assert_msg(strstr(origin, "explanatory.ini:") != NULL, "[%s] %s is not documented in explanatory.ini",
                  spec->section, spec->key);
    /* ... to the program's default */
    if (spec->default_value) {
      if (spec->type == FB_KEY_DOUBLE) {
        ck_assert_msg(fabs(strtod(value, NULL) - strtod(spec->default_value, NULL)) <=
                          1e-12 * fabs(strtod(spec->default_value, NULL)),
                      "[%s] %s: explanatory.ini says %s, the program's default is %s", spec->section,
                      spec->key, value, spec->default_value);
      } else {
        ck_assert_msg(strcmp(value, spec->default_value) == 0,
                      "[%s] %s: explanatory.ini says %s, the program's default is %s", spec->section,
                      spec->key, value, spec->default_value);
      }
    }
    /* the comment states the allowed choices */
    if (spec->type == FB_KEY_CHOICE) {
      char allowed[512];
      snprintf(allowed, sizeof allowed, "Allowed: %s", spec->choices);
      ck_assert_msg(strstr(text, allowed) != NULL, "explanatory.ini lacks '%s' for [%s] %s", allowed,
                    spec->section, spec->key);
    }
  }
  free(text);
  fb_config_free(&cfg);
}
END_TEST

START_TEST(test_shipped_inputs_are_valid) {
  const char *files[] = {"inputs/bc1_default.ini", "inputs/explanatory.ini"};
  for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
    fb_config cfg;
    load(&cfg, files[k]);
    fb_grid g;
    fb_err err;
    fb_err_clear(&err);
    ck_assert_msg(fb_grid_init(&g, &cfg, &err) == FB_OK, "%s: %s", files[k], err.msg);
    ck_assert_ptr_nonnull(fb_model_find(fb_config_get_string(&cfg, "model", "name")));
    fb_grid_free(&g);
    fb_config_free(&cfg);
  }
}
END_TEST

int main(void) {
  fb_error_init();
  Suite *s = suite_create("inputs");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_explanatory_documents_every_key_with_defaults);
  tcase_add_test(tc, test_shipped_inputs_are_valid);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
