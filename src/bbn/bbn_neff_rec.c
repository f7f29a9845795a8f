/**
 * @file bbn_neff_rec.c
 * @brief N_eff at recombination: the thermal history continued from the end of the BBN background
 *        (T_end ~ 1 keV, or later while a decaying X is followed) to the photon temperature of
 *        recombination, T_rec = T_CMB (1 + z_*), z_* = 1089.92 (Planck 2018, arXiv:1807.06209 table 2).
 *
 * Why: the CMB measures N_eff through the expansion rate and the anisotropic stress of free-streaming
 * radiation around recombination (Hou, Keisler, Knox, Millea, Reichardt arXiv:1104.2333 sec. 2; Planck
 * 2018 arXiv:1807.06209 sec. 7.4), so the Planck 2018 N_eff = 2.99 +- 0.17 constrains N_eff at
 * recombination, not at 1 keV. A particle that decays between the two changes it: into neutrinos or
 * invisible radiation it raises N_eff, into photons it lowers it by heating the photons after
 * neutrino decoupling (Hufnagel, Schmidt-Hoberg, Wild arXiv:1808.09324 sec. 5; Depta, Hufnagel,
 * Schmidt-Hoberg, Wild arXiv:2011.06518 sec. 2-3; Ibe, Kobayashi, Nakayama, Shirai arXiv:1912.12152).
 *
 * Below T ~ 1 keV the e+- are gone (n_e+/n_gamma ~ e^{-511}) and the neutrinos decoupled (Gamma/H ~ 1e-9),
 * so in x = ln(a/a_1) the components obey
 *   d(rho_gamma a^4)/dx = a^4 f_em Q/H,  d(rho_nu a^4)/dx = a^4 f_nu Q/H,  d(rho_inv a^4)/dx = a^4 f_inv Q/H,
 *   d(n_X a^3)/dx = -(m/E) (hbar/tau) (n_X a^3)/H,   dt/dx = hbar/H,   Q = (m/E)(hbar/tau) rho_X = Gamma m n_X,
 *   rho_X = n_X E, E = sqrt(m^2 + p^2), p = p_1 e^{-x} (free streaming; time dilation m/E of the decay),
 *   H^2 = (rho_gamma + rho_nu + rho_inv + rho_X + rho_b + rho_c) / (3 M_Pl,red^2),
 * with the cold dark matter rho_c = rho_b Omega_c h^2 / Omega_b h^2 (Omega_c h^2 = 0.120, Planck 2018
 * arXiv:1807.06209 table 2), which is 30% of H at T ~ 2.4 eV. The energy injected into photons is
 * counted as photon energy (rho_gamma), as in arXiv:1808.09324 eq. 5.3; after t ~ 2e6 s it is a
 * spectral distortion rather than a thermal heating, which changes N_eff in the same way.
 * Without X (or with no X left) nothing evolves and N_eff_rec = N_eff_end exactly.
 */
#include <math.h>
#include <string.h>

#include "bbn.h"
#include "bbn_internal.h"
#include "fb_constants.h"
#include "fb_ode.h"

typedef struct nr_ctx {
  const bbn_neff_cont_in *in;
  double rho_g1; /* photon energy density at the start [MeV^4]: the unit of the state */
  double lnT_stop;
} nr_ctx;

/* state: y0..y2 = rho_gamma, rho_nu, rho_inv (x) a^4 / rho_gamma(start), y3 = t [s], y4 = n_X a^3 / n_X(start) */
static double nr_H(const nr_ctx *c, double x, const double *y, double *rho_X, double *mE) {
  const bbn_neff_cont_in *in = c->in;
  const double a = exp(x);
  const double p = in->pX_MeV / a, E = sqrt(in->mX_MeV * in->mX_MeV + p * p);
  *mE = in->mX_MeV > 0.0 ? in->mX_MeV / E : 0.0;
  *rho_X = in->nX_MeV3 * y[4] / (a * a * a) * E;
  const double rho = c->rho_g1 * (y[0] + y[1] + y[2]) / (a * a * a * a) + in->rho_m_MeV4 / (a * a * a) + *rho_X;
  return sqrt(rho / 3.0) / (FB_MPL_REDUCED_GEV * 1e3);
}

static int nr_rhs(double x, const double *y, double *dydx, void *user) {
  const nr_ctx *c = user;
  const bbn_neff_cont_in *in = c->in;
  double rho_X, mE;
  const double H = nr_H(c, x, y, &rho_X, &mE);
  const double hbar = FB_HBAR_GEV_S * 1e3; /* MeV s */
  const double G = in->tauX_s > 0.0 ? mE * hbar / in->tauX_s : 0.0; /* decay rate in the plasma frame [MeV] */
  const double a4 = exp(4.0 * x) / c->rho_g1, q = a4 * G * rho_X / H;
  dydx[0] = in->f_em * q;
  dydx[1] = in->f_nu * q;
  dydx[2] = in->f_inv * q;
  dydx[3] = hbar / H;
  dydx[4] = -G / H * y[4];
  return 0;
}

/* event: ln T_gamma - ln T_stop, T_gamma = (15 rho_gamma / pi^2)^{1/4} */
static int nr_event(double x, const double *y, double *g, void *user) {
  const nr_ctx *c = user;
  g[0] = 0.25 * log(15.0 * c->rho_g1 * y[0] / (FB_PI * FB_PI)) - x - c->lnT_stop;
  return 0;
}

double bbn_T_recombination_MeV(void) { return FB_TCMB_K * FB_K_TO_GEV * 1e3 * (1.0 + FB_ZSTAR_PLANCK18); }

int bbn_neff_continue(const bbn_neff_cont_in *in, double T_stop_MeV, bbn_neff_cont_out *out, fb_err *err) {
  FB_TEST(err, !(in->T_MeV > 0.0) || !(T_stop_MeV > 0.0), FB_ERR_INPUT,
          "N_eff continuation: T = %g MeV and T_stop = %g MeV must be positive", in->T_MeV, T_stop_MeV);
  const double K = 8.0 / 7.0 * pow(11.0 / 4.0, 4.0 / 3.0);
  memset(out, 0, sizeof *out);
  out->Neff = K * (in->rho_nu_over_g + in->rho_fs_over_g);
  out->t_s = in->t_s;
  out->X_left = 1.0;
  out->rho_g_ratio = 1.0;
  if (!(in->nX_MeV3 > 0.0) || !(in->tauX_s > 0.0) || T_stop_MeV >= in->T_MeV)
    return FB_OK; /* nothing decays: every a^4 rho constant, N_eff unchanged (exactly) */
  nr_ctx c = {in, FB_PI * FB_PI / 15.0 * pow(in->T_MeV, 4), log(T_stop_MeV)};
  fb_ode ode;
  memset(&ode, 0, sizeof ode);
  fb_ode_options opt;
  fb_ode_options_default(&opt);
  opt.rtol = 1e-10;
  opt.atol = 1e-16;
  opt.max_steps = 20000;
  int rc = FB_OK;
  double y[5] = {1.0, in->rho_nu_over_g, in->rho_fs_over_g, in->t_s, 1.0};
  FB_CALL_GOTO(err, rc, fb_ode_init(&ode, 5, nr_rhs, NULL, &c, &opt, err), done);
  FB_CALL_GOTO(err, rc, fb_ode_set_events(&ode, 1, nr_event, err), done);
  FB_CALL_GOTO(err, rc, fb_ode_reset(&ode, 0.0, y, err), done);
  /* T falls like 1/a unless the photons are heated: x_stop <= ln(T/T_stop) + ln(heating^{1/4}); the
   * heating is at most (1 + rho_X/rho_gamma(end of decays)), so 40 e-folds beyond cover any input */
  const double x_max = log(in->T_MeV / T_stop_MeV) + 40.0;
  double xr = 0.0;
  int ev = 0;
  FB_CALL_GOTO(err, rc, fb_ode_solve_event(&ode, x_max, y, &xr, &ev, NULL, err), done);
  FB_TEST_GOTO(err, rc, !ev, FB_ERR_NUMERIC, done,
               "N_eff continuation: T = %g MeV not reached by x = %g", T_stop_MeV, x_max);
  out->Neff = K * (y[1] + y[2]) / y[0];
  out->t_s = y[3];
  out->X_left = y[4]; /* n_X a^3 relative to the start */
  out->rho_g_ratio = y[0];
  out->x_stop = xr;
done:
  fb_ode_free(&ode);
  return rc;
}

int bbn_neff_continue_heated(const bbn_neff_cont_in *in, double T_stop_MeV, bbn_neff_cont_out *out,
                             double *nb_factor, fb_err *err) {
  /* review 2026-12-07: the matter term was the unheated one (n_b raised by rho_g_ratio^{3/4} only after the
   * continuation); a larger rho_m only shortens the time to T_stop, so the ratio moves little: 2-4 passes */
  bbn_neff_cont_in c = *in;
  double f = 1.0;
  for (int it = 0; it < 30; ++it) {
    c.rho_m_MeV4 = in->rho_m_MeV4 * f;
    FB_CALL(err, bbn_neff_continue(&c, T_stop_MeV, out, err));
    const double fn = pow(out->rho_g_ratio, 0.75);
    const int done = fabs(fn / f - 1.0) < 1e-10;
    f = fn;
    if (done) break;
  }
  *nb_factor = f;
  return FB_OK;
}

/* N_eff of a decaying X without the network: the background bbn_solve solves for the same inputs (bbn_background_solve
 * with p->decay, the continuation to recombination above), so the numbers are bbn_result.Neff and .Neff_rec of
 * bbn_solve(p) exactly. The one computation of the decay's N_eff, shared by `eval bbn-decay` (through bbn_solve),
 * `eval late-decay` and the photodisintegration planes (src/bbn/fb_model_photodis.c), issue 15. */
int bbn_decay_neff(const bbn_tables *tab, const bbn_params *p, double *Neff_end, double *Neff_rec, fb_err *err) {
  FB_TEST(err, !p->decay, FB_ERR_INPUT, "bbn_decay_neff needs a decaying particle (bbn_params.decay)");
  FB_CALL(err, bbn_params_check(p, err));
  bbn_background bg;
  FB_CALL(err, bbn_background_solve(tab, p, &bg, err));
  *Neff_end = bg.Neff;
  *Neff_rec = bg.Neff_rec;
  bbn_background_free(&bg);
  return FB_OK;
}
