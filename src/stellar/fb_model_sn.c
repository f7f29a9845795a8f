/**
 * @file fb_model_sn.c
 * @brief The SN1987A scan models of every benchmark with an SN band: bc1_sn (dark photon), bc9_sn (ALP),
 *        bc4_sn/bc5_sn (dark scalar) and bc6_sn-bc8_sn (HNL). One state and one postprocess (band edges,
 *        masks, systematic profiles) for all; the rates are in src/stellar/fb_sn_*.h.
 *
 * Scan model "bc1_sn": the SN1987A cooling band of the BC1 dark photon on the (m_A', eps) plane
 * (src/stellar/fb_sn_darkphoton.h).
 *
 * Per point: the A' luminosity L(m, eps) [erg/s]. The eps-independent table is built once per mass
 * (the driver hands out points in mass-major order, so it is reused along a grid row; the cache is
 * exact, results depend only on (m, eps)). The postprocess hook writes
 *   /bounds/sn1987a/edges    [n_mass][3]: mass_GeV, eps_low, eps_high (root finding on L(eps) = L_nu,
 *                             NaN where nothing is excluded), attribute mass_max_GeV (largest grid
 *                             mass with an excluded interval)
 *   /bounds/sn1987a/excluded [n_mass][n_coupling] uint8: L > L_nu at the grid point
 * and, if [sn1987a] band_csv is not "none", the band boundary as CSV (mass_GeV,eps_low,eps_high).
 * Systematic bands (issue 16; [sn1987a] profiles_systematic = file,file,..., "none" = off): the same
 * band is computed for each further profile (tables per grid mass in the postprocess hook) and written as
 *   /bounds/sn1987a/profile_<label>/{edges, excluded}  per profile (<label>: file name without
 *                             directory and ".dat"), attribute profile (path read)
 *   /bounds/sn1987a/nominal  = excluded (profile_file)
 *   /bounds/sn1987a/weak     excluded for every profile (nominal and all systematic ones): the
 *                             conservative region, weak within nominal within strong
 *   /bounds/sn1987a/strong   excluded for at least one profile: the aggressive region
 * Input section [sn1987a] (inputs/explanatory.ini).
 *
 * Scan model "bc9_sn" is the same for the BC9 ALP (Primakoff on protons + decays, fb_sn_alp.h) on the
 * (m_a, g_agg) plane: it reads the same [sn1987a] keys and writes the same datasets with g_agg in
 * GeV^-1 in place of eps (edges columns: mass_GeV, g_low_GeV, g_high_GeV).
 *
 * Scan models "bc4_sn" and "bc5_sn" are the same for the BC4/BC5 dark scalar (soft NN bremsstrahlung,
 * inverse bremsstrahlung and decays, fb_sn_scalar.h) on the (m_S, sin^2 theta) plane; the two share
 * one band (fb_sn_scalar.h says why); edges columns: mass_GeV, sin2theta_low, sin2theta_high.
 *
 * Scan models "bc6_sn", "bc7_sn", "bc8_sn" are the same for the BC6-BC8 heavy neutral lepton mixing with
 * nu_e, nu_mu, nu_tau (fb_sn_hnl.h) on the (m_N, |U|^2) plane: coupling U2 = |U|^2, edges columns
 * mass_GeV, U2_low, U2_high; default criterion rays; keys [sn1987a] hnl_charged_current, hnl_nu_degeneracy,
 * hnl_nucleon_degeneracy.
 *
 * Scan model "bc3_sn" (issue 16) is the same for the BC3 millicharged fermion (plasmon decay, off-shell photons
 * from np bremsstrahlung and e+e- annihilation, trapping by chi p scattering; fb_sn_mcp.h) on the (m_chi, eps)
 * plane; default criterion cem; [sn1987a] absorption switches the scattering trapping, ee_coalescence the
 * e+e- -> chi chibar channel.
 *
 * Scan models "bc10_sn" and "bc11_sn" (issue 16) are the same for the BC10/BC11 ALPs through their induced nucleon
 * couplings (NN bremsstrahlung, absorption, decays; fb_sn_alpn.h) on the (m_a, 1/f_l) and (m_a, 1/f_G) planes in
 * GeV^-1; default criterion transfer (as bc9); keys [sn1987a] alpn_ope, alpn_pion_induced, alpn_muons.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_h5.h"
#include "fb_path.h"
#include "fb_benchmark_axes.h"
#include "fb_model.h"
#include "fb_darkphoton.h"
#include "fb_sn_alp.h"
#include "fb_sn_alpn.h"
#include "fb_sn_darkphoton.h"
#include "fb_sn_hnl.h"
#include "fb_sn_mcp.h"
#include "fb_sn_scalar.h"

typedef struct bc1sn_state {
  fb_rratio R;
  fb_sn_profile profile;
  fb_sn_medium medium;
  fb_sn_table table;        /**< table of table.mass_GeV, valid if have_table */
  int have_table;
  int alp;                  /**< 1: BC9 ALP (bc9_sn), 0: BC1 dark photon, scalar or HNL */
  int scalar;               /**< 1: BC4/BC5 scalar (bc4_sn, bc5_sn): coupling axis sin^2 theta */
  fb_sn_scalar sc;          /**< scalar rates and decays (scalar only) */
  int hnl;                  /**< HNL flavour 0/1/2 (bc6_sn..bc8_sn), -1 otherwise */
  fb_sn_hnl_options hopt;
  fb_sn_hnl hctx;           /**< HNL medium of the nominal profile (hnl >= 0) */
  fb_sn_hnl *sys_hnl;       /**< [n_sys] HNL media of the systematic profiles */
  size_t n_sys;             /**< systematic profiles ([sn1987a] profiles_systematic) */
  fb_sn_profile *sys_profile;
  fb_sn_medium *sys_medium; /**< [n_sys], options as the nominal medium but opt.L_nu_erg_s ([sn1987a] L_nu_systematic) */
  char Lnu_sys[16];         /**< [sn1987a] L_nu_systematic: scaled, fixed or profile */
  int mcp;                  /**< 1: BC3 millicharged fermion (bc3_sn) */
  fb_sn_mcp_options mopt;
  int alpn;                 /**< 10/11: BC10/BC11 nucleon-coupled ALP (bc10_sn, bc11_sn), 0 otherwise */
  fb_sn_alpn an;            /**< ALP-nucleon rates (alpn only) */
  double *an_ms;            /**< [medium.n] m* / m_N of the nominal profile */
  double **sys_an_ms;       /**< [n_sys][sys_medium[k].n] m* / m_N of the systematic profiles */
} bc1sn_state;

#define SN_SYS_MAX 8 /* at most this many systematic profiles */

static const fb_quantity_spec bc1sn_quantities[] = {
    {"sn_luminosity_erg_s", "erg/s",
     "dark-photon luminosity at infinity of the SN1987A proto-neutron star (emission minus absorption/decay inside r_far)"},
};

static const fb_key_spec bc1sn_keys[] = {
    {"sn1987a", "profile_file", FB_KEY_STRING, "inputs/sn_profile_mantle.dat", 0, 0, NULL, "",
     "proto-neutron-star profile (docs/sn-profile.md 1c; the parametric profile of section 1 is "
     "inputs/sn_profile_default.dat)"},
    {"sn1987a", "profile_columns", FB_KEY_STRING, "fipbounds", 0, 0, NULL, "",
     "column map of the profile file: fipbounds or name=column,... (fb_sn_profile.h)"},
    {"sn1987a", "L_nu_erg_s", FB_KEY_DOUBLE, "3e52", 1e40, 1e60, NULL, "erg/s", "neutrino luminosity criterion"},
    {"sn1987a", "L_nu_source", FB_KEY_CHOICE, "fixed", 0, 0, "fixed|profile", "",
     "criterion: fixed = L_nu_erg_s, profile = thermal neutrino luminosity of the profile's neutrinosphere"},
    {"sn1987a", "L_nu_systematic", FB_KEY_CHOICE, "scaled", 0, 0, "scaled|fixed|profile", "",
     "L_nu of each profiles_systematic profile: scaled = the nominal criterion L_nu x (thermal L_nu of that profile / "
     "thermal L_nu of profile_file), i.e. each star against its own neutrino luminosity; fixed = the nominal L_nu; "
     "profile = that profile's thermal L_nu"},
    {"sn1987a", "criterion", FB_KEY_CHOICE, "auto", 0, 0, "auto|cem|rays|neutrinosphere|transfer|transfer_radial", "",
     "trapping criterion: cem = radial optical depth to r_far (Chang, Essig & McDermott arXiv:1611.03864; bc1 "
     "default), rays = direction-averaged to r_far, neutrinosphere = direction-averaged to the neutrinosphere, "
     "transfer = neutrinosphere with emission and paths ending at the neutrinosphere (arXiv:2204.11862; bc9, bc10, "
     "bc11 default), transfer_radial = transfer along the outward radial path only; auto = the benchmark's default"},
    {"sn1987a", "emission_edge", FB_KEY_CHOICE, "smooth", 0, 0, "smooth|sharp", "",
     "emission region: smooth = weighted by 1 - exp(-tau_nu), sharp = cut at the neutrinosphere"},
    {"sn1987a", "electron_mass", FB_KEY_CHOICE, "medium", 0, 0, "medium|vacuum", "",
     "electron mass in the e+e- decay/coalescence threshold (bc1): in-medium or vacuum"},
    {"sn1987a", "r_far_km", FB_KEY_DOUBLE, "100", 1, 1e5, NULL, "km", "far radius of the absorption path"},
    {"sn1987a", "r_emit_km", FB_KEY_DOUBLE, "0", 0, 1e5, NULL, "km",
     "outer radius of the emission region, 0 = neutrinosphere"},
    {"sn1987a", "absorption", FB_KEY_BOOL, "true", 0, 0, NULL, "", "inverse-bremsstrahlung absorption on"},
    {"sn1987a", "decays", FB_KEY_BOOL, "true", 0, 0, NULL, "", "A' decays inside r_far on"},
    {"sn1987a", "longitudinal", FB_KEY_BOOL, "true", 0, 0, NULL, "", "include the longitudinal mode"},
    {"sn1987a", "semi_compton", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "semi-Compton gamma e -> A' e and inverse (BC1 only)"},
    {"sn1987a", "ee_coalescence", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "e+e- -> A' coalescence as production (BC1 only)"},
    {"sn1987a", "n_radial", FB_KEY_INT, "32", 4, 2048, NULL, "", "emission shells"},
    {"sn1987a", "n_energy", FB_KEY_INT, "12", 4, 64, NULL, "", "energy nodes per shell"},
    {"sn1987a", "n_mu", FB_KEY_INT, "8", 2, 64, NULL, "", "direction nodes"},
    {"sn1987a", "n_path", FB_KEY_INT, "64", 8, 1024, NULL, "", "steps along a ray"},
    {"sn1987a", "shell_average", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "criterion transfer: attenuation averaged over graded surface sub-shells (converged trapped edge; false: "
     "midpoint rule on uniform shells)"},
    {"sn1987a", "profiles_systematic", FB_KEY_STRING,
     "inputs/sn_profile_mantle_cold.dat,inputs/sn_profile_mantle_hot.dat,inputs/sn_profile_mantle_compact.dat", 0, 0,
     NULL, "",
     "comma-separated further profiles (same column map as profile_file) for the systematic band "
     "/bounds/sn1987a/{nominal,weak,strong}; none = off"},
    {"sn1987a", "band_csv", FB_KEY_STRING, "none", 0, 0, NULL, "", "CSV file of the band boundary, none = no file"},
};

/* Options and profile from the [sn1987a] section (shared with eval_stellar.c through the header). */
static void options_from_config(const fb_config *cfg, fb_sn_options *o) {
  fb_sn_options_default(o);
  o->L_nu_erg_s = fb_config_get_double(cfg, "sn1987a", "L_nu_erg_s");
  o->r_far_km = fb_config_get_double(cfg, "sn1987a", "r_far_km");
  o->r_emit_km = fb_config_get_double(cfg, "sn1987a", "r_emit_km");
  o->absorption = fb_config_get_bool(cfg, "sn1987a", "absorption");
  o->decays = fb_config_get_bool(cfg, "sn1987a", "decays");
  o->longitudinal = fb_config_get_bool(cfg, "sn1987a", "longitudinal");
  o->semi_compton = fb_config_get_bool(cfg, "sn1987a", "semi_compton");
  o->coalescence = fb_config_get_bool(cfg, "sn1987a", "ee_coalescence");
  o->L_nu_from_profile = !strcmp(fb_config_get_string(cfg, "sn1987a", "L_nu_source"), "profile");
  o->emission_smooth = !strcmp(fb_config_get_string(cfg, "sn1987a", "emission_edge"), "smooth");
  o->medium_electron_mass = !strcmp(fb_config_get_string(cfg, "sn1987a", "electron_mass"), "medium");
  /* "auto" is resolved per benchmark in sn_init */
  o->criterion = fb_sn_criterion_parse(fb_config_get_string(cfg, "sn1987a", "criterion"));
  o->n_radial = (int)fb_config_get_int(cfg, "sn1987a", "n_radial");
  o->n_energy = (int)fb_config_get_int(cfg, "sn1987a", "n_energy");
  o->n_mu = (int)fb_config_get_int(cfg, "sn1987a", "n_mu");
  o->n_path = (int)fb_config_get_int(cfg, "sn1987a", "n_path");
  o->shell_average = fb_config_get_bool(cfg, "sn1987a", "shell_average");
}

static void bc1sn_free(void *state) {
  bc1sn_state *s = state;
  if (!s) return;
  for (size_t k = 0; k < s->n_sys; k++) {
    if (s->sys_hnl) fb_sn_hnl_free(&s->sys_hnl[k]);
    fb_sn_medium_free(&s->sys_medium[k]);
    fb_sn_profile_free(&s->sys_profile[k]);
  }
  if (s->sys_an_ms)
    for (size_t k = 0; k < SN_SYS_MAX; k++) free(s->sys_an_ms[k]);
  free(s->sys_an_ms);
  free(s->an_ms);
  if (s->alpn) fb_sn_alpn_free(&s->an);
  free(s->sys_medium);
  free(s->sys_profile);
  free(s->sys_hnl);
  fb_sn_hnl_free(&s->hctx);
  fb_sn_table_free(&s->table);
  if (s->scalar) fb_sn_scalar_free(&s->sc);
  fb_sn_medium_free(&s->medium);
  fb_sn_profile_free(&s->profile);
  fb_rratio_free(&s->R);
  free(s);
}

/* The systematic profiles of [sn1987a] profiles_systematic: read and prepared with the nominal options. */
/* Replace the error in err by an input error of [sn1987a] key (file, line, key first; exit 2). */
static int sn_key_error(const fb_config *cfg, const char *key, const char *what, fb_err *err) {
  char inner[FB_ERR_MSG_LEN], why[FB_ERR_MSG_LEN];
  fb_err_user_message(err, 0, inner, sizeof inner);
  snprintf(why, sizeof why, "%s: %.3000s", what, inner);
  return fb_config_error_at(cfg, "sn1987a", key, why, err);
}

/* Criterion L_nu of a systematic profile ([sn1987a] L_nu_systematic). The criterion L_X < L_nu compares the exotic
 * luminosity with the neutrino luminosity of the same star (Raffelt, Stars as Laboratories (1996) ch. 13; Chang,
 * Essig & McDermott arXiv:1611.03864 sec. 2; Caputo, Raffelt & Vitagliano arXiv:2109.03244: trapped bosons "emerge as
 * quasi-thermal radiation from a region near the neutrino sphere and match L_nu"). A trapped boson radiates one
 * bosonic black body from about the neutrinosphere, 1/(6 x 7/8) of the thermal L_nu of that neutrinosphere, whatever
 * the profile; against the fixed nominal L_nu a hotter neutrinosphere (mantle_hot: 5.0e52 erg/s > 3e52) would leave
 * the trapped side open. "scaled" keeps the nominal normalisation (L_nu_erg_s, the observed scale) and moves it with
 * the profile's own neutrinosphere: L_nu,k = L_nu,nominal x L_th,k / L_th,nominal (identical to "profile" when the
 * nominal uses L_nu_source = profile). */
static int sys_set_Lnu(fb_sn_medium *sys, const fb_sn_medium *nominal, const char *mode, fb_err *err) {
  if (strcmp(mode, "fixed"))
    FB_TEST(err, !(sys->L_nu_profile_erg_s >= 1e40 && sys->L_nu_profile_erg_s <= 1e60 &&
                   nominal->L_nu_profile_erg_s >= 1e40 && nominal->L_nu_profile_erg_s <= 1e60),
            FB_ERR_RANGE, "[sn1987a] L_nu_systematic = %s: thermal neutrino luminosities %g (systematic profile) and "
            "%g erg/s (profile_file) must lie in 1e40..1e60", mode, sys->L_nu_profile_erg_s, nominal->L_nu_profile_erg_s);
  if (!strcmp(mode, "profile"))
    sys->opt.L_nu_erg_s = sys->L_nu_profile_erg_s;
  else if (!strcmp(mode, "scaled"))
    sys->opt.L_nu_erg_s = nominal->opt.L_nu_erg_s * sys->L_nu_profile_erg_s / nominal->L_nu_profile_erg_s;
  /* fixed: the options' L_nu, as set by fb_sn_medium_init (nominal L_nu_erg_s or, with L_nu_source = profile,
   * this profile's own thermal L_nu) */
  return FB_OK;
}

static int sys_init(bc1sn_state *s, const fb_config *cfg, const fb_sn_profile_columns *cols, const fb_sn_options *o,
                    fb_err *err) {
  const char *spec = fb_config_get_string(cfg, "sn1987a", "profiles_systematic");
  if (!spec || !*spec || !strcmp(spec, "none")) return FB_OK;
  char buf[4096];
  FB_TEST(err, strlen(spec) >= sizeof buf, FB_ERR_INPUT, "[sn1987a] profiles_systematic is longer than %zu characters",
          sizeof buf - 1);
  snprintf(buf, sizeof buf, "%s", spec);
  s->sys_profile = calloc(SN_SYS_MAX, sizeof *s->sys_profile);
  s->sys_medium = calloc(SN_SYS_MAX, sizeof *s->sys_medium);
  s->sys_hnl = calloc(SN_SYS_MAX, sizeof *s->sys_hnl);
  s->sys_an_ms = calloc(SN_SYS_MAX, sizeof *s->sys_an_ms);
  FB_TEST(err, !s->sys_profile || !s->sys_medium || !s->sys_hnl || !s->sys_an_ms, FB_ERR_MEMORY,
          "cannot allocate the systematic profiles");
  const char *Lnu_mode = fb_config_get_string(cfg, "sn1987a", "L_nu_systematic");
  snprintf(s->Lnu_sys, sizeof s->Lnu_sys, "%s", Lnu_mode);
  char *save = NULL;
  for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
    while (*tok == ' ') tok++;
    size_t len = strlen(tok);
    while (len > 0 && tok[len - 1] == ' ') tok[--len] = '\0';
    if (!len) continue;
    if (s->n_sys >= SN_SYS_MAX) {
      fb_config_error_at(cfg, "sn1987a", "profiles_systematic", "lists more than 8 profiles", err);
      return FB_ERR_INPUT;
    }
    FB_CALL(err, fb_sn_profile_read(&s->sys_profile[s->n_sys], tok, cols, err));
    int rc = fb_sn_medium_init(&s->sys_medium[s->n_sys], &s->sys_profile[s->n_sys], o, err);
    if (rc != FB_OK) {
      fb_sn_profile_free(&s->sys_profile[s->n_sys]);
      char what[600];
      snprintf(what, sizeof what, "systematic profile %.500s", tok);
      fb_err_push(err, rc, __func__, __LINE__, what);
      return rc;
    }
    rc = sys_set_Lnu(&s->sys_medium[s->n_sys], &s->medium, Lnu_mode, err);
    if (rc != FB_OK) {
      fb_sn_medium_free(&s->sys_medium[s->n_sys]);
      fb_sn_profile_free(&s->sys_profile[s->n_sys]);
      return rc;
    }
    if (s->alpn) {
      s->sys_an_ms[s->n_sys] = malloc(FB_SN_ALPN_MEDIUM_NF * s->sys_medium[s->n_sys].n * sizeof(double));
      FB_TEST(err, !s->sys_an_ms[s->n_sys], FB_ERR_MEMORY, "cannot allocate m* of a systematic profile");
      fb_sn_alpn_mstar(&s->sys_medium[s->n_sys], &s->sys_profile[s->n_sys], s->sys_an_ms[s->n_sys]);
    }
    if (s->hnl >= 0) {
      rc = fb_sn_hnl_init(&s->sys_hnl[s->n_sys], &s->sys_medium[s->n_sys], &s->sys_profile[s->n_sys], s->hnl,
                          &s->hopt, err);
      if (rc != FB_OK) {
        fb_sn_medium_free(&s->sys_medium[s->n_sys]);
        fb_sn_profile_free(&s->sys_profile[s->n_sys]);
        return rc;
      }
    }
    s->n_sys++;
  }
  return FB_OK;
}

/* kind: 0 BC1 dark photon (or HNL), 1 BC9 ALP, 2 BC4/BC5 scalar, 3 BC3 millicharge, 10/11 BC10/BC11 ALP; hnl: flavour 0/1/2 for bc6_sn..bc8_sn,
 * -1 otherwise */
static int sn_init(void **state, const fb_config *cfg, int kind, int hnl, fb_err *err) {
  bc1sn_state *s = calloc(1, sizeof *s);
  FB_TEST(err, !s, FB_ERR_MEMORY, "cannot allocate the bc1_sn model state");
  int rc;
  fb_sn_options o;
  options_from_config(cfg, &o);
  s->alp = kind == 1;
  s->scalar = kind == 2;
  s->mcp = kind == 3;
  s->alpn = (kind == 10 || kind == 11) ? kind : 0;
  fb_sn_mcp_options_default(&s->mopt);
  s->mopt.annihilation = o.coalescence;
  s->mopt.scattering = o.absorption;
  if (kind == 3) s->mopt.trapping = fb_sn_mcp_trapping_parse(fb_config_get_string(cfg, "sn1987a", "mcp_trapping"));
  s->hnl = hnl;
  fb_sn_hnl_options_default(&s->hopt);
  s->hopt.model_cfg = cfg; /* the HNL model's keys ([bc6] ...) as the run sets them (read at init only) */
  if (hnl >= 0) {
    s->hopt.charged_current = fb_config_get_bool(cfg, "sn1987a", "hnl_charged_current");
    s->hopt.nu_degeneracy = !strcmp(fb_config_get_string(cfg, "sn1987a", "hnl_nu_degeneracy"), "beta");
    s->hopt.nucleon_degeneracy = fb_config_get_bool(cfg, "sn1987a", "hnl_nucleon_degeneracy");
  }
  /* "auto": transfer (bc9, issue 16); rays for the scalar (fb_sn_scalar.h) and for the HNL (modified luminosity
   * criterion, arXiv:2311.00033); cem (bc1) */
  if (o.criterion < 0)
    o.criterion = (s->alp || s->alpn) ? FB_SN_CRIT_TRANSFER
                  : s->mcp ? FB_SN_CRIT_CEM
                  : (s->scalar || hnl >= 0) ? FB_SN_CRIT_RAYS
                                            : FB_SN_CRIT_CEM;
  if (kind || hnl >= 0) o.semi_compton = o.coalescence = 0; /* dark-photon channels: no semi-Compton table */
  if (s->scalar) FB_CALL_GOTO(err, rc, fb_sn_scalar_init(&s->sc, cfg, err), fail);
  if (s->alpn) {
    fb_sn_alpn_options ao;
    if (fb_sn_alpn_options_parse(&ao, fb_config_get_string(cfg, "sn1987a", "alpn_ope")) != 0) {
      fb_config_error_at(cfg, "sn1987a", "alpn_ope", "must be corrected, massive or naive", err);
      rc = FB_ERR_INPUT;
      goto fail;
    }
    ao.pion_induced = fb_sn_alpn_pion_parse(fb_config_get_string(cfg, "sn1987a", "alpn_pion_induced"));
    if (ao.pion_induced < 0) {
      fb_config_error_at(cfg, "sn1987a", "alpn_pion_induced", "must be on, poles, off or mean_field", err);
      rc = FB_ERR_INPUT;
      goto fail;
    }
    ao.pion_virial = strcmp(fb_config_get_string(cfg, "sn1987a", "alpn_pion_abundance"), "free") != 0; /* checked */
    ao.pion_delta = fb_sn_alpn_delta_parse(fb_config_get_string(cfg, "sn1987a", "alpn_pion_delta")); /* checked */
    ao.muons = fb_config_get_bool(cfg, "sn1987a", "alpn_muons");
    ao.model_cfg = cfg;
    FB_CALL_GOTO(err, rc, fb_sn_alpn_init(&s->an, s->alpn, &ao, err), fail);
  }
  FB_CALL_GOTO(err, rc, fb_rratio_init(&s->R, err), fail);
  const char *colspec = fb_config_get_string(cfg, "sn1987a", "profile_columns");
  fb_sn_profile_columns cols;
  if (!colspec || !strcmp(colspec, "fipbounds")) {
    fb_sn_profile_columns_default(&cols);
  } else {
    rc = fb_sn_profile_columns_parse(&cols, colspec, err);
    if (rc != FB_OK) {
      char why[FB_ERR_MSG_LEN];
      snprintf(why, sizeof why, "is invalid: %.3000s", err->msg);
      fb_config_error_at(cfg, "sn1987a", "profile_columns", why, err);
      rc = FB_ERR_INPUT;
      goto fail;
    }
  }
  /* a profile that cannot be read, or radii that do not fit it, are input errors of their key */
  rc = fb_sn_profile_read(&s->profile, fb_config_get_string(cfg, "sn1987a", "profile_file"), &cols, err);
  if (rc == FB_ERR_IO || rc == FB_ERR_INPUT || rc == FB_ERR_RANGE) rc = sn_key_error(cfg, "profile_file", "cannot be used", err);
  if (rc != FB_OK) goto fail;
  rc = fb_sn_medium_init(&s->medium, &s->profile, &o, err);
  if (rc == FB_ERR_RANGE)
    rc = sn_key_error(cfg, strstr(err->msg, ": r_emit_km = ") ? "r_emit_km" : "r_far_km", "does not fit the profile", err);
  if (rc != FB_OK) goto fail;
  if (hnl >= 0) FB_CALL_GOTO(err, rc, fb_sn_hnl_init(&s->hctx, &s->medium, &s->profile, hnl, &s->hopt, err), fail);
  if (s->alpn) {
    s->an_ms = malloc(FB_SN_ALPN_MEDIUM_NF * s->medium.n * sizeof *s->an_ms);
    FB_TEST_GOTO(err, rc, !s->an_ms, FB_ERR_MEMORY, fail, "cannot allocate m* of the profile");
    fb_sn_alpn_mstar(&s->medium, &s->profile, s->an_ms);
  }
  FB_CALL_GOTO(err, rc, sys_init(s, cfg, &cols, &o, err), fail);
  *state = s;
  return FB_OK;
fail:
  bc1sn_free(s);
  return rc;
}

static int bc1sn_init(void **state, const fb_config *cfg, fb_err *err) { return sn_init(state, cfg, 0, -1, err); }

/* k: systematic profile index, or -1 for the nominal profile */
static int table_for(bc1sn_state *s, fb_sn_table *t, long k, double mass_GeV, fb_err *err) {
  const fb_sn_medium *m = k < 0 ? &s->medium : &s->sys_medium[k];
  if (s->scalar) return fb_sn_scalar_table_compute(t, &s->sc, m, mass_GeV, err);
  if (s->mcp) return fb_sn_mcp_table_compute(t, m, &s->mopt, mass_GeV, err);
  if (s->alpn) return fb_sn_alpn_table_compute(t, &s->an, m, k < 0 ? s->an_ms : s->sys_an_ms[k], mass_GeV, err);
  if (s->hnl >= 0) return fb_sn_hnl_table_compute(t, k < 0 ? &s->hctx : &s->sys_hnl[k], mass_GeV, err);
  if (s->alp) return fb_sn_alp_table_compute(t, m, mass_GeV, err);
  return fb_sn_table_compute(t, m, &s->R, mass_GeV, err);
}

/* The table's coupling: |U| for the HNL (scan axis U2 = |U|^2), sin(theta) for the scalar (axis sin^2 theta),
 * the scan coupling otherwise. */
static double table_coupling(const bc1sn_state *s, double coupling) {
  return (s->hnl >= 0 || s->scalar) ? sqrt(coupling) : coupling;
}

/* Mass range of the benchmark's SN module. */
static int mass_in_range(const bc1sn_state *s, double mass_GeV) {
  if (s->hnl >= 0) return mass_GeV > 1e-3 && mass_GeV <= 10.0;
  if (s->scalar) return mass_GeV > 1e-4 && mass_GeV <= 10.0;
  if (s->mcp) return mass_GeV > 1e-6 && mass_GeV <= 2.0;
  if (s->alpn) return mass_GeV > 1e-6 && mass_GeV <= 10.0;
  return mass_GeV > 0 && mass_GeV <= (s->alp ? 10.0 : FB_DARKPHOTON_MASS_MAX_GEV);
}

/* Band edges in the scan coupling (|U|^2 for the HNL, sin^2 theta for the scalar). */
static int edges_for(const bc1sn_state *s, const fb_sn_table *t, double Lnu, double *lo, double *hi, fb_err *err) {
  if (s->hnl >= 0) return fb_sn_hnl_edges_U2(t, Lnu, lo, hi, err);
  if (s->scalar) return fb_sn_scalar_edges(t, Lnu, lo, hi, err);
  return fb_sn_table_edges(t, Lnu, lo, hi, NULL, err);
}

static int ensure_table(bc1sn_state *s, double mass_GeV, fb_err *err) {
  if (s->have_table && s->table.mass_GeV == mass_GeV) return FB_OK;
  s->have_table = 0;
  FB_CALL(err, table_for(s, &s->table, -1, mass_GeV, err));
  s->have_table = 1;
  return FB_OK;
}

/* Band of one profile on the scan grid: mask [n_mass][n_coupling] (L > L_nu at points whose nominal
 * status is 0) and edges [n_mass][3] (NaN where nothing is excluded or the mass is out of range). */
static int profile_band(bc1sn_state *s, long k, const fb_scan_view *v, unsigned char *mask, double *edges,
                        fb_err *err) {
  const fb_sn_medium *m = &s->sys_medium[k];
  fb_sn_table t = {0};
  int rc = FB_OK;
  size_t nm = v->n_mass, nc = v->n_coupling;
  double Lnu = m->opt.L_nu_erg_s;
  for (size_t i = 0; i < nm; i++) {
    edges[3 * i] = v->mass[i];
    edges[3 * i + 1] = edges[3 * i + 2] = NAN;
    memset(mask + i * nc, 0, nc);
    if (v->per_mass) { /* computed by the ranks (sn_per_mass): this profile's edges and row of L > L_nu */
      const double *row = v->per_mass + i * v->n_per_mass + 2 + (size_t)k * (2 + nc);
      edges[3 * i + 1] = row[0];
      edges[3 * i + 2] = row[1];
      for (size_t j = 0; j < nc; j++) mask[i * nc + j] = (unsigned char)(v->status[i * nc + j] == 0 && row[2 + j] > 0.5);
      continue;
    }
    if (!mass_in_range(s, v->mass[i])) continue;
    FB_CALL_GOTO(err, rc, table_for(s, &t, k, v->mass[i], err), done);
    for (size_t j = 0; j < nc; j++)
      mask[i * nc + j] = (unsigned char)(v->status[i * nc + j] == 0 &&
                                         fb_sn_table_luminosity_erg_s(&t, table_coupling(s, v->coupling[j])) > Lnu);
    FB_CALL_GOTO(err, rc, edges_for(s, &t, Lnu, &edges[3 * i + 1], &edges[3 * i + 2], err), done);
  }
done:
  fb_sn_table_free(&t);
  return rc;
}

/* Label of a systematic profile: the file name without directory and ".dat". */
static void profile_label(const char *path, char *label, size_t len) {
  const char *b = strrchr(path, '/');
  snprintf(label, len, "%s", b ? b + 1 : path);
  size_t n = strlen(label);
  if (n > 4 && !strcmp(label + n - 4, ".dat")) label[n - 4] = '\0';
}

/* /bounds/sn1987a/{nominal, weak, strong} and profile_<label>/{edges, excluded} (see the file comment). */
static int write_systematic(bc1sn_state *s, const fb_scan_view *v, const unsigned char *nominal, hid_t file,
                            fb_err *err) {
  size_t nm = v->n_mass, nc = v->n_coupling, np = nm * nc;
  unsigned char *weak = malloc(np), *strong = malloc(np), *mask = malloc(np);
  double *edges = malloc(nm * 3 * sizeof *edges);
  int rc = FB_OK;
  FB_TEST_GOTO(err, rc, !weak || !strong || !mask || !edges, FB_ERR_MEMORY, done,
               "cannot allocate the systematic band arrays");
  memcpy(weak, nominal, np);
  memcpy(strong, nominal, np);
  hsize_t de[2] = {nm, 3}, dm[2] = {nm, nc};
  char list[4096] = "";
  for (size_t k = 0; k < s->n_sys; k++) {
    FB_CALL_GOTO(err, rc, profile_band(s, (long)k, v, mask, edges, err), done);
    for (size_t p = 0; p < np; p++) {
      weak[p] = (unsigned char)(weak[p] && mask[p]);
      strong[p] = (unsigned char)(strong[p] || mask[p]);
    }
    char label[512], path[600];
    profile_label(s->sys_profile[k].path, label, sizeof label);
    snprintf(path, sizeof path, "bounds/sn1987a/profile_%s/edges", label);
    FB_CALL_GOTO(err, rc, fb_h5_dataset(file, path, H5T_NATIVE_DOUBLE, 2, de, edges,
                                        (s->alp || s->alpn) ? "GeV, GeV^-1, GeV^-1" : "GeV, 1, 1",
                                        "per grid mass: mass, lower and upper coupling edge of the band of this "
                                        "systematic profile (NaN: nothing excluded)", err), done);
    snprintf(path, sizeof path, "bounds/sn1987a/profile_%s/excluded", label);
    FB_CALL_GOTO(err, rc, fb_h5_dataset(file, path, H5T_NATIVE_UINT8, 2, dm, mask, "",
                                        "1 where the luminosity computed with this profile exceeds L_nu", err), done);
    snprintf(path, sizeof path, "bounds/sn1987a/profile_%s", label);
    hid_t g = fb_h5_group(file, path);
    FB_TEST_GOTO(err, rc, g < 0, FB_ERR_HDF5, done, "cannot open /%s", path);
    rc = fb_h5_attr_string(g, "profile", s->sys_profile[k].path, err);
    if (rc == FB_OK) rc = fb_h5_attr_double(g, "L_nu_erg_s", s->sys_medium[k].opt.L_nu_erg_s, err);
    H5Gclose(g);
    if (rc != FB_OK) goto done;
    size_t l = strlen(list);
    snprintf(list + l, sizeof list - l, "%s%s", k ? "," : "", s->sys_profile[k].path);
  }
  FB_CALL_GOTO(err, rc, fb_h5_dataset(file, "bounds/sn1987a/nominal", H5T_NATIVE_UINT8, 2, dm, nominal, "",
                                      "1 where excluded with the nominal profile (= excluded)", err), done);
  FB_CALL_GOTO(err, rc, fb_h5_dataset(file, "bounds/sn1987a/weak", H5T_NATIVE_UINT8, 2, dm, weak, "",
                                      "1 where excluded with every profile (nominal and profiles_systematic): "
                                      "the conservative edge of the systematic band", err), done);
  FB_CALL_GOTO(err, rc, fb_h5_dataset(file, "bounds/sn1987a/strong", H5T_NATIVE_UINT8, 2, dm, strong, "",
                                      "1 where excluded with at least one profile: the aggressive edge of the "
                                      "systematic band", err), done);
  {
    hid_t g = fb_h5_group(file, "bounds/sn1987a");
    FB_TEST_GOTO(err, rc, g < 0, FB_ERR_HDF5, done, "cannot open /bounds/sn1987a");
    rc = fb_h5_attr_string(g, "profiles_systematic", list, err);
    if (rc == FB_OK) rc = fb_h5_attr_string(g, "L_nu_systematic", s->Lnu_sys, err);
    H5Gclose(g);
  }
done:
  free(weak);
  free(strong);
  free(mask);
  free(edges);
  return rc;
}

static int bc1sn_eval(void *state, double mass_GeV, double epsilon, double *out, fb_err *err) {
  bc1sn_state *s = state;
  FB_TEST(err, !(epsilon > 0), FB_ERR_RANGE, "coupling = %g must be > 0", epsilon);
  FB_CALL(err, ensure_table(s, mass_GeV, err));
  out[0] = fb_sn_table_luminosity_erg_s(&s->table, table_coupling(s, epsilon));
  return FB_OK;
}

/* The postprocess's work per mass (fb_model.h per_mass), spread over the ranks by the scan driver: the nominal band's
 * edges (2 values), then per systematic profile its edges and its row of L > L_nu over the plane's couplings (1 or 0;
 * 2 + n_coupling values). NaN edges and a zero row where the mass is outside the model's range. The same tables and
 * bisections as the serial path of bc1sn_postprocess / profile_band, so the file is the same bit for bit. */
static size_t sn_n_per_mass(const void *state, size_t nc) {
  const bc1sn_state *s = state;
  return 2 + s->n_sys * (2 + nc);
}

static int sn_per_mass(void *state, double mass_GeV, const double *coupling, size_t nc, double *out, fb_err *err) {
  bc1sn_state *s = state;
  const size_t nv = sn_n_per_mass(s, nc);
  for (size_t k = 0; k < nv; k++) out[k] = 0.0;
  out[0] = out[1] = NAN;
  for (size_t k = 0; k < s->n_sys; k++) out[2 + k * (2 + nc)] = out[3 + k * (2 + nc)] = NAN;
  if (!mass_in_range(s, mass_GeV)) return FB_OK;
  FB_CALL(err, ensure_table(s, mass_GeV, err));
  FB_CALL(err, edges_for(s, &s->table, s->medium.opt.L_nu_erg_s, &out[0], &out[1], err));
  fb_sn_table t = {0};
  int rc = FB_OK;
  for (size_t k = 0; k < s->n_sys; k++) {
    double *row = out + 2 + k * (2 + nc);
    const double Lnu = s->sys_medium[k].opt.L_nu_erg_s;
    FB_CALL_GOTO(err, rc, table_for(s, &t, (long)k, mass_GeV, err), done);
    for (size_t j = 0; j < nc; j++)
      row[2 + j] = fb_sn_table_luminosity_erg_s(&t, table_coupling(s, coupling[j])) > Lnu ? 1.0 : 0.0;
    FB_CALL_GOTO(err, rc, edges_for(s, &t, Lnu, &row[0], &row[1], err), done);
  }
done:
  fb_sn_table_free(&t);
  return rc;
}

static int bc1sn_postprocess(void *state, const fb_config *cfg, const fb_scan_view *v, hid_t file, fb_err *err) {
  bc1sn_state *s = state;
  size_t nm = v->n_mass, nc = v->n_coupling;
  double Lnu = s->medium.opt.L_nu_erg_s, mass_max = NAN;
  double *edges = malloc(nm * 3 * sizeof *edges);
  unsigned char *mask = malloc(nm * nc);
  int rc = FB_OK;
  FB_TEST_GOTO(err, rc, !edges || !mask, FB_ERR_MEMORY, done, "cannot allocate the SN1987A band arrays");
  for (size_t i = 0; i < nm; i++) {
    for (size_t j = 0; j < nc; j++) {
      size_t p = i * nc + j;
      mask[p] = (unsigned char)(v->status[p] == 0 && v->values[p] > Lnu);
    }
    edges[3 * i] = v->mass[i];
    edges[3 * i + 1] = edges[3 * i + 2] = NAN;
    if (v->per_mass) { /* computed by the ranks (sn_per_mass) */
      edges[3 * i + 1] = v->per_mass[i * v->n_per_mass];
      edges[3 * i + 2] = v->per_mass[i * v->n_per_mass + 1];
    } else {
      if (!mass_in_range(s, v->mass[i])) continue;
      FB_CALL_GOTO(err, rc, ensure_table(s, v->mass[i], err), done);
      FB_CALL_GOTO(err, rc, edges_for(s, &s->table, Lnu, &edges[3 * i + 1], &edges[3 * i + 2], err), done);
    }
    if (isfinite(edges[3 * i + 1]) && !(v->mass[i] <= mass_max)) mass_max = v->mass[i];
  }
  {
    hsize_t de[2] = {nm, 3}, dm[2] = {nm, nc};
    FB_CALL_GOTO(err, rc, fb_h5_dataset(file, "bounds/sn1987a/edges", H5T_NATIVE_DOUBLE, 2, de, edges,
                                        (s->alp || s->alpn) ? "GeV, GeV^-1, GeV^-1" : "GeV, 1, 1",
                                        s->alpn ? "per grid mass: mass_GeV, inv_f_low_GeV, inv_f_high_GeV (1/f_l for bc10, "
                                                  "1/f_G for bc11) of the SN1987A excluded interval (L_a > L_nu; NaN: "
                                                  "nothing excluded)"
                                        : s->hnl >= 0 ? "per grid mass: mass_GeV, U2_low, U2_high (|U|^2) of the SN1987A "
                                                      "excluded interval (L_N > L_nu; NaN: nothing excluded)"
                                        : s->alp ? "per grid mass: mass_GeV, g_low_GeV, g_high_GeV of the SN1987A excluded "
                                                 "interval (L_a > L_nu; NaN: nothing excluded)"
                                        : s->mcp ? "per grid mass: mass_GeV, eps_low, eps_high of the SN1987A excluded "
                                                   "interval (L_chi > L_nu; NaN: nothing excluded)"
                                        : s->scalar ? "per grid mass: mass_GeV, sin2theta_low, sin2theta_high of the SN1987A "
                                                      "excluded interval (L_S > L_nu; NaN: nothing excluded)"
                                                    : "per grid mass: mass_GeV, eps_low, eps_high of the SN1987A excluded "
                                                      "interval (L_A' > L_nu; NaN: nothing excluded)", err), done);
    FB_CALL_GOTO(err, rc, fb_h5_dataset(file, "bounds/sn1987a/excluded", H5T_NATIVE_UINT8, 2, dm, mask, "",
                                        (s->alp || s->alpn) ? "1 where the ALP luminosity exceeds L_nu at the grid point"
                                        : s->mcp    ? "1 where the millicharged-fermion luminosity exceeds L_nu at the grid point"
                                        : s->scalar ? "1 where the scalar luminosity exceeds L_nu at the grid point"
                                                    : "1 where the dark-photon luminosity exceeds L_nu at the grid point",
                                        err), done);
    hid_t g = fb_h5_group(file, "bounds/sn1987a");
    FB_TEST_GOTO(err, rc, g < 0, FB_ERR_HDF5, done, "cannot open /bounds/sn1987a");
    rc = fb_h5_attr_double(g, "mass_max_GeV", mass_max, err);
    if (rc == FB_OK) rc = fb_h5_attr_double(g, "L_nu_erg_s", Lnu, err);
    if (rc == FB_OK) rc = fb_h5_attr_double(g, "r_far_km", s->medium.opt.r_far_km, err);
    if (rc == FB_OK) rc = fb_h5_attr_string(g, "criterion", fb_sn_criterion_name(s->medium.opt.criterion), err);
    if (rc == FB_OK)
      rc = fb_h5_attr_string(g, "emission_edge", s->medium.opt.emission_smooth ? "smooth" : "sharp", err);
    if (rc == FB_OK) rc = fb_h5_attr_string(g, "profile", s->profile.path, err);
    if (rc == FB_OK)
      rc = fb_h5_attr_string(g, "L_nu_source", s->medium.opt.L_nu_from_profile ? "profile" : "fixed", err);
    H5Gclose(g);
    if (rc != FB_OK) goto done;
  }
  if (s->n_sys) FB_CALL_GOTO(err, rc, write_systematic(s, v, mask, file, err), done);
  const char *csv = fb_config_get_string(cfg, "sn1987a", "band_csv");
  if (csv && strcmp(csv, "none") != 0) {
    FB_CALL_GOTO(err, rc, fb_mkdir_parents(csv, err), done);
    FILE *f = fopen(csv, "w");
    FB_TEST_GOTO(err, rc, !f, FB_ERR_IO, done, "cannot write [sn1987a] band_csv = %s", csv);
    if (s->alpn) {
      fprintf(f, "# SN1987A band of the BC%d ALP (fipbounds bc%d_sn): excluded inv_f_low < 1/f < inv_f_high [GeV^-1]\n",
              s->alpn, s->alpn);
      fprintf(f, "mass_GeV,inv_f_low_GeV,inv_f_high_GeV\n");
    } else if (s->mcp) {
      fprintf(f, "# SN1987A band of the BC3 millicharged fermion (fipbounds bc3_sn): excluded eps_low < eps < eps_high\n");
      fprintf(f, "mass_GeV,eps_low,eps_high\n");
    } else if (s->scalar) {
      fprintf(f, "# SN1987A band of the BC4/BC5 scalar (fipbounds bc4_sn): excluded s2_low < sin^2 theta < s2_high\n");
      fprintf(f, "mass_GeV,sin2theta_low,sin2theta_high\n");
    } else if (s->hnl >= 0) {
      fprintf(f, "# SN1987A band of the BC%d HNL (fipbounds bc%d_sn): excluded U2_low < |U|^2 < U2_high\n", 6 + s->hnl,
              6 + s->hnl);
      fprintf(f, "mass_GeV,U2_low,U2_high\n");
    } else if (s->alp) {
      fprintf(f, "# SN1987A band of the BC9 ALP (fipbounds bc9_sn): excluded g_low < g_agamma < g_high [GeV^-1]\n");
      fprintf(f, "mass_GeV,g_low_GeV,g_high_GeV\n");
    } else {
      fprintf(f, "# SN1987A band of the BC1 dark photon (fipbounds bc1_sn): excluded eps_low < eps < eps_high\n");
      fprintf(f, "mass_GeV,eps_low,eps_high\n");
    }
    for (size_t i = 0; i < nm; i++)
      if (isfinite(edges[3 * i + 1])) fprintf(f, "%.8g,%.8g,%.8g\n", edges[3 * i], edges[3 * i + 1], edges[3 * i + 2]);
    FB_TEST_GOTO(err, rc, fclose(f) != 0, FB_ERR_IO, done, "error writing %s", csv);
  }
done:
  free(edges);
  free(mask);
  return rc;
}

const fb_model_ops fb_model_bc1_sn = {
    .name = "bc1_sn",
    .benchmark = "BC1",
    .description = "SN1987A cooling band of the BC1 dark photon (np bremsstrahlung, in-medium mixing, absorption)",
    FB_MODEL_AXES(BC1),
    .n_quantities = sizeof bc1sn_quantities / sizeof bc1sn_quantities[0],
    .quantities = bc1sn_quantities,
    .n_keys = sizeof bc1sn_keys / sizeof bc1sn_keys[0],
    .keys = bc1sn_keys,
    .init = bc1sn_init,
    .eval = bc1sn_eval,
    .free = bc1sn_free,
    .postprocess = bc1sn_postprocess, .n_per_mass = sn_n_per_mass, .per_mass = sn_per_mass,
};

static int bc9sn_init(void **state, const fb_config *cfg, fb_err *err) { return sn_init(state, cfg, 1, -1, err); }

static const fb_quantity_spec bc9sn_quantities[] = {
    {"sn_luminosity_erg_s", "erg/s",
     "ALP luminosity at infinity of the SN1987A proto-neutron star (Primakoff emission minus absorption/decay inside r_far)"},
};

const fb_model_ops fb_model_bc9_sn = {
    .name = "bc9_sn",
    .benchmark = "BC9",
    .description = "SN1987A cooling band of the BC9 photon-coupled ALP (Primakoff on protons, decays)",
    FB_MODEL_AXES(BC9),
    .n_quantities = sizeof bc9sn_quantities / sizeof bc9sn_quantities[0],
    .quantities = bc9sn_quantities,
    .n_keys = 0, /* reads the [sn1987a] keys declared by bc1_sn */
    .keys = NULL,
    .init = bc9sn_init,
    .eval = bc1sn_eval,
    .free = bc1sn_free,
    .postprocess = bc1sn_postprocess, .n_per_mass = sn_n_per_mass, .per_mass = sn_per_mass,
};

static int bc4sn_init(void **state, const fb_config *cfg, fb_err *err) { return sn_init(state, cfg, 2, -1, err); }

static const fb_quantity_spec bc4sn_quantities[] = {
    {"sn_luminosity_erg_s", "erg/s",
     "dark-scalar luminosity at infinity of the SN1987A proto-neutron star (NN bremsstrahlung and inverse decays "
     "minus absorption/decay along the paths)"},
};

const fb_model_ops fb_model_bc4_sn = {
    .name = "bc4_sn",
    .benchmark = "BC4",
    .description = "SN1987A cooling band of the BC4 dark scalar (soft NN bremsstrahlung, inverse bremsstrahlung, decays)",
    FB_MODEL_AXES(BC4),
    .n_quantities = sizeof bc4sn_quantities / sizeof bc4sn_quantities[0],
    .quantities = bc4sn_quantities,
    .n_keys = 0, /* reads the [sn1987a] keys declared by bc1_sn */
    .keys = NULL,
    .init = bc4sn_init,
    .eval = bc1sn_eval,
    .free = bc1sn_free,
    .postprocess = bc1sn_postprocess, .n_per_mass = sn_n_per_mass, .per_mass = sn_per_mass,
};

/* BC5: the same band in (m_S, sin^2 theta) (the h S S coupling enters neither the production nor the
 * decays of one S; fb_sn_scalar.h). */
const fb_model_ops fb_model_bc5_sn = {
    .name = "bc5_sn",
    .benchmark = "BC5",
    .description = "SN1987A cooling band of the BC5 dark scalar (the BC4 band: same mixing, h S S does not enter)",
    FB_MODEL_AXES(BC5),
    .n_quantities = sizeof bc4sn_quantities / sizeof bc4sn_quantities[0],
    .quantities = bc4sn_quantities,
    .n_keys = 0,
    .keys = NULL,
    .init = bc4sn_init,
    .eval = bc1sn_eval,
    .free = bc1sn_free,
    .postprocess = bc1sn_postprocess, .n_per_mass = sn_n_per_mass, .per_mass = sn_per_mass,
};

/* BC6-BC8 heavy neutral lepton (fb_sn_hnl.h): one scan model per mixing flavour. */
static int bc6sn_init(void **state, const fb_config *cfg, fb_err *err) { return sn_init(state, cfg, 0, 0, err); }
static int bc7sn_init(void **state, const fb_config *cfg, fb_err *err) { return sn_init(state, cfg, 0, 1, err); }
static int bc8sn_init(void **state, const fb_config *cfg, fb_err *err) { return sn_init(state, cfg, 0, 2, err); }

static const fb_quantity_spec hnlsn_quantities[] = {
    {"sn_luminosity_erg_s", "erg/s",
     "HNL luminosity at infinity of the SN1987A proto-neutron star (production by mixing minus absorption/decay "
     "inside r_far)"},
};

static const fb_key_spec hnlsn_keys[] = {
    {"sn1987a", "hnl_charged_current", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "bc6_sn: charged-current production e- p -> N n, e+ n -> N p (and its inverse as absorption)"},
    {"sn1987a", "hnl_nu_degeneracy", FB_KEY_CHOICE, "zero", 0, 0, "zero|beta", "",
     "bc6_sn: nu_e chemical potential from beta equilibrium (mu_e + mu_p - mu_n of the profile) or zero"},
    {"sn1987a", "hnl_nucleon_degeneracy", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "bc6_sn-bc8_sn: neutral-current rates with the ideal degenerate-nucleon structure function"},
};

#define HNL_SN_OPS(NAME, BENCH, FLAV, INIT, NKEYS, KEYS)                                                   \
  {                                                                                                        \
    .name = NAME, .benchmark = #BENCH,                                                                     \
    .description = "SN1987A cooling band of the " #BENCH " HNL mixing with nu_" FLAV                        \
                   " (production by mixing in the proto-neutron star, absorption, decays)",                 \
    FB_MODEL_AXES(BENCH),                                                                                  \
    .n_quantities = 1, .quantities = hnlsn_quantities, .n_keys = NKEYS, .keys = KEYS, .init = INIT,        \
    .eval = bc1sn_eval, .free = bc1sn_free, .postprocess = bc1sn_postprocess, .n_per_mass = sn_n_per_mass, .per_mass = sn_per_mass,                              \
  }

/* bc7_sn and bc8_sn read the [sn1987a] keys declared by bc1_sn and bc6_sn */
const fb_model_ops fb_model_bc6_sn = HNL_SN_OPS("bc6_sn", BC6, "e", bc6sn_init, 3, hnlsn_keys);
const fb_model_ops fb_model_bc7_sn = HNL_SN_OPS("bc7_sn", BC7, "mu", bc7sn_init, 0, NULL);
const fb_model_ops fb_model_bc8_sn = HNL_SN_OPS("bc8_sn", BC8, "tau", bc8sn_init, 0, NULL);

/* BC3 millicharged fermion (fb_sn_mcp.h). */
static int bc3sn_init(void **state, const fb_config *cfg, fb_err *err) { return sn_init(state, cfg, 3, -1, err); }

static const fb_quantity_spec mcpsn_quantities[] = {
    {"sn_luminosity_erg_s", "erg/s",
     "millicharged-fermion luminosity at infinity of the SN1987A proto-neutron star (plasmon decay, off-shell photons "
     "from np bremsstrahlung and e+e- annihilation, reduced by chi p scattering along the paths)"},
};

static const fb_key_spec mcpsn_keys[] = {
    {"sn1987a", "mcp_trapping", FB_KEY_CHOICE, "random_walk", 0, 0, "random_walk|energy_loss|transport", "",
     "bc3_sn: optical depth of the chi p scattering trapping (fb_sn_mcp.h): random_walk sqrt(tau_E (tau_E + "
     "tau_tr)), energy_loss tau_E (straight path), transport tau_tr"},
};

const fb_model_ops fb_model_bc3_sn = {
    .name = "bc3_sn",
    .benchmark = "BC3",
    .description = "SN1987A cooling band of the BC3 millicharged fermion (plasmon decay, np bremsstrahlung and e+e- "
                   "annihilation into chi chibar, trapping by chi p scattering)",
    FB_MODEL_AXES(BC3),
    .n_quantities = sizeof mcpsn_quantities / sizeof mcpsn_quantities[0],
    .quantities = mcpsn_quantities,
    .n_keys = sizeof mcpsn_keys / sizeof mcpsn_keys[0], /* and the [sn1987a] keys declared by bc1_sn */
    .keys = mcpsn_keys,
    .init = bc3sn_init,
    .eval = bc1sn_eval,
    .free = bc1sn_free,
    .postprocess = bc1sn_postprocess, .n_per_mass = sn_n_per_mass, .per_mass = sn_per_mass,
};

/* BC10 / BC11 nucleon-coupled ALPs (fb_sn_alpn.h): NN bremsstrahlung through g_an, g_ap induced by 1/f_l or 1/f_G. */
static int bc10sn_init(void **state, const fb_config *cfg, fb_err *err) { return sn_init(state, cfg, 10, -1, err); }
static int bc11sn_init(void **state, const fb_config *cfg, fb_err *err) { return sn_init(state, cfg, 11, -1, err); }

static const fb_quantity_spec alpnsn_quantities[] = {
    {"sn_luminosity_erg_s", "erg/s",
     "ALP luminosity at infinity of the SN1987A proto-neutron star (NN bremsstrahlung through the induced nucleon "
     "couplings, pi- p -> n a, BC10's gamma mu -> mu a and inverse decays, minus absorption/decay along the paths)"},
};

static const fb_key_spec alpnsn_keys[] = {
    {"sn1987a", "alpn_ope", FB_KEY_CHOICE, "corrected", 0, 0, "corrected|massive|naive", "",
     "bc10_sn/bc11_sn NN bremsstrahlung: OPE with rho exchange, effective mass and multiple scattering "
     "(arXiv:1906.11844), OPE with the pion mass only, or massless OPE"},
    {"sn1987a", "alpn_pion_induced", FB_KEY_CHOICE, "on", 0, 0, "on|poles|off|mean_field", "",
     "bc10_sn/bc11_sn: pion-induced pi- p -> n a and its inverse (mu_pi = mu_n - mu_p, abundance: alpn_pion_abundance): nucleon poles "
     "(arXiv:2010.02943) and the pi-N-a contact term (arXiv:2110.01972), the poles alone, off, or on with the "
     "nucleon symmetry potential U_n - U_p added (systematic)"},
    {"sn1987a", "alpn_muons", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "bc10_sn: the muon coupling m_mu/f_l through gamma mu -> mu a and its inverse (mu_mu = mu_e, charge neutral, relativistic muons; arXiv:2005.07141)"},
    {"sn1987a", "alpn_pion_abundance", FB_KEY_CHOICE, "virial", 0, 0, "virial|free", "",
     "bc10_sn/bc11_sn pion-induced emission: the pi- abundance with the pi-N (Delta) interactions of the virial "
     "expansion (Fore & Reddy arXiv:1911.02632) or free pions at mu_n - mu_p"},
    {"sn1987a", "alpn_pion_delta", FB_KEY_CHOICE, "off", 0, 0, "off|on|quark_model", "",
     "bc10_sn/bc11_sn pion-induced emission: add the Delta(1232)-mediated diagrams of pi- p -> n a (static isobar "
     "model; Ho et al. arXiv:2212.01155), pi N Delta coupling from the Delta width (on) or the quark-model "
     "(f*/f)^2 = 72/25 (quark_model); they vanish for C_p = C_n (bc10)"},
};

const fb_model_ops fb_model_bc10_sn = {
    .name = "bc10_sn",
    .benchmark = "BC10",
    .description = "SN1987A cooling band of the BC10 ALP (NN bremsstrahlung through the induced nucleon couplings, "
                   "absorption, decays)",
    FB_MODEL_AXES(BC10),
    .n_quantities = sizeof alpnsn_quantities / sizeof alpnsn_quantities[0],
    .quantities = alpnsn_quantities,
    .n_keys = sizeof alpnsn_keys / sizeof alpnsn_keys[0],
    .keys = alpnsn_keys,
    .init = bc10sn_init,
    .eval = bc1sn_eval,
    .free = bc1sn_free,
    .postprocess = bc1sn_postprocess, .n_per_mass = sn_n_per_mass, .per_mass = sn_per_mass,
};

const fb_model_ops fb_model_bc11_sn = {
    .name = "bc11_sn",
    .benchmark = "BC11",
    .description = "SN1987A cooling band of the BC11 ALP-gluon coupling (NN bremsstrahlung through the induced "
                   "nucleon couplings, absorption, decays)",
    FB_MODEL_AXES(BC11),
    .n_quantities = sizeof alpnsn_quantities / sizeof alpnsn_quantities[0],
    .quantities = alpnsn_quantities,
    .n_keys = 0, /* reads the [sn1987a] keys declared by bc1_sn and bc10_sn */
    .keys = NULL,
    .init = bc11sn_init,
    .eval = bc1sn_eval,
    .free = bc1sn_free,
    .postprocess = bc1sn_postprocess, .n_per_mass = sn_n_per_mass, .per_mass = sn_per_mass,
};
