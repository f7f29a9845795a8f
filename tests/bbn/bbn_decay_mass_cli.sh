#!/usr/bin/env bash
# The generic (m_X, tau_X) plane at fixed abundance (model bbn_decay_mass, issue 14 "A generic model over
# (m, tau) at fixed abundance"): every point must be the generic `eval bbn-decay` point (tau, m Y) at that
# mass (the same solve, tolerance 1e-12 relative); with charged pions the result depends on m_X (n_X = m Y / m),
# and a mass that cannot make the pions per decay fails for that point only (status != 0, message in the file).
set -uo pipefail
exe=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/s.ini" <<INI
[run]
output = $tmp/s.h5
[model]
name = bbn_decay_mass
[grid]
mass_min_GeV = 0.1
mass_max_GeV = 2
n_mass = 3
mass_spacing = log
coupling_min = 0.03
coupling_max = 10
n_coupling = 3
coupling_spacing = log
[bbn_decay_mass]
mY_GeV = 1e-7
f_em = 0.5
f_nu = 0.5
n_pi_minus = 0.5
n_pi_plus = 0.5
INI
"$exe" run "$tmp/s.ini" > "$tmp/run.log" 2>&1 || { echo "FAIL: scan"; cat "$tmp/run.log"; exit 1; }
/usr/bin/python3 - "$exe" "$tmp/s.h5" <<'PY'
import h5py, json, subprocess, sys
exe, path = sys.argv[1], sys.argv[2]
with h5py.File(path, "r") as f:
    m = f["/grid/mass"][...]; tau = f["/grid/coupling"][...]; st = f["/status"][...]
    q = {k: f["/quantities/" + k][...] for k in ("Yp", "D_H", "delta_chi2", "Neff_rec")}
    assert f["/bounds/bbn"].attrs["mY_GeV"] == 1e-7
    msgs = f["/status_messages"][...] if "/status_messages" in f else []
# m = 0.1 GeV < 1 charged pion per decay x m_pi: that row fails, the others are computed
assert (st[0] != 0).all() and (st[1:] == 0).all(), st
text = " ".join(x.decode() if isinstance(x, bytes) else str(x) for x in msgs.ravel()) if len(msgs) else ""
assert "charged pions per decay" in text, text
for i in (1, 2):
    for j in range(3):
        out = subprocess.run([exe, "eval", "bbn-decay", f"mass_GeV={m[i]!r}", f"tau_s={tau[j]!r}", "mY_GeV=1e-7",
                              "f_em=0.5", "f_nu=0.5", "n_pi_minus=0.5", "n_pi_plus=0.5", "--json"],
                             capture_output=True, text=True, check=True).stdout
        e = json.loads(out)
        for k, ek in (("Yp", "Yp"), ("D_H", "D_H"), ("delta_chi2", "delta_chi2"), ("Neff_rec", "Neff_rec")):
            a, b = q[k][i, j], e[ek]
            assert abs(a - b) <= 1e-12 * abs(b) + 1e-15, (k, m[i], tau[j], a, b)
# pions make the result depend on the mass at fixed m Y (n_X = m Y / m): short lifetimes, 0.45 vs 2 GeV
assert abs(q["Yp"][1, 0] - q["Yp"][2, 0]) > 1e-4, q["Yp"]
print("bbn_decay_mass: 6 points = eval bbn-decay to 1e-12; Yp at tau = 0.03 s:", q["Yp"][1, 0], q["Yp"][2, 0])
PY
