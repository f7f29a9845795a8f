#!/usr/bin/env bash
# `fipbounds eval bbn` / `eval bbn-decay` print the same bytes whatever the persistent set-up cache holds
# (issue 14 "Speed and scale"): cache off, cold (an empty cache directory: build and store), warm (loaded), and
# after the stored tables were corrupted (rejected, recomputed). And a 1 x 1 scan writes the same Yp.
set -uo pipefail
exe=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
cases=("eval bbn --json" "eval bbn-decay mass_GeV=1 tau_s=1 mY_GeV=1e-5 --json")
for i in "${!cases[@]}"; do
  c=${cases[$i]}
  cdir="$tmp/cache$i"
  FIPBOUNDS_CACHE_DIR=off $exe $c > "$tmp/off$i.json" || fail "$c (cache off)"
  FIPBOUNDS_CACHE_DIR="$cdir" $exe $c > "$tmp/cold$i.json" || fail "$c (cold)"
  ls "$cdir"/bbn_tables-*.bin > /dev/null 2>&1 || fail "$c: the cold run stored no tables in $cdir"
  ls "$cdir"/bbn_theory_node-*.bin > /dev/null 2>&1 || fail "$c: the cold run stored no theory-error node"
  FB_VERBOSE=1 FIPBOUNDS_CACHE_DIR="$cdir" $exe $c > "$tmp/warm$i.json" 2> "$tmp/warm$i.log" || fail "$c (warm)"
  grep -q "fb_cache: hit .*bbn_tables" "$tmp/warm$i.log" || fail "$c: the warm run did not load the tables"
  # a corrupt entry (bytes in the middle of the payload flipped): rejected by the checksum, recomputed
  for f in "$cdir"/bbn_tables-*.bin; do
    printf '\xff\xff\xff\xff\xff\xff\xff\xff' | dd of="$f" bs=1 seek=100000 conv=notrunc status=none
  done
  FB_VERBOSE=1 FIPBOUNDS_CACHE_DIR="$cdir" $exe $c > "$tmp/corrupt$i.json" 2> "$tmp/corrupt$i.log" ||
    fail "$c (corrupt entry)"
  grep -q "fb_cache: rejected .*checksum" "$tmp/corrupt$i.log" || fail "$c: the corrupt entry was not rejected"
  for m in cold warm corrupt; do
    cmp -s "$tmp/off$i.json" "$tmp/$m$i.json" || { fail "$c: output $m differs from cache off"; diff "$tmp/off$i.json" "$tmp/$m$i.json"; }
  done
  grep -q '"Yp": 0\.2' "$tmp/off$i.json" || fail "$c: no Yp in the output"
done
cat > "$tmp/s.ini" <<INI
[run]
output = $tmp/s.h5
[model]
name = sbbn
[grid]
mass_min_GeV = 0.022
mass_max_GeV = 0.022
n_mass = 1
coupling_min = 0
coupling_max = 0
n_coupling = 1
coupling_spacing = linear
mass_spacing = linear
INI
FIPBOUNDS_CACHE_DIR=off $exe run "$tmp/s.ini" > "$tmp/run.log" 2>&1 || { fail "sbbn 1 x 1 scan"; cat "$tmp/run.log"; }
/usr/bin/python3 - "$tmp/s.h5" "$tmp/off0.json" <<'PY' || fails=$((fails + 1))
import h5py, json, sys
with h5py.File(sys.argv[1], "r") as f:
    yp = f["/quantities/Yp"][...]
    assert yp.shape == (1, 1) and 0.24 < yp[0, 0] < 0.25, yp
print("scan file written: Yp", yp[0, 0])
PY
[ "$fails" -eq 0 ] && echo "eval output identity: all pass"
exit $((fails > 0))
