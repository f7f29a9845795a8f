#!/usr/bin/python3
"""Regression test of the summary figure's computed bands (issue 17, tools/summary_outline.py and
tools/plot_summary.py): bands drawn from smooth outlines, not from the nearest-point staircase of a
mask resampled from a coarse grid, and drawn only where they agree with the computed points.

Synthetic scan files (no fipbounds run): a coarse "bbn" scan (8 x 9, 0.5-decade cells) whose
delta_chi2 crosses 5.99 on the line log10 c = -10 + 0.8 log10 m, merged (nearest point, as
`fipbounds merge --bounds`) into a 200 x 150 summary file. Checked:
  - the outline comes from the quantity delta_chi2 (not the mask), and its contour lies within 0.02
    decades of the exact line, where the resampled mask's staircase is off by up to 0.25 decades;
  - a threshold that contradicts the mask falls back to the source mask; a source file rewritten
    since the merge is not used at all (plot_summary then draws the file's own mask);
  - per-mass edges (stellar bands) give the outline, weak = every profile, strong = any profile;
  - plot_summary draws the figure and reports the path it took for every band;
  - no computed bound shares its colour with another or with an accelerator family; titles with
    mathtext are never wrapped inside $...$.
Usage: plot_summary_outline.py SOURCE_DIR
"""
import io
import os
import shutil
import sys
import tempfile
from contextlib import redirect_stdout

import h5py
import numpy as np

src_dir = sys.argv[1]
sys.path.insert(0, os.path.join(src_dir, "tools"))
import plot_summary  # noqa: E402
import summary_outline  # noqa: E402

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

THR = 5.99


def boundary(lm):
    return -10.0 + 0.8 * lm


def dchi2(m, c):
    return THR * 10.0 ** (2.0 * (np.log10(c) - boundary(np.log10(m))))


def write_grid(f, m, c, mass_name="m_S", coupling_name="sin2theta"):
    dm = f.create_dataset("grid/mass", data=m)
    dm.attrs["name"], dm.attrs["units"], dm.attrs["spacing"] = mass_name, "GeV", "log"
    dc = f.create_dataset("grid/coupling", data=c)
    dc.attrs["name"], dc.attrs["units"], dc.attrs["spacing"] = coupling_name, "", "log"


def nearest(src_axis, dst_axis):
    """index of the nearest source point (log), -1 outside: merge's resampling, written independently"""
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
ms = np.logspace(-2, 1.5, 8)     # 0.5 decades per cell
cs = np.logspace(-14, -10, 9)    # 0.5 decades per cell
m = np.logspace(-2, 1.5, 200)
c = np.logspace(-14, -10, 150)
MS, CS = np.meshgrid(ms, cs, indexing="ij")
q = dchi2(MS, CS)
status = np.zeros(q.shape, np.int32)
status[0, 0] = 11  # one failed point: never excluded (hatched as not computed by the figure)
mask = ((q > THR) & (status == 0)).astype(np.uint8)

bbn_path = os.path.join(tmp, "bbn.h5")
with h5py.File(bbn_path, "w") as f:
    write_grid(f, ms, cs)
    f.create_dataset("quantities/delta_chi2", data=q)
    f.create_dataset("quantities/Neff", data=np.full(q.shape, 3.0))
    f.create_dataset("status", data=status)
    d = f.create_dataset("bounds/bbn/excluded", data=mask)
    d.attrs["description"] = "1 where chi2 - chi2_SBBN > 5.99 (test)"
    f["bounds/bbn"].attrs["criterion"] = "delta_chi2 = chi2 - chi2_SBBN > 5.99 (2 dof, 95% CL)"

# the SN-like band: per-mass edges of three profiles, on the summary grid itself
lo_nom, hi_nom = 10.0 ** (-13.0 + 0.2 * np.log10(m)), 10.0 ** (-11.0 + 0.1 * np.log10(m))
prof = {"nominal": (lo_nom, hi_nom), "cold": (lo_nom * 2.0, hi_nom * 0.7), "hot": (lo_nom * 0.5, hi_nom * 1.5)}
M, C = np.meshgrid(m, c, indexing="ij")


def band(lo, hi):
    return ((C >= lo[:, None]) & (C <= hi[:, None])).astype(np.uint8)


summary = os.path.join(tmp, "summary.h5")
with h5py.File(summary, "w") as f:
    write_grid(f, m, c)
    f.attrs["benchmark"], f.attrs["model"] = "BC4", "bc4"
    f.create_dataset("status", data=np.zeros((len(m), len(c)), np.int32))
    g = f.create_group("bounds/bbn")
    g.create_dataset("excluded", data=resample(mask, ms, cs, m, c))
    g.create_dataset("computed", data=resample((status == 0).astype(np.uint8), ms, cs, m, c))
    g.attrs["copied_from_file"] = bbn_path
    g.attrs["criterion"] = "delta_chi2 = chi2 - chi2_SBBN > 5.99 (2 dof, 95% CL)"
    s = f.create_group("bounds/sn1987a")
    s.create_dataset("excluded", data=band(*prof["nominal"]))
    s.create_dataset("weak", data=band(np.maximum.reduce([p[0] for p in prof.values()]),
                                       np.minimum.reduce([p[1] for p in prof.values()])))
    s.create_dataset("strong", data=band(np.minimum.reduce([p[0] for p in prof.values()]),
                                         np.maximum.reduce([p[1] for p in prof.values()])))
    s.create_dataset("edges", data=np.column_stack([m, *prof["nominal"]]))
    for name in ("cold", "hot"):
        s.create_dataset(f"profile_{name}/edges", data=np.column_stack([m, *prof[name]]))

fails = []


def check(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        fails.append(what)


# 1. BBN: the quantity path, and the contour on the exact line
o = summary_outline.outline(summary, "bbn")
check(o is not None and o["method"].startswith("quantity delta_chi2 > 5.99"), f"bbn outline from delta_chi2 ({o and o['method']})")
fig, ax = plt.subplots()
cs_ = ax.contour(o["mass"], o["coupling"], o["z"], levels=[0.0])
verts = np.vstack([p for p in cs_.allsegs[0] if len(p)])
plt.close(fig)
dev = np.abs(np.log10(verts[:, 1]) - boundary(np.log10(verts[:, 0])))
# away from the failed corner point (its cells are left open)
far = np.log10(verts[:, 0]) > np.log10(ms[1])
check(far.sum() > 20 and dev[far].max() < 0.02, f"contour within 0.02 decades of the exact edge (max {dev[far].max():.4f})")
# the staircase it replaces: the resampled mask's edge is off by up to a quarter of a 0.5-decade cell
with h5py.File(summary, "r") as f:
    rm = f["bounds/bbn/excluded"][:]
first = np.array([np.log10(c[np.argmax(rm[i])]) if rm[i].any() else np.nan for i in range(len(m))])
stair = np.nanmax(np.abs(first - boundary(np.log10(m)))[np.log10(m) > np.log10(ms[1])])
check(stair > 0.15, f"the resampled mask is a staircase (edge off by up to {stair:.2f} decades)")
# the outline never contradicts a computed point
Zs = summary_outline.quantity_field(q, 0.0, THR)
check(np.array_equal((Zs > 0) & (status == 0), mask != 0), "Z > 0 reproduces the source mask on the computed points")
check(o["z"][0, 0] < 0, "the failed point is not excluded (as in the mask)")

# 2. a threshold that contradicts the mask: the source mask's marching-squares outline
with h5py.File(bbn_path, "r+") as f:
    f["bounds/bbn"].attrs["criterion"] = "delta_chi2 > 50 (deliberately wrong)"
    f["bounds/bbn/excluded"].attrs["description"] = "wrong threshold (test)"
with h5py.File(summary, "r+") as f:
    f["bounds/bbn"].attrs["criterion"] = "delta_chi2 > 50 (deliberately wrong)"
o2 = summary_outline.outline(summary, "bbn")
check(o2 is not None and o2["method"] == "source mask", f"inconsistent threshold: source mask ({o2 and o2['method']})")

# 3. the source rewritten since the merge: not used
with h5py.File(bbn_path, "r+") as f:
    f["bounds/bbn/excluded"][...] = 0
check(summary_outline.outline(summary, "bbn") is None, "stale source file: no outline from it")

# 4. edges: nominal, weak (every profile), strong (some profile)
for which, want in (("excluded", "edges"), ("weak", "edges of 3 profiles"), ("strong", "edges of 3 profiles")):
    ow = summary_outline.outline(summary, "sn1987a", which)
    check(ow is not None and ow["method"] == want, f"sn1987a {which}: {want} ({ow and ow['method']})")

# 4b. a quantity the scan does not trust where a 0/1 flag is set (the CMB bands' thermalised): those
# points are not excluded although |mu| is above the limit; the outline follows the scan there too
mu = 1e-4 * 10.0 ** (2.0 * (np.log10(CS) - boundary(np.log10(MS))))
flag = (np.log10(MS) < -1.0).astype(float)
mu_mask = ((np.abs(mu) > 9e-5) & (flag == 0)).astype(np.uint8)
cmb_path = os.path.join(tmp, "cmb.h5")
with h5py.File(cmb_path, "w") as f:
    write_grid(f, ms, cs)
    f.create_dataset("quantities/mu", data=mu)
    f.create_dataset("quantities/thermalised", data=flag)
    f.create_dataset("status", data=np.zeros(mu.shape, np.int32))
    f.create_dataset("bounds/cmb_mu/excluded", data=mu_mask)
    f["bounds/cmb_mu"].attrs["criterion"] = "1 where |mu| > 9e-05 (COBE/FIRAS 95% CL)"
    f["bounds/cmb_mu"].attrs["limit"] = 9e-5
oc = summary_outline.outline(cmb_path, "cmb_mu")
check(oc is not None and oc["method"].startswith("quantity mu > 9e-05 (where thermalised is set"),
      f"flagged points left out of the mu contour ({oc and oc['method']})")

# 5. plot_summary end to end: the path of every band is reported, PNG written
with h5py.File(bbn_path, "r+") as f:  # restore the consistent source
    f["bounds/bbn/excluded"][...] = mask
    f["bounds/bbn"].attrs["criterion"] = "delta_chi2 = chi2 - chi2_SBBN > 5.99"
with h5py.File(summary, "r+") as f:
    f["bounds/bbn"].attrs["criterion"] = "delta_chi2 = chi2 - chi2_SBBN > 5.99"
buf = io.StringIO()
png = os.path.join(tmp, "fig.png")
with redirect_stdout(buf):
    rc = plot_summary.draw(summary, png, title=r"BC4 test: $c\tau$, BBN, $N_{\rm eff}$", ctau=False)
out = buf.getvalue()
print(out, end="")
check(rc == 0 and os.path.getsize(png) > 20000, "plot_summary wrote the PNG")
check("bound bbn (excluded) outlined from quantity delta_chi2 > 5.99" in out, "plot_summary used the delta_chi2 contour")
check("bound sn1987a (weak) outlined from edges of 3 profiles" in out, "plot_summary used the SN edges")
with h5py.File(bbn_path, "r+") as f:  # stale again: plot_summary falls back to the file's mask
    f["bounds/bbn/excluded"][...] = 0
buf = io.StringIO()
with redirect_stdout(buf):
    plot_summary.draw(summary, png, ctau=False)
check("bound bbn (excluded) outlined from this file's mask" in buf.getvalue(), "stale source: the file's own mask")

# 6. colours and titles
bounds = [col for keys, col, _ in plot_summary.BOUND_STYLES if keys[0] != "cmb"]  # cmb_anisotropies' fallback
fams = [col for _, col, _ in plot_summary.FAMILIES]
check(len(set(bounds)) == len(bounds), "every computed bound has its own colour")
check(not set(bounds) & set(fams), "no computed bound shares a colour with an experiment family")
check(len(set(fams)) == len(fams), "every experiment family has its own colour")
lines = plot_summary.wrap_math(r"BC6: HNL mixing with $\nu_e$: $c\tau$, BBN, $\Delta N_{\rm eff}$ and more words here", 20)
check(all(line.count("$") % 2 == 0 for line in lines), f"mathtext never split by the title wrap ({lines})")

# 7. a band reaching the end of its own scan range (the box of its computed points) is marked there,
# never at the figure's edges: computed box i = 2..6, j = 0..5 of a 10 x 8 plane, excluded i = 4..6, j = 2..5
mm, cc = np.arange(10.0), np.arange(8.0)
comp = np.zeros((10, 8), bool)
comp[2:7, 0:6] = True
ex = np.zeros((10, 8))
ex[4:7, 2:6] = 1
cuts = plot_summary.range_cuts(ex, comp, mm, cc)
check(sorted(cuts) == sorted([((6.0, 6.0), (2.0, 5.0)), ((4.0, 6.0), (5.0, 5.0))]),
      f"range cuts at the box's right (i = 6) and top (j = 5) edges only, not at j = 0 (figure edge): {cuts}")
comp[:, :] = True
check(plot_summary.range_cuts(ex, comp, mm, cc) == [], "no cut when the scan covers the whole figure")

shutil.rmtree(tmp, ignore_errors=True)
if fails:
    print(f"{len(fails)} check(s) failed")
    sys.exit(1)
print("plot_summary_outline: all checks passed")
