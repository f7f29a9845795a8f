#!/usr/bin/python3
"""The matrix elements of src/production/fb_prod_bc4.c against explicit Dirac traces.

A scalar S (mass m) with Yukawa coupling y (L = -y S psi-bar psi) to a massless fermion of unit
charge (vector coupling e = 1), summed over spins and the vector's polarisations (-g_{mu nu}):
  f fbar -> V S:  sum |M|^2 = 4 y^2 (s^2 + m^4)/(t u)          (t = (p_f - k_V)^2, u = (p_f - q_S)^2)
  f V -> f S:     sum |M|^2 = -4 y^2 (t^2 + m^4)/(s u)         (t = (p_f,in - p_f,out)^2, u = (p_f,in - q_S)^2)
The traces are computed numerically here with explicit 4x4 gamma matrices (Dirac representation),
independent of the closed forms; then the t-integrals of the file (leading log, cut-off delta on
the fermion propagator) against a numerical integration of the closed forms with a sharp cut-off
|t|, |u| > delta at a/delta = 1e6 (a = s - m^2), where the two agree up to O(delta/a).
Tolerances: 1e-10 for the traces (round-off); 2e-3 for the integrals (the cut-off prescriptions
differ by O(1/ln(a/delta)) only in the constant; at a/delta = 1e6 the difference is below 1e-3
for the annihilation, and the Compton constant -3/2 a^2 is checked to 2e-3).
"""
import sys

try:
    import numpy as np
except ImportError:
    print("numpy missing: skipped")
    sys.exit(77)

G0 = np.diag([1, 1, -1, -1]).astype(complex)
SX = np.array([[0, 1], [1, 0]], complex)
SY = np.array([[0, -1j], [1j, 0]])
SZ = np.array([[1, 0], [0, -1]], complex)
Z2 = np.zeros((2, 2))
G = [G0] + [np.block([[Z2, s], [-s, Z2]]) for s in (SX, SY, SZ)]
ETA = np.diag([1.0, -1.0, -1.0, -1.0])


def sl(p):
    return sum(ETA[m, m] * p[m] * G[m] for m in range(4))


def dot(a, b):
    return a @ ETA @ b


def trace_msq(p1, p2, k):
    """sum |M|^2 for f(p1) fbar(p2) -> V(k) S(q), e = y = 1, massless fermions; also valid for
    crossed momenta (a crossed fermion gives an overall minus sign, applied by the caller)."""
    q = p1 + p2 - k
    t, u = dot(p1 - k, p1 - k), dot(p1 - q, p1 - q)
    tot = 0.0
    for mu in range(4):
        gm = (2 * p1[mu] * np.eye(4) - sl(k) @ G[mu]) / t + (G[mu] @ sl(k) - 2 * p2[mu] * np.eye(4)) / u
        gb = G0 @ gm.conj().T @ G0
        tot += -ETA[mu, mu] * np.trace(sl(p2) @ gm @ sl(p1) @ gb)
    return tot.real


def two_body(s, m, cth, m_out_a=0.0):
    """CM frame: massless incoming a (along +z) and b; outgoing massless c at angle theta and d of mass m."""
    E = np.sqrt(s) / 2
    pa, pb = np.array([E, 0, 0, E]), np.array([E, 0, 0, -E])
    kc = (s - m * m) / (2 * np.sqrt(s))
    sth = np.sqrt(1 - cth * cth)
    pc = np.array([kc, kc * sth, 0, kc * cth])
    return pa, pb, pc, pa + pb - pc


def main():
    fails = 0
    rng = np.random.default_rng(20261207)
    worst_a = worst_c = 0.0
    for _ in range(40):
        s = rng.uniform(1.5, 50.0)
        m = rng.uniform(0.0, 1.0) * np.sqrt(s) * 0.9
        cth = rng.uniform(-0.99, 0.99)
        # annihilation: f(pa) fbar(pb) -> V(pc) S(pd)
        pa, pb, pc, pd = two_body(s, m, cth)
        t, u = dot(pa - pc, pa - pc), dot(pa - pd, pa - pd)
        ref = 4 * (s * s + m ** 4) / (t * u)
        worst_a = max(worst_a, abs(trace_msq(pa, pb, pc) / ref - 1))
        # Compton: f(pa) V(pb) -> f(pc) S(pd); crossing of the annihilation trace: p2 -> -pc, k -> -pb
        t2, u2 = dot(pa - pc, pa - pc), dot(pa - pd, pa - pd)
        refc = -4 * (t2 * t2 + m ** 4) / (s * u2)
        worst_c = max(worst_c, abs(-trace_msq(pa, -pc, -pb) / refc - 1))
    print(f"Dirac traces vs closed forms: annihilation max rel. dev {worst_a:.2e}, Compton {worst_c:.2e}")
    if worst_a > 1e-10 or worst_c > 1e-10:
        print("FAIL: matrix elements")
        fails += 1
    # t-integrals with a sharp cut-off vs the file's closed forms
    for s, m in [(10.0, 0.3), (4.0, 1.2), (100.0, 0.0)]:
        a = s - m * m
        delta = a * 1e-6
        # annihilation: t in (-a + delta, -delta), u = -a - t
        x = np.geomspace(delta, a / 2, 200001)
        f = lambda tt: 4 * (s * s + m ** 4) / (tt * (-a - tt))
        half = np.trapezoid(f(-x), x) if hasattr(np, "trapezoid") else np.trapz(f(-x), x)
        num = 2 * half  # symmetric in t <-> u
        ours = 4 * (s * s + m ** 4) * 2 / a * np.log1p(a / delta)
        # Compton: v = -u in (delta, a), t' = -a + v
        v = np.geomspace(delta, a, 400001)
        g = 4 * ((a - v) ** 2 + m ** 4) / (s * v)
        numc = np.trapezoid(g, v) if hasattr(np, "trapezoid") else np.trapz(g, v)
        oursc = 4 / s * ((a * a + m ** 4) * np.log1p(a / delta) - 1.5 * a * a)
        ra, rc = ours / num - 1, oursc / numc - 1
        print(f"s = {s}, m = {m}: int dt |M|^2 annihilation ours/numerical - 1 = {ra:.2e}, Compton {rc:.2e}")
        if abs(ra) > 2e-3 or abs(rc) > 2e-3:
            print("FAIL: t integral")
            fails += 1
    print("all matrix-element checks passed" if not fails else f"{fails} failures")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
