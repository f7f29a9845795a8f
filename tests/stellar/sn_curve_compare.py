#!/usr/bin/python3
"""SN1987A bands of BC1 and BC4 against the digitised published contours found in public code repositories
(issue 16, "Validation": each band against its published curve at >= 5 masses; branch litcurves).

Usage: sn_curve_compare.py FIPBOUNDS SOURCE_DIR bc1|bc4 [--measure]

The contours, with repository, commit, licence and the paper each names, are in
tests/stellar/data/sn_published_curves.tsv:
  bc1  dmlive_cem: DarkMatterLive data/BC1/SN1987A.csv, cited there to Chang, Essig & McDermott arXiv:1611.03864
       (CEM); the validation reference. foresee_dp: FORESEE bounds_SN.txt, no paper named; printed only.
  bc4  foresee_dh: FORESEE DarkHiggs bounds_SN1987.txt, no paper named; the only per-mass scalar SN contour found,
       pinned as a measured difference (not a validation reference).
The published edge at a mass is the log-log interpolation between the two neighbouring rows of that branch. Our
band: `fipbounds eval sn1987a model=bcN mass_GeV=m --json` (default mantle profile and criterion); the closing
mass with mass_max=yes. Every check states its kind:
  pass   the ratio ours / published within a physics tolerance: a factor 2 for the BC1 edges (smaller than the
         spread of our own mantle_cold / mantle_hot edges, x0.34-x2.6 at 90 MeV), 1.5 for the BC4 lower edge,
         30 % for the closing mass (as for the other SN comparisons of docs/validation.md);
  gap    the measured ratio pinned (+-15 %), the cause stated in docs/validation.md, section "SN1987A bands
         against digitised published curves from code repositories";
  range  the published edge lies between our default and one existing option at a time (RANGE).
None of the numbers was used to choose a default. --measure prints the ratios without checking.
Runtime: bc1 ~11 s CPU (12 evals), bc4 ~3 s (6 evals).
"""
import json
import math
import os
import subprocess
import sys

EXE, SRC, BENCH = sys.argv[1], sys.argv[2], sys.argv[3]
MEASURE = "--measure" in sys.argv[4:]

# (source, edge, kind, [(mass_GeV, lo, hi), ...]) bounds on ours / published; edge "tip" compares the closing
# masses (mass None). Measured 2026-12-07 (docs/validation.md); each gap pin is the measured ratio +-15 %.
CHECKS = {
    "bc1": [
        # free-streaming edge: 1.389 0.542 0.931 1.700 1.390 0.901 0.545 at 2-130 MeV
        ("dmlive_cem", "low", "pass", [(m, 0.5, 2.0) for m in (0.002, 0.005, 0.010, 0.030, 0.050, 0.090, 0.130)]),
        # the published lower edge dips to x0.24-0.35 of its rows at 13.7 / 17.8 MeV at 15.9 MeV (resonance at the
        # largest plasma frequency of a hot core); our mantle profile's largest omega_p, ~14.7 MeV, is at its cold
        # centre, so no dip: measured 12.25
        ("dmlive_cem", "low", "gap", [(0.0159, 10.5, 14.3)]),
        # trapping edge below CEM's: decays and absorption counted out to r_far_km = 100 (r_far_km = 30 or the hot
        # profile bracket the published edge, RANGE below); measured 0.286 0.325 0.541 0.503 0.481 0.469 0.506
        ("dmlive_cem", "high", "gap", [(0.002, 0.243, 0.329), (0.005, 0.276, 0.374), (0.010, 0.460, 0.622),
                                       (0.030, 0.428, 0.578), (0.050, 0.409, 0.553), (0.090, 0.399, 0.539),
                                       (0.130, 0.430, 0.582)]),
        ("dmlive_cem", "tip", "pass", [(None, 0.77, 1.3)]),  # 1.185 (largest excluded mass, 30 % as elsewhere)
    ],
    "bc4": [
        # no paper named for this contour: the lower-edge agreement is recorded, not claimed as a validation;
        # measured 1.268 1.210 1.160 1.007 0.894 at 40-200 MeV
        ("foresee_dh", "low", "pass", [(m, 0.667, 1.5) for m in (0.040, 0.070, 0.100, 0.150, 0.200)]),
        # upper edge: our emission volume reaches the mantle (r_emit_km = 10 brings it to x2-3, section "BC4
        # SN1987A upper edge: the emission volume sets it"); measured 40.8 26.0 18.26 11.45 8.52
        ("foresee_dh", "high", "gap", [(0.040, 34.7, 46.9), (0.070, 22.1, 29.9), (0.100, 15.5, 21.0),
                                       (0.150, 9.73, 13.2), (0.200, 7.24, 9.80)]),
        ("foresee_dh", "tip", "pass", [(None, 0.77, 1.3)]),  # 0.943
    ],
}
# The published trapping edge inside the range of our existing options (default, and one option at a time):
# (source, mass_GeV, options). Measured: the range brackets it at both masses.
RANGE = {
    "bc1": [("dmlive_cem", m, ({"r_far_km": 30}, {"profile": "mantle_hot"})) for m in (0.030, 0.090)],
    "bc4": [],
}
# Printed beside the reference (no paper named, so no check): the unattributed FORESEE dark-photon contour.
EXTRA = {"bc1": "foresee_dp", "bc4": None}


def curves():
    """{(source, edge): [(mass_GeV, coupling), ...] sorted by mass} from the data file"""
    rows = {}
    path = os.path.join(SRC, "tests/stellar/data/sn_published_curves.tsv")
    fields = (line.rstrip("\n").split("\t") for line in open(path) if line.strip() and line[0] != "#")
    for src, _bench, edge, _row, m, g in fields:
        rows.setdefault((src, edge), []).append((float(m), float(g)))
    return {k: sorted(v) for k, v in rows.items()}


CURVES = curves()


def published(src, edge, m):
    """log-log interpolation of one branch; None outside its mass range"""
    if edge == "tip":
        return CURVES[(src, "tip")][0][0]
    pts = CURVES[(src, edge)]
    for (m0, g0), (m1, g1) in zip(pts, pts[1:]):
        if m0 <= m <= m1 and m1 > m0:
            t = math.log(m / m0) / math.log(m1 / m0)
            return math.exp((1 - t) * math.log(g0) + t * math.log(g1))
    return None


def ev(mass=None, **kw):
    args = [EXE, "eval", "sn1987a", f"model={BENCH}"] + ([f"mass_GeV={mass:g}"] if mass else [])
    args += [f"{k}={v}" for k, v in kw.items()]
    return json.loads(subprocess.check_output(args + ["--json"], cwd=SRC))


def main():
    failures = []
    cache = {}
    tip_mass = 0.010  # the closing mass comes with the band at this mass (one eval less)
    print(f"{'source':<11} {'edge':<5} {'m [MeV]':>8} {'ours':>10} {'published':>10} {'ratio':>7}  check")
    for src, edge, kind, m, lo, hi in ((c[0], c[1], c[2], *row) for c in CHECKS[BENCH] for row in c[3]):
        if edge == "tip":
            if tip_mass not in cache:
                cache[tip_mass] = ev(tip_mass, mass_max="yes")
            ours, ref = cache[tip_mass]["mass_max_GeV"], published(src, "tip", None)
            m_print = "-"
        else:
            if m not in cache:
                cache[m] = ev(m, mass_max="yes") if m == tip_mass else ev(m)
            ours = cache[m]["coupling_low" if edge == "low" else "coupling_high"]
            if BENCH == "bc4" and ours is not None:
                ours = math.sqrt(ours)  # eval gives sin^2 theta; the contour is in sin theta
            ref = published(src, edge, m)
            m_print = f"{1e3 * m:g}"
        ratio = None if ours is None or ref is None else ours / ref
        ok = ratio is not None and lo <= ratio <= hi
        state = "measured" if MEASURE else ("ok" if ok else "FAIL")
        print(f"{src:<11} {edge:<5} {m_print:>8} {ours if ours is not None else float('nan'):10.3e} "
              f"{ref if ref is not None else float('nan'):10.3e} {ratio if ratio else float('nan'):7.3f}  "
              f"{kind} [{lo:g}, {hi:g}] {state}")
        if not ok and not MEASURE:
            failures.append((src, edge, m))
        extra = EXTRA[BENCH]
        if extra is not None:
            xref = published(extra, edge, m)
            if xref is not None:
                print(f"{extra:<11} {edge:<5} {m_print:>8} {'':>10} {xref:10.3e} {ours / xref if ours else float('nan'):7.3f}"
                      "  printed only (no paper named)")
    for src, m, options in RANGE[BENCH]:
        ref = published(src, "high", m)
        vals = [cache[m]["coupling_high"]] + [ev(m, **o)["coupling_high"] for o in options]
        ok = None not in vals and any(min(vals[0], o) <= ref <= max(vals[0], o) for o in vals[1:])
        print(f"{src:<11} high  {1e3 * m:8.0f} published {ref:.3e}; ours default / "
              + " / ".join(",".join(f"{k}={v}" for k, v in o.items()) for o in options) + ": "
              + " / ".join("closed" if v is None else f"{v:.3e}" for v in vals)
              + ("  range: inside" if ok else "  range: OUTSIDE"))
        if not ok and not MEASURE:
            failures.append((src, "range", m))
    if failures:
        print(f"{len(failures)} check(s) failed: {failures}")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
