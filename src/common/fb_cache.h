/**
 * @file fb_cache.h
 * @brief A persistent on-disk cache of deterministic set-up results (tables that depend on nothing but the
 *        compiled code), so that a short process (`fipbounds eval bbn`) does not rebuild them every time.
 *
 * Never stale: an entry is found only under its full key, which the caller builds from every input of the
 * cached result; fb_cache_code_id gives the part "program version": the GNU build-ids of the objects that hold
 * the code computing the result (the executable or library of the caller, and the shared libraries named by
 * the caller, e.g. libgsl, libm: a rebuild or a library update changes them) and the CPU features that select
 * libm's code paths. Without a build-id the cache is off. The key is stored in the file in full and compared
 * byte for byte (the file name holds only its hash), and the file ends with a 64-bit checksum of everything
 * before it: a truncated, corrupt or foreign file is a miss (recomputed), never trusted.
 *
 * Where: $FIPBOUNDS_CACHE_DIR if set ("off", "none", "0" or empty: no cache), else $XDG_CACHE_HOME/fipbounds,
 * else $HOME/.cache/fipbounds. Stores are atomic (temporary file beside the entry, fsync, rename: fb_path.h),
 * so many ranks on a shared file system may store the same entry at once: a reader sees the previous complete
 * file or the new complete one. A store that fails (read-only file system, full disk) is silent: the result
 * was computed anyway. FB_VERBOSE=1 prints hits, misses and stores on stderr.
 */
#ifndef FB_CACHE_H
#define FB_CACHE_H

#include <stddef.h>
#include <stdint.h>

/** Largest key (bytes). */
#define FB_CACHE_KEY_MAX 1024

/** The cache directory into buf (no trailing slash); 0 if the cache is off or the path does not fit. */
int fb_cache_dir(char *buf, size_t cap);

/**
 * Append the program-version part of a key to key[*len .. cap): the build-ids of the object holding own_fn and
 * of the objects defining the shared-library symbols lib_symbols[0 .. n_sym) (a symbol not found dynamically is
 * linked statically, i.e. covered by own_fn's object), and the CPU features (x86-64: fma, avx2, avx512f).
 * Returns 1, or 0 if an object has no build-id or key is full (then the caller must not use the cache).
 */
int fb_cache_code_id(const void *own_fn, const char *const *lib_symbols, int n_sym, uint8_t *key, size_t cap,
                     size_t *len);

/** 64-bit FNV-1a hash of n bytes, continuing from h (start: FB_CACHE_HASH_INIT). */
#define FB_CACHE_HASH_INIT 0xcbf29ce484222325ULL
uint64_t fb_cache_hash(uint64_t h, const void *data, size_t n);

/** The entry's path: <dir>/<name>-<16 hex digits of the key hash>.bin. 0 if it does not fit. */
int fb_cache_path(const char *dir, const char *name, const uint8_t *key, size_t key_len, char *path, size_t cap);

/**
 * Load the entry name/key from the cache directory: 1 and a malloc'd copy of the payload (*data, *n; the caller
 * frees it) if the file exists, has the expected layout, the same key and a correct checksum; 0 otherwise
 * (missing, foreign, truncated or corrupt: the caller recomputes). dir NULL: fb_cache_dir.
 */
int fb_cache_load(const char *dir, const char *name, const uint8_t *key, size_t key_len, void **data, size_t *n);

/** Store the entry atomically (best effort; 1 if written). An existing entry of the same key is left as it is
 *  unless it fails fb_cache_load (a corrupt file is replaced). dir NULL: fb_cache_dir. Entries of the same
 *  name not used (modified) for 30 days are removed on the way. */
int fb_cache_store(const char *dir, const char *name, const uint8_t *key, size_t key_len, const void *data,
                   size_t n);

#endif /* FB_CACHE_H */
