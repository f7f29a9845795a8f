#!/usr/bin/env bash
# Freeze-in through the executable: `eval freezein-target` / `eval freezein-heavy` (JSON, errors),
# the freezein_light and freezein_heavy target-line models on 1 and 2 MPI ranks (identical files
# bit for bit, CSV, attributes), the Q from the scan equal to the eval value, and the plot tool.
set -euo pipefail
exe=$1; src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tools/mpi-env.sh"
"$exe" eval freezein-target mass_GeV=1e-3 --json > "$tmp/e.json"
"$exe" eval freezein-heavy mass_GeV=0.01 mA_GeV=0.3 alpha_D=0.5 --json > "$tmp/h.json"
if "$exe" eval freezein-target mass_GeV=-1 --json 2>"$tmp/err"; then echo "FAIL: negative mass accepted"; exit 1; fi
grep -q "mass_GeV" "$tmp/err"
if "$exe" eval freezein-heavy mass_GeV=0.01 mA_GeV=0.015 --json 2>"$tmp/err"; then echo "FAIL: m_A' < 2 m_chi accepted"; exit 1; fi
grep -q "mA_GeV" "$tmp/err"
common=(--set grid.n_mass=6 --set run.log_level=warning)
for model in light heavy; do
  in="$src/inputs/freezein_$model.ini"
  mpiexec -n 1 "$exe" run "$in" -o "$tmp/${model}1.h5" "${common[@]}" --set freezein.target_csv="$tmp/${model}1.csv"
  mpiexec -n 2 "$exe" run "$in" -o "$tmp/${model}2.h5" "${common[@]}" --set freezein.target_csv="$tmp/${model}2.csv"
  cmp "$tmp/${model}1.csv" "$tmp/${model}2.csv"
done
if "$exe" run "$src/inputs/freezein_light.ini" -o "$tmp/bad.h5" "${common[@]}" --set grid.n_coupling=2 \
  --set grid.coupling_max=10 2>"$tmp/err"; then
  echo "FAIL: freezein_light accepted n_coupling = 2"; exit 1
fi
grep -q "n_coupling" "$tmp/err"
/usr/bin/python3 - "$tmp" <<'PY'
import json, sys
import h5py, numpy as np
d = sys.argv[1]
e = json.load(open(f"{d}/e.json")); h = json.load(open(f"{d}/h.json"))
assert 1e-12 < e["Q"] < 1e-10 and abs(e["omega_h2_at_Q1"] * e["Q"] ** 2 / 0.12 - 1) < 1e-8, e
assert abs(sum(e["fraction_" + c] for c in ("ee", "mumu", "tautau", "hadrons", "plasmon_T", "plasmon_L")) - 1) < 1e-8
assert 1e-14 < h["epsilon"] < 1e-8 and abs(h["omega_h2"] / 0.12 - 1) < 1e-7, h
for model, cname in (("light", "Q"), ("heavy", "epsilon")):
    with h5py.File(f"{d}/{model}1.h5", "r") as f1, h5py.File(f"{d}/{model}2.h5", "r") as f2:
        g1, g2 = f1[f"targets/freezein_{model}"], f2[f"targets/freezein_{model}"]
        for k in ("mass_GeV", cname, "status"):
            a, b = g1[k][:], g2[k][:]
            assert a.shape == (6,) and a.tobytes() == b.tobytes(), (k, a, b)
        assert np.all(g1["status"][:] == 0) and np.all(np.isfinite(g1[cname][:]))
        assert g1.attrs["omega_h2"] == 0.12 and g1.attrs["T_reheat_GeV"] == 1e4
        if model == "heavy":
            assert g1.attrs["mass_chi_GeV"] == 0.01 and g1.attrs["alpha_D"] == 0.5
print("freezein scans ok: 1 and 2 ranks identical")
PY
# the eval value at a grid mass equals the scan's (same code path)
m=$(/usr/bin/python3 -c "import h5py; print(repr(float(h5py.File('$tmp/light1.h5','r')['targets/freezein_light/mass_GeV'][2])))")
q_eval=$("$exe" eval freezein-target mass_GeV="$m" --json | /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)['Q'])")
/usr/bin/python3 -c "
import h5py; q = h5py.File('$tmp/light1.h5','r')['targets/freezein_light/Q'][2]
assert abs(q / $q_eval - 1) < 1e-8, (q, $q_eval)"
/usr/bin/python3 "$src/tools/plot_freezein.py" "$tmp/light1.h5" "$tmp/heavy1.h5" -o "$tmp/fi.png" > /dev/null
test -s "$tmp/fi.png"
echo "ok"
