#!/usr/bin/env bash
# `fipbounds merge OUT.h5 --bounds OTHER.h5` on a small grid (40 x 30, the [grid] of the default
# inputs otherwise): the SN1987A band of model bc1_sn is copied into the bc1 file with every
# dataset and attribute plus provenance, /combined gets its bit, a second copy replaces it; a
# source on another grid is resampled (nearest point; the bc9 HB and SN1987A inputs combine); another
# plane, no overlap, another benchmark, an incomplete file, a file without bounds, OUT.h5 itself
# and a missing option exit with status 2 and a message, leaving OUT.h5 unchanged. Issue 17/18:
# assumptions refused on the plane with an atomic merge, import exit statuses.
set -euo pipefail
exe=$1; src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tools/mpi-env.sh" 2>/dev/null || true
cd "$src"
small=(--set grid.n_mass=40 --set grid.n_coupling=30 --set run.log_level=warning)
"$exe" run inputs/bc1_default.ini -o "$tmp/bc1.h5" "${small[@]}"
# the couplings of bc1_default.ini (the shipped SN input starts a decade lower): the same grid, copied bit for bit
"$exe" run inputs/bc1_sn1987a_default.ini -o "$tmp/sn.h5" "${small[@]}" --set grid.coupling_min=1e-10 \
  --set "sn1987a.band_csv=$tmp/band.csv"
cp "$tmp/bc1.h5" "$tmp/bc1_orig.h5"

"$exe" merge "$tmp/bc1.h5" --bounds "$tmp/sn.h5" --quiet > "$tmp/out"
grep -q "copied 1 bound(s)" "$tmp/out"
/usr/bin/python3 - "$tmp/bc1.h5" "$tmp/sn.h5" <<'PY'
import sys, h5py, numpy as np
f, s = h5py.File(sys.argv[1], "r"), h5py.File(sys.argv[2], "r")
prov = {"copied_from_file", "copied_from_git_hash", "copied_from_model", "not_computed"}
assert set(f["bounds"].keys()) == set(s["bounds"].keys()) and "sn1987a" in f["bounds"], list(f["bounds"])
def same(a, b, where):
    ka, kb = set(a.attrs) - prov, set(b.attrs)
    assert ka == kb, (where, ka, kb)
    for k in kb:
        assert np.array_equal(np.asarray(a.attrs[k]), np.asarray(b.attrs[k])), (where, k)
    if isinstance(b, h5py.Dataset):
        assert a.dtype == b.dtype and a.shape == b.shape, where
        assert np.array_equal(a[()], b[()], equal_nan=b.dtype.kind == "f"), where
    else:
        assert set(a.keys()) - {"computed"} == set(b.keys()), (where, list(a), list(b))
        for k in b:
            same(a[k], b[k], where + "/" + k)
for name in s["bounds"]:
    g = f["bounds"][name]
    same(g, s["bounds"][name], "/bounds/" + name)
    def txt(v): return v.decode() if isinstance(v, bytes) else str(v)
    assert txt(g.attrs["copied_from_file"]) == sys.argv[2]
    assert txt(g.attrs["copied_from_model"]) == "bc1_sn"
    assert txt(g.attrs["copied_from_git_hash"]) == txt(s["code"].attrs["git_hash"])
    # computed = the source's /status == 0, its codes summarised (issue 17: not computed != allowed)
    assert np.array_equal(g["computed"][:], (s["status"][:] == 0).astype(np.uint8)), name
    nbad = int((s["status"][:] != 0).sum())
    assert (txt(g.attrs["not_computed"]) == "every point computed") == (nbad == 0), txt(g.attrs["not_computed"])
mask = s["bounds/sn1987a/excluded"][:]
assert mask.shape == (40, 30) and 0 < mask.sum() < mask.size, mask.sum()
names = [n.decode() for n in f["combined/source_names"][:]]
assert "bounds.sn1987a" in names, names
k = names.index("bounds.sn1987a")
bits = f["combined/excluded_by"][:]
assert np.array_equal(((bits >> np.uint64(k)) & np.uint64(1)).astype(np.uint8), mask)
assert np.array_equal(f["combined/bounds_excluded"][:], mask)
assert "contours/bounds.sn1987a" in f["combined"]
# the scan's own quantities are untouched
assert "ctau_m" in f["quantities"] and "sn_luminosity_erg_s" not in f["quantities"]
print(f"copy ok: {int(mask.sum())} of {mask.size} points excluded by bounds.sn1987a (bit {k})")
PY
# a second merge replaces the bound (no duplicate, same content)
"$exe" merge "$tmp/bc1.h5" --bounds "$tmp/sn.h5" --quiet >/dev/null 2>&1
/usr/bin/python3 -c "
import sys, h5py, numpy as np; f = h5py.File(sys.argv[1], 'r'); s = h5py.File(sys.argv[2], 'r')
names = [n.decode() for n in f['combined/source_names'][:]]
assert names.count('bounds.sn1987a') == 1 and not any(k.startswith('.') for k in f['bounds']), (names, list(f['bounds']))
assert np.array_equal(f['bounds/sn1987a/excluded'][:], s['bounds/sn1987a/excluded'][:])
print('replace ok')" "$tmp/bc1.h5" "$tmp/sn.h5"

expect_fail() { # expected-status expected-message command...
  local want=$1 msg=$2; shift 2
  set +e; "$@" >"$tmp/out" 2>"$tmp/err"; local st=$?; set -e
  if [ "$st" -ne "$want" ]; then echo "FAIL: '$*' exited with $st, expected $want"; cat "$tmp/err"; exit 1; fi
  if ! grep -q -- "$msg" "$tmp/err"; then echo "FAIL: '$*': no '$msg' in:"; cat "$tmp/err"; exit 1; fi
}
cp "$tmp/bc1_orig.h5" "$tmp/t.h5"
# another grid of the same plane (another length; the same length with other values): the mask is
# resampled onto the grid of t.h5 (nearest source point in log10; not excluded outside the source grid)
"$exe" run inputs/bc1_sn1987a_default.ini -o "$tmp/sn41.h5" --set grid.n_mass=41 --set grid.n_coupling=30 \
  --set grid.coupling_min=1e-10 --set run.log_level=warning --set sn1987a.band_csv=none
"$exe" run inputs/bc1_sn1987a_default.ini -o "$tmp/snc.h5" "${small[@]}" --set grid.coupling_min=2e-10 \
  --set sn1987a.band_csv=none
resample_check='
import sys, h5py, numpy as np
f, s = h5py.File(sys.argv[1], "r"), h5py.File(sys.argv[2], "r")
def near(src, dst):
    ls, ld = np.log10(src), np.log10(dst)
    i = np.abs(ld[:, None] - ls[None, :]).argmin(axis=1)
    tol = 1e-9 * max(ls[-1] - ls[0], abs(ls[0]) + abs(ls[-1]))
    return np.where((ld >= ls[0] - tol) & (ld <= ls[-1] + tol), i, -1)
im, jc = near(s["grid/mass"][:], f["grid/mass"][:]), near(s["grid/coupling"][:], f["grid/coupling"][:])
src = s["bounds/sn1987a/excluded"][:]
want = np.zeros((len(im), len(jc)), np.uint8)
for a, i in enumerate(im):
    for b, j in enumerate(jc):
        if i >= 0 and j >= 0: want[a, b] = src[i, j] != 0
got = f["bounds/sn1987a/excluded"][:]
assert got.shape == want.shape and np.array_equal(got, want), (got.sum(), want.sum())
ok = s["status"][:] == 0
wantc = np.zeros_like(want)
for a, i in enumerate(im):
    for b, j in enumerate(jc):
        if i >= 0 and j >= 0: wantc[a, b] = ok[i, j]
assert np.array_equal(f["bounds/sn1987a/computed"][:], wantc), "computed mask not resampled like excluded"
for k in ("nominal", "weak", "strong"):  # the systematic range is resampled too (not dropped)
    if k in s["bounds/sn1987a"]:
        sk = s["bounds/sn1987a/" + k][:]
        wk = np.zeros_like(want)
        for a, i in enumerate(im):
            for b, j in enumerate(jc):
                if i >= 0 and j >= 0: wk[a, b] = sk[i, j] != 0
        assert k in f["bounds/sn1987a"] and np.array_equal(f["bounds/sn1987a/" + k][:], wk), k
        dr = f["bounds/sn1987a"].attrs["resampling_dropped"]
        dr = dr.decode() if isinstance(dr, bytes) else str(dr)
        assert k not in dr.split(", "), dr
g = f["bounds/sn1987a"].attrs
t = lambda v: v.decode() if isinstance(v, bytes) else str(v)
assert sys.argv[2] in t(g["resampled_from_grid"]) and "nearest" in t(g["resampling"])
assert np.array_equal(f["bounds/sn1987a/edges"][:], s["bounds/sn1987a/edges"][:], equal_nan=True)  # grid-free data kept
names = [n.decode() for n in f["combined/source_names"][:]]
k = names.index("bounds.sn1987a")
assert np.array_equal(((f["combined/excluded_by"][:] >> np.uint64(k)) & np.uint64(1)).astype(np.uint8), want)
print(f"resampled ok: {int(want.sum())} points excluded, {int((jc < 0).sum())} couplings outside the source grid")
'
for other in sn41 snc; do
  cp "$tmp/bc1_orig.h5" "$tmp/r.h5"
  "$exe" merge "$tmp/r.h5" --bounds "$tmp/$other.h5" --quiet >/dev/null
  /usr/bin/python3 -c "$resample_check" "$tmp/r.h5" "$tmp/$other.h5"
done
# another plane, or no overlap: refused with both
cp "$tmp/sn.h5" "$tmp/snq.h5"; cp "$tmp/sn.h5" "$tmp/snfar.h5"
/usr/bin/python3 -c "
import sys, h5py
with h5py.File(sys.argv[1], 'r+') as f: f['grid/coupling'].attrs['name'] = 'g_agamma'; f['grid/coupling'].attrs['units'] = 'GeV^-1'
with h5py.File(sys.argv[2], 'r+') as f: f['grid/mass'][...] = f['grid/mass'][...] * 1e6" "$tmp/snq.h5" "$tmp/snfar.h5"
expect_fail 2 "/grid/coupling differs in its quantity: g_agamma \[GeV^-1\] in '$tmp/snq.h5', epsilon \[\] in '$tmp/t.h5'" \
  "$exe" merge "$tmp/t.h5" --bounds "$tmp/snq.h5"
expect_fail 2 "does not overlap the grid of '$tmp/t.h5'" "$exe" merge "$tmp/t.h5" --bounds "$tmp/snfar.h5"
# another benchmark, an incomplete scan (attributes edited on copies of the good file)
cp "$tmp/sn.h5" "$tmp/bc9.h5"; cp "$tmp/sn.h5" "$tmp/part.h5"
/usr/bin/python3 -c "
import sys, h5py, numpy as np
with h5py.File(sys.argv[1], 'r+') as f: f.attrs['benchmark'] = 'BC9'; f.attrs['model'] = 'bc9_sn'
with h5py.File(sys.argv[2], 'r+') as f: f.attrs['complete'] = np.int64(0)" "$tmp/bc9.h5" "$tmp/part.h5"
expect_fail 2 "benchmark 'BC9' (model 'bc9_sn') differs from the benchmark 'BC1'" \
  "$exe" merge "$tmp/t.h5" --bounds "$tmp/bc9.h5"
expect_fail 2 "'$tmp/part.h5' is not a complete scan" "$exe" merge "$tmp/t.h5" --bounds "$tmp/part.h5"
expect_fail 2 "has no /bounds/<name>: nothing to copy" "$exe" merge "$tmp/t.h5" --bounds "$tmp/bc1_orig.h5"
expect_fail 2 "is the file being merged into" "$exe" merge "$tmp/t.h5" --bounds "$tmp/t.h5"
expect_fail 2 "cannot open scan file '$tmp/nope.h5'" "$exe" merge "$tmp/t.h5" --bounds "$tmp/nope.h5"
expect_fail 2 "no --limits DIR or --bounds OTHER.h5 given" "$exe" merge "$tmp/t.h5"
# a good source followed by a bad one: nothing is copied
expect_fail 2 "/grid/coupling differs in its quantity" "$exe" merge "$tmp/t.h5" --bounds "$tmp/sn.h5" --bounds "$tmp/snq.h5"
/usr/bin/python3 -c "
import sys, h5py; f = h5py.File(sys.argv[1], 'r')
assert 'bounds' not in f and 'combined' not in f, list(f)
print('failed merges left the file unchanged')" "$tmp/t.h5"

# issue 17: --bounds good + a limit that fails on the plane (a dark-matter curve on BC1): the check
# of every source comes first and the merge is atomic: the file is byte for byte unchanged, no
# temporary file is left, and the message names both assumptions
mkdir -p "$tmp/dml" "$tmp/lim_dm"
printf 'x,y\n1e-3,1e-6\n1e-1,1e-6\n1e-1,1e-3\n' > "$tmp/dml/DMX.csv"
printf '{"labelName": "DMX", "paperUrls": ["https://arxiv.org/abs/2406.19445"], "url": "../../data/BC1/DMX.csv", "curveType": "excluded", "categories": {"assumption": "Dark Matter"}}\n' > "$tmp/dml/DMX.json"
"$exe" limits import darkmatterlive "$tmp/dml" -o "$tmp/lim_dm" > "$tmp/out"
grep -q "skipped .*DMX.csv: assumes the dark photon is the dark matter" "$tmp/out"
test ! -e "$tmp/lim_dm/DMX.limit"
"$exe" limits import darkmatterlive "$tmp/dml" -o "$tmp/lim_dm" --allow-dark-matter >/dev/null
grep -q "^# assumptions: dark_matter=fip" "$tmp/lim_dm/DMX.limit"
sum0=$(md5sum < "$tmp/t.h5")
expect_fail 2 "the limit assumes dark_matter=fip, the plane allows dark_matter=none" \
  "$exe" merge "$tmp/t.h5" --bounds "$tmp/sn.h5" --limits "$tmp/lim_dm"
grep -q "plane assumptions\|assumptions 'decay=visible; dark_matter=none'" "$tmp/err"
test "$(md5sum < "$tmp/t.h5")" = "$sum0"
if ls "$tmp"/t.h5.merge.* >/dev/null 2>&1; then echo "FAIL: temporary merge file left"; exit 1; fi
# a limit that fits: merged, with its assumptions and the plane's as attributes
mkdir -p "$tmp/lim_ok"
printf '0.01 1e-6\n0.1 1e-6\n0.1 1e-3\n' > "$tmp/dml/Vis.csv"
printf '{"labelName": "Vis", "paperUrls": ["https://arxiv.org/abs/1406.2980"], "url": "../../data/BC1/Vis.csv", "curveType": "excluded", "categories": {"assumption": "None"}}\n' > "$tmp/dml/Vis.json"
"$exe" limits import darkmatterlive "$tmp/dml/Vis.csv" -o "$tmp/lim_ok" >/dev/null
"$exe" merge "$tmp/t.h5" --bounds "$tmp/sn.h5" --limits "$tmp/lim_ok" --quiet >/dev/null
/usr/bin/python3 -c "
import sys, h5py; f = h5py.File(sys.argv[1], 'r')
def t(v): return v.decode() if isinstance(v, bytes) else str(v)
a = f['limits/Vis'].attrs
assert t(a['assumptions']) == 'dark_matter=none' and t(a['plane_assumptions']) == 'decay=visible; dark_matter=none', dict(a)
assert a['cl_percent'] == 90 and t(a['x_unit']) == 'GeV'
assert 'sn1987a' in f['bounds']
print('assumptions ok')" "$tmp/t.h5"

# issue 17: the shipped BC9 inputs on different grids combine (HB 1e-6..1e-3 GeV, SN1987A 1e-6..1 GeV);
# (both scan files name the coupling g_agamma, the canonical name; g_agg is accepted as an alias)
"$exe" run inputs/bc9_hb.ini -o "$tmp/hb.h5" --set grid.n_mass=20 --set grid.n_coupling=20 --set run.log_level=warning
"$exe" run inputs/bc9_sn1987a.ini -o "$tmp/sn9.h5" --set grid.n_mass=25 --set grid.n_coupling=30 \
  --set run.log_level=warning --set sn1987a.band_csv=none
"$exe" merge "$tmp/sn9.h5" --bounds "$tmp/hb.h5" --quiet > "$tmp/out" 2>&1
/usr/bin/python3 -c "
import sys, h5py, numpy as np; f = h5py.File(sys.argv[1], 'r')
names = [n.decode() for n in f['combined/source_names'][:]]
assert names == ['bounds.hb', 'bounds.sn1987a'], names
hb = f['bounds/hb/excluded'][:]; m = f['grid/mass'][:]
assert hb.shape == (25, 30) and hb.sum() > 0 and not hb[m > 1.001e-3].any(), hb.sum()
print(f'bc9 hb + sn1987a ok: {int(hb.sum())} HB points, {int(f[\"combined/excluded\"][:].sum())} excluded in all')" "$tmp/sn9.h5"

# issue 18 item 11: the import command line
printf '0.01 1e-6\n0.1 1e-5\n' > "$tmp/a.dat"
expect_fail 2 "--benchmark must be one of BC1 ... BC11 (given 'BC1x')" \
  "$exe" limits import hnlimits "$tmp/a.dat" --x-unit GeV --y-quantity Ue2 --cl 90 --benchmark BC1x -o "$tmp/o"
touch "$tmp/afile"
expect_fail 2 "cannot write into the output directory '$tmp/afile/sub'" \
  "$exe" limits import hnlimits "$tmp/a.dat" --x-unit GeV --y-quantity Ue2 --cl 90 -o "$tmp/afile/sub"
expect_fail 2 "cannot write into the output directory '$tmp/afile': not a directory" \
  "$exe" limits import hnlimits "$tmp/a.dat" --x-unit GeV --y-quantity Ue2 --cl 90 -o "$tmp/afile"
# parents of -o are created (README: -o limits/bc1 without limits/)
"$exe" limits import hnlimits "$tmp/a.dat" --x-unit GeV --y-quantity Ue2 --cl 90 -o "$tmp/new/deep/dir" >/dev/null
test -s "$tmp/new/deep/dir/tmp_a.limit" || ls "$tmp/new/deep/dir" | grep -q "a.limit"
# --keep-going: exit 0 with one good file, non-zero when every file failed
printf '0.01 1e-6\n0.02 oops\n' > "$tmp/b.dat"
"$exe" limits import hnlimits "$tmp/a.dat" "$tmp/b.dat" --x-unit GeV --y-quantity Ue2 --cl 90 -o "$tmp/o" --keep-going >/dev/null 2>&1
expect_fail 2 "not one of the 1 file(s) was imported" \
  "$exe" limits import hnlimits "$tmp/b.dat" --x-unit GeV --y-quantity Ue2 --cl 90 -o "$tmp/o" --keep-going
echo "ok"
