/**
 * @file fb_model_bbn_decay.c
 * @brief Scan models `bbn_decay`: BBN with a generic decaying particle over (tau_X, m Y_X) at fixed
 *        mass and injection fractions (the plane that BBN papers show), and `bbn_decay_mass`: the same
 *        over (m_X, tau_X) at fixed abundance m Y_X (issue 14, "A generic model over (m, tau) at fixed
 *        abundance and over (tau, m Y_X) at fixed m").
 *
 * bbn_decay_mass: first axis m_X [GeV], second axis tau_X [s], m Y and the injection classes from
 * [bbn_decay_mass]; every point is the bbn_decay point (tau, m Y) at that mass (the same solve).
 *
 * First axis ("mass" slot of the grid): the lifetime tau_s [s] (use mass_spacing = log). Second
 * axis ("coupling" slot): m Y = m_X n_X / s before decay [GeV] (coupling_spacing = log). The mass,
 * the energy fractions and the pions per decay are read from [bbn_decay] (inputs/explanatory.ini).
 * Physics: src/bbn/bbn.h (struct bbn_decay), bbn_decay.c, bbn_mesons.c, bbn_chi2.c. Standard BBN at
 * the same Omega_b h^2 is solved once in init for Delta chi^2.
 * postprocess writes
 *   /bounds/bbn/excluded  [n_tau][n_mY] uint8: Delta chi^2 = chi^2 - chi^2_SBBN > 5.99 (2 dof, 95% CL)
 *   /bounds/neff/excluded [n_tau][n_mY] uint8: |N_eff,rec - 2.99| > 0.34 (Planck 2018, 95%; N_eff at
 *                         recombination, bbn_neff_rec.c)
 * with the criterion, the observations and the model inputs as attributes.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bbn.h"
#include "bbn_bounds.h"
#include "bbn_internal.h"
#include "fb_constants.h"
#include "fb_h5.h"
#include "fb_model.h"

typedef struct bbnd_state {
  bbn_tables tab;
  bbn_params par;
  bbn_decay dec;
  bbn_result sbbn;
  int mass_plane; /**< 1: bbn_decay_mass (axes m_X, tau_X at fixed dec.mY_GeV) */
} bbnd_state;

enum { Q_YP, Q_YPM, Q_DH, Q_HE3, Q_LI7, Q_NEFF, Q_ETAR, Q_CHI2, Q_DCHI2, Q_PULLY, Q_PULLD, Q_TDEC, Q_RHOX,
        Q_FPHOTO, Q_FHADRO, Q_FCLAMP, Q_NREC, Q_N };

static const fb_quantity_spec bbnd_quantities[] = {
    {"Yp", "", "helium-4 abundance 4 n_He4 / n_b (BBN convention)"},
    {"Yp_mass_fraction", "", "helium-4 mass fraction rho_He4 / rho_b (CMB convention; used in chi2)"},
    {"D_H", "", "deuterium to hydrogen number ratio"},
    {"He3_H", "", "(3He + 3H) to hydrogen number ratio"},
    {"Li7_H", "", "(7Li + 7Be) to hydrogen number ratio"},
    {"Neff", "", "effective number of neutrino species at the end of BBN (T_end = 1 keV, or t = 25 tau if later)"},
    {"eta_bbn_over_eta_cmb", "", "n_b/n_gamma before the decay over n_b/n_gamma today"},
    {"chi2", "", "chi^2 of Yp (mass fraction) and D/H against PDG 2024 incl. theory errors"},
    {"delta_chi2", "", "chi2 minus standard BBN's chi2 at the same Omega_b h^2"},
    {"pull_Yp", "", "(Yp_mass - 0.245) / sigma (observation and theory in quadrature)"},
    {"pull_D_H", "", "(D/H - 2.547e-5) / sigma (observation and theory in quadrature)"},
    {"T_decay_MeV", "MeV", "photon temperature at t = tau"},
    {"rhoX_over_rhorad_max", "", "largest rho_X / rho_radiation (X domination if > 1)"},
    {"flag_photodisintegration", "", "1 where the e.m. cascade (not computed) could change the result (bbn_chi2.c)"},
    {"flag_hadrodissociation", "", "1 where hadronic showers (not computed) could change the result (bbn_chi2.c)"},
    {"flag_weak_table_clamped", "", "1 where T_nu/T left the weak-rate table (abundances approximate; excluded anyway)"},
    {"Neff_rec", "", "effective number of neutrino species at recombination (T = 0.256 eV, z_* = 1089.92): the decays "
                     "after T_end followed (bbn_neff_rec.c); the N_eff band uses it"},
};

/* the injection classes and BBN options, shared by both planes (section SEC) */
#define BBND_COMMON_KEYS(SEC)                                                                                     \
  {SEC, "f_em", FB_KEY_DOUBLE, "1", 0.0, 1.0, NULL, "", "energy fraction into photons + e+-"},                   \
  {SEC, "f_nu", FB_KEY_DOUBLE, "0", 0.0, 1.0, NULL, "", "energy fraction into neutrinos (all flavours)"},        \
  {SEC, "f_inv", FB_KEY_DOUBLE, "0", 0.0, 1.0, NULL, "", "energy fraction into invisible particles"},            \
  {SEC, "n_pi_minus", FB_KEY_DOUBLE, "0", 0.0, 100.0, NULL, "", "mean number of pi- per decay"},                 \
  {SEC, "n_pi_plus", FB_KEY_DOUBLE, "0", 0.0, 100.0, NULL, "", "mean number of pi+ per decay"},                  \
  {SEC, "mesons", FB_KEY_BOOL, "true", 0, 0, NULL, "", "meson-driven p <-> n conversion on"},                    \
  {SEC, "eta_fixed", FB_KEY_CHOICE, "cmb", 0, 0, "cmb|bbn", "",                                                  \
   "eta fixed today at the CMB value (cmb) or before the decay (bbn)"},                                          \
  {SEC, "omega_b_h2", FB_KEY_DOUBLE, "0.02242", 0.001, 0.1, NULL, "", "baryon density Omega_b h^2"},             \
  {SEC, "theory_errors", FB_KEY_CHOICE, "propagated", 0, 0, "propagated|primat", "",                             \
   "theory errors of the chi^2: propagated = the network's cited rate errors and tau_n +- 0.5 s propagated "      \
   "linearly (bbn_theory_err.c); primat = PRIMAT arXiv:1801.08023 sigma(Yp) = 0.00017, sigma(D/H)/(D/H) = 1.46%"}

static const fb_key_spec bbnd_keys[] = {
    {"bbn_decay", "mass_GeV", FB_KEY_DOUBLE, "1", 1e-3, 1e4, NULL, "GeV", "mass of the decaying particle X"},
    BBND_COMMON_KEYS("bbn_decay"),
};

static const fb_key_spec bbndm_keys[] = {
    {"bbn_decay_mass", "mY_GeV", FB_KEY_DOUBLE, "1e-9", 0.0, 1.0, NULL, "GeV",
     "m_X n_X / s before decay, the same at every point of the (m_X, tau_X) plane"},
    BBND_COMMON_KEYS("bbn_decay_mass"),
};

static int bbnd_init_plane(void **state, const fb_config *cfg, const char *sec, int mass_plane, fb_err *err) {
  bbnd_state *s = calloc(1, sizeof *s);
  FB_TEST(err, !s, FB_ERR_MEMORY, "cannot allocate the %s model state", sec);
  int rc = bbn_tables_init(&s->tab, err);
  if (rc != FB_OK) {
    free(s);
    return fb_err_push(err, rc, __func__, __LINE__, "bbn_tables_init");
  }
  s->mass_plane = mass_plane;
  bbn_params_default(&s->par);
  s->par.omega_b_h2 = fb_config_get_double(cfg, sec, "omega_b_h2");
  s->par.eta_at_bbn = strcmp(fb_config_get_string(cfg, sec, "eta_fixed"), "bbn") == 0;
  s->par.theory_errors = strcmp(fb_config_get_string(cfg, sec, "theory_errors"), "primat") == 0
                             ? BBN_TH_PRIMAT
                             : BBN_TH_PROPAGATED;
  s->dec.mass_GeV = mass_plane ? 1.0 : fb_config_get_double(cfg, sec, "mass_GeV");
  s->dec.f_em = fb_config_get_double(cfg, sec, "f_em");
  s->dec.f_nu = fb_config_get_double(cfg, sec, "f_nu");
  s->dec.f_inv = fb_config_get_double(cfg, sec, "f_inv");
  s->dec.n_pi_minus = fb_config_get_double(cfg, sec, "n_pi_minus");
  s->dec.n_pi_plus = fb_config_get_double(cfg, sec, "n_pi_plus");
  s->dec.mesons = fb_config_get_bool(cfg, sec, "mesons");
  s->dec.tau_s = 1.0;
  s->dec.mY_GeV = 1e-20; /* for the check; the mass plane's own m Y is set after it */
  rc = bbn_decay_check(&s->dec, err);
  if (rc == FB_OK) rc = bbn_solve(&s->tab, &s->par, &s->sbbn, err);
  s->par.sbbn_nb_ref = s->sbbn.nb_comoving; /* the baryon normalisation, once */
  if (rc != FB_OK) {
    bbn_tables_free(&s->tab);
    free(s);
    return fb_err_push(err, rc, __func__, __LINE__,
                       mass_plane ? "[bbn_decay_mass] inputs / standard BBN" : "[bbn_decay] inputs / standard BBN");
  }
  if (mass_plane) s->dec.mY_GeV = fb_config_get_double(cfg, sec, "mY_GeV");
  *state = s;
  return FB_OK;
}

static int bbnd_init(void **state, const fb_config *cfg, fb_err *err) {
  return bbnd_init_plane(state, cfg, "bbn_decay", 0, err);
}

static int bbndm_init(void **state, const fb_config *cfg, fb_err *err) {
  return bbnd_init_plane(state, cfg, "bbn_decay_mass", 1, err);
}

/* (x, y) = (tau_s, mY_GeV) for bbn_decay, (mass_GeV, tau_s) for bbn_decay_mass */
static int bbnd_eval(void *state, double x, double y, double *out, fb_err *err) {
  bbnd_state *s = state;
  bbn_decay d = s->dec;
  if (s->mass_plane) {
    d.mass_GeV = x;
    d.tau_s = y;
  } else {
    d.tau_s = x;
    d.mY_GeV = y;
  }
  if (s->mass_plane) { /* per point: the mass range, and the pions per decay must fit into m_X */
    FB_CALL(err, bbn_decay_check(&d, err));
    FB_TEST(err, (d.n_pi_minus + d.n_pi_plus) * FB_MPI_CHARGED_GEV > d.mass_GeV, FB_ERR_RANGE,
            "bbn_decay_mass: m_X = %g GeV cannot make n_pi_minus + n_pi_plus = %g charged pions per decay (needs "
            ">= %g GeV)", d.mass_GeV, d.n_pi_minus + d.n_pi_plus, (d.n_pi_minus + d.n_pi_plus) * FB_MPI_CHARGED_GEV);
  }
  bbn_params p = s->par;
  p.decay = &d;
  bbn_result r;
  FB_CALL(err, bbn_solve(&s->tab, &p, &r, err));
  bbn_verdict v;
  bbn_verdict_eval(&r, &s->sbbn, &d, &v);
  out[Q_YP] = r.Yp;
  out[Q_YPM] = r.Yp_mass;
  out[Q_DH] = r.D_H;
  out[Q_HE3] = r.He3_H;
  out[Q_LI7] = r.Li7_H;
  out[Q_NEFF] = r.Neff;
  out[Q_NREC] = r.Neff_rec;
  out[Q_ETAR] = r.eta_bbn_over_eta_cmb;
  out[Q_CHI2] = v.chi2;
  out[Q_DCHI2] = v.delta_chi2;
  out[Q_PULLY] = v.pull_Yp;
  out[Q_PULLD] = v.pull_DH;
  out[Q_TDEC] = r.T_decay_MeV;
  out[Q_RHOX] = r.rhoX_over_rhorad_max;
  out[Q_FPHOTO] = v.flag_photodisintegration;
  out[Q_FHADRO] = v.flag_hadrodissociation;
  out[Q_FCLAMP] = r.weak_table_clamped;
  return FB_OK;
}

static int write_mask(hid_t file, const char *name, const unsigned char *mask, size_t nm, size_t nc,
                      const char *desc, fb_err *err) {
  hsize_t dm[2] = {nm, nc};
  return fb_h5_dataset(file, name, H5T_NATIVE_UINT8, 2, dm, mask, "", desc, err);
}

int bbn_write_bounds(hid_t file, const fb_scan_view *v, const double *delta_chi2, const double *neff,
                     const bbn_result *sbbn, const char *note, fb_err *err) {
  const size_t nm = v->n_mass, nc = v->n_coupling, np = nm * nc;
  unsigned char *mb = malloc(2 * np);
  FB_TEST(err, !mb, FB_ERR_MEMORY, "cannot allocate the BBN masks");
  unsigned char *mn = mb + np;
  for (size_t p = 0; p < np; ++p) {
    const int ok = v->status[p] == 0;
    mb[p] = (unsigned char)(ok && delta_chi2[p] > FB_CHI2_2DOF_95);
    mn[p] = (unsigned char)(ok && fabs(neff[p] - FB_NEFF_PLANCK18) > FB_NEFF_PLANCK18_95);
  }
  int rc = write_mask(file, "bounds/bbn/excluded", mb, nm, nc,
                      "1 where chi2 - chi2_SBBN > 5.99 (Yp and D/H against PDG 2024, 2 dof, 95% CL)", err);
  if (rc == FB_OK)
    rc = write_mask(file, "bounds/neff/excluded", mn, nm, nc,
                    "1 where |Neff_rec - 2.99| > 0.34 (N_eff at recombination; Planck 2018 TT,TE,EE+lowE+lensing+BAO, 95%)", err);
  free(mb);
  if (rc != FB_OK) return rc;
  hid_t g = fb_h5_group(file, "bounds/bbn");
  FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot open /bounds/bbn");
  rc = fb_h5_attr_string(g, "criterion",
                         "delta_chi2 = chi2(Yp_mass, D/H) - chi2_SBBN > 5.99 (chi^2 with 2 dof, 95% CL); "
                         "observations PDG 2024 Yp = 0.245 +- 0.003, D/H = (2.547 +- 0.029)e-5; theory errors "
                         "Yp_theory_sigma, D_H_theory_rel_sigma in quadrature (default: the network's rate errors "
                         "propagated, bbn_theory_err.c; option: PRIMAT arXiv:1801.08023)",
                         err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "chi2_sbbn", sbbn->chi2, err);
  /* the numbers of the criterion as attributes, for plots (bbn_internal.h: PDG 2024, PRIMAT) */
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "Yp_obs", BBN_OBS_YP, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "Yp_obs_sigma", BBN_OBS_YP_SIGMA, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "D_H_obs", BBN_OBS_DH, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "D_H_obs_sigma", BBN_OBS_DH_SIGMA, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "Yp_theory_sigma", sbbn->th_sigma_Yp, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "D_H_theory_rel_sigma", sbbn->th_rel_DH, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "Yp_sbbn", sbbn->Yp_mass, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "D_H_sbbn", sbbn->D_H, err);
  if (rc == FB_OK) rc = fb_h5_attr_string(g, "note", note, err);
  H5Gclose(g);
  if (rc != FB_OK) return rc;
  g = fb_h5_group(file, "bounds/neff");
  FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot open /bounds/neff");
  rc = fb_h5_attr_string(g, "criterion", "|Neff_rec - 2.99| > 0.34: Planck 2018 TT,TE,EE+lowE+lensing+BAO 95% "
                                          "(arXiv:1807.06209 sec. 7.4); Neff_rec = N_eff at recombination (T = T_CMB "
                                          "(1 + z_*), z_* = 1089.92), where the CMB measures it (arXiv:1104.2333), with "
                                          "the decays after BBN followed (bbn_neff_rec.c; arXiv:1808.09324 sec. 5)", err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "neff_sbbn", sbbn->Neff_rec, err);
  H5Gclose(g);
  return rc;
}

static int bbnd_postprocess(void *state, const fb_config *cfg, const fb_scan_view *v, hid_t file, fb_err *err) {
  (void)cfg;
  bbnd_state *s = state;
  const size_t np = v->n_mass * v->n_coupling;
  FB_CALL(err, bbn_write_bounds(file, v, v->values + Q_DCHI2 * np, v->values + Q_NREC * np, &s->sbbn,
                                s->mass_plane ? "generic decaying particle over (m_X, tau_X): abundance mY_GeV fixed "
                                                "(attribute)"
                                              : "generic decaying particle: abundance m Y given on the grid",
                                err));
  hid_t g = fb_h5_group(file, "bounds/bbn");
  FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot open /bounds/bbn");
  int rc = s->mass_plane ? fb_h5_attr_double(g, "mY_GeV", s->dec.mY_GeV, err)
                         : fb_h5_attr_double(g, "mass_GeV", s->dec.mass_GeV, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "f_em", s->dec.f_em, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "f_nu", s->dec.f_nu, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "f_inv", s->dec.f_inv, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "n_pi_minus", s->dec.n_pi_minus, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "n_pi_plus", s->dec.n_pi_plus, err);
  if (rc == FB_OK) rc = fb_h5_attr_string(g, "eta_fixed", s->par.eta_at_bbn ? "bbn" : "cmb", err);
  H5Gclose(g);
  return rc;
}

static void bbnd_free(void *state) {
  bbnd_state *s = state;
  if (!s) return;
  bbn_tables_free(&s->tab);
  free(s);
}

const fb_model_ops fb_model_bbn_decay = {
    .name = "bbn_decay",
    .benchmark = "generic",
    .description = "BBN with a generic decaying particle over (tau, m Y) at fixed mass and injection fractions",
    .mass_name = "tau_s",
    .mass_units = "s",
    .mass_description = "lifetime of X (first axis; use mass_spacing = log)",
    .coupling_name = "mY_GeV",
    .coupling_units = "GeV",
    .coupling_description = "m_X n_X / s before decay (second axis; use coupling_spacing = log)",
    .n_quantities = sizeof bbnd_quantities / sizeof bbnd_quantities[0],
    .quantities = bbnd_quantities,
    .n_keys = sizeof bbnd_keys / sizeof bbnd_keys[0],
    .keys = bbnd_keys,
    .init = bbnd_init,
    .eval = bbnd_eval,
    .free = bbnd_free,
    .postprocess = bbnd_postprocess,
};

const fb_model_ops fb_model_bbn_decay_mass = {
    .name = "bbn_decay_mass",
    .benchmark = "generic",
    .description = "BBN with a generic decaying particle over (m_X, tau) at fixed abundance m Y and injection fractions",
    .mass_name = "mass_GeV",
    .mass_units = "GeV",
    .mass_description = "mass of X (first axis; use mass_spacing = log)",
    .coupling_name = "tau_s",
    .coupling_units = "s",
    .coupling_description = "lifetime of X (second axis; use coupling_spacing = log)",
    .n_quantities = sizeof bbnd_quantities / sizeof bbnd_quantities[0],
    .quantities = bbnd_quantities,
    .n_keys = sizeof bbndm_keys / sizeof bbndm_keys[0],
    .keys = bbndm_keys,
    .init = bbndm_init,
    .eval = bbnd_eval,
    .free = bbnd_free,
    .postprocess = bbnd_postprocess,
};
