#!/usr/bin/python3
"""Plot the branching ratios br_* of a fipbounds scan file against mass at one coupling column.

Usage: /usr/bin/python3 tools/plot_br.py OUT.h5 [-c COUPLING] [--min-br 1e-3] [-o FIG.png]

Branching ratios do not depend on the coupling for the particle models (all widths scale alike),
but the file's own column is used: the one nearest to COUPLING (default: the middle column). Log
mass axis, log BR axis down to --min-br; channels that never exceed it are left out. The style is
that of the FORESEE/PBC model figures (one line per channel). Points that failed are gaps.
Uses only Debian's python3-h5py, python3-numpy and python3-matplotlib.
"""
import argparse
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def attr(obj, name, default=""):
    v = obj.attrs.get(name, default)
    return v.decode() if isinstance(v, bytes) else str(v)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("-c", "--coupling", type=float, default=None, help="coupling of the column (nearest)")
    ap.add_argument("--min-br", type=float, default=1e-3, help="lower end of the BR axis")
    ap.add_argument("-o", "--output", default=None)
    args = ap.parse_args(argv)
    out = args.output or args.file.rsplit(".", 1)[0] + "_br.png"

    with h5py.File(args.file, "r") as f:
        names = sorted(k for k in f["quantities"].keys() if k.startswith("br_"))
        if not names:
            sys.exit(f"plot_br: no br_* quantities in {args.file}")
        mass, coupling = f["grid/mass"][:], f["grid/coupling"][:]
        if args.coupling is None:
            j = len(coupling) // 2
        else:
            if not args.coupling > 0:
                sys.exit("plot_br: --coupling must be positive")
            j = int(np.argmin(np.abs(np.log(coupling) - np.log(args.coupling))))
        status = f["status"][:, j]
        br = {n: np.where(status == 0, f[f"quantities/{n}"][:, j].astype(float), np.nan) for n in names}
        mlabel = attr(f["grid/mass"], "name") or "mass"
        munits = attr(f["grid/mass"], "units")
        cname = attr(f["grid/coupling"], "name") or "coupling"
        bench = attr(f, "benchmark")
        version, githash = attr(f["code"], "version"), attr(f["code"], "git_hash")

    fig, ax = plt.subplots(figsize=(7.5, 5.0), dpi=150)
    styles = ["-", "--", "-.", ":"]
    shown = 0
    for i, n in enumerate(names):
        y = br[n]
        if not np.any(y > args.min_br):
            continue
        ax.plot(mass, np.where(y > 0, y, np.nan), styles[(i // 10) % 4], lw=1.4, label=n[3:])
        shown += 1
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_ylim(args.min_br, 1.5)
    ax.set_xlim(mass[0], mass[-1])
    ax.set_xlabel(f"{mlabel} [{munits}]" if munits else mlabel)
    ax.set_ylabel("branching ratio")
    ax.set_title(f"{bench}: branching ratios at {cname} = {coupling[j]:.3g}", fontsize=10)
    ax.grid(True, which="major", lw=0.3, alpha=0.5)
    ax.legend(fontsize=8, ncol=2, loc="lower left", frameon=True)
    fig.text(0.01, 0.005, f"fipbounds {version} ({githash})", fontsize=6, color="0.4")
    fig.tight_layout()
    fig.savefig(out)
    print(f"plot_br: wrote {out} ({shown} channels, column {j}: {cname} = {coupling[j]:.4g})")


if __name__ == "__main__":
    main()
