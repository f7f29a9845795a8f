/**
 * @file fb_prod_bc9.c
 * @brief BC9 production (fb_production.h): Primakoff production of a photon-coupled ALP in the
 *        early-Universe plasma, gamma + q_j -> a + q_j on every charged species j, as the relaxation
 *        rate of bbn_thermal_abundance (detailed balance with the ALP's n_eq). Photon coalescence
 *        gamma gamma -> a is the inverse decay (src/bbn/bbn_abundance.c), not counted here.
 *
 * Conversion rate of one photon of energy omega (momentum k = omega) into an ALP of mass m
 * (momentum p = sqrt(omega^2 - m^2)) on screened static charges (Raffelt PRD 33 (1986) 897; the
 * massive form of Di Lella, Pilaftsis, Raffelt, Zioutas hep-ph/0006327 eq. 3, as in
 * src/stellar/fb_hb_alp.c):
 *   Gamma(omega) = (alpha g^2/8) sum_j Q_j^2 n_j (p/k) { [((k+p)^2+K^2)((k-p)^2+K^2)/(4 k p K^2)]
 *                  ln[((k+p)^2+K^2)/((k-p)^2+K^2)] - [(k^2-p^2)^2/(4 k p K^2)] ln[(k+p)^2/(k-p)^2] - 1 },
 * (g^2 T K^2/(32 pi) of the stellar form with T K^2 = 4 pi alpha sum_j Q_j^2 n_j), with the
 * Debye-Hueckel screening scale K^2 = (4 pi alpha/T) sum_j Q_j^2 n_j. Production density
 *   gamma_P = (1/pi^2) int_m^inf d omega omega^2 f_B(omega) Gamma(omega)   (2 photon polarisations),
 * and the relaxation rate per ALP Gamma_scat = gamma_P / n_eq(ALP, MB, g = 1), the form that
 * bbn_thermal_abundance integrates (dn/dt = -Gamma_scat (n - n_eq)).
 * Approximations (stated in docs/validation.md): the targets are treated as static (no recoil;
 * for relativistic e+- the constant under the logarithm is approximate, the leading log is not);
 * K^2 from the Fermi-Dirac densities (0.365 e^2 T^2 for relativistic e+-, the hard-thermal-loop
 * Debye mass is e^2 T^2/3: 10% inside a logarithm); the photon thermal mass is neglected (omega ~ 3T
 * >> omega_p ~ 0.1 T). Charged species: e, mu, tau; above the QCD crossover the quarks u, d, s, c,
 * b, t (3 colours), below it pi+-; W+- above. The crossover is a smooth switch
 * w = [1 + tanh((T - T_c)/(0.1 T_c))]/2, T_c = 156.5 MeV (HotQCD, Bazavov et al. arXiv:1812.08235).
 * Densities: Fermi-Dirac / Bose-Einstein series of Bessel functions, 4 terms
 * (n = g m^2 T/(2 pi^2) sum_k (+-1)^(k+1) K2(k m/T)/k; 0.4% / 2% short of the massless sum).
 */
#include <math.h>
#include <pthread.h>

#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_bessel.h>

#include "fb_constants.h"
#include "fb_production.h"


typedef struct prim_species {
  double m_GeV, g, Q2;
  int boson;
  int phase; /* 0: always, 1: above the QCD crossover (quarks), 2: below it (pions) */
} prim_species;

static const prim_species SPECIES[] = {
    {FB_ME_GEV, 4.0, 1.0, 0, 0},           {FB_MMU_GEV, 4.0, 1.0, 0, 0},
    {FB_MTAU_GEV, 4.0, 1.0, 0, 0},         {FB_MU_QUARK_GEV, 12.0, 4.0 / 9.0, 0, 1},
    {FB_MD_QUARK_GEV, 12.0, 1.0 / 9.0, 0, 1}, {FB_MS_QUARK_GEV, 12.0, 1.0 / 9.0, 0, 1},
    {FB_MC_QUARK_GEV, 12.0, 4.0 / 9.0, 0, 1}, {FB_MB_QUARK_GEV, 12.0, 1.0 / 9.0, 0, 1},
    {FB_MT_QUARK_GEV, 12.0, 4.0 / 9.0, 0, 1}, {FB_MPI_CHARGED_GEV, 2.0, 1.0, 1, 2},
    {FB_MW_GEV, 6.0, 1.0, 1, 0},
};

/* number density [GeV^3] of a species with g states (particles + antiparticles) */
static double prim_density(const prim_species *s, double T) {
  const double x = s->m_GeV / T;
  double sum = 0.0;
  for (int k = 1; k <= 4; ++k) {
    const double kx = k * x, sgn = (s->boson || k % 2) ? 1.0 : -1.0;
    double term;
    if (kx < 1e-4) term = 2.0 / ((double)k * k * k);               /* x^2 K2(kx)/k -> 2/k^3 */
    else if (kx > 500.0) term = 0.0;
    else term = x * x * gsl_sf_bessel_Kn(2, kx) / k;
    sum += sgn * term;
  }
  return s->g * T * T * T / (2.0 * FB_PI * FB_PI) * sum;
}

/* sum_j Q_j^2 n_j [GeV^3] */
static double prim_charge_density(double T) {
  const double w = fb_production_qgp_fraction(T); /* fb_production.h */
  double s = 0.0;
  for (size_t i = 0; i < sizeof SPECIES / sizeof SPECIES[0]; ++i) {
    const double f = SPECIES[i].phase == 1 ? w : (SPECIES[i].phase == 2 ? 1.0 - w : 1.0);
    if (f > 1e-12) s += f * SPECIES[i].Q2 * prim_density(&SPECIES[i], T);
  }
  return s;
}

/* the curly bracket times p/k (dimensionless), k = omega */
static double prim_bracket(double k, double p, double K2) {
  if (!(p > 0.0)) return 0.0;
  const double a = (k + p) * (k + p), b = (k - p) * (k - p);
  if (!(b > 0.0)) return (p / k) * ((a + K2) / (4.0 * k * p) * log((a + K2) / K2) - 1.0);
  /* t1 - t2 with ab = (k^2 - p^2)^2 and ln((a+K2)/(b+K2)) = ln(a/b) + ln1p(K2/a) - ln1p(K2/b): the two O(1/K2)
   * terms cancel analytically, so a weakly screened plasma (K2 << b: T below m_e, few e+-) does not lose the
   * result to rounding (the direct difference went negative there) */
  const double t = (a + b + K2) / (4.0 * k * p) * log(a / b) +
                   (a + K2) * (b + K2) / (4.0 * k * p * K2) * (log1p(K2 / a) - log1p(K2 / b));
  return (p / k) * (t - 1.0);
}

double fb_prod_bc9_primakoff_rate(double m_GeV, double g_invGeV, double T_GeV) {
  return fb_prod_bc9_primakoff_rate_energy(m_GeV, g_invGeV, T_GeV, NULL);
}

/* Energy weight (issue 14 item 1): on static targets the conversion gamma -> a conserves energy, E_a = omega,
 * so the energy-weighted production density is (1/pi^2) int d omega omega^3 f_B Gamma(omega) (the integrand
 * of gamma_P times omega; Raffelt PRD 33 (1986) 897, the same static-target approximation) and the mean
 * energy of the produced ALPs is its ratio to gamma_P (one pass over the same nodes). */
/* 24-point Gauss-Legendre nodes on [-1, 1] for the Primakoff energy integral, filled once per process under
 * pthread_once (as fb_alpha_s.c; was an unsynchronised lazy static, review session 10), read-only afterwards */
static double xg[24], wg[24];
static int prim_gl_ok = 0;
static pthread_once_t prim_gl_once = PTHREAD_ONCE_INIT;
static void prim_gl_init(void) {
  gsl_integration_glfixed_table *tab = gsl_integration_glfixed_table_alloc(24);
  if (!tab) return;
  for (size_t i = 0; i < 24; ++i) gsl_integration_glfixed_point(-1.0, 1.0, i, &xg[i], &wg[i], tab);
  gsl_integration_glfixed_table_free(tab);
  prim_gl_ok = 1;
}

double fb_prod_bc9_primakoff_rate_energy(double m_GeV, double g_invGeV, double T_GeV, double *mean_E_GeV) {
  const double T = T_GeV, S = prim_charge_density(T);
  /* no thermal charged species left (T below ~m_e/500, where prim_density cuts e+- to zero): no targets. The
   * residual electrons and protons of the baryon asymmetry (n ~ eta n_gamma, eta = 6.1e-10) would give ~1e-9 of
   * the rate above m_e and are omitted, as in the rest of this rate */
  if (!(S > 0.0)) {
    if (mean_E_GeV) *mean_E_GeV = NAN;
    return 0.0;
  }
  const double K2 = 4.0 * FB_PI * FB_ALPHA_EM / T * S;
  /* omega = m + T u, u in [0, 60] on three Gauss-Legendre segments */
  static const double seg[4] = {0.0, 2.0, 10.0, 60.0};
  pthread_once(&prim_gl_once, prim_gl_init);
  if (!prim_gl_ok) return NAN;
  double I = 0.0, IE = 0.0;
  for (int s = 0; s < 3; ++s) {
    const double c = 0.5 * (seg[s] + seg[s + 1]), h = 0.5 * (seg[s + 1] - seg[s]);
    for (int i = 0; i < 24; ++i) {
      const double u = c + h * xg[i], om = m_GeV + T * u;
      const double p = sqrt(fmax(om * om - m_GeV * m_GeV, 0.0));
      const double term = h * wg[i] * T * om * om / expm1(om / T) * prim_bracket(om, p, K2);
      I += term;
      IE += term * om;
    }
  }
  if (mean_E_GeV) *mean_E_GeV = I > 0.0 ? IE / I : NAN;
  const double gammaP = FB_ALPHA_EM * g_invGeV * g_invGeV / 8.0 * S * I / (FB_PI * FB_PI);
  /* n_eq of the ALP (MB, one state), as in bbn_abundance.c */
  const double x = m_GeV / T;
  const double neq = x < 1e-4 ? T * T * T / (FB_PI * FB_PI)
                              : (x > 600.0 ? 0.0 : m_GeV * m_GeV * T * gsl_sf_bessel_Kn(2, x) / (2.0 * FB_PI * FB_PI));
  return neq > 0.0 ? gammaP / neq : 0.0;
}

static double bc9_rate(const void *state, double mass_GeV, double coupling, double T_GeV) {
  (void)state;
  return fb_prod_bc9_primakoff_rate(mass_GeV, coupling, T_GeV);
}
static double bc9_rate_energy(const void *state, double mass_GeV, double coupling, double T_GeV, double *mean_E_GeV) {
  (void)state;
  return fb_prod_bc9_primakoff_rate_energy(mass_GeV, coupling, T_GeV, mean_E_GeV);
}

const fb_production_ops fb_production_bc9 = {
    .fip = "bc9",
    .processes = "Primakoff scattering gamma q -> a q on the charged plasma (static screened targets)",
    .references = "Raffelt PRD 33 (1986) 897; hep-ph/0006327; arXiv:2002.08370",
    .init = NULL,
    .rate_GeV = bc9_rate,
    .free = NULL,
    .rate_energy_GeV = bc9_rate_energy,
};
