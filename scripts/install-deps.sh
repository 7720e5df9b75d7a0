#!/usr/bin/env bash
# Installs the Debian packages Tunebench needs, only when some are missing.
# Idempotent: a second run with everything present does nothing but check.
set -euo pipefail

PKGS=(
  build-essential cmake ninja-build pkg-config git ccache
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libgl-dev
  libqcustomplot-dev
  libtorch-dev libopenblas0-pthread
  libsentencepiece-dev nlohmann-json3-dev libpcre2-dev libutf8proc-dev
  xvfb xauth python3 python3-venv python3-torch
)
if [[ "${1:-}" == "--print" ]]; then printf '%s\n' "${PKGS[@]}"; exit 0; fi

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
echo "tunebench: installing missing packages: ${missing[*]}"
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
