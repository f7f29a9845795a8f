/**
 * @file fb_fip_alp_internal.h
 * @brief Internal to src/models: the state of the BC10/BC11 ALP models shared by fb_fip_alp.c (models,
 *        two-photon coefficient, perturbative channels) and fb_fip_alp_hadronic.c (exclusive hadronic
 *        channels and their chiral / VMD amplitudes). Conventions in fb_fip_alp.h.
 */
#ifndef FB_FIP_ALP_INTERNAL_H
#define FB_FIP_ALP_INTERNAL_H

#include <complex.h>
#include <gsl/gsl_integration.h>

#include "fb_constants.h"
#include "fb_error.h"
#include "fb_spline.h"

#define NC 3.0
#define N_MESONS 3 /* pi0, eta, eta' */
#define N_QUAD_3BODY 32
#define N_QUAD_VMD 64

/* masses and widths of pi0, eta, eta' (PDG values in fb_constants.h) */
static const double meson_mass[N_MESONS] = {FB_MPI0_GEV, FB_META_GEV, FB_METAPRIME_GEV};
static const double meson_width[N_MESONS] = {FB_ALP_GAMMA_PI0_GEV, FB_ALP_GAMMA_ETA_GEV, FB_ALP_GAMMA_ETAP_GEV};

/* ---------------------------------------------------------------- state */
typedef struct alp_state {
  int is_bc11;
  double match_low_GeV, match_high_GeV;
  double u[3];                 /* flavour vector of the ALP-quark axial coupling: (1,1,1) or kappa */
  double cP[N_MESONS][3];      /* quark content of pi0, eta, eta' */
  double cPu[N_MESONS];        /* c^P . u */
  double cPQ2[N_MESONS];       /* c^P . Q^2 */
  double cPrho[N_MESONS];      /* Tr[T_P {T_rho, Q}] = sqrt2 (2/3 c_u + 1/3 c_d) */
  double K2_GeV2;              /* VMD P V gamma coupling^2, from omega -> pi0 gamma */
  double A2_etapipi;           /* |A(eta' -> eta pi+ pi-)|^2, constant amplitude fitted to PDG */
  double kin_P[N_MESONS];      /* BC11 ASW kinetic mixing K_P = (F/sqrt2) c^P.kappa [GeV per 1/f] */
  double mass_P[N_MESONS];     /* BC11 ASW mass mixing mu_P^2 = 2 (F/sqrt2) B0 m* sum_q c^P_q [GeV^3 per 1/f] */
  double K3pi;                 /* K-factor of the LO 3 pi amplitude, Gamma(eta -> pi+ pi- pi0) PDG / LO */
  double sm_mix[N_MESONS];     /* BC11: SM pi0-P mass mixing M^2_{pi0 P} = 2 B0 sum_q m_q c^pi_q c^P_q [GeV^2] (P = eta, eta') */
  double lambda_S;             /* scalar-nonet coupling lambda of lambda Tr[S dPhi dPhi] [GeV^-1], from a0 -> eta pi */
  fb_spline a0_c[2], a0_0[2];  /* BC11: I_a0(m)/Q^2 for X pi+ pi- and X pi0 pi0, X = eta, eta' (Q = m - threshold) */
  fb_spline vv_rr, vv_ro;      /* BC11: rho-line-shape averages of p^3 for rho rho and rho omega (vv_widths) */
  int n_scalar, have_vv, have_a0; /* tables built (alp_free); have_a0: BC11 hadronic tables complete */
  double gKstar2;              /* VPP coupling g^2 from Gamma(K* -> K pi) */
  gsl_integration_glfixed_table *gl3, *glv;
} alp_state;

/* The exclusive hadronic channels common to both models (K K pi: BC11 only). */
typedef struct hadronic_widths {
  double pipipi0, pi0pi0pi0, pipigamma, etapipi_c, etapipi_0, etappipi_c, etappipi_0, kkpi;
  double rhorho, rhoomega, omegaomega, kstarkstar; /* BC11 a -> V V (vv_widths) */
} hadronic_widths;

/** Flavour vectors, meson quark content and the ASW mixing constants of the state (fb_fip_alp.c). */
void fb_alp_setup_flavour(alp_state *s, int is_bc11);

/** Mixing propagator factor R_P of meson P at m_a = m (fb_fip_alp.c). */
double complex fb_alp_mixing_factor(const alp_state *s, int P, double m);

/** The hadronic constants fixed from data and the BC11 tables (quadrature tables, VMD, eta' -> eta pi pi,
 *  3 pi K-factor, scalar and K* couplings); on failure the caller frees the state with fb_alp_hadronic_free. */
int fb_alp_hadronic_init(alp_state *s, fb_err *err);
void fb_alp_hadronic_free(alp_state *s);

/** The exclusive widths at m_a = m and coupling^2 = g2 (all zero when the perturbative weight w >= 1). */
void fb_alp_hadronic_scaled(const alp_state *s, double m, double w, double g2, hadronic_widths *h);

#endif /* FB_FIP_ALP_INTERNAL_H */
