#!/usr/bin/python3
"""SN1987A bands of BC3, BC4, BC8 and BC10/BC11 against every readable published number, at 5 masses each, on the
default (mantle) profile with the mantle_cold / mantle_hot systematic range (mantle_compact printed too) (issue 16, "Validation").

Usage: sn_published_compare.py FIPBOUNDS SOURCE_DIR bc3|bc4|hnl|alpn|bc3_stars
(bc3_stars: the BC3 red-giant, HB and white-dwarf bounds, `eval rg|hb|wd`, against the published RG reach and the
best AGB bound at 10-100 keV.)

The published numbers (with arXiv id and the sentence they come from) are in
tests/stellar/data/sn_published_envelopes.tsv. Only abstracts could be read (band extremes, not values at a given
mass) except for the massless ALP-nucleon bound, so each check says which kind it is:
  envelope  the published band at any mass lies inside [smallest lower edge, largest upper edge] up to the closing
            mass: compared with the same extreme of our band, and printed at every mass;
  value     a published value that holds at the mass compared.
Tolerances are explicit; "pass" checks use a physics tolerance, "gap" checks pin the measured ratio (+-10-15%) so
that a change of the band is seen; none is tuned (docs/validation.md, section "SN1987A bands against every
readable published number"). Every check prints its row. Runtime: bc3 < 3 s, bc4 ~ 20 s, hnl < 3 s, alpn ~ 15 s.
"""
import json
import math
import os
import subprocess
import sys

EXE, SRC, BENCH = sys.argv[1], sys.argv[2], sys.argv[3]
PROFILES = ("mantle", "mantle_cold", "mantle_hot", "mantle_compact")  # compact: printed, the checks name their profiles
failures = []


def published():
    ref = {}
    with open(os.path.join(SRC, "tests/stellar/data/sn_published_envelopes.tsv")) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            src, q, v, lo, hi = line.split("\t")
            ref[(src, q)] = (float(v), float(lo), float(hi))
    return ref


REF = published()


def ev(model, mass, **kw):
    args = [EXE, "eval", "sn1987a", f"model={model}", f"mass_GeV={mass:g}"] + [f"{k}={v}" for k, v in kw.items()]
    return json.loads(subprocess.check_output(args + ["--json"], cwd=SRC))


def check(ok, row):
    print(("pass  " if ok else "FAIL  ") + row)
    if not ok:
        failures.append(row)


def within(x, lo, hi):
    return x is not None and lo <= x <= hi


def fmt(x):
    return "closed" if x is None else f"{x:.3g}"


def bands(model, masses, profiles=PROFILES, **kw):
    """{profile: [(m, low, high, eval json)]}; low/high None where the band is closed."""
    out = {}
    for p in profiles:
        rows = [(m, ev(model, m, profile=p, **kw)) for m in masses]
        out[p] = [(m, j["coupling_low"], j["coupling_high"], j) for m, j in rows]
    return out


def mass_max(model, profile, **kw):
    return ev(model, 1e-3, profile=profile, mass_max="yes", **kw).get("mass_max_GeV")


def bc3():
    masses = (0.001, 0.01, 0.03, 0.1, 0.15)
    b = bands("bc3", masses)
    mm = {p: mass_max("bc3", p) for p in PROFILES}
    cem_lo, cem_hi, cem_m = (REF[("cem18", q)] for q in ("eps_low_min", "eps_high_max", "mass_max_GeV"))
    for p in PROFILES:
        print(f"BC3 {p}: " + "; ".join(f"{m*1e3:g} MeV {fmt(lo)} - {fmt(hi)}" for m, lo, hi, _ in b[p])
              + f"; closes at {mm[p]*1e3:.1f} MeV")
    for m, lo, hi, _ in b["mantle"]:
        if lo is not None:
            print(f"      envelope at {m*1e3:g} MeV: eps_low/1e-9 = {lo/cem_lo[0]:.2f}, eps_high/3e-6 = {hi/cem_hi[0]:.3f}")
    lows = [lo for _, lo, _, _ in b["mantle"] if lo is not None]
    highs = [hi for _, _, hi, _ in b["mantle"] if hi is not None]
    # envelope, lower side: half a decade (the abstract quotes a power of ten)
    r = min(lows) / cem_lo[0]
    check(within(r, 10**-0.5, 10**0.5), f"BC3 smallest eps_low {min(lows):.3g} vs 1e-9 (CEM abstract): x{r:.2f}, tol half a decade")
    # envelope, upper side: gap pinned (0.249 measured against 3e-6)
    r = max(highs) / cem_hi[0]
    check(within(r, 0.22, 0.28), f"BC3 largest eps_high {max(highs):.3g} vs few x 1e-6 (3e-6): x{r:.3f}, gap pinned 0.22-0.28")
    check(max(highs) < cem_hi[1], f"BC3 largest eps_high below the lowest reading of 'few x 1e-6' (2e-6): gap, not reached")
    r = mm["mantle"] / cem_m[0]
    check(within(r, 0.60, 0.70), f"BC3 mass reach {mm['mantle']*1e3:.1f} MeV vs ~200 MeV: x{r:.3f}, gap pinned 0.60-0.70")
    check(mm["mantle_cold"] < cem_m[0] < mm["mantle_hot"],
          f"BC3 published reach 200 MeV inside our systematic range {mm['mantle_cold']*1e3:.1f}-{mm['mantle_hot']*1e3:.1f} MeV")
    # profile systematic of the largest upper edge: the hot profile reaches the 'few x 1e-6' range only at its low end
    hot_high = max(hi for _, _, hi, _ in b["mantle_hot"] if hi is not None)
    check(within(hot_high / cem_hi[0], 0.40, 0.49), f"BC3 largest eps_high, mantle_hot {hot_high:.3g}: x{hot_high/cem_hi[0]:.3f} of 3e-6, pinned 0.40-0.49")


def bc4():
    masses = (0.001, 0.01, 0.05, 0.1, 0.14)
    b = bands("bc4", masses, profiles=("mantle",))
    for p in ("mantle_cold", "mantle_hot", "mantle_compact"):
        b[p] = [(m, j["coupling_low"], j["coupling_high"], j) for m, j in ((m, ev("bc4", m, profile=p)) for m in (0.001, 0.1))]
    mm = {p: mass_max("bc4", p) for p in PROFILES}
    s = lambda x: None if x is None else math.sqrt(x)  # the abstracts quote sin theta, eval gives sin^2 theta
    for p in PROFILES:
        print(f"BC4 {p} (sin theta): " + "; ".join(f"{m*1e3:g} MeV {fmt(s(lo))} - {fmt(s(hi))}" for m, lo, hi, _ in b[p])
              + f"; closes at {mm[p]*1e3:.1f} MeV")
    lows = [s(lo) for _, lo, _, _ in b["mantle"]]
    highs = [s(hi) for _, _, hi, _ in b["mantle"]]
    for (m, lo, hi, _) in b["mantle"]:
        print(f"      envelope at {m*1e3:g} MeV: sin theta_low / 3.9e-7 = {s(lo)/3.9e-7:.2f} (/1.0e-7 = {s(lo)/1e-7:.2f}); "
              f"sin theta_high / 7.0e-6 = {s(hi)/7e-6:.1f} (/3.0e-5 = {s(hi)/3e-5:.1f})")
    for src in ("dmz20", "bdsz22"):
        lo_ref, hi_ref, m_ref = (REF[(src, q)][0] for q in ("sintheta_low_min", "sintheta_high_max", "mass_max_GeV"))
        r = min(lows) / lo_ref
        check(within(r, 1 / 3, 3), f"BC4 smallest sin theta_low {min(lows):.3g} vs {lo_ref:g} ({src}): x{r:.2f}, tol factor 3")
        r = mm["mantle"] / m_ref
        if src == "bdsz22":
            check(within(r, 0.7, 1.3), f"BC4 closing mass {mm['mantle']*1e3:.1f} vs {m_ref*1e3:g} MeV ({src}): x{r:.3f}, tol 30%")
        else:
            check(within(r, 1.45, 1.70), f"BC4 closing mass {mm['mantle']*1e3:.1f} vs {m_ref*1e3:g} MeV ({src}): x{r:.3f}, gap pinned 1.45-1.70")
        r = max(highs) / hi_ref
        pins = {"dmz20": (130, 160), "bdsz22": (30, 37)}[src]
        check(within(r, *pins), f"BC4 largest sin theta_high {max(highs):.3g} vs {hi_ref:g} ({src}): x{r:.1f}, gap pinned {pins[0]}-{pins[1]}")
        # near the published closing mass (140 MeV) the upper edge is still above both published maxima
        r = highs[-1] / hi_ref
        pins = {"dmz20": (17, 22), "bdsz22": (4.0, 5.2)}[src]
        check(within(r, *pins), f"BC4 sin theta_high at 140 MeV {highs[-1]:.3g} vs {hi_ref:g} ({src}): x{r:.1f}, gap pinned {pins[0]}-{pins[1]}")
    check(mm["mantle_cold"] < 0.219 < mm["mantle_hot"] and not (mm["mantle_cold"] < 0.147),
          f"BC4 systematic range of the closing mass {mm['mantle_cold']*1e3:.1f}-{mm['mantle_hot']*1e3:.1f} MeV holds 219 "
          f"(arXiv:2205.01669), not 147 (arXiv:2005.00490)")


def hnl():
    masses = (0.01, 0.05, 0.1, 0.15, 0.2)
    b = bands("bc8", masses)
    for p in PROFILES:
        print(f"BC8 {p} (|U_tau|^2): " + "; ".join(f"{m*1e3:g} MeV {fmt(lo)} - {fmt(hi)}" for m, lo, hi, _ in b[p]))
    ref = REF[("mmse19", "U2_low_at_0.1GeV")][0]
    lo = {p: dict((m, l) for m, l, _, _ in b[p])[0.1] for p in PROFILES}
    r = lo["mantle"] / ref
    # our edge below theirs: the NC scattering on nucleons (dominant, arXiv:2311.00033 abstract) is our only BC8
    # channel and is absent from arXiv:1910.10249; the ratio is pinned (measured 0.0424)
    check(within(r, 0.037, 0.048), f"BC8 |U|^2_low at 100 MeV {lo['mantle']:.3g} vs 5e-7 (arXiv:1910.10249 abstract): x{r:.4f}, gap pinned 0.037-0.048")
    check(lo["mantle"] < ref and lo["mantle_cold"] < ref,
          f"BC8 lower edge at 100 MeV below the published bound on mantle and mantle_cold ({lo['mantle_cold']:.3g}): stronger, as expected with NC scattering")
    print(f"      systematic at 100 MeV: cold x{lo['mantle_cold']/ref:.3f}, hot x{lo['mantle_hot']/ref:.4f}")
    lows = [l for _, l, _, _ in b["mantle"]]
    check(all(x < y for x, y in zip(lows, lows[1:])), "BC8 lower edge rising with mass over 10-200 MeV (Boltzmann suppression)")


def alpn():
    masses = (1e-4, 3e-4, 1e-3, 3e-3, 1e-2)
    C, cp, cnp = (REF[("carenza19", q)][0] for q in ("C_massless", "coef_ap2", "coef_anap"))
    ratio = lambda j: math.sqrt((j["g_an_low"] ** 2 + cp * j["g_ap_low"] ** 2 + cnp * j["g_an_low"] * j["g_ap_low"]) / C)
    for model in ("bc10", "bc11"):
        full = [(m, ev(model, m)) for m in masses]
        brem = [(m, ev(model, m, pion_induced="off", muons="off")) for m in masses]
        syst = {p: [(m, ev(model, m, profile=p)) for m in (1e-4, 1e-2)] for p in ("mantle_cold", "mantle_hot")}
        print(f"{model} mantle 1/f [GeV^-1]: " + "; ".join(f"{m*1e3:g} MeV {j['coupling_low']:.3g} - {j['coupling_high']:.3g}" for m, j in full))
        for p, rows in syst.items():
            print(f"{model} {p}: " + "; ".join(f"{m*1e3:g} MeV {j['coupling_low']:.3g} - {j['coupling_high']:.3g}" for m, j in rows))
        rb = [ratio(j) for _, j in brem]
        rf = [ratio(j) for _, j in full]
        print(f"      lower edge / Carenza form at 0.1-10 MeV: NN bremsstrahlung only " + " ".join(f"{x:.3f}" for x in rb)
              + "; default (pions, muons) " + " ".join(f"{x:.3f}" for x in rf))
        # value check: the massless bound holds for m << T; same physics (NN bremsstrahlung) -> factor 1.5
        check(all(within(x, 1 / 1.5, 1.5) for x in rb),
              f"{model} lower edge, NN bremsstrahlung only, vs Carenza form at 5 masses: x{min(rb):.3f}-{max(rb):.3f}, tol factor 1.5")
        # pinned after the interacting pions and relativistic muons (pionn branch, session 7); before: 0.67-0.74 / 0.57-0.65
        pins = {"bc10": (0.48, 0.58), "bc11": (0.37, 0.47)}[model]
        check(all(within(x, *pins) for x in rf),
              f"{model} lower edge, default (pion-induced + muons), vs Carenza form: x{min(rf):.3f}-{max(rf):.3f}, "
              f"pinned {pins[0]}-{pins[1]} (extra emission not in the NN-only bound)")
        cold = ratio(syst["mantle_cold"][0][1])
        hot = ratio(syst["mantle_hot"][0][1])
        # with the pion-induced emission (not in the NN-only published bound) even the cold profile's edge lies below it
        # for BC11 (x0.89) and near it for BC10: the profile range is stated, ordered hot < cold
        check(hot < cold < 1.5, f"{model} profile range of the lower edge at 0.1 MeV vs the NN-only Carenza bound: "
              f"hot x{hot:.3f}, cold x{cold:.3f} (cold < 1: the pion process makes every profile stronger)")


def stellar_published():
    """tests/stellar/data/bc3_stellar_published.tsv: {(source, quantity): (value, lo, hi)}"""
    ref = {}
    with open(os.path.join(SRC, "tests/stellar/data/bc3_stellar_published.tsv")) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            src, q, v, lo, hi = line.split("\t")
            ref[(src, q)] = (float(v), float(lo), float(hi))
    return ref


def star_eval(cmd, m, **kw):
    args = [EXE, "eval", cmd, "model=bc3", f"mass_GeV={m:g}"] + [f"{k}={v}" for k, v in kw.items()]
    return json.loads(subprocess.check_output(args + ["--json"], cwd=SRC))


def closing_mass(star, lo=1e-5, hi=2e-4):
    """mass [GeV] where the energy-loss edge eps_max meets the trapping estimate eps_trap (bisection in ln m)"""
    def open_at(m):
        j = star_eval("rg", m, star=star)
        return j["eps_max"] is not None and j["eps_max"] < j["eps_trap"]
    if not open_at(lo) or open_at(hi):
        return None
    for _ in range(30):
        mid = math.sqrt(lo * hi)
        lo, hi = (mid, hi) if open_at(mid) else (lo, mid)
    return math.sqrt(lo * hi)


def bc3_stars():
    """BC3 RG, HB and WD bounds (eval rg|hb|wd) against tests/stellar/data/bc3_stellar_published.tsv (branch
    bc3stars): the only readable numbers are the abstracts' (no value at a given mass), so the checks are the
    sun/globular-cluster "comparable" statement at m -> 0, the channel statement of arXiv:2604.02419, the lower
    envelope 5e-13 of arXiv:2605.30422 at 5 masses in 10-100 keV and the 100 keV reach of arXiv:2309.06465.
    Tolerances fixed before the comparison: factor 1.5 ("comparable"), >= the envelope (no earlier bound below
    it), factor 2 on the reach (one-zone core and an order-of-magnitude trapping edge against MESA)."""
    P = stellar_published()
    masses = (0.0, 1e-6, 3e-6, 4e-6, 1e-5)
    st = {}
    for star in ("rg", "hb", "wd"):
        st[star] = []
        for m in masses:
            j = star_eval(star, m)
            st[star].append((m, j["eps_max"], j.get("eps_max_weak"), j.get("eps_max_strong")))
        print(f"BC3 {star} eps_max: " + "; ".join(f"{m*1e6:g} keV {fmt(e)}" for m, e, _, _ in st[star]))
    sun, c_lo, c_hi = P[("vv15", "gc_over_sun_comparable")][0] * P[("vv15", "sun_eps_max")][0], \
        P[("vv15", "gc_over_sun_comparable")][1], P[("vv15", "gc_over_sun_comparable")][2]
    for star in ("rg", "hb"):
        e0 = st[star][0][1]
        check(within(e0 / sun, c_lo, c_hi), f"BC3 {star} eps_max(m -> 0) {e0:.3g} vs the solar 2.2e-14 'comparable to "
              f"globular-cluster limits' (arXiv:1511.01122 abstract): x{e0/sun:.3f}, factor 1.5")
    # above the plasmon threshold (RG m_T/2 = 4.4 keV, HB 0.78 keV) the Compton-like channel carries the bound
    # (arXiv:2604.02419 abstract); plasmon decay alone closes
    for star in ("rg", "hb"):
        j = star_eval("rg", 1e-5, star=star)
        check(j["eps_max"] is not None and j["eps_max_plasmon"] is None,
              f"BC3 {star} at 10 keV: plasmon decay closed, Compton-like + bremsstrahlung eps_max {fmt(j['eps_max'])} "
              f"(the regime m > omega_pl/2 of arXiv:2604.02419)")
    best = P[("flsv26b", "eps_best_10_100keV")][0]
    impr = P[("flsv26b", "improvement_over_existing_max")][0]
    rg5 = []
    for m in (1e-5, 2e-5, 3e-5, 5e-5, 7e-5):
        j = [star_eval("rg", m, star=s) for s in ("rg", "hb")]
        rg5.append(j[0]["eps_max"])
        # no earlier stellar bound lies below 5e-13 at 10-100 keV (arXiv:2605.30422): ours must not either
        check(all(x["eps_max"] is not None and x["eps_max"] >= best for x in j),
              f"BC3 at {m*1e6:g} keV: RG {fmt(j[0]['eps_max'])} (x{j[0]['eps_max']/best:.3g} of 5e-13), "
              f"HB {fmt(j[1]['eps_max'])} (x{j[1]['eps_max']/best:.3g}); trapping estimate RG {j[0]['eps_trap']:.3g}")
    # "surpassing existing constraints by up to two orders of magnitude": the best existing bound at 10-100 keV lies
    # within x100 of 5e-13; ours is such a bound
    check(min(rg5) <= impr * best, f"BC3 RG best eps_max at 10-70 keV {min(rg5):.3g} <= {impr:g} x 5e-13 "
          f"(x{min(rg5)/best:.3g})")
    reach = P[("fung23", "rg_mass_max_GeV")][0]
    mrg, mhb = closing_mass("rg"), closing_mass("hb")
    check(mrg is not None and within(mrg / reach, 0.5, 2.0),
          f"BC3 RG closing mass (eps_max = eps_trap) {fmt(mrg and mrg*1e6)} keV vs 'masses below 100 keV' "
          f"(arXiv:2309.06465 abstract): x{(mrg or 0)/reach:.3f}, factor 2")
    print(f"BC3 HB closing mass (eps_max = eps_trap): {fmt(mhb and mhb*1e6)} keV")
    wd10 = st["wd"][-1][1]
    # tension: our WD mapping (mu_nu bound of arXiv:1406.6034 through plasmon decay) is below the best published
    # bound at 10 keV; pinned (measured 0.42) and reported, not a pass
    check(within(wd10 / best, 0.38, 0.46), f"BC3 WD eps_max at 10 keV {wd10:.3g} vs 5e-13 (no earlier bound below it, "
          f"arXiv:2605.30422 abstract): x{wd10/best:.3f}, tension pinned 0.38-0.46")
    # the conservative edge is what every core density excludes (nominal, 1e7 and 1e6 g/cm^3): the thin core's
    # plasmons are too light for 10 keV pairs, so the systematic range covers the tension (no conservative bound)
    weak10, strong10 = st["wd"][-1][2], st["wd"][-1][3]
    check(weak10 is None and strong10 is not None and strong10 <= wd10,
          f"BC3 WD at 10 keV: conservative edge {fmt(weak10)} (closed: the tension lies inside the core systematic), "
          f"aggressive {fmt(strong10)} <= nominal")


{"bc3": bc3, "bc4": bc4, "hnl": hnl, "alpn": alpn, "bc3_stars": bc3_stars}[BENCH]()
if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("ok")
