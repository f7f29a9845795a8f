#!/bin/bash
# The shipped proto-neutron-star profiles (inputs/sn_profile_{default,cold,hot,mantle,mantle_cold,mantle_hot,mantle_compact}.dat) are remade bit for
# bit by tools/make_sn_profile.py with the command in their header (issue 16, docs/sn-profile.md 1b).
# To stay fast, every 16th data row is regenerated (--rows-stride 16: the enclosed mass and the lapse
# are still integrated on the full grid, so those rows are the full file's rows) and compared byte for
# byte with the same rows of the shipped file; the header's parameter line is compared too.
# Usage: test_sn_profiles_regen.sh SOURCE_DIR
set -u
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for v in default cold hot mantle mantle_cold mantle_hot mantle_compact; do
  shipped="$src/inputs/sn_profile_$v.dat"
  cmd=$(grep '^# command: ' "$shipped" | sed 's/^# command: //')
  if [ -z "$cmd" ]; then echo "FAIL: $shipped has no '# command:' header line"; fail=1; continue; fi
  case "$cmd" in "tools/make_sn_profile.py --variant $v -o inputs/sn_profile_$v.dat"*) ;;
    *) echo "FAIL: unexpected command in $shipped: $cmd"; fail=1; continue ;; esac
  extra=${cmd#"tools/make_sn_profile.py --variant $v -o inputs/sn_profile_$v.dat"}
  # shellcheck disable=SC2086
  if ! /usr/bin/python3 "$src/tools/make_sn_profile.py" --variant "$v" -o "$tmp/$v.dat" --rows-stride 16 $extra; then
    echo "FAIL: make_sn_profile.py --variant $v failed"; fail=1; continue
  fi
  grep -v '^#' "$shipped" | awk 'NR % 16 == 1' > "$tmp/$v.ref"
  grep -v '^#' "$tmp/$v.dat" > "$tmp/$v.new"
  n=$(wc -l < "$tmp/$v.new")
  if [ "$n" -lt 20 ]; then echo "FAIL: $v: only $n rows regenerated"; fail=1; continue; fi
  if ! cmp -s "$tmp/$v.ref" "$tmp/$v.new"; then
    echo "FAIL: $v: regenerated rows differ from $shipped:"; diff "$tmp/$v.ref" "$tmp/$v.new" | head -6; fail=1; continue
  fi
  if ! diff <(grep '^# made by' "$shipped") <(grep '^# made by' "$tmp/$v.dat") > /dev/null; then
    echo "FAIL: $v: parameter header line differs"; fail=1; continue
  fi
  echo "ok: $v ($n of $(grep -vc '^#' "$shipped") rows identical)"
done
exit $fail
