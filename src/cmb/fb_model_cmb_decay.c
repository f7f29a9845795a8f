/**
 * @file fb_model_cmb_decay.c
 * @brief Scan model "cmb_decay": CMB bounds on a generic decaying particle over (tau, m Y_X) for a
 *        given mass and electromagnetic fraction f_em (src/cmb/fb_cmb.h).
 *
 * First axis (the grid's "mass" slot): the lifetime tau_s [s] (use mass_spacing = log).
 * Second axis (the "coupling" slot): m Y_X [GeV], Y_X = n_X/s before decays (coupling_spacing = log).
 * Per point: mu, y, Delta rho/rho, the anisotropy ratio R and the low-energy-injection flag
 * (daughters of energy m/2 with x = E/T(z_decay) < 100: not counted in the mu, y masks, no outline
 * there; fb_cmb.h). The first four are linear in m Y_X, so the
 * values at m Y_X = 1 GeV are computed once per lifetime and scaled (every point, in any order, is
 * computed the same way: results do not depend on the number of ranks).
 * The postprocess hook writes, for name in cmb_mu, cmb_y, cmb_anisotropies:
 *   /bounds/<name>/excluded  [n_tau][n_mY] uint8: the criterion holds at the grid point
 *   /bounds/<name>/mY_max_GeV [n_tau]: the largest allowed m Y_X at each grid lifetime (outline;
 *                             NaN where the mu, y treatment is flagged)
 * with attributes criterion, reference, f_em, mass_GeV.
 * Input section [cmb_decay] (inputs/explanatory.ini).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_cmb.h"
#include "fb_cmb_fisher.h"
#include "fb_cmb_internal.h"
#include "fb_h5.h"
#include "fb_model.h"

typedef struct cmbd_state {
  fb_cmb cmb;
  double f_em, mass_GeV;
  double cached_tau_s;       /**< NaN if none */
  fb_cmb_result unit;        /**< result at m Y_X = 1 GeV for cached_tau_s */
  int low_energy;            /**< fb_cmb_low_energy_injection at cached_tau_s */
} cmbd_state;

static const fb_quantity_spec cmbd_quantities[] = {
    {"mu", "", "mu distortion (heating Green's function projected onto the FIRAS band, or branching ratios of arXiv:1304.6120)"},
    {"y", "", "y distortion (Green's-function approximation)"},
    {"drho_rho", "", "electromagnetic energy released between z_min and z_max over rho_gamma (no thermalisation)"},
    {"R_aniso", "", "anisotropy ratio over the Planck annihilation bound (excluded if > 1; method aniso_method, fb_cmb.h)"},
    {"low_energy_injection", "", "1 where (m/2)/T(z_decay) < 100: heating treatment of mu, y not valid (fb_cmb.h)"},
    {"f_residual", "", "share of drho_rho left in the residual (r-type) distortion of the mu-y transition (FIRAS projection, "
                       "fb_cmb_result; 0 with distortion = branching, where it is not computed)"},
    {"E_dep_rec_eV_per_H", "eV", "energy deposited into the plasma per hydrogen nucleus from z ~ 1550 to 200 (the "
                                 "recombination grid of R_aniso; 0 with aniso_method = power, not computed)"},
};

static const fb_key_spec cmbd_keys[] = {
    {"cmb_decay", "mass_GeV", FB_KEY_DOUBLE, "0.1", 1e-12, 1e6, NULL, "GeV",
     "mass of the decaying particle (recorded; the bounds depend on m Y_X and f_em only)"},
    {"cmb_decay", "f_em", FB_KEY_DOUBLE, "1", 0.0, 1.0, NULL, "", "fraction of the mass released electromagnetically"},
    {"cmb_decay", "visibility", FB_KEY_CHOICE, "simple", 0, 0, "simple|improved", "",
     "J_bb: simple exp(-(z/z_mu)^(5/2)) or improved J_bb* of arXiv:1506.06582"},
    {"cmb_decay", "distortion", FB_KEY_CHOICE, "firas", 0, 0, "firas|branching", "",
     "mu, y: firas (Compton-evolved heating Green's function projected onto the FIRAS band, fb_cmb_green.c) or "
     "branching (1.401 J_bb J_mu, J_y/4 of arXiv:1304.6120)"},
    {"cmb_decay", "z_min", FB_KEY_DOUBLE, "1100", 0.0, 1e5, NULL, "", "lowest redshift of the distortion integrals"},
    {"cmb_decay", "z_eff", FB_KEY_DOUBLE, "600", 10.0, 1e4, NULL, "",
     "redshift of the late Delta x_e projection (window; 100..1200) or of the injected power (power) (arXiv:1109.6322)"},
    {"cmb_decay", "aniso_method", FB_KEY_CHOICE, "visibility", 0, 0, "window|window_max|power|visibility|visibility_post|fisher", "",
     "anisotropy bound: visibility (linear Delta x_e(z)/x_e weighted by the Thomson visibility, default), recombination "
     "window (Delta x_e at z_eff), window_max (also Delta x_e/x_e at z_star) or injected power at z_eff"},
    {"cmb_decay", "fisher_kernel", FB_KEY_CHOICE, "ideal", 0, 0, "ideal|planck_lowl", "",
     "aniso_method = fisher: ideal (white-noise Planck-143-like likelihood at l = 2-2500, inputs/cmb_fisher_kernel.dat) "
     "or planck_lowl (no TE/EE at l < 30, prior sigma(tau) = 0.007; inputs/cmb_fisher_kernel_planck.dat)"},
    {"cmb_decay", "chi_type", FB_KEY_CHOICE, "ck2004", 0, 0, "ck2004|galli2013", "",
     "ionisation/excitation split of the deposited energy: Chen & Kamionkowski (1 - x_e)/3 (astro-ph/0310473) or the "
     "table of Galli et al. arXiv:1306.0563"},
    {"cmb_decay", "rtol", FB_KEY_DOUBLE, "1e-7", 1e-12, 1e-2, NULL, "", "relative tolerance of the redshift integrals"},
    {"cmb_decay", "photon_E_GeV", FB_KEY_DOUBLE, "0", 0.0, 1e3, NULL, "GeV",
     "0: on-the-spot deposition (f_eff = 1); > 0 (>= 1e-9): the electromagnetic energy is injected as photons of this "
     "energy with the delayed energy-dependent deposition of src/cmb/fb_cmb_dep.h (not with aniso_method = power)"},
    {"cmb_decay", "pair_E_GeV", FB_KEY_DOUBLE, "0", 0.0, 1e3, NULL, "GeV",
     "0: no pair kernel; > m_e: the electromagnetic energy is injected as e+e- pairs whose leptons carry this total "
     "energy (fb_cmb_dep_set_pair; not together with photon_E_GeV)"},
};

static void cmbd_free(void *state) {
  cmbd_state *s = state;
  if (!s) return;
  fb_cmb_free(&s->cmb);
  free(s);
}

static int cmbd_init(void **state, const fb_config *cfg, fb_err *err) {
  cmbd_state *s = calloc(1, sizeof *s);
  FB_TEST(err, !s, FB_ERR_MEMORY, "cannot allocate the cmb_decay model state");
  fb_cmb_params p;
  fb_cmb_params_default(&p);
  p.jbb = strcmp(fb_config_get_string(cfg, "cmb_decay", "visibility"), "improved") ? FB_CMB_JBB_SIMPLE : FB_CMB_JBB_IMPROVED;
  p.z_min = fb_config_get_double(cfg, "cmb_decay", "z_min");
  {
    int rc0 = fb_cmb_dist_from_name(fb_config_get_string(cfg, "cmb_decay", "distortion"), &p.dist, err);
    if (rc0 != FB_OK) {
      free(s);
      return rc0;
    }
  }
  p.z_eff = fb_config_get_double(cfg, "cmb_decay", "z_eff");
  {
    int rc0 = fb_cmb_aniso_from_name(fb_config_get_string(cfg, "cmb_decay", "aniso_method"), &p.aniso, err);
    if (rc0 != FB_OK) {
      free(s);
      return rc0;
    }
  }
  {
    int rc0 = fb_cmb_fisher_kernel_from_name(fb_config_get_string(cfg, "cmb_decay", "fisher_kernel"), &p.fisher_kernel, err);
    if (rc0 != FB_OK) {
      free(s);
      return rc0;
    }
  }
  {
    int rc0 = fb_cmb_chi_from_name(fb_config_get_string(cfg, "cmb_decay", "chi_type"), &p.chi, err);
    if (rc0 != FB_OK) {
      free(s);
      return rc0;
    }
  }
  p.rtol = fb_config_get_double(cfg, "cmb_decay", "rtol");
  p.photon_E_GeV = fb_config_get_double(cfg, "cmb_decay", "photon_E_GeV");
  p.pair_E_GeV = fb_config_get_double(cfg, "cmb_decay", "pair_E_GeV");
  s->f_em = fb_config_get_double(cfg, "cmb_decay", "f_em");
  s->mass_GeV = fb_config_get_double(cfg, "cmb_decay", "mass_GeV");
  s->cached_tau_s = NAN;
  int rc = fb_cmb_init(&s->cmb, &p, err);
  if (rc != FB_OK) {
    cmbd_free(s);
    return fb_err_push(err, rc, __func__, __LINE__, "fb_cmb_init");
  }
  *state = s;
  return FB_OK;
}

static int ensure_unit(cmbd_state *s, double tau_s, fb_err *err) {
  if (s->cached_tau_s == tau_s) return FB_OK;
  s->cached_tau_s = NAN;
  FB_CALL(err, fb_cmb_decay_eval(&s->cmb, tau_s, 1.0, s->f_em, &s->unit, err));
  s->low_energy = fb_cmb_low_energy_injection(&s->cmb, s->mass_GeV, s->unit.z_decay);
  s->cached_tau_s = tau_s;
  return FB_OK;
}

static int cmbd_eval(void *state, double tau_s, double mY_GeV, double *out, fb_err *err) {
  cmbd_state *s = state;
  FB_TEST(err, !(tau_s > 0), FB_ERR_RANGE, "tau_s = %g must be > 0", tau_s);
  FB_TEST(err, !(mY_GeV >= 0), FB_ERR_RANGE, "mY_GeV = %g must be >= 0", mY_GeV);
  FB_CALL(err, ensure_unit(s, tau_s, err));
  out[0] = mY_GeV * s->unit.mu;
  out[1] = mY_GeV * s->unit.y;
  out[2] = mY_GeV * s->unit.drho_rho;
  out[3] = mY_GeV * s->unit.R_aniso;
  out[4] = s->low_energy;
  /* the scans refuse NaN: 0 where not computed (fb_cmb_result) */
  out[5] = isnan(s->unit.f_residual) ? 0.0 : s->unit.f_residual;
  out[6] = isnan(s->unit.E_dep_rec_eV_per_H) ? 0.0 : mY_GeV * s->unit.E_dep_rec_eV_per_H;
  return FB_OK;
}

/* One /bounds/<name> group: mask (value > limit), outline mY_max(tau) = limit / unit value. */
static int write_bound(cmbd_state *s, const fb_scan_view *v, hid_t file, const fb_cmb_bound_spec *b, size_t q,
                       fb_err *err) {
  size_t nm = v->n_mass, nc = v->n_coupling;
  unsigned char *mask = malloc(nm * nc);
  double *line = malloc(nm * sizeof *line);
  int rc = FB_OK;
  FB_TEST_GOTO(err, rc, !mask || !line, FB_ERR_MEMORY, done, "cannot allocate the %s arrays", b->name);
  for (size_t i = 0; i < nm; i++) {
    for (size_t j = 0; j < nc; j++) {
      size_t p = i * nc + j;
      /* mu, y (q = 0, 1) are not trusted where the injection is of low energy (quantity 4) */
      const int untrusted = q < 2 && v->values[4 * nm * nc + p] != 0.0;
      mask[p] = (unsigned char)(v->status[p] == 0 && !untrusted && fabs(v->values[q * nm * nc + p]) > b->limit);
    }
    line[i] = NAN;
    if (!(v->mass[i] > 0)) continue;
    FB_CALL_GOTO(err, rc, ensure_unit(s, v->mass[i], err), done);
    if (q < 2 && s->low_energy) continue;
    const double u = q == 0 ? s->unit.mu : q == 1 ? s->unit.y : s->unit.R_aniso;
    line[i] = fabs(u) > 0 ? b->limit / fabs(u) : INFINITY;
  }
  FB_CALL_GOTO(err, rc, fb_cmb_write_bound(file, b, mask, nm, nc, "axes", "first: tau_s [s]; second: mY_GeV [GeV]", err),
               done);
  {
    char path[256];
    hsize_t dl[1] = {nm};
    snprintf(path, sizeof path, "bounds/%s/mY_max_GeV", b->name);
    FB_CALL_GOTO(err, rc, fb_h5_dataset(file, path, H5T_NATIVE_DOUBLE, 1, dl, line, "GeV",
                                        "per grid lifetime: the largest allowed m Y_X (inf: no bound)", err), done);
    snprintf(path, sizeof path, "bounds/%s", b->name);
    hid_t g = fb_h5_group(file, path);
    FB_TEST_GOTO(err, rc, g < 0, FB_ERR_HDF5, done, "cannot open /%s", path);
    rc = fb_h5_attr_double(g, "f_em", s->f_em, err);
    if (rc == FB_OK) rc = fb_h5_attr_double(g, "mass_GeV", s->mass_GeV, err);
    H5Gclose(g);
  }
done:
  free(mask);
  free(line);
  return rc;
}

static int cmbd_postprocess(void *state, const fb_config *cfg, const fb_scan_view *v, hid_t file, fb_err *err) {
  (void)cfg;
  cmbd_state *s = state;
  fb_cmb_bound_spec b[FB_CMB_N_BOUNDS];
  fb_cmb_bound_specs(&s->cmb.par, "", b);
  /* quantity index of each bound: mu 0, y 1, R_aniso 3 */
  FB_CALL(err, write_bound(s, v, file, &b[FB_CMB_BOUND_MU], 0, err));
  FB_CALL(err, write_bound(s, v, file, &b[FB_CMB_BOUND_Y], 1, err));
  FB_CALL(err, write_bound(s, v, file, &b[FB_CMB_BOUND_ANISO], 3, err));
  return FB_OK;
}

const fb_model_ops fb_model_cmb_decay = {
    .name = "cmb_decay",
    .benchmark = "generic",
    .description = "CMB spectral distortions (FIRAS mu, y) and recombination-era injection (Planck) of a decaying particle",
    .mass_name = "tau_s",
    .mass_units = "s",
    .mass_description = "lifetime tau of the decaying particle",
    .coupling_name = "mY_GeV",
    .coupling_units = "GeV",
    .coupling_description = "m Y_X = m n_X/s before decays",
    .n_quantities = sizeof cmbd_quantities / sizeof cmbd_quantities[0],
    .quantities = cmbd_quantities,
    .n_keys = sizeof cmbd_keys / sizeof cmbd_keys[0],
    .keys = cmbd_keys,
    .init = cmbd_init,
    .eval = cmbd_eval,
    .free = cmbd_free,
    .postprocess = cmbd_postprocess,
};
