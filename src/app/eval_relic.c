/**
 * @file eval_relic.c
 * @brief Relic-abundance eval modules (src/boltzmann):
 *   `fipbounds eval relic model=bc2 spin=... mass_GeV=... y=... [ratio alpha_D delta]`
 *       Omega h^2 and the freeze-out point of BC2 light dark matter;
 *   `fipbounds eval relic-target model=bc2 spin=... mass_GeV=... [ratio alpha_D delta omega_h2]`
 *       the thermal target y with Omega h^2 = 0.120;
 *   `fipbounds eval wimp-swave mass_GeV=... [g omega_h2]`
 *       the required constant s-wave <sigma v> of a self-conjugate relic.
 */
#include <math.h>

#include "fb_bc2.h"
#include "fb_constants.h"
#include "fb_eval.h"

static int bc2_point_from_args(const fb_eval_args *args, fb_bc2_point *pt, fb_err *err) {
  FB_CALL(err, fb_bc2_spin_parse(fb_eval_text(args, "spin"), &pt->spin, err));
  pt->mass_GeV = fb_eval_number(args, "mass_GeV");
  pt->ratio = fb_eval_number(args, "ratio");
  pt->alpha_D = fb_eval_number(args, "alpha_D");
  pt->delta = fb_eval_number(args, "delta");
  pt->epsilon = 1e-6; /* replaced by the caller */
  return FB_OK;
}

static void put_common(fb_eval_output *out, const fb_bc2_point *pt) {
  fb_eval_put_text(out, "model", "bc2");
  fb_eval_put_text(out, "spin", fb_bc2_spin_name(pt->spin));
  fb_eval_put(out, "mass_GeV", "GeV", pt->mass_GeV);
  fb_eval_put(out, "ratio", "", pt->ratio);
  fb_eval_put(out, "alpha_D", "", pt->alpha_D);
  if (pt->spin == FB_BC2_PSEUDODIRAC) fb_eval_put(out, "delta", "", pt->delta);
}

static int eval_relic(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  fb_bc2_point pt;
  FB_CALL(err, bc2_point_from_args(args, &pt, err));
  const double y = fb_eval_number(args, "y");
  pt.epsilon = fb_bc2_epsilon_from_y(y, pt.alpha_D, pt.ratio);
  FB_TEST(err, !(pt.epsilon <= 1.0), FB_ERR_RANGE,
          "y = %g gives epsilon = %g > 1 at alpha_D = %g, ratio = %g: allowed y <= alpha_D/ratio^4 = %g", y,
          pt.epsilon, pt.alpha_D, pt.ratio, fb_bc2_y_from_epsilon(1.0, pt.alpha_D, pt.ratio));
  fb_bc2 m;
  FB_CALL(err, fb_bc2_init(&m, NULL, err));
  fb_relic_result res;
  double vis = 0.0, inv = 0.0, sv_cmb = 0.0;
  int rc = fb_bc2_omega_h2(&m, &pt, &res, err);
  if (rc == FB_OK) rc = fb_bc2_widths(&m, &pt, &vis, &inv, err);
  if (rc == FB_OK) rc = fb_bc2_sigmav_cmb_cm3_s(&m, &pt, &sv_cmb, err);
  fb_bc2_free(&m);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "BC2 relic abundance");
  put_common(out, &pt);
  fb_eval_put(out, "y", "", y);
  fb_eval_put(out, "epsilon", "", pt.epsilon);
  fb_eval_put(out, "omega_h2", "", res.omega_h2);
  fb_eval_put(out, "x_freezeout", "", res.x_freezeout);
  fb_eval_put(out, "sigmav_freezeout_cm3_s", "cm^3/s", res.sigmav_xf_GeVm2 * FB_INV_GEV2_TO_CM3_S);
  fb_eval_put(out, "width_visible_GeV", "GeV", vis);
  fb_eval_put(out, "width_invisible_GeV", "GeV", inv);
  fb_eval_put_text(out, "cmb_swave", fb_bc2_point_is_swave(&pt) ? "yes" : "no");
  fb_eval_put(out, "sigmav_cmb_cm3_s", "cm^3/s", sv_cmb);
  return FB_OK;
}

static int eval_relic_target(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  fb_bc2_point pt;
  FB_CALL(err, bc2_point_from_args(args, &pt, err));
  const double omega = fb_eval_number(args, "omega_h2");
  fb_bc2 m;
  FB_CALL(err, fb_bc2_init(&m, NULL, err));
  double y = 0.0;
  fb_relic_result res;
  int rc = fb_bc2_target_y(&m, &pt, omega, &y, &res, err);
  fb_bc2_free(&m);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "BC2 thermal target");
  put_common(out, &pt);
  fb_eval_put(out, "y", "", y);
  fb_eval_put(out, "epsilon", "", fb_bc2_epsilon_from_y(y, pt.alpha_D, pt.ratio));
  fb_eval_put(out, "omega_h2", "", res.omega_h2);
  fb_eval_put(out, "x_freezeout", "", res.x_freezeout);
  return FB_OK;
}

static int eval_wimp_swave(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  fb_thermo th;
  FB_CALL(err, fb_thermo_init(&th, err));
  fb_relic r;
  fb_relic_params par;
  fb_relic_params_default(&par);
  int rc = fb_relic_init(&r, &th, &par, err);
  double sv = 0.0;
  fb_relic_result res;
  const double m = fb_eval_number(args, "mass_GeV"), g = fb_eval_number(args, "g");
  if (rc == FB_OK) rc = fb_relic_required_sigmav_swave(&r, m, g, fb_eval_number(args, "omega_h2"), &sv, &res, err);
  fb_relic_free(&r);
  fb_thermo_free(&th);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "required s-wave cross section");
  fb_eval_put(out, "mass_GeV", "GeV", m);
  fb_eval_put(out, "g", "", g);
  fb_eval_put(out, "sigmav_cm3_s", "cm^3/s", sv);
  fb_eval_put(out, "sigmav_nonselfconjugate_cm3_s", "cm^3/s", 2.0 * sv);
  fb_eval_put(out, "x_freezeout", "", res.x_freezeout);
  fb_eval_put(out, "omega_h2", "", res.omega_h2);
  return FB_OK;
}

#define BC2_COMMON_PARAMS                                                                                      \
  {"model", "", "bc2", 0.0, 0.0, "bc2", "model (PBC benchmark BC2: light dark matter through a dark photon)"}, \
      {"spin", "", FB_BC2_SPIN_CHOICES, 0.0, 0.0, NULL, "dark-matter spin/type"},                              \
      {"mass_GeV", "GeV", NULL, 1e-4, 100.0, NULL, "dark-matter mass m_chi (m_chi1 for pseudodirac)"},         \
      {"ratio", "", NULL, 0.1, 100.0, "3", "m_A'/m_chi"},                                                       \
      {"alpha_D", "", NULL, 0.0, 1.0, "0.5", "dark coupling alpha_D = g_D^2/(4 pi)"},                          \
      {"delta", "", NULL, 0.0, 1.0, "0.1", "pseudodirac mass splitting (m_chi2 - m_chi1)/m_chi1 (ignored otherwise)"}

const fb_eval_module fb_eval_relic = {
    "relic",
    "BC2 freeze-out: Omega h^2 and x_freezeout at (m_chi, y = eps^2 alpha_D (m_chi/m_A')^4)",
    7,
    {BC2_COMMON_PARAMS, {"y", "", NULL, 0.0, 1.0, NULL, "y = eps^2 alpha_D (m_chi/m_A')^4"}},
    eval_relic,
};

const fb_eval_module fb_eval_relic_target = {
    "relic-target",
    "BC2 thermal target: y such that Omega h^2 = omega_h2 (Planck 2018: 0.120)",
    7,
    {BC2_COMMON_PARAMS, {"omega_h2", "", NULL, 0.0, 10.0, "0.120", "relic density to reach"}},
    eval_relic_target,
};

const fb_eval_module fb_eval_wimp_swave = {
    "wimp-swave",
    "required constant s-wave <sigma v> of a self-conjugate thermal relic (twice that if not self-conjugate)",
    3,
    {{"mass_GeV", "GeV", NULL, 1e-3, 1e5, NULL, "relic mass"},
     {"g", "", NULL, 0.0, 100.0, "2", "internal degrees of freedom (2: Majorana fermion)"},
     {"omega_h2", "", NULL, 0.0, 10.0, "0.120", "relic density to reach"}},
    eval_wimp_swave,
};
