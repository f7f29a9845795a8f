/**
 * @file fb_config.c
 * @brief Schema-validated INI input; see fb_config.h.
 *
 * inih (Debian libinih 55) is built without line numbers in the handler (INI_HANDLER_LINENO 0),
 * so the text is fed through ini_parse_stream with our own reader. The reader hands inih exactly
 * one physical line per call (cutting over-long lines and skipping their rest), so its call count
 * is the line number, and it classifies each line the way inih will (comment, section header,
 * multi-line continuation, key) so that section headers and continuations can be checked at their
 * own line. The handler validates each key = value and stores it in a staging area that is
 * committed only when the whole text is free of errors. Of all errors found, the one on the
 * smallest line is reported.
 */
#include "fb_config.h"

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_config_internal.h"
#include "fb_log.h"

#ifndef INI_START_COMMENT_PREFIXES
#define INI_START_COMMENT_PREFIXES ";#"
#endif
#ifndef INI_INLINE_COMMENT_PREFIXES
#define INI_INLINE_COMMENT_PREFIXES ";"
#endif

/* Fallback line limit if a reader is called with a tiny buffer (never happens with inih). */
#define CFG_MIN_READER_BUF 8


/* ------------------------------------------------------------------ small string helpers */

/* ------------------------------------------------------------------ schema lookup */

static long cfg_find(const fb_config *cfg, const char *section, const char *key) {
  if (!cfg || !section || !key) return -1;
  for (size_t i = 0; i < cfg->n_entries; i++) {
    const fb_key_spec *s = cfg->entries[i].spec;
    if (strcmp(s->section, section) == 0 && strcmp(s->key, key) == 0) return (long)i;
  }
  return -1;
}

static int cfg_section_known(const fb_config *cfg, const char *section) {
  for (size_t i = 0; i < cfg->n_entries; i++)
    if (strcmp(cfg->entries[i].spec->section, section) == 0) return 1;
  return 0;
}

/* Case-insensitive Levenshtein distance; a large value if either name is too long to bother. */
static size_t cfg_edit_distance(const char *a, const char *b) {
  enum { NMAX = 64 };
  size_t na = strlen(a), nb = strlen(b);
  if (na >= NMAX || nb >= NMAX) return (size_t)-1;
  size_t prev[NMAX + 1], cur[NMAX + 1];
  for (size_t j = 0; j <= nb; j++) prev[j] = j;
  for (size_t i = 1; i <= na; i++) {
    cur[0] = i;
    for (size_t j = 1; j <= nb; j++) {
      size_t sub = prev[j - 1] +
                   (tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]) ? 1 : 0);
      size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
    }
    memcpy(prev, cur, (nb + 1) * sizeof *prev);
  }
  return prev[nb];
}

/* Close enough to suggest: at most 2 edits, or a third of the name. */
static int cfg_close(size_t d, const char *name) {
  size_t n = strlen(name);
  return d <= 2 || d <= n / 3;
}

/* The section name closest to `section`, or NULL. */
static const char *cfg_suggest_section(const fb_config *cfg, const char *section) {
  const char *best = NULL;
  size_t best_d = (size_t)-1;
  for (size_t i = 0; i < cfg->n_entries; i++) {
    const char *c = cfg->entries[i].spec->section;
    size_t d = cfg_edit_distance(section, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best && cfg_close(best_d, section) ? best : NULL;
}

/* Hint for an unknown key in a known section: " (did you mean X?)", or the section it is in. */
static void cfg_key_hint(const fb_config *cfg, const char *section, const char *key, char *out,
                         size_t n) {
  const char *best = NULL;
  size_t best_d = (size_t)-1;
  out[0] = '\0';
  for (size_t i = 0; i < cfg->n_entries; i++) {
    const fb_key_spec *s = cfg->entries[i].spec;
    if (strcmp(s->section, section) != 0) continue;
    size_t d = cfg_edit_distance(key, s->key);
    if (d < best_d) {
      best_d = d;
      best = s->key;
    }
  }
  if (best && cfg_close(best_d, key)) {
    snprintf(out, n, " (did you mean %s?)", best);
    return;
  }
  for (size_t i = 0; i < cfg->n_entries; i++) {
    const fb_key_spec *s = cfg->entries[i].spec;
    if (strcmp(s->key, key) == 0) {
      snprintf(out, n, " (%s is a key of section [%s])", key, s->section);
      return;
    }
  }
}

/* Messages for unknown section / key, shared by files and --set. */
static void cfg_unknown_section_msg(const fb_config *cfg, const char *section, char *out,
                                    size_t n) {
  const char *sug = cfg_suggest_section(cfg, section);
  char hint[128] = "";
  if (sug) snprintf(hint, sizeof hint, " (did you mean [%s]?)", sug);
  snprintf(out, n, "unknown section [%s]%s", section, hint);
}

static void cfg_unknown_key_msg(const fb_config *cfg, const char *section, const char *key,
                                char *out, size_t n) {
  char hint[256];
  cfg_key_hint(cfg, section, key, hint, sizeof hint);
  snprintf(out, n, "unknown key %s in section [%s]%s", key[0] ? key : "\"\"", section, hint);
}

/* ------------------------------------------------------------------ init / free */

static int cfg_name_ok(const char *name) {
  if (!name || !name[0] || strlen(name) > FB_CONFIG_NAME_MAX) return 0;
  for (const char *p = name; *p; p++)
    if (!(isalnum((unsigned char)*p) || *p == '_')) return 0;
  return 1;
}

static int cfg_one_line(const char *s) { return !s || !strpbrk(s, "\r\n"); }

/* Check one table entry; on error returns FB_ERR_INTERNAL with a message naming the table slot. */
static int cfg_check_spec(const fb_key_spec *s, size_t table, size_t k, fb_err *err) {
  FB_TEST(err, !cfg_name_ok(s->section) || !cfg_name_ok(s->key), FB_ERR_INTERNAL,
          "key table %zu entry %zu: section \"%s\" / key \"%s\" must be 1 to %d characters of "
          "[A-Za-z0-9_]",
          table, k, s->section ? s->section : "(null)", s->key ? s->key : "(null)",
          FB_CONFIG_NAME_MAX);
  FB_TEST(err, (int)s->type < (int)FB_KEY_DOUBLE || (int)s->type > (int)FB_KEY_BOOL,
          FB_ERR_INTERNAL, "key table %zu: [%s] %s has an invalid type %d", table, s->section,
          s->key, (int)s->type);
  if (s->type == FB_KEY_DOUBLE || s->type == FB_KEY_INT)
    FB_TEST(err, isnan(s->min) || isnan(s->max) || s->min > s->max, FB_ERR_INTERNAL,
            "key table %zu: [%s] %s has an invalid range min = %g, max = %g", table, s->section,
            s->key, s->min, s->max);
  if (s->type == FB_KEY_CHOICE) {
    int bad = !s->choices || !s->choices[0] || s->choices[0] == '|' ||
              s->choices[strlen(s->choices) - 1] == '|' || strstr(s->choices, "||") ||
              strlen(s->choices) > 900;
    FB_TEST(err, bad, FB_ERR_INTERNAL,
            "key table %zu: [%s] %s is a CHOICE key with invalid choices \"%s\"", table,
            s->section, s->key, s->choices ? s->choices : "(null)");
  }
  FB_TEST(err, !cfg_one_line(s->unit) || !cfg_one_line(s->description), FB_ERR_INTERNAL,
          "key table %zu: [%s] %s: unit and description must be one line", table, s->section,
          s->key);
  return FB_OK;
}

int fb_config_init(fb_config *cfg, const fb_key_spec *const *schemas, const size_t *n_keys,
                   size_t n_schemas, fb_err *err) {
  FB_TEST(err, !cfg, FB_ERR_INTERNAL, "cfg is NULL");
  memset(cfg, 0, sizeof *cfg);
  FB_TEST(err, n_schemas > 0 && (!schemas || !n_keys), FB_ERR_INTERNAL,
          "%zu key tables announced but schemas or n_keys is NULL", n_schemas);
  int rc = FB_OK;
  size_t total = 0;
  for (size_t t = 0; t < n_schemas; t++) {
    FB_TEST(err, n_keys[t] > 0 && !schemas[t], FB_ERR_INTERNAL, "key table %zu is NULL", t);
    total += n_keys[t];
  }
  cfg->input_text = fb_cfg_strdup("");
  FB_TEST_GOTO(err, rc, !cfg->input_text, FB_ERR_MEMORY, fail, "out of memory");
  if (total > 0) {
    cfg->entries = calloc(total, sizeof *cfg->entries);
    FB_TEST_GOTO(err, rc, !cfg->entries, FB_ERR_MEMORY, fail, "cannot allocate %zu keys", total);
  }
  for (size_t t = 0; t < n_schemas; t++) {
    for (size_t k = 0; k < n_keys[t]; k++) {
      const fb_key_spec *s = &schemas[t][k];
      FB_CALL_GOTO(err, rc, cfg_check_spec(s, t, k, err), fail);
      long dup = cfg_find(cfg, s->section, s->key);
      FB_TEST_GOTO(err, rc, dup >= 0, FB_ERR_INTERNAL, fail,
                   "key table %zu entry %zu: [%s] %s is already defined by another entry", t, k,
                   s->section, s->key);
      fb_config_entry *e = &cfg->entries[cfg->n_entries++];
      e->spec = s;
      e->origin_kind = FB_CONFIG_UNSET;
      if (!s->default_value) continue;
      char why[2048];
      fb_cfg_value v;
      int ok = fb_cfg_parse_value(s, s->default_value, &v, why, sizeof why);
      if (ok && s->type != FB_KEY_STRING)
        ok = fb_cfg_text_representable(s, s->default_value, fb_cfg_max_line_chars(), why,
                                       sizeof why);
      FB_TEST_GOTO(err, rc, !ok, FB_ERR_INTERNAL, fail,
                   "key table %zu: default of [%s] %s = %s %s", t, s->section, s->key,
                   fb_cfg_show(s->default_value), why);
      e->text = fb_cfg_strdup(s->default_value);
      e->origin = fb_cfg_strdup("default");
      FB_TEST_GOTO(err, rc, !e->text || !e->origin, FB_ERR_MEMORY, fail, "out of memory");
      e->origin_kind = FB_CONFIG_DEFAULT;
      e->value_double = v.d;
      e->value_int = v.i;
    }
  }
  return FB_OK;
fail:
  fb_config_free(cfg);
  return rc;
}

void fb_config_free(fb_config *cfg) {
  if (!cfg) return;
  for (size_t i = 0; i < cfg->n_entries; i++) {
    free(cfg->entries[i].text);
    free(cfg->entries[i].origin);
  }
  free(cfg->entries);
  free(cfg->input_text);
  memset(cfg, 0, sizeof *cfg);
}

/* ------------------------------------------------------------------ parsing a text */

/* State shared by the reader and the handler during one ini_parse_stream call. */
typedef struct cfg_parse {
  const fb_config *cfg;
  const char *source; /* file name for messages */
  const char *text;
  size_t len, pos;
  long lineno;           /* physical line handed to inih last */
  int cur_continuation;  /* current line is a multi-line continuation for inih */
  int prev_name_set;     /* inih's prev_name is non-empty (a key since the last header) */
  char prev_name[FB_CONFIG_NAME_MAX + 1];
  long prev_name_line;
  /* staging: one slot per entry */
  char **stage_text;
  long *stage_line;
  fb_cfg_value *stage_value;
  char **stage_origin; /* "source:line" for the slots that will be committed */
  /* first error in line order */
  long err_line;
  int err_code;
  char err_msg[FB_ERR_MSG_LEN - 256];
  size_t n_errors;
} cfg_parse;

static void cfg_record(cfg_parse *p, long line, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void cfg_record(cfg_parse *p, long line, int code, const char *fmt, ...) {
  p->n_errors++;
  if (p->err_line != 0 && line >= p->err_line) return;
  p->err_line = line;
  p->err_code = code;
  int n = snprintf(p->err_msg, sizeof p->err_msg, "%s:%ld: ", p->source, line);
  if (n < 0 || (size_t)n >= sizeof p->err_msg) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(p->err_msg + n, sizeof p->err_msg - (size_t)n, fmt, ap);
  va_end(ap);
}

/* First position in s of a char in `chars` or of an inline comment (as inih finds them). */
static const char *cfg_find_chars_or_comment(const char *s, const char *chars) {
  int was_space = 0;
  while (*s && !(chars && strchr(chars, *s)) &&
         !(INI_ALLOW_INLINE_COMMENTS && was_space && strchr(INI_INLINE_COMMENT_PREFIXES, *s))) {
    was_space = isspace((unsigned char)*s);
    s++;
  }
  return s;
}

/* Classify the line just handed to inih (buffer `line`, ending in '\n'). */
static void cfg_classify(cfg_parse *p, const char *line, int too_long) {
  const char *s = line;
  if (p->lineno == 1 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
      (unsigned char)s[2] == 0xBF)
    s += 3;
  const char *start = s;
  while (*start && isspace((unsigned char)*start)) start++;
  p->cur_continuation = 0;
  if (!*start || strchr(INI_START_COMMENT_PREFIXES, *start)) return; /* blank or comment */
  if (too_long)
    cfg_record(p, p->lineno, FB_ERR_INPUT,
               "line is longer than %d characters (inih's line buffer); shorten it",
               fb_cfg_max_line_chars());
  if (INI_ALLOW_MULTILINE && p->prev_name_set && start > line) {
    p->cur_continuation = 1;
    return;
  }
  if (*start != '[') { /* key line: inih keeps only FB_CONFIG_NAME_MAX characters of the name */
    const char *sep = cfg_find_chars_or_comment(start, "=:");
    if (*sep != '=' && *sep != ':') return; /* no separator: inih reports the syntax error */
    const char *end = sep;
    while (end > start && isspace((unsigned char)end[-1])) end--;
    if (end - start > FB_CONFIG_NAME_MAX)
      cfg_record(p, p->lineno, FB_ERR_INPUT,
                 "key name \"%.*s...\" is longer than %d characters (no such key exists)", 20,
                 start, FB_CONFIG_NAME_MAX);
    return;
  }
  {
    const char *end = cfg_find_chars_or_comment(start + 1, "]");
    if (*end != ']') return; /* inih reports the syntax error */
    p->prev_name_set = 0;
    char name[256];
    size_t n = (size_t)(end - start - 1);
    if (n >= sizeof name) n = sizeof name - 1;
    memcpy(name, start + 1, n);
    name[n] = '\0';
    if (!cfg_section_known(p->cfg, name)) {
      char msg[512];
      cfg_unknown_section_msg(p->cfg, name, msg, sizeof msg);
      cfg_record(p, p->lineno, FB_ERR_INPUT, "%s", msg);
    }
  }
}

/* inih reader: one physical line per call, so the call count is the line number. */
static char *cfg_reader(char *str, int num, void *stream) {
  cfg_parse *p = stream;
  if (p->pos >= p->len || num < CFG_MIN_READER_BUF) return NULL;
  const char *line = p->text + p->pos;
  size_t rest = p->len - p->pos;
  const char *nl = memchr(line, '\n', rest);
  size_t linelen = nl ? (size_t)(nl - line) : rest;
  p->pos += linelen + (nl ? 1 : 0);
  p->lineno++;
  size_t content = linelen;
  if (content > 0 && line[content - 1] == '\r') content--;
  size_t maxc = (size_t)num - 2; /* room for '\n' and '\0' */
  size_t ncopy = linelen < maxc ? linelen : maxc;
  memcpy(str, line, ncopy);
  str[ncopy] = '\n';
  str[ncopy + 1] = '\0';
  cfg_classify(p, str, content > maxc);
  return str;
}

/* inih handler: validate and stage one key = value. Always returns 1 (errors are recorded). */
static int cfg_handler(void *user, const char *section, const char *name, const char *value) {
  cfg_parse *p = user;
  long line = p->lineno;
  if (!value) value = "";
  if (p->cur_continuation) {
    cfg_record(p, line, FB_ERR_INPUT,
               "indented line \"%s\" follows key %s (line %ld): inih would read it as a "
               "continuation of that value; multi-line values are not supported, remove the "
               "leading whitespace",
               value, p->prev_name, p->prev_name_line);
    return 1;
  }
  p->prev_name_set = 1;
  snprintf(p->prev_name, sizeof p->prev_name, "%s", name);
  p->prev_name_line = line;
  if (!section[0]) {
    cfg_record(p, line, FB_ERR_INPUT,
               "%s = %s appears before any [section] header; every key belongs to a section",
               name, fb_cfg_show(value));
    return 1;
  }
  char msg[1024];
  if (!cfg_section_known(p->cfg, section)) {
    cfg_unknown_section_msg(p->cfg, section, msg, sizeof msg);
    cfg_record(p, line, FB_ERR_INPUT, "%s (key %s = %s)", msg, name, fb_cfg_show(value));
    return 1;
  }
  long idx = cfg_find(p->cfg, section, name);
  if (idx < 0) {
    cfg_unknown_key_msg(p->cfg, section, name, msg, sizeof msg);
    cfg_record(p, line, FB_ERR_INPUT, "%s", msg);
    return 1;
  }
  const fb_key_spec *s = p->cfg->entries[idx].spec;
  if (p->stage_line[idx]) {
    cfg_record(p, line, FB_ERR_INPUT,
               "[%s] %s is given twice in this file: on line %ld (%s = %s) and on line %ld "
               "(%s = %s); keep one",
               section, name, p->stage_line[idx], name, fb_cfg_show(p->stage_text[idx]), line, name,
               fb_cfg_show(value));
    return 1;
  }
  char why[2048];
  fb_cfg_value v;
  if (!fb_cfg_parse_value(s, value, &v, why, sizeof why)) {
    cfg_record(p, line, FB_ERR_INPUT, "[%s] %s = %s %s", section, name, fb_cfg_show(value), why);
    return 1;
  }
  char *copy = fb_cfg_strdup(value);
  if (!copy) {
    cfg_record(p, 0, FB_ERR_MEMORY, "out of memory while storing [%s] %s", section, name);
    return 1;
  }
  p->stage_text[idx] = copy;
  p->stage_line[idx] = line;
  p->stage_value[idx] = v;
  return 1;
}

/* The text of physical line `line` (1-based) of text, into out. */
static void cfg_line_text(const char *text, size_t len, long line, char *out, size_t n) {
  const char *s = text, *end = text + len;
  for (long l = 1; l < line && s < end; l++) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    s = nl ? nl + 1 : end;
  }
  const char *nl = memchr(s, '\n', (size_t)(end - s));
  size_t k = nl ? (size_t)(nl - s) : (size_t)(end - s);
  while (k > 0 && isspace((unsigned char)s[k - 1])) k--;
  while (k > 0 && isspace((unsigned char)*s)) {
    s++;
    k--;
  }
  if (k > 120) k = 120;
  snprintf(out, n, "%.*s", (int)k, s);
}

/* Append one source to cfg->input_text. */
static int cfg_append_input(fb_config *cfg, const char *text, size_t len, const char *source,
                            fb_err *err) {
  fb_cfg_buf b = {cfg->input_text, cfg->input_len, cfg->input_len + 1, 0};
  if (cfg->n_sources > 0) {
    if (b.len > 0 && b.s[b.len - 1] != '\n') fb_cfg_buf_add(&b, "\n");
    fb_cfg_buf_add(&b, "; ==== next input source: %s ====\n", source);
  }
  fb_cfg_buf_add(&b, "%.*s", (int)len, text);
  if (b.oom) {
    /* b.s may have been reallocated before running out: keep it owned by cfg */
    cfg->input_text = b.s;
    if (cfg->input_text) cfg->input_text[cfg->input_len] = '\0';
    FB_FAIL(err, FB_ERR_MEMORY, "out of memory while keeping the input text of %s", source);
  }
  cfg->input_text = b.s;
  cfg->input_len = b.len;
  cfg->n_sources++;
  return FB_OK;
}

/* Parse text (len bytes, no NUL inside) from `source`, commit it if error-free. */
static int cfg_parse_text(fb_config *cfg, const char *text, size_t len, const char *source,
                          fb_err *err) {
  int rc = FB_OK;
  size_t n = cfg->n_entries ? cfg->n_entries : 1;
  cfg_parse *p = calloc(1, sizeof *p);
  FB_TEST(err, !p, FB_ERR_MEMORY, "out of memory");
  p->cfg = cfg;
  p->source = source;
  p->text = text;
  p->len = len;
  p->stage_text = calloc(n, sizeof *p->stage_text);
  p->stage_line = calloc(n, sizeof *p->stage_line);
  p->stage_value = calloc(n, sizeof *p->stage_value);
  p->stage_origin = calloc(n, sizeof *p->stage_origin);
  FB_TEST_GOTO(err, rc, !p->stage_text || !p->stage_line || !p->stage_value || !p->stage_origin,
               FB_ERR_MEMORY,
               cleanup, "out of memory");

  int ini_rc = ini_parse_stream(cfg_reader, p, cfg_handler, p);
  FB_TEST_GOTO(err, rc, ini_rc < 0, FB_ERR_MEMORY, cleanup,
               "inih failed to allocate memory while parsing %s (ini_parse_stream returned %d)",
               source, ini_rc);
  if (ini_rc > 0 && (p->err_line == 0 || ini_rc < p->err_line)) {
    char ltxt[160];
    cfg_line_text(text, len, ini_rc, ltxt, sizeof ltxt);
    const char *what = ltxt[0] == '['
                           ? "is a section header without a closing ']'"
                           : "is neither a [section] header nor a key = value line";
    cfg_record(p, ini_rc, FB_ERR_INPUT, "syntax error: \"%s\" %s", ltxt, what);
  }
  if (p->err_code != FB_OK) {
    if (p->n_errors > 1)
      FB_TEST_GOTO(err, rc, 1, p->err_code, cleanup, "%s\n  (%zu errors in %s; this is the first)",
                   p->err_msg, p->n_errors, source);
    FB_TEST_GOTO(err, rc, 1, p->err_code, cleanup, "%s", p->err_msg);
  }
  /* allocate every origin first, then keep the raw text: if either fails nothing has changed */
  for (size_t i = 0; i < cfg->n_entries; i++) {
    if (!p->stage_line[i] || cfg->entries[i].origin_kind == FB_CONFIG_SET) continue;
    char where[32];
    snprintf(where, sizeof where, ":%ld", p->stage_line[i]);
    p->stage_origin[i] = malloc(strlen(source) + strlen(where) + 1);
    FB_TEST_GOTO(err, rc, !p->stage_origin[i], FB_ERR_MEMORY, cleanup, "out of memory");
    strcpy(p->stage_origin[i], source);
    strcat(p->stage_origin[i], where);
  }
  FB_CALL_GOTO(err, rc, cfg_append_input(cfg, text, len, source, err), cleanup);
  for (size_t i = 0; i < cfg->n_entries; i++) {
    if (!p->stage_origin[i]) continue; /* not in this text, or given with --set (which wins) */
    fb_config_entry *e = &cfg->entries[i];
    free(e->text);
    free(e->origin);
    e->text = p->stage_text[i];
    p->stage_text[i] = NULL;
    e->origin = p->stage_origin[i];
    p->stage_origin[i] = NULL;
    e->origin_kind = FB_CONFIG_FILE;
    e->value_double = p->stage_value[i].d;
    e->value_int = p->stage_value[i].i;
  }
cleanup:
  for (size_t i = 0; i < n; i++) {
    if (p->stage_text) free(p->stage_text[i]);
    if (p->stage_origin) free(p->stage_origin[i]);
  }
  free(p->stage_text);
  free(p->stage_origin);
  free(p->stage_line);
  free(p->stage_value);
  free(p);
  return rc;
}

int fb_config_read_string(fb_config *cfg, const char *text, const char *source_name,
                          fb_err *err) {
  FB_TEST(err, !cfg || !text, FB_ERR_INTERNAL, "cfg or text is NULL");
  if (!source_name) source_name = "<string>";
  FB_CALL(err, cfg_parse_text(cfg, text, strlen(text), source_name, err));
  return FB_OK;
}

int fb_config_read_file(fb_config *cfg, const char *path, fb_err *err) {
  FB_TEST(err, !cfg || !path, FB_ERR_INTERNAL, "cfg or path is NULL");
  int rc = FB_OK;
  char *text = NULL;
  FILE *f = fopen(path, "rb");
  FB_TEST(err, !f, FB_ERR_IO, "cannot open input file %s: %s", path, strerror(errno));
  size_t len = 0, cap = 0;
  for (;;) {
    if (cap - len < 4096) {
      cap = 2 * cap + 8192;
      char *t = realloc(text, cap);
      FB_TEST_GOTO(err, rc, !t, FB_ERR_MEMORY, cleanup, "out of memory reading %s", path);
      text = t;
    }
    size_t got = fread(text + len, 1, cap - len - 1, f);
    len += got;
    if (got == 0) break;
  }
  FB_TEST_GOTO(err, rc, ferror(f), FB_ERR_IO, cleanup, "cannot read input file %s: %s", path,
               strerror(errno));
  text[len] = '\0';
  FB_TEST_GOTO(err, rc, memchr(text, '\0', len) != NULL, FB_ERR_INPUT, cleanup,
               "%s: contains a NUL byte at offset %zu: not a text INI file", path,
               (size_t)((char *)memchr(text, '\0', len) - text));
  FB_CALL_GOTO(err, rc, cfg_parse_text(cfg, text, len, path, err), cleanup);
cleanup:
  fclose(f);
  free(text);
  return rc;
}

/* ------------------------------------------------------------------ --set */

int fb_config_set(fb_config *cfg, const char *assignment, fb_err *err) {
  FB_TEST(err, !cfg || !assignment, FB_ERR_INTERNAL, "cfg or assignment is NULL");
  const char *a = assignment;
  while (isspace((unsigned char)*a)) a++;
  size_t alen = strlen(a);
  while (alen > 0 && isspace((unsigned char)a[alen - 1])) alen--;
  char origin[1024];
  snprintf(origin, sizeof origin, "--set %.*s", (int)alen, a);

  const char *eq = memchr(a, '=', alen);
  const char *dot = eq ? memchr(a, '.', (size_t)(eq - a)) : NULL;
  FB_TEST(err, !eq || !dot, FB_ERR_INPUT,
          "%s: malformed assignment: expected section.key=value (e.g. --set grid.n_mass=200)",
          origin);
  /* section = [a, dot), key = (dot, eq), value = (eq, a + alen), each trimmed */
  const char *s0 = a, *s1 = dot, *k0 = dot + 1, *k1 = eq, *v0 = eq + 1, *v1 = a + alen;
  while (s1 > s0 && isspace((unsigned char)s1[-1])) s1--;
  while (k0 < k1 && isspace((unsigned char)*k0)) k0++;
  while (k1 > k0 && isspace((unsigned char)k1[-1])) k1--;
  while (v0 < v1 && isspace((unsigned char)*v0)) v0++;
  FB_TEST(err, s1 == s0 || k1 == k0, FB_ERR_INPUT,
          "%s: malformed assignment: empty section or key name; expected section.key=value",
          origin);
  char section[256], key[256];
  snprintf(section, sizeof section, "%.*s", (int)(s1 - s0), s0);
  snprintf(key, sizeof key, "%.*s", (int)(k1 - k0), k0);
  char *value = fb_cfg_strndup(v0, (size_t)(v1 - v0));
  FB_TEST(err, !value, FB_ERR_MEMORY, "out of memory");

  int rc = FB_OK;
  char msg[1024];
  if (!cfg_section_known(cfg, section)) {
    cfg_unknown_section_msg(cfg, section, msg, sizeof msg);
    FB_TEST_GOTO(err, rc, 1, FB_ERR_INPUT, cleanup, "%s: %s", origin, msg);
  }
  long idx = cfg_find(cfg, section, key);
  if (idx < 0) {
    cfg_unknown_key_msg(cfg, section, key, msg, sizeof msg);
    FB_TEST_GOTO(err, rc, 1, FB_ERR_INPUT, cleanup, "%s: %s", origin, msg);
  }
  fb_config_entry *e = &cfg->entries[idx];
  char why[2048];
  fb_cfg_value v;
  int ok = fb_cfg_parse_value(e->spec, value, &v, why, sizeof why);
  FB_TEST_GOTO(err, rc, !ok, FB_ERR_INPUT, cleanup, "%s: [%s] %s = %s %s", origin, section, key,
               fb_cfg_show(value), why);
  char *org = fb_cfg_strdup(origin);
  FB_TEST_GOTO(err, rc, !org, FB_ERR_MEMORY, cleanup, "out of memory");
  free(e->text);
  free(e->origin);
  e->text = value;
  value = NULL;
  e->origin = org;
  e->origin_kind = FB_CONFIG_SET;
  e->value_double = v.d;
  e->value_int = v.i;
cleanup:
  free(value);
  return rc;
}

/* ------------------------------------------------------------------ checks and getters */

int fb_config_check_required(const fb_config *cfg, fb_err *err) {
  FB_TEST(err, !cfg, FB_ERR_INTERNAL, "cfg is NULL");
  fb_cfg_buf b = {0};
  size_t missing = 0;
  for (size_t i = 0; i < cfg->n_entries; i++) {
    const fb_config_entry *e = &cfg->entries[i];
    if (e->origin_kind != FB_CONFIG_UNSET) continue;
    char allowed[1200];
    fb_cfg_allowed_text(e->spec, allowed, sizeof allowed);
    fb_cfg_buf_add(&b, "\n  [%s] %s: %s; %s", e->spec->section, e->spec->key,
                e->spec->description ? e->spec->description : "", allowed);
    missing++;
  }
  if (missing == 0) return FB_OK;
  int rc = fb_err_set(err, FB_ERR_INPUT, __func__, __LINE__,
                      "%zu required key%s not set (give %s in the input file or with --set "
                      "section.key=value):%s",
                      missing, missing > 1 ? "s are" : " is", missing > 1 ? "them" : "it",
                      b.s ? b.s : " (out of memory listing them)");
  free(b.s);
  return rc;
}

/* Entry for a getter, or NULL after logging the programming error. */
static const fb_config_entry *cfg_get_entry(const fb_config *cfg, const char *section,
                                            const char *key, const char *getter) {
  long idx = cfg_find(cfg, section, key);
  if (idx < 0) {
    FB_LOG_ERR("%s: [%s] %s is not in the input schema (programming error)", getter,
               section ? section : "(null)", key ? key : "(null)");
    return NULL;
  }
  const fb_config_entry *e = &cfg->entries[idx];
  if (e->origin_kind == FB_CONFIG_UNSET) {
    FB_LOG_ERR("%s: required key [%s] %s was not set (call fb_config_check_required first)",
               getter, section, key);
    return NULL;
  }
  return e;
}

double fb_config_get_double(const fb_config *cfg, const char *section, const char *key) {
  const fb_config_entry *e = cfg_get_entry(cfg, section, key, __func__);
  if (!e) return NAN;
  if (e->spec->type != FB_KEY_DOUBLE && e->spec->type != FB_KEY_INT) {
    FB_LOG_ERR("%s: [%s] %s is not a DOUBLE or INT key (programming error)", __func__, section,
               key);
    return NAN;
  }
  return e->value_double;
}

long fb_config_get_int(const fb_config *cfg, const char *section, const char *key) {
  const fb_config_entry *e = cfg_get_entry(cfg, section, key, __func__);
  if (!e) return 0;
  if (e->spec->type != FB_KEY_INT) {
    FB_LOG_ERR("%s: [%s] %s is not an INT key (programming error)", __func__, section, key);
    return 0;
  }
  return e->value_int;
}

int fb_config_get_bool(const fb_config *cfg, const char *section, const char *key) {
  const fb_config_entry *e = cfg_get_entry(cfg, section, key, __func__);
  if (!e) return 0;
  if (e->spec->type != FB_KEY_BOOL) {
    FB_LOG_ERR("%s: [%s] %s is not a BOOL key (programming error)", __func__, section, key);
    return 0;
  }
  return (int)e->value_int;
}

const char *fb_config_get_string(const fb_config *cfg, const char *section, const char *key) {
  const fb_config_entry *e = cfg_get_entry(cfg, section, key, __func__);
  return e ? e->text : NULL;
}

int fb_config_has_key(const fb_config *cfg, const char *section, const char *key) {
  return cfg_find(cfg, section, key) >= 0;
}

const char *fb_config_input_text(const fb_config *cfg) {
  return cfg && cfg->input_text ? cfg->input_text : "";
}

size_t fb_config_n_keys(const fb_config *cfg) { return cfg ? cfg->n_entries : 0; }

int fb_config_key_at(const fb_config *cfg, size_t i, const fb_key_spec **spec,
                     const char **value_text, const char **origin) {
  if (!cfg || i >= cfg->n_entries) return FB_ERR_RANGE;
  if (spec) *spec = cfg->entries[i].spec;
  if (value_text) *value_text = cfg->entries[i].text;
  if (origin) *origin = cfg->entries[i].origin;
  return FB_OK;
}

int fb_config_error_at(const fb_config *cfg, const char *section, const char *key, const char *why,
                       fb_err *err) {
  long idx = cfg_find(cfg, section, key);
  FB_TEST(err, idx < 0, FB_ERR_INTERNAL,
          "fb_config_error_at: [%s] %s is not in the input schema (programming error); reason "
          "was: %s",
          section ? section : "(null)", key ? key : "(null)", why ? why : "");
  const fb_config_entry *e = &cfg->entries[idx];
  FB_FAIL(err, FB_ERR_INPUT, "%s: [%s] %s = %s %s", e->origin ? e->origin : "(not set)", section,
          key, e->text ? fb_cfg_show(e->text) : "(not set)", why ? why : "");
}

const char *fb_config_origin(const fb_config *cfg, const char *section, const char *key) {
  const long idx = cfg_find(cfg, section, key);
  if (idx < 0) return "(unknown key)";
  return cfg->entries[idx].origin ? cfg->entries[idx].origin : "(not set)";
}

int fb_config_resolved_text(const fb_config *cfg, char **text_out, fb_err *err) {
  FB_TEST(err, !cfg || !text_out, FB_ERR_INTERNAL, "cfg or text_out is NULL");
  *text_out = NULL;
  fb_cfg_buf b = {0};
  fb_cfg_buf_add(&b, "; fipbounds resolved input: every key, its value and where the value came "
                  "from.\n; Reading this text back as an input file reproduces every value.\n");
  /* sections in order of first appearance, keys in table order */
  for (size_t i = 0; i < cfg->n_entries; i++) {
    const char *sec = cfg->entries[i].spec->section;
    int seen = 0;
    for (size_t j = 0; j < i && !seen; j++) seen = strcmp(cfg->entries[j].spec->section, sec) == 0;
    if (seen) continue;
    fb_cfg_buf_add(&b, "\n[%s]\n", sec);
    for (size_t j = i; j < cfg->n_entries; j++) {
      const fb_config_entry *e = &cfg->entries[j];
      const fb_key_spec *s = e->spec;
      if (strcmp(s->section, sec) != 0) continue;
      int has_unit = s->unit && s->unit[0];
      fb_cfg_buf_add(&b, "; %s%s%s%s: %s (%s%s)\n", s->key, has_unit ? " [" : "",
                  has_unit ? s->unit : "", has_unit ? "]" : "",
                  s->description ? s->description : "", e->origin ? "from " : "not set",
                  e->origin ? e->origin : "");
      if (e->text)
        fb_cfg_buf_add(&b, "%s = %s\n", s->key, e->text);
      else
        fb_cfg_buf_add(&b, "; %s = (required key, not set)\n", s->key);
    }
  }
  FB_TEST(err, b.oom, FB_ERR_MEMORY, "out of memory building the resolved input text");
  *text_out = b.s;
  return FB_OK;
}
