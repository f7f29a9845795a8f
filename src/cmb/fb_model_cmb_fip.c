/**
 * @file fb_model_cmb_fip.c
 * @brief Scan models "bc1_cmb", "bc9_cmb" and "bc11_cmb": the CMB bounds (fb_cmb.h) on the BC1 (m_A', epsilon),
 *        BC9 (m_a, g_agamma) and BC11 (m_a, 1/f_G) planes, with the lifetime and f_em from the benchmark's decays
 *        (src/models/fb_fip.h) and an ABUNDANCE ASSUMPTION, labelled in the output:
 *          [cmb_fip] abundance = freezein: inverse-decay freeze-in in vacuum (fb_cmb_freezein_yield),
 *            plus for bc1 (since branch bc1papers) the resonant conversion and 2 -> 2 scatterings of
 *            src/production/fb_prod_bc1.c, the abundance of bc1_bbn / bc1_photodis in the freeze-in
 *            regime (before, bc1_cmb had 0.59-0.78 of their m Y at 3-500 MeV); for bc9 (since
 *            session 8) Primakoff production as bc9_bbn / bc9_photodis (before: inverse decays only);
 *            points where it would exceed the relativistic equilibrium yield (the particle
 *            thermalises, its relic abundance is then set by freeze-out, not computed here) are
 *            marked by quantity `thermalised` = 1 and never counted as excluded;
 *          abundance = thermal: a relic that decoupled while relativistic at [cmb_fip] T_dec_GeV,
 *            Y = 45 zeta(3) g/(2 pi^4 g_*s(T_dec)) (e.g. Kolb & Turner, The Early Universe, eq. 5.40),
 *            independent of the coupling (valid where the coupling kept it in equilibrium until T_dec);
 *          abundance = omega_fraction: m Y_X = f Omega_c h^2 (rho_crit/h^2)/s0 with f =
 *            [cmb_fip] omega_fraction (a stated fraction of the dark-matter density before decays).
 *        Points whose daughters (energy m/2) are injected with x = E/T(z_decay) < 100 are marked
 *        `low_energy_injection` and not counted in the mu and y masks (the heating treatment of the
 *        distortions needs x >> 1; Chluba arXiv:1506.06582).
 * "bc4_cmb" (m_S, sin^2 theta) and "bc11_cmb" (m_a, 1/f_G): the same, and with abundance = freezein the
 * freeze-in yield of the production by scatterings (bc4: Higgs-like, bc9: Primakoff, bc11: gluon/pion/Primakoff) is added;
 * (scattering_yield, src/production/fb_prod_bc4.c, fb_prod_bc11.c; ~ coupling^power like the rest).
 * Per mass the decay record at coupling 1 and the coupling-1 freeze-in yield are computed once;
 * tau ~ coupling^-power and Y_FI ~ coupling^power (widths ~ coupling^power) at fixed mass.
 * Quantities: tau_s, f_em, mY_GeV, mu, y, R_aniso, thermalised, low_energy_injection, E_dep_GeV, dep_spectrum (branch
 * cmbmix: 1 where R_aniso uses the mixed-channel kernel of the decay's injected spectrum). Postprocess: /bounds/cmb_mu,
 * /bounds/cmb_y, /bounds/cmb_anisotropies (excluded masks; attributes criterion, reference,
 * abundance assumption). Input section [cmb_fip] (inputs/explanatory.ini).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_cmb.h"
#include "fb_cmb_dep.h"
#include "fb_cmb_internal.h"
#include "fb_config.h"
#include "fb_constants.h"
#include "fb_fip.h"
#include "fb_h5.h"
#include "fb_model.h"
#include "fb_production.h"

#include <gsl/gsl_sf_bessel.h>

enum { ABUND_FREEZEIN = 0, ABUND_THERMAL = 1, ABUND_OMEGA = 2 };

/* scattering freeze-in (scattering_yield): Simpson intervals in ln T (from [cmb_fip] T_RH_GeV down) */
#define CMBF_SCAT_N 1000


typedef struct cmbf_state {
  const fb_fip_ops *ops;
  void *fip;                 /**< the particle model's state */
  fb_config fip_cfg;         /**< its default options */
  fb_cmb cmb;
  fb_thermo th;
  int abundance;             /**< ABUND_FREEZEIN, ABUND_THERMAL or ABUND_OMEGA */
  double omega_fraction, T_dec_GeV, T_RH_GeV, g_dof;
  double cached_mass;        /**< NaN if none */
  double tau1_s, f_em, Y1, Yeq; /**< at coupling 1 for cached_mass */
  double Y1_TRH10;           /**< Y1 with the scatterings' freeze-in from T_RH/10 (abundance_TRH_change) */
  int deposition;            /**< DEP_AUTO, DEP_ON_THE_SPOT, DEP_PHOTON_LINE, DEP_PAIR_LINE or DEP_SPECTRUM ([cmb_fip] deposition) */
  double E_line_GeV;         /**< E_dep_GeV at cached_mass: photon energy (> 0), -lepton energy (< 0), 0 on the spot */
  int spectrum;              /**< 1: the mixed-channel spectrum kernel at cached_mass (quantity dep_spectrum) */
  fb_production prod;        /**< bc1, bc4, bc9, bc11: production by scatterings added to the freeze-in (ops NULL: none) */
  fb_production_table ptab;  /**< bc1: its rate per mass as bin averages (the resonant window), as bc1_photodis */
  char label[320];
} cmbf_state;

static const fb_quantity_spec cmbf_quantities[] = {
    {"tau_s", "s", "lifetime of the benchmark particle"},
    {"f_em", "", "fraction of its mass released electromagnetically (fb_cmb_f_em_from_decay)"},
    {"mY_GeV", "GeV", "m Y_X before decays under the [cmb_fip] abundance assumption"},
    {"mu", "", "mu distortion (Green's-function approximation)"},
    {"y", "", "y distortion (Green's-function approximation)"},
    {"R_aniso", "", "anisotropy ratio over the Planck annihilation bound (excluded if > 1; visibility-weighted Delta x_e, fb_cmb.h)"},
    {"thermalised", "", "1 where the freeze-in yield would exceed the equilibrium yield (assumption invalid)"},
    {"low_energy_injection", "", "1 where (m/2)/T(z_decay) < 100: heating treatment of mu, y not valid (fb_cmb.h)"},
    {"E_dep_GeV", "GeV", "energy of the delayed deposition of R_aniso ([cmb_fip] deposition): photon energy (> 0), minus the lepton energy of a pair line (< 0), 0 on the spot or with the spectrum kernel"},
    {"dep_spectrum", "", "1 where R_aniso uses the mixed-channel kernel of the decay's injected photon and e+- spectrum (fb_cmb_spectrum_from_decay; branch cmbmix), else 0"},
    {"abundance_TRH_change", "", "relative change of mY_GeV when T_RH is lowered tenfold (abundance = freezein with "
                                 "scatterings; 0 otherwise): |change| > 0.1 means the band depends on T_RH"},
    {"f_residual", "", "share of drho_rho left in the residual (r-type) distortion of the mu-y transition (FIRAS projection, "
                       "fb_cmb_result; 0 where not computed: distortion = branching or m Y = 0)"},
    {"E_dep_rec_eV_per_H", "eV", "energy deposited into the plasma per hydrogen nucleus from z ~ 1550 to 200 with the "
                                 "deposition of R_aniso (fb_cmb_result; 0 with aniso_method = power, not computed)"},
};

enum { DEP_AUTO = 0, DEP_ON_THE_SPOT = 1, DEP_PHOTON_LINE = 2, DEP_PAIR_LINE = 3, DEP_SPECTRUM = 4, DEP_LINES = 5 };

static const fb_key_spec cmbf_keys[] = {
    {"cmb_fip", "deposition", FB_KEY_CHOICE, "auto", 0, 0, "auto|on_the_spot|photon_line|pair_line|spectrum|lines", "",
     "energy deposition of the recombination-era bound: photon_line = photons of E = m/2 with the delayed, "
     "energy-dependent deposition of src/cmb/fb_cmb_dep.h; pair_line = e+e- of total energy E = m/2 each "
     "(fb_cmb_dep_set_pair; its f_eff validated against Slatyer arXiv:1506.03811); on_the_spot = f_eff = 1; auto = "
     "photon_line where the decay is a two-photon line (>= 99% of f_em in 2 photons, m/2 in [1e-9, 1e3] GeV), "
     "pair_line where it is an e+e- line (>= 99% of f_em in e+e-, kinetic energy m/2 - m_e in [5e-6, 400] GeV: "
     "bc1 below 2 m_mu), else spectrum where the decay's cascaded photons and e+- carry >= 50% of f_em, else "
     "on_the_spot; spectrum = the mixed-channel kernel of the injected photon and e+- spectrum (lines, pi0 photons, "
     "Michel e+- of mu and pi+-, kaon products; src/cmb/fb_cmb_mix.c, branch cmbmix); lines = auto without the "
     "spectrum kernel (the auto of before branch cmbmix: on the spot where the decay is not a line)"},
    {"cmb_fip", "compton", FB_KEY_CHOICE, "discrete", 0, 0, "discrete|continuous", "",
     "Compton scattering of the photons in the deposition kernels (src/cmb/fb_cmb_dep.h): discrete = Klein-Nishina "
     "scattering, the scattered photons redistributed in energy (branch compton); continuous = a continuous energy "
     "loss on one track (the model before branch compton; comparison option)"},
    {"cmb_fip", "photon_grid", FB_KEY_CHOICE, "tracks", 0, 0, "tracks|advected|fine_tracks|fine_advected", "",
     "secondary photon grid of the deposition kernels (src/cmb/fb_cmb_dep.h): advected = every bin advected on the grid "
     "(default; its upper edges of the CMB bands are not grid-converged), tracks = photons of 1-51 keV follow exact "
     "continuous-loss tracks (branch cmbgrid: converged upper edges, ~20 % more CPU), fine_tracks / fine_advected = the "
     "same on the uniform 10^(1/12) reference grid (~10x slower; resolution checks)"},
    {"cmb_fip", "abundance", FB_KEY_CHOICE, "freezein", 0, 0, "freezein|thermal|omega_fraction", "",
     "abundance assumption: freeze-in by inverse decays (and scatterings: bc1, bc4, bc9 Primakoff, bc11), "
     "relativistic decoupling at T_dec_GeV, or a "
     "fraction of Omega_c"},
    {"cmb_fip", "T_dec_GeV", FB_KEY_DOUBLE, "1e3", 1e-3, 1e5, NULL, "GeV",
     "decoupling temperature when abundance = thermal: Y = 45 zeta3 g/(2 pi^4 g_*s(T_dec))"},
    {"cmb_fip", "omega_fraction", FB_KEY_DOUBLE, "1e-6", 0.0, 1.0, NULL, "",
     "Omega_X/Omega_c before decays when abundance = omega_fraction"},
    {"cmb_fip", "T_RH_GeV", FB_KEY_DOUBLE, "1000", 1e-2, 1e5, NULL, "GeV",
     "bc1_cmb, bc4_cmb, bc11_cmb with abundance = freezein: start of the freeze-in by scatterings (as T_RH_GeV of "
     "the BBN and photodisintegration planes)"},
};

static void cmbf_free(void *state) {
  cmbf_state *s = state;
  if (!s) return;
  if (s->fip && s->ops->free) s->ops->free(s->fip);
  fb_config_free(&s->fip_cfg);
  fb_production_free(&s->prod);
  fb_production_table_free(&s->ptab);
  fb_cmb_free(&s->cmb);
  fb_thermo_free(&s->th);
  free(s);
}

static int cmbf_init(void **state, const fb_config *cfg, const char *fip_name, double g_dof, fb_err *err) {
  cmbf_state *s = calloc(1, sizeof *s);
  FB_TEST(err, !s, FB_ERR_MEMORY, "cannot allocate the CMB benchmark model state");
  int rc;
  s->ops = fb_fip_find(fip_name, NULL);
  FB_TEST_GOTO(err, rc, !s->ops || !s->ops->decay, FB_ERR_INTERNAL, fail, "particle model %s unavailable", fip_name);
  s->g_dof = g_dof;
  s->cached_mass = NAN;
  const char *ab = fb_config_get_string(cfg, "cmb_fip", "abundance");
  s->abundance = !strcmp(ab, "freezein") ? ABUND_FREEZEIN : !strcmp(ab, "thermal") ? ABUND_THERMAL : ABUND_OMEGA;
  s->omega_fraction = fb_config_get_double(cfg, "cmb_fip", "omega_fraction");
  s->T_dec_GeV = fb_config_get_double(cfg, "cmb_fip", "T_dec_GeV");
  s->T_RH_GeV = fb_config_get_double(cfg, "cmb_fip", "T_RH_GeV");
  {
    const char *dep = fb_config_get_string(cfg, "cmb_fip", "deposition");
    s->deposition = !strcmp(dep, "photon_line")   ? DEP_PHOTON_LINE
                    : !strcmp(dep, "pair_line")   ? DEP_PAIR_LINE
                    : !strcmp(dep, "on_the_spot") ? DEP_ON_THE_SPOT
                    : !strcmp(dep, "spectrum")    ? DEP_SPECTRUM
                    : !strcmp(dep, "lines")       ? DEP_LINES
                                                  : DEP_AUTO;
  }
  /* the particle model with the run's keys (e.g. [bc4] light_hadrons), as on every plane of the benchmark */
  FB_CALL_GOTO(err, rc, fb_fip_config_from(s->ops, cfg, &s->fip_cfg, err), fail);
  if (s->ops->init) FB_CALL_GOTO(err, rc, s->ops->init(&s->fip, &s->fip_cfg, err), fail);
  fb_cmb_params p;
  fb_cmb_params_default(&p);
  p.compton_continuous = !strcmp(fb_config_get_string(cfg, "cmb_fip", "compton"), "continuous");
  FB_CALL_GOTO(err, rc, fb_cmb_photon_grid_from_name(fb_config_get_string(cfg, "cmb_fip", "photon_grid"), &p, err), fail);
  FB_CALL_GOTO(err, rc, fb_cmb_init(&s->cmb, &p, err), fail);
  FB_CALL_GOTO(err, rc, fb_thermo_init(&s->th, err), fail);
  if (s->abundance == ABUND_FREEZEIN)
    snprintf(s->label, sizeof s->label,
             "ASSUMPTION: freeze-in by inverse decays in vacuum (g = %g; fb_cmb_freezein_yield; lower estimate, no "
             "production by scatterings); thermalised points never excluded",
             g_dof);
  else if (s->abundance == ABUND_THERMAL)
    snprintf(s->label, sizeof s->label,
             "ASSUMPTION: thermal relic decoupled while relativistic at T_dec = %g GeV (g = %g, Y = 45 zeta3 g/(2 pi^4 "
             "g_*s(T_dec)), no dilution afterwards), whatever the coupling",
             s->T_dec_GeV, g_dof);
  else
    snprintf(s->label, sizeof s->label, "ASSUMPTION: Omega_X/Omega_c = %g before decays", s->omega_fraction);
  *state = s;
  return FB_OK;
fail:
  cmbf_free(s);
  return rc;
}

/* The BC9 ALP (1 state): inverse decays and Primakoff production (src/production, as bc9_bbn and bc9_photodis;
 * before, inverse decays alone gave 1e-4 of their m Y at 10-100 MeV, g = 1e-15) */
static int bc9cmb_init(void **state, const fb_config *cfg, fb_err *err);
/* bc1 (3 polarisations), bc4, bc11 (1 state each); with abundance = freezein the benchmark's production by
 * scatterings (src/production: bc1 resonant conversion and 2 -> 2, bc4 Higgs-like, bc11 gluon/pion/Primakoff)
 * is added to the inverse decays (the abundance of bcN_bbn / bcN_photodis in the freeze-in regime) */
static int cmbf_init_scat(void **state, const fb_config *cfg, const char *fip, double g_dof, fb_err *err) {
  FB_CALL(err, cmbf_init(state, cfg, fip, g_dof, err));
  cmbf_state *s = *state;
  if (s->abundance == ABUND_FREEZEIN) {
    FB_CALL(err, fb_production_init(&s->prod, fip, cfg, err));
    snprintf(s->label, sizeof s->label,
             "ASSUMPTION: freeze-in (no back-reaction) by inverse decays in vacuum and by %s, from T = %g GeV "
             "(g = %g); thermalised points never excluded",
             s->prod.ops->processes, s->T_RH_GeV, g_dof);
  }
  return FB_OK;
}
static int bc1cmb_init(void **state, const fb_config *cfg, fb_err *err) { return cmbf_init_scat(state, cfg, "bc1", 3.0, err); }
static int bc4cmb_init(void **state, const fb_config *cfg, fb_err *err) { return cmbf_init_scat(state, cfg, "bc4", 1.0, err); }
static int bc11cmb_init(void **state, const fb_config *cfg, fb_err *err) { return cmbf_init_scat(state, cfg, "bc11", 1.0, err); }
static int bc9cmb_init(void **state, const fb_config *cfg, fb_err *err) { return cmbf_init_scat(state, cfg, "bc9", 1.0, err); }

/* Freeze-in yield of the production by scatterings (no back-reaction):
 *   Y = int Gamma_scat(T) Y_eq(T) (1 + dln g_*s/dln T / 3) / H(T) dln T
 * from T_hi = [cmb_fip] T_RH_GeV down to max(m/50, 1 keV) (the relaxation form of src/bbn/bbn_abundance.c in
 * the limit Y << Y_eq; Y_eq = n_eq/s with the MB n_eq = g m^2 T K2(m/T)/(2 pi^2)); Simpson's rule on
 * CMBF_SCAT_N intervals in ln T (the QCD and electroweak crossovers of the rate are tanh steps of
 * width >= 0.05 in ln T, the interval <= 0.02 for m >= 1 MeV; 1000 instead of 3000 intervals changes m Y by
 * < 3e-3 on bc1 (its resonant window, 3 MeV) and < 4e-5 on bc4, bc9, bc11 at 3 MeV - 1.5 GeV, session 8: the
 * Primakoff yield of bc9_cmb made the main job 603 s). */
static double scattering_yield(const fb_thermo *th, double (*rate)(double T_GeV, void *user), void *user, double m,
                               double g, double T_hi_GeV, double *y_TRH10) {
  const double a = log(fmax(m / 50.0, 1e-6)), b = log(T_hi_GeV), h = (b - a) / CMBF_SCAT_N;
  /* *y_TRH10: the same integral from T_hi/10 (abundance_TRH_change, issue 14 item 1), from the same integrand
   * values: trapezoids up to the last node below ln(T_hi/10) and the linearly interpolated part interval beyond
   * (O(h^2) ~ 1e-4 relative; it only decides a 10 % criterion), so that it costs no rate evaluation */
  const double b10 = b - log(10.0);
  double sum = 0.0, trap = 0.0, f_prev = 0.0;
  *y_TRH10 = 0.0;
  for (int i = 0; i <= CMBF_SCAT_N; ++i) {
    const double T = exp(a + i * h), x = m / T;
    const double neq = x > 600.0 ? 0.0
                                 : (x < 1e-4 ? g * T * T * T / (FB_PI * FB_PI)
                                             : g * m * m * T * gsl_sf_bessel_Kn(2, x) / (2.0 * FB_PI * FB_PI));
    const double gr = fb_thermo_gstar_rho(th, T), gs = fb_thermo_gstar_s(th, T);
    const double H = sqrt(FB_PI * FB_PI / 30.0 * gr / 3.0) * T * T / FB_MPL_REDUCED_GEV;
    const double sden = 2.0 * FB_PI * FB_PI / 45.0 * gs * T * T * T;
    const double f = neq > 0.0 ? rate(T, user) * neq / sden / H *
                                     (1.0 + fb_thermo_dlngs_dlnT(th, T) / 3.0)
                               : 0.0;
    sum += (i == 0 || i == CMBF_SCAT_N ? 1.0 : (i % 2 ? 4.0 : 2.0)) * f;
    const double x0 = a + (i - 1) * h;
    if (i > 0 && x0 < b10) {
      const double w = fmin(b10 - x0, h); /* the part of [x0, x0 + h] below ln(T_hi/10) */
      trap += 0.5 * w * (2.0 * f_prev + (f - f_prev) * w / h);
    }
    f_prev = f;
  }
  *y_TRH10 = trap;
  return sum * h / 3.0;
}

/* The deposition of a mass ([cmb_fip] deposition; returns E_dep_GeV: photon energy > 0, minus the lepton's total
 * energy of a pair line < 0, 0 on the spot). auto:
 *  - two-photon line (photon multiplicity 2 within 0.02, >= 99 % of f_em in photons) with E = m/2 in the photon
 *    kernel's range [FB_CMB_DEP_E_MIN_GEV, FB_CMB_DEP_E_MAX_GEV]: photons of E = m/2;
 *  - e+e- line (e+- multiplicity 2 within 0.02, >= 99 % of f_em in e+-: BC1 A' -> e+e- below 2 m_mu, BC4 S -> e+e-
 *    where its gamma gamma share is < 1 %) with each lepton's KINETIC energy T = m/2 - m_e in the range where the
 *    pair kernel was validated against Slatyer arXiv:1506.03811's f_eff for e+e- (test_feff_slatyer_pair, T = 5 keV -
 *    400 GeV: ratios 0.75-1.02): e+e- of total energy E = m/2 each (fb_cmb_set_pair_energy takes the TOTAL energy
 *    and deposits T = E - m_e through the electron cascade plus the 2 x 511 keV annihilation photons);
 *  - anything else (mixed channels: BC1 above 2 m_mu with e+e-, mu+mu- and hadrons, BC4 above 2 m_mu, BC11 above
 *    3 m_pi; three-photon decays; lines outside the ranges above) returns 0 here; since branch cmbmix ensure_mass
 *    then uses the mixed-channel spectrum kernel (cmbf_spectrum_deposition) where the decay's cascaded photons and
 *    e+- carry >= CMBF_SPEC_MIN_SHARE of f_em, else on the spot (f_eff = 1). DEP_LINES is auto without that step. */
#define CMBF_PAIR_T_MIN_GEV 5.0e-6 /* lowest / highest lepton kinetic energy of test_feff_slatyer_pair */
#define CMBF_PAIR_T_MAX_GEV 4.0e2
static double cmbf_auto_deposition(int deposition, double mass_GeV, const fb_decay *d, double f_em) {
  const double E = 0.5 * mass_GeV, T = E - FB_ME_GEV;
  if (deposition == DEP_PHOTON_LINE) return E;
  if (deposition == DEP_PAIR_LINE) return -E;
  if ((deposition != DEP_AUTO && deposition != DEP_LINES) || !(f_em > 0)) return 0.0;
  const int gline = fabs(d->mult[FB_DC_PHOTON] - 2.0) < 0.02 && d->efrac[FB_DC_PHOTON] >= 0.99 * f_em;
  if (gline && E >= FB_CMB_DEP_E_MIN_GEV && E <= FB_CMB_DEP_E_MAX_GEV) return E;
  const int eline = fabs(d->mult[FB_DC_ELECTRON] - 2.0) < 0.02 && d->efrac[FB_DC_ELECTRON] >= 0.99 * f_em;
  if (eline && T >= CMBF_PAIR_T_MIN_GEV && T <= CMBF_PAIR_T_MAX_GEV) return -E;
  return 0.0;
}

/* The mixed-channel kernel (branch cmbmix): where auto finds no line (or deposition = spectrum), the kernel of the
 * decay's injected photon and e+- spectrum (fb_cmb_spectrum_from_decay) if its cascaded photons and e+- carry at least
 * CMBF_SPEC_MIN_SHARE of f_em (auto; the amplitude stays f_em m Y, so the spectrum gives the shape of the deposition and
 * the classes it leaves out (tau, nucleons, other hadrons) are deposited like it); else on the spot. */
#define CMBF_SPEC_MIN_SHARE 0.5
static int cmbf_spectrum_deposition(cmbf_state *s, const fb_decay *d, fb_err *err) {
  fb_cmb_dep_spectrum sp;
  double f_casc = 0.0;
  const int rc = fb_cmb_spectrum_from_decay(d, &sp, &f_casc, err);
  if (rc == FB_ERR_RANGE && s->deposition == DEP_AUTO) { /* nothing cascaded: on the spot */
    fb_err_clear(err);
    return FB_OK;
  }
  FB_CALL(err, rc);
  if (s->deposition == DEP_AUTO && f_casc < CMBF_SPEC_MIN_SHARE * s->f_em) return FB_OK;
  FB_CALL(err, fb_cmb_set_spectrum(&s->cmb, &sp, err));
  s->spectrum = 1;
  return FB_OK;
}

static int ensure_mass(cmbf_state *s, double mass_GeV, fb_err *err) {
  if (mass_GeV == s->cached_mass) return FB_OK;
  s->cached_mass = NAN;
  FB_CALL(err, fb_fip_check_point(s->ops, mass_GeV, 1e-30, err));
  fb_decay d;
  FB_CALL(err, s->ops->decay(s->fip, mass_GeV, 1.0, &d, err));
  FB_TEST(err, !(d.width_GeV > 0), FB_ERR_RANGE, "model %s has no decay at mass %g GeV", s->ops->name, mass_GeV);
  s->tau1_s = d.tau_s;
  s->f_em = fb_cmb_f_em_from_decay(&d);
  s->Y1 = s->Y1_TRH10 = 0.0;
  if (s->abundance == ABUND_FREEZEIN)
    FB_CALL(err, fb_cmb_freezein_yield(&s->th, mass_GeV, d.width_GeV, s->g_dof, &s->Y1, err));
  if (s->abundance == ABUND_FREEZEIN && s->prod.ops) {
    double y = 0.0, y10 = 0.0;
    if (s->T_RH_GeV > mass_GeV / 50.0) {
      fb_production_point pt = {&s->prod, mass_GeV, 1.0};
      fb_production_table_point tpt = {&s->ptab, 1.0};
      const int tab = s->prod.ops->rate_bin_GeV != NULL; /* bc1: bin averages keep the resonant window's integral */
      if (tab)
        FB_CALL(err, fb_production_table_build(&s->ptab, &s->prod, mass_GeV, s->ops->coupling_power,
                                               0.99 * fmax(mass_GeV / 50.0, 1e-6), 1.01 * s->T_RH_GeV,
                                               FB_PRODUCTION_TABLE_PER_EFOLD, err));
      y = tab ? scattering_yield(&s->th, fb_production_table_callback, &tpt, mass_GeV, s->g_dof, s->T_RH_GeV, &y10)
              : scattering_yield(&s->th, fb_production_callback, &pt, mass_GeV, s->g_dof, s->T_RH_GeV, &y10);
    }
    FB_TEST(err, !isfinite(y), FB_ERR_NUMERIC, "scattering freeze-in yield at m = %g GeV is not finite", mass_GeV);
    /* the reheating dependence (issue 14 item 1, as abundance_TRH_change of the bcN_bbn planes): the same yield
     * from T_RH/10, a by-product of the integral above */
    s->Y1_TRH10 = s->Y1 + y10;
    s->Y1 += y; /* ~ coupling^power, as the inverse-decay one */
  } else {
    s->Y1_TRH10 = s->Y1;
  }
  s->Yeq = fb_cmb_equilibrium_yield_boson(&s->th, mass_GeV, s->g_dof);
  /* deposition (cmbf_auto_deposition): the photon kernel of fb_cmb_dep.h for a two-photon line, the pair kernel
   * for an e+e- line; E_line_GeV > 0 photon energy, < 0 minus the lepton's total energy, 0 on the spot */
  s->E_line_GeV = s->deposition == DEP_SPECTRUM ? 0.0 : cmbf_auto_deposition(s->deposition, mass_GeV, &d, s->f_em);
  s->spectrum = 0;
  if (s->E_line_GeV < 0)
    FB_CALL(err, fb_cmb_set_pair_energy(&s->cmb, -s->E_line_GeV, err));
  else
    FB_CALL(err, fb_cmb_set_photon_energy(&s->cmb, s->E_line_GeV, err));
  if (s->E_line_GeV == 0.0 && s->f_em > 0 && (s->deposition == DEP_AUTO || s->deposition == DEP_SPECTRUM))
    FB_CALL(err, cmbf_spectrum_deposition(s, &d, err));
  s->cached_mass = mass_GeV;
  return FB_OK;
}

static int cmbf_eval(void *state, double mass_GeV, double coupling, double *out, fb_err *err) {
  cmbf_state *s = state;
  FB_CALL(err, fb_fip_check_point(s->ops, mass_GeV, coupling, err));
  FB_CALL(err, ensure_mass(s, mass_GeV, err));
  const double scale = pow(coupling, s->ops->coupling_power);
  const double tau = s->tau1_s / scale;
  double mY, thermalised = 0.0, trh_change = 0.0;
  if (s->abundance == ABUND_FREEZEIN) {
    const double Y = s->Y1 * scale;
    thermalised = Y > s->Yeq ? 1.0 : 0.0;
    mY = mass_GeV * fmin(Y, s->Yeq);
    if (Y > 0.0) trh_change = fmin(s->Y1_TRH10 * scale, s->Yeq) / fmin(Y, s->Yeq) - 1.0;
  } else if (s->abundance == ABUND_THERMAL) {
    mY = mass_GeV * fb_cmb_equilibrium_yield_boson(&s->th, s->T_dec_GeV, s->g_dof);
  } else {
    mY = s->omega_fraction * FB_OMEGA_C_H2_PLANCK * FB_RHO_CRIT_H2_GEV_CM3 / s->cmb.s0_cm3;
  }
  fb_cmb_result r;
  FB_CALL(err, fb_cmb_decay_eval(&s->cmb, tau, mY, s->f_em, &r, err));
  out[0] = tau;
  out[1] = s->f_em;
  out[2] = mY;
  out[3] = r.mu;
  out[4] = r.y;
  out[5] = r.R_aniso;
  out[6] = thermalised;
  out[7] = fb_cmb_low_energy_injection(&s->cmb, mass_GeV, r.z_decay);
  out[8] = s->E_line_GeV;
  out[9] = s->spectrum;
  out[10] = trh_change;
  /* the scans refuse NaN: 0 where not computed (fb_cmb_result) */
  out[11] = isnan(r.f_residual) ? 0.0 : r.f_residual;
  out[12] = isnan(r.E_dep_rec_eV_per_H) ? 0.0 : r.E_dep_rec_eV_per_H;
  return FB_OK;
}

/* the abundance assumption (attribute abundance of the /bounds/cmb_* groups) */
static const char *cmbf_assumption(const void *state) { return ((const cmbf_state *)state)->label; }

static int cmbf_postprocess(void *state, const fb_config *cfg, const fb_scan_view *v, hid_t file, fb_err *err) {
  (void)cfg;
  cmbf_state *s = state;
  const size_t nm = v->n_mass, nc = v->n_coupling, np = nm * nc;
  fb_cmb_bound_spec b[FB_CMB_N_BOUNDS];
  static const char *dep_name[] = {"auto (photons of E = m/2, or e+e- of E = m/2 each, with the delayed "
                                   "energy-dependent deposition of src/cmb/fb_cmb_dep.h where the decay is a two-photon "
                                   "or an e+e- line, else the kernel of the decay's injected photon and e+- spectrum "
                                   "where they carry >= 50% of f_em (quantity dep_spectrum), else on the spot; quantity "
                                   "E_dep_GeV)",
                                   "on the spot (f_eff = 1)",
                                   "photons of E = m/2 with the delayed energy-dependent deposition of src/cmb/fb_cmb_dep.h",
                                   "e+e- pairs of E = m/2 each with the delayed deposition of src/cmb/fb_cmb_dep.h",
                                   "the kernel of the decay's injected photon and e+- spectrum (src/cmb/fb_cmb_mix.c)",
                                   "lines (photons or e+e- of E = m/2 with the delayed deposition of src/cmb/fb_cmb_dep.h "
                                   "where the decay is a line, else on the spot)"};
  char cond[800];
  snprintf(cond, sizeof cond, " under the stated abundance assumption (attribute abundance); deposition: %s",
           dep_name[s->deposition]);
  fb_cmb_bound_specs(&s->cmb.par, cond, b);
  /* mu, y, R_aniso in the quantity table; 6 = thermalised, 7 = low_energy_injection (mu, y only) */
  const size_t q[FB_CMB_N_BOUNDS] = {3, 4, 5};
  unsigned char *mask = malloc(np);
  FB_TEST(err, !mask, FB_ERR_MEMORY, "cannot allocate the CMB masks");
  int rc = FB_OK;
  for (int k = 0; k < FB_CMB_N_BOUNDS && rc == FB_OK; k++) {
    for (size_t p = 0; p < np; p++)
      mask[p] = (unsigned char)(v->status[p] == 0 && v->values[6 * np + p] == 0.0 &&
                                (k == FB_CMB_BOUND_ANISO || v->values[7 * np + p] == 0.0) &&
                                fabs(v->values[q[k] * np + p]) > b[k].limit);
    rc = fb_cmb_write_bound(file, &b[k], mask, nm, nc, "abundance", s->label, err);
    if (rc == FB_OK) { /* the outline: lowest and highest excluded coupling per mass */
      char gpath[96];
      snprintf(gpath, sizeof gpath, "bounds/%s", b[k].name);
      rc = fb_h5_mask_edges(file, gpath, nm, nc, v->mass, v->coupling, mask,
                            "mass_GeV, lowest excluded coupling, highest excluded coupling", err);
    }
    /* freeze-in by scatterings from T_RH: T_RH and how many excluded points change their m Y by more than 10 %
     * when T_RH is lowered tenfold (quantity abundance_TRH_change; as /bounds/bbn of fb_model_bbn_fip.c) */
    if (rc == FB_OK && s->abundance == ABUND_FREEZEIN && s->prod.ops) {
      long n_ex = 0, n_sens = 0;
      for (size_t p = 0; p < np; p++) {
        n_ex += mask[p];
        n_sens += mask[p] && fabs(v->values[10 * np + p]) > 0.1;
      }
      char path[96];
      snprintf(path, sizeof path, "bounds/%s", b[k].name);
      hid_t g = fb_h5_group(file, path);
      if (g < 0) {
        rc = fb_err_set(err, FB_ERR_HDF5, __func__, __LINE__, "cannot open /%s", path);
        break;
      }
      rc = fb_h5_attr_double(g, "T_RH_GeV", s->T_RH_GeV, err);
      if (rc == FB_OK) rc = fb_h5_attr_long(g, "n_excluded", n_ex, err);
      if (rc == FB_OK) rc = fb_h5_attr_long(g, "n_excluded_TRH_sensitive", n_sens, err);
      H5Gclose(g);
    }
  }
  free(mask);
  return rc;
}

const fb_model_ops fb_model_bc1_cmb = {
    .name = "bc1_cmb",
    .benchmark = "BC1",
    .description = "CMB distortions and recombination-era injection on the BC1 plane (abundance: stated assumption)",
    FB_MODEL_AXES(BC1),
    .n_quantities = sizeof cmbf_quantities / sizeof cmbf_quantities[0],
    .quantities = cmbf_quantities,
    .n_keys = sizeof cmbf_keys / sizeof cmbf_keys[0],
    .keys = cmbf_keys,
    .init = bc1cmb_init,
    .eval = cmbf_eval,
    .free = cmbf_free,
    .postprocess = cmbf_postprocess,
    .assumption = cmbf_assumption,
};

const fb_model_ops fb_model_bc4_cmb = {
    .name = "bc4_cmb",
    .benchmark = "BC4",
    .description = "CMB distortions and recombination-era injection on the BC4 plane (abundance: stated assumption; "
                   "freeze-in includes the Higgs-like scatterings)",
    FB_MODEL_AXES(BC4),
    .n_quantities = sizeof cmbf_quantities / sizeof cmbf_quantities[0],
    .quantities = cmbf_quantities,
    .n_keys = 0, /* reads the [cmb_fip] keys declared by bc1_cmb */
    .keys = NULL,
    .init = bc4cmb_init,
    .eval = cmbf_eval,
    .free = cmbf_free,
    .postprocess = cmbf_postprocess,
    .assumption = cmbf_assumption,
};

const fb_model_ops fb_model_bc9_cmb = {
    .name = "bc9_cmb",
    .benchmark = "BC9",
    .description = "CMB distortions and recombination-era injection on the BC9 plane (abundance: stated assumption)",
    FB_MODEL_AXES(BC9),
    .n_quantities = sizeof cmbf_quantities / sizeof cmbf_quantities[0],
    .quantities = cmbf_quantities,
    .n_keys = 0, /* reads the [cmb_fip] keys declared by bc1_cmb */
    .keys = NULL,
    .init = bc9cmb_init,
    .eval = cmbf_eval,
    .free = cmbf_free,
    .postprocess = cmbf_postprocess,
    .assumption = cmbf_assumption,
};

const fb_model_ops fb_model_bc11_cmb = {
    .name = "bc11_cmb",
    .benchmark = "BC11",
    .description = "CMB distortions and recombination-era injection on the BC11 plane (abundance: stated assumption)",
    FB_MODEL_AXES(BC11),
    .n_quantities = sizeof cmbf_quantities / sizeof cmbf_quantities[0],
    .quantities = cmbf_quantities,
    .n_keys = 0, /* reads the [cmb_fip] keys declared by bc1_cmb */
    .keys = NULL,
    .init = bc11cmb_init,
    .eval = cmbf_eval,
    .free = cmbf_free,
    .postprocess = cmbf_postprocess,
    .assumption = cmbf_assumption,
};
