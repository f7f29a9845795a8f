#!/usr/bin/env bash
# Install the Debian packages fipbounds needs, idempotently: only missing packages are installed,
# and nothing is done (no network, no root needed) when everything is present.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config git
  libopenmpi-dev openmpi-bin
  libsundials-dev   # CVODE and CVODES (fb_ode links CVODES: forward sensitivities)
  libgsl-dev
  libhdf5-openmpi-dev hdf5-tools
  check libsubunit-dev
  libinih-dev
  python3 python3-numpy python3-scipy python3-h5py python3-matplotlib
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
# apt-get update can fail transiently; retry a few times before giving up.
for attempt in 1 2 3; do
  if $SUDO apt-get update -q; then break; fi
  echo "install-deps: apt-get update failed (attempt $attempt)" >&2
  sleep 5
done
for attempt in 1 2 3; do
  if $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"; then exit 0; fi
  echo "install-deps: apt-get install failed (attempt $attempt)" >&2
  sleep 5
done
exit 1
