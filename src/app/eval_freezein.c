/**
 * @file eval_freezein.c
 * @brief `fipbounds eval freezein-target` (light mediator: the millicharge Q with Omega h^2 =
 *        omega_h2) and `fipbounds eval freezein-heavy` (heavy dark photon: eps with Omega h^2 =
 *        omega_h2 for given m_chi, m_A', alpha_D). Physics in src/boltzmann/fb_freezein.h.
 */
#include <math.h>
#include <stdio.h>

#include "fb_constants.h"
#include "fb_eval.h"
#include "fb_freezein.h"

/* result names per channel: Y_<channel> */
static const char *const y_names[FB_FI_N_CHANNELS] = {"Y_ee", "Y_mumu", "Y_tautau", "Y_hadrons", "Y_plasmon_T",
                                                      "Y_plasmon_L"};
static const char *const f_names[FB_FI_N_CHANNELS] = {"fraction_ee",        "fraction_mumu",
                                                      "fraction_tautau",    "fraction_hadrons",
                                                      "fraction_plasmon_T", "fraction_plasmon_L"};

static int fi_setup(const fb_eval_args *args, fb_freezein *fi, fb_err *err) {
  fb_freezein_params par;
  fb_freezein_params_default(&par);
  par.T_reheat_GeV = fb_eval_number(args, "T_reheat_GeV");
  par.rtol = fb_eval_number(args, "rtol");
  return fb_freezein_init(fi, &par, err);
}

static void put_channels(fb_eval_output *out, const fb_freezein_result *r) {
  for (int i = 0; i < FB_FI_N_CHANNELS; i++) fb_eval_put(out, y_names[i], "", r->Y_channel[i]);
  for (int i = 0; i < FB_FI_N_CHANNELS; i++) fb_eval_put(out, f_names[i], "", r->Y > 0 ? r->Y_channel[i] / r->Y : NAN);
}

static int eval_freezein_target(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  fb_freezein fi;
  FB_CALL(err, fi_setup(args, &fi, err));
  const double m = fb_eval_number(args, "mass_GeV"), omega = fb_eval_number(args, "omega_h2");
  double Q = NAN;
  fb_freezein_result r;
  const int rc = fb_freezein_light_target_Q(&fi, m, omega, &Q, &r, err);
  fb_freezein_free(&fi);
  FB_CALL(err, rc);
  fb_eval_put(out, "Q", "", Q);
  fb_eval_put(out, "omega_h2_at_Q1", "", r.omega_h2);
  fb_eval_put(out, "Y_at_Q1", "", r.Y);
  fb_eval_put(out, "Y_target", "", r.Y * Q * Q);
  put_channels(out, &r);
  return FB_OK;
}

static int eval_freezein_heavy(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  fb_freezein fi;
  FB_CALL(err, fi_setup(args, &fi, err));
  const double m = fb_eval_number(args, "mass_GeV"), mA = fb_eval_number(args, "mA_GeV");
  const double aD = fb_eval_number(args, "alpha_D"), omega = fb_eval_number(args, "omega_h2");
  double eps = NAN;
  fb_freezein_result r;
  const int rc = fb_freezein_heavy_target_eps(&fi, m, mA, aD, omega, &eps, &r, err);
  fb_freezein_free(&fi);
  FB_CALL(err, rc);
  fb_eval_put(out, "epsilon", "", eps);
  fb_eval_put(out, "Q_eff_light_limit", "", eps * sqrt(aD / FB_ALPHA_EM)); /* eps g_D/e */
  fb_eval_put(out, "omega_h2", "", r.omega_h2);
  fb_eval_put(out, "Y", "", r.Y);
  fb_eval_put(out, "width_visible_GeV", "GeV", r.width_vis_GeV);
  fb_eval_put(out, "width_invisible_GeV", "GeV", r.width_inv_GeV);
  put_channels(out, &r);
  return FB_OK;
}

#define FI_COMMON_PARAMS                                                                                          \
  {"omega_h2", "", NULL, 0.0, 10.0, "0.120", "relic density to reach (Planck 2018: 0.120)"},                      \
      {"T_reheat_GeV", "GeV", NULL, 1e-3, 1e5, "1e4", "reheat temperature (production starts there)"},           \
  {                                                                                                               \
    "rtol", "", NULL, 0.0, 1e-2, "1e-4", "relative quadrature tolerance (>= 1e-5)"                                \
  }

const fb_eval_module fb_eval_freezein_target = {
    "freezein-target",
    "light-mediator freeze-in: millicharge Q = eps g_D/e of Dirac chi with Omega h^2 = omega_h2 "
    "(f fbar -> chi chibar incl. hadrons via R, plasmon decay)",
    4,
    {{"mass_GeV", "GeV", NULL, 1e-6, 1e3, NULL, "dark-matter mass m_chi"}, FI_COMMON_PARAMS},
    eval_freezein_target,
};

const fb_eval_module fb_eval_freezein_heavy = {
    "freezein-heavy",
    "heavy-mediator freeze-in (m_A' > 2 m_chi): kinetic mixing eps with Omega h^2 = omega_h2 "
    "(f fbar -> A'(*) -> chi chibar, full Breit-Wigner)",
    6,
    {{"mass_GeV", "GeV", NULL, 1e-6, 1e3, NULL, "dark-matter mass m_chi"},
     {"mA_GeV", "GeV", NULL, 0.0, 1e3, NULL, "dark-photon mass m_A' (> 2 m_chi)"},
     {"alpha_D", "", NULL, 0.0, 1.0, "0.5", "dark coupling g_D^2/(4 pi)"},
     FI_COMMON_PARAMS},
    eval_freezein_heavy,
};
