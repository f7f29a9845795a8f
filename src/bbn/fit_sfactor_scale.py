#!/usr/bin/python3
"""Normalisation of theoretical S factors to the measured ones (d(d,n)3He, d(d,p)t, 3He(a,g)7Be).

Reproduces the constants BBN_DDN_SCALE, BBN_DDP_SCALE and BBN_HE3AG_SCALE of
src/bbn/bbn_rates.c (run: /usr/bin/python3 src/bbn/fit_sfactor_scale.py; needs numpy, scipy).

Method (the evaluation of Coc et al. 2015, arXiv:1511.03843, and Gomez Inesta, Iliadis & Coc
2017, arXiv:1710.01647): the energy dependence of S(E) is the ab initio curve of K. Arai,
S. Aoyama, Y. Suzuki, P. Descouvemont, D. Baye, Phys. Rev. Lett. 107 (2011) 132502 (arrays
ARAI_* below, E in MeV, S in keV b, as tabulated with the Bayesian analysis code of Gomez Inesta
et al., public repositories github.com/RafaelSdeSouza/nuclear and .../Bayesian_Nuclear); the
data fix one scale factor a per reaction: S(E) = a S_Arai(E). Each experiment k
has a normalisation factor n_k with a log-normal penalty of width ln(1 + syst_k) (its quoted
systematic error). We minimise
    chi^2 = sum_i (S_i - a n_k(i) S_Arai(E_i))^2 / stat_i^2 + sum_k (ln n_k / ln(1 + syst_k))^2
(Gomez Inesta et al. sample the same model with a Bayesian MCMC and an extra scatter per data
set; they find scale factors 0.2% (d(d,n)) above the chi^2 values of Coc et al. 2015.)
The 1-sigma error of a is the profile-likelihood Delta chi^2 = 1 interval, inflated by
sqrt(chi^2/dof) when chi^2/dof > 1.

3He(a,g)7Be: the same model with the S factor of the fermionic-molecular-dynamics calculation of
T. Neff, Phys. Rev. Lett. 106 (2011) 042502 (arrays NEFF_*, E in MeV, S in MeV b, as tabulated
with the analysis code of Iliadis et al. 2016, arXiv:1608.05853, the evaluation PRIMAT uses, in
github.com/RafaelSdeSouza/Bayesian_Nuclear) and the data sets compiled there (E_cm = 0.09-1.5 MeV):
  Nar04  B. S. Nara Singh et al., Phys. Rev. Lett. 93 (2004) 262503; syst 5.1%
  Bro07  T. A. D. Brown et al., Phys. Rev. C 76 (2007) 055801; syst 3.0%
  Cos08  H. Costantini et al. (LUNA), Nucl. Phys. A 814 (2008) 144; syst 3.1%
  Dil09  A. Di Leva et al., Phys. Rev. Lett. 102 (2009) 232502; syst 5%

d+d data (E_cm MeV, S MeV b, statistical error MeV b, set), as compiled with the analysis code of
Gomez Inesta et al. 2017 (same repository; E_cm < 0.35 MeV):
  Bro90  R. E. Brown, N. Jarmie, Phys. Rev. C 41 (1990) 1391; syst 1.3%
  Gre95  U. Greife et al., Z. Phys. A 351 (1995) 107; syst 3%
  Kra87B, Kra87M  A. Krauss et al., Nucl. Phys. A 465 (1987) 150 (Bochum, Muenster); syst 6.4%, 8.2%
  Leo06  D. S. Leonard et al., Phys. Rev. C 73 (2006) 045801, arXiv:nucl-ex/0601035; syst 2%
"""
import numpy as np
from scipy.optimize import minimize, brentq

SYST_DD = {"Bro90": 0.013, "Gre95": 0.03, "Kra87B": 0.064, "Kra87M": 0.082, "Leo06": 0.020}
SYST_HE3AG = {"Bro07": 0.030, "Cos08": 0.031, "Dil09": 0.05, "Nar04": 0.051}

# Arai et al. 2011 ab initio S factors: E [MeV], S [keV b]
ARAI_E = [0, 1e-3, 2e-3, 3e-3, 4e-3, 5e-3, 6e-3, 7e-3, 8e-3, 9e-3, 1e-2, 2e-2, 3e-2, 4e-2, 5e-2, 6e-2,
          7e-2, 8e-2, 9e-2, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
ARAI_DDN = [53.80, 54.21, 54.67, 55.08, 55.48, 55.88, 56.28, 56.67, 57.07, 57.45, 57.84, 61.62, 65.34,
            69.09, 72.89, 76.72, 80.59, 84.47, 88.34, 92.22, 129.0, 160.6, 187.5, 210.5, 230.7, 248.6,
            264.7, 279.5, 293.2, 388.7, 442.5, 473.3, 487.2, 490.3, 489.3, 478.4, 462.1, 440.6]
ARAI_DDP = [55.71, 55.97, 56.32, 56.58, 56.84, 57.10, 57.35, 57.61, 57.86, 58.12, 58.36, 60.77, 63.16,
            65.62, 68.17, 70.78, 73.47, 76.20, 78.96, 81.76, 109.2, 134.0, 155.7, 174.9, 192.4, 208.2,
            223.0, 236.8, 249.8, 349.5, 412.5, 450.7, 470.0, 477.5, 480.8, 474.9, 464.2, 447.4]

# Neff 2011 FMD S factor of 3He(a,g)7Be: E [MeV], S [MeV b]
NEFF_E = [0, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9,
          1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8,
          2.9, 3.0]
NEFF_HE3AG = [0.593000e-3, 0.585011e-3, 0.584612e-3, 0.580655e-3, 0.576732e-3, 0.572817e-3, 0.568909e-3,
              0.565003e-3, 0.561097e-3, 0.557187e-3, 0.517380e-3, 0.477085e-3, 0.440317e-3, 0.410187e-3,
              0.387331e-3, 0.370948e-3, 0.359803e-3, 0.352715e-3, 0.348701e-3, 0.346993e-3, 0.347010e-3,
              0.348318e-3, 0.350597e-3, 0.353616e-3, 0.357212e-3, 0.361271e-3, 0.365716e-3, 0.370498e-3,
              0.375583e-3, 0.380949e-3, 0.386581e-3, 0.392465e-3, 0.398586e-3, 0.404929e-3, 0.411474e-3,
              0.418203e-3, 0.425091e-3, 0.432113e-3, 0.439245e-3]

DATA_HE3AG = [
    (0.701, 0.000393, 6.90E-05, "Dil09"),
    (0.802, 0.000385, 2.10E-05, "Dil09"),
    (0.902, 0.000339, 1.50E-05, "Dil09"),
    (1.002, 0.000351, 1.30E-05, "Dil09"),
    (1.002, 0.000333, 1.10E-05, "Dil09"),
    (1.102, 0.000334, 3.00E-06, "Dil09"),
    (1.102, 0.000339, 6.00E-06, "Dil09"),
    (1.103, 0.000334, 9.00E-06, "Dil09"),
    (1.203, 0.000333, 7.00E-06, "Dil09"),
    (1.203, 0.000333, 1.20E-05, "Dil09"),
    (1.353, 0.000327, 8.00E-06, "Dil09"),
    (1.403, 0.000343, 4.00E-06, "Dil09"),
    (1.403, 0.00034, 9.00E-06, "Dil09"),
    (1.403, 0.000343, 1.10E-05, "Dil09"),
    (1.504, 0.000339, 1.00E-05, "Dil09"),
    (0.42, 0.00042, 1.40E-05, "Nar04"),
    (0.506, 0.000379, 1.50E-05, "Nar04"),
    (0.6145, 0.000362, 1.00E-05, "Nar04"),
    (0.95, 0.000316, 6.00E-06, "Nar04"),
    (0.3274, 0.000495, 1.50E-05, "Bro07"),
    (0.426, 0.000458, 1.00E-05, "Bro07"),
    (0.518, 0.00044, 1.00E-05, "Bro07"),
    (0.5815, 4.00E-04, 1.10E-05, "Bro07"),
    (0.7024, 0.000375, 1.00E-05, "Bro07"),
    (0.7968, 0.000363, 7.00E-06, "Bro07"),
    (1.2337, 0.00033, 6.00E-06, "Bro07"),
    (1.2347, 0.000324, 6.00E-06, "Bro07"),
    (0.0929, 0.000534, 1.60E-05, "Cos08"),
    (0.1057, 0.000493, 1.50E-05, "Cos08"),
    (0.1265, 0.000514, 2.00E-05, "Cos08"),
    (0.1477, 0.000499, 1.70E-05, "Cos08"),
    (0.1689, 0.000482, 2.00E-05, "Cos08"),
    (0.1695, 0.000507, 1.00E-05, "Cos08"),
]

DATA_DDN = [
    (0.0561, 0.078185, 0.0034139, "Leo06"),
    (0.0864, 0.083631, 0.0025573, "Leo06"),
    (0.1164, 0.092168, 0.0020515, "Leo06"),
    (0.1573, 0.10769, 0.0025573, "Leo06"),
    (0.1896, 0.11606, 0.0020765, "Leo06"),
    (0.2351, 0.12672, 0.0018949, "Leo06"),
    (0.27865, 0.14662, 0.0021567, "Leo06"),
    (0.32305, 0.15629, 0.0029465, "Leo06"),
    (0.02466, 0.0687, 0.0027, "Gre95"),
    (0.03962, 0.0733, 0.0029, "Gre95"),
    (0.041, 0.073, 0.0028, "Gre95"),
    (0.05, 0.0759, 0.003, "Gre95"),
    (0.052, 0.0733, 0.0028, "Gre95"),
    (0.076, 0.083, 0.0028, "Gre95"),
    (0.102, 0.09, 0.0032, "Gre95"),
    (0.128, 0.1006, 0.0035, "Gre95"),
    (0.019964, 0.05999, 0.00072, "Bro90"),
    (0.024961, 0.06224, 0.00062, "Bro90"),
    (0.029959, 0.06431, 0.00064, "Bro90"),
    (0.034957, 0.06536, 0.00056, "Bro90"),
    (0.039956, 0.06532, 0.00054, "Bro90"),
    (0.044956, 0.06841, 0.00031, "Bro90"),
    (0.049955, 0.06979, 0.00055, "Bro90"),
    (0.054955, 0.0725, 0.00054, "Bro90"),
    (0.058495, 0.07227, 0.00064, "Bro90"),
    (0.01988, 0.0546, 0.0038, "Kra87B"),
    (0.02236, 0.0565, 0.0038, "Kra87B"),
    (0.02982, 0.0582, 0.0039, "Kra87B"),
    (0.03478, 0.0594, 0.0039, "Kra87B"),
    (0.03979, 0.0589, 0.0039, "Kra87B"),
    (0.04472, 0.0609, 0.0041, "Kra87B"),
    (0.04967, 0.0593, 0.0039, "Kra87B"),
    (0.0196, 0.0583, 0.0081, "Kra87M"),
    (0.024, 0.0564, 0.0075, "Kra87M"),
    (0.029, 0.0544, 0.0057, "Kra87M"),
    (0.0348, 0.0542, 0.0056, "Kra87M"),
    (0.0397, 0.0589, 0.0049, "Kra87M"),
    (0.0446, 0.0596, 0.0048, "Kra87M"),
    (0.0495, 0.0619, 0.005, "Kra87M"),
    (0.0543, 0.0646, 0.0052, "Kra87M"),
    (0.0593, 0.0685, 0.0056, "Kra87M"),
    (0.0643, 0.0709, 0.0058, "Kra87M"),
    (0.074, 0.0786, 0.0064, "Kra87M"),
    (0.0838, 0.083, 0.0067, "Kra87M"),
    (0.0936, 0.0867, 0.007, "Kra87M"),
    (0.1034, 0.0896, 0.0073, "Kra87M"),
    (0.1132, 0.0932, 0.0076, "Kra87M"),
    (0.123, 0.0982, 0.008, "Kra87M"),
    (0.133, 0.1057, 0.0086, "Kra87M"),
    (0.1425, 0.1093, 0.0089, "Kra87M"),
    (0.1525, 0.1079, 0.0088, "Kra87M"),
    (0.1625, 0.1142, 0.0093, "Kra87M"),]

DATA_DDP = [
    (0.0561, 0.073361, 0.0031541, "Leo06"),
    (0.0864, 0.07482, 0.0022281, "Leo06"),
    (0.1164, 0.080457, 0.0017523, "Leo06"),
    (0.1573, 0.088004, 0.0020381, "Leo06"),
    (0.1896, 0.098428, 0.0017427, "Leo06"),
    (0.2351, 0.10653, 0.0014576, "Leo06"),
    (0.27865, 0.12432, 0.0017546, "Leo06"),
    (0.32305, 0.13815, 0.0019829, "Leo06"),
    (0.02466, 0.0645, 0.0027, "Gre95"),
    (0.03962, 0.0685, 0.0029, "Gre95"),
    (0.041, 0.0701, 0.0033, "Gre95"),
    (0.05, 0.069, 0.0025, "Gre95"),
    (0.052, 0.0675, 0.0024, "Gre95"),
    (0.076, 0.074, 0.0025, "Gre95"),
    (0.102, 0.0785, 0.0027, "Gre95"),
    (0.128, 0.0866, 0.0033, "Gre95"),
    (0.019964, 0.05939, 0.00052, "Bro90"),
    (0.024961, 0.05996, 0.00047, "Bro90"),
    (0.029959, 0.06113, 0.00045, "Bro90"),
    (0.034957, 0.06198, 0.00042, "Bro90"),
    (0.039956, 0.06261, 4.00E-04, "Bro90"),
    (0.044956, 0.06421, 0.00027, "Bro90"),
    (0.049955, 0.06499, 0.00038, "Bro90"),
    (0.054955, 0.06585, 0.00037, "Bro90"),
    (0.058455, 0.06677, 5.00E-04, "Bro90"),
    (0.01988, 0.0529, 0.0034, "Kra87B"),
    (0.02236, 0.0537, 0.0034, "Kra87B"),
    (0.02982, 0.0551, 0.0035, "Kra87B"),
    (0.03478, 0.0562, 0.0036, "Kra87B"),
    (0.03979, 0.0562, 0.0036, "Kra87B"),
    (0.04472, 0.0582, 0.0037, "Kra87B"),
    (0.04967, 0.0564, 0.0036, "Kra87B"),
    (0.0196, 0.0568, 0.0081, "Kra87M"),
    (0.024, 0.0557, 0.0074, "Kra87M"),
    (0.029, 0.0553, 0.0058, "Kra87M"),
    (0.0348, 0.0548, 0.0057, "Kra87M"),
    (0.0397, 0.0562, 0.0047, "Kra87M"),
    (0.0446, 0.0568, 0.0046, "Kra87M"),
    (0.0495, 0.0564, 0.0046, "Kra87M"),
    (0.0543, 0.0592, 0.0048, "Kra87M"),
    (0.0593, 0.063, 0.0051, "Kra87M"),
    (0.0643, 0.0631, 0.0051, "Kra87M"),
    (0.074, 0.0668, 0.0054, "Kra87M"),
    (0.0838, 0.07, 0.0057, "Kra87M"),
    (0.0936, 0.0726, 0.0059, "Kra87M"),
    (0.1034, 0.0761, 0.0062, "Kra87M"),
    (0.1132, 0.0778, 0.0063, "Kra87M"),
    (0.123, 0.0808, 0.0066, "Kra87M"),
    (0.133, 0.0844, 0.0069, "Kra87M"),
    (0.1425, 0.0883, 0.0072, "Kra87M"),
    (0.1525, 0.0851, 0.0069, "Kra87M"),
    (0.1625, 0.0914, 0.0074, "Kra87M"),]


def chi2_fn(data, E_th, S_th_MeVb, syst):
    E = np.array([d[0] for d in data])
    S = np.array([d[1] for d in data])
    st = np.array([d[2] for d in data])
    th = np.interp(E, E_th, S_th_MeVb)  # linear interpolation, MeV b
    sets = sorted(syst)
    masks = [np.array([d[3] == s for d in data]) for s in sets]
    widths = [np.log(1.0 + syst[s]) for s in sets]

    def chi2(p):
        a, c = p[0], 0.0
        for m, w, lnn in zip(masks, widths, p[1:]):
            c += np.sum((S[m] - a * np.exp(lnn) * th[m]) ** 2 / st[m] ** 2) + (lnn / w) ** 2
        return c

    return chi2, len(sets), len(data)


def fit(data, E_th, S_th_MeVb, syst):
    chi2, nset, ndat = chi2_fn(data, E_th, S_th_MeVb, syst)
    best = minimize(chi2, [1.0] + [0.0] * nset, method="Nelder-Mead",
                    options={"xatol": 1e-9, "fatol": 1e-10, "maxiter": 100000, "maxfev": 100000})
    best = minimize(chi2, best.x, method="BFGS", options={"gtol": 1e-8})
    a0, c0 = best.x[0], best.fun

    def profile(a):
        r = minimize(lambda q: chi2(np.concatenate(([a], q))), best.x[1:], method="BFGS")
        return r.fun - c0 - 1.0

    lo = brentq(profile, a0 * 0.9, a0)
    hi = brentq(profile, a0, a0 * 1.1)
    dof = ndat - 1  # the n_k are constrained by their priors
    infl = max(1.0, np.sqrt(c0 / dof))
    return a0, 0.5 * (hi - lo) * infl, c0, dof, np.exp(best.x[1:])


if __name__ == "__main__":
    keVb = 1e-3
    for name, data, E_th, S_th, syst in (
            ("d(d,n)3He", DATA_DDN, ARAI_E, np.array(ARAI_DDN) * keVb, SYST_DD),
            ("d(d,p)t", DATA_DDP, ARAI_E, np.array(ARAI_DDP) * keVb, SYST_DD),
            ("3He(a,g)7Be", DATA_HE3AG, NEFF_E, np.array(NEFF_HE3AG), SYST_HE3AG)):
        a, da, c, dof, n = fit(data, E_th, S_th, syst)
        print(f"{name}: scale a = {a:.4f} +- {da:.4f}  (chi2 = {c:.1f} for {dof} dof; "
              f"normalisations {dict(zip(sorted(syst), np.round(n, 4)))})")
