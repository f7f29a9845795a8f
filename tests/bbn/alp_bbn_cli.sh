#!/usr/bin/env bash
# The BC10/BC11 BBN planes: 2 x 2 bc10_bbn and bc11_bbn scans (the abundance with production by
# scatterings, src/production/fb_prod_bc10.c, fb_prod_bc11.c), /bounds/bbn masks and the note naming the
# production.
set -uo pipefail
exe=$1
src_dir=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
scan() { # name mass_min mass_max coupling_min coupling_max
  cat > "$tmp/$1.ini" <<INI
[run]
output = $tmp/$1.h5
[model]
name = $1
[grid]
mass_min_GeV = $2
mass_max_GeV = $3
n_mass = 2
mass_spacing = log
coupling_min = $4
coupling_max = $5
n_coupling = 2
coupling_spacing = log
INI
  if ! "$exe" run "$tmp/$1.ini" > "$tmp/$1.log" 2>&1; then echo "FAIL: $1 scan"; cat "$tmp/$1.log"; fails=$((fails+1)); fi
}
# BC10: 1/f_l = 1e-9 GeV^-1 decays after 1e2-1e4 s from a near-thermal abundance (excluded); 1e-6: before BBN ends
scan bc10_bbn 0.01 0.1 1e-9 1e-6
# BC11: 1/f_G = 3e-10 GeV^-1 at 0.8-1 GeV decays hadronically after 0.1-300 s (excluded); 1e-6: tau < 1e-3 s
scan bc11_bbn 0.8 1.0 3e-10 1e-6
/usr/bin/python3 - "$tmp/bc10_bbn.h5" "$tmp/bc11_bbn.h5" <<'PY' || fails=$((fails+1))
import h5py, sys
for path in sys.argv[1:]:
    with h5py.File(path, "r") as f:
        st = f["/status"][...]; ex = f["/bounds/bbn/excluded"][...]; r = f["/quantities/n_over_ngamma_T0"][...]
        note = f["/bounds/bbn"].attrs["note"]
        note = note.decode() if isinstance(note, bytes) else str(note)
        assert (st == 0).all(), (path, st)
        assert ex[:, 0].all() and not ex[:, 1].any(), (path, ex, f["/quantities/tau_s"][...])
        assert "src/production" in note and "scatterings" in note, note
        assert (r[:, 0] > 1e-4).all(), (path, r)  # scatterings: inverse decays alone give < 1e-6 here
        # the reheating dependence (review, session 10): T_RH and the count of excluded points whose abundance
        # moves > 10 % with T_RH / 10, recomputed here from the per-point quantity
        trh = f["/quantities/abundance_TRH_change"][...]
        for g, mask in (("bbn", ex), ("neff", f["/bounds/neff/excluded"][...])):
            a = f["/bounds/" + g].attrs
            assert a["T_RH_GeV"] == 1000.0, (path, g, a["T_RH_GeV"])
            assert a["n_excluded"] == mask.sum(), (path, g, a["n_excluded"], mask)
            assert a["n_excluded_TRH_sensitive"] == ((abs(trh) > 0.1) & (mask == 1)).sum(), (path, g, trh)
        print(path.split("/")[-1], "ok:", ex.tolist(), r.tolist())
PY
# eval bbn-decay with model=bc10|bc11: tau and injection from the decay record, the abundance given
for mg in "bc10 1e-10" "bc11 1e-8"; do  # tau = 0.6 s and 0.12 s at 0.5 GeV
  read -r m g <<<"$mg"
  j=$("$exe" eval bbn-decay model=$m mass_GeV=0.5 coupling=$g n_over_ngamma=0.01 --json) || { echo "FAIL: eval bbn-decay model=$m"; fails=$((fails+1)); continue; }
  e=$("$exe" eval $m mass_GeV=0.5 coupling=$g --json) || { echo "FAIL: eval $m"; fails=$((fails+1)); continue; }
  /usr/bin/python3 - "$j" "$e" <<'PY' || fails=$((fails+1))
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
assert abs(a["tau_s"] / b["tau_s"] - 1) < 1e-9, (a["tau_s"], b["tau_s"])
assert a["n_pi_charged"] > 0 and a["excluded"] in (0, 1), a
print("eval bbn-decay", b["model"], "ok: tau", a["tau_s"], "delta_chi2", a["delta_chi2"])
PY
done
[ $fails -eq 0 ] && echo "alp_bbn_cli: all ok"
exit $fails
