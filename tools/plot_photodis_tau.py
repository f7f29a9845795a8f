#!/usr/bin/python3
"""The standard BBN-photodisintegration figure from photodis_decay_tau scan files.

Usage: /usr/bin/python3 tools/plot_photodis_tau.py A.h5 [B.h5 ...] [-o FIG.png]
(scan: fipbounds run inputs/photodis_decay_tau.ini, one file per mass and channel mix)

One panel per file: lifetime tau_X on x, m_X Y_X (before decays) on y. Filled: the bound of
/bounds/photodisintegration (delta chi^2 of Yp and D/H > 5.99, 95% CL, or with the scan's he3_d
(default) 3He/D > 1.10; the criterion attribute says which) with its bisected lower
edge mY_min_GeV (black line); lines: the single-observable regions written by the scan
(excluded_D_H, excluded_Yp, excluded_He3_H: each observable alone; hatched, Li7_H_obs_band: 7Li/H
inside its observed range, the "lithium solution" region, not a bound). Points the scan could not
compute are grey; lifetimes outside 1e2-1e13 s keep standard BBN. Every number shown comes from the
file (its criterion and note attributes). Uses Debian's python3-h5py, -numpy and -matplotlib only.
"""
import argparse

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

HE3_D_MAX = 1.10  # 3He/D upper bound of the scan's he3_d criterion (FB_HE3_D_MAX: Geiss & Gloeckler 2003, 0.83 + 0.27)
LAYERS = (("excluded_D_H", "D/H", "tab:blue", "-"),
          ("excluded_He3_H", r"$^3$He/H", "tab:green", "--"),
          ("excluded_Yp", r"$Y_p$", "tab:red", "-."))


def txt(a):
    return a.decode() if isinstance(a, bytes) else str(a)


def panel(ax, path):
    with h5py.File(path, "r") as f:
        tau, my = f["/grid/mass"][...], f["/grid/coupling"][...]
        st = f["/status"][...]
        rng = f["/quantities/tau_range"][...]
        dchi2 = f["/quantities/delta_chi2"][...]
        he3d = f["/quantities/He3_D"][...]
        g = f["/bounds/photodisintegration"]
        ex = g["excluded"][...]
        # the continuous margins (> 0 exactly where each layer's mask is 1) give smooth contours
        lay = {k: g[k + "_margin"][...] for k, *_ in LAYERS + (("Li7_H_obs_band",),)}
        ymin = g["mY_min_GeV"][...]
        a = dict(g.attrs)
    X, Y = np.meshgrid(tau, my, indexing="ij")
    ok = (st == 0) & (rng == 0)
    he3d_on = "3He/D > 1.10" in txt(a["criterion"])  # key he3_d of the scan (default true)
    with np.errstate(divide="ignore", invalid="ignore"):
        m_he3d = np.log(np.where(he3d > 0, he3d, 1e-300) / HE3_D_MAX)
    z = dchi2 - float(a["delta_chi2_max"])
    if he3d_on:
        z = np.maximum(z, m_he3d)
    z = np.where(ok, np.minimum(z, 1e30), -1.0)  # > 0: excluded (= the mask on the grid); 3He/D = inf where D/H = 0
    assert ((z > 0) == (ex == 1)).all(), path
    if ex.any():
        ax.contourf(X, Y, z, levels=[0.0, np.inf], colors=["0.80"])
    for k, label, c, ls in LAYERS:
        m = np.where(ok, lay[k], -1.0)
        if (m > 0).any() and not (m > 0).all():
            ax.contour(X, Y, m, levels=[0.0], colors=c, linestyles=ls, linewidths=1.8)
    if he3d_on:
        m = np.where(ok, np.minimum(m_he3d, 1e30), -1.0)
        if (m > 0).any() and not (m > 0).all():
            ax.contour(X, Y, m, levels=[0.0], colors="tab:purple", linestyles=":", linewidths=1.8)
    li = np.where(ok, lay["Li7_H_obs_band"], -1.0)
    if (li > 0).any():
        ax.contourf(X, Y, li, levels=[0.0, np.inf], colors="none", hatches=["///"])
        ax.contour(X, Y, li, levels=[0.0], colors="tab:orange", linewidths=1.0)
    ok = np.isfinite(ymin)
    ax.plot(tau[ok], ymin[ok], "k-", lw=2)
    if np.any(st != 0):
        ax.scatter(X[st != 0], Y[st != 0], c="grey", s=6)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(tau[0], tau[-1])
    ax.set_ylim(my[0], my[-1])
    ax.set_xlabel(r"$\tau_X$ [s]")
    ax.set_ylabel(r"$m_X Y_X$ [GeV]")
    bp, be = float(a.get("br_photon", np.nan)), float(a.get("br_ee", np.nan))
    ch = r"$X\to\gamma\gamma$" if bp == 1 else r"$X\to e^+e^-$" if be == 1 else \
        r"BR($\gamma\gamma$) = %g, BR($ee$) = %g" % (bp, be)
    ax.set_title(r"$m_X$ = %g MeV, %s" % (1e3 * float(a["mass_GeV"]), ch), fontsize=10)
    ax.grid(True, which="major", alpha=0.3)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("-o", "--output", default=None)
    args = ap.parse_args(argv)
    out = args.output or args.files[0].rsplit(".", 1)[0] + "_photodis.png"
    n = len(args.files)
    nc = 2 if n > 1 else 1
    nr = (n + nc - 1) // nc
    fig, axs = plt.subplots(nr, nc, figsize=(5.6 * nc, 4.4 * nr + 0.8), squeeze=False)
    for ax, p in zip(axs.flat, args.files):
        panel(ax, p)
    for ax in list(axs.flat)[n:]:
        ax.set_visible(False)
    handles = [Patch(color="0.80", label=r"excluded: $\Delta\chi^2(Y_p$, D/H$) > 5.99$ (95% CL) or $^3$He/D > 1.10"),
               Line2D([], [], color="k", lw=2, label="its lower edge (bisected)")]
    handles += [Line2D([], [], color=c, ls=ls, lw=1.8, label=label + " alone excluded (95%)") for _, label, c, ls in LAYERS]
    handles.append(Line2D([], [], color="tab:purple", ls=":", lw=1.8, label=r"$^3$He/D > 1.10 alone (Geiss & Gloeckler 2003)"))
    handles.append(Patch(facecolor="none", edgecolor="tab:orange", hatch="///",
                         label=r"$^7$Li/H inside its observed range (not a bound)"))
    fig.legend(handles=handles, loc="lower center", ncol=3, fontsize=8, frameon=False)
    fig.suptitle("Photodisintegration after BBN by a late decay (fipbounds, photodis_decay_tau; BBN itself standard)",
                 fontsize=11)
    fig.tight_layout(rect=(0, 0.09, 1, 0.97))
    fig.savefig(out, dpi=110)
    print(out)


if __name__ == "__main__":
    main()
