/**
 * @file eval_bbn_decay.c
 * @brief `fipbounds eval bbn-decay mass_GeV= tau_s= (mY_GeV= | n_over_ngamma= T0_MeV=) f_em= f_nu=
 *        f_inv= n_pi_minus= n_pi_plus= [likelihood=separate|joint] [--json]`: BBN with a generic decaying particle X; or
 *        `model=bc1|bc4|bc5|bc6|bc7|bc8|bc9|bc10|bc11 mass_GeV= coupling= [T_RH_GeV=] [production=on|off]`:
 *        tau and the injection from that particle model's decay record (src/bbn/bbn_decay_record.c) and,
 *        unless mY_GeV or n_over_ngamma is given, the abundance n_X/n_gamma at T0 = 10 MeV of the point of
 *        the scan model bcN_bbn (src/bbn/fb_model_bbn_fip.c, run through eval_scan_point.c: decays, inverse
 *        decays and the production by scatterings from T_RH, or for bc6-bc8 the HNL's thermal history),
 *        so that the observables equal that scan point's.

 * Physics in src/bbn/bbn.h (struct bbn_decay), bbn_decay.c, bbn_mesons.c and bbn_chi2.c: the
 * background with X's energy injection, the network with meson-driven p <-> n conversion, the
 * observables, chi^2 against PDG 2024 and the 95% CL verdicts (criteria in bbn_chi2.c). Standard BBN
 * at the same Omega_b h^2 is solved too (for Delta chi^2).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bbn.h"
#include "bbn_bounds.h"
#include "bbn_decay_record.h"
#include "fb_constants.h"
#include "fb_eval.h"
#include "fb_fip.h"

void eval_bbn_put_abundances(fb_eval_output *out, const bbn_result *r); /* eval_bbn.c */

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

static void keep_bbn_point(void *state, void *ctx) { bbn_fip_state_point(state, ctx); }

/* the point of scan model <model>_bbn with the eval's options as its section's keys; kept: its BBN solves */
static int bbn_scan_point(const fb_eval_args *args, const char *model, int hnl, eval_scan_point_result *pt,
                          bbn_fip_point *kept, fb_err *err) {
  char scan[32], set[8][96];
  const char *sets[8];
  size_t n = 0;
  snprintf(scan, sizeof scan, "%s_bbn", model);
#define EVAL_BBND_SET(KEY, FMT, VAL) (snprintf(set[n], sizeof set[n], "%s." KEY "=" FMT, scan, VAL), sets[n] = set[n], n++)
#define EVAL_BBND_ON(NAME) (strcmp(fb_eval_text(args, NAME), "on") == 0 ? "true" : "false")
  EVAL_BBND_SET("T_RH_GeV", "%s", fb_eval_text(args, "T_RH_GeV"));
  EVAL_BBND_SET("mesons", "%s", EVAL_BBND_ON("mesons"));
  EVAL_BBND_SET("eta_fixed", "%s", fb_eval_text(args, "eta_fixed"));
  if (hnl) {
    EVAL_BBND_SET("thermal_potential", "%s", EVAL_BBND_ON("thermal_potential"));
    EVAL_BBND_SET("nu_conversion", "%s", EVAL_BBND_ON("nu_conversion"));
    EVAL_BBND_SET("nu_oscillations", "%s", EVAL_BBND_ON("nu_oscillations"));
    EVAL_BBND_SET("nu_cascade", "%s", EVAL_BBND_ON("nu_cascade"));
    EVAL_BBND_SET("nu_em_share", "%s", EVAL_BBND_ON("nu_em_share"));
  } else if (strcmp(model, "bc9") == 0) {
    EVAL_BBND_SET("primakoff", "%s", EVAL_BBND_ON("production"));
  } else {
    EVAL_BBND_SET("production", "%s", EVAL_BBND_ON("production"));
  }
  if (!hnl) EVAL_BBND_SET("momentum", "%s", fb_eval_text(args, "momentum"));
#undef EVAL_BBND_SET
#undef EVAL_BBND_ON
  FB_TEST(err, fb_eval_given(args, "thermal_potential") && !hnl, FB_ERR_INPUT, "thermal_potential is for model=bc6|bc7|bc8");
  FB_TEST(err, fb_eval_given(args, "momentum") && hnl, FB_ERR_INPUT,
          "momentum is not for model=%s (the HNL planes keep the kinetic-equilibrium momentum)", model);
  FB_TEST(err, fb_eval_given(args, "production") && hnl, FB_ERR_INPUT,
          "production is not for model=%s (the HNL's production is its mixing: thermal_potential)", model);
  return eval_scan_point_visit(scan, sets, n, fb_eval_number(args, "mass_GeV"), fb_eval_number(args, "coupling"), pt,
                               keep_bbn_point, kept, err);
}

/* standard BBN (r0) and BBN with the decay d (r; r = r0 if before_bbn) at p, and the profiles if joint */
static int eval_bbn_decay_solve(bbn_params *p, const bbn_decay *d, int before_bbn, int joint, bbn_result *r0,
                                bbn_result *r, bbn_profile *pf0, bbn_profile *pf, fb_err *err) {
  bbn_tables tab;
  FB_CALL(err, bbn_tables_init(&tab, err));
  int rc = bbn_solve(&tab, p, r0, err);
  if (rc == FB_OK && before_bbn) *r = *r0;
  if (rc == FB_OK && joint) rc = bbn_profile_eval(&tab, p, pf0, err);
  if (rc == FB_OK && !before_bbn) {
    p->decay = d;
    p->sbbn_nb_ref = r0->nb_comoving;
    rc = bbn_solve(&tab, p, r, err);
  }
  if (rc == FB_OK && joint) rc = bbn_profile_eval(&tab, p, pf, err);
  bbn_tables_free(&tab);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "bbn_solve with a decaying particle");
  return FB_OK;
}

static int eval_bbn_decay(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  bbn_decay d;
  memset(&d, 0, sizeof d);
  d.mass_GeV = fb_eval_number(args, "mass_GeV");
  d.tau_s = fb_eval_number(args, "tau_s");
  const char *model = fb_eval_text(args, "model");
  const int generic = strcmp(model, "generic") == 0;
  double f_other = 0.0, tau_model_s = 0.0;
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
  tau_model_s = d.tau_s; /* the lifetime printed (the BBN stage may use the tight-coupling 1e-3 s) */
  /* a benchmark without a given abundance: the point of its scan model bcN_bbn (eval_scan_point.c), whose
   * n_X/n_gamma at T0 = 10 MeV (decays, inverse decays and the production by scatterings where src/production
   * has one, or the HNL's thermal history, from T_RH_GeV) starts the same BBN below */
  const int hnl = strcmp(model, "bc6") == 0 || strcmp(model, "bc7") == 0 || strcmp(model, "bc8") == 0;
  /* the non-thermal neutrinos' keys: refused where they do nothing (review 2026-12-07: accepted and ignored) */
  static const char *hnl_keys[] = {"nu_conversion", "nu_oscillations", "nu_cascade"};
  for (size_t i = 0; i < sizeof hnl_keys / sizeof hnl_keys[0]; i++)
    FB_TEST(err, fb_eval_given(args, hnl_keys[i]) && !hnl, FB_ERR_INPUT,
            "%s is for model=bc6|bc7|bc8 (the HNL planes' injected neutrinos), not model=%s", hnl_keys[i], model);
  const int model_abundance = !generic && !(d.mY_GeV > 0.0) && !(d.n_over_ngamma > 0.0);
  static eval_scan_point_result pt; /* its texts are printed after this returns */
  static bbn_fip_point kept;        /* the scan point's BBN solves (reused below when the inputs are the same) */
  memset(&kept, 0, sizeof kept);
  if (model_abundance) {
    FB_TEST(err, fb_eval_given(args, "T0_MeV"), FB_ERR_INPUT,
            "with model=%s and no mY_GeV / n_over_ngamma the abundance is the scan model %s_bbn's, at T0 = 10 MeV: do "
            "not give T0_MeV", model, model);
    FB_CALL(err, bbn_scan_point(args, model, hnl, &pt, &kept, err));
    /* the scan's m Y before decay: handed over at T0 or, for freeze-in that continues below T0, at the lower
     * hand-over temperature of fb_model_bbn_fip.c (the same BBN input as the scan point) */
    if (eval_scan_q(&pt, "T_handover_MeV") < fb_eval_number(args, "T0_MeV"))
      d.mY_GeV = eval_scan_q(&pt, "mY_GeV");
    else
      d.n_over_ngamma = eval_scan_q(&pt, "n_over_ngamma_T0");
    /* as the scan: X moving with the scan point's momentum at T0 (bbn_decay.p0_MeV: from its energy Boltzmann
     * equation, or kinetic equilibrium with momentum=kinetic; fb_model_bbn_fip.c) */
    d.p0_MeV = eval_scan_q(&pt, "p_mean_T0_MeV");
    /* as the scan: inverse decays in the BBN stage where X is handed over at T0, and the tight-coupling lifetime
     * 1e-3 s for a light X with tau < 1e-3 s (fb_model_bbn_fip.c) */
    if (kept.solved) {
      d.g_inverse = kept.d.g_inverse;
      d.T_inverse_MeV = kept.d.T_inverse_MeV;
      d.tau_s = kept.d.tau_s;
      /* the scan's own BBN inputs, bit for bit: the quantity mY_GeV is the stage's recomputed value (bbn_background.c,
       * m N_w / s_start), one rounding away from the mY_GeV handed to it, and a one-ulp change of the abundance can
       * move the BBN stage's step sequence (its noise floor, |dYp| ~ 5e-6: docs/validation.md "The tightly coupled
       * BC9 point"); found by eval_scan_points_bbn-decay with the Primakoff table (branch bc9speed) */
      d.mY_GeV = kept.d.mY_GeV;
      d.n_over_ngamma = kept.d.n_over_ngamma;
      d.p0_MeV = kept.d.p0_MeV;
    }
  } else {
    static const char *abundance_keys[] = {"T_RH_GeV", "production", "thermal_potential", "momentum"};
    for (size_t i = 0; i < sizeof abundance_keys / sizeof abundance_keys[0]; i++)
      FB_TEST(err, fb_eval_given(args, abundance_keys[i]), FB_ERR_INPUT,
              "%s sets a benchmark's abundance (model=bcN without mY_GeV / n_over_ngamma)", abundance_keys[i]);
  }
  d.mesons = strcmp(fb_eval_text(args, "mesons"), "on") == 0;
  /* as the scan models: only the HNL planes (bc6_bbn-bc8_bbn) have the key (bbn_nu_conversion.c) */
  d.nu_conversion = hnl && strcmp(fb_eval_text(args, "nu_conversion"), "on") == 0;
  d.nu_oscillations = hnl && strcmp(fb_eval_text(args, "nu_oscillations"), "on") == 0;
  d.nu_cascade = hnl && strcmp(fb_eval_text(args, "nu_cascade"), "on") == 0;
  /* every model whose decay injects neutrino groups (bbn_decay_from_record; generic: none, no effect) */
  d.nu_em_share = strcmp(fb_eval_text(args, "nu_em_share"), "on") == 0;
  /* the network's p <-> n sources with X's decays in flight (default) or at rest (the behaviour before 2026-12-07) */
  d.decays_at_rest = strcmp(fb_eval_text(args, "decays_in_flight"), "off") == 0;
  bbn_params p;
  bbn_params_default(&p);
  p.omega_b_h2 = fb_eval_number(args, "omega_b_h2");
  if (fb_eval_given(args, "tau_n_s")) p.tau_n_s = fb_eval_number(args, "tau_n_s");
  if (d.n_over_ngamma > 0.0 || model_abundance) p.T_start_MeV = fb_eval_number(args, "T0_MeV");
  p.eta_at_bbn = strcmp(fb_eval_text(args, "eta_fixed"), "bbn") == 0;
  p.theory_errors = strcmp(fb_eval_text(args, "theory_errors"), "primat") == 0 ? BBN_TH_PRIMAT : BBN_TH_PROPAGATED;
  bbn_result r0, r;
  bbn_profile pf0, pf; /* likelihood = joint: profiled over Omega_b h^2 (bbn_joint_fit.c) */
  const int joint = strcmp(fb_eval_text(args, "likelihood"), "joint") == 0;
  /* as the scan (fb_model_bbn_fip.c): a benchmark decaying before 1e-3 s leaves standard BBN */
  const int before_bbn = model_abundance && d.tau_s < 1e-3;
  /* model=bcN: the scan point has just solved standard BBN and BBN with this decay; with the same inputs (the
   * eval's omega_b_h2, tau_n_s, theory_errors at the scan's values) its results are these, bit for bit: no
   * tables, no solves (the joint likelihood still profiles here) */
  if (model_abundance && !joint && kept.ok && bbn_params_same(&p, &kept.par) &&
      (before_bbn || (kept.solved && bbn_decay_same(&d, &kept.d)))) {
    r0 = kept.sbbn;
    r = before_bbn ? kept.sbbn : kept.res;
  } else {
    FB_CALL(err, eval_bbn_decay_solve(&p, &d, before_bbn, joint, &r0, &r, &pf0, &pf, err));
  }
  bbn_verdict v;
  bbn_verdict_eval(&r, &r0, before_bbn ? NULL : &d, &v);
  eval_bbn_put_abundances(out, &r);
  fb_eval_put(out, "Neff_rec", "", r.Neff_rec); /* at recombination (bbn_neff_rec.c): the N_eff band's */
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
                                             "chi2 - chi2_sbbn > 3.84 (1 dof, 95% CL); neff: |Neff_rec - 2.99| > 0.34"
                                           : "delta_chi2 = chi2 - chi2_sbbn > 5.99 (2 dof, 95% CL); "
                                             "neff: |Neff_rec - 2.99| > 0.34 (Planck 2018 95%; N_eff at recombination)");
  fb_eval_put(out, "T_decay_MeV", "MeV", r.T_decay_MeV);
  /* decayed before BBN: the scan's m Y_X at T0 (r is standard BBN's) */
  /* tau < 1e-3 s (decayed before BBN, or a light X solved in tight coupling at tau = 1e-3 s): the scan's m Y at T0, as
   * the scan reports it (fb_model_bbn_fip.c), not the stage's "before decay" value of the clamped lifetime */
  const int my_at_T0 = before_bbn || (model_abundance && eval_scan_q(&pt, "tau_s") < 1e-3);
  fb_eval_put(out, "mY_GeV", "GeV", my_at_T0 ? eval_scan_q(&pt, "mY_GeV") : r.mY_GeV);
  fb_eval_put(out, "rhoX_over_rhorad_max", "", r.rhoX_over_rhorad_max);
  fb_eval_put(out, "tau_s", "s", tau_model_s);
  fb_eval_put(out, "f_em", "", d.f_em);
  fb_eval_put(out, "f_nu", "", d.f_nu);
  fb_eval_put(out, "f_inv", "", d.f_inv);
  fb_eval_put(out, "n_pi_charged", "", d.n_pi_minus + d.n_pi_plus);
  fb_eval_put(out, "f_other", "", f_other);
  if (model_abundance) {
    fb_eval_put(out, "n_over_ngamma_T0", "", eval_scan_q(&pt, "n_over_ngamma_T0"));
    fb_eval_put(out, "T_RH_GeV", "GeV", fb_eval_number(args, "T_RH_GeV"));
    fb_eval_put(out, "abundance_TRH_change", "", eval_scan_q(&pt, "abundance_TRH_change"));
    /* the scan's criterion (fb_model_bbn_fip.c bfip_write_trh, the hatching of tools/plot_summary.py): the abundance
     * changes by more than 10 % when T_RH is lowered tenfold, so the result depends on T_RH */
    fb_eval_put(out, "T_RH_sensitive", "", fabs(eval_scan_q(&pt, "abundance_TRH_change")) > 0.1 ? 1.0 : 0.0);
    fb_eval_put(out, "flag_inverse_decays_after_T0", "", eval_scan_q(&pt, "flag_inverse_decays_after_T0"));
    fb_eval_put(out, "T_handover_MeV", "MeV", eval_scan_q(&pt, "T_handover_MeV"));
    fb_eval_put(out, "p_mean_T0_MeV", "MeV", d.p0_MeV);
    if (hnl) {
      fb_eval_put(out, "T_dec_GeV", "GeV", eval_scan_q(&pt, "T_dec_GeV"));
      fb_eval_put(out, "gamma_over_H_max", "", eval_scan_q(&pt, "gamma_over_H_max"));
      fb_eval_put(out, "n_over_ngamma_reldec", "", eval_scan_q(&pt, "n_over_ngamma_reldec"));
    }
    static char a[320]; /* printed after this returns */
    snprintf(a, sizeof a, "ABUNDANCE: n_X/n_gamma at T0 = 10 MeV of the scan model %s_bbn (%s from T_RH = %s GeV)", model,
             hnl ? "thermal production through active-sterile mixing, decays and inverse decays"
                 : "decays and inverse decays, plus the production by scatterings of src/production where it has one and "
                   "production=on",
             fb_eval_text(args, "T_RH_GeV"));
    fb_eval_put_text(out, "assumption", a);
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
    "3He/H, 7Li/H, Neff (end of BBN), Neff_rec (recombination), eta_BBN/eta_CMB, chi2, Delta chi2 to standard BBN, 95% CL verdicts, T at decay; with "
    "model=bcN coupling=...: the point of scan model bcN_bbn",
    27,
    {{"model", "", "generic|bc1|bc9|bc6|bc7|bc8|bc10|bc11|bc4|bc5", 0, 0, "generic",
      "generic (tau_s and fractions given) or a particle model (tau and fractions from its decays at coupling; "
      "the abundance, unless mY_GeV or n_over_ngamma is given, that of the point of scan model bcN_bbn)"},
     {"mass_GeV", "GeV", NULL, 1e-3, 1e4, NULL, "mass of X [1e-3, 1e4] GeV"},
     {"coupling", "", NULL, 0.0, 1e3, "1", "with a model: its coupling (epsilon, g_agamma [GeV^-1], |U|^2)"},
     {"tau_s", "s", NULL, 1e-3, 1e12, "1", "lifetime of X [1e-3, 1e12] s (model=generic: required; beyond 1e5 s "
      "the decays after T_end = 1 keV enter Neff_rec and the baryon dilution only, not the photodisintegration)"},
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
     {"nu_cascade", "", "on|off", 0, 0, "on",
      "model=bc6|bc7|bc8, with nu_conversion: the injected neutrinos' scattering cascade (bbn_nu_cascade.c)"},
     {"nu_em_share", "", "on|off", 0, 0, "on",
      "model=bcN: the injected neutrinos' cascade hands its e+- share of their energy to the plasma (bbn_nu_em_share.c)"},
     {"decays_in_flight", "", "on|off", 0, 0, "on",
      "with a moving X (model=bcN: its momentum at T0): the meson and non-thermal neutrino p <-> n sources use "
      "time-dilated decays and the daughters' boosted spectra (on) or X at rest (off, the behaviour before 2026-12-07)"},
     {"T_RH_GeV", "GeV", NULL, 1e-2, 1e5, "1000", "model=bcN, abundance not given: its start ([bcN_bbn] T_RH_GeV)"},
     {"production", "", "on|off", 0, 0, "on",
      "model=bcN (not bc6-8), abundance not given: also produced by scatterings ([bcN_bbn] production; bc9: primakoff)"},
     {"thermal_potential", "", "on|off", 0, 0, "on",
      "model=bc6|bc7|bc8, abundance not given: mixing suppressed by the thermal potential ([bcN_bbn] thermal_potential)"},
     {"momentum", "", "boltzmann|kinetic", 0, 0, "boltzmann",
      "model=bcN (not bc6-8), abundance not given: X's momentum at T0 from its energy Boltzmann equation or kinetic "
      "equilibrium ([bcN_bbn] momentum)"},
     {"eta_fixed", "", "cmb|bbn", 0, 0, "cmb", "eta fixed today at the CMB value (cmb) or before the decay (bbn)"},
     {"omega_b_h2", "", NULL, 0.001, 0.1, "0.02242", "baryon density Omega_b h^2 (0.001, 0.1]"},
     {"tau_n_s", "s", NULL, 800.0, 1000.0, EVAL_BBND_STR(FB_TAU_N_S), "neutron lifetime (800, 1000] s"},
     {"likelihood", "", "separate|joint", 0, 0, "separate",
      "verdict: separate = BBN Delta chi^2 > 5.99 at omega_b_h2 and the N_eff band (default, issue 14); joint = "
      "BBN + Planck (omega_b, N_eff, Y_P) profiled over omega_b, Delta chi^2 > 3.84 (bbn_joint_fit.c; 30x slower)"},
     {"theory_errors", "", "propagated|primat", 0, 0, "propagated",
      "theory errors of the chi^2: propagated = the network's cited 1-sigma rate errors and tau_n +- 0.5 s "
      "propagated linearly at omega_b (bbn_theory_err.c; default); primat = PRIMAT arXiv:1801.08023, "
      "sigma(Yp) = 0.00017, sigma(D/H)/(D/H) = 1.46%"}},
    eval_bbn_decay,
};
