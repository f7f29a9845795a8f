/**
 * @file test_model_bc1.c
 * @brief The BC1 scan model (fb_model_bc1) returns, at every point, what fb_darkphoton_decay_compute
 *        gives directly at that epsilon (its epsilon^2 rescaling and mass cache are exact to
 *        rounding), and reports below-threshold masses as a range error.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_darkphoton.h"
#include "fb_model.h"

START_TEST(test_bc1_matches_direct_computation) {
  const fb_model_ops *m = fb_model_find("bc1");
  ck_assert_ptr_nonnull(m);
  ck_assert_uint_eq(m->n_quantities, 7);
  ck_assert_str_eq(m->quantities[2].name, "ctau_m");
  void *state = NULL;
  fb_err err;
  fb_err_clear(&err);
  ck_assert_int_eq(m->init(&state, NULL, &err), FB_OK);
  fb_rratio R;
  ck_assert_int_eq(fb_rratio_init(&R, &err), FB_OK);
  const double masses[] = {2.385e-3, 0.2113, 0.7831, 1.0193, 3.2971, 9.4603};
  const double eps[] = {3.7e-10, 1.3e-6, 2.9e-3};
  double out[7];
  for (size_t i = 0; i < 6; i++) {
    for (size_t j = 0; j < 3; j++) {
      ck_assert_msg(m->eval(state, masses[i], eps[j], out, &err) == FB_OK, "%s", err.msg);
      fb_darkphoton_decay d;
      ck_assert_int_eq(fb_darkphoton_decay_compute(&R, masses[i], eps[j], &d, &err), FB_OK);
      const double want[7] = {d.width_GeV, d.tau_s, d.ctau_m, d.br_ee, d.br_mumu, d.br_tautau, d.br_hadrons};
      for (int q = 0; q < 7; q++)
        ck_assert_msg(fabs(out[q] - want[q]) <= 1e-12 * fabs(want[q]) + 1e-300,
                      "%s at m = %g, eps = %g: %.17g vs %.17g", m->quantities[q].name, masses[i], eps[j],
                      out[q], want[q]);
    }
  }
  /* below the e+e- threshold: a range error with a message, not a silent number */
  fb_err_clear(&err);
  ck_assert_int_eq(m->eval(state, 1.0e-3, 1e-5, out, &err), FB_ERR_RANGE);
  ck_assert_uint_gt(strlen(err.msg), 10);
  fb_rratio_free(&R);
  m->free(state);
}
END_TEST

int main(void) {
  gsl_set_error_handler_off();
  Suite *s = suite_create("model_bc1");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_bc1_matches_direct_computation);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
