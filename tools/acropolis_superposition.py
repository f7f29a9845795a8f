#!/usr/bin/python3
"""Continuous injected spectra (issue 15, src/bbn/bbn_em_injection.c) as superpositions of monochromatic
lines, run through ACROPOLIS v1.2.2 (github.com/hep-mh/acropolis, tag v1.2.2; Depta, Hufnagel,
Schmidt-Hoberg arXiv:2011.06518; GPL-3: run side by side, never copied or linked), whose `decay` model
injects only gamma gamma and e+ e- lines.

Cases (tests/bbn/test_em_injection.c recomputes the same line list and compares):
  pi0: X -> pi0 pi0, m_X = 300 MeV: 4 photons per decay, flat between E_pi (1 -+ beta)/2, E_pi = 150 MeV;
       3 Gauss-Legendre nodes E_i; ACROPOLIS line m = 2 E_i, braa = 1 (2 photons per decay),
       n0a_i = n0a * 4 w_i / (hi - lo) / 2.
  mu:  X -> mu+ mu-, m_X = 250 MeV: 2 e+- per decay, each with the boosted Michel spectrum of a 125 MeV muon;
       Gauss-Legendre nodes on [3 MeV, kink] (2) and [kink, top] (4); ACROPOLIS line m = 2 E_i, bree = 1,
       n0a_i = n0a * dN/dE(E_i) w_i (2 e per decay on both sides).
tau = 1e6 s, T0 = 10 MeV, n0a = 2e-10 (pi0), 6e-10 (mu). (ACROPOLIS needs minutes of CPU per line at these energies:
the node counts are what fitted into the session; the comparison is line for line, the same lines in both codes.)
Usage: acropolis_superposition.py ACROPOLIS_DIR [pi0|mu [reverse]] > tests/bbn/data/acropolis_v1.2.2_superposition.tsv
(with a case: only its lines, no header; reverse: from the last line, for a second process; an integer k:
only the case's line k)
"""
import re
import subprocess
import sys

import numpy as np

MPI0, MMU = 134.9768, 105.6583755  # MeV, PDG 2024 / CODATA 2018 (fb_constants.h)


def michel_dnde(E, E_mu):
    """boosted Michel spectrum per muon (bbn_em_injection.c)"""
    g = E_mu / MMU
    b = np.sqrt(1 - 1 / g**2)
    W = 0.5 * MMU
    G = lambda x: x * x * (1.5 - 2.0 / 3.0 * x)
    xlo, xhi = E / (g * (1 + b) * W), min(1.0, E / (g * (1 - b) * W))
    return 0.0 if xlo >= 1 else (G(xhi) - G(xlo)) / (g * b * W)


def lines():
    out = []
    Epi = 150.0
    g = Epi / MPI0
    b = np.sqrt(1 - 1 / g**2)
    lo, hi = Epi * (1 - b) / 2, Epi * (1 + b) / 2
    x, w = np.polynomial.legendre.leggauss(3)
    for xi, wi in zip(x, w):
        E = 0.5 * (hi - lo) * xi + 0.5 * (hi + lo)
        out.append(("pi0", 300.0, 2e-10, 2 * E, 2e-10 * 4 * (0.5 * (hi - lo) * wi) / (hi - lo) / 2, 0, 1))
    Emu = 125.0
    g = Emu / MMU
    b = np.sqrt(1 - 1 / g**2)
    W = 0.5 * MMU
    kink, top = g * (1 - b) * W, g * (1 + b) * W
    for (a, c, n) in ((3.0, kink, 2), (kink, top, 4)):
        x, w = np.polynomial.legendre.leggauss(n)
        for xi, wi in zip(x, w):
            E = 0.5 * (c - a) * xi + 0.5 * (c + a)
            out.append(("mu", 250.0, 6e-10, 2 * E, 6e-10 * michel_dnde(E, Emu) * 0.5 * (c - a) * wi, 1, 0))
    return out


def run(acr, m, n0a, bree, braa):
    r = subprocess.run(["/usr/bin/python3", "decay", repr(m), "1e6", "10", repr(n0a), repr(bree), repr(braa)],
                       cwd=acr, capture_output=True, text=True, check=True).stdout
    Y = {}
    for line in r.splitlines():
        parts = [p.strip() for p in re.sub(r"\x1b\[[0-9;]*m", "", line).split("|")]
        if len(parts) == 4:
            try:
                Y[parts[0]] = float(parts[1])
            except ValueError:
                pass
    return Y


HEADER = """# Superpositions of monochromatic lines standing for continuous injected spectra (issue 15), each line run
# through ACROPOLIS v1.2.2 (git tag v1.2.2 of github.com/hep-mh/acropolis; arXiv:2011.06518; GPL-3: run side
# by side, not copied), `decay <m_MeV> 1e6 10 <n0a> <bree> <braa>`, Debian python3-numba 0.56 / python3-scipy
# 1.10.1; lines and weights from tools/acropolis_superposition.py (its docstring). Y = n/n_b, mean column
# (t decayed into 3He, 7Be into 7Li). Measured 2026-12-07; docs/validation.md "Late decays: injected spectra".
# case\tmX_MeV\tn0a_total\tm_line_MeV\tn0a_line\tbree\tbraa\tY_p\tY_d\tY_He3\tY_Li7"""

if __name__ == "__main__":
    acr = sys.argv[1]
    only = sys.argv[2] if len(sys.argv) > 2 else None
    order = lines()
    if len(sys.argv) > 3 and sys.argv[3] == "reverse":  # a second process from the other end (rows sorted after)
        order = order[::-1]
    elif len(sys.argv) > 3:  # one line: its index in the case's list
        order = [l for l in order if l[0] == only][int(sys.argv[3]):int(sys.argv[3]) + 1]
    if only is None:
        print(HEADER)
    for (case, mX, n0, m, n0a, bree, braa) in order:
        if only is not None and case != only:
            continue
        Y = run(acr, m, n0a, bree, braa)
        print(f"{case}\t{mX:g}\t{n0:g}\t{m:.9e}\t{n0a:.9e}\t{bree}\t{braa}\t{Y['p']:.5e}\t{Y['H2']:.5e}\t{Y['He3']:.5e}"
              f"\t{Y['Li7']:.5e}", flush=True)
