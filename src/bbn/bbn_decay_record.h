/**
 * @file bbn_decay_record.h
 * @brief A decaying particle for BBN (bbn_decay) from a particle model's decay record (fb_decay).
 */
#ifndef BBN_DECAY_RECORD_H
#define BBN_DECAY_RECORD_H

#include "bbn.h"
#include "fb_decay.h"

/**
 * Fill mass_GeV, tau_s, f_em, f_nu, f_inv, nu_share, n_pi_minus, n_pi_plus, n_K_*, gamma_K_L and the
 * non-thermal neutrino groups (n_nu_groups, nu_groups: lines per two-body channel, V-A continua) of out from a finalised record
 * (rules in bbn_decay_record.c); the abundance and mesons fields are left to the caller.
 * f_other (may be NULL): energy fraction of tau, kaons, nucleons and other hadrons, counted in f_em.
 * FB_ERR_INPUT for a stable record; FB_ERR_NUMERIC if the fractions do not add up.
 */
int bbn_decay_from_record(const fb_decay *rec, bbn_decay *out, double *f_other, fb_err *err);

#endif /* BBN_DECAY_RECORD_H */
