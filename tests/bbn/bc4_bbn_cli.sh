#!/usr/bin/env bash
# The BC4/BC5 BBN planes from the command line: a small bc4_bbn scan (2 masses x 3 mixings) and a bc5_bbn
# one, /bounds/bbn written with the production named in its attributes; the production switch; the
# example input inputs/bc4_bbn.ini parses (fipbounds run --help is not a parser: a 1 x 1 override run).
set -uo pipefail
exe=$1
src_dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
grid() { # model, output, extra section text
  cat <<INI
[run]
output = $tmp/$2.h5
[model]
name = $1
[grid]
mass_min_GeV = 0.3
mass_max_GeV = 1.0
n_mass = 2
mass_spacing = log
coupling_min = 1e-20
coupling_max = 1e-12
n_coupling = 3
coupling_spacing = log
$3
INI
}
grid bc4_bbn a "" > "$tmp/a.ini"
grid bc5_bbn b "" > "$tmp/b.ini"
grid bc4_bbn c "[bc4_bbn]
production = false" > "$tmp/c.ini"
for x in a b c; do
  if ! "$exe" run "$tmp/$x.ini" > "$tmp/$x.log" 2>&1; then echo "FAIL: scan $x"; cat "$tmp/$x.log"; fails=$((fails+1)); fi
done
/usr/bin/python3 - "$tmp" <<'PY' || fails=$((fails+1))
import h5py, sys, numpy as np
t = sys.argv[1]
def load(x):
    f = h5py.File(f"{t}/{x}.h5", "r")
    return f, f["/quantities/tau_s"][...], f["/quantities/n_over_ngamma_T0"][...], f["/bounds/bbn/excluded"][...]
fa, tau_a, ng_a, ex_a = load("a")
fb, tau_b, ng_b, ex_b = load("b")
fc, tau_c, ng_c, ex_c = load("c")
assert (fa["/status"][...] == 0).all() and (fb["/status"][...] == 0).all(), (fa["/status"][...], fb["/status"][...])
# same decays: bc4 and bc5 lifetimes equal; tau ~ 1/sin2theta
assert np.allclose(tau_a, tau_b, rtol=1e-12), (tau_a, tau_b)
assert np.allclose(tau_a[:, 0] / tau_a[:, 1], 1e4, rtol=1e-9), tau_a
# mixing 1e-20 (tau 1e3-1e4 s) and 1e-16 (0.2-3 s): excluded in bc5 (thermal S); 1e-12 (tau < 1e-3 s): standard BBN
assert ex_b[:, 0].all() and ex_b[:, 1].all() and not ex_b[:, 2].any(), ex_b
# bc4: freeze-in abundance ~ sin2theta (less the decays before T0: tau = 0.03 s at 1 GeV), far below bc5's
r = ng_a[:, 1] / ng_a[:, 0]
assert (ng_a[:, 0] < 1e-3 * ng_b[:, 0]).all() and (r > 0.6e4).all() and (r < 1.01e4).all(), (ng_a, ng_b)
# the production switch: decays and inverse decays only give less
assert (ng_c[:, :2] < ng_a[:, :2]).all(), (ng_c, ng_a)
crit = fa["/bounds/bbn"].attrs
text = " ".join(str(v) for v in crit.values())
assert "Yukawa" in text, text
print("bc4_bbn/bc5_bbn scans ok: n/n_gamma bc4", ng_a[:, :2].tolist(), "bc5", ng_b[:, :2].tolist())
PY
# eval bbn-decay with the BC4 decay record (abundance given): the scan's point at m = 0.3 GeV, 1e-16 again
e=$("$exe" eval bbn-decay model=bc4 mass_GeV=0.3 coupling=1e-16 n_over_ngamma=1e-3 --json) || { echo "FAIL: eval bbn-decay model=bc4"; fails=$((fails+1)); }
/usr/bin/python3 - "$e" <<'PY' || fails=$((fails+1))
import json, sys
d = json.loads(sys.argv[1])
assert 1.0 < d["tau_s"] < 4.0 and d["n_pi_charged"] > 0.5 and d["excluded"] == 1, d
print("eval bbn-decay model=bc4 ok: tau", d["tau_s"], "delta_chi2", d["delta_chi2"])
PY
# a strongly coupled point where X stays in equilibrium deep in its Boltzmann tail (bc5, 1 GeV, tau ~ 1e-4 s):
# the number and energy equations fail there, the plane falls back to the number equation with the
# kinetic momentum, which is what momentum=kinetic gives (regression: it was an error, session 8)
e1=$("$exe" eval bbn-decay model=bc5 mass_GeV=1 coupling=1e-6 --json) || { echo "FAIL: eval bbn-decay model=bc5 at 1 GeV, 1e-6"; fails=$((fails+1)); }
e2=$("$exe" eval bbn-decay model=bc5 mass_GeV=1 coupling=1e-6 momentum=kinetic --json) || fails=$((fails+1))
/usr/bin/python3 - "$e1" "$e2" <<'PY' || fails=$((fails+1))
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
assert abs(a["p_mean_T0_MeV"] / b["p_mean_T0_MeV"] - 1) < 1e-9 and a["Yp"] == b["Yp"], (a, b)
print("bc5 1 GeV strongly coupled: energy equations fall back to the kinetic momentum", a["p_mean_T0_MeV"])
PY
# the example input runs on a 1 x 1 override
if ! "$exe" run "$src_dir/inputs/bc4_bbn.ini" -o "$tmp/e.h5" --set grid.n_mass=1 --set grid.n_coupling=1 --set grid.mass_min_GeV=0.5 --set grid.coupling_min=1e-16 > "$tmp/e.log" 2>&1; then
  echo "FAIL: inputs/bc4_bbn.ini"; cat "$tmp/e.log"; fails=$((fails+1))
fi
[ $fails -eq 0 ] && echo "all BC4/BC5 BBN CLI checks passed"
exit $fails
