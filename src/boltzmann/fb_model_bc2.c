/**
 * @file fb_model_bc2.c
 * @brief PBC benchmark BC2 (light dark matter chi through a dark photon) as a scan model over the
 *        (m_chi, y) plane: Omega h^2, x_freezeout, epsilon and the CMB annihilation parameter at
 *        each point; postprocess: the thermal-target line /targets/<spin> (+ CSV) and the CMB
 *        excluded mask /bounds/cmb_pann.
 *
 * Input section [bc2] (documented in inputs/explanatory.ini): spin, alpha_D, ratio, delta,
 * omega_h2_target, f_eff, target_csv.
 *
 * The freeze-out tables are cached per mass (exact up to FB_BC2_CACHE_TOL, fb_bc2.h), so a
 * mass-major scan computes one thermal-average table per mass. The target line is computed on
 * rank 0 in the postprocess hook, once per run (kept in the state; deterministic), for the masses
 * of the grid. The second model of this file, bc2_target (end of file), computes the same line as
 * a scan with one point per mass, so that the masses are spread over the MPI ranks.
 *
 * CMB: p_ann = f_eff <sigma v>_eff / m_chi (times (Omega_chi/Omega_c)^2 where chi is underabundant, mask
 * /excluded; /excluded_all_dm without it) against Planck 2018 (arXiv:1807.06209 sec. 7.6,
 * p_ann < 3.2e-28 cm^3/(s GeV)), where <sigma v>_eff is defined for self-conjugate DM; for Dirac DM
 * it is half of <sigma v>_{chi chibar} (see bc2_p_ann). Only s-wave annihilation is constrained:
 * dirac, and every spin when m_A' < m_chi (chi chi -> A'A' is s-wave). Otherwise the p-wave spins
 * (scalar, majorana) are v^2 suppressed at recombination and pseudodirac has no chi_2 left: their
 * mask is all zero with an attribute saying why. f_eff is a
 * constant input (see explanatory.ini): NOT the mass-dependent curve of Slatyer arXiv:1506.03811.
 */
#include <hdf5.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_bc2.h"
#include "fb_constants.h"
#include "fb_h5.h"
#include "fb_path.h"
#include "fb_benchmark_axes.h"
#include "fb_model.h"

typedef struct bc2_state {
  fb_bc2 model;
  fb_bc2_point pt;       /**< spin, ratio, alpha_D, delta (mass and eps per point) */
  double omega_target;
  double f_eff;
  char csv[1024];        /**< "auto", "none" or a path */
  size_t n_target;       /**< masses of the cached target line (0: not computed yet) */
  double *target_mass, *target_y, *target_xf;
  int *target_status;
} bc2_state;

static const fb_quantity_spec bc2_quantities[] = {
    {"omega_h2", "", "relic density Omega h^2 of chi (freeze-out; all dark states end as chi_1)"},
    {"x_freezeout", "", "x = m_chi/T where Y = 2 Y_eq"},
    {"epsilon", "", "kinetic mixing eps = sqrt(y/alpha_D) (m_A'/m_chi)^2"},
    {"sigmav_cmb_cm3_s", "cm^3/s", "<sigma v>(v -> 0): dirac chi chibar -> SM + A'A'; other spins A'A' only (0 if m_A' >= m_chi)"},
    {"p_ann_cm3_s_GeV", "cm^3/(s GeV)", "CMB annihilation parameter f_eff <sigma v>_eff / m_chi (s-wave only)"},
};
#define BC2_NQ (sizeof bc2_quantities / sizeof bc2_quantities[0])

static const fb_key_spec bc2_keys[] = {
    {"bc2", "spin", FB_KEY_CHOICE, "dirac", 0, 0, FB_BC2_SPIN_CHOICES, "", "dark-matter spin/type"},
    {"bc2", "alpha_D", FB_KEY_DOUBLE, "0.5", 1e-6, 1.0, NULL, "", "dark coupling alpha_D = g_D^2/(4 pi)"},
    {"bc2", "ratio", FB_KEY_DOUBLE, "3", 0.1, 100.0, NULL, "", "mass ratio m_A'/m_chi"},
    {"bc2", "delta", FB_KEY_DOUBLE, "0.1", 0.0, 1.0, NULL, "",
     "pseudodirac splitting (m_chi2 - m_chi1)/m_chi1 (ignored for the other spins)"},
    {"bc2", "omega_h2_target", FB_KEY_DOUBLE, "0.120", 1e-6, 10.0, NULL, "",
     "relic density of the thermal-target line (Planck 2018: 0.120)"},
    {"bc2", "f_eff", FB_KEY_DOUBLE, "0.6", 0.0, 1.0, NULL, "", "CMB energy-deposition efficiency (constant)"},
    {"bc2", "target_csv", FB_KEY_STRING, "auto", 0, 0, NULL, "",
     "CSV of the target line: auto (next to the output file), none, or a path"},
};
#define BC2_NK (sizeof bc2_keys / sizeof bc2_keys[0])

static void bc2_free(void *state) {
  bc2_state *s = state;
  if (!s) return;
  fb_bc2_free(&s->model);
  free(s->target_mass);
  free(s->target_y);
  free(s->target_xf);
  free(s->target_status);
  free(s);
}

static int bc2_init(void **state, const fb_config *cfg, fb_err *err) {
  bc2_state *s = calloc(1, sizeof *s);
  FB_TEST(err, !s, FB_ERR_MEMORY, "cannot allocate the BC2 model state");
  int rc;
  FB_CALL_GOTO(err, rc, fb_bc2_spin_parse(fb_config_get_string(cfg, "bc2", "spin"), &s->pt.spin, err), fail);
  s->pt.alpha_D = fb_config_get_double(cfg, "bc2", "alpha_D");
  s->pt.ratio = fb_config_get_double(cfg, "bc2", "ratio");
  s->pt.delta = fb_config_get_double(cfg, "bc2", "delta");
  s->omega_target = fb_config_get_double(cfg, "bc2", "omega_h2_target");
  s->f_eff = fb_config_get_double(cfg, "bc2", "f_eff");
  const char *csv = fb_config_get_string(cfg, "bc2", "target_csv");
  snprintf(s->csv, sizeof s->csv, "%s", csv ? csv : "auto");
  FB_CALL_GOTO(err, rc, fb_bc2_init(&s->model, NULL, err), fail);
  *state = s;
  return FB_OK;
fail:
  bc2_free(s);
  return rc;
}

/* p_ann for the s-wave case. Planck's bound is on p_ann = f_eff <sigma v>/m for self-conjugate DM
 * with energy injection rate rho_DM^2 <sigma v>/m. For Dirac DM with n_chi = n_chibar = n/2 the
 * rate is n_chi n_chibar <sigma v>_{chi chibar} 2m = rho^2 <sigma v>_{chi chibar}/(2m): the
 * effective <sigma v> is half of the chi chibar one (also for the complex scalar; majorana and
 * pseudodirac chi_1 are self-conjugate: factor 1; fb_bc2_cmb_pair_factor). */
static double bc2_p_ann(const bc2_state *s, const fb_bc2_point *pt, double sv_cmb) {
  if (!fb_bc2_point_is_swave(pt)) return 0.0;
  return s->f_eff * fb_bc2_cmb_pair_factor(pt->spin) * sv_cmb / pt->mass_GeV;
}

static int bc2_eval(void *state, double mass_GeV, double y, double *out, fb_err *err) {
  bc2_state *s = state;
  fb_bc2_point pt = s->pt;
  pt.mass_GeV = mass_GeV;
  pt.epsilon = fb_bc2_epsilon_from_y(y, pt.alpha_D, pt.ratio);
  FB_TEST(err, !(pt.epsilon <= 1.0), FB_ERR_RANGE, "y = %g gives epsilon = %g > 1 (alpha_D = %g, ratio = %g)", y,
          pt.epsilon, pt.alpha_D, pt.ratio);
  fb_relic_result res;
  double sv = 0.0;
  FB_CALL(err, fb_bc2_omega_h2(&s->model, &pt, &res, err));
  FB_CALL(err, fb_bc2_sigmav_cmb_cm3_s(&s->model, &pt, &sv, err));
  out[0] = res.omega_h2;
  out[1] = res.x_freezeout;
  out[2] = pt.epsilon;
  out[3] = sv;
  out[4] = bc2_p_ann(s, &pt, sv);
  return FB_OK;
}

/* The thermal-target line at the grid masses (once; the first error at a mass is logged in the
 * status array, the line goes on). */
static int bc2_compute_targets(bc2_state *s, const fb_scan_view *scan, fb_err *err) {
  if (s->n_target == scan->n_mass) return FB_OK;
  const size_t n = scan->n_mass;
  s->target_mass = calloc(n, sizeof(double));
  s->target_y = calloc(n, sizeof(double));
  s->target_xf = calloc(n, sizeof(double));
  s->target_status = calloc(n, sizeof(int));
  FB_TEST(err, !s->target_mass || !s->target_y || !s->target_xf || !s->target_status, FB_ERR_MEMORY,
          "cannot allocate the target line (%zu masses)", n);
  for (size_t i = 0; i < n; i++) {
    fb_bc2_point pt = s->pt;
    pt.mass_GeV = scan->mass[i];
    pt.epsilon = 1e-6;
    fb_err e;
    fb_err_clear(&e);
    fb_relic_result res;
    double y = NAN;
    s->target_mass[i] = scan->mass[i];
    s->target_status[i] = fb_bc2_target_y(&s->model, &pt, s->omega_target, &y, &res, &e);
    s->target_y[i] = s->target_status[i] == FB_OK ? y : NAN;
    s->target_xf[i] = s->target_status[i] == FB_OK ? res.x_freezeout : NAN;
    if (s->target_status[i] != FB_OK)
      fprintf(stderr, "bc2 target at m = %g GeV failed: %s\n", scan->mass[i], e.msg);
  }
  s->n_target = n;
  return FB_OK;
}

/* The target line (mass, y, x_freezeout, status per mass) shared by bc2 (computed serially in its
 * postprocess) and bc2_target (computed point by point by the scan driver, over the MPI ranks). */
typedef struct bc2_line {
  size_t n;
  const double *mass, *y, *xf;
  const int *status;
} bc2_line;

static int bc2_write_csv(const bc2_state *s, const bc2_line *L, hid_t file, fb_err *err) {
  if (!strcmp(s->csv, "none")) return FB_OK;
  char path[1200];
  if (!strcmp(s->csv, "auto")) {
    char name[1024];
    const ssize_t len = H5Fget_name(file, name, sizeof name);
    FB_TEST(err, len < 0 || (size_t)len >= sizeof name, FB_ERR_HDF5, "H5Fget_name failed");
    /* the driver writes OUTPUT.tmp then renames it: name the CSV after OUTPUT */
    size_t l = strlen(name);
    if (l > 4 && !strcmp(name + l - 4, ".tmp")) name[l -= 4] = '\0';
    if (l > 3 && !strcmp(name + l - 3, ".h5")) name[l -= 3] = '\0';
    snprintf(path, sizeof path, "%s_target_%s.csv", name, fb_bc2_spin_name(s->pt.spin));
  } else {
    snprintf(path, sizeof path, "%s", s->csv);
  }
  FB_CALL(err, fb_mkdir_parents(path, err));
  FILE *f = fopen(path, "w");
  FB_TEST(err, !f, FB_ERR_IO, "cannot write the target CSV %s ([bc2] target_csv)", path);
  fprintf(f, "# BC2 thermal target, spin = %s, alpha_D = %g, ratio m_A'/m_chi = %g, delta = %g, Omega h^2 = %g\n",
          fb_bc2_spin_name(s->pt.spin), s->pt.alpha_D, s->pt.ratio, s->pt.delta, s->omega_target);
  fprintf(f, "# y = eps^2 alpha_D (m_chi/m_A')^4; status 0 = ok (else fb error code, y = nan)\n");
  fprintf(f, "mass_GeV,y,epsilon,x_freezeout,status\n");
  for (size_t i = 0; i < L->n; i++)
    fprintf(f, "%.10g,%.10g,%.10g,%.8g,%d\n", L->mass[i], L->y[i],
            fb_bc2_epsilon_from_y(L->y[i], s->pt.alpha_D, s->pt.ratio), L->xf[i], L->status[i]);
  FB_TEST(err, fclose(f) != 0, FB_ERR_IO, "error closing %s", path);
  return FB_OK;
}

/* /targets/<spin>/{mass_GeV, y, x_freezeout, status} with the model attributes, and the CSV. */
static int bc2_write_line(const bc2_state *s, const bc2_line *L, hid_t file, fb_err *err) {
  const char *spin = fb_bc2_spin_name(s->pt.spin);
  char name[128];
  const hsize_t n1 = L->n;
  snprintf(name, sizeof name, "targets/%s/mass_GeV", spin);
  FB_CALL(err, fb_h5_dataset(file, name, H5T_NATIVE_DOUBLE, 1, &n1, L->mass, "GeV", "dark-matter mass m_chi", err));
  snprintf(name, sizeof name, "targets/%s/y", spin);
  FB_CALL(err, fb_h5_dataset(file, name, H5T_NATIVE_DOUBLE, 1, &n1, L->y, "",
                             "thermal target y = eps^2 alpha_D (m_chi/m_A')^4 with Omega h^2 = omega_h2 (NaN: failed)", err));
  snprintf(name, sizeof name, "targets/%s/x_freezeout", spin);
  FB_CALL(err, fb_h5_dataset(file, name, H5T_NATIVE_DOUBLE, 1, &n1, L->xf, "", "x = m/T at freeze-out on the target", err));
  snprintf(name, sizeof name, "targets/%s/status", spin);
  FB_CALL(err, fb_h5_dataset(file, name, H5T_NATIVE_INT, 1, &n1, L->status, "", "0 ok, else fb error code", err));
  snprintf(name, sizeof name, "targets/%s", spin);
  hid_t g = fb_h5_group(file, name);
  FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot open group /%s", name);
  int rc = fb_h5_attr_double(g, "alpha_D", s->pt.alpha_D, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "ratio", s->pt.ratio, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "delta", s->pt.delta, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "omega_h2", s->omega_target, err);
  if (rc == FB_OK) rc = fb_h5_attr_string(g, "spin", spin, err);
  H5Gclose(g);
  FB_CALL(err, rc);
  FB_CALL(err, bc2_write_csv(s, L, file, err));
  return FB_OK;
}

static int bc2_postprocess(void *state, const fb_config *cfg, const fb_scan_view *scan, hid_t file, fb_err *err) {
  (void)cfg;
  bc2_state *s = state;
  FB_CALL(err, bc2_compute_targets(s, scan, err));
  const bc2_line line = {s->n_target, s->target_mass, s->target_y, s->target_xf, s->target_status};
  FB_CALL(err, bc2_write_line(s, &line, file, err));
  int rc;
  hid_t g;
  /* CMB mask over the plane. /excluded (drawn by the summary figures): chi at its own freeze-out
   * density, the annihilation power scaled by (Omega_chi/Omega_c)^2 where chi is underabundant, i.e.
   * above the thermal target (fb_bc2_cmb_pann_thermal); /excluded_all_dm: chi assumed to be all of
   * the dark matter at every point (abundance set by something other than freeze-out). Issue 17:
   * until then /excluded was the all-DM mask, which excludes the whole plane above the target line,
   * where the thermal relic is only a fraction of the dark matter and the bound weakens as y grows. */
  const size_t np = scan->n_mass * scan->n_coupling;
  unsigned char *mask = calloc(np ? np : 1, 1);
  FB_TEST(err, !mask, FB_ERR_MEMORY, "cannot allocate the CMB mask");
  const double *pann = scan->values + 4 * np, *omega = scan->values;
  for (size_t p = 0; p < np; p++)
    mask[p] = scan->status[p] == 0 &&
              fb_bc2_cmb_pann_thermal(pann[p], omega[p], FB_OMEGA_C_H2_PLANCK) > FB_PANN_MAX_PLANCK_CM3_S_GEV;
  const hsize_t d2[2] = {scan->n_mass, scan->n_coupling};
  rc = fb_h5_dataset(file, "bounds/cmb_pann/excluded", H5T_NATIVE_UINT8, 2, d2, mask, "",
                     "1 where p_ann f^2 > 3.2e-28 cm^3/(s GeV) (Planck 2018, arXiv:1807.06209), p_ann = f_eff "
                     "<sigma v>_eff/m_chi, f = min(Omega_chi h^2/0.120, 1): chi at its own freeze-out density",
                     err);
  for (size_t p = 0; p < np && rc == FB_OK; p++)
    mask[p] = scan->status[p] == 0 && pann[p] > FB_PANN_MAX_PLANCK_CM3_S_GEV;
  if (rc == FB_OK)
    rc = fb_h5_dataset(file, "bounds/cmb_pann/excluded_all_dm", H5T_NATIVE_UINT8, 2, d2, mask, "",
                       "1 where p_ann = f_eff <sigma v>_eff/m_chi > 3.2e-28 cm^3/(s GeV): chi assumed to be all of "
                       "the dark matter at every point (not its freeze-out density)",
                       err);
  free(mask);
  FB_CALL(err, rc);
  g = fb_h5_group(file, "bounds/cmb_pann");
  FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot open group /bounds/cmb_pann");
  rc = fb_h5_attr_double(g, "p_ann_max_cm3_s_GeV", FB_PANN_MAX_PLANCK_CM3_S_GEV, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "f_eff", s->f_eff, err);
  if (rc == FB_OK)
    rc = fb_h5_attr_string(g, "swave",
                           fb_bc2_point_is_swave(&s->pt)
                               ? (s->pt.spin == FB_BC2_DIRAC ? "yes" : "yes (chi chi -> A'A', m_A' < m_chi)")
                               : "no (p-wave or coannihilation: not constrained)",
                           err);
  if (rc == FB_OK)
    rc = fb_h5_attr_string(g, "f_eff_source",
                           "constant input [bc2] f_eff (not the mass-dependent curve of Slatyer arXiv:1506.03811)", err);
  H5Gclose(g);
  FB_CALL(err, rc);
  return FB_OK;
}

const fb_model_ops fb_model_bc2 = {
    .name = "bc2",
    .benchmark = "BC2",
    .description = "light dark matter chi through a dark photon A' (PBC BC2): relic abundance, thermal target, CMB",
    FB_MODEL_AXES(BC2),
    .n_quantities = BC2_NQ,
    .quantities = bc2_quantities,
    .n_keys = BC2_NK,
    .keys = bc2_keys,
    .init = bc2_init,
    .eval = bc2_eval,
    .free = bc2_free,
    .postprocess = bc2_postprocess,
};

/* ------------------------------------------------------------------ bc2_target
 * The thermal-target line alone, one scan point per mass, so that the scan driver spreads the
 * masses over the MPI ranks (bc2 computes the same line serially on rank 0 in its postprocess).
 * It reads the [bc2] keys (spin, alpha_D, ratio, delta, omega_h2_target, target_csv; f_eff is
 * unused) and needs [grid] n_coupling = 1: the coupling axis is a placeholder, y is the output.
 * Each point finds y with Omega h^2(m_chi, y) = omega_h2_target (fb_bc2_target_y) starting from an
 * empty table cache, so a value depends only on its mass, never on which rank computed it or in
 * which order: the file is the same bit for bit for any number of ranks. */
static const fb_quantity_spec bc2_target_quantities[] = {
    {"y_target", "", "thermal target y = eps^2 alpha_D (m_chi/m_A')^4 with Omega h^2 = omega_h2_target"},
    {"x_freezeout", "", "x = m_chi/T at freeze-out (Y = 2 Y_eq) on the target"},
    {"epsilon", "", "kinetic mixing eps = sqrt(y/alpha_D) (m_A'/m_chi)^2 on the target"},
};
#define BC2T_NQ (sizeof bc2_target_quantities / sizeof bc2_target_quantities[0])

static int bc2_target_init(void **state, const fb_config *cfg, fb_err *err) {
  const long nc = fb_config_get_int(cfg, "grid", "n_coupling");
  if (nc != 1)
    return fb_config_error_at(cfg, "grid", "n_coupling",
                              "must be 1 for model bc2_target (the coupling axis is unused; y is the output)", err);
  return bc2_init(state, cfg, err);
}

static int bc2_target_eval(void *state, double mass_GeV, double coupling, double *out, fb_err *err) {
  (void)coupling;
  bc2_state *s = state;
  fb_bc2_point pt = s->pt;
  pt.mass_GeV = mass_GeV;
  pt.epsilon = 1e-6; /* not used by the root search (it starts from its own first guess) */
  s->model.cache_valid = 0; /* results independent of the previous point: rank-count independent */
  fb_relic_result res;
  double y = NAN;
  FB_CALL(err, fb_bc2_target_y(&s->model, &pt, s->omega_target, &y, &res, err));
  out[0] = y;
  out[1] = res.x_freezeout;
  out[2] = fb_bc2_epsilon_from_y(y, pt.alpha_D, pt.ratio);
  return FB_OK;
}

static int bc2_target_postprocess(void *state, const fb_config *cfg, const fb_scan_view *scan, hid_t file,
                                  fb_err *err) {
  (void)cfg;
  const bc2_state *s = state;
  FB_TEST(err, scan->n_coupling != 1 || scan->n_quantities != BC2T_NQ, FB_ERR_INTERNAL,
          "bc2_target postprocess: expected a (n_mass x 1) scan with %zu quantities", (size_t)BC2T_NQ);
  const size_t n = scan->n_mass;
  /* the driver stores NaN values and the error code for a failed point, as bc2's line does */
  const bc2_line line = {n, scan->mass, scan->values, scan->values + n, scan->status};
  return bc2_write_line(s, &line, file, err);
}

const fb_model_ops fb_model_bc2_target = {
    .name = "bc2_target",
    .benchmark = "BC2",
    .description = "BC2 thermal-target line y(m_chi) only, one point per mass (MPI-parallel); reads [bc2]",
    FB_MODEL_MASS_AXIS(BC2),
    .coupling_name = "unused",
    .coupling_units = "",
    .coupling_description = "placeholder axis (n_coupling = 1); the target y is an output quantity",
    .n_quantities = BC2T_NQ,
    .quantities = bc2_target_quantities,
    .n_keys = 0,
    .keys = NULL,
    .init = bc2_target_init,
    .eval = bc2_target_eval,
    .free = bc2_free,
    .postprocess = bc2_target_postprocess,
};
