/**
 * @file eval_darkphoton.c
 * @brief `fipbounds eval darkphoton mass_GeV=... epsilon=...`: BC1 widths, lifetime, c*tau, BRs.
 */
#include "fb_constants.h"
#include "fb_darkphoton.h"
#include "fb_eval.h"

static int eval_darkphoton(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  fb_rratio R;
  FB_CALL(err, fb_rratio_init(&R, err));
  fb_darkphoton_decay d;
  int rc = fb_darkphoton_decay_compute(&R, fb_eval_number(args, "mass_GeV"), fb_eval_number(args, "epsilon"), &d, err);
  fb_rratio_free(&R);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "fb_darkphoton_decay_compute");
  fb_eval_put(out, "mass_GeV", "GeV", d.mass_GeV);
  fb_eval_put(out, "epsilon", "", d.epsilon);
  fb_eval_put(out, "width_GeV", "GeV", d.width_GeV);
  fb_eval_put(out, "width_ee_GeV", "GeV", d.width_ee_GeV);
  fb_eval_put(out, "width_mumu_GeV", "GeV", d.width_mumu_GeV);
  fb_eval_put(out, "width_tautau_GeV", "GeV", d.width_tautau_GeV);
  fb_eval_put(out, "width_hadrons_GeV", "GeV", d.width_hadrons_GeV);
  fb_eval_put(out, "tau_s", "s", d.tau_s);
  fb_eval_put(out, "ctau_m", "m", d.ctau_m);
  fb_eval_put(out, "br_ee", "", d.br_ee);
  fb_eval_put(out, "br_mumu", "", d.br_mumu);
  fb_eval_put(out, "br_tautau", "", d.br_tautau);
  fb_eval_put(out, "br_hadrons", "", d.br_hadrons);
  return FB_OK;
}

const fb_eval_module fb_eval_darkphoton = {
    "darkphoton",
    "BC1 dark photon: partial widths, lifetime, c*tau and branching ratios",
    2,
    {{"mass_GeV", "GeV", NULL, 2.0 * FB_ME_GEV, FB_DARKPHOTON_MASS_MAX_GEV, NULL, "dark photon mass (2 m_e < m: the validity range of fb_darkphoton)"},
     {"epsilon", "", NULL, 0.0, 1.0, NULL, "kinetic mixing"}},
    eval_darkphoton,
};
