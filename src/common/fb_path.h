/**
 * @file fb_path.h
 * @brief File-system helpers for the files a run writes (HDF5 output, CSV side files).
 *
 * Input files name outputs with relative paths such as `out/bc1.h5`; a physicist running from a
 * fresh clone expects the directory to be made, as `mkdir -p` would. Not collective: call it on
 * the rank that writes.
 */
#ifndef FB_PATH_H
#define FB_PATH_H

#include "fb_error.h"

/**
 * Create every missing directory above the file `path` (the file itself is not touched).
 * A path without a directory part is a no-op. Returns FB_OK, or FB_ERR_IO naming the directory
 * that could not be made (and the OS reason).
 */
int fb_mkdir_parents(const char *path, fb_err *err);

/**
 * Create a new, empty temporary file beside `path`, named "<path>.tmp.XXXXXX" with a unique
 * suffix, exclusively (mkstemp: O_CREAT | O_EXCL), so that it never opens an existing file or
 * follows a planted symbolic link. Permissions are 0666 less the umask, as fopen would give.
 * On success *tmp_path (malloc'd, the caller frees it) names the file and *fd is open for writing;
 * on failure nothing is left behind and FB_ERR_IO names `path` and the OS reason.
 */
int fb_tmp_create(const char *path, char **tmp_path, int *fd, fb_err *err);

/**
 * Write the n bytes of data to *fd, fsync and close it, then rename tmp_path over path and fsync
 * the directory: the file at `path` is either the previous one or the complete new one, even after
 * a crash. A short write, a full disk (ENOSPC at write, fsync or close) or a failed rename unlinks
 * tmp_path, leaves `path` untouched and returns FB_ERR_IO naming both paths and the OS reason.
 * *fd is closed in every case (set to -1).
 */
int fb_tmp_commit(const char *path, const char *tmp_path, int *fd, const void *data, size_t n, fb_err *err);

/**
 * Locate a data file the project ships (e.g. `inputs/sn_profile_mantle.dat`, `inputs/cmb_fisher_kernel.dat`) or a
 * user's file. Tried in order: `path` as given (absolute, or relative to the working directory); for a relative path
 * $FIPBOUNDS_DATA_DIR/path, then <directory of the executable>/../share/fipbounds/path (the install prefix:
 * `cmake --install` copies inputs/ there), then the source tree the binary was built from (FB_SOURCE_DIR/path).
 * Writes the path found (or `path` itself when none exists) to out and returns 1 if found, 0 if not.
 */
int fb_data_file(const char *path, char *out, size_t out_len);

/** The search order of fb_data_file as one line, for error messages ("tried ./p, $FIPBOUNDS_DATA_DIR/p, ..."). */
void fb_data_file_tried(const char *path, char *out, size_t out_len);

#endif /* FB_PATH_H */
