/**
 * @file test_sn_table_reserve.c
 * @brief Review fix: fb_sn_table_reserve is atomic. A request whose second array cannot be allocated
 *        (10 elements x 1e15 directions: 8e16 bytes) must fail and leave the table as it was: its arrays
 *        still hold cap elements (glibc malloc_usable_size) and cap, n_mu unchanged. Before the fix the
 *        first realloc had already shrunk W to 10 elements under the stale cap = 100. A request of a size
 *        that overflows size_t fails the same way; a later valid request succeeds.
 */
#include <check.h>
#include <malloc.h>
#include <stdint.h>
#include <string.h>

#include "fb_sn_darkphoton.h"

START_TEST(test_reserve_atomic) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_table t;
  memset(&t, 0, sizeof t);
  ck_assert_int_eq(fb_sn_table_reserve(&t, 100, 4, &err), FB_OK);
  for (size_t i = 0; i < 100; i++) t.W[i] = 1.0;
  ck_assert_int_ne(fb_sn_table_reserve(&t, 10, (size_t)1e15, &err), FB_OK);
  printf("failed reserve: %s; cap %zu, n_mu %zu, usable W %zu bytes, tau %zu bytes\n", err.msg, t.cap, t.n_mu,
         malloc_usable_size(t.W), malloc_usable_size(t.tau));
  ck_assert_uint_eq(t.cap, 100);
  ck_assert_uint_eq(t.n_mu, 4);
  ck_assert(malloc_usable_size(t.W) >= t.cap * sizeof(double));
  ck_assert(malloc_usable_size(t.tau) >= t.cap * t.n_mu * sizeof(double));
  ck_assert(malloc_usable_size(t.wmu) >= t.n_mu * sizeof(double));
  fb_err_clear(&err);
  ck_assert_int_ne(fb_sn_table_reserve(&t, 1000, SIZE_MAX / 4, &err), FB_OK);
  ck_assert_uint_eq(t.cap, 100);
  fb_err_clear(&err);
  ck_assert_int_eq(fb_sn_table_reserve(&t, 200, 8, &err), FB_OK);
  ck_assert(t.cap == 200 && t.n_mu == 8 && malloc_usable_size(t.tau) >= 200 * 8 * sizeof(double));
  fb_sn_table_free(&t);
}
END_TEST

int main(void) {
  Suite *s = suite_create("sn_table_reserve");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_reserve_atomic);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_VERBOSE);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  return nf == 0 ? 0 : 1;
}
