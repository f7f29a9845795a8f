/**
 * @file fb_cmb_mix.c
 * @brief The injected electromagnetic spectrum of a decay record for the mixed-channel deposition kernel
 *        (issue 15, branch cmbmix; fb_cmb.h fb_cmb_spectrum_from_decay, fb_cmb_dep.h fb_cmb_dep_set_spectrum).
 *
 * The photon and e+- spectra per decay are those of the BBN cascade (src/bbn/bbn_em_injection.h, no final-state
 * radiation, as the e+e- pair kernel): two-body lines at their exact energies, pi0 photons in flight (flat boxes),
 * the Michel e+- of muons and of the muons of charged pions in flight, the products of kaon decays. Decays in flight
 * hold a fortiori in the recombination era (T < 1 eV: bbn_em_injection.h, the stopping ratio falls as T^4). Lines
 * become one node each (the exact photon or pair kernel of that energy); continua are binned on a grid of
 * FB_CMB_MIX_PER_DECADE nodes per decade from 1 keV (bbn_em_injection_bin: tent weights in ln E, number exact,
 * energy to O(dy^2)), so a continuum's kernel is the tent interpolation in ln E of the node kernels. Weights are
 * energy shares (N E / sum N E); nodes below FB_CMB_MIX_W_DROP of the total are dropped and the rest renormalised
 * (each dropped photon node would cost one more cached kernel, ~50 ms: on the BC1 plane the nodes of 1e-5 - 1e-4 are
 * the photons of rare channels). Left out: neutrinos,
 * invisible states, tau, nucleons and other hadrons (not cascaded by bbn_em_injection; the caller compares f_casc
 * with its f_em).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bbn_cascade.h"
#include "bbn_em_injection.h"
#include "fb_cmb.h"
#include "fb_cmb_dep.h"
#include "fb_constants.h"
#include "fb_fip.h"

#define MIX_E0_MEV 1e-3 /* lowest grid node (1 keV): below, the Michel spectra carry < 1e-9 of the energy */
#define MIX_NMAX 112    /* grid nodes per species (1 keV - 1 TeV at 12 per decade: 109) */

static int push_node(fb_cmb_dep_spectrum *s, int pair, int cont, double E_GeV, double w, fb_err *err) {
  if (!(w > 0)) return FB_OK;
  FB_TEST(err, s->n >= FB_CMB_DEP_SPEC_MAX, FB_ERR_INTERNAL, "injected spectrum: more than %d nodes",
          FB_CMB_DEP_SPEC_MAX);
  s->pair[s->n] = pair;
  s->cont[s->n] = cont;
  s->E_GeV[s->n] = E_GeV;
  s->w[s->n] = w;
  s->n++;
  return FB_OK;
}

int fb_cmb_spectrum_from_decay(const fb_decay *d, fb_cmb_dep_spectrum *s, double *f_casc, fb_err *err) {
  return fb_cmb_spectrum_from_decay_opts(d, FB_CMB_MIX_PER_DECADE, FB_CMB_MIX_W_DROP, s, f_casc, err);
}

int fb_cmb_spectrum_from_decay_opts(const fb_decay *d, int per_decade, double w_drop, fb_cmb_dep_spectrum *s,
                                    double *f_casc, fb_err *err) {
  memset(s, 0, sizeof *s);
  *f_casc = 0.0;
  bbn_em_injection inj, cont;
  bbn_inj_comp *cc = NULL;
  int rc = FB_OK;
  FB_CALL(err, bbn_em_injection_from_record(d, 0, &inj, err));
  const double m_MeV = d->mass_GeV * 1e3;
  const double E_top = fmin(fmax(m_MeV, 10.0 * MIX_E0_MEV), FB_CMB_DEP_E_MAX_GEV * 1e3);
  FB_TEST(err, !(per_decade >= 1 && per_decade <= 12 && w_drop >= 0 && w_drop < 0.01), FB_ERR_INPUT,
          "injected spectrum: %d nodes per decade (allowed 1..12), drop share %g (allowed [0, 0.01))", per_decade, w_drop);
  const double dy = log(10.0) / per_decade;
  const int ng = (int)ceil(log(E_top / MIX_E0_MEV) / dy) + 1;
  FB_TEST_GOTO(err, rc, ng > MIX_NMAX, FB_ERR_INTERNAL, done, "injected spectrum: %d grid nodes (max %d)", ng, MIX_NMAX);
  {
    double E[MIX_NMAX], Sg[MIX_NMAX], Se[MIX_NMAX];
    for (int k = 0; k < ng; k++) E[k] = MIX_E0_MEV * exp(k * dy);
    /* the continua: a view of the injection without its lines */
    cc = malloc((size_t)(inj.n_comp > 0 ? inj.n_comp : 1) * sizeof *cc);
    FB_TEST_GOTO(err, rc, !cc, FB_ERR_MEMORY, done, "cannot allocate %d spectral components", inj.n_comp);
    cont = inj;
    cont.c = cc;
    cont.n_comp = 0;
    for (int i = 0; i < inj.n_comp; i++)
      if (inj.c[i].kind != BBN_INJ_LINE) cc[cont.n_comp++] = inj.c[i];
    FB_CALL_GOTO(err, rc, bbn_em_injection_bin(&cont, E, ng, dy, Sg, Se, err), done);
    double tot = 0.0;
    for (int i = 0; i < inj.n_comp; i++) /* lines: one node each, at the exact energy */
      if (inj.c[i].kind == BBN_INJ_LINE) {
        const double En = inj.c[i].a, w = inj.c[i].n * En;
        FB_CALL_GOTO(err, rc, push_node(s, inj.c[i].species == BBN_CASC_E, 0, 1e-3 * En, w, err), done);
        tot += w;
      }
    for (int k = 0; k < ng; k++) {
      FB_CALL_GOTO(err, rc, push_node(s, 0, 1, 1e-3 * E[k], Sg[k] * E[k], err), done);
      FB_CALL_GOTO(err, rc, push_node(s, 1, 1, 1e-3 * E[k], Se[k] * E[k], err), done);
      tot += (Sg[k] + Se[k]) * E[k];
    }
    *f_casc = tot / m_MeV;
    FB_TEST_GOTO(err, rc, !(tot > 0), FB_ERR_RANGE, done, "decay at m = %g GeV injects no photons or e+-", d->mass_GeV);
    /* drop the negligible nodes, renormalise */
    int j = 0;
    double kept = 0.0;
    for (int i = 0; i < s->n; i++)
      if (s->w[i] >= w_drop * tot && s->w[i] > 0) {
        s->pair[j] = s->pair[i];
        s->cont[j] = s->cont[i];
        s->E_GeV[j] = s->E_GeV[i];
        s->w[j] = s->w[i];
        kept += s->w[i];
        j++;
      }
    s->n = j;
    for (int i = 0; i < s->n; i++) s->w[i] /= kept;
    /* photons below the kernel's range cannot occur (grid from 1 keV); the top node holds everything above E_top */
    for (int i = 0; i < s->n; i++)
      if (s->E_GeV[i] > FB_CMB_DEP_E_MAX_GEV) s->E_GeV[i] = FB_CMB_DEP_E_MAX_GEV;
  }
done:
  free(cc);
  bbn_em_injection_free(&inj);
  return rc;
}

int fb_cmb_fip_spectrum(const char *model, double mass_GeV, fb_cmb_dep_spectrum *s, double *f_casc, fb_err *err) {
  const fb_fip_ops *ops = fb_fip_find(model, NULL);
  FB_TEST(err, !ops, FB_ERR_INPUT, "unknown particle model '%s'", model ? model : "(null)");
  FB_TEST(err, !ops->decay, FB_ERR_INPUT, "model %s has no decays", ops->name);
  FB_CALL(err, fb_fip_check_point(ops, mass_GeV, 1e-30, err));
  fb_config cfg;
  void *state = NULL;
  fb_decay d;
  int rc;
  FB_CALL(err, fb_fip_config_default(ops, &cfg, err));
  if (ops->init) FB_CALL_GOTO(err, rc, ops->init(&state, &cfg, err), done);
  FB_CALL_GOTO(err, rc, ops->decay(state, mass_GeV, 1.0, &d, err), done);
  FB_CALL_GOTO(err, rc, fb_cmb_spectrum_from_decay(&d, s, f_casc, err), done);
  rc = FB_OK;
done:
  if (state && ops->free) ops->free(state);
  fb_config_free(&cfg);
  return rc;
}
