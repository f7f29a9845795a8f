/**
 * @file eval_cmb.c
 * @brief `fipbounds eval cmb-decay mass_GeV=... tau_s=... (mY_GeV=... | n_over_ngamma=... T0_MeV=...)
 *        f_em=... [--json]`: CMB spectral distortions (mu, y), the released energy Delta rho/rho and the
 *        recombination-era injection ratio of a decaying particle, with the excluded flags
 *        (src/cmb/fb_cmb.h). With model=bc1|bc4|bc9|bc11 and coupling=..., tau_s, f_em and m Y_X are those
 *        of the point of the scan model bcN_cmb (run through eval_scan_point.c: the abundance assumption
 *        of [cmb_fip], keys abundance, T_dec_GeV, omega_fraction, T_RH_GeV, stated in the key
 *        `assumption`); tau_s, f_em, mY_GeV / n_over_ngamma given explicitly win.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fb_cmb.h"
#include "fb_cmb_dep.h"
#include "fb_cmb_fisher.h"
#include "fb_constants.h"
#include "fb_eval.h"

/* The CMB bounds of one decay (tau, m Y_X, f_em) with parameters p: the keys of `eval cmb-decay` from tau_s to
 * low_energy_injection, the overall verdict (mu, y or anisotropies) as key excluded_key. The verdicts follow the
 * masks of the scans (fb_model_cmb_decay.c, fb_model_cmb_fip.c): photons injected at x = E/T < FB_CMB_XINJ_MIN
 * make the heating treatment of mu and y only indicative, never excluded; a model's abundance that would exceed
 * the equilibrium one (thermalised) excludes nothing. Also used by `eval late-decay` (eval_late_decay.c). */
int eval_cmb_put(fb_eval_output *out, const fb_cmb_params *p, const fb_cmb_dep_spectrum *spec, double mass, double tau,
                 double mY, double f_em, int thermalised, const char *excluded_key, fb_err *err) {
  fb_cmb c;
  fb_cmb_result r;
  int rc;
  FB_CALL(err, fb_cmb_init(&c, p, err));
  if (spec) FB_CALL_GOTO(err, rc, fb_cmb_set_spectrum(&c, spec, err), done);
  FB_CALL_GOTO(err, rc, fb_cmb_decay_eval(&c, tau, mY, f_em, &r, err), done);
  fb_eval_put(out, "tau_s", "s", tau);
  fb_eval_put(out, "f_em", "", f_em);
  fb_eval_put(out, "mY_GeV", "GeV", mY);
  fb_eval_put(out, "omega_h2_undecayed", "", mY * c.s0_cm3 / FB_RHO_CRIT_H2_GEV_CM3);
  /* z at t = tau; a lifetime beyond the age of the universe has no decay redshift (fb_cmb_redshift_at_time
   * extrapolates to z < 0 for the integrals): null (review, session 10) */
  fb_eval_put(out, "z_decay", "", r.z_decay >= 0.0 ? r.z_decay : NAN);
  fb_eval_put(out, "drho_rho", "", r.drho_rho);
  fb_eval_put(out, "mu", "", r.mu);
  fb_eval_put(out, "y", "", r.y);
  fb_eval_put(out, "R_aniso", "", r.R_aniso);
  if (p->aniso != FB_CMB_ANISO_POWER) {
    fb_eval_put(out, "R_aniso_late", "", r.R_late);
    fb_eval_put(out, "R_aniso_last_scattering", "", r.R_ls);
    fb_eval_put(out, "R_aniso_visibility", "", r.R_vis);
    fb_eval_put(out, "R_aniso_visibility_post", "", r.R_post);
  }
  if (p->aniso == FB_CMB_ANISO_FISHER) fb_eval_put(out, "chi2_fisher", "", r.chi2_fisher);
  fb_eval_put(out, "mu_max", "", p->mu_max);
  fb_eval_put(out, "y_max", "", p->y_max);
  const int low = fb_cmb_low_energy_injection(&c, mass, r.z_decay);
  const int ex_mu = r.excluded_mu && !low && !thermalised, ex_y = r.excluded_y && !low && !thermalised;
  const int ex_an = r.excluded_aniso && !thermalised;
  fb_eval_put(out, "excluded_mu", "", ex_mu);
  fb_eval_put(out, "excluded_y", "", ex_y);
  fb_eval_put(out, "excluded_anisotropies", "", ex_an);
  fb_eval_put(out, excluded_key, "", ex_mu || ex_y || ex_an);
  fb_eval_put(out, "low_energy_injection", "", low);
  /* the residual-era share of drho_rho (null with distortion=branching) and the energy deposited per H nucleus during
   * recombination, z ~ 1550 to 200, in eV (null with aniso_method=power): fb_cmb_result */
  fb_eval_put(out, "f_residual", "", r.f_residual);
  fb_eval_put(out, "E_dep_rec_eV_per_H", "eV", r.E_dep_rec_eV_per_H);
  rc = FB_OK;
done:
  fb_cmb_free(&c);
  return rc;
}

/* model=bcN: the point of scan model bcN_cmb with the eval's [cmb_fip] options */
static int cmb_scan_point(const fb_eval_args *args, const char *model, double mass, eval_scan_point_result *pt,
                          fb_err *err) {
  FB_TEST(err, !fb_eval_given(args, "coupling"), FB_ERR_INPUT, "model=%s needs coupling=<value>", model);
  char scan[32], set[5][96];
  snprintf(scan, sizeof scan, "%s_cmb", model);
  snprintf(set[0], sizeof set[0], "cmb_fip.abundance=%s", fb_eval_text(args, "abundance"));
  snprintf(set[1], sizeof set[1], "cmb_fip.T_dec_GeV=%s", fb_eval_text(args, "T_dec_GeV"));
  snprintf(set[2], sizeof set[2], "cmb_fip.omega_fraction=%s", fb_eval_text(args, "omega_fraction"));
  snprintf(set[3], sizeof set[3], "cmb_fip.T_RH_GeV=%s", fb_eval_text(args, "T_RH_GeV"));
  snprintf(set[4], sizeof set[4], "cmb_fip.deposition=%s", fb_eval_text(args, "deposition"));
  const char *sets[5] = {set[0], set[1], set[2], set[3], set[4]};
  return eval_scan_point(scan, sets, 5, mass, fb_eval_number(args, "coupling"), pt, err);
}

static int eval_cmb_decay(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  const double mass = fb_eval_number(args, "mass_GeV");
  double tau = fb_eval_number(args, "tau_s"), f_em = fb_eval_number(args, "f_em");
  const char *model = fb_eval_text(args, "model");
  const int bench = strcmp(model, "none") != 0;
  const int have_mY = fb_eval_given(args, "mY_GeV"), have_n = fb_eval_given(args, "n_over_ngamma");
  static eval_scan_point_result pt; /* its texts are printed after this returns */
  int from_model = 0; /* the abundance is the scan model's ([cmb_fip] abundance) */
  /* z_eff: the key takes [10, 1e4] (aniso_method=power); every other method projects Delta x_e at z_eff and
   * needs [100, 1200] (fb_cmb_window_setup): refused here, before any scan point (review fix) */
  fb_cmb_aniso aniso;
  FB_CALL(err, fb_cmb_aniso_from_name(fb_eval_text(args, "aniso_method"), &aniso, err));
  const double z_eff = fb_eval_number(args, "z_eff");
  FB_TEST(err, aniso != FB_CMB_ANISO_POWER && !(z_eff >= FB_CMB_Z_EFF_WINDOW_MIN && z_eff <= FB_CMB_Z_EFF_WINDOW_MAX),
          FB_ERR_INPUT, "z_eff = %g with aniso_method=%s: allowed [%g, %g] (aniso_method=power: [10, 1e4])", z_eff,
          fb_cmb_aniso_name(aniso), FB_CMB_Z_EFF_WINDOW_MIN, FB_CMB_Z_EFF_WINDOW_MAX);
  if (bench) {
    FB_CALL(err, cmb_scan_point(args, model, mass, &pt, err));
    if (!fb_eval_given(args, "tau_s")) tau = eval_scan_q(&pt, "tau_s");
    if (!fb_eval_given(args, "f_em")) f_em = eval_scan_q(&pt, "f_em");
    from_model = !have_mY && !have_n;
  } else {
    FB_TEST(err, !fb_eval_given(args, "tau_s"), FB_ERR_INPUT, "tau_s=<value> is required (or model=bcN coupling=...)");
    static const char *model_only[] = {"coupling", "abundance", "T_dec_GeV", "omega_fraction", "T_RH_GeV"};
    for (size_t i = 0; i < sizeof model_only / sizeof model_only[0]; i++)
      FB_TEST(err, fb_eval_given(args, model_only[i]), FB_ERR_INPUT, "%s= needs model=bcN", model_only[i]);
  }
  FB_TEST(err, have_mY && have_n, FB_ERR_INPUT, "give only one of mY_GeV=... or n_over_ngamma=... (with T0_MeV=...)");
  FB_TEST(err, !bench && !have_mY && !have_n, FB_ERR_INPUT,
          "give one of mY_GeV=... or n_over_ngamma=... (with T0_MeV=...), or model=bcN coupling=... (its abundance)");
  FB_TEST(err, !from_model && bench && (fb_eval_given(args, "abundance") || fb_eval_given(args, "T_dec_GeV") ||
                                        fb_eval_given(args, "omega_fraction") || fb_eval_given(args, "T_RH_GeV")),
          FB_ERR_INPUT, "abundance, T_dec_GeV, omega_fraction and T_RH_GeV set the model's abundance: not with mY_GeV or "
          "n_over_ngamma");
  double mY = from_model ? eval_scan_q(&pt, "mY_GeV") : fb_eval_number(args, "mY_GeV");
  if (have_n) {
    double Y;
    FB_CALL(err, fb_cmb_yield_from_n_over_ngamma(fb_eval_number(args, "n_over_ngamma"), fb_eval_number(args, "T0_MeV"), tau,
                                                 &Y, err));
    mY = mass * Y;
  }
  fb_cmb_params p;
  fb_cmb_params_default(&p);
  p.jbb = strcmp(fb_eval_text(args, "visibility"), "improved") ? FB_CMB_JBB_SIMPLE : FB_CMB_JBB_IMPROVED;
  FB_CALL(err, fb_cmb_dist_from_name(fb_eval_text(args, "distortion"), &p.dist, err));
  p.z_eff = z_eff;
  p.aniso = aniso;
  FB_CALL(err, fb_cmb_fisher_kernel_from_name(fb_eval_text(args, "fisher_kernel"), &p.fisher_kernel, err));
  FB_CALL(err, fb_cmb_photon_grid_from_name(fb_eval_text(args, "photon_grid"), &p, err));
  FB_CALL(err, fb_cmb_chi_from_name(fb_eval_text(args, "chi_type"), &p.chi, err));
  /* deposition: the scan point's photon energy (model=bcN), E = m/2 (photon_line) or on the spot */
  {
    const char *dep = fb_eval_text(args, "deposition");
    FB_TEST(err, !bench && (!strcmp(dep, "spectrum") || !strcmp(dep, "lines")), FB_ERR_INPUT,
            "deposition=%s needs model=bcN (the decay's spectrum); without a model: auto|on_the_spot|photon_line|pair_line",
            dep);
    const double Ed = bench ? eval_scan_q(&pt, "E_dep_GeV")
                            : !strcmp(dep, "photon_line") ? 0.5 * mass : !strcmp(dep, "pair_line") ? -0.5 * mass : 0.0;
    p.photon_E_GeV = Ed > 0 ? Ed : 0.0;
    p.pair_E_GeV = Ed < 0 ? -Ed : 0.0;
    FB_TEST(err, Ed != 0.0 && aniso == FB_CMB_ANISO_POWER, FB_ERR_INPUT,
            "deposition=%s needs a window aniso_method (not power)", dep);
  }
  const int therm = from_model && eval_scan_q(&pt, "thermalised") != 0.0;
  fb_eval_put(out, "mass_GeV", "GeV", mass);
  /* the scan point's mixed-channel kernel (quantity dep_spectrum): the same spectrum from the model's decay record */
  static fb_cmb_dep_spectrum spec;
  const int use_spec = bench && eval_scan_q(&pt, "dep_spectrum") == 1.0;
  if (use_spec) {
    double f_casc;
    FB_CALL(err, fb_cmb_fip_spectrum(model, mass, &spec, &f_casc, err));
  }
  FB_CALL(err, eval_cmb_put(out, &p, use_spec ? &spec : NULL, mass, tau, mY, f_em, therm, "excluded", err));
  if (bench) {
    fb_eval_put_text(out, "model", model);
    fb_eval_put(out, "coupling", "", fb_eval_number(args, "coupling"));
  }
  if (from_model) {
    fb_eval_put(out, "thermalised", "", eval_scan_q(&pt, "thermalised"));
    /* the scan's relative change of m Y when T_RH is lowered tenfold (freeze-in by scatterings; 0 otherwise) and
     * its criterion (as eval bbn-decay, tools/plot_summary.py): > 10 % means the result depends on T_RH */
    const double trh = eval_scan_q(&pt, "abundance_TRH_change");
    fb_eval_put(out, "abundance_TRH_change", "", trh);
    fb_eval_put(out, "T_RH_sensitive", "", fabs(trh) > 0.1 ? 1.0 : 0.0);
    fb_eval_put_text(out, "assumption", pt.assumption);
  }
  return FB_OK;
}

const fb_eval_module fb_eval_cmb_decay = {
    "cmb-decay",
    "CMB spectral distortions (FIRAS mu, y, the residual-era share f_residual of drho_rho) and recombination-era "
    "injection (Planck; E_dep_rec_eV_per_H: energy deposited per H nucleus from z ~ 1550 to 200, eV) of a decaying particle; with "
    "model=bcN coupling=...: the point of scan model bcN_cmb (lifetime, f_em and the stated abundance assumption)",
    20,
    {{"mass_GeV", "GeV", NULL, 0.0, 1e6, NULL, "mass of the decaying particle"},
     {"tau_s", "s", NULL, 0.0, 1e30, "1e10", "lifetime (required unless model=bcN gives it)"},
     {"mY_GeV", "GeV", NULL, -1e-300, 1e10, "0", "m Y_X = m n_X/s before decays (or n_over_ngamma)"},
     {"n_over_ngamma", "", NULL, -1e-300, 1e20, "0", "n_X/n_gamma at T0_MeV (ACROPOLIS convention; or mY_GeV)"},
     {"T0_MeV", "MeV", NULL, 1e-3, 1e5, "10", "temperature at which n_over_ngamma is given"},
     {"f_em", "", NULL, -1e-300, 1.0, "1", "fraction of the mass released electromagnetically"},
     {"model", "", "none|bc1|bc4|bc9|bc11", 0, 0, "none",
      "take tau_s, f_em and (unless mY_GeV or n_over_ngamma is given) m Y_X from the point of scan model bcN_cmb"},
     {"coupling", "", NULL, 0.0, 1.0, "1e-12",
      "coupling of model (bc1: epsilon, bc4: sin^2 theta, bc9: g_agamma, bc11: 1/f_G in GeV^-1)"},
     {"abundance", "", "freezein|thermal|omega_fraction", 0, 0, "freezein",
      "model=bcN without mY_GeV: its abundance assumption ([cmb_fip] abundance)"},
     {"T_dec_GeV", "GeV", NULL, 1e-3, 1e5, "1e3", "abundance=thermal: decoupling temperature ([cmb_fip] T_dec_GeV)"},
     {"omega_fraction", "", NULL, 0.0, 1.0, "1e-6", "abundance=omega_fraction: Omega_X/Omega_c before decays"},
     {"T_RH_GeV", "GeV", NULL, 1e-2, 1e5, "1000", "bc1, bc4, bc9, bc11 with abundance=freezein: start of the freeze-in by scatterings"},
     {"visibility", "", "simple|improved", 0, 0, "simple", "J_bb: simple or improved (arXiv:1506.06582)"},
     {"distortion", "", "firas|branching", 0, 0, "firas",
      "mu, y: heating Green's function projected onto the FIRAS band (src/cmb/fb_cmb_green.c) or the branching ratios "
      "1.401 J_bb J_mu, J_y/4 (arXiv:1304.6120)"},
     {"z_eff", "", NULL, 10.0, 1e4, "600", "redshift of the late projection (window, window_max, visibility: [100, 1200]) "
                                          "or of the injected power (power: [10, 1e4])"},
     {"aniso_method", "", "window|window_max|power|visibility|visibility_post|fisher", 0, 0, "visibility",
      "anisotropy bound: visibility (Delta x_e(z)/x_e weighted by the Thomson visibility, default), recombination window "
      "(Delta x_e at z_eff), window_max (also Delta x_e/x_e at z_star), the injected power at z_eff (fb_cmb.h), "
      "or fisher (Delta chi^2 = a^T F a in deposition-redshift bins, kernel inputs/cmb_fisher_kernel.dat; fb_cmb_fisher.h)"},
     {"fisher_kernel", "", "ideal|planck_lowl", 0, 0, "ideal",
      "aniso_method=fisher: ideal (white-noise Planck-143-like likelihood, inputs/cmb_fisher_kernel.dat) or planck_lowl "
      "(no TE/EE at l < 30, prior sigma(tau) = 0.007; inputs/cmb_fisher_kernel_planck.dat; fb_cmb_fisher.h)"},
     {"photon_grid", "", "tracks|advected|fine_tracks|fine_advected", 0, 0, "tracks",
      "secondary photon grid of the deposition kernels (src/cmb/fb_cmb_dep.h): advected = every bin advected on the grid "
      "(default; its upper edges of the CMB bands are not grid-converged), tracks = photons of 1-51 keV follow exact "
      "continuous-loss tracks (branch cmbgrid: converged upper edges, ~20 % more CPU), fine_tracks / fine_advected = the "
      "same on the uniform 10^(1/12) reference grid (~10x slower; resolution checks)"},
     {"chi_type", "", "ck2004|galli2013", 0, 0, "ck2004",
      "ionisation/excitation split of the deposited energy: Chen & Kamionkowski (1 - x_e)/3 or Galli et al. arXiv:1306.0563"},
     {"deposition", "", "auto|on_the_spot|photon_line|pair_line|spectrum|lines", 0, 0, "auto",
      "recombination-era deposition: photon_line = photons of E = mass_GeV/2 with the delayed energy-dependent deposition "
      "of src/cmb/fb_cmb_dep.h; pair_line = e+e- of E = mass_GeV/2 each; on_the_spot = f_eff = 1; auto = model=bcN: as "
      "[cmb_fip] deposition (lines, else the mixed-channel spectrum kernel, else on the spot), else on_the_spot; "
      "spectrum, lines: model=bcN only, as [cmb_fip] deposition"}},
    eval_cmb_decay,
};
