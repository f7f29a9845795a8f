#!/usr/bin/python3
"""Summary figure of a fipbounds scan file (PBC style), PNG or PDF.

    /usr/bin/python3 tools/plot_summary.py OUT.h5 -o FIG.png|FIG.pdf [--title TEXT]
    (or: fipbounds plot OUT.h5 -o FIG.png)

Draws, on log axes with the grid's units:
  - accelerator limits (/limits/<experiment>/excluded, written by `fipbounds merge`) as filled
    grey regions with their boundary and a label inside each region;
  - computed bounds (/bounds/<name>/excluded, any name) as coloured bands; the conventional
    colours are used when the name says what the bound is (SN1987A, HB, BBN, CMB), others cycle;
  - target lines (/targets/<name>/mass_GeV and y) as black lines;
  - a caption with the model, benchmark, model parameters (/input/<model section>, e.g. alpha_D,
    ratio), grid size and code version.
Only Debian's python3-matplotlib, python3-h5py and python3-numpy are used.
Exit status: 0 success, 1 failure, 2 bad input (missing file or no grid).
"""
import argparse
import os
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.patches as mpatches  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

# Conventional colours of the PBC / FIPs summary plots (arXiv:1901.09966 figures; arXiv:2102.12143).
BOUND_STYLES = [
    (("sn1987a", "sn_1987a", "supernova", "sn"), "#f2a65a", "SN1987A"),
    (("hb", "horizontal_branch", "globular"), "#8fbc5a", "HB stars"),
    (("bbn",), "#6fa8dc", "BBN"),
    (("cmb", "neff", "planck"), "#c27ba0", "CMB"),
]
OTHER_COLOURS = ["#e06666", "#76a5af", "#ffd966", "#8e7cc3", "#93c47d", "#f6b26b"]
GREYS = ["#9e9e9e", "#bdbdbd", "#757575", "#cfcfcf", "#8a8a8a", "#b0b0b0"]

# Axis labels for the known axis names (TeX); unknown names are printed as they are.
AXIS_TEX = {
    "m_Aprime": r"$m_{A'}$",
    "epsilon": r"$\varepsilon$",
    "epsilon2": r"$\varepsilon^2$",
    "m_S": r"$m_S$",
    "theta": r"$\theta$",
    "sin2_theta": r"$\sin^2\theta$",
    "m_a": r"$m_a$",
    "g_agamma": r"$g_{a\gamma}$",
    "m_N": r"$m_N$",
    "U2": r"$|U|^2$",
    "m_chi": r"$m_\chi$",
    "y": r"$y$",
}


def text(v):
    return v.decode() if isinstance(v, bytes) else str(v)


def axis_label(ds):
    name = text(ds.attrs.get("name", ""))
    units = text(ds.attrs.get("units", ""))
    lab = AXIS_TEX.get(name, name)
    return f"{lab} [{units}]" if units else lab


def bound_style(name, k):
    low = name.lower()
    for keys, colour, label in BOUND_STYLES:
        if any(low == key or low.startswith(key + "_") or low.startswith(key) and len(key) > 2 for key in keys):
            return colour, f"{label} ({name})" if label.lower() != low else label
    return OTHER_COLOURS[k % len(OTHER_COLOURS)], name


def label_position(mask, m, c, placed):
    """A grid point inside the mask for the label: the excluded point nearest to the region's
    centroid (log space) that is not too close to the labels already placed (axes fractions);
    None when there is no room."""
    idx = np.argwhere(mask > 0)
    if len(idx) == 0:
        return None
    lm, lc = np.log10(m[idx[:, 0]]), np.log10(c[idx[:, 1]])
    fx = (lm - np.log10(m[0])) / (np.log10(m[-1]) - np.log10(m[0]))
    fy = (lc - np.log10(c[0])) / (np.log10(c[-1]) - np.log10(c[0]))
    order = np.argsort((lm - lm.mean()) ** 2 + (lc - lc.mean()) ** 2)
    for k in order[: 4000]:
        # label boxes are about 0.09 x 0.03 of the axes
        if all(abs(fx[k] - px) > 0.09 or abs(fy[k] - py) > 0.035 for px, py in placed):
            placed.append((fx[k], fy[k]))
            return m[idx[k, 0]], c[idx[k, 1]]
    return None


def caption_line(f):
    parts = []
    model = text(f.attrs.get("model", ""))
    bench = text(f.attrs.get("benchmark", ""))
    if bench or model:
        parts.append(f"{bench} ({model})" if model else bench)
    inp = f.get("input")
    if inp is not None and model and model in inp:
        for k, v in inp[model].attrs.items():
            if isinstance(v, (bytes, str)):
                parts.append(f"{k} = {text(v)}")
            else:
                parts.append(f"{k} = {float(v):.4g}")
    m, c = f["grid/mass"], f["grid/coupling"]
    parts.append(f"grid {m.shape[0]} x {c.shape[0]}")
    code = f.get("code")
    if code is not None:
        parts.append(f"fipbounds {text(code.attrs.get('version', ''))} ({text(code.attrs.get('git_hash', ''))})")
    return "; ".join(parts)


def draw(path, out, title=None):
    with h5py.File(path, "r") as f:
        if "grid/mass" not in f or "grid/coupling" not in f:
            print(f"plot_summary: {path} has no /grid/mass and /grid/coupling: not a fipbounds scan file",
                  file=sys.stderr)
            return 2
        m = f["grid/mass"][:]
        c = f["grid/coupling"][:]
        M, C = np.meshgrid(m, c, indexing="ij")
        plt.rcParams.update({"font.size": 13, "axes.labelsize": 15, "legend.fontsize": 11})
        fig, ax = plt.subplots(figsize=(9, 7))
        handles = []

        # computed bounds: coloured, semi-transparent, with their boundary
        if "bounds" in f:
            for k, name in enumerate(sorted(f["bounds"].keys())):
                g = f["bounds"][name]
                if "excluded" not in g or g["excluded"].shape != M.shape:
                    continue
                mask = g["excluded"][:].astype(float)
                if not mask.any():
                    continue
                colour, label = bound_style(name, k)
                ax.contourf(M, C, mask, levels=[0.5, 1.5], colors=[colour], alpha=0.55, zorder=2)
                ax.contour(M, C, mask, levels=[0.5], colors=[colour], linewidths=1.6, zorder=3)
                handles.append(mpatches.Patch(color=colour, alpha=0.7, label=label))

        # accelerator limits: grey filled regions with labels
        if "limits" in f:
            names = sorted(k for k in f["limits"].keys() if isinstance(f["limits"][k], h5py.Group))
            drawn = 0
            placed = []
            for k, name in enumerate(names):
                g = f["limits"][name]
                mask = g["excluded"][:].astype(float)
                if not mask.any():
                    continue
                grey = GREYS[k % len(GREYS)]
                ax.contourf(M, C, mask, levels=[0.5, 1.5], colors=[grey], alpha=0.85, zorder=4)
                ax.contour(M, C, mask, levels=[0.5], colors=["#424242"], linewidths=0.8, zorder=5)
                pos = label_position(mask, m, c, placed)
                if pos is not None:
                    ax.text(pos[0], pos[1], text(g.attrs.get("experiment", name)), fontsize=9, ha="center",
                            va="center", color="#212121", zorder=8, clip_on=True)
                drawn += 1
            if drawn:
                handles.append(mpatches.Patch(color=GREYS[0], alpha=0.85,
                                              label=f"accelerator limits ({drawn})"))

        # target lines
        if "targets" in f:
            styles = ["-", "--", "-.", ":"]
            for k, name in enumerate(sorted(f["targets"].keys())):
                g = f["targets"][name]
                if "mass_GeV" not in g or "y" not in g:
                    continue
                (line,) = ax.plot(g["mass_GeV"][:], g["y"][:], color="black", ls=styles[k % 4], lw=2.0,
                                  zorder=7, label=f"target: {name}")
                handles.append(line)

        ax.set_xscale("log" if text(f["grid/mass"].attrs.get("spacing", "log")) == "log" else "linear")
        ax.set_yscale("log")
        ax.set_xlim(m.min(), m.max())
        ax.set_ylim(c.min(), c.max())
        ax.set_xlabel(axis_label(f["grid/mass"]))
        ax.set_ylabel(axis_label(f["grid/coupling"]))
        ax.grid(True, which="major", alpha=0.25)
        bench = text(f.attrs.get("benchmark", ""))
        desc = text(f.attrs.get("model_description", ""))
        ax.set_title(title if title else (f"{bench}: {desc}" if desc else bench), fontsize=14)
        if handles:
            ax.legend(handles=handles, loc="lower right", framealpha=0.9)
        else:
            ax.text(0.5, 0.5, "no bounds, limits or targets in this file", transform=ax.transAxes,
                    ha="center", va="center", color="#616161")
        fig.text(0.01, 0.01, caption_line(f), fontsize=9, color="#424242", ha="left", va="bottom")
        fig.tight_layout(rect=(0, 0.03, 1, 1))
        fig.savefig(out, dpi=200 if out.endswith(".png") else None)
        plt.close(fig)
    print(f"plot_summary: wrote {out}")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scan", help="fipbounds output file (HDF5)")
    ap.add_argument("-o", "--output", help="FIG.png or FIG.pdf (default: SCAN.png)")
    ap.add_argument("--title", help="figure title (default: benchmark and model description)")
    a = ap.parse_args()
    if not os.path.exists(a.scan):
        print(f"plot_summary: {a.scan} does not exist", file=sys.stderr)
        return 2
    out = a.output or os.path.splitext(a.scan)[0] + ".png"
    if not (out.endswith(".png") or out.endswith(".pdf")):
        print(f"plot_summary: {out}: the figure must end in .png or .pdf", file=sys.stderr)
        return 2
    try:
        return draw(a.scan, out, a.title)
    except OSError as e:
        print(f"plot_summary: cannot read {a.scan}: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
