#!/usr/bin/env bash
# Installs the Debian 12 packages TenantDesk needs to build, run and test, when any is missing.
# Uses sudo when not root. Safe to run again: does nothing when everything is present.
set -euo pipefail

packages=(g++ cmake ninja-build qt6-base-dev qtkeychain-qt6-dev libsecret-1-0 libxkbcommon-dev
          qt6-tools-dev qt6-l10n-tools qt6-translations-l10n   # lupdate/lrelease, Qt's own .qm files
          dbus gnome-keyring xvfb xauth fonts-dejavu-core openssl ccache
          dpkg-dev file desktop-file-utils appstream lintian    # the package and its checks (scripts/package.sh)
          clang libclang-rt-14-dev)                             # sanitizers and libFuzzer (scripts/sanitize.sh)

# Node.js and npm run the real test servers (tests/servers); the machine's own Node is used when
# there is one (a NodeSource build brings npm with it), Debian's otherwise.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
