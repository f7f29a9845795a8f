/**
 * @file eval_bbn_decay.c
 * @brief `fipbounds eval bbn-decay mass_GeV= tau_s= (mY_GeV= | n_over_ngamma= T0_MeV=) f_em= f_nu=
 *        f_inv= n_pi_minus= n_pi_plus= [likelihood=separate|joint] [--json]`: BBN with a generic
 *        decaying particle X; or
 *        `model=bc1|bc9|bc10|bc11|bc4|bc5 mass_GeV= coupling= mY_GeV=`: tau and the injection fractions from that
 *        particle model's decay record (src/bbn/bbn_decay_record.c), the abundance still given;
 *        `model=bc6|bc7|bc8 mass_GeV= coupling=<|U|^2>`: the heavy neutral lepton, its abundance at
 *        T0_MeV (default 10) from thermal production through mixing, decoupling, decays and inverse
 *        decays from T_RH = 1000 GeV (src/bbn/bbn_hnl.c; the same default as the bc6_bbn scan model)
 *        unless mY_GeV or n_over_ngamma is given.
 *
 * Physics in src/bbn/bbn.h (struct bbn_decay), bbn_decay.c, bbn_mesons.c and bbn_chi2.c: the
 * background with X's energy injection, the network with meson-driven p <-> n conversion, the
 * observables, chi^2 against PDG 2024 and the 95% CL verdicts (criteria in bbn_chi2.c). Standard BBN
 * at the same Omega_b h^2 is solved too (for Delta chi^2).
 */
#include <math.h>
#include <string.h>

#include "bbn.h"
#include "bbn_decay_record.h"
#include "fb_constants.h"
#include "fb_eval.h"
#include "fb_fip.h"
#include "fb_thermo.h"

void eval_bbn_put_abundances(fb_eval_output *out, const bbn_result *r); /* eval_bbn.c */

#define EVAL_HNL_T_RH_GEV 1000.0 /* the bc6_bbn - bc8_bbn default T_RH_GeV (fb_model_bbn_fip.c) */

/* tau, fractions and pions from the decay record of particle model `name` at (mass, coupling);
 * width_GeV (may be NULL): the total width */
static int decay_from_model(const char *name, double mass_GeV, double coupling, bbn_decay *d, double *f_other,
                            double *width_GeV, fb_err *err) {
  const fb_fip_ops *ops = fb_fip_find(name, NULL);
  FB_TEST(err, !ops || !ops->decay, FB_ERR_INPUT, "model %s has no decays", name);
  FB_CALL(err, fb_fip_check_point(ops, mass_GeV, coupling, err));
  fb_config cfg;
  FB_CALL(err, fb_fip_config_default(ops, &cfg, err));
  void *st = NULL;
  int rc = ops->init ? ops->init(&st, &cfg, err) : FB_OK; /* stateless models have no init/free */
  fb_decay rec;
  if (rc == FB_OK) rc = ops->decay(st, mass_GeV, coupling, &rec, err);
  if (st && ops->free) ops->free(st);
  fb_config_free(&cfg);
  if (rc == FB_OK) rc = bbn_decay_from_record(&rec, d, f_other, err);
  if (rc == FB_OK && width_GeV) *width_GeV = rec.width_GeV;
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "the particle model's decays");
  return FB_OK;
}

static int eval_bbn_decay(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  bbn_decay d;
  memset(&d, 0, sizeof d);
  d.mass_GeV = fb_eval_number(args, "mass_GeV");
  d.tau_s = fb_eval_number(args, "tau_s");
  const char *model = fb_eval_text(args, "model");
  const int generic = strcmp(model, "generic") == 0;
  double f_other = 0.0;
  if (generic) {
    FB_TEST(err, !fb_eval_given(args, "tau_s"), FB_ERR_INPUT, "model=generic needs tau_s=<lifetime in s>");
  } else {
    const char *own[6] = {"tau_s", "f_em", "f_nu", "f_inv", "n_pi_minus", "n_pi_plus"};
    for (int i = 0; i < 6; ++i)
      FB_TEST(err, fb_eval_given(args, own[i]), FB_ERR_INPUT,
              "with model=%s the lifetime and the injection come from the model's decays: do not give %s",
              model, own[i]);
    FB_TEST(err, !fb_eval_given(args, "coupling"), FB_ERR_INPUT, "model=%s needs coupling=<value>", model);
  }
  d.mY_GeV = fb_eval_number(args, "mY_GeV");
  d.n_over_ngamma = fb_eval_number(args, "n_over_ngamma");
  FB_TEST(err, d.mY_GeV > 0.0 && d.n_over_ngamma > 0.0, FB_ERR_INPUT,
          "give either mY_GeV or n_over_ngamma (with T0_MeV), not both");
  d.f_nu = fb_eval_number(args, "f_nu");
  d.f_inv = fb_eval_number(args, "f_inv");
  d.f_em = fb_eval_given(args, "f_em") ? fb_eval_number(args, "f_em") : 1.0 - d.f_nu - d.f_inv;
  d.n_pi_minus = fb_eval_number(args, "n_pi_minus");
  d.n_pi_plus = fb_eval_number(args, "n_pi_plus");
  double width_GeV = 0.0;
  if (!generic)
    FB_CALL(err, decay_from_model(model, d.mass_GeV, fb_eval_number(args, "coupling"), &d, &f_other, &width_GeV, err));
  /* HNLs: the abundance from their thermal history unless given */
  const int hnl = strcmp(model, "bc6") == 0 ? 0 : strcmp(model, "bc7") == 0 ? 1 : strcmp(model, "bc8") == 0 ? 2 : -1;
  bbn_hnl_state hs;
  memset(&hs, 0, sizeof hs);
  const int hnl_abundance = hnl >= 0 && !(d.mY_GeV > 0.0) && !(d.n_over_ngamma > 0.0);
  if (hnl_abundance) {
    fb_thermo th;
    FB_CALL(err, fb_thermo_init(&th, err));
    int rc0 = bbn_hnl_abundance(&th, hnl, 1, d.mass_GeV, fb_eval_number(args, "coupling"), width_GeV, EVAL_HNL_T_RH_GEV,
                                fb_eval_number(args, "T0_MeV") * 1e-3, &hs, err);
    fb_thermo_free(&th);
    if (rc0 != FB_OK) return fb_err_push(err, rc0, __func__, __LINE__, "the HNL abundance");
    d.n_over_ngamma = hs.n_over_ngamma_T0;
  }
  d.mesons = strcmp(fb_eval_text(args, "mesons"), "on") == 0;
  /* as the scan models: only the HNL planes (bc6_bbn-bc8_bbn) have the key (bbn_nu_conversion.c) */
  d.nu_conversion = hnl >= 0 && strcmp(fb_eval_text(args, "nu_conversion"), "on") == 0;
  d.nu_oscillations = hnl >= 0 && strcmp(fb_eval_text(args, "nu_oscillations"), "on") == 0;
  bbn_params p;
  bbn_params_default(&p);
  p.omega_b_h2 = fb_eval_number(args, "omega_b_h2");
  if (fb_eval_given(args, "tau_n_s")) p.tau_n_s = fb_eval_number(args, "tau_n_s");
  if (d.n_over_ngamma > 0.0) p.T_start_MeV = fb_eval_number(args, "T0_MeV");
  p.eta_at_bbn = strcmp(fb_eval_text(args, "eta_fixed"), "bbn") == 0;
  bbn_tables tab;
  FB_CALL(err, bbn_tables_init(&tab, err));
  bbn_result r0, r;
  bbn_profile pf0, pf; /* likelihood = joint: profiled over Omega_b h^2 (bbn_joint_fit.c) */
  const int joint = strcmp(fb_eval_text(args, "likelihood"), "joint") == 0;
  int rc = bbn_solve(&tab, &p, &r0, err);
  if (rc == FB_OK && joint) rc = bbn_profile_eval(&tab, &p, &pf0, err);
  if (rc == FB_OK) {
    p.decay = &d;
    p.sbbn_nb_ref = r0.nb_comoving;
    rc = bbn_solve(&tab, &p, &r, err);
  }
  if (rc == FB_OK && joint) rc = bbn_profile_eval(&tab, &p, &pf, err);
  bbn_tables_free(&tab);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "bbn_solve with a decaying particle");
  bbn_verdict v;
  bbn_verdict_eval(&r, &r0, &d, &v);
  eval_bbn_put_abundances(out, &r);
  fb_eval_put(out, "eta_bbn_over_eta_cmb", "", r.eta_bbn_over_eta_cmb);
  fb_eval_put(out, "chi2", "", v.chi2);
  fb_eval_put(out, "chi2_sbbn", "", v.chi2_sbbn);
  fb_eval_put(out, "delta_chi2", "", v.delta_chi2);
  fb_eval_put(out, "pull_Yp", "", v.pull_Yp);
  fb_eval_put(out, "pull_D_H", "", v.pull_DH);
  if (joint) { /* BBN + Planck (omega_b, N_eff, Y_P), Delta chi^2 > 3.84 to standard BBN (option) */
    const double dj = pf.chi2[BBN_FIT_JOINT] - pf0.chi2[BBN_FIT_JOINT];
    fb_eval_put(out, "delta_chi2_joint", "", dj);
    fb_eval_put(out, "delta_chi2_bbn_only", "", pf.chi2[BBN_FIT_BBN] - pf0.chi2[BBN_FIT_BBN]);
    fb_eval_put(out, "delta_chi2_cmb_only", "", pf.chi2[BBN_FIT_CMB] - pf0.chi2[BBN_FIT_CMB]);
    fb_eval_put(out, "omega_b_h2_joint", "", pf.omega_b_h2[BBN_FIT_JOINT]);
    fb_eval_put(out, "omega_b_at_edge", "", pf.at_edge[BBN_FIT_JOINT] || pf0.at_edge[BBN_FIT_JOINT]);
    fb_eval_put(out, "excluded_joint", "", dj > FB_CHI2_1DOF_95);
  }
  fb_eval_put(out, "excluded", "", joint ? pf.chi2[BBN_FIT_JOINT] - pf0.chi2[BBN_FIT_JOINT] > FB_CHI2_1DOF_95
                                         : v.excluded_bbn);
  fb_eval_put(out, "excluded_Yp", "", v.excluded_Yp);
  fb_eval_put(out, "excluded_D_H", "", v.excluded_DH);
  fb_eval_put(out, "excluded_neff", "", v.excluded_neff);
  fb_eval_put(out, "flag_photodisintegration", "", v.flag_photodisintegration);
  fb_eval_put(out, "flag_hadrodissociation", "", v.flag_hadrodissociation);
  fb_eval_put(out, "flag_weak_table_clamped", "", r.weak_table_clamped);
  fb_eval_put_text(out, "criterion", joint ? "joint: BBN + Planck (omega_b, N_eff, Y_P) profiled over omega_b, "
                                             "chi2 - chi2_sbbn > 3.84 (1 dof, 95% CL); neff: |Neff - 2.99| > 0.34"
                                           : "delta_chi2 = chi2 - chi2_sbbn > 5.99 (2 dof, 95% CL); "
                                             "neff: |Neff - 2.99| > 0.34 (Planck 2018 95%)");
  fb_eval_put(out, "T_decay_MeV", "MeV", r.T_decay_MeV);
  fb_eval_put(out, "mY_GeV", "GeV", r.mY_GeV);
  fb_eval_put(out, "rhoX_over_rhorad_max", "", r.rhoX_over_rhorad_max);
  fb_eval_put(out, "tau_s", "s", d.tau_s);
  fb_eval_put(out, "f_em", "", d.f_em);
  fb_eval_put(out, "f_nu", "", d.f_nu);
  fb_eval_put(out, "f_inv", "", d.f_inv);
  fb_eval_put(out, "n_pi_charged", "", d.n_pi_minus + d.n_pi_plus);
  fb_eval_put(out, "f_other", "", f_other);
  if (hnl_abundance) {
    fb_eval_put(out, "n_over_ngamma_T0", "", hs.n_over_ngamma_T0);
    fb_eval_put(out, "T_dec_GeV", "GeV", hs.T_dec_GeV);
    fb_eval_put(out, "gamma_over_H_max", "", hs.gamma_over_H_max);
    fb_eval_put(out, "n_over_ngamma_reldec", "", hs.n_over_ngamma_reldec);
  }
  fb_eval_put(out, "Yp_sbbn", "", r0.Yp);
  fb_eval_put(out, "D_H_sbbn", "", r0.D_H);
  fb_eval_put(out, "Neff_sbbn", "", r0.Neff);
  return FB_OK;
}

#define EVAL_BBND_STR2(x) #x
#define EVAL_BBND_STR(x) EVAL_BBND_STR2(x)

const fb_eval_module fb_eval_bbn_decay = {
    "bbn-decay",
    "BBN with a generic decaying particle X (m, tau, abundance m Y = m n_X/s before decay or n_X/n_gamma "
    "at T0, energy fractions into e.m. plasma / neutrinos / invisible, charged pions per decay): Yp, D/H, "
    "3He/H, 7Li/H, Neff, eta_BBN/eta_CMB, chi2, Delta chi2 to standard BBN, 95% CL verdicts, T at decay",
    19,
    {{"model", "", "generic|bc1|bc9|bc6|bc7|bc8|bc10|bc11|bc4|bc5", 0, 0, "generic",
      "generic (tau_s and fractions given) or a particle model (tau and fractions from its decays at coupling; "
      "bc6-bc8: also the abundance, from T_RH = 1000 GeV, unless given; bc1, bc9, bc10, bc11, bc4, bc5: abundance given)"},
     {"mass_GeV", "GeV", NULL, 1e-3, 1e4, NULL, "mass of X [1e-3, 1e4] GeV"},
     {"coupling", "", NULL, 0.0, 1e3, "1", "with a model: its coupling (epsilon, g_agamma [GeV^-1], |U|^2)"},
     {"tau_s", "s", NULL, 1e-3, 1e5, "1", "lifetime of X [1e-3, 1e5] s (model=generic: required)"},
     {"mY_GeV", "GeV", NULL, -1.0, 1.0, "0", "m_X n_X / s before decay [0, 1] GeV (or n_over_ngamma)"},
     {"n_over_ngamma", "", NULL, -1.0, 1e3, "0", "n_X / n_gamma at T0_MeV [0, 1e3] (or mY_GeV)"},
     {"T0_MeV", "MeV", NULL, 1.0, 30.0, "10", "temperature of n_over_ngamma = start of the background (1, 30]"},
     {"f_em", "", NULL, -1.0, 1.0, "1", "energy fraction into photons + e+- [0, 1]; if not given: 1 - f_nu - f_inv"},
     {"f_nu", "", NULL, -1.0, 1.0, "0", "energy fraction into neutrinos (all flavours) [0, 1]"},
     {"f_inv", "", NULL, -1.0, 1.0, "0", "energy fraction into invisible (free-streaming) particles [0, 1]"},
     {"n_pi_minus", "", NULL, -1.0, 100.0, "0", "mean number of pi- per decay [0, 100]"},
     {"n_pi_plus", "", NULL, -1.0, 100.0, "0", "mean number of pi+ per decay [0, 100]"},
     {"mesons", "", "on|off", 0, 0, "on", "meson-driven p <-> n conversion by the injected pions"},
     {"nu_conversion", "", "on|off", 0, 0, "on",
      "model=bc6|bc7|bc8: direct p <-> n conversion by the decays' non-thermal nu_e (bbn_nu_conversion.c)"},
     {"nu_oscillations", "", "on|off", 0, 0, "on",
      "model=bc6|bc7|bc8, with nu_conversion: the injected neutrinos oscillate first (bbn_nu_oscillation.c)"},
     {"eta_fixed", "", "cmb|bbn", 0, 0, "cmb", "eta fixed today at the CMB value (cmb) or before the decay (bbn)"},
     {"omega_b_h2", "", NULL, 0.001, 0.1, "0.02242", "baryon density Omega_b h^2 (0.001, 0.1]"},
     {"tau_n_s", "s", NULL, 800.0, 1000.0, EVAL_BBND_STR(FB_TAU_N_S), "neutron lifetime (800, 1000] s"},
     {"likelihood", "", "separate|joint", 0, 0, "separate",
      "verdict: separate = BBN Delta chi^2 > 5.99 at omega_b_h2 and the N_eff band (default, issue 14); joint = "
      "BBN + Planck (omega_b, N_eff, Y_P) profiled over omega_b, Delta chi^2 > 3.84 (bbn_joint_fit.c; 30x slower)"}},
    eval_bbn_decay,
};
