#!/usr/bin/python3
"""Plot the branching ratios (every br_* quantity) of a fipbounds scan file against the mass.

Usage: /usr/bin/python3 tools/plot_br.py OUT.h5 [-c COUPLING] [-o FIG.png] [--linear]

Takes the coupling column nearest to COUPLING (default: the middle of the grid; branching ratios of
the particle models do not depend on the coupling), log mass axis, log BR axis from 1e-4 (linear
0-1 with --linear); points that failed are left out. Uses only Debian's python3-h5py,
python3-numpy and python3-matplotlib.
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
    ap.add_argument("-c", "--coupling", type=float, default=None)
    ap.add_argument("-o", "--output", default=None)
    ap.add_argument("--linear", action="store_true")
    args = ap.parse_args(argv)
    out = args.output or args.file.rsplit(".", 1)[0] + "_br.png"

    with h5py.File(args.file, "r") as f:
        names = [k for k in f["quantities"].keys() if k.startswith("br_")]
        if not names:
            sys.exit(f"plot_br: no br_* quantity in {args.file}")
        mass, coupling = f["grid/mass"][:], f["grid/coupling"][:]
        j = len(coupling) // 2 if args.coupling is None else int(np.argmin(np.abs(np.log(coupling / args.coupling))))
        status = f["status"][:, j]
        br = {n: np.where(status == 0, f[f"quantities/{n}"][:, j].astype(float), np.nan) for n in names}
        xunits = attr(f["grid/mass"], "units")
        cname, cunits = attr(f["grid/coupling"], "name"), attr(f["grid/coupling"], "units")
        bench, model_desc = attr(f, "benchmark"), attr(f, "model_description")
        version, githash = attr(f["code"], "version"), attr(f["code"], "git_hash")

    fig, ax = plt.subplots(figsize=(7.5, 5.0), dpi=150)
    for n in names:
        y = br[n]
        if not np.any(np.nan_to_num(y) > (0 if args.linear else 1e-4)):
            continue  # channel never visible on this axis
        ax.plot(mass, y, label=n[3:], lw=1.2)
    ax.set_xscale("log")
    if args.linear:
        ax.set_ylim(0, 1.05)
    else:
        ax.set_yscale("log")
        ax.set_ylim(1e-4, 1.5)
    ax.set_xlabel(f"mass [{xunits}]" if xunits else "mass")
    ax.set_ylabel("branching ratio")
    ax.set_title(f"{bench}: branching ratios at {cname} = {coupling[j]:.3g} {cunits}".strip(), fontsize=10)
    ax.legend(fontsize=7, ncol=2, loc="lower left")
    ax.grid(alpha=0.3, which="both", lw=0.4)
    fig.text(0.01, 0.01, f"fipbounds {version} ({githash}); {model_desc}", fontsize=6, color="0.3")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(out)
    print(f"plot_br: wrote {out}")


if __name__ == "__main__":
    main()
