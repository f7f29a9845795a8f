#!/usr/bin/python3
"""Checks that the S-factor scale factors and tables in src/bbn/bbn_rates.c are the ones that
src/bbn/fit_sfactor_scale.py produces (no transcription error between the fit and the C code).

usage: test_fit_sfactor_scale.py <source dir>. Exit 77 (skipped) without numpy/scipy.
"""
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
sys.path.insert(0, os.path.join(src, "src", "bbn"))
try:
    import numpy as np
    import fit_sfactor_scale as F
except ImportError as e:  # scipy or numpy missing
    print(f"SKIP: {e}")
    sys.exit(77)

c = open(os.path.join(src, "src", "bbn", "bbn_rates.c")).read()


def c_define(name):
    m = re.search(r"#define\s+%s\s+([0-9.eE+-]+)" % name, c)
    assert m, f"{name} not found in bbn_rates.c"
    return float(m.group(1))


def c_array(name):
    m = re.search(r"%s\[[A-Z_]+\]\s*=\s*\{([^}]*)\}" % name, c)
    assert m, f"{name} not found in bbn_rates.c"
    return np.array([float(x) for x in m.group(1).replace("\n", " ").split(",") if x.strip()])


fails = 0
for cname, pyname in (("arai_E_MeV", "ARAI_E"), ("arai_ddn_keVb", "ARAI_DDN"),
                      ("arai_ddp_keVb", "ARAI_DDP"), ("neff_E_MeV", "NEFF_E"),
                      ("neff_he3ag_MeVb", "NEFF_HE3AG")):
    a, b = c_array(cname), np.array(getattr(F, pyname))
    ok = a.shape == b.shape and np.allclose(a, b, rtol=1e-12, atol=0)
    print(f"{cname:16s} vs {pyname:10s}: {'same' if ok else 'DIFFERENT'} ({a.size} values)")
    fails += not ok

keVb = 1e-3
for define, data, E, S, syst in (
        ("BBN_DDN_SCALE", F.DATA_DDN, F.ARAI_E, np.array(F.ARAI_DDN) * keVb, F.SYST_DD),
        ("BBN_DDP_SCALE", F.DATA_DDP, F.ARAI_E, np.array(F.ARAI_DDP) * keVb, F.SYST_DD),
        ("BBN_HE3AG_SCALE", F.DATA_HE3AG, F.NEFF_E, np.array(F.NEFF_HE3AG), F.SYST_HE3AG)):
    a, da, chi2, dof, _ = F.fit(data, E, S, syst)
    ok = abs(a - c_define(define)) <= 1e-4 and 0.5 < chi2 / dof < 2.5 and 0.005 < da < 0.05
    print(f"{define}: fit {a:.5f} +- {da:.4f} (chi2/dof {chi2:.1f}/{dof}), C {c_define(define)}: "
          f"{'ok' if ok else 'MISMATCH'}")
    fails += not ok
sys.exit(1 if fails else 0)
