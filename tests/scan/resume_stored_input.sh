#!/usr/bin/env bash
# issue 17: `fipbounds run --resume -o OUT.h5` without INPUT.ini continues the run with the input
# stored in the file (/input/resolved: every --set included), computes only the missing points,
# and ends with the same file as the uninterrupted run; a file without it is refused with exit 2.
# Usage: resume_stored_input.sh EXE SOURCE_DIR
set -u
exe=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
"$exe" run "$src/inputs/bc4_default.ini" -o full.h5 --set grid.n_mass=30 --set grid.n_coupling=10 \
  --set bc4.hadronic=switch --set run.log_level=warning || { echo "FAIL: first run"; exit 1; }
cp full.h5 part.h5
# an interrupted run: the last half of the masses not computed yet
/usr/bin/python3 -c "
import h5py
f = h5py.File('part.h5', 'r+')
s = f['status'][:]; s[15:, :] = -1; f['status'][...] = s
for q in f['quantities']: d = f['quantities'][q][:]; d[15:, :] = float('nan'); f['quantities'][q][...] = d
f.attrs['complete'] = 0"
out=$("$exe" run --resume -o part.h5 --set run.log_level=info 2>&1) || { echo "FAIL: resume without input: $out"; exit 1; }
grep -q "computed 150 points" <<<"$out" || { echo "FAIL: resume did not compute exactly the 150 missing points: $out"; exit 1; }
h5diff -d 0 part.h5 full.h5 /quantities /quantities >/dev/null || { echo "FAIL: resumed quantities differ"; exit 1; }
h5diff part.h5 full.h5 /input/bc4 /input/bc4 >/dev/null || { echo "FAIL: [bc4] hadronic = switch was not taken from the file"; exit 1; }
out=$("$exe" run --resume -o none.h5 2>&1); rc=$?
[ "$rc" -eq 2 ] && grep -q "cannot open 'none.h5' to resume" <<<"$out" || { echo "FAIL: missing file: exit $rc: $out"; exit 1; }
out=$("$exe" run -o x.h5 2>&1); rc=$?
[ "$rc" -eq 2 ] && grep -q "no input file given" <<<"$out" || { echo "FAIL: no input without --resume: exit $rc"; exit 1; }
# issue 18 item 11: a side-file key (band_csv) may change on resume, and the same profile given by
# another path is the same input; another profile is still refused
"$exe" run "$src/inputs/bc1_sn1987a_default.ini" -o sn.h5 --set grid.n_mass=2 --set grid.n_coupling=2 \
  --set sn1987a.band_csv=a.csv --set sn1987a.profiles_systematic=none --set run.log_level=warning \
  --set "sn1987a.profile_file=$src/inputs/sn_profile_default.dat" || { echo "FAIL: sn run"; exit 1; }
"$exe" run "$src/inputs/bc1_sn1987a_default.ini" -o sn.h5 --resume --set grid.n_mass=2 --set grid.n_coupling=2 \
  --set sn1987a.band_csv=b.csv --set sn1987a.profiles_systematic=none --set run.log_level=warning \
  --set "sn1987a.profile_file=$src/inputs/../inputs/sn_profile_default.dat" ||
  { echo "FAIL: resume refused for another band_csv or another spelling of the same profile"; exit 1; }
cp "$src/inputs/sn_profile_default.dat" other.dat && echo "# changed" >> other.dat
out=$("$exe" run "$src/inputs/bc1_sn1987a_default.ini" -o sn.h5 --resume --set grid.n_mass=2 --set grid.n_coupling=2 \
  --set sn1987a.profiles_systematic=none --set sn1987a.profile_file=other.dat 2>&1); rc=$?
[ "$rc" -eq 2 ] && grep -q "another \[sn1987a\] profile_file" <<<"$out" || { echo "FAIL: another profile accepted: exit $rc: $out"; exit 1; }
echo "ok: --resume -o OUT.h5 takes the stored input (150 missing points computed, file identical)"
