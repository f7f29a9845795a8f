"""Smooth outlines of computed bounds for tools/plot_summary.py (issue 17: no staircases).

A computed bound reaches a summary file as a 0/1 mask (/bounds/<name>/excluded), often resampled by
`fipbounds merge --bounds` from a coarser grid (nearest point: a staircase of the source cells).
This module rebuilds a smooth outline from the bound's own scan file (attribute copied_from_file, or
the summary file itself) as a field Z on the source grid, excluded where Z > 0:

  1. a smooth quantity of /quantities crossing its threshold (e.g. delta_chi2 > 5.99 of the BBN
     bands, |Neff - 2.99| > 0.34, |mu| > 9e-5 of the CMB bands, L > L_nu of SN1987A): Z = log10 of
     the quantity over its threshold, so that it varies smoothly (power laws in the coupling);
  2. the per-mass coupling edges /bounds/<name>/edges (mass, lower, upper edge; stellar bounds):
     Z = distance in decades to the nearer edge, positive inside;
  3. otherwise the source mask itself (Z = mask - 1/2): the marching-squares outline of the source
     grid, cut diagonally through its cells instead of the nearest-point staircase.

Candidates 1 and 2 are used only when (Z > 0) reproduces the source mask at every grid point where
the source scan succeeded (/status 0): the outline never contradicts the computed points, it only
interpolates between them (failed points count as not excluded, as in the mask; the figure hatches
them as "not computed"). Z is then refined bilinearly in (log m, log coupling) so that matplotlib's
contour, which interpolates linearly in data coordinates, draws the crossing at its log-space place.
Only numpy and h5py are used.
"""
import os
import re

import h5py
import numpy as np

# thresholds of the criteria, read from the bound's own attributes or its criterion text (the scan
# writes the numbers it used: e.g. "delta_chi2 = ... > 5.99", "|Neff - 2.99| > 0.34", "|mu| > 9e-05")
_NUM = r"([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)"
THRESHOLD_ATTRS = ("limit", "L_nu_erg_s", "p_ann_max_cm3_s_GeV", "threshold")
# quantities tried first for the bounds whose names say what they are (others: every quantity)
PREFERRED = {
    "bbn": ("delta_chi2",),
    "photodisintegration": ("delta_chi2",),
    "neff": ("Neff_rec", "Neff"),  # the N_eff band is decided at recombination (bbn_chi2.c)
    "cmb_mu": ("mu",),
    "cmb_y": ("y",),
    "cmb_anisotropies": ("R_aniso", "R"),
    "sn1987a": ("sn_luminosity_erg_s",),
}


def _bc2_pann_at_relic(q, group):
    """BC2 /bounds/cmb_pann: p_ann f^2 with f = min(Omega h^2 / Omega_c h^2, 1) (chi at its own relic
    density; fb_bc2_cmb_pann_thermal), Omega_c h^2 as the mask's description states it."""
    if "p_ann_cm3_s_GeV" not in q or "omega_h2" not in q:
        return None
    desc = _text(group["excluded"].attrs.get("description", ""))
    mt = re.search(r"Omega_chi h\^2\s*/\s*" + _NUM, desc)
    if not mt:
        return None
    f = np.minimum(q["omega_h2"][:] / float(mt.group(1)), 1.0)
    return q["p_ann_cm3_s_GeV"][:] * f * f


# quantities derived from several of /quantities for the bounds whose criterion combines them
DERIVED = {"cmb_pann": ("p_ann f^2 (f = min(Omega h^2/Omega_c h^2, 1))", _bc2_pann_at_relic)}
FLOOR_DECADES = 3.0  # a quantity at or below 1e-3 of its threshold counts as "far outside"


def _text(v):
    return v.decode() if isinstance(v, bytes) else str(v)


def source_path(group, summary_path):
    """The scan file a bound was copied from (attribute copied_from_file, as written by merge, relative
    to the working directory of the merge; tried as it is, then next to the summary file and one level
    up), or the summary file itself when the bound was computed there; None when it cannot be found."""
    src = _text(group.attrs.get("copied_from_file", ""))
    if not src:
        return summary_path
    here = os.path.dirname(os.path.abspath(summary_path))
    for cand in (src, os.path.join(here, os.path.basename(src)), os.path.join(here, "..", src)):
        if os.path.isfile(cand):
            return cand
    return None


def thresholds(group):
    """Candidate thresholds of a bound: its numeric attributes in THRESHOLD_ATTRS and every number after
    '>' in its criterion text, with a centre for '|q - a| > b' criteria ((a, b) pairs; a = 0 otherwise)."""
    out = []
    for key in THRESHOLD_ATTRS:
        if key in group.attrs:
            try:
                out.append((0.0, float(group.attrs[key])))
            except (TypeError, ValueError):
                pass
    crit = _text(group.attrs.get("criterion", ""))
    ds = group.get("excluded")
    if ds is not None:
        crit += " " + _text(ds.attrs.get("description", ""))
    for a, b in re.findall(r"\|\s*\w+\s*-\s*" + _NUM + r"\s*\|\s*>\s*" + _NUM, crit):
        out.append((float(a), float(b)))
    for b in re.findall(r">\s*" + _NUM, crit):
        out.append((0.0, float(b)))
    seen, uniq = set(), []
    for t in out:
        if t[1] > 0 and t not in seen:
            seen.add(t)
            uniq.append(t)
    return uniq


def quantity_field(q, centre, thr):
    """Z = log10(|q - centre| / thr), floored at -FLOOR_DECADES (q = centre counts as far outside)."""
    d = np.abs(q - centre) if centre != 0.0 else np.abs(q)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.log10(np.maximum(d, thr * 10.0 ** -FLOOR_DECADES) / thr)
    return z


def edges_field(edges, coupling, log_coupling=True, ratio=1.0):
    """Z of one set of per-mass edges (n_mass x 3: mass, lower, upper edge of the excluded interval, the lower one
    scaled by ratio; or
    n_mass x 2: mass, g_max with everything above ratio * g_max excluded, as the HB bound writes; NaN:
    nothing excluded): decades to the nearer edge, positive inside, -FLOOR_DECADES where nothing is."""
    if edges.shape[1] == 2:
        lo, hi = ratio * edges[:, 1][:, None], np.full((len(edges), 1), np.inf)
    else:  # the ratio moves the lower (energy-loss) edge only: the upper one is trapping (BC3 red giants, HB)
        lo, hi = ratio * edges[:, 1][:, None], edges[:, 2][:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        if log_coupling:
            lc = np.log10(coupling)[None, :]
            z = np.minimum(lc - np.log10(lo), np.log10(hi) - lc)
        else:
            z = np.minimum(coupling[None, :] - lo, hi - coupling[None, :])
    z = np.where(np.isfinite(z), z, -FLOOR_DECADES)
    return np.maximum(z, -FLOOR_DECADES)


def fit_threshold(d, mask, ok, thr, rel=5e-3):
    """The threshold to use for a quantity d (excluded where d > t): thr itself when it reproduces the
    mask on the successful points; else, the stated number being rounded (5.99 for 5.991), the nearest t
    that does, if within rel of thr; None when no t near thr reproduces the mask."""
    m = mask != 0
    if (m & ~ok).any() or not m.any() or not np.isfinite(d[ok]).all():
        return None
    lo = d[~m & ok].max() if (~m & ok).any() else -np.inf  # t must be >= every d not excluded
    hi = d[m].min()                                          # and below every d excluded
    if not lo < hi:
        return None
    if lo <= thr < hi:
        return thr
    t = np.nextafter(lo, np.inf) if thr < lo else hi - abs(hi) * 1e-12
    return t if lo <= t < hi and abs(t - thr) <= rel * abs(thr) else None


def agrees(z, mask, ok):
    """(Z > 0) reproduces the mask at every successful point, and the mask has no excluded failed point."""
    if z.shape != mask.shape:
        return False
    m = mask != 0
    if (m & ~ok).any():
        return False
    zz = np.where(ok, z, -np.inf)
    return bool(np.array_equal(zz > 0, m)) and m.any()


def refine(lm, lc, z, k):
    """Z refined bilinearly by k in (log m, log c) index space: (fine log m, fine log c, fine Z)."""
    def axis(n):
        t = np.linspace(0.0, n - 1.0, (n - 1) * k + 1)
        i0 = np.minimum(np.floor(t).astype(int), n - 2)
        return t, i0, t - i0
    tm, im, wm = axis(len(lm))
    tc, ic, wc = axis(len(lc))
    fm = np.interp(tm, np.arange(len(lm)), lm)
    fc = np.interp(tc, np.arange(len(lc)), lc)
    zm = z[im, :] * (1 - wm)[:, None] + z[im + 1, :] * wm[:, None]
    zf = zm[:, ic] * (1 - wc)[None, :] + zm[:, ic + 1] * wc[None, :]
    return fm, fc, zf


def refine_factor(ms, cs):
    """The refinement of refine() for a source grid: a few hundred points per axis, at most 8 per cell."""
    return int(max(1, min(8, 800 // max(len(ms), len(cs)))))


def nearest_resample(src_mask, ms, cs, m, c, mlog=True, clog=True):
    """The source mask at the nearest source point of each point of (m, c) (log10 on log axes), 0
    outside the source grid: what `fipbounds merge --bounds` writes (src/limits/fb_limit_bounds.c)."""
    def index(a, v, log):
        ta, tv = (np.log10(a), np.log10(v)) if log else (a, v)
        tol = 1e-9 * max(ta[-1] - ta[0], abs(ta[0]) + abs(ta[-1]))
        j = np.clip(np.searchsorted(ta, tv), 1, len(ta) - 1)
        j = np.where(np.abs(tv - ta[j - 1]) <= np.abs(ta[j] - tv), j - 1, j)
        return np.where((tv >= ta[0] - tol) & (tv <= ta[-1] + tol), j, -1)
    im, ic = index(ms, m, mlog), index(cs, c, clog)
    out = np.zeros((len(m), len(c)), np.uint8)
    inside = (im >= 0)[:, None] & (ic >= 0)[None, :]
    vals = (src_mask[np.maximum(im, 0)][:, np.maximum(ic, 0)] != 0).astype(np.uint8)
    out[inside] = vals[inside]
    return out


def _grid_axis(f, name):
    a = f["grid/" + name][:]
    log = _text(f["grid/" + name].attrs.get("spacing", "log")) != "linear"
    return a, log


def outline(summary_path, name, which="excluded"):
    """The smooth outline of /bounds/<name>/<which> (excluded, weak, strong) of a summary file.

    Returns a dict: mass, coupling (2-D arrays of the refined source grid, data units), z (excluded
    where > 0), method ("quantity <q> > <thr>", "edges", "source mask"), source (the file); or None
    when no source grid can be read (the caller then draws the summary file's own mask)."""
    with h5py.File(summary_path, "r") as f:
        g = f["bounds/" + name]
        src = source_path(g, summary_path)
        if src is None:
            return None
        here_mask = g[which][:] if which in g else None
        m_here, c_here = f["grid/mass"][:], f["grid/coupling"][:]
    with h5py.File(src, "r") as s:
        if "bounds/" + name not in s or "grid/mass" not in s or "grid/coupling" not in s:
            return None
        if which != "not_computed" and which not in s["bounds/" + name]:
            return None
        g = s["bounds/" + name]
        ms, mlog = _grid_axis(s, "mass")
        cs, clog = _grid_axis(s, "coupling")
        if which == "not_computed":  # the points where the bound's own scan failed (/status != 0)
            if "status" not in s or s["status"].shape != (len(ms), len(cs)):
                return None
            mask = (s["status"][:] != 0).astype(np.uint8)
        else:
            mask = g[which][:]
        if mask.shape != (len(ms), len(cs)) or len(ms) < 2 or len(cs) < 2:
            return None
        # a source file rewritten since the merge (another grid or run) is not this bound any more
        if here_mask is not None and not np.array_equal(
                here_mask != 0, nearest_resample(mask, ms, cs, m_here, c_here, mlog, clog) != 0):
            return None
        ok = (s["status"][:] == 0) if "status" in s and s["status"].shape == mask.shape else np.ones(mask.shape, bool)
        if which == "not_computed":
            ok = np.ones(mask.shape, bool)
        z, method = None, None
        if which == "excluded" and "quantities" in s:
            names = [n for n in s["quantities"] if s["quantities"][n].shape == mask.shape]
            pref = [n for n in PREFERRED.get(name.lower(), ()) if n in names]
            fields = []
            if name.lower() in DERIVED:
                label, fn = DERIVED[name.lower()]
                v = fn(s["quantities"], g)
                if v is not None:
                    fields.append((label, v))
            fields += [(n, None) for n in pref + [n for n in names if n not in pref]]
            # 0/1 flag quantities (e.g. the CMB bands' thermalised, low_energy_injection): where one is set the
            # scan does not trust the quantity and excludes nothing, as at a failed point
            flags = []
            for n in names:
                v = s["quantities"][n][:]
                if np.isin(v, (0.0, 1.0)).all() and v.any() and not (v.astype(bool) & (mask != 0)).any():
                    flags.append((n, v.astype(bool)))
            oks = [(ok, "")]
            if flags:
                oks.append((ok & ~np.logical_or.reduce([v for _, v in flags]),
                            " (where " + " or ".join(n for n, _ in flags) + " is set: not excluded, as the scan)"))
            for qn, q in fields:
                q = (s["quantities"][qn][:] if q is None else q).astype(float)
                for (ok_q, note), (centre, thr) in ((o, t) for o in oks for t in thresholds(g)):
                    d = np.abs(q - centre) if centre != 0.0 else np.abs(q)
                    t = fit_threshold(d, mask, ok_q, thr)
                    if t is None:
                        continue
                    cand = quantity_field(q, centre, t)
                    if agrees(cand, mask, ok_q):
                        z, ok = cand, ok_q
                        method = "quantity " + (f"|{qn} - {centre:g}|" if centre else qn) + f" > {thr:g}" + note
                        break
                if z is not None:
                    break
        if z is None:
            sets, ratio = [], 1.0
            if which in ("excluded", "nominal") and "edges" in g:
                sets = [g["edges"][:]]
            elif which in ("weak", "strong") and "edges" in g:
                sets = [g["edges"][:]] + [g[p]["edges"][:] for p in g
                                          if isinstance(g[p], h5py.Group) and "edges" in g[p]]
                # one-sided bounds (HB: g > ratio g_max; RG, WD: src/stellar/fb_stellar_range.h) state the
                # ratio of each side to the nominal edge
                ratio = float(g.attrs.get("coupling_ratio_" + which, g.attrs.get("g_ratio_" + which, 1.0)))
            if sets and all(e.ndim == 2 and e.shape[0] == len(ms) and e.shape[1] in (2, 3) for e in sets):
                fields = [edges_field(e, cs, clog, ratio) for e in sets]
                cand = np.minimum.reduce(fields) if which == "weak" else np.maximum.reduce(fields)
                if agrees(cand, mask, ok):
                    z, method = cand, "edges" if len(sets) == 1 else f"edges of {len(sets)} profiles"
        if z is None:
            z, method = np.where(mask != 0, 0.5, -0.5), "source mask"
        else:
            # failed points are not excluded (as in the mask) and hatched as "not computed" by the figure:
            # far outside here, so that the outline closes smoothly next to them instead of leaving the
            # source cells open (a staircase along the failed region, e.g. photodisintegration's tau range)
            z = np.where(ok, z, -FLOOR_DECADES)
    lm = np.log10(ms) if mlog else ms
    lc = np.log10(cs) if clog else cs
    fm, fc, zf = refine(lm, lc, z, refine_factor(ms, cs))
    M, C = np.meshgrid(10.0 ** fm if mlog else fm, 10.0 ** fc if clog else fc, indexing="ij")
    return {"mass": M, "coupling": C, "z": zf, "method": method, "source": src}


def failure_summary(summary_path, name):
    """Why the points of a bound's own scan failed, in one short line (the most common first line of
    /status_messages with the point and function prefix removed and the values after '=' elided, e.g.
    "decay tau_s = ... outside the allowed range [1e-3, 1e5] s"); None when it cannot be read."""
    try:
        with h5py.File(summary_path, "r") as f:
            src = source_path(f["bounds/" + name], summary_path)
        if src is None:
            return None
        with h5py.File(src, "r") as s:
            if "status_messages" not in s or len(s["status_messages"]) == 0:
                return None
            msgs = s["status_messages"]["message"][:2000]
    except (OSError, KeyError, ValueError):
        return None
    counts = {}
    for msg in msgs:
        line = _text(msg).split("\n")[0]
        line = line.split(": ", 1)[1] if ": " in line and "=" in line.split(": ", 1)[0] else line
        line = re.sub(r"^\w+:\d+: ", "", line)  # the function:line of the error's origin
        line = re.sub(r"= [-+0-9.eE]+", "= ...", line)
        counts[line] = counts.get(line, 0) + 1
    return max(counts, key=counts.get) if counts else None


# The reheating dependence of a band (issue 14 item 1, "the dependence shown"): the BBN / N_eff planes of the
# benchmark models write per point the relative change of the FIP's abundance when T_RH is lowered tenfold
# (/quantities/abundance_TRH_change, src/bbn/fb_model_bbn_fip.c) and T_RH_GeV as an attribute of their bounds.
# An excluded point whose abundance changes by more than TRH_SENSITIVE_CHANGE there depends on T_RH (the
# criterion of the attribute n_excluded_TRH_sensitive, and of T_RH_sensitive of `eval bbn-decay`).
TRH_QUANTITY = "abundance_TRH_change"
TRH_SENSITIVE_CHANGE = 0.1


def trh_sensitive(summary_path, name, excluded_outline=None):
    """The part of /bounds/<name> of a summary file that depends on the reheating temperature.

    Returns None when the bound states no T_RH (attribute T_RH_GeV), else a dict: T_RH_GeV; n_excluded,
    n_sensitive (the source scan's excluded points and those with |abundance_TRH_change| > 0.1, or the
    bound's attributes when its scan cannot be read); mask (source grid: excluded, computed and sensitive;
    None without the quantity); and, when the sensitive part is not empty and the bound's smooth outline
    (outline()) can be read: mass, coupling, z on the outline's refined grid, > 0 inside the sensitive
    part (the minimum of the excluded region's field and log10(|change| / 0.1)), else z None.
    excluded_outline: a function returning outline(summary_path, name) when the caller has it already."""
    with h5py.File(summary_path, "r") as f:
        if "bounds/" + name not in f:
            return None
        g = f["bounds/" + name]
        if "T_RH_GeV" not in g.attrs:
            return None
        res = {"T_RH_GeV": float(g.attrs["T_RH_GeV"]), "n_excluded": int(g.attrs.get("n_excluded", -1)),
               "n_sensitive": int(g.attrs.get("n_excluded_TRH_sensitive", -1)), "mask": None, "z": None}
        src = source_path(g, summary_path)
    if src is None:
        return res
    with h5py.File(src, "r") as s:
        key = "quantities/" + TRH_QUANTITY
        if "bounds/" + name not in s or key not in s or "excluded" not in s["bounds/" + name]:
            return res
        ex = s["bounds/" + name]["excluded"][:] != 0
        chg = s[key][:].astype(float)
        if chg.shape != ex.shape:
            return res
        ok = (s["status"][:] == 0) if "status" in s and s["status"].shape == ex.shape else np.ones(ex.shape, bool)
        ms, mlog = _grid_axis(s, "mass")
        cs, clog = _grid_axis(s, "coupling")
    big = np.abs(np.where(np.isfinite(chg), chg, 0.0)) > TRH_SENSITIVE_CHANGE
    res["mask"] = ex & ok & big
    res["n_excluded"], res["n_sensitive"] = int((ex & ok).sum()), int(res["mask"].sum())
    if not res["mask"].any():
        return res
    o = excluded_outline() if excluded_outline else outline(summary_path, name)
    if o is None:
        return res
    zs = quantity_field(np.where(np.isfinite(chg), chg, 0.0), 0.0, TRH_SENSITIVE_CHANGE)
    zs = np.where(ok, zs, -FLOOR_DECADES)
    lm = np.log10(ms) if mlog else ms
    lc = np.log10(cs) if clog else cs
    _, _, zsf = refine(lm, lc, zs, refine_factor(ms, cs))  # the grid of outline()
    if zsf.shape != o["z"].shape:
        return res
    res.update(mass=o["mass"], coupling=o["coupling"], z=np.minimum(o["z"], zsf))
    return res
