#!/usr/bin/env bash
# Rebuild the bundled accelerator limits (limits/bundled/) from the public, permissively licensed
# collections, with the project's own importer (fipbounds limits import), each curve with the
# paper of its search, the collection's licence text and its provenance (repository, commit).
#
#   tools/bundle-limits.sh [--hnl HNL_CLONE] [--axionlimits AXL_CLONE] FORESEE_CLONE|- [OUT_DIR]
#
# FORESEE_CLONE: a git clone of https://github.com/KlingFelix/FORESEE (MIT): BC1, BC4, BC9 and BC11,
#   one paper per curve from tools/limit_references.tsv.
# HNL_CLONE: a git clone of https://github.com/mhostert/Heavy-Neutrino-Limits (MIT): BC6, BC7, BC8,
#   converted with `fipbounds limits import hnlimits` and the units tables that tools/hnl_units_table.py
#   --bundle writes from the collection's local_HNL_database.xlsx (unit, CL, top/bottom pairs and the
#   INSPIRE key of the paper of each curve; only the spreadsheet's rows, none of type C = cosmology).
# AXL_CLONE: a git clone of https://github.com/cajohare/AxionLimits (MIT), or a folder holding its
#   LICENSE and the limit_data/ files named in tools/axionlimits_curves.tsv: the accelerator curves of
#   that table (action "bundle") into the folder of their benchmark, beside the FORESEE curves
#   (LICENSE-AxionLimits.txt, PROVENANCE-AxionLimits.md with every curve's class, paper, file and
#   commit, and the curves left out with the reason); astrophysical, cosmological and haloscope
#   curves are never bundled. FORESEE_CLONE "-" rebuilds only the other collections.
# Any clone may also be a bare repository or mirror (no work tree): the files are then read with
# git ls-tree / git cat-file at HEAD, and blobs absent from a partial mirror (.pckl, .png, .pdf)
# are skipped. OUT_DIR defaults to limits/bundled; in the benchmark folders written only the curves of the
# collection being rebuilt are replaced (FORESEE and AxionLimits share bc9).
# GPL-licensed collections (Darkcast) are never bundled: import them yourself.
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: tools/bundle-limits.sh [--hnl HNL_CLONE] [--axionlimits AXL_CLONE] FORESEE_CLONE|- [OUT_DIR]"
hnl= axl=
while :; do
  case "${1:-}" in
    --hnl) hnl=${2:?$usage}; shift 2 ;;
    --axionlimits) axl=${2:?$usage}; shift 2 ;;
    *) break ;;
  esac
done
foresee=${1:?$usage}
out=${2:-limits/bundled}
exe=${FB_BUILD_DIR:-build}/src/app/fipbounds
[ -x "$exe" ] || { echo "bundle-limits: build first (tools/build.sh)" >&2; exit 1; }
exe=$(cd "$(dirname "$exe")" && pwd)/fipbounds
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# tree SRC DEST REGEX PATH...: the files under PATH... of the clone SRC whose path matches the
# extended regular expression REGEX, as a directory (DEST is filled from git, one `git cat-file --batch`
# for all the files, when SRC has no work tree); prints the directory to use
tree() {
  local src=$1 dest=$2 re=$3
  shift 3
  if [ -e "$src/$1" ]; then echo "$src"; return; fi
  git -C "$src" rev-parse --git-dir > /dev/null 2>&1 || { echo "bundle-limits: $src: no $1 and not a git repository" >&2; return 1; }
  mkdir -p "$dest"
  git -C "$src" ls-tree -r HEAD -- "$@" | awk -F'\t' -v re="$re" '{split($1, a, " "); if (a[2] == "blob" && $2 ~ re) print a[3] "\t" $2}' \
    | grep -vE '\.(pckl|png|pdf|tar|tgn)$' > "$dest.list" || true
  # blobs absent from a partial mirror come back as "<object> missing" and are skipped
  cut -f1 "$dest.list" | git -C "$src" cat-file --batch 2> /dev/null | /usr/bin/python3 -c '
import os, sys
dest, paths = sys.argv[1], [l.rstrip("\n").split("\t", 1)[1] for l in open(sys.argv[2])]
inp = sys.stdin.buffer
for path in paths:
    head = inp.readline().split()
    if len(head) < 3:
        continue
    data = inp.read(int(head[2]))
    inp.read(1)
    os.makedirs(os.path.join(dest, os.path.dirname(path)), exist_ok=True)
    with open(os.path.join(dest, path), "wb") as f:
        f.write(data)
' "$dest" "$dest.list"
  echo "$dest"
}

# point_to_others DIR: DIR/PROVENANCE.md names the AxionLimits curves of the folder, when it has some
point_to_others() {
  local d=$1
  if [ -f "$d/PROVENANCE-AxionLimits.md" ] && [ -f "$d/PROVENANCE.md" ] && ! grep -q PROVENANCE-AxionLimits "$d/PROVENANCE.md"; then
    printf '\nThe AxionLimits curves of this folder are described in PROVENANCE-AxionLimits.md (licence\nLICENSE-AxionLimits.txt).\n' >> "$d/PROVENANCE.md"
  fi
}

# ---------------------------------------------------------------- FORESEE: BC1, BC4, BC9, BC11
if [ "$foresee" != - ]; then
commit=$(git -C "$foresee" rev-parse HEAD 2>/dev/null || echo unknown)
froot=$(tree "$foresee" "$tmp/foresee-src" '^LICENSE.md$|/model/lines/' LICENSE.md Models)
models=$froot/Models
[ -d "$models" ] || { echo "bundle-limits: $foresee has no Models/ (not a FORESEE clone?)" >&2; exit 2; }
licence=$froot/LICENSE.md
[ -f "$licence" ] || { echo "bundle-limits: $licence missing" >&2; exit 2; }
n=0
while IFS=$'\t' read -r coll bench file exp ref; do
  case "$coll" in ''|\#*) continue ;; esac
  [ "$coll" = foresee ] || continue
  lower=$(tr 'A-Z' 'a-z' <<<"$bench")
  mkdir -p "$tmp/foresee/$lower"
  src=$models/$file
  [ -f "$src" ] || { echo "bundle-limits: $src missing in the clone" >&2; exit 1; }
  "$exe" limits import foresee "$src" -o "$tmp/foresee/$lower" --benchmark "$bench" --experiment "$exp" \
    --reference "$ref" >/dev/null
  n=$((n + 1))
done < tools/limit_references.tsv
mkdir -p "$out"
for d in "$tmp"/foresee/*/; do
  b=$(basename "$d")
  # only the folders this script writes are rewritten (limits/bundled/bc2/README.md explains why BC2 has
  # none), and in them only FORESEE's curves: another collection's curves (AxionLimits in bc9) stay
  mkdir -p "$out/$b"
  for f in "$out/$b"/*.limit; do
    if [ -e "$f" ] && ! grep -q "^# licence: MIT (AxionLimits" "$f"; then rm -f "$f"; fi
  done
  cp "$d"/*.limit "$out/$b/"
  cp "$licence" "$out/$b/LICENSE-FORESEE.md"
  {
    echo "# Bundled accelerator limits for ${b^^}"
    echo
    echo "Converted by \`tools/bundle-limits.sh\` (fipbounds' own importer, \`fipbounds limits import foresee\`)"
    echo "from FORESEE (Kling and Trojanowski, arXiv:2105.07077), MIT licence (LICENSE-FORESEE.md),"
    echo "repository https://github.com/KlingFelix/FORESEE, commit $commit."
    echo "Each .limit file names the paper of its search (\`# reference:\`, from tools/limit_references.tsv)"
    echo "and the FORESEE file it comes from (\`# provenance:\`)."
    echo
    echo "| experiment | paper | FORESEE file |"
    echo "|---|---|---|"
    while IFS=$'\t' read -r coll bench file exp ref; do
      case "$coll" in ''|\#*) continue ;; esac
      [ "$(tr 'A-Z' 'a-z' <<<"$bench")" = "$b" ] && echo "| $exp | $ref | Models/$file |"
    done < tools/limit_references.tsv
  } > "$out/$b/PROVENANCE.md"
  point_to_others "$out/$b"
done
echo "bundle-limits: $n curves from FORESEE $commit into $out"
fi

# ---------------------------------------------------------------- AxionLimits: BC9 accelerator curves
if [ -n "$axl" ]; then
  aroot=$(tree "$axl" "$tmp/axl-src" '^LICENSE$|^limit_data/Axion(Photon|Electron)/' LICENSE limit_data/AxionPhoton \
    limit_data/AxionElectron)
  [ -f "$aroot/LICENSE" ] || { echo "bundle-limits: $axl has no LICENSE (not an AxionLimits clone?)" >&2; exit 2; }
  na=0
  while IFS=$'\t' read -r file tcommit class action bench ref fill assum; do
    case "$file" in ''|\#*) continue ;; esac
    [ "$action" = bundle ] || continue
    src=$aroot/$file
    [ -f "$src" ] || { echo "bundle-limits: $src missing in the AxionLimits clone" >&2; exit 1; }
    # the commit of the file in the clone (a full clone); else the one recorded when it was read
    c=$(git -C "$axl" log -1 --format=%H -- "$file" 2>/dev/null || true)
    [ -n "$c" ] || c=$tcommit
    b=$(tr 'A-Z' 'a-z' <<<"$bench")
    args=(--benchmark "$bench" --assumptions "$assum")
    [ "$ref" = - ] || args+=(--reference "$ref")
    [ "$fill" = - ] || args+=(--fill-to "$fill")
    mkdir -p "$tmp/axl/$b"
    "$exe" limits import axionlimits "$src" -o "$tmp/axl/$b" "${args[@]}" > "$tmp/axl-one.log"
    exp=$(basename "$file" .txt)
    # the importer names the file; the commit is the bundle's to add (the importer cannot know it)
    sed -i -e "s|^\(# provenance: .*\)$|\1; repository commit $c|" "$tmp/axl/$b/$exp.limit"
    printf '%s\t%s\t%s\t%s\n' "$b" "$exp" "$class" "$c" >> "$tmp/axl-rows"
    na=$((na + 1))
  done < tools/axionlimits_curves.tsv
  for d in "$tmp"/axl/*/; do
    b=$(basename "$d")
    mkdir -p "$out/$b"
    for f in "$out/$b"/*.limit; do
      if [ -e "$f" ] && grep -q "^# licence: MIT (AxionLimits" "$f"; then rm -f "$f"; fi
    done
    cp "$d"/*.limit "$out/$b/"
    cp "$aroot/LICENSE" "$out/$b/LICENSE-AxionLimits.txt"
    {
      echo "# Bundled accelerator limits for ${b^^} from AxionLimits"
      echo
      echo "Converted by \`tools/bundle-limits.sh --axionlimits\` (fipbounds' own importer, \`fipbounds limits import"
      echo "axionlimits\`: m_a in eV -> GeV, g_agamma in GeV^-1) from AxionLimits (C. O'Hare,"
      echo "https://github.com/cajohare/AxionLimits, doi:10.5281/zenodo.3932430), MIT licence"
      echo "(LICENSE-AxionLimits.txt). The curves and the reasons for the ones left out are listed in"
      echo "tools/axionlimits_curves.tsv; the paper of each curve is the one its file names. CL: as the"
      echo "file states it, else 95 % assumed (noted in the .limit file)."
      echo
      echo "| experiment | paper | CL % | m_a range [GeV] | class | collection file | commit |"
      echo "|---|---|---|---|---|---|---|"
      while IFS=$'\t' read -r rb exp class c; do
        [ "$rb" = "$b" ] || continue
        awk -v cls="$class" -v c="$c" '/^# experiment:/{e=$3} /^# reference:/{r=$3} /^# cl_percent:/{cl=$3}
             /^# provenance:/{p=$0; sub(/.* file /,"",p); sub(/;.*/,"",p)}
             !/^#/ && NF >= 2 && $1 + 0 > 0 {x = $1 + 0; if (lo == "" || x < lo) lo = x; if (hi == "" || x > hi) hi = x}
             END {printf "| %s | %s | %s | %.3g - %.3g | %s | %s | %s |\n", e, r, cl, lo, hi, cls, p, c}' "$out/$b/$exp.limit"
      done < "$tmp/axl-rows"
      echo
      echo "Left out:"
      echo
      awk -F'\t' '!/^#/ && NF >= 4 && $4 != "bundle" {printf "- %s (commit %s, %s): %s\n", $1, substr($2, 1, 8), $3, substr($4, 7)}' \
        tools/axionlimits_curves.tsv
      echo "- every astrophysical, cosmological and haloscope curve of the collection (not accelerator limits)"
    } > "$out/$b/PROVENANCE-AxionLimits.md"
    point_to_others "$out/$b"
  done
  echo "bundle-limits: $na curves from AxionLimits into $out"
fi

# ---------------------------------------------------------------- Heavy-Neutrino-Limits: BC6, BC7, BC8
[ -n "$hnl" ] || exit 0
hcommit=$(git -C "$hnl" rev-parse HEAD 2>/dev/null || echo unknown)
hroot=$(tree "$hnl" "$tmp/hnl-src" . src/HNLimits/include/local_HNL_database.xlsx src/HNLimits/include/data LICENSE)
inc=$hroot/src/HNLimits/include
[ -f "$inc/local_HNL_database.xlsx" ] || { echo "bundle-limits: $hnl has no src/HNLimits/include/local_HNL_database.xlsx" >&2; exit 2; }
[ -f "$hroot/LICENSE" ] || { echo "bundle-limits: $hnl has no LICENSE" >&2; exit 2; }
/usr/bin/python3 tools/hnl_units_table.py --bundle "$inc/local_HNL_database.xlsx" "$tmp/hnl-tables" > /dev/null
for sheet in Ue4:bc6:U_e Umu4:bc7:U_mu Utau4:bc8:U_tau; do
  IFS=: read -r name b flav <<<"$sheet"
  dir=$tmp/hnl/$b
  mkdir -p "$dir"
  # --keep-going: a file the importer refuses is left out and listed in PROVENANCE.md with the reason
  # run from the temporary folder, so that the files name the table as hnl-tables/hnl_<sheet>.units
  (cd "$tmp" && "$exe" limits import hnlimits "$inc/data" --units-table "hnl-tables/hnl_$name.units" -o "$dir" \
    --keep-going > "$tmp/hnl-$b.log" 2>&1) || true
  ls "$dir"/*.limit > /dev/null 2>&1 || { echo "bundle-limits: no $b curve imported:" >&2; cat "$tmp/hnl-$b.log" >&2; exit 1; }
  rm -rf "${out:?}/$b"
  mkdir -p "$out/$b"
  cp "$dir"/*.limit "$out/$b/"
  cp "$hroot/LICENSE" "$out/$b/LICENSE-Heavy-Neutrino-Limits.txt"
  {
    echo "# Bundled limits for ${b^^} (HNL mixing with ${flav#U_} only: |${flav}|^2 versus m_N)"
    echo
    echo "Converted by \`tools/bundle-limits.sh --hnl\` (fipbounds' own importer, \`fipbounds limits import hnlimits\`)"
    echo "from Heavy-Neutrino-Limits (Fernandez-Martinez, Gonzalez-Lopez, Hernandez-Garcia, Hostert,"
    echo "Lopez-Pavon, arXiv:2304.06772), MIT licence (LICENSE-Heavy-Neutrino-Limits.txt), repository"
    echo "https://github.com/mhostert/Heavy-Neutrino-Limits, commit $hcommit."
    echo "Units, confidence level, top/bottom edges and the paper (INSPIRE key) of each curve are those of"
    echo "sheet $name of the collection's local_HNL_database.xlsx (\`tools/hnl_units_table.py --bundle\`);"
    echo "rows of type C (cosmology: the BBN region of Sabti et al.) are left out, as fipbounds computes BBN"
    echo "itself (models bc6/7/8_bbn). The confidence level is recorded, never rescaled (90 or 95 %)."
    echo "\`decay=any\`: peak searches and other bounds that hold whatever N decays to."
    echo
    echo "| experiment | paper | CL % | m_N range [GeV] | kind | assumptions | collection file |"
    echo "|---|---|---|---|---|---|---|"
    for f in "$out/$b"/*.limit; do
      awk '/^# experiment:/{e=$3} /^# reference:/{r=$3} /^# cl_percent:/{cl=$3} /^# kind:/{k=$3}
           /^# assumptions:/{sub(/^# assumptions: /,""); a=$0}
           /^# provenance:/{p=$0; sub(/.* file /,"",p); sub(/;.*/,"",p)}
           !/^#/ && NF >= 2 && $1 + 0 > 0 {x = $1 + 0; if (lo == "" || x < lo) lo = x; if (hi == "" || x > hi) hi = x}
           END {printf "| %s | %s | %s | %.3g - %.3g | %s | %s | %s |\n", e, r, cl, lo, hi, k, a, p}' "$f"
    done
    if grep -q "error (" "$tmp/hnl-$b.log"; then
      echo
      echo "Left out (refused by the importer):"
      echo
      grep "error (" "$tmp/hnl-$b.log" | sed -e "s|$inc/data/||g" -e 's/^fipbounds limits import: /- /'
    fi
  } > "$out/$b/PROVENANCE.md"
  echo "bundle-limits: $(ls "$out/$b"/*.limit | wc -l) curves from Heavy-Neutrino-Limits $hcommit into $out/$b"
done
