#!/usr/bin/env bash
# `eval cmb-decay deposition=...` (src/cmb/fb_cmb_dep.h, issue 15): for a decay to 500 keV photons (m = 1 MeV,
# tau = 1e22 s) R_aniso with deposition=photon_line over on_the_spot is the kernel's effective efficiency,
# 0.1-0.3 (test_cmb_dep measures 0.17 at 472 keV); model=bc9 with the default deposition (auto: the two-photon
# line) gives the same R_aniso as model=bc9 deposition=photon_line and a smaller one than on_the_spot;
# deposition=photon_line with aniso_method=power is refused (exit 2).
# Usage: eval_cmb_deposition.sh FIPBOUNDS
set -uo pipefail
exe=$1
fails=0
R() { "$exe" eval cmb-decay "$@" --json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["R_aniso"])'; }
r0=$(R mass_GeV=1e-3 tau_s=1e22 mY_GeV=1e-10 deposition=on_the_spot)
r1=$(R mass_GeV=1e-3 tau_s=1e22 mY_GeV=1e-10 deposition=photon_line)
q=$(/usr/bin/python3 -c "print($r1/$r0)")
echo "photon_line/on_the_spot at m = 1 MeV: $q"
/usr/bin/python3 -c "import sys; sys.exit(0 if 0.1 < $q < 0.3 else 1)" || { echo "FAIL: ratio $q"; fails=$((fails+1)); }
a=$(R model=bc9 mass_GeV=1e-3 coupling=1e-14)
b=$(R model=bc9 mass_GeV=1e-3 coupling=1e-14 deposition=photon_line)
c=$(R model=bc9 mass_GeV=1e-3 coupling=1e-14 deposition=on_the_spot)
echo "bc9 auto $a, photon_line $b, on_the_spot $c"
/usr/bin/python3 -c "import sys; sys.exit(0 if $a == $b and $a < 0.5 * $c else 1)" || { echo "FAIL: bc9 $a $b $c"; fails=$((fails+1)); }
"$exe" eval cmb-decay mass_GeV=1e-3 tau_s=1e22 mY_GeV=1e-10 deposition=photon_line aniso_method=power >/dev/null 2>&1
rc=$?
[ $rc -eq 2 ] || { echo "FAIL: power with photon_line exit $rc"; fails=$((fails+1)); }
[ $fails -eq 0 ] && echo ok
exit $fails
