#!/usr/bin/python3
"""Plot one per-point quantity of a fipbounds scan file in its (mass, coupling) plane.

Usage: /usr/bin/python3 tools/plot_scan.py OUT.h5 [-q ctau_m] [-o FIG.png]

Log axes with units from the file, a logarithmic colour scale for positive quantities, labelled
contour lines at decades, and points that failed or were not computed shown in grey.
Uses only Debian's python3-h5py, python3-numpy and python3-matplotlib.
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
import fb_axes  # noqa: E402  (tools/fb_axes.py, next to this script)


def attr(obj, name, default=""):
    v = obj.attrs.get(name, default)
    return v.decode() if isinstance(v, bytes) else str(v)


# Physics notation for the quantity names; the axes' labels are those of the benchmark definition
# (tools/fb_axes.py = src/models/fb_benchmark_axes.h; docs/output-format.md).
PRETTY = {
    "ctau_m": r"$c\tau$", "tau_s": r"$\tau$", "width_GeV": r"$\Gamma$", "omega_h2": r"$\Omega h^2$",
    "Yp": r"$Y_p$", "D_H": "D/H", "He3_H": r"$^3$He/H", "Li7_H": r"$^7$Li/H", "Neff": r"$N_{\rm eff}$",
    "chi2": r"$\chi^2$",
}


def pretty_units(units):
    return fb_axes.units_tex(units)


def axis_label(ds):
    """Label of /grid/mass or /grid/coupling (the file's benchmark names the HNL flavour)."""
    return fb_axes.dataset_label(ds)


def quantity_label(name, units, desc):
    """Colour-bar label: the physics symbol (or the description) with units, not the dataset name."""
    if name in PRETTY:
        text = PRETTY[name]
    elif name.startswith("br_"):
        text = "BR(" + name[3:] + ")"
    else:
        text = desc or name
    return f"{text} [{pretty_units(units)}]" if units else text


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("-q", "--quantity", default="ctau_m")
    ap.add_argument("-o", "--output", default=None)
    args = ap.parse_args(argv)
    out = args.output or args.file.rsplit(".", 1)[0] + f"_{args.quantity}.png"

    with h5py.File(args.file, "r") as f:
        if f"quantities/{args.quantity}" not in f:
            names = ", ".join(f["quantities"].keys())
            sys.exit(f"plot_scan: no quantity '{args.quantity}' in {args.file} (has: {names})")
        mass, coupling = f["grid/mass"][:], f["grid/coupling"][:]
        q = f[f"quantities/{args.quantity}"]
        z = q[:].astype(float)
        qunits, qdesc = attr(q, "units"), attr(q, "description")
        status = f["status"][:]
        xlabel, ylabel = axis_label(f["grid/mass"]), axis_label(f["grid/coupling"])
        xspacing = attr(f["grid/mass"], "spacing", "log")
        yspacing = attr(f["grid/coupling"], "spacing", "log")
        bench, model_desc = attr(f, "benchmark"), attr(f, "model_description")
        version, githash = attr(f["code"], "version"), attr(f["code"], "git_hash")
        complete = int(f.attrs.get("complete", 0))

    z = np.where(status == 0, z, np.nan)
    fig, ax = plt.subplots(figsize=(7.5, 5.5), dpi=150)
    finite = z[np.isfinite(z)]
    positive = finite[finite > 0]
    # a logarithmic colour scale only for positive quantities spanning more than a decade (c*tau);
    # a linear one for the rest (Yp over an sbbn plane varies by 10 %)
    if positive.size and positive.size == finite.size and positive.max() > 10.0 * positive.min():
        lo, hi = np.log10(positive.min()), np.log10(positive.max())
        norm = mcolors.LogNorm(vmin=10 ** np.floor(lo), vmax=10 ** np.ceil(hi))
    else:
        norm = None
    ax.set_facecolor("0.8")  # failed / not computed points
    mesh = ax.pcolormesh(mass, coupling, z.T, norm=norm, cmap="viridis", shading="nearest")
    cb = fig.colorbar(mesh, ax=ax)
    cb.set_label(quantity_label(args.quantity, qunits, qdesc))
    if norm is not None:
        levels = 10.0 ** np.arange(np.floor(lo), np.ceil(hi) + 1, 2)
        zc = np.where(np.isfinite(z) & (z > 0), z, np.nan)
        cs = ax.contour(mass, coupling, zc.T, levels=levels, colors="white", linewidths=0.7)
        ax.clabel(cs, fmt=lambda v: f"{v:.0e}", fontsize=7)
    # the axes follow the grid's own spacing (an sbbn plane has a linear Delta N_eff axis in [-1, 2])
    ax.set_xscale("log" if xspacing == "log" else "linear")
    ax.set_yscale("log" if yspacing == "log" else "linear")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    title = f"{bench}: {qdesc}" if bench else qdesc
    ax.set_title(title, fontsize=10)
    note = f"fipbounds {version} ({githash}); {model_desc}"
    if not complete:
        note += "; INCOMPLETE scan"
    fig.text(0.01, 0.01, note, fontsize=6, color="0.3")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(out)
    print(f"plot_scan: wrote {out}")


if __name__ == "__main__":
    main()
