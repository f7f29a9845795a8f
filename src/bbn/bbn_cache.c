/**
 * @file bbn_cache.c
 * @brief The persistent cache (src/common/fb_cache.h) of what every BBN process builds before its first solve:
 *        the tables of bbn_tables_build (~55 ms) and the theory-error nodes of bbn_theory_err.c (~35 ms each).
 *
 * Both depend on nothing but the compiled code: the tables on no input at all, a node on its index, its
 * Omega_b h^2 and the library defaults of its solve (bbn_params_default). So the key of an entry is a format
 * tag, the program version (fb_cache_code_id: the build-ids of the object holding this code and of libgsl,
 * libm and the SUNDIALS libraries the solves call, and the CPU features that pick libm's code paths), sizeof of
 * the cached structures and, for a node, its inputs in full (the bbn_params bytes of its solve). A rebuilt
 * program, an updated library, another node or another default is another key: never a stale entry. A loaded
 * entry is the bytes that were stored (fb_cache checks the key and a checksum; here also the array sizes and
 * that the scalars are finite), so results with and without the cache are bit-identical
 * (tests/bbn/test_bbn_cache.c).
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "bbn_internal.h"
#include "fb_cache.h"

#define TABLES_TAG "fipbounds bbn_tables v1"
#define NODE_TAG "fipbounds bbn_theory_node v1"

/* the shared libraries whose code computes the cached numbers (the rest is in the object of this file) */
static const char *const LIB_SYMBOLS[] = {"gsl_sf_dilog", "exp", "CVode", "N_VNew_Serial", "SUNDenseMatrix",
                                          "SUNLinSol_Dense"};

static pthread_once_t code_once = PTHREAD_ONCE_INIT;
static uint8_t code_id[512];
static size_t code_len;
static int code_ok;

static void code_id_init(void) {
  code_ok = fb_cache_code_id((const void *)bbn_tables_build, LIB_SYMBOLS,
                             (int)(sizeof LIB_SYMBOLS / sizeof *LIB_SYMBOLS), code_id, sizeof code_id, &code_len);
}

static int add(uint8_t *key, size_t cap, size_t *len, const void *data, size_t n) {
  if (*len + n > cap) return 0;
  memcpy(key + *len, data, n);
  *len += n;
  return 1;
}

static int key_start(const char *tag, uint8_t *key, size_t cap, size_t *len) {
  pthread_once(&code_once, code_id_init);
  *len = 0;
  return code_ok && add(key, cap, len, tag, strlen(tag) + 1) && add(key, cap, len, code_id, code_len);
}

int bbn_cache_tables_key(uint8_t *key, size_t cap, size_t *len) {
  const uint32_t sizes[3] = {(uint32_t)sizeof(bbn_tables), (uint32_t)sizeof(double), (uint32_t)BBN_N_REAC};
  return key_start(TABLES_TAG, key, cap, len) && add(key, cap, len, sizes, sizeof sizes);
}

/* the arrays of a table set, in payload order: pointer slot and number of doubles */
typedef struct arr {
  double **p;
  size_t n;
} arr;

static int table_arrays(bbn_tables *t, arr a[12]) {
  const size_t nw = (size_t)t->n_T * (size_t)t->n_r, nq = (size_t)t->n_qed, ne = (size_t)t->n_ee;
  const size_t nr = (size_t)BBN_N_REAC * (size_t)t->n_rate;
  const arr list[12] = {{&t->ln_lam_np, nw}, {&t->ln_lam_pn, nw}, {&t->qed_lnT, nq},   {&t->qed_P, nq},
                        {&t->qed_dP, nq},    {&t->qed_d2P, nq},   {&t->ee_z, ne},      {&t->ee_rho, ne},
                        {&t->ee_P, ne},      {&t->ee_drho, 4 * ne}, {&t->ln_rate, nr}, {&t->coul_S, 2 * ne}};
  memcpy(a, list, sizeof list);
  return t->n_T > 0 && t->n_r > 0 && t->n_qed > 0 && t->n_ee > 0 && t->n_rate > 0 && t->n_T < 100000 &&
         t->n_r < 100000 && t->n_qed < 1000000 && t->n_ee < 1000000 && t->n_rate < 1000000;
}

int bbn_cache_tables_store_key(const char *dir, const uint8_t *key, size_t len, const bbn_tables *tab) {
  bbn_tables h = *tab;
  arr a[12];
  if (!table_arrays(&h, a)) return 0;
  size_t n = sizeof h;
  for (int k = 0; k < 12; ++k) n += a[k].n * sizeof(double);
  unsigned char *buf = malloc(n), *q = buf;
  if (!buf) return 0;
  /* the header: the struct with its pointers cleared and the timing zeroed (the rest is data) */
  for (int k = 0; k < 12; ++k) *a[k].p = NULL;
  h.ee_ann_e = h.ee_ann_mu = h.ee_scat = h.coul_SK = NULL;
  h.build_time_s = 0.0;
  h.from_cache = 0;
  memcpy(q, &h, sizeof h);
  q += sizeof h;
  bbn_tables src = *tab;
  table_arrays(&src, a);
  for (int k = 0; k < 12; ++k) {
    memcpy(q, *a[k].p, a[k].n * sizeof(double));
    q += a[k].n * sizeof(double);
  }
  const int ok = fb_cache_store(dir, "bbn_tables", key, len, buf, n);
  free(buf);
  return ok;
}

static int all_finite(const double *x, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (!isfinite(x[i])) return 0;
  return 1;
}

int bbn_cache_tables_load_key(const char *dir, const uint8_t *key, size_t len, bbn_tables *tab) {
  void *data;
  size_t n;
  memset(tab, 0, sizeof *tab);
  if (!fb_cache_load(dir, "bbn_tables", key, len, &data, &n)) return 0;
  const unsigned char *q = data;
  bbn_tables h;
  arr a[12];
  int ok = n >= sizeof h;
  if (ok) {
    memcpy(&h, q, sizeof h);
    q += sizeof h;
    ok = table_arrays(&h, a);
  }
  size_t need = sizeof h;
  for (int k = 0; ok && k < 12; ++k) need += a[k].n * sizeof(double);
  ok = ok && need == n;
  ok = ok && all_finite(&h.lnT_min, 4) && all_finite(&h.lnT9_min, 2) && all_finite(h.db_ln_alpha, BBN_N_REAC) &&
       all_finite(h.db_beta, BBN_N_REAC) && all_finite(h.db_gamma, BBN_N_REAC) &&
       all_finite(h.nu_osc.lnP[0], 3 * BBN_NU_OSC_NA);
  for (int k = 0; ok && k < 12; ++k) {
    double *x = malloc(a[k].n * sizeof(double));
    *a[k].p = x; /* in h: freed by bbn_tables_free(&h) on failure */
    /* the arrays as built, not checked for finiteness (the checksum guards them): the build leaves a NaN in
     * ln lambda_np at its corner T = 32 MeV, T_nu/T = 0.5, where the first-order finite-nucleon-mass
     * correction of bbn_weak.c reaches -100.3% (outside the solves' range; docs/performance.md) */
    if (x) memcpy(x, q, a[k].n * sizeof(double));
    ok = x != NULL;
    q += a[k].n * sizeof(double);
  }
  free(data);
  if (!ok) {
    if (n >= sizeof h) bbn_tables_free(&h);
    return 0;
  }
  h.ee_ann_e = h.ee_drho + h.n_ee;
  h.ee_ann_mu = h.ee_drho + 2 * h.n_ee;
  h.ee_scat = h.ee_drho + 3 * h.n_ee;
  h.coul_SK = h.coul_S + h.n_ee;
  *tab = h;
  return 1;
}

int bbn_cache_tables_load(bbn_tables *tab) {
  uint8_t key[FB_CACHE_KEY_MAX];
  size_t len;
  memset(tab, 0, sizeof *tab);
  return bbn_cache_tables_key(key, sizeof key, &len) && bbn_cache_tables_load_key(NULL, key, len, tab);
}

void bbn_cache_tables_store(const bbn_tables *tab) {
  uint8_t key[FB_CACHE_KEY_MAX];
  size_t len;
  if (bbn_cache_tables_key(key, sizeof key, &len)) bbn_cache_tables_store_key(NULL, key, len, tab);
}

/* 64-bit hash of a table set's payload (every array and its size): the theory-error nodes are solved with these
 * tables, so a node computed with modified tables (a test scaling a rate) must not answer for the default ones */
static int tables_hash(const bbn_tables *tab, uint64_t *h) {
  arr a[12];
  if (!table_arrays((bbn_tables *)tab, a)) return 0;
  uint64_t x = FB_CACHE_HASH_INIT;
  for (int k = 0; k < 12; ++k) {
    if (!*a[k].p) return 0;
    const uint64_t n = (uint64_t)a[k].n;
    x = fb_cache_hash(x, &n, sizeof n);
    x = fb_cache_hash(x, *a[k].p, a[k].n * sizeof(double));
  }
  *h = x;
  return 1;
}

int bbn_cache_node_key(int node, double omega_b_h2, int method, const bbn_params *p, const bbn_tables *tab,
                       uint8_t *key, size_t cap, size_t *len) {
  const int32_t ints[4] = {node, method, BBN_TH_N_NODES, (int32_t)sizeof(bbn_params)};
  uint64_t h;
  return tables_hash(tab, &h) && key_start(NODE_TAG, key, cap, len) && add(key, cap, len, ints, sizeof ints) &&
         add(key, cap, len, &omega_b_h2, sizeof omega_b_h2) && add(key, cap, len, p, sizeof *p) &&
         add(key, cap, len, &h, sizeof h);
}

int bbn_cache_node_load(const uint8_t *key, size_t len, double *sY, double *sD_rel) {
  void *data;
  size_t n;
  if (!fb_cache_load(NULL, "bbn_theory_node", key, len, &data, &n)) return 0;
  double v[2] = {NAN, NAN};
  if (n == sizeof v) memcpy(v, data, sizeof v);
  free(data);
  if (!(isfinite(v[0]) && v[0] > 0.0 && isfinite(v[1]) && v[1] > 0.0)) return 0;
  *sY = v[0];
  *sD_rel = v[1];
  return 1;
}

void bbn_cache_node_store(const uint8_t *key, size_t len, double sY, double sD_rel) {
  const double v[2] = {sY, sD_rel};
  fb_cache_store(NULL, "bbn_theory_node", key, len, v, sizeof v);
}
