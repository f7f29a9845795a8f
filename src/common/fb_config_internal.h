/**
 * @file fb_config_internal.h
 * @brief Private to fb_config*.c: key values, their validation and the text of allowed ranges
 *        (fb_config_value.c), shared with the INI reader and store (fb_config.c).
 */
#ifndef FB_CONFIG_INTERNAL_H
#define FB_CONFIG_INTERNAL_H

#include <stddef.h>

#include "fb_config.h"

/* A growable text buffer. */
typedef struct fb_cfg_buf {
  char *s;
  size_t len, cap;
  int oom;
} fb_cfg_buf;

/* Parsed value of one key. */
typedef struct fb_cfg_value {
  double d;
  long i;
} fb_cfg_value;

char *fb_cfg_strdup(const char *s);
char *fb_cfg_strndup(const char *s, size_t n);

/* Append printf-formatted text to a growable buffer (sets b->oom on failure). */
void fb_cfg_buf_add(fb_cfg_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* "allowed: ..." text of a key (range, choices or type), as used in messages. */
void fb_cfg_allowed_text(const fb_key_spec *s, char *out, size_t n);
/* Can text be written back as "key = text" and read by inih unchanged? why gets the reason. */
int fb_cfg_text_representable(const fb_key_spec *s, const char *text, int max_line_chars,
                              char *why, size_t n_why);
/* Line length inih can hold. */
int fb_cfg_max_line_chars(void);
/* Check text against spec; 1 and *v filled on success, 0 and a reason in why otherwise. */
int fb_cfg_parse_value(const fb_key_spec *s, const char *text, fb_cfg_value *v, char *why,
                       size_t n_why);
/* "x" or "\"\"" for an empty value, as shown in messages. */
const char *fb_cfg_show(const char *text);

#endif
