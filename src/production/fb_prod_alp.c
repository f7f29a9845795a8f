/**
 * @file fb_prod_alp.c
 * @brief Thermal production of ALPs by 2 -> 2 scatterings for BC10 (fermion couplings) and BC11
 *        (gluon coupling): the pieces of fb_prod_alp.h. Maxwell-Boltzmann statistics throughout (the
 *        statistics of the abundance solver, src/bbn/bbn_abundance.c), massless ALP in the rates
 *        (the rate per ALP is then used at every ALP mass: a stated approximation, see below).
 *
 * 1. Thermal average of a 2 -> 2 process (Gondolo & Gelmini, Nucl. Phys. B360 (1991) 145, eq. 3.8:
 *    gamma = T/(32 pi^4) int ds sigma lambda(s, m1^2, m2^2)/sqrt(s) K1, with sigma lambda = (s/(16 pi)) I(s)/s):
 *      gamma = T/(512 pi^5) int_{s_min}^inf ds K1(sqrt(s)/T)/sqrt(s) I(s),  I(s) = int dt sum|M|^2,
 *    sum over every initial and final state (spins, colours); MB statistics, no Bose/Pauli factors.
 * 2. Pseudoscalar Yukawa y = m_f / f_l: the derivative coupling (d a/2f) fbar gamma gamma5 f equals
 *    -i (m_f/f) a fbar gamma5 f for processes with one ALP (Bauer, Neubert, Thamm arXiv:1708.00443
 *    sec. 2; the anomaly terms of that field redefinition are item 4). Spin-summed squared amplitudes
 *    at unit couplings, fermion mass m, massless photon (gluon: colour sum 4 g_s^2 instead of
 *    N_c e^2 Q^2), ALP mass m_a (our own trace computation, checked with explicit Dirac matrices in
 *    tests/production/alp_matrix_elements.py; massless-fermion limit 4 (s^2 + m_a^4)/(t u)):
 *      f fbar -> gamma a:  sum|M|^2 = 4 (s^2 + m_a^4)/(T U) - 8 m^2 m_a^2 (1/T + 1/U)^2,
 *                          T = t - m^2, U = u - m^2;
 *      f gamma -> f a:     the crossing s <-> t (overall sign -1).
 *    At m_a = 0 the t integrals are closed: I_ann = 8 s ln[(1 + beta)/(1 - beta)], beta^2 = 1 - 4m^2/s,
 *    I_C = 4 S [ln(s/m^2) - S/s - S^2/(2 s^2)], S = s - m^2. Non-relativistic limit of f gamma -> f a:
 *    sigma = alpha y^2 omega^2/(3 m^4) (spin-averaged; Raffelt, Stars as Laboratories (1996) sec. 3.2,
 *    the axion Compton cross section 4 pi alpha alpha' omega^2/(3 m^4)): tested.
 *    The collinear logarithm is cut by the kinematic mass m_k^2 = m^2 + m_inf^2 with the asymptotic
 *    thermal mass m_inf^2 = e^2 Q^2 T^2/4 (leptons) or g_s^2 C_F T^2/4 (quarks) (Le Bellac, Thermal
 *    Field Theory (1996) ch. 6); the chirality flip (y) keeps the vacuum mass. Above the electroweak
 *    crossover the vacuum masses are kept (the Higgs-Yukawa operator that replaces them is of the same
 *    size, Salvio, Strumia, Xue arXiv:1310.6982 sec. 3).
 * 3. Gluon coupling (alpha_s/(8 pi f_G)) a G Gdual = -(g_agg/4) a G^a Gdual^a with g_agg = alpha_s/(2 pi f_G),
 *    above the QCD crossover:
 *    - conversion g -> a of a gluon of colour a on the screened colour charges of the plasma: the
 *      Primakoff rate on static charges (Raffelt PRD 33 (1986) 897, the form of fb_prod_bc9.c) with
 *      alpha Q_j^2 -> alpha_s c_j, c_j = Tr(T^a T^a)/N_c = 1/6 per quark state and (1/8) f^abc f^abc = 3/8
 *      per gluon state (sum over colours a: C_F and C_A), massless ALP (p = k = omega):
 *        Gamma_a(omega) = (alpha_s g_agg^2/8) S [(1 + K^2/(4 omega^2)) ln(1 + 4 omega^2/K^2) - 1],
 *        S = sum_j c_j n_j, K^2 = 4 pi alpha_s S / T (Debye-Hueckel; 0.91 of the HTL m_D^2 = g^2 T^2 (1 + n_f/6)),
 *        gamma_conv = 8 x (2/(2 pi^2)) int d omega omega^2 e^(-omega/T) Gamma_a(omega);
 *      this is the t-channel, infrared-screened treatment of g g -> g a and q g -> q a of Masso, Rota,
 *      Zsembinszki hep-ph/0203221 (static targets: the leading logarithm is exact, the constant is not;
 *      the HTL treatments of Graf & Steffen arXiv:1008.4528 and Salvio et al. arXiv:1310.6982 differ in it).
 *    - q qbar -> g a: sigma(f fbar -> gamma a) = alpha g^2/24 per spin-averaged pair for massless
 *      fermions (Dolan et al. arXiv:1709.00009, at m_a = 0; our own trace computation with the vertex
 *      g eps^{mu nu rho sigma} q_rho k_sigma gives the same to 1e-5 (alp_matrix_elements.py), angular shape 1 + cos^2) with e^2 -> g_s^2 and the colour
 *      sum 4: sum over spins and colours alpha_s g_agg^2 (2/3), gamma_ann = n_1^2 x that per flavour.
 *    alpha_s at mu = 2 pi T (fb_alpha_s_plasma: 3 loops, mu >= 1 GeV).
 * 4. Pions below the crossover: L = (C_api/(f_a f_pi)) d_mu a (pi0 pi+ d^mu pi- + pi0 pi- d^mu pi+ - 2 pi+ pi- d^mu pi0)
 *    (Chang & Choi, Phys. Lett. B316 (1993) 51; Hannestad, Mirizzi, Raffelt hep-ph/0504059 eq. 1), C_api =
 *    (1 - z)/(3(1 + z)) for a pure gluon coupling; with all momenta incoming the amplitude is
 *    -(c)(m_a^2 + 3 k.p_0), so at m_a = 0: pi+ pi- -> pi0 a: |M|^2 = (9/4) c^2 (s - m_0^2)^2; pi+- pi0 -> pi+- a:
 *    (9/4) c^2 (m_0^2 - t)^2, t = (p_0 - k)^2. Massless pions: gamma = (15/4) 768/(512 pi^5) c^2 T^8, i.e.
 *    Gamma = 5.625/pi^3 c^2 T^5 = 0.181 c^2 T^5 (Bose-Einstein statistics: 0.195, tests/production/pion_rate_mc.py).
 * Mass of the ALP: the relaxation rate per ALP Gamma = gamma(m_a = 0)/n_eq(m_a = 0) is used at every m_a
 * (the production density is then Gamma n_eq(m_a)): exact for m_a << T, an estimate for m_a ~ T; for
 * m_a >> T inverse decays dominate the production (bbn_abundance.c).
 */
#include "fb_prod_alp.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_bessel.h>

#include "fb_alpha_s.h"
#include "fb_constants.h"
#include "fb_fip_alp.h"
#include "fb_production.h"

#define N_GL 24

/* the QGP fraction of every production (fb_production.h) */
double fb_prod_alp_qgp_weight(double T) { return fb_production_qgp_fraction(T); }

static double alphas_T(double T) { return fb_alpha_s_plasma(T); }

/* 24-point Gauss-Legendre nodes on [-1, 1], filled once before any threaded use (tables are built in init) */
static double xg[N_GL], wg[N_GL];
static int gl_ready = 0;
static void gl_init(void) {
  if (gl_ready) return;
  gsl_integration_glfixed_table *tab = gsl_integration_glfixed_table_alloc(N_GL);
  if (!tab) return;
  for (size_t i = 0; i < N_GL; ++i) gsl_integration_glfixed_point(-1.0, 1.0, i, &xg[i], &wg[i], tab);
  gsl_integration_glfixed_table_free(tab);
  gl_ready = 1;
}

/* gamma = T/(512 pi^5) int ds K1(sqrt s/T)/sqrt s I(s) = T/(256 pi^5) int dr K1(r/T) I(r^2), r = r_min + T u */
typedef double (*i_of_s)(double s, const double *par);
static double thermal_gamma(double T, double r_min, i_of_s Ifn, const double *par) {
  gl_init();
  static const double seg[6] = {0.0, 0.5, 2.0, 6.0, 16.0, 50.0};
  double sum = 0.0;
  for (int k = 0; k < 5; ++k) {
    const double c = 0.5 * (seg[k] + seg[k + 1]), h = 0.5 * (seg[k + 1] - seg[k]);
    for (int i = 0; i < N_GL; ++i) {
      const double u = c + h * xg[i], r = r_min + T * u;
      const double x = r / T;
      /* K1(x) e^x, times e^-x = e^(-r_min/T) e^(-u) */
      const double k1 = gsl_sf_bessel_K1_scaled(x) * exp(-u);
      sum += h * wg[i] * T * k1 * Ifn(r * r, par);
    }
  }
  const double x0 = r_min / T;
  return x0 > 700.0 ? 0.0 : T / (256.0 * pow(FB_PI, 5)) * exp(-x0) * sum;
}

/* ---------------------------------------------------------------- 2. Yukawa processes */
double fb_prod_alp_yukawa_ann_I(double s, double m) {
  const double b2 = 1.0 - 4.0 * m * m / s;
  if (!(b2 > 0.0)) return 0.0;
  const double b = sqrt(b2);
  return 8.0 * s * log1p(2.0 * b / (1.0 - b)); /* ln[(1 + b)/(1 - b)] */
}

double fb_prod_alp_yukawa_compton_I(double s, double m) {
  const double S = s - m * m;
  if (!(S > 0.0)) return 0.0;
  const double x = S / (m * m);
  if (x < 1e-3) /* ln(1+x) - x/(1+x) - x^2/(2(1+x)^2) = x^3/3 - 3 x^4/4 + ... (cancellation) */
    return 4.0 * S * x * x * x * (1.0 / 3.0 - 0.75 * x);
  return 4.0 * S * (log1p(x) - S / s - S * S / (2.0 * s * s));
}

static double ann_I(double s, const double *p) { return fb_prod_alp_yukawa_ann_I(s, p[0]); }
static double compton_I(double s, const double *p) { return fb_prod_alp_yukawa_compton_I(s, p[0]); }

double fb_prod_alp_yukawa_gamma(double mk, double charge2, double T) {
  const double p[1] = {mk};
  /* f fbar -> V a, and f V -> f a for the fermion and the antifermion */
  return charge2 * (thermal_gamma(T, 2.0 * mk, ann_I, p) + 2.0 * thermal_gamma(T, mk, compton_I, p));
}

/* ---------------------------------------------------------------- 3. gluon coupling */
/* MB number density of g states of mass m [GeV^3] */
static double mb_density(double m, double g, double T) {
  const double x = m / T;
  if (x < 1e-6) return g * T * T * T / (FB_PI * FB_PI);
  if (x > 700.0) return 0.0;
  return g * m * m * T * gsl_sf_bessel_Kn(2, x) / (2.0 * FB_PI * FB_PI);
}

static const double QUARK_MASS[6] = {FB_MU_QUARK_GEV, FB_MD_QUARK_GEV, FB_MS_QUARK_GEV,
                                     FB_MC_QUARK_GEV, FB_MB_QUARK_GEV, FB_MT_QUARK_GEV};

/* S = sum_j c_j n_j over quarks (12 states per flavour, c = 1/6) and gluons (16 states, c = 3/8) */
static double colour_charge_density(double T) {
  double S = 3.0 / 8.0 * mb_density(0.0, 16.0, T);
  for (int q = 0; q < 6; ++q) S += mb_density(QUARK_MASS[q], 12.0, T) / 6.0;
  return S;
}

static double conversion_gamma(double T, double as) {
  gl_init();
  const double S = colour_charge_density(T), K2 = 4.0 * FB_PI * as * S / T;
  const double gagg = as / (2.0 * FB_PI);
  static const double seg[5] = {0.0, 0.5, 3.0, 12.0, 60.0};
  double acc = 0.0;
  for (int k = 0; k < 4; ++k) {
    const double c = 0.5 * (seg[k] + seg[k + 1]), h = 0.5 * (seg[k + 1] - seg[k]);
    for (int i = 0; i < N_GL; ++i) {
      const double om = T * (c + h * xg[i]), z = 4.0 * om * om / K2;
      const double B = (1.0 + 1.0 / z) * log1p(z) - 1.0;
      acc += h * wg[i] * T * om * om * exp(-om / T) * B;
    }
  }
  return 8.0 / (FB_PI * FB_PI) * as * gagg * gagg / 8.0 * S * acc;
}

double fb_prod_alp_gluon_conversion_gamma(double T, double as) { return conversion_gamma(T, as); }

double fb_prod_alp_gluon_conversion_leadinglog(double T, double as) {
  /* int omega^2 e^(-omega/T) [ln(4 omega^2/K^2) - 1] = 2 T^3 [ln(4 T^2/K^2) + 2 psi(3) - 1], psi(3) = 3/2 - gamma_E */
  const double S = colour_charge_density(T), K2 = 4.0 * FB_PI * as * S / T;
  const double gagg = as / (2.0 * FB_PI), psi3 = 1.5 - 0.57721566490153286;
  return 8.0 / (FB_PI * FB_PI) * as * gagg * gagg / 8.0 * S * 2.0 * T * T * T * (log(4.0 * T * T / K2) + 2.0 * psi3 - 1.0);
}

double fb_prod_alp_alphas_T(double T) { return alphas_T(T); }

double fb_prod_alp_gluon_gamma(double T) {
  const double as = alphas_T(T), gagg = as / (2.0 * FB_PI);
  double ann = 0.0;
  for (int q = 0; q < 6; ++q) {
    const double n1 = mb_density(QUARK_MASS[q], 1.0, T);
    ann += n1 * n1 * (2.0 / 3.0) * as * gagg * gagg;
  }
  return conversion_gamma(T, as) + ann;
}

/* ---------------------------------------------------------------- 4. pions */
double fb_prod_alp_c_api(void) {
  const double z = FB_MU_QUARK_GEV / FB_MD_QUARK_GEV;
  return (1.0 - z) / (3.0 * (1.0 + z));
}

static double kallen(double a, double b, double c) { return a * a + b * b + c * c - 2.0 * (a * b + a * c + b * c); }

/* pi+ pi- -> pi0 a: (9/4)(s - m0^2)^2 times the t range 4 p_in p_out */
static double pion_I_charged(double s, const double *p) {
  const double mc = p[0], m0 = p[1];
  const double pin2 = 0.25 * s - mc * mc;
  if (!(pin2 > 0.0) || !(s > m0 * m0)) return 0.0;
  const double pout = (s - m0 * m0) / (2.0 * sqrt(s));
  return 2.25 * (s - m0 * m0) * (s - m0 * m0) * 4.0 * sqrt(pin2) * pout;
}

/* pi+ pi0 -> pi+ a: int dt (9/4)(m0^2 - t)^2 with x = m0^2 - t = 2 E_k (E_0 -+ p_in cos) */
static double pion_I_neutral(double s, const double *p) {
  const double mc = p[0], m0 = p[1], rs = sqrt(s);
  const double l = kallen(s, mc * mc, m0 * m0);
  if (!(l > 0.0) || !(s > mc * mc)) return 0.0;
  const double pin = sqrt(l) / (2.0 * rs), E0 = (s + m0 * m0 - mc * mc) / (2.0 * rs), Ek = (s - mc * mc) / (2.0 * rs);
  const double xlo = 2.0 * Ek * (E0 - pin), xhi = 2.0 * Ek * (E0 + pin);
  return 2.25 * (xhi * xhi * xhi - xlo * xlo * xlo) / 3.0;
}

double fb_prod_alp_pion_gamma(double T, double mc, double m0) {
  const double p[2] = {mc, m0};
  return thermal_gamma(T, fmax(2.0 * mc, m0), pion_I_charged, p) + 2.0 * thermal_gamma(T, mc + m0, pion_I_neutral, p);
}

/* ---------------------------------------------------------------- tables */
#define TAB_T_LO 1e-3
#define TAB_T_HI 2e5
#define TAB_PER_DECADE 16

int fb_prod_alp_table_init(fb_prod_alp_table *t, double (*rate)(double), fb_err *err) {
  const int n = (int)(log10(TAB_T_HI / TAB_T_LO) * TAB_PER_DECADE) + 1;
  double *x = malloc(2 * (size_t)n * sizeof *x);
  FB_TEST(err, !x, FB_ERR_MEMORY, "cannot allocate the ALP production table");
  double *y = x + n;
  for (int i = 0; i < n; ++i) {
    x[i] = TAB_T_LO * pow(10.0, (double)i / TAB_PER_DECADE);
    y[i] = rate(x[i]);
    if (!(y[i] > 0.0) || !isfinite(y[i])) {
      free(x);
      FB_FAIL(err, FB_ERR_NUMERIC, "ALP production rate %g at T = %g GeV is not positive and finite", y[i], x[i]);
    }
  }
  t->T_lo = x[0];
  t->T_hi = x[n - 1];
  t->direct = rate;
  const int rc = fb_spline_init(&t->s, FB_SPLINE_CUBIC, x, y, (size_t)n, FB_SPLINE_LOG_X | FB_SPLINE_LOG_Y,
                                FB_SPLINE_OUT_ERROR, err);
  free(x);
  return rc;
}

double fb_prod_alp_table_eval(const fb_prod_alp_table *t, double T) {
  if (!(T >= t->T_lo && T <= t->T_hi)) return t->direct(T);
  double y;
  fb_err err = {0};
  return fb_spline_eval(&t->s, T, &y, &err) == FB_OK ? y : NAN;
}

void fb_prod_alp_table_free(fb_prod_alp_table *t) { fb_spline_free(&t->s); }
