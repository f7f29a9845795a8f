#!/usr/bin/python3
"""The squared amplitudes behind src/production/fb_prod_alp.c, recomputed with explicit 4x4 Dirac matrices
(Dirac representation, numpy) at random kinematics:
 1. f(p1) fbar(p2) -> gamma(k) a, pseudoscalar Yukawa (vertex gamma5, y = e = 1, fermion mass m, ALP mass m_a):
    sum|M|^2 = 4 (s^2 + m_a^4)/(T U) - 8 m^2 m_a^2 (1/T + 1/U)^2, T = t - m^2, U = u - m^2;
 2. f(p1) gamma(k) -> f(p3) a: the crossing s <-> t of 1 with an overall sign -1;
 3. f fbar -> gamma* -> gamma a through L = -(g/4) a F Fdual (massless f): sigma = alpha g^2/24 per
    spin-averaged pair (Dolan et al. arXiv:1709.00009 at m_a = 0), angular shape 1 + cos^2.
Photon polarisation sums with -g_{mu nu}. Exit status 1 if any relative difference exceeds 1e-9 (1, 2) or 1e-4 (3)."""
import itertools
import sys
import numpy as np

I2, Z2 = np.eye(2), np.zeros((2, 2))
sig = [np.array([[0, 1], [1, 0]]), np.array([[0, -1j], [1j, 0]]), np.array([[1, 0], [0, -1]])]
G = [np.block([[I2, Z2], [Z2, -I2]]).astype(complex)] + [np.block([[Z2, s], [-s, Z2]]).astype(complex) for s in sig]
G5 = 1j * G[0] @ G[1] @ G[2] @ G[3]
ETA = np.diag([1.0, -1.0, -1.0, -1.0])
E4 = np.eye(4)


def sl(p):
    return sum(ETA[m, m] * p[m] * G[m] for m in range(4))


def dot(a, b):
    return a[0] * b[0] - a[1:] @ b[1:]


def bar(O):
    return G[0] @ O.conj().T @ G[0]


def m2_ann(p1, p2, k, m):
    tot = 0.0
    for mu in range(4):  # vbar(p2) [gamma5 S(p1 - k) gamma^mu + gamma^mu S(k - p2) gamma5] u(p1)
        O = G5 @ (sl(p1 - k) + m * E4) @ G[mu] / (dot(p1 - k, p1 - k) - m * m) + \
            G[mu] @ (sl(k - p2) + m * E4) @ G5 / (dot(p2 - k, p2 - k) - m * m)
        tot += -ETA[mu, mu] * np.trace((sl(p2) - m * E4) @ O @ (sl(p1) + m * E4) @ bar(O)).real
    return tot


def m2_compton(p1, k, p3, m):
    tot = 0.0
    for mu in range(4):  # ubar(p3) [gamma5 S(p1 + k) gamma^mu + gamma^mu S(p3 - k) gamma5] u(p1)
        O = G5 @ (sl(p1 + k) + m * E4) @ G[mu] / (dot(p1 + k, p1 + k) - m * m) + \
            G[mu] @ (sl(p3 - k) + m * E4) @ G5 / (dot(p3 - k, p3 - k) - m * m)
        tot += -ETA[mu, mu] * np.trace((sl(p3) + m * E4) @ O @ (sl(p1) + m * E4) @ bar(O)).real
    return tot


rng = np.random.default_rng(11)
worst = 0.0
for _ in range(40):
    m, ma = rng.uniform(0.1, 1.0), rng.uniform(0.0, 0.6)
    # annihilation in the CM frame
    rs = rng.uniform(2.05 * m + ma, 5.0)
    s = rs * rs
    pin, pout = np.sqrt(s / 4 - m * m), (s - ma * ma) / (2 * rs)
    c = rng.uniform(-1, 1)
    st = np.sqrt(1 - c * c)
    p1, p2 = np.array([rs / 2, 0, 0, pin]), np.array([rs / 2, 0, 0, -pin])
    k = np.array([pout, pout * st, 0, pout * c])
    T, U = dot(p1 - k, p1 - k) - m * m, dot(p2 - k, p2 - k) - m * m
    ref = 4 * (s * s + ma ** 4) / (T * U) - 8 * m * m * ma * ma * (1 / T + 1 / U) ** 2
    worst = max(worst, abs(m2_ann(p1, p2, k, m) / ref - 1))
    # Compton in the CM frame
    rs = rng.uniform(m + ma + 0.1, 5.0)
    s = rs * rs
    pin = (s - m * m) / (2 * rs)
    pout = np.sqrt((s - (m + ma) ** 2) * (s - (m - ma) ** 2)) / (2 * rs)
    p1, k = np.array([np.sqrt(pin ** 2 + m * m), 0, 0, pin]), np.array([pin, 0, 0, -pin])
    p3 = np.array([np.sqrt(pout ** 2 + m * m), pout * st, 0, pout * c])
    q = p1 + k - p3
    t, u = dot(k - q, k - q), dot(p1 - q, p1 - q)
    S, U = s - m * m, u - m * m
    ref = -(4 * (t * t + ma ** 4) / (S * U) - 8 * m * m * ma * ma * (1 / S + 1 / U) ** 2)
    worst = max(worst, abs(m2_compton(p1, k, p3, m) / ref - 1))
print(f"Yukawa squared amplitudes: largest relative difference {worst:.2e}")

# 3. a F Fdual: eps^{0123} = +1, vertex g eps^{mu nu rho sigma} q_rho k_sigma
eps = np.zeros((4, 4, 4, 4))
for perm in itertools.permutations(range(4)):
    eps[perm] = np.linalg.det(E4[list(perm)])
rs = 3.0
s = rs * rs
cs = np.linspace(-1, 1, 401)
vals = []
for c in cs:
    st = np.sqrt(1 - c * c)
    p1, p2 = np.array([rs / 2, 0, 0, rs / 2]), np.array([rs / 2, 0, 0, -rs / 2])
    k = np.array([rs / 2, rs / 2 * st, 0, rs / 2 * c])
    V = np.einsum("abcd,c,d->ab", eps, ETA @ (p1 + p2), ETA @ k)
    Tr = np.array([[np.trace(sl(p2) @ G[a] @ sl(p1) @ G[b]) for b in range(4)] for a in range(4)])
    amp = sum(-ETA[n, n] * sum(ETA[a, a] * ETA[b, b] * Tr[a, b] * V[a, n] * V[b, n] for a in range(4) for b in range(4))
              for n in range(4))
    vals.append(amp.real / s ** 2)  # e = g = 1
vals = np.array(vals)
sigma = np.trapz(vals, cs) / 4 / (32 * np.pi * s)
ratio = sigma / (1 / (4 * np.pi) / 24)
shape = vals[0] / vals[200]
print(f"sigma(f fbar -> gamma a) / (alpha g^2/24) = {ratio:.6f}; |M|^2(cos = 1)/|M|^2(0) = {shape:.4f} (1 + cos^2: 2)")
sys.exit(0 if worst < 1e-9 and abs(ratio - 1) < 1e-4 and abs(shape - 2) < 1e-9 else 1)
