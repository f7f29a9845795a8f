/**
 * @file fb_limit_plane.c
 * @brief The map of a limit's points onto a scan plane: units and coupling conventions, and the
 *        conversion of invisible dark-photon searches (epsilon at m_A') onto the BC2 plane (m_chi, y).
 *
 * BC2 (PBC, Beacham et al. arXiv:1901.09966, section "BC2"; the variable y of Izaguirre, Krnjaic,
 * Schuster, Toro arXiv:1505.00011): dark matter chi coupled to a dark photon A' of mass
 * m_A' = R m_chi with dark coupling alpha_D; y = eps^2 alpha_D (m_chi/m_A')^4. A search for
 * A' -> invisible (BR ~ 1 for m_A' > 2 m_chi and alpha_D >> alpha eps^2) bounds eps at m_A'
 * independently of alpha_D and R; on the plane of a scan with given alpha_D and R its bound is
 * m_chi = m_A'/R, y = alpha_D eps^2 / R^4 (as the PBC BC2 figures draw BaBar and NA64).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fb_constants.h"
#include "fb_fip.h"
#include "fb_limits.h"
#include "fb_limits_internal.h"

/* A direct-detection limit (sigma_e or sigma_p in cm^2 versus m_chi) onto the BC2 plane. The dark
 * photon couples chi (charge g_D) to the electromagnetic current (eps e): in the heavy-mediator limit
 * sigma_e = 16 pi alpha alpha_D eps^2 mu_chi_e^2 / (m_A'^2 + alpha^2 m_e^2)^2 (Essig, Mardon, Volansky
 * arXiv:1108.5383 eq. (4), reference momentum q = alpha m_e, F_DM = 1) and, for the proton (charge +1),
 * sigma_p = 16 pi alpha alpha_D eps^2 mu_chi_p^2 / m_A'^4 (Izaguirre, Krnjaic, Schuster, Toro
 * arXiv:1505.00011 eq. (9)). With alpha_D eps^2 = y R^4 (y = alpha_D eps^2 (m_chi/m_A')^4, m_A' = R m_chi)
 * the map is y = sigma (m_A'^2 + q^2)^2 / (16 pi alpha mu^2 R^4): alpha_D drops out. Elastic scattering
 * at this strength needs a scalar or Dirac chi: for a Majorana chi the vector current vanishes and a
 * pseudo-Dirac chi scatters inelastically (PBC arXiv:1901.09966, BC2), hence elastic_scattering=yes. */
static int plane_map_direct_detection(const fb_limit *lim, const char *target, double xf, double mass_ratio,
                                      int check_only, fb_limit_plane_map *map, fb_err *err) {
  FB_TEST(err, !target || strcmp(target, FB_COUPLING_NAME(BC2)), FB_ERR_INPUT,
          "limit '%s' bounds a direct-detection cross section (%s): it converts only onto the BC2 plane (coupling "
          FB_COUPLING_NAME(BC2) "), not onto '%s'",
          lim->experiment, lim->y_quantity, target ? target : "(unknown)");
  FB_TEST(err, strcmp(lim->x_quantity, FB_MASS_NAME(BC2)), FB_ERR_INPUT,
          "limit '%s' bounds %s versus '%s': a direct-detection limit is given at the dark-matter mass (x_quantity "
          FB_MASS_NAME(BC2) ")",
          lim->experiment, lim->y_quantity, lim->x_quantity);
  FB_TEST(err, strcmp(lim->y_unit, "cm^2"), FB_ERR_INPUT, "limit '%s': %s must be in cm^2 (got '%s')",
          lim->experiment, lim->y_quantity, lim->y_unit);
  map->x_factor = xf;
  map->y_factor = map->y_power = 1.0;
  if (!strcmp(lim->y_quantity, "sigma_e")) {
    map->dd_target_mass_GeV = FB_ME_GEV;
    map->dd_q_ref_GeV = FB_ALPHA_EM * FB_ME_GEV;
  } else {
    map->dd_target_mass_GeV = FB_MP_GEV;
    map->dd_q_ref_GeV = 0;
  }
  if (check_only && !(mass_ratio > 0)) {
    map->dd_mass_ratio = NAN;
    return FB_OK;
  }
  FB_TEST(err, !(mass_ratio > 0), FB_ERR_INPUT,
          "limit '%s' (%s at m_chi) onto the BC2 plane needs the scan's m_A'/m_chi (/input/<model>/ratio): got %g",
          lim->experiment, lim->y_quantity, mass_ratio);
  map->dd_mass_ratio = mass_ratio;
  return FB_OK;
}

void fb_limit_plane_map_apply(const fb_limit_plane_map *map, double x, double y, double *X, double *Y) {
  *X = map->x_factor * x;
  if (!(map->dd_target_mass_GeV > 0)) {
    *Y = pow(map->y_factor * y, map->y_power);
    return;
  }
  const double m = *X, mt = map->dd_target_mass_GeV, R = map->dd_mass_ratio;
  const double mu = m * mt / (m + mt), mA2 = R * R * m * m, q2 = map->dd_q_ref_GeV * map->dd_q_ref_GeV;
  const double sigma_GeVm2 = y / (FB_HBARC2_GEV2_MB * 1e-27); /* cm^2 -> GeV^-2: (hbar c)^2 = 0.3894 mb GeV^2 */
  *Y = sigma_GeVm2 * (mA2 + q2) * (mA2 + q2) / (16.0 * FB_PI * FB_ALPHA_EM * mu * mu * R * R * R * R);
}

int fb_limit_plane_map_get(const fb_limit *lim, const char *coupling_name, const char *coupling_unit, double alpha_D,
                           double mass_ratio, int check_only, fb_limit_plane_map *map, fb_err *err) {
  const char *unit = coupling_unit ? coupling_unit : "";
  double xf, f0, p0;
  FB_CALL(err, fb_limit_mass_unit_to_GeV(lim->x_unit, &xf, err));
  map->bc2_from_epsilon = 0;
  map->dd_target_mass_GeV = map->dd_q_ref_GeV = map->dd_mass_ratio = 0;
  const char *target = fb_fip_coupling_canonical(coupling_name);
  const int dd_e = !strcmp(lim->y_quantity, "sigma_e"), dd_p = !strcmp(lim->y_quantity, "sigma_p");
  if (dd_e || dd_p) return plane_map_direct_detection(lim, target, xf, mass_ratio, check_only, map, err);
  /* an epsilon-family limit onto the y plane: the BC2 conversion; anything else: the coupling table */
  /* axis names: src/models/fb_benchmark_axes.h */
  if (!(target && !strcmp(target, FB_COUPLING_NAME(BC2)) &&
        fb_limit_coupling_convert(lim->y_quantity, lim->y_unit, FB_COUPLING_NAME(BC1), "", &f0, &p0, NULL) == FB_OK)) {
    map->x_factor = xf;
    return fb_limit_coupling_convert(lim->y_quantity, lim->y_unit, coupling_name, unit, &map->y_factor, &map->y_power,
                                     err);
  }
  char decay[256];
  fb_limit_assumption_get(lim->assumptions, "decay", decay, sizeof decay);
  FB_TEST(err, strcmp(decay, "invisible"), FB_ERR_INPUT,
          "limit '%s' bounds %s: onto the BC2 plane (y) only a search for invisible A' decays converts (y = alpha_D "
          "eps^2 (m_chi/m_A')^4 assumes A' -> chi chi); its assumptions '%s' state decay=%s",
          lim->experiment, lim->y_quantity, lim->assumptions, decay[0] ? decay : "(not stated)");
  FB_TEST(err, strcmp(lim->x_quantity, FB_MASS_NAME(BC1)), FB_ERR_INPUT,
          "limit '%s' bounds %s versus '%s': the BC2 conversion needs the dark-photon mass (x_quantity " FB_MASS_NAME(BC1) ")",
          lim->experiment, lim->y_quantity, lim->x_quantity);
  if (check_only && !(alpha_D > 0 && mass_ratio > 0)) {
    map->x_factor = map->y_factor = map->y_power = NAN;
    map->bc2_from_epsilon = 1;
    return FB_OK;
  }
  FB_TEST(err, !(alpha_D > 0 && mass_ratio > 0), FB_ERR_INPUT,
          "limit '%s' (%s at m_A') onto the BC2 plane needs the scan's alpha_D and m_A'/m_chi (/input/<model> "
          "alpha_D, ratio): got alpha_D = %g, ratio = %g",
          lim->experiment, lim->y_quantity, alpha_D, mass_ratio);
  char plane[256], why[512];
  snprintf(plane, sizeof plane, "alpha_D=%.10g; mass_ratio=%.10g", alpha_D, mass_ratio);
  FB_TEST(err, !fb_limit_assumptions_fit(lim->assumptions, plane, why, sizeof why), FB_ERR_INPUT,
          "limit '%s' was derived for other dark-sector parameters than the plane's (%s): %s", lim->experiment, plane,
          why);
  /* eps = (f0 v)^p0;  y = (alpha_D / R^4) eps^2 = ((alpha_D / R^4)^(1/(2 p0)) f0 v)^(2 p0);  m_chi = m_A' / R */
  const double c = alpha_D / pow(mass_ratio, 4);
  map->x_factor = xf / mass_ratio;
  map->y_power = 2.0 * p0;
  map->y_factor = pow(c, 1.0 / map->y_power) * f0;
  map->bc2_from_epsilon = 1;
  return FB_OK;
}
