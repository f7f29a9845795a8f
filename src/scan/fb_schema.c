/**
 * @file fb_schema.c
 * @brief The complete input schema of `fipbounds run`: the [run]/[model]/[grid] keys of the scan
 *        driver plus the keys of every registered model. inputs/explanatory.ini documents exactly
 *        these keys (a test checks it).
 */
#include <string.h>

#include "fb_limits.h"
#include "fb_scan.h"

#define FB_MAX_SCHEMAS 64 /* key tables: scan, limits and one per model with keys */

int fb_input_schema(const fb_key_spec *const **tables, const size_t **counts, size_t *n_tables) {
  static fb_key_spec scan_keys[64];
  static const fb_key_spec *table_list[FB_MAX_SCHEMAS];
  static size_t count_list[FB_MAX_SCHEMAS];
  static size_t n = 0;
  if (n == 0) {
    if (fb_scan_n_keys > sizeof scan_keys / sizeof scan_keys[0]) return FB_ERR_INTERNAL;
    memcpy(scan_keys, fb_scan_keys, fb_scan_n_keys * sizeof(fb_key_spec));
    /* the allowed models are the registered ones */
    for (size_t i = 0; i < fb_scan_n_keys; i++)
      if (!strcmp(scan_keys[i].section, "model") && !strcmp(scan_keys[i].key, "name"))
        scan_keys[i].choices = fb_model_choices();
    table_list[n] = scan_keys;
    count_list[n++] = fb_scan_n_keys;
    /* [limits]: merged into the output after a complete scan (src/limits, app_run.c) */
    table_list[n] = fb_limits_keys;
    count_list[n++] = fb_limits_n_keys;
    for (size_t m = 0; m < fb_model_count(); m++) {
      const fb_model_ops *ops = fb_model_at(m);
      if (ops->n_keys == 0) continue;
      if (n >= FB_MAX_SCHEMAS) return FB_ERR_INTERNAL; /* never drop a model's keys silently */
      table_list[n] = ops->keys;
      count_list[n++] = ops->n_keys;
    }
  }
  *tables = table_list;
  *counts = count_list;
  *n_tables = n;
  return FB_OK;
}
