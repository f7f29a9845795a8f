#!/usr/bin/python3
"""The reheating dependence in the summary figure (issue 14 item 1, "the dependence shown";
tools/summary_outline.py trh_sensitive, tools/plot_summary.py).

Synthetic scan files (no fipbounds run), in the layout of the bcN_bbn planes (src/bbn/fb_model_bbn_fip.c):
a coarse "bbn" scan (8 x 9) with delta_chi2 crossing 5.99 on a line, /quantities/abundance_TRH_change
(-0.89 above m = 0.3 GeV, where freeze-in by scatterings is UV-dominated as BC9's Primakoff production,
~0 below, with a smooth step), one failed point, and /bounds/bbn attributes T_RH_GeV, n_excluded,
n_excluded_TRH_sensitive; merged (nearest point) into a 120 x 100 summary file. Checked:
  - the T_RH-sensitive mask of the tool equals excluded & status 0 & |abundance_TRH_change| > 0.1
    recomputed here from the quantities, and its counts equal the scan's attributes;
  - its field z (> 0: hatched) agrees with that mask at every source grid point of the refined grid;
  - plot_summary names T_RH in the BBN legend entry and adds the "hatched: depends on T_RH" entry;
  - with abundance_TRH_change = 0 everywhere (an IR-dominated abundance, as BC1 or the HNLs): nothing
    hatched and no T_RH in the legend; without the T_RH_GeV attribute (older files): no T_RH at all;
  - a bound with T_RH_GeV but no per-point quantity (photodisintegration, CMB): T_RH in the legend, not
    hatched.
Usage: plot_summary_trh.py SOURCE_DIR
"""
import os
import shutil
import sys
import tempfile

import h5py
import numpy as np

src_dir = sys.argv[1]
sys.path.insert(0, os.path.join(src_dir, "tools"))
import plot_summary  # noqa: E402
import summary_outline  # noqa: E402

THR = 5.99
fails = []


def check(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        fails.append(what)


def write_grid(f, m, c):
    dm = f.create_dataset("grid/mass", data=m)
    dm.attrs["name"], dm.attrs["units"], dm.attrs["spacing"] = "m_a", "GeV", "log"
    dc = f.create_dataset("grid/coupling", data=c)
    dc.attrs["name"], dc.attrs["units"], dc.attrs["spacing"] = "g_agamma", "GeV^-1", "log"


def nearest(src_axis, dst_axis):
    ls, ld = np.log10(src_axis), np.log10(dst_axis)
    idx = np.array([int(np.argmin(np.abs(ls - v))) for v in ld])
    tol = 1e-9 * (ls[-1] - ls[0])
    return np.where((ld >= ls[0] - tol) & (ld <= ls[-1] + tol), idx, -1)


def resample(mask, ms, cs, m, c):
    im, ic = nearest(ms, m), nearest(cs, c)
    out = np.zeros((len(m), len(c)), np.uint8)
    for i, a in enumerate(im):
        for j, b in enumerate(ic):
            if a >= 0 and b >= 0:
                out[i, j] = mask[a, b]
    return out


tmp = tempfile.mkdtemp()
ms = np.logspace(-2, 1.5, 8)
cs = np.logspace(-14, -10, 9)
m = np.logspace(-2, 1.5, 120)
c = np.logspace(-14, -10, 100)
MS, CS = np.meshgrid(ms, cs, indexing="ij")
q = THR * 10.0 ** (2.0 * (np.log10(CS) - (-12.5 + 0.3 * np.log10(MS))))
# UV-dominated above ~0.3 GeV (the change saturates at -0.89, as BC9's long-lived rows), IR-dominated below
chg_uv = -0.89 / (1.0 + np.exp(-4.0 * (np.log10(MS) + 0.5)))
status = np.zeros(q.shape, np.int32)
status[-1, -1] = 11  # a failed point: never excluded, never sensitive
mask = ((q > THR) & (status == 0)).astype(np.uint8)


def write_scan(path, chg, trh_attr=True):
    with h5py.File(path, "w") as f:
        write_grid(f, ms, cs)
        f.create_dataset("quantities/delta_chi2", data=q)
        f.create_dataset("quantities/abundance_TRH_change", data=chg)
        f.create_dataset("status", data=status)
        d = f.create_dataset("bounds/bbn/excluded", data=mask)
        d.attrs["description"] = "1 where chi2 - chi2_SBBN > 5.99 (test)"
        g = f["bounds/bbn"]
        g.attrs["criterion"] = "delta_chi2 = chi2 - chi2_SBBN > 5.99 (2 dof, 95% CL)"
        if trh_attr:  # as bfip_write_trh
            ok = status == 0
            g.attrs["T_RH_GeV"] = 1000.0
            g.attrs["n_excluded"] = int((mask != 0).sum())
            g.attrs["n_excluded_TRH_sensitive"] = int(((mask != 0) & ok & (np.abs(chg) > 0.1)).sum())


def write_summary(path, scan, extra=None):
    with h5py.File(path, "w") as f, h5py.File(scan, "r") as s:
        write_grid(f, m, c)
        f.attrs["benchmark"], f.attrs["model"] = "BC9", "bc9"
        f.create_dataset("status", data=np.zeros((len(m), len(c)), np.int32))
        g = f.create_group("bounds/bbn")
        g.create_dataset("excluded", data=resample(mask, ms, cs, m, c))
        g.create_dataset("computed", data=resample((status == 0).astype(np.uint8), ms, cs, m, c))
        for k, v in s["bounds/bbn"].attrs.items():  # merge copies the group with its attributes
            g.attrs[k] = v
        g.attrs["copied_from_file"] = scan
        if extra:
            extra(f)


def legend_texts(summary):
    """plot_summary.draw on the file; the texts of its legend (read before the figure is closed)."""
    seen = []
    close = plot_summary.plt.close

    def grab(fig=None):
        for ax in getattr(fig, "axes", []):
            leg = ax.get_legend()
            if leg is not None:
                seen.extend(t.get_text() for t in leg.get_texts())
        close(fig)
    plot_summary.plt.close = grab
    try:
        rc = plot_summary.draw(summary, os.path.join(tmp, "fig.png"), ctau=False)
    finally:
        plot_summary.plt.close = close
    return rc, seen


# 1. UV-dominated part: the tool's mask equals the one recomputed from the quantities
scan, summary = os.path.join(tmp, "bbn.h5"), os.path.join(tmp, "summary.h5")
write_scan(scan, chg_uv)
write_summary(summary, scan)
want = (mask != 0) & (status == 0) & (np.abs(chg_uv) > 0.1)
r = summary_outline.trh_sensitive(summary, "bbn")
check(r is not None and r["mask"] is not None and np.array_equal(r["mask"], want),
      "T_RH-sensitive mask = excluded & |abundance_TRH_change| > 0.1 (recomputed from the quantities)")
check(want.any() and (want != (mask != 0)).any(), f"the test has sensitive and insensitive excluded points "
      f"({int(want.sum())} of {int(mask.sum())})")
with h5py.File(scan, "r") as f:
    a = f["bounds/bbn"].attrs
    check(r["n_sensitive"] == a["n_excluded_TRH_sensitive"] and r["n_excluded"] == a["n_excluded"] and r["T_RH_GeV"] == 1000.0,
          f"counts and T_RH as the scan's attributes ({r['n_sensitive']} of {r['n_excluded']}, {r['T_RH_GeV']:g} GeV)")
k = summary_outline.refine_factor(ms, cs)
z_at_points = r["z"][::k, ::k] if r["z"] is not None else None
check(z_at_points is not None and z_at_points.shape == want.shape and np.array_equal(z_at_points > 0, want),
      "the hatched field z > 0 exactly at the sensitive source points")
rc, texts = legend_texts(summary)
bbn_entry = [t for t in texts if t.startswith("BBN")]
check(rc == 0 and bbn_entry and r"$T_{\rm RH}$ = 1000 GeV" in bbn_entry[0], f"BBN legend entry names T_RH ({bbn_entry})")
check(any(t.startswith("hatched: depends on") for t in texts), "legend: 'hatched: depends on T_RH' entry")

# 2. IR-dominated (BC1, HNLs): nothing hatched, no T_RH in the legend
write_scan(scan, np.zeros(q.shape))
write_summary(summary, scan)
r = summary_outline.trh_sensitive(summary, "bbn")
check(r is not None and r["n_sensitive"] == 0 and r["z"] is None, "T_RH-independent band: no sensitive point")
rc, texts = legend_texts(summary)
check(rc == 0 and not any("T_{\\rm RH}" in t for t in texts), f"no T_RH in the legend ({texts})")

# 3. a file without the attribute (written before T_RH_GeV): unchanged figure
write_scan(scan, chg_uv, trh_attr=False)
write_summary(summary, scan)
check(summary_outline.trh_sensitive(summary, "bbn") is None, "no T_RH_GeV attribute: no T_RH dependence claimed")


# 4. photodisintegration with T_RH_GeV but no per-point change: T_RH in its legend, not hatched
def photodis(f):
    g = f.create_group("bounds/photodisintegration")
    ex = np.zeros((len(m), len(c)), np.uint8)
    ex[:40, :30] = 1
    g.create_dataset("excluded", data=ex)
    g.attrs["T_RH_GeV"] = 300.0


write_scan(scan, np.zeros(q.shape))
write_summary(summary, scan, photodis)
r = summary_outline.trh_sensitive(summary, "photodisintegration")
check(r is not None and r["mask"] is None and r["z"] is None and r["n_sensitive"] == -1,
      "T_RH_GeV without the quantity: dependence unknown, nothing hatched")
rc, texts = legend_texts(summary)
pd = [t for t in texts if t.startswith("photodisintegration")]
check(rc == 0 and pd and r"$T_{\rm RH}$ = 300 GeV" in pd[0], f"photodisintegration legend names its T_RH ({pd})")

shutil.rmtree(tmp, ignore_errors=True)
if fails:
    print(f"{len(fails)} check(s) failed")
    sys.exit(1)
print("plot_summary_trh: all checks passed")
