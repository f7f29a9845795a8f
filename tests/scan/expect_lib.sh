# Sourced by the command-line tests. fails counts the failed checks.
# expect STATUS PATTERN -- command...: run, check exit status and that stderr+stdout match PATTERN
fails=0
expect() {
  local want=$1 pattern=$2; shift 3
  local out rc
  out=$("$@" 2>&1); rc=$?
  if [ "$rc" -ne "$want" ]; then
    echo "FAIL: '$*' exited $rc, expected $want"; echo "$out" | head -5; fails=$((fails+1)); return
  fi
  if ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAIL: '$*' output does not match /$pattern/:"; echo "$out" | head -5; fails=$((fails+1)); return
  fi
  echo "ok: $* -> $rc"
}
