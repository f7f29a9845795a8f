/**
 * @file eval_late_decay.c
 * @brief `fipbounds eval late-decay mass_GeV= tau_s= n_over_ngamma= T0_MeV= br_photon= br_ee=
 *        [spectrum=full|universal] [decay_window=full|acropolis] [--json]`: photodisintegration of the light nuclei by the
 *        electromagnetic cascade of a late-decaying particle X (issue 15), with the inputs of
 *        ACROPOLIS's `decay` model (arXiv:1808.09324, 2011.06518).
 *        `fipbounds eval late-decay model=bc1|bc4|bc6|bc7|bc8|bc9|bc11 mass_GeV= coupling= [T_RH_GeV=]
 *        [production=on|off]`: one point of the benchmark's photodisintegration plane (scan model
 *        bcN_photodis, run through eval_scan_point.c, so the numbers are the scan point's): lifetime
 *        and injected classes from the particle model's decays, the abundance from its thermal history
 *        (stated in the key `assumption`), BBN itself standard as on the plane.
 *
 * Physics in src/bbn/bbn_photodis.c (bbn_late_decay_eval: BBN for the same history, n_X/s from
 * n_over_ngamma at T0, photodisintegration from 10 keV to t = 40 tau) and bbn_cascade.c; the
 * benchmark form in src/bbn/fb_model_photodis.c. The verdict `excluded` is the photodisintegration one of
 * /bounds/photodisintegration (bbn_photodis_excluded): Delta chi^2 of Yp and D/H to standard BBN > 5.99 (bbn_chi2.c, the
 * BBN-bands criterion) or, with he3_d=on (default), 3He/D > 1.10 (FB_HE3_D_MAX). Separate verdicts, not in `excluded`
 * (key excluded_includes states it): excluded_neff, |Neff_rec - 2.99| > 0.34 with N_eff at recombination from the one
 * computation of `eval bbn-decay` (bbn_decay_neff / bbn_solve, src/bbn/bbn_neff_rec.c), and excluded_cmb. Both forms also
 * give the CMB distortions mu, y, the released energy drho_rho, the residual-era fraction f_residual, the energy deposited
 * during recombination E_dep_rec_eV_per_H and the recombination-era ratio R_aniso of the same decay and abundance (src/cmb,
 * the defaults of `eval cmb-decay`).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bbn.h"
#include "bbn_photodis.h"
#include "fb_cmb.h"
#include "fb_constants.h"
#include "fb_eval.h"
#include "fb_model.h"

void eval_bbn_put_abundances(fb_eval_output *out, const bbn_result *r); /* eval_bbn.c */

/* The CMB spectral distortions and recombination-era injection of the same decay (`eval cmb-decay` with its
 * defaults, src/cmb): mu, y, drho_rho (the released energy), R_aniso, their verdicts (excluded_cmb) */
static int late_decay_put_cmb(fb_eval_output *out, double mass, double tau_s, double mY_GeV, double f_em, fb_err *err) {
  fb_cmb_params p;
  fb_cmb_params_default(&p);
  fb_eval_output cmb;
  memset(&cmb, 0, sizeof cmb);
  FB_CALL(err, eval_cmb_put(&cmb, &p, NULL, mass, tau_s, mY_GeV, f_em, 0, "excluded_cmb", err));
  for (size_t i = 0; i < cmb.n; i++) /* tau_s, mY_GeV are already there */
    if (strcmp(cmb.r[i].name, "tau_s") != 0 && strcmp(cmb.r[i].name, "mY_GeV") != 0)
      fb_eval_put(out, cmb.r[i].name, cmb.r[i].unit, cmb.r[i].value);
  out->dropped += cmb.dropped;
  return FB_OK;
}

/* The verdicts: excluded (the mask of /bounds/photodisintegration, bbn_photodis_excluded), excluded_He3_D, excluded_neff
 * (the N_eff band of `eval bbn-decay`, bbn_chi2.c; not in excluded) and the texts stating which enter excluded */
static void late_decay_put_verdicts(fb_eval_output *out, double range, double dchi2, double he3d, double neff_rec,
                                    int he3_d) {
  fb_eval_put(out, "excluded", "", bbn_photodis_excluded(range, dchi2, he3d, he3_d));
  fb_eval_put(out, "excluded_He3_D", "", range == 0.0 && he3d > FB_HE3_D_MAX);
  /* Neff_rec = 0: not computed (the plane's value where tau_s or m Y is outside bbn_decay_check), not excluded */
  fb_eval_put(out, "excluded_neff", "", neff_rec > 0.0 && fabs(neff_rec - FB_NEFF_PLANCK18) > FB_NEFF_PLANCK18_95);
  fb_eval_put_text(out, "criterion", he3_d ? "delta_chi2 = chi2 - chi2_sbbn > 5.99 (Yp and D/H, 2 dof, 95% CL) or 3He/D > "
                                             "1.10 (Geiss & Gloeckler 2003: 0.83 + 0.27); tau_range != 0: not "
                                             "photodisintegrating, never excluded; neff: |Neff_rec - 2.99| > 0.34"
                                           : "delta_chi2 = chi2 - chi2_sbbn > 5.99 (Yp and D/H, 2 dof, 95% CL); tau_range "
                                             "!= 0: not photodisintegrating, never excluded; neff: |Neff_rec - 2.99| > 0.34");
  fb_eval_put_text(out, "excluded_includes", he3_d ? "delta_chi2, He3_D (not excluded_neff, not excluded_cmb)"
                                                   : "delta_chi2 (not excluded_He3_D, excluded_neff, excluded_cmb)");
}

/* model=bcN: the point of scan model bcN_photodis with [photodis_fip] T_RH_GeV and production */
static int eval_late_decay_model(const fb_eval_args *args, const char *model, fb_eval_output *out, fb_err *err) {
  static const char *generic_only[] = {"tau_s", "n_over_ngamma", "T0_MeV", "br_photon", "br_ee", "spectrum", "omega_b_h2", "decay_window"};
  for (size_t i = 0; i < sizeof generic_only / sizeof generic_only[0]; i++)
    FB_TEST(err, fb_eval_given(args, generic_only[i]), FB_ERR_INPUT,
            "with model=%s the lifetime, channels and abundance come from the model (scan model %s_photodis): do not "
            "give %s",
            model, model, generic_only[i]);
  FB_TEST(err, !fb_eval_given(args, "coupling"), FB_ERR_INPUT, "model=%s needs coupling=<value>", model);
  const double mass = fb_eval_number(args, "mass_GeV"), coupling = fb_eval_number(args, "coupling");
  char scan[32], trh[64], prod[64];
  snprintf(scan, sizeof scan, "%s_photodis", model);
  snprintf(trh, sizeof trh, "photodis_fip.T_RH_GeV=%s", fb_eval_text(args, "T_RH_GeV"));
  snprintf(prod, sizeof prod, "photodis_fip.production=%s",
           strcmp(fb_eval_text(args, "production"), "on") == 0 ? "true" : "false");
  const int he3_d = strcmp(fb_eval_text(args, "he3_d"), "on") == 0;
  const char *sets[3] = {trh, prod, he3_d ? "photodis_fip.he3_d=true" : "photodis_fip.he3_d=false"};
  static eval_scan_point_result pt; /* its texts are printed after this returns */
  FB_CALL(err, eval_scan_point(scan, sets, 3, mass, coupling, &pt, err));
  /* n_X/n_gamma at the scan's T0 = m/25 within [0.1, 10] MeV (fb_model_photodis.c), ACROPOLIS's convention */
  const double T0_MeV = 1e3 * fmin(1e-2, fmax(1e-4, mass / 25.0));
  double nX_per_ngamma;
  FB_CALL(err, bbn_late_decay_nX_over_s(1.0, T0_MeV, &nX_per_ngamma, err));
  const double range = eval_scan_q(&pt, "tau_range"), dchi2 = eval_scan_q(&pt, "delta_chi2");
  fb_eval_put_text(out, "model", model);
  fb_eval_put_text(out, "scan_model", pt.ops->name);
  fb_eval_put(out, "mass_GeV", "GeV", mass);
  fb_eval_put(out, "coupling", "", coupling);
  fb_eval_put(out, "Yp", "", eval_scan_q(&pt, "Yp"));
  fb_eval_put(out, "Yp_mass_fraction", "", eval_scan_q(&pt, "Yp_mass_fraction"));
  fb_eval_put(out, "D_H", "", eval_scan_q(&pt, "D_H"));
  fb_eval_put(out, "He3_H", "", eval_scan_q(&pt, "He3_H"));
  fb_eval_put(out, "Li7_H", "", eval_scan_q(&pt, "Li7_H"));
  const double he3d = eval_scan_q(&pt, "He3_D"), neff_rec = eval_scan_q(&pt, "Neff_rec");
  fb_eval_put(out, "He3_D", "", he3d);
  fb_eval_put(out, "Neff_rec", "", neff_rec);
  fb_eval_put(out, "chi2", "", eval_scan_q(&pt, "chi2"));
  fb_eval_put(out, "delta_chi2", "", dchi2);
  late_decay_put_verdicts(out, range, dchi2, he3d, neff_rec, he3_d);
  fb_eval_put(out, "tau_range", "", range);
  fb_eval_put(out, "tau_s", "s", eval_scan_q(&pt, "tau_s"));
  fb_eval_put(out, "br_photon", "", eval_scan_q(&pt, "br_photon"));
  fb_eval_put(out, "br_ee", "", eval_scan_q(&pt, "br_ee"));
  fb_eval_put(out, "br_not_cascaded", "", eval_scan_q(&pt, "br_not_cascaded"));
  fb_eval_put(out, "f_em_cascaded", "", eval_scan_q(&pt, "f_em_cascaded"));
  fb_eval_put(out, "f_not_cascaded", "", eval_scan_q(&pt, "f_not_cascaded"));
  fb_eval_put(out, "nX_over_s", "", eval_scan_q(&pt, "nX_over_s"));
  fb_eval_put(out, "n_over_ngamma", "", eval_scan_q(&pt, "nX_over_s") / nX_per_ngamma);
  fb_eval_put(out, "T0_MeV", "MeV", T0_MeV);
  fb_eval_put(out, "mY_GeV", "GeV", eval_scan_q(&pt, "mY_GeV"));
  fb_eval_put(out, "T_RH_GeV", "GeV", fb_eval_number(args, "T_RH_GeV"));
  fb_eval_put(out, "rhoX_over_rhorad_max", "", eval_scan_q(&pt, "rhoX_over_rhorad_max"));
  fb_eval_put_text(out, "assumption", pt.assumption);
  /* the CMB bounds of the same decay and abundance, f_em as on the CMB planes (fb_cmb_f_em_from_decay) */
  double tau_cmb, f_em;
  FB_CALL(err, fb_cmb_fip_tau_f_em(model, mass, coupling, &tau_cmb, &f_em, err));
  /* the CMB stage takes m Y before decays (fb_cmb_decay_eval): mY_GeV is at T0, after the decays before T0
   * (review fix: each decay counted once; the scan model does the same for the cascade) */
  bbn_photodis_params pp;
  bbn_photodis_params_default(&pp);
  const double tau_s = eval_scan_q(&pt, "tau_s");
  const double mY_before = eval_scan_q(&pt, "mY_GeV") * bbn_photodis_before_decay_factor(T0_MeV, tau_s, pp.eta);
  fb_eval_put(out, "mY_before_decay_GeV", "GeV", mY_before);
  return late_decay_put_cmb(out, mass, tau_s, mY_before, f_em, err);
}

static int eval_late_decay(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  const char *model = fb_eval_text(args, "model");
  if (strcmp(model, "none") != 0) return eval_late_decay_model(args, model, out, err);
  static const char *model_only[] = {"coupling", "T_RH_GeV", "production"};
  for (size_t i = 0; i < sizeof model_only / sizeof model_only[0]; i++)
    FB_TEST(err, fb_eval_given(args, model_only[i]), FB_ERR_INPUT, "%s= needs model=bcN (the generic form takes tau_s, "
            "n_over_ngamma, T0_MeV, br_photon, br_ee)", model_only[i]);
  FB_TEST(err, !fb_eval_given(args, "tau_s") || !fb_eval_given(args, "n_over_ngamma"), FB_ERR_INPUT,
          "the generic form needs tau_s=<s> and n_over_ngamma=<n_X/n_gamma at T0_MeV> (or model=bcN coupling=...)");
  FB_TEST(err, fb_eval_number(args, "mass_GeV") > 1e2, FB_ERR_RANGE, "the generic form takes mass_GeV <= 100 (%g)",
          fb_eval_number(args, "mass_GeV"));
  bbn_late_decay_in in;
  in.mass_GeV = fb_eval_number(args, "mass_GeV");
  in.tau_s = fb_eval_number(args, "tau_s");
  in.n_over_ngamma = fb_eval_number(args, "n_over_ngamma");
  in.T0_MeV = fb_eval_number(args, "T0_MeV");
  in.br_photon = fb_eval_number(args, "br_photon");
  in.br_ee = fb_eval_number(args, "br_ee");
  in.omega_b_h2 = fb_eval_number(args, "omega_b_h2");
  in.universal = strcmp(fb_eval_text(args, "spectrum"), "universal") == 0;
  in.decay_window = strcmp(fb_eval_text(args, "decay_window"), "acropolis") == 0 ? BBN_PD_WINDOW_ACROPOLIS
                                                                                 : BBN_PD_WINDOW_FULL;
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
  const double he3d = o.after.D_H > 0.0 ? o.after.He3_H / o.after.D_H : INFINITY;
  fb_eval_put(out, "He3_D", "", he3d);
  /* N_eff at recombination: bbn_solve with X (tau <= 1e5 s) or its background alone (bbn_decay_neff), the numbers of
   * `eval bbn-decay` for the same decay */
  fb_eval_put(out, "Neff_rec", "", o.after.Neff_rec);
  fb_eval_put(out, "chi2", "", v.chi2);
  fb_eval_put(out, "chi2_sbbn", "", v.chi2_sbbn);
  fb_eval_put(out, "delta_chi2", "", v.delta_chi2);
  late_decay_put_verdicts(out, 0.0, v.delta_chi2, he3d, o.after.Neff_rec, strcmp(fb_eval_text(args, "he3_d"), "on") == 0);
  fb_eval_put(out, "excluded_Yp", "", v.excluded_Yp);
  fb_eval_put(out, "excluded_D_H", "", v.excluded_DH);
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
  fb_eval_put_text(out, "decay_window", in.decay_window == BBN_PD_WINDOW_ACROPOLIS ? "acropolis" : "full");
  fb_eval_put(out, "t_window_start_s", "s", o.pd.t_start_s);
  fb_eval_put(out, "decays_counted", "", o.pd.decays_counted);
  fb_eval_put(out, "tau_s", "s", in.tau_s);
  fb_eval_put(out, "mY_GeV", "GeV", in.mass_GeV * o.nX_over_s);
  /* the lines are all electromagnetic: f_em = br_photon + br_ee (the rest invisible) */
  return late_decay_put_cmb(out, in.mass_GeV, in.tau_s, in.mass_GeV * o.nX_over_s, fmin(1.0, in.br_photon + in.br_ee), err);
}

const fb_eval_module fb_eval_late_decay = {
    "late-decay",
    "photodisintegration after BBN by the electromagnetic cascade of a late-decaying X (photon and e+e- "
    "lines + FSR; cascade on the thermal background): Yp, D/H, 3He/H, 7Li/H, He3_D after the decays, before, "
    "standard, chi2, Delta chi2 to standard BBN, excluded (95% CL: Delta chi2 > 5.99, or 3He/D > 1.10 with he3_d=on; "
    "key excluded_includes), Neff_rec (N_eff at recombination, as eval bbn-decay) and excluded_neff; CMB mu, y, "
    "drho_rho, f_residual (residual-era energy fraction), E_dep_rec_eV_per_H (energy deposited per H atom during "
    "recombination, eV), R_aniso, excluded_cmb of the same decay; with model=bcN coupling=...: the point of "
    "the scan model bcN_photodis (lifetime, injected classes and abundance from the benchmark)",
    14,
    {{"model", "", "none|bc1|bc4|bc6|bc7|bc8|bc9|bc11", 0, 0, "none",
      "none: the generic X (tau_s, n_over_ngamma, br_photon, br_ee given); bcN: the point of scan model bcN_photodis"},
     {"mass_GeV", "GeV", NULL, 1e-3, 1e4, NULL, "mass of X (generic: [1e-3, 100] GeV; bcN: the model's range)"},
     {"coupling", "", NULL, 0.0, 1e3, "1e-12", "model=bcN: its coupling (bc1 epsilon, bc4 sin^2 theta, bc6-8 |U|^2, "
      "bc9 g_agamma, bc11 1/f_G in GeV^-1)"},
     {"T_RH_GeV", "GeV", NULL, 1e-2, 1e5, "1000", "model=bcN: start of its production ([photodis_fip] T_RH_GeV)"},
     {"production", "", "on|off", 0, 0, "on",
      "model=bcN: also produced by scatterings where src/production has it ([photodis_fip] production)"},
     {"tau_s", "s", NULL, 1e2, 1e12, "1e6", "generic form, must be given (the default is a placeholder): lifetime of X [1e2, 1e12] s"},
     {"n_over_ngamma", "", NULL, -1e-300, 1e3, "0", "generic form, must be given: n_X / n_gamma at T0_MeV before decay"},
     {"T0_MeV", "MeV", NULL, 1.0, 30.0, "10", "temperature of n_over_ngamma [1, 30] MeV"},
     {"br_photon", "", NULL, -1e-300, 1.0, "1", "BR(X -> gamma gamma)"},
     {"br_ee", "", NULL, -1e-300, 1.0, "0", "BR(X -> e+ e-)"},
     {"spectrum", "", "full|universal", 0, 0, "full", "cascade spectrum: full solution (default) or the universal spectrum"},
     {"omega_b_h2", "", NULL, 0.001, 0.1, "0.02242", "baryon density Omega_b h^2"},
     {"he3_d", "", "on|off", 0, 0, "on", "3He/D > 1.10 (Geiss & Gloeckler 2003, 0.83 + 0.27) also enters excluded "
      "(the observable of arXiv:1808.09324, 1709.01211); off: Delta chi2(Yp, D/H) only"},
     {"decay_window", "", "full|acropolis", 0, 0, "full",
      "generic form: full (default; every decay after T_start = 10 keV or t = tau/1e3) or acropolis, a comparison "
      "convention: only the decays at T in [T_d 10^-1.5, T_d 10^0.5] around T_d = T(tau), as ACROPOLIS v1.2.2's "
      "decay model (the ~10% before t ~ tau/10 omitted; needs tau_s >~ 1.3e5 s)"}},
    eval_late_decay,
};
