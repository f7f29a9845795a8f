#!/usr/bin/python3
"""Branching ratios of a particle-model scan file versus mass (the style of the FORESEE/PBC model
figures), with c*tau at one coupling on a second panel.

Usage: /usr/bin/python3 tools/plot_br.py OUT.h5 [-o FIG.png|FIG.pdf] [-c COUPLING] [--min-br 1e-3] [--efrac]

Reads /quantities/br_<channel> (or, with --efrac, the channel-class energy fractions
efrac_<class>) at the first coupling column, or the one nearest -c (BRs do not depend on the coupling) and ctau_m
rescaled to unit coupling. Channels whose BR never exceeds --min-br are left out. Uses only
Debian's python3-h5py, python3-numpy and python3-matplotlib.
"""
import argparse
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import fb_axes  # noqa: E402
from plot_scan import attr, axis_label, pretty_units  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("-o", "--output", default=None)
    ap.add_argument("--min-br", type=float, default=1e-3)
    ap.add_argument("-c", "--coupling", type=float, default=None,
                    help="coupling column to read (nearest grid value; default: the first; BRs do not depend on it)")
    ap.add_argument("--efrac", action="store_true", help="plot the channel-class energy fractions instead")
    args = ap.parse_args(argv)
    if args.coupling is not None and not args.coupling > 0:
        ap.error(f"-c {args.coupling}: the coupling must be positive")
    prefix = "efrac_" if args.efrac else "br_"
    out = args.output or args.file.rsplit(".", 1)[0] + ("_efrac.png" if args.efrac else "_br.png")
    with h5py.File(args.file, "r") as f:
        q = f["quantities"]
        names = [n for n in q.keys() if n.startswith(prefix)]
        if not names:
            sys.exit(f"plot_br: {args.file} has no /quantities/{prefix}* (not a particle-model scan)")
        mass = f["grid/mass"][:]
        coupling = f["grid/coupling"][:]
        status = f["status"][:]
        col = 0 if args.coupling is None else int(np.argmin(np.abs(np.log(coupling / args.coupling))))
        ok = status[:, col] == 0
        series = {n[len(prefix):]: np.where(ok, q[n][:, col], np.nan) for n in names}
        ctau = np.where(ok, q["ctau_m"][:, col], np.nan) if "ctau_m" in q else None
        cname = attr(f["grid/coupling"], "name")
        cunits = attr(f["grid/coupling"], "units")
        bench, desc = attr(f, "benchmark"), attr(f, "model_description")
        version, githash = attr(f["code"], "version"), attr(f["code"], "git_hash")
        xlabel = axis_label(f["grid/mass"])
    # c*tau at unit coupling: widths scale as a power of the coupling, found from two columns
    power = None
    if ctau is not None and coupling.size > 1:
        with h5py.File(args.file, "r") as f:
            c1 = f["quantities/ctau_m"][:, 1 if col == 0 else col - 1]
        good = np.isfinite(ctau) & np.isfinite(c1) & (ctau > 0) & (c1 > 0)
        if good.any():
            other = 1 if col == 0 else col - 1
            power = np.median(np.log(ctau[good] / c1[good]) / np.log(coupling[other] / coupling[col]))
    fig, axes = plt.subplots(2 if power else 1, 1, figsize=(7.5, 7.5 if power else 5), dpi=150, sharex=True,
                             gridspec_kw={"height_ratios": [2.2, 1]} if power else None)
    ax = axes[0] if power else axes
    cmap = plt.get_cmap("tab10")
    shown = 0
    for i, (name, br) in enumerate(sorted(series.items(), key=lambda kv: -np.nanmax(np.nan_to_num(kv[1])))):
        if not np.nanmax(np.nan_to_num(br)) > args.min_br:
            continue
        ls = "-" if shown < 10 else "--"
        ax.plot(mass, np.where(br > 0, br, np.nan), ls, color=cmap(shown % 10), lw=1.4, label=name.replace("_", " "))
        shown += 1
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_ylim(args.min_br, 1.5)
    ax.set_ylabel("energy fraction" if args.efrac else "branching ratio")
    ax.grid(alpha=0.3, which="both", lw=0.4)
    ax.legend(fontsize=7, ncol=3, loc="lower left", framealpha=0.85)
    ax.set_title(f"{bench}: {'energy fractions by channel class' if args.efrac else 'branching ratios'}", fontsize=10)
    if power:
        ctau1 = ctau * coupling[col] ** power
        axes[1].plot(mass, ctau1, "k", lw=1.4)
        axes[1].set_yscale("log")
        sym = fb_axes.tex(cname, bench)
        unit = f" {pretty_units(cunits)}" if cunits else ""
        axes[1].set_ylabel(rf"$c\tau$ [m] at {sym} = 1{unit}")
        axes[1].grid(alpha=0.3, which="both", lw=0.4)
        axes[1].set_xlabel(xlabel)
    else:
        ax.set_xlabel(xlabel)
    fig.text(0.01, 0.005, f"fipbounds {version} ({githash}); {desc}", fontsize=6, color="0.3")
    fig.tight_layout(rect=(0, 0.02, 1, 1))
    fig.savefig(out)
    print(f"plot_br: wrote {out}")


if __name__ == "__main__":
    main()
