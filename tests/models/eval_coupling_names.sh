#!/usr/bin/env bash
# One naming scheme in the eval modules (issue 13): `eval sn1987a` takes the coupling as coupling=
# like late-decay, bbn-decay and cmb; epsilon=, its old name there, still works for every model, with
# a note naming the model's coupling where that is not epsilon; both at once are refused.
# Usage: eval_coupling_names.sh FIPBOUNDS
set -uo pipefail
exe=$1
fail() { echo "FAIL: $*"; exit 1; }
a=$("$exe" eval sn1987a model=bc9 mass_GeV=1e-4 coupling=1e-9 --json 2>&1) || fail "coupling= refused: $a"
grep -Eq '"luminosity_erg_s_at_g": [0-9.e+]+' <<<"$a" || fail "no luminosity at coupling=: $a"
grep -q "old name" <<<"$a" && fail "a note for the canonical key: $a"
b=$("$exe" eval sn1987a model=bc9 mass_GeV=1e-4 epsilon=1e-9 --json 2>&1) || fail "epsilon= refused: $b"
grep -q "for model bc9 'epsilon' is an old name of its coupling g_agamma; use coupling=" <<<"$b" || fail "no note: $b"
[ "$(grep -o '"luminosity_erg_s_at_g": [0-9.e+]*' <<<"$a")" = "$(grep -o '"luminosity_erg_s_at_g": [0-9.e+]*' <<<"$b")" ] ||
  fail "coupling= and epsilon= differ: $a / $b"
c=$("$exe" eval sn1987a model=bc1 mass_GeV=0.02 epsilon=1e-9 --json 2>&1) || fail "bc1 epsilon= refused: $c"
grep -q "old name" <<<"$c" && fail "bc1: epsilon is its coupling's own name, no note expected: $c"
if d=$("$exe" eval sn1987a model=bc9 mass_GeV=1e-4 coupling=1e-9 epsilon=1e-9 --json 2>&1); then
  fail "coupling= and epsilon= together accepted: $d"
fi
grep -q "give the coupling once" <<<"$d" || fail "unclear message: $d"
echo "eval sn1987a: coupling= and its old name epsilon= agree; note and refusal as documented"
