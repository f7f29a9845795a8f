#!/usr/bin/python3
"""Plot the standard-BBN allowed band from an sbbn scan file (inputs/sbbn_band.ini).

Usage: /usr/bin/python3 tools/plot_bbn_band.py OUT.h5 [-o FIG.png]

Left: chi^2 - chi^2_min of (Yp, D/H) against PDG 2024 in the (Omega_b h^2, Delta N_eff) plane
with the 68% and 95% CL regions for two parameters (Delta chi^2 = 2.30, 6.18); the Planck 2018
Omega_b h^2 = 0.02237 +- 0.00015 is shown as a vertical band. Right: D/H and Yp along
Delta N_eff = 0 with the observed 1-sigma ranges. Failed points are grey.
Uses only Debian's python3-h5py, python3-numpy and python3-matplotlib.
"""
import argparse

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("-o", "--output", default=None)
    args = ap.parse_args(argv)
    out = args.output or args.file.rsplit(".", 1)[0] + "_band.png"
    with h5py.File(args.file, "r") as f:
        ob = f["/grid/mass"][...]
        dn = f["/grid/coupling"][...]
        chi2 = f["/quantities/chi2"][...]
        dh = f["/quantities/D_H"][...]
        yp = f["/quantities/Yp_mass_fraction"][...]
        st = f["/status"][...]
    chi2 = np.where(st == 0, chi2, np.nan)
    dchi2 = chi2 - np.nanmin(chi2)
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(11, 4.5))
    X, Y = np.meshgrid(ob, dn, indexing="ij")
    pc = a1.pcolormesh(X, Y, np.minimum(dchi2, 30.0), shading="auto", cmap="viridis_r")
    a1.contour(X, Y, dchi2, levels=[2.30, 6.18], colors=["w", "r"])
    a1.axvspan(0.02237 - 0.00015, 0.02237 + 0.00015, color="orange", alpha=0.3, label="Planck 2018")
    if np.any(st != 0):
        a1.scatter(X[st != 0], Y[st != 0], c="grey", s=8, label="failed")
    fig.colorbar(pc, ax=a1, label=r"$\Delta\chi^2$ (capped at 30)")
    a1.set_xlabel(r"$\Omega_b h^2$")
    a1.set_ylabel(r"$\Delta N_{\rm eff}$")
    a1.set_title("BBN (Yp, D/H; PDG 2024): 68%, 95% CL")
    a1.legend(loc="upper left", fontsize=8)
    j0 = int(np.argmin(np.abs(dn)))
    a2.plot(ob, dh[:, j0] * 1e5, "b-", label=r"D/H $\times 10^5$")
    a2.axhspan(2.547 - 0.029, 2.547 + 0.029, color="b", alpha=0.2)
    a2.set_xlabel(r"$\Omega_b h^2$")
    a2.set_ylabel(r"D/H $\times 10^5$", color="b")
    a3 = a2.twinx()
    a3.plot(ob, yp[:, j0], "r-", label="Yp (mass fraction)")
    a3.axhspan(0.245 - 0.003, 0.245 + 0.003, color="r", alpha=0.15)
    a3.set_ylabel("Yp", color="r")
    a2.set_title(r"$\Delta N_{\rm eff} = %.2g$" % dn[j0])
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    print("wrote", out)


if __name__ == "__main__":
    main()
