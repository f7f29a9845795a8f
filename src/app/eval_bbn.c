/**
 * @file eval_bbn.c
 * @brief `fipbounds eval bbn [omega_b_h2= tau_n_s= delta_neff= chi_mass_MeV= chi_g= chi_stat= chi_coupled=
 *        nu_temperatures= likelihood= theory_errors=]`:
 *        standard BBN at one point, optionally with a thermal MeV-scale particle chi.
 *
 * Builds the weak-rate tables (bbn_tables_init), solves the background and the nuclear
 * network (bbn_solve) and prints the abundances. See src/bbn/bbn.h and src/bbn/README.md.
 */
#include <string.h>

#include "bbn.h"
#include "fb_constants.h"
#include "fb_eval.h"

/* the printed default is the library's value (one value: FB_TAU_N_S, PDG 2024) */
#define EVAL_BBN_STR2(x) #x
#define EVAL_BBN_STR(x) EVAL_BBN_STR2(x)

/* Yp, Yp_mass_fraction, D_H, He3_H, Li7_H, Li6_H, Neff, eta (also used by eval_bbn_decay.c) */
void eval_bbn_put_abundances(fb_eval_output *out, const bbn_result *r) {
  fb_eval_put(out, "Yp", "", r->Yp);
  fb_eval_put(out, "Yp_mass_fraction", "", r->Yp_mass);
  fb_eval_put(out, "D_H", "", r->D_H);
  fb_eval_put(out, "He3_H", "", r->He3_H);
  fb_eval_put(out, "Li7_H", "", r->Li7_H);
  fb_eval_put(out, "Li6_H", "", r->Li6_H);
  fb_eval_put(out, "Neff", "", r->Neff);
  fb_eval_put(out, "eta", "", r->eta);
}

static int eval_bbn(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  bbn_params p;
  bbn_params_default(&p);
  p.omega_b_h2 = fb_eval_number(args, "omega_b_h2");
  if (fb_eval_given(args, "tau_n_s")) p.tau_n_s = fb_eval_number(args, "tau_n_s");
  p.delta_neff = fb_eval_number(args, "delta_neff");
  p.nu_one_temperature = strcmp(fb_eval_text(args, "nu_temperatures"), "one") == 0;
  p.theory_errors = strcmp(fb_eval_text(args, "theory_errors"), "primat") == 0 ? BBN_TH_PRIMAT : BBN_TH_PROPAGATED;
  /* optional thermal MeV-scale particle chi (bbn_thermal_dm.c): chi_mass_MeV = 0 means none */
  const double m_chi = fb_eval_number(args, "chi_mass_MeV");
  bbn_thermal_dm chi;
  memset(&chi, 0, sizeof chi);
  if (m_chi != 0.0) {
    const int fermion = strcmp(fb_eval_text(args, "chi_stat"), "fermion") == 0;
    const int coupling = strcmp(fb_eval_text(args, "chi_coupled"), "neutrinos") == 0 ? BBN_DM_NEUTRINOS
                                                                                        : BBN_DM_ELECTRONS;
    FB_CALL(err, bbn_thermal_dm_init(&chi, m_chi, fb_eval_number(args, "chi_g"), fermion, coupling, err));
    p.chi = &chi;
  }
  bbn_tables tab;
  int rc = bbn_tables_init(&tab, err);
  if (rc != FB_OK) {
    bbn_thermal_dm_free(&chi);
    return fb_err_push(err, rc, __func__, __LINE__, "bbn_tables_init");
  }
  bbn_result r, r0;
  bbn_profile pf, pf0; /* likelihood = joint: profiled over Omega_b h^2 (bbn_joint_fit.c) */
  const char *lk = fb_eval_text(args, "likelihood");
  const int sabti19 = strcmp(lk, "joint-sabti19") == 0; /* the likelihood of arXiv:1910.01649 (bbn_joint_fit.c) */
  const int joint = sabti19 || strcmp(lk, "joint") == 0;
  const int lik = sabti19 ? BBN_LIK_SABTI19 : BBN_LIK_DEFAULT;
  const double cut = sabti19 ? FB_CHI2_1DOF_2SIGMA : FB_CHI2_1DOF_95;
  rc = bbn_solve(&tab, &p, &r, err);
  if (rc == FB_OK && p.chi) { /* standard BBN at the same inputs, for the verdict */
    bbn_params q = p;
    q.chi = NULL;
    if (chi.coupling == BBN_DM_NEUTRINOS) q.nu_one_temperature = 1; /* its m -> infinity limit */
    rc = bbn_solve(&tab, &q, &r0, err);
    if (rc == FB_OK && joint) rc = bbn_profile_eval_lik(&tab, &p, lik, &pf, err);
    if (rc == FB_OK && joint) rc = bbn_profile_eval_lik(&tab, &q, lik, &pf0, err);
  }
  bbn_tables_free(&tab);
  bbn_thermal_dm_free(&chi);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "bbn_solve");
  eval_bbn_put_abundances(out, &r);
  fb_eval_put(out, "chi2", "", r.chi2);
  fb_eval_put(out, "Yp_theory_sigma", "", r.th_sigma_Yp);
  fb_eval_put(out, "D_H_theory_rel_sigma", "", r.th_rel_DH);
  fb_eval_put(out, "T_nu_over_T", "", r.T_nu_over_T);
  fb_eval_put(out, "network_steps", "", (double)r.steps);
  if (p.chi) {
    /* the 95% CL verdict of bbn_chi2.c: BBN Delta chi^2 > 5.99, Planck 2018 |N_eff - 2.99| > 0.34 */
    bbn_verdict v;
    bbn_verdict_eval(&r, &r0, NULL, &v);
    fb_eval_put(out, "delta_chi2", "", v.delta_chi2);
    fb_eval_put(out, "excluded_bbn", "", v.excluded_bbn);
    fb_eval_put(out, "excluded_neff", "", v.excluded_neff);
    fb_eval_put(out, "Neff_sbbn", "", r0.Neff);
    int excluded = v.excluded_bbn || v.excluded_neff;
    if (joint) { /* Sabti et al. arXiv:1910.01649: BBN + CMB together; Delta chi^2 > 3.84 to the SM */
      static const char *dk[BBN_FIT_N] = {"delta_chi2_bbn_only", "delta_chi2_cmb_only", "delta_chi2_joint"};
      static const char *ek[BBN_FIT_N] = {"excluded_bbn_only", "excluded_cmb_only", "excluded_joint"};
      for (int k = 0; k < BBN_FIT_N; ++k) {
        const double d = pf.chi2[k] - pf0.chi2[k];
        fb_eval_put(out, dk[k], "", d);
        fb_eval_put(out, ek[k], "", d > cut);
      }
      fb_eval_put(out, "chi2_joint", "", pf.chi2[BBN_FIT_JOINT]);
      fb_eval_put(out, "omega_b_h2_joint", "", pf.omega_b_h2[BBN_FIT_JOINT]);
      fb_eval_put(out, "omega_b_at_edge", "", pf.at_edge[0] || pf.at_edge[1] || pf.at_edge[2] ||
                                                  pf0.at_edge[0] || pf0.at_edge[1] || pf0.at_edge[2]);
      excluded = pf.chi2[BBN_FIT_JOINT] - pf0.chi2[BBN_FIT_JOINT] > cut;
    }
    fb_eval_put(out, "excluded", "", excluded);
  }
  return FB_OK;
}

const fb_eval_module fb_eval_bbn = {
    "bbn",
    "standard BBN (12 key reactions + 2 for 6Li): Yp (4 n_He/n_b and mass fraction), D/H, 3He/H, "
    "7Li/H, 6Li/H, Neff, eta, chi2 against PDG 2024 Yp and D/H; with chi_mass_MeV > 0 a thermal MeV-scale "
    "particle chi (electrophilic or neutrinophilic) and the verdict delta_chi2, excluded_bbn, excluded_neff, "
    "with likelihood=joint (default) also delta_chi2_joint (BBN + CMB profiled over omega_b), and excluded",
    10,
    {{"omega_b_h2", "", NULL, 0.001, 0.1, "0.02242", "baryon density Omega_b h^2 (0.001, 0.1]"},
     {"tau_n_s", "s", NULL, 800.0, 1000.0, EVAL_BBN_STR(FB_TAU_N_S),
      "neutron lifetime (800, 1000] s; default PDG 2024 (FB_TAU_N_S)"},
     {"delta_neff", "", NULL, -2.5, 10.0, "0", "extra radiation Delta N_eff (-2.5, 10]"},
     {"chi_mass_MeV", "MeV", NULL, -1.0, 1000.0, "0",
      "thermal MeV-scale particle chi in equilibrium with electrons or neutrinos (Escudero "
      "arXiv:1812.05605): mass, 0 = none, else [30 T_end = 0.03, 1000] MeV"},
     {"chi_g", "", NULL, 0.0, 100.0, "2",
      "chi internal degrees of freedom (0, 100]: real scalar 1, complex scalar 2, Majorana 2, vector 3, Dirac 4"},
     {"chi_stat", "", "fermion|boson", 0, 0, "fermion", "chi statistics"},
     {"chi_coupled", "", "electrons|neutrinos", 0, 0, "electrons",
      "sector chi stays in equilibrium with (its annihilation heats it)"},
     {"nu_temperatures", "", "two|one", 0, 0, "two",
      "two: nu_e and nu_mu,tau apart (default); one: a common T_nu (Escudero arXiv:1812.05605, nudec_BSM)"},
     {"likelihood", "", "joint|separate|joint-sabti19", 0, 0, "joint",
      "verdict with chi: joint = BBN + Planck (omega_b, N_eff, Y_P) profiled over omega_b, Delta chi^2 > 3.84 "
      "(arXiv:1910.01649; the default); separate = the two cuts at fixed omega_b_h2 (BBN Delta chi^2 > 5.99, "
      "|N_eff - 2.99| > 0.34); joint-sabti19 = the likelihood of arXiv:1910.01649 as its authors' scripts write "
      "it (2019 Yp, D/H and theory errors, Planck TT,TE,EE+lowE covariance; Delta chi^2 > 4 to the SM: one point has "
      "no mass scan, whose best point the scripts and test_bbn_thermal_dm use, so the edge here lies up to ~1 % lower, e.g. "
      "3.8 MeV not excluded for the neutrino-coupled real scalar whose scan bound is 3.80 MeV)"},
     {"theory_errors", "", "propagated|primat", 0, 0, "propagated",
      "theory errors of the chi^2: propagated = the network's cited 1-sigma rate errors and tau_n +- 0.5 s "
      "propagated linearly at omega_b (bbn_theory_err.c; default); primat = PRIMAT arXiv:1801.08023, "
      "sigma(Yp) = 0.00017, sigma(D/H)/(D/H) = 1.46%"}},
    eval_bbn,
};
