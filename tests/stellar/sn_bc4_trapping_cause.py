#!/usr/bin/python3
"""Cause of the BC4/BC5 SN1987A upper-edge gap (x34-x146 above the published maxima), measured (issue 16).

Usage: sn_bc4_trapping_cause.py FIPBOUNDS SOURCE_DIR

Published numbers: tests/stellar/data/sn_published_envelopes.tsv (abstracts only; arXiv:2005.00490 v3 and its v1
numbers as presented at Pheno 2020, arXiv:2205.01669). Findings checked here (docs/validation.md, section
"BC4 SN1987A upper edge: the emission volume sets it"):

 1. The band width sin theta_high / sin theta_low at one mass does not depend on the normalisation of the
    bremsstrahlung rate: emission and inverse-bremsstrahlung absorption are tied by detailed balance, so a common
    factor F gives L(sin^2 theta) = sin^2 theta F sum W exp(-sin^2 theta F tau), a function of sin^2 theta F only,
    and both edges move by F^-1/2. A published band never wider than 3.0e-5/1.0e-7 = 300 (arXiv:2205.01669; 18 for
    arXiv:2005.00490) therefore cannot be reached by a different production/absorption rate: our default width
    (4700 at 1 MeV) is set by the emission volume, the profile and the criterion.
 2. At the default upper edge the luminosity comes from the mantle: with emission cut at 15 km the luminosity at the
    same sin^2 theta is < 1% of L_nu at 1 and 10 MeV; the shell outside 20 km, which emits >= 90% of it, holds only
    ~1e51 erg of thermal energy (nucleons 3T/2 plus photons and neutrinos, integrated over the profile file here,
    independently of fipbounds), 1/30 of L_nu x 1 s: the static-profile luminosity of the trapping edge drains a
    reservoir that could sustain it for ~0.04 s.
 3. With emission from the inner core only (r_emit_km = 10, the one-zone core radius R ~ 10 km of the classic
    estimates) the upper edge is 2.7e-5 - 3.2e-5 at 1-140 MeV, the closing mass 216 MeV and the width <= 101: the
    published 3.0e-5 / 219 MeV of arXiv:2205.01669 is met, and it lies inside our cold-hot profile range, whereas
    the default edge moves x24 between profiles.

Tolerances (fixed in this header before the assertions were written; the r_emit_km = 10 values had been looked at
once in an exploratory run, the tolerances are the ones the other BC4 rows use, not fitted): widths <= 300 (pass) or
pinned +-15% (gap); fractions < 1% / >= 90%; thermal energy pinned +-10% and < 0.1 L_nu x 1 s; upper edge factor 1.5
of 3.0e-5; closing mass 30% of 219 MeV; lower edge factor 3 of 3.9e-7, pinned +-15% against 1.0e-7. Runtime ~15 s.
"""
import json
import math
import os
import subprocess
import sys

import numpy as np

EXE, SRC = sys.argv[1], sys.argv[2]
MASSES = (0.001, 0.01, 0.05, 0.1, 0.14)
L_NU = 3e52
failures = []


def ev(mass, **kw):
    args = [EXE, "eval", "sn1987a", "model=bc4", f"mass_GeV={mass:g}"] + [f"{k}={v}" for k, v in kw.items()]
    return json.loads(subprocess.check_output(args + ["--json"], cwd=SRC))


def check(ok, row):
    print(("pass  " if ok else "FAIL  ") + row)
    if not ok:
        failures.append(row)


def edges(mass, **kw):
    d = ev(mass, **kw)
    lo, hi = d["coupling_low"], d["coupling_high"]
    return (None, None) if lo is None else (math.sqrt(lo), math.sqrt(hi))


ref = {}
with open(os.path.join(SRC, "tests/stellar/data/sn_published_envelopes.tsv")) as f:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        s, q, v, _, _ = line.split("\t")
        ref[(s, q)] = float(v)
up_b, lo_b, mmax_b = ref[("bdsz22", "sintheta_high_max")], ref[("bdsz22", "sintheta_low_min")], ref[("bdsz22", "mass_max_GeV")]
lo_d = ref[("dmz20", "sintheta_low_min")]
wmax = up_b / lo_b  # 300: the widest the published band can be at any mass

# 1. width, default (gap pinned) and core emission (pass)
pins = {0.001: 4699.0, 0.01: 3442.0, 0.05: 972.0}
core = {}
for m in MASSES:
    lo, hi = edges(m)
    loc, hic = edges(m, r_emit_km=10)
    core[m] = (loc, hic)
    w, wc = hi / lo, hic / loc
    if m in pins:
        check(abs(w / pins[m] - 1) < 0.15 and w > wmax,
              f"m = {m*1e3:g} MeV default width {w:.0f} > {wmax:.0f} (pinned {pins[m]:.0f} +-15%): gap x{w/wmax:.1f}")
    check(wc <= wmax, f"m = {m*1e3:g} MeV r_emit_km=10: band {loc:.3g} - {hic:.3g}, width {wc:.0f} <= {wmax:.0f}")

# 2. where the default upper-edge luminosity comes from
for m in (0.001, 0.01):
    s2 = ev(m)["coupling_high"]
    f15 = ev(m, r_emit_km=15, coupling=s2)["luminosity_erg_s_at_sin2theta"] / L_NU
    f20 = ev(m, r_emit_km=20, coupling=s2)["luminosity_erg_s_at_sin2theta"] / L_NU
    check(f15 < 0.01 and 1 - f20 >= 0.9,
          f"m = {m*1e3:g} MeV at the default sin^2 theta_high = {s2:.3g}: L(r < 15 km)/L_nu = {f15:.2g} < 1%, "
          f"from r > 20 km {1-f20:.3f} >= 90%")
d = np.loadtxt(os.path.join(SRC, "inputs/sn_profile_mantle.dat"))
r_cm, rho, T = d[:, 0] * 1e5, d[:, 1], d[:, 2]
MEV_ERG, M_U_G, HBARC_MEV_CM = 1.602176634e-6, 1.66053907e-24, 197.3269804e-13
e = 1.5 * rho / M_U_G * T * MEV_ERG + math.pi**2 / 30 * (2 + 7 / 8 * 6) * T**4 / HBARC_MEV_CM**3 * MEV_ERG
s = d[:, 0] >= 20.0
TRAPZ = getattr(np, "trapezoid", None) or np.trapz
E20 = TRAPZ(4 * math.pi * r_cm[s] ** 2 * e[s], r_cm[s])
check(abs(E20 / 1.09e51 - 1) < 0.1 and E20 < 0.1 * L_NU,
      f"thermal energy outside 20 km (mantle profile) {E20:.3g} erg (pinned 1.09e51 +-10%) < 0.1 L_nu x 1 s: "
      f"lasts {E20/L_NU:.2g} s at L_nu")

# 3. core emission against arXiv:2205.01669 / 2005.00490
hmax = max(h for _, h in core.values())
lmin = min(l for l, _ in core.values())
check(up_b / 1.5 <= hmax <= 1.5 * up_b, f"r_emit_km=10 largest sin theta_high {hmax:.3g} vs {up_b:g}: x{hmax/up_b:.2f} (factor 1.5)")
check(lo_d / 3 <= lmin <= 3 * lo_d, f"r_emit_km=10 smallest sin theta_low {lmin:.3g} vs {lo_d:g}: x{lmin/lo_d:.2f} (factor 3)")
check(abs(lmin / lo_b / 3.10 - 1) < 0.15,
      f"r_emit_km=10 smallest sin theta_low {lmin:.3g} vs {lo_b:g}: gap x{lmin/lo_b:.2f} (pinned 3.10 +-15%)")
mm = ev(0.001, r_emit_km=10, mass_max="yes")["mass_max_GeV"]
check(abs(mm / mmax_b - 1) < 0.3, f"r_emit_km=10 closing mass {mm*1e3:.1f} MeV vs {mmax_b*1e3:g} MeV: x{mm/mmax_b:.3f} (30%)")
# the first version of arXiv:2005.00490 (dmz20v1; same tolerances as above, values seen before writing these rows)
lo1, up1, mm1 = (ref[("dmz20v1", q)] for q in ("sintheta_low_min", "sintheta_high_max", "mass_max_GeV"))
check(lo1 / 3 <= lmin <= 3 * lo1, f"r_emit_km=10 smallest sin theta_low {lmin:.3g} vs v1 {lo1:g}: x{lmin/lo1:.2f} (factor 3)")
check(up1 / 1.5 <= hmax <= 1.5 * up1, f"r_emit_km=10 largest sin theta_high {hmax:.3g} vs v1 {up1:g}: x{hmax/up1:.2f} (factor 1.5)")
check(abs(mm / mm1 - 1) < 0.3, f"r_emit_km=10 closing mass {mm*1e3:.1f} MeV vs v1 {mm1*1e3:g} MeV: x{mm/mm1:.3f} (30%)")
hc = [edges(0.001, r_emit_km=10, profile=p)[1] for p in ("mantle_cold", "mantle_hot")]
check(min(hc) <= up_b <= max(hc), f"r_emit_km=10 sin theta_high at 1 MeV cold/hot {hc[0]:.3g} / {hc[1]:.3g} brackets {up_b:g}")
dc = [edges(0.001, profile=p)[1] for p in ("mantle_cold", "mantle_hot")]
print(f"info  default sin theta_high at 1 MeV cold/hot {dc[0]:.3g} / {dc[1]:.3g}")

if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("all checks passed")
