#!/usr/bin/python3
"""Run every command that README.md's sh blocks and the inputs' comments show (issue 17: help and
docs agree with the program). Usage: doc_commands.py SOURCE_DIR EXE

Runs in a temporary directory that links inputs/, tools/ and limits/ of the source tree, so the
commands' relative paths (inputs/..., out/...) work as in a clone. Commands are run as written,
with documented adaptations that keep the test fast and self-contained:
  - `run` commands get `--set grid.n_mass=4 --set run.log_level=warning` (and `--overwrite` unless
    they resume) appended (a later --set wins, so the documented command is otherwise unchanged),
    and `-n 4` becomes `-n 2`;
  - `fipbounds` / `build/src/app/fipbounds` is the executable under test;
  - commands that need a clone of an external collection (FORESEE/, darkcast, Heavy-Neutrino-Limits,
    git clone) and the two top-level scripts (main-job.sh, run-tests.sh: they are CI itself) are
    skipped and counted.
Fails when a command exits non-zero. Prints a summary line 'N passed, M failed'.
"""
import os
import re
import shlex
import subprocess
import time
import sys
import tempfile

SKIP = ("git clone", "FORESEE/", "darkcast", "Heavy-Neutrino-Limits", "hnl_tables", "main-job.sh", "run-tests.sh",
        "<folder", "<same folder>")


def readme_commands(src):
    out, inside = [], False
    for line in open(os.path.join(src, "README.md"), encoding="utf-8"):
        if line.startswith("```sh"):
            inside = True
            continue
        if line.startswith("```"):
            inside = False
            continue
        if inside and line.strip() and not line.lstrip().startswith("#"):
            out.append(("README.md", line.split("  #")[0].strip()))
    return out


def input_commands(src):
    out = []
    d = os.path.join(src, "inputs")
    for name in sorted(os.listdir(d)):
        if not name.endswith(".ini") or name == "explanatory.ini":
            continue
        for line in open(os.path.join(d, name), encoding="utf-8"):
            m = re.match(r";\s+((\. tools/|fipbounds |/usr/bin/python3 |mpirun |mpiexec ).*)$", line.rstrip())
            if m and "IN.ini" not in m.group(1):
                out.append((f"inputs/{name}", m.group(1).strip()))
    return out


def adapt(cmd, exe):
    cmd = re.sub(r"(?<![\w/])(build/src/app/)?fipbounds(?=\s)", exe, cmd)
    cmd = re.sub(r"\b(mpirun|mpiexec) -n \d+", r"\1 -n 2", cmd)
    parts = cmd.split("&&")
    for i, p in enumerate(parts):
        if f"{exe} run " in p:
            extra = " --set grid.n_mass=4 --set run.log_level=warning"
            if "--resume" not in p and "--overwrite" not in p:
                extra += " --overwrite"  # a rerun of the test replaces its own files
            parts[i] = p.rstrip() + extra + " "
    return "&&".join(parts)


def main():
    src, exe = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    cmds = readme_commands(src) + input_commands(src)
    passed = failed = skipped = 0
    with tempfile.TemporaryDirectory() as tmp:
        for d in ("inputs", "tools", "limits"):
            os.symlink(os.path.join(src, d), os.path.join(tmp, d))
        os.makedirs(os.path.join(tmp, "build/src/app"))
        os.symlink(exe, os.path.join(tmp, "build/src/app/fipbounds"))
        # the README's merge/plot examples act on the main job's BC1 file: make a small one
        subprocess.run([exe, "run", "inputs/bc1_default.ini", "--set", "grid.n_mass=4", "--set", "grid.n_coupling=4",
                        "--set", "run.log_level=warning", "--overwrite"], cwd=tmp, check=True)
        seen, inputs_run = set(), set()
        for where, cmd in cmds:
            # an input's comment shows how to run it and then how to plot its output: run the
            # input itself (small grid) before its first command, as a user would
            if where.startswith("inputs/") and where not in inputs_run:
                inputs_run.add(where)
                subprocess.run(["bash", "-c", ". tools/mpi-env.sh 2>/dev/null; " +
                                adapt(f"fipbounds run {where}", exe)], cwd=tmp, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, timeout=600)
            if cmd in seen:
                continue
            seen.add(cmd)
            if any(s in cmd for s in SKIP):
                skipped += 1
                print(f"skip ({where}): {cmd}")
                continue
            run = adapt(cmd, exe)
            t0 = time.monotonic()
            r = subprocess.run(["bash", "-c", ". tools/mpi-env.sh 2>/dev/null; " + run], cwd=tmp,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
            if r.returncode == 0:
                passed += 1
                print(f"ok ({where}, {time.monotonic() - t0:.1f} s): {cmd}")
            else:
                failed += 1
                print(f"FAIL ({where}), exit {r.returncode}: {cmd}\n  ran: {run}\n" +
                      "\n".join("  | " + l for l in r.stdout.splitlines()[-8:]))
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
