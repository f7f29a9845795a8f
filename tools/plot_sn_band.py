#!/usr/bin/python3
"""Plot the SN1987A band (/bounds/sn1987a) or the HB bound (/bounds/hb) of a fipbounds scan file.

Usage: /usr/bin/python3 tools/plot_sn_band.py OUT.h5 [-o FIG.png]

Draws the excluded grid points (/bounds/<name>/excluded) in grey and the band edges found by root
finding (/bounds/sn1987a/edges: mass, lower, upper; /bounds/hb/edges: mass, g_max[, upper]) as lines, on
log axes with the axis names and units stored in the file. Debian's python3-h5py, -numpy and
-matplotlib only.
"""
import argparse
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import fb_axes  # noqa: E402  (tools/fb_axes.py: axis labels of the benchmark definitions)


def text(v):
    return v.decode() if isinstance(v, bytes) else str(v)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file")
    ap.add_argument("-o", "--output", default=None, help="figure file (default: FILE with .png)")
    a = ap.parse_args()
    out = a.output or a.file.rsplit(".", 1)[0] + "_band.png"
    with h5py.File(a.file, "r") as f:
        name = "sn1987a" if "bounds/sn1987a" in f else ("hb" if "bounds/hb" in f else None)
        if name is None:
            sys.exit(f"{a.file}: no /bounds/sn1987a or /bounds/hb (run a bc1_sn, bc9_sn or bc9_hb scan)")
        g = f["bounds/" + name]
        mass, coup = f["grid/mass"][()], f["grid/coupling"][()]
        xlab, ylab = fb_axes.dataset_label(f["grid/mass"]), fb_axes.dataset_label(f["grid/coupling"])
        excl = g["excluded"][()]
        edges = g["edges"][()]
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    M, C = np.meshgrid(mass, coup, indexing="ij")
    ax.scatter(M[excl == 1], C[excl == 1], s=4, c="0.75", label="excluded grid points")
    if name == "sn1987a":
        ok = np.isfinite(edges[:, 1])
        ax.plot(edges[ok, 0], edges[ok, 1], "C0-", label="lower edge (free streaming)")
        ax.plot(edges[ok, 0], edges[ok, 2], "C3-", label="upper edge (trapping, decays)")
        ax.set_title("SN1987A cooling band")
    else:
        ax.plot(edges[:, 0], edges[:, 1], "C0-", label="HB bound g_max (energy loss)")
        if edges.shape[1] > 2:  # upper edge: ALPs decaying inside the core (issue 16; NaN where closed)
            ax.plot(edges[:, 0], edges[:, 2], "C3-", label="upper edge (decays inside the core)")
        ax.set_title("Horizontal-branch bound")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(mass[0], mass[-1])
    ax.set_ylim(coup[0], coup[-1])
    ax.set_xlabel(xlab)
    ax.set_ylabel(ylab)
    ax.legend(loc="best", fontsize=8)
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    print(out)


if __name__ == "__main__":
    main()
