#!/usr/bin/python3
"""The joint BBN + CMB bound of a thermal particle re-profiled independently of src/bbn/bbn_joint_fit.c (issue 14):
the observables from `fipbounds eval bbn` on the same (m, omega_b) nodes, a degree-6 polynomial in ln omega_b and
a fine-grid minimum in numpy (instead of splines and Brent), the bound interpolated in ln m. Checks the real-scalar
bounds against the C values pinned in tests/bbn/test_bbn_thermal_dm.c (1%) and prints the sensitivity to the
unpublished Planck correlations, the D/H theory error and the Planck data set (docs/validation.md).
Usage: joint_profile_check.py <fipbounds>"""
import json, subprocess, math, sys
import numpy as np
exe = sys.argv[1] if __name__ == "__main__" else None  # set by an importing script (joint_bounds_inputs.py)
C_BOUNDS = {"electrons": 5.073, "neutrinos": 5.007}  # test_joint_bounds (bbn_joint_fit.c; propagated theory errors)
fails = 0
# the profile nodes of bbn_joint_fit.c: 15 over the theory-error nodes' range, 0.02242 (0.030/0.016)^(+-1/2)
W = np.exp(np.linspace(math.log(0.02242) - 0.5 * math.log(0.030 / 0.016), math.log(0.02242) + 0.5 * math.log(0.030 / 0.016), 15))
def obs(m, cpl, w, g=1, stat="boson"):
    # theory errors: primat here (the abundances do not depend on it; no per-process propagation), the
    # propagated ones of standard BBN from theory_errors() below
    a = ["eval", "bbn", "omega_b_h2=%.8g" % w, "nu_temperatures=one", "likelihood=separate", "theory_errors=primat",
         "--json"]
    if m > 0: a += ["chi_mass_MeV=%g" % m, "chi_g=%g" % g, "chi_stat=" + stat, "chi_coupled=" + cpl]
    j = json.loads(subprocess.run([exe] + a, capture_output=True, text=True, check=True).stdout)
    return j["Yp_mass_fraction"], j["D_H"], j["Yp"], j["Neff"]
def theory_errors(w):
    """sigma(Yp), sigma(D/H)/(D/H) of standard BBN at omega_b w, as `eval bbn` prints them (bbn_theory_err.c)"""
    a = ["eval", "bbn", "omega_b_h2=%.8g" % w, "--json"]
    j = json.loads(subprocess.run([exe] + a, capture_output=True, text=True, check=True).stdout)
    return j["Yp_theory_sigma"], j["D_H_theory_rel_sigma"]
TH = None  # the propagated theory errors on W (filled by main() or the importing script)
def chi2_bbn(ypm, dh, sY, sD_rel, yp_obs=(0.245, 0.003), dh_obs=(2.547e-5, 0.029e-5)):
    """PDG 2024 observations by default (bbn_internal.h BBN_OBS_*)"""
    sY2 = yp_obs[1]**2 + sY**2; sD2 = dh_obs[1]**2 + (sD_rel * dh)**2
    return (ypm - yp_obs[0])**2 / sY2 + (dh - dh_obs[0])**2 / sD2
def chi2_cmb(w, n, y, a=0.45, b=0.0, c=-0.77, mu=(0.02224, 2.97, 0.246), s=(0.00022, 0.2857, 0.01786)):
    C = np.array([[1, a, b], [a, 1, c], [b, c, 1]]) * np.outer(s, s)
    d = np.array([w - mu[0], n - mu[1], y - mu[2]])
    return d @ np.linalg.solve(C, d)
def profile(tab, **kw):
    wf = np.exp(np.linspace(math.log(W[0]), math.log(W[-1]), 4001))
    lw = np.log(W)
    cols = []
    for k in range(4):
        y = np.log(tab[:, k]) if k == 1 else tab[:, k]
        cs = np.polyfit(lw, y, 6)
        v = np.polyval(cs, np.log(wf))
        cols.append(np.exp(v) if k == 1 else v)
    th = kw.pop("th", None)  # fixed (sigma(Yp), sigma(D/H)/(D/H)) instead of the propagated ones
    sY = np.interp(np.log(wf), lw, TH[:, 0]) if th is None else th[0]
    sD = (np.interp(np.log(wf), lw, TH[:, 1]) if th is None else th[1]) * kw.pop("sD_scale", 1.0)
    cols[0] = cols[0] * kw.pop("yp_scale", 1.0)  # a tau_n shift applied linearly
    obs_kw = {k: kw.pop(k) for k in ("yp_obs", "dh_obs") if k in kw}
    cb = chi2_bbn(cols[0], cols[1], sY, sD, **obs_kw)
    cc = np.array([chi2_cmb(w, n, y, **kw) for w, n, y in zip(wf, cols[3], cols[2])])
    return cb.min(), cc.min(), (cb + cc).min(), wf[np.argmin(cb + cc)]
def crossing(masses, d, level=3.841):
    """the largest m with Delta chi^2 > level, interpolated in ln m between the grid masses (nan if none)"""
    for i in range(len(masses) - 1, 0, -1):
        if d[i - 1] > level >= d[i]:
            f = (d[i - 1] - level) / (d[i - 1] - d[i])
            return math.exp(math.log(masses[i - 1]) + f * (math.log(masses[i]) - math.log(masses[i - 1])))
    return float("nan")
def main():
  global TH, fails
  TH = np.array([theory_errors(w) for w in W])
  masses = [2.0, 2.8, 3.5, 4.2, 5.0, 6.0, 7.5]
  for cpl in ("electrons", "neutrinos"):
      sm = np.array([obs(0, cpl, w) for w in W])
      tabs = {m: np.array([obs(m, cpl, w) for w in W]) for m in masses}
      variants = {"baseline": {}, "rho_wN=0": {"a": 0.0}, "rho_NY=-0.6": {"c": -0.6}, "rho_NY=-0.85": {"c": -0.85},
                  "no correlations": {"a": 0.0, "c": 0.0}, "D/H theory error x2": {"sD_scale": 2.0},
                  "TT,TE,EE+lowE": {"mu": (0.02224, 2.89, 0.247), "s": (0.00022, 0.3061, 0.01786), "c": -0.75}}
      for name, kw in variants.items():
          s0 = profile(sm, **dict(kw))
          d = [profile(tabs[m], **dict(kw))[2] - s0[2] for m in masses]
          bnd = crossing(masses, d)
          print("%s real scalar, %-20s: SM joint chi2 %.3f; bound %.3f MeV; dchi2 %s" % (cpl, name, s0[2], bnd,
                " ".join("%.2f" % x for x in d)), flush=True)
          if name == "baseline" and not abs(bnd / C_BOUNDS[cpl] - 1) <= 0.01:
              print("FAIL: %s baseline bound %.3f vs C %.3f" % (cpl, bnd, C_BOUNDS[cpl])); fails += 1
  print("joint profile check:", "passed" if fails == 0 else "%d failures" % fails)
  sys.exit(fails)

if __name__ == "__main__":
    main()
