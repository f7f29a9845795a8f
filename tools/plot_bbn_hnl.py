#!/usr/bin/python3
"""Plot the BBN band of a heavy neutral lepton plane from a bc6_bbn / bc7_bbn / bc8_bbn scan file.

Usage: /usr/bin/python3 tools/plot_bbn_hnl.py OUT.h5 [-o FIG.png]
(scan: mpirun -n 2 fipbounds run inputs/bc6_bbn.ini)

Left: the (m_N, |U|^2) plane with Delta chi^2 = chi^2 - chi^2_SBBN of (Yp, D/H) as colour, the excluded
region of /bounds/bbn (Delta chi^2 > 5.99, 95% CL; red) and of /bounds/neff (white dashed), the
lifetime contours tau_N = 0.02 s (the bound of Boyarsky et al. arXiv:2008.00749, black) and
tau_N = 1e-3 s (below it: decayed before BBN, treated as standard BBN); failed points (tau > 1e5 s:
cascades not computed) grey. Right: the abundance before decay n_N/n_gamma at T0 = 10 MeV and the
decoupling temperature along the tau = 0.02 s line. Uses Debian's python3-h5py, numpy, matplotlib.
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


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("-o", "--output", default=None)
    args = ap.parse_args(argv)
    out = args.output or args.file.rsplit(".", 1)[0] + ".png"
    with h5py.File(args.file, "r") as f:
        m = f["/grid/mass"][...]
        u2 = f["/grid/coupling"][...]
        q = {k: f["/quantities/" + k][...] for k in ("delta_chi2", "tau_s", "n_over_ngamma_T0", "T_dec_GeV")}
        st = f["/status"][...]
        exb = f["/bounds/bbn/excluded"][...].astype(float)
        exn = f["/bounds/neff/excluded"][...].astype(float)
        model = f.attrs.get("model", b"")
        xlabel, ulabel = fb_axes.dataset_label(f["/grid/mass"]), fb_axes.dataset_label(f["/grid/coupling"])
    if isinstance(model, bytes):
        model = model.decode()
    ok = st == 0
    dchi2 = np.where(ok, q["delta_chi2"], np.nan)
    X, Y = np.meshgrid(m, u2, indexing="ij")
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(12, 4.8))
    pc = a1.pcolormesh(X, Y, np.clip(dchi2, 0.0, 100.0), shading="auto", cmap="viridis")
    fig.colorbar(pc, ax=a1, label=r"$\chi^2 - \chi^2_{\rm SBBN}$ (capped at 100)")
    if exb.any() and not exb.all():
        a1.contour(X, Y, exb, levels=[0.5], colors="r", linewidths=2)
    if exn.any() and not exn.all():
        a1.contour(X, Y, exn, levels=[0.5], colors="w", linestyles="--", linewidths=2)
    # tau ~ 1/U2 at fixed mass: the lifetime is defined at every point (also the failed ones? no: use
    # the computed ones and extrapolate along U2 with tau U2 = const per mass)
    tauU = np.nanmedian(np.where(ok, q["tau_s"] * Y, np.nan), axis=1)
    for t, sty in ((0.02, "k-"), (1e-3, "k:")):
        a1.plot(m, tauU / t, sty, lw=1.5, label=r"$\tau_N$ = %g s" % t)
    if np.any(~ok):
        a1.scatter(X[~ok], Y[~ok], c="grey", s=8, label=r"failed ($\tau_N$ > 1e5 s)")
    a1.set_xscale("log")
    a1.set_yscale("log")
    a1.set_ylim(u2[0], u2[-1])
    a1.set_xlabel(xlabel)
    a1.set_ylabel(ulabel)
    a1.legend(loc="lower left", fontsize=8)
    a1.set_title("%s: BBN excluded (red), $N_{\\rm eff}$ (white dashed)" % (model or "HNL"), fontsize=10)
    U2_line = tauU / 0.02
    ng, td = [], []
    for i in range(len(m)):
        inside = np.isfinite(U2_line[i]) and u2[0] <= U2_line[i] <= u2[-1]
        j = int(np.argmin(np.abs(np.log(u2 / U2_line[i])))) if inside else 0
        ok_ij = inside and ok[i, j]
        ng.append(q["n_over_ngamma_T0"][i, j] if ok_ij else np.nan)
        td.append(q["T_dec_GeV"][i, j] if ok_ij else np.nan)
    a2.plot(m, ng, "b-o")
    a2.set_xscale("log")
    a2.set_xlabel(xlabel)
    a2.set_ylabel(r"$n_N/n_\gamma$ at T = 10 MeV", color="b")
    a3 = a2.twinx()
    a3.plot(m, td, "r-s")
    a3.set_yscale("log")
    a3.set_ylabel(r"$T_{\rm dec}$ [GeV]", color="r")
    a2.set_title(r"along $\tau_N \approx$ 0.02 s (nearest grid $|U|^2$; where the line is on the plane)")
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    print(out)


if __name__ == "__main__":
    main()
