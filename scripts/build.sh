#!/usr/bin/env bash
# Configures and builds TenantDesk into ./build (Ninja, RelWithDebInfo, tests included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
[ -f build/build.ninja ] || cmake --preset default >/dev/null
cmake --build build --parallel "$(nproc)"
