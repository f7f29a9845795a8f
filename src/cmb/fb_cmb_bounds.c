/**
 * @file fb_cmb_bounds.c
 * @brief The /bounds groups written by the CMB scan models (fb_cmb_internal.h).
 */
#include <stdio.h>

#include "fb_cmb_fisher.h"
#include "fb_cmb_internal.h"
#include "fb_path.h"
#include "fb_h5.h"

void fb_cmb_bound_specs(const fb_cmb_params *p, const char *condition, fb_cmb_bound_spec out[FB_CMB_N_BOUNDS]) {
  out[FB_CMB_BOUND_MU].name = "cmb_mu";
  out[FB_CMB_BOUND_MU].limit = p->mu_max;
  snprintf(out[FB_CMB_BOUND_MU].criterion, sizeof out[0].criterion,
           "1 where |mu| > %g (COBE/FIRAS 95%% CL), mu from the Green's-function approximation%s%s", p->mu_max,
           p->dist == FB_CMB_DIST_FIRAS
               ? " (distortion = firas: mu and y are the amplitudes of a fit of the Compton-evolved distortion to the FIRAS "
                 "channels, fb_cmb_green.c, as CLASS's exact Green's function does; near the mu-y transition such a fit "
                 "can give mu above 1.401 Delta rho/rho and a slightly negative y)"
               : "",
           condition);
  out[FB_CMB_BOUND_MU].reference = "Fixsen et al. astro-ph/9605054; Chluba & Sunyaev arXiv:1109.6552; Chluba arXiv:1304.6120";
  out[FB_CMB_BOUND_Y].name = "cmb_y";
  out[FB_CMB_BOUND_Y].limit = p->y_max;
  snprintf(out[FB_CMB_BOUND_Y].criterion, sizeof out[0].criterion,
           "1 where |y| > %g (COBE/FIRAS 95%% CL), y from the Green's-function approximation%s", p->y_max, condition);
  out[FB_CMB_BOUND_Y].reference = "Fixsen et al. astro-ph/9605054; Chluba arXiv:1304.6120";
  out[FB_CMB_BOUND_ANISO].name = "cmb_anisotropies";
  out[FB_CMB_BOUND_ANISO].limit = 1.0;
  if (p->aniso == FB_CMB_ANISO_FISHER) {
    char kernel[4096]; /* the file fb_cmb_fisher_read opens (fb_data_file's search order) */
    fb_data_file(fb_cmb_fisher_kernel_file(p->fisher_kernel), kernel, sizeof kernel);
    snprintf(out[FB_CMB_BOUND_ANISO].criterion, sizeof out[0].criterion,
             "1 where Delta chi^2 = a^T F a > 4, a_k the deposited energy per hydrogen atom in deposition-redshift bins "
             "(10 < z < 2700) and F the LCDM-marginalised Fisher matrix of a Planck-143-like C_l likelihood made from "
             "CLASS v3 runs (kernel read from %.300s; tools/cmb_fisher_kernel.py; CK_2004 split; fb_cmb_fisher.h)%s",
             kernel, condition);
  }
  else if (p->aniso == FB_CMB_ANISO_VISIBILITY || p->aniso == FB_CMB_ANISO_VISIBILITY_POST)
    snprintf(out[FB_CMB_BOUND_ANISO].criterion, sizeof out[0].criterion,
             "1 where R = int g Delta x_e/x_e dln(1+z) (g the Thomson visibility, 200 < z < %s) over its value for "
             "s-wave annihilation at the Planck 2018 bound p_ann < %g cm^3/s/GeV exceeds 1; Delta x_e from the "
             "linearised Peebles/RECFAST atom with the Chen-Kamionkowski split of the deposited energy (fb_cmb.h)%s",
             p->aniso == FB_CMB_ANISO_VISIBILITY ? "1550" : "z_star (the visibility peak)", p->pann_max_cm3_s_GeV, condition);
  else if (p->aniso != FB_CMB_ANISO_POWER)
    snprintf(out[FB_CMB_BOUND_ANISO].criterion, sizeof out[0].criterion,
             "1 where R = Delta x_e(z_eff = %g)%s over its value for s-wave annihilation at the Planck 2018 bound "
             "p_ann < %g cm^3/s/GeV exceeds 1; Delta x_e from the linearised Peebles/RECFAST atom with on-the-spot "
             "Chen-Kamionkowski deposition (recombination-window approximation; fb_cmb.h)%s",
             p->z_eff, p->aniso == FB_CMB_ANISO_WINDOW_MAX ? " or Delta x_e/x_e at the visibility peak" : "",
             p->pann_max_cm3_s_GeV, condition);
  else
    snprintf(out[FB_CMB_BOUND_ANISO].criterion, sizeof out[0].criterion,
             "1 where the injected power at z_eff = %g exceeds the Planck 2018 annihilation bound p_ann < %g cm^3/s/GeV "
             "times rho_cdm^2 (effective-redshift, on-the-spot approximation; fb_cmb.h)%s",
             p->z_eff, p->pann_max_cm3_s_GeV, condition);
  out[FB_CMB_BOUND_ANISO].reference =
      "Planck 2018 arXiv:1807.06209; Finkbeiner et al. arXiv:1109.6322; Slatyer & Wu arXiv:1610.06933; Farhang, Bond "
      "& Chluba arXiv:1110.4608; Chen & Kamionkowski astro-ph/0310473; Seager, Sasselov & Scott astro-ph/9909275";
}

int fb_cmb_write_bound(hid_t file, const fb_cmb_bound_spec *b, const unsigned char *mask, size_t nm, size_t nc,
                       const char *attr_name, const char *attr_value, fb_err *err) {
  char path[256];
  hsize_t dm[2] = {nm, nc};
  snprintf(path, sizeof path, "bounds/%s/excluded", b->name);
  FB_CALL(err, fb_h5_dataset(file, path, H5T_NATIVE_UINT8, 2, dm, mask, "", b->criterion, err));
  snprintf(path, sizeof path, "bounds/%s", b->name);
  hid_t g = fb_h5_group(file, path);
  FB_TEST(err, g < 0, FB_ERR_HDF5, "cannot open /%s", path);
  int rc = fb_h5_attr_string(g, "criterion", b->criterion, err);
  if (rc == FB_OK) rc = fb_h5_attr_string(g, "reference", b->reference, err);
  if (rc == FB_OK) rc = fb_h5_attr_double(g, "limit", b->limit, err);
  if (rc == FB_OK && attr_name) rc = fb_h5_attr_string(g, attr_name, attr_value, err);
  H5Gclose(g);
  return rc;
}
