/** @file fb_cache.c @brief Persistent cache of deterministic set-up results (see fb_cache.h). */
#define _GNU_SOURCE
#include "fb_cache.h"

#include <dirent.h>
#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fb_error.h"
#include "fb_path.h"

static const char MAGIC[8] = {'F', 'B', 'C', 'A', 'C', 'H', 'E', '1'};
#define HEADER_BYTES (sizeof MAGIC + 2 * sizeof(uint64_t))
#define PRUNE_AGE_S (30.0 * 86400.0)

static int verbose(void) {
  const char *v = getenv("FB_VERBOSE");
  return v && *v && strcmp(v, "0") != 0;
}

uint64_t fb_cache_hash(uint64_t h, const void *data, size_t n) {
  const unsigned char *p = data;
  for (size_t i = 0; i < n; ++i) {
    h ^= p[i];
    h *= 0x100000001b3ULL; /* FNV-1a 64-bit prime */
  }
  return h;
}

int fb_cache_dir(char *buf, size_t cap) {
  const char *d = getenv("FIPBOUNDS_CACHE_DIR");
  int w;
  if (d) {
    if (!*d || !strcmp(d, "off") || !strcmp(d, "none") || !strcmp(d, "0")) return 0;
    w = snprintf(buf, cap, "%s", d);
  } else if ((d = getenv("XDG_CACHE_HOME")) && d[0] == '/') { /* the XDG spec: relative paths are ignored */
    w = snprintf(buf, cap, "%s/fipbounds", d);
  } else if ((d = getenv("HOME")) && d[0] == '/') {
    w = snprintf(buf, cap, "%s/.cache/fipbounds", d);
  } else {
    return 0;
  }
  return w > 0 && (size_t)w < cap;
}

/* ------------------------------------------------------------------ build-ids */

typedef struct id_search {
  uintptr_t addr;
  const uint8_t *id;
  size_t id_len;
  int found; /* the object holding addr was found */
} id_search;

static int find_object(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  id_search *s = data;
  int holds = 0;
  for (int i = 0; i < info->dlpi_phnum && !holds; ++i) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    const uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
    if (ph->p_type == PT_LOAD && s->addr >= lo && s->addr < lo + ph->p_memsz) holds = 1;
  }
  if (!holds) return 0;
  s->found = 1;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    if (ph->p_type != PT_NOTE) continue;
    const uint8_t *p = (const uint8_t *)(info->dlpi_addr + ph->p_vaddr), *end = p + ph->p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      const ElfW(Nhdr) *nh = (const ElfW(Nhdr) *)p;
      const size_t name_sz = (nh->n_namesz + 3u) & ~3u, desc_sz = (nh->n_descsz + 3u) & ~3u;
      const uint8_t *name = p + sizeof(ElfW(Nhdr)), *desc = name + name_sz;
      if (desc + nh->n_descsz > end) break;
      if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 && !memcmp(name, "GNU", 4) && nh->n_descsz > 0) {
        s->id = desc;
        s->id_len = nh->n_descsz;
        return 1;
      }
      p = desc + desc_sz;
    }
  }
  return 1; /* found, without a build-id */
}

static int append(uint8_t *key, size_t cap, size_t *len, const void *data, size_t n) {
  if (*len + n > cap) return 0;
  memcpy(key + *len, data, n);
  *len += n;
  return 1;
}

static int append_id_of(uintptr_t addr, uint8_t *key, size_t cap, size_t *len) {
  id_search s = {addr, NULL, 0, 0};
  dl_iterate_phdr(find_object, &s);
  if (!s.found || !s.id) return 0;
  const uint32_t n = (uint32_t)s.id_len;
  return append(key, cap, len, &n, sizeof n) && append(key, cap, len, s.id, s.id_len);
}

int fb_cache_code_id(const void *own_fn, const char *const *lib_symbols, int n_sym, uint8_t *key, size_t cap,
                     size_t *len) {
  if (!append_id_of((uintptr_t)own_fn, key, cap, len)) return 0;
  for (int k = 0; k < n_sym; ++k) {
    void *a = dlsym(RTLD_DEFAULT, lib_symbols[k]);
    if (a && !append_id_of((uintptr_t)a, key, cap, len)) return 0;
  }
  /* the CPU features that select glibc's libm variants (sysdeps/x86_64/fpu/multiarch: ifunc-fma.h, ifunc-fma4.h,
   * ifunc-avx-fma4.h): results differ in the last bit between them, so a cache shared between nodes of different
   * architectures must not mix them */
  uint8_t cpu[6] = {0, 0, 0, 0, 0, 0};
#if defined(__x86_64__) && defined(__GNUC__)
  __builtin_cpu_init();
  cpu[0] = (uint8_t)(__builtin_cpu_supports("fma") != 0);
  cpu[1] = (uint8_t)(__builtin_cpu_supports("avx2") != 0);
  cpu[2] = (uint8_t)(__builtin_cpu_supports("avx512f") != 0);
  cpu[3] = 1;
  cpu[4] = (uint8_t)(__builtin_cpu_supports("avx") != 0);
  cpu[5] = (uint8_t)(__builtin_cpu_supports("fma4") != 0);
#endif
  return append(key, cap, len, cpu, sizeof cpu);
}

/* ------------------------------------------------------------------ entries */

int fb_cache_path(const char *dir, const char *name, const uint8_t *key, size_t key_len, char *path, size_t cap) {
  const uint64_t h = fb_cache_hash(FB_CACHE_HASH_INIT, key, key_len);
  const int w = snprintf(path, cap, "%s/%s-%016llx.bin", dir, name, (unsigned long long)h);
  return w > 0 && (size_t)w < cap;
}

static int read_all(const char *path, uint8_t **buf, size_t *n) {
  *buf = NULL;
  const int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < (off_t)(HEADER_BYTES + sizeof(uint64_t)) ||
      st.st_size > (off_t)1 << 30) {
    close(fd);
    return 0;
  }
  uint8_t *b = malloc((size_t)st.st_size);
  size_t done = 0;
  while (b && done < (size_t)st.st_size) {
    const ssize_t r = read(fd, b + done, (size_t)st.st_size - done);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    done += (size_t)r;
  }
  close(fd);
  if (!b || done != (size_t)st.st_size) {
    free(b);
    return 0;
  }
  *buf = b;
  *n = done;
  return 1;
}

int fb_cache_load(const char *dir, const char *name, const uint8_t *key, size_t key_len, void **data, size_t *n) {
  char dbuf[4096], path[4352];
  *data = NULL;
  *n = 0;
  if (!dir) {
    if (!fb_cache_dir(dbuf, sizeof dbuf)) return 0;
    dir = dbuf;
  }
  if (!fb_cache_path(dir, name, key, key_len, path, sizeof path)) return 0;
  uint8_t *b;
  size_t sz;
  if (!read_all(path, &b, &sz)) {
    if (verbose()) fprintf(stderr, "fb_cache: miss %s (no entry)\n", path);
    return 0;
  }
  uint64_t klen, plen, sum;
  memcpy(&klen, b + sizeof MAGIC, sizeof klen);
  memcpy(&plen, b + sizeof MAGIC + sizeof klen, sizeof plen);
  const char *why = NULL;
  if (memcmp(b, MAGIC, sizeof MAGIC)) {
    why = "not a cache file";
  } else if (klen != key_len || plen > sz || sz != HEADER_BYTES + klen + plen + sizeof sum) {
    why = "layout (truncated or foreign)";
  } else if (memcmp(b + HEADER_BYTES, key, key_len)) {
    why = "different key";
  } else {
    memcpy(&sum, b + sz - sizeof sum, sizeof sum);
    if (sum != fb_cache_hash(FB_CACHE_HASH_INIT, b, sz - sizeof sum)) why = "checksum (corrupt)";
  }
  if (why) {
    if (verbose()) fprintf(stderr, "fb_cache: rejected %s: %s\n", path, why);
    free(b);
    return 0;
  }
  void *out = malloc(plen ? plen : 1);
  if (!out) {
    free(b);
    return 0;
  }
  memcpy(out, b + HEADER_BYTES + klen, plen);
  free(b);
  *data = out;
  *n = plen;
  if (verbose()) fprintf(stderr, "fb_cache: hit %s\n", path);
  return 1;
}

/* remove <dir>/<name>-*.bin (and stale temporary files of it) not modified for PRUNE_AGE_S, except keep */
static void prune(const char *dir, const char *name, const char *keep) {
  DIR *d = opendir(dir);
  if (!d) return;
  const size_t nl = strlen(name);
  const time_t now = time(NULL);
  struct dirent *e;
  char path[4352];
  while ((e = readdir(d))) {
    if (strncmp(e->d_name, name, nl) || e->d_name[nl] != '-' || !strstr(e->d_name, ".bin")) continue;
    const int w = snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    if (w <= 0 || (size_t)w >= sizeof path || !strcmp(path, keep)) continue;
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && difftime(now, st.st_mtime) > PRUNE_AGE_S) unlink(path);
  }
  closedir(d);
}

int fb_cache_store(const char *dir, const char *name, const uint8_t *key, size_t key_len, const void *data,
                   size_t n) {
  char dbuf[4096], path[4352];
  if (!dir) {
    if (!fb_cache_dir(dbuf, sizeof dbuf)) return 0;
    dir = dbuf;
  }
  if (!fb_cache_path(dir, name, key, key_len, path, sizeof path)) return 0;
  void *old;
  size_t old_n;
  if (fb_cache_load(dir, name, key, key_len, &old, &old_n)) { /* another process was first */
    free(old);
    return 0;
  }
  fb_err err;
  fb_err_clear(&err);
  if (fb_mkdir_parents(path, &err) != FB_OK) return 0;
  const uint64_t klen = key_len, plen = n;
  const size_t sz = HEADER_BYTES + key_len + n + sizeof(uint64_t);
  uint8_t *b = malloc(sz);
  if (!b) return 0;
  memcpy(b, MAGIC, sizeof MAGIC);
  memcpy(b + sizeof MAGIC, &klen, sizeof klen);
  memcpy(b + sizeof MAGIC + sizeof klen, &plen, sizeof plen);
  memcpy(b + HEADER_BYTES, key, key_len);
  memcpy(b + HEADER_BYTES + key_len, data, n);
  const uint64_t sum = fb_cache_hash(FB_CACHE_HASH_INIT, b, sz - sizeof sum);
  memcpy(b + sz - sizeof sum, &sum, sizeof sum);
  char *tmp = NULL;
  int fd = -1, ok = 0;
  if (fb_tmp_create(path, &tmp, &fd, &err) == FB_OK) ok = fb_tmp_commit(path, tmp, &fd, b, sz, &err) == FB_OK;
  free(tmp);
  free(b);
  if (verbose()) fprintf(stderr, "fb_cache: %s %s\n", ok ? "stored" : "could not store", path);
  if (ok) prune(dir, name, path);
  return ok;
}
