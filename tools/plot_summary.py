#!/usr/bin/python3
"""Summary figure of a fipbounds scan file (PBC style), PNG or PDF.

    /usr/bin/python3 tools/plot_summary.py OUT.h5 -o FIG.png|FIG.pdf [--title TEXT] [--ctau]
    (or: fipbounds plot OUT.h5 -o FIG.png)

Draws, on log axes with the grid's units:
  - accelerator limits (/limits/<experiment>/excluded, written by `fipbounds merge`) as filled
    grey regions with their boundary and a label inside each region;
  - computed bounds (/bounds/<name>/excluded, any name) as coloured bands; the conventional
    colours are used when the name says what the bound is (SN1987A, HB, BBN, CMB), others cycle;
    where the bound also has /bounds/<name>/weak and /strong (systematic range, e.g. SN1987A for
    several proto-neutron-star profiles), the weak region is filled, strong minus weak is shaded
    lighter with a dashed outline, and the nominal (excluded) mask keeps the bold outline;
  - where a bound states its reheating temperature (attribute T_RH_GeV: the BBN / N_eff planes of the
    benchmark models, photodisintegration, CMB freeze-in), T_RH in its legend entry; the part of its
    excluded region where the FIP's abundance changes by more than 10 % when T_RH is lowered tenfold
    (/quantities/abundance_TRH_change of the bound's own scan) hatched with backslashes in the band's
    dark colour ("depends on T_RH"); no T_RH in the legend when no excluded point depends on it;
  - target lines (/targets/<name>/mass_GeV and y) as black lines;
  - with --ctau, lines of constant proper decay length c*tau (/quantities/ctau_m, one per decade,
    labelled in mm/m/km) as thin grey contours under everything else;
  - a caption with the model, benchmark, model parameters (/input/<model section>, e.g. alpha_D,
    ratio), grid size and code version.
Only Debian's python3-matplotlib, python3-h5py and python3-numpy are used.
Exit status: 0 success, 1 failure, 2 bad input (missing file or no grid).
"""
import argparse
import os
import sys
import textwrap

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.lines as mlines  # noqa: E402
import matplotlib.patches as mpatches  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import fb_axes  # noqa: E402  (tools/fb_axes.py, next to this script)
import summary_outline  # noqa: E402  (tools/summary_outline.py, next to this script)

# Conventional colours of the PBC / FIPs summary plots (arXiv:1901.09966 figures; arXiv:2102.12143).
# Every computed bound has its own hue, none shared with an experiment family below (issue 17: the
# computed bounds visibly distinct from the accelerator limits, and from each other where they overlap,
# e.g. BBN under N_eff, the three CMB bands of BC9).
BOUND_STYLES = [
    (("sn1987a", "sn_1987a", "supernova", "sn"), "#f6a04d", "SN1987A"),
    (("hb", "horizontal_branch", "globular"), "#c5e063", "HB stars"),
    (("bbn",), "#4dd0e1", "BBN"),
    (("neff",), "#f06292", r"$\Delta N_{\rm eff}$ (Planck 2018)"),
    (("photodisintegration", "photodis"), "#ffd54f", "photodisintegration"),
    (("cmb_mu",), "#26a69a", r"CMB $\mu$ distortion (FIRAS)"),
    (("cmb_y",), "#a1887f", r"CMB $y$ distortion (FIRAS)"),
    (("cmb_anisotropies",), "#ab47bc", "CMB anisotropies (Planck 2018)"),
    (("cmb", "planck"), "#ab47bc", "CMB"),
    (("rg", "red_giant"), "#ef9a9a", "red giants"),
    (("wd", "white_dwarf"), "#90a4ae", "white dwarfs"),
]
OTHER_COLOURS = ["#e06666", "#76a5af", "#ffd966", "#8e7cc3", "#93c47d", "#f6b26b"]
GREYS = ["#9e9e9e", "#bdbdbd", "#757575", "#cfcfcf", "#8a8a8a", "#b0b0b0"]



def text(v):
    return v.decode() if isinstance(v, bytes) else str(v)


def axis_label(ds, bench=""):
    """Axis label in physics notation (tools/fb_axes.py: the benchmark definition of
    src/models/fb_benchmark_axes.h; the HNL planes BC6/7/8 name the flavour of |U|^2)."""
    return fb_axes.dataset_label(ds, bench)


def bound_style(name, k):
    low = name.lower()
    if low == "cmb_pann":  # model bc2: /bounds/cmb_pann/excluded (chi at its own freeze-out density)
        return "#ab47bc", r"CMB $p_{\rm ann}$ (Planck 2018; $\chi$ at its own relic density)"
    for keys, colour, label in BOUND_STYLES:
        if any(low == key or low.startswith(key + "_") or low.startswith(key) and len(key) > 2 for key in keys):
            return colour, label if low in keys else f"{label} ({name})"
    return OTHER_COLOURS[k % len(OTHER_COLOURS)], name


LABEL_CHAR_W = 0.0105  # width of one 8-pt character in axes fractions (9 x 7 in figure, ~7 in axes)
LABEL_H = 0.036        # height of a label box in axes fractions


def label_half_width(label):
    return 0.5 * (len(label) * LABEL_CHAR_W + 0.012)


def label_free(fx, fy, hw, placed):
    """The label box centred at (fx, fy) lies inside the frame and overlaps none already placed
    (entries (fx, fy, half-width) in axes fractions)."""
    if not (hw < fx < 1.0 - hw and LABEL_H / 2 < fy < 1.0 - LABEL_H / 2):
        return False
    return all(abs(fx - px) > hw + pw or abs(fy - py) > LABEL_H for px, py, pw in placed)


def label_position(mask, m, c, placed, label=""):
    """A grid point inside the mask for the label: the excluded point nearest to the region's
    centroid (log space) whose label box (its width from the label's length) stays inside the
    frame and clear of the labels already placed (axes fractions); None when there is no room."""
    idx = np.argwhere(mask > 0)
    if len(idx) == 0:
        return None
    lm, lc = np.log10(m[idx[:, 0]]), np.log10(c[idx[:, 1]])
    fx = (lm - np.log10(m[0])) / (np.log10(m[-1]) - np.log10(m[0]))
    fy = (lc - np.log10(c[0])) / (np.log10(c[-1]) - np.log10(c[0]))
    hw = label_half_width(label)
    order = np.argsort((lm - lm.mean()) ** 2 + (lc - lc.mean()) ** 2)
    for k in order[: 6000]:
        if label_free(fx[k], fy[k], hw, placed):
            placed.append((fx[k], fy[k], hw))
            return m[idx[k, 0]], c[idx[k, 1]]
    return None


# Experiment families of the accelerator searches, each with its colour (name patterns,
# case-insensitive prefixes, first match in this order: meson decays before beam dumps, so that
# NA62-Kpinv is a kaon-decay search and NA62ee a dump); others fall back to a neutral grey.
FAMILIES = [
    ("meson decays", "#6aa84f", ("na48", "pienu", "triumf", "e949", "koto", "e787", "psi", "pibeta", "sindrum",
                                 "na3", "bnl", "kek", "kenu", "k-width", "lhcb-b", "na62-k", "na62-pi0")),
    ("beam dump", "#3d85c6", ("e137", "e141", "e774", "orsay", "nucal", "charm", "na64", "u70", "icarus", "ps191",
                              "faser", "ship", "lsnd", "nutev", "bebc", "dune", "na62", "pot", "nomad",
                              "microboone", "argoneut", "t2k", "sbnd", "mathusla", "codex", "shadows", "hike",
                              "darkquest", "seaquest", "anubis")),
    ("e+e- colliders", "#cc4125", ("babar", "belle", "kloe", "besiii", "bes3", "cleo", "lep", "delphi", "l3", "opal")),
    ("photon beams on nuclei", "#999933", ("primex", "gluex")),
    ("electron fixed target", "#c9a400", ("a1", "apex", "hps", "mami", "dd", "mesa", "darklight", "ldmx")),
    ("unitarity, neutrino and beta-decay data", "#b45f06", ("pmns", "atmospheric", "borexino", "beta_spectrum",
                                                            "f_decay")),
    ("hadron colliders", "#8e7cc3", ("lhcb", "cms", "atlas", "cdf", "d0", "alice")),
    ("lepton g-2 and precision", "#d16ba5", ("g-2", "g2", "amu", "ae", "electron_g-2", "electron-g-2", "muon-g-2")),
]
PROJECTION_WORDS = ("projected", "projection", "sensitivity", "future", "expected")


def experiment_family(exp):
    low = exp.lower()
    for family, colour, keys in FAMILIES:
        if any(low == key or low.startswith(key) for key in keys):
            return family, colour
    return "other searches", "#7f7f7f"


def is_projection(g, exp):
    """A projected sensitivity: the limit file's notes (or a projection attribute) say so."""
    if int(g.attrs.get("projection", 0) or 0):
        return True
    notes = text(g.attrs.get("notes", "")).lower()
    return any(w in notes for w in PROJECTION_WORDS)


def darker(colour):
    rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)]) * 0.55
    return "#" + "".join(f"{int(v):02x}" for v in rgb)


def stored_label_position(g):
    """Label position stored with the limit (attributes label_mass_GeV, label_coupling), as
    AxionLimits keeps them; None when absent (automatic placement then)."""
    if "label_mass_GeV" in g.attrs and "label_coupling" in g.attrs:
        return float(g.attrs["label_mass_GeV"]), float(g.attrs["label_coupling"])
    return None


def segments(curve):
    """Split a NaN-row-separated curve into its segments."""
    bad = ~np.isfinite(curve[:, 0])
    cuts = np.flatnonzero(bad)
    out, start = [], 0
    for cut in list(cuts) + [len(curve)]:
        if cut > start:
            out.append(curve[start:cut])
        start = cut + 1
    return out


def draw_curve(ax, curve, kind, colour, proj, ytop):
    """The published line: a filled polygon (closed), the region above a curve (upper_bound) or
    between two edges (edges); projections as dashed lines without fill."""
    for seg in segments(curve):
        x = seg[:, 0]
        if kind == "closed":
            xs, ys = np.append(x, x[0]), np.append(seg[:, 1], seg[:, 1][0])
            if not proj:
                ax.fill(xs, ys, color=colour, alpha=0.30, lw=0, zorder=4)
            ax.plot(xs, ys, color=colour, lw=1.1, ls="--" if proj else "-", zorder=5)
        elif kind == "upper_bound":
            if not proj:
                ax.fill_between(x, seg[:, 1], ytop, color=colour, alpha=0.30, lw=0, zorder=4)
            ax.plot(x, seg[:, 1], color=colour, lw=1.1, ls="--" if proj else "-", zorder=5)
        else:  # edges
            if not proj:
                ax.fill_between(x, seg[:, 1], seg[:, 2], color=colour, alpha=0.30, lw=0, zorder=4)
            ax.plot(x, seg[:, 1], color=colour, lw=1.1, ls="--" if proj else "-", zorder=5)
            ax.plot(x, seg[:, 2], color=colour, lw=1.1, ls="--" if proj else "-", zorder=5)


def wrap_math(s, width):
    """textwrap.wrap that never breaks inside $...$ (mathtext in titles, e.g. $N_{\rm eff}$)."""
    parts = s.split("$")
    glued = "$".join(p.replace(" ", "\x00") if i % 2 else p for i, p in enumerate(parts))
    return [line.replace("\x00", " ") for line in textwrap.wrap(glued, width)]


# the outlines of the figure being drawn, (path, bound, region) -> outline() or its error: each is read once
# per figure (the fill, the bold line and the T_RH hatching of a band use the same one; the files do not
# change while a figure is drawn)
_OUTLINES = {}


def cached_outline(path, name, which):
    key = (path, name, which)
    if key not in _OUTLINES:
        try:
            _OUTLINES[key] = summary_outline.outline(path, name, which)
        except (OSError, KeyError, ValueError) as e:
            _OUTLINES[key] = e
    o = _OUTLINES[key]
    if isinstance(o, Exception):
        raise o
    return o


def bound_field(path, name, which, M, C, fallback):
    """(X, Y, Z, how) of a computed bound's region (Z > 0): the smooth outline rebuilt from the bound's
    own scan (tools/summary_outline.py: a quantity at its threshold, the per-mass edges, or the source
    grid's mask), else this file's mask (fallback, the nearest-point staircase of a resampled bound)."""
    try:
        o = cached_outline(path, name, which)
    except (OSError, KeyError, ValueError) as e:
        print(f"plot_summary: bound {name}: no smooth outline ({e}); its mask is drawn", file=sys.stderr)
        o = None
    if o is None:
        return M, C, np.asarray(fallback, float) - 0.5, "this file's mask"
    return o["mass"], o["coupling"], o["z"], o["method"] + f" ({o['source']})"


def trh_part(path, name):
    """The T_RH-dependent part of a computed bound (tools/summary_outline.py trh_sensitive), None when the
    bound states no T_RH or it cannot be read."""
    try:
        return summary_outline.trh_sensitive(path, name, lambda: cached_outline(path, name, "excluded"))
    except (OSError, KeyError, ValueError) as e:
        print(f"plot_summary: bound {name}: T_RH dependence not read ({e})", file=sys.stderr)
        return None


def _runs(flags):
    """(start, end) index pairs of the runs of True in a 1-D boolean array."""
    out, start = [], None
    for k, v in enumerate(flags):
        if v and start is None:
            start = k
        if not v and start is not None:
            out.append((start, k - 1))
            start = None
    if start is not None:
        out.append((start, len(flags) - 1))
    return out


def range_cuts(mask, computed, m, c):
    """Segments ((x0, x1), (y0, y1)) where a bound's excluded region reaches the edge of its own scan
    range (the box of its computed points, from /bounds/<name>/computed) inside the figure: there the
    drawn outline is where the scan stopped, not where the bound ends. The plot's own edges are not
    marked (every band ends there)."""
    if not computed.any():
        return []
    ex = mask != 0
    ii, jj = np.nonzero(computed)
    i0, i1, j0, j1 = ii.min(), ii.max(), jj.min(), jj.max()
    segs = []
    for i, at_plot_edge in ((i0, i0 == 0), (i1, i1 == len(m) - 1)):
        if not at_plot_edge:
            segs += [((m[i], m[i]), (c[j0 + a], c[j0 + b])) for a, b in _runs(ex[i, j0:j1 + 1]) if b > a]
    for j, at_plot_edge in ((j0, j0 == 0), (j1, j1 == len(c) - 1)):
        if not at_plot_edge:
            segs += [((m[i0 + a], m[i0 + b]), (c[j], c[j])) for a, b in _runs(ex[i0:i1 + 1, j]) if b > a]
    return segs


def fill_region(ax, X, Y, Z, colour, alpha, zorder, hatch=None):
    """Fill the region Z > 0 (cells with a NaN corner are left open)."""
    top = np.nanmax(Z) if np.isfinite(Z).any() else -1.0
    if not top > 0:
        return
    kw = {"hatches": [hatch]} if hatch else {}
    if colour == "none":  # hatching only (an alpha would fill the region in black)
        ax.contourf(X, Y, Z, levels=[0.0, top + 1.0], colors="none", zorder=zorder, **kw)
    else:
        ax.contourf(X, Y, Z, levels=[0.0, top + 1.0], colors=[colour], alpha=alpha, zorder=zorder, **kw)


def range_source(g):
    """Where a bound's systematic range comes from, in words for its legend entry: the attribute range_sources of
    the stellar cooling bounds (src/stellar/fb_stellar_range.h: the published bounds of the nominal / weak / strong
    edges), the proto-neutron-star profiles of SN1987A (attributes profile, profiles_systematic), the core
    densities of the BC3 white-dwarf bound; "" when the file does not say."""
    src = text(g.attrs.get("range_sources", ""))
    if src:
        return src
    if "profiles_systematic" in g.attrs:
        names = [os.path.splitext(os.path.basename(p))[0] for p in
                 [text(g.attrs.get("profile", ""))] + text(g.attrs["profiles_systematic"]).split(",") if p]
        return "PNS profiles " + ", ".join(n.replace("sn_profile_", "").replace("_", " ") for n in names)
    return ""


def caption_line(f):
    parts = []
    model = text(f.attrs.get("model", ""))
    bench = text(f.attrs.get("benchmark", ""))
    if bench or model:
        parts.append(f"{bench} ({model})" if model else bench)
    inp = f.get("input")
    if inp is not None and model and model in inp:
        for k, v in inp[model].attrs.items():
            if isinstance(v, (bytes, str)):
                parts.append(f"{k} = {text(v)}")
            else:
                parts.append(f"{k} = {float(v):.4g}")
    m, c = f["grid/mass"], f["grid/coupling"]
    parts.append(f"grid {m.shape[0]} x {c.shape[0]}")
    code = f.get("code")
    if code is not None:
        parts.append(f"fipbounds {text(code.attrs.get('version', ''))} ({text(code.attrs.get('git_hash', ''))})")
    return "; ".join(parts)


def bc2_note(f):
    """How limits were put on the BC2 plane: epsilon at m_A' of invisible searches converted by
    merge to m_chi = m_A'/R, y = alpha_D eps^2 / R^4 (docs/limits-format.md)."""
    lim = f.get("limits")
    if lim is None:
        return ""
    names = [n for n in lim if isinstance(lim[n], h5py.Group) and "curve" in lim[n]
             and "converted from" in text(lim[n]["curve"].attrs.get("description", ""))]
    if not names:
        return ""
    return ("; invisible-A' limits (" + ", ".join(names) + ") converted to m_chi = m_A'/R, "
            "y = alpha_D eps^2/R^4 with this scan's alpha_D and R")


def draw(path, out, title=None, ctau=False):
    """Draw the summary of the scan file path into out (one file name, or a list: the same figure saved to each)."""
    outs = [out] if isinstance(out, str) else list(out)
    _OUTLINES.clear()
    with h5py.File(path, "r") as f:
        if "grid/mass" not in f or "grid/coupling" not in f:
            print(f"plot_summary: {path} has no /grid/mass and /grid/coupling: not a fipbounds scan file",
                  file=sys.stderr)
            return 2
        m = f["grid/mass"][:]
        c = f["grid/coupling"][:]
        M, C = np.meshgrid(m, c, indexing="ij")
        plt.rcParams.update({"font.size": 13, "axes.labelsize": 15, "legend.fontsize": 11})
        # the legend sits right of the axes, so it never hides a band
        fig, ax = plt.subplots(figsize=(12.5, 7))
        handles = []           # c*tau lines and targets
        computed_handles = []  # the bounds computed by fipbounds
        published_handles = [] # the accelerator limits, one entry per experiment family
        outlines = []          # (bound, region, how its outline was drawn), printed for the record
        placed_labels = []
        not_computed = {}
        cut_by_range = set()   # bounds whose region reaches the end of their own scan range
        trh_hatched = []       # bounds with a hatched T_RH-dependent part

        # computed bounds: coloured, semi-transparent, with their boundary
        if "bounds" in f:
            for k, name in enumerate(sorted(f["bounds"].keys())):
                g = f["bounds"][name]
                if "excluded" not in g or g["excluded"].shape != M.shape:
                    continue
                mask = g["excluded"][:].astype(float)
                if not mask.any():
                    continue
                colour, label = bound_style(name, k)
                # systematic range (/bounds/<name>/weak and /strong, e.g. the SN1987A band for the
                # nominal / cold / hot / compact profiles): the conservative region (weak: every profile) is
                # filled like a plain bound, the rest of the range up to strong (some profile) is
                # shaded lighter with a dashed outline, and the nominal bound keeps the bold outline.
                # Every region is drawn from the smooth outline of the bound's own scan
                # (tools/summary_outline.py), not from the resampled mask
                weak = strong = None
                if all(d in g and g[d].shape == M.shape for d in ("weak", "strong")):
                    weak = g["weak"][:].astype(float)
                    strong = g["strong"][:].astype(float)
                    if strong.any():
                        X, Y, Z, how = bound_field(path, name, "strong", M, C, strong)
                        outlines.append((name, "strong", how))
                        fill_region(ax, X, Y, Z, colour, 0.22, 6)
                        ax.contour(X, Y, Z, levels=[0.0], colors=[darker(colour)], linewidths=1.0,
                                   linestyles="dashed", zorder=7)
                        computed_handles.append(mpatches.Patch(facecolor=colour, edgecolor=darker(colour), alpha=0.3,
                                                      linestyle="dashed",
                                                      label=label + ": aggressive edge of the systematic range"))
                fill = weak if weak is not None else mask
                # computed (cosmological, astrophysical) bounds: drawn over the accelerator limits with
                # a bold dark outline, so that they are visibly this code's results (no hatching: it
                # would hide the limits and the c*tau lines underneath)
                if fill.any():
                    X, Y, Z, how = bound_field(path, name, "weak" if weak is not None else "excluded", M, C, fill)
                    outlines.append((name, "weak" if weak is not None else "excluded", how))
                    fill_region(ax, X, Y, Z, colour, 0.45, 6)
                    if weak is not None:
                        ax.contour(X, Y, Z, levels=[0.0], colors=[darker(colour)], linewidths=1.0,
                                   linestyles="dotted", zorder=7)
                X, Y, Z, how = bound_field(path, name, "excluded", M, C, mask)
                if weak is not None:
                    outlines.append((name, "excluded", how))
                ax.contour(X, Y, Z, levels=[0.0], colors=[darker(colour)], linewidths=2.0, zorder=7)
                # where the band runs into the end of its own scan range, its bold outline is broken by
                # white dashes: the bound continues beyond what was computed
                if "computed" in g and g["computed"].shape == M.shape:
                    for xs, ys in range_cuts(fill if fill.any() else mask, g["computed"][:] != 0, m, c):
                        ax.plot(xs, ys, color="white", lw=2.4, ls=(0, (2.0, 2.0)), zorder=7.5)
                        cut_by_range.add(label)
                # points where the bound's own scan failed (/bounds/<name>/computed = 0, written by merge
                # --bounds): "not excluded" means unknown there, so they are hatched in grey. Only inside the
                # box spanned by the computed points (a bound resampled from a smaller grid is 0 outside its
                # grid too: that is its scan range, not a failure)
                if "computed" in g and g["computed"].shape == M.shape:
                    cm = g["computed"][:] != 0
                    if cm.any() and not cm.all():
                        ii, jj = np.nonzero(cm)
                        box = np.zeros_like(cm)
                        box[ii.min():ii.max() + 1, jj.min():jj.max() + 1] = True
                        # not hatched where another bound computed the point (e.g. BBN beyond tau = 1e5 s,
                        # where photodisintegration takes over): unknown only where no bound computed it
                        others = np.zeros_like(cm)
                        for other in f["bounds"]:
                            og = f["bounds"][other]
                            if other != name and isinstance(og, h5py.Group) and "computed" in og \
                                    and og["computed"].shape == M.shape:
                                others |= og["computed"][:] != 0
                        nc = (box & ~cm & ~others).astype(float)
                        if nc.any():
                            if (box & ~cm & others).any():  # this file's mask: the source's failures less others'
                                X, Y, Z = M, C, nc - 0.5
                            else:
                                X, Y, Z, how = bound_field(path, name, "not_computed", M, C, nc)
                            with plt.rc_context({"hatch.color": "0.6", "hatch.linewidth": 0.5}):
                                fill_region(ax, X, Y, Z, "none", 1.0, 5, hatch="//")
                            ax.contour(X, Y, Z, levels=[0.0], colors=["0.55"], linewidths=0.7,
                                       linestyles="dashdot", zorder=5)
                            # the reason in words (the scan's error messages), then the count
                            why = "(" + text(g.attrs.get("not_computed", "failed points")) + ")"
                            reason = summary_outline.failure_summary(path, name)
                            if reason:
                                why = "\n".join(wrap_math(reason, 50) + [why])
                            not_computed.setdefault(why, []).append(label)
                # the part that depends on the reheating temperature (BBN / N_eff of the benchmark models:
                # |abundance_TRH_change| > 0.1 at an excluded point) is hatched, and T_RH named in the legend
                trh = trh_part(path, name)
                legend_label = label
                if trh is not None:
                    if trh["z"] is not None:
                        with plt.rc_context({"hatch.color": darker(colour), "hatch.linewidth": 0.6}):
                            fill_region(ax, trh["mass"], trh["coupling"], trh["z"], "none", 1.0, 6.5, hatch="\\\\")
                        trh_hatched.append(label)
                    if trh["n_sensitive"] != 0:  # sensitive points, or not known (no per-point quantity)
                        legend_label += r" ($T_{\rm RH}$ = " + f"{trh['T_RH_GeV']:g} GeV)"
                    n_sens = (f"{trh['n_sensitive']} of {trh['n_excluded']} excluded points of its scan" if trh["n_sensitive"] >= 0
                              else "its scan has no per-point abundance_TRH_change: not known")
                    outlines.append((name, "T_RH-sensitive part", f"{n_sens} (T_RH = {trh['T_RH_GeV']:g} GeV)"))
                if weak is not None:
                    legend_label += ": conservative (filled), nominal (bold line)"
                    src = range_source(g)
                    if src:
                        legend_label = "\n".join([legend_label] + wrap_math("range: " + src, 50))
                computed_handles.append(mpatches.Patch(
                    facecolor=colour, edgecolor=darker(colour), alpha=0.8, lw=2.0, label=legend_label))

        if trh_hatched:
            computed_handles.append(mpatches.Patch(facecolor="none", edgecolor="0.3", hatch="\\\\", label="\n".join(
                wrap_math(r"hatched: depends on $T_{\rm RH}$ (" + ", ".join(trh_hatched)
                          + r"): the abundance changes by > 10 % for $T_{\rm RH}$/10", 50))))
        if cut_by_range:
            computed_handles.append(mlines.Line2D([], [], color="0.3", lw=2.0, ls=(0, (2.0, 2.0)), label="\n".join(
                wrap_math("outline broken by white dashes: end of the scan range of "
                          + ", ".join(sorted(cut_by_range)) + " (the bound may continue)", 50))))
        # one legend entry per distinct reason for the grey hatching
        for why, labels in not_computed.items():
            computed_handles.append(mpatches.Patch(facecolor="none", edgecolor="0.55", hatch="//",
                                                   label="not computed: " + ", ".join(labels) + "\n" + why))

        # accelerator limits: the published curves (/limits/<experiment>/curve), filled with the
        # colour of their experiment family, projections dashed and unfilled; the rasterised mask
        # only when a file predates the curve dataset
        if "limits" in f:
            names = sorted(k for k in f["limits"].keys() if isinstance(f["limits"][k], h5py.Group))
            placed = placed_labels
            families_drawn = {}
            ytop = c.max() * 10.0
            for k, name in enumerate(names):
                g = f["limits"][name]
                if "excluded" not in g:
                    continue
                mask = g["excluded"][:].astype(float)
                exp = text(g.attrs.get("experiment", name))
                family, colour = experiment_family(exp)
                proj = is_projection(g, exp)
                kind = text(g.attrs.get("kind", "closed"))
                if "curve" in g:
                    draw_curve(ax, g["curve"][:], kind, colour, proj, ytop)
                elif mask.any():
                    ax.contourf(M, C, mask, levels=[0.5, 1.5], colors=[colour], alpha=0.35, zorder=4)
                    ax.contour(M, C, mask, levels=[0.5], colors=[colour], linewidths=0.9, zorder=5)
                else:
                    continue
                fam = family + (" (projected)" if proj else "")
                families_drawn.setdefault(fam, (colour, proj))
                stored = stored_label_position(g)
                pos = stored or (label_position(mask, m, c, placed, exp) if mask.any() else None)
                if pos is not None:
                    # automatic positions keep the whole (centred) box in the frame; a stored position
                    # near the left or right edge runs inwards, so that it is not clipped
                    fx = (np.log10(pos[0]) - np.log10(m[0])) / (np.log10(m[-1]) - np.log10(m[0]))
                    ha = "center" if not stored else "right" if fx > 0.9 else "left" if fx < 0.1 else "center"
                    ax.text(pos[0], pos[1], exp.replace("_", " "), fontsize=8, ha=ha, va="center", color=darker(colour),
                            zorder=8, clip_on=True, style="italic" if proj else "normal",
                            bbox=dict(boxstyle="round,pad=0.1", fc="white", ec="none", alpha=0.55))
                    if stored:  # so that the c*tau labels keep clear of it too (as of the automatic ones)
                        hw = label_half_width(exp)
                        fy = (np.log10(pos[1]) - np.log10(c[0])) / (np.log10(c[-1]) - np.log10(c[0]))
                        placed.append((fx + {"right": -hw, "left": hw}.get(ha, 0.0), fy, hw))
            for fam, (colour, proj) in families_drawn.items():
                if proj:
                    published_handles.append(mlines.Line2D([], [], color=colour, ls="--", lw=1.4, label=fam))
                else:
                    published_handles.append(mpatches.Patch(facecolor=colour, edgecolor=colour, alpha=0.45, lw=0.8,
                                                            label=fam))

        # lines of constant c*tau (under everything else)
        if ctau and "quantities/ctau_m" in f:
            ct = f["quantities/ctau_m"][:]
            ok = (f["status"][:] == 0) & np.isfinite(ct) & (ct > 0)
            if ok.any():
                lct = np.where(ok, np.log10(np.where(ok, ct, 1.0)), np.nan)
                lo, hi = np.nanmin(lct), np.nanmax(lct)
                step = max(1, int(np.ceil((hi - lo) / 8.0)))
                levels = [k for k in range(int(np.ceil(lo)), int(np.floor(hi)) + 1) if k % step == 0]
                cs = ax.contour(M, C, lct, levels=levels, colors="#5f5f5f", linewidths=0.8, linestyles="dashed",
                                zorder=8, alpha=0.8)

                def ctau_text(v):
                    k = int(round(v))
                    if -4 <= k < 0:
                        return f"{10.0 ** (k + 3):g} mm"
                    if 0 <= k < 3:
                        return f"{10 ** k:d} m"
                    if 3 <= k < 6:
                        return f"{10 ** (k - 3):d} km"
                    return f"$10^{{{k}}}$ m"
                # one label per line, on its longest piece (log axes) where it is farthest from the labels
                # already placed, so that every line is named and no label sits on another
                manual = []
                lm0, lm1 = np.log10(m[0]), np.log10(m[-1])
                lc0, lc1 = np.log10(c[0]), np.log10(c[-1])
                taken = list(placed_labels)
                for segs in cs.allsegs:
                    segs = [q for q in segs if len(q) >= 2]
                    if not segs:
                        continue
                    seg = max(segs, key=len)
                    # the point of the line, between 15% and 85% of its length, farthest from the
                    # labels already placed (limits and other c*tau lines; axes fractions)
                    best, best_d = None, -1.0
                    for q in seg[int(0.05 * len(seg)): max(int(0.95 * len(seg)), int(0.05 * len(seg)) + 1)]:
                        fx = (np.log10(q[0]) - lm0) / (lm1 - lm0)
                        fy = (np.log10(q[1]) - lc0) / (lc1 - lc0)
                        if not (0.05 < fx < 0.96 and 0.04 < fy < 0.96):
                            continue
                        d = min([np.hypot((fx - px) / (0.045 + pw), (fy - py) / LABEL_H) for px, py, pw in taken] + [1e9])
                        if d > best_d:
                            best, best_d = (q[0], q[1], fx, fy), d
                    if best is not None:
                        manual.append(best[:2])
                        taken.append(best[2:] + (0.045,))
                for t in ax.clabel(cs, fmt=ctau_text, fontsize=9, inline=False, manual=manual):
                    t.set_color("#3c3c3c")
                    t.set_bbox(dict(boxstyle="round,pad=0.1", fc="white", ec="none", alpha=0.85))
                handles.append(mlines.Line2D([], [], color="#5f5f5f", ls="--", lw=0.9,
                                             label=r"$c\tau$ (fipbounds), a line every "
                                             + ("decade" if step == 1 else f"{step} decades")))

        # target lines
        if "targets" in f:
            styles = ["-", "--", "-.", ":"]
            for k, name in enumerate(sorted(f["targets"].keys())):
                g = f["targets"][name]
                if "mass_GeV" not in g or "y" not in g:
                    continue
                (line,) = ax.plot(g["mass_GeV"][:], g["y"][:], color="black", ls=styles[k % 4], lw=2.0,
                                  zorder=7, label=f"thermal relic target: {name}")
                handles.append(line)

        ax.set_xscale("log" if text(f["grid/mass"].attrs.get("spacing", "log")) == "log" else "linear")
        ax.set_yscale("log")
        ax.set_xlim(m.min(), m.max())
        ax.set_ylim(c.min(), c.max())
        bench = text(f.attrs.get("benchmark", ""))
        ax.set_xlabel(axis_label(f["grid/mass"], bench))
        ax.set_ylabel(axis_label(f["grid/coupling"], bench))
        ax.grid(True, which="major", alpha=0.25)
        desc = text(f.attrs.get("model_description", ""))
        full = title if title else (f"{bench}: {desc}" if desc else bench)
        # long model descriptions are wrapped, never clipped
        ax.set_title("\n".join(wrap_math(full, 70)), fontsize=13 if len(full) <= 70 else 11)
        # the legend in sections: what this code computed (bold outlines), the published limits (thin
        # outlines, one colour per experiment family), then c*tau lines and targets
        entries, headers = [], []
        if computed_handles:
            headers.append(len(entries))
            entries += [mpatches.Patch(visible=False, label="Computed by fipbounds (bold outlines)")] + computed_handles
        if published_handles:
            headers.append(len(entries))
            entries += [mpatches.Patch(visible=False, label="Published limits (thin outlines)")] + published_handles
        entries += handles
        if entries:
            leg = ax.legend(handles=entries, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0,
                            framealpha=0.92, fontsize=9)
            leg.set_zorder(20)
            for i in headers:
                leg.get_texts()[i].set_fontweight("bold")
        else:
            ax.text(0.5, 0.5, "no bounds, limits or targets in this file", transform=ax.transAxes,
                    ha="center", va="center", color="#616161")
        # the caption is wrapped, never clipped (BC2 captions carry the model's parameters and the
        # conversion of invisible-A' limits onto the plane)
        cap = textwrap.wrap(caption_line(f) + bc2_note(f), 125)
        fig.text(0.01, 0.01, "\n".join(cap), fontsize=9, color="#424242", ha="left", va="bottom")
        fig.tight_layout(rect=(0, 0.015 + 0.017 * len(cap), 1, 1))
        for o in outs:
            fig.savefig(o, dpi=200 if o.endswith(".png") else None)
        plt.close(fig)
    for name, region, how in outlines:
        print(f"plot_summary: bound {name} ({region}) outlined from {how}")
    for o in outs:
        print(f"plot_summary: wrote {o}")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scan", help="fipbounds output file (HDF5)")
    ap.add_argument("-o", "--output", action="append",
                    help="FIG.png or FIG.pdf (default: SCAN.png); may be given more than once: the same figure is "
                         "drawn once and saved to each (the main job writes PNG and PDF so)")
    ap.add_argument("--title", help="figure title (default: benchmark and model description)")
    ap.add_argument("--ctau", action="store_true",
                    help="draw lines of constant c*tau (/quantities/ctau_m, one per decade) under the bounds")
    a = ap.parse_args()
    if not os.path.exists(a.scan):
        print(f"plot_summary: {a.scan} does not exist", file=sys.stderr)
        return 2
    outs = a.output or [os.path.splitext(a.scan)[0] + ".png"]
    for out in outs:
        if not (out.endswith(".png") or out.endswith(".pdf")):
            print(f"plot_summary: {out}: the figure must end in .png or .pdf", file=sys.stderr)
            return 2
    try:
        return draw(a.scan, outs, a.title, a.ctau)
    except OSError as e:
        print(f"plot_summary: cannot read {a.scan}: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
