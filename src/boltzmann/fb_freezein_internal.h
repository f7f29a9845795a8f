/**
 * @file fb_freezein_internal.h
 * @brief Pieces of the freeze-in shared by its two files (fb_freezein.c: background, quadrature, 2->2;
 *        fb_freezein_plasmon.c: plasmon decay). Not part of the public API.
 */
#ifndef FB_FREEZEIN_INTERNAL_H
#define FB_FREEZEIN_INTERNAL_H

#include "fb_freezein.h"

/** Integrand type of fb_fi_quad. */
typedef double (*fi_fn)(double x, void *p);

/** int_a^b f (GSL QAG on the pieces between the nb break points brk inside (a, b); fb_freezein.c). */
int fb_fi_quad(const fb_freezein *fi, void *ws, fi_fn f, void *params, double a, double b, const double *brk,
               size_t nb, double *result, fb_err *err);

/** dY/dlnT per unit number-density production rate: (1 + dln g_*s/dlnT / 3) / (s H). */
double fb_fi_bg_weight(const fb_freezein *fi, double T_GeV);

/** Yield per Q^2 of the plasmon decay of polarisation pol (0 = T, 1 = L) at m_chi = m_GeV
 *  (fb_freezein_plasmon.c). */
int fb_fi_plasmon_yield(fb_freezein *fi, int pol, double m_GeV, double *Y, fb_err *err);

#endif
