/**
 * @file fb_limit_tools.c
 * @brief Where the Python plotting tools live (for `fipbounds plot`), found relative to the running
 *        executable so that a build tree, an installed tree (`cmake --install`) and a moved copy
 *        all work:
 *          1. $FIPBOUNDS_TOOLS_DIR if set;
 *          2. <exe dir>/../share/fipbounds/tools (installed layout: bin/fipbounds);
 *          3. <exe dir>/../../../tools (build tree: build/src/app/fipbounds in the source tree);
 *          4. the source tree the executable was built from (FB_TOOLS_DIR), as a last resort.
 *        A candidate counts when it holds plot_summary.py.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fb_limits.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

static int has_script(const char *dir) {
  char path[PATH_MAX + 128];
  snprintf(path, sizeof path, "%s/plot_summary.py", dir);
  return access(path, R_OK) == 0;
}

const char *fb_limits_tools_dir(void) {
  static char found[PATH_MAX + 64];
  const char *env = getenv("FIPBOUNDS_TOOLS_DIR");
  if (env && env[0]) return env;
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) {
      *slash = '\0';
      const char *rel[] = {"/../share/fipbounds/tools", "/../../../tools"};
      for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
        snprintf(found, sizeof found, "%s%s", exe, rel[i]);
        if (has_script(found)) return found;
      }
    }
  }
  return FB_TOOLS_DIR;
}
