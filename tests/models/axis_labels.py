#!/usr/bin/python3
"""One naming scheme, plotting side (issues 13, 17): the axis names, units and TeX labels that the
plotting tools use (tools/fb_axes.py) equal the benchmark definitions of the program
(src/models/fb_benchmark_axes.h, printed by `fipbounds models --json`), and every tool that labels a
plane's axes gives, for a file of each benchmark, the label of that definition.

Checked:
  - tools/fb_axes.BENCHMARK_AXES equals the "benchmarks" of `fipbounds models --json` (BC1-BC11:
    mass and coupling name, unit and label), and every scan model of a benchmark lists its axes;
  - every label is valid matplotlib mathtext;
  - plot_scan.axis_label (also plot_br's), plot_summary.axis_label, plot_bbn_diagnostic, plot_sn_band,
    plot_bbn_bc1, plot_bbn_hnl (fb_axes.dataset_label) give "label [unit]" of the file's benchmark for a
    file of every benchmark (the HNL planes name the flavour);
  - no tool keeps its own map of axis names to labels (a second map is how the labels drifted:
    epsilon was \\epsilon in plot_scan and \\varepsilon in plot_summary; plot_scan had no 1/f_l).
Usage: axis_labels.py FIPBOUNDS SOURCE_DIR
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

import h5py
import matplotlib

matplotlib.use("Agg")
from matplotlib.mathtext import MathTextParser  # noqa: E402

exe, src_dir = sys.argv[1], sys.argv[2]
tools = os.path.join(src_dir, "tools")
sys.path.insert(0, tools)
import fb_axes  # noqa: E402
import plot_scan  # noqa: E402
import plot_summary  # noqa: E402

failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)


d = json.loads(subprocess.run([exe, "models", "--json"], check=True, capture_output=True, text=True).stdout)
bench = {b["benchmark"]: b for b in d["benchmarks"]}
check(sorted(bench) == sorted(fb_axes.BENCHMARK_AXES),
      "benchmarks: program %s, tools/fb_axes.py %s" % (sorted(bench), sorted(fb_axes.BENCHMARK_AXES)))
parser = MathTextParser("path")
for name, b in bench.items():
    want = ((b["mass"]["name"], b["mass"]["units"], b["mass"]["label"]),
            (b["coupling"]["name"], b["coupling"]["units"], b["coupling"]["label"]))
    got = fb_axes.BENCHMARK_AXES.get(name)
    check(got == want, "%s: program %s, tools/fb_axes.py %s" % (name, want, got))
    for axis in ("mass", "coupling"):
        try:
            parser.parse(b[axis]["label"])
        except Exception as e:  # noqa: BLE001
            failures.append("%s %s label %r is not mathtext: %s" % (name, axis, b[axis]["label"], e))
# every scan model of a benchmark lists the benchmark's axes (target models: placeholder coupling axis)
for m in d["scan_models"]:
    b = bench.get(m["benchmark"])
    if not b or m["name"] == "freezein_heavy":  # a BC2 target on the BC1 mass axis (test_benchmark_axes)
        continue
    check(m["mass"] == b["mass"]["name"] and m["mass_units"] == b["mass"]["units"],
          "scan model %s: mass %s [%s], %s defines %s [%s]" % (m["name"], m["mass"], m["mass_units"], m["benchmark"],
                                                             b["mass"]["name"], b["mass"]["units"]))
    if m["coupling"] != "unused":
        check(m["coupling"] == b["coupling"]["name"] and m["coupling_units"] == b["coupling"]["units"],
              "scan model %s: coupling %s, %s defines %s" % (m["name"], m["coupling"], m["benchmark"],
                                                             b["coupling"]["name"]))


def expected(axis):
    u = axis["units"].replace("GeV^-1", r"GeV$^{-1}$")
    return "%s [%s]" % (axis["label"], u) if u else axis["label"]


# a file per benchmark, as a scan writes its grid; every tool's label of its axes
with tempfile.TemporaryDirectory() as tmp:
    for name, b in bench.items():
        path = os.path.join(tmp, name + ".h5")
        with h5py.File(path, "w") as f:
            f.attrs["benchmark"] = name
            for axis in ("mass", "coupling"):
                ds = f.create_dataset("grid/" + axis, data=[1.0, 2.0])
                ds.attrs["name"], ds.attrs["units"] = b[axis]["name"], b[axis]["units"]
        with h5py.File(path, "r") as f:
            for axis in ("mass", "coupling"):
                ds, want = f["grid/" + axis], expected(b[axis])
                for tool, got in (("plot_scan.axis_label", plot_scan.axis_label(ds)),
                                  ("plot_summary.axis_label", plot_summary.axis_label(ds, name)),
                                  ("fb_axes.dataset_label", fb_axes.dataset_label(ds))):
                    check(got == want, "%s %s: %s gives %r, the definition %r" % (name, axis, tool, got, want))

# no tool keeps a second map from an axis name to a label
axis_names = {a[0] for axes in fb_axes.BENCHMARK_AXES.values() for a in axes}
for path in sorted(glob.glob(os.path.join(tools, "*.py"))):
    if os.path.basename(path) == "fb_axes.py":
        continue
    text = open(path).read()
    for n in sorted(axis_names):
        if re.search(r'["\']%s["\']\s*:\s*r?["\']\$' % re.escape(n), text):
            failures.append("%s maps the axis name %s to a label of its own (use tools/fb_axes.py)"
                            % (os.path.basename(path), n))

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print("axis labels: %d benchmarks, %d scan models, %d tools agree with src/models/fb_benchmark_axes.h"
      % (len(bench), len(d["scan_models"]), len(glob.glob(os.path.join(tools, "*.py")))))
