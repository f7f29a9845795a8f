/** @file fb_path.c @brief mkdir -p for the parent directories of an output file. */
#define _POSIX_C_SOURCE 200809L
#include "fb_path.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

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

int fb_tmp_create(const char *path, char **tmp_path, int *fd, fb_err *err) {
  *tmp_path = NULL;
  *fd = -1;
  FB_TEST(err, !path || !*path, FB_ERR_INPUT, "empty output path");
  const size_t len = strlen(path) + sizeof ".tmp.XXXXXX";
  char *tmp = malloc(len);
  FB_TEST(err, !tmp, FB_ERR_MEMORY, "out of memory");
  snprintf(tmp, len, "%s.tmp.XXXXXX", path);
  const int f = mkstemp(tmp); /* O_CREAT | O_EXCL: never an existing file, never through a link */
  if (f < 0) {
    const int e = errno;
    free(tmp);
    FB_FAIL(err, FB_ERR_IO, "cannot create a temporary file beside '%s': %s", path, strerror(e));
  }
  const mode_t mask = umask(0);
  umask(mask);
  if (fchmod(f, 0666 & ~mask) != 0) { /* mkstemp makes 0600; an output file is readable like fopen's */
    const int e = errno;
    close(f);
    unlink(tmp);
    free(tmp);
    FB_FAIL(err, FB_ERR_IO, "cannot set the permissions of a temporary file beside '%s': %s", path, strerror(e));
  }
  *tmp_path = tmp;
  *fd = f;
  return FB_OK;
}

/* fsync the directory holding path, so that a rename survives a crash (best effort). */
static void sync_parent_dir(const char *path) {
  char *dir = strdup(path);
  char *slash = dir ? strrchr(dir, '/') : NULL;
  const char *dname = slash ? (slash == dir ? "/" : (*slash = '\0', dir)) : ".";
  int dfd = open(dname, O_RDONLY);
  if (dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
  free(dir);
}

int fb_tmp_commit(const char *path, const char *tmp_path, int *fd, const void *data, size_t n, fb_err *err) {
  const char *p = data;
  size_t done = 0;
  int e = 0;
  const char *what = NULL;
  while (done < n) {
    ssize_t w = write(*fd, p + done, n - done);
    if (w < 0 && errno == EINTR) continue; /* a stop signal: the write goes on */
    if (w <= 0) {
      e = w < 0 ? errno : ENOSPC;
      what = "write";
      break;
    }
    done += (size_t)w;
  }
  /* the data must be on disk before the rename makes it the file (a node crash must not leave an
   * empty file in place of both the new and the previous one) */
  if (!what && fsync(*fd) != 0) {
    e = errno;
    what = "fsync";
  }
  if (close(*fd) != 0 && !what) {
    e = errno;
    what = "close";
  }
  *fd = -1;
  if (!what && rename(tmp_path, path) != 0) {
    e = errno;
    what = "rename";
  }
  if (what) {
    unlink(tmp_path);
    FB_FAIL(err, FB_ERR_IO, "cannot write '%s' (%s of %zu bytes to '%s' failed: %s); the previous '%s', if any, is unchanged",
            path, what, n, tmp_path, strerror(e), path);
  }
  sync_parent_dir(path);
  return FB_OK;
}

/* the candidates of fb_data_file in order; returns how many were written (at most 4) */
static int data_candidates(const char *path, char cand[4][4096]) {
  int n = 0;
  snprintf(cand[n++], 4096, "%s", path);
  if (path[0] == '/') return n;
  const char *env = getenv("FIPBOUNDS_DATA_DIR");
  if (env && env[0]) snprintf(cand[n++], 4096, "%s/%s", env, path);
  char exe[2048];
  ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (len > 0) {
    exe[len] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) {
      *slash = '\0';
      snprintf(cand[n++], 4096, "%s/../share/fipbounds/%s", exe, path);
    }
  }
  snprintf(cand[n++], 4096, "%s/%s", FB_SOURCE_DIR, path);
  return n;
}

int fb_data_file(const char *path, char *out, size_t out_len) {
  char cand[4][4096];
  const int n = data_candidates(path, cand);
  for (int i = 0; i < n; i++)
    if (access(cand[i], R_OK) == 0) {
      snprintf(out, out_len, "%s", cand[i]);
      return 1;
    }
  snprintf(out, out_len, "%s", path);
  return 0;
}

void fb_data_file_tried(const char *path, char *out, size_t out_len) {
  char cand[4][4096];
  const int n = data_candidates(path, cand);
  size_t used = 0;
  out[0] = '\0';
  for (int i = 0; i < n && used < out_len; i++) {
    int w = snprintf(out + used, out_len - used, "%s%s", i ? ", " : "", cand[i]);
    if (w < 0) break;
    used += (size_t)w;
  }
}
