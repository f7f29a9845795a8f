#!/usr/bin/env bash
# Issue 18 items 6-10 and 12: hostile or degenerate input and the exit status.
#  6  a NUL byte in an input file: exit 2 naming the file, line and byte offset
#  9  an empty or comment-only input: exit 2 (unless --set gives the model); a run where every point
#     failed: exit 4 with the failures by status; some failed: exit 0 with a warning by status
#  7  the exit status is the same on every rank (a set-up error seen only by rank 0 on 3 ranks)
#  8  bad [sn1987a] values: exit 2 with file, line and key
#  10 eval refuses a key given twice
#  12 messages start with the user's file:line, the internal chain only with FB_VERBOSE=1
set -uo pipefail
exe=$1; src=$2
. "$(dirname "$0")/expect_lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tools/mpi-env.sh"
cd "$tmp"
small=(--set grid.n_mass=3 --set grid.n_coupling=2 --set run.log_level=warning)

# 6: NUL byte (the text before it is a valid input: without the check it would run)
printf '[model]\nname = bc1\n[grid]\nn_mass = 3\x00\nn_coupling = 2\n' > nul.ini
expect 2 '^fipbounds run: error \(FB_ERR_INPUT, rank 0\): nul.ini:4: NUL byte at byte offset 36' -- "$exe" run nul.ini -o nul.h5
[ ! -e nul.h5 ] || { echo "FAIL: a file was written for a NUL input"; fails=$((fails+1)); }

# 9: empty, comment-only, section-only inputs
: > empty.ini
printf '; only a comment\n# and another\n\n[grid]\n' > comments.ini
expect 2 'empty.ini: no key comes from the file' -- "$exe" run empty.ini -o e.h5
expect 2 'comments.ini: no key comes from the file' -- "$exe" run comments.ini -o c.h5
expect 0 'done in' -- "$exe" run comments.ini -o c.h5 --set model.name=bc1 --set run.log_level=info "${small[@]:0:4}"
# every point fails (below 2 m_e the dark photon has no SM decay): exit 4, failures by status
allbad=(--set grid.mass_min_GeV=1e-4 --set grid.mass_max_GeV=5e-4)
expect 4 '6 of 6 points failed: 6 with status 2 \(FB_ERR_RANGE\)' -- "$exe" run "$src/inputs/bc1_default.ini" -o all1.h5 "${small[@]}" "${allbad[@]}"
expect 4 'every one of the 6 points failed' -- mpirun -n 3 "$exe" run "$src/inputs/bc1_default.ini" -o all3.h5 "${small[@]}" "${allbad[@]}"
/usr/bin/python3 -c "import h5py,sys; f=h5py.File(sys.argv[1]); assert int(f.attrs['complete'])==1 and (f['status'][:]==2).all()" all3.h5 \
  || { echo "FAIL: the all-failed file is not complete"; fails=$((fails+1)); }
# some points fail: exit 0 and the warning
expect 0 '2 of 6 points failed: 2 with status 2' -- "$exe" run "$src/inputs/bc1_default.ini" -o some.h5 "${small[@]}" --set grid.mass_min_GeV=5e-4

# 7: a set-up error only rank 0 sees (the output is a directory): every rank exits 2, so mpirun does
mkdir outdir
for i in 1; do
  expect 2 "cannot write the output file 'outdir'" -- mpirun -n 3 "$exe" run "$src/inputs/bc1_default.ini" -o outdir "${small[@]}"
done

# 8: [sn1987a] values that do not fit the profile, and unusable profile files
printf '[model]\nname = bc1_sn\n[grid]\nn_mass = 2\nn_coupling = 2\n[sn1987a]\nr_far_km = 3\n' > sn.ini
expect 2 '^fipbounds run: error \(FB_ERR_INPUT, rank 0\): sn.ini:7: \[sn1987a\] r_far_km = 3 does not fit the profile: the emission radius' -- "$exe" run sn.ini -o sn.h5
expect 2 'sn1987a.r_emit_km=200: \[sn1987a\] r_emit_km = 200 does not fit the profile' -- "$exe" run sn.ini -o sn.h5 --set sn1987a.r_far_km=100 --set sn1987a.r_emit_km=200
expect 2 '\[sn1987a\] profile_file = missing.dat cannot be used: cannot open' -- "$exe" run sn.ini -o sn.h5 --set sn1987a.r_far_km=100 --set sn1987a.profile_file=missing.dat
expect 2 "\[sn1987a\] profile_file = $tmp cannot be used" -- mpirun -n 2 "$exe" run sn.ini -o sn.h5 --set sn1987a.r_far_km=100 --set "sn1987a.profile_file=$tmp"
printf '[model]\nname = bc9_sn\n[sn1987a]\nr_far_km = 3\n' > sn9.ini
expect 2 'sn9.ini:4: \[sn1987a\] r_far_km = 3' -- "$exe" run sn9.ini -o sn9.h5

# 10: eval keys given twice; "not a number" states the range
expect 2 "parameter 'model' given twice" -- "$exe" eval sn1987a model=bc1 model=bc9 mass_GeV=0.02
expect 2 "parameter 'mass_GeV' given twice" -- "$exe" eval darkphoton mass_GeV=0.01 epsilon=1e-4 mass_GeV=0.02
expect 2 "mass_GeV = 'x' is not a number: allowed 0.001022 < mass_GeV <= 12" -- "$exe" eval darkphoton mass_GeV=x epsilon=1e-4

# 10: the advertised eval ranges are the ones the modules accept (hb T_K: the quadrature failed
# below 1e7 K inside the old range 1e6..1e10)
expect 2 "T_K = 5e\+06 is out of range: allowed 1e\+07 < T_K <= 1e\+10" -- "$exe" eval hb T_K=5e6
expect 0 '"g_max_GeV": [0-9]' -- "$exe" eval hb T_K=1.01e7 core=polytrope mass_GeV=1e-5 --json
expect 2 "mass_GeV = 13 is out of range: allowed 0.001022 < mass_GeV <= 12" -- "$exe" eval darkphoton mass_GeV=13 epsilon=1e-4

# 12: the user's location first; the internal chain only on request
printf '[grid]\nn_mass = 0\n' > bad.ini
expect 2 '^fipbounds run: error \(FB_ERR_INPUT, rank 0\): bad.ini:2: \[grid\] n_mass = 0' -- "$exe" run bad.ini
out=$("$exe" run bad.ini 2>&1)
if grep -qE '[a-z_]+:[0-9]+: bad.ini|called from' <<<"$out"; then echo "FAIL: internal chain shown: $out"; fails=$((fails+1)); fi
FB_VERBOSE=1 expect 2 'bad.ini:2: \[grid\] n_mass = 0.*' -- "$exe" run bad.ini
out=$(FB_VERBOSE=1 "$exe" run bad.ini 2>&1)
grep -qE '^  internal: [a-z_]+:[0-9]+' <<<"$out" || { echo "FAIL: FB_VERBOSE=1 shows no chain: $out"; fails=$((fails+1)); }

[ "$fails" -eq 0 ] || { echo "$fails check(s) failed"; exit 1; }
echo "all checks passed"
