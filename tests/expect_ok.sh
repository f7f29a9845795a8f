#!/usr/bin/env bash
# Run a command; pass only if it exits 0 AND its output matches the extended regular expression.
# (ctest's PASS_REGULAR_EXPRESSION alone ignores the exit status.) Usage: expect_ok.sh REGEX CMD [ARGS...]
set -uo pipefail
re=$1
shift
out=$("$@" 2>&1)
rc=$?
printf '%s\n' "$out"
if [ "$rc" -ne 0 ]; then echo "FAIL: exit status $rc"; exit 1; fi
if ! grep -Eq -- "$re" <<<"$out"; then echo "FAIL: output does not match: $re"; exit 1; fi
exit 0
