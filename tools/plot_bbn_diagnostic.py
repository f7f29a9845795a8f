#!/usr/bin/python3
"""BBN diagnostic figure of a benchmark BBN plane: Yp and D/H versus the coupling at a few masses.

Usage: /usr/bin/python3 tools/plot_bbn_diagnostic.py OUT.h5 [--masses 0.01,0.1,0.5] [-o FIG.png]
(scan: e.g. mpirun -n 2 fipbounds run inputs/bc6_bbn.ini -o OUT.h5)

Works for every scan file with /quantities/Yp_mass_fraction, /quantities/D_H and /bounds/bbn
(bc1_bbn, bc9_bbn, bc6_bbn-bc8_bbn and the later benchmark BBN planes; bbn_decay with its
(tau_s, mY_GeV) axes). Per chosen mass (the nearest grid masses; default: four spread over the
grid) the curves of Yp (left) and D/H (right) against the coupling, with the observed values and
their 1 and 2 sigma bands (observation and theory errors in quadrature, as the chi^2 of
src/bbn/bbn_chi2.c) and standard BBN, all read from the attributes of /bounds/bbn (PDG 2024
observations, PRIMAT theory errors; docs/output-format.md). Points that failed (status != 0) are
left out; points that the plane excludes (/bounds/bbn/excluded) are marked with filled symbols, those of them whose
abundance changes by more than 10 % when T_RH is lowered tenfold (/quantities/abundance_TRH_change) ringed
in black, and T_RH (attribute T_RH_GeV) is stated in the title.
Uses Debian's python3-h5py, numpy, matplotlib.
"""
import argparse
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import fb_axes  # noqa: E402  (tools/fb_axes.py, next to this script)

# axis labels: tools/fb_axes.py (the benchmark definitions of src/models/fb_benchmark_axes.h)


def _s(x):
    return x.decode() if isinstance(x, bytes) else str(x)


def pick_masses(m, wanted, n_default=4):
    if wanted:
        idx = [int(np.argmin(np.abs(np.log(m / w)))) for w in wanted]
    else:
        idx = list(np.unique(np.linspace(0, len(m) - 1, n_default).round().astype(int)))
    return sorted(set(idx))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("--masses", default="", help="comma-separated masses (in the file's mass unit)")
    ap.add_argument("-o", "--output", default=None)
    args = ap.parse_args(argv)
    out = args.output or args.file.rsplit(".", 1)[0] + "_bbn_diagnostic.png"
    with h5py.File(args.file, "r") as f:
        if "bounds/bbn" not in f or "quantities/Yp_mass_fraction" not in f:
            raise SystemExit("%s: no /bounds/bbn or /quantities/Yp_mass_fraction: not a BBN scan file" % args.file)
        m = f["/grid/mass"][...]
        c = f["/grid/coupling"][...]
        yp = f["/quantities/Yp_mass_fraction"][...]
        dh = f["/quantities/D_H"][...]
        st = f["/status"][...]
        exb = f["/bounds/bbn/excluded"][...].astype(bool)
        g = f["/bounds/bbn"].attrs
        # the reheating dependence (bcN_bbn planes: /quantities/abundance_TRH_change, attribute T_RH_GeV; the
        # criterion of tools/summary_outline.py trh_sensitive): excluded points whose abundance changes by more
        # than 10 % when T_RH is lowered tenfold are ringed
        T_RH = float(g["T_RH_GeV"]) if "T_RH_GeV" in g else None
        trh_q = "/quantities/abundance_TRH_change"
        sens = (np.abs(np.nan_to_num(f[trh_q][...])) > 0.1) & exb & (f["/status"][...] == 0) if trh_q in f \
            else np.zeros_like(exb)
        need = ("Yp_obs", "Yp_obs_sigma", "D_H_obs", "D_H_obs_sigma", "Yp_theory_sigma", "D_H_theory_rel_sigma",
                "Yp_sbbn", "D_H_sbbn")
        missing = [k for k in need if k not in g]
        if missing:
            raise SystemExit("%s: /bounds/bbn lacks attributes %s (written by fipbounds >= this version)"
                             % (args.file, ", ".join(missing)))
        a = {k: float(g[k]) for k in need}
        model = _s(f.attrs.get("model", b""))
        cname = _s(f["/grid/coupling"].attrs.get("name", b"")) if "name" in f["/grid/coupling"].attrs else ""
        clabel = fb_axes.dataset_label(f["/grid/coupling"]) if cname else "coupling"
        mname = _s(f["/grid/mass"].attrs.get("name", b"mass")) if "name" in f["/grid/mass"].attrs else "mass"
        munit = _s(f["/grid/mass"].attrs.get("units", b"GeV")) if "units" in f["/grid/mass"].attrs else "GeV"
    wanted = [float(x) for x in args.masses.split(",") if x.strip()]
    idx = pick_masses(m, wanted)
    sY = np.hypot(a["Yp_obs_sigma"], a["Yp_theory_sigma"])
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(12, 4.8))
    colors = plt.cm.viridis(np.linspace(0.0, 0.9, len(idx)))
    any_sens = False
    for col, i in zip(colors, idx):
        ok = st[i] == 0
        lab = "m = %.3g %s" % (m[i], munit)
        for ax, y in ((a1, yp[i]), (a2, dh[i])):
            ax.plot(c[ok], y[ok], "-", color=col, lw=1.5, label=lab)
            ex = ok & exb[i]
            ax.plot(c[ex], y[ex], "o", color=col, ms=4)
            se = ok & sens[i]
            if se.any():
                ax.plot(c[se], y[se], "o", mfc="none", mec="k", ms=8, mew=0.8,
                        label=r"depends on $T_{\rm RH}$" if not any_sens else None)
                any_sens = True
    for ax, obs, sig, sbbn, name in (
        (a1, a["Yp_obs"], sY, a["Yp_sbbn"], r"$Y_p$"),
        (a2, a["D_H_obs"], np.hypot(a["D_H_obs_sigma"], a["D_H_theory_rel_sigma"] * a["D_H_obs"]), a["D_H_sbbn"],
         "D/H"),
    ):
        ax.axhspan(obs - 2 * sig, obs + 2 * sig, color="0.85", zorder=0, label=r"observed $\pm 2\sigma$")
        ax.axhspan(obs - sig, obs + sig, color="0.7", zorder=0, label=r"observed $\pm 1\sigma$")
        ax.axhline(sbbn, color="k", ls="--", lw=1, label="standard BBN")
        ax.set_xscale("log")
        ax.set_xlabel(clabel)
        ax.set_ylabel(name)
    lo = min(a["Yp_obs"] - 6 * sY, np.nanmin(np.where(st == 0, yp, np.nan)))
    hi = max(a["Yp_obs"] + 6 * sY, np.nanmax(np.where(st == 0, yp, np.nan)))
    a1.set_ylim(max(lo, 0.0), min(hi, 1.0))
    a2.set_yscale("log")
    a1.legend(fontsize=7, loc="best")
    trh_text = ""
    if T_RH is not None:
        trh_text = ("\nabundance from $T_{\\rm RH}$ = %g GeV; ringed: excluded and depends on $T_{\\rm RH}$ (abundance "
                    "changes by > 10 %% for $T_{\\rm RH}$/10)" % T_RH if sens.any()
                    else "\nabundance from $T_{\\rm RH}$ = %g GeV (no excluded point depends on it)" % T_RH)
    fig.suptitle("%s: BBN observables versus coupling (filled: excluded, delta chi^2 > 5.99)%s"
                 % (model or "BBN plane", trh_text), fontsize=11)
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    if out.endswith(".png"):
        fig.savefig(out[:-4] + ".pdf")
    print(out)


if __name__ == "__main__":
    main()
