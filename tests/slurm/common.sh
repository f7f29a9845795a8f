# shellcheck shell=bash
# Shared by the slurm tests: the executable, the source tree, a small scan and file comparisons.
# usage (from a test): . "$src/tests/slurm/common.sh"  with exe=... src=... set.

# compare_scan REF OUT LABEL: the datasets a single-job run writes are identical bit for bit.
compare_scan() {
  local ref=$1 out=$2 label=$3 obj
  for obj in /grid /status /status_messages /quantities; do
    if ! h5diff -q "$ref" "$out" "$obj" "$obj"; then
      echo "FAIL ($label): $obj of $out differs from $ref"; h5diff -r "$ref" "$out" "$obj" "$obj" | head -20; return 1
    fi
  done
}

# h5attr FILE OBJECT ATTR: print a scalar attribute (string or number).
h5attr() {
  /usr/bin/python3 - "$@" <<'PY'
import sys, h5py
with h5py.File(sys.argv[1], "r") as f:
    v = f[sys.argv[2]].attrs[sys.argv[3]]
    print(v.decode() if isinstance(v, bytes) else v)
PY
}

# expect_eq LABEL GOT WANT
expect_eq() {
  if [ "$2" != "$3" ]; then echo "FAIL ($1): got '$2', expected '$3'"; return 1; fi
}
