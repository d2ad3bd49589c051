#!/usr/bin/env bash
# Builds the Debian package (CPack) from ./build, checks it, installs it into a temporary root and
# starts the installed tenantdesk once in its check mode on the demo (offscreen), which writes its
# screenshots into the directory given (default: build/screenshots). The checks: the package's
# fields, desktop-file-validate and appstreamcli on the installed files, and lintian (when
# installed): an error or a warning fails, the informational tags it still reports are explained
# in docs/packaging.md.
set -euo pipefail
cd "$(dirname "$0")/.."
shots="${1:-build/screenshots}"
bash scripts/build.sh

rm -rf build/package
(cd build && cpack -G DEB -B package >/dev/null)
deb=$(ls build/package/tenantdesk_*.deb)
echo "package: $deb"
dpkg-deb --show --showformat='  ${Package} ${Version} ${Architecture}\n  Depends: ${Depends}\n' "$deb"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
desktop-file-validate "$root"/usr/share/applications/*.desktop
appstreamcli validate-tree --no-net "$root" >/dev/null || appstreamcli validate-tree --no-net "$root"
for f in "$root"/usr/bin/tenantdesk "$root"/usr/bin/tenantctl \
         "$root"/usr/share/icons/hicolor/scalable/apps/tenantdesk.svg \
         "$root"/usr/share/icons/hicolor/48x48/apps/tenantdesk.png; do
    [ -e "$f" ] || { echo "not installed: ${f#"$root"}" >&2; exit 1; }
done
if command -v lintian >/dev/null 2>&1 && [ "${TENANTDESK_LINTIAN:-1}" != 0 ]; then
    status=0
    report=$(lintian --display-info --tag-display-limit 0 --fail-on error,warning "$deb" 2>&1) || status=$?
    printf '%s\n' "$report" | grep -v "root privileges" || true
    [ "$status" -eq 0 ] || { echo "lintian: errors or warnings (see docs/packaging.md)" >&2; exit 1; }
fi

"$root"/usr/bin/tenantctl --help >/dev/null
QT_QPA_PLATFORM=offscreen "$root"/usr/bin/tenantdesk --demo --check "$shots"
