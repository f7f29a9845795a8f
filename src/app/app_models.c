/**
 * @file app_models.c
 * @brief `fipbounds models [--json]`: every particle model (benchmark, axes with units, validity
 *        range, what it decays into) and every scan model (what `run` computes on which plane).
 */
#include <stdio.h>
#include <string.h>

#include "fb_app.h"
#include "fb_benchmark_axes.h"
#include "fb_fip.h"
#include "fb_model.h"

static void json_str(const char *s) {
  putchar('"');
  for (; s && *s; s++) {
    if (*s == '"' || *s == '\\') putchar('\\');
    putchar(*s);
  }
  putchar('"');
}

static void json_axis(const char *key, const fb_axis_def *a) {
  printf(", \"%s\": {\"name\": ", key);
  json_str(a->name);
  printf(", \"units\": ");
  json_str(a->units);
  printf(", \"description\": ");
  json_str(a->description);
  printf(", \"label\": ");
  json_str(a->label);
  printf("}");
}

/* the benchmark planes of src/models/fb_benchmark_axes.h */
static void json_benchmarks(void) {
  printf(", \"benchmarks\": [");
  for (size_t i = 0; i < fb_benchmark_axes_count(); i++) {
    const fb_benchmark_axes *b = fb_benchmark_axes_at(i);
    printf("%s{\"benchmark\": ", i ? ", " : "");
    json_str(b->benchmark);
    printf(", \"model\": ");
    if (b->model)
      json_str(b->model);
    else
      printf("null");
    json_axis("mass", &b->mass);
    json_axis("coupling", &b->coupling);
    printf(", \"coupling_definition\": ");
    json_str(b->coupling_definition);
    printf(", \"model_aliases\": ");
    json_str(b->model_aliases);
    printf(", \"coupling_aliases\": ");
    json_str(b->coupling_aliases);
    printf("}");
  }
  printf("]");
}

int fb_app_models(int argc, char **argv) {
  int json = 0;
  for (int a = 1; a < argc; a++) {
    if (!strcmp(argv[a], "--json")) {
      json = 1;
    } else if (!strcmp(argv[a], "--help") || !strcmp(argv[a], "-h")) {
      printf("usage: fipbounds models [--json]\n  lists the particle models (eval bcN) and the scan models (run, [model] name);\n"
             "  --json also lists the benchmark planes (axis names, units, descriptions, TeX labels, old names)\n");
      return FB_EXIT_OK;
    } else {
      fprintf(stderr, "fipbounds models: unknown argument '%s' (usage: fipbounds models [--json])\n", argv[a]);
      return FB_EXIT_USAGE;
    }
  }
  if (json) {
    printf("{\"particle_models\": [");
    for (size_t i = 0; i < fb_fip_count(); i++) {
      const fb_fip_ops *p = fb_fip_at(i);
      printf("%s{\"name\": ", i ? ", " : "");
      json_str(p->name);
      printf(", \"benchmark\": ");
      json_str(p->benchmark);
      printf(", \"particle\": ");
      json_str(p->particle);
      printf(", \"mass\": ");
      json_str(p->mass_name);
      printf(", \"mass_units\": \"GeV\", \"mass_min_GeV\": %.10g, \"mass_max_GeV\": %.10g, \"coupling\": ",
             p->mass_min_GeV, p->mass_max_GeV);
      json_str(p->coupling_name);
      printf(", \"coupling_units\": ");
      json_str(p->coupling_units);
      printf(", \"decays\": %s, \"references\": ", p->decay ? "true" : "false");
      json_str(p->references);
      printf("}");
    }
    printf("], \"scan_models\": [");
    for (size_t i = 0; i < fb_model_count(); i++) {
      const fb_model_ops *m = fb_model_at(i);
      printf("%s{\"name\": ", i ? ", " : "");
      json_str(m->name);
      printf(", \"benchmark\": ");
      json_str(m->benchmark);
      printf(", \"description\": ");
      json_str(m->description);
      printf(", \"mass\": ");
      json_str(m->mass_name);
      printf(", \"mass_units\": ");
      json_str(m->mass_units);
      printf(", \"coupling\": ");
      json_str(m->coupling_name);
      printf(", \"coupling_units\": ");
      json_str(m->coupling_units);
      printf(", \"n_quantities\": %zu}", m->n_quantities);
    }
    printf("]");
    json_benchmarks();
    printf("}\n");
    return FB_EXIT_OK;
  }
  printf("Particle models (fipbounds eval <name> mass_GeV=... coupling=...):\n");
  printf("  %-6s %-5s %-46s %-10s %-24s %s\n", "name", "PBC", "particle", "mass", "valid mass range [GeV]",
         "coupling [units]");
  for (size_t i = 0; i < fb_fip_count(); i++) {
    const fb_fip_ops *p = fb_fip_at(i);
    char range[64], coup[64];
    snprintf(range, sizeof range, "%.4g < m <= %.4g", p->mass_min_GeV, p->mass_max_GeV);
    snprintf(coup, sizeof coup, "%s%s%s%s", p->coupling_name, p->coupling_units[0] ? " [" : "", p->coupling_units,
             p->coupling_units[0] ? "]" : "");
    printf("  %-6s %-5s %-46s %-10s %-24s %s\n", p->name, p->benchmark, p->particle, p->mass_name, range, coup);
  }
  printf("\nScan models (fipbounds run INPUT.ini, [model] name = ...):\n");
  printf("  %-16s %-5s %-34s %s\n", "name", "PBC", "plane (mass x coupling)", "computes");
  for (size_t i = 0; i < fb_model_count(); i++) {
    const fb_model_ops *m = fb_model_at(i);
    char plane[96];
    snprintf(plane, sizeof plane, "%s [%s] x %s%s%s%s", m->mass_name, m->mass_units, m->coupling_name,
             m->coupling_units && m->coupling_units[0] ? " [" : "", m->coupling_units ? m->coupling_units : "",
             m->coupling_units && m->coupling_units[0] ? "]" : "");
    printf("  %-16s %-5s %-34s %s\n", m->name, m->benchmark, plane, m->description);
  }
  printf("\nBenchmark planes (every model of BCn writes these /grid/mass and /grid/coupling names and units):\n");
  printf("  %-5s %-22s %-28s %s\n", "PBC", "mass [units]", "coupling [units]", "old names accepted");
  for (size_t i = 0; i < fb_benchmark_axes_count(); i++) {
    const fb_benchmark_axes *b = fb_benchmark_axes_at(i);
    char mass[64], coup[64], old[128];
    snprintf(mass, sizeof mass, "%s [%s]", b->mass.name, b->mass.units);
    snprintf(coup, sizeof coup, "%s%s%s%s", b->coupling.name, b->coupling.units[0] ? " [" : "", b->coupling.units,
             b->coupling.units[0] ? "]" : "");
    snprintf(old, sizeof old, "%s%s%s", b->model_aliases, b->model_aliases[0] && b->coupling_aliases[0] ? "|" : "",
             b->coupling_aliases);
    printf("  %-5s %-22s %-28s %s\n", b->benchmark, mass, coup, old);
  }
  printf("\nNaming: models bc1..bc11; eval takes mass_GeV and coupling= (or the coupling's own name);\n"
         "old names (darkphoton, g_agg) are accepted with a note. Every model of benchmark BCn has the axes\n"
         "of BCn (src/models/fb_benchmark_axes.h; --json lists them); docs/output-format.md has the scheme.\n");
  return FB_EXIT_OK;
}
