/**
 * @file fb_config.h
 * @brief Schema-validated INI input (CLASS explanatory.ini + PETSc options style), parsed with inih.
 *
 * Every module contributes a const table of fb_key_spec (section, key, type, default, allowed range
 * or choices, unit, one-line description). The engine accepts only keys that are in a table, checks
 * every value against its spec and remembers where each value came from, so that any error message
 * names the file, the line, the [section] key, the offending value and what is allowed, e.g.
 *
 *     inputs/bad.ini:7: [grid] n_mass = 0 is out of range: allowed 2 <= n_mass <= 100000
 *
 * Call order:
 *   fb_config_init(&cfg, tables, n_keys, n_tables, err);   defaults applied and validated
 *   fb_config_read_file(&cfg, path, err);                  zero or more files (later files win)
 *   fb_config_set(&cfg, "grid.n_mass=200", err);           each --set, in command-line order
 *   fb_config_check_required(&cfg, err);                   every key without default was given
 *   fb_config_get_double(&cfg, "grid", "mass_min_GeV"), application cross-key checks with
 *   fb_config_error_at(...), fb_config_resolved_text / fb_config_key_at for the output file
 *   fb_config_free(&cfg);
 *
 * Precedence: default < file < --set. A value given with --set is never replaced by a file read
 * afterwards (the file value is still validated), so the precedence does not depend on call order;
 * among files, and among --set assignments, the later one wins.
 *
 * Reads are atomic: when fb_config_read_file / fb_config_read_string / fb_config_set fail, the
 * configuration is left exactly as it was. The engine is independent of MPI: for a parallel run,
 * rank 0 reads the file, broadcasts fb_config_input_text() and the other ranks call
 * fb_config_read_string() with the file name as source_name (same line numbers in messages).
 * Broadcast each file separately if several are read: the concatenated input text of two files
 * that set the same key is, on its own, a file with a duplicate key.
 *
 * INI dialect (the Debian libinih 55 build, defaults of inih): `[section]` headers, `key = value`
 * (or `key: value`), whole-line comments starting with ';' or '#', inline comments starting with
 * ';' preceded by whitespace, leading/trailing whitespace of values stripped. Rejected with an
 * error: keys outside any section, duplicate keys in one file, indented lines following a key
 * (inih would read them as a multi-line continuation), lines longer than inih's line buffer
 * (ini_max_line - 2 = 198 characters; comment lines may be longer, they are cut harmlessly), and
 * section or key names longer than FB_CONFIG_NAME_MAX (inih truncates them silently).
 *
 * Values: DOUBLE is a C strtod number with nothing after it; "nan" is always rejected, "inf" is
 * accepted only if the closed range [min, max] contains it; values that overflow or underflow
 * (strtod sets ERANGE, e.g. 1e999 or the subnormal 1e-310) are rejected. INT is a base-10 integer (no "2.5",
 * no "1e3"). BOOL is one of true/false/yes/no/1/0 (case-insensitive). CHOICE is one of the
 * '|'-separated alternatives (case-sensitive). STRING is any text that can be written back as
 * an INI value (no line breaks, no " ;" inline-comment sequence, not starting with ';').
 *
 * Not thread-safe for one fb_config; several fb_config may be used independently. Not collective.
 */
#ifndef FB_CONFIG_H
#define FB_CONFIG_H

#include <stddef.h>

#include "fb_error.h"

/** Longest section or key name: inih stores them in 50-byte buffers (MAX_SECTION, MAX_NAME). */
#define FB_CONFIG_NAME_MAX 49

/** Value type of a key. */
typedef enum { FB_KEY_DOUBLE, FB_KEY_INT, FB_KEY_STRING, FB_KEY_CHOICE, FB_KEY_BOOL } fb_key_type;

/** One documented input key; modules provide static const tables of these. */
typedef struct fb_key_spec {
  const char *section;       /**< "grid": letters, digits, '_' only */
  const char *key;           /**< "mass_min_GeV": letters, digits, '_' only */
  fb_key_type type;          /**< value type */
  const char *default_value; /**< default as text, e.g. "1e-3"; NULL = required key */
  double min, max;           /**< allowed closed range for DOUBLE/INT (-HUGE_VAL/HUGE_VAL: none) */
  const char *choices;       /**< for CHOICE: "log|linear"; NULL otherwise */
  const char *unit;          /**< "GeV", "" (or NULL) if dimensionless */
  const char *description;   /**< one line */
} fb_key_spec;

/** Where a value came from. */
enum fb_config_origin_kind {
  FB_CONFIG_UNSET = 0,   /**< required key not given yet */
  FB_CONFIG_DEFAULT = 1, /**< default of the key spec */
  FB_CONFIG_FILE = 2,    /**< an input file or string (fb_config_read_file / _read_string) */
  FB_CONFIG_SET = 3      /**< a --set assignment (fb_config_set) */
};

/** One key with its current value (internal to fb_config; use the getters). */
typedef struct fb_config_entry {
  const fb_key_spec *spec; /**< points into the caller's table */
  char *text;              /**< value as text; NULL while a required key is unset */
  char *origin;            /**< "path:line", "default", "--set section.key=value"; NULL if unset */
  int origin_kind;         /**< enum fb_config_origin_kind */
  double value_double;     /**< parsed value for DOUBLE (and INT, converted) */
  long value_int;          /**< parsed value for INT, 0/1 for BOOL, choice index for CHOICE */
} fb_config_entry;

/** A configuration: the schema, one value per key, and the raw input text read. */
typedef struct fb_config {
  fb_config_entry *entries; /**< one per key, in table order */
  size_t n_entries;         /**< number of keys over all tables */
  char *input_text;         /**< raw text of every successful read, concatenated ("" if none) */
  size_t input_len;         /**< strlen(input_text) */
  size_t n_sources;         /**< number of successful file/string reads */
} fb_config;

/**
 * Build a configuration from n_schemas key tables (schemas[i] has n_keys[i] entries). The tables
 * are referenced, not copied: they must outlive cfg (static const tables do). Defaults are
 * applied and validated. A malformed table (bad name, min > max, CHOICE without choices, invalid
 * default, section.key in two places) is a programming error: FB_ERR_INTERNAL.
 * Errors: FB_ERR_INTERNAL, FB_ERR_MEMORY. On failure cfg is left freed (fb_config_free is safe).
 */
int fb_config_init(fb_config *cfg, const fb_key_spec *const *schemas, const size_t *n_keys,
                   size_t n_schemas, fb_err *err);

/**
 * Read an INI file and apply its values (they replace defaults and earlier files, not --set).
 * Keeps the raw text (fb_config_input_text). Errors: FB_ERR_IO (cannot open/read: path and
 * strerror), FB_ERR_INPUT (first error in line order, naming path:line, key, value, allowed
 * range), FB_ERR_MEMORY. On failure cfg is unchanged.
 */
int fb_config_read_file(fb_config *cfg, const char *path, fb_err *err);

/** Same rules as fb_config_read_file for text in memory; messages name source_name as the file
 *  (NULL: "<string>"). */
int fb_config_read_string(fb_config *cfg, const char *text, const char *source_name, fb_err *err);

/** Apply one "section.key=value" assignment (from --set). Errors (FB_ERR_INPUT) name
 *  "--set <assignment>" as the origin. On failure cfg is unchanged. */
int fb_config_set(fb_config *cfg, const char *assignment, fb_err *err);

/** FB_ERR_INPUT listing every required key (no default) that was not given, with its range. */
int fb_config_check_required(const fb_config *cfg, fb_err *err);

/*
 * Getters. Asking for a key that is not in the schema, for an unset required key, or with the
 * wrong type is a programming error: the getter logs it with FB_LOG_ERR and returns NaN (double),
 * 0 (int, bool) or NULL (string); it never aborts. fb_config_get_double also accepts INT keys
 * (value converted); fb_config_get_string accepts every type and returns the value text
 * (for CHOICE: the chosen alternative). Strings stay valid until the key changes or cfg is freed.
 */
double fb_config_get_double(const fb_config *cfg, const char *section, const char *key);
long fb_config_get_int(const fb_config *cfg, const char *section, const char *key);
int fb_config_get_bool(const fb_config *cfg, const char *section, const char *key);
const char *fb_config_get_string(const fb_config *cfg, const char *section, const char *key);

/** 1 if section.key is in the schema, 0 otherwise. */
int fb_config_has_key(const fb_config *cfg, const char *section, const char *key);

/** The raw input text read so far ("" if none): the first source verbatim, each further source
 *  preceded by a comment line "; ==== next input source: NAME ====". Owned by cfg. */
const char *fb_config_input_text(const fb_config *cfg);

/** Every key with its resolved value and origin as INI text (grouped by section, comments give
 *  unit, description and origin). *text_out is malloc'd; the caller frees it. Reading it back with
 *  fb_config_read_string reproduces every value. Unset required keys appear as comments.
 *  Errors: FB_ERR_MEMORY. */
int fb_config_resolved_text(const fb_config *cfg, char **text_out, fb_err *err);

/** Number of keys over all tables. */
size_t fb_config_n_keys(const fb_config *cfg);

/** Key i (0 <= i < n_keys) with its value text (NULL if unset) and origin (NULL if unset); any
 *  output pointer may be NULL. Returns FB_OK, or FB_ERR_RANGE if i is out of range. */
int fb_config_key_at(const fb_config *cfg, size_t i, const fb_key_spec **spec,
                     const char **value_text, const char **origin);

/** Free everything; cfg is zeroed (safe to call twice or on a zeroed struct). */
void fb_config_free(fb_config *cfg);

/**
 * For cross-key checks done by the application (e.g. mass_min_GeV < mass_max_GeV): record
 * "<origin>: [section] key = <value> <why>" in err and return FB_ERR_INPUT, where origin is
 * "path:line", "default" or "--set ...". An unknown key gives FB_ERR_INTERNAL.
 */
int fb_config_error_at(const fb_config *cfg, const char *section, const char *key, const char *why,
                       fb_err *err);

/** Where the value of [section] key came from ("path:line", "default" or "--set ..."), for messages of
 *  cross-key checks that name the other key's origin too; "(unknown key)" if the key is not in the schema. */
const char *fb_config_origin(const fb_config *cfg, const char *section, const char *key);

#endif /* FB_CONFIG_H */
