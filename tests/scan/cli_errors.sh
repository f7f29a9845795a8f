#!/usr/bin/env bash
# Command-line and input errors: exit status 2 and a message naming file, line, key and range;
# --version, help and eval output.
set -uo pipefail
exe=$1; src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tools/mpi-env.sh"
. "$(dirname "$0")/expect_lib.sh"
bad() { printf '%s\n' "$@" > "$tmp/bad.ini"; }

expect 0 'fipbounds [0-9]+\.[0-9]+' -- "$exe" --version
expect 0 'usage:' -- "$exe" help
expect 0 'fipbounds run INPUT.ini' -- "$exe" run --help
expect 2 'usage:' -- "$exe"
expect 2 "unknown command 'frobnicate'" -- "$exe" frobnicate
expect 2 'no input file' -- "$exe" run
expect 2 "cannot open input file '$tmp/none.ini'" -- "$exe" run "$tmp/none.ini"

bad '[grid]' 'n_mass = 0'
expect 2 "bad.ini:2.*n_mass.*0.*1 <= n_mass <= 100000" -- "$exe" run "$tmp/bad.ini"
bad '[grid]' 'mass_min_GeV = 1e-3x'
expect 2 "bad.ini:2.*mass_min_GeV.*1e-3x" -- "$exe" run "$tmp/bad.ini"
bad '[grid]' 'mass_spacing = cubic'
expect 2 "bad.ini:2.*mass_spacing.*log, linear" -- "$exe" run "$tmp/bad.ini"
bad '[grdi]' 'n_mass = 10'
expect 2 "bad.ini:1.*grdi" -- "$exe" run "$tmp/bad.ini"
bad '[grid]' 'n_mas = 10'
expect 2 "bad.ini:2.*n_mas.*n_mass" -- "$exe" run "$tmp/bad.ini"
bad '[model]' 'name = bc99'
expect 2 "bad.ini:2.*name.*bc99.*bc1" -- "$exe" run "$tmp/bad.ini"
bad '[grid]' 'mass_min_GeV = 5' 'mass_max_GeV = 1'
expect 2 "bad.ini:3.*mass_max_GeV.*larger than mass_min_GeV = 5 (.*bad.ini:2)" -- "$exe" run "$tmp/bad.ini"
bad '[grid]' 'coupling_min = -1e-5'
expect 2 "bad.ini:2.*coupling_min.*must be > 0 when coupling_spacing = log" -- "$exe" run "$tmp/bad.ini"
bad '[grid]' 'n_mass = 10'
expect 2 "--set grid.n_coupling=-4.*n_coupling" -- "$exe" run "$tmp/bad.ini" --set grid.n_coupling=-4
expect 2 "--set grid.bogus=1" -- "$exe" run "$tmp/bad.ini" --set grid.bogus=1
expect 2 "unknown or incomplete option '--frob'" -- "$exe" run "$tmp/bad.ini" --frob
bad '[run]' 'chunk_size = 5000'
expect 2 "bad.ini:2.*chunk_size = 5000.*1 <= chunk_size <= 4096" -- "$exe" run "$tmp/bad.ini"
# output files: an existing file is neither replaced nor continued silently; unwritable paths are
# input errors found before any work is done
bad '[grid]' 'n_mass = 3' 'n_coupling = 2'
expect 0 "done" -- "$exe" run "$tmp/bad.ini" -o "$tmp/exists.h5"
expect 2 "exists.h5' exists: continue it with --resume or replace it with --overwrite" -- "$exe" run "$tmp/bad.ini" -o "$tmp/exists.h5"
expect 0 "done" -- "$exe" run "$tmp/bad.ini" -o "$tmp/exists.h5" --overwrite
expect 0 "0 to compute now, 6 done before" -- "$exe" run "$tmp/bad.ini" -o "$tmp/exists.h5" --resume
expect 2 "exclude each other" -- "$exe" run "$tmp/bad.ini" -o "$tmp/exists.h5" --resume --overwrite
# missing parent directories are made; a parent that is a regular file is an input error
expect 0 "done" -- "$exe" run "$tmp/bad.ini" -o "$tmp/new/sub/dir/x.h5"
test -f "$tmp/new/sub/dir/x.h5" || { echo "FAIL: $tmp/new/sub/dir/x.h5 was not written"; fails=$((fails+1)); }
: > "$tmp/plainfile"
expect 2 "cannot write the output file '$tmp/plainfile/dir/x.h5'" -- "$exe" run "$tmp/bad.ini" -o "$tmp/plainfile/dir/x.h5"
expect 2 "cannot write the output file '$tmp/'" -- "$exe" run "$tmp/bad.ini" -o "$tmp/" --overwrite
expect 2 "output file name is empty" -- "$exe" run "$tmp/bad.ini" -o ""
expect 2 "cannot open '$tmp/none.h5' to resume" -- "$exe" run "$tmp/bad.ini" -o "$tmp/none.h5" --resume
# resuming with another grid is refused
expect 2 "different coupling grid" -- "$exe" run "$tmp/bad.ini" -o "$tmp/exists.h5" --resume --set grid.coupling_min=1e-9
# an input error under MPI: every rank exits 2, the message is printed exactly once
out=$(mpirun -n 2 "$exe" run "$tmp/bad.ini" --set grid.n_coupling=0 2>&1); rc=$?
if [ "$rc" -ne 2 ] || [ "$(grep -c 'n_coupling = 0 is out of range' <<<"$out")" -ne 1 ]; then
  echo "FAIL: 2-rank input error: exit $rc, message count $(grep -c 'n_coupling = 0 is out of range' <<<"$out")"; echo "$out"; fails=$((fails+1))
else
  echo "ok: 2-rank input error reported once, exit 2"
fi

expect 2 'missing parameter epsilon' -- "$exe" eval darkphoton mass_GeV=0.01
expect 2 'epsilon = 2 is out of range' -- "$exe" eval darkphoton mass_GeV=0.01 epsilon=2
expect 2 "unknown module 'axion'" -- "$exe" eval axion
expect 2 "unknown parameter 'mass'" -- "$exe" eval darkphoton mass=0.01 epsilon=1e-4
expect 0 '"ctau_m": ' -- "$exe" eval darkphoton mass_GeV=0.01 epsilon=1e-4 --json

# eval --json is one JSON object with the documented keys; c*tau(10 MeV, 1e-4) = 0.81 mm
json=$("$exe" eval darkphoton mass_GeV=0.01 epsilon=1e-4 --json)
if ! /usr/bin/python3 -c '
import json, sys
d = json.loads(sys.argv[1])
for k in ("width_GeV", "tau_s", "ctau_m", "br_ee", "br_mumu", "br_tautau", "br_hadrons"):
    assert k in d, k
assert round(d["ctau_m"] * 1e3, 2) == 0.81, d["ctau_m"]
assert abs(d["br_ee"] - 1) < 1e-12
' "$json"; then echo "FAIL: eval --json output: $json"; fails=$((fails+1)); else echo "ok: eval --json parses, ctau = 0.81 mm"; fi

# boolean words of input files work in eval too
expect 0 '"eps_high": ' -- "$exe" eval sn1987a model=bc1 mass_GeV=0.02 absorption=true --json
expect 0 '"eps_high": ' -- "$exe" eval sn1987a model=bc1 mass_GeV=0.02 absorption=false --json
# particle models: one naming scheme, old names as aliases with a note, the real valid range
expect 0 "'darkphoton' is an old name of model 'bc1'" -- "$exe" eval darkphoton mass_GeV=0.01 epsilon=1e-4
expect 0 "'g_agg' is an old name of 'g_agamma'" -- "$exe" eval bc9 mass_GeV=0.1 g_agg=1e-5
expect 2 'allowed 0.00102' -- "$exe" eval bc1 mass_GeV=1000 coupling=1e-4
expect 2 'mass_GeV = 13 is out of range' -- "$exe" eval bc1 mass_GeV=13 coupling=1e-4
expect 2 'the coupling is given twice' -- "$exe" eval bc1 mass_GeV=0.1 coupling=1e-4 epsilon=1e-5
expect 0 '12' -- "$exe" eval bc1 --help
models=$("$exe" models --json)
if ! /usr/bin/python3 -c '
import json, sys
d = json.loads(sys.argv[1])
names = {m["name"] for m in d["particle_models"]}
assert {"bc1", "bc3", "bc9"} <= names, names
scan = {m["name"]: m for m in d["scan_models"]}
assert scan["bc9"]["coupling"] == "g_agamma" and scan["bc9_sn"]["coupling"] == "g_agamma"
for m in d["particle_models"]:
    assert m["mass_max_GeV"] > m["mass_min_GeV"] >= 0
' "$models"; then echo "FAIL: models --json: $models"; fails=$((fails+1)); else echo "ok: models --json lists the particle and scan models"; fi

echo "$fails failed"
[ "$fails" -eq 0 ]
