#!/usr/bin/python3
"""Fisher kernel of the CMB-anisotropy bound in deposition-redshift bins, from CLASS v3 runs side by side
(issue 15; the principal-component method of Finkbeiner, Galli, Lin & Slatyer arXiv:1109.6322 and
Slatyer & Wu arXiv:1610.06933, built here from our own CLASS runs and noise model). Writes the data file
that src/cmb reads for `aniso_method = fisher` (inputs/cmb_fisher_kernel.dat, format below).

Usage: CLASS_DIR=... /usr/bin/python3 tools/cmb_fisher_kernel.py --cards DIR   write every CLASS card into DIR (the cards of
           tools/cmb_class_fisher.py plus one per bin, two amplitudes, and an annihilation card); run
           `class <name>.ini` in DIR for each (about 4 s each here)
       /usr/bin/python3 tools/cmb_fisher_kernel.py --build DIR OUT [--class-version TEXT] [--likelihood L]   write the
           kernel (L = ideal, the default: inputs/cmb_fisher_kernel.dat; planck_lowl: inputs/cmb_fisher_kernel_planck.dat)
       /usr/bin/python3 tools/cmb_fisher_kernel.py --check DIR KERNEL   the kernel against CLASS's own
           marginalised Fisher estimate of tools/cmb_class_fisher.py at its lifetimes (on-the-spot decays,
           a_k from CLASS's injection formula) and the annihilation bound p_ann (--likelihood L as for --build)

Method. Deposition redshift is binned by windows h_k(L), L = ln(1+z), on nodes L_0 < ... < L_{N-1}: between two
nodes h_k = cos^2(pi/2 u), h_{k+1} = sin^2(pi/2 u), u = (L - L_k)/(L_{k+1} - L_k) (a partition of unity, C^1);
h_0 = 1 below L_0 (down to z = 0); h_{N-1} falls as cos^2 to zero at L_N = 2 L_{N-1} - L_{N-2} and nothing
above L_N is counted. Bin run k: CLASS's DM decay with tau = 1/Gamma_k >> the age (exp(-Gamma t) = 1 to < 1e-5)
times f_eff(z) = h_k (f_eff_type = from_file), chi_type = CK_2004, so the deposited energy per hydrogen atom per
unit L is q_k(L) = A_k h_k(L) with A_k = Gamma_k (omega_cdm/omega_b) m_H c^2/(1 - Y_He)/H(z) (CLASS's
rho_cdm Gamma f_eff over n_H). The reference deposition of bin k, E_k = int h_k q_ref dL [eV per H], uses the
amplitude QREF_EV (eV per H per unit L at every point). a_k = int h_k q dL / E_k for any deposition history q,
and the response is dC_l/da_k = (C_l(run k) - C_l(ref)) E_k / int h_k q_k dL (linear regime; two amplitudes
are run to measure it). F_kl = <dC/da_k, dC/da_l> with the six LCDM parameters of tools/cmb_class_fisher.py
projected out (same noise model, same Fisher class); Delta chi^2 = a^T F a.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cmb_class_fisher as cf  # noqa: E402

# CLASS v3 constants (include/background.h, thermodynamics.h) and the reference card's parameters
C_M_S, G_SI, MPC_M, M_H_KG, EV_J = 2.99792458e8, 6.67428e-11, 3.085677581282e22, 1.673575e-27, 1.602176634e-19
OMEGA_B, OMEGA_C, YHE = 0.02242, 0.120, 0.2458
# bin nodes: 16 steps in L from z = 10 to 300, 26 from 300 to 2500 (CLASS puts all deposited energy into heat
# above z_start_chi_approx = 2000 and whenever x_e > 1, i.e. above z ~ 1650: the top bins test that)
NODES_Z = np.concatenate([np.expm1(np.linspace(np.log(11.0), np.log(301.0), 17)),
                          np.expm1(np.linspace(np.log(301.0), np.log(2501.0), 27))[1:]])
QREF_EV = 1.0           # reference deposition, eV per H per unit ln(1+z)
# bin runs at q = AMPS x QREF_EV at the node; F from the smallest ("fm", the linear response), the others measure
# the linearity (rule fixed before check (a): use the smallest unless its noise, the response of the bins above
# z = 1700 where CLASS deposits only heat, exceeds 10 % of the signal)
AMPS = {"fm": 0.04, "fl": 0.2}
KERNEL_RUN = "fm"
# near and above recombination (x_e -> 1, CLASS's CK split deposits little or only heat) the response per unit energy
# is small: larger amplitudes there, and the rule (fixed before check (a)): per bin the smallest amplitude whose run
# has Delta chi^2 >= SNR_MIN x the noise Delta chi^2 (the marginalised Delta chi^2 of the KERNEL_RUN run of the top
# bin, where CLASS deposits only heat); a bin that reaches it at no amplitude gets a zero row and column
HIGH_AMPS = {"fg": 10.0, "fh": 100.0}
HIGH_Z = 1000.0
SNR_MIN = 100.0
FEFF_DL, FEFF_LMAX = 0.004, np.log(1e7)  # f_eff file sampling in L, top of the table
PANN_CM3_S_GEV = 3.2e-28  # Planck 2018 arXiv:1807.06209 (95 %, TT,TE,EE+lowE+lensing)


def windows(L, nodes_L):
    """h_k(L) for every node k: array (N, len(L)) (module docstring)."""
    N = len(nodes_L)
    ext = np.append(nodes_L, 2 * nodes_L[-1] - nodes_L[-2])
    h = np.zeros((N, len(L)))
    for k in range(N):
        if k == 0:
            h[k, L <= ext[0]] = 1.0
        else:
            m = (L > ext[k - 1]) & (L <= ext[k])
            h[k, m] = np.sin(0.5 * np.pi * (L[m] - ext[k - 1]) / (ext[k] - ext[k - 1])) ** 2
        m = (L > ext[k]) & (L < ext[k + 1])
        h[k, m] = np.cos(0.5 * np.pi * (L[m] - ext[k]) / (ext[k + 1] - ext[k])) ** 2
    return h


def hubble_1_s(z):
    """H(z) [1/s] of the reference card (massless neutrinos, N_ur = 3.044; Lambda closes), as CLASS's background."""
    h = 0.6736
    H0 = h * 1e5 / MPC_M
    rho_crit = 3 * H0 ** 2 / (8 * np.pi * G_SI)
    sigma_B = 2 * np.pi ** 5 * 1.380649e-23 ** 4 / (15 * 6.62607015e-34 ** 3 * C_M_S ** 2)
    Og = 4 * sigma_B / C_M_S ** 3 * 2.7255 ** 4 / rho_crit
    Or = Og * (1 + 7 / 8 * (4 / 11) ** (4 / 3) * 3.044)
    Om = (OMEGA_B + OMEGA_C) / h ** 2
    x = 1 + np.asarray(z)
    return H0 * np.sqrt(Or * x ** 4 + Om * x ** 3 + (1 - Or - Om))


def mc2_per_H_eV():
    """rho_cdm c^2 / n_H [eV]: CDM rest energy per hydrogen atom (CLASS's n_H = (1 - Y_He) rho_b/m_H)."""
    return OMEGA_C / OMEGA_B * M_H_KG * C_M_S ** 2 / (1 - YHE) / EV_J


def gamma_for(q_eV, z):
    """Gamma [1/s] of a decay with tau >> age depositing q_eV per H per unit L at z."""
    return q_eV * hubble_1_s(z) / mc2_per_H_eV()


def quad_windows(Lf, qf, nodes_L):
    """int h_k q dL on the fine grid Lf (trapezoid) for every k."""
    h = windows(Lf, nodes_L)
    return np.trapz(h * qf[None, :], Lf, axis=1)


def write_cards(d):
    # CLASS reads f_eff_file as <its base_path><f_eff_file> (base_path = the CLASS directory, no trailing slash)
    class_dir = os.environ.get("CLASS_DIR")
    if not class_dir:
        sys.exit("set CLASS_DIR to the CLASS directory (CLASS prefixes f_eff_file with it)")
    cf.write_cards(d)
    nodes_L = np.log1p(NODES_Z)
    L = np.arange(0.0, FEFF_LMAX + FEFF_DL / 2, FEFF_DL)
    h = windows(L, nodes_L)
    for k, zk in enumerate(NODES_Z):
        fn = "feff_%02d.dat" % k
        with open(os.path.join(d, fn), "w") as f:
            f.write("# window %d of tools/cmb_fisher_kernel.py, node z = %.6g\n%d\n" % (k, zk, len(L)))
            for Li, hi in zip(L, h[k]):
                f.write("%.10e %.10e\n" % (np.expm1(Li), hi))
        amps = dict(AMPS, **HIGH_AMPS) if zk >= HIGH_Z else AMPS
        for pre, amp in amps.items():
            cf.card(d, "%s%02d" % (pre, k), "f_eff_type", "from_file",
                    extra="f_eff_file = /%s\nDM_decay_fraction = 1\nDM_decay_Gamma = %.8e\n"
                    % (os.path.relpath(os.path.abspath(os.path.join(d, fn)), class_dir), gamma_for(amp * QREF_EV, zk)))
    # s-wave annihilation at the Planck 2018 p_ann (CLASS: rate = rho_cdm^2 DM_annihilation_efficiency, m^3/s/J)
    cf.card(d, "ann", extra="DM_annihilation_efficiency = %.8e\n" % ann_eff_m3_s_J(PANN_CM3_S_GEV))
    cf.card(d, "bgref", "output", "tCl", extra="write_background = yes\n")


def ann_eff_m3_s_J(pann_cm3_s_GeV):
    return pann_cm3_s_GeV * 1e-6 / (1e9 * EV_J)


def fine_L():
    return np.arange(0.0, np.log(1e5), 1e-4)


def build(d, out, version, likelihood="ideal"):
    fi = cf.Fisher(d, likelihood=likelihood)
    nodes_L = np.log1p(NODES_Z)
    Lf = fine_L()
    Hf = hubble_1_s(np.expm1(Lf))
    E = quad_windows(Lf, QREF_EV * np.ones_like(Lf), nodes_L)   # reference energy per bin [eV per H]
    N = len(NODES_Z)
    allamps = dict(AMPS, **HIGH_AMPS)

    inv_H = quad_windows(Lf, 1.0 / Hf, nodes_L)   # int h_k / H dL [s]

    def response(pre, k):
        """dC/da_k from run <pre><k> (None if not run): (C - C_ref) E_k / (its energy in bin k)."""
        if not os.path.exists("%s/%s%02d_00_cl.dat" % (d, pre, k)):
            return None
        ek = gamma_for(allamps[pre] * QREF_EV, NODES_Z[k]) * mc2_per_H_eV() * inv_H[k]
        return fi.vec("%s%02d" % (pre, k)) * (E[k] / ek)

    # the noise: marginalised Delta chi^2 of the top bin's smallest-amplitude run (CLASS deposits only heat there)
    chi2_noise = fi.chi2(fi.vec("%s%02d" % (KERNEL_RUN, N - 1)))[0]
    R, used, lin = [], [], []
    for k in range(N):
        runs = sorted(((allamps[p], p) for p in allamps if response(p, k) is not None))
        chosen = None
        for amp, pre in runs:
            if fi.chi2(fi.vec("%s%02d" % (pre, k)))[0] >= SNR_MIN * chi2_noise:  # the run's own Delta chi^2
                chosen = (amp, pre, response(pre, k))
                break
        if chosen is None:
            R.append(np.zeros_like(fi.D[0]))
            used.append(0.0)
            lin.append({})
            continue
        amp, pre, v = chosen
        R.append(v)
        used.append(amp * QREF_EV)
        fkk = fi.ip(v, v)
        lin.append({a2 * QREF_EV: np.sqrt(fi.ip(response(p2, k), response(p2, k)) / fkk) for a2, p2 in runs if p2 != pre})

    B = np.array([[fi.ip(x, v) for v in R] for x in fi.D])   # 6 x N
    Fu = np.array([[fi.ip(a1, b1) for b1 in R] for a1 in R])
    F = Fu - B.T @ np.linalg.solve(fi.F, B)
    with open(out, "w") as f:
        f.write("# fipbounds CMB-anisotropy Fisher kernel in deposition-redshift bins (aniso_method = fisher, src/cmb)\n")
        f.write("# made by tools/cmb_fisher_kernel.py --build (this project's tool; data generated by it, not copied)\n")
        f.write("# from CLASS runs side by side: %s, run unmodified (never linked or copied)\n" % version)
        f.write("# cards: tools/cmb_fisher_kernel.py --cards (reference card of tools/cmb_class_fisher.py: h = 0.6736,\n")
        f.write("#   omega_b = 0.02242, omega_cdm = 0.120, T_cmb = 2.7255, N_ur = 3.044, YHe = 0.2458, HyRec, reio_camb\n")
        f.write("#   z_reio = 7.67, A_s = 2.100549e-9, n_s = 0.9660499, lensing = no, l_max_scalars = 2500, l_linstep = 10); bin run k:\n")
        f.write("#   DM decay, DM_decay_fraction = 1, DM_decay_Gamma = Gamma_k (tau >> age), f_eff_type = from_file with f_eff(z) = h_k\n")
        f.write("# chi split: CLASS chi_type = CK_2004 (Chen & Kamionkowski astro-ph/0310473: chi_ion = chi_lya = (1 - x_e)/3,\n")
        f.write("#   heat the rest, x_e = n_e/n_H with helium electrons; all heat for x_e >= 1 and above z_start_chi_approx = 2000)\n")
        f.write("# noise model (tools/cmb_class_fisher.py): one Planck-143-like channel, beam %.1f', %.1f uK' in T, %.1f uK' in P,\n"
                % (cf.BEAM_ARCMIN, cf.NOISE_T_UKARCMIN, cf.NOISE_P_UKARCMIN))
        f.write("#   f_sky = %.2f, l = %d-%d, TT/TE/EE, no lensing, no foregrounds; the six LCDM parameters omega_b, omega_cdm,\n"
                % (cf.F_SKY, cf.L_MIN, cf.L_MAX))
        f.write("#   h, z_reio, n_s, A_s projected out (F = F_aa - F_ap F_pp^-1 F_pa; F_fixed: the parameters held fixed)\n")
        if likelihood == "planck_lowl":
            f.write("# likelihood planck_lowl (--likelihood planck_lowl): TE and EE dropped at l < %d (Planck 2018 uses only the\n"
                    "#   SimAll EE spectrum there, arXiv:1907.12875), TT kept from l = 2; Gaussian prior on z_reio equivalent to\n"
                    "#   sigma(tau) = %g (arXiv:1807.06209) with dtau/dz_reio = %.5f (CLASS v3.3.4, reference card): sigma(z_reio) = %.4f\n"
                    % (cf.L_POL_MIN, cf.SIGMA_TAU, cf.DTAU_DZREIO, cf.SIGMA_TAU / cf.DTAU_DZREIO))
        f.write("# windows h_k(L), L = ln(1+z): cos^2/sin^2 partition of unity between consecutive nodes, h_0 = 1 below node 0,\n")
        f.write("#   h_{N-1} falls as cos^2 to zero at L_N = 2 L_{N-1} - L_{N-2}; nothing above L_N is counted\n")
        f.write("# a_k = int h_k q dL / E_ref_k with q the deposited energy per hydrogen atom per unit L [eV]; E_ref_k = int h_k\n")
        f.write("#   q_ref dL for q_ref = %.3g eV per H per unit L (n_H = (1 - Y_He) rho_b/m_H); Delta chi^2 = a^T F a; bound\n" % QREF_EV)
        f.write("#   Delta chi^2 = 4 (as tools/cmb_class_fisher.py)\n")
        f.write("# amplitudes: bin runs at q = %s eV per H per unit L at the node (and %s for z_node >= %g); per bin the\n"
                % (" / ".join("%.3g" % (AMPS[p] * QREF_EV) for p in AMPS),
                   " / ".join("%.3g" % (HIGH_AMPS[p] * QREF_EV) for p in HIGH_AMPS), HIGH_Z))
        f.write("#   smallest whose run has Delta chi^2 >= %g x the noise Delta chi^2 = %.3g (marginalised, run %s%02d: the top bin,\n"
                % (SNR_MIN, chi2_noise, KERNEL_RUN, N - 1))
        f.write("#   where CLASS deposits only heat) is used (column q_used; 0 = none: zero row and column, response below\n")
        f.write("#   CLASS's numerical noise); the other columns q:r give r = sqrt(F_kk at q / F_kk) (1 = linear)\n")
        f.write("n_bins %d\n" % N)
        f.write("# node k z_node L_node E_ref_eV_per_H q_used [q:r ...]\n")
        for k in range(N):
            f.write("node %d %.6e %.10e %.10e %.3g " % (k, NODES_Z[k], nodes_L[k], E[k], used[k])
                    + " ".join("%.3g:%.4f" % (q, r) for q, r in sorted(lin[k].items())) + "\n")
        f.write("# F row k: N numbers (LCDM marginalised)\n")
        for k in range(N):
            f.write("F %d " % k + " ".join("%.10e" % v for v in F[k]) + "\n")
        f.write("# F_fixed row k (the six parameters fixed; diagnosis only)\n")
        for k in range(N):
            f.write("Ffix %d " % k + " ".join("%.10e" % v for v in Fu[k]) + "\n")
    print("wrote %s: %d bins, noise Delta chi^2 %.3g" % (out, N, chi2_noise))
    for k in range(N):
        print("bin %d z = %.4g: q_used %.3g, sqrt F_kk %.3g, %s" % (k, NODES_Z[k], used[k], np.sqrt(max(F[k, k], 0)),
                                                             " ".join("%.3g:%.3f" % qr for qr in sorted(lin[k].items()))))


def read_kernel(path):
    nodes, F, Ff = [], {}, {}
    for ln in open(path):
        w = ln.split()
        if not w or w[0].startswith("#"):
            continue
        if w[0] == "node":
            nodes.append([float(x) for x in w[2:5]])
        elif w[0] == "F":
            F[int(w[1])] = [float(x) for x in w[2:]]
        elif w[0] == "Ffix":
            Ff[int(w[1])] = [float(x) for x in w[2:]]
    nodes = np.array(nodes)
    N = len(nodes)
    return nodes[:, 1], nodes[:, 2], np.array([F[k] for k in range(N)]), np.array([Ff[k] for k in range(N)])


def check(d, kpath, likelihood="ideal"):
    nodes_L, E, F, Ff = read_kernel(kpath)
    fi = cf.Fisher(d, likelihood=likelihood)
    bg = np.loadtxt("%s/bgref_00_background.dat" % d)
    z_bg, t_bg = bg[:, 0], bg[:, 1] * 1e9 * 365.25 * 86400  # CLASS proper time [Gyr] -> s
    Lf = fine_L()
    t_f = np.exp(np.interp(Lf, np.log1p(z_bg[::-1]), np.log(t_bg[::-1])))
    H_f = hubble_1_s(np.expm1(Lf))
    print("# tau_s f chi2_CLASS(marg) chi2_kernel f_max_CLASS f_max_kernel kernel/CLASS (f_max) fixed: f_max_CLASS f_max_kernel")
    for name, (tau, f) in cf.RUNS.items():
        q = f * np.exp(-t_f / tau) / tau * mc2_per_H_eV() / H_f        # on-the-spot decay [eV per H per unit L]
        a = quad_windows(Lf, q, nodes_L) / E
        c2k, c2kf = a @ F @ a, a @ Ff @ a
        c2, c2f = fi.chi2(fi.vec(name))
        print("%.3g %.3g %.4g %.4g %.4g %.4g %.3f  %.4g %.4g" % (tau, f, c2, c2k, f * np.sqrt(4 / c2), f * np.sqrt(4 / c2k),
                                                           np.sqrt(c2 / c2k), f * np.sqrt(4 / c2f), f * np.sqrt(4 / c2kf)))
    # annihilation: q = p_ann rho_c0^2 c^2 (1+z)^6 / (n_H0 (1+z)^3 H) (CLASS: rho_cdm^2 x efficiency)
    rho_c0 = OMEGA_C * 3 * (1e5 / MPC_M) ** 2 / (8 * np.pi * G_SI) * C_M_S ** 2       # J/m^3
    nH0 = (1 - YHE) * OMEGA_B * 3 * (1e5 / MPC_M) ** 2 / (8 * np.pi * G_SI) / M_H_KG  # 1/m^3
    x = np.exp(Lf)
    q = ann_eff_m3_s_J(PANN_CM3_S_GEV) * rho_c0 ** 2 * x ** 3 / nH0 / H_f / EV_J
    a = quad_windows(Lf, q, nodes_L) / E
    c2k = a @ F @ a
    c2, _ = fi.chi2(fi.vec("ann"))
    print("annihilation p_ann = %.3g cm^3/s/GeV: Delta chi^2 kernel %.4g, CLASS %.4g; Fisher bound p_ann < %.3g (kernel), %.3g (CLASS)"
          % (PANN_CM3_S_GEV, c2k, c2, PANN_CM3_S_GEV * np.sqrt(4 / c2k), PANN_CM3_S_GEV * np.sqrt(4 / c2)))


if __name__ == "__main__":
    a = sys.argv[1:]
    lik = "ideal"
    if "--likelihood" in a:   # ideal (default) | planck_lowl (tools/cmb_class_fisher.py LIKELIHOODS)
        i = a.index("--likelihood")
        lik = a[i + 1]
        a = a[:i] + a[i + 2:]
    if len(a) == 2 and a[0] == "--cards":
        write_cards(a[1])
    elif len(a) >= 3 and a[0] == "--build":
        ver = a[a.index("--class-version") + 1] if "--class-version" in a else "CLASS v3 (version not given)"
        build(a[1], a[2], ver, lik)
    elif len(a) == 3 and a[0] == "--check":
        check(a[1], a[2], lik)
    else:
        sys.exit(__doc__)
