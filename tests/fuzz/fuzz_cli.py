#!/usr/bin/python3
"""Seeded mutation fuzzing of `fipbounds run` (every shipped input file) and `fipbounds eval` (every
module's keys), issue 18. Standard library only.

Each case runs the executable once with a per-case time limit and is a failure of one kind:
  signal      the process died from a signal (segfault, abort, ...)
  sanitizer   an AddressSanitizer / UndefinedBehaviorSanitizer report on stderr (sanitizer build)
  hang        it did not finish within the time limit
  accepted    exit 0 (or 3, 4: it ran) on an input that must be refused with exit 2
  status      an exit status outside the documented set {0, 1, 2, 3, 4}
Mutations that must be refused (exit 2): a NUL byte, an unknown key or section, a value that is not
a number or is out of range for its key, an input with no key, eval keys given twice, unknown eval
keys, non-numbers for numeric eval keys. Other mutations (byte flips, deleted, duplicated or
swapped lines, long lines, random bytes) only have to end in a documented status.

usage: fuzz_cli.py FIPBOUNDS SOURCE_DIR [--cases N] [--seed S] [--timeout SECONDS] [--keep DIR]
Runs scans capped at 3 points (run.max_points) on one rank so that a case takes about a second.
Prints the failures and a summary line; exit 1 if any case failed.
"""
import argparse
import collections
import os
import random
import re
import subprocess
import sys
import tempfile
import time

DOCUMENTED = {0, 1, 2, 3, 4}
SANITIZER = re.compile(r"ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer|UndefinedBehaviorSanitizer")


def run_case(cmd, timeout, env, cwd):
    t0 = time.time()
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout, env=env, cwd=cwd)
    except subprocess.TimeoutExpired as e:
        return None, (e.stderr or b"").decode("utf-8", "replace"), time.time() - t0
    return p.returncode, p.stderr.decode("utf-8", "replace"), time.time() - t0


def classify(rc, err, must_refuse):
    if rc is None:
        return "hang"
    if SANITIZER.search(err):
        return "sanitizer"
    if rc < 0:
        return "signal"
    if rc not in DOCUMENTED:
        return "status"
    if must_refuse and rc != 2:
        return "accepted"
    return None


# ------------------------------------------------------------------ input-file mutations
def key_lines(lines):
    return [i for i, l in enumerate(lines) if re.match(r"^\s*[A-Za-z_][A-Za-z0-9_]*\s*=", l)]


def mutate_input(text, rng):
    """Return (mutated bytes, mutation name, must_refuse)."""
    lines = text.split("\n")
    keys = key_lines(lines)
    kind = rng.choice(["nul", "unknown_key", "unknown_section", "not_a_number", "out_of_range", "empty",
                       "comments_only", "flip", "delete_line", "dup_line", "swap_lines", "long_line",
                       "random_bytes", "truncate", "crlf", "bom"])
    data = text.encode()
    if kind == "nul":
        pos = rng.randrange(len(data) + 1)
        return data[:pos] + b"\0" + data[pos:], kind, True
    if kind == "unknown_key" and keys:
        i = rng.choice(keys)
        lines.insert(i + 1, "fuzz_no_such_key_%d = 1" % rng.randrange(1000))
        return "\n".join(lines).encode(), kind, True
    if kind == "unknown_section":
        lines.append("[fuzz_section_%d]" % rng.randrange(1000))
        lines.append("x = 1")
        return "\n".join(lines).encode(), kind, True
    if kind in ("not_a_number", "out_of_range") and keys:
        # only numeric keys of [grid] are known to be numeric with a range here
        nk = [i for i in keys if re.match(r"^\s*(n_mass|n_coupling|mass_min_GeV|mass_max_GeV|coupling_min|coupling_max)\s*=", lines[i])]
        if nk:
            i = rng.choice(nk)
            k = lines[i].split("=")[0]
            # out of range for every model: counts below 1 or above 100000; axis ends beyond +-1e30
            # (an axis may be negative or zero, e.g. Delta N_eff in sbbn: only the bounds are sure)
            if kind == "not_a_number":
                v = rng.choice(["abc", "1e", "--3", "0x", "nan", "1,5", "", "  "])
            elif k.strip().startswith("n_"):
                v = rng.choice(["-1", "0", "100001", "1e300"])
            else:
                v = rng.choice(["1e31", "-1e31", "1e300", "-1e300", "1e999", "inf"])
            lines[i] = k + "= " + v
            return "\n".join(lines).encode(), kind, True
    if kind == "empty":
        return b"", kind, True
    if kind == "comments_only":
        return "\n".join("; " + l for l in lines).encode(), kind, True
    if kind == "flip" and data:
        b = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            b[rng.randrange(len(b))] = rng.randrange(1, 256)
        return bytes(b).replace(b"\0", b"\1"), kind, False
    if kind == "delete_line" and lines:
        del lines[rng.randrange(len(lines))]
    elif kind == "dup_line" and lines:
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
    elif kind == "swap_lines" and len(lines) > 1:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "long_line":
        lines.insert(rng.randrange(len(lines) + 1), rng.choice([";", "x = ", "[", "n_mass = 1"]) + "9" * rng.choice([100, 5000, 70000]))
    elif kind == "random_bytes":
        pos = rng.randrange(len(data) + 1)
        junk = bytes(rng.randrange(1, 256) for _ in range(rng.randint(1, 64)))
        return data[:pos] + junk + data[pos:], kind, False
    elif kind == "truncate":
        return data[: rng.randrange(len(data) + 1)], kind, False
    elif kind == "crlf":
        return data.replace(b"\n", b"\r\n"), kind, False
    elif kind == "bom":
        return b"\xef\xbb\xbf" + data, kind, False
    return "\n".join(lines).encode(), kind, False


# ------------------------------------------------------------------ eval mutations
def eval_modules(exe):
    out = subprocess.run([exe, "eval", "--help"], stdout=subprocess.PIPE, text=True).stdout
    mods, cur = {}, None
    for line in out.splitlines():
        m = re.match(r"^  ([a-z0-9-]+): ", line)
        if m:
            cur = m.group(1)
            mods[cur] = []
            continue
        m = re.match(r"^      ([A-Za-z0-9_]+)=(\S+)\s.*?(?:, (\S+) < value <= (\S+))? \((default [^)]*|required)\)$", line)
        if m and cur:
            name, choices = m.group(1), m.group(2)
            lo, hi = m.group(3), m.group(4)
            mods[cur].append({"name": name, "choices": None if choices == "<value>" else choices.split("|"),
                              "min": float(lo) if lo else None, "max": float(hi) if hi else None,
                              "required": m.group(5) == "required"})
    return mods


def valid_value(p, rng):
    if p["choices"]:
        return rng.choice(p["choices"])
    lo, hi = p["min"], p["max"]
    if lo is not None and hi is not None and lo >= 0 and hi > 0:
        a = max(lo, hi * 1e-12) if lo == 0 else lo
        return "%.6g" % (a * (hi / a) ** rng.random()) if hi / a > 10 else "%.6g" % (a + (hi - a) * rng.random())
    return "%.6g" % ((lo or -1) + ((hi or 1) - (lo or -1)) * rng.random())


def mutate_eval(mods, rng):
    mod = rng.choice(sorted(mods))
    params = mods[mod]
    args = {p["name"]: valid_value(p, rng) for p in params if p["required"] or rng.random() < 0.5}
    order = list(args.items())
    kind = rng.choice(["valid", "duplicate", "unknown_key", "not_a_number", "edge", "edge", "no_equals"])
    must = kind in ("duplicate", "unknown_key", "not_a_number", "no_equals")
    if kind == "duplicate":
        if not order:  # every key optional and none drawn: nothing to give twice
            must = False
        else:
            k, v = rng.choice(order)
            order.append((k, rng.choice([v, valid_value(next(p for p in params if p["name"] == k), rng)])))
    elif kind == "unknown_key":
        order.append(("fuzz_key_%d" % rng.randrange(100), "1"))
    elif kind == "not_a_number":
        num = [p for p in params if not p["choices"]]
        if not num:
            must = False
        else:
            p = rng.choice(num)
            args[p["name"]] = rng.choice(["abc", "1e", "", "0x1g", "nan", "inf", "1,2", "--1"])
            order = list(args.items())
    elif kind == "edge" and params:
        p = rng.choice(params)
        edge = ["0", "-0", "-1", "1e-320", "1e308", "1e-300", "5e-324", "1", "2.0000000001"]
        if p["min"] is not None:
            edge += ["%.17g" % p["min"], "%.17g" % p["max"], "%.17g" % (p["max"] * (1 + 1e-15))]
        args[p["name"]] = rng.choice(edge + (p["choices"] or []) + ["X" * rng.choice([1, 300, 10000])])
        order = list(args.items())
    argv = ["%s=%s" % kv for kv in order]
    if kind == "no_equals":
        argv.append("justaword")
    if rng.random() < 0.5:
        argv.append("--json")
    rng.shuffle(argv)
    return mod, argv, kind, must


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("exe")
    ap.add_argument("src")
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--keep", default=None, help="directory to keep the inputs of failed cases")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    inputs_dir = os.path.join(a.src, "inputs")
    inputs = sorted(f for f in os.listdir(inputs_dir) if f.endswith(".ini") and f != "explanatory.ini")
    texts = {f: open(os.path.join(inputs_dir, f), encoding="utf-8").read() for f in inputs}
    mods = eval_modules(a.exe)
    if not inputs or not mods:
        print("FAIL: no inputs or no eval modules found")
        return 1
    env = dict(os.environ)
    env.setdefault("ASAN_OPTIONS", "detect_leaks=0")
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1")
    failures = collections.Counter()
    by_kind = collections.Counter()
    statuses = collections.Counter()
    t_start = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        # the shipped profile is found relative to the source tree
        os.symlink(inputs_dir, os.path.join(tmp, "inputs"))
        for case in range(a.cases):
            if case % 2 == 0:
                name = inputs[(case // 2) % len(inputs)]
                data, kind, must = mutate_input(texts[name], rng)
                path = os.path.join(tmp, "case.ini")
                with open(path, "wb") as f:
                    f.write(data)
                cmd = [a.exe, "run", path, "-o", os.path.join(tmp, "out.h5"), "--overwrite", "--set", "run.max_points=3",
                       "--set", "run.log_level=error"]
                # side files of the models (target CSVs, band CSVs) go to the temporary directory
                label = "run %s [%s]" % (name, kind)
            else:
                mod, argv, kind, must = mutate_eval(mods, rng)
                cmd = [a.exe, "eval", mod] + argv
                data = None
                label = "eval %s [%s] %s" % (mod, kind, " ".join(x[:60] for x in argv))
            rc, err, dt = run_case(cmd, a.timeout, env, tmp)
            by_kind[("run " if case % 2 == 0 else "eval ") + kind] += 1
            statuses[rc] += 1
            verdict = classify(rc, err, must)
            if verdict:
                failures[verdict] += 1
                print("FAIL %-9s case %d: %s: exit %s\n  %s" % (verdict, case, label, rc, err.strip()[-600:].replace("\n", "\n  ")))
                if a.keep and data is not None:
                    os.makedirs(a.keep, exist_ok=True)
                    with open(os.path.join(a.keep, "case%d.ini" % case), "wb") as f:
                        f.write(data)
    total = sum(failures.values())
    dt = time.time() - t_start
    print("mutation kinds: " + ", ".join("%s %d" % kv for kv in sorted(by_kind.items())))
    print("exit statuses: " + ", ".join("%s: %d" % (("timeout" if k is None else k), v) for k, v in sorted(statuses.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))))
    print("fuzz: %d cases (seed %d) in %.0f s: %d failures (signal %d, sanitizer %d, hang %d, accepted %d, status %d)" % (
        a.cases, a.seed, dt, total, failures["signal"], failures["sanitizer"], failures["hang"], failures["accepted"],
        failures["status"]))
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
