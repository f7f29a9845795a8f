/**
 * @file test_bbn_cache.c
 * @brief The set-up cost of BBN: the persistent cache of the tables and theory-error nodes (src/bbn/bbn_cache.c,
 *        src/common/fb_cache.c), and the table parts computed on coarse nodes (plasma annihilation factors,
 *        S-factor rates) validated against every node.
 *
 * What must hold: a cached result is bit-identical to the computed one (tables, a solve with them, a node); a
 * change of any key input (program version, node, parameters) is a miss; a corrupt, truncated, foreign or
 * mislabelled file is rejected and recomputed, then replaced; concurrent stores of one entry (many ranks on a
 * shared file system) never let a reader see a partial file; "off" writes nothing. All in a fresh temporary
 * directory (FIPBOUNDS_CACHE_DIR), removed at the end.
 */
#define _GNU_SOURCE
#include <check.h>
#include <dirent.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "bbn_internal.h"
#include "fb_cache.h"
#include "fb_constants.h"

static char DIR_[256];
static bbn_tables REF; /* built without the cache */

static void set_dir(const char *sub) {
  char d[400];
  snprintf(d, sizeof d, "%s/%s", DIR_, sub);
  setenv("FIPBOUNDS_CACHE_DIR", d, 1);
}

static int count_files(const char *sub, const char *prefix) {
  char d[400];
  snprintf(d, sizeof d, "%s/%s", DIR_, sub);
  DIR *dd = opendir(d);
  if (!dd) return 0;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(dd)))
    if (!strncmp(e->d_name, prefix, strlen(prefix))) ++n;
  closedir(dd);
  return n;
}

/* the tables' arrays and scalars byte for byte (memcmp: a NaN equals itself) */
static int tables_same(const bbn_tables *a, const bbn_tables *b) {
  if (a->n_T != b->n_T || a->n_r != b->n_r || a->n_qed != b->n_qed || a->n_ee != b->n_ee || a->n_rate != b->n_rate)
    return 0;
  const size_t nw = (size_t)a->n_T * a->n_r, nq = a->n_qed, ne = a->n_ee, nr = (size_t)BBN_N_REAC * a->n_rate;
  const double *pa[] = {a->ln_lam_np, a->ln_lam_pn, a->qed_lnT, a->qed_P, a->qed_dP, a->qed_d2P, a->ee_z,
                        a->ee_rho, a->ee_P, a->ee_drho, a->ln_rate, a->coul_S, a->ee_ann_e, a->ee_ann_mu,
                        a->ee_scat, a->coul_SK};
  const double *pb[] = {b->ln_lam_np, b->ln_lam_pn, b->qed_lnT, b->qed_P, b->qed_dP, b->qed_d2P, b->ee_z,
                        b->ee_rho, b->ee_P, b->ee_drho, b->ln_rate, b->coul_S, b->ee_ann_e, b->ee_ann_mu,
                        b->ee_scat, b->coul_SK};
  const size_t n[] = {nw, nw, nq, nq, nq, nq, ne, ne, ne, 4 * ne, nr, 2 * ne, ne, ne, ne, ne};
  for (int k = 0; k < 16; ++k)
    if (memcmp(pa[k], pb[k], n[k] * sizeof(double))) return 0;
  return !memcmp(&a->kaon, &b->kaon, sizeof a->kaon) && !memcmp(&a->nu_osc, &b->nu_osc, sizeof a->nu_osc) &&
         !memcmp(a->db_ln_alpha, b->db_ln_alpha, sizeof a->db_ln_alpha) &&
         !memcmp(a->db_beta, b->db_beta, sizeof a->db_beta) && !memcmp(a->db_gamma, b->db_gamma, sizeof a->db_gamma) &&
         a->lnT_min == b->lnT_min && a->lnT_max == b->lnT_max && a->r_min == b->r_min && a->r_max == b->r_max &&
         a->lnT9_min == b->lnT9_min && a->lnT9_max == b->lnT9_max;
}

static void tables_path(const char *sub, char *path, size_t cap) {
  uint8_t key[FB_CACHE_KEY_MAX];
  size_t len;
  ck_assert(bbn_cache_tables_key(key, sizeof key, &len));
  char d[400];
  snprintf(d, sizeof d, "%s/%s", DIR_, sub);
  ck_assert(fb_cache_path(d, "bbn_tables", key, len, path, cap));
}

START_TEST(test_code_id) {
  /* every library named in bbn_cache.c is found and has a build-id (else the cache would be off) */
  static const char *const syms[] = {"gsl_sf_dilog", "exp", "CVode", "N_VNew_Serial", "SUNDenseMatrix",
                                     "SUNLinSol_Dense"};
  for (int k = 0; k < 6; ++k) {
    uint8_t key[256];
    size_t len = 0;
    ck_assert_msg(fb_cache_code_id((const void *)bbn_tables_build, syms + k, 1, key, sizeof key, &len),
                  "no build-id for the object of %s", syms[k]);
    printf("code id with %-16s %zu bytes\n", syms[k], len);
  }
}
END_TEST

START_TEST(test_tables_roundtrip) {
  set_dir("rt");
  fb_err err;
  fb_err_clear(&err);
  bbn_tables cold, warm;
  ck_assert_int_eq(bbn_tables_init(&cold, &err), FB_OK);
  ck_assert_int_eq(cold.from_cache, 0);
  ck_assert_int_eq(count_files("rt", "bbn_tables-"), 1);
  ck_assert_int_eq(bbn_tables_init(&warm, &err), FB_OK);
  ck_assert_int_eq(warm.from_cache, 1);
  printf("tables: built %.1f ms, loaded %.1f ms (wall)\n", 1e3 * cold.build_time_s, 1e3 * warm.build_time_s);
  ck_assert(tables_same(&cold, &REF));
  ck_assert(tables_same(&warm, &REF));
  /* a solve (with its theory errors) on the loaded tables is bit-identical */
  bbn_params p;
  bbn_params_default(&p);
  p.theory_errors = BBN_TH_PRIMAT;
  bbn_result r1, r2;
  ck_assert_int_eq(bbn_solve(&REF, &p, &r1, &err), FB_OK);
  ck_assert_int_eq(bbn_solve(&warm, &p, &r2, &err), FB_OK);
  ck_assert(r1.Yp_mass == r2.Yp_mass && r1.D_H == r2.D_H && r1.Li7_H == r2.Li7_H && r1.Neff == r2.Neff);
  bbn_tables_free(&cold);
  bbn_tables_free(&warm);
}
END_TEST

START_TEST(test_key_change_invalidates) {
  set_dir("key");
  char d[400];
  snprintf(d, sizeof d, "%s/key", DIR_);
  uint8_t key[FB_CACHE_KEY_MAX], key2[FB_CACHE_KEY_MAX];
  size_t len;
  ck_assert(bbn_cache_tables_key(key, sizeof key, &len));
  ck_assert(bbn_cache_tables_store_key(d, key, len, &REF));
  uint8_t key_tab[FB_CACHE_KEY_MAX];
  const size_t len_tab = len;
  memcpy(key_tab, key, len);
  bbn_tables t;
  ck_assert(bbn_cache_tables_load_key(d, key, len, &t));
  ck_assert(tables_same(&t, &REF));
  bbn_tables_free(&t);
  /* another program version: each byte of the code id (build-ids, CPU features) changed in turn is a miss */
  for (size_t i = 0; i < len; ++i) {
    memcpy(key2, key, len);
    key2[i] ^= 0x01;
    ck_assert_msg(!bbn_cache_tables_load_key(d, key2, len, &t), "key byte %zu changed: still a hit", i);
  }
  /* the entry of key under the file name of key2 (a hash collision or a copied file): rejected by the key check */
  memcpy(key2, key, len);
  key2[len - 1] ^= 0x01;
  char p1[600], p2[600], cmd[1300];
  ck_assert(fb_cache_path(d, "bbn_tables", key, len, p1, sizeof p1));
  ck_assert(fb_cache_path(d, "bbn_tables", key2, len, p2, sizeof p2));
  snprintf(cmd, sizeof cmd, "cp '%s' '%s'", p1, p2);
  ck_assert_int_eq(system(cmd), 0);
  ck_assert(!bbn_cache_tables_load_key(d, key2, len, &t));
  /* theory-error nodes: another node, Omega_b h^2, method or any parameter of the node's solve is another key */
  bbn_params p, q;
  bbn_params_default(&p);
  size_t l1, l2;
  ck_assert(bbn_cache_node_key(2, 0.0224, 0, &p, &REF, key, sizeof key, &l1));
  ck_assert(bbn_cache_node_key(3, 0.0224, 0, &p, &REF, key2, sizeof key2, &l2));
  ck_assert(l1 == l2 && memcmp(key, key2, l1));
  ck_assert(bbn_cache_node_key(2, 0.0225, 0, &p, &REF, key2, sizeof key2, &l2) && memcmp(key, key2, l1));
  ck_assert(bbn_cache_node_key(2, 0.0224, 1, &p, &REF, key2, sizeof key2, &l2) && memcmp(key, key2, l1));
  q = p;
  q.tau_n_s += 0.1;
  ck_assert(bbn_cache_node_key(2, 0.0224, 0, &q, &REF, key2, sizeof key2, &l2) && memcmp(key, key2, l1));
  q = p;
  q.rate_factor[BBN_N_REAC - 1] = 1.01;
  ck_assert(bbn_cache_node_key(2, 0.0224, 0, &q, &REF, key2, sizeof key2, &l2) && memcmp(key, key2, l1));
  q = p;
  q.rtol *= 0.5;
  ck_assert(bbn_cache_node_key(2, 0.0224, 0, &q, &REF, key2, sizeof key2, &l2) && memcmp(key, key2, l1));
  /* the node is solved with the tables: modified tables (one rate value changed) are another key */
  ck_assert(bbn_cache_tables_load_key(d, key_tab, len_tab, &t));
  ck_assert(bbn_cache_node_key(2, 0.0224, 0, &p, &t, key2, sizeof key2, &l2) && l2 == l1 && !memcmp(key, key2, l1));
  t.ln_rate[0] += 1e-12;
  ck_assert(bbn_cache_node_key(2, 0.0224, 0, &p, &t, key2, sizeof key2, &l2) && memcmp(key, key2, l1));
  bbn_tables_free(&t);
}
END_TEST

/* overwrite byte `at` of a file (at < 0: from the end) */
static void poke(const char *path, long at, int value) {
  FILE *f = fopen(path, "r+b");
  ck_assert(f != NULL);
  ck_assert_int_eq(fseek(f, at, at < 0 ? SEEK_END : SEEK_SET), 0);
  fputc(value, f);
  fclose(f);
}

START_TEST(test_corrupt_rejected) {
  set_dir("bad");
  fb_err err;
  fb_err_clear(&err);
  bbn_tables t;
  ck_assert_int_eq(bbn_tables_init(&t, &err), FB_OK); /* stores */
  bbn_tables_free(&t);
  char path[600];
  tables_path("bad", path, sizeof path);
  struct stat st;
  ck_assert_int_eq(stat(path, &st), 0);
  /* one flipped bit in the middle of the payload, in the checksum, in the header; a truncated file; garbage */
  const long where[] = {st.st_size / 2, -1, 3, 9};
  for (int k = 0; k < 5; ++k) {
    if (k < 4) {
      FILE *f = fopen(path, "rb");
      ck_assert_int_eq(fseek(f, where[k], where[k] < 0 ? SEEK_END : SEEK_SET), 0);
      const int c = fgetc(f);
      fclose(f);
      poke(path, where[k], c ^ 0x10);
    } else {
      ck_assert_int_eq(truncate(path, st.st_size - 100), 0);
    }
    ck_assert_int_eq(bbn_tables_init(&t, &err), FB_OK);
    ck_assert_msg(t.from_cache == 0, "corruption %d not rejected", k);
    ck_assert(tables_same(&t, &REF));
    bbn_tables_free(&t);
    /* the corrupt file was replaced by a good one */
    ck_assert_int_eq(bbn_tables_init(&t, &err), FB_OK);
    ck_assert_int_eq(t.from_cache, 1);
    ck_assert(tables_same(&t, &REF));
    bbn_tables_free(&t);
  }
  FILE *f = fopen(path, "wb");
  for (int i = 0; i < 4096; ++i) fputc((i * 131 + 7) & 0xff, f);
  fclose(f);
  ck_assert_int_eq(bbn_tables_init(&t, &err), FB_OK);
  ck_assert_int_eq(t.from_cache, 0);
  bbn_tables_free(&t);
}
END_TEST

START_TEST(test_theory_node) {
  set_dir("node");
  fb_err err;
  fb_err_clear(&err);
  const double w = FB_OMEGA_B_H2_PLANCK; /* a node: one entry */
  double sY0, sD0, sY1, sD1;
  bbn_theory_err_forget();
  ck_assert_int_eq(bbn_theory_err_get(&REF, w, &sY0, &sD0, &err), FB_OK);
  ck_assert_int_eq(count_files("node", "bbn_theory_node-"), 1);
  /* the same as computing it directly */
  bbn_theory_err th;
  ck_assert_int_eq(bbn_theory_err_compute_method(&REF, w, BBN_TH_SENS_FORWARD_LIGHT, &th, &err), FB_OK);
  ck_assert(sY0 == th.rel[0] * th.X[0] && sD0 == th.rel[1]);
  bbn_theory_err_forget();
  ck_assert_int_eq(bbn_theory_err_get(&REF, w, &sY1, &sD1, &err), FB_OK);
  ck_assert(sY1 == sY0 && sD1 == sD0);
  /* the second get read the file: replace the entry (same key, valid checksum) with other values */
  char d[400], path[700];
  snprintf(d, sizeof d, "%s/node", DIR_);
  DIR *dd = opendir(d);
  struct dirent *e;
  while ((e = readdir(dd)))
    if (!strncmp(e->d_name, "bbn_theory_node-", 16)) snprintf(path, sizeof path, "%s/%s", d, e->d_name);
  closedir(dd);
  FILE *f = fopen(path, "rb");
  ck_assert(f != NULL);
  uint64_t klen;
  fseek(f, 8, SEEK_SET);
  ck_assert_int_eq(fread(&klen, sizeof klen, 1, f), 1);
  uint8_t key[FB_CACHE_KEY_MAX];
  fseek(f, 24, SEEK_SET);
  ck_assert_int_eq(fread(key, 1, klen, f), klen);
  fclose(f);
  unlink(path);
  const double fake[2] = {2.0 * sY0, 3.0 * sD0};
  ck_assert(fb_cache_store(d, "bbn_theory_node", key, klen, fake, sizeof fake));
  bbn_theory_err_forget();
  ck_assert_int_eq(bbn_theory_err_get(&REF, w, &sY1, &sD1, &err), FB_OK);
  ck_assert(sY1 == fake[0] && sD1 == fake[1]);
  /* a corrupt node file: recomputed */
  poke(path, -3, 0x5a);
  bbn_theory_err_forget();
  ck_assert_int_eq(bbn_theory_err_get(&REF, w, &sY1, &sD1, &err), FB_OK);
  ck_assert(sY1 == sY0 && sD1 == sD0);
  bbn_theory_err_forget();
}
END_TEST

START_TEST(test_off_and_location) {
  char buf[512];
  setenv("FIPBOUNDS_CACHE_DIR", "off", 1);
  ck_assert(!fb_cache_dir(buf, sizeof buf));
  fb_err err;
  fb_err_clear(&err);
  bbn_tables t;
  ck_assert_int_eq(bbn_tables_init(&t, &err), FB_OK);
  ck_assert_int_eq(t.from_cache, 0);
  bbn_tables_free(&t);
  setenv("FIPBOUNDS_CACHE_DIR", "", 1);
  ck_assert(!fb_cache_dir(buf, sizeof buf));
  unsetenv("FIPBOUNDS_CACHE_DIR");
  setenv("XDG_CACHE_HOME", "/x/cache", 1);
  ck_assert(fb_cache_dir(buf, sizeof buf) && !strcmp(buf, "/x/cache/fipbounds"));
  setenv("XDG_CACHE_HOME", "relative", 1); /* ignored (XDG base directory specification) */
  setenv("HOME", "/h", 1);
  ck_assert(fb_cache_dir(buf, sizeof buf) && !strcmp(buf, "/h/.cache/fipbounds"));
  unsetenv("XDG_CACHE_HOME");
  unsetenv("HOME");
  ck_assert(!fb_cache_dir(buf, sizeof buf));
  set_dir("off");
}
END_TEST

/* many writers of one entry at once (ranks on a shared file system) and readers: a reader sees a miss or the
 * complete entry, never a part */
#define RACE_N (1u << 20)
static const char *RACE_DIR;
static uint8_t RACE_KEY[32];
static void *race_writer(void *arg) {
  (void)arg;
  double *v = malloc(RACE_N * sizeof(double));
  for (unsigned i = 0; i < RACE_N; ++i) v[i] = i * 0.5;
  for (int r = 0; r < 3; ++r) fb_cache_store(RACE_DIR, "race", RACE_KEY, sizeof RACE_KEY, v, RACE_N * sizeof(double));
  free(v);
  return NULL;
}
static void *race_reader(void *arg) {
  int *bad = arg;
  for (int r = 0; r < 20; ++r) {
    void *data;
    size_t n;
    if (fb_cache_load(RACE_DIR, "race", RACE_KEY, sizeof RACE_KEY, &data, &n)) {
      const double *v = data;
      if (n != RACE_N * sizeof(double) || v[RACE_N - 1] != (RACE_N - 1) * 0.5) ++*bad;
      free(data);
    }
  }
  return NULL;
}

START_TEST(test_concurrent_stores) {
  char d[400];
  snprintf(d, sizeof d, "%s/race", DIR_);
  RACE_DIR = d;
  for (int i = 0; i < 32; ++i) RACE_KEY[i] = (uint8_t)i;
  pthread_t th[6];
  int bad[2] = {0, 0};
  for (int k = 0; k < 4; ++k) pthread_create(&th[k], NULL, race_writer, NULL);
  for (int k = 4; k < 6; ++k) pthread_create(&th[k], NULL, race_reader, &bad[k - 4]);
  for (int k = 0; k < 6; ++k) pthread_join(th[k], NULL);
  ck_assert_int_eq(bad[0] + bad[1], 0);
  void *data;
  size_t n;
  ck_assert(fb_cache_load(d, "race", RACE_KEY, sizeof RACE_KEY, &data, &n));
  free(data);
  ck_assert_int_eq(count_files("race", "race-"), 1); /* no temporary file left behind */
}
END_TEST

/* The annihilation factors A_e, A_mu of the plasma table computed on every 4th node and interpolated in between
 * (bbn_background.c, ee_rate_factor_table): against the direct quadrature at every node, and the abundances of
 * standard BBN with the table as built against the table with every node computed (tight rtol, so that the
 * network's integration noise does not hide the difference). */
START_TEST(test_coarse_plasma_factors) {
  const int n = REF.n_ee;
  double e3 = 0.0, e30 = 0.0;
  bbn_tables full = REF; /* the same arrays except the factors */
  double *drho = malloc(4 * (size_t)n * sizeof(double));
  ck_assert(drho != NULL);
  memcpy(drho, REF.ee_drho, 4 * (size_t)n * sizeof(double));
  full.ee_drho = drho;
  full.ee_ann_e = drho + n;
  full.ee_ann_mu = drho + 2 * n;
  full.ee_scat = drho + 3 * n;
  for (int i = 0; i < n; ++i) {
    double Ae, Am, S;
    bbn_ee_rate_factors(exp(REF.ee_z[i]), &Ae, &Am, &S);
    ck_assert(S == REF.ee_scat[i]);
    full.ee_ann_e[i] = Ae;
    full.ee_ann_mu[i] = Am;
    const double de = fabs(REF.ee_ann_e[i] / Ae - 1.0), dm = fabs(REF.ee_ann_mu[i] / Am - 1.0);
    if (Ae > 1e-3 && de > e3) e3 = de;
    if (Am > 1e-3 && dm > e3) e3 = dm;
    if (Ae > 1e-30 && de > e30) e30 = de;
    if (Am > 1e-30 && dm > e30) e30 = dm;
    if (!(Ae > 1e-30)) ck_assert(fabs(REF.ee_ann_e[i] - Ae) < 1e-29);
  }
  printf("coarse A_e, A_mu: max relative error %.2e where A > 1e-3, %.2e where A > 1e-30\n", e3, e30);
  ck_assert_msg(e3 < 5e-5, "A > 1e-3: %.2e", e3);
  ck_assert_msg(e30 < 2e-3, "A > 1e-30: %.2e", e30);
  fb_err err;
  fb_err_clear(&err);
  bbn_params p;
  bbn_params_default(&p);
  p.theory_errors = BBN_TH_PRIMAT;
  p.rtol = 1e-9;
  for (int k = 0; k < 2; ++k) {
    p.delta_neff = k ? 1.0 : 0.0;
    bbn_result a, b;
    ck_assert_int_eq(bbn_solve(&REF, &p, &a, &err), FB_OK);
    ck_assert_int_eq(bbn_solve(&full, &p, &b, &err), FB_OK);
    const double dY = fabs(a.Yp_mass / b.Yp_mass - 1.0), dD = fabs(a.D_H / b.D_H - 1.0), dN = fabs(a.Neff - b.Neff);
    printf("delta_neff = %g: coarse vs every node: Yp %.2e, D/H %.2e (relative), Neff %.2e\n", p.delta_neff, dY, dD,
           dN);
    ck_assert_msg(dY < 5e-7 && dD < 5e-7 && dN < 2e-6, "Yp %.2e D/H %.2e Neff %.2e", dY, dD, dN);
  }
  free(drho);
}
END_TEST

/* The S-factor quadratures of the nuclear-rate table on every 4th node (bbn_network.c, bbn_tables_build): the
 * table against bbn_rate_forward at every node, and standard BBN with it against the table of every node. */
START_TEST(test_coarse_rate_table) {
  const int n = REF.n_rate;
  bbn_tables full = REF;
  double *lr = malloc((size_t)BBN_N_REAC * n * sizeof(double));
  ck_assert(lr != NULL);
  full.ln_rate = lr;
  double worst = 0.0;
  int n_quad = 0;
  for (int k = 0; k < BBN_N_REAC; ++k) {
    n_quad += bbn_rate_is_quadrature(k);
    for (int i = 0; i < n; ++i) {
      const double T9 = exp(REF.lnT9_min + (REF.lnT9_max - REF.lnT9_min) * i / (n - 1));
      lr[k * n + i] = log(bbn_rate_forward(k, T9));
      const double d = fabs(REF.ln_rate[k * n + i] - lr[k * n + i]);
      if (!bbn_rate_is_quadrature(k)) ck_assert(d == 0.0);
      if (d > worst) worst = d;
    }
  }
  printf("coarse S-factor rates (%d reactions): max |d ln R| = %.2e\n", n_quad, worst);
  ck_assert_int_eq(n_quad, 3);
  ck_assert_msg(worst < 1e-5, "max |d ln R| = %.2e", worst);
  fb_err err;
  fb_err_clear(&err);
  bbn_params p;
  bbn_params_default(&p);
  p.theory_errors = BBN_TH_PRIMAT;
  p.rtol = 1e-9;
  for (int k = 0; k < 2; ++k) {
    p.omega_b_h2 = k ? 0.03 : 0.02242;
    bbn_result a, b;
    ck_assert_int_eq(bbn_solve(&REF, &p, &a, &err), FB_OK);
    ck_assert_int_eq(bbn_solve(&full, &p, &b, &err), FB_OK);
    const double dY = fabs(a.Yp_mass / b.Yp_mass - 1.0), dD = fabs(a.D_H / b.D_H - 1.0),
                 d3 = fabs(a.He3_H / b.He3_H - 1.0), d7 = fabs(a.Li7_H / b.Li7_H - 1.0);
    printf("omega_b h^2 = %g: coarse vs every node (relative): Yp %.2e, D/H %.2e, 3He/H %.2e, 7Li/H %.2e\n",
           p.omega_b_h2, dY, dD, d3, d7);
    ck_assert_msg(dY < 1e-6 && dD < 1e-6 && d3 < 1e-6 && d7 < 1e-5, "Yp %.2e D/H %.2e 3He %.2e 7Li %.2e", dY, dD,
                  d3, d7);
  }
  free(lr);
}
END_TEST

/* The weak-rate table's p segments (ratio 1.5, bbn_weak.c) against the former ratio 1.25: the interpolated rates
 * on a fine (T, T_nu/T) grid and standard BBN at rtol 1e-9. */
START_TEST(test_weak_segments) {
  fb_err err;
  fb_err_clear(&err);
  bbn_tables fine = REF;
  ck_assert_int_eq(bbn_weak_table_build_seg(&fine, 1.25, &err), FB_OK); /* new ln_lam_np, ln_lam_pn */
  double worst = 0.0, worst_50 = 0.0;
  for (int i = 0; i <= 400; ++i) {
    const double T = exp(log(0.005) + (log(10.0) - log(0.005)) * i / 400.0);
    for (int j = 0; j <= 30; ++j) {
      const double r = 0.6 + 0.6 * j / 30.0;
      double a1, b1, a2, b2;
      ck_assert_int_eq(bbn_weak_rates(&fine, T, r, 880.0, &a1, &b1, &err), FB_OK);
      ck_assert_int_eq(bbn_weak_rates(&REF, T, r, 880.0, &a2, &b2, &err), FB_OK);
      double d = fabs(log(a2 / a1));
      if (b1 > 1e-3 * a1 && fabs(log(b2 / b1)) > d) d = fabs(log(b2 / b1));
      if (d > worst) worst = d;
      if (T > 0.05 && d > worst_50) worst_50 = d;
    }
  }
  printf("weak rates, p segments 1.5 vs 1.25: max |d ln lambda| %.2e (T > 50 keV: %.2e)\n", worst, worst_50);
  ck_assert_msg(worst < 5e-6 && worst_50 < 1e-7, "%.2e %.2e", worst, worst_50);
  bbn_params p;
  bbn_params_default(&p);
  p.theory_errors = BBN_TH_PRIMAT;
  p.rtol = 1e-9;
  for (int k = 0; k < 2; ++k) {
    p.delta_neff = k ? 2.0 : 0.0;
    bbn_result a, b;
    ck_assert_int_eq(bbn_solve(&REF, &p, &a, &err), FB_OK);
    ck_assert_int_eq(bbn_solve(&fine, &p, &b, &err), FB_OK);
    const double dY = fabs(a.Yp_mass / b.Yp_mass - 1.0), dD = fabs(a.D_H / b.D_H - 1.0);
    printf("delta_neff = %g: segments 1.5 vs 1.25 (relative): Yp %.2e, D/H %.2e\n", p.delta_neff, dY, dD);
    ck_assert_msg(dY < 1e-7 && dD < 1e-7, "Yp %.2e D/H %.2e", dY, dD);
  }
  free(fine.ln_lam_np);
  free(fine.ln_lam_pn);
}
END_TEST

/* Every node of the weak-rate table is a finite ln lambda above the -700 floor of a vanishing rate (review: the
 * first-order finite-nucleon-mass correction reached -100% at T = 32 MeV, T_nu/T = 0.5 (NaN in ln lambda_np) and
 * 1.3 (the floor in ln lambda_pn); bbn_weak.c bounds it), and the lookup on a fine grid near the T = 32 MeV edge,
 * over the whole T_nu/T range, gives finite positive rates. */
START_TEST(test_weak_finite) {
  fb_err err;
  fb_err_clear(&err);
  int bad = 0;
  for (int i = 0; i < REF.n_T * REF.n_r; ++i)
    if (!isfinite(REF.ln_lam_np[i]) || !isfinite(REF.ln_lam_pn[i]) || !(REF.ln_lam_np[i] > -700.0) ||
        !(REF.ln_lam_pn[i] > -700.0)) {
      if (bad++ < 5) printf("weak-rate node %d (T %d, r %d): ln lambda %g %g\n", i, i % REF.n_T, i / REF.n_T,
                            REF.ln_lam_np[i], REF.ln_lam_pn[i]);
    }
  ck_assert_msg(bad == 0, "%d weak-rate nodes not finite", bad);
  for (int i = 0; i <= 40; ++i) {
    const double T = exp(log(10.0) + (REF.lnT_max - log(10.0)) * i / 40.0);
    for (int j = 0; j <= 40; ++j) {
      const double r = REF.r_min + (REF.r_max - REF.r_min) * j / 40.0;
      double a, b;
      ck_assert_int_eq(bbn_weak_rates(&REF, T, r, 880.0, &a, &b, &err), FB_OK);
      ck_assert_msg(isfinite(a) && isfinite(b) && a > 0.0 && b > 0.0, "T %g r %g: %g %g", T, r, a, b);
    }
  }
}
END_TEST

/* The theory-error nodes from the sensitivities to the A <= 4 reactions only (BBN_TH_SENS_FORWARD_LIGHT, what
 * bbn_theory_err_get uses) against all 14 reactions (BBN_TH_SENS_FORWARD), at the 5 nodes and outside them. */
START_TEST(test_light_sensitivities) {
  fb_err err;
  fb_err_clear(&err);
  const double w[7] = {0.010, 0.0164, 0.0190, 0.02242, 0.0265, 0.0307, 0.05};
  double worst = 0.0;
  for (int i = 0; i < 7; ++i) {
    bbn_theory_err a, b;
    const double t0 = clock() / (double)CLOCKS_PER_SEC;
    ck_assert_int_eq(bbn_theory_err_compute_method(&REF, w[i], BBN_TH_SENS_FORWARD_LIGHT, &a, &err), FB_OK);
    const double t1 = clock() / (double)CLOCKS_PER_SEC;
    ck_assert_int_eq(bbn_theory_err_compute_method(&REF, w[i], BBN_TH_SENS_FORWARD, &b, &err), FB_OK);
    const double t2 = clock() / (double)CLOCKS_PER_SEC;
    /* the solves differ by the integration noise: the simultaneous corrector's Newton test sees the sensitivities */
    const double dX0 = fabs(a.X[0] / b.X[0] - 1.0), dX1 = fabs(a.X[1] / b.X[1] - 1.0);
    ck_assert_msg(dX0 < 1e-4 && dX1 < 1e-4, "Yp %.2e D/H %.2e", dX0, dX1);
    /* the truncation alone: the full solve's error budget summed over the A <= 4 reactions only */
    double d[3], trunc = 0.0;
    for (int x = 0; x < 3; ++x) {
      d[x] = fabs(a.rel[x] / b.rel[x] - 1.0);
      if (d[x] > worst) worst = d[x];
      double s2 = b.rel_tau_n[x] * b.rel_tau_n[x];
      for (int k = 0; k < BBN_N_REAC; ++k) {
        const bbn_reaction *r = &bbn_reactions[k];
        const int sp[4] = {r->a, r->b, r->c, r->d};
        int light = 1;
        for (int m = 0; m < 4; ++m)
          if (sp[m] >= 0 && bbn_nuclides[sp[m]].A > 4) light = 0;
        if (light) s2 += pow(b.sens[k][x] * bbn_rate_sigma_rel(k), 2);
        else ck_assert(a.sens[k][x] == 0.0);
      }
      const double t = fabs(sqrt(s2) / b.rel[x] - 1.0);
      if (t > trunc) trunc = t;
    }
    printf("  truncation (A >= 6 reactions left out of the full budget): %.2e\n", trunc);
    ck_assert_msg(trunc < 1e-6, "truncation %.2e", trunc);
    printf("Omega_b h^2 = %.4f: A <= 4 vs all reactions: sigma(Yp) %.2e, sigma(D/H) %.2e, sigma(3He/H) %.2e "
           "(relative; Yp, D/H %.1e %.1e); %.1f vs %.1f ms\n", w[i], d[0], d[1], d[2], dX0, dX1, 1e3 * (t1 - t0),
           1e3 * (t2 - t1));
    ck_assert(isnan(a.rel[3]));
  }
  ck_assert_msg(worst < 1e-4, "%.2e", worst); /* integration noise of the two solves at rtol 1e-5 */
}
END_TEST

/* two backgrounds the same byte for byte (the scalars and the 9 n samples) */
static int bg_same(const bbn_background *a, const bbn_background *b) {
  return a->n == b->n && !memcmp(a->ln_t, b->ln_t, sizeof(double) * 9 * (size_t)a->n) &&
         a->t_start_s == b->t_start_s && a->t_end_s == b->t_end_s && a->nb_start_MeV3 == b->nb_start_MeV3 &&
         a->eta == b->eta && a->Neff == b->Neff && a->Neff_rec == b->Neff_rec &&
         a->Tnu_over_T_end == b->Tnu_over_T_end && a->Tnumu_over_T_end == b->Tnumu_over_T_end && a->YX0 == b->YX0;
}

/* bbn_background_memo.c: a repeated standard background is the solved one to the last bit; another input, or
 * plasma tables changed in place, is a miss (solved anew) */
START_TEST(test_background_memo) {
  fb_err err;
  fb_err_clear(&err);
  bbn_tables t;
  ck_assert_int_eq(bbn_tables_build(&t, &err), FB_OK);
  bbn_params p;
  bbn_params_default(&p);
  bbn_background ref, g1, g2, g3, ref3;
  ck_assert_int_eq(bbn_background_solve(&t, &p, &ref, &err), FB_OK);
  ck_assert_int_eq(bbn_background_get(&t, &p, &g1, &err), FB_OK);
  ck_assert_int_eq(bbn_background_get(&t, &p, &g2, &err), FB_OK); /* from the memo */
  ck_assert(bg_same(&g1, &ref) && bg_same(&g2, &ref));
  ck_assert(g1.ln_t != g2.ln_t); /* each caller owns its copy */
  bbn_background_free(&g1);
  ck_assert(bg_same(&g2, &ref)); /* still valid after the other copy is freed */
  /* another input: not the kept one */
  p.delta_neff = 0.5;
  ck_assert_int_eq(bbn_background_get(&t, &p, &g3, &err), FB_OK);
  ck_assert_int_eq(bbn_background_solve(&t, &p, &ref3, &err), FB_OK);
  ck_assert(bg_same(&g3, &ref3) && g3.Neff > ref.Neff + 0.4);
  bbn_background_free(&g3);
  /* the plasma tables changed in place (same address): a miss, the new tables' background */
  t.qed_P[t.n_qed / 2] *= 1.01;
  ck_assert_int_eq(bbn_background_get(&t, &p, &g3, &err), FB_OK);
  ck_assert(!bg_same(&g3, &ref3));
  bbn_background_free(&ref3);
  ck_assert_int_eq(bbn_background_solve(&t, &p, &ref3, &err), FB_OK);
  ck_assert(bg_same(&g3, &ref3));
  /* a standard solve twice (its background from the memo the second time) gives the same abundances */
  bbn_params_default(&p);
  p.theory_errors = BBN_TH_PRIMAT;
  bbn_result r1, r2;
  ck_assert_int_eq(bbn_solve(&REF, &p, &r1, &err), FB_OK);
  ck_assert_int_eq(bbn_solve(&REF, &p, &r2, &err), FB_OK);
  ck_assert(r1.Yp_mass == r2.Yp_mass && r1.D_H == r2.D_H && r1.Li7_H == r2.Li7_H && r1.Neff == r2.Neff);
  bbn_background_free(&ref);
  bbn_background_free(&g2);
  bbn_background_free(&g3);
  bbn_background_free(&ref3);
  bbn_tables_free(&t);
}
END_TEST

static Suite *cache_suite(void) {
  Suite *s = suite_create("bbn_cache");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_code_id);
  tcase_add_test(tc, test_tables_roundtrip);
  tcase_add_test(tc, test_key_change_invalidates);
  tcase_add_test(tc, test_corrupt_rejected);
  tcase_add_test(tc, test_theory_node);
  tcase_add_test(tc, test_off_and_location);
  tcase_add_test(tc, test_concurrent_stores);
  tcase_add_test(tc, test_coarse_plasma_factors);
  tcase_add_test(tc, test_coarse_rate_table);
  tcase_add_test(tc, test_weak_segments);
  tcase_add_test(tc, test_weak_finite);
  tcase_add_test(tc, test_light_sensitivities);
  tcase_add_test(tc, test_background_memo);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  gsl_set_error_handler_off();
  snprintf(DIR_, sizeof DIR_, "%s/fb_cache_test.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  if (!mkdtemp(DIR_)) {
    perror("mkdtemp");
    return 1;
  }
  fb_err err;
  fb_err_clear(&err);
  if (bbn_tables_build(&REF, &err) != FB_OK) {
    fprintf(stderr, "bbn_tables_build: %s\n", err.msg);
    return 1;
  }
  SRunner *sr = srunner_create(cache_suite());
  srunner_set_fork_status(sr, CK_NOFORK);
  srunner_run_all(sr, CK_VERBOSE);
  const int nf = srunner_ntests_failed(sr);
  srunner_free(sr);
  bbn_tables_free(&REF);
  char cmd[400];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", DIR_);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", DIR_);
  return nf == 0 ? 0 : 1;
}
