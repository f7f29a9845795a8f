/**
 * @file fb_cmb_fisher.h
 * @brief `aniso_method = fisher` (issue 15): the Planck-like anisotropy bound as a Fisher matrix in
 *        deposition-redshift bins, Delta chi^2 = a^T F a (the principal-component method of Finkbeiner,
 *        Galli, Lin & Slatyer arXiv:1109.6322 and Slatyer & Wu arXiv:1610.06933, with our own kernel).
 *
 * The kernel (inputs/cmb_fisher_kernel.dat) is data made by this project's tool tools/cmb_fisher_kernel.py from
 * CLASS v3 runs side by side (one run per bin: a DM decay with tau >> age times f_eff(z) = h_k(ln(1+z)), CLASS
 * chi_type = CK_2004), with the six LCDM parameters projected out and the noise model of
 * tools/cmb_class_fisher.py (one Planck-143-like channel, f_sky = 0.65, l = 2-2500, no lensing); its header
 * holds the provenance. Windows h_k(L), L = ln(1+z), on nodes L_0 < ... < L_{N-1}: cos^2 / sin^2 between
 * consecutive nodes (a partition of unity), h_0 = 1 below L_0, h_{N-1} falls to zero at L_N = 2 L_{N-1} - L_{N-2}
 * (deposition above L_N, z ~ 2700, is not counted: CLASS puts it all into heat).
 *
 * Our deposition history is mapped onto the bins as the kernel defines them: q(L) = eps(z)/(n_H(z) H(z)), the
 * deposited energy per hydrogen atom per unit L [eV] (eps the deposited power density before the chi split),
 * a_k = int h_k q dL / E_ref_k. eps is the module's own: on the xe grid (200 < z < 1550) the on-the-spot or
 * delayed deposition of fb_cmb_window_ratios (c->eps); outside it the on-the-spot closed form
 * eps = f_em m Y_X s0 (1+z)^3 e^{-t/tau}/tau, below z = 200 times the ratio deposited/on-the-spot at the grid's
 * lowest point (1 on the spot; stated approximation for the delayed kernels, which have no node below
 * z = 200), above z = 1550 on the spot. Convention match: the kernel's chi split is CLASS's CK_2004 applied to
 * the deposited energy, the same split as our default chi_type = ck2004 (Chen & Kamionkowski
 * astro-ph/0310473); chi_type = galli2013 with fisher is refused (the kernel would have to be rebuilt with
 * CLASS's Galli_2013_file). The bound: Delta chi^2 = 4 (as tools/cmb_class_fisher.py); R_aniso =
 * sqrt(Delta chi^2/4), linear in m Y_X.
 */
#ifndef FB_CMB_FISHER_H
#define FB_CMB_FISHER_H

#include <stddef.h>

#include "fb_error.h"

struct fb_cmb;

/** The kernel shipped with the project (relative paths are tried from the working directory, then from the
 *  source tree FB_SOURCE_DIR, as the SN profiles are). */
#define FB_CMB_FISHER_KERNEL_FILE "inputs/cmb_fisher_kernel.dat"
/** The kernel of the Planck-like low-l likelihood (tools/cmb_fisher_kernel.py --likelihood planck_lowl, branch
 *  fisherlowl): TE/EE dropped at l < 30 (Planck 2018 uses only SimAll EE there, arXiv:1907.12875) and a Gaussian
 *  prior sigma(tau) = 0.007 (arXiv:1807.06209) on z_reio; docs/validation.md "Planck-like low-l variant". */
#define FB_CMB_FISHER_KERNEL_FILE_PLANCK "inputs/cmb_fisher_kernel_planck.dat"
/** Kernel choice (fb_cmb_params.fisher_kernel; key fisher_kernel = ideal|planck_lowl). */
typedef enum { FB_CMB_FISHER_IDEAL = 0, FB_CMB_FISHER_PLANCK_LOWL = 1 } fb_cmb_fisher_kernel;
/** The kernel named `name` ("ideal", "planck_lowl"); FB_ERR_INPUT naming the allowed values otherwise. */
int fb_cmb_fisher_kernel_from_name(const char *name, int *out, fb_err *err);
/** The data file of kernel `which` (FB_CMB_FISHER_KERNEL_FILE or FB_CMB_FISHER_KERNEL_FILE_PLANCK). */
const char *fb_cmb_fisher_kernel_file(int which);
#define FB_CMB_FISHER_MAX_BINS 200
#define FB_CMB_FISHER_CHI2_BOUND 4.0 /**< Delta chi^2 of the bound (95 % CL, one parameter) */
/** Quadrature step in L outside the xe grid (on-the-spot closed form there). */
#define FB_CMB_FISHER_DL 4e-3

typedef struct fb_cmb_fisher {
  size_t n;          /**< bins */
  double *L;         /**< nodes, ln(1+z) */
  double *E_ref;     /**< reference deposition per bin [eV per H] */
  double *F;         /**< n x n, LCDM marginalised */
  double *Ffix;      /**< n x n, LCDM parameters fixed (diagnosis) */
  double L_top;      /**< windows end here */
  /* quadrature points (below the xe grid, the xe grid itself, above it) */
  size_t np, i_grid0, n_grid; /**< number of points; index of the first xe grid point; xe grid points */
  double *pz, *pt;   /**< z, t(z) [s] */
  double *pw;        /**< trapezoid weight dL / (n_H(z) H(z)) [cm^3 s] */
  int *pk;           /**< window index k (h_k = ph, h_{k+1} = 1 - ph when k + 1 < n) */
  double *ph;
  double *a;         /**< scratch: the bin amplitudes of the last evaluation */
  char path[1024];   /**< the file read */
} fb_cmb_fisher;

/** Read the kernel file (FB_ERR_IO naming the paths tried; FB_ERR_INPUT for a malformed line, naming it). */
int fb_cmb_fisher_read(fb_cmb_fisher *f, const char *path, fb_err *err);
/** Quadrature points on c's background and xe grid (c->xe must be set up). */
int fb_cmb_fisher_setup(fb_cmb_fisher *f, const struct fb_cmb *c, fb_err *err);
void fb_cmb_fisher_free(fb_cmb_fisher *f);

/** Deposited power density [eV cm^-3 s^-1] outside the xe grid at (z, t). */
typedef double (*fb_cmb_fisher_eps_fn)(double z, double t_s, void *ctx);
/** Delta chi^2 = a^T F a (fixed = 0) or a^T F_fixed a (fixed = 1) of the deposition eps_grid on the xe grid and
 *  eps_out outside it; the amplitudes are left in f->a. */
double fb_cmb_fisher_chi2(fb_cmb_fisher *f, const double *eps_grid, fb_cmb_fisher_eps_fn eps_out, void *ctx, int fixed);
/** The same for a decay (fmY = f_em m Y_X [GeV], tau_s) whose deposition on the xe grid is c->eps (filled by
 *  fb_cmb_window_ratios). */
double fb_cmb_fisher_decay_chi2(fb_cmb_fisher *f, const struct fb_cmb *c, double tau_s, double fmY_GeV, int fixed);

#endif /* FB_CMB_FISHER_H */
