/**
 * @file fb_h5_lazy.c
 * @brief The HDF5 library loaded on first use (dlopen) instead of at process start.
 *
 * Why: Debian's libhdf5_openmpi pulls in libcurl and its 30 dependencies (GnuTLS, Kerberos, LDAP, SSH, ...):
 * linked normally, every fipbounds process maps and relocates 44 shared objects before main(), ~5 ms of CPU,
 * although `eval` and most tests never touch HDF5 (docs/performance.md, "start-up without HDF5"). Here every
 * HDF5 function the project calls is defined with the prototype of <hdf5.h> (the compiler checks it) and
 * forwards to the library's own function; the library (its SONAME, FB_HDF5_LIBRARY, found by CMake) is opened,
 * initialised (H5open) and its symbols resolved once, at the first call, thread-safely (pthread_once). The
 * predefined type and property-list class ids (H5T_NATIVE_DOUBLE_g, ...) are variables of the library that the
 * macros of <hdf5.h> read after calling H5open(): they are defined here and copied from the library when it is
 * initialised, so `H5T_NATIVE_DOUBLE` (= `(H5open(), H5T_NATIVE_DOUBLE_g)`) has the library's value.
 *
 * Nothing else changes: the library is initialised at the first HDF5 call, as it was (HDF5 initialises itself
 * on its first API call). If the library cannot be loaded, the message goes to stderr once and every call
 * fails as HDF5 calls fail (negative id or status; 0 for sizes), so callers report their usual errors.
 * A function not listed below is a link error (undefined symbol): add it to FB_H5_FUNCS.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <hdf5.h>
#include <pthread.h>
#include <stdio.h>

#ifndef FB_HDF5_LIBRARY
#error "FB_HDF5_LIBRARY (the HDF5 shared library to dlopen) must be defined by the build"
#endif

/* X(return type, name, parameters, arguments, value on failure) */
#define FB_H5_FUNCS(X)                                                                                        \
  X(herr_t, H5open, (void), (), -1)                                                                          \
  X(herr_t, H5check_version, (unsigned a, unsigned b, unsigned c), (a, b, c), -1)                            \
  X(herr_t, H5get_libversion, (unsigned *a, unsigned *b, unsigned *c), (a, b, c), -1)                        \
  X(herr_t, H5free_memory, (void *m), (m), -1)                                                               \
  X(herr_t, H5Eset_auto2, (hid_t e, H5E_auto2_t f, void *d), (e, f, d), -1)                                  \
  X(herr_t, H5Eget_auto2, (hid_t e, H5E_auto2_t *f, void **d), (e, f, d), -1)                               \
  X(herr_t, H5Eauto_is_v2, (hid_t e, unsigned *v), (e, v), -1)                                               \
  X(herr_t, H5Eget_auto1, (H5E_auto1_t *f, void **d), (f, d), -1) /* H5E_BEGIN_TRY/H5E_END_TRY */          \
  X(herr_t, H5Eset_auto1, (H5E_auto1_t f, void *d), (f, d), -1)                                              \
  X(hid_t, H5Fcreate, (const char *n, unsigned f, hid_t c, hid_t a), (n, f, c, a), H5I_INVALID_HID)          \
  X(hid_t, H5Fopen, (const char *n, unsigned f, hid_t a), (n, f, a), H5I_INVALID_HID)                        \
  X(herr_t, H5Fclose, (hid_t f), (f), -1)                                                                    \
  X(herr_t, H5Fflush, (hid_t o, H5F_scope_t s), (o, s), -1)                                                  \
  X(ssize_t, H5Fget_name, (hid_t o, char *n, size_t s), (o, n, s), -1)                                       \
  X(ssize_t, H5Fget_file_image, (hid_t f, void *b, size_t n), (f, b, n), -1)                                 \
  X(hid_t, H5Gcreate2, (hid_t l, const char *n, hid_t a, hid_t b, hid_t c), (l, n, a, b, c), H5I_INVALID_HID) \
  X(hid_t, H5Gopen2, (hid_t l, const char *n, hid_t a), (l, n, a), H5I_INVALID_HID)                          \
  X(herr_t, H5Gclose, (hid_t g), (g), -1)                                                                    \
  X(hid_t, H5Dcreate2, (hid_t l, const char *n, hid_t t, hid_t s, hid_t a, hid_t b, hid_t c),                \
    (l, n, t, s, a, b, c), H5I_INVALID_HID)                                                                  \
  X(hid_t, H5Dopen2, (hid_t l, const char *n, hid_t a), (l, n, a), H5I_INVALID_HID)                          \
  X(herr_t, H5Dclose, (hid_t d), (d), -1)                                                                    \
  X(hid_t, H5Dget_space, (hid_t d), (d), H5I_INVALID_HID)                                                    \
  X(hid_t, H5Dget_type, (hid_t d), (d), H5I_INVALID_HID)                                                     \
  X(herr_t, H5Dread, (hid_t d, hid_t t, hid_t m, hid_t f, hid_t x, void *b), (d, t, m, f, x, b), -1)         \
  X(herr_t, H5Dwrite, (hid_t d, hid_t t, hid_t m, hid_t f, hid_t x, const void *b), (d, t, m, f, x, b), -1)  \
  X(herr_t, H5Dvlen_reclaim, (hid_t t, hid_t s, hid_t x, void *b), (t, s, x, b), -1)                         \
  X(hid_t, H5Acreate2, (hid_t l, const char *n, hid_t t, hid_t s, hid_t a, hid_t b), (l, n, t, s, a, b),     \
    H5I_INVALID_HID)                                                                                         \
  X(hid_t, H5Aopen, (hid_t o, const char *n, hid_t a), (o, n, a), H5I_INVALID_HID)                           \
  X(hid_t, H5Aopen_by_name, (hid_t l, const char *o, const char *n, hid_t a, hid_t b), (l, o, n, a, b),      \
    H5I_INVALID_HID)                                                                                         \
  X(herr_t, H5Aclose, (hid_t a), (a), -1)                                                                    \
  X(herr_t, H5Adelete, (hid_t l, const char *n), (l, n), -1)                                                 \
  X(htri_t, H5Aexists, (hid_t o, const char *n), (o, n), -1)                                                 \
  X(hid_t, H5Aget_type, (hid_t a), (a), H5I_INVALID_HID)                                                     \
  X(herr_t, H5Aread, (hid_t a, hid_t t, void *b), (a, t, b), -1)                                             \
  X(herr_t, H5Awrite, (hid_t a, hid_t t, const void *b), (a, t, b), -1)                                      \
  X(herr_t, H5Lcreate_hard, (hid_t a, const char *b, hid_t c, const char *d, hid_t e, hid_t f),              \
    (a, b, c, d, e, f), -1)                                                                                  \
  X(herr_t, H5Ldelete, (hid_t l, const char *n, hid_t a), (l, n, a), -1)                                     \
  X(htri_t, H5Lexists, (hid_t l, const char *n, hid_t a), (l, n, a), -1)                                     \
  X(herr_t, H5Literate, (hid_t g, H5_index_t i, H5_iter_order_t o, hsize_t *x, H5L_iterate_t f, void *d),    \
    (g, i, o, x, f, d), -1)                                                                                  \
  X(herr_t, H5Lmove, (hid_t a, const char *b, hid_t c, const char *d, hid_t e, hid_t f), (a, b, c, d, e, f), \
    -1)                                                                                                      \
  X(hid_t, H5Oopen, (hid_t l, const char *n, hid_t a), (l, n, a), H5I_INVALID_HID)                           \
  X(herr_t, H5Oclose, (hid_t o), (o), -1)                                                                    \
  X(herr_t, H5Ocopy, (hid_t a, const char *b, hid_t c, const char *d, hid_t e, hid_t f), (a, b, c, d, e, f), \
    -1)                                                                                                      \
  X(herr_t, H5Oget_info_by_name, (hid_t l, const char *n, H5O_info_t *i, hid_t a), (l, n, i, a), -1)        \
  X(hid_t, H5Pcreate, (hid_t c), (c), H5I_INVALID_HID)                                                       \
  X(herr_t, H5Pclose, (hid_t p), (p), -1)                                                                    \
  X(herr_t, H5Pset_create_intermediate_group, (hid_t p, unsigned c), (p, c), -1)                             \
  X(herr_t, H5Pset_fapl_core, (hid_t p, size_t i, hbool_t b), (p, i, b), -1)                                 \
  X(herr_t, H5Pset_obj_track_times, (hid_t p, hbool_t t), (p, t), -1)                                        \
  X(hid_t, H5Screate, (H5S_class_t t), (t), H5I_INVALID_HID)                                                 \
  X(hid_t, H5Screate_simple, (int r, const hsize_t d[], const hsize_t m[]), (r, d, m), H5I_INVALID_HID)      \
  X(herr_t, H5Sclose, (hid_t s), (s), -1)                                                                    \
  X(int, H5Sget_simple_extent_dims, (hid_t s, hsize_t d[], hsize_t m[]), (s, d, m), -1)                      \
  X(int, H5Sget_simple_extent_ndims, (hid_t s), (s), -1)                                                     \
  X(hssize_t, H5Sget_simple_extent_npoints, (hid_t s), (s), -1)                                              \
  X(hid_t, H5Tcreate, (H5T_class_t c, size_t n), (c, n), H5I_INVALID_HID)                                    \
  X(hid_t, H5Tcopy, (hid_t t), (t), H5I_INVALID_HID)                                                         \
  X(herr_t, H5Tclose, (hid_t t), (t), -1)                                                                    \
  X(htri_t, H5Tequal, (hid_t a, hid_t b), (a, b), -1)                                                        \
  X(H5T_class_t, H5Tget_class, (hid_t t), (t), H5T_NO_CLASS)                                                 \
  X(H5T_cset_t, H5Tget_cset, (hid_t t), (t), H5T_CSET_ERROR)                                                 \
  X(size_t, H5Tget_size, (hid_t t), (t), 0)                                                                  \
  X(herr_t, H5Tinsert, (hid_t p, const char *n, size_t o, hid_t m), (p, n, o, m), -1)                        \
  X(htri_t, H5Tis_variable_str, (hid_t t), (t), -1)                                                          \
  X(herr_t, H5Tset_cset, (hid_t t, H5T_cset_t c), (t, c), -1)                                                \
  X(herr_t, H5Tset_size, (hid_t t, size_t n), (t, n), -1)                                                    \
  X(herr_t, H5Tset_strpad, (hid_t t, H5T_str_t s), (t, s), -1)

/* the library's predefined ids that the project's macros read (H5T_NATIVE_DOUBLE, H5P_FILE_ACCESS, ...) */
#define FB_H5_IDS(X)                                                                                          \
  X(H5T_NATIVE_DOUBLE_g) X(H5T_NATIVE_INT_g) X(H5T_NATIVE_LONG_g) X(H5T_NATIVE_LLONG_g) X(H5T_NATIVE_UINT8_g) \
  X(H5T_NATIVE_UINT64_g) X(H5T_C_S1_g) X(H5T_IEEE_F64LE_g) X(H5T_STD_I32LE_g) X(H5T_STD_I64LE_g)             \
  X(H5T_STD_U8LE_g) X(H5T_STD_U64LE_g) X(H5P_CLS_DATASET_CREATE_ID_g) X(H5P_CLS_FILE_ACCESS_ID_g)            \
  X(H5P_CLS_FILE_CREATE_ID_g) X(H5P_CLS_GROUP_CREATE_ID_g) X(H5P_CLS_LINK_CREATE_ID_g)                       \
  X(H5P_CLS_OBJECT_COPY_ID_g)

#define FB_H5_ID_DEF(name) hid_t name = H5I_INVALID_HID;
FB_H5_IDS(FB_H5_ID_DEF)

/* the library's functions, resolved once */
#define FB_H5_PTR(ret, name, params, args, fail) static ret(*p_##name) params;
FB_H5_FUNCS(FB_H5_PTR)

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
  void *lib = dlopen(FB_HDF5_LIBRARY, RTLD_LAZY | RTLD_LOCAL);
  if (!lib) {
    fprintf(stderr, "fipbounds: cannot load the HDF5 library %s: %s\n", FB_HDF5_LIBRARY, dlerror());
    return;
  }
  int ok = 1;
#define FB_H5_RESOLVE(ret, name, params, args, fail) \
  ok = ok && (*(void **)&p_##name = dlsym(lib, #name)) != NULL;
  FB_H5_FUNCS(FB_H5_RESOLVE)
  if (ok && p_H5open() >= 0) {
#define FB_H5_COPY(name)                    \
  {                                         \
    const hid_t *v = dlsym(lib, #name);     \
    ok = ok && v;                           \
    if (v) name = *v;                       \
  }
    FB_H5_IDS(FB_H5_COPY)
  } else {
    ok = 0;
  }
  if (!ok) {
    fprintf(stderr, "fipbounds: the HDF5 library %s lacks a function or variable fipbounds uses, or did not "
                    "initialise\n", FB_HDF5_LIBRARY);
#define FB_H5_CLEAR(ret, name, params, args, fail) p_##name = NULL;
    FB_H5_FUNCS(FB_H5_CLEAR)
  }
}

#define FB_H5_DEF(ret, name, params, args, fail) \
  ret name params {                              \
    pthread_once(&once, load);                   \
    return p_##name ? p_##name args : fail;      \
  }
FB_H5_FUNCS(FB_H5_DEF)
