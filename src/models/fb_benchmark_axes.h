/**
 * @file fb_benchmark_axes.h
 * @brief The one definition of each PBC benchmark's plane (BC1-BC11): the mass and coupling axes
 *        (HDF5 dataset name, unit, description, TeX label), the particle-model name and the old
 *        names accepted as aliases. Every scan model, particle model, eval module and the limit-plane
 *        code take their axis metadata from here (docs/output-format.md, "Naming scheme").
 *
 * Scan models (fb_model.h) fill their six axis fields with FB_MODEL_AXES(BCn) (or the mass axis
 * alone with FB_MODEL_MASS_AXIS(BCn), for target models with a placeholder coupling axis); particle
 * models (fb_fip.h) with FB_FIP_AXES(BCn). The runtime table (fb_benchmark_axes_find) is built from
 * the same rows, and `fipbounds models --json` prints it (tests/models/axis_labels.py compares the
 * plotting tools' labels, tools/fb_axes.py, with it).
 *
 * A row FB_AXES_BCn(F) calls F(mass name, mass unit, mass description, mass TeX label, coupling name,
 * coupling unit, coupling description, coupling TeX label, coupling definition). The coupling
 * definition is appended to the description in the particle-model listing (a Lagrangian or the
 * flavour), never written to the HDF5 files. Labels carry no unit: the tools append "[unit]".
 */
#ifndef FB_BENCHMARK_AXES_H
#define FB_BENCHMARK_AXES_H

#include <stddef.h>

/* BC1 minimal dark photon (PBC, arXiv:1901.09966) */
#define FB_AXES_BC1(F)                                                                                      \
  F("m_Aprime", "GeV", "dark photon mass m_A'", "$m_{A'}$", "epsilon", "", "kinetic mixing parameter epsilon", \
    "$\\varepsilon$", "")
/* BC2 light dark matter chi with a dark photon mediator, m_A' = R m_chi (y: arXiv:1505.00011) */
#define FB_AXES_BC2(F)                                                                                      \
  F("m_chi", "GeV", "dark-matter mass m_chi", "$m_\\chi$", "y", "", "y = eps^2 alpha_D (m_chi/m_A')^4",     \
    "$y = \\varepsilon^2 \\alpha_D (m_\\chi/m_{A'})^4$", "")
/* BC3 millicharged fermion */
#define FB_AXES_BC3(F)                                                                                      \
  F("m_chi", "GeV", "millicharged fermion mass m_chi", "$m_\\chi$", "epsilon", "", "electric charge in units of e", \
    "$\\varepsilon$", " (Q/e)")
/* BC4 dark scalar mixing with the Higgs; BC5 the same plane with BR(h -> S S) = 1e-2 */
#define FB_AXES_BC4(F)                                                                                      \
  F("m_S", "GeV", "scalar mass m_S", "$m_S$", "sin2theta", "", "Higgs mixing sin^2 theta", "$\\sin^2\\theta$", "")
#define FB_AXES_BC5(F) FB_AXES_BC4(F)
/* BC6-BC8 one Majorana HNL mixing with one flavour */
#define FB_AXES_HNL_(F, FLAV, TEXFLAV)                                                                      \
  F("m_N", "GeV", "HNL mass m_N", "$m_N$", "U2", "", "squared mixing |U_" FLAV "|^2", "$|U_" TEXFLAV "|^2$",   \
    " of N with nu_" FLAV)
#define FB_AXES_BC6(F) FB_AXES_HNL_(F, "e", "e")
#define FB_AXES_BC7(F) FB_AXES_HNL_(F, "mu", "\\mu")
#define FB_AXES_BC8(F) FB_AXES_HNL_(F, "tau", "\\tau")
/* BC9-BC11 axion-like particles (couplings: arXiv:2102.12143) */
#define FB_AXES_BC9(F)                                                                                      \
  F("m_a", "GeV", "ALP mass m_a", "$m_a$", "g_agamma", "GeV^-1", "ALP-photon coupling g_agamma",             \
    "$g_{a\\gamma\\gamma}$", "")
#define FB_AXES_BC10(F)                                                                                     \
  F("m_a", "GeV", "ALP mass m_a", "$m_a$", "inv_fl", "GeV^-1", "ALP-fermion coupling 1/f_l", "$1/f_\\ell$",    \
    ", L = (d a / 2 f_l) sum_f fbar gamma gamma5 f")
#define FB_AXES_BC11(F)                                                                                     \
  F("m_a", "GeV", "ALP mass m_a", "$m_a$", "inv_fG", "GeV^-1", "ALP-gluon coupling 1/f_G", "$1/f_G$",          \
    ", L = (alpha_s / 8 pi f_G) a G Gdual")

/* designated initialisers of fb_model_ops (fb_model.h) and fb_fip_ops (fb_fip.h) */
#define FB_MODEL_AXES_(MN, MU, MD, ML, CN, CU, CD, CL, CDEF)                                                \
  .mass_name = MN, .mass_units = MU, .mass_description = MD, .coupling_name = CN, .coupling_units = CU,    \
  .coupling_description = CD
#define FB_MODEL_MASS_AXIS_(MN, MU, MD, ML, CN, CU, CD, CL, CDEF) .mass_name = MN, .mass_units = MU, .mass_description = MD
#define FB_FIP_AXES_(MN, MU, MD, ML, CN, CU, CD, CL, CDEF)                                                  \
  .mass_name = MN, .coupling_name = CN, .coupling_units = CU, .coupling_description = CD CDEF
#define FB_MASS_NAME_(MN, MU, MD, ML, CN, CU, CD, CL, CDEF) MN
#define FB_COUPLING_NAME_(MN, MU, MD, ML, CN, CU, CD, CL, CDEF) CN
/** The mass and coupling names of benchmark B as string literals (for static tables). */
#define FB_MASS_NAME(B) FB_AXES_##B(FB_MASS_NAME_)
#define FB_COUPLING_NAME(B) FB_AXES_##B(FB_COUPLING_NAME_)
/** The six axis fields of a scan model of benchmark B (a token: BC1 ... BC11). */
#define FB_MODEL_AXES(B) FB_AXES_##B(FB_MODEL_AXES_)
/** The mass axis alone (target models whose coupling axis is a placeholder). */
#define FB_MODEL_MASS_AXIS(B) FB_AXES_##B(FB_MODEL_MASS_AXIS_)
/** mass_name, coupling_name, coupling_units, coupling_description of a particle model. */
#define FB_FIP_AXES(B) FB_AXES_##B(FB_FIP_AXES_)

/** One axis of a benchmark plane, as the HDF5 file states it (/grid/<axis> attributes name, units,
 *  and the dataset's description) plus the TeX label of the plots. */
typedef struct fb_axis_def {
  const char *name, *units, *description, *label;
} fb_axis_def;

typedef struct fb_benchmark_axes {
  const char *benchmark;           /**< "BC1" */
  const char *model;               /**< particle model and eval name, "bc1"; the scan models are bcN_<bound> */
  fb_axis_def mass, coupling;
  const char *coupling_definition; /**< appended to the description in the particle-model listing */
  const char *model_aliases;       /**< old names of the model, '|'-separated ("" if none) */
  const char *coupling_aliases;    /**< old names of the coupling, '|'-separated ("" if none) */
} fb_benchmark_axes;

/** The definition of a benchmark ("BC1" ... "BC11"); NULL if unknown. */
const fb_benchmark_axes *fb_benchmark_axes_find(const char *benchmark);
size_t fb_benchmark_axes_count(void);
const fb_benchmark_axes *fb_benchmark_axes_at(size_t i);
/** The definition of the benchmark of particle model `model` ("bc1" ... "bc11"); NULL if none. */
const fb_benchmark_axes *fb_benchmark_axes_of_model(const char *model);
/** The canonical coupling name of an old name ("g_agg" -> "g_agamma"), or `name` itself. */
const char *fb_benchmark_coupling_canonical(const char *name);
/** The canonical model name of an old name ("darkphoton" -> "bc1"), or NULL if `name` is none. */
const char *fb_benchmark_model_canonical(const char *name);

#endif /* FB_BENCHMARK_AXES_H */
