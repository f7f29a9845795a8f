#!/usr/bin/python3
"""Plot the branching ratios br_* of a fipbounds particle-model scan against mass at one coupling.

Usage: /usr/bin/python3 tools/plot_br.py OUT.h5 [-c COUPLING] [-o FIG.png] [--min-br 1e-3]

Generic: every quantity named br_<channel> is drawn (the BRs do not depend on the coupling when all
widths scale with one power of it; -c picks the grid column nearest to COUPLING, default the
middle one). Channels (alphabetical) whose BR never exceeds --min-br are summed into "other". The c*tau at that
column is drawn on a second axis when the file has ctau_m. Log mass axis with units from the file.
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
    ap.add_argument("-c", "--coupling", type=float, default=None)
    ap.add_argument("-o", "--output", default=None)
    ap.add_argument("--min-br", type=float, default=1e-3)
    args = ap.parse_args(argv)
    out = args.output or args.file.rsplit(".", 1)[0] + "_br.png"

    with h5py.File(args.file, "r") as f:
        names = sorted(k for k in f["quantities"].keys() if k.startswith("br_"))
        if not names:
            sys.exit(f"plot_br: no br_* quantity in {args.file}")
        mass, coupling = f["grid/mass"][:], f["grid/coupling"][:]
        j = len(coupling) // 2 if args.coupling is None else int(np.argmin(np.abs(np.log(coupling / args.coupling))))
        status = f["status"][:, j]
        br = {n: np.where(status == 0, f[f"quantities/{n}"][:, j].astype(float), np.nan) for n in names}
        ctau = f["quantities/ctau_m"][:, j].astype(float) if "quantities/ctau_m" in f else None
        mname, munits = attr(f["grid/mass"], "name"), attr(f["grid/mass"], "units")
        cname = attr(f["grid/coupling"], "name")
        bench, model_desc = attr(f, "benchmark"), attr(f, "model_description")
        version, githash = attr(f["code"], "version"), attr(f["code"], "git_hash")

    fig, ax = plt.subplots(figsize=(8.5, 5.5), dpi=150)
    other = np.zeros_like(mass, dtype=float)
    shown = 0
    cmap = plt.get_cmap("tab20")
    for n in names:
        y = br[n]
        if np.nanmax(np.nan_to_num(y)) < args.min_br:
            other += np.nan_to_num(y)
            continue
        style = "-" if shown < 20 else "--"
        ax.plot(mass, y, style, color=cmap(shown % 20), lw=1.2, label=n[3:])
        shown += 1
    if np.any(other > 0):
        ax.plot(mass, other, ":", color="k", lw=1.0, label=f"other (each < {args.min_br:g})")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_ylim(args.min_br, 1.5)
    ax.set_xlabel(f"{mname} [{munits}]" if munits else mname)
    ax.set_ylabel("branching ratio")
    ax.legend(fontsize=6, ncol=3, loc="lower left")
    if ctau is not None:
        ax2 = ax.twinx()
        ax2.plot(mass, ctau, color="0.3", lw=2.0, alpha=0.5)
        ax2.set_yscale("log")
        ax2.set_ylabel(f"c tau [m] at {cname} = {coupling[j]:.3g} (grey)")
    ax.set_title(f"{bench}: branching ratios ({cname} = {coupling[j]:.3g})" if bench else "branching ratios", fontsize=10)
    fig.text(0.01, 0.005, f"fipbounds {version} ({githash}); {model_desc}", fontsize=6, color="0.4")
    fig.tight_layout()
    fig.savefig(out)
    print(f"plot_br: wrote {out}")


if __name__ == "__main__":
    main()
