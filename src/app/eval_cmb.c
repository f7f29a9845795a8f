/**
 * @file eval_cmb.c
 * @brief `fipbounds eval cmb-decay mass_GeV=... tau_s=... (mY_GeV=... | n_over_ngamma=... T0_MeV=...)
 *        f_em=... [--json]`: CMB spectral distortions (mu, y), the released energy Delta rho/rho and the
 *        recombination-era injection ratio of a decaying particle, with the excluded flags
 *        (src/cmb/fb_cmb.h). With model=bc1|bc9 and coupling=..., tau_s and f_em come from the
 *        benchmark's decay record (fb_cmb_fip_tau_f_em); tau_s / f_em given explicitly win.
 */
#include <math.h>
#include <string.h>

#include "fb_cmb.h"
#include "fb_constants.h"
#include "fb_eval.h"

static int eval_cmb_decay(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  const double mass = fb_eval_number(args, "mass_GeV");
  double tau = fb_eval_number(args, "tau_s"), f_em = fb_eval_number(args, "f_em");
  const char *model = fb_eval_text(args, "model");
  if (strcmp(model, "none") != 0) {
    FB_TEST(err, !fb_eval_given(args, "coupling"), FB_ERR_INPUT, "model=%s needs coupling=<value>", model);
    double tau_m, f_m;
    FB_CALL(err, fb_cmb_fip_tau_f_em(model, mass, fb_eval_number(args, "coupling"), &tau_m, &f_m, err));
    if (!fb_eval_given(args, "tau_s")) tau = tau_m;
    if (!fb_eval_given(args, "f_em")) f_em = f_m;
  } else {
    FB_TEST(err, !fb_eval_given(args, "tau_s"), FB_ERR_INPUT, "tau_s=<value> is required (or model=bcN coupling=...)");
  }
  const int have_mY = fb_eval_given(args, "mY_GeV"), have_n = fb_eval_given(args, "n_over_ngamma");
  FB_TEST(err, have_mY == have_n, FB_ERR_INPUT, "give exactly one of mY_GeV=... or n_over_ngamma=... (with T0_MeV=...)");
  double mY = fb_eval_number(args, "mY_GeV");
  if (have_n) {
    double Y;
    FB_CALL(err, fb_cmb_yield_from_n_over_ngamma(fb_eval_number(args, "n_over_ngamma"), fb_eval_number(args, "T0_MeV"), tau,
                                                 &Y, err));
    mY = mass * Y;
  }
  fb_cmb_params p;
  fb_cmb_params_default(&p);
  p.jbb = strcmp(fb_eval_text(args, "visibility"), "improved") ? FB_CMB_JBB_SIMPLE : FB_CMB_JBB_IMPROVED;
  p.z_eff = fb_eval_number(args, "z_eff");
  FB_CALL(err, fb_cmb_aniso_from_name(fb_eval_text(args, "aniso_method"), &p.aniso, err));
  FB_CALL(err, fb_cmb_chi_from_name(fb_eval_text(args, "chi_type"), &p.chi, err));
  fb_cmb c;
  fb_cmb_result r;
  int rc;
  FB_CALL(err, fb_cmb_init(&c, &p, err));
  FB_CALL_GOTO(err, rc, fb_cmb_decay_eval(&c, tau, mY, f_em, &r, err), done);
  fb_eval_put(out, "mass_GeV", "GeV", mass);
  fb_eval_put(out, "tau_s", "s", tau);
  fb_eval_put(out, "f_em", "", f_em);
  fb_eval_put(out, "mY_GeV", "GeV", mY);
  fb_eval_put(out, "omega_h2_undecayed", "", mY * c.s0_cm3 / FB_RHO_CRIT_H2_GEV_CM3);
  fb_eval_put(out, "z_decay", "", r.z_decay);
  fb_eval_put(out, "drho_rho", "", r.drho_rho);
  fb_eval_put(out, "mu", "", r.mu);
  fb_eval_put(out, "y", "", r.y);
  fb_eval_put(out, "R_aniso", "", r.R_aniso);
  if (p.aniso != FB_CMB_ANISO_POWER) {
    fb_eval_put(out, "R_aniso_late", "", r.R_late);
    fb_eval_put(out, "R_aniso_last_scattering", "", r.R_ls);
    fb_eval_put(out, "R_aniso_visibility", "", r.R_vis);
  }
  fb_eval_put(out, "mu_max", "", p.mu_max);
  fb_eval_put(out, "y_max", "", p.y_max);
  fb_eval_put(out, "excluded_mu", "", r.excluded_mu);
  fb_eval_put(out, "excluded_y", "", r.excluded_y);
  fb_eval_put(out, "excluded_anisotropies", "", r.excluded_aniso);
  fb_eval_put(out, "excluded", "", r.excluded_mu || r.excluded_y || r.excluded_aniso);
  /* photons injected at x = E/T < FB_CMB_XINJ_MIN: the heating treatment is only indicative */
  fb_eval_put(out, "low_energy_injection", "", fb_cmb_low_energy_injection(&c, mass, r.z_decay));
  rc = FB_OK;
done:
  fb_cmb_free(&c);
  return rc;
}

const fb_eval_module fb_eval_cmb_decay = {
    "cmb-decay",
    "CMB spectral distortions (FIRAS mu, y) and recombination-era injection (Planck) of a decaying particle",
    12,
    {{"mass_GeV", "GeV", NULL, 0.0, 1e6, NULL, "mass of the decaying particle"},
     {"tau_s", "s", NULL, 0.0, 1e30, "1e10", "lifetime (required unless model=bcN gives it)"},
     {"mY_GeV", "GeV", NULL, -1e-300, 1e10, "0", "m Y_X = m n_X/s before decays (or n_over_ngamma)"},
     {"n_over_ngamma", "", NULL, -1e-300, 1e20, "0", "n_X/n_gamma at T0_MeV (ACROPOLIS convention; or mY_GeV)"},
     {"T0_MeV", "MeV", NULL, 1e-3, 1e5, "10", "temperature at which n_over_ngamma is given"},
     {"f_em", "", NULL, -1e-300, 1.0, "1", "fraction of the mass released electromagnetically"},
     {"model", "", "none|bc1|bc9", 0, 0, "none", "take tau_s and f_em from this benchmark's decays"},
     {"coupling", "", NULL, 0.0, 1.0, "1e-12", "coupling of model (bc1: epsilon, bc9: g_agamma in GeV^-1)"},
     {"visibility", "", "simple|improved", 0, 0, "simple", "J_bb: simple or improved (arXiv:1506.06582)"},
     {"z_eff", "", NULL, 10.0, 1e4, "600", "redshift of the late projection (window) or of the injected power (power)"},
     {"aniso_method", "", "window|window_max|power|visibility", 0, 0, "visibility",
      "anisotropy bound: visibility (Delta x_e(z)/x_e weighted by the Thomson visibility, default), recombination window "
      "(Delta x_e at z_eff), window_max (also Delta x_e/x_e at z_star) or the injected power at z_eff (fb_cmb.h)"},
     {"chi_type", "", "ck2004|galli2013", 0, 0, "ck2004",
      "ionisation/excitation split of the deposited energy: Chen & Kamionkowski (1 - x_e)/3 or Galli et al. arXiv:1306.0563"}},
    eval_cmb_decay,
};
