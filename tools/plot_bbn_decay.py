#!/usr/bin/python3
"""Plot the BBN and N_eff bands of a decaying particle from a bbn_decay scan file.

Usage: /usr/bin/python3 tools/plot_bbn_decay.py OUT.h5 [-o FIG.png]
(scan: mpirun -n 2 fipbounds run inputs/bbn_decay_generic.ini)

Left: the (tau, m Y) plane in the style of the BBN literature: Delta chi^2 = chi^2 - chi^2_SBBN of
(Yp, D/H) as colour, the excluded region of /bounds/bbn (Delta chi^2 > 5.99, 95% CL) and of
/bounds/neff (|N_eff - 2.99| > 0.34) as contours, and the points where the photodisintegration or
hadrodissociation cascades (not computed) could change the result hatched. Right: Yp and D/H
against m Y at the grid lifetime closest to 1 s, with the observed 1-sigma ranges. Failed points
are grey. Uses only Debian's python3-h5py, python3-numpy and python3-matplotlib.
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
    out = args.output or args.file.rsplit(".", 1)[0] + "_bbn_decay.png"
    with h5py.File(args.file, "r") as f:
        tau = f["/grid/mass"][...]
        my = f["/grid/coupling"][...]
        q = {k: f["/quantities/" + k][...] for k in ("delta_chi2", "Yp_mass_fraction", "D_H",
                                                      "flag_photodisintegration", "flag_hadrodissociation")}
        st = f["/status"][...]
        exb = f["/bounds/bbn/excluded"][...].astype(float)
        exn = f["/bounds/neff/excluded"][...].astype(float)
        attrs = dict(f["/bounds/bbn"].attrs)
    dchi2 = np.where(st == 0, q["delta_chi2"], np.nan)
    X, Y = np.meshgrid(tau, my, indexing="ij")
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(12, 4.8))
    pc = a1.pcolormesh(X, Y, np.clip(dchi2, 0.0, 100.0), shading="auto", cmap="viridis")
    fig.colorbar(pc, ax=a1, label=r"$\chi^2 - \chi^2_{\rm SBBN}$ (capped at 100)")
    if exb.any() and not exb.all():
        a1.contour(X, Y, exb, levels=[0.5], colors="r", linewidths=2)
    if exn.any() and not exn.all():
        a1.contour(X, Y, exn, levels=[0.5], colors="w", linestyles="--", linewidths=2)
    flag = (q["flag_photodisintegration"] + q["flag_hadrodissociation"]) > 0
    if flag.any():
        a1.contourf(X, Y, flag.astype(float), levels=[0.5, 1.5], colors="none", hatches=["//"])
    if np.any(st != 0):
        a1.scatter(X[st != 0], Y[st != 0], c="grey", s=8)
    a1.set_xscale("log")
    a1.set_yscale("log")
    a1.set_xlabel(r"$\tau_X$ [s]")
    a1.set_ylabel(r"$m_X Y_X$ [GeV]")
    m = attrs.get("mass_GeV", np.nan)
    a1.set_title(r"$m_X$ = %g GeV, $f_{\rm em}$ = %g, $f_\nu$ = %g: BBN (red), $N_{\rm eff}$ (white)"
                 % (m, attrs.get("f_em", np.nan), attrs.get("f_nu", np.nan)), fontsize=9)
    i0 = int(np.argmin(np.abs(np.log(tau))))
    a2.plot(my, q["D_H"][i0] * 1e5, "b-")
    a2.axhspan(2.547 - 0.029, 2.547 + 0.029, color="b", alpha=0.2)
    a2.set_xscale("log")
    a2.set_xlabel(r"$m_X Y_X$ [GeV]")
    a2.set_ylabel(r"D/H $\times 10^5$", color="b")
    a3 = a2.twinx()
    a3.plot(my, q["Yp_mass_fraction"][i0], "r-")
    a3.axhspan(0.245 - 0.003, 0.245 + 0.003, color="r", alpha=0.15)
    a3.set_ylabel("Yp (mass fraction)", color="r")
    a2.set_title(r"$\tau_X$ = %.3g s" % tau[i0])
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    print(out)


if __name__ == "__main__":
    main()
