/**
 * @file fb_limit_tools.c
 * @brief Where the Python plotting tools live (for `fipbounds plot`).
 */
#include <stdlib.h>

#include "fb_limits.h"

const char *fb_limits_tools_dir(void) {
  const char *env = getenv("FIPBOUNDS_TOOLS_DIR");
  return env && env[0] ? env : FB_TOOLS_DIR;
}
