/**
 * @file eval_late_decay.c
 * @brief `fipbounds eval late-decay mass_GeV= tau_s= n_over_ngamma= T0_MeV= br_photon= br_ee=
 *        [spectrum=full|universal] [--json]`: photodisintegration of the light nuclei by the
 *        electromagnetic cascade of a late-decaying particle X (issue 15), with the inputs of
 *        ACROPOLIS's `decay` model (arXiv:1808.09324, 2011.06518).
 *
 * BBN for the same history: tau_s <= 1e5 s: bbn_solve with the decaying particle (bbn_decay.c, its
 * energy injection, f_em = br_photon + br_ee, the rest invisible); tau_s > 1e5 s: standard BBN (X is
 * then frozen, matter-like, through BBN: rho_X/rho_rad at 10 keV is reported). n_X/s from
 * n_over_ngamma at T0 with g_*s(T0) of fb_thermo. Then src/bbn/bbn_photodis.c from 10 keV to
 * t = 40 tau. The verdict is that of the BBN-bands work (bbn_chi2.c: Delta chi^2 of Yp and D/H).
 */
#include <math.h>
#include <string.h>

#include "bbn.h"
#include "bbn_photodis.h"
#include "fb_constants.h"
#include "fb_eval.h"
#include "fb_thermo.h"

void eval_bbn_put_abundances(fb_eval_output *out, const bbn_result *r); /* eval_bbn.c */

static int eval_late_decay(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  const double m = fb_eval_number(args, "mass_GeV"), tau = fb_eval_number(args, "tau_s");
  const double n0a = fb_eval_number(args, "n_over_ngamma"), T0 = fb_eval_number(args, "T0_MeV");
  const double bra = fb_eval_number(args, "br_photon"), bre = fb_eval_number(args, "br_ee");
  FB_TEST(err, bra + bre > 1.0 + 1e-9, FB_ERR_INPUT, "br_photon + br_ee = %g > 1", bra + bre);
  bbn_params p;
  bbn_params_default(&p);
  p.omega_b_h2 = fb_eval_number(args, "omega_b_h2");
  bbn_tables tab;
  FB_CALL(err, bbn_tables_init(&tab, err));
  bbn_result r0, r;
  int rc = bbn_solve(&tab, &p, &r0, err);
  bbn_decay d;
  memset(&d, 0, sizeof d);
  double nX_over_s = 0.0;
  if (rc == FB_OK && tau <= 1e5 && n0a > 0.0) {
    d.mass_GeV = m;
    d.tau_s = tau;
    d.n_over_ngamma = n0a;
    d.f_em = bra + bre;
    d.f_inv = 1.0 - d.f_em;
    p.T_start_MeV = T0;
    bbn_result rs; /* standard BBN from this T_start: the baryon normalisation of the decay run */
    rc = bbn_solve(&tab, &p, &rs, err);
    if (rc == FB_OK) {
      p.decay = &d;
      p.sbbn_nb_ref = rs.nb_comoving;
      rc = bbn_solve(&tab, &p, &r, err);
      nX_over_s = r.mY_GeV / m;
    }
  } else if (rc == FB_OK) {
    r = r0;
    fb_thermo th;
    rc = fb_thermo_init(&th, err);
    if (rc == FB_OK) {
      const double gs0 = fb_thermo_gstar_s(&th, T0 * 1e-3);
      /* n_X/s = (n_X/n_gamma) n_gamma / s = n0a (2 zeta3/pi^2) / (2 pi^2 g_s / 45) */
      nX_over_s = n0a * (2.0 * FB_ZETA3 / (FB_PI * FB_PI)) / (2.0 * FB_PI * FB_PI * gs0 / 45.0);
      fb_thermo_free(&th);
    }
  }
  bbn_tables_free(&tab);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "BBN before the late decay");

  bbn_cascade_ws ws;
  FB_CALL(err, bbn_cascade_ws_init(&ws, err));
  bbn_photodis_params pp;
  bbn_photodis_params_default(&pp);
  pp.mass_GeV = m;
  pp.tau_s = tau;
  pp.nX_over_s = nX_over_s;
  pp.br_photon = bra;
  pp.br_ee = bre;
  pp.eta = r.eta;
  pp.casc.universal = strcmp(fb_eval_text(args, "spectrum"), "universal") == 0;
  bbn_photodis_result q;
  rc = bbn_photodis_evolve(&ws, &pp, r.Y, &q, err);
  bbn_cascade_ws_free(&ws);
  if (rc != FB_OK) return fb_err_push(err, rc, __func__, __LINE__, "photodisintegration");
  bbn_result f = r;
  memcpy(f.Y, q.Y, sizeof f.Y);
  f.Yp_mass = r.Yp_mass * q.Y[BBN_HE4] / r.Y[BBN_HE4]; /* 4He mass fraction scaled with n_He4 */
  f.Yp = q.Yp;
  f.D_H = q.D_H;
  f.He3_H = q.He3_H;
  f.Li7_H = q.Li7_H;
  f.Li6_H = q.Li6_H;
  bbn_verdict v;
  bbn_verdict_eval(&f, &r0, NULL, &v);
  eval_bbn_put_abundances(out, &f);
  fb_eval_put(out, "chi2", "", v.chi2);
  fb_eval_put(out, "chi2_sbbn", "", v.chi2_sbbn);
  fb_eval_put(out, "delta_chi2", "", v.delta_chi2);
  fb_eval_put(out, "excluded", "", v.excluded_bbn);
  fb_eval_put(out, "excluded_Yp", "", v.excluded_Yp);
  fb_eval_put(out, "excluded_D_H", "", v.excluded_DH);
  fb_eval_put_text(out, "criterion", "delta_chi2 = chi2 - chi2_sbbn > 5.99 (Yp and D/H, 2 dof, 95% CL)");
  fb_eval_put(out, "D_H_before", "", r.D_H);
  fb_eval_put(out, "He3_H_before", "", r.He3_H);
  fb_eval_put(out, "Li7_H_before", "", r.Li7_H);
  fb_eval_put(out, "Yp_before", "", r.Yp);
  fb_eval_put(out, "D_H_sbbn", "", r0.D_H);
  fb_eval_put(out, "He3_H_sbbn", "", r0.He3_H);
  fb_eval_put(out, "Li7_H_sbbn", "", r0.Li7_H);
  fb_eval_put(out, "Yp_sbbn", "", r0.Yp);
  fb_eval_put(out, "nX_over_s", "", nX_over_s);
  fb_eval_put(out, "rhoX_over_rhorad_max", "", q.rhoX_over_rhorad_max);
  fb_eval_put(out, "bbn_with_decay", "", tau <= 1e5 && n0a > 0.0);
  fb_eval_put(out, "n_spectra", "", q.n_spectra);
  fb_eval_put(out, "cpu_s", "s", q.time_s);
  return FB_OK;
}

const fb_eval_module fb_eval_late_decay = {
    "late-decay",
    "photodisintegration after BBN by the electromagnetic cascade of a late-decaying X (photon and e+e- "
    "lines + FSR; cascade on the thermal background): Yp, D/H, 3He/H, 7Li/H after the decays, before, "
    "chi2, Delta chi2 to standard BBN, excluded (95% CL)",
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
