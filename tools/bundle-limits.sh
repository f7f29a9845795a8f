#!/usr/bin/env bash
# Rebuild the bundled accelerator limits (limits/bundled/) from the public, permissively licensed
# collections, with the project's own importer (fipbounds limits import), each curve with the
# paper of its search (tools/limit_references.tsv), the collection's licence text and its
# provenance (repository, commit).
#
#   tools/bundle-limits.sh FORESEE_CLONE [OUT_DIR]
#
# FORESEE_CLONE: a git clone of https://github.com/KlingFelix/FORESEE (MIT). OUT_DIR defaults to
# limits/bundled. GPL-licensed collections (Darkcast) are never bundled: import them yourself.
set -euo pipefail
cd "$(dirname "$0")/.."
foresee=${1:?usage: tools/bundle-limits.sh FORESEE_CLONE [OUT_DIR]}
out=${2:-limits/bundled}
exe=${FB_BUILD_DIR:-build}/src/app/fipbounds
[ -x "$exe" ] || { echo "bundle-limits: build first (tools/build.sh)" >&2; exit 1; }
commit=$(git -C "$foresee" rev-parse HEAD 2>/dev/null || echo unknown)
models=$foresee/Models
[ -d "$models" ] || { echo "bundle-limits: $foresee has no Models/ (not a FORESEE clone?)" >&2; exit 2; }
licence=$foresee/LICENSE.md
[ -f "$licence" ] || { echo "bundle-limits: $licence missing" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
while IFS=$'\t' read -r coll bench file exp ref; do
  case "$coll" in ''|\#*) continue ;; esac
  [ "$coll" = foresee ] || continue
  lower=$(tr 'A-Z' 'a-z' <<<"$bench")
  mkdir -p "$tmp/$lower"
  src=$models/$file
  [ -f "$src" ] || { echo "bundle-limits: $src missing in the clone" >&2; exit 1; }
  "$exe" limits import foresee "$src" -o "$tmp/$lower" --benchmark "$bench" --experiment "$exp" \
    --reference "$ref" >/dev/null
  n=$((n + 1))
done < tools/limit_references.tsv
mkdir -p "$out"
for d in "$tmp"/*/; do
  b=$(basename "$d")
  # only the folders this script writes are replaced (limits/bundled/bc2/README.md explains why BC2 has none)
  rm -rf "${out:?}/$b"
  mkdir -p "$out/$b"
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
done
echo "bundle-limits: $n curves from FORESEE $commit into $out"
