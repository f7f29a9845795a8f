/* One naming scheme (issues 13 and 17): every registered scan model (src/scan/fb_model_registry.c)
 * and every particle model (src/models/fb_fip.c) of a PBC benchmark states exactly the axes of that
 * benchmark's definition in src/models/fb_benchmark_axes.h (HDF5 name, unit and description of
 * /grid/mass and /grid/coupling), and the old names map to the canonical ones. The plotting tools'
 * labels are compared with the same table by tests/models/axis_labels.py. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "fb_benchmark_axes.h"
#include "fb_fip.h"
#include "fb_limits.h"
#include "fb_model.h"

/* Models whose benchmark has no plane of its own, and target models whose axis is another
 * benchmark's (the coupling axis is then a placeholder, n_coupling = 1). */
static const struct {
  const char *model, *axes_of, *why;
} exceptions[] = {
    {"freezein_heavy", "BC1", "a BC2 target drawn against the mediator mass: the BC1 mass axis"},
};

static int is_placeholder(const fb_model_ops *m) { return !strcmp(m->coupling_name, "unused"); }

static void check_axis(const char *model, const char *what, const char *got, const char *want) {
  ck_assert_msg(got && !strcmp(got, want), "scan model %s: %s is '%s', its benchmark defines '%s'", model, what,
                got ? got : "(null)", want);
}

START_TEST(test_scan_models_use_their_benchmark) {
  size_t n_checked = 0;
  for (size_t i = 0; i < fb_model_count(); i++) {
    const fb_model_ops *m = fb_model_at(i);
    const char *axes_of = m->benchmark;
    for (size_t e = 0; e < sizeof exceptions / sizeof exceptions[0]; e++)
      if (!strcmp(exceptions[e].model, m->name)) axes_of = exceptions[e].axes_of;
    const fb_benchmark_axes *b = fb_benchmark_axes_find(axes_of);
    if (!strncmp(m->benchmark, "BC", 2))
      ck_assert_msg(b != NULL, "scan model %s: benchmark %s has no definition in fb_benchmark_axes.c", m->name,
                    m->benchmark);
    if (!b) continue; /* generic planes (sbbn, bbn_decay, cmb_decay, photodis_decay): no benchmark */
    check_axis(m->name, "mass_name", m->mass_name, b->mass.name);
    check_axis(m->name, "mass_units", m->mass_units, b->mass.units);
    check_axis(m->name, "mass_description", m->mass_description, b->mass.description);
    if (!is_placeholder(m)) {
      check_axis(m->name, "coupling_name", m->coupling_name, b->coupling.name);
      check_axis(m->name, "coupling_units", m->coupling_units, b->coupling.units);
      check_axis(m->name, "coupling_description", m->coupling_description, b->coupling.description);
    }
    n_checked++;
  }
  /* 9 particle scan models and the bands of every benchmark: fails if the registry loses them */
  ck_assert_uint_ge(n_checked, 50);
}
END_TEST

START_TEST(test_particle_models_use_their_benchmark) {
  for (size_t i = 0; i < fb_fip_count(); i++) {
    const fb_fip_ops *p = fb_fip_at(i);
    const fb_benchmark_axes *b = fb_benchmark_axes_find(p->benchmark);
    ck_assert_msg(b != NULL, "particle model %s: no definition of %s", p->name, p->benchmark);
    ck_assert_str_eq(p->name, b->model);
    ck_assert_str_eq(p->mass_name, b->mass.name);
    ck_assert_str_eq(b->mass.units, "GeV"); /* particle models take mass_GeV */
    ck_assert_str_eq(p->coupling_name, b->coupling.name);
    ck_assert_str_eq(p->coupling_units, b->coupling.units);
    char want[256];
    snprintf(want, sizeof want, "%s%s", b->coupling.description, b->coupling_definition);
    ck_assert_str_eq(p->coupling_description, want);
  }
}
END_TEST

START_TEST(test_table_complete_and_aliases) {
  ck_assert_uint_eq(fb_benchmark_axes_count(), 11);
  for (size_t i = 0; i < fb_benchmark_axes_count(); i++) {
    const fb_benchmark_axes *b = fb_benchmark_axes_at(i);
    char name[32];
    snprintf(name, sizeof name, "BC%zu", i + 1);
    ck_assert_str_eq(b->benchmark, name);
    ck_assert_ptr_eq(fb_benchmark_axes_find(name), b);
    /* every axis has a name, a description and a TeX label; every mass is in GeV */
    ck_assert(b->mass.name[0] && b->mass.description[0] && b->mass.label[0] == '$');
    ck_assert(b->coupling.name[0] && b->coupling.description[0] && b->coupling.label[0] == '$');
    ck_assert_str_eq(b->mass.units, "GeV");
    /* a canonical name is never an alias of another benchmark's coupling */
    ck_assert_str_eq(fb_benchmark_coupling_canonical(b->coupling.name), b->coupling.name);
    if (b->model) ck_assert_ptr_null(fb_benchmark_model_canonical(b->model));
  }
  ck_assert_ptr_null(fb_benchmark_axes_find("BC12"));
  ck_assert_ptr_eq(fb_benchmark_axes_of_model("bc7"), fb_benchmark_axes_find("BC7"));
  ck_assert_ptr_null(fb_benchmark_axes_of_model("bc2")); /* BC2 has no particle model */
  ck_assert_str_eq(fb_benchmark_coupling_canonical("g_agg"), "g_agamma");
  ck_assert_str_eq(fb_benchmark_coupling_canonical("g_agg_GeV"), "g_agamma");
  ck_assert_str_eq(fb_benchmark_coupling_canonical("theta2"), "sin2theta");
  ck_assert_str_eq(fb_benchmark_coupling_canonical("U2_tau"), "U2");
  ck_assert_str_eq(fb_benchmark_coupling_canonical("g_ag"), "g_ag"); /* not a prefix match */
  ck_assert_str_eq(fb_benchmark_coupling_canonical("epsilon"), "epsilon");
  ck_assert_str_eq(fb_benchmark_model_canonical("darkphoton"), "bc1");
  ck_assert_str_eq(fb_benchmark_model_canonical("dark_photon"), "bc1");
  ck_assert_str_eq(fb_benchmark_model_canonical("alp_photon"), "bc9");
  ck_assert_ptr_null(fb_benchmark_model_canonical("dark"));
  ck_assert_ptr_null(fb_benchmark_model_canonical(""));
  /* the static-table accessors give the same strings as the runtime table */
  ck_assert_str_eq(FB_MASS_NAME(BC1), fb_benchmark_axes_find("BC1")->mass.name);
  ck_assert_str_eq(FB_COUPLING_NAME(BC2), fb_benchmark_axes_find("BC2")->coupling.name);
}
END_TEST

/* A limit file in a benchmark's own convention (its coupling name and unit, or an old name of it)
 * maps onto the benchmark's plane one to one (src/limits/fb_limit_file.c, the merge's conversion). */
START_TEST(test_limit_conventions_know_every_axis) {
  for (size_t i = 0; i < fb_benchmark_axes_count(); i++) {
    const fb_benchmark_axes *b = fb_benchmark_axes_at(i);
    const char *names[8] = {b->coupling.name};
    size_t n = 1;
    char aliases[128];
    snprintf(aliases, sizeof aliases, "%s", b->coupling_aliases);
    for (char *tok = strtok(aliases, "|"); tok && n < 8; tok = strtok(NULL, "|")) names[n++] = tok;
    for (size_t k = 0; k < n; k++) {
      fb_err err;
      fb_err_clear(&err);
      double factor = 0, power = 0;
      const int rc =
          fb_limit_coupling_convert(names[k], b->coupling.units, b->coupling.name, b->coupling.units, &factor, &power, &err);
      ck_assert_msg(rc == FB_OK && factor == 1.0 && power == 1.0,
                    "%s: a limit in %s [%s] does not map 1:1 onto the plane's %s (rc %d, factor %g, power %g)",
                    b->benchmark, names[k], b->coupling.units, b->coupling.name, rc, factor, power);
    }
  }
}
END_TEST

int main(void) {
  Suite *s = suite_create("benchmark_axes");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_scan_models_use_their_benchmark);
  tcase_add_test(tc, test_particle_models_use_their_benchmark);
  tcase_add_test(tc, test_table_complete_and_aliases);
  tcase_add_test(tc, test_limit_conventions_know_every_axis);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  const int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}
