/**
 * @file eval_late_decay.c
 * @brief `fipbounds eval late-decay mass_GeV= tau_s= n_over_ngamma= T0_MeV= br_photon= br_ee=
 *        [spectrum=full|universal] [--json]`: photodisintegration of the light nuclei by the
 *        electromagnetic cascade of a late-decaying particle X (issue 15), with the inputs of
 *        ACROPOLIS's `decay` model (arXiv:1808.09324, 2011.06518).
 *
 * Physics in src/bbn/bbn_photodis.c (bbn_late_decay_eval: BBN for the same history, n_X/s from
 * n_over_ngamma at T0, photodisintegration from 10 keV to t = 40 tau) and bbn_cascade.c. The
 * verdict is that of the BBN-bands work (bbn_chi2.c: Delta chi^2 of Yp and D/H to standard BBN).
 */
#include <string.h>

#include "bbn.h"
#include "bbn_photodis.h"
#include "fb_eval.h"

void eval_bbn_put_abundances(fb_eval_output *out, const bbn_result *r); /* eval_bbn.c */

static int eval_late_decay(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  bbn_late_decay_in in;
  in.mass_GeV = fb_eval_number(args, "mass_GeV");
  in.tau_s = fb_eval_number(args, "tau_s");
  in.n_over_ngamma = fb_eval_number(args, "n_over_ngamma");
  in.T0_MeV = fb_eval_number(args, "T0_MeV");
  in.br_photon = fb_eval_number(args, "br_photon");
  in.br_ee = fb_eval_number(args, "br_ee");
  in.omega_b_h2 = fb_eval_number(args, "omega_b_h2");
  in.universal = strcmp(fb_eval_text(args, "spectrum"), "universal") == 0;
  FB_TEST(err, in.br_photon + in.br_ee > 1.0 + 1e-9, FB_ERR_INPUT, "br_photon + br_ee = %g > 1",
          in.br_photon + in.br_ee);
  bbn_tables tab;
  FB_CALL(err, bbn_tables_init(&tab, err));
  bbn_cascade_ws ws;
  int rc = bbn_cascade_ws_init(&ws, err);
  bbn_late_decay_out o;
  if (rc == FB_OK) rc = bbn_late_decay_eval(&tab, &ws, &in, &o, err);
  bbn_cascade_ws_free(&ws);
  bbn_tables_free(&tab);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "late decay");
  bbn_verdict v;
  bbn_verdict_eval(&o.after, &o.sbbn, NULL, &v);
  eval_bbn_put_abundances(out, &o.after);
  fb_eval_put(out, "chi2", "", v.chi2);
  fb_eval_put(out, "chi2_sbbn", "", v.chi2_sbbn);
  fb_eval_put(out, "delta_chi2", "", v.delta_chi2);
  fb_eval_put(out, "excluded", "", v.excluded_bbn);
  fb_eval_put(out, "excluded_Yp", "", v.excluded_Yp);
  fb_eval_put(out, "excluded_D_H", "", v.excluded_DH);
  fb_eval_put_text(out, "criterion", "delta_chi2 = chi2 - chi2_sbbn > 5.99 (Yp and D/H, 2 dof, 95% CL)");
  fb_eval_put(out, "D_H_before", "", o.before.D_H);
  fb_eval_put(out, "He3_H_before", "", o.before.He3_H);
  fb_eval_put(out, "Li7_H_before", "", o.before.Li7_H);
  fb_eval_put(out, "Yp_before", "", o.before.Yp);
  fb_eval_put(out, "D_H_sbbn", "", o.sbbn.D_H);
  fb_eval_put(out, "He3_H_sbbn", "", o.sbbn.He3_H);
  fb_eval_put(out, "Li7_H_sbbn", "", o.sbbn.Li7_H);
  fb_eval_put(out, "Yp_sbbn", "", o.sbbn.Yp);
  fb_eval_put(out, "nX_over_s", "", o.nX_over_s);
  fb_eval_put(out, "rhoX_over_rhorad_max", "", o.pd.rhoX_over_rhorad_max);
  fb_eval_put(out, "bbn_with_decay", "", o.bbn_with_decay);
  fb_eval_put(out, "n_spectra", "", o.pd.n_spectra);
  fb_eval_put(out, "cpu_s_photodis", "s", o.pd.time_s);
  return FB_OK;
}

const fb_eval_module fb_eval_late_decay = {
    "late-decay",
    "photodisintegration after BBN by the electromagnetic cascade of a late-decaying X (photon and e+e- "
    "lines + FSR; cascade on the thermal background): Yp, D/H, 3He/H, 7Li/H after the decays, before, "
    "standard, chi2, Delta chi2 to standard BBN, excluded (95% CL)",
    8,
    {{"mass_GeV", "GeV", NULL, 1e-3, 1e2, NULL, "mass of X [1e-3, 100] GeV"},
     {"tau_s", "s", NULL, 1e2, 1e12, NULL, "lifetime of X [1e2, 1e12] s"},
     {"n_over_ngamma", "", NULL, -1e-300, 1e3, NULL, "n_X / n_gamma at T0_MeV (before decay)"},
     {"T0_MeV", "MeV", NULL, 1.0, 30.0, "10", "temperature of n_over_ngamma [1, 30] MeV"},
     {"br_photon", "", NULL, -1e-300, 1.0, "1", "BR(X -> gamma gamma)"},
     {"br_ee", "", NULL, -1e-300, 1.0, "0", "BR(X -> e+ e-)"},
     {"spectrum", "", "full|universal", 0, 0, "full", "cascade spectrum: full solution (default) or the universal spectrum"},
     {"omega_b_h2", "", NULL, 0.001, 0.1, "0.02242", "baryon density Omega_b h^2"}},
    eval_late_decay,
};
