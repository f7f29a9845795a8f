/**
 * @file fb_prod_alp.h
 * @brief The thermal production pieces of the fermion-coupled (BC10) and gluon-coupled (BC11) ALPs
 *        (fb_prod_alp.c), shared by fb_prod_bc10.c and fb_prod_bc11.c and called by the tests.
 *
 * Every function returns a production density gamma [GeV^4] (thermally averaged number of ALPs
 * produced per unit volume and time, Maxwell-Boltzmann statistics, massless ALP) at unit coupling,
 * or the relaxation rate per ALP Gamma = gamma / n_eq(m = 0) [GeV] with n_eq = T^3/pi^2 (one state,
 * MB), the form of fb_production.h. Conventions of the couplings: src/models/fb_fip_alp.h.
 */
#ifndef FB_PROD_ALP_H
#define FB_PROD_ALP_H

#include "fb_error.h"
#include "fb_spline.h"

/** QCD crossover weight w(T) = [1 + tanh((T - T_pc)/(0.1 T_pc))]/2: 1 in the quark-gluon plasma, 0 in
 *  the hadron gas (the switch of src/production/fb_prod_bc9.c), set to 0 below T_pc/2 (tail 2e-9). */
double fb_prod_alp_qgp_weight(double T_GeV);

/** Pseudoscalar-Yukawa processes (L = -i y a fbar gamma5 f) of one fermion species of kinematic mass
 *  mk_GeV at y = 1, summed over the species' colours: f fbar -> V a and f V -> f a (fermion and
 *  antifermion), V a photon (charge2 = e^2 Q^2 N_c, the colour-summed coupling^2) or a gluon (charge2 = 4 g_s^2 =
 *  g_s^2 sum_a Tr(T^a T^a)). gamma [GeV^4]. */
double fb_prod_alp_yukawa_gamma(double mk_GeV, double charge2, double T_GeV);

/** The spin-summed, t-integrated squared amplitudes at y = charge = 1 (massless ALP): I(s) = int dt
 *  sum|M|^2 for f fbar -> V a and for f V -> f a (tests: non-relativistic limit). */
double fb_prod_alp_yukawa_ann_I(double s_GeV2, double mk_GeV);
double fb_prod_alp_yukawa_compton_I(double s_GeV2, double mk_GeV);

/** Gluon-ALP coupling L = (alpha_s / (8 pi)) c_G a G Gdual at c_G = 1 GeV^-1 (g_agg = alpha_s/(2 pi)):
 *  conversion of gluons into ALPs on the screened colour charges (quarks, gluons) plus q qbar -> g a,
 *  in the quark-gluon plasma (no crossover weight). gamma [GeV^4]. */
double fb_prod_alp_gluon_gamma(double T_GeV);

/** The conversion part alone at a given alpha_s and its closed form for Debye mass << T (tests), and the
 *  alpha_s(mu = 2 pi T) the rates use (mu >= 1 GeV). */
double fb_prod_alp_gluon_conversion_gamma(double T_GeV, double alpha_s);
double fb_prod_alp_gluon_conversion_leadinglog(double T_GeV, double alpha_s);
double fb_prod_alp_alphas_T(double T_GeV);

/** pi pi -> pi a through L = (c / 1) d_mu a (pi0 pi+ d pi- + pi0 pi- d pi+ - 2 pi+ pi- d pi0) at c = 1 GeV^-2
 *  (c = C_api / (f_a f_pi), Chang & Choi; hep-ph/0504059 eq. 1), with pion masses mc, m0. gamma [GeV^4]. */
double fb_prod_alp_pion_gamma(double T_GeV, double mc_GeV, double m0_GeV);

/** C_api = (1 - z)/(3 (1 + z)), z = m_u/m_d, of an ALP with only the gluon coupling (hep-ph/0504059). */
double fb_prod_alp_c_api(void);

/** The rates per ALP at unit coupling without the Primakoff part [GeV] (fb_prod_bc10.c, fb_prod_bc11.c;
 *  tests), and the BC10 induced two-photon coefficient |C_eff(T)| used for its Primakoff part. */
double fb_prod_bc10_rate_unit(double T_GeV);
double fb_prod_bc11_rate_unit(double T_GeV);
double fb_prod_bc10_cgamma_eff(double T_GeV);

/** A tabulated rate per ALP at unit coupling, Gamma(T)/coupling^2 on a log grid (fb_prod_bc10/11). */
typedef struct fb_prod_alp_table {
  fb_spline s;
  double T_lo, T_hi;
  double (*direct)(double T_GeV); /* the same rate computed directly (outside the table) */
} fb_prod_alp_table;

int fb_prod_alp_table_init(fb_prod_alp_table *t, double (*rate)(double T_GeV), fb_err *err);
double fb_prod_alp_table_eval(const fb_prod_alp_table *t, double T_GeV);
void fb_prod_alp_table_free(fb_prod_alp_table *t);

#endif
