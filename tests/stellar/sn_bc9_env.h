/**
 * @file sn_bc9_env.h
 * @brief Test fixture shared by test_sn_alp_heavy.c and test_sn_alp_stats.c: the BC9 SN1987A band on the default
 *        (mantle) profile with the BC9 default criterion `transfer` (the dark-photon semi-Compton and coalescence
 *        tables off: the ALP does not use them), and its edges for given ALP options. Header-only (static).
 */
#ifndef SN_BC9_ENV_H
#define SN_BC9_ENV_H

#include <check.h>
#include <string.h>

#include "fb_sn_alp.h"

#ifndef DEFAULT_PROFILE
#define DEFAULT_PROFILE FB_SOURCE_DIR "/inputs/sn_profile_mantle.dat" /* the default profile (issue 16) */
#endif

typedef struct bc9_env {
  fb_sn_profile p;
  fb_sn_medium m;
  fb_sn_table t;
} bc9_env;

/* r_emit_km and decays as fb_sn_options (their defaults: 0 = the profile's emission region, 1 = decays counted) */
static void bc9_env_init(bc9_env *s, double r_emit_km, int decays) {
  fb_err err;
  fb_err_clear(&err);
  fb_sn_options o;
  fb_sn_options_default(&o);
  o.criterion = FB_SN_CRIT_TRANSFER; /* the BC9 default */
  o.semi_compton = o.coalescence = 0;
  o.r_emit_km = r_emit_km;
  o.decays = decays;
  memset(s, 0, sizeof *s);
  ck_assert_msg(fb_sn_profile_read(&s->p, DEFAULT_PROFILE, NULL, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_sn_medium_init(&s->m, &s->p, &o, &err) == FB_OK, "%s", err.msg);
}

static void bc9_env_free(bc9_env *s) {
  fb_sn_table_free(&s->t);
  fb_sn_medium_free(&s->m);
  fb_sn_profile_free(&s->p);
}

/* the band edges [GeV^-1] at mass_GeV with the ALP options ao (the table stays in s->t) */
static void bc9_env_edges(bc9_env *s, double mass_GeV, const fb_sn_alp_options *ao, double *lo, double *hi) {
  fb_err err;
  fb_err_clear(&err);
  ck_assert_msg(fb_sn_alp_table_compute_opt(&s->t, &s->m, mass_GeV, ao, &err) == FB_OK, "%s", err.msg);
  ck_assert_msg(fb_sn_table_edges(&s->t, s->m.opt.L_nu_erg_s, lo, hi, NULL, &err) == FB_OK, "%s", err.msg);
}

#endif /* SN_BC9_ENV_H */
