#!/usr/bin/python3
"""Plot the freeze-in target lines /targets/freezein_light/{mass_GeV, Q} and/or
/targets/freezein_heavy/{mass_GeV, epsilon} of one or more fipbounds files.

Usage: /usr/bin/python3 tools/plot_freezein.py OUT1.h5 [OUT2.h5 ...] [-o FIG.png]

Light-mediator lines are drawn in the (m_chi, Q) plane, heavy-mediator lines in the (m_A', eps)
plane (one panel each, only the panels that have data). For the light line, the per-channel shares
(/quantities/fraction_*) are drawn in a small panel underneath when present. Failed points
(status != 0) are left out. Uses only Debian's python3-h5py, numpy, matplotlib.
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


def attr(obj, name, default=""):
    v = obj.attrs.get(name, default)
    return v.decode() if isinstance(v, bytes) else v


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("-o", "--output", default="freezein.png")
    args = ap.parse_args(argv)

    light, heavy, shares = [], [], None
    for path in args.files:
        with h5py.File(path, "r") as f:
            if "targets/freezein_light" in f:
                g = f["targets/freezein_light"]
                ok = g["status"][:] == 0
                light.append((g["mass_GeV"][:][ok], g["Q"][:][ok],
                              "T_RH = %g GeV" % attr(g, "T_reheat_GeV")))
                if shares is None and "quantities/fraction_ee" in f:
                    names = [k for k in f["quantities"] if k.startswith("fraction_")]
                    shares = (g["mass_GeV"][:], {k[9:]: f["quantities/" + k][:].ravel() for k in names})
            if "targets/freezein_heavy" in f:
                g = f["targets/freezein_heavy"]
                ok = g["status"][:] == 0
                heavy.append((g["mass_GeV"][:][ok], g["epsilon"][:][ok],
                              "m_chi = %g GeV, alpha_D = %g" % (attr(g, "mass_chi_GeV"), attr(g, "alpha_D"))))
    if not light and not heavy:
        print("plot_freezein: no /targets/freezein_light or /targets/freezein_heavy in the files", file=sys.stderr)
        return 1
    ncol = int(bool(light)) + int(bool(heavy))
    nrow = 2 if (light and shares is not None) else 1
    fig, axes = plt.subplots(nrow, ncol, figsize=(6.5 * ncol, 4.5 * nrow), dpi=150, squeeze=False,
                             gridspec_kw={"height_ratios": [2, 1][:nrow]})
    col = 0
    if light:
        ax = axes[0][col]
        for m, q, lab in light:
            ax.loglog(m, q, label=lab)
        ax.set_xlabel(fb_axes.axis_label("m_chi", "GeV", "BC2"))
        ax.set_ylabel(r"$Q = \epsilon g_D / e$ for $\Omega h^2 = 0.12$")
        ax.set_title("freeze-in, light mediator (Dirac $\\chi$)")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
        if nrow == 2:
            ax2 = axes[1][col]
            m, d = shares
            for k in sorted(d):
                ax2.semilogx(m, d[k], label=k)
            ax2.set_xlabel(fb_axes.axis_label("m_chi", "GeV", "BC2"))
            ax2.set_ylabel("share of the yield")
            ax2.set_ylim(0, 1)
            ax2.grid(True, alpha=0.3)
            ax2.legend(fontsize=7, ncol=3)
        col += 1
    if heavy:
        ax = axes[0][col]
        for m, e, lab in heavy:
            ax.loglog(m, e, label=lab)
        ax.set_xlabel(fb_axes.axis_label("m_Aprime", "GeV", "BC1"))
        ax.set_ylabel(r"$\epsilon$ for $\Omega h^2 = 0.12$")
        ax.set_title("freeze-in, heavy dark photon")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
        if nrow == 2:
            axes[1][col].axis("off")
    fig.tight_layout()
    fig.savefig(args.output)
    print("wrote", args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
