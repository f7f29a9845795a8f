#!/usr/bin/env bash
# Install Debian's Slurm (slurmctld, slurmd and the client commands) for the `slurm`-labelled tests,
# idempotently: nothing is done (no network, no root needed) when the commands are present.
# Exit status 0 when Slurm is usable afterwards, 1 when it cannot be installed (the tests then skip).
# The default build and the other tests do not need Slurm; tests/slurm/harness.sh calls this.
set -euo pipefail

PACKAGES=(slurmctld slurmd slurm-client)

have_all() { command -v slurmctld && command -v slurmd && command -v sbatch; } >/dev/null 2>&1
if have_all; then
  echo "install-slurm: slurmctld, slurmd and the client commands are present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "install-slurm: need root (or password-less sudo) to install: ${PACKAGES[*]}" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-slurm: no apt-get on this system: install Slurm (${PACKAGES[*]}) yourself" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# The packages' postinst scripts would start system-wide daemons under systemd or sysvinit; the
# tests start their own daemons with their own configuration, so service starts are disabled
# while installing (policy-rc.d exit status 101 = "action forbidden").
policy=/usr/sbin/policy-rc.d
own_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null && $SUDO chmod 755 "$policy" && own_policy=1
fi
cleanup() { if [ "$own_policy" -eq 1 ]; then $SUDO rm -f "$policy"; fi; }
trap cleanup EXIT
# apt can fail transiently (network, another apt process holding the lock): retry a few times.
ok=0
for attempt in 1 2 3; do
  if $SUDO apt-get install -y -q --no-install-recommends "${PACKAGES[@]}" >/dev/null 2>&1; then ok=1; break; fi
  $SUDO apt-get update -q >/dev/null 2>&1 || true
  echo "install-slurm: apt-get install failed (attempt $attempt)" >&2
  sleep 5
done
if [ "$ok" -eq 1 ] && have_all; then
  echo "install-slurm: installed ${PACKAGES[*]}"
  exit 0
fi
echo "install-slurm: could not install ${PACKAGES[*]}" >&2
exit 1
