#!/usr/bin/python3
"""The Delta(1232) diagrams of pi- p -> n a in the static isobar model (src/stellar/fb_sn_pion.c fb_sn_pion_msq_G),
checked by explicit matrices, independent of the transition-operator identities used there:
 - the spin-3/2 (isospin-3/2) states are built as the J^2 = 15/4 eigenspace of vector (x) spin-1/2, so the
   transition operators S_i^+ (T_a^+) come from diagonalisation, not from S_i S_j^+ = (2/3) delta_ij - (i/3) eps sigma;
 - the nucleon-pole and Delta s- and u-channel amplitudes are multiplied out as 8x8 / 2x2 matrices in spin (x) isospin
   with the pi- polarisation e = (1, -i, 0)/sqrt(2) (tau.e = sqrt(2) tau_-) and the ALP's isovector source along 3,
   and (1/2) Tr_spin |<n|M|p>|^2 is compared with the closed form |A|^2 (k_a.k_pi)^2 + |B|^2 |k_a x k_pi|^2 of
   fb_sn_pion.c at random kinematics, couplings and complex D_s;
 - the angle-averaged factor |A|^2 + 2 |B|^2 is printed at three (omega_a, omega_pi, g_n, g_p) points with its own
   implementation of the width, f* and the form factor (constants read from src/common/fb_constants.h): these are the
   reference numbers of tests/stellar/test_sn_pion.c test_delta_diagrams.
Usage: pion_delta_trace.py <source dir> (exit 1 on a mismatch beyond 1e-10)."""
import re
import sys
import numpy as np

src = sys.argv[1] if len(sys.argv) > 1 else "."
consts = open(src + "/src/common/fb_constants.h").read()


def const(name):
    return float(re.search(r"#define " + name + r"\s+([0-9.eE+-]+)", consts).group(1))


eps = np.zeros((3, 3, 3))
for i, j, k in [(0, 1, 2), (1, 2, 0), (2, 0, 1)]:
    eps[i, j, k], eps[j, i, k] = 1.0, -1.0
pauli = [np.array([[0, 1], [1, 0]], complex), np.array([[0, -1j], [1j, 0]]), np.array([[1, 0], [0, -1]], complex)]
Lgen = [-1j * eps[k] for k in range(3)]  # spin-1 generators on Cartesian vectors: (L_k)_ij = -i eps_kij


def transition():
    """columns = spin-3/2 states in vector (x) spinor (index 2 i + s); S^+_i[D, s] = conj(V[2 i + s, D])"""
    J = [np.kron(Lgen[k], np.eye(2)) + np.kron(np.eye(3), pauli[k] / 2) for k in range(3)]
    J2 = sum(j @ j for j in J)
    w, v = np.linalg.eigh(J2)
    V = v[:, np.abs(w - 3.75) < 1e-9]
    assert V.shape[1] == 4
    Sd = [np.array([[np.conj(V[2 * i + s, D]) for s in range(2)] for D in range(4)]) for i in range(3)]  # 4x2
    return Sd


Sd = transition()  # spin; the same construction serves isospin
S = [m.conj().T for m in Sd]  # 2x4
Td, T = Sd, S
I2 = np.eye(2)
e_pim = np.array([1.0, -1j, 0.0]) / np.sqrt(2.0)  # absorbed pi-: tau.e = sqrt(2) tau_-
p_state, n_state = np.array([1.0, 0.0]), np.array([0.0, 1.0])


def dotv(v, ops):
    return sum(v[i] * ops[i] for i in range(3))


def amplitude(q, k, gn, gp, r, Ds, Du, om):
    """2x2 spin matrix <n| M |p> / (sqrt(2) (f/m_pi)/(2 m_N)); isospin (x) spin ordered as kron(iso, spin)"""
    g0, g3 = 0.5 * (gp + gn), 0.5 * (gp - gn)
    sq, sk = dotv(q, pauli), dotv(k, pauli)
    tpi = dotv(e_pim, pauli)  # isospin tau.e
    # nucleon poles: vertex (f/m_pi) sigma.k tau.e; ALP (1/2 m_N)(g0 + g3 tau3) sigma.q
    gvert = g0 * np.eye(2) + g3 * pauli[2]
    Ms = np.kron(gvert @ tpi, sq @ sk) / om
    Mu = -np.kron(tpi @ gvert, sk @ sq) / om
    # Delta: pion vertex (f*/m_pi) S^+.k T^+.e, ALP vertex (g3/2 m_N)(f*/f) S.q T_3 (r = (f*/f)^2 with f*/m_pi
    # factored as (f/m_pi)(f*/f)): s channel T_3 T^+.e, u channel T.e T_3^+
    Dsch = np.kron(T[2] @ dotv(e_pim, Td), dotv(q, S) @ dotv(k, Sd)) * g3 * r / Ds
    Duch = -np.kron(dotv(e_pim, T) @ Td[2], dotv(k, S) @ dotv(q, Sd)) * g3 * r / Du
    M = Ms + Mu + Dsch + Duch
    M = M.reshape(2, 2, 2, 2)  # iso', spin', iso, spin
    Mnp = np.einsum("a,asbt,b->st", n_state, M, p_state)
    return Mnp / np.sqrt(2.0)  # the sqrt(2) of tau.e factored out


def closed(q, k, gn, gp, r, Ds, Du, om):
    g3 = 0.5 * (gp - gn)
    A = (gn - gp) / om + 2.0 * r * g3 / 9.0 * (1.0 / Ds + 1.0 / Du)
    B = (gn + gp) / om + r * g3 / 9.0 * (1.0 / Du - 1.0 / Ds)
    return abs(A) ** 2 * np.dot(q, k) ** 2 + abs(B) ** 2 * np.dot(np.cross(q, k), np.cross(q, k))


rng = np.random.default_rng(2212)
worst = 0.0
for trial in range(40):
    q, k = rng.normal(size=3), rng.normal(size=3)
    gn, gp, r, om = rng.normal(), rng.normal(), rng.uniform(1, 6), rng.uniform(0.1, 2)
    Ds, Du = complex(rng.normal(), rng.uniform(-1, 0)), rng.uniform(0.5, 3)
    Mx = amplitude(q, k, gn, gp, r, Ds, Du, om)
    lhs = 0.5 * np.real(np.trace(Mx @ Mx.conj().T))
    rhs = closed(q, k, gn, gp, r, Ds, Du, om)
    worst = max(worst, abs(lhs / rhs - 1.0))
print("explicit spin-3/2 isospin-3/2 matrices vs the closed form (40 random points): worst relative deviation %.2e" % worst)

# the angle-averaged factor with the width, f* and form factor of fb_sn_pion.c (own implementation)
mpi = const("FB_MPI_CHARGED_GEV")
mN = 0.5 * (const("FB_MN_GEV") + const("FB_MP_GEV"))
MD, G0, beta = const("FB_DELTA1232_M_GEV"), const("FB_DELTA1232_W_GEV"), const("FB_DELTA1232_BETA_GEV")
f = const("FB_OPE_F_PINN")


def k2cm(W):
    a, b = W * W - (mN + mpi) ** 2, W * W - (mN - mpi) ** 2
    return a * b / (4 * W * W) if a > 0 else 0.0


kD2 = k2cm(MD)
fstar2 = 6 * np.pi * G0 * mpi ** 2 * MD / (kD2 ** 1.5 * mN)
print("f*^2/4pi = %.4f" % (fstar2 / (4 * np.pi)))
x, wq = np.polynomial.legendre.leggauss(24)
for om, wpi, gn, gp in [(0.10, 0.2, 0.0, 1.0), (0.25, 0.3, 0.3, -0.7), (0.15, 0.29, -0.2, 0.5)]:
    W = np.sqrt(mN ** 2 + mpi ** 2 + 2 * mN * wpi)
    k2 = k2cm(W)
    ff = (beta ** 2 + kD2) / (beta ** 2 + k2)
    Gam = G0 * (k2 / kD2) ** 1.5 * (MD / W) * ff
    r = fstar2 / f ** 2 * np.sqrt(ff)
    Ds, Du = complex(W - MD, 0.5 * Gam), om + MD - mN
    kpi = np.sqrt(wpi ** 2 - mpi ** 2)
    kv = np.array([0.0, 0.0, kpi])
    avg = 0.0
    for c, w in zip(x, wq):  # average over the angle between k_a (unit length here) and k_pi
        qv = np.array([np.sqrt(1 - c * c), 0.0, c])
        Mx = amplitude(qv, kv, gn, gp, r, Ds, Du, om)
        avg += 0.5 * w * 0.5 * np.real(np.trace(Mx @ Mx.conj().T))
    print("om = %.2f wpi = %.2f gn = %.1f gp = %.1f: |A|^2 + 2|B|^2 = %.10e GeV^-2" % (om, wpi, gn, gp, 3 * avg / kpi ** 2))
sys.exit(0 if worst < 1e-10 else 1)
