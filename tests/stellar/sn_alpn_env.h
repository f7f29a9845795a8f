/**
 * @file sn_alpn_env.h
 * @brief Test fixture shared by test_sn_alpn.c and test_sn_pion.c: the default profile (mantle since the switch of
 *        issue 16; env_init_profile takes another file), its medium (semi-Compton and
 *        coalescence tables off) and the ALP-nucleon per-medium data (fb_sn_alpn_mstar). Header-only (static).
 */
#ifndef SN_ALPN_ENV_H
#define SN_ALPN_ENV_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "fb_sn_alpn.h"

#define DEFAULT_PROFILE FB_SOURCE_DIR "/inputs/sn_profile_mantle.dat" /* the default profile since the switch of issue 16 */

typedef struct env {
  fb_sn_profile p;
  fb_sn_medium m;
  double *ms; /**< FB_SN_ALPN_MEDIUM_NF * m.n per-medium data */
} env;

#define PARAMETRIC_PROFILE FB_SOURCE_DIR "/inputs/sn_profile_default.dat" /* the default before the switch of issue 16 */

static void env_init_profile(env *e, int criterion, const char *profile_file) {
  fb_err err;
  fb_err_clear(&err);
  memset(e, 0, sizeof *e);
  ck_assert_msg(fb_sn_profile_read(&e->p, profile_file, NULL, &err) == FB_OK, "%s", err.msg);
  fb_sn_options o;
  fb_sn_options_default(&o);
  o.criterion = criterion;
  o.semi_compton = o.coalescence = 0;
  ck_assert_msg(fb_sn_medium_init(&e->m, &e->p, &o, &err) == FB_OK, "%s", err.msg);
  e->ms = malloc(FB_SN_ALPN_MEDIUM_NF * e->m.n * sizeof *e->ms);
  ck_assert_ptr_nonnull(e->ms);
  fb_sn_alpn_mstar(&e->m, &e->p, e->ms);
}

static inline void env_init(env *e, int criterion) { env_init_profile(e, criterion, DEFAULT_PROFILE); }

static void env_free(env *e) {
  free(e->ms);
  fb_sn_medium_free(&e->m);
  fb_sn_profile_free(&e->p);
}

#endif /* SN_ALPN_ENV_H */
