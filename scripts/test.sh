#!/usr/bin/env bash
# Builds TenantDesk and runs every test headless:
# - GUI tests on the offscreen platform;
# - keychain tests against a real Secret Service (gnome-keyring in a private D-Bus session,
#   unlocked before any test runs, in a throwaway HOME so no real keyring is touched).
# Extra arguments go to ctest (e.g. -R kinto). KINTO_SERVER_URL/KINTO_AUTH pass through.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh

# Real servers and clients for the contract suites, pinned by their lockfiles: json-server,
# oidc-provider and Prism (tests/servers), Kinto's own JavaScript client (tests/sandbox/kintojs).
# Without npm or the registry the suites that need them say they skipped.
for dir in tests/servers tests/sandbox/kintojs; do
    if command -v npm >/dev/null 2>&1; then
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || echo "npm ci failed in $dir: suites needing it will skip"
    fi
done

# The front door, as installed: build the .deb, check it (desktop file, metainfo, lintian),
# unpack it into a temporary root and start the installed tenantdesk on the demo in its check
# mode, which saves the README's screenshots into build/screenshots. A broken package or demo
# fails the run here.
bash scripts/package.sh build/screenshots

HOME="$(mktemp -d)"
XDG_RUNTIME_DIR="$(mktemp -d)"
chmod 700 "$XDG_RUNTIME_DIR"
export HOME XDG_RUNTIME_DIR
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export QT_QPA_PLATFORM=offscreen
export TENANTDESK_REQUIRE_KEYCHAIN=1   # keychain tests fail (not skip) when no keychain answers
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION DBUS_SESSION_BUS_ADDRESS

# Every suite, then (scripts/sanitize.sh, in the same D-Bus session) the core, client and model
# suites again under ASan/UBSan and each fuzz target for a few seconds on its corpus.
# TENANTDESK_SANITIZE=0 leaves that second part out.
exec dbus-run-session -- sh -c '
  printf "%s" throwaway-pw | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
  status=0
  ctest --test-dir build --output-on-failure --timeout 600 "$@" || status=1
  if [ "${TENANTDESK_SANITIZE:-1}" != 0 ]; then
    bash scripts/sanitize.sh "$@" || status=1
  fi
  exit $status' sh "$@"
