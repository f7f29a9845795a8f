/**
 * @file main.c
 * @brief The fipbounds executable: command-line parsing and dispatch. The only place that decides
 *        the process exit status: 0 success, 1 failure, 2 bad input or usage, 3 interrupted with a
 *        resumable checkpoint (FB_EXIT_INTERRUPTED), 4 run complete but no point succeeded
 *        (FB_EXIT_NO_RESULT).
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fb_app.h"
#include "fb_error.h"
#include "fb_version.h"

static void print_usage(FILE *out) {
  fprintf(out,
          "fipbounds %s: cosmological and astrophysical bounds on feebly-interacting particles\n"
          "\n"
          "usage:\n"
          "  fipbounds run INPUT.ini [-o OUT.h5] [--resume | --overwrite] [--set section.key=value ...]\n"
          "                [--merge SLICE.h5 ...]\n"
          "  fipbounds eval MODULE [key=value ...] [--json]\n"
          "  fipbounds limits import FORMAT PATH... -o DIR [options]\n"
          "  fipbounds merge OUT.h5 [--limits DIR] [--bounds OTHER.h5 ...] [--contours CDIR] [--quiet]\n"
          "  fipbounds plot OUT.h5 [-o FIG.png|FIG.pdf] [--title TEXT]\n"
          "  fipbounds models [--json]\n"
          "  fipbounds help | --help | --version\n"
          "  fipbounds <command> --help\n"
          "\n"
          "commands:\n"
          "  run    scan a model over its (mass, coupling) plane (use mpirun/srun for several ranks);\n"
          "         writes one self-describing HDF5 file (docs/output-format.md)\n"
          "  eval   evaluate one module at one point and print a table, or JSON with --json\n"
          "  limits import published limits (FORESEE, Darkcast, AxionLimits, Heavy-Neutrino-Limits,\n"
          "         Dark Matter Live) into the project's limit files (docs/limits-format.md)\n"
          "  merge  add the limits of a directory to a scan file (/limits, /combined)\n"
          "  plot   the summary figure of a scan file (PNG or PDF)\n"
          "  models list every particle model (benchmark, axes, valid range) and scan model\n"
          "\n"
          "exit status: 0 success, 1 failure, 2 bad input or usage, 3 interrupted (resume with --resume),\n"
          "             4 run complete but no point succeeded (see /status_messages)\n"
          "FB_VERBOSE=1 adds the internal function:line chain to error messages\n"
          "input keys: inputs/explanatory.ini\n",
          FB_VERSION_STRING);
}

int main(int argc, char **argv) {
  fb_error_init(); /* GSL failures become error codes, never abort() */
  if (argc < 2) {
    print_usage(stderr);
    return FB_EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
    printf("fipbounds %s (git %s)\n", FB_VERSION_STRING, FB_GIT_HASH);
    return 0;
  }
  if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
    if (argc > 2 && !strcmp(argv[2], "run")) return fb_app_run(2, (char *[]){"run", "--help", NULL});
    if (argc > 2 && !strcmp(argv[2], "eval")) return fb_app_eval(2, (char *[]){"eval", "--help", NULL});
    if (argc > 2 && !strcmp(argv[2], "limits")) return fb_app_limits(2, (char *[]){"limits", "--help", NULL});
    if (argc > 2 && !strcmp(argv[2], "merge")) return fb_app_merge(2, (char *[]){"merge", "--help", NULL});
    if (argc > 2 && !strcmp(argv[2], "models")) return fb_app_models(2, (char *[]){"models", "--help", NULL});
    if (argc > 2 && !strcmp(argv[2], "plot")) return fb_app_plot(2, (char *[]){"plot", "--help", NULL});
    print_usage(stdout);
    return 0;
  }
  if (!strcmp(cmd, "run")) return fb_app_run(argc - 1, argv + 1);
  if (!strcmp(cmd, "eval")) return fb_app_eval(argc - 1, argv + 1);
  if (!strcmp(cmd, "limits")) return fb_app_limits(argc - 1, argv + 1);
  if (!strcmp(cmd, "merge")) return fb_app_merge(argc - 1, argv + 1);
  if (!strcmp(cmd, "plot")) return fb_app_plot(argc - 1, argv + 1);
  if (!strcmp(cmd, "models")) return fb_app_models(argc - 1, argv + 1);
  fprintf(stderr, "fipbounds: unknown command '%s'\n\n", cmd);
  print_usage(stderr);
  return FB_EXIT_USAGE;
}
