#!/usr/bin/python3
"""How much of the SDB 2012 comparison (tests/boltzmann/test_relic.c, test_sdb2012) comes from g_*(T)?

Solves the same freeze-out problem (constant s-wave <sigma v>, self-conjugate, g = 2, Maxwell-
Boltzmann Y_eq, dY/dx = -(s <sigma v>/(H x)) (1 + (1/3) dln g_*s/dln T)(Y^2 - Y_eq^2), Gondolo &
Gelmini 1991; Omega h^2 = 0.11 as SDB) twice with an independent scipy integrator: once with this
code's g_*(T) (from `fipbounds eval thermo`), once with Saikawa & Shirai arXiv:2005.03544
(../shared/data/reference/gstar_saikawa_shirai_2020.dat). The ratio of the two required <sigma v>
is the g_*-table effect; the solver's own normalisation cancels in it. It also prints, per SDB row,
the rounding half-unit of SDB's two-digit table.
Usage: tools/sdb_gstar_diag.py <fipbounds executable> [shared dir]   (takes ~1 min)
"""
import json
import subprocess
import sys

import numpy as np
from scipy.integrate import solve_ivp
from scipy.interpolate import CubicSpline
from scipy.optimize import brentq
from scipy.special import kn

MPL_GEV = 1.220890e19     # Planck mass, PDG 2024
S0_CM3 = 2891.2           # entropy density today [cm^-3] for g_*s = 3.931 (T0 = 2.7255 K)
RHOC_H2 = 1.05375e-5      # critical density / h^2 [GeV cm^-3], PDG 2024
GEV2_TO_CM3_S = 1.16733e-17
SDB = [(0.1, 4.8), (0.178, 4.9), (0.316, 5.1), (0.562, 5.0), (1.0, 4.7), (1.78, 4.5), (3.16, 3.9), (5.62, 2.8),
       (10.0, 2.5), (17.8, 2.3), (31.6, 2.2), (100.0, 2.2), (178.0, 2.3), (5620.0, 2.3), (1e4, 2.4), (1e5, 2.4)]


class Gstar:
    def __init__(self, T, grho, gs):
        lt = np.log(T)
        self.grho = CubicSpline(lt, np.log(grho))
        self.gs = CubicSpline(lt, np.log(gs))
        self.gs_today = gs[np.argmin(T)]

    def eval(self, T):
        lt = np.log(T)
        return np.exp(self.grho(lt)), np.exp(self.gs(lt)), self.gs(lt, 1)


def ours(exe):
    T = np.geomspace(2e-3, 9.9e3, 140)
    rows = []
    for t in T:
        out = subprocess.run([exe, 'eval', 'thermo', f'T_GeV={t:.8g}', '--json'], capture_output=True, text=True,
                             check=True).stdout
        d = json.loads(out)
        rows.append((d['gstar_rho'], d['gstar_s']))
    today = json.loads(subprocess.run([exe, 'eval', 'thermo', 'T_GeV=1e-5', '--json'], capture_output=True, text=True,
                                      check=True).stdout)
    g = Gstar(T, np.array([r[0] for r in rows]), np.array([r[1] for r in rows]))
    g.gs_today = today['gstar_s']
    return g


def saikawa(shared):
    d = np.loadtxt(f'{shared}/data/reference/gstar_saikawa_shirai_2020.dat', comments='#')
    return Gstar(d[:, 0], d[:, 3], d[:, 2])


def omega_h2(g, m, sv):
    def rhs(x, y):
        T = m / x
        grho, gs, dl = g.eval(T)
        s = 2 * np.pi**2 / 45 * gs * T**3
        H = np.sqrt(4 * np.pi**3 * grho / 45) * T * T / MPL_GEV
        yeq = 2.0 / (2 * np.pi**2) * m**3 * kn(2, x) / x / s
        Y = np.exp(y[0])
        return [-(s * sv / (H * x)) * (1 + dl / 3) * (Y * Y - yeq * yeq) / Y]
    x0 = 3.0
    T = m / x0
    _, gs, _ = g.eval(T)
    y0 = np.log(2.0 / (2 * np.pi**2) * m**3 * kn(2, x0) / x0 / (2 * np.pi**2 / 45 * gs * T**3))
    sol = solve_ivp(rhs, (x0, 2000.0), [y0], method='Radau', rtol=1e-9, atol=1e-12)
    Y = np.exp(sol.y[0, -1])
    return m * Y * S0_CM3 * (g.gs_today / 3.931) / RHOC_H2


def required(g, m, omega=0.11):
    f = lambda lsv: np.log(omega_h2(g, m, np.exp(lsv) / GEV2_TO_CM3_S) / omega)
    return np.exp(brentq(f, np.log(1e-27), np.log(1e-24), xtol=1e-7))


if __name__ == '__main__':
    exe = sys.argv[1]
    shared = sys.argv[2] if len(sys.argv) > 2 else '/work/shared'
    go, gss = ours(exe), saikawa(shared)
    print('mass_GeV  sv_ours[1e-26]  sv_SS[1e-26]  SS/ours-1[%]  SDB  rounding[%]')
    for m, sdb in SDB:
        if m > 1e4:
            continue  # beyond the tabulated temperatures at x = 3
        a, b = required(go, m), required(gss, m)
        print(f'{m:8.4g}  {a / 1e-26:13.4f}  {b / 1e-26:12.4f}  {100 * (b / a - 1):+11.2f}  {sdb:3.1f}  {100 * 0.05 / sdb:10.2f}')
