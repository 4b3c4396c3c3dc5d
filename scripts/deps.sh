#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine with Node 20:
# Debian packages (as root; otherwise names them and stops) and the npm dependencies.
# Usage: scripts/deps.sh [test|run]
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-test}"

# Debian packages: chromium for the e2e suites; xmllint for XSD validation; dbus + gnome-keyring +
# libsecret for the keychain (keytar) tests; msitools/wixl for the MSI authoring; wine for MSI installs.
# keytar (a runtime dependency) compiles against libsecret at `npm ci`, so libsecret-1-dev is needed in
# both modes; the tests also run a Secret Service (dbus-run-session + gnome-keyring-daemon) and real MSI
# builds (wixl, msiinfo/msibuild from msitools) and installs (wine).
pkgs=(chromium libsecret-1-dev pkg-config)
if [ "$mode" = test ]; then pkgs+=(libxml2-utils dbus gnome-keyring wixl msitools wine wine64); fi
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "deps: installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "deps: missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
    [ "$mode" = test ] && exit 1
  fi
fi

# npm dependencies. The Electron package's postinstall would download a binary, which these machines
# cannot reach: skip it; the desktop app then says it needs a binary and the demo falls back to the browser.
stamp=node_modules/.deps-stamp
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "deps: installing npm packages (npm ci)"
  ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}" npm ci --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
