#!/usr/bin/env bash
# Builds TenantDesk and starts it on its embedded demo sandbox servers.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec ./build/app/tenantdesk --demo "$@"
