/**
 * @file eval_bbn.c
 * @brief `fipbounds eval bbn [omega_b_h2= tau_n_s= delta_neff=]`: standard BBN at one point.
 *
 * Builds the weak-rate tables (bbn_tables_init), solves the background and the nuclear
 * network (bbn_solve) and prints the abundances. See src/bbn/bbn.h and src/bbn/README.md.
 */
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
  bbn_tables tab;
  FB_CALL(err, bbn_tables_init(&tab, err));
  bbn_result r;
  int rc = bbn_solve(&tab, &p, &r, err);
  bbn_tables_free(&tab);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "bbn_solve");
  eval_bbn_put_abundances(out, &r);
  fb_eval_put(out, "chi2", "", r.chi2);
  fb_eval_put(out, "T_nu_over_T", "", r.T_nu_over_T);
  fb_eval_put(out, "network_steps", "", (double)r.steps);
  return FB_OK;
}

const fb_eval_module fb_eval_bbn = {
    "bbn",
    "standard BBN (12 key reactions + 2 for 6Li): Yp (4 n_He/n_b and mass fraction), D/H, 3He/H, "
    "7Li/H, 6Li/H, Neff, eta, chi2 against PDG 2024 Yp and D/H",
    3,
    {{"omega_b_h2", "", NULL, 0.001, 0.1, "0.02242", "baryon density Omega_b h^2 (0.001, 0.1]"},
     {"tau_n_s", "s", NULL, 800.0, 1000.0, EVAL_BBN_STR(FB_TAU_N_S),
      "neutron lifetime (800, 1000] s; default PDG 2024 (FB_TAU_N_S)"},
     {"delta_neff", "", NULL, -2.5, 10.0, "0", "extra radiation Delta N_eff (-2.5, 10]"}},
    eval_bbn,
};
