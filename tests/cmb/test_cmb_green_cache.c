/* The set-up cache of the distortion Green's function (src/cmb/fb_cmb_green.c, process-wide copy and the persistent
 * cache of fb_cache.h): a hit returns the tables of a recomputation bit for bit, another cosmology (key) is never
 * answered by a stored one. Runs with its own empty cache directory. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fb_cmb.h"

static int init_h(fb_cmb *c, double h) {
  fb_err err;
  fb_err_clear(&err);
  fb_cmb_params p;
  fb_cmb_params_default(&p);
  p.h = h;
  const int rc = fb_cmb_init(c, &p, &err);
  if (rc != FB_OK) fprintf(stderr, "%s\n", err.msg);
  return rc;
}

static int same_tables(const fb_cmb_gth *a, const fb_cmb_gth *b) {
  return a->n == b->n && a->L0 == b->L0 && a->dL == b->dL &&
         !memcmp(a->y_gamma, b->y_gamma, a->n * sizeof(double)) && !memcmp(a->pg, b->pg, a->n * sizeof(double)) &&
         !memcmp(a->py, b->py, a->n * sizeof(double)) && !memcmp(a->pm, b->pm, a->n * sizeof(double));
}

START_TEST(test_green_cache_bitwise) {
  char dir[] = "/tmp/fb_green_cache_XXXXXX";
  ck_assert(mkdtemp(dir) != NULL);
  setenv("FIPBOUNDS_CACHE_DIR", dir, 1);
  fb_cmb a1, b1, a2, b2, a3;
  ck_assert(init_h(&a1, 0.6736) == FB_OK); /* computed (empty directory), stored on disk and in the process */
  ck_assert(init_h(&b1, 0.70) == FB_OK);   /* another key: computed, replaces the process copy */
  ck_assert_msg(!same_tables(&a1.green, &b1.green), "h = 0.70 answered by the h = 0.6736 tables");
  ck_assert(init_h(&a2, 0.6736) == FB_OK); /* process copy holds h = 0.70: a disk hit */
  ck_assert(init_h(&b2, 0.70) == FB_OK);   /* process copy */
  ck_assert_msg(same_tables(&a1.green, &a2.green), "disk hit differs from the computed tables");
  ck_assert_msg(same_tables(&b1.green, &b2.green), "process-wide hit differs from the computed tables");
  /* with the cache off (and the process copy holding h = 0.70): recomputed, equal bit for bit */
  setenv("FIPBOUNDS_CACHE_DIR", "off", 1);
  ck_assert(init_h(&a3, 0.6736) == FB_OK);
  ck_assert_msg(same_tables(&a1.green, &a3.green), "recomputation differs from the first computation");
  fb_cmb_free(&a1);
  fb_cmb_free(&b1);
  fb_cmb_free(&a2);
  fb_cmb_free(&b2);
  fb_cmb_free(&a3);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert(system(cmd) == 0);
}
END_TEST

int main(void) {
  fb_error_init();
  Suite *s = suite_create("cmb_green_cache");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_green_cache_bitwise);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
