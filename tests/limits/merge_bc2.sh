#!/usr/bin/env bash
# An invisible dark-photon search merged onto BC2 planes (issue 17, "BC2 and the other planes"): a
# small Dirac scan at alpha_D = 0.5 and 0.1 (m_A' = 3 m_chi; 12 x 10 grid), a fixture limit
# (epsilon at m_A', decay=invisible, in MeV) merged into both; the stored /limits/<exp>/curve checked
# against m_chi = m_A'/R, y = alpha_D eps^2 / R^4 computed here from the fixture's numbers, the
# mask against the same formula; a visible limit, a limit derived for another alpha_D and a limit
# with no decay mode are refused with a message naming both, leaving the file unchanged.
set -euo pipefail
exe=$1; src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tools/mpi-env.sh" 2>/dev/null || true
cd "$src"
small=(--set grid.n_mass=12 --set grid.n_coupling=10 --set run.log_level=warning --set bc2.target_csv=none)
for aD in 0p5 0p1; do
  "$exe" run "inputs/bc2_dirac_aD${aD}.ini" -o "$tmp/bc2_${aD}.h5" "${small[@]}"
done
mkdir -p "$tmp/inv" "$tmp/vis" "$tmp/other" "$tmp/nodecay"
limit() { # dir experiment assumptions
  cat > "$1/$2.limit" <<EOT
# fipbounds-limit 1
# experiment: $2
# reference: arXiv:1702.03327
# benchmark: BC2
# x_quantity: m_Aprime
# x_unit: MeV
# y_quantity: epsilon
# y_unit:
# cl_percent: 90
# kind: upper_bound
# provenance: fixture of tests/limits/merge_bc2.sh
# licence: CC0
# assumptions: $3
20 1e-3
200 5e-4
2000 1e-3
EOT
}
limit "$tmp/inv" Inv "decay=invisible; dark_matter=none"
limit "$tmp/vis" Vis "decay=visible; dark_matter=none"
limit "$tmp/other" Other "decay=invisible; dark_matter=none; alpha_D=0.1; mass_ratio=3"
limit "$tmp/nodecay" NoDecay "dark_matter=none"

for aD in 0p5 0p1; do
  "$exe" merge "$tmp/bc2_${aD}.h5" --limits "$tmp/inv" --quiet
done
/usr/bin/python3 - "$tmp/bc2_0p5.h5" "$tmp/bc2_0p1.h5" <<'PY'
import sys, h5py, numpy as np
pts = np.array([[20e-3, 1e-3], [200e-3, 5e-4], [2000e-3, 1e-3]])  # the fixture: m_A' [GeV], eps
for path, aD in zip(sys.argv[1:], (0.5, 0.1)):
    with h5py.File(path, "r") as f:
        R = float(f["input/bc2"].attrs["ratio"])
        assert R == 3 and abs(float(f["input/bc2"].attrs["alpha_D"]) - aD) < 1e-12
        g = f["limits/Inv"]
        c = g["curve"][()]
        m_chi = pts[:, 0] / R
        y = aD * pts[:, 1] ** 2 * (m_chi / pts[:, 0]) ** 4  # y = alpha_D eps^2 (m_chi/m_A')^4
        assert np.allclose(c[:, 0], m_chi, rtol=1e-12, atol=0), (c, m_chi)
        assert np.allclose(c[:, 1], y, rtol=1e-12, atol=0), (c, y)
        assert "converted from epsilon" in g["curve"].attrs["description"].decode() if isinstance(
            g["curve"].attrs["description"], bytes) else "converted from epsilon" in g["curve"].attrs["description"]
        pa = g.attrs["plane_assumptions"]
        pa = pa.decode() if isinstance(pa, bytes) else pa
        assert "alpha_D=%g" % aD in pa and "mass_ratio=3" in pa, pa
        # mask: excluded where m_A' = R m_chi lies in [20 MeV, 2 GeV] and y >= the converted curve
        m = f["grid/mass"][()]; yy = f["grid/coupling"][()]; ex = g["excluded"][()]
        lm, lc = np.log10(c[:, 0]), np.log10(c[:, 1])
        n_ex = 0
        for i, mi in enumerate(m):
            inside = c[0, 0] <= mi <= c[-1, 0]
            ymin = 10 ** np.interp(np.log10(mi), lm, lc) if inside else np.inf
            for j, yj in enumerate(yy):
                if inside and abs(np.log10(yj / ymin)) < 1e-9:
                    continue
                assert ex[i, j] == (1 if yj >= ymin else 0), (path, mi, yj, ymin, ex[i, j])
                n_ex += ex[i, j]
        assert n_ex > 5, n_ex
        print("%s: %d points excluded by the converted fixture, curve = formula to 1e-12" % (path, n_ex))
PY
# refusals: a visible search, one derived for alpha_D = 0.1 on the 0.5 plane, one with no decay mode
cp "$tmp/bc2_0p5.h5" "$tmp/orig.h5"
for d in vis other nodecay; do
  if "$exe" merge "$tmp/bc2_0p5.h5" --limits "$tmp/$d" --quiet 2> "$tmp/err"; then
    echo "FAIL: merge accepted the $d limit on the BC2 plane"; exit 1
  fi
  cat "$tmp/err"
  cmp "$tmp/bc2_0p5.h5" "$tmp/orig.h5"
done
# the alpha_D = 0.1 limit fits the alpha_D = 0.1 plane
"$exe" merge "$tmp/bc2_0p1.h5" --limits "$tmp/other" --quiet

# direct detection (format 'table', DM-electron sigma_e in cm^2 at m_chi in MeV): imported by the CLI,
# merged onto the Dirac plane with y = sigma (m_A'^2 + (alpha m_e)^2)^2/(16 pi alpha mu^2 R^4)
# (arXiv:1108.5383 eq. 4) checked here, and refused by a Majorana plane (no elastic vector scattering)
printf 'mass [MeV],sigma_e [cm^2]\n10,9.89e-38\n100,1e-39\n1000,1e-39\n' > "$tmp/DDfix.csv"
"$exe" limits import table "$tmp/DDfix.csv" -o "$tmp/dd" --benchmark BC2 --y-quantity sigma_e --x-unit MeV \
  --reference arXiv:2407.05813 --experiment DDfix
"$exe" merge "$tmp/bc2_0p5.h5" --limits "$tmp/dd" --quiet
/usr/bin/python3 - "$tmp/bc2_0p5.h5" <<'PY'
import sys, h5py, numpy as np
with h5py.File(sys.argv[1], "r") as f:
    c = f["limits/DDfix/curve"][()]
m = np.array([0.01, 0.1, 1.0]); s = np.array([9.89e-38, 1e-39, 1e-39])
alpha, me, R = 7.2973525693e-3, 0.51099895e-3, 3.0
mu = m * me / (m + me)
y = s / 0.3893793721e-27 * ((R * m) ** 2 + (alpha * me) ** 2) ** 2 / (16 * np.pi * alpha * mu ** 2 * R ** 4)
assert np.allclose(c[:, 0], m, rtol=1e-12) and np.allclose(c[:, 1], y, rtol=1e-10), (c, y)
print("direct detection on the Dirac plane: curve = formula to 1e-10")
PY
"$exe" run inputs/bc2_majorana_aD0p5.ini -o "$tmp/maj.h5" "${small[@]}"
if "$exe" merge "$tmp/maj.h5" --limits "$tmp/dd" --quiet 2> "$tmp/err"; then
  echo "FAIL: merge put a direct-detection limit on the Majorana plane"; exit 1
fi
grep -q elastic_scattering "$tmp/err" || { cat "$tmp/err"; echo "FAIL: the refusal does not name elastic_scattering"; exit 1; }
cat "$tmp/err"
echo "merge_bc2: OK"
