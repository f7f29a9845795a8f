/**
 * @file fb_benchmark_axes.c
 * @brief The runtime table of the benchmark planes (fb_benchmark_axes.h), built from the same rows as
 *        the scan models' initialisers, and the old names accepted as aliases.
 */
#include "fb_benchmark_axes.h"

#include <string.h>

#define ROW_(MN, MU, MD, ML, CN, CU, CD, CL, CDEF) {MN, MU, MD, ML}, {CN, CU, CD, CL}, CDEF
#define BENCH(B, MODEL, MODEL_ALIASES, COUPLING_ALIASES) {#B, MODEL, FB_AXES_##B(ROW_), MODEL_ALIASES, COUPLING_ALIASES}

/* Old names (issue 13: one naming scheme, old names accepted with a message). */
static const fb_benchmark_axes table[] = {
    BENCH(BC1, "bc1", "darkphoton|dark_photon", "eps"),
    BENCH(BC2, NULL, "", ""),
    BENCH(BC3, "bc3", "millicharge", "eps"),
    BENCH(BC4, "bc4", "", "theta2"),
    BENCH(BC5, "bc5", "", "theta2"),
    BENCH(BC6, "bc6", "", "U2_e"),
    BENCH(BC7, "bc7", "", "U2_mu"),
    BENCH(BC8, "bc8", "", "U2_tau"),
    BENCH(BC9, "bc9", "alp_photon", "g_agg|g_agg_GeV"),
    BENCH(BC10, "bc10", "", ""),
    BENCH(BC11, "bc11", "", ""),
};
#define N_TABLE (sizeof table / sizeof table[0])

size_t fb_benchmark_axes_count(void) { return N_TABLE; }
const fb_benchmark_axes *fb_benchmark_axes_at(size_t i) { return i < N_TABLE ? &table[i] : NULL; }

const fb_benchmark_axes *fb_benchmark_axes_find(const char *benchmark) {
  for (size_t i = 0; benchmark && i < N_TABLE; i++)
    if (!strcmp(table[i].benchmark, benchmark)) return &table[i];
  return NULL;
}

const fb_benchmark_axes *fb_benchmark_axes_of_model(const char *model) {
  for (size_t i = 0; model && i < N_TABLE; i++)
    if (table[i].model && !strcmp(table[i].model, model)) return &table[i];
  return NULL;
}

/* 1 if `name` is one of the '|'-separated words of `list` */
static int in_list(const char *list, const char *name) {
  const size_t n = strlen(name);
  for (const char *p = list; n && p && *p;) {
    const char *bar = strchr(p, '|');
    const size_t len = bar ? (size_t)(bar - p) : strlen(p);
    if (len == n && !strncmp(p, name, n)) return 1;
    p = bar ? bar + 1 : NULL;
  }
  return 0;
}

const char *fb_benchmark_coupling_canonical(const char *name) {
  for (size_t i = 0; name && i < N_TABLE; i++)
    if (in_list(table[i].coupling_aliases, name)) return table[i].coupling.name;
  return name;
}

const char *fb_benchmark_model_canonical(const char *name) {
  for (size_t i = 0; name && i < N_TABLE; i++)
    if (in_list(table[i].model_aliases, name)) return table[i].model;
  return NULL;
}
