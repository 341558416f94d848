#!/usr/bin/env bash
# Installs the Debian 12 packages Counter needs to build, run and test, if any are missing.
# Uses apt-get; through sudo when not root. Safe to run again: it does nothing when all are there.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  libsqlite3-dev sqlite3 libsodium-dev nlohmann-json3-dev libcli11-dev doctest-dev
  libsdl2-dev libimgui-dev libstb-dev libgl-dev libgl1-mesa-dri fonts-dejavu-core
  libzint-dev libqrencode-dev zbar-tools xvfb xauth
  libusb-1.0-0-dev libumockdev-dev umockdev
  libcpp-httplib-dev libssl-dev libpq-dev postgresql
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
