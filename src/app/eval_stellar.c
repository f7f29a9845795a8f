/**
 * @file eval_stellar.c
 * @brief `fipbounds eval sn1987a model=bc1|bc9|bc4|bc5|bc6|bc7|bc8 mass_GeV=... [epsilon=...]`: the SN1987A
 *        band edges of the BC1 dark photon (eps_low, eps_high), the BC9 ALP (g_low_GeV, g_high_GeV), the
 *        BC4/BC5 scalar (sin2theta_low, sin2theta_high) or the BC6-BC8 HNL (U2_low, U2_high = |U|^2) at
 *        one mass (default profile inputs/sn_profile_mantle.dat), the BC10/BC11 nucleon-coupled ALPs
 *        (coupling_low/high in 1/f [GeV^-1], fb_sn_alpn.h), and
 *        `fipbounds eval hb model=bc9 mass_GeV=...`: the horizontal-branch Primakoff bound on g_agg.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_benchmark_axes.h"
#include "fb_constants.h"
#include "fb_eval.h"
#include "fb_hb_alp.h"
#include "fb_rg_alp.h"
#include "fb_rg_mcp.h"
#include "fb_sn_alp.h"
#include "fb_sn_alpn.h"
#include "fb_sn_darkphoton.h"
#include "fb_sn_hnl.h"
#include "fb_sn_mcp.h"
#include "fb_sn_scalar.h"
#include "fb_stellar_fip.h"

/* The boolean words of input files (fb_config.c) are accepted here too, so that a value copied
 * from an input file works on the command line: on/true/yes/1 and off/false/no/0. */
#define FB_EVAL_BOOL_CHOICES "on|off|true|false|yes|no|1|0"
static int on(const fb_eval_args *a, const char *name) {
  const char *v = fb_eval_text(a, name);
  return !strcmp(v, "on") || !strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "1");
}

/* The coupling at which the luminosity is printed: `coupling=` (the scheme of every eval module,
 * docs/output-format.md) or `epsilon=`, its old name here for every model (an error if both are given). */
static int sn_coupling_given(const fb_eval_args *args) {
  return fb_eval_given(args, "coupling") || fb_eval_given(args, "epsilon");
}
static double sn_coupling(const fb_eval_args *args) {
  return fb_eval_number(args, fb_eval_given(args, "coupling") ? "coupling" : "epsilon");
}

static int eval_sn1987a(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  fb_sn_options o;
  fb_sn_options_default(&o);
  o.r_far_km = fb_eval_number(args, "r_far_km");
  o.r_emit_km = fb_eval_number(args, "r_emit_km");
  o.L_nu_erg_s = fb_eval_number(args, "L_nu_erg_s");
  o.absorption = on(args, "absorption");
  o.decays = on(args, "decays");
  o.longitudinal = on(args, "longitudinal");
  /* bc1 channels (fb_sn_darkphoton.h); "coalescence" is e+e- -> A' for bc1, gamma gamma -> a for bc9 */
  o.semi_compton = on(args, "semi_compton");
  o.coalescence = on(args, "coalescence");
  o.L_nu_from_profile = !strcmp(fb_eval_text(args, "L_nu_source"), "profile");
  o.emission_smooth = !strcmp(fb_eval_text(args, "emission_edge"), "smooth");
  o.medium_electron_mass = !strcmp(fb_eval_text(args, "electron_mass"), "medium");
  o.criterion = fb_sn_criterion_parse(fb_eval_text(args, "criterion"));
  const char *model = fb_eval_text(args, "model");
  const int is_bc9 = !strcmp(model, "bc9"), is_scalar = !strcmp(model, "bc4") || !strcmp(model, "bc5");
  const int hnl = !strcmp(model, "bc6") ? 0 : !strcmp(model, "bc7") ? 1 : !strcmp(model, "bc8") ? 2 : -1;
  const int is_bc3 = !strcmp(model, "bc3");
  const int alpn = !strcmp(model, "bc10") ? 10 : !strcmp(model, "bc11") ? 11 : 0;
  FB_TEST(err, fb_eval_given(args, "coupling") && fb_eval_given(args, "epsilon"), FB_ERR_INPUT,
          "give the coupling once: coupling=<value> (epsilon= is its old name)");
  const fb_benchmark_axes *ax = fb_benchmark_axes_of_model(model);
  if (fb_eval_given(args, "epsilon") && ax && strcmp(ax->coupling.name, "epsilon"))
    fprintf(stderr, "fipbounds eval sn1987a: note: for model %s 'epsilon' is an old name of its coupling %s; use coupling=\n",
            model, ax->coupling.name);
  fb_sn_mcp_options mo;
  fb_sn_mcp_options_default(&mo);
  mo.annihilation = o.coalescence; /* bc3: coalescence = e+e- -> chi chibar, absorption = chi p scattering */
  mo.scattering = o.absorption;
  mo.bremsstrahlung = on(args, "bremsstrahlung");
  mo.plasmon = on(args, "plasmon");
  mo.trapping = fb_sn_mcp_trapping_parse(fb_eval_text(args, "mcp_trapping"));
  /* auto: transfer for bc9 (issue 16); rays for the scalar (arXiv:2205.01669) and the HNL (modified luminosity
   * criterion, arXiv:2311.00033); cem for bc1 */
  if (o.criterion < 0 && is_bc3) o.criterion = FB_SN_CRIT_CEM;
  if (o.criterion < 0 && alpn) o.criterion = FB_SN_CRIT_TRANSFER; /* as bc9 (fb_sn_alpn.h) */
  if (o.criterion < 0)
    o.criterion = is_bc9 ? FB_SN_CRIT_TRANSFER
                  : (is_scalar || hnl >= 0) ? FB_SN_CRIT_RAYS
                                            : FB_SN_CRIT_CEM;
  if (is_bc9 || is_scalar || hnl >= 0 || is_bc3 || alpn) o.semi_compton = o.coalescence = 0; /* no BC1 tables */
  double mass = fb_eval_number(args, "mass_GeV");
  fb_sn_profile p;
  fb_rratio R;
  fb_sn_medium m;
  fb_sn_table t;
  fb_sn_scalar sc;
  memset(&sc, 0, sizeof sc);
  memset(&p, 0, sizeof p);
  memset(&R, 0, sizeof R);
  memset(&m, 0, sizeof m);
  memset(&t, 0, sizeof t);
  int rc;
  double lo, hi, peak, mmax = NAN;
  /* inputs/sn_profile_<name>.dat (docs/sn-profile.md 1, 1b, 1c); the parametric profiles keep their file names
   * sn_profile_{default,cold,hot}.dat (stored scan inputs name them), parametric[_cold|_hot] map to them */
  const char *pname = fb_eval_text(args, "profile");
  if (!strcmp(pname, "parametric")) pname = "default";
  else if (!strcmp(pname, "parametric_cold")) pname = "cold";
  else if (!strcmp(pname, "parametric_hot")) pname = "hot";
  char profile_path[64];
  snprintf(profile_path, sizeof profile_path, "inputs/sn_profile_%s.dat", pname);
  FB_CALL_GOTO(err, rc, fb_sn_profile_read(&p, profile_path, NULL, err), done);
  FB_CALL_GOTO(err, rc, fb_rratio_init(&R, err), done);
  FB_CALL_GOTO(err, rc, fb_sn_medium_init(&m, &p, &o, err), done);
  if (is_scalar) {
    /* BC4/BC5 scalar: soft NN bremsstrahlung, inverse bremsstrahlung and decays (fb_sn_scalar.h); the
     * table's coupling is sin(theta), the edges are printed in sin^2 theta; BC5 has the BC4 band */
    FB_CALL_GOTO(err, rc, fb_sn_scalar_init(&sc, NULL, err), done);
    FB_CALL_GOTO(err, rc, fb_sn_scalar_table_compute(&t, &sc, &m, mass, err), done);
    FB_CALL_GOTO(err, rc, fb_sn_scalar_edges(&t, m.opt.L_nu_erg_s, &lo, &hi, err), done);
    if (!strcmp(fb_eval_text(args, "mass_max"), "yes"))
      FB_CALL_GOTO(err, rc, fb_sn_scalar_mass_max_GeV(&sc, &m, 1e-3, 3.0, 1e-3, &mmax, err), done);
    fb_eval_put_text(out, "model", model);
    fb_eval_put_text(out, "criterion", fb_sn_criterion_name(m.opt.criterion));
    fb_eval_put(out, "mass_GeV", "GeV", mass);
    fb_eval_put(out, "coupling_low", "", lo); /* generic names (issue 16), null where closed */
    fb_eval_put(out, "coupling_high", "", hi);
    fb_eval_put(out, "sin2theta_low", "", lo);
    fb_eval_put(out, "sin2theta_high", "", hi);
    if (sn_coupling_given(args))
      fb_eval_put(out, "luminosity_erg_s_at_sin2theta", "erg/s",
                  fb_sn_table_luminosity_erg_s(&t, sqrt(sn_coupling(args))));
    fb_eval_put(out, "L_over_sin2theta_bremsstrahlung_erg_s", "erg/s", t.L0_T);
    fb_eval_put(out, "L_over_sin2theta_inverse_decay_erg_s", "erg/s", t.L0_L);
    fb_eval_put(out, "y_hNN", "", sc.y_hNN);
    fb_eval_put(out, "neutrinosphere_km", "km", m.r_nu_km);
    fb_eval_put(out, "L_nu_erg_s", "erg/s", m.opt.L_nu_erg_s);
    if (isfinite(mmax)) fb_eval_put(out, "mass_max_GeV", "GeV", mmax);
    goto done;
  }
  if (alpn) {
    /* BC10/BC11: NN bremsstrahlung through the induced nucleon couplings, absorption and decays (fb_sn_alpn.h);
     * the table's coupling is 1/f in GeV^-1 */
    fb_sn_alpn a;
    fb_sn_alpn_options ao;
    if (fb_sn_alpn_options_parse(&ao, fb_eval_text(args, "ope")) != 0) ao.pion_mass = 1; /* choices checked */
    ao.pion_induced = fb_sn_alpn_pion_parse(fb_eval_text(args, "pion_induced")); /* choices checked */
    ao.muons = on(args, "muons");
    ao.pion_virial = strcmp(fb_eval_text(args, "pion_abundance"), "free") != 0; /* choices checked */
    ao.pion_delta = fb_sn_alpn_delta_parse(fb_eval_text(args, "pion_delta")); /* choices checked */
    double *ms = calloc(FB_SN_ALPN_MEDIUM_NF * m.n, sizeof *ms);
    FB_TEST_GOTO(err, rc, !ms, FB_ERR_MEMORY, done, "cannot allocate m*");
    fb_sn_alpn_mstar(&m, &p, ms);
    rc = fb_sn_alpn_init(&a, alpn, &ao, err);
    if (rc == FB_OK) {
      rc = fb_sn_alpn_table_compute(&t, &a, &m, ms, mass, err);
      if (rc == FB_OK) rc = fb_sn_table_edges(&t, m.opt.L_nu_erg_s, &lo, &hi, &peak, err);
      fb_eval_put_text(out, "model", model);
      fb_eval_put_text(out, "criterion", fb_sn_criterion_name(m.opt.criterion));
      fb_eval_put_text(out, "ope", fb_eval_text(args, "ope"));
      fb_eval_put(out, "mass_GeV", "GeV", mass);
      fb_eval_put(out, "coupling_low", "GeV^-1", lo); /* 1/f_l or 1/f_G; null where closed */
      fb_eval_put(out, "coupling_high", "GeV^-1", hi);
      fb_eval_put(out, alpn == 10 ? "inv_fl_low_GeV" : "inv_fG_low_GeV", "GeV^-1", lo);
      fb_eval_put(out, alpn == 10 ? "inv_fl_high_GeV" : "inv_fG_high_GeV", "GeV^-1", hi);
      fb_eval_put(out, "g_an_low", "", a.gn * lo);
      fb_eval_put(out, "g_ap_low", "", a.gp * lo);
      if (sn_coupling_given(args))
        fb_eval_put(out, "luminosity_erg_s_at_coupling", "erg/s",
                    fb_sn_table_luminosity_erg_s(&t, sn_coupling(args)));
      fb_eval_put(out, "L_f2_bremsstrahlung_erg_s_GeV2", "erg/s GeV^-2", t.L0_T);
      fb_eval_put(out, "L_f2_inverse_decay_erg_s_GeV2", "erg/s GeV^-2", t.L0_L);
      fb_eval_put(out, "L_f2_pion_induced_erg_s_GeV2", "erg/s GeV^-2", a.L_pion_f2);
      fb_eval_put(out, "L_f2_muon_erg_s_GeV2", "erg/s GeV^-2", a.L_muon_f2);
      fb_eval_put(out, "neutrinosphere_km", "km", m.r_nu_km);
      fb_eval_put(out, "L_nu_erg_s", "erg/s", m.opt.L_nu_erg_s);
      fb_sn_alpn_free(&a);
    }
    free(ms);
    goto done;
  }
  if (is_bc3) {
    /* BC3 millicharged fermion (fb_sn_mcp.h): plasmon decay, off-shell photons from np bremsstrahlung and
     * e+e- annihilation, trapping by chi p scattering; the table's coupling is eps */
    FB_CALL_GOTO(err, rc, fb_sn_mcp_table_compute(&t, &m, &mo, mass, err), done);
    FB_CALL_GOTO(err, rc, fb_sn_table_edges(&t, m.opt.L_nu_erg_s, &lo, &hi, &peak, err), done);
    if (!strcmp(fb_eval_text(args, "mass_max"), "yes"))
      FB_CALL_GOTO(err, rc, fb_sn_mcp_mass_max_GeV(&m, &mo, 1e-3, 1.9, 1e-3, &mmax, err), done);
    fb_eval_put_text(out, "model", "bc3");
    fb_eval_put_text(out, "criterion", fb_sn_criterion_name(m.opt.criterion));
    fb_eval_put(out, "mass_GeV", "GeV", mass);
    fb_eval_put(out, "coupling_low", "", lo); /* null where closed */
    fb_eval_put(out, "coupling_high", "", hi);
    fb_eval_put(out, "eps_low", "", lo);
    fb_eval_put(out, "eps_high", "", hi);
    if (sn_coupling_given(args))
      fb_eval_put(out, "luminosity_erg_s_at_eps", "erg/s", fb_sn_table_luminosity_erg_s(&t, sn_coupling(args)));
    fb_eval_put(out, "L_over_eps2_erg_s", "erg/s", t.L0_T + t.L0_L + t.L0_res);
    fb_eval_put(out, "L_over_eps2_plasmon_erg_s", "erg/s", t.L0_T);
    fb_eval_put(out, "L_over_eps2_bremsstrahlung_erg_s", "erg/s", t.L0_L);
    fb_eval_put(out, "L_over_eps2_annihilation_erg_s", "erg/s", t.L0_res);
    fb_eval_put(out, "neutrinosphere_km", "km", m.r_nu_km);
    fb_eval_put(out, "L_nu_erg_s", "erg/s", m.opt.L_nu_erg_s);
    if (isfinite(mmax)) fb_eval_put(out, "mass_max_GeV", "GeV", mmax);
    goto done;
  }
  if (hnl >= 0) {
    /* BC6-BC8 HNL: production by mixing (NC on nucleons; CC for e), absorption and decays (fb_sn_hnl.h);
     * the table's coupling is |U|, the band is reported in |U|^2 */
    fb_sn_hnl h;
    fb_sn_hnl_options ho;
    fb_sn_hnl_options_default(&ho);
    ho.charged_current = on(args, "charged_current");
    ho.nu_degeneracy = !strcmp(fb_eval_text(args, "nu_degeneracy"), "beta");
    ho.nucleon_degeneracy = on(args, "nucleon_degeneracy");
    double w1 = NAN;
    FB_CALL_GOTO(err, rc, fb_sn_hnl_init(&h, &m, &p, hnl, &ho, err), done);
    rc = fb_sn_hnl_table_compute(&t, &h, mass, err);
    if (rc == FB_OK) rc = fb_sn_hnl_width_GeV(&h, mass, &w1, err);
    fb_sn_hnl_free(&h);
    if (rc != FB_OK) goto done;
    FB_CALL_GOTO(err, rc, fb_sn_hnl_edges_U2(&t, m.opt.L_nu_erg_s, &lo, &hi, err), done);
    fb_eval_put_text(out, "model", model);
    fb_eval_put_text(out, "criterion", fb_sn_criterion_name(m.opt.criterion));
    fb_eval_put(out, "mass_GeV", "GeV", mass);
    fb_eval_put(out, "coupling_low", "", lo); /* |U|^2; null where closed */
    fb_eval_put(out, "coupling_high", "", hi);
    fb_eval_put(out, "U2_low", "", lo);
    fb_eval_put(out, "U2_high", "", hi);
    if (sn_coupling_given(args))
      fb_eval_put(out, "luminosity_erg_s_at_U2", "erg/s",
                  fb_sn_table_luminosity_erg_s(&t, sqrt(sn_coupling(args))));
    fb_eval_put(out, "L_over_U2_erg_s", "erg/s", t.L0_T + t.L0_L);
    fb_eval_put(out, "L_over_U2_nu_erg_s", "erg/s", t.L0_T);
    fb_eval_put(out, "L_over_U2_antinu_erg_s", "erg/s", t.L0_L);
    fb_eval_put(out, "L_over_U2_charged_current_erg_s", "erg/s", t.L0_res);
    fb_eval_put(out, "width_at_U2_1_GeV", "GeV", w1);
    fb_eval_put(out, "neutrinosphere_km", "km", m.r_nu_km);
    fb_eval_put(out, "L_nu_erg_s", "erg/s", m.opt.L_nu_erg_s);
    goto done;
  }
  if (is_bc9) {
    /* BC9 ALP: Primakoff on protons + photon coalescence, absorption by inverse Primakoff and decays
     * (fb_sn_alp.h); the table's coupling is g in GeV^-1 */
    fb_sn_alp_options ao;
    fb_sn_alp_options_default(&ao);
    ao.coalescence = on(args, "coalescence");
    ao.r_decay_km = fb_eval_number(args, "r_decay_km");
    ao.proton_degeneracy = on(args, "nucleon_degeneracy");
    ao.bose_photons = strcmp(fb_eval_text(args, "photon_stats"), "boltzmann") != 0;
    FB_CALL_GOTO(err, rc, fb_sn_alp_table_compute_opt(&t, &m, mass, &ao, err), done);
    FB_CALL_GOTO(err, rc, fb_sn_table_edges(&t, m.opt.L_nu_erg_s, &lo, &hi, &peak, err), done);
    if (!strcmp(fb_eval_text(args, "mass_max"), "yes"))
      FB_CALL_GOTO(err, rc, fb_sn_alp_mass_max_GeV(&m, &ao, 1e-3, 3.0, 1e-3, &mmax, err), done);
    fb_eval_put_text(out, "model", "bc9");
    fb_eval_put_text(out, "criterion", fb_sn_criterion_name(m.opt.criterion));
    fb_eval_put(out, "mass_GeV", "GeV", mass);
    fb_eval_put(out, "coupling_low", "GeV^-1", lo); /* generic names (issue 16), null where closed */
    fb_eval_put(out, "coupling_high", "GeV^-1", hi);
    fb_eval_put(out, "g_low_GeV", "GeV^-1", lo);
    fb_eval_put(out, "g_high_GeV", "GeV^-1", hi);
    fb_eval_put(out, "g_peak_GeV", "GeV^-1", peak);
    if (sn_coupling_given(args))
      fb_eval_put(out, "luminosity_erg_s_at_g", "erg/s", fb_sn_table_luminosity_erg_s(&t, sn_coupling(args)));
    fb_eval_put(out, "L_over_g2_erg_s_GeV2", "erg/s GeV^2", t.L0_T + t.L0_L);
    fb_eval_put(out, "L_over_g2_primakoff_erg_s_GeV2", "erg/s GeV^2", t.L0_T);
    fb_eval_put(out, "L_over_g2_coalescence_erg_s_GeV2", "erg/s GeV^2", t.L0_L);
    fb_eval_put(out, "neutrinosphere_km", "km", m.r_nu_km);
    fb_eval_put(out, "L_nu_erg_s", "erg/s", m.opt.L_nu_erg_s);
    if (isfinite(mmax)) fb_eval_put(out, "mass_max_GeV", "GeV", mmax);
    goto done;
  }
  FB_CALL_GOTO(err, rc, fb_sn_table_compute(&t, &m, &R, mass, err), done);
  FB_CALL_GOTO(err, rc, fb_sn_table_edges(&t, m.opt.L_nu_erg_s, &lo, &hi, &peak, err), done);
  if (!strcmp(fb_eval_text(args, "mass_max"), "yes"))
    FB_CALL_GOTO(err, rc, fb_sn_mass_max_GeV(&m, &R, 1e-3, 3.0, 1e-3, &mmax, err), done);
  fb_eval_put_text(out, "model", "bc1");
  fb_eval_put_text(out, "criterion", fb_sn_criterion_name(m.opt.criterion));
  fb_eval_put(out, "mass_GeV", "GeV", mass);
  fb_eval_put(out, "coupling_low", "", lo); /* generic names (issue 16), null where closed */
  fb_eval_put(out, "coupling_high", "", hi);
  fb_eval_put(out, "eps_low", "", lo);
  fb_eval_put(out, "eps_high", "", hi);
  fb_eval_put(out, "eps_peak", "", peak);
  if (sn_coupling_given(args))
    fb_eval_put(out, "luminosity_erg_s_at_eps", "erg/s", fb_sn_table_luminosity_erg_s(&t, sn_coupling(args)));
  fb_eval_put(out, "L_over_eps2_transverse_erg_s", "erg/s", t.L0_T);
  fb_eval_put(out, "L_over_eps2_longitudinal_erg_s", "erg/s", t.L0_L);
  fb_eval_put(out, "L_over_eps2_resonant_erg_s", "erg/s", t.L0_res);
  fb_eval_put(out, "neutrinosphere_km", "km", m.r_nu_km);
  fb_eval_put(out, "L_nu_erg_s", "erg/s", m.opt.L_nu_erg_s);
  fb_eval_put(out, "L_nu_profile_erg_s", "erg/s", m.L_nu_profile_erg_s);
  if (isfinite(mmax)) fb_eval_put(out, "mass_max_GeV", "GeV", mmax);
done:
  fb_sn_table_free(&t);
  fb_sn_scalar_free(&sc);
  fb_sn_medium_free(&m);
  fb_rratio_free(&R);
  fb_sn_profile_free(&p);
  return rc;
}

const fb_eval_module fb_eval_sn1987a = {
    "sn1987a",
    "SN1987A cooling band at one mass (BC1 dark photon, BC9 ALP, BC4/BC5 scalar or BC6-BC8 HNL; default "
    "profile inputs/sn_profile_mantle.dat; BC3 millicharged fermion)",
    31,
    {{"model", "", "bc1|bc9|bc4|bc5|bc6|bc7|bc8|bc3|bc10|bc11", 0, 0, "bc1",
      "benchmark model (coupling: bc1 epsilon; bc9 g_agamma in GeV^-1; bc4/bc5 sin^2 theta; bc6-bc8 |U|^2; bc3 "
      "charge eps; bc10/bc11 1/f_l, 1/f_G in GeV^-1)"},
     {"mass_GeV", "GeV", NULL, 0.0, 10.0, NULL, "dark photon, ALP, scalar or HNL mass (HNL: > 0.001)"},
     {"coupling", "", NULL, 0.0, 1.0, "1e-9", "the model's coupling for luminosity_erg_s_at_<coupling> (printed only if given)"},
     {"epsilon", "", NULL, 0.0, 1.0, "1e-9", "old name of coupling= (kept for every model, with a note where the coupling is not epsilon)"},
     {"r_far_km", "km", NULL, 1.0, 1000.0, "100", "far radius of the absorption path"},
     {"r_emit_km", "km", NULL, -1e-300, 1000.0, "0",
      "outer radius of the emission region (with criterion neutrinosphere/transfer/transfer_radial also the end of "
      "the paths, the energy-deposition boundary); 0 = the neutrinosphere"},
     {"L_nu_erg_s", "erg/s", NULL, 1e40, 1e60, "3e52", "neutrino luminosity criterion"},
     {"absorption", "", FB_EVAL_BOOL_CHOICES, 0, 0, "on", "inverse-bremsstrahlung absorption"},
     {"decays", "", FB_EVAL_BOOL_CHOICES, 0, 0, "on", "decays inside r_far"},
     {"longitudinal", "", FB_EVAL_BOOL_CHOICES, 0, 0, "on", "longitudinal mode"},
     {"mass_max", "", "no|yes", 0, 0, "no", "also find the largest excluded mass (bisection, ~1 s)"},
     {"coalescence", "", FB_EVAL_BOOL_CHOICES, 0, 0, "on", "bc1: e+e- -> A'; bc9: photon coalescence gamma gamma -> a"},
     {"r_decay_km", "km", NULL, -1e-300, 1000.0, "0", "bc9: decays absorb only inside this radius (0: up to r_far_km)"},
     {"semi_compton", "", FB_EVAL_BOOL_CHOICES, 0, 0, "on", "bc1: semi-Compton gamma e -> A' e and inverse"},
     {"L_nu_source", "", "fixed|profile", 0, 0, "fixed", "bc1: criterion L_nu_erg_s or the profile's thermal L_nu"},
     {"criterion", "", "auto|cem|rays|neutrinosphere|transfer|transfer_radial", 0, 0, "auto",
      "trapping criterion (auto: cem for bc1 and bc3, transfer for bc9-bc11, rays for bc4-bc8; transfer_radial: "
      "transfer along the radial path, not converged for bosons trapped near R_nu; "
      "docs/sn-profile.md)"},
     {"emission_edge", "", "smooth|sharp", 0, 0, "smooth", "emission weighted by 1 - exp(-tau_nu) or cut at the neutrinosphere"},
     {"electron_mass", "", "medium|vacuum", 0, 0, "medium", "bc1: electron mass in the e+e- threshold"},
     {"charged_current", "", FB_EVAL_BOOL_CHOICES, 0, 0, "on", "bc6: e- p -> N n and e+ n -> N p production"},
     {"nu_degeneracy", "", "zero|beta", 0, 0, "zero",
      "bc6: nu_e chemical potential from beta equilibrium (mu_e + mu_p - mu_n) or zero"},
     {"nucleon_degeneracy", "", FB_EVAL_BOOL_CHOICES, 0, 0, "on",
      "bc6-bc8: NC rates with the ideal degenerate-nucleon structure function (off: non-degenerate); bc9: Primakoff "
      "targets and screening with the effective degenerate-proton density"},
     {"plasmon", "", FB_EVAL_BOOL_CHOICES, 0, 0, "on", "bc3: plasmon decay gamma* -> chi chibar"},
     {"bremsstrahlung", "", FB_EVAL_BOOL_CHOICES, 0, 0, "on", "bc3: np -> np gamma* -> np chi chibar"},
     {"mcp_trapping", "", "random_walk|energy_loss|transport", 0, 0, "random_walk",
      "bc3: optical depth of the chi p scattering trapping: recoil energy loss along the random walk "
      "sqrt(tau_E (tau_E + tau_tr)), along the straight path tau_E, or the transport depth tau_tr (src/stellar/fb_sn_mcp.h)"},
     {"ope", "", "corrected|massive|naive", 0, 0, "corrected",
      "bc10/bc11 NN bremsstrahlung: OPE with rho exchange, m* and multiple scattering (arXiv:1906.11844), OPE with "
      "the pion mass only, or massless OPE"},
     {"profile", "", "mantle|mantle_cold|mantle_hot|mantle_compact|parametric|parametric_cold|parametric_hot|default|cold|hot", 0, 0,
      "mantle",
      "proto-neutron-star profile inputs/sn_profile_<profile>.dat (docs/sn-profile.md 1c, mantle_compact 1e; the nominal since the "
      "switch of issue 16); parametric, parametric_cold, parametric_hot = the files sn_profile_default/cold/hot.dat "
      "(section 1, 1b), also reachable by their old names default, cold, hot"},
     {"pion_induced", "", "on|poles|off|mean_field", 0, 0, "on",
      "bc10/bc11: pion-induced pi- p -> n a and its inverse (mu_pi = mu_n - mu_p, abundance: pion_abundance): nucleon poles "
      "(arXiv:2010.02943) plus the pi-N-a contact term (arXiv:2110.01972), the poles alone, off, or on with the "
      "nucleon symmetry potential U_n - U_p added (systematic)"},
     {"pion_abundance", "", "virial|free", 0, 0, "virial",
      "bc10/bc11 pion-induced emission: pi- abundance with the pi-N (Delta) interactions of the virial expansion "
      "(Fore & Reddy arXiv:1911.02632), or free pions at mu_n - mu_p"},
     {"pion_delta", "", "off|on|quark_model", 0, 0, "off",
      "bc10/bc11 pion-induced emission: add the Delta(1232)-mediated diagrams of pi- p -> n a (static isobar model; "
      "Ho et al. arXiv:2212.01155), pi N Delta coupling from the Delta width (on) or the quark-model (f*/f)^2 = 72/25 "
      "(quark_model); they vanish for C_p = C_n (bc10)"},
     {"muons", "", FB_EVAL_BOOL_CHOICES, 0, 0, "on",
      "bc10: muon coupling m_mu/f_l, gamma mu -> mu a and its inverse (mu_mu = mu_e, charge neutral, relativistic muons; arXiv:2005.07141)"},
     {"photon_stats", "", "bose|boltzmann", 0, 0, "bose",
      "bc9: photons of coalescence gamma gamma -> a and of the decay: Bose-Einstein (stimulated decay) or the "
      "Maxwell-Boltzmann rate of Lucente et al. arXiv:2008.04918 (systematic, issue 16)"}},
    eval_sn1987a,
};

/* The observational / model range of the BC3 red-giant (hb = 0) or HB (hb = 1) edge with the default published bounds
 * of the scan models bc3_rg / bc3_hb (fb_model_bc3_rg.c; fb_constants.h): TRGB mu_nu bounds M5 and omega Cen over
 * NGC 4258 (RG), R over R (weak = nominal) and R_2 over R (HB); the loss goes as eps^2, so eps_max scales by the ratio */
static void put_bc3_range(fb_eval_output *out, int hb, double emax) {
  const double rw = hb ? FB_GAGG_MAX_HB_R / FB_GAGG_MAX_HB_R : FB_MUNU_MAX_RG_M5 / FB_MUNU_MAX_RG_NGC4258;
  const double rs = hb ? FB_GAGG_MAX_HB_R2 / FB_GAGG_MAX_HB_R : FB_MUNU_MAX_RG_OMEGACEN / FB_MUNU_MAX_RG_NGC4258;
  fb_eval_put(out, "eps_max_weak", "", isfinite(emax) ? rw * emax : NAN);
  fb_eval_put(out, "eps_max_strong", "", isfinite(emax) ? rs * emax : NAN);
}

/* BC3 in the HB core: plasmon decay gamma* -> chi chibar in the one-zone HB core (fb_rg_mcp.h, star = 1),
 * the same core and criterion as the BC9 bound (T_K, rho_g_cm3, eps_max_erg_g_s); prints eps_max. */
static int eval_hb_bc3(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  FB_TEST(err, strcmp(fb_eval_text(args, "core"), "one_zone") != 0, FB_ERR_INPUT,
          "eval hb model=bc3: only core=one_zone (the polytrope is implemented for the BC9 ALP only)");
  fb_rg_mcp_options o;
  fb_rg_mcp_options_default(&o, 1);
  o.T_K = fb_eval_number(args, "T_K");
  o.rho_g_cm3 = fb_eval_number(args, "rho_g_cm3");
  o.eps_max_erg_g_s = fb_eval_number(args, "eps_max_erg_g_s");
  double mass = fb_eval_number(args, "mass_GeV"), emax, mu, wp, v;
  FB_CALL(err, fb_rg_mcp_plasma(&o, &mu, &wp, &v, err));
  FB_CALL(err, fb_rg_mcp_eps_max(&o, mass, &emax, err));
  fb_eval_put_text(out, "model", "bc3");
  fb_eval_put(out, "mass_GeV", "GeV", mass);
  fb_eval_put(out, "eps_max", "", isfinite(emax) ? emax : NAN);
  fb_eval_put(out, "coupling_max", "", isfinite(emax) ? emax : NAN);
  put_bc3_range(out, 1, emax);
  fb_eval_put(out, "omega_p_GeV", "GeV", wp);
  fb_eval_put(out, "v_star", "", v);
  return FB_OK;
}

static int eval_hb(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  if (!strcmp(fb_eval_text(args, "model"), "bc3")) return eval_hb_bc3(args, out, err);
  fb_hb_options o;
  fb_hb_options_default(&o);
  o.core = strcmp(fb_eval_text(args, "core"), "polytrope") ? FB_HB_ONE_ZONE : FB_HB_POLYTROPE;
  o.polytrope_n = fb_eval_number(args, "polytrope_n");
  o.T_K = fb_eval_number(args, "T_K");
  o.rho_g_cm3 = fb_eval_number(args, "rho_g_cm3");
  o.Y_He = fb_eval_number(args, "Y_He");
  o.eps_max_erg_g_s = fb_eval_number(args, "eps_max_erg_g_s");
  o.coalescence = on(args, "coalescence");
  o.decay = strcmp(fb_eval_text(args, "decay"), "off") ? FB_HB_DECAY_CORE : FB_HB_DECAY_OFF;
  o.r_core_km = fb_eval_number(args, "r_core_km");
  double mass = fb_eval_number(args, "mass_GeV"), g_max, g_high, eps, R_cm;
  FB_CALL(err, fb_hb_alp_edges_GeV(&o, mass, &g_max, &g_high, err));
  FB_CALL(err, fb_hb_alp_eps_erg_g_s(&o, mass, 1e-10, &eps, err));
  FB_CALL(err, fb_hb_core_radius_cm(&o, &R_cm, err));
  if (!isfinite(g_high)) g_high = NAN; /* null: no upper edge (decay = off, or the region has closed) */
  if (!isfinite(g_max)) g_max = NAN;
  const int bc11 = !strcmp(fb_eval_text(args, "model"), "bc11");
  fb_eval_put_text(out, "model", bc11 ? "bc11" : "bc9");
  fb_eval_put(out, "mass_GeV", "GeV", mass);
  fb_eval_put(out, "g_max_GeV", "GeV^-1", g_max);
  fb_eval_put(out, "g_high_GeV", "GeV^-1", g_high);
  if (bc11) {
    /* BC11: the bound on g_agamma read as one on inv_fG through the induced photon coupling of the
     * bc11 particle model (fb_model_bc9_hb.c "bc11_hb") */
    fb_stellar_fip fip;
    double conv;
    FB_CALL(err, fb_stellar_fip_init(&fip, "bc11", NULL, err));
    int rc = fb_stellar_fip_value(&fip, "g_agamma", mass, &conv, err);
    fb_stellar_fip_free(&fip);
    FB_CALL(err, rc);
    fb_eval_put(out, "g_agamma_per_inv_fG", "", conv);
    fb_eval_put(out, "inv_fG_max", "GeV^-1", g_max / conv);
    fb_eval_put(out, "inv_fG_high", "GeV^-1", g_high / conv);
    fb_eval_put(out, "coupling_max", "GeV^-1", g_max / conv);
    fb_eval_put(out, "coupling_high", "GeV^-1", g_high / conv);
  } else {
    fb_eval_put(out, "coupling_max", "GeV^-1", g_max);
    fb_eval_put(out, "coupling_high", "GeV^-1", g_high);
  }
  fb_eval_put(out, "eps_at_g_1e-10_erg_g_s", "erg/g/s", eps);
  fb_eval_put(out, "r_core_km", "km", o.decay == FB_HB_DECAY_CORE ? R_cm / FB_KM_TO_CM : NAN);
  return FB_OK;
}

const fb_eval_module fb_eval_hb = {
    "hb",
    "horizontal-branch bound: Primakoff + photon coalescence on a photon-coupled ALP (BC9; BC11 through its "
    "induced photon coupling), one-zone or polytrope helium core; plasmon decay into a millicharged fermion (BC3), "
    "one-zone core",
    11,
    {{"model", "", "bc9|bc3|bc11", 0, 0, "bc9",
      "benchmark model (bc3: eps_max, coupling_max; bc11: inv_fG_max through g_agamma = alpha |C| inv_fG/2pi)"},
     {"mass_GeV", "GeV", NULL, -1e-300, 1e-2, "0", "ALP or millicharged-fermion mass (0 allowed)"},
     {"core", "", "one_zone|polytrope", 0, 0, "one_zone", "core model (polytrope: T_K, rho_g_cm3 are central values)"},
     /* below ~2.5e6 K (one zone) and ~1e7 K (polytrope) the tiny Primakoff integrand (~1e-68
      * erg/g/s) makes GSL's QAGIU stop with a round-off error (issue 18 item 10): the advertised
      * range is the one that works for both cores and every mass (checked at 0, 1e-5, 1e-3,
      * 1e-2 GeV); HB cores are at ~1e8 K */
     {"T_K", "K", NULL, 1e7, 1e10, "0.7e8", "core temperature (central for the polytrope)"},
     {"rho_g_cm3", "g/cm^3", NULL, 1.0, 1e8, "0.6e4", "core density (central for the polytrope)"},
     {"polytrope_n", "", NULL, -1e-300, 4.5, "1.5", "polytropic index (core=polytrope)"},
     {"Y_He", "", NULL, -1e-300, 1.0, "1", "helium mass fraction"},
     {"eps_max_erg_g_s", "erg/g/s", NULL, 0.0, 1e4, "10", "energy-loss criterion"},
     {"coalescence", "", FB_EVAL_BOOL_CHOICES, 0, 0, "on", "photon coalescence gamma gamma -> a"},
     {"decay", "", "core|off", 0, 0, "core",
      "bc9, bc11: core: ALPs decaying inside the core are no loss, upper edge g_high_GeV / coupling_high (null: none); "
      "off: one-sided"},
     {"r_core_km", "km", NULL, -1e-300, 1e8, "0", "core radius for the decays (0: polytrope radius of the core)"}},
    eval_hb,
};

/* `fipbounds eval rg model=bc3 mass_GeV=... [star=rg|hb] ...`: plasmon-decay bound on a millicharged
 * fermion from a one-zone red-giant (or HB) core (src/stellar/fb_rg_mcp.h). */
/* BC10 electron coupling (src/stellar/fb_rg_alp.h): the red-giant-tip (star = FB_STAR_RG) or white-dwarf
 * bound on g_ae = m_e inv_fl, with the three massless bounds (nominal, weak, strong) and the mass dependence */
static int eval_bc10_star(const fb_eval_args *args, int star, fb_eval_output *out, fb_err *err) {
  FB_TEST(err, fb_eval_given(args, "star"), FB_ERR_INPUT,
          "star= is a bc3 option; for bc10 use `eval rg` (red-giant tip) or `eval wd` (white dwarfs)");
  fb_rg_alp_options o;
  fb_rg_alp_options_default(&o, star);
  if (fb_eval_given(args, "T_K")) o.T_K = fb_eval_number(args, "T_K");
  const double mass = fb_eval_number(args, "mass_GeV");
  double g[3];
  const double g0[3] = {o.g_ae_max, o.g_ae_max_weak, o.g_ae_max_strong};
  for (int k = 0; k < 3; k++) FB_CALL(err, fb_rg_alp_g_ae_max(&o, g0[k], mass, &g[k], err));
  fb_eval_put_text(out, "model", "bc10");
  fb_eval_put_text(out, "star", star == FB_STAR_WD ? "wd" : "rg");
  fb_eval_put(out, "mass_GeV", "GeV", mass);
  fb_eval_put(out, "T_K", "K", o.T_K);
  fb_eval_put(out, "g_ae_max", "", g[0]); /* JSON null where the emission is suppressed beyond reach */
  fb_eval_put(out, "g_ae_max_weak", "", g[1]);
  fb_eval_put(out, "g_ae_max_strong", "", g[2]);
  fb_eval_put(out, "coupling_max", "GeV^-1", g[0] / FB_ME_GEV); /* inv_fl = g_ae/m_e */
  fb_eval_put(out, "inv_fl_max", "GeV^-1", g[0] / FB_ME_GEV);
  fb_eval_put(out, "inv_fl_max_weak", "GeV^-1", g[1] / FB_ME_GEV);
  fb_eval_put(out, "inv_fl_max_strong", "GeV^-1", g[2] / FB_ME_GEV);
  fb_eval_put(out, "suppression", "", (g0[0] / g[0]) * (g0[0] / g[0]));
  return FB_OK;
}

static int eval_rg(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  if (!strcmp(fb_eval_text(args, "model"), "bc10")) return eval_bc10_star(args, FB_STAR_RG, out, err);
  fb_rg_mcp_options o;
  const int hb = !strcmp(fb_eval_text(args, "star"), "hb");
  fb_rg_mcp_options_default(&o, hb);
  if (fb_eval_given(args, "T_K")) o.T_K = fb_eval_number(args, "T_K");
  if (fb_eval_given(args, "rho_g_cm3")) o.rho_g_cm3 = fb_eval_number(args, "rho_g_cm3");
  o.Y_e = fb_eval_number(args, "Y_e");
  o.eps_max_erg_g_s = fb_eval_number(args, "eps_max_erg_g_s");
  o.compton = on(args, "compton");
  o.brems = on(args, "brems");
  double mass = fb_eval_number(args, "mass_GeV"), emax, emax_pl, emax_nb, mu, wp, v;
  FB_CALL(err, fb_rg_mcp_plasma(&o, &mu, &wp, &v, err));
  FB_CALL(err, fb_rg_mcp_eps_max(&o, mass, &emax, err));
  fb_rg_mcp_options op = o;
  op.compton = op.brems = 0;
  FB_CALL(err, fb_rg_mcp_eps_max(&op, mass, &emax_pl, err));
  op.compton = o.compton;
  FB_CALL(err, fb_rg_mcp_eps_max(&op, mass, &emax_nb, err));
  fb_eval_put_text(out, "model", "bc3");
  fb_eval_put_text(out, "star", hb ? "hb" : "rg");
  fb_eval_put(out, "mass_GeV", "GeV", mass);
  fb_eval_put(out, "eps_max", "", isfinite(emax) ? emax : NAN);
  fb_eval_put(out, "coupling_max", "", isfinite(emax) ? emax : NAN);
  put_bc3_range(out, hb, emax);
  /* plasmon decay alone (closes at m_T,inf/2); eps_max adds the Compton-like channel when compton=on */
  fb_eval_put(out, "eps_max_plasmon", "", isfinite(emax_pl) ? emax_pl : NAN);
  /* without electron-nucleus bremsstrahlung (branch bc3brems; its effect on the band) */
  fb_eval_put(out, "eps_max_no_brems", "", isfinite(emax_nb) ? emax_nb : NAN);
  /* order-of-magnitude trapping edge: above it chi do not stream out of the core (the bound holds for
   * eps_max < eps < eps_trap; fb_rg_mcp_eps_trap) */
  double etrap;
  FB_CALL(err, fb_rg_mcp_eps_trap(&o, mass, &etrap, err));
  fb_eval_put(out, "eps_trap", "", etrap);
  fb_eval_put(out, "omega_p_GeV", "GeV", wp);
  fb_eval_put(out, "v_star", "", v);
  fb_eval_put(out, "mu_e_GeV", "GeV", mu);
  return FB_OK;
}

const fb_eval_module fb_eval_rg = {
    "rg",
    "red-giant (or HB) plasmon-decay + Compton-like + bremsstrahlung bound on a millicharged fermion (BC3), one-zone "
    "core (eps_max, eps_max_plasmon, eps_max_no_brems, eps_trap); red-giant-tip bound on "
    "the BC10 ALP-electron coupling g_ae = m_e inv_fl (arXiv:2007.03694) with the mass dependence",
    9,
    {{"model", "", "bc3|bc10", 0, 0, "bc3", "benchmark model"},
     {"mass_GeV", "GeV", NULL, -1e-300, 1.0, "0", "fermion (bc3) or ALP (bc10) mass (0 allowed)"},
     {"star", "", "rg|hb", 0, 0, "rg", "bc3: rg: T = 1e8 K, rho = 2e5 g/cm^3; hb: T = 0.7e8 K, rho = 0.6e4 g/cm^3"},
     {"T_K", "K", NULL, 1e5, 1e11, "1e8", "core temperature (overrides the star's)"},
     {"rho_g_cm3", "g/cm^3", NULL, 0.0, 1e12, "2e5", "core density (overrides the star's)"},
     {"Y_e", "", NULL, 0.0, 1.0, "0.5", "electrons per baryon"},
     {"eps_max_erg_g_s", "erg/g/s", NULL, 0.0, 1e4, "10", "energy-loss criterion"},
     {"compton", "", FB_EVAL_BOOL_CHOICES, 0, 0, "on",
      "bc3: add Compton-like gamma e -> e chi chibar (arXiv:2604.02419; src/stellar/fb_rg_mcp_compton.h)"},
     {"brems", "", FB_EVAL_BOOL_CHOICES, 0, 0, "on",
      "bc3: add electron-nucleus bremsstrahlung e Z -> e Z chi chibar (src/stellar/fb_rg_mcp_brems.h)"}},
    eval_rg,
};

/* `fipbounds eval wd model=bc10 mass_GeV=...`: white-dwarf luminosity-function bound on the BC10 ALP-electron
 * coupling (src/stellar/fb_rg_alp.h). */
static int eval_wd(const fb_eval_args *args, fb_eval_output *out, fb_err *err) {
  if (strcmp(fb_eval_text(args, "model"), "bc3") != 0) {
    FB_TEST(err, fb_eval_given(args, "rho_g_cm3") || fb_eval_given(args, "mu_nu_max_muB"), FB_ERR_INPUT,
            "rho_g_cm3= and mu_nu_max_muB= are bc3 options");
    return eval_bc10_star(args, FB_STAR_WD, out, err);
  }
  /* BC3: the white-dwarf bound on the neutrino magnetic moment mapped onto the millicharge through the same
   * plasmon decay of a one-zone hot-WD core (fb_rg_mcp_wd_eps_max) */
  fb_rg_mcp_options o;
  fb_rg_mcp_options_default(&o, FB_RG_MCP_WD);
  if (fb_eval_given(args, "T_K")) o.T_K = fb_eval_number(args, "T_K");
  if (fb_eval_given(args, "rho_g_cm3")) o.rho_g_cm3 = fb_eval_number(args, "rho_g_cm3");
  const double mass = fb_eval_number(args, "mass_GeV"), munu = fb_eval_number(args, "mu_nu_max_muB");
  double emax, ratio, mu, wp, v;
  FB_CALL(err, fb_rg_mcp_plasma(&o, &mu, &wp, &v, err));
  FB_CALL(err, fb_rg_mcp_wd_eps_max(&o, munu, mass, &emax, &ratio, err));
  fb_eval_put_text(out, "model", "bc3");
  fb_eval_put_text(out, "star", "wd");
  fb_eval_put(out, "mass_GeV", "GeV", mass);
  fb_eval_put(out, "eps_max", "", isfinite(emax) ? emax : NAN); /* null where no plasmon decays */
  fb_eval_put(out, "coupling_max", "", isfinite(emax) ? emax : NAN);
  /* systematic: the core density of the conservative (1e7) and aggressive (1e6 g/cm^3) edges (bc3_wd keys) */
  double esys[2];
  for (int k = 0; k < 2; k++) {
    fb_rg_mcp_options ok = o;
    ok.rho_g_cm3 = k ? 1e6 : 1e7;
    FB_CALL(err, fb_rg_mcp_wd_eps_max(&ok, munu, mass, &esys[k], NULL, err));
  }
  /* the envelope of the three cores (as /bounds/wd/weak and strong): weak = the largest eps_max (none if any core
   * has no bound), strong = the smallest finite one */
  double weak = emax, strong = isfinite(emax) ? emax : INFINITY;
  for (int k = 0; k < 2; k++) {
    weak = isfinite(weak) && isfinite(esys[k]) ? fmax(weak, esys[k]) : INFINITY;
    if (isfinite(esys[k])) strong = fmin(strong, esys[k]);
  }
  fb_eval_put(out, "eps_max_weak", "", isfinite(weak) ? weak : NAN);
  fb_eval_put(out, "eps_max_strong", "", isfinite(strong) ? strong : NAN);
  /* the trapping charge of the nominal core (scan bc3_wd, key trapping: excluded only below it; fb_rg_mcp_eps_trap) */
  double etrap;
  FB_CALL(err, fb_rg_mcp_eps_trap(&o, mass, &etrap, err));
  fb_eval_put(out, "eps_trap", "", etrap);
  fb_eval_put(out, "mu_nu_max_muB", "", munu);
  fb_eval_put(out, "T_K", "K", o.T_K);
  fb_eval_put(out, "rho_g_cm3", "g/cm^3", o.rho_g_cm3);
  fb_eval_put(out, "omega_p_GeV", "GeV", wp);
  fb_eval_put(out, "v_star", "", v);
  fb_eval_put(out, "Q_mu_over_Q_eps_GeV-2", "GeV^-2", isfinite(ratio) ? ratio : NAN);
  return FB_OK;
}

const fb_eval_module fb_eval_wd = {
    "wd",
    "white-dwarf luminosity-function bound on the BC10 ALP-electron coupling g_ae = m_e inv_fl (arXiv:2603.00901) "
    "with the mass dependence of a one-zone degenerate core; BC3: white-dwarf plasmon-decay bound on a millicharged "
    "fermion (the WD mu_nu bound of arXiv:1406.6034 mapped through the same plasmon decay)",
    5,
    {{"model", "", "bc10|bc3", 0, 0, "bc10", "benchmark model"},
     {"mass_GeV", "GeV", NULL, -1e-300, 1.0, "0", "ALP (bc10) or fermion (bc3) mass (0 allowed)"},
     {"T_K", "K", NULL, 1e5, 1e10, "1e7", "one-zone core temperature (default bc10 1e7, bc3 2e7)"},
     {"rho_g_cm3", "g/cm^3", NULL, 0.0, 1e12, "3e6", "bc3: core density"},
     {"mu_nu_max_muB", "", NULL, 0.0, 1e-3, "1e-11", "bc3: WD bound on the neutrino magnetic moment [mu_B] "
                                                    "(arXiv:1406.6034)"}},
    eval_wd,
};
