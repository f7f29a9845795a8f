/**
 * @file fb_rg_alp.h
 * @brief Red-giant (tip of the red-giant branch) and white-dwarf bounds on the ALP-electron coupling g_ae
 *        and their extension to massive ALPs; the BC10 mapping g_ae = m_e / f_l.
 *
 * Physics (fb_rg_alp.c):
 *  - The bound at m_a -> 0 is the published one (fb_constants.h): red giants g_ae < 1.6e-13 (Capozzi &
 *    Raffelt arXiv:2007.03694, NGC 4258, 95% CL; strong side omega Cen 1.3e-13, same paper; weak side
 *    4.46e-13 of Dennis & Sakstein arXiv:2305.03113 with simultaneous stellar-model variations), white
 *    dwarfs g_ae < 1.68e-13 (Alberino et al. arXiv:2603.00901, Gaia 100 pc, 95% CL; weak side 2.8e-13 of
 *    Miller Bertolami et al. arXiv:1406.7712; strong side = nominal).
 *  - Mass dependence: in both cores (degenerate electrons, T ~ 10 keV in a red giant at helium ignition,
 *    ~1 keV in the white dwarfs that drive the luminosity-function bound) the ALP comes from electron-ion
 *    bremsstrahlung (Raffelt & Weiss hep-ph/9410205: the Compton process is subdominant in the degenerate
 *    core). Its massless spectrum is dL/dw ~ w^3/(e^{w/T} - 1): the Pauli factor of the degenerate
 *    electrons, int dE f(E)(1 - f(E - w)) = w/(e^{w/T} - 1), times the ALP phase space |k| dw, times the
 *    spin-flip vertex |sigma.k|^2/w^2 of the derivative coupling (non-relativistic electrons), times w;
 *    total ~ T^4 as in Raffelt, Stars as Laboratories (1996) eq. (3.25). A mass enters only through
 *    |k| = sqrt(w^2 - m^2) in the phase space and in the vertex (the momentum transfer from the ion,
 *    ~ p_F ~ 0.2 MeV, is much larger than |k|), so the spectrum becomes w^3 beta^3/(e^{w/T} - 1),
 *    beta = |k|/w, w >= m. The energy-loss rate relative to the massless one is
 *      S(mu) = (15/pi^4) int_mu^inf (x^2 - mu^2)^{3/2} / (e^x - 1) dx,   mu = m_a/T,
 *    (S(0) = 1; with 1/(e^x - 1) = sum_n e^{-n x}, S = (45/pi^4) mu^2 sum_n K_2(n mu)/n^2, the Bessel form
 *    that test_rg_alp checks the quadrature against; S ~ e^{-mu} mu^{3/2} for mu >> 1), and the bound on g_ae (loss ~ g_ae^2)
 *    is g_ae_max(m) = g_ae_max(0) / sqrt(S(m/T)). This is the massive-ALP extension of Carenza & Lucente
 *    arXiv:2104.09524 (their full non-relativistic bremsstrahlung with any degeneracy) in its degenerate,
 *    one-zone form: T is the one-zone core temperature (red giant 1e8 K, Raffelt (1996) sec. 2.5, as
 *    fb_rg_mcp.h; white dwarf 1e7 K, a representative core temperature of the bright WDs, M_bol < 10,
 *    that carry the luminosity-function bound). Not included: the temperature profile of the core and its
 *    evolution, the Compton process (harder spectrum ~ w^5, a few % of the loss), in-medium electron effects.
 *  - BC10 (fb_fip_alp.h): L = (d_mu a/(2 f_l)) ebar gamma^mu gamma_5 e is, for on-shell electrons, the
 *    pseudoscalar Yukawa -i (m_e/f_l) a ebar gamma_5 e, so g_ae = m_e/f_l = m_e inv_fl (g_ae = C_e m_e/f_a
 *    with C_e = 1: Grilli di Cortona et al. arXiv:1511.02867; Raffelt hep-ph/0611350).
 *
 * Units: GeV, K; couplings dimensionless (g_ae) or GeV^-1 (inv_fl). Pure functions, thread-safe.
 */
#ifndef FB_RG_ALP_H
#define FB_RG_ALP_H

#include "fb_error.h"

/** Which star: the red-giant tip or the white-dwarf luminosity function. */
enum { FB_STAR_RG = 0, FB_STAR_WD = 1 };

typedef struct fb_rg_alp_options {
  double T_K;              /**< one-zone core temperature [K]; RG 1e8, WD 1e7 */
  double g_ae_max;         /**< nominal massless bound on g_ae (RG 1.6e-13, WD 1.68e-13) */
  double g_ae_max_weak;    /**< conservative massless bound (RG 4.456e-13, WD 2.8e-13) */
  double g_ae_max_strong;  /**< aggressive massless bound (RG 1.3e-13, WD 1.68e-13) */
} fb_rg_alp_options;

/** Defaults of star FB_STAR_RG or FB_STAR_WD (values and citations in this header). */
void fb_rg_alp_options_default(fb_rg_alp_options *o, int star);

/** ln S(mu): the energy-loss rate of an ALP of mass mu T over that of a massless one (bremsstrahlung on
 *  degenerate electrons, see the file comment). ln so that mu up to ~1e3 stays finite.
 *  Errors: FB_ERR_RANGE for mu < 0 or non-finite; FB_ERR_GSL from the quadrature. */
int fb_rg_alp_log_suppression(double mu, double *log_S, fb_err *err);

/** Largest allowed g_ae at mass_GeV for the massless bound g0 (one of the three of o):
 *  g0 / sqrt(S(m/T)); INFINITY where S underflows. */
int fb_rg_alp_g_ae_max(const fb_rg_alp_options *o, double g0, double mass_GeV, double *g_ae_max, fb_err *err);

/** BC10: g_ae of the coupling inv_fl = 1/f_l [GeV^-1] (g_ae = m_e/f_l). */
double fb_rg_alp_bc10_g_ae(double inv_fl_GeV);

#endif /* FB_RG_ALP_H */
