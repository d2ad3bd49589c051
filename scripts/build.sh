#!/usr/bin/env bash
# Configures and builds TenantDesk into ./build (Ninja, RelWithDebInfo, tests included).
# With ccache installed (scripts/deps.sh installs it), compilations are cached across clones:
# paths below the project are hashed relative to it, so another checkout of the same sources hits.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
if command -v ccache >/dev/null 2>&1; then
    export CMAKE_CXX_COMPILER_LAUNCHER=ccache CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
fi
[ -f build/build.ninja ] || cmake --preset default >/dev/null
cmake --build build --parallel "$(nproc)"
