/**
 * @file fb_cmb_dep_cache.c
 * @brief Persistent cache (src/common/fb_cache.h) of the photon kernels that the mixed-channel deposition keeps for
 *        its continuum nodes (fb_cmb_dep.c cached_photon_kernel; branch cmbmix) and of the positronium kernel D_ann of
 *        the pair kernels (key E = -1): every CMB plane of the main job is a process of its own and each rank built the
 *        same 10-15 kernels (~50-100 ms each) and D_ann (~0.25 s) again.
 *
 * A kernel depends on its photon energy, the mode (no_secondaries, no_gg), the node data of fb_cmb_dep_init (redshifts,
 * H, t, densities, ionised fractions, helium states, CMB energy density, T_CMB, n_He/n_H: they carry every cosmological
 * input) and the code. The key holds a format tag, the energy and mode, the node count and spacing, a 64-bit hash of the
 * node arrays (fb_cache_hash) and the program version (fb_cache_code_id). The payload is the upper triangle k <= j of
 * the kernel; a hit gives the computed kernel bit for bit (test_cmb_mix test_disk_cache).
 */
#include <stdlib.h>
#include <string.h>

#include "fb_cache.h"
#include "fb_cmb_dep.h"

#define DEP_TAG "fipbounds cmb_dep photon kernel v1"
static const char *const DEP_LIB_SYMBOLS[] = {"exp", "log", "expm1", "log1p", "pow", "sqrt", "atan"};

static int dep_key(const fb_cmb_dep *d, double E_GeV, int mode, uint8_t *key, size_t cap, size_t *len) {
  const size_t n = d->n;
  uint64_t h = FB_CACHE_HASH_INIT;
  const double *arr[] = {d->z, d->H_s, d->t_s, d->nH, d->xHI, d->ne_free, d->u_cmb_eV};
  for (size_t a = 0; a < sizeof arr / sizeof *arr; a++) h = fb_cache_hash(h, arr[a], n * sizeof(double));
  h = fb_cache_hash(h, d->he_state, n * sizeof *d->he_state);
  const double dv[] = {E_GeV, d->L_lo, d->h, d->T_cmb0_eV, d->f_He};
  const int64_t iv[] = {(int64_t)n, mode, (int64_t)h, d->ng, FB_CMB_DEP_NT, FB_CMB_DEP_NQ, FB_CMB_DEP_NOP,
                        d->grid[0], d->grid[1], d->grid[2], d->grid[3], d->grid[4], /* the secondary grid's layout */
                        d->g_trk0, d->g_trk, FB_CMB_DEP_TRK_CELLS}; /* and its exact-track bins (branch cmbgrid) */
  *len = 0;
  if (cap < sizeof DEP_TAG + sizeof dv + sizeof iv) return 0;
  memcpy(key, DEP_TAG, sizeof DEP_TAG);
  memcpy(key + sizeof DEP_TAG, dv, sizeof dv);
  memcpy(key + sizeof DEP_TAG + sizeof dv, iv, sizeof iv);
  *len = sizeof DEP_TAG + sizeof dv + sizeof iv;
  return fb_cache_code_id((const void *)fb_cmb_dep_set_spectrum, DEP_LIB_SYMBOLS,
                          (int)(sizeof DEP_LIB_SYMBOLS / sizeof *DEP_LIB_SYMBOLS), key, cap, len);
}

int fb_cmb_dep_disk_load(const fb_cmb_dep *d, double E_GeV, int mode, double *K) {
  uint8_t key[FB_CACHE_KEY_MAX];
  size_t len = 0;
  if (!dep_key(d, E_GeV, mode, key, sizeof key, &len)) return 0;
  void *data = NULL;
  size_t nb = 0;
  const size_t n = d->n, nt = n * (n + 1) / 2;
  int hit = fb_cache_load(NULL, "cmb_dep", key, len, &data, &nb) && nb == nt * sizeof(double);
  if (hit) {
    const double *p = data;
    memset(K, 0, n * n * sizeof *K);
    for (size_t k = 0; k < n; k++) {
      memcpy(K + k * n + k, p, (n - k) * sizeof *K);
      p += n - k;
    }
  }
  free(data);
  return hit;
}

void fb_cmb_dep_disk_store(const fb_cmb_dep *d, double E_GeV, int mode, const double *K) {
  uint8_t key[FB_CACHE_KEY_MAX];
  size_t len = 0;
  if (!dep_key(d, E_GeV, mode, key, sizeof key, &len)) return;
  const size_t n = d->n, nt = n * (n + 1) / 2;
  double *buf = malloc(nt * sizeof *buf);
  if (!buf) return; /* the kernel is computed; only the cache is skipped */
  double *p = buf;
  for (size_t k = 0; k < n; k++) {
    memcpy(p, K + k * n + k, (n - k) * sizeof *K);
    p += n - k;
  }
  fb_cache_store(NULL, "cmb_dep", key, len, buf, nt * sizeof *buf);
  free(buf);
}
