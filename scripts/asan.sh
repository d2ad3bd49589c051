#!/usr/bin/env bash
# Builds the `asan` preset (Debug, ASan + UBSan) in build-asan/ and runs the core, client (kinto)
# and model suites under it. A leak, an out-of-bounds access or undefined behaviour fails the run.
# Keychain rows skip unless scripts/test.sh's D-Bus session is around (they do not need ASan).
#   scripts/asan.sh [extra ctest arguments, e.g. -R httpclient]
# Time on 2 shared cores: a fresh build-asan/ with a warm ccache about 3 min build + 2 min tests
# (17 suites); with a cold ccache the build took 21 min under heavy load.
set -euo pipefail
cd "$(dirname "$0")/.."
suites=(tests/core tests/kinto tests/models)
start=$(date +%s)

cmake --preset asan >/dev/null
targets=()
for suite in "${suites[@]}"; do
    # Test names are their target names (tenantdesk_add_test).
    while read -r name; do targets+=("$name"); done < <(ctest --test-dir "build-asan/$suite" -N | sed -n 's/^ *Test *#[0-9]*: //p')
done
cmake --build build-asan -j2 --target "${targets[@]}"
built=$(date +%s)

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=0"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/tests/sanitizers/ubsan.supp"
export QT_QPA_PLATFORM=offscreen
status=0
for suite in "${suites[@]}"; do
    ctest --test-dir "build-asan/$suite" --output-on-failure --timeout 600 "$@" || status=1
done
echo "asan.sh: build $((built - start)) s, tests $(( $(date +%s) - built )) s"
exit $status
