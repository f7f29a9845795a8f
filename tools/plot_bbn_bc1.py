#!/usr/bin/python3
"""Plot the BBN diagnostics of the BC1 dark photon from a bc1_bbn scan file (inputs/bc1_bbn.ini).

Usage: /usr/bin/python3 tools/plot_bbn_bc1.py OUT.h5 [-o FIG.png] [--masses 0.3,0.5,1,1.7]

Left: the (m_A', epsilon) plane with Delta chi^2 = chi^2 - chi^2_SBBN of (Yp, D/H) as colour, the
excluded region of /bounds/bbn (Delta chi^2 > 5.99, 95% CL; red contour) and the lifetime contours
tau = 1e-3 s (below: decayed before BBN, standard BBN), 0.02 s (the meson bound of arXiv:2008.00749 for
thermal HNLs, for comparison) and 1e5 s (above: cascades, the photodisintegration model; failed points
grey). Right: Yp and D/H against epsilon at a few masses with the observed 1-sigma ranges (PDG 2024:
Yp = 0.245 +- 0.003, D/H = (2.547 +- 0.029)e-5, the values of the chi^2). Uses Debian's python3-h5py,
numpy, matplotlib.
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

YP_OBS, YP_ERR = 0.245, 0.003      # PDG 2024 (as src/bbn/bbn_chi2.c)
DH_OBS, DH_ERR = 2.547e-5, 0.029e-5


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("-o", "--output", default=None)
    ap.add_argument("--masses", default="0.3,0.5,1,1.7", help="masses [GeV] of the right-hand panels")
    args = ap.parse_args(argv)
    out = args.output or args.file.rsplit(".", 1)[0] + "_diag.png"
    with h5py.File(args.file, "r") as f:
        m = f["/grid/mass"][...]
        eps = f["/grid/coupling"][...]
        q = {k: f["/quantities/" + k][...] for k in ("delta_chi2", "tau_s", "Yp_mass_fraction", "D_H")}
        st = f["/status"][...]
        ex = f["/bounds/bbn/excluded"][...].astype(float)
        xlabel, elabel = fb_axes.dataset_label(f["/grid/mass"]), fb_axes.dataset_label(f["/grid/coupling"])
    ok = st == 0
    fig, (ax, ay) = plt.subplots(1, 2, figsize=(13, 5.2), gridspec_kw={"width_ratios": [1.25, 1]})
    M, E = np.meshgrid(m, eps, indexing="ij")
    d = np.where(ok, q["delta_chi2"], np.nan)
    pc = ax.pcolormesh(M, E, np.sign(d) * np.log10(1.0 + np.abs(d)), cmap="RdBu_r", vmin=-4, vmax=4,
                       shading="nearest")
    fig.colorbar(pc, ax=ax, label=r"sign$(\Delta\chi^2)\,\log_{10}(1 + |\Delta\chi^2|)$")
    ax.pcolormesh(M, E, np.where(ok, np.nan, 1.0), cmap="Greys", vmin=0, vmax=2, shading="nearest")
    ax.contour(M, E, ex, levels=[0.5], colors="red", linewidths=2)
    tau = np.where(ok, q["tau_s"], np.nan)
    cs = ax.contour(M, E, np.log10(tau), levels=[-3, np.log10(0.02), 5], colors="k", linestyles=[":", "--", "-."])
    ax.clabel(cs, fmt={-3: "1e-3 s", np.log10(0.02): "0.02 s", 5: "1e5 s"}, fontsize=8)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(elabel)
    ax.set_title("BC1 BBN: excluded (red), lifetimes (black), failed (grey)")
    ay2 = ay.twinx()
    for k, mw in enumerate(float(x) for x in args.masses.split(",")):
        i = int(np.argmin(np.abs(np.log(m / mw))))
        sel = ok[i]
        c = "C%d" % k
        ay.plot(eps[sel], q["Yp_mass_fraction"][i, sel], "-", color=c, label=r"$Y_p$, $m$ = %.2f GeV" % m[i])
        ay2.plot(eps[sel], q["D_H"][i, sel] / 1e-5, "--", color=c)
    ay.axhspan(YP_OBS - YP_ERR, YP_OBS + YP_ERR, color="grey", alpha=0.3)
    ay2.axhspan((DH_OBS - DH_ERR) / 1e-5, (DH_OBS + DH_ERR) / 1e-5, color="orange", alpha=0.3)
    ay.set_xscale("log")
    ay.set_xlabel(elabel)
    ay.set_ylabel(r"$Y_p$ (solid; grey: PDG 2024 1$\sigma$)")
    ay2.set_ylabel(r"D/H $\times 10^5$ (dashed; orange: PDG 2024 1$\sigma$)")
    ay.legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    print("plot_bbn_bc1: wrote " + out)


if __name__ == "__main__":
    main()
