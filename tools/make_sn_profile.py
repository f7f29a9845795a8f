#!/usr/bin/python3
"""Write the project's proto-neutron-star profiles: the parametric one (inputs/sn_profile_default.dat, the default
until the switch of issue 16; `--variant default`) and the low-entropy-core / hot-mantle ones (`--variant mantle`,
inputs/sn_profile_mantle.dat, the default profile since that switch; docs/sn-profile.md sections 1 and 1c).

A parametric profile typical of an ~18 M_sun progenitor about 1 s after bounce. Every formula and
number is documented in docs/sn-profile.md; the column format is the one fb_sn_profile_read
(src/stellar/fb_sn_profile.h) reads. Pure Python (math only), deterministic output.

  rho(r)  = rho_c / (1 + (r/R_rho)^n_rho)              density [g/cm^3]
  T(r)    = T_c   / (1 + (r/R_T)^n_T)                  temperature [MeV]
  Ye(r)   = Ye_out + (Ye_c - Ye_out) / (1 + (r/R_rho)^4) electron fraction
  X_p = Ye, X_n = 1 - Ye                               free nucleons only (no nuclei/alphas)
  mu_e    : n_e = Ye rho/m_u = (mu^3 + pi^2 T^2 mu)/(3 pi^2)   (ultra-relativistic e-/e+ gas,
            exact for massless fermions incl. antiparticles; Braaten & Segel hep-ph/9302213)
  mu_n,p  : non-relativistic ideal Fermi gas, n = 2 (m T/2pi)^{3/2} F_{1/2}(eta), mu = m + eta T
  m*_n,p  : vacuum masses (no mean-field); the column exists for external profiles
  lapse   : alpha(r) = exp(Phi(r)), dPhi/dr = G M(r) / (r^2 c^2 (1 - 2 G M(r)/(r c^2))),
            M(r) = int 4 pi r^2 rho dr, matched to the exterior Schwarzschild value
            alpha(r_max) = sqrt(1 - 2 G M/(r_max c^2)) (TOV lapse with the pressure term dropped)

Usage: tools/make_sn_profile.py [--variant default|cold|hot|mantle|mantle_cold|mantle_hot|mantle_compact] [-o FILE]
       [--rho-c 4.5e14] [--T-c 35] ...

Variants (systematic bands, issue 16; docs/sn-profile.md section 1b): the shipped files are
  tools/make_sn_profile.py --variant default -o inputs/sn_profile_default.dat
  tools/make_sn_profile.py --variant cold    -o inputs/sn_profile_cold.dat
  tools/make_sn_profile.py --variant hot     -o inputs/sn_profile_hot.dat
cold and hot differ from default only in the central (peak) temperature T_c = 30 and 60 MeV: the
range "temperatures of 30-60 MeV in the hottest regions of collapsed SN cores" of the Garching
muonic models quoted by Caputo, Raffelt & Vitagliano arXiv:2109.03244 (Introduction); the default
35 MeV lies inside it. Explicit options (--T-c ...) override the variant's values.

Structure "entropy" (variants mantle, mantle_cold, mantle_hot; docs/sn-profile.md section 1c; mantle_compact, the
mantle on a compact envelope, section 1e):
  tools/make_sn_profile.py --variant mantle         -o inputs/sn_profile_mantle.dat
  tools/make_sn_profile.py --variant mantle_cold    -o inputs/sn_profile_mantle_cold.dat
  tools/make_sn_profile.py --variant mantle_hot     -o inputs/sn_profile_mantle_hot.dat
  tools/make_sn_profile.py --variant mantle_compact -o inputs/sn_profile_mantle_compact.dat
rho, Ye, the mass and the lapse as above; T(r) solves s_EOS(rho, T, Ye) = s(r),
  s(r) = s_c + (s_m - s_c) x/(1 + x), x = (r/R_s)^n_s    (low-entropy core, hot mantle: off-centre T maximum)
with the ideal EOS of entropy_per_baryon (nucleons, e-/e+, photons, trapped neutrinos); where the parametric
T(r)'s own entropy exceeds s_m (the outer layers) the parametric T(r) is kept.
--rows-stride K writes only every K-th data row (the enclosed mass and the lapse are still
integrated on the full grid, so the rows written are identical to those of the full file): used by
tests/stellar/test_sn_profiles_regen.sh to check the shipped files quickly.
"""
import argparse
import math

import numpy as np

# Constants (CODATA 2018 / PDG 2024, as in src/common/fb_constants.h)
HBARC_MEV_FM = 197.3269804
AMU_G = 1.66053906660e-24
G_CGS = 6.67430e-8
C_CM_S = 2.99792458e10
MSUN_G = 1.98841e33  # PDG 2024 (G M_sun / G)
MN_MEV = 939.56542052
MP_MEV = 938.27208816

# Variants: the parameters that differ from the default (see the module docstring for the source).
VARIANTS = {
    "default": {},
    "cold": {"T_c": 30.0},  # lower end of 30-60 MeV peak temperatures, arXiv:2109.03244
    "hot": {"T_c": 60.0},   # upper end of 30-60 MeV peak temperatures, arXiv:2109.03244
    # low-entropy core + hot mantle (structure "entropy", docs/sn-profile.md section 1c): central entropy
    # s_c = 1 per baryon ("entropy per baryon of order 1 or 2" shortly after birth, Prakash et al.
    # nucl-th/9603042, abstract: the lower end, the unshocked inner core); mantle entropy s_m = 4.6 chosen so
    # that the off-centre temperature maximum is 40 MeV, inside the 30-60 MeV of the hottest regions of the
    # Garching cores (arXiv:2109.03244, Introduction) and the 30-50 MeV of deleptonisation heating
    # (Nicotra nucl-th/0607055, Introduction); R_s = 9 km, n_s = 6 (ours: puts the maximum near 11 km).
    "mantle": {"structure": "entropy", "s_c": 1.0, "s_m": 4.6, "R_s": 9.0, "n_s": 6.0},
    # its systematic pair: the mantle entropy giving a maximum of 30 and 60 MeV, the ends of the 30-60 MeV range
    # of arXiv:2109.03244 (s_m = 3.8 -> 30.0 MeV, 6.3 -> 60.1 MeV at 10.5-10.75 km)
    "mantle_cold": {"structure": "entropy", "s_c": 1.0, "s_m": 3.8, "R_s": 9.0, "n_s": 6.0},
    "mantle_hot": {"structure": "entropy", "s_c": 1.0, "s_m": 6.3, "R_s": 9.0, "n_s": 6.0},
    # compactness systematic (docs/sn-profile.md section 1e): the mantle's temperature structure on a more compact
    # envelope. The density falls to 1e14 g/cm^3 at 13 km and to 1e12 g/cm^3 at 19 km, the radii of the Garching
    # 1-s models of Bollig et al. arXiv:2005.07141 (SFHo-s18.80: 13.1 / 19.1 km, SFHo-s20.0: 14.1 / 19.9 km, read
    # with our reader: section 1d), where our other profiles reach them at 12.6 / 25.1 km; rho_c is lowered so that
    # the baryonic mass stays the default's 1.515 M_sun (the functional form cannot also keep rho_c: with 4.5e14 the
    # mass would be 1.70 M_sun). Solved for (rho_c, R_rho, n_rho) from these three conditions, not fitted to a band.
    # The outer temperature (the parametric T(r) kept beyond the entropy structure) is compressed with the envelope:
    # R_T = 13 km x 19.0 / 25.12 (the 1e12 g/cm^3 radius, compact / default) = 9.83 km; with R_T = 13 km the
    # neutrinosphere would sit in 8.6 MeV matter (thermal L_nu 6.3e53 erg/s, 5x the mantle's).
    "mantle_compact": {"structure": "entropy", "s_c": 1.0, "s_m": 4.6, "R_s": 9.0, "n_s": 6.0,
                       "rho_c": 3.7993e14, "R_rho": 12.005, "n_rho": 12.933, "R_T": 9.83},
}


def fermi_half(eta):
    """F_{1/2}(eta) = int_0^inf sqrt(x)/(exp(x-eta)+1) dx by Gauss-Laguerre-free trapezoid in sqrt."""
    # substitute x = t^2: 2 int t^2/(exp(t^2-eta)+1) dt, t up to sqrt(max(eta,0)+60)
    tmax = math.sqrt(max(eta, 0.0) + 60.0)
    n = 1500
    h = tmax / n
    s = 0.0
    for i in range(1, n + 1):
        t = i * h
        w = 0.5 if i == n else 1.0
        a = t * t - eta
        s += w * 2.0 * t * t / (math.exp(a) + 1.0) if a < 700 else 0.0
    return s * h


def nucleon_eta(n_fm3, m_mev, T_mev):
    """Degeneracy eta = (mu - m)/T of a non-relativistic spin-1/2 ideal gas of density n [fm^-3]:
    n = 2 (m T/2 pi)^{3/2} F_{1/2}(eta)/Gamma(3/2) with fermi_half's unnormalised F_{1/2} (Landau & Lifshitz sec. 56).
    Until session 13 the 1/Gamma(3/2) was missing here (not in _eta_fast): the shipped mu_n, mu_p columns belonged to
    a density 1.128 times too high (eta 0.12-0.23 too large; found by the garchmu branch, fb_sn_nucleon_mu_MeV)."""
    q = 2.0 * (m_mev * T_mev / (2.0 * math.pi)) ** 1.5 / HBARC_MEV_FM ** 3  # [fm^-3]
    target = n_fm3 / q * math.gamma(1.5)
    lo, hi = -60.0, 200.0
    for _ in range(80):
        mid = 0.5 * (lo + hi)
        if fermi_half(mid) < target:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def electron_mu(ne_fm3, T_mev):
    """Solve n_e = (mu^3 + pi^2 T^2 mu)/(3 pi^2) for mu [MeV] (n in fm^-3)."""
    n = ne_fm3 * HBARC_MEV_FM ** 3  # MeV^3
    lo, hi = 0.0, 1e4
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if (mid ** 3 + math.pi ** 2 * T_mev ** 2 * mid) / (3 * math.pi ** 2) < n:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


# --- Entropy per baryon of the ideal EOS (structure "entropy"; docs/sn-profile.md section 1c) ---
# nucleons: non-relativistic ideal Fermi gases, s_i = (5/3) F_{3/2}(eta)/F_{1/2}(eta) - eta per particle
# (F_k the complete Fermi-Dirac integral without the 1/Gamma(k+1)); e-/e+: ultra-relativistic,
# s n_B = mu^2 T/3 + 7 pi^2 T^3/45; photons 4 pi^2 T^3/45; trapped neutrinos: nu_e/anti-nu_e with
# mu_nu = mu_e + mu_p - mu_n (beta equilibrium), s n_B = mu_nu^2 T/6 + 7 pi^2 T^3/90, and nu_mu, nu_tau
# pairs at mu = 0, 2 x 7 pi^2 T^3/90 (Landau & Lifshitz, Statistical Physics I, sec. 56-61 and 63).

def _fd_k(k, eta):
    """F_k(eta) = int_0^inf x^k/(exp(x-eta)+1) dx (x = t^2, trapezoid on 1500 points, as fermi_half)."""
    tmax = math.sqrt(max(eta, 0.0) + 60.0)
    t = np.arange(1, 1501) * (tmax / 1500)
    x = t * t
    f = 2.0 * t * x ** k / (np.exp(np.minimum(x - eta, 700.0)) + 1.0)
    f[-1] *= 0.5
    return float(f.sum()) * tmax / 1500


def _eta_fast(n_fm3, m_mev, T_mev):
    """As nucleon_eta with _fd_k (numpy): n = 2 (m T/2 pi)^{3/2} F_{1/2}(eta)/Gamma(3/2)."""
    q = 2.0 * (m_mev * T_mev / (2.0 * math.pi)) ** 1.5 / HBARC_MEV_FM ** 3
    target = n_fm3 / q * math.gamma(1.5)
    lo, hi = -60.0, 300.0
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        if _fd_k(0.5, mid) < target:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def entropy_per_baryon(rho, T, Ye):
    """Entropy per baryon [k_B] of ideal n, p, e-/e+, photons and trapped neutrinos at rho [g/cm^3], T [MeV]."""
    nB = rho / AMU_G * 1e-39  # fm^-3
    en = _eta_fast((1 - Ye) * nB, MN_MEV, T)
    ep = _eta_fast(Ye * nB, MP_MEV, T)
    me = electron_mu(Ye * nB, T)
    nBm = nB * HBARC_MEV_FM ** 3  # MeV^3
    s_nuc = sum(Y * (5.0 / 3.0 * _fd_k(1.5, e) / _fd_k(0.5, e) - e) for Y, e in ((1 - Ye, en), (Ye, ep)))
    mu_nu = max(me + (MP_MEV + ep * T) - (MN_MEV + en * T), 0.0)
    pi2 = math.pi ** 2
    s_light = (me ** 2 * T / 3 + 7 * pi2 * T ** 3 / 45  # e-/e+
               + 4 * pi2 * T ** 3 / 45  # photons
               + mu_nu ** 2 * T / 6 + 7 * pi2 * T ** 3 / 90 + 2 * 7 * pi2 * T ** 3 / 90)  # neutrinos
    return s_nuc + s_light / nBm


def pressure_cgs(rho, T, Ye):
    """Pressure [erg/cm^3] of the same ideal EOS (nucleons P = n T F_{3/2}/F_{1/2} x 2/3, e-/e+ mu^4/12pi^2 +
    mu^2 T^2/6 + 7 pi^2 T^4/180, photons pi^2 T^4/45; trapped neutrinos omitted), for --hydrostatic-check."""
    nB = rho / AMU_G * 1e-39
    P = 0.0
    for Y, m in ((1 - Ye, MN_MEV), (Ye, MP_MEV)):
        e = _eta_fast(Y * nB, m, T)
        P += Y * nB * T * 2.0 / 3.0 * _fd_k(1.5, e) / _fd_k(0.5, e)  # MeV/fm^3
    me = electron_mu(Ye * nB, T)
    P += (me ** 4 / (12 * math.pi ** 2) + me ** 2 * T ** 2 / 6 + 7 * math.pi ** 2 * T ** 4 / 180
          + math.pi ** 2 * T ** 4 / 45) / HBARC_MEV_FM ** 3
    return P * 1.602176634e-6 * 1e39


def temperature_at_entropy(rho, Ye, s_target):
    """T [MeV] with entropy_per_baryon(rho, T, Ye) = s_target (bisection in ln T, 1e-6 relative)."""
    lo, hi = 0.05, 300.0
    while hi / lo > 1.0 + 1e-6:
        mid = math.sqrt(lo * hi)
        if entropy_per_baryon(rho, mid, Ye) < s_target:
            lo = mid
        else:
            hi = mid
    return math.sqrt(lo * hi)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variant", choices=sorted(VARIANTS), default="default",
                    help="parameter set: default, cold (T_c = 30 MeV), hot (T_c = 60 MeV), mantle (low-entropy core, hot "
                         "mantle), mantle_cold, mantle_hot (maxima 30 / 60 MeV) or mantle_compact (compact envelope)")
    ap.add_argument("-o", "--output", default=None, help="output file (default inputs/sn_profile_<variant>.dat)")
    ap.add_argument("--rows-stride", type=int, default=1, help="write every K-th data row only (checks)")
    ap.add_argument("--rho-c", type=float, default=None, help="central density [g/cm^3] (default 4.5e14; variant mantle_compact 3.7993e14)")
    ap.add_argument("--R-rho", type=float, default=None, help="density core radius [km] (default 10.5; mantle_compact 12.005)")
    ap.add_argument("--n-rho", type=float, default=None, help="density fall-off power (default 7; mantle_compact 12.933)")
    ap.add_argument("--T-c", type=float, default=None, help="central temperature [MeV]")
    ap.add_argument("--R-T", type=float, default=None, help="temperature core radius [km] (default 13; mantle_compact 9.83)")
    ap.add_argument("--n-T", type=float, default=2.5, help="temperature fall-off power")
    ap.add_argument("--Ye-c", type=float, default=0.30, help="central electron fraction")
    ap.add_argument("--Ye-out", type=float, default=0.10, help="outer electron fraction")
    ap.add_argument("--r-max", type=float, default=1000.0, help="outer radius [km]")
    ap.add_argument("--structure", choices=["parametric", "entropy"], default=None,
                    help="T(r) from the formula (parametric) or from an entropy profile s(r) through the ideal "
                         "EOS (entropy; docs/sn-profile.md 1c)")
    ap.add_argument("--s-c", type=float, default=None, help="entropy: central entropy per baryon")
    ap.add_argument("--s-m", type=float, default=None, help="entropy: mantle entropy per baryon")
    ap.add_argument("--R-s", type=float, default=None, help="entropy: radius of the core-mantle rise [km]")
    ap.add_argument("--n-s", type=float, default=None, help="entropy: steepness of the rise")
    ap.add_argument("--hydrostatic-check", action="store_true",
                    help="print, for the written rows at 0-20 km, the EOS pressure over the Newtonian hydrostatic "
                         "pressure int_r rho G M/r^2 dr (the profile is not re-solved for equilibrium)")
    a = ap.parse_args()
    var = VARIANTS[a.variant]
    for key, dflt in (("structure", "parametric"), ("s_c", 1.0), ("s_m", 4.6), ("R_s", 9.0), ("n_s", 6.0),
                      ("rho_c", 4.5e14), ("R_rho", 10.5), ("n_rho", 7.0), ("R_T", 13.0)):
        if getattr(a, key) is None:
            setattr(a, key, var.get(key, dflt))
    if a.structure == "entropy" and not (0 < a.s_c < a.s_m and a.R_s > 0 and a.n_s > 0):
        ap.error("--structure entropy needs 0 < s_c < s_m, R_s > 0, n_s > 0")
    if a.T_c is None:
        a.T_c = VARIANTS[a.variant].get("T_c", 35.0)
    if a.output is None:
        a.output = "inputs/sn_profile_%s.dat" % a.variant
    if a.rows_stride < 1:
        ap.error("--rows-stride must be >= 1")

    radii = [0.25 * i for i in range(0, 201)]  # 0..50 km
    nlog = 120
    for i in range(1, nlog + 1):
        radii.append(50.0 * (a.r_max / 50.0) ** (i / nlog))

    rows = []
    masses = []
    mass_g = 0.0
    prev_r, prev_rho = 0.0, a.rho_c
    for idx, r in enumerate(radii):
        rho = a.rho_c / (1.0 + (r / a.R_rho) ** a.n_rho)
        T = a.T_c / (1.0 + (r / a.R_T) ** a.n_T)
        Ye = a.Ye_out + (a.Ye_c - a.Ye_out) / (1.0 + (r / a.R_rho) ** 4)
        if a.structure == "entropy" and idx % a.rows_stride == 0:
            # s(r): core s_c rising to the mantle plateau s_m; where the parametric profile's own entropy
            # exceeds s_m (the outer layers, r > ~19 km with the default parameters) its T is kept
            x = (r / a.R_s) ** a.n_s
            if entropy_per_baryon(rho, T, Ye) <= a.s_m:
                T = temperature_at_entropy(rho, Ye, a.s_c + (a.s_m - a.s_c) * x / (1.0 + x))
        # enclosed mass: trapezoid in r of 4 pi r^2 rho (cm)
        r_cm, pr_cm = r * 1e5, prev_r * 1e5
        mass_g += 0.5 * (r_cm - pr_cm) * 4 * math.pi * (r_cm ** 2 * rho + pr_cm ** 2 * prev_rho)
        prev_r, prev_rho = r, rho
        masses.append(mass_g)
        nB = rho / AMU_G * 1e-39  # fm^-3
        if idx % a.rows_stride == 0:
            mu_e = electron_mu(Ye * nB, T)
            mu_n = MN_MEV + T * nucleon_eta((1 - Ye) * nB, MN_MEV, T)
            mu_p = MP_MEV + T * nucleon_eta(Ye * nB, MP_MEV, T)
        else:  # row not written (--rows-stride): the costly chemical potentials are skipped
            mu_e = mu_n = mu_p = float("nan")
        rows.append([r, rho, T, Ye, mu_e, mu_n, mu_p, 1 - Ye, Ye, MN_MEV, MP_MEV, 1.0])

    # lapse: integrate dPhi/dr inwards from the exterior value (trapezoid in r)
    def dphi(i):
        r_cm = radii[i] * 1e5
        if r_cm == 0.0:
            return 0.0
        x = G_CGS * masses[i] / (r_cm * C_CM_S ** 2)
        return x / r_cm / (1.0 - 2.0 * x)
    phi = 0.5 * math.log(1.0 - 2.0 * G_CGS * masses[-1] / (radii[-1] * 1e5 * C_CM_S ** 2))
    rows[-1][11] = math.exp(phi)
    for i in range(len(radii) - 2, -1, -1):
        phi -= 0.5 * (dphi(i) + dphi(i + 1)) * (radii[i + 1] - radii[i]) * 1e5
        rows[i][11] = math.exp(phi)

    if a.hydrostatic_check:
        p_req, acc = [0.0] * len(radii), 0.0
        for i in range(len(radii) - 2, -1, -1):
            r0, r1 = radii[i] * 1e5, radii[i + 1] * 1e5
            g0 = G_CGS * masses[i] * rows[i][1] / r0 ** 2 if r0 > 0 else 0.0
            acc += 0.5 * (g0 + G_CGS * masses[i + 1] * rows[i + 1][1] / r1 ** 2) * (r1 - r0)
            p_req[i] = acc
        for i in range(0, len(radii), a.rows_stride):
            if radii[i] <= 20.0:
                r = rows[i]
                print("r = %5.2f km  P_EOS/P_hydrostatic = %.3f" % (r[0], pressure_cgs(r[1], r[2], r[3]) / p_req[i]))
    with open(a.output, "w") as f:
        f.write("# fipbounds proto-neutron-star profile (format: docs/sn-profile.md)\n")
        f.write("# made by tools/make_sn_profile.py with: rho_c=%g g/cm^3 R_rho=%g km n_rho=%g "
                "T_c=%g MeV R_T=%g km n_T=%g Ye_c=%g Ye_out=%g%s\n"
                % (a.rho_c, a.R_rho, a.n_rho, a.T_c, a.R_T, a.n_T, a.Ye_c, a.Ye_out,
                   "" if a.structure == "parametric" else
                   " structure=entropy s_c=%g s_m=%g R_s=%g km n_s=%g (T_c, R_T, n_T: outer layers)"
                   % (a.s_c, a.s_m, a.R_s, a.n_s)))
        if a.rows_stride == 1:  # the full file records how to remake it
            f.write("# command: tools/make_sn_profile.py --variant %s -o %s%s\n"
                    % (a.variant, a.output, "" if a.T_c == VARIANTS[a.variant].get("T_c", 35.0)
                       else " --T-c %r" % a.T_c))
        f.write("# enclosed mass at r_max: %.4f M_sun\n" % (mass_g / MSUN_G))
        f.write("# r_km rho_g_cm3 T_MeV Ye mu_e_MeV mu_n_MeV mu_p_MeV X_n X_p mstar_n_MeV mstar_p_MeV lapse\n")
        for row in rows[::a.rows_stride]:
            f.write(" ".join("%.8e" % v for v in row) + "\n")


if __name__ == "__main__":
    main()
