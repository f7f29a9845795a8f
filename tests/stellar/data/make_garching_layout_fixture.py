#!/usr/bin/python3
"""Write garching_layout_fixture.txt: a synthetic proto-neutron-star profile in the exact layout of the Garching 1D
hydro files (five header lines, 25 columns, Fortran format (x,f18.4,f18.14,3e18.10,f18.10,e18.10,18f18.10); the layout
of hydro-SFHo-s18.80-MUONS-T=1.0001996.txt, docs/sn-profile.md section 2). Every number is made up here from simple
formulas (no value of a real file); mu_e follows from Y_e through the ultra-relativistic e-/e+ relation
n_e = (mu^3 + pi^2 T^2 mu)/(3 pi^2) that fb_sn_profile.c uses, so a reader deriving Y_e from mu_e must get Y_e back.
Used by tests/stellar/test_sn_profile_garching.c. Run: tests/stellar/data/make_garching_layout_fixture.py > file"""
import math

HBARC_MEV_CM = 197.3269804e-13
AMU_G = 1.66053906660e-24
MN, MP = 939.56542052, 938.27208816

def mu_e(ye, rho, T):
    ne = ye * rho / AMU_G * HBARC_MEV_CM**3  # MeV^3
    lo, hi = 0.0, 1e4
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if (mid**3 + math.pi**2 * T**2 * mid) / (3 * math.pi**2) < ne: lo = mid
        else: hi = mid
    return 0.5 * (lo + hi)

radii_km = [0.1, 2.0, 5.0, 8.0, 9.5, 11.0, 14.0, 18.0, 25.0, 40.0, 100.0, 1.0e4]
rows = []
for r in radii_km:
    rho = 5.0e14 / (1.0 + (r / 11.0) ** 6) + 1.0e3
    T = (20.0 + 18.0 * math.exp(-((r - 9.0) / 3.0) ** 2)) / (1.0 + (r / 25.0) ** 2)
    ye = 0.20 - 0.12 * (r / 14.0) ** 2 / (1.0 + (r / 14.0) ** 2) + 0.38 / (1.0 + (22.0 / r) ** 8)
    ymu = 3.0e-4 / (1.0 + (r / 12.0) ** 4)
    xheavy = 0.02 / (1.0 + (60.0 / r) ** 4)
    xalpha = 0.3 / (1.0 + (30.0 / r) ** 6)
    xp = min(ye + ymu, 1.0 - xalpha - xheavy) - 0.5 * xalpha
    xn = 1.0 - xp - xalpha - xheavy - 1e-5
    lapse = 0.74 + 0.26 * (r / 15.0) ** 2 / (1.0 + (r / 15.0) ** 2)
    fr = rho / 5.0e14
    mstar_n, mstar_p = MN * (1.0 - 0.4 * fr), MP * (1.0 - 0.4 * fr) - 0.01 * fr
    mue = mu_e(ye, rho, T)
    mun, mup = 100.0 * fr - 5.0, -10.0 * fr
    munu = mue + mup - mun - (MN - MP)
    mass = 1.5 * (r / 15.0) ** 3 / (1.0 + (r / 15.0) ** 3)
    rows.append([r * 1e5, mass, rho, 0.08 * rho * T * 1e6 * 1.6e-6, T, 1.0 + 5.0 * (1.0 - fr), -1.0e5 * r,
                 lapse, munu, mue, mun, mup, mue - 1.0, 0.5 * munu, xn, xp, xalpha, 1e-5, xheavy, ye, ymu,
                 -30.0 * fr, -55.0 * fr, mstar_n, mstar_p])
print("# Hydro quantities of TEST-s00.0-MUONS at time t_pb= 1.0000000s")
print("shock radius= 5000.0000 km, gain radius= 20.000000 km")
print("# cols=25 rows=%d format=(x,f18.4,f18.14,3e18.10,f18.10,e18.10,18f18.10)" % len(rows))
names = ["radius", "mass coordinate", "density", "internal energy", "temperature", "entropy", "radial velocity",
         "grav. lapse", "mu_nu", "mu_e", "mu_n", "mu_p", "mu_mu", "mu_numu", "X_n", "X_p", "X_alpha", "X_Light",
         "X_Heavy", "Y_e", "Y_mu", "U_n", "U_p", "m*_n", "m*_p"]
units = ["[cm]", "[m_sol]", "[g/cm^3]", "[erg/cm^3]", "[MeV]", "[k_b]", "[cm/s]", "[1]"] + ["[MeV]"] * 6 + \
        ["[1/by]"] * 7 + ["[MeV]"] * 4
print("#" + "".join("%18s" % n for n in names))
print("#" + "".join("%18s" % u for u in units))
for v in rows:
    s = " %18.4f%18.14f" % (v[0], v[1]) + "".join("%18.10e" % x for x in v[2:5]) + "%18.10f" % v[5] + \
        "%18.10e" % v[6] + "".join("%18.10f" % x for x in v[7:])
    print(s)
