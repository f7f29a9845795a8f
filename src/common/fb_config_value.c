/**
 * @file fb_config_value.c
 * @brief Values of input keys: parsing and validation against a key's type and range, and the
 *        "allowed: ..." text that error messages quote (see fb_config_internal.h).
 */
#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_config_internal.h"

static const char *const cfg_bool_words_true[] = {"true", "yes", "1"};
static const char *const cfg_bool_words_false[] = {"false", "no", "0"};

char *fb_cfg_strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}

char *fb_cfg_strndup(const char *s, size_t n) {
  char *d = malloc(n + 1);
  if (!d) return NULL;
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

static int cfg_strcaseeq(const char *a, const char *b) {
  for (; *a && *b; a++, b++)
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return 0;
  return *a == *b;
}


void fb_cfg_buf_add(fb_cfg_buf *b, const char *fmt, ...) {
  if (b->oom) return;
  for (;;) {
    va_list ap;
    va_start(ap, fmt);
    size_t room = b->cap - b->len;
    int n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? room : 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
      b->oom = 1;
      return;
    }
    if (b->s && (size_t)n < room) {
      b->len += (size_t)n;
      return;
    }
    size_t cap = 2 * b->cap + (size_t)n + 64;
    char *s = realloc(b->s, cap);
    if (!s) {
      b->oom = 1;
      return;
    }
    b->s = s;
    b->cap = cap;
  }
}

/* Shortest of %g / %.15g / %.17g that reads back to x exactly (1e+13, not 10000000000000). */
static void cfg_fmt_double(double x, char *out, size_t n) {
  if (isinf(x)) {
    snprintf(out, n, "%s", x > 0 ? "inf" : "-inf");
    return;
  }
  snprintf(out, n, "%g", x);
  if (strtod(out, NULL) == x) return;
  snprintf(out, n, "%.15g", x);
  if (strtod(out, NULL) != x) snprintf(out, n, "%.17g", x);
}

/* "allowed 2 <= n_mass <= 100000 [GeV]" or "" if unbounded; for DOUBLE/INT keys. */
static void cfg_range_text(const fb_key_spec *s, char *out, size_t n) {
  char lo[40], hi[40], unit[80] = "";
  cfg_fmt_double(s->min, lo, sizeof lo);
  cfg_fmt_double(s->max, hi, sizeof hi);
  if (s->unit && s->unit[0]) snprintf(unit, sizeof unit, " [%s]", s->unit);
  int has_lo = s->min > -HUGE_VAL, has_hi = s->max < HUGE_VAL;
  if (has_lo && has_hi)
    snprintf(out, n, "allowed %s <= %s <= %s%s", lo, s->key, hi, unit);
  else if (has_lo)
    snprintf(out, n, "allowed %s >= %s%s", s->key, lo, unit);
  else if (has_hi)
    snprintf(out, n, "allowed %s <= %s%s", s->key, hi, unit);
  else
    snprintf(out, n, "allowed any real number%s", unit);
}

/* Choices "a|b|c" as "a, b, c". */
static void cfg_choices_text(const char *choices, char *out, size_t n) {
  size_t j = 0;
  for (const char *p = choices; *p && j + 3 < n; p++) {
    if (*p == '|') {
      out[j++] = ',';
      out[j++] = ' ';
    } else {
      out[j++] = *p;
    }
  }
  out[j] = '\0';
}

/* What the key accepts, for messages: range, choices or bool words. */
void fb_cfg_allowed_text(const fb_key_spec *s, char *out, size_t n) {
  char tmp[1024];
  switch (s->type) {
    case FB_KEY_DOUBLE:
    case FB_KEY_INT: cfg_range_text(s, out, n); break;
    case FB_KEY_CHOICE:
      cfg_choices_text(s->choices, tmp, sizeof tmp);
      snprintf(out, n, "allowed: %s", tmp);
      break;
    case FB_KEY_BOOL: snprintf(out, n, "allowed: true, false, yes, no, 1, 0"); break;
    default: snprintf(out, n, "allowed: any text on one line"); break;
  }
}

/* ------------------------------------------------------------------ value validation */


/* Can text be written back as "key = text" and read by inih unchanged? why gets the reason. */
int fb_cfg_text_representable(const fb_key_spec *s, const char *text, int max_line_chars,
                                  char *why, size_t n_why) {
  if (text[0] == ';') {
    snprintf(why, n_why, "cannot start with ';' (it would be read as a comment)");
    return 0;
  }
  for (const char *p = text; *p; p++) {
    if (*p == '\n' || *p == '\r') {
      snprintf(why, n_why, "contains a line break");
      return 0;
    }
    if (p > text && isspace((unsigned char)p[-1]) && strchr(INI_INLINE_COMMENT_PREFIXES, *p)) {
      snprintf(why, n_why, "contains ' %c', which would start an inline comment", *p);
      return 0;
    }
  }
  if (text[0] &&
      (isspace((unsigned char)text[0]) || isspace((unsigned char)text[strlen(text) - 1]))) {
    snprintf(why, n_why, "has leading or trailing whitespace");
    return 0;
  }
  if (strlen(s->key) + 3 + strlen(text) > (size_t)max_line_chars) {
    snprintf(why, n_why, "is too long: 'key = value' must fit in %d characters", max_line_chars);
    return 0;
  }
  return 1;
}

/* Line length inih can hold: INI_MAX_LINE minus '\n' and '\0'. */
int fb_cfg_max_line_chars(void) { return INI_MAX_LINE - 2; }

/*
 * Check text against spec; on success fill *v and return 1. On failure write into why the
 * reason, phrased to follow "[section] key = value " (e.g. "is out of range: allowed ..."),
 * and return 0.
 */
int fb_cfg_parse_value(const fb_key_spec *s, const char *text, fb_cfg_value *v, char *why,
                           size_t n_why) {
  char allowed[1200];
  fb_cfg_allowed_text(s, allowed, sizeof allowed);
  v->d = 0.0;
  v->i = 0;
  switch (s->type) {
    case FB_KEY_DOUBLE: {
      if (!text[0]) {
        snprintf(why, n_why, "is empty: expected a real number; %s", allowed);
        return 0;
      }
      char *end;
      errno = 0;
      double x = strtod(text, &end);
      if (end == text) {
        snprintf(why, n_why, "is not a number: expected a real number; %s", allowed);
        return 0;
      }
      if (*end) {
        snprintf(why, n_why, "is not a number: trailing characters \"%s\" after \"%.*s\"; %s", end,
                 (int)(end - text), text, allowed);
        return 0;
      }
      if (isnan(x)) {
        snprintf(why, n_why, "is not a number (NaN is never allowed); %s", allowed);
        return 0;
      }
      if (errno == ERANGE) {
        snprintf(why, n_why, "is not representable as a double (overflow or underflow); %s",
                 allowed);
        return 0;
      }
      if (!(x >= s->min && x <= s->max)) {
        snprintf(why, n_why, "is out of range: %s", allowed);
        return 0;
      }
      v->d = x;
      return 1;
    }
    case FB_KEY_INT: {
      if (!text[0]) {
        snprintf(why, n_why, "is empty: expected an integer; %s", allowed);
        return 0;
      }
      char *end;
      errno = 0;
      long k = strtol(text, &end, 10);
      if (end == text || *end) {
        char *dend;
        (void)strtod(text, &dend);
        if (dend != text && !*dend)
          snprintf(why, n_why, "is not an integer (write it in decimal digits, e.g. 1000, not "
                               "2.5 or 1e3); %s", allowed);
        else
          snprintf(why, n_why, "is not an integer; %s", allowed);
        return 0;
      }
      if (errno == ERANGE) {
        snprintf(why, n_why, "does not fit in a long integer; %s", allowed);
        return 0;
      }
      if (!((double)k >= s->min && (double)k <= s->max)) {
        snprintf(why, n_why, "is out of range: %s", allowed);
        return 0;
      }
      v->i = k;
      v->d = (double)k;
      return 1;
    }
    case FB_KEY_BOOL: {
      for (size_t j = 0; j < sizeof cfg_bool_words_true / sizeof *cfg_bool_words_true; j++) {
        if (cfg_strcaseeq(text, cfg_bool_words_true[j])) {
          v->i = 1;
          return 1;
        }
        if (cfg_strcaseeq(text, cfg_bool_words_false[j])) {
          v->i = 0;
          return 1;
        }
      }
      snprintf(why, n_why, "is not a boolean: %s", allowed);
      return 0;
    }
    case FB_KEY_CHOICE: {
      size_t len = strlen(text);
      long idx = 0;
      for (const char *p = s->choices;; idx++) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (n == len && strncmp(p, text, n) == 0) {
          v->i = idx;
          return 1;
        }
        if (!bar) break;
        p = bar + 1;
      }
      snprintf(why, n_why, "is not one of the allowed choices: %s", allowed);
      return 0;
    }
    case FB_KEY_STRING: {
      char r[256];
      if (!fb_cfg_text_representable(s, text, fb_cfg_max_line_chars(), r, sizeof r)) {
        snprintf(why, n_why, "is not a valid value: it %s", r);
        return 0;
      }
      return 1;
    }
  }
  snprintf(why, n_why, "has an unknown type %d in the key table", (int)s->type);
  return 0;
}

/* "x" or "\"\"" for an empty value, as shown in messages. */
const char *fb_cfg_show(const char *text) { return text[0] ? text : "\"\""; }
