/**
 * @file bbn_mesons.c
 * @brief Meson-driven p <-> n conversion by the charged pions and kaons that a decaying particle injects.
 *
 * Physics (Reno & Seckel, PRD 37 (1988) 3441; Kohri, arXiv:astro-ph/0103411; Kawasaki, Kohri,
 * Moroi, arXiv:astro-ph/0408426 sec. 4; Pospelov & Pradler, arXiv:1006.4172 sec. 2 and
 * arXiv:1011.1054 sec. 5; Boyarsky et al. arXiv:2008.00749): a charged pion produced in the decay is
 * stopped by electromagnetic scattering on the plasma long before it decays or interacts at the
 * temperatures of interest (T >~ 10 keV), so it meets the nucleons at thermal velocities. It then
 * either decays (rate 1/tau_pi) or converts a nucleon by charge exchange:
 *   pi- p -> pi0 n  (p -> n),  <sigma v>_- = 1.5 mb c x <S>_T   (attractive Coulomb: Sommerfeld),
 *   pi+ n -> pi0 p  (n -> p),  <sigma v>_+ = 1.7 mb c,
 * with the threshold (s-wave, sigma v ~ const) values of Reno & Seckel. The conversion probability
 * per pion is P_- = Gamma_p / (Gamma_p + 1/tau_pi), Gamma_p = n_p <sigma v>_- (and likewise for pi+
 * on neutrons). With R_pi = N_pi Y_X(t) / tau_X pions per baryon per second, the extra rates per
 * nucleon are
 *   lambda_pn = R_pi- <sigma v>_- n_b / (Gamma_p + 1/tau_pi),  lambda_np = R_pi+ <sigma v>_+ n_b / (Gamma_n + 1/tau_pi)
 * (the factor Y_p of n_p = Y_p n_b cancels against the rate per proton, so nothing diverges as
 * Y_n -> 0). <S>_T is the Maxwell-Boltzmann average at temperature T of the Sommerfeld factor
 * S(v) = 2 pi eta / (1 - exp(-2 pi eta)), eta = alpha / v, for the pi- p reduced mass: our own
 * thermal average of the Coulomb factor that Reno & Seckel apply (their C_pi).
 * Kaons (K- p -> Sigma pi, Lambda pi; K_L; kaon decays) are in bbn_kaons.c: their absorption
 * adds to the fluxes and their decays and hyperon decays to the pion injection.
 * Decays in flight (2026-12-07, review finding 4 of session 8): when X moves (bbn_decay.p0_MeV > 0: the momentum at
 * T_start that the bcN_bbn planes take from X's number and energy Boltzmann equations, bbn_abundance_energy.c, or
 * from kinetic equilibrium for the HNLs, then p ~ 1/a), its decays per baryon are the time-dilated
 * YX0 exp(-depth(t)) / (gamma_X tau), depth the proper-time optical depth the background integrates
 * (bbn_background_X_depth; before: exp(-t/tau)/tau, inconsistent with the background's energy injection), and
 * the daughters' lab spectra are boosted by gamma_X (bbn_kaons.c: the K_L's energy box; bbn_nu_conversion.c:
 * the neutrinos X emits). The charged pions and K-+ do not change: stopping by the e+- plasma is faster than
 * decay or interaction by ~1e6 at T ~ 1 MeV (bbn_em_injection.h) whatever their energy, so they meet the
 * nucleons at thermal velocities in either frame, and the neutrinos of their (and the muons') decays at rest
 * are not boosted (bbn_nu_group.at_rest). X has one momentum at each time (its mean energy, not a thermal
 * spread). Not changed: the energy fractions f_em / f_nu of bbn_decay_record.c (rest frame: a stopped
 * pion's rest energy is a smaller share of a boosted X's energy, a correction of order (gamma_X - 1)).
 * Limitations (documented in README.md): nucleon-antinucleon injection and the pi- capture on 4He after BBN are not included; neither is the
 * energy dependence of sigma for pions that interact before stopping (T >~ few MeV), nor the pions that decay
 * in flight before stopping below T ~ 25 keV (e+- pairs gone), where either fate converts < 1e-5 per pion.
 * The values 1.5 and 1.7 mb are those quoted in the sources above; the Reno & Seckel paper
 * itself was not available to re-check them here.
 */
#include <math.h>
#include <stdlib.h>

#include "bbn_internal.h"
#include "fb_constants.h"


/* <S>_T = (4/sqrt(pi)) int_0^inf w^2 exp(-w^2) S(v = w sqrt(2T/mu)) dw (Maxwell-Boltzmann in the
 * relative velocity, w^2 = E/T), 4 Gauss-Legendre segments on [0, 6] (exp(-36) beyond). */
double bbn_coulomb_factor(double T_MeV, double mu_MeV) {
  const double vscale = sqrt(2.0 * T_MeV / mu_MeV);
  double sum = 0.0;
  for (int seg = 0; seg < 4; ++seg) {
    const double lo = 1.5 * seg, h = 0.75, c = lo + h;
    for (int j = 0; j < 8; ++j) {
      const double w = c + h * bbn_gl8_x[j];
      const double x = 2.0 * FB_PI * FB_ALPHA_EM / (w * vscale); /* 2 pi eta */
      const double S = x / (-expm1(-x));
      sum += h * bbn_gl8_w[j] * w * w * exp(-w * w) * S;
    }
  }
  return 4.0 / sqrt(FB_PI) * sum;
}

int bbn_coulomb_table_build(bbn_tables *tab, fb_err *err) {
  const int n = tab->n_ee;
  tab->coul_S = malloc(sizeof(double) * 2 * n);
  FB_TEST(err, !tab->coul_S, FB_ERR_MEMORY, "Coulomb-factor table: allocation failed");
  tab->coul_SK = tab->coul_S + n;
  const double mpi = FB_MPI_CHARGED_GEV * 1e3, mp = FB_MP_GEV * 1e3, mK = FB_MK_CHARGED_GEV * 1e3;
  for (int i = 0; i < n; ++i) {
    const double T = exp(tab->ee_z[i]);
    tab->coul_S[i] = bbn_coulomb_factor(T, mpi * mp / (mpi + mp));
    tab->coul_SK[i] = bbn_coulomb_factor(T, mK * mp / (mK + mp));
  }
  FB_TEST(err, bbn_kaon_init(&tab->kaon) != 0, FB_ERR_NUMERIC,
          "kaon inputs: the K- p scattering length iteration did not converge");
  return FB_OK;
}

/* The fates of a stopped charged pion at T (one place for the cross sections): <sigma v> of pi- p -> pi0 n
 * (with the Coulomb factor) and pi+ n -> pi0 p [cm^3/s], and the total loss rates D = n <sigma v> + 1/tau_pi
 * [1/s] of pi- (on protons, Y_p n_b) and pi+ (on neutrons, Y_n n_b). */
typedef struct pion_fate {
  double sv_m, sv_p, Dm, Dp;
} pion_fate;

static pion_fate pion_fate_at(const bbn_tables *tab, double T_MeV, double nb_cm3, double Yp, double Yn) {
  const double mb_to_cm3_s = 1e-27 * FB_C_CM_S;
  pion_fate f;
  /* the Coulomb factor, tabulated on the plasma grid (linear in ln T; < 1e-4 from the direct
   * average, test_bbn_decay) */
  f.sv_m = FB_SIGV_PIM_P_CEX_MB * mb_to_cm3_s * bbn_plasma_grid_interp(tab, tab->coul_S, T_MeV);
  f.sv_p = FB_SIGV_PIP_N_CEX_MB * mb_to_cm3_s;
  const double gdec = 1.0 / FB_TAU_PI_CHARGED_S;
  f.Dm = Yp * nb_cm3 * f.sv_m + gdec;
  f.Dp = Yn * nb_cm3 * f.sv_p + gdec;
  return f;
}

double bbn_pion_decay_probability(const bbn_tables *tab, const bbn_decay *d, double T_MeV, double nb_cm3, double Yp,
                                  double Yn) {
  const double npi = d->n_pi_minus + d->n_pi_plus;
  if (!d->mesons || !(npi > 0.0)) return 1.0;
  const pion_fate f = pion_fate_at(tab, T_MeV, nb_cm3, Yp > 0.0 ? Yp : 0.0, Yn > 0.0 ? Yn : 0.0);
  const double gdec = 1.0 / FB_TAU_PI_CHARGED_S;
  return (d->n_pi_minus * gdec / f.Dm + d->n_pi_plus * gdec / f.Dp) / npi;
}

static int has_mesons(const bbn_decay *d) {
  return d->n_pi_minus > 0.0 || d->n_pi_plus > 0.0 || d->n_K_minus > 0.0 || d->n_K_plus > 0.0 ||
         d->n_K_L > 0.0 || d->n_K_S > 0.0;
}

/* X's Lorentz factor gamma_X (1: at rest), its decays per baryon per s and d ln a / d ln t at t_s (need_x: the latter
 * from the background's interpolant, else the radiation-era 1/2, which only the flight case uses otherwise) */
static void x_decays_at(const bbn_decay *d, const bbn_background *bg, double t_s, int need_x, double *gamma_out,
                        double *decays_out, double *dx_dlnt_out) {
  const int flight = d->p0_MeV > 0.0 && !d->decays_at_rest;
  double x_a = 0.0, dx_dlnt = 0.5; /* ln(a/a_start), d ln a / d ln t */
  if (flight || need_x) bbn_background_x_at(bg, t_s, &x_a, &dx_dlnt);
  const double lt = log(t_s);
  if (!(lt >= bg->ln_t[0] && lt <= bg->ln_t[bg->n - 1])) dx_dlnt = 0.5; /* outside the solved range: radiation era */
  double gamma_X = 1.0, decays;
  if (flight) {
    const double pm = d->p0_MeV * exp(-x_a) / (d->mass_GeV * 1e3);
    gamma_X = sqrt(1.0 + pm * pm);
    decays = bg->YX0 * exp(-bbn_background_X_depth(bg, t_s)) / (gamma_X * d->tau_s);
    /* the daughters' spectra change by O(gamma_X - 1) = O((p/m)^2): below 1e-9 (three orders under the network's
     * rtol) they are taken at rest, which saves the boosted quadratures at late times (+10% of a 0.18 s HNL point
     * with tau ~ 1e2 s otherwise) */
    if (pm * pm < 1e-9) gamma_X = 1.0;
  } else if (d->g_inverse > 0.0) {
    /* X at rest (or decays_at_rest) with inverse decays: n_X includes the X re-created from the plasma, which the
     * background's sixth state follows (bbn_background_X_depth), so the sources stay proportional to the actual
     * n_X (before: exp(-t/tau), which ignored them; no effect on the planes of 2026-12-07, whose inverse decays
     * act only below 0.1 GeV, without meson or neutrino groups) */
    decays = bg->YX0 * exp(-bbn_background_X_depth(bg, t_s)) / d->tau_s;
  } else {
    decays = bg->YX0 * exp(-t_s / d->tau_s) / d->tau_s;
  }
  *gamma_out = gamma_X;
  *decays_out = decays;
  *dx_dlnt_out = dx_dlnt;
}

void bbn_nu_conversion_node(const bbn_tables *tab, const bbn_decay *d, const bbn_background *bg, double t_s,
                            double part[4]) {
  double gamma_X, decays, dx_dlnt, T_MeV, Tnu_MeV, nb_MeV3;
  x_decays_at(d, bg, t_s, 1, &gamma_X, &decays, &dx_dlnt);
  bbn_background_at(bg, t_s, &T_MeV, &Tnu_MeV, &nb_MeV3);
  bbn_nu_conversion_parts(&tab->nu_osc, d, T_MeV, dx_dlnt / t_s, gamma_X, part);
}

void bbn_decay_network_source(const bbn_tables *tab, const bbn_decay *d, const bbn_background *bg,
                              bbn_nu_conv_table *nct, double t_s, double T_MeV,
                              double nb_MeV3, const double *Y, double *lam_np, double *lam_pn,
                              double *dFpn_dYp, double *dFnp_dYn, double *dFpn_dYn, double *dFnp_dYp) {
  *lam_np = 0.0;
  *lam_pn = 0.0;
  if (dFpn_dYp) *dFpn_dYp = 0.0;
  if (dFnp_dYn) *dFnp_dYn = 0.0;
  if (dFpn_dYn) *dFpn_dYn = 0.0;
  if (dFnp_dYp) *dFnp_dYp = 0.0;
  const int with_nu = d->nu_conversion && d->n_nu_groups > 0;
  if (!((d->mesons && has_mesons(d)) || with_nu) || bg->YX0 <= 0.0) return;
  /* X decays per baryon per s, and X's Lorentz factor gamma_X (1: at rest). In flight (d->p0_MeV > 0, the momentum
   * p = p0 a_start/a of bbn_background.c, unless d->decays_at_rest): the time-dilated rate (m/E)/tau on the
   * proper-time optical depth that the background integrates, as its energy injection; the daughters' spectra are
   * boosted by gamma_X (bbn_kaons.c, bbn_nu_conversion.c). X is monochromatic in momentum at each time (the mean
   * energy of the number and energy Boltzmann equations, bbn_abundance_energy.c, at the hand-over, then free
   * streaming; the spread of a thermal distribution is not followed). */
  double gamma_X, decays, dx_dlnt;
  x_decays_at(d, bg, t_s, with_nu, &gamma_X, &decays, &dx_dlnt);
  if (decays == 0.0) return;
  const double hc = FB_HBARC_GEV_CM * 1e3;
  const double nb_cm3 = nb_MeV3 / (hc * hc * hc);
  /* the non-thermal nu_e (bbn_nu_conversion.c): rates independent of Y, so dF_pn/dY_p = lam_pn */
  double lnp_nu = 0.0, lpn_nu = 0.0;
  if (with_nu) {
    /* H = d ln a / dt from the background's Hermite interpolant (until 2026-12-07 an unset spline made this the
     * radiation-era 0.5 / t at every time) */
    /* the neutrinos of stopped pi+- only where the pion decays (not captured: Gamma_dec / (Gamma_dec + n sigma v)) */
    /* the conversions per decay depend on t only through the background (T, H, gamma_X): from the per-background
     * table nct where it covers t (bbn_nu_conv_table.c), else (nct NULL, d->nu_conv_direct) solved here */
    double part[4];
    if (!(nct && bbn_nu_conv_table_at(nct, tab, d, bg, t_s, part)))
      bbn_nu_conversion_parts(&tab->nu_osc, d, T_MeV, dx_dlnt / t_s, gamma_X, part);
    bbn_nu_conversion_combine(part, decays, nb_cm3, bbn_pion_decay_probability(tab, d, T_MeV, nb_cm3, Y[BBN_P], Y[BBN_N]),
                              &lnp_nu, &lpn_nu);
  }
  *lam_np = lnp_nu;
  *lam_pn = lpn_nu;
  if (dFpn_dYp) *dFpn_dYp = lpn_nu;
  if (dFnp_dYn) *dFnp_dYn = lnp_nu;
  if (!(d->mesons && has_mesons(d))) return;
  const double Yp = Y[BBN_P] > 0.0 ? Y[BBN_P] : 0.0, Yn = Y[BBN_N] > 0.0 ? Y[BBN_N] : 0.0;
  /* kaons first (bbn_kaons.c): their absorption converts nucleons and, with their decays, adds
   * secondary charged pions to the directly injected ones */
  bbn_kaon_flux kf = {0};
  if (d->n_K_minus > 0.0 || d->n_K_plus > 0.0 || d->n_K_L > 0.0 || d->n_K_S > 0.0)
    bbn_kaon_flux_eval(&tab->kaon, d, decays, nb_cm3, bbn_plasma_grid_interp(tab, tab->coul_SK, T_MeV), Yp, Yn,
                       gamma_X, &kf);
  const pion_fate pf = pion_fate_at(tab, T_MeV, nb_cm3, Yp, Yn);
  const double sv_m = pf.sv_m, sv_p = pf.sv_p, Dm = pf.Dm, Dp = pf.Dp;
  const double gdec = 1.0 / FB_TAU_PI_CHARGED_S;
  const double R_pim = d->n_pi_minus * decays + kf.R_pim, R_pip = d->n_pi_plus * decays + kf.R_pip;
  const double lpn_pi = R_pim * sv_m * nb_cm3 / Dm, lnp_pi = R_pip * sv_p * nb_cm3 / Dp;
  *lam_pn += lpn_pi + kf.pn_per_Yp;
  *lam_np += lnp_pi + kf.np_per_Yn;
  /* Jacobian of the fluxes F_pn = lam_pn Y_p and F_np = lam_np Y_n: they saturate at the meson
   * injection rate when the mesons convert faster than they decay, d F / d Y -> 0 (the dependence
   * of the secondary pions on Y is left out: the Newton matrix only) */
  if (dFpn_dYp) *dFpn_dYp += lpn_pi * gdec / Dm + kf.dpn_dYp;
  if (dFnp_dYn) *dFnp_dYn += lnp_pi * gdec / Dp + kf.dnp_dYn;
  if (dFpn_dYn) *dFpn_dYn = kf.dpn_dYn;
  if (dFnp_dYp) *dFnp_dYp = kf.dnp_dYp;
}
