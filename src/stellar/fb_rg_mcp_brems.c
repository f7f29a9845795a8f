/**
 * @file fb_rg_mcp_brems.c
 * @brief Electron-nucleus bremsstrahlung e Z -> e Z chi chibar of a millicharged fermion in a red-giant / HB core;
 *        see fb_rg_mcp_brems.h.
 */
#include "fb_rg_mcp_brems.h"

#include <math.h>

#include "fb_constants.h"
#include "fb_quad.h"
#include "fb_rg_mcp_compton.h"

/* helium nuclei of the core (fb_rg_mcp_eps_trap: pure helium) */
#define BR_Z 2.0

int fb_rg_mcp_brems_plasma_init(const fb_rg_mcp_options *o, fb_rg_mcp_brems_plasma *pl, fb_err *err) {
  double mu, wp, v, neff;
  FB_CALL(err, fb_rg_mcp_plasma(o, &mu, &wp, &v, err));
  FB_CALL(err, fb_rg_mcp_neff_GeV3(o, &neff, err));
  const double T = o->T_K * FB_K_TO_GEV;
  const double n_e = o->Y_e * o->rho_g_cm3 / (FB_AMU_GEV * FB_GEV_G) * pow(FB_HBARC_GEV_CM, 3); /* GeV^3 */
  pl->T_GeV = T;
  pl->mu_e_GeV = mu;
  pl->nZ2_GeV3 = BR_Z * n_e; /* n_Z Z^2 = (n_e/Z) Z^2 */
  /* electrons: 4 pi alpha dn/dmu = 4 pi alpha n_eff/T; ions (Debye-Hueckel): 4 pi alpha n_Z Z^2/T */
  pl->ks2_GeV2 = 4.0 * FB_PI * FB_ALPHA_EM / T * (neff + pl->nZ2_GeV3);
  pl->omega_p_GeV = wp;
  return FB_OK;
}

double fb_rg_mcp_brems_Iq(double p, double pp, double ks2) {
  if (!(pp > 0) || !(p > pp)) return 0.0;
  double qp2 = (p + pp) * (p + pp), dq = (p * p - pp * pp) / (p + pp), qm2 = dq * dq; /* no cancellation in p - p' */
  return log((qp2 + ks2) / (qm2 + ks2)) + ks2 / (qp2 + ks2) - ks2 / (qm2 + ks2);
}

typedef struct br_par {
  const fb_rg_mcp_brems_plasma *pl;
  double omega, M, m, Mlo;
  fb_quad *qE, *qx; /* workspaces: electron energy, pair invariant mass */
  fb_err *err;
  int rc;
} br_par;

static double fd(double x) { return x > 0 ? exp(-x) / (1.0 + exp(-x)) : 1.0 / (1.0 + exp(x)); }

/* f(E) [1 - f(E - omega)] I_q(p, p') */
static double br_E(double E, void *par) {
  const br_par *c = par;
  const double me2 = FB_ME_GEV * FB_ME_GEV, Ep = E - c->omega, T = c->pl->T_GeV, mu = c->pl->mu_e_GeV;
  if (!(Ep > FB_ME_GEV)) return 0.0;
  double p = sqrt(E * E - me2), pp = sqrt(Ep * Ep - me2);
  return fd((E - mu) / T) * fd((mu - Ep) / T) * fb_rg_mcp_brems_Iq(p, pp, c->pl->ks2_GeV2);
}

static int br_dQdw(br_par *c, double om, double *dQdw, fb_err *err) {
  const double T = c->pl->T_GeV, mu = c->pl->mu_e_GeV;
  c->omega = om;
  /* f(E)[1 - f(E - omega)] = f_B(omega)[f(E - omega) - f(E)]: support [mu, mu + omega] widened by 50 T each side */
  double lo = fmax(FB_ME_GEV + om, mu - 50.0 * T), hi = fmax(FB_ME_GEV + om, mu + om) + 50.0 * T, r, ae;
  double pts[2];
  size_t np = 0;
  if (mu > lo && mu < hi) pts[np++] = mu;
  if (mu + om > lo && mu + om < hi && om > 1e-6 * T) pts[np++] = mu + om;
  FB_CALL(err, fb_quad_points(c->qE, br_E, c, lo, hi, pts, np, &r, &ae, err));
  *dQdw = c->pl->nZ2_GeV3 * 8.0 * pow(FB_ALPHA_EM, 3) / (3.0 * FB_PI * FB_PI) * r;
  return FB_OK;
}

/* dQ/domega x beta(3 - beta^2)/2 (vector of mass M) or x I(omega) (pairs, M < 0) */
static double br_outer(double om, void *par) {
  br_par *c = par;
  if (c->rc != FB_OK) return 0.0;
  double w, d;
  if (c->M >= 0) {
    if (!(om > c->M)) return 0.0;
    w = fb_rg_mcp_compton_sigma_ratio(sqrt(1.0 - (c->M / om) * (c->M / om)));
  } else {
    c->rc = fb_rg_mcp_compton_pair_weight(c->qx, om, c->Mlo, c->m, &w, c->err);
    if (c->rc != FB_OK) return 0.0;
  }
  if (!(w > 0)) return 0.0;
  c->rc = br_dQdw(c, om, &d, c->err);
  return c->rc == FB_OK ? d * w : 0.0;
}

static int check_plasma(const fb_rg_mcp_brems_plasma *pl, fb_err *err) {
  FB_TEST(err, !(pl->T_GeV > 0) || !(pl->mu_e_GeV > 0) || !(pl->nZ2_GeV3 >= 0) || !(pl->ks2_GeV2 >= 0) ||
                   !(pl->omega_p_GeV >= 0),
          FB_ERR_RANGE,
          "bremsstrahlung plasma: T = %g (> 0), mu_e = %g (> 0), nZ2 = %g (>= 0), ks2 = %g (>= 0), omega_p = %g "
          "(>= 0) [GeV units]",
          pl->T_GeV, pl->mu_e_GeV, pl->nZ2_GeV3, pl->ks2_GeV2, pl->omega_p_GeV);
  return FB_OK;
}

/* int_{a}^{a + 80 T} of br_outer, split at a + 5 T (the spectra fall as e^{-omega/T}) */
static int br_run(br_par *c, double a, double *Q, fb_err *err) {
  fb_quad qE, qx, qo;
  int rc;
  FB_CALL(err, fb_quad_init(&qE, 500, 0.0, 1e-9, err));
  FB_CALL_GOTO(err, rc, fb_quad_init(&qx, 500, 0.0, 1e-8, err), f1);
  FB_CALL_GOTO(err, rc, fb_quad_init(&qo, 500, 0.0, 1e-7, err), f2);
  c->qE = &qE;
  c->qx = &qx;
  c->err = err;
  c->rc = FB_OK;
  const double T = c->pl->T_GeV, s1 = a + 5.0 * T;
  double r1 = 0.0, r2 = 0.0, ae;
  FB_CALL_GOTO(err, rc, fb_quad_finite(&qo, br_outer, c, a, s1, &r1, &ae, err), f3);
  FB_CALL_GOTO(err, rc, fb_quad_finite(&qo, br_outer, c, s1, s1 + 75.0 * T, &r2, &ae, err), f3);
  FB_TEST_GOTO(err, rc, c->rc != FB_OK, c->rc, f3, "bremsstrahlung: electron-energy or pair-mass integral");
  *Q = r1 + r2;
  FB_TEST_GOTO(err, rc, !isfinite(*Q) || *Q < 0, FB_ERR_NUMERIC, f3, "bremsstrahlung Q = %g", *Q);
f3:
  fb_quad_free(&qo);
f2:
  fb_quad_free(&qx);
f1:
  fb_quad_free(&qE);
  return rc;
}

int fb_rg_mcp_brems_dQdw_GeV4(const fb_rg_mcp_brems_plasma *pl, double om, double *dQdw, fb_err *err) {
  FB_CALL(err, check_plasma(pl, err));
  FB_TEST(err, !(om > 0), FB_ERR_RANGE, "bremsstrahlung: omega = %g GeV (> 0)", om);
  fb_quad qE;
  FB_CALL(err, fb_quad_init(&qE, 500, 0.0, 1e-9, err));
  br_par c = {pl, 0.0, 0.0, 0.0, 0.0, &qE, NULL, err, FB_OK};
  int rc = br_dQdw(&c, om, dQdw, err);
  fb_quad_free(&qE);
  return rc;
}

int fb_rg_mcp_brems_vector_Q_GeV5(const fb_rg_mcp_brems_plasma *pl, double M, double *Q, fb_err *err) {
  FB_CALL(err, check_plasma(pl, err));
  FB_TEST(err, !(M >= 0), FB_ERR_RANGE, "bremsstrahlung: vector mass M = %g GeV (>= 0)", M);
  br_par c = {pl, 0.0, M, 0.0, 0.0, NULL, NULL, err, FB_OK};
  return br_run(&c, M, Q, err);
}

int fb_rg_mcp_brems_Q_GeV5(const fb_rg_mcp_brems_plasma *pl, double m, double *Q, fb_err *err) {
  FB_CALL(err, check_plasma(pl, err));
  FB_TEST(err, !(m >= 0), FB_ERR_RANGE, "bremsstrahlung: mass = %g GeV (>= 0)", m);
  /* virtual photon above the plasmon pole and the pair threshold, as the Compton-like channel */
  const double Mlo = fmax(2.0 * m, pl->omega_p_GeV);
  FB_TEST(err, !(Mlo > 0), FB_ERR_RANGE, "bremsstrahlung pairs: max(2m, omega_p) = 0");
  br_par c = {pl, 0.0, -1.0, m, Mlo, NULL, NULL, err, FB_OK};
  return br_run(&c, Mlo, Q, err);
}
