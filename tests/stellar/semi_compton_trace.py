#!/usr/bin/python3
"""The spin-averaged |M|^2 of gamma mu -> mu a (pseudoscalar Yukawa g mubar i gamma5 mu a, massless a) used by
src/stellar/fb_sn_muon.c: |M|^2/(e^2 g^2) = -t^2/((s - m^2)(u - m^2)), checked against an explicit Dirac-matrix
trace of the s- and u-channel amplitudes (photon polarisations summed with -g_mu_nu) at random kinematics in the
centre-of-mass frame. test_sn_pion checks the cross section of fb_sn_muon.c against the t-integral of this form.
Usage: semi_compton_trace.py (exit 1 on a mismatch beyond 1e-10)."""
import sys
import numpy as np

I2, Z = np.eye(2), np.zeros((2, 2))
pauli = [np.array([[0, 1], [1, 0]]), np.array([[0, -1j], [1j, 0]]), np.array([[1, 0], [0, -1]])]
G = [np.block([[I2, Z], [Z, -I2]]).astype(complex)] + [np.block([[Z, s], [-s, Z]]).astype(complex) for s in pauli]
g5 = 1j * G[0] @ G[1] @ G[2] @ G[3]
metric = np.array([1.0, -1.0, -1.0, -1.0])


def slash(p):
    return sum(metric[i] * p[i] * G[i] for i in range(4))


def dot(a, b):
    return float(np.sum(metric * a * b))


m, one = 1.0, np.eye(4)
rng = np.random.default_rng(16)
worst = 0.0
for trial in range(20):
    s = m * m * (1.0 + rng.uniform(0.01, 30.0))
    W = np.sqrt(s)
    q = (s - m * m) / (2.0 * W)
    k = np.array([q, 0.0, 0.0, q])
    p = np.array([np.sqrt(q * q + m * m), 0.0, 0.0, -q])
    th, ph = rng.uniform(0.0, np.pi), rng.uniform(0.0, 2.0 * np.pi)
    n = np.array([np.sin(th) * np.cos(ph), np.sin(th) * np.sin(ph), np.cos(th)])
    kp = np.concatenate([[q], q * n])
    pp = np.concatenate([[np.sqrt(q * q + m * m)], -q * n])
    u, t = dot(p - kp, p - kp), dot(k - kp, k - kp)
    total = 0.0
    for mu in range(4):
        eps = np.zeros(4)
        eps[mu] = 1.0
        es = slash(eps)
        O = g5 @ (slash(p + k) + m * one) @ es / (s - m * m) + es @ (slash(p - kp) + m * one) @ g5 / (u - m * m)
        Ob = G[0] @ O.conj().T @ G[0]
        total += -metric[mu] * np.trace((slash(pp) + m * one) @ O @ (slash(p) + m * one) @ Ob).real
    avg = total / 4.0
    ref = -t * t / ((s - m * m) * (u - m * m))
    worst = max(worst, abs(avg / ref - 1.0))
print("semi-Compton |M|^2: trace vs -t^2/((s-m^2)(u-m^2)) over 20 points, worst relative difference %.2e" % worst)
sys.exit(0 if worst < 1e-10 else 1)
