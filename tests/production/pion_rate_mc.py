#!/usr/bin/python3
"""pi pi -> pi a for massless pions by direct Monte Carlo over the 2 -> 2 phase space (independent of the
Gondolo-Gelmini reduction that src/production/fb_prod_alp.c uses), at T = 1, coupling c = C_api/(f_a f_pi) = 1:
    gamma = int d3p1 d3p2 / ((2 pi)^6 4 E1 E2) f1 f2 (1/(8 pi)) <sum|M|^2 (1 + f3)>_(CM angles),
sum|M|^2 = (9/4) s^2 (pi+ pi- -> pi0 a) + 2 (9/4) (2 p0.k)^2 (pi+- pi0 -> pi+- a), Gamma = gamma / n_a,eq.
Maxwell-Boltzmann (f = e^-E, no 1 + f3, n_a = 1/pi^2) must equal the closed form 5.625/pi^3 = 0.18141 of
fb_prod_alp.c (and test_prod_alp); Bose-Einstein (with 1 + f3, n_a = zeta(3)/pi^2) is printed: the
statistics our MB rate leaves out (docs/validation.md, BC10 and BC11 BBN bands)."""
import sys
import numpy as np

N = 1_000_000
rng = np.random.default_rng(7)


def iso(n):
    c = rng.uniform(-1, 1, n)
    ph = rng.uniform(0, 2 * np.pi, n)
    s = np.sqrt(1 - c * c)
    return np.stack([s * np.cos(ph), s * np.sin(ph), c], axis=1)


def rate(bose):
    # energies from E^2 e^-E / 2 (the MB density per state is (1/pi^2) times this); BE by reweighting
    E1, E2 = rng.gamma(3.0, 1.0, N), rng.gamma(3.0, 1.0, N)
    w = 1 / (1 - np.exp(-E1)) / (1 - np.exp(-E2)) if bose else np.ones(N)
    p1, p2 = E1[:, None] * iso(N), E2[:, None] * iso(N)
    P, Et = p1 + p2, E1 + E2
    s = Et ** 2 - np.sum(P * P, axis=1)
    rs = np.sqrt(s)
    kc = (rs / 2)[:, None] * iso(N)  # the ALP, isotropic in the CM frame
    beta = P / Et[:, None]
    b2 = np.sum(beta * beta, axis=1)
    g = 1 / np.sqrt(1 - b2)
    bk = np.sum(beta * kc, axis=1)
    Ek = g * (rs / 2 + bk)
    k = kc + ((g - 1) * bk / np.where(b2 > 0, b2, 1))[:, None] * beta + (g * rs / 2)[:, None] * beta
    E3 = Et - Ek  # the final pion
    p0k = E1 * Ek - np.sum(p1 * k, axis=1)  # particle 1 plays the pi0 of the pi+- pi0 channels
    M2 = 2.25 * s ** 2 + 2 * 2.25 * (2 * p0k) ** 2
    fac = 1 + 1 / np.expm1(E3) if bose else np.ones(N)
    val = w * M2 * fac / (4 * E1 * E2) / (8 * np.pi) / np.pi ** 4
    na = (1.2020569031595942 if bose else 1.0) / np.pi ** 2
    return np.mean(val) / na, np.std(val) / np.sqrt(N) / na


mb, dmb = rate(False)
be, dbe = rate(True)
closed = 5.625 / np.pi ** 3
print(f"MB Monte Carlo {mb:.5f} +- {dmb:.5f}, closed form {closed:.5f}; BE (1 + f3, n_a BE) {be:.5f} +- {dbe:.5f}; MB/BE {closed / be:.3f}")
ok = abs(mb - closed) < 4 * dmb + 1e-4
sys.exit(0 if ok else 1)
