#!/usr/bin/env bash
# ensure-packages.sh PKG...: install the Debian/Ubuntu packages that are missing.
# As root it uses apt-get, otherwise sudo; where neither works, or on another
# system, it prints exactly what to install and fails.
set -euo pipefail
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
else
  echo "Sepakat: sistem ini bukan Debian/Ubuntu. Pasang padanan paket berikut lalu ulangi: $*" >&2
  echo "Sepakat: this is not Debian/Ubuntu. Install the equivalents of: $*" >&2
  exit 1
fi
((${#missing[@]})) || exit 0
echo "Sepakat: memasang paket yang belum ada / installing missing packages: ${missing[*]}" >&2
sudo=""
if [[ $(id -u) != 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "Jalankan sebagai root / run as root:  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
  || { $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}"; }
