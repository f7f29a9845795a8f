/**
 * @file fb_sn_alpn.c
 * @brief SN1987A band of the nucleon-coupled ALPs of BC10/BC11 (OPE NN bremsstrahlung with the corrections of
 *        Carenza et al. arXiv:1906.11844, inverse bremsstrahlung, decays); see fb_sn_alpn.h.
 */
#include "fb_sn_alpn.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_integration.h>

#include "fb_constants.h"
#include "fb_fip.h"
#include "fb_sn_alp.h"
#include "fb_sn_muon.h"
#include "fb_sn_pion.h"
#include "fb_sn_table.h"

#define AN_NX 80       /* ln x nodes, x = omega/T = 1e-3..3e3 */
#define AN_NY 48       /* ln y nodes, y = m_pi^2/(m* T) = 1e-2..2e3 */
#define AN_NLAG 40     /* generalised Gauss-Laguerre nodes (alpha = 1/2) of the relative-momentum integral */
#define AN_NLEG 32     /* Gauss-Legendre nodes of the scattering angle */
#define AN_MASS_MIN 1e-6 /* the BC10/BC11 particle models' range */
#define AN_MASS_MAX 10.0
#define AN_DECAY_SKIP_REL 1e-6 /* decays not evaluated along a path where an upper bound of them is below this fraction
                                  of the absorption rate */

#define AN_SQRT_PI 1.7724538509055160273
/* table of the relativistic muon absorption rate in the per-medium data (fb_sn_alpn_mstar): Gamma at x = omega/T
 * = (j AN_MU_DU)^2, j < AN_MU_NX (uniform in sqrt(x) up to x = 100: no log/exp per lookup), after the first AN_MU_OFF
 * arrays */
#define AN_MU_OFF 6
#define AN_MU_NX (FB_SN_ALPN_MEDIUM_NF - AN_MU_OFF)
#define AN_MU_DU (10.0 / (double)(AN_MU_NX - 1))
#define AN_MU_JCHECK (AN_MU_NX / 3) /* x ~ 10: zero at a radial node only where it has no muons */

void fb_sn_alpn_options_default(fb_sn_alpn_options *o) {
  o->pion_mass = 1;
  o->rho_exchange = 1;
  o->effective_mass = 1;
  o->multiple_scattering = 1;
  o->pion_induced = 2;
  o->pion_virial = 1;
  o->pion_delta = 0;
  o->muons = 1;
  o->model_cfg = NULL;
}

int fb_sn_alpn_options_parse(fb_sn_alpn_options *o, const char *name) {
  fb_sn_alpn_options_default(o);
  if (!strcmp(name, "corrected")) return 0;
  o->rho_exchange = o->effective_mass = o->multiple_scattering = 0;
  if (!strcmp(name, "massive")) return 0;
  o->pion_mass = 0;
  if (!strcmp(name, "naive")) return 0;
  return -1;
}

int fb_sn_alpn_pion_parse(const char *name) {
  if (!name) return -1;
  if (!strcmp(name, "on")) return 2;
  if (!strcmp(name, "poles")) return 1;
  if (!strcmp(name, "off")) return 0;
  if (!strcmp(name, "mean_field")) return 3;
  return -1;
}

int fb_sn_alpn_delta_parse(const char *name) {
  if (!name) return -1;
  if (!strcmp(name, "off")) return 0;
  if (!strcmp(name, "on")) return 1;
  if (!strcmp(name, "quark_model")) return 2;
  return -1;
}

/* ------------------------------------------------------------------ matrix element
 * Non-relativistic OPE, N N -> N N a with the ALP emitted from the external nucleon legs (energy denominators
 * +-1/omega, the ALP momentum neglected in the nucleon kinematics; Brinkmann & Turner, Phys. Rev. D 38 (1988)
 * 2338; Raffelt, "Stars as laboratories" (1996) ch. 4). With V(q) = (sigma_1.q)(sigma_2.q) h(q^2) (tau factors:
 * +1 for nn/pp, -1 direct and 2 exchange for np), the emission vertex (g_j/2m_N) sigma_j.k_a on leg j, the
 * amplitude is the (anti)commutator of sum_j g_j sigma_j.k_a with V; on the charge-exchange (np exchange) leg
 * the coupling changes n <-> p across the vertex, which gives, with gbar = (g_p + g_n)/2 and
 * delta = (g_p - g_n)/2, the commutator for gbar and the anticommutator for delta. Spin traces averaged over the
 * ALP direction (k_a^2 factored out) give, per unit k_a^2 (16/3) times (re-derived here; the nn result is the one
 * of Brinkmann & Turner, the np one for g_n != g_p the form used by Carenza et al. arXiv:1906.11844 sec. 2):
 *   nn:  g_n^2 [k^4 h_k^2 + l^4 h_l^2 + (k^2 l^2 - 3 (k.l)^2) h_k h_l]
 *   np:  (gbar^2 + delta^2) k^4 h_k^2 + (4 gbar^2 + 2 delta^2) l^4 h_l^2 - 2 gbar^2 (k^2 l^2 - 3 (k.l)^2) h_k h_l
 * with k = p1 - p3, l = p1 - p4 the direct and exchange momentum transfers and h(q) = 1/(q^2 + m_pi^2) (OPE) -
 * C_rho/(q^2 + m_rho^2) (the rho exchange of arXiv:1906.11844 sec. 2, FB_OPE_C_RHO). Symmetry factors 1/4 (nn, pp)
 * and 1 (np) with the full pair densities.
 * Non-degenerate nucleons: relative momenta P = p/sqrt(m T) before and P' after (P'^2 = P^2 + x, x = omega/T
 * absorbed), k^2, l^2 = P^2 + P'^2 -+ 2 P P' c, k.l = -x (units m T). The two integrals
 *   J_k = (1/3) int_0^inf du u^{1/2} e^{-u} P' <(K h_K)^2>_c,   J_x = (1/3) int ... P' <(K L - 3 x^2) h_K h_L>_c
 * (u = P^2, h in units 1/(m T)) give s_nn = 2 J_k + J_x (normalised: s_nn(0, 0) = 1 for the massless OPE, the
 * s of Hannestad & Raffelt ApJ 507 (1998) 339 eq. 45 in their non-degenerate limit) and
 * s_np = (5 gbar^2 + 3 delta^2) J_k - 2 gbar^2 J_x (per unit couplings; <k^4 h_k^2> = <l^4 h_l^2> by c -> -c). */
static double h_of(double K, double y, double yr, const fb_sn_alpn_options *o) {
  double h = 1.0 / (K + (o->pion_mass ? y : 0.0));
  if (o->rho_exchange) h -= FB_OPE_C_RHO / (K + yr);
  return h;
}

static int tables_init(fb_sn_alpn *a, fb_err *err) {
  a->nx = AN_NX;
  a->ny = AN_NY;
  a->lnx0 = log(1e-3);
  a->dlnx = (log(3e3) - a->lnx0) / (double)(a->nx - 1);
  a->lny0 = log(1e-2);
  a->dlny = (log(2e3) - a->lny0) / (double)(a->ny - 1);
  size_t n = a->nx * a->ny;
  a->Jk = malloc(n * sizeof *a->Jk);
  a->Jx = malloc(n * sizeof *a->Jx);
  FB_TEST(err, !a->Jk || !a->Jx, FB_ERR_MEMORY, "cannot allocate the ALP-nucleon bremsstrahlung tables");
  gsl_integration_fixed_workspace *wl =
      gsl_integration_fixed_alloc(gsl_integration_fixed_laguerre, AN_NLAG, 0.0, 1.0, 0.5, 0.0);
  gsl_integration_fixed_workspace *wc = gsl_integration_fixed_alloc(gsl_integration_fixed_legendre, AN_NLEG, -1.0, 1.0, 0.0, 0.0);
  if (!wl || !wc) {
    if (wl) gsl_integration_fixed_free(wl);
    if (wc) gsl_integration_fixed_free(wc);
    FB_FAIL(err, FB_ERR_GSL, "gsl_integration_fixed_alloc failed (ALP-nucleon tables)");
  }
  const double *u = gsl_integration_fixed_nodes(wl), *wu = gsl_integration_fixed_weights(wl);
  const double *c = gsl_integration_fixed_nodes(wc), *wcc = gsl_integration_fixed_weights(wc);
  const double rho2 = (FB_OPE_M_RHO_GEV / FB_MPI_CHARGED_GEV) * (FB_OPE_M_RHO_GEV / FB_MPI_CHARGED_GEV);
  for (size_t iy = 0; iy < a->ny; iy++) {
    double y = exp(a->lny0 + (double)iy * a->dlny), yr = y * rho2;
    for (size_t ix = 0; ix < a->nx; ix++) {
      double x = exp(a->lnx0 + (double)ix * a->dlnx), jk = 0.0, jx = 0.0;
      for (size_t j = 0; j < AN_NLAG; j++) {
        double up = u[j] + x, pp = sqrt(u[j] * up), sk = 0.0, sx = 0.0;
        for (size_t l = 0; l < AN_NLEG; l++) {
          double K = u[j] + up - 2.0 * pp * c[l], L = u[j] + up + 2.0 * pp * c[l];
          double hk = h_of(K, y, yr, &a->opt), hl = h_of(L, y, yr, &a->opt);
          sk += wcc[l] * K * K * hk * hk;
          sx += wcc[l] * (K * L - 3.0 * x * x) * hk * hl;
        }
        jk += wu[j] * sqrt(up) * 0.5 * sk; /* <>_c = (1/2) int_-1^1 dc */
        jx += wu[j] * sqrt(up) * 0.5 * sx;
      }
      a->Jk[iy * a->nx + ix] = jk / 3.0;
      a->Jx[iy * a->nx + ix] = jx / 3.0;
    }
  }
  gsl_integration_fixed_free(wl);
  gsl_integration_fixed_free(wc);
  return FB_OK;
}

/* bilinear interpolation in (ln x, ln y), clamped; below x = 1e-3 the integrals are flat in x */
static void j_at(const fb_sn_alpn *a, double x, double y, double *jk, double *jx) {
  double bx = (log(fmax(x, 1e-300)) - a->lnx0) / a->dlnx, by = (log(fmax(y, 1e-300)) - a->lny0) / a->dlny;
  bx = fmin(fmax(bx, 0.0), (double)(a->nx - 1) - 1e-9);
  by = fmin(fmax(by, 0.0), (double)(a->ny - 1) - 1e-9);
  size_t ix = (size_t)bx, iy = (size_t)by, o = iy * a->nx + ix;
  double tx = bx - (double)ix, ty = by - (double)iy;
  double c00 = (1 - tx) * (1 - ty), c01 = tx * (1 - ty), c10 = (1 - tx) * ty, c11 = tx * ty;
  *jk = c00 * a->Jk[o] + c01 * a->Jk[o + 1] + c10 * a->Jk[o + a->nx] + c11 * a->Jk[o + a->nx + 1];
  *jx = c00 * a->Jx[o] + c01 * a->Jx[o + 1] + c10 * a->Jx[o + a->nx] + c11 * a->Jx[o + a->nx + 1];
}

double fb_sn_alpn_s_nn(const fb_sn_alpn *a, double x, double y) {
  double jk, jx;
  j_at(a, x, y, &jk, &jx);
  return 2.0 * jk + jx;
}

/* ------------------------------------------------------------------ set-up */
int fb_sn_alpn_init(fb_sn_alpn *a, int benchmark, const fb_sn_alpn_options *opt, fb_err *err) {
  FB_TEST(err, !a, FB_ERR_INPUT, "NULL ALP-nucleon state");
  memset(a, 0, sizeof *a);
  FB_TEST(err, benchmark != 10 && benchmark != 11, FB_ERR_INPUT, "benchmark %d has no ALP-nucleon SN band (10 or 11)",
          benchmark);
  a->benchmark = benchmark;
  a->dec_mass_GeV = NAN;
  /* BC10: universal g_Y = m_f/f_l for every fermion (src/models/fb_fip_alp.h), so the muon Yukawa per unit 1/f_l is
   * m_mu; BC11 has no tree-level lepton coupling */
  a->gmu = benchmark == 10 ? FB_MMU_GEV : 0.0;
  if (opt) a->opt = *opt;
  else fb_sn_alpn_options_default(&a->opt);
  const fb_fip_ops *ops = fb_fip_find(benchmark == 10 ? "bc10" : "bc11", NULL);
  FB_TEST(err, !ops, FB_ERR_INTERNAL, "particle model bc%d not registered", benchmark);
  a->fip_ops = ops;
  int rc;
  fb_config cfg;
  memset(&cfg, 0, sizeof cfg);
  FB_CALL_GOTO(err, rc, tables_init(a, err), fail);
  FB_CALL_GOTO(err, rc,
               a->opt.model_cfg ? fb_fip_config_from(ops, a->opt.model_cfg, &cfg, err) : fb_fip_config_default(ops, &cfg, err),
               fail);
  rc = ops->init(&a->fip_state, &cfg, err);
  fb_config_free(&cfg);
  if (rc != FB_OK) goto fail;
  /* the nucleon couplings per unit 1/f from the model's production values (C_N m_N, arXiv:1511.02867) */
  fb_fip_values v;
  FB_CALL_GOTO(err, rc, ops->production(a->fip_state, 1e-3, 1.0, &v, err), fail);
  a->gn = a->gp = NAN;
  for (size_t i = 0; i < v.n; i++) {
    if (!strcmp(v.v[i].name, "g_an")) a->gn = v.v[i].value;
    if (!strcmp(v.v[i].name, "g_ap")) a->gp = v.v[i].value;
  }
  FB_TEST_GOTO(err, rc, !isfinite(a->gn) || !isfinite(a->gp), FB_ERR_INTERNAL, fail,
               "model %s gives no g_an / g_ap production values", ops->name);
  return FB_OK;
fail:
  fb_sn_alpn_free(a);
  return rc;
}

void fb_sn_alpn_free(fb_sn_alpn *a) {
  if (!a) return;
  free(a->Jk);
  free(a->Jx);
  if (a->fip_state) ((const fb_fip_ops *)a->fip_ops)->free(a->fip_state);
  memset(a, 0, sizeof *a);
}

void fb_sn_alpn_mstar(const fb_sn_medium *m, const fb_sn_profile *p, double *out) {
  const double km = FB_HBARC_GEV_CM / FB_KM_TO_CM, mN = 0.5 * (FB_MN_GEV + FB_MP_GEV) * 1e3; /* MeV */
  const size_t n = m->n;
  for (size_t i = 0; i < n; i++) {
    double r = (double)i * m->dr_invGeV * km;
    double a = fb_sn_profile_at(p, FB_SN_MSTAR_N_MEV, r), b = fb_sn_profile_at(p, FB_SN_MSTAR_P_MEV, r);
    double v = 0.5 * (a + b) / mN;
    int ok = isfinite(v) && v > 0.05 && v <= 1.5;
    out[i] = ok ? v : 1.0;
    /* negative pions in chemical equilibrium pi- p <-> n: mu_pi- = mu_n - mu_p (Fore & Reddy arXiv:1911.02632) */
    double mun = fb_sn_profile_at(p, FB_SN_MU_N_MEV, r), mup = fb_sn_profile_at(p, FB_SN_MU_P_MEV, r);
    out[n + i] = (isfinite(mun) && isfinite(mup)) ? 1e-3 * (mun - mup) : NAN;
    /* static nucleons without mean fields (the profile has none): the energy released is m*_n - m*_p */
    out[2 * n + i] = ok && isfinite(a - b) ? 1e-3 * (a - b) : FB_MN_GEV - FB_MP_GEV;
    /* muons with mu_mu = mu_e (Bollig et al. arXiv:2005.07141), charge neutrality re-imposed (fb_sn_muon.h): the
     * static target density and the table of the relativistic a mu -> gamma mu rate ln Gamma(x = omega/T) at g = 1 */
    double Ti = m->T_GeV[i], mul = fb_sn_muon_mu_neutral_GeV(Ti, m->mue_GeV[i]);
    out[3 * n + i] = fb_sn_muon_neff_GeV3(Ti, mul);
    for (int j = 0; j < AN_MU_NX; j++) {
      double x = (j * AN_MU_DU) * (j * AN_MU_DU), G = 0.0;
      if (j > 0 && Ti > 0 && mul > FB_MMU_GEV - 40.0 * Ti) G = fb_sn_muon_gamma_abs_rel_GeV(1.0, Ti, mul, x * Ti);
      out[(AN_MU_OFF + (size_t)j) * n + i] = G; /* Gamma -> 0 as omega^2 for omega -> 0 */
    }
    /* the symmetry potential the ideal-gas profile lacks (systematic variant pion_induced = mean_field) */
    double np = m->np_GeV3[i], nn = np > 0 ? m->nnnp_GeV6[i] / np : 0.0;
    out[4 * n + i] = fb_sn_pion_symmetry_potential_GeV(nn, np);
    /* interacting pions (Fore & Reddy arXiv:1911.02632): the effective chemical potential of free pions carrying the
     * free plus the virial (pi N correlated) pi- density (fb_sn_pion.h) */
    double T = m->T_GeV[i], mu = out[n + i];
    out[5 * n + i] = mu;
    if (isfinite(mu) && T > 0 && FB_MPI_CHARGED_GEV - mu < 60.0 * T) { /* beyond: pions e^{-60} suppressed */
      double nfree = fb_sn_pion_density_GeV3(T, mu), nint = fb_sn_pion_virial_density_GeV3(T, mu, nn, np);
      if (isfinite(nfree) && nint > 0) out[5 * n + i] = fb_sn_pion_mu_eff_GeV(T, mu, nfree + nint);
    }
  }
}

static int widths_at(fb_sn_alpn *a, double mass, fb_err *err) {
  if (a->dec_mass_GeV == mass) return FB_OK;
  const fb_fip_ops *ops = a->fip_ops;
  fb_decay d;
  FB_CALL(err, ops->decay(a->fip_state, mass, 1.0, &d, err));
  int iee = fb_decay_find(&d, "ee"), igg = fb_decay_find(&d, "gammagamma");
  a->G_ee = iee >= 0 ? d.ch[iee].width_GeV : 0.0;
  a->G_gg = igg >= 0 ? d.ch[igg].width_GeV : 0.0;
  a->G_rest = fmax(d.width_GeV - a->G_ee - a->G_gg, 0.0);
  a->dec_mass_GeV = mass;
  return FB_OK;
}

/* ------------------------------------------------------------------ rates */
/* Absorption rate per unit (1/f)^2 [GeV]. Spin-structure-function form (Raffelt & Seckel; Hannestad & Raffelt
 * 1998): Gamma_abs = (g^2/4 m_N^2) (k_a^2/2 omega) n S_sigma(omega) for the vertex (g/2m_N) sigma.k_a, with
 * n S_sigma = Gamma_0 Sigma/(omega^2 + Gamma_ms^2/4) and
 *   Gamma_0 = 4 sqrt(pi) alpha_pi^2 T^{1/2} m*^{-5/2} per density^2, alpha_pi = (2 m* f/m_pi)^2/(4 pi)
 * (the non-degenerate spin-fluctuation rate Gamma_sigma = Gamma_0 n of Hannestad & Raffelt eq. 37 in their
 * non-degenerate form; = (4 sqrt(pi) f^4/(pi^2 m_pi^4)) m*^{3/2} T^{1/2}: m* enters through the nucleon phase
 * space), Sigma = g_n^2 n_n^2 s_nn + g_p^2 n_p^2 s_nn + 4 n_n n_p s_np (symmetry factors 1/4, 1/4, 1), the
 * ALP vertex with the vacuum m_N (g_aN/2m_N = C_N/2f). Multiple scattering: Gamma_ms = Gamma_0 n_B s_nn(0, y) (the
 * corrected spin-fluctuation rate of the whole medium with unit couplings; Raffelt & Seckel, PRL 69 (1992) 2605;
 * arXiv:1906.11844 sec. 2), or 0. */
double fb_sn_alpn_gamma_abs_GeV(const fb_sn_alpn *a, const fb_sn_point *q, double ms, double om, double mass) {
  if (!(q->T > 0) || !(q->np > 0) || !(om > mass)) return 0.0;
  const double mN = 0.5 * (FB_MN_GEV + FB_MP_GEV), mpi = FB_MPI_CHARGED_GEV, f2 = FB_OPE_F_PINN * FB_OPE_F_PINN;
  double mstar = a->opt.effective_mass ? ms * mN : mN, T = q->T;
  double nn = q->nnnp / q->np, np = q->np;
  double x = om / T, y = mpi * mpi / (mstar * T), jk, jx, j0k, j0x;
  j_at(a, x, y, &jk, &jx);
  double snn = 2.0 * jk + jx, gb = 0.5 * (a->gp + a->gn), dl = 0.5 * (a->gp - a->gn);
  double snp = (5.0 * gb * gb + 3.0 * dl * dl) * jk - 2.0 * gb * gb * jx;
  double Sig = (a->gn * a->gn * nn * nn + a->gp * a->gp * np * np) * snn + 4.0 * nn * np * snp;
  double G0 = 4.0 * AN_SQRT_PI * f2 * f2 / (FB_PI * FB_PI * mpi * mpi * mpi * mpi) * mstar * sqrt(mstar) * sqrt(T);
  double den = om * om;
  if (a->opt.multiple_scattering) {
    j_at(a, 0.0, y, &j0k, &j0x);
    double Gms = G0 * (nn + np) * (2.0 * j0k + j0x);
    den += 0.25 * Gms * Gms;
  }
  double k2 = om * om - mass * mass;
  return k2 / (8.0 * mN * mN * om) * G0 * fmax(Sig, 0.0) / den;
}

typedef struct an_path {
  fb_sn_alpn *a;
  const fb_sn_medium *m;
  const double *mstar;
  double mass;
} an_path;

/* per-medium data at radius r (linear in r; fb_sn_alpn_mstar): m* / m_N, mu_pi, Delta, muon n_eff */
typedef struct an_aux {
  double ms, mupi, delta, nmu, dU, mueff;
  const double *tab; /* the per-medium data (NULL: none) and the radial position b = r/dr in it */
  size_t n;
  double b;
} an_aux;

static double aux_lin(const double *v, size_t n, double b) {
  if (!(b > 0)) return v[0];
  size_t i = (size_t)b;
  if (i + 1 >= n) return v[n - 1];
  double t = b - (double)i;
  return v[i] + t * (v[i + 1] - v[i]);
}

static an_aux aux_at(const an_path *c, double r) {
  an_aux x = {1.0, NAN, FB_MN_GEV - FB_MP_GEV, 0.0, 0.0, NAN, NULL, 0, 0.0};
  if (!c->mstar) return x;
  const size_t n = c->m->n;
  double b = r / c->m->dr_invGeV;
  x.tab = c->mstar;
  x.n = n;
  x.b = b;
  x.ms = aux_lin(c->mstar, n, b);
  x.mupi = aux_lin(c->mstar + n, n, b);
  x.delta = aux_lin(c->mstar + 2 * n, n, b);
  x.nmu = aux_lin(c->mstar + 3 * n, n, b);
  x.dU = aux_lin(c->mstar + 4 * n, n, b);
  x.mueff = aux_lin(c->mstar + 5 * n, n, b);
  return x;
}

/* pion-induced and muon absorption rates per unit (1/f)^2 [GeV], not reduced by stimulated emission */
static double gamma_pion(const fb_sn_alpn *a, const fb_sn_point *q, const an_aux *x, double om, double mass) {
  if (!a->opt.pion_induced || !isfinite(x->mupi)) return 0.0;
  fb_sn_pion_coupling pc = {fb_sn_pion_coupling_G(a->gn, a->gp), a->opt.pion_induced >= 2 ? a->gp - a->gn : 0.0,
                            a->gn, a->gp, a->opt.pion_delta};
  if (a->opt.pion_induced == 3) /* mean-field nucleons (free pions): mu_n - mu_p and Delta both shift */
    return fb_sn_pion_gamma_abs_GeV(&pc, q->T, q->np, x->mupi + x->dU, x->delta + x->dU, om, mass);
  /* interacting pions: the free-pion rate at the effective chemical potential of the virial abundance */
  double mu = a->opt.pion_virial && isfinite(x->mueff) ? x->mueff : x->mupi;
  return fb_sn_pion_gamma_abs_GeV(&pc, q->T, q->np, mu, x->delta, om, mass);
}

static double gamma_muon(const fb_sn_alpn *a, const fb_sn_point *q, const an_aux *x, double om, double mass) {
  if (!a->opt.muons || !(a->gmu > 0)) return 0.0;
  if (a->opt.muons == 2) return fb_sn_muon_gamma_abs_GeV(a->gmu, x->nmu, q->T, q->wp2, om, mass); /* static limit */
  if (!x->tab || !(q->T > 0) || !(om > mass) || !(om * om > q->wp2)) return 0.0;
  size_t i = x->b > 0 ? (size_t)x->b : 0;
  if (i + 1 >= x->n) i = x->n - 2;
  const double *cc = x->tab + (AN_MU_OFF + AN_MU_JCHECK) * x->n;
  if (!(cc[i] > 0) && !(cc[i + 1] > 0)) return 0.0; /* no muons at either radial node */
  /* relativistic rate (fb_sn_muon_gamma_abs_rel_GeV) from the table, bilinear in (r, sqrt x); massive ALP through the
   * vertex factor k_a^2/omega^2 (as the static form); photon Bose factor 1/(1 - e^{-omega/T}) */
  double bx = fmin(sqrt(om / q->T) / AN_MU_DU, (double)(AN_MU_NX - 1) - 1e-9);
  size_t j = (size_t)bx;
  double tx = bx - (double)j, tr = fmin(fmax(x->b - (double)i, 0.0), 1.0);
  const double *c0 = x->tab + (AN_MU_OFF + j) * x->n, *c1 = c0 + x->n;
  double G = (1 - tr) * ((1 - tx) * c0[i] + tx * c1[i]) + tr * ((1 - tx) * c0[i + 1] + tx * c1[i + 1]);
  return a->gmu * a->gmu * G * (1.0 - mass * mass / (om * om)) / (-expm1(-om / q->T));
}

/* Decay minus inverse decay per unit (1/f)^2 [GeV]: (m/E) [Gamma_gg (1 - 4 w_p^2/m^2)^{3/2} B_gg (the plasma-photon
 * phase space and Bose factor of fb_sn_alp.h, already decay minus inverse decay) + Gamma_ee B_ee (1 - e^{-E/T})
 * (Pauli blocking of the pair, fb_sn_pair_blocking) + Gamma_rest (1 - e^{-E/T})]. */
static double decay_reduced(const an_path *c, const fb_sn_point *q, double om, double stim) {
  const fb_sn_alpn *a = c->a;
  double mass = c->mass, k = sqrt(fmax(om * om - mass * mass, 0.0)), G = a->G_rest * stim;
  if (a->G_ee > 0) G += a->G_ee * fb_sn_pair_blocking_red(om, k, mass, q->T, q->mue, stim);
  double xg = 1.0 - 4.0 * q->wp2 / (mass * mass);
  if (a->G_gg > 0 && xg > 0) G += a->G_gg * xg * sqrt(xg) * fb_sn_alp_bose_factor(om, mass, q->wp2, q->T);
  return G * mass / om;
}

static double an_rate(const fb_sn_point *q, double r, double om, void *ctx) {
  const an_path *c = ctx;
  if (!(q->T > 0)) return 0.0;
  double stim = -expm1(-om / q->T), rate = 0.0;
  if (c->m->opt.absorption) {
    an_aux x = aux_at(c, r);
    rate += (fb_sn_alpn_gamma_abs_GeV(c->a, q, x.ms, om, c->mass) + gamma_pion(c->a, q, &x, om, c->mass) +
             gamma_muon(c->a, q, &x, om, c->mass)) *
            stim;
  }
  if (c->m->opt.decays) {
    /* skip the decay evaluation (Pauli blocking, Bose factor) where an upper bound of it is below AN_DECAY_SKIP_REL of
     * the absorption: R_ee B_ee stim <= 1, stim <= 1, Bose factor <= 1 + 2T/w_-, w_- >= m^2/(2 (om + k)) (as
     * fb_sn_scalar.c); changes the optical depth by less than that fraction */
    const fb_sn_alpn *a = c->a;
    double mass = c->mass, k = sqrt(fmax(om * om - mass * mass, 0.0)), wm = 0.5 * mass * mass / (om + k);
    double bound = (a->G_ee + a->G_rest + a->G_gg * (1.0 + 2.0 * q->T / wm)) * mass / om;
    if (!(bound < AN_DECAY_SKIP_REL * rate)) rate += decay_reduced(c, q, om, stim);
  }
  return rate;
}

/* an_rate at n energies of one path point (fb_sn_rate_multi_fn; issue 16 speed): what depends on the point only (the
 * per-medium data, m*, y = m_pi^2/(m* T) and its table row, the multiple-scattering width, Gamma_0, the pion occupation
 * e^{(Delta - mu)/T}, the muon table's radial cell) is computed once; the energy-dependent part is the one of an_rate
 * (same formulas; ln(omega/T) from ln omega - ln T, e^{-omega/T} shared by the stimulated emission, the pion occupation
 * and the photon Bose factor). */
static void an_rate_multi(const fb_sn_point *q, double r, size_t n, const double *om, const double *lnom, void *ctx,
                          double *rates) {
  const an_path *c = ctx;
  const fb_sn_alpn *a = c->a;
  const double T = q->T, mass = c->mass, m2 = mass * mass;
  if (!(T > 0)) {
    for (size_t k = 0; k < n; k++) rates[k] = 0.0;
    return;
  }
  const int absorb = c->m->opt.absorption;
  const an_aux x = aux_at(c, r);
  /* bremsstrahlung: the y row of the J tables, Gamma_0 and the multiple-scattering width (fb_sn_alpn_gamma_abs_GeV) */
  const double mN = 0.5 * (FB_MN_GEV + FB_MP_GEV), mpi = FB_MPI_CHARGED_GEV, f2 = FB_OPE_F_PINN * FB_OPE_F_PINN;
  const int brem = absorb && q->np > 0;
  double lnT = log(T), ty = 0.0, G0 = 0.0, Gms2 = 0.0, cA = 0.0, cB = 0.0, gb = 0.0, dl = 0.0;
  size_t iy = 0;
  if (brem) {
    double mstar = a->opt.effective_mass ? x.ms * mN : mN, nn = q->nnnp / q->np, np = q->np;
    double y = mpi * mpi / (mstar * T), by = (log(fmax(y, 1e-300)) - a->lny0) / a->dlny;
    by = fmin(fmax(by, 0.0), (double)(a->ny - 1) - 1e-9);
    iy = (size_t)by;
    ty = by - (double)iy;
    gb = 0.5 * (a->gp + a->gn);
    dl = 0.5 * (a->gp - a->gn);
    cA = a->gn * a->gn * nn * nn + a->gp * a->gp * np * np;
    cB = 4.0 * nn * np;
    G0 = 4.0 * AN_SQRT_PI * f2 * f2 / (FB_PI * FB_PI * mpi * mpi * mpi * mpi) * mstar * sqrt(mstar) * sqrt(T);
    if (a->opt.multiple_scattering) {
      size_t o = iy * a->nx;
      double j0k = (1 - ty) * a->Jk[o] + ty * a->Jk[o + a->nx], j0x = (1 - ty) * a->Jx[o] + ty * a->Jx[o + a->nx];
      double Gms = G0 * (nn + np) * (2.0 * j0k + j0x);
      Gms2 = 0.25 * Gms * Gms;
    }
  }
  /* pion-induced (gamma_pion): the chemical potential and the energy release at this point */
  fb_sn_pion_coupling pc = {.G = 0.0};
  double e_dm = 0.0, delta = 0.0;
  int pion = absorb && a->opt.pion_induced && isfinite(x.mupi) && q->np > 0;
  if (pion) {
    pc.G = fb_sn_pion_coupling_G(a->gn, a->gp);
    pc.Dg = a->opt.pion_induced >= 2 ? a->gp - a->gn : 0.0;
    pc.gn = a->gn, pc.gp = a->gp, pc.delta = a->opt.pion_delta;
    double mu = a->opt.pion_virial && isfinite(x.mueff) ? x.mueff : x.mupi;
    delta = x.delta;
    if (a->opt.pion_induced == 3) mu = x.mupi + x.dU, delta = x.delta + x.dU;
    pion = mu < mpi && (pc.G > 0 || pc.Dg != 0);
    if (pion) e_dm = exp((delta - mu) / T);
  }
  /* muons (gamma_muon): the radial cell of the rate table */
  int muon = absorb && a->opt.muons && a->gmu > 0;
  size_t im = 0;
  double tr = 0.0;
  if (muon && a->opt.muons != 2) {
    muon = x.tab != NULL;
    if (muon) {
      im = x.b > 0 ? (size_t)x.b : 0;
      if (im + 1 >= x.n) im = x.n - 2;
      const double *cc = x.tab + (AN_MU_OFF + AN_MU_JCHECK) * x.n;
      muon = cc[im] > 0 || cc[im + 1] > 0;
      tr = fmin(fmax(x.b - (double)im, 0.0), 1.0);
    }
  }
  for (size_t k = 0; k < n; k++) {
    const double w = om[k], em1 = expm1(-w / T), stim = -em1;
    double rate = 0.0;
    if (absorb) {
      double g = 0.0;
      if (brem && w > mass) {
        double bx = (lnom[k] - lnT - a->lnx0) / a->dlnx;
        bx = fmin(fmax(bx, 0.0), (double)(a->nx - 1) - 1e-9);
        size_t ix = (size_t)bx, o = iy * a->nx + ix;
        double tx = bx - (double)ix;
        double c00 = (1 - tx) * (1 - ty), c01 = tx * (1 - ty), c10 = (1 - tx) * ty, c11 = tx * ty;
        double jk = c00 * a->Jk[o] + c01 * a->Jk[o + 1] + c10 * a->Jk[o + a->nx] + c11 * a->Jk[o + a->nx + 1];
        double jx = c00 * a->Jx[o] + c01 * a->Jx[o + 1] + c10 * a->Jx[o + a->nx] + c11 * a->Jx[o + a->nx + 1];
        double snn = 2.0 * jk + jx, snp = (5.0 * gb * gb + 3.0 * dl * dl) * jk - 2.0 * gb * gb * jx;
        double Sig = cA * snn + cB * snp;
        g += (w * w - m2) / (8.0 * mN * mN * w) * G0 * fmax(Sig, 0.0) / (w * w + Gms2);
      }
      if (pion) g += fb_sn_pion_gamma_abs_pre_GeV(&pc, q->np, delta, w, mass, e_dm, 1.0 + em1);
      if (muon) {
        if (a->opt.muons == 2) {
          g += fb_sn_muon_gamma_abs_GeV(a->gmu, x.nmu, T, q->wp2, w, mass);
        } else if (w > mass && w * w > q->wp2) {
          double bx = fmin(sqrt(w / T) / AN_MU_DU, (double)(AN_MU_NX - 1) - 1e-9);
          size_t j = (size_t)bx;
          double tx = bx - (double)j;
          const double *c0 = x.tab + (AN_MU_OFF + j) * x.n, *c1 = c0 + x.n;
          double G = (1 - tr) * ((1 - tx) * c0[im] + tx * c1[im]) + tr * ((1 - tx) * c0[im + 1] + tx * c1[im + 1]);
          g += a->gmu * a->gmu * G * (1.0 - m2 / (w * w)) / stim;
        }
      }
      rate = g * stim;
    }
    if (c->m->opt.decays) { /* as an_rate */
      double kk = sqrt(fmax(w * w - m2, 0.0)), wm = 0.5 * m2 / (w + kk);
      double bound = (a->G_ee + a->G_rest + a->G_gg * (1.0 + 2.0 * T / wm)) * mass / w;
      if (!(bound < AN_DECAY_SKIP_REL * rate)) rate += decay_reduced(c, q, w, stim);
    }
    rates[k] = rate;
  }
}

/* ------------------------------------------------------------------ table */
static double an_gamma_abs(const fb_sn_point *q, double r, double om, void *ctx) {
  const an_path *c = ctx;
  return fb_sn_alpn_gamma_abs_GeV(c->a, q, aux_at(c, r).ms, om, c->mass);
}

static void an_gamma_extra(const fb_sn_point *q, double r, double om, void *ctx, double *rates) {
  const an_path *c = ctx;
  const an_aux x = aux_at(c, r);
  rates[0] = gamma_pion(c->a, q, &x, om, c->mass);
  rates[1] = gamma_muon(c->a, q, &x, om, c->mass);
}

static double an_decay(const fb_sn_point *q, double r, double om, double stim, void *ctx) {
  (void)r;
  return decay_reduced(ctx, q, om, stim);
}

int fb_sn_alpn_table_compute(fb_sn_table *t, fb_sn_alpn *a, const fb_sn_medium *m, const double *mstar,
                             double mass_GeV, fb_err *err) {
  FB_TEST(err, !t || !a || !a->Jk || !m || !m->np_GeV3, FB_ERR_INPUT, "NULL table, ALP-nucleon state or medium");
  FB_TEST(err, !(mass_GeV > AN_MASS_MIN && mass_GeV <= AN_MASS_MAX), FB_ERR_RANGE,
          "mass_GeV = %g out of range: allowed %g < mass_GeV <= %g (the BC%d model)", mass_GeV, AN_MASS_MIN,
          AN_MASS_MAX, a->benchmark);
  FB_CALL(err, widths_at(a, mass_GeV, err));
  an_path c = {a, m, mstar, mass_GeV};
  /* pion-induced and muon absorption booked apart (t->L0_res) with their own luminosities */
  a->L_pion_f2 = a->L_muon_f2 = 0.0;
  const fb_sn_emitter em = {.gamma_abs = an_gamma_abs,
                            .decay = an_decay,
                            .path_rate = an_rate,
                            .path_rate_multi = an_rate_multi,
                            .ctx = &c,
                            .n_extra = 2,
                            .gamma_extra = an_gamma_extra,
                            .L_extra = {&a->L_pion_f2, &a->L_muon_f2}};
  return fb_sn_table_fill(t, m, mass_GeV, &em, err); /* fb_sn_table.h */
}
