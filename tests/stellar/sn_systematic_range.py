#!/usr/bin/python3
"""Is the published number of each open SN1987A gap inside our systematic range? (issue 16, branch snlit)

Usage: sn_systematic_range.py FIPBOUNDS SOURCE_DIR bc9|bc3|bc4

The published treatments behind the open gaps could not be read (docs/validation.md, section "The four open SN1987A
gaps: what was read, and our systematic range", lists every source and query tried). This script does not change
any default: it evaluates each band, through `fipbounds eval sn1987a ... --json`, on the grid of the systematic
options the code already has (the seven profiles: six before session 14, plus mantle_compact; the trapping criteria, the statistics / trapping-depth options, and
for BC4 the emission volume r_emit_km = 10) and says whether the published number lies inside the range spanned:

  bc9  upper (trapping) edge at the 7 masses of tests/stellar/data/axionlimits_SN1987A_HeavyALP_nu.tsv and the
       closing mass (AxionLimits copy of arXiv:2109.03244);
  bc3  largest upper edge ("few x 1e-6") and mass reach (~200 MeV) of Chang, Essig & McDermott arXiv:1803.00993
       (abstract; tests/stellar/data/sn_published_envelopes.tsv, rows cem18);
  bc4  largest upper edge in sin theta, 3.0e-5 (Balaji et al. arXiv:2205.01669) and 7.0e-6 (Dev, Mohapatra & Zhang
       arXiv:2005.00490), same file (rows bdsz22, dmz20).

Every option is printed with its numbers. The checks state the measured status ("inside" / "outside") and pin the
ratio of the nearest option to the published number (+-10%, set after measuring, 2026-12-07) so that a change of
the bands shows; none is a target and nothing is tuned. CPU time: bc9 ~8 s, bc3 ~2 s, bc4 ~12 s (wall x2-5 on a loaded machine).
"""
import json
import math
import os
import subprocess
import sys

EXE, SRC, BENCH = sys.argv[1], sys.argv[2], sys.argv[3]
PROFILES = ("mantle_cold", "mantle_hot", "mantle_compact", "parametric", "parametric_cold", "parametric_hot")
failures = []


def ev(model, mass, opts):
    args = [EXE, "eval", "sn1987a", f"model={model}", f"mass_GeV={mass:g}"] + opts.split()
    return json.loads(subprocess.check_output(args + ["--json"], cwd=SRC))


def check(ok, row):
    print(("pass  " if ok else "FAIL  ") + row)
    if not ok:
        failures.append(row)


def fmt(x):
    return "closed" if x is None else f"{x:.3g}"


def data_rows(name):
    with open(os.path.join(SRC, "tests/stellar/data", name)) as f:
        return [ln.rstrip("\n").split("\t") for ln in f if ln.strip() and not ln.startswith("#")]


def envelopes():
    return {(r[0], r[1]): float(r[2]) for r in data_rows("sn_published_envelopes.tsv")}


def bc9():
    rows = data_rows("axionlimits_SN1987A_HeavyALP_nu.tsv")
    high = [(float(m) * 1e-9, float(g)) for e, m, g in rows if e == "high"]
    tip = [float(m) * 1e-9 for e, m, g in rows if e == "tip"][0]
    opts = ["", *[f"profile={p}" for p in PROFILES], "criterion=rays", "criterion=cem", "criterion=neutrinosphere",
            "criterion=transfer_radial", "photon_stats=boltzmann",
            "profile=mantle_hot criterion=transfer_radial photon_stats=boltzmann",
            "profile=parametric_hot criterion=transfer_radial photon_stats=boltzmann"]
    best = [0.0] * len(high)
    mmax = []
    for o in opts:
        ratios = []
        for i, (m, g) in enumerate(high):
            h = ev("bc9", m, o)["coupling_high"]
            r = None if h is None else h / g
            ratios.append(r)
            if r is not None:
                best[i] = max(best[i], r)
        mm = ev("bc9", 0.05, o + " mass_max=yes")["mass_max_GeV"]
        mmax.append(mm)
        print(f"bc9 {o or 'default (mantle, transfer, bose)':<70} upper edge / published at "
              f"{', '.join(f'{m * 1e3:.0f}' for m, g in high)} MeV: {' '.join(fmt(r) for r in ratios)}; "
              f"m_max {mm:.4f} GeV")
    print("bc9 largest upper edge / published over all options: " + " ".join(f"{b:.3f}" for b in best))
    check(min(mmax) < tip < max(mmax),
          f"bc9 closing mass {tip:.4f} GeV inside [{min(mmax):.4f}, {max(mmax):.4f}] GeV (profiles x criteria x "
          f"statistics): inside")
    check(all(b < 1 for b in best), "bc9 published upper edge above every option at all 7 masses: outside")
    check(0.52 < best[0] < 0.64 and 0.79 < best[-1] < 0.97,
          f"bc9 nearest option (mantle_hot, transfer_radial, boltzmann) at 110 / 315 MeV: {best[0]:.3f} / "
          f"{best[-1]:.3f} (measured 0.58 / 0.88; pinned 0.52-0.64 / 0.79-0.97)")


def bc3():
    ref = envelopes()
    lo, hi, reach = 2e-6, 9e-6, ref[("cem18", "mass_max_GeV")]  # "few x 1e-6": 2e-6 - 9e-6 (data file)
    opts = ["", *[f"profile={p}" for p in PROFILES], "criterion=rays", "criterion=transfer",
            "criterion=neutrinosphere", "mcp_trapping=energy_loss", "mcp_trapping=transport",
            "mcp_trapping=energy_loss profile=mantle_hot", "mcp_trapping=energy_loss profile=parametric_hot"]
    ups, reaches = [], []
    for o in opts:
        up = max(ev("bc3", m, o)["coupling_high"] or 0.0 for m in (1e-4, 1e-3))
        mm = ev("bc3", 0.01, o + " mass_max=yes")["mass_max_GeV"]
        ups.append(up)
        reaches.append(mm)
        print(f"bc3 {o or 'default (mantle, cem, random_walk)':<55} largest upper edge (0.1, 1 MeV) {up:.3g}; "
              f"reach {mm * 1e3:.1f} MeV")
    check(min(ups) <= hi and max(ups) >= lo,
          f"bc3 'few x 1e-6' [{lo:g}, {hi:g}] overlaps our range [{min(ups):.3g}, {max(ups):.3g}]: inside")
    check(min(reaches) < reach < max(reaches),
          f"bc3 reach {reach * 1e3:.0f} MeV inside [{min(reaches) * 1e3:.1f}, {max(reaches) * 1e3:.1f}] MeV: inside")
    check(2.9e-6 < max(ups) < 5.2e-6,
          f"bc3 largest upper edge over the options {max(ups):.3g} (measured 4.65e-6, energy_loss + parametric_hot; "
          f"pinned 2.9e-6 - 5.2e-6)")


def bc4():
    ref = envelopes()
    bdsz, dmz = ref[("bdsz22", "sintheta_high_max")], ref[("dmz20", "sintheta_high_max")]
    base = ["", *[f"profile={p}" for p in PROFILES], "criterion=cem", "criterion=transfer",
            "criterion=neutrinosphere", "criterion=transfer_radial"]
    volume = ["r_emit_km=10", *[f"r_emit_km=10 profile={p}" for p in PROFILES]]
    up = {}
    for o in base + volume:
        # largest upper edge over mass: at 1 MeV (the edge falls with mass on every option: 1 / 10 / 140 MeV in
        # docs/validation.md; with r_emit_km = 10 it is flat to 3% up to 10 MeV)
        up[o] = math.sqrt(ev("bc4", 1e-3, o)["coupling_high"] or 0.0)
        print(f"bc4 {o or 'default (mantle, rays)':<40} largest sin theta_high (1 MeV) {up[o]:.3g}: "
              f"/ 3.0e-5 = {up[o] / bdsz:.2f}, / 7.0e-6 = {up[o] / dmz:.2f}")
    b = [up[o] for o in base]
    v = [up[o] for o in volume]
    check(min(b) > bdsz and 18 < min(b) / bdsz < 22,
          f"bc4 profiles x criteria: smallest largest-upper-edge {min(b):.3g} = x{min(b) / bdsz:.1f} of 3.0e-5: "
          f"outside (measured x20.0, parametric_cold; pinned 18-22)")
    check(min(v) < bdsz < max(v),
          f"bc4 emission r < 10 km on the seven profiles [{min(v):.3g}, {max(v):.3g}] contains 3.0e-5: inside")
    check(min(b + v) > dmz and 2.3 < min(b + v) / dmz < 2.9,
          f"bc4 7.0e-6 below every option: smallest {min(b + v):.3g} = x{min(b + v) / dmz:.2f}: outside "
          f"(measured x2.6; pinned 2.3-2.9)")


{"bc9": bc9, "bc3": bc3, "bc4": bc4}[BENCH]()
if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("all checks passed")
