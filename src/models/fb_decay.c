/**
 * @file fb_decay.c
 * @brief The decay record (fb_decay.h): channels, branching ratios, class sums.
 */
#include "fb_decay.h"

#include <math.h>
#include <string.h>

#include "fb_constants.h"

static const char *const class_names[FB_N_DECAY_CLASSES] = {
    "photon", "electron", "muon", "tau", "pi_charged", "pi0", "kaon",
    "nucleon", "nu_e", "nu_mu", "nu_tau", "other_hadrons", "invisible"};

const char *fb_decay_class_name(int c) { return c >= 0 && c < FB_N_DECAY_CLASSES ? class_names[c] : NULL; }

void fb_decay_clear(fb_decay *d, double mass_GeV, double coupling) {
  memset(d, 0, sizeof *d);
  d->mass_GeV = mass_GeV;
  d->coupling = coupling;
}

int fb_decay_set_channel(fb_decay *d, const char *name, double width_GeV, const double *n, const double *efrac,
                         fb_err *err) {
  FB_TEST(err, d->n_channels >= FB_DECAY_MAX_CHANNELS, FB_ERR_INTERNAL,
          "more than %d decay channels (channel '%s')", FB_DECAY_MAX_CHANNELS, name ? name : "?");
  FB_TEST(err, !(width_GeV >= 0.0) || !isfinite(width_GeV), FB_ERR_INTERNAL,
          "channel '%s' at m = %g GeV: width %g GeV is not a finite non-negative number", name ? name : "?",
          d->mass_GeV, width_GeV);
  fb_decay_channel *ch = &d->ch[d->n_channels++];
  memset(ch, 0, sizeof *ch);
  ch->name = name;
  ch->width_GeV = width_GeV;
  if (n) memcpy(ch->n, n, sizeof ch->n);
  if (efrac) memcpy(ch->efrac, efrac, sizeof ch->efrac);
  return FB_OK;
}

int fb_decay_two_body(fb_decay *d, const char *name, double width_GeV, int c1, double m1_GeV, int c2,
                      double m2_GeV, fb_err *err) {
  FB_TEST(err, c1 < 0 || c1 >= FB_N_DECAY_CLASSES || c2 < 0 || c2 >= FB_N_DECAY_CLASSES, FB_ERR_INTERNAL,
          "channel '%s': class out of range", name ? name : "?");
  double n[FB_N_DECAY_CLASSES] = {0}, ef[FB_N_DECAY_CLASSES] = {0};
  const double M = d->mass_GeV;
  double e1 = (M * M + m1_GeV * m1_GeV - m2_GeV * m2_GeV) / (2.0 * M);
  if (!(M > m1_GeV + m2_GeV)) e1 = 0.5 * M; /* closed channel: any split that sums to 1 */
  n[c1] += 1.0;
  n[c2] += 1.0;
  ef[c1] += e1 / M;
  ef[c2] += 1.0 - e1 / M;
  return fb_decay_set_channel(d, name, width_GeV, n, ef, err);
}

int fb_decay_finalize(fb_decay *d, fb_err *err) {
  double total = 0.0;
  for (size_t k = 0; k < d->n_channels; k++) total += d->ch[k].width_GeV;
  d->width_GeV = total;
  memset(d->mult, 0, sizeof d->mult);
  memset(d->efrac, 0, sizeof d->efrac);
  if (!(total > 0.0)) {
    d->tau_s = d->ctau_m = HUGE_VAL;
    for (size_t k = 0; k < d->n_channels; k++) d->ch[k].br = 0.0;
    return FB_OK;
  }
  FB_TEST(err, !isfinite(total), FB_ERR_NUMERIC, "total width at m = %g GeV is not finite", d->mass_GeV);
  for (size_t k = 0; k < d->n_channels; k++) {
    fb_decay_channel *ch = &d->ch[k];
    ch->br = ch->width_GeV / total;
    if (ch->width_GeV > 0.0) {
      double s = 0.0;
      for (int c = 0; c < FB_N_DECAY_CLASSES; c++) s += ch->efrac[c];
      FB_TEST(err, fabs(s - 1.0) > 1e-9, FB_ERR_NUMERIC,
              "channel '%s' at m = %g GeV: energy fractions sum to %.12g, not 1", ch->name ? ch->name : "?",
              d->mass_GeV, s);
    }
    for (int c = 0; c < FB_N_DECAY_CLASSES; c++) {
      d->mult[c] += ch->br * ch->n[c];
      d->efrac[c] += ch->br * ch->efrac[c];
    }
  }
  d->tau_s = FB_HBAR_GEV_S / total;
  d->ctau_m = FB_INV_GEV_TO_M / total;
  return FB_OK;
}

int fb_decay_rescale(const fb_decay *in, double coupling, double power, fb_decay *out, fb_err *err) {
  FB_TEST(err, !(coupling > 0.0) || !isfinite(coupling) || !(in->coupling > 0.0), FB_ERR_RANGE,
          "coupling %g must be positive and finite (record at %g)", coupling, in->coupling);
  const double f = pow(coupling / in->coupling, power);
  if (out != in) memcpy(out, in, sizeof *out);
  out->coupling = coupling;
  for (size_t k = 0; k < out->n_channels; k++) out->ch[k].width_GeV *= f;
  if (in->width_GeV > 0.0) {
    out->width_GeV = in->width_GeV * f;
    out->tau_s = in->tau_s / f;
    out->ctau_m = in->ctau_m / f;
  }
  return FB_OK;
}

int fb_decay_find(const fb_decay *d, const char *name) {
  for (size_t k = 0; k < d->n_channels; k++)
    if (d->ch[k].name && !strcmp(d->ch[k].name, name)) return (int)k;
  return -1;
}
