#!/usr/bin/python3
"""The BBN + CMB bound of a thermal particle with the likelihood of Sabti et al. arXiv:1910.01649 (as its authors'
scripts write it; numbers in src/common/fb_constants.h FB_SABTI19_*), re-profiled independently of
src/bbn/bbn_joint_fit.c (BBN_LIK_SABTI19) and of the bisection of tests/bbn/test_bbn_thermal_dm.c: the observables
of `fipbounds eval bbn` on the same 15 omega_b nodes (joint_profile_check.py), a degree-6 polynomial in ln omega_b,
a fine-grid minimum in numpy, Delta chi^2 to the best of the SM and the listed masses (the scripts' reference: the
minimum over their mass grid), the crossing of 4 interpolated in ln m. Check (tolerance written before the run):
the real-scalar bounds equal the C values of test_bbn_thermal_dm_sabti19 within 1% (docs/validation.md).
Usage: sabti19_profile_check.py <fipbounds>"""
import sys
import numpy as np
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import joint_profile_check as J

J.exe = sys.argv[1]
C_BOUNDS = {"electrons": 4.993, "neutrinos": 3.800}  # test_bbn_thermal_dm_sabti19 (docs/validation.md)
# the likelihood of arXiv:1910.01649 (fb_constants.h FB_SABTI19_*)
MU = np.array([0.02225, 2.89, 0.246])
F = np.array([[4.66287e7, -33110.3, -496043.], [-33110.3, 43.3733, 588.262], [-496043., 588.262, 11168.2]])
SY2 = 0.003**2 + 0.00017**2
SD2 = 0.027e-5**2 + 0.036e-5**2
# masses: around each bound, and where the best point of the C scan lies (30 / 10 MeV), for the reference
MASSES = {"electrons": [4.0, 4.5, 5.0, 5.5, 6.0, 30.0], "neutrinos": [3.0, 3.4, 3.8, 4.2, 4.7, 10.0]}


def profile(tab):
    """min over omega_b of chi2_BBN + chi2_CMB; tab rows (Yp_mass, D/H, Yp = 4 n_He/n_b, N_eff) on J.W"""
    wf = np.exp(np.linspace(np.log(J.W[0]), np.log(J.W[-1]), 4001))
    lw = np.log(J.W)
    dh = np.exp(np.polyval(np.polyfit(lw, np.log(tab[:, 1]), 6), np.log(wf)))
    yp = np.polyval(np.polyfit(lw, tab[:, 2], 6), np.log(wf))
    ne = np.polyval(np.polyfit(lw, tab[:, 3], 6), np.log(wf))
    cb = (yp - 0.245)**2 / SY2 + (dh - 2.569e-5)**2 / SD2
    d = np.stack([wf - MU[0], ne - MU[1], yp - MU[2]])
    cc = np.einsum("in,ij,jn->n", d, F, d)
    return (cb + cc).min()


def main():
    fails = 0
    for cpl, masses in MASSES.items():
        s0 = profile(np.array([J.obs(0, cpl, w) for w in J.W]))
        chi = [profile(np.array([J.obs(m, cpl, w) for w in J.W])) for m in masses]
        ref = min([s0] + chi)
        d = [c - ref for c in chi]
        b = J.crossing(masses[:-1], d[:-1], 4.0)
        print("%s real scalar: SM joint chi2 %.3f, best %.3f; bound %.3f MeV (C %.3f); Delta chi2 %s at %s MeV" % (
            cpl, s0, ref, b, C_BOUNDS[cpl], " ".join("%.2f" % x for x in d), " ".join("%g" % m for m in masses)),
            flush=True)
        if not abs(b / C_BOUNDS[cpl] - 1) <= 0.01:
            print("FAIL: %s bound %.3f vs C %.3f" % (cpl, b, C_BOUNDS[cpl]))
            fails += 1
    print("sabti19 profile check:", "passed" if fails == 0 else "%d failures" % fails)
    sys.exit(fails)


if __name__ == "__main__":
    main()
