/**
 * @file fb_model_bc3_rg.c
 * @brief Scan model "bc3_rg": the red-giant (or HB) plasmon-decay (+ Compton-like, key compton) bound on a
 *        millicharged fermion (BC3)
 *        on the (m_chi, eps) plane (src/stellar/fb_rg_mcp.h).
 *
 * Per point: the energy-loss rate of the one-zone core [erg/g/s] (eps^2 x the rate at eps = 1, which is
 * computed once per mass: the driver hands out points in mass-major order). The postprocess hook writes
 * /bounds/rg/edges [n_mass][2] (mass_GeV, eps_max: charges above are excluded; NaN where no plasmon
 * decays and the Compton-like channel is off) and /bounds/rg/excluded [n_mass][n_coupling] uint8 (rate > eps_max_erg_g_s). Input section [rg].
 *
 * Scan model "bc3_hb" (issue 16) is the same for the one-zone horizontal-branch core (T = 0.7e8 K,
 * rho = 0.6e4 g/cm^3; fb_rg_mcp_options_default star = 1): input section [bc3_hb], output /bounds/hb/.
 *
 * Observational / model range (issue 16 "Systematic bands"; fb_stellar_range.h): /bounds/rg and /bounds/hb
 * also hold nominal (= excluded), weak and strong: the charge edge eps_max scaled by the ratio of published
 * bounds on the same energy loss, b_k / b_nominal (the loss goes as eps^2 as it goes as mu_nu^2 or g^2, so
 * the criterion scales by the ratio squared). Red giant ([rg] mu_nu_max_muB{,_weak,_strong}): the TRGB bounds
 * on the neutrino dipole moment, whose plasmon decay is the process of this bound: nominal NGC 4258 and strong
 * omega Cen (Capozzi & Raffelt arXiv:2007.03694), weak M5 (Viaux et al. arXiv:1308.4627). HB ([bc3_hb]
 * g_agamma_max_GeV{,_weak,_strong}): the R-parameter bounds on the HB-core energy loss: nominal = weak
 * arXiv:1406.6053 (its 95% CL already folds in the observed-R and helium-abundance uncertainties; no later
 * analysis is weaker), strong the R_2 bound of arXiv:2207.03102.
 *
 * Scan model "bc3_wd" (issue 16): the white-dwarf bound (fb_rg_mcp_wd_eps_max: the WD bound on the neutrino
 * magnetic moment mapped through the same plasmon decay of a one-zone hot-WD core). Per point the ratio of the
 * millicharge plasmon loss to the loss allowed by mu_nu_max_muB (excluded where > 1); /bounds/wd/edges
 * (mass_GeV, eps_max) and /bounds/wd/excluded. Input section [bc3_wd].
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "fb_constants.h"
#include "fb_h5.h"
#include "fb_benchmark_axes.h"
#include "fb_model.h"
#include "fb_rg_mcp.h"
#include "fb_stellar_range.h"

typedef struct rg_state {
  fb_rg_mcp_options o;
  int hb; /* 1: bc3_hb (/bounds/hb), 0: bc3_rg (/bounds/rg), FB_RG_MCP_WD: bc3_wd (/bounds/wd) */
  double mu_nu_max_muB; /* bc3_wd: the WD bound on the neutrino magnetic moment */
  double rho_sys[2];    /* bc3_wd: core densities of the weak and strong edges of the systematic band */
  double charge_ratio[3]; /* bc3_rg, bc3_hb: eps_max of nominal, weak, strong over the nominal one (1, >= 1, <= 1) */
  double g_ref;           /* bc3_rg, bc3_hb: the published bound of the nominal edge (mu_B or GeV^-1) */
  int trapping;           /* bc3_rg, bc3_hb: no exclusion above the trapping charge fb_rg_mcp_eps_trap */
  double mass_GeV, rate1; /* cache: rate at eps = 1 for mass_GeV (NaN: none) */
} rg_state;

static const fb_quantity_spec rg_quantities[] = {
    {"rg_energy_loss_erg_g_s", "erg/g/s",
     "plasmon-decay (gamma* -> chi chibar) plus Compton-like (gamma e -> e chi chibar) energy-loss rate per unit "
     "mass of the one-zone red-giant core"},
};

static const fb_key_spec rg_keys[] = {
    {"rg", "T_K", FB_KEY_DOUBLE, "1e8", 1e5, 1e11, NULL, "K", "core temperature (red giant 1e8; HB 0.7e8)"},
    {"rg", "rho_g_cm3", FB_KEY_DOUBLE, "2e5", 1e-10, 1e12, NULL, "g/cm^3", "core density (red giant 2e5; HB 0.6e4)"},
    {"rg", "Y_e", FB_KEY_DOUBLE, "0.5", 1e-6, 1, NULL, "", "electrons per baryon"},
    {"rg", "eps_max_erg_g_s", FB_KEY_DOUBLE, "10", 1e-3, 1e4, NULL, "erg/g/s", "energy-loss criterion"},
    {"rg", "compton", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "add Compton-like gamma e -> e chi chibar (fb_rg_mcp_compton.h): the bound above the plasmon threshold"},
    {"rg", "brems", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "add electron-nucleus bremsstrahlung e Z -> e Z chi chibar (fb_rg_mcp_brems.h)"},
    {"rg", "trapping", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "exclude only below the trapping charge fb_rg_mcp_eps_trap (order of magnitude; edges column 3)"},
    {"rg", "mu_nu_max_muB", FB_KEY_DOUBLE, FB_STELLAR_STR(FB_MUNU_MAX_RG_NGC4258), 1e-15, 1e-8, NULL, "mu_B",
     "TRGB bound on the neutrino dipole moment that the nominal edge stands for (arXiv:2007.03694, NGC 4258)"},
    {"rg", "mu_nu_max_muB_weak", FB_KEY_DOUBLE, FB_STELLAR_STR(FB_MUNU_MAX_RG_M5), 1e-15, 1e-8, NULL, "mu_B",
     "conservative edge /bounds/rg/weak: eps_max x mu_nu_max_muB_weak/mu_nu_max_muB (arXiv:1308.4627, M5)"},
    {"rg", "mu_nu_max_muB_strong", FB_KEY_DOUBLE, FB_STELLAR_STR(FB_MUNU_MAX_RG_OMEGACEN), 1e-15, 1e-8, NULL, "mu_B",
     "aggressive edge /bounds/rg/strong: eps_max x mu_nu_max_muB_strong/mu_nu_max_muB (arXiv:2007.03694, omega Cen)"},
};

static const fb_key_spec hb_keys[] = {
    {"bc3_hb", "T_K", FB_KEY_DOUBLE, "0.7e8", 1e5, 1e11, NULL, "K", "HB core temperature"},
    {"bc3_hb", "rho_g_cm3", FB_KEY_DOUBLE, "0.6e4", 1e-10, 1e12, NULL, "g/cm^3", "HB core density"},
    {"bc3_hb", "Y_e", FB_KEY_DOUBLE, "0.5", 1e-6, 1, NULL, "", "electrons per baryon"},
    {"bc3_hb", "eps_max_erg_g_s", FB_KEY_DOUBLE, "10", 1e-3, 1e4, NULL, "erg/g/s", "energy-loss criterion"},
    {"bc3_hb", "compton", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "add Compton-like gamma e -> e chi chibar (fb_rg_mcp_compton.h): the bound above the plasmon threshold"},
    {"bc3_hb", "brems", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "add electron-nucleus bremsstrahlung e Z -> e Z chi chibar (fb_rg_mcp_brems.h)"},
    {"bc3_hb", "trapping", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "exclude only below the trapping charge fb_rg_mcp_eps_trap (order of magnitude; edges column 3)"},
    {"bc3_hb", "g_agamma_max_GeV", FB_KEY_DOUBLE, FB_STELLAR_STR(FB_GAGG_MAX_HB_R), 1e-13, 1e-6, NULL, "GeV^-1",
     "R-parameter bound on the HB-core energy loss (as g_agamma) that the nominal edge stands for (arXiv:1406.6053)"},
    {"bc3_hb", "g_agamma_max_GeV_weak", FB_KEY_DOUBLE, FB_STELLAR_STR(FB_GAGG_MAX_HB_R), 1e-13, 1e-6, NULL, "GeV^-1",
     "conservative edge /bounds/hb/weak: eps_max x g_agamma_max_GeV_weak/g_agamma_max_GeV (default = nominal)"},
    {"bc3_hb", "g_agamma_max_GeV_strong", FB_KEY_DOUBLE, FB_STELLAR_STR(FB_GAGG_MAX_HB_R2), 1e-13, 1e-6, NULL, "GeV^-1",
     "aggressive edge /bounds/hb/strong: eps_max x g_agamma_max_GeV_strong/g_agamma_max_GeV (arXiv:2207.03102, R_2)"},
};

static const fb_key_spec wd_keys[] = {
    {"bc3_wd", "T_K", FB_KEY_DOUBLE, "2e7", 1e5, 1e10, NULL, "K", "hot white-dwarf core temperature"},
    {"bc3_wd", "rho_g_cm3", FB_KEY_DOUBLE, "3e6", 1e3, 1e10, NULL, "g/cm^3", "white-dwarf core density"},
    {"bc3_wd", "Y_e", FB_KEY_DOUBLE, "0.5", 1e-6, 1, NULL, "", "electrons per baryon"},
    {"bc3_wd", "mu_nu_max_muB", FB_KEY_DOUBLE, "1e-11", 1e-15, 1e-6, NULL, "mu_B",
     "white-dwarf bound on the neutrino magnetic moment (Corsico et al. arXiv:1406.6034)"},
    {"bc3_wd", "rho_g_cm3_weak", FB_KEY_DOUBLE, "1e7", 1e3, 1e10, NULL, "g/cm^3",
     "core density of the conservative edge /bounds/wd/weak (a denser core has heavier plasmons: larger eps_max)"},
    {"bc3_wd", "rho_g_cm3_strong", FB_KEY_DOUBLE, "1e6", 1e3, 1e10, NULL, "g/cm^3",
     "core density of the aggressive edge /bounds/wd/strong"},
    {"bc3_wd", "trapping", FB_KEY_BOOL, "true", 0, 0, NULL, "",
     "exclude only below the trapping charge fb_rg_mcp_eps_trap of each core (order of magnitude; edges column 3)"},
};

static int star_init(void **state, const fb_config *cfg, int hb, fb_err *err) {
  rg_state *s = calloc(1, sizeof *s);
  FB_TEST(err, !s, FB_ERR_MEMORY, "cannot allocate the bc3_rg model state");
  const char *sec = hb == FB_RG_MCP_WD ? "bc3_wd" : hb ? "bc3_hb" : "rg";
  s->hb = hb;
  fb_rg_mcp_options_default(&s->o, hb);
  s->o.T_K = fb_config_get_double(cfg, sec, "T_K");
  s->o.rho_g_cm3 = fb_config_get_double(cfg, sec, "rho_g_cm3");
  s->o.Y_e = fb_config_get_double(cfg, sec, "Y_e");
  if (hb == FB_RG_MCP_WD) {
    s->mu_nu_max_muB = fb_config_get_double(cfg, sec, "mu_nu_max_muB");
    s->rho_sys[0] = fb_config_get_double(cfg, sec, "rho_g_cm3_weak");
    s->rho_sys[1] = fb_config_get_double(cfg, sec, "rho_g_cm3_strong");
    s->trapping = fb_config_get_bool(cfg, sec, "trapping");
  } else {
    s->o.eps_max_erg_g_s = fb_config_get_double(cfg, sec, "eps_max_erg_g_s");
    s->o.compton = fb_config_get_bool(cfg, sec, "compton");
    s->o.brems = fb_config_get_bool(cfg, sec, "brems");
    s->trapping = fb_config_get_bool(cfg, sec, "trapping");
    /* the range: published bounds on the same energy loss (fb_constants.h), their ratios scale our charge edge */
    const char *key = hb ? "g_agamma_max_GeV" : "mu_nu_max_muB";
    char kw[48], ks[48];
    snprintf(kw, sizeof kw, "%s_weak", key);
    snprintf(ks, sizeof ks, "%s_strong", key);
    const double b[3] = {fb_config_get_double(cfg, sec, key), fb_config_get_double(cfg, sec, kw),
                         fb_config_get_double(cfg, sec, ks)};
    int rc = fb_stellar_range_check(b, sec, key, err);
    if (rc != FB_OK) {
      free(s);
      return rc;
    }
    for (int k = 0; k < 3; k++) s->charge_ratio[k] = b[k] / b[0];
    s->g_ref = b[0];
  }
  s->mass_GeV = NAN;
  *state = s;
  return FB_OK;
}

static int rg_init(void **state, const fb_config *cfg, fb_err *err) { return star_init(state, cfg, 0, err); }
static int hb_init(void **state, const fb_config *cfg, fb_err *err) { return star_init(state, cfg, 1, err); }
static int wd_init(void **state, const fb_config *cfg, fb_err *err) { return star_init(state, cfg, FB_RG_MCP_WD, err); }

static int rg_rate1(rg_state *s, double mass_GeV, fb_err *err) {
  if (s->mass_GeV == mass_GeV) return FB_OK;
  s->mass_GeV = NAN;
  if (s->hb == FB_RG_MCP_WD) {
    /* per eps^2: the millicharge loss over the allowed one, 1/eps_max^2 */
    double emax;
    FB_CALL(err, fb_rg_mcp_wd_eps_max(&s->o, s->mu_nu_max_muB, mass_GeV, &emax, NULL, err));
    s->rate1 = isfinite(emax) ? 1.0 / (emax * emax) : 0.0;
  } else {
    FB_CALL(err, fb_rg_mcp_eps_erg_g_s(&s->o, mass_GeV, 1.0, &s->rate1, err));
  }
  s->mass_GeV = mass_GeV;
  return FB_OK;
}

static int rg_eval(void *state, double mass_GeV, double eps, double *out, fb_err *err) {
  rg_state *s = state;
  FB_TEST(err, !(eps >= 0 && eps <= 1), FB_ERR_RANGE, "eps = %g out of range: allowed 0 <= eps <= 1", eps);
  FB_CALL(err, rg_rate1(s, mass_GeV, err));
  out[0] = eps * eps * s->rate1;
  return FB_OK;
}

static void rg_free(void *state) { free(state); }

/* The trapping edge of the star's core (issue 16): e3 = per grid mass (mass_GeV, eps_max, eps_trap) from the two-column
 * edges2 and fb_rg_mcp_eps_trap (+inf with trapping = false); mask is cleared at and above eps_trap. */
static int trap_edges(const rg_state *s, const fb_scan_view *v, const double *edges2, unsigned char *mask, double *e3,
                      fb_err *err) {
  const size_t nm = v->n_mass, nc = v->n_coupling;
  for (size_t i = 0; i < nm; i++) {
    double et = INFINITY;
    if (s->trapping) FB_CALL(err, fb_rg_mcp_eps_trap(&s->o, v->mass[i], &et, err));
    e3[3 * i] = edges2[2 * i];
    e3[3 * i + 1] = edges2[2 * i + 1];
    e3[3 * i + 2] = et;
    for (size_t j = 0; j < nc; j++)
      if (!(v->coupling[j] < et)) mask[i * nc + j] = 0;
  }
  return FB_OK;
}

static int rg_postprocess(void *state, const fb_config *cfg, const fb_scan_view *v, hid_t file, fb_err *err) {
  (void)cfg;
  rg_state *s = state;
  size_t nm = v->n_mass, nc = v->n_coupling;
  double *edges = malloc(nm * 2 * sizeof *edges);
  unsigned char *mask = malloc(nm * nc);
  int rc = FB_OK;
  FB_TEST_GOTO(err, rc, !edges || !mask, FB_ERR_MEMORY, done, "cannot allocate the RG bound arrays");
  for (size_t i = 0; i < nm; i++) {
    for (size_t j = 0; j < nc; j++) {
      size_t p = i * nc + j;
      mask[p] = (unsigned char)(v->status[p] == 0 && v->values[p] > (s->hb == FB_RG_MCP_WD ? 1.0 : s->o.eps_max_erg_g_s));
    }
    edges[2 * i] = v->mass[i];
    if (s->hb == FB_RG_MCP_WD)
      FB_CALL_GOTO(err, rc, fb_rg_mcp_wd_eps_max(&s->o, s->mu_nu_max_muB, v->mass[i], &edges[2 * i + 1], NULL, err),
                   done);
    else
      FB_CALL_GOTO(err, rc, fb_rg_mcp_eps_max(&s->o, v->mass[i], &edges[2 * i + 1], err), done);
    if (isinf(edges[2 * i + 1])) edges[2 * i + 1] = NAN;
  }
  if (s->hb == FB_RG_MCP_WD) {
    hsize_t de[2] = {nm, 3}, dm[2] = {nm, nc};
    /* trapping (issue 16): above eps_trap the chi do not stream out of the core and the energy-loss argument does not
     * apply. fb_rg_mcp_eps_trap with this core's T and density: its pure-helium targets give Z^2 n_ion = rho/m_u, a
     * carbon-oxygen core 3-4 rho/m_u, so eps_trap is up to ~sqrt(3) high (the excluded region larger): an
     * order-of-magnitude edge, as for the red giants; +inf with trapping = false */
    double *e3 = malloc(nm * 3 * sizeof *e3);
    FB_TEST_GOTO(err, rc, !e3, FB_ERR_MEMORY, done, "cannot allocate the WD edges");
    rc = trap_edges(s, v, edges, mask, e3, err);
    free(edges);
    edges = e3; /* freed at done */
    if (rc != FB_OK) goto done;
    /* systematic band: the same bound for the two other core densities (eps above eps_max_k excluded); the
     * conservative edge (weak) is what every core excludes, the aggressive one (strong) what any core excludes:
     * near the plasmon-decay threshold (m ~ omega_p / 2) the denser core is the stronger one, elsewhere the
     * thinner (review of session 7: weak excluded more than nominal at 15-17 keV) */
    unsigned char *sys[2] = {malloc(nm * nc), malloc(nm * nc)};
    double *sys_edges[2] = {malloc(nm * 3 * sizeof(double)), malloc(nm * 3 * sizeof(double))};
    FB_TEST_GOTO(err, rc, !sys[0] || !sys[1] || !sys_edges[0] || !sys_edges[1], FB_ERR_MEMORY, wd_done,
                 "cannot allocate the WD systematic masks");
    for (int k = 0; k < 2; k++) {
      fb_rg_mcp_options ok = s->o;
      ok.rho_g_cm3 = s->rho_sys[k];
      for (size_t i = 0; i < nm; i++) {
        double ek, tk = INFINITY;
        FB_CALL_GOTO(err, rc, fb_rg_mcp_wd_eps_max(&ok, s->mu_nu_max_muB, v->mass[i], &ek, NULL, err), wd_done);
        if (s->trapping) FB_CALL_GOTO(err, rc, fb_rg_mcp_eps_trap(&ok, v->mass[i], &tk, err), wd_done);
        sys_edges[k][3 * i] = v->mass[i];
        sys_edges[k][3 * i + 1] = isfinite(ek) ? ek : NAN;
        sys_edges[k][3 * i + 2] = tk;
        for (size_t j = 0; j < nc; j++) {
          size_t p = i * nc + j;
          sys[k][p] = (unsigned char)(v->status[p] == 0 && v->coupling[j] > ek && v->coupling[j] < tk);
        }
      }
    }
    for (size_t p = 0; p < nm * nc; p++) {
      const unsigned char a = sys[0][p], b = sys[1][p];
      sys[0][p] = (unsigned char)(mask[p] && a && b);
      sys[1][p] = (unsigned char)(mask[p] || a || b);
    }
    FB_CALL_GOTO(err, rc, fb_h5_dataset(file, "bounds/wd/nominal", H5T_NATIVE_UINT8, 2, dm, mask, "",
                                        "1 where excluded with the nominal core (= excluded)", err), wd_done);
    FB_CALL_GOTO(err, rc, fb_h5_dataset(file, "bounds/wd/weak", H5T_NATIVE_UINT8, 2, dm, sys[0], "",
                                        "1 where excluded with every core density (nominal, rho_g_cm3_weak, rho_g_cm3_strong): conservative edge",
                                        err), wd_done);
    FB_CALL_GOTO(err, rc, fb_h5_dataset(file, "bounds/wd/strong", H5T_NATIVE_UINT8, 2, dm, sys[1], "",
                                        "1 where excluded with any core density (nominal, rho_g_cm3_weak, rho_g_cm3_strong): aggressive edge",
                                        err), wd_done);
    /* the edges of the two other cores (weak = every core, strong = any: the figures' outlines,
     * tools/summary_outline.py, take the nearer / farther of the three edges) */
    for (int k = 0; k < 2; k++)
      FB_CALL_GOTO(err, rc, fb_h5_dataset(file, k ? "bounds/wd/core_rho_strong/edges" : "bounds/wd/core_rho_weak/edges",
                                          H5T_NATIVE_DOUBLE, 2, de, sys_edges[k], "GeV, 1, 1",
                                          k ? "per grid mass: mass_GeV, eps_max, eps_trap with the core density rho_g_cm3_strong"
                                            : "per grid mass: mass_GeV, eps_max, eps_trap with the core density rho_g_cm3_weak",
                                          err), wd_done);
  wd_done:
    free(sys[0]);
    free(sys[1]);
    free(sys_edges[0]);
    free(sys_edges[1]);
    if (rc != FB_OK) goto done;
    FB_CALL_GOTO(err, rc, fb_h5_dataset(file, "bounds/wd/edges", H5T_NATIVE_DOUBLE, 2, de, edges, "GeV, 1, 1",
                                        "per grid mass: mass_GeV, eps_max, eps_trap (charges between are excluded by "
                                        "the hot white-dwarf core; NaN: no plasmon decay; eps_trap +inf: trapping off)",
                                        err), done);
    FB_CALL_GOTO(err, rc, fb_h5_dataset(file, "bounds/wd/excluded", H5T_NATIVE_UINT8, 2, dm, mask, "",
                                        "1 where the plasmon loss exceeds the one allowed by mu_nu_max_muB and eps < "
                                        "eps_trap", err),
                 done);
    {
      char src[160];
      snprintf(src, sizeof src, "core rho %.2g (nominal), %.2g, %.2g g/cm^3: weak = every core, strong = any; mu_nu < "
               "%.2g mu_B (default arXiv:1406.6034)", s->o.rho_g_cm3, s->rho_sys[0], s->rho_sys[1], s->mu_nu_max_muB);
      hid_t g = fb_h5_group(file, "bounds/wd");
      FB_TEST_GOTO(err, rc, g < 0, FB_ERR_HDF5, done, "cannot open /bounds/wd");
      rc = fb_h5_attr_string(g, "range_sources", src, err);
      H5Gclose(g);
    }
    goto done;
  }
  {
    /* trapping (issue 16): above eps_trap the chi do not stream out of the core and the energy-loss argument does not
     * apply (fb_rg_mcp_eps_trap, an order-of-magnitude edge); edges column 3, +inf with trapping = false */
    double *e3 = malloc(nm * 3 * sizeof *e3);
    FB_TEST_GOTO(err, rc, !e3, FB_ERR_MEMORY, done, "cannot allocate the RG edges");
    rc = trap_edges(s, v, edges, mask, e3, err);
    hsize_t de[2] = {nm, 3}, dm[2] = {nm, nc};
    if (rc == FB_OK)
      rc = fb_h5_dataset(file, s->hb ? "bounds/hb/edges" : "bounds/rg/edges", H5T_NATIVE_DOUBLE, 2, de, e3, "GeV, 1, 1",
                         s->hb ? "per grid mass: mass_GeV, eps_max, eps_trap (charges between are excluded by the "
                                 "horizontal-branch core; NaN: no plasmon decay; eps_trap +inf: trapping off)"
                               : "per grid mass: mass_GeV, eps_max, eps_trap (charges between are excluded by the "
                                 "red-giant core; NaN: no plasmon decay; eps_trap +inf: trapping off)", err);
    double *trap = e3; /* column 3, read below with stride 3 */
    for (size_t i = 0; i < nm; i++) trap[i] = e3[3 * i + 2];
    if (rc != FB_OK) {
      free(e3);
      goto done;
    }
    FB_CALL_GOTO(err, rc, fb_h5_dataset(file, s->hb ? "bounds/hb/excluded" : "bounds/rg/excluded", H5T_NATIVE_UINT8,
                                        2, dm, mask, "",
                                        "1 where the core energy loss exceeds eps_max_erg_g_s and eps < eps_trap", err),
                 trap_done);
    /* the range: charge edge x ratio k, i.e. the loss criterion x ratio k squared */
    static const char *const desc_rg[3] = {
        "1 where the core energy loss exceeds eps_max_erg_g_s (= excluded)",
        "1 where eps > eps_max x mu_nu_max_muB_weak/mu_nu_max_muB (conservative edge: arXiv:1308.4627 by default)",
        "1 where eps > eps_max x mu_nu_max_muB_strong/mu_nu_max_muB (aggressive edge: omega Cen, arXiv:2007.03694)"};
    static const char *const desc_hb[3] = {
        "1 where the core energy loss exceeds eps_max_erg_g_s (= excluded)",
        "1 where eps > eps_max x g_agamma_max_GeV_weak/g_agamma_max_GeV (conservative edge; default = nominal)",
        "1 where eps > eps_max x g_agamma_max_GeV_strong/g_agamma_max_GeV (aggressive edge: R_2, arXiv:2207.03102)"};
    char src[160];
    const double *r = s->charge_ratio;
    if (s->hb) /* the defaults' papers: fb_constants.h FB_GAGG_MAX_HB_* */
      snprintf(src, sizeof src, "R parameter, g_agamma < %.2g (nominal), %.2g (weak), %.2g GeV^-1 (strong); defaults "
               "arXiv:1406.6053, 2207.03102", s->g_ref, r[1] * s->g_ref, r[2] * s->g_ref);
    else /* fb_constants.h FB_MUNU_MAX_RG_* */
      snprintf(src, sizeof src, "TRGB mu_nu < %.2g (nominal), %.2g (weak), %.2g mu_B (strong); defaults arXiv:2007.03694, "
               "1308.4627", s->g_ref, r[1] * s->g_ref, r[2] * s->g_ref);
    FB_CALL_GOTO(err, rc, fb_stellar_range_write(file, s->hb ? "hb" : "rg", v, s->o.eps_max_erg_g_s, 2, s->charge_ratio,
                                                 trap, s->hb ? desc_hb : desc_rg, src, err), trap_done);
  trap_done:
    free(e3);
  }
done:
  free(edges);
  free(mask);
  return rc;
}

const fb_model_ops fb_model_bc3_rg = {
    .name = "bc3_rg",
    .benchmark = "BC3",
    .description = "red-giant plasmon-decay bound on a millicharged fermion (PBC BC3), one-zone core",
    FB_MODEL_AXES(BC3),
    .n_quantities = sizeof rg_quantities / sizeof rg_quantities[0],
    .quantities = rg_quantities,
    .n_keys = sizeof rg_keys / sizeof rg_keys[0],
    .keys = rg_keys,
    .init = rg_init,
    .eval = rg_eval,
    .free = rg_free,
    .postprocess = rg_postprocess,
};

static const fb_quantity_spec hb_quantities[] = {
    {"hb_energy_loss_erg_g_s", "erg/g/s",
     "plasmon-decay (gamma* -> chi chibar) energy-loss rate per unit mass of the one-zone horizontal-branch core"},
};

const fb_model_ops fb_model_bc3_hb = {
    .name = "bc3_hb",
    .benchmark = "BC3",
    .description = "horizontal-branch plasmon-decay bound on a millicharged fermion (PBC BC3), one-zone core",
    FB_MODEL_AXES(BC3),
    .n_quantities = sizeof hb_quantities / sizeof hb_quantities[0],
    .quantities = hb_quantities,
    .n_keys = sizeof hb_keys / sizeof hb_keys[0],
    .keys = hb_keys,
    .init = hb_init,
    .eval = rg_eval,
    .free = rg_free,
    .postprocess = rg_postprocess,
};

static const fb_quantity_spec wd_quantities[] = {
    {"wd_loss_ratio", "",
     "plasmon-decay (gamma* -> chi chibar) loss of the one-zone hot white-dwarf core over the loss allowed by the "
     "white-dwarf bound on the neutrino magnetic moment (excluded where > 1)"},
};

const fb_model_ops fb_model_bc3_wd = {
    .name = "bc3_wd",
    .benchmark = "BC3",
    .description = "white-dwarf plasmon-decay bound on a millicharged fermion (PBC BC3), one-zone hot-WD core",
    FB_MODEL_AXES(BC3),
    .n_quantities = sizeof wd_quantities / sizeof wd_quantities[0],
    .quantities = wd_quantities,
    .n_keys = sizeof wd_keys / sizeof wd_keys[0],
    .keys = wd_keys,
    .init = wd_init,
    .eval = rg_eval,
    .free = rg_free,
    .postprocess = rg_postprocess,
};
