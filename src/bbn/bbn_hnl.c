/**
 * @file bbn_hnl.c
 * @brief The abundance of a heavy neutral lepton N (BC6-BC8: Majorana, mixing |U_alpha|^2 with one
 *        active flavour alpha) before BBN: thermal production through active-sterile mixing,
 *        decoupling, decays and inverse decays, from T_RH to T0.
 *
 * Boltzmann equation (bbn_abundance.c, bbn_thermal_abundance) for n_N with Fermi-Dirac n_eq, g = 2
 * (two helicities of a Majorana fermion), relaxation rate Gamma_N <m/E> (decays, inverse decays by
 * detailed balance with the model's total width) + Gamma_prod(T):
 *   Gamma_prod(T) = |U_eff(T)|^2 Gamma_nu_alpha(T),
 * the production of a sterile state by the weak interactions of the active one it mixes with (the
 * "collision rate times mixing" of Dolgov et al. hep-ph/0008138 sec. 2 and of Sabti, Magalich,
 * Filimonova arXiv:2006.07387 sec. 3; Boyarsky et al. arXiv:2008.00749: HNLs in this range were in
 * equilibrium and decouple while (semi-)relativistic).
 *  - Gamma_nu_alpha = C_alpha G_F^2 T^4 <p> (g_*rho(T)/10.75), <p> = 3.151 T the mean momentum of a
 *    relativistic Fermi-Dirac distribution: C_e = 1.27, C_mu,tau = 0.92 in the e+- nu plasma (Enqvist,
 *    Kainulainen, Thomson, Nucl. Phys. B373 (1992) 498; they multiply G_F^2 T^4 p, bbn_nu_rate.c, where
 *    the thermal average is checked; until 2026-12-07 C G_F^2 T^5 was used, 3.151 x too small), scaled with the
 *    number of relativistic degrees of freedom above m_mu (more scattering partners: muons, quarks/
 *    hadrons). This scaling is an approximation (photons and gluons do not scatter neutrinos;
 *    the ratio of weakly interacting fermionic degrees of freedom differs by <~ 10% from g_*rho/10.75
 *    at T = 1-10 GeV). The relativistic form is used at all T: below T ~ m_N it is not exact,
 *    but there Gamma_prod/H << 1 for the couplings with tau_N > 1e-3 s (frozen out; the decays
 *    dominate the relaxation).
 *  - Medium suppression of the mixing (the thermal potential of nu_alpha; Notzold & Raffelt,
 *    Nucl. Phys. B307 (1988) 924):
 *      V_T = (8 sqrt(2) G_F p / 3) [rho_nu_alpha / M_Z^2 + rho_l_alpha / M_W^2]   (|V_T|),
 *      |U_eff|^2 = |U|^2 / (1 + 2 p V_T / m_N^2)^2  (small vacuum mixing; no lepton asymmetry),
 *    at the mean momentum p = 3.151 T of a relativistic Fermi-Dirac distribution (7 pi^4/(180 zeta3)),
 *    rho_nu_alpha = (7 pi^2/120) T^4 (nu + nubar), rho_l = (7 pi^2/60) T^4 x f(m_l/T) (l+ + l-, with
 *    the Maxwell-Boltzmann mass factor f(x) = x^2 (3 K2(x) + x K1(x))/6, f(0) = 1).
 *    The suppression sets in at T ~ 7 GeV (m_N = 150 MeV) - 13 GeV (1 GeV): the production rate over
 *    H, ~ T^3 below, peaks there. It therefore matters for whether N thermalises at the smallest
 *    couplings (tau ~ 0.01-0.1 s at m_N ~ 1 GeV), not for the thermalised abundance (which is set
 *    by g_*s at decoupling).
 * thermal_potential = 0 switches the suppression off (to measure its effect; docs/validation.md).
 * Dirac N (bbn_hnl_abundance_dof with g = 4; scan key majorana = false): N and anti-N, each with the
 * production rate per state above, so the equilibrium density doubles; its widths are half the Majorana
 * ones at the same |U|^2 (the caller's Gamma). This is the particle of the kinetic code pyBBN (library/NuMSM.py
 * dirac_sterile_neutrino, dof 4; set-up of arXiv:2006.07387, tests/paper/__main__.py), measured against their
 * band in docs/validation.md ("HNL band edges after the neutrino-rate fix"). Through mixing a Dirac N fills its
 * two sterile helicity states (RH N, LH anti-N) only by flips suppressed by (m/E)^2, which equilibrate where
 * Gamma_prod/H (m/3T)^2 > 1 near T ~ m (about 2 at |U_e|^2 = 2e-5, m = 0.1 GeV: estimate from Gamma/H ~ T^3
 * below the peak; << 1 near the lower edge): four thermal states are that code's convention, here for comparison.
 * Not included: the momentum dependence (one mean momentum instead of the distribution: the
 * abundance of a never-thermalised N is uncertain by O(1) in the prefactor); the quantum Zeno /
 * resonant regimes (no lepton asymmetry); N's own energy density in H.
 */
#include <math.h>

#include <gsl/gsl_sf_bessel.h>

#include "bbn.h"
#include "fb_constants.h"
#include "fb_thermo.h"

typedef struct hnl_ctx {
  const fb_thermo *th;
  int flavour, thermal_potential;
  double m_GeV, U2;
} hnl_ctx;

/* energy density factor of a massive species relative to massless (Maxwell-Boltzmann) */
static double mass_factor(double x) {
  if (x < 1e-6) return 1.0;
  if (x > 600.0) return 0.0;
  return x * x * (3.0 * gsl_sf_bessel_Kn(2, x) + x * gsl_sf_bessel_K1(x)) / 6.0;
}

double bbn_nu_thermal_potential_GeV(int flavour, double p_GeV, double T_GeV) {
  const double ml[3] = {FB_ME_GEV, FB_MMU_GEV, FB_MTAU_GEV};
  const double T4 = T_GeV * T_GeV * T_GeV * T_GeV;
  const double rho_nu = 7.0 * FB_PI * FB_PI / 120.0 * T4;
  const double rho_l = 7.0 * FB_PI * FB_PI / 60.0 * T4 * mass_factor(ml[flavour] / T_GeV);
  return 8.0 * sqrt(2.0) * FB_GF_GEV_M2 * p_GeV / 3.0 *
         (rho_nu / (FB_MZ_GEV * FB_MZ_GEV) + rho_l / (FB_MW_GEV * FB_MW_GEV));
}

double bbn_hnl_mixing_suppression(int flavour, double m_GeV, double T_GeV) {
  const double p = bbn_nu_mean_p_over_T() * T_GeV;
  const double V = bbn_nu_thermal_potential_GeV(flavour, p, T_GeV);
  const double r = 1.0 + 2.0 * p * V / (m_GeV * m_GeV);
  return 1.0 / (r * r);
}

double bbn_hnl_production_rate(const fb_thermo *th, int flavour, double m_GeV, double U2, double T_GeV) {
  return U2 * bbn_hnl_mixing_suppression(flavour, m_GeV, T_GeV) * bbn_hnl_active_rate(th, flavour, T_GeV);
}

double bbn_hnl_active_rate(const fb_thermo *th, int flavour, double T_GeV) {
  return bbn_nu_rate_GeV(bbn_nu_rate_coef(flavour), T_GeV, bbn_nu_mean_p_over_T() * T_GeV) *
         fb_thermo_gstar_rho(th, T_GeV) / 10.75;
}

static double hnl_rate_cb(double T_GeV, void *user) {
  const hnl_ctx *c = user;
  return c->thermal_potential ? bbn_hnl_production_rate(c->th, c->flavour, c->m_GeV, c->U2, T_GeV)
                              : c->U2 * bbn_hnl_active_rate(c->th, c->flavour, T_GeV);
}

static double hubble(const fb_thermo *th, double T) {
  return sqrt(FB_PI * FB_PI / 30.0 * fb_thermo_gstar_rho(th, T) / 3.0) * T * T / FB_MPL_REDUCED_GEV;
}

int bbn_hnl_abundance(const fb_thermo *th, int flavour, int thermal_potential, double m_GeV, double U2,
                      double Gamma_GeV, double T_RH_GeV, double T0_GeV, bbn_hnl_state *out, fb_err *err) {
  return bbn_hnl_abundance_dof(th, flavour, thermal_potential, 2.0, m_GeV, U2, Gamma_GeV, T_RH_GeV, T0_GeV, out, err);
}

int bbn_hnl_abundance_dof(const fb_thermo *th, int flavour, int thermal_potential, double g, double m_GeV, double U2,
                          double Gamma_GeV, double T_RH_GeV, double T0_GeV, bbn_hnl_state *out, fb_err *err) {
  FB_TEST(err, flavour < 0 || flavour > 2, FB_ERR_INPUT, "HNL abundance: flavour %d (0 = e, 1 = mu, 2 = tau)",
          flavour);
  FB_TEST(err, g != 2.0 && g != 4.0, FB_ERR_INPUT, "HNL abundance: %g internal states (2 = Majorana, 4 = Dirac)", g);
  FB_TEST(err, !(U2 > 0.0 && U2 <= 1.0), FB_ERR_RANGE, "HNL abundance: |U|^2 = %g outside (0, 1]", U2);
  hnl_ctx c = {th, flavour, thermal_potential, m_GeV, U2};
  const bbn_abundance_opts o = {1, hnl_rate_cb, &c};
  FB_CALL(err, bbn_thermal_abundance(th, m_GeV, g, Gamma_GeV, &o, T_RH_GeV, T0_GeV, &out->Y_T0,
                                     &out->n_over_ngamma_T0, err));
  /* decoupling: Gamma_prod/H on 400 ln T nodes from T_RH down to T0; T_dec = the temperature below
   * the maximum where it falls through 1 (log-linear interpolation); 0 if it never exceeds 1 */
  const int n = 400;
  const double a = log(T_RH_GeV), b = log(T0_GeV);
  double rmax = 0.0, Tmax = T_RH_GeV, r_prev = 0.0, T_prev = T_RH_GeV;
  out->T_dec_GeV = 0.0;
  for (int i = 0; i <= n; ++i) {
    const double T = exp(a + (b - a) * i / n);
    const double r = hnl_rate_cb(T, &c) / hubble(th, T);
    if (r > rmax) {
      rmax = r;
      Tmax = T;
      out->T_dec_GeV = 0.0;
    }
    if (rmax > 1.0 && out->T_dec_GeV == 0.0 && r < 1.0 && i > 0) {
      const double f = log(r_prev) / (log(r_prev) - log(r)); /* r_prev >= 1 > r */
      out->T_dec_GeV = exp(log(T_prev) + f * (log(T) - log(T_prev)));
    }
    r_prev = r;
    T_prev = T;
  }
  out->gamma_over_H_max = rmax;
  out->T_max_GeV = Tmax;
  /* the thermalised, relativistically decoupled value: n/n_gamma = (3/4)(g/2) g_*s(T0)/g_*s(T_dec)
   * (entropy conservation; Kolb & Turner sec. 5.2), the reference the Boltzmann solution tends to */
  out->n_over_ngamma_reldec = out->T_dec_GeV > 0.0
                                  ? 0.75 * (g / 2.0) * fb_thermo_gstar_s(th, T0_GeV) / fb_thermo_gstar_s(th, out->T_dec_GeV)
                                  : 0.0;
  return FB_OK;
}
