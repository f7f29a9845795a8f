#!/usr/bin/env bash
# Review fix: `eval cmb-decay` takes z_eff in [10, 1e4] for aniso_method=power only; every other method needs
# [100, 1200]. Out of it the eval exits 2 at once (also with model=bcN, before its scan point) with a message
# naming the key, the method and the allowed range; power accepts z_eff = 50.
# Usage: eval_cmb_z_eff.sh FIPBOUNDS
set -uo pipefail
exe=$1
fails=0
check() { # expected-method args...
  local meth=$1; shift
  msg=$("$exe" eval cmb-decay "$@" 2>&1 </dev/null); rc=$?
  if [ $rc -eq 2 ] && grep -q "z_eff = [0-9]* with aniso_method=$meth: allowed \[100, 1200\]" <<<"$msg"; then
    echo "ok: refused ($meth): $msg"
  else echo "FAIL: eval cmb-decay $*: exit $rc, '$msg'"; fails=$((fails+1)); fi
}
check visibility mass_GeV=0.01 tau_s=1e13 mY_GeV=1e-12 z_eff=50
check window mass_GeV=0.01 tau_s=1e13 mY_GeV=1e-12 z_eff=2000 aniso_method=window
check window_max mass_GeV=0.01 model=bc1 coupling=1e-15 z_eff=99 aniso_method=window_max
if ! "$exe" eval cmb-decay mass_GeV=0.01 tau_s=1e13 mY_GeV=1e-12 z_eff=50 aniso_method=power >/dev/null 2>&1; then
  echo "FAIL: aniso_method=power with z_eff = 50 refused"; fails=$((fails+1))
fi
[ $fails -eq 0 ] && echo ok
exit $fails
