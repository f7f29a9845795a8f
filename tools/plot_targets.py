#!/usr/bin/python3
"""Plot the BC2 thermal-target lines /targets/<spin>/{mass_GeV, y} of one or more fipbounds files.

Usage: /usr/bin/python3 tools/plot_targets.py OUT1.h5 [OUT2.h5 ...] [-o FIG.png] [--omega]

Every /targets/<name> group of every file becomes one line in the (m_chi, y) plane, labelled with
its spin and the attributes alpha_D, ratio (and delta for pseudodirac). With --omega and a single
file, the Omega h^2 map of that file is drawn underneath (log colour scale) with the CMB excluded
region (/bounds/cmb_pann/excluded) hatched. Uses only Debian's python3-h5py, numpy, matplotlib.
"""
import argparse
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.colors as mcolors  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import fb_axes  # noqa: E402  (tools/fb_axes.py: axis labels of the benchmark definitions)


def attr(obj, name, default=""):
    v = obj.attrs.get(name, default)
    return v.decode() if isinstance(v, bytes) else v


# Diverging colour scale centred at the observed Omega_c h^2 = 0.12 (Planck 2018, arXiv:1807.06209),
# logarithmic on both sides: blue = under-abundant, red = over-abundant.
OMEGA_NORM = mcolors.TwoSlopeNorm(vcenter=np.log10(0.12), vmin=-4.0, vmax=4.0)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("-o", "--output", default="targets.png")
    ap.add_argument("--omega", action="store_true", help="draw the Omega h^2 map of the (single) file")
    args = ap.parse_args(argv)

    fig, ax = plt.subplots(figsize=(7.5, 5.5), dpi=150)
    n_lines = 0
    for path in args.files:
        with h5py.File(path, "r") as f:
            if args.omega and len(args.files) == 1 and "quantities/omega_h2" in f:
                m, y = f["grid/mass"][:], f["grid/coupling"][:]
                om = np.where(f["status"][:] == 0, f["quantities/omega_h2"][:], np.nan)
                mesh = ax.pcolormesh(m, y, np.log10(om).T, norm=OMEGA_NORM, cmap="RdBu_r",
                                     shading="nearest")
                cb = fig.colorbar(mesh, ax=ax, ticks=[-4, -2, np.log10(0.12), 2, 4])
                cb.ax.set_yticklabels(["1e-4", "1e-2", "0.12", "1e2", "1e4"])
                cb.set_label(r"$\Omega_\chi h^2$ (white: 0.12, Planck 2018)")
                if "bounds/cmb_pann/excluded" in f:
                    ex = f["bounds/cmb_pann/excluded"][:].astype(float)
                    if ex.any():
                        ax.contourf(m, y, ex.T, levels=[0.5, 1.5], colors="none", hatches=["//"])
                        ax.contour(m, y, ex.T, levels=[0.5], colors="k", linewidths=0.8)
            if "targets" not in f:
                print(f"plot_targets: {path} has no /targets group", file=sys.stderr)
                continue
            for name, g in f["targets"].items():
                mass, yv = g["mass_GeV"][:], g["y"][:]
                ok = np.isfinite(yv)
                label = f"{attr(g, 'spin', name)}, $\\alpha_D$ = {attr(g, 'alpha_D'):g}, " \
                        f"$m_{{A'}}/m_\\chi$ = {attr(g, 'ratio'):g}"
                if attr(g, "spin", name) == "pseudodirac":
                    label += f", $\\delta$ = {attr(g, 'delta'):g}"
                ax.plot(mass[ok], yv[ok], lw=1.6, label=label)
                n_lines += 1
    if n_lines == 0:
        sys.exit("plot_targets: no target lines found")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(fb_axes.axis_label("m_chi", "GeV", "BC2"))
    ax.set_ylabel(fb_axes.axis_label("y", "", "BC2"))
    ax.set_title(r"BC2 thermal targets ($\Omega h^2 = 0.120$)", fontsize=10)
    ax.legend(fontsize=7)
    ax.grid(True, which="major", alpha=0.3)
    fig.tight_layout()
    fig.savefig(args.output)
    print(f"plot_targets: wrote {args.output}")


if __name__ == "__main__":
    main()
