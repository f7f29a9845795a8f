/**
 * @file fb_prod_bc4.c
 * @brief BC4 and BC5 production (fb_production.h): the dark scalar S that mixes with the Higgs
 *        (sin^2 theta) is produced in the plasma by every process that would produce a light Higgs,
 *        times sin^2 theta (Fradette, Pospelov, Pradler, Ritz arXiv:1812.07585, "Cosmological beam
 *        dump"; their freeze-in computation is the model for this file, which computes its own
 *        subset). BC5 adds the production from the trilinear h S S coupling (Fradette & Pospelov
 *        arXiv:1706.01920: S pairs from h -> S S), independent of theta.
 *
 * Quantity: the relaxation rate per S, Gamma_scat = gamma_S / n_S,eq [GeV], with gamma_S the number
 * of S produced per volume and time from an equilibrium plasma (MB statistics), n_S,eq the MB density
 * of one real scalar. Inverse decays S <-> f f, pi pi, gamma gamma follow from the widths
 * (src/bbn/bbn_abundance.c) and are NOT counted here.
 *
 * BC4, below the electroweak crossover T_EW (FB_T_EW_GEV), Yukawa y_f = sin theta m_f / v on every
 * charged fermion f (quarks u..t above the QCD crossover, e, mu, tau always), 2 -> 2 with a gauge
 * boson V (gluon for quarks, photon for quarks and leptons):
 *   f fbar -> V S:  sum |M|^2 = 4 K_V y_f^2 (s^2 + m^4)/(t u),
 *   f V -> f S:     sum |M|^2 = -4 K_V y_f^2 (t^2 + m^4)/(s u)    (crossing; and fbar V -> fbar S),
 * massless fermions, m = m_S, summed over all spins, polarisations and colours: K_V = 4 g_s^2
 * (gluon, sum_a Tr T^a T^a = C_F N_c = 4), 3 Q_f^2 e^2 (photon on quarks), e^2 (photon on leptons).
 * (Derived here; the same structure as q qbar -> g H in the five-flavour scheme; checked against an
 * explicit Dirac trace in tests/production/test_bc4_msq.py.) The fermion exchanged in the t/u channel
 * is regulated by its thermal mass m_th^2 = g^2 C_F T^2/8 + m_f^2 (HTL, Weldon PRD 26 (1982) 2789;
 * g^2 C_F -> e^2 Q^2 for leptons), i.e. leading-log accuracy:
 *   int dt |M|^2_ann  = 4 K_V y^2 (s^2 + m^4) (2/a) ln(1 + a/m_th^2),                a = s - m^2,
 *   int dt |M|^2_comp = 4 K_V y^2 (1/s) [(a^2 + m^4) ln(1 + a/m_th^2) - 3 a^2/2]_+ .
 * Reaction density (Giudice et al. hep-ph/0310123 app. A; Gondolo & Gelmini NPB 360 (1991) 145):
 *   gamma = T/(64 pi^4) int ds sqrt(s) K1(sqrt(s)/T) sigma_hat(s),  sigma_hat = (1/8 pi s) int dt sum|M|^2,
 * for massless initial states; a massive f (m_f ~ T) is accounted for by its Boltzmann suppression
 * r_f = x^2 K2(x)/2 (x = m_f/T) per fermion in the initial state (r_f^2 for annihilation, r_f for
 * Compton) - an approximation that is exact for m_f << T. alpha_s at mu = 2 pi T (fb_alpha_s_plasma:
 * 3-loop running with flavour thresholds from alpha_s(M_Z), frozen below mu = 1 GeV at 0.47; until the
 * review of issue 16 this file ran one loop with 5 flavours, 0.34 at 1 GeV; the quarks act only above
 * T_c, mu > 1 GeV). Quarks and gluons
 * carry the QCD-crossover weight w = [1 + tanh((T - T_c)/(0.1 T_c))]/2, T_c = FB_QCD_TPC_GEV, as in
 * fb_prod_bc9.c.
 * NOT included (stated in docs/validation.md): the effective gluon coupling S G G of the heavy-quark
 * loops (g g -> g S, q g -> q S through it; comparable to the strange-quark Yukawa processes at
 * T ~ 0.3 GeV, subdominant to charm above ~0.5 GeV), W and Z processes, the hadron-gas processes
 * below T_c except through the muon and electron (pi pi -> pi S is forbidden by parity; pi pi -> S
 * is the inverse decay), the temperature dependence of the mixing (v(T) < v near T_EW), and the
 * symmetric phase: the mixing rate is switched off above T_EW by the weight w_EW = [1 - tanh((T - T_EW)/
 * (0.05 T_EW))]/2 (ew_broken_weight; the S H^dag H processes of the symmetric phase are not computed), so
 * the abundance is a lower limit where S does not thermalise below T_EW.
 *
 * BC5 adds, independent of theta, the Higgs-pair production through L = -(lambda/2) h S S with
 * Gamma(h -> S S) = BR/(1 - BR) Gamma_h(SM) ([bc5] br_h_SS, default 1e-2; Gamma_h(SM) =
 * FB_HIGGS_WIDTH_SM_GEV, arXiv:1610.07922) and lambda^2 = 32 pi m_h Gamma(h -> SS)/beta_S (as
 * fb_fip_bc4.c), lambda_HS = lambda/v for -(lambda_HS/2)|H|^2 S^2:
 * (the two forms below are blended with the same w_EW):
 *  - T < T_EW (broken phase, vacuum m_h and width; the thermal Higgs mass near the crossover is not
 *    modelled): gamma_S = 2 Gamma(h -> SS) <m/E> n_h,eq = 2 Gamma m_h^2 T K1(m_h/T)/(2 pi^2);
 *  - T >= T_EW (symmetric phase): phi_i phi_i -> S S on the 4 real components of H with thermal mass
 *    m_H^2(T) = c_H T^2 - m_h^2/2 (FB_HIGGS_THERMAL_CH), |M|^2 = lambda_HS^2, identical final and
 *    initial particles: gamma_S = 2 x 4 x (1/2) T/(32 pi^4) int ds sigma (s - 4 m_H^2) sqrt(s) K1,
 *    sigma = lambda_HS^2 beta_S/(32 pi s beta_H).
 * The h <-> S S term is quadratic in n_S; its relaxation form (linear in n_S - n_S,eq) is exact for
 * n_S << n_S,eq (freeze-in) and has the right equilibrium.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_bessel.h>

#include "fb_alpha_s.h"
#include "fb_constants.h"
#include "fb_fip_bc4.h"
#include "fb_production.h"

typedef struct bc4_fermion {
  double m_GeV, Q2; /* mass, charge^2 */
  int quark;        /* 1: colour triplet (QGP only) */
} bc4_fermion;

static const bc4_fermion FERMIONS[] = {
    {FB_ME_GEV, 1.0, 0},           {FB_MMU_GEV, 1.0, 0},           {FB_MTAU_GEV, 1.0, 0},
    {FB_MU_QUARK_GEV, 4.0 / 9.0, 1}, {FB_MD_QUARK_GEV, 1.0 / 9.0, 1}, {FB_MS_QUARK_GEV, 1.0 / 9.0, 1},
    {FB_MC_QUARK_GEV, 4.0 / 9.0, 1}, {FB_MB_QUARK_GEV, 1.0 / 9.0, 1}, {FB_MT_QUARK_GEV, 4.0 / 9.0, 1},
};
#define N_FERMIONS (sizeof FERMIONS / sizeof FERMIONS[0])

/* 24-point Gauss-Legendre on three segments of z = sqrt(s)/T - z0: [0,2], [2,10], [10,60] */
#define BC4_NGL 24
typedef struct bc4_quad {
  double x[BC4_NGL], w[BC4_NGL];
} bc4_quad;

typedef struct bc5_prod_state {
  double br_h_SS; /* BR(h -> S S) */
} bc5_prod_state;

static int quad_init(bc4_quad *q, fb_err *err) {
  gsl_integration_glfixed_table *tab = gsl_integration_glfixed_table_alloc(BC4_NGL);
  FB_TEST(err, !tab, FB_ERR_MEMORY, "cannot allocate the Gauss-Legendre table");
  for (size_t i = 0; i < BC4_NGL; ++i) gsl_integration_glfixed_point(-1.0, 1.0, i, &q->x[i], &q->w[i], tab);
  gsl_integration_glfixed_table_free(tab);
  return FB_OK;
}

/* the nodes, filled once (read-only afterwards, as in fb_prod_bc9.c); NULL if GSL cannot allocate */
static const bc4_quad *quad_get(void) {
  static bc4_quad q;
  static int ready = 0;
  if (!ready) {
    fb_err e = {0};
    if (quad_init(&q, &e) != FB_OK) return NULL;
    ready = 1;
  }
  return &q;
}

/* x^2 K2(x)/2: MB density of a mass-m species over the massless one, x = m/T */
static double boltz_ratio(double x) {
  if (x < 1e-4) return 1.0;
  if (x > 600.0) return 0.0;
  return 0.5 * x * x * gsl_sf_bessel_Kn(2, x);
}

/* n_eq of one real scalar (MB) [GeV^3] */
static double neq_scalar(double m, double T) {
  const double x = m / T;
  if (x < 1e-4) return T * T * T / (FB_PI * FB_PI);
  if (x > 600.0) return 0.0;
  return m * m * T * gsl_sf_bessel_Kn(2, x) / (2.0 * FB_PI * FB_PI);
}

/* weight of the broken phase: a smooth crossover of width 0.05 T_EW around T_EW (the lattice crossover
 * is smooth, v(T) rising over ~10 GeV, arXiv:1508.07161; a step would also stall the stiff solver) */
static double ew_broken_weight(double T) {
  const double u = (T - FB_T_EW_GEV) / (0.05 * FB_T_EW_GEV);
  return u > 40.0 ? 0.0 : 0.5 * (1.0 - tanh(u));
}

/* int dt sum|M|^2 / (4 K_V y^2) for annihilation and one Compton channel; a = s - m^2, mth2 regulator */
static void yukawa_dt(double s, double m2, double mth2, double *ann, double *comp) {
  const double a = s - m2, L = log1p(a / mth2);
  *ann = (s * s + m2 * m2) * 2.0 / a * L;
  *comp = fmax((a * a + m2 * m2) * L - 1.5 * a * a, 0.0) / s;
}

double fb_prod_bc4_mixing_rate(double m_GeV, double sin2theta, double T_GeV) {
  const bc4_quad *qp = quad_get();
  if (!qp) return NAN;
  const bc4_quad q = *qp;
  const double T = T_GeV, m2 = m_GeV * m_GeV;
  const double w_ew = ew_broken_weight(T);
  if (!(w_ew > 0.0)) return 0.0; /* symmetric phase: not computed (file comment) */
  const double neq = neq_scalar(m_GeV, T);
  if (!(neq > 0.0)) return 0.0;
  const double w = fb_production_qgp_fraction(T); /* fb_production.h */
  const double as = fb_alpha_s_plasma(T); /* fb_alpha_s.h: frozen below mu = 1 GeV */
  const double gs2 = 4.0 * FB_PI * as, e2 = 4.0 * FB_PI * FB_ALPHA_EM;
  const double v2 = FB_HIGGS_VEV_GEV * FB_HIGGS_VEV_GEV;
  /* per fermion: weights (K_V y^2/sin^2theta) x suppression for annihilation and Compton, regulator */
  double wa[N_FERMIONS], wc[N_FERMIONS], mth2[N_FERMIONS];
  int any = 0;
  for (size_t f = 0; f < N_FERMIONS; ++f) {
    const bc4_fermion *F = &FERMIONS[f];
    const double r = boltz_ratio(F->m_GeV / T), y2 = F->m_GeV * F->m_GeV / v2;
    double KV, Kc;
    if (F->quark) {
      KV = w * (4.0 * gs2 + 3.0 * F->Q2 * e2); /* gluon + photon annihilation (quarks only in the QGP) */
      Kc = w * (4.0 * gs2 + 3.0 * F->Q2 * e2); /* Compton on gluons and photons (quarks and gluons: QGP, w once) */
      mth2[f] = gs2 * (4.0 / 3.0) * T * T / 8.0 + F->m_GeV * F->m_GeV;
    } else {
      KV = Kc = e2;
      mth2[f] = e2 * T * T / 8.0 + F->m_GeV * F->m_GeV;
    }
    wa[f] = 4.0 * KV * y2 * r * r;
    wc[f] = 2.0 * 4.0 * Kc * y2 * r; /* f V and fbar V */
    if (wa[f] > 0.0 || wc[f] > 0.0) any = 1;
  }
  if (!any) return 0.0;
  static const double seg[4] = {0.0, 2.0, 10.0, 60.0};
  const double z0 = m_GeV / T;
  double I = 0.0;
  for (int sg = 0; sg < 3; ++sg) {
    const double c = 0.5 * (seg[sg] + seg[sg + 1]), h = 0.5 * (seg[sg + 1] - seg[sg]);
    for (int i = 0; i < BC4_NGL; ++i) {
      const double z = z0 + c + h * q.x[i], s = T * T * z * z;
      if (!(s > m2 * (1.0 + 1e-12))) continue;
      double sum = 0.0;
      for (size_t f = 0; f < N_FERMIONS; ++f) {
        if (wa[f] <= 0.0 && wc[f] <= 0.0) continue;
        double ann, comp;
        yukawa_dt(s, m2, mth2[f], &ann, &comp);
        sum += wa[f] * ann + wc[f] * comp;
      }
      const double sigma_hat = sum / (8.0 * FB_PI * s);
      /* ds = 2 T^2 z dz; sqrt(s) = T z */
      I += h * q.w[i] * 2.0 * T * T * z * T * z * gsl_sf_bessel_K1(z) * sigma_hat;
    }
  }
  const double gamma = w_ew * sin2theta * T / (64.0 * pow(FB_PI, 4)) * I;
  return gamma / neq;
}

double fb_prod_bc5_higgs_rate(double m_GeV, double br_h_SS, double T_GeV) {
  const bc4_quad *qp = quad_get();
  if (!qp) return NAN;
  const bc4_quad q = *qp;
  const double T = T_GeV, mh = FB_MH_GEV, v = FB_HIGGS_VEV_GEV;
  const double neq = neq_scalar(m_GeV, T);
  if (!(neq > 0.0) || !(br_h_SS > 0.0) || 2.0 * m_GeV >= mh) return 0.0;
  const double width = br_h_SS / (1.0 - br_h_SS) * FB_HIGGS_WIDTH_SM_GEV;
  const double betaS_h = sqrt(1.0 - 4.0 * m_GeV * m_GeV / (mh * mh));
  const double lambda_HS2 = 32.0 * FB_PI * mh * width / betaS_h / (v * v);
  const double w_ew = ew_broken_weight(T);
  double gamma = 0.0;
  if (w_ew > 0.0) {
    const double x = mh / T;
    gamma = x > 600.0 ? 0.0 : w_ew * 2.0 * width * mh * mh * T * gsl_sf_bessel_K1(x) / (2.0 * FB_PI * FB_PI);
  }
  if (w_ew < 1.0) {
    const double mH2 = fmax(FB_HIGGS_THERMAL_CH * T * T - 0.5 * mh * mh, 0.0);
    const double smin = fmax(4.0 * mH2, 4.0 * m_GeV * m_GeV);
    static const double seg[4] = {0.0, 2.0, 10.0, 60.0};
    const double z0 = sqrt(smin) / T;
    double I = 0.0; /* int ds beta_H beta_S sqrt(s) K1(sqrt(s)/T) */
    for (int sg = 0; sg < 3; ++sg) {
      const double c = 0.5 * (seg[sg] + seg[sg + 1]), h = 0.5 * (seg[sg + 1] - seg[sg]);
      for (int i = 0; i < BC4_NGL; ++i) {
        const double z = z0 + c + h * q.x[i], s = T * T * z * z;
        const double bH = sqrt(fmax(1.0 - 4.0 * mH2 / s, 0.0)), bS = sqrt(fmax(1.0 - 4.0 * m_GeV * m_GeV / s, 0.0));
        I += h * q.w[i] * 2.0 * T * T * z * bH * bS * T * z * gsl_sf_bessel_K1(z);
      }
    }
    /* 2 S per reaction x 4 real components x 1/2 (identical initial) x T/(32 pi^4) x lambda^2/(32 pi) */
    gamma += (1.0 - w_ew) * 4.0 * T / (32.0 * pow(FB_PI, 4)) * lambda_HS2 / (32.0 * FB_PI) * I;
  }
  return gamma / neq;
}

static double bc4_rate(const void *state, double mass_GeV, double coupling, double T_GeV) {
  (void)state;
  return fb_prod_bc4_mixing_rate(mass_GeV, coupling, T_GeV);
}

/* [bc5] br_h_SS through the model's one reader (fb_bc5_br_h_SS, fb_fip_bc4.h) */
static int bc5_init(void **state, const fb_config *cfg, fb_err *err) {
  bc5_prod_state *s = calloc(1, sizeof *s);
  FB_TEST(err, !s, FB_ERR_MEMORY, "cannot allocate the bc5 production state");
  *state = s;
  FB_CALL(err, fb_bc5_br_h_SS(cfg, &s->br_h_SS, err));
  return FB_OK;
}

static double bc5_rate(const void *state, double mass_GeV, double coupling, double T_GeV) {
  const bc5_prod_state *s = state;
  return fb_prod_bc4_mixing_rate(mass_GeV, coupling, T_GeV) + fb_prod_bc5_higgs_rate(mass_GeV, s->br_h_SS, T_GeV);
}

#define BC4_PROCESSES                                                                                         \
  "Higgs-like Yukawa processes f fbar -> V S, f V -> f S (V = gluon, photon; quarks above the QCD crossover, " \
  "e, mu, tau) below the electroweak crossover, leading log with thermal fermion masses"
#define BC4_PROD_REFERENCES "arXiv:1812.07585; hep-ph/0310123; Weldon PRD 26 (1982) 2789"

const fb_production_ops fb_production_bc4 = {
    .fip = "bc4",
    .processes = BC4_PROCESSES,
    .references = BC4_PROD_REFERENCES,
    .init = NULL,
    .rate_GeV = bc4_rate,
    .free = NULL,
};

const fb_production_ops fb_production_bc5 = {
    .fip = "bc5",
    .processes = BC4_PROCESSES "; plus h -> S S (broken phase) and H H -> S S (symmetric phase) from BR(h -> SS)",
    .references = BC4_PROD_REFERENCES "; arXiv:1706.01920; arXiv:1610.07922",
    .init = bc5_init,
    .rate_GeV = bc5_rate,
    .free = free,
    .fixed_part = 1, /* h -> S S does not scale with sin^2 theta */
};
