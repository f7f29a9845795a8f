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

#endif /* FB_PATH_H */
