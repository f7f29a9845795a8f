"""Axis names, units and TeX labels of the PBC benchmark planes, for the plotting tools.

The definition is src/models/fb_benchmark_axes.h (one per benchmark: the /grid/mass and /grid/coupling
attributes `name` and `units` that every scan model of the benchmark writes, and the TeX label). This
module is its Python side; tests/models/axis_labels.py compares it with `fipbounds models --json`, so
the two cannot drift. Labels carry no unit: axis_label() appends "[unit]".
"""

# benchmark: ((mass name, unit, TeX), (coupling name, unit, TeX)) -- as src/models/fb_benchmark_axes.h
BENCHMARK_AXES = {
    "BC1": (("m_Aprime", "GeV", r"$m_{A'}$"), ("epsilon", "", r"$\varepsilon$")),
    "BC2": (("m_chi", "GeV", r"$m_\chi$"), ("y", "", r"$y = \varepsilon^2 \alpha_D (m_\chi/m_{A'})^4$")),
    "BC3": (("m_chi", "GeV", r"$m_\chi$"), ("epsilon", "", r"$\varepsilon$")),
    "BC4": (("m_S", "GeV", r"$m_S$"), ("sin2theta", "", r"$\sin^2\theta$")),
    "BC5": (("m_S", "GeV", r"$m_S$"), ("sin2theta", "", r"$\sin^2\theta$")),
    "BC6": (("m_N", "GeV", r"$m_N$"), ("U2", "", r"$|U_e|^2$")),
    "BC7": (("m_N", "GeV", r"$m_N$"), ("U2", "", r"$|U_\mu|^2$")),
    "BC8": (("m_N", "GeV", r"$m_N$"), ("U2", "", r"$|U_\tau|^2$")),
    "BC9": (("m_a", "GeV", r"$m_a$"), ("g_agamma", "GeV^-1", r"$g_{a\gamma\gamma}$")),
    "BC10": (("m_a", "GeV", r"$m_a$"), ("inv_fl", "GeV^-1", r"$1/f_\ell$")),
    "BC11": (("m_a", "GeV", r"$m_a$"), ("inv_fG", "GeV^-1", r"$1/f_G$")),
}

# Names that are not a benchmark axis (generic planes, limit-file conventions, old names of files
# written before the scheme: m_A' of freezein_heavy, mass_GeV of the bcN_bbn planes, g_agg of BC9).
OTHER_TEX = {
    "U2": r"$|U|^2$",  # a HNL plane whose flavour is not known
    "m_A'": r"$m_{A'}$",
    "g_agg": r"$g_{a\gamma\gamma}$",
    "epsilon2": r"$\varepsilon^2$",
    "theta": r"$\theta$",
    "sin2_theta": r"$\sin^2\theta$",
    "mass_GeV": r"$m$",
    "omega_b_h2": r"$\Omega_b h^2$",
    "delta_neff": r"$\Delta N_{\rm eff}$",
    "tau_s": r"$\tau$",
    "mY_GeV": r"$m_X Y_X$",
}

UNITS_TEX = {"GeV^-1": r"GeV$^{-1}$", "cm^3/s": r"cm$^3$/s"}


def units_tex(units):
    return UNITS_TEX.get(units, units)


def tex(name, bench=""):
    """TeX label of an axis name: the benchmark's own (BC6-8 name the flavour of U2), else the label of
    any benchmark with that axis name, else OTHER_TEX, else the name itself."""
    axes = BENCHMARK_AXES.get(bench, ())
    for ax_name, _, label in axes:
        if ax_name == name:
            return label
    if name in OTHER_TEX:
        return OTHER_TEX[name]
    for axes in BENCHMARK_AXES.values():
        for ax_name, _, label in axes:
            if ax_name == name:
                return label
    return name


def axis_label(name, units="", bench=""):
    """The label of an axis with its unit, e.g. '$g_{a\\gamma\\gamma}$ [GeV$^{-1}$]'."""
    lab = tex(name, bench)
    return f"{lab} [{units_tex(units)}]" if units else lab


def _text(v):
    return v.decode() if isinstance(v, bytes) else str(v)


def dataset_label(ds, bench=None):
    """The label of /grid/mass or /grid/coupling of an open h5py file (benchmark from the file's root
    attribute `benchmark` unless given)."""
    if bench is None:
        bench = _text(ds.file.attrs.get("benchmark", ""))
    return axis_label(_text(ds.attrs.get("name", "")), _text(ds.attrs.get("units", "")), bench)
