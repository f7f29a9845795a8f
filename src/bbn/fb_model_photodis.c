/**
 * @file fb_model_photodis.c
 * @brief Scan models `photodis_decay`, `bc1_photodis`, `bc9_photodis`, `bc6_photodis` - `bc8_photodis`:
 *        photodisintegration of the
 *        light nuclei after BBN by the electromagnetic cascade of a late decay (bbn_photodis.h,
 *        issue 15), as planes with /bounds/photodisintegration.
 *
 * photodis_decay_tau (the standard BBN-photodisintegration figure; as bbn_decay is to bbn_decay_mass):
 *   first axis the lifetime tau_X [s], second m Y_X [GeV] (before decays), at the fixed mass and channels
 *   of [photodis_decay_tau] (mass_GeV and the br_* keys of photodis_decay). The mass is the same at every
 *   point, so one bbn_photodis_table serves the whole plane (per rank). /bounds/photodisintegration adds
 *   mY_min_GeV [n_tau]: the lowest excluded m Y_X per lifetime, refined between grid points by bisection.
 * photodis_decay (the ACROPOLIS-style generic particle): first axis the mass m_X [GeV], second the
 *   lifetime tau_X [s]; the abundance is fixed by [photodis_decay] abundance = mY (m Y_X = m n_X/s
 *   before decays, key mY_GeV) or n_over_ngamma (n_X/n_gamma at T0_MeV, ACROPOLIS's input, the same
 *   conversion as `eval late-decay`), the channels by br_photon (X -> gamma gamma), br_ee
 *   (X -> e+ e-, with its final-state radiation) and the optional br_pi0pi0, br_mumu, br_pipi (X -> a a,
 *   each a at m/2, decayed in flight into photons and e+-: bbn_em_injection.h; all zero keeps the pure
 *   ACROPOLIS lines and their code path).
 * bc1_photodis, bc9_photodis, bc6_photodis - bc8_photodis, bc11_photodis, bc4_photodis: the BC1
 *   (m_A', epsilon), BC9 (m_a, g_agamma), HNL (m_N, |U_alpha|^2), BC11 (m_a, 1/f_G) and BC4 (m_S,
 *   sin^2 theta) planes; lifetime and channels from the particle model's decay record (src/models via
 *   fb_fip): every channel's photons, e+- and the electromagnetic products of its pi0, mu, pi+- and K
 *   decays in flight are injected (bbn_em_injection.h; br_photon, br_ee: BR of the gamma gamma and
 *   e+ e- lines); tau+-, nucleons and other hadrons are not cascaded (br_not_cascaded, f_not_cascaded:
 *   their energy injects nothing, so the excluded region is a lower estimate where they matter). The
 *   abundance n_X/s at T0 = m/25 (within [0.1, 10] MeV) from decays and inverse decays from T_RH
 *   (bbn_thermal_abundance, the machinery of the bcN_bbn planes), plus the benchmark's production by
 *   scatterings where src/production registers one ([photodis_fip] production, default on: bc1
 *   resonant conversion and 2 -> 2 scatterings, bc4 Higgs-like scatterings, bc9 Primakoff (also
 *   switched by alp_primakoff), bc11 gluon/pion/Primakoff); for the HNLs thermal production through
 *   active-sterile mixing with the thermal potential (bbn_hnl_abundance, as bc6_bbn - bc8_bbn).
 *   The cascade stage decays it from T0 on: it is passed as Y(T0) exp(+t(T0)/tau), the "before decay"
 *   value of the generic interface (each decay counted once; quantity nX_over_s is Y(T0)).
 *
 * Every point starts from this project's standard BBN (its final abundances and eta) at
 * T_start = 10 keV: for tau <= 1e5 s the change of BBN itself by the decay is not in this model
 * (it is the bbn_decay / bc1_bbn / bc9_bbn scans'; `eval late-decay` includes it). Points with
 * tau < 1e2 s are not photodisintegrating (the cascade cannot reach 2.2 MeV before t ~ 5e4 s:
 * E_C = m_e^2/(22 T); Kawasaki & Moroi astro-ph/9412055) and points with tau > 1e13 s decay
 * after recombination (cascade on neutral gas not modelled): both keep the standard abundances,
 * are marked by quantity tau_range = -1 / +1 and are never excluded.
 *
 * Speed: the cascade spectrum depends on (T, E0 = m/2) and the channel mix only and is linear in
 * the injected number, so one bbn_photodis_table per mass serves every lifetime and abundance
 * (kept for the last mass seen; points arrive mass by mass). Results do not depend on the order of
 * the points or the number of ranks (the table's nodes are fixed).
 * Criterion: the BBN one (delta chi^2 of Yp and D/H > 5.99, bbn_verdict_eval) or, with key he3_d (default true,
 * session 11), 3He/D > FB_HE3_D_MAX (bbn_photodis_excluded). Quantity Neff_rec: N_eff at recombination of the same
 * decay from bbn_decay_neff (the computation of `eval bbn-decay` and the _bbn planes), not in the mask.
 * Every plane's /bounds/photodisintegration also holds `edges` (fb_h5_mask_edges: lowest and highest excluded
 * second-axis grid value per first-axis value); the generic planes (photodis_decay, photodis_decay_tau)
 * add the single-observable layers of the standard figure: excluded_Yp, excluded_D_H (each observable's
 * 95% test relative to standard BBN, bbn_verdict_eval), excluded_He3_H (3He/H above the PDG upper limit)
 * and Li7_H_obs_band (7Li/H inside the observed 95% range: not a bound, the region where the decay would
 * remove the lithium problem); constants in fb_constants.h.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bbn.h"
#include "bbn_decay_record.h"
#include "fb_production.h"
#include "bbn_em_injection.h"
#include "bbn_photodis.h"
#include "fb_constants.h"
#include "fb_fip.h"
#include "fb_h5.h"
#include "fb_model.h"
#include "fb_thermo.h"

enum { PD_GENERIC = 0, PD_FIP = 1 };

typedef struct pd_state {
  int kind;
  bbn_tables tab;
  bbn_cascade_ws ws;
  bbn_result sbbn;
  bbn_photodis_params par;      /**< defaults with eta of sbbn */
  bbn_photodis_table cache;     /**< table of the last mass (cache_ok) */
  int cache_ok;
  int he3_d;                    /**< 1: 3He/D > FB_HE3_D_MAX also excludes (key he3_d) */
  /* generic */
  int use_n_over_ngamma;
  int tau_plane;                /* photodis_decay_tau: axes (tau_s, mY_GeV) at mass_GeV */
  double mass_GeV;              /* photodis_decay_tau: the fixed mass */
  double mY_GeV, n_over_ngamma, T0_MeV, br_photon, br_ee, nX_over_s_ng; /* nX_over_s_ng: from n_over_ngamma */
  double br_aa[3];              /* photodis_decay: BR(X -> pi0 pi0, mu+ mu-, pi+ pi-) */
  /* benchmark */
  const fb_fip_ops *ops;
  void *fip;
  fb_config fip_cfg;
  fb_thermo th;
  double g_X, T_RH_GeV;
  int primakoff; /* production by scatterings on (src/production: bc1, bc4, bc9, bc11) */
  int hnl;       /* -1, or the HNL's flavour (bc6 - bc8: abundance from bbn_hnl_abundance) */
  fb_production prod; /* production by scatterings (src/production), used when prod.ops != NULL */
  fb_production_table ptab; /* per-mass table of the rate where the production gives bin averages (bc1) */
  fb_production_etable etab; /* per-mass cubic table of a production that scales with the coupling (bc4, bc9, bc10,
                                bc11; key production_table) */
  int prod_etable;
  bbn_em_injection inj; /* the injected spectrum of the current point (benchmarks) */
  char note[1024];
} pd_state;

/* quantities of photodis_decay */
enum { G_YP, G_DH, G_HE3, G_LI7, G_HE3D, G_DCHI2, G_RANGE, G_RHOX, G_YPN, G_CHI2, G_NREC, G_N };
static const fb_quantity_spec pd_gen_quantities[] = {
    {"Yp_mass_fraction", "", "helium-4 mass fraction after photodisintegration"},
    {"D_H", "", "deuterium to hydrogen number ratio after photodisintegration"},
    {"He3_H", "", "(3He + 3H) to hydrogen number ratio after photodisintegration"},
    {"Li7_H", "", "(7Li + 7Be) to hydrogen number ratio after photodisintegration"},
    {"He3_D", "", "(3He + 3H) / D after photodisintegration"},
    {"delta_chi2", "", "chi2(Yp, D/H) - chi2 of standard BBN (PDG 2024; bbn_verdict_eval)"},
    {"tau_range", "", "-1: tau < 1e2 s, +1: tau > 1e13 s (standard abundances, not excluded), 0: computed"},
    {"rhoX_over_rhorad_max", "", "largest rho_X / rho_radiation after 10 keV (neglected in H; trust if << 1)"},
    {"Yp", "", "4 n_He4 / n_b after photodisintegration (the Yp of `eval bbn`)"},
    {"chi2", "", "chi2(Yp, D/H) after photodisintegration (PDG 2024; bbn_verdict_eval)"},
    {"Neff_rec", "", "N_eff at recombination with the decays after neutrino decoupling (bbn_decay_neff: the background of "
                     "`eval bbn-decay` / the _bbn planes for the same decay and abundance); 0 (not computed) where tau_s is "
                     "outside [1e-3, 1e12] s or m Y > 1 GeV. Not in /bounds/photodisintegration"},
};

/* quantities of bc1_photodis, bc9_photodis, bc6-8_photodis: the generic ones after these */
enum { F_TAU, F_BRG, F_BRE, F_BRN, F_FEM, F_FNC, F_NS, F_MY, F_OFF, F_N = F_OFF + G_N };
static const fb_quantity_spec pd_fip_quantities[] = {
    {"tau_s", "s", "lifetime of the FIP (decay record)"},
    {"br_photon", "", "BR of the channels with two photons only (photon line at m/2)"},
    {"br_ee", "", "BR of the channels with e+ e- only (e+- line at m/2 with final-state radiation)"},
    {"br_not_cascaded", "", "BR of the channels with tau, nucleons or other hadrons (eta, omega, ...): those not cascaded"},
    {"f_em_cascaded", "", "fraction of m injected as photons and e+- (lines, pi0, mu, pi+-, K decays in flight; FSR not counted)"},
    {"f_not_cascaded", "", "fraction of m in tau, nucleons and other hadrons (not cascaded: injects nothing)"},
    {"nX_over_s", "", "n_X/s at T0 = m/25 within [0.1, 10] MeV (decays and inverse decays from T_RH; a lower limit)"},
    {"mY_GeV", "GeV", "m n_X/s"},
    {"Yp_mass_fraction", "", "helium-4 mass fraction after photodisintegration"},
    {"D_H", "", "deuterium to hydrogen number ratio after photodisintegration"},
    {"He3_H", "", "(3He + 3H) to hydrogen number ratio after photodisintegration"},
    {"Li7_H", "", "(7Li + 7Be) to hydrogen number ratio after photodisintegration"},
    {"He3_D", "", "(3He + 3H) / D after photodisintegration"},
    {"delta_chi2", "", "chi2(Yp, D/H) - chi2 of standard BBN (PDG 2024; bbn_verdict_eval)"},
    {"tau_range", "", "-1: tau < 1e2 s, +1: tau > 1e13 s (standard abundances, not excluded), 0: computed"},
    {"rhoX_over_rhorad_max", "", "largest rho_X / rho_radiation after 10 keV (neglected in H; trust if << 1)"},
    {"Yp", "", "4 n_He4 / n_b after photodisintegration (the Yp of `eval bbn`)"},
    {"chi2", "", "chi2(Yp, D/H) after photodisintegration (PDG 2024; bbn_verdict_eval)"},
    {"Neff_rec", "", "N_eff at recombination with the decays after neutrino decoupling (bbn_decay_neff: the background of "
                     "`eval bbn-decay` / the _bbn planes for the same decay and abundance); 0 (not computed) where tau_s is "
                     "outside [1e-3, 1e12] s or m Y > 1 GeV. Not in /bounds/photodisintegration"},
};

/* the channels of the generic planes (section SEC) */
#define PD_BR_KEYS(SEC)                                                                                           \
  {SEC, "br_photon", FB_KEY_DOUBLE, "1", 0.0, 1.0, NULL, "", "BR(X -> gamma gamma)"},                          \
  {SEC, "br_ee", FB_KEY_DOUBLE, "0", 0.0, 1.0, NULL, "", "BR(X -> e+ e-)"},                                    \
  {SEC, "br_pi0pi0", FB_KEY_DOUBLE, "0", 0.0, 1.0, NULL, "", "BR(X -> pi0 pi0), photons of the pi0 decays in flight"}, \
  {SEC, "br_mumu", FB_KEY_DOUBLE, "0", 0.0, 1.0, NULL, "", "BR(X -> mu+ mu-), e+- of the mu decays in flight"},  \
  {SEC, "br_pipi", FB_KEY_DOUBLE, "0", 0.0, 1.0, NULL, "", "BR(X -> pi+ pi-), e+- of the pi -> mu -> e chains"}
/* 3He/D as an extra observable (section SEC) */
#define PD_HE3D_KEY(SEC)                                                                                          \
  {SEC, "he3_d", FB_KEY_BOOL, "true", 0, 0, NULL, "",                                                            \
   "3He/D > 1.10 (Geiss & Gloeckler 2003 upper bound 0.83 + 0.27) also excludes (as arXiv:1808.09324, 1709.01211); " \
   "false: delta_chi2(Yp, D/H) only"}

static const fb_key_spec pd_gen_keys[] = {
    {"photodis_decay", "abundance", FB_KEY_CHOICE, "mY", 0, 0, "mY|n_over_ngamma", "",
     "mY: m Y_X = mY_GeV at every mass; n_over_ngamma: n_X/n_gamma = n_over_ngamma at T0_MeV (ACROPOLIS)"},
    {"photodis_decay", "mY_GeV", FB_KEY_DOUBLE, "1e-10", 0.0, 1e3, NULL, "GeV", "m n_X/s before decays"},
    {"photodis_decay", "n_over_ngamma", FB_KEY_DOUBLE, "1e-10", 0.0, 1.0, NULL, "", "n_X/n_gamma at T0_MeV"},
    {"photodis_decay", "T0_MeV", FB_KEY_DOUBLE, "10", 1.0, 30.0, NULL, "MeV", "reference temperature of n_over_ngamma"},
    PD_BR_KEYS("photodis_decay"),
    PD_HE3D_KEY("photodis_decay"),
};

static const fb_key_spec pd_tau_keys[] = {
    {"photodis_decay_tau", "mass_GeV", FB_KEY_DOUBLE, "0.01", 1e-3, 1e3, NULL, "GeV",
     "mass m_X of the decaying particle, the same at every point of the (tau_X, m Y_X) plane"},
    PD_BR_KEYS("photodis_decay_tau"),
    PD_HE3D_KEY("photodis_decay_tau"),
};

static const fb_key_spec pd_fip_keys[] = {
    {"photodis_fip", "T_RH_GeV", FB_KEY_DOUBLE, "1000", 1e-2, 1e5, NULL, "GeV",
     "start of the inverse-decay production (must exceed 1.5 T0, T0 = m_X/25 within [0.1, 10] MeV)"},
    {"photodis_fip", "alp_primakoff", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "bc9_photodis: ALPs also produced by Primakoff scattering on the charged plasma (src/production/fb_prod_bc9.c)"},
    {"photodis_fip", "production", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "every benchmark with a registered production (src/production: bc1, bc9, ...) also produced by scatterings; "
     "false: decays and inverse decays only (bc9 also needs alp_primakoff = true)"},
    {"photodis_fip", "production_table", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "a production that scales with the coupling (bc4, bc9, bc10, bc11) from a per-mass table in T (40 per e-fold, "
     "cubic in ln T; src/production/fb_production_etable.c), built once per mass for all couplings; false: evaluated "
     "at every call (m Y within 1e-4, tests/bbn/test_bbn_prod_table.c). bc1 is always tabulated (bin averages)"},
    {"photodis_fip", "he3_d", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "3He/D > 1.10 (Geiss & Gloeckler 2003 upper bound 0.83 + 0.27) also excludes (as arXiv:1808.09324, 1709.01211); "
     "false: delta_chi2(Yp, D/H) only"},
};

static void pd_free(void *state) {
  pd_state *s = state;
  if (!s) return;
  if (s->cache_ok) bbn_photodis_table_free(&s->cache);
  bbn_em_injection_free(&s->inj);
  if (s->fip && s->ops->free) s->ops->free(s->fip);
  fb_production_free(&s->prod);
  fb_production_table_free(&s->ptab);
  fb_production_etable_free(&s->etab);
  fb_config_free(&s->fip_cfg);
  if (s->kind == PD_FIP) fb_thermo_free(&s->th);
  bbn_cascade_ws_free(&s->ws);
  bbn_tables_free(&s->tab);
  free(s);
}

static int pd_init_common(pd_state *s, fb_err *err) {
  FB_CALL(err, bbn_tables_init(&s->tab, err));
  FB_CALL(err, bbn_cascade_ws_init(&s->ws, err));
  bbn_params p;
  bbn_params_default(&p);
  FB_CALL(err, bbn_solve(&s->tab, &p, &s->sbbn, err));
  bbn_photodis_params_default(&s->par);
  s->par.eta = s->sbbn.eta;
  return FB_OK;
}

/* photodis_decay (tau_plane 0, section photodis_decay) and photodis_decay_tau (1, photodis_decay_tau) */
static int pd_gen_init_plane(void **state, const fb_config *cfg, const char *sec, int tau_plane, fb_err *err) {
  pd_state *s = calloc(1, sizeof *s);
  FB_TEST(err, !s, FB_ERR_MEMORY, "cannot allocate the %s state", sec);
  *state = s;
  s->kind = PD_GENERIC;
  s->tau_plane = tau_plane;
  if (tau_plane) {
    s->mass_GeV = fb_config_get_double(cfg, sec, "mass_GeV");
  } else {
    s->use_n_over_ngamma = strcmp(fb_config_get_string(cfg, sec, "abundance"), "n_over_ngamma") == 0;
    s->mY_GeV = fb_config_get_double(cfg, sec, "mY_GeV");
    s->n_over_ngamma = fb_config_get_double(cfg, sec, "n_over_ngamma");
    s->T0_MeV = fb_config_get_double(cfg, sec, "T0_MeV");
  }
  s->br_photon = fb_config_get_double(cfg, sec, "br_photon");
  s->br_ee = fb_config_get_double(cfg, sec, "br_ee");
  static const char *aa_keys[3] = {"br_pi0pi0", "br_mumu", "br_pipi"};
  double sum = s->br_photon + s->br_ee;
  for (int k = 0; k < 3; k++) sum += (s->br_aa[k] = fb_config_get_double(cfg, sec, aa_keys[k]));
  FB_TEST(err, sum > 1.0 + 1e-9, FB_ERR_INPUT,
          "[%s] br_photon + br_ee + br_pi0pi0 + br_mumu + br_pipi = %g > 1 (allowed: <= 1, the rest invisible)", sec,
          sum);
  if (!tau_plane) FB_CALL(err, bbn_late_decay_nX_over_s(s->n_over_ngamma, s->T0_MeV, &s->nX_over_s_ng, err));
  s->he3_d = fb_config_get_bool(cfg, sec, "he3_d");
  return pd_init_common(s, err);
}

static int pd_gen_init(void **state, const fb_config *cfg, fb_err *err) {
  return pd_gen_init_plane(state, cfg, "photodis_decay", 0, err);
}

static int pd_tau_init(void **state, const fb_config *cfg, fb_err *err) {
  return pd_gen_init_plane(state, cfg, "photodis_decay_tau", 1, err);
}

static int pd_fip_init(void **state, const fb_config *cfg, const char *fip, double g_X, int hnl, fb_err *err) {
  pd_state *s = calloc(1, sizeof *s);
  FB_TEST(err, !s, FB_ERR_MEMORY, "cannot allocate the %s photodisintegration state", fip);
  *state = s;
  s->kind = PD_FIP;
  s->g_X = g_X;
  s->hnl = hnl;
  s->T_RH_GeV = fb_config_get_double(cfg, "photodis_fip", "T_RH_GeV");
  s->he3_d = fb_config_get_bool(cfg, "photodis_fip", "he3_d");
  /* production by scatterings wherever the benchmark registers one (key production); for bc9 the
   * older key alp_primakoff stays its own switch too */
  s->primakoff = fb_production_find(fip) != NULL && fb_config_get_bool(cfg, "photodis_fip", "production") &&
                 (strcmp(fip, "bc9") != 0 || fb_config_get_bool(cfg, "photodis_fip", "alp_primakoff"));
  s->ops = fb_fip_find(fip, NULL);
  FB_TEST(err, !s->ops || !s->ops->decay, FB_ERR_INTERNAL, "particle model %s not registered", fip);
  /* the particle model with the run's keys (e.g. [bc4] light_hadrons), as on every plane of the benchmark */
  FB_CALL(err, fb_fip_config_from(s->ops, cfg, &s->fip_cfg, err));
  if (s->ops->init) FB_CALL(err, s->ops->init(&s->fip, &s->fip_cfg, err));
  FB_CALL(err, fb_thermo_init(&s->th, err));
  if (s->primakoff) FB_CALL(err, fb_production_init(&s->prod, fip, cfg, err));
  s->prod_etable = s->primakoff && fb_production_tabulable(&s->prod) && fb_config_get_bool(cfg, "photodis_fip", "production_table");
  static const char inj_note[] =
      "INJECTION: photons, e+- and the e.m. products of pi0, mu, pi+-, K decays in flight (bbn_em_injection.h); "
      "tau, nucleons, other hadrons inject nothing (f_not_cascaded); BBN itself standard (tau <= 1e5 s: see the _bbn models)";
  if (hnl >= 0)
    snprintf(s->note, sizeof s->note,
             "ABUNDANCE: thermal production through active-sterile mixing (thermal potential), decays and inverse decays "
             "from T_RH = %g GeV to T0 = m/25 in [0.1, 10] MeV (bbn_hnl_abundance, g = 2). %s",
             s->T_RH_GeV, inj_note);
  else
    snprintf(s->note, sizeof s->note,
             "ABUNDANCE: decays and inverse decays%s%s%s%s%s from T_RH = %g GeV to T0 = m/25 in [0.1, 10] MeV (g = %g; "
             "bbn_thermal_abundance%s). %s",
             s->primakoff ? " and production by scatterings (src/production, " : "", s->primakoff ? fip : "",
             s->primakoff ? ": " : "", s->primakoff ? s->prod.ops->processes : "", s->primakoff ? ")" : "",
             s->T_RH_GeV, g_X, s->primakoff ? "" : "; no scatterings or in-medium production: a lower limit", inj_note);
  return pd_init_common(s, err);
}

static int bc1pd_init(void **state, const fb_config *cfg, fb_err *err) { return pd_fip_init(state, cfg, "bc1", 3.0, -1, err); }
static int bc9pd_init(void **state, const fb_config *cfg, fb_err *err) { return pd_fip_init(state, cfg, "bc9", 1.0, -1, err); }
/* a Majorana HNL has 2 helicity states (bbn_hnl.c) */
static int bc6pd_init(void **state, const fb_config *cfg, fb_err *err) { return pd_fip_init(state, cfg, "bc6", 2.0, 0, err); }
static int bc7pd_init(void **state, const fb_config *cfg, fb_err *err) { return pd_fip_init(state, cfg, "bc7", 2.0, 1, err); }
static int bc8pd_init(void **state, const fb_config *cfg, fb_err *err) { return pd_fip_init(state, cfg, "bc8", 2.0, 2, err); }
/* bc11: the gluon-coupled ALP (1 state) with its production by scatterings (src/production/fb_prod_bc11.c:
 * gluon conversion, q qbar -> g a, pi pi -> pi a, Primakoff with the induced g_agamma; key production) */
static int bc11pd_init(void **state, const fb_config *cfg, fb_err *err) { return pd_fip_init(state, cfg, "bc11", 1.0, -1, err); }
/* bc4: the real scalar (g = 1), also produced by the Higgs-like scatterings of src/production/fb_prod_bc4.c
 * (key production) */
static int bc4pd_init(void **state, const fb_config *cfg, fb_err *err) { return pd_fip_init(state, cfg, "bc4", 1.0, -1, err); }

/* The table for (mass, br_photon, br_ee) or the injection inj (!= NULL), reusing the cached one when it matches. */
static int pd_table(pd_state *s, double mass_GeV, double br_photon, double br_ee, const bbn_em_injection *inj,
                    fb_err *err) {
  s->par.mass_GeV = mass_GeV;
  s->par.br_photon = br_photon;
  s->par.br_ee = br_ee;
  s->par.inj = inj;
  if (s->cache_ok && s->cache.mass_GeV == mass_GeV && s->cache.br_photon == br_photon && s->cache.br_ee == br_ee &&
      s->cache.has_inj == (inj != NULL) && (!inj || bbn_em_injection_equal(&s->cache.inj, inj)))
    return FB_OK;
  if (s->cache_ok) bbn_photodis_table_free(&s->cache);
  s->cache_ok = 0;
  FB_CALL(err, bbn_photodis_table_init(&s->cache, &s->par, s->sbbn.Y, err));
  s->cache_ok = 1;
  return FB_OK;
}

/* The generic quantities (out[0 .. G_N-1]) at one point. */
/* N_eff at recombination of the decay d (abundance and fractions set; T_start_MeV its start, 10 MeV for mY_GeV):
 * bbn_decay_neff, the background of bbn_solve, so the number of `eval bbn-decay` and the _bbn planes for the same
 * decay (issue 15: one computation). 0 (not computed; the scans refuse NaN) where bbn_decay_check refuses the decay
 * (tau_s outside [1e-3, 1e12] s, m Y > 1 GeV). */
static int pd_neff_rec(pd_state *s, const bbn_decay *d, double T_start_MeV, double *neff, fb_err *err) {
  *neff = 0.0;
  if (!(d->tau_s >= 1e-3 && d->tau_s <= 1e12 && d->mY_GeV <= 1.0 && d->n_over_ngamma <= 1e3 && d->mass_GeV >= 1e-3 &&
        d->mass_GeV <= 1e4))
    return FB_OK;
  if (!(d->mY_GeV > 0.0 || d->n_over_ngamma > 0.0)) {
    *neff = s->sbbn.Neff_rec; /* no X: standard */
    return FB_OK;
  }
  bbn_params p;
  bbn_params_default(&p);
  p.T_start_MeV = T_start_MeV;
  p.decay = d;
  double neff_end;
  return bbn_decay_neff(&s->tab, &p, &neff_end, neff, err);
}

static int pd_point(pd_state *s, double mass_GeV, double tau_s, double nX_over_s, double br_photon, double br_ee,
                    const bbn_em_injection *inj, double *out, fb_err *err) {
  const bbn_result *r = &s->sbbn;
  bbn_result after = s->sbbn;
  double range = 0.0, rhoX = 0.0;
  if (tau_s < 1e2 || tau_s > 1e13) {
    range = tau_s < 1e2 ? -1.0 : 1.0;
  } else {
    FB_CALL(err, pd_table(s, mass_GeV, br_photon, br_ee, inj, err));
    s->par.tau_s = tau_s;
    s->par.nX_over_s = nX_over_s;
    bbn_photodis_result pd;
    FB_CALL(err, bbn_photodis_evolve_table(&s->ws, &s->cache, &s->par, r->Y, &pd, err));
    bbn_photodis_apply(r, &pd, &after);
    rhoX = pd.rhoX_over_rhorad_max;
  }
  bbn_verdict v;
  bbn_verdict_eval(&after, &s->sbbn, NULL, &v);
  out[G_YP] = after.Yp_mass;
  out[G_DH] = after.D_H;
  out[G_HE3] = after.He3_H;
  out[G_LI7] = after.Li7_H;
  out[G_HE3D] = after.D_H > 0 ? after.He3_H / after.D_H : INFINITY;
  out[G_DCHI2] = range == 0.0 ? v.delta_chi2 : 0.0;
  out[G_RANGE] = range;
  out[G_RHOX] = rhoX;
  out[G_YPN] = after.Yp;
  out[G_CHI2] = v.chi2;
  return FB_OK;
}

/* One point of a generic plane: X of mass_GeV, lifetime tau_s, n_X/s = nX before decays, the channels of s.
 * With d (the same decay for N_eff: abundance as n_X/n_gamma at T_start_MeV or as m Y; mass and lifetime set) also
 * Neff_rec (pd_neff_rec; the channels' photons and e+- heat the plasma, their neutrinos and the rest of m count as
 * free-streaming radiation, f_inv); without (the outline's bisection) Neff_rec = 0. */
static int pd_gen_point(pd_state *s, double mass_GeV, double tau_s, double nX, bbn_decay *d, double T_start_MeV,
                        double *out, fb_err *err) {
  out[G_NREC] = 0.0;
  if (s->br_aa[0] == 0.0 && s->br_aa[1] == 0.0 && s->br_aa[2] == 0.0) {
    if (d) {
      d->f_em = fmin(1.0, s->br_photon + s->br_ee); /* the BR check allows a sum up to 1 + 1e-9 */
      d->f_inv = 1.0 - d->f_em;
      FB_CALL(err, pd_neff_rec(s, d, T_start_MeV, &out[G_NREC], err));
    }
    return pd_point(s, mass_GeV, tau_s, nX, s->br_photon, s->br_ee, NULL, out, err);
  }
  /* X -> a a: each a at m/2 (the products' spectra: bbn_em_injection.h) */
  static const int cls[3] = {FB_DC_PI0, FB_DC_MUON, FB_DC_PI_CHARGED};
  static const double ma_GeV[3] = {FB_MPI0_GEV, FB_MMU_GEV, FB_MPI_CHARGED_GEV};
  static const char *nm[3] = {"br_pi0pi0", "br_mumu", "br_pipi"};
  bbn_em_injection_free(&s->inj);
  FB_CALL(err, bbn_em_injection_lines(&s->inj, mass_GeV * 1e3, s->br_photon, s->br_ee, 1, err));
  for (int k = 0; k < 3; k++) {
    if (s->br_aa[k] == 0.0) continue;
    FB_TEST(err, !(mass_GeV > 2.0 * ma_GeV[k]), FB_ERR_RANGE, "[photodis_decay] %s = %g needs m_X > %g GeV (m_X = %g GeV)",
            nm[k], s->br_aa[k], 2.0 * ma_GeV[k], mass_GeV);
    FB_CALL(err, bbn_em_injection_add_particle(&s->inj, cls[k], 0.5 * mass_GeV * 1e3, 2.0 * s->br_aa[k], err));
  }
  if (d) {
    d->f_em = fmin(1.0, s->inj.f_gamma + s->inj.f_e);
    d->f_inv = 1.0 - d->f_em;
    FB_CALL(err, pd_neff_rec(s, d, T_start_MeV, &out[G_NREC], err));
  }
  return pd_point(s, mass_GeV, tau_s, nX, 0.0, 0.0, &s->inj, out, err);
}

/* (x, y) = (mass_GeV, tau_s) for photodis_decay, (tau_s, mY_GeV) for photodis_decay_tau */
static int pd_gen_eval(void *state, double x, double y, double *out, fb_err *err) {
  pd_state *s = state;
  const double mass_GeV = s->tau_plane ? s->mass_GeV : x, tau_s = s->tau_plane ? x : y;
  FB_TEST(err, !(mass_GeV > 0 && mass_GeV <= 1e3), FB_ERR_RANGE, "m_X = %g GeV outside (0, 1000]", mass_GeV);
  FB_TEST(err, !(tau_s > 0), FB_ERR_RANGE, "tau_s = %g must be > 0", tau_s);
  FB_TEST(err, s->tau_plane && !(y >= 0), FB_ERR_RANGE, "mY_GeV = %g must be >= 0", y);
  const double nX = s->tau_plane ? y / mass_GeV : s->use_n_over_ngamma ? s->nX_over_s_ng : s->mY_GeV / mass_GeV;
  /* the decay for N_eff (as `eval bbn-decay`: n_X/n_gamma at T_start = T0, or m Y before decay) */
  bbn_decay d;
  memset(&d, 0, sizeof d);
  d.mass_GeV = mass_GeV;
  d.tau_s = tau_s;
  if (s->tau_plane)
    d.mY_GeV = y;
  else if (s->use_n_over_ngamma)
    d.n_over_ngamma = s->n_over_ngamma;
  else
    d.mY_GeV = s->mY_GeV;
  return pd_gen_point(s, mass_GeV, tau_s, nX, &d, !s->tau_plane && s->use_n_over_ngamma ? s->T0_MeV : 10.0, out, err);
}

static int pd_fip_eval(void *state, double mass_GeV, double coupling, double *out, fb_err *err) {
  pd_state *s = state;
  FB_CALL(err, fb_fip_check_point(s->ops, mass_GeV, coupling, err));
  /* n_X/s is taken at T0 = m/25 (inverse decays complete: their source ~ exp(-25)), within
   * [0.1, 10] MeV (t(0.1 MeV) ~ 130 s, before any photodisintegration: tau >= 1e2 s here). T_RH
   * below 20 m (e.g. the T_R = 10 MeV scenario of Depta et al. arXiv:2002.08370) is allowed: the
   * freeze-in then starts Boltzmann-suppressed at T_RH; it must exceed T0. */
  const double T0_GeV = fmin(1e-2, fmax(1e-4, mass_GeV / 25.0));
  FB_TEST(err, !(s->T_RH_GeV > 1.5 * T0_GeV), FB_ERR_RANGE,
          "T_RH_GeV = %g must exceed 1.5 T0 = %g GeV (T0 = m/25 within [1e-4, 1e-2] GeV)", s->T_RH_GeV, 1.5 * T0_GeV);
  fb_decay d;
  FB_CALL(err, s->ops->decay(s->fip, mass_GeV, coupling, &d, err));
  FB_TEST(err, !(d.width_GeV > 0), FB_ERR_RANGE, "model %s has no decay at mass %g GeV", s->ops->name, mass_GeV);
  bbn_em_injection_free(&s->inj);
  FB_CALL(err, bbn_em_injection_from_record(&d, 1, &s->inj, err));
  double Y = 0.0, ng = 0.0;
  if (s->hnl >= 0) {
    bbn_hnl_state h;
    FB_CALL(err, bbn_hnl_abundance(&s->th, s->hnl, 1, mass_GeV, coupling, d.width_GeV, s->T_RH_GeV, T0_GeV, &h, err));
    Y = h.Y_T0;
  } else {
    fb_production_point pt = {&s->prod, mass_GeV, coupling};
    fb_production_table_point tpt = {&s->ptab, coupling};
    fb_production_etable_point ept = {&s->etab, coupling};
    const int tab = s->prod.ops && s->prod.ops->rate_bin_GeV; /* tabulated once per mass (bc1: ~70 us per rate) */
    if (tab && !(s->ptab.n > 0 && s->ptab.mass_GeV == mass_GeV))
      FB_CALL(err, fb_production_table_build(&s->ptab, &s->prod, mass_GeV, s->ops->coupling_power, 0.5 * T0_GeV,
                                             1.01 * s->T_RH_GeV, FB_PRODUCTION_TABLE_PER_EFOLD, err));
    /* the others that scale with the coupling: cubic in ln T, also once per mass (bc4 ~20 us per rate); the table
     * depends on T_RH and T0 = m/25 only through its range, both fixed per mass */
    if (s->prod_etable && !(s->etab.n > 0 && s->etab.mass_GeV == mass_GeV))
      FB_CALL(err, fb_production_etable_build(&s->etab, &s->prod, mass_GeV, s->ops->coupling_power, 0.5 * T0_GeV,
                                              1.01 * s->T_RH_GeV, FB_PRODUCTION_ETABLE_PER_EFOLD, err));
    const bbn_abundance_opts o = {0,
                                  tab ? fb_production_table_callback
                                      : (s->prod_etable ? fb_production_etable_callback : fb_production_callback),
                                  tab ? (void *)&tpt : (s->prod_etable ? (void *)&ept : (void *)&pt)};
    FB_CALL(err, bbn_thermal_abundance(&s->th, mass_GeV, s->g_X, d.width_GeV, s->prod.ops ? &o : NULL, s->T_RH_GeV,
                                       T0_GeV, &Y, &ng, err));
  }
  out[F_TAU] = d.tau_s;
  out[F_BRG] = s->inj.br_line_photon;
  out[F_BRE] = s->inj.br_line_ee;
  out[F_BRN] = s->inj.br_not_cascaded;
  out[F_FEM] = s->inj.f_gamma + s->inj.f_e;
  out[F_FNC] = s->inj.f_not_cascaded;
  Y = fmax(Y, 0.0); /* the ODE returns |Y| < 1e-30 noise where production is nil */
  out[F_NS] = Y;
  out[F_MY] = mass_GeV * Y;
  /* Each decay counted once (review, issue 15): Y(T0) already lost the decays before T0 (the decay
   * term Gamma <m/E> of its Boltzmann equation), while bbn_photodis_evolve takes n_X/s BEFORE any
   * decay (the generic / ACROPOLIS convention, nX ~ exp(-t/tau) from t = 0). Pass the would-be value
   * Y(T0) exp(+t(T0)/tau) on the evolution's own clock, so that n_X(t) = Y(T0) exp(-(t - t(T0))/tau). */
  const double Y_before = Y * bbn_photodis_before_decay_factor(T0_GeV * 1e3, d.tau_s, s->par.eta);
  /* N_eff: the decay of the record as `eval bbn-decay model=bcN mY_GeV=<m Y_before>` takes it (bbn_decay_from_record,
   * m Y before decay from T_start = 10 MeV; the before-decay factor on this model's clock, which differs from the BBN
   * background's by < 1 % where t(T0)/tau matters) */
  bbn_decay bd;
  memset(&bd, 0, sizeof bd);
  FB_CALL(err, bbn_decay_from_record(&d, &bd, NULL, err));
  bd.mY_GeV = mass_GeV * Y_before;
  FB_CALL(err, pd_neff_rec(s, &bd, 10.0, &out[F_OFF + G_NREC], err));
  return pd_point(s, mass_GeV, d.tau_s, Y_before, 0.0, 0.0, &s->inj, out + F_OFF, err);
}

/* the abundance and injection assumptions of a benchmark plane (the note of /bounds/photodisintegration) */
static const char *pd_fip_assumption(const void *state) { return ((const pd_state *)state)->note; }

/* /bounds/photodisintegration: excluded where delta_chi2 > 5.99 (or 3He/D > 1.10 with he3_d) on computed points. */
#define PD_CRITERION                                                                                           \
  "delta_chi2 = chi2(Yp_mass, D/H) - chi2_SBBN > 5.99 (2 dof, 95% CL) after photodisintegration by the "        \
  "electromagnetic cascade; PDG 2024 observations, PRIMAT theory errors (as /bounds/bbn)"
#define PD_CRITERION_HE3D                                                                                      \
  "; or 3He/D > 1.10, the upper bound 0.83 + 0.27 of the protosolar ratio (Geiss & Gloeckler, Space Sci. Rev. 106 " \
  "(2003) 3), as arXiv:1808.09324 and 1709.01211 use it (key he3_d)"
#define PD_CRITERION_NOT                                                                                       \
  ". Not in this mask: N_eff (quantity Neff_rec; its band is /bounds/neff of the bbn_decay and bcN_bbn planes, "   \
  "the same computation) and the CMB bounds (the _cmb planes)"

/* The single-observable layers of the generic planes (the standard figure's regions): each observable's
 * 95% test relative to standard BBN for Yp and D/H (the pulls of bbn_verdict_eval with the point's final
 * values), 3He/H above the PDG upper limit, 7Li/H inside its observed 95% range (fb_constants.h). Each
 * layer is written as a mask and as a continuous margin (> 0 exactly where the mask is 1; NaN where not
 * computed) for smooth contours (tools/plot_photodis_tau.py). */
static int pd_write_layers(const pd_state *s, const fb_scan_view *v, hid_t file, unsigned char *mask, fb_err *err) {
  const size_t nm = v->n_mass, nc = v->n_coupling, np = nm * nc;
  const double he3_max = FB_HE3_H_OBS_MAX + FB_GAUSS_95_TWO_SIDED * FB_HE3_H_OBS_SIGMA;
  const double z2 = FB_GAUSS_95_TWO_SIDED * FB_GAUSS_95_TWO_SIDED;
  static const char *name[4] = {"excluded_Yp", "excluded_D_H", "excluded_He3_H", "Li7_H_obs_band"};
  char desc[4][320];
  snprintf(desc[0], sizeof desc[0], "1 where Yp (mass fraction) alone is excluded: pull^2 - pull_SBBN^2 > 1.96^2 "
           "(observation and theory error in quadrature, as /bounds/bbn; bbn_verdict_eval)");
  snprintf(desc[1], sizeof desc[1], "1 where D/H alone is excluded: pull^2 - pull_SBBN^2 > 1.96^2 (bbn_verdict_eval)");
  snprintf(desc[2], sizeof desc[2], "1 where (3He + 3H)/H > %.3g (PDG 2024 BBN review: 3He/H <= (1.1 +- 0.2)e-5, Bania, "
           "Rood & Balser 2002, + 1.96 sigma)", he3_max);
  snprintf(desc[3], sizeof desc[3], "1 where (7Li + 7Be)/H lies inside (1.6 +- 1.96 x 0.3)e-10 (PDG 2024 BBN review, "
           "Sbordone et al. arXiv:1003.4510): not a bound, the region where the decay removes the lithium problem");
  static const char *mdesc[4] = {"pull^2 - pull_SBBN^2 - 1.96^2 of Yp (> 0: excluded_Yp)",
                                 "pull^2 - pull_SBBN^2 - 1.96^2 of D/H (> 0: excluded_D_H)",
                                 "ln((3He + 3H)/H / limit) (> 0: excluded_He3_H)",
                                 "(1.96 sigma - |7Li/H - observed|) / sigma (> 0: Li7_H_obs_band)"};
  bbn_verdict w0;
  bbn_verdict_eval(&s->sbbn, &s->sbbn, NULL, &w0);
  double *margin = malloc((np ? np : 1) * sizeof *margin);
  FB_TEST(err, !margin, FB_ERR_MEMORY, "cannot allocate the photodisintegration layers");
  hsize_t dm[2] = {nm, nc};
  int rc = FB_OK;
  for (int k = 0; k < 4 && rc == FB_OK; k++) {
    for (size_t p = 0; p < np; p++) {
      margin[p] = NAN;
      if (v->status[p] != 0 || v->values[G_RANGE * np + p] != 0.0) continue;
      bbn_result r = s->sbbn;
      r.Yp_mass = v->values[G_YP * np + p];
      r.D_H = v->values[G_DH * np + p];
      r.chi2 = v->values[G_CHI2 * np + p];
      bbn_verdict w;
      bbn_verdict_eval(&r, &s->sbbn, NULL, &w);
      const double he3 = v->values[G_HE3 * np + p], li = v->values[G_LI7 * np + p];
      margin[p] = k == 0   ? w.pull_Yp * w.pull_Yp - w0.pull_Yp * w0.pull_Yp - z2
                  : k == 1 ? w.pull_DH * w.pull_DH - w0.pull_DH * w0.pull_DH - z2
                  : k == 2 ? log(he3 / he3_max)
                           : FB_GAUSS_95_TWO_SIDED - fabs(li - FB_LI7_H_OBS) / FB_LI7_H_OBS_SIGMA;
    }
    for (size_t p = 0; p < np; p++) mask[p] = (unsigned char)(margin[p] > 0.0);
    char path[128];
    snprintf(path, sizeof path, "bounds/photodisintegration/%s", name[k]);
    rc = fb_h5_dataset(file, path, H5T_NATIVE_UINT8, 2, dm, mask, "", desc[k], err);
    snprintf(path, sizeof path, "bounds/photodisintegration/%s_margin", name[k]);
    if (rc == FB_OK) rc = fb_h5_dataset(file, path, H5T_NATIVE_DOUBLE, 2, dm, margin, "", mdesc[k], err);
  }
  free(margin);
  return rc;
}

/* photodis_decay_tau: the lowest excluded m Y per lifetime (grid column), refined by bisection in log m Y
 * between the highest allowed grid value below it and it to 1e-3 relative (the per-mass table makes a
 * point cheap). NaN where the column has no excluded point; the grid's lowest value where it is excluded
 * (the boundary lies below the grid). */
static int pd_tau_outline(pd_state *s, const fb_scan_view *v, const unsigned char *mask, hid_t file, fb_err *err) {
  const size_t nm = v->n_mass, nc = v->n_coupling;
  double *line = malloc((nm ? nm : 1) * sizeof *line);
  FB_TEST(err, !line, FB_ERR_MEMORY, "cannot allocate the photodisintegration outline");
  int rc = FB_OK;
  long n_bisect = 0;
  for (size_t i = 0; i < nm && rc == FB_OK; i++) {
    line[i] = NAN;
    size_t j = 0;
    while (j < nc && !mask[i * nc + j]) j++;
    if (j == nc) continue;
    line[i] = v->coupling[j];
    if (j == 0 || v->status[i * nc + j - 1] != 0 || !(v->coupling[j - 1] > 0)) continue;
    double lo = log(v->coupling[j - 1]), hi = log(v->coupling[j]);
    while (hi - lo > 1e-3 && rc == FB_OK) {
      const double mid = 0.5 * (lo + hi);
      double out[G_N];
      rc = pd_gen_point(s, s->mass_GeV, v->mass[i], exp(mid) / s->mass_GeV, NULL, 10.0, out, err);
      n_bisect++;
      if (rc != FB_OK) break;
      if (bbn_photodis_excluded(out[G_RANGE], out[G_DCHI2], out[G_HE3D], s->he3_d))
        hi = mid;
      else
        lo = mid;
    }
    line[i] = exp(hi);
  }
  hsize_t dl[1] = {nm};
  if (rc == FB_OK)
    rc = fb_h5_dataset(file, "bounds/photodisintegration/mY_min_GeV", H5T_NATIVE_DOUBLE, 1, dl, line, "GeV",
                       "per grid lifetime: the lowest excluded m Y_X (the criterion of excluded), bisected between grid points to "
                       "1e-3 relative; NaN: nothing excluded; the grid's lowest m Y where that is already excluded", err);
  free(line);
  if (rc == FB_OK) {
    hid_t g = fb_h5_group(file, "bounds/photodisintegration");
    FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot open /bounds/photodisintegration");
    rc = fb_h5_attr_long(g, "mY_min_bisection_points", n_bisect, err);
    H5Gclose(g);
  }
  return rc;
}

/* /bounds/photodisintegration: excluded where delta_chi2 > 5.99 on computed points, the outline (edges) and
 * for the generic planes the single-observable layers (and for photodis_decay_tau mY_min_GeV). */
static int pd_write(pd_state *s, const fb_scan_view *v, hid_t file, size_t off, const char *note, fb_err *err) {
  const size_t nm = v->n_mass, nc = v->n_coupling, np = nm * nc;
  unsigned char *mask = malloc(2 * (np ? np : 1));
  FB_TEST(err, !mask, FB_ERR_MEMORY, "cannot allocate the photodisintegration mask");
  for (size_t p = 0; p < np; p++)
    mask[p] = (unsigned char)(v->status[p] == 0 && bbn_photodis_excluded(v->values[(off + G_RANGE) * np + p],
                                                                         v->values[(off + G_DCHI2) * np + p],
                                                                         v->values[(off + G_HE3D) * np + p], s->he3_d));
  hsize_t dm[2] = {nm, nc};
  int rc = fb_h5_dataset(file, "bounds/photodisintegration/excluded", H5T_NATIVE_UINT8, 2, dm, mask, "",
                         s->he3_d ? "1 where delta_chi2(Yp, D/H) > 5.99 or 3He/D > 1.10 after photodisintegration"
                                  : "1 where delta_chi2(Yp, D/H) > 5.99 after photodisintegration", err);
  if (rc == FB_OK) {
    const char *cols = s->tau_plane            ? "tau_s, lowest excluded mY_GeV, highest excluded mY_GeV"
                       : s->kind == PD_GENERIC ? "mass_GeV, lowest excluded tau_s, highest excluded tau_s"
                                               : "mass_GeV, lowest excluded coupling, highest excluded coupling";
    rc = fb_h5_mask_edges(file, "bounds/photodisintegration", nm, nc, v->mass, v->coupling, mask, cols, err);
  }
  if (rc == FB_OK && s->kind == PD_GENERIC) rc = pd_write_layers(s, v, file, mask + np, err);
  if (rc == FB_OK && s->tau_plane) rc = pd_tau_outline(s, v, mask, file, err);
  free(mask);
  if (rc != FB_OK) return rc;
  hid_t g = fb_h5_group(file, "bounds/photodisintegration");
  FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot open /bounds/photodisintegration");
  rc = fb_h5_attr_string(g, "criterion", s->he3_d ? PD_CRITERION PD_CRITERION_HE3D PD_CRITERION_NOT : PD_CRITERION PD_CRITERION_NOT,
                         err);
  if (rc == FB_OK)
    rc = fb_h5_attr_string(g, "reference",
                           "cascade: Kawasaki & Moroi astro-ph/9412055, Hufnagel, Schmidt-Hoberg, Wild arXiv:1808.09324; "
                           "cross sections: Cyburt et al. astro-ph/0211258 (src/bbn/bbn_photodis.c)",
                           err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "chi2_sbbn", s->sbbn.chi2, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "delta_chi2_max", FB_CHI2_2DOF_95, err);
  if (rc == FB_OK) rc = fb_h5_attr_string(g, "note", note, err);
  H5Gclose(g);
  return rc;
}

static int pd_gen_post(void *state, const fb_config *cfg, const fb_scan_view *v, hid_t file, fb_err *err) {
  (void)cfg;
  pd_state *s = state;
  char note[512];
  if (s->tau_plane)
    snprintf(note, sizeof note,
             "m_X = %g GeV; br_photon = %g, br_ee = %g, br_pi0pi0 = %g, br_mumu = %g, br_pipi = %g; axes tau_s, m Y_X "
             "(before decays); BBN itself standard", s->mass_GeV, s->br_photon, s->br_ee, s->br_aa[0], s->br_aa[1],
             s->br_aa[2]);
  else if (s->use_n_over_ngamma)
    snprintf(note, sizeof note,
             "n_X/n_gamma = %g at T0 = %g MeV; br_photon = %g, br_ee = %g, br_pi0pi0 = %g, br_mumu = %g, br_pipi = %g; "
             "BBN itself standard", s->n_over_ngamma, s->T0_MeV, s->br_photon, s->br_ee, s->br_aa[0], s->br_aa[1],
             s->br_aa[2]);
  else
    snprintf(note, sizeof note,
             "m Y_X = %g GeV; br_photon = %g, br_ee = %g, br_pi0pi0 = %g, br_mumu = %g, br_pipi = %g; BBN itself standard",
             s->mY_GeV, s->br_photon, s->br_ee, s->br_aa[0], s->br_aa[1], s->br_aa[2]);
  FB_CALL(err, pd_write(s, v, file, 0, note, err));
  if (!s->tau_plane) return FB_OK;
  hid_t g = fb_h5_group(file, "bounds/photodisintegration");
  FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot open /bounds/photodisintegration");
  int rc = fb_h5_attr_double(g, "mass_GeV", s->mass_GeV, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "br_photon", s->br_photon, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "br_ee", s->br_ee, err);
  if (rc == FB_OK) rc = fb_h5_attr_string(g, "axes", "first: tau_s [s]; second: mY_GeV [GeV] (m Y_X before decays)", err);
  H5Gclose(g);
  return rc;
}

static int pd_fip_post(void *state, const fb_config *cfg, const fb_scan_view *v, hid_t file, fb_err *err) {
  (void)cfg;
  pd_state *s = state;
  FB_CALL(err, pd_write(s, v, file, F_OFF, s->note, err));
  /* the abundance starts at T_RH (issue 14 item 1): stated as a number too, for the figures' legends
   * (tools/plot_summary.py). Its per-point T_RH dependence is not computed here: it would take a second
   * abundance solve per point (the bcN_bbn planes' abundance_TRH_change; docs/validation.md) */
  hid_t g = fb_h5_group(file, "bounds/photodisintegration");
  FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot open /bounds/photodisintegration");
  const int rc = fb_h5_attr_double(g, "T_RH_GeV", s->T_RH_GeV, err);
  H5Gclose(g);
  return rc;
}

const fb_model_ops fb_model_photodis_decay = {
    .name = "photodis_decay",
    .benchmark = "generic",
    .description = "photodisintegration after BBN by the electromagnetic cascade of a decaying particle (ACROPOLIS inputs)",
    .mass_name = "mass_GeV",
    .mass_units = "GeV",
    .mass_description = "mass m_X of the decaying particle",
    .coupling_name = "tau_s",
    .coupling_units = "s",
    .coupling_description = "lifetime tau_X",
    .n_quantities = G_N,
    .quantities = pd_gen_quantities,
    .n_keys = sizeof pd_gen_keys / sizeof pd_gen_keys[0],
    .keys = pd_gen_keys,
    .init = pd_gen_init,
    .eval = pd_gen_eval,
    .free = pd_free,
    .postprocess = pd_gen_post,
};

const fb_model_ops fb_model_photodis_decay_tau = {
    .name = "photodis_decay_tau",
    .benchmark = "generic",
    .description = "photodisintegration after BBN over (tau_X, m Y_X) at fixed mass and channels (the standard figure)",
    .mass_name = "tau_s",
    .mass_units = "s",
    .mass_description = "lifetime tau_X of the decaying particle",
    .coupling_name = "mY_GeV",
    .coupling_units = "GeV",
    .coupling_description = "m Y_X = m n_X/s before decays",
    .n_quantities = G_N,
    .quantities = pd_gen_quantities,
    .n_keys = sizeof pd_tau_keys / sizeof pd_tau_keys[0],
    .keys = pd_tau_keys,
    .init = pd_tau_init,
    .eval = pd_gen_eval,
    .free = pd_free,
    .postprocess = pd_gen_post,
};

const fb_model_ops fb_model_bc1_photodis = {
    .name = "bc1_photodis",
    .benchmark = "BC1",
    .description = "photodisintegration after BBN on the BC1 plane (abundance from decays and inverse decays)",
    FB_MODEL_AXES(BC1),
    .n_quantities = F_N,
    .quantities = pd_fip_quantities,
    .n_keys = sizeof pd_fip_keys / sizeof pd_fip_keys[0],
    .keys = pd_fip_keys,
    .init = bc1pd_init,
    .eval = pd_fip_eval,
    .free = pd_free,
    .postprocess = pd_fip_post,
    .assumption = pd_fip_assumption,
};

const fb_model_ops fb_model_bc4_photodis = {
    .name = "bc4_photodis",
    .benchmark = "BC4",
    .description = "photodisintegration after BBN on the BC4 plane (abundance from decays, inverse decays and "
                   "Higgs-like scatterings)",
    FB_MODEL_AXES(BC4),
    .n_quantities = F_N,
    .quantities = pd_fip_quantities,
    .n_keys = 0, /* reads the [photodis_fip] keys declared by bc1_photodis */
    .keys = NULL,
    .init = bc4pd_init,
    .eval = pd_fip_eval,
    .free = pd_free,
    .postprocess = pd_fip_post,
    .assumption = pd_fip_assumption,
};

const fb_model_ops fb_model_bc9_photodis = {
    .name = "bc9_photodis",
    .benchmark = "BC9",
    .description = "photodisintegration after BBN on the BC9 plane (abundance from decays and inverse decays)",
    FB_MODEL_AXES(BC9),
    .n_quantities = F_N,
    .quantities = pd_fip_quantities,
    .n_keys = 0, /* reads the [photodis_fip] keys declared by bc1_photodis */
    .keys = NULL,
    .init = bc9pd_init,
    .eval = pd_fip_eval,
    .free = pd_free,
    .postprocess = pd_fip_post,
    .assumption = pd_fip_assumption,
};

const fb_model_ops fb_model_bc11_photodis = {
    .name = "bc11_photodis",
    .benchmark = "BC11",
    .description = "photodisintegration after BBN on the BC11 plane (abundance from decays, inverse decays and scatterings)",
    FB_MODEL_AXES(BC11),
    .n_quantities = F_N,
    .quantities = pd_fip_quantities,
    .n_keys = 0, /* reads the [photodis_fip] keys declared by bc1_photodis (alp_primakoff is bc9's) */
    .keys = NULL,
    .init = bc11pd_init,
    .eval = pd_fip_eval,
    .free = pd_free,
    .postprocess = pd_fip_post,
    .assumption = pd_fip_assumption,
};
/* HNL planes (BC6-BC8): the [photodis_fip] keys declared by bc1_photodis */
#define PD_HNL_OPS(NAME, BENCH, INIT, FLAV)                                                                    \
  {                                                                                                            \
    .name = NAME, .benchmark = #BENCH,                                                                         \
    .description = "photodisintegration after BBN on the " #BENCH " plane (HNL mixing with nu_" FLAV           \
                   "; thermal abundance through mixing)",                                                      \
    FB_MODEL_AXES(BENCH), .n_quantities = F_N,                                                                 \
    .quantities = pd_fip_quantities, .n_keys = 0, .keys = NULL, .init = INIT, .eval = pd_fip_eval,            \
    .free = pd_free, .postprocess = pd_fip_post, .assumption = pd_fip_assumption,                              \
  }
const fb_model_ops fb_model_bc6_photodis = PD_HNL_OPS("bc6_photodis", BC6, bc6pd_init, "e");
const fb_model_ops fb_model_bc7_photodis = PD_HNL_OPS("bc7_photodis", BC7, bc7pd_init, "mu");
const fb_model_ops fb_model_bc8_photodis = PD_HNL_OPS("bc8_photodis", BC8, bc8pd_init, "tau");
