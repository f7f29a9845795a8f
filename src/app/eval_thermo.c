/**
 * @file eval_thermo.c
 * @brief `fipbounds eval thermo T_GeV=...`: SM plasma g_* and the radiation-era background.
 */
#include "fb_cosmo.h"
#include "fb_eval.h"
#include "fb_thermo.h"

static int eval_thermo(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  fb_thermo th;
  FB_CALL(err, fb_thermo_init(&th, err));
  const double T_GeV = fb_eval_number(args, "T_GeV");
  double g_rho = 0.0, g_s = 0.0, t_s = 0.0;
  int rc = fb_thermo_gstar(&th, T_GeV, &g_rho, &g_s, err);
  if (rc == FB_OK) rc = fb_cosmo_time_s(&th, T_GeV, &t_s, err);
  if (rc == FB_OK) {
    fb_eval_put(out, "T_GeV", "GeV", T_GeV);
    fb_eval_put(out, "gstar_rho", "", g_rho);
    fb_eval_put(out, "gstar_s", "", g_s);
    fb_eval_put(out, "dlngs_dlnT", "", fb_thermo_dlngs_dlnT(&th, T_GeV));
    fb_eval_put(out, "T_nu_over_T", "", fb_thermo_T_nu_over_T(&th, T_GeV));
    fb_eval_put(out, "hubble_GeV", "GeV", fb_cosmo_hubble_GeV(&th, T_GeV));
    fb_eval_put(out, "entropy_density_GeV3", "GeV^3", fb_cosmo_entropy_density_GeV3(&th, T_GeV));
    fb_eval_put(out, "photon_number_density_GeV3", "GeV^3", fb_cosmo_photon_number_density_GeV3(T_GeV));
    fb_eval_put(out, "time_s", "s", t_s);
  }
  fb_thermo_free(&th);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "thermodynamics at T");
  return FB_OK;
}

const fb_eval_module fb_eval_thermo = {
    "thermo",
    "Standard-Model plasma and background: g_*rho, g_*s, d ln g_*s/d ln T, T_nu/T, H, s, n_gamma, t",
    1,
    {{"T_GeV", "GeV", NULL, 0.0, 1e4, NULL, "photon temperature (tabulated 1e-5 to 1e4 GeV)"}},
    eval_thermo,
};
