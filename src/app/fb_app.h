/**
 * @file fb_app.h
 * @brief The commands of the fipbounds executable. Each takes argv starting at the command name
 *        and returns the process exit status.
 */
#ifndef FB_APP_H
#define FB_APP_H

#include <stdio.h>

#define FB_EXIT_OK 0
#define FB_EXIT_FAILURE 1
#define FB_EXIT_USAGE 2

int fb_app_run(int argc, char **argv);
int fb_app_eval(int argc, char **argv);
int fb_app_limits(int argc, char **argv); /* app_limits.c: limits import */
int fb_app_merge(int argc, char **argv);  /* app_limits.c */
int fb_app_plot(int argc, char **argv);   /* app_limits.c */
int fb_app_models(int argc, char **argv); /* app_models.c: list every model */
struct fb_fip_ops;
/* eval_fip.c: `eval bcN ...` for a particle model; as_name is the name the user typed */
int fb_app_eval_fip(const struct fb_fip_ops *ops, const char *as_name, int argc, char **argv);
void fb_eval_fip_usage(FILE *out, const struct fb_fip_ops *ops);

#endif
