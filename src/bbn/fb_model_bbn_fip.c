/**
 * @file fb_model_bbn_fip.c
 * @brief Scan models `bc1_bbn`, `bc9_bbn` and `bc6_bbn`, `bc7_bbn`, `bc8_bbn`: the BBN and N_eff
 *        bands of a benchmark FIP on its (mass, coupling) plane, with the FIP's own abundance from
 *        decays and inverse decays (BC1, BC9) or, for the heavy neutral leptons BC6-BC8, from thermal
 *        production through active-sterile mixing, decoupling, decays and inverse decays (bbn_hnl.c;
 *        g = 2, Fermi-Dirac; not a lower limit: the production by scatterings is included).
 *
 * Per point: the particle model's decay record (src/models: lifetime, injection fractions,
 * charged pions; bbn_decay_record.c), the abundance at T0 = 10 MeV from the Boltzmann equation with
 * decays and inverse decays from T_RH (bbn_abundance.c) plus, where src/production registers one and
 * the model's key switches it on, the production by scatterings and in-medium conversion (bc1: resonant
 * conversion and 2 -> 2 scatterings; bc9: Primakoff; without it the abundance and the excluded region
 * are lower limits), then BBN with the decaying particle from T0 (bbn_solve with
 * n_over_ngamma at T_start = T0). Points with tau < 1e-3 s decay before BBN in a plasma in
 * equilibrium: standard BBN (eta fixed today), not excluded, if m >= 0.1 GeV; lighter X are held in equilibrium
 * by their inverse decays, which the BBN stage includes below the hand-over (bbn_decay.g_inverse), and are solved
 * at tau = 1e-3 s, the tight-coupling limit (bfip_eval). Points with 1e5 s < tau <= 1e12 s are
 * computed without their photodisintegration cascade (flag_photodisintegration; the bcN_photodis models
 * compute it) and with their decays after T_end followed to recombination for Neff_rec (bbn_neff_rec.c);
 * tau > 1e12 s fails with a range error. The abundance's dependence on T_RH is
 * reported as the relative change of n/n_gamma when T_RH is lowered tenfold.
 * BC1 (key production, default true): the A' is also produced by resonant conversion of plasma photons and by
 * 2 -> 2 scatterings (src/production/fb_prod_bc1.c; Fradette et al. arXiv:1407.0993, Redondo & Postma
 * arXiv:0811.0326); then the abundance is no longer a lower limit from inverse decays alone.
 * BC9 (key primakoff, default true): the ALP is also produced by Primakoff scattering on the charged
 * plasma (src/production/fb_prod_bc9.c), which Depta, Hufnagel, Schmidt-Hoberg arXiv:2002.08370 include;
 * then the abundance is no longer a lower limit from inverse decays alone.
 * Internal states: 3 for the massive dark photon, 1 for the ALP.
 * bc10_bbn, bc11_bbn (key production, default true): the ALPs of BC10 (fermion couplings, 1/f_l) and BC11
 * (gluon coupling, 1/f_G) with their production by scatterings (src/production/fb_prod_bc10.c, fb_prod_bc11.c).
 * BC4, BC5 (`bc4_bbn`, `bc5_bbn`; key production, default true): the real scalar (g = 1) is also produced
 * by Higgs-like scatterings in the plasma and, for BC5, by h -> S S (src/production/fb_prod_bc4.c).
 * postprocess: /bounds/bbn/excluded and /bounds/neff/excluded as in fb_model_bbn_decay.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bbn.h"
#include "bbn_bounds.h"
#include "bbn_decay_record.h"
#include "bbn_internal.h"
#include "fb_constants.h"
#include "fb_cosmo.h"
#include "fb_fip.h"
#include "fb_h5.h"
#include "fb_log.h"
#include "fb_model.h"
#include "fb_production.h"
#include "fb_thermo.h"

typedef struct bfip_state {
  const fb_fip_ops *ops;
  void *model;
  fb_config mcfg;
  fb_thermo th;
  bbn_tables tab;
  bbn_params par;
  bbn_result sbbn;
  double g_X, T_RH_GeV, T0_MeV;
  int mesons;
  int hnl; /* -1, or the HNL's flavour (0 = e, 1 = mu, 2 = tau) */
  int thermal_potential; /* HNL: mixing suppressed by the thermal potential (bbn_hnl.c) */
  int primakoff;         /* BC9: Primakoff production on the charged plasma (src/production/fb_prod_bc9.c) */
  fb_production prod;    /* production by scatterings (src/production), used when prod.ops != NULL */
  int prod_table;        /* the rate from a per-mass table (fb_production_table; productions with rate_bin_GeV) */
  fb_production_table ptab;
  fb_production_table ptab_lo; /* the same below T0 (down to m/50 or 1 keV), for the flag Q_FINV */
  int prod_etable;       /* the rate and mean energy from a per-mass cubic table (fb_production_etable; bc9 Primakoff,
                            key primakoff_table; the rate alone for bc4, bc10, bc11, key production_table) from
                            min(T_lo, 0.5 T0) to T_RH, direct elsewhere */
  fb_production_etable etab;
  int nu_conversion;     /* HNL: direct p <-> n conversion by the non-thermal nu_e (bbn_nu_conversion.c) */
  int nu_oscillations;   /* HNL: with it, the injected neutrinos oscillate first (bbn_nu_oscillation.c) */
  int nu_cascade;        /* HNL: their scattering cascade (bbn_nu_cascade.c) */
  int nu_em_share;       /* HNL: the cascade's e+- share of the neutrino energy into the plasma (bbn_nu_em_share.c) */
  int nu_conv_direct;    /* HNL: the neutrino conversions solved at every network call, not tabulated (bbn_nu_conv_table.c) */
  int momentum_kinetic;  /* 1: X's momentum at T0 from kinetic equilibrium (the old estimate); 0: from the energy
                            Boltzmann equation (bbn_abundance_energy.c; key `momentum`, not the HNLs) */
  int have_last;         /* last_* hold the last eval's BBN with the decay (bbn_fip_state_point) */
  bbn_decay last_d;
  bbn_result last_res;
} bfip_state;

enum { Q_TAU, Q_NG, Q_MY, Q_TRH, Q_YP, Q_DH, Q_HE3, Q_LI7, Q_NEFF, Q_ETAR, Q_DCHI2, Q_FPH, Q_FHA, Q_FOTH, Q_FINV,
       Q_THO, Q_NREC, Q_P0, Q_N, Q_TDEC = Q_N, Q_GHMAX, Q_NREL, Q_NPI, Q_N_HNL };

static const fb_quantity_spec bfip_quantities[] = {
    {"tau_s", "s", "lifetime of the FIP (from its decay record)"},
    {"n_over_ngamma_T0", "", "n_X / n_gamma at T0 = start of BBN (decays and inverse decays from T_RH, plus the production "
                             "by scatterings where the model has one and it is on; otherwise a lower limit)"},
    {"mY_GeV", "GeV", "m_X n_X / s before decay (from n_over_ngamma_T0; for tau < 1e-3 s, including the light X solved "
                      "in tight coupling at tau = 1e-3 s: m Y at T0, the abundance handed to BBN)"},
    {"abundance_TRH_change", "", "relative change of n_over_ngamma_T0 when T_RH is lowered tenfold"},
    {"Yp_mass_fraction", "", "helium-4 mass fraction"},
    {"D_H", "", "deuterium to hydrogen number ratio"},
    {"He3_H", "", "(3He + 3H) to hydrogen number ratio"},
    {"Li7_H", "", "(7Li + 7Be) to hydrogen number ratio"},
    {"Neff", "", "effective number of neutrino species at the end of BBN (T_end = 1 keV, or t = 25 tau if later)"},
    {"eta_bbn_over_eta_cmb", "", "n_b/n_gamma before the decay over n_b/n_gamma today"},
    {"delta_chi2", "", "chi2 (Yp, D/H; PDG 2024) minus standard BBN's"},
    {"flag_photodisintegration", "", "1 where the e.m. cascade (not computed) could change the result"},
    {"flag_hadrodissociation", "", "1 where hadronic showers (not computed) could change the result"},
    {"f_other", "", "energy fraction in tau, kaons, nucleons, other hadrons (counted as e.m.; no conversion)"},
    {"flag_inverse_decays_after_T0", "", "1 where production below the hand-over that the BBN stage does not include "
                                         "(the benchmark's scatterings and the inverse decays of the non-e.m. channels, "
                                         "width (1 - f_em) Gamma; HNLs: all inverse decays) would add more than 10% to "
                                         "the abundance handed over, and the stage's own inverse decays do not hold X in "
                                         "equilibrium (their production below the hand-over <= Y_eq there): the result is "
                                         "then a lower limit"},
    {"T_handover_MeV", "MeV", "temperature at which the abundance is handed to BBN as m Y before decay: T0 = 10 MeV, or "
                              "lower (down to m/50) where the production continues below T0 and t(T) < 0.1 tau"},
    {"Neff_rec", "", "effective number of neutrino species at recombination (T = 0.256 eV, z_* = 1089.92): the decays "
                     "after T_end followed (bbn_neff_rec.c); the N_eff band uses it"},
    {"p_mean_T0_MeV", "MeV", "momentum of X at T0 handed to BBN (bbn_decay.p0_MeV): sqrt(<E>^2 - m^2) with <E> = rho_X/n_X "
                             "from the number and energy Boltzmann equations (key momentum = boltzmann, default) or from "
                             "kinetic equilibrium at T0 (momentum = kinetic; always for the HNL planes)"},
    /* HNL planes only (bc6_bbn - bc8_bbn) */
    {"T_dec_GeV", "GeV", "decoupling: Gamma_prod = H below the maximum of Gamma_prod/H (0: never thermalised)"},
    {"gamma_over_H_max", "", "maximum of Gamma_prod/H (thermal production through mixing) between T_RH and T0"},
    {"n_over_ngamma_reldec", "", "(3/4) g_*s(T0)/g_*s(T_dec): thermalised, relativistic decoupling, no decays"},
    {"n_pi_charged", "", "charged pions per decay (from the decay record; meson-driven p <-> n conversion)"},
};

/* the same keys in the section of each model ([bc1_bbn], [bc9_bbn], [bc6_bbn], ...) */
#define BFIP_KEYS_COMMON(SEC)                                                                             \
  {SEC, "T_RH_GeV", FB_KEY_DOUBLE, "1000", 1e-2, 1e5, NULL, "GeV",                                        \
   "reheating temperature: X starts at zero abundance there (must exceed 20 m_X)"},                      \
  {SEC, "mesons", FB_KEY_BOOL, "true", 0, 0, NULL, "", "meson-driven p <-> n conversion on"},             \
  {SEC, "eta_fixed", FB_KEY_CHOICE, "cmb", 0, 0, "cmb|bbn", "",                                           \
   "eta fixed today at the CMB value (cmb) or before the decay (bbn)"}
#define BFIP_KEYS(SEC) {BFIP_KEYS_COMMON(SEC)}
/* the FIP's momentum at T0 (issue 14 item 1): not for the HNLs (their own abundance solver, bbn_hnl.c) */
#define BFIP_KEY_MOMENTUM(SEC)                                                                            \
  {SEC, "momentum", FB_KEY_CHOICE, "boltzmann", 0, 0, "boltzmann|kinetic", "",                            \
   "momentum of X at T0: boltzmann = from its number and energy Boltzmann equations from T_RH "          \
   "(bbn_abundance_energy.c); kinetic = kinetic equilibrium at T0 (an upper estimate)"}
/* bc1: the common keys plus the production by scatterings and resonant conversion (fb_prod_bc1.c) */
static const fb_key_spec bc1_bbn_keys[] = {
    BFIP_KEYS_COMMON("bc1_bbn"), BFIP_KEY_MOMENTUM("bc1_bbn"),
    {"bc1_bbn", "production", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "A' also produced by resonant conversion and e+e- -> gamma A', e gamma -> e A', q qbar -> g A', q g -> q A' "
     "(src/production/fb_prod_bc1.c; false: decays and inverse decays only, a lower limit)"}};
/* bc9: the common keys plus the Primakoff switch */
static const fb_key_spec bc9_bbn_keys[] = {
    BFIP_KEYS_COMMON("bc9_bbn"), BFIP_KEY_MOMENTUM("bc9_bbn"),
    {"bc9_bbn", "primakoff", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "ALP production also by Primakoff scattering gamma q -> a q on the charged plasma (src/production/fb_prod_bc9.c; "
     "false: decays and inverse decays only, a lower limit)"},
    {"bc9_bbn", "primakoff_table", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "the Primakoff rate and the mean energy of the ALPs it makes from a per-mass table in T (40 per e-fold, cubic; "
     "src/production/fb_production_etable.c), built once per mass for all couplings; false: evaluated at every call "
     "(the BBN outputs agree within the stage's noise floor: |dYp| < 2e-5, D/H 1e-4 relative, N_eff 1e-5, the same "
     "verdicts; tests/bbn/test_bbn_prod_table.c)"}};
/* bc10, bc11: the common keys plus the production switch `production` (read by bfip_init_common) */
/* the per-mass table of a production that scales with the coupling (fb_production_tabulable: bc4, bc10, bc11) */
#define BFIP_KEY_PROD_TABLE(SEC, NOTE)                                                                    \
  {SEC, "production_table", FB_KEY_BOOL, "true", 0, 0, NULL, "",                                          \
   "the production rate from a per-mass table in T (40 per e-fold, cubic in ln T; "                      \
   "src/production/fb_production_etable.c), built once per mass for all couplings; false: evaluated at "   \
   "every call (the BBN outputs agree within the stage's noise floor: tests/bbn/test_bbn_prod_table.c)" NOTE}
#define BALP_KEYS(SEC, WHAT)                                                                              \
  {BFIP_KEYS_COMMON(SEC), BFIP_KEY_MOMENTUM(SEC),                                                         \
   {SEC, "production", FB_KEY_BOOL, "true", 0, 0, NULL, "",                                               \
    "ALP production also by scatterings (" WHAT "; false: decays and inverse decays only, a lower limit)"}, \
   BFIP_KEY_PROD_TABLE(SEC, "")}
static const fb_key_spec bc10_bbn_keys[] = BALP_KEYS("bc10_bbn", "src/production/fb_prod_bc10.c: f gamma -> f a, f fbar -> gamma a, "
                                                     "q g -> q a, q qbar -> g a, anomaly-like gluon and photon couplings");
static const fb_key_spec bc11_bbn_keys[] = BALP_KEYS("bc11_bbn", "src/production/fb_prod_bc11.c: gluon conversion and q qbar -> g a "
                                                     "above the QCD crossover, pi pi -> pi a and Primakoff below");
/* bc4, bc5: the common keys plus the switch of the production by scatterings (src/production/fb_prod_bc4.c) */
#define BSCALAR_KEYS(SEC)                                                                                 \
  {BFIP_KEYS_COMMON(SEC), BFIP_KEY_MOMENTUM(SEC),                                                         \
   {SEC, "production", FB_KEY_BOOL, "true", 0, 0, NULL, "",                                               \
    "S production also by Higgs-like scatterings (and, bc5, h -> S S) in the plasma "                     \
    "(src/production/fb_prod_bc4.c; false: decays and inverse decays only, a lower limit)"},               \
   BFIP_KEY_PROD_TABLE(SEC, " (bc5: no effect, its h -> S S part does not scale with sin^2 theta)")}
static const fb_key_spec bc4_bbn_keys[] = BSCALAR_KEYS("bc4_bbn");
static const fb_key_spec bc5_bbn_keys[] = BSCALAR_KEYS("bc5_bbn");
/* HNL sections: the same keys plus the thermal-potential switch */
#define BHNL_KEYS(SEC)                                                                                    \
  {BFIP_KEYS_COMMON(SEC),                                                                                 \
   {SEC, "thermal_potential", FB_KEY_BOOL, "true", 0, 0, NULL, "",                                        \
    "active-sterile mixing suppressed by the thermal potential of nu_alpha (false: vacuum mixing)"},       \
   {SEC, "nu_conversion", FB_KEY_BOOL, "true", 0, 0, NULL, "",                                            \
    "direct p <-> n conversion by the decays' non-thermal nu_e before they thermalise (bbn_nu_conversion.c)"}, \
   {SEC, "nu_oscillations", FB_KEY_BOOL, "true", 0, 0, NULL, "",                                          \
    "the injected nu_e, nu_mu, nu_tau oscillate (vacuum mixing, thermal potential) before they convert "     \
    "nucleons (bbn_nu_oscillation.c); false: only the injected nu_e convert"},                              \
   {SEC, "nu_cascade", FB_KEY_BOOL, "true", 0, 0, NULL, "",                                               \
    "with nu_conversion: the injected neutrinos' scattering cascade on the thermal nu and e+- and the "        \
    "conversions of its energetic nu_e (bbn_nu_cascade.c); false: the first scattering ends a neutrino"},      \
   {SEC, "nu_em_share", FB_KEY_BOOL, "true", 0, 0, NULL, "",                                              \
    "the share of the injected neutrino energy that their cascade hands to e+- (nu e -> nu e, nu anti-nu -> "   \
    "e+ e-) goes to the e.m. plasma (bbn_nu_em_share.c); false: all of it to the neutrino bath"},              \
   {SEC, "nu_conv_direct", FB_KEY_BOOL, "false", 0, 0, NULL, "",                                           \
    "true: the neutrinos' conversions and cascade solved at every network step (the slower path, for checks); " \
    "false: tabulated once per background in ln t (bbn_nu_conv_table.c)"},                                   \
   {SEC, "majorana", FB_KEY_BOOL, "true", 0, 0, NULL, "",                                                 \
    "N is a Majorana fermion (2 states; the PBC BC6-BC8 benchmark); false: a Dirac N at the same |U|^2 "      \
    "(N and anti-N: 4 states, every partial width halved), the particle of arXiv:2006.07387's code (a "       \
    "comparison convention: through mixing the sterile helicities fill by (m/E)^2-suppressed flips)"}}
static const fb_key_spec bc6_bbn_keys[] = BHNL_KEYS("bc6_bbn");
static const fb_key_spec bc7_bbn_keys[] = BHNL_KEYS("bc7_bbn");
static const fb_key_spec bc8_bbn_keys[] = BHNL_KEYS("bc8_bbn");

static int bfip_init_common(void **state, const fb_config *cfg, const char *name, const char *sec, double g_X,
                            fb_err *err) {
  bfip_state *s = calloc(1, sizeof *s);
  FB_TEST(err, !s, FB_ERR_MEMORY, "cannot allocate the %s state", name);
  *state = s;
  s->ops = fb_fip_find(name, NULL);
  FB_TEST(err, !s->ops || !s->ops->decay, FB_ERR_INTERNAL, "particle model %s not registered", name);
  s->g_X = g_X;
  s->hnl = -1;
  s->T_RH_GeV = fb_config_get_double(cfg, sec, "T_RH_GeV");
  s->mesons = fb_config_get_bool(cfg, sec, "mesons");
  s->T0_MeV = 10.0;
  s->momentum_kinetic = !fb_config_has_key(cfg, sec, "momentum") || strcmp(fb_config_get_string(cfg, sec, "momentum"), "kinetic") == 0;
  /* the model's keys as the run sets them (e.g. [bc5] br_h_SS, which the production below reads too) */
  FB_CALL(err, fb_fip_config_from(s->ops, cfg, &s->mcfg, err));
  if (s->ops->init) FB_CALL(err, s->ops->init(&s->model, &s->mcfg, err));
  FB_CALL(err, fb_thermo_init(&s->th, err));
  FB_CALL(err, bbn_tables_init(&s->tab, err));
  bbn_params_default(&s->par);
  s->par.T_start_MeV = s->T0_MeV;
  s->par.eta_at_bbn = strcmp(fb_config_get_string(cfg, sec, "eta_fixed"), "bbn") == 0;
  FB_CALL(err, bbn_solve(&s->tab, &s->par, &s->sbbn, err));
  s->par.sbbn_nb_ref = s->sbbn.nb_comoving;
  /* production by scatterings (src/production) where the benchmark has one, switched by the boolean
   * key `production` of the model's section when it declares one (bc9: its key `primakoff`, bc9_bbn_init) */
  if (fb_production_find(name) && fb_config_has_key(cfg, sec, "production") && fb_config_get_bool(cfg, sec, "production"))
    FB_CALL(err, fb_production_init(&s->prod, name, cfg, err));
  /* a production that gives bin averages (bc1: ~70 us per rate) is tabulated once per mass for all couplings */
  s->prod_table = s->prod.ops && s->prod.ops->rate_bin_GeV;
  /* so is one that scales with the coupling (bc4 ~20 us per rate, bc10, bc11; key production_table): cubic in ln T
   * (bc9 sets it from its own key primakoff_table, bc9_bbn_init) */
  if (fb_production_tabulable(&s->prod) && fb_config_has_key(cfg, sec, "production_table"))
    s->prod_etable = fb_config_get_bool(cfg, sec, "production_table");
  return FB_OK;
}

static void bfip_free(void *state) {
  bfip_state *s = state;
  if (!s) return;
  if (s->model && s->ops->free) s->ops->free(s->model);
  fb_production_free(&s->prod);
  fb_production_table_free(&s->ptab);
  fb_production_table_free(&s->ptab_lo);
  fb_production_etable_free(&s->etab);
  fb_config_free(&s->mcfg);
  fb_thermo_free(&s->th);
  bbn_tables_free(&s->tab);
  free(s);
}

/* bc1: a massive vector has 3 states; bc9: the ALP has 1 */
static int bc1_bbn_init(void **state, const fb_config *cfg, fb_err *err) {
  return bfip_init_common(state, cfg, "bc1", "bc1_bbn", 3.0, err);
}
static int bc9_bbn_init(void **state, const fb_config *cfg, fb_err *err) {
  FB_CALL(err, bfip_init_common(state, cfg, "bc9", "bc9_bbn", 1.0, err));
  bfip_state *s = *state;
  s->primakoff = fb_config_get_bool(cfg, "bc9_bbn", "primakoff");
  if (s->primakoff) FB_CALL(err, fb_production_init(&s->prod, "bc9", cfg, err));
  s->prod_etable = s->primakoff && fb_config_get_bool(cfg, "bc9_bbn", "primakoff_table");
  return FB_OK;
}

/* bc10, bc11: the ALP has 1 state; production by scatterings from src/production when `production` is true */
static int bc10_bbn_init(void **state, const fb_config *cfg, fb_err *err) {
  return bfip_init_common(state, cfg, "bc10", "bc10_bbn", 1.0, err);
}
static int bc11_bbn_init(void **state, const fb_config *cfg, fb_err *err) {
  return bfip_init_common(state, cfg, "bc11", "bc11_bbn", 1.0, err);
}
/* bc4, bc5: the real scalar S has 1 state */
static int bc4_bbn_init(void **state, const fb_config *cfg, fb_err *err) {
  return bfip_init_common(state, cfg, "bc4", "bc4_bbn", 1.0, err);
}
static int bc5_bbn_init(void **state, const fb_config *cfg, fb_err *err) {
  return bfip_init_common(state, cfg, "bc5", "bc5_bbn", 1.0, err);
}

/* bc6-bc8: a Majorana HNL has 2 helicity states (bbn_hnl.c) */
static int bhnl_init(void **state, const fb_config *cfg, const char *name, const char *sec, int flavour, fb_err *err) {
  FB_CALL(err, bfip_init_common(state, cfg, name, sec, 2.0, err));
  ((bfip_state *)*state)->hnl = flavour;
  ((bfip_state *)*state)->thermal_potential = fb_config_get_bool(cfg, sec, "thermal_potential");
  ((bfip_state *)*state)->nu_conversion = fb_config_get_bool(cfg, sec, "nu_conversion");
  ((bfip_state *)*state)->nu_oscillations = fb_config_get_bool(cfg, sec, "nu_oscillations");
  ((bfip_state *)*state)->nu_cascade = fb_config_get_bool(cfg, sec, "nu_cascade");
  ((bfip_state *)*state)->nu_em_share = fb_config_get_bool(cfg, sec, "nu_em_share");
  ((bfip_state *)*state)->nu_conv_direct = fb_config_get_bool(cfg, sec, "nu_conv_direct");
  /* Dirac N: twice the states (bbn_hnl_abundance_dof), half of every width (bfip_eval) */
  if (!fb_config_get_bool(cfg, sec, "majorana")) ((bfip_state *)*state)->g_X = 4.0;
  return FB_OK;
}
static int bc6_bbn_init(void **state, const fb_config *cfg, fb_err *err) {
  return bhnl_init(state, cfg, "bc6", "bc6_bbn", 0, err);
}
static int bc7_bbn_init(void **state, const fb_config *cfg, fb_err *err) {
  return bhnl_init(state, cfg, "bc7", "bc7_bbn", 1, err);
}
static int bc8_bbn_init(void **state, const fb_config *cfg, fb_err *err) {
  return bhnl_init(state, cfg, "bc8", "bc8_bbn", 2, err);
}

/* the per-mass production tables ptab (from 0.5 T0 up) and ptab_lo (T_lo to T0) as one rate: ptab wherever it
 * reaches (so the solves to T0, whose integrator may evaluate slightly past T0, see exactly the rate they saw
 * before ptab_lo was added), ptab_lo below 0.5 T0 (reached only by the solves to T_h < T0, for which bfip_eval
 * has built ptab_lo for this mass) */
typedef struct bfip_two_tables {
  fb_production_table_point hi, lo;
  double T_switch_GeV;
} bfip_two_tables;
static double bfip_two_tables_cb(double T_GeV, void *user) {
  const bfip_two_tables *t = user;
  return fb_production_table_callback(T_GeV, (void *)(T_GeV >= t->T_switch_GeV ? &t->hi : &t->lo));
}

static int bfip_abundance_solve(const bfip_state *s, double mass_GeV, double coupling, double width_GeV,
                                double T_RH_GeV, double T_end_GeV, double *r, double *Y_out, double *out, double *E_out,
                                int energy, fb_err *err);

/* n/n_gamma at T_end_GeV (T0, or the hand-over temperature T_h < T0 of bfip_eval) from T_RH, and Y there
 * (Y_out may be NULL; the HNL's decoupling record in out, for bc6-bc8, whose T_end is always T0).
 * momentum = boltzmann: if the number and energy equations fail to integrate (CVODE: found where X is held
 * in equilibrium far into its Boltzmann tail, e.g. bc5 at m = 1 GeV, sin^2 theta = 1e-6, tau ~ 1e-4 s, with
 * Y ~ 1e-35 at T ~ 14 MeV), the number equation alone is solved and X's mean energy is the kinetic-equilibrium
 * one at T_end: the regime where the energy equation's answer is that value (its scattering and decay rates
 * exceed H by orders of magnitude), so the point keeps a physical result (logged at debug level). */
static int bfip_abundance_to(const bfip_state *s, double mass_GeV, double coupling, double width_GeV, double T_RH_GeV,
                             double T_end_GeV, double *r, double *Y_out, double *out, double *E_out, fb_err *err) {
  const int energy = s->hnl < 0 && !s->momentum_kinetic;
  int rc = bfip_abundance_solve(s, mass_GeV, coupling, width_GeV, T_RH_GeV, T_end_GeV, r, Y_out, out, E_out, energy, err);
  if (rc != FB_ERR_CVODE || !energy) return rc;
  FB_LOG_DBG("bbn fip: energy equations failed at m = %g GeV, coupling = %g (%s): number equation and kinetic momentum",
             mass_GeV, coupling, err->msg);
  fb_err_clear(err);
  FB_CALL(err, bfip_abundance_solve(s, mass_GeV, coupling, width_GeV, T_RH_GeV, T_end_GeV, r, Y_out, out, NULL, 0, err));
  if (E_out) {
    const double p_GeV = 1e-3 * bbn_kinetic_momentum_MeV(mass_GeV * 1e3, T_end_GeV * 1e3);
    *E_out = sqrt(mass_GeV * mass_GeV + p_GeV * p_GeV);
  }
  return FB_OK;
}

static int bfip_abundance_solve(const bfip_state *s, double mass_GeV, double coupling, double width_GeV,
                                double T_RH_GeV, double T_end_GeV, double *r, double *Y_out, double *out, double *E_out,
                                int energy, fb_err *err) {
  double Y_dummy, *Y = Y_out ? Y_out : &Y_dummy, E_dummy, *E = E_out ? E_out : &E_dummy;
  /* energy (momentum = boltzmann): the same with the energy equation (bbn_abundance_energy.c); the bc1 tables
   * give the rate only (eps_P = <E>_eq), the direct productions their own eps_P where they have one (bc9) */
  if (s->hnl < 0 && s->prod.ops && s->prod_table) { /* the same from the per-mass tables (bfip_eval builds them) */
    bfip_two_tables tt = {{&s->ptab, coupling}, {&s->ptab_lo, coupling}, 0.5e-3 * s->T0_MeV};
    const bbn_abundance_opts o = {0, bfip_two_tables_cb, &tt};
    if (energy)
      return bbn_thermal_abundance_energy(&s->th, mass_GeV, s->g_X, width_GeV, &o, NULL, T_RH_GeV, T_end_GeV, Y, r, E,
                                          err);
    return bbn_thermal_abundance(&s->th, mass_GeV, s->g_X, width_GeV, &o, T_RH_GeV, T_end_GeV, Y, r, err);
  }
  if (s->hnl < 0 && s->prod.ops && s->prod_etable) { /* the same from the per-mass energy table (bfip_eval builds it) */
    fb_production_etable_point tp = {&s->etab, coupling};
    const bbn_abundance_opts o = {0, fb_production_etable_callback, &tp};
    if (energy)
      return bbn_thermal_abundance_energy(&s->th, mass_GeV, s->g_X, width_GeV, &o, fb_production_etable_callback_energy,
                                          T_RH_GeV, T_end_GeV, Y, r, E, err);
    return bbn_thermal_abundance(&s->th, mass_GeV, s->g_X, width_GeV, &o, T_RH_GeV, T_end_GeV, Y, r, err);
  }
  if (s->hnl < 0 && s->prod.ops) { /* inverse decays + production by scatterings (src/production) */
    fb_production_point pt = {&s->prod, mass_GeV, coupling};
    const bbn_abundance_opts o = {0, fb_production_callback, &pt};
    if (energy)
      return bbn_thermal_abundance_energy(&s->th, mass_GeV, s->g_X, width_GeV, &o, fb_production_callback_energy,
                                          T_RH_GeV, T_end_GeV, Y, r, E, err);
    return bbn_thermal_abundance(&s->th, mass_GeV, s->g_X, width_GeV, &o, T_RH_GeV, T_end_GeV, Y, r, err);
  }
  if (energy)
    return bbn_thermal_abundance_energy(&s->th, mass_GeV, s->g_X, width_GeV, NULL, NULL, T_RH_GeV, T_end_GeV, Y, r, E,
                                        err);
  if (s->hnl < 0)
    return bbn_inverse_decay_abundance(&s->th, mass_GeV, s->g_X, width_GeV, T_RH_GeV, T_end_GeV, Y, r, err);
  bbn_hnl_state h;
  FB_CALL(err, bbn_hnl_abundance_dof(&s->th, s->hnl, s->thermal_potential, s->g_X, mass_GeV, coupling, width_GeV, T_RH_GeV,
                                     s->T0_MeV * 1e-3, &h, err));
  *r = h.n_over_ngamma_T0;
  if (out) {
    out[Q_TDEC] = h.T_dec_GeV;
    out[Q_GHMAX] = h.gamma_over_H_max;
    out[Q_NREL] = h.n_over_ngamma_reldec;
  }
  return FB_OK;
}

static void put_sbbn(const bfip_state *s, double *out) {
  out[Q_YP] = s->sbbn.Yp_mass;
  out[Q_DH] = s->sbbn.D_H;
  out[Q_HE3] = s->sbbn.He3_H;
  out[Q_LI7] = s->sbbn.Li7_H;
  out[Q_NEFF] = s->sbbn.Neff;
  out[Q_NREC] = s->sbbn.Neff_rec;
  out[Q_ETAR] = 1.0;
  out[Q_DCHI2] = 0.0;
  out[Q_FPH] = out[Q_FHA] = 0.0;
}

static int bfip_eval(void *state, double mass_GeV, double coupling, double *out, fb_err *err) {
  bfip_state *s = state;
  s->have_last = 0;
  FB_CALL(err, fb_fip_check_point(s->ops, mass_GeV, coupling, err));
  FB_TEST(err, !(s->T_RH_GeV > 20.0 * mass_GeV), FB_ERR_RANGE,
          "T_RH_GeV = %g must exceed 20 m_X = %g GeV (inverse decays happen at T ~ m/3)", s->T_RH_GeV,
          20.0 * mass_GeV);
  fb_decay rec;
  FB_CALL(err, s->ops->decay(s->model, mass_GeV, coupling, &rec, err));
  if (s->hnl >= 0 && s->g_X == 4.0) { /* Dirac N: every channel has half the Majorana width (same BRs) */
    rec.width_GeV *= 0.5;
    rec.tau_s *= 2.0;
    rec.ctau_m *= 2.0;
    for (size_t k = 0; k < rec.n_channels; ++k) rec.ch[k].width_GeV *= 0.5;
  }
  bbn_decay d;
  memset(&d, 0, sizeof d);
  double f_other = 0.0;
  FB_CALL(err, bbn_decay_from_record(&rec, &d, &f_other, err));
  d.mesons = s->mesons;
  d.nu_conversion = s->nu_conversion;
  d.nu_oscillations = s->nu_oscillations;
  d.nu_cascade = s->nu_cascade;
  if (s->hnl >= 0) d.nu_em_share = s->nu_em_share; /* the other planes: on (bbn_decay_from_record) */
  if (s->hnl >= 0) d.nu_conv_direct = s->nu_conv_direct; /* the other planes: tabulated */
  out[Q_TAU] = d.tau_s;
  /* census (docs/validation.md "Failure census"): the BBN stage ends at T = 1 keV and follows the decays left
   * after it to recombination only for tau <= BBN_DECAY_TAU_MAX_S. Longer-lived points are outside its domain,
   * not a numerical failure: say so before computing the abundance (was bbn_decay_check's generic
   * "decay tau_s outside the allowed range", after the abundance solve) */
  FB_TEST(err, d.tau_s > BBN_DECAY_TAU_MAX_S, FB_ERR_RANGE,
          "%s: lifetime tau = %.3g s > %g s, beyond the BBN stage (it follows decays to "
          "recombination up to tau = %g s): not computed here; late decays are the domain of the photodisintegration "
          "(bcN_photodis) and CMB (bcN_cmb) models",
          s->ops->name, d.tau_s, BBN_DECAY_TAU_MAX_S,
          BBN_DECAY_TAU_MAX_S);
  out[Q_FOTH] = f_other;
  if (s->hnl >= 0) out[Q_NPI] = d.n_pi_minus + d.n_pi_plus;
  const double T0 = s->T0_MeV * 1e-3, T_lo = fmax(mass_GeV / 50.0, 1e-6);
  if (s->prod.ops && s->prod_table && !(s->ptab.n > 0 && s->ptab.mass_GeV == mass_GeV))
    FB_CALL(err, fb_production_table_build(&s->ptab, &s->prod, mass_GeV, s->ops->coupling_power, 0.5e-3 * s->T0_MeV,
                                           1.01 * s->T_RH_GeV, FB_PRODUCTION_TABLE_PER_EFOLD, err));
  if (T_lo < T0 && s->hnl < 0 && s->prod.ops && s->prod_table && !(s->ptab_lo.n > 0 && s->ptab_lo.mass_GeV == mass_GeV))
    FB_CALL(err, fb_production_table_build(&s->ptab_lo, &s->prod, mass_GeV, s->ops->coupling_power, T_lo, T0,
                                           FB_PRODUCTION_TABLE_PER_EFOLD, err));
  /* the Primakoff rate and mean energy (bc9), one table per mass (fb_production_etable.c) from 1.01 T_RH down to
   * 0.5 T0 (the solves to T0 may evaluate a little below it) or, where the abundance is followed below T0, to T_lo (the
   * solves to T_h and the flag's production below T_h) */
  if (s->prod.ops && s->prod_etable && !(s->etab.n > 0 && s->etab.mass_GeV == mass_GeV))
    FB_CALL(err, fb_production_etable_build(&s->etab, &s->prod, mass_GeV, s->ops->coupling_power,
                                            fmin(T_lo, 0.5e-3 * s->T0_MeV), 1.01 * s->T_RH_GeV,
                                            FB_PRODUCTION_ETABLE_PER_EFOLD, err));
  /* no table below T0 for this mass (T_lo >= T0): an old one of another mass must not answer. CVODE steps past
   * its output temperature T0 and interpolates back, so the solve to T0 can ask for rates below 0.5 T0; a stale
   * ptab_lo made the result depend on the points a rank computed before (found by scan_mpi_bitwise_models,
   * bc1_bbn at 10 GeV, session 8): empty, it answers 0 there, as no production is tabulated */
  if (!(T_lo < T0) && s->ptab_lo.mass_GeV != mass_GeV) {
    s->ptab_lo.n = 0;
    s->ptab_lo.mass_GeV = NAN;
  }
  double r, r10, E0_GeV = NAN;
  FB_CALL(err, bfip_abundance_to(s, mass_GeV, coupling, rec.width_GeV, s->T_RH_GeV, T0, &r, NULL, out, &E0_GeV, err));
  FB_CALL(err, bfip_abundance_to(s, mass_GeV, coupling, rec.width_GeV, 0.1 * s->T_RH_GeV, T0, &r10, NULL, NULL, NULL, err));
  /* issue 14 item 1: X's momentum at T0 from its mean energy rho/n (energy Boltzmann equation), or the
   * kinetic-equilibrium estimate (momentum = kinetic, the HNLs) */
  const double p0_MeV = (s->hnl < 0 && !s->momentum_kinetic)
                            ? 1e3 * sqrt(fmax(E0_GeV * E0_GeV - mass_GeV * mass_GeV, 0.0))
                            : bbn_kinetic_momentum_MeV(mass_GeV * 1e3, s->T0_MeV);
  out[Q_P0] = p0_MeV;
  const double ng0 = 2.0 * FB_ZETA3 / (FB_PI * FB_PI) * pow(T0, 3);
  const double Y = fmax(r, 0.0) * ng0 / (2.0 * FB_PI * FB_PI / 45.0 * fb_thermo_gstar_s(&s->th, T0) * pow(T0, 3));
  /* The abundance solvers integrate Y with atol = 1e-30 (bbn_abundance.c): once X has decayed, Y can undershoot
   * zero by that much (review, session 10: mY = -2.4e-32 GeV at bc9 1 GeV). A number density is non-negative,
   * and a relative T_RH change of two such residues is noise: below 1e3 atol in Y it is reported as 0. */
  const double Y_floor = 1e3 * 1e-30;
  if (r < 0.0) r = 0.0;
  if (r10 < 0.0) r10 = 0.0;
  out[Q_NG] = r;
  out[Q_TRH] = Y > Y_floor ? (r10 - r) / r : 0.0;
  /* Production below T0 (freeze-in by inverse decays peaks at T ~ m/3, below T0 = 10 MeV for m < 30 MeV;
   * the bc1 resonance and 2 -> 2 scatterings too) is not in the BBN stage, which starts at T0 with
   * n_X = N exp(-t/tau). Bug fix (2026-12-07, branch bc1compare): the abundance was handed over at T0,
   * which missed up to 80 % of the freeze-in abundance of a 5 MeV A' (measured: mY 1.7e-6 -> 8.6e-6 GeV at
   * eps = 1e-10; the closed form of arXiv:1407.0993 sec. 2 gives 8.3e-6 GeV). Now the Boltzmann equation
   * (production, decays, inverse decays) is integrated on down to the hand-over temperature
   * T_h = max(T_lo, T(t = 0.1 tau)) with T_lo = max(m/50, 1 keV), and BBN gets the "before decay" value
   * m Y(T_h) exp(t_h/tau) (the convention of bbn_decay's mY_GeV): the decays before t_h are <= 10 %, so the
   * early presence of X between T0 and T_h, which the BBN stage assumes, changes the injected energy by
   * <= 10 %, and the abundance itself is exact at T_h. t(T) = 1/(2 H(T)) (radiation era, fb_cosmo; only the
   * criterion and the <= 10 % factor exp(t_h/tau) use it). Where t(T0) > 0.1 tau (X decays or is kept in
   * equilibrium by inverse decays before T0) the hand-over stays at T0, as before. The flag marks the points
   * where production below T_h would still add more than 10 %. HNLs (bc6-bc8): their own abundance
   * solver, hand-over at T0 as before. */
  double T_h = T0, mY_before = 0.0;
  if (s->hnl < 0 && T_lo < T0 && d.tau_s >= 1e-3) {
    const double t_of = FB_HBAR_GEV_S / (2.0 * fb_cosmo_hubble_GeV(&s->th, T_lo));
    if (t_of <= 0.1 * d.tau_s) {
      T_h = T_lo;
    } else if (FB_HBAR_GEV_S / (2.0 * fb_cosmo_hubble_GeV(&s->th, T0)) < 0.1 * d.tau_s) {
      double a = log(T_lo), b = log(T0); /* t(T) decreasing in T: bisection for t(T_h) = 0.1 tau */
      for (int it = 0; it < 60; ++it) {
        const double c = 0.5 * (a + b);
        if (FB_HBAR_GEV_S / (2.0 * fb_cosmo_hubble_GeV(&s->th, exp(c))) > 0.1 * d.tau_s)
          a = c;
        else
          b = c;
      }
      T_h = exp(b);
    }
    if (T_h < T0) {
      double r_h, Y_h;
      FB_CALL(err, bfip_abundance_to(s, mass_GeV, coupling, rec.width_GeV, s->T_RH_GeV, T_h, &r_h, &Y_h, NULL, NULL, err));
      const double t_h = FB_HBAR_GEV_S / (2.0 * fb_cosmo_hubble_GeV(&s->th, T_h));
      mY_before = mass_GeV * fmax(Y_h, 0.0) * exp(t_h / d.tau_s); /* undershoot of atol: see Y_floor above */
    }
  }
  double Y_after = 0.0; /* production below T_h (down to T_lo), without losses: the flag */
  if (T_lo < T_h) {
    fb_production_point pp = {&s->prod, mass_GeV, coupling};
    fb_production_table_point tp = {&s->ptab_lo, coupling};
    fb_production_etable_point etp = {&s->etab, coupling};
    bbn_abundance_opts o = {0, NULL, NULL};
    if (s->hnl < 0 && s->prod.ops && s->prod_table) {
      o.scattering_rate = fb_production_table_callback;
      o.user = &tp;
    } else if (s->hnl < 0 && s->prod.ops && s->prod_etable) {
      o.scattering_rate = fb_production_etable_callback;
      o.user = &etp;
    } else if (s->hnl < 0 && s->prod.ops) {
      o.scattering_rate = fb_production_callback;
      o.user = &pp;
    }
    /* flag criterion (2026-12-07, branch bc9mom): only what the BBN stage still misses. Its inverse decays of the e.m.
     * channels (width f_em Gamma) act below T_h for the non-HNL planes (bbn_decay.g_inverse, below): what is left
     * is the benchmark's scatterings and the inverse decays of the other channels, width (1 - f_em) Gamma (e.g.
     * X -> mu+ mu-, hadrons); the HNLs (no inverse decays in the stage): the whole width, as before */
    const double w_missing = s->hnl < 0 ? fmax(1.0 - d.f_em, 0.0) * rec.width_GeV : rec.width_GeV;
    Y_after = bbn_thermal_production(&s->th, mass_GeV, s->g_X, w_missing, &o, T_h, T_lo);
    /* ... unless the stage's own inverse decays hold X in equilibrium there: their production alone (without losses)
     * exceeds Y_eq(T_h), the largest equilibrium abundance below T_h (n_eq/s falls as T falls); more production
     * cannot raise X above equilibrium (detailed balance), it only equilibrates it sooner */
    if (s->hnl < 0 && d.f_em > 0.0 && Y_after > 0.0) {
      double Yeq_h, k_h;
      bbn_thermal_abundance_rates(&s->th, mass_GeV, s->g_X, rec.width_GeV, NULL, T_h, &Yeq_h, &k_h);
      const double Y_stage = bbn_thermal_production(&s->th, mass_GeV, s->g_X, d.f_em * rec.width_GeV, NULL, T_h, T_lo);
      if (Y_stage > Yeq_h) Y_after = 0.0;
    }
  }
  out[Q_FINV] = Y_after > 0.1 * (mY_before > 0.0 ? mY_before / mass_GeV : Y);
  out[Q_THO] = mY_before > 0.0 ? 1e3 * T_h : s->T0_MeV;
  /* Inverse decays in the BBN stage (issue 14, BC9 N_eff band; bbn_background.c): where X is handed over at T0,
   * its production below T0 by inverse decays is not in mY and was missing from the stage, which let X decay
   * freely: for m ~ MeV and tau ~ 1e-3 - 10 s the ALP is in fact re-created from the photons and held near
   * equilibrium (Gamma/H > 1 at T ~ m) until it is non-relativistic, and gives its entropy to the photons after
   * neutrino decoupling, as a thermal particle does (measured: BC9 at 3 MeV, g = 1e-6, N_eff 3.04 without, 2.6
   * with them; the thermal real scalar at 3 MeV, bbn_thermal_dm.c: 2.60). With a later hand-over (T_h < T0) the
   * production down to T_h is in mY already: the stage's inverse decays act below T_h only (no double counting).
   * tau < 1e-3 s (hand-over at T0): for m < 0.1 GeV (= 10 T0: not Boltzmann-suppressed at neutrino decoupling) X is held in
   * equilibrium by its inverse decays (Gamma/H(T0) > 10 at tau = 1e-3 s), the tight-coupling limit, in which the
   * result no longer depends on tau: solved at tau = 1e-3 s (the stage's lower limit; test_bbn_inverse_decays
   * checks the independence and the thermal limit). Heavier X: decayed before BBN, standard BBN as before. */
  const int inverse = s->hnl < 0;
  if (inverse) {
    d.g_inverse = s->g_X;
    d.T_inverse_MeV = mY_before > 0.0 ? 1e3 * T_h : s->T0_MeV;
  }
  const int clamped = inverse && d.tau_s < 1e-3 && mass_GeV < 0.1;
  if (clamped) d.tau_s = 1e-3;
  if (d.tau_s < 1e-3) { /* decayed before BBN into a plasma in equilibrium: standard BBN */
    out[Q_MY] = mass_GeV * Y; /* at T0 (already decayed) */
    put_sbbn(s, out);
    return FB_OK;
  }
  if (mY_before > 0.0)
    d.mY_GeV = mY_before;
  else
    d.n_over_ngamma = r;
  /* issue 14 item 1: the FIP's energy, not only its number: at T0 it moves with the momentum p0 above (from
   * its energy Boltzmann equation, or kinetic equilibrium at the plasma temperature with momentum = kinetic),
   * then free-streams; its energy density n E and time-dilated decays enter the background (bbn_background.c).
   * For m ~ T0 this moves the short-lifetime edge of the light ALPs (BC9 at 3 MeV: docs/validation.md) */
  d.p0_MeV = p0_MeV;
  bbn_params p = s->par;
  p.decay = &d;
  bbn_result res;
  FB_CALL(err, bbn_solve(&s->tab, &p, &res, err));
  s->last_d = d;
  s->last_res = res;
  s->have_last = 1;
  bbn_verdict v;
  bbn_verdict_eval(&res, &s->sbbn, &d, &v);
  /* the clamped points (tight coupling, solved at tau = 1e-3 s): the stage's "before decay" m Y = m n_X e^{t/tau} / s
   * undoes the decays of the clamped lifetime (inflated by e^{t0/1e-3 s}, t0 = t(T0) ~ 7e-3 s), which never happen
   * as such (X stays near equilibrium): the abundance at T0 handed to the stage, m Y(T0), is reported there */
  out[Q_MY] = clamped ? mass_GeV * Y : res.mY_GeV;
  out[Q_YP] = res.Yp_mass;
  out[Q_DH] = res.D_H;
  out[Q_HE3] = res.He3_H;
  out[Q_LI7] = res.Li7_H;
  out[Q_NEFF] = res.Neff;
  out[Q_NREC] = res.Neff_rec;
  out[Q_ETAR] = res.eta_bbn_over_eta_cmb;
  out[Q_DCHI2] = v.delta_chi2;
  out[Q_FPH] = v.flag_photodisintegration;
  out[Q_FHA] = v.flag_hadrodissociation;
  return FB_OK;
}

void bbn_fip_state_point(const void *state, bbn_fip_point *out) {
  const bfip_state *s = state;
  memset(out, 0, sizeof *out);
  out->ok = 1;
  out->par = s->par;
  out->par.decay = NULL;
  out->sbbn = s->sbbn;
  out->solved = s->have_last;
  if (s->have_last) {
    out->d = s->last_d;
    out->res = s->last_res;
  }
}

/* The reheating dependence of the bands (issue 14 item 1: "the dependence shown"; review, session 10): the
 * abundance of freeze-in by scatterings (Primakoff, Compton-like, gluon fusion) grows with T_RH, so a band
 * is only defined together with T_RH. Written to /bounds/bbn and /bounds/neff: T_RH_GeV, and how many of
 * the excluded points change their abundance by more than 10 % when T_RH is lowered tenfold (quantity
 * abundance_TRH_change): 0 means the band does not depend on T_RH (at this grid). */
static int bfip_write_trh(const bfip_state *s, const fb_scan_view *v, hid_t file, fb_err *err) {
  const size_t np = v->n_mass * v->n_coupling;
  const double *dchi2 = v->values + Q_DCHI2 * np, *nrec = v->values + Q_NREC * np, *trh = v->values + Q_TRH * np;
  long n_ex[2] = {0, 0}, n_sens[2] = {0, 0};
  for (size_t p = 0; p < np; ++p) {
    if (v->status[p] != 0) continue;
    const int ex[2] = {dchi2[p] > FB_CHI2_2DOF_95, fabs(nrec[p] - FB_NEFF_PLANCK18) > FB_NEFF_PLANCK18_95};
    for (int k = 0; k < 2; ++k) {
      n_ex[k] += ex[k];
      n_sens[k] += ex[k] && fabs(trh[p]) > 0.1;
    }
  }
  const char *grp[2] = {"bounds/bbn", "bounds/neff"};
  for (int k = 0; k < 2; ++k) {
    hid_t g = fb_h5_group(file, grp[k]);
    FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot open /%s", grp[k]);
    int rc = fb_h5_attr_double(g, "T_RH_GeV", s->T_RH_GeV, err);
    if (rc == FB_OK) rc = fb_h5_attr_long(g, "n_excluded", n_ex[k], err);
    if (rc == FB_OK) rc = fb_h5_attr_long(g, "n_excluded_TRH_sensitive", n_sens[k], err);
    if (rc == FB_OK)
      rc = fb_h5_attr_string(g, "TRH_dependence",
                             "the abundance is produced from T_RH_GeV on; n_excluded_TRH_sensitive of the n_excluded "
                             "points change their abundance by more than 10 % when T_RH is lowered tenfold (quantity "
                             "abundance_TRH_change): there the band depends on T_RH",
                             err);
    H5Gclose(g);
    if (rc != FB_OK) return rc;
  }
  return FB_OK;
}

static int bfip_postprocess(void *state, const fb_config *cfg, const fb_scan_view *v, hid_t file, fb_err *err) {
  (void)cfg;
  bfip_state *s = state;
  char prod_text[1024] = "";
  if (s->prod.ops)
    snprintf(prod_text, sizeof prod_text,
             "abundance: decays, inverse decays and production by scatterings (src/production, %s: %s; %s); "
             "T0 = 10 MeV", s->prod.ops->fip, s->prod.ops->processes, s->prod.ops->references);
  FB_CALL(err, bbn_write_bounds(file, v, v->values + Q_DCHI2 * v->n_mass * v->n_coupling,
                          v->values + Q_NREC * v->n_mass * v->n_coupling, &s->sbbn,
                          s->hnl >= 0 ? "abundance: thermal production through active-sterile mixing "
                                        "(C_alpha G_F^2 T^4 <p> |U_eff|^2, thermal potential), decoupling, decays "
                                        "and inverse decays (bbn_hnl.c); T0 = 10 MeV"
                          : s->primakoff ? "abundance: decays, inverse decays and Primakoff scattering gamma q -> a q on "
                                           "the charged plasma (src/production/fb_prod_bc9.c, static screened targets); T0 = 10 MeV"
                          : s->prod.ops ? prod_text
                                      : "abundance: decays and inverse decays only (scatterings not included: a "
                                        "lower limit, the excluded region is conservative); T0 = 10 MeV",
                          err));
  return bfip_write_trh(s, v, file, err);
}

/* BENCH: the benchmark token (BC1 ...): its axes are those of src/models/fb_benchmark_axes.h */
#define BFIP_OPS(NAME, BENCH, INIT, KEYS, DESC, NQ, NK)                                                      \
  {.name = NAME, .benchmark = #BENCH, .description = DESC, FB_MODEL_AXES(BENCH), .n_quantities = NQ,        \
   .quantities = bfip_quantities, .n_keys = NK, .keys = KEYS,                                                 \
   .init = INIT, .eval = bfip_eval, .free = bfip_free, .postprocess = bfip_postprocess}

const fb_model_ops fb_model_bc1_bbn = BFIP_OPS(
    "bc1_bbn", BC1, bc1_bbn_init, bc1_bbn_keys,
    "BBN and N_eff bands of the BC1 dark photon (abundance from decays, inverse decays, resonant conversion and "
    "2 -> 2 scatterings)",
    Q_N, sizeof bc1_bbn_keys / sizeof bc1_bbn_keys[0]);
const fb_model_ops fb_model_bc9_bbn = BFIP_OPS(
    "bc9_bbn", BC9, bc9_bbn_init, bc9_bbn_keys,
    "BBN and N_eff bands of the BC9 ALP (abundance from decays, inverse decays and Primakoff scattering)",
    Q_N, sizeof bc9_bbn_keys / sizeof bc9_bbn_keys[0]);
const fb_model_ops fb_model_bc10_bbn = BFIP_OPS(
    "bc10_bbn", BC10, bc10_bbn_init, bc10_bbn_keys,
    "BBN and N_eff bands of the BC10 ALP with fermion couplings (abundance from decays, inverse decays and "
    "scatterings: src/production/fb_prod_bc10.c)",
    Q_N, sizeof bc10_bbn_keys / sizeof bc10_bbn_keys[0]);
const fb_model_ops fb_model_bc11_bbn = BFIP_OPS(
    "bc11_bbn", BC11, bc11_bbn_init, bc11_bbn_keys,
    "BBN and N_eff bands of the BC11 ALP coupled to gluons (abundance from decays, inverse decays and "
    "scatterings: src/production/fb_prod_bc11.c)",
    Q_N, sizeof bc11_bbn_keys / sizeof bc11_bbn_keys[0]);
const fb_model_ops fb_model_bc4_bbn = BFIP_OPS(
    "bc4_bbn", BC4, bc4_bbn_init, bc4_bbn_keys,
    "BBN and N_eff bands of the BC4 Higgs-mixed scalar (abundance from decays, inverse decays and Higgs-like "
    "scatterings, src/production/fb_prod_bc4.c)",
    Q_N, sizeof bc4_bbn_keys / sizeof bc4_bbn_keys[0]);
const fb_model_ops fb_model_bc5_bbn = BFIP_OPS(
    "bc5_bbn", BC5, bc5_bbn_init, bc5_bbn_keys,
    "BBN and N_eff bands of the BC5 scalar (BC4 with BR(h -> S S) = 1e-2: abundance also from h -> S S)",
    Q_N, sizeof bc5_bbn_keys / sizeof bc5_bbn_keys[0]);
#define BHNL_OPS(NAME, BENCH, INIT, KEYS, FLAV)                                                               \
  BFIP_OPS(NAME, BENCH, INIT, KEYS,                                                                           \
           "BBN and N_eff bands of the " #BENCH " heavy neutral lepton (mixing with nu_" FLAV "; abundance from " \
           "thermal production through mixing, decoupling, decays and inverse decays)",                         \
           Q_N_HNL,                                                                                             \
           sizeof bc6_bbn_keys / sizeof bc6_bbn_keys[0])
const fb_model_ops fb_model_bc6_bbn = BHNL_OPS("bc6_bbn", BC6, bc6_bbn_init, bc6_bbn_keys, "e");
const fb_model_ops fb_model_bc7_bbn = BHNL_OPS("bc7_bbn", BC7, bc7_bbn_init, bc7_bbn_keys, "mu");
const fb_model_ops fb_model_bc8_bbn = BHNL_OPS("bc8_bbn", BC8, bc8_bbn_init, bc8_bbn_keys, "tau");
