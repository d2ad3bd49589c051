#!/usr/bin/env bash
# One clang build (build-san/, ASan + UBSan, libFuzzer coverage) for two checks the test command runs:
# 1. the core, client and model suites (tests/core, tests/kinto, tests/jamf, tests/kandji, tests/rest,
#    tests/models; not those labelled "gui", which drive widgets) under the sanitizers: a leak, an
#    out-of-bounds access or undefined behaviour fails;
# 2. every libFuzzer target in tests/fuzz for a bounded time on its corpus (tests/fuzz/corpus/<target>):
#    a crash fails, its input is written to build-san/crashes/ to be fixed and then added to the corpus.
#   scripts/sanitize.sh [--fuzz-seconds N] [extra ctest arguments, e.g. -R httpclient]
# Keychain rows skip unless scripts/test.sh's D-Bus session is around.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=10
if [ "${1:-}" = "--fuzz-seconds" ]; then seconds="$2"; shift 2; fi
suites=(tests/core tests/kinto tests/jamf tests/kandji tests/rest tests/models)
start=$(date +%s)

launcher=()
if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR=1
fi
cmake -S . -B build-san -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
    -DBUILD_TESTING=ON -DTENANTDESK_SANITIZE=ON -DTENANTDESK_FUZZ=ON "${launcher[@]}" >/dev/null
targets=(tenantdesk_fuzzers)
known=$(ninja -C build-san -t targets all | cut -d: -f1)
for suite in "${suites[@]}"; do
    # Test names are their target names (tenantdesk_add_test); variants (e.g. through Prism) reuse one.
    while read -r name; do
        grep -qx "$name" <<<"$known" && targets+=("$name")
    done < <(ctest --test-dir "build-san/$suite" -N -LE gui | sed -n 's/^ *Test *#[0-9]*: //p')
done
cmake --build build-san --parallel "$(nproc)" --target "${targets[@]}"
built=$(date +%s)

export QT_QPA_PLATFORM=offscreen
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/tests/sanitizers/ubsan.supp"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=0"
status=0
for suite in "${suites[@]}"; do
    ctest --test-dir "build-san/$suite" --output-on-failure --timeout 900 -LE gui -E "bench" "$@" || status=1
done
tested=$(date +%s)

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" QT_LOGGING_RULES="*=false"
mkdir -p build-san/crashes
for fuzzer in build-san/tests/fuzz/fuzz_*; do
    [ -f "$fuzzer" ] && [ -x "$fuzzer" ] || continue
    target=$(basename "$fuzzer")
    corpus="tests/fuzz/corpus/${target}"
    scratch="build-san/corpus-new/${target}"
    mkdir -p "$corpus" "$scratch"
    if ! "$fuzzer" "$scratch" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="build-san/crashes/${target}-" -print_final_stats=1 \
        2>"build-san/${target}.log"; then
        echo "FUZZ FAILED ${target}: see build-san/${target}.log and build-san/crashes/"
        tail -30 "build-san/${target}.log"
        status=1
    fi
    echo "fuzz ${target} (${seconds} s): $(grep -E '^stat::number_of_executed_units' "build-san/${target}.log" | awk '{print $2}') runs,$(grep -oE 'cov: [0-9]+' "build-san/${target}.log" | tail -1 | cut -c5-) edges"
done
echo "sanitize.sh: build $((built - start)) s, suites $((tested - built)) s, fuzzing $(( $(date +%s) - tested )) s"
exit $status
