/** @file fb_path.c @brief mkdir -p for the parent directories of an output file. */
#define _POSIX_C_SOURCE 200809L
#include "fb_path.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

static int make_one(const char *dir, const char *file, fb_err *err) {
  struct stat st;
  if (stat(dir, &st) == 0) {
    FB_TEST(err, !S_ISDIR(st.st_mode), FB_ERR_IO, "cannot write '%s': '%s' exists and is not a directory",
            file, dir);
    return FB_OK;
  }
  if (mkdir(dir, 0777) != 0 && errno != EEXIST)
    FB_FAIL(err, FB_ERR_IO, "cannot write '%s': cannot create directory '%s' (%s)", file, dir, strerror(errno));
  return FB_OK;
}

int fb_mkdir_parents(const char *path, fb_err *err) {
  FB_TEST(err, !path || !*path, FB_ERR_INPUT, "empty output path");
  const char *slash = strrchr(path, '/');
  if (!slash || slash == path) return FB_OK; /* "file" or "/file": nothing to make */
  size_t n = (size_t)(slash - path);
  char *dir = malloc(n + 1);
  FB_TEST(err, !dir, FB_ERR_MEMORY, "out of memory");
  memcpy(dir, path, n);
  dir[n] = '\0';
  int rc = FB_OK;
  /* walk the components left to right: a/b/c -> a, a/b, a/b/c */
  for (size_t i = 1; i <= n && rc == FB_OK; i++) {
    if (i == n || dir[i] == '/') {
      char keep = dir[i];
      dir[i] = '\0';
      if (i > 0 && dir[i - 1] != '/') rc = make_one(dir, path, err);
      dir[i] = keep;
    }
  }
  free(dir);
  return rc;
}
