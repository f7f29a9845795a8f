/**
 * @file fb_rg_mcp_compton.c
 * @brief Compton-like production gamma e -> e chi chibar of a millicharged fermion in a red-giant / HB core;
 *        see fb_rg_mcp_compton.h.
 */
#include "fb_rg_mcp_compton.h"

#include <math.h>

#include "fb_constants.h"
#include "fb_quad.h"

double fb_rg_mcp_compton_sigma_ratio(double beta) {
  if (!(beta > 0)) return 0.0;
  if (beta > 1.0) beta = 1.0;
  return 0.5 * beta * (3.0 - beta * beta);
}

typedef struct cp_par {
  double wp, T, m, omega, Mlo2; /* Mlo2: M_lo^2 [GeV^2] */
  fb_quad *qin;
  fb_err *err;
  int rc;
} cp_par;

/* inner integrand in x = M^2/omega^2: (1/x) (1 + 2m^2/M^2) beta_chi sigma_V/sigma_T */
static double cp_inner(double x, void *par) {
  const cp_par *c = par;
  double M2 = x * c->omega * c->omega, r = 4.0 * c->m * c->m / M2;
  if (!(r < 1.0) || !(x < 1.0)) return 0.0;
  return (1.0 + 0.5 * r) * sqrt(1.0 - r) * fb_rg_mcp_compton_sigma_ratio(sqrt(1.0 - x)) / x;
}

int fb_rg_mcp_compton_pair_weight(fb_quad *q, double omega, double Mlo, double m, double *I, fb_err *err) {
  *I = 0.0;
  double x0 = Mlo * Mlo / (omega * omega), r, ae;
  if (!(x0 < 1.0)) return FB_OK;
  cp_par in = {0.0, 0.0, m, omega, Mlo * Mlo, q, err, FB_OK};
  FB_CALL(err, fb_quad_finite(q, cp_inner, &in, x0, 1.0, &r, &ae, err));
  *I = FB_ALPHA_EM / (3.0 * FB_PI) * r; /* the spectral weight's alpha/(3 pi) per eps^2 (fb_rg_mcp_compton.h) */
  return FB_OK;
}

/* outer integrand in omega: (omega k^2/pi^2) f_B(omega) I(omega) */
static double cp_outer(double om, void *par) {
  cp_par *c = par;
  if (c->rc != FB_OK) return 0.0;
  double I;
  int rc = fb_rg_mcp_compton_pair_weight(c->qin, om, sqrt(c->Mlo2), c->m, &I, c->err);
  if (rc != FB_OK) { c->rc = rc; return 0.0; }
  double k2 = om * om - c->wp * c->wp;
  if (!(k2 > 0) || !(I > 0)) return 0.0;
  return om * k2 / (FB_PI * FB_PI) / expm1(om / c->T) * I;
}

int fb_rg_mcp_compton_Q_GeV5(double wp, double T, double m, double n_eff, double *Q, fb_err *err) {
  FB_TEST(err, !(wp > 0) || !(T > 0) || !(m >= 0) || !(n_eff >= 0), FB_ERR_RANGE,
          "Compton-like Q: omega_p = %g (> 0), T = %g (> 0), m = %g (>= 0), n_eff = %g (>= 0) [GeV units]", wp, T, m,
          n_eff);
  /* the virtual photon above the plasmon pole (below it the pole is plasmon decay, fb_rg_mcp.c) and above the pair
   * threshold; photons need omega > M_lo */
  const double Mlo = fmax(2.0 * m, wp);
  fb_quad qin, qout;
  FB_CALL(err, fb_quad_init(&qin, 500, 0.0, 1e-8, err));
  int rc = fb_quad_init(&qout, 500, 0.0, 1e-7, err);
  if (rc != FB_OK) { fb_quad_free(&qin); return rc; }
  cp_par c = {wp, T, m, 0.0, Mlo * Mlo, &qin, err, FB_OK};
  /* f_B ~ e^{-omega/T}: split at M_lo + 5 T, end at M_lo + 80 T */
  double r1 = 0.0, r2 = 0.0, ae, s1 = Mlo + 5.0 * T;
  FB_CALL_GOTO(err, rc, fb_quad_finite(&qout, cp_outer, &c, Mlo, s1, &r1, &ae, err), done);
  FB_CALL_GOTO(err, rc, fb_quad_finite(&qout, cp_outer, &c, s1, s1 + 75.0 * T, &r2, &ae, err), done);
  FB_TEST_GOTO(err, rc, c.rc != FB_OK, c.rc, done, "Compton-like Q: inner invariant-mass integral");
  /* sigma_T = 8 pi alpha^2/(3 m_e^2) (Thomson) */
  const double sigT = 8.0 * FB_PI * FB_ALPHA_EM * FB_ALPHA_EM / (3.0 * FB_ME_GEV * FB_ME_GEV);
  *Q = n_eff * sigT * (r1 + r2);
  FB_TEST_GOTO(err, rc, !isfinite(*Q) || *Q < 0, FB_ERR_NUMERIC, done, "Compton-like Q = %g", *Q);
done:
  fb_quad_free(&qin);
  fb_quad_free(&qout);
  return rc;
}
