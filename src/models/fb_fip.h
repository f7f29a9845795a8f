/**
 * @file fb_fip.h
 * @brief The particle models of the PBC benchmarks BC1-BC11, one interface: what the BBN, CMB,
 *        stellar and scan modules call to get a FIP's decays (fb_decay.h) and production couplings.
 *
 * Naming scheme (one for eval modules, scan models and limit files; docs/output-format.md): model
 *   "bcN" (N = 1..11), eval axes mass_GeV and `coupling`, whose physical name is coupling_name. The
 *   axis names, units, descriptions, labels and old names (aliases, accepted with a message) of every
 *   benchmark are defined once, in fb_benchmark_axes.h (FB_FIP_AXES(BCn) fills a model's fields).
 *
 * Validity: a model is defined for mass_min_GeV < m <= mass_max_GeV; decay() returns FB_ERR_RANGE
 * outside it with a message naming the range.
 *
 * Widths scale as coupling^coupling_power at fixed mass (eps^2, g^2: power 2; sin^2 theta, |U|^2:
 * power 1), so a scan computes one record per mass and rescales it (fb_decay_rescale).
 *
 * Call order: init (once; options from the model's own input section, see keys) -> decay /
 * production (any number, any order; results depend only on the arguments) -> free.
 */
#ifndef FB_FIP_H
#define FB_FIP_H

#include <stddef.h>

#include "fb_benchmark_axes.h"
#include "fb_config.h"
#include "fb_decay.h"
#include "fb_error.h"

#define FB_FIP_MAX_VALUES 16

/** Named values (production couplings and the like), filled by a model. */
typedef struct fb_fip_values {
  size_t n;
  struct {
    const char *name, *unit, *description;
    double value;
  } v[FB_FIP_MAX_VALUES];
} fb_fip_values;

/** Append a named value (ignored beyond FB_FIP_MAX_VALUES; returns FB_ERR_INTERNAL then). */
int fb_fip_values_put(fb_fip_values *vals, const char *name, const char *unit, const char *description,
                      double value, fb_err *err);

typedef struct fb_fip_ops {
  const char *name;                 /**< "bc4" */
  const char *benchmark;            /**< "BC4" */
  const char *particle;             /**< "dark scalar S mixing with the Higgs" */
  const char *mass_name;            /**< physics symbol of the mass axis, "m_S" */
  const char *coupling_name;        /**< "sin2theta" */
  const char *coupling_units;       /**< "" or "GeV^-1" */
  const char *coupling_description; /**< one line */
  double mass_min_GeV, mass_max_GeV;/**< validity: mass_min < m <= mass_max */
  double coupling_max;              /**< largest meaningful coupling (e.g. 1 for a mixing) */
  double coupling_power;            /**< widths ~ coupling^power */
  const char *references;           /**< arXiv ids of the physics, "arXiv:1809.01876; ..." */
  size_t n_keys;                    /**< options, in the input section [<name>] */
  const fb_key_spec *keys;
  /** Set up (tables, options from cfg, which holds at least this model's keys). */
  int (*init)(void **state, const fb_config *cfg, fb_err *err);
  void (*free)(void *state);
  /** Decays at (mass, coupling); NULL for a particle without decays (BC3). */
  int (*decay)(void *state, double mass_GeV, double coupling, fb_decay *out, fb_err *err);
  /** Production couplings at (mass, coupling), cited in the model; NULL if none. */
  int (*production)(void *state, double mass_GeV, double coupling, fb_fip_values *out, fb_err *err);
} fb_fip_ops;

/** The model of a name or alias; NULL if unknown. If the name is an alias, *note (if not NULL)
 *  receives a message naming the canonical name (static storage), else NULL. */
const fb_fip_ops *fb_fip_find(const char *name, const char **note);
size_t fb_fip_count(void);
const fb_fip_ops *fb_fip_at(size_t i);

/** The canonical coupling name for an alias ("g_agg" -> "g_agamma"), or `name` itself. */
const char *fb_fip_coupling_canonical(const char *name);

/** A configuration holding only this model's keys at their defaults (for eval and tests);
 *  free with fb_config_free. */
int fb_fip_config_default(const fb_fip_ops *ops, fb_config *cfg, fb_err *err);

/** The same, with the values that the run's configuration `user` sets (not its defaults) for this model's
 *  keys: a band model (e.g. bc5_bbn) then gives its particle model and its production the same input
 *  (one source of truth, e.g. [bc5] br_h_SS). user may be NULL; free cfg with fb_config_free. */
int fb_fip_config_from(const fb_fip_ops *ops, const fb_config *user, fb_config *cfg, fb_err *err);

/** FB_ERR_RANGE with a message naming the valid range unless mass_min < m <= mass_max and
 *  0 < coupling <= coupling_max. */
int fb_fip_check_point(const fb_fip_ops *ops, double mass_GeV, double coupling, fb_err *err);

/* ---------------------------------------------------------------- scan-model adapter
 * A benchmark's scan model (fb_model.h) is a thin wrapper: its quantities are
 *   width_GeV, tau_s, ctau_m, br_<channel> (in the model's channel order), efrac_<class> (13),
 * and its eval caches the coupling-1 record of the last mass (bit-identical to a fresh
 * computation, so results do not depend on the order of points). */
typedef struct fb_fip_scan {
  const fb_fip_ops *ops;
  void *model;
  double cached_mass_GeV;  /**< NaN if none */
  fb_decay cached;         /**< record at coupling = 1 */
  size_t n_channels;       /**< channel count the quantity table was written for */
} fb_fip_scan;

int fb_fip_scan_init(const fb_fip_ops *ops, size_t n_channels, void **state, const fb_config *cfg, fb_err *err);
int fb_fip_scan_eval(void *state, double mass_GeV, double coupling, double *out, fb_err *err);
void fb_fip_scan_free(void *state);

/** The 13 efrac_<class> quantity specs, in class order, for a model's quantity table. */
#define FB_FIP_CLASS_QUANTITIES                                                                   \
  {"efrac_photon", "", "mean fraction of the FIP mass carried by photons"},                       \
  {"efrac_electron", "", "mean fraction of the FIP mass carried by e+-"},                         \
  {"efrac_muon", "", "mean fraction of the FIP mass carried by mu+-"},                            \
  {"efrac_tau", "", "mean fraction of the FIP mass carried by tau+-"},                            \
  {"efrac_pi_charged", "", "mean fraction of the FIP mass carried by pi+-"},                      \
  {"efrac_pi0", "", "mean fraction of the FIP mass carried by pi0"},                              \
  {"efrac_kaon", "", "mean fraction of the FIP mass carried by kaons"},                           \
  {"efrac_nucleon", "", "mean fraction of the FIP mass carried by nucleons"},                     \
  {"efrac_nu_e", "", "mean fraction of the FIP mass carried by nu_e"},                            \
  {"efrac_nu_mu", "", "mean fraction of the FIP mass carried by nu_mu"},                          \
  {"efrac_nu_tau", "", "mean fraction of the FIP mass carried by nu_tau"},                        \
  {"efrac_other_hadrons", "", "mean fraction of the FIP mass carried by other hadrons, quarks, gluons"}, \
  {"efrac_invisible", "", "mean fraction of the FIP mass carried by invisible daughters"}

#endif /* FB_FIP_H */
