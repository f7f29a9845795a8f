/**
 * @file fb_sn_darkphoton.c
 * @brief SN1987A band of the BC1 dark photon; see fb_sn_darkphoton.h and docs/sn-profile.md.
 *
 * Notation: natural units (GeV, GeV^-1 for lengths) inside; m = A' mass, omega = local energy,
 * k = sqrt(omega^2 - m^2), x = omega/T, Gamma = photon absorption rate by inverse np
 * bremsstrahlung, Gr = Gamma (1 - e^{-x}) the reduced (net) absorption rate, Im = omega Gr = -Im Pi.
 */
#include "fb_sn_darkphoton.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_fermi_dirac.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_darkphoton.h"

/* Precision parameters of the tables (one place, see docs/sn-profile.md). */
#define SN_MEDIUM_DR_KM 0.05        /* target radial step of the resampled profile */
#define SN_MEDIUM_NMAX 40001        /* cap on radial grid points */
#define SN_H_NT 48                  /* ln T nodes of the cross-section table, T in [1e-5, 0.3] GeV */
#define SN_H_NW 96                  /* ln omega nodes, omega in [1e-5, 30] GeV */
#define SN_H_NLAG 32                /* Gauss-Laguerre nodes of the y integral of S */
#define SN_L_FINE 512              /* fine energy points of the longitudinal spectrum per shell */
#define SN_C_NR 40                  /* radial nodes of the semi-Compton table, r = r_far (j/(N-1))^2 */
#define SN_C_NX 36                  /* x = omega/T nodes of the semi-Compton table */
#define SN_C_X0 0.05
#define SN_C_X1 300.0
#define SN_EMIT_TAU_MIN 0.01        /* smooth emission edge: the region ends where 1 - e^{-tau_nu} = 1% */

static const double KM_TO_INVGEV = FB_KM_TO_CM / FB_HBARC_GEV_CM;
/* L [GeV^2] -> erg/s */
static const double GEV2_TO_ERG_S = FB_GEV_TO_INV_S / FB_ERG_TO_GEV;

void fb_sn_options_default(fb_sn_options *o) {
  o->criterion = FB_SN_CRIT_CEM;
  o->emission_smooth = 1;
  o->medium_electron_mass = 1;
  o->L_nu_erg_s = 3e52; /* Raffelt, Lect. Notes Phys. 741 (2008) 51 [hep-ph/0611350]; CEM arXiv:1611.03864 */
  o->L_nu_from_profile = 0;
  o->r_far_km = 100.0;  /* fiducial R_far of CEM arXiv:1611.03864 (the value used before this criterion was
                           documented; see docs/sn-profile.md section 3 for what could be checked) */
  o->r_emit_km = 0.0;
  o->absorption = 1;
  o->decays = 1;
  o->longitudinal = 1;
  o->semi_compton = 1;
  o->coalescence = 1;
  o->n_radial = 32;
  o->n_energy = 12;
  o->n_mu = 8;
  o->n_path = 64;
  o->shell_average = 1; /* issue 16: converged trapped surface emission (fb_sn_table_shell_average) */
}

static const char *const crit_names[FB_SN_N_CRITERIA] = {"cem", "rays", "neutrinosphere", "transfer",
                                                          "transfer_radial"};

int fb_sn_criterion_parse(const char *name) {
  for (int i = 0; i < FB_SN_N_CRITERIA; i++)
    if (name && !strcmp(name, crit_names[i])) return i;
  return -1;
}

const char *fb_sn_criterion_name(int c) { return c >= 0 && c < FB_SN_N_CRITERIA ? crit_names[c] : "?"; }

int fb_sn_options_check(const fb_sn_options *o, fb_err *err) {
  FB_TEST(err, o->criterion < 0 || o->criterion >= FB_SN_N_CRITERIA, FB_ERR_RANGE,
          "criterion = %d: allowed cem (0), rays (1), neutrinosphere (2), transfer (3), transfer_radial (4)",
          o->criterion);
  FB_TEST(err, !(o->L_nu_erg_s >= 1e40 && o->L_nu_erg_s <= 1e60), FB_ERR_RANGE,
          "L_nu_erg_s = %g out of range: allowed 1e40 <= L_nu_erg_s <= 1e60", o->L_nu_erg_s);
  FB_TEST(err, !(o->r_far_km >= 1 && o->r_far_km <= 1e5), FB_ERR_RANGE,
          "r_far_km = %g out of range: allowed 1 <= r_far_km <= 1e5", o->r_far_km);
  FB_TEST(err, !(o->r_emit_km >= 0 && o->r_emit_km <= o->r_far_km), FB_ERR_RANGE,
          "r_emit_km = %g out of range: allowed 0 <= r_emit_km <= r_far_km = %g", o->r_emit_km, o->r_far_km);
  FB_TEST(err, o->n_radial < 4 || o->n_radial > 2048, FB_ERR_RANGE, "n_radial = %d: allowed 4..2048", o->n_radial);
  FB_TEST(err, o->n_energy < 4 || o->n_energy > 64, FB_ERR_RANGE, "n_energy = %d: allowed 4..64", o->n_energy);
  FB_TEST(err, o->n_mu < 2 || o->n_mu > 64, FB_ERR_RANGE, "n_mu = %d: allowed 2..64", o->n_mu);
  FB_TEST(err, o->n_path < 8 || o->n_path > 1024, FB_ERR_RANGE, "n_path = %d: allowed 8..1024", o->n_path);
  FB_TEST(err, o->shell_average != 0 && o->shell_average != 1, FB_ERR_RANGE, "shell_average = %d: allowed 0 or 1",
          o->shell_average);
  return FB_OK;
}

/* ------------------------------------------------------------------ np cross section */
/* np elastic cross section [GeV^-2] at centre-of-mass kinetic energy E_GeV, from two cited pieces:
 * (a) low energy: s-wave effective-range expansion, k cot(delta) = -1/a + r k^2/2,
 *     sigma = 4 pi/(k^2 + (k cot delta)^2), sigma_np = sigma_singlet/4 + 3 sigma_triplet/4, k^2 = m_N E.
 *     Parameters (measured): a_s = -23.740 fm, r_s = 2.77 fm, a_t = 5.419 fm, r_t = 1.753 fm
 *     (R. Machleidt, Phys. Rev. C 63 (2001) 024001, nucl-th/0006014, Table 4 "Experiment").
 *     sigma(0) = pi (a_s^2 + 3 a_t^2) = 20.5 b (measured 20.49 b). s-wave only: ~10% low at
 *     T_lab = 50 MeV and a factor 2.4 low at T_lab = 200 MeV (43 mb measured), because the higher
 *     partial waves are missing.
 * (b) T_lab >= 20 MeV: the fit of the measured np elastic cross section used by the GiBUU transport
 *     model, O. Buss et al., Phys. Rept. 512 (2012) 1, arXiv:1106.1344 (after Cugnon, L'Hote &
 *     Vandermeulen, NIM B 111 (1996) 215), in mb with p_lab in GeV/c and s in GeV^2:
 *       p_lab < 0.525: 17.05 m_N/(s - 4 m_N^2) - 6.83;  0.525 <= p_lab < 0.8: 33 + 196 |p_lab - 0.95|^2.5;
 *       0.8 <= p_lab < 2: 31/sqrt(p_lab);  2 <= p_lab: 77/(p_lab + 1.5)  (valid to p_lab = 6 GeV/c).
 *     It gives 164 / 78 / 43 mb at T_lab = 50 / 100 / 200 MeV (measured ~168 / ~73 / ~43 mb).
 * Between T_lab = 20 MeV and the crossing of (a) and (b) (T_lab ~ 40 MeV) the larger of the two is
 * used (continuous; both are within ~10% of the data there). T_lab = 2E + E^2/(2 m_N) (relativistic
 * kinematics of s = (2 m_N + E)^2). The angular distribution is taken as isotropic (transport cross
 * section = elastic cross section); inelastic NN -> NN pi (T_lab > 290 MeV) is not included. */
static double sigma_np_ere_fm2(double E_GeV) {
  const double a_s = -23.740, r_s = 2.77, a_t = 5.419, r_t = 1.753; /* fm */
  const double mN = 0.5 * (FB_MN_GEV + FB_MP_GEV);
  double k2 = mN * (E_GeV > 0 ? E_GeV : 0.0) / (FB_HBARC_GEV_CM / FB_FM_TO_CM) / (FB_HBARC_GEV_CM / FB_FM_TO_CM); /* fm^-2 */
  double cs = -1.0 / a_s + 0.5 * r_s * k2, ct = -1.0 / a_t + 0.5 * r_t * k2;
  return 0.25 * 4.0 * FB_PI / (k2 + cs * cs) + 0.75 * 4.0 * FB_PI / (k2 + ct * ct);
}

static double sigma_np_buss_mb(double Tlab_GeV) {
  const double mN = 0.5 * (FB_MN_GEV + FB_MP_GEV);
  double p = sqrt(Tlab_GeV * Tlab_GeV + 2.0 * mN * Tlab_GeV); /* GeV/c */
  if (p < 0.525) return 17.05 * mN / (2.0 * mN * Tlab_GeV) - 6.83; /* s - 4 m_N^2 = 2 m_N T_lab */
  if (p < 0.8) return 33.0 + 196.0 * pow(fabs(p - 0.95), 2.5);
  if (p < 2.0) return 31.0 / sqrt(p);
  return 77.0 / (p + 1.5);
}

double fb_sn_sigma_np_GeV2(double E_GeV) {
  const double mN = 0.5 * (FB_MN_GEV + FB_MP_GEV);
  const double fm_invGeV = 1e-13 / FB_HBARC_GEV_CM; /* 1 fm in GeV^-1 */
  double E = E_GeV > 0 ? E_GeV : 0.0, Tlab = 2.0 * E + E * E / (2.0 * mN);
  double sig_fm2 = sigma_np_ere_fm2(E);
  if (Tlab >= 0.020) sig_fm2 = fmax(sig_fm2, 0.1 * sigma_np_buss_mb(Tlab)); /* 1 mb = 0.1 fm^2 */
  return sig_fm2 * fm_invGeV * fm_invGeV;
}

/* ------------------------------------------------------------------ semi-Compton and e+e- pairs */
/* Electron in the PNS plasma: asymptotic (hard-momentum) in-medium mass
 *   m_inf^2 = (e^2/4 pi^2)(mu^2 + pi^2 T^2) = (alpha/pi)(mu^2 + pi^2 T^2)
 * (Braaten, ApJ 392 (1992) 70, eq. for m_f with m_inf^2 = 2 m_f^2; Braaten & Segel hep-ph/9302213),
 * added in quadrature to the vacuum mass. ~ 10 MeV in the PNS core (mu_e ~ 200 MeV). */
double fb_sn_electron_mass_GeV(double T, double mu) {
  return sqrt(FB_ME_GEV * FB_ME_GEV + FB_ALPHA_EM / FB_PI * (mu * mu + FB_PI * FB_PI * T * T));
}

static inline double fermi_fd(double x) { /* 1/(e^x + 1) without overflow */
  return x > 0 ? exp(-x) / (1.0 + exp(-x)) : 1.0 / (1.0 + exp(x));
}

static inline double softplus(double y) { /* ln(1 + e^y); beyond |y| = 37: y, resp. 0 (< 1e-16) */
  if (y > 37.0) return y;
  if (y < -37.0) return 0.0;
  return y > 0 ? y + log1p(exp(-y)) : log1p(exp(y));
}

typedef struct cq_nodes {
  int ne, na, nc, nf;
  double xe[64], we[64], xa[64], wa[64], xc[64], wc[64], cf[64], wf[64];
} cq_nodes;

static void gl_nodes(int n, double a, double b, double *x, double *w) {
  gsl_integration_glfixed_table *g = gsl_integration_glfixed_table_alloc((size_t)n);
  for (int k = 0; k < n; k++) {
    if (g) gsl_integration_glfixed_point(a, b, (size_t)k, &x[k], &w[k], g);
    else { x[k] = a + (b - a) * (k + 0.5) / n; w[k] = (b - a) / n; } /* midpoint fallback */
  }
  if (g) gsl_integration_glfixed_table_free(g);
}

static void cq_init(cq_nodes *q, int nq) {
  if (nq < 1) nq = 1;
  if (nq > 4) nq = 4;
  q->ne = 8 * nq; q->na = 16 * nq; q->nc = 12 * nq; q->nf = 6 * nq;
  gl_nodes(q->ne, 0.0, 1.0, q->xe, q->we);
  gl_nodes(q->na, -1.0, 1.0, q->xa, q->wa);
  gl_nodes(q->nc, 0.0, 1.0, q->xc, q->wc);
  double phi[64];
  gl_nodes(q->nf, 0.0, FB_PI, phi, q->wf);
  for (int k = 0; k < q->nf; k++) q->cf[k] = cos(phi[k]);
}

/* Absorption rate of a massless photon (energy om) by Compton scattering on one fermion species of
 * mass me and chemical potential mu in a heat bath T:
 *   Gamma = (1/2 om) int d^3p/((2pi)^3 2E) 2 f(E) int dPhi_2 |M|^2 (1 - f(E')) (1 + f_gamma(om')),
 * |M|^2 = 2 e^4 [p.k'/p.k + p.k/p.k' + 2 me^2 (1/p.k - 1/p.k') + me^4 (1/p.k - 1/p.k')^2] (spin-averaged
 * Klein-Nishina matrix element, Peskin & Schroeder eq. 5.87), two-body phase space in the CM frame
 * dPhi_2 = |k'*|/(16 pi^2 sqrt(s)) dOmega*, the final photon boosted back to the lab. Variables: electron
 * energy E (Gauss-Legendre on segments split at mu +- 8T), cos(p, k), and the CM direction of k' (polar
 * angle c to the boost axis mapped as c = -1 + 2 y^2, which clusters nodes at small om', where the
 * final electron escapes Pauli blocking; azimuth on [0, pi] x 2). Same treatment as the semi-Compton
 * emission of An, Pospelov & Pradler arXiv:1302.3884 and Redondo & Raffelt arXiv:1305.2920 (there
 * non-relativistic: Gamma = n_e sigma_T), here for relativistic degenerate electrons. */
static double compton_species(double T, double mu, double me, double om, const cq_nodes *q) {
  const double E_max = fmax(mu, me) + 40.0 * T;
  const double E_lo = fmax(me, mu - om - 40.0 * T);
  if (!(E_lo < E_max)) return 0.0;
  double b[6] = {E_lo, mu - 8.0 * T, mu + 8.0 * T, E_lo + 8.0 * T, E_max, 0.0};
  int nb = 5;
  for (int i = 1; i < nb; i++) /* insertion sort */
    for (int j = i; j > 0 && b[j] < b[j - 1]; j--) { double t = b[j]; b[j] = b[j - 1]; b[j - 1] = t; }
  const double me2 = me * me, me4 = me2 * me2;
  double acc = 0.0, prev = E_lo;
  for (int sgi = 0; sgi < nb; sgi++) {
    double hi = fmin(fmax(b[sgi], E_lo), E_max);
    if (!(hi > prev * (1.0 + 1e-12))) continue;
    double lo = prev;
    prev = hi;
    for (int ie = 0; ie < q->ne; ie++) {
      double E = lo + (hi - lo) * q->xe[ie], wE = (hi - lo) * q->we[ie];
      double fE = fermi_fd((E - mu) / T);
      if (!(fE > 1e-300)) continue;
      double p = sqrt(fmax(E * E - me2, 0.0));
      double Emp = me2 / (E + p); /* E - p without cancellation */
      double sumA = 0.0;
      for (int ia = 0; ia < q->na; ia++) {
        double ca = q->xa[ia], sa = sqrt(fmax(1.0 - ca * ca, 0.0));
        double pk = om * (Emp + p * (1.0 - ca)); /* p.k = (s - me^2)/2 */
        if (!(pk > 0)) continue;
        double s = me2 + 2.0 * pk, sqs = sqrt(s), ws = pk / sqs; /* |k'*| = (s - me^2)/(2 sqrt s) */
        double Px = p * sa, Pz = p * ca + om, Pm = sqrt(Px * Px + Pz * Pz);
        double g = (E + om) / sqs, bg = Pm / sqs, bx = Px / Pm, bz = Pz / Pm;
        double pb = p * (sa * bx + ca * bz), pe1 = p * (sa * bz - ca * bx);
        double inner = 0.0;
        for (int ic = 0; ic < q->nc; ic++) {
          double y = q->xc[ic], c = -1.0 + 2.0 * y * y, wc = 4.0 * y * q->wc[ic];
          double sc = sqrt(fmax(1.0 - c * c, 0.0));
          double omp = ws * (g + bg * c);
          double Ep = E + om - omp;
          double block = 1.0 - fermi_fd((Ep - mu) / T);
          if (!(block > 1e-300) || !(omp > 0)) continue;
          double bose = 1.0 / (-expm1(-omp / T));
          double a0 = E * omp - ws * (g * c + bg) * pb, a1 = ws * sc * pe1, sf = 0.0;
          for (int k = 0; k < q->nf; k++) {
            double pkp = a0 - a1 * q->cf[k];
            if (!(pkp > 0)) continue;
            double d = 1.0 / pk - 1.0 / pkp;
            sf += q->wf[k] * (pkp / pk + pk / pkp + 2.0 * me2 * d + me4 * d * d);
          }
          inner += wc * block * bose * sf;
        }
        sumA += q->wa[ia] * ws / sqs * 2.0 * inner; /* azimuth [0, pi] -> [0, 2 pi] */
      }
      acc += wE * p * fE * sumA;
    }
  }
  /* (1/2om) (1/8pi^2) x 2 (spins of the target) x (1/16pi^2) x 2 e^4, e^4 = 16 pi^2 alpha^2 */
  return acc / (2.0 * om) / (8.0 * FB_PI * FB_PI) * 2.0 / (16.0 * FB_PI * FB_PI) * 2.0 * 16.0 * FB_PI * FB_PI *
         FB_ALPHA_EM * FB_ALPHA_EM;
}

double fb_sn_compton_gamma_GeV(double T, double mu, double me, double om, int nq) {
  if (!(T > 0) || !(om > 0) || !(me > 0)) return 0.0;
  cq_nodes q;
  cq_init(&q, nq);
  double G = compton_species(T, mu, me, om, &q);
  /* positrons: < 1e-5 of the electron rate above mu/T = 12 (measured), skipped there */
  if (mu / T < 12.0) G += compton_species(T, -mu, me, om, &q);
  return G;
}

/* Pauli blocking of A' -> e- e+ in the medium: with the isotropic (polarisation-averaged) rest-frame
 * decay, the lab energy E of the electron is uniform on [E_-, E_+], E_+- = (omega +- k beta)/2,
 * beta = sqrt(1 - 4 m_e^2/m^2) (e.g. Rrapaj, Sieverding & Qian arXiv:1904.10567 for e+e- <-> A' in
 * stellar plasma), and the identity (1 - f_a)(1 - f_b) = (1 - f_a - f_b)/(1 - e^{-omega/T}) for
 * E_a + E_b = omega, mu_a + mu_b = 0 integrates analytically:
 *   B = [Delta - T(sp((mu - E_-)/T) - sp((mu - E_+)/T)) - T(sp((-mu - E_-)/T) - sp((-mu - E_+)/T))]
 *       / (Delta (1 - e^{-omega/T})),  sp(y) = ln(1 + e^y),  Delta = E_+ - E_-.
 * The production (coalescence) rate is e^{-omega/T} x the blocked decay rate (detailed balance). */
/* B (1 - e^{-omega/T}) = I/Delta, given red = 1 - e^{-omega/T} (saves the expm1 in the ray loop). */
static inline double pair_blocking_red(double om, double k, double mass, double T, double mu, double red, double me) {
  if (!(mass > 2.0 * me) || !(T > 0)) return red;
  double beta = sqrt(1.0 - 4.0 * me * me / (mass * mass));
  double D = k * beta, Em = 0.5 * (om - D), Ep = 0.5 * (om + D);
  /* both leptons far above the Fermi surfaces: 1 - f < e^{-36} ~ 2e-16 */
  if (Em - mu > 36.0 * T && Em + mu > 36.0 * T) return red;
  if (D < 1e-9 * om) {
    double E = 0.5 * om;
    return red * (1.0 - fermi_fd((E - mu) / T)) * (1.0 - fermi_fd((E + mu) / T));
  }
  double I = D - T * (softplus((mu - Em) / T) - softplus((mu - Ep) / T)) -
             T * (softplus((-mu - Em) / T) - softplus((-mu - Ep) / T));
  double Br = I / D;
  return Br > 0 ? (Br < red ? Br : red) : 0.0;
}

static inline double pair_blocking(double om, double k, double mass, double T, double mu) {
  if (!(T > 0)) return 1.0;
  double red = -expm1(-om / T);
  return red > 0 ? pair_blocking_red(om, k, mass, T, mu, red, FB_ME_GEV) / red : 1.0;
}

double fb_sn_pair_blocking(double om, double k, double mass, double T, double mu) {
  return pair_blocking(om, k, mass, T, mu);
}

double fb_sn_pair_blocking_red(double om, double k, double mass, double T, double mu, double red) {
  return T > 0 ? pair_blocking_red(om, k, mass, T, mu, red, FB_ME_GEV) : red;
}

/* e+e- width with electron mass me relative to the vacuum width: beta (1 + 2 me^2/m^2), beta =
 * sqrt(1 - 4 me^2/m^2) (the two-body width of a massive vector into a fermion pair), ratio to me = m_e;
 * 0 below the in-medium threshold m = 2 me. The in-medium (asymptotic) electron mass
 * m_e*^2 = m_e^2 + (alpha/pi)(mu_e^2 + pi^2 T^2) (Braaten, ApJ 392 (1992) 70) moves the threshold from
 * 1.02 MeV in vacuum to 2.6 MeV at the neutrinosphere of the default profile (1.3 MeV at 40 km); the electron dispersion near
 * the e+e- threshold matters for A' <-> e+e- in hot plasmas (Rrapaj, Sieverding & Qian arXiv:1904.10567). */
static inline double ee_phase_ratio(double mass, double me) {
  double x = 4.0 * me * me / (mass * mass), x0 = 4.0 * FB_ME_GEV * FB_ME_GEV / (mass * mass);
  if (!(x < 1.0) || !(x0 < 1.0)) return 0.0;
  return sqrt(1.0 - x) * (1.0 + 0.5 * x) / (sqrt(1.0 - x0) * (1.0 + 0.5 * x0));
}

/* Pauli-blocked (reduced) e+e- factor at a medium point, with the in-medium electron mass if enabled:
 * returns ratio * B (1 - e^{-omega/T}). */
static inline double pair_factor_red(const fb_sn_options *o, double om, double k, double mass, double T, double mu,
                                     double red) {
  double me = o->medium_electron_mass ? fb_sn_electron_mass_GeV(T, mu) : FB_ME_GEV;
  if (!(mass > 2.0 * me)) return 0.0;
  double r = me > FB_ME_GEV ? ee_phase_ratio(mass, me) : 1.0;
  return r * pair_blocking_red(om, k, mass, T, mu, red, me);
}

static int compton_table_init(fb_sn_medium *m, fb_err *err) {
  m->nxc = SN_C_NX;
  m->lnxc0 = log(SN_C_X0);
  m->dlnxc = (log(SN_C_X1) - m->lnxc0) / (double)(SN_C_NX - 1);
  double *coarse = malloc((size_t)SN_C_NR * SN_C_NX * sizeof *coarse);
  m->lnGC = malloc(m->n * m->nxc * sizeof *m->lnGC);
  m->GC = malloc(m->n * m->nxc * sizeof *m->GC);
  if (!coarse || !m->lnGC || !m->GC) {
    free(coarse);
    FB_TEST(err, 1, FB_ERR_MEMORY, "cannot allocate the semi-Compton table");
  }
  cq_nodes q;
  cq_init(&q, 1);
  const double rfar = m->r_far_invGeV;
  for (int j = 0; j < SN_C_NR; j++) {
    double r = rfar * (double)j * j / ((double)(SN_C_NR - 1) * (SN_C_NR - 1));
    double x = r / m->dr_invGeV;
    size_t i = x <= 0 ? 0 : (size_t)x;
    if (i > m->n - 2) i = m->n - 2;
    double t = fmin(fmax(x - (double)i, 0.0), 1.0);
    double T = m->T_GeV[i] + t * (m->T_GeV[i + 1] - m->T_GeV[i]);
    double mu = m->mue_GeV[i] + t * (m->mue_GeV[i + 1] - m->mue_GeV[i]);
    double me = fb_sn_electron_mass_GeV(T, mu);
    for (int k = 0; k < SN_C_NX; k++) {
      double om = T * exp(m->lnxc0 + k * m->dlnxc);
      double G = 0.0;
      if (T > 0) {
        G = compton_species(T, mu, me, om, &q);
        if (mu / T < 12.0) G += compton_species(T, -mu, me, om, &q); /* as in fb_sn_compton_gamma_GeV */
      }
      coarse[j * SN_C_NX + k] = log(fmax(G / T, 1e-300));
    }
  }
  /* onto the uniform medium grid: linear in r between coarse nodes (j = (N-1) sqrt(r/r_far)) */
  for (size_t i = 0; i < m->n; i++) {
    double u = (SN_C_NR - 1) * sqrt((double)i / (double)(m->n - 1));
    int j = (int)u;
    if (j > SN_C_NR - 2) j = SN_C_NR - 2;
    double r = (double)i * m->dr_invGeV;
    double r0 = rfar * (double)j * j / ((double)(SN_C_NR - 1) * (SN_C_NR - 1));
    double r1 = rfar * (double)(j + 1) * (j + 1) / ((double)(SN_C_NR - 1) * (SN_C_NR - 1));
    double t = fmin(fmax((r - r0) / (r1 - r0), 0.0), 1.0);
    for (size_t k = 0; k < m->nxc; k++) {
      m->lnGC[i * m->nxc + k] = (1 - t) * coarse[j * SN_C_NX + k] + t * coarse[(j + 1) * SN_C_NX + k];
      m->GC[i * m->nxc + k] = exp(m->lnGC[i * m->nxc + k]);
    }
  }
  free(coarse);
  return FB_OK;
}

/* ------------------------------------------------------------------ medium */
/* n_eff = int 2 d^3p/(2pi)^3 f(1 - f) = T dn/dmu for a non-relativistic ideal gas: n = 2 (m T/2pi)^{3/2} F_{1/2}(eta),
 * n_eff/n = F_{-1/2}(eta)/F_{1/2}(eta) (GSL normalisation F_j = int t^j/(e^{t - eta} + 1) dt / Gamma(j + 1); Raffelt,
 * Stars as Laboratories (1996) sec. 4.6). eta by bisection on ln F_{1/2} (monotonic). The effective number of
 * Primakoff targets and of Debye-screening charges of degenerate protons (Payez et al. arXiv:1410.3747, abstract:
 * "consistent treatment of nucleon-degeneracy effects and of the reduction of the nuclear masses"). */
double fb_sn_proton_degeneracy_factor(double n_GeV3, double T_GeV, double mstar_GeV) {
  if (!(n_GeV3 > 0) || !(T_GeV > 0) || !(mstar_GeV > 0)) return 1.0;
  double nq = 2.0 * pow(mstar_GeV * T_GeV / (2.0 * FB_PI), 1.5), target = n_GeV3 / nq; /* = F_{1/2}(eta) */
  if (target < 1e-8) return 1.0; /* Boltzmann: S = 1 - O(e^eta) */
  double lo = -40.0, hi = 1e4;
  gsl_sf_result a, b;
  for (int it = 0; it < 200 && hi - lo > 1e-12 * fmax(1.0, fabs(hi)); it++) {
    double mid = 0.5 * (lo + hi);
    if (gsl_sf_fermi_dirac_half_e(mid, &b) != GSL_SUCCESS) return 1.0;
    if (b.val < target) lo = mid; else hi = mid;
  }
  double eta = 0.5 * (lo + hi);
  if (gsl_sf_fermi_dirac_mhalf_e(eta, &a) != GSL_SUCCESS || gsl_sf_fermi_dirac_half_e(eta, &b) != GSL_SUCCESS ||
      !(b.val > 0))
    return 1.0;
  return a.val / b.val;
}

void fb_sn_medium_free(fb_sn_medium *m) {
  if (!m) return;
  free(m->mue_GeV); free(m->lnGC); free(m->GC); free(m->wemit);
  free(m->T_GeV); free(m->np_GeV3); free(m->npeff_GeV3); free(m->nnnp_GeV6); free(m->wp2_GeV2); free(m->lapse); free(m->H);
  free(m->u); free(m->wu); free(m->mu); free(m->wmu);
  memset(m, 0, sizeof *m);
}

static int nodes_init(fb_sn_medium *m, fb_err *err) {
  int ne = m->opt.n_energy, nm = m->opt.n_mu;
  m->u = malloc((size_t)ne * sizeof *m->u);
  m->wu = malloc((size_t)ne * sizeof *m->wu);
  m->mu = malloc((size_t)nm * sizeof *m->mu);
  m->wmu = malloc((size_t)nm * sizeof *m->wmu);
  FB_TEST(err, !m->u || !m->wu || !m->mu || !m->wmu, FB_ERR_MEMORY, "cannot allocate quadrature nodes");
  /* int_0^inf u^{1/2} e^{-u} f(u) du: generalised Gauss-Laguerre (GSL gsl_integration_fixed) */
  gsl_integration_fixed_workspace *w =
      gsl_integration_fixed_alloc(gsl_integration_fixed_laguerre, (size_t)ne, 0.0, 1.0, 0.5, 0.0);
  FB_TEST(err, !w, FB_ERR_GSL, "gsl_integration_fixed_alloc(laguerre, n = %d) failed", ne);
  memcpy(m->u, gsl_integration_fixed_nodes(w), (size_t)ne * sizeof(double));
  memcpy(m->wu, gsl_integration_fixed_weights(w), (size_t)ne * sizeof(double));
  gsl_integration_fixed_free(w);
  if (m->opt.criterion == FB_SN_CRIT_CEM || m->opt.criterion == FB_SN_CRIT_TRANSFER_RADIAL) {
    /* CEM arXiv:1611.03864 (and transfer_radial): the optical depth along the outward radial path only */
    m->mu[0] = 1.0;
    m->wmu[0] = 1.0;
    m->opt.n_mu = 1;
    return FB_OK;
  }
  gsl_integration_glfixed_table *g = gsl_integration_glfixed_table_alloc((size_t)nm);
  FB_TEST(err, !g, FB_ERR_GSL, "gsl_integration_glfixed_table_alloc(%d) failed", nm);
  for (int k = 0; k < nm; k++) {
    gsl_integration_glfixed_point(-1.0, 1.0, (size_t)k, &m->mu[k], &m->wmu[k], g);
    m->wmu[k] *= 0.5; /* average over directions */
  }
  gsl_integration_glfixed_table_free(g);
  return FB_OK;
}

static int htable_init(fb_sn_medium *m, fb_err *err) {
  m->nT = SN_H_NT;
  m->nw = SN_H_NW;
  m->lnT0 = log(1e-5);
  m->dlnT = (log(0.3) - m->lnT0) / (double)(m->nT - 1);
  m->lnw0 = log(1e-5);
  m->dlnw = (log(30.0) - m->lnw0) / (double)(m->nw - 1);
  m->H = malloc(m->nT * m->nw * sizeof *m->H);
  FB_TEST(err, !m->H, FB_ERR_MEMORY, "cannot allocate the cross-section table");
  gsl_integration_fixed_workspace *w =
      gsl_integration_fixed_alloc(gsl_integration_fixed_laguerre, SN_H_NLAG, 0.0, 1.0, 0.0, 0.0);
  FB_TEST(err, !w, FB_ERR_GSL, "gsl_integration_fixed_alloc(laguerre) failed");
  const double *y = gsl_integration_fixed_nodes(w), *wy = gsl_integration_fixed_weights(w);
  for (size_t a = 0; a < m->nT; a++) {
    double T = exp(m->lnT0 + (double)a * m->dlnT);
    for (size_t b = 0; b < m->nw; b++) {
      double om = exp(m->lnw0 + (double)b * m->dlnw), wv = om / T, S = 0.0;
      for (size_t j = 0; j < SN_H_NLAG; j++) S += wy[j] * (wv + y[j]) * (wv + y[j]) * fb_sn_sigma_np_GeV2(om + y[j] * T);
      m->H[a * m->nw + b] = S / (wv * wv + 2.0 * wv + 2.0);
    }
  }
  gsl_integration_fixed_free(w);
  return FB_OK;
}

int fb_sn_medium_init(fb_sn_medium *m, const fb_sn_profile *p, const fb_sn_options *o, fb_err *err) {
  FB_TEST(err, !m || !p || !o || p->n < 4, FB_ERR_INPUT, "NULL or empty medium, profile or options");
  memset(m, 0, sizeof *m);
  FB_CALL(err, fb_sn_options_check(o, err));
  m->opt = *o;
  double r_max_km = p->field[FB_SN_R_KM][p->n - 1];
  FB_TEST(err, o->r_far_km > r_max_km, FB_ERR_RANGE,
          "r_far_km = %g exceeds the outer radius %g km of the profile %s", o->r_far_km, r_max_km, p->path);
  int rc;
  double *taunu = NULL;
  FB_CALL_GOTO(err, rc, fb_sn_profile_neutrinosphere_km(p, &m->r_nu_km, err), fail);
  double r_emit_km = o->r_emit_km > 0 ? o->r_emit_km : m->r_nu_km;
  /* smooth emission edge: weight 1 - e^{-tau_nu(r)}, region out to tau_nu = SN_EMIT_TAU_MIN (capped at r_far) */
  /* (the transfer criterion puts the emission and deposition boundary at the neutrinosphere: sharp) */
  const int transfer = o->criterion == FB_SN_CRIT_TRANSFER || o->criterion == FB_SN_CRIT_TRANSFER_RADIAL;
  const int smooth = o->emission_smooth && !(o->r_emit_km > 0) && !transfer;
  /* the emission region reaches at least the neutrinosphere: r_far below it is an input error in
   * both edge treatments (the smooth edge is capped at r_far only beyond the neutrinosphere) */
  FB_TEST_GOTO(err, rc, r_emit_km > o->r_far_km, FB_ERR_RANGE, fail,
               "the emission radius %g km (neutrinosphere if r_emit_km = 0) exceeds r_far_km = %g", r_emit_km,
               o->r_far_km);
  if (smooth) {
    taunu = malloc(p->n * sizeof *taunu);
    FB_TEST_GOTO(err, rc, !taunu, FB_ERR_MEMORY, fail, "cannot allocate the neutrino optical depth");
    fb_sn_profile_nu_optical_depth(p, taunu);
    for (size_t i = 0; i + 1 < p->n; i++)
      if (taunu[i] >= SN_EMIT_TAU_MIN && taunu[i + 1] < SN_EMIT_TAU_MIN) {
        double t = (taunu[i] - SN_EMIT_TAU_MIN) / (taunu[i] - taunu[i + 1]);
        r_emit_km = p->field[FB_SN_R_KM][i] + t * (p->field[FB_SN_R_KM][i + 1] - p->field[FB_SN_R_KM][i]);
      }
    if (r_emit_km > o->r_far_km) r_emit_km = o->r_far_km;
  }
  m->L_nu_profile_erg_s = fb_sn_profile_thermal_Lnu_erg_s(p, m->r_nu_km);
  if (o->L_nu_from_profile) {
    FB_TEST_GOTO(err, rc, !(m->L_nu_profile_erg_s >= 1e40 && m->L_nu_profile_erg_s <= 1e60), FB_ERR_RANGE, fail,
                 "the thermal neutrino luminosity %g erg/s of profile %s is outside 1e40..1e60", m->L_nu_profile_erg_s,
                 p->path);
    m->opt.L_nu_erg_s = m->L_nu_profile_erg_s;
  }
  FB_TEST_GOTO(err, rc, r_emit_km > o->r_far_km, FB_ERR_RANGE, fail,
               "the emission radius %g km (neutrinosphere if r_emit_km = 0) exceeds r_far_km = %g", r_emit_km,
               o->r_far_km);
  size_t n = (size_t)ceil(o->r_far_km / SN_MEDIUM_DR_KM) + 1;
  if (n > SN_MEDIUM_NMAX) n = SN_MEDIUM_NMAX;
  m->n = n;
  double dr_km = o->r_far_km / (double)(n - 1);
  m->dr_invGeV = dr_km * KM_TO_INVGEV;
  m->r_far_invGeV = o->r_far_km * KM_TO_INVGEV;
  m->r_emit_invGeV = r_emit_km * KM_TO_INVGEV;
  /* neutrinosphere and transfer criteria: the paths end at the outer edge of the emission region (the
   * neutrinosphere with the sharp edge, always for transfer; tau_nu = SN_EMIT_TAU_MIN with the smooth one) */
  m->r_tau_invGeV = o->criterion == FB_SN_CRIT_NEUTRINOSPHERE || transfer ? m->r_emit_invGeV : m->r_far_invGeV;
  m->T_GeV = malloc(n * sizeof(double));
  m->nnnp_GeV6 = malloc(n * sizeof(double));
  m->wp2_GeV2 = malloc(n * sizeof(double));
  m->lapse = malloc(n * sizeof(double));
  m->np_GeV3 = malloc(n * sizeof(double));
  m->npeff_GeV3 = malloc(n * sizeof(double));
  m->mue_GeV = malloc(n * sizeof(double));
  m->wemit = malloc(n * sizeof(double));
  FB_TEST_GOTO(err, rc, !m->wemit || !m->mue_GeV || !m->np_GeV3 || !m->npeff_GeV3 || !m->T_GeV || !m->nnnp_GeV6 || !m->wp2_GeV2 || !m->lapse,
               FB_ERR_MEMORY, fail,
               "cannot allocate the medium grid (%zu points)", n);
  const double amu_g = FB_AMU_GEV * FB_GEV_G, hc3 = pow(FB_HBARC_GEV_CM, 3);
  for (size_t i = 0; i < n; i++) {
    double r = (double)i * dr_km;
    double T = fb_sn_profile_at(p, FB_SN_T_MEV, r) * 1e-3;
    double nB = fb_sn_profile_at(p, FB_SN_RHO_G_CM3, r) / amu_g * hc3; /* GeV^3 */
    double mue = fb_sn_profile_at(p, FB_SN_MU_E_MEV, r) * 1e-3;
    m->T_GeV[i] = T;
    m->mue_GeV[i] = mue;
    m->np_GeV3[i] = fb_sn_profile_at(p, FB_SN_X_P, r) * nB;
    double mstar_p = fb_sn_profile_at(p, FB_SN_MSTAR_P_MEV, r) * 1e-3;
    if (!(mstar_p > 0)) mstar_p = FB_MP_GEV;
    m->npeff_GeV3[i] = m->np_GeV3[i] * fb_sn_proton_degeneracy_factor(m->np_GeV3[i], T, mstar_p);
    m->nnnp_GeV6[i] = fb_sn_profile_at(p, FB_SN_X_N, r) * nB * m->np_GeV3[i];
    /* omega_p^2 of a relativistic degenerate e-/e+ gas: (4 alpha/3 pi)(mu_e^2 + pi^2 T^2/3)
     * (Braaten & Segel hep-ph/9302213 eq. 3; CEM arXiv:1611.03864 sec. 2) */
    m->wp2_GeV2[i] = 4.0 * FB_ALPHA_EM / (3.0 * FB_PI) * (mue * mue + FB_PI * FB_PI * T * T / 3.0);
    m->lapse[i] = fb_sn_profile_at(p, FB_SN_LAPSE, r);
    m->wemit[i] = 1.0;
    if (taunu) {
      /* tau_nu at r: linear interpolation between the profile rows (rows 0.25 km apart in the default) */
      const double *rr = p->field[FB_SN_R_KM];
      size_t lo = 0, hi = p->n - 1;
      while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (rr[mid] <= r) lo = mid; else hi = mid;
      }
      double t = fmin(fmax((r - rr[lo]) / (rr[hi] - rr[lo]), 0.0), 1.0);
      m->wemit[i] = -expm1(-(taunu[lo] + t * (taunu[hi] - taunu[lo])));
    }
  }
  free(taunu);
  taunu = NULL;
  m->lapse_far = m->lapse[n - 1];
  FB_CALL_GOTO(err, rc, htable_init(m, err), fail);
  FB_CALL_GOTO(err, rc, nodes_init(m, err), fail);
  if (o->semi_compton) FB_CALL_GOTO(err, rc, compton_table_init(m, err), fail);
  return FB_OK;
fail:
  free(taunu);
  fb_sn_medium_free(m);
  return rc;
}

/* Medium values at radius r [GeV^-1] by linear interpolation. */
typedef struct med_pt {
  double T, nnnp, wp2, lapse, mue;
  size_t i; /* grid cell [i, i+1] and position t in it (semi-Compton table) */
  double t;
} med_pt;

static inline med_pt medium_at(const fb_sn_medium *m, double r) {
  double x = r / m->dr_invGeV;
  size_t i = x <= 0 ? 0 : (size_t)x;
  if (i > m->n - 2) i = m->n - 2;
  double t = x - (double)i;
  if (t > 1) t = 1;
  if (t < 0) t = 0;
  med_pt q;
  q.T = m->T_GeV[i] + t * (m->T_GeV[i + 1] - m->T_GeV[i]);
  q.nnnp = m->nnnp_GeV6[i] + t * (m->nnnp_GeV6[i + 1] - m->nnnp_GeV6[i]);
  q.wp2 = m->wp2_GeV2[i] + t * (m->wp2_GeV2[i + 1] - m->wp2_GeV2[i]);
  q.lapse = m->lapse[i] + t * (m->lapse[i + 1] - m->lapse[i]);
  q.mue = m->mue_GeV[i] + t * (m->mue_GeV[i + 1] - m->mue_GeV[i]);
  q.i = i;
  q.t = t;
  return q;
}

/* Photon absorption rate by inverse np bremsstrahlung [GeV], soft-radiation approximation:
 * the dipole soft-photon spectrum dN/domega = (2 alpha/3 pi omega) |Delta v_p|^2 per np collision
 * (Jackson, Classical Electrodynamics, ch. 15; the SRA of Rrapaj & Reddy arXiv:1511.09136), with
 * |Delta v_p|^2 = 2 p^2 (1 - cos theta)/m_N^2 in the np CM frame, Maxwell-Boltzmann nucleons and
 * E_cm >= omega, gives by detailed balance (absorption = e^{omega/T} x production / (2 omega^2/2pi^2))
 *   Gamma = (16 sqrt(pi) alpha/3) n_n n_p T^{3/2} S(T, omega) / (omega^3 m_N^{3/2}),
 *   S = int_0^inf dy (w + y)^2 e^{-y} sigma_T(omega + y T),  w = omega/T,
 * the form (32/3pi) alpha n_n n_p omega^-3 (pi T/m_N)^{3/2} <sigma^(2)> of CEM arXiv:1611.03864
 * (sec. 3) for omega << T. */
static inline double gamma_ibr_l(const fb_sn_medium *m, med_pt q, double om, double lnT, double lnom) {
  if (!(q.nnnp > 0) || !(q.T > 0)) return 0.0;
  const double mN = 0.5 * (FB_MN_GEV + FB_MP_GEV);
  double w = om / q.T;
  double a = (lnT - m->lnT0) / m->dlnT, b = (lnom - m->lnw0) / m->dlnw;
  if (a < 0) a = 0;
  if (a > (double)(m->nT - 1) - 1e-9) a = (double)(m->nT - 1) - 1e-9;
  if (b < 0) b = 0;
  if (b > (double)(m->nw - 1) - 1e-9) b = (double)(m->nw - 1) - 1e-9;
  size_t ia = (size_t)a, ib = (size_t)b;
  double ta = a - (double)ia, tb = b - (double)ib;
  const double *H = m->H + ia * m->nw + ib;
  double h = (1 - ta) * ((1 - tb) * H[0] + tb * H[1]) + ta * ((1 - tb) * H[m->nw] + tb * H[m->nw + 1]);
  double S = h * (w * w + 2.0 * w + 2.0);
  return 16.0 * sqrt(FB_PI) * FB_ALPHA_EM / 3.0 * q.nnnp * q.T * sqrt(q.T) * S / (om * om * om * mN * sqrt(mN));
}

static inline double gamma_ibr(const fb_sn_medium *m, med_pt q, double om) {
  return q.T > 0 ? gamma_ibr_l(m, q, om, log(q.T), log(om)) : 0.0;
}

/* Semi-Compton absorption rate from the table: inside it bilinear in (r, ln x) of Gamma/T (no exp
 * per call; the table radii come from log-linear interpolation of the coarse nodes), beyond the ends
 * of the ln x range linear extrapolation of ln(Gamma/T). */
static inline double gamma_compton_l(const fb_sn_medium *m, med_pt q, double lnx) {
  if (!m->lnGC || !(q.T > 0)) return 0.0;
  double b = (lnx - m->lnxc0) / m->dlnxc;
  int k = (int)floor(b);
  if (k < 0) k = 0;
  if (k > (int)m->nxc - 2) k = (int)m->nxc - 2;
  double tb = b - k;
  if (tb >= 0.0 && tb <= 1.0) {
    const double *g0 = m->GC + q.i * m->nxc, *g1 = g0 + m->nxc;
    double v0 = g0[k] + tb * (g0[k + 1] - g0[k]), v1 = g1[k] + tb * (g1[k + 1] - g1[k]);
    return q.T * (v0 + q.t * (v1 - v0));
  }
  const double *a0 = m->lnGC + q.i * m->nxc, *a1 = a0 + m->nxc;
  double l0 = a0[k] + tb * (a0[k + 1] - a0[k]), l1 = a1[k] + tb * (a1[k + 1] - a1[k]);
  double l = l0 + q.t * (l1 - l0);
  return l < -690.0 ? 0.0 : q.T * exp(l);
}

static inline double gamma_compton(const fb_sn_medium *m, med_pt q, double om) {
  return q.T > 0 ? gamma_compton_l(m, q, log(om / q.T)) : 0.0;
}

/* Total (transverse) photon absorption rate: inverse np bremsstrahlung + semi-Compton. */
static inline double gamma_abs(const fb_sn_medium *m, med_pt q, double om) {
  if (!(q.T > 0)) return 0.0;
  double lnT = log(q.T), lnom = log(om); /* shared by both tables */
  return gamma_ibr_l(m, q, om, lnT, lnom) + gamma_compton_l(m, q, lnom - lnT);
}

double fb_sn_gamma_compton_GeV(const fb_sn_medium *m, double r_invGeV, double omega_GeV) {
  return gamma_compton(m, medium_at(m, r_invGeV), omega_GeV);
}

double fb_sn_gamma_ibr_GeV(const fb_sn_medium *m, double r_invGeV, double omega_GeV) {
  return gamma_ibr(m, medium_at(m, r_invGeV), omega_GeV);
}

double fb_sn_wp2_GeV2(const fb_sn_medium *m, double r_invGeV) { return medium_at(m, r_invGeV).wp2; }

double fb_sn_emission_weight(const fb_sn_medium *m, double r_invGeV) {
  med_pt q = medium_at(m, r_invGeV);
  return m->wemit[q.i] + q.t * (m->wemit[q.i + 1] - m->wemit[q.i]);
}

/* Fraction of a Lorentzian of half width gam that a grid cell of full width dg does NOT resolve:
 * the delta-function piece is added with this weight, the sampled (broadened) Lorentzian carries
 * the rest (see the file comment of docs/sn-profile.md, "resonances"). */
static inline double unresolved_fraction(double dg, double gam) {
  if (!(gam > 0)) return 1.0;
  return 2.0 / FB_PI * atan(fabs(dg) / (2.0 * gam));
}

/* ------------------------------------------------------------------ rays */
#define SN_PATH_MAX 1025

/* Vacuum decay widths of the A' at eps = 1 [GeV]: into e+e- (Pauli blocked in the medium) and the rest. */
typedef struct dec_par {
  double ee, other;
} dec_par;

/* Optical depths per eps^2 of the T and L modes along one ray from radius r0 with local energy om0
 * and direction cosine mu. */
static void ray_tau(const fb_sn_medium *m, double mass, const dec_par *D, double r0, double om0, double mu,
                    double *tauT, double *tauL) {
  const int N = m->opt.n_path;
  const int absorb = m->opt.absorption, dec = m->opt.decays && (D->ee > 0 || D->other > 0);
  *tauT = *tauL = 0.0;
  if (!absorb && !dec) return;
  /* the path ends at r_tau (r_far, or the neutrinosphere for FB_SN_CRIT_NEUTRINOSPHERE); emission
   * beyond it has no optical depth (escape from gravity is ensured by the lowest energy of the shell) */
  const double re = m->r_tau_invGeV;
  if (!(r0 < re)) return;
  double smax = -r0 * mu + sqrt(re * re - r0 * r0 * (1.0 - mu * mu));
  double s[SN_PATH_MAX], om[SN_PATH_MAX], v[SN_PATH_MAX], gT[SN_PATH_MAX], gL[SN_PATH_MAX], rT[SN_PATH_MAX],
      rL[SN_PATH_MAX], Im[SN_PATH_MAX], Gr[SN_PATH_MAX], Dk[SN_PATH_MAX];
  double m2 = mass * mass, lapse0 = medium_at(m, r0).lapse;
  for (int j = 0; j <= N; j++) {
    double t = (double)j / N;
    s[j] = smax * t * t; /* finer steps near the emission point */
    double r = sqrt(fmax(r0 * r0 + s[j] * s[j] + 2.0 * r0 * s[j] * mu, 0.0));
    med_pt q = medium_at(m, r);
    om[j] = om0 * lapse0 / q.lapse; /* energy at infinity conserved */
    double k2 = om[j] * om[j] - m2;
    if (!(k2 > 0)) { /* gravitationally trapped */
      *tauT = *tauL = INFINITY;
      return;
    }
    v[j] = sqrt(k2) / om[j];
    double G = gamma_abs(m, q, om[j]), red = -expm1(-om[j] / q.T); /* 1 - e^{-omega/T} */
    Gr[j] = G * red;
    /* decays at eps = 1 (boost m/omega): e+e- Pauli blocked and reduced by the inverse decay
     * (B (1 - e^{-x}), fb_sn_pair_blocking), other channels vacuum */
    Dk[j] = 0.0;
    if (dec) {
      /* the e+e- width is skipped where even unblocked it is < 1e-7 of the absorption rate (hot core) */
      double ee = D->ee * mass / om[j], pb = 0.0;
      if (ee > 0 && !(absorb && ee < 1e-7 * Gr[j])) pb = pair_factor_red(&m->opt, om[j], v[j] * om[j], mass, q.T, q.mue, red);
      Dk[j] = ee * pb + D->other * mass / om[j];
    }
    Im[j] = om[j] * Gr[j];
    gT[j] = q.wp2 - m2;
    gL[j] = om[j] * om[j] - q.wp2;
  }
  for (int j = 0; j <= N; j++) {
    double dT = 0.0, dL = 0.0;
    if (j > 0) { dT = fabs(gT[j] - gT[j - 1]); dL = fabs(gL[j] - gL[j - 1]); }
    if (j < N) { dT = fmax(dT, fabs(gT[j + 1] - gT[j])); dL = fmax(dL, fabs(gL[j + 1] - gL[j])); }
    /* broaden only where the resonance falls inside this node's cell */
    dT = fabs(gT[j]) < 0.5 * dT ? 0.5 * dT : 0.0;
    dL = fabs(gL[j]) < 0.5 * dL ? 0.5 * dL : 0.0;
    double decay = Dk[j]; /* boosted (blocked) width at eps = 1 */
    double ab = absorb ? Gr[j] : 0.0;
    /* eps_eff^2/eps^2: T m^4/((m^2-wp^2)^2 + Im^2), L omega^4/((omega^2-wp^2)^2 + Im^2); L absorption
     * Gamma_L = (m^2/omega^2) Gamma_T (CEM arXiv:1611.03864 sec. 2); cell-broadened denominators */
    rT[j] = m2 * m2 * (ab + decay) / (gT[j] * gT[j] + Im[j] * Im[j] + dT * dT) / v[j];
    double o2 = om[j] * om[j];
    rL[j] = o2 * o2 * (ab * m2 / o2 + decay) / (gL[j] * gL[j] + Im[j] * Im[j] + dL * dL) / v[j];
  }
  double tT = 0.0, tL = 0.0;
  for (int j = 0; j < N; j++) {
    double ds = s[j + 1] - s[j];
    tT += 0.5 * (rT[j] + rT[j + 1]) * ds;
    if (m->opt.longitudinal) tL += 0.5 * (rL[j] + rL[j + 1]) * ds;
    if (!absorb || !(ds > 0)) continue;
    double omb = 0.5 * (om[j] + om[j + 1]), vb = 0.5 * (v[j] + v[j + 1]), Imb = 0.5 * (Im[j] + Im[j + 1]);
    /* resonant absorption, narrow-width limit: int ds eps_eff^2 Gr/v -> pi m^4/(omega v |d wp^2/ds|) (T),
     * pi omega m^2/(v |d(omega^2 - wp^2)/ds|) (L) */
    if ((gT[j] > 0) != (gT[j + 1] > 0)) {
      double dg = gT[j + 1] - gT[j];
      tT += FB_PI * m2 * m2 / (omb * vb * fabs(dg / ds)) * unresolved_fraction(dg, Imb);
    }
    if (m->opt.longitudinal && (gL[j] > 0) != (gL[j + 1] > 0)) {
      double dg = gL[j + 1] - gL[j];
      tL += FB_PI * omb * m2 / (vb * fabs(dg / ds)) * unresolved_fraction(dg, Imb);
    }
  }
  *tauT = tT;
  *tauL = tL;
}

/* e+e- coalescence (inverse decay) as A' production, per eps_eff^2 and before the factor e^{-omega/T}
 * of detailed balance: the Pauli-blocked decay rate Gamma_ee(eps = 1) (m/omega) B (fb_sn_pair_blocking);
 * production = e^{-omega/T} x this (f- f+ = e^{-omega/T} (1 - f-)(1 - f+) for mu- + mu+ = 0). */
static inline double coal_rate(const fb_sn_medium *m, const dec_par *D, med_pt q, double om, double mass) {
  if (!m->opt.coalescence || !(D->ee > 0) || !(om > mass) || !(q.T > 0)) return 0.0;
  double red = -expm1(-om / q.T);
  return D->ee * mass / om * pair_factor_red(&m->opt, om, sqrt(om * om - mass * mass), mass, q.T, q.mue, red) / red;
}

/* ------------------------------------------------------------------ table */
fb_sn_point fb_sn_point_at(const fb_sn_medium *m, double r) {
  med_pt a = medium_at(m, r);
  double t = a.t;
  size_t i = a.i;
  fb_sn_point q;
  q.T = a.T;
  q.np = m->np_GeV3[i] + t * (m->np_GeV3[i + 1] - m->np_GeV3[i]);
  q.npeff = m->npeff_GeV3[i] + t * (m->npeff_GeV3[i + 1] - m->npeff_GeV3[i]);
  q.nnnp = a.nnnp;
  q.wp2 = a.wp2;
  q.lapse = a.lapse;
  q.mue = a.mue;
  return q;
}

/* Trapezoid in s = smax t^2 (dense near the emission point, where the medium is densest), the local
 * energy om = om0 lapse(r0)/lapse(r) (gravitational blue/redshift). */
double fb_sn_path_tau(const fb_sn_medium *m, double mass, double r0, double om0, double mu, fb_sn_rate_fn rate,
                      void *ctx) {
  const int N = m->opt.n_path;
  const double re = m->r_tau_invGeV;
  if (!(r0 < re)) return 0.0;
  double smax = -r0 * mu + sqrt(re * re - r0 * r0 * (1.0 - mu * mu));
  double lapse0 = fb_sn_point_at(m, r0).lapse, tau = 0.0, prev = 0.0, s_prev = 0.0;
  for (int j = 0; j <= N; j++) {
    double t = (double)j / N, s = smax * t * t;
    double r = sqrt(fmax(r0 * r0 + s * s + 2.0 * r0 * s * mu, 0.0));
    fb_sn_point q = fb_sn_point_at(m, r);
    double om = om0 * lapse0 / q.lapse, p2 = om * om - mass * mass;
    if (!(p2 > 0)) return INFINITY; /* gravitationally trapped */
    double f = rate(&q, r, om, ctx) / (sqrt(p2) / om);
    if (j > 0) tau += 0.5 * (prev + f) * (s - s_prev);
    prev = f;
    s_prev = s;
  }
  return tau;
}

/* Append one element: weight W [erg/s per eps^2] of mode L (1) or T (0) emitted at r0 with local
 * energy om0; computes its optical depths. Elements with W == 0 are skipped. */
static void add_element(fb_sn_table *t, const fb_sn_medium *m, const dec_par *D, double r0, double om0, int L,
                        double W) {
  if (!(W > 0)) return;
  size_t e = t->n_el++;
  t->W[e] = W;
  for (size_t k = 0; k < t->n_mu; k++) {
    double tT, tL;
    ray_tau(m, t->mass_GeV, D, r0, om0, m->mu[k], &tT, &tL);
    t->tau[e * t->n_mu + k] = L ? tL : tT;
  }
}

/* Pairs of T and L elements at one (r0, om0) share their rays. */
static void add_pair(fb_sn_table *t, const fb_sn_medium *m, const dec_par *D, double r0, double om0, double WT,
                     double WL) {
  if (!(WT > 0) && !(WL > 0)) return;
  size_t eT = t->n_el, eL = eT + (WT > 0);
  if (WT > 0) t->W[eT] = WT;
  if (WL > 0) t->W[eL] = WL;
  for (size_t k = 0; k < t->n_mu; k++) {
    double tT, tL;
    ray_tau(m, t->mass_GeV, D, r0, om0, m->mu[k], &tT, &tL);
    if (WT > 0) t->tau[eT * t->n_mu + k] = tT;
    if (WL > 0) t->tau[eL * t->n_mu + k] = tL;
  }
  t->n_el += (WT > 0) + (WL > 0);
}

int fb_sn_table_compute(fb_sn_table *t, const fb_sn_medium *m, const fb_rratio *R, double mass_GeV, fb_err *err) {
  FB_TEST(err, !t || !m || !m->H, FB_ERR_INPUT, "NULL table or uninitialised medium");
  FB_TEST(err, !(mass_GeV > 0 && mass_GeV <= FB_DARKPHOTON_MASS_MAX_GEV), FB_ERR_RANGE,
          "mass_GeV = %g out of range: allowed 0 < mass_GeV <= %g", mass_GeV, (double)FB_DARKPHOTON_MASS_MAX_GEV);
  const fb_sn_options *o = &m->opt;
  const int nr = o->n_radial, ne = o->n_energy, nm = o->n_mu;
  size_t n_tres = 0; /* radial crossings of wp = m inside the emission region */
  for (size_t i = 0; i + 1 < m->n && (double)i * m->dr_invGeV < m->r_emit_invGeV; i++)
    if ((m->wp2_GeV2[i] > mass_GeV * mass_GeV) != (m->wp2_GeV2[i + 1] > mass_GeV * mass_GeV)) n_tres++;
  FB_CALL(err, fb_sn_table_reserve(t, (size_t)nr * (size_t)(2 * ne + 1) + n_tres * (size_t)ne + 8, (size_t)nm, err));
  t->mass_GeV = mass_GeV;
  t->n_el = 0;
  t->L0_T = t->L0_L = t->L0_res = 0.0;
  for (int k = 0; k < nm; k++) t->wmu[k] = m->wmu[k];
  dec_par D = {0.0, 0.0};
  if (mass_GeV > fb_darkphoton_mass_min_GeV() && R) {
    fb_darkphoton_decay d;
    FB_CALL(err, fb_darkphoton_decay_compute(R, mass_GeV, 1.0, &d, err));
    D.ee = d.width_ee_GeV;
    D.other = d.width_GeV - d.width_ee_GeV;
  }
  const double m2 = mass_GeV * mass_GeV, dR = m->r_emit_invGeV / nr;
  for (int i = 0; i < nr; i++) {
    double rlo = i * dR, rhi = (i + 1) * dR, r0 = (i + 0.5) * dR;
    double V = 4.0 * FB_PI / 3.0 * (rhi * rhi * rhi - rlo * rlo * rlo);
    med_pt q = medium_at(m, r0);
    /* luminosity at infinity, weighted by the emission-edge weight (1 - e^{-tau_nu} or 1) */
    double fac = V * q.lapse * q.lapse * GEV2_TO_ERG_S * fb_sn_emission_weight(m, r0);
    double om_min = mass_GeV * m->lapse_far / q.lapse;    /* escapes gravity */
    if (om_min < mass_GeV) om_min = mass_GeV;
    double boltz = exp(-om_min / q.T);
    double dg_r = 0.5 * fabs(medium_at(m, rhi).wp2 - medium_at(m, rlo).wp2);
    /* Longitudinal emission: its Lorentzian in omega around omega_p can be as wide as a few MeV
     * (Im ~ omega_p^2 in the core), which the energy nodes (spacing ~ T) do not resolve, so the
     * L spectrum is integrated on a fine grid (midpoint in s = sqrt(u), u = (omega - om_min)/T) and
     * each fine weight is attributed to the nearest energy node, whose rays give its optical depth. */
    double WLn[64] = {0}, dgw_fine = 0.0;
    if (o->longitudinal) {
      const double smax = sqrt(m->u[ne - 1] + 4.0), ds = smax / SN_L_FINE;
      int kn = 0;
      for (int f = 0; f < SN_L_FINE; f++) {
        double sv = (f + 0.5) * ds, u = sv * sv, du = 2.0 * sv * ds, om = om_min + q.T * u;
        double kk = sqrt(fmax(om * om - m2, 0.0)), x = om / q.T;
        double G = gamma_abs(m, q, om), Im = om * G * (-expm1(-x)), Gp = coal_rate(m, &D, q, om, mass_GeV);
        double gL = om * om - q.wp2, dgL = om * q.T * du; /* full cell width in omega^2 is 2 om T du */
        if (!(fabs(gL) < dgL)) dgL = 0.0;
        if (fabs(gL) < om * q.T * du) dgw_fine = 2.0 * om * q.T * du;
        double F = kk * om * om / (2.0 * FB_PI * FB_PI) * om * om * (m2 * G + om * om * Gp) * exp(-x) /
                   (gL * gL + Im * Im + dgL * dgL);
        while (kn + 1 < ne && u > 0.5 * (m->u[kn] + m->u[kn + 1])) kn++;
        WLn[kn] += fac * q.T * du * F;
      }
    }
    for (int k = 0; k < ne; k++) {
      double u = m->u[k], om = om_min + q.T * u, kk = sqrt(fmax(om * om - m2, 0.0));
      double G = gamma_abs(m, q, om), Im = om * G * (-expm1(-om / q.T));
      double Gp = coal_rate(m, &D, q, om, mass_GeV); /* e+e- -> A' (same weight for T and L) */
      double gT = q.wp2 - m2;
      /* broaden only if the resonance lies inside the emission shell */
      double dgT = fabs(gT) < dg_r ? dg_r : 0.0;
      /* quadrature: T int_0^inf du F = T sum wu_k F(u_k) e^{u_k}/sqrt(u_k); e^{-x} e^{u} = e^{-om_min/T} */
      double ps = q.T * m->wu[k] / sqrt(u) * kk * om * om / (2.0 * FB_PI * FB_PI) * (G + Gp) * boltz;
      double WT = fac * ps * 2.0 * m2 * m2 / (gT * gT + Im * Im + dgT * dgT);
      double WL = o->longitudinal ? WLn[k] : 0.0;
      t->L0_T += WT;
      t->L0_L += WL;
      add_pair(t, m, &D, r0, om, WT, WL);
    }
    /* resonant L conversion at omega = omega_p > om_min: per volume k wp^2 m^2/(4 pi (e^{x}-1)) per eps^2 */
    double wp = sqrt(q.wp2);
    if (o->longitudinal && wp > om_min) {
      double kp = sqrt(q.wp2 - m2), x = wp / q.T;
      double Gp = gamma_abs(m, q, wp), Imp = wp * Gp * (-expm1(-x));
      double W = fac * kp * q.wp2 * m2 / (4.0 * FB_PI * expm1(x)) * unresolved_fraction(dgw_fine, Imp);
      t->L0_L += W;
      t->L0_res += W;
      add_element(t, m, &D, r0, wp, 1, W);
    }
  }
  /* resonant T conversion where wp(r) = m: shell 4 pi r^2 lapse^2/|d wp^2/dr| x 2 pi m^4 int domega
   * (k omega^2/2 pi^2)/(omega (e^{x}-1)) per eps^2 (narrow-width limit of the Lorentzian) */
  for (size_t i = 0; i + 1 < m->n && (double)i * m->dr_invGeV < m->r_emit_invGeV; i++) {
    double a = m->wp2_GeV2[i] - m2, b = m->wp2_GeV2[i + 1] - m2;
    if ((a > 0) == (b > 0)) continue;
    double f = a / (a - b), rr = ((double)i + f) * m->dr_invGeV;
    double dwdr = fabs(b - a) / m->dr_invGeV;
    med_pt q = medium_at(m, rr);
    double om_min = fmax(mass_GeV, mass_GeV * m->lapse_far / q.lapse);
    double boltz = exp(-om_min / q.T), dg_r = dwdr * dR; /* the emission-shell width resolves this much */
    double shell = 4.0 * FB_PI * rr * rr * q.lapse * q.lapse / dwdr * GEV2_TO_ERG_S * fb_sn_emission_weight(m, rr);
    for (int k = 0; k < ne; k++) {
      double u = m->u[k], om = om_min + q.T * u, kk = sqrt(fmax(om * om - m2, 0.0)), x = om / q.T;
      double G = gamma_abs(m, q, om), Im = om * G * (-expm1(-x));
      /* e^{u}/(e^{x}-1) = e^{-om_min/T}/(1 - e^{-x}) */
      double W = shell * 2.0 * FB_PI * m2 * m2 * q.T * m->wu[k] / sqrt(u) * kk * om / (2.0 * FB_PI * FB_PI) * boltz /
                 (-expm1(-x)) * unresolved_fraction(dg_r, Im);
      t->L0_T += W;
      t->L0_res += W;
      add_element(t, m, &D, rr, om, 0, W);
    }
  }
  return FB_OK;
}

typedef struct dp_ctx {
  const fb_sn_medium *m;
  const fb_rratio *R;
} dp_ctx;

static int dp_table(fb_sn_table *t, double mass, void *ctx, fb_err *err) {
  const dp_ctx *c = ctx;
  return fb_sn_table_compute(t, c->m, c->R, mass, err);
}

int fb_sn_mass_max_GeV(const fb_sn_medium *m, const fb_rratio *R, double m_lo, double m_hi, double rel_tol,
                       double *mass_max, fb_err *err) {
  FB_TEST(err, !m, FB_ERR_INPUT, "NULL medium");
  dp_ctx c = {m, R};
  return fb_sn_mass_max_bisect(dp_table, &c, m->opt.L_nu_erg_s, m_lo, m_hi, rel_tol, mass_max, err);
}
