/**
 * @file bbn_em_injection.c
 * @brief Injected photon and e+- spectra of a late decay (see bbn_em_injection.h for the physics,
 *        the approximations and their references).
 */
#include "bbn_em_injection.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_integration.h>

#include "bbn_cascade.h"
#include "fb_constants.h"

#define ME_MEV (FB_ME_GEV * 1e3)
#define MMU_MEV (FB_MMU_GEV * 1e3)
#define MPI_MEV (FB_MPI_CHARGED_GEV * 1e3)
#define MPI0_MEV (FB_MPI0_GEV * 1e3)
#define MK_MEV (FB_MK_CHARGED_GEV * 1e3)
#define MK0_MEV (FB_MK0_GEV * 1e3)
/* Gauss-Legendre points per interval when binning continua (a box edge or the Michel kink splits
 * an interval, so the integrand is smooth on each piece) */
#define BIN_GL 8
/* A boosted product whose lab energy range is below this fraction of its energy is monochromatic */
#define NARROW 1e-12
/* Recursion guard (K -> pi -> mu -> e is 3 levels) */
#define MAX_DEPTH 6

void bbn_em_injection_init(bbn_em_injection *inj, double mass_MeV) {
  memset(inj, 0, sizeof *inj);
  inj->mass_MeV = mass_MeV;
}

void bbn_em_injection_free(bbn_em_injection *inj) {
  free(inj->c);
  memset(inj, 0, sizeof *inj);
}

int bbn_em_injection_copy(const bbn_em_injection *in, bbn_em_injection *out, fb_err *err) {
  *out = *in;
  out->c = NULL;
  out->cap = 0;
  if (in->n_comp > 0) {
    out->c = malloc((size_t)in->n_comp * sizeof *out->c);
    FB_TEST(err, !out->c, FB_ERR_MEMORY, "injection copy (%d components)", in->n_comp);
    memcpy(out->c, in->c, (size_t)in->n_comp * sizeof *out->c);
    out->cap = in->n_comp;
  }
  return FB_OK;
}

int bbn_em_injection_equal(const bbn_em_injection *a, const bbn_em_injection *b) {
  if (a->n_comp != b->n_comp || a->mass_MeV != b->mass_MeV || a->E_max_MeV != b->E_max_MeV) return 0;
  for (int i = 0; i < a->n_comp; i++) {
    const bbn_inj_comp *x = &a->c[i], *y = &b->c[i];
    if (x->species != y->species || x->kind != y->kind || x->n != y->n || x->a != y->a || x->b != y->b) return 0;
  }
  return 1;
}

static int push(bbn_em_injection *inj, int species, int kind, double n, double a, double b, fb_err *err) {
  if (!(n > 0.0)) return FB_OK;
  if (inj->n_comp == inj->cap) {
    const int cap = inj->cap ? 2 * inj->cap : 64;
    bbn_inj_comp *c = realloc(inj->c, (size_t)cap * sizeof *c);
    FB_TEST(err, !c, FB_ERR_MEMORY, "injection components (%d)", cap);
    inj->c = c;
    inj->cap = cap;
  }
  inj->c[inj->n_comp++] = (bbn_inj_comp){species, kind, n, a, b};
  double lo, hi;
  bbn_inj_comp_support(&inj->c[inj->n_comp - 1], &lo, &hi);
  if (hi > inj->E_max_MeV) inj->E_max_MeV = hi;
  if (kind != BBN_INJ_FSR) {
    const double f = bbn_inj_comp_energy_MeV(&inj->c[inj->n_comp - 1]) / inj->mass_MeV;
    if (species == BBN_CASC_GAMMA) inj->f_gamma += f;
    else inj->f_e += f;
  }
  return FB_OK;
}

/* ---------------------------------------------------------------------------------------------
 * Component spectra
 * ------------------------------------------------------------------------------------------- */
/* Michel: W = E*_max = m_mu/2 in the rest frame (a < m_mu: the muon is at rest, energies scaled by
 * a/m_mu so that the mean is 0.35 a), gamma, beta of the muon. */
static void michel_frame(double E_mu, double *W, double *g, double *b) {
  *g = E_mu > MMU_MEV ? E_mu / MMU_MEV : 1.0;
  *W = 0.5 * E_mu / *g;
  *b = sqrt(fmax(0.0, 1.0 - 1.0 / (*g * *g)));
}

/* primitives of f(x)/(2x) for the two V-A shapes, f = 2x^2 (3 - 2x) and 12 x^2 (1 - x): the boosted
 * spectrum is
 *   dN/dE = [G(x_hi) - G(x_lo)] / (gamma beta W),  x_lo = E/(gamma (1+beta) W),
 *   x_hi = min(1, E/(gamma (1-beta) W)),
 * from dN/dE = int dx f(x) / (2 gamma beta x W) over the rest-frame energies E* = x W whose
 * isotropic boost reaches E (E flat in [gamma (1-beta) E*, gamma (1+beta) E*]). */
static double va_G(int shape, double x) {
  return shape == 0 ? x * x * (1.5 - 2.0 / 3.0 * x) : x * x * (3.0 - 2.0 * x);
}

double bbn_boosted_va_dnde(int shape, double W, double g, double E) {
  if (!(E > 0.0) || !(W > 0.0)) return 0.0;
  const double b = g > 1.0 ? sqrt(fmax(0.0, 1.0 - 1.0 / (g * g))) : 0.0;
  if (b < 1e-6) { /* at rest */
    const double x = E / W;
    if (x > 1.0) return 0.0;
    return (shape == 0 ? 2.0 * x * x * (3.0 - 2.0 * x) : 12.0 * x * x * (1.0 - x)) / W;
  }
  const double xlo = E / (g * (1.0 + b) * W), xhi = fmin(1.0, E / (g * (1.0 - b) * W));
  if (xlo >= 1.0) return 0.0;
  return (va_G(shape, xhi) - va_G(shape, xlo)) / (g * b * W);
}

void bbn_boost_flat_range(double g, double E_star, double m, double *lo, double *hi) {
  const double b = g > 1.0 ? sqrt(fmax(0.0, 1.0 - 1.0 / (g * g))) : 0.0;
  const double pst = sqrt(fmax(0.0, E_star * E_star - m * m));
  const double gg = g > 1.0 ? g : 1.0;
  *lo = gg * (E_star - b * pst);
  *hi = gg * (E_star + b * pst);
}

double bbn_inj_comp_dnde(const bbn_inj_comp *c, double E) {
  if (!(E > 0.0)) return 0.0;
  switch (c->kind) {
    case BBN_INJ_LINE: return 0.0;
    case BBN_INJ_FSR: {
      /* arXiv:1808.09324 eq. 2.9 (Birkedal et al. hep-ph/0507194): per decay X -> l+ l- */
      const double E0 = c->a, x = E / E0, y = c->b * c->b / (4.0 * E0 * E0);
      if (!(1.0 - x > y)) return 0.0;
      return c->n * FB_ALPHA_EM / FB_PI / E0 * (1.0 + (1.0 - x) * (1.0 - x)) / x * log((1.0 - x) / y);
    }
    case BBN_INJ_BOX: return (E >= c->a && E <= c->b) ? c->n / (c->b - c->a) : 0.0;
    case BBN_INJ_MICHEL: {
      double W, g, b;
      michel_frame(c->a, &W, &g, &b);
      return c->n * bbn_boosted_va_dnde(0, W, g, E);
    }
    case BBN_INJ_SHAPE3: {
      const double x = E / c->a, a = c->b;
      if (x > 1.0) return 0.0;
      return c->n * (a * 2.0 * x * x * (3.0 - 2.0 * x) + (1.0 - a) * 12.0 * x * x * (1.0 - x)) / c->a;
    }
    default: return 0.0;
  }
}

void bbn_inj_comp_support(const bbn_inj_comp *c, double *lo, double *hi) {
  switch (c->kind) {
    case BBN_INJ_LINE: *lo = *hi = c->a; return;
    case BBN_INJ_FSR: *lo = 0.0; *hi = c->a; return;
    case BBN_INJ_BOX: *lo = c->a; *hi = c->b; return;
    case BBN_INJ_MICHEL: {
      double W, g, b;
      michel_frame(c->a, &W, &g, &b);
      *lo = 0.0;
      *hi = g * (1.0 + b) * W;
      return;
    }
    case BBN_INJ_SHAPE3: *lo = 0.0; *hi = c->a; return;
    default: *lo = *hi = 0.0;
  }
}

double bbn_inj_comp_number(const bbn_inj_comp *c) { return c->kind == BBN_INJ_FSR ? INFINITY : c->n; }

double bbn_inj_comp_energy_MeV(const bbn_inj_comp *c) {
  switch (c->kind) {
    case BBN_INJ_LINE: return c->n * c->a;
    case BBN_INJ_BOX: return c->n * 0.5 * (c->a + c->b);
    case BBN_INJ_MICHEL: return c->n * 0.35 * c->a; /* <x> = 7/10 of W = m/2, times gamma */
    case BBN_INJ_SHAPE3: return c->n * c->a * (0.7 * c->b + 0.6 * (1.0 - c->b));
    case BBN_INJ_FSR: {
      /* int_0^{E0 (1-y)} E dN/dE dE = n (alpha/pi) E0 int_0^{1-y} (1 + (1-x)^2) ln((1-x)/y) dx:
       * with u = 1 - x: int_y^1 (1 + u^2) ln(u/y) du, closed form */
      const double y = c->b * c->b / (4.0 * c->a * c->a);
      if (!(y < 1.0)) return 0.0;
      const double ly = log(y);
      /* int (1+u^2) ln u du = u ln u - u + u^3 ln u / 3 - u^3/9 */
      const double F1 = -1.0 - 1.0 / 9.0;
      const double Fy = y * ly - y + y * y * y * ly / 3.0 - y * y * y / 9.0;
      const double I = (F1 - Fy) - ly * ((1.0 + 1.0 / 3.0) - (y + y * y * y / 3.0));
      return c->n * FB_ALPHA_EM / FB_PI * c->a * I;
    }
    default: return 0.0;
  }
}

/* ---------------------------------------------------------------------------------------------
 * Decays in flight
 * ------------------------------------------------------------------------------------------- */
typedef struct { int cls; double E_star, m; } product;

static int add_particle_depth(bbn_em_injection *inj, int cls, double E, double n, int depth, fb_err *err);

/* Lost energy bookkeeping (fractions of m_X). */
static void lose(bbn_em_injection *inj, int cls, double energy) {
  const double f = energy / inj->mass_MeV;
  if (cls == FB_DC_NU_E || cls == FB_DC_NU_MU || cls == FB_DC_NU_TAU) inj->f_nu += f;
  else if (cls == FB_DC_INVISIBLE) inj->f_inv += f;
  else inj->f_not_cascaded += f;
}

/* n particles of class cls whose lab energy is flat on [lo, hi]. */
static int add_flat(bbn_em_injection *inj, int cls, double lo, double hi, double n, int depth, fb_err *err) {
  if (hi - lo <= NARROW * hi) return add_particle_depth(inj, cls, 0.5 * (lo + hi), n, depth, err);
  if (cls == FB_DC_PHOTON) return push(inj, BBN_CASC_GAMMA, BBN_INJ_BOX, n, lo, hi, err);
  if (cls == FB_DC_ELECTRON) return push(inj, BBN_CASC_E, BBN_INJ_BOX, n, lo, hi, err);
  if (cls != FB_DC_MUON && cls != FB_DC_PI_CHARGED && cls != FB_DC_PI0 && cls != FB_DC_KAON) {
    lose(inj, cls, n * 0.5 * (lo + hi));
    return FB_OK;
  }
  /* unstable: Gauss-Legendre nodes of the flat distribution (exact for the mean energy, which every
   * product's mean is linear in) */
  gsl_integration_glfixed_table *t = gsl_integration_glfixed_table_alloc(BBN_INJ_N_GL);
  FB_TEST(err, !t, FB_ERR_MEMORY, "Gauss-Legendre table");
  int rc = FB_OK;
  for (size_t i = 0; i < t->n && rc == FB_OK; i++) {
    double x, w;
    gsl_integration_glfixed_point(lo, hi, i, &x, &w, t);
    rc = add_particle_depth(inj, cls, x, n * w / (hi - lo), depth, err);
  }
  gsl_integration_glfixed_table_free(t);
  return rc;
}

/* n decays of a particle of mass M and lab energy E into products (rest-frame energies E*), each
 * boosted isotropically. E < M (a record's rounding, or a mass in the record that differs from
 * the one used here): decay at rest with all product energies scaled by E/M (energy conserved). */
static int decay_in_flight(bbn_em_injection *inj, double M, double E, double n, const product *p, int np,
                           int depth, fb_err *err) {
  const double g = E > M ? E / M : 1.0, k = E > M ? 1.0 : E / M;
  for (int i = 0; i < np; i++) {
    double lo, hi;
    bbn_boost_flat_range(g, p[i].E_star, p[i].m, &lo, &hi);
    FB_CALL(err, add_flat(inj, p[i].cls, k * lo, k * hi, n, depth + 1, err));
  }
  return FB_OK;
}

/* rest-frame energy of daughter 1 in M -> 1 + 2 */
static double two_body_E(double M, double m1, double m2) { return (M * M + m1 * m1 - m2 * m2) / (2.0 * M); }

/* products of a two-body decay */
static int two_body(product *p, double M, int c1, double m1, int c2, double m2) {
  p[0] = (product){c1, two_body_E(M, m1, m2), m1};
  p[1] = (product){c2, two_body_E(M, m2, m1), m2};
  return 2;
}

/* products of a three-body decay, kinetic energy shared equally (approximation, header) */
static int three_body(product *p, double M, int c1, double m1, int c2, double m2, int c3, double m3) {
  const double K = (M - m1 - m2 - m3) / 3.0;
  p[0] = (product){c1, m1 + K, m1};
  p[1] = (product){c2, m2 + K, m2};
  p[2] = (product){c3, m3 + K, m3};
  return 3;
}

/* a kaon species of energy E, n decays: its main modes (PDG 2024, renormalised) */
static int kaon_decay(bbn_em_injection *inj, int species, double E, double n, int depth, fb_err *err) {
  enum { KC = 0, KL = 1, KS = 2 };
  const double M = species == KC ? MK_MEV : MK0_MEV;
  product p[3];
  int np;
#define MODE(br, expr)                                                      \
  do {                                                                      \
    np = (expr);                                                            \
    FB_CALL(err, decay_in_flight(inj, M, E, n * (br) / sum, p, np, depth, err)); \
  } while (0)
  if (species == KC) {
    const double sum = FB_BR_K_MUNU + FB_BR_K_PIPI0 + FB_BR_K_3PI_CHARGED + FB_BR_K_PI0ENU + FB_BR_K_PI0MUNU +
                       FB_BR_K_PIPI0PI0;
    MODE(FB_BR_K_MUNU, two_body(p, M, FB_DC_MUON, MMU_MEV, FB_DC_NU_MU, 0.0));
    MODE(FB_BR_K_PIPI0, two_body(p, M, FB_DC_PI_CHARGED, MPI_MEV, FB_DC_PI0, MPI0_MEV));
    MODE(FB_BR_K_3PI_CHARGED, three_body(p, M, FB_DC_PI_CHARGED, MPI_MEV, FB_DC_PI_CHARGED, MPI_MEV, FB_DC_PI_CHARGED,
                                         MPI_MEV));
    MODE(FB_BR_K_PI0ENU, three_body(p, M, FB_DC_PI0, MPI0_MEV, FB_DC_ELECTRON, ME_MEV, FB_DC_NU_E, 0.0));
    MODE(FB_BR_K_PI0MUNU, three_body(p, M, FB_DC_PI0, MPI0_MEV, FB_DC_MUON, MMU_MEV, FB_DC_NU_MU, 0.0));
    MODE(FB_BR_K_PIPI0PI0, three_body(p, M, FB_DC_PI_CHARGED, MPI_MEV, FB_DC_PI0, MPI0_MEV, FB_DC_PI0, MPI0_MEV));
  } else if (species == KL) {
    const double sum = FB_BR_KL_PIENU + FB_BR_KL_PIMUNU + FB_BR_KL_3PI0 + FB_BR_KL_PIPIPI0;
    MODE(FB_BR_KL_PIENU, three_body(p, M, FB_DC_PI_CHARGED, MPI_MEV, FB_DC_ELECTRON, ME_MEV, FB_DC_NU_E, 0.0));
    MODE(FB_BR_KL_PIMUNU, three_body(p, M, FB_DC_PI_CHARGED, MPI_MEV, FB_DC_MUON, MMU_MEV, FB_DC_NU_MU, 0.0));
    MODE(FB_BR_KL_3PI0, three_body(p, M, FB_DC_PI0, MPI0_MEV, FB_DC_PI0, MPI0_MEV, FB_DC_PI0, MPI0_MEV));
    MODE(FB_BR_KL_PIPIPI0, three_body(p, M, FB_DC_PI_CHARGED, MPI_MEV, FB_DC_PI_CHARGED, MPI_MEV, FB_DC_PI0,
                                      MPI0_MEV));
  } else {
    const double sum = FB_BR_KS_PIPI + FB_BR_KS_PI0PI0;
    MODE(FB_BR_KS_PIPI, two_body(p, M, FB_DC_PI_CHARGED, MPI_MEV, FB_DC_PI_CHARGED, MPI_MEV));
    MODE(FB_BR_KS_PI0PI0, two_body(p, M, FB_DC_PI0, MPI0_MEV, FB_DC_PI0, MPI0_MEV));
  }
#undef MODE
  return FB_OK;
}

static int add_particle_depth(bbn_em_injection *inj, int cls, double E, double n, int depth, fb_err *err) {
  FB_TEST(err, depth > MAX_DEPTH, FB_ERR_INTERNAL, "decay chain deeper than %d", MAX_DEPTH);
  if (!(n > 0.0) || !(E > 0.0)) return FB_OK;
  product p[3];
  switch (cls) {
    case FB_DC_PHOTON: return push(inj, BBN_CASC_GAMMA, BBN_INJ_LINE, n, E, 0.0, err);
    case FB_DC_ELECTRON: return push(inj, BBN_CASC_E, BBN_INJ_LINE, n, E, 0.0, err);
    case FB_DC_PI0:
      /* pi0 -> gamma gamma (98.8%; the Dalitz decay's e+ e- gamma, 1.2%, is electromagnetic too and
       * counted as gamma gamma), PDG 2024: each photon flat between E (1 -+ beta)/2 */
      return decay_in_flight(inj, MPI0_MEV, E, n, p, two_body(p, MPI0_MEV, FB_DC_PHOTON, 0.0, FB_DC_PHOTON, 0.0),
                             depth, err);
    case FB_DC_MUON:
      /* mu -> e nu nu: the e carries 0.35 E_mu on average (Michel, m_e = 0), the rest to neutrinos */
      FB_CALL(err, push(inj, BBN_CASC_E, BBN_INJ_MICHEL, n, E, 0.0, err));
      inj->f_nu += n * 0.65 * E / inj->mass_MeV;
      return FB_OK;
    case FB_DC_PI_CHARGED:
      /* pi -> mu nu (the e nu mode, BR 1.2e-4, counted as mu nu) */
      return decay_in_flight(inj, MPI_MEV, E, n, p, two_body(p, MPI_MEV, FB_DC_MUON, MMU_MEV, FB_DC_NU_MU, 0.0),
                             depth, err);
    case FB_DC_KAON:
      /* K+- : K_L : K_S = 1/2 : 1/4 : 1/4 (bbn_decay_record.c) */
      FB_CALL(err, kaon_decay(inj, 0, E, 0.5 * n, depth, err));
      FB_CALL(err, kaon_decay(inj, 1, E, 0.25 * n, depth, err));
      return kaon_decay(inj, 2, E, 0.25 * n, depth, err);
    default: lose(inj, cls, n * E); return FB_OK;
  }
}

int bbn_em_injection_add_particle(bbn_em_injection *inj, int cls, double E_MeV, double n, fb_err *err) {
  FB_TEST(err, !(inj->mass_MeV > 0.0), FB_ERR_INPUT, "injection without a mass");
  return add_particle_depth(inj, cls, E_MeV, n, 0, err);
}

int bbn_em_injection_lines(bbn_em_injection *inj, double mass_MeV, double br_photon, double br_ee, int fsr,
                           fb_err *err) {
  bbn_em_injection_init(inj, mass_MeV);
  const double E0 = 0.5 * mass_MeV;
  FB_CALL(err, push(inj, BBN_CASC_GAMMA, BBN_INJ_LINE, 2.0 * br_photon, E0, 0.0, err));
  FB_CALL(err, push(inj, BBN_CASC_E, BBN_INJ_LINE, 2.0 * br_ee, E0, 0.0, err));
  if (fsr) FB_CALL(err, push(inj, BBN_CASC_GAMMA, BBN_INJ_FSR, br_ee, E0, ME_MEV, err));
  inj->f_inv = fmax(0.0, 1.0 - br_photon - br_ee);
  inj->br_line_photon = br_photon;
  inj->br_line_ee = br_ee;
  return FB_OK;
}

/* A branching ratio rounded to 36 bits of mantissa (relative 1.5e-11): the BRs of a record scale-free in
 * the coupling (widths ~ coupling^n) then give bit-identical injections at every coupling of a mass, so a
 * plane reuses one table per mass whatever the order of its points (the last-bit noise of the width
 * ratios would otherwise defeat the cache). */
static double br_round(double br) {
  int e;
  const double m = frexp(br, &e);
  return ldexp(round(ldexp(m, 36)), e - 36);
}

int bbn_em_injection_from_record(const fb_decay *d, int fsr, bbn_em_injection *inj, fb_err *err) {
  bbn_em_injection_init(inj, d->mass_GeV * 1e3);
  FB_TEST(err, !(d->width_GeV > 0.0), FB_ERR_INPUT, "decay record at m = %g GeV: stable", d->mass_GeV);
  const double m = d->mass_GeV * 1e3;
  for (size_t k = 0; k < d->n_channels; k++) {
    const fb_decay_channel *c = &d->ch[k];
    if (!(c->br > 0.0)) continue;
    const double br = br_round(c->br);
    double ntot = 0.0;
    for (int q = 0; q < FB_N_DECAY_CLASSES; q++) ntot += c->n[q];
    if (c->n[FB_DC_TAU] > 0 || c->n[FB_DC_NUCLEON] > 0 || c->n[FB_DC_OTHER_HADRONS] > 0) inj->br_not_cascaded += br;
    const int line_ee = c->n[FB_DC_ELECTRON] == 2.0 && c->efrac[FB_DC_ELECTRON] > 1.0 - 1e-9;
    if (c->n[FB_DC_PHOTON] == 2.0 && c->efrac[FB_DC_PHOTON] > 1.0 - 1e-9) inj->br_line_photon += br;
    if (line_ee) inj->br_line_ee += br;
    for (int q = 0; q < FB_N_DECAY_CLASSES; q++) {
      if (!(c->n[q] > 0.0) || !(c->efrac[q] > 0.0)) continue;
      const double E = c->efrac[q] * m / c->n[q], nq = br * c->n[q];
      if (q == FB_DC_ELECTRON && ntot > 2.5) {
        /* three-body e+-: SHAPE3 with the record's mean energy (header) */
        const double xm = E / (0.5 * m), a = fmin(1.0, fmax(0.0, (xm - 0.6) / 0.1));
        FB_CALL(err, push(inj, BBN_CASC_E, BBN_INJ_SHAPE3, nq, E / (0.6 + 0.1 * a), a, err));
      } else {
        FB_CALL(err, add_particle_depth(inj, q, E, nq, 0, err));
      }
    }
    if (line_ee && fsr) FB_CALL(err, push(inj, BBN_CASC_GAMMA, BBN_INJ_FSR, br, 0.5 * m, ME_MEV, err));
  }
  return FB_OK;
}

/* ---------------------------------------------------------------------------------------------
 * Binning onto the cascade grid
 * ------------------------------------------------------------------------------------------- */
static void cic(double *S, const double *E, int n, double dy, double En, double w) {
  if (En >= E[n - 1] * (1.0 - 1e-12)) { S[n - 1] += w; return; }
  const double u = log(En / E[0]) / dy;
  if (u < -1.0) return;
  int k = (int)floor(u);
  double f = u - k;
  if (k >= n - 1) { k = n - 1; f = 0.0; }
  if (k >= 0) S[k] += (1.0 - f) * w;
  if (k + 1 <= n - 1 && f > 0.0) S[k + 1] += f * w;
}

int bbn_em_injection_bin(const bbn_em_injection *inj, const double *E, int n, double dy, double *S_gamma,
                         double *S_e, fb_err *err) {
  memset(S_gamma, 0, (size_t)n * sizeof *S_gamma);
  memset(S_e, 0, (size_t)n * sizeof *S_e);
  gsl_integration_glfixed_table *t = gsl_integration_glfixed_table_alloc(BIN_GL);
  FB_TEST(err, !t, FB_ERR_MEMORY, "cannot allocate the %d-point Gauss-Legendre table of the injection bins", BIN_GL);
  for (int ic = 0; ic < inj->n_comp; ic++) {
    const bbn_inj_comp *c = &inj->c[ic];
    double *S = c->species == BBN_CASC_GAMMA ? S_gamma : S_e;
    if (c->kind == BBN_INJ_LINE) { cic(S, E, n, dy, c->a, c->n); continue; }
    if (c->kind == BBN_INJ_FSR) { /* node-sampled below the line, as bbn_cascade_solve */
      for (int i = 0; i < n - 1; i++)
        if (E[i] < c->a) S[i] += bbn_inj_comp_dnde(c, E[i]) * E[i] * dy;
      continue;
    }
    double lo, hi;
    bbn_inj_comp_support(c, &lo, &hi);
    double kink = -1.0;
    if (c->kind == BBN_INJ_MICHEL) {
      double W, g, b;
      michel_frame(c->a, &W, &g, &b);
      kink = g * (1.0 - b) * W;
    }
    /* intervals [E_k e^{-dy}, E_k], k = 0 .. n-1, split at lo, hi, kink */
    for (int k = 0; k < n; k++) {
      double a0 = E[k] * exp(-dy), b0 = E[k];
      if (k == n - 1 && hi > b0) b0 = hi; /* above the top node: into it */
      a0 = fmax(a0, lo);
      b0 = fmin(b0, hi);
      if (!(b0 > a0) || !(a0 > 0.0 || b0 > 0.0)) continue;
      if (a0 <= 0.0) a0 = b0 * 1e-300; /* never for a grid starting at E_min > 0 */
      double cut[3] = {a0, b0, b0};
      int nc = 1;
      if (kink > a0 && kink < b0) { cut[1] = kink; nc = 2; }
      for (int s = 0; s < nc; s++) {
        const double la = log(cut[s]), lb = log(s + 1 < nc ? cut[s + 1] : b0);
        for (size_t q = 0; q < t->n; q++) {
          double x, w;
          gsl_integration_glfixed_point(la, lb, q, &x, &w, t);
          const double Eq = exp(x);
          cic(S, E, n, dy, Eq, w * Eq * bbn_inj_comp_dnde(c, Eq));
        }
      }
    }
  }
  gsl_integration_glfixed_table_free(t);
  return FB_OK;
}

double bbn_em_injection_stopping_ratio(double m, double gamma, double tau_s, double T, double eta) {
  const double beta = sqrt(fmax(0.0, 1.0 - 1.0 / (gamma * gamma)));
  const double re2 = FB_ALPHA_EM * FB_ALPHA_EM / (ME_MEV * ME_MEV); /* MeV^-2 */
  const double n_gamma = 2.0 * FB_ZETA3 / (FB_PI * FB_PI) * T * T * T, n_e = eta * n_gamma; /* n_e <= eta n_gamma */
  /* Coulomb: dE/dx = 4 pi r_e^2 m_e n_e L / beta^2 (Bethe, PDG 2024 "Passage of particles through
   * matter" eq. 34.5 without the logarithm's detail), with a generous Coulomb logarithm L = 40 */
  const double dEdx_C = 4.0 * FB_PI * re2 * ME_MEV * n_e * 40.0 / fmax(beta * beta, 1e-6);
  /* inverse Compton (Thomson): dE/dt = (4/3) sigma_T (m_e/m)^2 gamma^2 beta^2 u_gamma (Blumenthal &
   * Gould 1970 eq. 2.42), u_gamma = pi^2 T^4 / 15 */
  const double sT = 8.0 * FB_PI / 3.0 * re2 * (ME_MEV / m) * (ME_MEV / m);
  const double dEdx_IC = 4.0 / 3.0 * sT * gamma * gamma * beta * (FB_PI * FB_PI / 15.0 * T * T * T * T);
  const double L = gamma * fmax(beta, 1e-3) * tau_s / (FB_HBAR_GEV_S * 1e3); /* MeV^-1 */
  return (dEdx_C + dEdx_IC) * L / (gamma * m);
}
