#!/usr/bin/python3
"""Numerical check of the chi chi -> A'A' cross sections used in src/boltzmann/fb_bc2.c.

Tree amplitudes (t- and u-channel chi exchange; plus the seagull for the complex scalar) are
evaluated numerically with explicit Dirac matrices, spin sums as traces and massive polarisation
sums -g + k k/m_A'^2, integrated over the angle (Gauss-Legendre), for a Dirac fermion with vector
coupling g gamma^mu, an axial coupling g gamma^mu gamma^5 (the Majorana vertex) and scalar QED.
It prints sigma v / (pi alpha_D^2/m^2) against the non-relativistic formulas of fb_bc2.c
(a + b v^2, times beta_f(s)/beta_f0); the vector a is Pospelov, Ritz & Voloshin arXiv:0711.4866.
Usage: /usr/bin/python3 tools/xsec_aa_check.py   (needs python3-numpy)
"""
import numpy as np

I2, Z2 = np.eye(2), np.zeros((2, 2))
PAULI = [np.array([[0, 1], [1, 0]], complex), np.array([[0, -1j], [1j, 0]]), np.array([[1, 0], [0, -1]], complex)]
G = [np.block([[I2, Z2], [Z2, -I2]]).astype(complex)] + [np.block([[Z2, s], [-s, Z2]]) for s in PAULI]
G5 = 1j * G[0] @ G[1] @ G[2] @ G[3]
ETA = np.diag([1.0, -1, -1, -1])


def slash(p):
    return sum(ETA[m, m] * p[m] * G[m] for m in range(4))


def dot(a, b):
    return a @ ETA @ b


def kinematics(m, mA, v, th):
    """CM frame, each chi with speed v/2 (relative velocity v)."""
    E = m / np.sqrt(1 - (v / 2) ** 2)
    p = E * v / 2
    k = np.sqrt(E**2 - mA**2)
    n = np.array([np.sin(th), 0, np.cos(th)])
    return np.array([E, 0, 0, p]), np.array([E, 0, 0, -p]), np.array([E, *(k * n)]), np.array([E, *(-k * n)]), k, E


def msq_fermion(m, mA, axial, v, th):
    p1, p2, k1, k2, k, E = kinematics(m, mA, v, th)
    V = [(g @ G5 if axial else g) for g in G]
    I4 = np.eye(4)
    S1 = (slash(p1 - k1) + m * I4) / (dot(p1 - k1, p1 - k1) - m * m)
    S2 = (slash(p1 - k2) + m * I4) / (dot(p1 - k2, p1 - k2) - m * m)
    P1 = -ETA + np.outer(k1, k1) / mA**2
    P2 = -ETA + np.outer(k2, k2) / mA**2
    A, B = slash(p2) - m * I4, slash(p1) + m * I4
    O = [[None] * 4 for _ in range(4)]
    for mu in range(4):
        for nu in range(4):
            a, b = ETA[mu, mu] * V[mu], ETA[nu, nu] * V[nu]
            O[mu][nu] = b @ S1 @ a + a @ S2 @ b
    tot = 0.0
    for mu in range(4):
        for nu in range(4):
            for mp in range(4):
                for np_ in range(4):
                    w = P1[mu, mp] * P2[nu, np_]
                    if w != 0:
                        tot += w * np.trace(A @ O[mu][nu] @ B @ (G[0] @ O[mp][np_].conj().T @ G[0])).real
    return tot / 4.0, k, E  # spin average


def msq_scalar(m, mA, v, th):
    p1, p2, k1, k2, k, E = kinematics(m, mA, v, th)
    low = np.diag(ETA)
    M = np.zeros((4, 4))
    for mu in range(4):
        for nu in range(4):
            M[mu, nu] = ((2 * p1 - k1) * low)[mu] * ((k2 - 2 * p2) * low)[nu] / (dot(p1 - k1, p1 - k1) - m * m) \
                + ((k1 - 2 * p2) * low)[mu] * ((2 * p1 - k2) * low)[nu] / (dot(p1 - k2, p1 - k2) - m * m) \
                - 2 * ETA[mu, nu]
    P1 = -ETA + np.outer(k1, k1) / mA**2
    P2 = -ETA + np.outer(k2, k2) / mA**2
    return np.einsum('ab,cd,ac,bd->', M, M, P1, P2), k, E


def sigma_v(kind, r, v, g=1.0):
    """sigma v_rel / (pi alpha^2/m^2), m = 1, identical final A' (factor 1/2)."""
    alpha = g * g / (4 * np.pi)
    xg, wg = np.polynomial.legendre.leggauss(12)
    tot = 0.0
    for x, w in zip(xg, wg):
        if kind == 'scalar':
            msq, k, E = msq_scalar(1.0, np.sqrt(r), v, np.arccos(x))
        else:
            msq, k, E = msq_fermion(1.0, np.sqrt(r), kind == 'axial', v, np.arccos(x))
        tot += 0.5 * w * msq * g**4 * k / (4 * np.pi * 2 * E) / (4 * E * E) * 0.5
    return tot / (np.pi * alpha**2)


def nr_formula(kind, r, v):
    q, d = np.sqrt(1 - r), 2 - r
    if kind == 'vector':
        a, b = 4 * q**3 / d**2, q * (4 + 8 * r / 3 - 4 * r * r + 7 * r**3 / 3) / d**4
    elif kind == 'axial':
        a = 4 * q**3 / d**2
        b = q * (64 / 3 - 32 * r + 28 * r**2 / 3 + 56 * r**3 / 3 - 38 * r**4 / 3 + 7 * r**5 / 3) / (r * r * d**4)
    else:
        a, b = q * (8 - 8 * r + 3 * r * r) / d**2, q * (-56 / 3 + 32 * r - 71 * r**2 / 3 + 22 * r**3 / 3 - 0.75 * r**4) / d**4
    s = 4 / (1 - v * v / 4)
    return np.sqrt(1 - 4 * r / s) / q * max(0.0, a + b * v * v)


if __name__ == '__main__':
    worst_a = 0.0
    for kind in ('vector', 'axial', 'scalar'):
        for r in (0.01, 0.0625, 0.25, 0.5, 0.81):
            ex0 = sigma_v(kind, r, 0.0)
            worst_a = max(worst_a, abs(nr_formula(kind, r, 0.0) / ex0 - 1))
            row = [f"{kind:6s} r={r:<6g} a: exact {ex0:.6g}"]
            for v in (0.05, 0.3, 0.55):
                ex = sigma_v(kind, r, v)
                row.append(f"v={v}: NR/exact-1 = {nr_formula(kind, r, v) / ex - 1:+.2e}")
            print(" | ".join(row))
    print(f"worst relative deviation of the v -> 0 coefficient a: {worst_a:.1e}")
    # thermally open ("forbidden") regime r > 1: compare with fb_bc2_aa_what(spin, u, 1.3)/(pi s)
    print("r = 1.3, v = 1.2:", ", ".join(f"{k} {sigma_v(k, 1.3, 1.2):.8g}" for k in ('vector', 'axial', 'scalar')))
