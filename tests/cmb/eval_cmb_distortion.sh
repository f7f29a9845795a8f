#!/usr/bin/env bash
# `eval cmb-decay distortion=firas|branching` (issue 15): at tau = 1e10 s (mu-y transition) the FIRAS-band
# projection of the heating Green's function (default) gives 1.5-2.0x the mu of the branching ratios
# (tests/cmb/test_cmb_green.c: 1.83 against CLASS's exact/soft_soft = 1.82); at tau = 1e7 s (mu era) the two
# agree within 1 %; distortion=exact is refused with exit 2 naming the allowed values.
# Usage: eval_cmb_distortion.sh FIPBOUNDS
set -uo pipefail
exe=$1
mu() { "$exe" eval cmb-decay mass_GeV=0.1 mY_GeV=1e-12 aniso_method=power "$@" --json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["mu"])'; }
a=$(mu tau_s=1e10) && b=$(mu tau_s=1e10 distortion=branching) && c=$(mu tau_s=1e7) && d=$(mu tau_s=1e7 distortion=branching) || { echo "FAIL: eval"; exit 1; }
fails=0
/usr/bin/python3 - "$a" "$b" "$c" "$d" <<'PY' || fails=$((fails+1))
import sys
a, b, c, d = map(float, sys.argv[1:])
print(f"tau 1e10 s: mu firas {a:.4e} / branching {b:.4e} = {a/b:.3f}; tau 1e7 s: {c:.4e} / {d:.4e} = {c/d:.4f}")
sys.exit(0 if 1.5 < a / b < 2.0 and abs(c / d - 1) < 0.01 else 1)
PY
msg=$("$exe" eval cmb-decay mass_GeV=0.1 tau_s=1e10 mY_GeV=1e-12 distortion=exact 2>&1 </dev/null); rc=$?
if [ $rc -eq 2 ] && grep -q "firas|branching" <<<"$msg"; then echo "ok: refused: $msg"; else echo "FAIL: distortion=exact: exit $rc, '$msg'"; fails=$((fails+1)); fi
[ $fails -eq 0 ] && echo ok
exit $fails
