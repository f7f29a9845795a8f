/**
 * @file bench_stellar_alp.c
 * @brief Benchmark (issue 16, BC10/BC11 stellar bounds): the red-giant-tip and white-dwarf bounds on the BC10
 *        electron coupling (g_ae_max(m), three massless values each) and the BC11 HB bound through the induced
 *        photon coupling (HB g_max(m) and the bc11 g_agamma per inv_fG), on N log-spaced masses, one core.
 * Usage: bench_stellar_alp [N >= 2] [1 <= R <= 100]; prints the medians of R runs (docs/performance.md).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench_util.h"
#include "fb_hb_alp.h"
#include "fb_rg_alp.h"
#include "fb_stellar_fip.h"

static int run_rg(int star, int n, double m_lo, double m_hi, double *dt, fb_err *err) {
  fb_rg_alp_options o;
  fb_rg_alp_options_default(&o, star);
  const double g0[3] = {o.g_ae_max, o.g_ae_max_weak, o.g_ae_max_strong};
  double t0 = bench_now_s(), g;
  for (int i = 0; i < n; i++) {
    double m = m_lo * pow(m_hi / m_lo, (double)i / (n - 1));
    for (int k = 0; k < 3; k++) FB_CALL(err, fb_rg_alp_g_ae_max(&o, g0[k], m, &g, err));
  }
  *dt = bench_now_s() - t0;
  return FB_OK;
}

static int run_bc11_hb(int n, double *dt, fb_err *err) {
  double t0 = bench_now_s(), g, c;
  fb_hb_options o;
  fb_hb_options_default(&o);
  fb_stellar_fip f;
  FB_CALL(err, fb_stellar_fip_init(&f, "bc11", NULL, err));
  for (int i = 0; i < n; i++) {
    double m = 1e-6 * pow(1e3, (double)i / (n - 1));
    int rc = fb_hb_alp_g_max_GeV(&o, m, &g, err);
    if (rc == FB_OK) rc = fb_stellar_fip_value(&f, "g_agamma", m, &c, err);
    if (rc != FB_OK) {
      fb_stellar_fip_free(&f);
      return rc;
    }
  }
  fb_stellar_fip_free(&f);
  *dt = bench_now_s() - t0;
  return FB_OK;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 100, reps = argc > 2 ? atoi(argv[2]) : 5;
  if (n < 2 || reps < 1 || reps > 100) {
    fprintf(stderr, "usage: bench_stellar_alp [N >= 2] [1 <= R <= 100]\n");
    return 2;
  }
  bench_clock_init();
  fb_err err;
  fb_err_clear(&err);
  double t[3][100];
  for (int r = 0; r < reps; r++) {
    if (run_rg(FB_STAR_RG, n, 1e-6, 3e-4, &t[0][r], &err) || run_rg(FB_STAR_WD, n, 1e-7, 3e-5, &t[1][r], &err) ||
        run_bc11_hb(n, &t[2][r], &err)) {
      fprintf(stderr, "%s\n", err.msg);
      return 1;
    }
  }
  printf("clock: %s\n", bench_clock_name());
  printf("median: BC10 RG bound (3 massless values) on %d masses 1 keV-300 keV: %.4f s\n", n, bench_median(t[0], reps));
  printf("median: BC10 WD bound (3 massless values) on %d masses 0.1 keV-30 keV: %.4f s\n", n, bench_median(t[1], reps));
  printf("median: BC11 HB bound (bc11 set-up + g_max + g_agamma) on %d masses 1 keV-1 MeV: %.4f s\n", n,
         bench_median(t[2], reps));
  return 0;
}
